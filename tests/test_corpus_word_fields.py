"""Tables of contents, fields, ruby, symbols, soft hyphens and empty content controls, as Word, scripts and
LibreOffice write them: a table of contents (with or without Word's content control around it) is never
read as text or sections, a field reads as its result, a ruby as its base text (not its phonetic guide),
a symbol as its character (a symbol font's glyph as nothing), an empty content control's prompt not at
all, and `add --check`'s own reading agrees.

The fixtures and their expected reading come from tests/fixtures/documents/make_word_fields_ruby.py.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from corpus import chunk_speech, parse_document, read_bytes, read_document
from corpus.conservation import check_conservation
from tests.fixtures.documents.make_word_fields_ruby import LIBREOFFICE_TARGET, TARGET, toc_entry

FIXTURES = [TARGET, LIBREOFFICE_TARGET]


def expected(path: Path) -> dict:  # type: ignore[type-arg]
    return json.loads(path.with_name(path.name + ".json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_every_sentence_is_read_once_in_order_and_nothing_generated_is(path: Path) -> None:
    text = read_document(path).text
    position = 0
    for sentence in expected(path)["sentences"]:
        assert text.count(sentence) == 1, sentence
        assert text.find(sentence) >= position, sentence
        position = text.find(sentence)
    for absent in expected(path)["absent"]:
        assert absent not in text, absent


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_the_table_of_contents_makes_no_section_and_no_second_heading(path: Path) -> None:
    document = read_document(path)
    speech = parse_document(document)[0]
    assert {p.section for p in speech.paragraphs if p.section} == set(expected(path)["sections"])
    for heading in expected(path)["sections"]:
        assert document.text.count(heading) == 1, heading


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_the_check_agrees(path: Path) -> None:
    document = read_document(path)
    report = check_conservation(document, [d.text for s in parse_document(document) for d in chunk_speech(s)])
    assert report.ok, report
    assert report.sentences == len(expected(path)["sentences"])


def test_a_contents_field_that_never_ends_takes_nothing_away() -> None:
    d = docx.Document()
    d.add_paragraph("开头一句。")
    d.element.body.append(parse_xml(toc_entry("一、工作回顾", "_Toc1", 1, first=True, last=False)))
    d.element.body.append(d.element.body.sectPr)  # keep w:sectPr last
    d.add_paragraph("后面一句。")
    buffer = io.BytesIO()
    d.save(buffer)
    assert read_bytes("损坏.docx", buffer.getvalue()).text.splitlines() == [
        "开头一句。",
        "一、工作回顾 1",
        "后面一句。",
    ]
