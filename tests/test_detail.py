"""The "asked detail absent" reading (retrieval/detail.py): what a question asks in particular that the best passage
does not state, and the retriever's verdict lowered one level by it (`RetrieverConfig.detail_absent`)."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index import Library, query_terms
from retrieval import Retriever, RetrieverConfig
from retrieval.abstain import Evidence, unseen_idf
from retrieval.confidence import ConfidenceModel, CoverageRule, Signals
from retrieval.detail import READINGS, absent_details, contradicted_qualifiers, specific_word

from .fakes import FakeEmbedder
from .test_retrieval_filters import speeches_library

PASSAGES = 500
CEILING = unseen_idf(PASSAGES)
IDF = {
    "旗袍班": 5.0,
    "学费": 5.5,
    "费用": 2.0,
    "报名": 1.5,
    "老伴": 5.8,
    "配偶": 4.0,
    "医疗": 2.0,
    "待遇": 1.8,
    "慰问": 2.2,
    "标准": 1.2,
    "开始": 5.9,
    "东西": 5.9,
    "午饭": 5.6,
    "活动": 1.0,
    "摄影班": 5.2,
    "教师": 4.5,
    "盒饭": CEILING,
}


def idf(word: str) -> float:
    return IDF.get(word, 3.0)


def evidence(question: str) -> Evidence:
    return Evidence(
        terms=tuple(query_terms(question)), idf=idf, top_text="", passages=PASSAGES, question=question
    )


def absent(
    reading: str, question: str, passage: str, synonyms: dict[str, tuple[str, ...]] | None = None
) -> tuple:
    pairs = synonyms or {}
    return absent_details(
        reading,  # type: ignore[arg-type]
        evidence(question),
        CEILING,
        [passage],
        [passage],
        lambda word: pairs.get(word, ()),
    )


FEES = "旗袍班每周三上午上课，报名请到老干部活动中心一楼登记，名额30人。"


def test_the_asked_thing_no_passage_names_is_absent() -> None:
    """「旗袍班学费多少钱」 of a timetable naming no fee: its most specific word, 学费, is not stated."""
    assert absent("peak", "旗袍班学费多少钱", FEES) == ("学费",)
    assert absent("sentence", "旗袍班学费多少钱", FEES) == ("学费",)


def test_the_asked_thing_stated_is_not_absent() -> None:
    assert absent("peak", "旗袍班学费多少钱", FEES + "学费每学期200元。") == ()


def test_a_colloquial_word_said_in_the_librarys_synonym_is_not_absent() -> None:
    """「老伴」 asked, the notice says 配偶: the library's lexicon pairs them, and the detail is stated."""
    passage = "离休干部配偶的医疗待遇按有关规定执行。"
    assert absent("peak", "离休干部的老伴能享受什么医疗待遇", passage, {"老伴": ("配偶",)}) == ()
    assert absent("peak", "离休干部的老伴能享受什么医疗待遇", passage) == ("老伴",)


def test_a_word_no_passage_uses_is_never_read() -> None:
    """The staff's own wording (盒饭: IDF at the ceiling, no passage holds it) tells nothing against this passage:
    the most specific word read is the next one, which the passage states."""
    assert specific_word(evidence("旗袍课有盒饭吗"), CEILING) == "旗袍"
    assert absent("peak", "旗袍课有盒饭吗", FEES) == ()


def test_a_verb_or_an_everyday_word_heading_the_weights_is_not_the_detail() -> None:
    """开始 (a verb framing a time asked) and 东西 (an everyday noun) name no particular detail."""
    assert specific_word(evidence("活动几点开始"), CEILING) is None
    assert specific_word(evidence("换证要带哪些东西"), CEILING) is None


def test_another_year_stated_contradicts_the_year_asked() -> None:
    passage = "2024年春节慰问标准：离休干部每人1000元。"
    assert contradicted_qualifiers("2023年的慰问标准是多少", [passage]) == ("2023年",)
    assert absent("qualifier", "2023年的慰问标准是多少", passage) == ("2023年",)
    assert contradicted_qualifiers("2024年的慰问标准是多少", [passage]) == ()
    assert contradicted_qualifiers("二〇二四年的慰问标准是多少", [passage]) == ()


def test_a_passage_stating_no_year_does_not_contradict_one() -> None:
    assert contradicted_qualifiers("2023年的慰问标准是多少", ["春节慰问标准：离休干部每人1000元。"]) == ()


def test_another_batch_contradicts_the_batch_asked() -> None:
    passage = "第二批疗养人员名单已经确定，5月10日出发。"
    assert contradicted_qualifiers("第三批疗养什么时候出发", [passage]) == ("第3批",)
    assert contradicted_qualifiers("第二批疗养什么时候出发", [passage]) == ()
    assert (
        contradicted_qualifiers("第三届运动会什么时候开", [passage]) == ()
    )  # no 届 stated: nothing contradicted


def test_the_sentence_reading_looks_in_the_answer_sentence_only() -> None:
    """「午饭」 named in another day's line of the passage: stated for "peak", not beside the answer sentence."""
    answer = "第一天上午参观红色教育基地。"
    elsewhere = "第三天中午在基地食堂吃午饭。"
    ev = evidence("参观基地那天管午饭吗")
    passage = f"{answer}第二天下午座谈。{elsewhere}"
    assert absent_details("peak", ev, CEILING, [passage], [answer]) == ()
    assert absent_details("sentence", ev, CEILING, [passage], [answer]) == ("午饭",)


def test_off_reads_nothing() -> None:
    assert absent("off", "旗袍班学费多少钱", FEES) == ()


QUESTIONS = st.sampled_from(
    [
        "旗袍班学费多少钱",
        "离休干部的老伴能享受什么医疗待遇",
        "2023年的慰问标准是多少",
        "第三批疗养什么时候出发",
        "老年大学摄影班的授课教师是谁",
        "参观基地那天管午饭吗",
        "换证要带哪些东西",
    ]
)


@settings(max_examples=40, deadline=None)
@given(QUESTIONS, st.sampled_from(READINGS), st.text(alphabet="的了在和是有老年大学活动", max_size=20))
def test_a_question_copied_into_the_answer_sentence_never_fires(
    question: str, reading: str, around: str
) -> None:
    """A passage whose answer sentence is the question itself states every detail the question asks."""
    sentence = f"{around}{question}。"
    assert absent_details(reading, evidence(question), CEILING, [sentence], [sentence]) == ()  # type: ignore[arg-type]


@settings(max_examples=40, deadline=None)
@given(
    QUESTIONS,
    st.sampled_from(READINGS),
    st.sampled_from(["请问", "请问一下，", "您好，请问"]),
    st.sampled_from(["呢", "？", "呢？"]),
    st.sampled_from([FEES, "离休干部配偶的医疗待遇按有关规定执行。", "2024年春节慰问标准：每人1000元。"]),
)
def test_a_courtesy_or_a_particle_changes_nothing(
    question: str, reading: str, before: str, after: str, passage: str
) -> None:
    assert absent(reading, f"{before}{question}{after}", passage) == absent(reading, question, passage)


def signals(**rules: bool) -> Signals:
    base = dict.fromkeys(
        ("coverage", "dense_top", "dense_best", "dense_margin", "lexical_per_term", "lexical_share"), 0.9
    )
    return Signals(
        **base,
        fused_margin=0.1,
        agreement=1.0,
        reciprocal_rank_dense=1.0,
        reciprocal_rank_lexical=1.0,
        log_terms=math.log1p(3),
        sentence_score=0.9,
        **rules,
    )


def test_the_reading_lowers_a_verdict_one_level_once() -> None:
    rule = CoverageRule()
    assert rule.judge(signals()).level == "high"
    assert rule.judge(signals(detail_absent=True)).level == "medium"
    assert rule.judge(signals(detail_absent=True, asked_missing=True)).level == "medium"  # once, not twice


def test_the_reading_is_no_feature_of_the_model() -> None:
    """A rule every judge obeys, never weighed: the shipped model's features and file are unchanged."""
    from retrieval.confidence import FEATURES, KNOWN_FEATURES

    assert "detail_absent" not in FEATURES and "detail_absent" not in KNOWN_FEATURES
    assert ConfidenceModel.__dataclass_fields__  # the model class is unchanged in shape


@pytest.fixture(scope="module")
def fake_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Library, Retriever]]:
    classes = (
        "classes.txt",
        "老年大学开设旗袍班的通知\n\n旗袍班每周三上午上课，报名请到老干部活动中心一楼登记，名额30人。\n\n"
        "摄影班由市摄影家协会的老师授课，每周五下午上课。",
    )
    greetings = (
        "greetings.txt",
        "关于春节慰问的通知\n\n2024年春节慰问标准：离休干部每人1000元，退休干部每人500元。",
    )
    with speeches_library(
        tmp_path_factory.mktemp("detail") / "home", FakeEmbedder(), [classes, greetings]
    ) as pair:
        yield pair


@settings(max_examples=16, deadline=None)
@given(
    st.sampled_from(READINGS),
    st.sampled_from(["旗袍班学费多少钱", "摄影班几点上课", "2023年春节慰问标准是多少", "旗袍班在哪报名"]),
)
def test_the_reading_never_moves_a_rank_nor_raises_a_verdict(
    fake_library: tuple[Library, Retriever], reading: str, question: str
) -> None:
    library, retriever = fake_library
    other = Retriever(
        library.store, retriever.index, retriever.embedder, RetrieverConfig(detail_absent=reading)
    )  # type: ignore[arg-type]
    before, after = retriever.search(question), other.search(question)
    assert [h.passage.id for h in after.hits] == [h.passage.id for h in before.hits]
    order = ("low", "medium", "high")
    assert order.index(after.level) <= order.index(before.level)
    assert order.index(before.level) - order.index(after.level) <= 1


def test_the_default_is_off() -> None:
    """Off until judged by the rule of scripts/conf65_detail.py (docs/conf65.md)."""
    assert RetrieverConfig().detail_absent == "off"
