"""Pages set in vertical writing (竖排): columns of characters top to bottom, the columns right to left, read
as the text they are — the twenty-third blind set's congratulatory speech (docs/cold21.md) came out a
character a line, its columns interleaved (「同／同／同／（ 在志」), titled 「攒离 援 最 是 的休」."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from corpus import read_bytes, read_document
from tests.test_corpus_documents import find_in_order
from tests.test_corpus_documents_property import ALPHABET, ENDS

EXAMPLES = int(os.environ.get("SPEECHQA_PROPERTY_EXAMPLES", "25"))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_speech_typed_vertically_and_exported_by_libreoffice_reads_column_by_column(tmp_path: Path) -> None:
    """make_vertical_pdf.py: Writer's 「文字方向 › 垂直」 over two pages, figures turned within the columns."""
    from tests.fixtures.layouts.make_vertical_pdf import DATE, PARAGRAPHS, SPEAKER, TITLE, write_pdf

    lines = read_document(write_pdf(tmp_path)).text.splitlines()
    assert lines == [TITLE, " ".join(SPEAKER.split("　")), DATE, *PARAGRAPHS]


# -- the property: random paragraphs drawn in columns by reportlab's canvas, and the same drawn across ----------

CJK = ALPHABET.rstrip("0123456789")
sentence = st.builds(
    lambda body, end: body + end,
    st.text(alphabet=CJK, min_size=6, max_size=40).filter(lambda s: len(set(s)) >= 5),
    st.sampled_from(ENDS),
)
# paragraphs of a full line or more, as a speech's are: a page of short lines is ragged enough for the column
# reader to find a gutter in it, vertical or not (the property compares the two readings, and checks the text)
paragraph = (
    st.lists(sentence, min_size=2, max_size=5, unique=True).map("".join).filter(lambda p: len(p) >= 40)
)
SIZE = 14
SLOTS = 40  # characters a column (or a line) holds on the page


def drawn_pdf(paragraphs: list[str], vertical: bool) -> bytes:
    """The paragraphs drawn a character at a time on A4 pages (STSong-Light, 14 points), each paragraph
    starting a new column (or line) two characters in, as a word processor sets them: vertically, the
    columns from the right edge leftwards, each top to bottom; else the usual lines."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    width, height = A4
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=1)
    pdf.setFont("STSong-Light", SIZE)
    step = SIZE * 1.6  # from one column (line) to the next
    per_page = int((width if vertical else height) - 120) // int(step)
    row = 0  # the column (line) on the page
    for text in paragraphs:
        slots = ["", "", *text]
        for start in range(0, len(slots), SLOTS):
            if row == per_page:
                pdf.showPage()
                pdf.setFont("STSong-Light", SIZE)
                row = 0
            for k, char in enumerate(slots[start : start + SLOTS]):
                if not char:
                    continue
                if vertical:
                    x, y = width - 60 - SIZE - row * step, height - 80 - (k + 1) * SIZE
                else:
                    x, y = 30 + k * SIZE, height - 60 - (row + 1) * step
                pdf.drawString(x, y, char)
            row += 1
    pdf.showPage()
    pdf.save()
    return out.getvalue()


@settings(
    max_examples=max(5, EXAMPLES // 3),  # two PDFs an example, read by pdfplumber: a few seconds each
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(st.lists(paragraph, min_size=2, max_size=6, unique=True))
def test_paragraphs_drawn_in_columns_read_as_the_same_paragraphs_drawn_in_lines(
    paragraphs: list[str],
) -> None:
    """Set vertically or across, the same paragraphs read the same, every one once and in order (how lines
    join into paragraphs is the layout rules', the same for both)."""
    assume(not any(a != b and a in b for a in paragraphs for b in paragraphs))
    across = read_bytes("across.pdf", drawn_pdf(paragraphs, vertical=False)).text
    down = read_bytes("down.pdf", drawn_pdf(paragraphs, vertical=True)).text
    assert down == across
    assert find_in_order(paragraphs, down) == []
