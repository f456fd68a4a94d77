"""A recording's transcript as a speech-to-text service exports it (讯飞听见, 飞书妙记, 通义听悟, 腾讯会议).

Staff turn a meeting's recording into text with such a service and keep its Word or text export. The
export opens with the recording's name and its head lines (when it was recorded, how long it is, 「关键词：
…」) and puts each turn of speech under a line of its own naming the voice as the service labelled it and
the time into the recording: 「发言人2   01:20」, 「说话人 1 00:03:15」. Those lines are the service's, not
what was said: before, each was read into the text in front of the turn it heads (「发言人2 01:20今年3月…」)
and the first, with the keywords line, into the title.

A document is taken for such a transcript when two or more of its lines are such labels alone; then the
labels and a keywords line before the first of them are dropped, everything else kept as it is (each turn
stays the paragraph it is). The service's own labels only (发言人/说话人/讲话人/Speaker and a number): a name
and a time (「签到 08:30」) is an agenda's line as often as a renamed voice's.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .names import is_person_name, name_parts
from .records import Block
from .script import to_simplified

__all__ = ["Transcript", "introduction", "is_turn_label", "read_transcript", "without_turn_labels"]

_TURN_LABEL = re.compile(
    r"^\s*(?:发言人|说话人|讲话人|Speaker)\s*\d{1,2}\s+(?:\d{1,2}[:：])?\d{1,2}[:：]\d{2}\s*$", re.IGNORECASE
)
_KEYWORDS = re.compile(r"^\s*关键词\s*[：:]")
# The host's introduction of the next speech, the last sentence of a turn: 「下面，请蒲正言局长讲话。」, 「有请市委
# 组织部王芳部长致辞！」, 「接下来请离退休干部代表张建国同志发言。」
_INTRODUCTION = re.compile(
    r"(?:^|[。！？!?；;])\s*(?:(?:下面|接下来|现在|首先|然后|最后)\s*[，,、]?\s*)?(?:请|有请|欢迎)\s*"
    r"(?P<who>[^，,。！？!?；;、“”\s]{2,24}?)\s*(?:为大家|给大家|向大家)?\s*"
    r"(?P<act>讲话|致辞|发言|作报告|作讲话|作工作报告|作总结讲话|作重要讲话|讲几句)\s*[。！!]?\s*$"
)
# A post after the name: 「蒲正言局长」, 「张建国同志」.
_POST = re.compile(
    r"(?:同志|副?局长|副?主任|副?书记|副?部长|副?主席|副?处长|副?科长|副?会长|副?校长|副?院长|副?市长|副?县长|"
    r"副?区长|代表|先生|女士|老师|教授)$"
)
_MIN_LABELS = 2


def is_turn_label(text: str) -> bool:
    """Whether a line is a transcript's turn label alone: 「发言人1   00:41」, 「说话人 2 01:02:03」."""
    return bool(_TURN_LABEL.match(text))


@dataclass(frozen=True)
class Transcript:
    """A document's blocks as read (a transcript's without its turn labels), and the speaker its host
    introduced, when the document is a transcript whose introduced voice speaks most of it."""

    blocks: tuple[Block, ...]
    speaker: str | None = None


def introduction(text: str) -> tuple[str, str] | None:
    """(name, heading) of the speech a host's sentence introduces at the end of `text`: 「下面，请蒲正言局长
    讲话。」 → (蒲正言, 蒲正言局长讲话), 「请市委老干部局局长蒲正言同志致辞」 → (蒲正言, 蒲正言同志致辞). None when
    no person's name stands before the post (「请各位代表发言」, 「请大家鼓掌」)."""
    found = _INTRODUCTION.search(text.strip())
    if found is None:
        return None
    who = found["who"]
    post = _POST.search(who)
    before = who[: post.start()] if post else who
    for size in (3, 2, 4):  # the name ends the words before the post: 「市委老干部局局长蒲正言」
        name = before[-size:]
        if len(before) >= size and (
            is_person_name(name) or (size == len(before) and name_parts(to_simplified(name)))
        ):
            return name, f"{name}{post.group(0) if post else ''}{found['act']}"
    return None


def without_turn_labels(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """The blocks of a transcript without its turn labels and its keywords line; any other document's
    blocks as they are."""
    return read_transcript(blocks).blocks


def read_transcript(blocks: Sequence[Block]) -> Transcript:
    """A transcript without its turn labels and its keywords line, each voice the host introduced
    (「下面，请蒲正言局长讲话。」 ending one turn, the next turn in another voice) named: its turns under a heading
    of the introduction's words (「蒲正言局长讲话」) and every other turn, before or after, under its voice's own
    (the host's: 「主持人」; a voice nobody introduced: its label as the transcript gives it, 「发言人3」), so each
    passage is cited with who said it; the speaker, the named voice that says
    more than half of what the named voices say (the host's words are the host's). Any other document's
    blocks as they are."""
    if sum(1 for block in blocks if is_turn_label(block.text)) < _MIN_LABELS:
        return Transcript(tuple(blocks))
    head: list[Block] = []
    turns: list[tuple[str, list[Block]]] = []
    for block in blocks:
        if is_turn_label(block.text):
            turns.append((_voice(block.text), []))
        elif turns:
            turns[-1][1].append(block)
        elif not _KEYWORDS.match(block.text):
            head.append(block)
    named: dict[str, tuple[str, str]] = {}
    hosts: set[str] = set()
    for (voice, said), (following, _) in itertools.pairwise(turns):
        text = next((b.text for b in reversed(said) if b.text.strip()), "")
        if (introduced := introduction(text)) and following != voice:
            named.setdefault(following, introduced)
            hosts.add(voice)
    out = list(head)
    current: str | None = None  # the heading in force
    for voice, said in turns:
        if named:  # every turn cited with who said it, the host's opening too (it was under no heading)
            heading = named[voice][1] if voice in named else ("主持人" if voice in hosts else voice)
            if heading != current:
                out.append(Block(heading, "heading", 1))
                current = heading
        out.extend(said)
    spoken = {voice: 0 for voice in named}
    for voice, said in turns:
        if voice in spoken:
            spoken[voice] += sum(len(b.text) for b in said)
    main = max(spoken, key=lambda v: spoken[v], default=None)
    speaker = named[main][0] if main is not None and 2 * spoken[main] > sum(spoken.values()) else None
    return Transcript(tuple(out), speaker)


def _voice(label: str) -> str:
    """The voice a turn label names, without its time: 「发言人2   01:20」 → 「发言人2」, 「说话人 1 00:03:15」 → 「说话人1」."""
    found = _VOICE.match(label)
    return f"{found[1]}{found[2]}" if found else label.strip()


_VOICE = re.compile(r"^\s*(发言人|说话人|讲话人|Speaker)\s*(\d{1,2})", re.IGNORECASE)
