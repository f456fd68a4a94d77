"""PDF text layers that are not what they seem.

- Fonts without a character map (no ToUnicode: some printer drivers and old export tools write them): the
  text layer gives glyph numbers (pdfminer's 「(cid:17)」), which were added as the speech's text. Such a
  page is now read by OCR as a scan is, or, without an OCR engine, not read and named.
- A scan with an OCR program's invisible text over it (Tesseract's PDF output, a scanner's 「可搜索 PDF」):
  its glyphs are sized and placed to fit the boxes the OCR found, not typeset, and the layout rules for
  typeset text misread it (a date in smaller boxes at the foot taken for a footnote, 「2024」 for its mark).
  It is now read as OCR lines are.
- A print shop's sheet: the page inside a crop box, the slug line of the typesetting file and the
  printer's notes outside it, on no page anyone sees. The slug was read as the last paragraph; only what
  the crop box shows is read now.

Documents made by python-docx and LibreOffice; the character maps removed with pypdf; the scan rendered by
pdftoppm and read by Tesseract (`tesseract … pdf`), each where installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from corpus import installed_engines, parse_document, read_document
from corpus.conservation import body_sentences

HAS_SOFFICE = shutil.which("soffice") is not None
NEEDS_SOFFICE = pytest.mark.skipif(not HAS_SOFFICE, reason="LibreOffice is not installed")
TITLE = "关于做好2024年离退休干部健康体检工作的通知"
BODY = [
    "为切实做好离退休干部健康服务工作，经研究，决定组织开展2024年度健康体检。现将有关事项通知如下。",
    "一、体检对象",
    "全市离休干部和副处级以上退休干部均在体检范围之内。因病长期住院的同志，可由所在单位申请延期体检。",
    "二、体检时间和地点",
    "体检时间为2024年4月8日至5月31日，地点在市第一人民医院健康管理中心。各单位要提前一周报送名单。",
    "三、有关要求",
    "各单位要安排专人陪同行动不便的老同志参加体检。体检结果由医院密封后交本人，异常情况及时告知家属。",
]
SIGNATURE = ["中共临江市委老干部局", "2024年3月15日"]


def _notice_pdf(folder: Path, *, pages: int = 1) -> Path:
    """A 14 pt notice as an office writes it (python-docx), printed to PDF by LibreOffice; with pages=2 the
    body is repeated after a page break, numbered 「（续）」."""
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    from tests.fixtures.documents.make_fixtures import soffice

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(14)
    document.add_paragraph("临江市委老干部局文件").alignment = 1
    document.add_paragraph("临老干发〔2024〕18号").alignment = 1
    document.add_paragraph(TITLE, style="Title")
    document.add_paragraph("各县（市、区）委老干部局，市直各单位：")
    for page in range(pages):
        if page:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        for line in BODY:
            document.add_paragraph(line + ("（续）" if page and not line.endswith("。") else ""))
    for line in SIGNATURE:
        document.add_paragraph(line).alignment = 2
    source = folder / "通知.docx"
    document.save(str(source))
    return soffice(source, "pdf")


def _without_character_maps(pdf: Path, out: Path, pages: set[int] | None = None) -> Path:
    """The PDF with its fonts' ToUnicode maps removed (on `pages`, 1-based, or all), as a producer that
    writes none leaves it: the glyphs print the same, the text layer says nothing of what they are."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter()
    for number, page in enumerate(PdfReader(pdf).pages, start=1):
        # each page from a reader of its own, so that the fonts pages share are copied apart
        added = writer.add_page(PdfReader(pdf).pages[number - 1]) if pages else writer.add_page(page)
        if pages is not None and number not in pages:
            continue
        for font in added["/Resources"]["/Font"].values():
            font = font.get_object()
            if "/ToUnicode" in font:
                del font[NameObject("/ToUnicode")]
    writer.write(out)
    return out


def _no_ocr(script: str, *args: str, tmp_path: Path) -> str:
    """Run `script` in a process where neither RapidOCR can be imported nor tesseract is on the PATH."""
    done = subprocess.run(
        [sys.executable, "-c", "import sys; sys.modules['rapidocr'] = None\n" + script, *args],
        env={"PATH": str(tmp_path), "HOME": str(tmp_path), "PYTHONPATH": str(Path(__file__).parents[1])},
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return done.stdout


@NEEDS_SOFFICE
def test_a_pdf_without_character_maps_is_refused_in_one_line_without_an_ocr_engine(tmp_path: Path) -> None:
    pdf = _without_character_maps(_notice_pdf(tmp_path), tmp_path / "无映射.pdf")
    script = (
        "from pathlib import Path\nfrom corpus import CorpusError, read_document\n"
        "try:\n    read_document(Path(sys.argv[1]))\nexcept CorpusError as e:\n    print(e)\n"
    )
    out = _no_ocr(script, str(pdf), tmp_path=tmp_path)
    assert out.count("\n") == 1 and "(cid:" not in out
    assert out.startswith("无映射.pdf 的文字无法提取：所用字体缺少字符对照表")
    assert "pip install 'speechqa[ocr]'" in out


@NEEDS_SOFFICE
def test_pages_without_character_maps_are_named_and_the_others_read_without_an_ocr_engine(
    tmp_path: Path,
) -> None:
    original = _notice_pdf(tmp_path, pages=2)
    pdf = _without_character_maps(original, tmp_path / "半页无映射.pdf", pages={2})
    script = (
        "from pathlib import Path\nfrom corpus import read_document\n"
        "document = read_document(Path(sys.argv[1]))\nprint(document.notes)\nprint(document.text)\n"
    )
    notes, text = _no_ocr(script, str(pdf), tmp_path=tmp_path).split("\n", 1)
    assert "第 2 页的文字无法提取：所用字体缺少字符对照表" in notes and "speechqa[ocr]" in notes
    assert "(cid:" not in text
    assert all(line in text for line in BODY)  # page 1's
    assert "（续）" not in text and SIGNATURE[1] not in text  # page 2's, not read


@NEEDS_SOFFICE
@pytest.mark.slow
@pytest.mark.skipif(not installed_engines(), reason="no OCR engine installed")
def test_a_pdf_without_character_maps_is_read_by_ocr(tmp_path: Path) -> None:
    original = read_document(_notice_pdf(tmp_path))
    garbled = read_document(_without_character_maps(tmp_path / "通知.pdf", tmp_path / "无映射.pdf"))
    assert garbled.encoding == "pdf+ocr" and not garbled.notes and "(cid:" not in garbled.text
    [expected], [speech] = parse_document(original), parse_document(garbled)
    assert (speech.title, speech.date, speech.doc_number) == (
        expected.title,
        expected.date,
        expected.doc_number,
    )
    sentences = body_sentences(original)
    found = [s for s in sentences if s in re.sub(r"\s+", "", garbled.text)]
    assert len(found) >= 0.8 * len(sentences)  # OCR may misread a character


def _tesseract_chinese() -> bool:
    program = shutil.which("tesseract")
    if program is None or shutil.which("pdftoppm") is None:
        return False
    listed = subprocess.run([program, "--list-langs"], capture_output=True, text=True, check=False)
    return "chi_sim" in listed.stdout.split()


@NEEDS_SOFFICE
@pytest.mark.skipif(not _tesseract_chinese(), reason="tesseract with chi_sim (and pdftoppm) needed")
def test_a_scan_with_an_ocr_text_layer_is_read_as_ocr_lines_every_character_once(tmp_path: Path) -> None:
    """Tesseract writes the text it found and the same text as a PDF over the scan in one run: the
    reader, with no OCR engine of its own, gives every character of it once and in order, and the
    notice its date (read as a typeset layer, the date's smaller boxes at the foot made it a footnote
    and 「202」 its mark: 「年43月15日」)."""
    pdf = _notice_pdf(tmp_path)
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", str(pdf), str(tmp_path / "scan")], check=True)
    [image] = sorted(tmp_path.glob("scan*.png"))
    subprocess.run(
        ["tesseract", str(image), str(tmp_path / "扫描"), "-l", "chi_sim", "txt", "pdf"],
        check=True,
        capture_output=True,
        timeout=300,
    )
    script = (
        "from pathlib import Path\nfrom corpus import read_document, parse_document\n"
        "document = read_document(Path(sys.argv[1]))\n[speech] = parse_document(document)\n"
        "print(document.encoding, speech.date, [b.kind for b in document.blocks if b.kind])\n"
        "print(document.text)\n"
    )
    first, text = _no_ocr(script, str(tmp_path / "扫描.pdf"), tmp_path=tmp_path).split("\n", 1)
    assert first == "pdf+ocr 2024-03-15 []"
    found = (tmp_path / "扫描.txt").read_text(encoding="utf-8")
    assert re.sub(r"\s+", "", text) == re.sub(r"\s+", "", found)


# -- a print shop's sheet: the page inside a crop box, slug lines and marks outside it ----------------------

SPEECH = [
    "同志们：",
    "今年全市老干部工作要突出政治引领，做好服务保障。全年要走访慰问离退休干部三千人次以上。",
    "各县区要把离退休干部党支部建设作为重点，确保组织生活正常开展。",
    "老年大学要扩大办学规模，新增教学点二十个，满足老同志学习需求。",
]


def _sheet_pdf(path: Path, *, bleed: float, pages: int, slug: bool) -> Path:
    """A speech of `pages` A4 pages with a running header and 「— N —」 page numbers, drawn by reportlab
    on a sheet `bleed` points larger on every side, its crop box the A4 page (none when bleed is 0); with
    `slug`, the typesetting file's slug line, a printer's note and crop marks outside the page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    width, height = A4
    sheet = canvas.Canvas(str(path), pagesize=(width + 2 * bleed, height + 2 * bleed))
    for number in range(1, pages + 1):
        if bleed:
            sheet.setCropBox((bleed, bleed, bleed + width, bleed + height))
        if slug:
            sheet.setFont("STSong-Light", 7)
            sheet.drawString(4, 4, f"简报第3期.indd  2024-03-01 10:23  第{number}页")
            sheet.drawString(4, height + 2 * bleed - 10, "临江印务 版次：第二稿 请核对后签字付印")
            for x in (bleed, bleed + width):
                sheet.line(x, 0, x, bleed - 6)
                sheet.line(x, height + bleed + 6, x, height + 2 * bleed)
        sheet.setFont("STSong-Light", 10)
        sheet.drawCentredString(bleed + width / 2, bleed + height - 40, "老干部工作简报")
        sheet.drawCentredString(bleed + width / 2, bleed + 30, f"— {number} —")
        y = bleed + height - 100
        if number == 1:
            sheet.setFont("STSong-Light", 20)
            sheet.drawCentredString(bleed + width / 2, y, "在全市老干部工作会议上的讲话")
            sheet.setFont("STSong-Light", 14)
            sheet.drawCentredString(bleed + width / 2, y - 30, "市委老干部局局长　王建平")
            sheet.drawCentredString(bleed + width / 2, y - 52, "2024年3月1日")
            y -= 90
        sheet.setFont("STSong-Light", 14)
        for text in SPEECH if number == 1 else SPEECH[1:]:
            sheet.drawString(bleed + 72, y, text[:30])
            y -= 22
            if text[30:]:
                sheet.drawString(bleed + 72, y, text[30:])
                y -= 22
        sheet.showPage()
    sheet.save()
    return path


@pytest.mark.parametrize("bleed", [8.5, 36.0, 56.7])
@pytest.mark.parametrize("pages", [1, 3])
def test_text_outside_the_crop_box_is_not_read_and_the_page_reads_as_printed(
    tmp_path: Path, bleed: float, pages: int
) -> None:
    """Before, the slug line under the page was read as the speech's last paragraph."""
    sheet = read_document(_sheet_pdf(tmp_path / "印刷版.pdf", bleed=bleed, pages=pages, slug=True))
    plain = read_document(_sheet_pdf(tmp_path / "原稿.pdf", bleed=0, pages=pages, slug=False))
    assert [(b.text, b.kind) for b in sheet.blocks] == [(b.text, b.kind) for b in plain.blocks]
    assert "indd" not in sheet.text and "付印" not in sheet.text and "简报" not in sheet.text
