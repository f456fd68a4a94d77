"""A phone's screenshot of a chat (WeChat, QQ, DingTalk…): the messages, not the app's own lines.

Staff are sent notices as screenshots of a group chat and add the picture. Read by OCR, such a picture
gave the phone's status bar (「9:41 5G 76%」) as the title, the chat's name, the time a message was sent,
each sender's name and the avatar's letter in the body, and the members' replies 「收到」 after the notice.

A picture is taken for a chat screenshot when it is a phone's shape (at least 1.7 times as tall as wide)
and its first line, at the very top, holds a clock (「9:41」, 「上午10:26」): a status bar. Then:

- the phone's bars are dropped: every line in the top band (status bar and the chat's title bar, a quarter
  of the width deep) and short lines in the bottom band (the input bar: 「按住 说话」, 「发送」);
- a message is text in a bubble, and a bubble stands out from the chat's background: a line whose
  surroundings are the background's colour (the most common in the picture) is the app's — a time stamp, a
  sender's name — and is dropped, as is a line of one or two characters at the very left or right (an
  avatar's letter);
- a sender's name over a bubble says whose the message is: when names are shown (a group chat), only the
  messages of the sender who wrote the most are kept (the notice, over the replies to it).

A picture that is not such a screenshot (a scan, a photo of a page) is left exactly as it is.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .layout import Line

if TYPE_CHECKING:
    from PIL.Image import Image

_PHONE_SHAPE = 1.7  # height / width, at least: phones are 16:9 to 21:9, long screenshots taller
_TOP_BAND = 0.25  # status bar and title bar, as a share of the width (44 + 44 points on a 375-point screen)
_BOTTOM_BAND = 0.16  # the input bar, as a share of the width
_EDGE = 0.16  # an avatar's column at either side, as a share of the width
_CLOCK = re.compile(r"(?<![\d:])(?:[01]?\d|2[0-3])[:：][0-5]\d(?![\d:])")
# A time stamp the app puts between messages: 「1月8日 上午10:26」「昨天 16:20」「星期三 09:12」「2026年5月6日 8:03」
_STAMP = re.compile(
    r"^(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日|昨天|前天|今天|星期[一二三四五六日天]|周[一二三四五六日天])?\s*"
    r"(?:凌晨|早上|上午|中午|下午|晚上)?\s*(?:[01]?\d|2[0-3])[:：][0-5]\d$"
)
_SAME_GROUND = 10  # grey levels: surroundings this close to the background's colour are the background


@dataclass(frozen=True)
class _Message:
    sender: str | None
    lines: tuple[Line, ...]


def is_chat_screenshot(lines: tuple[Line, ...] | list[Line], width: float, height: float) -> bool:
    """Whether a picture read by OCR is a phone's screenshot: a phone's shape, a clock in its first line."""
    if not lines or width <= 0 or height < _PHONE_SHAPE * width:
        return False
    first = min(lines, key=lambda line: line.top)
    return first.top < 0.08 * width and bool(_CLOCK.search(first.text))


def message_lines(image: Image, lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """The lines of a chat screenshot's messages (see the module's docstring), in order; every line
    unchanged when the picture is no chat screenshot."""
    width, height = float(image.width), float(image.height)
    if not is_chat_screenshot(lines, width, height):
        return lines
    grey = image.convert("L")
    background = _background(grey)
    messages: list[_Message] = []
    sender: str | None = None
    current: list[Line] = []

    def close() -> None:
        if current:
            messages.append(_Message(sender, tuple(current)))
            current.clear()

    for line in lines:
        middle = (line.top + line.bottom) / 2
        text = "".join(line.text.split())
        if middle < _TOP_BAND * width or (middle > height - _BOTTOM_BAND * width and len(text) <= 6):
            continue
        if len(text) <= 2 and (line.x1 < _EDGE * width or line.x0 > (1 - _EDGE) * width):
            continue  # an avatar's letter
        if abs(_surroundings(grey, line) - background) <= _SAME_GROUND:
            close()  # a time stamp, or a sender's name over the next bubble
            if not _STAMP.match(text):
                sender = text
            continue
        current.append(line)
    close()
    if not messages:
        return lines
    written = Counter[str | None]()
    for message in messages:
        written[message.sender] += sum(len(line.text) for line in message.lines)
    main = written.most_common(1)[0][0]
    return tuple(line for message in messages if message.sender == main for line in message.lines)


def _background(grey: Image) -> int:
    """The chat's background: the commonest grey level of the picture, read on a small copy."""
    counts = grey.resize((max(1, grey.width // 8), max(1, grey.height // 8))).histogram()
    return max(range(len(counts)), key=counts.__getitem__)


def _surroundings(grey: Image, line: Line) -> float:
    """The median grey level of a thin frame just outside a line's box: the colour it is printed on."""
    margin = max(2, round((line.bottom - line.top) * 0.12))
    x0, x1 = max(0, round(line.x0) - margin), min(grey.width - 1, round(line.x1) + margin)
    top, bottom = max(0, round(line.top) - margin), min(grey.height - 1, round(line.bottom) + margin)
    pixels = grey.load()
    ring = [pixels[x, top] for x in range(x0, x1 + 1)] + [pixels[x, bottom] for x in range(x0, x1 + 1)]
    ring += [pixels[x0, y] for y in range(top, bottom + 1)] + [pixels[x1, y] for y in range(top, bottom + 1)]
    ring.sort()
    return float(ring[len(ring) // 2])
