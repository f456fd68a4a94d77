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

from .bot_harness import GROUP, USER, ManualClock, feed, running_bot
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
