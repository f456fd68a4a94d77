"""What the issue-12 additions cost a search, in CPU time of one process, without the question's encoding.

`speechqa bench latency` times whole searches, whose encoding (~10 ms, ~80 % of a search) and the
machine's other work hide the 1–3 ms the additions cost. Here every question's vector is encoded once
and cached, so a search is its Python work (and FAISS, bm25s, SQLite) alone, timed in CPU time of the
searching thread (such a search runs in one thread; other processes' work is not counted, though it
still slows the caches). The full search and the search without the issue-12 additions (the bench's
BEFORE_ISSUE_12) are timed interleaved, question by question, `--repeat` times; each question's time
is its fastest pass. Printed: median, p95 and mean over the questions of the full search, of the search
without, of the extra (full − without), and of the parts of the extra work that can be timed on their
own (typo correction, synonym expansion, the ranker's features, the answer sentences of hits 2–5).

Usage (from the repository; HF_HUB_OFFLINE=1, SPEECHQA_HOME holding the bundled speeches):

    python scripts/extra_cost.py [--repeat 5] [--limit N] [--code DIR]

`--code DIR` imports the search from another checkout (e.g. an exported older commit: the "before").
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
CLOCK = time.thread_time


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[round(0.95 * (len(ordered) - 1))]


def timed(
    spent: dict[str, float], name: str, fn: Callable[..., Any], when: Callable[..., bool] | None = None
):
    """`fn`, adding its CPU milliseconds to spent[name] (only for calls `when` accepts)."""

    def call(*args: Any, **kwargs: Any) -> Any:
        started = CLOCK()
        try:
            return fn(*args, **kwargs)
        finally:
            if when is None or when(*args, **kwargs):
                spent[name] = spent.get(name, 0.0) + (CLOCK() - started) * 1000

    return call


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--limit", type=int, default=0, help="only the first N dev questions")
    parser.add_argument("--code", type=Path, default=REPO, help="checkout to import the search from")
    parser.add_argument(
        "--python-scoring", action="store_true", help="score spans in Python (not the compiled kernel)"
    )
    args = parser.parse_args()
    if not args.code.is_dir():  # one line, exit 1 (the search is imported from --code)
        sys.exit(f"找不到文件夹：{args.code}")
    sys.path.insert(0, str(args.code.resolve()))
    logging.disable(logging.WARNING)

    import bench as b
    from bench.speed import BEFORE_ISSUE_12
    from index import DEFAULT_MODEL, Library, tokenize
    from retrieval import Retriever
    from retrieval.service import ServiceOptions, SpeechService

    tokenize._jieba()  # as long-running processes cut questions: jieba's whole dictionary (any checkout)
    if not args.python_scoring:
        try:
            from retrieval import compiled
        except ImportError:  # an older checkout: no compiled scoring
            pass
        else:
            compiled.load()
    service = SpeechService(Library(Path(os.environ["SPEECHQA_HOME"])), ServiceOptions(DEFAULT_MODEL))
    full = service.retriever
    before = Retriever(full.store, full.index, full.embedder, BEFORE_ISSUE_12)
    questions = [q.question for q in b.dev_questions(None)]
    if args.limit:
        questions = questions[: args.limit]

    # the parts of the extra work, timed inside the full search (instance attributes shadow the methods)
    spent: dict[str, float] = {}
    full.corrector.corrections = timed(spent, "typo correction", full.corrector.corrections)
    full.expansions = timed(spent, "synonym expansion", full.expansions)
    full._features = timed(spent, "ranker features (10 candidates)", full._features)
    full.answer_sentence = timed(
        spent,
        "answer sentences of hits 2–5 (the rule's)",
        full.answer_sentence,
        lambda *a, **k: not k.get("choose", True),
    )
    for q in questions:  # warm up, and cache every question's vector in both retrievers
        full.search(q)
        before.search(q)

    inf = float("inf")
    best: dict[str, list[float]] = {
        "full search": [inf] * len(questions),
        "search without": [inf] * len(questions),
    }
    for _ in range(args.repeat):
        for i, q in enumerate(questions):
            spent.clear()
            started = CLOCK()
            full.search(q)
            best["full search"][i] = min(best["full search"][i], (CLOCK() - started) * 1000)
            for name, ms in spent.items():
                part = best.setdefault(name, [inf] * len(questions))
                part[i] = min(part[i], ms)
            started = CLOCK()
            before.search(q)
            best["search without"][i] = min(best["search without"][i], (CLOCK() - started) * 1000)
    extra = [f - w for f, w in zip(best["full search"], best["search without"], strict=True)]
    rows = {"full search": best.pop("full search"), "search without": best.pop("search without")}
    rows["extra (full − without)"] = extra
    rows.update({f"· {name}": [0.0 if v == inf else v for v in values] for name, values in best.items()})

    print(
        f"{len(questions)} dev questions, vectors cached, CPU ms of the searching thread, "
        f"fastest of {args.repeat} passes"
    )
    print("| | median | p95 | mean |")
    print("|---|---|---|---|")
    for name, values in rows.items():
        print(
            f"| {name} | {statistics.median(values):.2f} | {p95(values):.2f} | {statistics.mean(values):.2f} |"
        )


if __name__ == "__main__":
    main()
