"""scripts/pin_batch18.py (session pins60): the ship rule committed before batch 18 was written — false pins
within 2 % of the negatives in whole questions, served-or-offered at most one below L's, the most served among
those qualifying, ties to no change — case by case and as a property; and the `contrast` feature the
experiment re-reads being what matching computes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from retrieval.pins import compare_questions
from tests import pin_scripts
from tests.pin_scripts import assert_ships_the_most_served_qualifying, judged

script = pin_scripts.script("pin_batch18")


def test_the_rule_case_by_case() -> None:
    # C keeps the bound and serves more: C
    assert script.ships({"L": judged(10, 1, 43), "C": judged(12, 1, 43)}) == "C"
    # C serves more but breaks the bound (2 of 64): L
    assert script.ships({"L": judged(10, 1, 43), "C": judged(14, 2, 44)}) == "L"
    # served or offered two below L's: L; one below is allowed
    assert script.ships({"L": judged(10, 1, 43), "C": judged(12, 0, 41)}) == "L"
    assert script.ships({"L": judged(10, 1, 43), "C": judged(12, 0, 42)}) == "C"
    # a tie on served: fewer false pins, then no change
    assert script.ships({"L": judged(10, 1, 43), "C": judged(10, 0, 43)}) == "C"
    assert script.ships({"L": judged(10, 1, 43), "C": judged(10, 1, 45)}) == "L"
    # L breaking the bound and C keeping it: C, even serving fewer
    assert script.ships({"L": judged(10, 2, 43), "C": judged(8, 1, 43)}) == "C"
    # none qualifying: L stays
    assert script.ships({"L": judged(10, 2, 43), "C": judged(12, 3, 43)}) == "L"


counts = st.tuples(st.integers(0, 48), st.integers(0, 4), st.integers(0, 48))


@given(counts, counts)
def test_what_ships_qualifies_and_nothing_qualifying_serves_more(el: tuple, c: tuple) -> None:
    assert_ships_the_most_served_qualifying(script, {"L": judged(*el), "C": judged(*c)}, "L")


@given(
    st.sampled_from(
        [
            ("遗属临时补助每年累计最多多少钱？", "遗属临时补助每次最多多少钱？"),
            ("运动会开幕几点", "健身运动会开幕式几点开始？"),
            ("退休干部体检有什么规定？", "离休干部体检规定是什么？"),
            ("离休干部订报纸一年能报多少钱", "离休干部报刊费每年标准多少？"),
            ("5000元以上的项目谁审批", "5000元以下的项目谁审批"),
        ]
    )
)
def test_the_experiment_reads_contrast_as_matching_computes_it(pair: tuple[str, str]) -> None:
    asked, pinned = pair
    matched = compare_questions(asked, pinned, "", 0.9, 0.0, lambda _: 1.0)
    assert script.contrast_of(asked, pinned) == matched.contrast
