"""Bounded logs for the long-running bot: identical records rate-limited, an optional rotating file.

A misbehaving update once made python-telegram-bot log the same error in a loop (100 MB in three
minutes). `RepeatFilter` lets the first few identical records through in each window and counts the
rest; the next identical record after the window says how many were left out. With
`SPEECHQA_LOG_FILE` set, the log also goes to a file that rotates at a fixed size.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from logging.handlers import RotatingFileHandler
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_TRACKED = 1000  # distinct records remembered; the oldest windows are forgotten first


@dataclass
class _Window:
    start: float
    count: int = 0
    dropped: int = 0


class RepeatFilter(logging.Filter):
    """At most `burst` identical records (same logger, level, message and exception) per `window`
    seconds; the rest are dropped and counted, and the count is added to the next one let through."""

    def __init__(
        self, burst: int = 5, window: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__()
        if burst < 1 or window <= 0:
            raise ValueError("burst must be at least 1 and window positive")
        self.burst = burst
        self.window = window
        self.clock = clock
        self._windows: dict[tuple[object, ...], _Window] = {}
        self._lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        decided = getattr(record, "speechqa_repeat", None)
        if decided is not None:  # another handler's filter saw this record already
            return bool(decided)
        record.speechqa_repeat = keep = self._decide(record)
        return keep

    def _decide(self, record: logging.LogRecord) -> bool:
        key = _identity(record)
        now = self.clock()
        with self._lock:
            window = self._windows.get(key)
            dropped = 0
            if window is None or now - window.start >= self.window:
                dropped = window.dropped if window else 0
                window = self._windows[key] = _Window(now)
                if len(self._windows) > _TRACKED:
                    oldest = min(self._windows, key=lambda k: self._windows[k].start)
                    del self._windows[oldest]
            window.count += 1
            if window.count > self.burst:
                window.dropped += 1
                return False
            last = window.count == self.burst
        notes = []
        if dropped:
            notes.append(f"{dropped} identical records suppressed in the previous {self.window:.0f} s")
        if last:
            notes.append(f"further identical records suppressed for {self.window:.0f} s")
        if notes:
            record.msg, record.args = f"{record.getMessage()} [{'; '.join(notes)}]", None
        return True


def _identity(record: logging.LogRecord) -> tuple[object, ...]:
    error = record.exc_info[1] if record.exc_info else None
    return (
        record.name,
        record.levelno,
        record.getMessage(),
        type(error).__name__ if error else None,
        str(error) if error else None,
    )


def file_handler(path: Path, max_bytes: int, backups: int) -> RotatingFileHandler:
    """A log file that rotates at `max_bytes` (path, path.1 … path.N), keeping `backups` old ones."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return RotatingFileHandler(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
