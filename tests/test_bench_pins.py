"""bench.pins: the pin question set, its split, the tuning, and the report (fake embedder, real store)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import BenchError
from bench.pins import (
    MAX_FALSE,
    PIN_QUESTIONS,
    Observation,
    PinQuestion,
    fit_pins,
    load_pin_questions,
    outcome,
    pins_report,
    split_groups,
    tune,
)
from corpus import Document
from index import Library
from retrieval import PIN_FEATURES, PairFeatures, PinModel, PinRule, Retriever, load_pin_judge

from .fakes import FakeEmbedder
from .test_retrieval_pins import SPEECH


def test_the_shipped_set_is_well_formed_and_splits_the_same_way_every_time() -> None:
    items = load_pin_questions(PIN_QUESTIONS)
    kinds = {k: sum(i.kind == k for i in items) for k in ("pinned", "paraphrase", "near-miss", "unrelated")}
    assert kinds["pinned"] >= 20 and kinds["paraphrase"] >= 3 * kinds["pinned"] and kinds["unrelated"] >= 30
    assert len({i.question for i in items}) == len(items)  # no question counted twice
    tune_groups, held = split_groups(items)
    assert tune_groups.isdisjoint(held) and tune_groups | held == {i.group for i in items}
    assert split_groups(items) == (tune_groups, held)


def test_a_malformed_line_names_its_number(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text('{"group": "p1", "kind": "pinned", "question": "问"}\n', encoding="utf-8")
    with pytest.raises(BenchError, match="第 1 行"):
        load_pin_questions(path)


def features(similarity: float, overlap: float, drop: float = 0.0, **others: float) -> PairFeatures:
    values = dict.fromkeys(PIN_FEATURES, 0.0) | others
    return PairFeatures(**(values | {"similarity": similarity, "overlap": overlap, "passage_drop": drop}))


def observation(kind: str, group: str, *scores: tuple[str, float, float, float]) -> Observation:
    return Observation(
        PinQuestion(group, kind, "问题"), tuple((g, features(s, o, d)) for g, s, o, d in scores)
    )


def test_outcome_counts_hits_wrong_pins_and_false_pins() -> None:
    observations = [
        observation("paraphrase", "a", ("a", 0.99, 0.5, 0.0), ("b", 0.95, 0.5, 0.0)),
        observation("paraphrase", "a", ("a", 0.90, 0.5, 0.0), ("b", 0.99, 0.5, 0.0)),  # b's pin: wrong
        observation("near-miss", "a", ("a", 0.97, 0.5, 0.0)),
        observation("unrelated", "u1", ("a", 0.5, 0.0, 0.0)),
    ]
    result = outcome(observations, PinRule(0.96, 0.3))
    assert (result.hits, result.wrong, result.near_false, result.unrelated_false) == (1, 1, 1, 0)
    assert result.false_pins == 2 and result.false_rate == 1.0  # the wrong pin is a false pin too


def test_tuning_stays_under_the_false_pin_cap() -> None:
    observations = [
        observation("paraphrase", "a", ("a", 0.99, 0.6, 0.0)),
        observation("paraphrase", "a", ("a", 0.97, 0.6, 0.0)),
        observation("near-miss", "a", ("a", 0.98, 0.2, 0.0)),  # only the overlap tells it apart
    ]
    rule = tune(observations)
    assert outcome(observations, rule).hits == 2 and outcome(observations, rule).false_pins == 0
    assert rule.min_overlap > 0.2


SMALL_ROWS = [
    {"group": "p1", "kind": "pinned", "question": "离休干部体检规定是什么？", "answer": "每年一次体检"},
    {"group": "p1", "kind": "paraphrase", "question": "离休干部体检规定是什么"},
    {"group": "p1", "kind": "near-miss", "question": "退休干部体检规定是什么？"},
    {"group": "p2", "kind": "pinned", "question": "老年大学开设什么课程？", "answer": "书法、绘画"},
    {"group": "p2", "kind": "paraphrase", "question": "老年大学开什么课"},
    {"group": "u1", "kind": "unrelated", "question": "明天天气怎么样"},
    {"group": "u2", "kind": "unrelated", "question": "活动中心几点开门"},
]


def small_set(tmp_path: Path) -> Path:
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in SMALL_ROWS), encoding="utf-8")
    return path


def test_the_report_pins_the_set_and_prints_both_parts(tmp_path: Path, fake_embedder: FakeEmbedder) -> None:
    library = Library(tmp_path / "home")
    library.add_documents([Document("讲话.txt", SPEECH, "utf-8")])
    library.build(fake_embedder)
    path = small_set(tmp_path)
    retriever = Retriever(library.store, library.load(fake_embedder.key), fake_embedder)
    report = pins_report(retriever, load_pin_questions(path))
    assert "| fallback rule | held-out |" in report and "| grid-tuned rule | tuning |" in report
    assert "ordinary search ranks the pinned passage first" in report
    assert len(library.store.pins()) == 2
    library.close()


def test_a_set_that_does_not_fit_the_library_is_a_clear_error(
    tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    library = Library(tmp_path / "home")
    library.add_documents([Document("讲话.txt", SPEECH, "utf-8")])
    library.build(fake_embedder)
    retriever = Retriever(library.store, library.load(fake_embedder.key), fake_embedder)
    items = [PinQuestion("p1", "pinned", "问", "语料里没有的话")]
    with pytest.raises(BenchError, match="语料里没有的话"):
        pins_report(retriever, items)
    library.close()


def separable_observations() -> list[Observation]:
    """Paraphrases close in meaning with nothing new; near misses as close but with a swapped word."""
    rows = []
    for n in range(12):
        group, other = f"p{n}", f"p{(n + 1) % 12}"
        for k in range(3):
            own = features(0.95 + 0.01 * k, 0.6, novel=0.05 * k, dropped=0.2)
            rows.append(Observation(PinQuestion(group, "paraphrase", f"复述{n}-{k}"), ((group, own),)))
        near = features(0.96, 0.5, novel=0.4, novel_known=0.4, dropped=0.4, swap=0.4)
        rows.append(
            Observation(
                PinQuestion(group, "near-miss", f"近似{n}"), ((group, near), (other, features(0.9, 0.1)))
            )
        )
        rows.append(
            Observation(PinQuestion(f"u{n}", "unrelated", f"无关{n}"), ((group, features(0.85, 0.0)),))
        )
    return rows


def test_fitting_pins_paraphrases_and_keeps_false_pins_under_the_cap(tmp_path: Path) -> None:
    observations = separable_observations()
    model = fit_pins(observations, embedder="some/model", fitted_on="test")
    result = outcome(observations, model)
    assert result.false_rate <= MAX_FALSE and result.wrong == 0
    assert result.hits == result.paraphrases
    model.save(tmp_path / "pins.json")
    assert load_pin_judge(tmp_path / "pins.json", embedder="some/model") == model


def test_fitting_needs_both_kinds_of_question() -> None:
    only = [o for o in separable_observations() if o.item.kind == "paraphrase"]
    with pytest.raises(BenchError, match="复述"):
        fit_pins([Observation(o.item, ()) for o in only], embedder="m", fitted_on="test")


def test_the_report_can_fit_the_model_and_uses_it(tmp_path: Path, fake_embedder: FakeEmbedder) -> None:
    library = Library(tmp_path / "home")
    library.add_documents([Document("讲话.txt", SPEECH, "utf-8")])
    library.build(fake_embedder)
    retriever = Retriever(library.store, library.load(fake_embedder.key), fake_embedder)
    items = load_pin_questions(small_set(tmp_path))
    assert "No usable pin model" in pins_report(retriever, items)  # fitted with another embedding model
    out = tmp_path / "pins.json"
    report = pins_report(retriever, items, fit_to=out)
    assert "| pin model | held-out |" in report and "Pin model (fitted now" in report
    assert isinstance(load_pin_judge(out, embedder=fake_embedder.key), PinModel)
    assert isinstance(retriever.pin_judge, PinModel)
    library.close()
