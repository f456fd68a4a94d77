"""The thirty-seventh blind set (cold35): five documents of an invented county bureau (枫渚县), each from a
producer or in a shape no earlier set used.

    /work/main/.venv/bin/python benchmarks/corpus-cold35/make_corpus.py [FOLDER [NAME…]]

1. a notice in Word with **题注 captions and cross-references** (python-docx: 「表 1」「表 2」 numbered by
   ``SEQ 表`` fields in the Caption style over two tables, the body pointing at them with ``REF`` fields to
   the captions' bookmarks, 「见表 1」);
2. a **工作简报 set in two section columns (分栏) with a text-box sidebar** (a flat ODT written here →
   LibreOffice Writer PDF: the masthead across the page, the articles in a two-column section, a framed
   「小贴士」 box anchored in the second column, the 版记 across the page under the columns);
3. an activity plan whose table has **cells typed vertically** (python-docx → LibreOffice Writer PDF: the
   first column's cells merged down their rows, 「文字方向 › 垂直」, ``w:textDirection tbRlV``);
4. a scanned notice made **searchable by Tesseract itself** (reportlab → pdftoppm → a scanned look →
   ``tesseract page.png out -l chi_sim pdf``: the page image with Tesseract's invisible text layer, no
   OCRmyPDF);
5. an e-mail whose **body is HTML only, with inline pictures** (Python's email package as a web mail
   composes it: ``multipart/related``, no text/plain part, a letterhead picture, a seal and a QR code shown
   in the body through ``cid:`` addresses).

Every name, address, telephone number and amount is invented. Needs LibreOffice Writer, poppler-utils,
tesseract-ocr with chi_sim, reportlab, python-docx and Pillow (for making the files only); none is a new
speechqa dependency. A re-run gives the same text; the bytes differ.
"""

from __future__ import annotations

import html
import io
import subprocess
import sys
import tempfile
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.fixtures.captions.make_captions import caption_run, field_runs  # noqa: E402
from tests.fixtures.corpus_writers import (  # noqa: E402
    SERIF,
    grid_table,
    run_makers,
    soffice_convert,
    write_scan,
)

AUTHOR = "中共枫渚县委老干部局"

# --- 1. a notice with 题注 captions and cross-references ------------------------------------------

LECTURES_TITLE = "关于举办2032年“银龄讲堂”系列讲座的通知"
LECTURES_HEAD = (
    "枫渚老干发〔2032〕7号",
    "各乡镇（街道）党（工）委，县直各单位党组（党委）：",
)
# a paragraph is text with ("ref", n) where the body points at caption n (「表 1」) through a REF field
LECTURES_BODY: tuple[tuple[str, object], ...] = (
    (
        "body",
        (
            "为丰富离退休干部精神文化生活，县委老干部局决定于2032年3月至8月举办“银龄讲堂”系列讲座，共六讲，"
            "讲座安排见",
            ("ref", 1),
            "，各单位报名名额见",
            ("ref", 2),
            "。现将有关事项通知如下：",
        ),
    ),
    ("heading", "一、讲座时间和地点"),
    (
        "body",
        (
            "每讲安排在当月第二个星期三下午2:30开始，约一个半小时，地点为县老干部活动中心三楼报告厅，"
            "各讲题目和主讲人见",
            ("ref", 1),
            "。报告厅设有助听设备，听力不便的老同志可向工作人员领取。",
        ),
    ),
    ("caption", (1, "“银龄讲堂”讲座安排")),
    (
        "table",
        (
            ("讲次", "日期", "题目", "主讲人"),
            ("第一讲", "3月10日", "老年人常见慢病的预防与管理", "县人民医院主任医师 龚雪芹"),
            ("第二讲", "4月14日", "防范养老诈骗十招", "县公安局反诈中心 樊振宇"),
            ("第三讲", "5月12日", "枫渚历史文化漫谈", "县地方志办公室 薛鹤年"),
            ("第四讲", "6月9日", "智能手机与移动支付入门", "县老年大学教师 卢可欣"),
            ("第五讲", "7月14日", "夏季养生与合理膳食", "县中医院副主任医师 符春燕"),
            ("第六讲", "8月11日", "法律讲座：遗嘱与继承", "枫渚县司法局 葛立诚"),
        ),
    ),
    ("heading", "二、名额分配"),
    (
        "body",
        (
            "每讲设座位180个，各单位按",
            ("ref", 2),
            "所列名额组织报名，名额不足的可向县委老干部局活动科申请调剂，未用完的名额请于每讲前一周退回。",
        ),
    ),
    ("caption", (2, "各单位报名名额")),
    (
        "table",
        (
            ("单位", "每讲名额", "联系人"),
            ("县直机关离退休干部党支部", "60", "晏秋实"),
            ("城关街道", "40", "邬静怡"),
            ("白沙镇", "25", "柯向东"),
            ("青岩乡", "20", "阮丽华"),
            ("其他乡镇合计", "35", "各乡镇组织委员"),
        ),
    ),
    ("heading", "三、有关要求"),
    (
        "body",
        (
            "请各单位于2月27日前将报名表报送县委老干部局活动科，联系人：谭雨澄，电话：0736-4128853。如",
            ("ref", 1),
            "中的讲座日期需要调整，将提前一周另行通知。行动不便的老同志可通过“枫渚老干部”微信公众号观看直播。",
        ),
    ),
)
LECTURES_SIGN = ("中共枫渚县委老干部局", "2032年2月16日")


def _caption_runs(paragraph, number: int, bookmark_id: int) -> None:  # type: ignore[no-untyped-def]
    """「表 N」 as Word's 插入题注 writes it: the label, a SEQ field whose result is the number, inside a
    bookmark ``_RefN`` that cross-references point at; then the caption's text."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    name = f"_Ref{31_000_000 + number}"
    paragraph._p.append(parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="{bookmark_id}" w:name="{name}"/>'))
    paragraph._p.append(parse_xml(caption_run("表 ")))
    for xml in field_runs(" SEQ 表 \\* ARABIC ", str(number)):
        paragraph._p.append(parse_xml(xml))
    paragraph._p.append(parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="{bookmark_id}"/>'))


def _body_font(doc) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml.ns import qn
    from docx.shared import Pt

    normal = doc.styles["Normal"]
    normal.font.name = SERIF
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), SERIF)
    normal.font.size = Pt(14)


def write_lectures(path: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.shared import Pt

    doc = Document()
    _body_font(doc)
    doc.add_paragraph(LECTURES_TITLE, style="Title")
    number = doc.add_paragraph(LECTURES_HEAD[0])
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph(LECTURES_HEAD[1])
    for kind, content in LECTURES_BODY:
        if kind == "heading":
            doc.add_paragraph(str(content), style="Heading 2")
        elif kind == "caption":
            number_, text = content  # type: ignore[misc]
            caption = doc.add_paragraph(style="Caption")
            caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _caption_runs(caption, number_, bookmark_id=number_)
            caption._p.append(parse_xml(caption_run("　" + text)))
        elif kind == "table":
            grid_table(doc, content)  # type: ignore[arg-type]
        else:
            paragraph = doc.add_paragraph()
            paragraph.paragraph_format.first_line_indent = Pt(28)
            for piece in content:  # type: ignore[attr-defined]
                if isinstance(piece, str):
                    paragraph._p.append(parse_xml(caption_run(piece)))
                else:
                    target = f"_Ref{31_000_000 + piece[1]}"
                    for xml in field_runs(f" REF {target} \\h ", f"表 {piece[1]}"):
                        paragraph._p.append(parse_xml(xml))
    for line in LECTURES_SIGN:
        doc.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.core_properties.author = AUTHOR
    doc.save(path)


# --- 2. a 工作简报 in two section columns with a text-box sidebar ------------------------------------

BRIEF_MAST = ("老干部工作简报", "2032年第3期（总第41期）", "中共枫渚县委老干部局编　　　　2032年4月20日")
BRIEF_ARTICLES = (
    (
        "县委召开老干部情况通报会",
        (
            "4月8日，县委召开2032年第一季度老干部情况通报会，县委副书记欧阳明哲向30余名离退休老同志通报了"
            "一季度全县经济社会发展情况。一季度全县地区生产总值同比增长6.2%，新开工重点项目14个。",
            "与会老同志围绕乡村振兴、城区停车难等问题提出意见建议11条，县委办公室已逐条交有关部门办理，"
            "办理结果将在下次通报会上反馈。",
        ),
    ),
    (
        "白沙镇银发护河队巡河百日",
        (
            "白沙镇22名退休干部组成的“银发护河队”自1月起每周两次沿白沙河巡查，累计巡河4600余公里，"
            "发现并协调清理河道垃圾点37处，劝阻违规垂钓、电鱼行为19起。",
            "护河队队长、原镇人大主席戴国梁说：“河好不好，老百姓天天看得见，我们这些老家伙也出一份力。”",
        ),
    ),
    (
        "老年大学春季学期开课",
        (
            "3月4日，县老年大学春季学期开课，新开设短视频制作、八段锦两个专业，在校学员达到1260人。"
            "学校在城关、白沙、青岩设立3个教学点，方便乡镇老同志就近入学。",
        ),
    ),
)
BRIEF_SIDEBAR = (
    "小贴士：春季防病“三要”",
    "一要早晚添衣，谨防“倒春寒”；二要按时接种流感和肺炎疫苗；三要少去人员密集的封闭场所。",
)
BRIEF_FOOT = (
    "报：县委办公室，县委组织部，市委老干部局。",
    "送：县委、县政府领导同志。",
    "发：各乡镇（街道）党（工）委，县直各单位。",
    "（共印60份）",
)


def _fodt(body: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:meta><dc:title>{BRIEF_MAST[0]}</dc:title><meta:initial-creator>{AUTHOR}</meta:initial-creator></office:meta>
 <office:font-face-decls>
  <style:font-face style:name="Serif" svg:font-family="'{SERIF}'"/>
  <style:font-face style:name="Sans" svg:font-family="'Noto Sans CJK SC'"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:line-height="130%"/>
   <style:text-properties style:font-name="Serif" style:font-name-asian="Serif" fo:font-size="11pt"
    style:font-size-asian="11pt"/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph"/>
  <style:style style:name="Body" style:family="paragraph">
   <style:paragraph-properties fo:text-indent="22pt" fo:margin-bottom="3pt" fo:text-align="justify"/>
  </style:style>
  <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph"
   style:default-outline-level="2">
   <style:paragraph-properties fo:margin-top="8pt" fo:margin-bottom="4pt" fo:text-align="center"/>
   <style:text-properties style:font-name-asian="Sans" fo:font-size="13pt" style:font-size-asian="13pt"
    fo:font-weight="bold" style:font-weight-asian="bold"/>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <style:style style:name="Mast" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center" fo:margin-bottom="6pt"/>
   <style:text-properties fo:color="#c00000" fo:font-size="30pt" style:font-size-asian="30pt"
    style:font-name-asian="Sans" fo:font-weight="bold" style:font-weight-asian="bold"/>
  </style:style>
  <style:style style:name="Issue" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center"/>
  </style:style>
  <style:style style:name="Ruled" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center" fo:padding-bottom="4pt"
    fo:border-bottom="1.5pt solid #c00000" fo:margin-bottom="10pt"/>
  </style:style>
  <style:style style:name="Foot" style:family="paragraph">
   <style:paragraph-properties fo:margin-left="0pt" fo:text-indent="0pt"/>
   <style:text-properties fo:font-size="10.5pt" style:font-size-asian="10.5pt"/>
  </style:style>
  <style:style style:name="FootTop" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:margin-top="14pt" fo:padding-top="4pt" fo:border-top="0.75pt solid #000000"/>
   <style:text-properties fo:font-size="10.5pt" style:font-size-asian="10.5pt"/>
  </style:style>
  <style:style style:name="Box" style:family="paragraph">
   <style:text-properties style:font-name-asian="Sans" fo:font-size="10pt" style:font-size-asian="10pt"/>
  </style:style>
  <style:style style:name="BoxHead" style:family="paragraph">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties style:font-name-asian="Sans" fo:font-size="10.5pt" style:font-size-asian="10.5pt"
    fo:font-weight="bold" style:font-weight-asian="bold"/>
  </style:style>
  <style:style style:name="Cols" style:family="section">
   <style:section-properties>
    <style:columns fo:column-count="2" fo:column-gap="0.8cm"/>
   </style:section-properties>
  </style:style>
  <style:style style:name="Sidebar" style:family="graphic">
   <style:graphic-properties fo:border="0.75pt solid #808080" fo:background-color="#f2f2f2"
    fo:padding="0.2cm" style:wrap="none" style:vertical-pos="from-top" style:horizontal-pos="center"
    style:horizontal-rel="paragraph" style:vertical-rel="paragraph" fo:margin-top="0.2cm"
    fo:margin-bottom="0.2cm"/>
  </style:style>
 </office:automatic-styles>
 <office:body><office:text>
{body}
 </office:text></office:body>
</office:document>
"""


def brief_fodt() -> str:
    esc = html.escape
    parts = [
        f'<text:p text:style-name="Mast">{esc(BRIEF_MAST[0])}</text:p>',
        f'<text:p text:style-name="Issue">{esc(BRIEF_MAST[1])}</text:p>',
        f'<text:p text:style-name="Ruled">{esc(BRIEF_MAST[2])}</text:p>',
        '<text:section text:style-name="Cols" text:name="正文">',
    ]
    for index, (head, paragraphs) in enumerate(BRIEF_ARTICLES):
        parts.append(f'<text:h text:style-name="Heading_20_2" text:outline-level="2">{esc(head)}</text:h>')
        for number, paragraph in enumerate(paragraphs):
            frame = ""
            if index == 1 and number == 1:  # the sidebar, anchored in the second article's last paragraph
                frame = (
                    '<draw:frame draw:style-name="Sidebar" draw:name="小贴士" text:anchor-type="paragraph" '
                    'svg:width="6.6cm" draw:z-index="0"><draw:text-box fo:min-height="2cm">'
                    f'<text:p text:style-name="BoxHead">{esc(BRIEF_SIDEBAR[0])}</text:p>'
                    f'<text:p text:style-name="Box">{esc(BRIEF_SIDEBAR[1])}</text:p>'
                    "</draw:text-box></draw:frame>"
                )
            parts.append(f'<text:p text:style-name="Body">{frame}{esc(paragraph)}</text:p>')
    parts.append("</text:section>")
    parts.append(f'<text:p text:style-name="FootTop">{esc(BRIEF_FOOT[0])}</text:p>')
    parts.extend(f'<text:p text:style-name="Foot">{esc(line)}</text:p>' for line in BRIEF_FOOT[1:])
    return _fodt("\n".join(parts))


def write_brief(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "brief.fodt"
        source.write_text(brief_fodt(), encoding="utf-8")
        soffice_convert(source, "pdf", path)


# --- 3. an activity plan whose table has cells typed vertically ----------------------------------

PLAN_TITLE = "枫渚县2032年离退休干部文体活动安排"
PLAN_LEAD = (
    "为做好2032年离退休干部文体活动组织工作，经县委老干部局局务会研究，现将全年主要活动安排如下，"
    "请各单位结合实际做好组织发动。",
)
# (category typed vertically, merged down its rows), then each row's cells
PLAN_TABLE = (
    ("类别", "时间", "活动内容", "地点", "牵头科室"),
    (
        "文体活动",
        (
            ("4月中旬", "“春之韵”老年门球邀请赛", "县体育中心门球场", "活动科"),
            ("6月下旬", "庆祝建党111周年合唱比赛", "县文化馆剧场", "活动科"),
            ("10月上旬", "重阳节登高健步走", "凤鸣山森林公园", "活动科"),
        ),
    ),
    (
        "学习参观",
        (
            ("5月中旬", "参观县乡村振兴示范点", "青岩乡竹溪村", "组织科"),
            ("9月下旬", "“看枫渚新变化”重点项目观摩", "县高新区", "组织科"),
        ),
    ),
)
PLAN_AFTER = (
    "各项活动的具体时间和报名办法另行通知。年满80周岁或身体状况不宜参加户外活动的老同志，"
    "请以观看为主，不参加比赛项目。",
    "活动经费从离退休干部活动经费中列支，每项活动结束后一周内由牵头科室报送活动小结。",
)
PLAN_SIGN = ("枫渚县委老干部局", "2032年3月5日")


def _vertical(cell) -> None:  # type: ignore[no-untyped-def]
    """Word's 「文字方向 › 垂直」 on a cell: the characters upright, top to bottom (``tbRlV``)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    direction = OxmlElement("w:textDirection")
    direction.set(qn("w:val"), "tbRlV")
    cell._tc.get_or_add_tcPr().append(direction)


def write_plan_docx(path: Path) -> None:
    from docx import Document
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    doc = Document()
    _body_font(doc)
    doc.add_paragraph(PLAN_TITLE, style="Title")
    for text in PLAN_LEAD:
        doc.add_paragraph(text).paragraph_format.first_line_indent = Pt(28)
    header, *groups = PLAN_TABLE
    rows = sum(len(group[1]) for group in groups)  # type: ignore[arg-type]
    table = doc.add_table(rows=rows + 1, cols=len(header))
    table.style = "Table Grid"
    for c, text in enumerate(header):
        table.cell(0, c).text = text  # type: ignore[arg-type]
    r = 1
    for category, lines in groups:  # type: ignore[misc]
        top = table.cell(r, 0)
        merged = top.merge(table.cell(r + len(lines) - 1, 0)) if len(lines) > 1 else top
        merged.text = category
        merged.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        merged.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _vertical(merged)
        for line in lines:
            for c, text in enumerate(line, start=1):
                table.cell(r, c).text = text
            r += 1
    for row in table.rows:
        row.cells[0].width = Cm(1.4)
    for text in PLAN_AFTER:
        doc.add_paragraph(text).paragraph_format.first_line_indent = Pt(28)
    for line in PLAN_SIGN:
        doc.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.core_properties.author = AUTHOR
    doc.save(path)


def write_plan(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "plan.docx"
        write_plan_docx(source)
        soffice_convert(source, "pdf", path)


# --- 4. a scanned notice made searchable by Tesseract itself -------------------------------------

SHOW = (
    ("title", "关于组织离退休干部观看“颂歌献给党”文艺汇演的通知"),
    ("body", "各离退休干部党支部："),
    (
        "body",
        "为庆祝中国共产党成立111周年，县委宣传部、县文化和旅游局定于2032年6月28日晚7:30在县文化馆剧场"
        "举办“颂歌献给党”文艺汇演。经商主办单位，为我县离退休干部预留座位120个。现将有关事项通知如下：",
    ),
    ("body", "一、各支部按党员人数的三分之一推荐观演人员，优先安排老党员和先进离退休干部党支部代表。"),
    (
        "body",
        "二、请于6月20日前将观演人员名单报县委老干部局组织科，联系人邹志远，电话0736-4123307。",
    ),
    (
        "body",
        "三、观演当晚6:40在县老干部活动中心门口统一乘车前往，演出结束后原车送回，请勿自行驾车。",
    ),
    ("body", "四、剧场内请将手机调至静音，身体不适的老同志不要勉强参加。"),
    ("right", "中共枫渚县委老干部局"),
    ("right", "2032年6月12日"),
)


def write_show(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "page.png"
        write_scan(SHOW, png, author=AUTHOR, seed=3501)
        base = Path(tmp) / "searchable"
        subprocess.run(
            ["tesseract", str(png), str(base), "-l", "chi_sim", "pdf"],
            check=True,
            capture_output=True,
        )
        path.write_bytes(base.with_suffix(".pdf").read_bytes())


# --- 5. an e-mail whose body is HTML only, with inline pictures ----------------------------------

MAIL_SUBJECT = "关于做好2032年中秋国庆期间走访慰问老干部工作的通知"
MAIL_GREETING = "各乡镇（街道）老干部工作负责同志："
MAIL_PARAGRAPHS = (
    "中秋、国庆将至，为把党和政府的关怀送到老同志心坎上，经研究，现就做好节日期间走访慰问工作通知如下。",
    "一、走访范围。重点走访慰问离休干部、90岁以上退休干部、身患重病和生活困难的老同志，以及独居、空巢老同志。",
    "二、慰问标准。离休干部每人800元，其他走访对象每人500元，由各单位从老干部工作经费中列支，"
    "不得以购物卡代替。",
    "三、时间安排。走访慰问工作于9月10日开始，9月30日前结束，各单位主要负责同志要亲自带队走访。",
    "四、信息报送。请于10月9日前将走访慰问情况表（扫描页面下方二维码下载）报县委老干部局老干部科，"
    "联系人：骆文斌，电话：0736-4126618。",
)
MAIL_SIGN = ("中共枫渚县委老干部局", "2032年9月3日")
MAIL_SIGNATURE = (
    "——",
    "骆文斌　枫渚县委老干部局老干部科",
    "电话：0736-4126618　邮箱：lgbk@fengzhu.example.cn",
)


def _picture(kind: str) -> bytes:
    """A PNG of the letterhead, the seal or the QR code, drawn with Pillow."""
    from PIL import Image, ImageDraw

    if kind == "letterhead":
        image = Image.new("RGB", (600, 80), (255, 255, 255))
        ImageDraw.Draw(image).rectangle((0, 70, 600, 76), fill=(200, 30, 40))
    elif kind == "seal":
        image = Image.new("RGBA", (160, 160), (255, 255, 255, 0))
        draw = ImageDraw.Draw(image)
        draw.ellipse((6, 6, 154, 154), outline=(205, 32, 40, 255), width=6)
        draw.regular_polygon((80, 80, 26), 5, fill=(205, 32, 40, 255))
    else:  # a QR code's look: a grid of dark squares
        image = Image.new("RGB", (116, 116), (255, 255, 255))
        draw = ImageDraw.Draw(image)
        for i in range(29):
            for j in range(29):
                if (i * 7 + j * 13 + i * j) % 3 == 0:
                    draw.rectangle((i * 4, j * 4, i * 4 + 3, j * 4 + 3), fill=(0, 0, 0))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def write_mail(path: Path) -> None:
    from datetime import datetime, timedelta, timezone

    ids = {kind: make_msgid(domain="fengzhu.example.cn") for kind in ("letterhead", "seal", "qrcode")}
    esc = html.escape

    def img(kind: str, width: int, alt: str) -> str:
        return f'<img src="cid:{ids[kind][1:-1]}" width="{width}" alt="{alt}">'

    paragraphs = "".join(
        f'<div style="text-indent:2em;line-height:1.8">{esc(p)}</div>' for p in MAIL_PARAGRAPHS
    )
    body = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>'
        '<body style="font-family:微软雅黑;font-size:14px">'
        f"<div>{img('letterhead', 600, 'image001.png')}</div>"
        f"<div><b>{esc(MAIL_SUBJECT)}</b></div><div><br></div>"
        f"<div>{esc(MAIL_GREETING)}</div>{paragraphs}"
        f'<div style="text-align:center">{img("qrcode", 116, "image003.png")}</div>'
        f'<div style="text-align:right">{esc(MAIL_SIGN[0])}</div>'
        f'<div style="text-align:right">{esc(MAIL_SIGN[1])}{img("seal", 120, "image002.png")}</div>'
        "<div><br></div>"
        + "".join(f'<div style="color:#808080;font-size:12px">{esc(s)}</div>' for s in MAIL_SIGNATURE)
        + "</body></html>"
    )
    message = EmailMessage()
    message["From"] = "枫渚县委老干部局老干部科 <lgbk@fengzhu.example.cn>"
    message["To"] = "各乡镇老干部工作负责同志 <lgb-xiangzhen@fengzhu.example.cn>"
    message["Subject"] = MAIL_SUBJECT
    message["Date"] = format_datetime(datetime(2032, 9, 3, 16, 42, tzinfo=timezone(timedelta(hours=8))))
    message["Message-ID"] = make_msgid(domain="fengzhu.example.cn")
    message.set_content(body, subtype="html", charset="utf-8", cte="base64")
    html_part = message  # a body of HTML alone: make it multipart/related and add the pictures to it
    for kind, name in (("letterhead", "image001.png"), ("seal", "image002.png"), ("qrcode", "image003.png")):
        html_part.add_related(_picture(kind), maintype="image", subtype="png", cid=ids[kind], filename=name)
    path.write_bytes(bytes(message))


# --- the source parts each document prints, as ``benchmarks/check_questions.py`` reads them ---------

LECTURES_PARTS = (("title", LECTURES_TITLE),)  # the .docx is read back itself (its fields' shown results)
BRIEF_PARTS = (
    *(("body", line) for line in BRIEF_MAST),
    *(("body", line) for head, paragraphs in BRIEF_ARTICLES for line in (head, *paragraphs)),
    *(("body", line) for line in BRIEF_SIDEBAR),
    *(("body", line) for line in BRIEF_FOOT),
)
PLAN_PARTS = (
    ("title", PLAN_TITLE),
    *(("body", line) for line in PLAN_LEAD),
    ("table", (PLAN_TABLE[0], *((group[0], *row) for group in PLAN_TABLE[1:] for row in group[1]))),
    *(("body", line) for line in (*PLAN_AFTER, *PLAN_SIGN)),
)
MAIL_PARTS = tuple(
    ("body", line) for line in (MAIL_SUBJECT, MAIL_GREETING, *MAIL_PARAGRAPHS, *MAIL_SIGN, *MAIL_SIGNATURE)
)

WRITERS = {
    "关于举办2032年“银龄讲堂”系列讲座的通知.docx": write_lectures,
    "枫渚县老干部工作简报（2032年第3期）.pdf": write_brief,
    "枫渚县2032年离退休干部文体活动安排.pdf": write_plan,
    "关于组织离退休干部观看文艺汇演的通知（可搜索扫描件）.pdf": write_show,
    "关于做好2032年中秋国庆期间走访慰问老干部工作的通知.eml": write_mail,
}

if __name__ == "__main__":
    raise SystemExit(run_makers(WRITERS, sys.argv, HERE))
