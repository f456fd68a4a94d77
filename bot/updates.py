"""Each Telegram update is handled once, also across a restart.

Telegram delivers an update again, under the same `update_id`, when it did not learn that the bot
processed it: the bot stopped or crashed after answering but before its next getUpdates confirmed it,
or a webhook answered too slowly. Without a memory of what was handled, the question is answered twice
(and a vote or a pin press done twice). An edit is a new update (new id): it is handled as usual.

An update counts as handled once its handlers have run: one delivered again while the first copy is
still being handled is dropped at once (from memory); one delivered again after a restart is dropped
because the store remembers it. A crash *while* an update is handled leaves it unrecorded: delivered
again, it is answered then (better once more than never).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from telegram import Update
from telegram.ext import Application

from index import HANDLED_UPDATES_KEPT, Store

from .memory import remember

if TYPE_CHECKING:
    from .watch import WebhookWatch

log = logging.getLogger(__name__)


class HandledUpdates:
    """The updates handled lately, by (bot id, update id): in memory, and in the store for a restart."""

    def __init__(self, store: Store, size: int = HANDLED_UPDATES_KEPT) -> None:
        self.store = store
        self.size = size
        self._seen: OrderedDict[tuple[int, int], None] = OrderedDict()
        self._unsaved = False  # said once in the log when the store cannot keep them
        for key in store.handled_updates():
            remember(self._seen, key, None, size)

    def claim(self, bot_id: int, update_id: int) -> bool:
        """True for an update seen for the first time (it is then taken: a copy delivered while it is
        handled is not); False for one handled or being handled already."""
        key = (bot_id, update_id)
        if key in self._seen:
            return False
        remember(self._seen, key, None, self.size)
        return True

    async def done(self, bot_id: int, update_id: int) -> None:
        """Keep in the store that an update was handled. A store that cannot be written (a read-only
        data home, a full disk) only costs the memory across a restart: said once in the log."""
        try:
            await asyncio.to_thread(self.store.record_update, bot_id, update_id)
            self._unsaved = False  # working again: the next failure is said again
        except Exception as e:
            level = logging.DEBUG if self._unsaved else logging.WARNING
            log.log(
                level, "could not store that update %s was handled (kept in memory only): %s", update_id, e
            )
            self._unsaved = True


class OnceApplication(Application[Any, Any, Any, Any, Any, Any]):
    """PTB's `Application`, handling each update once (see the module's docstring). Every update, polled,
    from a webhook or given to `process_update`, goes through here."""

    def __init__(self, *, handled: HandledUpdates, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.handled = handled
        self.token_refused = False
        self.watch: WebhookWatch | None = None  # webhook mode: the token and webhook checked now and then
        self._watching: asyncio.Task[None] | None = None
        self.started = False  # `start()` ran: not running any more then means stopping (bot/writer.py)

    async def start(self) -> None:
        await super().start()
        self.started = True
        if self.watch is not None:
            self._watching = asyncio.get_running_loop().create_task(self.watch.run(self.bot))

    async def stop(self) -> None:
        if self._watching is not None:
            self._watching.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watching
            self._watching = None
        await super().stop()

    def refuse_token(self) -> None:
        """Telegram refused the bot's token while it ran (revoked or replaced in @BotFather), at a poll or at a
        webhook check (`bot.watch`): PTB ends its polling then and `run_polling` would go on idling, and a webhook
        simply gets no more updates — the bot silent for good. It stops instead, so that `speechqa bot` exits
        saying why (and a service manager sees it)."""
        if self.token_refused:
            return
        self.token_refused = True
        log.error("Telegram refuses the bot's token (revoked or replaced in @BotFather?): the bot stops")
        self.stop_running()

    async def process_update(self, update: object) -> None:
        if not isinstance(update, Update):
            await super().process_update(update)
            return
        if not self.handled.claim(self.bot.id, update.update_id):
            log.debug("update %s delivered again: handled already, skipped", update.update_id)
            return
        await super().process_update(update)  # handler errors are dealt with inside (the error handler)
        await self.handled.done(self.bot.id, update.update_id)
