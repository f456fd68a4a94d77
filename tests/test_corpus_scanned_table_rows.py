"""A ruled table on a scanned page (an image, a scanned PDF) is read row by row (`corpus.ocr.recognise`,
`corpus.gridtables`) and each row reaches `parse` as a "table_row" block, as a Word table's row does: its own
paragraph and passage, never run into the next row (docs/ocr68.md). The fixtures are a python-docx notice
with a 「Table Grid」 table exported by LibreOffice and rasterised by pdftoppm
(`tests/fixtures/scanned_tables/make_scanned_tables.py`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import Document, chunk_speech, ocr, parse_document, read_bytes
from corpus.layout import Line
from corpus.ocr import PageText, pages_text, table_blocks
from tests.fixtures.scanned_tables.make_scanned_tables import CLOSING, OPENING, ROWS

FIXTURES = Path(__file__).parent / "fixtures" / "scanned_tables"
needs_ocr = pytest.mark.skipif(ocr.engine() is None, reason="no OCR engine installed")


def passages(document: Document) -> list[str]:
    return [draft.text for speech in parse_document(document) for draft in chunk_speech(speech)]


def labelled(row: tuple[str, ...]) -> str:
    return "；".join(f"{label}：{cell}" for label, cell in zip(ROWS[0], row, strict=True))


@needs_ocr
@pytest.mark.parametrize("name", ["schedule_scan.png", "schedule_scan.pdf"])
def test_a_scanned_tables_rows_are_each_a_passage_of_their_own(name: str) -> None:
    document = read_bytes(name, (FIXTURES / name).read_bytes())
    paragraphs = [p for speech in parse_document(document) for p in speech.paragraphs]
    rows = [p.text.replace(" ", "") for p in paragraphs if p.kind == "table_row"]
    assert rows == [labelled(row) for row in ROWS[1:]]
    read = [text.replace(" ", "") for text in passages(document)]
    for row in ROWS[1:]:
        assert sum(labelled(row) in text for text in read) == 1
        assert labelled(row) in read  # the row is its passage, nothing run on to it
    assert OPENING in read and CLOSING in read


# -- property: every row read from a grid is in exactly one passage, whole, once ---------------------------

_HAN = "组别日期地点人员县城南北东西博物馆档案科技公园展厅纪念第一二三四五六七八九十月号上午下午龚庞柏郝戚雪雨文川晓岚远舟"
_words = st.text(alphabet=_HAN, min_size=2, max_size=8)


@st.composite
def scanned_pages(draw: st.DrawFn) -> tuple[list[PageText], list[str]]:
    """A page read by OCR: a title, paragraphs (sentences of lines wrapped across the page), a ruled table's
    labelled rows as `recognise` gives them (`Line.table`: no sentence mark at their end), more paragraphs."""
    columns = draw(st.integers(2, 5))
    labels = draw(st.lists(_words, min_size=columns, max_size=columns, unique=True))
    values = st.lists(_words, min_size=columns, max_size=columns)
    rows = [
        "；".join(f"{label}：{value}" for label, value in zip(labels, row, strict=True))
        for row in draw(st.lists(values, min_size=1, max_size=8, unique_by=tuple))  # rows told apart
    ]
    before = draw(st.lists(_words, min_size=1, max_size=3))
    after = draw(st.lists(_words, min_size=0, max_size=3))
    lines: list[Line] = []
    top = 100.0

    def line(text: str, *, table: bool = False, x1: float = 1100.0) -> None:
        nonlocal top
        lines.append(Line(text=text, x0=100.0, x1=x1, top=top, bottom=top + 32.0, table=table))
        top += 48.0

    line("关于分组安排的通知", x1=500.0)
    for words in before:
        line(f"现将{words}有关事项通知如下。", x1=700.0)
    for row in rows:
        line(row, table=True)
    for words in after:
        line(f"请{words}按时参加。", x1=600.0)
    return [PageText(tuple(lines), 1240.0, top + 200.0)], rows


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scanned_pages())
def test_every_row_of_a_scanned_table_is_one_passage_whole_and_once(
    scanned: tuple[list[PageText], list[str]],
) -> None:
    pages, rows = scanned
    blocks = table_blocks(pages)
    assert [block.text for block in blocks if block.kind == "table_row"] == rows
    document = Document(name="scan.png", text=pages_text(pages), encoding="ocr", blocks=blocks)
    read = passages(document)
    for row in rows:
        holding = [text for text in read if row in text]
        assert len(holding) == 1, (row, read)
        assert sum(text.count(row) for text in read) == 1
        assert holding[0] == row  # a row is a passage of its own: never run into the next


def test_pages_without_a_table_give_no_blocks() -> None:
    """A scanned page with no table keeps reading as its text (no blocks), as before."""
    lines = (
        Line(text="关于分组安排的通知", x0=100, x1=500, top=100, bottom=132),
        Line(text="现将有关事项通知如下。", x0=100, x1=700, top=148, bottom=180),
    )
    assert table_blocks([PageText(lines, 1240.0, 1754.0)]) == ()
