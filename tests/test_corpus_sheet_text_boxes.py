"""Text boxes drawn on a sheet (corpus.sheets): xlsxwriter workbooks with 「插入 › 文本框」 boxes — each box's
paragraphs read once, as notes after the table (before it when the box stands above every cell), the table's
rows as they are without the box. openpyxl drops a sheet's drawing, so a 投保说明 in a box was lost whole."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes, read_document

HEADER = ("序号", "投保单位", "投保人数（人）")
ROWS = [(1, "县直机关离退休干部党总支", 312), (2, "县教育系统退休干部支部", 226)]
SET = Path(__file__).resolve().parent.parent / "benchmarks" / "corpus-cold37"


def _book(rows: list[tuple[int, str, int]], boxes: list[tuple[str, list[str]]]) -> bytes:
    """A workbook of one sheet 「投保汇总」 (header in row 1, the rows under it), with a text box at each
    (cell, its lines) given, drawn by xlsxwriter's ``insert_textbox`` as Excel's 「文本框」."""
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet("投保汇总")
    sheet.write_row(0, 0, HEADER)
    for n, row in enumerate(rows, start=1):
        sheet.write_row(n, 0, row)
    for cell, lines in boxes:
        sheet.insert_textbox(cell, "\n".join(lines), {"width": 400, "height": 120})
    book.close()
    return out.getvalue()


def _blocks(data: bytes) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in read_bytes("投保汇总表.xlsx", data).blocks]


def test_a_text_box_beside_the_table_is_read_after_its_rows() -> None:
    box = ["投保说明", "1．承保公司：中国人寿溧岚支公司。", "2．保费由县财政全额承担，本人不缴费。"]
    assert _blocks(_book(ROWS, [("E2", box)])) == [
        ("heading", "投保汇总"),
        ("table_row", "序号：1；投保单位：县直机关离退休干部党总支；投保人数（人）：312"),
        ("table_row", "序号：2；投保单位：县教育系统退休干部支部；投保人数（人）：226"),
        *(("paragraph", line) for line in box),
    ]


def test_a_box_above_every_cell_leads_the_sheet_and_titles_it() -> None:
    # a title drawn in a box over the table (the table's header in row 6)
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet("Sheet1")
    sheet.write_row(5, 0, HEADER)
    for n, row in enumerate(ROWS, start=6):
        sheet.write_row(n, 0, row)
    sheet.insert_textbox("A1", "溧岚县2034年意外伤害保险投保汇总表", {"width": 400, "height": 50})
    book.close()
    blocks = _blocks(out.getvalue())
    assert blocks[0] == ("title", "溧岚县2034年意外伤害保险投保汇总表")
    assert [kind for kind, _ in blocks[1:]] == ["table_row", "table_row"]


def test_the_blind_sets_insurance_notes_are_read_and_pass_the_check() -> None:
    # benchmarks/corpus-cold37: the 投保说明 (insurer, cover, claims) only in a text box; main read none of it
    document = read_document(SET / "溧岚县2034年离退休干部意外伤害保险投保汇总表.xlsx")
    [speech] = parse_document(document)
    text = "\n".join(p.text for p in speech.paragraphs)
    for said in (
        "中国人寿保险股份有限公司溧岚支公司",
        "免赔额100元，按90%比例报销",
        "崔志刚，电话0519-8761217",
    ):
        assert text.count(said) == 1
    assert speech.title == "溧岚县2034年离退休干部意外伤害保险投保汇总表"


_LINE = (
    st.text(
        alphabet=st.sampled_from(
            "投保说明理赔联系人电话保费承担县财政本人不缴费意外医疗身故一二三0123456789．：，。"
        ),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=30, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.integers(1, 99),
            st.sampled_from(("城关镇支部", "石门乡支部", "青桐镇支部")),
            st.integers(1, 900),
        ),
        min_size=1,
        max_size=6,
    ),
    boxes=st.lists(
        st.tuples(st.integers(0, 20), st.integers(4, 9), st.lists(_LINE, min_size=1, max_size=4)),
        min_size=1,
        max_size=3,
    ),
)
def test_every_line_of_every_box_is_read_once_after_the_unchanged_table(
    rows: list[tuple[int, str, int]], boxes: list[tuple[int, int, list[str]]]
) -> None:
    # boxes right of the table (column E onwards), at any row: the table reads as without them, then every
    # box's lines in the order of the boxes' anchors (row, then column), each once
    placed = [(f"{chr(ord('A') + column)}{row + 1}", lines) for row, column, lines in boxes]
    plain = _blocks(_book(rows, []))
    drawn = _blocks(_book(rows, placed))
    assert drawn[: len(plain)] == plain
    by_anchor = sorted(range(len(boxes)), key=lambda n: (boxes[n][0], boxes[n][1]))
    expected = [line for n in by_anchor for line in boxes[n][2]]
    assert drawn[len(plain) :] == [("paragraph", line) for line in expected]
