"""A PDF table set with level rules only (三线表) reads as a table, each row labelled by its head.

pdfplumber finds a table by its upright rules; a 三线表 — a rule over the head, one under it, one under the
last row: LaTeX's booktabs, Word's and WPS's 三线表 style, most reports' statistics — has none, and its rows
ran into the paragraph above it, cell into cell (cold25's XeLaTeX report: 「…见表1。表1: 2027年度送戏下乡演出
情况季度场次主要剧目观众人次第一季度5《五女拜寿》选段1500…」). Now its columns are found by the gaps in the text
between the rules (corpus/pdf.py ``_three_line_tables``). And a one-page LaTeX report's page number, printed
above the margin band, no longer ends its last paragraph (corpus/layout.py ``_foot_number``).

The files: ``tests/fixtures/three_line/report.{xelatex,libreoffice}.pdf``, made by ``make_three_line_pdfs.py``
there (XeLaTeX + booktabs; python-docx with Word's 三线表 borders → LibreOffice Writer); the properties'
tables are drawn by reportlab (Noto Serif CJK SC) at test time.
"""

from __future__ import annotations

import functools
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_document
from tests.fixtures.corpus_writers import truetype_font
from tests.fixtures.producers import load_maker

THREE_LINE = Path(__file__).resolve().parent / "fixtures" / "three_line"
FILES = sorted(THREE_LINE.glob("report.*.pdf"))
_CHARACTERS = "书法声乐太极拳智能手机活动地点服务老干部中心文化站"
BEFORE = "一、基本情况，全年活动情况见下表。"
AFTER = "二、下一步打算，明年将在各文化站开展活动。"
TITLE = "溪宁市老干部中心2027年工作总结"
IMPRINT = (
    "关于开展走访慰问活动的通知",
    "各区老干部局：请做好年终走访慰问工作。",
    "抄送：市委办公室，市政府办公室。",
)
IMPRINT_LINE = ("市委老干部局办公室", "2027年12月5日印发")
ALPHABET = "".join(
    sorted(set(_CHARACTERS + BEFORE + AFTER + TITLE + "".join(IMPRINT + IMPRINT_LINE) + "0123456789"))
)


def _maker():  # type: ignore[no-untyped-def]
    return load_maker(THREE_LINE / "make_three_line_pdfs.py")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a_three_line_tables_rows_are_labelled_under_its_caption(path: Path) -> None:
    maker = _maker()
    [speech] = parse_document(read_document(path))
    rows = [p for p in speech.paragraphs if p.kind == "table_row"]
    assert [p.text for p in rows] == [
        "；".join(f"{h}：{c}" for h, c in zip(maker.HEAD, row, strict=True)) for row in maker.ROWS
    ]
    assert all(p.section and p.section.endswith(maker.CAPTION) for p in rows)  # 「表1: …」「表1 …」
    text = [p.text for p in speech.paragraphs if p.kind == "text"]
    assert text == [maker.BEFORE[1], maker.AFTER[1]]  # nothing else moved; no 「1」 after the last one


@functools.cache
def _face() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = Path(tempfile.mkdtemp())
    pdfmetrics.registerFont(
        TTFont("ThreeLineSC", str(truetype_font(ALPHABET, folder / "f.ttf", "ThreeLineSC")))
    )
    return "ThreeLineSC"


def _pdf(path: Path, blocks: list[object]) -> None:
    """A report drawn by reportlab: paragraphs (str) and tables (a list of rows, the rules given with them)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    face = _face()
    style = ParagraphStyle("body", fontName=face, fontSize=12, leading=20, firstLineIndent=24)
    story: list[object] = []
    for block in blocks:
        if isinstance(block, str):
            story.append(Paragraph(block, style))
            continue
        rows, rules = block  # type: ignore[misc]
        table = Table(rows)
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), face, 11), *rules]))
        story += [Spacer(1, 8), table, Spacer(1, 8)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


_THREE_RULES = [
    ("LINEABOVE", (0, 0), (-1, 0), 1.2, "black"),
    ("LINEBELOW", (0, 0), (-1, 0), 0.6, "black"),
    ("LINEBELOW", (0, -1), (-1, -1), 1.2, "black"),
]
_WORD = st.text(st.sampled_from(_CHARACTERS), min_size=2, max_size=6)
_NUMBER = st.integers(min_value=1, max_value=9999).map(str)


@st.composite
def _tables(draw):  # type: ignore[no-untyped-def]
    columns = draw(st.integers(min_value=2, max_value=4))
    head = draw(st.lists(_WORD, min_size=columns, max_size=columns, unique=True))
    rows = draw(
        st.lists(
            st.tuples(_WORD, *[_NUMBER] * (columns - 1)).map(list),
            min_size=2,
            max_size=6,
            unique_by=lambda row: row[0],
        ).filter(lambda rows: not {row[0] for row in rows} & set(head))  # a cell is never its own head
    )
    return head, rows


# each example typesets and reads a PDF: no shrinking (minutes), the failing table is printed as drawn
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
)
@given(_tables())
def test_any_three_line_table_reads_row_by_row_labelled_by_its_head(table) -> None:  # type: ignore[no-untyped-def]
    """Property: whatever its heads and rows, a 三线表 reads each row once, in order, each cell labelled by
    its column's head, and the paragraphs around it as they are."""
    head, rows = table
    before, after = BEFORE, AFTER
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.pdf"
        _pdf(path, [TITLE, before, ([head, *rows], _THREE_RULES), after])
        [speech] = parse_document(read_document(path))
    read = [p.text for p in speech.paragraphs if p.kind == "table_row"]
    assert read == ["；".join(f"{h}：{c}" for h, c in zip(head, row, strict=True)) for row in rows]
    text = "".join(p.text for p in speech.paragraphs if p.kind != "table_row")
    assert re.sub(r"\s", "", before) in re.sub(r"\s", "", text) and after in text


def test_a_notices_imprint_between_three_rules_is_no_table() -> None:
    """A 公文's 版记 — 抄送 over a rule over the 印发 line, between two heavier rules — is two lines, not a
    table: one row on each side of its middle rule."""
    imprint = (
        [[IMPRINT[2], ""], list(IMPRINT_LINE)],
        [
            ("LINEABOVE", (0, 0), (-1, 0), 1.2, "black"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, "black"),
            ("LINEBELOW", (0, -1), (-1, -1), 1.2, "black"),
        ],
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "notice.pdf"
        _pdf(path, [IMPRINT[0], IMPRINT[1], imprint])
        [speech] = parse_document(read_document(path))
    assert not [p for p in speech.paragraphs if p.kind == "table_row"]
