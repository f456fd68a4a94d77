"""Table rows as text a question can find: each cell labelled by its column's header cell."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .records import Block

# A header cell labels the cells under it only when it reads like a label.
_MAX_HEADER_CELL = 20
_SENTENCE_MARK = re.compile(r"[。！？!?；;]")


def labelled_rows(rows: Sequence[Sequence[str] | str], header: Sequence[str] | None = None) -> list[str]:
    """One line per data row: 「项目：健康体检；标准：每年一次；经费来源：同级财政」.

    `header`: the rows continue a table whose header is known (a PDF table carried over to the next
    page; an empty one when that table had none): its cells label them and no row of theirs is taken
    for a header.

    A row given as one string is a note or caption spanning the whole table (「备注：以上工作纳入年度
    考核。」): it is read as it stands, in its place, and is never the header. Of the other rows, the
    first is a header when it has two or more cells, all short and none a sentence; otherwise (or when
    it is the only one) the cells of each row are joined with 「；」 unlabelled. Empty cells and empty
    rows are skipped; a cell equal to its label is not repeated. The header of a blank form to fill in
    (「单位｜走访人数｜慰问金额｜走访领导」 over empty rows and 「合计」: half or more of its columns label no
    cell) is also read as a row of its own, cells joined with 「；」, before the rows it labels: its words
    were lost otherwise. One empty column (a 「备注」 left blank, or a cell merged across it) is not a form.
    """
    kept: list[list[str] | str] = []
    for row in rows:
        if isinstance(row, str):
            if row.strip():
                kept.append(row.strip())
        elif any(cell.strip() for cell in row):
            kept.append([cell.strip() for cell in row])
    grids = [row for row in kept if not isinstance(row, str)]
    labels: list[str] = list(header or ())
    header_rows: list[list[str]] = []
    if header is None and (found := table_header(grids)) is not None:
        labels, count = found
        header_rows = grids[:count]
    out = []
    for row in kept:
        if isinstance(row, str):
            out.append(row)
            continue
        if any(row is header_row for header_row in header_rows):
            if row is header_rows[-1] and _blank_form(labels, [labels, *grids[len(header_rows) :]]):
                out.append("；".join(labels))  # the columns to fill in: said once, or they were lost
            continue
        parts = []
        for column, text in enumerate(row):
            if not text:
                continue
            label = labels[column] if column < len(labels) else ""
            parts.append(f"{label}：{text}" if label and label != text else text)
        if parts:
            out.append("；".join(parts))
    return out


def _blank_form(labels: Sequence[str], grids: Sequence[Sequence[str]]) -> bool:
    """Whether half or more of a header's cells label no cell of the rows under it (grids[0] is it)."""
    unused = sum(
        1 for column in range(len(labels)) if not any(column < len(r) and r[column] for r in grids[1:])
    )
    return unused * 2 >= len(labels)


def table_header(grids: Sequence[Sequence[str]]) -> tuple[list[str], int] | None:
    """A table's column labels and how many rows they take, or None when its first row is no header.

    One row: two or more cells, all short and none a sentence (see `is_header`). Two rows: a header whose
    first row groups columns under one cell merged across them (「单位类别｜慰问标准（over two）｜经费来源」)
    and whose second row names each column of a group (「离休干部｜退休干部」) — the first row shows its
    merged cell's text in its first column and nothing in the others, the second repeats (or leaves empty)
    the cells merged down from the first, of which there is at least one. A grouped column is labelled by both: 「慰问标准（离休干部）」.
    Before, the first row's empty column made it no header, and every row of such a table was read
    unlabelled (「市直单位；2000元；800元；单位经费」), its second header row among them.
    """
    if len(grids) < 2:
        return None
    if is_header(grids[0]):
        return list(grids[0]), 1
    if len(grids) < 3:
        return None
    top, sub = grids[0], grids[1]
    width = len(top)
    if len(sub) != width or width < 3 or not top[0] or not all(map(_label_like, (t for t in top if t))):
        return None
    labels: list[str] = []
    grouped = merged_down = False
    group = ""  # the text of the merged cell whose columns this one is in
    for column in range(width):
        above, below = top[column], sub[column]
        spanned = column + 1 < width and not top[column + 1]
        if above and not spanned:
            group = ""
            if (
                below and below != above
            ):  # a cell not merged down over the second row: no header of this shape
                return None
            labels.append(above)
            merged_down = True
            continue
        group = above or group
        if not below or not _label_like(below):
            return None
        grouped = True
        labels.append(f"{group}（{below}）" if below != group else below)
    # a column merged down the two rows too (「单位类别」): a first row of data with an empty cell has none
    return (labels, 2) if grouped and merged_down else None


def _label_like(text: str) -> bool:
    return len(text) <= _MAX_HEADER_CELL and not _SENTENCE_MARK.search(text)


def is_header(row: Sequence[str]) -> bool:
    return (
        len(row) >= 2
        and all(row)
        and all(len(text) <= _MAX_HEADER_CELL and not _SENTENCE_MARK.search(text) for text in row)
    )


def table_blocks(rows: Sequence[Sequence[str] | str]) -> list[Block]:
    """A table's rows as blocks: labelled rows (kind "table_row"), or, for a table of a single row, one
    line of text (kind "line": a paragraph that does not run into the next), its cells apart by a space.

    One row has no header to label it and no rows for it to label: it is text set in cells for its
    place on the page — a 文号 beside its 签发人, a name beside a date — and is read as the line it
    prints, as a PDF's one-row table is. Read as a table row, a 文号 set so was no longer the document's
    number and the title under it was lost (the notice was titled by its file name). Likewise a table of
    two or more columns none of whose rows has two cells filled (a signature block and its date set right
    of an empty cell for the seal): each filled cell is a line, so the notice keeps its date.
    """
    kept = [row for row in rows if (row.strip() if isinstance(row, str) else any(c.strip() for c in row))]
    if len(kept) == 1 and not isinstance(kept[0], str):
        return [Block(text=" ".join(cell.strip() for cell in kept[0] if cell.strip()), kind="line")]
    grids = [row for row in kept if not isinstance(row, str)]
    if any(len(row) >= 2 for row in grids) and all(sum(1 for c in row if c.strip()) == 1 for row in grids):
        # cells of two or more columns, never two filled in a row: lines placed on the page (a signature
        # and its date right of an empty cell for the seal), not cells to label one another
        return [
            Block(
                text=row.strip() if isinstance(row, str) else next(c.strip() for c in row if c.strip()),
                kind="line",
            )
            for row in kept
        ]
    return [Block(text=text, kind="table_row") for text in labelled_rows(rows)]
