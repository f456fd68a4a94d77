"""A document that is only a table, its first row merged across every column holding the title (docs60): a
台账 in Word, its PDF from Writer, a sheet's PDF from Calc. The merged row was read as a table row (a
passage of its own, 「澄溪县委老干部局2031年度…台账」) and the document titled by its file name, the rows
cited under that name. Now the row titles the document and the rows are cited under it.

The files: ``tests/fixtures/ledger/``, made by ``make_ledgers.py`` there.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes
from tests.fixtures.ledger.make_ledgers import ROWS, SHORT_TITLE, TITLE

FIXTURES = Path(__file__).parent / "fixtures" / "ledger"


def _labelled(header, row) -> str:  # type: ignore[no-untyped-def]
    return "；".join(f"{h}：{c}" for h, c in zip(header, row, strict=True))


@pytest.mark.parametrize("name", ["ledger.python-docx.docx", "ledger.writer.pdf", "ledger.calc.pdf"])
def test_the_merged_first_row_titles_a_table_only_document(name: str) -> None:
    (speech,) = parse_document(read_bytes(name, (FIXTURES / name).read_bytes()))
    assert speech.title == TITLE
    rows = [p for p in speech.paragraphs if p.kind == "table_row"]
    assert [p.text for p in rows] == [_labelled(ROWS[0], row) for row in ROWS[1:]]
    assert {p.section for p in rows} == {TITLE}
    assert not any(TITLE in p.text for p in speech.paragraphs if p.section != "文件信息")


def test_a_calc_title_row_left_at_default_height_is_not_read_as_struck_out() -> None:
    """docs61: a title in 22-point type in a row left at the sheet's default height — Calc draws the row's
    borders through the glyphs, and the title was read as struck out (lost; the sheet titled by its file
    name). A rule whose ends meet a cell's vertical borders is the cell's frame, not a strike."""
    name = "roster.calc-default-height.pdf"
    (speech,) = parse_document(read_bytes(name, (FIXTURES / name).read_bytes()))
    assert speech.title == SHORT_TITLE
    rows = [p for p in speech.paragraphs if p.kind == "table_row"]
    assert [p.text for p in rows] == [_labelled(ROWS[0], row) for row in ROWS[1:]]
    assert {p.section for p in rows} == {SHORT_TITLE}


LABELS = st.text(alphabet="日期事项金额经办人姓名单位", min_size=2, max_size=5)
VALUES = st.text(alphabet="老干活动慰问健康讲座春节重阳祁海燕蒲文澜0123456789", min_size=1, max_size=8)


@settings(max_examples=25, deadline=None)
@given(
    st.integers(2, 5).flatmap(
        lambda n: st.tuples(
            st.lists(LABELS, min_size=n, max_size=n, unique=True),
            st.lists(st.lists(VALUES, min_size=n, max_size=n), min_size=1, max_size=5),
        )
    ),
    st.sampled_from(["2031年度离退休干部活动经费台账", "离退休干部花名册", "春节值班表"]),
)
def test_any_merged_title_row_titles_the_table_and_every_row_is_read_once(table, title) -> None:  # type: ignore[no-untyped-def]
    import docx

    header, rows = table
    document = docx.Document()
    body = document.element.body
    body.remove(body[0]) if len(body) and body[0].tag.endswith("}p") else None
    grid = document.add_table(rows=len(rows) + 2, cols=len(header))
    grid.cell(0, 0).merge(grid.cell(0, len(header) - 1)).text = title
    for i, row in enumerate([header, *rows], start=1):
        for j, value in enumerate(row):
            grid.cell(i, j).text = value
    data = io.BytesIO()
    document.save(data)
    (speech,) = parse_document(read_bytes("表.docx", data.getvalue()))
    assert speech.title == title
    read = [p.text for p in speech.paragraphs if p.kind == "table_row"]
    assert read == [_labelled(header, row) for row in rows]


@pytest.mark.parametrize("name", ["ledger.calc-overflow-18pt.pdf", "ledger.calc-overflow-20pt.pdf"])
def test_a_calc_title_wider_than_its_table_is_read_whole(name: str) -> None:
    """docs62: at 18–20 points the title is wider than the four columns and Calc prints its ends past the
    merged cell's borders. main: titled 「澄账」 (18 pt: the two characters outside read as a line of their own,
    the rest a table row) or by the file name (20 pt). The characters beyond the frame on the row's
    baseline, running on from the cell's text, are the cell's."""
    (speech,) = parse_document(read_bytes(name, (FIXTURES / name).read_bytes()))
    assert speech.title == TITLE
    rows = [p for p in speech.paragraphs if p.kind == "table_row"]
    assert [p.text for p in rows] == [_labelled(ROWS[0], row) for row in ROWS[1:]]
    assert {p.section for p in rows} == {TITLE}


def _ruled_sheet(title: str, size: float, widths: list[float], rows: list[list[str]], note: str) -> bytes:
    """A sheet as a spreadsheet prints it, drawn by reportlab with a CJK font: every cell framed, the title
    centred in the merged first row in `size`-point type (its ends past the frame when it is wider than the
    table), `note` in the margin beside the last row, a character's width clear of the frame."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4, invariant=1)
    left, top, height = 200.0, 700.0, 20.0
    right = left + sum(widths)
    edges = [left]
    for width in widths:
        edges.append(edges[-1] + width)
    heights = [size + 8, *([height] * len(rows))]
    y = top
    page.setLineWidth(0.5)
    for r, row_height in enumerate(heights):
        page.line(left, y, right, y)
        xs = [left, right] if r == 0 else edges
        for x in xs:
            page.line(x, y, x, y - row_height)
        if r == 0:
            page.setFont("STSong-Light", size)
            page.drawCentredString((left + right) / 2, y - row_height + 6, title)
        else:
            page.setFont("STSong-Light", 10)
            for c, value in enumerate(rows[r - 1]):
                page.drawString(edges[c] + 3, y - row_height + 6, value)
        y -= row_height
    page.line(left, y, right, y)
    page.setFont("STSong-Light", 10)
    page.drawString(right + 12, y + 6, note)
    page.showPage()
    page.save()
    return out.getvalue()


@settings(max_examples=15, deadline=None, derandomize=True)
@given(
    title=st.text(alphabet="澄溪县委老干部局年度离退休活动经费台账花名册慰问", min_size=6, max_size=24),
    size=st.floats(14, 22),
    columns=st.integers(2, 4),
    rows=st.integers(2, 4),
)
def test_a_title_past_its_tables_frame_is_read_whole_and_a_margin_note_apart(
    title: str, size: float, columns: int, rows: int
) -> None:
    """A title of any length in any type over a ruled table of two to four narrow columns — inside the
    frame or past it on both sides: the document's title is the whole title; every row is read once,
    labelled; a note printed in the margin beside a row, clear of the frame, is never read into a cell."""
    widths = [60.0] * columns
    header = [f"栏目{n}" for n in range(columns)]
    body = [[f"值{r}{c}" for c in range(columns)] for r in range(rows)]
    note = "备注见背面"
    data = _ruled_sheet(title, size, widths, [header, *body], note)
    (speech,) = parse_document(read_bytes("台账.pdf", data))
    assert speech.title == title
    read = [p.text for p in speech.paragraphs if p.kind == "table_row"]
    assert read == [_labelled(header, row) for row in body]
    assert sum(note in p.text for p in speech.paragraphs) == 1
    assert not any(note in p.text for p in speech.paragraphs if p.kind == "table_row")
