"""A sheet too wide for its page, printed by Calc column group by column group, reads one row per record
(docs/cold41.md, fix 3): the columns printed on a page of their own end the rows of the page they go on
from. Before, each page's columns were rows of their own (「值班日期：10月3日；值班时段：…」 naming nobody).

Files: ``tests/fixtures/spilled_sheets/`` (LibreOffice Calc's PDF export), made by
``make_spilled_sheets.py``.
"""

from __future__ import annotations

from pathlib import Path

from corpus import check_conservation, parse_document, read_bytes
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
