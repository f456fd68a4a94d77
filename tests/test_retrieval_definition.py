"""A question asking what a term means gets the passage that glosses it first (retrieval/definition.py),
and a time counted from the day of asking is no word the answer lacks (vocabulary.says_when_asked)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from index import PassageRecord
from retrieval import Retriever
from retrieval.definition import DEFINITION_DEPTH, definition_first, glosses, term_asked
from retrieval.vocabulary import says_when_asked


def record(pid: int, text: str) -> PassageRecord:
    return PassageRecord(pid, 1, pid, None, text, str(pid), "讲话", None, None)


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("双高期是啥意思", "双高期"),
        ("双高期 是什么意思", "双高期"),
        ("双高期试指什么", "双高期"),  # 是 typed 试
        ("退休干部管理服务“一加一减”是什么意思？", "一加一减"),
        ("“五心”中的细心是指什么？", "细心"),
        ("“三心”精神指什么", "三心"),
        ("两费是指哪两项费用？", "两费"),
        ("什么是以房养老陷阱？", "以房养老陷阱"),
        ("贴心 内涵", "贴心"),
        ("城市社区离退休干部党建工作为什么是今年的重点？", None),  # 为什么 asks why
        ("离休干部体检规定是什么？", None),
        ("手环充满电能用几天", None),
    ],
)
def test_the_term_whose_meaning_is_asked(question: str, term: str | None) -> None:
    assert term_asked(question) == term


def test_a_gloss_is_a_bracket_or_a_defining_verb_after_the_term() -> None:
    assert glosses("针对老干部普遍进入“双高期”(高龄和高发病)的特点", "双高期")
    assert glosses("（4）细心：是指确立老干部工作无小事的理念", "细心")
    assert glosses("所谓两费，即离休费和医药费", "两费")
    assert not glosses("一是“双高期”离休干部管理服务问题。", "双高期")


def test_the_best_glossing_passage_within_reach_moves_first_and_nothing_else_moves() -> None:
    texts = [
        "一是“双高期”离休干部管理服务问题",
        "召开“双高期”老干部管理服务工作交流会",
        "进入“双高期”(高龄和高发病)的特点",
    ]
    records = {i: record(i, t) for i, t in enumerate(texts, start=1)}
    head = [(1, 0.9), (2, 0.8), (3, 0.7)]
    assert definition_first(head, records, "双高期是啥意思") == [(3, 0.7), (1, 0.9), (2, 0.8)]
    assert definition_first(head, records, "双高期的管理服务问题") == head  # no meaning asked
    assert definition_first([], records, "双高期是啥意思") == []
    far = [(i, 1.0 - i / 10) for i in range(10, 10 + DEFINITION_DEPTH)] + [(3, 0.1)]
    assert definition_first(far, records, "双高期是啥意思") == far  # beyond reach: left where it is


@given(st.permutations([1, 2, 3, 4, 5, 6]), st.sampled_from(["双高期是啥意思", "细心是指什么", "体检规定"]))
def test_the_head_is_reordered_never_changed(order: list[int], question: str) -> None:
    records = {i: record(i, f"第{i}段：“双高期”(高龄和高发病)" if i % 2 else f"第{i}段") for i in order}
    head = [(i, 1.0 / i) for i in order]
    moved = definition_first(head, records, question)
    assert sorted(moved) == sorted(head)
    assert moved[1:] == [h for h in head if h != moved[0]]


def test_a_time_counted_from_the_day_of_asking_is_no_topic_word() -> None:
    question = "上个月讲话里提到的年龄最大的团员是谁"
    assert says_when_asked("上个月", question) and says_when_asked("上个", question)
    assert not says_when_asked("团员", question)
    assert not says_when_asked("几天", "团体活动要提前几天预约活动室")  # 提前几天 is no time of asking
    assert not says_when_asked("今年", "今年体检几号开始")  # documents say 今年 of themselves


def test_a_term_asked_gets_its_gloss_first_in_the_seed_speeches(seed_retriever: Retriever) -> None:
    answer = seed_retriever.search("双高期是啥意思", k=3)
    assert "(高龄和高发病)" in answer.hits[0].passage.text
