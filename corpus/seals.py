"""Red seals (公章) taken off a colour page before OCR.

An office stamps its round red seal over the issuer's name and the date at the foot of a notice (落款); a
colour scan or a photo of the page keeps the seal's ring, star and rim text over the print. Read as it is,
the rim's characters are read into the lines they cross and the issuer and date come out garbled or not at
all (「并中2030年3月1日」 glued to the paragraph above: the notice undated, its issuer lost). A scanner's
「去除红色」 (colour dropout) is the usual cure; done over the whole page it would also take a red
masthead (红头) and red print, so only a seal is dropped: a patch of saturated red, round or oval (its box
near square), of a seal's size against the page (a fifteenth to two fifths of its shorter side), mostly
paper inside. In it the red ink is given the paper's colour; the black print under the ink (darker than any seal's
red) stays. A red masthead (wide, not square), a red rule, a red character or a red photo (solid) is left
as it is, and a page with no red (a grey scan, the most of them) is returned untouched.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.Image import Image

# Seal ink: red over green and blue by this much, and bright enough to be ink, not print under ink (a
# black stroke under red ink stays dark: its red at most about 110 in the measured scans).
_RED_OVER = 50
_MIN_RED = 120
# The page is looked at on a grid of cells this fraction of its shorter side (a seal's ring and rim
# characters, a cell or two apart, join into one patch once each red cell is grown by one).
_CELL_SHARE = 1 / 160
# A seal's box against the page's shorter side: 15 mm to 55 mm on an A4 page (210 mm), a photo's margin
# allowed for; its sides within this ratio of each other (round; an oval 财务章 of 40 × 30 mm too).
_MIN_SIZE, _MAX_SIZE = 1 / 15, 2 / 5
_MAX_ASPECT = 1.45
# A seal is mostly paper inside its box: ring, rim text and star cover well under half of its cells.
_MAX_FILLED = 0.5


def without_seals(image: Image) -> Image:
    """The RGB page `image` with every red seal's ink given the paper's colour (see the module); the page itself when it
    has no seal."""
    import numpy as np
    from PIL import Image as PILImage

    if image.mode in ("1", "L", "LA", "I", "I;16", "F"):
        return image  # a black-and-white or grey scan holds no red
    # a look at an eighth of the page first (a seal's ring, a millimetre wide, stays red there): a page with no
    # reddish pixel at all is returned without a full-size copy of it (a 600 dpi A4 page: half a gigabyte)
    small = np.asarray(image.convert("RGB").reduce(8), dtype=np.int16)
    r, g, b = small[..., 0], small[..., 1], small[..., 2]
    if not ((r >= _MIN_RED) & (r - g >= _RED_OVER // 2) & (r - b >= _RED_OVER // 2)).any():
        return image
    pixels = np.asarray(image.convert("RGB"), dtype=np.int16)
    red, green, blue = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    ink = (red >= _MIN_RED) & (red - green >= _RED_OVER) & (red - blue >= _RED_OVER)
    height, width = ink.shape
    shorter = min(height, width)
    if ink.sum() < (shorter * _MIN_SIZE) ** 2 * 0.02:  # not the ink of one seal: nothing to take off
        return image
    cell = max(1, round(shorter * _CELL_SHARE))
    rows, columns = -(-height // cell), -(-width // cell)
    padded = np.zeros((rows * cell, columns * cell), dtype=bool)
    padded[:height, :width] = ink
    # a cell is red when a few of its pixels are (a thin ring's stroke, a speck of ink is not)
    counts = padded.reshape(rows, cell, columns, cell).sum(axis=(1, 3))
    red_cells = counts >= max(1, cell * cell // 20)
    grown = red_cells.copy()
    grown[1:, :] |= red_cells[:-1, :]
    grown[:-1, :] |= red_cells[1:, :]
    grown[:, 1:] |= red_cells[:, :-1]
    grown[:, :-1] |= red_cells[:, 1:]
    cleared = np.zeros_like(ink)
    for top, left, bottom, right in _patches(grown):
        tall, wide = (bottom - top) * cell, (right - left) * cell
        if not _MIN_SIZE * shorter <= max(tall, wide) <= _MAX_SIZE * shorter:
            continue
        if max(tall, wide) > _MAX_ASPECT * min(tall, wide):
            continue
        if red_cells[top:bottom, left:right].mean() > _MAX_FILLED:
            continue
        box = (slice(top * cell, bottom * cell), slice(left * cell, right * cell))
        cleared[box] = True
    if not cleared.any():
        return image
    # in a seal's box: its ink, and the paler pink of its thin strokes and edges, made the paper's colour
    # (the page's middle colour: a cream paper stays cream, no white ghost of the seal left for OCR)
    pale = (red - green >= _RED_OVER // 2) & (red - blue >= _RED_OVER // 2) & (red >= _MIN_RED)
    paper = np.median(pixels[::8, ::8].reshape(-1, 3), axis=0)
    out = pixels.copy()
    out[cleared & (ink | pale)] = paper
    return PILImage.fromarray(out.astype(np.uint8), mode="RGB")


def _patches(cells) -> list[tuple[int, int, int, int]]:  # type: ignore[no-untyped-def]
    """The boxes (top, left, bottom, right: cells, the ends past the last) of the joined groups of true
    cells (four-way neighbours)."""
    rows, columns = cells.shape
    seen = cells.copy()
    boxes = []
    for start in zip(*cells.nonzero(), strict=True):
        r0, c0 = int(start[0]), int(start[1])
        if not seen[r0, c0]:
            continue
        seen[r0, c0] = False
        top, left, bottom, right = r0, c0, r0, c0
        queue = deque([(r0, c0)])
        while queue:
            r, c = queue.popleft()
            top, left, bottom, right = min(top, r), min(left, c), max(bottom, r), max(right, c)
            for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
                if 0 <= nr < rows and 0 <= nc < columns and seen[nr, nc]:
                    seen[nr, nc] = False
                    queue.append((nr, nc))
        boxes.append((top, left, bottom + 1, right + 1))
    return boxes
