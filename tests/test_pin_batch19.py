"""scripts/pin_batch19.py (session pins61): the ship rule committed before batch 19 was written — false pins
within 2 % of the negatives in whole questions, served-or-offered at most one below L's, the most served among
those qualifying, ties to no change, then the smaller change — case by case and as a property; the candidates
being L with its vetoes and nothing else changed; and `contrast` and `sibling` as the experiment re-reads them
being what matching computes."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from retrieval import PinModel, load_pin_judge
from retrieval.pins import compare_questions
from tests import pin_scripts
from tests.pin_scripts import assert_ships_the_most_served_qualifying, judged

script = pin_scripts.script("pin_batch19")


def test_the_rule_case_by_case() -> None:
    # L breaks the bound, S keeps it serving one fewer: S
    assert script.ships({"L": judged(6, 3, 43), "S": judged(5, 1, 43), "SC": judged(5, 1, 43)}) == "S"
    # S and SC both keep it: the one serving more; a tie goes to fewer false pins, then to S (the smaller change)
    assert script.ships({"L": judged(6, 3, 43), "S": judged(5, 1, 43), "SC": judged(6, 1, 43)}) == "SC"
    assert script.ships({"L": judged(6, 3, 43), "S": judged(5, 1, 43), "SC": judged(5, 0, 43)}) == "SC"
    assert script.ships({"L": judged(6, 3, 43), "S": judged(5, 1, 43), "SC": judged(5, 1, 43)}) == "S"
    # L keeps the bound: a veto serving no more does not ship, even with fewer false pins on a tie of served…
    assert script.ships({"L": judged(6, 1, 43), "S": judged(6, 1, 43), "SC": judged(6, 1, 43)}) == "L"
    # …but with fewer false pins at as many served, it does
    assert script.ships({"L": judged(6, 1, 43), "S": judged(6, 0, 43), "SC": judged(5, 0, 43)}) == "S"
    # none keeps the bound: L stays
    assert script.ships({"L": judged(6, 3, 43), "S": judged(6, 2, 43), "SC": judged(5, 2, 43)}) == "L"
    # served or offered two below L's: not qualifying
    assert script.ships({"L": judged(6, 3, 43), "S": judged(5, 1, 41), "SC": judged(5, 1, 42)}) == "SC"


counts = st.tuples(st.integers(0, 48), st.integers(0, 4), st.integers(0, 48))


@given(counts, counts, counts)
def test_what_ships_qualifies_and_nothing_qualifying_serves_more(el: tuple, s: tuple, sc: tuple) -> None:
    assert_ships_the_most_served_qualifying(
        script, {"L": judged(*el), "S": judged(*s), "SC": judged(*sc)}, "L"
    )


def test_the_candidates_are_the_shipped_model_with_its_vetoes_and_nothing_else() -> None:
    shipped = load_pin_judge()
    assert isinstance(shipped, PinModel)
    models = script.candidates(shipped)
    assert models["L"] == shipped
    assert models["S"] == replace(shipped, veto=(*shipped.veto, "sibling"))
    assert models["SC"] == replace(shipped, veto=(*shipped.veto, "sibling", "contrast"))


@given(
    st.sampled_from(
        [
            ("一级护理的离休干部护理费原标准每月多少？", "一级护理的离休干部护理费新标准每月多少？"),
            ("80周岁以上离休干部生日慰问原来是多少？", "80周岁以上离休干部生日慰问标准是多少？"),
            ("目录外的药一年最多报多少钱", "目录外药品每年报销累计不超过多少？"),
            ("遗属临时补助每年累计最多多少钱？", "遗属临时补助每次最多多少钱？"),
            ("老同志应邀讲课补贴标准是多少？", "老干部应邀讲课补贴标准是多少？"),
        ]
    )
)
def test_the_experiment_reads_contrast_and_sibling_as_matching_computes_them(pair: tuple[str, str]) -> None:
    asked, pinned = pair
    matched = compare_questions(asked, pinned, "", 0.9, 0.0, lambda _: 1.0)
    assert script.features_of(asked, pinned) == {"contrast": matched.contrast, "sibling": matched.sibling}
