"""Make the fourteenth, cold question set's corpus with real producers (re-runnable; output is committed).

    /work/main/.venv/bin/python benchmarks/corpus-cold12/make_corpus.py [FOLDER]

writes them beside this script, or into FOLDER (to compare a re-run with the committed files). The
writers are shared with the other sets' makers: ``tests/fixtures/corpus_writers.py``.

Five documents of a city veteran-cadre bureau (汀澜市 is invented; so are all names, numbers, addresses,
telephone numbers and amounts), written for this set only, on topics neither the bundled speeches, the
notice fixtures nor ``corpus-cold2`` … ``corpus-cold11`` treat, each made by a different producer with a
quirk the earlier sets lacked:

- ``离退休干部疗休养活动实施办法.docx`` — rules for retired cadres' recuperation trips, written with
  python-docx, the table of the three trips a **floating table** (``w:tblpPr``: set at the right margin,
  the paragraphs after it wrapping round it);
- ``春节慰问品领取通知.png`` — a notice on collecting the Spring Festival gifts as staff receive it: a
  **phone's long screenshot of a group chat** (drawn with Pillow as WeChat draws one: status bar, the
  group's title bar, the time sent, the sender's name over two bubbles, two members' replies 「收到」, the
  input bar);
- ``离退休干部党支部换届选举工作通知.odt`` — a notice on the branch elections, written with python-docx
  (a timetable with **merged cells**: the stage merged down its rows, a note row merged across the table)
  and saved as OpenDocument text by LibreOffice;
- ``口述历史采集工作座谈会讲话.pdf`` — the deputy director's speech on collecting retired cadres' oral
  histories, written with python-docx with two **reviewers' comments** left in, printed to PDF by
  LibreOffice with 「注释」 on (the comments exported as **PDF note annotations** beside the text);
- ``银龄先锋志愿服务积分兑换通知.pdf`` — a notice on exchanging volunteer points, **scanned sideways**:
  each page image stored on its side and the page turned upright by **/Rotate 90** (as a scanning app
  saves a sheet fed in the wrong way round).

Needs python-docx, reportlab, fontTools, Pillow, pypdf, LibreOffice (``soffice``), ``pdftoppm`` and the
Noto CJK fonts. ``benchmarks/check_questions.py cold12`` imports the texts below to check
``benchmarks/cold12-questions.jsonl``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.fixtures.corpus_writers import (  # noqa: E402
    write_chat_screenshot,
    write_converted,
    write_docx,
    write_scan,
)

OFFICE = "中共汀澜市委老干部局"

TRIP_RULES = [
    ("title", "汀澜市离退休干部疗休养活动实施办法"),
    (
        "body",
        "为关心关爱离退休干部身心健康，丰富老同志晚年生活，根据市委办公室《关于进一步加强新时代离退休干部工作的"
        "实施意见》，结合我市实际，制定本办法。",
    ),
    ("heading1", "一、参加对象"),
    (
        "body",
        "疗休养活动面向市直单位离退休干部，参加人员年龄一般在60周岁至80周岁之间，身体健康、生活能够自理。",
    ),
    ("body", "患有严重心脑血管疾病、传染性疾病或者处于疾病急性期的，不宜参加疗休养活动。"),
    ("body", "近三年内已经参加过市级疗休养活动的，原则上不再重复安排。"),
    ("heading1", "二、批次和地点"),
    (
        "floating",
        [
            ["批次", "时间", "地点", "名额"],
            ["第一批", "2027年4月13日至17日", "云岭温泉疗养院", "40名"],
            ["第二批", "2027年5月11日至15日", "南湖康养中心", "40名"],
            ["第三批", "2027年9月14日至18日", "云岭温泉疗养院", "35名"],
        ],
    ),
    ("body", "疗休养活动每年安排三批，每批5天，各批次的时间、地点和名额见右表。"),
    (
        "body",
        "报名人数超过名额的，按照年龄从大到小的顺序确定人选。年满78周岁的老同志参加，应当由一名家属陪同。",
    ),
    ("heading1", "三、报名程序"),
    (
        "body",
        "本人填写《疗休养活动报名表》，经原单位审核同意后，由原单位于每年3月20日前统一报送市委老干部局活动处。",
    ),
    ("body", "市委老干部局根据报名情况统筹安排批次，并在出发前10天通知本人。"),
    ("body", "已经报名但因故不能参加的，应当在出发前3天告知原单位，空出的名额由候补人员递补。"),
    ("heading1", "四、费用标准"),
    (
        "body",
        "疗休养期间的住宿、伙食、交通和集体活动费用，按照每人每天不超过450元的标准，由原单位在离退休干部"
        "活动经费中列支。陪同家属的费用由个人承担。",
    ),
    ("body", "个人自行安排的购物、娱乐等消费一律自理，不得由单位报销。"),
    ("heading1", "五、管理要求"),
    (
        "body",
        "每批疗休养活动由市委老干部局指派1名带队干部和1名随队医生，全程负责组织协调和健康保障。",
    ),
    ("body", "疗休养期间不得擅自离队，确需外出的，应当向带队干部请假并结伴而行。"),
    ("body", "出发前须提供近3个月内的体检报告，由随队医生评估是否适宜参加。"),
    ("body", "严禁借疗休养名义公款旅游，严禁安排高消费娱乐活动。"),
    ("body", "本办法自2027年1月1日起施行，由市委老干部局负责解释。"),
    ("right", OFFICE),
    ("right", "2026年10月15日"),
]

GIFT_MESSAGES = [
    (
        "局办公室 韦晓蓓",
        "韦",
        [
            "各位联络员：",
            "关于领取2027年离退休干部春节慰问品的通知",
            "春节将至，市委老干部局为市直单位离退休干部准备了春节慰问品，每人一份，内有大米10公斤、"
            "食用油5升和春联一副。",
            "一、领取时间：2027年1月18日至1月22日，每天上午8:30至11:30、下午2:30至5:00。",
            "二、领取地点：市老干部活动中心一楼东侧大厅（和平路168号）。",
            "三、领取方式：由各单位联络员凭单位介绍信统一领取，按花名册逐人签字登记。",
        ],
    ),
    (
        "局办公室 韦晓蓓",
        "韦",
        [
            "四、注意事项：行动不便、独居或者年满85周岁的老同志，由联络员在1月25日前送货上门。"
            "慰问品不得折现，也不得转给他人。逾期未领取的，请于1月29日前与活动中心联系补领。",
            "联系人：韦晓蓓，电话0746-3320615。",
            "汀澜市委老干部局",
            "2027年1月8日",
        ],
    ),
    ("天河街道 曹建国", "曹", ["收到"]),
    ("市卫健委 邝丽华", "邝", ["收到，谢谢韦老师"]),
]

# The paragraphs the screenshot's notice prints, for the question checker (the replies are not the notice).
GIFT_NOTICE = [("body", paragraph) for _, _, paragraphs in GIFT_MESSAGES[:2] for paragraph in paragraphs]

ELECTION_NOTICE = [
    ("title", "关于做好2027年离退休干部党支部换届选举工作的通知"),
    ("docnum", "汀老干发〔2026〕21号"),
    ("body", "各离退休干部党支部："),
    (
        "body",
        "按照《中国共产党基层组织选举工作条例》规定，党支部委员会每届任期3年。全市离退休干部党支部将于2027年"
        "集中开展换届选举，现将有关事项通知如下。",
    ),
    ("heading1", "一、换届范围"),
    ("body", "2024年换届的离退休干部党支部，以及任期已经届满的其他离退休干部党支部，共计47个。"),
    ("heading1", "二、委员职数"),
    (
        "body",
        "党员人数7人以上的党支部设立支部委员会，委员一般为3至5人，设书记1名，必要时设副书记1名。"
        "党员不足7人的，不设支部委员会，只选举书记1名。",
    ),
    ("heading1", "三、候选人条件"),
    ("body", "支部书记候选人应当身体健康、热心服务、群众公认，年龄原则上不超过75周岁。"),
    ("body", "委员候选人实行差额选举，候选人数应当多于应选人数的20%。"),
    ("heading1", "四、时间安排"),
    ("body", "换届选举工作分准备和选举两个阶段，具体安排如下："),
    (
        "merged",
        [
            ["阶段", "工作步骤", "完成时间"],
            ["准备阶段", "向上级党组织提出换届请示", "2027年2月28日前"],
            [None, "酝酿产生候选人预备人选", "2027年3月15日前"],
            ["选举阶段", "召开党员大会进行选举", "2027年3月31日前"],
            [None, "报上级党组织审批选举结果", "选举后5个工作日内"],
            ["备注：因病不能到会的党员，可以由支部委员带流动票箱上门收集选票。"],
        ],
    ),
    ("heading1", "五、工作要求"),
    ("body", "选举时有选举权的到会党员超过应到会党员的五分之四，会议有效。"),
    ("body", "各党支部要严肃换届纪律，严禁拉票贿选，选举结果要在支部内公布。"),
    (
        "body",
        "换届工作中遇到的问题，请及时与市委老干部局组织处联系，联系人：包思远，电话0746-3320627。",
    ),
    ("right", OFFICE),
    ("right", "2026年12月10日"),
]

HISTORY_SPEECH = [
    ("title", "在离退休干部口述历史采集工作座谈会上的讲话"),
    ("speaker", "市委老干部局副局长  宁致和"),
    ("date", "（2026年11月20日）"),
    ("body", "同志们："),
    (
        "body",
        "今天我们召开座谈会，部署全市离退休干部口述历史采集工作。刚才，市档案馆和市党史研究室的同志作了发言，"
        "讲得很好。下面，我讲三点意见。",
    ),
    ("heading1", "一、充分认识口述历史采集工作的重要意义"),
    (
        "revised",
        [
            "老同志是党和国家事业的亲历者、见证者。",
            (
                "comment",
                "截至今年10月底，全市健在的离休干部还有63名，平均年龄94岁。",
                "此处数字请与市档案馆再核对",
            ),
            "他们的亲身经历是最鲜活的史料，采集工作时不我待，必须抓紧抓好。",
        ],
    ),
    ("heading1", "二、突出采集工作的重点"),
    (
        "body",
        "从明年起，我们计划用三年时间完成对300名老同志的口述采访。采访对象以离休干部和亲历重大历史事件的"
        "退休干部为主。",
    ),
    (
        "body",
        "每位老同志的采访原则上不少于2次，每次不超过2小时。采访前要提前一周与本人和家属沟通采访提纲。",
    ),
    ("body", "采访一律同步录音录像，整理成文字稿后，要请本人审阅签字。"),
    ("heading1", "三、抓好成果的保存和利用"),
    (
        "body",
        "采集的音视频和文字稿由市档案馆统一永久保存。涉及个人隐私的内容，未经本人同意一律不得公开。",
    ),
    (
        "revised",
        [
            "我们将从中选编出版《汀澜记忆》口述史丛书，",
            ("comment", "第一辑计划于2027年7月出版。", "建议写明出版单位"),
        ],
    ),
    ("body", "各单位要确定一名联络员，并在12月10日前把联络员名单报局宣传处。"),
    (
        "body",
        "同志们，留住老同志的记忆，就是留住一座城市的根脉。希望大家齐心协力，把这项工作做细做实。",
    ),
]

POINTS_NOTICE = [
    ("title", "关于开展“银龄先锋”志愿服务积分兑换的通知"),
    ("docnum", "汀老干发〔2026〕18号"),
    ("body", "各离退休干部党支部，各志愿服务队："),
    (
        "body",
        "为激励广大离退休干部积极参加志愿服务，市委老干部局建立了“银龄先锋”志愿服务积分制度。现将2026年度"
        "积分兑换有关事项通知如下。",
    ),
    (
        "body",
        "一、积分计算。参加志愿服务每满1小时计1分，担任志愿服务队队长的每年另加10分，获得市级以上表彰的一次性加20分。",
    ),
    (
        "body",
        "二、兑换范围。积分可以兑换老年大学课程、体检套餐升级和生活用品，10分起兑，每人每年兑换上限为200分。",
    ),
    (
        "body",
        "三、兑换时间和地点。2026年12月1日至12月20日，每周一至周五，在市老干部活动中心二楼服务台办理。",
    ),
    (
        "body",
        "四、办理要求。本人持志愿服务证到场办理，委托他人办理的，须提供委托书和本人身份证复印件。",
    ),
    (
        "body",
        "当年未兑换的积分可以结转至下一年度使用，但有效期最长不超过2年。积分不得转让，不得兑换现金。",
    ),
    ("body", "联系人：祁梦瑶，电话0746-3320639。"),
    ("right", OFFICE),
    ("right", "2026年11月16日"),
]


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    out.mkdir(parents=True, exist_ok=True)
    office = "汀澜市委老干部局"
    write_docx(TRIP_RULES, out / "离退休干部疗休养活动实施办法.docx", author=office, footer=True)
    write_chat_screenshot(
        GIFT_MESSAGES,
        out / "春节慰问品领取通知.png",
        group="市直离退休干部联络员群(86)",
        sent="1月8日 上午10:26",
    )
    write_converted(ELECTION_NOTICE, out / "离退休干部党支部换届选举工作通知.odt", "odt", author=office)
    write_converted(
        HISTORY_SPEECH, out / "口述历史采集工作座谈会讲话.pdf", "pdf", author=office, footer=True, notes=True
    )
    write_scan(POINTS_NOTICE, out / "银龄先锋志愿服务积分兑换通知.pdf", author=office, sideways=True)


if __name__ == "__main__":
    main()
