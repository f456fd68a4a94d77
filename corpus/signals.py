"""Ctrl-C (SIGINT) and SIGTERM around long C calls and short critical writes: `interruptible` lets them act
within a fraction of a second during a call that would hold them for seconds (the model encoding a batch,
OCR reading a page); `signals_held` holds them for the few milliseconds in which a write must not be cut in
two. In the lowest layer, so that reading files (OCR) and indexing use the same helper."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator
from types import FrameType
from typing import TypeVar

T = TypeVar("T")

HELD = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Run the block with SIGINT and SIGTERM noted, not acted on; act on them right after.

    Used around "commit the store, then point CURRENT at the new index": an interruption lands before
    both or after both. Only the main thread can own signal handlers; elsewhere the block just runs.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []

    def note(signum: int, frame: FrameType | None) -> None:
        caught.append(signum)

    previous = {sig: signal.signal(sig, note) for sig in HELD}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        for sig in dict.fromkeys(caught):
            signal.raise_signal(sig)


def interruptible(function: Callable[[], T]) -> T:
    """Run a long C call (the model encoding a batch, onnxruntime reading a page by OCR) so that Ctrl-C / SIGTERM act within a fraction of
    a second: in the main thread the call runs in a daemon thread while this one waits in short steps
    (a signal handler runs between them); the abandoned call ends with the process. Elsewhere it just
    runs."""
    if threading.current_thread() is not threading.main_thread():
        return function()
    result: list[T] = []
    failure: list[BaseException] = []

    def work() -> None:
        try:
            result.append(function())
        except BaseException as e:  # handed to the caller below
            failure.append(e)

    worker = threading.Thread(target=work, name="speechqa-long-call", daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(0.05)
    if failure:
        raise failure[0]
    return result[0]
