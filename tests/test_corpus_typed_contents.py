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
from corpus.contents import EntryPlace, indent_levels
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


# a page's text block (points): its left and right ends; an entry's characters are `size` wide
_LEFT, _RIGHT = 72.0, 522.0


@settings(max_examples=200, deadline=None)
@given(
    lengths=st.lists(st.integers(min_value=2, max_value=24), min_size=2, max_size=12),
    align=st.sampled_from(["left", "centre", "right"]),
    size=st.sampled_from([10.5, 12.0, 14.0, 16.0]),
    tail=st.sampled_from(["bare", "leader", "spaces"]),
    spaces=st.integers(min_value=1, max_value=4),
)
def test_a_flat_contents_tells_no_levels(
    lengths: list[int], align: str, size: float, tail: str, spaces: int
) -> None:
    """mend67L: entries of any lengths all set flush left, centred or flush right — bare, with a page number
    after one to four typed spaces, or (flush left or centred) with a leader to their page number — tell no
    levels (`indent_levels` is None), however many left ends their lengths give them. layout67 read a
    centred 目录's left ends as indents."""
    places = []
    for length in lengths:
        width = length * size + (spaces + 1) * size * (tail == "spaces")
        leader = tail == "leader" and align != "right"
        if align == "left":
            x0, x1 = _LEFT, (_RIGHT if leader else _LEFT + width)
        elif align == "centre":
            x0, x1 = (_LEFT + _RIGHT - width) / 2, (_LEFT + _RIGHT + width) / 2
        else:
            x0, x1 = _RIGHT - width, _RIGHT
        places.append(EntryPlace(x0, (x0 + x1) / 2, x1, leader, spaces * size * (tail == "spaces")))
    assert indent_levels(places, size) is None


@settings(max_examples=200, deadline=None)
@given(
    entries=st.lists(
        st.tuples(st.integers(min_value=1, max_value=3), st.integers(min_value=2, max_value=20)),
        min_size=2,
        max_size=12,
    ),
    size=st.sampled_from([10.5, 12.0, 14.0, 16.0]),
    tail=st.sampled_from(["bare", "leader", "tab"]),
)
def test_a_contents_set_in_by_level_tells_its_levels(
    entries: list[tuple[int, int]], size: float, tail: str
) -> None:
    """Entries set flush left two characters further in a level — each running a leader or a tab to its page
    number at one right edge, or listed bare with each level several entries' — give each entry its level
    (the least indent 1)."""
    used = sorted({level for level, _ in entries})
    assume(len(used) >= 2)
    if tail == "bare":
        assume(all(sum(level == at for level, _ in entries) >= 2 for at in used))
    places = []
    for level, length in entries:
        x0 = _LEFT + 2 * size * (level - 1)
        words_end = min(x0 + length * size, _RIGHT - 2 * size)
        x1 = words_end if tail == "bare" else _RIGHT
        gap = _RIGHT - size - words_end if tail == "tab" else 0.0
        places.append(EntryPlace(x0, (x0 + x1) / 2, x1, tail == "leader", gap))
    assume(max(p.centre for p in places) - min(p.centre for p in places) >= size / 2)
    assume(tail != "bare" or max(p.right for p in places) - min(p.right for p in places) >= size / 2)
    assume(tail != "tab" or max(p.gap for p in places) - min(p.gap for p in places) >= size / 2)
    assert indent_levels(places, size) == tuple(used.index(level) + 1 for level, _ in entries)
