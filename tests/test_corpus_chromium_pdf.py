"""A page printed to PDF by Chromium reads as the notice on it (cold25's 一氧化碳 lecture notice).

Two things the twenty-seventh blind set found in Chromium's print (``--print-to-pdf``, Skia's PDF, Noto Sans
CJK SC as Type 3 fonts):

- Its ToUnicode maps give Kangxi radicals for the characters Noto draws with a radical's glyph; ⼾ is the
  glyph of 户 in the simplified-Chinese fonts but its compatibility mapping is the traditional 戶: the notice
  read 「每戶」「逐戶上门」 and 「逐户上门检查一遍」 matched nothing. ⼾ now reads 户 (corpus/clean.py ``RADICALS``).
- On a one-page print the browser's footer — the page's address and 「1/1」 in a smaller type across the
  foot — recurs on no other page: it ran into the signature, 「溪宁县委老干部局2028年9月28日file:///…html 1/1」.
  A single page's last line in a smaller type, set apart in the bottom margin, is its footer now, and a web
  address signs nothing (corpus/layout.py ``_single_page_footer``).

The file: ``tests/fixtures/chromium/notice.chromium.pdf``, made by ``make_chromium_pdf.py`` there (headless
Chromium). The radicals' table is checked against the font itself, where installed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from corpus import parse_document, read_document
from corpus.clean import RADICALS
from corpus.layout import Line, Page, remove_running_lines
from tests.fixtures.producers import load_maker

CHROMIUM = Path(__file__).resolve().parent / "fixtures" / "chromium"
NOTICE = CHROMIUM / "notice.chromium.pdf"
NOTO_SANS_SC = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
RADICAL = re.compile("[\u2e80-\u2ef3\u2f00-\u2fd5]")


def _maker():  # type: ignore[no-untyped-def]
    return load_maker(CHROMIUM / "make_chromium_pdf.py")


def test_the_fixture_is_chromiums_print_with_its_header_and_footer() -> None:
    reader = PdfReader(NOTICE)
    assert "Skia/PDF" in str(reader.metadata.producer)
    assert "HeadlessChrome" in str(reader.metadata.creator)
    layer = reader.pages[0].extract_text()
    assert "⼾" in layer and "⽼⼲部" in layer  # the radicals its ToUnicode maps give
    assert re.search(r"file:///\S+\.html 1/1", layer.replace("ﬁ", "fi"))  # the browser's footer


def test_a_chromium_print_reads_as_the_notice() -> None:
    maker = _maker()
    [speech] = parse_document(read_document(NOTICE))
    assert speech.title == maker.TITLE
    assert speech.date == "2028-09-28"
    text = "".join(p.text for p in speech.paragraphs)
    for line in maker.BODY[1:]:
        assert text.count(line) == 1, line
    assert "戶" not in text and "户" in text
    assert not RADICAL.search(text)
    assert "file:" not in text.replace("ﬁ", "fi") and "1/1" not in text  # the footer is not text
    assert "PM" not in text  # nor the header


@pytest.mark.skipif(not NOTO_SANS_SC.exists(), reason="Noto Sans CJK (fonts-noto-cjk) is not installed")
def test_each_radical_reads_as_the_character_the_simplified_fonts_draw_it_as() -> None:
    """For every radical read as a character, the character Noto Sans and Serif CJK SC draw with the
    radical's own glyph, where they draw it as one, is the character it is read as."""
    from fontTools.ttLib import TTCollection

    for path in (NOTO_SANS_SC, NOTO_SANS_SC.with_name("NotoSerifCJK-Regular.ttc")):
        if not path.exists():
            continue
        font = next(f for f in TTCollection(str(path)).fonts if f["name"].getDebugName(1).endswith(" SC"))
        cmap = font.getBestCmap()
        drawn: dict[str, set[str]] = {}
        for code, glyph in cmap.items():
            if 0x4E00 <= code <= 0x9FFF:
                drawn.setdefault(glyph, set()).add(chr(code))
        for radical, character in RADICALS.items():
            shared = drawn.get(cmap.get(ord(radical), ""), set())
            assert not shared or character in shared, (path.name, radical, character, shared)


# --- property: a one-page print's footer ---------------------------------------------------------------

_WORDS = st.text(
    st.sampled_from("老干部活动中心服务学习健康安全生活社区组织开展检查通知燃气"), min_size=6, max_size=30
)
_ADDRESSES = st.sampled_from(
    [
        "file:///C:/Users/admin/Desktop/t20280928_4410.html",
        "https://www.xnlgb.gov.cn/tzgg/202809/t20280928_4410.html",
        "http://lgb.example.gov.cn/art/2028/9/28/art_1_4410.html",
    ]
)


def _page(sentences: list[str], footer: str | None) -> Page:
    lines = [
        Line(text=s + "。", x0=72, x1=72 + 12 * (len(s) + 1), top=100 + 24 * n, bottom=112 + 24 * n)
        for n, s in enumerate(sentences)
    ]
    at = 100 + 24 * len(sentences) + 24
    lines += [
        Line(text="溪宁县委老干部局", x0=440, x1=540, top=at, bottom=at + 12),
        Line(text="2028年9月28日", x0=450, x1=540, top=at + 24, bottom=at + 36),
    ]
    if footer is not None:
        lines.append(Line(text=footer, x0=24, x1=588, top=768.6, bottom=776.6))
    return Page(lines=tuple(lines), width=612, height=792)


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=12), _ADDRESSES)
def test_a_one_page_prints_address_footer_alone_is_dropped(sentences: list[str], address: str) -> None:
    """Property: on any one-page print, the browser's footer (a smaller-type address and 「1/1」 set apart at
    the foot) is dropped, and every line of the text and of its signature stays; without it nothing is."""
    with_footer = _page(sentences, f"{address} 1/1")
    [kept] = remove_running_lines([with_footer])
    assert [line.text for line in kept.lines] == [line.text for line in with_footer.lines[:-1]]
    without = _page(sentences, None)
    [same] = remove_running_lines([without])
    assert [line.text for line in same.lines] == [line.text for line in without.lines]
