"""docs/tidy63.md's figures, on libraries built by `scripts/eval_all_sets.sh LIBS` (read only):

    python scripts/tidy63_figures.py LIBS

1. The script fold: how many stored passage texts, headings and titles of every library under LIBS, and how many
   benchmark questions, fold differently with this checkout's `corpus.to_simplified` than with OpenCC t2s alone
   (the fold before tidy63), each one listed — a search can only change where its fold does.
2. The pin warning (`retrieval.unshared_words`, of the title, heading and text as `pin_unshared_words` reads): each pinned question of benchmarks/pin-questions.jsonl against
   the passage holding its answer (the first passage of LIBS's libraries holding it; a warning there is a false
   one) and against the passage of the next group's answer (a pin onto another id: a warning there is right).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path

from bench.errors import require_paths
from corpus import to_simplified
from retrieval import bundled_lexicon, unshared_words

REPO = Path(__file__).resolve().parent.parent


def t2s_fold(text: str) -> str:
    """The fold before tidy63: OpenCC t2s, character by character where a phrase changes length."""
    import opencc

    t2s = opencc.OpenCC("t2s")
    converted = str(t2s.convert(text))
    if len(converted) == len(text):
        return converted
    singles = [str(t2s.convert(ch)) for ch in text]
    return "".join(s if len(s) == 1 else ch for s, ch in zip(singles, text, strict=True))


def stored(libs: Path) -> dict[str, str]:
    """Every stored passage text (with its speech's title and its heading, as a pin's passage is read) of every
    library under `libs`, and titles."""
    texts: dict[str, str] = {}
    for db in sorted(libs.glob("*/speechqa.db")):
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        rows = con.execute(
            "SELECT p.section, p.text, s.title FROM passages p JOIN speeches s ON s.id = p.speech_id"
        )
        for section, text, title in rows:
            texts[text] = f"{title} {section or ''} {text}"
            if section:
                texts.setdefault(section, section)
        for (title,) in con.execute("SELECT title FROM speeches"):
            texts.setdefault(title, title)
        con.close()
    return texts


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="tidy63_figures.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("libs", type=Path, metavar="LIBS", help="libraries built by scripts/eval_all_sets.sh")
    args = parser.parse_args(argv)
    require_paths(folders=(args.libs,))
    texts = stored(args.libs)
    rows = [
        json.loads(line)
        for path in sorted((REPO / "benchmarks").glob("*-questions.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    questions = {r["question"] for r in rows}
    moved = sorted(t for t in set(texts) | questions if t2s_fold(t) != to_simplified(t))
    print(f"1. fold: {len(texts)} stored texts, {len(questions)} questions; folded otherwise: {len(moved)}")
    for t in moved:
        print(f"   {t[:60]} → {to_simplified(t)[:60]}")

    lexicon = bundled_lexicon()
    pinned = [r for r in rows if r.get("kind") == "pinned" and r.get("answer")]
    found = [(r, p) for r in pinned if (p := next((w for t, w in texts.items() if r["answer"] in t), None))]
    own = [(r, p) for r, p in found if unshared_words(r["question"], p, lexicon)]
    shifted = list(zip(found, found[1:] + found[:1], strict=True))
    other = sum(1 for (r, _), (_, p) in shifted if unshared_words(r["question"], p, lexicon))
    print(
        f"2. pin warning: {len(pinned)} pinned questions, {len(found)} with their passage found; warned on their "
        f"own passage {len(own)}, on the next group's passage {other} of {len(shifted)}"
    )
    for r, p in own:
        print(f"   own: {r['question']} | {p[:50]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
