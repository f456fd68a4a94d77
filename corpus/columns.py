"""Pages set in columns: find the gutters from the geometry of the lines and read each column top to bottom.

A gutter is a vertical strip, at least a character wide, that no line of a run of consecutive lines crosses
(a line read across a gutter is split there first: its pieces are the text between wide gaps), with text on
both sides. Such a run is read column by column, left column first; a line that crosses every candidate
strip (a title over the columns, a full-width paragraph under them) ends the run and keeps its place, so a
page only partly in columns is read in order too. Two, three or more columns, of any width, on any page
size: nothing here depends on the page, only on where the lines are.

A run is taken for columns only when its columns look like set text: each starting at the run's top and at least _MIN_COLUMN characters
wide, and in the column with most lines at least three lines, and two in five of its lines, fill it to its
right edge (where most of its lines end), as wrapped lines do. A table's ragged cells, a centred heading, a signature on the right and
short list items do not, and are left in the order they were given (top to bottom).
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from statistics import median

from .layout import Line, Page, paragraph_blocks, remove_running_lines, separator, split_footnotes
from .records import Block

# The narrowest gutter, in font sizes (Word's and WPS's default is two characters; tight layouts use one).
MIN_GUTTER = 1.0
# The narrowest column, in font sizes.
_MIN_COLUMN = 8.0
# A line fills its column when it ends this close to the column's right edge (in font sizes).
_FULL = 1.0
# In the column with most lines, this share of them (and at least _MIN_FULL) must fill it.
_FULL_SHARE = 0.4
_MIN_FULL = 3
# Every column's first line starts within this many font sizes of the run's first line (a paragraph's
# short last line over the columns, and the space under it, may open the run in the first column only).
_COLUMN_START = 3.0
# A blank strip across the page taller than this many font sizes parts bands that are read apart (see _bands):
# a 工作简报's issue line stood 3 sizes over its columns and its 版记 2.9 under them, while inside the columns a
# headline's space (1.9) always had the other column's text beside it.
_BAND_GAP = 2.5
# Columns never go on across a blank strip taller than this many font sizes: a picture, a chart or a table
# between two sections set in columns (a 15-line picture between two two-column sections was read as one
# run, A1, A2, B1, B2, B3, A3…). Headings' space in every column at one height (the strips _flows_on lets
# through) is a few lines at most.
_SECTION_GAP = 6.0


def printed_blocks(pages: list[Page]) -> tuple[Block, ...]:
    """The blocks of pages laid out for print (a PDF's, an OFD's): page numbers and running lines dropped,
    footnotes taken out to follow what references them, each page's columns read in order, and lines
    joined into paragraphs (over page breaks too) and table rows."""
    laid = split_footnotes(remove_running_lines(pages))
    return tuple(paragraph_blocks([read_columns(page) for page in laid]))


def read_columns(page: Page) -> Page:
    """The page's lines in reading order: runs of lines set in columns are read column by column, each
    line marked with its column (1 = leftmost) and that column's bounds; other lines keep their order."""
    lines = list(page.lines)
    if len(lines) < 2 * _MIN_FULL:
        return page
    size = median(line.height for line in lines)
    span = (min(line.x0 for line in lines) - 1.0, max(line.x1 for line in lines) + 1.0)
    out: list[Line] = []
    changed = False
    for band in _bands(lines, size, span, page.pictures):
        i = lone = 0  # lone: where the lines kept in their order (in no run of columns) begin
        while i < len(band):
            found = _column_run(band, i, size, span)
            if found is None:
                out.append(band[i])
                i += 1
                continue
            end, bounds = found
            head = _column_head(band[lone:i], band[i:end], bounds, size)
            if head:
                del out[len(out) - head :]
            out.extend(_column_order(band[i - head : end], bounds))
            i = lone = end
            changed = True
    if not changed:
        return page
    return replace(page, lines=tuple(out))


def _column_head(before: list[Line], run: list[Line], bounds: list[tuple[float, float]], size: float) -> int:
    """How many of the lines just above a run of columns (`before`, kept in their order) are the top of one
    of its columns: the last of them, all inside that column, filling it to its right edge and running on
    in the column's first line of the run (less than a line's space under it). A column whose text starts
    higher than the other's (a paragraph in the right column beside a table that starts lower in the left)
    was read from its first lines, then the other column, then the rest of its own: the paragraph cut
    in two by the table and the note under it."""
    count = 0
    column = -1
    for line in reversed(before):
        inside = [k for k, (left, right) in enumerate(bounds) if left - 1 <= line.x0 and line.x1 <= right + 1]
        if not inside or (column >= 0 and inside[0] != column) or line.parts:
            break
        column = inside[0]
        count += 1
    if not count:
        return 0
    last = before[-1]
    left, right = bounds[column]
    below = [
        line for line in run if left - 1 <= line.x0 and line.x1 <= right + 1 and line.top >= last.bottom - 1
    ]
    if not below or last.x1 < right - size:
        return 0
    first = min(below, key=lambda line: line.top)
    return count if first.top - last.bottom < size else 0


def _bands(
    lines: list[Line],
    size: float,
    span: tuple[float, float],
    pictures: tuple[tuple[float, float, float, float], ...] = (),
) -> list[list[Line]]:
    """The page's lines cut into bands at every blank strip across the whole page taller than _BAND_GAP
    lines: text does not flow across such a strip, so a 工作简报's masthead, its issue line and the 版记 under
    its columns are never read as lines of a column (the issue line's two pieces stand over the gutter and
    the 版记's short lines cross none). Where the lines on both sides of a strip are the same columns, each
    holding two lines or more on each side (headings' space in every column at one height, by chance), a
    strip of _SECTION_GAP lines or less cuts nothing — unless a picture in it stands across a gutter those
    columns share (a logo or a small picture between two sections set in columns: the text of no column
    flows through it); a taller one (a picture between two sections) cuts. Lines are cut where they are given, top to
    bottom."""
    bands: list[list[Line]] = [[]]
    foot = -math.inf
    for at, line in enumerate(lines):
        if (
            bands[-1]
            and line.top - foot > _BAND_GAP * size
            and (
                line.top - foot > _SECTION_GAP * size
                or not _flows_on(bands[-1], lines[at:], size, span, _within(pictures, foot, line.top))
            )
        ):
            bands.append([])
        bands[-1].append(line)
        foot = max(foot, line.bottom)
    return bands


def _within(
    pictures: tuple[tuple[float, float, float, float], ...], top: float, bottom: float
) -> list[tuple[float, float, float, float]]:
    """The pictures standing in the strip from `top` to `bottom` (most of their height inside it)."""
    return [
        box
        for box in pictures
        if box[3] > box[1] and min(box[3], bottom) - max(box[1], top) >= 0.5 * (box[3] - box[1])
    ]


def _flows_on(
    band: list[Line],
    under: list[Line],
    size: float,
    span: tuple[float, float],
    pictures: Sequence[tuple[float, float, float, float]] = (),
) -> bool:
    """Whether the columns at the foot of `band` go on in the lines `under` it (from the first under a tall
    blank strip), none of the pictures in the strip (`pictures`) standing across a gutter they share."""
    above = _free_run(band[::-1], size, span)[::-1]
    below = _free_run(under, size, span)
    if not above or not below:
        return False
    together = above + below
    pieces = [piece for ln in together for piece in _pieces(ln)]
    lo, hi = min(p.x0 for p in pieces), max(p.x1 for p in pieces)
    gutters = [(a, b) for a, b in _free(together, span) if a > lo and b < hi and b - a >= MIN_GUTTER * size]
    if any(x0 < b and x1 > a for x0, _, x1, _ in pictures for a, b in gutters) and _sections_end(
        above, gutters, size
    ):
        return False  # a picture across a gutter where every column's text ends: two sections
    return any(
        all(
            sum(p.x1 <= a for ln in side for p in _pieces(ln)) >= 2
            and sum(p.x0 >= b for ln in side for p in _pieces(ln)) >= 2
            for side in (above, below)
        )
        for a, b in gutters
    )


def _sections_end(above: list[Line], gutters: list[tuple[float, float]], size: float) -> bool:
    """Whether the columns of the lines `above` a picture end there, as a section set in columns ends: the
    last line of every column ends a paragraph (it stops more than a character short of its column's right
    edge), or the text ran out in the last column — it stops a line or more above the first, and no column
    reaches lower than the one before it (the text fills them from the left). Columns standing level, one of
    whose last lines is full, go on under the picture (a small picture set across the gutter of a text
    flowing through the page)."""
    columns: dict[int, list[Line]] = {}
    for piece in (piece for ln in above for piece in _pieces(ln)):
        columns.setdefault(sum(b <= piece.x0 for _, b in gutters), []).append(piece)
    lasts = [max(pieces, key=lambda piece: piece.top) for _, pieces in sorted(columns.items())]
    if len(lasts) < 2:
        return False
    edges = [max(piece.x1 for piece in pieces) for _, pieces in sorted(columns.items())]
    if all(edge - last.x1 > size for edge, last in zip(edges, lasts, strict=True)):
        return True
    return lasts[-1].top < lasts[0].top - size and all(
        b.top <= a.top + size for a, b in itertools.pairwise(lasts)
    )


def _free_run(lines: list[Line], size: float, span: tuple[float, float]) -> list[Line]:
    """The lines from the first on, as long as together they leave a strip a gutter wide free."""
    free = [span]
    for end, line in enumerate(lines):
        narrowed = free
        for piece in _pieces(line):
            narrowed = _subtract(narrowed, piece.x0, piece.x1)
        if not any(b - a >= MIN_GUTTER * size for a, b in narrowed):
            return lines[:end]
        free = narrowed
    return lines


def _pieces(line: Line) -> tuple[Line, ...]:
    return line.parts or (line,)


def _column_run(
    lines: list[Line], start: int, size: float, span: tuple[float, float]
) -> tuple[int, list[tuple[float, float]]] | None:
    """The run of lines from `start` set in columns, and its columns' bounds; else None.

    A line over the columns whose pieces stand apart by wide spaces (a newsletter's issue line, 「2027年第6期
    …编　　2027年6月18日」) leaves a strip free and so opens a run, and a short line under them (an
    editor's line set right) stays in it, each closing a gutter the columns have: the page read as two
    columns where it has three, lines of both read across. So the run is taken without such a line: a run
    from the next line with more columns, one of whose gutters this line crosses, means this line is not in
    the columns (it keeps its place); likewise one or two lines at a run's foot (`_best_run`)."""
    found = _best_run(lines, start, size, span)
    if found is None:
        return None
    ahead = _best_run(lines, start + 1, size, span)
    if ahead is not None and len(ahead[1]) > len(found[1]) and _crosses(lines[start], ahead[1]):
        return None
    if (
        ahead is not None
        and len(ahead[1]) >= len(found[1])
        and _over(lines[start], lines[start + 1 : ahead[0]], ahead[1], size)
    ):
        return None
    return found


def _over(line: Line, run: list[Line], bounds: list[tuple[float, float]], size: float) -> bool:
    """Whether a line stands over the run of columns under it rather than in one of them: inside one column
    yet centred over them all (within a character of their middle), with more than half a line's space
    between it and every line of the run — a short issue line centred over three columns, 「第12期　2027年3月」,
    sat within the middle one and was read as that column's first line, after the whole first column. (A
    heading at the top of a column stands over that column, not over the middle of them all.)"""
    centred = abs((line.x0 + line.x1) / 2 - (bounds[0][0] + bounds[-1][1]) / 2) <= size
    return (
        centred
        and any(left <= line.x0 and line.x1 <= right for left, right in bounds)
        and all(other.top - line.bottom > 0.5 * size for other in run)
    )


def _best_run(
    lines: list[Line], start: int, size: float, span: tuple[float, float]
) -> tuple[int, list[tuple[float, float]]] | None:
    """The longest run of lines from `start` that leaves a strip free, and its columns' bounds, if the run is
    set in columns — without one or two lines at its foot when the lines above them have more columns,
    one of whose gutters those lines cross; else None."""
    gutter = MIN_GUTTER * size
    free = [span]
    end = start
    while end < len(lines):
        narrowed = free
        for piece in _pieces(lines[end]):
            narrowed = _subtract(narrowed, piece.x0, piece.x1)
        if not any(b - a >= gutter for a, b in narrowed):
            break
        free, end = narrowed, end + 1
    found = _bounds(lines[start:end], free, size)
    best = (end, found) if found is not None else None
    for cut in (1, 2):
        inner_end = end - cut
        if inner_end - start < 2 * _MIN_FULL:
            break
        inner = _bounds(lines[start:inner_end], _free(lines[start:inner_end], span), size)
        if (
            inner is not None
            and (best is None or len(inner) > len(best[1]))
            and all(_crosses(line, inner) for line in lines[inner_end:end])
        ):
            best = (inner_end, inner)
    return best


def _free(lines: list[Line], span: tuple[float, float]) -> list[tuple[float, float]]:
    free = [span]
    for line in lines:
        for piece in _pieces(line):
            free = _subtract(free, piece.x0, piece.x1)
    return free


def _bounds(
    run: list[Line], free: list[tuple[float, float]], size: float
) -> list[tuple[float, float]] | None:
    """The columns' bounds of a run of lines that leaves the strips `free`, if it is set in columns."""
    if len(run) < 2 * _MIN_FULL:
        return None
    gutter = MIN_GUTTER * size
    pieces = [piece for line in run for piece in _pieces(line)]
    lo, hi = min(p.x0 for p in pieces), max(p.x1 for p in pieces)
    gutters = sorted((a, b) for a, b in free if a > lo and b < hi and b - a >= gutter)
    if not gutters:
        return None
    edges = [lo, *(x for a, b in gutters for x in (a, b)), hi]
    bounds = [(edges[k], edges[k + 1]) for k in range(0, len(edges), 2)]
    # a strip free only because the lines beside it are short (the last lines of paragraphs) bounds a
    # "column" no line sits in: leave it out rather than read the page across its real columns
    used = {_column_of(p, bounds) for p in pieces}
    bounds = [b for k, b in enumerate(bounds) if k in used]
    if len(bounds) < 2 or not set_text(pieces, bounds, size):
        return None
    return bounds


def _crosses(line: Line, bounds: list[tuple[float, float]]) -> bool:
    """Whether a piece of the line stands across a gutter between the columns `bounds`."""
    gutters = [(bounds[k][1], bounds[k + 1][0]) for k in range(len(bounds) - 1)]
    return any(piece.x0 < b and piece.x1 > a for piece in _pieces(line) for a, b in gutters)


def _subtract(free: list[tuple[float, float]], x0: float, x1: float) -> list[tuple[float, float]]:
    out = []
    for a, b in free:
        if x1 <= a or x0 >= b:
            out.append((a, b))
            continue
        if x0 > a:
            out.append((a, x0))
        if x1 < b:
            out.append((x1, b))
    return out


def set_text(pieces: list[Line], bounds: list[tuple[float, float]], size: float) -> bool:
    """Columns of set text: wide enough, and the fullest column mostly filled to its right edge."""
    members = [[p for p in pieces if _column_of(p, bounds) == k] for k in range(len(bounds))]
    if any(not column for column in members):
        return False
    top = min(p.top for p in pieces)
    # Text flows into every column from its top: a "column" whose first line stands well below the run's
    # first line is not one (a signature set on the right under an 附件 list whose items end together).
    if any(min(p.top for p in column) > top + _COLUMN_START * size for column in members):
        return False
    for (left, right), column in zip(bounds, members, strict=True):
        # a column narrower than set text, unless it is the last lines of the text flowing over into the
        # next column (「下。」 alone at the top of the second column of the last page)
        if right - left < _MIN_COLUMN * size and not _overflow(column, top, size):
            return False
    # Its lines in the column's body type: a heading in a larger type at a column's top (「报名须知」 over a
    # flyer's box) never fills the column, and counted among the lines it kept a narrow column of ragged
    # lines (LibreOffice Draw's text boxes) from passing — the heads of two boxes side by side read as one
    # line over both (cold28's flyer, 「开设专业 报名须知」)
    biggest = _in_body_type(max(members, key=len))
    # Its right edge: where most lines end (one line overhanging with a punctuation mark does not move it);
    # when no two lines end at one place, its longest line's end (else a short line would set the edge, and
    # ragged lines beside a signature set on the right would pass for a column filled to its edge).
    edge, ending_there = Counter(round(p.x1) for p in biggest).most_common(1)[0]
    right = edge if ending_there > 1 else max(p.x1 for p in biggest)
    full = sum(1 for p in biggest if p.x1 >= right - _FULL * size)
    return full >= max(_MIN_FULL, math.ceil(_FULL_SHARE * len(biggest)))


def _in_body_type(column: list[Line]) -> list[Line]:
    """The column's lines set in its commonest type size (within a tenth of it)."""
    body, _ = Counter(round(p.height * 2) / 2 for p in column).most_common(1)[0]
    return [p for p in column if abs(p.height - body) <= 0.1 * body]


def _overflow(column: list[Line], top: float, size: float) -> bool:
    """One or two lines at the very top of the run: text flowing over from the column before."""
    return len(column) <= 2 and all(p.top <= top + 2.5 * size for p in column)


def _column_of(piece: Line, bounds: list[tuple[float, float]]) -> int:
    middle = (piece.x0 + piece.x1) / 2
    for k, (_, right) in enumerate(bounds):
        if middle <= right:
            return k
    return len(bounds) - 1


def _column_order(lines: list[Line], bounds: list[tuple[float, float]]) -> list[Line]:
    """The run's lines read column by column; a line's pieces in one column become one line again."""
    columns: list[list[Line]] = [[] for _ in bounds]
    for line in lines:
        by_column: dict[int, list[Line]] = {}
        for piece in _pieces(line):
            by_column.setdefault(_column_of(piece, bounds), []).append(piece)
        for k, pieces in by_column.items():
            columns[k].append(replace(_merge(pieces), column=k + 1, span=bounds[k], parts=()))
    return [line for column in columns for line in column]


def _merge(pieces: list[Line]) -> Line:
    if len(pieces) == 1:
        return pieces[0]
    text = pieces[0].text
    for before, after in itertools.pairwise(pieces):
        text += separator(before.text, after.text, after.x0 - before.x1, before.height) + after.text
    return replace(
        pieces[0],
        text=text,
        x1=pieces[-1].x1,
        top=min(p.top for p in pieces),
        bottom=max(p.bottom for p in pieces),
    )
