"""The thirty-sixth blind set (cold34): five documents of an invented county bureau (璟川县), each from a
producer or in a shape no earlier set used.

    /work/main/.venv/bin/python benchmarks/corpus-cold34/make_corpus.py [FOLDER [NAME…]]

1. a letter (「函」) from a **Taiwan association, in traditional script, dated in 民國 years** (python-docx:
   受文者, 發文日期 「中華民國120年4月8日」, 發文字號, 主旨, 說明 with items 一、…, the chairman's name);
2. a meeting notice with a **回执 (reply slip) after a cut-off line** 「✂」 (python-docx → LibreOffice
   Writer PDF: the notice, signature and date, then 「✂ - - - 沿此线剪下 - - -」, 「回执」 and its table);
3. a notice **typed in full-width mode** (「全角」: ２０３１, ＱＱ, ＡＢ), half-width commas and full stops
   among Chinese (「,」「.」), its date in Chinese numerals (「二〇三一年七月十五日」), saved as GB18030 text;
4. a 台账 workbook of three sheets **saved as a web page by LibreOffice Calc** (openpyxl → ``soffice
   --convert-to html``: one page, each sheet a ``<h1>`` and a table, the sheet list at the top);
5. a scanned notice **saved as a GIF** (256 greys), as a county site's 「通知公告」 posts a page picture.

Every name, address, telephone number and amount is invented. Needs LibreOffice (Writer, Calc),
poppler-utils, reportlab, openpyxl and Pillow (for making the files only); none is a new speechqa
dependency. A re-run gives the same text; the bytes differ.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.fixtures.corpus_writers import (  # noqa: E402
    run_makers,
    soffice_convert,
    write_crlf_text,
    write_docx,
    write_scan,
)
from tests.fixtures.office_writers import Sheet, write_workbook  # noqa: E402

AUTHOR = "中共璟川县委老干部局"

# --- 1. a Taiwan association's letter in traditional script, dated in 民國 years -------------------

TAIWAN = (
    ("title", "臺中市銀髮族休閒協會　函"),
    ("body", "地址：臺中市西區公益路二段51號7樓"),
    ("body", "聯絡人：幹事 溫家蓁　電話：(04)2325-8716"),
    ("body", "受文者：璟川縣委老幹部局"),
    ("body", "發文日期：中華民國120年4月8日"),
    ("body", "發文字號：中銀休字第1200000415號"),
    ("body", "附件：交流團成員名冊一份"),
    (
        "body",
        "主旨：本會擬組團於民國120年5月12日至16日赴貴縣進行銀髮書畫與太極拳交流參訪，敬請惠予協助安排，"
        "請查照。",
    ),
    ("body", "說明："),
    (
        "body",
        "一、本會成立於民國89年，現有會員六百餘人，以推廣高齡者休閒、書畫及健身活動為宗旨，"
        "與貴縣老年大學已有三年書信往來。",
    ),
    (
        "body",
        "二、交流團由本會理事長葉淑媛率領，成員共二十二人，平均年齡六十八歲，其中書畫組十四人、"
        "太極拳組八人。",
    ),
    (
        "body",
        "三、擬請貴局協助安排參觀璟川縣老年大學及縣老幹部活動中心，並於5月14日下午舉辦書畫筆會一場，"
        "本會將致贈會員合作長卷《寶島銀髮春秋》一幅。",
    ),
    (
        "body",
        "四、交流期間之食宿及交通費用均由本會自理，敬請貴局代為推薦縣城內設有無障礙設施之旅館。",
    ),
    ("body", "五、如蒙同意，請於民國120年4月30日前函復本會，以利辦理入境及保險手續。"),
    ("right", "理事長　葉淑媛"),
)

# --- 2. a meeting notice with a reply slip after a cut-off line -----------------------------------

MEETING = (
    ("title", "关于召开璟川县2031年离退休干部工作会议的通知"),
    ("body", "各乡镇党委，县直各单位党组（党委）："),
    (
        "body",
        "经县委同意，定于2031年3月12日召开全县离退休干部工作会议，总结2030年工作，部署2031年任务。"
        "现将有关事项通知如下。",
    ),
    ("heading1", "一、会议时间"),
    ("body", "2031年3月12日（星期三）上午9:00开始，会期半天，8:40前签到入场。"),
    ("heading1", "二、会议地点"),
    ("body", "县行政中心四楼第二会议室（璟川县滨江东路208号）。"),
    ("heading1", "三、参会人员"),
    (
        "body",
        "各乡镇党委分管老干部工作的副书记、县直各单位分管领导和老干部工作联络员，每单位限两人。",
    ),
    ("heading1", "四、有关要求"),
    (
        "body",
        "请参会人员准时出席，不得无故缺席，确需请假的须经县委老干部局局长邬明哲同意。会议材料于会前发放，"
        "请各单位提前准备好本单位2030年老干部工作书面总结，不超过3000字。",
    ),
    (
        "body",
        "请各单位于3月6日前将参会回执传真至县委老干部局办公室（传真0739-5216088），"
        "联系人庞书琳，电话0739-5216081。",
    ),
    ("right", "中共璟川县委老干部局"),
    ("right", "2031年2月24日"),
    ("body", "✂- - - - - - - - - - - - - - 沿此线剪下 - - - - - - - - - - - - - -"),
    ("heading1", "回　执"),
    (
        "table",
        [
            ["单位名称", "姓名", "职务", "联系电话", "是否需要用餐"],
            ["", "", "", "", ""],
            ["", "", "", "", ""],
        ],
    ),
    ("body", "注：请于2031年3月6日前传真回执，逾期视为不参会。"),
)

# --- 3. a notice typed in full-width mode, GB18030 text -------------------------------------------

FULLWIDTH = [
    "璟川县老年大学２０３１年秋季学期招生简章",
    "",
    "各位离退休老同志:",
    "    璟川县老年大学２０３１年秋季学期定于９月１日开学,现面向全县离退休干部和６０周岁以上老年人招生.有关事项如下.",
    "    一、开设班级.本学期开设书法、国画、声乐、太极拳、智能手机应用、ＡＩ绘画体验共６个专业,每个专业设初级班和提高班.",
    "    二、报名时间和方式.报名时间为２０３１年８月１８日至８月２９日,每天上午８:３０至１１:３０.可到县老年大学教务处现场报名,也可加入ＱＱ群７３６２１５８０９在线报名.",
    "    三、学费标准.每个专业每学期学费２００元,离休干部和８０周岁以上学员免收学费.每人最多报两个专业.",
    "    四、上课地点.县老年大学教学楼(璟川县文昌路６６号)Ａ座和Ｂ座,智能手机应用班在Ｂ座三楼电脑室上课.",
    "    五、联系方式.教务处余静姝,电话０７３９－５２２７４３０.",
    "",
    "                                        璟川县老年大学",
    "                                    二〇三一年七月十五日",
]

# --- 4. a 台账 workbook saved as a web page by LibreOffice Calc -----------------------------------

VISITS = (
    Sheet(
        "走访慰问台账",
        [
            ["璟川县2031年春节走访慰问离退休干部台账"],
            ["序号", "姓名", "原单位及职务", "年龄", "走访时间", "走访领导", "慰问金（元）"],
            [1, "祁振邦", "县人大常委会原副主任", 88, "2031年1月13日", "县委副书记 贺一鸣", 2000],
            [2, "芮秋华", "县教育局原局长", 91, "2031年1月14日", "县委组织部部长 骆承泽", 2000],
            [3, "甘树林", "县水利局原副局长", 79, "2031年1月15日", "县委老干部局局长 邬明哲", 1000],
            [4, "殷佩兰", "县妇联原主席", 84, "2031年1月16日", "县委老干部局局长 邬明哲", 1500],
            [5, "尉迟文瀚", "县中医院原院长", 95, "2031年1月17日", "县委副书记 贺一鸣", 3000],
        ],
        merges=("A1:G1",),
    ),
    Sheet(
        "困难帮扶台账",
        [
            ["2031年离退休干部困难帮扶台账"],
            ["姓名", "困难情况", "帮扶措施", "帮扶金额（元）", "责任人"],
            [
                "甘树林",
                "老伴长期卧床，本人患糖尿病",
                "申请县老干部帮扶基金，每月上门巡诊一次",
                5000,
                "庞书琳",
            ],
            ["蓝桂芝", "独居，住房漏雨", "协调住建部门维修屋顶，安排志愿者每周探望", 3000, "费志远"],
        ],
        merges=("A1:E1",),
    ),
    Sheet(
        "填表说明",
        [
            ["填表说明"],
            ["1. 慰问金标准：90周岁以上3000元，85至89周岁2000元，80至84周岁1500元，其余1000元。"],
            ["2. 台账每月5日前更新一次，由服务管理科费志远汇总报局长审核。"],
            ["3. 慰问金由县财政老干部专项经费列支，走访后三个工作日内发放到本人银行卡。"],
        ],
    ),
)

# --- 5. a scanned notice saved as a GIF ------------------------------------------------------------

HEAT = (
    ("title", "关于做好离退休干部夏季防暑降温工作的通知"),
    ("body", "各乡镇老干部工作站，县直各单位："),
    (
        "body",
        "入夏以来我县持续高温，为保障离退休干部安全度夏，县委老干部局决定于2031年7月1日至8月31日"
        "开展夏季送清凉活动。现将有关事项通知如下。",
    ),
    ("body", "一、每位离退休干部发放防暑降温费300元，由各单位在7月10日前发放到位。"),
    (
        "body",
        "二、县老干部活动中心开放一楼纳凉室，每天上午8时至晚上9时开放，备有绿豆汤、藿香正气水和血压计。",
    ),
    (
        "body",
        "三、各单位要对独居、高龄和患有心脑血管疾病的老同志逐一电话问候，高温红色预警期间每天至少联系一次。",
    ),
    (
        "body",
        "四、遇中暑等紧急情况请拨打120，并报告县委老干部局值班室（值班负责人蒋晓岚），电话0739-5216099。",
    ),
    ("right", "中共璟川县委老干部局"),
    ("right", "2031年6月23日"),
)


def write_taiwan(path: Path) -> None:
    write_docx(TAIWAN, path, author="臺中市銀髮族休閒協會")


def write_receipt(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "notice.docx"
        write_docx(MEETING, source, author=AUTHOR)
        soffice_convert(source, "pdf", path)


def write_fullwidth(path: Path) -> None:
    write_crlf_text(FULLWIDTH, path, "gb18030")


def write_calc_html(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        book = Path(tmp) / f"{path.stem}.xlsx"
        write_workbook(VISITS, book)
        soffice_convert(book, "html", path)


def write_gif(path: Path) -> None:
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "scan.png"
        write_scan(HEAT, png, author=AUTHOR, seed=3405)
        with Image.open(png) as picture:
            picture.convert("L").convert("P", palette=Image.Palette.ADAPTIVE, colors=256).save(path)


WRITERS = {
    "臺中市銀髮族休閒協會函（交流參訪）.docx": write_taiwan,
    "关于召开璟川县2031年离退休干部工作会议的通知（附回执）.pdf": write_receipt,
    "璟川县老年大学2031年秋季学期招生简章.txt": write_fullwidth,
    "璟川县2031年走访慰问和困难帮扶台账.html": write_calc_html,
    "关于做好离退休干部夏季防暑降温工作的通知.gif": write_gif,
}

if __name__ == "__main__":
    raise SystemExit(run_makers(WRITERS, sys.argv, HERE))
