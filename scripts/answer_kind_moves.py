"""Which questions read differently for their answer kind and their figures, tree against tree (rank29).

Prints one line per question: its set and id, the kind of answer it asks for (`answer_type.asks_for`), and
the figures with bounds it states (`ranges.statements`: unit, interval, the figure as written). Run it from
two trees and diff the outputs: a question whose line is the same in both reads the same to every reader of
the two (the ranker's `kind` feature, the answer sentence's kind bonus, `kind_missing`, the figures written
into passages, `excluded_below_satisfied`), except that a question stating a figure also reads the passages'
figures anew (`--figures` lists every question stating one).

    PYTHONPATH=/work/main python scripts/answer_kind_moves.py benchmarks/*-questions.jsonl > before.txt
    PYTHONPATH=. python scripts/answer_kind_moves.py benchmarks/*-questions.jsonl > after.txt
    diff before.txt after.txt
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from retrieval.answer_type import asks_for
from retrieval.ranges import statements


def set_questions(path: Path) -> list[tuple[str, str]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(str(r.get("id") or f"{r.get('group', '')}/{r.get('kind', '')}"), r["question"]) for r in rows]


def cmrc_questions(path: Path) -> list[tuple[str, str]]:
    data = json.loads(path.read_text(encoding="utf-8"))["data"]
    return [
        (qa["id"], qa["question"])
        for article in data
        for paragraph in article["paragraphs"]
        for qa in paragraph["qas"]
    ]


def reading(question: str) -> str:
    figures = [
        f"{s.unit}[{s.interval.low:g},{s.interval.high:g}]{question[s.start : s.end]}"
        for s in statements(question)
    ]
    return f"{asks_for(question)}\t{' '.join(figures) or '-'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, help="question sets (JSON Lines)")
    parser.add_argument("--cmrc", type=Path, help="a CMRC 2018 file")
    parser.add_argument("--figures", action="store_true", help="print only questions stating a figure")
    args = parser.parse_args()
    sources = [(p.name.removesuffix("-questions.jsonl"), set_questions(p)) for p in args.sets]
    if args.cmrc:
        sources.append(("cmrc", cmrc_questions(args.cmrc)))
    for name, questions in sources:
        for qid, question in questions:
            line = reading(question)
            if args.figures and line.endswith("\t-"):
                continue
            print(f"{name}\t{qid}\t{line}\t{question}")


if __name__ == "__main__":
    main()
