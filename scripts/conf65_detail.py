"""An "asked detail absent" reading of the confidence (`RetrieverConfig.detail_absent`, retrieval/detail.py), searched
beside main's, and its ship rule judged on held-out questions only (docs/conf65.md).

    python scripts/conf65_detail.py collect LIBS OUT.jsonl [--sets dev,asks49,…] [--half tune|heldout|all]
    python scripts/conf65_detail.py judge OUT.jsonl [--half tune|heldout|all] [--sets …]
    python scripts/conf65_detail.py fit HOME --trial …/cmrc2018_trial.json [--limit 400]
    python scripts/conf65_detail.py reported HOME --cmrc-dev …/cmrc2018_dev.json [--limit 400 --every-context 4]

`collect` asks every question of each set (default: every set `scripts/rank39_misses.py` knows; the half given) of
a temporary copy of its library (LIBS as `scripts/eval_all_sets.sh` builds it; never written), as `speechqa eval
--mode hybrid` does, with main's search (`detail_absent="off"`) and again with each candidate of `CANDIDATES`. The
reading can only lower a verdict by one level, never move a rank. One line per question and candidate: set, id,
half, answerable, rank of the first relevant passage (null beyond 10), answered, level, probability, and whether the
reading fired. OUT is written whole or not at all (an unknown set or a library missing from LIBS is refused before
any search: one line in Chinese, exit 1).

`judge` prints, per candidate and per set that moved, R@1, false 「未找到」 and answered unanswerable, before → after,
on the half given, every question whose verdict moved, the totals and the rule's verdict on that part (judged by
`judge_halves.compare` under `judge_halves.CONF65_RULE`).

`fit` asks the confidence model's fitting data (`bench.fit_examples`: CMRC trial against its library kept in
HOME/bench as `speechqa bench fit-confidence` keeps it, the same with their own context removed — the near misses by
construction —, CMRC questions asked of the speeches in HOME, the dev and policy sets' tuning halves) with main's
search and each candidate, and prints each group's false 「未找到」 and answered unanswerable under the shipped model.
`reported` does the same for the held-out rows `speechqa bench confidence --cmrc …/cmrc2018_dev.json --limit 400
--every-context 4` reports (dev held-out half, CMRC dev with own-context negatives, the policy set's held-out half).

**The rule**, fixed on the tuning halves (and CMRC trial) before any held-out figure was read and before asks53 was on
this branch (docs/conf65.md, "The ship rule"):

- **The candidate**: of `CANDIDATES`, the one that on the tuning halves of every staff set (dev, styles, asks38…asks52,
  cold2…cold15's tuning halves) lowers answered unanswerable in total and raises false 「未找到」 on no set by more than
  one question, with the largest fall of answered unanswerable; a tie: the smaller rise of false 「未找到」 in total,
  then the narrowest (first listed). None passing: nothing is judged and the reading stays off.
- **It ships** (`detail_absent` on by default) only if (1) on the held-out halves together with the sets held out
  whole (cold, cold16…cold38, asks sets held out whole), answered unanswerable falls in total and false 「未找到」 rises
  on no set by more than one question; (2) on asks53's held-out half (written cold by another helper, merged after
  this rule's commit: blind) neither false 「未找到」 nor answered unanswerable rises; (3) on CMRC dev (held-out-context
  negatives, as the README's row: `reported`) and on the policy set's held-out half, neither false 「未找到」 nor
  answered unanswerable rises. Ranks cannot move (`judge` checks it). Otherwise it stays off, its figures recorded.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import TextIO

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

import judge_halves as shared  # noqa: E402
from conf64_asked import fit_or_reported  # noqa: E402
from judge_halves import CONF65_RULE, compare, print_verdicts, read_rows, row_of  # noqa: E402
from rank39_misses import halves_of, service_of  # noqa: E402

# fixed before any held-out figure was read; each reads more than the one before it
CANDIDATES = ("qualifier", "peak", "sentence")


def write_rows(sink: TextIO, libs: Path, names: list[str], half: str, labels: list[str]) -> None:
    from bench.evaluate import load_questions, search_as_evaluated
    from retrieval import RetrieverConfig

    for name in names:
        questions = load_questions(REPO / "benchmarks" / f"{name}-questions.jsonl")
        halves = halves_of(name, questions)
        if half != "all" and half not in halves.values():
            continue  # a set held out whole has no tuning half: its library is not opened
        with service_of(libs, name, RetrieverConfig(detail_absent="off"), prefix="conf65-") as service:
            retriever = service.current()
            others = []
            for label in labels:
                other = type(retriever).__new__(type(retriever))
                other.__dict__.update(retriever.__dict__)  # the same store, index, model and vectors
                other.config = replace(retriever.config, detail_absent=label)
                others.append((label, other))
            for q in questions:
                if half != "all" and halves[q.id] != half:
                    continue
                for label, searcher in [("main", retriever), *others]:
                    answer = search_as_evaluated(searcher, q.question)
                    fired = bool(answer.signals is not None and answer.signals.detail_absent)
                    row = row_of(name, halves[q.id], label, q, answer, fired)
                    sink.write(json.dumps(row, ensure_ascii=False) + "\n")
            sink.flush()
        print(f"{name}: {len(questions)} questions", file=sys.stderr, flush=True)


def judge(path: Path, half: str, sets: set[str] | None = None) -> int:
    rows = read_rows(path, half, sets)
    labels = [c for c in CANDIDATES if any(r["candidate"] == c for r in rows)]
    verdicts = compare(rows, labels, half, "read", CONF65_RULE)
    print_verdicts(half, verdicts, "largest rise on one set")
    passing = [
        (v.totals[2] - v.totals[3], -(v.totals[1] - v.totals[0]), -CANDIDATES.index(v.label), v.label)
        for v in verdicts
        if v.passes
    ]
    print(f"\nthe candidate (passes with the largest fall): {max(passing)[-1] if passing else 'none'}")
    return 0


def main(argv: list[str]) -> int:
    args = shared.candidate_parser("conf65_detail.py", __doc__).parse_args(argv)
    labels = shared.chosen(args.candidates, CANDIDATES)
    if labels is None:
        return 1
    if args.command == "judge":
        sets = set(args.sets.split(",")) if args.sets else None
        return shared.judged(args.paths[0], lambda: judge(args.paths[0], args.half, sets))
    if args.command in ("fit", "reported"):
        from retrieval import RetrieverConfig

        configs = [(label, RetrieverConfig(detail_absent=label)) for label in ["off", *labels]]  # type: ignore[arg-type]
        return fit_or_reported(args, configs)
    return shared.collected(args, labels, write_rows)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
