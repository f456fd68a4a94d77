"""Two text boxes side by side, each headed in a larger type, are read box by box, each under its own head
(cold28).

A page is read in columns when its columns look like set text: in the column with most lines, two in five
of them fill it to its edge. A heading in a larger type at the top of a column never fills it, and counted
among the lines it could tip a column of ragged lines — LibreOffice Draw's text boxes are not justified, and
Chinese line-breaking leaves a wrapped line a character or two short — below that share: cold28's 招生简章, a
flyer laid out in Draw, read the heads of its two boxes as one line over both, 「开设专业 报名须知」, and cited
every line of both boxes under that joined heading. The share is now taken over the column's lines in its
body type only.

The file: ``benchmarks/corpus-cold28/栖梧县老年大学2028年秋季招生简章.pdf`` (flat ODF graphics → **LibreOffice
Draw** PDF, made by that folder's ``make_corpus.py``).
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_document
from corpus.columns import read_columns
from corpus.layout import Line, Page

FLYER = (
    Path(__file__).resolve().parent.parent
    / "benchmarks"
    / "corpus-cold28"
    / "栖梧县老年大学2028年秋季招生简章.pdf"
)


def test_draws_flyer_reads_each_box_under_its_own_head() -> None:
    """Each box's lines under its head (main: all under 「开设专业报名须知」), none lost."""
    [speech] = parse_document(read_document(FLYER))
    sections = {p.text: (p.section or "").split(" › ")[0] for p in speech.paragraphs}
    assert sections["书法班：楷书、隶书入门，授课教师邝文远。"] == "开设专业"
    assert sections["报名时间：8月21日至8月31日，每天上午8:30至11:30。"] == "报名须知"
    assert sections["报名时请带身份证和一寸照片两张。"] == "报名须知"
    assert not any("开设专业报名须知" in (p.section or "") for p in speech.paragraphs)


SIZE = 12.0
LEFT, RIGHT, WIDTH = 50.0, 300.0, 204.0  # two columns 17 characters wide, a gutter of about 4


def _piece(x0: float, chars: int, top: float, size: float = SIZE, char: str = "文") -> Line:
    return Line(char * chars, x0, x0 + chars * size, top, top + size, size=size)


def _row(pieces: list[Line]) -> Line:
    """A line as a PDF's reader gives it: one line, split into its pieces at wide gaps."""
    if len(pieces) == 1:
        return pieces[0]
    first, last = pieces[0], pieces[-1]
    text = " ".join(p.text for p in pieces)
    return Line(text, first.x0, last.x1, first.top, first.bottom, size=first.size, parts=tuple(pieces))


# each line's characters: wrapped lines a character or two short of the column's 17 or filling it, and
# paragraphs' last lines; set text fills its column at least twice
_COLUMN = st.lists(st.one_of(st.integers(15, 17), st.integers(3, 14)), min_size=6, max_size=12).filter(
    lambda column: column.count(17) >= 2
)


@settings(max_examples=200, deadline=None)
@given(left=_COLUMN, right=_COLUMN, head=st.floats(1.1, 1.6))
def test_a_head_over_each_column_never_unmakes_the_columns(
    left: list[int], right: list[int], head: float
) -> None:
    """Any two columns read as columns from their first lines stay columns with a head in a larger type over each, and each head is
    read first in its own column, before that column's lines (main: some were read across, heads joined)."""
    rows = []
    for r in range(max(len(left), len(right))):
        top = 100.0 + r * 1.5 * SIZE
        pieces = [
            _piece(x, column[r], top) for x, column in ((LEFT, left), (RIGHT, right)) if r < len(column)
        ]
        rows.append(_row(pieces))
    plain = read_columns(Page(tuple(rows), 595.0, 842.0))
    if not all(line.column for line in plain.lines):
        return  # not read in columns from the first line: nothing to keep
    heads = _row([_piece(LEFT, 4, 70.0, SIZE * head, "甲"), _piece(RIGHT, 4, 70.0, SIZE * head, "乙")])
    read = read_columns(Page((heads, *rows), 595.0, 842.0)).lines
    assert next(line.text for line in read if line.column == 1) == "甲甲甲甲"
    assert next(line.text for line in read if line.column == 2) == "乙乙乙乙"
    assert [line.text for line in read[: len(left) + 1]] == ["甲甲甲甲", *("文" * n for n in left)]
