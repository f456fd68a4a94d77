"""End-to-end tests of shapes other Telegram clients and servers produce that no other bot test sent (trial 64,
docs/trial64.md): a forum topic deleted while its question was being answered, and a file the bot sends
refused for its size (413) by Telegram's server, a self-hosted Bot API server or a proxy in front of it. The
real Application, over real HTTP, against the fake Bot API."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from bot import handlers as bot_handlers
from retrieval import SpeechService

from .bot_harness import GROUP, USER, feed, running_bot
from .fake_telegram import FakeBotAPI

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

QUESTION = "离休干部体检规定是什么？"
CITED = "要落实好离休干部每年一次体检的规定"
BROAD = "怎样发挥老干部的作用？"
IN_GROUP: dict[str, Any] = {"chat_id": GROUP, "chat_type": "supergroup"}


def problems(caplog: pytest.LogCaptureFixture) -> list[str]:
    """Log records at ERROR, or carrying a traceback."""
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


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
