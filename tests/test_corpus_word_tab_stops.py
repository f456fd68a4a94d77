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
    ),
    gap=st.integers(min_value=0, max_value=9),
)
def test_no_cell_of_a_tab_stop_list_is_lost_or_read_twice(cells: list[list[str]], gap: int) -> None:
    """Each row one row, labelled by the head row, once — a row with an empty cell (「3→屈晓帆→→1000元」, two
    tabs in a row) too, and the rows after it still labelled (the review of cold43)."""
    body = [[str(n), a, "" if n == gap else b, f"{n}00元"] for n, (a, b, _) in enumerate(cells, start=1)]
    rows = [["序号", "名称", "内容", "金额"], *body]
    data = _tabbed_docx(["名单如下："], rows, ["以上名单已经审核。"])
    document = read_bytes("名单.docx", data)
    for n, a, b, amount in body:
        line = f"序号：{n}；名称：{a}；" + (f"内容：{b}；" if b else "") + f"金额：{amount}"
        assert document.text.count(line) == 1, document.text
    assert document.text.count("名单如下：") == 1 and document.text.count("以上名单已经审核。") == 1


def test_a_wrapped_cell_line_continues_its_row() -> None:
    """A row whose first cell is empty (「→→（兼县关工委主任）→」) is its row's wrapped office, not a row."""
    rows = [
        ["序号", "姓名", "原单位及职务", "慰问金"],
        ["1", "冉德厚", "原县人大常委会副主任", "2000元"],
        ["2", "屈晓帆", "原县老干部局局长", "1500元"],
        ["", "", "（兼县关工委主任）", ""],
        ["3", "龙晓岚", "原城关镇党委书记", "1500元"],
    ]
    text = read_bytes("名单.docx", _tabbed_docx(["名单如下："], rows, [])).text
    assert "序号：2；姓名：屈晓帆；原单位及职务：原县老干部局局长（兼县关工委主任）；慰问金：1500元" in text
    assert "序号：3；姓名：龙晓岚；原单位及职务：原城关镇党委书记；慰问金：1500元" in text


# Paragraphs parted by tabs that are no list (the review of cold43): each stays the line it is, its tabs
# read as spaces, and a 落款 typed with a tab still signs and dates the document.
_NOT_LISTS = {
    "programme": [
        ["9:00", "开幕式，局长冉德厚致辞"],
        ["9:30", "文艺演出"],
        ["10:30", "书画作品展示"],
        ["11:30", "集体合影"],
    ],
    "form": [
        ["姓名：冉德厚", "性别：男"],
        ["出生年月：1950年3月", "原职务：原县人大常委会副主任"],
        ["所在支部：机关第一支部", "报名课程：书法"],
    ],
    "signatures": [
        ["甲方（盖章）：中共栾坪县委老干部局", "乙方（盖章）：栾坪县人民医院"],
        ["代表签字：冉德厚", "代表签字：宫玉川"],
        ["2038年2月1日", "2038年2月1日"],
    ],
    "contents": [
        ["前言", "Ⅰ"],
        ["一、关于做好健康体检工作的通知", "第1页"],
        ["二、关于开展学习活动的通知", "4-6"],
        ["三、关于走访慰问工作的通知", "7-9"],
    ],
}


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    shape=st.sampled_from(sorted([*_NOT_LISTS, "poem"])),
    lines=st.lists(
        st.lists(st.text(alphabet=HAN, min_size=5, max_size=7), min_size=2, max_size=2),
        min_size=3,
        max_size=6,
    ),
    signed=st.booleans(),
)
def test_tabbed_lines_that_are_no_list_stay_lines(shape: str, lines: list[list[str]], signed: bool) -> None:
    """A programme (「9:00→开幕式」), a form (「姓名：冉德厚→性别：男」), two signers side by side, a typed 目录 and
    a poem set in two columns (any lines of words, no head row over figures) are no list: each line stays
    itself and no cell is labelled by the first line's. A 落款 typed on one line with a tab (「中共栾坪县委
    老干部局→2038年1月10日」) after a list of names stays the 落款: the document keeps its date."""
    rows = lines if shape == "poem" else _NOT_LISTS[shape]
    after = [["中共栾坪县委老干部局", "2038年1月10日"]] if signed and shape != "contents" else []
    data = _tabbed_docx(["各离退休干部党支部：", "现将有关事项通知如下。"], rows + after, [])
    document = read_bytes("通知.docx", data)
    for row in rows + after:
        assert " ".join(row) in document.text, document.text
    assert f"{rows[0][0]}：{rows[1][0]}" not in document.text
    if after:
        (notice,) = parse_document(document)
        assert notice.date == "2038-01-10"


def test_a_name_list_signed_with_a_tab_keeps_its_date() -> None:
    """The review of cold43: 「中共栾坪县委老干部局→2038年1月10日」 under a two-column list of names was read as
    the list's last row (「姓名：中共栾坪县委老干部局；原单位及职务：2038年1月10日」), the notice undated."""
    rows = [["姓名", "原单位及职务"], ["冉德厚", "原县人大常委会副主任"], ["柏秋菊", "原县政协副主席"]]
    data = _tabbed_docx(
        ["确定以下同志为走访慰问对象："], [*rows, ["中共栾坪县委老干部局", "2038年1月10日"]], []
    )
    (notice,) = parse_document(read_bytes("名单.docx", data))
    assert notice.date == "2038-01-10"
    assert "姓名：中共栾坪县委老干部局" not in " ".join(p.text for p in notice.paragraphs)
