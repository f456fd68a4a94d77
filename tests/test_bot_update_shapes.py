"""End-to-end tests of update shapes Telegram clients send that the other bot tests do not: commands
naming the bot in a group, stickers and voice notes, forwards of a colleague's message, messages that
show nothing (a Hangul filler, a blank Braille pattern, zero-width characters), questions over the
length limit or full of markup characters, two questions sent at once, buttons under a message the bot
can no longer reach, edited channel posts, the bot removed from a group and added back, and a Telegram
Business account's chats. The real Application, over real HTTP, against the fake Bot API."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest

from bot import handlers as bot_handlers
from retrieval import SpeechService

from .bot_harness import GROUP, STRANGER, USER, feed, running_bot
from .fake_telegram import FakeBotAPI

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

QUESTION = "离休干部体检规定是什么？"
CITED = "要落实好离休干部每年一次体检的规定"
OTHER_QUESTION = "老年大学要怎么办？"
BROAD = "怎样发挥老干部的作用？"  # several pages of results
IN_GROUP: dict[str, Any] = {"chat_id": GROUP, "chat_type": "supergroup"}
STICKER = {
    "sticker": {
        "file_id": "STICKER1",
        "file_unique_id": "S1",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
        "emoji": "👍",
    }
}
VOICE = {"voice": {"file_id": "VOICE1", "file_unique_id": "V1", "duration": 3, "mime_type": "audio/ogg"}}


def errors(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


def quoted(api: FakeBotAPI) -> list[int | None]:
    """The message each sendMessage replied to (None: not a reply)."""
    return [(c.params.get("reply_parameters") or {}).get("message_id") for c in api.calls_of("sendMessage")]


async def test_a_message_that_shows_nothing_is_no_question(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    """Telegram trims spaces, so an "empty" message is sent as characters that show nothing: the Hangul
    filler U+3164, the blank Braille pattern U+2800, zero-width spaces and joiners. U+3164 alone was searched
    as a question (five unrelated passages, and an unanswered question in /stats), U+2800 got the small-talk
    reply; a private chat was told to write the question after an @mention it never typed."""
    blanks = ("\u3164", "\u2800", "\u200b\u2060", "\u3164\ufe0f \u2800")
    async with running_bot(api, seed_service) as app:
        with caplog.at_level(logging.INFO):
            for blank in blanks:
                await feed(app, api.make_text_update(blank))
            await feed(app, api.make_text_update(f"@speechqa_bot {blanks[0]}", **IN_GROUP))
            await feed(app, api.make_text_update(f"/ask {blanks[0]}", **IN_GROUP))
            await feed(app, api.make_photo_update(blanks[1]))  # a photo with a blank caption
    private = [m.plain_text for m in api.messages(USER)]
    assert len(private) == len(blanks) + 1
    assert all(text.startswith("请直接发送要查询的问题，例如：") for text in private), private
    mention, ask = (m.plain_text for m in api.messages(GROUP))
    assert mention.startswith("请在 @我 的后面写上问题") and ask.startswith("用法：/ask 问题")
    assert seed_service.library.store.query_stats().questions == 0  # nothing searched, nothing logged
    assert not errors(caplog)


async def test_a_connected_business_accounts_chats_are_left_alone(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    """A Telegram Business (Premium) user may connect the bot to their account: Telegram then sends the bot
    the messages of the account's private chats. The bot answers in its own chats only — before, a customer
    writing to the staff member got the bot's refusal (「只供授权人员使用…您的用户 ID」) in that chat."""
    async with running_bot(api, seed_service) as app:
        with caplog.at_level(logging.INFO):
            await feed(app, api.make_business_connection_update())
            await feed(app, api.make_business_message_update(QUESTION, customer_id=STRANGER))
            await feed(app, api.make_business_message_update(QUESTION, customer_id=STRANGER, edited=True))
            await feed(app, api.make_business_message_update(QUESTION, customer_id=USER))
            await feed(app, api.make_business_message_update("/help", customer_id=STRANGER, from_owner=True))
            await feed(app, api.make_text_update(QUESTION))  # the bot's own chat is served as before
    assert [c.params["chat_id"] for c in api.calls_of("sendMessage", ok=None)] == [USER]
    assert CITED in api.last_message(USER).plain_text
    assert not errors(caplog)


async def test_commands_naming_the_bot_in_a_group_are_answered_there(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """A group's command menu sends 「/help@speechqa_bot」; usernames are not case-sensitive."""
    async with running_bot(api, seed_service) as app:
        for text in (
            "/help@speechqa_bot",
            "/speech@speechqa_bot 3",
            "/Help@SpeechQA_Bot",
            "/speech@speechqa_bot",
        ):
            await feed(app, api.make_text_update(text, **IN_GROUP))
    help_text, speech, help_again, usage = (m.plain_text for m in api.messages(GROUP))
    assert help_text.startswith("使用说明") and help_again == help_text
    assert "编号：3" in speech
    assert usage.startswith("用法：/speech 编号")
    assert all(q is not None for q in quoted(api))  # in a group each reply quotes what it answers


async def test_stickers_and_voice_notes_get_a_hint_in_private_and_silence_in_a_group(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_message_update(STICKER))
        await feed(app, api.make_message_update(VOICE))
        await feed(app, api.make_text_update(f"/ask {QUESTION}", **IN_GROUP))
        answer = api.last_message(GROUP)
        await feed(app, api.make_message_update(STICKER, **IN_GROUP))
        await feed(app, api.make_message_update(VOICE, reply_to_message=answer, **IN_GROUP))  # a 👍 in voice
        await feed(
            app, api.make_message_update({**VOICE, "caption": QUESTION})
        )  # a question written under it
    hint, hint_again, answered = (m.plain_text for m in api.messages(USER))
    assert hint == hint_again == "请用文字提问。" and CITED in answered
    assert len(api.messages(GROUP)) == 1  # the answer only: group chatter is not for the bot


async def test_a_colleagues_question_forwarded_to_the_bot_is_answered(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    origins = (
        {"type": "user", "date": 1, "sender_user": {"id": 5, "is_bot": False, "first_name": "Bob"}},
        {"type": "hidden_user", "date": 1, "sender_user_name": "Bob"},
        {
            "type": "channel",
            "date": 1,
            "chat": {"id": -1001, "type": "channel", "title": "通知"},
            "message_id": 4,
        },
    )
    async with running_bot(api, seed_service) as app:
        for origin in origins:
            await feed(app, api.make_message_update({"text": QUESTION, "forward_origin": origin}))
        await feed(app, api.make_text_update(QUESTION, username=None))  # a user without a @username
    assert [CITED in m.plain_text for m in api.messages(USER)] == [True] * 4


async def test_over_long_questions_and_markup_characters_are_answered_in_chinese_in_valid_html(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    marked = "<b>离休干部</b> & 体检 *规定* _是_ [什么](x) </i> &amp;"
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update("离休干部体检" * 700))  # 4,200 characters
        await feed(app, api.make_text_update(marked))
        await feed(app, api.make_text_update(f"/ask {marked}", **IN_GROUP))
    too_long, answer = api.messages(USER)
    assert too_long.plain_text.startswith("❌ 问题太长（4200 字）")
    assert answer.plain_text.startswith(f"🔎 {marked}") and CITED in answer.plain_text
    assert api.last_message(GROUP).plain_text.startswith(f"🔎 {marked}")
    assert not api.calls_of("sendMessage", ok=False)  # the fake refuses invalid HTML as Telegram does


async def test_two_questions_sent_at_once_are_each_answered_under_their_own_heading(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    async with running_bot(api, seed_service) as app:
        await asyncio.gather(
            feed(app, api.make_text_update(QUESTION)), feed(app, api.make_text_update(OTHER_QUESTION))
        )
        group = [api.make_text_update(f"/ask {q}", **IN_GROUP) for q in (QUESTION, OTHER_QUESTION)]
        await asyncio.gather(*(feed(app, u) for u in group))
    headings = sorted(m.plain_text.split("\n")[0] for m in api.messages(USER))
    assert headings == sorted(f"🔎 {q}" for q in (QUESTION, OTHER_QUESTION))
    # in a group, each answer quotes its own question, whichever is ready first
    asked = {u["message"]["message_id"]: u["message"]["text"][5:] for u in group}
    for call in api.calls_of("sendMessage"):
        if call.params["chat_id"] == GROUP:
            assert str(call.params["text"]).startswith(
                f"🔎 <b>{asked[call.params['reply_parameters']['message_id']]}"
            )


async def test_buttons_under_a_message_the_bot_can_no_longer_reach_still_work(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    """Telegram sends an InaccessibleMessage (chat, id, date 0) in place of a deleted or too old message."""
    async with running_bot(api, seed_service) as app:
        with caplog.at_level(logging.INFO):
            await feed(app, api.make_text_update(BROAD))
            answer = api.last_message(USER)
            api.delete_as_user(answer)
            for label in ("更多结果", "上下文 1", "👍"):
                await feed(
                    app, api.make_callback_update(answer, answer.button_data(label), inaccessible=True)
                )
            await feed(app, api.make_callback_update(answer, "x:1:garbage", check=False, inaccessible=True))
    next_page, context = api.messages(USER)  # the answer itself was deleted
    assert next_page.plain_text.startswith(f"🔎 {BROAD}") and "第 6–" in next_page.plain_text
    assert context.plain_text.startswith("📖 上下文")
    toasts = [c.params.get("text") for c in api.calls_of("answerCallbackQuery")]
    assert toasts == [None, None, "感谢反馈！👍", bot_handlers.STALE_BUTTON]
    assert not errors(caplog)


async def test_edited_channel_posts_and_the_bot_removed_from_a_group_get_no_message(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    channel = -1001444000000
    post = api.make_channel_post_update(QUESTION, chat_id=channel)
    edited = {
        "update_id": post["update_id"] + 10_000,
        "edited_channel_post": {**post["channel_post"], "edit_date": 2},
    }
    async with running_bot(api, seed_service) as app:
        with caplog.at_level(logging.INFO):
            await feed(app, edited)
            for old, new in (("member", "left"), ("left", "member"), ("member", "administrator")):
                await feed(app, api.make_my_chat_member_update(GROUP, old_status=old, new_status=new))
    assert not api.messages(channel)
    (welcome,) = api.messages(GROUP)  # added back: welcomed once; made an admin: nothing more to say
    assert welcome.plain_text.startswith("大家好")
    assert not errors(caplog)
