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


def _drawing(rid: str) -> object:
    from docx.oxml import parse_xml

    return parse_xml(
        f'<w:r xmlns:w="{W}"'
        ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
        ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
        ' xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"'
        ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<w:drawing><wp:inline><wp:extent cx="5486400" cy="3200400"/><wp:docPr id="1" name="图表"/>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
        f'<c:chart r:id="{rid}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
    )


def _placed(lines: list[tuple[str, str, list[bytes]]], cell: tuple[str, list[bytes]] | None = None) -> bytes:
    """A python-docx document of `lines` (text, style, the charts anchored in it, in order), and a
    two-row table after them whose second row's second cell holds `cell` (its text, its charts)."""
    from docx import Document
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    doc = Document()
    count = 0

    def anchor(paragraph, charts: list[bytes]) -> None:  # type: ignore[no-untyped-def]
        nonlocal count
        for blob in charts:
            count += 1
            part = Part(
                PackURI(f"/word/charts/chart{count}.xml"),
                "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
                blob,
                doc.part.package,
            )
            rid = doc.part.relate_to(
                part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
            )
            paragraph._p.append(_drawing(rid))

    for text, style, charts in lines:
        anchor(doc.add_paragraph(text, style=style), charts)
    if cell is not None:
        table = doc.add_table(rows=2, cols=2, style="Table Grid")
        for (a, b), row in zip([("项目", "情况"), ("走访", cell[0])], table.rows, strict=True):
            row.cells[0].text, row.cells[1].text = a, b
        anchor(table.rows[1].cells[1].paragraphs[0], cell[1])
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


_TOWNS = _chart_part("各镇参与人数", ["城关镇", "河口镇"], [("人数", [46, 31])], "column")
_ROWS = [("table_row", "类别：城关镇；人数：46"), ("table_row", "类别：河口镇；人数：31")]
_HEAD = ["蔚桥县2035年老干部活动情况报告", "县委老干部局", "2036年1月10日"]
_LEAD = "一年来，全县老干部活动蓬勃开展，参与人数逐年增加。"


@settings(max_examples=12, deadline=None)
@given(at=st.integers(min_value=0, max_value=2), date_line=st.sampled_from(["two", "one"]))
def test_a_chart_anchored_in_the_head_waits_for_the_first_sentence(at: int, date_line: str) -> None:
    # as a text box does: a chart in the title, the issuer or the date line follows the first paragraph
    # that ends a sentence, and the head is read as without it (before, the chart's rows came between the
    # title and the date line: the report had no date and no issuer)
    head = _HEAD if date_line == "two" else [_HEAD[0], f"{_HEAD[1]}（{_HEAD[2]}）"]
    at = min(at, len(head) - 1)
    lines = [
        (text, "Title" if i == 0 else "Normal", [_TOWNS] if i == at else []) for i, text in enumerate(head)
    ]
    lines += [(_LEAD, "Normal", []), ("下一步，我们将继续做好服务。", "Normal", [])]
    plain = [(text, style, []) for text, style, _ in lines]
    speech = parse_document(read_bytes("报告.docx", _placed(lines)))[0]
    alone = parse_document(read_bytes("报告.docx", _placed(plain)))[0]
    assert (speech.title, speech.date, speech.issuer) == (alone.title, alone.date, alone.issuer)
    assert speech.date == "2036-01-10" and speech.issuer == "县委老干部局"
    blocks = _blocks(_placed(lines))
    lead = blocks.index(("paragraph", _LEAD))
    assert blocks[lead + 1 : lead + 4] == [("paragraph", "各镇参与人数"), *_ROWS]


def test_a_table_ends_the_wait_of_a_chart_anchored_in_the_title() -> None:
    lines = [(_HEAD[0], "Title", [_TOWNS]), (_HEAD[2], "Normal", [])]
    blocks = _blocks(_placed(lines, cell=("全年走访36次。", [])))
    assert blocks[2:5] == [("paragraph", "各镇参与人数"), *_ROWS]  # before the table, not after it
    assert blocks[5][0] == "table_row"


@settings(max_examples=15, deadline=None)
@given(count=st.integers(min_value=2, max_value=4))
def test_the_charts_of_one_paragraph_are_read_in_their_order(count: int) -> None:
    # before, each chart was put straight after the paragraph: two charts came out in reverse order
    charts = [
        _chart_part(f"第{i + 1}季度参与人数", ["城关镇"], [("人数", [10 + i])], "column")
        for i in range(count)
    ]
    lines = [("2035年度老干部活动统计", "Title", []), ("各季度的人数见下面几图。", "Normal", charts)]
    blocks = _blocks(_placed([*lines, ("二、下一步工作。继续做好服务。", "Normal", [])]))
    start = blocks.index(("paragraph", "各季度的人数见下面几图。"))
    expected = []
    for i in range(count):
        expected += [("paragraph", f"第{i + 1}季度参与人数"), ("table_row", f"类别：城关镇；人数：{10 + i}")]
    assert blocks[start + 1 : start + 1 + 2 * count] == expected


def test_a_chart_in_a_table_cell_is_read_as_labelled_lines_in_the_cell() -> None:
    # before: a table nested in the cell, read 「走访次数类别次数1月12 2月9」 (「1月12」 a date)
    chart = _chart_part("走访次数", ["1月", "2月", "3月"], [("次数", [12, 9, 15])], "column")
    lines = [("2035年度走访统计", "Title", []), ("一、逐月走访次数如下表。", "Normal", [])]
    blocks = _blocks(_placed(lines, cell=("全年走访36次。", [chart])))
    rows = [text for kind, text in blocks if kind == "table_row"]
    assert rows[-1] == (
        "项目：走访；情况：全年走访36次。 走访次数： 类别：1月；次数：12。 类别：2月；次数：9。 类别：3月；次数：15。"
    )
    document = read_bytes("统计.docx", _placed(lines, cell=("全年走访36次。", [chart])))
    speech = parse_document(document)[0]
    assert check_conservation(document, [p.text for p in chunk_speech(speech)]).ok
