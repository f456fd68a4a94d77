"""Real-format documents (tests/fixtures/documents, made by make_fixtures.py with real producers) come in
whole: every body sentence once and in order, no page header/footer/page number, tables labelled in
place, Word structure as blocks; scans within a measured character error rate.

The expected title/date/speaker/sections in each JSON are the parser's business (corpus.parse); this
module checks what the readers guarantee.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from bench.documents import cer, squeeze
from corpus import CorpusError, Document, chunk_speech, parse_document, read_document
from corpus.layout import is_page_number
from corpus.ocr import engine as ocr_engine

FIXTURES = Path(__file__).parent / "fixtures" / "documents"
CASES = sorted(p for p in FIXTURES.glob("*.json"))
# Read by OCR (the mixed PDF in part: its second page is a scan). make_scans.py makes the last five.
OCR_FORMATS = (
    "png/ocr",
    "jpg/ocr",
    "pdf/scan",
    "png/upright",
    "png/rotated",
    "png/skewed",
    "tif/ocr",
    "pdf/mixed",
)
# Largest character error rate accepted on the rendered scans (measured: see docs/documents.md).
MAX_OCR_CER = 0.03


@cache
def read(path: Path) -> Document:
    """Each fixture is read once per session (OCR takes seconds a page)."""
    return read_document(path)


def expected_of(case: Path) -> dict:  # type: ignore[type-arg]
    return json.loads(case.read_text(encoding="utf-8"))


def fixture_of(case: Path) -> Path:
    return case.with_name(case.name.removesuffix(".json"))


def find_in_order(sentences: list[str], text: str) -> list[str]:
    """Problems: sentences missing, repeated, or out of order in text (whitespace ignored)."""
    flat = squeeze(text)
    problems = []
    position = 0
    for sentence in sentences:
        needle = squeeze(sentence)
        count = flat.count(needle)
        if count != 1:
            problems.append(f"{count}× {sentence}")
            continue
        found = flat.find(needle)
        if found < position:
            problems.append(f"out of order: {sentence}")
        position = max(position, found + len(needle))
    return problems


TEXT_CASES = [
    c for c in CASES if "error" not in expected_of(c) and expected_of(c)["format"] not in OCR_FORMATS
]
OCR_CASES = [c for c in CASES if expected_of(c).get("format") in OCR_FORMATS]
ERROR_CASES = [c for c in CASES if "error" in expected_of(c)]


def test_the_fixture_set_covers_every_producer() -> None:
    formats = {expected_of(c)["format"] for c in CASES}
    assert {"docx", "doc", "pdf/libreoffice", "pdf/reportlab", "pdf/owner-rc4", "pdf/owner-aes256"} <= formats
    assert {"txt/big5", "txt/gbk", "txt/utf16le", "txt/utf16bom", *OCR_FORMATS} <= formats
    assert {"odt", "rtf", "rtf/gbk-word-style", "wps", "odt/numbering", "rtf/numbering"} <= formats
    assert ERROR_CASES
    assert sum(p.stat().st_size for p in FIXTURES.iterdir()) < 2 * 1024 * 1024


@pytest.mark.parametrize("case", TEXT_CASES, ids=lambda c: c.name.removesuffix(".json"))
def test_every_body_sentence_arrives_once_in_order(case: Path) -> None:
    expected = expected_of(case)
    document = read(fixture_of(case))
    assert find_in_order(expected["sentences"], document.text) == []
    assert squeeze(expected["title"]) in squeeze(document.text)
    for section in expected["sections"]:
        assert squeeze(section) in squeeze(document.text)


@pytest.mark.parametrize("case", TEXT_CASES + OCR_CASES, ids=lambda c: c.name.removesuffix(".json"))
def test_no_page_header_footer_or_number_reaches_the_text(case: Path) -> None:
    expected = expected_of(case)
    if expected["format"] in OCR_FORMATS and ocr_engine() is None:
        pytest.skip("no OCR engine installed")
    document = read(fixture_of(case))
    for running in expected["absent"]:
        assert squeeze(running) not in squeeze(document.text)
    assert [line for line in document.text.splitlines() if is_page_number(line)] == []
    assert not re.search(r"第\s*\d+\s*页|[—-]\s*\d+\s*[—-]", document.text)


@pytest.mark.parametrize(
    "case",
    [c for c in TEXT_CASES if expected_of(c).get("table_rows")],
    ids=lambda c: c.name.removesuffix(".json"),
)
def test_table_rows_are_labelled_by_their_header_in_place(case: Path) -> None:
    expected = expected_of(case)
    lines = [squeeze(line) for line in read(fixture_of(case)).text.splitlines()]
    rows = [squeeze(row) for row in expected["table_rows"]]
    positions = [lines.index(row) for row in rows]
    assert positions == sorted(positions)
    # In place: under the section the table sits in, before the next section's heading.
    sections = [squeeze(s) for s in expected["sections"]]
    after = [lines.index(s) for s in sections if s in lines and lines.index(s) > positions[-1]]
    before = [lines.index(s) for s in sections if s in lines and lines.index(s) < positions[0]]
    assert before and after


@pytest.mark.parametrize(
    "case", [c for c in TEXT_CASES if "blocks" in expected_of(c)], ids=lambda c: c.name.removesuffix(".json")
)
def test_word_structure_arrives_as_blocks(case: Path) -> None:
    expected = expected_of(case)
    document = read(fixture_of(case))
    assert [[b.kind, b.text, b.level] for b in document.blocks] == expected["blocks"]
    assert document.text.splitlines() == [b.text for b in document.blocks]


@pytest.mark.parametrize("case", ERROR_CASES, ids=lambda c: c.name.removesuffix(".json"))
def test_refused_documents_say_why_in_one_chinese_line(case: Path) -> None:
    with pytest.raises(CorpusError) as caught:
        read_document(fixture_of(case))
    message = str(caught.value)
    assert expected_of(case)["error"] in message
    assert "\n" not in message
    assert not re.search(r"[A-Za-z]{4,}Error|Exception|Traceback", message)


@pytest.mark.parametrize("case", OCR_CASES, ids=lambda c: c.name.removesuffix(".json"))
def test_scans_are_read_by_ocr_within_the_measured_error_rate(case: Path) -> None:
    if ocr_engine() is None:
        pytest.skip("no OCR engine installed (pip install 'speechqa[ocr]')")
    expected = expected_of(case)
    document = read(fixture_of(case))
    assert cer("".join(expected["printed"]), document.text) <= MAX_OCR_CER
    found = len(expected["sentences"]) - len(find_in_order(expected["sentences"], document.text))
    assert found >= 0.8 * len(expected["sentences"])


@pytest.mark.parametrize(
    "case",
    [c for c in TEXT_CASES if expected_of(c).get("table_rows")],
    ids=lambda c: c.name.removesuffix(".json"),
)
def test_each_table_row_becomes_its_own_passage(case: Path) -> None:
    """In a PDF as in a Word file: a ruled table's rows are never glued to each other or to the text."""
    document = read(fixture_of(case))
    passages = [squeeze(d.text) for speech in parse_document(document) for d in chunk_speech(speech)]
    for row in expected_of(case)["table_rows"]:
        assert squeeze(row) in passages, row
