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

import re
from collections.abc import Sequence

from .records import Block

__all__ = ["is_turn_label", "without_turn_labels"]

_TURN_LABEL = re.compile(
    r"^\s*(?:发言人|说话人|讲话人|Speaker)\s*\d{1,2}\s+(?:\d{1,2}[:：])?\d{1,2}[:：]\d{2}\s*$", re.IGNORECASE
)
_KEYWORDS = re.compile(r"^\s*关键词\s*[：:]")
_MIN_LABELS = 2


def is_turn_label(text: str) -> bool:
    """Whether a line is a transcript's turn label alone: 「发言人1   00:41」, 「说话人 2 01:02:03」."""
    return bool(_TURN_LABEL.match(text))


def without_turn_labels(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """The blocks of a transcript without its turn labels and its keywords line; any other document's
    blocks as they are."""
    if sum(1 for block in blocks if is_turn_label(block.text)) < _MIN_LABELS:
        return tuple(blocks)
    out: list[Block] = []
    turns = False
    for block in blocks:
        if is_turn_label(block.text):
            turns = True
        elif turns or not _KEYWORDS.match(block.text):
            out.append(block)
    return tuple(out)
