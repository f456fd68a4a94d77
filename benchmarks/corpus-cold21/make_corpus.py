"""Make the twenty-third, cold question set's corpus with real producers (re-runnable; output is committed).

    /work/main/.venv/bin/python benchmarks/corpus-cold21/make_corpus.py [FOLDER]

writes them beside this script, or into FOLDER (to compare a re-run with the committed files).

Five files of a city veteran-cadre bureau (苇塘市 is invented; so are all names, numbers, addresses,
telephone numbers and amounts), written for this set only, each of a shape no earlier set had, on topics
neither the bundled speeches, the fixtures nor ``corpus-cold2`` … ``corpus-cold20`` treat:

- ``百岁离休干部寿辰祝贺会致辞.pdf`` — a short speech **typed in 竖排** (vertical writing: the section's text
  direction top to bottom, columns right to left, ``w:textDirection tbRl``), exported to PDF by LibreOffice
  Writer: every line of the page is a column of characters, the first at the right; digits turned on
  their side;
- ``局务会议纪要2027年第9次.pdf`` — a bureau meeting's **会议纪要 laid out in tables**: the meeting's time,
  place, chair, attendance and recorder as a two-column table, then one table whose rows are the agenda
  items, each item's name and its reporting office **merged down** over the rows of its decisions (each
  decision with its office and deadline), exported to PDF by LibreOffice Writer;
- ``全市老干部工作会议工作报告.pdf`` — a long report to the city's annual conference: a **table of
  contents page** (a TOC field as Word leaves it: entries, dot leaders, page numbers), four chapters
  under Heading 1 and **running heads naming the chapter** (a ``STYLEREF "Heading 1"`` field in the page
  header: every page's head is the chapter it is in), a 「— N —」 footer, exported by LibreOffice Writer;
- ``老干部活动中心维修期间暂停开放通知.docx`` — a notice **whose body is a scanned page pasted into Word**:
  the paper notice scanned (reportlab, ``pdftoppm``, Pillow: turned a little, blurred, specked), saved as
  a JPEG and inserted by python-docx as an inline picture the width of the page; the document holds no
  typed text — what a clerk sends on when asked for 「电子版」 of a paper notice;
- ``党支部书记培训班开班讲话.pdf`` — a speech **printed two pages to a sheet** (「每版打印 2 页」): the
  LibreOffice PDF of an A5 speech (a 「— N —」 footer) laid two pages side by side on landscape A4 by
  pypdf (``merge_transformed_page``), as a print-to-PDF driver's N-up does: the text layer of both pages
  on one page, each with its own footer.

Needs python-docx, pypdf, reportlab, Pillow, ``pdftoppm`` and LibreOffice Writer. ``benchmarks/check_questions.py
cold21`` imports the sources below to check ``benchmarks/cold21-questions.jsonl``.
"""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from docx import Document  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Cm, Pt  # noqa: E402

from tests.fixtures.corpus_writers import soffice_convert, write_docx, write_scan  # noqa: E402

AUTHOR = "中共苇塘市委老干部局"

# --- 1. a congratulatory speech typed in vertical writing ------------------------------------------

VERTICAL_SPEECH = (
    ("title", "在离休干部付守诚同志百岁寿辰祝贺会上的致辞"),
    ("speaker", "市委老干部局局长　简明远"),
    ("date", "（2027年11月6日）"),
    ("body", "尊敬的付老，各位老领导、同志们："),
    (
        "body",
        "金秋时节，我们在这里欢聚一堂，共同祝贺付守诚同志百岁寿辰。首先，我代表市委老干部局，向付老致以最诚挚的祝福，"
        "祝付老福如东海、寿比南山！",
    ),
    (
        "body",
        "付老1927年出生于苇塘县石桥镇，1945年参加革命，1946年加入中国共产党，先后参加过解放战争和抗美援朝，"
        "荣立二等功一次、三等功两次。新中国成立后，他长期在农业战线工作，1985年从市农业局副局长岗位上离休。",
    ),
    (
        "body",
        "离休以后，付老退而不休，坚持义务为石桥镇小学讲革命故事三十余年，累计讲课四百多场；"
        "他还把自己积攒的六万元捐给家乡设立“守诚助学金”，先后资助了52名贫困学生完成学业。",
    ),
    (
        "body",
        "付老的长寿秘诀，他自己总结为三句话：“心里不装事，饭吃七分饱，每天走五里。”这朴素的话语，"
        "体现的是一名老党员豁达的胸怀和严于律己的生活态度。",
    ),
    (
        "body",
        "按照市里的规定，年满百岁的离休干部每月增发长寿保健补贴1000元。今天，我们还为付老送上由书法家题写的"
        "“松鹤延年”寿匾一块。局里将安排专人每周上门看望一次，帮助解决生活中的实际困难。",
    ),
    ("body", "最后，再次祝付老健康长寿，祝各位老同志身体健康、阖家幸福！"),
)

# --- 2. minutes of a bureau meeting, in tables ------------------------------------------------------

MINUTES_HEAD = (
    ("title", "苇塘市委老干部局局务会议纪要"),
    ("date", "（2027年第9次）"),
)
MINUTES_FACTS = (
    ("项目", "内容"),
    ("会议时间", "2027年9月14日上午9:00"),
    ("会议地点", "局机关四楼第二会议室"),
    ("主持人", "局长简明远"),
    ("出席人员", "副局长乔立群、韦淑英，各处室负责人"),
    ("列席人员", "市财政局社保科科长汤一帆"),
    ("记录人", "办公室干部阮小青"),
)
MINUTES_ITEMS = (
    ("议题", "汇报处室", "议定事项", "责任处室", "完成时限"),
    (
        "一、重阳节系列活动安排",
        "活动处",
        "同意10月18日在市老干部活动中心举办重阳文艺汇演，邀请离退休干部代表300人参加",
        "活动处",
        "10月18日",
    ),
    (None, None, "为全市90岁以上离退休干部每人发放重阳慰问金600元", "待遇处", "10月15日前"),
    (None, None, "汇演当天安排两辆接送车，分别从东门、南门发车", "办公室", "10月18日"),
    (
        "二、离退休干部健康档案电子化",
        "待遇处",
        "同意委托市第二人民医院为2600名离退休干部建立电子健康档案",
        "待遇处",
        "12月31日前",
    ),
    (None, None, "所需经费18.5万元从老干部工作专项经费中列支", "办公室", "9月30日前"),
    (
        "三、老年大学秋季招生",
        "老年大学",
        "同意秋季学期新开设智能手机摄影、八段锦两个班，每班限额40人",
        "老年大学",
        "9月20日前",
    ),
    (None, None, "报名采取线下现场报名方式，80岁以上学员优先录取", "老年大学", "9月25日前"),
    (
        "四、其他事项",
        "办公室",
        "局机关10月起实行老干部来访首问负责制，首位接待人员负责登记和跟踪办理",
        "办公室",
        "10月1日起",
    ),
)
MINUTES_TAIL = (
    ("body", "会议要求，各责任处室要按照议定事项抓好落实，办理情况于每月底前报办公室汇总。"),
    ("right", "苇塘市委老干部局办公室"),
    ("right", "2027年9月15日"),
    ("body", "分送：局领导，各处室，市财政局社保科。"),
)
MINUTES = (
    *MINUTES_HEAD,
    ("table", [list(row) for row in MINUTES_FACTS]),
    ("body", "会议听取了有关处室的汇报，研究了以下事项，纪要如下："),
    ("merged", [list(row) for row in MINUTES_ITEMS]),
    *MINUTES_TAIL,
)

# --- 3. a long report with a contents page and the chapter in the running head ---------------------

REPORT_TITLE = (
    ("title", "凝心聚力　守正创新　奋力开创全市老干部工作新局面"),
    ("body", "——在2028年全市老干部工作会议上的工作报告"),
    ("speaker", "市委老干部局局长　简明远"),
    ("date", "（2028年2月22日）"),
)
REPORT_CHAPTERS = (
    (
        "一、2027年工作回顾",
        (
            "过去一年，全市老干部工作在市委的坚强领导下，围绕中心、服务大局，各项工作取得新的进展。"
            "全市现有离退休干部1.86万人，其中离休干部312人，平均年龄91.4岁。",
            "政治待遇进一步落实。全年组织离退休干部阅读文件、参加情况通报会46场次，"
            "为行动不便的老同志送学上门1320人次，订阅《中国老年报》等报刊5800份。",
            "生活待遇进一步保障。离休干部医药费全年支出4760万元，做到按时足额报销；"
            "为全市离退休干部统一购买团体意外伤害保险，全年理赔87人次，赔付金额64万元。",
            "阵地建设进一步加强。新建社区老干部活动站11个，全市活动站达到138个；"
            "市老年大学在校学员突破9000人，开设课程126门。",
        ),
    ),
    (
        "二、存在的问题和不足",
        (
            "在肯定成绩的同时，我们也要清醒看到工作中存在的问题。一是服务高龄、失能老干部的力量不足，"
            "全市失能半失能离休干部有47人，专业护理人员缺口较大。",
            "二是基层老干部活动站发展不平衡，部分乡镇活动站场地狭小、设施陈旧，利用率不高。"
            "三是老干部工作队伍年龄结构偏大，懂信息化的年轻干部偏少。",
        ),
    ),
    (
        "三、2028年主要任务",
        (
            "2028年全市老干部工作的总体要求是：以服务老干部为中心，以提升质量为主线，推动老干部工作高质量发展。"
            "重点抓好以下四项工作。",
            "第一，实施“银龄关爱”工程。对全市失能半失能离休干部实行“一人一策”，与市康复医院签订协议，"
            "每月上门护理不少于两次，所需费用由市财政全额保障。",
            "第二，推进活动站提档升级。计划用两年时间改造提升30个乡镇老干部活动站，每个站补助建设经费8万元，"
            "今年先完成15个。",
            "第三，办好老年大学。新建老年大学东城分校，新增教学面积2400平方米，力争年底在校学员达到1万人。",
            "第四，建设智慧老干部服务平台。年内上线“苇塘老干部”小程序，实现政策查询、待遇申报、活动报名网上办理。",
        ),
    ),
    (
        "四、加强老干部工作部门自身建设",
        (
            "各级老干部工作部门要坚持政治机关定位，把讲政治贯穿工作始终。要加强干部队伍建设，"
            "今年计划选调5名35岁以下年轻干部充实到老干部工作岗位，并组织全员轮训一次。",
            "要大力弘扬“三心”精神，对老干部怀有敬重之心、关爱之心、服务之心，努力把老干部工作部门建设成为"
            "让党放心、让老干部满意的模范部门。",
            "同志们，新的一年，让我们凝心聚力、守正创新，奋力开创全市老干部工作新局面！",
        ),
    ),
)
# the report's text, as check_questions.py reads it: the title lines, then each chapter's heading and paragraphs
REPORT = (
    *REPORT_TITLE,
    *(
        (kind, text)
        for heading, paragraphs in REPORT_CHAPTERS
        for kind, text in (("heading1", heading), *(("body", p) for p in paragraphs))
    ),
)

# --- 4. a paper notice scanned and pasted into Word -------------------------------------------------

PASTED_NOTICE = (
    ("title", "关于市老干部活动中心维修期间暂停开放的通知"),
    ("docnum", "苇老干办〔2027〕31号"),
    ("body", "各离退休干部党支部、各活动团队："),
    (
        "body",
        "为消除安全隐患，市老干部活动中心将对主楼屋面防水、电梯和消防设施进行维修改造。"
        "维修期间，活动中心自2027年12月1日起暂停开放，预计2028年2月28日恢复开放。",
    ),
    ("body", "暂停开放期间，有关事项通知如下："),
    ("body", "一、合唱团、舞蹈队的日常排练，临时改到市文化馆三楼排练厅，时间不变。"),
    ("body", "二、图书阅览室暂停借阅，已借图书的，请于11月28日前归还。"),
    ("body", "三、门球场、乒乓球室所在的附楼不在维修范围内，照常开放。"),
    ("body", "四、维修期间的咨询电话为0759-3361208，联系人：蓝晓东。"),
    ("body", "给大家带来的不便，敬请谅解。"),
    ("right", "中共苇塘市委老干部局办公室"),
    ("right", "2027年11月20日"),
)

# --- 5. a speech printed two pages to a sheet --------------------------------------------------------

TWO_UP_SPEECH = (
    ("title", "在全市离退休干部党支部书记培训班开班式上的讲话"),
    ("speaker", "市委老干部局副局长　乔立群"),
    ("date", "（2027年4月11日）"),
    ("body", "同志们："),
    (
        "body",
        "今天，全市离退休干部党支部书记培训班正式开班了。这次培训为期三天，共有来自全市各地的"
        "146名离退休干部党支部书记参加，这是近年来规模最大的一次。",
    ),
    (
        "body",
        "离退休干部党支部是党在离退休干部中的战斗堡垒。截至去年底，全市共有离退休干部党支部213个，"
        "离退休干部党员7400余名。支部书记是支部的“领头雁”，大家的能力素质直接关系到支部的战斗力。",
    ),
    (
        "body",
        "这次培训安排了党的理论、支部工作实务、党费收缴与管理、“三会一课”规范化等六个专题，"
        "邀请了市委党校的四位教授授课，还安排了一个下午到红星村党史馆开展现场教学。",
    ),
    (
        "body",
        "希望大家珍惜这次学习机会，做到学有所获。一是要严守纪律，培训期间一律不得请假，确有特殊情况的，"
        "须经带队人同意并报培训班班主任批准。二是要学用结合，结业时每人提交一篇不少于1500字的学习体会。",
    ),
    (
        "body",
        "培训期间统一安排食宿，住宿地点在市委党校学员楼，用餐在党校二楼食堂。年龄较大、身体不适的同志，"
        "可以向班主任韦淑英同志提出，我们将调整到一楼房间。",
    ),
    (
        "body",
        "下面，我就做好离退休干部党支部工作讲三点意见。第一，要把政治引领放在首位。支部每月至少组织一次集中学习，"
        "对居住分散、行动不便的党员，可以采取送学上门、线上学习等方式，确保学习不落一人。",
    ),
    (
        "body",
        "第二，要规范组织生活。严格落实“三会一课”制度，支部党员大会每季度召开一次，支部委员会每月召开一次。"
        "今年起，全市离退休干部党支部统一使用《组织生活记录本》，年底由市委老干部局组织抽查。",
    ),
    (
        "body",
        "第三，要发挥老党员作用。引导老党员在关心下一代、社区治理、文明创建中发挥余热，"
        "今年要在每个县区至少培育一个“银发先锋”志愿服务品牌，年底评选表彰一批优秀支部书记。",
    ),
    ("body", "最后，祝培训班圆满成功！谢谢大家。"),
)


# --- the writers ------------------------------------------------------------------------------------


def write_vertical(path: Path) -> None:
    """The speech as python-docx writes it, its section set to vertical writing (Word's 「文字方向 ›
    垂直」, ``w:textDirection w:val="tbRl"``), exported to PDF by LibreOffice."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / (path.stem + ".docx")
        write_docx(VERTICAL_SPEECH, source, author=AUTHOR)
        doc = Document(str(source))
        _a4(doc)
        # LibreOffice 7.4 draws a vertical paragraph that widow control holds together over a page break
        # on top of the next one: off, as a typist fixing the overprint would turn it
        for paragraph in doc.paragraphs:
            paragraph.paragraph_format.widow_control = False
        direction = OxmlElement("w:textDirection")
        direction.set(qn("w:val"), "tbRl")
        sect = doc.sections[0]._sectPr
        later = sect.find(qn("w:docGrid"))
        if later is not None:
            later.addprevious(direction)
        else:
            sect.append(direction)
        doc.save(str(source))
        soffice_convert(source, "pdf", path)


def write_minutes(path: Path) -> None:
    """The minutes: title and number, the facts table, the agenda table with merged cells, the closing
    lines; python-docx, exported by LibreOffice."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / (path.stem + ".docx")
        write_docx(MINUTES, source, author=AUTHOR, footer=True)
        doc = Document(str(source))
        _a4(doc)
        section = doc.sections[0]
        section.left_margin = section.right_margin = Cm(2.2)
        for table, widths in zip(doc.tables, ((3.5, 13.1), (3.0, 2.2, 6.6, 2.2, 2.6)), strict=True):
            table.autofit = False
            for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
                column.w = Cm(width)
            for row in table.rows:
                for cell, width in zip(row.cells, widths, strict=True):
                    cell.width = Cm(width)
        doc.save(str(source))
        soffice_convert(source, "pdf", path)


def write_report(path: Path) -> None:
    """The report: the title lines and a contents page (a TOC field's shown result) in a first section
    with no page head, then each chapter in a section of its own starting a new page, its page header
    unlinked from the one before and holding the chapter's heading (Word's 「链接到前一节」 off: the running
    head names the chapter), a 「— N —」 footer throughout; python-docx, exported by LibreOffice."""
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    contents = [(heading, str(page)) for page, (heading, _) in enumerate(REPORT_CHAPTERS, start=2)]
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / (path.stem + ".docx")
        write_docx([*REPORT_TITLE, ("contents", contents)], source, author=AUTHOR, footer=True)
        doc = Document(str(source))
        _a4(doc)
        heading = doc.add_paragraph("目　录")  # above the entries: a centred line, not a chapter
        doc.paragraphs[len(REPORT_TITLE)]._p.addprevious(heading._p)
        heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for paragraph in doc.paragraphs:  # the page break after the contents: the next section starts one
            if not paragraph.text and paragraph._p.xpath(".//w:br"):
                paragraph._p.getparent().remove(paragraph._p)
        for chapter, paragraphs in REPORT_CHAPTERS:
            section = doc.add_section(WD_SECTION.NEW_PAGE)
            section.header.is_linked_to_previous = False
            head = section.header.paragraphs[0]
            head.text = chapter
            head.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for run in head.runs:
                run.font.size = Pt(10.5)
                run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "Noto Serif CJK SC")
            doc.add_paragraph(chapter, style="Heading 1")
            for text in paragraphs:
                body = doc.add_paragraph(text)
                body.paragraph_format.first_line_indent = Pt(28)
        doc.save(str(source))
        soffice_convert(source, "pdf", path)


def _a4(doc) -> None:  # type: ignore[no-untyped-def]
    """Every section of `doc` on A4 (python-docx's template is US Letter)."""
    for section in doc.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)


def write_pasted_scan(path: Path) -> None:
    """The paper notice scanned (`write_scan`: reportlab, pdftoppm at 200 dpi, Pillow), saved as a JPEG
    and pasted into an otherwise empty Word document as an inline picture the text's width."""
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "scan.png"
        write_scan(PASTED_NOTICE, png, author=AUTHOR, size=14, turn=0.5, seed=2127)
        picture = io.BytesIO()
        Image.open(png).convert("L").save(picture, "JPEG", quality=60, dpi=(200, 200))
        picture.seek(0)
        doc = Document()
        _a4(doc)
        section = doc.sections[0]
        section.left_margin = section.right_margin = Cm(1.5)
        section.top_margin = section.bottom_margin = Cm(1.2)
        doc.add_picture(picture, width=section.page_width - section.left_margin - section.right_margin)
        doc.core_properties.author = AUTHOR
        doc.save(str(path))


def write_two_up(path: Path) -> None:
    """The speech on A5 pages (python-docx, a 「— N —」 footer, LibreOffice's PDF), then two pages to a
    landscape A4 sheet by pypdf: each A5 page placed, unscaled, in one half of the sheet."""
    from pypdf import PageObject, PdfReader, PdfWriter, Transformation

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / (path.stem + ".docx")
        write_docx(TWO_UP_SPEECH, source, author=AUTHOR, footer=True)
        doc = Document(str(source))
        section = doc.sections[0]
        section.page_width, section.page_height = Cm(14.8), Cm(21.0)
        section.left_margin = section.right_margin = Cm(1.8)
        section.top_margin = section.bottom_margin = Cm(2.0)
        for paragraph in doc.paragraphs:
            for run in paragraph.runs:
                run.font.size = Pt(12)
        doc.save(str(source))
        single = Path(tmp) / (path.stem + ".single.pdf")
        soffice_convert(source, "pdf", single)
        reader = PdfReader(single)
        width = float(reader.pages[0].mediabox.width)
        height = float(reader.pages[0].mediabox.height)
        writer = PdfWriter()
        for first in range(0, len(reader.pages), 2):
            sheet = PageObject.create_blank_page(width=2 * width, height=height)
            for offset, page in enumerate(reader.pages[first : first + 2]):
                sheet.merge_transformed_page(page, Transformation().translate(tx=offset * width, ty=0))
            writer.add_page(sheet)
        writer.add_metadata({"/Author": AUTHOR, "/Producer": "pypdf (2-up)"})
        with path.open("wb") as out:
            writer.write(out)


def main(argv: list[str]) -> None:
    folder = Path(argv[1]) if len(argv) > 1 else HERE
    folder.mkdir(parents=True, exist_ok=True)
    write_vertical(folder / "百岁离休干部寿辰祝贺会致辞.pdf")
    write_minutes(folder / "局务会议纪要2027年第9次.pdf")
    write_report(folder / "全市老干部工作会议工作报告.pdf")
    write_pasted_scan(folder / "老干部活动中心维修期间暂停开放通知.docx")
    write_two_up(folder / "党支部书记培训班开班讲话.pdf")
    for made in sorted(folder.iterdir()):
        if made.suffix in (".pdf", ".docx"):
            print(f"{made.name}\t{made.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main(sys.argv)
