"""Bounded logs for the long-running bot: identical records rate-limited, an optional rotating file.

A misbehaving update once made python-telegram-bot log the same error in a loop (100 MB in three
minutes). `RepeatFilter` lets the first few identical records through in each window and counts the
rest; the next identical record after the window says how many were left out. With
`SPEECHQA_LOG_FILE` set, the log also goes to a file that rotates at a fixed size.
"""

from __future__ import annotations

import errno
import logging
import os
import pwd
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


class LogFileError(OSError):
    """SPEECHQA_LOG_FILE cannot be written. The message says why, in one Chinese line, with what to do."""


def file_handler(path: Path, max_bytes: int, backups: int) -> RotatingFileHandler:
    """A log file that rotates at `max_bytes` (path, path.1 … path.N), keeping `backups` old ones. A file that
    cannot be written (its folder not to be made by this user, another user's file, a folder under its name, a
    read-only or full disk) raises `LogFileError`: said at start-up, before anything else is done."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return RotatingFileHandler(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
    except OSError as e:
        raise LogFileError(log_file_message(path, e)) from e


def log_file_message(path: Path, error: OSError) -> str:
    """Why the log file `path` cannot be opened, and what to do: the way a service's user is given its log
    folder (the README's systemd unit runs the bot as its own user, with its log under /var/log)."""
    head = f"无法写入日志文件 SPEECHQA_LOG_FILE={path}"
    me = _user_name(os.geteuid())
    if isinstance(error, IsADirectoryError) or path.is_dir():
        return f"{head}：这是一个文件夹，请给出文件的名字，如 SPEECHQA_LOG_FILE={path / 'bot.log'}"
    if error.errno in (errno.EACCES, errno.EPERM):
        if path.exists():
            owner = _user_name(path.stat().st_uid)
            return (
                f"{head}：没有写这个文件的权限（它属于用户 {owner}，speechqa 以用户 {me} 运行），"
                f"请把它交给这个用户：chown {me} {path}"
            )
        folder = path.parent
        while not folder.exists() and folder != folder.parent:
            folder = folder.parent
        where = (
            f"不能在文件夹 {folder} 里建文件"
            if folder == path.parent
            else f"不能建文件夹 {path.parent}（{folder} 不许它写）"
        )
        return (
            f"{head}：用户 {me} {where}，请先建好日志文件夹并交给这个用户："
            f"mkdir -p {path.parent} && chown {me} {path.parent}"
        )
    if error.errno == errno.EROFS:
        return f"{head}：所在的磁盘是只读的，请把 SPEECHQA_LOG_FILE 设到可写的地方"
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"{head}：所在的磁盘空间不足，请腾出空间后重试"
    if error.errno in (errno.ENOTDIR, errno.EEXIST):  # a file where a folder of the path should be
        return f"{head}：路径中有一段是文件而不是文件夹，请检查这个路径"
    return f"{head}：无法建立或打开这个文件（错误号 {error.errno}），请检查这个路径是否存在、可写"


def _user_name(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:  # a uid with no name here (a container's user)
        return str(uid)
