"""bench.confidence: removing a question's own context, fitting the model, the rates and reliability."""

from __future__ import annotations

import math
import random
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench.cmrc import BenchmarkSet, without_answers
from bench.confidence import (
    FIT_QUESTIONS,
    HIGH_PROBABILITY,
    CachedQueries,
    Example,
    answer_removed_examples,
    blind_split,
    cmrc_examples,
    every_nth,
    fit,
    fit_examples,
    fit_questions,
    folds_of,
    gold_passages,
    load_examples,
    out_of_fold,
    rates,
    reliability,
    save_examples,
    without,
)
from bench.errors import BenchError
from bench.evaluate import GoldQuestion
from corpus import Paragraph, Speech, chunk_speech
from index import Library
from retrieval import FEATURES, CoverageRule, Retriever, Signals
from retrieval.abstain import unseen_idf

from .fakes import FakeEmbedder

REPO = Path(__file__).resolve().parent.parent

CONTEXTS = {
    "体检": "要落实好离休干部每年一次体检的规定，千方百计为离休干部看病治疗提供更多的方便。",
    "老年大学": "老年大学要创新教学方法和课程内容，不断提高办学质量，两年之内全部成为示范校。",
    "信息化": "要加大信息化建设力度，推动互联网与老干部工作深度融合，搭上信息化的快车。",
    "党建": "组织部门要牵头抓总，像抓其他领域党建一样抓离退休干部党建。",
}
QUESTIONS = {
    "体检": "离休干部多久体检一次？",
    "老年大学": "老年大学要怎样提高办学质量？",
    "信息化": "老干部工作怎么用互联网？",
    "党建": "离退休干部党建由哪个部门牵头？",
}


@pytest.fixture
def cmrc_like(tmp_path: Path, fake_embedder: FakeEmbedder) -> Iterator[Retriever]:
    """A CMRC-style library: one context per speech, titled as bench.cmrc titles them."""
    library = Library(tmp_path / "home")
    for n, (title, context) in enumerate(CONTEXTS.items(), start=1):
        speech = Speech(
            f"{title} [P{n}]", None, None, None, "cmrc.json", n, None, (Paragraph(context, title),)
        )
        library.store.save_speech(speech, chunk_speech(speech))
    library.build(fake_embedder)
    yield Retriever(library.store, library.load(fake_embedder.key), fake_embedder)
    library.close()


def gold() -> list[GoldQuestion]:
    return [
        GoldQuestion(f"Q{n}", QUESTIONS[title], (), speech_title=f"{title} [P{n}]")
        for n, title in enumerate(CONTEXTS, start=1)
    ]


def test_without_leaves_the_excluded_passages_out_of_both_sides(cmrc_like: Retriever) -> None:
    own = {p.id for p in cmrc_like.store.passages() if p.speech_title.startswith("体检")}
    before = cmrc_like.search("离休干部体检", k=4)
    assert before.hits[0].passage.id in own
    rt = Retriever(cmrc_like.store, without(cmrc_like.index, frozenset(own)), cmrc_like.embedder)
    after = rt.search("离休干部体检", k=4)
    assert after.hits and not any(h.passage.id in own for h in after.hits)
    assert len(after.hits) == len(CONTEXTS) - 1  # every other context is still found


def test_without_takes_the_excluded_passages_out_of_the_word_statistics(cmrc_like: Retriever) -> None:
    own = frozenset(p.id for p in cmrc_like.store.passages() if p.speech_title.startswith("体检"))
    lexical = cmrc_like.index.lexical
    removed = without(cmrc_like.index, own).lexical
    assert removed.size == lexical.size - len(own)
    assert lexical.document_frequency("体检") >= 1
    assert removed.document_frequency("体检") == 0  # only the removed context held it
    assert removed.idf("体检") == pytest.approx(unseen_idf(removed.size))
    token = lexical.tokenize("互联网")[0]  # a word of another context: same df, one passage fewer
    df = lexical.document_frequency(token)
    assert df >= 1 and removed.document_frequency(token) == df
    assert removed.idf(token) == pytest.approx(math.log1p((removed.size - df + 0.5) / (df + 0.5)))
    answer = Retriever(cmrc_like.store, without(cmrc_like.index, own), cmrc_like.embedder).search(
        "离休干部多久体检一次？", k=1
    )
    assert (
        answer.signals is not None and answer.signals.unseen_share > 0 and answer.signals.missing_peak == 1.0
    )


def test_cmrc_examples_pair_each_question_with_its_near_miss(cmrc_like: Retriever) -> None:
    examples = cmrc_examples(cmrc_like, gold(), "cmrc")
    assert [e.group for e in examples] == ["cmrc"] * 4 + ["cmrc-removed"] * 4
    assert [e.answerable for e in examples] == [True] * 4 + [False] * 4
    whole, removed = examples[:4], examples[4:]
    # with its own context gone, the best remaining passage covers less of the question
    assert sum(e.signals.coverage for e in removed) < sum(e.signals.coverage for e in whole)


def test_each_example_records_whether_its_first_passage_holds_the_answer(cmrc_like: Retriever) -> None:
    """What 「直接相关」 promises is the right passage first: recorded beside answerability, never true of a
    question whose answer was removed."""
    questions = gold()
    examples = cmrc_examples(cmrc_like, questions, "cmrc")
    firsts = [cmrc_like.search(q.question, k=1).hits[0].passage.speech_title for q in questions]
    assert [e.top_right for e in examples[:4]] == [
        f == q.speech_title for f, q in zip(firsts, questions, strict=True)
    ]
    assert any(e.top_right for e in examples[:4])
    assert [e.top_right for e in examples[4:]] == [False] * 4
    assert all(e.right == e.top_right for e in examples)


def test_saved_examples_keep_whether_the_first_passage_was_right(tmp_path: Path) -> None:
    signals = synthetic(1)[0].signals
    examples = [
        Example("a", "对的", True, signals, True),
        Example("a", "答对了题却排错了段落", True, signals, False),
        Example("b", "没有答案", False, signals, False),
    ]
    save_examples(examples, tmp_path / "signals.jsonl")
    assert load_examples(tmp_path / "signals.jsonl") == examples
    # a file saved before it was recorded: unknown, read as answerable
    old = tmp_path / "old.jsonl"
    old.write_text(
        (tmp_path / "signals.jsonl").read_text(encoding="utf-8").replace('"top_right": false, ', ""),
        encoding="utf-8",
    )
    loaded = load_examples(old)
    assert [e.top_right for e in loaded] == [True, None, None]
    assert [e.right for e in loaded] == [True, True, False]


def test_fit_only_questions_join_the_group_of_their_library(cmrc_like: Retriever) -> None:
    """Fit-only questions add in-domain data without adding a group: each source keeps its weight, and
    the threshold keeps the answered share of each group."""
    dev = [
        GoldQuestion("d1", "离休干部多久体检一次？", ("每年一次体检",), split="tune"),
        GoldQuestion("d2", "老年大学学费多少", (), split="heldout"),  # held out: never fitted on
    ]
    fit_speeches = [
        GoldQuestion("f1", "老年大学两年之内要成为什么？", ("示范校",), split="tune"),
        GoldQuestion("f2", "离休干部体检在哪家医院做？", (), split="tune", kind="near_miss"),
    ]
    policy = (cmrc_like, [GoldQuestion("p1", "党建谁牵头", ("组织部门要牵头抓总",), split="tune")])
    fit_policy = [GoldQuestion("g1", "信息化建设经费多少", (), split="tune")]
    examples = fit_examples(
        cmrc_like, gold(), cmrc_like, dev, policy, fit_speeches=fit_speeches, fit_policy=fit_policy
    )
    groups: dict[str, list[str]] = {}
    for e in examples:
        groups.setdefault(e.group, []).append(e.question)
    assert set(groups) == {
        "cmrc-trial",
        "cmrc-trial-removed",
        "cmrc-on-speeches",
        "speeches-tune",
        "policy-tune",
    }
    assert groups["speeches-tune"] == [q.question for q in (dev[0], *fit_speeches)]
    assert groups["policy-tune"] == ["党建谁牵头", "信息化建设经费多少"]
    answerable = {e.question: e.answerable for e in examples if e.group.endswith("-tune")}
    assert answerable == {
        q.question: bool(q.answers) for q in (dev[0], *fit_speeches, *policy[1], *fit_policy)
    }


def test_in_domain_removed_examples_ask_each_answerable_question_without_every_passage_holding_its_answer(
    cmrc_like: Retriever,
) -> None:
    dev = [
        GoldQuestion("d1", "离休干部多久体检一次？", ("每年一次体检",), split="tune"),
        GoldQuestion("d2", "老年大学学费多少", (), split="tune", kind="near_miss"),  # no answer to remove
        GoldQuestion("d3", "离休干部体检规定", ("每年一次体检",), split="heldout"),  # never fitted on
    ]
    examples = fit_examples(cmrc_like, gold(), cmrc_like, dev, in_domain_removed=True)
    removed = [e for e in examples if e.group == "speeches-tune-removed"]
    assert [(e.question, e.answerable) for e in removed] == [("离休干部多久体检一次？", False)]
    holding = gold_passages(cmrc_like.store)(dev[0])
    assert holding == {p.id for p in cmrc_like.store.passages() if "每年一次体检" in p.text}
    whole = next(e for e in examples if e.group == "speeches-tune" and e.question == dev[0].question)
    assert removed[0].signals.coverage < whole.signals.coverage
    assert not any(
        e.group.endswith("-removed") and e.group != "cmrc-trial-removed"
        for e in fit_examples(cmrc_like, gold(), cmrc_like, dev)
    )


def test_the_fit_only_set_loads_by_library_and_its_labels_check_against_the_texts() -> None:
    speeches, notices = fit_questions(FIT_QUESTIONS)
    assert len(speeches) >= 80 and len(notices) >= 30
    for questions in (speeches, notices):
        assert {q.split for q in questions} == {"tune"}  # fitted on, never reported
        assert sum(not q.answerable for q in questions) >= len(questions) // 3
        assert {q.kind for q in questions if not q.answerable} <= {"near_miss", "off_topic"}
    # every answer phrase is in its document, every unanswerable detail absent, no repeat of another set
    checked = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "check_fit_questions.py")], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_fit_only_row_without_its_library_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "fit.jsonl"
    bad.write_text('{"question": "体检规定", "answers": [], "split": "fit"}\n', encoding="utf-8")
    with pytest.raises(BenchError, match=r"fit\.jsonl 第 1 行"):
        fit_questions(bad)


def test_query_vectors_are_cached_in_the_store(cmrc_like: Retriever, fake_embedder: FakeEmbedder) -> None:
    queries = CachedQueries(fake_embedder, cmrc_like.store)
    queries.warm(["问题一", "问题二", "问题一"])
    calls = len(fake_embedder.calls)
    again = CachedQueries(fake_embedder, cmrc_like.store)
    vectors = again.embed_batch(["问题二", "问题一"], "query")
    assert len(fake_embedder.calls) == calls  # nothing embedded the second time
    assert vectors.shape == (2, fake_embedder.dim)


def synthetic(n: int, seed: int = 7, spread: float = 0.15) -> list[Example]:
    """Answerable questions have high coverage and cosine, unanswerable ones low, with noise."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        answerable = i % 2 == 0
        centre = 0.75 if answerable else 0.3
        values = {f: min(1.0, max(0.0, rng.gauss(centre, spread))) for f in FEATURES}
        out.append(Example("a" if i % 3 else "b", f"q{i}", answerable, Signals(**values)))
    return out


def test_fit_separates_the_classes_and_orders_its_thresholds() -> None:
    train, test = synthetic(400), synthetic(200, seed=8)
    model = fit(train, embedder="fake-bigram", fitted_on="synthetic")
    assert model.features == FEATURES and 0 < model.low <= model.high < 1
    r = rates(test, model)
    assert r.false_abstain <= 0.1 and r.false_answer <= 0.1
    assert r.answerable == 100 and r.unanswerable == 100
    assert sum(r.levels.values()) == 200


def test_high_starts_at_nine_in_ten_and_the_bands_report_how_often_the_first_passage_is_right() -> None:
    """「直接相关」 from a probability of 0.9 (never below the low threshold); the rates count, per band,
    the answers whose first passage held the answer."""
    separable = fit(synthetic(400), embedder="fake-bigram", fitted_on="synthetic")
    assert separable.high == separable.low > HIGH_PROBABILITY  # never below the low threshold
    model = fit(synthetic(400, spread=0.6), embedder="fake-bigram", fitted_on="synthetic")
    assert model.low < model.high == HIGH_PROBABILITY
    test = synthetic(200, seed=8, spread=0.6)
    # every other answerable question got a wrong first passage
    marked = [replace(e, top_right=e.answerable and n % 4 == 0) for n, e in enumerate(test)]
    levels = [model.judge(e.signals).level for e in marked]
    r = rates(marked, model)
    for level, share in (("high", r.high_right), ("medium", r.medium_right)):
        inside = [e.right for e, v in zip(marked, levels, strict=True) if v == level]
        assert r.levels[level] == len(inside)
        assert share == pytest.approx(sum(inside) / len(inside)) if inside else math.isnan(share)
    assert r.levels["medium"] > 0  # probabilities between the thresholds exist on noisy data


def test_cross_validation_moves_only_the_low_threshold() -> None:
    train, test = synthetic(400), synthetic(200, seed=8)
    plain = fit(train, embedder="fake-bigram", fitted_on="synthetic")
    checked = fit(train, embedder="fake-bigram", fitted_on="synthetic", low_from="cross-validation")
    assert checked.coef == plain.coef and checked.intercept == plain.intercept
    assert 0 < checked.low <= checked.high < 1
    r = rates(test, checked)
    assert r.false_abstain <= 0.1 and r.false_answer <= 0.1


def test_out_of_fold_probabilities_come_from_models_that_did_not_see_the_question() -> None:
    examples = synthetic(300)
    # one answerable question whose signals look unanswerable: in-sample the fit leans towards it a
    # little; out of fold, nothing has seen it
    odd = replace(examples[0], signals=examples[1].signals)
    examples = [odd, *examples[1:]]
    model = fit(examples, embedder="fake-bigram", fitted_on="synthetic")
    p = out_of_fold(examples)
    assert p.shape == (300,) and ((p > 0) & (p < 1)).all()
    assert p[0] < model.probability(odd.signals)


def test_one_question_stays_in_one_fold_in_either_script_and_with_or_without_its_context() -> None:
    signals = synthetic(1)[0].signals
    examples = [
        Example("cmrc-trial", "老年大学怎么报名？", True, signals),
        Example("cmrc-trial-removed", "老年大学怎么报名？", False, signals),
        Example("policy-tune", "老年大學怎麼報名", True, signals),
        *(Example("policy-tune", f"问题{i}", i % 2 == 0, signals) for i in range(40)),
    ]
    folds = folds_of(examples)
    assert folds[0] == folds[1] == folds[2]
    assert set(folds) == {0, 1, 2, 3, 4}
    assert (folds_of(examples) == folds).all()  # the same split every time


def test_reliability_bins_cover_every_example_and_track_the_truth() -> None:
    examples = synthetic(300)
    model = fit(examples, embedder="fake-bigram", fitted_on="synthetic")
    bins = reliability(examples, model)
    assert sum(b.count for b in bins) == 300
    assert bins[0].answerable_share < bins[-1].answerable_share
    for b in bins:
        assert b.low <= b.mean_probability <= b.high


def test_rates_of_the_coverage_rule_have_no_probability_but_count_levels() -> None:
    r = rates(synthetic(50), CoverageRule())
    assert 0 <= r.false_abstain <= 1 and 0 <= r.false_answer <= 1
    assert sum(r.levels.values()) == 50


def test_every_nth_spreads_over_the_whole_set() -> None:
    qs = [GoldQuestion(str(i), str(i), ()) for i in range(100)]
    picked = every_nth(qs, 10)
    assert len(picked) == 10 and picked[0].id == "0" and int(picked[-1].id) >= 90
    assert every_nth(qs, None) == qs and every_nth(qs, 500) == qs


@given(st.integers(0, 60), st.integers(0, 30), st.sampled_from(["cold2", "cold9", "cold15"]))
def test_a_blind_set_is_halved_within_each_class_by_a_rule_blind_to_the_text(
    answerable: int, unanswerable: int, name: str
) -> None:
    qs = [GoldQuestion(f"a{i}", f"问题{i}", ("答",)) for i in range(answerable)]
    qs += [GoldQuestion(f"u{i}", f"问题{i}", ()) for i in range(unanswerable)]
    halves = blind_split(name, qs)
    assert set(halves) == {q.id for q in qs} and set(halves.values()) <= {"tune", "heldout"}
    for n, prefix in ((answerable, "a"), (unanswerable, "u")):
        tune = [i for i, h in halves.items() if i.startswith(prefix) and h == "tune"]
        assert len(tune) == n // 2  # the held-out half is never the smaller
    # the same ids in another order, or other wording, split the same way
    renamed = [GoldQuestion(q.id, "另一种问法", q.answers) for q in reversed(qs)]
    assert blind_split(name, renamed) == halves


def test_answer_removed_questions_are_asked_of_their_topic_without_the_answering_sentence(
    tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    contexts = {
        "体检": "离休干部每年体检一次，费用由原单位承担。体检在市第一人民医院进行。",
        "老年大学": "老年大学开设书法、摄影和计算机课程。学制为两年。",
    }
    data = BenchmarkSet(
        [
            Speech(f"{t} [P{n}]", None, None, None, "cmrc.json", n, None, (Paragraph(c, t),))
            for n, (t, c) in enumerate(contexts.items(), start=1)
        ],
        [
            GoldQuestion(
                "Q1", "离休干部体检费用谁承担？", (), speech_title="体检 [P1]", spans=("由原单位承担",)
            ),
            GoldQuestion("Q2", "老年大学学制几年？", (), speech_title="老年大学 [P2]", spans=("两年",)),
        ],
    )
    removed = without_answers(data, data.questions)
    library = Library(tmp_path / "home")
    for speech in removed.speeches:
        library.store.save_speech(speech, chunk_speech(speech))
    library.build(fake_embedder)
    retriever = Retriever(library.store, library.load(fake_embedder.key), fake_embedder)
    examples = answer_removed_examples(retriever, removed.questions, "cmrc-answer-removed")
    assert [(e.question, e.answerable) for e in examples] == [
        ("离休干部体检费用谁承担？", False),
        ("老年大学学制几年？", False),
    ]
    texts = [p.text for p in library.store.passages()]
    assert texts == ["体检在市第一人民医院进行。", "老年大学开设书法、摄影和计算机课程。"]  # the topic stays
    library.close()
