"""Make the ninth, cold question set's corpus with real producers (re-runnable; output is committed).

    /work/main/.venv/bin/python benchmarks/corpus-cold7/make_corpus.py [FOLDER]

writes them beside this script, or into FOLDER (to compare a re-run with the committed files). The
writers are shared with the other sets' makers: ``tests/fixtures/corpus_writers.py``.

Five documents of a city veteran-cadre bureau (嵩浦市 is invented; so are all names, numbers, addresses,
telephone numbers and amounts), written for this set only, on topics neither the bundled speeches, the
notice fixtures nor ``corpus-cold2`` … ``corpus-cold6`` treat, each made by a different producer (with
the eighth set's writers):

- ``离退休干部冬季取暖补贴发放办法.docx`` — rules for a winter heating allowance (python-docx: Title,
  Heading 1 and Heading 2 styles, a table of yearly rates in 「Table Grid」, 1./2./3. items, a page header
  and a PAGE-field footer, an 附件 line and a joint signature);
- ``离退休干部团体意外伤害保险通知.pdf`` — a notice that the bureau insures every retired cadre against
  accidents, with a table of cover, written with python-docx and printed to PDF by LibreOffice
  (``soffice --headless --convert-to pdf``);
- ``离退休干部健身运动会通知.pdf`` — a notice of the fifth sports games with a table of events, dates and
  places, typeset by reportlab with Noto Serif CJK (converted to TrueType outlines with fontTools, since
  reportlab embeds only TrueType) and a 「第 N 页」 footer;
- ``报刊征订通知.txt`` — a notice on subscribing to newspapers and magazines for 2027, saved as GBK
  plain text with CRLF line ends and indentation by spaces, its date in Chinese numerals;
- ``金婚纪念集体庆典讲话.odt`` — the director's speech at a collective golden-wedding celebration
  (speaker line, date in Chinese numerals), written as .docx and saved as OpenDocument text by
  LibreOffice (``soffice --headless --convert-to odt``).

Needs python-docx, reportlab, fontTools, LibreOffice (``soffice``) and the Noto CJK fonts.
``benchmarks/check_questions.py cold7`` imports the texts below to check
``benchmarks/cold7-questions.jsonl``.
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

HEATING_RULES = [
    ("title", "嵩浦市离退休干部冬季取暖补贴发放办法"),
    ("docnum", "嵩老干发〔2026〕27号"),
    (
        "body",
        "为帮助离退休干部温暖过冬，根据省财政厅、省委老干部局有关规定，结合我市供暖实际，制定本办法。",
    ),
    ("heading1", "一、适用范围"),
    (
        "body",
        "本办法适用于市直机关和事业单位的离退休干部，包括长期在外地居住的。"
        "已由原单位按照集中供暖面积报销取暖费的，不再重复享受本补贴。",
    ),
    ("heading1", "二、补贴标准"),
    ("heading2", "（一）年度补贴"),
    (
        "body",
        "取暖补贴按年度发放，供暖期按当年11月15日至次年3月15日计算，标准如下：",
    ),
    (
        "table",
        [
            ["人员类别", "补贴标准", "发放方式"],
            ["离休干部", "每人每年2400元", "随11月离休费一并发放"],
            ["退休干部（年满80周岁）", "每人每年1600元", "打入本人社会保障卡"],
            ["退休干部（不满80周岁）", "每人每年1200元", "打入本人社会保障卡"],
        ],
    ),
    ("heading2", "（二）特殊困难补助"),
    (
        "body",
        "独居、失能或者患有慢性阻塞性肺病等呼吸系统疾病的离退休干部，经本人申请、单位核实，"
        "每人每年另行增发取暖补助500元。",
    ),
    ("heading1", "三、发放程序"),
    (
        "body",
        "1.每年10月底前，各单位核对本单位离退休干部名单，填写《冬季取暖补贴发放花名册》，"
        "报市委老干部局待遇保障科；",
    ),
    ("body", "2.市委老干部局会同市财政局审核后，于11月20日前将补贴资金拨付各单位；"),
    ("body", "3.各单位在收到资金后5个工作日内发放到人，不得截留、挪用。"),
    (
        "body",
        "年度中途办理离休、退休手续的，从次年起享受；当年去世的，当年补贴照发，次年起停发。",
    ),
    ("heading1", "四、监督管理"),
    (
        "body",
        "各单位须于12月10日前将发放情况报市委老干部局备案。市委老干部局每年随机抽查不少于10个单位，"
        "发现虚报冒领的，责令全额退回，并在全市通报。",
    ),
    ("heading1", "五、附则"),
    (
        "body",
        "本办法自2026年10月1日起施行。2019年印发的《嵩浦市离退休干部取暖费补贴暂行办法》同时废止。"
        "本办法由市委老干部局负责解释。",
    ),
    ("body", "附件：冬季取暖补贴发放花名册（样表）"),
    ("body", "联系人：待遇保障科  郜思远，电话：0745-6631 2207。"),
    ("right", "中共嵩浦市委老干部局    嵩浦市财政局"),
    ("right", "2026年9月15日"),
]

INSURANCE_NOTICE = [
    ("title", "关于为全市离退休干部统一办理团体意外伤害保险的通知"),
    ("docnum", "嵩老干通〔2026〕4号"),
    ("body", "各县（市、区）委老干部局，市直各单位："),
    (
        "body",
        "为增强离退休干部抵御意外风险的能力，经市委老干部局党组研究，2026年继续为全市离退休干部统一办理"
        "团体意外伤害保险。现将有关事项通知如下：",
    ),
    ("heading1", "一、投保对象和期限"),
    (
        "body",
        "投保对象为市直各单位在册的离退休干部，年龄不设上限，全市共4126人。"
        "保险期限为一年，自2026年2月1日零时起至2027年1月31日二十四时止。",
    ),
    ("heading1", "二、保费和承保单位"),
    (
        "body",
        "保费标准为每人每年120元，由市委老干部局从老干部工作经费中统一支付，个人不缴纳任何费用。"
        "承保单位为安和财产保险股份有限公司嵩浦支公司。",
    ),
    ("heading1", "三、保障内容"),
    ("body", "保障项目和保险金额如下："),
    (
        "table",
        [
            ["保障项目", "保险金额", "说明"],
            ["意外身故、伤残", "最高5万元", "年满80周岁的最高3万元"],
            ["意外医疗费用", "最高1万元", "扣除100元免赔额后按90%赔付"],
            ["意外住院津贴", "每天50元", "每次住院最多给付30天"],
        ],
    ),
    (
        "body",
        "因疾病引起的身故、住院，以及醉酒、无证驾驶造成的伤害，不属于本保险的保险责任。",
    ),
    ("heading1", "四、理赔办法"),
    (
        "body",
        "（一）发生意外事故后，本人或者家属应在48小时内拨打承保公司客服电话0745-6688 9520报案。",
    ),
    (
        "body",
        "（二）治疗结束后，持理赔申请书、身份证复印件、医院诊断证明、医疗费发票原件和费用清单，"
        "交所在单位统一报送。",
    ),
    ("body", "（三）承保公司在收齐材料后10个工作日内将赔款直接支付到本人银行账户。"),
    ("heading1", "五、工作要求"),
    (
        "body",
        "各单位要于2026年1月25日前核对投保人员名单，并向老同志讲清保障范围和报案方式。"
        "对行动不便的老同志，单位要指定专人帮助收集和递交理赔材料。",
    ),
    ("body", "附件：团体意外伤害保险投保人员名单"),
    ("body", "联系人：待遇保障科  柏雨桐，电话：0745-6631 2209。"),
    ("right", "中共嵩浦市委老干部局"),
    ("right", "2026年1月12日"),
]

GAMES_NOTICE = [
    ("title", "关于举办嵩浦市第五届离退休干部健身运动会的通知"),
    ("docnum", "嵩老干发〔2026〕24号"),
    ("body", "各县（市、区）委老干部局，市直各单位："),
    (
        "body",
        "为丰富离退休干部精神文化生活，展示老同志健康向上的精神风貌，市委老干部局、市体育局决定于"
        "2026年10月举办嵩浦市第五届离退休干部健身运动会。现将有关事项通知如下：",
    ),
    ("heading1", "一、比赛项目和日程"),
    (
        "table",
        [
            ["比赛项目", "比赛日期", "比赛地点"],
            ["门球", "10月13日至14日", "市体育中心门球场"],
            ["乒乓球", "10月15日", "市老干部活动中心二楼"],
            ["健身气功八段锦", "10月16日上午", "市体育中心综合馆"],
            ["趣味项目（套圈、投壶、飞镖）", "10月16日下午", "市体育中心综合馆"],
        ],
    ),
    (
        "body",
        "开幕式于10月13日上午8:30在市体育中心门球场举行，各代表队参赛人员须提前20分钟入场。",
    ),
    ("heading1", "二、参赛办法"),
    (
        "body",
        "（一）参赛人员为市直各单位离退休干部，年龄在60周岁以上、身体健康，能够适应比赛强度。",
    ),
    (
        "body",
        "（二）每个单位可报门球队1支（队员5人、替补1人），乒乓球男女单打各2人，八段锦和趣味项目不限人数。",
    ),
    (
        "body",
        "（三）请于9月25日前将报名表报送市老干部活动中心文体科，逾期不予受理。",
    ),
    ("heading1", "三、奖励办法"),
    (
        "body",
        "各竞赛项目按成绩录取前六名，前三名颁发奖牌和证书，第四至六名颁发证书；"
        "八段锦设优秀组织奖8个。另评选“体育道德风尚奖”代表队3个。",
    ),
    ("heading1", "四、安全保障"),
    (
        "body",
        "参赛人员须提交近半年内二级以上医院出具的体检证明，并已参加本年度团体意外伤害保险。"
        "比赛期间，赛场设医疗点，由市第二人民医院派驻医护人员和救护车全程值守。"
        "各代表队须指定1名安全员，比赛当天气温低于5℃或者遇雨雪天气的，户外项目移至室内进行。",
    ),
    (
        "body",
        "参赛人员的午餐由组委会统一安排，交通由各单位自行负责。",
    ),
    ("body", "联系人：市老干部活动中心文体科  詹立群，电话：0745-6631 2315。"),
    ("right", "中共嵩浦市委老干部局    嵩浦市体育局"),
    ("right", "2026年9月2日"),
]

GOLDEN_SPEECH = [
    ("title", "在全市离退休干部“金婚纪念”集体庆典上的讲话"),
    ("speaker", "市委老干部局局长  聂文澜"),
    ("date", "（二〇二六年五月二十日）"),
    ("body", "各位老领导、老同志，各位来宾："),
    (
        "body",
        "今天，我们在这里为结婚五十周年的老同志举行“金婚纪念”集体庆典。首先，我代表市委老干部局，"
        "向各位金婚老人致以最诚挚的祝福！",
    ),
    ("heading1", "一、庆典的基本情况"),
    (
        "body",
        "这次庆典是我市第一次为离退休干部集体举办金婚纪念活动。经各单位推荐，共有52对金婚夫妇参加，"
        "其中年龄最大的是原市农业局的杭德全同志，今年91岁，他和老伴结婚已经62年了，是今天唯一的一对钻石婚夫妇。"
        "市摄影家协会的12名摄影师为每对老人免费拍摄纪念照，照片装进纪念相册，和“金婚纪念”证书一起赠送给大家。"
        "市歌舞团的演员为庆典编排了专场节目，30多位子女代表也来到了现场。",
    ),
    ("heading1", "二、几点体会"),
    (
        "body",
        "半个世纪携手同行，老同志们用相濡以沫的婚姻诠释了忠诚和担当。一是相互扶持，"
        "在艰苦年代共同挑起工作和家庭的重担；二是家风传承，许多家庭培养出了优秀的儿女；"
        "三是老有所为，不少老同志退休后夫妻一起参加社区志愿服务，带动了身边的人。"
        "我们已经在《嵩浦日报》开设“金婚故事”专栏，陆续刊发老同志的爱情和家风故事。",
    ),
    ("heading1", "三、下一步打算"),
    (
        "body",
        "关心老同志的家庭生活，是老干部工作的重要内容。第一，从今年起，金婚纪念庆典每两年举办一次，"
        "由市委老干部局和市妇联共同主办。第二，对结婚满60周年的钻石婚老人，由所在单位领导登门祝贺，"
        "送上鲜花和纪念品。第三，今年秋季将举办第五届离退休干部健身运动会，"
        "欢迎金婚老人夫妻组队报名参加趣味项目。",
    ),
    (
        "body",
        "入冬以后，我们还将为独居和高龄的老同志上门检查取暖设施，确保大家温暖过冬。"
        "最后，祝愿各位老同志身体健康、家庭幸福、白头偕老！谢谢大家！",
    ),
]

# Simplified text typed on a GBK machine: indented with spaces, one paragraph per line, CRLF.
PRESS_LINES = [
    "",
    "          关于做好2027年度离退休干部报刊征订工作的通知",
    "",
    "                                  嵩老干办〔2026〕19号",
    "",
    "各县（市、区）委老干部局，市直各单位：",
    "    为满足离退休干部学习和阅读需求，做好2027年度报刊征订工作，现将有关事项通知如下：",
    "    一、征订范围和标准",
    "    （一）离休干部每人每年报刊费标准为600元，退休干部每人每年为300元，由原单位在公用经费中列支。"
    "超出标准部分由个人自付，不足部分不予折现。",
    "    （二）重点征订《中国老年报》《老年文摘》和《嵩浦日报》，老同志也可以在《邮政报刊简明目录》中"
    "自主选择其他报刊。",
    "    （三）视力不好的老同志，可以改订有声读物或者大字版刊物，费用在本人标准内列支。",
    "    （四）市委老干部局为每个离退休干部党支部赠订《老干部之家》杂志1份，不占个人标准。",
    "    二、征订时间和办法",
    "    各单位于2026年11月25日前将《离退休干部报刊征订汇总表》报送市委老干部局宣传信息科，"
    "同时到所在地邮政营业网点办理订阅手续。订阅期为2027年1月至12月。",
    "    三、投递服务",
    "    报刊由邮政部门按期投递到户。老同志搬家、住院或者长期外出的，可以提前10天告知单位，"
    "由单位联系邮政部门办理改投或者暂停投递。长期在外地居住的，报刊可以改寄到居住地。"
    "出现漏投、错投的，可以拨打邮政服务电话11185反映。",
    "    四、有关要求",
    "    一是各单位要逐人征求老同志意见，不得统一指定订阅。二是严禁用报刊费购买其他物品或者发放现金。"
    "三是市委老干部局将于2027年3月对征订和投递情况进行抽查。",
    "",
    "    联系人：宣传信息科  鲍淏然，电话：0745-6631 2216。",
    "",
    "                                          中共嵩浦市委老干部局办公室",
    "                                          二〇二六年十月二十日",
]


CITY = "嵩浦"
WRITERS = {
    "离退休干部冬季取暖补贴发放办法.docx": bureau_rules(HEATING_RULES, CITY),
    "离退休干部团体意外伤害保险通知.pdf": bureau_notice_pdf(INSURANCE_NOTICE, CITY),
    "离退休干部健身运动会通知.pdf": partial(write_reportlab_pdf, GAMES_NOTICE, author="嵩浦市委老干部局"),
    "金婚纪念集体庆典讲话.odt": bureau_speech(GOLDEN_SPEECH, CITY),
    "报刊征订通知.txt": partial(write_crlf_text, PRESS_LINES, encoding="gbk"),
}


if __name__ == "__main__":
    sys.exit(run_makers(WRITERS, sys.argv, HERE))
