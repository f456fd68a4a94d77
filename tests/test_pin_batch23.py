"""scripts/pin_batch23.py (session pins65): the ship rule committed before batch 23 was merged — no wrong pin on
batch 23 and false pins within 2 % of the negatives there and pooled over batches 1–22 (held out batch by
batch), the bot tests passing, the most served on batch 23 among those qualifying, ties and none qualifying to
the shipped SC — case by case and as a property; the close threshold cut on held-out predictions within the
budget; the time veto read against the pinned passage."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.pins import MAX_FALSE, Observation, Outcome, PinQuestion, SetParts
from retrieval import PinModel
from tests import pin_scripts
from tests.test_pin_batch21 import features, synthetic

script = pin_scripts.script("pin_batch23")


def judged(hits: int, false: int, pooled: int = 10, wrong: int = 0) -> object:
    """`Judged`: `hits` of batch 23's 48 paraphrases served at `false` false pins of 64 (`wrong` of them another
    group's pin to a paraphrase), `pooled` false pins over batches 1–22 (1,136 paraphrases, 1,270 negatives)."""
    return script.Judged(
        Outcome(48, hits, wrong, 48, false - wrong, 16, 0),
        Outcome(1136, 450, 0, 950, pooled, 320, 0),
    )


def test_the_rule_case_by_case() -> None:
    assert script.ORDER[0] == "SC" and not set(script.SHOWN) & set(script.ORDER)
    assert script.ships({"SC": judged(5, 0), "SCT": judged(6, 0), "GWTC": judged(9, 1)}) == "GWTC"
    # more served but over the bound on batch 23 (2 of 64 > 2 %): not qualifying
    assert script.ships({"SC": judged(5, 0), "SCT": judged(6, 0), "GWTC": judged(9, 2)}) == "SCT"
    # a wrong pin on batch 23, though within the budget: not qualifying
    assert script.ships({"SC": judged(5, 0), "SCT": judged(4, 0), "GWTC": judged(9, 1, wrong=1)}) == "SC"
    # over the bound pooled over 1–22 (26 of 1,270 > 2 %): not qualifying, whatever batch 23 says
    assert script.ships({"SC": judged(5, 0), "SCT": judged(6, 0), "GWTC": judged(20, 0, 26)}) == "SCT"
    # failing the bot tests: struck, the rule applied again
    assert script.ships({"SC": judged(5, 0), "SCT": judged(6, 0), "GWTC": judged(9, 0)}, ("GWTC",)) == "SCT"
    # ties: the shipped model, then the smaller change
    assert script.ships({"SC": judged(6, 1), "SCT": judged(6, 0), "GWTC": judged(6, 0)}) == "SC"
    assert script.ships({"SC": judged(2, 3), "SCT": judged(6, 1), "GWTC": judged(6, 0)}) == "SCT"
    # none qualifies: SC stays
    assert script.ships({"SC": judged(6, 2), "SCT": judged(9, 3), "GWTC": judged(20, 0, 30)}) == "SC"


figures = st.tuples(st.integers(0, 48), st.integers(0, 3), st.integers(0, 40), st.integers(0, 1))


@given(
    st.lists(figures, min_size=3, max_size=3), st.lists(st.sampled_from(("SC", "SCT", "GWTC")), max_size=2)
)
def test_what_ships_qualifies_and_nothing_qualifying_serves_more(
    drawn: list[tuple[int, int, int, int]], struck: list[str]
) -> None:
    candidates = {
        n: judged(hits, false + wrong, pooled, wrong)
        for n, (hits, false, pooled, wrong) in zip(script.ORDER, drawn, strict=True)
    }
    winner = script.ships(candidates, struck)
    ok = [n for n, c in candidates.items() if script.qualifies(c) and n not in struck]
    assert all(candidates[n].judged.wrong == 0 for n in ok)
    if not ok:
        assert winner == "SC"
        return
    assert winner in ok
    assert all(candidates[n].judged.hits <= candidates[winner].judged.hits for n in ok)
    best = [n for n in ok if candidates[n].judged.hits == candidates[winner].judged.hits]
    assert winner == best[0]  # ties: the first of ORDER


def standing_model() -> PinModel:
    """p = σ(40 (similarity − 0.9) + 4 · standing − 2)."""
    return PinModel(
        features=("similarity", "passage_standing"),
        mean=(0.9, 0.0),
        scale=(1.0, 1.0),
        coef=(40.0, 4.0),
        intercept=-2.0,
        threshold=0.9,
        embedder="test",
    )


@settings(max_examples=5, deadline=None)
@given(st.integers(0, 1000))
def test_the_close_threshold_is_the_lowest_keeping_the_pooled_false_pins_within_the_budget(seed: int) -> None:
    """Read at the cut, the held-out rows' false pins (wrong pins counted) are within 2 %; one step lower they
    are not (or the cut is the lowest value there is); the cut is never below the serve threshold."""
    rows = synthetic(seed, batches=22)
    model = standing_model()
    models = [model] * len(rows)
    cut = script.lowest_close(rows, models, model.threshold)
    assert cut >= model.threshold
    at = script.pooled(rows, [replace(m, close_threshold=cut) for m in models])
    values = sorted(
        {float(p) for o in rows for p in model.as_first([f for _, f in o.scores]) if p >= model.threshold}
    )
    if cut < 1.0:
        assert at.false_pins <= MAX_FALSE * at.negatives
        lower = [v for v in values if v < cut]
        if lower:
            below = script.pooled(rows, [replace(m, close_threshold=lower[-1]) for m in models])
            assert below.false_pins > MAX_FALSE * below.negatives
    else:
        assert all(
            script.pooled(rows, [replace(m, close_threshold=v) for m in models]).false_pins
            > MAX_FALSE * script.pooled(rows, models).negatives
            for v in values[:3]
        )


def test_the_time_veto_is_read_against_the_pinned_passage_and_the_standing_from_the_questions_own_search() -> (
    None
):
    asked = PinQuestion("g1", "near-miss", "春节走访慰问老干部每人多少钱", library="cold9")
    pinned = {
        "g1": "重阳节走访慰问老干部的慰问金标准是多少？",
        "g2": "春节走访慰问老干部的慰问金标准是多少？",
    }
    searches = {("cold9", asked.question): (script.p20.OwnSearch((7, 11), "high"), {"g1": 11, "g2": 5})}
    texts = {"g1": "重阳节期间走访慰问离休干部每人1000元", "g2": "春节期间走访慰问离休干部每人800元"}
    parts = SetParts((), (), (Observation(asked, tuple((g, features(0.95)) for g in pinned)),))
    [o] = script.reread(parts, pinned, searches, texts).cold
    got = {g: f.vector(("time_swap", "passage_rank", "passage_standing")) for g, f in o.scores}
    assert got["g1"][0] == 1.0 and got["g1"][1:] == [2.0, 0.8]
    assert got["g2"][0] == 0.0 and got["g2"][1] == 0.0
    vetoed = replace(standing_model(), veto=("time_swap",))
    assert o.chosen(vetoed) != "g1"
    assert np.isfinite(standing_model().strengths([o.scores[0][1]]))[0]
