"""End-to-end tests of what happens around a question in a group that the question itself does not say:
the asker deleting it before the answer came, the group taking the bot's right to post or closing a
topic, the bot removed and added back, a question sent by an anonymous admin or on behalf of a channel.
The real Application, over real HTTP, against the fake Bot API."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from bot import handlers as bot_handlers
from retrieval import SpeechService

from .bot_harness import ADMIN, GROUP, USER, bot_settings, feed, running_bot
from .fake_telegram import FakeBotAPI

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

QUESTION = "离休干部体检规定是什么？"
CITED = "要落实好离休干部每年一次体检的规定"
IN_GROUP: dict[str, Any] = {"chat_id": GROUP, "chat_type": "supergroup"}


async def test_a_question_deleted_before_its_answer_came_is_still_answered(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """In a group the answer quotes the question it answers; a question its asker deleted at once (a typo
    seen too late, a moderation bot) left nothing to quote, and the asker got the apology instead."""
    async with running_bot(api, seed_service) as app:
        asked = api.make_text_update(f"/ask {QUESTION}", **IN_GROUP)
        api.delete_by_user(asked)
        await feed(app, asked)
        chatter = api.make_text_update("@speechqa_bot", **IN_GROUP)  # no question: the usage hint
        api.delete_by_user(chatter)
        await feed(app, chatter)
    first, second = api.messages(GROUP)
    assert CITED in first.plain_text
    assert second.plain_text.startswith("请在 @我 的后面写上问题")
    assert bot_handlers.APOLOGY not in api.texts_sent(ok=None)
    assert not api.calls_of("sendMessage", ok=False)


async def test_where_the_bot_may_not_post_it_tries_once_and_says_so_in_one_log_line(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    """A group that took the bot's right to send messages, or a forum topic an admin closed (where admins
    still write): the answer cannot be posted, and neither can an apology. One line in the log, no
    traceback, no second attempt; the other chats are served."""
    topic = api.create_forum_topic(GROUP)
    with caplog.at_level(logging.INFO):
        async with running_bot(api, seed_service) as app:
            api.close_topic(GROUP, topic)
            await feed(app, api.make_text_update(f"/ask {QUESTION}", message_thread_id=topic, **IN_GROUP))
            await feed(app, api.restrict(GROUP))
            await feed(app, api.make_text_update(f"/ask {QUESTION}", **IN_GROUP))
            await feed(app, api.make_text_update(QUESTION))
    failed = api.calls_of("sendMessage", ok=False)
    assert [c.description for c in failed] == [
        "Bad Request: TOPIC_CLOSED",
        "Bad Request: not enough rights to send text messages to the chat",
    ]
    assert CITED in api.last_message(USER).plain_text
    problems = [r for r in caplog.records if r.levelno >= logging.WARNING or r.exc_info]
    assert len(problems) == 2, [r.getMessage() for r in problems]
    assert all(r.exc_info is None and str(GROUP) in r.getMessage() for r in problems)


def _on_behalf_of(update: dict[str, Any], chat: dict[str, Any]) -> dict[str, Any]:
    """The message of `update` as Telegram sends it when sent on behalf of `chat`: by an anonymous admin of
    the group (`chat` is the group), or by someone posting as their channel. The sender is then one
    account Telegram shares among all of them, in every group."""
    shared = (
        {"id": 1087968824, "is_bot": True, "first_name": "Group", "username": "GroupAnonymousBot"}
        if chat["type"] != "channel"
        else {"id": 136817688, "is_bot": True, "first_name": "Channel", "username": "Channel_Bot"}
    )
    update["message"].update({"from": shared, "sender_chat": chat})
    return update


async def test_questions_sent_anonymously_or_as_a_channel_are_limited_and_rated_per_chat(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """Anonymous admins of every group, and everyone posting as a channel, reach the bot under one shared
    sender: they shared one questions-per-minute allowance (an anonymous admin of one group was told to
    wait because of another group's), nobody could rate their answers, and an admin of the bot asking
    for /stats anonymously was told only admins may."""
    other_group = -100888
    settings = bot_settings(api, allowed_chats=frozenset({GROUP, other_group}), questions_per_minute=1)
    group = {"id": GROUP, "type": "supergroup", "title": "G"}
    other = {"id": other_group, "type": "supergroup", "title": "H"}
    channel = {"id": -100123123, "type": "channel", "title": "C"}
    async with running_bot(api, seed_service, settings) as app:
        await feed(app, _on_behalf_of(api.make_text_update(f"/ask {QUESTION}", **IN_GROUP), group))
        answer = api.last_message(GROUP)
        in_other = api.make_text_update(f"/ask {QUESTION}", chat_id=other_group, chat_type="supergroup")
        await feed(app, _on_behalf_of(in_other, other))
        await feed(app, _on_behalf_of(api.make_text_update(f"/ask {QUESTION}", **IN_GROUP), channel))
        await feed(app, api.make_callback_update(answer, answer.button_data("👍"), user_id=USER))
        await feed(app, _on_behalf_of(api.make_text_update("/stats", **IN_GROUP), group))
    assert CITED in api.messages(other_group)[-1].plain_text
    in_group = [m.plain_text for m in api.messages(GROUP)]
    assert len(in_group) == 3 and CITED in in_group[1]
    assert in_group[2] == bot_handlers.PRIVATE_ONLY
    assert api.calls_of("answerCallbackQuery")[-1].params.get("text") == "感谢反馈！👍"
    stats = seed_service.library.store.query_stats()
    assert (stats.questions, stats.helpful) == (3, 1)


async def test_html_special_characters_in_a_file_name_title_passage_and_question_reach_every_view(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """「<」, 「>」 and 「&」 in what an admin uploads and in what is asked are shown as typed in the upload
    report, the list, an answer, 出处, 上下文, 阅读全文 and the Word export's caption (the fake refuses HTML
    Telegram would refuse)."""
    text = "关于<老干部>&“三化”建设的讲话\n一、关于<老年大学>的建设\n要办好老年大学&老年<活动>中心，做到a<b、c>d。\n"
    async with running_bot(api, seed_service) as app:
        upload = api.make_document_update("a<b>&c.txt", text.encode(), "text/plain", user_id=ADMIN)
        await feed(app, upload)
        await feed(app, api.make_text_update("/speeches", user_id=ADMIN))
        await feed(app, api.make_text_update("老年大学&老年<活动>中心怎么办？", user_id=ADMIN))
        answer = api.last_message(ADMIN)
        for label in ("出处", "上下文", "导出"):
            await feed(app, api.make_callback_update(answer, answer.button_data(label), user_id=ADMIN))
        source = next(m for m in api.messages(ADMIN) if m.plain_text.startswith("📄 关于<老干部>"))
        details = source.plain_text  # 阅读全文 edits this message
        await feed(app, api.make_callback_update(source, source.button_data("阅读"), user_id=ADMIN))
    shown = [m.plain_text for m in api.messages(ADMIN)]
    assert "📥 a<b>&c.txt" in shown[0] and "《关于<老干部>&“三化”建设的讲话》" in shown[0]
    assert "关于<老干部>&“三化”建设的讲话" in shown[1]
    assert answer.plain_text.startswith("🔎 老年大学&老年<活动>中心怎么办？")
    assert "要点：要办好老年大学&老年<活动>中心，做到a<b、c>d。" in answer.plain_text
    assert "来源文件：a<b>&c.txt" in details and "• 一、关于<老年大学>的建设" in details
    assert any(s.startswith("📖 上下文 · 关于<老干部>&") for s in shown)
    assert api.calls_of("sendDocument")[0].params["caption"].startswith("📄 <b>老年大学&amp;老年&lt;活动&gt;")
    assert source.edit_count == 1 and "§ 一、关于<老年大学>的建设\n要办好" in source.plain_text
    assert not api.failed_calls or all(c.method == "setMyCommands" for c in api.failed_calls)
