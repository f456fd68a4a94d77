"""Make the seventh, cold question set's corpus with real producers (re-runnable; output is committed).

    /work/main/.venv/bin/python benchmarks/corpus-cold5/make_corpus.py [FOLDER]

writes them beside this script, or into FOLDER (to compare a re-run with the committed files). The
writers are shared with the other sets' makers: ``tests/fixtures/corpus_writers.py``.

Five documents of a city veteran-cadre bureau (柘川市 is invented; so are all names, numbers, addresses,
telephone numbers and amounts), written for this set only, on topics neither the bundled speeches nor
``corpus-cold2`` … ``corpus-cold4`` treat, each made by a different producer:

- ``离休干部医药费报销办理规程.docx`` — rules for reimbursing retired cadres' medical costs (python-docx:
  Title, Heading 1 and Heading 2 styles, a materials table in 「Table Grid」, a page header and a
  PAGE-field footer, an 附件 list and a joint signature);
- ``退休干部异地安置工作通知.pdf`` — a notice on settling retired cadres in another city, written with
  python-docx and printed to PDF by LibreOffice (``soffice --headless --convert-to pdf``), with a table of
  allowances;
- ``书画摄影作品展征稿通知.pdf`` — a call for entries to a calligraphy, painting and photography
  exhibition with a table of sizes, typeset by reportlab with Noto Serif CJK (converted to TrueType
  outlines with fontTools, since reportlab embeds only TrueType) and a 「第 N 页」 footer;
- ``智能手机培训班通知.txt`` — a notice of a smartphone course saved as GB18030 plain text with CRLF line
  ends and indentation by spaces, as an old office PC would (a name with 喆, outside GB2312);
- ``老干部工作座谈会讲话.doc`` — the bureau director's speech at a mid-year work forum (speaker line, date
  in Chinese numerals), written as .docx and saved as Word 97–2003 .doc by LibreOffice
  (``soffice --headless --convert-to doc``).

Needs python-docx, reportlab, fontTools, LibreOffice (``soffice``) and the Noto CJK fonts.
``benchmarks/check_questions.py cold5`` imports the texts below to check
``benchmarks/cold5-questions.jsonl``.
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

MEDICAL_RULES = [
    ("title", "柘川市离休干部医药费报销办理规程"),
    ("docnum", "柘老干发〔2025〕17号"),
    (
        "body",
        "为规范离休干部医药费报销管理，保障离休干部医疗待遇落实，根据国家和省有关离休干部医药费保障的"
        "规定，结合我市实际，制定本规程。",
    ),
    ("heading1", "一、适用范围"),
    (
        "body",
        "本规程适用于医药费由市委老干部局统筹管理的市直单位离休干部，现有183人。"
        "随子女在外地居住的离休干部，参照本规程执行。",
    ),
    ("heading1", "二、报销范围和标准"),
    ("heading2", "（一）目录内费用"),
    (
        "body",
        "在定点医疗机构门诊、住院发生的，符合基本医疗保险药品目录、诊疗项目和医疗服务设施标准的费用，"
        "全额报销，个人不负担。",
    ),
    ("heading2", "（二）目录外费用"),
    (
        "body",
        "目录外药品和自费诊疗项目，经主治医生签字确认为治疗必需的，按80%报销；"
        "每人每年目录外费用报销累计不超过2万元。",
    ),
    ("heading2", "（三）不予报销的费用"),
    ("body", "1.美容、整形、减肥、矫正视力等费用；"),
    ("body", "2.各类滋补品、保健品和生活用品费用；"),
    ("body", "3.因交通事故、医疗事故等应当由第三方负担的费用。"),
    ("heading1", "三、报销材料"),
    ("body", "报销时按费用类别提交下列材料："),
    (
        "table",
        [
            ["费用类别", "需提交的材料", "报送时限"],
            ["门诊费用", "医疗费发票原件、门诊病历、费用清单", "每季度末集中报送一次"],
            ["住院费用", "医疗费发票原件、出院小结、住院费用总清单", "出院后30日内报送"],
            ["异地就医费用", "医疗费发票原件、病历、异地就医备案表", "就医前须办理备案"],
            ["目录外药品", "医疗费发票原件、处方、必需用药确认单", "单张处方超过2000元的须经专家评审"],
        ],
    ),
    ("heading1", "四、办理流程"),
    ("body", "1.离休干部或其委托人将报销材料交所在单位老干部工作人员初审；"),
    ("body", "2.所在单位于每月10日前汇总报送市委老干部局待遇保障科复核；"),
    (
        "body",
        "3.复核无误的，由市医疗保障事务中心在15个工作日内将报销款拨付至离休干部本人社会保障卡账户。",
    ),
    (
        "body",
        "对行动不便的离休干部，所在单位老干部工作人员应当上门收取材料，不得要求本人到场办理。",
    ),
    ("heading1", "五、监督管理"),
    (
        "body",
        "待遇保障科每半年对各单位报销情况抽查一次，抽查比例不低于报销件数的20%。"
        "以伪造、变造票据或者虚构病情等手段骗取医药费的，一经查实，追回已报销款项，并依规依纪追究责任。",
    ),
    ("heading1", "六、附则"),
    (
        "body",
        "本规程自2025年7月1日起施行。2019年印发的《柘川市离休干部医药费管理暂行办法》同时废止。"
        "本规程由市委老干部局负责解释。",
    ),
    ("body", "附件：1.离休干部医药费报销申请表"),
    ("body", "2.目录外药品必需用药确认单"),
    ("body", "联系人：待遇保障科  郑雅琴，电话：0573-2266 1187。"),
    ("right", "中共柘川市委老干部局    柘川市医疗保障局"),
    ("right", "2025年6月12日"),
]

RESETTLEMENT_NOTICE = [
    ("title", "关于做好退休干部异地安置有关工作的通知"),
    ("docnum", "柘老干发〔2026〕4号"),
    ("body", "各县（市、区）委老干部局，市直各单位："),
    (
        "body",
        "为妥善解决随子女到外地居住的退休干部在管理服务方面的实际困难，根据省委老干部局有关规定，"
        "现就做好退休干部异地安置工作通知如下：",
    ),
    ("heading1", "一、安置条件"),
    ("body", "退休干部符合下列条件之一的，本人可以申请异地安置："),
    ("body", "（一）配偶或者子女在外地工作、定居，本人需要随迁照料的；"),
    ("body", "（二）本人年满75周岁，在本市无直系亲属照顾的；"),
    ("body", "（三）因患重大疾病，需要长期在外地治疗的。"),
    ("heading1", "二、申请程序"),
    (
        "body",
        "本人提出书面申请，填写《退休干部异地安置审批表》，附迁入地户籍证明或者居住证、直系亲属关系证明，"
        "经原工作单位审核同意后，报市委老干部局审批。市委老干部局自收到齐全材料之日起20个工作日内作出批复。",
    ),
    ("heading1", "三、待遇保障"),
    (
        "body",
        "异地安置后，退休干部的政治待遇和生活待遇不变，退休费仍由原渠道发放。"
        "医疗费用按照迁入地异地就医直接结算办法办理；未能直接结算的，由本人先行垫付，凭票据回原单位报销。",
    ),
    ("body", "异地安置退休干部享受下列补助："),
    (
        "table",
        [
            ["补助项目", "标准", "发放方式"],
            ["安家补助费", "一次性3000元", "批准后随下月退休费发放"],
            ["年度交通补助", "每人每年600元", "每年12月发放"],
            ["春节慰问金", "每人500元", "委托迁入地老干部工作部门转交"],
        ],
    ),
    ("heading1", "四、日常管理"),
    (
        "body",
        "原工作单位是异地安置退休干部管理服务的责任主体，要明确一名联络员，每季度至少电话联系一次，"
        "每两年至少上门看望一次。",
    ),
    (
        "body",
        "异地安置退休干部的党组织关系，原则上转入居住地社区党组织；确实不便转移的，可以保留在原单位"
        "离退休干部党支部，实行“双重管理”。",
    ),
    ("heading1", "五、其他事项"),
    (
        "body",
        "已经在外地长期居住但未办理异地安置手续的，应当于2026年6月30日前补办。本通知自印发之日起施行。",
    ),
    ("body", "附件：退休干部异地安置审批表"),
    ("body", "联系人：离退休干部管理科  韩立新，电话：0573-2266 1192。"),
    ("right", "中共柘川市委老干部局"),
    ("right", "2026年2月26日"),
]

EXHIBITION_CALL = [
    ("title", "关于举办2026年离退休干部书画摄影作品展的征稿通知"),
    ("docnum", "柘老干宣〔2026〕8号"),
    ("body", "各县（市、区）委老干部局，市直各单位，各离退休干部党支部："),
    (
        "body",
        "为展示老同志的精神风貌，丰富离退休干部文化生活，市委老干部局、市老年书画研究会决定联合举办"
        "“翰墨丹青·光影流年”离退休干部书画摄影作品展（以下简称“作品展”）。现将征稿事项通知如下：",
    ),
    ("heading1", "一、征稿对象"),
    (
        "body",
        "全市离退休干部，以及在柘川居住的外地离退休干部。每人书法、绘画、摄影作品各限投1件。",
    ),
    ("heading1", "二、作品要求"),
    ("body", "作品须为本人近两年创作，内容积极向上，未在市级以上展览中获奖。各类作品的规格如下："),
    (
        "table",
        [
            ["类别", "规格", "其他要求"],
            ["书法", "竖幅，四尺整张以内", "须托裱，不装框；篆书、草书作品附释文"],
            ["绘画", "四尺整张以内", "国画、油画、水彩画均可，须托裱"],
            ["摄影", "12英寸照片", "附电子文件，单张不小于5MB；不接受组照"],
        ],
    ),
    (
        "body",
        "每件作品背面右下角须粘贴作品标签，注明作者姓名、原工作单位、联系电话和作品名称；"
        "摄影作品另注明拍摄时间和地点。",
    ),
    ("heading1", "三、报送时间和地点"),
    (
        "body",
        "2026年4月1日至5月20日，报送至市老干部活动中心二楼宣传科（新华路126号）。"
        "也可以邮寄，邮寄作品以邮戳日期为准，逾期不再受理。",
    ),
    (
        "body",
        "各县（市、区）委老干部局负责本地作品的初选和集中报送，每个县（市、区）推荐作品不超过40件。",
    ),
    ("heading1", "四、评选和展出"),
    (
        "body",
        "作品展组委会邀请市书法家协会、美术家协会、摄影家协会的专家组成评审组，评选一等奖5名、二等奖10名、"
        "三等奖20名、优秀奖若干名，颁发获奖证书和纪念品。",
    ),
    (
        "body",
        "获奖和入选作品于2026年7月1日至7月15日在市图书馆一楼展厅展出，并编印作品集。",
    ),
    ("heading1", "五、其他事项"),
    (
        "body",
        "参展作品在展览结束后10日内退还作者。获一等奖的作品，经作者同意，由市委老干部局收藏。"
        "作者投稿即视为同意主办单位将作品用于展览、作品集编印和宣传。",
    ),
    ("body", "附件：2026年离退休干部书画摄影作品展作品登记表"),
    ("body", "联系人：宣传科  彭晓东，电话：0573-2266 1175。"),
    ("right", "中共柘川市委老干部局    柘川市老年书画研究会"),
    ("right", "2026年3月10日"),
]

DIRECTOR_SPEECH = [
    ("title", "在全市老干部工作座谈会上的讲话"),
    ("speaker", "市委老干部局局长  顾明远"),
    ("date", "（二〇二五年七月十五日）"),
    ("body", "同志们："),
    (
        "body",
        "今天召开全市老干部工作座谈会，主要任务是总结上半年工作，分析当前形势，部署下半年任务。"
        "刚才，5个县（市、区）委老干部局和3个市直单位作了交流发言，讲得都很实在，我都赞成。"
        "下面，我讲三点意见。",
    ),
    ("heading1", "一、上半年工作的基本情况"),
    (
        "body",
        "上半年，全市老干部工作总体平稳、亮点纷呈。一是思想政治建设扎实有效。各级离退休干部党组织"
        "开展集中学习86场次，参学老同志1.2万人次。二是待遇落实到位。离休干部离休费、医药费按时足额保障，"
        "上半年为离休干部报销医药费2870万元。三是服务更加精准。“银龄热线”开通以来，受理老同志诉求1346件，"
        "办结率98.7%。",
    ),
    ("heading1", "二、清醒认识存在的问题"),
    (
        "body",
        "在肯定成绩的同时，我们也要清醒看到不足。第一，少数基层单位对老干部工作重视不够，"
        "“人走茶凉”的现象仍有发生。第二，一些离退休干部党支部组织生活不经常，支部作用发挥不够。"
        "第三，工作力量不足，全市老干部工作专职人员只有67人，部分县（市、区）只有1至2名工作人员。",
    ),
    ("heading1", "三、下半年要重点抓好的四项工作"),
    (
        "body",
        "第一，开展“银龄同心”主题活动。8月至10月，在全市离退休干部中开展“银龄同心·喜迎国庆”主题活动，"
        "每个县（市、区）至少举办1场文艺展演。",
    ),
    (
        "body",
        "第二，推进“一站式”服务。年底前在全市建成老干部服务驿站30个，实现城区社区全覆盖，"
        "让老同志在家门口就能办事、议事、学习。",
    ),
    (
        "body",
        "第三，加强干部队伍建设。9月举办全市老干部工作者业务培训班，培训时间3天，"
        "每个单位至少选派1名专职人员参加。",
    ),
    (
        "body",
        "第四，做好重阳节敬老工作。重阳节期间，各地要对90周岁以上的离退休干部逐一上门走访，"
        "每人送去慰问金800元。",
    ),
    (
        "body",
        "同志们，老干部工作是党的组织工作的重要组成部分。希望大家以更加饱满的热情、更加扎实的作风，"
        "把党中央关于老干部工作的部署要求落到实处，让老同志安享幸福晚年！",
    ),
]

# Simplified text typed on a GB18030 machine: indented with spaces, one paragraph per line, CRLF.
PHONE_COURSE_LINES = [
    "",
    "          关于举办离退休干部智能手机应用培训班的通知",
    "",
    "                                  柘老干办〔2026〕6号",
    "",
    "局属各单位、各离退休干部党支部：",
    "    为帮助老同志跨越“数字鸿沟”，更好地享受智慧生活，市委老干部局决定举办离退休干部智能手机应用"
    "培训班。现将有关事项通知如下：",
    "    一、培训内容",
    "    （一）手机基本操作：字体放大、音量调节、拍照和相册整理；",
    "    （二）常用软件：微信视频通话、线上预约挂号、乘车扫码、手机缴纳水电费；",
    "    （三）使用“柘川老干部”微信小程序查看通知、报名参加活动。",
    "    二、培训安排",
    "    培训共分三期，每期4次课，每周二、周四上午9:00—10:30上课。第一期4月7日开班，第二期5月12日开班，"
    "第三期6月9日开班。每次课后布置课后练习，由授课老师在班级微信群中答疑。",
    "    培训地点设在市老干部活动中心三楼电脑室。每期招收学员30名，按报名先后顺序录取，额满为止。",
    "    三、报名条件",
    "    年龄在80周岁以下、能够自行往返的离退休干部均可报名。学员须自带智能手机，并提前记好手机解锁密码"
    "和微信登录密码。患有严重心脑血管疾病、不宜久坐的，请慎重报名。",
    "    四、报名方式",
    "    3月23日至3月31日，通过所在党支部统一报名，也可以直接打电话报名。报名时请提供姓名、原工作单位、"
    "联系电话和希望参加的期次。培训不收取任何费用，往返交通自理。",
    "    五、其他事项",
    "    课堂上由市职业技术学院学生志愿者“一对一”辅导。每期结业时评选“数字达人”5名。"
    "培训结束后，学员可以在每周五下午到电脑室自主练习。",
    "    六、工作要求",
    "    各党支部要做好宣传动员，优先推荐独居、空巢的老同志参加。市老干部活动中心要安排工作人员全程服务，"
    "做好上下楼梯和课间休息时的安全保障。",
    "",
    "    联系人：老干部活动中心  李喆，电话：0573-2266 1203。",
    "",
    "                                          中共柘川市委老干部局办公室",
    "                                          二〇二六年三月十八日",
]


CITY = "柘川"
WRITERS = {
    "离休干部医药费报销办理规程.docx": bureau_rules(MEDICAL_RULES, CITY),
    "退休干部异地安置工作通知.pdf": bureau_notice_pdf(RESETTLEMENT_NOTICE, CITY),
    "书画摄影作品展征稿通知.pdf": partial(write_reportlab_pdf, EXHIBITION_CALL, author="柘川市委老干部局"),
    "老干部工作座谈会讲话.doc": bureau_speech(DIRECTOR_SPEECH, CITY),
    "智能手机培训班通知.txt": partial(write_crlf_text, PHONE_COURSE_LINES, encoding="gb18030"),
}


if __name__ == "__main__":
    sys.exit(run_makers(WRITERS, sys.argv, HERE))
