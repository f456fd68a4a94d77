"""A table's caption over it (「附表：2027年度建议采纳情况一览表」, 「表2 …」) is its rows' section.

Before, the caption's label and colon kept it a line of text: it was run into the last passage of the section
above the table, and every row was cited under that section (cold24's report typeset by typst: the 41 rows
of its 附表 under 「四、2028年工作打算」, whose passage then matched every question about 2027 and 采纳). The
files: ``tests/fixtures/typst/report.typst.pdf`` (typst, made by ``make_typst_report.py`` there) and a Word
document python-docx writes at test time.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

from docx import Document as WordDocument
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_document
from corpus.records import Block, Document

ROOT = Path(__file__).resolve().parents[1]
TYPST = ROOT / "tests" / "fixtures" / "typst"


def _maker():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_typst_report", TYPST / "make_typst_report.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_a_typst_reports_appended_table_is_cited_under_its_caption() -> None:
    maker = _maker()
    [speech] = parse_document(read_document(TYPST / "report.typst.pdf"))
    rows = [p for p in speech.paragraphs if p.kind == "table_row"]
    assert len(rows) == len(maker.ROWS)
    assert {p.section for p in rows} == {maker.CAPTION}
    assert all(maker.CAPTION not in p.text for p in speech.paragraphs)  # a section, not a line of text
    body = [p for p in speech.paragraphs if p.kind != "table_row"]
    assert body[-1].section == "二、下一步打算"  # the section above the table keeps its own text only


def test_a_word_tables_caption_is_its_rows_section(tmp_path: Path) -> None:
    doc = WordDocument()
    doc.add_heading("溪宁市老干部活动中心2027年工作总结", 0)
    doc.add_paragraph("一、场馆开放情况")
    doc.add_paragraph("活动中心全年开放298天，接待老同志3.2万人次，比上年增长12%。")
    doc.add_paragraph("表1　2027年各活动室使用情况")
    table = doc.add_table(rows=3, cols=3)
    for row, cells in zip(
        table.rows,
        (("活动室", "开放天数", "使用人次"), ("棋牌室", "298", "9800"), ("书画室", "240", "5100")),
        strict=True,
    ):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    doc.add_paragraph("二、明年打算")
    doc.add_paragraph("明年将增设一间乒乓球室，延长周末开放时间。")
    path = tmp_path / "总结.docx"
    doc.save(str(path))
    [speech] = parse_document(read_document(path))
    rows = [p for p in speech.paragraphs if p.kind == "table_row"]
    assert [p.section for p in rows] == ["一、场馆开放情况 › 表1 2027年各活动室使用情况"] * 2
    assert [p.section for p in speech.paragraphs if p.text.startswith("明年")] == ["二、明年打算"]


# --- the rule, as a property over a document's blocks --------------------------------------------------

LABELS = st.sampled_from(["附表", "附表1", "附表二", "续表", "表1", "表3", "表十二"])
TITLE_WORDS = st.text(alphabet="年度老干部活动经费项目情况统计明细一览表", min_size=3, max_size=20)
CELLS = st.text(alphabet="甲乙丙丁戊己庚辛壬癸0123456789", min_size=1, max_size=8)


@settings(max_examples=150, deadline=None)
@given(
    LABELS,
    st.sampled_from(["：", ":", "　", " ", ""]),
    TITLE_WORDS,
    st.lists(st.tuples(CELLS, CELLS), min_size=1, max_size=6),
)
def test_any_caption_over_a_table_is_its_rows_section(
    label: str, separator: str, title: str, rows: list[tuple[str, str]]
) -> None:
    caption = f"{label}{separator}{title}"
    blocks = (
        Block("一、工作情况", "heading", 1),
        Block("今年共开展活动二十次，参加的老同志比去年多了三成。", "paragraph"),
        Block(caption, "paragraph"),
        *(Block(f"项目：{a}；数量：{b}", "table_row") for a, b in rows),
    )
    text = "\n".join(b.text for b in blocks)
    [speech] = parse_document(Document("总结.docx", text, "docx", blocks=blocks))
    found = [p for p in speech.paragraphs if p.kind == "table_row"]
    assert [p.text for p in found] == [f"项目：{a}；数量：{b}" for a, b in rows]  # each row once, in order

    # compared as cleaning may write it: a colon full-width or not, no space between Chinese and digits
    def norm(text: str) -> str:
        return re.sub(r"\s", "", text).replace(":", "：").rstrip("：")

    assert all(p.section and norm(p.section).endswith(norm(caption)) for p in found)
    assert [p.text for p in speech.paragraphs if p.kind != "table_row"] == [
        "今年共开展活动二十次，参加的老同志比去年多了三成。"
    ]
