"""Make the trial-33 documents: a staff member's folder as it is on their desk, with odd file names.

Usage: python scripts/trial/make_trial33_docs.py OUTDIR
Needs python-docx, openpyxl, matplotlib, Pillow, LibreOffice (soffice) and poppler (pdftoppm).

OUTDIR/desk/ gets: a speech (python-docx, Title/Heading/List styles) under a name with spaces, the
same speech exported by LibreOffice to PDF and .doc, the same .docx again under another name, a newer
version with one paragraph changed, a notice (python-docx) exported to PDF and photographed (page 1
rendered at 150 dpi, turned 2°, shadowed, saved as a quality-70 JPEG), a spreadsheet, a chart picture,
and file names with full-width characters, an emoji, 150 characters and NFD-decomposed letters.
The texts are written for this trial, not taken from benchmarks/ or tests/.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from tests.fixtures.corpus_writers import soffice_convert

SPEECH_TITLE = "在2026年全市离退休干部党建工作推进会上的讲话"
SPEECH_PARAS: list[tuple[str, str]] = [
    ("Subtitle", "市委老干部局局长 周立新"),
    ("Subtitle", "2026年3月18日"),
    ("Normal", "同志们："),
    (
        "Normal",
        "今天召开全市离退休干部党建工作推进会，主要任务是总结去年工作，部署今年任务。"
        "刚才，三个单位作了交流发言，讲得都很好，请大家认真学习借鉴。",
    ),
    ("Heading 1", "一、充分肯定去年离退休干部党建工作取得的成绩"),
    (
        "Normal",
        "去年以来，全市新建离退休干部党支部46个，离退休干部党组织覆盖率达到百分之九十八，"
        "组织开展“银发红色宣讲”活动320场，受众超过两万人次。",
    ),
    (
        "Normal",
        "我们坚持每季度召开一次离退休干部党支部书记例会，建立了支部书记轮训制度，全年培训支部书记410人次。",
    ),
    ("Heading 1", "二、扎实做好今年离退休干部党建重点工作"),
    ("List Number", "健全组织体系。年底前实现离退休干部党组织应建尽建，流动党员全部纳入组织管理。"),
    (
        "List Number",
        "落实组织生活。离退休干部党支部每月至少开展一次主题党日活动，行动不便的老党员由支部委员上门送学。",
    ),
    (
        "List Number",
        "发挥作用平台。依托社区建立“银发先锋工作室”，引导老同志参与基层治理、关心下一代和志愿服务。",
    ),
    ("Heading 1", "三、切实加强对离退休干部党建工作的领导"),
    (
        "Normal",
        "各级党组织要把离退休干部党建工作纳入党建工作责任制考核，党组织书记要履行第一责任人职责，"
        "每年至少听取一次离退休干部党建工作汇报。",
    ),
    ("Normal", "同志们，让我们以更加饱满的热情，推动全市离退休干部党建工作再上新台阶。"),
]
CHANGED_FROM = "全年培训支部书记410人次。"
CHANGED_TO = "全年培训支部书记436人次，实现轮训全覆盖。"

NOTICE_TITLE = "关于开展2026年度离退休干部健康体检工作的通知"
NOTICE_PARAS: list[tuple[str, str]] = [
    ("Normal", "市直各单位离退休干部工作部门："),
    (
        "Normal",
        "为保障离退休干部身体健康，经研究，决定开展2026年度离退休干部健康体检工作，现将有关事项通知如下。",
    ),
    ("Heading 1", "一、体检时间"),
    ("Normal", "体检时间为2026年4月7日至5月29日，每周二、周四上午7点30分至10点。"),
    ("Heading 1", "二、体检地点"),
    ("Normal", "体检地点为温州市人民医院健康管理中心三楼，行动不便的老同志可预约上门抽血。"),
    ("Heading 1", "三、体检费用"),
    ("Normal", "离休干部每人每年体检费用标准为1800元，退休干部为900元，由原单位承担。"),
    ("Heading 1", "四、有关要求"),
    ("Normal", "体检前一天晚上8点后禁食，体检当天请携带身份证和医保卡。"),
    ("Right", "中共温州市委老干部局"),
    ("Right", "2026年3月25日"),
]


def write_docx(path: Path, title: str, paras: list[tuple[str, str]]) -> None:
    doc = Document()
    doc.add_paragraph(title, style="Title")
    for style, text in paras:
        if style == "Right":
            p = doc.add_paragraph(text)
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        else:
            doc.add_paragraph(text, style=style)
    doc.save(str(path))


def soffice(src: Path, fmt: str, outdir: Path) -> Path:
    made = outdir / (src.stem + "." + fmt.split(":")[0])
    soffice_convert(src, fmt, made, timeout=180)
    return made


def photo_of(pdf: Path, out: Path, work: Path) -> None:
    from PIL import Image, ImageDraw, ImageFilter

    subprocess.run(
        ["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", str(pdf), str(work / "page")], check=True
    )
    page = Image.open(next(work.glob("page*.png"))).convert("RGB")
    shade = Image.new("L", page.size, 0)
    draw = ImageDraw.Draw(shade)
    w, h = page.size
    for i in range(60):  # a soft shadow from the phone, darker to the bottom right
        draw.rectangle([w * i // 60, h * i // 60, w, h], fill=i)
    page = Image.composite(Image.new("RGB", page.size, (90, 85, 80)), page, shade.point(lambda v: v // 2))
    page = page.rotate(2, expand=True, fillcolor=(200, 196, 190)).filter(ImageFilter.GaussianBlur(0.6))
    page.save(str(out), quality=70)


def spreadsheet(path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["单位", "离休干部", "退休干部"])
    ws.append(["市委组织部", 3, 41])
    ws.append(["市财政局", 1, 37])
    wb.save(str(path))


def chart(path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
    ax.bar(["2023", "2024", "2025"], [280, 301, 320])
    fig.savefig(str(path))
    plt.close(fig)


def main(argv: list[str]) -> int:
    if argv in (["-h"], ["--help"]):
        print(__doc__)
        return 0
    if len(argv) != 1:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    out = Path(argv[0])
    desk = out / "desk"
    work = out / "work"
    for d in (desk, work):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
    speech = desk / "周局长 党建推进会 讲话.docx"
    write_docx(speech, SPEECH_TITLE, SPEECH_PARAS)
    shutil.copy(speech, work / "speech.docx")
    shutil.move(str(soffice(work / "speech.docx", "pdf", work)), desk / "党建推进会讲话（定稿）.pdf")
    shutil.move(str(soffice(work / "speech.docx", "doc", work)), desk / "党建推进会讲话.doc")
    shutil.copy(speech, desk / "副本 - 周局长讲话.docx")
    newer = [(s, t.replace(CHANGED_FROM, CHANGED_TO)) for s, t in SPEECH_PARAS]
    write_docx(desk / "周局长讲话_修改稿v2 📝.docx", SPEECH_TITLE, newer)
    notice = work / "notice.docx"
    write_docx(notice, NOTICE_TITLE, NOTICE_PARAS)
    pdf = soffice(notice, "pdf", work)
    shutil.copy(pdf, desk / ("体检通知" + "（转发各单位）" * 10 + "最终版.pdf"))
    photo_of(pdf, desk / "ＩＭＧ＿２０２６０３２５ 体检通知拍照.jpg", work)
    spreadsheet(desk / "离退休干部人数统计.xlsx")
    chart(desk / "宣讲场次图.png")
    # macOS writes names decomposed (NFD): é as e + U+0301; a colleague's Mac-made file
    shutil.copy(notice, desk / unicodedata.normalize("NFD", "Réunion 体检通知 ü.docx"))
    shutil.rmtree(work)
    for p in sorted(desk.iterdir()):
        print(p.name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
