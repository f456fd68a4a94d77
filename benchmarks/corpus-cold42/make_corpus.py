"""The forty-fourth blind set (cold42): five documents of an invented county bureau (筠湾县), each from a
producer or in a shape no earlier set used.

    /work/main/.venv/bin/python benchmarks/corpus-cold42/make_corpus.py [FOLDER [NAME…]]

1. a health-check notice (.docx, python-docx) whose **procedure is a group of drawing shapes** (Word's
   「组合」: a ``wpg:wgp`` holding four text boxes and the arrows between them), the rest plain paragraphs;
2. a Spring-festival visiting notice **typed WPS-style**: the whole body one paragraph broken by manual line
   breaks (Shift+Enter, ``w:br``), indented with full-width spaces, the title letter-spaced with them, and
   a drafter's note left in **hidden text** (``w:vanish``) — not printed, not to be read;
3. a calligraphy-class notice **scanned after the director read it**: a red 「已阅」 stamp and a
   handwritten-style blue 批示 written slanting across the body (a JPEG of a page rendered at 150 dpi);
4. a 重阳节 notice (.docx, python-docx) whose body sits in a **section of two columns after a continuous
   section break**, the title and 落款 in one-column sections around it;
5. a medical-subsidy notice as a **reportlab PDF whose letterhead and footer are one Form XObject drawn on
   each of its two pages** (``beginForm``/``doForm``: the same text painted twice from one object).

Every name, address, telephone number and amount is invented. Needs python-docx, Pillow and reportlab with
fontTools (for making the files only). A re-run gives the same text.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.fixtures.corpus_writers import run_makers, truetype_font  # noqa: E402

BUREAU = "中共筠湾县委老干部局"
SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"

# --- 1. a procedure in grouped drawing shapes -------------------------------------------------------------

CHECK_TITLE = "关于组织2037年度离退休干部健康体检的通知"
CHECK_BEFORE = (
    "各离退休干部党支部：",
    "为关心关爱老同志身体健康，局里决定组织2037年度离退休干部健康体检。现将有关事项通知如下：",
    "一、体检时间：2037年5月11日至5月22日，每个工作日上午7时30分至10时，按支部分批进行，具体批次由各支部通知到人。",
    "二、体检机构：筠湾县人民医院健康管理中心（滨江路66号门诊楼四楼）。",
    "三、体检项目：除常规项目外，今年新增颈动脉彩超和骨密度检测；女同志另加乳腺彩超。",
    "四、体检流程：",
)
CHECK_STEPS = (
    "第一步：凭身份证到四楼服务台签到，领取导检单",
    "第二步：先空腹抽血、留取尿样，再到餐厅用早餐",
    "第三步：按导检单完成B超、心电图等其余项目",
    "第四步：将导检单交回服务台，报告由支部统一领取",
)
CHECK_AFTER = (
    "五、注意事项：体检前一天晚上8时后禁食，不饮酒；正在服用降压药的同志当天早上可用少量温水照常服药。",
    "六、费用：体检费用每人标准为1200元，由局里统一结算，个人不需缴费。行动不便的老同志可申请由局里派车接送，请提前两天告知支部。",
    "联系人：局老干部服务科屈晓帆，电话0576-8531207。",
)
CHECK_SIGN = (BUREAU, "2037年4月20日")


def _shape(shape_id: int, y_emu: int, text: str) -> str:
    return (
        f'<wps:wsp><wps:cNvPr id="{shape_id}" name="文本框 {shape_id}"/><wps:cNvSpPr txBox="1"/>'
        f'<wps:spPr><a:xfrm><a:off x="0" y="{y_emu}"/><a:ext cx="4800000" cy="420000"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/>'
        '</a:solidFill></a:ln></wps:spPr><wps:txbx><w:txbxContent><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
        f'<w:r><w:rPr><w:rFonts w:hint="eastAsia"/><w:sz w:val="24"/></w:rPr><w:t>{text}</w:t></w:r></w:p>'
        '</w:txbxContent></wps:txbx><wps:bodyPr rot="0" vert="horz" anchor="ctr"/></wps:wsp>'
    )


def _arrow(shape_id: int, y_emu: int) -> str:
    return (
        f'<wps:wsp><wps:cNvPr id="{shape_id}" name="直接箭头连接符 {shape_id}"/><wps:cNvCnPr/>'
        f'<wps:spPr><a:xfrm><a:off x="2400000" y="{y_emu}"/><a:ext cx="0" cy="180000"/></a:xfrm>'
        '<a:prstGeom prst="straightConnector1"><a:avLst/></a:prstGeom><a:ln w="12700"><a:solidFill>'
        '<a:srgbClr val="000000"/></a:solidFill><a:tailEnd type="triangle"/></a:ln></wps:spPr><wps:bodyPr/></wps:wsp>'
    )


def _group(steps: tuple[str, ...]) -> object:
    from docx.oxml import parse_xml

    parts = []
    for i, step in enumerate(steps):
        parts.append(_shape(10 + 2 * i, i * 600000, step))
        if i + 1 < len(steps):
            parts.append(_arrow(11 + 2 * i, i * 600000 + 420000))
    height = len(steps) * 600000
    xml = (
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
        ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
        ' xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"'
        ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="4800000" cy="{h}"/>'
        '<wp:docPr id="9" name="组合 9"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup">'
        '<wpg:wgp><wpg:cNvGrpSpPr/><wpg:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="4800000" cy="{h}"/>'
        '<a:chOff x="0" y="0"/><a:chExt cx="4800000" cy="{h}"/></a:xfrm></wpg:grpSpPr>{parts}</wpg:wgp>'
        "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    ).format(h=height, parts="".join(parts))
    return parse_xml(xml)


def _docx_base():  # type: ignore[no-untyped-def]
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "仿宋_GB2312"
    style.font.size = Pt(16)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
    return doc


def _title(doc, text: str) -> None:  # type: ignore[no-untyped-def]
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(text)
    run.font.size = Pt(22)
    run.bold = True


def _sign(doc, lines: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for line in lines:
        doc.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT


def write_check(path: Path) -> None:
    doc = _docx_base()
    doc.core_properties.title = ""
    doc.core_properties.author = "屈晓帆"
    _title(doc, CHECK_TITLE)
    for line in CHECK_BEFORE:
        doc.add_paragraph(line)
    holder = doc.add_paragraph()
    holder._p.append(_group(CHECK_STEPS))
    for line in CHECK_AFTER:
        doc.add_paragraph(line)
    _sign(doc, CHECK_SIGN)
    doc.save(str(path))


# --- 2. WPS-style: one paragraph of manual line breaks, hidden text ----------------------------------------

VISIT_TITLE = "通　　知"
VISIT_LINES = (
    "各乡镇（街道）老干部工作站，局机关各科室：",
    "　　2038年春节将至，为把党和政府的温暖送到老同志心中，经局务会研究，决定开展春节走访慰问活动。现将有关事项通知如下：",
    "　　一、走访时间：2038年1月25日至2月5日。",
    "　　二、走访对象：全县离休干部、90周岁以上退休干部、因病致困的退休干部和去世老干部的遗孀，共计213人。",
    "　　三、慰问标准：离休干部每人慰问金2000元，其他对象每人慰问金800元，另送米、油和春联一套。",
    "　　四、工作要求：局领导班子成员每人带队走访一个片区，走访时要认真听取老同志的意见建议，对提出的困难问题当场登记、限期答复，不得只送钱物、不谈心。",
    "　　五、走访结束后，请各工作站于2月8日前将走访情况统计表报局办公室（县行政中心北楼509室），电子版发至jwlgj@163.com。",
    "　　联系人：局办公室甘雨桐，电话0576-8531190。",
)
VISIT_HIDDEN = "（起草人注：慰问对象名单以民政局1月数据为准，请办公室再核一遍，定稿前删去此句。）"
VISIT_SIGN = (
    "　　　　　　　　　　　　　　　　中共筠湾县委老干部局",
    "　　　　　　　　　　　　　　　　　　2038年1月12日",
)


def write_visit(path: Path) -> None:
    from docx.oxml import OxmlElement

    doc = _docx_base()
    doc.core_properties.title = "通知"
    doc.core_properties.author = "Administrator"
    _title(doc, VISIT_TITLE)
    body = doc.add_paragraph()
    lines = [*VISIT_LINES, "", *VISIT_SIGN]
    for i, line in enumerate(lines):
        run = body.add_run(line)
        if i == 4:  # the drafter's note sits after 「三、慰问标准」 as hidden text
            hidden = body.add_run(VISIT_HIDDEN)
            rpr = hidden._r.get_or_add_rPr()
            vanish = OxmlElement("w:vanish")
            rpr.append(vanish)
            run = hidden
        if i + 1 < len(lines):
            run.add_break()
    doc.save(str(path))


# --- 3. a scanned notice read and annotated by hand --------------------------------------------------------

CLASS_TITLE = "关于老年大学书法班秋季招生的通知"
CLASS_LINES = (
    "各离退休干部党支部：",
    "　　筠湾县老年大学书法班2037年秋季学期开始招生，欢迎爱好书法的老同志报名。有关事项如下：",
    "　　一、开设班级：楷书基础班、行书提高班各一个，每班限30人，额满为止。",
    "　　二、上课安排：9月8日开学，每周二、周四下午2时30分至4时30分，在老年大学二楼书画室上课，共16周。",
    "　　三、授课教师：楷书班由县书法家协会副主席宗砚秋执教，行书班由退休教师晏敬之执教。",
    "　　四、费用：学费每人每学期300元，笔墨纸砚自备，初学者可在报名时统一代购，每套180元。",
    "　　五、报名方式：8月20日至8月31日，本人携一寸照片一张到老年大学教务处（县文化中心三楼）报名。",
    "　　联系人：老年大学教务处于晴川，电话0576-8531366。",
)
CLASS_SIGN = ("筠湾县老年大学", "2037年8月6日")
CLASS_NOTE = ("已阅。请各支部广泛宣传，", "报名情况月底报我。", "——冼 8.9")


def write_class(path: Path) -> None:
    from PIL import Image, ImageDraw, ImageFont

    dpi = 150
    width, height = int(8.27 * dpi), int(11.69 * dpi)
    page = Image.new("RGB", (width, height), (250, 249, 244))
    draw = ImageDraw.Draw(page)
    title = ImageFont.truetype(SANS, 40)
    body = ImageFont.truetype(SERIF, 29)
    left, right = 150, width - 140
    y = 210
    w = draw.textlength(CLASS_TITLE, font=title)
    draw.text(((width - w) / 2, y), CLASS_TITLE, font=title, fill=(20, 20, 20))
    y += 100
    per_line = int((right - left) // 29)
    for line in CLASS_LINES:
        while line:
            draw.text((left, y), line[:per_line], font=body, fill=(25, 25, 25))
            line = line[per_line:]
            y += 48
    y += 50
    for line in CLASS_SIGN:
        w = draw.textlength(line, font=body)
        draw.text((right - w - 60, y), line, font=body, fill=(25, 25, 25))
        y += 48
    # the red 「已阅」 stamp: a rounded box, turned a little, over the second paragraph
    stamp = Image.new("RGBA", (220, 120), (0, 0, 0, 0))
    sd = ImageDraw.Draw(stamp)
    sd.rounded_rectangle((4, 4, 216, 116), radius=14, outline=(200, 30, 30, 220), width=6)
    sd.text((32, 18), "已阅", font=ImageFont.truetype(SANS, 64), fill=(200, 30, 30, 210))
    stamp = stamp.rotate(12, expand=True, resample=Image.BICUBIC)
    page.paste(stamp, (width - 420, 330), stamp)
    # the director's 批示 in blue ink, slanting across the body
    note = Image.new("RGBA", (900, 260), (0, 0, 0, 0))
    nd = ImageDraw.Draw(note)
    hand = ImageFont.truetype(SERIF, 46)
    for i, line in enumerate(CLASS_NOTE):
        nd.text((20 + 200 * (i == 2), 10 + 78 * i), line, font=hand, fill=(30, 60, 170, 230))
    note = note.rotate(9, expand=True, resample=Image.BICUBIC)
    page.paste(note, (300, 820), note)
    page = page.rotate(0.6, resample=Image.BICUBIC, fillcolor=(250, 249, 244))
    page.save(path, "JPEG", quality=60, dpi=(dpi, dpi))


# --- 4. a body in two columns after a continuous section break ---------------------------------------------

DOUBLE_NINTH_TITLE = "关于开展2037年“九九重阳·情暖筠湾”敬老活动的通知"
DOUBLE_NINTH_TO = "各离退休干部党支部，各乡镇（街道）老干部工作站："
DOUBLE_NINTH_BODY = (
    "重阳节即将到来，为弘扬尊老敬老传统美德，局里决定在重阳节前后开展“九九重阳·情暖筠湾”系列敬老活动。现将有关事项通知如下：",
    "一、登高健步行。10月14日上午8时30分在凤栖山公园南门集合，沿环山步道登至望湾亭，全程约3公里，设两个补给点。",
    "参加健步行的老同志须年龄在75周岁以下，身体条件允许，并签署健康承诺书。",
    "二、长寿宴。10月15日中午在县老干部活动中心餐厅为全县当年满80、90周岁的老同志集体祝寿，每桌配一名医护人员。",
    "三、“银发课堂”义诊。10月16日全天，县中医院专家在活动中心一楼开展义诊，提供针灸推拿体验和冬令膏方咨询，免收挂号费。",
    "四、报名要求。健步行以支部为单位报名，10月9日前报局文体科；长寿宴由工作站核对名单后统一通知，不需报名。",
    "遇雨天，登高健步行改为10月21日举行，其他活动照常。",
    "联系人：局文体科郦青禾，电话0576-8531278。",
)
DOUBLE_NINTH_SIGN = (BUREAU, "2037年9月28日")


def write_double_ninth(path: Path) -> None:
    from docx.enum.section import WD_SECTION
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = _docx_base()
    doc.core_properties.title = ""
    doc.core_properties.author = "郦青禾"
    _title(doc, DOUBLE_NINTH_TITLE)
    doc.add_paragraph(DOUBLE_NINTH_TO)
    doc.add_section(WD_SECTION.CONTINUOUS)
    for line in DOUBLE_NINTH_BODY:
        doc.add_paragraph(line).paragraph_format.first_line_indent = 406400
    doc.add_section(WD_SECTION.CONTINUOUS)
    _sign(doc, DOUBLE_NINTH_SIGN)
    # a section's properties are written where it ends: the body's columns on the w:sectPr of the
    # paragraph closing it (the document's second section), the title's and the 落款's one column each
    closing = doc.element.body.xpath(".//w:sectPr")[1]
    cols = closing.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        closing.append(cols)
    cols.set(qn("w:num"), "2")
    cols.set(qn("w:space"), "425")
    cols.set(qn("w:sep"), "1")
    doc.save(str(path))


# --- 5. a letterhead drawn from one Form XObject on each page ----------------------------------------------

SUBSIDY_TITLE = "关于调整离休干部门诊医疗费补助标准的通知"
SUBSIDY_HEAD = ("中共筠湾县委老干部局文件", "筠老干〔2037〕7号")
SUBSIDY_FOOT = "筠湾县委老干部局办公室印发"
SUBSIDY_LINES = (
    "各离退休干部党支部，县人民医院、县中医院：",
    "　　经县政府常务会议研究同意，从2037年7月1日起调整离休干部门诊医疗费补助标准。现将有关事项通知如下：",
    "　　一、补助标准。离休干部门诊医疗费补助由每人每年6000元提高到每人每年7500元；年满95周岁的，每人每年9000元。",
    "　　二、发放方式。补助按季度发放，每季度首月的15日前打入本人社保卡，当年未用完的部分可结转下一年使用。",
    "　　三、就医结算。离休干部在县内定点医院门诊就医，凭“离休干部医疗证”直接结算，超出补助部分按规定由医疗统筹基金支付。",
    "　　四、异地就医。长期居住在县外的离休干部，须到局老干部服务科办理异地就医备案，门诊发票在每年12月10日前集中报销一次。",
    "　　五、其他。住院医疗费仍按原规定执行。本通知由局老干部服务科负责解释。",
    "　　联系人：局老干部服务科邬明远，电话0576-8531215。",
)
SUBSIDY_SIGN = (BUREAU, "2037年6月18日")


def write_subsidy(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    text = (
        SUBSIDY_TITLE + "".join(SUBSIDY_HEAD) + SUBSIDY_FOOT + "".join(SUBSIDY_LINES) + "".join(SUBSIDY_SIGN)
    )
    with tempfile.TemporaryDirectory() as tmp:
        font = truetype_font(text + "0123456789第页共", Path(tmp) / "JunwanSerif.ttf", name="JunwanSerif")
        pdfmetrics.registerFont(TTFont("JunwanSerif", str(font)))
        width, height = A4
        left, right = 79, width - 74
        page = canvas.Canvas(str(path), pagesize=A4)
        page.setTitle("")
        page.setAuthor("筠湾县委老干部局")
        # the letterhead and footer as one form, drawn on every page from the same object
        page.beginForm("letterhead")
        page.setFillColorRGB(0.8, 0.05, 0.05)
        page.setFont("JunwanSerif", 26)
        w = pdfmetrics.stringWidth(SUBSIDY_HEAD[0], "JunwanSerif", 26)
        page.drawString((width - w) / 2, height - 95, SUBSIDY_HEAD[0])
        page.setStrokeColorRGB(0.8, 0.05, 0.05)
        page.setLineWidth(2)
        page.line(left, height - 140, right, height - 140)
        page.setFillColorRGB(0, 0, 0)
        page.setFont("JunwanSerif", 14)
        w = pdfmetrics.stringWidth(SUBSIDY_HEAD[1], "JunwanSerif", 14)
        page.drawString((width - w) / 2, height - 128, SUBSIDY_HEAD[1])
        page.setFont("JunwanSerif", 11)
        page.line(left, 70, right, 70)
        page.drawString(left, 55, SUBSIDY_FOOT)
        page.endForm()
        size, step = 15, 27
        per_line = int((right - left) // size)
        pages = 1

        def new_page() -> float:
            page.doForm("letterhead")
            page.setFont("JunwanSerif", 11)
            page.drawRightString(right, 55, f"第{pages}页共2页")
            return height - 180

        y = new_page()
        page.setFont("JunwanSerif", 20)
        w = pdfmetrics.stringWidth(SUBSIDY_TITLE, "JunwanSerif", 20)
        page.drawString((width - w) / 2, y, SUBSIDY_TITLE)
        y -= 46
        for i, line in enumerate(SUBSIDY_LINES):
            if i == 5:  # 「四、异地就医」 starts the second page
                page.showPage()
                pages += 1
                y = new_page()
            while line:
                page.setFont("JunwanSerif", size)
                page.drawString(left, y, line[:per_line])
                line = line[per_line:]
                y -= step
        y -= 30
        for line in SUBSIDY_SIGN:
            w = pdfmetrics.stringWidth(line, "JunwanSerif", size)
            page.drawString(right - w - 30, y, line)
            y -= step
        page.showPage()
        page.save()


# --- the text each file prints, as (kind, text) parts (benchmarks/check_questions.py reads them) ----------

CHECK_PARTS = tuple(
    ("text", t) for t in (CHECK_TITLE, *CHECK_BEFORE, *CHECK_STEPS, *CHECK_AFTER, *CHECK_SIGN)
)
VISIT_PARTS = tuple(("text", t.strip("　")) for t in (VISIT_TITLE, *VISIT_LINES, *VISIT_SIGN))
CLASS_PARTS = tuple(("text", t.strip("　")) for t in (CLASS_TITLE, *CLASS_LINES, *CLASS_SIGN))
DOUBLE_NINTH_PARTS = tuple(
    ("text", t) for t in (DOUBLE_NINTH_TITLE, DOUBLE_NINTH_TO, *DOUBLE_NINTH_BODY, *DOUBLE_NINTH_SIGN)
)
SUBSIDY_PARTS = tuple(
    ("text", t.strip("　"))
    for t in (*SUBSIDY_HEAD, SUBSIDY_TITLE, *SUBSIDY_LINES, *SUBSIDY_SIGN, SUBSIDY_FOOT)
)

WRITERS = {
    "关于组织2037年度离退休干部健康体检的通知.docx": write_check,
    "春节走访慰问通知（定稿）.docx": write_visit,
    "书法班招生通知（局长批示扫描件）.jpg": write_class,
    "关于开展重阳节敬老活动的通知.docx": write_double_ninth,
    "筠老干〔2037〕7号 门诊医疗费补助.pdf": write_subsidy,
}

if __name__ == "__main__":
    raise SystemExit(run_makers(WRITERS, sys.argv, HERE))
