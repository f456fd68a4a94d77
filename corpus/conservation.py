"""Check that nothing of a document's body was lost or doubled on its way into passages.

A body sentence is any run of text ending in a sentence mark (。！？； and their ASCII forms): titles,
headings, dates, signatures and salutations end in none, so they are exempt; a numbered line that is a
whole sentence is not. A news dateline (新华社北京2月6日电) in front of a sentence is metadata and is not
required to be in the passage, nor is an official document's 版记 at its end (「抄送：……。」, 「……印发」).

The sentences are taken from the file itself where the format allows a second, independent extraction
(Word: `Document.reference`, every w:t of the body), so text the reader itself lost is reported too;
else from the text the reader produced (PDF: its column-aware reading, corpus.columns), which catches what
was lost after reading but not what the reader itself lost or scrambled. Table rows are checked as the
reader labelled them as well.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .chunk import split_sentences
from .clean import clean_line, split_lines
from .parse import _DATELINE, _lines, imprint_start
from .records import Document

_ENDS_SENTENCE = re.compile(r"[。！？；!?;][”’）)」』]*$")
_MIN_CHARS = 2


@dataclass(frozen=True)
class Conservation:
    """What a document's passages kept: how many body sentences, which are missing, which doubled."""

    sentences: int
    missing: tuple[str, ...]
    duplicated: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.missing and not self.duplicated


def body_sentences(document: Document) -> list[str]:
    """The document's sentences, cleaned as the parser cleans them (whitespace removed)."""
    sentences = []
    for text in _source_lines(document):
        if dateline := _DATELINE.match(text):
            text = text[dateline.end() :]
        for sentence in split_sentences(text):
            squashed = _squash(sentence)
            if len(squashed) >= _MIN_CHARS and _ENDS_SENTENCE.search(squashed):
                sentences.append(squashed)
    return sentences


def check_conservation(document: Document, passages: Sequence[str]) -> Conservation:
    """Find the body sentences of `document` that are in none of `passages`, or in them too often."""
    parts = [_squash(p) for p in passages]
    flat = "".join(parts)
    # Joined with nothing between lines: a sentence a file wraps across two lines is still counted there.
    source = "".join(_squash(line) for line in _source_lines(document))
    sentences = body_sentences(document)
    missing = tuple(s for s in sentences if s not in flat)
    duplicated = tuple(
        s for s in dict.fromkeys(sentences) if sum(p.count(s) for p in parts) > source.count(s)
    )
    return Conservation(sentences=len(sentences), missing=missing, duplicated=duplicated)


def _source_lines(document: Document) -> list[str]:
    """The cleaned lines whose sentences must reach the passages."""
    if not document.reference:
        lines = [line.text for line in _lines(document)]
        return lines[: imprint_start(lines)]
    lines = [line for line in (clean_line(raw) for raw in split_lines(document.reference)) if line]
    lines = lines[: imprint_start(lines)]
    # a 版记 set as a one-column table (as many offices' templates do) is as little body text as one
    # set in lines: the parser's own lines say where it starts
    read = _lines(document)
    lines += [
        line.text for line in read[: imprint_start([line.text for line in read])] if line.kind == "table_row"
    ]
    return [line for line in lines if line]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)
