"""`corpus.mended_name`: a Chinese file name read in the wrong encoding is mended, and no other name is
touched. Properties over random names of common Chinese (GB2312) and ASCII, and examples of Western names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus import mended_name

# GB2312's Chinese characters: rows 0xB0–0xF7, columns 0xA1–0xFE (the last row ends at 0xF9)
HANZI = st.builds(
    lambda row, column: bytes([row, column]).decode("gb2312", errors="replace"),
    st.integers(0xB0, 0xF7),
    st.integers(0xA1, 0xFE),
).filter(lambda ch: "\ufffd" not in ch)
ASCII = st.sampled_from(list("0123456789abcXYZ-_ ()."))
PUNCTUATION = st.sampled_from(list("（）《》【】、，：—"))
STEM = st.lists(st.one_of(HANZI, HANZI, HANZI, ASCII, PUNCTUATION), min_size=1, max_size=30).map("".join)
NAME = st.tuples(
    STEM.filter(lambda s: any("\u4e00" <= ch <= "\u9fff" for ch in s)),
    st.sampled_from([".docx", ".pdf", ".txt", ".wps", ""]),
).map("".join)


def valid_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def western(data: bytes) -> str:
    """The bytes as a Western program shows them: Windows-1252, and Latin-1 where 1252 has no character."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or bytes([b]).decode("latin-1") for b in data)


@given(NAME)
def test_a_correct_chinese_name_is_kept(name: str) -> None:
    assert mended_name(name) == name


@given(NAME)
def test_gbk_bytes_shown_as_western_letters_are_mended(name: str) -> None:
    """「Í¨Öª.docx」: GBK bytes (a Chinese Windows's) shown by a Western mail program or zip tool."""
    assert mended_name(western(name.encode("gbk"))) == name


@given(NAME)
def test_utf8_bytes_shown_as_western_letters_are_mended(name: str) -> None:
    """「é€šçŸ¥.docx」: UTF-8 bytes shown as Windows-1252."""
    assert mended_name(western(name.encode("utf-8"))) == name


@given(NAME)
def test_utf8_bytes_shown_as_gbk_are_mended_or_kept_never_changed_into_another_name(name: str) -> None:
    """「閫氱煡.docx」: UTF-8 bytes read as GBK (where they can be: an odd byte before ASCII cannot). Mostly rare
    characters come of it; one that happens to be common Chinese only is kept as it is (it cannot be told
    from a real name), never turned into a third name."""
    try:
        shown = name.encode("utf-8").decode("gbk")
    except UnicodeDecodeError:
        return
    assert mended_name(shown) in (name, shown)


@pytest.mark.parametrize(
    "name",
    [
        "Café.txt",
        "Müller-Bericht.docx",
        "naïve résumé.pdf",
        "Ñandú.txt",
        "Ελληνικά.txt",
        "Ærø.docx",
        "通知.docx",
    ],
)
def test_other_names_are_kept(name: str) -> None:
    assert mended_name(name) == name


def test_names_seen_mended() -> None:
    assert mended_name("Í¨Öª.docx") == "通知.docx"
    assert mended_name("ÀÏ¸É²¿¾Ö.docx") == "老干部局.docx"
    assert mended_name("閫氱煡.docx") == "通知.docx"
    assert mended_name("é€šçŸ¥.docx") == "通知.docx"
