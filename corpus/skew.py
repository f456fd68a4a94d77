"""How far a page's print is tilted (`skew_angle`): used by OCR to straighten a page before reading it
(`corpus.ocr`) and by the grid reader to straighten a table's picture before finding its rules
(`corpus.gridtables`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.Image import Image

# Larger tilts than this are not looked for (a page scanned that crooked is better scanned again).
MAX_SKEW = 6.0


def skew_angle(image: Image) -> float:
    """How many degrees counter-clockwise the print on a page is tilted (within ±MAX_SKEW; 0 when it
    cannot tell). The rows of print of a straight page make sharp bands of ink and blank in the
    horizontal projection profile (columns of a page on its side, in the vertical one): the angle at which
    rotating the page back makes those bands sharpest, searched in 1° steps then refined to 0.1°, is the
    tilt. About 30 turns of a 600-pixel copy: a few hundredths of a second."""
    import numpy as np
    from PIL import Image as PILImage

    grey = image.convert("L")
    scale = min(1.0, 600 / max(grey.width, grey.height))
    small = grey.resize((max(1, int(grey.width * scale)), max(1, int(grey.height * scale))))
    ink = np.asarray(small) < 128
    if ink.mean() < 0.002:  # a blank page
        return 0.0
    sheet = PILImage.fromarray((ink * 255).astype(np.uint8))
    scores: dict[float, float] = {}

    def sharpness(angle: float) -> float:
        angle = round(angle, 2)
        if angle not in scores:
            turned = np.asarray(sheet.rotate(-angle, resample=PILImage.Resampling.BILINEAR), dtype=np.float32)
            rows, columns = turned.sum(axis=1), turned.sum(axis=0)
            scores[angle] = float(max(np.square(np.diff(rows)).sum(), np.square(np.diff(columns)).sum()))
        return scores[angle]

    best = max(np.arange(-MAX_SKEW, MAX_SKEW + 0.01, 1.0), key=sharpness)
    for step in (0.5, 0.25, 0.1):
        best = max((best - step, best, best + step), key=sharpness)
    if sharpness(best) <= 1.05 * sharpness(0.0) and abs(best) < 1.0:
        return 0.0  # no clearer rows than the page as it is: leave it
    return round(best, 1)
