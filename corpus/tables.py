"""Table rows as text a question can find: each cell labelled by its column's header cell."""

from __future__ import annotations

import re

# A header cell labels the cells under it only when it reads like a label.
_MAX_HEADER_CELL = 20
_SENTENCE_MARK = re.compile(r"[。！？!?；;]")


def labelled_rows(rows: list[list[str]]) -> list[str]:
    """One line per data row: 「项目：健康体检；标准：每年一次；经费来源：同级财政」.

    The first row is a header when it has two or more cells, all short and none a sentence; otherwise
    (or for a one-row table) the cells of each row are joined with 「；」 unlabelled. Empty cells and
    empty rows are skipped; a cell equal to its label is not repeated.
    """
    rows = [[cell.strip() for cell in row] for row in rows]
    rows = [row for row in rows if any(row)]
    if not rows:
        return []
    labels: list[str] = []
    if len(rows) > 1 and is_header(rows[0]):
        labels, rows = rows[0], rows[1:]
    out = []
    for row in rows:
        parts = []
        for column, text in enumerate(row):
            if not text:
                continue
            label = labels[column] if column < len(labels) else ""
            parts.append(f"{label}：{text}" if label and label != text else text)
        if parts:
            out.append("；".join(parts))
    return out


def is_header(row: list[str]) -> bool:
    return (
        len(row) >= 2
        and all(row)
        and all(len(text) <= _MAX_HEADER_CELL and not _SENTENCE_MARK.search(text) for text in row)
    )
