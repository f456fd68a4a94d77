"""How Chinese the real plain-text speeches and notices in the tree are: for every .txt under the given folders
(default: the repository), the share of Han characters among its letters (Han + Latin letters), read as
`speechqa add` reads it. Prints the lowest shares first, and the count. Used to check that a rule refusing a
.txt that is not Chinese prose (a log picked by mistake) would refuse no real speech or notice."""

from __future__ import annotations

import argparse
import unicodedata
from pathlib import Path

from corpus import CorpusError, read_bytes


def han_share(text: str) -> tuple[float, int]:
    han = sum(1 for c in text if "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf")
    latin = sum(1 for c in unicodedata.normalize("NFKC", text) if c.isascii() and c.isalpha())
    return (han / (han + latin) if han + latin else 0.0), han + latin


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, help="where to look (default: the current folder)")
    roots = parser.parse_args().folders or [Path(".")]
    rows = []
    for root in roots:
        for path in sorted(root.rglob("*.txt")):
            if ".venv" in path.parts or ".git" in path.parts:
                continue
            try:
                text = read_bytes(path.name, path.read_bytes()).text
            except (CorpusError, OSError) as e:
                rows.append((-1.0, 0, f"{path}  (not read: {str(e)[:60]})"))
                continue
            share, letters = han_share(text)
            rows.append((share, letters, str(path)))
    rows.sort()
    for share, letters, name in rows[:25]:
        print(f"{share:6.3f}  {letters:8d}  {name}")
    read = [r for r in rows if r[0] >= 0]
    print(
        f"{len(read)} .txt files read ({len(rows) - len(read)} refused by the reader); "
        f"lowest Han share {min(r[0] for r in read):.3f}"
    )


if __name__ == "__main__":
    main()
