"""End-to-end tests of issue #13's defects tried again with update shapes no test had used, and of newer
Telegram update types (session 41): the real Application over real HTTP against the fake Bot API. The first
four failed before their fix; the last checks shapes found working, so that they stay so."""

from __future__ import annotations

import io
import logging
import time
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from bot import handlers as bot_handlers
from retrieval import SpeechService

from .bot_harness import ADMIN, GROUP, USER, bot_settings, feed, running_bot, service_on
from .fake_telegram import FakeBotAPI
from .test_bot_clients40 import reaction

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

QUESTION = "离休干部体检规定是什么？"
CITED = "要落实好离休干部每年一次体检的规定"
BROAD = "怎样发挥老干部的作用？"  # several pages: 更多结果 among its buttons
IN_GROUP: dict[str, Any] = {"chat_id": GROUP, "chat_type": "supergroup"}
CHANNEL = {"id": -1009999, "type": "channel", "title": "老干部之家"}
TELEGRAM = {"id": 777000, "is_bot": False, "first_name": "Telegram"}  # who Telegram says sent a post's copy


def errors(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_reaction_in_a_group_telegram_upgraded_is_a_vote_on_the_answer_given_under_its_old_id(
    api: FakeBotAPI, seed_home: Path
) -> None:
    """An enabled basic group upgraded to a supergroup (a new id; the bot's messages come along, their buttons
    now pressed from the supergroup): the buttons kept working, but the asker's 👎 put on the answer given
    before the upgrade was not counted — the answer was remembered under the group's old id. Also after a
    restart."""
    basic, upgraded = -4001, -1004001
    settings = bot_settings(api, allowed_chats=frozenset({GROUP, basic}))
    with service_on(seed_home) as service:
        async with running_bot(api, service, settings) as app:
            await feed(app, api.make_text_update(f"/ask {BROAD}", chat_id=basic, chat_type="group"))
            answer = api.last_message(basic)
            left, _, arrived = api.migrate_group(basic, upgraded)
            await feed(app, left)
            await feed(app, arrived)
    supergroup = {"id": upgraded, "type": "supergroup", "title": f"Chat {basic}"}
    with service_on(seed_home) as service:  # and the bot restarted since
        store = service.library.store
        async with running_bot(api, service, settings) as app:
            await feed(app, api.make_callback_update(answer, answer.button_data("更多结果")))
            assert "第 6–10 条" in answer.plain_text
            await feed(app, api.push_update(reaction(api, supergroup, answer.message_id, USER, "👎")))
            assert (store.query_stats().helpful, store.query_stats().unhelpful) == (0, 1)
            await feed(app, api.make_text_update("/ask 还有吗", chat_id=upgraded, chat_type="supergroup"))
            assert "第 11–15 条" in api.last_message(upgraded).plain_text  # the page after the one shown


async def test_speech_numbers_written_in_chinese_numerals_name_the_speech(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """「/speech 二」, 「/speech 第三篇」 (as people say the list's numbers) and 「/speech 〇」 got the bare usage line
    「用法：/speech 编号…」, which does not say what was wrong; 「/speech ３」 (full-width) already worked. A number
    written in Chinese numerals or after 第 is now read as the id, 〇 as 0 (no speech's: said so); 「②」 is still
    refused as no way of writing a number, as the command line refuses it."""
    async with running_bot(api, seed_service) as app:

        async def speech(argument: str) -> str:
            await feed(app, api.make_text_update(f"/speech {argument}"))
            return api.last_message(USER).plain_text

        second, third = await speech("2"), await speech("3")
        assert second.startswith("📄 ") and third.startswith("📄 ") and second != third
        assert await speech("二") == second
        assert await speech("第三篇") == third
        assert await speech("３") == third
        assert await speech("第２篇") == second
        assert (await speech("〇")).startswith("没有编号为 0 的讲话")
        assert (await speech("十二")).startswith("没有编号为 12 的讲话")
        assert (await speech("②")).startswith("「②」不是编号")
        assert (await speech("老年大学")).startswith("用法：/speech 编号")  # words: how to use it, as before


async def test_a_channel_post_copied_into_its_discussion_group_is_no_question(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """A channel's post is copied by Telegram into the channel's discussion group, sent as the channel
    (`is_automatic_forward`). A post announcing the bot — 「大家可以用 @speechqa_bot 查询讲话原文，例如…？」 — was
    answered there as a question (「🔶 可能相关」 over five passages, under the channel's post), and so was a post
    beginning /ask. Channel posts get nothing, their copies now too (and their edits); a member's reply to the
    copy asking the bot is answered."""
    now = int(time.time())

    def copied(text: str, message_id: int) -> dict[str, Any]:
        update = api.make_text_update(text, **IN_GROUP)
        update["message"].update(
            {
                "from": TELEGRAM,
                "sender_chat": CHANNEL,
                "is_automatic_forward": True,
                "forward_origin": {"type": "channel", "chat": CHANNEL, "message_id": message_id, "date": now},
            }
        )
        return update

    async with running_bot(api, seed_service) as app:
        announced = copied(f"本周起，大家可以用 @speechqa_bot 查询讲话原文，例如{QUESTION}", 9)
        await feed(app, announced)
        await feed(app, copied(f"/ask {QUESTION}", 10))
        await feed(app, api.make_edited_update(announced, f"@speechqa_bot 查询讲话原文，例如{QUESTION}"))
        assert api.messages(GROUP) == []
        assert seed_service.library.store.query_stats().questions == 0
        await feed(
            app,
            api.make_text_update(
                f"@speechqa_bot {QUESTION}", reply_to_message=announced["message"], **IN_GROUP
            ),
        )
    (answer,) = api.messages(GROUP)
    assert CITED in answer.plain_text


async def test_a_payment_in_private_is_a_service_message_not_something_to_hint_at(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """A `successful_payment` (a Stars payment's receipt) in private got 「请用文字提问。」: python-telegram-bot does
    not count it among its status updates, as it counts a refunded payment, a giveaway made or a checklist's
    task done, which got nothing. Service messages get nothing."""
    payment = {
        "currency": "XTR",
        "total_amount": 5,
        "invoice_payload": "x",
        "telegram_payment_charge_id": "c1",
        "provider_payment_charge_id": "",
    }
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_message_update({"successful_payment": payment}))
        await feed(app, api.make_message_update({"refunded_payment": payment}))
        await feed(app, api.make_message_update({"giveaway_created": {}}))
        await feed(app, api.make_message_update({"checklist_tasks_done": {"marked_as_done_task_ids": [1]}}))
    assert api.messages(USER) == []


def small_jpeg() -> bytes:
    data = io.BytesIO()
    Image.new("RGB", (400, 300), "white").save(data, "JPEG")
    return data.getvalue()


async def test_update_shapes_no_test_had_sent_are_answered_as_staff_expect(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    """Tried and found working (no change): each shape of issue #13's defects or of newer Telegram that no test
    had sent, and what it gets."""
    now = int(time.time())
    topic = api.create_forum_topic(GROUP, "体检")
    with caplog.at_level(logging.INFO):
        async with running_bot(api, seed_service) as app:
            # a late press on an inline message's button: refused as too old, nothing else, no error
            await feed(app, api.make_text_update(BROAD))
            answer = api.last_message(USER)
            api.clear_calls()
            press = api.make_callback_update(answer, answer.button_data("上下文 1"), age=60)
            del press["callback_query"]["message"]
            press["callback_query"]["inline_message_id"] = "AAAAAgAAAAEAAAAAAAAAAA"
            await feed(app, press)
            assert [c.method for c in api.calls] == ["answerCallbackQuery"] and api.messages(USER) == [answer]

            # a forum's General topic (no message_thread_id) and a named topic are conversations of their own
            await feed(app, api.make_text_update(f"/ask {BROAD}", **IN_GROUP))
            await feed(app, api.make_text_update("/ask 还有吗", message_thread_id=topic, **IN_GROUP))
            assert api.last_message(GROUP).plain_text == bot_handlers.NOTHING_BEFORE
            assert api.last_message(GROUP).thread_id == topic
            await feed(app, api.make_text_update("/ask 还有吗", **IN_GROUP))
            assert (
                "第 6–10 条" in api.last_message(GROUP).plain_text
                and api.last_message(GROUP).thread_id is None
            )

            # an admin's photo Telegram will not hand over ("file is too big"): one Chinese line
            api.fail_next("getFile", 400, description="Bad Request: file is too big")
            await feed(app, api.make_photo_update(content=small_jpeg(), user_id=ADMIN))
            assert api.last_message(ADMIN).plain_text.startswith("❌ 文件太大：照片-")

            # a bare /ask replying to another chat's message (external_reply) with a quote asks the quote
            external = {"origin": {"type": "channel", "chat": CHANNEL, "message_id": 7, "date": now}}
            bare = api.make_text_update("/ask", **IN_GROUP)
            bare["message"].update({"external_reply": external, "quote": {"text": QUESTION, "position": 0}})
            await feed(app, bare)
            assert CITED in api.last_message(GROUP).plain_text

            # an anonymous group admin: answered in the group; /stats sent to the private chat
            anonymous = {
                "id": 1087968824,
                "is_bot": True,
                "first_name": "Group",
                "username": "GroupAnonymousBot",
            }
            for text in (f"/ask {QUESTION}", "/stats"):
                update = api.make_text_update(text, **IN_GROUP)
                update["message"].update(
                    {"from": anonymous, "sender_chat": {"id": GROUP, "type": "supergroup"}}
                )
                await feed(app, update)
            assert api.last_message(GROUP).plain_text == bot_handlers.PRIVATE_ONLY

            # newer message shapes in private: a question's extra fields change nothing; media gets the hint
            for extra in (
                {"link_preview_options": {"is_disabled": True}},
                {"external_reply": external},
                {"via_bot": {"id": 777, "is_bot": True, "first_name": "wiki", "username": "wiki"}},
                {"paid_star_count": 10},
                {"effect_id": "5104841245755180586"},
                {"reply_to_story": {"chat": CHANNEL, "id": 5}},
            ):
                api.clear_calls()
                await feed(app, api.make_message_update({"text": QUESTION, **extra}))
                assert CITED in api.last_message(USER).plain_text, extra
            paid = {"star_count": 5, "paid_media": [{"type": "preview", "width": 10, "height": 10}]}
            for media in (
                {"paid_media": paid},
                {"story": {"chat": CHANNEL, "id": 5}},
                {"giveaway": {"chats": [CHANNEL], "winners_selection_date": now, "winner_count": 3}},
                {"checklist": {"title": "本周", "tasks": [{"id": 1, "text": "体检"}]}},
            ):
                await feed(app, api.make_message_update(media))
                assert api.last_message(USER).plain_text == "请用文字提问。", media
            await feed(app, api.make_message_update({"paid_media": paid, "caption": QUESTION}))
            assert CITED in api.last_message(USER).plain_text

            # update types for a shop, a business account or a poll: nothing said, nothing sent
            api.clear_calls()
            user = {"id": USER, "is_bot": False, "first_name": "Alice"}
            for update in (
                {
                    "pre_checkout_query": {
                        "id": "pc",
                        "from": user,
                        "currency": "XTR",
                        "total_amount": 5,
                        "invoice_payload": "x",
                    }
                },
                {"purchased_paid_media": {"from": user, "paid_media_payload": "x"}},
                {
                    "poll_answer": {
                        "poll_id": "p",
                        "user": user,
                        "option_ids": [0],
                        "option_persistent_ids": ["a"],
                    }
                },
                {
                    "deleted_business_messages": {
                        "business_connection_id": "BC1",
                        "chat": {"id": 4242, "type": "private", "first_name": "C"},
                        "message_ids": [1, 2],
                    }
                },
            ):
                await feed(app, api.push_update(update))
            await feed(app, api.push_update(api.make_business_connection_update()))
            await feed(app, api.push_update(api.make_business_message_update(QUESTION)))
            assert api.calls == []
    assert not errors(caplog), errors(caplog)
