"""Spreadsheets staff add beside their notices (体检名单、活动安排表、经费明细), read as the tables they show.

Formats: .xlsx, .xlsm and a WPS .et saved as Office Open XML (openpyxl), .xls and a WPS .et in the old
binary format, BIFF (xlrd), .ods (its content.xml, where every cell holds the text it displays), and .csv
in any Chinese encoding (corpus.encoding). Every visible sheet with text is a section titled by its name (a
workbook of one sheet with a default name, 「Sheet1」, has none); hidden sheets, rows and columns are not
read, empty rows and columns are passed over.

Each sheet is read as a table, as a Word table is (corpus.tables): the rows above the first row of two or
more cells are its title rows (「2027年离休干部体检安排表」, a line under it) — the first sheet's first one
titles the document; when the first sheet has none, the first title row of a later sheet that is a title
of its own (more than the sheet's name, no 「填表说明」 heading: a cover sheet's 「…发放明细表」), else the file's
own title (its 标题 property: .xlsx, .ods, .xls; a default such as 「工作簿1」 is none) —; from there the
header is found as in any table (one row of labels, or two when a label is merged across the columns the
second row names) and each row under it becomes one line, every cell labelled by its column's header
(「姓名：张三；体检日期：5月8日；地点：…」), so a question about one row finds it. A row whose only cell is
merged across the table (a note, a subtotal's caption) is read as it stands, in its place; the rows of one cell after the table (「注：…」, 「经费来源：…」) are its notes,
paragraphs after it. Cells read as the office suite shows them: dates and times by their number format
(an Excel serial date as 「2027年9月8日」), amounts with their separators and decimals (「2,600.00」),
formulas as the value last calculated (the cached value a file saved by Excel, WPS or LibreOffice holds).
A cell's comment (批注: .xlsx, .ods's office:annotation, .xls's NOTE) is read with it: in its row after the
value it is about (「补贴金额（元）：34370（批注：含80周岁以上老人加补部分4910元。）」), or, on the header's cells, as
a note after the table (「补贴金额（元）（批注）：补贴标准：…」); the author's line Excel opens it with is dropped;
a comment on a cell outside the table (a column or row holding no value) is a note after it, 「批注：…」.
Before, comments were not read (in an .ods or .xls until layout65).
A **text box or shape with text drawn on a sheet** (「插入 › 文本框」: a 填表说明 or 投保说明 beside the table;
xlsxwriter's ``insert_textbox``) lives in the sheet's drawing part, which openpyxl does not read: each of its
paragraphs is a line of the sheet — after the table, as its notes, or before it when the box is anchored
above every cell (a title drawn in a box); boxes in the order of their anchors, a group's boxes in
theirs. Before, such a box was lost whole ([cold37](../docs/cold37.md)). An .ods's boxes are its sheet's
draw shapes (anchored to a cell, or to the page in table:shapes and placed by their height), an .xls's the
TXO records of its sheet's OfficeArt shapes, placed by their ClientAnchor; both are read so
([formats64](../docs/formats64.md)). A sheet's **printed page header and footer** (「页面设置 › 页眉/
页脚」) are read as a text box above the cells and notes after them: a title set only in the header titles the
sheet, the footer's 「制表单位」「制表日期」 follow its rows; a part with a page field (「第 &P 页」) is not read
([cold39](../docs/cold39.md)), nor any margin of a sheet that prints no cell; the codes are read by Excel's
grammar (corpus.margin_codes), none of them left in the text ([mend65c](../docs/mend65c.md)). So in every
format ([read66](../docs/read66.md)): an .xlsx's ``headerFooter``, an .xls's or binary .et's HEADER and FOOTER
records (the same codes), an .ods's page style (styles.xml's master page its table style names: the regions
of its first page's own header when Calc's 「首页不同」 gives one, else of every page's; a region with a field —
text:page-number, text:page-count, text:date, text:sheet-name … — is page furniture).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import math
import posixpath
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal
from fractions import Fraction

from . import cfb
from .clean import HAN
from .encoding import decode_text
from .errors import EmptyDocument, UnreadableFile, damaged
from .html import page_tables, sheet_page_tables
from .margin_codes import printed_lines
from .odt import shown_text
from .records import Block
from .tables import table_blocks
from .zipped import ZIP_DAMAGE, refuse_zip_bomb

__all__ = ["SHEET_SUFFIXES", "Grid", "SheetText", "cell_text", "read_sheets", "sheet_grids"]

SHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".et", ".ods", ".csv")


@dataclass(frozen=True)
class Grid:
    """One visible sheet: its name, its visible rows as displayed text (empty rows and columns dropped),
    and the rows whose one filled cell is merged across two or more columns (a title or a note line)."""

    name: str
    rows: tuple[tuple[str, ...], ...]
    wide: frozenset[int] = frozenset()
    # the rows that are a text box's lines read after the table: notes, never a title or a row of it
    drawn: frozenset[int] = frozenset()


@dataclass(frozen=True)
class SheetText:
    """A spreadsheet read: its blocks (title, a heading per sheet, labelled rows, notes), every visible
    cell's text one a line (the reference `add --check` compares the passages with) and the reader."""

    blocks: tuple[Block, ...]
    reference: str
    converter: str


def read_sheets(name: str, suffix: str, data: bytes) -> SheetText:
    """A spreadsheet's text as blocks; a CorpusError with one Chinese line when it cannot be read."""
    grids, converter = sheet_grids(name, suffix, data)
    if not any(_has_words(cell) for grid in grids for row in grid.rows for cell in row):
        raise EmptyDocument(f"{name} 中没有可读的文字：表格里只有数字或是空的")
    own = _own_title(data, converter)
    return SheetText(tuple(_blocks(grids, own)), _reference(grids), converter)


# A title property as the office suite, Windows' 「新建」 menu or a template leaves it, naming no document:
# 「工作簿1」, 「Book1」, 「Sheet1」, 「新建 Microsoft Excel 工作表」, 「新建 XLSX 工作表」, 「新建 WPS表格 (2)」.
_DEFAULT_TITLE = re.compile(
    r"(?i)(?:新建\s*)?(?:microsoft\s*(?:office\s*)?excel\s*(?:97\s*-\s*2003\s*)?|xlsx?\s*|et\s*|ods\s*|wps\s*)?"
    r"(?:工作表|工作簿|电子表格|表格|book|workbook|sheet|worksheet)?\s*(?:\d+|[(（]\d+[)）])?(?:\s*-\s*副本)?"
)


def _own_title(data: bytes, converter: str) -> str | None:
    """The title the file holds as its property (.xlsx docProps/core.xml's or .ods meta.xml's dc:title, .xls
    SummaryInformation's: Excel's and WPS's 「属性 › 标题」, Calc's 「文件 › 属性 › 描述 › 标题」), or None when
    it has none or one naming no document."""
    if converter == "xls":
        title = cfb.summary_title(data) or ""
    elif converter in ("xlsx", "ods"):
        title = _zipped_title(data)
    else:
        return None
    title = " ".join(title.split())
    if not _has_words(title) or _DEFAULT_TITLE.fullmatch(title):
        return None
    return title


def _zipped_title(data: bytes) -> str:
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            part = next((n for n in ("docProps/core.xml", "meta.xml") if n in names), None)
            if part is None:
                return ""
            root = etree.fromstring(archive.read(part), etree.XMLParser(resolve_entities=False))
    except (*ZIP_DAMAGE, KeyError, etree.XMLSyntaxError):
        return ""  # the sheets were read; a damaged property part only loses the title
    found = root.find(".//{http://purl.org/dc/elements/1.1/}title")
    return (found.text or "") if found is not None else ""


def sheet_grids(name: str, suffix: str, data: bytes) -> tuple[list[Grid], str]:
    """A spreadsheet's visible sheets with rows, as displayed, and the reader that read them; a
    CorpusError with one Chinese line when it cannot be read. A workbook embedded in another document (an
    Excel sheet inside Word) is read by it too."""
    if suffix == ".csv":
        grids, converter = [_csv_grid(name, data)], "csv"
    elif cfb.is_cfb(data):
        contents = cfb.contents(data)
        if contents is not None and contents.encrypted:
            raise UnreadableFile(_password(name))
        if contents is not None and contents.word_document:
            raise UnreadableFile(
                f"{name} 其实是 Word 97–2003 文档（.doc），不是表格：请把扩展名改为 .doc 再添加"
            )
        if contents is None or not ({"Workbook", "Book"} & contents.streams):
            raise damaged(f"{name} 不是有效的 Excel 工作簿（内容已损坏）")
        grids, converter = _xls_grids(name, data), "xls"
    elif data.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                refuse_zip_bomb(name, archive, len(data))
                names = set(archive.namelist())
                mimetype = archive.read("mimetype") if "mimetype" in names else b""
                ods = "content.xml" in names and b"opendocument.spreadsheet" in mimetype
        except (*ZIP_DAMAGE, KeyError) as e:
            raise damaged(f"{name} 不是有效的表格文件（内容已损坏或不完整）") from e
        if ods:
            grids, converter = _ods_grids(name, data), "ods"
        elif "xl/workbook.xml" in names:
            grids, converter = _xlsx_grids(name, data), "xlsx"
        else:
            raise UnreadableFile(f"{name} 不是 Excel 或 WPS 表格文件（缺少工作簿内容）")
    elif (page := _html_grids(name, data)) is not None:
        # an office system's 「导出Excel」: an HTML table under a .xls name, which Excel and WPS open as a sheet
        if not page:
            raise UnreadableFile(f"{name} 其实是一个网页，其中没有表格，不是表格文件：请重新下载原文件再添加")
        grids, converter = page, "html"
    else:
        raise damaged(f"{name} 不是有效的表格文件（内容已损坏或格式不对）")
    return [grid for grid in grids if grid.rows], converter


def _html_grids(name: str, data: bytes) -> list[Grid] | None:
    """A web page's data tables as sheets (corpus.html.page_tables), a row across the table a wide row; None
    when the bytes are no web page. One table is a sheet without a name, as a CSV is; several are 表1, 表2…"""
    if (sheets := sheet_page_tables(name, data)) is not None:
        # a workbook saved as a web page by LibreOffice Calc: each table under its sheet's name
        return [_html_grid(sheet, rows) for sheet, rows in sheets]
    found = page_tables(name, data)
    if found is None:
        return None
    tables = found[1]
    grids = []
    for n, rows in enumerate(tables, start=1):
        width = max((len(r) for r in rows if not isinstance(r, str)), default=1)
        cells = [[r] + [""] * (width - 1) if isinstance(r, str) else r for r in rows]
        wide = [i for i, r in enumerate(rows) if isinstance(r, str)]
        grids.append(_grid(f"表{n}" if len(tables) > 1 else "", cells, wide))
    return grids


def _html_grid(name: str, rows: list[list[str] | str]) -> Grid:
    """A web page's table as a sheet called `name`, a row across the table a wide row."""
    width = max((len(r) for r in rows if not isinstance(r, str)), default=1)
    cells = [[r] + [""] * (width - 1) if isinstance(r, str) else r for r in rows]
    return _grid(name, cells, [i for i, r in enumerate(rows) if isinstance(r, str)])


def _password(name: str) -> str:
    return f"{name} 设置了打开密码，无法读取：请在 Excel 或 WPS 中取消密码（文件 › 信息 › 保护工作簿）后另存，再添加"


_WORD = re.compile(r"[\u3400-\u9fffA-Za-z]")


def _has_words(text: str) -> bool:
    return _WORD.search(text) is not None


# A sheet's name as the office suite gives it before anyone names it: no section title.
_DEFAULT_SHEET = re.compile(r"(?i)(sheet|工作表|表)\s*\d*")


def _blocks(grids: Sequence[Grid], own_title: str | None = None) -> list[Block]:
    """The sheets as blocks: the document's title (the first sheet's first title row; else a later sheet's
    first title row that is a title of its own; else the file's own title, `own_title`), then each sheet
    under a heading of its name: its other title rows as lines (a first one that only repeats the sheet's
    name, as a sheet 「竞赛规程」 is often titled 「竞赛规程」, is its heading already), its table's rows
    labelled, its notes."""
    parts = [_split(grid) for grid in grids]
    title = _title(grids, parts, own_title)
    blocks: list[Block] = [Block(text=title, kind="title")] if title is not None else []
    named = len(grids) > 1 or not _DEFAULT_SHEET.fullmatch(grids[0].name.strip() or "Sheet")
    used_title = False
    for grid, (lead, table, after) in zip(grids, parts, strict=True):
        if not (lead or table or after):
            continue
        heading = grid.name.strip() if named else ""
        if heading:
            blocks.append(Block(text=heading, kind="heading", level=1))
        for n, line in enumerate(lead):
            if n == 0 and not used_title and line == title:
                used_title = True
                continue
            if (
                n == 0
                and heading
                and _spaceless(line) == _spaceless(heading)
                and (table or after or lead[1:])
            ):
                continue  # a title row repeating the sheet's name (「竞赛规程」): read once, as its heading
            blocks.append(Block(text=line, kind="line"))
        blocks.extend(table_blocks(_totals_named(table, grid.name.strip() if named else title)))
        blocks.extend(after)
    return blocks


def _title(
    grids: Sequence[Grid], parts: Sequence[tuple[list[str], object, object]], own_title: str | None
) -> str | None:
    """The document's title: the first sheet's first title row; else the first title row of a later sheet
    that is a title of its own — more than the sheet's name and no notes heading (a cover sheet 「封面」 titled
    「…发放明细表」 titles the workbook; a sheet 「填表说明」 titled 「填表说明」, or 「说明」 titled 「填报说明」,
    names its sheet); else the file's own title property (hidden in the file's properties, so a title the
    reader sees comes first). A workbook whose first sheet is its table and whose second is 「填表说明」 was
    titled 「填表说明」."""
    first = next((n for n, (lead, table, after) in enumerate(parts) if lead or table or after), None)
    if first is None:
        return own_title
    if parts[first][0]:
        return parts[first][0][0]
    for grid, (lead, _, _) in zip(grids[first + 1 :], parts[first + 1 :], strict=True):
        if (
            lead
            and _spaceless(lead[0]) != _spaceless(grid.name)
            and not _NOTES_HEADING.fullmatch(_spaceless(lead[0]))
        ):
            return lead[0]
    return own_title


# A sheet's heading over notes on the others, no title of the workbook: 「填表说明」, 「填报须知」, 「注意事项」
_NOTES_HEADING = re.compile(r"(?:填表|填报|编制|使用|报送|有关|相关)?(?:说明|须知|注意事项|备注|附注)[:：]?")


def _spaceless(text: str) -> str:
    return re.sub(r"\s+", "", text)


# The first cell of a table's total row: 「合计」「总计」「共计」「合 计」 (a 小计 is a part's, not the table's).
_TOTAL = re.compile(r"^(?:合|总|共)\s*计$")


def _totals_named(table: list[list[str] | str], of: str | None) -> list[list[str] | str]:
    """The table with its total rows saying what they total: 「合计（经费预算明细）」 for 「合计」. A total row holds
    none of its table's words (「奖项：合计；名额：18；小计（元）：2,600.00」): a question about the table's sum
    (「经费预算一共多少钱」) had nothing in it to find. `of` is the sheet's name, or for a workbook of one unnamed
    sheet the document's title. Not a title line of the sheet's own (「插花艺术培训班经费预算明细」): that is a
    passage of its own, and a row repeating it would be dropped from the results behind it as its near
    duplicate."""
    if not of:
        return table
    out: list[list[str] | str] = []
    for row in table:
        if not isinstance(row, str):
            first = next((n for n, cell in enumerate(row) if cell.strip()), None)
            if first is not None and _TOTAL.match(row[first].strip()):
                row = [*row[:first], f"{row[first].strip()}（{of}）", *row[first + 1 :]]
        out.append(row)
    return out


def _split(grid: Grid) -> tuple[list[str], list[list[str] | str], list[Block]]:
    """A sheet's title rows (before the first row of two or more cells), its table (to the last such
    row; a row of one cell merged across the table is a string, read as it stands) and its notes (the
    rows of one cell after it)."""
    filled = [[c for c in row if c] for row in grid.rows]
    multi = [n for n, cells in enumerate(filled) if len(cells) >= 2]
    if not multi:
        # no table: the sheet's lines are its title rows, and a text box's lines its notes after them
        lead = [
            line for n, cells in enumerate(filled) if n not in grid.drawn for c in cells for line in _lines(c)
        ]
        notes = [
            Block(text=line, kind="paragraph")
            for n, cells in enumerate(filled)
            if n in grid.drawn
            for c in cells
            for line in _lines(c)
        ]
        return lead, [], notes
    first, last = multi[0], multi[-1]
    # rows of one cell after the last row of two are still the table's (only their first column filled)
    # until one is a note: merged across the table, or text with a sentence's or a label's punctuation
    while last + 1 < len(filled) and len(filled[last + 1]) <= 1:
        if filled[last + 1] and (last + 1 in grid.wide or _NOTE_MARK.search(filled[last + 1][0])):
            break
        last += 1
    while last > first and not filled[last]:
        last -= 1
    signed = _signature_rows(filled, first, last)
    if signed is not None:
        last = signed - 1
        while last > first and not filled[last]:
            last -= 1
    lead = [line for cells in filled[:first] for cell in cells for line in _lines(cell)]
    table: list[list[str] | str] = []
    # a note of one cell after the table's last row of two or more (「备注：…；…。」, as a CSV or an unmerged
    # sheet keeps it in its first column) is read as it stands, not labelled by the first column's head
    body_end = max(n for n in multi if n <= last)
    for n in range(first, last + 1):
        row = grid.rows[n]
        if len(filled[n]) == 1 and (n in grid.wide or (n > body_end and _NOTE_MARK.search(filled[n][0]))):
            table.append(" ".join(_lines(filled[n][0])))
        else:
            table.append([" ".join(_lines(cell)) for cell in row])
    if signed is not None:
        # each its own line, as the sheet prints them: as paragraphs, a short one ran into the next in the
        # passage (「制表人：冯敏审核人：包立新」)
        # a row whose cells each carry their own label and value (「制表单位：…｜制表日期：2038年1月8日」)
        # is a line each: run together, the date was no date line and the sheet stayed undated
        after = [
            Block(text=line, kind="line")
            for cells in filled[last + 1 :]
            if cells
            for line in (
                [" ".join(_lines(cell)) for cell in cells]
                if len(cells) >= 2
                and all(_SIGN_LABEL.match(c.strip()) and _SIGN_LABEL.sub("", c).strip() for c in cells)
                else [_row_line(cells)]
            )
        ]
    else:
        after = [
            Block(text=line, kind="paragraph")
            for cells in filled[last + 1 :]
            for cell in cells
            for line in _lines(cell)
        ]
    return lead, table, after


# A labelled line a sheet prints under its table: 「发放单位：…」, 「制表人：」, 「发放日期：｜｜2035年6月15日」
_SIGN_LABEL = re.compile(f"^[{HAN}]{{2,8}}[:：]")


# The label of a note a sheet may print under its signature lines: 「备注：」「说明：」「注：」
_NOTE_LABEL = re.compile(r"^(?:备注|说明|注|附注)\s*[:：]?$")


def _signature_rows(filled: Sequence[Sequence[str]], first: int, last: int) -> int | None:
    """Where the lines under a table begin: the first of the table's last rows that are each a labelled line
    (`_signature_line`: 「发放单位：…」, 「发放日期：｜｜2035年6月15日」) — the sheet's signature and date lines
    under the table, and a note under them (「备注：｜慰问金由各支部…发放到人。」); None when there are none.
    Their cells were read as a row of the table before, labelled by its head
    (「序号：发放日期：；演出日期：二〇三五年六月十五日」).

    Only rows after the table's body count: after its last row with data in most of its columns (three
    or more) and after a 合计 row; and none when the body's own first column is labels with colons
    (「活动名称：｜重阳登山｜张三」 over 「集合地点：｜县政府门口」: such rows are the table's, labelled by its head)."""
    end = last
    while end > first and len(filled[end]) == 2 and _NOTE_LABEL.match(filled[end][0].strip()):
        end -= 1  # a note after the signature lines: read with them, as a line
    start = _labelled_start(filled, first, end)
    if start is None and end < last:
        start = _labelled_start(filled, first, last)  # no signature line over the note: the note alone
    return start


def _labelled_start(filled: Sequence[Sequence[str]], first: int, end: int) -> int | None:
    """The first of the labelled lines ending at row `end` (`_signature_rows`), None for none."""
    width = max(len(cells) for cells in filled[first : end + 1])
    start = end + 1
    while start - 1 > first:
        cells = filled[start - 1]
        if cells and not _signature_line(cells, width):
            break
        start -= 1
    if start > end or not filled[start]:
        return None
    # a note of one cell over the lines (「备注：1.凭证入场；2.…」) is no label of the table's first column
    body = [cells for cells in filled[first + 1 : start] if len(cells) >= 2]
    if any(
        _SIGN_LABEL.match(cells[0].strip()) and not _TOTAL.match(cells[0].strip().rstrip(":："))
        for cells in body
    ):
        return None  # the table's first column holds labels: its last rows so labelled are its own
    return start


def _signature_line(cells: Sequence[str], width: int) -> bool:
    """A labelled line under a table: its first filled cell a label and its colon (no 合计, which totals the
    rows), at most one cell after it, and fewer cells than the table's columns; what it labels is a name, a
    unit or a date — no figure, no sentence."""
    label = cells[0].strip()
    if (
        not _SIGN_LABEL.match(label)
        or _TOTAL.match(label.rstrip(":："))
        or len(cells) > 2
        or len(cells) >= width
    ):
        return False
    value = cells[1].strip() if len(cells) == 2 else _SIGN_LABEL.sub("", label)
    # a name, a unit, a date — not a figure (a total's), nor a sentence (a note's, read as notes are)
    return not re.fullmatch(r"[-+]?[\d,.]+%?", value) and not re.search("[。！？；!?;]", value)


def _row_line(cells: Sequence[str]) -> str:
    """A row's filled cells as the line it prints: a label's colon runs on into the next cell, other cells
    apart by a space (「发放日期：2035年6月15日」)."""
    line = ""
    for cell in cells:
        text = " ".join(_lines(cell))
        if not text:
            continue
        line += text if not line or line.endswith((":", "：")) else f" {text}"
    return line


# a sentence's or a label's mark; the colon of a time (「11:30」) is none
_NOTE_MARK = re.compile(r"[。；：！？;!?]|(?<![0-9]):|:(?![0-9])")
# The label of a note row: a word or two in the first column (「备注」「说明」「注」「附：」), no sentence in it.
_ROW_LABEL = re.compile(f"^[{HAN}]{{1,6}}[:：]?$")


def _labelled_note(cells: list[str], filled: Sequence[int], reaches_end: bool) -> list[str] | None:
    """A row of a short label in the table's first column and one cell merged from the next across the rest
    of the table (「备注｜上课期间学员须自备…」, as a timetable's or a roster's last row is set), as one cell,
    「备注：上课期间学员须自备…」, to be read as it stands; None for any other row. Before, the label was
    labelled by the first column's head and the note by the second's (「周次：备注；上课日期：上课期间…」).
    `filled`: the positions in `cells` of the filled cells; `reaches_end`: the second is merged to the
    table's last column."""
    if len(filled) != 2 or filled[0] != 0 or not reaches_end:
        return None
    label, note = cells[filled[0]].strip(), cells[filled[1]].strip()
    if not _ROW_LABEL.match(label) or len(note) <= len(label):
        return None
    return [f"{label.rstrip(':：')}：{note}", *([""] * (len(cells) - 1))]


def _lines(cell: str) -> list[str]:
    """A cell's text as lines (a cell may hold line breaks: Alt+Enter)."""
    return [line.strip() for line in cell.splitlines() if line.strip()]


def _reference(grids: Sequence[Grid]) -> str:
    """Every visible cell's text, one a line per cell line, sheet by sheet: what the passages must hold."""
    return "\n".join(line for grid in grids for row in grid.rows for cell in row for line in _lines(cell))


def _grid(
    name: str, rows: Iterable[Sequence[str]], wide: Iterable[int] = (), drawn: Iterable[int] = ()
) -> Grid:
    """A sheet's rows with the empty rows and the columns empty in every row dropped (the indices in
    `wide` and `drawn` follow their rows)."""
    wide_set, drawn_set = set(wide), set(drawn)
    kept = [(n, [c.strip() for c in row]) for n, row in enumerate(rows) if any(c.strip() for c in row)]
    width = max((len(row) for _, row in kept), default=0)
    used = [c for c in range(width) if any(c < len(row) and row[c] for _, row in kept)]
    out = tuple(tuple(row[c] if c < len(row) else "" for c in used) for _, row in kept)
    moved = frozenset(i for i, (n, _) in enumerate(kept) if n in wide_set)
    return Grid(name, out, moved, frozenset(i for i, (n, _) in enumerate(kept) if n in drawn_set))


def _boxed_grid(
    title: str, rows: list[list[str]], wide: list[int], boxes: Sequence[_DrawnText], top: int | None
) -> Grid:
    """A sheet's grid with the text boxes drawn on it (in their anchors' order): after the table, as notes
    never read as a row of it, or before it as its title when the box is anchored above every cell (`top`,
    the first row holding a cell, counted from 0 as the boxes' rows are) and reads as a title and the sheet
    has no title row of its own. (A 填表说明 drawn above the cells titled the workbook, and was in no
    passage.)"""
    titled = bool(rows) and bool(_split(_grid(title, rows, wide))[0])
    before: list[str] = []
    after: list[str] = []
    for box in boxes:
        heading = top is not None and box.row < top and not titled and not before
        (before if heading and _title_like(box.lines) else after).extend(box.lines)
    width = max((len(row) for row in rows), default=1) or 1
    wide = [n + len(before) for n in wide]
    # the notes drawn after the table: read as they stand, never as a row of it
    wide.extend(range(len(before) + len(rows), len(before) + len(rows) + len(after)))
    rows = [[line, *([""] * (width - 1))] for line in before] + rows
    drawn = range(len(rows), len(rows) + len(after))
    rows += [[line, *([""] * (width - 1))] for line in after]
    return _grid(title, rows, wide, drawn)


# A sentence's end or a clause's mark: a box holding one is a note, not a title drawn above the table
_SENTENCE_MARK = re.compile(r"[。；！？;!?，,：:]")


def _title_like(lines: Sequence[str]) -> bool:
    """Whether a text box's lines read as a title: one or two short lines, no sentence or label in them."""
    return 0 < len(lines) <= 2 and all(len(line) <= 40 and not _SENTENCE_MARK.search(line) for line in lines)


# --- Office Open XML (.xlsx, .xlsm, .et) --------------------------------------------------------


def _xlsx_grids(name: str, data: bytes) -> list[Grid]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True, read_only=False)
    except Exception as e:  # openpyxl raises many kinds on a damaged package
        raise damaged(f"{name} 不是有效的 Excel 工作簿（内容已损坏）") from e
    recalculated = _recalculated(data, book)
    parts = _sheet_parts(data)
    grids = []
    for ws in book.worksheets:
        if ws.sheet_state != "visible" or not hasattr(ws, "iter_rows"):
            continue
        for (title, r, c), value in recalculated.items():
            if title == ws.title:
                ws._cells[(r, c)].value = value
        hidden_columns = {
            c
            for dim in ws.column_dimensions.values()
            if dim.hidden
            for c in range(dim.min or 1, (dim.max or dim.min or 1) + 1)
        }
        spans = {
            (r.min_row, r.min_col): r.max_col - r.min_col + 1
            for r in ws.merged_cells.ranges
            if r.max_col > r.min_col
        }
        # Only the cells the file holds, by row: iter_rows() makes a cell for every place of the used range,
        # and one stray entry at XFD1048576 makes that 17 billion (a 5 KB file took minutes and gigabytes).
        # openpyxl has no public sparse view of a sheet; `_cells` is where it keeps the cells it read.
        held: dict[int, list] = {}  # type: ignore[type-arg]
        for (r, _), cell in sorted(ws._cells.items()):
            if cell.value is not None:
                held.setdefault(r, []).append(cell)
        columns = sorted({cell.column for row in held.values() for cell in row} - hidden_columns)
        rows: list[list[str]] = []
        wide: list[int] = []
        shown = [(r, row) for r, row in held.items() if not ws.row_dimensions[r].hidden]
        table = [
            (
                r,
                row,
                [cell_text(cell.value, cell.number_format) if cell is not None else "" for cell in placed],
            )
            for r, row in shown
            for placed in [[{cell.column: cell for cell in row}.get(c) for c in columns]]
        ]
        header = _header_row([cells for _, _, cells in table])
        # every comment on a shown cell: in the table's rows and columns read with its cell, else after it
        comments = {
            (r, c): comment
            for (r, c), cell in sorted(ws._cells.items())
            if cell.comment is not None
            and c not in hidden_columns
            and not ws.row_dimensions[r].hidden
            and (comment := _comment_text(str(cell.comment.text or ""), str(cell.comment.author or "")))
        }
        placed_rows = {r for r, _, _ in table}
        outside = [f"批注：{t}" for (r, c), t in comments.items() if r not in placed_rows or c not in columns]
        header_notes: list[str] = []  # comments on the header's cells (or above it): notes after the table
        for at, (r, row, cells) in enumerate(table):
            remarks = {n: comments[r, c] for n, c in enumerate(columns) if (r, c) in comments}
            cells = _commented(cells, remarks, header is None or at <= header, header_notes)
            filled = [cell for cell in row if str(cell.value).strip()]
            if len(filled) == 1 and spans.get((filled[0].row, filled[0].column), 1) > 1:
                wide.append(len(rows))
            elif len(filled) == 2 and filled[1].column in columns:
                note = filled[1]
                reaches = note.column + spans.get((note.row, note.column), 1) - 1 >= columns[-1]
                positions = [columns.index(c.column) for c in filled if c.column in columns]
                if (
                    one := _labelled_note(cells, positions, reaches and spans.get((r, note.column), 1) > 1)
                ) is not None:
                    cells = one
                    wide.append(len(rows))
            rows.append(cells)
        _noted(rows, wide, header_notes + outside)
        top = min((r for r, _ in held.items() if not ws.row_dimensions[r].hidden), default=None)
        own = parts.get(ws.title, _SheetParts())
        drawn = _with_margins(rows, own.boxes, printed_lines(own.header), printed_lines(own.footer))
        # the drawing's rows count from 0, the sheet's from 1
        grids.append(_boxed_grid(ws.title, rows, wide, drawn, None if top is None else top - 1))
    return grids


_BELOW_EVERY_CELL = 1 << 31


def _with_margins(
    rows: Sequence[Sequence[str]], boxes: Sequence[_DrawnText], header: Sequence[str], footer: Sequence[str]
) -> list[_DrawnText]:
    """A sheet's drawn boxes with the lines its printed page header and footer hold (每页的页眉/页脚, in any
    format: .xlsx's and .xls's codes read by corpus.margin_codes, an .ods's regions) as two boxes more: the
    header's above every cell — the sheet's title when it has no title row —, the footer's after the rows,
    as notes. A line a cell already shows, or holding no word, is not read; nor is any margin of a sheet that
    prints no cell and no box (it prints no page: a header set on every sheet at once is on the empty ones
    too)."""
    above: list[str] = []
    below: list[str] = []
    if rows or boxes:
        shown = {_spaceless(cell) for row in rows for cell in row}
        above, below = (
            [line for line in lines if _has_words(line) and _spaceless(line) not in shown]
            for lines in (header, footer)
        )
    return [
        *([_DrawnText(-1, 0, tuple(above))] if above else []),  # above every cell, as a box there
        *boxes,
        *([_DrawnText(_BELOW_EVERY_CELL, 0, tuple(below))] if below else []),
    ]


@dataclass(frozen=True)
class _DrawnText:
    """The text of one text box or shape drawn on a sheet: the row and column its anchor starts at (from
    0, as the drawing part counts them) and its paragraphs."""

    row: int
    column: int
    lines: tuple[str, ...]


_XDR = "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


@dataclass(frozen=True)
class _SheetParts:
    """What an .xlsx sheet holds outside its cells that openpyxl does not give as written: the text boxes
    drawn on it (in the order of their anchors) and the codes of the page header and footer its first
    page prints (the first page's own when it has one, 「首页不同」)."""

    boxes: tuple[_DrawnText, ...] = ()
    header: str = ""
    footer: str = ""


def _sheet_parts(data: bytes) -> dict[str, _SheetParts]:
    """Each sheet's text boxes and shapes with text (row, then column; a group's shapes in their order
    within it) and its printed header's and footer's codes, by the sheet's name. {} for a package whose
    parts cannot be followed (its cells are read all the same).

    The codes are read from the sheet's ``headerFooter`` as written: openpyxl's reading of them keeps
    colour and outline codes in the text and takes a year after a type size for the size."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    out: dict[str, _SheetParts] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())

            def xml(path: str):  # type: ignore[no-untyped-def]
                return etree.fromstring(package.read(path), parser)

            def targets(path: str) -> dict[str, str]:
                folder, _, base = path.rpartition("/")
                rels = f"{folder}/_rels/{base}.rels"
                if rels not in names:
                    return {}
                # a target is relative to the part's folder, or to the package's root when it opens with
                # 「/」 (openpyxl writes its sheets so: they were not found, nor their boxes or margins)
                return {
                    rel.get("Id") or "": posixpath.normpath(
                        posixpath.join(folder, rel.get("Target") or "")
                    ).lstrip("/")
                    for rel in xml(rels).iter(_REL + "Relationship")
                    if rel.get("TargetMode") != "External"
                }

            sheets = targets("xl/workbook.xml")
            for sheet in xml("xl/workbook.xml").iter(_MAIN + "sheet"):
                path = sheets.get(sheet.get(_R_ID) or "")
                if path is None or path not in names:
                    continue
                root = xml(path)
                drawings = targets(path)
                found: list[_DrawnText] = []
                for drawing in root.iter(_MAIN + "drawing"):
                    part = drawings.get(drawing.get(_R_ID) or "")
                    if part is not None and part in names:
                        found.extend(_anchored_texts(xml(part)))
                margins = root.find(_MAIN + "headerFooter")
                header = footer = ""
                if margins is not None:
                    first = margins.get("differentFirst") in ("1", "true")
                    header, footer = (
                        "".join(margins.findtext(_MAIN + ("first" if first else "odd") + side) or "")
                        for side in ("Header", "Footer")
                    )
                out[sheet.get("name") or ""] = _SheetParts(
                    tuple(sorted(found, key=lambda box: (box.row, box.column))), header, footer
                )
    except (*ZIP_DAMAGE, KeyError, etree.XMLSyntaxError):
        return {}
    return out


def _anchored_texts(drawing) -> list[_DrawnText]:  # type: ignore[no-untyped-def]
    """The texts of one drawing part's anchors (two-cell, one-cell, absolute: an absolute one counts as
    anchored at the sheet's first cell). A shape's paragraphs are its ``a:p``, runs and fields joined."""
    out = []
    for anchor in drawing:
        if not isinstance(anchor.tag, str) or not anchor.tag.endswith("Anchor"):
            continue
        start = anchor.find(_XDR + "from")
        row = _anchor_number(start, "row")
        column = _anchor_number(start, "col")
        lines = []
        for body in anchor.iter(_XDR + "txBody"):
            for paragraph in body.iter(_A + "p"):
                text = "".join(t.text or "" for t in paragraph.iter(_A + "t")).strip()
                if text:
                    lines.append(text)
        if lines:
            out.append(_DrawnText(row, column, tuple(lines)))
    return out


def _anchor_number(start, name: str) -> int:  # type: ignore[no-untyped-def]
    found = start.find(_XDR + name) if start is not None else None
    try:
        return int((found.text or "0").strip()) if found is not None else 0
    except ValueError:
        return 0


def _comment_text(text: str, author: str) -> str:
    """A cell's comment (Excel's, WPS's or Calc's 批注) as one line: the 「作者:」 line Excel and WPS open it
    with dropped, its lines joined. "" for none. The first line is dropped only when it is that author line:
    the comment's author's name, or — the author lost on the way (LibreOffice keeps no author of an Excel
    note it converts) — Excel's form, alone on its line with Excel's ASCII colon, of a person's name (a
    common surname and two characters, 「贺兰芝:」, or a unit's name ending in 科/处/室… before it,
    「财务科贺兰芝:」). A label the reviewer typed over its text (「停办原因:」, 「备注:」) is kept: layout65
    dropped it."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    author = author.strip()
    signed = bool(lines) and bool(author) and lines[0].rstrip(":：").strip() == author
    unsigned = len(lines) >= 2 and not author and bool(_SIGNATURE.fullmatch(lines[0]))
    return "".join(lines[1:] if signed or unsigned else lines)


# Common Chinese surnames (the hundred most frequent, one character each)
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
# Excel's author line with the author's name lost: a person's name (a surname and two characters; a two-
# character name is too like a label, 「金额:」, and is kept) after a unit's name or none, and the colon alone
_SIGNATURE = re.compile(rf"(?:[^\s:：,，。；;、]{{0,12}}[科处室局部组办队站所院])?[{_SURNAMES}][{HAN}]{{2}}:")


def _commented(
    cells: list[str], remarks: dict[int, str], above_table: bool, header_notes: list[str]
) -> list[str]:
    """A row's cells with the comments made on them (by the cell's place in the row): in a body row each is
    read beside the value it is about, 「34370（批注：…）」; on the header's cells or above them each becomes a
    note after the table, 「补贴金额（元）（批注）：…」 (appended to `header_notes`). The same in every
    workbook format."""
    if not remarks:
        return cells
    cells = list(cells)
    for n, comment in sorted(remarks.items()):
        if above_table:
            header_notes.append(f"{cells[n]}（批注）：{comment}")
        else:
            cells[n] = f"{cells[n]}（批注：{comment}）"
    return cells


def _outside(
    rows: Sequence[Sequence[str]], remarks: Sequence[dict[int, str]], outside: list[str]
) -> list[dict[int, str]]:
    """Each row's comments that are on the table — in a row and a column holding a value — and every other
    (a comment on an empty cell right of the table, or in an empty row) appended to `outside` as 「批注：…」, a
    note read after the table: the same in every workbook format (layout65 read one in an .ods as a column
    of its own, and every row lost its header's labels; an .xlsx's and an .xls's were not read)."""
    valued = {n for cells in rows for n, c in enumerate(cells) if c.strip()}
    kept: list[dict[int, str]] = []
    for cells, noted in zip(rows, remarks, strict=True):
        here = any(c.strip() for c in cells)
        kept.append({n: t for n, t in noted.items() if here and n in valued})
        outside.extend(f"批注：{t}" for n, t in sorted(noted.items()) if not (here and n in valued))
    return kept


def _header_row(rows: Sequence[Sequence[str]]) -> int | None:
    """The index of a sheet's first row of two or more filled cells (its table's header), None for none."""
    return next((n for n, cells in enumerate(rows) if sum(bool(c.strip()) for c in cells) >= 2), None)


def _noted(rows: list[list[str]], wide: list[int], header_notes: list[str]) -> None:
    """Put the header's comments after the table, each a row of one cell read as it stands."""
    width = max((len(cells) for cells in rows), default=1)
    for note in header_notes:
        wide.append(len(rows))
        rows.append([note, *([""] * (width - 1))])


# A formula a program wrote without calculating it (XlsxWriter, a system's export) is stored with 0 as its
# value and the workbook told to be calculated when opened (``fullCalcOnLoad``): Excel shows the result,
# the file holds none. The aggregates a 合计 row uses over a range of its own sheet are worked out here as
# Excel would; any other such formula shows nothing rather than the 0 that was never its value.
_AGGREGATE = re.compile(
    r"^=?\s*(?P<name>SUM|COUNTA|COUNT|AVERAGE|MAX|MIN)\(\s*\$?(?P<c0>[A-Z]{1,3})\$?(?P<r0>\d+)\s*:"
    r"\s*\$?(?P<c1>[A-Z]{1,3})\$?(?P<r1>\d+)\s*\)$",
    re.IGNORECASE,
)


def _recalculated(data: bytes, book) -> dict[tuple[str, int, int], object]:  # type: ignore[no-untyped-def]
    """The values of a workbook's formulas where the file holds none that Excel would show (its workbook
    asks to be calculated on opening): {(sheet, row, column): value}; {} for a workbook saved calculated."""
    import openpyxl
    from openpyxl.utils import column_index_from_string

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            workbook = package.read("xl/workbook.xml")
    except (KeyError, zipfile.BadZipFile):
        return {}
    if not re.search(rb"<(?:\w+:)?calcPr\b[^>]*\bfullCalcOnLoad=\"(?:1|true)\"", workbook):
        return {}
    formulas = openpyxl.load_workbook(io.BytesIO(data), data_only=False, read_only=False)
    out: dict[tuple[str, int, int], object] = {}
    for ws in formulas.worksheets:
        if ws.title not in book.sheetnames or not hasattr(ws, "_cells"):
            continue
        values = book[ws.title]._cells
        for (r, c), cell in ws._cells.items():
            if cell.data_type != "f" or not isinstance(cell.value, str):
                continue
            out[(ws.title, r, c)] = None
            found = _AGGREGATE.match(cell.value.strip())
            if found is None:
                continue
            rows = range(int(found["r0"]), int(found["r1"]) + 1)
            cols = range(
                column_index_from_string(found["c0"].upper()),
                column_index_from_string(found["c1"].upper()) + 1,
            )
            if (r in rows and c in cols) or any(
                ws._cells.get((y, x)) is not None and ws._cells[(y, x)].data_type == "f"
                for y in rows
                for x in cols
            ):
                continue  # a range holding formulas of its own (or this one): not worked out here
            held = [values[(y, x)].value for y in rows for x in cols if (y, x) in values]
            held = [v for v in held if v is not None and v != ""]
            numbers = [v for v in held if isinstance(v, int | float) and not isinstance(v, bool)]
            name = found["name"].upper()
            if name == "COUNTA":
                out[(ws.title, r, c)] = len(held)
            elif name == "COUNT":
                out[(ws.title, r, c)] = len(numbers)
            elif numbers and name == "SUM":
                out[(ws.title, r, c)] = sum(numbers)
            elif numbers and name == "AVERAGE":
                out[(ws.title, r, c)] = sum(numbers) / len(numbers)
            elif numbers and name in ("MAX", "MIN"):
                out[(ws.title, r, c)] = max(numbers) if name == "MAX" else min(numbers)
    return out


# --- BIFF (.xls, an old .et) --------------------------------------------------------------------


def _xls_grids(name: str, data: bytes) -> list[Grid]:
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=False)
    except xlrd.XLRDError as e:
        if "encrypt" in str(e).lower():
            raise UnreadableFile(_password(name)) from e
        raise damaged(f"{name} 不是有效的 Excel 工作簿（内容已损坏）") from e
    except Exception as e:  # a cut-short stream: struct.error, IndexError, AssertionError…
        raise damaged(f"{name} 不是有效的 Excel 工作簿（内容已损坏或不完整）") from e
    drawn = _xls_sheet_parts(data)
    grids = []
    for sheet in book.sheets():
        if sheet.visibility != 0:
            continue
        top: int | None = None  # the first row holding a cell
        hidden_columns = {c for c, info in sheet.colinfo_map.items() if info.hidden}
        spans = {(r0, c0): c1 - c0 for r0, _, c0, c1 in sheet.merged_cells if c1 - c0 > 1}
        rows: list[list[str]] = []
        wide: list[int] = []
        # each row read: its index, cells, filled columns and comments (by the cell's place in the row)
        read: list[tuple[int, list[str], list[int], dict[int, str]]] = []
        for r in range(sheet.nrows):
            info = sheet.rowinfo_map.get(r)
            if info is not None and info.hidden:
                continue
            cells = []
            filled = []
            remarks: dict[int, str] = {}
            for c in range(sheet.ncols):
                if c in hidden_columns:
                    continue
                if (note := sheet.cell_note_map.get((r, c))) is not None and (
                    comment := _comment_text(str(note.text or ""), str(note.author or ""))
                ):
                    remarks[len(cells)] = comment
                cell = sheet.cell(r, c)
                value: object = cell.value
                if cell.ctype == xlrd.XL_CELL_DATE:
                    with contextlib.suppress(ValueError, OverflowError, xlrd.xldate.XLDateError):
                        value = xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
                elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                    value = bool(cell.value)
                elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
                    value = None
                xf = book.xf_list[cell.xf_index] if cell.xf_index is not None else None
                form = (
                    book.format_map[xf.format_key].format_str
                    if xf and xf.format_key in book.format_map
                    else ""
                )
                text = cell_text(value, form or "General")
                if text:
                    filled.append(c)
                cells.append(text)
            if filled and top is None:
                top = r
            read.append((r, cells, filled, remarks))
        header = _header_row([cells for _, cells, _, _ in read])
        outside: list[str] = []  # comments on no cell of the table: notes after it
        kept = _outside([cells for _, cells, _, _ in read], [remarks for *_, remarks in read], outside)
        # a comment on a cell past the sheet's last row or column (on an empty cell) is after it too
        for (r, c), note in sorted(sheet.cell_note_map.items()):
            info = sheet.rowinfo_map.get(r)
            if (
                (r < sheet.nrows and c < sheet.ncols)
                or c in hidden_columns
                or (info is not None and info.hidden)
            ):
                continue
            if comment := _comment_text(str(note.text or ""), str(note.author or "")):
                outside.append(f"批注：{comment}")
        header_notes: list[str] = []  # comments on the header's cells (or above it): notes after the table
        for n, (r, cells, filled, _) in enumerate(read):
            cells = _commented(cells, kept[n], header is None or n <= header, header_notes)
            if len(filled) == 1 and spans.get((r, filled[0]), 1) > 1:
                wide.append(len(rows))
            elif len(filled) == 2 and (span := spans.get((r, filled[1]), 1)) > 1:
                visible = [c for c in range(sheet.ncols) if c not in hidden_columns]
                positions = [visible.index(c) for c in filled]
                if (one := _labelled_note(cells, positions, filled[1] + span >= sheet.ncols)) is not None:
                    cells = one
                    wide.append(len(rows))
            rows.append(cells)
        _noted(rows, wide, header_notes + outside)
        own = drawn.get(sheet.name, _SheetParts())
        boxes = _with_margins(rows, own.boxes, printed_lines(own.header), printed_lines(own.footer))
        grids.append(_boxed_grid(sheet.name, rows, wide, boxes, top))
    return grids


# BIFF8 records (Microsoft's [MS-XLS] 2.3): where a sheet's text boxes, page header and footer are
_BOF, _EOF, _BOUNDSHEET, _MSODRAWING, _OBJ, _TXO, _CONTINUE, _HEADER, _FOOTER = (
    0x0809,
    0x000A,
    0x0085,
    0x00EC,
    0x005D,
    0x01B6,
    0x003C,
    0x0014,
    0x0015,
)
_NOTE_OBJECT = 0x19  # an OBJ of a cell's comment: no box, skipped (xlrd reads the comment: cell_note_map)
# an OfficeArt ClientAnchor record's header (type 0xF010, 18 bytes): the cell a shape's top left is in
_CLIENT_ANCHOR = re.compile(rb"[\x00-\xff]{2}\x10\xf0\x12\x00\x00\x00", re.DOTALL)


def _xls_sheet_parts(data: bytes) -> dict[str, _SheetParts]:
    """Every text box and shape with text on each sheet of an Excel 97–2003 workbook (a WPS .et in that
    format too), in the order of their anchors, and the codes of its printed page header and footer, by the
    sheet's name: xlrd reads neither, so the BIFF records of the 「Workbook」 stream are followed — a
    sheet's MSODRAWING holds each shape's anchor (its ClientAnchor: the cell at its top left), its OBJ the
    shape's kind (a cell's comment is no box: skipped, and read with its cell), and a TXO with the CONTINUE
    records after it the box's text; its HEADER and FOOTER records the codes (an XLUnicodeString, in Excel's
    header grammar, read by corpus.margin_codes as an .xlsx's are). {} where the stream cannot be followed
    (its cells are read all the same)."""
    import struct

    found = cfb.streams(data, ("Workbook", "Book")) or {}
    stream = found.get("Workbook") or found.get("Book") or b""
    out: dict[str, list[_DrawnText]] = {}
    margins: dict[str, dict[int, str]] = {}
    try:
        records = []
        at = 0
        while at + 4 <= len(stream):
            kind, size = struct.unpack_from("<HH", stream, at)
            records.append((at, kind, stream[at + 4 : at + 4 + size]))
            at += 4 + size
        sheets: dict[int, str] = {}
        for _, kind, body in records:
            if kind == _BOUNDSHEET and len(body) >= 8:
                length, wide = body[6], body[7] & 1
                raw = body[8 : 8 + length * (2 if wide else 1)]
                sheets[struct.unpack_from("<I", body)[0]] = raw.decode("utf-16-le" if wide else "latin-1")
        name: str | None = None
        depth = 0
        anchor = (0, 0)
        shape = 0
        for n, (offset, kind, body) in enumerate(records):
            if kind == _BOF:
                depth += 1
                if depth == 1:
                    name = sheets.get(offset)
            elif kind == _EOF:
                depth -= 1
                if depth == 0:
                    name = None
            elif name is None or depth != 1:
                continue
            elif kind == _MSODRAWING and (hit := _CLIENT_ANCHOR.search(body)) is not None:
                at = hit.end()
                if at + 8 <= len(body):
                    column, _, row = struct.unpack_from("<HHH", body, at + 2)
                    anchor = (row, column)
            elif kind == _OBJ and len(body) >= 6 and body[:2] == b"\x15\x00":
                shape = struct.unpack_from("<H", body, 4)[0]
            elif kind in (_HEADER, _FOOTER) and len(body) >= 3 and name is not None:
                count, wide = struct.unpack_from("<H", body)[0], body[2] & 1
                raw = body[3 : 3 + count * (2 if wide else 1)]
                margins.setdefault(name, {})[kind] = raw.decode("utf-16-le" if wide else "latin-1")
            elif kind == _TXO and len(body) >= 12 and shape != _NOTE_OBJECT:
                count = struct.unpack_from("<H", body, 10)[0]
                text = _continued_text(records[n + 1 :], count)
                lines = tuple(line for line in (" ".join(x.split()) for x in text.splitlines()) if line)
                if lines and name is not None:
                    out.setdefault(name, []).append(_DrawnText(anchor[0], anchor[1], lines))
    except (struct.error, UnicodeDecodeError, IndexError):
        return {}
    for boxes in out.values():
        boxes.sort(key=lambda box: (box.row, box.column))
    return {
        sheet: _SheetParts(
            tuple(out.get(sheet, ())),
            margins.get(sheet, {}).get(_HEADER, ""),
            margins.get(sheet, {}).get(_FOOTER, ""),
        )
        for sheet in {*out, *margins}
    }


def _continued_text(records: list[tuple[int, int, bytes]], count: int) -> str:
    """The `count` characters a TXO's CONTINUE records hold, each opening with its flag byte (1: UTF-16,
    0: one byte a character)."""
    parts: list[str] = []
    left = count
    for _, kind, body in records:
        if kind != _CONTINUE or left <= 0 or not body:
            break
        wide = body[0] & 1
        chars = body[1:].decode("utf-16-le" if wide else "latin-1", errors="replace")[:left]
        parts.append(chars)
        left -= len(chars)
    return "".join(parts)


# --- OpenDocument (.ods) ------------------------------------------------------------------------

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_MAX_REPEAT = 10_000  # a row or cell repeated to the sheet's end (1,048,576 rows) is empty: not expanded


def _ods_grids(name: str, data: bytes) -> list[Grid]:
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            root = etree.fromstring(archive.read("content.xml"), etree.XMLParser(resolve_entities=False))
            styles_root = (
                etree.fromstring(archive.read("styles.xml"), etree.XMLParser(resolve_entities=False))
                if "styles.xml" in archive.namelist()
                else None
            )
    except (*ZIP_DAMAGE, KeyError, etree.XMLSyntaxError) as e:
        raise damaged(f"{name} 不是有效的 OpenDocument 表格（内容已损坏）") from e
    margins = _ods_margins(root, styles_root)
    hidden_styles = {
        style.get(f"{_STYLE}name")
        for style in root.iter(f"{_STYLE}style")
        for props in style.iter(f"{_STYLE}table-properties")
        if props.get(f"{_TABLE}display") == "false"
    }
    grids = []
    for table in root.iter(f"{_TABLE}table"):
        if table.get(f"{_TABLE}style-name") in hidden_styles:
            continue
        hidden_columns: set[int] = set()
        column = 0
        for col in table.iter(f"{_TABLE}table-column"):
            repeat = min(int(col.get(f"{_TABLE}number-columns-repeated", "1")), _MAX_REPEAT)
            if col.get(f"{_TABLE}visibility", "visible") != "visible":
                hidden_columns.update(range(column, column + repeat))
            column += repeat
        rows: list[list[str]] = []
        wide: list[int] = []
        # each row's cells, and where its last filled cell's merge ends (a column index), for the note rows,
        # and its comments (by the cell's place in the row)
        read: list[tuple[list[str], int, int, dict[int, str]]] = []
        boxes = _page_shapes(table)  # shapes anchored to the page (table:shapes), placed by their height
        at_row = 0  # the row's index in the sheet, empty rows counted (as a shape's anchor counts them)
        top: int | None = None  # the first row holding a cell
        for row in table.iter(f"{_TABLE}table-row"):
            repeat = int(row.get(f"{_TABLE}number-rows-repeated", "1"))
            cells: list[str] = []
            noted: dict[int, str] = {}  # the comments on the row's cells, by their place in it
            spanned = 1
            merge_end = -1
            for cell in row:
                if cell.tag not in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
                    continue
                # a text box or shape anchored to the cell (Calc's 「锚定到单元格」, and how it saves a box
                # converted from Excel): its paragraphs are no text of the cell
                for shape in cell:
                    if (lines := _shape_lines(shape)) is not None:
                        boxes.append(_DrawnText(at_row, len(cells), lines))
                times = min(int(cell.get(f"{_TABLE}number-columns-repeated", "1")), _MAX_REPEAT)
                for annotation in cell.iterfind(f"{_OFFICE}annotation"):
                    said = "\n".join(shown_text(p) for p in annotation.iter(f"{_TEXT}p"))
                    author = "".join(a.text or "" for a in annotation.iterfind(f"{_DC}creator"))
                    if comment := _comment_text(said, author):
                        noted[len(cells)] = comment
                text = "\n".join(shown_text(p) for p in cell.iterfind(f"{_TEXT}p"))
                if text.strip() and cell.tag == f"{_TABLE}table-cell":
                    span = int(cell.get(f"{_TABLE}number-columns-spanned", "1"))
                    spanned = max(spanned, span)
                    merge_end = len(cells) + span - 1 if span > 1 else -1
                cells.extend([text] * times)
            shown = [n for n in range(len(cells)) if n not in hidden_columns]
            remarks = {shown.index(n): comment for n, comment in noted.items() if n in shown}
            cells = [cells[n] for n in shown]
            at_row += min(repeat, _MAX_REPEAT * 100)
            if row.get(f"{_TABLE}visibility", "visible") != "visible":
                continue
            if not any(c.strip() for c in cells):
                if remarks:  # a comment in an empty row: after the table
                    read.append((cells, 1, -1, remarks))
                continue
            top = at_row - min(repeat, _MAX_REPEAT * 100) if top is None else top
            for _ in range(min(repeat, _MAX_REPEAT)):
                read.append((cells, spanned, merge_end, remarks))
        outside: list[str] = []  # comments on no cell of the table: notes after it
        kept = _outside([cells for cells, *_ in read], [remarks for *_, remarks in read], outside)
        read = [
            (cells, spanned, merge_end, here)
            for (cells, spanned, merge_end, _), here in zip(read, kept, strict=True)
            if any(c.strip() for c in cells)  # an empty row read for its comment only: gone
        ]
        last = max((n for cells, *_ in read for n, c in enumerate(cells) if c.strip()), default=0)
        header = _header_row([cells for cells, *_ in read])
        header_notes: list[str] = []  # comments on the header's cells (or above it): notes after the table
        for at, (cells, spanned, merge_end, remarks) in enumerate(read):
            filled = [n for n, c in enumerate(cells) if c.strip()]
            cells = _commented(cells, remarks, header is None or at <= header, header_notes)
            if len(filled) == 1 and spanned > 1:
                wide.append(len(rows))
            elif (one := _labelled_note(cells, filled, merge_end >= last)) is not None:
                cells = one
                wide.append(len(rows))
            rows.append(cells)
        _noted(rows, wide, header_notes + outside)
        boxes.sort(key=lambda box: (box.row, box.column))
        header, footer = margins.get(table.get(f"{_TABLE}style-name") or "", ((), ()))
        boxes = _with_margins(rows, boxes, header, footer)
        grids.append(_boxed_grid(table.get(f"{_TABLE}name", ""), rows, wide, boxes, top))
    return grids


# what an .ods's header or footer region holds that prints no word of the sheet's own: no field
_ODF_PLAIN = frozenset(f"{_TEXT}{tag}" for tag in ("span", "s", "tab", "line-break", "a", "soft-page-break"))


def _ods_margins(root, styles_root) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    """The lines an .ods's sheets print in their page header and footer, by the sheet's table style (whose
    style:master-page-name names its page style, in styles.xml): the first page's (style:header-first,
    style:footer-first, Calc's 「首页不同」) when it has its own, else the header and footer every page has
    (one turned off, style:display="false", prints nothing). Each region (left, centre, right, in that
    order; a header without regions is one) is a line, its paragraphs joined by a space; a region holding a
    field (the page number, the page count, the date, the sheet's or the file's name) prints the printing's
    words, not the sheet's: page furniture, not read — as an .xlsx's are (corpus.margin_codes)."""
    if styles_root is None:
        return {}
    pages = {page.get(f"{_STYLE}name"): page for page in styles_root.iter(f"{_STYLE}master-page")}
    out = {}
    for style in root.iter(f"{_STYLE}style"):
        page = pages.get(style.get(f"{_STYLE}master-page-name"))
        if style.get(f"{_STYLE}family") != "table" or page is None:
            continue
        out[style.get(f"{_STYLE}name") or ""] = (
            _ods_margin_lines(page, "header"),
            _ods_margin_lines(page, "footer"),
        )
    return out


def _ods_margin_lines(page, side: str) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """The lines of a page style's first-page (else every page's) header or footer (`side`)."""
    margin = page.find(f"{_STYLE}{side}-first")
    if margin is None or margin.get(f"{_STYLE}display") == "false":
        margin = page.find(f"{_STYLE}{side}")
    if margin is None or margin.get(f"{_STYLE}display") == "false":
        return ()
    regions = [margin.find(f"{_STYLE}region-{place}") for place in ("left", "center", "right")]
    parts = [region for region in regions if region is not None] or [margin]
    lines = []
    for part in parts:
        paragraphs = list(part.iterfind(f"{_TEXT}p"))
        if any(
            isinstance(e.tag, str) and e.tag.startswith(_TEXT) and e.tag not in _ODF_PLAIN
            for p in paragraphs
            for e in p.iterdescendants()
        ):
            continue
        line = " ".join(" ".join(shown_text(p).split()) for p in paragraphs).strip()
        if line:
            lines.append(line)
    return tuple(lines)


_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"
_FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"


def _shape_lines(shape) -> tuple[str, ...] | None:  # type: ignore[no-untyped-def]
    """The paragraphs of a shape drawn on a sheet (a text box: draw:frame › draw:text-box, or draw:custom-shape,
    draw:rect …, a group's shapes in their order), None for what is no drawing or holds no text (a picture,
    a chart). A cell's comment (office:annotation) is no drawing: it is read with its cell."""
    if not isinstance(shape.tag, str) or not shape.tag.startswith(_DRAW):
        return None
    lines = tuple(
        line
        for p in shape.iter(f"{_TEXT}p")
        if not any(a.tag == f"{_DRAW}object" for a in p.iterancestors())
        for line in (" ".join(shown_text(p).split()),)
        if line
    )
    return lines or None


_LENGTH = re.compile(r"^\s*(-?[0-9.]+)\s*(in|cm|mm|pt|pc|px)?\s*$")
_INCH = {"in": 1.0, "cm": 1 / 2.54, "mm": 1 / 25.4, "pt": 1 / 72, "pc": 1 / 6, "px": 1 / 96, None: 1.0}


def _inches(value: str | None) -> float | None:
    found = _LENGTH.match(value or "")
    return float(found.group(1)) * _INCH[found.group(2)] if found else None


def _page_shapes(table) -> list[_DrawnText]:  # type: ignore[no-untyped-def]
    """The shapes with text a sheet anchors to its page (table:shapes), each placed at the row its top
    (svg:y) falls in, from the rows' heights (their styles' style:row-height; 0.178 in, Calc's default,
    where a row names none)."""
    shapes = [
        (shape, lines)
        for holder in table.iterfind(f"{_TABLE}shapes")
        for shape in holder
        if (lines := _shape_lines(shape)) is not None
    ]
    if not shapes:
        return []
    root = table.getroottree().getroot()
    heights = {
        style.get(f"{_STYLE}name"): _inches(props.get(f"{_STYLE}row-height"))
        for style in root.iter(f"{_STYLE}style")
        for props in style.iterfind(f"{_STYLE}table-row-properties")
    }
    bottoms: list[float] = []  # each row's bottom edge, in inches, up to the lowest shape
    lowest = max(_inches(shape.get(f"{_SVG}y")) or 0.0 for shape, _ in shapes)
    edge = 0.0
    for row in table.iter(f"{_TABLE}table-row"):
        height = heights.get(row.get(f"{_TABLE}style-name")) or 0.178
        for _ in range(min(int(row.get(f"{_TABLE}number-rows-repeated", "1")), _MAX_REPEAT)):
            edge += height
            bottoms.append(edge)
            if edge > lowest:
                break
        if edge > lowest:
            break
    out = []
    for shape, lines in shapes:
        y = _inches(shape.get(f"{_SVG}y")) or 0.0
        x = _inches(shape.get(f"{_SVG}x")) or 0.0
        row = next((n for n, bottom in enumerate(bottoms) if y < bottom), len(bottoms))
        out.append(_DrawnText(row, int(x * 100), lines))
    return out


# --- CSV ----------------------------------------------------------------------------------------


def _csv_grid(name: str, data: bytes) -> Grid:
    text, _ = decode_text(name, data)
    sample = text[:4096]
    counts = {d: sample.count(d) for d in (",", "\t", ";", "，")}
    delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as e:
        raise UnreadableFile(f"{name} 不是有效的 CSV 表格：{e}") from e
    return _grid("", rows)  # a CSV is one sheet without a name


# --- cells as displayed -------------------------------------------------------------------------


def cell_text(value: object, number_format: str = "General") -> str:
    """A cell's value as the office suite displays it with `number_format`: text as typed, a date or a
    time by the format's date codes (「2027年9月8日」, 「7:30」), a number with its separators, decimals,
    percent sign and currency (「2,600.00」, 「15%」, 「¥1,200.00」), a whole number without 「.0」."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return _date_text(value, number_format)
    if isinstance(value, dt.timedelta):
        total = int(value.total_seconds())
        return f"{total // 3600}:{total % 3600 // 60:02d}"
    if isinstance(value, int | float):
        try:
            return _number_text(float(value), number_format)
        except (ArithmeticError, IndexError, ValueError):
            # a format this reading does not follow for this value (a code past its reach, a number past
            # Chinese numerals' 万亿): the number as General shows it, never a failed file
            return _general(float(value))
    return str(value).strip()


def _general(number: float) -> str:
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return f"{number:.10g}"


_BRACKET = re.compile(r"\[[^\]]*\]")
_QUOTED = re.compile(r'"([^"]*)"|\\(.)|_.|\*.')


def _sections(form: str) -> list[str]:
    out, current, quoted = [], [], False
    for ch in form:
        if ch == '"':
            quoted = not quoted
        if ch == ";" and not quoted:
            out.append("".join(current))
            current = []
        else:
            current.append(ch)
    out.append("".join(current))
    return out


def _literal(part: str) -> str:
    """A format's literal text: quoted strings and escaped characters as they are, [$¥-804] as its
    symbol, other bracketed codes (colours, locales, conditions) and padding dropped."""
    part = re.sub(r"\[\$([^\]-]*)(?:-[0-9A-Fa-f]+)?\]", lambda m: f'"{m.group(1)}"', part)
    part = _BRACKET.sub("", part)
    return _QUOTED.sub(lambda m: m.group(1) if m.group(1) is not None else (m.group(2) or ""), part)


# room for any double's digits when a number is rounded to a format's decimals (1e30 under 「0.00」 needs 33;
# the default context's 28 raised InvalidOperation)
_WIDE = Context(prec=400)
_NUMBER_CODE = re.compile(r"[#0?,.]*[0#?][#0?,.]*(?:[Ee][+-][0#]+)?")


def _number_text(number: float, form: str) -> str:
    form = form or "General"
    sections = _sections(form)
    section = sections[0]
    negative_own = False
    if number < 0 and len(sections) > 1 and sections[1].strip():
        section, negative_own = sections[1], True
    elif number == 0 and len(sections) > 2 and sections[2].strip():
        section = sections[2]
    plain = _BRACKET.sub("", section)
    kind = _dbnum(section)
    shape = 0 if kind else _numeral_shape(section)
    fraction = _FRACTION_CODE.search(_masked(plain))
    if shape:
        shown = _number_text(number, _LOCALE_CODE.sub("", form))
        if _SCIENTIFIC.search(_masked(plain)):  # Calc writes an exponent in figures (「1.56E+03」)
            return shown
        shaped = _shaped(shown, shape)
        # General and a fraction keep their ASCII minus (Calc: 「-三六」, 「-三六 一/二」; under 「0.00」 「－三六．五〇」)
        return shaped.replace("－", "-") if plain.strip().lower() in ("general", "") or fraction else shaped
    if fraction is not None:
        value = abs(number) if negative_own else number
        return (
            _literal(plain[: fraction.start()])
            + _fraction_text(value, fraction)
            + _literal(plain[fraction.end() :])
        )
    if plain.strip().lower() in ("general", "") or plain.strip() == "@":
        text = _numerals(_general(abs(number) if negative_own else number), kind)
        return _literal(section.replace("General", "").replace("general", "").replace("@", "")) + text
    general = re.search(
        r"(?i)general", re.sub(r'"[^"]*"|\\.|_.|\*.', lambda m: "\x00" * len(m.group(0)), plain)
    )
    if general is not None and not _NUMBER_CODE.search(plain.replace(general.group(0), "")):
        # 「General」 with literal text about it (「[DBNum2][$-804]General"元整"」: 「壹仟伍佰陆拾元整」): the number
        # as General shows it, in its place among the literals (the word was read as literal text before)
        text = _numerals(_general(abs(number) if negative_own else number), kind)
        return _literal(plain[: general.start()]) + text + _literal(plain[general.end() :])
    if re.search(r"(?i)[ymdhs]", re.sub(r'"[^"]*"|\\.', "", plain)) and not _NUMBER_CODE.search(plain):
        return _general(number)  # a date code on a number not stored as a date: shown as the number
    # the number's code, with the literal text around it
    unquoted = re.sub(r'"[^"]*"|\\.|_.|\*.', lambda m: "\x00" * len(m.group(0)), section)
    match = _NUMBER_CODE.search(_BRACKET.sub(lambda m: "\x00" * len(m.group(0)), unquoted))
    if match is None:
        return _literal(section) or _general(number)
    code = match.group(0)
    value = abs(number) if negative_own else number
    if "%" in section[match.end() :] or "%" in code:
        value *= 100
    if "E" in code.upper():
        decimals = len(code.split(".")[1].upper().split("E")[0]) if "." in code else 0
        shown = f"{value:.{decimals}E}"
    else:
        integer, _, fraction = code.partition(".")
        decimals = sum(1 for c in fraction if c in "0#?")
        thousands = "," in integer
        trailing_commas = len(integer) - len(integer.rstrip(","))
        value /= 1000**trailing_commas
        # rounded half away from zero, as Excel and LibreOffice show a number (Python's own formatting
        # rounds half to even: 12.5 under 「0」 was 「12」, not 「13」), from the shortest decimal that reads
        # back as the stored value (2.675 is 2.67499… in binary, shown 2.68)
        rounded = Decimal(repr(value)).quantize(
            Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP, context=_WIDE
        )
        shown = f"{rounded:,.{decimals}f}" if thousands else f"{rounded:.{decimals}f}"
        if fraction and all(c == "#" for c in fraction if c in "0#?") and "." in shown:
            shown = shown.rstrip("0").rstrip(".")
    shown = _numerals(shown, kind)
    return _literal(section[: match.start()]) + shown + _literal(section[match.end() :])


def _masked(plain: str) -> str:
    """A section with its literals (quoted text, escaped characters, padding) blanked out, position for
    position: a literal of spaces alone (Excel's escaped space 「#\\ ?/?」, 「#" "?/?」) as spaces, the
    gap between a fraction's whole part and its numerator; any other as NULs."""
    return re.sub(
        r'"[^"]*"|\\.|_.|\*.',
        lambda m: (
            " " * len(m.group(0))
            if m.group(0).strip('"\\').isspace() and m.group(0)[0] != "_"
            else "\x00" * len(m.group(0))
        ),
        plain,
    )


_SCIENTIFIC = re.compile(r"[0#?][Ee][+-][0#]")

# a fraction code: an optional whole part (「#」, 「0」, 「#,##0」) and a space, then the numerator's digits, 「/」 and
# the denominator's (「?/?」, 「??/??」: the closest fraction with at most that many digits below) or a fixed
# denominator (「?/4」, 「?/8」)
_FRACTION_CODE = re.compile(r"(?:(?P<whole>[#0?,]*[#0?])\s+)?(?P<top>[#0?]+)/(?P<bottom>[#0?]+|[1-9]\d*)")


def _fraction_text(number: float, code: re.Match[str]) -> str:
    """A number under a fraction code, as Excel and Calc show it: 1.25 under 「# ?/?」 「1 1/4」, 0.5 「1/2」 (no
    whole part shown when it is 0 and its code is 「#」), under 「?/?」 「5/4」, under 「# ?/8」 「1 2/8」; a
    fraction that rounds to nothing shows the whole part alone (7.999 under 「# ?/?」: 「8」)."""
    if not math.isfinite(number):
        raise ValueError("no fraction of an infinite number")
    sign = "-" if number < 0 else ""
    value = Fraction(repr(abs(number)))
    bottom_code = code.group("bottom")
    whole_code = code.group("whole")
    if bottom_code.isdigit():
        denominator = int(bottom_code)
        numerator = _half_up(value * denominator)
        approx = Fraction(numerator, denominator)
    else:
        approx = value.limit_denominator(10 ** len(bottom_code) - 1)
        numerator, denominator = approx.numerator, approx.denominator
    if whole_code is None:  # an improper fraction: 「5/4」, 「10/1」
        return f"{sign}{numerator}/{denominator}"
    whole = int(approx) if not bottom_code.isdigit() else numerator // denominator
    numerator -= whole * denominator
    shown_whole = f"{whole:,}" if "," in whole_code else str(whole)
    if numerator == 0:
        return sign + shown_whole
    part = f"{numerator}/{denominator}"
    if whole == 0 and "0" not in whole_code:
        return sign + part
    return f"{sign}{shown_whole} {part}"


def _half_up(value: Fraction) -> int:
    return int(value + Fraction(1, 2)) if value >= 0 else -int(-value + Fraction(1, 2))


# Excel's and WPS's Chinese number formats (「[DBNum1]」 小写, 「[DBNum2]」 大写 — the 金额大写 of a finance sheet —,
# 「[DBNum3]」 full-width digits), as LibreOffice Calc and Excel display them: 1560 「一千五百六十」 / 「壹仟伍佰陆拾」 /
# 「１５６０」, 101 「一百〇一」 / 「壹佰零壹」, 12.5 「一十二．五」 / 「壹拾贰点伍」, a date's year digit by digit
# (「二〇三五年六月十五日」). The code counts whatever the locale code beside it, as on a Chinese system.
_DBNUM = re.compile(r"(?i)\[DBNum([123])\]")
_DIGITS = {1: "〇一二三四五六七八九", 2: "零壹贰叁肆伍陆柒捌玖"}
_UNITS = {1: ("", "十", "百", "千"), 2: ("", "拾", "佰", "仟")}
_GROUPS = ("", "万", "亿", "万亿")
_POINT = {1: "．", 2: "点"}


def _dbnum(section: str) -> int:
    """The Chinese numerals a format section asks for (1, 2 or 3), 0 for none."""
    match = _DBNUM.search(section)
    return int(match.group(1)) if match else 0


# A locale code's numeral shape (Excel's 「[$-NNCCLLLL]」: NN the digits, CC the calendar, LLLL the locale): under
# a Chinese locale, NN 0x02 (the locale's native digits), 0x1B or 0x1E shows every digit as a Chinese one
# (1560 「一五六〇」, 14:30 under h"时"mm"分" 「一四时三〇分」) but a date's month and day as numbers
# (「二〇三五年六月十五日」), and 0x1D in full-width digits (「１５６０」), as LibreOffice Calc shows them.
# Others (0x1C: Calc writes Japanese 大字 「弐」「参」) are left in figures.
_LOCALE_CODE = re.compile(r"\[\$[^\]-]*-([0-9A-Fa-f]{5,8})\]")
_CHINESE_LOCALES = frozenset({0x0804, 0x0404, 0x0C04, 0x1004, 0x1404})
_DIGIT_SHAPES = {0x02: 1, 0x1B: 1, 0x1E: 1, 0x1D: 3}


def _numeral_shape(section: str) -> int:
    """The digits a section's locale code asks for: 1 (each digit a Chinese one), 3 (full-width), 0 (as
    typed)."""
    match = _LOCALE_CODE.search(section)
    if match is None:
        return 0
    code = int(match.group(1), 16)
    if code & 0xFFFF not in _CHINESE_LOCALES:
        return 0
    return _DIGIT_SHAPES.get(code >> 24, 0)


def _shaped(shown: str, shape: int) -> str:
    """A shown number's digits as the numeral shape writes them (「1560」 → 「一五六〇」 or 「１５６０」)."""
    if shape == 1:
        return shown.translate(_SHAPE_CHINESE)
    if shape == 3:
        return shown.translate(_SHAPE_WIDE)
    return shown


# the point, the minus and the thousands' separator go with the digits (「－三六．〇〇」, 「一、二三四、五六八」)
_SHAPE_CHINESE = str.maketrans(
    {**{str(d): _DIGITS[1][d] for d in range(10)}, ".": "．", "-": "－", ",": "、"}
)
_SHAPE_WIDE = str.maketrans({**{str(d): chr(0xFF10 + d) for d in range(10)}, ".": "．", "-": "－", ",": "，"})


def chinese_integer(number: int, kind: int) -> str:
    """A whole number ≥ 0 in Chinese numerals, 小写 (`kind` 1) or 大写 (2), as Excel's [DBNum1]/[DBNum2] and
    LibreOffice show it: 「一十」 for ten, 「〇」/「零」 once for a run of zeros inside (「一千〇一十」, 「一万〇一」)."""
    digits, units = _DIGITS[kind], _UNITS[kind]
    if number == 0:
        return digits[0]
    groups: list[int] = []
    while number:
        number, group = divmod(number, 10000)
        groups.append(group)
    out, zero = "", False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            zero = bool(out)  # a whole group of zeros: one 〇 before the next figure
            continue
        text = digits[0] if out and (zero or group < 1000) else ""
        written = pending = False
        for place in range(3, -1, -1):
            digit = group // 10**place % 10
            if digit == 0:
                pending = written
                continue
            if pending:
                text += digits[0]
            text += digits[digit] + units[place]
            written, pending = True, False
        out += text + _GROUPS[index]
        zero = False
    return out


def _numerals(shown: str, kind: int) -> str:
    """A number's shown text (「1,560」, 「12.5」, 「-36」) in the Chinese numerals of [DBNum`kind`]; as it is
    for 0 or a text that is no plain number."""
    if not kind:
        return shown
    if kind == 3:
        return "".join(chr(ord(ch) + 0xFEE0) if ch.isdigit() or ch == "." else ch for ch in shown)
    match = re.fullmatch(r"([-+]?)([\d,]+)(?:\.(\d+))?", shown.strip())
    if match is None:
        return shown
    sign, whole, fraction = match.groups()
    if int(whole.replace(",", "")) >= 10 ** (4 * len(_GROUPS)):
        return shown  # past 万亿's reach: the figures as they are
    text = chinese_integer(int(whole.replace(",", "")), kind)
    if fraction:
        text += _POINT[kind] + "".join(_DIGITS[kind][int(d)] for d in fraction)
    return sign + text


_WEEKDAYS = "一二三四五六日"
_EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


_ANY_LOCALE = re.compile(r"\[\$[^\]-]*-([0-9A-Fa-f]{3,8})\]")  # 「[$-804]」 as well as 「[$-1E000804]」
_MONTH_NAMES = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")


def _chinese_names(section: str) -> bool:
    """Whether a section's locale code names months and weekdays in Chinese (「[$-804]dddd」 「星期五」, 「mmmm」
    「六月」, as Calc shows them): a Chinese locale with no numeral shape, or the Chinese digits' (a Japanese
    shape's names are Japanese: left)."""
    match = _ANY_LOCALE.search(section)
    if match is None:
        return False
    code = int(match.group(1), 16)
    return code & 0xFFFF in _CHINESE_LOCALES and code >> 24 in (0, 0x02, 0x1E)


def _date_text(value: dt.datetime | dt.date | dt.time, form: str) -> str:
    """A date or time by an Excel date format (yyyy m d h mm ss, AM/PM, aaaa for 星期X, literals)."""
    section = _sections(form or "General")[0]
    code = _BRACKET.sub("", section).strip()
    if (
        not code
        or code.lower() == "general"
        or not re.search(r"(?i)[ymdhsa]", re.sub(r'"[^"]*"|\\.', "", code))
    ):
        if isinstance(value, dt.time):
            return f"{value.hour}:{value.minute:02d}"
        if isinstance(value, dt.datetime) and (value.hour or value.minute):
            return f"{value.year}/{value.month}/{value.day} {value.hour}:{value.minute:02d}"
        return f"{value.year}/{value.month}/{value.day}"
    date = value if not isinstance(value, dt.time) else None
    hour = minute = second = 0
    if isinstance(value, dt.time | dt.datetime):
        hour, minute, second = value.hour, value.minute, value.second
    twelve = bool(re.search(r"(?i)AM/PM|A/P|上午/下午", code))
    tokens: list[tuple[str, str]] = []  # (kind, text): kind is a code letter run or "lit"
    i = 0
    while i < len(code):
        ch = code[i]
        if ch == '"':
            end = code.find('"', i + 1)
            end = len(code) if end < 0 else end
            tokens.append(("lit", code[i + 1 : end]))
            i = end + 1
        elif ch == "\\" and i + 1 < len(code):
            tokens.append(("lit", code[i + 1]))
            i += 2
        elif ch in "_*" and i + 1 < len(code):
            i += 2
        elif code[i : i + 5].upper() == "AM/PM" or code[i : i + 5] == "上午/下午":
            tokens.append(("ampm", ""))
            i += 5
        elif code[i : i + 3].upper() == "A/P":
            tokens.append(("ampm", ""))
            i += 3
        elif ch.lower() in "ymdhsae":
            j = i
            while j < len(code) and code[j].lower() == ch.lower():
                j += 1
            tokens.append((ch.lower() * (j - i), ""))
            i = j
        elif ch == "." and i + 1 < len(code) and code[i + 1] == "0":  # fractions of a second
            j = i + 1
            while j < len(code) and code[j] == "0":
                j += 1
            i = j
        else:
            tokens.append(("lit", ch))
            i += 1
    numerals = _dbnum(section)
    shape = 0 if numerals else _numeral_shape(section)
    chinese_names = _chinese_names(section)

    def figure(value: int, shown: str, year: bool = False, time: bool = False) -> str:
        # a date part in [DBNum] numerals: a year digit by digit (「二〇三五」), the others as numbers (「十五」);
        # under a locale code's Chinese digits, a time's parts digit by digit too (「一四时三〇分」)
        if shape:
            return _shaped(shown, shape) if year or time or shape == 3 else figure_as(value, shown, 1)
        if not numerals:
            return shown
        return figure_as(value, shown, numerals, year)

    def figure_as(value: int, shown: str, numerals: int, year: bool = False) -> str:
        if numerals == 3:
            return _numerals(shown, 3)
        if year:
            return "".join(_DIGITS[numerals][int(d)] for d in shown)
        text = chinese_integer(value, numerals)
        return text[1:] if 10 <= value < 20 and text.startswith(_DIGITS[numerals][1]) else text

    out = []
    for n, (kind, text) in enumerate(tokens):
        if kind == "lit":
            out.append(text)
            continue
        letter = kind[0]
        if kind == "ampm":
            out.append("上午" if hour < 12 else "下午")
        elif letter == "m":
            before = [k for k, _ in tokens[:n] if k != "lit"]
            after = [k for k, _ in tokens[n + 1 :] if k != "lit"]
            minutes = (before and before[-1][0] == "h") or (after and after[0][0] == "s")
            if minutes:
                out.append(figure(minute, f"{minute:02d}" if len(kind) >= 2 else str(minute), time=True))
            elif date is not None and len(kind) == 4 and chinese_names:  # a Chinese month's name: 「六月」
                out.append(_MONTH_NAMES[date.month - 1] + "月")
            elif date is not None:
                out.append(figure(date.month, f"{date.month:02d}" if len(kind) == 2 else str(date.month)))
        elif letter in "ye" and date is not None:
            year = f"{date.year % 100:02d}" if len(kind) <= 2 and letter == "y" else str(date.year)
            out.append(figure(int(year), year, year=True))
        elif letter == "d" and date is not None:
            if len(kind) <= 2:
                out.append(figure(date.day, f"{date.day:02d}" if len(kind) == 2 else str(date.day)))
            elif len(kind) == 4 and chinese_names:  # a Chinese weekday's name: 「星期五」
                out.append("星期" + _WEEKDAYS[date.weekday()])
            else:
                day = _EN_DAYS[date.weekday()]
                out.append(day if len(kind) >= 4 else day[:3])
        elif letter == "a" and date is not None:
            out.append(("星期" if len(kind) >= 4 else "") + _WEEKDAYS[date.weekday()])
        elif letter == "h":
            shown = (hour % 12 or 12) if twelve else hour
            out.append(figure(shown, f"{shown:02d}" if len(kind) >= 2 else str(shown), time=True))
        elif letter == "s":
            out.append(figure(second, f"{second:02d}" if len(kind) >= 2 else str(second), time=True))
    return "".join(out).strip()
