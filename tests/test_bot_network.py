"""End-to-end tests of the bot when the way to Telegram stumbles: a server error (502 "Bad Gateway",
500), a connection cut mid-request before or after Telegram carried the request out. The real
Application, over real HTTP, against the fake Bot API (``fail_next``, ``drop_next``)."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
from typing import Any

import httpx
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from bot import handlers as bot_handlers
from bot.delivery import RetryingRateLimiter, is_network_failure, worth_retrying
from retrieval import SpeechService

from .bot_harness import USER, feed, running_bot
from .fake_telegram import DROPPED, FakeBotAPI

EXAMPLES = int(os.environ.get("SPEECHQA_PROPERTY_EXAMPLES", "25"))
QUESTION = "离休干部体检规定是什么？"
CITED = "要落实好离休干部每年一次体检的规定"
BROAD = "怎样发挥老干部的作用？"  # more than one page of results


def _after(cause: Exception, error: NetworkError) -> NetworkError:
    error.__cause__ = cause  # as PTB raises them: `raise NetworkError(...) from httpx_error`
    return error


@settings(max_examples=EXAMPLES, deadline=None)
@example(waits=[15, 21], patience=36)  # adding up to the patience exactly, which floats overshoot
@given(
    waits=st.lists(st.integers(min_value=0, max_value=40), max_size=3),
    patience=st.integers(min_value=0, max_value=80),
)
def test_flood_waits_are_waited_out_while_they_add_up_to_the_patience(
    waits: list[int], patience: int
) -> None:
    """Telegram answers 429 with `retry_after` for each wait in `waits` (milliseconds), then takes the
    request. The request is made again after each wait while the waits add up to at most the patience:
    it then arrives once; else it is given up at the first wait past it, with that 429, never sent twice."""
    script = iter(waits)
    calls: list[Any] = []

    async def telegram(*args: Any, **kwargs: Any) -> dict[str, Any]:
        calls.append(args)
        wait = next(script, None)
        if wait is not None:
            raise RetryAfter(dt.timedelta(milliseconds=wait))
        return {"message_id": 1}

    limiter = RetryingRateLimiter(overall_max_rate=0, group_max_rate=0, flood_patience=patience / 1000)
    data = {"chat_id": 1001, "text": "答"}

    async def send() -> Any:
        await limiter.initialize()
        try:
            return await limiter.process_request(
                telegram, ("sendMessage", data), {}, "sendMessage", data, None
            )
        finally:
            await limiter.shutdown()

    sums = [sum(waits[: i + 1]) for i in range(len(waits))]
    if all(total <= patience for total in sums):
        assert asyncio.run(send()) == {"message_id": 1}
        assert len(calls) == len(waits) + 1
    else:
        given_up = next(i for i, total in enumerate(sums) if total > patience)
        with pytest.raises(RetryAfter) as refused:
            asyncio.run(send())
        assert len(calls) == given_up + 1
        assert refused.value.retry_after in (
            waits[given_up] / 1000,
            dt.timedelta(milliseconds=waits[given_up]),
        )


def test_only_what_cannot_show_twice_is_tried_again() -> None:
    request = httpx.Request("POST", "http://127.0.0.1/bot1:x/sendMessage")
    refused = _after(httpx.ConnectError("refused", request=request), NetworkError("httpx.ConnectError"))
    cut = _after(httpx.RemoteProtocolError("disconnected", request=request), NetworkError("cut"))
    read_timeout = _after(httpx.ReadTimeout("slow", request=request), TimedOut())
    pool_timeout = _after(httpx.PoolTimeout("busy", request=request), TimedOut())
    for method in ("sendMessage", "editMessageText", "answerCallbackQuery"):
        # nothing was sent, or Telegram said it did nothing: always again
        assert worth_retrying(refused, method) and worth_retrying(pool_timeout, method)
        assert worth_retrying(NetworkError("Bad Gateway"), method)
        assert worth_retrying(NetworkError("Internal Server Error (500)"), method)
        # refusals of the request itself: never
        for error in (BadRequest("chat not found"), Forbidden("bot was blocked by the user"), RetryAfter(3)):
            assert not worth_retrying(error, method)
        # statuses PTB has no class for that are no server error: a file too large (413), an odd 4xx
        for error in (NetworkError("Request Entity Too Large"), NetworkError("Unknown HTTPError (418)")):
            assert not worth_retrying(error, method) and not is_network_failure(error)
    # sent, then lost: Telegram may have sent the message, so it is not sent twice; an edit may repeat
    for maybe_done in (cut, read_timeout, NetworkError("Gateway Timeout (504)")):
        assert not worth_retrying(maybe_done, "sendMessage")
        assert worth_retrying(maybe_done, "editMessageText")
        assert worth_retrying(maybe_done, "answerCallbackQuery")


@pytest.mark.asyncio
@pytest.mark.slow
async def test_a_bad_gateway_from_telegram_is_tried_again_and_the_answer_arrives_once(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    async with running_bot(api, seed_service) as app:
        api.fail_next("sendMessage", 502, None, "Bad Gateway")
        api.fail_next("sendMessage", 500, None, "Internal Server Error")
        with caplog.at_level(logging.INFO):
            await feed(app, api.make_text_update(QUESTION))
    assert [c.status for c in api.calls_of("sendMessage", ok=None)] == [502, 500, 200]
    assert len(api.messages(USER)) == 1 and CITED in api.last_message(USER).plain_text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


@pytest.mark.asyncio
@pytest.mark.slow
async def test_a_button_whose_press_telegram_cannot_take_still_does_its_action(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(BROAD))
        answer = api.last_message(USER)
        api.fail_next("answerCallbackQuery", 502, None, "Bad Gateway", times=3)  # outlasts the retries
        with caplog.at_level(logging.INFO):
            await feed(app, api.make_callback_update(answer, answer.button_data("上下文 1")))
        api.drop_next("editMessageText")  # cut mid-request: an edit may be sent again
        await feed(app, api.make_callback_update(answer, answer.button_data("更多结果")))
    context, *rest = api.messages(USER)[1:]
    assert context.plain_text.startswith("📖 上下文") and not rest
    assert [c.status for c in api.calls_of("answerCallbackQuery", ok=None)][:3] == [502, 502, 502]
    assert bot_handlers.APOLOGY not in api.texts_sent(ok=None)
    assert bot_handlers.LOST_ON_THE_WAY not in api.texts_sent(ok=None)
    assert [c.status for c in api.calls_of("editMessageText", ok=None)] == [DROPPED, 200]
    assert "第 6–10 条" in answer.plain_text and answer.edit_count == 1
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


@pytest.mark.asyncio
@pytest.mark.slow
async def test_an_answer_cut_off_on_its_way_is_not_sent_twice_and_the_user_is_told_it_may_be_lost(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    async with running_bot(api, seed_service) as app:
        # Telegram delivered the answer, but its reply to the bot was lost with the connection
        api.drop_next("sendMessage", carried_out=True)
        await feed(app, api.make_text_update(QUESTION))
        delivered, notice = api.messages(USER)
        # the answer never reached Telegram: the same notice, and the question can simply be asked again
        api.drop_next("sendMessage")
        await feed(app, api.make_text_update(QUESTION))
        await feed(app, api.make_text_update(QUESTION))
    assert CITED in delivered.plain_text  # once: not sent again on a guess
    assert notice.plain_text == bot_handlers.LOST_ON_THE_WAY
    again = [m.plain_text for m in api.messages(USER)[2:]]
    assert again == [bot_handlers.LOST_ON_THE_WAY, delivered.plain_text]
    assert bot_handlers.APOLOGY not in api.texts_sent(ok=None)
    ours = [r for r in caplog.records if r.name.startswith("bot")]
    assert not [r for r in ours if r.exc_info]
    lines = [r.getMessage() for r in ours if r.levelno >= logging.WARNING]
    assert len(lines) == 2
    assert all(line.startswith(f"could not reach Telegram while replying in chat {USER}: ") for line in lines)
