"""A list set in columns by tab stops in Word (「序号→姓名→原单位及职务→慰问方式……慰问金」, no table) is read
row by row, each cell labelled by the list's head row as a table's are; before, the tabs between Chinese
words were dropped and the rows ran together into one passage. Files made by python-docx with real tab
stops (left stops and a right stop with a dot leader)."""

from __future__ import annotations

import io
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes

EXAMPLES = int(os.environ.get("SPEECHQA_PROPERTY_EXAMPLES", "25"))
COLD43 = Path(__file__).resolve().parent.parent / "benchmarks" / "corpus-cold43"
HAN = "老干部局活动中心体检项目标准慰问走访学习服务报名费用地点时间对象医院社区县城关镇同志离退休全体"


def _tabbed_docx(before: list[str], rows: list[list[str]], after: list[str]) -> bytes:
    from docx import Document
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Cm

    doc = Document()
    for line in before:
        doc.add_paragraph(line)
    for row in rows:
        p = doc.add_paragraph()
        stops = p.paragraph_format.tab_stops
        for n in range(1, len(row) - 1):
            stops.add_tab_stop(Cm(3.5 * n))
        stops.add_tab_stop(Cm(15), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        p.add_run("\t".join(row))
    for line in after:
        doc.add_paragraph(line)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def test_the_tab_stop_list_of_a_visiting_notice_is_read_row_by_row() -> None:
    path = COLD43 / "2038年春节走访慰问对象及慰问金发放名单.docx"
    document = read_bytes(path.name, path.read_bytes())
    (notice,) = parse_document(document)
    texts = [p.text for p in notice.paragraphs]
    assert "序号：2；姓名：柏秋菊；原单位及职务：原县政协副主席；慰问方式：上门走访；慰问金：2000元" in texts
    assert sum("冉德厚" in t for t in texts) == 1
    assert not any("慰问金1冉德厚" in t for t in texts)  # the head row no longer runs into the first name
    assert notice.date == "2038-01-10"


def test_two_tabbed_lines_are_still_text() -> None:
    """A line or two with a tab (「联系人：张三→电话：…」) is no list: read as the text it is."""
    data = _tabbed_docx(["通知如下："], [["联系人：屈晓帆", "电话：0576-8531207"]], ["特此通知。"])
    text = read_bytes("通知.docx", data).text
    assert "联系人：屈晓帆" in text and "电话：0576-8531207" in text
    assert "；" not in text


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cells=st.lists(
        st.lists(st.text(alphabet=HAN, min_size=2, max_size=8), min_size=3, max_size=3),
        min_size=2,
        max_size=10,
        unique_by=lambda row: row[0],
    )
)
def test_no_cell_of_a_tab_stop_list_is_lost_or_read_twice(cells: list[list[str]]) -> None:
    rows = [["名称", "内容", "备注"], *cells]
    data = _tabbed_docx(["名单如下："], rows, ["以上名单已经审核。"])
    document = read_bytes("名单.docx", data)
    for a, b, c in cells:  # each row one row, labelled by the head row, once
        assert document.text.count(f"名称：{a}；内容：{b}；备注：{c}") == 1, document.text
    assert document.text.count("名单如下：") == 1 and document.text.count("以上名单已经审核。") == 1
