"""The thirty-eighth blind set (cold36): five documents of an invented county bureau (岫宁县), each from a
producer or in a shape no earlier set used.

    /work/main/.venv/bin/python benchmarks/corpus-cold36/make_corpus.py [FOLDER [NAME…]]

1. an implementation plan as a **PDF whose outline (bookmarks) gives its sections** (reportlab: the headings
   set in the body's own type, unnumbered and flush left, each a bookmark in the PDF's outline, two of them
   at the outline's second level — the structure a reader of the file sees in the viewer's side panel);
2. a workbook of **two sheets whose cells carry comments (批注)** (openpyxl: a sheet of meal-allowance figures
   three of whose cells hold an Excel note by their author, and a sheet of 填表说明);
3. a **meeting invitation e-mail** (Python's email package as Outlook sends one: ``multipart/alternative``
   with a text/plain body and a ``text/calendar; method=REQUEST`` part — the meeting's time, place, chair
   and online meeting number only in the iCalendar event, its lines folded at 75 octets as RFC 5545 asks);
4. a **slide deck with native charts** (python-pptx: a clustered column chart and a pie chart whose figures
   live only in the charts' data, a table-free deck with bullets and speaker notes);
5. a notice **photographed upside down** (reportlab → pdftoppm → a scanned look, turned 3° and then 180°,
   saved as a phone's JPEG).

Every name, address, telephone number and amount is invented. Needs poppler-utils, reportlab, openpyxl,
python-pptx and Pillow (for making the files only); none is a new speechqa dependency. A re-run gives the
same text; the bytes differ.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.fixtures.corpus_writers import (  # noqa: E402
    _register_font,
    run_makers,
    write_scan,
)

AUTHOR = "中共岫宁县委老干部局"

# --- 1. a PDF whose outline gives its sections ----------------------------------------------------

TALENT_TITLE = "岫宁县银发人才库建设实施方案"
TALENT_NUMBER = "岫宁老干发〔2033〕4号"
# (outline level or None for body text, text): level 0 and 1 lines are headings, bookmarked
TALENT_BODY: tuple[tuple[int | None, str], ...] = (
    (
        None,
        "为充分发挥离退休干部政治优势、经验优势和威望优势，县委老干部局决定建立岫宁县银发人才库。"
        "现制定如下实施方案。",
    ),
    (0, "总体要求"),
    (
        None,
        "坚持自愿参与、量力而行、按需服务的原则，力争到2033年底入库人才达到300名，形成覆盖党建、教育、"
        "医疗、农技、文化五个领域的银发人才队伍。",
    ),
    (0, "入库范围和条件"),
    (1, "入库范围"),
    (
        None,
        "本县身体健康、热心公益的离退休干部，以及退休的教师、医生、农技人员等专业技术人才，均可申请入库。",
    ),
    (1, "入库条件"),
    (
        None,
        "申请人年龄一般不超过75周岁，具有一技之长，本人自愿，每年能参加志愿服务不少于20小时。"
        "有违法违纪行为尚在影响期内的，不予入库。",
    ),
    (0, "入库程序"),
    (
        None,
        "个人填写《银发人才登记表》，经原单位党组织推荐，由县委老干部局审核后统一建档入库，"
        "每季度集中审核一次。",
    ),
    (
        None,
        "入库人才信息录入“岫宁银发人才”服务平台，实行动态管理，每年更新一次，因身体等原因不能继续"
        "服务的，本人申请后退出。",
    ),
    (0, "管理使用"),
    (
        None,
        "县委老干部局根据乡镇和部门需求，通过“群众点单、组织派单、人才接单”的方式安排入库人才开展服务，"
        "服务情况按次登记。",
    ),
    (None, "对年度服务时长超过60小时的入库人才，年底授予“银发先锋”称号，并在县电视台宣传报道。"),
    (0, "保障措施"),
    (
        None,
        "县财政每年安排银发人才工作经费15万元，用于人才培训、交通补助和人身意外保险。"
        "入库人才参加服务每半天给予交通补助30元。",
    ),
    (None, "联系人：县委老干部局组织科苗思远，电话0737-5321046。"),
)
TALENT_SIGN = ("中共岫宁县委老干部局", "2033年3月6日")


def write_talent(path: Path) -> None:
    """The plan set by reportlab on A4: title centred, 文号 under it, headings in the body's type flush left,
    body paragraphs indented two characters, signature right, 「— N —」 under every page; each heading a
    bookmark of the PDF's outline (its level the heading's), pointing at the heading's line."""
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    size = 14.0
    texts = [TALENT_TITLE, TALENT_NUMBER, *(t for _, t in TALENT_BODY), *TALENT_SIGN]
    face = _register_font("".join(texts) + "— 0123456789")
    base = ParagraphStyle("base", fontName=face, fontSize=size, leading=size * 1.8, wordWrap="CJK")
    title = ParagraphStyle(
        "title", parent=base, fontSize=size + 6, leading=(size + 6) * 1.6, alignment=TA_CENTER
    )
    number = ParagraphStyle("number", parent=base, alignment=TA_CENTER, spaceAfter=size)
    heading = ParagraphStyle("heading", parent=base)  # the body's type, flush left: only the outline marks it
    body = ParagraphStyle("body", parent=base, firstLineIndent=size * 2)
    right = ParagraphStyle("right", parent=base, alignment=TA_RIGHT)

    class Outlined(SimpleDocTemplate):
        def afterFlowable(self, flowable) -> None:  # type: ignore[no-untyped-def]
            mark = getattr(flowable, "outline", None)
            if mark is None:
                return
            text, level = mark
            key = f"h{len(self.marks)}"
            self.marks.append(key)
            top = self.frame._y + flowable.height
            self.canv.bookmarkPage(key, fit="XYZ", left=self.frame._x1, top=top)
            self.canv.addOutlineEntry(text, key, level=level, closed=False)

    def footer(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.setFont(face, 11)
        canvas.drawCentredString(A4[0] / 2, 14 * mm, f"— {doc.page} —")

    doc = Outlined(
        str(path),
        pagesize=A4,
        leftMargin=28 * mm,
        rightMargin=26 * mm,
        topMargin=37 * mm,
        bottomMargin=35 * mm,
        title=TALENT_TITLE,
        author=AUTHOR,
    )
    doc.marks = []  # type: ignore[attr-defined]
    story: list[object] = [Paragraph(TALENT_TITLE, title), Paragraph(TALENT_NUMBER, number)]
    for level, text in TALENT_BODY:
        if level is None:
            story.append(Paragraph(text, body))
            continue
        line = Paragraph(text, heading)
        line.outline = (text, level)  # type: ignore[attr-defined]
        story.append(line)
    story.append(Spacer(1, size * 2))
    story.extend(Paragraph(line, right) for line in TALENT_SIGN)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    # a viewer opens the file with its outline shown, as an office's PDF tool saves such a plan
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(path))
    writer.page_mode = "/UseOutlines"
    with path.open("wb") as out:
        writer.write(out)


TALENT_PARTS = (
    ("title", TALENT_TITLE),
    ("body", TALENT_NUMBER),
    *(("body", text) for _, text in TALENT_BODY),
    *(("body", line) for line in TALENT_SIGN),
)

# --- 2. a workbook of two sheets whose cells carry comments -------------------------------------

MEALS_HEADER = ("乡镇", "助餐点", "就餐老人（人）", "补贴人次", "补贴金额（元）")
MEALS_ROWS = (
    ("城关镇", "城关社区长者食堂", 186, 9820, 34370),
    ("石门乡", "石门村幸福食堂", 64, 3105, 9315),
    ("青桐镇", "青桐镇中心敬老院助餐点", 92, 4470, 13410),
    ("柳埠镇", "柳埠社区老年食堂", 58, 2760, 8280),
    ("合计", "", 400, 20155, 65375),
)
# (cell, its comment): Excel's notes (批注), each signed by its author as Excel writes it
MEALS_COMMENT_AUTHOR = "汪丽娟"
MEALS_COMMENTS = (
    ("E1", "补贴标准：每餐补贴3元，80周岁以上老人每餐补贴5元。"),
    ("E2", "含80周岁以上老人加补部分4910元。"),
    ("B3", "3月起改由县中心厨房统一配送，每日送餐两次。"),
    ("C5", "其中失能老人11人，由志愿者每天送餐上门。"),
)
MEALS_NOTES = (
    "填表说明",
    "一、补贴对象为本县户籍、60周岁以上、在助餐点就餐的老年人。",
    "二、补贴资金由县财政和乡镇按7:3比例分担，按季度拨付到助餐点。",
    "三、各助餐点须于每季度结束后10日内报送就餐台账和签字名册。",
    "四、填报单位：岫宁县民政局养老服务股，联系人汪丽娟，电话0737-5326630。",
)


def write_meals(path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "一季度发放明细"
    sheet.append(MEALS_HEADER)
    for row in MEALS_ROWS:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    for column, width in zip("ABCDE", (10, 26, 16, 12, 16), strict=True):
        sheet.column_dimensions[column].width = width
    for address, text in MEALS_COMMENTS:
        comment = Comment(f"{MEALS_COMMENT_AUTHOR}:\n{text}", MEALS_COMMENT_AUTHOR)
        comment.width, comment.height = 240, 90
        sheet[address].comment = comment
    notes = book.create_sheet("填表说明")
    notes.column_dimensions["A"].width = 80
    for line in MEALS_NOTES:
        notes.append((line,))
    notes["A1"].font = Font(bold=True)
    book.properties.creator = "岫宁县民政局"
    book.properties.title = "岫宁县2033年一季度老年助餐补贴发放明细"
    book.save(path)


MEALS_PARTS = (
    *(("body", str(cell)) for cell in MEALS_HEADER),
    *(("body", str(cell)) for row in MEALS_ROWS for cell in row if cell != ""),
    *(("body", text) for _, text in MEALS_COMMENTS),
    *(("body", line) for line in MEALS_NOTES),
)

# --- 3. a meeting invitation e-mail with an iCalendar event -------------------------------------

INVITE_SUBJECT = "关于召开候鸟式养老服务座谈会的邀请"
INVITE_BODY = (
    "各位老同志：",
    "为做好候鸟式养老服务工作，县委老干部局定于近期召开候鸟式养老服务座谈会，听取冬季在外地旅居养老的"
    "老同志意见建议。现诚邀您参加，会议时间和地点见本邮件所附的会议邀请。",
    "座谈内容：一是介绍我县与海南省陵水县、云南省弥勒市建立的异地旅居养老协作机制；二是通报异地就医直接"
    "结算的办理流程；三是听取老同志对旅居期间组织生活和联系服务的意见。",
    "请于3月14日前回复是否参加，不能到会的老同志可书面提交意见。",
    "中共岫宁县委老干部局",
    "2033年3月9日",
)
INVITE_EVENT = {
    "SUMMARY": "候鸟式养老服务座谈会",
    "LOCATION": "县老干部活动中心二楼第一会议室（岫宁县文昌路18号）",
    "DESCRIPTION": (
        "会议由县委老干部局副局长邵立群主持。\n请参会同志提前10分钟到场签到。\n"
        "在外地暂不能返回的老同志，可通过腾讯会议线上参加，会议号：816 203 318。"
    ),
}
INVITE_ORGANIZER = ("钟雅琳", "ltxk@xiuning.example.cn")


def _fold(line: str) -> str:
    """An iCalendar content line folded as RFC 5545 asks: no line longer than 75 octets, each continuation
    opening with a space; a UTF-8 character is never split."""
    out, current = [], ""
    for character in line:
        limit = 75 if not out else 74
        if len((current + character).encode("utf-8")) > limit:
            out.append(current)
            current = ""
        current += character
    out.append(current)
    return "\r\n ".join(out)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def invite_calendar() -> str:
    """The invitation's iCalendar object as Outlook writes one (METHOD:REQUEST, a VTIMEZONE for China
    Standard Time, the event's times in it, the organizer and attendees)."""
    lines = [
        "BEGIN:VCALENDAR",
        "METHOD:REQUEST",
        "PRODID:Microsoft Exchange Server 2016",
        "VERSION:2.0",
        "BEGIN:VTIMEZONE",
        "TZID:China Standard Time",
        "BEGIN:STANDARD",
        "DTSTART:16010101T000000",
        "TZOFFSETFROM:+0800",
        "TZOFFSETTO:+0800",
        "END:STANDARD",
        "END:VTIMEZONE",
        "BEGIN:VEVENT",
        f"ORGANIZER;CN=县委老干部局离退休干部科 {INVITE_ORGANIZER[0]}:mailto:{INVITE_ORGANIZER[1]}",
        "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=离退休干部座谈会参会人员:"
        "mailto:ltxgb-zuotan@xiuning.example.cn",
        f"DESCRIPTION;LANGUAGE=zh-CN:{_escape(INVITE_EVENT['DESCRIPTION'])}",
        f"UID:040000008200E00074C5B7101A82E008000000005C7D1B2F3E1CD901000000000000000010000000{'9' * 8}",
        f"SUMMARY;LANGUAGE=zh-CN:{_escape(INVITE_EVENT['SUMMARY'])}",
        "DTSTART;TZID=China Standard Time:20330318T093000",
        "DTEND;TZID=China Standard Time:20330318T113000",
        "CLASS:PUBLIC",
        "PRIORITY:5",
        "DTSTAMP:20330309T021500Z",
        "TRANSP:OPAQUE",
        "STATUS:CONFIRMED",
        "SEQUENCE:0",
        f"LOCATION;LANGUAGE=zh-CN:{_escape(INVITE_EVENT['LOCATION'])}",
        "BEGIN:VALARM",
        "DESCRIPTION:REMINDER",
        "TRIGGER;RELATED=START:-PT15M",
        "ACTION:DISPLAY",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def write_invite(path: Path) -> None:
    message = EmailMessage()
    message["From"] = f"县委老干部局离退休干部科 {INVITE_ORGANIZER[0]} <{INVITE_ORGANIZER[1]}>"
    message["To"] = "离退休干部座谈会参会人员 <ltxgb-zuotan@xiuning.example.cn>"
    message["Subject"] = INVITE_SUBJECT
    message["Date"] = format_datetime(datetime(2033, 3, 9, 10, 15, tzinfo=timezone(timedelta(hours=8))))
    message["Message-ID"] = make_msgid(domain="xiuning.example.cn")
    message.set_content("\n".join(INVITE_BODY) + "\n", charset="utf-8", cte="base64")
    message.add_alternative(
        invite_calendar().encode("utf-8"),
        maintype="text",
        subtype="calendar",
        params={"method": "REQUEST", "charset": "utf-8"},
        cte="base64",
    )
    path.write_bytes(bytes(message))


INVITE_PARTS = (
    ("body", INVITE_SUBJECT),
    *(("body", line) for line in INVITE_BODY),
    *(("body", line) for value in INVITE_EVENT.values() for line in value.split("\n")),
)

# --- 4. a slide deck with native charts ---------------------------------------------------------

DECK_TITLE = "岫宁县适老化改造工作推进情况汇报"
DECK_SPEAKER = ("县民政局副局长　谢婉清", "2033年4月")
DECK_PROGRESS = (
    "2033年全县计划完成困难老年人家庭适老化改造600户",
    "截至3月底已完成改造412户，完成率68.7%",
    "每户改造补助标准不超过3500元，由县级财政全额承担",
)
DECK_TOWNS_TITLE = "各乡镇适老化改造完成情况（户）"
DECK_TOWNS = ("城关镇", "石门乡", "青桐镇", "柳埠镇", "白沙乡")
DECK_PLANNED = (180, 110, 130, 100, 80)
DECK_DONE = (138, 76, 94, 61, 43)
DECK_ITEMS_TITLE = "改造项目构成"
DECK_ITEMS = (
    ("卫生间扶手和防滑处理", 0.46),
    ("床边护栏", 0.21),
    ("智能烟感报警器", 0.18),
    ("坡道和无障碍通道", 0.15),
)
DECK_NEXT = (
    "5月底前完成剩余188户改造任务",
    "委托县康颐养老服务中心开展第三方验收评估",
    "开通适老化改造咨询热线0737-5328899",
)
DECK_NOTES = ("汇报时说明：白沙乡进度偏慢，主要原因是施工队伍不足，已协调县建筑业协会派出两支施工队支援。",)


def write_deck(path: Path) -> None:
    from pptx import Presentation
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
    from pptx.util import Emu

    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[0])
    slide.shapes.title.text = DECK_TITLE
    slide.placeholders[1].text_frame.text = "\n".join(DECK_SPEAKER)

    def bullets(title: str, lines: tuple[str, ...]):  # type: ignore[no-untyped-def]
        slide = deck.slides.add_slide(deck.slide_layouts[1])
        slide.shapes.title.text = title
        frame = slide.placeholders[1].text_frame
        frame.text = lines[0]
        for line in lines[1:]:
            frame.add_paragraph().text = line
        return slide

    bullets("总体进展", DECK_PROGRESS)
    box = (Emu(457200), Emu(1500000), Emu(8229600), Emu(4800000))

    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = DECK_TOWNS_TITLE
    data = CategoryChartData()
    data.categories = DECK_TOWNS
    data.add_series("计划改造", DECK_PLANNED)
    data.add_series("已完成", DECK_DONE)
    chart = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, *box, data).chart
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.plots[0].has_data_labels = True

    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = DECK_ITEMS_TITLE
    data = CategoryChartData(number_format="0%")
    data.categories = [name for name, _ in DECK_ITEMS]
    data.add_series("占比", [share for _, share in DECK_ITEMS])
    chart = slide.shapes.add_chart(XL_CHART_TYPE.PIE, *box, data).chart
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.RIGHT
    plot = chart.plots[0]
    plot.has_data_labels = True
    plot.data_labels.number_format = "0%"
    plot.data_labels.number_format_is_linked = False
    plot.data_labels.show_percentage = True

    slide = bullets("下一步工作", DECK_NEXT)
    slide.notes_slide.notes_text_frame.text = DECK_NOTES[0]
    deck.core_properties.author = "谢婉清"
    deck.core_properties.title = DECK_TITLE
    deck.save(path)


DECK_PARTS = (
    ("title", DECK_TITLE),
    *(("body", line) for line in (*DECK_SPEAKER, "总体进展", *DECK_PROGRESS, DECK_TOWNS_TITLE)),
    *(
        ("body", f"{town}：计划改造{planned}，已完成{done}")
        for town, planned, done in zip(DECK_TOWNS, DECK_PLANNED, DECK_DONE, strict=True)
    ),
    ("body", DECK_ITEMS_TITLE),
    *(("body", f"{name}：{round(share * 100)}%") for name, share in DECK_ITEMS),
    *(("body", line) for line in ("下一步工作", *DECK_NEXT, *DECK_NOTES)),
)

# --- 5. a notice photographed upside down -------------------------------------------------------

FRAUD = (
    ("title", "关于防范以“养老服务”为名实施诈骗的提醒"),
    ("body", "各离退休干部党支部、广大老同志："),
    (
        "body",
        "近期，我县发生多起不法分子以“养老项目投资”“高额返利”“预售养老床位”为名骗取老年人钱财的案件，"
        "涉案金额达86万元。为保护老同志财产安全，现提醒如下：",
    ),
    ("body", "一、凡是承诺“保本高息”“以房养老稳赚不赔”的，都是诈骗陷阱，切勿轻信。"),
    ("body", "二、不参加来历不明的“免费体检”“养生讲座”和低价旅游团，不向陌生人透露银行卡号和验证码。"),
    ("body", "三、遇到可疑情况，请及时拨打反诈专线96110或县公安局举报电话0737-5320110咨询。"),
    ("body", "四、各支部每月至少开展一次防诈骗宣传，发现老同志受骗要第一时间报告县委老干部局。"),
    ("body", "联系人：县委老干部局老干部科卢晓晨，电话0737-5321058。"),
    ("right", "中共岫宁县委老干部局"),
    ("right", "2033年5月8日"),
)


def write_fraud(path: Path) -> None:
    """The notice printed, then photographed with the phone held upside down over it: the page turned 3° and
    the picture stored the wrong way up (a phone that saves no orientation tag), a JPEG at quality 80."""
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "page.png"
        write_scan(FRAUD, png, author=AUTHOR, turn=3.0, seed=3601)
        page = Image.open(png).convert("L").transpose(Image.Transpose.ROTATE_180)
        page.save(path, "JPEG", quality=80, dpi=(200, 200))


WRITERS = {
    "岫宁县银发人才库建设实施方案.pdf": write_talent,
    "岫宁县2033年一季度老年助餐补贴发放明细.xlsx": write_meals,
    "关于召开候鸟式养老服务座谈会的邀请.eml": write_invite,
    "岫宁县适老化改造工作推进情况汇报.pptx": write_deck,
    "关于防范以养老服务为名实施诈骗的提醒（照片）.jpg": write_fraud,
}

if __name__ == "__main__":
    raise SystemExit(run_makers(WRITERS, sys.argv, HERE))
