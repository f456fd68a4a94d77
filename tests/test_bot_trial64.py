"""End-to-end tests of shapes other Telegram clients and servers produce that no other bot test sent (trial 64,
docs/trial64.md): a forum topic deleted while its question was being answered, and a file the bot sends
refused for its size (413) by Telegram's server, a self-hosted Bot API server or a proxy in front of it. The
real Application, over real HTTP, against the fake Bot API."""

from __future__ import annotations

import logging
import time
from typing import Any

import pytest

from bot import handlers as bot_handlers
from retrieval import SpeechService

from .bot_harness import ADMIN, GROUP, USER, feed, running_bot
from .fake_telegram import FakeBotAPI

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

QUESTION = "离休干部体检规定是什么？"
CITED = "要落实好离休干部每年一次体检的规定"
BROAD = "怎样发挥老干部的作用？"
IN_GROUP: dict[str, Any] = {"chat_id": GROUP, "chat_type": "supergroup"}
CHANNEL = {"id": -1001999000000, "type": "channel", "title": "市委老干部局"}


def problems(caplog: pytest.LogCaptureFixture) -> list[str]:
    """The bot's log records at ERROR, or carrying a traceback (PTB itself logs an ERROR when a server answers
    with an HTML page rather than JSON, as a proxy's 502 page is: that is PTB's, and out of the bot's hands)."""
    return [
        r.getMessage()
        for r in caplog.records
        if r.name.startswith("bot") and (r.levelno >= logging.ERROR or r.exc_info)
    ]


async def test_a_question_whose_forum_topic_was_deleted_meanwhile_gets_no_apology_and_no_traceback(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    """An admin deletes a forum topic (with every message in it) while the bot is answering a question asked
    there: Telegram refuses the answer, "message thread not found". The bot logged an ERROR with a traceback
    and sent 「抱歉，处理这个请求时出了点问题」 into the topic that no longer exists (refused again). Now one
    warning line; the other topic and General are answered as before."""
    gone = api.create_forum_topic(GROUP, "体检")
    kept = api.create_forum_topic(GROUP, "老年大学")
    asked = api.make_text_update(f"/ask {QUESTION}", message_thread_id=gone, **IN_GROUP)
    later = api.make_text_update(f"/ask {QUESTION}", message_thread_id=kept, **IN_GROUP)
    api.delete_topic(GROUP, gone)
    with caplog.at_level(logging.INFO):
        async with running_bot(api, seed_service) as app:
            await feed(app, asked)
            refused = [c for c in api.failed_calls if c.method == "sendMessage"]
            assert [c.description for c in refused] == ["Bad Request: message thread not found"]
            await feed(app, later)
            await feed(app, api.make_text_update(f"/ask {QUESTION}", **IN_GROUP))
    assert [m.thread_id for m in api.messages(GROUP)] == [kept, None]
    assert all(CITED in m.plain_text for m in api.messages(GROUP))
    assert bot_handlers.APOLOGY not in api.texts_sent(ok=None)
    assert not problems(caplog)
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("message thread not found" in line.lower() for line in warned), warned


async def test_a_word_export_refused_for_its_size_is_told_in_one_chinese_line(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    """A self-hosted Bot API server behind a proxy that takes requests of a few kilobytes (nginx's default is
    1 MB), or Telegram's own 50 MB limit: the exported Word file is refused with 413 "Request Entity Too
    Large". The user got 「抱歉，处理这个请求时出了点问题，请稍后再试。」 (trying again meets the same limit) and
    the log an ERROR with a traceback; now a line saying what happened and whom to tell, and the answer and its
    buttons stay as they were. The same press once the limit is raised sends the file."""
    api.upload_limit = 2_000  # bytes: less than any .docx
    with caplog.at_level(logging.INFO):
        async with running_bot(api, seed_service) as app:
            await feed(app, api.make_text_update(BROAD))
            answer = api.last_message(USER)
            shown = answer.plain_text
            await feed(app, api.make_callback_update(answer, answer.button_data("导出 Word")))
            told = api.last_message(USER)
            api.upload_limit = 50 * 1024 * 1024
            await feed(app, api.make_text_update(QUESTION))
            second = api.last_message(USER)
            await feed(app, api.make_callback_update(second, second.button_data("导出 Word")))
    assert told.plain_text == bot_handlers.TOO_LARGE_TO_SEND
    assert [c.status for c in api.calls_of("sendDocument", ok=None)] == [413, 200]
    assert answer.plain_text == shown and answer.button_data("导出 Word")
    assert api.last_message(USER).document is not None
    assert not problems(caplog)
    assert bot_handlers.APOLOGY not in api.texts_sent(ok=None)


def _notice(n: int) -> bytes:
    return f"关于第{n}期老年书画班报名的通知\n第{n}期老年书画班定于下月开班，请离退休干部到活动中心报名。".encode()


async def test_a_file_download_the_file_server_fails_once_is_tried_again_and_the_file_added(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    """Telegram's file server (where a bot fetches a file after getFile) answers 502 Bad Gateway now and then.
    The Bot API's own methods were tried again after such an answer, the download was not: the admin was told
    「无法下载 通知1.txt：Telegram 暂时没有提供这个文件，请稍后重新发送。」 and had to send it again. Now a passing
    failure is tried again (a warning line) and the file added; one the file server keeps refusing is still
    told so, and nothing is added from it."""
    before = len(seed_service.library.store.speeches())
    with caplog.at_level(logging.INFO):
        async with running_bot(api, seed_service) as app:
            api.fail_next_download(502)
            await feed(app, api.make_document_update("书画班1.txt", _notice(1), "text/plain", user_id=ADMIN))
            added = api.last_message(ADMIN).plain_text
            api.fail_next_download(503, times=3)  # as many failures as the bot makes attempts
            await feed(app, api.make_document_update("书画班2.txt", _notice(2), "text/plain", user_id=ADMIN))
            refused = api.last_message(ADMIN).plain_text
            await feed(app, api.make_text_update("第1期老年书画班在哪里报名？"))
    assert added.startswith("📥 书画班1.txt") and "新增 #" in added, added
    assert refused == "❌ 无法下载 书画班2.txt：Telegram 暂时没有提供这个文件，请稍后重新发送。", refused
    assert len(seed_service.library.store.speeches()) == before + 1
    assert "第1期老年书画班" in api.last_message(USER).plain_text
    assert not problems(caplog)
    retried = [
        r.getMessage() for r in caplog.records if r.getMessage().startswith("downloading a file failed")
    ]
    assert len(retried) == 1 + 2, retried


async def test_shapes_other_clients_send_that_no_test_had_sent_are_answered_as_staff_expect(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    """Tried and found working (no change): shapes of other clients and of Telegram's servers that no test had
    sent, each with what it gets."""
    now = int(time.time())
    with caplog.at_level(logging.INFO):
        async with running_bot(api, seed_service) as app:
            # the question on the line after the command (a phone's keyboard), after a no-break space (pasted
            # from a web page) or an ideographic space (a Chinese keyboard); the command named in a group
            for text in (f"/ask\n{QUESTION}", f"/ask\u00a0{QUESTION}", f"/ask\u3000{QUESTION}"):
                await feed(app, api.make_text_update(text))
                assert CITED in api.last_message(USER).plain_text, text
            await feed(app, api.make_text_update(f"/ask@speechqa_bot\n{QUESTION}", **IN_GROUP))
            assert CITED in api.last_message(GROUP).plain_text
            # another bot's command in a group, typed or as a photo's caption: not for this bot
            api.clear_calls()
            await feed(app, api.make_text_update(f"/ask@OtherBot {QUESTION}", **IN_GROUP))
            await feed(app, api.make_photo_update(caption=f"/ask@OtherBot {QUESTION}", **IN_GROUP))
            assert not api.calls_of("sendMessage", ok=None)
            # a custom emoji, bold and a spoiler inside the question: the words are asked
            entities = [
                {"type": "custom_emoji", "offset": 0, "length": 2, "custom_emoji_id": "5368324170671202286"},
                {"type": "bold", "offset": 2, "length": 4},
                {"type": "spoiler", "offset": 6, "length": 2},
            ]
            await feed(app, api.make_text_update("😀" + QUESTION, entities=entities))
            assert CITED in api.last_message(USER).plain_text
            # a colleague's question forwarded in private, whatever its origin: answered
            for origin in (
                {"type": "hidden_user", "sender_user_name": "张三", "date": now},
                {
                    "type": "channel",
                    "chat": CHANNEL,
                    "message_id": 5,
                    "date": now,
                    "author_signature": "李四",
                },
                {
                    "type": "chat",
                    "sender_chat": {"id": -1001888, "type": "supergroup", "title": "群"},
                    "date": now,
                },
                {
                    "type": "user",
                    "sender_user": {"id": 77, "is_bot": False, "first_name": "王五"},
                    "date": now,
                },
            ):
                await feed(app, api.make_message_update({"text": QUESTION, "forward_origin": origin}))
                assert CITED in api.last_message(USER).plain_text, origin
            # a private chat with topics (Bot API 9.3): the answer goes to the asker's topic
            topical = api.make_text_update(QUESTION)
            topical["message"].update({"message_thread_id": 77, "is_topic_message": True})
            await feed(app, topical)
            assert api.calls_of("sendMessage")[-1].params.get("message_thread_id") == 77
            # a location, a contact, a venue, dice, a round video in private: the hint; a Web App's data, users
            # shared, write access allowed: service messages, nothing
            api.clear_calls()
            for media in (
                {"location": {"latitude": 30.0, "longitude": 120.0}},
                {"contact": {"phone_number": "+8657700000000", "first_name": "张"}},
                {
                    "venue": {
                        "location": {"latitude": 1.0, "longitude": 2.0},
                        "title": "活动中心",
                        "address": "路",
                    }
                },
                {"dice": {"emoji": "🎲", "value": 3}},
                {"video_note": {"file_id": "VN1", "file_unique_id": "vn1", "length": 240, "duration": 2}},
            ):
                await feed(app, api.make_message_update(media))
                assert api.last_message(USER).plain_text == "请用文字提问。", media
            api.clear_calls()
            for service in (
                {"web_app_data": {"data": "x", "button_text": "打开"}},
                {"users_shared": {"request_id": 1, "users": [{"user_id": 5}]}},
                {"write_access_allowed": {"from_request": True}},
            ):
                await feed(app, api.make_message_update(service))
            # a paid or a custom-emoji reaction, a reaction count (anonymous), a boost, a join request: nothing
            answer = api.last_message(USER)
            reacted = {"chat": {"id": USER, "type": "private"}, "message_id": answer.message_id, "date": now}
            user = {"id": USER, "is_bot": False, "first_name": "Alice"}
            group = {"id": GROUP, "type": "supergroup", "title": "g"}
            boost = {
                "boost_id": "b",
                "add_date": now,
                "expiration_date": now + 99,
                "source": {"source": "premium", "user": user},
            }
            for n, update in enumerate(
                (
                    {
                        "message_reaction": {
                            **reacted,
                            "user": user,
                            "old_reaction": [],
                            "new_reaction": [{"type": "paid"}],
                        }
                    },
                    {
                        "message_reaction": {
                            **reacted,
                            "user": user,
                            "old_reaction": [],
                            "new_reaction": [{"type": "custom_emoji", "custom_emoji_id": "123"}],
                        }
                    },
                    {
                        "message_reaction_count": {
                            "chat": group,
                            "message_id": 3,
                            "date": now,
                            "reactions": [],
                        }
                    },
                    {"chat_boost": {"chat": group, "boost": boost}},
                    {"chat_join_request": {"chat": group, "from": user, "user_chat_id": USER, "date": now}},
                )
            ):
                await feed(app, {"update_id": 990_000 + n, **update})
            assert not api.calls_of("sendMessage", ok=None)
            stats = seed_service.library.store.query_stats()
            assert (stats.helpful, stats.unhelpful) == (0, 0)
            # "typing…" refused by Telegram throughout: the answer arrives all the same
            api.fail_next("sendChatAction", 500, description="Internal Server Error", times=5)
            await feed(app, api.make_text_update(QUESTION))
            assert CITED in api.last_message(USER).plain_text
            # the Word export meeting a 429 and a 500: sent once, after the wait
            for n, (code, description) in enumerate(((429, None), (500, "Internal Server Error"))):
                await feed(app, api.make_text_update(BROAD if n else QUESTION))
                answer = api.last_message(USER)
                api.fail_next("sendDocument", code, description=description)
                await feed(app, api.make_callback_update(answer, answer.button_data("导出 Word")))
                assert api.last_message(USER).document is not None, code
            # removed from a group while answering there (403): nothing said, one line in the log
            api.clear_calls()
            api.fail_next(
                "sendMessage", 403, description="Forbidden: bot was kicked from the supergroup chat"
            )
            await feed(app, api.make_text_update(f"/ask {QUESTION}", **IN_GROUP))
            assert len(api.calls_of("sendMessage", ok=None)) == 1
    assert not problems(caplog)
