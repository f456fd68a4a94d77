"""Which questions the deferral rule (retrieval/deferral.py) can move: for every question set, the questions for
which some passage of its library *only defers* what they ask — the rule moves nothing for any other question.
Also lists each library's passages holding a deferral phrase. docs/rank56.md.

    python scripts/deferral_reach.py LIBS      # LIBS as scripts/eval_all_sets.sh builds it (read only)
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus import to_simplified
from retrieval.deferral import asked_things, only_defers, says_later

LIBRARY = {"dev": "home", "cold": "home", "styles": "styles", "asks38": "styles"}


def library_of(name: str) -> str:
    if name in LIBRARY:
        return LIBRARY[name]
    return "c" + name[4:] if name.startswith("cold") else name


def main() -> None:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("libs", type=Path, help="LIBS as scripts/eval_all_sets.sh builds it (read only)")
    libs = parser.parse_args().libs
    if not libs.is_dir():
        sys.exit(f"没有这个资料库文件夹：{libs}")
    deferring: dict[str, list[str]] = {}
    for db in sorted(libs.glob("*/speechqa.db")):
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
            rows = [t for (t,) in c.execute("select text from passages")]
        deferring[db.parent.name] = [t for t in rows if says_later(t)]
    phrases = sorted({t for ts in deferring.values() for t in ts})
    print(f"passages with a deferral phrase, all libraries: {len(phrases)}")
    for t in phrases:
        print("  ", t[:70])
    reach = 0
    root = Path(__file__).resolve().parents[1] / "benchmarks"
    for path in sorted(root.glob("*-questions.jsonl")):
        name = path.name.removesuffix("-questions.jsonl")
        texts = deferring.get(library_of(name))
        if texts is None:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if "question" not in row:
                continue
            asked = asked_things(to_simplified(unicodedata.normalize("NFKC", row["question"])))
            hits = [t for t in texts if only_defers(t, asked)]
            if hits:
                reach += 1
                print(name, row.get("id"), row.get("split"), row["question"], "←", hits[0][:30])
    print(f"questions the rule can move: {reach}")


if __name__ == "__main__":
    main()
