"""Make the fifteenth, cold question set's corpus with real producers (re-runnable; output is committed).

    /work/main/.venv/bin/python benchmarks/corpus-cold13/make_corpus.py [FOLDER]

writes them beside this script, or into FOLDER (to compare a re-run with the committed files). The
writers are shared with the other sets' makers: ``tests/fixtures/corpus_writers.py``.

Five documents of a city veteran-cadre bureau (黛川市 is invented; so are all names, numbers, addresses,
telephone numbers and amounts), written for this set only, on topics neither the bundled speeches, the
notice fixtures nor ``corpus-cold2`` … ``corpus-cold12`` treat, each made by a different producer with a
quirk the earlier sets lacked:

- ``离退休干部党员党费收缴工作通知.docx`` — a notice on collecting retired members' party dues, a 公文
  typed in Word **by direct formatting only** (python-docx: no Title or Heading style — 方正小标宋 二号,
  黑体 and 楷体 三号 runs, the 发文字号, the 主送机关 line, the 版记 with 抄送 and 印发 between lines);
- ``家庭医生签约服务通知.pdf`` — a notice on family doctors issued **jointly by two offices**, its masthead
  in Word's **「双行合一」** (the two issuers' names as two half-height lines in one), printed to PDF by
  LibreOffice;
- ``银发田园地块认领.txt`` — an article on claiming allotment plots **copied from a WeChat official
  account and pasted into Notepad** (UTF-8, CRLF): hard line breaks mid-sentence, emoji, the account's
  「点击蓝字 关注我们」, 「往期推荐」, 「阅读原文」 and 「在看」 lines;
- ``流感疫苗免费接种通知.jpg`` — a notice on free flu jabs as an office copier scans a **pale copy**:
  reportlab page rendered by pdftoppm, the ink a mid grey on grey paper, a **JPEG at quality 50**;
- ``离退休干部人事档案管理办法征求意见稿.pdf`` — draft rules on keeping retired cadres' personnel files
  sent out for comment, written with python-docx with **every line numbered in the margin** (Word's 行号,
  ``w:lnNumType``, counting on through the document) and printed to PDF by LibreOffice.

Needs python-docx, reportlab, fontTools, Pillow, LibreOffice (``soffice``), ``pdftoppm`` and
the Noto CJK fonts. ``benchmarks/check_questions.py cold13`` imports the texts below to check
``benchmarks/cold13-questions.jsonl``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.fixtures.corpus_writers import (  # noqa: E402
    wechat_paste,
    write_converted,
    write_crlf_text,
    write_joint_notice,
    write_official_docx,
    write_scan,
)

OFFICE = "中共黛川市委老干部局"

DUES_NOTICE = [
    ("masthead", "中共黛川市委老干部局文件"),
    ("docnum", "黛老干发〔2026〕9号"),
    ("title", "关于做好2026年度离退休干部党员党费收缴工作的通知"),
    ("addressee", "各离退休干部党支部，局机关各处室："),
    (
        "body",
        "为规范离退休干部党员党费收缴、使用和管理，根据《中国共产党章程》和中央组织部有关党费工作的规定，"
        "现就2026年度离退休干部党员党费收缴工作通知如下。",
    ),
    ("heading1", "一、交纳基数和比例"),
    ("body", "离退休干部党员以本人每月领取的基本离退休费总额为计算基数。"),
    (
        "body",
        "每月基本离退休费在5000元以下（含5000元）的，按0.5%交纳；在5000元以上的，按1%交纳。"
        "只领取生活补贴的，每月交纳党费0.2元。",
    ),
    ("heading1", "二、交纳方式和时间"),
    ("heading2", "（一）按季度交纳"),
    ("body", "党费按季度交纳，每季度第一个月的15日前交纳本季度党费，党支部收取后出具党费专用收据。"),
    ("heading2", "（二）上门收取和转账交纳"),
    (
        "body",
        "年满80周岁或者行动不便的党员，可以由党支部指定的党小组长上门收取。"
        "党员也可以通过银行转账交纳，收款户名为中共黛川市委老干部局离退休干部委员会，"
        "开户行为黛川农商银行城中支行。",
    ),
    ("heading1", "三、少交、免交和自愿多交"),
    (
        "body",
        "生活确有困难的党员，本人提出申请，经党支部研究同意，报局离退休干部党委批准，可以少交或者免交党费。",
    ),
    ("body", "党员自愿多交党费的不限额度，一次性多交1000元以上的，由党支部报党委备案后全部上缴。"),
    ("heading1", "四、管理和使用"),
    ("body", "党费只能用于党内活动，不得用于发放个人补助、慰问金或者报销个人费用。"),
    ("body", "各党支部每半年在支部党员大会上公布一次党费收缴情况，接受党员监督。"),
    ("body", "各党支部于2026年12月31日前将全年党费收缴台账报送局离退休干部党委。"),
    ("body", "联系人：局离退休干部党委  侯思源，电话0739-5216648。"),
    ("right", OFFICE),
    ("right", "2026年3月2日"),
    ("copyto", "抄送：市委组织部组织一处。"),
    ("printed", ("中共黛川市委老干部局办公室", "2026年3月2日")),
]

DOCTOR_ISSUERS = ("黛川市委老干部局", "黛川市卫生健康委员会")

DOCTOR_NOTICE = [
    ("docnum", "黛老干联〔2026〕3号"),
    ("title", "关于为离退休干部提供家庭医生签约服务的通知"),
    ("body", "各区卫生健康局，市直各单位，各社区卫生服务中心："),
    (
        "body",
        "为方便离退休干部就近看病就医，经研究，决定为市直单位离退休干部提供家庭医生签约服务。现将有关事项通知如下。",
    ),
    ("heading1", "一、签约对象"),
    ("body", "市直单位离退休干部及其配偶，自愿选择居住地所在社区卫生服务中心的家庭医生团队签约。"),
    ("heading1", "二、签约团队和服务内容"),
    (
        "body",
        "家庭医生团队由全科医生、社区护士和公共卫生医师组成，每个团队签约的离退休干部不超过400人。",
    ),
    (
        "body",
        "签约医生为签约老同志建立健康档案，每季度至少随访一次；行动不便、长期卧床的，每月提供一次上门诊疗服务。",
    ),
    (
        "body",
        "患高血压、糖尿病等慢性病且病情稳定的，签约医生可以开具长期处方，一次最长可开12周的用量。",
    ),
    (
        "body",
        "需要到上级医院就诊的，经签约医生转诊到市第一人民医院，优先预约专家号源。",
    ),
    ("heading1", "三、服务费用"),
    (
        "body",
        "基础服务包免费。个性化服务包每人每年120元，其中60元由市委老干部局承担，其余由本人负担。",
    ),
    ("heading1", "四、签约办理"),
    (
        "body",
        "本人携带身份证和医保卡，到居住地社区卫生服务中心签约。2026年10月20日至24日为集中签约周，"
        "各社区卫生服务中心派员到市老年大学一楼大厅现场办理。",
    ),
    (
        "body",
        "签约期限为一年，期满未提出解约的自动续约。对签约医生不满意的，可以在每年12月申请更换签约医生。",
    ),
    (
        "body",
        "联系人：市委老干部局服务管理处  阎素琴，电话0739-5216702；市卫生健康委基层卫生处  庞立言，电话0739-5230418。",
    ),
    ("right", "黛川市委老干部局        黛川市卫生健康委员会"),
    ("right", "2026年9月28日"),
]

GARDEN_HEAD = [
    "点击蓝字 关注我们",
    "",
    "开心农场等你来！“银发田园”地块认领开始啦🌱",
    "原创 黛川老干部 黛川老干部 2026年03月02日 18:05",
]

GARDEN_PARAGRAPHS = [
    "春暖花开，正是播种好时节🌷！为丰富老同志的退休生活，市委老干部局在黛川市老干部活动基地（北郊枣林村）"
    "开辟“银发田园”，现面向市直离退休干部开放地块认领，欢迎老同志们报名参加👏",
    "🥬地块情况：“银发田园”共有60块地块，每块约20平方米，每户限认领1块。",
    "💰认领费用：地块认领免费，种子、农具由基地统一提供，浇灌用水也不收费。",
    "📅认领期限：2026年3月15日至2027年3月14日，为期一年。",
    "✍️报名方式：3月5日至3月10日，通过所在单位的离退休干部联络员报名，也可以拨打基地电话0739-5288163报名。",
    "报名人数超过地块数的，3月12日上午在基地现场公开抽签确定。",
    "🚌交通安排：每周二、周五上午8:30，免费班车从市老干部活动中心东门发车开往基地，11:30返回。",
    "⚠️温馨提示：地里不得使用化学农药和除草剂，不得搭建棚屋；地块连续两个月无人打理的，基地将收回另行安排。",
    "🎉今年10月，基地还将举办“丰收分享会”，请老同志们带上自己种的瓜果蔬菜来晒一晒、尝一尝！",
    "📞咨询电话：0739-5288163（基地管理员  鲁建平）",
]

GARDEN_FOOT = [
    "— END —",
    "",
    "来源：黛川市老干部活动基地",
    "编辑：苏小棠  |  审核：贺敬川",
    "",
    "往期推荐",
    "银发课堂｜手把手教您用手机挂号",
    "暖心｜老同志们的新春联欢会",
    "",
    "👇点击“阅读原文”了解更多",
    "阅读原文",
    "分享  收藏  在看  点赞",
]

GARDEN_LINES = wechat_paste(GARDEN_HEAD, GARDEN_PARAGRAPHS, GARDEN_FOOT)

FLU_NOTICE = [
    ("title", "关于开展2026年秋冬季离退休干部流感疫苗免费接种工作的通知"),
    ("docnum", "黛老干发〔2026〕15号"),
    ("body", "市直各单位，各离退休干部党支部："),
    (
        "body",
        "秋冬季是流感高发季节，老年人感染后容易引发肺炎等并发症。经与市疾病预防控制中心协商，"
        "今年继续为离退休干部免费接种流感疫苗。现将有关事项通知如下。",
    ),
    (
        "body",
        "一、接种对象。年满60周岁的市直单位离退休干部，自愿免费接种一剂四价流感疫苗。",
    ),
    (
        "body",
        "二、接种时间和地点。2026年10月15日至11月30日，可以到就近的社区卫生服务中心预防接种门诊接种。"
        "10月22日为集中接种日，在市老干部活动中心三楼多功能厅设临时接种点。",
    ),
    ("body", "三、接种须知。接种时请携带身份证和医保卡，接种后须在现场留观30分钟。"),
    (
        "body",
        "对鸡蛋或者疫苗成分严重过敏的，不宜接种；正在发热或者患急性疾病的，应当暂缓接种，待病愈后再补种。",
    ),
    (
        "body",
        "四、肺炎疫苗。有意愿同时接种23价肺炎球菌多糖疫苗的，费用先由本人垫付，凭发票到单位报销一半。",
    ),
    ("body", "五、工作要求。请各单位摸清接种意愿，于11月5日前将拟接种人数报送市委老干部局服务管理处。"),
    ("body", "联系人：詹慕白，电话0739-5216715。"),
    ("right", "中共黛川市委老干部局"),
    ("right", "2026年10月8日"),
]

ARCHIVE_RULES = [
    ("title", "黛川市离退休干部人事档案管理办法（征求意见稿）"),
    (
        "body",
        "第一条  为加强离退休干部人事档案管理，维护档案的真实、完整和安全，根据《干部人事档案工作条例》，"
        "结合本市实际，制定本办法。",
    ),
    ("body", "第二条  本办法适用于市委老干部局保管的市直单位离退休干部人事档案，现有档案3816卷。"),
    (
        "body",
        "第三条  离退休审批表、待遇审批材料，离退休后的待遇调整和荣誉表彰材料，"
        "去世后的丧葬费和抚恤金审批材料，应当归入本人档案。",
    ),
    (
        "body",
        "第四条  归档材料应当在形成后一个月内送交档案室。档案室每年3月集中整理、装订上一年度材料。"
        "材料不齐全、手续不完备的，退回形成单位补办后再归档。",
    ),
    ("body", "第五条  离退休干部本人及其亲属不得查阅本人的档案。"),
    (
        "body",
        "第六条  因工作需要查阅档案的，填写档案查阅审批单，经分管局领导批准。"
        "查阅时须有两名以上工作人员在场，查阅人不得拍照、复印、摘抄涉及他人的内容。",
    ),
    ("body", "第七条  档案原则上不外借。确需借出的，经局主要负责人批准，归还期限不超过15天。"),
    ("body", "第八条  转递档案一律通过机要交通或者专人送取，不得通过普通邮寄转递，不得由本人自带。"),
    (
        "body",
        "第九条  2026年底前完成全部离退休干部档案的扫描和目录录入。数字化后原件仍须按原顺序保存，不得拆散。",
    ),
    (
        "body",
        "第十条  档案库房温度保持在14℃至24℃，相对湿度保持在45%至60%，每月检查一次防火、防潮、防虫设施。",
    ),
    ("body", "第十一条  离退休干部去世满五年的，其档案按规定移交市档案馆。"),
    (
        "body",
        "第十二条  本办法自印发之日起施行。对本征求意见稿有修改意见的，请于2026年7月10日前反馈局干部档案科，"
        "联系人：伍晴川，电话0739-5216690。",
    ),
    ("right", OFFICE),
    ("right", "2026年6月18日"),
]


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    out.mkdir(parents=True, exist_ok=True)
    office = "黛川市委老干部局"
    write_official_docx(DUES_NOTICE, out / "离退休干部党员党费收缴工作通知.docx", author=office)
    write_joint_notice(DOCTOR_NOTICE, DOCTOR_ISSUERS, out / "家庭医生签约服务通知.pdf", author=office)
    write_crlf_text(GARDEN_LINES, out / "银发田园地块认领.txt", "utf-8")
    write_scan(FLU_NOTICE, out / "流感疫苗免费接种通知.jpg", author=office, faded=True)
    write_converted(
        ARCHIVE_RULES,
        out / "离退休干部人事档案管理办法征求意见稿.pdf",
        "pdf",
        author=office,
        line_numbers=True,
    )


if __name__ == "__main__":
    main()
