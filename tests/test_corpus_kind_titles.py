"""A notice whose printed title names only the kind of document (「通　　知」, letter-spaced, over a short
notice) is titled by its file's name when that name says which notice it is (cold42).

cold42's WPS-style notice (python-docx: the body one paragraph of manual line breaks, the title 「通　　知」)
was listed as 「通知」 — one of many 「通知」 in a library. Its file, 「春节走访慰问通知（定稿）.docx」, names it.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import check_conservation, chunk_speech, parse_document, read_bytes

COLD42 = Path(__file__).parents[1] / "benchmarks" / "corpus-cold42"
VISIT = COLD42 / "春节走访慰问通知（定稿）.docx"
DATA = VISIT.read_bytes()


def title_as(name: str) -> str:
    document = read_bytes(name, DATA)
    [speech] = parse_document(document)
    assert check_conservation(document, [p.text for p in chunk_speech(speech)]).ok  # no sentence lost
    return speech.title


def test_a_kind_only_title_is_named_by_the_file() -> None:
    """main: 「通知」."""
    document = read_bytes(VISIT.name, DATA)
    [speech] = parse_document(document)
    assert speech.title == "春节走访慰问通知"  # the file's note 「（定稿）」 is not the notice's
    assert speech.date == "2038-01-12"
    assert speech.issuer == "中共筠湾县委老干部局"


def test_a_name_that_does_not_say_which_notice_leaves_the_printed_title() -> None:
    assert title_as("scan0001.docx") == "通知"
    assert title_as("通知.docx") == "通知"
    assert title_as("新建 Microsoft Word 文档.docx") == "通知"
    assert title_as("春节走访慰问.docx") == "通知"  # names no kind: the printed one is kept


def test_a_printed_title_that_says_which_notice_is_kept() -> None:
    path = COLD42 / "关于开展重阳节敬老活动的通知.docx"
    [speech] = parse_document(read_bytes("春节走访慰问通知.docx", path.read_bytes()))
    assert speech.title == "关于开展2037年“九九重阳·情暖筠湾”敬老活动的通知"


@settings(max_examples=15, deadline=None)
@given(
    subject=st.text(alphabet="春节走访慰问老干部局关于开展活动", min_size=2, max_size=12),
    note=st.sampled_from(["", "（定稿）", "(1)", "【最终版】", "（二稿）（改）"]),
)
def test_the_title_is_the_printed_one_or_the_name_saying_which(subject: str, note: str) -> None:
    title = title_as(f"{subject}通知{note}.docx")
    assert title == f"{subject}通知"
