"""scripts/pin_batch21.py (session pins63): the ship rule committed before batch 21 was merged — false pins
within 2 % of the negatives on batch 21 and pooled over batches 1–20 (the refits' held out batch by batch),
the most served on batch 21 among those qualifying, ties to the first of SC, F, G, G1 — case by case and as a
property; the passage's standing read from the question's own search as matching reads it; and a refit's
serve threshold chosen on its held-out predictions alone."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.pins import MAX_FALSE, Observation, ObservedSet, Outcome, PinQuestion, SetParts, tally
from retrieval import PIN_FEATURES, PairFeatures, PinModel
from tests import pin_scripts

script = pin_scripts.script("pin_batch21")


def judged(hits: int, false: int, pooled: int = 10, paraphrases: int = 48, negatives: int = 64) -> object:
    """`Judged`: `hits` of batch 21's paraphrases served at `false` false pins, `pooled` false pins over
    batches 1–20 (1,040 paraphrases, 1,142 negatives)."""
    return script.Judged(
        Outcome(paraphrases, hits, 0, negatives - 16, false, 16, 0),
        Outcome(1040, 300, 0, 822, pooled, 320, 0),
    )


def test_the_rule_case_by_case() -> None:
    # GW qualifies and serves the most: GW
    assert script.ships({**{n: judged(2, 0) for n in script.ORDER}, "GW": judged(30, 1)}) == "GW"
    # G serves the most within both bounds: G
    assert (
        script.ships({"SC": judged(2, 0), "F": judged(5, 1), "G": judged(20, 1), "G1": judged(12, 0)}) == "G"
    )
    # more served but over the bound on batch 21 (2 of 64): not qualifying
    assert (
        script.ships({"SC": judged(2, 0), "F": judged(5, 1), "G": judged(20, 2), "G1": judged(12, 0)}) == "G1"
    )
    # over the bound pooled over 1–20 (23 of 1,142 > 2 %): not qualifying, whatever batch 21 says
    assert (
        script.ships({"SC": judged(2, 0), "F": judged(5, 1), "G": judged(20, 0, 23), "G1": judged(3, 0)})
        == "F"
    )
    # a tie in served: the first of ORDER
    assert (
        script.ships({"SC": judged(6, 1), "F": judged(6, 0), "G": judged(6, 0), "G1": judged(6, 0)}) == "SC"
    )
    assert script.ships({"SC": judged(2, 0), "F": judged(6, 1), "G": judged(6, 0), "G1": judged(6, 0)}) == "F"
    # none qualifies: SC stays
    assert (
        script.ships({"SC": judged(6, 2), "F": judged(9, 3), "G": judged(20, 0, 30), "G1": judged(9, 4)})
        == "SC"
    )


outcomes = st.tuples(st.integers(0, 48), st.integers(0, 3), st.integers(0, 40))


@given(st.lists(outcomes, min_size=5, max_size=5))
def test_what_ships_qualifies_and_nothing_qualifying_serves_more(figures: list[tuple[int, int, int]]) -> None:
    candidates = {n: judged(*o) for n, o in zip(script.ORDER, figures, strict=True)}
    winner = script.ships(candidates)
    ok = [n for n, c in candidates.items() if script.qualifies(c)]
    if not ok:
        assert winner == "SC"
        return
    assert winner in ok
    assert all(candidates[n].judged.hits <= candidates[winner].judged.hits for n in ok)
    best = [n for n in ok if candidates[n].judged.hits == candidates[winner].judged.hits]
    assert winner == best[0]  # ties: the first of ORDER


def features(similarity: float, rank: int = 0) -> PairFeatures:
    return PairFeatures(
        **{**dict.fromkeys(PIN_FEATURES, 0.0), "similarity": similarity, "passage_rank": float(rank)}
    )


def test_the_standing_is_read_from_the_questions_own_search_as_matching_reads_it() -> None:
    asked = PinQuestion("g1", "paraphrase", "离休干部多久体检一次", library="cold9")
    searches = {
        ("cold9", asked.question): (
            script.p20.OwnSearch((7, 11, 5), "high"),
            {"g1": 7, "g2": 5, "g3": 40},
        )
    }
    pinned = {"g1": "离休干部体检规定是什么？", "g2": "离休费什么时候发？", "g3": "老年大学开什么课？"}
    parts = SetParts((), (), (Observation(asked, tuple((g, features(0.6)) for g in pinned)),))
    [row] = script.reread(parts, pinned, searches).cold
    read = [f.vector(("passage_rank", "passage_standing", "passage_first")) for _, f in row.scores]
    assert read == [[1.0, 1.0, 1.0], [3.0, 0.6, 0.0], [0.0, 0.0, 0.0]]
    # as the feature itself reads them off the rank
    for rank, standing, first in read:
        real = features(0.6, int(rank))
        assert real.passage_standing == standing and real.passage_first == first


def synthetic(seed: int, batches: int = 20) -> list[Observation]:
    """Per batch: paraphrases of its own pin, closer in meaning and their passage standing higher, near misses
    less close, and unrelated questions far; noise so no cut separates them."""
    rng = np.random.default_rng(seed)
    rows = []
    for n in range(1, batches + 1):
        for k in range(8):
            group = f"b{n}g{k % 2}"
            for kind, centre, rank in (("paraphrase", 0.93, 1), ("near-miss", 0.9, 2), ("unrelated", 0.8, 0)):
                sim = float(np.clip(rng.normal(centre, 0.03), 0, 1))
                r = int(rng.integers(0, 6)) if rng.random() < 0.3 else rank
                item = PinQuestion(group, kind, f"{kind}{n}-{k}", batch=str(n) if n > 1 else "")
                rows.append(Observation(item, ((group, features(sim, r)),)))
    return rows


@settings(max_examples=3, deadline=None)
@given(st.integers(0, 1000))
def test_a_refits_threshold_is_cut_on_its_held_out_predictions_within_the_budget(seed: int) -> None:
    """The refit's threshold is `cut_for` over the predictions each batch got from a model fitted without it:
    pooled at it, false pins within 2 % and no wrong pin; every batch is predicted once; its standing weighed
    no lower than zero; what it serves of the batches at that threshold is what the report pools."""
    rows = synthetic(seed)
    observed = ObservedSet(tuple(o.item for o in rows), {}, tuple(rows), ())
    predicted = script.predict("G", rows, observed)
    found = script.refit("G", predicted, "test")
    assert sorted(o.item.question for o in found.rows) == sorted(o.item.question for o in rows)
    assert isinstance(found.model, PinModel) and script.monotone(found.model)
    t = found.model.threshold
    again = tally((o, g if p >= t else None) for o, (p, g) in zip(found.rows, found.held_out, strict=True))
    assert again == found.pooled
    assert found.pooled.false_pins <= MAX_FALSE * found.pooled.negatives and found.pooled.wrong == 0
    assert found.model.suggest is None or found.model.suggest <= t
    # GW: the same predictions, a wrong pin one more false pin within the budget; it serves no fewer
    counted = script.refit("GW", predicted, "test")
    assert counted.rows == found.rows and counted.held_out == found.held_out
    assert counted.pooled.false_pins <= MAX_FALSE * counted.pooled.negatives
    assert counted.pooled.hits >= found.pooled.hits
