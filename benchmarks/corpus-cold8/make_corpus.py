"""Make the tenth, cold question set's corpus with real producers (re-runnable; output is committed).

    /work/main/.venv/bin/python benchmarks/corpus-cold8/make_corpus.py [FOLDER]

writes them beside this script, or into FOLDER (to compare a re-run with the committed files). The
writers are shared with the other sets' makers: ``tests/fixtures/corpus_writers.py``.

Five documents of a city veteran-cadre bureau (枫渚市 is invented; so are all names, numbers, addresses,
telephone numbers and amounts), written for this set only, on topics neither the bundled speeches, the
notice fixtures nor ``corpus-cold2`` … ``corpus-cold7`` treat, each made by a different producer:

- ``离退休干部法律援助服务实施办法.docx`` — rules for free legal aid to retired cadres (python-docx:
  Title, Heading 1 and Heading 2 styles, a table of services in 「Table Grid」, 1./2./3. items, a page
  header and a PAGE-field footer, an 附件 line and a joint signature with the 司法局);
- ``离退休干部基本信息采集核对通知.pdf`` — a notice on collecting and checking retired cadres' records,
  with a table of items, written with python-docx and printed to PDF by LibreOffice
  (``soffice --headless --convert-to pdf``);
- ``智能呼叫手环配发通知.pdf`` — a notice handing out emergency-call wristbands to old and lone retired
  cadres, with a table of districts, dates and places, typeset by reportlab with Noto Serif CJK (converted
  to TrueType outlines with fontTools, since reportlab embeds only TrueType) and a 「第 N 页」 footer;
- ``待遇领取资格认证通知.txt`` — a notice on the yearly proof-of-life check for drawing pensions, saved
  as GB18030 plain text with CRLF line ends and indentation by spaces (a contact name with 𫖯, which GBK
  lacks: GB18030 writes it in four bytes), its date in Chinese numerals;
- ``老干部合唱团成立十周年讲话.doc`` — the deputy director's speech at the veteran cadres' choir's
  tenth-anniversary concert (speaker line, date in Chinese numerals), written as .docx and saved as
  Word 97–2003 .doc by LibreOffice (``soffice --headless --convert-to doc``).

Needs python-docx, reportlab, fontTools, LibreOffice (``soffice``) and the Noto CJK fonts.
``benchmarks/check_questions.py cold8`` imports the texts below to check
``benchmarks/cold8-questions.jsonl``.
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

LEGAL_AID_RULES = [
    ("title", "枫渚市离退休干部法律援助服务实施办法"),
    ("docnum", "枫老干发〔2026〕15号"),
    (
        "body",
        "为维护离退休干部合法权益，根据《中华人民共和国法律援助法》和省有关规定，结合我市实际，制定本办法。",
    ),
    ("heading1", "一、服务对象"),
    (
        "body",
        "本办法所称服务对象，是指市直机关和事业单位的离退休干部，以及与其共同生活的配偶。"
        "离退休干部遭受家庭暴力、虐待、遗弃的，申请法律援助不受经济困难条件限制。",
    ),
    ("heading1", "二、服务内容和方式"),
    ("heading2", "（一）服务项目"),
    ("body", "法律援助服务项目、方式和收费如下："),
    (
        "table",
        [
            ["服务项目", "服务方式", "收费"],
            ["法律咨询", "每周三上午律师在市老干部活动中心一楼值班", "免费"],
            ["代写法律文书", "代写遗嘱、赡养协议、起诉状等", "免费"],
            ["遗嘱见证", "两名律师到场见证并全程录像", "每件收取工本费50元"],
            ["诉讼代理", "指派律师代理出庭", "免收代理费"],
        ],
    ),
    ("heading2", "（二）上门服务"),
    (
        "body",
        "年满85周岁、行动不便或者长期卧床的离退休干部，可以通过原单位预约律师上门服务，"
        "上门服务不另收取费用。",
    ),
    ("heading1", "三、申请程序"),
    (
        "body",
        "1.申请人填写《离退休干部法律援助申请表》，向原单位老干部工作部门提出申请；",
    ),
    ("body", "2.原单位在3个工作日内签署意见，报市委老干部局权益保障科；"),
    (
        "body",
        "3.市法律援助中心在收到申请后7个工作日内作出是否给予援助的决定，并书面告知申请人。",
    ),
    (
        "body",
        "情况紧急或者诉讼时效即将届满的，可以先行提供援助，事后补办审批手续。",
    ),
    ("heading1", "四、律师团队"),
    (
        "body",
        "市司法局从本市律师事务所中遴选18名执业满5年的律师，组成“银杏法律服务团”，每届任期两年。"
        "律师违反职业道德或者泄露老同志隐私的，取消其服务资格。",
    ),
    ("heading1", "五、附则"),
    (
        "body",
        "本办法自2026年8月1日起施行。2021年印发的《枫渚市老干部法律服务工作暂行规定》同时废止。"
        "本办法由市委老干部局、市司法局负责解释。",
    ),
    ("body", "附件：离退休干部法律援助申请表"),
    ("body", "联系人：权益保障科  蔺书航，电话：0719-5532 1106。"),
    ("right", "中共枫渚市委老干部局    枫渚市司法局"),
    ("right", "2026年7月20日"),
]

RECORDS_NOTICE = [
    ("title", "关于开展全市离退休干部基本信息采集核对工作的通知"),
    ("docnum", "枫老干通〔2026〕3号"),
    ("body", "各县（市、区）委老干部局，市直各单位："),
    (
        "body",
        "为建立全市离退休干部动态信息库，提高服务管理的精准度，市委老干部局决定于2026年3月至5月"
        "开展离退休干部基本信息采集核对工作。现将有关事项通知如下：",
    ),
    ("heading1", "一、采集范围"),
    (
        "body",
        "采集范围为市直各单位在册的离休干部和退休干部，截至2026年2月底共3318人。"
        "已经去世的，由原单位注明去世时间后移出信息库。",
    ),
    ("heading1", "二、采集内容"),
    ("body", "采集项目和核对依据如下："),
    (
        "table",
        [
            ["采集项目", "核对依据", "备注"],
            ["姓名、身份证号码、出生日期", "居民身份证", "与户籍登记一致"],
            ["职级、参加工作时间、离退休时间", "干部人事档案", "以组织人事部门认定为准"],
            ["现居住地址、是否独居", "户口簿或者居住证明", "长期异地居住的写明所在城市"],
            ["紧急联系人", "本人或者家属提供", "至少填写2名，其中1名须在本市"],
            ["主要疾病和就医医院", "近一年体检报告", "不需要提供病历原件"],
        ],
    ),
    ("heading1", "三、时间安排"),
    (
        "body",
        "（一）3月20日前，各单位确定1名信息联络员，报市委老干部局组织信息科。",
    ),
    (
        "body",
        "（二）3月21日至4月30日，各单位逐人采集核对。可以上门采集，也可以由老同志通过"
        "“枫渚老干部”微信小程序自行填报，单位审核后确认。",
    ),
    (
        "body",
        "（三）5月15日前，各单位将《离退休干部信息采集表》纸质版加盖公章报送，电子版同时上传。",
    ),
    ("heading1", "四、信息安全"),
    (
        "body",
        "采集的信息仅用于老干部服务管理，不得向任何单位和个人提供。各单位要使用专用电脑存储信息，"
        "专用电脑不得连接互联网。工作人员上门采集时须出示工作证，老同志有权拒绝回答与采集内容无关的问题。",
    ),
    ("heading1", "五、信息更新"),
    (
        "body",
        "信息发生变化的，老同志本人或者家属应在变化之日起30日内告知原单位，由原单位在系统中及时更新。",
    ),
    ("body", "附件：离退休干部信息采集表"),
    ("body", "联系人：组织信息科  訾文博，电话：0719-5532 1118。"),
    ("right", "中共枫渚市委老干部局"),
    ("right", "2026年3月9日"),
]

BAND_NOTICE = [
    ("title", "关于为高龄和独居离退休干部配发智能呼叫手环的通知"),
    ("docnum", "枫老干发〔2026〕12号"),
    ("body", "各县（市、区）委老干部局，市直各单位："),
    (
        "body",
        "为及时响应老同志的突发情况，市委老干部局会同市卫生健康委员会，为全市高龄和独居离退休干部"
        "免费配发智能呼叫手环。现将有关事项通知如下：",
    ),
    ("heading1", "一、配发对象"),
    (
        "body",
        "市直单位离退休干部中年满80周岁的，或者独居、子女均不在本市居住的，每人配发1只。",
    ),
    ("heading1", "二、配发安排"),
    (
        "table",
        [
            ["配发区域", "配发时间", "配发地点"],
            ["中心城区", "7月6日至7日", "市老干部活动中心一楼大厅"],
            ["东湖新区", "7月8日", "东湖街道党群服务中心"],
            ["枫渚经济开发区", "7月9日上午", "开发区管委会三楼会议室"],
        ],
    ),
    (
        "body",
        "本人不能到场的，可以委托家属持老同志本人身份证代领，现场由工作人员帮助绑定紧急联系人。",
    ),
    ("heading1", "三、手环功能"),
    (
        "body",
        "手环具有一键呼叫、跌倒自动报警、心率监测和定位功能。按住手环侧面按钮3秒，即可接通"
        "“枫渚康养”24小时服务平台，平台根据情况通知紧急联系人或者拨打120。"
        "手环充满电可以使用7天左右，电量低于20%时会语音提示。",
    ),
    ("heading1", "四、费用和售后"),
    (
        "body",
        "手环设备和前三年的通信服务费由市委老干部局统一支付。第四年起是否续费由本人自愿选择，"
        "通信服务费每年96元。手环保修2年，保修期内非人为损坏的免费更换；"
        "手环遗失的，可以自费补配，每只260元。",
    ),
    ("heading1", "五、工作要求"),
    (
        "body",
        "各单位要于6月30日前将配发对象名单报市老干部服务中心，并在配发后1个月内逐人回访，"
        "教会老同志使用呼叫和充电功能。",
    ),
    ("body", "联系人：市老干部服务中心  阙海宁，电话：0719-5532 1230。"),
    ("right", "中共枫渚市委老干部局    枫渚市卫生健康委员会"),
    ("right", "2026年6月18日"),
]

CHOIR_SPEECH = [
    ("title", "在市老干部合唱团成立十周年汇报演出上的讲话"),
    ("speaker", "市委老干部局副局长  奚佩兰"),
    ("date", "（二〇二六年十一月八日）"),
    ("body", "各位老领导、老同志，同志们、朋友们："),
    (
        "body",
        "今天，我们在这里举行市老干部“银杏”合唱团成立十周年汇报演出。我代表市委老干部局，"
        "向合唱团的全体团员，向一直关心支持合唱团的各界朋友表示衷心的感谢！",
    ),
    ("heading1", "一、十年来的成绩"),
    (
        "body",
        "合唱团成立于2016年10月，最初只有23名团员，现在已经发展到86名，平均年龄71岁。"
        "年龄最大的是原市教育局的骆秉文同志，今年88岁，十年来从没缺过一次排练。"
        "合唱团坚持每周二、周五下午在市老干部活动中心四楼排练，累计演出140多场，"
        "先后两次获得全省老年合唱节金奖。去年，合唱团走进12个社区和6所中小学，开展“红歌进社区”巡回演出。",
    ),
    ("heading1", "二、几点体会"),
    (
        "body",
        "十年的坚持，离不开老同志们的热爱和付出。一是坚持正确方向，把唱响主旋律作为合唱团的根本任务；"
        "二是坚持专业指导，聘请市歌舞团退休指挥祝远帆担任艺术指导；三是坚持团结和谐，"
        "老团员带新团员，形成了互帮互学的好风气。",
    ),
    ("heading1", "三、今后的打算"),
    (
        "body",
        "第一，从明年起，市委老干部局每年安排合唱团专项经费8万元，用于服装、乐器和外出演出。"
        "第二，合唱团将面向全市离退休干部公开招收新团员，75周岁以下、有一定音乐基础的都可以报名，"
        "每年3月组织一次考核。第三，支持合唱团参加明年在省城举办的全省老年合唱节。",
    ),
    (
        "body",
        "今年我们为高龄和独居的老同志配发了智能呼叫手环，请参加排练的老同志随身佩戴。"
        "希望大家量力而行，排练时注意休息，天气变化时注意保暖。最后，祝愿合唱团越办越好，"
        "祝各位老同志身体健康、歌声常在！谢谢大家！",
    ),
]

# Simplified text typed on a GB18030 machine: indented with spaces, one paragraph per line, CRLF.
# 𫖯 (U+2B5AF) is outside GBK: GB18030 writes it in four bytes.
CHECK_LINES = [
    "",
    "          关于做好2026年度离退休干部待遇领取资格认证工作的通知",
    "",
    "                                  枫老干办〔2026〕21号",
    "",
    "各县（市、区）委老干部局，市直各单位：",
    "    根据省委老干部局、省人力资源和社会保障厅有关要求，为确保离退休干部待遇按时足额发放，防止冒领，"
    "现就做好2026年度待遇领取资格认证工作通知如下：",
    "    一、认证对象",
    "    （一）由市财政统一发放离休费、退休费的离退休干部，共2870人。",
    "    （二）当年新办理离休、退休手续的，当年不需要认证，从次年起参加认证。",
    "    二、认证时间",
    "    认证时间为2026年9月1日至11月30日。每年认证一次，两次认证的间隔不超过12个月。",
    "    三、认证方式",
    "    （一）本人使用“枫渚人社”手机应用进行人脸识别认证，子女可以帮助操作，但必须由本人刷脸。",
    "    （二）不会使用手机的，可以携带本人身份证到就近的社区服务中心或者原单位认证。",
    "    （三）卧床、失能等行动不便的，由原单位安排工作人员上门认证，上门时须有两名工作人员在场。",
    "    （四）长期居住在国外或者港澳台地区的，可以通过我国驻外使领馆办理生存证明，也可以视频认证。",
    "    四、逾期处理",
    "    逾期未认证的，从12月起暂停发放待遇；补办认证后，从暂停之月起补发，不计利息。",
    "    五、有关要求",
    "    一是各单位要逐人通知到位，不得遗漏。二是对认证中发现的死亡未报、冒领待遇的，要及时追回。"
    "三是严禁以任何名义向老同志收取认证费用。",
    "",
    "    联系人：待遇保障科  潘𫖯，电话：0719-5532 1125。",
    "",
    "                                          中共枫渚市委老干部局办公室",
    "                                          二〇二六年八月十日",
]


CITY = "枫渚"
WRITERS = {
    "离退休干部法律援助服务实施办法.docx": bureau_rules(LEGAL_AID_RULES, CITY),
    "离退休干部基本信息采集核对通知.pdf": bureau_notice_pdf(RECORDS_NOTICE, CITY),
    "智能呼叫手环配发通知.pdf": partial(write_reportlab_pdf, BAND_NOTICE, author="枫渚市委老干部局"),
    "老干部合唱团成立十周年讲话.doc": bureau_speech(CHOIR_SPEECH, CITY),
    "待遇领取资格认证通知.txt": partial(write_crlf_text, CHECK_LINES, encoding="gb18030"),
}


if __name__ == "__main__":
    sys.exit(run_makers(WRITERS, sys.argv, HERE))
