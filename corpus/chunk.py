"""Cut speeches into passages: one per paragraph (or short paragraphs merged up to a target size, never
across a section), very long paragraphs split at sentence ends. A question paragraph (「问：」, 「记者：」…) and
the answer after it are one passage, whatever the sizes: a question is never cut from its answer. When
short paragraphs merge, a question and its answer join the passage before them as one unit, by their
joint size: no passage ends on a question whose answer follows, and one without room for the whole pair
is left as it is, the question opening the next (so a passage holds whole pairs, up to the usual size)."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from .records import Paragraph, PassageDraft, Speech

DEFAULT_MAX_CHARS = 350
DEFAULT_MERGE_TO: int | None = None  # the library API's default: one passage per paragraph
# What speechqa itself uses (SPEECHQA_MERGE_TO): short paragraphs of one section merged up to 200
# characters. It won on every set measured (`speechqa bench chunking`, docs/benchmarks.md).
MEASURED_MERGE_TO = 200
# A sentence ends at 。！？； (or their ASCII forms), together with any closing quotes/brackets after it.
_SENTENCE = re.compile(r"[^。！？；!?;\n]*(?:[。！？；!?;\n]+[”’）)」』]*|$)")
_CLAUSE = re.compile(r"[^，、,：:]*(?:[，、,：:]|$)")
# A paragraph that asks (an interview's, an FAQ's or a 问答 page's question line) or that answers the one
# before it, by its label: 「问：」「问（退休教师周玉兰）：」「問3：」「记者：」「Q:」; 「答：」「答（局长）：」「A：」.
_ASKS = re.compile(
    r"^\s*(?:问|問|提问|提問|记者|記者|主持人|Q)\s*\d{0,3}\s*(?:[（(][^（）()]{0,30}[）)])?\s*[：:]"
)
_ANSWERS = re.compile(r"^\s*(?:答|A)\s*\d{0,3}\s*(?:[（(][^（）()]{0,30}[）)])?\s*[：:]")


# Between two paragraphs merged into one passage the first of which ends on no punctuation mark: a line break
# keeps them apart for the tokenizer, the answer sentence (retrieval's SENTENCE_ENDS holds it) and the reader.
LINE_BREAK = "\n"


def split_sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.findall(text) if s]


def chunk_speech(
    speech: Speech, max_chars: int = DEFAULT_MAX_CHARS, merge_to: int | None = DEFAULT_MERGE_TO
) -> list[PassageDraft]:
    """One passage per paragraph; with `merge_to`, consecutive paragraphs of one section are merged
    while the result stays within `merge_to` characters (table rows are never merged: each row labels its
    cells by the table's header, so every passage of a table carries its head)."""
    drafts: list[PassageDraft] = []
    for group in _merge_paragraphs(speech, merge_to):
        pieces = split_paragraph(group.text, max_chars, no_cut=group.no_cut)
        for part, piece in enumerate(pieces):
            drafts.append(PassageDraft(text=piece, section=group.section, paragraph=group.first, part=part))
    return drafts


def asks(text: str) -> bool:
    """Whether a paragraph is a question line by its label (「问：」「问（…）：」「記者：」…)."""
    return bool(_ASKS.match(text))


def answers(text: str) -> bool:
    """Whether a paragraph answers the one before it by its label (「答：」「答（…）：」「A：」)."""
    return bool(_ANSWERS.match(text))


@dataclass(frozen=True)
class _Group:
    first: int  # index of its first paragraph
    text: str
    section: str | None
    no_cut: frozenset[int] = frozenset()  # offsets in text where a split may not fall (inside a 问 + 答)


_ENDS_SENTENCE = re.compile(r"[。！？!?；;…][”’」』）)]*$")
# A paragraph that ends on a colon introduces what follows (「符合下列条件之一的，可以申请异地安置：」).
_LEADS_IN = re.compile(r"[：:][”’」』）)]*$")


def _merge_paragraphs(speech: Speech, merge_to: int | None) -> list[_Group]:
    paragraphs = speech.paragraphs
    groups: list[_Group] = []
    mergeable = False  # whether the last group may take the next paragraph
    asked: int | None = None  # where the last group's closing question line starts, waiting for its answer
    listing: str | None = None  # the section of a lead-in the last group opens with, taking its items
    taken: str | None = None  # the section of the paragraph it took last
    for index, paragraph in enumerate(paragraphs):
        text_kind = paragraph.kind in ("text", "note", "equation")
        # a display equation's row is a line of its own in its passage: a line break before it and after it
        apart = paragraph.kind == "equation" or (index > 0 and paragraphs[index - 1].kind == "equation")
        question = paragraph.kind == "text" and asks(paragraph.text)
        if groups and mergeable and text_kind and merge_to and not question:
            last = groups[-1]
            if _LEADS_IN.search(last.text) and last.section:
                listing = last.section
            if (
                listing is not None
                and _under(paragraph, listing, taken)
                and len(last.text) + len(paragraph.text) <= merge_to
            ):
                text = _apart(last.text, paragraph.text) if apart else joined(last.text, paragraph.text)
                groups[-1] = _Group(last.first, text, last.section, last.no_cut)
                asked = None
                taken = paragraph.section
                continue
        listing = taken = None
        if groups and mergeable and text_kind and groups[-1].section == paragraph.section:
            last = groups[-1]
            if paragraph.kind == "text" and not question and (asked is not None or answers(paragraph.text)):
                groups[-1] = _answered(last, paragraph.text, asked)
                asked = None
                continue
            # A question comes with its answer: the pair joins the passage only if both fit in it.
            unit = len(paragraph.text)
            if (
                question
                and index + 1 < len(paragraphs)
                and _answers_question(paragraph, paragraphs[index + 1])
            ):
                unit += len(paragraphs[index + 1].text)
            if (
                merge_to
                and len(last.text) + unit <= merge_to
                and (apart or _ENDS_SENTENCE.search(last.text))  # a line without its full stop (a table row
            ):  # read from a PDF, a list item) would run into the next one: it stays a passage of its own
                text = _apart(last.text, paragraph.text) if apart else last.text + paragraph.text
                groups[-1] = _Group(last.first, text, last.section, last.no_cut)
                asked = len(last.text) if question else None
                continue
        groups.append(_Group(index, paragraph.text, paragraph.section))
        mergeable = text_kind
        asked = 0 if question else None
    return groups


def _under(paragraph: Paragraph, lead_in: str, taken: str | None) -> bool:
    """Whether `paragraph` belongs to what a lead-in of section `lead_in` introduces: a paragraph of its own
    section, an item — the items 「（一）配偶或者子女在外地工作的；」 a notice numbers under 「一、安置条件」
    open sub-sections of their own, each the paragraph that names it — or a paragraph after an item, in its
    sub-section. The lead-in and its items are one passage (up to the merge size): before, the lead-in was
    a passage saying only 「符合下列条件之一的」, and each item another.

    A sub-section with a heading of its own (「（二）审核批准」 over its paragraph) is no item: taken into the
    lead-in's passage, cited under the lead-in's section, its heading was in neither the passage nor its
    section, and a question naming it no longer found it."""
    section = paragraph.section
    if section is None or section == lead_in or (taken is not None and section == taken):
        return section is not None
    if not section.startswith(lead_in + " › "):
        return False
    label = section.rsplit(" › ", 1)[-1]
    return "".join(paragraph.text.split()).startswith("".join(label.split()))


def _answers_question(question: Paragraph, after: Paragraph) -> bool:
    """Whether `after` is the answer joined to the question line `question` (the next paragraph of text
    in its section that is not itself a question)."""
    return after.kind == "text" and after.section == question.section and not asks(after.text)


def _answered(group: _Group, answer: str, asked: int | None) -> _Group:
    """The group with the answer to its question joined, whatever the sizes, and no split allowed between
    the question (the group's question line starting at `asked`, or its last sentence when the answer alone
    is labelled) and the answer's first sentence."""
    question_start = asked if asked is not None else len(group.text) - len(split_sentences(group.text)[-1])
    first_sentence = split_sentences(answer)[:1]
    text = joined(group.text, answer)
    end = len(text) - len(answer) + (len(first_sentence[0]) if first_sentence else 0)
    no_cut = group.no_cut | frozenset(range(question_start + 1, end))
    return _Group(group.first, text, group.section, no_cut)


def joined(before: str, after: str) -> str:
    """Two paragraphs as one passage's text: a line break between them when the first ends on no punctuation
    mark (a SmartArt node, a list item or a field without 「。」), so that its last word and the next one's first
    do not run together into one word for the tokenizer, the answer sentence or the reader (「…老年大学报名时间
    三月一日」 was one run)."""
    if before and after and not unicodedata.category(before[-1]).startswith("P"):
        return before + LINE_BREAK + after
    return before + after


def _apart(before: str, after: str) -> str:
    """A passage's text and a display equation's row (or the text after one), a line break between them."""
    return before + LINE_BREAK + after if before and after else before + after


def split_paragraph(
    text: str, max_chars: int = DEFAULT_MAX_CHARS, no_cut: frozenset[int] = frozenset()
) -> list[str]:
    """Split a paragraph longer than max_chars into balanced, sentence-aligned parts, never at an offset
    in `no_cut` (between a question and its answer's first sentence)."""
    if len(text) <= max_chars:
        return [text]
    pieces: list[str] = []
    for sentence in split_sentences(text):
        pieces.extend(_split_long_sentence(sentence, max_chars))
    parts = math.ceil(len(text) / max_chars)
    target = len(text) / parts
    chunks: list[str] = []
    current = ""
    at = 0  # offset of the next piece in text
    for piece in pieces:
        # Close the chunk when adding the piece would overshoot the target more than stopping short does.
        if (
            current
            and at not in no_cut
            and (
                len(current) + len(piece) > max_chars
                or abs(len(current) + len(piece) - target) > abs(len(current) - target)
            )
        ):
            chunks.append(current)
            current = ""
        current += piece
        at += len(piece)
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
