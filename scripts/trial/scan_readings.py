"""Read every scan of benchmarks/ and tests/fixtures (images, and the PDFs and OFDs whose pages are read by
OCR) as `speechqa add` does, and print per file the tilt each page was straightened by and a digest of the
text read: run it on two checkouts and compare, to see which readings a change to the OCR path moves.

Usage (from a checkout):  PYTHONPATH=CHECKOUT python scripts/trial/scan_readings.py [--text] > readings.txt
(`--text` prints the text read too). Files read without OCR print no tilt and are left out.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import corpus.ocr
from corpus import CorpusError, read_bytes

SCANS = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".heic", ".pdf", ".ofd")
ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    args = sys.argv[1:]
    if args not in ([], ["--text"]):
        print(__doc__)
        return 0 if args in (["-h"], ["--help"]) else 2
    angles: list[float] = []
    measure = corpus.ocr.skew_angle

    def recorded(image):  # type: ignore[no-untyped-def]
        angle = measure(image)
        angles.append(angle)
        return angle

    corpus.ocr.skew_angle = recorded  # the reader looks it up in its module at each page
    files = sorted(
        p
        for root in (ROOT / "benchmarks", ROOT / "tests" / "fixtures")
        for p in root.rglob("*")
        if p.suffix.lower() in SCANS and "desk" not in p.parts
    )
    for path in files:
        angles.clear()
        try:
            text = read_bytes(path.name, path.read_bytes()).text
        except CorpusError as e:
            text = f"REFUSED {e}"
        if not angles:
            continue  # no page read by OCR
        digest = hashlib.sha1(text.encode()).hexdigest()[:12]
        tilts = " ".join(f"{a:+.1f}" for a in angles)
        print(f"{path.relative_to(ROOT)}  tilt {tilts}  text {digest}")
        if args:
            print(text, end="\n\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
