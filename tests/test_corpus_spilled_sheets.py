"""A sheet too wide for its page, printed by Calc column group by column group, reads one row per record
(docs/cold41.md, fix 3): the columns printed on a page of their own end the rows of the page they go on
from. Before, each page's columns were rows of their own (「值班日期：10月3日；值班时段：…」 naming nobody).

Ordinary tables over pages are no such sheet (mend67c): a long list (Calc, Writer), two sheets of a workbook,
any reportlab table. Files: ``tests/fixtures/spilled_sheets/`` (LibreOffice's PDF export), made by
``make_spilled_sheets.py`` and ``make_ordinary_tables.py``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import check_conservation, parse_document, read_bytes, read_document
from tests.fixtures.spilled_sheets.make_ordinary_tables import CARS, PEOPLE, ROSTER_HEAD, TOWNS, roster
from tests.fixtures.spilled_sheets.make_spilled_sheets import HEAD, ROWS

HERE = Path(__file__).parent / "fixtures" / "spilled_sheets"


def _paragraphs(name: str) -> tuple[object, list[str]]:
    document = read_bytes(name, (HERE / name).read_bytes())
    [speech] = parse_document(document)
    return document, [p.text for p in speech.paragraphs]


def test_a_sheets_spilled_columns_end_the_rows_they_belong_to() -> None:
    document, paragraphs = _paragraphs("wide.calc.pdf")
    rows = [p for p in paragraphs if p.startswith("序号：")]
    assert rows == ["；".join(f"{h}：{c}" for h, c in zip(HEAD, row, strict=True)) for row in ROWS]
    assert not any(
        p.startswith(("手机号码", "值班日期", "值班时段", "替班人", "值班地点")) for p in paragraphs
    )
    assert any("值班人员请提前10分钟到岗" in p for p in paragraphs)
    assert check_conservation(document, paragraphs).ok


def test_a_long_sheet_broken_over_a_page_is_read_as_before() -> None:
    document, paragraphs = _paragraphs("long.calc.pdf")
    rows = [p for p in paragraphs if p.startswith("序号：")]
    assert rows == [f"序号：{n}；借阅人：借阅人{n}号；书名：《老年保健手册》第{n}册" for n in range(1, 71)]
    assert check_conservation(document, paragraphs).ok


def _labelled(head: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    return ["；".join(f"{h}：{c}" for h, c in zip(head, row, strict=True)) for row in rows]


@pytest.mark.parametrize("name", ["roster150.calc.pdf", "roster150.writer.pdf"])
def test_a_long_list_of_short_cells_over_pages_is_no_spilled_sheet(name: str) -> None:
    """A Calc list of 150 rows and the same list as a Writer table with no repeated header, over three
    pages: each page's rows are the list's next rows, not more columns (mend67c: before, each row of page 1
    took the rows of pages 2 and 3 at its height as its columns, 「序号：1；…；46：47；沈家晓：韩瑞栋…」)."""
    document, paragraphs = _paragraphs(name)
    assert [p for p in paragraphs if p.startswith("序号：")] == _labelled(ROSTER_HEAD, roster())
    assert check_conservation(document, paragraphs).ok


def test_two_sheets_of_a_workbook_stay_two_tables() -> None:
    """Two different sheets of five rows, each on a page of its own at the same place: neither reaches the
    right margin, so the second is no columns of the first (before: glued row by row)."""
    document, paragraphs = _paragraphs("twosheets.calc.pdf")
    rows = [p for p in paragraphs if p.startswith(("序号：", "车号："))]
    assert rows == _labelled(PEOPLE[0], PEOPLE[1]) + _labelled(CARS[0], CARS[1])
    assert check_conservation(document, paragraphs).ok


_NAMES = "赵钱孙李周吴郑王冯陈"


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    count=st.integers(35, 120),
    repeat=st.sampled_from([0, 1]),
    widths=st.lists(st.integers(30, 150), min_size=3, max_size=5),
)
def test_an_ordinary_table_over_pages_is_read_row_by_row(count: int, repeat: int, widths: list[int]) -> None:
    """Any reportlab table of short cells broken over pages — any length, any column widths (to the right
    margin or not), its header repeated or not: every row once, in order, with its own cells only (the
    spilled-columns join takes no page of it for more columns)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    head = ("序号", "姓名", "所在镇乡", "党支部", "备注")[: len(widths)]
    rows = [
        (str(n), f"{_NAMES[n % 10]}{_NAMES[n // 10 % 10]}", TOWNS[n % 6], TOWNS[(n + 1) % 6], "无")[
            : len(widths)
        ]
        for n in range(1, count + 1)
    ]
    table = Table([head, *rows], colWidths=widths, repeatRows=repeat)
    table.setStyle(
        TableStyle([("FONTNAME", (0, 0), (-1, -1), "STSong-Light"), ("GRID", (0, 0), (-1, -1), 0.5, "black")])
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "名册.pdf"
        SimpleDocTemplate(str(path), pagesize=A4, title="名册", invariant=1).build([table])
        lines = read_document(path).text.splitlines()
    assert [line for line in lines if line.startswith("序号：")] == _labelled(head, rows)
