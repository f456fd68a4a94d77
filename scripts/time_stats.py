"""How long /stats (and `speechqa stats`) takes with a long query log and pins to check against.

Copies a data home, pins the pin-question set's pinned questions that the library holds (their answer
passage found by its words), logs N unanswered questions — the set's paraphrases, near misses and
unrelated questions, then made-up ones to reach N, each asked once or twice — and times
`Store.query_stats` as the bot calls it (the pin matcher deciding for the questions it lists), first on
a fresh retriever (nothing decided yet) and then again (decided before). Exact-text hiding alone is
timed beside it.

    python scripts/time_stats.py /tmp/me/f27/home --questions 200 --repeat 3
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.errors import require_paths
from index import PIN_CHECKS, Library
from retrieval import ServiceOptions, SpeechService

PIN_SET = Path(__file__).resolve().parent.parent / "benchmarks" / "pin-questions.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("home", type=Path, help="a data home to copy (never changed)")
    parser.add_argument("--questions", type=int, default=200, help="unanswered questions logged")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs (each on a fresh service)")
    parser.add_argument("--top", type=int, default=5, help="questions listed (the bot lists 5)")
    args = parser.parse_args()
    require_paths(folders=(args.home,))  # a path that does not exist: one line, exit 1
    rows = [json.loads(line) for line in PIN_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as scratch:
        home = Path(scratch) / "home"
        shutil.copytree(args.home, home, ignore=shutil.ignore_patterns("write.lock"))
        library = Library(home)
        store = library.store
        pins = 0
        for row in rows:
            if row["kind"] != "pinned":
                continue
            found = [p.id for p in store.passages() if row["answer"] in p.text]
            if found and store.pin(row["question"], found[0]) is not None:
                pins += 1
        asked = [r["question"] for r in rows if r["kind"] != "pinned"]
        asked += [f"第{n}号楼的供暖怎么安排" for n in range(max(0, args.questions - len(asked)))]
        asked = asked[: args.questions]
        for n, question in enumerate(asked):
            for _ in range(1 + n % 2):
                store.log_query(
                    channel="telegram", query=question, answered=False, top_ids=[], latency_ms=1.0
                )
        library.close()
        print(f"{pins} pins, {len(asked)} different unanswered questions logged, top {args.top}")
        print(f"the pin matcher decides for at most {args.top + PIN_CHECKS} of them")
        exact, first, again = [], [], []
        for _ in range(args.repeat):
            library = Library(home)
            service = SpeechService(library, ServiceOptions(model="intfloat/multilingual-e5-small"))
            retriever = service.current()
            retriever.search(
                "离休干部体检规定是什么？", 5, auto_filter=True, pins=True
            )  # warm, as a running bot
            started = time.perf_counter()
            plain = library.store.query_stats(top=args.top)
            exact.append(time.perf_counter() - started)
            started = time.perf_counter()
            stats = library.store.query_stats(top=args.top, pinned_since=retriever.pins_serve)
            first.append(time.perf_counter() - started)
            started = time.perf_counter()
            library.store.query_stats(top=args.top, pinned_since=retriever.pins_serve)
            again.append(time.perf_counter() - started)
            library.close()
        hidden = [q for q, _ in plain.top_unanswered if q not in dict(stats.top_unanswered)]
        print(f"exact-text hiding only: median {statistics.median(exact) * 1000:.1f} ms")
        print(
            f"with the pin matcher, first /stats: median {statistics.median(first) * 1000:.0f} ms "
            f"(runs: {', '.join(f'{t * 1000:.0f}' for t in first)})"
        )
        print(f"with the pin matcher, /stats again: median {statistics.median(again) * 1000:.1f} ms")
        print(f"listed by exact-text hiding but answered by a pin now: {len(hidden)} of {args.top}: {hidden}")


if __name__ == "__main__":
    main()
