"""A PDF's ruled table that runs over page breaks is read as one table (corpus.pdf): every row once, in
order, labelled by the table's header — whether the header row is repeated on each page or not — and a row
LibreOffice breaks across two pages is one row."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import read_document
from tests.fixtures.layouts.make_long_tables import (
    write_libreoffice,
    write_libreoffice_merged,
    write_libreoffice_two_tables,
    write_reportlab,
    write_reportlab_two_tables,
)


def assert_rows_once_in_order(rows: list[str], lines: list[str]) -> None:
    positions = []
    for row in rows:
        assert lines.count(row) == 1, row
        positions.append(lines.index(row))
    assert positions == sorted(positions)
    assert not any(line.startswith(("序号：序号", "1：", "13：")) for line in lines)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("repeat_header", [True, False], ids=["header-repeated", "header-once"])
def test_a_libreoffice_table_over_page_breaks_is_one_table(tmp_path: Path, repeat_header: bool) -> None:
    """Before: without a repeated header 11 of 45 rows were read right (each later page's first row was
    taken for its header, a broken row was read as two); with it 42 of 45 (the broken rows)."""
    pdf, rows = write_libreoffice(tmp_path, repeat_header=repeat_header)
    assert_rows_once_in_order(rows, read_document(pdf).text.splitlines())


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_cell_merged_down_over_a_page_break_joins_no_rows(tmp_path: Path) -> None:
    """The rest of a 「类别」 cell merged down over the break leaves the new page's first row with an empty
    cell, as a broken row does: that row is still a row of its own (the cells under a merged cell have
    none of their own, those of a broken row's next row do), and every row is labelled with its 类别, as
    the Word reader labels them (before, only the first row of each merged cell was)."""
    pdf, contents = write_libreoffice_merged(tmp_path)
    lines = read_document(pdf).text.splitlines()
    rows = [line for line in lines if "项活动内容安排" in line]
    assert rows == [f"类别：第{(n - 1) // 10 + 1}类；活动内容：{c}" for n, c in enumerate(contents, start=1)]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(15, 80), st.sampled_from([0, 1]), st.integers(0, 8))
def test_a_reportlab_table_over_page_breaks_is_one_table(count: int, repeat_rows: int, before: int) -> None:
    """Any length, header repeated or not, the table starting anywhere on its page: every row once, in
    order, labelled (before, without repeatRows 33 of 60 rows were read right)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "表格.pdf"
        rows = write_reportlab(path, count=count, repeat_rows=repeat_rows, paragraphs_before=before)
        assert_rows_once_in_order(rows, read_document(path).text.splitlines())


def assert_two_tables(rows: list[str], lines: list[str]) -> None:
    """Every row of both tables once, in order, each labelled by its own table's header; the second
    table's header row is no row of the first."""
    positions = []
    for row in rows:
        assert lines.count(row) == 1, (row, lines)
        positions.append(lines.index(row))
    assert positions == sorted(positions)
    assert not any("时间" in line and "序号" in line for line in lines)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("first", [1, 6, 14])
def test_two_libreoffice_tables_either_side_of_a_page_break_stay_two(tmp_path: Path, first: int) -> None:
    """Before: the second table (时间/地点/内容/负责人) was read as the first one's continuation, its header
    row as a row 「序号：时间；单位：地点；…」 and its rows labelled 序号/单位/…"""
    pdf, rows = write_libreoffice_two_tables(tmp_path, first=first)
    assert_two_tables(rows, read_document(pdf).text.splitlines())


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 12), st.integers(1, 6), st.integers(0, 6))
def test_two_reportlab_tables_either_side_of_a_page_break_stay_two(
    first: int, second: int, before: int
) -> None:
    """A table ending anywhere on the upper part of its page, a PageBreak, another table of as many
    columns as wide: two tables, each labelled by its own header."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "两表.pdf"
        rows = write_reportlab_two_tables(path, first=first, second=second, paragraphs_before=before)
        assert_two_tables(rows, read_document(path).text.splitlines())
