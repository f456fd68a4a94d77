"""Waiting for the bot in a trial (scripts/trial/bot_trial36.py, …37…, …38…): the bot has said its last for now
in a chat when the fake Bot API has had no call for a while and the chat's last message is no ⏳."""

from __future__ import annotations

import asyncio
import time

from tests.fake_telegram import FakeBotAPI


async def settle(api: FakeBotAPI, chat: int, *, quiet: float, timeout: float, poll: float) -> float:
    """Wait until `api` has had no call for `quiet` seconds and no ⏳ is left in `chat` (at most `timeout`
    seconds, looking every `poll`); the seconds the bot took, the quiet wait left out."""
    start = time.monotonic()
    seen, last = -1, time.monotonic()
    while time.monotonic() - start < timeout:
        await asyncio.sleep(poll)
        n = len(api.calls)
        if n != seen:
            seen, last = n, time.monotonic()
            continue
        msgs = api.messages(chat)
        busy = msgs and msgs[-1].plain_text.startswith("⏳")
        if time.monotonic() - last > quiet and not busy:
            break
    return time.monotonic() - start - quiet
