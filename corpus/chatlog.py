"""A group chat's messages copied out of WeChat for PC (or QQ) and saved as text: the app's lines taken off.

Staff pass on what a WeChat group was told by selecting its messages in WeChat for PC, copying them and
pasting them into Notepad. Each message comes under a line naming its sender and when it was sent
(「苗振华 2036/3/10 9:02:15」; QQ writes the time first, 「2036-03-10 9:02:15 苗振华」), its stickers as codes
(「收到[强]」「[玫瑰]」), a picture as 「[图片]」, and the app's own notices among them (「“顾瑞琴”撤回了一条消息」,
「以下为新消息」). Read as text, every sender's line ran into the message above it (「…食堂安排。史家栋
2036/3/10 9:05:41收到[强]」) and the stickers' codes into the sentences.

`read_chat_log` gives the text as the messages read: one paragraph each (a blank line between), the sender
and time lines, sticker codes, pictures' marks and the app's notices gone; a message of anyone but the
sender who wrote the most — the one whose notice the group was given — opens with its sender's name
(「闻丽华：收到，血压结果请在3月18日前发给我。」), since a reply's 「我」 says nothing without it; and the day the
first message was sent (2036-03-10), which is the document's date only when the messages name none.

A text is taken for a chat only when three or more lines are sender and time lines, each followed by a
line of message, their times in order: a timetable's lines (「开幕式 2036/3/10 9:00」) follow one another
with no message between, and a notice quoting one such line is left as it is.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

_STAMP = r"(?P<y{n}>\d{{4}})[/\-.](?P<m{n}>\d{{1,2}})[/\-.](?P<d{n}>\d{{1,2}})\s+(?P<t{n}>\d{{1,2}}:\d{{2}}(?::\d{{2}})?)"
_NAME = r"(?P<name{n}>[^\s:：，,。！？!?；;“”\"]{{1,24}}(?:\(\d+\))?)"
_SENDER_LINE = re.compile(
    rf"^\s*(?:{_NAME.format(n=1)}\s+{_STAMP.format(n=1)}|{_STAMP.format(n=2)}\s+{_NAME.format(n=2)})\s*$"
)
# the app's own lines: a message withdrawn, the new-messages mark, a day's divider, a 「拍了拍」
_APP_LINE = re.compile(
    r"^\s*(?:.{1,30}撤回了一条消息|[-—─\s]*以下[为是]新消息[-—─\s]*|[-—─]{2,}\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*[-—─]{2,}"
    r"|.{1,30}拍了拍.{0,30})\s*$"
)
# a sticker's code (「[强]」「[玫瑰]」「[抱拳]」) and the marks of what is not text (「[图片]」「[语音]」「[文件]」)
_CODE = re.compile(r"\[[\u4e00-\u9fff]{1,4}\]")
_MIN_MESSAGES = 3


@dataclass(frozen=True)
class ChatLog:
    """A text read as a chat's copied messages: `text` as the messages read (see `read_chat_log`), and
    `posted`, the day (2036-03-10) the first message was sent, or None (no chat)."""

    text: str
    posted: str | None = None


@dataclass(frozen=True)
class _Sender:
    line: int
    name: str
    when: tuple[int, int, int, int, int]
    day: str


def _senders(lines: list[str]) -> list[_Sender]:
    found = []
    for n, line in enumerate(lines):
        if match := _SENDER_LINE.match(line):
            k = "1" if match["name1"] else "2"
            hour, minute = (int(x) for x in match[f"t{k}"].split(":")[:2])
            year, month, day = int(match[f"y{k}"]), int(match[f"m{k}"]), int(match[f"d{k}"])
            if 1 <= month <= 12 and 1 <= day <= 31 and hour < 24 and minute < 60:
                name = re.sub(r"\(\d+\)$", "", match[f"name{k}"])
                stamp = (year, month, day, hour, minute)
                found.append(_Sender(n, name, stamp, f"{year:04d}-{month:02d}-{day:02d}"))
    return found


def _is_chat(lines: list[str], senders: list[_Sender]) -> bool:
    if len(senders) < _MIN_MESSAGES:
        return False
    if any(later.when < earlier.when for earlier, later in itertools.pairwise(senders)):
        return False
    ends = [s.line for s in senders[1:]] + [len(lines)]
    return all(
        any(line.strip() for line in lines[s.line + 1 : end]) for s, end in zip(senders, ends, strict=True)
    )


def read_chat_log(text: str) -> ChatLog:
    """`text` read as a group chat's copied messages, or unchanged (`posted` None) when it is none."""
    lines = text.splitlines()
    senders = _senders(lines)
    if not _is_chat(lines, senders):
        return ChatLog(text)
    messages: list[tuple[str, list[str]]] = []
    if before := [line for line in lines[: senders[0].line] if line.strip()]:
        messages.append(("", before))  # what was pasted above the first message (a note of the copier's)
    ends = [s.line for s in senders[1:]] + [len(lines)]
    for sender, end in zip(senders, ends, strict=True):
        said = []
        for line in lines[sender.line + 1 : end]:
            if _APP_LINE.match(line):
                continue
            line = _CODE.sub("", line).rstrip()
            if line.strip():
                said.append(line)
        if said:
            messages.append((sender.name, said))
    written = Counter[str]()
    for name, said in messages:
        written[name] += sum(len(line) for line in said)
    main = written.most_common(1)[0][0] if written else ""
    paragraphs = []
    for name, said in messages:
        if name and name != main:
            said = [f"{name}：{said[0].strip()}", *said[1:]]
        paragraphs.append("\n".join(said))
    return ChatLog("\n\n".join(paragraphs) + "\n", senders[0].day)
