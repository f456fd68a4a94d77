"""Webhook mode: a token revoked while the bot runs, and a webhook Telegram cannot deliver to, noticed.

Polling notices a revoked token at its next getUpdates (401). With a webhook Telegram sends the updates: when the
token is revoked or replaced in @BotFather it just stops sending, and nothing reaches the bot to say so — a
process running, deaf for good. `WebhookWatch` asks Telegram about the bot's webhook every few minutes
(getWebhookInfo, which checks the token too):

- **401** (the token is refused): `on_refused` — the application stops and `speechqa bot` exits saying why, as
  with polling. Only a 401: Telegram answers a revoked or replaced token so.
- **a network failure, a server error (5xx), any other refusal**: Telegram (or the network, or a proxy) stumbles,
  the token may be fine: one WARNING line, then quiet while it lasts (the line again at most every `repeat_after`
  seconds), one INFO line when it answers again. Never a stop.
- **`last_error_message`** (Telegram could not deliver an update: a certificate it does not trust, a 502 from the
  proxy in front of the bot): one WARNING line for the admin, with how many updates wait. Telegram re-dates the error
  at each failed retry, so an error that lasts is said as a failed check is: once, again after `repeat_after`
  seconds while it lasts (another message at once), one INFO line when it clears (no error, no update waiting).
- **another URL, or none**: another process with the same token took the updates (polling deletes the webhook,
  or it set its own): one WARNING line; this bot receives nothing until it is started again.

Each check's result is handed to `on_checked` as an `index.WebhookCheck` (the bot keeps it in the data home's
SQLite store, where `speechqa health` reads it): when the watch started, when it last checked, what came of it,
and when a check last succeeded (Telegram answered, the webhook is this bot's and updates reach it).
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from telegram import Bot, WebhookInfo
from telegram.error import TelegramError, TimedOut

from index import WebhookCheck

from .delivery import is_token_refused, status_of
from .logfilter import shortened

log = logging.getLogger(__name__)

WEBHOOK_CHECK_SECONDS = (
    300  # how often Telegram is asked about the webhook by default (SPEECHQA_WEBHOOK_CHECK_SECONDS)
)
REPEAT_AFTER = 3600.0  # seconds before an unanswered check is said again at WARNING while it lasts


@dataclass
class WebhookWatch:
    """Asks Telegram about the bot's webhook every `every` seconds (see the module); `on_refused` is called once
    when Telegram refuses the token (401). `clock` is wall-clock seconds (Telegram dates its errors so)."""

    url: str
    every: float
    on_refused: Callable[[], None]
    repeat_after: float = REPEAT_AFTER
    clock: Callable[[], float] = time.time
    on_checked: Callable[[WebhookCheck], None] | None = (
        None  # called in a worker thread (it may write a file)
    )
    started: float = field(default=0.0, init=False)
    last: WebhookCheck | None = field(default=None, init=False)
    _failures: int = field(default=0, init=False)
    _warned_at: float | None = field(default=None, init=False)
    _unkept_at: float | None = field(default=None, init=False)  # when a failing store write was last said
    _errors_said: set[tuple[int, str]] = field(default_factory=set, init=False)
    _failing: str | None = field(default=None, init=False)  # the delivery error said and not yet cleared
    _failing_said_at: float = field(default=0.0, init=False)
    _urls_said: set[str] = field(default_factory=set, init=False)

    async def run(self, bot: Bot) -> None:
        """Check every `every` seconds until cancelled, or until the token is refused."""
        self.started = float(int(self.clock()))  # Telegram dates its errors in whole seconds
        await self._record(WebhookCheck(self.url, self.every, self.started))
        while True:
            await asyncio.sleep(self.every)
            if not await self.check(bot):
                return

    async def check(self, bot: Bot) -> bool:
        """One check: False when the token was refused (the watch ends), else True."""
        try:
            info = await bot.get_webhook_info()
        except TelegramError as e:
            if is_token_refused(e):
                await self._record_result("token_refused")
                self.on_refused()
                return False
            self._unanswered(e)
            await self._record_result("unanswered", _failure(e))
            return True
        except Exception as e:  # a transport's own failure: the watch must go on, said in the log
            self._unanswered(e)
            await self._record_result("unanswered", _failure(e))
            return True
        if self._failures:
            log.info("Telegram answers the webhook check again, after %d failed checks", self._failures)
        self._failures, self._warned_at = 0, None
        self._said(info)
        if info.url != self.url:
            await self._record_result("taken_over", info.url)
        elif self._failing is not None:
            await self._record_result("delivery_error", self._failing)
        else:
            await self._record_result("ok")
        return True

    async def _record_result(self, result: str, detail: str = "") -> None:
        now = self.clock()
        last = self.last or WebhookCheck(self.url, self.every, self.started)
        ok_at = now if result == "ok" else last.ok_at
        await self._record(
            dataclasses.replace(last, checked_at=now, result=result, detail=detail, ok_at=ok_at)
        )

    async def _record(self, check: WebhookCheck) -> None:
        self.last = check
        if self.on_checked is None:
            return
        try:
            await asyncio.to_thread(self.on_checked, check)
        except (
            Exception
        ) as e:  # a read-only or full data home: the watch goes on, the health check cannot tell
            now = self.clock()
            again = self._unkept_at is None or now - self._unkept_at >= self.repeat_after
            log.log(  # one WARNING, then quiet while it lasts (again at most every `repeat_after`)
                logging.WARNING if again else logging.DEBUG,
                "could not keep the webhook check's result for speechqa health: %s",
                shortened(str(e)),
            )
            if again:
                self._unkept_at = now
            return
        if self._unkept_at is not None:
            log.info("the webhook check's result is kept for speechqa health again")
            self._unkept_at = None

    def _unanswered(self, error: BaseException) -> None:  # said in the log (the result is kept by `check`)
        self._failures += 1
        now = self.clock()
        again = self._warned_at is None or now - self._warned_at >= self.repeat_after
        status = status_of(error)
        log.log(
            logging.WARNING if again else logging.DEBUG,
            "could not check the webhook with Telegram (%s%s: %s); the bot keeps running and checks again in %g s",
            type(error).__name__,
            f", HTTP {status}" if status else "",
            shortened(str(error)),
            self.every,
        )
        if again:
            self._warned_at = now

    def _said(self, info: WebhookInfo) -> None:
        if info.url != self.url and info.url not in self._urls_said:
            self._urls_said.add(info.url)
            log.warning(
                "Telegram's webhook for this bot is %s, not %s: another process with the same token took the "
                "updates (polling, or a webhook of its own); this bot receives nothing until it is started again",
                repr(info.url) if info.url else "not set",
                self.url,
            )
        if info.url != self.url:  # its delivery errors are another process's
            return
        when, message = info.last_error_date, info.last_error_message
        seconds = None if when is None else when.timestamp() if isinstance(when, dt.datetime) else float(when)
        if seconds is None or not message or seconds < self.started or not info.pending_update_count:
            if self._failing is not None:  # delivered again: nothing waits, or Telegram reports no error
                log.info("Telegram delivers updates to the webhook %s again", info.url or self.url)
                self._failing = None
            return
        key = (int(seconds), message)
        if key in self._errors_said:  # this very error seen at an earlier check
            return
        self._errors_said.add(key)
        now = self.clock()
        if message == self._failing and now - self._failing_said_at < self.repeat_after:
            log.debug("Telegram still cannot deliver updates to the webhook: %s", message)
            return
        self._failing, self._failing_said_at = message, now
        log.warning(
            "Telegram could not deliver updates to the webhook %s: %s (at %s; %d updates waiting)",
            info.url or self.url,
            message,
            dt.datetime.fromtimestamp(seconds, dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC"),
            info.pending_update_count,
        )


def _failure(error: BaseException) -> str:
    """What a failed check met, for `speechqa health`: the HTTP status Telegram (or a proxy) answered, or the kind of
    failure (a connection refused, a time-out)."""
    status = status_of(error)
    if status:
        return f"HTTP {status}"
    return "等待回应超时" if isinstance(error, TimedOut | TimeoutError) else "网络连接失败"
