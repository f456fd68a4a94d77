"""A sheet's title row that only repeats the sheet's name is read once, as the sheet's heading.

cold29's Calc .xlsm (docs/cold29.md, "Left"): its second sheet 「竞赛规程」 opens with a merged title row
「竞赛规程」, read twice — the section's heading and a passage of its own under it (`speechqa show`: 「§ 竞赛规程」
then 「#170 竞赛规程」), a passage of two words that only names its section. Now the heading alone; a title row
saying more than the sheet's name (「2028年老干部象棋邀请赛参赛名单」 on sheet 「参赛名单」) is read as before.

The files: ``tests/fixtures/calc_xlsm/rules.calc.xlsm`` (openpyxl → **LibreOffice Calc**, made by
``make_calc_xlsm.py`` there) and workbooks written by openpyxl here (tests/fixtures/office_writers.py).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from click.testing import Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import read_bytes
from tests.fixtures.office_writers import Sheet, write_workbook

FIXTURE = Path(__file__).parent / "fixtures" / "calc_xlsm" / "rules.calc.xlsm"


def test_the_calc_workbooks_rules_sheet_is_titled_once(run: Callable[..., Result]) -> None:
    """Through `speechqa add --check` and `show`: 「竞赛规程」 is the section's heading, no passage; every cell
    still reaches a passage or a heading (the check passes); the other sheet's title row is the title."""
    added = run("add", "--check", str(FIXTURE))
    assert added.exit_code == 0 and "全部进入段落" in added.output, added.output
    shown = run("show", "6")
    assert shown.exit_code == 0, shown.output
    lines = [line.strip() for line in shown.output.splitlines()]
    assert lines.count("§ 竞赛规程") == 1
    assert not any(line.split(" ", 1)[-1] == "竞赛规程" for line in lines if line.startswith("#")), lines
    assert lines[0] == "2028年老干部象棋邀请赛参赛名单"
    assert any(line.endswith("比赛日期：2028年11月4日至5日") for line in lines), lines


_NAME = st.text(alphabet="竞赛规程活动安排报名须知经费预算明细参赛名单", min_size=2, max_size=8)
_VALUE = st.text(alphabet="县老干部活动中心三楼采用规则颁发证书由协会负责每人元", min_size=3, max_size=14)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=_NAME,
    title=st.one_of(_NAME, st.just("")),
    spaced=st.booleans(),
    values=st.lists(_VALUE, min_size=2, max_size=4),
)
def test_a_title_row_is_dropped_only_when_it_repeats_its_sheets_name(
    name: str, title: str, spaced: bool, values: list[str]
) -> None:
    """A second sheet, a table under a merged title row: the title row, when it is the sheet's
    name (spaces apart: 「竞赛 规程」), is not a line of its own; any other title row is, in its place;
    every value is read either way."""
    title = title or name  # (half the cases or so: the title row is the sheet's name)
    shown_title = " ".join(title) if spaced and title == name else title
    first = Sheet("名单", (("参加人员名单", None), ("姓名", "单位"), ("甄国良", "县农业农村局")), ("A1:B1",))
    rows = ((shown_title, None), ("事项", "内容"), *((f"第{n}项", v) for n, v in enumerate(values, 1)))
    second = Sheet(name if name != "名单" else "名单二", rows, ("A1:B1",))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "book.xlsx"
        write_workbook((first, second), path)
        lines = read_bytes("book.xlsx", path.read_bytes()).text.splitlines()
    under = lines[lines.index(second.name) + 1 :]  # the second sheet, after its heading
    if title == second.name:
        assert shown_title not in under and title not in under, lines
    else:
        assert under[0] == shown_title, lines
    for n, value in enumerate(values, 1):
        assert f"事项：第{n}项；内容：{value}" in under, lines
