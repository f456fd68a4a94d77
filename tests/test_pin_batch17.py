"""scripts/pin_batch17.py (session pins59): the ship rule committed before batch 17 was written, case by case
and as properties — false pins within 2 % of the negatives counted in whole questions, served-or-offered at
most one below S's, the most served among those qualifying, ties to the smaller change — and S2's threshold
cut over the pooled batches keeping the false-pin budget there."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bench.pins import MAX_FALSE, Observation, Outcome, PinQuestion, tally
from tests import pin_scripts
from tests.pin_scripts import assert_ships_the_most_served_qualifying, judged

script = pin_scripts.script("pin_batch17")


def test_two_false_pins_of_64_break_the_bound_and_one_keeps_it() -> None:
    assert not script.within_budget(Outcome(48, 10, 0, 48, 2, 16, 0))
    assert script.within_budget(Outcome(48, 10, 0, 48, 1, 16, 0))
    assert script.within_budget(Outcome(48, 10, 0, 34, 1, 16, 0))  # exactly 2 % of 50
    assert not script.within_budget(Outcome(48, 10, 1, 48, 1, 16, 0))  # a wrong pin counts as false


def test_the_rule_case_by_case() -> None:
    s = judged(13, 2, 41)
    # S breaks the bound; S2 and L keep it; L serves more: L
    assert script.ships({"S": s, "S2": judged(2, 1, 41), "L": judged(10, 1, 43)}) == "L"
    # served or offered two below S's: L does not qualify
    assert script.ships({"S": s, "S2": judged(2, 1, 41), "L": judged(10, 1, 39)}) == "S2"
    # one below is allowed
    assert script.ships({"S": s, "S2": judged(2, 1, 41), "L": judged(10, 1, 40)}) == "L"
    # a tie on served and false pins goes to the smaller change
    assert script.ships({"S": s, "S2": judged(10, 1, 41), "L": judged(10, 1, 43)}) == "S2"
    assert script.ships({"S": s, "S2": judged(10, 1, 41), "L": judged(10, 0, 43)}) == "L"
    # S keeping the bound and serving the most stays; none qualifying leaves S
    assert script.ships({"S": judged(13, 1, 41), "S2": judged(2, 0, 41), "L": judged(10, 0, 43)}) == "S"
    assert script.ships({"S": s, "S2": judged(2, 2, 41), "L": judged(10, 3, 43)}) == "S"


counts = st.tuples(st.integers(0, 48), st.integers(0, 4), st.integers(0, 48))


@given(counts, counts, counts)
def test_what_ships_qualifies_and_nothing_qualifying_serves_more(s: tuple, s2: tuple, el: tuple) -> None:
    assert_ships_the_most_served_qualifying(
        script, {"S": judged(*s), "S2": judged(*s2), "L": judged(*el)}, "S"
    )


def _question(n: int, kind: str, batch: str) -> Observation:
    return Observation(PinQuestion(f"g{n}", kind, f"问题{n}", None, batch), ())


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["paraphrase", "near-miss", "unrelated"]),
            st.sampled_from(["3", "4", "5"]),
            st.floats(0, 0.999, allow_nan=False),
        ),
        min_size=1,
        max_size=40,
    )
)
def test_s2s_cut_keeps_the_false_pin_budget_on_the_pooled_batches(rows: list) -> None:
    obs = [_question(i, kind, batch) for i, (kind, batch, _) in enumerate(rows)]
    best = [
        (p, o.item.group if o.item.kind == "paraphrase" else "other")
        for o, (_, _, p) in zip(obs, rows, strict=True)
    ]
    cut, at, nested = script.loo_cut(obs, best, ("3", "4", "5"))
    assert at == tally((o, g if p >= cut else None) for o, (p, g) in zip(obs, best, strict=True))
    assert at.false_pins <= MAX_FALSE * at.negatives + 1e-9 and at.wrong == 0
    assert nested.paraphrases == at.paraphrases and nested.negatives == at.negatives
