"""End-to-end tests of habits of people at work that the other bot tests do not meet: a button tapped two
or three times before its result shows, a question sent again while it is answered, a reply to the bot's
answer written to a colleague, a reply that quotes part of a message, formatting in a question. The real
Application, over real HTTP, against the fake Bot API."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bot.repeats import PRESS_WINDOW
from retrieval import SpeechService

from .bot_harness import ADMIN, GROUP, USER, ManualClock, feed, running_bot
from .fake_telegram import Call, FakeBotAPI, SentMessage

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

QUESTION = "离休干部体检规定是什么？"
CITED = "要落实好离休干部每年一次体检的规定"
SCHOOL = "老年大学要怎么办？"
SCHOOL_CITED = "老年大学要创新教学方法"
IN_GROUP: dict[str, Any] = {"chat_id": GROUP, "chat_type": "supergroup"}
COLLEAGUE = 1005


def sends(api: FakeBotAPI) -> list[Call]:
    return api.calls_of("sendMessage") + api.calls_of("sendDocument")


async def press_at_once(api: FakeBotAPI, app: Any, message: SentMessage, label: str, times: int = 3) -> None:
    data = message.button_data(label)
    await asyncio.gather(*(feed(app, api.make_callback_update(message, data)) for _ in range(times)))


async def test_a_button_tapped_several_times_at_once_sends_its_result_once(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    clock = ManualClock()
    async with running_bot(api, seed_service, clock=clock) as app:
        await feed(app, api.make_text_update(QUESTION))
        answer = api.last_message(USER)
        results: dict[str, list[Call]] = {}
        for label in ("导出 Word", "上下文 1", "出处 1", "只看这篇讲话 1"):
            api.clear_calls()
            await press_at_once(api, app, answer, label)
            results[label] = sends(api)
            assert len(api.calls_of("answerCallbackQuery")) == 3  # every tap's spinner stops
        api.clear_calls()
        await press_at_once(api, app, answer, "上下文 2")  # another button is another request
        other_button = sends(api)
        api.clear_calls()
        clock.advance(PRESS_WINDOW + 1)  # pressed again a while later: meant, and done again
        await press_at_once(api, app, answer, "上下文 1", times=1)
        later = sends(api)
    (document,) = results["导出 Word"]
    assert document.params["document"].filename.endswith(".docx")
    (context,) = results["上下文 1"]
    assert CITED in str(context.params["text"])
    (source,) = results["出处 1"]
    speech_id = answer.button_data("出处 1").split(":")[1]
    assert f"编号：{speech_id} ·" in str(source.params["text"])
    (within,) = results["只看这篇讲话 1"]
    assert "仅限" in str(within.params["text"])
    assert len(other_button) == 1 and len(later) == 1


async def test_in_a_group_two_members_pressing_one_button_each_get_its_result(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(f"/ask {QUESTION}", **IN_GROUP))
        answer = api.last_message(GROUP)
        api.clear_calls()
        data = answer.button_data("上下文 1")
        await asyncio.gather(
            feed(app, api.make_callback_update(answer, data)),
            feed(app, api.make_callback_update(answer, data, user_id=COLLEAGUE, first_name="Bob")),
        )
    assert len(api.calls_of("sendMessage")) == 2


async def test_a_question_sent_again_while_it_is_answered_gets_one_answer(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    async with running_bot(api, seed_service) as app:
        await asyncio.gather(
            feed(app, api.make_text_update(QUESTION)),
            feed(app, api.make_text_update(QUESTION)),  # a double tap, or 「没反应？」 and sent again
            feed(app, api.make_text_update(f"  {QUESTION}\n")),  # pasted again, with a stray space
            feed(app, api.make_text_update(SCHOOL)),  # another question at the same time: answered too
        )
        at_once = [m.plain_text for m in api.messages(USER)]
        await feed(app, api.make_text_update(QUESTION))  # asked again once answered: meant
        # the same question from two members of a group at once: each is answered
        await asyncio.gather(
            feed(app, api.make_text_update(f"/ask {QUESTION}", **IN_GROUP)),
            feed(app, api.make_text_update(f"/ask {QUESTION}", user_id=COLLEAGUE, **IN_GROUP)),
        )
    assert sum(CITED in text for text in at_once) == 1
    assert sum(SCHOOL_CITED in text for text in at_once) == 1 and len(at_once) == 2
    assert CITED in api.last_message(USER).plain_text and len(api.messages(USER)) == 3
    assert len(api.messages(GROUP)) == 2
    assert seed_service.library.store.query_stats().questions == 5  # the repeats were not logged


async def test_a_reply_to_the_bots_answer_written_to_a_colleague_is_left_to_them(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(f"/ask {QUESTION}", **IN_GROUP))
        answer = api.last_message(GROUP)
        await feed(
            app, api.make_text_update("@zhang_wei 你看这条，下午开会用", reply_to_message=answer, **IN_GROUP)
        )
        text = "老王 你看这条"  # a colleague without a username, picked from the member list
        by_name = [
            {
                "type": "text_mention",
                "offset": 0,
                "length": 2,
                "user": {"id": 1007, "is_bot": False, "first_name": "王"},
            }
        ]
        await feed(app, api.make_text_update(text, entities=by_name, reply_to_message=answer, **IN_GROUP))
        left_alone = len(api.messages(GROUP))
        # the bot named as well, or a plain reply: for the bot
        await feed(
            app,
            api.make_text_update(f"@speechqa_bot @zhang_wei {SCHOOL}", reply_to_message=answer, **IN_GROUP),
        )
        named_too = api.last_message(GROUP).plain_text
        # a question that names a colleague, or names the bot with a full-width ＠: still for the bot
        before = len(api.messages(GROUP))
        for text in (f"帮 @zhang_wei 查一下：{SCHOOL}", f"＠speechqa_bot @zhang_wei {SCHOOL}"):
            await feed(app, api.make_text_update(text, reply_to_message=answer, **IN_GROUP))
        questions_naming_colleagues = [m.plain_text for m in api.messages(GROUP)[before:]]
        await feed(app, api.make_text_update(SCHOOL, reply_to_message=answer, **IN_GROUP))
        plain_reply = api.last_message(GROUP).plain_text
        # a question to the bot edited into a word to a colleague: its answer is withdrawn
        asked = api.make_text_update(SCHOOL, reply_to_message=answer, **IN_GROUP)
        await feed(app, asked)
        await feed(app, api.make_edited_update(asked, "@zhang_wei 你看这条"))
    assert left_alone == 1
    assert SCHOOL_CITED in named_too and "zhang_wei" not in named_too.split("\n")[0]
    assert len(questions_naming_colleagues) == 2
    assert all(SCHOOL_CITED in text for text in questions_naming_colleagues)
    assert SCHOOL_CITED in plain_reply
    assert api.last_message(GROUP).plain_text.startswith("✏️ 提问已被修改")


async def test_a_bare_ask_with_a_quote_asks_only_the_quoted_words(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    async with running_bot(api, seed_service) as app:
        long = f"大家好，下午三点在三楼开会，请带好材料。另外想问一下：{SCHOOL}会后请把意见发给我。"
        colleague = api.make_text_update(long, user_id=1003, **IN_GROUP)["message"]
        await feed(app, api.make_text_update("/ask", reply_to_message=colleague, quote=SCHOOL, **IN_GROUP))
        by_ask = api.last_message(GROUP).plain_text
        await feed(
            app, api.make_text_update("@speechqa_bot", reply_to_message=colleague, quote=SCHOOL, **IN_GROUP)
        )
        by_mention = api.last_message(GROUP).plain_text
        # a quote of the bot's own answer is no colleague's question: the usage, as without a quote
        answer = api.last_message(GROUP)
        await feed(app, api.make_text_update("/ask", reply_to_message=answer, quote=SCHOOL_CITED, **IN_GROUP))
        of_the_bot = api.last_message(GROUP).plain_text
    for reply in (by_ask, by_mention):
        assert reply.startswith(f"🔎 {SCHOOL}\n") and SCHOOL_CITED in reply
    assert of_the_bot.startswith("用法：/ask 问题")


async def test_only_the_words_typed_are_searched_not_the_answer_replied_to_or_its_quote(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """A reply to the bot's answer is a new question (Telegram sends the answer, and the part quoted of
    it, along with the reply: neither is searched); formatting (bold, spoiler, a link) changes nothing;
    a question pasted over several lines with 「」 is one question."""
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(QUESTION))
        answer = api.last_message(USER)
        await feed(app, api.make_text_update(SCHOOL, reply_to_message=answer, quote=CITED))
        reply = api.last_message(USER).plain_text
        formatted = f"请问{SCHOOL}"
        entities = [
            {"type": "text_link", "offset": 0, "length": 2, "url": "https://example.com/notice"},
            {"type": "bold", "offset": 2, "length": 4},
            {"type": "spoiler", "offset": 4, "length": 2},
        ]
        await feed(app, api.make_text_update(formatted, entities=entities))
        bold = api.last_message(USER).plain_text
        pasted = "关于「老年大学」\n\n领导在会上说：「老年大学要创新教学方法」，\n请问原话是怎么说的？"
        await feed(app, api.make_text_update(pasted))
        lines = api.last_message(USER).plain_text
    assert reply.startswith(f"🔎 {SCHOOL}\n") and SCHOOL_CITED in reply
    assert bold.startswith(f"🔎 {formatted}\n") and SCHOOL_CITED in bold
    assert lines.startswith(
        "🔎 关于「老年大学」 领导在会上说：「老年大学要创新教学方法」， 请问原话是怎么说的？\n"
    )
    assert SCHOOL_CITED in lines


async def test_the_bots_answer_or_word_export_forwarded_back_is_no_question_and_no_upload(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """Staff forward answers and exported files between chats; one sent back to the bot by mistake was
    searched as a question (「问题太长（2100 字）…」, or a junk answer for a short one), and an admin's
    forwarded export was added to the library as a new speech, its passages all served twice."""
    store = seed_service.library.store
    speeches = len(store.speeches())
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(QUESTION, user_id=ADMIN))
        answer = api.last_message(ADMIN)
        await feed(app, api.make_callback_update(answer, answer.button_data("导出 Word"), user_id=ADMIN))
        export = api.last_message(ADMIN)
        assert export.document is not None
        await feed(app, api.make_forward_update(answer, user_id=ADMIN))
        answer_back = api.last_message(ADMIN).plain_text
        await feed(app, api.make_forward_update(export, user_id=ADMIN))
        export_back = api.last_message(ADMIN).plain_text
        await feed(app, api.make_forward_update(export, user_id=USER))  # not an admin: the same
        export_back_by_user = api.last_message(USER).plain_text
    assert answer_back.startswith("这是我发出的消息，不是新的问题")
    assert (
        export_back
        == export_back_by_user
        == "这是我导出的文件，不会加入语料。要添加讲话，请发送讲话稿的原文件。"
    )
    assert len(store.speeches()) == speeches
    assert store.query_stats().questions == 1


async def test_a_press_whose_result_telegram_refused_can_be_tapped_again_at_once(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """Flood control asking for a longer wait than the bot's patience loses the 上下文 message: a tap again
    right away is no repeat of a press that showed nothing, and sends it."""
    clock = ManualClock()
    async with running_bot(api, seed_service, clock=clock) as app:
        await feed(app, api.make_text_update(QUESTION))
        answer = api.last_message(USER)
        api.clear_calls()
        api.fail_next("sendMessage", error_code=429, retry_after=600)
        await press_at_once(api, app, answer, "上下文 1", times=1)
        lost = api.calls_of("sendMessage")
        await press_at_once(api, app, answer, "上下文 1", times=1)
    assert not lost and len(api.calls_of("sendMessage", ok=False)) == 1
    (context,) = api.calls_of("sendMessage")
    assert CITED in str(context.params["text"])


async def test_a_question_sent_again_while_the_first_answer_is_lost_is_still_answered(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """The repeat waits for the first: when Telegram's flood control keeps that answer from being sent,
    the repeat is answered instead of dropped (the user gets one answer either way)."""
    async with running_bot(api, seed_service) as app:
        api.fail_next("sendMessage", error_code=429, retry_after=600)
        await asyncio.gather(
            feed(app, api.make_text_update(QUESTION)), feed(app, api.make_text_update(QUESTION))
        )
    assert sum(CITED in m.plain_text for m in api.messages(USER)) == 1
