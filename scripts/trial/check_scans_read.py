"""Read every image of benchmarks/ and tests/fixtures (the desk charts apart) as `speechqa add` would, and
say which are refused: the check that the 「no sentence, no scan」 rule (corpus/reader.py) refuses no real scan.

Usage: PYTHONPATH=$PWD python scripts/trial/check_scans_read.py   (from a checkout; OCR takes a minute or two)
"""

from __future__ import annotations

import sys
from pathlib import Path

from corpus import CorpusError, read_bytes

IMAGES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".heic")


def main() -> int:
    if sys.argv[1:]:
        print(__doc__)
        return 0 if sys.argv[1:] in (["-h"], ["--help"]) else 2
    files = sorted(
        p
        for root in (Path("benchmarks"), Path("tests/fixtures"))
        for p in root.rglob("*")
        if p.suffix.lower() in IMAGES and "desk" not in p.parts
    )
    refused = 0
    for path in files:
        try:
            document = read_bytes(path.name, path.read_bytes())
            print(f"read     {path}  ({len(document.text)} characters)")
        except CorpusError as e:
            refused += 1
            print(f"REFUSED  {path}  {e}")
    print(f"{len(files)} images, {len(files) - refused} read, {refused} refused")
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main())
