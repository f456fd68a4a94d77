"""Charts drawn by Office (DrawingML ``c:chartSpace``: PowerPoint's, Word's and WPS's 「插入 › 图表」): what
the chart says, read from the figures it keeps with it.

A chart's numbers are often nowhere else in a deck: 「各乡镇完成改造户数」 is a column chart, 「改造项目构成」 a
pie, and the slide holds nothing but its title. Before, charts were not read, so such a slide read as a
heading over nothing and was lost with its figures. The chart part caches every value it draws (``c:strCache``
for the categories and series names, ``c:numCache`` with the format it shows numbers in), so it is read as a
table: its title, then a row per category — the category, and each series' value under the series' name
(「类别：城关镇；计划改造：180；已完成：138」, a pie's 「类别：床边护栏；占比：21%」), numbers shown as the chart shows
them (`corpus.sheets.cell_text`: 「0%」 gives 「21%」). Nothing is read from the workbook embedded beside
the chart: its cache is what the chart shows.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from lxml import etree

from .sheets import cell_text

__all__ = ["CHART_URI", "Chart", "is_odf_chart", "read_chart", "read_odf_chart"]

CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_C = "{" + CHART_URI + "}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
# the column of categories, named by the category axis's title when it has one
CATEGORY_LABEL = "类别"


@dataclass(frozen=True)
class Chart:
    """A chart read: its title ("" when it has none) and its table, the header row first (the categories'
    label, then each series' name), a row per category."""

    title: str
    rows: tuple[tuple[str, ...], ...]


def _cached(node) -> list[str]:  # type: ignore[no-untyped-def]
    """The values a reference's cache holds (a string or number cache, or a literal), in point order,
    numbers shown in the cache's format."""
    if node is None:
        return []
    for cache in node.iter(f"{_C}strCache", f"{_C}numCache", f"{_C}strLit", f"{_C}numLit"):
        form = cache.findtext(f"{_C}formatCode") or "General"
        count = cache.find(f"{_C}ptCount")
        size = int(count.get("val", "0")) if count is not None else 0
        points: dict[int, str] = {}
        for pt in cache.iterfind(f"{_C}pt"):
            value = pt.findtext(f"{_C}v") or ""
            form_here = pt.get("formatCode") or form
            if cache.tag.endswith(("numCache", "numLit")):
                with contextlib.suppress(ValueError):  # a cached 「#N/A」 stays as it is
                    value = cell_text(float(value), form_here)
            points[int(pt.get("idx", "0"))] = value.strip()
        size = max(size, max(points, default=-1) + 1)
        return [points.get(i, "") for i in range(size)]
    return []


def _rich_text(node) -> str:  # type: ignore[no-untyped-def]
    """A title's text: its rich text's runs, or the cached text it refers to."""
    if node is None:
        return ""
    runs = "".join(t.text or "" for t in node.iter(f"{_A}t")).strip()
    return runs or " ".join(_cached(node.find(f"{_C}tx"))).strip()


def read_chart(blob: bytes) -> Chart:
    """A chart part (``chartN.xml``) read as its title and table; a chart with no series is an empty table."""
    root = etree.fromstring(blob)
    chart = root.find(f"{_C}chart")
    if chart is None:
        return Chart("", ())
    title = _rich_text(chart.find(f"{_C}title"))
    plot = chart.find(f"{_C}plotArea")
    series = list(plot.iter(f"{_C}ser")) if plot is not None else []
    axis = plot.find(f"{_C}catAx") if plot is not None else None
    label = _rich_text(axis.find(f"{_C}title")) if axis is not None else ""
    categories: list[str] = []
    names: list[str] = []
    columns: list[list[str]] = []
    for number, ser in enumerate(series, start=1):
        if not categories:
            categories = _cached(ser.find(f"{_C}cat")) or _cached(ser.find(f"{_C}xVal"))
        names.append(" ".join(_cached(ser.find(f"{_C}tx"))).strip() or f"系列{number}")
        columns.append(_cached(ser.find(f"{_C}val")) or _cached(ser.find(f"{_C}yVal")))
    if not columns:
        return Chart(title, ())
    length = max(len(categories), *(len(column) for column in columns))
    if not categories:
        categories = [str(i) for i in range(1, length + 1)]
    rows = [(label or CATEGORY_LABEL, *names)]
    for i in range(length):
        values = [column[i] if i < len(column) else "" for column in columns]
        category = categories[i] if i < len(categories) else ""
        if category or any(values):
            rows.append((category, *values))
    return Chart(title, tuple(rows))


# --- OpenDocument charts (an .odp's or .odt's chart object: 「Object N/content.xml」) ----------------------

_CHART = "{urn:oasis:names:tc:opendocument:xmlns:chart:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_NUMBER = "{urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def is_odf_chart(blob: bytes) -> bool:
    """Whether an embedded object's content.xml is a chart (its body an office:chart)."""
    return b"<office:chart" in blob


def read_odf_chart(blob: bytes) -> Chart:
    """An OpenDocument chart object (LibreOffice's, and how it saves a PowerPoint chart in an .odp) read as
    an Office chart is: its title, then its data — the chart's own table (``local-table``), the first row
    the series' names, a row per category — with the categories' column named by the category axis's title
    or 「类别」, and a value shown as the series' number style shows it (a percentage style: 0.21 → 「21%」),
    else as the table's cell shows it."""
    root = etree.fromstring(blob, etree.XMLParser(resolve_entities=False, no_network=True))
    chart = root.find(f".//{_CHART}chart")
    if chart is None:
        return Chart("", ())
    found = chart.find(f"{_CHART}title")
    title = " ".join(_odf_text(p) for p in found.iter(f"{_TEXT}p")).strip() if found is not None else ""
    axis_title = ""
    for axis in chart.iter(f"{_CHART}axis"):
        if axis.get(f"{_CHART}dimension") == "x" and (named := axis.find(f"{_CHART}title")) is not None:
            axis_title = " ".join(_odf_text(p) for p in named.iter(f"{_TEXT}p")).strip()
    table = chart.find(f"{_TABLE}table")
    if table is None:
        return Chart(title, ())
    rows = []
    for row in table.iter(f"{_TABLE}table-row"):
        cells = []
        for cell in row:
            if cell.tag in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
                repeat = min(int(cell.get(f"{_TABLE}number-columns-repeated", "1") or 1), 100)
                cells.extend([cell] * repeat)
        rows.append(cells)
    if len(rows) < 2:
        return Chart(title, ())
    percent = _percent_columns(root, chart)
    header = [" ".join(_odf_text(p) for p in cell.iter(f"{_TEXT}p")).strip() for cell in rows[0]]
    width = len(header)
    out = [
        (
            axis_title or header[0] or CATEGORY_LABEL,
            *(name or f"系列{n}" for n, name in enumerate(header[1:], 1)),
        )
    ]
    for cells in rows[1:]:
        shown = []
        for column in range(width):
            cell = cells[column] if column < len(cells) else None
            text = " ".join(_odf_text(p) for p in cell.iter(f"{_TEXT}p")).strip() if cell is not None else ""
            value = cell.get(f"{_OFFICE}value") if cell is not None else None
            if column in percent and value is not None:
                with contextlib.suppress(ValueError):
                    text = cell_text(float(value), percent[column])
            shown.append(text)
        if any(shown):
            out.append(tuple(shown))
    return Chart(title, tuple(out))


def _odf_text(p) -> str:  # type: ignore[no-untyped-def]
    return "".join(p.itertext())


def _percent_columns(root, chart) -> dict[int, str]:  # type: ignore[no-untyped-def]
    """The table columns whose series shows its values in a percentage style, with that style as a number
    format (「0%」, 「0.0%」): the series names its column (chart:values-cell-range-address, 「local-table.$B$2:…」)
    and its style (chart:style-name → style:data-style-name → number:percentage-style)."""
    percentages = {}
    for style in root.iter(f"{_NUMBER}percentage-style"):
        number = style.find(f"{_NUMBER}number")
        places = int(number.get(f"{_NUMBER}decimal-places", "0") or 0) if number is not None else 0
        percentages[style.get(f"{_STYLE}name")] = "0" + ("." + "0" * places if places else "") + "%"
    data_styles = {
        style.get(f"{_STYLE}name"): style.get(f"{_STYLE}data-style-name")
        for style in root.iter(f"{_STYLE}style")
    }
    out = {}
    for series in chart.iter(f"{_CHART}series"):
        form = percentages.get(data_styles.get(series.get(f"{_CHART}style-name")))
        address = series.get(f"{_CHART}values-cell-range-address") or ""
        letters = address.split("$")[1] if address.count("$") >= 2 else ""
        if form and letters.isalpha():
            column = 0
            for letter in letters.upper():
                column = column * 26 + ord(letter) - ord("A") + 1
            out[column - 1] = form
    return out
