"""A notice whose printed title names only the kind of document (「通　　知」, letter-spaced, over a short
notice) is titled by its file's name when that name says which notice it is (cold42), and only then.

cold42's WPS-style notice (python-docx: the body one paragraph of manual line breaks, the title 「通　　知」)
was listed as 「通知」 — one of many 「通知」 in a library. Its file, 「春节走访慰问通知（定稿）.docx」, names it.
The independent review (mend68c) found any prefix taken for the title (「副本 通知」「最新通知」「附件2：通知」)
and every notice of a two-notice file given the file's name: the name's words beyond the kind word now count
only when they are the notice's own (three Han characters in a row found in its body, the issuer's name
aside), and a file of several notices names none of them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import check_conservation, chunk_speech, parse_document, read_bytes

COLD42 = Path(__file__).parents[1] / "benchmarks" / "corpus-cold42"
VISIT = COLD42 / "春节走访慰问通知（定稿）.docx"
DATA = VISIT.read_bytes()
TWO = Path(__file__).parent / "fixtures" / "kind_titles"


def title_as(name: str) -> str:
    document = read_bytes(name, DATA)
    [speech] = parse_document(document)
    assert check_conservation(document, [p.text for p in chunk_speech(speech)]).ok  # no sentence lost
    return speech.title


def body_text() -> str:
    [speech] = parse_document(read_bytes(VISIT.name, DATA))
    return "".join(p.text for p in speech.paragraphs)


BODY = body_text()


def test_a_kind_only_title_is_named_by_the_file() -> None:
    """main: 「通知」."""
    document = read_bytes(VISIT.name, DATA)
    [speech] = parse_document(document)
    assert speech.title == "春节走访慰问通知"  # the file's note 「（定稿）」 is not the notice's
    assert speech.date == "2038-01-12"
    assert speech.issuer == "中共筠湾县委老干部局"


@pytest.mark.parametrize(
    "name",
    [
        "scan0001.docx",
        "通知.docx",
        "新建 Microsoft Word 文档.docx",
        "春节走访慰问.docx",  # names no kind: the printed one is kept
        # the review's generic names: what they say beyond 「通知」 is the file's, not the notice's
        "副本 通知.docx",
        "附件2：通知.docx",
        "附件2 通知.docx",
        "最新通知.docx",
        "重要通知.docx",
        "紧急通知.docx",
        "转发通知.docx",
        "微信通知.docx",
        "张三的通知.docx",
        "第3号通知.docx",
        "拟稿通知.docx",
        "打印用通知.docx",
        "领导审签通知.docx",
        "OA系统导出通知.docx",
        "通知(1).docx",
        "通知 - 副本.docx",
        "2038年通知.docx",
        # a bracket of the notice's own words is no file's note: the name is not used
        "春节走访慰问通知（开展春节走访慰问活动）.docx",
        "春节走访慰问通知(2038年1月印发 局办).docx",
    ],
)
def test_a_name_that_does_not_say_which_notice_leaves_the_printed_title(name: str) -> None:
    assert title_as(name) == "通知"


@pytest.mark.parametrize(
    "name",
    [
        "01-春节走访慰问通知.docx",
        "20380112春节走访慰问通知.docx",
        "【定稿】春节走访慰问通知.docx",
        "（定稿）春节走访慰问通知.docx",
        "春节走访慰问通知（定稿）(1).docx",
        "3. 春节走访慰问通知【最终版】.docx",
    ],
)
def test_numbering_dates_and_notes_at_either_end_are_the_files(name: str) -> None:
    assert title_as(name) == "春节走访慰问通知"


def test_a_printed_title_that_says_which_notice_is_kept() -> None:
    path = COLD42 / "关于开展重阳节敬老活动的通知.docx"
    [speech] = parse_document(read_bytes("春节走访慰问通知.docx", path.read_bytes()))
    assert speech.title == "关于开展2037年“九九重阳·情暖筠湾”敬老活动的通知"


@pytest.mark.parametrize("name", ["春节走访慰问通知.docx", "春节走访慰问通知-lo.docx"])
def test_no_notice_of_a_file_of_several_is_named_by_the_file(name: str) -> None:
    """python-docx's file and LibreOffice's re-save of it: two notices, each printed 「通　　知」; before, the
    博物馆 notice was cited as the 春节 one."""
    speeches = parse_document(read_bytes("春节走访慰问通知.docx", (TWO / name).read_bytes()))
    assert [s.title for s in speeches] == ["通知", "通知"]
    assert "春节期间离退休干部走访慰问" in speeches[0].paragraphs[1].text
    assert any("博物馆" in p.text for p in speeches[1].paragraphs)


OUTSIDE = "".join(
    sorted(set("副本最新微信拟稿附件转发重要张三李四的号打印用审签系统导出群口头电话短信版改") - set(BODY))
)


@settings(max_examples=25, deadline=None)
@given(
    prefix=st.text(alphabet=OUTSIDE + "0123456789 _-：", min_size=1, max_size=8),
    note=st.sampled_from(["", "（定稿）", "(1)", "【最终版】", " - 副本"]),
)
def test_a_prefix_not_in_the_body_leaves_the_printed_title(prefix: str, note: str) -> None:
    """main's reading: 「通知」, whatever the name says that the notice does not."""
    assert title_as(f"{prefix}通知{note}.docx") == "通知"


@settings(max_examples=15, deadline=None)
@given(
    start=st.integers(min_value=0, max_value=len(BODY) - 1),
    size=st.integers(min_value=3, max_value=8),
    note=st.sampled_from(["", "（定稿）", "(1)", "【最终版】", "（二稿）（改）"]),
)
def test_a_prefix_said_in_the_body_names_the_notice(start: int, size: int, note: str) -> None:
    subject = BODY[start : start + size]
    if not (len(subject) == size and all("\u4e00" <= c <= "\u9fff" for c in subject)):
        return  # only runs of Han characters of the body name it
    if "筠湾县委老干部局".find(subject) >= 0 or subject in "通知":
        return  # the issuer's name says who sent it
    assert title_as(f"{subject}通知{note}.docx") == f"{subject}通知"
