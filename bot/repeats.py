"""The same request made again at once: a button tapped twice, a question sent twice.

A nervous or impatient user taps a button two or three times before its result arrives (or a slow
network makes the client seem not to react), or sends a question again while its answer is being
searched. Every press and every message reaches the bot: without this, 导出 Word sent three identical
documents, 上下文 three identical messages, and a question sent twice got two identical answers.

A request counts as a repeat of an earlier one with the same key while that one is still being handled,
or (for `window` seconds after) once it was: the repeat is not carried out again. A repeat made while
the first is handled waits for it: if the first fails (its result never reached the user), the repeat
is carried out instead, so the user still gets one. Buttons that edit their message in place need none
of this (a second edit changes nothing).
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable

from .memory import remember

PRESS_WINDOW = 3.0  # seconds after a press was handled during which the same press is a repeat


class _Flight:
    """A request being handled: those made again meanwhile wait for how it ends."""

    def __init__(self) -> None:
        self._ended = asyncio.Event()
        self.done = False

    def end(self, done: bool) -> None:
        self.done = done
        self._ended.set()

    async def ended(self) -> bool:
        await self._ended.wait()
        return self.done


class Repeats:
    """Requests being handled, and those handled in the last `window` seconds, by key (the newest
    `size`). `begin(key)` says whether a request is to be carried out (it is then being handled);
    `end(key)` says how it ended."""

    def __init__(
        self, window: float = 0.0, clock: Callable[[], float] = time.monotonic, size: int = 4096
    ) -> None:
        self.window = window
        self.clock = clock
        self.size = size
        self._handled: OrderedDict[Hashable, float | _Flight] = OrderedDict()  # a time: handled then

    async def begin(self, key: Hashable) -> bool:
        """True for a request to carry out (it is then being handled); False for a repeat. A repeat of a
        request being handled waits for its end, and is carried out if that one failed."""
        while True:
            state = self._handled.get(key)
            if isinstance(state, _Flight):
                if await state.ended():
                    return False
                continue  # it failed: this one goes (or waits for another repeat that went first)
            if state is not None and self.clock() - state < self.window:
                return False
            remember(self._handled, key, _Flight(), self.size)
            return True

    def end(self, key: Hashable, *, done: bool = True) -> None:
        """The request begun under `key` was handled: `done`, or it failed (its result never reached the
        user, e.g. Telegram's flood control outlasted the retries), and then the same request made again,
        meanwhile or at once, is carried out."""
        flight = self._handled.get(key)
        if done and self.window > 0:
            remember(self._handled, key, self.clock(), self.size)
        else:
            self._handled.pop(key, None)
        if isinstance(flight, _Flight):
            flight.end(done)
