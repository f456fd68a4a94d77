"""Ruled tables in pictures: the grid of a table found in an image, and its cells read by OCR one by one.

A table pasted into a Word file as a picture (a sheet exported as PNG, a screenshot of a table) or printed
on a scanned page is drawn with rules: long horizontal and vertical runs of dark pixels. `find_grid` finds
them with numpy alone (no OCR: it is cheap enough to ask of every picture of a Word file); `read_grid`
reads each cell of the grid by OCR — every cell cut out, the cells stacked one under another with white
space between them and read by the engine in one pass, each line the engine finds given back to the cell
it lies in — so that words of two neighbouring cells are never read as one line, and a cell's wrapped
lines stay in their cell. The rows come back as the cells of a table, read as any other table is
(`corpus.tables`: labelled by the header row).

A picture with no ruled grid (a logo, a seal, a photo, a three-line table with no vertical rules) has no
grid: `find_grid` returns None.
"""

from __future__ import annotations

import itertools
import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from .layout import Line

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from collections.abc import Callable

    import numpy as np
    from PIL.Image import Image

# A pixel darker than this (0–255) is ink: rules and print, on white or grey paper.
_INK = 160
# A picture whose pixels are more than this share ink is a photo or a dark graphic, not a table on paper.
_MAX_INK = 0.35
# A rule is at least this long: a share of the image's side, and a number of pixels.
_RULE_SHARE = 0.3
_MIN_RULE = 80
# A table has at least this many rows and columns of cells (a frame round one cell is a box, not a table).
_MIN_ROWS = 2
_MIN_COLUMNS = 2
# A vertical rule stands between two cells of a row band when this share of the band's height is ink there.
_RULE_PRESENT = 0.7
# A cell holds print when this many ink pixels are left inside its rules.
_MIN_CELL_INK = 12
_PAD = 10  # white round each cell's print in the stack read by OCR
# A stack of cells is read in parts no taller than this: an OCR engine shrinks a taller image to its own
# limit (RapidOCR: 2000 px on its longer side) and a long table's cells, shrunk, read as garbage.
MAX_STACK_HEIGHT = 1600


class _Reading(Protocol):
    lines: tuple[Line, ...]


class CellReader(Protocol):
    """An OCR engine (`corpus.ocr.OcrEngine`): the printed lines of an image, with boxes in pixels."""

    name: str

    def read(self, image: Image) -> _Reading: ...


@dataclass(frozen=True)
class GridCell:
    """One cell of a grid: its row, first column and how many columns it spans, its box inside its rules
    (pixels of the straightened image: left, top, right, bottom), and how many rows it spans."""

    row: int
    column: int
    span: int
    box: tuple[int, int, int, int]
    down: int = 1


@dataclass(frozen=True)
class Grid:
    """A ruled table found in an image: the y of its horizontal rules and the x of its vertical ones (top to
    bottom, left to right, in the image straightened by `angle` degrees counter-clockwise), and its cells in
    row order."""

    rows: tuple[int, ...]
    columns: tuple[int, ...]
    cells: tuple[GridCell, ...]
    angle: float = 0.0
    plain: bool = True  # every rule crosses the whole table, no cell spans another's (but a full-width row)
    # its rows may be labelled by its header row: plain, or a grid whose only spans are cells spanning rows
    # below a header row of single cells (each such cell's text in every row it spans)
    labelled: bool = True

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.rows) - 1, len(self.columns) - 1


@dataclass(frozen=True)
class GridTable:
    """A grid's cells as read: `rows` of cell texts (a cell spanning columns in its first, the others empty;
    a cell spanning rows in each of them),
    `wide` the rows that are one cell across the table (a title or a note inside the frame), and the lines
    printed above and below the grid in the picture (a caption, a 制表 line)."""

    rows: tuple[tuple[str, ...], ...]
    wide: frozenset[int]
    above: tuple[str, ...] = ()
    below: tuple[str, ...] = ()
    printed: int = 0  # the cells holding print
    plain: bool = True  # a plain full grid (`Grid.plain`): its rows may be labelled by its header
    lines: tuple[str, ...] = ()  # every line read in the cells, row by row, left to right
    labelled: bool = True  # its rows may be labelled by its header row (`Grid.labelled`)

    @property
    def legible(self) -> bool:
        """Whether the cells read as a table's: at least half of the cells holding print read to a Chinese
        character, a digit or a letter, and those make at least half of what was read. A picture that is
        no table (a chart's gridlines, a table lying on its side) reads to strokes, or to a stray character
        in a few cells."""
        texts = [cell for row in self.rows for cell in row if cell]
        read = sum(1 for cell in texts if _LEGIBLE.search(cell))
        letters = sum(len(_LEGIBLE.findall(cell)) for cell in texts)
        shown = sum(len(cell.replace(" ", "")) for cell in texts)
        return read > 0 and 2 * read >= self.printed and 2 * letters >= shown


def find_grid(image: Image, *, straighten: bool = True) -> Grid | None:
    """The ruled table in `image`, or None when it holds none (a logo, a photo, a page of text, a table
    without vertical rules). A picture tilted by a few degrees (a scan) is straightened first, unless
    `straighten` is False (a page OCR has already straightened)."""
    from PIL import Image as PILImage

    from .skew import skew_angle

    grey = _on_white(image).convert("L")
    if _ink(grey).mean() > _MAX_INK:
        return None  # a photo or a dark graphic: not straightened, not searched
    angle = skew_angle(grey) if straighten and min(grey.size) >= 40 else 0.0
    if angle:
        grey = grey.rotate(-angle, resample=PILImage.Resampling.BICUBIC, fillcolor=255)
    grid = _grid(_ink(grey))
    return (
        None if grid is None else Grid(grid.rows, grid.columns, grid.cells, angle, grid.plain, grid.labelled)
    )


def _ink(grey: Image) -> np.ndarray:
    import numpy as np

    return np.asarray(grey) < _INK


def _grid(ink: np.ndarray) -> Grid | None:
    import numpy as np

    height, width = ink.shape
    if height < 20 or width < 20 or ink.mean() > _MAX_INK:
        return None
    horizontal = _rules(ink, max(_MIN_RULE, int(_RULE_SHARE * width)))
    if len(horizontal) < _MIN_ROWS + 1:
        return None
    # the frame: the rules as long as the longest (within a twentieth of it), where the table is
    longest = max(end - start for _, start, end in horizontal)
    framed = [r for r in horizontal if (r[2] - r[1]) >= 0.95 * longest]
    left = int(np.median([r[1] for r in framed]))
    right = int(np.median([r[2] for r in framed]))
    rows = [
        y for y, start, end in horizontal if start <= left + 0.05 * longest and end >= right - 0.05 * longest
    ]
    if len(rows) < _MIN_ROWS + 1:
        return None
    top, bottom = rows[0], rows[-1]
    band = ink[max(0, top - 2) : bottom + 3, :]
    vertical = _rules(band.T, max(_MIN_RULE // 2, int(0.4 * (bottom - top))))
    columns = [x for x, _, _ in vertical if left - 0.02 * longest <= x <= right + 0.02 * longest]
    columns = sorted({*columns})
    if len(columns) < _MIN_COLUMNS + 1:
        return None
    # print in the rows beyond the outermost vertical rule (a sheet cut off at its edge): cells of their own
    outside = max(10, int(0.02 * longest))
    plain = True
    if columns[0] - left > outside:
        columns, plain = [left, *columns], False
    if right - columns[-1] > outside:
        columns, plain = [*columns, right], False
    outer = plain  # no print beyond the outermost vertical rules
    if any(y1 - y0 < 8 for y0, y1 in itertools.pairwise(rows)):
        return None  # rules this close are a double line or hatching, not a row of print
    whole = (tuple(rows), tuple(columns))
    rows, columns = _inner_rules(ink, rows, columns)
    cells = _regions(ink, rows, columns)
    across = len(columns) - 1
    plain = plain and (tuple(rows), tuple(columns)) == whole
    plain = plain and all(cell.span in (1, across) and cell.down == 1 for cell in cells)
    plain = plain and not _stray_rules(ink, rows, columns)
    # a header row of single cells over cells spanning rows (never columns): its columns label them still
    header = [cell for cell in cells if cell.row == 0]
    labelled = plain or (
        outer
        and not _stray_rules(ink, rows, columns)
        and len(header) == across
        and all(cell.down == 1 for cell in header)
        and all(cell.span in (1, across) for cell in cells)
    )
    return Grid(tuple(rows), tuple(columns), tuple(cells), plain=plain, labelled=labelled)


# A rule segment inside the table runs from one of the grid's rules to the next, this share of its length
# ink at least (a scan's broken line bridged), and is at most this thick: a shaded cell is no rule.
_SEGMENT_INK = 0.9
_MAX_RULE_THICKNESS = 8


def _inner_rules(ink: np.ndarray, rows: list[int], columns: list[int]) -> tuple[list[int], list[int]]:
    """The grid's rules with the rules inside the table that cross only part of it: a horizontal one under
    the cells of some columns (above a cell spanning rows beside it), a vertical one across some row
    bands (a form's short rules). A segment counts when it runs from one rule of the grid to the next —
    print never does — and is no thicker than a rule."""
    rows, columns = list(rows), list(columns)
    for _ in range(3):  # a segment found may end another: look again until none is new
        added = False
        for y in _segments(ink, rows, columns):
            if min(abs(y - r) for r in rows) >= 8:
                rows, added = sorted([*rows, y]), True
        for x in _segments(ink.T, columns, rows):
            if min(abs(x - c) for c in columns) >= 8:
                columns, added = sorted([*columns, x]), True
        if not added:
            break
    return rows, columns


def _segments(ink: np.ndarray, rows: list[int], columns: list[int]) -> list[int]:
    """The rows of `ink` (pass the transpose for columns) between the first and last of `rows` holding a
    rule segment from one of `columns` to the next, each segment's middle once."""
    import numpy as np

    near = ink.copy()  # a segment tilted by a pixel over its length is still one row
    near[1:] |= ink[:-1]
    near[:-1] |= ink[1:]
    found: set[int] = set()
    for x0, x1 in itertools.pairwise(columns):
        if x1 - x0 < 12:
            continue
        part = near[rows[0] + 3 : rows[-1] - 2, x0 : x1 + 1]
        touching = part[:, :4].any(axis=1) & part[:, -4:].any(axis=1)
        at = np.flatnonzero((part.mean(axis=1) >= _SEGMENT_INK) & touching) + rows[0] + 3
        for run in np.split(at, np.flatnonzero(np.diff(at) > 2) + 1):
            if len(run) and run[-1] - run[0] < _MAX_RULE_THICKNESS:
                found.add(int(run[0] + run[-1]) // 2)
    merged: list[int] = []
    for y in sorted(found):
        if not merged or y - merged[-1] > 3:
            merged.append(y)
    return merged


def _regions(ink: np.ndarray, rows: list[int], columns: list[int]) -> list[GridCell]:
    """The cells of the grid as the regions its rules enclose: two neighbouring boxes of the full grid are
    one cell where the rule between them is missing, a cell spanning columns or rows (its text read once).
    A region that is no rectangle (it never is in a table drawn by an office program) is read a row at a
    time, so no print is read twice. In reading order: by the row each starts in, then left to right."""
    height, width = len(rows) - 1, len(columns) - 1
    parent = list(range(height * width))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r, c in itertools.product(range(height), range(width)):
        y0, y1 = rows[r], rows[r + 1]
        if c + 1 < width and _rule_missing(ink, columns[c + 1], y0, y1):
            parent[root(r * width + c + 1)] = root(r * width + c)
        if r + 1 < height and _rule_missing(ink.T, rows[r + 1], columns[c], columns[c + 1]):
            parent[root((r + 1) * width + c)] = root(r * width + c)
    groups: dict[int, list[tuple[int, int]]] = {}
    for r, c in itertools.product(range(height), range(width)):
        groups.setdefault(root(r * width + c), []).append((r, c))
    cells = []
    for members in groups.values():
        r0, r1 = min(r for r, _ in members), max(r for r, _ in members) + 1
        c0, c1 = min(c for _, c in members), max(c for _, c in members) + 1
        if len(members) == (r1 - r0) * (c1 - c0):
            cells.append(GridCell(r0, c0, c1 - c0, (columns[c0], rows[r0], columns[c1], rows[r1]), r1 - r0))
            continue
        for r in range(r0, r1):  # not a rectangle: each row's runs of it
            at = sorted(c for row, c in members if row == r)
            for run in _runs(at):
                box = (columns[run[0]], rows[r], columns[run[-1] + 1], rows[r + 1])
                cells.append(GridCell(r, run[0], len(run), box))
    return sorted(cells, key=lambda cell: (cell.row, cell.column))


def _runs(values: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for value in values:
        if runs and value == runs[-1][-1] + 1:
            runs[-1].append(value)
        else:
            runs.append([value])
    return runs


def _vertical_present(ink: np.ndarray, x: int, y0: int, y1: int) -> bool:
    """Whether a rule runs at `x` between `y0` and `y1` (pass the transpose for a horizontal one): this share
    of the middle three fifths of that stretch is ink within two pixels of it."""
    inner = slice(y0 + (y1 - y0) // 5, y1 - (y1 - y0) // 5 + 1)
    return bool(ink[inner, max(0, x - 2) : x + 3].any(axis=1).mean() >= _RULE_PRESENT)


# Next to the rules it runs between, a rule's stretch is looked at from this many pixels in (a crossing rule's
# own thickness, a scan's blur), and an end of it is clear when this many pixels from there hold no ink.
_END_INSET = 5
_END_CLEAR = 3
# A stretch with no rule holds at most this share of ink along the rule's line (print crossing it).
_MISSING_INK = 0.5


def _rule_missing(ink: np.ndarray, x: int, y0: int, y1: int) -> bool:
    """Whether no rule runs at `x` between `y0` and `y1` (pass the transpose for a horizontal one), so the
    two cells beside it are one. A merge has no rule at all there: the stretch is mostly white
    (`_vertical_present` false, at most `_MISSING_INK` of it ink) and both its ends are clear. A rule broken
    by a scan's noise — a gap of a few pixels, in its middle or at one end — still leaves a stub of rule
    at an end, running on from the crossing rule: it stands, and the cells stay two."""
    if _vertical_present(ink, x, y0, y1):
        return False
    line = ink[y0 + _END_INSET : y1 - _END_INSET + 1, max(0, x - 2) : x + 3].any(axis=1)
    if len(line) < 2 * _END_CLEAR + 1:
        return False  # too short a stretch to tell: the rule stands
    clear = not line[:_END_CLEAR].any() and not line[-_END_CLEAR:].any()
    return clear and float(line.mean()) <= _MISSING_INK


def _stray_rules(ink: np.ndarray, rows: list[int], columns: list[int]) -> bool:
    """Whether a rule inside the table is not one of the grid's: a horizontal one across a column but not
    the whole table (a cell spanning rows), a vertical one across a row band where no column rule runs (a
    form's short inner rules)."""
    import numpy as np

    def stray(share: np.ndarray, start: int, rules: list[int]) -> bool:
        at = np.flatnonzero(share >= 0.95) + start
        return any(min(abs(int(x) - r) for r in rules) > 3 for x in at)

    for x0, x1 in itertools.pairwise(columns):
        if x1 - x0 >= 12 and stray(ink[rows[0] : rows[-1] + 1, x0 + 4 : x1 - 3].mean(axis=1), rows[0], rows):
            return True
    for y0, y1 in itertools.pairwise(rows):
        if y1 - y0 >= 12 and stray(
            ink[y0 + 4 : y1 - 3, columns[0] : columns[-1] + 1].mean(axis=0), columns[0], columns
        ):
            return True
    return False


def _rules(ink: np.ndarray, min_length: int) -> list[tuple[int, int, int]]:
    """The rules running along the rows of `ink` (its columns: pass the transpose), at least `min_length`
    long: (position, start, end) each, a rule a few pixels thick found once at its middle. Gaps of a
    couple of pixels (a scan's broken line) are bridged, and a rule tilted by a fraction of a degree is
    followed across three rows."""
    import numpy as np

    joined = ink.copy()
    joined[:, 1:] |= ink[:, :-1]
    joined[:, :-1] |= ink[:, 1:]
    near = joined.copy()
    near[1:] |= joined[:-1]
    near[:-1] |= joined[1:]
    padded = np.zeros((near.shape[0], near.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = near
    steps = np.diff(padded, axis=1)
    starts = np.argwhere(steps == 1)
    ends = np.argwhere(steps == -1)
    lengths = ends[:, 1] - starts[:, 1]
    long = lengths >= min_length
    found: dict[int, tuple[int, int]] = {}
    for (line, start), (_, end) in zip(starts[long], ends[long], strict=True):
        was = found.get(int(line))
        if was is None or end - start > was[1] - was[0]:
            found[int(line)] = (int(start), int(end))
    rules: list[tuple[int, int, int]] = []
    group: list[int] = []
    for line in sorted(found):
        if group and line - group[-1] > 2:
            rules.append(_middle(group, found))
            group = []
        group.append(line)
    if group:
        rules.append(_middle(group, found))
    return rules


def _middle(group: list[int], found: dict[int, tuple[int, int]]) -> tuple[int, int, int]:
    start = min(found[line][0] for line in group)
    end = max(found[line][1] for line in group)
    return (group[0] + group[-1]) // 2, start, end


def read_grid(image: Image, grid: Grid, reader: CellReader, *, margins: bool = True) -> GridTable:
    """The cells of `grid` in `image` read by `reader`, each once, in row order; with `margins`, the lines
    above and below the grid too (a picture's caption; a scanned page's are read with the page). Every cell with print is cut out inside its rules and the cells
    are stacked with white space between them, so one OCR pass reads them all and each line it finds lies
    in one cell's band."""
    from PIL import Image as PILImage

    page = _on_white(image)
    if grid.angle:
        page = page.rotate(-grid.angle, resample=PILImage.Resampling.BICUBIC, fillcolor=(255, 255, 255))
    ink = _ink(page.convert("L"))
    if not grid.plain:
        page, ink = _without_stray_rules(page, ink, grid)
    height, width = ink.shape
    top, bottom = grid.rows[0], grid.rows[-1]
    pieces: list[tuple[object, tuple[int, int, int, int]]] = []  # (key, box) of every region with print
    margin_above = (0, 0, width, max(0, top - 3))
    margin_below = (0, min(height, bottom + 4), width, height)
    regions: list[tuple[object, tuple[int, int, int, int]]] = [("above", margin_above)] if margins else []
    regions += [(cell, cell.box) for cell in grid.cells]
    if margins:
        regions.append(("below", margin_below))
    for key, (x0, y0, x1, y1) in regions:
        inset = 0 if isinstance(key, str) else 4
        box = _print_box(ink, (x0 + inset, y0 + inset, x1 - inset, y1 - inset))
        if box is not None:
            pieces.append((key, box))
    if not pieces:
        return GridTable(_empty_rows(grid), _wide_rows(grid))
    tallest = max(y1 - y0 for _, (_, y0, _, y1) in pieces)
    gap = max(16, tallest // 2)
    texts: dict[object, list[tuple[float, float, str]]] = {}
    width = max(x1 - x0 for _, (x0, _, x1, _) in pieces) + 2 * _PAD  # every part as wide as the widest piece
    for part in _stacks(pieces, gap):
        _read_stack(page, part, gap, width, reader, texts)
    rows = [list(row) for row in _empty_rows(grid)]
    across = grid.shape[1]
    for cell in grid.cells:
        # a cell spanning rows is each of its rows' value, as a Word table's merged cell reads (read once,
        # given to every row it spans); a row one cell across (a title, a note) is that row's alone
        down = 1 if cell.span == across and across > 1 else cell.down
        for row in range(cell.row, cell.row + down):
            rows[row][cell.column] = _joined(texts.get(cell, []))
    return GridTable(
        tuple(tuple(row) for row in rows),
        _wide_rows(grid),
        tuple(text for _, _, text in sorted(texts.get("above", []))),
        tuple(text for _, _, text in sorted(texts.get("below", []))),
        sum(1 for key, _ in pieces if isinstance(key, GridCell)),
        grid.plain,
        tuple(text for cell in grid.cells for _, _, text in sorted(texts.get(cell, []))),
        grid.labelled,
    )


def _without_stray_rules(page: Image, ink: np.ndarray, grid: Grid) -> tuple[Image, np.ndarray]:
    """`page` and its `ink` with the rules inside the grid's cells made white: the part of a horizontal rule
    under the cells a cell spanning rows interrupts, a form's short inner rules — lines, not print."""
    import numpy as np
    from PIL import Image as PILImage

    pixels, ink = np.array(page), ink.copy()
    for cell in grid.cells:
        x0, y0, x1, y1 = cell.box
        inside = ink[y0 + 4 : y1 - 3, x0 + 4 : x1 - 3]
        if inside.size == 0:
            continue
        across = np.flatnonzero(inside.mean(axis=1) >= 0.95) + y0 + 4
        down = np.flatnonzero(inside.mean(axis=0) >= 0.95) + x0 + 4
        for y in across:
            pixels[y, x0 + 3 : x1 - 2], ink[y, x0 + 3 : x1 - 2] = 255, False
        for x in down:
            pixels[y0 + 3 : y1 - 2, x], ink[y0 + 3 : y1 - 2, x] = 255, False
    return PILImage.fromarray(pixels), ink


def _stacks(
    pieces: list[tuple[object, tuple[int, int, int, int]]], gap: int
) -> list[list[tuple[object, tuple[int, int, int, int]]]]:
    """The pieces in order, in runs whose stack is at most MAX_STACK_HEIGHT tall (a piece taller than that
    alone in its run)."""
    runs: list[list[tuple[object, tuple[int, int, int, int]]]] = []
    height = 0
    for key, box in pieces:
        tall = box[3] - box[1] + 2 * _PAD + gap
        if not runs or height + tall > MAX_STACK_HEIGHT:
            runs.append([])
            height = 0
        runs[-1].append((key, box))
        height += tall
    return runs


def _read_stack(
    page: Image,
    pieces: list[tuple[object, tuple[int, int, int, int]]],
    gap: int,
    stack_width: int,
    reader: CellReader,
    texts: dict[object, list[tuple[float, float, str]]],
) -> None:
    """The pieces cut from `page`, stacked one under another with white between, read in one OCR pass: each
    line found is added to `texts` under the piece whose band holds its middle."""
    from PIL import Image as PILImage

    stack_height = sum(y1 - y0 + 2 * _PAD + gap for _, (_, y0, _, y1) in pieces)
    stack = PILImage.new("RGB", (stack_width, stack_height), (255, 255, 255))
    bands: list[tuple[object, int, int]] = []
    at = 0
    for key, (x0, y0, x1, y1) in pieces:
        stack.paste(page.crop((x0, y0, x1, y1)), (_PAD, at + _PAD))
        bands.append((key, at, at + y1 - y0 + 2 * _PAD + gap))
        at += y1 - y0 + 2 * _PAD + gap
    for line in reader.read(stack).lines:
        middle = (line.top + line.bottom) / 2
        key = next((k for k, start, end in bands if start <= middle < end), None)
        if key is not None and line.text.strip():
            texts.setdefault(key, []).append((line.top, line.x0, line.text.strip()))


def _on_white(image: Image) -> Image:
    """The picture as 8-bit RGB, a transparent background (a screenshot's PNG) made white, not black."""
    from PIL import Image as PILImage

    if image.mode in ("RGBA", "LA", "PA", "La", "RGBa") or "transparency" in image.info:
        image = image.convert("RGBA")
        white = PILImage.new("RGBA", image.size, (255, 255, 255, 255))
        white.alpha_composite(image)
        return white.convert("RGB")
    return image if image.mode == "RGB" else image.convert("RGB")


def _print_box(ink: np.ndarray, box: tuple[int, int, int, int]) -> tuple[int, int, int, int] | None:
    """The bounds of the print inside `box` (with a little margin), or None when it holds too little ink."""
    import numpy as np

    x0, y0, x1, y1 = box
    if x1 - x0 < 4 or y1 - y0 < 4:
        return None
    part = ink[y0:y1, x0:x1]
    if int(part.sum()) < _MIN_CELL_INK:
        return None
    ys = np.flatnonzero(part.any(axis=1))
    xs = np.flatnonzero(part.any(axis=0))
    return (
        max(x0, x0 + int(xs[0]) - 2),
        max(y0, y0 + int(ys[0]) - 2),
        min(x1, x0 + int(xs[-1]) + 3),
        min(y1, y0 + int(ys[-1]) + 3),
    )


_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_LEGIBLE = re.compile(r"[\u3400-\u9fff0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


def _joined(lines: list[tuple[float, float, str]]) -> str:
    """A cell's lines as one text, top to bottom: a wrapped line of Chinese runs on with no space."""
    out = ""
    for _, _, text in sorted(lines):
        if out and not (_CJK.match(out[-1]) or _CJK.match(text[0])):
            out += " "
        out += text
    return out


def _empty_rows(grid: Grid) -> tuple[tuple[str, ...], ...]:
    rows, columns = grid.shape
    return tuple(("",) * columns for _ in range(rows))


def _wide_rows(grid: Grid) -> frozenset[int]:
    _, columns = grid.shape
    return frozenset(cell.row for cell in grid.cells if cell.span == columns and columns > 1)


# Larger pictures are not decoded (as corpus.ocr.MAX_IMAGE_PIXELS: an A3 page at 600 dpi is inside it).
MAX_PICTURE_PIXELS = 80_000_000
# A picture smaller than this (pixels, either side) holds no table a reader could make out: an icon, a rule.
_MIN_PICTURE_SIDE = 60
_MIN_PICTURE_WIDTH = 200


@dataclass(frozen=True)
class TablePicture:
    """A picture holding a ruled table: its decoded image and the grid found in it."""

    image: Image
    grid: Grid


@dataclass(frozen=True)
class Framing:
    """How a document shows a picture: the share of the stored picture's width or height cut off at each
    side (left, top, right, bottom: cropped in Word or Writer), and the degrees it is turned clockwise on the
    page. A table is read as shown: what was cut off is not read."""

    crop: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    turn: float = 0.0

    def applied(self, image: Image) -> Image:
        """`image` cropped, then turned, as the document shows it."""
        from PIL import Image as PILImage

        width, height = image.size
        left, top, right, bottom = (min(max(share, 0.0), 1.0) for share in self.crop)
        box = (
            round(left * width),
            round(top * height),
            round((1 - right) * width),
            round((1 - bottom) * height),
        )
        if box != (0, 0, width, height) and box[2] > box[0] and box[3] > box[1]:
            image = image.crop(box)
        turn = self.turn % 360
        quarters = {
            90: PILImage.Transpose.ROTATE_270,  # Pillow's turns are counter-clockwise
            180: PILImage.Transpose.ROTATE_180,
            270: PILImage.Transpose.ROTATE_90,
        }
        if abs(turn - round(turn)) < 1e-3 and round(turn) in quarters:
            return image.transpose(quarters[round(turn)])
        if turn:
            white = (255, 255, 255)
            return _on_white(image).rotate(
                -turn, resample=PILImage.Resampling.BICUBIC, expand=True, fillcolor=white
            )
        return image


def clip_framing(data: bytes, clip_cm: tuple[float, float, float, float], turn: float = 0.0) -> Framing:
    """The framing of a picture clipped in Writer (``fo:clip``: centimetres cut off its top, right, bottom
    and left, measured on the picture at its own resolution, 96 dpi when it states none); a picture that
    does not decode is framed as stored (it is passed over later)."""
    import io

    from PIL import Image as PILImage

    try:
        with PILImage.open(io.BytesIO(data)) as image:
            width, height = image.size
            dpi = image.info.get("dpi") or (96, 96)
    except Exception:  # a picture Pillow cannot open: nothing to frame
        return Framing(turn=turn)
    try:
        across, down = (float(d) if float(d) > 1 else 96.0 for d in dpi[:2])
    except (TypeError, ValueError):
        across, down = 96.0, 96.0
    width_cm, height_cm = width / across * 2.54, height / down * 2.54
    top, right, bottom, left = clip_cm
    return Framing((left / width_cm, top / height_cm, right / width_cm, bottom / height_cm), turn)


def table_picture(data: bytes, framing: Framing = Framing()) -> TablePicture | None:
    """The picture `data` decoded, when it holds a ruled table (`find_grid`); None for one that does not
    (a logo, a seal, a photo, a picture of text), is too small to hold one, or does not decode (an EMF
    drawing, a damaged file): such a picture is passed over, as before. The picture is read as `framing`
    shows it in its document (cropped, turned).

    A large JPEG (a camera's photo) is first decoded at half size or less (`Image.draft`, the decoder's own
    reduction: a rule a pixel thick stays dark enough to be ink), searched there, and decoded at full size
    only when a grid is found in it — a photo of a building costs a fraction of its full decoding."""
    from PIL import Image as PILImage

    opened = _opened(data, framing.turn)
    if opened is None:
        return None
    image, scale = opened
    image = framing.applied(image)
    search_factor = -(-max(image.size) // _SEARCH_SIDE)
    small = find_grid(_blocks(image, search_factor)) if search_factor > 1 else find_grid(image)
    if small is None:
        return None
    if scale > 1:
        reopened = _opened(data, framing.turn, reduce=False)
        if reopened is None:
            return None
        image = framing.applied(reopened[0])
    factor = scale * search_factor
    if factor == 1:
        return TablePicture(image, small)
    full = _on_white(image).convert("L")
    if small.angle:
        full = full.rotate(-small.angle, resample=PILImage.Resampling.BICUBIC, fillcolor=255)
    return TablePicture(image, _placed_grid(small, _ink(full), factor))


# A JPEG is decoded for the search at most this many times smaller on a side: at half size a rule a pixel
# thick is still darker than _INK; at a quarter it fades to paper.
_MAX_DRAFT = 2


def _opened(data: bytes, turn: float, *, reduce: bool = True) -> tuple[Image, int] | None:
    """The picture decoded — a large JPEG, with `reduce`, at a reduced size — and how many times smaller
    than stored it was decoded; None when it is too small to hold a table (shown turned by `turn` degrees)
    or does not decode."""
    import io
    import warnings

    from PIL import Image as PILImage
    from PIL import UnidentifiedImageError

    PILImage.MAX_IMAGE_PIXELS = MAX_PICTURE_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            image = PILImage.open(io.BytesIO(data))
            width, height = image.size
            across = height if 45 <= turn % 180 < 135 else width  # as wide as it is shown
            if min(width, height) < _MIN_PICTURE_SIDE or across < _MIN_PICTURE_WIDTH:
                return None
            scale = 1
            if reduce and image.format == "JPEG" and max(width, height) > _SEARCH_SIDE:
                scale = min(_MAX_DRAFT, max(width, height) // _SEARCH_SIDE)
                if scale > 1:
                    image.draft(image.mode, (-(-width // scale), -(-height // scale)))
                    scale = round(width / image.size[0])
            image.load()
    except (
        UnidentifiedImageError,
        OSError,
        ValueError,
        SyntaxError,
        EOFError,
        PILImage.DecompressionBombError,
    ):
        return None
    return image, scale


# A picture is searched for its grid at most this long on either side: a 12-megapixel photo is looked at
# as a ~1,400 px one (the grid found there, its rules placed again in the full picture, the cells cut
# from the full picture).
_SEARCH_SIDE = 1400


def find_grid_scaled(image: Image) -> Grid | None:
    """`find_grid` of a large picture made small first: each block of pixels as dark as its darkest (a
    rule a pixel thick stays a rule), the grid's rules then placed in the full picture within a block."""
    from PIL import Image as PILImage

    factor = -(-max(image.size) // _SEARCH_SIDE)
    if factor <= 1:
        return find_grid(image)
    small = find_grid(_blocks(image, factor))
    if small is None:
        return None
    full = _on_white(image).convert("L")
    if small.angle:
        full = full.rotate(-small.angle, resample=PILImage.Resampling.BICUBIC, fillcolor=255)
    return _placed_grid(small, _ink(full), factor)


def _blocks(image: Image, factor: int) -> Image:
    """`image` in grey, `factor` times smaller on a side, each block of pixels as dark as its darkest."""
    import numpy as np
    from PIL import Image as PILImage

    grey = np.asarray(_on_white(image).convert("L"))
    height, width = (grey.shape[0] // factor) * factor, (grey.shape[1] // factor) * factor
    rows = grey[:height, :width].reshape(height // factor, factor, width).min(axis=1)
    return PILImage.fromarray(rows.reshape(height // factor, width // factor, factor).min(axis=2))


def _placed_grid(small: Grid, ink: np.ndarray, factor: int) -> Grid:
    """The grid found in a picture `factor` times smaller, its rules placed in the full picture's `ink`."""
    rows = tuple(_placed(ink, y, factor) for y in small.rows)
    columns = tuple(_placed(ink.T, x, factor) for x in small.columns)
    cells = tuple(
        GridCell(
            cell.row,
            cell.column,
            cell.span,
            (
                columns[cell.column],
                rows[cell.row],
                columns[cell.column + cell.span],
                rows[cell.row + cell.down],
            ),
            cell.down,
        )
        for cell in small.cells
    )
    return Grid(rows, columns, cells, small.angle, small.plain, small.labelled)


def _placed(ink: np.ndarray, at: int, factor: int) -> int:
    """The row of `ink` (pass the transpose for a column) holding the most ink within the block `at` of
    the small picture stands for: the rule found there placed in the full picture."""
    import numpy as np

    start = max(0, at * factor - 1)
    end = min(ink.shape[0], (at + 1) * factor + 1)
    return start + int(np.argmax(ink[start:end].sum(axis=1)))


class PictureTables:
    """The table pictures of one document (a .docx's, an .odt's) read in turn: the OCR engine asked for
    (`engine()`) at the first picture holding a ruled table, the pictures left unread for want of one
    counted (`unread`), and what each is read into placed after the paragraph holding it — a second
    picture in the same paragraph after the first's, as they stand."""

    def __init__(self, name: str, engine: Callable[[], CellReader | None]) -> None:
        self.name, self.unread = name, 0
        self._engine, self._reader, self._asked = engine, None, False
        self._last: dict[Any, Any] = {}

    def read(self, data: bytes, framing: Framing = Framing()) -> GridTable | None:
        """The table the picture `data` shows (as `framing` shows it: cropped, turned), read cell by cell;
        None for a picture holding no ruled table, one whose cells read to nothing legible (a chart, a
        table lying on its side: `GridTable.legible`), or one left unread (no engine; an engine failing on
        it)."""
        picture = table_picture(data, framing)
        if picture is None:
            return None
        if not self._asked:
            self._reader, self._asked = self._engine(), True
        reader: CellReader | None = self._reader
        if reader is None:
            self.unread += 1
            return None
        try:
            table = read_grid(picture.image, picture.grid, reader)
        except Exception as e:  # an engine failing on one picture must not lose the document
            log.warning("OCR (%s) failed on a table picture in %s: %r", reader.name, self.name, e)
            return None
        return table if table.legible else None

    def place(self, paragraph: Any, made: list[Any]) -> None:
        """`made` (XML elements) after `paragraph`, or after what an earlier picture of it was read into."""
        after = self._last.get(paragraph, paragraph)
        for element in made:
            element.tail = after.tail
            after.addnext(element)
            after = element
        self._last[paragraph] = after
