"""The forty-first blind set (cold39): five documents of an invented county bureau (砚泉县), each from a
producer or in a shape no earlier set used.

    /work/main/.venv/bin/python benchmarks/corpus-cold39/make_corpus.py [FOLDER [NAME…]]

1. a notice moving a shuttlecock-kicking match as a **.docx whose superseded words are struck through**
   (python-docx ``font.strike``: the clerk struck the old date, place, number of prizes and a lunch out
   by hand — Word's 「删除线」, not tracked changes — and typed the new words after them in red);
2. a notice on a lantern-riddle afternoon as a **PDF that LibreOffice exported from a 公文 on the GB/T 9704
   document grid** (``w:docGrid w:type="linesAndChars"``: 27 characters a line, 22 lines a page, as a county template sets it) whose
   发文机关标志 and 落款 are set **「分散对齐」** (``w:jc w:val="distribute"``: the characters spread over
   the line);
3. two mails from the bureau in **one Thunderbird local-folder file (.mbox)**: each message after its
   ``From `` separator line, with Thunderbird's ``X-Mozilla-Status`` headers;
4. a tie-dye class's sign-up sheet as an **.xlsx whose title, maker and date are only in the printed page's
   header and footer** (openpyxl ``oddHeader``/``oddFooter``: Excel's 「页面设置 › 页眉/页脚」), a second
   sheet holding the classes;
5. a notice on story-telling and family rules as a **.docx whose 红头 (发文机关标志, 文号, red rule) is in
   the first page's own header** (``w:titlePg``, Word's 「首页不同」), later pages carrying a plain one.

Every name, address, telephone number and amount is invented. Needs LibreOffice (Writer), python-docx and
openpyxl (for making the files only); none is a new speechqa dependency. A re-run gives the same text; the
bytes differ.
"""

from __future__ import annotations

import mailbox
import sys
import tempfile
from datetime import UTC, datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.fixtures.corpus_writers import run_makers, soffice_convert  # noqa: E402

AUTHOR = "中共砚泉县委老干部局"
ISSUER = "中共砚泉县委老干部局"

# --- 1. struck-through words (删除线) --------------------------------------------------------------

KICK_NUMBER = "砚泉老干发〔2035〕9号"
KICK_TITLE = "关于调整全县离退休干部踢毽子比赛时间和地点的通知"
KICK_TO = "各离退休干部党支部、各乡镇老干部工作站："
KICK_LEAD = (
    "原定于4月10日举行的全县离退休干部踢毽子比赛，因比赛场地县体育馆屋顶维修，经研究，决定调整比赛时间和"
    "地点。现将有关事项通知如下："
)
# a paragraph: (text, struck) segments; struck words stay on the page, struck through
KICK_ITEMS: tuple[tuple[tuple[str, bool], ...], ...] = (
    (
        ("一、比赛时间：", False),
        ("2035年4月10日（星期二）上午9时", True),
        ("2035年4月17日（星期二）上午9时，8时30分前完成检录。", False),
    ),
    (
        ("二、比赛地点：", False),
        ("县体育馆一楼训练厅", True),
        ("砚泉县第二中学风雨操场（县城文昌路88号），请从学校北门进入。", False),
    ),
    (
        (
            "三、比赛项目：设单人盘踢计数、双人对踢和五人团体花样踢三个项目，每名运动员限报两项。",
            False,
        ),
        ("每个项目录取前六名。", True),
        ("每个项目录取前八名，颁发荣誉证书和奖品。", False),
    ),
    (
        (
            "四、报名：报名截止时间顺延至4月12日，各支部将报名表报县委老干部局文体科；已经报名的不必重新报名。",
            False,
        ),
    ),
    (
        (
            "五、其他事项：比赛统一使用组委会提供的鸡毛毽。参赛人员须年满60周岁、身体健康，请各支部提醒参赛"
            "人员赛前做好热身。",
            False,
        ),
        ("比赛当天中午在县体育馆职工食堂统一安排午餐。", True),
    ),
)
KICK_CONTACT = "联系人：文体科　邬晓岚，电话：0717-6623451"
KICK_SIGN = (ISSUER, "2035年3月28日")


def write_kick(path: Path) -> None:
    """python-docx: a 公文 whose superseded words a clerk struck through (「删除线」) and followed in red."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    doc = Document()
    doc.core_properties.title = KICK_TITLE
    doc.core_properties.author = AUTHOR
    doc.styles["Normal"].font.size = Pt(16)
    number = doc.add_paragraph(KICK_NUMBER)
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(KICK_TITLE)
    run.font.size, run.bold = Pt(22), True
    doc.add_paragraph(KICK_TO)
    doc.add_paragraph(KICK_LEAD).paragraph_format.first_line_indent = Pt(32)
    for item in KICK_ITEMS:
        paragraph = doc.add_paragraph()
        paragraph.paragraph_format.first_line_indent = Pt(32)
        for index, (text, struck) in enumerate(item):
            run = paragraph.add_run(text)
            if struck:
                run.font.strike = True
            elif index and item[index - 1][1]:  # the words typed after struck ones: in red
                run.font.color.rgb = RGBColor(0xC0, 0, 0)
    doc.add_paragraph(KICK_CONTACT).paragraph_format.first_line_indent = Pt(32)
    for line in KICK_SIGN:
        doc.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.save(str(path))


# --- 2. the GB/T 9704 document grid and 分散对齐, exported to PDF by LibreOffice -----------------------

RIDDLE_MARK = "中共砚泉县委老干部局文件"
RIDDLE_NUMBER = "砚泉老干发〔2035〕3号"
RIDDLE_TITLE = "关于举办2035年离退休干部元宵灯谜竞猜活动的通知"
RIDDLE_TO = "各离退休干部党支部："
RIDDLE_BODY = (
    "为丰富离退休干部节日文化生活，弘扬传统民俗文化，县委老干部局定于元宵节期间举办离退休干部灯谜竞猜活动。"
    "现将有关事项通知如下：",
    "一、活动时间：2035年2月22日（农历正月十五）下午2时30分至5时。",
    "二、活动地点：县老干部活动中心一楼大厅及庭院长廊。",
    "三、活动内容：现场悬挂灯谜六百条，谜面涵盖字谜、成语、地名和砚泉乡土风物等类别。参加人员凭谜条到兑奖台"
    "作答，猜中一条可领取纪念品一份，每人限领十份。",
    "四、谜题征集：欢迎离退休干部自创灯谜，请于2月15日前将谜面、谜底和注解报送文体科，入选活动现场的自创灯谜"
    "每条给予20元稿酬。",
    "五、注意事项：活动现场人员较多，行动不便的老同志请由家属陪同；活动中心东门临时封闭，请从南门进入。",
    "联系人：文体科　冼若兰，电话：0717-6623458",
)
RIDDLE_SIGN = (ISSUER, "2035年2月9日")
RIDDLE_COPY = "抄送：县文化馆，县图书馆。"
RIDDLE_PRINTED = "中共砚泉县委老干部局办公室　　　　　　2035年2月9日印发"


def _grid(section, chars: int, lines: int, size_pt: float) -> None:  # type: ignore[no-untyped-def]
    """`section` on Word's 「文档网格 › 指定行和字符网格」: `chars` a line, `lines` a page at `size_pt`."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    width = (section.page_width - section.left_margin - section.right_margin) / 12700  # EMU → pt
    height = (section.page_height - section.top_margin - section.bottom_margin) / 12700
    sect = section._sectPr
    grid = sect.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect.append(grid)
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(round(height / lines * 20)))
    grid.set(qn("w:charSpace"), str(round((width / chars - size_pt) * 4096)))


def _default_size(doc, size_pt: float) -> None:  # type: ignore[no-untyped-def]
    """The document default's font size (``w:docDefaults``), as a 公文 template sets it to 三号."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    r_pr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for tag in ("w:sz", "w:szCs"):
        size = r_pr.find(qn(tag))
        if size is None:
            size = OxmlElement(tag)
            r_pr.append(size)
        size.set(qn("w:val"), str(round(size_pt * 2)))


def _distribute(paragraph) -> None:  # type: ignore[no-untyped-def]
    """Word's 「分散对齐」: the paragraph's characters spread evenly over the whole line."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    p_pr = paragraph._p.get_or_add_pPr()
    jc = p_pr.find(qn("w:jc"))
    if jc is None:
        jc = OxmlElement("w:jc")
        p_pr.append(jc)
    jc.set(qn("w:val"), "distribute")


def write_riddle(path: Path) -> None:
    """python-docx: a 公文 on the GB/T 9704 grid (28 × 22) with a 分散对齐 标志 and 落款, exported by LibreOffice."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / (path.stem + ".docx")
        doc = Document()
        doc.core_properties.title = RIDDLE_TITLE
        doc.core_properties.author = AUTHOR
        normal = doc.styles["Normal"]
        normal.font.size = Pt(16)
        normal.font.name = "FangSong"
        normal.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
        _default_size(doc, 16)  # the grid's characters are measured from the document's default size
        section = doc.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
        section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
        _grid(section, 27, 22, 16)
        mark = doc.add_paragraph()
        _distribute(mark)
        run = mark.add_run(RIDDLE_MARK)
        run.font.size, run.bold = Pt(30), True
        run.font.color.rgb = RGBColor(0xE0, 0, 0)
        number = doc.add_paragraph(RIDDLE_NUMBER)
        number.alignment = WD_ALIGN_PARAGRAPH.CENTER
        title = doc.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = title.add_run(RIDDLE_TITLE)
        run.font.size, run.bold = Pt(22), True
        doc.add_paragraph(RIDDLE_TO)
        for text in RIDDLE_BODY:
            doc.add_paragraph(text).paragraph_format.first_line_indent = Pt(32)
        doc.add_paragraph()
        unit = doc.add_paragraph(RIDDLE_SIGN[0])
        unit.paragraph_format.left_indent = Pt(16 * 15)
        unit.paragraph_format.right_indent = Pt(16 * 2)
        _distribute(unit)
        date = doc.add_paragraph(RIDDLE_SIGN[1])
        date.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        date.paragraph_format.right_indent = Pt(16 * 4)
        doc.add_paragraph()
        copy = doc.add_paragraph(RIDDLE_COPY)
        copy.runs[0].font.size = Pt(14)
        printed = doc.add_paragraph(RIDDLE_PRINTED)
        printed.runs[0].font.size = Pt(14)
        doc.save(str(source))
        soffice_convert(source, "pdf", path)


# --- 3. a Thunderbird local folder (.mbox) holding two mails ------------------------------------------

CST = timezone(timedelta(hours=8))
DRUM_SUBJECT = "关于组建离退休干部腰鼓队的通知"
DRUM_BODY = """各离退休干部党支部：

    为丰富老同志文体生活，县委老干部局拟组建离退休干部腰鼓队，现面向全县离退休干部招募队员。有关事项通知如下：

    一、招募人数：30名，男女不限，年龄在55周岁至72周岁之间，身体健康、能坚持参加训练。
    二、训练安排：每周二、周五上午8时30分在县老干部活动中心广场训练，每次约一个半小时，由县文化馆舞蹈老师柏晓春指导。
    三、服装和腰鼓由县委老干部局统一配发，队员不需自费购买。
    四、报名方式：请于3月20日前电话报名。联系人：文体科饶云峰，电话0717-6623462。

县委老干部局文体科
2035年3月12日
"""
CUT_SUBJECT = "关于为行动不便的离退休干部提供上门义剪服务的通知"
CUT_BODY = """各离退休干部党支部：

    县委老干部局联合县职业技术学校美容美发专业，于2035年3月至6月为行动不便的离退休干部提供免费上门理发服务。现将有关事项通知如下：

    一、服务对象：年满80周岁或因病行动不便、居住在县城规划区内的离退休干部。
    二、服务时间：每月第二个星期六，上午9时至下午4时。
    三、预约方式：请于每月5日前向老干部服务中心预约，说明姓名、住址和联系电话。联系人：管佳宁，电话0717-6623470。
    四、每次上门由一名指导教师带两名学生，服务结束后请老同志在服务登记表上签字确认。

县委老干部局老干部服务中心
2035年3月15日
"""
MAILS = (
    (
        "县委老干部局文体科 <wentike@yq-lgb.example.cn>",
        DRUM_SUBJECT,
        DRUM_BODY,
        datetime(2035, 3, 12, 9, 41, tzinfo=CST),
    ),
    (
        "县委老干部局老干部服务中心 <fuwu@yq-lgb.example.cn>",
        CUT_SUBJECT,
        CUT_BODY,
        datetime(2035, 3, 15, 15, 7, tzinfo=CST),
    ),
)


def write_inbox(path: Path) -> None:
    """Python's mailbox module writing two mails as Thunderbird keeps a local folder: mboxrd, each after its
    ``From - <date>`` line, with Thunderbird's status headers."""
    path.unlink(missing_ok=True)
    box = mailbox.mbox(str(path), create=True)
    for number, (sender, subject, body, when) in enumerate(MAILS, 1):
        message = EmailMessage()
        message["X-Mozilla-Status"] = "0001"
        message["X-Mozilla-Status2"] = "00000000"
        message["From"] = sender
        message["To"] = "离退休干部党支部 <zhibu@yq-lgb.example.cn>"
        message["Subject"] = subject
        message["Date"] = format_datetime(when)
        message["Message-ID"] = f"<2035031{number}.{number}@yq-lgb.example.cn>"
        message["User-Agent"] = (
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:115.0) Gecko/20100101 Thunderbird/115.8.0"
        )
        message.set_content(body, charset="utf-8", cte="base64")
        entry = mailbox.mboxMessage(message)
        entry.set_from("-", when.astimezone(UTC).timetuple())
        box.add(entry)
    box.flush()
    box.close()


# --- 4. an .xlsx whose title is only in the printed header --------------------------------------------

DYE_TITLE = "砚泉县离退休干部扎染体验班报名汇总表"
DYE_MAKER = "制表单位：县委老干部局老干部服务中心"
DYE_DATE = "制表日期：2035年4月6日"
DYE_HEAD = ("序号", "姓名", "原工作单位", "年龄", "参加班次", "联系电话", "备注")
DYE_ROWS = (
    ("1", "甘淑贞", "县供销合作社", "67", "第一期", "13907176021", ""),
    ("2", "蔺守拙", "县水利局", "71", "第一期", "13907176038", "需接送"),
    ("3", "濮秀英", "县第一小学", "64", "第一期", "13907176045", ""),
    ("4", "晏德培", "县粮食局", "73", "第一期", "13907176052", ""),
    ("5", "宓兰芳", "县人民医院", "66", "第二期", "13907176069", "自带围裙"),
    ("6", "阙国梁", "县交通运输局", "69", "第二期", "13907176076", ""),
    ("7", "糜晓云", "县妇联", "62", "第二期", "13907176083", ""),
    ("8", "屠振邦", "县林业局", "75", "第二期", "13907176090", "需接送"),
    ("9", "訾慧敏", "县审计局", "63", "第三期", "13907176104", ""),
    ("10", "厍长林", "县广播电视台", "70", "第三期", "13907176111", ""),
)
DYE_CLASSES_HEAD = ("班次", "上课日期", "上课地点", "授课老师", "名额")
DYE_CLASSES = (
    ("第一期", "4月14日、4月15日", "县老干部活动中心二楼手工室", "县非遗传承人蒲雪晴", "12人"),
    ("第二期", "5月12日、5月13日", "县老干部活动中心二楼手工室", "县非遗传承人蒲雪晴", "12人"),
    ("第三期", "6月9日、6月10日", "西岭镇扎染工坊", "工坊师傅郜春生", "10人"),
)


def write_dye(path: Path) -> None:
    """openpyxl: the roster and the classes, the title and maker only in the page setup's header and footer."""
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "报名汇总"
    sheet.append(DYE_HEAD)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in DYE_ROWS:
        sheet.append([int(row[0]), row[1], row[2], int(row[3]), row[4], row[5], row[6] or None])
    for column, width in zip("ABCDEFG", (6, 10, 16, 6, 10, 14, 10), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.oddHeader.center.text = DYE_TITLE
    sheet.oddHeader.center.size = 16
    sheet.oddHeader.center.font = "宋体,Bold"
    sheet.oddFooter.left.text = DYE_MAKER
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
    sheet.oddFooter.right.text = DYE_DATE
    sheet.print_title_rows = "1:1"
    classes = book.create_sheet("班次安排")
    classes.append(DYE_CLASSES_HEAD)
    for row in DYE_CLASSES:
        classes.append(row)
    classes.oddHeader.center.text = CLASSES_TITLE
    classes.oddFooter.right.text = DYE_DATE
    book.properties.creator = "老干部服务中心"
    book.save(str(path))


# --- 5. the 红头 in the first page's own header (「首页不同」) ----------------------------------------

STORY_MARK = "中共砚泉县委老干部局文件"
STORY_NUMBER = "砚泉老干发〔2035〕15号"
STORY_TITLE = "关于开展离退休干部“听评书·讲家风”系列活动的通知"
STORY_TO = "各乡镇党委，县直各单位，各离退休干部党支部："
STORY_BODY = (
    "为传承中华优秀传统文化，引导老同志在家风建设中发挥示范作用，县委老干部局决定于2035年5月至9月在全县开展"
    "离退休干部“听评书·讲家风”系列活动。现将有关事项通知如下：",
    "一、活动内容",
    "（一）评书进社区。邀请县曲艺家协会评书艺人段鸿儒每月到一个社区老年活动室开讲，书目以《岳飞传》《杨家将》"
    "中的忠孝故事为主，每场约90分钟。开讲社区的名单和日期每月初在县委老干部局公众号公布。",
    "（二）家风故事会。各离退休干部党支部组织老同志讲述自家的家训、家规和家风故事，每个支部推荐2至3个优秀故事，"
    "参加8月中旬在县文化馆小剧场举行的全县家风故事会。",
    "（三）族谱家训展。征集离退休干部家中保存的族谱、家训手迹和老照片，在县档案馆一楼展厅展出，展期为2035年9月"
    "1日至9月30日。展品由县档案馆登记造册、专人保管，展览结束后原物归还。",
    "二、工作要求",
    "（一）各单位要把活动与离退休干部党支部主题党日结合起来，精心组织，确保老同志积极参与。",
    "（二）推荐的家风故事请于7月31日前以书面形式报送县委老干部局宣传科，每个故事不超过3000字，并注明讲述人姓名、"
    "原工作单位和联系电话。",
    "（三）各单位要注意活动中老同志的安全，年龄较大的老同志参加活动应有家属或工作人员陪同。",
    "联系人：宣传科　卞文彬，电话：0717-6623455",
)
STORY_SIGN = (ISSUER, "2035年4月25日")
STORY_RUNNING = "砚泉县委老干部局"


def _bottom_rule(paragraph, colour: str = "E00000") -> None:  # type: ignore[no-untyped-def]
    """A red rule under `paragraph` (a bottom border), as the 红头's 分隔线 is drawn."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "18"), ("w:space", "4"), ("w:color", colour)):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _page_number(paragraph) -> None:  # type: ignore[no-untyped-def]
    """「— PAGE —」, the page number as a field."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph.add_run("— ")
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text
    paragraph.add_run(" —")


def write_story(path: Path) -> None:
    """python-docx: a 公文 whose 红头 lives in the first page's header (「首页不同」), later pages a plain one."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    doc = Document()
    doc.core_properties.title = STORY_TITLE
    doc.core_properties.author = AUTHOR
    doc.styles["Normal"].font.size = Pt(16)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.8)
    section.top_margin, section.bottom_margin = Cm(7.2), Cm(3.5)
    section.header_distance = Cm(2.5)
    section.different_first_page_header_footer = True
    first = section.first_page_header
    mark = first.paragraphs[0]
    mark.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = mark.add_run(STORY_MARK)
    run.font.size, run.bold = Pt(36), True
    run.font.color.rgb = RGBColor(0xE0, 0, 0)
    number = first.add_paragraph(STORY_NUMBER)
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    number.runs[0].font.size = Pt(16)
    _bottom_rule(number)
    running = section.header.paragraphs[0]
    running.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    running.add_run(STORY_RUNNING).font.size = Pt(10.5)
    for footer in (section.first_page_footer, section.footer):
        paragraph = footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _page_number(paragraph)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(STORY_TITLE)
    run.font.size, run.bold = Pt(22), True
    doc.add_paragraph(STORY_TO)
    for text in STORY_BODY:
        paragraph = doc.add_paragraph(text)
        paragraph.paragraph_format.first_line_indent = Pt(32)
    doc.add_paragraph()
    for line in STORY_SIGN:
        doc.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.save(str(path))


# What each file prints, as the parts benchmarks/check_questions.py reads the gold phrases from (the struck
# words are not among them: they print crossed out, cancelled; a 「第 &P 页」 footer part prints no word of the
# sheet's; the 听评书 notice's running header of later pages is no text of the notice)
CLASSES_TITLE = "扎染体验班班次安排"
KICK_PARTS = [
    ("body", KICK_NUMBER),
    ("title", KICK_TITLE),
    ("body", KICK_TO),
    ("body", KICK_LEAD),
    *(("body", "".join(text for text, struck in item if not struck)) for item in KICK_ITEMS),
    ("body", KICK_CONTACT),
    *(("right", line) for line in KICK_SIGN),
]
RIDDLE_PARTS = [
    ("body", RIDDLE_MARK),
    ("body", RIDDLE_NUMBER),
    ("title", RIDDLE_TITLE),
    ("body", RIDDLE_TO),
    *(("body", text) for text in RIDDLE_BODY),
    *(("right", line) for line in RIDDLE_SIGN),
    ("body", RIDDLE_COPY),
    ("body", RIDDLE_PRINTED),
]
INBOX_PARTS = [part for _, subject, body, _ in MAILS for part in (("title", subject), ("body", body))]
DYE_PARTS = [
    ("title", DYE_TITLE),
    ("table", (DYE_HEAD, *DYE_ROWS)),
    ("body", DYE_MAKER),
    ("body", DYE_DATE),
    ("title", CLASSES_TITLE),
    ("table", (DYE_CLASSES_HEAD, *DYE_CLASSES)),
    ("body", DYE_DATE),
]
STORY_PARTS = [
    ("body", STORY_MARK),
    ("body", STORY_NUMBER),
    ("title", STORY_TITLE),
    ("body", STORY_TO),
    *(("body", text) for text in STORY_BODY),
    *(("right", line) for line in STORY_SIGN),
]

WRITERS = {
    "关于调整全县离退休干部踢毽子比赛时间和地点的通知.docx": write_kick,
    "关于举办2035年离退休干部元宵灯谜竞猜活动的通知.pdf": write_riddle,
    "老干部局来信.mbox": write_inbox,
    "扎染体验班报名汇总.xlsx": write_dye,
    "关于开展离退休干部听评书讲家风系列活动的通知.docx": write_story,
}

if __name__ == "__main__":
    raise SystemExit(run_makers(WRITERS, sys.argv, HERE))
