"""Derive retrieval/data/lookalikes.txt, the look-alike characters (形近字) the typo reading and
`speechqa bench typos` use, from pycorrector's published table.

Source: pycorrector 1.1.4 (https://github.com/shibing624/pycorrector, Apache License 2.0, © XuMing),
`pycorrector/data/same_stroke.txt`: groups of characters of like strokes, one group a line, tab-separated.
Kept: the characters of its `common_char_set.txt` (the ~3,500 characters of everyday text; a rare
character is no slip staff make), groups of two or more such characters. Nothing is added by hand.

Usage (the wheel downloaded, not installed):

    python scripts/derive_lookalikes.py pycorrector-1.1.4-py3-none-any.whl
"""

from __future__ import annotations

import argparse
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "retrieval" / "data" / "lookalikes.txt"
HEADER = """\
# Look-alike characters (形近字): one group a line, characters apart by spaces.
# Derived by scripts/derive_lookalikes.py from pycorrector 1.1.4's data/same_stroke.txt
# (https://github.com/shibing624/pycorrector, Apache License 2.0, (c) XuMing), kept to the characters
# of its data/common_char_set.txt. Regenerate with the script; do not edit by hand.
"""


def derive(groups: list[list[str]], common: set[str]) -> list[list[str]]:
    """The groups kept to common characters, each with two or more, duplicates within a group dropped."""
    kept = []
    for group in groups:
        chars = list(dict.fromkeys(c for c in group if c in common))
        if len(chars) >= 2:
            kept.append(chars)
    return kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("wheel", type=Path, help="pycorrector-1.1.4-py3-none-any.whl")
    args = parser.parse_args()
    with zipfile.ZipFile(args.wheel) as wheel:
        stroke = wheel.read("pycorrector/data/same_stroke.txt").decode("utf-8")
        common_text = wheel.read("pycorrector/data/common_char_set.txt").decode("utf-8")
    groups = [line.split() for line in stroke.splitlines() if line.strip() and not line.startswith("#")]
    common = {c for line in common_text.splitlines() for c in line.strip() if c}
    kept = derive(groups, common)
    OUT.write_text(HEADER + "".join(" ".join(g) + "\n" for g in kept), encoding="utf-8")
    print(f"{OUT}: {len(kept)} groups, {len({c for g in kept for c in g})} characters")


if __name__ == "__main__":
    main()
