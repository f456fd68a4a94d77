"""Pure parts of the bot: callback data, the rate limit, the access policy, addressing, throttling."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot import (
    AccessPolicy,
    SlidingWindow,
    Throttle,
    addressed_to_bot,
    decode,
    encode,
    file_url_for,
    keyboards,
    pseudonym,
    said,
)
from bot import callbacks as cb
from bot.memory import remember
from index import AddOutcome, FileOutcome, NearCopy, SpeechRecord

from .fake_telegram import FakeBotAPI

ids = st.integers(min_value=0, max_value=10**18 - 1)


# -- callback data ----------------------------------------------------------------------------------
@given(
    st.one_of(
        st.builds(cb.MoreResults, ids, ids),
        st.builds(cb.ShowContext, ids),
        st.builds(cb.MoveContext, ids),
        st.builds(cb.ShowSource, ids),
        st.builds(cb.ReadSpeech, ids, ids),
        st.builds(cb.ListSpeeches, ids),
        st.builds(cb.ListedSpeech, ids),
        st.builds(cb.Feedback, ids, st.sampled_from([1, -1])),
        st.builds(cb.AskExample, ids),
        st.builds(cb.ScopedResults, ids, st.one_of(st.just(cb.UNFILTERED), st.integers(1, 10**18 - 1)), ids),
        st.builds(cb.OneSpeech, ids, ids),
        st.builds(cb.ExportWord, ids, st.integers(cb.UNFILTERED, 10**18 - 1), ids),
        st.builds(cb.PinPassage, ids, ids),  # as buttons made before pins carried their view
        st.builds(cb.PinPassage, ids, ids, st.integers(cb.UNFILTERED, 10**9 - 1), st.integers(0, 10**6)),
        st.builds(cb.UnpinPassage, ids, ids, st.integers(cb.UNFILTERED, 10**9 - 1), st.integers(0, 10**6)),
        st.builds(cb.AskPinned, ids),
        st.builds(cb.AskPinned, ids, ids),
        st.builds(cb.PinsPage, ids),
        st.builds(cb.UnpinListed, ids, ids),
    )
)
def test_callback_data_round_trips_within_64_bytes(callback: cb.Callback) -> None:
    data = encode(callback)
    assert len(data.encode()) <= 64
    assert decode(data) == callback


def test_callback_data_is_compact() -> None:
    assert encode(cb.MoreResults(42, 5)) == "m:42:5"
    assert encode(cb.ShowContext(310)) == "c:310"
    assert encode(cb.ShowSource(2)) == "s:2"
    assert encode(cb.Feedback(42, 1)) == "f:42:1"


@pytest.mark.parametrize(
    "data",
    [
        *(None, "", "m", "m:1", "m:1:2:3", "m:a:1", "c:-1", "f:1:0", "f:1:2", "q:1", "c:1.5"),
        *("v:1:0:0", "v:1:-2:0", "v:-1:3:0", "v:1:3:-5", "e:1:-2:0", "o:1:-3", "p:1", "p:-1:2"),
        *("p:1:2:-2:0", "p:1:2:0:-5", "p:1:-2:0:0", "p:1:2:0:0:0", "a", "a:-1", "a:1:-2", "a:1:2:3", "a:x"),
        *("u:1", "u:1:2:-2:0", "u:-1:2", "u:1:2:0:-1"),
    ],
)
def test_foreign_or_malformed_callback_data_decodes_to_none(data: str | None) -> None:
    assert decode(data) is None
    assert not any(cb.pattern(kind)(data) for kind in cb.KINDS)  # no handler takes it: "stale button"


def test_a_pin_button_of_an_earlier_version_decodes_as_the_answer_as_first_given() -> None:
    assert decode("p:42:310") == cb.PinPassage(42, 310, 0, 0)
    assert encode(cb.PinPassage(42, 310, 3, 5)) == "p:42:310:3:5"


def test_each_handler_pattern_takes_only_its_own_kind() -> None:
    samples = [cb.MoreResults(42, 5), cb.ShowContext(3), cb.Feedback(7, -1), cb.AskExample(0)]
    for sample in samples:
        assert [kind for kind in cb.KINDS if cb.pattern(kind)(encode(sample))] == [type(sample)]


# -- rate limit -------------------------------------------------------------------------------------
def test_sliding_window_refuses_over_the_limit_and_repeats_the_notice_after_a_gap() -> None:
    window = SlidingWindow(limit=2, window=60, notice_gap=5)
    assert window.check("u", 0).allowed and window.check("u", 10).allowed
    third = window.check("u", 20)
    assert not third.allowed and third.notify and third.retry_after == 40
    burst = window.check("u", 22)
    assert not burst.allowed and not burst.notify  # a burst within the gap: one notice
    fourth = window.check("u", 30)
    assert not fourth.allowed and fourth.notify and fourth.retry_after == 30  # told again, not silent
    assert window.check("other", 30).allowed  # per user
    assert window.check("u", 60.5).allowed  # the first event left the window
    refused = window.check("u", 61)
    assert not refused.allowed and refused.notify  # allowed in between: a new notice


def test_sliding_window_rejects_nonsense_limits() -> None:
    with pytest.raises(ValueError):
        SlidingWindow(0)


# -- access -----------------------------------------------------------------------------------------
def test_with_no_lists_the_bot_is_open_and_has_no_admins() -> None:
    policy = AccessPolicy()
    assert policy.is_open and policy.allows(1, 1) and policy.allows(None, None)
    assert not policy.is_admin(1)


def test_users_admins_and_chats_are_allowed_and_nobody_else() -> None:
    policy = AccessPolicy(
        allowed_users=frozenset({1}), allowed_chats=frozenset({-100}), admins=frozenset({2})
    )
    assert policy.allows(1, 1) and policy.allows(2, 2)  # an admin is an allowed user
    assert policy.allows(3, -100)  # anyone in an allowed chat
    assert not policy.allows(3, 3) and not policy.allows(3, -200) and not policy.allows(None, None)
    assert policy.is_admin(2) and not policy.is_admin(1)
    assert not AccessPolicy(admins=frozenset({2})).allows(1, 1)  # only admins: a closed bot


def test_in_a_group_only_the_chat_counts_not_who_writes() -> None:
    policy = AccessPolicy(
        allowed_users=frozenset({1}), allowed_chats=frozenset({-100}), admins=frozenset({2})
    )
    assert policy.allows(3, -100, group=True)  # anyone in an allowed group
    assert not policy.allows(1, -200, group=True)  # an allowed user in a group nobody allowed
    assert not policy.allows(2, -200, group=True)  # an admin too: every member would read the answer
    assert AccessPolicy().allows(3, -200, group=True)  # an open bot is open everywhere


def _message(update: dict[str, Any]) -> Message:
    message = Message.de_json(update["message"], None)
    assert message is not None
    return message


def test_private_messages_are_addressed_to_the_bot_group_chatter_is_not() -> None:
    api = FakeBotAPI()
    group = {"chat_type": "group"}

    def addressed(update: dict[str, Any]) -> bool:
        return addressed_to_bot(_message(update), "speechqa_bot", 123)

    assert addressed(api.make_text_update("hello"))
    assert not addressed(api.make_text_update("hello everyone", **group))
    assert addressed(api.make_text_update("/ask 问题", **group))
    assert addressed(api.make_text_update("/ask@SpeechQA_bot 问题", **group))
    assert not addressed(api.make_text_update("/ask@other_bot 问题", **group))
    assert addressed(api.make_text_update("问题 @speechqa_bot", **group))
    assert not addressed(api.make_text_update("问题 @someone", **group))
    bot_message = {
        "message_id": 5,
        "date": 0,
        "chat": {"id": -1, "type": "group"},
        "from": api.bot_user,
        "text": "答",
    }
    assert addressed(api.make_text_update("追问", reply_to_message=bot_message, **group))
    human = dict(bot_message, **{"from": {"id": 9, "is_bot": False, "first_name": "B"}})
    assert not addressed(api.make_text_update("追问", reply_to_message=human, **group))


# -- odds and ends ----------------------------------------------------------------------------------
def test_throttle_skips_identical_text_and_edits_too_close_together() -> None:
    now = [0.0]
    throttle = Throttle(2.0, lambda: now[0])
    assert throttle.due("1/10")
    assert not throttle.due("1/10")
    now[0] = 1.0
    assert not throttle.due("2/10")  # too soon
    now[0] = 2.5
    assert throttle.due("3/10")
    assert not throttle.due("3/10")


def test_file_url_is_derived_from_the_api_url() -> None:
    assert file_url_for("http://127.0.0.1:8081/bot") == "http://127.0.0.1:8081/file/bot"
    assert file_url_for("https://api.telegram.org/bot/") == "https://api.telegram.org/file/bot"


def test_pseudonyms_are_stable_and_hide_the_id() -> None:
    assert pseudonym(1001, b"key") == pseudonym(1001, b"key")
    assert pseudonym(1001, b"key") != pseudonym(1001, b"other") != pseudonym(1002, b"key")
    assert "1001" not in pseudonym(1001, b"key")


# -- what a message says, and what it continues -------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "page"),
    [("2", 2), ("第２页", 2), (" 第 3 頁 ", 3), ("下一页", None), ("2024年", None), ("", None)],
)
def test_a_page_is_asked_for_by_its_number_however_written(text: str, page: int | None) -> None:
    assert said.page_number(text) == page


def test_a_message_continues_the_kind_of_pages_its_buttons_show() -> None:
    speech = SpeechRecord(7, "标题", None, "2024-03-13", "沈伟", "讲话.txt", None, 20)
    speeches = [replace(speech, id=i) for i in (1, 2)]
    middle = keyboards.speech_list_keyboard(speeches, 1, 3)
    last = keyboards.speech_list_keyboard(speeches, 2, 3)
    only = keyboards.speech_list_keyboard(speeches, 0, 1)
    # 「下一页」 continues to the next page, 「上一页」 goes back to the one before (None at either end)
    assert keyboards.continued_of(middle) == keyboards.ListRef(cb.ListSpeeches(2), cb.ListSpeeches(0))
    assert keyboards.continued_of(last) == keyboards.ListRef(None, cb.ListSpeeches(1))
    assert keyboards.continued_of(only) == keyboards.ListRef(None, None)
    reading = keyboards.reading_keyboard(speech, 6, 6)
    assert keyboards.continued_of(reading) == keyboards.ReadingRef(cb.ReadSpeech(7, 12), cb.ReadSpeech(7, 0))
    assert keyboards.continued_of(keyboards.reading_keyboard(speech, 18, 6)) == keyboards.ReadingRef(
        None, cb.ReadSpeech(7, 12)
    )
    # a speech's details (阅读全文), the welcome's examples, a context view: nothing to page
    assert keyboards.continued_of(keyboards.speech_keyboard(speech)) is None
    assert keyboards.continued_of(keyboards.examples_keyboard(["问题"])) is None
    assert keyboards.continued_of(None) is None


@given(
    st.lists(st.integers(1, 400), min_size=1, max_size=10, unique=True),
    st.integers(1, 40).flatmap(lambda pages: st.tuples(st.integers(0, pages - 1), st.just(pages))),
    st.data(),
)
def test_a_list_page_pages_on_with_the_admins_near_copy_rows_under_it(
    ids: list[int], at: tuple[int, int], data: st.DataObject
) -> None:
    """For an admin, a page of /speeches holding a speech kept beside another version of itself carries 🗑 删除旧版
    and 两篇都保留 rows (ops61): it is still a page of the list, its turns read as a member's page's are. Before,
    it was taken for a message with no pages, and 「下一页」 or 「还有吗」 did not go on with the list."""
    page, pages = at
    speeches = [SpeechRecord(i, f"讲话{i}", None, None, None, "a.txt", None, 3) for i in ids]
    near = data.draw(
        st.lists(
            st.builds(
                NearCopy,
                st.sampled_from(ids),
                st.integers(401, 800),
                st.just(0.9),
                st.just("内容相近"),
                st.booleans(),
                st.booleans(),
            ),
            max_size=4,
        )
    )
    titles = {s.id: s.title for s in speeches}
    member = keyboards.continued_of(keyboards.speech_list_keyboard(speeches, page, pages))
    admin_page = keyboards.speech_list_keyboard(speeches, page, pages, near, titles)
    assert (
        keyboards.continued_of(admin_page)
        == member
        == keyboards.ListRef(
            cb.ListSpeeches(page + 1) if page < pages - 1 else None,
            cb.ListSpeeches(page - 1) if page > 0 else None,
        )
    )
    # and once 两篇都保留 took a pair's row away
    for n in near:
        admin_page = keyboards.without_pair(admin_page, cb.KeepBoth(n.speech_id, n.other_id))
        assert keyboards.continued_of(admin_page) == member


_NOT_AN_ANSWERS = st.one_of(
    st.builds(cb.ShowContext, ids),
    st.builds(cb.ExportWord, ids, st.integers(cb.UNFILTERED, 10**6), ids),
    st.builds(cb.AskExample, ids),
    st.builds(cb.KeepBoth, ids, ids),
    st.builds(cb.PinsPage, ids),
    st.builds(cb.ReadSpeech, ids, ids),
)


@given(
    st.lists(st.integers(1, 400), min_size=1, max_size=10, unique=True),
    st.integers(0, 4).flatmap(lambda page: st.tuples(st.just(page), st.integers(page + 1, 6))),
    st.lists(
        st.lists(st.tuples(st.text(min_size=1, max_size=6), _NOT_AN_ANSWERS), min_size=1, max_size=3),
        max_size=3,
    ),
)
def test_a_list_page_is_one_whatever_rows_are_added_under_it(
    ids: list[int], at: tuple[int, int], added: list[list[tuple[str, cb.Callback]]]
) -> None:
    """A page of the list is told by its speech buttons' kind (ListedSpeech), not by the shapes of all its
    buttons: rows of any other kind (an answer's 👍 aside, which makes it an answer) added under it leave it a page
    of the list with the same turns."""
    page, pages = at
    speeches = [SpeechRecord(i, f"讲话{i}", None, None, None, "a.txt", None, 3) for i in ids]
    plain = keyboards.speech_list_keyboard(speeches, page, pages)
    rows = [list(row) for row in plain.inline_keyboard]
    extra = [
        [InlineKeyboardButton(text, callback_data=cb.encode(data)) for text, data in row] for row in added
    ]
    grown = InlineKeyboardMarkup([*rows[:-1], *extra, rows[-1]])
    assert (
        keyboards.continued_of(grown)
        == keyboards.continued_of(plain)
        == keyboards.ListRef(
            cb.ListSpeeches(page + 1) if page < pages - 1 else None,
            cb.ListSpeeches(page - 1) if page > 0 else None,
        )
    )


def test_a_list_page_sent_before_its_buttons_were_listed_speeches_is_still_one() -> None:
    """Pages the bot sent before (a 出处 「s:N」 button per speech) stay in chats: told by their buttons' shapes."""
    old = InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(str(i), callback_data=f"s:{i}") for i in (3, 4)],
            [
                InlineKeyboardButton("◀ 上一页", callback_data="l:0"),
                InlineKeyboardButton("下一页 ▶", callback_data="l:2"),
            ],
        ]
    )
    assert keyboards.continued_of(old) == keyboards.ListRef(cb.ListSpeeches(2), cb.ListSpeeches(0))


def test_an_upload_report_or_a_removal_question_is_no_page_of_the_list() -> None:
    """The near copies' buttons alone (an upload report), 确定删除 / 取消, a speech's card with 🗑 删除这篇: nothing
    that 「下一页」 goes on with."""
    report = keyboards.near_copies_keyboard(
        [FileOutcome("修改稿.docx", (AddOutcome(8, "讲话", "added", 3, similar_to=7),))],
        {7: "讲话", 8: "讲话"},
    )
    speech = SpeechRecord(7, "标题", None, "2024-03-13", "沈伟", "讲话.txt", None, 20)
    assert report is not None and any("删除旧版" in b.text for row in report.inline_keyboard for b in row)
    assert keyboards.continued_of(report) is None
    assert keyboards.continued_of(keyboards.removal_keyboard(7)) is None
    assert keyboards.continued_of(keyboards.speech_keyboard(speech, removable=True)) is None


def test_a_bounded_memory_forgets_the_least_recently_remembered_first() -> None:
    memory: OrderedDict[int, str] = OrderedDict()
    for key in (1, 2, 3):
        remember(memory, key, str(key), 3)
    remember(memory, 1, "again", 3)  # remembered anew: now the newest
    remember(memory, 4, "4", 3)
    assert list(memory.items()) == [(3, "3"), (1, "again"), (4, "4")]


def test_the_commands_typed_with_a_full_width_slash_are_the_bots_own() -> None:
    """Which 「／name」 counts as a command: exactly the commands in the menus."""
    from bot import said
    from bot.commands import ADMIN_COMMANDS, COMMANDS

    assert {c.command for c in (*COMMANDS, *ADMIN_COMMANDS)} == said.COMMAND_NAMES
    for name in ("ask", "speech", "stats"):
        assert {name} <= said.COMMAND_NAMES
