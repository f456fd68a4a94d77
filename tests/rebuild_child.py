"""A rebuild (`SpeechService.rebuild`, what `speechqa rebuild` and the bot's /reindex run) that
announces each step of building and publishing the index, then pauses on it.

The subject of the crash test (tests/test_crash_safety.py): run as `python -m tests.rebuild_child
HOME`, it writes the step it has reached to $CRASH_STAGE_FILE and sleeps $CRASH_PAUSE seconds there,
so the test can `kill -9` it at a known moment. Everything else is the real code. (The service keeps
the model the index was built with, so sentence-transformers is not imported: each run starts in ~3 s.)
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from index import Library, Store
from index import library as library_module
from retrieval import ServiceOptions, SpeechService

STAGE_FILE = Path(os.environ["CRASH_STAGE_FILE"])
PAUSE = float(os.environ.get("CRASH_PAUSE", "0.5"))


def announce(stage: str) -> None:
    tmp = STAGE_FILE.with_suffix(".part")
    tmp.write_text(stage)
    os.replace(tmp, STAGE_FILE)
    time.sleep(PAUSE)


def after(stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        result = function(*args, **kwargs)
        announce(stage)
        return result

    return wrapper


def before(stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        announce(stage)
        return function(*args, **kwargs)

    return wrapper


_rename = Path.rename
_rmtree = shutil.rmtree


def rename(self: Path, target: Any) -> Any:
    result = _rename(self, target)
    if self.name.startswith("gen-") and self.name.endswith(".tmp"):
        announce("renamed")  # the finished folder exists; CURRENT still names the old one
    return result


def rmtree(path: Any, *args: Any, **kwargs: Any) -> None:
    if Path(path).name.startswith("gen-"):
        announce("collecting")
    _rmtree(path, *args, **kwargs)


Store.cache_vectors = after("embedding", Store.cache_vectors)  # type: ignore[method-assign]
library_module.VectorIndex.save = before("writing", library_module.VectorIndex.save)  # type: ignore[method-assign]
library_module._fsync_dir = after("swapped", library_module._fsync_dir)
Path.rename = rename  # type: ignore[method-assign]
library_module.shutil.rmtree = rmtree  # type: ignore[assignment]

if __name__ == "__main__":
    announce("started")
    service = SpeechService(
        Library(Path(sys.argv[1])), ServiceOptions(model="intfloat/multilingual-e5-small")
    )
    report = service.rebuild()
    print(f"索引已重建：{report.manifest.count} 段，本次嵌入 {report.embedded} 段")
