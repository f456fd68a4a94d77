"""A list's own dates are no document date (docs/read69.md).

A workbook of 体检 rows was dated by its last row (「2027年离休干部体检名单 · 2027-05-10」 in docs/newuser67.md,
a 体检日期 cell; cold19's 插花 course table by its last class, cold27's 旗袍 table by its last week): the
form rule that dates a form by its 「…日期」 field took every row's 体检日期 for one. A label heading a cell
among others in several rows is a column of a list; its dates are the rows'. The list's date is what dates
the document itself — a 「制表日期：…」 line under it (once under each sheet, too) — else none.

The files: workbooks written by openpyxl (and saved again by LibreOffice Calc as .ods), a python-docx table.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_document
from tests.fixtures.corpus_writers import write_docx
from tests.fixtures.office_writers import Sheet, write_workbook

TITLE = "2027年离休干部体检名单"
HEAD = ["序号", "姓名", "体检日期", "体检医院"]
ROWS = [
    [1, "钱国强", dt.date(2027, 5, 8), "市第一人民医院"],
    [2, "孙丽华", dt.date(2027, 5, 10), "市中医院"],
    [3, "李建国", dt.date(2027, 5, 9), "市第一人民医院"],
]


def _read(path: Path) -> tuple[str, str | None, list[str]]:
    [speech] = parse_document(read_document(path))
    return speech.title, speech.date, [p.text for p in speech.paragraphs]


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_a_workbook_of_rows_is_not_dated_by_its_rows(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"体检名单{suffix}"
    write_workbook([Sheet("名单", [[TITLE], HEAD, *ROWS], merges=["A1:D1"])], path)
    title, date, texts = _read(path)
    assert title == TITLE
    assert date is None
    assert sum("体检日期：2027年5月" in text for text in texts) == len(ROWS)  # every row still read


def test_a_workbooks_tabulation_date_dates_it_under_each_sheet(tmp_path: Path) -> None:
    """「制表日期：2027年4月28日」 under both sheets (cold39's 扎染 workbook prints it so) is the date."""
    foot = [["制表日期：2027年4月28日"]]
    sheets = [
        Sheet("名单", [[TITLE], HEAD, *ROWS, *foot]),
        Sheet(
            "安排",
            [
                ["医院", "体检日期"],
                ["市中医院", dt.date(2027, 5, 12)],
                ["市第一人民医院", dt.date(2027, 5, 13)],
                *foot,
            ],
        ),
    ]
    write_workbook(sheets, tmp_path / "体检名单.xlsx")
    assert _read(tmp_path / "体检名单.xlsx")[1] == "2027-04-28"


def test_a_word_list_under_a_title_is_not_dated_by_its_rows_but_a_form_is_by_its_field(
    tmp_path: Path,
) -> None:
    """python-docx: a table of people and their 体检日期 dates no notice; a form's one 填表日期 still does."""
    rows = [["姓名", "体检日期"], ["赵桂兰", "2027年5月9日"], ["钱立新", "2027年5月10日"]]
    write_docx([("title", "2027年离休干部体检安排"), ("table", rows)], tmp_path / "安排.docx", author="局")
    assert _read(tmp_path / "安排.docx")[1] is None
    form = [
        ["姓名", "赵桂兰"],
        ["联系电话", "13712345678"],
        ["填表人", "钱立新"],
        ["填表日期", "2027年4月2日"],
    ]
    write_docx(
        [("title", "2027年离休干部体检登记表"), ("table", form)], tmp_path / "登记表.docx", author="局"
    )
    assert _read(tmp_path / "登记表.docx")[1] == "2027-04-02"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    days=st.lists(st.dates(dt.date(2020, 1, 1), dt.date(2039, 12, 31)), min_size=2, max_size=6),
    tabulated=st.none() | st.dates(dt.date(2020, 1, 1), dt.date(2039, 12, 31)),
)
def test_a_lists_date_is_its_tabulation_date_or_none_and_no_row_is_lost(
    days: list[dt.date], tabulated: dt.date | None
) -> None:
    """Property: whatever the rows' dates, the document's date is the 制表日期 line's or none — never a row's —
    and every row is read once."""
    rows = [[n, f"干部{n}", day, "市中医院"] for n, day in enumerate(days, start=1)]
    foot = [[f"制表日期：{tabulated.year}年{tabulated.month}月{tabulated.day}日"]] if tabulated else []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "名单.xlsx"
        write_workbook([Sheet("名单", [[TITLE], HEAD, *rows, *foot])], path)
        _, date, texts = _read(path)
    assert date == (tabulated.isoformat() if tabulated else None)
    for n in range(1, len(days) + 1):
        assert sum(f"姓名：干部{n}；" in text for text in texts) == 1


@pytest.mark.parametrize(
    ("title", "foot", "dated"),
    [
        ("离休干部体检安排（2027年6月1日）", [], "2027-06-01"),  # the title's full date
        ("离休干部体检安排", [["市委老干部局"], ["2027年4月25日"]], "2027-04-25"),  # its 落款 under the rows
        (
            "离休干部体检安排",
            [["制表人：王丽  制表日期：2027年4月26日"]],
            "2027-04-26",
        ),  # a foot line of fields
        ("离休干部体检安排", [["制表人", "王丽", "制表日期", "2027年4月26日"]], "2027-04-26"),  # its cells
        ("2027年5月离休干部体检安排", [], None),  # a month is no day: none, not a row's
    ],
)
def test_a_list_is_dated_by_its_title_its_signature_or_a_foot_line_of_fields(
    tmp_path: Path, title: str, foot: list[list[str]], dated: str | None
) -> None:
    """The review of read69: these workbooks, dated on main (by their last row, wrongly), were 日期不详 —
    the date a person reads off them is the title's full date, the bare date under the table (its 落款's),
    or the 制表日期 among a foot line's fields, on each of two sheets alike; never a row's 体检日期."""
    path = tmp_path / "安排.xlsx"
    sheets = [Sheet(name, [[title], HEAD, *ROWS, *foot]) for name in ("第1批", "第2批")]
    write_workbook(sheets, path)
    _, date, texts = _read(path)
    assert date == dated
    assert sum("体检日期：2027年5月" in text for text in texts) == 2 * len(ROWS)


def test_a_list_of_one_numbered_row_is_not_dated_by_it(tmp_path: Path) -> None:
    """A list of one person (its row numbered 1 under 序号) was still dated by its 体检日期 (the review's
    f_single.xlsx); a form's foot row (「填表人：…；填表日期：…」) has no 序号 and still dates its form."""
    path = tmp_path / "一人.xlsx"
    write_workbook([Sheet("名单", [["离休干部体检安排"], HEAD, ROWS[0]])], path)
    assert _read(path)[1] is None
    form = tmp_path / "表.xlsx"
    write_workbook(
        [
            Sheet(
                "表", [["离休干部体检申请表"], ["姓名", "钱国强"], ["填表人：王丽", "填表日期：2027年4月2日"]]
            )
        ],
        form,
    )
    assert _read(form)[1] == "2027-04-02"
