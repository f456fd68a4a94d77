"""Charts in slide decks (corpus.charts through corpus.slides): python-pptx decks with native column, bar,
line and pie charts, read from the figures each chart keeps with it — a slide holding only a title and a
chart keeps its section, and every category's value under its series' name."""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes
from corpus.charts import read_chart


def _deck(charts: list[tuple[str, str, list[str], list[tuple[str, list[float]]], str]]) -> bytes:
    """A python-pptx deck: a title slide, then per chart a title-only slide holding the chart
    (kind, slide title, categories, series (name, values), number format)."""
    from pptx import Presentation
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE
    from pptx.util import Emu

    kinds = {
        "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
        "bar": XL_CHART_TYPE.BAR_CLUSTERED,
        "line": XL_CHART_TYPE.LINE_MARKERS,
        "pie": XL_CHART_TYPE.PIE,
    }
    deck = Presentation()
    first = deck.slides.add_slide(deck.slide_layouts[0])
    first.shapes.title.text = "全县适老化改造工作推进情况汇报"
    first.placeholders[1].text_frame.text = "县民政局副局长　谢婉清\n2033年4月"
    for kind, title, categories, series, form in charts:
        slide = deck.slides.add_slide(deck.slide_layouts[5])
        slide.shapes.title.text = title
        data = CategoryChartData(number_format=form)
        data.categories = categories
        for name, values in series:
            data.add_series(name, values)
        slide.shapes.add_chart(kinds[kind], Emu(457200), Emu(1500000), Emu(8229600), Emu(4800000), data)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def test_a_slide_of_a_title_and_a_column_chart_reads_every_figure_under_its_series() -> None:
    data = _deck(
        [
            (
                "column",
                "各乡镇完成改造户数",
                ["城关镇", "石门乡", "白沙乡"],
                [("计划改造", [180, 110, 80]), ("已完成", [138, 76, 43])],
                "General",
            ),
            ("pie", "改造项目构成", ["床边护栏", "智能烟感报警器"], [("占比", [0.21, 0.18])], "0%"),
        ]
    )
    blocks = [(b.kind, b.text) for b in read_bytes("汇报.pptx", data).blocks]
    assert blocks[3:] == [
        ("heading", "各乡镇完成改造户数"),
        ("table_row", "类别：城关镇；计划改造：180；已完成：138"),
        ("table_row", "类别：石门乡；计划改造：110；已完成：76"),
        ("table_row", "类别：白沙乡；计划改造：80；已完成：43"),
        ("heading", "改造项目构成"),
        ("table_row", "类别：床边护栏；占比：21%"),
        ("table_row", "类别：智能烟感报警器；占比：18%"),
    ]
    # main read neither chart: both slides were headings over nothing, lost with their figures
    (speech,) = parse_document(read_bytes("汇报.pptx", data))
    sections = {p.section for p in speech.paragraphs}
    assert {"各乡镇完成改造户数", "改造项目构成"} <= sections


def test_a_chart_part_without_series_is_an_empty_table() -> None:
    blob = (
        b'<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">'
        b"<c:chart><c:plotArea/></c:chart></c:chartSpace>"
    )
    assert read_chart(blob).rows == ()


_NAMES = st.text(alphabet="城关石门青桐柳埠白沙乡镇街道社区村", min_size=2, max_size=6)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kind=st.sampled_from(["column", "bar", "line", "pie"]),
    categories=st.lists(_NAMES, min_size=1, max_size=6, unique=True),
    names=st.lists(st.sampled_from(["计划", "已完成", "在建", "验收"]), min_size=1, max_size=3, unique=True),
    seed=st.integers(0, 10_000),
)
def test_every_category_reads_once_with_each_series_value_in_order(
    kind: str, categories: list[str], names: list[str], seed: int
) -> None:
    """Any categories, any one to three series (a pie draws one) of whole numbers: one row per category,
    in the chart's order, each value once under its series' name."""
    names = names[:1] if kind == "pie" else names
    series = [
        (name, [float((seed * (i + 3) + j * 37) % 900) for j in range(len(categories))])
        for i, name in enumerate(names)
    ]
    data = _deck([(kind, "完成情况", categories, series, "General")])
    rows = [b.text for b in read_bytes("deck.pptx", data).blocks if b.kind == "table_row"]
    expected = [
        "；".join([f"类别：{category}", *(f"{name}：{int(values[j])}" for name, values in series)])
        for j, category in enumerate(categories)
    ]
    assert rows == expected
