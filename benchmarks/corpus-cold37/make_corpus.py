"""The thirty-ninth blind set (cold37): five documents of an invented county bureau (溧岚县), each from a
producer or in a shape no earlier set used.

    /work/main/.venv/bin/python benchmarks/corpus-cold37/make_corpus.py [FOLDER [NAME…]]

1. a rule on hardship allowances as a **.docx whose formulas are Word equations** (python-docx, the
   equations in Word's own Office Math markup, OMML: a display equation with brackets drawn by a
   delimiter, ``m:d``, whose characters are in no text run, and an inline fraction, ``m:f``, in a sentence);
2. an insurance summary as a **workbook whose explanations are in a text box drawn on the sheet**
   (xlsxwriter ``insert_textbox``: 「投保说明」 — insurer, cover, claims — lives only in the drawing part);
3. a notice on volunteer points in an **e-mail forwarded as an attachment** (Python's email package as a
   mail client's 「作为附件转发」 sends it: a short cover note, the original message whole in a
   ``message/rfc822`` part with its own sender, date, subject and base64 body);
4. a 重阳节 visiting notice as a **phone photo saved as HEIC** (reportlab → pdftoppm → a scanned look,
   turned 1.5°, stored by pillow-heif as an iPhone stores its pictures);
5. a notice on booking the activity centre as a **reportlab PDF whose 红头 and headings are set in
   horizontally condensed type** (``setHorizScale``: the masthead at 60 %, the headings at 80 %, as
   GB/T 9704's 发文机关标志 is set in a condensed face) with a letter-spaced title (``setCharSpace``).

Every name, address, telephone number and amount is invented. Needs poppler-utils,
reportlab, python-docx, xlsxwriter, pillow-heif and Pillow (for making the files only); none is
a new speechqa dependency. A re-run gives the same text; the bytes differ.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.fixtures.corpus_writers import (  # noqa: E402
    _register_font,
    run_makers,
    write_scan,
)

AUTHOR = "中共溧岚县委老干部局"

# --- 1. a .docx whose formulas are Word equations -------------------------------------------------

AID_TITLE = "溧岚县离休干部遗属生活困难补助办法"
AID_NUMBER = "溧岚老干发〔2034〕3号"
# (kind, text): kind "h" a heading (标题 2), "p" a paragraph, "eq" the display equation, "inline" the
# paragraph holding the inline fraction; the equations' text is as Word shows them
AID_BODY: tuple[tuple[str, str], ...] = (
    (
        "p",
        "为体现党和政府对离休干部遗属的关怀，帮助生活困难的遗属解决实际问题，根据有关规定，结合我县实际，"
        "制定本办法。",
    ),
    ("h", "一、补助对象"),
    (
        "p",
        "本县离休干部去世后，其无工作单位、无固定收入、家庭月人均收入低于当地城乡居民最低生活保障标准1.5倍"
        "的配偶和未成年子女，可以申请生活困难补助。",
    ),
    ("h", "二、补助标准"),
    ("p", "月补助金额按下式计算："),
    ("eq", "月补助金额=(保障标准×1.5-家庭月人均收入)×申请人数"),
    (
        "inline",
        "式中，家庭月人均收入=家庭上年度总收入/(12×家庭人口数)，保障标准按县民政局当年公布的标准执行。",
    ),
    ("p", "按上式计算的月补助金额低于200元的按200元发放，最高不超过每月1800元。"),
    ("h", "三、申报程序"),
    (
        "p",
        "申请人向原工作单位提出书面申请，填写《离休干部遗属生活困难补助申请表》，由原工作单位核实后报县委"
        "老干部局审批。补助每年3月集中核定一次，按月发放到申请人的社会保障卡。",
    ),
    ("h", "四、资金管理"),
    (
        "p",
        "补助资金列入县财政年度预算，专款专用。对弄虚作假骗取补助的，一经查实，追回已发放的补助资金。"
        "本办法由县委老干部局负责解释，联系人离退休干部科姚雪梅，电话0519-8761203。",
    ),
)
AID_SIGN = ("中共溧岚县委老干部局", "溧岚县财政局", "2034年2月20日")


def _math(parent, xml: str) -> None:  # type: ignore[no-untyped-def]
    """Office Math markup appended to `parent` (a paragraph's element), as Word writes an equation."""
    from docx.oxml import parse_xml

    ns = (
        'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    )
    parent.append(parse_xml(xml.replace("NS", ns, 1)))


def _mr(text: str) -> str:
    """An equation's run: its text in Cambria Math as Word sets it."""
    return (
        '<m:r><w:rPr><w:rFonts w:ascii="Cambria Math" w:hAnsi="Cambria Math"/></w:rPr>'
        f"<m:t>{text}</m:t></m:r>"
    )


def write_aid(path: Path) -> None:
    """The rule with python-docx: title in 「Title」, 文号 centred, headings in 「Heading 2」, the display
    equation an ``m:oMathPara`` of its own paragraph — its brackets a delimiter (``m:d``) whose characters
    Word draws from ``m:begChr``/``m:endChr`` defaults, none in a text run — and the inline fraction an
    ``m:oMath`` between two runs of a sentence."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.size = Pt(14)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋")
    doc.add_paragraph(AID_TITLE, style="Title")
    doc.add_paragraph(AID_NUMBER).alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, text in AID_BODY:
        if kind == "h":
            doc.add_paragraph(text, style="Heading 2")
        elif kind == "p":
            doc.add_paragraph(text)
        elif kind == "eq":
            paragraph = doc.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _math(
                paragraph._p,
                "<m:oMathPara NS><m:oMath>"
                + _mr("月补助金额=")
                + "<m:d><m:dPr><m:ctrlPr/></m:dPr><m:e>"
                + _mr("保障标准×1.5-家庭月人均收入")
                + "</m:e></m:d>"
                + _mr("×申请人数")
                + "</m:oMath></m:oMathPara>",
            )
        else:  # the inline fraction, its denominator's brackets a delimiter again
            before, rest = text.split("=", 1)
            after = rest.split("，", 1)[1]
            paragraph = doc.add_paragraph(before + "=")
            _math(
                paragraph._p,
                "<m:oMath NS><m:f><m:num>"
                + _mr("家庭上年度总收入")
                + "</m:num><m:den>"
                + _mr("12×家庭人口数")
                + "</m:den></m:f></m:oMath>",
            )
            paragraph.add_run("，" + after)
    for line in AID_SIGN:
        doc.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.core_properties.author = "姚雪梅"
    doc.core_properties.title = AID_TITLE
    doc.save(str(path))


AID_PARTS = (
    ("title", AID_TITLE),
    ("body", AID_NUMBER),
    *(("body", text) for _, text in AID_BODY),
    *(("body", line) for line in AID_SIGN),
)

# --- 2. a workbook whose explanations are in a text box on the sheet ------------------------------

INSURE_TITLE = "溧岚县2034年离退休干部意外伤害保险投保汇总表"
INSURE_HEADER = ("序号", "投保单位", "投保人数（人）", "每人保费（元）", "保费合计（元）")
INSURE_ROWS = (
    (1, "县直机关离退休干部党总支", 312, 80, 24960),
    (2, "县教育系统退休干部支部", 226, 80, 18080),
    (3, "县卫健系统退休干部支部", 147, 80, 11760),
    (4, "乡镇离退休干部联合支部", 185, 80, 14800),
    ("", "合计", 870, "", 69600),
)
INSURE_BOX = (
    "投保说明",
    "1．承保公司：中国人寿保险股份有限公司溧岚支公司。",
    "2．保险期限：2034年4月1日零时起至2035年3月31日二十四时止。",
    "3．保障内容：意外身故、伤残保险金额每人6万元；意外医疗费用每人1.5万元，免赔额100元，按90%比例报销。",
    "4．保费由县财政全额承担，本人不缴费，90周岁以上老同志同样参保。",
    "5．出险后请在5日内报案，理赔联系人县委老干部局崔志刚，电话0519-8761217。",
)


def write_insure(path: Path) -> None:
    """xlsxwriter: a title merged over the table, the table, and the 投保说明 in a text box drawn to the
    table's right (``insert_textbox``) — as a clerk puts notes where they do not disturb the rows."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    book.set_properties({"title": INSURE_TITLE, "author": "崔志刚"})
    sheet = book.add_worksheet("投保汇总")
    bold = book.add_format({"bold": True, "align": "center", "border": 1})
    title = book.add_format({"bold": True, "font_size": 16, "align": "center"})
    cell = book.add_format({"border": 1})
    sheet.merge_range(0, 0, 0, len(INSURE_HEADER) - 1, INSURE_TITLE, title)
    sheet.write_row(1, 0, INSURE_HEADER, bold)
    for i, row in enumerate(INSURE_ROWS, start=2):
        sheet.write_row(i, 0, row, cell)
    for column, width in enumerate((6, 28, 14, 14, 14)):
        sheet.set_column(column, column, width)
    sheet.insert_textbox(
        "G2",
        "\n".join(INSURE_BOX),
        {
            "width": 520,
            "height": 230,
            "font": {"name": "宋体", "size": 11},
            "line": {"color": "#808080"},
            "fill": {"color": "#FFFFF0"},
        },
    )
    book.close()


INSURE_PARTS = (
    ("title", INSURE_TITLE),
    *(("body", str(cell)) for cell in INSURE_HEADER),
    *(("body", str(cell)) for row in INSURE_ROWS for cell in row if cell != ""),
    *(("body", line) for line in INSURE_BOX),
)

# --- 3. an e-mail forwarding another as an attachment ----------------------------------------------

POINTS_SUBJECT = "转发：溧岚县银龄志愿服务积分兑换有关事项"
POINTS_COVER = (
    "各离退休干部党支部：",
    "现将县志愿服务联合会《关于银龄志愿服务积分兑换有关事项的通知》转发给你们（见附件邮件），"
    "请及时传达到每一位参加志愿服务的老同志。各支部请于5月15日前将本支部志愿者名单报局组织科。",
    "中共溧岚县委老干部局组织科　宁海燕",
    "2034年4月28日",
)
POINTS_INNER_SUBJECT = "关于银龄志愿服务积分兑换有关事项的通知"
POINTS_INNER = (
    "县委老干部局：",
    "为激励离退休干部持续参与志愿服务，经研究，自2034年5月起开展银龄志愿服务积分兑换。有关事项通知如下：",
    "一、积分获得。志愿服务每满1小时记1分，由服务队长在“溧岚银龄”小程序上登记；参加防汛值守、"
    "应急救援等急难险重任务的，每小时记2分；获得县级以上表彰的，一次性奖励20分。",
    "二、兑换标准。50分可兑换免费健康体检一次，80分可兑换老年大学课程一学期，150分可兑换疗休养活动一次，"
    "疗休养名额每年30个，按积分高低排序确定。",
    "三、兑换办法。积分每年12月31日清零，清零前未兑换的积分计入“银龄之星”评选。积分可以转赠给本人的配偶，"
    "不得买卖。兑换体检需提前3天在小程序上预约。",
    "四、联系方式。县志愿服务联合会秘书处祁文斌，电话0519-8763306。",
    "溧岚县志愿服务联合会",
    "2034年4月25日",
)


def write_points(path: Path) -> None:
    """Python's email package as a mail client forwards a message **as an attachment** (「作为附件转发」):
    the cover note in text/plain, the original message whole as a ``message/rfc822`` part named after its
    subject — its own headers (From, Date, Subject) and its own text/plain body in base64."""
    from datetime import datetime, timedelta, timezone
    from email.message import EmailMessage
    from email.utils import format_datetime, make_msgid

    china = timezone(timedelta(hours=8))
    inner = EmailMessage()
    inner["From"] = "溧岚县志愿服务联合会 <zyfw@liland.example.cn>"
    inner["To"] = "县委老干部局 <lgbj@liland.example.cn>"
    inner["Subject"] = POINTS_INNER_SUBJECT
    inner["Date"] = format_datetime(datetime(2034, 4, 25, 16, 12, tzinfo=china))
    inner["Message-ID"] = make_msgid(domain="liland.example.cn")
    inner.set_content("\n\n".join(POINTS_INNER), charset="utf-8", cte="base64")
    outer = EmailMessage()
    outer["From"] = "县委老干部局组织科 <zzk@liland.example.cn>"
    outer["To"] = "各离退休干部党支部 <dzb@liland.example.cn>"
    outer["Subject"] = POINTS_SUBJECT
    outer["Date"] = format_datetime(datetime(2034, 4, 28, 9, 40, tzinfo=china))
    outer["Message-ID"] = make_msgid(domain="liland.example.cn")
    outer.set_content("\n\n".join(POINTS_COVER), charset="utf-8", cte="base64")
    outer.add_attachment(inner, filename=f"{POINTS_INNER_SUBJECT}.eml")
    path.write_bytes(bytes(outer))


POINTS_PARTS = (
    ("title", POINTS_SUBJECT),
    *(("body", line) for line in POINTS_COVER),
    ("body", POINTS_INNER_SUBJECT),
    *(("body", line) for line in POINTS_INNER),
)

# --- 4. a notice photographed, saved as HEIC ---------------------------------------------------------

VISIT = (
    ("title", "关于做好2034年重阳节走访慰问老干部工作的通知"),
    ("body", "各乡镇党委，县直各单位："),
    (
        "body",
        "重阳节即将到来，为弘扬尊老敬老传统，经县委同意，现就做好今年重阳节走访慰问老干部工作通知如下：",
    ),
    ("body", "一、走访时间：10月20日至10月26日，各单位要在重阳节前完成走访。"),
    (
        "body",
        "二、走访对象：本单位全体离休干部、90周岁以上退休干部、患重病和生活困难的退休干部，"
        "以及离休干部遗属。",
    ),
    (
        "body",
        "三、慰问标准：离休干部每人慰问金1000元，90周岁以上退休干部每人600元，困难退休干部和遗属每人500元，"
        "由各单位从老干部工作经费中列支。",
    ),
    (
        "body",
        "四、工作要求：单位主要负责同志要带头走访，当面听取老同志意见，对反映的困难要建立台账、限期解决。"
        "走访情况于10月31日前报县委老干部局综合科，联系人彭立新，电话0519-8761225。",
    ),
    ("right", "中共溧岚县委老干部局"),
    ("right", "2034年10月12日"),
)


def write_visit(path: Path) -> None:
    """The notice printed, scanned-looking and turned 1.5° as a phone held over the desk takes it, then
    saved as HEIC (pillow-heif, quality 80) — the format an iPhone stores its photos in."""
    import pillow_heif
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "page.png"
        write_scan(VISIT, png, author=AUTHOR, turn=1.5, seed=3701)
        page = Image.open(png).convert("RGB")
        heif = pillow_heif.from_pillow(page)
        heif.save(str(path), quality=80)


# --- 5. a notice whose 红头 and headings are set in condensed type ---------------------------------------

BOOK_MASTHEAD = "中共溧岚县委老干部局文件"
BOOK_NUMBER = "溧岚老干发〔2034〕9号"
BOOK_TITLE = "关于启用老干部活动中心场馆预约系统的通知"
BOOK_BODY: tuple[tuple[str, str], ...] = (
    ("p0", "各离退休干部党支部，各位老同志："),
    (
        "p",
        "为方便老同志合理安排活动时间，避免场馆拥挤，县老干部活动中心自2034年6月1日起启用场馆预约系统。"
        "现将有关事项通知如下：",
    ),
    ("h", "一、预约范围"),
    (
        "p",
        "活动中心的乒乓球室、台球室、书画室、舞蹈排练厅和多功能厅实行预约使用；阅览室和棋牌室不需预约，"
        "随到随用。",
    ),
    ("h", "二、预约方式"),
    (
        "p",
        "老同志可通过“溧岚老干部”微信公众号“场馆预约”栏目预约，也可拨打活动中心服务台电话0519-8761230"
        "由工作人员代为预约。每人每次最多预约2小时，可预约7天内的场次。",
    ),
    ("h", "三、开放时间"),
    (
        "p",
        "活动中心每周二至周日开放，上午8:30至11:30，下午14:30至17:30，每周一闭馆进行设备维护和清洁消毒。",
    ),
    ("h", "四、有关要求"),
    (
        "p",
        "预约后不能按时到场的，请提前2小时取消；一个月内累计3次预约未到且未取消的，暂停预约资格30天。"
        "多功能厅举办50人以上的活动，须提前3天向活动中心书面申请。",
    ),
    ("p", "联系人：活动中心主任温建国，电话0519-8761231。"),
)
BOOK_SIGN = ("中共溧岚县委老干部局", "2034年5月20日")


def write_booking(path: Path) -> None:
    """reportlab on A4 by GB/T 9704's look: the masthead in red at 30 pt condensed to 60 % of its width
    (``setHorizScale``), the 文号 under it over a red rule, the title letter-spaced (``setCharSpace``) on
    the canvas, the headings condensed to 80 %, body lines set by the canvas with a two-character indent."""
    from reportlab.lib.colors import Color
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    texts = [BOOK_MASTHEAD, BOOK_NUMBER, BOOK_TITLE, *(t for _, t in BOOK_BODY), *BOOK_SIGN]
    face = _register_font("".join(texts) + "— 0123456789")
    red = Color(0.85, 0.05, 0.05)
    width, height = A4
    left, right = 28 * mm, width - 26 * mm
    size, leading = 15.0, 15.0 * 1.75
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setTitle(BOOK_TITLE)
    canvas.setAuthor(AUTHOR)
    page = 1

    def footer() -> None:
        canvas.setFont(face, 12)
        canvas.setFillColor(Color(0, 0, 0))
        canvas.drawCentredString(width / 2, 15 * mm, f"— {page} —")

    def condensed(text: str, y: float, font_size: float, scale: float, centred: bool) -> None:
        line = canvas.beginText()
        line.setFont(face, font_size)
        line.setHorizScale(scale)
        shown = stringWidth(text, face, font_size) * scale / 100
        line.setTextOrigin((width - shown) / 2 if centred else left, y)
        line.textOut(text)
        line.setHorizScale(100)  # Tz is text state: it outlives the text object
        canvas.drawText(line)

    y = height - 35 * mm
    canvas.setFillColor(red)
    condensed(BOOK_MASTHEAD, y, 34, 60, centred=True)
    y -= 22 * mm
    canvas.setFillColor(Color(0, 0, 0))
    canvas.setFont(face, size)
    canvas.drawCentredString(width / 2, y, BOOK_NUMBER)
    y -= 5 * mm
    canvas.setStrokeColor(red)
    canvas.setLineWidth(1.5)
    canvas.line(left, y, right, y)
    y -= 16 * mm
    spaced = canvas.beginText()
    spaced.setFont(face, 20)
    spaced.setCharSpace(4)
    shown = stringWidth(BOOK_TITLE, face, 20) + 4 * (len(BOOK_TITLE) - 1)
    spaced.setTextOrigin((width - shown) / 2, y)
    spaced.textOut(BOOK_TITLE)
    spaced.setCharSpace(0)  # Tc, like Tz, outlives the text object
    canvas.drawText(spaced)
    y -= 14 * mm

    def new_line() -> float:
        nonlocal page
        if y - leading < 30 * mm:
            footer()
            canvas.showPage()
            page += 1
            return height - 37 * mm
        return y - leading

    for kind, text in BOOK_BODY:
        if kind == "h":
            y = new_line()
            condensed(text, y, size, 80, centred=False)
            continue
        indent = 0.0 if kind == "p0" else size * 2
        rest = text
        while rest:
            room = right - left - indent
            n = 1
            while n < len(rest) and stringWidth(rest[: n + 1], face, size) <= room:
                n += 1
            if n < len(rest) and rest[n] in "，。、；：）”":
                n -= 1  # a closing mark may not open a line: carry a character over
            while 1 < n < len(rest) and (rest[n - 1] + rest[n]).replace(":", "0").isdigit():
                n -= 1  # nor is a number broken: it goes over whole
            y = new_line()
            canvas.setFont(face, size)
            canvas.drawString(left + indent, y, rest[:n])
            rest, indent = rest[n:], 0.0
    y -= leading
    for line in BOOK_SIGN:
        y = new_line()
        canvas.setFont(face, size)
        canvas.drawRightString(right - size * 2, y, line)
    footer()
    canvas.save()


BOOK_PARTS = (
    ("title", BOOK_TITLE),
    ("body", BOOK_MASTHEAD),
    ("body", BOOK_NUMBER),
    *(("body", text) for _, text in BOOK_BODY),
    *(("body", line) for line in BOOK_SIGN),
)


WRITERS = {
    "溧岚县离休干部遗属生活困难补助办法.docx": write_aid,
    "溧岚县2034年离退休干部意外伤害保险投保汇总表.xlsx": write_insure,
    "转发：溧岚县银龄志愿服务积分兑换有关事项.eml": write_points,
    "关于做好2034年重阳节走访慰问老干部工作的通知（手机照片）.heic": write_visit,
    "关于启用老干部活动中心场馆预约系统的通知.pdf": write_booking,
}

if __name__ == "__main__":
    raise SystemExit(run_makers(WRITERS, sys.argv, HERE))
