"""A PDF table's row whose one cell is merged across the table (a group's caption, a 说明 under it) reads as
it stands, not labelled by the first column's head (cold28).

pdfplumber gives no cell under a merged one, and the PDF reader made those empty: the row read as a data row
with only its first cell, labelled 「序号：说明：常规训练均为…」 (cold28's schedule printed by LibreOffice Calc).
A row whose first cell reaches across the whole table is now read in its place as written, as the Word, ODF
and spreadsheet readers read one.

The file: ``tests/fixtures/calc_pdf/roster.calc.pdf``, made by ``make_calc_pdf.py`` there (openpyxl →
**LibreOffice Calc** PDF).
"""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes, read_document
from tests.fixtures.calc_pdf.make_calc_pdf import CAPTION, NOTE, ROWS

FIXTURE = Path(__file__).parent / "fixtures" / "calc_pdf" / "roster.calc.pdf"


def _texts(document) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.text for speech in parse_document(document) for p in speech.paragraphs]


def test_calcs_merged_rows_read_as_they_stand() -> None:
    """The caption and the 说明 as written, in their places; the data rows labelled (main: 「序号：第一组…」)."""
    texts = _texts(read_document(FIXTURE))
    head = ROWS[0]
    rows = [f"{head[0]}：{r[0]}；{head[1]}：{r[1]}；{head[2]}：{r[2]}；{head[3]}：{r[3]}" for r in ROWS[2:5]]
    assert texts == [CAPTION, *rows, NOTE]


_NAME = st.text(alphabet="赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨", min_size=2, max_size=3)


@settings(max_examples=25, deadline=None)
@given(
    names=st.lists(_NAME, min_size=2, max_size=6, unique=True),
    merged=st.sets(st.integers(0, 6), max_size=3),
    columns=st.integers(3, 5),
)
def test_a_row_merged_across_any_ruled_table_reads_as_written(
    names: list[str], merged: set[int], columns: int
) -> None:
    """Any ruled table (reportlab) with caption rows merged across it anywhere under its head: each caption
    read once, as written, and every data row labelled by the head."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    head = ["序号", "姓名", "单位", "电话", "备注"][:columns]
    data: list[list[str]] = [head]
    captions = []
    for n, name in enumerate(names):
        if n in merged:
            caption = f"第{n + 1}组：{name}片区"
            captions.append((len(data), caption))
            data.append([caption] + [""] * (columns - 1))
        data.append([str(n + 1), name, f"县{name}局", f"1380734{n:04d}", "无"][:columns])
    style = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("FONT", (0, 0), (-1, -1), "STSong-Light", 10)]
    style += [("SPAN", (0, r), (-1, r)) for r, _ in captions]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build([Table(data, style=TableStyle(style))])
    texts = _texts(read_bytes("名单.pdf", out.getvalue()))
    for _, caption in captions:
        assert texts.count(caption) == 1
    for row in data[1:]:
        if row[0].isdigit():
            assert "；".join(f"{h}：{c}" for h, c in zip(head, row, strict=True)) in texts
