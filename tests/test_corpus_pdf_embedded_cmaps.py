"""A PDF whose fonts are encoded by a CMap embedded under a name of its own is read (corpus.cmaps).

fpdf2 writes every OpenType (CFF) font it embeds — Noto Sans CJK, Source Han Sans — as a Type 0 font whose
encoding is such a CMap (``/Adobe-Identity-UCS``). pdfminer looks CMaps up by name only and read no character
of them: a notice written by fpdf2 was refused, 「…中没有可提取的文字」 (cold25's 招募公告). The files:
``tests/fixtures/fpdf2/*.fpdf2.pdf``, made by ``make_fpdf2_pdfs.py`` there (fpdf2, Noto Sans and Serif CJK SC).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pdfminer.pdffont import get_widths
from pdfminer.pdftypes import PDFStream
from pdfminer.psparser import LIT
from pypdf import PdfReader

from corpus import parse_document, read_document
from corpus.cmaps import code_cids, identity_encoded
from tests.fixtures.producers import load_maker

FPDF2 = Path(__file__).resolve().parent / "fixtures" / "fpdf2"
FILES = sorted(FPDF2.glob("*.fpdf2.pdf"))


def _maker():  # type: ignore[no-untyped-def]
    return load_maker(FPDF2 / "make_fpdf2_pdfs.py")


def _squashed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_fixtures_are_fpdf2s_with_embedded_cmaps() -> None:
    assert [f.name for f in FILES] == ["notice-sans.fpdf2.pdf", "notice-serif.fpdf2.pdf"]
    for path in FILES:
        fonts = PdfReader(path).pages[0]["/Resources"]["/Font"]
        for font in (f.get_object() for f in fonts.values()):
            assert font["/Subtype"] == "/Type0"
            encoding = font["/Encoding"].get_object()
            assert encoding["/CMapName"] == "/Adobe-Identity-UCS"  # a CMap embedded under a name of its own
            assert b"begincidchar" in encoding.get_data()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_an_fpdf2_notice_reads_every_sentence_once_in_order(path: Path) -> None:
    maker = _maker()
    [speech] = parse_document(read_document(path))
    assert speech.title == maker.TITLE
    assert speech.issuer == "溪宁市委老干部局"
    assert speech.date == "2027-11-10"
    text = _squashed("".join(p.text for p in speech.paragraphs))
    sentences = [
        s for kind, body in maker.PARTS if kind == "body" for s in re.findall(r"[^。]+。", str(body))
    ]
    at = 0
    for sentence in sentences:
        found = text.find(_squashed(sentence), at)
        assert found >= at, sentence  # every sentence, in order
        assert text.count(_squashed(sentence)) == 1  # and once
        at = found
    assert maker.HEADER not in text.replace("溪宁市委老干部局。", "")  # the page header is not text
    assert not re.search(r"第\d页", text)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_an_fpdf2_tables_rows_are_labelled(path: Path) -> None:
    maker = _maker()
    [speech] = parse_document(read_document(path))
    rows = [p.text for p in speech.paragraphs if p.kind == "table_row"]
    assert rows == [
        "；".join(f"{h}：{c}" for h, c in zip(maker.HEAD, row, strict=True)) for row in maker.ROWS
    ]


def test_an_fpdf2_headings_are_its_sections() -> None:
    [speech] = parse_document(read_document(FPDF2 / "notice-sans.fpdf2.pdf"))
    sections = [p.section for p in speech.paragraphs if p.kind == "text"]
    assert sections == [None, "一、检查时间", "二、检查内容", "三、有关要求"]


def _cmap(pairs: list[tuple[int, int]]) -> str:
    body = "\n".join(f"<{code:04X}> {cid}" for code, cid in pairs)
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /Adobe-Identity-UCS def\n"
        f"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n{len(pairs)} begincidchar\n{body}\n"
        "endcidchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    )


@given(
    st.dictionaries(
        st.integers(min_value=0, max_value=0xFFFF),
        st.tuples(st.integers(min_value=1, max_value=65000), st.integers(min_value=100, max_value=1000)),
        min_size=1,
        max_size=40,
    )
)
def test_each_code_reads_with_the_width_of_the_glyph_it_names(glyphs: dict[int, tuple[int, int]]) -> None:
    """Property: whatever codes an embedded CMap maps to whatever CIDs, each code is read (Identity-H) with the
    width the font gives the CID it names; no code is given another's width."""

    pairs = [(code, cid) for code, (cid, _) in glyphs.items()]
    widths: list[object] = []
    for cid, width in {cid: width for cid, width in glyphs.values()}.items():
        widths += [cid, [width]]
    assert code_cids(_cmap(pairs)) == dict(pairs)
    encoding = PDFStream({"CMapName": LIT("Adobe-Identity-UCS")}, _cmap(pairs).encode("latin-1"))
    to_unicode = PDFStream({}, b"")
    spec = identity_encoded(
        {"Subtype": LIT("CIDFontType0"), "Encoding": encoding, "ToUnicode": to_unicode, "W": widths}
    )
    assert spec["Encoding"] == LIT("Identity-H")
    by_cid = dict(get_widths(widths))
    read = get_widths(spec["W"])  # type: ignore[arg-type]
    assert read == {code: by_cid[cid] for code, cid in pairs}


def test_a_one_byte_or_named_cmap_is_left_to_pdfminer() -> None:
    assert (
        code_cids("1 begincidchar\n<01> 5\nendcidchar") == {}
    )  # one-byte codes: Identity-H cannot read them
    spec = {"Subtype": LIT("CIDFontType2"), "Encoding": LIT("Identity-H")}
    assert identity_encoded(spec) is spec
    simple = {"Subtype": LIT("TrueType"), "Encoding": LIT("WinAnsiEncoding")}
    assert identity_encoded(simple) is simple
