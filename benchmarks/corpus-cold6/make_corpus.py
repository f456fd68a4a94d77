"""Make the eighth, cold question set's corpus with real producers (re-runnable; output is committed).

    /work/main/.venv/bin/python benchmarks/corpus-cold6/make_corpus.py [FOLDER]

writes them beside this script, or into FOLDER (to compare a re-run with the committed files). The
writers are shared with the other sets' makers: ``tests/fixtures/corpus_writers.py``.

Five documents of a city veteran-cadre bureau (岚溪市 is invented; so are all names, numbers, addresses,
telephone numbers and amounts), written for this set only, on topics neither the bundled speeches nor
``corpus-cold2`` … ``corpus-cold5`` treat, each made by a different producer:

- ``离休干部遗属生活困难补助实施办法.docx`` — rules for hardship allowances to retired cadres' survivors
  (python-docx: Title, Heading 1 and Heading 2 styles, a table of monthly rates in 「Table Grid」, a page
  header and a PAGE-field footer, an 附件 line and a joint signature);
- ``离退休干部参观考察活动通知.pdf`` — a notice of two one-day study visits to the city's key projects,
  written with python-docx and printed to PDF by LibreOffice (``soffice --headless --convert-to pdf``),
  with a table of dates and sites;
- ``离休干部住房维修补助通知.pdf`` — a notice of housing-repair allowances with a table of items and
  rates, typeset by reportlab with Noto Serif CJK (converted to TrueType outlines with fontTools, since
  reportlab embeds only TrueType) and a 「第 N 页」 footer;
- ``门诊就医绿色通道通知.txt`` — a notice opening a priority lane for retired cadres at outpatient
  clinics, saved as GBK plain text with CRLF line ends and indentation by spaces, its date in Chinese
  numerals;
- ``读书会成立暨网上阅览室开通仪式讲话.doc`` — the deputy director's speech founding a reading club and
  opening an online reading room (speaker line, date in Chinese numerals), written as .docx and saved as
  Word 97–2003 .doc by LibreOffice (``soffice --headless --convert-to doc``).

Needs python-docx, reportlab, fontTools, LibreOffice (``soffice``) and the Noto CJK fonts.
``benchmarks/check_questions.py cold6`` imports the texts below to check
``benchmarks/cold6-questions.jsonl``.
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from tests.fixtures.corpus_writers import (  # noqa: E402
    bureau_notice_pdf,
    bureau_rules,
    bureau_speech,
    run_makers,
    write_crlf_text,
    write_reportlab_pdf,
)

# Each document is a list of (kind, text): kind is title, speaker, date, docnum, heading1, heading2,
# body, right (a right-aligned signature or date line) or table (text is a list of rows, the first the
# header).

SURVIVOR_RULES = [
    ("title", "岚溪市离休干部遗属生活困难补助实施办法"),
    ("docnum", "岚老干发〔2026〕9号"),
    (
        "body",
        "为切实解决离休干部遗属的实际生活困难，体现党和政府对离休干部及其家属的关怀，根据省有关规定，"
        "结合我市实际，制定本办法。",
    ),
    ("heading1", "一、补助对象"),
    (
        "body",
        "本办法所称离休干部遗属，是指离休干部去世后，生前主要依靠其供养、目前无固定收入或者月收入低于"
        "本市最低工资标准的配偶、未成年子女以及丧失劳动能力的成年子女。全市现有符合条件的遗属412人。",
    ),
    ("heading1", "二、补助标准"),
    ("heading2", "（一）定期补助"),
    ("body", "对符合条件的遗属，按月发放定期生活困难补助，标准如下："),
    (
        "table",
        [
            ["补助类别", "月补助标准", "备注"],
            ["配偶（年满70周岁）", "每人每月1200元", "与遗属生活补助费分别计发"],
            ["配偶（不满70周岁）", "每人每月900元", "年满70周岁的次月起按新标准"],
            ["未成年子女", "每人每月600元", "发放至年满18周岁当月"],
            ["丧失劳动能力的成年子女", "每人每月700元", "须提供残疾等级证明"],
        ],
    ),
    ("heading2", "（二）临时补助"),
    (
        "body",
        "遗属因患重大疾病、遭受火灾水灾等意外导致生活特别困难的，可以申请一次性临时补助，"
        "每次一般不超过5000元，每人每年累计不超过1万元。",
    ),
    ("heading2", "（三）节日慰问"),
    ("body", "每年春节前，由生前所在单位会同市委老干部局对遗属逐户走访慰问，每户送慰问金600元。"),
    ("heading1", "三、申请和审批"),
    (
        "body",
        "1.遗属本人或者其监护人向离休干部生前所在单位提出申请，填写《离休干部遗属生活困难补助申请表》，"
        "提供户口簿、身份证和收入证明；",
    ),
    ("body", "2.生前所在单位在10个工作日内入户核实，并在单位内公示5个工作日；"),
    ("body", "3.公示无异议的，报市委老干部局生活待遇科审批，审批通过后从次月起发放。"),
    ("body", "生前所在单位已撤销或者破产的，由其上级主管部门代为受理和审核。"),
    ("heading1", "四、资金来源和发放"),
    (
        "body",
        "补助资金由市财政在老干部工作经费中列支，2026年预算安排286万元。"
        "定期补助通过银行直接打入遗属本人账户，每月15日前到账。",
    ),
    ("heading1", "五、动态管理"),
    (
        "body",
        "生前所在单位每年3月对遗属的收入和家庭情况复核一次。遗属再婚、收入超过规定标准或者去世的，"
        "自次月起停发补助。以隐瞒收入、虚报材料等手段冒领补助的，追回已发资金，三年内不得再次申请。",
    ),
    ("heading1", "六、附则"),
    (
        "body",
        "本办法自2026年5月1日起施行。2020年印发的《岚溪市离休干部遗属困难补助暂行规定》同时废止。"
        "本办法由市委老干部局负责解释。",
    ),
    ("body", "附件：离休干部遗属生活困难补助申请表"),
    ("body", "联系人：生活待遇科  鲁婉清，电话：0736-5528 3016。"),
    ("right", "中共岚溪市委老干部局    岚溪市财政局"),
    ("right", "2026年4月8日"),
]

VISIT_NOTICE = [
    ("title", "关于组织离退休干部参观考察市重点项目建设的通知"),
    ("docnum", "岚老干通〔2026〕15号"),
    ("body", "各县（区）委老干部局，市直各单位："),
    (
        "body",
        "为让老同志直观感受全市经济社会发展成就，引导老同志为家乡建设建言献策，市委老干部局决定于2026年9月"
        "组织离退休干部开展“看岚溪新变化”参观考察活动。现将有关事项通知如下：",
    ),
    ("heading1", "一、参观时间和路线"),
    ("body", "活动分两批进行，每批一天，具体安排如下："),
    (
        "table",
        [
            ["批次", "日期", "参观点"],
            ["第一批", "9月16日（星期三）", "滨江新区规划展示馆、岚溪港集装箱码头、市民文化中心"],
            ["第二批", "9月23日（星期三）", "高新区智能制造产业园、云雾山生态修复区、古城保护街区"],
        ],
    ),
    (
        "body",
        "两批均于当天上午7:30在市委老干部局门口（人民路88号）集合乘车出发，下午5:00左右返回原集合地点。",
    ),
    ("heading1", "二、参加人员"),
    (
        "body",
        "每批安排45人，由各县（区）委老干部局和市直各单位按分配名额推荐。参加人员须年龄在78周岁以下、"
        "身体健康、能够适应全天行程。优先安排近三年未参加过市级参观考察活动的老同志，"
        "曾获评“优秀老干部党员”的可以不受名额限制。",
    ),
    ("heading1", "三、报名办法"),
    (
        "body",
        "请各单位于9月5日前将《参观考察人员推荐表》报送市委老干部局活动科，同时发送电子版至指定邮箱。"
        "名额分配情况见附件。报名后因故不能参加的，请提前3天告知，由所在单位另行递补。",
    ),
    ("heading1", "四、有关要求"),
    ("body", "（一）参观考察所需交通、午餐和意外保险费用由市委老干部局统一承担，个人不承担费用。"),
    ("body", "（二）每辆车配备1名随队医生和2名工作人员，随车携带急救药箱和血压计。"),
    ("body", "（三）参加人员要自备常用药品，穿着舒适防滑的鞋子，遇雨天请带好雨具。"),
    (
        "body",
        "（四）活动结束后，请参加人员以书面形式提出意见建议，由各单位汇总后于10月10日前报送活动科，"
        "市委老干部局将梳理后转交有关部门。",
    ),
    ("body", "附件：参观考察名额分配表"),
    ("body", "联系人：活动科  邵文博，电话：0736-5528 3022。"),
    ("right", "中共岚溪市委老干部局"),
    ("right", "2026年8月24日"),
]

HOUSING_NOTICE = [
    ("title", "关于做好2026年离休干部住房维修补助工作的通知"),
    ("docnum", "岚老干发〔2026〕21号"),
    ("body", "各县（区）委老干部局，市直各单位："),
    (
        "body",
        "部分离休干部住房建成年代较早，存在屋面渗漏、管线老化、地面湿滑等问题，影响老同志居住安全。"
        "经市委、市政府同意，2026年继续对离休干部住房维修给予补助。现将有关事项通知如下：",
    ),
    ("heading1", "一、补助范围"),
    (
        "body",
        "户籍在本市、由本人或者配偶拥有产权并长期自住的离休干部住房。租住公房的，由产权单位负责维修，"
        "不列入本次补助范围。",
    ),
    ("heading1", "二、补助项目和标准"),
    (
        "table",
        [
            ["维修项目", "补助标准", "说明"],
            ["屋面防水和外墙渗漏", "按实际费用的70%补助，最高8000元", "须附施工前后照片"],
            ["水电管线更换", "按实际费用的70%补助，最高5000元", "须由有资质的单位施工"],
            ["适老化改造", "每户一次性补助3000元", "含安装扶手、防滑地面、坐式淋浴"],
        ],
    ),
    (
        "body",
        "同一户住房各项补助合计每年不超过1.2万元。2024年以来已享受过同一项目补助的，本年度不再重复补助。",
    ),
    ("heading1", "三、办理程序"),
    (
        "body",
        "（一）申报。离休干部本人或者家属于2026年6月30日前向原工作单位提出申请，"
        "提交房屋产权证明和维修预算书。",
    ),
    ("body", "（二）查勘。市委老干部局会同市住房保障中心在15个工作日内上门查勘，核定维修项目和预算。"),
    ("body", "（三）施工。施工单位可以由本人自行选择，也可以由市住房保障中心推荐。"),
    ("body", "（四）验收拨付。完工后凭验收单和正式发票申请拨付，补助资金在验收合格后30日内拨付到位。"),
    ("heading1", "四、工作要求"),
    (
        "body",
        "各单位要逐户摸排离休干部住房情况，建立维修需求台账。对独居、失能的离休干部，要主动上门帮助申报，"
        "协助联系施工单位，安排好施工期间的临时住宿。严禁借维修之名扩建面积、豪华装修，"
        "发现弄虚作假的，追回补助资金并通报批评。",
    ),
    ("body", "联系人：生活待遇科  褚红梅，电话：0736-5528 3018。"),
    ("right", "中共岚溪市委老干部局    岚溪市住房和城乡建设局"),
    ("right", "2026年3月27日"),
]

READING_SPEECH = [
    ("title", "在“书香银龄”读书会成立暨老干部网上阅览室开通仪式上的讲话"),
    ("speaker", "市委老干部局副局长  蒋瑞华"),
    ("date", "（二〇二六年四月二十三日）"),
    ("body", "各位老领导、老同志，同志们："),
    (
        "body",
        "今天是世界读书日。我们在这里举行“书香银龄”读书会成立暨老干部网上阅览室开通仪式，"
        "首先，我代表市委老干部局，向踊跃报名入会的老同志表示热烈欢迎！",
    ),
    ("heading1", "一、读书会的筹备情况"),
    (
        "body",
        "读书会筹备工作从去年10月开始，得到了市图书馆、岚溪日报社的大力支持。截至目前，"
        "已有136名离退休干部报名入会，按兴趣分为党史、文学、养生、书法鉴赏等8个读书小组，"
        "每个小组推选1名组长。一是定期开展读书分享会，每月最后一个星期四下午在市老干部活动中心四楼举行；"
        "二是每年为每位会员赠送图书4册；三是每年举办一次“我与书”主题征文，评选“书香老干部”10名。",
    ),
    ("heading1", "二、网上阅览室的主要功能"),
    (
        "body",
        "网上阅览室依托市图书馆数字资源建设，目前收录电子图书3200种、期刊150种，还有有声读物和名家讲座视频。"
        "老同志关注“岚溪老干部”公众号，点击“网上阅览室”菜单，用本人手机号注册后即可免费阅读。"
        "字体可以调大，也可以切换成听书模式。不会操作的，可以到活动中心一楼服务台请工作人员帮助。",
    ),
    ("heading1", "三、几点希望"),
    (
        "body",
        "第一，希望老同志们多读书、读好书，把读书作为一种生活方式。第二，希望各读书小组长把活动组织好，"
        "每个小组每季度至少推荐1篇读书心得在公众号刊发。第三，希望各单位支持老同志参加读书活动，"
        "今年下半年还将组织读书会会员参观考察市图书馆新馆和古籍修复中心。",
    ),
    (
        "body",
        "读书使人明智，书香伴随晚年。祝愿老同志们在书香中收获快乐、健康长寿！谢谢大家！",
    ),
]

# Simplified text typed on a GBK machine: indented with spaces, one paragraph per line, CRLF.
CLINIC_LINES = [
    "",
    "          关于为离休干部开通门诊就医绿色通道的通知",
    "",
    "                                  岚老干办〔2026〕11号",
    "",
    "各县（区）委老干部局，市直各单位，各定点医疗机构：",
    "    为解决离休干部看病排队时间长、多次往返等问题，经与市卫生健康委协商，决定在全市定点医疗机构为离休干部"
    "开通门诊就医绿色通道。现将有关事项通知如下：",
    "    一、开通范围",
    "    首批在市第一人民医院、市中医院、岚溪医学院附属医院开通，2026年底前扩大到各县（区）人民医院。",
    "    二、服务内容",
    "    （一）实行挂号、就诊、检查、取药“四优先”。离休干部凭《离休干部医疗证》到门诊大厅设立的专门窗口办理，"
    "市第一人民医院的专门窗口设在门诊楼一楼12号窗口。",
    "    （二）每家医院安排2名导医，为高龄、行动不便的离休干部提供全程陪同就诊服务，并免费提供轮椅。",
    "    （三）开通电话预约，离休干部可以在就诊前一天下午4点前拨打医院老干部服务专线预约，次日按预约时间就诊。",
    "    （四）离休干部因病情不能亲自到医院的，家属可以持医疗证和本人身份证代为开药，每次不超过15天用量。",
    "    三、有关要求",
    "    一是各定点医疗机构要明确一名院领导分管绿色通道工作，在门诊醒目位置设置标识，公布服务专线。"
    "二是市委老干部局每半年组织一次满意度回访，回访结果纳入定点医疗机构年度考核。"
    "三是离休干部要爱护医疗证，遗失的应及时到市委老干部局医疗保健科补办，补办时间为5个工作日。",
    "    绿色通道自2026年7月1日起正式运行。对服务中存在的问题，请及时向市委老干部局反映。",
    "",
    "    联系人：医疗保健科  卞堃，电话：0736-5528 3031。",
    "",
    "                                          中共岚溪市委老干部局办公室",
    "                                          二〇二六年六月十日",
]


CITY = "岚溪"
WRITERS = {
    "离休干部遗属生活困难补助实施办法.docx": bureau_rules(SURVIVOR_RULES, CITY),
    "离退休干部参观考察活动通知.pdf": bureau_notice_pdf(VISIT_NOTICE, CITY),
    "离休干部住房维修补助通知.pdf": partial(write_reportlab_pdf, HOUSING_NOTICE, author="岚溪市委老干部局"),
    "读书会成立暨网上阅览室开通仪式讲话.doc": bureau_speech(READING_SPEECH, CITY),
    "门诊就医绿色通道通知.txt": partial(write_crlf_text, CLINIC_LINES, encoding="gbk"),
}


if __name__ == "__main__":
    sys.exit(run_makers(WRITERS, sys.argv, HERE))
