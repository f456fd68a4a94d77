"""Which message the bot replied to each person's message with, and the page it last showed in each chat
and topic, also across a restart.

A person edits a question answered before: the answer is edited to match (never a second answer to text
that is gone). A person puts 👍 on an answer: Telegram's reaction update names only the message, so the bot
must know which logged question that message answers. Both used to live in the process's memory alone: after
a restart an edited question got a second answer, and a reaction on an answer from before went uncounted.
The latest are kept in memory, every one in the store (`Store.record_reply`: bounded by count and age,
deleted by `prune-log` with the questions they answer). So is the page last shown in each chat and forum
topic: a 「还有吗？」, 「那退休干部呢？」 or 「第二条再详细点」 sent next without replying to it goes on from it (after a
restart it used to be told to ask first).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from telegram import InlineKeyboardMarkup

from index import ShownPages, Store

from .memory import remember

log = logging.getLogger(__name__)

REMEMBERED = 2000  # replies kept in memory as well (the store keeps index.BOT_REPLIES_KEPT)


@dataclass(frozen=True)
class Shown:
    """The buttons of the page last shown in a chat and topic, and of the last answer shown there."""

    page: InlineKeyboardMarkup
    answer: InlineKeyboardMarkup | None


class KeptReplies:
    """The bot's replies by the message they reply to, and the logged question each answer answers. A chat is
    written as the query log writes it (a private chat's id pseudonymised when user ids are hidden)."""

    def __init__(self, store: Store, size: int = REMEMBERED) -> None:
        self.store = store
        self.size = size
        self._replies: OrderedDict[tuple[int, str, int], int] = OrderedDict()  # message -> reply
        self._answers: OrderedDict[tuple[int, str, int], int | None] = OrderedDict()  # reply -> query id
        self._pages: OrderedDict[tuple[int, str, int], Shown] = OrderedDict()  # chat and topic -> last pages
        self._unsaved = False  # said once in the log when the store cannot keep them

    async def keep(
        self, bot_id: int, chat: str, message_id: int, reply_id: int, query_id: int | None
    ) -> None:
        """The bot replied to `message_id` with `reply_id`, an answer to the logged question `query_id` (None:
        a reply that is no answer)."""
        remember(self._replies, (bot_id, chat, message_id), reply_id, self.size)
        remember(self._answers, (bot_id, chat, reply_id), query_id, self.size)
        await self._save(self.store.record_reply, bot_id, chat, message_id, reply_id, query_id)

    async def show(
        self, bot_id: int, chat: str, thread: int | None, page: InlineKeyboardMarkup, *, answer: bool
    ) -> None:
        """The bot showed a page with these buttons in a chat and forum topic (`answer`: an answer's page)."""
        key = (bot_id, chat, thread or 0)
        # not an answer, and nothing in memory: the last answer there, shown before a restart, is the store's to say
        if answer or key in self._pages:
            remember(self._pages, key, Shown(page, page if answer else self._pages[key].answer), self.size)
        await self._save(
            self.store.record_page, bot_id, chat, thread or 0, json.dumps(page.to_dict()), answer=answer
        )

    async def shown(self, bot_id: int, chat: str, thread: int | None) -> Shown | None:
        """The page and the answer last shown in a chat and forum topic, or None when none is remembered."""
        key = (bot_id, chat, thread or 0)
        if key in self._pages:
            return self._pages[key]
        stored = await asyncio.to_thread(self.store.shown_pages, *key)
        return None if stored is None else _markups(stored)

    async def _save(self, record: Callable[..., None], *args: object, **kwargs: object) -> None:
        """Write to the store; one that cannot be written (a read-only data home, a full disk) only costs the
        memory across a restart: said once in the log."""
        try:
            await asyncio.to_thread(record, *args, **kwargs)
            self._unsaved = False  # working again: the next failure is said again
        except Exception as e:
            level = logging.DEBUG if self._unsaved else logging.WARNING
            log.log(level, "could not store what the bot showed (kept in memory only): %s", e)
            self._unsaved = True

    async def reply_to(self, bot_id: int, chat: str, message_id: int) -> int | None:
        """The bot's reply to a person's message, or None when it gave none (that it remembers)."""
        key = (bot_id, chat, message_id)
        if key in self._replies:
            return self._replies[key]
        return await asyncio.to_thread(self.store.reply_to, bot_id, chat, message_id)

    async def answered_by(self, bot_id: int, chat: str, reply_id: int) -> int | None:
        """The logged question the bot's message `reply_id` answers, or None (no answer, or not remembered)."""
        key = (bot_id, chat, reply_id)
        if key in self._answers:
            return self._answers[key]
        return await asyncio.to_thread(self.store.answered_by, bot_id, chat, reply_id)


def _markups(stored: ShownPages) -> Shown | None:
    """The stored buttons as markup again; None when they cannot be read (written by another release)."""
    try:
        page = InlineKeyboardMarkup.de_json(json.loads(stored.page), None)
        answer = (
            None if stored.answer is None else InlineKeyboardMarkup.de_json(json.loads(stored.answer), None)
        )
    except (ValueError, TypeError, KeyError) as e:
        log.info("the page last shown could not be read back (%s): none remembered", e)
        return None
    return Shown(page, answer)
