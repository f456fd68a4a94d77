"""An Impress deck's charts (corpus.charts.read_odf_chart, corpus.slides): a PowerPoint deck saved by
LibreOffice Impress as .odp keeps each chart as a chart object whose data is its own table; it is read as
the .pptx's chart is, a title and a row per category (tests/fixtures/odp_charts/make_odp.py). On main the
.odp lost both charts' nine rows — the slide read as a heading over nothing."""

from __future__ import annotations

import zipfile
from pathlib import Path

from corpus import read_document
from corpus.charts import read_odf_chart

HERE = Path(__file__).resolve().parent / "fixtures" / "odp_charts"
DECK = HERE.parent.parent.parent / "benchmarks" / "corpus-cold36" / "岫宁县适老化改造工作推进情况汇报.pptx"


def _read(path: Path) -> list[tuple[str, str]]:
    return [(block.kind, block.text) for block in read_document(path).blocks]


def test_an_odp_column_chart_reads_the_rows_the_pptx_reads() -> None:
    odp, pptx = _read(HERE / "report.odp"), _read(DECK)
    bars = [block for block in pptx if block[1].startswith("类别：城关镇") or "计划改造：" in block[1]]
    assert len(bars) == 5
    at = odp.index(("heading", "各乡镇适老化改造完成情况（户）"))
    assert odp[at + 1 : at + 6] == bars


def test_an_odp_pie_reads_its_categories_and_the_values_its_table_holds() -> None:
    # LibreOffice keeps the pie's values as the fractions PowerPoint cached (0.46) under a general number
    # style: the 「0%」 the .pptx shows them in is not kept, so the .odp reads the value its chart holds; the
    # series' name, which PowerPoint shows as the pie's automatic title, is its title there
    odp = _read(HERE / "report.odp")
    at = odp.index(("heading", "改造项目构成"))
    assert odp[at + 1 : at + 4] == [
        ("line", "占比"),
        ("table_row", "类别：卫生间扶手和防滑处理；占比：0.46"),
        ("table_row", "类别：床边护栏；占比：0.21"),
    ]


def test_the_rest_of_the_deck_reads_as_the_pptx() -> None:
    # the slides' text, the title slide's lines and the speaker's notes: the same blocks in the same order
    odp, pptx = _read(HERE / "report.odp"), _read(DECK)
    charted = {"table_row"}
    assert [b for b in odp if b[0] not in charted and b != ("line", "占比")] == [
        b for b in pptx if b[0] not in charted
    ]


def test_a_percentage_style_shows_a_value_as_a_percentage() -> None:
    # a series whose values' number style is a percentage (LibreOffice's own chart of shares) reads 「21%」
    with zipfile.ZipFile(HERE / "report.odp") as deck:
        part = next(n for n in deck.namelist() if n.endswith("/content.xml") and b"circle" in deck.read(n))
        blob = deck.read(part)
    percent = blob.replace(
        b'style:data-style-name="N0" style:percentage', b'style:data-style-name="N10" style:percentage'
    )
    assert percent != blob
    assert read_odf_chart(percent).rows[2] == ("床边护栏", "21%")
    assert read_odf_chart(blob).rows[2] == ("床边护栏", "0.21")
