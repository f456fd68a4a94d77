"""The questions docs/asks47.md's glued-rest rule (tried at 741985d, not kept) can move: a jieba word of the
question that no passage of its library holds, with a grammar character at an edge, whose rest some passage
holds (下雨 → 雨, 卡能 → 卡). A substring count over the stored passages, no search. One JSON line per question
(set, id, half, question, words) to OUT, and the counts per half to stdout; `--half heldout` keeps one half
(the blind sets, held out whole, count as "heldout").

    /work/main/.venv/bin/python scripts/asks47_reach.py LIBS OUT.jsonl [--sets dev,cold3,…] [--half heldout]

Then, on a checkout of 741985d: `scripts/rank39_misses.py LIBS AFTER.jsonl --ids OUT.jsonl`, again with
`--no-rests` for BEFORE.jsonl, and `scripts/rank39_misses.py --summary AFTER.jsonl BEFORE.jsonl`.
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
    import jieba

    from bench.evaluate import load_questions
    from retrieval.vocabulary import unglued

    parser = argparse.ArgumentParser(prog="asks47_reach.py", description=__doc__.splitlines()[0])
    parser.add_argument("libs", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--sets", default=",".join(all_sets()))
    parser.add_argument("--half", choices=("tune", "heldout"), help="keep only this half")
    args = parser.parse_args(argv)
    if not args.libs.is_dir():
        print(f"找不到文件夹：{args.libs}", file=sys.stderr)
        return 1
    names = [n for n in args.sets.split(",") if n]
    missing = [n for n in names if not (args.libs / library_of(n) / "speechqa.db").is_file()]
    if missing:
        print(f"找不到资料库：{args.libs / library_of(missing[0]) / 'speechqa.db'}", file=sys.stderr)
        return 1
    jieba.setLogLevel(60)
    counts: Counter[str] = Counter()
    with args.out.open("w", encoding="utf-8") as sink:
        for name in names:
            db = sqlite3.connect(f"file:{args.libs / library_of(name) / 'speechqa.db'}?mode=ro", uri=True)
            texts = [t.lower() for (t,) in db.execute("select text from passages")]
            db.close()
            questions = load_questions(REPO / "benchmarks" / f"{name}-questions.jsonl")
            halves = halves_of(name, questions)
            for q in questions:
                if args.half and halves[q.id] != args.half:
                    continue
                words = [w for w in jieba.lcut(q.question.lower()) if len(w) >= 2]
                moved = [
                    w
                    for w in words
                    if (rest := unglued(w))
                    and rest != w
                    and not any(w in t for t in texts)
                    and any(rest in t for t in texts)
                ]
                if moved:
                    half = "blind" if name in WHOLE else halves[q.id]
                    counts[f"{half} {'answerable' if q.answers else 'unanswerable'}"] += 1
                    row = {"set": name, "id": q.id, "half": halves[q.id], "question": q.question}
                    sink.write(json.dumps(row | {"words": moved}, ensure_ascii=False) + "\n")
    for key, count in sorted(counts.items()):
        print(f"{key}: {count}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
