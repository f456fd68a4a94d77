"""The same request made again at once: a button tapped twice, a question sent twice.

A nervous or impatient user taps a button two or three times before its result arrives (or a slow
network makes the client seem not to react), or sends a question again while its answer is being
searched. Every press and every message reaches the bot: without this, 导出 Word sent three identical
documents, 上下文 three identical messages, and a question sent twice got two identical answers.

A request counts as a repeat of an earlier one with the same key while that one is still being handled,
or (for `window` seconds after) once it was: the repeat is not carried out again. Buttons that edit
their message in place need none of this (a second edit changes nothing).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable

from .memory import remember

PRESS_WINDOW = 3.0  # seconds after a press was handled during which the same press is a repeat


class Repeats:
    """Requests being handled, and those handled in the last `window` seconds, by key (the newest
    `size`). `begin(key)` says whether a request is new (and marks it as being handled); `end(key)`
    marks it handled."""

    def __init__(
        self, window: float = 0.0, clock: Callable[[], float] = time.monotonic, size: int = 4096
    ) -> None:
        self.window = window
        self.clock = clock
        self.size = size
        self._handled: OrderedDict[Hashable, float | None] = OrderedDict()  # None: being handled

    def begin(self, key: Hashable) -> bool:
        """True for a request to carry out (it is then being handled); False for a repeat."""
        if key in self._handled:
            finished = self._handled[key]
            if finished is None or self.clock() - finished < self.window:
                return False
        remember(self._handled, key, None, self.size)
        return True

    def end(self, key: Hashable, *, done: bool = True) -> None:
        """The request begun under `key` was handled: `done`, or it failed (its result never reached the
        user, e.g. Telegram's flood control outlasted the retries), and then the same request made again
        at once is carried out."""
        if done and self.window > 0:
            remember(self._handled, key, self.clock(), self.size)
        else:
            self._handled.pop(key, None)
