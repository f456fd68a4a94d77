"""bot.kept: the bot's replies and the pages it showed, kept in memory and in the store, read back after a
restart (a new `KeptReplies` over the same store) as they were left."""

from __future__ import annotations

from pathlib import Path

import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.kept import KeptReplies
from index import Store

pytestmark = pytest.mark.asyncio


def buttons(data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton("▶", callback_data=data)]])


async def test_what_was_kept_is_read_back_after_a_restart_and_a_page_shown_since(tmp_path: Path) -> None:
    store = Store(tmp_path / "speechqa.db")
    try:
        before = KeptReplies(store)
        await before.keep(1, "7", 10, 11, 3)
        await before.show(1, "7", None, buttons("m:3:5"), answer=True)
        after = KeptReplies(store)  # a restart: nothing in memory
        assert await after.reply_to(1, "7", 10) == 11 and await after.answered_by(1, "7", 11) == 3
        await after.show(1, "7", None, buttons("l:1"), answer=False)  # the speech list shown since
        shown = await after.shown(1, "7", None)
        assert shown is not None and shown.answer is not None
        assert shown.page.inline_keyboard[0][0].callback_data == "l:1"
        # the answer from before the restart
        assert shown.answer.inline_keyboard[0][0].callback_data == "m:3:5"
        assert await after.shown(1, "7", 4) is None  # another forum topic
        await after.keep(1, "7", 10, 11, None)  # the answer edited into a reply that is none
        assert await KeptReplies(store).answered_by(1, "7", 11) is None
    finally:
        store.close()


async def test_a_store_that_cannot_be_written_costs_only_the_memory_across_a_restart(tmp_path: Path) -> None:
    store = Store(tmp_path / "speechqa.db")
    try:
        kept = KeptReplies(store)
        store.close()  # writes fail from here on: kept in memory, said once in the log
        await kept.keep(1, "7", 10, 11, 3)
        await kept.show(1, "7", None, buttons("m:3:5"), answer=True)
        assert await kept.reply_to(1, "7", 10) == 11 and await kept.answered_by(1, "7", 11) == 3
        shown = await kept.shown(1, "7", None)
        assert shown is not None and shown.answer is not None
    finally:
        store.close()
