"""Text boxes drawn on a sheet in the other workbook formats (corpus.sheets): workbooks with boxes written by
xlsxwriter (or cold37's and the Calc-saved ones), saved by LibreOffice Calc as .ods (the box a draw shape
anchored to its cell, or to the page in table:shapes) and .xls (an OfficeArt shape with a TXO record), read
as the .xlsx is (mend63c): after the table as notes, or, above every cell and reading as a title, the
title of a sheet with no title row (tests/fixtures/sheet_boxes/make_other_formats.py). On main neither
format read a box."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import check_conservation, chunk_speech, parse_document, read_document
from tests.fixtures.sheet_boxes.make_other_formats import COLD37, COMMENT, NOTE, TITLE

HERE = Path(__file__).resolve().parent / "fixtures" / "sheet_boxes"


def _read(path: Path) -> list[tuple[str, str]]:
    return [(block.kind, block.text) for block in read_document(path).blocks]


@pytest.mark.parametrize("workbook", ["insurance", "calc_onlybox", "pagebox", "titlebox"])
@pytest.mark.parametrize("suffix", ["ods", "xls"])
def test_calcs_ods_and_xls_read_their_boxes_as_the_xlsx_does(workbook: str, suffix: str) -> None:
    # (the insurance workbook is the blind set cold37's own, benchmarks/corpus-cold37)
    source = COLD37 if workbook == "insurance" else HERE / f"{workbook}.xlsx"
    assert _read(HERE / f"{workbook}.{suffix}") == _read(source)


@pytest.mark.parametrize("suffix", ["ods", "xls"])
def test_the_blind_sets_insurance_notes_are_read_once_and_pass_the_check(suffix: str) -> None:
    document = read_document(HERE / f"insurance.{suffix}")
    texts = [block.text for block in document.blocks]
    assert texts[-6:-4] == ["投保说明", "1．承保公司：中国人寿保险股份有限公司溧岚支公司。"]
    assert sum("理赔联系人县委老干部局崔志刚" in text for text in texts) == 1
    [speech] = parse_document(document)
    assert check_conservation(document, [d.text for d in chunk_speech(speech)]).ok


@pytest.mark.parametrize("suffix", ["ods", "xls"])
def test_a_title_box_above_the_cells_titles_the_sheet_and_a_comment_is_no_box(suffix: str) -> None:
    blocks = _read(HERE / f"titlebox.{suffix}")
    assert blocks[0] == ("title", TITLE)
    assert blocks[-1] == ("paragraph", NOTE)
    # a cell's comment is an OBJ of its own kind in an .xls, an office:annotation in an .ods: never a box,
    # but read in its cell's row as the .xlsx reads it (layout65)
    assert not any(COMMENT in text for kind, text in blocks if kind != "table_row")
    assert ("table_row", f"姓名：张秀兰；支部：机关第一支部；积分：120（批注：{COMMENT}）") in blocks


@pytest.mark.parametrize("suffix", ["ods", "xls"])
def test_a_sheet_of_only_a_box_reads_its_line_as_text(suffix: str) -> None:
    blocks = _read(HERE / f"calc_onlybox.{suffix}")
    assert ("paragraph", "填表说明：本表由各支部于每月5日前报送县委老干部局组织科，逾期不再受理。") in blocks
    assert blocks[0] == ("heading", "说明")


# -- a property: any boxes beside any table read the same through Calc ----------------------------------

_LINE = (
    st.text(
        alphabet=st.sampled_from("投保说明理赔联系人电话保费承担县财政本人不缴费一二三0123456789．：，。"),
        max_size=24,
    )
    .map(str.strip)
    .filter(bool)
)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(
        st.tuples(st.integers(1, 99), st.sampled_from(("城关镇支部", "石门乡支部")), st.integers(1, 900)),
        min_size=1,
        max_size=5,
    ),
    boxes=st.lists(
        st.tuples(st.integers(0, 12), st.integers(4, 8), st.lists(_LINE, min_size=1, max_size=3)),
        min_size=1,
        max_size=3,
        unique_by=lambda box: (box[0], box[1]),
    ),
)
def test_any_boxes_read_the_same_from_ods_and_xls(
    rows: list[tuple[int, str, int]], boxes: list[tuple[int, int, list[str]]]
) -> None:
    # boxes right of the table at any row: Calc's .ods and .xls read exactly the blocks of the .xlsx — the
    # table unchanged, then every box's lines in the order of their anchors, each once
    import xlsxwriter

    from tests.fixtures.documents.make_fixtures import soffice_all

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "boxes.xlsx"
        book = xlsxwriter.Workbook(str(source))
        sheet = book.add_worksheet("投保汇总")
        sheet.write_row(0, 0, ("序号", "投保单位", "投保人数（人）"))
        for n, row in enumerate(rows, start=1):
            sheet.write_row(n, 0, row)
        for row, column, lines in boxes:
            sheet.insert_textbox(row, column, "\n".join(lines), {"width": 300, "height": 90})
        book.close()
        expected = _read(source)
        for fmt in ("ods", "xls"):
            [converted] = soffice_all([source], fmt, Path(folder) / fmt)
            assert _read(converted) == expected, fmt
