"""A talk's slides exported by LibreOffice Impress with their notes pages read once, each slide with its notes
(cold27).

Impress's 「导出备注页」 (``ExportNotesPages``) writes every slide, then a notes page per slide: the slide's
picture at half its size, the speaker's notes under it. Read page by page, every slide's text came twice, and
the notes, after the last slide, were all cited under its heading (cold27's 葫芦丝 report: 「五、2028年打算」
held the title slide's text and the first note). A page whose whole text a later page prints again, scaled
down by one factor, is now read there; and the notes' paragraphs, set by Impress with their first line a
little left of their wraps, read as paragraphs (each wrap began one, and the title slide's first note ran
into the talk's title).

Files: ``tests/fixtures/impress_notes/talk.notes.pdf`` (slides, then notes pages) and ``talk.notesonly.pdf``
(「仅导出备注页」), made by ``make_notes_pages.py`` there (python-pptx → **LibreOffice Impress** PDF export).
"""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_document
from tests.fixtures.impress_notes.make_notes_pages import TALK
from tests.fixtures.office_writers import deck_texts

FOLDER = Path(__file__).parent / "fixtures" / "impress_notes"
NOTES = FOLDER / "talk.notes.pdf"
NOTES_ONLY = FOLDER / "talk.notesonly.pdf"


def _squash(text: str) -> str:
    return re.sub(r"[\s•]+", "", text)


def test_the_fixture_prints_each_slide_again_at_half_size_over_its_notes() -> None:
    """The fixture's facts: three slides, then three notes pages, each holding its slide's text in type half
    as large, then the notes; the notes-only export holds the notes pages alone."""
    with pdfplumber.open(NOTES) as pdf:
        assert len(pdf.pages) == 6
        for slide, notes in zip(pdf.pages[:3], pdf.pages[3:], strict=True):
            shown = "".join(c["text"] for c in slide.chars if c["text"].strip())
            again = "".join(c["text"] for c in notes.chars if c["text"].strip())
            assert again.startswith(shown)
            assert {round(c["size"] / 2) for c in slide.chars} <= {round(c["size"]) for c in notes.chars}
    with pdfplumber.open(NOTES_ONLY) as pdf:
        assert len(pdf.pages) == 3


def test_every_slide_and_note_reads_once_each_slide_before_its_notes() -> None:
    """Every line of the deck — titles, bullets, notes — reads exactly once, in the deck's order (main: each
    slide's text twice, all the notes after the last slide)."""
    text = _squash(read_document(NOTES).text)
    at = 0
    for line in deck_texts(TALK):
        line = _squash(line)
        assert text.count(line) == 1, line
        found = text.find(line, at)
        assert found >= 0, line
        at = found + len(line)


def test_slides_with_notes_pages_read_as_the_notes_pages_alone() -> None:
    document = read_document(NOTES)
    assert document.text == read_document(NOTES_ONLY).text
    [speech] = parse_document(document)
    assert speech.title == "老干部摄影协会年度工作汇报"
    assert speech.date == "2027-12-20"
    first = next(p for p in speech.paragraphs if p.kind == "text")
    assert first.text == "各位会员：下面我代表协会理事会，向大家汇报今年的工作，请大家审议。"
    cited = {p.text: p.section for p in speech.paragraphs}
    assert any(s == "一、采风创作" for t, s in cited.items() if "邻省的古村落" in t)
    assert any(s == "二、明年打算" for t, s in cited.items() if "手机摄影入门课每月开课一次" in t)


# -- a property over pages printed again at any scale: scaled down, read once; else nothing lost ----------

_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)


@st.composite
def _texts(draw: st.DrawFn) -> tuple[str, list[str], str]:
    """A title, two to four lines and a note, no character used twice (so each reads where it is counted)."""
    sizes = [draw(st.integers(6, 12)), *draw(st.lists(st.integers(4, 14), min_size=2, max_size=4))]
    sizes.append(draw(st.integers(10, 30)))
    chars = draw(st.lists(_HAN, min_size=sum(sizes), max_size=sum(sizes), unique=True))
    pieces, at = [], 0
    for size in sizes:
        pieces.append("".join(chars[at : at + size]))
        at += size
    return pieces[0], pieces[1:-1], pieces[-1] + "。"


def _pages(path: Path, title: str, lines: list[str], note: str, scale: float) -> None:
    """Page 1: a title and lines, as a slide; page 2: the same, every size times `scale`, over a note."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    sheet = canvas.Canvas(str(path), pagesize=(720, 540))

    def slide(x: float, y: float, k: float) -> None:
        sheet.setFont("STSong-Light", 30 * k)
        sheet.drawString(x, y, title)
        for n, line in enumerate(lines, start=1):
            sheet.setFont("STSong-Light", 20 * k)
            sheet.drawString(x, y - (30 + 28 * n) * k, line)

    slide(60, 460, 1.0)
    sheet.showPage()
    sheet.setPageSize((540, 720))
    slide(100, 680, scale)
    sheet.setFont("STSong-Light", 12)
    sheet.drawString(60, 300, note)
    sheet.showPage()
    sheet.save()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=_texts(), scale=st.sampled_from([0.3, 0.5, 0.6, 0.75, 0.9, 1.0]))
def test_a_page_printed_again_smaller_reads_once_and_nothing_is_ever_lost(
    tmp_path: Path, texts: tuple[str, list[str], str], scale: float
) -> None:
    """Any slide printed again on the next page over a note: at a scale of 0.8 or less (a picture of it)
    every line of it reads once; larger (a page quoted again in its own type or nearly) every line still
    reads, none dropped. The note always reads."""
    title, lines, note = texts
    path = tmp_path / "deck.pdf"
    _pages(path, title, lines, note, scale)
    text = _squash(read_document(path).text)
    for line in (title, *lines, note):
        assert line in text, line
        if scale <= 0.8:
            assert text.count(line) == 1, (line, scale)
