"""Make the twenty-sixth, cold question set's corpus with real producers (re-runnable; output is committed).

    /work/main/.venv/bin/python benchmarks/corpus-cold24/make_corpus.py [FOLDER]

writes them beside this script, or into FOLDER (to compare a re-run with the committed files). It needs,
besides main's venv and LibreOffice: Debian's ``pandoc``, ``wkhtmltopdf``, ``ghostscript`` and
``poppler-utils`` (``apt-get install -y --no-install-recommends pandoc ghostscript wkhtmltopdf``), and the
``typst`` compiler from PyPI in a venv of its own (``python -m venv /tmp/typst && /tmp/typst/bin/pip install
typst``; ``TYPST_PYTHON=/tmp/typst/bin/python``, that path by default). None is a speechqa dependency.

Five files of a city veteran-cadre bureau (溪宁市 is invented; so are all names, numbers, addresses,
telephone numbers and amounts), written for this set only, each made by a **producer no earlier set used**,
on topics neither the bundled speeches, the fixtures nor ``corpus-cold2`` … ``corpus-cold23`` treat:

- ``离退休干部居家防跌倒安全指南.docx`` — a guide written in Markdown and turned into Word by **pandoc**
  (its own reference styles: ``Title``, ``Author``, ``Date``, ``Heading 2``, ``First Paragraph`` after each
  heading, ``Body Text``, ``Compact`` list items numbered by ``w:numPr``, a ``Table`` with a header row, a
  **footnote**);
- ``关于招募离退休干部冬泳健身队队员的公告.pdf`` — a notice on the bureau's web site, **saved from the browser
  as HTML** (site banner, menu, breadcrumb, 「发布时间 / 来源 / 浏览次数 / 字号」 line, 「打印本页 / 关闭窗口」,
  previous and next notice, footer with the ICP number) and printed to PDF by **wkhtmltopdf** (Qt WebKit)
  in Noto Sans CJK SC;
- ``银发顾问团2027年度工作报告.pdf`` — a report typeset by **typst**: a **running header** and page numbers
  on every page, **footnotes**, and a 41-row **table that runs over three pages** with its header row
  repeated;
- ``开心农园认种管理办法.pdf`` — a 红头 document typed in Word (python-docx), printed by LibreOffice Writer
  to a PostScript printer and **distilled by Ghostscript** (``ps2pdf``, pdfwrite), as an office's
  「打印到 PDF」 printer is (LibreOffice on Linux prints PDF to CUPS, whose ``pdftops`` filter writes the
  PostScript a PostScript printer gets: that is the step here, then Ghostscript, as cups-pdf and the
  Windows 「打印到 PDF」 drivers run it). Ghostscript re-encodes the CJK fonts as Type 1C subsets with a
  ``/Differences`` encoding of glyph names ``/cidNNNNN`` and **no ToUnicode map**: ``pdftotext`` and pypdf
  read no Chinese from it;
- ``在隔代教育家长学校开班仪式上的讲话.odt`` — a speech written in Markdown and turned into OpenDocument
  text by **pandoc** (its styles: ``Title``, ``Author``, ``Date``, ``First_20_paragraph``,
  ``Text_20_body``, bold run-in headings).

``benchmarks/check_questions.py cold24`` imports the sources below to check
``benchmarks/cold24-questions.jsonl``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.fixtures.corpus_writers import soffice_convert, write_official_docx  # noqa: E402
from tests.fixtures.typst.make_typst_report import body_markup, escape  # noqa: E402

AUTHOR = "中共溪宁市委老干部局"
TYPST_PYTHON = os.environ.get("TYPST_PYTHON", "/tmp/typst/bin/python")

# --- 1. a guide written in Markdown, made a Word document by pandoc -----------------------------------

GUIDE = (
    ("title", "离退休干部居家防跌倒安全指南"),
    ("author", "溪宁市委老干部局　溪宁市卫生健康委员会"),
    ("date", "2028年6月10日"),
    ("heading", "一、为什么要重视防跌倒"),
    (
        "body",
        "据市疾控中心2027年的抽样调查，全市65岁以上老年人中，一年内发生过跌倒的约占百分之十八，"
        "跌倒已成为老年人因伤就医的首要原因。跌倒后发生髋部骨折的老人，约有一半在一年内生活自理能力明显下降。",
    ),
    (
        "body",
        "防跌倒，关键在预防。多数跌倒发生在家中，只要把家里收拾对了、把习惯养好了，大部分跌倒是可以避免的。",
    ),
    ("heading", "二、家中哪些地方容易跌倒"),
    ("bullet", "卫生间：地面湿滑，是居家跌倒发生最多的地方。"),
    ("bullet", "卧室：夜间起夜时光线不足，人还没有完全清醒。"),
    ("bullet", "楼梯和门槛：高低落差容易绊脚。"),
    ("bullet", "厨房：地面溅上的油渍和水渍不易察觉。"),
    ("heading", "三、居家环境怎么改"),
    ("body", "改造不一定花大钱，下面几件事每家都能做到。"),
    ("bullet", "卫生间铺设防滑地垫，马桶旁和淋浴区安装扶手，洗澡时坐在洗澡椅上。"),
    ("bullet", "卧室床头安装感应夜灯，床的高度以坐下时双脚能平放地面为宜，约45厘米。"),
    ("bullet", "去掉家中的门槛，去不掉的贴上醒目的黄色警示胶条。"),
    ("bullet", "常用物品放在腰部到肩部之间的高度，不要踩凳子登高取物。"),
    ("heading", "四、日常生活注意什么"),
    ("bullet", "起床做到“三个半分钟”：醒来后躺半分钟，坐起后坐半分钟，双腿垂在床沿再等半分钟。"),
    ("bullet", "穿合脚的防滑鞋，不穿拖鞋出门。"),
    ("bullet", "服用降压药、安眠药以后，起身和走动都要放慢。"),
    ("bullet", "每天做单腿站立、靠墙静蹲等平衡练习，每项10分钟左右。"),
    ("heading", "五、万一跌倒了怎么办"),
    (
        "body",
        "跌倒后不要急于起身，先试着活动手脚，看看哪里疼痛。如感到剧烈疼痛或肢体不能活动，应原地等待，"
        "拨打120急救电话或按响一键呼叫器。",
    ),
    ("body", "如能自己起身，先翻身变成俯卧，双手撑地慢慢跪起，再扶住牢固的椅子站起来，休息片刻后告诉家人。"),
    ("heading", "六、局里提供哪些帮助"),
    (
        "table",
        (
            ("服务项目", "服务对象", "服务内容"),
            ("免费上门评估", "全市离退休干部", "社区医生上门查找家中跌倒风险点，出具改造建议"),
            ("适老化改造补贴", "80周岁以上离退休干部", "每户最高补贴3000元，用于安装扶手、铺设防滑地面"),
            ("平衡操课堂", "老年大学学员", "每季度开课一次，由康复科医师教授平衡操"),
            ("一键呼叫器", "独居的离退休干部", "免费发放，按下按键即可接通局值班室"),
        ),
    ),
    ("body", "以上服务请向原工作单位老干部科报名，或拨打市委老干部局服务热线8636 2417咨询。"),
)
# the footnote pandoc puts on 「放慢」 (Word's footnotes part; not counted in the text above)
GUIDE_NOTE = "降压药和安眠药可能引起头晕、乏力，服药后两小时内尤其要注意。"

# --- 2. a notice on the bureau's web site, printed to PDF by wkhtmltopdf -------------------------------

SWIM_TITLE = "关于招募离退休干部冬泳健身队队员的公告"
SWIM_BODY = (
    "为丰富离退休干部冬季体育健身活动，市委老干部局决定组建“溪宁银龄冬泳健身队”，现面向全市离退休干部招募队员。"
    "有关事项公告如下：",
    "一、招募名额。首批招募队员40名，报名人数超过名额的，优先录取有三年以上游泳经历的同志。",
    "二、报名条件。热爱游泳运动，男同志年龄不超过70周岁，女同志年龄不超过65周岁；须提供二级以上医院近半年内的"
    "体检报告，患有心脑血管疾病、高血压未控制或癫痫病史的同志不宜报名。",
    "三、训练安排。每年10月起在碧水湾室外泳池循序渐进适应水温，11月后转入溪宁江白鹭洲水域。每周二、四、六上午"
    "7时集合训练，由持证教练和救生员全程带队。",
    "四、安全要求。必须结伴下水，严禁单独冬泳；饭后一小时内和饮酒后不得下水；水温低于5摄氏度时，每次在水中的时间"
    "不超过5分钟。",
    "五、保险保障。局里为每名队员统一购买冬泳意外伤害保险，保额20万元，费用由局里承担。",
    "六、报名方式。2028年9月10日至9月25日，请到原工作单位老干部科填写报名表，或拨打电话8636 2450报名。"
    "联系人：市委老干部局文体处李静秋。",
)
SWIM_DATE = "2028-09-05"
SWIM = (
    ("title", SWIM_TITLE),
    ("meta", f"发布时间：{SWIM_DATE}　来源：市委老干部局　浏览次数：1326"),
    *(("body", line) for line in SWIM_BODY),
    ("right", "中共溪宁市委老干部局"),
    ("right", "2028年9月5日"),
)
SITE_NAME = "溪宁老干部工作网"
SITE_MENU = ("首页", "机构概况", "政策法规", "通知公告", "工作动态", "办事指南", "互动交流")
SITE_PREVIOUS = "关于做好2028年中秋节走访慰问工作的通知"
SITE_NEXT = "关于开展老干部书法作品网上展评的通知"
SITE_FOOTER = (
    "主办单位：中共溪宁市委老干部局　地址：溪宁市文昌路88号　邮编：318200",
    "网站标识码：3310830017　溪ICP备20280017号-1　技术支持：溪宁市大数据中心",
)

# --- 3. a report typeset by typst: running header, footnotes, a table over three pages -----------------

REPORT_TITLE = "银发顾问团2027年度工作报告"
REPORT_HEADER = "溪宁市委老干部局 · 银发顾问团2027年度工作报告"
REPORT_META = "溪宁市委老干部局　2028年1月20日"
REPORT_PARAS = (
    ("heading", "一、基本情况"),
    (
        "body",
        "银发顾问团成立于2025年3月，由退休前在经济、规划、法律、教育、医疗、农业等领域工作的离退休干部组成，"
        "团长由原市政协副主席周慕贤担任。至2027年底，顾问团共有成员126名，分为6个专业小组。",
    ),
    ("heading", "二、2027年主要工作"),
    (
        "noted",
        (
            "全年共开展专题调研23次，向市委、市政府和有关部门提交建议58条，其中被采纳41条，采纳率70.7%。",
            "“采纳”指建议经承办单位书面答复，并列入其年度工作计划或已经落实。",
        ),
    ),
    (
        "body",
        "法律小组为全市112家中小企业开展了免费“法律体检”，帮助企业修改合同范本46份。"
        "教育小组在12所乡村学校开设“银发讲堂”，全年授课198课时。",
    ),
    (
        "noted",
        (
            "医疗小组联合市人民医院开展义诊17场，服务群众3400余人次。",
            "人次数据由各义诊点登记汇总，截至2027年12月20日。",
        ),
    ),
    ("heading", "三、存在的不足"),
    (
        "body",
        "一是成员年龄偏大，70岁以上的占六成，外出调研受到一定限制；二是部分建议办理反馈不够及时，"
        "有9条建议超过三个月未收到答复。",
    ),
    ("heading", "四、2028年工作打算"),
    (
        "body",
        "2028年，顾问团将新增成员30名，重点吸收新近退休的专业技术干部；开展青年干部“一对一”传帮带，结对30对；"
        "建立建议办理情况季度通报制度。",
    ),
    ("heading", "附表：2027年度建议采纳情况一览表"),
)
REPORT_HEAD = ("序号", "建议名称", "提出小组", "承办单位", "办理结果")
_ADVICE = (
    ("关于老城区背街小巷增设休息座椅的建议", "规划", "市住建局", "已落实"),
    ("关于规范农村集体资产租赁合同的建议", "法律", "市农业农村局", "已采纳"),
    ("关于乡村学校开设书法课的建议", "教育", "市教育局", "已落实"),
    ("关于社区卫生服务中心延长周末门诊时间的建议", "医疗", "市卫健委", "已采纳"),
    ("关于扶持本地茶叶品牌的建议", "经济", "市商务局", "已采纳"),
    ("关于推广稻鱼共生种养模式的建议", "农业", "市农业农村局", "已落实"),
    ("关于公交站台增设扶手的建议", "规划", "市交通运输局", "已落实"),
    ("关于中小企业用工合同示范文本的建议", "法律", "市人社局", "已落实"),
    ("关于乡村教师周转房建设的建议", "教育", "市教育局", "研究中"),
    ("关于发展家庭医生签约上门服务的建议", "医疗", "市卫健委", "已采纳"),
    ("关于老字号企业传承保护的建议", "经济", "市商务局", "已采纳"),
    ("关于山区果园修建机耕路的建议", "农业", "市农业农村局", "研究中"),
    ("关于滨江绿道增设夜间照明的建议", "规划", "市住建局", "已落实"),
    ("关于物业纠纷人民调解的建议", "法律", "市司法局", "已采纳"),
    ("关于中小学课后服务引入退休教师的建议", "教育", "市教育局", "已落实"),
    ("关于基层医院配备除颤仪的建议", "医疗", "市卫健委", "已落实"),
    ("关于夜间经济街区规划的建议", "经济", "市商务局", "研究中"),
    ("关于设立农产品直销摊位的建议", "农业", "市市场监管局", "已采纳"),
    ("关于老旧小区加装电梯简化审批的建议", "规划", "市住建局", "已采纳"),
    ("关于预防养老服务合同纠纷的建议", "法律", "市民政局", "已采纳"),
    ("关于乡村学校图书角建设的建议", "教育", "市教育局", "已落实"),
    ("关于慢性病长期处方的建议", "医疗", "市医保局", "已采纳"),
    ("关于小微企业首贷续贷的建议", "经济", "市金融办", "研究中"),
    ("关于农村生活污水治理的建议", "农业", "市生态环境局", "已采纳"),
    ("关于城区公厕增设第三卫生间的建议", "规划", "市城管局", "已落实"),
    ("关于规范网络直播带货的建议", "法律", "市市场监管局", "研究中"),
    ("关于职业学校开设养老护理专业的建议", "教育", "市教育局", "已采纳"),
    ("关于中药材种植基地建设的建议", "医疗", "市农业农村局", "研究中"),
    ("关于引导商场设置母婴室的建议", "经济", "市商务局", "已落实"),
    ("关于高标准农田建设后期管护的建议", "农业", "市农业农村局", "已采纳"),
    ("关于历史街区风貌保护的建议", "规划", "市自然资源局", "已采纳"),
    ("关于农民工工资支付保障的建议", "法律", "市人社局", "已落实"),
    ("关于留守儿童心理辅导的建议", "教育", "市教育局", "已采纳"),
    ("关于120急救站点布局优化的建议", "医疗", "市卫健委", "研究中"),
    ("关于会展经济发展的建议", "经济", "市商务局", "已采纳"),
    ("关于土壤改良试点的建议", "农业", "市农业农村局", "已采纳"),
    ("关于停车泊位错时共享的建议", "规划", "市公安局交警支队", "已采纳"),
    ("关于社区矫正志愿服务的建议", "法律", "市司法局", "已采纳"),
    ("关于乡村学校午餐营养改善的建议", "教育", "市教育局", "已采纳"),
    ("关于医养结合机构审批的建议", "医疗", "市民政局", "研究中"),
    ("关于地方特色小吃标准化的建议", "经济", "市市场监管局", "已采纳"),
)
REPORT_ROWS = tuple((str(i), *row) for i, row in enumerate(_ADVICE, start=1))
REPORT = (
    ("title", REPORT_TITLE),
    ("meta", REPORT_META),
    *REPORT_PARAS,
    ("table", (REPORT_HEAD, *REPORT_ROWS)),
)

# --- 4. a 红头 document typed in Word, printed to PostScript and distilled by Ghostscript ----------------

GARDEN = (
    ("masthead", "中共溪宁市委老干部局文件"),
    ("docnum", "溪老干发〔2028〕6号"),
    ("title", "关于印发《离退休干部“开心农园”认种管理办法》的通知"),
    ("addressee", "各县（市、区）委老干部局，市直各单位："),
    ("body", "现将《离退休干部“开心农园”认种管理办法》印发给你们，请认真组织实施。"),
    ("title", "离退休干部“开心农园”认种管理办法"),
    ("body", "第一条　为丰富离退休干部的休闲生活，倡导健康的田园劳动，制定本办法。"),
    (
        "body",
        "第二条　开心农园位于城东青梅岭，共划分为120块菜地，每块面积约15平方米，由市老干部活动中心负责管理。",
    ),
    (
        "body",
        "第三条　认种期为一年，自每年3月1日起至次年2月底止。认种费每块每年180元，用于支付水费和日常维护。",
    ),
    ("body", "第四条　每名离退休干部限认种一块菜地。报名人数超过菜地数量时，以公开抽签的方式确定认种人。"),
    ("body", "第五条　农园免费提供锄头、铁锹、水桶等常用农具和灌溉用水，种子、种苗和肥料由认种人自备。"),
    ("body", "第六条　农园开放时间为每天早上6时至下午6时，夏季（6月至8月）延长至晚上7时。"),
    ("body", "第七条　菜地内禁止使用化学农药和除草剂，提倡使用农家肥，不得搭建棚屋等固定设施。"),
    (
        "body",
        "第八条　连续两个月无人打理、杂草丛生的菜地，经提醒后仍不整改的，由管理方收回并退还剩余月份的认种费。",
    ),
    ("body", "第九条　认种人因身体原因不能继续耕种的，可以由其配偶或子女代为打理，但不得转租他人。"),
    ("body", "第十条　本办法自2028年3月1日起施行，由市委老干部局负责解释。"),
    ("right", "中共溪宁市委老干部局"),
    ("right", "2028年2月14日"),
    ("copyto", "抄送：市老干部活动中心。"),
    ("printed", ("中共溪宁市委老干部局办公室", "2028年2月14日")),
)

# --- 5. a speech written in Markdown, made an OpenDocument text by pandoc ----------------------------

SPEECH = (
    ("title", "在隔代教育家长学校开班仪式上的讲话"),
    ("author", "市委常委、组织部部长　欧阳文澜"),
    ("date", "2028年10月16日"),
    ("body", "同志们："),
    (
        "body",
        "今天，“溪宁市离退休干部隔代教育家长学校”正式开班了。我代表市委组织部，向参加学习的老同志们表示热烈欢迎！",
    ),
    (
        "body",
        "根据市委老干部局的摸底调查，全市离退休干部中约有六成在帮助子女照看孙辈，其中每天接送孙辈上下学的有2100多人。"
        "老同志们把晚年的大量时间和心血花在了第三代身上，这份付出值得全社会尊重。",
    ),
    (
        "body",
        "带孙辈是一门学问。现在的孩子接触的东西多、想法多，老办法有时不灵了，“隔代亲”也容易变成“隔代宠”。"
        "办这所家长学校，就是想帮助老同志们把孙辈带得更好、带得更轻松。",
    ),
    (
        "body",
        "第一，课程要实用。这一期共安排8讲，内容包括儿童营养、安全防护、电子产品使用和学习习惯培养，"
        "每月第二个星期四下午在市老干部活动中心三楼报告厅上课，请市师范学院的教授和市妇幼保健院的医生主讲。",
    ),
    (
        "body",
        "第二，观念要更新。比如电子产品，专家建议6岁以下的孩子每天看屏幕的时间累计不超过1小时。"
        "这些新知识，需要我们老同志带头学、带头用。",
    ),
    (
        "body",
        "第三，沟通要顺畅。两代人在教育孩子上有分歧很正常，希望老同志们坚持“三不”：不当着孩子的面批评孩子的父母，"
        "不包办代替孩子能做的事，不无原则地溺爱纵容。",
    ),
    (
        "body",
        "第四，学用要结合。每讲结束后，学员可以把带孙辈中遇到的难题写在“问题卡”上，下一讲由老师集中解答。"
        "学满6讲的学员，由市委老干部局颁发结业证书。",
    ),
    ("body", "同志们，家庭是社会的细胞，家风连着党风政风。希望大家学有所获，祝老同志们身体健康、家庭幸福！"),
)


def _markdown(parts: tuple) -> str:  # type: ignore[type-arg]
    """The parts as a Pandoc Markdown file: a YAML block (title, author, date), ``##`` headings, ``-``
    lists, a pipe table; a ``noted`` paragraph carries its note as a footnote."""
    meta = {kind: text for kind, text in parts if kind in ("title", "author", "date")}
    lines = ["---", *(f'{key}: "{value}"' for key, value in meta.items()), "---", ""]
    notes = []
    previous = ""
    for kind, text in parts:
        if kind in meta:
            continue
        if kind != "bullet" and previous == "bullet":
            lines.append("")
        if kind == "heading":
            lines += [f"## {text}", ""]
        elif kind == "bullet":
            lines.append(f"- {text}")
        elif kind == "table":
            head, *rows = text
            lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
            lines += ["| " + " | ".join(row) + " |" for row in rows]
            lines.append("")
        else:
            lines += [text, ""]
        previous = kind
    return "\n".join(lines + notes) + "\n"


def _guide_markdown() -> str:
    # the footnote hangs on 「放慢」 of the third 日常生活 item
    text = _markdown(GUIDE)
    return text.replace("都要放慢。", "都要放慢[^1]。") + f"\n[^1]: {GUIDE_NOTE}\n"


def _pandoc(markdown: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "source.md"
        source.write_text(markdown, encoding="utf-8")
        subprocess.run(["pandoc", str(source), "-f", "markdown", "-o", str(out)], check=True)


def write_guide(path: Path) -> None:
    _pandoc(_guide_markdown(), path)


def write_speech(path: Path) -> None:
    # each 「第一，……。」 opens its paragraph in bold, as a speech's points are typed
    text = re.sub(r"^(第[一二三四五六七八九十]+，[^。]+。)", r"**\1**", _markdown(SPEECH), flags=re.M)
    _pandoc(text, path)


def _swim_html() -> str:
    menu = "".join(f'<li><a href="/{i}/">{name}</a></li>' for i, name in enumerate(SITE_MENU))
    body = "".join(f"<p>{line}</p>" for line in SWIM_BODY)
    footer = "".join(f"<p>{line}</p>" for line in SITE_FOOTER)
    return f"""<!DOCTYPE html>
<!-- saved from url=(0052)http://www.xnlgb.gov.cn/tzgg/202809/t20280905_8817.html -->
<html><head><meta charset="utf-8"><title>{SWIM_TITLE}_通知公告_{SITE_NAME}</title>
<style>
body {{ font-family: "Noto Sans CJK SC", sans-serif; margin: 0; color: #333; }}
.banner {{ background: #b5171d; color: #fff; padding: 18px 40px; font-size: 28px; font-weight: bold; }}
.nav ul {{ margin: 0; padding: 0 40px; background: #8e0f14; list-style: none; }}
.nav li {{ display: inline-block; padding: 8px 18px; }}
.nav a {{ color: #fff; text-decoration: none; font-size: 15px; }}
.crumb {{ padding: 10px 40px; font-size: 13px; color: #666; border-bottom: 1px solid #ddd; }}
.article {{ padding: 10px 60px; }}
.article h1 {{ text-align: center; font-size: 24px; color: #b5171d; }}
.info {{ text-align: center; font-size: 13px; color: #888; border-bottom: 1px dashed #ccc; padding-bottom: 8px; }}
.content p {{ text-indent: 2em; font-size: 16px; line-height: 1.9; }}
.content p.sign {{ text-align: right; text-indent: 0; }}
.tools {{ text-align: right; font-size: 13px; color: #666; }}
.pages {{ font-size: 13px; color: #666; border-top: 1px solid #ddd; padding-top: 6px; }}
.footer {{ background: #eee; text-align: center; font-size: 12px; color: #666; padding: 10px; margin-top: 20px; }}
</style></head>
<body>
<div class="banner">{SITE_NAME}</div>
<div class="nav"><ul>{menu}</ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/3/">通知公告</a></div>
<div class="article">
<h1>{SWIM_TITLE}</h1>
<div class="info">发布时间：{SWIM_DATE}　来源：市委老干部局　浏览次数：1326　字号：[<a href="#">大</a> \
<a href="#">中</a> <a href="#">小</a>]</div>
<div class="content">{body}
<p class="sign">中共溪宁市委老干部局</p><p class="sign">2028年9月5日</p></div>
<div class="tools">【<a href="#">打印本页</a>】【<a href="#">关闭窗口</a>】</div>
<div class="pages"><p>上一篇：<a href="#">{SITE_PREVIOUS}</a></p><p>下一篇：<a href="#">{SITE_NEXT}</a></p></div>
</div>
<div class="footer">{footer}</div>
</body></html>
"""


def write_swim(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "t20280905_8817.html"
        page.write_text(_swim_html(), encoding="utf-8")
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        subprocess.run(
            ["wkhtmltopdf", "--quiet", "--encoding", "utf-8", "--page-size", "A4", str(page), str(path)],
            check=True,
            env=env,
        )


def _report_typst() -> str:
    out = [
        '#set page(paper: "a4", margin: (x: 2.5cm, top: 3cm, bottom: 2.5cm),',
        f"  header: align(center, text(size: 9pt, fill: gray)[{escape(REPORT_HEADER)}]"
        " + line(length: 100%, stroke: 0.4pt + gray)),",
        "  footer: context align(center, text(size: 9pt)[— #counter(page).display() —]))",
        '#set text(font: "Noto Serif CJK SC", size: 12pt, lang: "zh")',
        "#set par(first-line-indent: (amount: 2em, all: true), leading: 0.9em, justify: true)",
        '#show heading: set text(font: "Noto Sans CJK SC", size: 13pt)',
        f'#align(center, text(size: 20pt, weight: "bold")[{escape(REPORT_TITLE)}])',
        f"#align(center, text(size: 12pt)[{escape(REPORT_META)}])",
        "",
    ]
    out += body_markup(REPORT_PARAS)
    cells = [f"table.header({', '.join(f'[*{h}*]' for h in REPORT_HEAD)}),"]
    cells += [", ".join(f"[{escape(c)}]" for c in row) + "," for row in REPORT_ROWS]
    out += [
        "#set par(first-line-indent: 0em)",
        "#table(columns: (3em, 1fr, 5em, 9em, 5em), inset: 5pt, align: left + horizon,",
        *("  " + c for c in cells),
        ")",
    ]
    return "\n".join(out) + "\n"


_TYPST_COMPILE = "import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2])"


def write_report(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "report.typ"
        source.write_text(_report_typst(), encoding="utf-8")
        subprocess.run(
            [TYPST_PYTHON, "-c", _TYPST_COMPILE, str(source), str(path)],
            check=True,
        )


def write_garden(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        word = tmp_path / "garden.docx"
        write_official_docx(GARDEN, word, author=AUTHOR)
        soffice_convert(word, "pdf", tmp_path / "garden.pdf")
        postscript = tmp_path / "garden.ps"
        subprocess.run(["pdftops", "-level3", str(tmp_path / "garden.pdf"), str(postscript)], check=True)
        subprocess.run(["ps2pdf", "-sPAPERSIZE=a4", str(postscript), str(path)], check=True)


MAKERS = {
    "离退休干部居家防跌倒安全指南.docx": write_guide,
    "关于招募离退休干部冬泳健身队队员的公告.pdf": write_swim,
    "银发顾问团2027年度工作报告.pdf": write_report,
    "开心农园认种管理办法.pdf": write_garden,
    "在隔代教育家长学校开班仪式上的讲话.odt": write_speech,
}


def main(argv: list[str]) -> None:
    out = Path(argv[0]) if argv else HERE
    out.mkdir(parents=True, exist_ok=True)
    for name, make in MAKERS.items():
        make(out / name)
        print(name, (out / name).stat().st_size)
    for tool in ("pandoc", "wkhtmltopdf", "pdftops", "ps2pdf", "soffice"):
        if shutil.which(tool) is None:
            print(f"warning: {tool} not found")


if __name__ == "__main__":
    main(sys.argv[1:])
