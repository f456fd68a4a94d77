"""A status message that follows a long job (indexing), edited at most every few seconds."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from concurrent.futures import Future

from telegram import InlineKeyboardMarkup, Message
from telegram.error import BadRequest, Forbidden, TelegramError

from .delivery import is_gone

log = logging.getLogger(__name__)


class Throttle:
    """Whether an update is worth an edit: not sooner than `interval` after the last, never the same text."""

    def __init__(self, interval: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.interval = interval
        self.clock = clock
        self.last_text: str | None = None
        self._last_at = float("-inf")

    def due(self, text: str) -> bool:
        now = self.clock()
        if text == self.last_text or now - self._last_at < self.interval:
            return False
        self.last_text, self._last_at = text, now
        return True


def embedding_progress(label: str) -> Callable[[int, int], str]:
    def describe(done: int, total: int) -> str:
        if total == 0:
            return f"⏳ {label}：所有段落都已有向量，正在写入索引…"
        return f"⏳ {label}：已嵌入 {done}/{total} 段（{done * 100 // total}%）"

    return describe


class ProgressMessage:
    """Edits `message` as a job running in a worker thread reports `(done, total)`.

    Call it from the worker thread; `finish()` (on the event loop) waits for the edits in flight, so
    a late progress edit can never overwrite the final text.
    """

    def __init__(
        self,
        message: Message,
        loop: asyncio.AbstractEventLoop,
        describe: Callable[[int, int], str],
        throttle: Throttle,
    ) -> None:
        self.message = message
        self.loop = loop
        self.describe = describe
        self.throttle = throttle
        self._pending: list[Future[None]] = []
        self.throttle.last_text = message.text_html if message.text else None
        self._stopped = False  # the message was deleted, or the chat blocked the bot: no more edits

    def __call__(self, done: int, total: int) -> None:
        text = self.describe(done, total)
        if not self._stopped and self.throttle.due(text):
            self._pending.append(asyncio.run_coroutine_threadsafe(self._edit(text), self.loop))

    async def finish(self, text: str, reply_markup: InlineKeyboardMarkup | None = None) -> None:
        """Show the final text (after every progress edit still in flight); when the message was deleted
        meanwhile (or is too old to edit), in a new message: the report is not lost."""
        if self._pending:
            await asyncio.gather(*(asyncio.wrap_future(f) for f in self._pending), return_exceptions=True)
        try:
            await self.message.edit_text(text, reply_markup=reply_markup)
        except BadRequest as e:
            if "not modified" in str(e).lower():
                return
            if not is_gone(e):
                raise
            log.info("the progress message is gone (%s): the result comes as a new message", e)
            await self.message.get_bot().send_message(self.message.chat.id, text, reply_markup=reply_markup)

    async def abandon(self, text: str) -> None:
        """The job was given up (the bot stopping): no more progress edits, and `text` shown in their place —
        best effort, as the bot is going away (a failed edit is logged, not raised)."""
        self._stopped = True
        if self._pending:
            await asyncio.gather(*(asyncio.wrap_future(f) for f in self._pending), return_exceptions=True)
        try:
            await self.message.edit_text(text)
        except TelegramError as e:
            log.info("could not say that the job was given up (%s)", e)

    async def _edit(self, text: str) -> None:
        if self._stopped:
            return
        try:
            await self.message.edit_text(text)
        except TelegramError as e:  # a lost progress edit is not worth failing the job for
            if isinstance(e, Forbidden) or is_gone(e):  # it would fail again every few seconds
                self._stopped = True
                log.info("progress no longer shown (%s)", e)
            else:
                log.warning("could not update the progress message: %s", e)
