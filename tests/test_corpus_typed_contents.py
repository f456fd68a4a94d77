"""A 目录 typed by hand in a .docx, .odt or .rtf (corpus.contents): left out of the text as a generated one
is, its entries marking the body's unnumbered headings — read as the same plan exported to PDF reads.

Before, its entries were glued with the first heading and its paragraph into one paragraph
(「目录总体要求1招生对象和条件1…总体要求坚持…」) and a numbered entry became a section over the opening
(「四、工作要求1」). Files made by tests/fixtures/typed_contents/make_typed_contents.py (python-docx, then
LibreOffice Writer's .odt and .rtf); the PDFs are tests/fixtures/pdf_contents' exports of the same plans.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_document
from tests.fixtures.pdf_contents.make_contents import LONG, OPENING, SECTIONS
from tests.parse_stream import parse_stream

_HERE = Path(__file__).parent / "fixtures" / "typed_contents"
_PDFS = Path(__file__).parent / "fixtures" / "pdf_contents"
_PDF_OF = {
    "numbered": "contents.numbered.pdf",
    "plain": "contents.wrapped-plain.pdf",
    "parent": "contents.parent.pdf",
}


def _sections(path: Path) -> list[tuple[str | None, str]]:
    (speech,) = parse_document(read_document(path))
    assert speech.title == "岫宁县老年大学2033年春季招生工作方案"
    return [(p.section, p.text) for p in speech.paragraphs if p.section != "文件信息"]


@pytest.mark.parametrize("suffix", ["docx", "odt", "rtf"])
@pytest.mark.parametrize("plan", ["numbered", "plain", "parent"])
def test_a_typed_contents_reads_as_the_pdf_exported_from_it(plan: str, suffix: str) -> None:
    """Each plan in each word-processor format: the 目录 not read, the same sections and paragraphs as its
    PDF's (the 目录's heading and entries nowhere, the long heading and the parent heading sections)."""
    read = _sections(_HERE / f"{plan}.{suffix}")
    assert read == _sections(_PDFS / _PDF_OF[plan])
    assert not any("目" in text and "录" in text for _, text in read)


def test_the_parent_heading_and_the_long_heading_are_sections() -> None:
    assert _sections(_HERE / "parent.docx") == [
        (None, OPENING),
        (f"总体要求 › {LONG[0]}", LONG[1]),
        (SECTIONS[2][0], SECTIONS[2][1]),
        (SECTIONS[3][0], SECTIONS[3][1]),
    ]
    assert _sections(_HERE / "numbered.odt")[:2] == [(None, OPENING), ("一、总体要求", SECTIONS[0][1])]


_BODY_LINES: list[tuple[str, str]] = [
    ("line", "总体要求"),
    ("para", SECTIONS[0][1]),
    ("line", "招生对象和条件"),
    ("line", "报名方式"),
    ("para", SECTIONS[2][1]),
    ("line", "工作要求"),
    ("para", SECTIONS[3][1]),
    ("para", "附件：报名登记表"),
    ("right", "岫宁县老年大学"),
    ("right", "2033年2月1日"),
]


def _docx(paragraphs: list[tuple[str, str]]) -> bytes:
    """A plan by python-docx, Normal style only: a title, then lines, paragraphs (indented), 落款 lines on
    the right, 目录 entries (words, a tab to a dot leader, the page number)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Cm, Pt

    doc = Document()
    doc.add_paragraph("岫宁县老年大学2033年春季招生工作方案").alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, text in paragraphs:
        if kind == "entry":
            p = doc.add_paragraph(f"{text}\t1")
            p.paragraph_format.tab_stops.add_tab_stop(Cm(15), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
            continue
        p = doc.add_paragraph(text)
        if kind == "para":
            p.paragraph_format.first_line_indent = Pt(24)
        elif kind == "right":
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _stream(data: bytes) -> tuple[str, str]:
    return parse_stream("方案.docx", data)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    listed=st.lists(
        st.sampled_from([n for n, (_, text) in enumerate(_BODY_LINES) if len(text) < 20]),
        unique=True,
        min_size=2,
    ),
    last=st.integers(min_value=2, max_value=len(_BODY_LINES) - 1),
)
def test_no_paragraph_is_lost_or_doubled_whatever_the_typed_contents_lists(
    listed: list[int], last: int
) -> None:
    """Whatever short paragraphs of the body a typed 目录 lists — headings, a parent heading with no
    paragraph of its own, the 附件说明, the 落款's lines, in any order, the body cut anywhere — the parse keeps
    every word the same plan without a 目录 keeps, in the same order, none twice: the 目录 only makes
    sections of the paragraphs it names."""
    body = [("para", OPENING), *_BODY_LINES[: last + 1]]
    entries = [("entry", _BODY_LINES[n][1]) for n in listed if n <= last]
    assume(len(entries) >= 2)
    assert _stream(_docx([("line", "目　录"), *entries, *body])) == _stream(_docx(body))


def test_a_list_under_contents_naming_nothing_further_on_is_the_letters_text() -> None:
    """review66L (t2_list.docx): a 移交档案 letter ends with 「目录」 and the files it hands over, each with its
    count (「离休干部人事档案　12」). Its items head nothing further on — no 目录 of the letter — and layout66
    dropped them all; they are read."""
    from docx import Document

    doc = Document()
    for text in (
        "关于移交离休干部档案的函",
        "县档案馆：根据档案管理规定，现将我局离休干部档案移交贵馆，清单附后。",
        "中共岫宁县委老干部局",
        "2024年6月3日",
        "目录",
        "离休干部人事档案　12",
        "离休干部工资审批表　36",
        "离休干部医疗费报销凭证　105",
    ):
        doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    _, words = parse_stream("函.docx", out.getvalue())
    assert "离休干部人事档案12离休干部工资审批表36离休干部医疗费报销凭证105" in words


_ITEM = st.text(alphabet="档案审批表凭证名册花名登记卷宗", min_size=2, max_size=10)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    items=st.lists(st.tuples(_ITEM, st.integers(1, 999), st.booleans()), min_size=2, max_size=6),
    last=st.integers(min_value=0, max_value=len(_BODY_LINES) - 1),
)
def test_no_word_is_lost_whatever_list_follows_contents_when_it_names_nothing_later(
    items: list[tuple[str, int, bool]], last: int
) -> None:
    """Whatever items follow a bare 「目录」 — each with its count after a space or a dot leader — when none
    names a paragraph further on, the file reads as the same list under another word (「清单」): every word
    of the list read, in order, none lost."""
    body = [("para", OPENING), *_BODY_LINES[: last + 1]]
    listed = [("line", f"{item}{'　' if spaced else '……'}{count}") for item, count, spaced in items]
    _, under_contents = _stream(_docx([*body, ("line", "目录"), *listed]))
    _, under_other = _stream(_docx([*body, ("line", "清单"), *listed]))
    assert under_contents == under_other.replace("清单", "目录")
    assert "目录" + "".join("".join(text.split()) for _, text in listed) in under_contents
