"""A timetable's 「备注」 row — the label in the first column, the note merged across the rest — reads as the note
it is, 「备注：…」, not as two cells labelled by the columns' heads (cold27).

cold27's 旗袍走秀班 timetable (LibreOffice Calc, .ods) ended with 「备注｜上课期间学员须自备平底练功鞋一双…」, the note
one cell merged over 上课日期…地点: it read 「周次：备注；上课日期：上课期间学员须自备…」, the note labelled a date.
The same in .xlsx and .xls. A row of a short label in the table's first column and one cell merged from the
next to the table's last column is now read as it stands, 「备注：…」, in .ods, .xlsx and .xls alike.

Files: ``tests/fixtures/sheet_notes/timetable.{ods,xlsx,xls}``, made by ``make_sheet_notes.py`` there
(openpyxl, saved by **LibreOffice Calc** in each format).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import read_document
from tests.fixtures.sheet_notes.make_sheet_notes import NOTE

FOLDER = Path(__file__).parent / "fixtures" / "sheet_notes"


@pytest.mark.parametrize("suffix", ["ods", "xlsx", "xls"])
def test_the_note_row_reads_as_the_note_once(suffix: str) -> None:
    """main: 「周次：备注；上课日期：上课期间学员须自备练功鞋…」."""
    document = read_document(FOLDER / f"timetable.{suffix}")
    lines = [block.text for block in document.blocks]
    assert f"备注：{NOTE}" in lines
    assert sum(line.count(NOTE) for line in lines) == 1
    assert not any("周次：备注" in line for line in lines)
    rows = [line for line in lines if line.startswith("周次：第")]
    assert len(rows) == 4 and rows[0].startswith("周次：第1周；上课日期：2027年9月7日；教学内容：开班仪式")


_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


@settings(max_examples=40, deadline=None)
@given(
    label=st.sampled_from(["备注", "说明", "注", "附注："]),
    note=st.text(_HAN, min_size=8, max_size=40).map(lambda t: t + "。"),
    columns=st.integers(3, 6),
    merged_from=st.integers(1, 5),
    to_end=st.booleans(),
)
def test_any_note_row_reads_as_it_stands_and_nothing_is_lost(
    tmp_path_factory: pytest.TempPathFactory,
    label: str,
    note: str,
    columns: int,
    merged_from: int,
    to_end: bool,
) -> None:
    """A label in the first column and the note merged over the columns after it to the last read
    「label：note」; merged short of the last column, the row reads as before, labelled by the heads — in every
    case the label and the note are read, once."""
    import openpyxl
    from openpyxl.utils import get_column_letter

    merged_from = min(merged_from, columns - 1) + 1  # a column letter's index, 2 … columns
    last = columns if to_end else max(merged_from, columns - 1)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "安排"
    heads = ["项目", "时间", "地点", "负责人", "电话", "说明事项"][:columns]
    sheet.append(heads)
    sheet.append([f"甲{n}" for n in range(columns)])
    sheet.append([f"乙{n}" for n in range(columns)])
    sheet.cell(row=4, column=1, value=label)
    sheet.cell(row=4, column=merged_from, value=note)
    if last > merged_from:
        sheet.merge_cells(f"{get_column_letter(merged_from)}4:{get_column_letter(last)}4")
    path = tmp_path_factory.mktemp("sheet") / "安排.xlsx"
    book.save(path)
    text = "\n".join(block.text for block in read_document(path).blocks)
    whole = last == columns and last > merged_from
    assert (f"{label.rstrip('：')}：{note}" in text.splitlines()) == whole
    assert text.count(note) == 1
    assert re.search(re.escape(label.rstrip("：")), text)


COLD43_CSV = (
    Path(__file__).parent.parent / "benchmarks" / "corpus-cold43" / "老干部活动中心2038年服务项目一览.csv"
)


def test_a_wps_csv_note_in_its_first_column_and_its_labelled_foot_read_as_they_stand() -> None:
    """cold43: a CSV as WPS 表格 exports it (GBK, CRLF, rows padded with commas, blank rows between groups): the
    note kept in the first column (no merge in a CSV) read 「备注：服务类别：…」 labelled by the first column's
    head, and the foot row 「制表单位：…｜制表日期：2038年1月8日」 read as one row so labelled; the sheet was
    undated."""
    from corpus import parse_document

    document = read_document(COLD43_CSV)
    lines = [block.text for block in document.blocks]
    note = next(line for line in lines if "凭老干部活动证入场" in line)
    assert note.startswith("备注：1.凭老干部活动证入场；")
    assert "制表单位：栾坪县老干部活动中心" in lines and "制表日期：2038年1月8日" in lines
    assert not any(line.startswith("服务类别：备注") or "服务类别：制表" in line for line in lines)
    assert sum("理发" in line for line in lines) == 1
    (sheet,) = parse_document(document)
    assert sheet.date == "2038-01-08"


# common words, as a sheet holds them: a short GBK file of rare characters is no text a detector can place
_WORDS = "老干部局活动中心体检项目标准慰问走访学习服务报名费用地点时间对象医院社区县城关镇同志离退休全体"


@settings(max_examples=25, deadline=None)
@given(
    rows=st.lists(
        st.lists(st.text(_WORDS, min_size=1, max_size=6), min_size=3, max_size=3), min_size=2, max_size=6
    ),
    note=st.text(_WORDS, min_size=4, max_size=20),
    blank=st.booleans(),
)
def test_a_csv_note_row_after_the_table_is_read_once_as_it_stands(
    rows: list[list[str]], note: str, blank: bool, tmp_path_factory: pytest.TempPathFactory
) -> None:
    lines = [
        "名称,内容,地点",
        *(",".join(row) for row in rows),
        *([",,"] if blank else []),
        f"备注：{note}。,,",
    ]
    path = tmp_path_factory.mktemp("csv") / "一览.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))
    read = [block.text for block in read_document(path).blocks]
    assert f"备注：{note}。" in read
    assert not any(line.startswith("名称：备注") for line in read)


@settings(max_examples=25, deadline=None)
@given(hour=st.integers(min_value=0, max_value=23), minute=st.integers(min_value=0, max_value=59))
def test_a_one_cell_row_holding_a_time_keeps_its_columns_label(
    hour: int, minute: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The review of cold43: a programme's last row holding only its time 「11:30」 was taken for a note (the
    time's ASCII colon for a label's) and lost its column's label 「时间：」."""
    time = f"{hour}:{minute:02d}"
    lines = [
        "迎春联欢会议程,,",
        "时间,内容,地点",
        "9:00,开幕式,一楼大厅",
        "9:30,文艺演出,多功能厅",
        f"{time},,",
    ]
    path = tmp_path_factory.mktemp("csv") / "议程.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))
    read = [block.text for block in read_document(path).blocks]
    assert f"时间：{time}" in read
    assert sum(text.count(time) for text in read) == 1
