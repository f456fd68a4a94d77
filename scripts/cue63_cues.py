"""How well each kind of fact's passage cues (`retrieval.asked_fact`) tell the answers of questions asking that
kind from the libraries' other passages, read on the tuning halves only (docs/cue63.md).

    /work/main/.venv/bin/python scripts/cue63_cues.py LIBS

LIBS: the libraries `scripts/eval_all_sets.sh LIBS` builds (read only). For each kind, over the tuning-half
questions asking it (`asked_facts`) with a gold phrase: the share of gold phrases that state it (`states`), the
share of all distinct passages of the libraries that do, and their ratio (lift); then the two-character pieces
most over-represented in those gold phrases against all passages (at least 3 gold phrases hold them), the data
the cue words were read from.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections import Counter
from pathlib import Path

from bench.evaluate import load_questions
from corpus import to_simplified
from retrieval.asked_fact import FACT_KINDS, asked_facts, states

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
from rank39_misses import all_sets, halves_of  # noqa: E402


def _bigrams(text: str) -> set[str]:
    return {
        text[i : i + 2]
        for i in range(len(text) - 1)
        if all("\u4e00" <= c <= "\u9fff" for c in text[i : i + 2])
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="cue63_cues.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("libs", type=Path, help="the folder of libraries (read only)")
    libs = parser.parse_args(argv).libs
    if not libs.is_dir():
        print(f"找不到文库目录：{libs}", file=sys.stderr)
        return 1
    passages: set[str] = set()
    for db in sorted(libs.glob("*/speechqa.db")):
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            passages.update(to_simplified(t) for (t,) in conn.execute("select text from passages"))
    golds: dict[str, list[str]] = {kind: [] for kind in FACT_KINDS}
    for name in all_sets():
        questions = load_questions(REPO / "benchmarks" / f"{name}-questions.jsonl")
        halves = halves_of(name, questions)
        for q in questions:
            if halves[q.id] == "tune" and q.answerable and q.answers:
                for kind in asked_facts(q.question):
                    golds[kind].append(to_simplified(q.answers[0]))
    background = Counter(b for p in passages for b in _bigrams(p))
    print(f"{len(passages)} distinct passages")
    print(
        "| kind | tuning questions | gold phrases stating it | passages stating it | lift | top pieces of gold |"
    )
    print("|---|---|---|---|---|---|")
    for kind, phrases in golds.items():
        if not phrases:
            continue
        gold_share = sum(states(kind, p) for p in phrases) / len(phrases)
        base = sum(states(kind, p) for p in passages) / len(passages)
        counts = Counter(b for p in phrases for b in _bigrams(p))
        lift = {
            b: (n / len(phrases)) / ((background[b] + 1) / len(passages)) for b, n in counts.items() if n >= 3
        }
        top = ", ".join(f"{b} {lift[b]:.0f}" for b in sorted(lift, key=lambda b: -lift[b])[:8])
        ratio = gold_share / base if base else float("inf")
        print(f"| {kind} | {len(phrases)} | {gold_share:.2f} | {base:.2f} | {ratio:.1f} | {top} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
