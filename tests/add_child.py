"""The real `speechqa add` command, announcing each step of adding a file and pausing on it.

The subject of tests/test_add_interrupt.py: run as `python -m tests.add_child HOME FILE`, it writes the
step it has reached to $CRASH_STAGE_FILE and sleeps $CRASH_PAUSE seconds there, so the test can send
SIGINT, SIGTERM or SIGKILL at a known moment. Everything else is the real code and the real model.
"""

from __future__ import annotations

import importlib
import signal
import sys
from pathlib import Path
from typing import Any

from cli import main
from index import Library, Store
from index import library as library_module

from .rebuild_child import after, announce, before

_rename = Path.rename


def rename(self: Path, target: Any) -> Any:
    result = _rename(self, target)
    if self.name.startswith("gen-") and self.name.endswith(".tmp"):
        announce("renamed")  # the generation is complete; the store transaction is still open
    return result


cli_module = importlib.import_module("cli.main")  # the module (the package's `main` is the function)
cli_module.Context.service = before("opening", cli_module.Context.service)  # type: ignore[method-assign]
Store.cache_vectors = after("embedding", Store.cache_vectors)  # type: ignore[method-assign]
Library._commit_with_index = before("stored", Library._commit_with_index)  # type: ignore[method-assign]
library_module.VectorIndex.save = before("writing", library_module.VectorIndex.save)  # type: ignore[method-assign]
Path.rename = rename  # type: ignore[method-assign]
Store.commit = after("committed", Store.commit)  # type: ignore[method-assign]
library_module._fsync_dir = after("swapped", library_module._fsync_dir)

if __name__ == "__main__":
    # Ctrl-C in a terminal reaches the command. A test run started in the background (`cmd &` in a shell
    # without job control) hands its children SIGINT ignored, and Python keeps it ignored: the child would
    # then not be the command a user interrupts.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    announce("started")
    sys.argv = ["speechqa", "--home", sys.argv[1], "add", *sys.argv[2:]]
    main()
