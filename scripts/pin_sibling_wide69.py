"""How often the sibling veto, widened to a modifier of one to four characters swapped for another of one to four
(「国家级示范校」 against 「省规范化示范校」; shipped: one or two characters, as long as each other), would fire on
the pin set's own pairs — each paraphrase and near miss against its group's pinned question — beside the shipped
reading (`retrieval.pins.sibling_swapped`), and on the two pairs of session pins69's in-use look it missed.

    HF_HUB_OFFLINE=1 python scripts/pin_sibling_wide69.py

It reads the two questions only (no library, no model): a pair whose verdict changes is printed with its batch.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bench.pins as b
from retrieval import pins as p
from retrieval.vocabulary import INTERROGATIVE, Lexicon, bundled_lexicon

LONGEST = 4
LOOK = (
    ("县级以上老年大学要在几年之内成为国家级示范校？", "县级以上老年大学要在几年之内成为省规范化示范校？"),
    ("乡镇老年大学要在几年之内成为省规范化示范校", "县级以上老年大学要在几年之内成为省规范化示范校？"),
)


def widened(a: str, b_: str, lexicon: Lexicon) -> bool:
    """`sibling_swapped` with the swapped stretches one to LONGEST characters each, of any two lengths."""
    if p.names_former(a) != p.names_former(b_):
        return True
    left, right = (INTERROGATIVE.sub("?", p._UNASKED.sub("", q)) for q in (a, b_))
    changes = [
        op
        for op in difflib.SequenceMatcher(None, left, right, autojunk=False).get_opcodes()
        if op[0] != "equal"
    ]
    if len(changes) != 1:
        return False
    [(tag, i1, i2, j1, j2)] = changes
    mine, theirs = left[i1:i2], right[j1:j2]
    if tag != "replace" or len(mine) > LONGEST or len(theirs) > LONGEST:
        return False
    head = left[i2 : i2 + 2]
    if len(head) < 2 or head != right[j2 : j2 + 2] or not p._CJK.fullmatch(mine + theirs + head):
        return False
    if mine in right or theirs in left or p._is_number(mine) != p._is_number(theirs):
        return False
    return not any(
        right[j1 - x : j2 + y] in lexicon.pairs_of(left[i1 - x : i2 + y])
        for x in range(min(i1, j1, 2) + 1)
        for y in range(3)
    )


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
