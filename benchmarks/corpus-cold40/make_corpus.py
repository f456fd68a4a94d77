"""The forty-second blind set (cold40): five documents of an invented county bureau (棠樾县), each from a
producer or in a shape no earlier set used.

    /work/main/.venv/bin/python benchmarks/corpus-cold40/make_corpus.py [FOLDER [NAME…]]

1. a letter from the county's cultural centre inviting retired cadres to a shadow-puppet show, **filed
   behind the bureau's 收文处理笺** (python-docx: the routing slip an OA system prints for a received
   document — 来文单位, 来文字号, 收文日期, 拟办意见, 领导批示, 办理结果 in a ruled table — then a page
   break and the letter as received, with its own 文号 and date);
2. a notice on a dough-figurine and sugar-painting day as a **.docx whose 附件 table is a picture pasted
   in** (python-docx; the picture is the sheet **LibreOffice Calc exported as PNG** — what a clerk's
   「复制为图片」 or a screenshot of the sheet leaves in Word: the groups, dates and places are in no text);
3. a proposal on keeping dogs civilly as a **PDF that LibreOffice Writer exported from a document whose
   title is Fontwork (艺术字)**: Writer draws Fontwork as filled outlines, so the title is in no text layer;
4. an eye-test and glasses timetable as a **plain text in GBK whose table is drawn with box-drawing
   characters** (``tabulate``'s ``simple_grid``: 「┌──┬──┐」「│」 — how a records system's text export and
   a table pasted as plain text from some editors print a table);
5. a dragon-dance team's allowance sheet as an **.xlsx whose dates and amounts print through Excel's
   Chinese number formats** (``[DBNum1]`` 二〇三五年五月十日, ``[DBNum2]`` 大写金额 壹仟贰佰元整: the cells
   hold numbers and dates, the sheet shows them in Chinese characters; openpyxl).

Every name, address, telephone number and amount is invented. Needs LibreOffice (Writer, Calc),
python-docx, openpyxl and tabulate (for making the files only); none is a new speechqa dependency. A
re-run gives the same text; the bytes differ (the picture of document 2 may differ by a pixel).
"""

from __future__ import annotations

import sys
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.fixtures.corpus_writers import run_makers, soffice_convert  # noqa: E402

BUREAU = "中共棠樾县委老干部局"

# --- 1. a received letter behind its 收文处理笺 -------------------------------------------------------

SLIP_TITLE = "中共棠樾县委老干部局收文处理笺"
SLIP_ROWS = (
    ("来文单位", "棠樾县文化馆"),
    ("来文字号", "棠文馆函〔2035〕7号"),
    ("收文日期", "2035年5月6日"),
    ("收文编号", "棠老收〔2035〕41号"),
    ("文件标题", "关于邀请离退休干部观看皮影戏专场演出的函"),
    ("拟办意见", "建议由文体科牵头，通过各离退休干部党支部组织报名，请局领导阅示。（办公室郝晓岚，5月6日）"),
    ("领导批示", "同意。请文体科做好组织工作，安排志愿者引导入场，注意老同志往返安全。（柏振东，5月7日）"),
    ("办理结果", "已于5月8日通知各支部，共报名58人，名单已报县文化馆。（文体科龚映雪，5月12日）"),
)
PUPPET_HEAD = "棠樾县文化馆"
PUPPET_TITLE = "关于邀请离退休干部观看皮影戏专场演出的函"
PUPPET_NUMBER = "棠文馆函〔2035〕7号"
PUPPET_TO = "中共棠樾县委老干部局："
PUPPET_BODY = (
    "为传承非物质文化遗产，丰富老同志精神文化生活，我馆联合棠樾县青溪皮影剧团举办皮影戏专场演出，诚邀全县离退休干部观看。"
    "现将有关事项函告如下：",
    "一、演出时间：2035年5月16日（星期三）下午2时30分开始，演出时长约90分钟。",
    "二、演出地点：棠樾县文化馆二楼小剧场（棠樾县和平路56号），县文化馆门前可临时停放车辆。",
    "三、演出剧目：传统剧目《龟与鹤》《武松打虎》和新编剧目《老局长的菜园子》，演出结束后剧团艺人现场讲解皮影雕刻和操纵技艺，观众可上台体验操纵影人。",
    "四、座位安排：小剧场共有座位120个，为贵局预留60个座位，座位票由我馆于演出前两天送达贵局。",
    "五、其他事项：演出免费，不收取任何费用。小剧场为二楼，有无障碍电梯，行动不便的老同志可由家属陪同。",
    "请贵局于5月12日前将观看人员名单报我馆。联系人：文化馆活动部苗若溪，电话0578-6213507。",
)
PUPPET_SIGN = ("棠樾县文化馆", "2035年5月5日")


def _cell_text(cell, text: str, bold: bool = False) -> None:  # type: ignore[no-untyped-def]
    cell.text = ""
    run = cell.paragraphs[0].add_run(text)
    run.bold = bold


def write_puppet(path: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Cm, Pt, RGBColor

    doc = Document()
    doc.core_properties.author = "棠樾县委老干部局办公室"
    doc.core_properties.title = ""
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(SLIP_TITLE)
    run.font.size, run.bold = Pt(18), True
    run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in SLIP_ROWS:
        cells = table.add_row().cells
        _cell_text(cells[0], label, bold=True)
        _cell_text(cells[1], value)
        cells[0].width, cells[1].width = Cm(3.2), Cm(12.8)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    head = doc.add_paragraph()
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = head.add_run(PUPPET_HEAD)
    run.font.size, run.bold = Pt(20), True
    number = doc.add_paragraph(PUPPET_NUMBER)
    number.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    heading = doc.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(PUPPET_TITLE)
    run.font.size, run.bold = Pt(18), True
    doc.add_paragraph(PUPPET_TO)
    for text in PUPPET_BODY:
        doc.add_paragraph(text).paragraph_format.first_line_indent = Pt(32)
    doc.add_paragraph()
    for line in PUPPET_SIGN:
        doc.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.save(str(path))


# --- 2. a notice whose 附件 table is a picture of a Calc sheet ------------------------------------------

DOUGH_TITLE = "关于举办离退休干部面塑糖画体验活动的通知"
DOUGH_TO = "各离退休干部党支部："
DOUGH_BODY = (
    "为弘扬民间传统手工艺，县委老干部局联合县非遗保护中心举办离退休干部面塑糖画体验活动。现将有关事项通知如下：",
    "一、活动内容：由县级非遗传承人甘秋禾老师讲授面塑的揉、捏、搓、剪等基本手法，糖画艺人蔺三川现场演示熬糖和浇铸，每位学员完成面塑作品和糖画作品各一件，作品可以带回家。",
    "二、分组安排：活动分四个组进行，各组的体验日期、时间、地点和带队人员见附件。",
    "三、报名方式：请各支部于6月3日前将报名人员名单报局文体科，每组限报25人，报满为止。",
    "四、注意事项：熬糖时温度较高，体验时请听从艺人指挥，不要触碰糖锅；患有糖尿病的老同志品尝糖画请适量。材料由非遗保护中心免费提供。",
    "联系人：文体科庞雨薇，电话0578-6218842。",
)
DOUGH_SIGN = (BUREAU, "2035年5月28日")
DOUGH_ANNEX = "附件：面塑糖画体验活动分组安排表"
DOUGH_ROWS = (
    ("组别", "体验日期", "时间", "地点", "带队人员"),
    ("第一组", "6月10日", "上午9:00-11:30", "县非遗保护中心传习室", "龚映雪"),
    ("第二组", "6月11日", "下午2:30-5:00", "县非遗保护中心传习室", "庞雨薇"),
    ("第三组", "6月17日", "上午9:00-11:30", "东关街道老年活动中心", "苗若溪"),
    ("第四组", "6月18日", "下午2:30-5:00", "城南社区党群服务中心", "郝晓岚"),
)


def _sheet_picture(rows, title: str, path: Path) -> None:  # type: ignore[no-untyped-def]
    """`rows` under `title` in a ruled Calc sheet, exported by LibreOffice Calc as the PNG `path`."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    book = Workbook()
    sheet = book.active
    sheet.title = "分组安排"
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
    sheet["A1"].font = Font(name="Noto Sans CJK SC", size=16, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center")
    thin = Side(style="thin")
    for row in rows:
        sheet.append(list(row))
    for row in sheet.iter_rows(min_row=2, max_row=len(rows) + 1):
        for cell in row:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            cell.font = Font(name="Noto Sans CJK SC", size=12, bold=cell.row == 2)
            cell.alignment = Alignment(horizontal="center", vertical="center")
    for column, width in zip("ABCDE", (10, 14, 18, 28, 12), strict=True):
        sheet.column_dimensions[column].width = width
    for index in range(1, len(rows) + 2):
        sheet.row_dimensions[index].height = 26
    sheet.page_setup.orientation = "landscape"
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "分组安排.xlsx"
        book.save(str(source))
        soffice_convert(source, "png", Path(tmp) / "page.png")
        _crop(Path(tmp) / "page.png", path)


def _crop(page: Path, path: Path) -> None:
    """The page's printed part and a margin round it, as a screenshot of the table keeps it."""
    from PIL import Image, ImageOps

    image = Image.open(page).convert("RGB")
    box = ImageOps.invert(image.convert("L")).getbbox()
    if box is None:
        raise SystemExit(f"LibreOffice 导出的 {page.name} 是空白的")
    left, top, right, bottom = box
    image.crop((max(left - 12, 0), max(top - 12, 0), right + 12, bottom + 12)).save(path)


def write_dough(path: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Cm, Pt

    doc = Document()
    doc.core_properties.author = "棠樾县委老干部局文体科"
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(DOUGH_TITLE)
    run.font.size, run.bold = Pt(18), True
    doc.add_paragraph(DOUGH_TO)
    for text in DOUGH_BODY:
        doc.add_paragraph(text).paragraph_format.first_line_indent = Pt(32)
    doc.add_paragraph()
    for line in DOUGH_SIGN:
        doc.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_paragraph(DOUGH_ANNEX)
    with tempfile.TemporaryDirectory() as tmp:
        picture = Path(tmp) / "分组安排.png"
        _sheet_picture(DOUGH_ROWS, "面塑糖画体验活动分组安排表", picture)
        doc.add_paragraph().add_run().add_picture(str(picture), width=Cm(16))
    doc.save(str(path))


# --- 3. a proposal titled in Fontwork, exported to PDF by Writer -------------------------------------

DOG_TITLE = "文明养犬倡议书"
DOG_BODY = (
    "全县广大离退休干部：",
    "近年来，我县养犬的老同志越来越多，犬只给不少家庭带来了陪伴和欢乐，但也出现了遛狗不牵绳、犬只粪便不清理、夜间犬吠扰民等问题。"
    "为营造整洁和谐的居住环境，县委老干部局、县老年协会向全县离退休干部发出如下倡议：",
    "一、依法登记。饲养犬只请到县畜牧兽医站办理养犬登记，每年为犬只接种一次狂犬疫苗，并按时做好驱虫。",
    "二、牵绳出户。携犬出户时使用不超过1.5米的牵引绳，主动避让老人、儿童和孕妇；大型犬出门须佩戴嘴套。",
    "三、清理粪便。遛狗时随身携带拾便袋和纸巾，及时清理犬只粪便，不让犬只在电梯、楼道内便溺。",
    "四、不扰邻里。晚上10时至次日早上7时不在小区内遛狗，犬只吠叫时及时安抚，避免影响邻居休息。",
    "五、带头示范。老同志要当好文明养犬的宣传员，劝导身边不文明的养犬行为，不随意遗弃犬只。",
    "让我们从自身做起，共同守护干净、安宁的家园。",
)
DOG_SIGN = (BUREAU, "棠樾县老年协会", "2035年6月1日")


def fontwork_odt(
    path: Path,
    title: str,
    body: tuple[str, ...],
    sign: tuple[str, ...],
    *,
    size: tuple[str, str] = ("12cm", "2.2cm"),
    colour: str = "#c00000",
) -> None:
    """A notice as Writer's .odt at `path`: its title a Fontwork shape (plain text on a path, `size` wide and
    high, filled in `colour`) anchored as a character in the first paragraph, centred, the body in 14-point
    type with a first-line indent, then a blank paragraph and the 落款's lines set right. Writer exports the
    Fontwork as its glyphs' filled outlines, no text (tests/fixtures/pdf_fontwork/make_fontwork.py too)."""
    width, height = size
    shape = (
        '<text:p text:style-name="Centre"><draw:custom-shape draw:name="艺术字1" text:anchor-type="as-char" '
        f'svg:width="{width}" svg:height="{height}" draw:style-name="Red"><text:p>'
        f"{escape(title)}</text:p><draw:enhanced-geometry "
        'svg:viewBox="0 0 21600 21600" draw:text-areas="0 0 21600 21600" draw:text-path="true" '
        'draw:text-path-mode="shape" draw:text-path-scale="shape" draw:type="fontwork-plain-text" '
        'draw:enhanced-path="M 0 0 L 21600 0 N M 0 21600 L 21600 21600 N"/></draw:custom-shape></text:p>'
    )
    paragraphs = "".join(f'<text:p text:style-name="Body">{escape(p)}</text:p>' for p in body)
    signed = "".join(f'<text:p text:style-name="Right">{escape(p)}</text:p>' for p in sign)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
        'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
        'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3">'
        "<office:automatic-styles>"
        '<style:style style:name="Centre" style:family="paragraph"><style:paragraph-properties '
        'fo:text-align="center" fo:margin-bottom="0.6cm"/></style:style>'
        '<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties '
        'fo:text-indent="0.85cm" fo:line-height="150%"/><style:text-properties fo:font-size="14pt" '
        'style:font-size-asian="14pt"/></style:style>'
        '<style:style style:name="Right" style:family="paragraph"><style:paragraph-properties '
        'fo:text-align="end"/><style:text-properties fo:font-size="14pt" style:font-size-asian="14pt"/>'
        "</style:style>"
        '<style:style style:name="Red" style:family="graphic"><style:graphic-properties '
        f'draw:fill-color="{colour}" svg:stroke-color="{colour}" draw:stroke="none"/></style:style>'
        "</office:automatic-styles>"
        f"<office:body><office:text>{shape}{paragraphs}<text:p/>{signed}</office:text></office:body>"
        "</office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as odt:
        odt.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        odt.writestr("content.xml", content)
        odt.writestr("META-INF/manifest.xml", manifest)


def write_dog(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / (path.stem + ".odt")
        fontwork_odt(source, DOG_TITLE, DOG_BODY, DOG_SIGN)
        soffice_convert(source, "pdf", path)


# --- 4. a timetable drawn with box-drawing characters, GBK plain text ---------------------------------

EYES_TITLE = "离退休干部免费验光配镜服务安排"
EYES_LEAD = (
    "县委老干部局联系县人民医院眼科和明澈眼镜店，为全县离退休干部提供免费验光配镜服务。每位老同志可免费验光一次，"
    "并免费配老花镜或近视镜一副（镜架限店内指定款式，如选用其他镜架或防蓝光镜片，差价自付）。各片区服务时间安排如下："
)
EYES_ROWS = (
    ("片区", "服务日期", "服务地点", "验光医师", "联络员"),
    ("城关片区", "7月2日", "县老干部活动中心一楼", "蒋澄", "柴立群"),
    ("东关片区", "7月4日", "东关街道社区卫生服务中心", "蒋澄", "应晚晴"),
    ("青溪片区", "7月9日", "青溪镇卫生院二楼", "鲁一帆", "柴立群"),
    ("白鹭片区", "7月11日", "白鹭乡便民服务中心", "鲁一帆", "应晚晴"),
)
EYES_NOTES = (
    "说明：",
    "1.服务时间均为上午8:30至11:30，请携带身份证和离退休证。",
    "2.有青光眼、白内障手术史的老同志，请带上以往的病历，验光时告诉医师。",
    "3.眼镜配好后由眼镜店在10个工作日内送到各片区联络员处，由联络员转交本人。",
    "4.行动不便不能到场的老同志，可向联络员申请上门验光。",
    "中共棠樾县委老干部局离退休干部服务科",
    "2035年6月20日",
)


def eyes_lines() -> list[str]:
    """The timetable's lines as the file holds them (the table drawn by tabulate)."""
    from tabulate import tabulate

    table = tabulate(EYES_ROWS[1:], headers=EYES_ROWS[0], tablefmt="simple_grid")
    return [EYES_TITLE, "", EYES_LEAD, "", *table.splitlines(), "", *EYES_NOTES]


def write_eyes(path: Path) -> None:
    path.write_bytes(("\r\n".join(eyes_lines()) + "\r\n").encode("gbk"))


# --- 5. a sheet printing its dates and amounts in Chinese number formats -------------------------------

DRAGON_TITLE = "棠樾县老干部舞龙队2035年端午演出补贴发放表"
DRAGON_HEAD = ("序号", "姓名", "演出日期", "演出地点", "补贴金额（元）", "金额大写", "签领人")
DRAGON_ROWS = (
    (1, "桂长庚", datetime(2035, 6, 9), "县城滨江广场", 300, "桂长庚"),
    (2, "桂长庚", datetime(2035, 6, 10), "青溪镇龙舟码头", 300, "桂长庚"),
    (3, "殷福生", datetime(2035, 6, 9), "县城滨江广场", 260, "殷福生"),
    (4, "邵宝田", datetime(2035, 6, 9), "县城滨江广场", 260, "邵宝田"),
    (5, "邵宝田", datetime(2035, 6, 10), "青溪镇龙舟码头", 260, "邵宝田"),
    (6, "甄月娥", datetime(2035, 6, 10), "青溪镇龙舟码头", 180, "甄月娥"),
)
DRAGON_DATE = datetime(2035, 6, 15)
DBNUM_DATE = '[DBNum1][$-804]yyyy"年"m"月"d"日"'
DBNUM_AMOUNT = '[DBNum2][$-804]General"元整"'


def write_dragon(path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "补贴发放"
    sheet.append([DRAGON_TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(DRAGON_HEAD))
    sheet["A1"].font = Font(size=16, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append(list(DRAGON_HEAD))
    for number, name, day, place, amount, signer in DRAGON_ROWS:
        sheet.append([number, name, day, place, amount, amount, signer])
        row = sheet.max_row
        sheet.cell(row, 3).number_format = DBNUM_DATE
        sheet.cell(row, 6).number_format = DBNUM_AMOUNT
    total = sum(row[4] for row in DRAGON_ROWS)
    sheet.append(["合计", None, None, None, total, total, None])
    sheet.cell(sheet.max_row, 6).number_format = DBNUM_AMOUNT
    sheet.append([])
    sheet.append(["发放单位：中共棠樾县委老干部局文体科"])
    sheet.append(["发放日期：", None, DRAGON_DATE])
    sheet.cell(sheet.max_row, 3).number_format = DBNUM_DATE
    sheet.append(
        ["说明：补贴用于演出当天的交通和误餐，按每场计发，队长每场300元，队员每场260元，鼓手每场180元。"]
    )
    for column, width in zip("ABCDEFG", (6, 10, 22, 18, 14, 18, 10), strict=True):
        sheet.column_dimensions[column].width = width
    book.properties.creator = "棠樾县委老干部局文体科"
    book.save(str(path))


# --- the sources' text, for benchmarks/check_questions.py (what each file was made from) ----------------

DOUGH_PICTURE = [("table", [list(row) for row in DOUGH_ROWS])]  # pasted as a picture: in no text of the file
DOG_PARTS = [("p", DOG_TITLE), *(("p", text) for text in DOG_BODY), *(("p", line) for line in DOG_SIGN)]
DOG_FONTWORK = [("p", DOG_TITLE)]  # drawn as outlines by Writer: in no text layer


WRITERS = {
    "收文处理笺（县文化馆皮影戏专场演出邀请函）.docx": write_puppet,
    "关于举办离退休干部面塑糖画体验活动的通知.docx": write_dough,
    "文明养犬倡议书.pdf": write_dog,
    "离退休干部免费验光配镜服务安排.txt": write_eyes,
    "老干部舞龙队端午演出补贴发放表.xlsx": write_dragon,
}

if __name__ == "__main__":
    raise SystemExit(run_makers(WRITERS, sys.argv, HERE))
