"""The thirty-first blind set (cold29): five documents of an invented county bureau (漱玉县), each made by a
producer, or kept in a shape, no earlier set used.

    /work/main/.venv/bin/python benchmarks/corpus-cold29/make_corpus.py [FOLDER [NAME…]]

1. a printed notice photographed and kept as **AVIF** (Pillow's libavif encoder, quality 60: a picture
   saved from a browser's 「图片另存为」 or a phone's gallery in AV1 stills);
2. a notice scanned by a 高拍仪 / a scanner's 「黑白」 mode and saved as a **1-bit BMP** (Windows bitmap,
   200 dpi), as those programs save by default;
3. a plan exported to PDF by LibreOffice Writer and **shrunk by Ghostscript** (`gs -sDEVICE=pdfwrite
   -dPDFSETTINGS=/ebook`, as 「PDF 压缩」 tools do before a file goes out by WeChat);
4. a tournament table saved by LibreOffice Calc as a **macro-enabled workbook (.xlsm)**;
5. a notice kept by LibreOffice Writer as a **Word template (.dotx)**, 「另存为模板」 to be reused next year.

Every name, address, telephone number and amount is invented. Needs LibreOffice (Writer, Calc),
poppler-utils, Ghostscript and Pillow with AVIF; none is a speechqa dependency. A re-run gives the same
text; the bytes differ (time stamps, ids, the photo's encoder).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.fixtures.corpus_writers import (  # noqa: E402
    ghostscript_pdf,
    run_makers,
    soffice_convert,
    write_converted,
    write_docx,
    write_photo,
    write_scan,
)
from tests.fixtures.office_writers import Sheet, write_workbook  # noqa: E402

AUTHOR = "中共漱玉县委老干部局"


# --- 1. a printed notice photographed, kept as AVIF -----------------------------------------------------

ERHU = (
    ("title", "关于举办漱玉县老干部二胡演奏培训班的通知"),
    ("body", "各离退休干部党支部："),
    (
        "body",
        "为满足离退休干部学习民族乐器的愿望，县委老干部局定于2029年3月开办二胡演奏培训班。现将有关事项通知如下：",
    ),
    (
        "body",
        "一、培训时间：2029年3月6日至6月26日，每周二上午9:00至11:00，共16课时。",
    ),
    (
        "body",
        "二、培训地点：县老干部活动中心二楼民乐排练厅。",
    ),
    (
        "body",
        "三、授课教师：县文化馆副研究馆员聂承远，曾获省民族器乐大赛银奖。",
    ),
    (
        "body",
        "四、报名办法：每班限招25人，请于2月20日前到活动中心一楼服务台登记，联系人郜雨萱，电话0739-6152847。",
    ),
    (
        "body",
        "五、学员自备二胡和松香，没有乐器的可向活动中心登记借用练习琴，结业时归还。",
    ),
    ("right", AUTHOR),
    ("right", "2029年2月8日"),
)


def write_erhu(path: Path) -> None:
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        photo = Path(tmp) / "photo.jpg"
        write_photo(ERHU, photo, author=AUTHOR, size=13, seed=2029)
        with Image.open(photo) as image:
            image.save(path, "AVIF", quality=60)  # as a browser's 「图片另存为」 or a gallery keeps it


# --- 2. a notice scanned in black and white, kept as a 1-bit BMP ---------------------------------------

PYRO = (
    ("title", "漱玉县老干部烙画体验课报名通知"),
    ("body", "各位离退休老同志："),
    (
        "body",
        "烙画是用电烙笔在木板、竹片上作画的传统技艺。县老年大学联合县非遗保护中心，于2029年4月举办两期"
        "烙画体验课，欢迎大家报名参加。",
    ),
    ("body", "一、第一期4月10日、第二期4月24日，均为下午2:30开始，每期三小时。"),
    ("body", "二、地点在县非遗展示馆二楼传习室（县城南岸街18号）。"),
    ("body", "三、由省级非遗传承人窦志平现场示范，学员在椴木板上完成一幅小品。"),
    ("body", "四、烙笔、木板等材料由非遗保护中心免费提供，作品可以带回家。"),
    ("body", "五、每期限20人，患有心脏病、手部震颤的同志不宜参加。报名电话0739-6158302，找宁晓岑。"),
    ("right", "漱玉县老年大学"),
    ("right", "2029年3月28日"),
)


def write_pyro(path: Path) -> None:
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "scan.png"
        write_scan(PYRO, page, author=AUTHOR, size=13, turn=0.5, seed=2029)
        with Image.open(page) as image:
            # the scanner's 「黑白」 mode: one bit a pixel, a fixed threshold, saved as a Windows bitmap
            image.convert("L").point(lambda v: 255 if v > 150 else 0).convert("1").save(path, "BMP")


# --- 3. a plan exported by Writer, shrunk by Ghostscript -----------------------------------------------

FILM = (
    ("title", "漱玉县离退休干部红色经典电影观影活动实施方案"),
    (
        "body",
        "为引导离退休干部重温党的光辉历程，县委老干部局决定在2029年开展红色经典电影观影活动，制定本方案。",
    ),
    ("heading1", "一、活动时间"),
    ("body", "2029年5月至10月，每月第二个周四下午放映一场，全年共放映6场。"),
    ("heading1", "二、放映地点"),
    (
        "body",
        "城区放映安排在县委党校报告厅，可容纳220人；边远乡镇由县电影公司流动放映队送片下乡，"
        "在乡镇老干部活动室放映。",
    ),
    ("heading1", "三、放映片目"),
    (
        "body",
        "5月放映《地道战》，6月放映《英雄儿女》，7月放映《建党伟业》，8月放映《上甘岭》，"
        "9月放映《开国大典》，10月放映《长津湖》。",
    ),
    ("heading1", "四、组织方式"),
    (
        "body",
        "各离退休干部党支部负责组织本支部人员观影，观影前由支部书记作十分钟导赏，观影后开展交流讨论，"
        "每位党员写一篇观后感。",
    ),
    ("heading1", "五、服务保障"),
    (
        "body",
        "县委党校报告厅设置无障碍通道和轮椅席位8个。放映前半小时开放入场，现场备有老花镜和饮用水。"
        "行动不便的老同志可由家属陪同。",
    ),
    ("heading1", "六、工作联系"),
    ("body", "活动由县委老干部局宣传科负责，联系人雷沐阳，电话0739-6120594。"),
    ("right", AUTHOR),
    ("right", "2029年4月15日"),
)


def write_film(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        writer_pdf = Path(tmp) / "writer.pdf"
        write_converted(FILM, writer_pdf, "pdf", author=AUTHOR, footer=True)
        # 「压缩 PDF」: pictures to 150 dpi, fonts subset
        ghostscript_pdf(writer_pdf, path, "-dCompatibilityLevel=1.4", "-dPDFSETTINGS=/ebook")


# --- 4. a tournament table saved by Calc as a macro-enabled workbook -----------------------------------

GO = (
    Sheet(
        "对阵及积分",
        (
            ("漱玉县2029年老干部围棋友谊赛对阵及积分表", None, None, None, None, None),
            ("序号", "参赛队", "领队", "第一轮对手", "第二轮对手", "积分"),
            (1, "城关镇老干部队", "巩德昌", "青石镇老干部队", "县直机关一队", 4),
            (2, "县直机关一队", "阙文礼", "白沙乡老干部队", "城关镇老干部队", 2),
            (3, "县直机关二队", "荀立言", "柳塘镇老干部队", "青石镇老干部队", 3),
            (4, "青石镇老干部队", "宓永安", "城关镇老干部队", "县直机关二队", 1),
            (5, "白沙乡老干部队", "郁海生", "县直机关一队", "柳塘镇老干部队", 2),
            (6, "柳塘镇老干部队", "谯春林", "县直机关二队", "白沙乡老干部队", 0),
        ),
        merges=("A1:F1",),
    ),
    Sheet(
        "竞赛规程",
        (
            ("竞赛规程", None),
            ("比赛日期", "2029年3月17日至18日"),
            ("比赛地点", "县老干部活动中心三楼棋牌室"),
            ("比赛规则", "采用中国围棋规则，黑贴3又3/4子"),
            ("用时", "每方基本用时40分钟，超时判负"),
            ("计分办法", "每盘胜者得2分，负者得0分"),
            ("裁判长", "县围棋协会副会长蒯志远"),
            ("奖励", "前三名颁发奖杯和围棋书籍"),
        ),
        merges=("A1:B1",),
    ),
)


def write_go(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{path.stem}.xlsx"
        write_workbook(GO, source)
        soffice_convert(source, "xlsm:Calc MS Excel 2007 VBA XML", path)


# --- 5. a notice kept by Writer as a Word template (.dotx) ---------------------------------------------

ART = (
    ("title", "关于征集庆祝漱玉建县七十周年老干部书画摄影作品的通知"),
    ("body", "各乡镇老干部工作站，县直各单位离退休干部党支部："),
    (
        "body",
        "2029年是漱玉建县七十周年。为展示离退休干部的精神风貌，县委老干部局决定征集老干部书画摄影作品，"
        "择优举办展览。现将有关事项通知如下：",
    ),
    ("heading1", "一、征集对象"),
    ("body", "全县离退休干部，以及在漱玉工作过的异地安置离退休干部。"),
    ("heading1", "二、作品要求"),
    (
        "body",
        "书法、国画作品尺寸不超过四尺整张，须托裱；摄影作品须为2024年以后拍摄，冲印尺寸为12英寸。"
        "每人限报书画、摄影作品各两件。",
    ),
    ("heading1", "三、报送时间和地点"),
    (
        "body",
        "作品请于2029年7月31日前送到县老干部活动中心四楼展览办公室，联系人卞若琳，电话0739-6127153。",
    ),
    ("heading1", "四、评选和展览"),
    (
        "body",
        "县书法家协会、美术家协会和摄影家协会组成评委会评选，入选作品于9月26日起在县博物馆临展厅展出"
        "十天，并编入纪念画册。",
    ),
    ("right", AUTHOR),
    ("right", "2029年5月6日"),
)


def write_art(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{path.stem}.docx"
        write_docx(ART, source, author=AUTHOR)
        soffice_convert(source, "dotx:MS Word 2007 XML Template", path)


WRITERS = {
    "关于举办漱玉县老干部二胡演奏培训班的通知.avif": write_erhu,
    "漱玉县老干部烙画体验课报名通知.bmp": write_pyro,
    "漱玉县离退休干部红色经典电影观影活动实施方案.pdf": write_film,
    "漱玉县2029年老干部围棋友谊赛对阵及积分表.xlsm": write_go,
    "关于征集庆祝漱玉建县七十周年老干部书画摄影作品的通知.dotx": write_art,
}


if __name__ == "__main__":
    sys.exit(run_makers(WRITERS, sys.argv, HERE))
