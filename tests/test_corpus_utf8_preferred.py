"""Valid UTF-8 is read as UTF-8: a short note or page of rare characters (生僻字 names) saved as UTF-8 with no
charset declared was refused or read as GB18030 — plausibility scoring prefers common characters, and
GB18030 decodes nearly any bytes into some. GBK and Big5 texts still read as they did."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes, read_document
from corpus.encoding import common_characters, decode_text
from tests.fixtures.rare_utf8.make_rare_page import SIGNS

FIXTURES = Path(__file__).parent / "fixtures" / "rare_utf8"
EXAMPLES = int(os.environ.get("SPEECHQA_PROPERTY_EXAMPLES", "25"))
NAMES = [
    "龑䶮",
    "堃喆",
    "犇淼",
    "昇旻",
    "赟玥",
    "翀鋆",
    "彧珺",
    "璟喆",
    "玙璠",
    "婧祎",
    "骞翊",
    "珩琇",
    "昶煜",
    "甦暐",
    "燚㵘",
]


def _text(path: Path) -> str:
    return "".join(p.text for s in parse_document(read_document(path)) for p in s.paragraphs)


def test_a_utf8_note_of_rare_characters_reads_as_written() -> None:
    """``rare.txt`` (Python's UTF-8 codec, no BOM): refused before (「无法识别文件编码」)."""
    speech = parse_document(read_document(FIXTURES / "rare.txt"))[0]
    assert speech.title == "生僻字姓名核对"
    text = _text(FIXTURES / "rare.txt")
    assert all(name in text for name in NAMES)


def test_a_utf8_page_of_rare_characters_without_a_charset_reads_as_written() -> None:
    """``rare.html`` (lxml's serialiser, no ``<meta charset>``): every name in its table, the title its heading."""
    speech = parse_document(read_document(FIXTURES / "rare.html"))[0]
    assert speech.title == "生僻字姓名核对"
    text = _text(FIXTURES / "rare.html") + speech.title
    assert all(name in text for name in NAMES)


def test_a_utf8_note_of_rare_characters_with_signs_reads_as_written() -> None:
    """``signs.txt``: rare names beside ①, ℃, №, ㎡, Ⅲ, ★, ° — refused before (review61b)."""
    text, encoding = decode_text("signs.txt", (FIXTURES / "signs.txt").read_bytes())
    assert (text.splitlines(), encoding) == (SIGNS, "utf-8")


def _encodes(ch: str, encoding: str) -> bool:
    try:
        ch.encode(encoding)
        return True
    except UnicodeEncodeError:
        return False


def _in_gbk_or_big5(ch: str) -> bool:
    return _encodes(ch, "gbk") or _encodes(ch, "cp950")


# the signs of the symbol blocks Chinese text uses (general punctuation, letterlike symbols, number forms,
# arrows, mathematical operators, enclosed alphanumerics, geometric shapes and other symbols, CJK symbols,
# bopomofo, enclosed CJK, CJK compatibility, compatibility forms, full-width forms) that GBK or Big5 hold
_SIGNS = [
    chr(code)
    for low, high in (
        (0x2000, 0x206F),
        (0x2100, 0x22FF),
        (0x2460, 0x24FF),
        (0x25A0, 0x26FF),
        (0x3000, 0x303F),
        (0x3100, 0x312F),
        (0x3200, 0x33FF),
        (0xFE30, 0xFE6F),
        (0xFF00, 0xFFEF),
    )
    for code in range(low, high + 1)
    if chr(code).isprintable() and _in_gbk_or_big5(chr(code))
]

_CJK = st.one_of(
    st.sampled_from(_SIGNS),
    st.characters(min_codepoint=0x3400, max_codepoint=0x4DBF, categories=("Lo",)),  # extension A
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF, categories=("Lo",)),
    st.characters(min_codepoint=0xF900, max_codepoint=0xFAD9, categories=("Lo",)),  # compatibility ideographs
    st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF, categories=("Lo",)),  # extension B
    st.sampled_from("，。、；：？！“”（）《》【】「」　"),
)
_ASCII = st.sampled_from("abcXYZ0123456789 -.:/\n")


@settings(max_examples=EXAMPLES * 4, deadline=None)
@given(
    text=st.lists(st.one_of(_CJK, _ASCII), min_size=1, max_size=40)
    .map("".join)
    .filter(lambda t: not t.isascii())
)
def test_any_chinese_text_saved_as_utf8_reads_back_identically(text: str) -> None:
    """Any text of CJK characters (common or rare, any block), Chinese punctuation, the signs Chinese text
    sets beside them (①, ℃, №…) and ASCII, saved as UTF-8 without a BOM, decodes to itself, as UTF-8 (a text
    of ASCII alone, a blank one too, is no Chinese text)."""
    assert decode_text("x.txt", text.encode("utf-8")) == (text, "utf-8")


_COMMON = sorted(common_characters())


@settings(max_examples=EXAMPLES * 4, deadline=None)
@given(
    chars=st.lists(st.sampled_from(_COMMON), min_size=8, max_size=40),
    encoding=st.sampled_from(["gb18030", "gbk", "big5"]),
)
def test_gbk_and_big5_text_of_common_characters_still_reads_back(chars: list[str], encoding: str) -> None:
    """The legacy encodings are still told apart: any eight or more common characters saved as GBK, GB18030
    or Big5 (those the encoding holds) read back identically."""
    text = "".join(ch for ch in chars if _encodes(ch, encoding))
    if len(text) < 8:
        return
    decoded, _ = decode_text("x.txt", text.encode(encoding))
    assert decoded == text


def test_read_bytes_names_utf8_for_a_note_of_rare_characters() -> None:
    document = read_bytes("名单.txt", "龑䶮　堃喆　燚㵘".encode())
    assert document.encoding == "utf-8"
    assert "龑䶮" in document.text
