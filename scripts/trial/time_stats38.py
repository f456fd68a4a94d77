"""Trial 38: how `Store.query_stats` (what /stats and `speechqa stats` read) and the database grow with the log.

Usage:  PYTHONPATH=$PWD python scripts/trial/time_stats38.py DB [--sizes 3000 30000]
DB: a speechqa.db with a logged month (e.g. the HOME bot_trial38.py --log 3000 ran on). It is copied first; the
copy's log is grown to each size by copying its rows in SQL (each copy a question of its own), then
query_stats(top=45) — the five listed and the 40 a pin may be checked against — is timed five times.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from index import Store


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--sizes", type=int, nargs="+", default=[3000, 30000])
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="time-stats-")) / "speechqa.db"
    shutil.copy(args.db, work)
    for size in args.sizes:
        store = Store(work)
        with store.db.conn:
            while (have := store.query_stats().questions) < size:
                store.db.execute(
                    "INSERT INTO queries (ts, channel, user_id, chat_id, query, answered, top_ids, latency_ms) "
                    "SELECT ts, channel, user_id, chat_id, query || ' ' || id, answered, top_ids, latency_ms "
                    "FROM queries LIMIT ?",
                    [size - have],
                )
        times = []
        for _ in range(5):
            start = time.perf_counter()
            stats = store.query_stats(top=45)
            times.append(time.perf_counter() - start)
        store.close()
        print(
            f"{stats.questions} questions: query_stats median {statistics.median(times) * 1000:.1f} ms "
            f"(best {min(times) * 1000:.1f}); file {work.stat().st_size / 1e6:.2f} MB"
        )
    shutil.rmtree(work.parent)


if __name__ == "__main__":
    main()
