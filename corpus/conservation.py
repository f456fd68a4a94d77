"""Check that nothing of a document's body was lost or doubled on its way into passages.

A body sentence is any run of text ending in a sentence mark (。！？； and their ASCII forms): titles,
headings, dates, signatures and salutations end in none, so they are exempt; a numbered line that is a
whole sentence is not. An official document's 主送 line (「各区县人民政府，市政府各部门：」, after its title and
before its first sentence) ends in none either, but it is counted as a sentence without its colon: it
must reach a passage once (the document's 「文件信息」 passage holds it). A news dateline (新华社北京2月6日电) in front of a sentence is metadata and is not
required to be in the passage, nor is an official document's 版记 at its end (「抄送：……。」, 「……印发」).

The sentences are taken from the file itself where the format allows a second, independent extraction
(Word: `Document.reference`, every w:t of the body), so text the reader itself lost is reported too;
else from the text the reader produced (PDF: its column-aware reading, corpus.columns), which catches what
was lost after reading but not what the reader itself lost or scrambled. Table rows are checked as the
reader labelled them as well.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from .chunk import split_sentences
from .clean import clean_line, split_lines
from .parse import DATELINE, addressee, imprint_start, is_field_line, parsed_lines
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
    return _sentences(source_lines(document))


def _sentences(lines: Sequence[str]) -> list[str]:
    sentences = []
    head = True  # no sentence yet: the title and the lines under it
    for position, text in enumerate(lines):
        if head and position and (sent_to := _addressee(text)):
            sentences.append(squash(sent_to))
        if dateline := DATELINE.match(text):
            text = text[dateline.end() :]
        for sentence in split_sentences(text):
            squashed = squash(sentence)
            if len(squashed) >= _MIN_CHARS and _ENDS_SENTENCE.search(squashed):
                sentences.append(squashed)
                head = False
    return sentences


def _addressee(text: str) -> str | None:
    """A 主送 line of the head as the parser reads it, ending in its colon (not a field 「发布单位：」)."""
    if not text.rstrip().endswith(("：", ":")) or is_field_line(text):
        return None
    return addressee(text)


def check_conservation(document: Document, passages: Sequence[str]) -> Conservation:
    """Find the body sentences of `document` that are in none of `passages`, or in them too often.

    A sentence is missing when it is nowhere in the passages joined (one split over two passages is
    there); it is doubled when the passages hold it, each counted on its own, more often than the source
    does. Each sentence is looked up in an index of where sentences can end (`Occurrences`), so the
    check takes time in proportion to the text, not to sentences × text.
    """
    parts = [squash(p) for p in passages]
    # Joined with nothing between lines: a sentence a file wraps across two lines is still counted there.
    lines = source_lines(document)
    source = "".join(squash(line) for line in lines)
    sentences = _sentences(lines)
    in_passages = Occurrences(parts)
    in_source = Occurrences([source])
    missing = tuple(s for s in sentences if not in_passages.anywhere(s))
    duplicated = tuple(s for s in dict.fromkeys(sentences) if in_passages.count(s) > in_source.count(s))
    return Conservation(sentences=len(sentences), missing=missing, duplicated=duplicated)


# Every body sentence ends in one of these (_ENDS_SENTENCE), so every place it occurs ends in one too.
_END_CHARS = frozenset("。！？；!?;”’）)」』")
_END_CHAR = re.compile("[" + re.escape("".join(sorted(_END_CHARS))) + "]")
_KEY_LENGTHS = (1, 2, 4, 8, 16)
_FEW = 8  # places to compare a sentence with one by one


class Occurrences:
    """Where a sentence occurs in some texts, answered as `str` would, in time linear in the texts.

    `anywhere(s)` is `s in "".join(texts)`; `count(s)` is `sum(t.count(s) for t in texts)` (non-overlapping
    occurrences, none across two texts). Every place a text holds a character a sentence can end in is
    indexed under the 1, 2, 4, 8 and 16 characters ending there; a sentence is then compared only with the
    places that end as it does. A sentence that does not end in such a character is searched for plainly.
    """

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = texts
        self.joined = "".join(texts)
        self.starts: list[int] = []  # where each text starts in `joined`
        offset = 0
        for text in texts:
            self.starts.append(offset)
            offset += len(text)
        self.ends: dict[str, list[int]] = {}
        self.windows: dict[tuple[str, int], dict[str, list[int]]] = {}
        joined = self.joined
        for mark in _END_CHAR.finditer(joined):
            end = mark.end()
            for length in _KEY_LENGTHS:
                if length > end:
                    break
                self.ends.setdefault(joined[end - length : end], []).append(end)

    def _places(self, sentence: str) -> list[int] | None:
        """The positions in `joined` where `sentence` starts, in order; None when it cannot be indexed."""
        if not sentence or sentence[-1] not in _END_CHARS:
            return None
        size = len(sentence)
        key = sentence[-max(k for k in _KEY_LENGTHS if k <= size) :]
        ends = self.ends.get(key, [])
        if len(ends) <= _FEW:
            return [
                end - size for end in ends if end >= size and self.joined.startswith(sentence, end - size)
            ]
        # Many places end as it does (a stock phrase, sentences repeated with a different opening): the
        # texts of its length ending there, indexed once for every sentence of that length and ending.
        windows = self.windows.get((key, size))
        if windows is None:
            windows = self.windows[key, size] = {}
            for end in ends:
                if end >= size:
                    windows.setdefault(self.joined[end - size : end], []).append(end)
        return [end - size for end in windows.get(sentence, ())]

    def anywhere(self, sentence: str) -> bool:
        places = self._places(sentence)
        return sentence in self.joined if places is None else bool(places)

    def count(self, sentence: str) -> int:
        places = self._places(sentence)
        if places is None:
            return sum(text.count(sentence) for text in self.texts)
        count, text, free = 0, -1, 0  # free: where the next counted occurrence may start (as str.count)
        for start in places:
            within = bisect_right(self.starts, start) - 1  # (of texts that start there, the last: not empty)
            end_of_text = self.starts[within + 1] if within + 1 < len(self.starts) else len(self.joined)
            if start + len(sentence) > end_of_text:  # across two texts: str.count sees it in neither
                continue
            if within != text:
                text, free = within, 0
            if start >= free:
                count += 1
                free = start + len(sentence)
        return count


def source_lines(document: Document) -> list[str]:
    """The cleaned lines whose sentences must reach the passages."""
    if not document.reference:
        lines = [line.text for line in parsed_lines(document)]
        return lines[: imprint_start(lines)]
    lines = [line for line in (clean_line(raw) for raw in split_lines(document.reference)) if line]
    lines = lines[: imprint_start(lines)]
    # a 版记 set as a one-column table (as many offices' templates do) is as little body text as one
    # set in lines: the parser's own lines say where it starts
    read = parsed_lines(document)
    lines += [
        line.text for line in read[: imprint_start([line.text for line in read])] if line.kind == "table_row"
    ]
    return [line for line in lines if line]


def squash(text: str) -> str:
    """The text without any whitespace: what the conservation checks compare."""
    return re.sub(r"\s+", "", text)
