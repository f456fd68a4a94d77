"""A 目录 typed into a Word, Writer or RTF file: left out of the text, its entries marking the body's headings.

Word's, Writer's and an RTF's generated table of contents (a TOC field, a ``text:table-of-content``) is not
read (corpus.word, corpus.odt, corpus.rtf), and neither is a PDF's 目录 set in the body's type (corpus.pdf).
A 目录 typed by hand — 「目　录」 alone, then each heading, a tab to a dot leader (or typed dots) and its page
number, as a typist sets one — was read as text: its entries glued into one paragraph with the first
heading and its paragraph (「目录总体要求1招生对象和条件1…总体要求坚持…」), a numbered entry taken for a
section over the opening (「四、工作要求1」).

`typed_contents` reads a file's blocks as a PDF's lines are read (corpus.pdf ``_without_contents`` and
``_listed_headings``, with the same patterns): a paragraph 「目录」/「目次」 alone and two or more entries
after it — a heading, a leader or a space, a page number; or a heading listed bare whose words stand as a
paragraph further on — are left out when at least half its entries name a paragraph further on (a 目录's
entries reappear as the body's headings); a list under 「目录」 naming nothing later (an 档案移交目录's items
and their counts) is the file's own text and read. Then each entry, in the 目录's order and only after it, marks the first
paragraph whose words are the entry's and that stands as a heading: a body paragraph (not a table's row,
not a heading already), unnumbered (a numbered one is corpus.parse's numbering rules'), no sentence's or
clause's mark, not naming an attachment (「附件：…」 is the 附件说明, parse's), and heading something — the
next paragraph is body text holding a sentence's or a clause's mark (a short line under it may be a heading
corpus.parse reads: marking the entry would leave it an empty section, its words lost), not another entry's
words (a list of the plan's parts under 「分为以下三个
部分：」 is no heading). A parent heading right over its first sub-heading — the next entry standing as a
heading over body text — heads the sub-heading's section, a level above it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import NamedTuple

from .records import Block

__all__ = [
    "ATTACHMENT_ENTRY",
    "CONTENTS_ENTRY",
    "CONTENTS_HEADING",
    "CONTENTS_LEADER",
    "CONTENTS_TAIL",
    "NO_HEADING",
    "NUMBERED_HEADING",
    "EntryPlace",
    "indent_levels",
    "mark_entries",
    "typed_contents",
]

CONTENTS_HEADING = frozenset({"目录", "目次", "目錄"})
# A 目录's entry: its heading, a leader (dots, a rule) or a space, and the page number (arabic or roman)
CONTENTS_ENTRY = re.compile(
    r"^\S.*?(?:\s*[.．·・…⋯_—\-]{2,}\s*|\s+)(?:\d{1,4}|[ivxlcdm]{1,6})$", re.IGNORECASE
)
# What follows a 目录 entry's heading: a leader (or a space) and its page number
CONTENTS_TAIL = re.compile(r"(?:[.．·・…⋯_—\-]{2,}|\s)\s*(?:\d{1,4}|[ivxlcdm]{1,6})$", re.IGNORECASE)
# An entry's leader (dots, a rule) before its page number: a typist's tab leader or a generated 目录's
CONTENTS_LEADER = re.compile(r"[.．·・…⋯_—\-]{2,}\s*(?:\d{1,4}|[ivxlcdm]{1,6})$", re.IGNORECASE)
# A 目录 sets its entries in by at most this many levels (a 章, a 节, an 条 and one more): more indents than
# this are a ragged list's left ends, no levels
_MOST_LEVELS = 4
# Characters no heading holds: a sentence's end or a clause's mark
NO_HEADING = re.compile(r"[。！？；，!?;,]")
# A 目录 entry naming an attachment (「附件：报名登记表」, 「附件1」, 「附件2 课程安排」): the body's line is the
# 附件说明 or an attachment's label (GB/T 9704), read by corpus.parse's rules — never a section heading
ATTACHMENT_ENTRY = re.compile(r"^附件(?:[0-9０-９一二三四五六七八九十]|[：:]|$)")
# A heading's own number (「一、」「（一）」「第一章」「1.」「（1）」): such a line is left to the numbering rules,
# which give its level; an outline's depth or a 目录's entry is never compared with theirs
NUMBERED_HEADING = re.compile(
    r"^(?:第[一二三四五六七八九十百零〇两\d]+[章节条篇部分]|[一二三四五六七八九十百]+[、．.]"
    r"|[（(][一二三四五六七八九十百\d]+[）)]|\d+(?:[.．、]\d*)+|[①-⑳])"
)
# the kinds of a body paragraph (a reader's plain paragraph)
_BODY = ("", "paragraph")


def _words(text: str) -> str:
    return "".join(text.split())


def typed_contents(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks without a typed 目录, the body paragraphs its entries name marked headings (see above);
    the blocks themselves when there is none."""
    texts = [_words(block.text) for block in blocks]
    body = [block.kind in _BODY and bool(texts[n]) for n, block in enumerate(blocks)]
    later: dict[str, int] = {text: n for n, text in enumerate(texts) if text}
    dropped: set[int] = set()
    entries: list[str] = []
    for at, text in enumerate(texts):
        if text not in CONTENTS_HEADING or not body[at]:
            continue
        end, found = at + 1, []
        while end < len(blocks) and body[end]:
            line = blocks[end].text.strip()
            if CONTENTS_ENTRY.match(line):
                found.append(_words(CONTENTS_TAIL.sub("", line)))
            elif later.get(texts[end], end) > end:
                found.append(texts[end])  # a heading listed bare: its words stand further on
            else:
                break
            end += 1
        named = sum(later.get(entry, -1) >= end for entry in found)
        if len(found) >= 2 and 2 * named >= len(found):
            # a 目录's entries reappear as the body's headings; a list under 「目录」 naming nothing further on
            # (an 档案移交目录's items and their counts) is the letter's own text
            dropped.update(range(at, end))
            entries += found
    if not dropped:
        return blocks
    listed = set(entries)

    def heading(entry: str, at: int, _under: bool) -> tuple[int, int] | None:
        """One paragraph and the next body paragraph's place when the paragraph at `at` is the entry standing
        as a heading (a paragraph is a heading on its own, under another or not)."""
        if (
            texts[at] != entry
            or not body[at]
            or at in dropped
            or NO_HEADING.search(entry)
            or ATTACHMENT_ENTRY.match(entry)
            or NUMBERED_HEADING.match(blocks[at].text.strip())
        ):
            return None
        following = next((n for n in range(at + 1, len(blocks)) if texts[n]), None)
        if following is None or not body[following] or following in dropped:
            return None
        if not (texts[following] in listed or NO_HEADING.search(texts[following])):
            return None  # heads no sentence: a short line under it may be a heading of the parse's own
        return 1, following

    levels = {
        at: level
        for at, (_, level) in mark_entries(
            entries,
            max(dropped) + 1,
            len(blocks),
            heading,
            lambda following: texts[following] in listed,
        ).items()
    }
    return tuple(
        replace(block, kind="heading", level=levels[n]) if n in levels else block
        for n, block in enumerate(blocks)
        if n not in dropped
    )


class EntryPlace(NamedTuple):
    """Where a 目录 entry is set: its first line's left end and centre, its last line's right end, whether a
    leader (dots, a rule) runs to its page number, and the blank between its words and its page number when
    the line shows one (a tab, typed spaces: the line in parts), else 0."""

    left: float
    centre: float
    right: float
    leader: bool = False
    gap: float = 0.0


def indent_levels(places: Sequence[EntryPlace], step: float) -> tuple[int, ...] | None:
    """Each 目录 entry's level by how far it is set in (its first line's left end): the least indent level 1,
    each indent at least half a `step` (a character) further in the next level — or None when the left ends
    tell no levels. They tell them only when the entries are set flush left in groups: two to
    ``_MOST_LEVELS`` indents, the entries' centres not all in one place (a centred 目录's left ends differ with
    its entries' lengths), and either every entry running to one right edge by a leader or a tab — a
    typist's or a generated 目录, where an entry's left end is its indent whatever its length; blanks all of
    one width are typed ones, the entries set flush right — or, their right ends not all in one place (none
    set flush right), each indent several entries'. A flat 目录 — flush left, centred, flush right or
    ragged — gives None."""
    stops: list[float] = []
    for place in sorted(places, key=lambda place: place.left):
        if not stops or place.left - stops[-1] >= step / 2:
            stops.append(place.left)
    if not 2 <= len(stops) <= _MOST_LEVELS or _aligned([place.centre for place in places], step):
        return None
    levels = tuple(max(n for n, at in enumerate(stops, 1) if place.left >= at - step / 2) for place in places)
    flush_right = _aligned([place.right for place in places], step)
    typed = all(place.gap for place in places) and _aligned([place.gap for place in places], step)
    if flush_right and all(place.leader or place.gap for place in places) and not typed:
        return levels
    if flush_right or min(Counter(levels).values()) < 2:
        return None  # set flush right, or ragged: no indent several entries share
    return levels


def _aligned(positions: Sequence[float], step: float) -> bool:
    """The positions are one place, within half a `step` (a character)."""
    return max(positions) - min(positions) < step / 2


def mark_entries(
    entries: Sequence[str],
    start: int,
    stop: int,
    heading: Callable[[str, int, bool], tuple[int, int] | None],
    heads_entry: Callable[[int], bool],
    levels: Sequence[int] | None = None,
) -> dict[int, tuple[int, int]]:
    """Where a 目录's entries stand as the body's headings: each entry, in the 目录's order, marks the first
    place from `start` (before `stop`) where `heading(entry, place, under)` finds it standing as a heading
    — the number of lines it takes and the next text's place — its first line's place mapped to (its lines,
    its level). An entry naming an attachment or holding a sentence's or clause's mark marks nothing. When
    the next text is another entry's words (`heads_entry`), the entry is a parent heading only if the next
    entry stands right under it (`under` true: it needs no end mark before it) as a heading over body text:
    both marked, the parent a level above; otherwise it heads nothing (a list of the plan's parts) and the
    entry's words are looked for further on. The PDF's lines and a word-processor's paragraphs share it.

    `levels`, when the 目录 tells them (its entries set in by level: `indent_levels`), are the entries'
    levels: a sub-heading is under its parent whether or not it stands right under it (the second
    sub-heading too: 「总体要求 › 报名方式」, not a section of its own), and an entry right over another of its
    own level or a higher one heads nothing."""
    taken: dict[int, tuple[int, int]] = {}
    child = -1  # an entry already marked under the one before it
    for index, entry in enumerate(entries):
        if index == child or NO_HEADING.search(entry) or ATTACHMENT_ENTRY.match(entry):
            continue
        following_entry = entries[index + 1] if index + 1 < len(entries) else ""
        level = levels[index] if levels else 1
        for at in range(start, stop):
            found = heading(entry, at, False)
            if found is None:
                continue
            lines, following = found
            if heads_entry(following):
                deeper = levels[index + 1] > level if levels and following_entry else True
                under = (
                    heading(following_entry, following, True)
                    if following_entry
                    and deeper
                    and not NO_HEADING.search(following_entry)
                    and not ATTACHMENT_ENTRY.match(following_entry)
                    else None
                )
                if under is None or heads_entry(under[1]):
                    continue  # heads nothing: another entry's words follow (a list of the parts)
                taken[at] = (lines, level)
                taken[following] = (under[0], levels[index + 1] if levels else 2)
                start, child = following + under[0], index + 1
                break
            taken[at] = (lines, level)
            start = at + lines
            break
    return taken
