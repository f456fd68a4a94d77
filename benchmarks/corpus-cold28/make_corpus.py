"""Make the thirtieth, cold question set's corpus with real producers (re-runnable; output is committed).

    /work/main/.venv/bin/python benchmarks/corpus-cold28/make_corpus.py [FOLDER]

writes them beside this script, or into FOLDER (to compare a re-run with the committed files). It needs,
besides main's venv: LibreOffice (Writer, Calc and Draw), poppler-utils (``pdftoppm``, ``pdfunite``,
``pdftocairo``), Pillow with WebP, and **XlsxWriter** (``pip install xlsxwriter``; used only to make this
file, not a speechqa dependency).

Six files of a county veteran-cadre bureau (栖梧县 is invented; so are all names, numbers, addresses,
telephone numbers and amounts), written for this set only, each made by a **producer or in a shape no
earlier set used**, on topics neither the bundled speeches, the fixtures nor ``corpus-cold2`` …
``corpus-cold27`` treat:

- ``关于举办栖梧县离退休干部盆景艺术研习班的通知.pdf`` — a PDF **put together by poppler's ``pdfunite``**
  from three producers: the signed cover page as the scanner gave it (an image-only page: masthead, 文号,
  title), the body exported by LibreOffice Writer, and the 附件 (a course table) set by reportlab;
- ``栖梧县老干部空竹队2028年训练及展演安排表.pdf`` — a schedule **printed to PDF by LibreOffice Calc**
  (``calc_pdf_Export``): two pages, the title and the head row repeated at the top of each (「打印标题」),
  「第 N 页，共 M 页」 in the page footer;
- ``栖梧县离退休干部陶艺体验活动报名汇总表.xlsx`` — a sign-up list **exported by a system through
  XlsxWriter** (no office program ever opened it): dates as numbers in a date format, a 合计 formula with no
  calculated value stored, frozen panes, an autofilter, a second sheet of notes;
- ``栖梧县离退休干部健步走活动实施方案.pdf`` — a plan exported by Writer and **printed to a file through
  cairo** (``pdftocairo -pdf``, as a GTK program's 「打印到文件」 writes it: fonts re-subset, text re-laid);
- ``栖梧县老干部古琴雅集活动通知.webp`` — a printed notice **photographed with a phone and forwarded by
  WeChat, saved as WebP** (Pillow's libwebp, quality 80);
- ``栖梧县老年大学2028年秋季招生简章.pdf`` — a flyer laid out in **LibreOffice Draw** (free-standing text
  boxes on one A4 page: a title band, two columns of boxes, a contact strip) and exported as PDF.

``benchmarks/check_questions.py cold28`` imports the sources below to check
``benchmarks/cold28-questions.jsonl``.
"""

from __future__ import annotations

import datetime as dt
import html
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.fixtures.corpus_writers import (  # noqa: E402
    run_makers,
    soffice_convert,
    write_converted,
    write_photo,
    write_reportlab_pdf,
    write_scan,
)
from tests.fixtures.office_writers import DATE_FORMAT, Formula, Sheet  # noqa: E402

AUTHOR = "中共栖梧县委老干部局"


# --- 1. a notice put together by pdfunite: a scanned cover, Writer's body, reportlab's 附件 -----------

BONSAI_TITLE = "关于举办栖梧县离退休干部盆景艺术研习班的通知"
BONSAI_COVER = (
    ("title", "中共栖梧县委老干部局文件"),
    ("right", "栖老干发〔2028〕7号"),
    ("title", BONSAI_TITLE),
)
BONSAI_BODY = (
    ("body", "各乡镇老干部工作站，县直各单位离退休干部党支部："),
    (
        "body",
        "为丰富离退休干部精神文化生活，传承盆景这一传统园艺，县委老干部局决定于2028年5月举办离退休干部"
        "盆景艺术研习班。现将有关事项通知如下：",
    ),
    ("heading1", "一、研习时间和地点"),
    (
        "body",
        "研习班自2028年5月9日起，每周二、周五下午2:30至4:30上课，共12次。地点设在县老干部活动中心三楼"
        "园艺室，室外操作课在县植物园苗圃进行。",
    ),
    ("heading1", "二、招收对象和名额"),
    (
        "body",
        "招收身体健康、爱好园艺的离退休干部30名，年龄一般不超过75周岁。已参加过县老年大学园艺班的同志"
        "优先录取。",
    ),
    ("heading1", "三、授课教师"),
    (
        "body",
        "特邀省盆景协会会员、县园林绿化中心高级工程师柏乔安担任主讲教师，县植物园技术员鲁秋禾担任辅导员。",
    ),
    ("heading1", "四、有关要求"),
    (
        "body",
        "研习所需的树桩、盆钵和工具由局里统一购置，学员结业时可将本人完成的作品带回家中。学员须自备"
        "围裙和劳保手套。请于4月25日前将报名表报县委老干部局文体科，联系人：蔺晓桐，电话：0746-5273916。",
    ),
    ("body", "附件：盆景艺术研习班课程安排"),
    ("right", AUTHOR),
    ("right", "2028年4月10日"),
)
BONSAI_ANNEX = (
    ("title", "附件　盆景艺术研习班课程安排"),
    (
        "table",
        (
            ("次数", "日期", "课程内容", "授课地点"),
            ("第1次", "5月9日", "盆景流派与赏析", "园艺室"),
            ("第2次", "5月12日", "树桩的选取与养护", "园艺室"),
            ("第3次", "5月16日", "金属丝蟠扎技法", "园艺室"),
            ("第4次", "5月19日", "山水盆景石料加工", "植物园苗圃"),
            ("第5次", "5月23日", "小叶榕造型实操", "植物园苗圃"),
            ("第6次", "5月26日", "苔藓铺设与配件点缀", "园艺室"),
            ("第7至12次", "6月", "个人作品创作与点评", "园艺室"),
        ),
    ),
    ("body", "结业时举办学员作品展，展期三天，地点在县文化馆一楼展厅。"),
)
BONSAI = BONSAI_COVER + BONSAI_BODY + BONSAI_ANNEX


def write_bonsai(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        cover, body, annex = (Path(tmp) / f"{name}.pdf" for name in ("cover", "body", "annex"))
        write_scan(
            BONSAI_COVER, cover, author=AUTHOR, size=18, turn=0.4, seed=2028
        )  # the signed page, scanned
        write_converted(BONSAI_BODY, body, "pdf", author=AUTHOR, footer=True)  # LibreOffice Writer
        write_reportlab_pdf(BONSAI_ANNEX, annex, author=AUTHOR)  # the 附件 from another program
        subprocess.run(["pdfunite", str(cover), str(body), str(annex), str(path)], check=True)


# --- 2. a schedule printed to PDF by LibreOffice Calc, over two pages ----------------------------------

DIABOLO_TITLE = "栖梧县老干部空竹队2028年训练及展演安排表"
_PLACES = ("县老干部活动中心广场", "滨河公园东门广场", "县体育馆副馆")
_DIABOLO_ROWS = [
    ("1月6日", "常规训练", "基本功：起轮、加速", "单为民"),
    ("1月13日", "常规训练", "双轮抖法", "单为民"),
    ("1月20日", "常规训练", "绕腿、跨腿动作", "单为民"),
    ("1月27日", "常规训练", "春节联欢会节目排练", "苗俊岐"),
    ("2月3日", "展演", "县春节联欢会表演《龙腾空竹》", "苗俊岐"),
    ("2月17日", "常规训练", "抛接高空竹", "单为民"),
    ("2月24日", "常规训练", "抛接高空竹", "单为民"),
    ("3月3日", "常规训练", "双人对抖配合", "苗俊岐"),
    ("3月10日", "常规训练", "双人对抖配合", "苗俊岐"),
    ("3月17日", "常规训练", "集体队形变换", "苗俊岐"),
    ("3月24日", "交流", "与邻县空竹协会交流切磋", "单为民"),
    ("3月31日", "常规训练", "集体队形变换", "苗俊岐"),
    ("4月7日", "常规训练", "空竹过桥", "单为民"),
    ("4月14日", "常规训练", "空竹过桥", "单为民"),
    ("4月21日", "展演", "滨河公园踏青节表演", "苗俊岐"),
    ("4月28日", "常规训练", "单轮花样组合", "单为民"),
    ("5月5日", "常规训练", "单轮花样组合", "单为民"),
    ("5月12日", "常规训练", "新队员基础教学", "柯玉琳"),
    ("5月19日", "常规训练", "新队员基础教学", "柯玉琳"),
    ("5月26日", "常规训练", "伴乐节奏训练", "柯玉琳"),
    ("6月2日", "常规训练", "伴乐节奏训练", "柯玉琳"),
    ("6月9日", "常规训练", "集体套路《喜洋洋》", "苗俊岐"),
    ("6月16日", "常规训练", "集体套路《喜洋洋》", "苗俊岐"),
    ("6月23日", "常规训练", "集体套路《喜洋洋》", "苗俊岐"),
    ("6月30日", "展演", "庆祝建党节文艺晚会", "苗俊岐"),
    ("9月1日", "常规训练", "秋季恢复训练", "单为民"),
    ("9月8日", "常规训练", "三人轮换抛接", "单为民"),
    ("9月15日", "常规训练", "三人轮换抛接", "单为民"),
    ("9月22日", "常规训练", "重阳节目排练", "苗俊岐"),
    ("9月29日", "常规训练", "重阳节目排练", "苗俊岐"),
    ("10月13日", "展演", "县重阳节敬老文艺汇演", "苗俊岐"),
    ("10月20日", "比赛", "参加市第五届老年空竹邀请赛", "单为民"),
    ("10月27日", "常规训练", "赛后总结与动作纠正", "单为民"),
    ("11月3日", "常规训练", "室内保养性训练", "柯玉琳"),
    ("11月10日", "常规训练", "室内保养性训练", "柯玉琳"),
    ("11月17日", "常规训练", "空竹保养与维修", "柯玉琳"),
    ("11月24日", "常规训练", "年度汇报节目排练", "苗俊岐"),
    ("12月1日", "常规训练", "年度汇报节目排练", "苗俊岐"),
    ("12月15日", "展演", "年度汇报演出", "苗俊岐"),
    ("12月22日", "总结", "年度总结暨表彰", "单为民"),
]


def _diabolo_place(what: str, date: str) -> str:
    if what == "展演" or what == "比赛":
        return "见当期通知"
    month = int(date.split("月")[0])
    return _PLACES[2] if month in (1, 2, 11, 12) else _PLACES[0] if month % 2 else _PLACES[1]


DIABOLO = (
    Sheet(
        "训练安排",
        rows=(
            (DIABOLO_TITLE, None, None, None, None, None),
            ("序号", "日期", "类别", "内容", "地点", "带队教练"),
            *(
                (i, date, what, content, _diabolo_place(what, date), coach)
                for i, (date, what, content, coach) in enumerate(_DIABOLO_ROWS, start=1)
            ),
            (
                "说明：常规训练均为上午8:30至10:30，雨雪天气改在县体育馆副馆；"
                "队长单为民，联系电话：13974652081。",
                None,
                None,
                None,
                None,
                None,
            ),
        ),
        merges=("A1:F1", f"A{len(_DIABOLO_ROWS) + 3}:F{len(_DIABOLO_ROWS) + 3}"),
    ),
)


def write_diabolo(path: Path) -> None:
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, Side

    sheet = DIABOLO[0]
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet.name
    thin = Side(style="thin")
    for r, row in enumerate(sheet.rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is None:
                continue
            cell = ws.cell(row=r, column=c, value=value)
            if r > 1:
                cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
                cell.alignment = Alignment(vertical="center", wrap_text=True)
    for merged in sheet.merges:
        ws.merge_cells(merged)
    ws["A1"].font = Font(size=16, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")
    last = len(sheet.rows)
    ws.row_dimensions[last].height = 36
    for letter, width in zip("ABCDEF", (6, 11, 9, 30, 22, 10), strict=True):
        ws.column_dimensions[letter].width = width
    ws.print_title_rows = "1:2"  # 「打印标题」: the title and the head row on every page
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # 「缩放：宽度一页」, as many pages down as it takes
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_options.horizontalCentered = True
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{path.stem}.xlsx"
        book.save(source)
        soffice_convert(source, "pdf:calc_pdf_Export", path)


# --- 3. a sign-up list exported by a system through XlsxWriter ----------------------------------------

CLAY_TITLE = "栖梧县离退休干部陶艺体验活动报名汇总表"
_CLAY_PEOPLE = (
    ("覃丽华", "县财政局", "13807461253", dt.date(2028, 6, 6), "否", ""),
    ("闫建邦", "县水利局", "13907462218", dt.date(2028, 6, 6), "是", "腿脚不便，需轮椅"),
    ("葛慧珍", "县人民医院", "13574618820", dt.date(2028, 6, 6), "否", ""),
    ("祁振东", "县公安局", "13647467305", dt.date(2028, 6, 6), "否", "携老伴同来"),
    ("景翠萍", "县第一中学", "18907460914", dt.date(2028, 6, 13), "否", ""),
    ("汤立群", "县供销社", "13317465526", dt.date(2028, 6, 13), "是", ""),
    ("鲍庆和", "县交通运输局", "15807463371", dt.date(2028, 6, 13), "否", "想学拉坯"),
    ("窦秀兰", "县妇联", "13786469045", dt.date(2028, 6, 13), "否", ""),
    ("贲德明", "县农业农村局", "13975468132", dt.date(2028, 6, 20), "是", "住柳湾镇"),
    ("庞玉芬", "县税务局", "18673462790", dt.date(2028, 6, 20), "否", ""),
    ("殷志刚", "县住建局", "13517464408", dt.date(2028, 6, 20), "否", ""),
    ("滕淑华", "县文化馆", "13874460651", dt.date(2028, 6, 20), "否", "曾学过釉下彩绘"),
)
CLAY_NOTES = (
    "一、活动地点：栖梧县青岚窑陶艺工坊（县城南郊窑前路18号）。",
    "二、每场活动上午9:00开始，11:30结束，内容为手捏成型、拉坯体验和釉下彩绘。",
    "三、作品由工坊统一入窑烧制，约两周后送到各人所在支部。",
    "四、需要接送的老同志，由局里派车在县老干部活动中心门口统一接送，8:20发车。",
    "五、汇总表由县委老干部局文体科核对，核对人：蔺晓桐。",
)
CLAY = (
    Sheet(
        "报名汇总",
        rows=(
            (CLAY_TITLE, None, None, None, None, None, None),
            ("序号", "姓名", "原工作单位", "联系电话", "报名场次", "是否需要接送", "备注"),
            *((i, *person) for i, person in enumerate(_CLAY_PEOPLE, start=1)),
            (
                "合计",
                Formula(f"=COUNTA(B3:B{len(_CLAY_PEOPLE) + 2})", str(len(_CLAY_PEOPLE))),
                None,
                None,
                None,
                None,
                None,
            ),
        ),
        merges=("A1:G1",),
        formats={"E": DATE_FORMAT},
    ),
    Sheet("活动须知", rows=tuple((line,) for line in CLAY_NOTES)),
)


def write_clay(path: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    book.set_properties(
        {
            "title": CLAY_TITLE,
            "author": "栖梧县老干部服务管理系统",
            "created": dt.datetime(2028, 5, 30, 16, 5),
        }
    )
    title = book.add_format({"bold": True, "font_size": 16, "align": "center"})
    head = book.add_format({"bold": True, "border": 1, "bg_color": "#D9E1F2", "align": "center"})
    cell = book.add_format({"border": 1})
    date = book.add_format({"border": 1, "num_format": DATE_FORMAT})
    sheet = CLAY[0]
    ws = book.add_worksheet(sheet.name)
    ws.merge_range("A1:G1", CLAY_TITLE, title)
    for r, row in enumerate(sheet.rows[1:], start=1):
        for c, value in enumerate(row):
            if r == 1:
                ws.write_string(r, c, value, head)
            elif isinstance(
                value, Formula
            ):  # a system writes the formula, not its value (XlsxWriter stores 0)
                ws.write_formula(r, c, value.expression, cell)
            elif isinstance(value, dt.date):
                ws.write_datetime(r, c, dt.datetime.combine(value, dt.time()), date)
            elif value is None:
                ws.write_blank(r, c, None, cell)
            elif isinstance(value, int):
                ws.write_number(r, c, value, cell)
            else:
                ws.write_string(r, c, value, cell)
    ws.freeze_panes(2, 0)
    ws.autofilter(1, 0, len(sheet.rows) - 2, 6)
    for c, width in enumerate((6, 10, 16, 14, 16, 14, 20)):
        ws.set_column(c, c, width)
    notes = book.add_worksheet(CLAY[1].name)
    for r, (line,) in enumerate(CLAY[1].rows):
        notes.write_string(r, 0, line)
    notes.set_column(0, 0, 80)
    book.close()


# --- 4. a plan exported by Writer and printed to a file through cairo ---------------------------------

WALK_TITLE = "栖梧县离退休干部健步走活动实施方案"
WALK = (
    ("title", WALK_TITLE),
    ("body", "为倡导健康文明的生活方式，增强离退休干部体质，结合我县实际，制定本方案。"),
    ("heading1", "一、活动时间"),
    ("body", "2028年3月至11月，每月第二个星期六上午集中开展一次健步走，全年共9次。"),
    ("heading1", "二、活动路线"),
    (
        "body",
        "固定路线为：县老干部活动中心出发，沿梧江北岸绿道向东，经凤鸣桥、湿地公园观鸟亭，折返至县老干部"
        "活动中心，全程约5.6公里，用时约一个半小时。",
    ),
    ("heading1", "三、组织分工"),
    (
        "body",
        "县委老干部局负责总体协调；县卫生健康局派出医护人员2名随队保障；县体育运动服务中心负责赛前热身指导，"
        "由社会体育指导员郜向晴带领大家做热身操。",
    ),
    ("heading1", "四、参加办法"),
    (
        "body",
        "以离退休干部党支部为单位组队参加，每支队伍不少于8人，设领队一名。年满80周岁或患有严重心脏病、"
        "高血压的同志，可参加短线，短线在湿地公园观鸟亭折返，约2.8公里。",
    ),
    ("heading1", "五、激励措施"),
    (
        "body",
        "全年参加7次及以上的同志，年底授予「健步达人」称号，颁发运动腰包一个。各支部全年出勤人次列入"
        "年度先进支部评选的参考。",
    ),
    ("heading1", "六、安全保障"),
    (
        "body",
        "沿途设三个补水点，分别在凤鸣桥头、湿地公园入口和折返点。遇雨天或气温超过33摄氏度，活动顺延一周，"
        "由领队通知到人。",
    ),
    ("right", AUTHOR),
    ("right", "2028年2月20日"),
)


def write_walk(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        exported = Path(tmp) / "exported.pdf"
        write_converted(WALK, exported, "pdf", author=AUTHOR, footer=True)
        subprocess.run(["pdftocairo", "-pdf", str(exported), str(path)], check=True)  # cairo's PDF


# --- 5. a printed notice photographed and forwarded by WeChat, saved as WebP --------------------------

GUQIN_TITLE = "栖梧县老干部古琴雅集活动通知"
GUQIN = (
    ("title", GUQIN_TITLE),
    ("body", "各位老同志："),
    (
        "body",
        "为弘扬传统文化，县委老干部局定于2028年4月22日（星期六）下午3点，在县图书馆二楼古籍阅览室举办"
        "古琴雅集活动。",
    ),
    (
        "body",
        "一、活动内容：古琴知识讲座、名曲赏析、琴友交流。特邀县古琴社社长甄子衿现场演奏《流水》和《梅花三弄》。",
    ),
    ("body", "二、参加人员：离退休干部古琴爱好者及书画协会会员，名额40人，额满为止。"),
    ("body", "三、报名方式：请于4月18日前向各支部书记报名，或直接拨打报名电话0746-5271088。"),
    ("body", "四、现场备有香茗，请勿自带食品入馆，馆内请保持安静，手机调至静音。"),
    ("right", AUTHOR),
    ("right", "2028年4月6日"),
)


def write_guqin(path: Path) -> None:
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        photo = Path(tmp) / "photo.jpg"
        write_photo(GUQIN, photo, author=AUTHOR, size=13, seed=2028)
        with Image.open(photo) as image:
            image.save(path, "WEBP", quality=80, method=4)  # as WeChat keeps a forwarded picture


# --- 6. a flyer laid out in LibreOffice Draw ----------------------------------------------------------

COLLEGE_TITLE = "栖梧县老年大学2028年秋季招生简章"
COLLEGE_BOXES = (  # (x, y, width, height in cm, type size, lines)
    (1.5, 1.5, 18.0, 2.2, 24, (COLLEGE_TITLE,)),
    (
        1.5,
        4.2,
        18.0,
        2.0,
        12,
        (
            "栖梧县老年大学由县委老干部局主办，现有教室14间，开设课程22门。2028年秋季学期定于9月11日开学，"
            "现面向全县离退休人员招收新学员。",
        ),
    ),
    (
        1.5,
        6.8,
        8.6,
        12.0,
        12,
        (
            "开设专业",
            "书法班：楷书、隶书入门，授课教师邝文远。",
            "国画班：花鸟、山水，授课教师戚海棠。",
            "声乐班：发声训练与合唱，授课教师符丽娟。",
            "电子琴班：零基础入门，每班限15人。",
            "摄影班：手机摄影与后期修图。",
            "养生保健班：中医养生与八段锦。",
        ),
    ),
    (
        10.9,
        6.8,
        8.6,
        12.0,
        12,
        (
            "报名须知",
            "报名时间：8月21日至8月31日，每天上午8:30至11:30。",
            "报名地点：县老年大学一楼教务处（县城文昌路46号）。",
            "报名条件：年龄在55至78周岁之间，身体健康，生活能够自理。",
            "收费标准：每门课程每学期学费150元，教材费另计。",
            "每人限报两门课程，报满即止。",
            "报名时请带身份证和一寸照片两张。",
        ),
    ),
    (
        1.5,
        19.6,
        18.0,
        2.6,
        12,
        ("咨询电话：0746-5226174　联系人：伍书琪", "栖梧县老年大学　2028年8月10日"),
    ),
)
COLLEGE = tuple(("body", line) for *_, lines in COLLEGE_BOXES for line in lines)

_FODG_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.graphics">
 <office:meta><meta:initial-creator>{author}</meta:initial-creator></office:meta>
 <office:automatic-styles>
  <style:page-layout style:name="PM1"><style:page-layout-properties fo:margin-top="0cm" fo:margin-bottom="0cm"
   fo:margin-left="0cm" fo:margin-right="0cm" fo:page-width="21cm" fo:page-height="29.7cm"
   style:print-orientation="portrait"/></style:page-layout>
  <style:style style:name="dp1" style:family="drawing-page"/>
  <style:style style:name="gr1" style:family="graphic"><style:graphic-properties draw:stroke="none"
   draw:fill="none" draw:textarea-vertical-align="top" draw:auto-grow-height="false" fo:padding-top="0.2cm"
   fo:padding-left="0.3cm" fo:padding-right="0.3cm"/></style:style>
  <style:style style:name="gr2" style:family="graphic"><style:graphic-properties draw:stroke="solid"
   svg:stroke-color="#8b1a1a" draw:fill="solid" draw:fill-color="#fbf3e6" draw:textarea-vertical-align="top"
   draw:auto-grow-height="false" fo:padding-top="0.3cm" fo:padding-left="0.3cm" fo:padding-right="0.3cm"/></style:style>
{paragraph_styles}
 </office:automatic-styles>
 <office:master-styles><style:master-page style:name="Default" style:page-layout-name="PM1"
  draw:style-name="dp1"/></office:master-styles>
 <office:body><office:drawing><draw:page draw:name="page1" draw:master-page-name="Default">
"""


def _paragraph_style(size: int, centred: bool, bold: bool) -> str:
    name = f"P{size}{'c' if centred else ''}{'b' if bold else ''}"
    weight = ' fo:font-weight="bold" style:font-weight-asian="bold"' if bold else ""
    return (
        f'  <style:style style:name="{name}" style:family="paragraph"><style:paragraph-properties '
        f'fo:text-align="{"center" if centred else "start"}" fo:margin-bottom="0.15cm"/>'
        f'<style:text-properties fo:font-size="{size}pt" style:font-size-asian="{size}pt" '
        f"fo:font-family=\"'Noto Sans CJK SC'\" style:font-family-asian=\"'Noto Sans CJK SC'\"{weight}/>"
        "</style:style>"
    )


def college_fodg() -> str:
    styles: dict[str, str] = {}
    frames = []
    for number, (x, y, width, height, size, lines) in enumerate(COLLEGE_BOXES):
        boxed = len(lines) > 1 and number in (2, 3)
        paragraphs = []
        for i, line in enumerate(lines):
            centred = number in (0, 4)
            bold = number == 0 or (boxed and i == 0)
            style = _paragraph_style(size + (2 if boxed and i == 0 else 0), centred, bold)
            name = style.split('style:name="')[1].split('"')[0]
            styles[name] = style
            paragraphs.append(f'<text:p text:style-name="{name}">{html.escape(line)}</text:p>')
        frames.append(
            f'  <draw:frame draw:style-name="{"gr2" if boxed else "gr1"}" draw:layer="layout" '
            f'svg:x="{x}cm" svg:y="{y}cm" svg:width="{width}cm" svg:height="{height}cm">'
            f"<draw:text-box>{''.join(paragraphs)}</draw:text-box></draw:frame>"
        )
    return (
        _FODG_HEAD.format(author=AUTHOR, paragraph_styles="\n".join(styles.values()))
        + "\n".join(frames)
        + "\n </draw:page></office:drawing></office:body>\n</office:document>\n"
    )


def write_college(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{path.stem}.fodg"
        source.write_text(college_fodg(), encoding="utf-8")
        soffice_convert(source, "pdf:draw_pdf_Export", path)


WRITERS = {
    f"{BONSAI_TITLE}.pdf": write_bonsai,
    f"{DIABOLO_TITLE}.pdf": write_diabolo,
    f"{CLAY_TITLE}.xlsx": write_clay,
    f"{WALK_TITLE}.pdf": write_walk,
    f"{GUQIN_TITLE}.webp": write_guqin,
    f"{COLLEGE_TITLE}.pdf": write_college,
}


if __name__ == "__main__":
    sys.exit(run_makers(WRITERS, sys.argv, HERE))
