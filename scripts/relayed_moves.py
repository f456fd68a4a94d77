"""Which questions of our own sets a relayed message's frame changes (retrieval/relayed.py).

    /work/main/.venv/bin/python scripts/relayed_moves.py [FILE …]

Reads every string of every row of `benchmarks/*.jsonl` (questions, paraphrases, near misses, follow-ups)
and the lines of `benchmarks/typed-typos.txt`, or the files given, and prints each text whose searched form
(NFKC, then `question_inside`) differs from the text as searched before, then the count. A text the frame
does not change is searched exactly as before, so a set none of whose texts is printed cannot move.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from retrieval.relayed import question_inside

REPO = Path(__file__).resolve().parent.parent


def strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def texts(path: Path) -> Iterator[str]:
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    for line in lines:
        if not line.strip():
            continue
        if path.suffix == ".jsonl":
            row = json.loads(line)
            answers = set(row.get("answers", [])) if isinstance(row, dict) else set()
            yield from (s for s in strings(row) if s not in answers)
        else:
            yield line.strip()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="relayed_moves.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="*", type=Path, help="question files (default: every one of ours)")
    args = parser.parse_args(argv)
    files = args.files or [
        *sorted((REPO / "benchmarks").glob("*.jsonl")),
        REPO / "benchmarks" / "typed-typos.txt",
    ]
    for path in files:
        if not path.is_file():
            print(f"找不到：{path}", file=sys.stderr)
            return 1
    seen = changed = 0
    for path in files:
        for text in texts(path):
            seen += 1
            searched = unicodedata.normalize("NFKC", text)
            if (inside := question_inside(searched)) != searched:
                changed += 1
                print(f"{path.name}: {text} → {inside}")
    print(f"{changed} of {seen} texts read without a frame")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
