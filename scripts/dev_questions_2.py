"""Append the second batch of staff questions to benchmarks/dev-questions.jsonl and split the whole set.

The questions were written cold from the five bundled speeches (corpus/data/speeches-2024-laoganbu.txt),
before any tuning on them, in every style staff use: short keywords, full questions, colloquial with
typos, traditional script, Chinese numerals instead of digits, and questions naming a year or a speaker.
30 are not answered by the speeches; half of them are near misses (same topic, asking what the speeches
do not say). Gold = short phrases quoted verbatim from the answering passage (see bench/evaluate.py).

The split is made once, here, by a fixed seed, stratified by (style, answerable): `split` is "tune" or
"heldout". Re-running is idempotent: rows already present keep their split.

    python scripts/dev_questions_2.py
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from pathlib import Path

SEED = 20241201
PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "dev-questions.jsonl"

# (question, style, gold phrases, speech number)
ANSWERABLE: list[tuple[str, str, list[str], int]] = [
    # speech 1
    ("老干部工作说到底是什么性质的工作？", "question", ["说到底是政治工作"], 1),
    ("六个老有所 是哪六个", "keyword", ["老有所养、老有所医、老有所教"], 1),
    ("年轻干部对老干部工作应该是啥态度", "colloquial", ["年轻干部要自觉做关心老干部"], 1),
    ("機構改革中老幹部工作能不能削弱", "traditional", ["只能加强不能削弱"], 1),
    ("退休干部人数 逐年递增", "keyword", ["退休干部人数逐年递增"], 1),
    ("现在的退休干部有啥特点，管起来难在哪", "colloquial", ["年龄跨度大、思想活跃、兴趣爱好多样"], 1),
    ("离退休干部党工委 先行先试", "keyword", ["积极稳妥推进离退休干部党工委建设"], 1),
    (
        "各级党委（党组）主要负责同志在离退休干部党建中承担什么责任？",
        "question",
        ["切实履行第一责任人职责"],
        1,
    ),
    ("城市社区离退休干部党建是不是今年的重点", "colloquial", ["积极探索推进城市社区离退休干部党建工作"], 1),
    ("双先典形推荐选树要做好吗", "colloquial", ["典型推荐选树和表彰工作"], 1),
    ("退休干部和离休干部的服务管理要怎么区分？", "question", ["厘清退休干部与离休干部服务管理的区别"], 1),
    (
        "人社、财政、民政、医疗卫生等部门在老干部工作中要做什么？",
        "question",
        ["该由哪个部门承担的责任，要切实承担起来"],
        1,
    ),
    ("互联网+老干部工作", "keyword", ["老干部工作”的深度融合"], 1),
    ("谁掌握了互联网谁就把握住了时代主动权", "keyword", ["谁掌握了互联网，谁就把握住了时代主动权"], 1),
    ("老干部工作部门的首要任务是啥", "colloquial", ["把政治建设作为老干部工作部门的首要任务"], 1),
    ("老干部工作人员里哪类人才比较缺", "colloquial", ["党建专业人才相对较弱"], 1),
    ("严管厚爱 工作人员", "keyword", ["既要严格执行各项纪律规定，又要关心工作人员的身心健康"], 1),
    ("老干部工作领导小组应当发挥什么作用？", "question", ["统筹协调、组织谋划、指导监督的作用"], 1),
    ("精准理念要把什么作为检验标准？", "question", ["把老干部满意不满意作为实践标准、检验标准"], 1),
    ("離退休幹部黨員佔全市黨員總數多少", "traditional", ["占全市党员总数的"], 1),
    ("2024年全市老干部工作会议上讲话讲了几方面意见", "named", ["和同志们交流三方面意见"], 1),
    ("离休干部每年減少多少人", "traditional", ["速度在减少"], 1),
    # speech 2
    ("沈伟讲话开头对2024年老干部工作作了什么", "named", ["我对我市2024年老干部工作作个简要回顾"], 2),
    ("瓯海老干部局走访了多少位离休干部", "question", ["走访了全区111位离休干部"], 2),
    ("瓯海区走访一百一十一位离休干部花了多久", "numerals", ["瓯海老干部局用两个月时间"], 2),
    ("苍南给那位生活不能自理的离休干部办了啥手续", "colloquial", ["当即为其办理了特殊护理费发放审批手续"], 2),
    ("123456服务工程是哪里推行的？", "question", ["建立为老干部服务的长效机制"], 2),
    ("市委市政府在哪儿建了个老干部活动室", "colloquial", ["县后巷高华公寓，建立了老干部活动室"], 2),
    ("洞头拿出多少财政收入建老干部活动中心？", "question", ["洞头县拿出财政收入的十分之一经费"], 2),
    ("七千六百八十八平方米 活动中心", "numerals", ["新建了7688平方米的老干部活动中心"], 2),
    ("温州老年大学第六届趣味运动会", "keyword", ["市本级举办了温州老年大学第六届趣味运动会"], 2),
    ("“五心”服务品牌最早是什么时候提出来的？", "question", ["去年4月，市局在全市老干部工作会议上"], 2),
    ("市委老干部局连续两年被评为什么", "question", ["市委老干部局连续两年被社会各界评为市满意单位"], 2),
    ("这次会上表彰了多少个市级老干部先进集体", "question", ["市委又表彰了40个市级老干部先进集体"], 2),
    ("四十八名市级老干部先进个人", "numerals", ["48名市级老干部先进个人"], 2),
    (
        "史宪明等几位同志获得省级先进老干部工作者称号？",
        "question",
        ["史宪明等14位同志获得省级先进老干部工作者荣誉称号"],
        2,
    ),
    ("年轻干部不熟息老干部工作咋整", "colloquial", ["由于对老干部工作不熟悉不了解"], 2),
    (
        "家住农村的离休干部 看病报销不方便",
        "keyword",
        ["如何方便家住农村和偏远地区离休干部看病和报销医疗费"],
        2,
    ),
    ("六条经验 以人为本 服务为先", "keyword", ["二是必须以人为本、服务为先"], 2),
    ("老干部活动中心的活动要把哪些结合起来？", "question", ["坚持室内活动与室外活动、内部活动与社会活动"], 2),
    ("七一前后要去慰问哪些人", "colloquial", ["外地的离休干部进行一次慰问"], 2),
    ("帮困机制 离休干部遗属", "keyword", ["有特殊困难的离休干部遗属，给予特别的关心和照顾"], 2),
    ("老干部来信来仿工作要注意啥", "colloquial", ["要认真做好老干部来信来访工作"], 2),
    ("宣传老干部保持晚节的先进典型用什么渠道？", "question", ["利用老干部工作简报和社会宣传媒体"], 2),
    ("离减退增 党支部设置", "keyword", ["认真研究如何创新离退休干部党支部的设置方式和活动形式"], 2),
    (
        "老干部阵地建设要争取纳入什么规划？",
        "question",
        ["规划的重大项目，进一步改善老干部的学习、活动环境"],
        2,
    ),
    (
        "曾庆红要求老干部工作者成为哪些方面的模范",
        "named",
        ["成为熟悉老干部政策、精通老干部工作业务的模范"],
        2,
    ),
    ("五心服務品牌的細心是指什麼", "traditional", ["细致掌握老干部学习、生活、身体、家庭等方面情况"], 2),
    ("贴心 内涵", "keyword", ["是指做老干部的贴心人"], 2),
    ("老幹部黨支部書記培訓班什麼時候辦", "traditional", ["下半年要举办市直老干部党支部书记培训班"], 2),
    ("2024年3月13日的会上要开展哪两大活动", "named", ["在老干部工作系统开展创建"], 2),
    ("五心活动推进会 下半年", "keyword", ["今年下半年再召开创建老干部工作"], 2),
    (
        "老干部建言献策作贡献的活动要坚持啥原则",
        "colloquial",
        ["坚持自觉自愿、量力而为、社会需求同本人志趣相结合的原则"],
        2,
    ),
    ("赵一德副书记在这次会上做什么", "named", ["市委赵一德副书记将在会上作重要讲话"], 2),
    ("王建满在市第十次党代会报告里对老干部工作提了什么", "named", ["进一步做好新形势下的老干部工作"], 2),
    ("白津夫教授来辅导什么", "named", ["邀请中央政策研究室白津夫教授等作六中全会精神辅导"], 2),
    (
        "苍南县委书记、县长给老干部上什么课？",
        "question",
        ["苍南县委书记、县长等领导亲自给老干部上政治理论课"],
        2,
    ),
    # speech 3
    ("学习总书记关于老干部历史功绩的论述，要涵养什么情怀？", "question", ["坚持涵养爱老敬老情怀"], 3),
    ("红色基因 优良作风 传承", "keyword", ["传承老同志在长期革命生涯中铸就的红色基因"], 3),
    (
        "健全老干部工作领导小组",
        "keyword",
        ["要进一步健全老干部工作领导小组，注重发挥其组织、指导和协调作用"],
        3,
    ),
    ("组织老同志学习总书记视察哪里的重要讲话", "colloquial", ["习近平总书记视察湖北重要讲话精神"], 3),
    ("市区两级离退休干部党工委建设有什么要求？", "question", ["抓紧推进市区两级离退休干部党工委建设"], 3),
    ("流动党员 服务管理机制", "keyword", ["离退休干部流动党员服务管理机制"], 3),
    ("一芯驱动 两带支撑 三区协同", "keyword", ["一芯驱动、两带支撑、三区协同"], 3),
    ("七军会的时候老同志能干点啥", "colloquial", ["和“七军会”等正能量活动"], 3),
    ("老干部时政宣讲团", "keyword", ["建立完善老干部时政宣讲团、网宣队、法律服务队"], 3),
    ("老干部工作要从做了转向什么", "colloquial", ["推动老干部工作从“做了”向“做好”"], 3),
    ("老干部教育网络集群有什么用？", "question", ["通过老干部教育网络集群，让老干部接受学习信息更加便利"], 3),
    ("服务差异化 精准化", "keyword", ["通过服务的差异化，提升服务的精准化"], 3),
    ("机构改革后老干部工作力量能不能减", "colloquial", ["确保老干部工作力量只增不减、标准只升不降"], 3),
    ("分内事 自家人", "keyword", ["把老干部工作作为“分内事”统筹安排"], 3),
    ("一专多能", "keyword", ["做到“一专多能”"], 3),
    ("老干部工作者要努力成为啥样的人", "colloquial", ["努力成为老干部工作的“专门家”"], 3),
    ("思老干部所盼", "keyword", ["思老干部所盼，谋老干部所需，解老干部所忧"], 3),
    ("老幹部工作者要比工作不比待遇嗎", "traditional", ["比工作不比待遇，讲奉献不讲回报"], 3),
    ("学习形式 专题辅导 集中培训", "keyword", ["采取专题辅导、集中培训、座谈交流、信息化平台推送等举措"], 3),
    # speech 4
    ("我国进入老龄化社会 老干部", "keyword", ["我国已进入老龄化社会"], 4),
    ("老干部的历史反映和凝聚了哪些历史？", "question", ["反映和凝聚了我们党的历史、新中国诞生史"], 4),
    ("尊老敬贤", "keyword", ["尊老敬贤是中华民族的优良传统和良好美德"], 4),
    ("老干部生活待遇只是钱的事儿吗", "colloquial", ["不仅是经济问题，而且是政治问题"], 4),
    ("从二〇二四年起还能拖欠离休干部两费吗", "numerals", ["从2024年起当年不得拖欠离休干部"], 4),
    ("两费拖欠出了事 追责", "keyword", ["要实行责任追究制"], 4),
    ("建国五十五周年 清兑陈欠", "numerals", ["全面彻底地清兑离休干部历年结转下来的陈欠"], 4),
    ("王东明副部长怎么说衡量三个机制", "named", ["不仅要看文件是否下发了，还要看机制是否正常运转起来"], 4),
    ("三个机制年底前要覆盖到谁？", "question", ["年底前，在政策上要覆盖到所有离休干部"], 4),
    ("财政部门在三个机制里要干嘛", "colloquial", ["财政部门要加大资金支持和保障力度"], 4),
    (
        "老干部工作需要哪些部门配合？",
        "question",
        ["需要组织、人事、财政、劳动保障、卫生、经贸等部门密切配合"],
        4,
    ),
    ("双高期 是什么意思", "keyword", ["高龄和高发病"], 4),
    ("党员老干部 保持先进性", "keyword", ["认真研究党员老干部保持共产党员先进性的问题"], 4),
    ("事迹突出的老同志今年要表彰吗", "colloquial", ["市委决定今年对事迹突出的老同志进行表彰"], 4),
    ("老幹部政治待遇長效機制的關鍵是什麼", "traditional", ["关键是所在单位的党组织要担负起责任"], 4),
    # speech 5
    ("全省会议上有六家单位交流发言吗", "numerals", ["等6家单位作了很好的交流发言"], 5),
    ("宣讲 助力 建言 礼赞 网上正能量活动", "keyword", ["为主要内容的"], 5),
    ("离退休干部四先表彰大会", "keyword", ["表彰大会、关心下一代工作表彰大会"], 5),
    ("纪念抗战胜利75周年时慰问了哪些人？", "question", ["广泛走访慰问离休干部及有特殊困难的老同志"], 5),
    ("抗美援朝出国作战七十周年 走访慰问", "numerals", ["广泛走访慰问离休干部及有特殊困难的老同志"], 5),
    (
        "省属困难企业离休干部 两项经费",
        "keyword",
        ["全面落实省属困难企业离休干部两项经费、遗属生活困难补助费"],
        5,
    ),
    ("八个标准化 五项管理制度", "keyword", ["“八个标准化”“五项管理制度”"], 5),
    ("专题报告会收听收看的老同志有多少人次？", "question", ["收听收看老同志超8万人次"], 5),
    (
        "有多少离退休干部党员在网上过组织生活",
        "colloquial",
        ["组织引导18万多名离退休干部党员在网上开展组织生活"],
        5,
    ),
    ("十九万多名老同志装了啥", "numerals", ["指导全省19万多名老同志安装使用"], 5),
    (
        "省直离退休干部党建工作经费怎么管理？",
        "question",
        ["省直机关事业单位离退休干部党建工作经费使用管理办法"],
        5,
    ),
    ("全省老干部工作文件选编", "keyword", ["编纂完成《全省老干部工作文件选编》"], 5),
    ("帮扶组长单位", "keyword", ["认真履行XX县帮扶组长单位职责"], 5),
    ("管理服务退休干部的实践探索还存在什么不足？", "question", ["管理服务退休干部的实践探索还不够深"], 5),
    ("截至2024年底全省有多少个离退休干部党组织", "named", ["有离退休干部党组织3000多个"], 5),
    ("离退休干部党员占党员总数几分之几", "question", ["占党员总数的1/10"], 5),
    ("文化养老 转变", "keyword", ["向“关注精神生活”转变"], 5),
    ("老同志文化养老就是唱唱跳跳吗", "colloquial", ["已不再局限于学学唱唱跳跳"], 5),
    ("2024年全省老干部工作的总体要求是什么？", "named", ["今年全省老干部工作的总体要求是"], 5),
    ("造形 铸魂", "keyword", ["既要“造形”、更要“铸魂”"], 5),
    ("厅级退休干部读书班今年还办不办", "colloquial", ["党性教育培训班和厅级退休干部读书班"], 5),
    ("标准化先进党支部 选树活动", "keyword", ["标准化先进党支部”选树活动"], 5),
    ("全省老干部书画摄影联展", "keyword", ["通过举办全省老干部书画摄影联展"], 5),
    ("学党史颂党恩跟党走征文", "colloquial", ["网上征文及快闪视频征集活动"], 5),
    ("离退休干部助力乡村振兴", "keyword", ["离退休干部助力乡村振兴暨基层治理"], 5),
    ("五老队伍建设", "keyword", ["要持续加强新时代“五老”队伍建设"], 5),
    (
        "身患重病的老同志要帮他们解决哪些实际问题？",
        "question",
        ["帮助他们解决看病、住院、护理、照料的实际问题"],
        5,
    ),
    ("老干部事业要争取纳入哪些十四五规划？", "question", ["养老服务体系建设规划、卫生健康事业发展规划"], 5),
    (
        "为退休干部提供服务保障可以用哪些方式？",
        "question",
        ["统筹利用政府公共服务、购买服务、志愿服务等多种方式"],
        5,
    ),
    ("全省老干部局(处)长培训班", "keyword", ["继续举办全省老干部局（处）长培训班"], 5),
    ("学史明理 学史增信", "keyword", ["学史明理、学史增信、学史崇德、学史力行"], 5),
    ("我為群眾辦實事實踐活動", "traditional", ["我为群众办实事"], 5),
    ("夕陽風采APP要更新什麼功能", "traditional", ["特别是在方便老同志居家基本服务"], 5),
    ("老干部工作者的政治品值有啥要求", "colloquial", ["锤炼对党忠诚的政治品质"], 5),
]

# (question, style, kind): near_miss = same topic, asks what the speeches do not say; off_topic = elsewhere
UNANSWERABLE: list[tuple[str, str, str]] = [
    ("洞头县老干部活动中心是哪一年建成开放的？", "question", "near_miss"),
    ("温州老年大学趣味运动会在哪个场馆举办", "colloquial", "near_miss"),
    ("五心服务先进个人 评选名额", "keyword", "near_miss"),
    ("離休幹部特殊護理費每月標準多少", "traditional", "near_miss"),
    ("夕阳风采APP在哪里下载，怎么注册账号", "colloquial", "near_miss"),
    ("老干部党校开设哪些课程，学制几年？", "question", "near_miss"),
    ("离退休干部党工委书记由谁担任？", "question", "near_miss"),
    ("两费拖欠 利息 补偿", "keyword", "near_miss"),
    ("信息化二期项目总投资是多少万元？", "question", "near_miss"),
    ("省老年大学新址具体在哪条街", "colloquial", "near_miss"),
    ("退休谈话由谁来谈、一般谈多长时间？", "question", "near_miss"),
    ("老干部时政宣讲团有多少名成员", "numerals", "near_miss"),
    ("二〇二四年 离退休干部文艺汇演 报名截止日期", "numerals", "near_miss"),
    ("离休干部遗属生活困难补助费每月发多少", "colloquial", "near_miss"),
    ("沈伟讲话中老干部象棋赛的奖金是多少", "named", "near_miss"),
    ("今天股市行情怎么样", "colloquial", "off_topic"),
    ("醫保卡丟了怎麼補辦", "traditional", "off_topic"),
    ("住房公积金 提取 条件", "keyword", "off_topic"),
    ("延迟退休新规从哪一年开始实施？", "question", "off_topic"),
    ("高血压老人平时饮食要注意点啥", "colloquial", "off_topic"),
    ("机关食堂 每餐 补贴标准", "keyword", "off_topic"),
    ("出差住宿费报销标准是多少？", "question", "off_topic"),
    ("老干部局 邮政编码", "keyword", "off_topic"),
    ("去北京的高铁票怎么买比较便宜", "colloquial", "off_topic"),
    ("职工带薪年休假一年有几天？", "question", "off_topic"),
    ("居住證過期了怎麼續簽", "traditional", "off_topic"),
    ("党费按什么比例交纳？", "question", "off_topic"),
    ("老年人坐公交 免费 多少岁", "keyword", "off_topic"),
    ("2024年春节放假安排是怎样的", "named", "off_topic"),
    ("六十五岁以上老人 体检 免费项目", "numerals", "off_topic"),
]


def main() -> None:
    argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    ).parse_args()
    rows = [json.loads(line) for line in PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
    have = {r["question"] for r in rows}
    for number, (question, style, answers, speech) in enumerate(ANSWERABLE, start=1):
        if question not in have:
            rows.append(
                {
                    "id": f"n{number:03d}",
                    "question": question,
                    "style": style,
                    "answers": answers,
                    "speech": speech,
                }
            )
    for number, (question, style, kind) in enumerate(UNANSWERABLE, start=1):
        if question not in have:
            rows.append(
                {
                    "id": f"v{number:03d}",
                    "question": question,
                    "style": style,
                    "answers": [],
                    "speech": None,
                    "kind": kind,
                }
            )
    # Stratified split, made once: rows that already carry a split keep it.
    strata: dict[tuple[str, bool], list[dict]] = defaultdict(list)
    for r in rows:
        if "split" not in r:
            strata[(r["style"], bool(r["answers"]))].append(r)
    rng = random.Random(SEED)
    turn = 0  # continues across strata, so odd-sized strata do not all favour one half
    for key in sorted(strata, key=lambda k: (k[0], k[1])):
        group = sorted(strata[key], key=lambda r: r["id"])
        rng.shuffle(group)
        for r in group:
            r["split"] = ("tune", "heldout")[turn % 2]
            turn += 1
    PATH.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


if __name__ == "__main__":
    main()
