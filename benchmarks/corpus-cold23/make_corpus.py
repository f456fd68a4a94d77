"""Make the twenty-fifth, cold question set's corpus with real producers (re-runnable; output is committed).

    PYTHONPATH=/tmp/hanko /work/main/.venv/bin/python benchmarks/corpus-cold23/make_corpus.py [FOLDER]

writes them beside this script, or into FOLDER (to compare a re-run with the committed files). The signed
notice needs pyHanko, no speechqa dependency; what it needs beyond main's packages, put where PYTHONPATH
finds it: ``pip install --target /tmp/hanko --no-deps pyHanko pyhanko-certvalidator asn1crypto oscrypto
tzlocal uritools uharfbuzz``. The rest runs with main's venv alone. The signature (its time, the key made
afresh each run) differs from run to run; the text does not.

Five files of a city veteran-cadre bureau (澄湖市 is invented; so are all names, numbers, addresses,
telephone numbers and amounts), written for this set only, each of a shape no earlier set had, on topics
neither the bundled speeches, the fixtures nor ``corpus-cold2`` … ``corpus-cold22`` treat:

- ``银龄低碳绿色生活倡议书.docx`` — a 倡议书 typed from a Word 2003 template whose **title is legacy
  WordArt** (VML ``v:shape`` of type 136, its words the ``v:textpath``'s ``string`` attribute, no DrawingML
  copy: Word keeps a 2003 WordArt as it was when it saves the file as .docx), the body in ordinary
  paragraphs;
- ``2027年度银发书屋建设工作总结.pdf`` — a chart-heavy 工作总结 made in Python by **matplotlib**
  (``PdfPages``, two A4 pages of text lines and charts, ``pdf.fonttype`` 3): every character, Chinese and
  Latin, is a glyph of a **Type 3 font** (a procedure drawing its outline), not a TrueType or CFF font;
- ``拨付2028年度离退休干部党支部活动经费的通知.docx`` — a notice whose 附件, the allocation table, is an
  **embedded Excel worksheet** (an OLE object: ``w:object`` with the sheet's preview picture as
  ``v:imagedata`` and ``o:OLEObject ProgID="Excel.Sheet.12"``, the workbook itself in
  ``word/embeddings/``): the body shows only the picture (made by LibreOffice Calc from the workbook);
- ``启用离退休干部服务一卡通的通知.pdf`` — a 红头 notice exported by LibreOffice Writer and **signed** by
  **pyHanko** with a visible signature (an incremental update: a signature field whose appearance, the
  bureau's name and the signing time in a box, stands over the 落款; a ``/ByteRange`` and a CMS
  signature);
- ``网上服务平台账号开通申请表.docx`` — an application form **filled in through content controls** as an
  OA system's Word template is: plain-text controls, **drop-down lists** (``w:dropDownList``), **date
  pickers** (``w:date``, the shown date and ``w:fullDate``), **check boxes** (``w14:checkbox``: ☒ / ☐ in
  MS Gothic) and one control left empty, **showing its placeholder prompt** (``w:showingPlcHdr``).

``benchmarks/check_questions.py cold23`` imports the sources below to check
``benchmarks/cold23-questions.jsonl``.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from docx import Document  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402
from docx.shared import Cm, Pt  # noqa: E402

from tests.fixtures.corpus_writers import (  # noqa: E402
    official_a4,
    run_makers,
    soffice_convert,
    truetype_font,
    write_docx,
    write_official_docx,
)

AUTHOR = "中共澄湖市委老干部局"

# --- 1. a 倡议书 whose title is Word 2003 WordArt ------------------------------------------------------

PROPOSAL_TITLE = "“银龄低碳 绿色生活”倡议书"
PROPOSAL_BODY = (
    ("body", "全市广大离退休干部："),
    (
        "body",
        "节约资源、保护环境，是每个人的责任。老同志经验丰富、威望较高，在家庭和社区中说话有分量。"
        "为倡导绿色低碳的生活方式，市委老干部局向全市离退休干部发出如下倡议。",
    ),
    (
        "body",
        "一、节约用水用电。养成随手关灯、随手关水龙头的习惯，空调夏季温度设置不低于26摄氏度，"
        "冬季不高于20摄氏度，家电长时间不用时拔掉插头。",
    ),
    (
        "body",
        "二、坚持绿色出行。短途出行优先步行、骑行或乘坐公交车，年满65周岁的老同志凭老年人优待证可免费乘坐市内公交。",
    ),
    (
        "body",
        "三、减少一次性用品。外出购物自带布袋和菜篮子，少用塑料袋；家庭聚餐适量点菜，吃不完的饭菜打包带走。",
    ),
    (
        "body",
        "四、闲置物品再利用。市老干部活动中心每月第一个星期六上午举办“银龄旧物交换集市”，"
        "老同志可以带上闲置的书籍、衣物、小家电等物品参加交换。",
    ),
    (
        "body",
        "五、争当低碳宣传员。每名老党员至少带动一户家庭践行低碳生活。市委老干部局每年评选“银龄低碳家庭”50户，"
        "每户奖励价值300元的节能电器一件。",
    ),
    ("body", "让我们从自己做起、从点滴做起，为建设美丽澄湖贡献银发力量！"),
    ("right", "中共澄湖市委老干部局"),
    ("right", "2028年4月22日"),
)
PROPOSAL = (("title", PROPOSAL_TITLE), *PROPOSAL_BODY)

# --- 2. a chart-heavy summary in Type 3 fonts (matplotlib) ------------------------------------------

SUMMARY_TITLE = "2027年度全市“银发书屋”建设工作总结"
SUMMARY_ISSUER = "澄湖市委老干部局　2028年1月12日"
# each page: its paragraphs (heading or body), then its chart
SUMMARY_PAGE1 = (
    ("heading1", "一、基本情况"),
    (
        "body",
        "截至2027年底，全市建成“银发书屋”42个，其中市级示范书屋6个，藏书总量达到8.6万册，"
        "全年接待离退休干部读者3.1万人次，借出图书3.28万册。",
    ),
    ("heading1", "二、主要做法"),
    (
        "body",
        "一是统一配书标准，每个书屋配备图书不少于1500册、报刊不少于20种，其中党史和健康养生类图书不少于三分之一。",
    ),
    (
        "body",
        "二是推行“通借通还”，读者凭老年人优待证可以在任何一个书屋借书还书，每次限借3册，借期30天，可续借一次。",
    ),
    (
        "body",
        "三是开展“读书分享会”，全年各书屋共举办分享会132场，退休语文教师林望舒主讲的“唐诗里的澄湖”最受欢迎。",
    ),
)
SUMMARY_CHART1 = (
    "图1　2027年各区银发书屋借阅量（册）",
    ("东湖区", "西山区", "南港区", "北塘区", "市直"),
    (9860, 7420, 6310, 5180, 4030),
)
SUMMARY_PAGE2 = (
    ("heading1", "三、存在的问题"),
    (
        "body",
        "部分书屋大字本图书不足，视力不好的老同志借阅困难；乡镇书屋开放时间偏短，有的每周只开放两天。",
    ),
    ("heading1", "四、2028年工作打算"),
    (
        "body",
        "新增大字本图书5000册，为每个书屋配备两台助视放大镜；乡镇书屋每周开放不少于4天；"
        "年内在南港区和北塘区新建书屋8个。",
    ),
)
SUMMARY_CHART2 = (
    "图2　2027年书屋读者年龄构成",
    ("60至69岁", "70至79岁", "80岁以上"),
    (38, 41, 21),
)
SUMMARY = (
    ("title", SUMMARY_TITLE),
    ("body", SUMMARY_ISSUER),
    *SUMMARY_PAGE1,
    ("body", SUMMARY_CHART1[0]),
    ("body", "　".join(SUMMARY_CHART1[1])),
    ("body", "　".join(str(value) for value in SUMMARY_CHART1[2])),
    *SUMMARY_PAGE2,
    ("body", SUMMARY_CHART2[0]),
    ("body", "　".join(f"{name}{value}%" for name, value in zip(*SUMMARY_CHART2[1:], strict=True))),
)

# --- 3. a notice whose 附件 is an embedded Excel worksheet -------------------------------------------

FUNDS_NOTICE = (
    ("masthead", "中共澄湖市委老干部局文件"),
    ("docnum", "澄老干发〔2028〕8号"),
    ("title", "关于拨付2028年度离退休干部党支部活动经费的通知"),
    ("addressee", "市直各离退休干部党支部："),
    (
        "body",
        "为保障离退休干部党支部正常开展组织生活，经局务会议研究，现将2028年度党支部活动经费拨付如下。",
    ),
    (
        "body",
        "一、活动经费按每名党员每年200元的标准核拨，党员人数以2027年12月31日党内统计数为准。",
    ),
    (
        "body",
        "二、经费主要用于组织学习、参观考察、走访慰问生病党员等，不得用于发放津贴补贴和购买礼品。",
    ),
    (
        "body",
        "三、各党支部应建立经费使用台账，于2029年1月15日前将年度使用情况报局机关党委。",
    ),
    ("body", "附件：2028年度离退休干部党支部活动经费拨付明细表"),
    ("right", "中共澄湖市委老干部局"),
    ("right", "2028年3月20日"),
)
FUNDS_SHEET_TITLE = "2028年度离退休干部党支部活动经费拨付明细表"
FUNDS_HEAD = ("序号", "党支部", "党员人数", "拨付金额（元）")
FUNDS_ROWS = (
    (1, "市级机关离退休干部第一党支部", 46, 9200),
    (2, "市级机关离退休干部第二党支部", 38, 7600),
    (3, "市教育局离退休干部党支部", 52, 10400),
    (4, "市卫生健康委离退休干部党支部", 41, 8200),
    (5, "市老干部活动中心老年大学临时党支部", 23, 4600),
)
FUNDS_TOTAL = ("合计", "", 200, 40000)
FUNDS_SHEET = (
    ("title", FUNDS_SHEET_TITLE),
    (
        "table",
        [
            list(FUNDS_HEAD),
            *([str(cell) for cell in row] for row in FUNDS_ROWS),
            [str(c) for c in FUNDS_TOTAL],
        ],
    ),
)

# --- 4. a notice signed with a visible signature over its 落款 --------------------------------------

CARD_NOTICE = (
    ("masthead", "中共澄湖市委老干部局文件"),
    ("docnum", "澄老干发〔2028〕11号"),
    ("title", "关于启用离退休干部服务“一卡通”的通知"),
    ("addressee", "各区委老干部局，市直各单位："),
    (
        "body",
        "为方便老同志办事，市委老干部局与澄湖农商银行合作推出离退休干部服务“一卡通”，自2028年6月1日起启用。",
    ),
    ("heading1", "一、主要功能"),
    (
        "body",
        "一卡通集身份识别、老干部活动中心门禁、老年大学上课签到和医药费报销款发放于一体，还可以在全市公交车上刷卡乘车。",
    ),
    ("heading1", "二、办理方式"),
    (
        "body",
        "由所在单位统一采集老同志的照片和身份信息，于5月20日前报市委老干部局待遇处，本人不需要到银行办理。"
        "卡片免收工本费和年费。",
    ),
    ("heading1", "三、挂失补办"),
    (
        "body",
        "卡片遗失的，请及时拨打澄湖农商银行客服电话96588挂失。补办新卡收取工本费10元，7个工作日内寄到所在单位。",
    ),
    ("heading1", "四、其他事项"),
    (
        "body",
        "原“老干部活动证”自2028年9月1日起停止使用。联系人：任思齐，电话：0763-5218830。",
    ),
    ("right", "中共澄湖市委老干部局"),
    ("right", "2028年5月6日"),
)
CARD_STAMP = "中共澄湖市委老干部局\n电子签章\n签署时间：%(ts)s"

# --- 5. an application form filled in through content controls --------------------------------------

ACCOUNT_TITLE = "澄湖市离退休干部网上服务平台账号开通申请表"
# (label, control): ("text", value) · ("list", shown, items) · ("date", shown, iso) · ("boxes", [(label, on)])
# · ("empty", prompt)
ACCOUNT_FIELDS = (
    ("申请人姓名", ("text", "贺云舟")),
    ("性别", ("list", "男", ("男", "女"))),
    ("出生日期", ("date", "1951年3月18日", "1951-03-18")),
    ("人员类别", ("list", "退休干部", ("离休干部", "退休干部", "其他"))),
    ("原工作单位", ("text", "澄湖市水利局")),
    ("手机号码", ("text", "13857630426")),
    (
        "申请开通功能",
        (
            "boxes",
            (("待遇查询", True), ("活动报名", True), ("在线学习", False), ("医药费报销进度查询", True)),
        ),
    ),
    ("是否需要上门指导", ("list", "是", ("是", "否"))),
    ("上门指导时间", ("date", "2028年5月12日", "2028-05-12")),
    ("备注", ("empty", "单击或点击此处输入文字。")),
)
ACCOUNT_NOTES = (
    "填表说明：",
    "1．账号以本人手机号码注册，初始密码为本人身份证号码后六位，首次登录后请及时修改。",
    "2．申请表由所在单位老干部科审核后，报市委老干部局信息科统一开通。",
    "3．平台咨询电话：0763-5218845（工作日上午8:30至11:30）。",
    "申请日期：2028年5月8日",
)


def _shown(control: tuple) -> str:  # type: ignore[type-arg]
    kind = control[0]
    if kind == "boxes":
        return "".join(("☒" if on else "☐") + label for label, on in control[1])
    return str(control[1])


ACCOUNT_FORM = (
    ("title", ACCOUNT_TITLE),
    ("table", [[label, _shown(control)] for label, control in ACCOUNT_FIELDS]),
    *(("body", line) for line in ACCOUNT_NOTES),
)


# --- the writers ------------------------------------------------------------------------------------

_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office"'
)


def _wordart(text: str) -> str:
    """A title as Word 2003's WordArt (style 1, plain text, black), kept as VML when Word 2010 saves the
    template as .docx: a shape of type 136 whose words are the v:textpath's ``string``, inline, centred in
    a paragraph of its own."""
    return (
        f'<w:p {_NS}><w:pPr><w:jc w:val="center"/><w:spacing w:after="240"/></w:pPr><w:r><w:pict>'
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
        '<v:shape id="_x0000_i1025" type="#_x0000_t136" style="width:380pt;height:40pt" '
        'fillcolor="black"><v:shadow color="#868686"/>'
        '<v:textpath style="font-family:&quot;华文行楷&quot;;font-size:32pt;v-text-kern:t" '
        f'trim="t" fitpath="t" string="{text}"/></v:shape></w:pict></w:r></w:p>'
    )


def write_proposal(path: Path) -> None:
    """The 倡议书: its WordArt title, then the body typed in ordinary paragraphs (python-docx, 仿宋 三号)."""
    write_docx(PROPOSAL_BODY, path, author=AUTHOR)
    doc = Document(str(path))
    official_a4(doc)
    doc.element.body[0].addprevious(parse_xml(_wordart(PROPOSAL_TITLE)))
    for paragraph in doc.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(16)
    doc.save(str(path))


def write_summary(path: Path) -> None:
    """The summary drawn by matplotlib on two A4 figures (text lines by ``fig.text``, a bar chart and a pie),
    saved by ``PdfPages`` with ``pdf.fonttype`` 3: Noto Serif CJK SC (cut to the text, as TrueType) and
    DejaVu Sans embedded as Type 3 fonts."""
    import matplotlib

    matplotlib.use("pdf")
    import matplotlib.pyplot as plt
    from matplotlib import font_manager
    from matplotlib.backends.backend_pdf import PdfPages

    chars = "".join(text for _, text in SUMMARY) + "".join(SUMMARY_CHART1[1] + SUMMARY_CHART2[1])
    chars += "0123456789%"
    with tempfile.TemporaryDirectory() as tmp:
        font = truetype_font(chars, Path(tmp) / "summary.ttf", name="NotoSerifSCSummary")
        font_manager.fontManager.addfont(str(font))
        family = font_manager.FontProperties(fname=str(font)).get_name()
        plt.rcParams.update(
            {
                "font.family": [family, "DejaVu Sans"],
                "pdf.fonttype": 3,
                "axes.unicode_minus": False,
                "svg.hashsalt": "cold23",
            }
        )
        per_line = 36  # characters of 10.5 pt across the text block

        def lines(fig, parts, top: float) -> float:  # type: ignore[no-untyped-def]
            for kind, text in parts:
                size = 13 if kind == "heading1" else 10.5
                wrapped = textwrap.wrap("　　" + text if kind == "body" else text, per_line)
                for line in wrapped:
                    fig.text(0.12, top, line, fontsize=size, va="top")
                    top -= 0.026 if kind == "body" else 0.032
                top -= 0.008
            return top

        with PdfPages(path, metadata={"Title": SUMMARY_TITLE, "Author": AUTHOR, "CreationDate": None}) as pdf:
            fig = plt.figure(figsize=(8.27, 11.69))
            fig.text(0.5, 0.93, SUMMARY_TITLE, ha="center", va="top", fontsize=17)
            fig.text(0.5, 0.895, SUMMARY_ISSUER, ha="center", va="top", fontsize=11)
            top = lines(fig, SUMMARY_PAGE1, 0.85)
            caption, names, values = SUMMARY_CHART1
            ax = fig.add_axes((0.16, 0.1, 0.72, top - 0.2))
            bars = ax.bar(names, values, color="#4a7ab5", width=0.6)
            ax.bar_label(bars, fontsize=9)
            ax.set_ylabel("借阅量（册）")
            ax.set_title(caption, fontsize=11, y=-0.16)
            ax.spines[["top", "right"]].set_visible(False)
            pdf.savefig(fig)
            plt.close(fig)

            fig = plt.figure(figsize=(8.27, 11.69))
            top = lines(fig, SUMMARY_PAGE2, 0.93)
            caption, names, values = SUMMARY_CHART2
            ax = fig.add_axes((0.2, 0.12, 0.6, top - 0.22))
            ax.pie(values, labels=names, autopct="%d%%", startangle=90, counterclock=False)
            ax.set_title(caption, fontsize=11, y=-0.08)
            pdf.savefig(fig)
            plt.close(fig)


def _ole_paragraph(image_rel: str, ole_rel: str, width_pt: float, height_pt: float) -> str:
    """An embedded Excel worksheet as Word 2010 saves one in the body: ``w:object`` holding the VML picture
    frame (its preview as v:imagedata) and the ``o:OLEObject`` naming the embedded package."""
    return (
        f'<w:p {_NS}><w:pPr><w:jc w:val="center"/></w:pPr><w:r>'
        f'<w:object w:dxaOrig="{int(width_pt * 20)}" w:dyaOrig="{int(height_pt * 20)}">'
        '<v:shapetype id="_x0000_t75" coordsize="21600,21600" o:spt="75" o:preferrelative="t" '
        'path="m@4@5l@4@11@9@11@9@5xe" filled="f" stroked="f"><v:stroke joinstyle="miter"/>'
        '<v:path o:extrusionok="f" gradientshapeok="t" o:connecttype="rect"/>'
        '<o:lock v:ext="edit" aspectratio="t"/></v:shapetype>'
        f'<v:shape id="_x0000_i1025" type="#_x0000_t75" style="width:{width_pt}pt;height:{height_pt}pt" o:ole="">'
        f'<v:imagedata r:id="{image_rel}" o:title=""/></v:shape>'
        '<o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" ShapeID="_x0000_i1025" DrawAspect="Content" '
        f'ObjectID="_1773412345" r:id="{ole_rel}"/></w:object></w:r></w:p>'
    )


def write_funds(path: Path) -> None:
    """The notice typed as a clerk types a 公文 (python-docx), the 附件 an Excel workbook (openpyxl) embedded
    after the 附件 line as Word embeds one (Insert › Object › Excel worksheet), its preview the sheet
    printed to PNG by LibreOffice Calc."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    with tempfile.TemporaryDirectory() as tmp:
        book = Workbook()
        sheet = book.active
        sheet.title = "Sheet1"
        sheet.merge_cells("A1:D1")
        sheet["A1"] = FUNDS_SHEET_TITLE
        sheet["A1"].font = Font(name="宋体", size=14, bold=True)
        sheet["A1"].alignment = Alignment(horizontal="center")
        thin = Side(style="thin")
        for r, row in enumerate((FUNDS_HEAD, *FUNDS_ROWS, FUNDS_TOTAL), start=2):
            for c, value in enumerate(row, start=1):
                cell = sheet.cell(row=r, column=c, value=value if value != "" else None)
                cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
                cell.font = Font(name="宋体", size=11, bold=r == 2)
                cell.alignment = Alignment(horizontal="center" if c != 2 else "left")
        for column, width in zip("ABCD", (6, 36, 10, 16), strict=True):
            sheet.column_dimensions[column].width = width
        workbook = Path(tmp) / "Microsoft_Excel_Worksheet.xlsx"
        book.properties.creator = AUTHOR
        book.save(workbook)
        preview = Path(tmp) / "preview.png"
        soffice_convert(workbook, "png", preview)

        write_official_docx(FUNDS_NOTICE, path, author=AUTHOR)
        doc = Document(str(path))
        official_a4(doc)
        package_part = doc.part
        embedded = Part(
            PackURI("/word/embeddings/Microsoft_Excel_Worksheet.xlsx"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            workbook.read_bytes(),
            package_part.package,
        )
        ole_rel = package_part.relate_to(embedded, RT.PACKAGE)
        image_rel, _ = package_part.get_or_add_image(str(preview))
        attachment_line = next(p for p in doc.paragraphs if p.text.startswith("附件："))
        # the 附件 on a page of its own after the 落款, as GB/T 9704 sets it: its title, then the object
        signature_date = doc.paragraphs[-1]
        page = parse_xml(f'<w:p {_NS}><w:r><w:br w:type="page"/></w:r></w:p>')
        heading = parse_xml(
            f'<w:p {_NS}><w:r><w:rPr><w:rFonts w:eastAsia="黑体"/><w:sz w:val="32"/></w:rPr>'
            "<w:t>附件</w:t></w:r></w:p>"
        )
        signature_date._element.addnext(page)
        page.addnext(heading)
        heading.addnext(parse_xml(_ole_paragraph(image_rel, ole_rel, 430, 170)))
        assert attachment_line.text.startswith("附件：")
        doc.save(str(path))


def _signature_box(pdf: Path) -> tuple[float, float, float, float]:
    """Where the 落款 (the issuer's name over the date) stands on the last page, in PDF points."""
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        page = document.pages[-1]
        words = page.extract_words(use_text_flow=True)
        issuer = [w for w in words if w["text"].startswith("中共澄湖市委老干部局")][-1]
        height = float(page.height)
        return (
            float(issuer["x0"]) - 20,
            height - float(issuer["top"]) - 48,
            float(issuer["x1"]) + 20,
            height - float(issuer["top"]) + 20,
        )


def write_card(path: Path) -> None:
    """The notice typed as a 公文 (python-docx), exported by LibreOffice Writer, then signed by pyHanko with
    a self-made certificate of the bureau: a visible signature field over the 落款, its appearance the stamp
    text in Noto Serif CJK SC (an OpenType font pyHanko embeds)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import TextStampStyle

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / (path.stem + ".docx")
        write_official_docx(CARD_NOTICE, source, author=AUTHOR)
        doc = Document(str(source))
        official_a4(doc)
        doc.save(str(source))
        typed = Path(tmp) / "typed.pdf"
        soffice_convert(source, "pdf", typed)

        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        name = x509.Name(
            [
                x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, AUTHOR),
                x509.NameAttribute(NameOID.COMMON_NAME, AUTHOR),
            ]
        )
        now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(key.public_key())
            .serial_number(20280506)
            .not_valid_before(now)
            .not_valid_after(now + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256())
        )
        key_file, cert_file = Path(tmp) / "key.pem", Path(tmp) / "cert.pem"
        key_file.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
        cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        signer = signers.SimpleSigner.load(str(key_file), str(cert_file))
        assert signer is not None

        font = truetype_font(CARD_STAMP + "0123456789-: +", Path(tmp) / "stamp.ttf", name="NotoSerifSCStamp")
        style = TextStampStyle(
            stamp_text=CARD_STAMP,
            text_box_style=TextBoxStyle(font=GlyphAccumulatorFactory(str(font)), font_size=10),
            timestamp_format="%Y-%m-%d %H:%M",
            border_width=2,
        )
        box = _signature_box(typed)
        with typed.open("rb") as inp:
            writer = IncrementalPdfFileWriter(inp)
            fields.append_signature_field(
                writer, fields.SigFieldSpec(sig_field_name="落款签章", on_page=-1, box=box)
            )
            meta = signers.PdfSignatureMetadata(
                field_name="落款签章", reason="发文", location="澄湖市", name=AUTHOR
            )
            with path.open("wb") as out:
                signers.PdfSigner(meta, signer=signer, stamp_style=style).sign_pdf(writer, output=out)


def _control(tag: int, inner_pr: str, content: str, placeholder: bool = False) -> str:
    return (
        f'<w:sdt><w:sdtPr><w:id w:val="{1000 + tag}"/>{"<w:showingPlcHdr/>" if placeholder else ""}'
        f"{inner_pr}</w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>"
    )


def _run(text: str, face: str = "仿宋_GB2312", style: str = "") -> str:
    return (
        f'<w:r><w:rPr>{style}<w:rFonts w:ascii="{face}" w:eastAsia="{face}" w:hAnsi="{face}"/>'
        f'<w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'
    )


def _cell_controls(index: int, control: tuple) -> str:  # type: ignore[type-arg]
    """The cell's content: the control(s) as Word writes them once the OA system filled them in."""
    kind = control[0]
    if kind == "text":
        return _control(index, "<w:text/>", _run(control[1]))
    if kind == "list":
        items = "".join(f'<w:listItem w:displayText="{i}" w:value="{i}"/>' for i in control[2])
        return _control(
            index,
            f'<w:dropDownList><w:lastValue w:val="{control[1]}"/>{items}</w:dropDownList>',
            _run(control[1]),
        )
    if kind == "date":
        date_pr = (
            f"<w:date w:fullDate=\"{control[2]}T00:00:00Z\"><w:dateFormat w:val=\"yyyy'年'M'月'd'日'\"/>"
            '<w:lid w:val="zh-CN"/><w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>'
        )
        return _control(index, date_pr, _run(control[1]))
    if kind == "boxes":
        out = []
        for number, (label, on) in enumerate(control[1]):
            box_pr = (
                f'<w14:checkbox><w14:checked w14:val="{1 if on else 0}"/>'
                '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
                '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox>'
            )
            out.append(_control(index * 10 + number, box_pr, _run("☒" if on else "☐", "MS Gothic")))
            out.append(_run(label + ("　" if number < len(control[1]) - 1 else "")))
        return "".join(out)
    # an empty control: its placeholder prompt, in the placeholder style (grey)
    return _control(
        index,
        '<w:placeholder><w:docPart w:val="DefaultPlaceholder_-1854013440"/></w:placeholder><w:text/>',
        _run(control[1], style='<w:rStyle w:val="PlaceholderText"/>'),
        placeholder=True,
    )


def write_account(path: Path) -> None:
    """The form: python-docx's title and a two-column table of labels, each value cell's paragraph holding
    the content controls as Word 2010 saves them filled in; the notes under the table."""
    doc = Document()
    official_a4(doc)
    title = doc.add_paragraph()
    title.alignment = 1
    run = title.add_run(ACCOUNT_TITLE)
    run.font.size = Pt(18)
    run.font.bold = True
    table = doc.add_table(rows=len(ACCOUNT_FIELDS), cols=2)
    table.style = "Table Grid"
    for index, (label, control) in enumerate(ACCOUNT_FIELDS):
        left, right = table.rows[index].cells
        left.width, right.width = Cm(4.5), Cm(11)
        left.paragraphs[0].add_run(label).font.size = Pt(14)
        paragraph = right.paragraphs[0]._element
        for child in parse_xml(f"<w:p {_NS}>{_cell_controls(index + 1, control)}</w:p>"):
            paragraph.append(child)
    for line in ACCOUNT_NOTES:
        paragraph = doc.add_paragraph(line)
        paragraph.paragraph_format.space_after = Pt(0)
        if line.startswith("申请日期"):
            paragraph.alignment = 2
    doc.core_properties.author = "澄湖市委老干部局信息科"
    doc.save(str(path))


WRITERS = {
    "银龄低碳绿色生活倡议书.docx": write_proposal,
    "2027年度银发书屋建设工作总结.pdf": write_summary,
    "拨付2028年度离退休干部党支部活动经费的通知.docx": write_funds,
    "启用离退休干部服务一卡通的通知.pdf": write_card,
    "网上服务平台账号开通申请表.docx": write_account,
}


if __name__ == "__main__":
    sys.exit(run_makers(WRITERS, sys.argv, HERE))
