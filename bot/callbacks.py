"""Compact callback data for inline buttons: a letter and ids, e.g. "m:42:5", "c:310", "f:42:1".

Buttons carry ids that the database can resolve, never state kept only in memory, so they keep working
after the bot restarts. Telegram allows at most 64 bytes; every encoding here stays far below.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import MISSING, astuple, dataclass, fields
from typing import ClassVar, get_args

MAX_BYTES = 64
_INT = re.compile(r"-?\d{1,18}")


@dataclass(frozen=True)
class MoreResults:
    """更多结果: the next page of a logged question's passages (the message is edited in place)."""

    prefix: ClassVar[str] = "m"
    query_id: int
    offset: int


@dataclass(frozen=True)
class ShowContext:
    """上下文 under an answer: send the paragraphs around a passage as a new message."""

    prefix: ClassVar[str] = "c"
    passage_id: int


@dataclass(frozen=True)
class MoveContext:
    """前文 / 后文 under a context message: move the window, editing the message in place."""

    prefix: ClassVar[str] = "n"
    passage_id: int


@dataclass(frozen=True)
class ShowSource:
    """出处: the details of a speech."""

    prefix: ClassVar[str] = "s"
    speech_id: int


@dataclass(frozen=True)
class ReadSpeech:
    """阅读全文: a page of a speech's text from a passage position."""

    prefix: ClassVar[str] = "r"
    speech_id: int
    start: int


@dataclass(frozen=True)
class ListSpeeches:
    """A page of the speech list."""

    prefix: ClassVar[str] = "l"
    page: int


@dataclass(frozen=True)
class ListedSpeech:
    """A speech's button (its id) on a page of the speech list: its details, as 出处 shows them. Its kind marks
    the message a page of the list (keyboards.continued_of), whatever other rows stand under the page."""

    prefix: ClassVar[str] = "i"
    speech_id: int


@dataclass(frozen=True)
class Feedback:
    """👍 (1) or 👎 (-1) on a logged question."""

    prefix: ClassVar[str] = "f"
    query_id: int
    value: int


@dataclass(frozen=True)
class ScopedResults:
    """A page of a logged question's passages within a scope, edited in place: `scope` -1 is 取消筛选
    (no filter read from the question), a positive scope is one speech's id (只看这篇讲话)."""

    prefix: ClassVar[str] = "v"
    query_id: int
    scope: int
    offset: int


@dataclass(frozen=True)
class OneSpeech:
    """只看这篇讲话 under a result: the question asked again within that speech, as a new message."""

    prefix: ClassVar[str] = "o"
    query_id: int
    speech_id: int


@dataclass(frozen=True)
class ExportWord:
    """导出 Word: the page as a .docx (scope as in ScopedResults, 0 for the answer as first given)."""

    prefix: ClassVar[str] = "e"
    query_id: int
    scope: int
    offset: int


@dataclass(frozen=True)
class PinPassage:
    """📌 设为标准答案 (admins): make a passage the agreed answer to the logged question. `scope` and
    `offset` are the view the button was shown in (as in ExportWord), so the message it is under is
    shown again in that view. Buttons made before they were added ("p:query:passage") still decode,
    as the answer as first given."""

    prefix: ClassVar[str] = "p"
    query_id: int
    passage_id: int
    scope: int = 0
    offset: int = 0


@dataclass(frozen=True)
class UnpinPassage:
    """取消标准答案 (admins) under the pinned passage of an answer: remove that pin. `query_id`, `scope` and
    `offset` are the view the button was shown in, shown again without the pin."""

    prefix: ClassVar[str] = "u"
    pin_id: int
    query_id: int
    scope: int = 0
    offset: int = 0


@dataclass(frozen=True)
class AskPinned:
    """📌 看标准答案 under an answer: the pinned question asked, as a new message (its agreed answer).
    `query_id` is the logged question it was offered to (0: none), whose wording is kept when taken."""

    prefix: ClassVar[str] = "a"
    pin_id: int
    query_id: int = 0


@dataclass(frozen=True)
class RemoveSpeech:
    """删除旧版 (admins) under an upload report naming a near copy, and 确定删除 / 取消 under the question
    it asks: `step` ASK asks to confirm (a new message), DO removes the speech, CANCEL leaves it."""

    prefix: ClassVar[str] = "d"
    ASK: ClassVar[int] = 0
    DO: ClassVar[int] = 1
    CANCEL: ClassVar[int] = 2
    speech_id: int
    step: int = 0


@dataclass(frozen=True)
class KeepBoth:
    """两篇都保留 (admins) under an upload report naming a near copy: both versions stay, and their warning is
    not said again (`Store.keep_both`, as `speechqa keep-both`)."""

    prefix: ClassVar[str] = "b"
    speech_id: int
    other_id: int


@dataclass(frozen=True)
class AddForwarded:
    """📥 加入资料库 (admins) under the bot's reply to a notice forwarded to it: the notice (the message that
    reply quotes, which Telegram gives with the press: nothing is kept meanwhile) is added as a document."""

    prefix: ClassVar[str] = "g"


@dataclass(frozen=True)
class PinsPage:
    """A page of /pins, the standard answers listed for admins (the message is edited in place)."""

    prefix: ClassVar[str] = "k"
    page: int


@dataclass(frozen=True)
class UnpinListed:
    """取消 under a pin listed by /pins (admins): remove that pin, then show the list's `page` again."""

    prefix: ClassVar[str] = "z"
    pin_id: int
    page: int = 0


@dataclass(frozen=True)
class AskExample:
    """One of the example questions offered by /start."""

    prefix: ClassVar[str] = "x"
    index: int


Callback = (
    MoreResults
    | ShowContext
    | MoveContext
    | ShowSource
    | ReadSpeech
    | ListSpeeches
    | ListedSpeech
    | Feedback
    | AskExample
    | ScopedResults
    | OneSpeech
    | ExportWord
    | PinPassage
    | UnpinPassage
    | AskPinned
    | RemoveSpeech
    | KeepBoth
    | AddForwarded
    | PinsPage
    | UnpinListed
)
KINDS: tuple[type[Callback], ...] = get_args(Callback)  # every kind, named once (in the union above)
UNFILTERED = -1  # the scope of 取消筛选
_BY_PREFIX: dict[str, type[Callback]] = {kind.prefix: kind for kind in KINDS}


def encode(callback: Callback) -> str:
    data = ":".join([callback.prefix, *(str(int(v)) for v in astuple(callback))])
    if len(data.encode()) > MAX_BYTES:  # pragma: no cover - ids would need to be absurdly large
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {data}")
    return data


def decode(data: str | None) -> Callback | None:
    """The callback a button's data stands for, or None for data this bot did not make."""
    if not data:
        return None
    prefix, *parts = data.split(":")
    kind = _BY_PREFIX.get(prefix)
    if kind is None or not all(_INT.fullmatch(f) for f in parts):
        return None
    required = sum(f.default is MISSING for f in fields(kind))  # older buttons lack the fields added later
    if not required <= len(parts) <= len(fields(kind)):
        return None
    values = [int(f) for f in parts]
    if kind is Feedback:
        ids, valid = values[:1], values[1] in (1, -1)
    elif kind is ScopedResults:
        ids, valid = values[::2], values[1] == UNFILTERED or values[1] > 0
    elif kind is ExportWord:
        ids, valid = values[::2], values[1] >= UNFILTERED
    elif kind in (PinPassage, UnpinPassage):
        ids, valid = values[:2] + values[3:], len(values) < 3 or values[2] >= UNFILTERED
    elif kind is RemoveSpeech:
        ids, valid = (
            values[:1],
            len(values) < 2 or values[1] in (RemoveSpeech.ASK, RemoveSpeech.DO, RemoveSpeech.CANCEL),
        )
    else:
        ids, valid = values, True
    if not valid or any(v < 0 for v in ids):
        return None
    return kind(*values)


def pattern(kind: type[Callback]) -> Callable[[object], bool]:
    """A CallbackQueryHandler pattern: true for data that decodes to this kind. Anything else (a button
    of an older version, tampered data) falls through to the stale-button handler, so a handler only
    ever sees its own kind."""
    return lambda data: isinstance(data, str) and isinstance(decode(data), kind)
