"""A PDF converted to a web page by poppler's pdftohtml reads titled once (cold31).

pdftohtml (「PDF 转 HTML」) sets each printed line as a ``<p>``, a wrapped title's lines in one broken by
``<br/>``, the type sizes in classes (``.ft12{font-size:39px}``). The title was read twice — as the
``<title>`` (a file name, 「prospectus」, for a PDF without a title) and as two lines glued to the lead
paragraph. Now a title broken over lines is one title, read once, found by the ``<title>``'s text or by its
type size, classes' sizes counted — on any page, not only pdftohtml's.

The file: ``tests/fixtures/pdf_converted/prospectus.pdftohtml.html``, made by ``make_pdf_converted.py`` there
(python-docx → Writer PDF → **pdftohtml** ``-s -i -noframes``).
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes
from corpus.html import read_html
from tests.fixtures.pdf_converted.make_pdf_converted import PROSPECTUS

PROSPECTUS_HTML = Path(__file__).parent / "fixtures" / "pdf_converted" / "prospectus.pdftohtml.html"


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _read(name: str, data: bytes):  # type: ignore[no-untyped-def]
    [speech] = parse_document(read_bytes(name, data))
    return speech


def test_the_page_is_pdftohtmls_each_line_placed_the_title_broken_by_br() -> None:
    page = PROSPECTUS_HTML.read_text(encoding="utf-8")
    assert 'name="generator" content="pdftohtml' in page and "<title>prospectus</title>" in page
    assert re.search(r'class="ft\d+">[^<]*<br/>', page)


def test_a_pdftohtml_page_is_titled_by_its_large_type_read_once() -> None:
    """main: titled 「prospectus」, its first paragraph 「澜沧县老年大学2030年秋季葫芦丝演奏班招生简章葫芦丝音色…」."""
    speech = _read("招生简章.html", PROSPECTUS_HTML.read_bytes())
    assert _squeezed(speech.title) == PROSPECTUS[0][1]
    assert _squeezed(speech.paragraphs[0].text) == PROSPECTUS[1][1]
    body = "".join(_squeezed(p.text) for p in speech.paragraphs)
    assert "招生简章" not in body
    assert speech.issuer == "澜沧县老年大学" and speech.date == "2030-07-15"


def test_a_pdftohtml_page_titled_in_its_head_reads_its_title_once() -> None:
    page = PROSPECTUS_HTML.read_text(encoding="utf-8").replace(
        "<title>prospectus</title>", f"<title>{PROSPECTUS[0][1]}</title>"
    )
    speech = _read("招生简章.html", page.encode())
    assert _squeezed(speech.title) == PROSPECTUS[0][1]
    assert _squeezed(speech.paragraphs[0].text) == PROSPECTUS[1][1]


TITLE_CHARS = "关于举办离退休干部书法培训班的通知县老年大学春季招生简章"


@settings(max_examples=60, deadline=None)
@given(
    title=st.text(alphabet=TITLE_CHARS, min_size=6, max_size=30),
    cut=st.integers(min_value=1, max_value=29),
    named=st.booleans(),
)
def test_a_title_broken_over_two_lines_is_one_title_read_once(title: str, cut: int, named: bool) -> None:
    """Any title broken by ``<br>`` at any point, named by the ``<title>`` or set in a larger type by a
    class, is the page's title, and none of its lines is a paragraph."""
    cut = min(cut, len(title) - 1)
    head = f"<title>{title}</title>" if named else "<title>page</title>"
    page = (
        f"<html><head>{head}<style>.big{{font-size:36px}} .body{{font-size:21px}}</style></head><body>"
        f'<p class="big">{title[:cut]}<br/>{title[cut:]}</p>'
        '<p class="body">为丰富离退休干部的文化生活，现将有关事项通知如下。</p>'
        '<p class="body">一、时间：每周二上午，共十二次课。</p></body></html>'
    )
    blocks = read_html("page.html", page.encode()).blocks
    titles = [b for b in blocks if b.kind == "title"]
    assert [_squeezed(b.text) for b in titles] == [title]
    assert blocks[0].kind == "title"
    assert not any(b.kind != "title" and _squeezed(b.text) in (title[:cut], title[cut:]) for b in blocks)


def test_a_style_sheet_with_an_inlined_font_and_long_selector_lists_is_read_in_one_pass() -> None:
    """A page saved as one file inlines its fonts (a data: URL of hundreds of KB) and lists selectors by the
    hundred: the class sizes are still read — one pattern over selectors and body together backtracked on
    them for minutes (review of session 55)."""
    font = "QUJD" * 50_000  # 200 KB of base64, no braces
    selectors = ", ".join(f".c{n}" for n in range(300))
    page = (
        "<html><head><title>通知</title><style>@font-face{font-family:x;src:url(data:font/ttf;base64,"
        f"{font})}} {selectors}, .big{{font-size:29px}}</style></head><body><p class=big>关于开展读书活动的通知</p>"
        "<p>各单位：请于五月前报名参加本次读书活动。</p><p>联系人：王芳。</p></body></html>"
    ).encode()
    blocks = read_html("a.html", page).blocks
    assert (blocks[0].kind, blocks[0].text) == ("title", "关于开展读书活动的通知")


def test_the_titles_own_line_wins_over_a_subtitle_set_in_a_class_size() -> None:
    """A style sheet sizing an issuer line (and not the body) does not make that line the title when a head
    line is the <title>'s text (review of session 55)."""
    page = (
        "<html><head><title>关于举办书法展的通知</title><style>.lead{font-size:13px}</style></head><body>"
        "<p><b>关于举办书法展的通知</b></p><div class=lead>老干部局办公室</div>"
        "<p>各单位：为丰富离退休干部文化生活，定于五月举办书法展。</p><p>请各单位于四月底前报送作品。</p></body></html>"
    ).encode()
    blocks = read_html("a.html", page).blocks
    assert (blocks[0].kind, blocks[0].text) == ("title", "关于举办书法展的通知")
    assert ("paragraph", "老干部局办公室") in [(b.kind, b.text) for b in blocks]
