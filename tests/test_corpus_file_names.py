"""corpus.readable_name and corpus.windows_path_here: file names as their owners wrote them."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import assume, given
from hypothesis import strategies as st

from corpus import readable_name, windows_path_here

CHINESE = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=12)


@given(name=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30))
def test_a_name_in_the_systems_encoding_is_kept_as_it_is(name: str) -> None:
    assert readable_name(name) == name


@given(stem=CHINESE, suffix=st.sampled_from([".docx", ".txt", ".pdf", ""]))
def test_a_gbk_name_read_as_escaped_bytes_is_its_chinese_name(stem: str, suffix: str) -> None:
    raw = (stem + suffix).encode("gbk")
    as_python_reads_it = os.fsdecode(raw)
    assume(as_python_reads_it != stem + suffix)  # its bytes are not UTF-8 (nearly always)
    assume(max(as_python_reads_it) >= "\udc80")
    shown = readable_name(as_python_reads_it)
    assert shown.encode("utf-8")  # storable and printable
    if not any("\udc80" <= c <= "\udcff" for c in as_python_reads_it) or raw.decode("utf-8", "ignore") == "":
        return
    assert shown == stem + suffix


@given(name=st.binary(min_size=1, max_size=30))
def test_any_bytes_give_a_name_that_utf8_can_store(name: bytes) -> None:
    assume(b"/" not in name and b"\x00" not in name)
    readable_name(os.fsdecode(name)).encode("utf-8")


def test_a_windows_path_is_its_wsl_path_and_another_path_is_none() -> None:
    assert windows_path_here("C:\\Users\\张三\\Desktop\\通知.docx") == Path(
        "/mnt/c/Users/张三/Desktop/通知.docx"
    )
    assert windows_path_here("d:/材料/讲话稿") == Path("/mnt/d/材料/讲话稿")
    assert windows_path_here("/home/张三/通知.docx") is None
    assert windows_path_here("讲话稿\\通知.docx") is None
    assert windows_path_here("C:") is None
