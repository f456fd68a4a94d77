"""The answer sentence (「要点」) of every question the thesaurus touches, with it and without it — what
`speechqa eval`'s 要点 column counts (the right passage first and its answer sentence holding an answer) —
per set, from the lines `scripts/cilin_terms.py rank --out` wrote (docs/measured.md, "HIT's 同义词词林扩展版"):

    python scripts/cilin_sentences.py LIBS ROWS.jsonl [--variant E2]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from cilin_terms import VARIANTS  # noqa: E402
from latent_terms import sets  # noqa: E402

from bench.evaluate import MRR_DEPTH, is_relevant, search_as_evaluated, sentence_holds  # noqa: E402
from retrieval import Retriever  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("libs", type=Path)
    parser.add_argument("rows", type=Path)
    parser.add_argument("--variant", default="E2")
    args = parser.parse_args()
    touched: dict[str, set[str]] = defaultdict(set)
    for line in args.rows.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["variant"] == args.variant and row["answerable"]:
            touched[row["set"]].add(row["id"])
    for name, load in sets(args.libs, list(touched)):
        base, questions = load()
        pair = {
            v: Retriever(base.store, base.index, base.embedder, config=VARIANTS[v])
            for v in ("base", args.variant)
        }
        held = {v: 0 for v in pair}
        moved = []
        for q in questions:
            if q.id not in touched[name]:
                continue
            got = {}
            for v, r in pair.items():
                answer = search_as_evaluated(r, q.question)
                first = next((h.rank for h in answer.hits[:MRR_DEPTH] if is_relevant(h.passage, q)), None)
                got[v] = first == 1 and sentence_holds(answer.hits[0], q)
                held[v] += got[v]
            if got["base"] != got[args.variant]:
                moved.append(f"{q.id} {got['base']} → {got[args.variant]}")
        print(
            f"{name}: 要点 holds the answer, of {len(touched[name])} touched answerable: {held['base']} → {held[args.variant]} {moved}",
            flush=True,
        )


if __name__ == "__main__":
    main()
