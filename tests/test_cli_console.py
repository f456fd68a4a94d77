"""cli/console.py: whatever a console's encoding lacks, a line is printed and a JSON document stays valid
and whole. Properties over any text, on real text streams in each encoding."""

from __future__ import annotations

import contextlib
import io
import json
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cli.console import HANDLER, json_text

ENCODINGS = ["gbk", "gb18030", "big5", "latin-1", "ascii", "utf-8", "cp1252"]
# Chinese, emoji, the marks speechqa prints (›, 📌, ✓), lone surrogates of escaped file-name bytes
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.sampled_from("›📌👍✓✗…·「」，。ABC abc 123\n"),
        st.characters(min_codepoint=0xDC80, max_codepoint=0xDCFF),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=40,
)


def stream(encoding: str) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors=HANDLER, write_through=True)


@pytest.mark.parametrize("encoding", ENCODINGS)
@given(text=TEXT)
def test_any_text_is_printed_in_any_console_encoding(encoding: str, text: str) -> None:
    out = stream(encoding)
    out.write(text)  # never a UnicodeEncodeError
    written = out.buffer.getvalue().decode(encoding)  # type: ignore[attr-defined]
    for ch in text:  # what the encoding has is written as it is
        if not "\ud800" <= ch <= "\udfff" and ch.encode(encoding, errors="ignore"):
            assert ch in written


@pytest.mark.parametrize("encoding", ENCODINGS)
@given(
    data=st.recursive(
        st.one_of(TEXT, st.integers(), st.none()),
        lambda c: st.lists(c) | st.dictionaries(TEXT, c),
        max_leaves=8,
    )
)
def test_json_text_is_one_valid_document_that_loses_nothing_in_any_encoding(
    encoding: str, data: object
) -> None:
    with contextlib.redirect_stdout(stream(encoding)):
        text = json_text(data)
    text.encode(encoding)  # the console can write it as it is
    assert json.loads(text) == data


def test_gbk_console_shows_the_marks_speechqa_prints_as_their_nearest() -> None:
    out = stream("gbk")
    out.write("二、主要任务 › （二）重点 · 📌 标准答案 ✓")
    assert out.buffer.getvalue().decode("gbk") == "二、主要任务 > （二）重点 · ※ 标准答案 √"  # type: ignore[attr-defined]


def test_an_escaped_gbk_file_name_is_printed_on_a_utf8_console_never_an_error() -> None:
    """The stream sees only the bytes that are not UTF-8 (「通知」's GBK bytes happen to be valid UTF-8, of
    other letters): those are read as GBK. The names speechqa prints are decoded whole before
    (corpus.readable_name); this is the net under the rest."""
    out = stream("utf-8")
    out.write(os.fsdecode("重阳节通知.docx".encode("gbk")))
    assert out.buffer.getvalue().decode("utf-8").startswith("重阳节")  # type: ignore[attr-defined]
