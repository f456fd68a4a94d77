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

__all__ = ["CHART_URI", "Chart", "read_chart"]

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
