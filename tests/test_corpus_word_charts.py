"""Charts in a Word document (corpus.word, corpus.charts): a chart inserted with 「插入 › 图表」 keeps its
figures only in its part (word/charts/chartN.xml); the body holds a reference to it. Each is read after
the paragraph holding it: its title, then a row per category. python-docx writes the documents, the chart
parts written by python-pptx's chart XML writer (the markup Office writes) and related as Word relates
them; before, the figures were in no passage."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import check_conservation, chunk_speech, parse_document, read_bytes, read_document

SET = Path(__file__).resolve().parent.parent / "benchmarks" / "corpus-cold38"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _chart_part(title: str, categories: list[str], series: list[tuple[str, list[int]]], kind: str) -> bytes:
    from lxml import etree
    from pptx.chart.chart import Chart
    from pptx.chart.data import CategoryChartData
    from pptx.chart.xmlwriter import ChartXmlWriter
    from pptx.enum.chart import XL_CHART_TYPE
    from pptx.oxml import parse_xml

    data = CategoryChartData(number_format="0")
    data.categories = categories
    for name, values in series:
        data.add_series(name, values)
    chart_type = {"column": XL_CHART_TYPE.COLUMN_CLUSTERED, "bar": XL_CHART_TYPE.BAR_CLUSTERED}[kind]
    space = parse_xml(ChartXmlWriter(chart_type, data).xml.encode("utf-8"))
    if title:
        chart = Chart(space, None)
        chart.has_title = True
        chart.chart_title.text_frame.text = title
    return etree.tostring(space, xml_declaration=True, encoding="UTF-8", standalone=True)


def _document(before: list[str], chart: bytes, after: list[str]) -> bytes:
    """Paragraphs, a paragraph holding the chart inline (as Word places one), paragraphs."""
    from docx import Document
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    doc = Document()
    doc.add_paragraph("各乡镇参与情况汇总", style="Title")
    for text in before:
        doc.add_paragraph(text)
    part = Part(
        PackURI("/word/charts/chart1.xml"),
        "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
        chart,
        doc.part.package,
    )
    rid = doc.part.relate_to(
        part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
    )
    doc.add_paragraph()._p.append(
        parse_xml(
            f'<w:r xmlns:w="{W}"'
            ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
            ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
            ' xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"'
            ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<w:drawing><wp:inline><wp:extent cx="5486400" cy="3200400"/><wp:docPr id="1" name="图表 1"/>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
            f'<c:chart r:id="{rid}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
        )
    )
    for text in after:
        doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _blocks(data: bytes) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in read_bytes("总结.docx", data).blocks]


def test_a_charts_title_and_figures_follow_the_paragraph_holding_it() -> None:
    chart = _chart_part("各乡镇参与人数（人）", ["城关镇", "白沙乡"], [("参与人数", [46, 27])], "column")
    data = _document(["各乡镇参与的人数见下图。"], chart, ["靠近传习点的乡镇参与较多。"])
    assert _blocks(data)[1:] == [
        ("paragraph", "各乡镇参与的人数见下图。"),
        ("paragraph", "各乡镇参与人数（人）"),
        ("table_row", "类别：城关镇；参与人数：46"),
        ("table_row", "类别：白沙乡；参与人数：27"),
        ("paragraph", "靠近传习点的乡镇参与较多。"),
    ]


def test_the_blind_sets_chart_reaches_its_passages() -> None:
    # benchmarks/corpus-cold38: the towns' figures only in the chart; main read none of them
    document = read_document(SET / "蔚桥县2034年离退休干部竹编非遗传习工作总结.docx")
    speech = parse_document(document)[0]
    passages = chunk_speech(speech)
    texts = [p.text for p in passages]
    for town, n in (("城关镇", 46), ("青篁镇", 38), ("白沙乡", 27), ("柳营镇", 25), ("石门乡", 18)):
        assert sum(f"类别：{town}；参与人数：{n}" in t for t in texts) == 1
    assert check_conservation(document, texts).ok
    assert "类别" in document.reference and "46" in document.reference  # add --check sees the figures too


_NAMES = st.text(alphabet="城关青篁白沙柳营石门镇乡街道村", min_size=2, max_size=5)


@settings(max_examples=30, deadline=None)
@given(
    categories=st.lists(_NAMES, min_size=1, max_size=6, unique=True),
    series=st.lists(
        st.sampled_from(["参与人数", "计划人数", "结业人数"]), min_size=1, max_size=2, unique=True
    ),
    values=st.data(),
    title=st.sampled_from(["", "各乡镇参与人数（人）", "传习班结业情况"]),
    kind=st.sampled_from(["column", "bar"]),
)
def test_any_charts_figures_are_read_once_in_order_and_the_text_around_it_as_without_it(
    categories: list[str], series: list[str], values: st.DataObject, title: str, kind: str
) -> None:
    figures = [
        (
            name,
            values.draw(st.lists(st.integers(0, 9999), min_size=len(categories), max_size=len(categories))),
        )
        for name in series
    ]
    before, after = ["各乡镇参与的人数见下图。"], ["从图中看，近处的乡镇参与较多。"]
    blocks = _blocks(_document(before, _chart_part(title, categories, figures, kind), after))
    expected = [("paragraph", title)] if title else []
    expected += [
        ("table_row", "；".join([f"类别：{c}", *(f"{name}：{vals[i]}" for name, vals in figures)]))
        for i, c in enumerate(categories)
    ]
    assert blocks[1:] == [("paragraph", before[0]), *expected, ("paragraph", after[0])]
