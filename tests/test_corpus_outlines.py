"""A PDF whose text was converted to curves (转曲): no font, no text object, no image — every glyph a filled
path, as a print shop or a designer asks for before printing (Illustrator's 「创建轮廓」, CorelDRAW's
「转换为曲线」, Inkscape's and cairo's text-as-paths). Such a file was refused as having no text
(「…中没有可提取的文字」); a page that draws its text as outlines is now read by OCR as a scan is, and
without an OCR engine the file is refused saying it was converted to curves.

The real file: a notice typed with python-docx, exported by LibreOffice Writer, each page written as SVG by
cairo (``pdftocairo -svg``: every glyph a path) and the SVG made a PDF again by LibreOffice Draw. The
property: pages drawn by reportlab with a CJK font's glyph outlines (fontTools) are taken for outlined text
exactly when they draw enough glyph-sized filled shapes; a chart's bars, rules and page-sized shapes are not.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import installed_engines, read_document


def _has_draw() -> bool:
    """Whether LibreOffice Draw is installed beside soffice (the SVG → PDF step needs it: with Writer alone,
    as Debian's libreoffice-writer-nogui installs it, the export fails and writes nothing)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return False
    program = Path(soffice).resolve().parent
    return any(program.glob("libsdlo.*")) or any(program.glob("sdlo.dll"))


NEEDS_TOOLS = pytest.mark.skipif(
    not (_has_draw() and shutil.which("pdftocairo")), reason="LibreOffice Draw or pdftocairo missing"
)
SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
NEEDS_FONT = pytest.mark.skipif(not Path(SERIF).exists(), reason="Noto Serif CJK is not installed")
TITLE = "关于开展离退休干部书画作品征集活动的通知"
BODY = [
    "为展示离退休干部的精神风貌，市委老干部局决定开展书画作品征集活动。现将有关事项通知如下。",
    "一、征集对象为全市离退休干部，每人限报作品两件，书法、国画、油画均可。",
    "二、作品请于2027年6月30日前送交市老干部活动中心二楼展览室，联系人：柯明远，电话：0761-3325107。",
]
SIGNATURE = ["中共临江市委老干部局", "2027年5月20日"]


def _outlined_notice(folder: Path) -> Path:
    """The notice typed in Word's way, exported by LibreOffice Writer, converted to curves by cairo's SVG
    output and LibreOffice Draw's PDF export."""
    from docx.shared import Pt

    from tests.fixtures.documents.make_fixtures import soffice

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(14)
    document.add_paragraph(TITLE).alignment = 1
    document.add_paragraph("各县（市、区）委老干部局，市直各单位：")
    for line in BODY:
        document.add_paragraph(line)
    for line in SIGNATURE:
        document.add_paragraph(line).alignment = 2
    source = folder / "征集通知.docx"
    document.save(str(source))
    typed = soffice(source, "pdf")
    svg = folder / "征集通知.svg"
    subprocess.run(["pdftocairo", "-svg", str(typed), str(svg)], check=True, timeout=120)
    outlined = soffice(svg, "pdf:draw_pdf_Export", folder / "outlined")
    return outlined.rename(folder / "转曲通知.pdf")


@NEEDS_TOOLS
def test_the_converted_file_holds_no_text_font_or_image(tmp_path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(_outlined_notice(tmp_path)) as pdf:
        [page] = pdf.pages
        assert not page.chars and not page.images and len(page.curves) > 200


@NEEDS_TOOLS
@pytest.mark.slow
@pytest.mark.skipif(not installed_engines(), reason="no OCR engine installed")
def test_a_pdf_converted_to_curves_is_read_by_ocr(tmp_path: Path) -> None:
    document = read_document(_outlined_notice(tmp_path))
    text = document.text.replace(" ", "")
    assert document.encoding == "pdf+ocr"
    for line in [TITLE, *BODY, *SIGNATURE]:
        assert line in text


@NEEDS_TOOLS
def test_a_pdf_converted_to_curves_is_refused_in_one_line_without_an_ocr_engine(tmp_path: Path) -> None:
    pdf = _outlined_notice(tmp_path)
    script = (
        "import sys; sys.modules['rapidocr'] = None\n"
        "from pathlib import Path\nfrom corpus import CorpusError, read_document\n"
        "try:\n    read_document(Path(sys.argv[1]))\nexcept CorpusError as e:\n    print(e)\n"
    )
    done = subprocess.run(  # neither RapidOCR importable nor tesseract on the PATH
        [sys.executable, "-c", script, str(pdf)],
        env={"PATH": str(tmp_path), "HOME": str(tmp_path), "PYTHONPATH": str(Path(__file__).parents[1])},
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    out = done.stdout
    assert out.count("\n") == 1
    assert out.startswith("转曲通知.pdf 的文字已转为曲线（转曲），没有文字层，需要按扫描件识别。")
    assert "pip install 'speechqa[ocr]'" in out


# --- the rule, as a property over pages drawn by reportlab ----------------------------------------------

_GLYPHS: dict[str, object] = {}


def _font():  # type: ignore[no-untyped-def]
    from fontTools.ttLib import TTCollection

    if "font" not in _GLYPHS:
        _GLYPHS["font"] = TTCollection(SERIF).fonts[0]
    return _GLYPHS["font"]


def draw_outline(canvas, char: str, x: float, y: float, size: float) -> int:  # type: ignore[no-untyped-def]
    """`char`'s glyph outline filled at (x, y) in `size` points, as text converted to curves draws it; the
    number of its contours (each a shape of its own to pdfplumber: 「一」 one, 「餮」 a dozen)."""
    from fontTools.pens.recordingPen import RecordingPen

    font = _font()
    glyph_set = font.getGlyphSet()  # type: ignore[attr-defined]
    name = font.getBestCmap()[ord(char)]  # type: ignore[attr-defined]
    pen = RecordingPen()
    glyph_set[name].draw(pen)
    scale = size / 1000
    path = canvas.beginPath()
    for op, points in pen.value:
        pts = [(x + px * scale, y + py * scale) for px, py in points]
        if op == "moveTo":
            path.moveTo(*pts[0])
        elif op == "lineTo":
            path.lineTo(*pts[0])
        elif op == "curveTo":
            (x1, y1), (x2, y2), (x3, y3) = pts
            path.curveTo(x1, y1, x2, y2, x3, y3)
        elif op == "closePath":
            path.close()
    canvas.drawPath(path, stroke=0, fill=1)
    return sum(1 for op, _ in pen.value if op == "moveTo")


_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


def _page(chars: str, size: float, bars: int, frame: bool):  # type: ignore[no-untyped-def]
    """A reportlab page: `chars` drawn as outlines in lines across the page, `bars` filled chart bars and
    axis rules, and with `frame` a page-sized filled background; and the number of the glyphs' contours."""
    import pdfplumber
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    width, height = A4
    if frame:
        pdf.setFillColorRGB(0.95, 0.95, 0.9)
        pdf.rect(20, 20, width - 40, height - 40, stroke=0, fill=1)
        pdf.setFillColorRGB(0, 0, 0)
    per_line = int((width - 100) // size)
    contours = 0
    for i, char in enumerate(chars):
        x, y = 50 + (i % per_line) * size, height - 80 - (i // per_line) * size * 1.6
        contours += draw_outline(pdf, char, x, y, size)
    for i in range(bars):
        pdf.rect(60 + i * 20, 100, 12, 20 + (i * 37) % 200, stroke=0, fill=1)
    pdf.line(50, 95, width - 50, 95)
    pdf.showPage()
    pdf.save()
    return pdfplumber.open(io.BytesIO(out.getvalue())), contours


@NEEDS_FONT
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    chars=st.text(_HAN, min_size=0, max_size=140),
    size=st.floats(min_value=9, max_value=40),
    bars=st.integers(min_value=0, max_value=20),
    frame=st.booleans(),
)
def test_a_page_is_taken_for_outlined_text_when_it_draws_enough_glyph_shapes(
    chars: str, size: float, bars: int, frame: bool
) -> None:
    from corpus.pdf import _MIN_OUTLINED_GLYPHS, _outlined

    opened, contours = _page(chars, size, bars, frame)
    with opened as pdf:
        page = pdf.pages[0]
        assert not page.chars
        # every contour of a glyph a filled shape (a few plain ones, 「一」 a bare rectangle, may not count);
        # a chart's bars, its rules and a page-sized background are no glyphs
        if contours < _MIN_OUTLINED_GLYPHS:
            assert not _outlined(page)
        elif contours >= 2 * _MIN_OUTLINED_GLYPHS:
            assert _outlined(page)
