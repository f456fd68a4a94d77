"""End-to-end tests of what a user does with a message the bot sent before it restarted (session 41): the
real `speechqa bot` process (or the real Application over a data home opened anew) through the fake Bot API
over real HTTP, stopped, started again on the same data home, then pressed, reacted to, edited and replied to.

Which message answered which question lived in the process's memory: after a restart an edited question got a
second answer beside the first, an edit into group chatter left the old answer standing, a 👍 reaction on an
answer was not counted, and a 「还有吗？」 or 「那退休干部呢？」 sent without a reply was told to ask first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot import handlers as bot_handlers

from .bot_harness import ADMIN, GROUP, USER, bot_settings, feed, running_bot, service_on
from .fake_telegram import FakeBotAPI, SentMessage, html_to_text
from .test_bot_cli import bot_env, bot_process, interrupt
from .test_bot_clients40 import reaction

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

QUESTION = "离休干部体检规定是什么？"
BROAD = "怎样发挥老干部的作用？"  # several pages: 更多结果 among its buttons
FILTERED = "沈伟同志讲话中关于老年大学的内容"  # a filter read from the question: 取消筛选 among its buttons
PRIVATE: dict[str, Any] = {"id": USER, "type": "private", "first_name": "Alice"}


def votes(home: Path) -> list[tuple[int, int]]:
    with service_on(home) as service:
        rows = service.library.store.db.execute("SELECT query_id, value FROM feedback ORDER BY query_id")
        return [(int(q), int(v)) for q, v in rows]


def sent_texts(api: FakeBotAPI, method: str) -> list[str]:
    return [html_to_text(str(c.params.get("text", ""))) for c in api.calls_of(method)]


async def test_a_reaction_an_edit_and_a_more_reach_answers_given_before_the_bot_process_restarted(
    seed_home: Path,
) -> None:
    """`speechqa bot` stopped (Ctrl-C: an upgrade, a reboot) and started again on the same data home. A 👍 put
    on an answer from before was not counted, the question edited got a second answer (the first left answering
    text that is gone), and 「还有吗？」 in the forum topic said 「请先提一个问题…」. Each reaches the answer now."""
    async with FakeBotAPI(bot_username="speechqa_bot") as api:
        topic = api.create_forum_topic(GROUP, "体检")
        env = bot_env(seed_home, api.base_url, allowed_users=str(USER), allowed_chats=str(GROUP))
        asked = api.make_text_update(QUESTION)
        async with bot_process(env) as first:
            await api.wait_for("setMyCommands", timeout=90)
            api.push_update(asked)
            await api.wait_for("sendMessage", timeout=60)
            api.push_update(
                api.make_text_update(
                    f"/ask {BROAD}", chat_id=GROUP, chat_type="supergroup", message_thread_id=topic
                )
            )
            await api.wait_for("sendMessage", count=2, timeout=60)
            await interrupt(first)
        answer = api.last_message(USER)
        in_topic = api.last_message(GROUP)
        assert "第 1–5 条" in in_topic.plain_text
        api.clear_calls()
        async with bot_process(env) as second:
            await api.wait_for("setMyCommands", timeout=90)
            api.push_update(reaction(api, PRIVATE, answer.message_id, USER, "👍"))
            api.push_update(api.make_edited_update(asked, "离休干部的医疗待遇有哪些？"))
            await api.wait_for("editMessageText", timeout=60)
            api.push_update(
                api.make_text_update(
                    "/ask 还有吗？", chat_id=GROUP, chat_type="supergroup", message_thread_id=topic
                )
            )
            await api.wait_for("sendMessage", timeout=60)
            log = await interrupt(second)
    (edit,) = api.calls_of("editMessageText")
    assert edit.params["message_id"] == answer.message_id  # the answer from before, edited in place
    assert html_to_text(edit.params["text"]).startswith("🔎 离休干部的医疗待遇有哪些？")
    (more,) = api.calls_of("sendMessage")  # no second answer to the edited question
    assert more.params.get("message_thread_id") == topic
    assert "第 6–10 条" in html_to_text(more.params["text"]), html_to_text(more.params["text"])
    assert bot_handlers.NOTHING_BEFORE not in log
    assert votes(seed_home) == [(1, 1)]  # question #1, the private one: the reaction counted
    assert "Traceback" not in log


async def test_every_button_edit_reaction_and_follow_up_on_messages_from_before_a_restart(
    api: FakeBotAPI, seed_home: Path
) -> None:
    """The data home opened anew (nothing kept in memory): every button of answers given before, an edit of a
    question answered before (in private, in a forum topic, into group chatter), a reaction, a reply to an
    old answer as a follow-up, 「第二条再详细点」 and 「那退休干部呢？」 without a reply."""
    topic = api.create_forum_topic(GROUP, "体检")
    in_topic: dict[str, Any] = {"chat_id": GROUP, "chat_type": "supergroup", "message_thread_id": topic}
    with service_on(seed_home) as service:
        async with running_bot(api, service) as app:
            broad_asked = api.make_text_update(BROAD)
            await feed(app, broad_asked)
            broad = api.last_message(USER)
            await feed(app, api.make_callback_update(broad, broad.button_data("只看这篇讲话 1")))
            within = api.last_message(USER)  # the question asked again within one speech
            await feed(app, api.make_text_update(FILTERED))
            filtered = api.last_message(USER)
            await feed(app, api.make_text_update(QUESTION, user_id=ADMIN))
            for_admin = api.last_message(ADMIN)
            topic_asked = api.make_text_update(f"/ask {QUESTION}", **in_topic)
            await feed(app, topic_asked)
            topic_answer = api.last_message(GROUP)
            group_asked = api.make_text_update(f"/ask {BROAD}", chat_id=GROUP, chat_type="supergroup")
            await feed(app, group_asked)
            group_answer = api.last_message(GROUP)

    with service_on(seed_home) as service:  # a new process: nothing kept in memory
        store = service.library.store
        async with running_bot(api, service) as app:

            async def press(message: SentMessage, label: str, user: int = USER) -> list[str]:
                api.clear_calls()
                await feed(app, api.make_callback_update(message, message.button_data(label), user_id=user))
                assert not api.failed_calls, api.failed_calls
                return [
                    html_to_text(str(c.params.get("text", "")))
                    for c in api.calls
                    if c.method != "sendChatAction"
                ]

            # every button of an answer from before (these already worked: kept working)
            assert any("第 6–10 条" in t for t in await press(broad, "更多结果"))
            assert any("第 1–5 条" in t for t in await press(broad, "上一页"))
            assert any(t.startswith("📖 上下文") for t in await press(broad, "上下文 1"))
            assert any(t.startswith("📄 ") for t in await press(broad, "出处 1"))
            assert any("仅限：讲话 #" in t for t in await press(broad, "只看这篇讲话 1"))
            await press(broad, "导出 Word")
            assert len(api.calls_of("sendDocument")) == 1
            await press(broad, "👎")
            assert any("仅限" not in t and "第 1–5 条" in t for t in await press(filtered, "取消筛选"))
            assert any("仅限" not in t and "第 1–5 条" in t for t in await press(within, "取消筛选"))
            assert any("标准答案" in t for t in await press(for_admin, "📌", user=ADMIN))
            assert any(t.startswith("📖 上下文") for t in await press(topic_answer, "上下文 1"))
            assert api.calls_of("sendMessage")[-1].params.get("message_thread_id") == topic

            # a reaction on an answer from before: the asker's vote (it replaces the 👎 pressed)
            await feed(app, api.push_update(reaction(api, PRIVATE, broad.message_id, USER, "👍")))
            assert (store.query_stats().helpful, store.query_stats().unhelpful) == (1, 0)

            # edits of questions answered before: their answers edited in place, nothing sent anew
            api.clear_calls()
            await feed(app, api.make_edited_update(topic_asked, "/ask 离休干部的医疗待遇有哪些？"))
            await feed(app, api.make_edited_update(group_asked, "今天中午食堂吃什么"))
            assert api.calls_of("sendMessage") == []
            edited_topic, withdrawn = api.calls_of("editMessageText")
            assert edited_topic.params["message_id"] == topic_answer.message_id
            assert "医疗待遇" in html_to_text(edited_topic.params["text"])
            assert withdrawn.params["message_id"] == group_answer.message_id
            assert html_to_text(withdrawn.params["text"]) == bot_handlers.WITHDRAWN

            # the answer edited into another question: a reaction on it votes on that question now
            edited_query = int(topic_answer.button_data("👍").split(":")[1])
            await feed(
                app, api.push_update(reaction(api, in_topic_chat(), topic_answer.message_id, USER, "👎"))
            )
            assert store.db.execute(
                "SELECT value FROM feedback WHERE query_id = ?", [edited_query]
            ).fetchall() == [(-1,)]

            # a reply to an old answer as a follow-up, and typed next without a reply
            api.clear_calls()
            await feed(app, api.make_text_update("那退休干部呢？", reply_to_message=for_admin, user_id=ADMIN))
            assert "接着上一问「离休干部体检规定是什么？」" in api.last_message(ADMIN).plain_text
    with service_on(seed_home) as service:  # and again: what was shown last in each chat is still known
        async with running_bot(api, service) as app:
            await feed(app, api.make_text_update("第二条再详细点", user_id=ADMIN))
            assert api.last_message(ADMIN).plain_text.startswith("📖 上下文")
            await feed(app, api.make_text_update("那离休干部呢？", user_id=ADMIN))
            assert "接着上一问「退休干部体检规定是什么？」" in api.last_message(ADMIN).plain_text
            await feed(app, api.make_text_update("/ask 还有吗", **in_topic))
            assert "第 6–10 条" in api.last_message(GROUP).plain_text  # the next page of the edited answer


def in_topic_chat() -> dict[str, Any]:
    return {"id": GROUP, "type": "supergroup", "title": "G", "is_forum": True}


async def test_with_user_ids_hidden_the_replies_kept_name_no_private_chat_and_still_work_after_a_restart(
    api: FakeBotAPI, seed_home: Path
) -> None:
    """`SPEECHQA_HASH_USER_IDS`: a private chat's id is its user's, so the replies kept name it as the query log
    does, by pseudonym; a reaction after a restart still finds its answer."""
    settings = bot_settings(api, hash_user_ids=True)
    with service_on(seed_home) as service:
        async with running_bot(api, service, settings) as app:
            await feed(app, api.make_text_update(QUESTION))
        answer = api.last_message(USER)
        rows = service.library.store.db.execute(
            "SELECT chat FROM bot_replies UNION SELECT chat FROM bot_pages"
        )
        chats = {str(chat) for (chat,) in rows}
    assert chats and all(chat.startswith("h:") and str(USER) not in chat for chat in chats)
    with service_on(seed_home) as service:
        async with running_bot(api, service, settings) as app:
            await feed(app, api.push_update(reaction(api, PRIVATE, answer.message_id, USER, "👍")))
        assert service.library.store.query_stats().helpful == 1
