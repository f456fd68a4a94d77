"""The forty-fifth blind set (cold43): five documents of an invented county bureau (栾坪县), each from a
producer or in a shape no earlier set used.

    /work/main/.venv/bin/python benchmarks/corpus-cold43/make_corpus.py [FOLDER [NAME…]]

1. a half-year activity plan (.docx, python-docx) in **three sections of different page orientations**
   (portrait, landscape, portrait), each with **its own header naming the part** (「第一部分　…」), the
   landscape section holding the schedule table;
2. a health-check notice as a **reportlab PDF whose 附件 table is printed sideways** — a landscape table
   drawn rotated a quarter turn on a portrait page, its caption upright above it;
3. a Spring-festival visiting list (.docx, python-docx) whose **columns are made by tab stops** (left
   stops and a right stop with a dot leader: 「姓名→原职务→方式……金额」), no table;
4. a service list **exported as CSV by WPS 表格** — GBK with CRLF, a title row padded with commas, blank
   separator rows of commas only, a notes row and a 制表 row at the foot;
5. a web notice **saved by Chrome as 「单个文件」 (.mhtml)**: Blink's ``multipart/related`` message, the
   page quoted-printable with the site's navigation, breadcrumb, 发布时间/浏览次数 line and footer,
   a stylesheet and a logo as further parts.

Every name, address, telephone number and amount is invented. Needs python-docx and reportlab with
fontTools (for making the files only). A re-run gives the same bytes but for the .docx packages' times.
"""

from __future__ import annotations

import base64
import quopri
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.fixtures.corpus_writers import run_makers, truetype_font  # noqa: E402

BUREAU = "中共栾坪县委老干部局"

# --- 1. a plan in three sections, portrait / landscape / portrait, each headed by its part -----------------

PLAN_TITLE = "栾坪县老干部局2038年上半年离退休干部活动安排"
PLAN_HEADERS = ("第一部分　活动安排说明", "第二部分　活动日程表", "第三部分　报名与安全保障")
PLAN_FIRST = (
    "各离退休干部党支部、老干部活动中心各兴趣小组：",
    "为丰富老同志精神文化生活，现将2038年上半年活动安排印发给你们，请结合实际组织参加。",
    "一、总体要求：活动坚持就近就便、量力而行，每次活动参加人数原则上不超过60人，年满80周岁的老同志参加户外活动须由家属陪同。",
    "二、经费保障：每项活动按人均80元标准列支，从老干部活动经费中开支，不向个人收费。",
)
PLAN_TABLE_CAPTION = "2038年上半年活动日程表"
PLAN_ROWS = (
    ("月份", "活动名称", "地点", "负责人"),
    ("3月", "学雷锋志愿服务进社区", "城关镇桂香社区", "龙晓岚"),
    ("4月", "清明祭扫革命烈士陵园", "栾坪县烈士陵园", "宫玉川"),
    ("5月", "老年门球友谊赛", "县老年体育馆门球场", "龙晓岚"),
    ("6月", "端午包粽子联谊会", "老干部活动中心二楼多功能厅", "戚美玲"),
)
PLAN_LAST = (
    "三、报名方式：各支部于每次活动前5个工作日将报名名单报活动中心，联系人戚美玲，电话0519-6623418。",
    "四、安全保障：户外活动配备随队医生1名，并为参加人员统一购买意外伤害保险。",
    "五、遇雨雪等恶劣天气，户外活动顺延，具体时间另行通知。",
)
PLAN_SIGN = (BUREAU, "2038年2月26日")


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


def _own_header(section, text: str) -> None:  # type: ignore[no-untyped-def]
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    section.header.is_linked_to_previous = False
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = p.add_run(text)
    run.font.size = Pt(10.5)


def write_plan(path: Path) -> None:
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Pt

    doc = _docx_base()
    doc.core_properties.title = ""
    doc.core_properties.author = "栾坪县委老干部局"
    first = doc.sections[0]
    _own_header(first, PLAN_HEADERS[0])
    _title(doc, PLAN_TITLE)
    for line in PLAN_FIRST:
        doc.add_paragraph(line)
    wide = doc.add_section(WD_SECTION.NEW_PAGE)
    wide.orientation = WD_ORIENT.LANDSCAPE
    wide.page_width, wide.page_height = first.page_height, first.page_width
    _own_header(wide, PLAN_HEADERS[1])
    caption = doc.add_paragraph()
    caption.add_run(PLAN_TABLE_CAPTION).bold = True
    table = doc.add_table(rows=len(PLAN_ROWS), cols=len(PLAN_ROWS[0]))
    table.style = "Table Grid"
    for r, row in enumerate(PLAN_ROWS):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.text = value
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(14)
                run.bold = r == 0
    tall = doc.add_section(WD_SECTION.NEW_PAGE)
    tall.orientation = WD_ORIENT.PORTRAIT
    tall.page_width, tall.page_height = first.page_width, first.page_height
    _own_header(tall, PLAN_HEADERS[2])
    for line in PLAN_LAST:
        doc.add_paragraph(line)
    _sign(doc, PLAN_SIGN)
    doc.save(str(path))


# --- 2. a notice whose 附件 table is printed sideways on a portrait page ----------------------------------

CHECK_NUMBER = "栾老干〔2038〕5号"
CHECK_TITLE = "关于做好2038年度离退休干部健康体检工作的通知"
CHECK_LINES = (
    "各离退休干部党支部：",
    "为切实做好老同志健康管理工作，经研究，决定组织2038年度离退休干部健康体检。现将有关事项通知如下：",
    "一、体检时间：2038年4月7日至4月18日，每天上午7时至10时30分。",
    "二、体检地点：栾坪县中医院体检中心（和平路118号）。",
    "三、体检标准：厅级离退休干部每人1800元，处级及以下离退休干部每人1500元，超出部分由个人自理。",
    "四、体检报告由体检中心在体检结束后15个工作日内送达各支部，异常结果由医院专人电话告知本人。",
    "五、因病住院或长期居住外地不能参加的，可于2038年12月31日前持异地体检发票按标准报销。",
    "联系人：局服务管理科郝文彬，电话0519-6623425。",
    "附件：2038年度体检项目及适用对象",
)
CHECK_SIGN = (BUREAU, "2038年3月15日")
CHECK_ANNEX = "附件"
CHECK_TABLE_TITLE = "2038年度体检项目及适用对象"
CHECK_ROWS = (
    ("类别", "项目", "适用对象", "参考价格（元）"),
    ("基础检查", "血常规、尿常规、肝功能、肾功能、血脂", "全体离退休干部", "420"),
    ("影像检查", "胸部低剂量螺旋CT", "全体离退休干部", "380"),
    ("专项检查", "无痛胃肠镜", "75周岁以下自愿参加者", "960"),
    ("专项检查", "眼底照相", "患有糖尿病的同志", "150"),
    ("女性专项", "乳腺彩超、妇科检查", "女同志", "300"),
)


def write_check(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    text = CHECK_NUMBER + CHECK_TITLE + "".join(CHECK_LINES) + "".join(CHECK_SIGN) + CHECK_ANNEX
    text += CHECK_TABLE_TITLE + "".join("".join(row) for row in CHECK_ROWS) + "第页共0123456789"
    with tempfile.TemporaryDirectory() as tmp:
        font = truetype_font(text, Path(tmp) / "LuanpingSerif.ttf", name="LuanpingSerif")
        pdfmetrics.registerFont(TTFont("LuanpingSerif", str(font)))
        width, height = A4
        left, right = 79, width - 74
        page = canvas.Canvas(str(path), pagesize=A4, invariant=1)
        page.setTitle("")
        page.setAuthor("栾坪县委老干部局")
        page.setFont("LuanpingSerif", 14)
        w = pdfmetrics.stringWidth(CHECK_NUMBER, "LuanpingSerif", 14)
        page.drawString((width - w) / 2, height - 100, CHECK_NUMBER)
        page.setFont("LuanpingSerif", 20)
        w = pdfmetrics.stringWidth(CHECK_TITLE, "LuanpingSerif", 20)
        page.drawString((width - w) / 2, height - 145, CHECK_TITLE)
        size, step = 15, 27
        per_line = int((right - left) // size)
        y = height - 195
        for line in CHECK_LINES:
            page.setFont("LuanpingSerif", size)
            while line:
                page.drawString(left, y, line[:per_line])
                line = line[per_line:]
                y -= step
        y -= 30
        for line in CHECK_SIGN:
            w = pdfmetrics.stringWidth(line, "LuanpingSerif", size)
            page.drawString(right - w - 30, y, line)
            y -= step
        page.setFont("LuanpingSerif", 11)
        page.drawCentredString(width / 2, 50, "第1页共2页")
        page.showPage()
        # page 2: the caption upright, the table a quarter turn anticlockwise (read with the head turned left)
        page.setFont("LuanpingSerif", 16)
        page.drawString(left, height - 90, CHECK_ANNEX)
        page.saveState()
        page.translate(left + 40, 110)
        page.rotate(90)
        # in the turned frame x runs up the page and y runs left across it
        table_w = height - 230
        widths = (90, 270, 170, table_w - 530)
        page.setFont("LuanpingSerif", 18)
        tw = pdfmetrics.stringWidth(CHECK_TABLE_TITLE, "LuanpingSerif", 18)
        page.drawString((table_w - tw) / 2, 0, CHECK_TABLE_TITLE)
        row_h = 40
        top = -20
        page.setLineWidth(0.8)
        for r, row in enumerate(CHECK_ROWS):
            y0 = top - r * row_h
            page.line(0, y0, table_w, y0)
            x = 0.0
            page.setFont("LuanpingSerif", 13)
            for c, value in enumerate(row):
                page.drawString(x + 6, y0 - 26, value)
                x += widths[c]
        bottom = top - len(CHECK_ROWS) * row_h
        page.line(0, bottom, table_w, bottom)
        x = 0.0
        for wcol in (*widths, 0):
            page.line(x, top, x, bottom)
            x += wcol
        page.restoreState()
        page.setFont("LuanpingSerif", 11)
        page.drawCentredString(width / 2, 50, "第2页共2页")
        page.showPage()
        page.save()


# --- 3. a visiting list whose columns are tab stops ------------------------------------------------------

VISIT_TITLE = "2038年春节走访慰问对象及慰问金发放名单"
VISIT_BEFORE = (
    "各离退休干部党支部：",
    "根据县委统一安排，2038年春节前由局领导班子成员带队，对老干部开展走访慰问。现将慰问对象及标准公布如下：",
    "一、走访时间：2038年1月19日至1月24日。",
    "二、慰问标准：享受副县级及以上待遇的离休干部每人2000元，其他离休干部每人1500元，退休干部中的困难对象每人1000元。",
    "三、慰问对象名单：",
)
VISIT_ROWS = (
    ("序号", "姓名", "原单位及职务", "慰问方式", "慰问金"),
    ("1", "冉德厚", "原县人大常委会副主任", "上门走访", "2000元"),
    ("2", "柏秋菊", "原县政协副主席", "上门走访", "2000元"),
    ("3", "缪长庚", "原城关镇党委书记", "医院看望", "1500元"),
    ("4", "仉玉芬", "原县供销社主任", "上门走访", "1500元"),
    ("5", "甄守田", "原县农机厂工人（困难退休干部）", "上门走访", "1000元"),
    ("6", "阚桂兰", "原县第二中学教师（困难退休干部）", "电话慰问", "1000元"),
)
VISIT_AFTER = (
    "四、慰问品：每户一桶食用油、一袋大米和一副春联，由局办公室统一采购。",
    "五、对住院的老同志，由带队领导到医院看望，慰问金标准不变；居住外地的，慰问金通过银行转账发放。",
    "六、各支部请于1月15日前核实对象家庭住址和联系电话，报局办公室尹向东。",
)
VISIT_SIGN = (BUREAU, "2038年1月10日")


def write_visit(path: Path) -> None:
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Cm, Pt

    doc = _docx_base()
    doc.core_properties.title = ""
    doc.core_properties.author = "尹向东"
    _title(doc, VISIT_TITLE)
    for line in VISIT_BEFORE:
        doc.add_paragraph(line)
    for r, row in enumerate(VISIT_ROWS):
        p = doc.add_paragraph()
        stops = p.paragraph_format.tab_stops
        stops.add_tab_stop(Cm(1.3))
        stops.add_tab_stop(Cm(3.4))
        stops.add_tab_stop(Cm(10.6))
        stops.add_tab_stop(Cm(15.2), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        run = p.add_run("\t".join(row))
        run.font.size = Pt(12)
        run.bold = r == 0
    for line in VISIT_AFTER:
        doc.add_paragraph(line)
    _sign(doc, VISIT_SIGN)
    doc.save(str(path))


# --- 4. a service list exported as CSV by WPS 表格 ---------------------------------------------------------

SERVICE_COLUMNS = 5
SERVICE_TITLE = "栾坪县老干部活动中心2038年服务项目一览"
SERVICE_HEAD = ("服务类别", "项目", "开放时间", "收费标准", "地点")
SERVICE_GROUPS = (
    (
        ("文体活动", "棋牌室", "每天8:30-17:00", "免费", "一楼东侧"),
        ("文体活动", "乒乓球室", "每天8:30-17:00", "免费", "负一楼"),
        ("文体活动", "书画室", "周二、周四全天", "免费", "三楼301室"),
    ),
    (
        ("生活服务", "理发", "每周三上午", "每次5元", "一楼西侧"),
        ("生活服务", "代购药品", "工作日", "免费", "服务台登记"),
        ("生活服务", "助浴上门", "需提前三天预约", "每次20元", "上门服务"),
    ),
    (
        ("健康服务", "血压血糖测量", "工作日上午", "免费", "二楼保健室"),
        ("健康服务", "中医理疗", "周一、周五下午", "每次10元", "二楼保健室"),
    ),
)
SERVICE_NOTE = (
    "备注：1.凭老干部活动证入场；2.服务热线0519-6623406；3.春节期间（2月10日至2月17日）中心闭馆，"
    "2月18日起恢复开放。"
)
SERVICE_MAKER = ("制表单位：栾坪县老干部活动中心", "制表日期：2038年1月8日")


def service_lines() -> list[str]:
    """The CSV's lines as WPS writes them: every row padded to the sheet's width with commas."""

    def row(cells: tuple[str, ...]) -> str:
        padded = list(cells) + [""] * (SERVICE_COLUMNS - len(cells))
        return ",".join(f'"{c}"' if "," in c else c for c in padded)

    lines = [row((SERVICE_TITLE,)), row(()), row(SERVICE_HEAD)]
    for group in SERVICE_GROUPS:
        lines.extend(row(cells) for cells in group)
        lines.append(row(()))
    lines.append(row((SERVICE_NOTE,)))
    lines.append(row((SERVICE_MAKER[0], "", "", SERVICE_MAKER[1])))
    return lines


def write_service(path: Path) -> None:
    path.write_bytes(("\r\n".join(service_lines()) + "\r\n").encode("gbk"))


# --- 5. a web notice saved by Chrome as one file (.mhtml) ------------------------------------------------

STUDY_URL = "http://www.lpxlgb.gov.cn/tzgg/202803/t20380302_1186.html"
STUDY_SITE = "栾坪县老干部工作网"
STUDY_NAV = ("首页", "机构概况", "政策法规", "通知公告", "老干部风采", "互动交流")
STUDY_CRUMB = "当前位置：首页 > 通知公告"
STUDY_TITLE = "关于开展2038年离退休干部“银龄学堂”学习活动的通知"
STUDY_META = "发布时间：2038-03-02 09:15　来源：栾坪县委老干部局　浏览次数：326"
STUDY_LINES = (
    "各离退休干部党支部，广大老同志：",
    "为引导老同志读书学习、老有所学，局里决定于2038年3月至11月开展“银龄学堂”学习活动。现将有关事项通知如下：",
    "一、学习内容：每月一个专题，包括时事政策解读、防范电信网络诈骗、健康养生和智能手机使用等。",
    "二、学习方式：集中学习安排在每月第二个星期四上午9时，地点为老干部活动中心三楼报告厅；不方便到场的老同志可通过“栾坪老干部”微信公众号收看回放。",
    "三、学习积分：每参加一次集中学习积2分，全年积满12分的评为“学习之星”，年底予以表彰。",
    "四、各支部要安排专人帮助行动不便的老同志学会收看回放，并于每季度末报送本支部学习情况。",
    "联系人：局组织宣传科滕佳怡，电话0519-6623431。",
)
STUDY_SIGN = (BUREAU, "2038年3月2日")
STUDY_FOOT = (
    "主办单位：中共栾坪县委老干部局　地址：栾坪县人民路9号",
    "版权所有 © 栾坪县老干部工作网　冀ICP备20380017号",
    "网站地图 | 联系我们 | 隐私声明",
)
STUDY_BOUNDARY = "----MultipartBoundary--Qm7dR2pXk4LwVt9sJc3HfYn8BaEu6ZgT1oNiKy5Ms0----"
# a 1×1 transparent PNG standing in for the site's logo
STUDY_LOGO = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def _study_html() -> str:
    nav = "".join(
        f'<li><a href="http://www.lpxlgb.gov.cn/{i}/">{name}</a></li>' for i, name in enumerate(STUDY_NAV)
    )
    body = "".join(f"<p>{line}</p>" for line in STUDY_LINES)
    sign = "".join(f'<p style="text-align: right;">{line}</p>' for line in STUDY_SIGN)
    foot = "".join(f"<p>{line}</p>" for line in STUDY_FOOT)
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta http-equiv="Content-Type" content="text/html; '
        'charset=UTF-8"><link rel="stylesheet" type="text/css" '
        'href="cid:css-7a1c0e52-3b9d-4f6e-a8c2-5d41e9b07f13@mhtml.blink" />'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{STUDY_TITLE}-{STUDY_SITE}</title></head><body>"
        f'<div class="top"><img src="http://www.lpxlgb.gov.cn/images/logo.png" alt="{STUDY_SITE}">'
        f'<span class="site">{STUDY_SITE}</span></div><ul class="nav">{nav}</ul>'
        f'<div class="crumb">{STUDY_CRUMB}</div><div class="article"><h1>{STUDY_TITLE}</h1>'
        f'<div class="info">{STUDY_META}</div><div class="content">{body}{sign}</div>'
        '<div class="share">分享到：<a href="javascript:;">微信</a><a href="javascript:;">微博</a></div>'
        '<div class="print"><a href="javascript:window.print()">【打印本页】</a>'
        '<a href="javascript:window.close()">【关闭窗口】</a></div></div>'
        f'<div class="footer">{foot}</div></body></html>'
    )


def write_study(path: Path) -> None:
    from email.charset import QP, Charset
    from email.header import Header

    charset = Charset("utf-8")
    charset.header_encoding = QP  # Blink writes the title as folded Q-encoded words
    subject = Header(f"{STUDY_TITLE}-{STUDY_SITE}", charset, header_name="Subject").encode(maxlinelen=76)
    html = quopri.encodestring(_study_html().encode("utf-8")).decode("ascii")
    css = 'body{font-family:"Microsoft YaHei";}.nav li{display:inline;margin:0 12px;}.footer{color:#666;}'
    logo = base64.encodebytes(STUDY_LOGO).decode("ascii")
    parts = [
        "From: <Saved by Blink>",
        f"Snapshot-Content-Location: {STUDY_URL}",
        f"Subject: {subject}",
        "Date: Tue, 2 Mar 2038 10:02:41 +0800",
        "MIME-Version: 1.0",
        "Content-Type: multipart/related;",
        '\ttype="text/html";',
        f'\tboundary="{STUDY_BOUNDARY}"',
        "",
        "",
        f"--{STUDY_BOUNDARY}",
        "Content-Type: text/html",
        "Content-ID: <frame-3E1F0A9C27D84B6F5A1E09C8D2B7F461@mhtml.blink>",
        "Content-Transfer-Encoding: quoted-printable",
        f"Content-Location: {STUDY_URL}",
        "",
        html,
        f"--{STUDY_BOUNDARY}",
        "Content-Type: text/css",
        "Content-Transfer-Encoding: quoted-printable",
        "Content-Location: cid:css-7a1c0e52-3b9d-4f6e-a8c2-5d41e9b07f13@mhtml.blink",
        "",
        '@charset "utf-8";',
        "",
        quopri.encodestring(css.encode()).decode("ascii"),
        f"--{STUDY_BOUNDARY}",
        "Content-Type: image/png",
        "Content-Transfer-Encoding: base64",
        "Content-Location: http://www.lpxlgb.gov.cn/images/logo.png",
        "",
        logo,
        f"--{STUDY_BOUNDARY}--",
        "",
    ]
    path.write_bytes("\r\n".join(line.replace("\n", "\r\n") for line in parts).encode("ascii"))


# --- the text each file prints, as (kind, text) parts (benchmarks/check_questions.py reads them) ----------

PLAN_PARTS = tuple(
    ("text", t)
    for t in (
        *PLAN_HEADERS,
        PLAN_TITLE,
        *PLAN_FIRST,
        PLAN_TABLE_CAPTION,
        *(cell for row in PLAN_ROWS for cell in row),
        *PLAN_LAST,
        *PLAN_SIGN,
    )
)
CHECK_PARTS = tuple(
    ("text", t)
    for t in (
        CHECK_NUMBER,
        CHECK_TITLE,
        *CHECK_LINES,
        *CHECK_SIGN,
        CHECK_ANNEX,
        CHECK_TABLE_TITLE,
        *(cell for row in CHECK_ROWS for cell in row),
    )
)
VISIT_PARTS = tuple(
    ("text", t)
    for t in (
        VISIT_TITLE,
        *VISIT_BEFORE,
        *(cell for row in VISIT_ROWS for cell in row),
        *VISIT_AFTER,
        *VISIT_SIGN,
    )
)
SERVICE_PARTS = tuple(
    ("text", t)
    for t in (
        SERVICE_TITLE,
        *SERVICE_HEAD,
        *(cell for group in SERVICE_GROUPS for cells in group for cell in cells),
        SERVICE_NOTE,
        *SERVICE_MAKER,
    )
)
STUDY_PARTS = tuple(("text", t) for t in (STUDY_TITLE, STUDY_META, *STUDY_LINES, *STUDY_SIGN))

WRITERS = {
    "栾坪县老干部局2038年上半年活动安排.docx": write_plan,
    "栾老干〔2038〕5号 关于做好2038年度离退休干部健康体检工作的通知.pdf": write_check,
    "2038年春节走访慰问对象及慰问金发放名单.docx": write_visit,
    "老干部活动中心2038年服务项目一览.csv": write_service,
    "关于开展2038年离退休干部“银龄学堂”学习活动的通知 - 栾坪县老干部工作网.mhtml": write_study,
}

if __name__ == "__main__":
    raise SystemExit(run_makers(WRITERS, sys.argv, HERE))
