"""Getting a request through to the Bot API when the network or Telegram's servers stumble.

PTB's `AIORateLimiter` waits out Telegram's flood control (429 `retry_after`) and tries again; any
other failure reached the handler at once, and the answer already searched was lost (the user got an
apology, or nothing). Here a request that failed for a passing reason is tried again, after a short
wait, when doing it twice cannot show the user anything twice:

- Telegram answered with a server error (500, 502 "Bad Gateway", 503): the request was not carried out.
- The connection could not be made (refused, DNS, connect or pool timeout): nothing was sent.
- The connection broke or timed out after the request was sent: Telegram may have carried it out, so
  only a request that changes nothing when repeated is tried again (an edit, a button's answer, a chat
  action…). A new message is not sent twice: the handler's error says it may be lost (see
  `handlers.LOST_ON_THE_WAY`).

A 400 (the request itself is wrong), 403 (blocked) and the like are never retried, with two exceptions
Telegram's answer itself asks for (its `ResponseParameters`):

- 429 Too Many Requests, `retry_after` seconds: the request is made again after that wait, as often as
  Telegram asks, while the waits add up to at most `FLOOD_PATIENCE` (PTB's own limiter counts attempts:
  three 429s in a row lost the answer). A wait longer than what is left is not waited out (a flood ban of
  an hour would hold every chat's replies that long): the request fails at once, said in one log line.
- 400 "group chat was upgraded to a supergroup chat", `migrate_to_chat_id`: a reply to a group that
  Telegram made a supergroup meanwhile (a question asked just before the upgrade) goes to the
  supergroup instead of being lost.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
from collections.abc import Callable, Coroutine, Sequence
from contextvars import ContextVar
from http import HTTPStatus
from typing import Any

import httpx
from telegram import Bot
from telegram.error import BadRequest, ChatMigrated, InvalidToken, NetworkError, RetryAfter, TimedOut
from telegram.ext import AIORateLimiter
from telegram.request import HTTPXRequest

from .logfilter import shortened

log = logging.getLogger(__name__)

# Bot API methods whose repetition leaves the chat as one call would (an edit to the same text is
# refused as "not modified", which the handlers take as done; a press answered twice is refused too)
REPEATABLE = frozenset(
    {
        "answercallbackquery",
        "deletemessage",
        "deletemycommands",
        "deletewebhook",
        "editmessagereplymarkup",
        "editmessagetext",
        "getfile",
        "getme",
        "getmycommands",
        "sendchataction",
        "setmycommands",
        "setwebhook",
    }
)
# a check that is itself made again minutes later (`bot.watch`): a failure is said once, not tried again at once
CHECKED_AGAIN_LATER = frozenset({"getwebhookinfo"})
NETWORK_DELAYS = (1.0, 3.0)  # seconds before the second and the third attempt
# seconds a request may wait in all for Telegram's flood control (429 `retry_after`) before it is given up:
# a group's limit (20 messages a minute) asks for up to a minute, twice at worst
FLOOD_PATIENCE = 120.0
_FLOOD_TRIES = 1_000  # PTB's limiter counts 429s; here the time waited decides (see `RetryingRateLimiter`)
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)


# PTB raises a bare NetworkError for every status it has no class for (413, 418, 5xx…), keeping only Telegram's
# description (a JSON answer) or "<phrase> (<status>)", followed, when the answer was no JSON, by the whole page
# it got (". Parsing the server response b'<html>…' failed"): a proxy's 413 page may well name a 502 in it
_STATUS_FIRST = re.compile(r"[A-Za-z][A-Za-z' -]* \((\d{3})\)(?:\.|$)")  # "Unknown HTTPError (418)" too
_PHRASES = {s.phrase.lower(): s.value for s in HTTPStatus}
_STATUS: ContextVar[int | None] = ContextVar("speechqa_bot_api_status", default=None)


class RefusedWithStatus(NetworkError):
    """A Bot API answer with an HTTP status python-telegram-bot has no error class for (413, 418, 5xx…), with
    the status itself (`StatusKeepingRequest` raises it in place of PTB's bare NetworkError)."""

    __slots__ = ("status",)

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status

    def __reduce__(self) -> tuple[type, tuple[str, int]]:  # type: ignore[override]
        return type(self), (self.message, self.status)


class RefusedToken(InvalidToken):
    """PTB's InvalidToken (a 401 or a 404 answer) with the HTTP status it came with: Telegram answers 401 to a token
    revoked or replaced in @BotFather; a 404 is an unknown route (a proxy's, a file gone, a server too old to know a
    method) — the token was checked at start-up, by its shape and by getMe."""

    __slots__ = ("status",)

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status

    def __reduce__(self) -> tuple[type, tuple[str, int]]:  # type: ignore[override]
        return type(self), (self.message, self.status)


class StatusKeepingRequest(HTTPXRequest):
    """PTB's HTTP transport, keeping the HTTP status of a refused request on its error (`RefusedWithStatus`),
    so that a server error (5xx) and a size limit (413) are known by their status, not by words in a page.

    A 401 or 404 (PTB's InvalidToken) becomes `RefusedToken`, with its status. `on_refused_token`, for the
    transport of getUpdates only, is called each time Telegram refuses the bot's token there (401: revoked or
    replaced in @BotFather); the poll then answers no updates. A 404 of getUpdates is no such refusal (Telegram
    answers a revoked token 401, and the token's shape and getMe were checked at start): a proxy's route or a
    server being redeployed, raised as `RefusedWithStatus` so that PTB tries again with back-off, as after a 5xx."""

    def __init__(self, *args: Any, on_refused_token: Callable[[], None] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.on_refused_token = on_refused_token

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        status, payload = await super().do_request(*args, **kwargs)
        _STATUS.set(status)  # read by `post` / `retrieve` below, in the same task
        return status, payload

    async def post(self, *args: Any, **kwargs: Any) -> Any:
        _STATUS.set(None)
        try:
            return await super().post(*args, **kwargs)
        except InvalidToken as e:
            status = _STATUS.get()
            if self.on_refused_token is None or status is None:
                raise _with_status(e, status) from e.__cause__
            if status != HTTPStatus.UNAUTHORIZED:  # PTB would end its polling for good at an InvalidToken
                raise RefusedWithStatus(e.message, status) from e.__cause__
            # PTB would end its polling with the error and raise it again as the application stops, skipping
            # the rest of its shutdown: the bot is stopping (`on_refused_token`), so the poll brings no updates
            self.on_refused_token()
            return []
        except NetworkError as e:
            if (refused := _refused(e)) is None:
                raise
            raise refused from e.__cause__

    async def retrieve(self, *args: Any, **kwargs: Any) -> bytes:
        _STATUS.set(None)
        try:
            return await super().retrieve(*args, **kwargs)
        except InvalidToken as e:  # a file gone from the file server (404): no refused token
            raise _with_status(e, _STATUS.get()) from e.__cause__
        except NetworkError as e:
            if (refused := _refused(e)) is None:
                raise
            raise refused from e.__cause__


def _with_status(error: InvalidToken, status: int | None) -> InvalidToken:
    """PTB's InvalidToken with the status it was answered with (as it was, without one)."""
    return error if status is None else RefusedToken(error.message, status)


def is_token_refused(error: BaseException) -> bool:
    """Whether Telegram refused the bot's token (401: revoked or replaced in @BotFather) — not a 404, which PTB
    raises as InvalidToken too (an unknown route or file: see `RefusedToken`). Known by the status
    `StatusKeepingRequest` kept; an InvalidToken from another transport, without it, is not taken for one."""
    return isinstance(error, RefusedToken) and error.status == HTTPStatus.UNAUTHORIZED


def _refused(error: NetworkError) -> RefusedWithStatus | None:
    """PTB's bare NetworkError for a status it has no class for, with that status; None for a timeout, a
    broken connection (no status) or an error PTB has a class for (BadRequest…)."""
    status = _STATUS.get()
    if type(error) is not NetworkError or status is None or 200 <= status <= 299:
        return None
    return RefusedWithStatus(error.message, status)


def status_of(error: BaseException) -> int | None:
    """The HTTP status a Bot API server (or a proxy before it) refused a request with, when PTB raised a bare
    NetworkError (or an InvalidToken: 401, 404) for it: kept by `StatusKeepingRequest`; else read where PTB puts it, at the start of the
    message ("Bad Gateway (502)…"), or from a description that is a status's phrase ("Request Entity Too
    Large"). Never from words further on: the page a proxy answered with is in the message too."""
    if isinstance(error, RefusedWithStatus | RefusedToken):
        return error.status
    if not isinstance(error, NetworkError) or type(error) is not NetworkError:
        return None
    if found := _STATUS_FIRST.match(error.message):
        return int(found.group(1))
    return _PHRASES.get(error.message.strip().lower())


_GONE = ("message to edit not found", "message can't be edited", "message_id_invalid")


def is_gone(error: BaseException) -> bool:
    """Whether an edit was refused because its message is gone (deleted) or too old (48 hours) to edit:
    what it would show can only come as a new message."""
    return isinstance(error, BadRequest) and any(part in error.message.lower() for part in _GONE)


def is_network_failure(error: BaseException) -> bool:
    """Whether Telegram could not be reached, the connection failed, or Telegram answered with a server
    error (a 5xx status) — not a refusal of the request itself (400, 403, 409, 413 "Request Entity Too
    Large", 429…)."""
    if not isinstance(error, NetworkError) or isinstance(error, BadRequest):
        return False
    if isinstance(error, TimedOut) or isinstance(error.__cause__, httpx.HTTPError):
        return True
    status = status_of(error)
    return status is not None and 500 <= status <= 599


def is_too_large(error: BaseException) -> bool:
    """Whether the request was refused for its size (413 "Request Entity Too Large"), by Telegram's server,
    a self-hosted Bot API server or a proxy in front of it."""
    return status_of(error) == HTTPStatus.REQUEST_ENTITY_TOO_LARGE


def worth_retrying(error: BaseException, method: str) -> bool:
    """Whether a request to `method` that failed with `error` may be sent again (see the module)."""
    if not is_network_failure(error) or method.lower() in CHECKED_AGAIN_LATER:
        return False
    cause = error.__cause__
    if isinstance(cause, _NOT_SENT):
        return True
    if isinstance(cause, httpx.HTTPError) or isinstance(error, TimedOut):  # broke after being sent
        return method.lower() in REPEATABLE
    if status_of(error) == HTTPStatus.GATEWAY_TIMEOUT:  # a proxy gave up waiting: Telegram may have done it
        return method.lower() in REPEATABLE
    return True  # a server error status: not carried out


def seconds_to_wait(error: RetryAfter) -> float:
    """How long Telegram asks to wait before the request is made again."""
    wait = error.retry_after
    return wait.total_seconds() if isinstance(wait, dt.timedelta) else float(wait)


async def download(bot: Bot, file_id: str) -> bytes:
    """A file a user sent, fetched from Telegram's file server: getFile, then the file itself. The download
    does not pass the rate limiter, so a passing network or server failure (502 from the file server) is tried
    again here, with the limiter's waits (`RetryingRateLimiter.network_delays`): repeating a download changes
    nothing. A refusal (file too big, unknown file) is raised at once."""
    limiter = getattr(bot, "rate_limiter", None)
    delays = limiter.network_delays if isinstance(limiter, RetryingRateLimiter) else NETWORK_DELAYS
    file = await bot.get_file(file_id)
    for attempt, delay in enumerate((*delays, None), start=1):
        try:
            return bytes(await file.download_as_bytearray())
        except NetworkError as e:
            if delay is None or not is_network_failure(e):
                raise
            name = type(e).__name__
            log.warning(
                "downloading a file failed (%s: %s): attempt %d, trying again in %.1f s",
                name,
                shortened(str(e)),
                attempt,
                delay,
            )
            await asyncio.sleep(delay)
    raise AssertionError("unreachable")  # pragma: no cover


class _OutOfPatience(Exception):
    """Carries a 429 past PTB's limiter, which would wait it out again (see `RetryingRateLimiter`)."""

    def __init__(self, error: RetryAfter) -> None:
        super().__init__(str(error))
        self.error = error


class RetryingRateLimiter(AIORateLimiter):
    """`AIORateLimiter` (flood limits; every other request held while Telegram asks to wait) that waits
    out 429s for up to `flood_patience` seconds in all, whatever their number, sends a reply to a group
    Telegram made a supergroup to the supergroup, and tries a request again after a passing network or
    server failure (see `worth_retrying`), waiting `network_delays` between attempts."""

    def __init__(
        self,
        *args: Any,
        network_delays: Sequence[float] = NETWORK_DELAYS,
        flood_patience: float = FLOOD_PATIENCE,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.network_delays = tuple(network_delays)
        self.flood_patience = flood_patience

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        waited = 0.0

        async def patiently(*args: Any, **kwargs: Any) -> bool | dict[str, Any] | list[dict[str, Any]]:
            nonlocal waited
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as e:  # PTB's limiter waits it out and calls again, unless it is too long
                # waits adding up to the patience exactly are waited out (0.015 + 0.021 > 0.036 in floats)
                if waited + seconds_to_wait(e) > self.flood_patience + 1e-9:
                    raise _OutOfPatience(e) from e
                waited += seconds_to_wait(e)
                raise

        async def once() -> bool | dict[str, Any] | list[dict[str, Any]]:
            try:
                return await send(patiently, args, kwargs, endpoint, data, tries)
            except _OutOfPatience as e:
                log.info(
                    "%s: Telegram asks to wait %.0f s more than the bot waits: given up",
                    endpoint,
                    seconds_to_wait(e.error),
                )
                raise e.error from None
            except ChatMigrated as e:
                if data.get("chat_id") in (None, e.new_chat_id):
                    raise
                log.info(
                    "chat %s is now supergroup %s: %s sent there", data["chat_id"], e.new_chat_id, endpoint
                )
                data["chat_id"] = e.new_chat_id  # the request's own parameters (`args` holds this dict)
                return await once()

        send = super().process_request
        tries = max(rate_limit_args or 0, _FLOOD_TRIES)
        for attempt, delay in enumerate((*self.network_delays, None), start=1):
            try:
                return await once()
            except NetworkError as e:
                if delay is None or not worth_retrying(e, endpoint):
                    raise
                log.warning(
                    "%s failed (%s: %s): attempt %d, trying again in %.1f s",
                    endpoint,
                    type(e).__name__,
                    shortened(str(e)),
                    attempt,
                    delay,
                )
                await asyncio.sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover
