"""Make the trial-37 documents: a bureau's year of notices and speeches, handed to the administrator day by day.

Usage: python scripts/trial/make_trial37_docs.py OUTDIR
Needs python-docx, reportlab (its STSong-Light CID font), Pillow, LibreOffice (soffice) and poppler (pdftoppm).

OUTDIR/week/ gets, the texts written for this trial (not from benchmarks/ or tests/):
  day1/  the year's backlog (2025年1–10月): twelve monthly activity notices and topic notices (python-docx),
         speeches by 林晓东, 周海燕 (typed 「周海艳」 in two of them, as the secretary did) and 陈建国 as .docx,
         as LibreOffice PDF and .doc, and as reportlab PDF typeset with its STSong-Light CJK font
  day2/  November's notices, the health-check notice's 修改稿 (the hospital moved the dates), a GBK .txt
  day3/  the year-end speech's draft (征求意见稿, python-docx) and the 象棋比赛 notice that is later withdrawn
  day4/  the year-end speech's final version (定稿, LibreOffice PDF), December's notices
  day5/  a scan of a notice pinned on the board (LibreOffice's page rendered at 200 dpi, turned, noisy, PNG)
Every file is listed with its producer at the end.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from tests.fixtures.corpus_writers import soffice_convert

Paras = list[tuple[str, str]]
ISSUER = "中共温州市委老干部局"
CENTRE = "市老干部活动中心"

# month -> (event, date and time, place, detail): the activity centre's monthly notice
MONTHLY = {
    1: ("迎新春书画展", "1月18日上午9时", "市老干部活动中心二楼展厅", "每人限交作品2件，1月10日前交到展厅"),
    2: ("元宵节灯谜会", "2月12日晚上7时", "市老干部活动中心一楼大厅", "猜中者凭谜条到服务台领取纪念品"),
    3: ("春季健步走", "3月29日上午8时30分", "江心屿东园集合", "年龄在75周岁以下、身体状况良好者自愿报名"),
    4: ("清明节缅怀革命先烈活动", "4月3日上午9时", "温州革命烈士纪念馆", "统一乘车，8时在活动中心门口上车"),
    5: ("健康养生讲座", "5月16日下午2时30分", "市老干部活动中心三楼报告厅", "主讲为市中医院内科主任医师"),
    6: ("端午节包粽子比赛", "5月30日上午9时", "市老干部活动中心食堂", "每队4人，材料由活动中心统一准备"),
    7: ("夏季纳凉晚会", "7月25日晚上7时30分", "世纪广场露天舞台", "遇雨改在活动中心一楼大厅举行"),
    8: (
        "老干部摄影作品征集",
        "8月31日前",
        "市老干部活动中心摄影协会",
        "作品须为本人2025年拍摄，每人不超过5幅",
    ),
    9: ("中秋节联谊会", "10月4日下午3时", "市老干部活动中心一楼大厅", "每位老同志可带一名家属参加"),
    10: ("重阳节登高活动", "10月29日上午8时", "大罗山龙脊登山口", "年满80周岁的老同志改为参加室内茶话会"),
    11: ("老干部门球比赛", "11月15日至16日", "市体育中心门球场", "每个单位可报一支队伍，每队6至8人"),
    12: ("迎新年联欢会", "12月26日下午2时", "市老干部活动中心一楼大厅", "节目报名请于12月15日前联系文体干事"),
}

# topic notices: file name -> (month, day, title, addressee, [(heading or "", sentence)...])
TOPICS: dict[str, tuple[int, int, str, str, list[tuple[str, str]]]] = {
    "走访慰问通知": (
        1,
        6,
        "关于做好2025年春节期间离退休干部走访慰问工作的通知",
        "各县（市、区）委老干部局，市直各单位：",
        [
            (
                "一、慰问对象",
                "全市离休干部、享受副市级以上待遇的退休干部，以及生活困难的退休干部和离休干部遗孀。",
            ),
            ("二、慰问标准", "离休干部每人慰问金1500元，困难退休干部每人800元，所需经费由原单位列支。"),
            ("三、时间安排", "走访慰问于1月10日开始，1月25日前全部完成，1月27日前报送工作小结。"),
        ],
    ),
    "党费收缴通知": (
        2,
        14,
        "关于做好离退休干部党员党费收缴工作的通知",
        "各离退休干部党支部：",
        [
            (
                "一、缴纳标准",
                "离退休干部党员以基本离退休费为计算基数，5000元以下的按0.5%缴纳，5000元以上的按1%缴纳。",
            ),
            ("二、缴纳方式", "党员可按月缴纳，也可按季度缴纳；行动不便的党员可由党小组长代收。"),
            ("三、报送时间", "各党支部每季度末月25日前将党费交至局机关党委，并附缴纳名单。"),
        ],
    ),
    "医疗费报销通知": (
        3,
        3,
        "关于调整离休干部医疗费报销办法的通知",
        "市直各单位：",
        [
            (
                "一、即时结算",
                "自2025年4月1日起，离休干部在市内定点医院就医的医疗费用实行即时结算，个人不再垫付。",
            ),
            ("二、异地就医", "在市外就医的，须事先到市医保中心办理异地就医备案，费用凭发票在三个月内报销。"),
            ("三、咨询电话", "办理中遇到问题，请拨打市委老干部局老干部处电话0577-88961234。"),
        ],
    ),
    "防诈骗宣传通知": (
        4,
        8,
        "关于开展离退休干部防范养老诈骗宣传活动的通知",
        "各县（市、区）委老干部局，市直各单位：",
        [
            ("一、宣传内容", "重点揭露以养老服务、保健品销售、投资理财、以房养老为名的诈骗手法。"),
            ("二、活动形式", "4月至6月，各单位至少组织一次防诈骗专题讲座，邀请公安民警现场讲解典型案例。"),
            ("三、工作要求", "对独居和高龄老同志，要上门发放防诈骗提示卡，提醒不轻信陌生来电。"),
        ],
    ),
    "志愿服务通知": (
        5,
        12,
        "关于组织开展银龄志愿服务活动的通知",
        "各离退休干部党支部：",
        [
            ("一、服务项目", "包括社区义诊、政策宣讲、关心下一代、文明劝导等四类项目。"),
            ("二、报名条件", "年龄在70周岁以下、身体健康、热心公益的离退休干部均可报名。"),
            ("三、激励措施", "每年服务时长满50小时的志愿者，由局里颁发“银龄之星”荣誉证书。"),
        ],
    ),
    "困难帮扶通知": (
        6,
        9,
        "关于做好生活困难离退休干部帮扶工作的通知",
        "各县（市、区）委老干部局：",
        [
            ("一、帮扶范围", "家庭人均月收入低于当地最低工资标准、或因大病造成生活困难的离退休干部。"),
            ("二、帮扶标准", "一次性帮扶金每户3000元至10000元，根据困难程度确定，一年内不重复申请。"),
            ("三、申请程序", "本人申请，原单位审核，县（市、区）委老干部局汇总后于6月30日前报市委老干部局。"),
        ],
    ),
    "信息统计通知": (
        9,
        2,
        "关于开展2025年离退休干部基本信息统计的通知",
        "市直各单位：",
        [
            ("一、统计范围", "截至2025年8月31日本单位管理的全部离休干部和退休干部。"),
            ("二、统计内容", "包括姓名、出生年月、离退休时间、居住地址、联系电话、健康状况和紧急联系人。"),
            ("三、报送要求", "请于9月20日前通过全市老干部信息系统填报，纸质汇总表加盖公章后报送老干部处。"),
        ],
    ),
    "流感疫苗接种通知": (
        10,
        10,
        "关于组织离退休干部免费接种流感疫苗的通知",
        "市直各单位：",
        [
            ("一、接种对象", "本市户籍、年满65周岁的离退休干部，自愿免费接种。"),
            (
                "二、接种时间地点",
                "10月20日至11月30日，在户籍所在地社区卫生服务中心接种，须携带身份证和医保卡。",
            ),
            ("三、注意事项", "正在发热或患急性疾病的，应待病愈后再接种。"),
        ],
    ),
    "报刊订阅通知": (
        11,
        3,
        "关于做好2026年度离退休干部报刊订阅工作的通知",
        "市直各单位：",
        [
            ("一、订阅范围", "为每位离休干部订阅《温州日报》和《中国老年报》各一份，退休干部自愿订阅。"),
            ("二、经费", "离休干部订阅费用由原单位负担，每人每年不超过600元。"),
            ("三、时间", "请于11月25日前到当地邮政支局办理订阅手续。"),
        ],
    ),
    "支部书记培训通知": (
        11,
        10,
        "关于举办全市离退休干部党支部书记培训班的通知",
        "各离退休干部党支部：",
        [
            ("一、培训时间地点", "培训时间为2025年11月24日至26日，地点在市委党校3号楼报告厅。"),
            ("二、培训内容", "党支部工作规范、离退休干部党员教育管理、支部“三会一课”组织方法。"),
            ("三、参训要求", "参训学员须携带本人身份证，培训期间统一安排食宿，不得请假。"),
        ],
    ),
    "冬季防火通知": (
        12,
        1,
        "关于做好冬季老干部活动场所消防安全工作的通知",
        "各县（市、区）委老干部局，市老干部活动中心：",
        [
            ("一、排查隐患", "12月10日前对活动室、老年大学教室的电线、灭火器和疏散通道逐一检查。"),
            ("二、用电管理", "活动场所内禁止使用电暖器、电热毯等大功率电器，离开时必须断电。"),
            ("三、应急演练", "每个活动场所在12月底前至少组织一次消防疏散演练。"),
        ],
    ),
    "年度总结通知": (
        12,
        5,
        "关于报送2025年度老干部工作总结的通知",
        "各县（市、区）委老干部局，市直各单位：",
        [
            ("", "总结字数控制在3000字以内，重点写清落实离退休干部政治待遇、生活待遇的做法和成效。"),
            ("", "请于2025年12月20日前将总结的电子文档发送至市委老干部局综合处邮箱，逾期不再催报。"),
        ],
    ),
}

HEALTH = (
    "离休干部健康体检通知",
    5,
    8,
    "关于开展2025年度离休干部健康体检的通知",
    "市直各单位：",
    [
        ("一、体检时间", "体检时间为2025年5月19日至6月13日，每周一、周三、周五上午7时30分至10时。"),
        ("二、体检医院", "体检在温州医科大学附属第二医院体检中心进行，行动不便的离休干部可由医院派车接送。"),
        ("三、体检项目", "今年新增骨密度检测和颈动脉彩超两个项目，体检费用每人2200元，由市财政统一结算。"),
    ],
)
HEALTH_REVISED = ("2025年5月19日至6月13日", "2025年6月3日至6月27日")

HEAT_TITLE = "关于做好高温天气期间离退休干部关心关爱工作的通知"
HEAT_LINES = [
    "各县（市、区）委老干部局，市直各单位：",
    "入夏以来，我市持续出现高温天气。为保障离退休干部身体健康，现就有关事项通知如下。",
    "一、加强走访联系。对独居、高龄、患病的离退休干部逐一电话联系，每周至少一次。",
    "二、发放防暑物品。为每位离休干部和80周岁以上退休干部发放防暑降温物品，标准为每人300元。",
    "三、减少户外活动。高温期间暂停组织户外集体活动，老年大学7月、8月停课。",
    ISSUER,
    "2025年7月2日",
]
SUBSIDY_TITLE = "关于发放2025年度离休干部取暖补贴的通知"
SUBSIDY_LINES = [
    "市直各单位：",
    "经研究，2025年度离休干部取暖补贴标准为每人1200元，离休干部遗孀每人600元。",
    "补贴由原单位于12月15日前一次性发放到本人账户，不得以实物代替。",
    "已故离休干部当年去世前已满六个月的，补贴发给其遗属。",
    ISSUER,
    "2025年11月20日",
]

# speeches: file stem -> (speaker as typed, date line, title, paragraphs); the speaker line as the file has it
SPEECHES: dict[str, tuple[str, str, str, Paras]] = {
    "林晓东-一季度工作会议讲话": (
        "林晓东",
        "2025年3月20日",
        "在全市老干部工作一季度推进会上的讲话",
        [
            ("Heading 1", "一、一季度工作回顾"),
            ("Normal", "一季度全市走访慰问离退休干部4200人次，发放慰问金560万元，春节慰问做到了全覆盖。"),
            ("Normal", "我们启动了离休干部医疗费即时结算改革，4月1日起全市定点医院全面实行。"),
            ("Heading 1", "二、二季度重点工作"),
            ("Normal", "二季度要抓好离休干部健康体检，确保体检率达到百分之九十五以上。"),
            ("Normal", "要在全市开展防范养老诈骗宣传，让每一位老同志都知道诈骗的常见手法。"),
        ],
    ),
    "周海燕-老年大学工作讲话": (
        "周海艳",
        "2025年4月22日",
        "在全市老年大学工作座谈会上的讲话",
        [
            ("Heading 1", "一、老年大学办学情况"),
            ("Normal", "全市老年大学在校学员达到1.8万人，开设课程210门，其中智能手机应用课程最受欢迎。"),
            ("Normal", "今年新增乡镇教学点8个，让农村的老同志在家门口就能上学。"),
            ("Heading 1", "二、下一步工作要求"),
            ("Normal", "要推进线上课堂建设，年底前每个县（市、区）至少开设3门网络课程。"),
            ("Normal", "要加强师资队伍建设，建立一支不少于300人的志愿者教师队伍。"),
        ],
    ),
    "陈建国-党建工作讲话": (
        "陈建国",
        "2025年6月26日",
        "在全市离退休干部党建工作会议上的讲话",
        [
            ("Heading 1", "一、党支部建设"),
            ("Normal", "全市已建立离退休干部党支部486个，今年要力争百分之八十的支部达到标准化要求。"),
            ("Normal", "对长期居住外地的党员，要通过微信群、电话等方式每月至少联系一次。"),
            ("Heading 1", "二、发挥作用"),
            ("Normal", "要组织老党员参与基层治理，每个支部每年至少开展两次志愿服务活动。"),
        ],
    ),
    "周海燕-文体工作讲话": (
        "周海艳",
        "2025年8月28日",
        "在老干部文体工作交流会上的讲话",
        [
            ("Heading 1", "一、上半年文体活动"),
            ("Normal", "上半年全市举办老干部文体活动320场，参加老同志两万余人次。"),
            ("Normal", "市老干部合唱团在全省老年合唱比赛中获得金奖。"),
            ("Heading 1", "二、下半年安排"),
            ("Normal", "下半年重点办好中秋联谊会、重阳节登高和门球比赛三项活动。"),
            ("Normal", "活动要量力而行，80周岁以上的老同志以室内活动为主。"),
        ],
    ),
    "林晓东-三季度工作会议讲话": (
        "林晓东",
        "2025年10月16日",
        "在全市老干部工作三季度推进会上的讲话",
        [
            ("Heading 1", "一、前三季度成效"),
            ("Normal", "前三季度全市新建老干部活动室27个，离休干部体检率达到百分之九十七。"),
            ("Normal", "为全市312名离休干部建立了“一人一档”健康档案。"),
            ("Heading 1", "二、四季度任务"),
            ("Normal", "四季度要做好冬季防火、取暖补贴发放和年度总结三件事。"),
            ("Normal", "要在年底前完成离退休干部居家养老服务需求评估。"),
        ],
    ),
}
YEAR_END = (
    "周海燕",
    "2025年12月18日",
    "在全市老干部工作年终总结会上的讲话",
    [
        ("Heading 1", "一、全年工作总结"),
        ("Normal", "全年走访慰问离退休干部1.2万人次，帮扶困难老同志186户，发放帮扶金93万元。"),
        ("Normal", "银龄志愿服务队伍发展到5600人，全年服务时长超过十万小时。"),
        ("Heading 1", "二、明年工作思路"),
        ("Normal", "明年要重点推进老干部活动阵地向社区延伸，新建社区老干部活动室30个。"),
        ("Normal", "要办好老年大学春季招生，新开设短视频制作、急救知识等课程。"),
    ],
)
# the draft said 25 rooms and 160 households; the final version corrected both
YEAR_END_DRAFT = (("新建社区老干部活动室30个", "新建社区老干部活动室25个"), ("186户", "160户"))

# the monthly 工作简报, typeset by reportlab (its only copy): month -> figures of that month
BRIEFS = {
    1: ("春节走访慰问离退休干部4200人次", "发放慰问金560万元", "老年大学寒假期间开设书法公益班2个"),
    2: ("收缴离退休干部党员党费38.6万元", "元宵灯谜会参加老同志600余人", "新建社区老干部活动室3个"),
    3: ("健步走活动参加老同志1200人", "办理异地就医备案46人", "老年大学春季开学，新生报到2100人"),
    4: ("举办防诈骗讲座58场", "发放防诈骗提示卡9000张", "清明缅怀活动参加老同志350人"),
    5: ("银龄志愿者新增报名820人", "健康养生讲座听众260人", "离休干部体检启动"),
    6: ("审核困难帮扶申请93户", "端午包粽子比赛有16支队伍参加", "离退休干部党支部标准化验收42个"),
    7: ("高温期间电话联系独居老同志2300人次", "发放防暑降温物品1860份", "纳凉晚会演出节目18个"),
    8: ("征集摄影作品640幅", "老干部合唱团赴杭州参加全省比赛", "老年大学暑期网络课程上线5门"),
    9: ("完成离退休干部信息统计2.3万人", "中秋联谊会参加老同志及家属900人", "新建老干部活动室4个"),
    10: ("重阳登高活动参加老同志700人", "流感疫苗接种首周完成3100人", "三季度推进会召开"),
    11: ("门球比赛有24支队伍参赛", "党支部书记培训班结业学员186人", "报刊订阅完成百分之九十"),
    12: ("取暖补贴发放到位1.1万人", "冬季消防检查活动场所137处", "迎新年联欢会节目报名32个"),
}
# notices also filed as a LibreOffice .doc (the same notice twice, as offices keep them)
AS_DOC = ["医疗费报销通知", "志愿服务通知", "信息统计通知", "报刊订阅通知"]

SCAN_TITLE = "关于老干部活动中心电梯停用检修的通知"
SCAN_LINES = [
    "各位老同志：",
    "因电梯年度检修，活动中心1号电梯自2025年12月22日至12月28日停止使用。",
    "检修期间请走东侧楼梯，行动不便的老同志可到一楼服务台预约工作人员协助。",
    "二楼阅览室临时搬到一楼多功能厅，开放时间不变。",
    "特此通知。",
    CENTRE,
    "2025年12月19日",
]

CHESS_WITHDRAWN = (
    "老干部象棋比赛通知",
    11,
    12,
    "关于举办2025年老干部象棋比赛的通知",
    "各离退休干部党支部：",
    [
        ("一、比赛时间", "比赛定于12月6日上午9时在市老干部活动中心棋牌室举行。"),
        ("二、报名", "每个支部限报2人，请于11月28日前报活动中心文体干事。"),
    ],
)


def cn_date(month: int, day: int) -> str:
    return f"2025年{month}月{day}日"


def notice_paras(addressee: str, items: list[tuple[str, str]], issuer: str, date: str) -> Paras:
    paras: Paras = [("Normal", addressee)]
    for head, text in items:
        if head:
            paras.append(("Heading 1", head))
        paras.append(("Normal", text))
    return [*paras, ("Right", issuer), ("Right", date)]


def monthly_notice(month: int) -> tuple[str, Paras]:
    event, when, where, detail = MONTHLY[month]
    title = f"关于2025年{month}月老干部活动中心活动安排的通知"
    items = [
        ("", f"现将{month}月份活动中心的主要活动安排通知如下，欢迎老同志踊跃参加。"),
        ("一、" + event, f"{event}定于{when}在{where}举行，{detail}。"),
        ("二、日常开放", "活动中心每周二至周日开放，阅览室、棋牌室、乒乓球室照常使用。"),
        ("三、联系方式", f"报名和咨询请联系活动中心文体干事，电话0577-8896{5300 + month}。"),
    ]
    return title, notice_paras("各位老同志：", items, CENTRE, cn_date(month, 2 if month > 1 else 3))


def write_docx(path: Path, title: str, paras: Paras) -> None:
    doc = Document()
    doc.add_paragraph(title, style="Title")
    for style, text in paras:
        if style == "Right":
            p = doc.add_paragraph(text)
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        else:
            doc.add_paragraph(text, style=style)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))


def speech_paras(speaker: str, date: str, body: Paras) -> Paras:
    return [("Subtitle", speaker), ("Subtitle", date), ("Normal", "同志们："), *body]


def reportlab_pdf(path: Path, title: str, lines: list[str], right: int = 0) -> None:
    """Typeset with reportlab's STSong-Light (a CJK CID font), a page number in the footer."""
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle(
        "body", fontName="STSong-Light", fontSize=14, leading=24, firstLineIndent=28, wordWrap="CJK"
    )
    head = ParagraphStyle(
        "head", parent=body, fontSize=20, leading=32, alignment=TA_CENTER, firstLineIndent=0
    )
    sub = ParagraphStyle("sub", parent=body, alignment=TA_CENTER, firstLineIndent=0)
    sign = ParagraphStyle("sign", parent=body, alignment=TA_RIGHT, firstLineIndent=0)

    def footer(canvas, doc) -> None:
        canvas.setFont("STSong-Light", 10)
        canvas.drawCentredString(A4[0] / 2, 36, f"— {doc.page} —")

    story = [Paragraph(title, head), Spacer(1, 12)]
    for i, line in enumerate(lines):
        style = sign if i >= len(lines) - right else body
        story.append(Paragraph(line.lstrip("\x00"), sub if line.startswith("\x00") else style))
    path.parent.mkdir(parents=True, exist_ok=True)
    SimpleDocTemplate(str(path), pagesize=A4, title=title).build(
        story, onFirstPage=footer, onLaterPages=footer
    )


def soffice(sources: list[Path], fmt: str, outdir: Path) -> None:
    """Each source converted by LibreOffice into `outdir`, named as its source with the format's suffix."""
    for source in sources:
        soffice_convert(source, fmt, outdir / f"{source.stem}.{fmt.split(':')[0]}", timeout=600)


def scan_of(pdf: Path, out: Path, work: Path) -> None:
    """A page scanned on the office copier: 200 dpi, turned 0.8°, speckled, grey background, PNG."""
    from PIL import Image, ImageFilter

    subprocess.run(
        ["pdftoppm", "-r", "200", "-f", "1", "-l", "1", "-png", str(pdf), str(work / "s")], check=True
    )
    page = Image.open(next(work.glob("s*.png"))).convert("L")
    rng = random.Random(37)
    px = page.load()
    w, h = page.size
    for _ in range(w * h // 400):  # copier dust
        x, y = rng.randrange(w), rng.randrange(h)
        px[x, y] = rng.randrange(0, 90)
    page = page.point(lambda v: min(v, 236))  # the copier's grey paper
    page = page.rotate(0.8, expand=True, fillcolor=228).filter(ImageFilter.GaussianBlur(0.4))
    out.parent.mkdir(parents=True, exist_ok=True)
    page.save(str(out))


def main(argv: list[str]) -> int:
    if argv in (["-h"], ["--help"]):
        print(__doc__)
        return 0
    if len(argv) != 1:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    out = Path(argv[0])
    week, work = out / "week", out / "work"
    for d in (week, work):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
    producers: dict[Path, str] = {}

    def docx(path: Path, title: str, paras: Paras) -> None:
        write_docx(path, title, paras)
        producers[path] = "python-docx"

    def day_of(month: int) -> str:
        return "day1" if month <= 10 else ("day2" if month == 11 else "day4")

    for month in MONTHLY:
        title, paras = monthly_notice(month)
        docx(week / day_of(month) / f"{month:02d}月/{month}月活动安排.docx", title, paras)
    for name, (month, day, title, to, items) in TOPICS.items():
        docx(
            week / day_of(month) / f"{month:02d}月/{name}.docx",
            title,
            notice_paras(to, items, ISSUER, cn_date(month, day)),
        )
    name, month, day, title, to, items = HEALTH
    docx(week / "day1/05月" / f"{name}.docx", title, notice_paras(to, items, ISSUER, cn_date(month, day)))
    revised = [(h, t.replace(*HEALTH_REVISED)) for h, t in items]
    docx(week / "day2" / f"{name}（修改稿）.docx", title, notice_paras(to, revised, ISSUER, cn_date(5, 20)))
    for month, facts in BRIEFS.items():
        path = week / day_of(month) / f"{month:02d}月/工作简报第{month}期.pdf"
        lines = [
            f"本期为2025年第{month}期（{month}月）。",
            f"一、本月全市{facts[0]}。",
            f"二、{facts[1]}。",
            f"三、{facts[2]}。",
            "中共温州市委老干部局办公室",
            cn_date(month, 28),
        ]
        reportlab_pdf(path, f"老干部工作简报（2025年第{month}期）", lines, right=2)
        producers[path] = "reportlab PDF (STSong-Light)"
    # the July heat notice: a GBK .txt as an old Windows PC saves it (CRLF, full-width indents)
    text = "\r\n".join([HEAT_TITLE, ""] + ["\u3000\u3000" + x if i else x for i, x in enumerate(HEAT_LINES)])
    heat = week / "day1/07月/高温关爱通知.txt"
    heat.write_bytes((text + "\r\n").encode("gbk"))
    producers[heat] = "GBK text (CRLF)"
    subsidy = week / "day2/取暖补贴通知.txt"
    subsidy.write_bytes(("\r\n".join([SUBSIDY_TITLE, "", *SUBSIDY_LINES]) + "\r\n").encode("gbk"))
    producers[subsidy] = "GBK text (CRLF)"
    # speeches: .docx for the first, LibreOffice PDF / .doc / reportlab PDF for the others, and a
    # LibreOffice PDF copy of the first (the same speech from two producers)
    kinds = ["docx", "pdf", "doc", "reportlab", "docx"]
    lo_pdf: list[Path] = []
    lo_doc: list[Path] = []
    for (stem, (speaker, date, title, body)), kind in zip(SPEECHES.items(), kinds, strict=True):
        month = int(date.split("年")[1].split("月")[0])
        folder = week / "day1" / f"{month:02d}月"
        paras = speech_paras(speaker, date, body)
        if kind == "docx":
            docx(folder / f"{stem}.docx", title, paras)
        elif kind == "reportlab":
            lines = ["\x00" + speaker, "\x00" + date] + [t for _, t in paras[2:]]
            path = folder / f"{stem}（排版稿）.pdf"
            reportlab_pdf(path, title, lines)
            producers[path] = "reportlab PDF (STSong-Light)"
        else:
            write_docx(work / f"{stem}.docx", title, paras)
            (lo_pdf if kind == "pdf" else lo_doc).append(work / f"{stem}.docx")
    for name in AS_DOC:
        month, day, title, to, items = TOPICS[name]
        write_docx(work / f"{name}.docx", title, notice_paras(to, items, ISSUER, cn_date(month, day)))
        lo_doc.append(work / f"{name}.docx")
    first = next(iter(SPEECHES))
    shutil.copy(week / "day1/03月" / f"{first}.docx", work / f"{first}（会议材料）.docx")
    lo_pdf.append(work / f"{first}（会议材料）.docx")
    # the year-end speech: the draft (python-docx) on day 3, the final version (LibreOffice PDF) on day 4
    speaker, date, title, body = YEAR_END
    draft = body
    for old, new in YEAR_END_DRAFT:
        draft = [(s, t.replace(old, new)) for s, t in draft]
    docx(
        week / "day3/年终总结会讲话（征求意见稿）.docx", title, speech_paras(speaker, "2025年12月12日", draft)
    )
    write_docx(work / "年终总结会讲话（定稿）.docx", title, speech_paras(speaker, date, body))
    lo_pdf.append(work / "年终总结会讲话（定稿）.docx")
    name, month, day, title, to, items = CHESS_WITHDRAWN
    docx(week / "day3" / f"{name}.docx", title, notice_paras(to, items, CENTRE, cn_date(month, day)))
    # the board's notice, printed by LibreOffice and scanned
    board = [("Normal", x) for x in SCAN_LINES[:-2]] + [("Right", x) for x in SCAN_LINES[-2:]]
    write_docx(work / "board.docx", SCAN_TITLE, board)
    lo_pdf.append(work / "board.docx")
    soffice(lo_pdf, "pdf", work)
    soffice(lo_doc, "doc", work)
    for src in lo_pdf[:-1]:
        dest_day = "day4" if "定稿" in src.stem else "day1"
        month = "" if dest_day == "day4" else _month_folder(src.stem)
        dest = week / dest_day / month / f"{src.stem}（LibreOffice导出）.pdf"
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(src.with_suffix(".pdf")), dest)
        producers[dest] = "LibreOffice PDF"
    for src in lo_doc:
        folder = _month_folder(src.stem)
        if src.stem in TOPICS:
            month = TOPICS[src.stem][0]
            folder = f"{month:02d}月"
            dest = week / day_of(month) / folder / f"{src.stem}（存档）.doc"
        else:
            dest = week / "day1" / folder / f"{src.stem}.doc"
        shutil.move(str(src.with_suffix(".doc")), dest)
        producers[dest] = "LibreOffice .doc (Word 97)"
    scan = week / "day5/公告栏扫描_20251219.png"
    scan_of(work / "board.pdf", scan, work)
    producers[scan] = "scan (LibreOffice PDF, pdftoppm 200 dpi, turned 0.8°, speckled)"
    shutil.rmtree(work)
    for path in sorted(producers):
        print(f"{path.relative_to(week)}\t{producers[path]}")
    print(f"{len(producers)} files", file=sys.stderr)
    return 0


def _month_folder(stem: str) -> str:
    speaker_date = next((v[1] for k, v in SPEECHES.items() if stem.startswith(k)), None)
    if speaker_date is None:
        return ""
    return f"{int(speaker_date.split('年')[1].split('月')[0]):02d}月"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
