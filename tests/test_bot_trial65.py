"""End-to-end tests of the bot in daily use (trial 65, docs/trial65.md): a chat Telegram no longer knows (400 "chat
not found"), refusals told apart by their HTTP status rather than by words anywhere in a proxy's page, and a token
revoked while the bot runs. The real Application (or `speechqa bot` itself), over real HTTP, against the fake Bot
API."""

from __future__ import annotations

import asyncio
import json
import logging
from http import HTTPStatus
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from telegram import Bot
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError

from bot import handlers as bot_handlers
from bot.delivery import StatusKeepingRequest, is_network_failure, is_too_large, status_of
from bot.replies import is_chat_gone
from retrieval import SpeechService

from .bot_harness import GROUP, TOKEN, USER, feed, free_port, running_bot
from .fake_telegram import FakeBotAPI, html_to_text, nginx_page
from .test_bot_cli import bot_env, bot_process

QUESTION = "离休干部体检规定是什么？"
CITED = "要落实好离休干部每年一次体检的规定"
BROAD = "怎样发挥老干部的作用？"
IN_GROUP: dict[str, Any] = {"chat_id": GROUP, "chat_type": "supergroup"}

# A proxy's own 413 page that names other statuses further on (a corporate proxy's help text): before, the words
# 「502 Bad Gateway」 in it made the refusal look like a server error, and the upload was sent three times
HELPFUL_413 = (
    "<html><head><title>413 Request Entity Too Large</title></head><body>"
    "<h1>Request Entity Too Large</h1><p>The file is over this proxy's limit.</p>"
    "<p>Other errors you may see: 502 Bad Gateway, 503 Service Unavailable, 504 Gateway Timeout.</p>"
    "</body></html>"
)


def problems(caplog: pytest.LogCaptureFixture) -> list[str]:
    """The bot's log records at ERROR, or carrying a traceback."""
    return [
        r.getMessage()
        for r in caplog.records
        if r.name.startswith("bot") and (r.levelno >= logging.ERROR or r.exc_info)
    ]


@pytest.mark.asyncio
@pytest.mark.slow
async def test_a_question_from_a_chat_telegram_no_longer_knows_is_one_log_line_and_nothing_sent(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    """A group deleted by its owner (or a chat the bot lost) while a question from it waited: Telegram answers the
    reply 400 "chat not found". The bot logged an ERROR with a traceback and tried an apology there (refused
    again). Now one INFO line, nothing more sent there; a later question from it is a DEBUG line only, and other
    chats are answered as before."""
    asked = api.make_text_update(f"/ask {QUESTION}", **IN_GROUP)
    again = api.make_text_update(f"/ask {BROAD}", **IN_GROUP)
    api.delete_chat(GROUP)
    with caplog.at_level(logging.DEBUG, logger="bot"):
        async with running_bot(api, seed_service) as app:
            await feed(app, asked)
            await feed(app, again)
            await feed(app, api.make_text_update(QUESTION))
    refused = [c for c in api.calls_of("sendMessage", ok=False) if c.params["chat_id"] == GROUP]
    assert [c.description for c in refused] == ["Bad Request: chat not found"] * 2  # one try each, no apology
    assert bot_handlers.APOLOGY not in api.texts_sent(ok=None)
    assert CITED in api.last_message(USER).plain_text
    assert not problems(caplog)
    said = [
        r
        for r in caplog.records
        if r.name.startswith("bot")
        and "chat not found" in r.getMessage().lower()
        and str(GROUP) in r.getMessage()
    ]
    assert [r.levelno for r in said] == [logging.INFO, logging.DEBUG], [r.getMessage() for r in said]


@pytest.mark.asyncio
@pytest.mark.slow
async def test_a_proxys_413_page_naming_a_502_is_not_retried_and_is_told_as_too_large(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    """A proxy before a self-hosted Bot API server refuses the exported Word file with its own 413 page, which
    lists other errors (「502 Bad Gateway」…) further on. The refusal was taken for a server error by those words:
    the upload was sent three times and the user told it may be lost (「可能没有送达」). Now it is known by its
    status: one attempt, the Chinese line about its size."""
    with caplog.at_level(logging.INFO):
        async with running_bot(api, seed_service) as app:
            await feed(app, api.make_text_update(BROAD))
            answer = api.last_message(USER)
            api.fail_next("sendDocument", 413, None, "Request Entity Too Large", page=HELPFUL_413)
            await feed(app, api.make_callback_update(answer, answer.button_data("导出 Word")))
    assert [c.status for c in api.calls_of("sendDocument", ok=None)] == [413]
    assert api.texts_sent()[-1] == bot_handlers.TOO_LARGE_TO_SEND
    assert not problems(caplog)


@pytest.mark.asyncio
@pytest.mark.slow
async def test_a_server_error_whose_description_says_more_than_its_phrase_is_tried_again(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    """A Bot API server restarting answers 500 with JSON 「Internal Server Error: restart」: known as a server
    error by its status (not by the words), tried again, and the answer arrives once."""
    async with running_bot(api, seed_service) as app:
        api.fail_next("sendMessage", 500, None, "Internal Server Error: restart")
        with caplog.at_level(logging.INFO):
            await feed(app, api.make_text_update(QUESTION))
    assert [c.status for c in api.calls_of("sendMessage", ok=None)] == [500, 200]
    assert len(api.messages(USER)) == 1 and CITED in api.last_message(USER).plain_text
    assert not problems(caplog)


# statuses python-telegram-bot raises a bare NetworkError for (no class of its own): 413, 418, 5xx…
BARE = [s.value for s in HTTPStatus if s.value >= 405 and s != HTTPStatus.CONFLICT]
_HTML_WORDS = st.sampled_from(
    [
        "Bad Gateway",
        "502",
        "(502)",
        "Service Unavailable (503)",
        "Request Entity Too Large",
        "(413)",
        "<p>",
        "错误",
    ]
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@example(status=413, words=["502 Bad Gateway"], as_page=True)
@example(status=502, words=["Request Entity Too Large (413)"], as_page=True)
@example(status=500, words=["Internal Server Error: restart"], as_page=False)
@given(
    status=st.sampled_from(BARE),
    words=st.lists(_HTML_WORDS, max_size=6),
    as_page=st.booleans(),
)
def test_a_refusal_is_known_by_its_status_whatever_its_page_or_description_says(
    status: int, words: list[str], as_page: bool
) -> None:
    """Whatever a refusal's page (a proxy's HTML) or description (Telegram's JSON) says, the bot's transport knows
    it by its HTTP status: a server error is a 5xx, a size refusal a 413, and nothing else is either."""

    async def refused() -> NetworkError:
        async with FakeBotAPI() as fake:
            text = " ".join(words) or "refused"
            page = f"<html><body>{text}</body></html>" if as_page else None
            fake.fail_next("sendMessage", status, None, text, page=page)
            async with Bot(TOKEN, base_url=fake.base_url, request=StatusKeepingRequest()) as bot:
                with pytest.raises(NetworkError) as caught:
                    await bot.send_message(USER, "答")
                return caught.value

    error = asyncio.run(refused())
    assert status_of(error) == status
    assert is_network_failure(error) == (500 <= status <= 599)
    assert is_too_large(error) == (status == 413)


def test_a_chat_gone_is_told_apart_from_other_refusals() -> None:
    for gone in ("Chat not found", "Group chat was deactivated"):
        assert is_chat_gone(BadRequest(gone))
    for other in (BadRequest("message thread not found"), Forbidden("bot was blocked by the user")):
        assert not is_chat_gone(other)


def test_without_the_transport_the_status_is_read_only_where_ptb_puts_it() -> None:
    """An error from another transport carries no status: it is read at the start of PTB's message, or from a
    description that is exactly a status's phrase — never from a page quoted after it."""
    page = json.dumps(nginx_page(502))
    assert (
        status_of(NetworkError(f"Request Entity Too Large (413). Parsing the server response {page} failed"))
        == 413
    )
    assert status_of(NetworkError("Bad Gateway")) == 502
    assert status_of(NetworkError("Unknown HTTPError (418)")) == 418
    assert status_of(NetworkError("the proxy said: Bad Gateway (502)")) is None
    assert not is_network_failure(NetworkError("Request Entity Too Large (413). b'<h1>502 Bad Gateway</h1>'"))


@pytest.mark.slow
@pytest.mark.asyncio
async def test_a_token_revoked_while_the_bot_runs_stops_it_with_one_chinese_line(seed_home: Path) -> None:
    """The token is revoked (or replaced) in @BotFather while `speechqa bot` runs, e.g. after it was pasted in a
    chat: Telegram answers 401 to everything. PTB ended its polling with a traceback and the process went on
    running, deaf for good, with nothing said on its terminal. Now it stops: exit 1, one Chinese line saying
    why and what to do, no traceback."""
    async with FakeBotAPI() as api:
        env = bot_env(seed_home, api.base_url, allowed_users=str(USER))
        async with bot_process(env) as process:
            await api.wait_for("setMyCommands", timeout=120)  # post_init ran: run_polling is up
            api.push_update(api.make_text_update(QUESTION))
            (answer,) = await api.wait_for("sendMessage", timeout=60)  # polling, and answering
            assert CITED in html_to_text(answer.params["text"])
            api.revoke_token()
            _, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
    log = stderr.decode()
    assert process.returncode == 1, log
    assert "TELEGRAM_BOT_TOKEN 已失效" in log and "请换上新的 token 后重新启动" in log
    assert "Traceback" not in log and TOKEN not in log
    assert "Telegram refuses the bot's token" in log


@pytest.mark.slow
@pytest.mark.asyncio
async def test_a_token_refused_as_the_webhook_is_set_stops_the_bot_with_the_same_chinese_line(
    seed_home: Path,
) -> None:
    """Webhook mode (SPEECHQA_WEBHOOK_URL), the token revoked between getMe and setWebhook: Telegram refuses
    setWebhook 401. `speechqa bot` ended with a traceback and 「speechqa 内部出错」; now the line polling gives,
    exit 1, no traceback (review of trial65, defect 1)."""
    async with FakeBotAPI() as api:
        api.fail_next("setWebhook", 401, None, "Unauthorized")
        env = bot_env(
            seed_home,
            api.base_url,
            allowed_users=str(USER),
            webhook_url="https://bot.example.org/speechqa",
            webhook_listen="127.0.0.1",
            webhook_port=str(free_port()),
            webhook_secret="s3cret",
        )
        async with bot_process(env) as process:
            _, stderr = await asyncio.wait_for(process.communicate(), timeout=180)
        assert [c.status for c in api.calls_of("setWebhook", ok=None)] == [401]
    log = stderr.decode()
    assert process.returncode == 1, log
    assert "TELEGRAM_BOT_TOKEN 已失效" in log and "请换上新的 token 后重新启动" in log
    assert "Traceback" not in log and "内部出错" not in log and TOKEN not in log


@pytest.mark.asyncio
@pytest.mark.slow
async def test_a_reply_refused_404_is_not_taken_for_a_revoked_token(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    """PTB raises InvalidToken for a 404 as for a 401: a reply refused 404 (a proxy's route, a self-hosted server
    that lacks the method) was logged as a revoked token, and the user got nothing. Telegram answers a revoked
    token 401: a 404 is handled as any other failure — logged with its detail, the user's apology line (review of
    trial65, defect 2)."""
    with caplog.at_level(logging.INFO, logger="bot"):
        async with running_bot(api, seed_service) as app:
            api.fail_next("sendMessage", 404, None, "Not Found")
            await feed(app, api.make_text_update(QUESTION))
            assert not app.token_refused  # type: ignore[attr-defined]
    assert [c.status for c in api.calls_of("sendMessage", ok=None)] == [404, 200]
    assert api.texts_sent() == [bot_handlers.APOLOGY]
    assert not [r for r in caplog.records if "refuses the bot's token" in r.getMessage()]
    (logged,) = [r for r in caplog.records if r.exc_info and r.levelno == logging.ERROR]
    assert isinstance(logged.exc_info[1], InvalidToken) and "Not Found" in str(logged.exc_info[1])  # type: ignore[index]


@pytest.mark.asyncio
@pytest.mark.slow
async def test_a_404_from_getupdates_is_tried_again_and_the_bot_keeps_answering(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    """One poll answered 404 (a proxy's route during a reload, a self-hosted server being redeployed): the bot
    stopped as if its token were revoked. Telegram answers a revoked token 401, and this one was checked at
    start: the poll is tried again (PTB's back-off), one WARNING line, and the question sent meanwhile answered."""
    api.fail_next("getUpdates", 404, None, "Not Found")
    with caplog.at_level(logging.INFO):
        async with running_bot(api, seed_service) as app:
            assert app.updater is not None
            await app.start()
            await app.updater.start_polling(  # as `run_polling` (speechqa bot) starts it: errors to the app's handler
                poll_interval=0,
                timeout=10,
                error_callback=lambda e: app.create_task(app.process_error(update=None, error=e)),
            )
            api.push_update(api.make_text_update(QUESTION))
            (answer,) = await api.wait_for("sendMessage", timeout=90)
            assert app.running and app.updater.running
            assert not app.token_refused  # type: ignore[attr-defined]
    assert CITED in html_to_text(answer.params["text"])
    assert [c.status for c in api.calls_of("getUpdates", ok=False)] == [404]
    refused = [r for r in caplog.records if "refused fetching new messages with HTTP 404" in r.getMessage()]
    assert [r.levelno for r in refused] == [logging.WARNING]
    assert not problems(caplog)
