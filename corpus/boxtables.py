"""Tables drawn with box-drawing characters in a plain text.

A records system's text export, a table pasted as plain text from some editors and old DOS-era files
print a table with the box-drawing characters GBK, Big5 and Unicode hold (「┌──┬──┐」 over 「│ 片区 │ 服务日期
│」 rows, 「├──┼──┤」 between them, 「└──┴──┘」 under the last). Read as text, its rules and bars ran into one
passage with every cell (「┌────┬…│ 片区 │ 服务日期 │├────┼…」): here each such table becomes its rows of
cells, which `corpus.tables.table_blocks` labels by the header row as a Word table's are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BOX_FIRST, BOX_LAST = "\u2500", "\u257f"
# the upright bars that part cells: light, heavy, double (and their dashed forms)
_BARS = "│┃║┆┇┊┋╎╏"
_BAR_SPLIT = re.compile(f"[{_BARS}]")
_LATIN_END = re.compile(r"[0-9A-Za-z]$")
_LATIN_START = re.compile(r"^[0-9A-Za-z]")


def is_box(ch: str) -> bool:
    """A character of Unicode's Box Drawing block (U+2500–U+257F)."""
    return BOX_FIRST <= ch <= BOX_LAST


def framed(line: str) -> bool:
    """Whether `line` is a rule or a row of a box-drawn table: its first and last visible characters are
    both box-drawing ones. A wrong decoding that yields such characters (GBK's row A9 read from Big5 bytes)
    scatters them through the text; it does not frame whole lines with them."""
    visible = line.strip()
    return len(visible) >= 2 and is_box(visible[0]) and is_box(visible[-1])


def _rule(line: str) -> bool:
    """A line of box-drawing characters and spaces only (「├──┼──┤」): a table's rule."""
    return all(is_box(ch) or ch.isspace() for ch in line)


@dataclass(frozen=True)
class TextPart:
    """Lines of ordinary text between tables."""

    text: str


@dataclass(frozen=True)
class BoxTable:
    """A box-drawn table: its rows, each its cells' text (a cell's wrapped lines joined); a row of one cell
    spanning a table of more columns (a title 「免费验光服务安排表」 over the head, a 备注 under the body) is
    its text, as `corpus.tables.table_blocks` reads a spanning row: in its place, never the head."""

    rows: tuple[tuple[str, ...] | str, ...]


def _join(pieces: list[str]) -> str:
    """A cell's lines joined as one text: nothing between Chinese characters, a space between Latin words."""
    out = ""
    for piece in (p.strip() for p in pieces):
        if not piece:
            continue
        if out and _LATIN_END.search(out) and _LATIN_START.search(piece):
            out += " "
        out += piece
    return out


def _cells(line: str) -> list[str]:
    """A content line's cells: the text between its bars (none before the first bar or after the last)."""
    inner = line.strip()
    return [cell.strip() for cell in _BAR_SPLIT.split(inner)[1:-1]]


def _wraps(group: list[list[str]]) -> bool:
    """Whether the lines of a run between two rules are one row whose cells wrap over them: a line after
    the first leaves empty a cell the first line fills (a short cell — a 序号, a date — ends on its first
    line while a long one runs on), or leaves its first cell empty (no row stands without its first cell)."""
    first = group[0]
    return any(
        not line[0] or any(i < len(first) and first[i] and not cell for i, cell in enumerate(line))
        for line in group[1:]
    )


def _table(lines: list[str]) -> BoxTable | None:
    """The rows of a run of framed lines, or None when it holds no content line between bars.

    Lines between two rules are one row whose cells wrap over them only when the table shows its cells
    wrapping (`_wraps`: in some run between rules a cell ends while its neighbour runs on): a table framed
    only about its edge, one with no rule under its head, one whose rules part groups of rows and a body
    ruled under its head only are one row a line. Before, every run between rules was taken for one row
    and a table drawn without inner rules read its rows mashed column by column (「片区城关片区东乡片区…」)."""
    groups: list[list[list[str]]] = [[]]
    for line in lines:
        if _rule(line):
            if groups[-1]:
                groups.append([])
            continue
        cells = _cells(line)
        if not cells:
            return None
        groups[-1].append(cells)
    groups = [g for g in groups if g]
    if not groups:
        return None
    body = groups[1:]
    by_line = len(body) <= 1 or not any(_wraps(group) for group in groups)
    rows: list[tuple[str, ...]] = []
    for index, group in enumerate(groups):
        if by_line and (index > 0 or len(groups) == 1 or not _wraps(group)):
            rows.extend(tuple(cells) for cells in group)
            continue
        width = max(len(cells) for cells in group)
        columns = [[cells[i] if i < len(cells) else "" for cells in group] for i in range(width)]
        rows.append(tuple(_join(column) for column in columns))
    width = max(len(row) for row in rows)
    if width < 2:
        return BoxTable(rows=tuple(rows))
    return BoxTable(rows=tuple(row[0] if len(row) == 1 else row for row in rows))


def split_box_tables(text: str) -> list[TextPart | BoxTable]:
    """`text` cut into its ordinary text and its box-drawn tables, in order. A table is two or more
    consecutive framed lines (`framed`) holding a content line; a text without one is one `TextPart`."""
    lines = text.split("\n")
    parts: list[TextPart | BoxTable] = []
    plain: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and framed(lines[j]):
            j += 1
        table = _table(lines[i:j]) if j - i >= 2 else None
        if table is None:
            plain.append(lines[i])
            i += 1
            continue
        if plain:
            parts.append(TextPart("\n".join(plain)))
            plain = []
        parts.append(table)
        i = j
    if plain:
        parts.append(TextPart("\n".join(plain)))
    return parts
