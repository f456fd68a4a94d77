"""Make the seventeenth, cold question set's corpus with real producers (re-runnable; output is committed).

    /work/main/.venv/bin/python benchmarks/corpus-cold15/make_corpus.py [FOLDER]

writes them beside this script, or into FOLDER (to compare a re-run with the committed files). The
writers are shared with the other sets' makers: ``tests/fixtures/corpus_writers.py``.

Five documents of a city veteran-cadre bureau (砚川市 is invented; so are all names, numbers, addresses,
telephone numbers and amounts), written for this set only, on topics neither the bundled speeches, the
notice fixtures nor ``corpus-cold2`` … ``corpus-cold14`` treat, each made by a different producer with a
quirk the earlier sets lacked:

- ``上门助浴理发服务通知.docx`` — a notice on bathing and haircuts at home for disabled retired cadres,
  its list markers and the references to them typed as **Word's 带圈字符** (an ``eq \\o\\ac(○,1)`` field
  with no shown result) and key sentences marked with **着重号** (``w:em``) (python-docx);
- ``老物件捐赠登记表.pdf`` — a donor's registration form for the bureau's history room, **a PDF form
  filled in on a computer: the values in AcroForm text fields** (``/V``), the page holding the labels
  only (reportlab draws the form, pypdf fills it);
- ``白内障免费筛查通知.pdf`` — a notice on free cataract screening **scanned at 100 dpi** (the scanner's
  smallest setting), an image-only PDF (reportlab, ``pdftoppm -r 100``, Pillow);
- ``史料陈列室开馆仪式录音转写.docx`` — the director's speech opening the history room, **a recording's
  transcript as a speech-to-text service exports it to Word**: the recording's name, time and keywords,
  then each turn under a 「发言人2   01:20」 line (python-docx);
- ``机关大院出入证换发通知.docx`` — a notice on new passes to the government compound, **exported by a web
  office system: the body one ``w:altChunk`` importing an HTML page** stored in the package, the
  document's XML without a word of the text (python-docx).

Needs python-docx, reportlab, pypdf, fontTools, Pillow, ``pdftoppm`` and the Noto CJK fonts.
``benchmarks/check_questions.py cold15`` imports the texts below to check
``benchmarks/cold15-questions.jsonl``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.fixtures.corpus_writers import (  # noqa: E402
    write_chunk_docx,
    write_docx,
    write_filled_form_pdf,
    write_scan,
    write_transcript_docx,
)

OFFICE = "中共砚川市委老干部局"
AUTHOR = "砚川市委老干部局"


def _c(number: int) -> tuple[str, str]:
    return ("circled", str(number))


BATH_NOTICE = [
    ("title", "关于为失能离退休干部提供上门助浴理发服务的通知"),
    ("docnum", "砚老干发〔2026〕6号"),
    ("body", "各区老干部局，市直各单位老干部工作部门："),
    (
        "body",
        "为解决失能、半失能离退休干部洗澡难、理发难的问题，市委老干部局决定自2026年4月起，委托砚川市康颐居家"
        "养老服务中心为全市失能、半失能离退休干部提供上门助浴和理发服务。现将有关事项通知如下：",
    ),
    ("heading1", "一、服务对象"),
    ("marked", [_c(1), "经评估为失能或者半失能的离休干部；"]),
    ("marked", [_c(2), "年满85周岁、生活不能自理的退休干部；"]),
    ("marked", [_c(3), "因病卧床三个月以上、子女不在身边的退休干部。"]),
    (
        "marked",
        [
            "符合第",
            _c(2),
            "项、第",
            _c(3),
            "项条件的，须由本人或者家属提出申请，并经原单位核实后报服务管理处。",
        ],
    ),
    ("heading1", "二、服务内容和标准"),
    (
        "marked",
        [
            _c(1),
            "上门助浴：服务人员携带折叠浴缸、防滑垫和加热设备上门，为服务对象擦浴或者盆浴，每次服务时间不少于"
            "60分钟，由两名服务人员共同完成。",
        ],
    ),
    ("marked", [_c(2), "上门理发：包括理发、剃须和修剪指甲，每次服务时间不少于30分钟。"]),
    (
        "marked",
        [_c(3), "服务频次：助浴每月两次，理发每月一次；夏季（6月至9月）助浴可以增加到每月四次。"],
    ),
    (
        "marked",
        [
            "助浴服务每次收费120元，理发服务每次收费30元，费用由市委老干部局全额承担，",
            ("dots", "服务对象不再另外付费"),
            "。",
        ],
    ),
    ("heading1", "三、预约方式"),
    (
        "body",
        "服务对象或者家属应提前三天拨打服务热线0837-6652180预约，说明住址、身体状况和希望上门的时间。"
        "服务时间为每天上午8时至下午6时，法定节假日照常服务。",
    ),
    (
        "marked",
        [
            "有下列情形之一的，服务人员可以暂停助浴，改为擦身或者另行约定时间：",
            _c(1),
            "体温超过37.5℃的；",
            _c(2),
            "血压高于180/110毫米汞柱的；",
            _c(3),
            "饭后不足一小时的。",
        ],
    ),
    ("heading1", "四、安全保障"),
    (
        "marked",
        [
            "服务人员上岗前须经过养老护理员培训并取得证书，",
            ("dots", "每次助浴前应测量服务对象的血压和体温"),
            "。服务中心为每位服务对象购买了意外伤害保险，保额为每人10万元。",
        ],
    ),
    (
        "body",
        "服务时须有一名家属或者照护人员在场。室温低于24℃的，服务人员应先用暖风机把浴室加热。",
    ),
    ("heading1", "五、监督评价"),
    (
        "body",
        "每次服务结束后，由服务对象或者家属在服务记录单上签字确认，并对服务质量作出满意、基本满意或者不满意"
        "的评价。对服务不满意的，可以拨打市委老干部局服务管理处电话0837-6651034投诉，服务中心连续两个月"
        "评价不满意的，市委老干部局将更换服务机构。",
    ),
    ("body", "联系人：服务管理处  蒋若溪"),
    ("right", OFFICE),
    ("right", "2026年3月18日"),
]

DONATION_TITLE = "砚川市老干部史料陈列室老物件捐赠登记表"
DONATION_HEADS = ["填表单位：中共砚川市委老干部局史料陈列室"]
DONATION_ROWS = [
    ("登记编号", "number", 1),
    ("捐赠人姓名", "name", 1),
    ("性别", "sex", 1),
    ("出生年月", "born", 1),
    ("原工作单位及职务", "post", 1),
    ("联系电话", "phone", 1),
    ("家庭住址", "address", 1),
    ("物品名称", "items", 1),
    ("数量", "count", 1),
    ("年代", "years", 1),
    ("品相", "condition", 2),
    ("物品来历", "story", 6),
    ("捐赠方式", "manner", 1),
    ("是否同意展出", "shown", 1),
    ("接收人", "receiver", 1),
    ("接收日期", "received", 1),
    ("备注", "remarks", 3),
]
DONATION_VALUES = {
    "number": "YC-LWJ-2026-037",
    "name": "于振声",
    "sex": "男",
    "born": "1936年8月",
    "post": "原市水利局副局长（离休）",
    "phone": "13908376215",
    "address": "砚川市东湖区柳荫路17号2幢301室",
    "items": "搪瓷茶缸、工作笔记本、水文测量皮尺",
    "count": "3件",
    "years": "1958年至1975年",
    "condition": "茶缸边缘有磕碰掉瓷，笔记本封皮破损，皮尺完好",
    "story": (
        "1958年修建青螺水库时，于振声同志任工地技术员，这只印有“青螺水库建设纪念”字样的搪瓷茶缸是工地颁发的"
        "劳动竞赛奖品。工作笔记本记录了1962年至1975年全市主要河道的水文数据，共87页。皮尺是他在青螺水文站"
        "工作时使用的测量工具，长30米。"
    ),
    "manner": "无偿捐赠",
    "shown": "同意展出，展出时可以注明捐赠人姓名",
    "receiver": "史料陈列室  卢晓岚",
    "received": "2026年9月10日",
    "remarks": "笔记本需先做防霉处理再展出。家属另提供老照片4张，扫描后原件退还本人。",
}
# the form as it reads: its title, the head lines, then a label and its value a row
DONATION_FORM = [
    ("title", DONATION_TITLE),
    *[("body", head) for head in DONATION_HEADS],
    ("table", [[label, DONATION_VALUES[field]] for label, field, _ in DONATION_ROWS]),
]

CATARACT_NOTICE = [
    ("title", "关于组织离退休干部免费白内障筛查的通知"),
    ("docnum", "砚老干发〔2026〕11号"),
    ("body", "各区老干部局，市直各单位老干部工作部门："),
    (
        "body",
        "白内障是老年人常见的致盲眼病。为帮助离退休干部及早发现和治疗白内障，市委老干部局与砚川市第二人民医院"
        "眼科中心商定，2026年6月为全市离退休干部免费开展白内障筛查。现将有关事项通知如下：",
    ),
    ("heading1", "一、筛查对象"),
    (
        "body",
        "年满60周岁的市直单位离退休干部。近一年内已在二级以上医院做过眼科检查的，可以不参加本次筛查。",
    ),
    ("heading1", "二、时间地点"),
    (
        "body",
        "筛查时间为2026年6月2日至6月13日，每天上午8时至11时30分，周六、周日除外。地点在市第二人民医院门诊楼"
        "五楼眼科中心，地址为砚川市青石路88号。",
    ),
    ("heading1", "三、筛查项目"),
    (
        "body",
        "包括视力检查、眼压测量、裂隙灯检查和眼底照相，全程约40分钟。筛查当天需要散瞳的，散瞳后4至6小时内"
        "看近处模糊，不能自己开车，请安排家属陪同。",
    ),
    ("heading1", "四、后续治疗"),
    (
        "body",
        "经筛查确诊需要手术的，由眼科中心开通绿色通道，两周内安排手术。选用国产普通型人工晶体的，手术费用按"
        "医保规定报销后，个人负担部分由市委老干部局给予补助，每只眼睛最高补助2000元；选用多焦点等高端晶体的，"
        "超出部分由个人承担。",
    ),
    ("heading1", "五、报名办法"),
    (
        "body",
        "请各单位于5月25日前将参加筛查人员名单报市委老干部局服务管理处，名单注明姓名、年龄、联系电话和希望"
        "筛查的日期。每天筛查名额为60人，按报名先后安排。",
    ),
    ("body", "联系人：贺明哲  电话：0837-6651076"),
    ("right", OFFICE),
    ("right", "2026年5月8日"),
]

OPENING_HEAD = [
    "史料陈列室开馆暨老物件捐赠仪式录音",
    "2026-09-26 09:31  时长 10:12",
    "关键词：陈列室  老物件  捐赠  史料  老同志",
]
OPENING_TURNS = [
    (
        "发言人1",
        "00:00",
        "各位老领导、老同志，同志们：砚川市老干部史料陈列室开馆暨老物件捐赠仪式现在开始。出席今天仪式的有市委"
        "老干部局局长蒲正言同志，以及捐赠老物件的离退休干部代表和家属。下面，请蒲正言局长讲话。",
    ),
    (
        "发言人2",
        "00:41",
        "各位老领导、老同志，同志们：今天，我们在这里举行老干部史料陈列室开馆暨老物件捐赠仪式。首先，我代表"
        "市委老干部局，向捐赠老物件的各位老同志和家属表示衷心的感谢！",
    ),
    (
        "发言人2",
        "01:20",
        "今年3月，我们向全市离退休干部发出征集老物件的倡议，半年来共收到126位老同志和家属捐赠的老物件412件，"
        "其中证书奖状93件、工作笔记和手稿158件、生活用品和工具161件。",
    ),
    (
        "发言人2",
        "02:35",
        "这些老物件看起来平常，嗯，背后都是一段历史。原市水利局副局长于振声同志捐赠的搪瓷茶缸，是修建青螺水库"
        "时的劳动竞赛奖品；原市第一中学校长邬秀芹同志捐赠的备课本，记录了她三十多年的教学心得。每一件老物件，"
        "都是老同志们干事创业的见证。",
    ),
    (
        "发言人2",
        "04:10",
        "陈列室设在市老干部活动中心三楼，面积约280平方米，分为“峥嵘岁月”“建设年代”“改革春潮”和“银龄风采”"
        "四个展区，首批展出老物件217件。",
    ),
    (
        "发言人2",
        "05:30",
        "下一步，我们要做好三件事。一是把老物件保管好。陈列室配备了恒温恒湿展柜，纸质物件全部扫描存档，原件"
        "定期做防霉处理。二是把老物件的故事讲好。我们将邀请捐赠人录制讲述视频，观众在展品旁边扫二维码就能"
        "听到老同志讲述。三是把陈列室用好。陈列室每周二至周六开放，上午9点到下午4点半，免费参观，中小学生"
        "团体参观须提前一周预约。",
    ),
    (
        "发言人2",
        "08:02",
        "那么征集工作不会停止。老同志手里还有老物件愿意捐赠的，可以随时和局里联系，我们上门登记、上门接收。"
        "不愿意捐赠原件的，也可以只提供照片或者复印件，我们同样登记造册。",
    ),
    ("发言人2", "09:15", "最后，祝各位老同志身体健康、生活愉快！谢谢大家。"),
    ("发言人1", "09:40", "下面，请蒲正言局长向捐赠人代表颁发收藏证书。"),
]

PASS_NOTICE = [
    ("title", "关于换发离退休干部市级机关大院出入证的通知"),
    ("docnum", "砚老干发〔2026〕24号"),
    ("body", "各区老干部局，市直各单位老干部工作部门："),
    (
        "body",
        "根据市级机关事务管理局统一部署，现行离退休干部机关大院出入证将于2026年12月31日停止使用，"
        "自2027年1月1日起启用新版出入证。新版出入证为带照片的IC卡，可以刷卡通过大院东门、北门的闸机。"
        "现将换发事项通知如下：",
    ),
    ("heading1", "一、换发范围"),
    ("body", "持有现行出入证的市直单位离退休干部。现行出入证遗失的，本次一并补办，不收取费用。"),
    ("heading1", "二、换发时间和地点"),
    (
        "body",
        "2026年11月16日至12月18日，每周一至周五上午9时至11时30分，在市级机关大院东门值班室旁的证件服务窗口"
        "办理。",
    ),
    ("heading1", "三、需要携带的材料"),
    (
        "body",
        "本人身份证原件、现行出入证和近期一寸免冠彩色照片两张。委托他人代办的，另需提供代办人身份证和本人签名"
        "的委托书。",
    ),
    ("heading1", "四、车辆通行证"),
    (
        "body",
        "离退休干部本人驾驶的私家车需要进入大院的，可以同时申请车辆通行证，每人限办一个号牌，需携带行驶证原件。"
        "车辆一律停放在东门内侧的访客停车场，不得停放在办公楼前。",
    ),
    ("heading1", "五、有关要求"),
    (
        "body",
        "新版出入证仅限本人使用，不得转借他人。出入证丢失的，应在三日内向服务窗口挂失。各单位要及时通知本单位"
        "离退休干部，行动不便的，可以由单位统一收集材料集中代办。",
    ),
    ("body", "联系人：服务管理处  钟亦凡  电话：0837-6651052"),
    ("right", OFFICE),
    ("right", "2026年11月5日"),
]


def main(folder: Path = HERE) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    write_docx(BATH_NOTICE, folder / "上门助浴理发服务通知.docx", author=AUTHOR)
    write_filled_form_pdf(
        DONATION_TITLE,
        DONATION_ROWS,
        DONATION_VALUES,
        folder / "老物件捐赠登记表.pdf",
        author=AUTHOR,
        heads=DONATION_HEADS,
    )
    write_scan(CATARACT_NOTICE, folder / "白内障免费筛查通知.pdf", author=AUTHOR, size=15, dpi=100)
    write_transcript_docx(
        OPENING_HEAD, OPENING_TURNS, folder / "史料陈列室开馆仪式录音转写.docx", author=AUTHOR
    )
    write_chunk_docx(PASS_NOTICE, folder / "机关大院出入证换发通知.docx", author=AUTHOR)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
