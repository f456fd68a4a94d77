"""Make the twenty-first, cold question set's corpus with real producers (re-runnable; output is committed).

    /work/main/.venv/bin/python benchmarks/corpus-cold19/make_corpus.py [FOLDER]

writes them beside this script, or into FOLDER (to compare a re-run with the committed files). The
writers are ``tests/fixtures/office_writers.py`` (openpyxl, LibreOffice Calc, python-pptx) and
``tests/fixtures/corpus_writers.py`` (text saved with CRLF).

Four files of the kind staff add beside their notices, of a city veteran-cadre bureau (鹤汀市 is
invented; so are all names, numbers, addresses, telephone numbers and amounts), written for this set only,
on topics neither the bundled speeches, the notice fixtures nor ``corpus-cold2`` … ``corpus-cold17`` treat:

- ``钓鱼邀请赛分组安排表.xlsx`` — a fishing match's groups: a merged title row and a merged line under it, a
  **two-row header** (「比赛安排」 merged over 组别, 钓位号, 签到时间), times as Excel times (``h:mm``), one
  withdrawn entrant's row **hidden**, notes under the table; a second sheet of prizes whose amounts are
  **formulas** (``#,##0.00``); a **hidden** sheet of draft scores (openpyxl, saved again by LibreOffice Calc
  so the formulas carry their cached values);
- ``插花艺术培训班课程及经费.xls`` — a flower-arranging course: a sheet of lessons with **Excel dates**
  (``yyyy"年"m"月"d"日"``) and one of its budget with formula amounts and a 合计 row, notes under each
  (openpyxl, converted by LibreOffice Calc to **Excel 97–2003 (BIFF8)**);
- ``重阳节茶话会讲话.pptx`` — the director's speech at the Double Ninth tea party **delivered as a slide
  deck whose speaker notes hold the speech**: a title slide naming speaker and date, bullet slides, a
  table, three text boxes grouped, the footer and slide-number placeholders on every slide (python-pptx);
- ``独居老干部结对帮扶名单.csv`` — a list pairing retired cadres who live alone with volunteers, **saved
  by Excel as CSV on a Chinese PC: GBK, CRLF**, its title in the first cell of a row of empty cells, notes
  after the rows.

Needs openpyxl, python-pptx and LibreOffice Calc. ``benchmarks/check_questions.py cold19`` imports the
sources below to check ``benchmarks/cold19-questions.jsonl``.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.fixtures.corpus_writers import write_crlf_text  # noqa: E402
from tests.fixtures.office_writers import (  # noqa: E402
    MONEY_FORMAT,
    Formula,
    Sheet,
    Slide,
    write_deck,
    write_workbook,
)

OFFICE = "中共鹤汀市委老干部局"

FISHING_SHEETS = (
    Sheet(
        "分组安排",
        rows=(
            ("2027年鹤汀市离退休干部钓鱼邀请赛分组安排表",),
            ("主办单位：中共鹤汀市委老干部局　　比赛日期：2027年4月17日（星期六）",),
            ("序号", "姓名", "原工作单位", "比赛安排", None, None, "备注"),
            (None, None, None, "组别", "钓位号", "签到时间", None),
            (1, "邬晓川", "市水利局", "第一组", "东岸12号", dt.time(7, 30), "自带钓具"),
            (2, "甘慕群", "市供销合作社", "第一组", "东岸15号", dt.time(7, 30), None),
            (3, "裘德安", "市交通运输局", "第二组", "南岸03号", dt.time(7, 45), "需安排轮椅通道"),
            (4, "俞春澜", "市文化馆", "第二组", "南岸06号", dt.time(7, 45), "女子组"),
            (5, "蔺华东", "市气象局", "第二组", "南岸09号", dt.time(7, 45), "已因病退赛"),
            (6, "滕家骏", "市建设银行", "第三组", "西岸21号", dt.time(8, 0), "上届冠军"),
            (7, "闵秋实", "市第二中学", "第三组", "西岸24号", dt.time(8, 0), None),
            (8, "岳鸣泉", "市农业农村局", "第四组", "北岸09号", dt.time(8, 15), "自带钓具"),
            (9, "柴望舒", "市档案馆", "第四组", "北岸11号", dt.time(8, 15), None),
            (),
            ("注：1.比赛地点为白沙湖垂钓中心，报到处设在垂钓中心正门停车场。",),
            ("2.比赛采用手竿，每人限用一竿一钩，竿长不超过5.4米，禁止使用海竿和路亚。",),
            ("3.比赛时间为8:30至11:30，以鱼获总重量排名，重量相同的以尾数多者为先。",),
            ("4.所钓鱼获赛后称重登记，全部放流回湖。",),
            ("5.联系人：市老干部活动中心伍静姝，电话：0573-86219045。",),
        ),
        merges=(
            "A1:G1",
            "A2:G2",
            "A3:A4",
            "B3:B4",
            "C3:C4",
            "D3:F3",
            "G3:G4",
            "A15:G15",
            "A16:G16",
            "A17:G17",
            "A18:G18",
            "A19:G19",
        ),
        hidden_rows=(9,),
    ),
    Sheet(
        "奖项设置",
        rows=(
            ("奖项", "名额", "奖品", "单价（元）", "小计（元）"),
            ("一等奖", 1, "碳素手竿一支及证书", 680, Formula("=B2*D2", "680.00")),
            ("二等奖", 2, "渔具包一套及证书", 360, Formula("=B3*D3", "720.00")),
            ("三等奖", 3, "折叠钓椅一把及证书", 220, Formula("=B4*D4", "660.00")),
            ("参与奖", 12, "保温杯一个", 45, Formula("=B5*D5", "540.00")),
            ("合计", Formula("=SUM(B2:B5)", "18"), None, None, Formula("=SUM(E2:E5)", "2,600.00")),
        ),
        formats={"D": MONEY_FORMAT, "E": MONEY_FORMAT},
    ),
    Sheet(
        "评分草稿",
        rows=(("姓名", "初评"), ("邬晓川", "待定"), ("滕家骏", "待定")),
        hidden=True,
    ),
)

FLOWER_SHEETS = (
    Sheet(
        "课程安排",
        rows=(
            ("2027年秋季离退休干部插花艺术培训班课程安排",),
            ("课次", "上课日期", "时间", "课程内容", "授课老师", "上课地点"),
            (
                "第1课",
                dt.date(2027, 9, 8),
                "14:30-16:30",
                "插花艺术基础与花材认识",
                "尹若兰",
                "老年活动中心二楼花艺教室",
            ),
            (
                "第2课",
                dt.date(2027, 9, 15),
                "14:30-16:30",
                "东方式插花：瓶花与盘花",
                "尹若兰",
                "老年活动中心二楼花艺教室",
            ),
            (
                "第3课",
                dt.date(2027, 9, 22),
                "14:30-16:30",
                "中秋主题桌花制作",
                "卢映雪",
                "老年活动中心二楼花艺教室",
            ),
            (
                "第4课",
                dt.date(2027, 9, 29),
                "14:30-16:30",
                "干花与永生花制作",
                "卢映雪",
                "老年活动中心二楼花艺教室",
            ),
            (
                "第5课",
                dt.date(2027, 10, 13),
                "14:30-16:30",
                "重阳节敬老花篮制作",
                "尹若兰",
                "老年活动中心二楼花艺教室",
            ),
            (
                "第6课",
                dt.date(2027, 10, 20),
                "9:00-11:30",
                "结业作品展评",
                "尹若兰、卢映雪",
                "老年活动中心一楼展厅",
            ),
            (),
            ("说明：1.本期培训班招收学员30名，花材和花器由活动中心统一采购，学员只需自带园艺剪刀和围裙。",),
            ("2.因故不能上课的，请提前一天向班长严素秋请假。",),
        ),
        merges=("A1:F1", "A10:F10", "A11:F11"),
    ),
    Sheet(
        "经费预算",
        rows=(
            ("插花艺术培训班经费预算明细",),
            ("序号", "支出项目", "数量", "单位", "单价（元）", "金额（元）", "备注"),
            (1, "鲜切花花材", 6, "次", 1500, Formula("=C3*E3", "9,000.00"), "每次课30人份"),
            (2, "花器及花泥", 30, "套", 85, Formula("=C4*E4", "2,550.00"), "学员结业后带回家"),
            (3, "授课老师课酬", 12, "课时", 300, Formula("=C5*E5", "3,600.00"), "按市老年大学兼职教师标准"),
            (4, "结业作品展布展", 1, "项", 1200, Formula("=C6*E6", "1,200.00"), None),
            ("合计", None, None, None, None, Formula("=SUM(F3:F6)", "16,350.00"), None),
            (),
            ("经费来源：从市委老干部局2027年度老干部活动经费中列支。",),
        ),
        merges=("A1:G1", "A9:G9"),
        formats={"E": MONEY_FORMAT, "F": MONEY_FORMAT},
    ),
)

TEA_PARTY_SLIDES = (
    Slide(
        "在2027年重阳节离退休干部茶话会上的讲话",
        subtitle=("中共鹤汀市委老干部局局长　龚清源", "2027年10月8日"),
        notes=(
            "尊敬的各位老领导、老同志：大家上午好！",
            "金秋送爽，丹桂飘香。今天是九九重阳节，我们在这里欢聚一堂，共话发展、共叙情谊。"
            "我代表市委老干部局，向各位老领导、老同志致以节日的问候！",
        ),
    ),
    Slide(
        "一、过去一年的主要工作",
        bullets=(
            "走访慰问离退休干部1260人次",
            "新建社区老干部活动站8个",
            "组织“银龄讲习所”宣讲46场",
        ),
        notes=(
            "过去一年，我们坚持把走访慰问作为联系老同志的第一道桥梁，全年走访慰问离退休干部1260人次，"
            "为患病住院的老同志送去慰问金每人800元。",
            "我们在城区和三个镇新建社区老干部活动站8个，老同志在家门口就能读书看报、下棋练字。",
            "“银龄讲习所”走进机关、学校和村社，宣讲46场，听众超过5000人次。",
        ),
    ),
    Slide(
        "二、老同志发挥作用情况",
        table=(
            ("项目", "参与人数", "成效"),
            ("关心下一代", "215人", "结对帮扶困难学生93名"),
            ("基层调解", "64人", "化解邻里纠纷180余起"),
            ("文明劝导", "120人", "劝导不文明行为2300余次"),
        ),
        notes=(
            "老同志们退休不褪色，在关心下一代、基层调解和文明劝导中发挥了重要作用。"
            "特别是64位参加基层调解的老同志，化解邻里纠纷180余起，被群众称为“和事佬”。",
        ),
    ),
    Slide(
        "三、明年的重点安排",
        group=("建成市老干部康养服务中心二期", "开通“银龄健康”家庭医生服务", "举办首届老干部书画联展"),
        notes=(
            "明年，我们将重点办好三件实事。",
            "一是建成市老干部康养服务中心二期，计划于2028年6月底前投入使用，新增康复理疗室和日间照料床位40张。",
            "二是开通“银龄健康”家庭医生服务，每月为80岁以上的离休干部上门问诊一次。",
            "三是举办首届老干部书画联展，展出老同志作品200幅。",
        ),
    ),
    Slide(
        "结束语",
        boxes=("祝各位老领导、老同志节日快乐、福寿安康！",),
        notes=(
            "老同志是党和国家的宝贵财富。我们将一如既往地关心关爱老同志，把服务做到老同志的心坎上。",
            "最后，祝各位老领导、老同志节日快乐、福寿安康！谢谢大家！",
        ),
    ),
)

PAIRING_LINES = (
    "2027年鹤汀市独居离退休干部“银龄结对”帮扶名单,,,,,,",
    "序号,老干部姓名,年龄,居住小区,结对志愿者,志愿者所在单位,探访频次",
    "1,柯伯庸,91,青枫苑小区,欧阳亦舟,鹤汀市第一人民医院,每周一次",
    "2,房瑞云,88,临江花园,莫小棠,鹤汀职业技术学院,每周两次",
    "3,詹怀远,93,状元坊社区,覃思齐,市消防救援支队,每周一次",
    "4,祁淑贞,86,白鹭洲小区,卓一凡,市图书馆,每两周一次",
    "5,薄文渊,90,西山新村,司马映秋,市邮政分公司,每周一次",
    ",,,,,,",
    "注：志愿者每次探访须填写《探访记录卡》，发现老人身体异常立即拨打120并报告社区。,,,,,,",
    "联系人：市委老干部局老龄工作科计文博，电话：0573-86217730,,,,,,",
)


def main(argv: list[str]) -> None:
    out = Path(argv[0]) if argv else HERE
    out.mkdir(parents=True, exist_ok=True)
    write_workbook(FISHING_SHEETS, out / "钓鱼邀请赛分组安排表.xlsx", office=True)
    write_workbook(FLOWER_SHEETS, out / "插花艺术培训班课程及经费.xls")
    write_deck(
        TEA_PARTY_SLIDES, out / "重阳节茶话会讲话.pptx", footer="鹤汀市委老干部局", date="2027年10月8日"
    )
    write_crlf_text(PAIRING_LINES, out / "独居老干部结对帮扶名单.csv", "gbk")


if __name__ == "__main__":
    main(sys.argv[1:])
