"""A per-user sliding-window limit on incoming questions: pure, with the clock passed in."""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable
from dataclasses import dataclass

_PRUNE_AT = 10_000  # tracked users before idle ones are forgotten
NOTICE_GAP = 5.0  # seconds: a refused question gets the notice again after this long (a burst gets one)


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: float  # seconds until the next question is accepted (0 when allowed)
    notify: bool  # tell them: the first refusal, or the first after NOTICE_GAP seconds without a notice


class SlidingWindow:
    """At most `limit` events per `window` seconds for each key."""

    def __init__(self, limit: int, window: float = 60.0, notice_gap: float = NOTICE_GAP) -> None:
        if limit < 1 or window <= 0 or notice_gap < 0:
            raise ValueError("limit must be at least 1, window positive and notice_gap not negative")
        self.limit = limit
        self.window = window
        self.notice_gap = notice_gap
        self._events: dict[Hashable, deque[float]] = {}
        self._warned: dict[Hashable, float] = {}  # when each refused user was last told

    def check(self, key: Hashable, now: float) -> Verdict:
        """Count an event for `key` at time `now` if the window has room; say whether it had."""
        events = self._events.setdefault(key, deque())
        while events and events[0] <= now - self.window:
            events.popleft()
        if len(events) < self.limit:
            events.append(now)
            self._warned.pop(key, None)
            if len(self._events) > _PRUNE_AT:
                self._prune(now)
            return Verdict(True, 0.0, False)
        # A person who sends another question a while after the notice gets it again (silence would
        # look like a broken bot); a burst of messages within the gap gets one.
        told = self._warned.get(key)
        notify = told is None or now - told >= self.notice_gap
        if notify:
            self._warned[key] = now
        return Verdict(False, max(0.0, events[0] + self.window - now), notify)

    def _prune(self, now: float) -> None:
        idle = [k for k, events in self._events.items() if not events or events[-1] <= now - self.window]
        for key in idle:
            del self._events[key]
            self._warned.pop(key, None)
