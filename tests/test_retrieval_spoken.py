"""A dictated question's spoken forms read as the library writes them (retrieval/spoken.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval import Retriever
from retrieval.spoken import as_written

PASSAGES = ["活动中心每周开放六天，周一闭馆维护。", "每周二、周五下午排练。", "党的组织覆盖率达到100%。"]


def holding(word: str) -> int:
    return sum(word in p for p in PASSAGES)


@pytest.mark.parametrize(
    ("said", "written"),
    [
        ("活动中心礼拜一开不开门", "活动中心周一开不开门"),
        ("合唱团每个礼拜几排练", "合唱团每个周几排练"),
        ("星期五下午排练吗", "周五下午排练吗"),
        ("覆盖率是百分之多少", "覆盖率是多少"),
        ("达标率不低于百分之九十吗", "达标率不低于90%吗"),
        ("那个二零二一年的讲话", "那个2021年的讲话"),
        ("二〇二〇年体检", "2020年体检"),
    ],
)
def test_spoken_forms_are_written_as_the_passages_write_them(said: str, written: str) -> None:
    assert as_written(said, holding) == written


def test_a_form_the_library_writes_as_said_stays() -> None:
    passages = ["自二〇二〇年七月一日起调整。", "礼拜一闭馆。", "不低于百分之九十。"]

    def held(word: str) -> int:
        return sum(word in p for p in passages)

    assert as_written("二〇二〇年护理费", held) == "二〇二〇年护理费"
    assert as_written("礼拜一开门吗", held) == "礼拜一开门吗"
    assert as_written("礼拜几开门", held) == "礼拜几开门"  # the library writes days with 礼拜 too
    assert as_written("百分之九十", held) == "百分之九十"
    assert as_written("礼拜三开门吗", lambda w: 0) == "礼拜三开门吗"  # the library names no day at all


@settings(deadline=None)  # a busy machine is no failure
@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), max_size=30))
def test_a_question_without_spoken_forms_is_unchanged(text: str) -> None:
    if any(w in text for w in ("礼拜", "星期", "周", "百分之", "年")):
        return
    assert as_written(text, holding) == text


@settings(deadline=None)  # a busy machine is no failure
@given(st.text(alphabet=st.sampled_from(list("礼拜星期周一五几百分之多少九十二零〇年的")), max_size=20))
def test_nothing_is_rewritten_when_every_form_is_held(text: str) -> None:
    assert as_written(text, lambda w: 1) == text


def test_a_dictated_year_finds_what_the_written_year_finds(seed_retriever: Retriever) -> None:
    said = seed_retriever.search("二零二四年老干部工作要点是什么", k=3)
    written = seed_retriever.search("2024年老干部工作要点是什么", k=3)
    assert [h.passage.id for h in said.hits] == [h.passage.id for h in written.hits]
    assert said.query.startswith("二零二四年")  # shown as asked
