"""What the producer properties (tests/test_corpus_producers_property.py) found, on the smallest real files
that show it (made by tests/fixtures/property_findings/make_property_findings.py: python-docx and
LibreOffice, reportlab in STSong-Light)."""

from __future__ import annotations

from pathlib import Path

from corpus import chunk_speech, parse_document, read_document
from tests.fixtures.property_findings.make_property_findings import (
    HANGING,
    HUNG_BRACKET,
    HUNG_MARKS,
    LATIN_RUNS,
    LIBREOFFICE_CASES,
    ONE_PAGE_TABLE,
    REPORTLAB_CASES,
    paragraphs,
)

HERE = Path(__file__).parent / "fixtures" / "property_findings"


def test_a_line_left_short_for_a_mark_and_the_latin_word_after_it_goes_on_into_the_next() -> None:
    # LibreOffice keeps 「，APP」「。ABC」「）No.3」 and 「〔2024〕5」 together: the line before stops up to four
    # characters short of the margin, and each such paragraph was read as two (11 of these 65)
    document = read_document(HERE / "line_breaks.libreoffice.pdf")
    assert document.text.splitlines() == paragraphs(LIBREOFFICE_CASES)


def test_a_reportlab_line_left_short_for_a_range_with_a_dash_goes_on_into_the_next() -> None:
    document = read_document(HERE / "line_breaks.reportlab.pdf")
    assert [line.replace(" ", "") for line in document.text.splitlines()] == [
        p.replace(" ", "") for p in paragraphs(REPORTLAB_CASES, range(26, 32))
    ]


def test_a_one_page_header_over_a_title_is_dropped_when_the_page_has_a_table() -> None:
    document = read_document(HERE / "one_page_table.libreoffice.pdf")
    assert "中共青州市委老干部局办公室" not in document.text
    [speech] = parse_document(document)
    assert speech.title == ONE_PAGE_TABLE.title
    assert speech.date == "2021-06-28"
    passages = [d.text for d in chunk_speech(speech)]
    assert passages[-1] == "（1）经费保障、困难帮扶由责任单位按季度落实。"
    assert sum(p.startswith("责任单位：") for p in passages) == 5


def test_a_closing_comma_hung_past_the_margin_does_not_move_the_text_s_edge() -> None:
    [speech] = parse_document(read_document(HERE / "hanging_commas.reportlab.pdf"))
    passages = [d.text for d in chunk_speech(speech)]
    assert passages[-1] == HANGING.body[-1][1]
    assert chunk_speech(speech)[-1].section == "一、离退休干部老干部工作"


def test_a_reportlab_line_left_short_for_a_latin_word_with_a_hyphen_goes_on_into_the_next() -> None:
    # reportlab keeps 「e-mail」「ISO9001-2015」 whole where LibreOffice breaks after the hyphen
    document = read_document(HERE / "latin_runs.reportlab.pdf")
    assert document.text.splitlines() == paragraphs(LATIN_RUNS, range(26, 32))


def test_a_numbered_item_a_character_short_of_the_edge_stays_whole_when_marks_hang_past_it() -> None:
    for spec, name in ((HUNG_BRACKET, "hung_bracket"), (HUNG_MARKS, "hung_marks")):
        [speech] = parse_document(read_document(HERE / f"{name}.reportlab.pdf"))
        passages = "".join(d.text for d in chunk_speech(speech))
        items = [block[1] for block in spec.body if block[0] == "item"]
        assert all(item in passages for item in items), name
