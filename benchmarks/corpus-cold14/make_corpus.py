"""Make the sixteenth, cold question set's corpus with real producers (re-runnable; output is committed).

    /work/main/.venv/bin/python benchmarks/corpus-cold14/make_corpus.py [FOLDER]

writes them beside this script, or into FOLDER (to compare a re-run with the committed files). The
writers are shared with the other sets' makers: ``tests/fixtures/corpus_writers.py``.

Five documents of a city veteran-cadre bureau (桐屿市 is invented; so are all names, numbers, addresses,
telephone numbers and amounts), written for this set only, on topics neither the bundled speeches, the
notice fixtures nor ``corpus-cold2`` … ``corpus-cold13`` treat, each made by a different producer with a
quirk the earlier sets lacked:

- ``离休干部助听器配发请示呈批件.docx`` — a request (请示) for hearing aids for retired cadres as it goes
  up for approval on the bureau's **呈批件 form: the whole body one table used for layout** (python-docx:
  the form's name in a row of its own, 标题, 拟稿处室, 核稿, the request's text in the 主要内容 cell, the
  finance office's view and the director's 批示 in cells of their own);
- ``离退休干部寿辰慰问办法.pdf`` — rules on birthday visits at 80, 90 and 100, **footnotes on several
  pages** (python-docx, printed to PDF by LibreOffice);
- ``诗词楹联学会成立大会讲话.pdf`` — the director's speech founding a poetry society, printed as an A5
  booklet and **photocopied open: two pages side by side on one sheet**, the fold's shadow between
  (reportlab, pdftoppm, Pillow; an image-only PDF);
- ``离退休干部党员冬训工作通知.txt`` — a notice on the party members' winter study **copied out of a PDF
  and pasted into Notepad**: the PDF's font mapped common characters to **Kangxi radicals** and CJK
  radicals supplement (「⽼⼲部」, 「⻓」), UTF-8, CRLF;
- ``家庭适老化改造补贴通知.pdf`` — a notice on grants for making homes safe for the old, the rare
  characters of its place names given their readings with **Word's 拼音指南 (ruby, ``w:ruby``)**: the
  pinyin printed small over the character (python-docx, printed to PDF by LibreOffice).

Needs python-docx, reportlab, fontTools, Pillow, LibreOffice (``soffice``), ``pdftoppm`` and the Noto CJK
fonts. ``benchmarks/check_questions.py cold14`` imports the texts below to check
``benchmarks/cold14-questions.jsonl``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.fixtures.corpus_writers import (  # noqa: E402
    pdf_paste,
    write_booklet_scan,
    write_converted,
    write_crlf_text,
    write_form_docx,
)

OFFICE = "中共桐屿市委老干部局"

HEARING_FORM = [
    ["中共桐屿市委老干部局呈批件"],
    ["标题", "关于为离休干部免费配发助听器的请示"],
    ["拟稿处室", "服务管理处", "拟稿人", "祁慕云"],
    ["核稿", "邵雨桐", "拟稿日期", "2026年4月7日"],
    [
        "主要内容",
        [
            "局领导：",
            "近年来，我市离休干部年龄普遍在90岁以上，听力下降的情况较为普遍。据服务管理处今年3月走访统计，"
            "全市现有离休干部126人，其中听力明显下降、影响日常交流的有47人，已自行配戴助听器的仅11人。",
            "为方便离休干部与家人交流和接听电话，拟为有需要的离休干部免费配发助听器一副。具体安排如下：",
            "一、配发对象。经二级以上医院耳鼻喉科检查，确诊为中度以上听力损失的离休干部。"
            "已自行配戴助听器且使用未满三年的，暂不配发。",
            "二、验配方式。委托市人民医院听力中心上门验配，根据每人的听力检查结果选配耳背式或耳内式助听器，"
            "验配后免费调试三次。",
            "三、经费预算。每副助听器按不超过6000元的标准采购，预计配发40副，所需经费约24万元，"
            "从离休干部医药费统筹经费中列支。",
            "四、后续服务。助听器保修期为两年，保修期内损坏的免费维修；电池由服务管理处每季度统一发放一次。",
            "以上请示妥否，请批示。",
        ],
    ],
    ["财务处意见", "经费可以从离休干部医药费统筹经费中列支，建议通过政府采购确定供应商。"],
    ["局领导批示", "同意。请服务管理处抓紧组织实施，年底前全部配发到位。计鸿声  2026年4月9日"],
    ["备注", "本件办结后归入文书档案。"],
]

BIRTHDAY_RULES = [
    ("title", "桐屿市离退休干部寿辰慰问办法"),
    (
        "body",
        "第一条  为弘扬尊老敬老传统，体现组织对离退休干部的关怀，做好离退休干部寿辰慰问工作，制定本办法。",
    ),
    (
        "noted",
        (
            "第二条  本办法适用于市委老干部局服务的市直单位离退休干部。",
            "市直单位离退休干部，指人事关系在市直机关、事业单位，离退休手续由市委老干部局办理或者备案的"
            "离休干部和退休干部。",
        ),
    ),
    (
        "noted",
        (
            "第三条  离退休干部年满80周岁、90周岁和100周岁的当月，由市委老干部局组织寿辰慰问。",
            "年龄按周岁计算，以本人档案记载的出生日期为准；档案记载只有年份的，以当年7月1日为出生日期。",
        ),
    ),
    (
        "body",
        "第四条  慰问标准：80周岁的送生日蛋糕和慰问金800元；90周岁的送生日蛋糕、鲜花和慰问金1500元；"
        "100周岁的由局主要负责人登门祝寿，送“寿”字书法作品和慰问金3000元。",
    ),
    ("body", "第五条  年满100周岁以后，每年寿辰当月均按100周岁的标准慰问。"),
    (
        "noted",
        (
            "第六条  本人正在住院的，慰问人员到医院看望；本人已迁居外地的，慰问金通过银行转入本人离退休费账户，"
            "生日蛋糕和鲜花不再另行折现。",
            "离退休费账户，指本人领取离退休费的银行账户；账户已注销的，由原单位提供本人或者其配偶的其他账户。",
        ),
    ),
    (
        "body",
        "第七条  各原单位应于每年12月10日前，将本单位下一年度满80、90、100周岁的离退休干部名单报市委老干部局"
        "服务管理处，名单应写明出生日期、住址和联系电话。",
    ),
    (
        "body",
        "第八条  慰问由市委老干部局和原单位共同进行。原单位一名负责同志应当参加，慰问时间提前三天与本人或者"
        "家属商定。",
    ),
    ("body", "第九条  本人或者家属明确表示不希望上门的，可以改为电话问候，慰问金照常发放。"),
    (
        "noted",
        (
            "第十条  慰问金由市委老干部局从老干部活动经费中列支，原单位不得以寿辰慰问名义另外发放现金。",
            "老干部活动经费，指市财政每年按离退休干部人数拨付的专项经费，标准为每人每年600元。",
        ),
    ),
    (
        "body",
        "第十一条  同一年度内既符合寿辰慰问条件又符合其他走访慰问条件的，两项慰问可以合并进行，"
        "慰问金分别计发。",
    ),
    (
        "body",
        "第十二条  寿辰慰问情况由服务管理处登记造册，每年1月向局务会议报告上一年度慰问情况。",
    ),
    ("body", "第十三条  本办法自2026年6月1日起施行。"),
    ("right", OFFICE),
    ("right", "2026年5月12日"),
]

POETRY_SPEECH = [
    ("title", "在桐屿市老干部诗词楹联学会成立大会上的讲话"),
    ("speaker", "市委老干部局局长  骆云帆"),
    ("speaker", "（2026年10月16日）"),
    ("body", "同志们、朋友们："),
    (
        "body",
        "今天，桐屿市老干部诗词楹联学会正式成立了。我代表市委老干部局，向学会的成立表示热烈祝贺，"
        "向当选的首届理事会成员表示衷心祝贺！",
    ),
    (
        "body",
        "我市离退休干部中爱好诗词楹联的同志很多。2019年以来，市老年大学诗词班先后培养学员300多人，"
        "老同志们创作的诗词作品有120多首在省级以上刊物发表。成立学会，是许多老同志多年的心愿。",
    ),
    (
        "body",
        "学会首届理事会由21名理事组成，推选原市政协副主席温如晦同志担任会长，"
        "聘请省诗词学会副会长柯望舒同志担任名誉会长。下面，我讲三点意见。",
    ),
    (
        "body",
        "第一，坚持正确方向。诗词楹联创作要讴歌党、讴歌祖国、讴歌人民，多写新时代的新变化。"
        "学会每年至少组织两次主题创作活动，今年的主题是“桐屿新貌”。",
    ),
    (
        "body",
        "第二，注重传承普及。学会要发挥老同志的特长，走进社区、走进校园。明年起，学会会员每月到市实验小学"
        "开设一次诗词兴趣课，把传统文化传给下一代。",
    ),
    (
        "body",
        "第三，加强自身建设。学会要建立会员登记制度，新会员须有两名会员介绍，每年交纳会费50元。"
        "年满85周岁的会员免交会费。学会要办好会刊《屿韵》，每季度出版一期。",
    ),
    (
        "body",
        "市委老干部局将为学会提供必要的工作条件：在市老干部活动中心二楼安排一间活动室，"
        "每年给予活动经费两万元，并将学会工作纳入全市老干部文化工作统一安排。",
    ),
    (
        "body",
        "同志们，诗言志，歌咏言。希望大家以诗会友、以文养心，写出更多反映时代风貌的好作品，"
        "为建设文明桐屿贡献银发力量！",
    ),
    ("body", "谢谢大家。"),
]

WINTER_LINES_SOURCE = [
    "中共桐屿市委老干部局",
    "关于开展2026—2027年度离退休干部党员冬训工作的通知",
    "桐老干发〔2026〕27号",
    "各离退休干部党支部：",
    "根据市委组织部关于党员冬训工作的统一部署，现就今年离退休干部党员冬训工作通知如下。",
    "一、时间安排。冬训从2026年12月1日开始，到2027年2月28日结束，集中学习时间不少于3天。",
    "二、学习内容。重点学习党的创新理论，学习新修订的党内法规，开展形势政策教育和警示教育。",
    "三、学习方式。以党支部为单位组织集中学习，每次半天，由支部书记主讲或者邀请老同志讲党课。",
    "行动不便的老党员，由支部委员送学上门，把学习资料和党课光盘送到家中。",
    "身体条件允许的党员，可以通过“桐屿先锋”手机应用参加线上学习，每人完成不少于8个学时。",
    "四、组织生活会。冬训结束前，各支部召开一次专题组织生活会，党员对照检查，开展批评和自我批评。",
    "五、关心关爱。冬训期间，各支部要走访看望生活困难党员和老党员。局里为每名参加冬训的党员发放一本"
    "《冬训学习读本》。",
    "集中学习地点设在离退休干部活动中心的，局里统一提供午餐；冬季路面结冰的日子暂停集中学习。",
    "六、总结报告。各支部于2027年3月10日前将冬训工作总结报送局离退休干部党委。",
    "联系人：甘露白，电话0746-3318235。",
    "",
    "中共桐屿市委老干部局",
    "2026年11月20日",
]

WINTER_LINES = pdf_paste(WINTER_LINES_SOURCE)

HOME_NOTICE = [
    ("title", "关于开展离退休干部家庭适老化改造补贴工作的通知"),
    ("docnum", "桐老干发〔2026〕19号"),
    ("body", "各离退休干部党支部，市直各单位："),
    (
        "body",
        "为减少老同志在家中跌倒等意外，市委老干部局决定对离退休干部家庭适老化改造给予补贴。"
        "现将有关事项通知如下。",
    ),
    ("heading1", "一、补贴对象"),
    ("body", "年满75周岁、在本市有自有住房的市直单位离退休干部。每户只能享受一次补贴。"),
    ("heading1", "二、改造项目"),
    (
        "body",
        "可以补贴的项目包括：卫生间和走廊安装扶手，铺设防滑地面，浴缸改淋浴并加装淋浴凳，门槛抹平，"
        "床边和过道加装感应夜灯。",
    ),
    ("heading1", "三、补贴标准"),
    (
        "body",
        "按实际改造费用的70%给予补贴，每户最高4000元；离休干部按实际费用全额补贴，最高6000元。",
    ),
    ("heading1", "四、办理流程"),
    (
        "body",
        "本人向原单位提出申请，先申请、后改造，由原单位会同社区工作人员上门评估，确定改造项目。",
    ),
    (
        "body",
        "改造完成后，凭施工方出具的发票和改造前后照片，到原单位申请补贴，"
        "补贴资金在30个工作日内打入本人离退休费账户。未经评估自行改造的，不予补贴。",
    ),
    ("heading1", "五、评估预约点"),
    (
        "annotated",
        [
            "居住在西",
            ("ruby", "氿", "jiǔ"),
            "街道、",
            ("ruby", "浒", "xǔ"),
            "湾街道的，到西",
            ("ruby", "氿", "jiǔ"),
            "街道社区卫生服务中心一楼适老化服务窗口预约评估。",
        ],
    ),
    (
        "annotated",
        [
            "居住在",
            ("ruby", "甪", "lù"),
            "里镇、",
            ("ruby", "濉", "suī"),
            "口镇的，到",
            ("ruby", "甪", "lù"),
            "里镇便民服务中心预约评估，评估人员每周四下乡。",
        ],
    ),
    ("body", "居住在其他街道的，拨打市适老化服务热线0746-3399120预约评估。"),
    ("heading1", "六、申请时间"),
    (
        "body",
        "申请时间为2026年7月15日至10月31日，改造须在2026年12月20日前完成。",
    ),
    ("body", "联系人：服务管理处麦清禾，电话0746-3318251。"),
    ("right", OFFICE),
    ("right", "2026年7月6日"),
]


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    out.mkdir(parents=True, exist_ok=True)
    office = "桐屿市委老干部局"
    write_form_docx(HEARING_FORM, out / "离休干部助听器配发请示呈批件.docx", author=office)
    write_converted(BIRTHDAY_RULES, out / "离退休干部寿辰慰问办法.pdf", "pdf", author=office, footer=True)
    write_booklet_scan(POETRY_SPEECH, out / "诗词楹联学会成立大会讲话.pdf", author=office)
    write_crlf_text(WINTER_LINES, out / "离退休干部党员冬训工作通知.txt", "utf-8")
    write_converted(HOME_NOTICE, out / "家庭适老化改造补贴通知.pdf", "pdf", author=office)


if __name__ == "__main__":
    main()
