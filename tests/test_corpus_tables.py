"""Table rows labelled by their header (corpus.tables), for a header of two rows: a first row grouping
columns under a cell merged across them (「慰问标准」 over 「离休干部｜退休干部」) beside cells merged down both
rows. Before, the first row's empty (spanned) column made it no header, and every row of such a table —
the second header row among them — was read unlabelled: 「市直单位；2000元；800元；单位经费」."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import chunk_speech, parse_document, read_document
from corpus.tables import labelled_rows, table_header
from tests.fixtures.layouts.make_compilation_tables import (
    TABLE_TEXT,
    write_header_rows,
    write_reportlab_header_rows,
)

label = st.text("单位类别标准经费来源离休退休遗属金额人数", min_size=2, max_size=6)
value = st.text("0123456789元万人次", min_size=1, max_size=6)


@st.composite
def grouped_tables(draw):  # type: ignore[no-untyped-def]
    """(top row, second row, data rows, the labels each column should get): Word and pdfplumber show a
    merged-down cell's text again in the second row, other producers may leave it empty."""
    top: list[str] = []
    sub: list[str] = []
    labels: list[str] = []
    carried = draw(
        st.booleans()
    )  # a merged-down cell shown again in the second row (Word, pdfplumber) or not
    widths = draw(st.lists(st.integers(1, 3), min_size=1, max_size=4))
    # the first column merged down (a 「单位」 over the rows), one group of two or more at least
    for n, width in enumerate([1, *widths[:-1], max(2, widths[-1])]):
        name = f"{draw(label)}{n}"
        if width == 1:
            top.append(name)
            sub.append(name if carried else "")
            labels.append(name)
            continue
        subs = [f"{draw(label)}{n}{k}" for k in range(width)]
        top += [name] + [""] * (width - 1)
        sub += subs
        labels += [f"{name}（{s}）" for s in subs]
    rows = draw(st.lists(st.lists(value, min_size=len(top), max_size=len(top)), min_size=1, max_size=6))
    return top, sub, rows, labels


@settings(max_examples=200, deadline=None)
@given(grouped_tables())
def test_a_header_of_two_rows_labels_every_cell_once(table) -> None:  # type: ignore[no-untyped-def]
    top, sub, rows, labels = table
    assert table_header([top, sub, *rows]) == (labels, 2)
    assert labelled_rows([top, sub, *rows]) == [
        "；".join(f"{a}：{b}" for a, b in zip(labels, row, strict=True)) for row in rows
    ]


def test_a_first_row_of_data_with_an_empty_cell_is_no_header() -> None:
    """No column merged down both rows: a table without a header whose first row lacks a value is read as
    before, each row's cells unlabelled."""
    rows = [["张三", "", "85岁"], ["李四", "离休", "90岁"], ["王五", "退休", "88岁"]]
    assert table_header(rows) is None
    assert labelled_rows(rows) == ["张三；85岁", "李四；离休；90岁", "王五；退休；88岁"]
    # a cell under a label that is not merged down: a data row, not a second header row
    rows = [
        ["单位", "标准", "", "备注"],
        ["东城区", "2000元", "800元", "按期"],
        ["西城区", "1500元", "600元", "按期"],
    ]
    assert table_header(rows) is None


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_word_table_with_two_header_rows_is_labelled_by_both_in_word_and_in_its_pdf(tmp_path: Path) -> None:
    docx, pdf, rows = write_header_rows(tmp_path)
    for path in (docx, pdf):
        document = read_document(path)
        [speech] = parse_document(document)
        passages = [d.text.replace(" ", "") for d in chunk_speech(speech)]
        for row in rows:
            assert passages.count(row) == 1, (path.suffix, row)
        assert not any("离休干部；退休干部" in p or p.startswith("单位类别；") for p in passages), path.suffix
        assert sum(p.count(TABLE_TEXT[1]) for p in passages) == 1


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(3, 70), st.booleans(), st.integers(0, 6))
def test_a_reportlab_table_with_two_header_rows_over_page_breaks(
    count: int, repeat: bool, before: int
) -> None:
    """Any length, the two header rows repeated on each page or not: every row once, in order, labelled by
    both header rows, and the repeated header rows never read as rows."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "表.pdf"
        rows = write_reportlab_header_rows(path, count, repeat=repeat, before=before)
        lines = read_document(path).text.splitlines()
    positions = [lines.index(row) for row in rows if lines.count(row) == 1]
    assert len(positions) == len(rows) and positions == sorted(positions)
    assert not any("离休干部" in line and "元" not in line for line in lines)
