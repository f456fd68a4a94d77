"""Make the fifth, cold question set's corpus with real producers (re-runnable; output is committed).

    /work/main/.venv/bin/python benchmarks/corpus-cold3/make_corpus.py

Five documents of a city veteran-cadre bureau (澜川市 is invented; so are all names, numbers, addresses,
telephone numbers and amounts), written for this set only, on topics neither the bundled speeches nor
``corpus-cold2`` cover:

- ``离退休干部健康管理通知.pdf`` — a notice on the 2025 health check-ups, health records and family
  doctors, with ages, amounts, dates and a small table, written as .docx and exported to PDF by
  LibreOffice (``soffice --headless --convert-to pdf``);
- ``老干部活动中心管理规定.docx`` — a regulation in chapters (第一章…) and numbered articles
  (第一条…), with a page header and a footer holding a page-number field;
- ``银龄行动推进会讲话.docx`` — a bureau director's speech at a 银龄行动 volunteer-service meeting
  (Title, Heading 1/2, date in Chinese numerals, a 「内部资料」 header and a page-number footer);
- ``困难离退休干部帮扶实施细则.docx`` — an implementing rule with a table of subsidy levels;
- ``防范养老诈骗宣传通知.txt`` — a notice saved as GBK plain text with CRLF line ends, as an office PC
  would.

Needs python-docx, LibreOffice (``soffice``) and the Noto CJK fonts.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
SERIF = "Noto Serif CJK SC"

# Each document is a list of (kind, text): kind is title, subtitle, speaker, date, docnum, heading1,
# heading2, chapter (a centred Heading 1), body, right (a right-aligned signature or date line) or
# table (text is a list of rows, the first the header).

HEALTH_NOTICE = [
    ("title", "关于做好2025年度离退休干部健康管理服务工作的通知"),
    ("docnum", "澜老干发〔2025〕7号"),
    ("body", "各县（市、区）委老干部局，市直各单位："),
    (
        "body",
        "为进一步提高离退休干部健康管理服务水平，根据《澜川市离退休干部医疗保障办法》，经局务会研究，"
        "现就2025年度离退休干部健康管理服务工作通知如下：",
    ),
    ("heading1", "一、健康体检"),
    (
        "body",
        "（一）体检对象。全市离休干部、退休的原副处级以上干部，以及年满70周岁的其他退休干部。",
    ),
    (
        "body",
        "（二）体检时间。2025年4月7日至6月30日，各单位按分配的时段分批组织，每批不超过40人。",
    ),
    (
        "body",
        "（三）体检机构。市人民医院健康管理中心（人民路188号）、市中医院治未病中心（滨江路56号），"
        "由老同志自愿选择其中一家。",
    ),
    ("body", "（四）体检标准。各类人员的体检费用标准和加做项目见下表，超出标准的部分由个人自付。"),
    (
        "table",
        [
            ["体检对象", "体检标准（元/人·年）", "加做项目"],
            ["离休干部", "2200", "心脏彩超、肿瘤标志物"],
            ["退休的原副处级以上干部", "1200", "颈动脉彩超"],
            ["年满70周岁的其他退休干部", "800", "无"],
        ],
    ),
    (
        "body",
        "年满80周岁的老同志另加做骨密度检测和认知功能筛查两项，所需费用由市委老干部局另行核拨。",
    ),
    ("heading1", "二、电子健康档案"),
    (
        "body",
        "体检机构应在体检结束后15个工作日内将体检结果录入“澜川老干部健康云”平台，建立电子健康档案，"
        "做到一人一档、动态更新。老同志本人或其家属可凭身份证号登录平台查询体检报告。",
    ),
    ("heading1", "三、家庭医生签约服务"),
    (
        "body",
        "年满85周岁的离休干部和失能、半失能的退休干部，由所在社区卫生服务中心优先签约家庭医生，"
        "每季度上门随访不少于2次。签约服务费每人每年120元，由市委老干部局统一支付，个人不再承担。",
    ),
    ("heading1", "四、健康讲座和义诊"),
    (
        "body",
        "市委老干部局联合市卫生健康委员会，于每月第二个星期三上午在市老干部活动中心三楼报告厅举办健康讲座，"
        "全年不少于10场。重阳节前后组织三甲医院专家开展“义诊进社区”活动。",
    ),
    ("heading1", "五、工作要求"),
    (
        "body",
        "（一）各单位要于2025年3月20日前将参加体检的人员名单报市委老干部局老干部服务科。",
    ),
    ("body", "（二）体检费用实行据实结算，一律不得发放现金或购物卡代替体检。"),
    (
        "body",
        "（三）对因病卧床不能到医院体检的老同志，由原单位联系体检机构安排医护人员上门抽血检查。",
    ),
    ("body", "联系人：老干部服务科  林海燕，电话：8826 3105。"),
    ("right", "中共澜川市委老干部局"),
    ("right", "2025年3月3日"),
]

CENTRE_RULES = [
    ("title", "澜川市老干部活动中心管理规定"),
    ("date", "（2025年2月18日局务会议审议通过）"),
    ("chapter", "第一章  总则"),
    (
        "body",
        "第一条  为加强市老干部活动中心（以下简称“活动中心”）的管理，为离退休干部提供安全、文明、"
        "舒适的活动环境，制定本规定。",
    ),
    (
        "body",
        "第二条  活动中心位于澜川市文昌路36号，建筑面积4800平方米，设有阅览室、书画室、棋牌室、"
        "乒乓球室、门球场、健身房和多功能报告厅。",
    ),
    (
        "body",
        "第三条  活动中心由市委老干部局主管，日常管理由市老干部活动中心管理办公室（以下简称“管理办”）负责。",
    ),
    ("chapter", "第二章  开放时间和服务对象"),
    (
        "body",
        "第四条  活动中心每周二至周日开放，周一闭馆维护。开放时间为上午8:00至11:30，下午2:00至5:30；"
        "每年7月1日至9月30日，下午开放时间调整为2:30至6:00。",
    ),
    (
        "body",
        "第五条  国家法定节假日的开放安排，由管理办提前3天在活动中心公告栏和“澜川老干部”微信公众号公布。",
    ),
    (
        "body",
        "第六条  服务对象为本市离退休干部。离退休干部凭《老干部活动证》入内，活动证由原单位向管理办申请办理，"
        "不收取工本费。",
    ),
    ("body", "第七条  年满80周岁的老同志入场活动，须有家属或者陪护人员陪同。"),
    ("chapter", "第三章  场地使用"),
    (
        "body",
        "第八条  多功能报告厅、书画室供离退休干部党支部和老年社团举办活动使用，须提前5个工作日向管理办预约，"
        "每次使用时间不超过半天。",
    ),
    ("body", "第九条  门球场实行分时段预约，每队每次使用不超过2小时；雨天门球场关闭。"),
    (
        "body",
        "第十条  健身房器械使用前须接受管理人员指导。年满75周岁的老同志不得使用跑步机。",
    ),
    ("body", "第十一条  阅览室图书每人每次限借2册，借期30天，可续借1次。"),
    ("chapter", "第四章  安全管理"),
    ("body", "第十二条  活动中心内全面禁止吸烟，禁止携带宠物进入。"),
    (
        "body",
        "第十三条  活动中心配备自动体外除颤器（AED）2台，分别放置在一楼大厅和二楼健身房。"
        "管理人员须经急救培训、持证上岗。",
    ),
    ("body", "第十四条  任何人不得在活动中心内以任何形式进行赌博活动，棋牌室活动不得带有彩头。"),
    ("body", "第十五条  管理办每月组织一次消防安全检查，每年开展一次应急疏散演练。"),
    ("chapter", "第五章  附则"),
    (
        "body",
        "第十六条  违反本规定的，管理办应当予以劝阻；劝阻无效、情节严重的，暂停其活动证使用3个月。",
    ),
    ("body", "第十七条  本规定由市委老干部局负责解释。"),
    (
        "body",
        "第十八条  本规定自2025年3月1日起施行。2016年印发的《澜川市老干部活动中心管理暂行办法》同时废止。",
    ),
]

VOLUNTEER_SPEECH = [
    ("title", "在全市“银龄行动”志愿服务推进会上的讲话"),
    ("speaker", "市委组织部副部长、市委老干部局局长  韩志远"),
    ("date", "（二〇二五年五月二十日）"),
    ("body", "同志们："),
    (
        "body",
        "今天，我们在澜川区召开全市“银龄行动”志愿服务推进会，主要任务是总结“银龄行动”开展两年来的成效，"
        "交流经验，部署下一阶段工作。刚才，大家观看了专题片，澜川区委老干部局、市教育局退休教师志愿服务队"
        "和南湖街道的同志作了交流发言，讲得都很好。下面，我讲三点意见。",
    ),
    ("heading1", "一、“银龄行动”开展以来取得的成效"),
    (
        "body",
        "2023年4月全市启动“银龄行动”以来，各级老干部工作部门把组织离退休干部参加志愿服务作为"
        "发挥老同志作用的重要抓手，取得了明显成效。",
    ),
    ("heading2", "（一）队伍不断壮大"),
    (
        "body",
        "目前，全市共组建离退休干部志愿服务队218支，注册志愿者6430人，其中离休干部37人，"
        "志愿者平均年龄68.5岁。年龄最大的志愿者是离休干部周秉文同志，今年已经96岁，"
        "仍坚持每周到社区给孩子们讲革命故事。",
    ),
    ("heading2", "（二）服务领域不断拓展"),
    (
        "body",
        "两年来，全市累计开展志愿服务1.8万场次，服务时长达到42万小时。服务领域从最初的政策宣讲、"
        "关心下一代，拓展到基层治理、医疗义诊、法律咨询、文明劝导等8个方面。"
        "由退休医生组成的“银龄医疗队”深入偏远乡镇义诊312场，惠及群众2.6万人次。",
    ),
    ("heading2", "（三）品牌效应逐步显现"),
    (
        "body",
        "“夕阳红调解室”“老支书说事”“银发护学岗”等一批志愿服务品牌在群众中叫得响。"
        "南湖街道“夕阳红调解室”两年来调解邻里纠纷460起，调解成功率达到96%，被评为全省优秀志愿服务项目。",
    ),
    ("heading1", "二、正视存在的不足"),
    (
        "body",
        "在肯定成绩的同时，也要看到存在的不足：一是发展不平衡，市直单位和城区志愿服务队多，农村和山区县少，"
        "青岚县、石门县的志愿服务队加起来不到20支；二是项目化运作水平不高，部分服务队活动内容单一、"
        "时断时续；三是激励保障不够，有的单位志愿服务经费没有列入年度预算。",
    ),
    ("heading1", "三、推动“银龄行动”提质增效"),
    ("heading2", "（一）建强组织体系"),
    (
        "body",
        "今年年底前，每个乡镇（街道）至少建立1支离退休干部志愿服务队，实现全覆盖。"
        "要依托离退休干部党支部建立志愿服务队，做到“支部建在队上”。",
    ),
    ("heading2", "（二）实施“项目认领”"),
    (
        "body",
        "从今年起，市委老干部局每年发布一批志愿服务项目清单，由各志愿服务队认领实施。"
        "今年第一批共发布项目45个，认领截止时间为6月30日。对年终评为优秀的项目，每个给予2万元资金扶持。",
    ),
    ("heading2", "（三）完善激励保障"),
    (
        "body",
        "建立志愿服务积分制度，志愿者每服务1小时积1分，积分可在全市32家“银龄驿站”兑换生活用品和体检服务。"
        "每年评选表彰“十佳银龄志愿者”和“十佳志愿服务队”，表彰大会在12月5日国际志愿者日前后举行。"
        "同时，为年满60周岁的注册志愿者统一购买意外伤害保险，保额每人20万元。",
    ),
    (
        "body",
        "同志们，老同志是党和国家的宝贵财富。让我们携起手来，把“银龄行动”这件好事办好、实事办实，"
        "为建设现代化新澜川贡献银龄力量！",
    ),
]

HARDSHIP_RULES = [
    ("title", "澜川市困难离退休干部帮扶救助实施细则"),
    ("docnum", "澜老干发〔2025〕12号"),
    ("heading1", "一、总则"),
    (
        "body",
        "为切实解决离退休干部的实际困难，根据《澜川市困难离退休干部帮扶救助办法》，制定本细则。"
        "帮扶救助资金从市老干部帮扶救助专项资金中列支，2025年专项资金预算为380万元。",
    ),
    ("heading1", "二、帮扶对象"),
    (
        "body",
        "本细则所称困难离退休干部，是指具有本市户籍、由本市财政发放离退休费，并符合下列情形之一的离退休干部：",
    ),
    ("body", "（一）家庭人均月收入低于本市城乡居民最低生活保障标准2倍的；"),
    ("body", "（二）本人患重大疾病，年度个人自付医疗费用超过3万元的；"),
    ("body", "（三）因火灾、交通事故等突发事件导致家庭生活出现严重困难的；"),
    ("body", "（四）失能、半失能且无子女照料的。"),
    ("heading1", "三、帮扶标准"),
    ("body", "帮扶救助分为一般困难、较重困难和特别困难三个等级，各等级的帮扶标准如下："),
    (
        "table",
        [
            ["困难等级", "认定情形", "帮扶标准", "发放方式"],
            ["一般困难", "符合上述情形中一项的", "每人每年3000元", "春节前一次性发放"],
            ["较重困难", "符合上述情形中两项的", "每人每年6000元", "分春节、中秋两次发放"],
            [
                "特别困难",
                "符合上述情形中三项及以上，或因重大疾病致贫的",
                "每人每年10000元",
                "按季度发放",
            ],
        ],
    ),
    (
        "body",
        "因重大疾病住院的，可另行申请临时医疗救助，每人每年累计不超过2万元。",
    ),
    ("heading1", "四、申请程序"),
    (
        "body",
        "（一）个人申请。由本人或其家属向原单位提出书面申请，填写《困难离退休干部帮扶救助申请表》，"
        "并提供收入证明、医疗费用票据等材料。离休干部的帮扶申请，可由所在社区代为提交。",
    ),
    (
        "body",
        "（二）单位审核。原单位在收到申请后10个工作日内完成入户核查，并在单位内部公示5个工作日。",
    ),
    (
        "body",
        "（三）审批发放。市委老干部局待遇保障科在15个工作日内完成审批，帮扶资金直接打入本人社保卡账户。",
    ),
    ("heading1", "五、监督管理"),
    (
        "body",
        "帮扶对象实行动态管理，每年复核一次。以虚报、隐瞒、伪造等手段骗取帮扶资金的，一经查实，"
        "追回已发放的资金，3年内不得再次申请。",
    ),
    ("heading1", "六、附则"),
    (
        "body",
        "本细则自2025年4月1日起施行，由市委老干部局待遇保障科负责解释。咨询电话：8826 3127。",
    ),
    ("right", "中共澜川市委老干部局"),
    ("right", "二〇二五年三月二十五日"),
]

FRAUD_NOTICE_LINES = [
    "中共澜川市委老干部局",
    "",
    "关于开展离退休干部防范养老诈骗专项宣传活动的通知",
    "",
    "澜老干通〔2025〕15号",
    "",
    "各县（市、区）委老干部局，市直各单位离退休干部工作部门：",
    "    近年来，以“养老投资”“保健品”“以房养老”等名义实施的诈骗案件时有发生，一些老同志上当受骗。"
    "2024年全市共发生涉老诈骗案件137起，涉案金额1260万元，其中受害人为离退休干部的有23起。"
    "为增强老同志的防骗意识，经商市公安局同意，决定于2025年6月至8月在全市开展离退休干部防范养老诈骗"
    "专项宣传活动。现将有关事项通知如下：",
    "    一、活动内容",
    "    （一）进支部宣讲。各地公安机关选派反诈民警走进离退休干部党支部开展宣讲，"
    "每个县（市、区）不少于10场。",
    "    （二）发放宣传资料。市委老干部局印制《老同志防骗手册》2万册，7月15日前发放到每一位离退休干部手中。",
    "    （三）开展“一对一”提醒。对独居、高龄的离退休干部，由社区民警和网格员上门提醒，"
    "帮助安装“国家反诈中心”APP。",
    "    （四）典型案例警示。市公安局每月通过“澜川老干部”微信公众号发布1期涉老诈骗典型案例。",
    "    二、时间安排",
    "    （一）动员部署阶段：6月1日至6月15日。",
    "    （二）集中宣传阶段：6月16日至8月15日。",
    "    （三）总结评估阶段：8月16日至8月31日，各单位于8月25日前报送活动总结。",
    "    三、工作要求",
    "    （一）加强协作。各级老干部工作部门要与当地公安机关建立联络机制，明确一名联络员。",
    "    （二）及时报告。发现老同志疑似遭遇诈骗的，要第一时间拨打110报警或者反诈专线96110。",
    "    （三）注重实效。宣讲要用老同志听得懂的语言，多讲身边案例，防止走过场。",
    "",
    "    联系人：市委老干部局离退休干部管理科  吴建华，电话：8826 3119；"
    "市公安局刑侦支队反诈中心  赵磊，电话：8826 9010。",
    "",
    "                                        中共澜川市委老干部局",
    "                                          2025年5月26日",
]


def _font(run, size: float | None = None) -> None:
    run.font.name = SERIF
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), SERIF)
    if size is not None:
        run.font.size = Pt(size)


def _page_field(paragraph) -> None:
    """Append a PAGE field (the page number Word and LibreOffice fill in) to a paragraph."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(instr)
    run._r.append(end)


def write_docx(
    parts: list[tuple[str, object]],
    path: Path,
    header: str | None = None,
    footer: bool = False,
) -> None:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = SERIF
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), SERIF)
    normal.font.size = Pt(14)
    section = doc.sections[0]
    if header is not None:
        head = section.header.paragraphs[0]
        _font(head.add_run(header), 10.5)
        head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if footer:
        foot = section.footer.paragraphs[0]
        _font(foot.add_run("— "))
        _page_field(foot)
        _font(foot.add_run(" —"))
        foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, text in parts:
        if kind == "table":
            header_row, *rows = text
            table = doc.add_table(rows=len(rows) + 1, cols=len(header_row))
            table.style = "Table Grid"
            for r, row in enumerate([header_row, *rows]):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            continue
        style = {
            "title": "Title",
            "heading1": "Heading 1",
            "chapter": "Heading 1",
            "heading2": "Heading 2",
        }.get(kind)
        paragraph = doc.add_paragraph(style=style)
        run = paragraph.add_run(text)
        _font(run)
        if kind in ("speaker", "date", "docnum", "chapter"):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "right":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif kind == "body":
            paragraph.paragraph_format.first_line_indent = Pt(28)
    doc.core_properties.author = "澜川市委老干部局办公室"
    doc.save(path)


def write_pdf(parts: list[tuple[str, object]], path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("需要 LibreOffice（soffice）来导出 PDF")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / (path.stem + ".docx")
        write_docx(parts, source, footer=True)
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{tmp}/profile",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(source),
            ],
            check=True,
            capture_output=True,
        )
        shutil.copyfile(Path(tmp) / (path.stem + ".pdf"), path)


def main() -> None:
    write_pdf(HEALTH_NOTICE, HERE / "离退休干部健康管理通知.pdf")
    write_docx(
        CENTRE_RULES,
        HERE / "老干部活动中心管理规定.docx",
        header="澜川市委老干部局",
        footer=True,
    )
    write_docx(
        VOLUNTEER_SPEECH,
        HERE / "银龄行动推进会讲话.docx",
        header="内部资料  注意保存",
        footer=True,
    )
    write_docx(HARDSHIP_RULES, HERE / "困难离退休干部帮扶实施细则.docx")
    text = "\r\n".join(FRAUD_NOTICE_LINES) + "\r\n"
    (HERE / "防范养老诈骗宣传通知.txt").write_bytes(text.encode("gbk"))


if __name__ == "__main__":
    main()
