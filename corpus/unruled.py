"""Tables printed without vertical rules: cells in aligned columns, rows apart (a 三线表, Word's table with
only its horizontal borders, or none, a landscape 附表).

pdfplumber finds a table only where rules box its cells, so such a table came in as lines of text and was
joined into one run-on paragraph (「…备注东城区96% 412 58按期完成西城区…」, the next page's paragraph run into
it). Here a run of three or more consecutive lines outside columns (set text in columns `corpus.columns`
has read), the first split by wide gaps into three or more pieces (see `corpus.pdf`), each of the others
into two or more, is a table when every piece stands under one of the first line's pieces (starting where
it starts, or right of it and left of the next, and not running into the next). Each row is then read as a
Word or ruled table row is, one line: its cells labelled by the first line's when that is a header (short
cells, none a sentence, a number or a person's name), else joined with 「；」 (a 名单 set in a grid of
names: before, 「张三李四王五」 ran together).
"""

from __future__ import annotations

import re
from dataclasses import replace
from statistics import median

from .layout import Line, Page
from .tables import is_header, labelled_rows

_MIN_COLUMNS = 3
_MIN_ROWS = 3  # the first line's included
# A piece belongs to a column when it starts at most this many type sizes left of the column's start.
_SLACK = 1.0


def read_unruled_tables(page: Page) -> Page:
    """The page with each unruled table as one labelled line per row (marked `table`); other lines as they
    were."""
    lines = list(page.lines)
    if not any(len(line.parts) >= _MIN_COLUMNS for line in lines):
        return page
    size = median(line.height for line in lines)
    out: list[Line] = []
    i = 0
    changed = False
    while i < len(lines):
        found = _table_at(lines, i, size)
        if found is None:
            out.append(lines[i])
            i += 1
            continue
        end, rows = found
        run = lines[i:end]
        if _labels(rows[0]):
            run, texts = run[1:], labelled_rows(rows[1:], rows[0])
        else:
            texts = labelled_rows(rows, [])
        for line, text in zip(run, texts, strict=True):
            out.append(replace(line, text=text, table=True, parts=()))
        i, changed = end, True
    return replace(page, lines=tuple(out)) if changed else page


def _table_at(lines: list[Line], start: int, size: float) -> tuple[int, list[list[str]]] | None:
    header = lines[start]
    if header.table or header.column or len(header.parts) < _MIN_COLUMNS:
        return None
    cells = [part.text.strip() for part in header.parts]
    starts = [part.x0 for part in header.parts]
    rows = [cells]
    end = start + 1
    while end < len(lines):
        row = _row(lines[end], starts, size)
        if row is None:
            break
        rows.append(row)
        end += 1
    if len(rows) < _MIN_ROWS:
        return None
    return end, rows


def _labels(cells: list[str]) -> bool:
    """Whether a table's first row labels its columns: a header, and not a row like the others (names,
    figures)."""
    from .parse import is_person_name  # (corpus.parse imports corpus.layout, which this module needs)

    return is_header(cells) and not any(
        is_person_name(cell) or re.fullmatch(r"[\d.,%％\s]+", cell) for cell in cells
    )


def _row(line: Line, starts: list[float], size: float) -> list[str] | None:
    """The line's pieces placed under the header's columns, or None when it is no row of that table."""
    if line.table or line.column or len(line.parts) < 2:
        return None
    row = [""] * len(starts)
    for part in line.parts:
        column = _column(part, starts, size)
        if column is None or row[column]:
            return None
        row[column] = part.text.strip()
    return row


def _column(part: Line, starts: list[float], size: float) -> int | None:
    column = None
    for k, x in enumerate(starts):
        if part.x0 >= x - _SLACK * size:
            column = k
    if column is None:
        return None
    if column + 1 < len(starts) and part.x1 > starts[column + 1] - 0.5 * size:
        return None  # runs into the next column: not a cell of this one
    return column
