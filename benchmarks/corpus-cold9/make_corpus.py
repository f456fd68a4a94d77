"""Make the eleventh, cold question set's corpus with real producers (re-runnable; output is committed).

    /work/main/.venv/bin/python benchmarks/corpus-cold9/make_corpus.py [FOLDER]

writes them beside this script, or into FOLDER (to compare a re-run with the committed files). The
writers are shared with the other sets' makers: ``tests/fixtures/corpus_writers.py``.

Five documents of a city veteran-cadre bureau (榆湾市 is invented; so are all names, numbers, addresses,
telephone numbers and amounts), written for this set only, on topics neither the bundled speeches, the
notice fixtures nor ``corpus-cold2`` … ``corpus-cold8`` treat, each made by a different producer with a
quirk the earlier sets lacked:

- ``离退休干部住院陪护服务管理办法.docx`` — rules for an accompanying-care service in hospital
  (python-docx: two lists numbered 「（一）」「（二）」… by Word's automatic numbering — ``w:numPr``, no typed
  number —, a four-column table of care levels, fees and allowances, and the hotline in a framed text box);
- ``丧葬补助费和一次性抚恤金办理通知.pdf`` — a notice on paying the funeral allowance and the one-off
  death benefit, written with python-docx (a footnote explaining the average wage) and printed to PDF by
  LibreOffice (``soffice --headless --convert-to pdf``): two pages, a paragraph running over the page break;
- ``老干部助餐服务通知.pdf`` — a notice opening canteen meals for retired cadres, typeset by reportlab with
  Noto Serif CJK in two columns under a full-width title, a round red seal stamped over the signature (its
  rim text turned with the rim, its middle character upright);
- ``因私出国境证照管理通知.txt`` — a notice on keeping retired cadres' passports, in traditional characters
  saved as Big5 plain text with CRLF line ends, indented with tabs, its digits full-width (「１５個工作日」,
  the date 「２０２６年３月１６日」) and a two-character name spaced with an ideographic space (「羅　敏」);
- ``家风家训故事分享会讲话.pdf`` — the director's speech at a family-tradition story meeting, printed by
  reportlab, its two pages rendered by ``pdftoppm`` and made to look scanned with Pillow, saved as a PDF
  holding only the page images (no text layer: the product reads it by OCR).

Needs python-docx, reportlab, fontTools, Pillow, LibreOffice (``soffice``), ``pdftoppm`` and the Noto CJK
fonts. ``benchmarks/check_questions.py cold9`` imports the texts below to check
``benchmarks/cold9-questions.jsonl``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from tests.fixtures.corpus_writers import (  # noqa: E402
    font_characters,
    write_converted,
    write_crlf_text,
    write_docx,
    write_reportlab_pdf,
    write_scan,
)

# Each document is a list of (kind, text): kind is title, speaker, date, docnum, heading1, heading2,
# body, numbered (numbered by Word), noted ((paragraph, footnote)), textbox (lines), right (a
# right-aligned signature or date line) or table (text is a list of rows, the first the header).

CARE_RULES = [
    ("title", "榆湾市离退休干部住院陪护服务管理办法"),
    ("docnum", "榆老干发〔2026〕9号"),
    (
        "body",
        "为解决离退休干部住院期间子女不在身边、无人照料的困难，市委老干部局与市红十字会共同开展"
        "住院陪护服务。结合我市实际，制定本办法。",
    ),
    ("heading1", "一、服务对象"),
    ("body", "符合下列条件之一的，可以申请住院陪护服务："),
    ("numbered", "年满80周岁住院治疗的离休干部和退休干部；"),
    ("numbered", "子女均在外地、配偶无照料能力的离退休干部；"),
    ("numbered", "经医院评估需要专人看护的失能、半失能离退休干部。"),
    ("heading1", "二、服务内容"),
    (
        "body",
        "陪护员由市红十字会统一培训，持证上岗。陪护员负责协助老同志进食、洗漱、翻身、如厕和陪同检查，"
        "不从事打针、换药等医疗护理操作。",
    ),
    ("heading1", "三、陪护等级和费用"),
    ("body", "陪护分为三个等级，收费标准和补贴如下："),
    (
        "table",
        [
            ["陪护等级", "适用情形", "收费标准", "补贴"],
            [
                "一级陪护",
                "生活不能自理、需24小时看护",
                "每天260元",
                "离休干部全额补贴，退休干部补贴每天150元",
            ],
            [
                "二级陪护",
                "生活部分自理、夜间需要照料",
                "每天180元",
                "离休干部全额补贴，退休干部补贴每天100元",
            ],
            ["三级陪护", "生活基本自理、白天陪同检查", "每天120元", "离休干部全额补贴，退休干部补贴每天60元"],
        ],
    ),
    (
        "body",
        "每位老同志每次住院享受补贴不超过30天，每年累计不超过60天。补贴由市红十字会与医院直接结算，"
        "老同志只支付差额部分。",
    ),
    ("heading1", "四、申请方式"),
    ("numbered", "老同志或者家属拨打陪护服务热线提出申请，说明所在医院、病区和床号；"),
    ("numbered", "市红十字会在24小时内安排陪护员到岗，情况紧急的4小时内到岗；"),
    ("numbered", "出院时，老同志或者家属在《陪护服务确认单》上签字，对服务进行评价。"),
    ("heading1", "五、服务监督"),
    (
        "body",
        "陪护员不得收受老同志及其家属的红包、礼品，不得向老同志推销保健品。老同志对陪护员不满意的，"
        "可以要求更换，市红十字会应在1天内另行安排。",
    ),
    (
        "textbox",
        [
            "温馨提示",
            "陪护服务热线：0736-6218 3399（每天8:00—20:00）",
            "夜间紧急情况请直接联系所在病区护士站。",
        ],
    ),
    ("body", "本办法自2026年5月1日起施行，由市委老干部局负责解释。"),
    ("right", "中共榆湾市委老干部局    榆湾市红十字会"),
    ("right", "2026年4月15日"),
]

FUNERAL_NOTICE = [
    ("title", "关于规范离退休干部去世后丧葬补助费和一次性抚恤金办理工作的通知"),
    ("docnum", "榆老干通〔2026〕6号"),
    ("body", "各县（市、区）委老干部局，市直各单位："),
    (
        "body",
        "为让去世老同志的家属少跑腿、快办理，经与市财政局、市人力资源和社会保障局协商，现就规范"
        "离退休干部去世后丧葬补助费和一次性抚恤金办理工作通知如下：",
    ),
    ("heading1", "一、报告时限"),
    (
        "body",
        "离退休干部去世后，原单位应在得知消息后24小时内电话报告市委老干部局，3个工作日内报送书面材料。"
        "原单位主要负责同志或者分管负责同志应当上门慰问家属，协助家属办理后事。",
    ),
    ("heading1", "二、发放标准"),
    (
        "noted",
        (
            "丧葬补助费按每人5000元一次性发放。一次性抚恤金按本人生前最后一个月基本离退休费的20个月计发，"
            "另加本市上年度职工月平均工资的2倍。",
            "本市上年度职工月平均工资由市统计局每年公布，2025年度为7860元。",
        ),
    ),
    ("body", "离休干部去世的，一次性抚恤金再增加3个月本人生前基本离休费。"),
    ("heading1", "三、所需材料"),
    (
        "body",
        "家属办理时须提交：居民死亡医学证明书或者火化证明复印件、户口注销证明、逝者和领取人的身份证"
        "复印件、领取人的银行卡。领取人为逝者配偶或者子女；由其他亲属领取的，须提供全体第一顺序继承人"
        "签字的委托书。",
    ),
    ("heading1", "四、办理流程"),
    (
        "body",
        "原单位收到材料后5个工作日内审核，报市委老干部局待遇保障科复核。复核通过的，丧葬补助费和"
        "一次性抚恤金由原单位在10个工作日内转入领取人银行卡。原单位已撤销的，由其主管部门办理。",
    ),
    ("heading1", "五、停发和退回"),
    (
        "body",
        "离退休干部去世后，从次月起停发离退休费。因家属未及时报告造成多发的，原单位应当告知家属"
        "在30日内退回，也可以从一次性抚恤金中扣除。",
    ),
    ("heading1", "六、有关要求"),
    (
        "body",
        "各单位要把上门吊唁和办理待遇作为关心老同志家属的重要工作，做到一次告知、一次办结，"
        "不得让家属反复提交材料。对办理中推诿拖延、造成不良影响的，予以通报批评。",
    ),
    ("body", "联系人：待遇保障科  戚晓岚，电话：0736-6218 3306。"),
    ("right", "中共榆湾市委老干部局"),
    ("right", "2026年2月27日"),
]

MEALS_NOTICE = [
    ("title", "关于在全市开展离退休干部助餐服务的通知"),
    ("docnum", "榆老干发〔2026〕14号"),
    ("body", "各县（市、区）委老干部局，市直各单位："),
    (
        "body",
        "为解决高龄、独居老同志“做饭难、吃饭难”问题，市委老干部局决定依托社区老年食堂和机关食堂，"
        "自2026年7月1日起为离退休干部提供助餐服务。现将有关事项通知如下：",
    ),
    ("heading1", "一、服务对象"),
    ("body", "市直单位离退休干部均可就餐。年满75周岁或者独居的，可以享受就餐补贴。"),
    ("heading1", "二、助餐点"),
    (
        "body",
        "首批设立4个助餐点：市委机关食堂（惠民路18号）、东门社区老年食堂、柳岸社区老年食堂和"
        "市老干部活动中心餐厅。各助餐点供应午餐，市老干部活动中心餐厅同时供应晚餐。",
    ),
    ("heading1", "三、价格和补贴"),
    (
        "body",
        "午餐为两荤两素一汤，每份15元。享受补贴的老同志每餐补贴6元，每人每天限补一餐。"
        "补贴通过“榆湾老干部”就餐卡直接抵扣，就餐卡在原单位办理，首次办卡免费，遗失补办收取工本费10元。",
    ),
    ("heading1", "四、送餐上门"),
    (
        "body",
        "年满85周岁、行动不便的，可以提前一天电话预订送餐，每份加收配送费3元。"
        "送餐范围为助餐点周边3公里以内。",
    ),
    ("heading1", "五、食品安全"),
    (
        "body",
        "各助餐点要公示每周菜谱，做到少盐少油、软烂易嚼，为患糖尿病的老同志提供低糖餐。"
        "食材采购要留存票据，每餐留样48小时备查。",
    ),
    ("body", "联系人：老干部服务科  祁雨桐，电话：0736-6218 3321。"),
    ("right", "中共榆湾市委老干部局办公室"),
    ("right", "2026年6月8日"),
]

MEALS_SEAL = "中共榆湾市委老干部局办公室"

STORY_SPEECH = [
    ("title", "在全市离退休干部家风家训故事分享会上的讲话"),
    ("speaker", "市委老干部局局长  邵振华"),
    ("date", "（2026年5月15日）"),
    ("body", "同志们："),
    (
        "body",
        "今天，我们在这里召开全市离退休干部家风家训故事分享会，听了六位老同志讲述自己家里的家风故事，"
        "很受教育、很受感动。借这个机会，我讲三点意见。",
    ),
    ("heading1", "一、老同志的好家风是宝贵财富"),
    (
        "body",
        "刚才发言的老同志中，原市水利局的卢静之同志家里三代都是党员，他把父亲留下的一本记账本保存了"
        "五十多年，教育子女“公家的东西一分也不能拿”。原市人民医院的韩素梅同志退休后把家训写成"
        "十二个字：“勤俭持家、诚实做人、尽心做事”，每年春节全家一起诵读。这些朴实的故事，"
        "就是最好的家风教材。",
    ),
    ("heading1", "二、把家风故事整理好、传下去"),
    (
        "body",
        "这次活动共收到老同志投稿217篇，评出优秀家风故事30篇。市委老干部局将把优秀故事汇编成"
        "《榆湾好家风》一书，今年10月前印发到各基层党支部。我们还将邀请讲得好的老同志组成家风宣讲小组，"
        "走进机关、学校和社区宣讲，每场宣讲给予讲课补贴200元。",
    ),
    ("heading1", "三、发挥老同志在家庭中的示范作用"),
    (
        "body",
        "家风正则后代兴。希望老同志们管好自己、带好家人，特别是对担任领导职务的子女，要常提醒、多敲打，"
        "做廉洁家风的守护者。明年，我们将开展“最美老干部家庭”评选，每两年评选一次，每次评出20户。",
    ),
    (
        "body",
        "同志们，好家风需要一代一代传下去。希望大家继续讲好家风故事，为建设清廉榆湾贡献老同志的力量。"
        "谢谢大家！",
    ),
]

# Traditional characters typed on a Big5 machine: tabs for indentation, full-width digits, a two-character
# name spaced with an ideographic space, CRLF line ends.
PASSPORT_LINES = [
    "",
    "\t\t\t中共榆灣市委老幹部局",
    "",
    "\t關於加強離退休幹部因私出國（境）證照管理的通知",
    "",
    "\t\t\t\t\t榆老幹辦〔２０２６〕３號",
    "",
    "局屬各單位、市直各單位：",
    "\t根據中央和省有關規定，為規範離退休幹部因私出國（境）管理，保障老同志出行便利，現將有關事項通知如下：",
    "\t一、管理範圍",
    "\t原任副處級以上職務的離退休幹部，其因私護照、往來港澳通行證、往來臺灣通行證由原單位組織人事部門"
    "統一保管。其他離退休幹部的證照由本人保管。",
    "\t二、審批程序",
    "\t需要出國（境）的，本人應在出行前１５個工作日提出書面申請，寫明前往國家或者地區、事由和往返時間，"
    "經原單位審批後領取證照。",
    "\t三、證照歸還",
    "\t回國（入境）後７個工作日內，本人應將證照交回原單位保管。逾期不交回的，原單位應當催交；"
    "兩次催交仍不交回的，暫停辦理其下一次出國（境）審批。",
    "\t四、健康提示",
    "\t年滿８０周歲的老同志出國（境）旅遊，應有家屬陪同，並提前購買境外旅行意外傷害保險。"
    "患有嚴重心腦血管疾病的，不宜前往高原地區。",
    "\t五、辦理新證",
    "\t證照過期或者遺失需要重新辦理的，由原單位出具證明，本人到市公安局出入境管理支隊辦理。",
    "",
    "\t聯繫人：幹部人事科　羅　敏，電話：０７３６－６２１８　３３１５。",
    "",
    "\t\t\t\t\t中共榆灣市委老幹部局辦公室",
    "\t\t\t\t\t２０２６年３月１６日",
]


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    out.mkdir(parents=True, exist_ok=True)
    office = "榆湾市委老干部局办公室"
    write_docx(CARE_RULES, out / "离退休干部住院陪护服务管理办法.docx", author=office)
    write_converted(
        FUNERAL_NOTICE,
        out / "丧葬补助费和一次性抚恤金办理通知.pdf",
        "pdf",
        author=office,
        header="中共榆湾市委老干部局文件",
        footer=True,
    )
    # one font for both reportlab documents: reportlab keeps the first one registered
    write_reportlab_pdf(
        MEALS_NOTICE,
        out / "老干部助餐服务通知.pdf",
        author="榆湾市委老干部局",
        characters=font_characters(MEALS_NOTICE + STORY_SPEECH, MEALS_SEAL),
        columns=2,
        seal=MEALS_SEAL,
    )
    write_scan(STORY_SPEECH, out / "家风家训故事分享会讲话.pdf", author="榆湾市委老干部局", size=15)
    write_crlf_text(PASSPORT_LINES, out / "因私出国境证照管理通知.txt", "big5")


if __name__ == "__main__":
    main()
