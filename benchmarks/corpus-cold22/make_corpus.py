"""Make the twenty-fourth, cold question set's corpus with real producers (re-runnable; output is committed).

    /work/main/.venv/bin/python benchmarks/corpus-cold22/make_corpus.py [FOLDER]

writes them beside this script, or into FOLDER (to compare a re-run with the committed files).

Five files of a city veteran-cadre bureau (澄湖市 is invented; so are all names, numbers, addresses,
telephone numbers and amounts), written for this set only, each of a shape no earlier set had, on topics
neither the bundled speeches, the fixtures nor ``corpus-cold2`` … ``corpus-cold21`` treat:

- ``春节走访慰问离休干部工作通知.pdf`` — a 红头 notice **converted to curves** (转曲, as a print shop or a
  designer asks before printing): typed in Word's way by python-docx, exported to PDF by LibreOffice
  Writer, each page turned into outlines by **cairo** (``pdftocairo -svg``: every glyph a filled path) and
  the SVG made a PDF again by **LibreOffice Draw** — the PDF holds no font, no text object and no image,
  only vector paths;
- ``银发助老志愿服务总结会讲话.pdf`` — a speech whose **fonts carry no character map**, so that its text
  layer reads as **wrong characters**: set by **reportlab** in Noto Serif CJK SC (reportlab embeds the font
  as simple TrueType subsets, each glyph given a one-byte code in the order of first use, the font declared
  WinAnsi), then the ToUnicode maps taken out by **pypdf**, as producers that write none leave them. A
  text extractor reads most glyphs as Latin-1 letters and symbols (「€•‚ƒ„…」) and the first few as
  「(cid:N)」; what the page shows is the speech;
- ``老年大学春季学期报名表.pdf`` — a registration form **filled in on a computer with check boxes and
  radio buttons**: reportlab draws the form (labels in a gridded table) with AcroForm text fields, check
  boxes (the courses) and radio groups (sex, retired or 离休, whether a lift is wanted); **pypdf** fills it —
  each text value the field's ``/V`` (viewers draw it: ``/NeedAppearances``), each ticked box and chosen
  button its ``/V`` and ``/AS`` set to its on-state;
- ``调整离休干部护理费标准的通知.docx`` — a 红头 notice typed from a Word 2003 template: the 发文机关标志
  is **legacy WordArt** (VML ``v:textpath``: the words are its ``string`` attribute), the 发文字号 and the red
  line sit in a **drawing canvas** (``wpc:wpc``, Word's 「新建绘图画布」) as a text box and a line, and
  the title is a **floating text box** (``wp:anchor``), each written as Word 2010 saves it (DrawingML in
  ``mc:Choice``, the VML copy in ``mc:Fallback``); the body in ordinary paragraphs;
- ``离退休干部健康体检工作通知.pdf`` — a notice exported to PDF by LibreOffice Writer **with its
  attachment embedded in the PDF** (poppler's ``pdfattach``: the 附件, a python-docx table of hospitals and
  dates, travels inside the PDF as an embedded file, as OA systems send a notice and its forms).

Needs python-docx, pypdf, reportlab, ``pdftocairo``, ``pdfattach`` and LibreOffice (Writer, Draw).
``benchmarks/check_questions.py cold22`` imports the sources below to check
``benchmarks/cold22-questions.jsonl``.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from docx import Document  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402
from docx.shared import Pt  # noqa: E402

from tests.fixtures.corpus_writers import (  # noqa: E402
    official_a4,
    run_makers,
    soffice_convert,
    truetype_font,
    write_docx,
    write_official_docx,
    write_reportlab_pdf,
)

AUTHOR = "中共澄湖市委老干部局"

# --- 1. a 红头 notice converted to curves --------------------------------------------------------------

CURVES_NOTICE = (
    ("masthead", "中共澄湖市委老干部局文件"),
    ("docnum", "澄老干发〔2028〕2号"),
    ("title", "关于做好2028年春节期间走访慰问离休干部工作的通知"),
    ("addressee", "各区委老干部局，市直各单位："),
    (
        "body",
        "春节将至，为把党和政府的关怀送到每一位离休干部身边，经局务会议研究，现就做好今年春节走访慰问工作通知如下。",
    ),
    ("heading1", "一、慰问对象和标准"),
    (
        "body",
        "慰问对象为全市在世的离休干部和建国前参加革命工作的退休干部。慰问金标准为每人2000元，"
        "年满百岁的离休干部每人3000元，由各单位从老干部工作经费中列支。",
    ),
    ("heading1", "二、走访时间和方式"),
    (
        "body",
        "走访时间为1月15日至2月5日。局领导班子成员分片带队，对住院治疗、独居和失能半失能的离休干部逐一上门走访，"
        "其他离休干部由所在单位负责走访，做到不漏一人。",
    ),
    ("heading1", "三、工作要求"),
    (
        "body",
        "走访中要认真听取老同志的意见建议，对反映的实际困难能解决的当场解决。慰问一律不得发放购物卡、"
        "消费卡，不得借机组织宴请。",
    ),
    (
        "body",
        "各单位于2月10日前将走访慰问情况报送市委老干部局待遇处。联系人：钱明达，电话：0763-5218806。",
    ),
    ("right", "中共澄湖市委老干部局"),
    ("right", "2028年1月8日"),
)

# --- 2. a speech whose fonts carry no character map ---------------------------------------------------

GARBLED_SPEECH = (
    ("title", "在全市“银发助老”志愿服务总结会上的讲话"),
    ("speaker", "市委老干部局副局长　鲁文涛"),
    ("date", "（2027年12月20日）"),
    ("body", "同志们："),
    (
        "body",
        "今天我们召开全市“银发助老”志愿服务总结会，回顾一年来的工作，表彰先进，部署明年任务。"
        "一年来，全市共有2360名离退休干部注册成为助老志愿者，组建服务队78支，累计服务时长4.8万小时。",
    ),
    (
        "body",
        "志愿者与全市186户高龄独居老人结成帮扶对子，每周至少上门探访一次，帮助买菜、读报、陪同就医。"
        "今年汛期，志愿者还协助社区转移安置困难老人43人次。",
    ),
    (
        "body",
        "这次会议表彰了30个先进志愿服务队和100名优秀志愿者。退休教师易春华同志坚持为独居老人代购药品，"
        "三年没有间断，被评为“十佳助老之星”。",
    ),
    (
        "body",
        "明年要重点做好三件事。一是推行“时间银行”，志愿者每服务1小时记1个积分，积分可兑换家政、理发等服务，"
        "也可存起来留给自己年老时使用。",
    ),
    (
        "body",
        "二是扩大服务范围，把助老服务从城区延伸到全部14个乡镇，每个乡镇至少建立一支服务队。"
        "三是加强培训，每年组织志愿者参加急救知识培训不少于两次，由市红十字会派员授课。",
    ),
    (
        "body",
        "各区老干部局要把志愿服务经费列入年度预算，为每名志愿者购买服务期间的意外伤害保险。"
        "助老服务热线为0763-5230123，工作日有专人接听。",
    ),
    ("body", "同志们，让我们继续发扬奉献精神，把“银发助老”这块牌子擦得更亮！谢谢大家。"),
)

# --- 3. a registration form filled in on a computer, with check boxes and radio buttons ---------------

FORM_TITLE = "澄湖市老年大学2028年春季学期学员报名表"
FORM_HEAD = "报名编号：CH2028-0417　　填表日期：2028年1月22日"
# (label, field name, value): text fields
FORM_TEXTS = (
    ("姓　　名", "name", "郑秀兰"),
    ("出生年月", "born", "1956年4月"),
    ("原工作单位及职务", "unit", "市卫生健康委员会医政科科长"),
    ("联系电话", "phone", "13907635521"),
    ("家庭住址", "address", "澄湖市东湖区柳岸小区6幢302室"),
    ("紧急联系人", "contact", "女儿郑小雯，电话13607631188"),
    ("健康状况", "health", "身体良好，有轻度高血压，按时服药"),
    ("特长爱好", "hobby", "年轻时在单位文艺队唱过女中音"),
)
# (label, group name, options, chosen): radio groups; (label, [(option, field, ticked)]): check boxes
FORM_RADIOS = (
    ("性　　别", "sex", ("男", "女"), "女"),
    ("人员类别", "kind", ("离休干部", "退休干部", "其他"), "退休干部"),
    ("是否需要电梯教室", "lift", ("是", "否"), "是"),
)
FORM_COURSES = (
    ("书法（周一上午）", "c_calligraphy", True),
    ("太极拳（周二上午）", "c_taichi", False),
    ("智能手机应用（周三下午）", "c_phone", True),
    ("合唱（周四下午）", "c_choir", True),
    ("国画（周五上午）", "c_painting", False),
)
FORM_FOOT = "注：每名学员限报三门课程。报名表交所在社区老干部活动站，由活动站统一报送老年大学教务处。"
# the form as it reads, for benchmarks/check_questions.py: the page's labels and the fields' values
FORM = (
    ("title", FORM_TITLE),
    ("body", FORM_HEAD),
    *(("body", f"{label}：{value}") for label, _, value in FORM_TEXTS),
    *(("body", f"{label}：{'　'.join(options)}") for label, _, options, _ in FORM_RADIOS),
    ("body", "报名课程：" + "　".join(option for option, _, _ in FORM_COURSES)),
    ("body", FORM_FOOT),
)

# --- 4. a 红头 notice with WordArt, a drawing canvas and a floating title ------------------------------

CANVAS_MASTHEAD = "澄湖市委老干部局文件"
CANVAS_DOCNUM = "澄老干发〔2028〕5号"
CANVAS_TITLE = "关于调整离休干部护理费标准的通知"
CANVAS_BODY = (
    ("body", "各区委老干部局，市直各单位："),
    (
        "body",
        "为进一步保障失能离休干部的生活照料，经市委、市政府同意，决定调整离休干部护理费标准。现将有关事项通知如下。",
    ),
    (
        "body",
        "一、经评估为完全不能自理的离休干部，护理费由每月800元提高到每月1200元；部分不能自理的，"
        "由每月400元提高到每月600元。",
    ),
    (
        "body",
        "二、自理能力评估由二级以上医疗机构出具证明，所在单位老干部科审核后报市委老干部局备案。"
        "评估结果每两年复核一次，状况变化的随时申请重新评估。",
    ),
    (
        "body",
        "三、调整后的护理费自2028年3月1日起执行，所需经费按原渠道解决，其中市直单位由市财政统一列支。",
    ),
    ("body", "四、本通知执行中的具体问题，由市委老干部局待遇处负责解释，咨询电话：0763-5218812。"),
    ("right", "中共澄湖市委老干部局"),
    ("right", "2028年2月16日"),
)
CANVAS_NOTICE = (
    ("masthead", CANVAS_MASTHEAD),
    ("docnum", CANVAS_DOCNUM),
    ("title", CANVAS_TITLE),
    *CANVAS_BODY,
)

# --- 5. a notice with its attachment embedded in the PDF --------------------------------------------

CHECKUP_NOTICE = (
    ("title", "关于组织离退休干部参加2028年度健康体检的通知"),
    ("body", "各区委老干部局，市直各单位："),
    (
        "body",
        "为做好离退休干部健康管理工作，市委老干部局决定组织2028年度离退休干部健康体检。现将有关事项通知如下。",
    ),
    ("heading1", "一、体检对象"),
    ("body", "市直单位离退休干部，区属单位离退休干部由各区参照执行。"),
    ("heading1", "二、体检项目"),
    (
        "body",
        "离休干部在常规项目之外，增加胸部低剂量螺旋CT和颈动脉彩超；退休干部体检费用标准为每人每年800元，"
        "超出部分由个人负担。",
    ),
    ("heading1", "三、组织方式"),
    (
        "body",
        "体检按单位分批进行，各单位的体检医院和日期见附件。体检当天须空腹，请携带身份证和医保卡，"
        "行动不便的老同志可由家属陪同。",
    ),
    (
        "body",
        "各单位于3月15日前将参检人员名单报市委老干部局医疗保健处。联系人：温雅琴，电话：0763-5218833。",
    ),
    ("body", "附件：2028年度离退休干部体检医院及日期安排表"),
    ("right", "中共澄湖市委老干部局"),
    ("right", "2028年3月2日"),
)
CHECKUP_ATTACHMENT_NAME = "2028年度离退休干部体检医院及日期安排表.docx"
CHECKUP_SCHEDULE = (
    ("批次", "体检单位", "体检医院", "体检日期"),
    ("第一批", "市委办、市人大办、市政协办", "澄湖市人民医院体检中心（东湖路88号）", "4月8日至4月10日"),
    ("第二批", "市发改委、市财政局、市教育局", "澄湖市中医院治未病中心（西山路21号）", "4月15日至4月17日"),
    (
        "第三批",
        "市卫生健康委、市民政局、市文广旅局",
        "澄湖市第二人民医院体检科（南浦大道5号）",
        "4月22日至4月24日",
    ),
    ("第四批", "其他市直单位", "澄湖市人民医院体检中心（东湖路88号）", "5月6日至5月9日"),
)
CHECKUP_ATTACHMENT = (
    ("title", "2028年度离退休干部体检医院及日期安排表"),
    ("table", [list(row) for row in CHECKUP_SCHEDULE]),
    ("body", "体检时间为上午7:30至10:00，各单位可根据人数在本批次日期内自行安排。"),
)


# --- the writers ------------------------------------------------------------------------------------


def write_curves(path: Path) -> None:
    """The notice as a clerk types it in Word (python-docx, styles by hand), exported by LibreOffice
    Writer, then converted to curves: cairo writes each page as SVG with every glyph a filled path
    (``pdftocairo -svg``) and LibreOffice Draw makes the SVG a PDF again — no font, text or image left."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / (path.stem + ".docx")
        write_official_docx(CURVES_NOTICE, source, author=AUTHOR)
        doc = Document(str(source))
        official_a4(doc)
        doc.save(str(source))
        typed = Path(tmp) / "typed.pdf"
        soffice_convert(source, "pdf", typed)
        pages = int(
            next(
                line.split()[-1]
                for line in subprocess.run(
                    ["pdfinfo", str(typed)], check=True, capture_output=True, text=True
                ).stdout.splitlines()
                if line.startswith("Pages:")
            )
        )
        outlined = []
        for page in range(1, pages + 1):
            svg = Path(tmp) / f"{path.stem}-{page}.svg"
            subprocess.run(
                ["pdftocairo", "-svg", "-f", str(page), "-l", str(page), str(typed), str(svg)], check=True
            )
            pdf = svg.with_suffix(".pdf")
            soffice_convert(svg, "pdf:draw_pdf_Export", pdf)
            outlined.append(pdf)
        if len(outlined) == 1:
            shutil.copyfile(outlined[0], path)
        else:
            subprocess.run(["pdfunite", *map(str, outlined), str(path)], check=True)


def write_garbled(path: Path) -> None:
    """The speech set by reportlab (Noto Serif CJK SC in simple TrueType subsets), its fonts' ToUnicode
    maps then taken out by pypdf: the glyphs print as before, the text layer decodes to other characters."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    with tempfile.TemporaryDirectory() as tmp:
        typed = Path(tmp) / "typed.pdf"
        write_reportlab_pdf(GARBLED_SPEECH, typed, author=AUTHOR, size=13)
        writer = PdfWriter(clone_from=PdfReader(typed))
        for page in writer.pages:
            fonts = page["/Resources"]["/Font"]
            for ref in fonts.values():
                font = ref.get_object()
                font.pop(NameObject("/ToUnicode"), None)
        with path.open("wb") as out:
            writer.write(out)


def write_form(path: Path) -> None:
    """The registration form drawn by reportlab with AcroForm fields, filled in by pypdf."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    labels = (
        FORM_TITLE
        + FORM_HEAD
        + FORM_FOOT
        + "".join(label for label, _, _ in FORM_TEXTS)
        + "".join(label + "".join(options) for label, _, options, _ in FORM_RADIOS)
        + "报名课程"
        + "".join(option for option, _, _ in FORM_COURSES)
    )
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    face = "NotoSerifSCForm"  # Noto Serif CJK SC cut to the form's printed characters
    with tempfile.TemporaryDirectory() as tmp:
        pdfmetrics.registerFont(TTFont(face, str(truetype_font(labels, Path(tmp) / "form.ttf", name=face))))
    width, height = A4
    left, right = 20 * mm, width - 20 * mm
    label_width, line = 40 * mm, 10 * mm
    with tempfile.TemporaryDirectory() as tmp:
        blank = Path(tmp) / "form.pdf"
        pdf = canvas.Canvas(str(blank), pagesize=A4)
        pdf.setAuthor(AUTHOR)
        pdf.setTitle(FORM_TITLE)
        pdf.setFont(face, 17)
        pdf.drawCentredString(width / 2, height - 28 * mm, FORM_TITLE)
        pdf.setFont(face, 10.5)
        pdf.drawString(left, height - 38 * mm, FORM_HEAD)
        top = height - 42 * mm

        def row(label: str, rows: int = 1) -> float:
            nonlocal top
            bottom = top - line * rows
            pdf.rect(left, bottom, right - left, top - bottom)
            pdf.line(left + label_width, bottom, left + label_width, top)
            pdf.setFont(face, 11)
            pdf.drawString(left + 2 * mm, top - line / 2 - 4, label)
            top = bottom
            return bottom

        rows = [("text", item) for item in FORM_TEXTS[:2]]
        rows += [("radio", FORM_RADIOS[0]), ("radio", FORM_RADIOS[1])]
        rows += [("text", item) for item in FORM_TEXTS[2:5]]
        rows += [("courses", None), ("radio", FORM_RADIOS[2])]
        rows += [("text", item) for item in FORM_TEXTS[5:]]
        for kind, item in rows:
            if kind == "text":
                label, field, _ = item  # type: ignore[misc]
                bottom = row(label)
                pdf.acroForm.textfield(
                    name=field,
                    value="",
                    x=left + label_width + 1 * mm,
                    y=bottom + 1 * mm,
                    width=right - left - label_width - 2 * mm,
                    height=line - 2 * mm,
                    borderWidth=0,
                    fontSize=11,
                )
            elif kind == "radio":
                label, group, options, _ = item  # type: ignore[misc]
                bottom = row(label)
                x = left + label_width + 4 * mm
                for option in options:
                    pdf.acroForm.radio(
                        name=group,
                        value=f"opt{options.index(option) + 1}",
                        selected=False,
                        x=x,
                        y=bottom + 2.5 * mm,
                        size=5 * mm,
                        buttonStyle="circle",
                        borderWidth=1,
                    )
                    pdf.setFont(face, 11)
                    pdf.drawString(x + 6.5 * mm, bottom + 3.5 * mm, option)
                    x += 10 * mm + pdf.stringWidth(option, face, 11)
            else:
                bottom = row("报名课程", 2)
                for number, (option, field, _) in enumerate(FORM_COURSES):
                    x = left + label_width + 4 * mm + (number % 3) * 42 * mm
                    y = bottom + (line if number < 3 else 0) + 2.5 * mm
                    pdf.acroForm.checkbox(
                        name=field, checked=False, x=x, y=y, size=5 * mm, buttonStyle="check", borderWidth=1
                    )
                    pdf.setFont(face, 10)
                    pdf.drawString(x + 6.5 * mm, y + 1 * mm, option)
        pdf.setFont(face, 10)
        pdf.drawString(left, top - 8 * mm, FORM_FOOT)
        pdf.showPage()
        pdf.save()

        writer = PdfWriter(clone_from=PdfReader(blank))
        quiet = logging.getLogger("pypdf")
        level = quiet.level
        quiet.setLevel(logging.ERROR)  # pypdf warns its own appearance font lacks the Chinese characters
        try:
            writer.update_page_form_field_values(
                writer.pages[0], {field: value for _, field, value in FORM_TEXTS}, auto_regenerate=False
            )
        finally:
            quiet.setLevel(level)
        chosen = {group: f"opt{options.index(pick) + 1}" for _, group, options, pick in FORM_RADIOS}
        ticked = {field for _, field, on in FORM_COURSES if on}
        for ref in writer.pages[0].get("/Annots", []):
            widget = ref.get_object()
            parent = widget.get("/Parent")
            owner = parent.get_object() if parent is not None else widget
            field = owner.get("/T")
            if (widget.get("/FT") or owner.get("/FT")) == "/Tx":  # viewers draw the value (pypdf's
                widget.pop("/AP", None)  # own drawing, in a Latin font, shows no Chinese)
                continue
            on = next(name for name in widget["/AP"]["/N"] if name != "/Off")
            if field in chosen:  # a radio button: the group's /V is the chosen button's state
                picked = on == "/" + chosen[field]
                widget[NameObject("/AS")] = NameObject(on if picked else "/Off")
                if picked:
                    parent.get_object()[NameObject("/V")] = NameObject(on)
            else:  # a check box: /V and /AS its on-state when ticked
                state = NameObject(on if field in ticked else "/Off")
                widget[NameObject("/AS")] = state
                widget[NameObject("/V")] = state
        writer.set_need_appearances_writer(True)
        writer.add_metadata({"/Author": AUTHOR, "/Title": FORM_TITLE})
        with path.open("wb") as out:
            writer.write(out)


_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word"'
)
_EMU = 12700  # per point


def _box_paragraph(text: str, size: float, face: str, colour: str = "000000", bold: bool = False) -> str:
    return (
        '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr>'
        f'<w:rFonts w:ascii="{face}" w:eastAsia="{face}" w:hAnsi="{face}"/>'
        f'{"<w:b/>" if bold else ""}<w:color w:val="{colour}"/>'
        f'<w:sz w:val="{int(size * 2)}"/></w:rPr><w:t>{text}</w:t></w:r></w:p>'
    )


def _wordart(text: str) -> str:
    """The 发文机关标志 as Word 2003's WordArt (红头 templates made then): a VML shape of type 136, its
    words the v:textpath's ``string``, red, centred, in a paragraph of its own."""
    return (
        f'<w:p {_NS}><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:pict>'
        '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
        'path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas><v:f eqn="sum #0 0 10800"/>'
        '<v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/>'
        '<v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/>'
        '<v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/>'
        '<v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>'
        '<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" '
        'o:connectangles="270,180,90,0"/><v:textpath on="t" fitshape="t"/>'
        '<v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>'
        '<o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>'
        '<v:shape id="_x0000_s1026" type="#_x0000_t136" style="width:396pt;height:50pt" '
        'fillcolor="red" stroked="f"><v:fill color2="red"/>'
        '<v:textpath style="font-family:&quot;方正小标宋简体&quot;;font-size:36pt;v-text-kern:t" '
        f'trim="t" fitpath="t" string="{text}"/></v:shape></w:pict></w:r></w:p>'
    )


def _canvas(docnum: str) -> str:
    """The 发文字号 and the red line under it in a drawing canvas, as Word 2010 saves one: the DrawingML
    canvas (a text box and a line) in mc:Choice Requires="wpc", its VML copy (v:group editas="canvas")
    in mc:Fallback."""
    width, height = 442 * _EMU, 40 * _EMU
    box = _box_paragraph(docnum, 16, "仿宋_GB2312")
    return (
        f'<w:p {_NS}><w:r><mc:AlternateContent><mc:Choice Requires="wpc"><w:drawing>'
        '<wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:docPr id="3" name="画布 3"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas">'
        "<wpc:wpc><wpc:bg/><wpc:whole/>"
        '<wps:wsp><wps:cNvPr id="4" name="文本框 4"/><wps:cNvSpPr txBox="1"/>'
        f'<wps:spPr><a:xfrm><a:off x="{96 * _EMU}" y="0"/><a:ext cx="{250 * _EMU}" cy="{26 * _EMU}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>'
        f"<wps:txbx><w:txbxContent>{box}</w:txbxContent></wps:txbx>"
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="t"/></wps:wsp>'
        '<wps:wsp><wps:cNvPr id="5" name="直接连接符 5"/><wps:cNvCnPr/>'
        f'<wps:spPr><a:xfrm><a:off x="0" y="{34 * _EMU}"/><a:ext cx="{width}" cy="0"/></a:xfrm>'
        '<a:prstGeom prst="line"><a:avLst/></a:prstGeom>'
        '<a:ln w="28575"><a:solidFill><a:srgbClr val="FF0000"/></a:solidFill></a:ln></wps:spPr>'
        "<wps:bodyPr/></wps:wsp>"
        "</wpc:wpc></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>"
        '<mc:Fallback><w:pict><v:group id="画布 3" o:spid="_x0000_s1027" editas="canvas" '
        'style="width:442pt;height:40pt;mso-position-horizontal-relative:char;mso-position-vertical-relative:line" '
        'coordsize="56134,5080"><v:shapetype id="_x0000_t75" coordsize="21600,21600" o:spt="75" '
        'o:preferrelative="t" path="m@4@5l@4@11@9@11@9@5xe" filled="f" stroked="f"/>'
        '<v:shape id="_x0000_s1028" type="#_x0000_t75" style="position:absolute;width:56134;height:5080" o:preferrelative="f">'
        '<v:fill o:detectmouseclick="t"/><v:path o:extrusionok="t" o:connecttype="none"/></v:shape>'
        '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
        '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
        '<v:shape id="文本框 4" o:spid="_x0000_s1029" type="#_x0000_t202" '
        'style="position:absolute;left:12192;width:31750;height:3302" filled="f" stroked="f">'
        f'<v:textbox inset="0,0,0,0"><w:txbxContent>{box}</w:txbxContent></v:textbox></v:shape>'
        '<v:line id="直接连接符 5" o:spid="_x0000_s1030" style="position:absolute" from="0,4318" to="56134,4318" '
        'strokecolor="red" strokeweight="2.25pt"/></v:group></w:pict></mc:Fallback></mc:AlternateContent>'
        "</w:r></w:p>"
    )


def _floating_title(title: str) -> str:
    """The title in a floating text box (anchored, top and bottom wrapping, centred on the margins), as
    Word 2010 saves it: DrawingML in mc:Choice Requires="wps", the VML copy in mc:Fallback."""
    box = _box_paragraph(title, 22, "方正小标宋简体")
    width, height = 420 * _EMU, 64 * _EMU
    return (
        f'<w:p {_NS}><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
        '<wp:docPr id="6" name="文本框 6"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="{width}" cy="{height}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        "<a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>"
        f"<wps:txbx><w:txbxContent>{box}</w:txbxContent></wps:txbx>"
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr"/>'
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        '<mc:Fallback><w:pict><v:shape id="文本框 6" o:spid="_x0000_s1031" type="#_x0000_t202" '
        'style="position:absolute;margin-left:0;margin-top:0;width:420pt;height:64pt;z-index:251659264;'
        'mso-position-horizontal:center;mso-position-horizontal-relative:margin" filled="f" stroked="f">'
        f'<v:textbox inset="0,0,0,0"><w:txbxContent>{box}</w:txbxContent></v:textbox>'
        '<w10:wrap type="topAndBottom" anchorx="margin"/></v:shape></w:pict></mc:Fallback></mc:AlternateContent>'
        "</w:r></w:p>"
    )


def write_canvas(path: Path) -> None:
    """The 红头 notice: WordArt masthead, the 发文字号 and red line in a drawing canvas, the title in a
    floating text box, then the body typed in ordinary paragraphs (python-docx, 仿宋 三号)."""
    write_docx(CANVAS_BODY, path, author=AUTHOR)
    doc = Document(str(path))
    official_a4(doc)
    body = doc.element.body
    first = body[0]
    for xml in (_wordart(CANVAS_MASTHEAD), _canvas(CANVAS_DOCNUM), _floating_title(CANVAS_TITLE)):
        first.addprevious(parse_xml(xml))
    for paragraph in doc.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(16)
    doc.save(str(path))


def write_attached(path: Path) -> None:
    """The notice exported by LibreOffice Writer, its attachment (a python-docx table) embedded in the PDF
    by poppler's ``pdfattach``."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / (path.stem + ".docx")
        write_docx(CHECKUP_NOTICE, source, author=AUTHOR)
        doc = Document(str(source))
        official_a4(doc)
        doc.save(str(source))
        typed = Path(tmp) / "typed.pdf"
        soffice_convert(source, "pdf", typed)
        attachment = Path(tmp) / CHECKUP_ATTACHMENT_NAME
        write_docx(CHECKUP_ATTACHMENT, attachment, author=AUTHOR)
        attached = Path(tmp) / "attached.pdf"  # pdfattach writes no file that already exists
        subprocess.run(["pdfattach", str(typed), str(attachment), str(attached)], check=True)
        shutil.copyfile(attached, path)


WRITERS = {
    "春节走访慰问离休干部工作通知.pdf": write_curves,
    "银发助老志愿服务总结会讲话.pdf": write_garbled,
    "老年大学春季学期报名表.pdf": write_form,
    "调整离休干部护理费标准的通知.docx": write_canvas,
    "离退休干部健康体检工作通知.pdf": write_attached,
}


if __name__ == "__main__":
    sys.exit(run_makers(WRITERS, sys.argv, HERE))
