"""Cut speeches into passages: one per paragraph (or short paragraphs merged up to a target size, never
across a section), very long paragraphs split at sentence ends."""

from __future__ import annotations

import math
import re

from .records import PassageDraft, Speech

DEFAULT_MAX_CHARS = 350
DEFAULT_MERGE_TO: int | None = None  # the library API's default: one passage per paragraph
# What speechqa itself uses (SPEECHQA_MERGE_TO): short paragraphs of one section merged up to 200
# characters. It won on every set measured (`speechqa bench chunking`, docs/benchmarks.md).
MEASURED_MERGE_TO = 200
# A sentence ends at 。！？； (or their ASCII forms), together with any closing quotes/brackets after it.
_SENTENCE = re.compile(r"[^。！？；!?;]*(?:[。！？；!?;]+[”’）)」』]*|$)")
_CLAUSE = re.compile(r"[^，、,：:]*(?:[，、,：:]|$)")


def split_sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.findall(text) if s]


def chunk_speech(
    speech: Speech, max_chars: int = DEFAULT_MAX_CHARS, merge_to: int | None = DEFAULT_MERGE_TO
) -> list[PassageDraft]:
    """One passage per paragraph; with `merge_to`, consecutive paragraphs of one section are merged
    while the result stays within `merge_to` characters (table rows are never merged)."""
    drafts: list[PassageDraft] = []
    for index, text, section in _merge_paragraphs(speech, merge_to):
        for part, piece in enumerate(split_paragraph(text, max_chars)):
            drafts.append(PassageDraft(text=piece, section=section, paragraph=index, part=part))
    return drafts


_ENDS_SENTENCE = re.compile(r"[。！？!?；;…][”’」』）)]*$")


def _merge_paragraphs(speech: Speech, merge_to: int | None) -> list[tuple[int, str, str | None]]:
    groups: list[tuple[int, str, str | None]] = []
    mergeable = False  # whether the last group may take the next paragraph
    for index, paragraph in enumerate(speech.paragraphs):
        text_kind = paragraph.kind in ("text", "note")
        if merge_to and groups and mergeable and text_kind:
            first, text, section = groups[-1]
            if (
                section == paragraph.section
                and len(text) + len(paragraph.text) <= merge_to
                and _ENDS_SENTENCE.search(text)  # a line without its full stop (a table row read from a
            ):  # PDF, a list item) would run into the next one: it stays a passage of its own
                groups[-1] = (first, text + paragraph.text, section)
                continue
        groups.append((index, paragraph.text, paragraph.section))
        mergeable = text_kind
    return groups


def split_paragraph(text: str, max_chars: int = DEFAULT_MAX_CHARS) -> list[str]:
    """Split a paragraph longer than max_chars into balanced, sentence-aligned parts."""
    if len(text) <= max_chars:
        return [text]
    pieces: list[str] = []
    for sentence in split_sentences(text):
        pieces.extend(_split_long_sentence(sentence, max_chars))
    parts = math.ceil(len(text) / max_chars)
    target = len(text) / parts
    chunks: list[str] = []
    current = ""
    for piece in pieces:
        # Close the chunk when adding the piece would overshoot the target more than stopping short does.
        if current and (
            len(current) + len(piece) > max_chars
            or abs(len(current) + len(piece) - target) > abs(len(current) - target)
        ):
            chunks.append(current)
            current = ""
        current += piece
    if current:
        chunks.append(current)
    if (
        len(chunks) > 1
        and len(chunks[-1]) < max_chars // 4
        and len(chunks[-2]) + len(chunks[-1]) <= max_chars
    ):
        tail = chunks.pop()
        chunks[-1] += tail  # a short tail reads better with the sentences before it
    return chunks


def _split_long_sentence(sentence: str, max_chars: int) -> list[str]:
    if len(sentence) <= max_chars:
        return [sentence]
    clauses = [c for c in _CLAUSE.findall(sentence) if c]
    out: list[str] = []
    current = ""
    for clause in clauses:
        if current and len(current) + len(clause) > max_chars:
            out.append(current)
            current = ""
        while len(clause) > max_chars:  # no punctuation at all: cut by length
            out.append(clause[:max_chars])
            clause = clause[max_chars:]
        current += clause
    if current:
        out.append(current)
    return out
