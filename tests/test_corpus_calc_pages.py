"""A workbook saved as one web page by LibreOffice Calc is read as the workbook is (cold34).

Calc's 「导出为网页」 writes every sheet into one page: an 「Overview」 list of the sheets' names (linked), then
each sheet's table under a heading 「Sheet 1: <em>走访慰问台账</em>」 (「工作表 1:」 in a Chinese suite).
speechqa read it as a web page: cold34's 台账 was titled 「Overview」, its sections all 「Overview」, the list
of names and 「Sheet 2: 困难帮扶台账」 passages of their own. Such a page is now read by the spreadsheet
reader: each sheet a section under its name, titled by the first sheet's title row — as the .xlsx it was
saved from reads.

The files: ``tests/fixtures/calc_pages/ledger.html``, saved by **LibreOffice Calc** from ``ledger.xlsx``
(openpyxl), made by ``make_calc_page.py`` there.
"""

from __future__ import annotations

import html
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from corpus import parse_document, read_bytes
from corpus.html import sheet_page_tables

FIXTURES = Path(__file__).parent / "fixtures" / "calc_pages"


def read(name: str):  # type: ignore[no-untyped-def]
    [speech] = parse_document(read_bytes(name, (FIXTURES / name).read_bytes()))
    return speech


def test_the_calc_page_reads_as_the_workbook_it_was_saved_from() -> None:
    """main: titled 「Overview」, every section 「Overview」, 「Sheet 2: 说明说明」 a passage."""
    page, book = read("ledger.html"), read("ledger.xlsx")
    assert page.title == book.title == "2032年度离退休干部报刊订阅台账"
    assert [(p.section, p.text) for p in page.paragraphs] == [(p.section, p.text) for p in book.paragraphs]
    assert {p.section for p in page.paragraphs} == {"订阅台账", "说明"}
    assert not any("Overview" in p.text or "Sheet" in p.text for p in page.paragraphs)


_HAN = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=8)


@given(
    sheets=st.lists(
        st.tuples(_HAN, st.lists(st.lists(_HAN, min_size=1, max_size=4), min_size=1, max_size=4)),
        min_size=1,
        max_size=4,
        unique_by=lambda s: s[0],
    ),
    word=st.sampled_from(["Sheet", "工作表", "Feuille", "Tabelle"]),
)
def test_any_calc_page_gives_each_sheet_its_name_and_every_cell_once(
    sheets: list[tuple[str, list[list[str]]]], word: str
) -> None:
    """Whatever the sheets and the suite's language: the overview is no sheet, each table comes under its
    sheet's name in order, with every cell of it once."""
    overview = "".join(f'<A HREF="#table{n}">{html.escape(s)}</A><br>' for n, (s, _) in enumerate(sheets))
    head = '<head><meta http-equiv="content-type" content="text/html; charset=utf-8"/></head>'  # as Calc writes it
    parts = [f"<html>{head}<body><hr><p><center><h1>Overview</h1>{overview}</center></p><hr>"]
    for n, (sheet, rows) in enumerate(sheets):
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
        parts.append(f'<A NAME="table{n}"><h1>{word} {n + 1}: <em>{sheet}</em></h1></A><table>{body}</table>')
    found = sheet_page_tables("台账.html", ("".join(parts) + "</body></html>").encode("utf-8"))
    assert found is not None
    assert [name for name, _ in found] == [name for name, _ in sheets]
    for (_, rows), (_, got) in zip(sheets, found, strict=True):
        cells = [c for r in got for c in ([r] if isinstance(r, str) else r) if c]
        assert sorted(cells) == sorted(c for row in rows for c in row)


def test_a_page_with_tables_not_under_sheet_headings_is_no_calc_page() -> None:
    page = "<html><body><h1>名单</h1><table><tr><td>姓名</td><td>单位</td></tr></table></body></html>"
    assert sheet_page_tables("名单.html", page.encode("utf-8")) is None
