"""The questions the figure rule (docs/num57.md) can move: those stating a figure with its unit (18次, 一千字)
that some passage of their library states with the same value and unit written otherwise (十八次, 1000字).
Every other question is searched and judged as before. One JSON line per question (set, id, half, question,
figures) to OUT, and the counts per half to stdout.

    /work/main/.venv/bin/python scripts/num57_reach.py LIBS OUT.jsonl [--sets dev,cold3,…]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rank39_misses import REPO, WHOLE, all_sets, halves_of, library_of


def main(argv: list[str]) -> int:
    from bench.evaluate import load_questions
    from corpus import to_simplified
    from retrieval.figures import figures

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("libs", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--sets", default=",".join(all_sets()))
    args = parser.parse_args(argv)
    if not args.libs.is_dir():
        print(f"找不到文件夹：{args.libs}", file=sys.stderr)
        return 1
    names = [n for n in args.sets.split(",") if n]
    missing = [n for n in names if not (args.libs / library_of(n) / "speechqa.db").is_file()]
    if missing:
        print(f"找不到资料库：{args.libs / library_of(missing[0]) / 'speechqa.db'}", file=sys.stderr)
        return 1
    counts: Counter[str] = Counter()
    with args.out.open("w", encoding="utf-8") as sink:
        for name in names:
            db = sqlite3.connect(f"file:{args.libs / library_of(name) / 'speechqa.db'}?mode=ro", uri=True)
            texts = [
                to_simplified(t).lower()
                for (t,) in db.execute("select text || ' ' || coalesce(section, '') from passages")
            ]
            db.close()
            stated = [{(f.value, f.unit) for f in figures(t)} for t in texts]
            questions = load_questions(REPO / "benchmarks" / f"{name}-questions.jsonl")
            halves = halves_of(name, questions)
            for q in questions:
                asked = to_simplified(q.question).lower()
                moved = [
                    asked[f.start : f.end]
                    for f in figures(asked)
                    if any(
                        (f.value, f.unit) in s and asked[f.start : f.end] not in t
                        for s, t in zip(stated, texts, strict=True)
                    )
                ]
                if moved:
                    half = "blind" if name in WHOLE else halves[q.id]
                    counts[f"{half} {'answerable' if q.answers else 'unanswerable'}"] += 1
                    row = {"set": name, "id": q.id, "half": halves[q.id], "question": q.question}
                    sink.write(json.dumps(row | {"figures": moved}, ensure_ascii=False) + "\n")
    for key, count in sorted(counts.items()):
        print(f"{key}: {count}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
