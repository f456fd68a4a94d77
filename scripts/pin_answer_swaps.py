"""On how many questions of the pin set the answer veto (`retrieval.pins.answers_swapped`, the candidate feature
`answer_swap`) fires against their own group's pin, by kind (paraphrase, near miss): a paraphrase vetoed is a
misreading of its asking words, a near miss vetoed one kept from a pin it should not get. Every row, not only the
pairs a search brings close. No library needed; reads benchmarks/pin-questions.jsonl.

    HF_HUB_OFFLINE=1 OMP_NUM_THREADS=1 python scripts/pin_answer_swaps.py [--list]

Prints, per kind, the questions the veto fires on of those asked (docs/mend66p.md); --list names them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pins", type=Path, default=ROOT / "benchmarks" / "pin-questions.jsonl")
    parser.add_argument("--list", action="store_true", help="name the questions the veto fires on")
    args = parser.parse_args(argv)

    from retrieval.pins import QuestionSide, answers_swapped

    rows = [json.loads(line) for line in args.pins.read_text(encoding="utf-8").splitlines() if line.strip()]
    pinned = {r["group"]: QuestionSide.of(r["question"]) for r in rows if r["kind"] == "pinned"}
    for kind in ("paraphrase", "near-miss"):
        asked = [r for r in rows if r["kind"] == kind and r["group"] in pinned]
        fired = [r for r in asked if answers_swapped(QuestionSide.of(r["question"]), pinned[r["group"]])]
        print(f"{kind}: answer_swap fires on {len(fired)} of {len(asked)} against their own pin")
        if args.list:
            for r in fired:
                print(f"  {r['group']} {r['question']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
