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
