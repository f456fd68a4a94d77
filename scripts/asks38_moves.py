"""Which questions of our own sets a dictated question's reading or a question about a document changes.

    /work/main/.venv/bin/python scripts/asks38_moves.py LIBS [--write DIR]

LIBS: the libraries `scripts/eval_all_sets.sh LIBS` builds (`home`, `cN`, `styles`). For each set the
script reads every question as searched before (NFKC, the relayed message's frame dropped) and prints those
whose searched text `retrieval.spoken.as_written` changes on the set's library (a spoken form no passage
holds: 礼拜几, 百分之九十, 二零二一年), and those `retrieval.metadata.fact_asked` reads as asking a document's
date, speaker, issuer, 文号 or title; then the counts. A set none of whose questions is printed is searched,
ranked and judged exactly as before: only the printed questions can move (docs/asks38.md). With --write,
each set's printed questions go to DIR/<set>-moved.jsonl, to be evaluated on the set's library by this
checkout and by another (`speechqa eval DIR/cold3-moved.jsonl --mode hybrid --misses`).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import unicodedata
from functools import cache
from pathlib import Path

from corpus import to_simplified
from retrieval.metadata import fact_asked
from retrieval.relayed import question_inside
from retrieval.spoken import as_written

REPO = Path(__file__).resolve().parent.parent


def library_of(name: str) -> str:
    """The library `scripts/eval_all_sets.sh` evaluates a set on."""
    if name.startswith("cold") and name[4:].isdigit():
        return f"c{name[4:]}"
    return "styles" if name in ("styles", "asks38") else "home"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="asks38_moves.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("libs", type=Path, help="the libraries scripts/eval_all_sets.sh builds")
    parser.add_argument(
        "--write", type=Path, help="write each set's moved questions to DIR/<set>-moved.jsonl"
    )
    args = parser.parse_args(argv)
    libs = args.libs
    if not libs.is_dir():
        print(f"找不到文件夹：{libs}", file=sys.stderr)
        return 1
    spoken = asked = seen = 0
    for path in sorted((REPO / "benchmarks").glob("*-questions.jsonl")):
        name = path.name.removesuffix("-questions.jsonl")
        if name == "asks38":
            continue
        db = libs / library_of(name) / "speechqa.db"
        if not db.is_file():
            print(f"找不到资料库：{db}", file=sys.stderr)
            return 1
        texts = [
            to_simplified(row[0]).lower()
            for row in sqlite3.connect(db).execute(
                "select text || ' ' || coalesce(section, '') from passages"
            )
        ]

        @cache
        def holding(word: str, texts: tuple[str, ...] = tuple(texts)) -> int:
            return sum(word.lower() in t for t in texts)

        moved = []
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else {}
            question = row.get("question") if isinstance(row, dict) else None
            if not isinstance(question, str):
                continue
            seen += 1
            searched = question_inside(unicodedata.normalize("NFKC", question))
            if (written := as_written(searched, holding)) != searched:
                spoken += 1
                moved.append(line)
                print(f"{name} {row.get('id')}: {searched} → {written}")
            if (found := fact_asked(to_simplified(searched))) is not None:
                asked += 1
                moved.append(line)
                print(f"{name} {row.get('id')}: asks the {found.kind} of 「{found.description}」")
        if args.write is not None and moved:
            args.write.mkdir(parents=True, exist_ok=True)
            (args.write / f"{name}-moved.jsonl").write_text("\n".join(moved) + "\n", encoding="utf-8")
    print(f"{seen} questions: {spoken} read with a spoken form written, {asked} asking a document's record")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
