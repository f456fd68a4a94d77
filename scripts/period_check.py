"""Which questions of a set are judged 「未找到直接回答」 because they name a time the passages found are not
of (`Answer.period_unnamed`, `Answer.period_elsewhere`; with --as-asked also a date filter read from the
question that allowed nothing), and whether each is answerable — the rule must hold for near misses only.

    python scripts/period_check.py HOME QUESTIONS.jsonl [--as-asked]

HOME is a data home holding the set's library (e.g. one `speechqa add benchmarks/corpus-cold4/` filled).
Searches as `speechqa eval` does (no filters, no pins) unless --as-asked.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bench.errors import require_paths
from cli.settings import DEFAULT_MODEL
from index import Library
from retrieval import ServiceOptions, SpeechService
from retrieval.filters import asked_period


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("home", type=Path)
    parser.add_argument("questions", type=Path)
    parser.add_argument("--as-asked", action="store_true", help="read filters from the question, as ask does")
    args = parser.parse_args()
    require_paths(args.questions, folders=(args.home,))  # a path that does not exist: one line, exit 1
    service = SpeechService(Library(args.home), ServiceOptions(model=DEFAULT_MODEL, seed_if_empty=False))
    retriever = service.current()
    counts = {"answerable": [0, 0], "unanswerable": [0, 0]}  # [judged so, named a date]
    for line in args.questions.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        q = json.loads(line)
        answer = retriever.search(q["question"], k=5, auto_filter=args.as_asked)
        kind = "answerable" if q.get("answers") else "unanswerable"
        fallback = (
            answer.filters is not None
            and answer.filters.fallback
            and bool(answer.filters.detected.since or answer.filters.detected.until)
        )
        named = answer.period_unnamed or answer.period_elsewhere
        counts[kind][1] += asked_period(q["question"]) is not None
        if named or fallback:
            counts[kind][0] += 1
            why = (
                f"资料中没有 {answer.period_unnamed}"
                if answer.period_unnamed
                else f"段落都不是 {answer.period_elsewhere}的"
                if answer.period_elsewhere
                else "筛选无结果"
            )
            print(f"{q.get('id', '?')}\t{q.get('split', '')}\t{kind}\t{why}\t{q['question']}")
    for kind, (judged, dated) in counts.items():
        print(f"{kind}: {judged} judged so, of {dated} naming a date")


if __name__ == "__main__":
    main()
