"""A workbook whose formulas were never calculated (XlsxWriter, a system's export) reads its totals as Excel
shows them, not as the 0 stored in their place (cold28).

XlsxWriter writes a formula with 0 as its stored value and marks the workbook to be calculated when it is
opened (``<calcPr fullCalcOnLoad="1"/>``); Excel and WPS then show the results. speechqa read the stored
values, as it does a workbook saved by an office program: cold28's 陶艺体验活动 sign-up list, exported by a
system through XlsxWriter, read 「合计：0」 under twelve names. In such a workbook the aggregates a 合计 row
uses over a range of its own sheet (SUM, COUNTA, COUNT, AVERAGE, MAX, MIN) are now worked out as Excel
does, and any other formula shows nothing rather than a 0 that was never its value. A workbook saved
calculated (no such mark) reads its stored values as before.

The file: ``tests/fixtures/xlsxwriter/export.xlsxwriter.xlsx``, made by ``make_xlsxwriter_export.py`` there.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes, read_document
from tests.fixtures.xlsxwriter.make_xlsxwriter_export import ROWS

FIXTURE = Path(__file__).parent / "fixtures" / "xlsxwriter" / "export.xlsxwriter.xlsx"


def _rows(path_or_bytes: Path | bytes) -> list[str]:
    document = (
        read_document(path_or_bytes)
        if isinstance(path_or_bytes, Path)
        else read_bytes("导出.xlsx", path_or_bytes)
    )
    return [p.text for speech in parse_document(document) for p in speech.paragraphs]


def test_the_fixture_holds_formulas_never_calculated() -> None:
    with zipfile.ZipFile(FIXTURE) as package:
        assert b'fullCalcOnLoad="1"' in package.read("xl/workbook.xml")
        assert b"<f>SUM(C3:C6)</f><v>0</v>" in package.read("xl/worksheets/sheet1.xml")


def test_totals_read_as_excel_shows_them() -> None:
    """The 合计, 场次 and 平均 rows read their results (main: 「签到人数：0」 in every one); the IF, which is not
    worked out, shows nothing rather than 0."""
    rows = _rows(FIXTURE)
    signed = [row[2] for row in ROWS]
    handed = [row[3] for row in ROWS]
    assert any(f"签到人数：{sum(signed)}；发放资料（份）：{sum(handed)}" in row for row in rows)
    assert any(f"场次；签到人数：{len(signed)}；发放资料（份）：{len(handed)}" in row for row in rows)
    assert any(
        f"平均；签到人数：{sum(signed) / len(signed):g}；发放资料（份）：{max(handed)}" in row for row in rows
    )
    assert [row for row in rows if "备查" in row] == ["讲座：备查"]
    assert not any("：0" in row for row in rows)


def _calculated_copy(data: bytes) -> bytes:
    """The same workbook with its calculation mark taken out: its stored values are to be read as they are."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as copy:
        for item in source.infolist():
            part = source.read(item.filename)
            if item.filename == "xl/workbook.xml":
                part = part.replace(b' fullCalcOnLoad="1"', b"")
            copy.writestr(item, part)
    return out.getvalue()


def test_a_workbook_saved_calculated_reads_its_stored_values() -> None:
    rows = _rows(_calculated_copy(FIXTURE.read_bytes()))
    assert any("合计（签到统计）；签到人数：0；发放资料（份）：0" in row for row in rows)


@settings(max_examples=30, deadline=None)
@given(
    numbers=st.lists(st.integers(0, 5000), min_size=1, max_size=12),
    name=st.sampled_from(["SUM", "COUNT", "COUNTA", "MAX", "MIN"]),
)
def test_an_uncalculated_aggregate_reads_as_excel_works_it_out(numbers: list[int], name: str) -> None:
    """Any column of whole numbers and any of the aggregates over it, written by XlsxWriter: read as Python
    works it out (Excel's definitions for whole numbers)."""
    xlsxwriter = pytest.importorskip("xlsxwriter")
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    ws = book.add_worksheet("数据")
    ws.write_row(0, 0, ("项目", "数量"))
    for r, n in enumerate(numbers, start=1):
        ws.write_row(r, 0, (f"第{r}项", n))
    ws.write_string(len(numbers) + 1, 0, "合计")
    ws.write_formula(len(numbers) + 1, 1, f"={name}(B2:B{len(numbers) + 1})")
    book.close()
    expected = {"SUM": sum, "COUNT": len, "COUNTA": len, "MAX": max, "MIN": min}[name](numbers)
    rows = _rows(out.getvalue())
    assert any(row.endswith(f"数量：{expected}") and "合计" in row for row in rows), rows
