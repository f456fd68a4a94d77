"""Make the twenty-second, cold question set's corpus with real producers (re-runnable; output is committed).

    /work/main/.venv/bin/python benchmarks/corpus-cold20/make_corpus.py [FOLDER]

writes them beside this script, or into FOLDER (to compare a re-run with the committed files).

Five files of a city veteran-cadre bureau (桐溪市 is invented; so are all names, numbers, addresses,
telephone numbers and amounts), written for this set only, each of a shape no earlier set had, on topics
neither the bundled speeches, the fixtures nor ``corpus-cold2`` … ``corpus-cold19`` treat:

- ``老干部工作通讯2027年第6期.pdf`` — a bureau newsletter's page: a full-width masthead (name, issue, editor,
  date) over **four short articles, each under its own headline, set in three columns** (python-docx: a
  one-column section, then a continuous section break into a three-column section, balanced; exported to
  PDF by LibreOffice Writer). Reading order runs down each column, and the articles must stay apart;
- ``老年大学2027年秋季学期选课指南.uot`` — the old people's university's course guide in **UOF** (统一办公格式,
  GB/T 20916, the Chinese national office format: one XML file, elements named in Chinese, 「字:段落」 and
  「字:文本串」): python-docx's .docx (title, headings, a numbered list, a table of courses) saved by
  LibreOffice Writer's 「UOF 文本」 filter;
- ``老干部活动室预约使用说明.md`` — an article **exported as Markdown from the bureau's knowledge base**: YAML
  front matter (title, author, date, tags), ``#`` headings, a pipe table, numbered and bulleted lists,
  ``**bold**``, links and an image, a ``>`` note, a question-and-answer section (written as the text here);
- ``中医养生健康讲座海报.pdf`` — an **event poster**: a LibreOffice Impress page (python-pptx slide of A4
  portrait size, exported by Impress): a large title, text boxes placed side by side (时间 and 地点 beside
  each other, the speaker in a box of its own), a list of topics, an organiser line at the foot — no
  paragraphs flowing on a page, the boxes' reading order is their place;
- ``离退休干部医疗互助金实施细则.docx`` — an implementing rule with **Word's automatic numbering on three
  levels**: 「第一章」 chapters (a list of their own), 「第一条」 articles numbered on **across** chapters and
  「（一）」 items restarting under each article (the two levels of a second list) — no number typed; and a table of designated hospitals that
  runs over a page break with its **header row repeated** (``w:tblHeader``) (python-docx).

Needs python-docx, python-pptx and LibreOffice (Writer and Impress). ``benchmarks/check_questions.py
cold20`` imports the sources below to check ``benchmarks/cold20-questions.jsonl``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from docx import Document  # noqa: E402
from docx.enum.section import WD_SECTION  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.oxml import OxmlElement, parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls, qn  # noqa: E402
from docx.shared import Cm, Pt  # noqa: E402

from tests.fixtures.corpus_writers import SERIF, soffice_convert  # noqa: E402

OFFICE = "中共桐溪市委老干部局"

# --- the newsletter: a masthead over four articles in three columns ------------------------------

NEWSLETTER_HEAD = (
    ("masthead", "老干部工作通讯"),
    ("issue", "2027年第6期（总第58期）　　中共桐溪市委老干部局编　　2027年6月18日"),
)
NEWSLETTER_ARTICLES = (
    (
        "“银龄书画院”首届作品展开展",
        (
            "6月12日，由桐溪市委老干部局主办的“银龄书画院”首届作品展在市文化中心二楼展厅开展。"
            "展览共展出离退休干部创作的书法、国画、篆刻作品126件，其中年龄最大的作者已有93岁。",
            "作品展将持续至7月10日，每天9:00至16:30免费向市民开放，周一闭馆。",
        ),
    ),
    (
        "全市离退休干部健步走活动举行",
        (
            "6月8日清晨，300余名离退休干部在滨江绿道参加“健康同行·银龄健步走”活动。"
            "线路从滨江公园南门出发，经月亮湾折返，全程约5公里。",
            "活动设置了3个补给点，市急救中心派出救护车和医护人员全程保障。"
            "市老干部体协表示，下半年还将组织一次登山活动。",
        ),
    ),
    (
        "银龄讲师团走进社区宣讲",
        (
            "5月以来，市银龄讲师团的28名讲师分赴全市46个社区，开展“讲好身边故事”宣讲活动。"
            "讲师们结合亲身经历讲述当年修建西岭水库的故事，累计听众超过5600人次。",
            "讲师团团长邬立新说，6月下旬起将把宣讲送进中小学校园。",
        ),
    ),
    (
        "夏季防暑降温温馨提示",
        (
            "入夏以来气温持续升高，请各位老同志注意防暑降温：",
            "一是避开每天11时至15时的高温时段外出；",
            "二是每天饮水不少于1500毫升，少喝含糖饮料；",
            "三是空调温度不宜低于26℃，室内外温差不要太大。",
            "如出现头晕、恶心、乏力等中暑症状，请及时就医或拨打120。",
        ),
    ),
)
NEWSLETTER_FOOT = "本期编辑：柯晓岚　　联系电话：0575-88213351"
NEWSLETTER = [
    *(("body", text) for _, text in NEWSLETTER_HEAD),
    *(("body", text) for headline, paragraphs in NEWSLETTER_ARTICLES for text in (headline, *paragraphs)),
    ("body", NEWSLETTER_FOOT),
]

# --- the course guide (UOF) ------------------------------------------------------------------------

COURSE_GUIDE = (
    ("title", "桐溪市老年大学2027年秋季学期选课指南"),
    ("center", "桐溪市老年大学教务处　2027年7月26日"),
    ("heading1", "一、报名时间和方式"),
    (
        "body",
        "秋季学期报名时间为2027年8月16日至8月27日。老学员可通过“桐溪老年大学”微信公众号在线选课，"
        "新学员请携带身份证和一寸照片2张到学校一楼教务处现场报名。",
    ),
    ("heading1", "二、选课规则"),
    ("numbered", "每位学员本学期最多选报3门课程，其中热门课程限选1门。"),
    ("numbered", "报名人数超过班额的课程，由教务处于9月1日公开摇号确定学员名单。"),
    ("numbered", "年满80周岁的学员可优先选课，请在报名时出示身份证件。"),
    ("heading1", "三、开设课程"),
    (
        "table",
        (
            ("课程名称", "上课时间", "教室", "任课教师", "学费"),
            ("智能手机摄影", "周二上午9:00", "多媒体教室301", "沈向东", "300元"),
            ("太极拳（二十四式）", "周三上午8:30", "体育馆一楼", "钱素梅", "200元"),
            ("古琴入门", "周四下午2:30", "琴房205", "温知远", "480元"),
            ("中国画（花鸟）", "周五上午9:00", "书画教室402", "毛一帆", "360元"),
        ),
    ),
    ("heading1", "四、其他事项"),
    (
        "body",
        "秋季学期于9月6日开学，共16周。离休干部学费全免，退休干部学费按标准减半收取。"
        "古琴入门课程需自备古琴，学校可提供租琴服务，每学期租金150元。",
    ),
    ("body", "咨询电话：0575-88217620（工作日8:30—17:00）。"),
    ("right", "桐溪市老年大学"),
)

# --- the knowledge-base article (Markdown) ---------------------------------------------------------

ROOMS_MARKDOWN = """\
---
title: 老干部活动室预约使用说明
author: 桐溪市老干部活动中心
date: 2027-05-20
tags: [活动中心, 场地预约, 使用须知]
---

# 老干部活动室预约使用说明

> 本文由「桐溪老干部之家」知识库导出。最后更新：2027-05-20　编辑：活动中心服务台

市老干部活动中心位于桐溪市解放北路88号，向全市离退休干部免费开放。为方便大家使用，各活动室实行**预约制**，具体办法如下。

## 一、开放的活动室

| 活动室 | 位置 | 开放时间 | 可容纳人数 |
| --- | --- | --- | --- |
| 棋牌室 | 二楼201室 | 周一至周五 8:30-17:00 | 24人 |
| 台球室 | 二楼208室 | 周一至周六 8:30-17:00 | 8人 |
| 书画室 | 三楼302室 | 周二至周日 9:00-16:30 | 30人 |
| 合唱排练厅 | 四楼多功能厅 | 每周三、周五下午 | 60人 |

## 二、怎样预约

1. **电话预约**：拨打活动中心服务台电话 0575-88213046，说明活动室、日期、时段和人数。
2. **小程序预约**：在微信中搜索“桐溪银龄家园”小程序，进入“场地预约”页面选择时段提交。
3. **现场登记**：到一楼服务台填写《活动室使用登记表》。

团体活动（10人以上）请至少提前3个工作日预约；个人使用可当天预约。

## 三、使用须知

- 每次预约的使用时长不超过3小时，同一人每周最多预约2次。
- 预约后不能按时使用的，请提前2小时取消；一个月内爽约3次的，暂停预约资格30天。
- 活动室内禁止吸烟，书画室内请勿使用明火。
- 使用结束后请关闭空调和灯光，将桌椅恢复原位。

## 四、常见问题

**问：可以带家属一起参加活动吗？**

答：可以。每位离退休干部每次最多可带1名家属，家属须由本人陪同。

**问：台球室需要另外交费吗？**

答：不需要。活动中心所有活动室均免费使用，球杆等器材由服务台统一借用。

**问：节假日开放吗？**

答：法定节假日闭馆，具体以服务台公告为准。

![活动中心楼层示意图](images/floor-map.png)

相关链接：[老干部活动中心简介](https://kb.example.cn/tx-lgb/center) ｜ [活动室使用登记表下载](https://kb.example.cn/tx-lgb/form)
"""

# --- the poster (LibreOffice Impress) -------------------------------------------------------------

# (left, top, width, height) in centimetres on an A4 portrait page, size in points, the lines
POSTER_BOXES = (
    ((1.5, 1.6, 18.0, 1.2), 20, ("桐溪市离退休干部秋季健康讲座",)),
    ((1.5, 3.2, 18.0, 2.6), 44, ("中医养生　健康同行",)),
    ((1.5, 7.0, 8.6, 3.0), 16, ("时间", "2027年9月24日（星期五）", "下午2:30—4:30")),
    ((10.9, 7.0, 8.6, 3.0), 16, ("地点", "市老干部活动中心", "三楼报告厅")),
    (
        (1.5, 11.2, 18.0, 3.0),
        16,
        ("主讲人", "祁慕言　桐溪市中医院治未病科主任中医师，", "从事中医内科临床工作三十余年"),
    ),
    (
        (1.5, 15.2, 18.0, 6.0),
        16,
        (
            "讲座内容",
            "秋季饮食调养：润燥为主，多吃梨、百合、银耳",
            "常见慢性病的中医调理方法",
            "八段锦现场教学",
            "现场为老同志免费测血压、把脉问诊",
        ),
    ),
    ((1.5, 22.4, 18.0, 1.6), 14, ("温馨提示：前50名到场的老同志可领取艾草暖足包一份。",)),
    (
        (1.5, 25.6, 18.0, 2.2),
        12,
        ("主办：中共桐溪市委老干部局　承办：桐溪市中医院", "咨询电话：0575-88216672"),
    ),
)


def poster_parts() -> list[tuple[str, str]]:
    """The poster's lines in its boxes' order, as parts (for ``check_questions.py``)."""
    return [("body", line) for _, _, lines in POSTER_BOXES for line in lines]


POSTER = poster_parts()

# --- the implementing rule: three-level Word numbering, a long table with a repeated header -------

# ("chapter", heading) | ("article", text) | ("item", text) | ("title"/"center"/"body"/"right", text)
MUTUAL_AID_RULES = (
    ("title", "桐溪市离退休干部医疗互助金实施细则"),
    ("center", "（2027年3月15日市委老干部局局务会议通过）"),
    ("chapter", "总　　则"),
    (
        "article",
        "为减轻离退休干部患重大疾病后的医疗费用负担，发扬互助共济精神，根据有关规定，结合本市实际，制定本细则。",
    ),
    ("article", "本细则适用于市级机关、事业单位的离退休干部。"),
    ("article", "医疗互助金由市委老干部局统一管理，市老干部服务中心负责日常申请受理和发放工作。"),
    ("chapter", "互助金的筹集"),
    ("article", "医疗互助金按照自愿参加的原则筹集，资金来源包括："),
    ("item", "参加人员每人每年缴纳120元；"),
    ("item", "市财政按参加人数每人每年补助200元；"),
    ("item", "社会各界的捐赠。"),
    ("article", "参加人员的年度缴费于每年1月1日至2月28日集中办理，逾期未缴的当年不享受互助金补助。"),
    ("chapter", "补助范围和标准"),
    ("article", "参加人员发生下列情形之一的，可以申请医疗互助金："),
    ("item", "患恶性肿瘤、尿毒症等重大疾病，当年个人自付医疗费用超过5000元的；"),
    ("item", "因意外伤害住院治疗，个人自付医疗费用超过3000元的；"),
    ("item", "经认定的其他特殊困难情形。"),
    (
        "article",
        "互助金按个人自付医疗费用的分段比例补助：5000元至2万元的部分补助40%，2万元以上的部分补助60%，"
        "每人每年累计补助不超过5万元。",
    ),
    ("article", "同一疾病已获得单位大病救助的，互助金按救助后的自付费用计算补助。"),
    ("chapter", "申请和发放"),
    ("article", "申请医疗互助金，应当提交下列材料："),
    ("item", "《医疗互助金申请表》；"),
    ("item", "定点医疗机构出具的出院小结或诊断证明；"),
    ("item", "医疗费用结算单据原件。"),
    (
        "article",
        "申请材料每季度末月的10日前报送市老干部服务中心，经审核公示5个工作日无异议后，"
        "补助资金在次月底前打入本人社保卡银行账户。",
    ),
    ("article", "参加人员在本细则附表所列的定点医疗机构就医，可以享受申请材料代办服务。"),
    ("chapter", "附　　则"),
    ("article", "虚报、冒领互助金的，追回已发放的补助，并取消其三年内的申请资格。"),
    ("article", "本细则由市委老干部局负责解释，自2027年4月1日起施行。"),
    ("body", "附表：医疗互助金定点医疗机构名单"),
    ("hospitals", None),
    ("right", "中共桐溪市委老干部局"),
    ("right", "2027年3月15日"),
)
_HOSPITAL_NAMES = (
    ("桐溪市第一人民医院", "人民路16号", "0575-88210120"),
    ("桐溪市第二人民医院", "江滨东路301号", "0575-88226033"),
    ("桐溪市中医院", "文昌路58号", "0575-88216600"),
    ("桐溪市肿瘤医院", "望湖路9号", "0575-88239011"),
    ("桐溪市老年病医院", "南塘街72号", "0575-88251880"),
    ("桐溪市康复医院", "梅园路3号", "0575-88244517"),
    ("城东街道社区卫生服务中心", "城东大道188号", "0575-88261203"),
    ("城西街道社区卫生服务中心", "西山路45号", "0575-88263310"),
    ("北门街道社区卫生服务中心", "北门街120号", "0575-88265478"),
    ("月湖街道社区卫生服务中心", "月湖路77号", "0575-88267095"),
    ("桐溪经济开发区医院", "科创大道2号", "0575-88270664"),
    ("桐溪市妇幼保健院", "健康路31号", "0575-88212219"),
    ("桐溪市眼科医院", "光明路56号", "0575-88228840"),
    ("桐溪市口腔医院", "朝阳路14号", "0575-88230552"),
    ("桐溪市精神卫生中心", "青山路200号", "0575-88279133"),
    ("沙湾镇中心卫生院", "沙湾镇新华街8号", "0575-88312205"),
    ("石桥镇中心卫生院", "石桥镇石桥路66号", "0575-88325716"),
    ("临川镇中心卫生院", "临川镇府前路21号", "0575-88338471"),
    ("青溪乡卫生院", "青溪乡溪口村", "0575-88341092"),
    ("桐溪市第三人民医院", "新港路500号", "0575-88286630"),
    ("桐溪市中西医结合医院", "东湖路128号", "0575-88291175"),
    ("桐溪市骨伤科医院", "河西路39号", "0575-88293308"),
    ("桐溪仁和护理院", "长寿路6号", "0575-88296642"),
    ("桐溪颐康老年医院", "紫荆路17号", "0575-88298850"),
    ("凤鸣街道社区卫生服务中心", "凤鸣路90号", "0575-88301127"),
    ("桃源镇中心卫生院", "桃源镇中心街3号", "0575-88352290"),
)
HOSPITALS = (
    ("序号", "医疗机构名称", "地址", "联系电话"),
    *((str(i), name, where, phone) for i, (name, where, phone) in enumerate(_HOSPITAL_NAMES, 1)),
)


def rules_parts() -> list[tuple[str, object]]:
    """The rule as the parts ``check_questions.py`` reads (the numbers Word shows are not in its text)."""
    parts: list[tuple[str, object]] = []
    for kind, text in MUTUAL_AID_RULES:
        if kind == "hospitals":
            parts.append(("table", HOSPITALS))
        else:
            parts.append(("body", text))
    return parts


RULES = rules_parts()


# --- writers -------------------------------------------------------------------------------------


def _font(run, size: float | None = None, bold: bool = False) -> None:  # type: ignore[no-untyped-def]
    run.font.name = SERIF
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), SERIF)
    if size is not None:
        run.font.size = Pt(size)
    run.font.bold = bold or None


def _new_document(size: float):  # type: ignore[no-untyped-def]
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = SERIF
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), SERIF)
    normal.font.size = Pt(size)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    return doc


def _columns(section, count: int) -> None:  # type: ignore[no-untyped-def]
    cols = section._sectPr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        section._sectPr.append(cols)
    cols.set(qn("w:num"), str(count))
    cols.set(qn("w:space"), "425")


def write_newsletter(path: Path) -> None:
    """The newsletter page: python-docx, three balanced columns under the masthead; LibreOffice's PDF."""
    doc = _new_document(10.5)
    first = doc.sections[0]
    first.left_margin = first.right_margin = Cm(1.8)
    first.top_margin = first.bottom_margin = Cm(1.6)
    for kind, text in NEWSLETTER_HEAD:
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(paragraph.add_run(text), 30 if kind == "masthead" else 10.5, bold=kind == "masthead")
    body = doc.add_section(WD_SECTION.CONTINUOUS)  # the first section (the masthead) ends here
    _columns(body, 3)
    for headline, paragraphs in NEWSLETTER_ARTICLES:
        head = doc.add_paragraph()
        head.alignment = WD_ALIGN_PARAGRAPH.CENTER
        head.paragraph_format.space_before = Pt(8)
        head.paragraph_format.space_after = Pt(4)
        _font(head.add_run(headline), 13, bold=True)
        for text in paragraphs:
            paragraph = doc.add_paragraph()
            paragraph.paragraph_format.first_line_indent = Pt(21)
            paragraph.paragraph_format.space_after = Pt(0)
            _font(paragraph.add_run(text), 10.5)
    end = doc.add_section(WD_SECTION.CONTINUOUS)  # the columns end (and balance) here
    _columns(end, 1)
    foot = doc.add_paragraph()
    foot.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _font(foot.add_run(NEWSLETTER_FOOT), 9)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / (path.stem + ".docx")
        doc.save(source)
        soffice_convert(source, "pdf", path)


def _chinese_numbering(doc, levels: list[str], first_indent: str) -> int:  # type: ignore[no-untyped-def]
    """Add a list of `levels` (lvlText of each level, numFmt chineseCounting) to the numbering part; its
    numId. Each level restarts under the one above it, as Word's levels do."""
    numbering = doc.part.numbering_part.element
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    abstract_id = max(abstract_ids, default=0) + 1
    num_id = max(num_ids, default=0) + 1
    kind = "multilevel" if len(levels) > 1 else "singleLevel"
    xml = [
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="{kind}"/>'
    ]
    for level, text in enumerate(levels):
        indent = first_indent if level == 0 else '<w:ind w:left="0" w:firstLine="560"/>'
        xml.append(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            f'<w:suff w:val="space"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f"<w:pPr>{indent}</w:pPr>" + ("<w:rPr><w:b/></w:rPr>" if level == 0 else "") + "</w:lvl>"
        )
    xml.append("</w:abstractNum>")
    abstract = parse_xml("".join(xml))
    num = parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(num)
    return num_id


def _numbered(paragraph, num_id: int, level: int) -> None:  # type: ignore[no-untyped-def]
    paragraph._p.get_or_add_pPr().insert(
        0,
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'),
    )


def write_rules(path: Path) -> None:
    """The rule: python-docx, 章 by one chineseCounting list and 条/项 by a two-level one (so the articles
    run on over the chapters, as Word and LibreOffice both show them), the hospitals' table with
    its first row marked to repeat on every page it runs onto (``w:tblHeader``)."""
    doc = _new_document(14)
    chapters = _chinese_numbering(doc, ["第%1章"], '<w:jc w:val="center"/>')
    articles = _chinese_numbering(doc, ["第%1条", "（%2）"], '<w:ind w:left="0" w:firstLine="560"/>')
    for kind, text in MUTUAL_AID_RULES:
        if kind == "hospitals":
            table = doc.add_table(rows=len(HOSPITALS), cols=len(HOSPITALS[0]))
            table.style = "Table Grid"
            for r, row in enumerate(HOSPITALS):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            header = table.rows[0]._tr.get_or_add_trPr()
            repeat = OxmlElement("w:tblHeader")
            header.append(repeat)
            continue
        paragraph = doc.add_paragraph(style="Title" if kind == "title" else None)
        run = paragraph.add_run(str(text))
        _font(run, 22 if kind == "title" else None, bold=kind == "chapter")
        if kind == "chapter":
            _numbered(paragraph, chapters, 0)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "article":
            _numbered(paragraph, articles, 0)
        elif kind == "item":
            _numbered(paragraph, articles, 1)
        elif kind in ("center", "title"):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "right":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        else:
            paragraph.paragraph_format.first_line_indent = Pt(28)
    doc.core_properties.author = "市委老干部局办公室"
    doc.save(path)


def write_course_guide(path: Path) -> None:
    """The course guide: python-docx (Title, Heading 1, a 「1.」 list, a table), saved as UOF by LibreOffice."""
    doc = _new_document(14)
    numbering = doc.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="7"><w:multiLevelType w:val="singleLevel"/>'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
            '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="560"/></w:pPr></w:lvl></w:abstractNum>'
        )
    )
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="7"><w:abstractNumId w:val="7"/></w:num>'))
    for kind, text in COURSE_GUIDE:
        if kind == "table":
            rows = text
            table = doc.add_table(rows=len(rows), cols=len(rows[0]))  # type: ignore[arg-type]
            table.style = "Table Grid"
            for r, row in enumerate(rows):  # type: ignore[arg-type]
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            continue
        style = {"title": "Title", "heading1": "Heading 1"}.get(kind)
        paragraph = doc.add_paragraph(style=style)
        _font(paragraph.add_run(str(text)))
        if kind == "numbered":
            _numbered(paragraph, 7, 0)
        elif kind in ("title", "center"):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "right":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif kind == "body":
            paragraph.paragraph_format.first_line_indent = Pt(28)
    doc.core_properties.author = "老年大学教务处"
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / (path.stem + ".docx")
        doc.save(source)
        soffice_convert(source, "uot:UOF text", path)


def write_poster(path: Path) -> None:
    """The poster: one python-pptx slide of A4 portrait size, its text boxes where POSTER_BOXES puts them;
    exported to PDF by LibreOffice Impress."""
    from pptx import Presentation
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Cm as PCm
    from pptx.util import Pt as PPt

    deck = Presentation()
    deck.slide_width, deck.slide_height = PCm(21), PCm(29.7)
    slide = deck.slides.add_slide(deck.slide_layouts[6])  # blank
    for (left, top, width, height), size, lines in POSTER_BOXES:
        box = slide.shapes.add_textbox(PCm(left), PCm(top), PCm(width), PCm(height))
        frame = box.text_frame
        frame.word_wrap = True
        for number, line in enumerate(lines):
            paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
            paragraph.alignment = (
                PP_ALIGN.CENTER if size >= 20 or len(lines) == 1 or width < 10 else PP_ALIGN.LEFT
            )
            run = paragraph.add_run()
            run.text = line
            run.font.size = PPt(size + 4 if number == 0 and len(lines) > 1 else size)
            run.font.bold = (number == 0 and len(lines) > 1) or size >= 20
            run.font.name = SERIF
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / (path.stem + ".pptx")
        deck.save(source)
        soffice_convert(source, "pdf", path)


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else HERE
    out.mkdir(parents=True, exist_ok=True)
    write_newsletter(out / "老干部工作通讯2027年第6期.pdf")
    write_course_guide(out / "老年大学2027年秋季学期选课指南.uot")
    (out / "老干部活动室预约使用说明.md").write_text(ROOMS_MARKDOWN, encoding="utf-8", newline="\n")
    write_poster(out / "中医养生健康讲座海报.pdf")
    write_rules(out / "离退休干部医疗互助金实施细则.docx")
    for path in sorted(out.iterdir()):
        if path.suffix != ".py":
            print(f"{path.name}\t{path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
