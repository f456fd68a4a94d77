"""Tables printed without vertical rules (corpus.unruled): a Word table without borders printed by
LibreOffice, and reportlab tables with only horizontal rules or none, on portrait, landscape and rotated
pages, are read row by row with each cell labelled, as a ruled table and the .docx are; before, their rows
were run into one paragraph with the text after them (「单位体检完成率…备注东城区96% 412按期完成西城区…下半年，…」)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import read_document

BEFORE = "从附表看，各单位进度不平衡，要查找原因，抓紧补课。"
AFTER = "下半年，要重点抓好三件事。"


def table_rows(blocks) -> list[str]:  # type: ignore[no-untyped-def]
    return [block.text for block in blocks if block.kind == "table_row"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_word_table_without_borders_printed_by_libreoffice_reads_as_the_docx(tmp_path: Path) -> None:
    import docx

    from tests.fixtures.documents.make_fixtures import soffice

    d = docx.Document()
    d.add_paragraph(BEFORE)
    rows = [
        ["单位", "体检完成率", "走访次数", "备注"],
        ["东城区", "96%", "412", "按期完成"],
        ["西城区", "88%", "365", "三名老同志住院"],
        ["南湖县", "45%", "120", ""],
    ]
    table = d.add_table(rows=len(rows), cols=4)  # python-docx's default table style has no borders
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    d.add_paragraph(AFTER)
    d.save(str(tmp_path / "附表.docx"))
    word = read_document(tmp_path / "附表.docx")
    pdf = read_document(soffice(tmp_path / "附表.docx", "pdf"))
    assert (
        table_rows(pdf.blocks)
        == table_rows(word.blocks)
        == [
            "单位：东城区；体检完成率：96%；走访次数：412；备注：按期完成",
            "单位：西城区；体检完成率：88%；走访次数：365；备注：三名老同志住院",
            "单位：南湖县；体检完成率：45%；走访次数：120",
        ]
    )
    assert [b.text for b in pdf.blocks if b.kind != "table_row"] == [BEFORE, AFTER]


CELL = st.text(
    alphabet="东西南北城区县老干部局体检走访活动完成率队伍人数备注按期", min_size=2, max_size=4
)  # a cell fits its column with a gap
LABELS = [
    "单位",
    "地区",
    "类别",
    "项目",
    "队伍数",
    "参加人数",
    "活动场次",
    "体检完成率",
    "走访次数",
    "备注",
    "经费（万元）",
]
NUMBER = st.integers(min_value=1, max_value=99999).map(str)


@st.composite
def tables(draw):  # type: ignore[no-untyped-def]
    columns = draw(st.integers(min_value=3, max_value=5))
    header = draw(st.lists(st.sampled_from(LABELS), min_size=columns, max_size=columns, unique=True))
    rows = draw(
        st.lists(
            st.lists(st.one_of(CELL, NUMBER), min_size=columns, max_size=columns),
            min_size=2,
            max_size=6,
        )
    )
    return header, rows


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    tables(),
    st.sampled_from(["portrait", "landscape", "rotated"]),
    st.sampled_from(["rules", "none"]),
    st.sampled_from([10, 12, 14]),
)
def test_an_unruled_reportlab_table_reads_row_by_row_labelled(
    tmp_path_factory: pytest.TempPathFactory,
    table: tuple[list[str], list[list[str]]],
    page: str,
    rules: str,
    size: int,
) -> None:
    """Any cells, three to five columns, rules under each row or none, on a portrait page, a landscape
    page, or a portrait page drawn sideways and shown upright with /Rotate 90; the page after holds a
    paragraph that must stay apart."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    header, rows = table
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path_factory.mktemp("unruled") / "附表.pdf"
    width, height = A4
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("STSong-Light", 16)
    c.drawString(80, height - 120, BEFORE)
    c.showPage()
    if page == "landscape":
        c.setPageSize(landscape(A4))
    if page == "rotated":
        c.setPageRotation(90)
        c.translate(width, 0)
        c.rotate(90)
    wide, tall = (height, width) if page != "portrait" else (width, height)
    c.setFont("STSong-Light", size)
    step = (wide - 140) / len(header)
    y = tall - 100
    for cells in [header, *rows]:
        for k, text in enumerate(cells):
            c.drawString(70 + k * step, y, text)
        if rules == "rules":
            c.line(60, y - 4, wide - 60, y - 4)
        y -= 2.2 * size
    c.showPage()
    c.setPageSize(A4)
    c.setPageRotation(0)
    c.setFont("STSong-Light", 16)
    c.drawString(80, height - 120, AFTER)
    c.showPage()
    c.save()
    blocks = read_document(path).blocks
    assert table_rows(blocks) == [
        "；".join(
            text if label == text else f"{label}：{text}" for label, text in zip(header, cells, strict=True)
        )
        for cells in rows
    ]
    assert [b.text for b in blocks if b.kind != "table_row"] == [BEFORE, AFTER]


def test_a_list_of_names_set_in_a_grid_keeps_each_name_apart(tmp_path: Path) -> None:
    """A 名单 printed three names to a line (tabs, no rules): its first line labels nothing, each line is
    read as a row of names; before, 「王建国李秀兰张卫东」 ran together."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    names = [["王建国", "李秀兰", "张卫东"], ["刘德明", "陈玉梅", "杨志强"], ["赵国庆", "周桂英", "吴海涛"]]
    path = tmp_path / "名单.pdf"
    height = A4[1]
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("STSong-Light", 16)
    c.drawString(80, height - 100, "获评“最美银龄先锋”的同志名单如下。")
    for n, row in enumerate(names):
        for k, name in enumerate(row):
            c.drawString(112 + 140 * k, height - 140 - 30 * n, name)
    c.save()
    blocks = read_document(path).blocks
    assert table_rows(blocks) == ["；".join(row) for row in names]
