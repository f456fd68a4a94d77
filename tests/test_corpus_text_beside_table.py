"""A paragraph set in one column of a page and a ruled table in the other, the table's rows on the
paragraph's lines (mend63L, review63L's files): layout63 read the paragraph's lines beside the table as a
column of notes left of it, one in each row (「项目；人数；金额（元）；展了银发先锋志愿服务活动…」: the
header's labels lost, the paragraph cut into the rows), and main did the same with the table left of the
paragraph. Notes stand in the table's rows only, and a sheet's column of notes is at most some ten
characters wide: lines that run on above and below the table, or reach further from it, are a column of
text, read as the paragraph they are.

The files: ``tests/fixtures/text_beside_table/``, made by ``make_beside.py`` there (reportlab).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes
from tests.fixtures.text_beside_table.make_beside import BODY, NOTE, ROWS, write_page

FIXTURES = Path(__file__).parent / "fixtures" / "text_beside_table"
LABELLED = [
    "；".join(f"{label}：{value}" for label, value in zip(ROWS[0], row, strict=True)) for row in ROWS[1:]
]


def _read(name: str) -> tuple[list[str], str]:
    (speech,) = parse_document(read_bytes(name, (FIXTURES / name).read_bytes()))
    rows = [p.text for p in speech.paragraphs if p.kind == "table_row"]
    return rows, "".join(p.text for p in speech.paragraphs if p.kind != "table_row")


@pytest.mark.parametrize("name", ["twocol.table-right.pdf", "twocol.table-left.pdf"])
def test_a_paragraph_beside_a_table_is_not_read_into_its_rows(name: str) -> None:
    rows, _ = _read(name)
    assert rows == LABELLED


def test_the_paragraph_beside_a_table_on_its_right_is_read_whole() -> None:
    _, text = _read("twocol.table-right.pdf")
    for sentence in BODY[: len(BODY) // 2].split("。")[:-1]:
        assert text.count(sentence) == 2, sentence


def test_the_paragraph_beside_a_table_on_its_left_is_read_whole() -> None:
    """layout64: the paragraph starts higher than the table beside it; main read its first lines, then the
    table's column (rows and the note under it), then the rest, the note cut into the paragraph
    (「…每月至少开展一次集中学习」 … 「表中数字为本年度一至九月的累计数。，确保老同志…」)."""
    rows, text = _read("twocol.table-left.pdf")
    assert rows == LABELLED
    for sentence in BODY[: len(BODY) // 2].split("。")[:-1]:
        assert text.count(sentence) == 2, sentence
    assert text.startswith(NOTE + BODY[:20])  # the table's column, then the paragraph whole


_SENTENCES = st.sampled_from(
    [
        "今年以来，县委老干部局坚持把离退休干部党建工作摆在突出位置。",
        "各离退休干部党支部普遍建立了学习制度，每月至少开展一次集中学习。",
        "局里还组织开展了银发先锋志愿服务活动，参加人数较去年明显增加。",
        "下一步，我们将继续加大经费保障力度，落实好各项政策。",
        "老同志们纷纷表示，要发挥余热，为家乡发展贡献力量。",
        "全县各级党组织要高度重视，切实把关心关爱老同志的各项措施落到实处。",
    ]
)


@settings(max_examples=12, deadline=None, derandomize=True)
@given(
    sentences=st.lists(_SENTENCES, min_size=12, max_size=18),
    space=st.floats(0.0, 120.0),
    table_left=st.booleans(),
)
def test_a_paragraph_beside_a_table_anywhere_down_its_column_is_read_whole(
    sentences: list[str], space: float, table_left: bool
) -> None:
    """A paragraph of 12–18 sentences in one column, the table (and its note) in the other from 0–120 points
    down, either side, the paragraph running on past the note: every row labelled, and the paragraph read
    whole — its sentences once each, in order, the note no part of it. (A paragraph ending beside the
    table is still read as notes on the table's right: mend63L's rule looks for lines running on above or
    below the table, and left for a next branch, docs/layout64.md.)"""
    body = "".join(sentences)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.pdf"
        write_page(path, table_left=table_left, body=body, space=space)
        (speech,) = parse_document(read_bytes("page.pdf", path.read_bytes()))
    rows = [p.text for p in speech.paragraphs if p.kind == "table_row"]
    assert rows == LABELLED
    texts = [p.text for p in speech.paragraphs if p.kind != "table_row"]
    assert NOTE in texts
    assert "".join(t for t in texts if t != NOTE) == body
