"""scripts/pin_learning_curve.py (session pins58): what the models are fitted on — no row against a pin of a
batch not fitted on, the judged batches never among the questions —, the committed ship rule, and the
threshold cut over pooled probabilities (`bench.pins.cut_for`) agreeing with `best_threshold`."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bench.pins import (
    Observation,
    Outcome,
    PinQuestion,
    SetParts,
    best_served,
    best_threshold,
    cut_for,
    tally,
)
from retrieval import PIN_FEATURES, PairFeatures, PinModel
from tests import pin_scripts

curve = pin_scripts.script("pin_learning_curve")
BATCHES = ("", "2", *(str(n) for n in range(3, 17)))


def features(similarity: float = 0.0, **values: float) -> PairFeatures:
    return PairFeatures(**(dict.fromkeys(PIN_FEATURES, 0.0) | {"similarity": similarity} | values))


# an asked question: its batch, its kind, and the batches of the pins nearest to it
asked = st.tuples(
    st.sampled_from(BATCHES[2:]),
    st.sampled_from(("paraphrase", "near-miss", "unrelated")),
    st.lists(st.sampled_from(BATCHES), max_size=5),
)


@given(st.lists(asked, max_size=20), st.sampled_from(curve.CURVE))
def test_fitted_on_holds_batches_up_to_k_each_against_pins_of_those_batches_only(
    rows: list[tuple[str, str, list[str]]], k: int
) -> None:
    batch_of = {f"g{b or '1'}": b for b in BATCHES}
    cold = tuple(
        Observation(
            PinQuestion(f"g{batch}", kind, f"问{n}", batch=batch),
            tuple((f"g{b or '1'}", features()) for b in near),
        )
        for n, (batch, kind, near) in enumerate(rows)
    )
    tuning = (Observation(PinQuestion("g1", "paraphrase", "调"), (("g1", features()), ("g2", features()))),)
    fitted = curve.training(SetParts(tuning, (), cold), batch_of, k)
    assert fitted[0] is tuning[0]  # the first two batches' tuning part, as it was observed
    cold_fitted = fitted[1:]
    assert [o.item for o in cold_fitted] == [o.item for o in cold if int(o.item.batch) <= k]
    for o in cold_fitted:
        assert all(curve.batch_number(batch_of[g]) <= k for g, _ in o.scores)
        assert o.item.batch not in curve.JUDGED
    for o, kept in zip([o for o in cold if int(o.item.batch) <= k], cold_fitted, strict=True):
        assert [g for g, _ in kept.scores] == [g for g, _ in o.scores if curve.batch_number(batch_of[g]) <= k]


def outcome(hits: int, false_pins: int) -> Outcome:
    return Outcome(
        paraphrases=192,
        hits=hits,
        wrong=0,
        near_misses=192,
        near_false=false_pins,
        unrelated=64,
        unrelated_false=0,
    )


@pytest.mark.parametrize(
    ("a", "b", "ships"),
    [
        ((50, 10), (40, 10), "A"),  # more served at no more false pins
        ((43, 9), (40, 10), "A"),  # as many at fewer
        ((50, 10), (55, 10), "B"),  # both pass, B serves more than A at no more false pins
        ((50, 10), (55, 11), "A"),  # both pass, B does not beat A (more false pins than A)
        ((40, 10), (44, 10), "B"),  # only B passes
        ((15, 0), (16, 0), "nothing"),  # fewer served, whatever the false pins
        ((44, 11), (43, 11), "nothing"),  # more served but at more false pins
        ((43, 10), (43, 10), "nothing"),  # the same is no gain
    ],
)
def test_the_committed_rule_ships_what_beats_the_shipped_model_on_the_judged_batches(
    a: tuple[int, int], b: tuple[int, int], ships: str
) -> None:
    shipped = outcome(43, 10)
    assert curve.verdict(shipped, outcome(*a), outcome(*b)) == ships


MODEL = PinModel(
    features=("similarity",),
    mean=(0.5,),
    scale=(1.0,),
    coef=(8.0,),
    intercept=0.0,
    threshold=0.5,
    embedder="test",
    veto=("quantity_conflict",),
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(("paraphrase", "near-miss", "unrelated")),
            st.sampled_from(("a", "b")),
            st.lists(st.tuples(st.sampled_from(("a", "b")), st.floats(0, 1), st.booleans()), max_size=2),
        ),
        max_size=15,
    ),
    st.sampled_from((0.0, 0.02, 0.2)),
)
@example([("paraphrase", "a", [("a", 0.0, True)])], 0.0)  # its one pin vetoed: served at no cut, 0 included
def test_the_cut_serves_the_most_paraphrases_within_the_false_pin_budget_and_never_a_vetoed_pin(
    rows: list[tuple[str, str, list[tuple[str, float, bool]]]], max_false: float
) -> None:
    observations = [
        Observation(
            PinQuestion(group, kind, f"问{n}"),
            tuple((g, features(s, quantity_conflict=float(v))) for g, s, v in near),
        )
        for n, (kind, group, near) in enumerate(rows)
    ]
    best = best_served(observations, MODEL)
    for o, (p, _) in zip(observations, best, strict=True):  # a vetoed pin is never the one served
        assert p == max(
            (MODEL.probabilities([f])[0] for _, f in o.scores if not f.quantity_conflict), default=0.0
        )

    def at(cut: float) -> Outcome:
        return tally((o, g if p >= cut else None) for o, (p, g) in zip(observations, best, strict=True))

    cut = cut_for(observations, best, max_false)
    assert cut == best_threshold(observations, MODEL, max_false)  # what the fit itself cuts
    got = at(cut)
    assert got.wrong == 0 and got.false_rate <= max_false
    for other in {p for p, _ in best}:  # no cut within the budget serves more
        o = at(other)
        assert o.hits <= got.hits or o.wrong > 0 or o.false_rate > max_false
