"""Two pages on one sheet: a booklet or a bound volume photocopied open, read as the two pages it shows.

A copier's scan of an open A5 booklet holds the left-hand page and the right-hand page side by side on one
landscape sheet. OCR finds lines across the whole sheet, so a line of the left page and the line of the
right page at the same height became one line (「…成立大会上的员免交会费。…」), the left page's last line ran
on into the right page's, and the two page numbers were read as one line of text (「第1页第2页」), kept in the
body. A sheet is taken for a spread only when it is wider than high, a strip at least two characters wide
somewhere in its middle third is crossed by no piece of any line from top to bottom, and the text on both
sides of it is set text (``corpus.columns``: each side starting at the top, at least eight characters wide,
and its lines mostly filled to its right edge, as wrapped lines are). Then it is read as two pages, the
left one first, each with its own head, foot and page number.
"""

from __future__ import annotations

from dataclasses import replace
from statistics import median

from .columns import set_text
from .layout import Line, Page, tidy_line

# The narrowest strip between the two pages, in character heights (the inner margins of two facing pages
# are several characters wide; a word gap or a tab on one line is not crossed on every line).
_MIN_FOLD = 2.0
# The strip lies in the middle third of the sheet.
_MIDDLE = (1 / 3, 2 / 3)
_MIN_LINES = 3  # on each side


def read_sheet(page: Page) -> list[Page]:
    """A page read by OCR (or from a scan's text layer) as the pages it shows: the two pages of a spread,
    else the page itself, its lines without the pieces they were found in (read as one line each)."""
    halves = split_spread(page)
    if len(halves) == 2:
        return halves
    return [replace(page, lines=tuple(replace(line, parts=()) for line in page.lines))]


def split_spread(page: Page) -> list[Page]:
    """The page as the two pages of a spread (left, right: each on its own, the right one moved to start
    at 0), or ``[page]`` when it is not one."""
    if page.width <= page.height or not page.lines:
        return [page]
    pieces = [piece for line in page.lines for piece in (line.parts or (line,))]
    size = median(piece.bottom - piece.top for piece in pieces)
    fold = _fold(pieces, page.width, size)
    if fold is None:
        return [page]
    left_bound, right_bound = min(p.x0 for p in pieces), max(p.x1 for p in pieces)
    bounds = [(left_bound, fold[0]), (fold[1], right_bound)]
    left = [p for p in pieces if p.x1 <= fold[0]]
    right = [p for p in pieces if p.x0 >= fold[1]]
    if min(len(left), len(right)) < _MIN_LINES or not set_text(pieces, bounds, size):
        return [page]
    cut = (fold[0] + fold[1]) / 2
    halves: tuple[list[Line], list[Line]] = ([], [])
    for line in page.lines:
        for side, group in enumerate(
            [
                [p for p in (line.parts or (line,)) if p.x1 <= fold[0]],
                [p for p in (line.parts or (line,)) if p.x0 >= fold[1]],
            ]
        ):
            if group:
                halves[side].append(_joined(group, -cut if side else 0.0))
    return [
        Page(lines=tuple(halves[0]), width=cut, height=page.height),
        Page(lines=tuple(halves[1]), width=page.width - cut, height=page.height),
    ]


def _fold(pieces: list[Line], width: float, size: float) -> tuple[float, float] | None:
    """The widest strip in the sheet's middle third no piece crosses, if it is wide enough."""
    low, high = width * _MIDDLE[0], width * _MIDDLE[1]
    free = [(low, high)]
    for piece in pieces:
        narrowed = []
        for a, b in free:
            if piece.x1 <= a or piece.x0 >= b:
                narrowed.append((a, b))
                continue
            if piece.x0 > a:
                narrowed.append((a, piece.x0))
            if piece.x1 < b:
                narrowed.append((piece.x1, b))
        free = narrowed
    if not free:
        return None
    a, b = max(free, key=lambda strip: strip[1] - strip[0])
    if b - a < _MIN_FOLD * size:
        return None
    # the strip reaches from the last piece on its left to the first on its right
    return (
        max((p.x1 for p in pieces if p.x1 <= a), default=a),
        min((p.x0 for p in pieces if p.x0 >= b), default=b),
    )


def _joined(group: list[Line], dx: float) -> Line:
    group = sorted(group, key=lambda p: p.x0)
    first = group[0]
    return replace(
        first,
        text=tidy_line(" ".join(p.text for p in group)),
        x0=group[0].x0 + dx,
        x1=max(p.x1 for p in group) + dx,
        top=min(p.top for p in group),
        bottom=max(p.bottom for p in group),
        parts=tuple(replace(p, x0=p.x0 + dx, x1=p.x1 + dx) for p in group) if len(group) > 1 else (),
    )
