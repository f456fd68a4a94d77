"""Table rows as text a question can find: each cell labelled by its column's header cell."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from .dates import read_date
from .names import is_person_name
from .records import Block

# A header cell labels the cells under it only when it reads like a label.
_MAX_HEADER_CELL = 20
_SENTENCE_MARK = re.compile(r"[。！？!?；;]")
# A form's label: a short phrase with no digit and no sentence in it (「姓名」「申请事项」「联系电话：」).
_MAX_FORM_LABEL = 12
_DIGIT = re.compile(r"[0-9０-９]")
# A value no column is titled by: a number, an amount, a count, a telephone number (digits and the units
# forms write after them), not a bare year (「2024年」 does title a column)
_NUMBER_VALUE = re.compile(
    r"^[0-9０-９][0-9０-９\s.,，．:：/\-—~～％%（）()元万亿人名个次岁天月号件份间张套台]*$"
)
_BARE_YEAR = re.compile(r"^[0-9０-９]{4}\s*年?$")


def labelled_rows(
    rows: Sequence[Sequence[str] | str], header: Sequence[str] | None = None, *, form: bool = False
) -> list[str]:
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
    A table of labels and values side by side (a 登记表 or 申请表, `is_form`), with no header given, is
    read by `form_rows`: 「姓名：张三；性别：男」, each value after its own label; before, its first row was
    taken for a header labelling the rest (「姓名：出生年月；张三：1950年3月；性别：籍贯」). `form`: the source says
    the table is a form (a PDF's cells holding a filled form's field values): read so whenever its cells pair
    as labels and values, and unlabelled otherwise.
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
    found = table_header(grids) if header is None else None
    if found is not None:
        labels, count = found
        header_rows = grids[:count]
    elif not header and (is_form(grids) or (form and _pairs(grids))):
        return form_rows(kept)
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
    if len(grids) < 2 or is_form(grids):
        return None
    if is_header(grids[0]):
        return list(grids[0]), 1
    if _numbered_under_blank(grids):
        found = table_header([row[1:] for row in grids])
        return None if found is None else (["", *found[0]], found[1])
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


def is_form(grids: Sequence[Sequence[str]]) -> bool:
    """Whether a table's rows are a form's labels and values side by side — a 登记表, 申请表 or 审批表:
    「姓名｜张三｜性别｜男」, 「申请事项｜（one value across the rest of the row）」 — rather than rows of data
    under a header row. Each row's cells are taken in pairs from the left, a label in each even column
    (the grid's first, third, …: a merged cell counts as the columns it covers, empty after its first)
    and its value in the next; the grid has an even number of columns.

    The labels must read as labels: every row opens with one, each is short (at most 12 characters), holds
    no digit and no sentence, and no label appears twice. And the table must say it is
    a form and not a data table whose first row titles its columns: the first row is no header at all
    (an empty value, a sentence: `is_header`), or one of its values is a value — a person's name, a date,
    a number or an amount, a telephone number (a header titles a column with none of these; a bare year
    may title one and is no evidence) — or a label ends with a colon, or one row's value runs on across
    the rest of the row (its label and value alone in a row of a table whose other rows hold two labels:
    「申请事项」 over a long request), or a column of values holds both a name, date or number and a
    sentence (a data table's column holds one kind of thing). A form of short words only, laid out like a
    table of data (「民族｜汉｜籍贯｜山东」 over more such rows), says none of this and is read as one.
    """
    if not _pairs(grids):
        return False
    width = max(len(row) for row in grids)
    grids = [row for row in grids if any(row[1:]) or _form_label(row[0])]
    labels = [row[column] for row in grids for column in range(0, len(row), 2) if row[column]]
    first = grids[0]
    values = [first[column] for column in range(1, len(first), 2) if first[column]]
    if not is_header(first) or any(label.endswith(("：", ":")) for label in labels):
        return True
    if any(_value_not_title(value) for value in values):
        return True
    for column in range(1, width, 2):
        below = [row[column] for row in grids[1:] if column < len(row) and row[column]]
        if any(map(_value_not_title, below)) and not all(map(_label_like, below)):
            return True  # names, dates or numbers beside long text: no data column holds both
    across = [row for row in grids if row[1:2] and row[1] and not any(row[2:])]
    two_labels = [row for row in grids if sum(1 for text in row[::2] if text) >= 2]
    return width >= 4 and bool(across) and bool(two_labels)


def _pairs(grids: Sequence[Sequence[str]]) -> bool:
    """Whether a table's cells pair as a form's labels and values (see `is_form`): an even number of columns,
    two rows or more, a label opening every row, every label short with no digit and no sentence, none
    twice. A note across the form (「注：本表一式两份…」 in a cell merged over the row, printed in its first
    column) is no row of labels."""
    width = max((len(row) for row in grids), default=0)
    grids = [row for row in grids if any(row[1:]) or _form_label(row[0])]
    if len(grids) < 2 or width < 2 or width % 2:
        return False
    labels = [row[column] for row in grids for column in range(0, len(row), 2) if row[column]]
    return (
        all(row and row[0] for row in grids)
        and len(set(labels)) == len(labels)
        and all(_form_label(label) for label in labels)
    )


def form_rows(rows: Sequence[Sequence[str] | str]) -> list[str]:
    """A form's rows (see `is_form`) read as their labels and values: one line per row, each value after
    its label — 「申请单位：市老年大学书画班；联系人：王建华」 — a label left empty alone (「使用时段」), a row given
    as one string (a note across the form) as it stands. Every label and value is said once, in its row."""
    out = []
    for row in rows:
        if isinstance(row, str):
            if row.strip():
                out.append(row.strip())
            continue
        cells = [cell.strip() for cell in row]
        parts = []
        for column in range(0, len(cells), 2):
            label = cells[column].rstrip("：:").strip()
            value = cells[column + 1] if column + 1 < len(cells) else ""
            if label and value:
                parts.append(f"{label}：{value}")
            elif label or value:
                parts.append(label or value)
        if parts:
            out.append("；".join(parts))
    return out


def _form_label(text: str) -> bool:
    return len(text) <= _MAX_FORM_LABEL and not _SENTENCE_MARK.search(text) and not _DIGIT.search(text)


# A span of days written from a date: 「2029年3月17日至18日」「2028年5月9日—6月26日」「2029.3.17-3.18」
_DATE_SPAN = re.compile(
    r"^(?P<start>.+?)\s*(?:至|到|—{1,2}|–|-|－|~|～)\s*(?P<end>[0-9０-９][^。；;]{0,14})$"
)


def _value_not_title(text: str) -> bool:
    """A cell that is a value and titles no column: a person's name, a date or a span of days from one (a
    month at least: 「2023—2024」 may title a column), a number or amount."""
    if _BARE_YEAR.match(text):
        return False
    return (
        bool(_NUMBER_VALUE.match(text))
        or read_date(text) is not None
        or _date_span(text)
        or is_person_name(text)
    )


def _date_span(text: str) -> bool:
    """Whether a cell is a span of days from a dated start (「2029年3月17日至18日」): the start a date naming its
    month at least, the end a short run beginning with a digit."""
    m = _DATE_SPAN.match(text.strip())
    return m is not None and "-" in (read_date(m["start"]) or "")


def _label_like(text: str) -> bool:
    return len(text) <= _MAX_HEADER_CELL and not _SENTENCE_MARK.search(text)


def _numbered_under_blank(grids: Sequence[Sequence[str]]) -> bool:
    """Whether the first column is a column of row numbers its author did not title (「　｜姓名｜单位」 over
    「1｜钟秀芳｜…」): blank in the first row, every other row's first cell a row number or blank (a 合计 row,
    a row left unnumbered, a second header row), two or more rows numbered, rising, every row as wide. The
    rest of the table is then judged as a table of its own — one header row or two (a grouped header) — and
    its numbers read unlabelled, the row's first value (「1；姓名：钟秀芳；…」, 「姓名：合计；…」)."""
    head = grids[0]
    if len(head) < 3 or head[0] or any(len(row) != len(head) for row in grids):
        return False
    firsts = [row[0] for row in grids[1:]]
    return all(not text or ROW_NUMBER.fullmatch(text) for text in firsts) and rising(firsts)


def rising(numbers: Sequence[str]) -> bool:
    """Whether a column's values are row numbers counted down the rows: two or more figures, each greater
    than the one before it by no more than the rows between them (「1｜2｜3｜（合计）」, 「1｜　｜3」), blanks
    allowed. Amounts or counts beside the rows (「300｜　｜150」) are not."""
    rows = [(r, int(_figures(text))) for r, text in enumerate(numbers) if text]
    return len(rows) >= 2 and all(0 < b - a <= s - r for (r, a), (s, b) in itertools.pairwise(rows))


def _figures(text: str) -> str:
    return "".join(str(int(c)) for c in text if c.isdigit())


# A row's number in a 序号 column: one to four figures, a full stop or 、 after them
ROW_NUMBER = re.compile(r"[0-9０-９]{1,4}[.．、]?")


def is_header(row: Sequence[str]) -> bool:
    return (
        len(row) >= 2
        and all(row)
        and all(len(text) <= _MAX_HEADER_CELL and not _SENTENCE_MARK.search(text) for text in row)
    )


def _blank_form_head(rows: Sequence[Sequence[str] | str]) -> bool:
    """Whether a table is a blank form to fill in: its first row three or more labels (every cell filled,
    short, no sentence, no digit: 「姓名｜出生年月｜原工作单位及职务｜联系电话」) over rows left empty. Read as the
    line one row prints, its labels ran together in a passage (「姓名出生年月原工作单位及职务联系电话」: the
    spaces between Chinese cells are not kept); a 文号 beside its 签发人, a signature beside its date — one
    row standing alone — are still that line."""
    if len(rows) < 2 or isinstance(rows[0], str):
        return False
    head = [cell.strip() for cell in rows[0]]
    return (
        len(head) >= 3
        and is_header(head)
        and not any(re.search(r"[0-9０-９]", cell) for cell in head)
        and all(
            not (row.strip() if isinstance(row, str) else any(c.strip() for c in row)) for row in rows[1:]
        )
    )


def table_blocks(rows: Sequence[Sequence[str] | str]) -> list[Block]:
    """A table's rows as blocks: labelled rows (kind "table_row"), or, for a table of a single row, one
    line of text (kind "line": a paragraph that does not run into the next), its cells apart by a space.

    One row has no header to label it and no rows for it to label: it is text set in cells for its
    place on the page — a 文号 beside its 签发人, a name beside a date — and is read as the line it
    prints, as a PDF's one-row table is. Read as a table row, a 文号 set so was no longer the document's
    number and the title under it was lost (the notice was titled by its file name). Likewise a table of
    two or more columns none of whose rows has two cells filled (a signature block and its date set right
    of an empty cell for the seal): each filled cell is a line, so the notice keeps its date. The head of a
    blank form (`_blank_form_head`: labels over empty rows) is one table row, its labels apart by 「；」.
    """
    kept = [row for row in rows if (row.strip() if isinstance(row, str) else any(c.strip() for c in row))]
    if len(kept) == 1 and not isinstance(kept[0], str):
        if _blank_form_head(rows):  # the columns of a blank form: said as such, not run together
            return [Block(text="；".join(cell.strip() for cell in kept[0]), kind="table_row")]
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
