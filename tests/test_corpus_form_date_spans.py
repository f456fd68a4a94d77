"""A table of labels and values whose first value is a span of days reads each value after its own label
(cold29).

A sheet of rules or arrangements opens 「比赛日期｜2029年3月17日至18日」 over 「比赛地点｜…」, 「裁判长｜…」. Such a table
of two columns is read as a form (`corpus.tables.is_form`) when its first row cannot be a header: one of its
values is a person's name, a number or a date. A date, yes — but not a span of days from one: so the first
row was taken for a header and labelled every other, 「比赛日期：比赛地点；2029年3月17日至18日：县老干部活动中心…」
(cold29's Calc .xlsm, all six rules). A span from a date naming its month (「…至18日」, 「…—6月26日」,
「2029.3.17-3.18」) now titles no column, as the date alone does not; a bare span of years (「2023—2024」) is
no evidence, as a bare year is not.

The file: ``tests/fixtures/calc_xlsm/rules.calc.xlsm``, made by ``make_calc_xlsm.py`` there (openpyxl →
**LibreOffice Calc**, saved as a macro-enabled workbook, ``Calc MS Excel 2007 VBA XML``).
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import read_bytes
from corpus.tables import labelled_rows
from tests.fixtures.calc_xlsm.make_calc_xlsm import SHEETS

FIXTURE = Path(__file__).parent / "fixtures" / "calc_xlsm" / "rules.calc.xlsm"


def test_the_rules_sheet_reads_each_value_after_its_label() -> None:
    """main: 「比赛日期：比赛地点；2028年11月4日至5日：县老干部活动中心二楼」 and so on for every rule."""
    lines = read_bytes("规程.xlsm", FIXTURE.read_bytes()).text.splitlines()
    for label, value in SHEETS[1].rows[1:]:
        assert f"{label}：{value}" in lines
    assert not any(line.startswith("比赛日期：比赛地点") for line in lines)
    assert "序号：1；姓名：甄国良；单位：县农业农村局" in lines  # the data sheet under its header, as before


_HAN = st.text(
    alphabet="活动比赛地点规则用时计分办法裁判长奖励对象要求联系人场地器材组织报名方式",
    min_size=2,
    max_size=8,
)
_PHRASE = st.text(
    alphabet="县老干部活动中心三楼棋牌室采用中国规则颁发奖杯书籍由协会负责，", min_size=4, max_size=18
)


@st.composite
def _span(draw: st.DrawFn) -> str:
    year, month, day = draw(st.integers(2020, 2030)), draw(st.integers(1, 12)), draw(st.integers(1, 27))
    end = draw(st.sampled_from([f"{day + 1}日", f"{month}月{day + 1}日", f"{day + 1}"]))
    joiner = draw(st.sampled_from(["至", "到", "—", "-", "～"]))
    if draw(st.booleans()):
        return f"{year}年{month}月{day}日{joiner}{end if end[-1] == '日' else end + '日'}"
    return f"{year}.{month}.{day}{joiner if joiner in '-～' else '-'}{month}.{day + 1}"


@settings(max_examples=200, deadline=None)
@given(
    labels=st.lists(_HAN, min_size=2, max_size=7, unique=True),
    span=_span(),
    values=st.lists(_PHRASE, min_size=6, max_size=6),
)
def test_a_form_opening_with_a_span_of_days_pairs_its_labels(
    labels: list[str], span: str, values: list[str]
) -> None:
    """Any two-column table of distinct labels whose first value is a span of days reads 「label：value」 row by
    row (main: falsified — the first row labelled the rest)."""
    rows = [[labels[0], span], *([label, value] for label, value in zip(labels[1:], values, strict=False))]
    assert labelled_rows(rows) == [f"{label}：{value}" for label, value in rows]


@settings(max_examples=100, deadline=None)
@given(span=_span(), values=st.lists(_PHRASE, min_size=1, max_size=5))
def test_a_data_table_of_spans_keeps_its_header(span: str, values: list[str]) -> None:
    """A table headed 「日期｜活动」 with spans of days in its rows is still read under its header."""
    rows = [["日期", "活动"], *([span, value] for value in values)]
    assert labelled_rows(rows) == [f"日期：{span}；活动：{value}" for value in values]
