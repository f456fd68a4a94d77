"""Which questions of every set `scripts/eval_all_sets.sh` evaluates does the typo reading read differently
with the fuzzy-pinyin and look-alike tiers (session 54) than without them (same sound only)?

Only those questions can move in any set's figures: the tiers change nothing but the corrections a search
makes. Each set is read against the library eval_all_sets.sh asks it of (LIBS/home, LIBS/cN, styles,
asks40 … asks43), the library's speakers kept, as a search reads it. Corrections only: nothing is embedded.

Usage (from the repository; HF_HUB_OFFLINE=1):

    python scripts/typos54_moves.py /tmp/me/libs52

Prints each set's count and every question read differently (without → with); exits 0.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
COLD = sorted(
    (p.name.removeprefix("corpus-cold") for p in (REPO / "benchmarks").glob("corpus-cold*")), key=int
)
# set → the library eval_all_sets.sh asks it of
SETS = [("dev", "home"), ("cold", "home")] + [(f"cold{n}", f"c{n}") for n in COLD]
SETS += [("styles", "styles"), ("asks38", "styles")] + [(f"asks{n}", f"asks{n}") for n in (40, 41, 42, 43)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("libs", type=Path, help="the folder eval_all_sets.sh keeps its libraries in")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    logging.disable(logging.WARNING)
    from index import DEFAULT_TOKENIZER, Library
    from retrieval import Retriever

    def show(typos: tuple) -> str:
        return " ".join(f"{t.wrong}→{t.right}" for t in typos) or "—"

    total = moved = 0
    for name, lib in SETS:
        library = Library(args.libs / lib, tokenizer=DEFAULT_TOKENIZER)
        manifest = library.manifest()
        if manifest is None:
            raise SystemExit(f"{args.libs / lib}: no index")
        search = Retriever(library.store, library.load(manifest.model), None)
        speakers = search.facets().speakers
        path = REPO / "benchmarks" / f"{name}-questions.jsonl"
        rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
        lines = []
        for row in rows:
            q = row["question"]
            search.corrector.near = False
            before = search.corrector.corrections(q, speakers)
            search.corrector.near = True
            after = search.corrector.corrections(q, speakers)
            if before != after:
                lines.append(
                    f"    {row.get('id', '')} [{row.get('style', '')}] {q}  {show(before)} → {show(after)}"
                )
        print(f"{name}: {len(lines)} of {len(rows)} questions read differently")
        for line in lines:
            print(line)
        total += len(rows)
        moved += len(lines)
        library.close()
    print(f"all: {moved} of {total} questions read differently")
    return 0


if __name__ == "__main__":
    sys.exit(main())
