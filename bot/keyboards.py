"""The inline keyboards under the bot's messages (their data is encoded by `callbacks`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from index import FileOutcome, NearCopy, PassageRecord, SpeechRecord
from retrieval import PinOffer

from .callbacks import (
    UNFILTERED,
    AddForwarded,
    AskExample,
    AskPinned,
    Callback,
    ExportWord,
    Feedback,
    KeepBoth,
    ListedSpeech,
    ListSpeeches,
    MoreResults,
    MoveContext,
    OneSpeech,
    PinPassage,
    PinsPage,
    ReadSpeech,
    RemoveSpeech,
    ScopedResults,
    ShowContext,
    ShowSource,
    UnpinListed,
    UnpinPassage,
    decode,
    encode,
)
from .format import AnswerView

MORE = "更多结果 ▶"
CONTEXT = "上下文"
SOURCE = "出处"
HELPFUL = "👍 有帮助"
UNHELPFUL = "👎 没帮助"
ONE_SPEECH = "只看这篇讲话"
UNFILTER = "取消筛选"
EXPORT = "导出 Word"
PIN = "📌 设为标准答案"
UNPIN = "取消标准答案"
NEXT = "下一页 ▶"
PREVIOUS = "◀ 上一页"
OFFER = "📌 看标准答案："
OFFER_CHARS = 24  # of the pinned question shown on its button


def _button(text: str, callback: Callback) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=encode(callback))


def answer_keyboard(
    view: AnswerView,
    query_id: int,
    offset: int,
    page_size: int,
    *,
    scope: int = 0,
    auto_filtered: bool = False,
    admin: bool = False,
    offer: PinOffer | None = None,
    served_pin: int | None = None,
) -> InlineKeyboardMarkup:
    """For each passage shown: 上下文, 出处, 只看这篇讲话 (and for an admin 📌 设为标准答案, or 取消标准答案
    under the passage pinned, `served_pin`); then
    取消筛选 when a filter was read from the question or the answer is within one speech, 📌 看标准答案 when a standard question close to it
    is offered, paging, 导出 Word, and feedback.

    `scope` is the view the page belongs to: 0 the answer as first given, `UNFILTERED` without the
    filter read from the question, a speech id within that speech."""
    rows = []
    for hit in view.hits:
        row = [
            _button(f"{CONTEXT} {hit.rank}", ShowContext(hit.passage.id)),
            _button(f"{SOURCE} {hit.rank}", ShowSource(hit.passage.speech_id)),
        ]
        if scope <= 0:
            row.append(_button(f"{ONE_SPEECH} {hit.rank}", OneSpeech(query_id, hit.passage.speech_id)))
        rows.append(row)
        if admin and not hit.pinned:
            rows.append([_button(f"{PIN} {hit.rank}", PinPassage(query_id, hit.passage.id, scope, offset))])
        elif admin and served_pin is not None:  # the agreed answer: an admin may take it back
            rows.append([_button(f"{UNPIN} {hit.rank}", UnpinPassage(served_pin, query_id, scope, offset))])
    if (scope == 0 and auto_filtered) or scope > 0:  # within one speech (只看这篇讲话) is a filter too
        rows.append([_button(UNFILTER, ScopedResults(query_id, UNFILTERED, 0))])
    if offer is not None:
        question = (
            offer.question if len(offer.question) <= OFFER_CHARS else offer.question[: OFFER_CHARS - 1] + "…"
        )
        rows.append([_button(OFFER + question, AskPinned(offer.pin_id, query_id))])

    def page(at: int) -> Callback:
        return MoreResults(query_id, at) if scope == 0 else ScopedResults(query_id, scope, at)

    paging = []
    if offset > 0:
        paging.append(_button(PREVIOUS, page(max(0, offset - page_size))))
    if view.next_offset is not None:
        paging.append(_button(MORE, page(view.next_offset)))
    if paging:
        rows.append(paging)
    if view.hits:
        rows.append([_button(EXPORT, ExportWord(query_id, scope, offset))])
    rows.append([_button(HELPFUL, Feedback(query_id, 1)), _button(UNHELPFUL, Feedback(query_id, -1))])
    return InlineKeyboardMarkup(rows)


def context_keyboard(passages: Sequence[PassageRecord], focus_id: int) -> InlineKeyboardMarkup | None:
    if not passages:
        return None
    ids = [p.id for p in passages]
    at = ids.index(focus_id) if focus_id in ids else 0
    row = []
    if at > 0:
        row.append(_button("◀ 前文", MoveContext(ids[at - 1])))
    if at < len(ids) - 1:
        row.append(_button("后文 ▶", MoveContext(ids[at + 1])))
    row.append(_button(SOURCE, ShowSource(passages[0].speech_id)))
    return InlineKeyboardMarkup([row])


def speech_keyboard(speech: SpeechRecord, *, removable: bool = False) -> InlineKeyboardMarkup:
    """Under a speech's card: 阅读全文; for an admin in private (`removable`) 🗑 删除这篇 too (asked first)."""
    row = [_button("阅读全文", ReadSpeech(speech.id, 0))]
    if removable:
        row.append(_button("🗑 删除这篇", RemoveSpeech(speech.id)))
    return InlineKeyboardMarkup([row])


def reading_keyboard(speech: SpeechRecord, start: int, page_size: int) -> InlineKeyboardMarkup | None:
    row = []
    if start > 0:
        row.append(_button(PREVIOUS, ReadSpeech(speech.id, max(0, start - page_size))))
    if start + page_size < speech.passages:
        row.append(_button(NEXT, ReadSpeech(speech.id, start + page_size)))
    return InlineKeyboardMarkup([row]) if row else None


def _page_turns(page: int, pages: int, turn: Callable[[int], Callback]) -> list[InlineKeyboardButton]:
    """上一页 / 下一页 for page `page` of `pages`, each pressing `turn(page ∓ 1)`'s callback."""
    buttons = []
    if page > 0:
        buttons.append(_button(PREVIOUS, turn(page - 1)))
    if page < pages - 1:
        buttons.append(_button(NEXT, turn(page + 1)))
    return buttons


def speech_list_keyboard(
    speeches: Sequence[SpeechRecord],
    page: int,
    pages: int,
    near: Sequence[NearCopy] = (),
    titles: Mapping[int, str] | None = None,
) -> InlineKeyboardMarkup:
    """Under a page of /speeches: a button per speech, for an admin the upload report's 🗑 删除旧版 and 两篇都保留
    for each speech of the page kept beside another version of itself (`near`), and the page turns."""
    buttons = [_button(str(s.id), ListedSpeech(s.id)) for s in speeches]
    rows = [buttons[i : i + 5] for i in range(0, len(buttons), 5)]
    rows += _near_copy_rows([(n.speech_id, n.other_id, n.older) for n in near], titles or {})
    paging = _page_turns(page, pages, ListSpeeches)
    if paging:
        rows.append(paging)
    return InlineKeyboardMarkup(rows)


def pins_keyboard(pin_ids: Sequence[int], page: int, pages: int) -> InlineKeyboardMarkup | None:
    """Under a page of /pins: 取消 #N for each pin shown, and the page turns."""
    buttons = [_button(f"取消 #{n}", UnpinListed(n, page)) for n in pin_ids]
    rows = [buttons[i : i + 3] for i in range(0, len(buttons), 3)]
    paging = _page_turns(page, pages, PinsPage)
    if paging:
        rows.append(paging)
    return InlineKeyboardMarkup(rows) if rows else None


def near_copies_keyboard(
    outcomes: Sequence[FileOutcome], titles: Mapping[int, str]
) -> InlineKeyboardMarkup | None:
    """Under an upload report, for each speech stored beside another version of itself (a corrected version sent
    again): 🗑 删除旧版 #N《title》 (`titles` by speech id), the older of the two — the stored one, or the one
    just sent when it is dated before it —, which an admin would otherwise have to remove on the server; and
    两篇都保留, which ends the warning (a draft and its final version both kept on purpose)."""
    pairs = [
        (s.speech_id, s.similar_to, s.older) for o in outcomes for s in o.speeches if s.similar_to is not None
    ]
    rows = _near_copy_rows(pairs, titles)
    return InlineKeyboardMarkup(rows) if rows else None


def _near_copy_rows(
    pairs: Sequence[tuple[int, int, bool]], titles: Mapping[int, str]
) -> list[list[InlineKeyboardButton]]:
    """For each (speech, the other version, whether the speech is the older): 🗑 删除旧版 #N《title》 and 两篇都保留,
    one row per speech to remove."""
    rows: dict[int, list[InlineKeyboardButton]] = {}
    for speech_id, other_id, older in pairs:
        old = speech_id if older else other_id
        rows.setdefault(
            old,
            [
                _button(f"🗑 删除旧版 #{old}《{short_title(titles.get(old, ''))}》", RemoveSpeech(old)),
                _button("两篇都保留", KeepBoth(speech_id, other_id)),
            ],
        )
    return list(rows.values())


def without_pair(markup: InlineKeyboardMarkup | None, kept: KeepBoth) -> InlineKeyboardMarkup | None:
    """An upload report's buttons once two versions are kept: the row offering to remove one of them goes."""
    if markup is None:
        return None
    rows = [
        row
        for row in markup.inline_keyboard
        if not any(
            isinstance(
                found := decode(b.callback_data if isinstance(b.callback_data, str) else None), KeepBoth
            )
            and {found.speech_id, found.other_id} == {kept.speech_id, kept.other_id}
            for b in row
        )
    ]
    return InlineKeyboardMarkup(rows) if rows else None


BUTTON_TITLE = 14  # characters of a title on a button: a phone shows about a line of them


def short_title(title: str) -> str:
    return title if len(title) <= BUTTON_TITLE else title[: BUTTON_TITLE - 1] + "…"


def forwarded_keyboard() -> InlineKeyboardMarkup:
    """Under the bot's reply to a notice an admin forwarded to it."""
    return InlineKeyboardMarkup([[_button("📥 加入资料库", AddForwarded())]])


def removal_keyboard(speech_id: int) -> InlineKeyboardMarkup:
    """Under 「确定删除讲话 #N…？」."""
    return InlineKeyboardMarkup(
        [
            [
                _button(f"确定删除 #{speech_id}", RemoveSpeech(speech_id, RemoveSpeech.DO)),
                _button("取消", RemoveSpeech(speech_id, RemoveSpeech.CANCEL)),
            ]
        ]
    )


def examples_keyboard(examples: Sequence[str]) -> InlineKeyboardMarkup | None:
    if not examples:
        return None
    return InlineKeyboardMarkup([[_button(q, AskExample(i))] for i, q in enumerate(examples)])


@dataclass(frozen=True)
class AnswerRef:
    """What an answer message's buttons say about it: the logged question it answers, and the button to
    its next page (None on the last page)."""

    query_id: int
    next_page: MoreResults | ScopedResults | None
    previous_page: MoreResults | ScopedResults | None = None  # None on the first page


def answer_of(markup: InlineKeyboardMarkup | None) -> AnswerRef | None:
    """The answer a message of the bot's shows, read from its buttons (None: the message is no answer,
    e.g. the welcome or a speech's details). Buttons carry ids only, so this holds after a restart."""
    if markup is None:
        return None
    query_id, next_page, previous_page = None, None, None
    for row in markup.inline_keyboard:
        for button in row:
            data = decode(button.callback_data if isinstance(button.callback_data, str) else None)
            if isinstance(data, Feedback):
                query_id = data.query_id
            elif isinstance(data, MoreResults | ScopedResults) and button.text == MORE:
                next_page = data
            elif isinstance(data, MoreResults | ScopedResults) and button.text == PREVIOUS:
                previous_page = data
    return AnswerRef(query_id, next_page, previous_page) if query_id is not None else None


def context_of(markup: InlineKeyboardMarkup, rank: int) -> int | None:
    """The passage behind result `rank`'s 上下文 button under an answer (None: no such result shown)."""
    for row in markup.inline_keyboard:
        for button in row:
            data = decode(button.callback_data if isinstance(button.callback_data, str) else None)
            if isinstance(data, ShowContext) and button.text == f"{CONTEXT} {rank}":
                return data.passage_id
    return None


@dataclass(frozen=True)
class ListRef:
    """A page of the speech list (/speeches), read from its buttons: the button to the next page (None on
    the last page)."""

    next_page: ListSpeeches | None
    previous_page: ListSpeeches | None = None  # None on the first page


@dataclass(frozen=True)
class ReadingRef:
    """A page of a speech's full text (阅读全文), read from its buttons: the button to the next page (None
    on the last page)."""

    next_page: ReadSpeech | None
    previous_page: ReadSpeech | None = None  # None on the first page


Continued = AnswerRef | ListRef | ReadingRef


def _near_copy_button(data: Callback | None) -> bool:
    """🗑 删除旧版 or 两篇都保留, as `_near_copy_rows` makes them (under a list page for an admin, or an upload
    report): not 确定删除 / 取消, which are a question of their own."""
    return isinstance(data, KeepBoth) or (isinstance(data, RemoveSpeech) and data.step == RemoveSpeech.ASK)


def _list_page_sent_before(buttons: Sequence[tuple[str, Callback | None]]) -> bool:
    """A page of the list as the bot sent it before its speech buttons were ListedSpeech (tidy62), told by its
    buttons' shapes: a 出处 button per speech (its id), for an admin the near copies' rows, and the paging. Those
    pages stay in chats; nothing is added here for a new row (a new page's ListedSpeech buttons say it)."""
    return any(isinstance(data, ShowSource) and text.isdigit() for text, data in buttons) and all(
        isinstance(data, ListSpeeches)
        or (isinstance(data, ShowSource) and text.isdigit())
        or _near_copy_button(data)
        for text, data in buttons
    )


def continued_of(markup: InlineKeyboardMarkup | None) -> Continued | None:
    """What a message of the bot's shows that 「下一页」 or 「还有吗」 continues (and 「上一页」 goes back in): an answer, a page of the
    speech list or a page of a speech's text. None for a message with no pages (the welcome, a speech's
    details, a speech short enough for one page). Read from the buttons, so it holds after a restart."""
    answer = answer_of(markup)
    if answer is not None or markup is None:
        return answer
    buttons = [
        (b.text, decode(b.callback_data if isinstance(b.callback_data, str) else None))
        for row in markup.inline_keyboard
        for b in row
    ]
    if any(isinstance(data, ListedSpeech) for _, data in buttons) or _list_page_sent_before(buttons):
        return ListRef(
            next((d for t, d in buttons if isinstance(d, ListSpeeches) and t == NEXT), None),
            next((d for t, d in buttons if isinstance(d, ListSpeeches) and t == PREVIOUS), None),
        )
    if buttons and all(isinstance(data, ReadSpeech) and text in (NEXT, PREVIOUS) for text, data in buttons):
        return ReadingRef(
            next((d for t, d in buttons if isinstance(d, ReadSpeech) and t == NEXT), None),
            next((d for t, d in buttons if isinstance(d, ReadSpeech) and t == PREVIOUS), None),
        )
    return None
