"""The bot's changes of the library (an admin's upload, /reindex) run so that stopping the bot does not wait for them.

python-telegram-bot's `Application.stop()` waits for every update still being handled, and an upload's handler
waits for its add: on SIGTERM the bot went on adding every remaining file of a zip (minutes of OCR and index
writing for a batch) before it stopped (docs/trial68.md, "The batch deadlock, fixed"). Now a change runs in a
daemon thread of its own; its handler looks every `check_every` seconds whether the bot is still running, and once
it is stopping gives the change up (the handler ends as cancelled, so the upload stays recorded and is taken up
again at the next start, `Handlers.resume_uploads`). The thread stops at its next checkpoint — an archive's next
member, an embedding batch — by `WriterStopped`, which rolls its file back as Ctrl-C rolls back `speechqa add`;
a thread still inside one long C call (OCR of a page) when the process exits ends with it, as after `kill -9`:
the store's open transaction is never committed and the next build removes the unpublished index folder.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)


class WriterStopped(BaseException):
    """Raised in the writing thread at a checkpoint once the bot is stopping (a BaseException, as
    KeyboardInterrupt: no `except Exception` on the way takes it for a failure of the file)."""


class Writer:
    """Runs the bot's library changes (`run`) and tells them when the bot stops (`checkpoint`, `checked`)."""

    def __init__(self, check_every: float = 0.5) -> None:
        self.check_every = check_every
        self.stopping = threading.Event()
        self._running: Callable[[], bool] | None = None
        self._started: Callable[[], bool] = lambda: False
        self._served = False  # the application was seen running: not running any more then means stopping

    def watch(self, running: Callable[[], bool], started: Callable[[], bool] | None = None) -> None:
        """Follow whether the application runs (`lambda: application.running`) and, from its lifecycle,
        whether it has started (`OnceApplication.started`): started and not running is stopping, even when
        no change was asked for while it ran (a first upload reaching `run` after `Application.stop()` began)."""
        self._running = running
        if started is not None:
            self._started = started
        if running():
            self._served = True

    def _stopping_now(self) -> bool:
        if self.stopping.is_set():
            return True
        if self._running is None:
            return False
        if self._running():
            self._served = True
            return False
        if self._served or self._started():  # it ran and does not any more: `Application.stop()` began
            self.stopping.set()
        return self.stopping.is_set()

    def checkpoint(self) -> None:
        """In the writing thread: stop here when the bot is stopping."""
        if self.stopping.is_set():
            raise WriterStopped

    def checked(self, progress: Callable[[int, int], None] | None) -> Callable[[int, int], None]:
        """`progress` with a checkpoint before each report (the library reports after each embedding batch)."""

        def report(done: int, total: int) -> None:
            self.checkpoint()
            if progress is not None:
                progress(done, total)

        return report

    async def run(self, function: Callable[..., T], *args: object) -> T:
        """`function(*args)` in a daemon thread of its own, awaited until it returns or raises — or until the
        bot is stopping, when `asyncio.CancelledError` is raised here (the caller's upload is left to be
        taken up again) and the thread is told to stop at its next checkpoint."""
        if self._stopping_now():  # (and notes that the application runs, when it does)
            raise asyncio.CancelledError
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()

        def settle(result: T | None, error: BaseException | None) -> None:
            if future.done():  # given up on (the bot stopping): nobody awaits it, so its error is logged here
                if error is not None:
                    log.error(
                        "a change of the library given up on at a stop failed afterwards", exc_info=error
                    )
                return
            if error is not None:
                future.set_exception(error)
            else:
                future.set_result(result)  # type: ignore[arg-type]

        def work() -> None:
            result: T | None = None
            error: BaseException | None = None
            try:
                result = function(*args)
            except WriterStopped:
                log.info("a change of the library stopped at a checkpoint: the bot is stopping")
                return
            except BaseException as e:  # handed to the awaiting handler
                error = e
            try:
                loop.call_soon_threadsafe(settle, result, error)
            except RuntimeError:  # the event loop is closed: the bot stopped meanwhile
                if error is not None:
                    log.error("a change of the library failed after the bot stopped", exc_info=error)

        threading.Thread(target=work, name="speechqa-writer", daemon=True).start()
        try:
            while not future.done():
                await asyncio.wait([future], timeout=self.check_every)
                if not future.done() and self._stopping_now():
                    log.info(
                        "the bot is stopping: the change under way is given up (an upload is taken up again at the next start)"
                    )
                    raise asyncio.CancelledError
        finally:
            future.cancel()  # given up on (or the handler cancelled): the thread's late outcome is logged, not set
        return future.result()
