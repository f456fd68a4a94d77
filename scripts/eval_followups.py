"""How many elliptical follow-ups (「那退休干部呢？」) `retrieval.follow_up` reads as the question meant, on the
tuning and the held-out pairs of benchmarks/followup-pairs.jsonl (held-out written before the rule was run on
them). A miss that returns None is searched as typed, as before; a wrong rewrite is counted apart. Then the
questions of every evaluation set (benchmarks/*-questions.jsonl), each after the one before it in its file, as
a staff member asking them in a row would: none should be taken for a follow-up.

    PYTHONPATH=. python scripts/eval_followups.py [--show]
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path

from retrieval import follow_up

PAIRS = Path(__file__).resolve().parent.parent / "benchmarks" / "followup-pairs.jsonl"


def main(show: bool) -> None:
    rows = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    for split in ("tune", "heldout"):
        part = [r for r in rows if r["split"] == split]
        right = wrong = left = 0
        for r in part:
            got = follow_up(r["previous"], r["follow_up"])
            if got == r["expected"]:
                right += 1
            elif got is None:
                left += 1
            else:
                wrong += 1
            if show and got != r["expected"]:
                print(
                    f"  {split}: {r['follow_up']} after {r['previous']} -> {got} (expected {r['expected']})"
                )
        print(f"{split}: {right}/{len(part)} read as meant, {left} searched as typed, {wrong} read wrongly")
    # complete questions must stay as typed: every evaluation question asked right after the one before it
    pairs = rewritten = 0
    for path in sorted(PAIRS.parent.glob("*-questions.jsonl")):
        asked = [
            json.loads(line)["question"]
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
        for before, question in itertools.pairwise(asked):
            pairs += 1
            if (got := follow_up(before, question)) is not None:
                rewritten += 1
                if show:
                    print(f"  {path.name}: {question} after {before} -> {got}")
    print(f"evaluation questions, each after the one before it: {rewritten} of {pairs} read as follow-ups")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        prog="eval_followups.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--show", action="store_true", help="also list each pair not read as expected")
    main(parser.parse_args().show)
