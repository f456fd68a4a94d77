"""corpus.chunk: paragraphs become passages; long ones split at sentence ends into balanced parts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus import Paragraph, Speech, chunk_speech, split_paragraph, split_sentences


def sentence(n: int, char: str = "字") -> str:
    """A sentence of exactly n characters, ending with 。"""
    return char * (n - 1) + "。"


def test_a_short_paragraph_is_one_passage() -> None:
    assert split_paragraph("要落实好离休干部每年一次体检的规定。", max_chars=350) == [
        "要落实好离休干部每年一次体检的规定。"
    ]


def test_a_paragraph_of_exactly_max_chars_is_not_split() -> None:
    text = sentence(50) * 7
    assert split_paragraph(text, max_chars=350) == [text]


def test_joining_the_parts_gives_the_original() -> None:
    text = "".join(
        sentence(n, c) for n, c in zip([40, 90, 25, 130, 60, 75, 110], "甲乙丙丁戊己庚", strict=True)
    )
    parts = split_paragraph(text, max_chars=150)
    assert len(parts) > 1
    assert "".join(parts) == text


def test_parts_respect_max_chars() -> None:
    text = "".join(sentence(n) for n in [120, 80, 140, 30, 100, 90, 60, 145])
    parts = split_paragraph(text, max_chars=150)
    assert all(len(p) <= 150 for p in parts)


def test_parts_end_at_sentence_ends() -> None:
    text = "第一句话讲目标。第二句话讲任务！第三句话问问题？第四句话是分号；" * 12
    for part in split_paragraph(text, max_chars=100):
        assert part[-1] in "。！？；"


def test_closing_quotes_stay_with_their_sentence() -> None:
    text = ("他说：“要落实好离休干部每年一次体检的规定。”" + "这是第二句。" * 5) * 6
    for part in split_paragraph(text, max_chars=80):
        assert not part.startswith("”")


def test_parts_are_balanced() -> None:
    text = sentence(50) * 10  # 500 characters: two parts of 250, not 350 + 150
    assert [len(p) for p in split_paragraph(text, max_chars=350)] == [250, 250]


def test_a_short_tail_joins_the_part_before_it() -> None:
    text = sentence(100) * 6 + sentence(10)
    assert [len(p) for p in split_paragraph(text, max_chars=300)] == [200, 200, 210]


def test_a_short_tail_stays_apart_when_joining_would_pass_max_chars() -> None:
    text = sentence(290) + sentence(290, "乙") + sentence(20, "丙")
    parts = split_paragraph(text, max_chars=300)
    assert [len(p) for p in parts] == [290, 290, 20]


def test_a_long_sentence_splits_at_commas() -> None:
    clause = "落实老干部政治待遇和生活待遇，"  # 15 characters
    text = clause * 30 + "。"
    parts = split_paragraph(text, max_chars=100)
    assert "".join(parts) == text
    assert all(len(p) <= 100 for p in parts)
    assert all(p.endswith(("，", "。")) for p in parts)


def test_a_sentence_without_punctuation_is_cut_by_length() -> None:
    text = "甲" * 1000
    parts = split_paragraph(text, max_chars=300)
    assert "".join(parts) == text
    assert all(len(p) <= 300 for p in parts)
    assert len(parts) == 4


def test_sentences_are_split_after_their_end_marks() -> None:
    assert split_sentences("一是尽责。二是保障！“三是统筹？”四是") == [
        "一是尽责。",
        "二是保障！",
        "“三是统筹？”",
        "四是",
    ]


def test_chunk_speech_keeps_paragraph_index_section_and_part() -> None:
    long_paragraph = sentence(60) * 10
    speech = Speech(
        title="标题",
        subtitle=None,
        date=None,
        speaker=None,
        source="讲话.txt",
        ordinal=1,
        label=None,
        paragraphs=(Paragraph("开场白。", None), Paragraph(long_paragraph, "一、总体要求")),
    )
    drafts = chunk_speech(speech, max_chars=350)
    assert [(d.paragraph, d.part, d.section) for d in drafts] == [
        (0, 0, None),
        (1, 0, "一、总体要求"),
        (1, 1, "一、总体要求"),
    ]
    assert drafts[1].text + drafts[2].text == long_paragraph


@pytest.mark.parametrize("max_chars", [20, 75, 350])
@given(
    st.lists(
        st.tuples(st.integers(1, 200), st.sampled_from(["。", "！", "？", "；", "，", ""])),
        min_size=1,
        max_size=30,
    )
)
def test_any_paragraph_splits_losslessly_within_the_limit(
    max_chars: int, pieces: list[tuple[int, str]]
) -> None:
    text = "".join("文" * n + mark for n, mark in pieces)
    parts = split_paragraph(text, max_chars=max_chars)
    assert "".join(parts) == text
    assert all(parts)
    assert all(len(p) <= max_chars for p in parts)


def _speech(*paragraphs: Paragraph) -> Speech:
    return Speech("题", None, None, None, "a.txt", 1, None, tuple(paragraphs))


def test_short_paragraphs_of_one_section_merge_up_to_the_target() -> None:
    speech = _speech(
        Paragraph(sentence(80, "甲"), "一、"),
        Paragraph(sentence(80, "乙"), "一、"),
        Paragraph(sentence(80, "丙"), "一、"),
        Paragraph(sentence(30, "丁"), "二、"),
    )
    drafts = chunk_speech(speech, merge_to=200)
    assert [d.text for d in drafts] == [
        sentence(80, "甲") + sentence(80, "乙"),
        sentence(80, "丙"),
        sentence(30, "丁"),
    ]
    assert [(d.paragraph, d.section) for d in drafts] == [(0, "一、"), (2, "一、"), (3, "二、")]


def test_merging_never_crosses_a_section_or_takes_a_table_row() -> None:
    speech = _speech(
        Paragraph(sentence(20, "甲"), "一、"),
        Paragraph(sentence(20, "乙"), "二、"),
        Paragraph("项目：体检；标准：每年一次", "二、", kind="table_row"),
        Paragraph("项目：护理；标准：每月600元", "二、", kind="table_row"),
        Paragraph(sentence(20, "丙"), "二、"),
    )
    texts = [d.text for d in chunk_speech(speech, merge_to=400)]
    assert texts == [
        sentence(20, "甲"),
        sentence(20, "乙"),
        "项目：体检；标准：每年一次",
        "项目：护理；标准：每月600元",
        sentence(20, "丙"),
    ]


def test_without_a_target_every_paragraph_is_a_passage() -> None:
    speech = _speech(Paragraph(sentence(20, "甲"), None), Paragraph(sentence(20, "乙"), None))
    assert len(chunk_speech(speech, merge_to=None)) == 2
    assert len(chunk_speech(speech)) == 2  # the library default: one passage per paragraph
    assert len(chunk_speech(speech, merge_to=200)) == 1


def test_lines_without_a_full_stop_are_not_run_together_when_short_paragraphs_merge() -> None:
    # table rows as a PDF gives them (labelled, no full stop), between two short sentences
    rows = [
        "项目：健康体检；标准：每年两次；责任单位：市人民医院",
        "项目：上门巡诊；标准：每月一次；责任单位：社区卫生服务中心",
    ]
    speech = Speech(
        title="讲话",
        subtitle=None,
        date=None,
        speaker=None,
        source="讲话.pdf",
        ordinal=1,
        label=None,
        paragraphs=tuple(
            Paragraph(text, "一、健康服务") for text in ["下表列出今年的服务项目。", *rows, "要抓好落实。"]
        ),
    )
    texts = [d.text for d in chunk_speech(speech, merge_to=200)]
    assert texts == ["下表列出今年的服务项目。" + rows[0], rows[1], "要抓好落实。"]
