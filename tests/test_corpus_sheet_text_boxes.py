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
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "sheet_boxes"  # made by make_boxes.py there


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


def _passages(document) -> list[str]:  # type: ignore[no-untyped-def]
    from corpus import MEASURED_MERGE_TO, chunk_speech

    return [d.text for s in parse_document(document) for d in chunk_speech(s, merge_to=MEASURED_MERGE_TO)]


def test_a_box_of_sentences_above_the_cells_is_a_note_and_the_sheets_title_stays() -> None:
    # review63c: a 填表说明 drawn top right, above the merged title row, titled the workbook and was in no
    # passage (add --check failed); the sheet's own title is its title, the box a note after the table
    import xlsxwriter

    from corpus.conservation import check_conservation

    note = "填表说明：慰问金由县财政承担，各乡镇于10月8日前报送。"
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet("名单")
    sheet.merge_range("A2:C2", "溧岚县2034年重阳节走访慰问对象名单", book.add_format({"bold": True}))
    sheet.write_row("A3", ["姓名", "乡镇", "慰问金（元）"])
    sheet.write_row("A4", ["张三", "城关镇", 500])
    sheet.insert_textbox("E1", note, {"width": 300, "height": 60})
    book.close()
    document = read_bytes("慰问对象名单.xlsx", out.getvalue())
    [speech] = parse_document(document)
    assert speech.title == "溧岚县2034年重阳节走访慰问对象名单"
    assert [p.text for p in speech.paragraphs][-1] == note
    assert check_conservation(document, _passages(document)).ok


def test_a_sheet_holding_only_a_box_reads_its_lines_as_text_not_the_title() -> None:
    # review63c: xlsxwriter's and LibreOffice Calc's workbook of a sheet 「说明」 holding only a text box: its
    # sentence titled the workbook and reached no passage
    from corpus.conservation import check_conservation

    note = "填表说明：本表由各支部于每月5日前报送县委老干部局组织科，逾期不再受理。"
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    book.add_worksheet("说明").insert_textbox("B2", note, {"width": 420, "height": 60})
    book.add_worksheet("数据").write_row("A1", ["姓名", "积分"])
    book.close()
    for document in (
        read_bytes("积分表.xlsx", out.getvalue()),
        read_document(FIXTURES / "calc_onlybox.xlsx"),
    ):
        assert [(b.kind, b.text) for b in document.blocks][:2] == [("heading", "说明"), ("paragraph", note)]
        [speech] = parse_document(document)
        assert speech.title != note
        assert note in _passages(document)
        assert check_conservation(document, _passages(document)).ok


_BOX_LINE = st.text(
    alphabet=st.sampled_from("填表说明慰问金由县财政承担各乡镇报送逾期"), min_size=2, max_size=20
)


@settings(max_examples=25, deadline=None)
@given(
    own_title=st.booleans(),
    column=st.integers(0, 6),
    lines=st.lists(st.tuples(_BOX_LINE, st.sampled_from("。；：，")), min_size=1, max_size=3),
)
def test_a_box_holding_a_sentence_never_titles_the_workbook_and_every_line_is_read(
    own_title: bool, column: int, lines: list[tuple[str, str]]
) -> None:
    # a box of sentences (each line with its mark) above every cell, beside or over a sheet with or without
    # a title row of its own: the box titles nothing, and each of its lines is read after the table, once
    import xlsxwriter

    from corpus.conservation import check_conservation

    box = [words + mark for words, mark in lines]
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet("投保汇总")
    if own_title:
        sheet.merge_range("A3:C3", "溧岚县投保汇总表", book.add_format({"bold": True}))
    sheet.write_row(3, 0, HEADER)
    for n, row in enumerate(ROWS, start=4):
        sheet.write_row(n, 0, row)
    sheet.insert_textbox(0, column, "\n".join(box), {"width": 300, "height": 30})
    book.close()
    document = read_bytes("投保汇总表.xlsx", out.getvalue())
    [speech] = parse_document(document)
    assert speech.title not in box
    assert speech.title == "溧岚县投保汇总表" or not own_title
    assert [(b.kind, b.text) for b in document.blocks][-len(box) :] == [("paragraph", line) for line in box]
    assert check_conservation(document, _passages(document)).ok


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
