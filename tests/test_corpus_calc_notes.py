"""A framed table with an unframed column of notes beside it (mend62b, review of docs62): docs62 read
characters printed past a table's frame on a row's baseline into the row's edge cell, as Calc prints a
title wider than its table — and so glued a note beside a right-aligned amount onto it
(「补贴金额（元）：1200已发放」). Calc overflows a cell's text only (a number never: it prints 「###」), and only
a text wider than its cell, which fills it from border to border: an amount right-aligned in a wide cell
overflows nothing. The notes are an unframed column beside the table, one on each row: each is read in its
row, after the row's last value, as a cell with no label is (「补贴金额（元）：1200；已发放」); before docs62 each
note was read as a line between the rows and became the section of the next row (「[已发放] 姓名：王德明…」).

A column of notes **left** of the table (layout63: the notes in a sheet's column A, the table framed from B) is
read the same way, each note in its row after the row's values (a label 「备注」 beside the header row labels
them); before, each note was a line between the rows, the section of the next row, the labelled one the
document's title.

A column of row numbers left of the table (layout64: a 序号 column the borders leave out, 1, 2, 3… in a sheet's
column A) is no column of notes: it is the table's own first column, each number its row's first value
(「序号：1；姓名：…」, or 「1；姓名：…」 with nothing over it); before, each number was read after the row's values as
a note (「补贴金额（元）：1200；1」).

The files: ``tests/fixtures/calc_notes/``, made by ``make_notes.py`` there (openpyxl → LibreOffice Calc).
"""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes
from corpus.tables import table_header
from tests.fixtures.calc_notes.make_notes import (
    AMOUNT_NOTES,
    AMOUNTS,
    GROUPED,
    LEFT_AMOUNTS,
    LEFT_LABELLED,
    LEFT_NOTES,
    LONG,
    SERIAL_LABELLED,
    TEXT_NOTES,
    TEXTS,
    TOTALS,
)

FIXTURES = Path(__file__).parent / "fixtures" / "calc_notes"


def _rows(name: str) -> list[str]:
    (speech,) = parse_document(read_bytes(name, (FIXTURES / name).read_bytes()))
    return [p.text for p in speech.paragraphs if p.kind == "table_row"]


def _all_text(name: str) -> str:
    (speech,) = parse_document(read_bytes(name, (FIXTURES / name).read_bytes()))
    return "\n".join(f"{p.section}\n{p.text}" for p in speech.paragraphs)


def test_a_note_beside_a_right_aligned_amount_is_not_glued_to_it() -> None:
    rows = _rows("allowances.calc-amounts.pdf")
    assert len(rows) == len(AMOUNTS) - 1
    header = AMOUNTS[0]
    assert rows == [
        f"{header[0]}：{name}；{header[1]}：{unit}；{header[2]}：{amount}；{note}"
        for (name, unit, amount), note in zip(AMOUNTS[1:], AMOUNT_NOTES[1:], strict=True)
    ]
    (speech,) = parse_document(read_bytes("a.pdf", (FIXTURES / "allowances.calc-amounts.pdf").read_bytes()))
    assert all(p.kind == "table_row" for p in speech.paragraphs if p.section != "文件信息")


def test_a_text_wider_than_its_cell_is_still_read_whole_beside_notes() -> None:
    rows = _rows("allowances.calc-text.pdf")
    assert len(rows) == len(TEXTS) - 1
    assert sum(LONG in row for row in rows) == 1  # its end, printed past the frame, still in its cell
    for row, (_, _, state), note in zip(rows, TEXTS[1:], TEXT_NOTES[1:], strict=True):
        assert state in row
        assert row.endswith(f"{state}；{note}" if note else state)
    every = _all_text("allowances.calc-text.pdf")
    for note in filter(None, TEXT_NOTES):
        assert every.count(note) == 1


def test_notes_left_of_the_table_are_read_in_their_rows() -> None:
    header = AMOUNTS[0]
    expected = [
        f"{header[0]}：{name}；{header[1]}：{unit}；{header[2]}：{amount}" + (f"；{note}" if note else "")
        for (name, unit, amount), note in zip(AMOUNTS[1:], LEFT_NOTES[1:], strict=True)
    ]
    assert _rows("allowances.calc-left.pdf") == expected  # main: 「[已发放] 姓名：甘建平…」
    labelled = [
        row.replace("；已发放", "；备注：已发放").replace("；待补材料", "；备注：待补材料")
        for row in expected
    ]
    assert labelled != expected
    assert _rows("allowances.calc-left-labelled.pdf") == labelled  # main: titled 「备注」
    for name in ("allowances.calc-left.pdf", "allowances.calc-left-labelled.pdf"):
        (speech,) = parse_document(read_bytes(name, (FIXTURES / name).read_bytes()))
        assert all(p.kind == "table_row" for p in speech.paragraphs if p.section != "文件信息")
        assert speech.title != LEFT_LABELLED[0]


def _sheet(
    widths: list[float], rows: list[list[str]], notes: list[str], gap: float, *, left_notes: bool = False
) -> bytes:
    """A sheet as Calc prints it, drawn by reportlab with a CJK font: every cell framed, the last column's
    values right-aligned 3 points inside the frame (numbers), and beside each data row, `gap` points past
    the frame, an unframed note (with `left_notes`, left of the table, set left at `gap` points from the
    page's margin, 70 points left of the frame; "" for none)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4, invariant=1)
    left, top, height = (130.0 if left_notes else 80.0), 700.0, 18.0
    edges = [left]
    for width in widths:
        edges.append(edges[-1] + width)
    right = edges[-1]
    y = top
    page.setLineWidth(0.5)
    page.setFont("STSong-Light", 10)
    for r, row in enumerate(rows):
        page.line(left, y, right, y)
        for x in edges:
            page.line(x, y, x, y - height)
        for c, value in enumerate(row):
            if c == len(row) - 1 and r:
                page.drawRightString(edges[c + 1] - 1, y - height + 5, value)
            else:
                page.drawString(edges[c] + 3, y - height + 5, value)
        if r and left_notes:
            page.drawString(left - 70 + gap, y - height + 5, notes[r - 1])
        elif r:
            page.drawString(right + gap, y - height + 5, notes[r - 1])
        y -= height
    page.line(left, y, right, y)
    page.showPage()
    page.save()
    return out.getvalue()


@settings(max_examples=15, deadline=None, derandomize=True)
@given(
    amounts=st.lists(
        st.one_of(st.integers(0, 999999).map(str), st.decimals(0, 99999, places=2).map(str)),
        min_size=2,
        max_size=5,
    ),
    notes=st.lists(
        st.sampled_from(["已发放", "待补材料", "已电话告知", "次月补发", "退回"]), min_size=5, max_size=5
    ),
    gap=st.floats(1.0, 6.0),
    width=st.floats(70.0, 120.0),
)
def test_numbers_beside_notes_are_read_as_printed(
    amounts: list[str], notes: list[str], gap: float, width: float
) -> None:
    """Any amounts, right-aligned in the last framed column, any note 1–6 points past the frame on each
    row: every amount is read as printed, its note after it in its row, never run on to it."""
    header = ["姓名", "单位", "金额（元）"]
    body = [[f"姓名{n}", f"单位{n}", amount] for n, amount in enumerate(amounts)]
    data = _sheet([60.0, 80.0, width], [header, *body], notes, gap)
    (speech,) = parse_document(read_bytes("补贴.pdf", data))
    rows = [p.text for p in speech.paragraphs if p.kind == "table_row"]
    assert len(rows) == len(body)
    text = "\n".join(f"{p.section}\n{p.text}" for p in speech.paragraphs)
    for row, amount, note in zip(rows, amounts, notes, strict=False):
        assert row.endswith(f"：{amount}；{note}")  # the amount as printed, its note after it
    assert text.count("\n姓名") == len(body)  # every row once, no note heading a row


@settings(max_examples=15, deadline=None, derandomize=True)
@given(
    amounts=st.lists(st.integers(0, 999999).map(str), min_size=2, max_size=5),
    notes=st.lists(
        st.sampled_from(["已发放", "待补材料", "已电话告知", "次月补发", "退回", ""]), min_size=5, max_size=5
    ),
    gap=st.floats(0.0, 10.0),
)
def test_notes_left_of_a_table_are_each_read_in_its_row(
    amounts: list[str], notes: list[str], gap: float
) -> None:
    """Any amounts, any notes (some rows none) set left in an unframed column 70 points wide left of the
    table: when two rows or more have one, each note is read in its own row after its values, every row
    once, no note heading a row or lost."""
    header = ["姓名", "单位", "金额（元）"]
    body = [[f"姓名{n}", f"单位{n}", amount] for n, amount in enumerate(amounts)]
    notes = notes[: len(body)]
    data = _sheet([60.0, 80.0, 90.0], [header, *body], notes, gap, left_notes=True)
    (speech,) = parse_document(read_bytes("补贴.pdf", data))
    rows = [p.text for p in speech.paragraphs if p.kind == "table_row"]
    assert len(rows) == len(body)
    text = "\n".join(f"{p.section}\n{p.text}" for p in speech.paragraphs)
    assert text.count("\n姓名") == len(body)  # every row once, no note heading a row
    if sum(bool(n) for n in notes) >= 2:
        for row, amount, note in zip(rows, amounts, notes, strict=True):
            assert row.endswith(f"：{amount}；{note}" if note else f"：{amount}")
    for note in set(filter(None, notes)):
        assert text.count(note) == notes.count(note)  # none lost, none twice


def test_a_serial_column_left_of_the_table_is_its_first_column() -> None:
    header = AMOUNTS[0]
    values = [
        f"{header[0]}：{name}；{header[1]}：{unit}；{header[2]}：{amount}"
        for name, unit, amount in AMOUNTS[1:]
    ]
    numbers = SERIAL_LABELLED[1:]
    # main: 「…补贴金额（元）：1200；1」, the number read as a note after the row's values
    assert _rows("allowances.calc-serial.pdf") == [
        f"{n}；{row}" for n, row in zip(numbers, values, strict=True)
    ]
    label = SERIAL_LABELLED[0]
    assert _rows("allowances.calc-serial-labelled.pdf") == [
        f"{label}：{n}；{row}" for n, row in zip(numbers, values, strict=True)
    ]  # main: the label the document's title, the last number a line after the table
    (speech,) = parse_document(
        read_bytes("s.pdf", (FIXTURES / "allowances.calc-serial-labelled.pdf").read_bytes())
    )
    assert speech.title != label
    assert all(p.kind == "table_row" for p in speech.paragraphs if p.section != "文件信息")


def _numbered_sheet(rows: list[list[str]], numbers: list[str], label: str, gap: float, right: bool) -> bytes:
    """A framed table of three columns with an unframed column of row numbers left of it, as Calc prints a
    sheet whose column A holds them: each number right-aligned `gap` points inside the column's right edge
    (a number, as Calc sets one) or set left `gap` points into it; `label` (or nothing) beside the header
    row, set left."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4, invariant=1)
    left, top, height = 130.0, 700.0, 18.0
    edges = [left, left + 60.0, left + 140.0, left + 230.0]
    y = top
    page.setLineWidth(0.5)
    page.setFont("STSong-Light", 10)
    for r, row in enumerate(rows):
        page.line(left, y, edges[-1], y)
        for x in edges:
            page.line(x, y, x, y - height)
        for c, value in enumerate(row):
            page.drawString(edges[c] + 3, y - height + 5, value)
        if r == 0 and label:
            page.drawString(left - 70 + 2, y - height + 5, label)
        elif r and right:
            page.drawRightString(left - 2 - gap, y - height + 5, numbers[r - 1])
        elif r:
            page.drawString(left - 70 + 2 + gap, y - height + 5, numbers[r - 1])
        y -= height
    page.line(left, y, edges[-1], y)
    page.showPage()
    page.save()
    return out.getvalue()


@settings(max_examples=15, deadline=None, derandomize=True)
@given(
    count=st.integers(2, 6),
    start=st.integers(1, 995),
    label=st.sampled_from(["", "序号", "编号"]),
    gap=st.floats(0.0, 8.0),
    right=st.booleans(),
)
def test_row_numbers_left_of_a_table_open_their_rows(
    count: int, start: int, label: str, gap: float, right: bool
) -> None:
    """Two to six rows numbered on from any number, right-aligned or set left in an unframed column left of
    the table, labelled or not: every row once and in order, its number its first value (labelled when a
    label stands over them), never a note after its values nor a line between the rows."""
    header = ["姓名", "单位", "事项"]
    body = [[f"姓名{n}", f"单位{n}", f"事项{n}"] for n in range(count)]
    numbers = [str(start + n) for n in range(count)]
    data = _numbered_sheet([header, *body], numbers, label, gap, right)
    (speech,) = parse_document(read_bytes("名单.pdf", data))
    rows = [p.text for p in speech.paragraphs if p.kind == "table_row"]
    lead = f"{label}：" if label else ""
    assert rows == [
        f"{lead}{number}；姓名：姓名{n}；单位：单位{n}；事项：事项{n}" for n, number in enumerate(numbers)
    ]
    assert all(p.kind == "table_row" for p in speech.paragraphs if p.section != "文件信息")


def _labelled(header: tuple[str, ...], row: tuple[str, ...]) -> str:
    return "；".join(f"{label}：{value}" for label, value in zip(header, row, strict=True) if value)


def test_a_serial_column_with_rows_left_unnumbered_keeps_every_label() -> None:
    """mend64L (review64L): a 合计 row or a row left unnumbered in the 序号 column cost every label on
    layout64 (「3；庞玉珍；县供销社；980」, the header read as a row); main read 「姓名：庞玉珍；…；3」."""
    header = TOTALS[0]
    values = [_labelled(header, row) for row in TOTALS[1:]]
    assert _rows("allowances.calc-serial-total.pdf") == [
        *(f"{n}；{row}" for n, row in zip(("1", "2", "3"), values, strict=False)),
        "姓名：合计；补贴金额（元）：3530",
    ]
    assert _rows("allowances.calc-serial-missing.pdf") == [
        f"1；{values[0]}",
        values[1],
        f"3；{values[2]}",
    ]


def test_amounts_left_of_a_table_are_notes_not_row_numbers() -> None:
    """Figures left of the rows that do not count down them (300, none, 150) are notes, read after the
    row's values as on main — not row numbers put first (layout64 put them first and lost the labels)."""
    header = AMOUNTS[0]
    values = [_labelled(header, row) for row in AMOUNTS[1:]]
    notes = LEFT_AMOUNTS[1:]
    assert _rows("allowances.calc-amount-notes.pdf") == [
        f"{row}；{note}" if note else row for row, note in zip(values, notes, strict=True)
    ]


def test_a_serial_column_beside_a_grouped_header_keeps_its_labels() -> None:
    """A two-row grouped header with the rows' numbers unframed on its left: the number first in each
    row, the grouped labels kept (layout64 read both header rows as rows and no row labelled)."""
    labels = ("单位类别", "慰问标准（离休干部）", "慰问标准（退休干部）", "经费来源")
    assert _rows("grouped.calc-serial.pdf") == [
        f"{n}；{_labelled(labels, row)}" for n, row in zip(("1", "2", "3"), GROUPED[2:], strict=True)
    ]


@st.composite
def _numbered_grids(draw: st.DrawFn) -> tuple[list[list[str]], list[list[str]]]:
    """A table (one header row, or a grouped header of two) and the same table with a left column of row
    numbers: blank over the header, counting down the rows from any start, some rows left unnumbered,
    perhaps a total row with no number last."""
    width = draw(st.integers(3, 5))
    labels = draw(
        st.lists(
            st.sampled_from(["姓名", "单位", "职务", "金额（元）", "类别", "地址", "电话", "备注"]),
            min_size=width,
            max_size=width,
            unique=True,
        )
    )
    if draw(st.booleans()):  # grouped: the second and third columns under one group cell
        head = [[labels[0], "慰问标准", "", *labels[3:]], ["", "离休干部", "退休干部", *[""] * (width - 3)]]
    else:
        head = [labels]
    count = draw(st.integers(2, 6))
    body = [
        [f"{name}{i}", *(f"{100 * i + c}" for c in range(1, width))]
        for i, name in enumerate(
            draw(
                st.lists(
                    st.sampled_from(["钟秀芳", "甘建平", "庞玉珍", "赵桂兰"]), min_size=count, max_size=count
                )
            )
        )
    ]
    start = draw(st.integers(1, 995))
    skipped = draw(st.sets(st.integers(1, count - 2), max_size=max(count - 2, 0))) if count > 2 else set()
    numbers = ["" if r in skipped else str(start + r) for r in range(count)]
    if draw(st.booleans()):
        body.append(["合计", *[""] * (width - 2), "9999"])
        numbers.append("")
    plain = [*head, *body]
    return plain, [["", *row] for row in head] + [[n, *row] for n, row in zip(numbers, body, strict=True)]


@settings(max_examples=60, deadline=None, derandomize=True)
@given(_numbered_grids())
def test_a_left_number_column_keeps_every_label_of_the_table(
    grids: tuple[list[list[str]], list[list[str]]],
) -> None:
    """Property (mend64L): with a left column of row numbers — rows unnumbered, a total row, one or two
    header rows — the table's header is the table's own without it, the numbers' column unlabelled."""
    plain, numbered = grids
    found = table_header(plain)
    assert found is not None
    assert table_header(numbered) == (["", *found[0]], found[1])
