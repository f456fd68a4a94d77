"""A workbook is titled by its first sheet's title row, else by a later sheet's title row that is a title of
its own (a cover sheet's), else by the file's own title property, never by a later sheet's title row that only
names that sheet or heads its notes (「填表说明」).

cold36's 助餐补贴 workbook (docs/cold36.md, "Left"): its first sheet is the table with no title row over it,
its second sheet 「填表说明」 opens with the title row 「填表说明」, and the workbook was titled 「填表说明」 — its
title property (「岫宁县2033年一季度老年助餐补贴发放明细」) unused. The files: ``tests/fixtures/workbook_titles``
(openpyxl, and its **LibreOffice Calc** .ods and .xls; ``make_workbook_titles.py`` there). mend63r: a title
property (hidden in 「属性」) no longer beats a cover sheet's visible title row; a .xls's property is read as the
.xlsx's is; Windows' and WPS's default names (「新建 Microsoft Excel 工作表」) are no title.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_document

HERE = Path(__file__).parent / "fixtures" / "workbook_titles"
TITLE = "澄溪县2034年二季度老年助餐补贴发放明细"


def _read(path: Path) -> tuple[str, list[str]]:
    (speech,) = parse_document(read_document(path))
    return speech.title, [p.text for p in speech.paragraphs]


def test_a_workbook_with_no_title_row_on_its_first_sheet_is_titled_by_its_title_property() -> None:
    for name in ("allowance.titled.xlsx", "allowance.titled.calc.ods", "allowance.titled.calc.xls"):
        title, texts = _read(HERE / name)
        assert title == TITLE, (name, title)
        assert any(t.startswith("乡镇：城南镇；助餐点：城南社区长者食堂") for t in texts), texts
        assert sum("补贴对象为本县户籍" in t for t in texts) == 1, texts


def test_a_later_sheets_title_row_naming_its_sheet_does_not_title_the_workbook() -> None:
    title, texts = _read(HERE / "allowance.untitled.xlsx")
    assert title == "allowance.untitled", title  # the file's name, as for any untitled document
    assert sum("补贴对象为本县户籍" in t for t in texts) == 1, texts  # the 说明 still read, once


def test_a_default_title_property_is_no_title() -> None:
    title, _ = _read(HERE / "allowance.default.xlsx")
    assert title == "allowance.default", title


def test_a_cover_sheets_title_row_beats_the_hidden_title_property_in_every_format() -> None:
    for name in ("cover.titled.xlsx", "cover.titled.calc.xls", "cover.titled.calc.ods"):
        title, texts = _read(HERE / name)
        assert title == "澄溪县2034年二季度老年助餐补贴发放明细表", (name, title)
        assert any(t.startswith("姓名：赵桂兰") for t in texts), (name, texts)


_NAMES = ["登记表", "填表说明", "经费明细", "活动安排"]
_TITLES = ["2034年老干部活动登记表", "经费预算明细表", "重阳节活动安排"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    sheets=st.integers(min_value=1, max_value=3),
    first_title=st.sampled_from([None, *_TITLES]),
    later=st.lists(st.sampled_from(["none", "name", "notes", "title"]), min_size=2, max_size=2),
    own=st.sampled_from([None, "澄溪县老干部局2034年工作台账", "工作簿1", "新建 XLSX 工作表"]),
)
def test_the_workbooks_title_comes_from_its_first_titled_place(
    sheets: int, first_title: str | None, later: list[str], own: str | None
) -> None:
    """The first sheet's title row, else the first later sheet's title row that is more than its sheet's name,
    else a title property that is no default name, else the file's name; every value read once."""
    book = openpyxl.Workbook()
    values: list[str] = []
    expected = first_title
    for n in range(sheets):
        ws = book.active if n == 0 else book.create_sheet(_NAMES[n])
        ws.title = _NAMES[n]
        kind = ("title" if first_title else "none") if n == 0 else later[n - 1]
        row_title = first_title if n == 0 else {"name": _NAMES[n], "notes": "填报说明"}.get(kind, _TITLES[n])
        if kind != "none":
            ws.append([row_title])
        ws.append(["项目", "内容"])
        for k in range(2):
            value = f"第{n + 1}表第{k + 1}项内容"
            values.append(value)
            ws.append([f"事项{k + 1}", value])
    if own:
        book.properties.title = own
    if expected is None:
        expected = next((_TITLES[n] for n in range(1, sheets) if later[n - 1] == "title"), None)
    if expected is None and own and not own.startswith(("工作簿", "新建")):
        expected = own
    if expected is None:
        expected = _NAMES[0] if sheets == 1 else "book"  # a lone sheet's heading titles it, as before
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "book.xlsx"
        book.save(path)
        title, texts = _read(path)
    assert title == expected, (title, expected)
    for value in values:
        assert sum(value in t for t in texts) == 1, (value, texts)
