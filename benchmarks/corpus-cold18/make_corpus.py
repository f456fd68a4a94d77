"""Make the twentieth, cold question set's corpus with real producers (re-runnable; output is committed).

    EASYOFD_PYTHON=/path/to/venv/bin/python /work/main/.venv/bin/python benchmarks/corpus-cold18/make_corpus.py [FOLDER]

writes them beside this script, or into FOLDER (to compare a re-run with the committed files), and the
PDFs each OFD was made from into ``FOLDER/../cold18-pdf/`` (the same documents as PDFs, measured
with the same questions for comparison). The writers are shared with the other sets' makers:
``tests/fixtures/corpus_writers.py``; the OFDs are written by **easyofd** (``pip install easyofd``, in any
venv: ``EASYOFD_PYTHON`` names its Python).

Four notices of a city veteran-cadre bureau (鹭川市 is invented; so are all names, numbers, addresses,
telephone numbers and amounts), written for this set only, on topics neither the bundled speeches, the
notice fixtures nor ``corpus-cold2`` … ``corpus-cold17`` treat, each an **OFD** (GB/T 33190, the format
electronic official documents are issued in), made differently:

- ``防范电信网络诈骗宣讲活动通知.ofd`` — a two-page notice set by reportlab (a 「第 N 页」 footer) and
  converted to OFD by easyofd's ``pdf2ofd``: one TextObject per printed line;
- ``口腔健康免费义诊活动通知.ofd`` — a red-headed official document (masthead, 文号, 主送, 版记) typed in
  Word without styles (python-docx), exported to PDF by LibreOffice and converted by easyofd: a line set in
  several fonts (digits in another) comes as several TextObjects;
- ``离退休干部象棋围棋友谊赛通知.ofd`` — a notice printed and scanned (reportlab, ``pdftoppm``, Pillow),
  the page image made an OFD by easyofd's ``jpg2ofd``: an ImageObject only, no text (a scanned OFD);
- ``剪纸非遗传承班招生通知.ofd`` — a notice drawn one character at a time (reportlab's canvas, justified
  lines, a letter-spaced title, a 「— N —」 footer) and converted by easyofd.

Needs python-docx, reportlab, fontTools, Pillow, LibreOffice, ``pdftoppm``/``pdfimages``, the Noto CJK
fonts and easyofd. ``benchmarks/check_questions.py cold18`` imports the parts below to check
``benchmarks/cold18-questions.jsonl``.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.fixtures.corpus_writers import (  # noqa: E402
    scan_pages,
    soffice_convert,
    write_charwise_pdf,
    write_ofd,
    write_official_docx,
    write_reportlab_pdf,
)

OFFICE = "中共鹭川市委老干部局"
AUTHOR = "鹭川市委老干部局"

# --- 1. anti-fraud talks: reportlab → easyofd --------------------------------------------------------

FRAUD_NOTICE = [
    ("title", "关于开展离退休干部防范电信网络诈骗宣讲活动的通知"),
    ("docnum", "鹭老干发〔2027〕14号"),
    ("body", "各县（市、区）委老干部局，市直各单位："),
    (
        "body",
        "近期冒充公检法、冒充客服退款、“高息养老项目”等电信网络诈骗案件在我市老年人中时有发生。为提高离退休干部"
        "识骗防骗能力，守好老同志的“养老钱”，市委老干部局会同市公安局反诈中心，决定在全市开展防范电信网络诈骗"
        "宣讲活动。现将有关事项通知如下。",
    ),
    ("heading1", "一、宣讲时间和形式"),
    (
        "body",
        "宣讲活动自2027年5月10日起至6月30日止，分三种形式进行：一是集中宣讲，在市老干部活动中心报告厅举办两场，"
        "时间为5月12日和5月26日下午2时30分；二是进社区宣讲，由反诈民警到离退休干部集中居住的12个小区上门讲解；"
        "三是线上宣讲，每周三晚上7点在“鹭川老干部”视频号直播。",
    ),
    ("heading1", "二、宣讲内容"),
    (
        "body",
        "宣讲围绕老年人最常遇到的六类骗局展开，结合本市真实案例，讲清骗子的话术和识别方法。重点提醒老同志做到"
        "“三不一多”：不轻信陌生来电，不透露银行卡号和验证码，不向陌生账户转账，多与子女和社区民警商量。",
    ),
    (
        "body",
        "宣讲现场将指导老同志在手机上安装“国家反诈中心”应用程序，并开通来电预警功能。现场设咨询台，"
        "老同志可带上近期收到的可疑短信或转账记录请民警帮助辨别。",
    ),
    ("heading1", "三、组织要求"),
    (
        "body",
        "各单位要组织本单位离退休干部至少参加一次宣讲，行动不便的老同志可由家属代为参加或者观看直播回放。"
        "参加集中宣讲的，请于每场宣讲前3天将人数报市委老干部局服务管理处，每场限200人。",
    ),
    (
        "body",
        "活动结束后，各单位要在7月10日前报送工作小结。发现老同志被骗的，要第一时间拨打96110反诈专线或者就近报警，"
        "并协助做好止付工作。",
    ),
    ("body", "联系人：服务管理处 蔡锦文，联系电话：0596-6128735。"),
    ("right", OFFICE),
    ("right", "2027年4月28日"),
]

# --- 2. a dental check: Word without styles → LibreOffice PDF → easyofd --------------------------------

DENTAL_NOTICE = [
    ("masthead", "中共鹭川市委老干部局文件"),
    ("docnum", "鹭老干〔2027〕21号"),
    ("title", "关于开展离退休干部口腔健康免费义诊活动的通知"),
    ("addressee", "各县（市、区）委老干部局，市直各单位老干部工作部门："),
    (
        "body",
        "为贯彻落实全国爱牙日主题宣传要求，关心离退休干部口腔健康，市委老干部局联合鹭川市口腔医院，"
        "定于2027年9月开展离退休干部口腔健康免费义诊活动。现将有关事项通知如下。",
    ),
    ("heading1", "一、义诊时间和地点"),
    (
        "body",
        "义诊时间为2027年9月20日至9月24日，每天上午8时30分至11时30分。地点在鹭川市口腔医院门诊楼三楼"
        "老年口腔诊疗中心（滨江路88号）。",
    ),
    ("heading1", "二、义诊项目"),
    (
        "body",
        "义诊项目包括口腔检查、全景片拍摄、牙周健康评估和假牙清洗四项，全部免费。检查中发现需要进一步治疗的，"
        "按医院常规收费，离休干部的治疗费用按规定报销。",
    ),
    (
        "body",
        "医院为每位参加义诊的老同志建立口腔健康档案，并赠送一套软毛牙刷和牙线。",
    ),
    ("heading1", "三、预约方式"),
    (
        "body",
        "义诊实行预约，每天限60人。请各单位汇总本单位报名名单，于9月13日前报市委老干部局活动中心，由活动中心"
        "统一向医院预约，并把预约日期通知到本人。",
    ),
    ("heading1", "四、注意事项"),
    (
        "body",
        "参加义诊的老同志请携带身份证和医保卡；正在服用抗凝药物的，请在检查前主动告诉医生。80周岁以上的"
        "老同志请由家属陪同。",
    ),
    ("right", OFFICE),
    ("right", "2027年8月30日"),
    ("copyto", "抄送：鹭川市口腔医院，市卫生健康委员会。"),
    ("printed", ("中共鹭川市委老干部局办公室", "2027年8月30日")),
]

# --- 3. a chess match: printed, scanned, the page image made an OFD -----------------------------------

CHESS_NOTICE = [
    ("title", "关于举办离退休干部象棋围棋友谊赛的通知"),
    ("body", "各县（市、区）委老干部局，市直各单位："),
    (
        "body",
        "为丰富离退休干部精神文化生活，市委老干部局定于2027年10月举办全市离退休干部象棋围棋友谊赛。"
        "现将有关事项通知如下。",
    ),
    ("heading1", "一、比赛时间和地点"),
    ("body", "比赛于10月19日至10月21日在市老年大学棋艺教室举行，每天上午9时开赛。"),
    ("heading1", "二、参赛办法"),
    (
        "body",
        "象棋和围棋各设个人赛，每人限报一个项目。每个单位象棋、围棋各限报3人。比赛采用瑞士制，"
        "象棋每方用时30分钟，围棋每方用时45分钟。",
    ),
    ("heading1", "三、奖项设置"),
    ("body", "每个项目分别录取前八名，颁发奖杯和证书；另设“最佳风范奖”10名。"),
    ("heading1", "四、报名"),
    ("body", "请于10月8日前将报名表交市老年大学教务处，联系人：顾明轩，电话：0596-6125091。"),
    ("right", OFFICE),
    ("right", "2027年9月15日"),
]

# --- 4. a paper-cutting class: drawn one character at a time → easyofd ---------------------------------

PAPERCUT_NOTICE = [
    ("title", "剪纸非遗传承班招生通知"),
    (
        "body",
        "鹭川剪纸是省级非物质文化遗产。为传承好这门手艺，市老年大学开设剪纸非遗传承班，由省级非遗传承人"
        "郁秀萍老师授课，面向全市离退休干部招收学员。",
    ),
    ("heading1", "一、课程安排"),
    (
        "body",
        "传承班学制一年，分春秋两个学期，每周二下午2时至4时上课，共32次课。第一学期学习折剪、阴刻和阳刻等基本"
        "技法，第二学期学习团花、窗花和生肖作品的创作。",
    ),
    ("heading1", "二、招生对象和名额"),
    (
        "body",
        "招收身体健康、视力良好的离退休干部25名，不要求有剪纸基础。报名人数超过名额的，按报名先后顺序录取。",
    ),
    ("heading1", "三、费用"),
    (
        "body",
        "学费全免。剪刀、刻刀、蜡板和红宣纸等材料由学校统一采购，每位学员每学期交材料费80元。",
    ),
    ("heading1", "四、报名时间和方式"),
    (
        "body",
        "报名时间为2027年2月22日至3月5日，请本人持退休证到市老年大学一楼招生办公室现场报名。"
        "结业时举办学员作品展，优秀作品推荐参加全省老年剪纸作品展。",
    ),
    ("right", "鹭川市老年大学"),
    ("right", "2027年2月15日"),
]

DOCUMENTS = {
    "防范电信网络诈骗宣讲活动通知": FRAUD_NOTICE,
    "口腔健康免费义诊活动通知": DENTAL_NOTICE,
    "离退休干部象棋围棋友谊赛通知": CHESS_NOTICE,
    "剪纸非遗传承班招生通知": PAPERCUT_NOTICE,
}


def _libreoffice_pdf(docx: Path, out: Path) -> Path:
    made = out / f"{docx.stem}.pdf"
    soffice_convert(docx, "pdf", made)
    return made


def main(folder: Path = HERE) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    pdfs = folder.parent / "cold18-pdf"
    pdfs.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        name = "防范电信网络诈骗宣讲活动通知"
        write_reportlab_pdf(FRAUD_NOTICE, pdfs / f"{name}.pdf", author=AUTHOR, size=13)
        write_ofd(pdfs / f"{name}.pdf", folder / f"{name}.ofd")

        name = "口腔健康免费义诊活动通知"
        write_official_docx(DENTAL_NOTICE, work / f"{name}.docx", author=AUTHOR)
        shutil.copy(_libreoffice_pdf(work / f"{name}.docx", work), pdfs / f"{name}.pdf")
        write_ofd(pdfs / f"{name}.pdf", folder / f"{name}.ofd")

        name = "离退休干部象棋围棋友谊赛通知"
        scans = work / "scan"
        scans.mkdir()
        pages = scan_pages(CHESS_NOTICE, scans, author=AUTHOR, size=14)
        shutil.copy(scans / "scan.pdf", pdfs / f"{name}.pdf")
        write_ofd(pages, folder / f"{name}.ofd")

        name = "剪纸非遗传承班招生通知"
        write_charwise_pdf(PAPERCUT_NOTICE, pdfs / f"{name}.pdf", author=AUTHOR, size=14)
        write_ofd(pdfs / f"{name}.pdf", folder / f"{name}.ofd")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
