"""Make the trial-36 documents: a year of a bureau's desk folder, filed by month.

Usage: python scripts/trial/make_trial36_docs.py OUTDIR
Needs python-docx, reportlab (its STSong-Light CID font), Pillow, LibreOffice (soffice) and poppler (pdftoppm).

OUTDIR/desk/ gets, the texts written for this trial (not from benchmarks/ or tests/):
  2025年/01月 … 12月/   notices (python-docx), one filed twice (a copy in the next month's folder), one
                        with a 修改稿 beside it (its dates changed), one a GB2312 .txt with CRLF ends and
                        full-width indents as an old Windows PC saves it
  2025年/10月/          a speech 「在全市老干部工作会议上的讲话」 (林晓东, 2025) as .docx (python-docx), as .pdf
                        exported by LibreOffice, and as .pdf typeset by reportlab with a CJK font
  往年/2024年/          a speech under the same title by another speaker (陈建国, 2024)
  王科长转来的材料.zip   what a colleague mailed: a .docx and a reportlab .pdf in a folder inside the zip
  拍照/                  a phone photo of a notice on the bulletin board (python-docx, LibreOffice's PDF,
                        rendered at 150 dpi, turned, shadowed, JPEG quality 72) — the only copy of that notice
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from tests.fixtures.corpus_writers import soffice_convert

Paras = list[tuple[str, str]]
ISSUER = "中共温州市委老干部局"


def notice(addressee: str, body: Paras, date: str) -> Paras:
    return [("Normal", addressee), *body, ("Right", ISSUER), ("Right", date)]


NOTICES: dict[str, tuple[str, Paras]] = {
    "01月/元旦春节走访慰问通知.docx": (
        "关于做好2025年元旦春节期间离退休干部走访慰问工作的通知",
        notice(
            "各县（市、区）委老干部局，市直各单位：",
            [
                (
                    "Normal",
                    "元旦、春节将至，为把党和政府的关怀送到老同志心坎上，现就做好走访慰问工作通知如下。",
                ),
                ("Heading 1", "一、慰问对象"),
                (
                    "Normal",
                    "全市离休干部、享受副市级以上待遇的退休干部，以及生活困难的退休干部和离休干部遗孀。",
                ),
                ("Heading 1", "二、慰问标准"),
                ("Normal", "离休干部每人慰问金1500元，困难退休干部每人800元，所需经费由原单位列支。"),
                ("Heading 1", "三、时间安排"),
                ("Normal", "走访慰问工作于2025年1月10日开始，1月25日前全部完成，并于1月27日前报送工作小结。"),
            ],
            "2025年1月6日",
        ),
    ),
    "03月/春季健步走活动通知.docx": (
        "关于组织离退休干部参加春季健步走活动的通知",
        notice(
            "市直各单位离退休干部工作部门：",
            [
                ("Normal", "为丰富离退休干部精神文化生活，经研究，决定组织开展春季健步走活动。"),
                ("Heading 1", "一、活动时间和路线"),
                (
                    "Normal",
                    "活动定于2025年3月29日上午8时30分开始，从江心屿东园出发，沿瓯江路步行至杨府山公园，全程约5公里。",
                ),
                ("Heading 1", "二、参加人员"),
                ("Normal", "身体状况良好、年龄在75周岁以下的离退休干部自愿报名，每个单位限报10人。"),
                ("Heading 1", "三、报名方式"),
                (
                    "Normal",
                    "请各单位于3月20日前将报名表报送市委老干部局文体处，联系人：郑丽，电话：0577-88965312。",
                ),
            ],
            "2025年3月10日",
        ),
    ),
    "05月/离休干部健康体检通知.docx": (
        "关于开展2025年度离休干部健康体检的通知",
        notice(
            "市直各单位：",
            [
                ("Normal", "为做好离休干部医疗保健工作，决定组织开展2025年度离休干部健康体检。"),
                ("Heading 1", "一、体检时间"),
                ("Normal", "体检时间为2025年5月19日至6月13日，每周一、周三、周五上午7时30分至10时。"),
                ("Heading 1", "二、体检医院"),
                (
                    "Normal",
                    "体检在温州医科大学附属第二医院体检中心进行，行动不便的离休干部可由医院派车接送。",
                ),
                ("Heading 1", "三、体检项目"),
                ("Normal", "今年新增骨密度检测和颈动脉彩超两个项目，体检费用每人2200元，由市财政统一结算。"),
            ],
            "2025年5月8日",
        ),
    ),
    "09月/重阳节文艺汇演通知.docx": (
        "关于举办2025年重阳节老干部文艺汇演的通知",
        notice(
            "各县（市、区）委老干部局，市老年大学：",
            [
                (
                    "Normal",
                    "为庆祝第38个重阳节，展示老干部老有所为、老有所乐的精神风貌，决定举办重阳节文艺汇演。",
                ),
                ("Heading 1", "一、时间地点"),
                (
                    "Normal",
                    "汇演定于2025年10月28日下午2时在温州大剧院举行，演员须于当天中午12时30分前到场候演。",
                ),
                ("Heading 1", "二、节目要求"),
                (
                    "Normal",
                    "每个单位报送节目不超过2个，每个节目时长不超过6分钟，形式包括合唱、舞蹈、戏曲、朗诵等。",
                ),
                ("Heading 1", "三、报送时间"),
                ("Normal", "请于9月30日前将节目单报送市老年大学教务处。"),
            ],
            "2025年9月15日",
        ),
    ),
    "12月/报送年度工作总结通知.docx": (
        "关于报送2025年度老干部工作总结的通知",
        notice(
            "各县（市、区）委老干部局，市直各单位：",
            [
                ("Normal", "为全面总结2025年老干部工作，谋划明年工作思路，请各单位认真撰写年度工作总结。"),
                (
                    "Normal",
                    "总结字数控制在3000字以内，重点写清落实离退休干部政治待遇、生活待遇的做法和成效。",
                ),
                (
                    "Normal",
                    "请于2025年12月20日前将总结的电子文档发送至市委老干部局综合处邮箱，逾期不再催报。",
                ),
            ],
            "2025年12月1日",
        ),
    ),
}
# the 05月 notice's 修改稿: the hospital moved the dates
REVISED = ("2025年5月19日至6月13日", "2025年5月26日至6月20日")

HEAT_NOTICE_TITLE = "关于做好高温天气期间离退休干部关心关爱工作的通知"
HEAT_NOTICE_LINES = [
    "各县（市、区）委老干部局，市直各单位：",
    "入夏以来，我市持续出现高温天气。为切实保障离退休干部身体健康和生命安全，现就有关事项通知如下。",
    "一、加强走访联系。各单位要对独居、高龄、患病的离退休干部逐一电话联系，每周至少一次。",
    "二、发放防暑物品。为每位离休干部和80周岁以上退休干部发放防暑降温物品，标准为每人300元。",
    "三、减少户外活动。高温期间暂停组织离退休干部户外集体活动，老年大学7月、8月停课。",
    ISSUER,
    "2025年7月2日",
]

SPEECH_TITLE = "在全市老干部工作会议上的讲话"
SPEECH_2025: Paras = [
    ("Subtitle", "林晓东"),
    ("Subtitle", "2025年10月16日"),
    ("Normal", "同志们："),
    ("Normal", "这次会议的主要任务是，总结今年以来全市老干部工作，分析当前形势，部署下一阶段任务。"),
    ("Heading 1", "一、今年以来工作的主要成效"),
    ("Normal", "今年全市新建老干部活动室27个，老年大学在校学员达到1.8万人，比去年增长百分之十二。"),
    ("Normal", "我们推行离休干部“一人一档”服务，为全市312名离休干部建立了健康档案，实现医疗费用即时结算。"),
    ("Heading 1", "二、下一阶段的重点任务"),
    ("Normal", "一要抓好政治引领，每季度为离退休干部党员开展一次专题宣讲。"),
    ("Normal", "二要抓好精准服务，年底前实现离退休干部居家养老服务需求评估全覆盖。"),
    ("Normal", "三要抓好阵地建设，明年再新建老干部活动室20个，重点向乡镇和社区延伸。"),
    ("Heading 1", "三、加强自身建设"),
    ("Normal", "老干部工作者要当好老干部的贴心人，做到政治上尊重、思想上关心、生活上照顾、精神上关怀。"),
]
SPEECH_2024: Paras = [
    ("Subtitle", "陈建国"),
    ("Subtitle", "2024年10月18日"),
    ("Normal", "同志们："),
    ("Normal", "今天召开全市老干部工作会议，主要是回顾一年来的工作，研究部署明年的任务。"),
    ("Heading 1", "一、一年来的工作回顾"),
    ("Normal", "一年来，全市新建老干部活动室19个，老年大学新增教学点8个，在校学员突破1.6万人。"),
    ("Normal", "全市组织离退休干部开展志愿服务活动1100余场次，参与老同志超过九千人次。"),
    ("Heading 1", "二、明年工作的总体要求"),
    ("Normal", "明年要重点抓好离退休干部党支部标准化建设，力争百分之八十的支部达到标准化要求。"),
    ("Normal", "要完善离休干部医疗保障机制，推动医疗费用由垫付报销逐步转向即时结算。"),
]

ZIP_DOCX_TITLE = "温州老年大学2026年春季招生简章"
ZIP_DOCX: Paras = [
    ("Heading 1", "一、招生对象"),
    ("Normal", "年满50周岁、身体健康的离退休干部和社区老年人均可报名，离休干部优先录取。"),
    ("Heading 1", "二、开设课程"),
    ("Normal", "本学期开设书法、国画、声乐、太极拳、智能手机应用等32门课程，每人限报3门。"),
    ("Heading 1", "三、报名时间和学费"),
    ("Normal", "报名时间为2026年1月12日至1月23日，每门课程学费每学期200元，离休干部免收学费。"),
    ("Right", "温州老年大学"),
    ("Right", "2025年12月22日"),
]
ZIP_PDF_TITLE = "全市离退休干部党支部书记培训班日程安排"
ZIP_PDF_LINES = [
    "培训时间为2025年11月24日至11月26日，地点在市委党校3号楼报告厅。",
    "11月24日上午举行开班式，由市委老干部局林晓东局长作开班动员讲话。",
    "11月25日全天进行专题授课，内容包括党支部工作规范、离退休干部党员教育管理等。",
    "11月26日上午分组交流讨论，下午进行结业考试并举行结业式。",
    "参训学员须携带本人身份证，培训期间统一安排食宿，不得请假。",
    "中共温州市委老干部局",
    "2025年11月10日",
]

PHOTO_TITLE = "关于调整老干部活动中心冬季开放时间的通知"
PHOTO_LINES = [
    "各位老同志：",
    "根据季节变化，自2025年11月1日起，老干部活动中心调整为冬季开放时间。",
    "开放时间为每周二至周日上午8时30分至11时30分，下午1时30分至5时，每周一闭馆清洁。",
    "棋牌室、阅览室、乒乓球室照常开放，健身房下午4时后停止入场。",
    "特此通知。",
    "市老干部活动中心",
    "2025年10月27日",
]


def write_docx(path: Path, title: str, paras: Paras) -> None:
    doc = Document()
    doc.add_paragraph(title, style="Title")
    for style, text in paras:
        if style == "Right":
            p = doc.add_paragraph(text)
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        else:
            doc.add_paragraph(text, style=style)
    doc.save(str(path))


def reportlab_pdf(path: Path, title: str, lines: list[str], right: int = 0) -> None:
    """Typeset with reportlab's STSong-Light (a CJK CID font): a title, paragraphs with a first-line indent,
    the last `right` lines right-aligned (the sign-off), a page number in the footer."""
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle(
        "body", fontName="STSong-Light", fontSize=14, leading=24, firstLineIndent=28, wordWrap="CJK"
    )
    head = ParagraphStyle(
        "head", parent=body, fontSize=20, leading=32, alignment=TA_CENTER, firstLineIndent=0
    )
    sign = ParagraphStyle("sign", parent=body, alignment=TA_RIGHT, firstLineIndent=0)

    def footer(canvas, doc) -> None:
        canvas.setFont("STSong-Light", 10)
        canvas.drawCentredString(A4[0] / 2, 36, f"— {doc.page} —")

    story = [Paragraph(title, head), Spacer(1, 12)]
    for i, line in enumerate(lines):
        story.append(Paragraph(line, sign if i >= len(lines) - right else body))
    SimpleDocTemplate(str(path), pagesize=A4, title=title).build(
        story, onFirstPage=footer, onLaterPages=footer
    )


def speech_lines(paras: Paras) -> list[str]:
    return [text for _, text in paras]


def soffice(src: Path, fmt: str, outdir: Path) -> Path:
    made = outdir / (src.stem + "." + fmt.split(":")[0])
    soffice_convert(src, fmt, made, timeout=180)
    return made


def photo_of(pdf: Path, out: Path, work: Path) -> None:
    from PIL import Image, ImageDraw, ImageFilter

    subprocess.run(
        ["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", str(pdf), str(work / "p")], check=True
    )
    page = Image.open(next(work.glob("p*.png"))).convert("RGB")
    shade = Image.new("L", page.size, 0)
    draw = ImageDraw.Draw(shade)
    w, h = page.size
    for i in range(50):  # the phone's shadow, darker to the top left
        draw.rectangle([0, 0, w - w * i // 50, h - h * i // 50], fill=i)
    page = Image.composite(Image.new("RGB", page.size, (95, 90, 84)), page, shade.point(lambda v: v // 2))
    page = page.rotate(-1.5, expand=True, fillcolor=(188, 180, 170)).filter(ImageFilter.GaussianBlur(0.5))
    page.save(str(out), quality=72)


def main(argv: list[str]) -> int:
    if argv in (["-h"], ["--help"]):
        print(__doc__)
        return 0
    if len(argv) != 1:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    out = Path(argv[0])
    desk, work = out / "desk", out / "work"
    for d in (desk, work):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
    year = desk / "2025年"
    for rel, (title, paras) in NOTICES.items():
        path = year / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        write_docx(path, title, paras)
    # filed twice: the March notice copied into April's folder under Windows' copy name
    (year / "04月").mkdir()
    shutil.copy(year / "03月/春季健步走活动通知.docx", year / "04月/春季健步走活动通知 - 副本.docx")
    # a 修改稿 beside the May notice
    title, paras = NOTICES["05月/离休干部健康体检通知.docx"]
    write_docx(
        year / "05月/离休干部健康体检通知（修改稿）.docx", title, [(s, t.replace(*REVISED)) for s, t in paras]
    )
    # an old PC's GB2312 text: CRLF, full-width indents
    (year / "07月").mkdir()
    text = "\r\n".join(
        [HEAT_NOTICE_TITLE, ""]
        + ["\u3000\u3000" + line if i else line for i, line in enumerate(HEAT_NOTICE_LINES)]
    )
    (year / "07月/高温关爱通知.txt").write_bytes((text + "\r\n").encode("gb2312"))
    # the speech three ways
    (year / "10月").mkdir()
    speech = year / "10月/林局长在全市老干部工作会议上的讲话.docx"
    write_docx(speech, SPEECH_TITLE, SPEECH_2025)
    shutil.copy(speech, work / "speech.docx")
    shutil.move(
        str(soffice(work / "speech.docx", "pdf", work)),
        year / "10月/老干部工作会议讲话（LibreOffice导出）.pdf",
    )
    reportlab_pdf(year / "10月/老干部工作会议讲话（排版稿）.pdf", SPEECH_TITLE, speech_lines(SPEECH_2025))
    # the same title a year earlier, another speaker
    old = desk / "往年/2024年"
    old.mkdir(parents=True)
    write_docx(old / "在全市老干部工作会议上的讲话.docx", SPEECH_TITLE, SPEECH_2024)
    # the colleague's zip: a folder inside, a .docx and a reportlab .pdf
    write_docx(work / "招生简章.docx", ZIP_DOCX_TITLE, ZIP_DOCX)
    reportlab_pdf(work / "培训班日程.pdf", ZIP_PDF_TITLE, ZIP_PDF_LINES, right=2)
    with zipfile.ZipFile(desk / "王科长转来的材料.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.write(work / "招生简章.docx", "转发材料/老年大学2026春季招生简章.docx")
        z.write(work / "培训班日程.pdf", "转发材料/支部书记培训班日程.pdf")
    # the bulletin board, photographed
    (desk / "拍照").mkdir()
    # (poppler renders no page of a PDF whose CJK font is not embedded, so the printed page is LibreOffice's)
    board = [("Normal", line) for line in PHOTO_LINES[:-2]] + [("Right", line) for line in PHOTO_LINES[-2:]]
    write_docx(work / "board.docx", PHOTO_TITLE, board)
    photo_of(soffice(work / "board.docx", "pdf", work), desk / "拍照/IMG_20251028_0931.jpg", work)
    shutil.rmtree(work)
    for p in sorted(desk.rglob("*")):
        if p.is_file():
            print(p.relative_to(desk))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
