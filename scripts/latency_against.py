"""Warm hybrid latency of this checkout against another one (e.g. the commit an issue was filed on), in one run.

`speechqa bench latency` compares today's search with the same code's issue-12 additions switched off,
which is a stricter baseline than the release the issue was written against: code both share (the
lexical search, fusion, SQLite reads) has changed since. This script times the two checkouts themselves.
Each runs in its own worker process with its own data home (built on first use from the bundled
speeches by that checkout's own code), is warmed up on every question, and then answers the same
questions interleaved one by one — the order of the two flipped every question — with the query-vector
cache cleared before every search, so every search encodes its question. Printed: p50 / p95 of wall time
per pass and over all passes, the CPU median, and the ratio of the p95s.

Usage (from the repository; HF_HUB_OFFLINE=1 where the hub is unreachable):

    git worktree add --detach /tmp/before 04d7738     # the commit issue 12 was filed on
    python scripts/latency_against.py /tmp/before [--repeat 3] [--home-before DIR --home-now DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Runs inside each worker: PYTHONPATH is the checkout, SPEECHQA_HOME its data home. Reads a question
# per line (JSON), answers "wall_ms cpu_ms" after searching it with the vector cache cleared.
WORKER = r"""
import json, logging, os, sys, time
from pathlib import Path
logging.disable(logging.WARNING)
from index import DEFAULT_MODEL, Library
from retrieval.service import ServiceOptions, SpeechService
try:  # as the bot searches: spans scored compiled, jieba's whole dictionary loaded
    from retrieval import prepare_many_searches
except ImportError:  # an older checkout: what it has of that (compiled scoring, then the dictionary)
    try:
        from retrieval import load_compiled_scoring
    except ImportError:
        pass
    else:
        load_compiled_scoring()
    from index import tokenize
    tokenize._jieba()  # both checkouts cut questions with the whole dictionary (no public call there)
else:
    prepare_many_searches()
service = SpeechService(Library(Path(os.environ["SPEECHQA_HOME"])), ServiceOptions(DEFAULT_MODEL))
retriever = service.retriever
questions = json.loads(sys.stdin.readline())
for q in questions:  # warm up: jieba, FAISS, SQLite pages, the model's weights
    retriever.search(q)
print("ready", flush=True)
for line in sys.stdin:
    q = json.loads(line)
    retriever.query_vector.cache_clear()
    w, c = time.perf_counter(), time.process_time()
    retriever.search(q)
    print(f"{(time.perf_counter() - w) * 1000:.4f} {(time.process_time() - c) * 1000:.4f}", flush=True)
"""


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile, as `speechqa bench latency` computes it."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))
    return ordered[int(rank) - 1]


class Worker:
    def __init__(self, name: str, code: Path, home: Path, questions: list[str]) -> None:
        self.name = name
        env = {**os.environ, "PYTHONPATH": str(code), "SPEECHQA_HOME": str(home)}
        env.setdefault("HF_HUB_OFFLINE", "1")
        self.process = subprocess.Popen(
            [sys.executable, "-c", WORKER],
            cwd=code,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self._send(questions)
        if self._read() != "ready":
            raise SystemExit(f"{name}: the worker did not start (see its messages above)")

    def _send(self, value: object) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(value, ensure_ascii=False) + "\n")
        self.process.stdin.flush()

    def _read(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise SystemExit(f"{self.name}: the worker stopped (see its messages above)")
        return line.strip()

    def search(self, question: str) -> tuple[float, float]:
        self._send(question)
        wall, cpu = self._read().split()
        return float(wall), float(cpu)

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("before", type=Path, help="checkout of the older commit")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--home-before", type=Path, help="its data home (default: a temporary one)")
    parser.add_argument("--home-now", type=Path, help="this checkout's data home (default: a temporary one)")
    args = parser.parse_args()
    if not args.before.is_dir():  # one line, exit 1 (bench is imported only once REPO is on the path)
        sys.exit(f"找不到文件夹：{args.before}")
    sys.path.insert(0, str(REPO))
    from bench.speed import dev_questions

    questions = [q.question for q in dev_questions(None)]
    with tempfile.TemporaryDirectory() as scratch:
        homes = {
            "before": args.home_before or Path(scratch) / "before",
            "now": args.home_now or Path(scratch) / "now",
        }
        workers = {
            "before": Worker("before", args.before.resolve(), homes["before"], questions),
            "now": Worker("now", REPO, homes["now"], questions),
        }
        wall: dict[str, list[list[float]]] = {name: [] for name in workers}
        cpu: dict[str, list[float]] = {name: [] for name in workers}
        for _ in range(args.repeat):
            for name in workers:
                wall[name].append([])
            for i, q in enumerate(questions):
                order = list(workers) if i % 2 == 0 else list(reversed(workers))
                for name in order:
                    w, c = workers[name].search(q)
                    wall[name][-1].append(w)
                    cpu[name].append(c)
        for worker in workers.values():
            worker.close()

    print(
        f"{len(questions)} dev questions × {args.repeat} passes, hybrid search, every question encoded, "
        f"the two checkouts interleaved; before = {args.before}"
    )
    print("| checkout | p50 ms | p95 ms | p95 of each pass, ms | CPU ms p50 |")
    print("|---|---|---|---|---|")
    for name in workers:
        every = [ms for one in wall[name] for ms in one]
        passes = " · ".join(f"{percentile(one, 95):.1f}" for one in wall[name])
        print(
            f"| {name} | {percentile(every, 50):.1f} | {percentile(every, 95):.1f} | {passes} | "
            f"{percentile(cpu[name], 50):.1f} |"
        )
    ratio = [
        percentile(now, 95) / percentile(old, 95) - 1
        for now, old in zip(wall["now"], wall["before"], strict=True)
    ]
    every_now = [ms for one in wall["now"] for ms in one]
    every_before = [ms for one in wall["before"] for ms in one]
    print(
        f"p95 now vs before: {100 * (percentile(every_now, 95) / percentile(every_before, 95) - 1):+.1f} % "
        f"(per pass: {' · '.join(f'{100 * r:+.1f} %' for r in ratio)})"
    )


if __name__ == "__main__":
    main()
