"""How often the sibling veto, widened to a modifier of one to four characters swapped for another of one to four
(「国家级示范校」 against 「省规范化示范校」; shipped: one or two characters, as long as each other), would fire on
the pin set's own pairs — each paraphrase and near miss against its group's pinned question — beside the shipped
reading (`retrieval.pins.sibling_swapped`), and on the two pairs of session pins69's in-use look it missed.

    HF_HUB_OFFLINE=1 python scripts/pin_sibling_wide69.py

It reads the two questions only (no library, no model): a pair whose verdict changes is printed with its batch.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bench.pins as b
from retrieval import pins as p
from retrieval.vocabulary import Lexicon, bundled_lexicon

LONGEST = 4
LOOK = (
    ("县级以上老年大学要在几年之内成为国家级示范校？", "县级以上老年大学要在几年之内成为省规范化示范校？"),
    ("乡镇老年大学要在几年之内成为省规范化示范校", "县级以上老年大学要在几年之内成为省规范化示范校？"),
)


def widened(a: str, b_: str, lexicon: Lexicon) -> bool:
    """`sibling_swapped` with the swapped stretches one to LONGEST characters each, of any two lengths."""
    return p.sibling_swapped(a, b_, lexicon, longest=LONGEST, same_length=False)


def main() -> None:
    argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    ).parse_args()
    lexicon = bundled_lexicon()
    items = b.load_pin_questions(b.PIN_QUESTIONS)
    pinned = {i.group: i.question for i in items if i.kind == "pinned"}
    counts: dict[tuple[str, bool, bool], int] = {}
    for i in items:
        if i.kind not in ("paraphrase", "near-miss") or i.group not in pinned:
            continue
        a, b_ = p.fold(i.question), p.fold(pinned[i.group])
        key = (i.kind, p.sibling_swapped(a, b_, lexicon), widened(a, b_, lexicon))
        counts[key] = counts.get(key, 0) + 1
        if key[1] != key[2]:
            print(f"changed: batch {i.batch} {i.kind} {i.question} | {pinned[i.group]}")
    for (kind, shipped, wide), n in sorted(counts.items()):
        print(
            f"{kind}: shipped {'fires' if shipped else 'silent'}, widened {'fires' if wide else 'silent'}: {n}"
        )
    for a, b_ in LOOK:
        print(
            f"look: {a} | {b_}: shipped {p.sibling_swapped(p.fold(a), p.fold(b_), lexicon)}, widened "
            f"{widened(p.fold(a), p.fold(b_), lexicon)}"
        )


if __name__ == "__main__":
    main()
