"""scripts/pin_batch20.py (session pins62): the ship rule committed before batch 20 was merged — false pins
within 2 % of the negatives on batch 20 and on batches 17–19, the most served on batch 20 among those
qualifying, ties to fewer false pins and then to no change — case by case and as a property; the candidates
being L, its vetoes, and the vetoed model serving from a lower threshold where the pinned passage leads the
question's own search, that threshold the lowest within the budget on the batches fitted on; and the rank
read from a question's own search as matching reads it."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.pins import Observation, Outcome, PinQuestion, SetParts, outcome
from retrieval import PIN_FEATURES, PairFeatures, PinModel, load_pin_judge
from tests import pin_scripts

script = pin_scripts.script("pin_batch20")


def judged(hits: int, false: int, before: int = 2, paraphrases: int = 48, negatives: int = 64) -> object:
    """`Judged`: `hits` of batch 20's paraphrases served at `false` false pins, `before` false pins on
    batches 17–19 (144 paraphrases, 192 negatives)."""
    return script.Judged(
        Outcome(paraphrases, hits, 0, negatives - 16, false, 16, 0), Outcome(144, 20, 0, 144, before, 48, 0)
    )


def test_the_rule_case_by_case() -> None:
    # L keeps both bounds, R1 serves more within them: R1
    assert (
        script.ships({"L": judged(6, 1), "SC": judged(6, 0), "R1": judged(12, 1), "R3": judged(11, 1)})
        == "R1"
    )
    # more served but over the bound on batch 20 (2 of 64): not qualifying
    assert (
        script.ships({"L": judged(6, 1), "SC": judged(6, 0), "R1": judged(12, 2), "R3": judged(11, 1)})
        == "R3"
    )
    # over the bound on batches 17–19 (4 of 192): not qualifying, whatever batch 20 says
    assert (
        script.ships({"L": judged(6, 1), "SC": judged(6, 0), "R1": judged(12, 0, 4), "R3": judged(6, 1)})
        == "SC"
    )
    # a tie in served: fewer false pins, then the smaller change
    assert (
        script.ships({"L": judged(6, 1), "SC": judged(6, 1), "R1": judged(6, 1), "R3": judged(6, 1)}) == "L"
    )
    assert (
        script.ships({"L": judged(6, 1), "SC": judged(6, 0), "R1": judged(6, 0), "R3": judged(6, 0)}) == "SC"
    )
    # none qualifies (L itself over the bound on 17–19): L stays
    assert (
        script.ships({"L": judged(6, 1, 5), "SC": judged(6, 2), "R1": judged(20, 3), "R3": judged(9, 0, 4)})
        == "L"
    )


outcomes = st.tuples(st.integers(0, 48), st.integers(0, 3), st.integers(0, 6))


@given(outcomes, outcomes, outcomes, outcomes)
def test_what_ships_qualifies_and_nothing_qualifying_serves_more(
    el: tuple[int, int, int], sc: tuple[int, int, int], r1: tuple[int, int, int], r3: tuple[int, int, int]
) -> None:
    candidates = {n: judged(*o) for n, o in zip(script.ORDER, (el, sc, r1, r3), strict=True)}
    winner = script.ships(candidates)
    ok = [n for n, c in candidates.items() if script.qualifies(c)]
    if not ok:
        assert winner == "L"
        return
    assert winner in ok
    assert all(candidates[n].judged.hits <= candidates[winner].judged.hits for n in ok)


def features(similarity: float, rank: int) -> PairFeatures:
    return PairFeatures(
        **{**dict.fromkeys(PIN_FEATURES, 0.0), "similarity": similarity, "passage_rank": rank}
    )


def similarity_model() -> PinModel:
    """p = σ(40 (similarity − 0.5)), served from 0.99, offered from 0.3."""
    return PinModel(("similarity",), (0.5,), (1.0,), (40.0,), 0.0, 0.99, "test", suggest=0.3)


QUESTIONS = st.lists(
    st.tuples(
        st.sampled_from(("paraphrase", "near-miss", "unrelated")), st.floats(0.4, 0.7), st.integers(0, 5)
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=40, deadline=None)
@given(QUESTIONS)
def test_the_rank_candidates_threshold_is_the_lowest_within_the_budget_on_the_batches_fitted_on(
    rows: list[tuple[str, float, int]],
) -> None:
    fit = [
        Observation(PinQuestion("g", kind, f"q{n}"), (("g", features(sim, rank)),))
        for n, (kind, sim, rank) in enumerate(rows)
    ]
    shipped = similarity_model()
    models = script.candidates(shipped, fit)
    assert models["L"] == shipped
    sc = replace(shipped, veto=("sibling", "contrast"))
    assert models["SC"] == sc
    for name, depth in (("R1", 1), ("R3", 3)):
        model = models[name]
        t = model.rank_threshold
        assert replace(model, rank_threshold=None, rank_depth=1, fitted_on="") == sc
        assert model.rank_depth == depth and t in script.GRID
        if t != script.GRID[-1]:
            assert script.p19.within_budget(outcome(fit, model)) and outcome(fit, model).wrong == 0
        if t != script.GRID[0]:
            before = replace(model, rank_threshold=script.GRID[script.GRID.index(t) - 1])
            o = outcome(fit, before)
            assert not (script.p19.within_budget(o) and o.wrong == 0)


def test_the_pinned_passages_rank_is_read_from_the_questions_own_search() -> None:
    asked = PinQuestion("g1", "paraphrase", "离休干部多久体检一次", library="cold9")
    searches = {
        ("cold9", asked.question): (script.OwnSearch((11, 7, 5), "high"), {"g1": 7, "g2": 5, "g3": 40})
    }
    assert [script.passage_rank(searches, asked, g) for g in ("g1", "g2", "g3")] == [2, 3, 0]
    pinned = {"g1": "离休干部体检规定是什么？", "g2": "离休费什么时候发？", "g3": "老年大学开什么课？"}
    parts = SetParts((), (), (Observation(asked, tuple((g, features(0.6, 0)) for g in pinned)),))
    [row] = script.reread(parts, pinned, searches).cold
    ranks = [f.vector(("passage_rank",))[0] for _, f in row.scores]
    assert ranks == [2.0, 3.0, 0.0]
    # and a judge serving on rank reads it there as it reads PairFeatures
    model = replace(similarity_model(), rank_threshold=0.9, rank_depth=2)  # p = 0.982
    served = np.isfinite(model.strengths([f for _, f in row.scores]))
    assert served.tolist() == [True, False, False]


def test_the_shipped_model_serves_on_no_rank() -> None:
    shipped = load_pin_judge()
    assert isinstance(shipped, PinModel) and shipped.rank_threshold is None
