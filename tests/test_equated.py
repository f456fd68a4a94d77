"""What the library itself equates (retrieval/equated.py, `Retriever.equated_for`): a short form a document defines
(「意外伤害保险（以下简称“意外险”）」), or a word the passage says in its own words that keeps the question as close to
the passage when put in its place — read by the confidence as a feature of its own (`Signals.equated`), never as a
part of the coverage. A model reads it only when its file lists it; off in the shipped model (docs/conf67.md)."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index import Library
from retrieval import FEATURES, ConfidenceModel, CoverageRule, Retriever, RetrieverConfig, load_judge
from retrieval.answer_type import shortened_in
from retrieval.equated import defined_pairs, equated_words, long_form

from .fakes import FakeEmbedder
from .test_retrieval_filters import speeches_library

INSURANCE = ("意外险通知.txt", "关于为离退休干部办理意外伤害保险（以下简称“意外险”）的通知，请各支部周知。")
FEES = ("保费.txt", "意外伤害保险每人每年保费一百元，由局里统一缴纳，保险期限一年。")
CLAIMS = ("理赔须知.txt", "意外险理赔须在出院后三十日内提交病历和发票，由老干部局统一报送保险公司。")
LIBRARY = ("人才库.txt", "我市建立离退休干部人才信息库（简称人才库），入库人员可参加志愿服务。")
OTHER = ("体检.txt", "每年组织离退休干部免费体检一次，时间为十月，地点在市第一人民医院。")


def test_a_defined_short_form_is_equated_with_its_long_name() -> None:
    pairs = defined_pairs([INSURANCE[1], LIBRARY[1]])
    assert pairs["意外险"] == frozenset({"意外伤害保险"})
    assert pairs["意外伤害保险"] == frozenset({"意外险"})
    assert pairs["人才库"] == frozenset({"人才信息库"})


def test_a_bracket_saying_something_else_equates_nothing() -> None:
    texts = [
        "《中国共产党支部工作条例（试行）》",
        "各乡镇（街道）",
        "无工作单位的离休干部遗孀（遗属）",
        "书法（楷书）",
    ]
    assert defined_pairs(texts) == {}


def test_a_bracketed_short_form_alone_is_equated() -> None:
    assert defined_pairs(["参加意外伤害保险（意外险）的人员"])["意外险"] == frozenset({"意外伤害保险"})


def test_a_short_form_that_is_the_names_own_tail_equates_nothing() -> None:
    # 作品展 is the tail of 书画摄影作品展 as written: nothing to equate (the search finds it as it is)
    assert defined_pairs(["离退休干部书画摄影作品展（以下简称作品展）"]) == {}


HAN = st.text(alphabet="意外伤害保险人才信息库离退休干部活动中心老年大学", min_size=2, max_size=10)


@settings(max_examples=60, deadline=None)
@given(HAN, HAN, st.sampled_from(["（以下简称“{}”）", "（简称{}）", "（{}）", "，简称“{}”"]))
def test_every_pair_is_symmetric_and_a_shortening(prefix: str, short: str, form: str) -> None:
    """Whatever the text, a pair read is a short form of its long name, and read both ways."""
    pairs = defined_pairs([prefix + form.format(short)])
    for word, others in pairs.items():
        for other in others:
            assert word in pairs[other]
            assert shortened_in(word, other) or shortened_in(other, word)


@settings(max_examples=60, deadline=None)
@given(HAN, HAN)
def test_the_long_form_is_a_tail_the_short_form_shortens(run: str, short: str) -> None:
    long = long_form(run, short)
    if long is not None:
        assert run.endswith(long) and shortened_in(short, long)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["意外险", "意外伤害保险", "人才库", "体检", "保费"]), max_size=4))
def test_a_word_the_passage_holds_is_never_equated(words: list[str]) -> None:
    """`equated_words` reads the words the passage lacks; one it writes gives nothing (it is held whole already)."""
    pairs = defined_pairs([INSURANCE[1], LIBRARY[1]])
    text = INSURANCE[1]
    found = equated_words([w for w in words if w not in text], text, pairs)
    assert all(w not in text for w in found)
    assert all(any(f in text for f in forms) for forms in found.values())


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Library, Retriever]]:
    home = tmp_path_factory.mktemp("equated") / "home"
    with speeches_library(home, FakeEmbedder(), [INSURANCE, FEES, CLAIMS, LIBRARY, OTHER]) as pair:
        yield pair


def _reading(pair: tuple[Library, Retriever]) -> Retriever:
    library, retriever = pair
    return Retriever(
        library.store,
        retriever.index,
        retriever.embedder,
        RetrieverConfig(equated=True),  # type: ignore[arg-type]
    )


def test_the_short_form_asked_is_read_as_the_passages_long_name(library: tuple[Library, Retriever]) -> None:
    """The fee passage writes only 意外伤害保险; another document defines 意外险 as its short form."""
    lib, _ = library
    on = _reading(library)
    question = "意外险每年保费多少钱"
    answer = on.search(question)
    fees = next(p for p in lib.store.passages() if "保费一百元" in p.text)
    assert on.equated_for(answer.terms, fees.text, question, fees.id)["意外险"] == ("意外伤害保险",)
    top = answer.hits[0].passage
    assert answer.signals is not None
    if top.id == fees.id:  # the signal is read of the first passage: there the short form gives weight back
        assert answer.signals.equated > 0.0


def test_the_library_pairs_follow_the_store(library: tuple[Library, Retriever]) -> None:
    _, retriever = library
    pairs = retriever.library_pairs()
    assert pairs["意外险"] == frozenset({"意外伤害保险"}) and pairs["人才库"] == frozenset({"人才信息库"})


SENTENCES = [
    "意外伤害保险每人每年保费一百元",
    "意外险理赔须在出院后三十日内提交病历和发票",
    "每年组织离退休干部免费体检一次",
    "入库人员可参加志愿服务",
]


@settings(max_examples=12, deadline=None)
@given(st.sampled_from(SENTENCES))
def test_a_question_copied_from_the_answer_sentence_is_unchanged(
    library: tuple[Library, Retriever], sentence: str
) -> None:
    """Its every word is in the passage: nothing is equated, and the verdict, probability and ranks are today's."""
    _, retriever = library
    before, after = retriever.search(sentence), _reading(library).search(sentence)
    assert [h.passage.id for h in after.hits] == [h.passage.id for h in before.hits]
    assert (after.level, after.probability) == (before.level, before.probability)
    assert after.signals is not None and after.signals.equated == 0.0


@settings(max_examples=16, deadline=None)
@given(
    st.sampled_from(["意外险保费多少钱", "人才信息库谁能参加", "体检在哪家医院"]),
    st.sampled_from(["请问", "您好，请问"]),
    st.sampled_from(["呢", "？", "呢？"]),
)
def test_a_courtesy_or_a_particle_changes_nothing(
    library: tuple[Library, Retriever], question: str, before: str, after: str
) -> None:
    on = _reading(library)
    plain, polite = on.search(question), on.search(f"{before}{question}{after}")
    assert polite.hits[0].passage.id == plain.hits[0].passage.id  # (a fake embedder's lower ranks may move)
    assert plain.signals is not None and polite.signals is not None
    assert polite.signals.equated == pytest.approx(plain.signals.equated)


@settings(max_examples=12, deadline=None)
@given(
    st.sampled_from(
        ["意外险保费多少钱", "人才信息库谁能参加", "体检在哪家医院", "意外伤害保险理赔要什么材料"]
    )
)
def test_the_reading_never_touches_the_coverage_or_the_shipped_verdict(
    library: tuple[Library, Retriever], question: str
) -> None:
    """A word found verbatim is never weakened: the coverage (and every signal the shipped model reads) is the same
    with the reading computed; it is a feature of its own, read only by a model that lists it."""
    _, retriever = library
    before, after = retriever.search(question), _reading(library).search(question)
    assert before.signals is not None and after.signals is not None
    assert replace(after.signals, equated=0.0) == before.signals
    assert (after.level, after.probability) == (before.level, before.probability)


def test_a_search_computes_it_only_for_a_model_that_reads_it(library: tuple[Library, Retriever]) -> None:
    _, retriever = library
    answer = retriever.search("意外险保费多少钱")  # the shipped model does not read it, nor the config ask
    assert answer.signals is not None and answer.signals.equated == 0.0
    assert "equated" not in FEATURES and RetrieverConfig().equated is False


def _model_file(tmp_path: Path, features: tuple[str, ...]) -> Path:
    shipped = load_judge()
    assert isinstance(shipped, ConfidenceModel)
    model = replace(
        shipped,
        features=features,
        mean=(*shipped.mean, 0.0)[: len(features)],
        scale=(*shipped.scale, 1.0)[: len(features)],
        coef=(*shipped.coef, 1.0)[: len(features)],
    )
    path = tmp_path / "confidence.json"
    path.write_text(json.dumps(model.to_json()), encoding="utf-8")
    return path


def test_a_model_reading_the_feature_loads(tmp_path: Path) -> None:
    path = _model_file(tmp_path, (*FEATURES, "equated"))
    judge = load_judge(path)
    assert isinstance(judge, ConfidenceModel) and judge.features[-1] == "equated"


def test_a_model_with_a_feature_the_code_lacks_falls_back_loudly(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = _model_file(tmp_path, (*FEATURES, "equated_by_list"))
    with caplog.at_level(logging.WARNING):
        judge = load_judge(path)
    assert isinstance(judge, CoverageRule)
    assert any("equated_by_list" in r.getMessage() or "feature" in r.getMessage() for r in caplog.records)


def _cosine(retriever: Retriever, text: str, passage_id: int) -> float:
    import numpy as np

    hits = retriever.index.vectors.search(
        retriever.query_vector(text), 1, allowed=np.array([passage_id], dtype=np.int64)
    )
    return float(hits[0][1])


@pytest.fixture(scope="module")
def coarse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Library, Retriever]]:
    """The library under a fake embedder of four buckets: a word written in another's place can move the
    question's cosine with a passage either way (with 64, a passage's own word only ever brings it closer)."""
    home = tmp_path_factory.mktemp("equated-coarse") / "home"
    with speeches_library(home, FakeEmbedder(dim=4), [INSURANCE, FEES, CLAIMS, LIBRARY, OTHER]) as pair:
        yield pair


@pytest.mark.parametrize("question", ["意外险保险费每年多少", "保险费谁缴纳", "意外险保费谁缴纳"])
def test_a_word_said_otherwise_is_kept_only_if_the_question_stays_as_close(
    coarse: tuple[Library, Retriever], question: str
) -> None:
    """Every passage word equated in its own words (not by a definition), written in the question in the asked
    word's place, keeps the question's cosine with the passage at least as high (no drop allowed); 保险费's own
    words in the fee passage (保险每人每年保费, 保险期限) include one that brings 「保险费谁缴纳」 further away."""
    from retrieval.near_words import swapped

    lib, base = coarse
    loose = Retriever(
        lib.store, base.index, base.embedder, RetrieverConfig(equated=True, equated_cosine=0.01)
    )  # type: ignore[arg-type]
    answer = loose.search(question)
    top = answer.hits[0].passage
    found = loose.equated_for(answer.terms, top.text, question, top.id)
    defined = equated_words(list(found), top.text, loose.library_pairs())
    own = _cosine(loose, question, top.id)
    for word, forms in found.items():
        for form in forms:
            if form in defined.get(word, ()):
                continue
            text = swapped(question, word, form)
            assert text is not None and _cosine(loose, text, top.id) >= own - 1e-6


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.floats(0.0, 1.0), min_size=len(FEATURES), max_size=len(FEATURES)),
    st.floats(0.0, 1.0),
)
def test_the_shipped_models_verdict_never_reads_equated(values: list[float], equated: float) -> None:
    """The shipped model file (retrieval/data/confidence.json, loaded as it ships) judges a search the same
    whatever `equated` is: with the signals a search computes unchanged by it (above), no verdict of it moves."""
    from retrieval import Signals

    shipped = load_judge()
    assert isinstance(shipped, ConfidenceModel) and "equated" not in shipped.features
    signals = Signals(**dict(zip(FEATURES, values, strict=True)))  # type: ignore[arg-type]
    assert shipped.judge(replace(signals, equated=equated)) == shipped.judge(signals)
