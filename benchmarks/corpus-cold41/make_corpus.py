"""The forty-third blind set (cold41): five documents of an invented county bureau (蓼汀县), each from a
producer or in a shape no earlier set used.

    /work/main/.venv/bin/python benchmarks/corpus-cold41/make_corpus.py [FOLDER [NAME…]]

1. a notice on a poetry-recital afternoon as the **last reply of an e-mail thread** (.eml, Python's
   ``email`` package, text/plain): the organiser's short answer on top, the branch secretary's question
   quoted under 「在 2036/3/3 14:20, 籍东来 写道:」 (Thunderbird's attribution line) with 「> 」, and the notice
   itself quoted two levels deep under 「蓝若澄 <…> 于2036年3月2日周日 09:15写道：」 (Gmail's) with 「> > 」;
2. a bocce (地掷球) team's arrangements as **a WeChat group's messages copied from WeChat for PC** into a
   .txt (UTF-8): each message under its sender's name and time stamp (「苗振华 2036/3/10 9:02:15」), with
   the app's sticker codes 「[强]」「[玫瑰]」, 「[图片]」 and a 「“顾瑞琴”撤回了一条消息」 line;
3. a pedicure (上门修脚) rota as a **PDF that LibreOffice Calc exported from a sheet too wide for its
   page**: Calc prints the columns that do not fit on a page of their own (page order 「先上下后左右」), so
   the names and addresses are on page 1 and the dates, times and pedicurists of the same rows on page 2;
4. a notice on a stamp (集邮) exhibition as a **reportlab PDF whose bold lines are "fake bold", each drawn
   twice a third of a point apart** (what a printer driver or an office suite does with a font that has
   no bold face: the title, the headings and the 落款 are in the text layer twice over, glyph on glyph);
5. a notice on collecting donated books (捐书) **typed into a spreadsheet** (.xlsx, openpyxl): the title in a
   merged row, each paragraph one long cell in column A running over the empty cells to its right, the
   落款 and date in column F — how a clerk who lives in Excel writes a notice.

Every name, address, telephone number and amount is invented. Needs LibreOffice (Calc), reportlab with
fontTools and openpyxl (for making the files only); none is a new speechqa dependency. A re-run gives the
same text; the bytes differ (time stamps, ids).
"""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.fixtures.corpus_writers import run_makers, soffice_convert, truetype_font  # noqa: E402

BUREAU = "中共蓼汀县委老干部局"
CST = timezone(timedelta(hours=8))

# --- 1. the last reply of a mail thread ------------------------------------------------------------------

RECITAL_SUBJECT = "关于举办离退休干部诗歌朗诵会的通知"
RECITAL_NOTICE = (
    "各离退休干部党支部：",
    "",
    "为庆祝建党115周年，丰富老同志精神文化生活，局文体科定于4月举办离退休干部诗歌朗诵会。现将有关事项通知如下：",
    "",
    "一、时间地点：2036年4月8日（星期二）上午9时，在蓼汀县老年大学多功能厅（东湖路18号）举行。",
    "",
    "二、节目要求：每个支部推荐1至2个节目，个人朗诵和集体朗诵均可，每个节目时长不超过5分钟，内容以歌颂党、歌颂祖国、歌颂家乡为主。",
    "",
    "三、报名办法：请于3月20日前将节目名称、朗诵者姓名和伴奏音乐报局文体科，伴奏音乐请存为MP3格式，用U盘交到文体科。",
    "",
    "四、评选奖励：朗诵会设一等奖2名、二等奖4名、三等奖6名，评委由县文联和县融媒体中心的专业人员担任。",
    "",
    "联系人：文体科蓝若澄，电话0573-8826419。",
    "",
    "中共蓼汀县委老干部局文体科",
    "2036年3月2日",
)
RECITAL_QUESTION = (
    "蓝科长：",
    "",
    "城关支部报两个节目：《我爱这土地》由甘棠朗诵；《祖国啊，我亲爱的祖国》为集体朗诵，共8人。"
    "集体朗诵人多，上下场要花时间，请问时长能否放宽到6分钟？",
    "",
    "城关支部 籍东来",
)
RECITAL_ANSWER = (
    "籍书记：",
    "",
    "经请示局领导，集体朗诵时长可以放宽到6分钟，但须参加彩排。彩排定于4月1日下午3时，在老年大学多功能厅进行，请各参演老同志准时到场。",
    "",
    "朗诵会当天现场提供矿泉水和润喉糖，需要看稿的老同志请自带老花镜。",
    "",
    "文体科 蓝若澄",
)


def _quoted(lines: tuple[str, ...], depth: int) -> list[str]:
    mark = "> " * depth
    return [(mark + line).rstrip() if line else mark.rstrip() for line in lines]


def write_recital(path: Path) -> None:
    third = datetime(2036, 3, 4, 10, 5, tzinfo=CST)
    body = [
        *RECITAL_ANSWER,
        "",
        "在 2036/3/3 14:20, 籍东来 写道:",
        *_quoted(RECITAL_QUESTION, 1),
        ">",
        "> 蓝若澄 <lanruocheng@ltlgj.example.cn> 于2036年3月2日周日 09:15写道：",
        *_quoted(RECITAL_NOTICE, 2),
    ]
    message = EmailMessage()
    message["From"] = "蓝若澄 <lanruocheng@ltlgj.example.cn>"
    message["To"] = "籍东来 <jidonglai@example.cn>"
    message["Cc"] = "各离退休干部党支部 <zhibu@ltlgj.example.cn>"
    message["Subject"] = f"Re: Re: {RECITAL_SUBJECT}"
    message["Date"] = format_datetime(third)
    message["Message-ID"] = "<20360304100500.77@ltlgj.example.cn>"
    message["In-Reply-To"] = "<20360303142000.51@example.cn>"
    message["References"] = "<20360302091500.12@ltlgj.example.cn> <20360303142000.51@example.cn>"
    message["User-Agent"] = "Mozilla Thunderbird"
    message.set_content("\n".join(body) + "\n", charset="utf-8", cte="base64")
    path.write_bytes(bytes(message))


# --- 2. a WeChat group's messages copied from WeChat for PC ------------------------------------------------

BOCCE_MESSAGES = (
    (
        "苗振华",
        "2036/3/10 9:02:15",
        (
            "各位队友：县老年体协邀请我们老干部地掷球队打一场友谊赛，安排如下：",
            "1.比赛时间：3月21日（星期五）上午8:30开赛，请大家8:00前到县体育中心北门集合。",
            "2.比赛地点：县体育中心地掷球场。",
            "3.双方各出8人，分两个小组打循环，每局限时40分钟。",
            "4.请统一穿红色队服、平底运动鞋，比赛用球由体育中心提供，自己的球不要带。",
            "5.赛后午餐由县老年体协在体育中心职工食堂安排。",
        ),
    ),
    ("史家栋", "2036/3/10 9:05:41", ("收到[强]",)),
    ("顾瑞琴", "2036/3/10 9:11:03", ("苗队，我21号上午要去县医院复查，请个假[抱拳]",)),
    ("", "", ("“顾瑞琴”撤回了一条消息",)),
    ("苗振华", "2036/3/10 9:20:37", ("好的，顾老师的位置由史家栋替补。",)),
    ("殷秋水", "2036/3/10 9:26:52", ("要是那天下雨怎么办？",)),
    (
        "苗振华",
        "2036/3/10 9:31:18",
        (
            "如遇下雨，比赛顺延到3月28日（星期五）同一时间、同一地点。",
            "赛前每周二、周四下午3点在东湖公园球场集中练习，由教练祁永年指导，请大家尽量参加。",
        ),
    ),
    ("殷秋水", "2036/3/10 9:33:09", ("[图片]",)),
    ("殷秋水", "2036/3/10 9:33:40", ("东湖公园球场上周刚换了新的沙土，场地很平[玫瑰]",)),
    (
        "苗振华",
        "2036/3/10 9:40:22",
        ("补充一下：年满75岁的队员参赛前请到社区卫生服务中心量个血压，把结果发给队医闻丽华。",),
    ),
    ("闻丽华", "2036/3/10 9:45:57", ("收到，血压结果请在3月18日前发给我。",)),
)


def write_bocce(path: Path) -> None:
    lines: list[str] = []
    for sender, stamp, texts in BOCCE_MESSAGES:
        if sender:
            lines.append(f"{sender} {stamp}")
        lines.extend(texts)
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


# --- 3. a sheet too wide for its page, exported by LibreOffice Calc ---------------------------------------

ROTA_TITLE = "蓼汀县离退休干部上门修脚服务排班表（2036年3月）"
ROTA_HEAD = (
    "序号",
    "姓名",
    "年龄",
    "原工作单位",
    "家庭住址",
    "联系电话",
    "服务日期",
    "服务时段",
    "修脚师",
    "服务内容",
    "备注",
)
ROTA_ROWS = (
    (
        "1",
        "籍伯言",
        "84",
        "县交通局",
        "城关镇梧桐巷12号",
        "13905731162",
        "3月5日",
        "上午9:00-10:00",
        "卓小满",
        "修剪趾甲、去除老茧",
        "行动不便，需家属在场",
    ),
    (
        "2",
        "阚玉芬",
        "79",
        "县供销社",
        "城关镇柳湾小区3幢201室",
        "13905732274",
        "3月5日",
        "上午10:30-11:30",
        "卓小满",
        "嵌甲处理",
        "无",
    ),
    (
        "3",
        "鄢德全",
        "88",
        "县人民医院",
        "东湖街道荷塘路7号",
        "13905733386",
        "3月12日",
        "下午2:30-3:30",
        "芮春生",
        "灰指甲护理、修剪趾甲",
        "患糖尿病，已告知修脚师",
    ),
    (
        "4",
        "滕淑仪",
        "81",
        "县二中",
        "东湖街道槐荫里15号",
        "13905734498",
        "3月12日",
        "下午4:00-5:00",
        "芮春生",
        "去除鸡眼",
        "无",
    ),
    (
        "5",
        "靳卫国",
        "86",
        "县粮食局",
        "白沙镇新街29号",
        "13905735510",
        "3月19日",
        "上午9:00-10:00",
        "卓小满",
        "修剪趾甲、足部按摩",
        "住三楼无电梯",
    ),
    (
        "6",
        "宓桂兰",
        "90",
        "县棉纺厂",
        "白沙镇渡口村6组",
        "13905736622",
        "3月19日",
        "上午10:30-11:30",
        "卓小满",
        "嵌甲处理、足部按摩",
        "耳背，请大声说话",
    ),
    (
        "7",
        "戚振邦",
        "83",
        "县水利局",
        "城关镇梧桐巷40号",
        "13905737734",
        "3月26日",
        "下午2:30-3:30",
        "芮春生",
        "去除老茧",
        "无",
    ),
)
ROTA_NOTES = (
    "注：1.上门修脚服务免费，由县中医院足病科派修脚师提供，每位老同志每月一次。",
    "2.患有糖尿病足或足部有伤口的老同志，请提前告知，修脚师将携带专用消毒器械。",
    "3.联系人：局老干部服务中心褚玉娟，电话0573-8826455。",
)


def write_rota(path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    book = Workbook()
    sheet = book.active
    sheet.title = "3月排班"
    sheet.append([ROTA_TITLE])
    sheet["A1"].font = Font(name="Noto Sans CJK SC", size=16, bold=True)
    sheet.append(list(ROTA_HEAD))
    for row in ROTA_ROWS:
        sheet.append(list(row))
    sheet.append([])
    for note in ROTA_NOTES:
        sheet.append([note])
    thin = Side(style="thin")
    for row in sheet.iter_rows(min_row=2, max_row=2 + len(ROTA_ROWS), max_col=len(ROTA_HEAD)):
        for cell in row:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            cell.alignment = Alignment(vertical="center")
            cell.font = Font(name="Noto Sans CJK SC", size=11, bold=cell.row == 2)
    widths = (6, 10, 6, 16, 26, 15, 11, 17, 10, 22, 24)
    for index, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "rota.xlsx"
        book.save(source)
        soffice_convert(source, "pdf:calc_pdf_Export", path)


# --- 4. fake bold: bold lines drawn twice ----------------------------------------------------------------

STAMP_TITLE = ("关于举办离退休干部", "“方寸忆峥嵘”集邮展览的通知")
STAMP_TO = "各离退休干部党支部："
STAMP_PARTS = (
    (
        "text",
        "为展示老同志的收藏成果，弘扬集邮文化，经局党组研究，决定举办离退休干部“方寸忆峥嵘”集邮展览。现将有关事项通知如下：",
    ),
    ("bold", "一、展览时间"),
    ("text", "2036年5月12日至5月18日，每天上午9时至下午4时30分，周一照常开放。"),
    ("bold", "二、展览地点"),
    ("text", "蓼汀县老干部活动中心一楼展厅（县城文昌路66号）。"),
    ("bold", "三、征集展品"),
    (
        "text",
        "每位老同志可提供1至3框邮集，每框不超过16页，题材以党史、新中国建设成就和家乡风物为主。"
        "珍贵邮品请用护邮袋装好，展览期间由活动中心安排专人值守，展后原样归还。",
    ),
    ("text", "请于4月25日前将邮集送到局老干部活动中心二楼办公室，由集邮协会会长孔令德登记验收。"),
    ("bold", "四、其他事项"),
    (
        "text",
        "展览开幕式定于5月12日上午9时举行，邀请县邮政分公司为展览刻制纪念邮戳，观众可现场加盖。"
        "展览期间每天下午2时由集邮协会秘书长尉迟晓光为观众讲解。",
    ),
    ("text", "联系人：局活动中心韶华，电话0573-8826470。"),
)
STAMP_SIGN = ("中共蓼汀县委老干部局", "2036年4月2日")


def write_stamps(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    text = "".join(STAMP_TITLE) + STAMP_TO + "".join(t for _, t in STAMP_PARTS) + "".join(STAMP_SIGN)
    with tempfile.TemporaryDirectory() as tmp:
        font = truetype_font(text + "0123456789", Path(tmp) / "LiaotingSerif.ttf", name="LiaotingSerif")
        pdfmetrics.registerFont(TTFont("LiaotingSerif", str(font)))
        width, height = A4
        left, right = 79, width - 74
        page = canvas.Canvas(str(path), pagesize=A4)
        page.setTitle("")
        page.setAuthor("蓼汀县委老干部局办公室")

        def bold(x: float, y: float, line: str, size: float) -> None:
            # fake bold: the line drawn twice, the second a third of a point to the right
            page.setFont("LiaotingSerif", size)
            page.drawString(x, y, line)
            page.drawString(x + 0.35, y, line)

        y = height - 110
        for line in STAMP_TITLE:
            w = pdfmetrics.stringWidth(line, "LiaotingSerif", 20)
            bold((width - w) / 2, y, line, 20)
            y -= 30
        y -= 12
        page.setFont("LiaotingSerif", 15)
        page.drawString(left, y, STAMP_TO)
        y -= 26
        size = 15
        per_line = int((right - left) // size)
        for kind, part in STAMP_PARTS:
            if kind == "bold":
                bold(left + 2 * size, y, part, size)
                y -= 26
                continue
            chunk = "　　" + part
            while chunk:
                page.setFont("LiaotingSerif", size)
                page.drawString(left, y, chunk[:per_line])
                chunk = chunk[per_line:]
                y -= 26
        y -= 30
        for line in STAMP_SIGN:
            w = pdfmetrics.stringWidth(line, "LiaotingSerif", 15)
            bold(right - w - 30, y, line, 15)
            y -= 26
        page.showPage()
        page.save()


# --- 5. a notice typed into a spreadsheet -----------------------------------------------------------------

BOOKS_TITLE = "关于开展“书香润晚晴”离退休干部捐书活动的通知"
BOOKS_LINES = (
    "各离退休干部党支部，局机关各科室：",
    "为充实县老年大学图书室和各村老年活动室的书架，局里决定开展“书香润晚晴”捐书活动，欢迎老同志把家中闲置的好书捐出来，让书香传递下去。现将有关事项通知如下：",
    "一、捐赠范围：文史、党史、医药保健、农业技术、书法绘画等内容健康的图书，八成新以上，2000年以后出版的为宜。教材教辅、过期期刊、盗版书不在接收范围。",
    "二、捐赠时间：2036年4月14日至4月30日，工作日上午8:30-11:30，下午2:30-5:00。",
    "三、接收地点：县老年大学一楼图书室（县城东湖路18号），由图书管理员柏清源登记。",
    "四、捐赠方式：每本书贴一张捐赠签，写明捐赠人姓名，局里将统一颁发捐赠证书。捐赠10本以上的老同志，可打电话预约工作人员上门取书。",
    "五、所捐图书由老年大学统一编目，其中三分之一送往白沙镇和渡口乡的村老年活动室。",
    "联系人：局老年大学工作科闵晓芸，电话0573-8826481。",
)
BOOKS_SIGN = ("中共蓼汀县委老干部局", "2036年4月7日")


def write_books(path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "通知"
    sheet.append([BOOKS_TITLE])
    sheet.merge_cells("A1:I1")
    sheet["A1"].font = Font(name="宋体", size=16, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append([])
    for line in BOOKS_LINES:
        sheet.append([line])
        sheet.cell(row=sheet.max_row, column=1).font = Font(name="宋体", size=12)
    sheet.append([])
    for line in BOOKS_SIGN:
        row = sheet.max_row + 1
        sheet.cell(row=row, column=6, value=line).font = Font(name="宋体", size=12)
    for column in "ABCDEFGHI":
        sheet.column_dimensions[column].width = 9
    book.save(path)


WRITERS = {
    "Re_ Re_ 关于举办离退休干部诗歌朗诵会的通知.eml": write_recital,
    "老干部地掷球队群消息.txt": write_bocce,
    "离退休干部上门修脚服务排班表.pdf": write_rota,
    "关于举办离退休干部集邮展览的通知.pdf": write_stamps,
    "关于开展离退休干部捐书活动的通知.xlsx": write_books,
}

if __name__ == "__main__":
    raise SystemExit(run_makers(WRITERS, sys.argv, HERE))
