"""End-to-end tests of updates a real Telegram client or server sends that daily use rarely shows: a
group upgraded to a supergroup, the bot made a channel admin, an update delivered twice, messages the
bot cannot read (locations, polls, dice…), a user who blocked the bot. The real Application, over real
HTTP, against the fake Bot API."""

from __future__ import annotations

import copy
import logging
from pathlib import Path
from typing import Any

import pytest

from bot import handlers as bot_handlers
from retrieval import SpeechService

from .bot_harness import (
    GROUP,
    STRANGER,
    USER,
    bot_settings,
    feed,
    free_port,
    running_bot,
    service_on,
    start_polling,
    webhook,
)
from .fake_telegram import FakeBotAPI

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

QUESTION = "离休干部体检规定是什么？"
CITED = "要落实好离休干部每年一次体检的规定"
OTHER_QUESTION = "老年大学要怎么办？"
SUPERGROUP = -1009876543210  # what GROUP becomes when Telegram upgrades it


async def test_an_enabled_group_upgraded_to_a_supergroup_stays_enabled(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    in_group: dict[str, Any] = {"chat_id": GROUP, "chat_type": "group"}
    in_supergroup: dict[str, Any] = {"chat_id": SUPERGROUP, "chat_type": "supergroup"}
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(f"/ask {QUESTION}", **in_group))
        before = api.last_message(GROUP)
        for update in api.migrate_group(GROUP, SUPERGROUP):
            await feed(app, update)
        await feed(app, api.make_text_update(f"/ask {QUESTION}", **in_supergroup))
        after = api.last_message(SUPERGROUP)
        # a button under an answer given before the upgrade (the message now lives in the supergroup)
        await feed(app, api.make_callback_update(before, before.button_data("👍")))
    async with running_bot(api, seed_service) as app:  # after a restart too
        await feed(app, api.make_text_update(f"@speechqa_bot {QUESTION}", **in_supergroup))
        restarted = api.last_message(SUPERGROUP)

    assert CITED in after.plain_text and CITED in restarted.plain_text
    assert all("尚未开通" not in t for t in api.texts_sent(ok=None))
    assert seed_service.library.store.query_stats().helpful == 1


async def test_a_supergroup_made_from_a_group_nobody_enabled_is_not_enabled(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    stranger_group = -100777
    async with running_bot(api, seed_service) as app:
        for update in api.migrate_group(stranger_group, SUPERGROUP):
            await feed(app, update)
        await feed(app, api.make_text_update(f"/ask {QUESTION}", chat_id=SUPERGROUP, chat_type="supergroup"))
    assert "本群尚未开通" in api.last_message(SUPERGROUP).plain_text
    assert all(CITED not in t for t in api.texts_sent(ok=None))


async def test_made_admin_of_a_channel_the_bot_posts_nothing_there(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    channel = -1001444000000
    async with running_bot(api, seed_service) as app:
        await feed(
            app, api.make_my_chat_member_update(channel, chat_type="channel", new_status="administrator")
        )
        await feed(app, api.make_my_chat_member_update(GROUP, new_status="administrator"))
    assert not api.messages(channel)  # a channel's subscribers would all read it
    assert "大家好" in api.last_message(GROUP).plain_text  # added to an enabled group as admin: welcome


async def test_an_update_delivered_twice_is_answered_once(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """Telegram delivers an update again when it did not see it confirmed in time (a webhook that
    answered slowly, a restart before getUpdates confirmed the offset)."""
    update = api.make_text_update(QUESTION)
    async with running_bot(api, seed_service) as app:
        await feed(app, copy.deepcopy(update))
        await feed(app, copy.deepcopy(update))
        answer = api.last_message(USER)
        press = api.make_callback_update(answer, answer.button_data("👍"))
        await feed(app, copy.deepcopy(press))
        await feed(app, copy.deepcopy(press))
    assert len(api.messages(USER)) == 1
    assert seed_service.library.store.query_stats().questions == 1
    assert len(api.calls_of("answerCallbackQuery", ok=None)) == 1


async def test_updates_delivered_again_after_a_restart_are_not_handled_again(
    api: FakeBotAPI, seed_home: Path
) -> None:
    """The bot stopped (or crashed) after answering a question and a 👍, before Telegram learned that it
    had: after the restart (a new process on the same data home) Telegram delivers both again, under the
    same update_id. The user's edit of the question, a new update, is still answered: in the answer given
    before the restart (since session 41; it used to get a second answer)."""
    question = api.make_text_update(QUESTION)
    with service_on(seed_home) as service:
        async with running_bot(api, service) as app:
            await start_polling(app)
            api.push_update(copy.deepcopy(question))
            await api.wait_for("sendMessage", timeout=20)
            answer = api.last_message(USER)
            press = api.make_callback_update(answer, answer.button_data("👍"))
            api.push_update(copy.deepcopy(press))
            await api.wait_for("answerCallbackQuery", timeout=20)
    edit = api.make_edited_update(question, OTHER_QUESTION)
    for update in (question, press, edit):
        api.push_update(copy.deepcopy(update))
    with service_on(seed_home) as service:
        async with running_bot(api, service) as app:
            await start_polling(app)
            await api.wait_for("editMessageText", timeout=20)
        stats = service.library.store.query_stats()
    # running_bot's exit waited for every update taken to be handled: a second answer would be here
    (first,) = api.texts_sent()
    (edited,) = api.calls_of("editMessageText")
    second = str(edited.params["text"])
    assert edited.params["message_id"] == answer.message_id
    assert CITED in first and CITED not in second and "老年大学" in second
    assert len(api.calls_of("answerCallbackQuery", ok=None)) == 1
    assert (stats.questions, stats.helpful) == (2, 1)
    assert api.pending_updates == []


async def test_an_update_posted_again_to_the_webhook_after_a_restart_is_not_answered_again(
    api: FakeBotAPI, seed_home: Path
) -> None:
    port = free_port()
    question = api.make_text_update(QUESTION)
    later = api.make_text_update("/help")
    for deliveries in ([question], [question, later]):
        with service_on(seed_home) as service:
            async with running_bot(api, service) as app, webhook(app, port) as post:
                for update in deliveries:
                    assert await post(copy.deepcopy(update)) == 200
                await api.wait_for("sendMessage", count=len(deliveries), timeout=20)
    first, second = api.texts_sent()
    assert CITED in first and "使用说明" in second


async def test_messages_the_bot_cannot_read_get_a_hint_in_private(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    kinds = {
        "location": {"location": {"latitude": 28.0, "longitude": 120.6}},
        "contact": {"contact": {"phone_number": "+86 1", "first_name": "王"}},
        "dice": {"dice": {"emoji": "🎲", "value": 3}},
        "venue": {
            "venue": {
                "location": {"latitude": 28.0, "longitude": 120.6},
                "title": "老干部活动中心",
                "address": "温州",
            }
        },
        "poll": {
            "poll": {
                "id": "1",
                "question": "去不去？",
                "options": [{"text": "去", "voter_count": 0, "persistent_id": "0"}],
                "total_voter_count": 0,
                "is_closed": False,
                "is_anonymous": True,
                "type": "regular",
                "allows_multiple_answers": False,
                "allows_revoting": False,
                "members_only": False,
            }
        },
    }
    async with running_bot(api, seed_service) as app:
        for fields in kinds.values():
            await feed(app, api.make_message_update(fields))
        # a service message (the user pinned a message) is nobody's question: no reply
        await feed(
            app,
            api.make_message_update(
                {"pinned_message": {"message_id": 1, "date": 0, "chat": {"id": USER, "type": "private"}}}
            ),
        )
    replies = [m.plain_text for m in api.messages(USER)]
    assert len(replies) == len(kinds) and all("请用文字" in r for r in replies)


async def test_a_user_who_blocked_the_bot_gets_no_apology_and_others_are_served(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    colleague = 1003
    settings = bot_settings(api, allowed_users=frozenset({USER, colleague}))
    async with running_bot(api, seed_service, settings) as app:
        api.fail_next("sendMessage", 403, None, "Forbidden: bot was blocked by the user")
        with caplog.at_level(logging.INFO):
            await feed(app, api.make_text_update(QUESTION))
        await feed(app, api.make_text_update(QUESTION, user_id=colleague))
    assert [c.params["chat_id"] for c in api.calls_of("sendMessage", ok=None)] == [USER, colleague]
    assert bot_handlers.APOLOGY not in api.texts_sent(ok=None)
    assert CITED in api.last_message(colleague).plain_text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_an_example_button_pressed_from_an_inline_message_is_declined_politely(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update("/start"))
        welcome = api.last_message(USER)
        press = api.make_callback_update(welcome, welcome.buttons[0]["callback_data"])
        # a tampered client: the same button on an inline message, which has no chat to answer in
        query = press["callback_query"]
        del query["message"]
        query["inline_message_id"] = "AAAAAgAAAAEAAAAAAAAAAA"
        with caplog.at_level(logging.INFO):
            await feed(app, press)
    answered = api.calls_of("answerCallbackQuery")
    assert [c.params.get("text") for c in answered] == [bot_handlers.STALE_BUTTON]
    assert len(api.messages(USER)) == 1  # the welcome only
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_standard_question_button_pressed_from_an_inline_message_is_declined_as_stale(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    store = seed_service.library.store
    pin = store.pin(QUESTION, next(p.id for p in store.passages() if CITED in p.text))
    assert pin is not None
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update("/start"))
        press = api.make_callback_update(api.last_message(USER), f"a:{pin.id}:0", check=False)
        query = press["callback_query"]
        del query["message"]
        query["inline_message_id"] = "AAAAAgAAAAEAAAAAAAAAAA"
        await feed(app, press)
    # the pin is there: the button is not 「已被取消」, it is one this bot did not put there
    assert [c.params.get("text") for c in api.calls_of("answerCallbackQuery")] == [bot_handlers.STALE_BUTTON]
    assert len(api.messages(USER)) == 1  # the welcome only


async def test_an_export_button_for_a_page_past_the_end_sends_no_empty_document(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(QUESTION))
        answer = api.last_message(USER)
        export = answer.button_data("导出 Word")  # e:<query>:<scope>:<offset>
        forged = ":".join([*export.split(":")[:3], "99999"])
        await feed(app, api.make_callback_update(answer, forged, check=False))
        await feed(app, api.make_callback_update(answer, export))
    assert [c.params.get("text") for c in api.calls_of("answerCallbackQuery")] == [
        bot_handlers.STALE_BUTTON,
        "正在生成 Word 文档…",
    ]
    assert len(api.calls_of("sendDocument")) == 1  # the real page's only


async def test_a_question_typed_in_inline_mode_gets_a_button_to_the_private_chat(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    # inline mode enabled with @BotFather: 「@speechqa_bot 问题」 typed in any chat reaches the bot
    async with running_bot(api, seed_service) as app:
        with caplog.at_level(logging.INFO):
            await feed(app, api.make_inline_query_update(QUESTION))
            await feed(app, api.make_inline_query_update(QUESTION, user_id=STRANGER))  # stopped by the gate
            await feed(app, api.make_text_update("/start inline"))  # where the button leads
    answered = api.calls_of("answerInlineQuery")
    assert len(answered) == 1 and answered[0].params["results"] == []
    assert answered[0].params["button"] == {"text": bot_handlers.INLINE_HINT, "start_parameter": "inline"}
    assert [m.plain_text.split("\n")[0] for m in api.messages()] == [
        "您好！我能在讲话稿中查找问题的原文出处。"
    ]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_buttons_that_send_a_new_message_pressed_from_an_inline_message_are_declined_as_stale(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(QUESTION))
        answer = api.last_message(USER)
        for label in ("上下文 1", "出处 1"):
            press = api.make_callback_update(answer, answer.button_data(label))
            query = press["callback_query"]  # the same button on an inline message: no chat to send to
            del query["message"]
            query["inline_message_id"] = "AAAAAgAAAAEAAAAAAAAAAA"
            await feed(app, press)
    answered = api.calls_of("answerCallbackQuery")
    assert [c.params.get("text") for c in answered] == [bot_handlers.STALE_BUTTON] * 2
    assert len(api.messages(USER)) == 1  # the answer only: nothing pressed went nowhere in silence
