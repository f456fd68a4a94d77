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

from corpus import parse_document, read_bytes, read_document
from tests.fixtures.pdf_contents.make_contents import LONG, OPENING, SECTIONS

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
    """The title and every word a parse keeps, in order: each section's heading where it begins, then its
    paragraphs' text (the 文件信息 lines too), whitespace removed."""
    (speech,) = parse_document(read_bytes("方案.docx", data))
    words, section = [], None
    for paragraph in speech.paragraphs:
        if paragraph.section != section:
            section = paragraph.section
            words.append(section or "")
        words.append(paragraph.text)
    return speech.title, "".join("".join(words).split()).replace("›", "")


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
