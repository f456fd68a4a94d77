"""The fortieth blind set (cold38): five documents of an invented county bureau (蔚桥县), each from a
producer or in a shape no earlier set used.

    /work/main/.venv/bin/python benchmarks/corpus-cold38/make_corpus.py [FOLDER [NAME…]]

1. a report on the model-aircraft group as a **LibreOffice Impress presentation (.odp)** (python-pptx
   writes the deck — title slide, bullets, a table, speaker notes — and Impress saves it as ODF, ``impress8``);
2. a notice on a star-gazing evening as a **PDF with an optional-content layer switched off** (PyMuPDF
   ``add_ocg(on=False)``: the draft's figures and a reviewer's remark drawn in a hidden layer 「修改稿」,
   as a design program exports a file whose review layer is hidden; viewers do not show it);
3. a summary of the bamboo-weaving classes as a **.docx whose figures are only in a Word chart**
   (python-docx with a chart part, ``word/charts/chart1.xml``, written by python-pptx's chart XML writer,
   placed inline as Word places 「插入 › 图表」);
4. a notice on gas alarms in an **e-mail sent as Thunderbird sends it**: text/plain, UTF-8, 8bit,
   ``format=flowed; delsp=yes`` (RFC 3676: each long line soft-broken with a space before the line end,
   inside Chinese words too), and a signature after the 「-- 」 separator;
5. a notice on dental care as a **.docx whose labels are set with 「调整宽度」** (``w:fitText``: 「主送」
   「抄送」「联系人」 stretched to four characters' width) and whose footnote has a **custom mark**
   (``w:customMarkFollows``: the mark 「※」 typed in the text and in the note).

Every name, address, telephone number and amount is invented. Needs LibreOffice (Impress), PyMuPDF,
python-pptx and python-docx (for making the files only); none is a new speechqa dependency. A re-run
gives the same text; the bytes differ.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from email.message import EmailMessage
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.fixtures.corpus_writers import run_makers, truetype_font  # noqa: E402

AUTHOR = "中共蔚桥县委老干部局"

# --- 1. a LibreOffice Impress presentation (.odp) ------------------------------------------------

DECK_TITLE = "蔚桥县老干部航模兴趣小组2034年工作汇报"
DECK_SUBTITLE = "汇报人：殷鹤年　2035年1月18日"
# (title, bullets, notes); a slide whose bullets are a tuple of rows is a table
DECK_SLIDES: tuple[tuple[str, tuple, str], ...] = (
    (
        "基本情况",
        (
            "兴趣小组成立于2031年4月，现有成员36人，平均年龄68岁。",
            "活动场地为县老干部活动中心三楼航模工作室和城东青少年航空科普基地。",
            "每周三下午集中活动，由退休工程师章孝先担任技术指导。",
        ),
        "飞行训练须在县通用机场西侧空域进行，每次飞行前向机场塔台报备。",
    ),
    (
        "全年活动",
        (
            ("活动", "时间", "参加人数"),
            ("遥控固定翼飞行训练", "3月至11月每月两次", "412人次"),
            ("航模制作讲座", "全年8场", "263人次"),
            ("县青少年航模比赛裁判", "6月", "12人"),
            ("“银翼”航模展", "10月", "观展2100人次"),
        ),
        "",
    ),
    (
        "主要成绩",
        (
            "在全省老年航模邀请赛中获得团体第三名。",
            "章孝先制作的运-5仿真模型获个人一等奖。",
            "小组志愿者进校园开展航空科普课21节。",
        ),
        "",
    ),
    (
        "2035年打算",
        (
            "新增无人机航拍班，计划招收学员20人。",
            "申请县老干部活动经费1.8万元，用于更新遥控设备。",
            "与县第二中学共建航模科普基地。",
        ),
        "无人机航拍班学员须年满60周岁、身体健康，并通过视力测试。报名找小组秘书骆晓岚，电话0514-6620137。",
    ),
)


def write_deck(path: Path) -> None:
    """python-pptx writes the deck; LibreOffice Impress saves it as an ODF presentation."""
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    deck.core_properties.title = DECK_TITLE
    deck.core_properties.author = "殷鹤年"
    first = deck.slides.add_slide(deck.slide_layouts[0])
    first.shapes.title.text = DECK_TITLE
    first.placeholders[1].text = DECK_SUBTITLE
    for title, items, notes in DECK_SLIDES:
        if isinstance(items[0], tuple):
            slide = deck.slides.add_slide(deck.slide_layouts[5])
            slide.shapes.title.text = title
            table = slide.shapes.add_table(
                len(items), len(items[0]), Inches(0.5), Inches(1.8), Inches(9), Inches(3)
            ).table
            for r, row in enumerate(items):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
        else:
            slide = deck.slides.add_slide(deck.slide_layouts[1])
            slide.shapes.title.text = title
            frame = slide.placeholders[1].text_frame
            frame.text = items[0]
            for item in items[1:]:
                frame.add_paragraph().text = item
        if notes:
            slide.notes_slide.notes_text_frame.text = notes
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / (path.stem + ".pptx")
        deck.save(str(source))
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "odp:impress8", "--outdir", tmp, str(source)],
            check=True,
            capture_output=True,
            timeout=300,
        )
        path.write_bytes((Path(tmp) / (path.stem + ".odp")).read_bytes())


DECK_PARTS = (
    ("title", DECK_TITLE),
    ("body", DECK_SUBTITLE),
    *(
        part
        for title, items, notes in DECK_SLIDES
        for part in (
            ("body", title),
            *(("body", cell) for item in items for cell in (item if isinstance(item, tuple) else (item,))),
            *((("body", notes),) if notes else ()),
        )
    ),
)

# --- 2. a PDF with an optional-content layer switched off ----------------------------------------

STAR_TITLE = "关于组织离退休干部参加天文观星科普活动的通知"
STAR_NUMBER = "蔚桥老干发〔2035〕7号"
STAR_BODY: tuple[tuple[str, str], ...] = (
    ("p0", "各离退休干部党支部："),
    (
        "p",
        "为丰富离退休干部精神文化生活，普及天文科学知识，县委老干部局与县科技馆联合举办天文观星科普活动。"
        "现将有关事项通知如下：",
    ),
    ("p", "一、活动时间。2035年8月28日（星期二）晚7时至10时，如遇阴雨天气顺延至8月30日。"),
    ("p", "二、活动地点。凤鸣山天文台观测平台，集合地点为县老干部活动中心门口，下午6时统一乘车前往。"),
    (
        "p",
        "三、活动内容。县科技馆高级工程师万星辰讲解夏季星空，参加者用天文台口径400毫米的反射望远镜观测"
        "土星光环和月球环形山。",
    ),
    ("p", "四、参加对象和名额。身体健康、行动方便的离退休干部，名额40人，按报名先后确定。"),
    (
        "p",
        "五、有关要求。观测平台夜间气温较低，请自备外套和手电筒；患有心脑血管疾病的同志不宜参加。"
        "请各支部于8月20日前将报名表报局文体科，联系人郁清和，电话0514-6620158。",
    ),
)
STAR_SIGN = ("中共蔚桥县委老干部局", "2035年8月12日")
# the hidden layer 「修改稿」: the draft's figures where they stood, and a reviewer's remark in the margin
STAR_HIDDEN = (
    "（初稿：名额30人，8月25日晚举行，费用每人50元）",
    "审核意见：请与天文台核实夜间开放时间。局办公室俞",
)


def write_star(path: Path) -> None:
    """PyMuPDF: the notice in the built-in simplified-Chinese font, and two lines in a layer 「修改稿」
    that is off (``add_ocg(on=False)``): a viewer does not show them, but they are in the page's text."""
    import pymupdf as fitz

    text = "".join([STAR_TITLE, STAR_NUMBER, *(t for _, t in STAR_BODY), *STAR_SIGN, *STAR_HIDDEN])
    with tempfile.TemporaryDirectory() as tmp:  # Noto Serif CJK SC cut to the notice's characters
        font_file = str(truetype_font(text, Path(tmp) / "NotoSerifSC-subset.ttf", name="NotoSerifSC"))
        _write_star(path, fitz, font_file)


def _write_star(path: Path, fitz, font_file: str) -> None:  # type: ignore[no-untyped-def]
    doc = fitz.open()
    hidden = doc.add_ocg("修改稿", on=False)
    page = doc.new_page(width=595, height=842)
    face = fitz.Font(fontfile=font_file)
    font = "noto"
    page.insert_font(fontname=font, fontfile=font_file)
    left, right, size = 80.0, 515.0, 15.0
    leading = size * 1.75

    def centred(text: str, y: float, fontsize: float) -> None:
        width = face.text_length(text, fontsize=fontsize)
        page.insert_text(((595 - width) / 2, y), text, fontname=font, fontsize=fontsize)

    y = 120.0
    centred(STAR_NUMBER, y, size)
    y += 2.2 * leading
    centred(STAR_TITLE, y, 20)
    y += 2 * leading
    for kind, text in STAR_BODY:
        indent = 0.0 if kind == "p0" else 2 * size
        rest = text
        while rest:
            room = right - left - indent
            n = 1
            while n < len(rest) and face.text_length(rest[: n + 1], fontsize=size) <= room:
                n += 1
            if n < len(rest) and rest[n] in "，。、；：）”":
                n -= 1  # a closing mark may not open a line: carry a character over
            while 1 < n < len(rest) and (rest[n - 1] + rest[n]).isdigit():
                n -= 1  # nor is a number broken: it goes over whole
            page.insert_text((left + indent, y), rest[:n], fontname=font, fontsize=size)
            rest, indent = rest[n:], 0.0
            y += leading
    y += leading
    for line in STAR_SIGN:
        width = face.text_length(line, fontsize=size)
        page.insert_text((right - 2 * size - width, y), line, fontname=font, fontsize=size)
        y += leading
    # the hidden layer: the draft's line under 四、 and the reviewer's remark at the foot
    page.insert_text((left, 300), STAR_HIDDEN[0], fontname=font, fontsize=10, color=(1, 0, 0), oc=hidden)
    page.insert_text((left, 800), STAR_HIDDEN[1], fontname=font, fontsize=10, color=(1, 0, 0), oc=hidden)
    doc.set_metadata({"title": STAR_TITLE, "author": AUTHOR, "creator": "PyMuPDF"})
    doc.save(str(path), garbage=3, deflate=True)


STAR_PARTS = (
    ("body", STAR_NUMBER),
    ("title", STAR_TITLE),
    *(("body", text) for _, text in STAR_BODY),
    *(("body", line) for line in STAR_SIGN),
)

# --- 3. a .docx whose figures are only in a Word chart -------------------------------------------

WEAVE_TITLE = "蔚桥县2034年离退休干部竹编非遗传习工作总结"
# (kind, text): "h" a heading (标题 2), "p" a paragraph, "chart" where the chart stands
WEAVE_BODY: tuple[tuple[str, str], ...] = (
    (
        "p",
        "2034年，县委老干部局会同县文化馆，组织离退休干部参与竹编非物质文化遗产传习，全年开设传习班6期，"
        "结业学员154人。现将有关情况总结如下。",
    ),
    ("h", "一、主要做法"),
    (
        "p",
        "一是聘请省级竹编非遗传承人葛素琴担任主讲老师，每期传习班为期12天。二是在青篁镇设立竹编传习点，"
        "提供毛竹原料和篾刀等工具。三是建立“师带徒”结对机制，每名老同志带教2名农村青年。",
    ),
    ("h", "二、各乡镇参与情况"),
    ("p", "各乡镇离退休干部参与传习的人数见下图。"),
    ("chart", ""),
    ("p", "从图中看，离传习点较近的乡镇参与较多，偏远乡镇的老同志往返不便。"),
    ("h", "三、取得的成效"),
    (
        "p",
        "学员在县非遗展上展出竹编果篮、灯罩等作品312件，其中17件被县博物馆收藏。结对带教的农村青年中，"
        "有9人开办了竹编网店。",
    ),
    ("h", "四、存在的问题和下一步打算"),
    (
        "p",
        "传习点冬季没有取暖设施，部分老同志反映手指冻伤。2035年将在传习点安装空调，并把传习班时间调整到"
        "春秋两季。",
    ),
)
WEAVE_CHART_TITLE = "各乡镇参与竹编传习人数（人）"
WEAVE_CHART = (("城关镇", 46), ("青篁镇", 38), ("白沙乡", 27), ("柳营镇", 25), ("石门乡", 18))
WEAVE_SIGN = ("中共蔚桥县委老干部局", "2035年1月10日")

_CHART_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
_CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"


def _chart_xml() -> bytes:
    """A clustered column chart's part as python-pptx writes it, with its title."""
    from lxml import etree
    from pptx.chart.chart import Chart
    from pptx.chart.data import CategoryChartData
    from pptx.chart.xmlwriter import ChartXmlWriter
    from pptx.enum.chart import XL_CHART_TYPE
    from pptx.oxml import parse_xml

    data = CategoryChartData(number_format="0")
    data.categories = [town for town, _ in WEAVE_CHART]
    data.add_series("参与人数", [n for _, n in WEAVE_CHART])
    space = parse_xml(ChartXmlWriter(XL_CHART_TYPE.COLUMN_CLUSTERED, data).xml.encode("utf-8"))
    chart = Chart(space, None)
    chart.has_title = True
    chart.chart_title.text_frame.text = WEAVE_CHART_TITLE
    chart.plots[0].has_data_labels = True
    return etree.tostring(space, xml_declaration=True, encoding="UTF-8", standalone=True)


def write_weave(path: Path) -> None:
    """python-docx: headings in 标题 2, and the chart inline in a paragraph of its own (``c:chart`` in a
    ``wp:inline``), its part ``word/charts/chart1.xml`` related from the document as Word relates it."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    doc = Document()
    doc.core_properties.title = WEAVE_TITLE
    doc.core_properties.author = AUTHOR
    doc.add_paragraph(WEAVE_TITLE, style="Title")
    for kind, text in WEAVE_BODY:
        if kind == "h":
            doc.add_paragraph(text, style="Heading 2")
        elif kind == "chart":
            part = Part(PackURI("/word/charts/chart1.xml"), _CHART_TYPE, _chart_xml(), doc.part.package)
            rid = doc.part.relate_to(part, _CHART_REL)
            paragraph = doc.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph._p.append(
                parse_xml(
                    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
                    ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
                    ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
                    ' xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"'
                    ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                    '<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
                    '<wp:extent cx="5486400" cy="3200400"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
                    '<wp:docPr id="1" name="图表 1"/><wp:cNvGraphicFramePr/>'
                    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
                    f'<c:chart r:id="{rid}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
                )
            )
        else:
            doc.add_paragraph(text).paragraph_format.first_line_indent = doc.styles["Normal"].font.size
    for line in WEAVE_SIGN:
        doc.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.save(str(path))


WEAVE_PARTS = (
    ("title", WEAVE_TITLE),
    *(("body", text) for kind, text in WEAVE_BODY if kind != "chart"),
    ("body", WEAVE_CHART_TITLE),
    # the chart's figures as a table, a row a category (as speechqa's chart reader words a chart)
    *(("body", f"类别：{town}；参与人数：{n}") for town, n in WEAVE_CHART),
    *(("body", line) for line in WEAVE_SIGN),
)

# --- 4. an e-mail as Thunderbird sends it: format=flowed; delsp=yes ------------------------------

GAS_SUBJECT = "关于为高龄离退休干部家庭免费安装燃气报警器的通知"
GAS_BODY = (
    "各离退休干部党支部、各乡镇老干部工作联络员：",
    "为防范燃气安全事故，经县委老干部局与县燃气公司协商，决定为全县80周岁以上离退休干部家庭免费安装"
    "家用燃气报警器。现将有关事项通知如下：",
    "一、安装对象为2035年6月30日前年满80周岁、家中使用管道燃气或瓶装液化气的离退休干部，共计213户。",
    "二、报警器型号为JT-BJ200型，具备燃气泄漏自动切断阀门功能，县燃气公司负责免费安装并保修三年。",
    "三、安装时间为2035年5月10日至5月31日，由燃气公司安装人员统一着工作服、佩戴工牌上门，不收取任何费用。",
    "四、请各支部于5月5日前将本支部符合条件的老同志名单、住址和联系电话报老干部科。",
    "凡有自称燃气公司人员上门推销报警器并收费的，请立即拨打燃气公司服务热线96777核实。",
    "中共蔚桥县委老干部局",
    "2035年4月22日",
)
GAS_SIGNATURE = ("鲍静怡", "蔚桥县委老干部局老干部科", "电话：0514-6620163")
GAS_WIDTH = 36  # Thunderbird's 72-column wrap, counted in Chinese characters (two columns each)


def _flowed(line: str) -> list[str]:
    """A line soft-broken as Thunderbird sends ``format=flowed; delsp=yes``: each piece but the last
    ends in a space the reader removes with the line end."""
    pieces, rest = [], line
    while len(rest) > GAS_WIDTH:
        n = GAS_WIDTH
        while n > 1 and (rest[n - 1] + rest[n]).isascii() and (rest[n - 1] + rest[n]).isalnum():
            n -= 1  # a number or a Latin word is never broken
        pieces.append(rest[:n])
        rest = rest[n:]
    pieces.append(rest)
    return [piece + " " for piece in pieces[:-1]] + [pieces[-1]]


def write_gas(path: Path) -> None:
    """Python's email package with the body laid out as Thunderbird 115 sends it."""
    lines = [piece for line in GAS_BODY for piece in _flowed(line)]
    lines += ["", "-- ", *GAS_SIGNATURE]
    message = EmailMessage()
    message["From"] = "蔚桥县委老干部局老干部科 <lgbk@weiqiao.gov.example>"
    message["To"] = "各支部联络员 <zhibu@weiqiao.gov.example>"
    message["Subject"] = GAS_SUBJECT
    message["Date"] = "Sun, 22 Apr 2035 09:14:05 +0800"
    message["Message-ID"] = "<5b1c9e2a-7f3d-4a61-9c1e-2035042209@weiqiao.gov.example>"
    message["User-Agent"] = "Mozilla Thunderbird"
    message.set_content("\r\n".join(lines) + "\r\n", subtype="plain", charset="utf-8", cte="8bit")
    message.set_param("format", "flowed")
    message.set_param("delsp", "yes")
    path.write_bytes(bytes(message))


GAS_PARTS = (
    ("title", GAS_SUBJECT),
    *(("body", line) for line in GAS_BODY),
    *(("body", line) for line in GAS_SIGNATURE),
)

# --- 5. a .docx with 「调整宽度」 labels and a footnote with a custom mark --------------------------

TOOTH_TITLE = "关于开展离退休干部免费洗牙和义齿修复服务的通知"
TOOTH_NUMBER = "蔚桥老干发〔2035〕12号"
TOOTH_LEAD = (
    "为维护离退休干部口腔健康，县委老干部局与县口腔医院合作，为全县离退休干部提供免费洗牙和义齿修复优惠服务"
)
TOOTH_LEAD_END = "。现将有关事项通知如下："
TOOTH_NOTE = "本通知所称离退休干部，含县属国有企业退休的原国家干部。"
TOOTH_ITEMS = (
    "一、服务内容。每人每年免费洗牙一次；需要镶配义齿的，材料费按八折收取，诊疗费全免。",
    "二、服务时间。2035年4月15日至6月30日，每周一、周四上午8时至11时30分。",
    "三、服务地点。县口腔医院二楼老年口腔科（人民路88号），凭离退休证就诊。",
    "四、注意事项。服用抗凝药物的同志洗牙前须告知医生；行动不便的，可由医院派车接送，需提前两天预约。",
)
# (label set with 调整宽度 to four characters, the rest of the line)
TOOTH_CONTACT = ("联系人", "县委老干部局老干部科诸葛雯，电话0514-6620172；县口腔医院预约电话0514-6623390")
TOOTH_SIGN = ("中共蔚桥县委老干部局", "2035年4月3日")
TOOTH_COPY = ("抄送", "县卫生健康局，县口腔医院。")
TOOTH_PRINTED = "中共蔚桥县委老干部局办公室　　　　2035年4月3日印发"


def _fit(paragraph, label: str, chars: int, size_pt: int = 16) -> None:  # type: ignore[no-untyped-def]
    """A run of `label` stretched to `chars` characters' width, as Word's 「调整宽度」 sets it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run = paragraph.add_run(label)
    run.font.size = Pt(size_pt)
    fit = OxmlElement("w:fitText")
    fit.set(qn("w:val"), str(chars * size_pt * 20))  # twentieths of a point
    fit.set(qn("w:id"), str(abs(hash(label)) % 900000000 + 100000000))
    run._r.get_or_add_rPr().append(fit)


def _add_custom_note(doc, paragraph, mark: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """A footnote whose mark is typed (``w:customMarkFollows``), in the text and in the note."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    notes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{w}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        "</w:r></w:p></w:footnote>"
        '<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
        f'<w:r><w:t>{mark}</w:t></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p>'
        "</w:footnote></w:footnotes>"
    )
    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        notes.encode("utf-8"),
        doc.part.package,
    )
    doc.part.relate_to(part, RT.FOOTNOTES)
    from docx.oxml import parse_xml

    paragraph._p.append(
        parse_xml(
            f'<w:r xmlns:w="{w}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteReference w:customMarkFollows="1" w:id="1"/><w:t>{mark}</w:t></w:r>'
        )
    )


def write_tooth(path: Path) -> None:
    """python-docx: a clerk's 公文 whose labels are stretched with 「调整宽度」 and whose lead carries a
    footnote marked 「※」 by hand (Word's 「脚注和尾注 › 自定义标记」)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = Document()
    doc.core_properties.title = TOOTH_TITLE
    doc.core_properties.author = AUTHOR
    doc.styles["Normal"].font.size = Pt(16)
    number = doc.add_paragraph(TOOTH_NUMBER)
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(TOOTH_TITLE)
    run.font.size, run.bold = Pt(22), True
    send = doc.add_paragraph()
    _fit(send, "主送", 4)
    send.add_run("：各离退休干部党支部")
    lead = doc.add_paragraph(TOOTH_LEAD)
    lead.paragraph_format.first_line_indent = Pt(32)
    _add_custom_note(doc, lead, "※", TOOTH_NOTE)
    lead.add_run(TOOTH_LEAD_END)
    for item in TOOTH_ITEMS:
        doc.add_paragraph(item).paragraph_format.first_line_indent = Pt(32)
    contact = doc.add_paragraph()
    contact.paragraph_format.first_line_indent = Pt(32)
    _fit(contact, TOOTH_CONTACT[0], 4)
    contact.add_run("：" + TOOTH_CONTACT[1])
    for line in TOOTH_SIGN:
        doc.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    copy = doc.add_paragraph()
    _fit(copy, TOOTH_COPY[0], 4, 14)
    copy.add_run("：" + TOOTH_COPY[1]).font.size = Pt(14)
    doc.add_paragraph().add_run(TOOTH_PRINTED).font.size = Pt(14)
    doc.save(str(path))


TOOTH_PARTS = (
    ("body", TOOTH_NUMBER),
    ("title", TOOTH_TITLE),
    ("body", "主送：各离退休干部党支部"),
    ("body", TOOTH_LEAD + "※" + TOOTH_LEAD_END),
    *(("body", item) for item in TOOTH_ITEMS),
    ("body", TOOTH_CONTACT[0] + "：" + TOOTH_CONTACT[1]),
    *(("body", line) for line in TOOTH_SIGN),
    ("body", TOOTH_COPY[0] + "：" + TOOTH_COPY[1]),
    ("body", TOOTH_PRINTED),
    ("body", "※ " + TOOTH_NOTE),
)


WRITERS = {
    "蔚桥县老干部航模兴趣小组2034年工作汇报.odp": write_deck,
    "关于组织离退休干部参加天文观星科普活动的通知.pdf": write_star,
    "蔚桥县2034年离退休干部竹编非遗传习工作总结.docx": write_weave,
    "关于为高龄离退休干部家庭免费安装燃气报警器的通知.eml": write_gas,
    "关于开展离退休干部免费洗牙和义齿修复服务的通知.docx": write_tooth,
}

if __name__ == "__main__":
    raise SystemExit(run_makers(WRITERS, sys.argv, HERE))
