"""How well `corpus.ocr.skew_angle` measures a tilt: each page given is turned by -4.0°, -3.9° … +4.0° (81
tilts, white corners) and the tilt measured is compared with the one made (plus the page's own, measured
on it as given when `--own` is named for it); a measurement within 0.3° counts as right.

Usage: PYTHONPATH=CHECKOUT python scripts/trial/skew_grid.py [--own ANGLE] IMAGE [[--own ANGLE] IMAGE …]
  e.g. --own -1.5 desk/拍照/IMG_20251028_0931.jpg (scripts/trial/make_trial36_docs.py turned it by 1.5° clockwise)
Prints one line per page and the total.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from PIL import Image

from corpus import ocr


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    pages: list[tuple[Path, float]] = []
    own = 0.0
    args = iter(argv)
    for arg in args:
        if arg == "--own":
            own = float(next(args))
            continue
        pages.append((Path(arg), own))
        own = 0.0
    right = total = 0
    for path, own in pages:
        page = ocr.page_for_ocr(Image.open(path))
        misses = []
        for made in np.round(np.arange(-4.0, 4.01, 0.1), 1):
            turned = page.rotate(float(made), resample=Image.Resampling.BICUBIC, fillcolor=(255, 255, 255))
            want, got = float(made) + own, ocr.skew_angle(turned)
            if abs(got - want) <= 0.3 + 1e-9:
                right += 1
            else:
                misses.append(f"{want:+.1f}→{got:+.1f}")
            total += 1
        print(f"{path.name}: {81 - len(misses)}/81 right; missed {' '.join(misses) or '—'}")
    print(f"all: {right}/{total} tilts measured within 0.3°")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
