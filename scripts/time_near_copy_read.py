"""CPU per search of knowing which speeches have a newer version (「有更正版」): what `main` read at every search
(`Store.near_copies`) against what a search reads now (`Store.metadata_stamp`, the near-copy pairs re-read only
when it moves). CPU time (process_time), not wall: the machine it was measured on was shared.

Usage:  PYTHONPATH=$PWD python scripts/time_near_copy_read.py DATA_HOME
Prints the median over 15 runs of 2,000 calls of each, in microseconds a call.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from index import Store


def per_call(read: Callable[[], object], calls: int = 2000, runs: int = 15) -> float:
    """Median CPU microseconds a call."""
    seconds = []
    for _ in range(runs):
        started = time.process_time()
        for _ in range(calls):
            read()
        seconds.append((time.process_time() - started) / calls)
    return statistics.median(seconds) * 1e6


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("home", type=Path, help="a data home holding speechqa.db")
    home = parser.parse_args(argv).home
    if not (home / "speechqa.db").is_file():  # a read-only Store would refuse it with a traceback
        print(
            f"找不到文件夹：{home}" if not home.is_dir() else f"找不到：{home / 'speechqa.db'}",
            file=sys.stderr,
        )
        return 1
    store = Store(home / "speechqa.db", read_only=True)
    pairs = len(store.near_copies())
    before, after = per_call(store.near_copies), per_call(store.metadata_stamp)
    print(
        f"{pairs} near-copy pairs: near_copies {before:.1f} us (each search before), metadata_stamp {after:.1f} us (now)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
