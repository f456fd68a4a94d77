"""The last page of a notice converted to curves (转曲) is read, though it draws only a few glyphs (cold30).

A print shop's 「转曲」 by Ghostscript (``gs -sDEVICE=pdfwrite -dNoOutputFonts``) leaves no font and no text:
every glyph a filled path, and a page is read by OCR when it draws enough glyph-sized filled shapes (60).
A notice whose body fills its first page keeps only its date (or issuer and date) and page number on the
second: a dozen or two shapes, taken for a drawing and left unread — cold30's 编织班 notice lost its
issuer and date and was filed 日期不详, 讲话人不详. Now a page with a few glyphs' outlines (4 or more) is
outlined text too when another page of the same document is; alone, so few shapes stay a drawing's.

The file: ``tests/fixtures/outlined_pdf/notice.pdf``, made by ``make_outlined_notice.py`` there (python-docx
→ **LibreOffice Writer** PDF → **Ghostscript** ``-dNoOutputFonts``).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pdfplumber
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import installed_engines, parse_document, read_bytes
from tests.fixtures.outlined_pdf.make_outlined_notice import AUTHOR, NOTICE
from tests.test_corpus_outlines import NEEDS_FONT, draw_outline

FIXTURE = Path(__file__).parent / "fixtures" / "outlined_pdf" / "notice.pdf"
NEEDS_OCR = pytest.mark.skipif(not installed_engines(), reason="no OCR engine installed")


def test_the_fixture_is_ghostscripts_outlines_with_a_short_last_page() -> None:
    data = FIXTURE.read_bytes()
    assert b"Ghostscript" in data and b"/FontFile" not in data
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) == 2
        assert not any(page.chars or page.images for page in pdf.pages)
        shapes = [sum(1 for curve in page.curves if curve.get("fill")) for page in pdf.pages]
        assert shapes[0] > 300 and 4 <= shapes[1] < 60  # the last page: the date and 「— 2 —」


@NEEDS_OCR
@pytest.mark.slow
def test_the_outlined_notice_is_dated_and_signed() -> None:
    """main: the second page unread — no date (None), its last passage the 报名 line."""
    [speech] = parse_document(read_bytes("转曲通知.pdf", FIXTURE.read_bytes()))
    assert speech.title == NOTICE[0][1]
    assert speech.date == "2029-08-12" and speech.issuer == AUTHOR
    body = re.sub(r"\s+", "", "".join(p.text for p in speech.paragraphs))
    for kind, line in NOTICE:
        if kind == "body":
            assert re.sub(r"\s+", "", line).replace(":", "：") in body.replace(":", "：")


def _document(first: str, last: str, size: float) -> bytes:
    """A two-page PDF drawing `first` and `last` as glyph outlines (no text), one page each."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    width, height = A4
    for chars in (first, last):
        per_line = int((width - 100) // size)
        for i, char in enumerate(chars):
            draw_outline(
                pdf, char, 50 + (i % per_line) * size, height - 80 - (i // per_line) * size * 1.6, size
            )
        pdf.showPage()
    pdf.save()
    return out.getvalue()


_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


@NEEDS_FONT
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    first=st.text(_HAN, min_size=0, max_size=120),
    last=st.text(_HAN, min_size=4, max_size=12),
    size=st.floats(min_value=10, max_value=30),
)
def test_a_few_glyph_outlines_are_text_exactly_when_another_page_is_outlined_text(
    first: str, last: str, size: float
) -> None:
    """The last page (4–12 characters' outlines, each at least one shape) is taken for outlined text when
    the first page is outlined text (its shapes counted as a page alone is judged), never otherwise."""
    from corpus.pdf import _MIN_TRAILING_GLYPHS, _outlined, _outlined_document

    with pdfplumber.open(io.BytesIO(_document(first, last, size))) as pdf:
        one, two = pdf.pages
        assert _outlined(two, _MIN_TRAILING_GLYPHS)
        assert _outlined_document(pdf.pages) == (_outlined(one) or _outlined(two))
