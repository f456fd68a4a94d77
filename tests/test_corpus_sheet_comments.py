"""Cell comments (批注) in workbooks (corpus.sheets): openpyxl workbooks whose cells carry Excel notes signed by
their author — each comment read once, in the row of the cell it is about, a header cell's after the table."""

from __future__ import annotations

import io
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import read_bytes, read_document

HEADER = ("乡镇", "助餐点", "就餐老人（人）", "补贴金额（元）")


def _book(
    rows: list[tuple[str, str, int, int]], comments: dict[tuple[int, int], str], author: str = "汪丽娟"
) -> bytes:
    """A workbook of one named sheet: the header, the rows, and a comment on each (row, column) given (row 0
    the header), written as Excel writes a note: 「author:」 on its first line."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment

    book = Workbook()
    sheet = book.active
    sheet.title = "发放明细"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    for (r, c), text in comments.items():
        sheet.cell(row=r + 1, column=c + 1).comment = Comment(f"{author}:\n{text}", author)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


ROWS = [("城关镇", "长者食堂", 186, 34370), ("石门乡", "幸福食堂", 64, 9315)]


def test_a_comment_is_read_beside_its_value_and_a_header_comment_after_the_table() -> None:
    data = _book(
        ROWS,
        {
            (0, 3): "补贴标准：每餐补贴3元。",
            (1, 3): "含高龄老人加补部分4910元。",
            (2, 1): "3月起改由中心厨房统一配送。",
        },
    )
    blocks = [(b.kind, b.text) for b in read_bytes("明细.xlsx", data).blocks]
    assert blocks == [
        ("heading", "发放明细"),
        (
            "table_row",
            "乡镇：城关镇；助餐点：长者食堂；就餐老人（人）：186；补贴金额（元）：34370（批注：含高龄老人加补部分4910元。）",
        ),
        (
            "table_row",
            "乡镇：石门乡；助餐点：幸福食堂（批注：3月起改由中心厨房统一配送。）；就餐老人（人）：64；补贴金额（元）：9315",
        ),
        ("paragraph", "补贴金额（元）（批注）：补贴标准：每餐补贴3元。"),
    ]  # main: no comment read, and none of the author's 「汪丽娟:」 lines


_NOTE = st.text(
    alphabet="含高龄老人加补部分元起改由中心厨房统一配送其中失能人志愿者每天上门，。0123456789",
    min_size=2,
    max_size=40,
)
_TOWN = st.text(alphabet="城关石门青桐柳埠白沙", min_size=2, max_size=3).map(lambda t: t + "镇")


@settings(max_examples=40, deadline=None)
@given(
    towns=st.lists(_TOWN, min_size=1, max_size=6, unique=True),
    data=st.data(),
)
def test_every_comment_reads_once_in_its_own_row(towns: list[str], data: st.DataObject) -> None:
    """Any rows, comments on any body cells: each comment's text is in exactly one block — the row of its
    cell — and every row keeps its cells."""
    rows = [(town, f"{town}食堂", 10 + n, 1000 + n) for n, town in enumerate(towns)]
    places = data.draw(
        st.lists(st.tuples(st.integers(1, len(rows)), st.integers(0, 3)), max_size=6, unique=True)
    )
    comments = {place: data.draw(_NOTE) + f"（第{i}条）" for i, place in enumerate(places)}
    blocks = [b for b in read_bytes("明细.xlsx", _book(rows, comments)).blocks if b.kind == "table_row"]
    assert len(blocks) == len(rows)
    for (r, _), text in comments.items():
        holding = [n for n, block in enumerate(blocks) if f"（批注：{text}）" in block.text]
        assert holding == [r - 1]
    for block, row in zip(blocks, rows, strict=True):
        assert block.text.startswith(f"乡镇：{row[0]}")
        assert "汪丽娟" not in block.text


# -- the same comments in Calc's .ods and .xls (layout65) ------------------------------------------------

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "sheet_comments"


@pytest.mark.parametrize("suffix", ["xlsx", "ods", "xls"])
def test_comments_read_alike_in_xlsx_ods_and_xls(suffix: str) -> None:
    # openpyxl's workbook saved by LibreOffice Calc (make_sheet_comments.py): a header cell's comment after
    # the table, a body cell's beside its value, one on an empty cell in its place, one on a hidden column's
    # cell not at all, and Excel's 「作者:」 line dropped though Calc lost the author's name. On main the
    # .ods and .xls read no comment.
    blocks = [(b.kind, b.text) for b in read_document(FIXTURES / f"allowances.{suffix}").blocks]
    assert blocks == [
        ("title", "2035年一季度离休干部助餐补贴发放表"),
        ("heading", "发放明细"),
        (
            "table_row",
            "乡镇：城关镇；助餐点：长者食堂；就餐老人（人）：186；补贴金额（元）：34370（批注：含80周岁以上老人加补部分4910元。）",
        ),
        (
            "table_row",
            "乡镇：石门乡；助餐点：幸福食堂（批注：3月起改由中心厨房统一配送，送餐车由镇政府安排。）；就餐老人（人）：64；补贴金额（元）：9315",
        ),
        (
            "table_row",
            "乡镇：青桐镇；助餐点：（批注：助餐点在建，本季度由城关镇长者食堂代送。）；就餐老人（人）：12；补贴金额（元）：1800",
        ),
        ("paragraph", "补贴金额（元）（批注）：补贴标准：每餐补贴3元，80周岁以上加补1元。"),
    ]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    towns=st.lists(_TOWN, min_size=1, max_size=5, unique=True),
    data=st.data(),
)
def test_any_comments_read_the_same_from_calcs_ods_and_xls(towns: list[str], data: st.DataObject) -> None:
    """Comments on any cells of any rows — of the table or outside it (mend65L: right of it, under it) — the
    workbook saved by Calc as .ods and .xls: both read exactly the .xlsx's blocks, each comment in one block
    only, every row's cells under their header's labels."""
    from tests.fixtures.documents.make_fixtures import soffice_all

    rows = [(town, f"{town}食堂", 10 + n, 1000 + n) for n, town in enumerate(towns)]
    places = data.draw(
        # any cell: of the table, right of it (columns E, F: no value in any row), or in the empty row under it
        st.lists(
            st.tuples(st.integers(0, len(rows) + 1), st.integers(0, 5)), min_size=1, max_size=5, unique=True
        )
    )
    comments = {place: data.draw(_NOTE) + f"（第{i}条）" for i, place in enumerate(places)}
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "明细.xlsx"
        source.write_bytes(_book(rows, comments))
        expected = [(b.kind, b.text) for b in read_document(source).blocks]
        for text in comments.values():
            assert sum(text in block for _, block in expected) == 1
        for town in (
            towns
        ):  # every row under its labels (a comment on the town itself follows it: 「乡镇：…镇（批注：…）；」)
            assert (
                sum(
                    re.match(rf"乡镇：{town}(（批注：[^；]*）)?；助餐点：", block) is not None
                    for _, block in expected
                )
                == 1
            )
        for fmt in ("ods", "xls"):
            [converted] = soffice_all([source], fmt, Path(folder) / fmt)
            assert [(b.kind, b.text) for b in read_document(converted).blocks] == expected, fmt


def _read(name: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in read_document(FIXTURES / name).blocks]


@pytest.mark.parametrize("suffix", ["xlsx", "ods", "xls"])
def test_a_comment_on_an_empty_cell_right_of_the_table_is_read_after_it(suffix: str) -> None:
    """review65L (outside.*, make_review65L.py): a comment on column E, which holds no value. layout65 read
    it in an .ods as a column of its own — every row lost its header's labels — and not at all in an .xlsx
    or .xls; in all three it is a note after the table now."""
    assert _read(f"outside.{suffix}")[-3:] == [
        ("table_row", "乡镇：城关镇；助餐点：长者食堂；人数：186；金额：34370"),
        ("table_row", "乡镇：石门乡；助餐点：幸福食堂；人数：64；金额：9315"),
        ("paragraph", "批注：本行金额已复核，无误。"),
    ]


@pytest.mark.parametrize("suffix", ["xlsx", "ods", "xls"])
def test_a_label_opening_a_comment_is_kept(suffix: str) -> None:
    """review65L (labels.*): 「备注:」 and 「停办原因:」, labels the reviewer typed over the comment's text, are
    no author's line: layout65 dropped them from the .ods and .xls Calc made (their authors lost)."""
    text = "".join(block for _, block in _read(f"labels.{suffix}"))
    assert "（批注：备注:本点3月起停办。）" in text
    assert "（批注：停办原因:场地改造，暂停两个月。）" in text
    assert "（批注：第一段说明。第二段说明，另起一段。第三段。）" in text
    assert "本点由张三负责。" in text


@pytest.mark.parametrize("suffix", ["xlsx", "ods", "xls"])
def test_the_header_is_the_first_row_of_two_visible_cells_in_every_format(suffix: str) -> None:
    """review65L (hidden.*): the title row's other cell is in a hidden column. layout65's .xlsx counted it and
    took the title row for the header (no labels, the 金额 comment in the table); the .ods and .xls counted
    visible cells. One rule now: visible filled cells, as printed."""
    assert _read(f"hidden.{suffix}")[-3:] == [
        ("table_row", "乡镇：城关镇；助餐点：长者食堂；人数：186；金额：34370"),
        ("table_row", "乡镇：石门乡；助餐点：幸福食堂；人数：64；金额：9315"),
        ("paragraph", "金额（批注）：金额含加补部分。"),
    ]
