"""The questions docs/asks49.md's kinship rule can move: those naming the retiree or his family in everyday
words (我爸, 老爷子, 老伴, 孩子, 家里人: `retrieval.kin`). Read on the question's text alone, no search, no
library. One JSON line per question (set, id, half, question, words) to OUT, and the counts per half to stdout;
`--half heldout` keeps one half (the blind sets, held out whole, count as "blind").

    /work/main/.venv/bin/python scripts/asks49_reach.py OUT.jsonl [--sets dev,cold3,…] [--half heldout]

Then `scripts/rank39_misses.py LIBS AFTER.jsonl --ids OUT.jsonl` on this checkout, BEFORE.jsonl likewise on a
checkout without the rule, and `scripts/rank39_misses.py --summary AFTER.jsonl BEFORE.jsonl`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rank39_misses import REPO, WHOLE, all_sets, halves_of


def main(argv: list[str]) -> int:
    from bench.evaluate import load_questions
    from retrieval.kin import kin_words

    parser = argparse.ArgumentParser(prog="asks49_reach.py", description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--sets", default=",".join(all_sets()))
    parser.add_argument("--half", choices=("tune", "heldout"), help="keep only this half")
    args = parser.parse_args(argv)
    if not args.out.resolve().parent.is_dir():
        print(f"找不到文件夹：{args.out.resolve().parent}", file=sys.stderr)
        return 1
    names = list(dict.fromkeys(n for n in args.sets.split(",") if n))
    unknown = [n for n in names if not (REPO / "benchmarks" / f"{n}-questions.jsonl").is_file()]
    if unknown:
        print(f"找不到：{REPO / 'benchmarks' / f'{unknown[0]}-questions.jsonl'}", file=sys.stderr)
        return 1
    counts: Counter[str] = Counter()
    with args.out.open("w", encoding="utf-8") as sink:
        for name in names:
            questions = load_questions(REPO / "benchmarks" / f"{name}-questions.jsonl")
            halves = halves_of(name, questions)
            for q in questions:
                if args.half and halves[q.id] != args.half:
                    continue
                words = kin_words(q.question)
                if words:
                    half = "blind" if name in WHOLE else halves[q.id]
                    counts[f"{half} {'answerable' if q.answers else 'unanswerable'}"] += 1
                    row = {"set": name, "id": q.id, "half": halves[q.id], "question": q.question}
                    sink.write(json.dumps(row | {"words": words}, ensure_ascii=False) + "\n")
    for key, count in sorted(counts.items()):
        print(f"{key}: {count}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
