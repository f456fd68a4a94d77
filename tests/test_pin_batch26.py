"""scripts/pin_batch26.py (session pins68): the ship rule committed before batch 26 was merged — no wrong pin on
batch 26 and false pins within 2 % of the negatives there and pooled over batches 1–25 (held out batch by
batch), the bot tests passing, the most served on batch 26 among those qualifying, ties and none qualifying to
the shipped SC — case by case and as a property (the one every leave-one-batch-out script's rule is held to); a
year added and a qualifier dropped read by `reread` against the pinned question and its passage's document."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench.pins import Observation, PinQuestion, SetParts
from retrieval.pins import fold
from tests import pin_scripts
from tests.test_pin_batch21 import features
from tests.test_pin_batch23 import standing_model

script = pin_scripts.script("pin_batch26")


def judged(hits: int, false: int, pooled: int = 10, wrong: int = 0) -> object:
    return pin_scripts.held_out_judged(script, hits, false, pooled, wrong)


def test_the_rule_case_by_case() -> None:
    assert script.ORDER[0] == "SC" and "GW" not in script.ORDER
    assert tuple(str(n) for n in range(1, 26)) == script.FOLDS and script.JUDGED == "26"
    some = {n: judged(5 + i, 0) for i, n in enumerate(script.ORDER)}
    assert script.ships(some) == "GWTCWNQ"  # the most served
    # more served but over the bound on batch 26 (2 of 64 > 2 %), or a wrong pin there: not qualifying
    assert script.ships({**some, "GWTCWNQ": judged(20, 2)}) == "GWTCWN"
    assert script.ships({**some, "GWTCWNQ": judged(20, 1, wrong=1)}) == "GWTCWN"
    # over the bound pooled over 1–25 (28 of 1,398 > 2 %): not qualifying, whatever batch 26 says
    assert script.ships({**some, "GWTCWNQ": judged(30, 0, 28), "GWTCWN": judged(30, 0, 29)}) == "SCTWNQ"
    assert script.ships(some, ("GWTCWNQ",)) == "GWTCWN"  # failing the bot tests: struck
    assert script.ships({n: judged(9, 0) for n in script.ORDER}) == "SC"  # ties: the shipped model first
    assert script.ships({**{n: judged(9, 0) for n in script.ORDER}, "SC": judged(9, 2)}) == "SCTWN"
    assert script.ships({n: judged(30, 3) for n in script.ORDER}) == "SC"  # none qualifies


@given(
    st.lists(pin_scripts.HELD_OUT_FIGURES, min_size=len(script.ORDER), max_size=len(script.ORDER)),
    st.lists(st.sampled_from(script.ORDER), max_size=3),
)
def test_what_ships_qualifies_and_nothing_qualifying_serves_more(
    drawn: list[tuple[int, int, int, int]], struck: list[str]
) -> None:
    pin_scripts.assert_the_held_out_rule(script, drawn, struck)


def test_the_shared_property_catches_a_rule_forgetting_a_bound() -> None:
    """The shared property reads qualifying from the drawn figures, not from the rule's own `qualifies` (the review
    of pins68: a rule forgetting the pooled bound passed it): a rule whose `qualifies` drops the pooled bound, or
    the bound on the judged batch, fails it on a candidate over that bound (session mend68p)."""
    lc = pin_scripts.script("pin_learning_curve")
    bounds = {
        "pooled": lambda c: c.judged.wrong == 0 and lc.within_budget(c.judged),
        "judged batch": lambda c: c.judged.wrong == 0 and lc.within_budget(c.folds),
    }
    over = {"pooled": (30, 0, 28, 0), "judged batch": (30, 2, 0, 0)}  # 28 of 1,398 pooled; 2 of 64 judged
    for name, forgetful in bounds.items():

        def ships(judged: dict[str, object], struck: tuple[str, ...] = (), q=forgetful) -> str:
            ok = [n for n in script.ORDER if n not in struck and q(judged[n])]
            return max(ok, key=lambda n: (judged[n].judged.hits, -script.ORDER.index(n))) if ok else "SC"

        rule = SimpleNamespace(ORDER=script.ORDER, Judged=script.Judged, qualifies=forgetful, ships=ships)
        drawn = [(5, 0, 0, 0)] * (len(script.ORDER) - 1) + [over[name]]
        with pytest.raises(AssertionError):
            pin_scripts.assert_the_held_out_rule(rule, drawn, [])  # type: ignore[arg-type]
    pin_scripts.assert_the_held_out_rule(
        script, [(5, 0, 0, 0)] * (len(script.ORDER) - 1) + [over["pooled"]], []
    )


def test_a_year_added_and_a_qualifier_dropped_are_read_against_the_pinned_question_and_its_document() -> None:
    asked = PinQuestion("g1", "unrelated", "离休干部的医药费2027年怎么报销", library="cold9")
    pinned = {
        "g1": "异地安置的离休干部医药费报销难怎么解决？",  # one case; its document tells it from the rest
        "g2": "离休干部医药费怎么报销？",  # the general question; its document writes 2027年
        "g3": "异地安置的离休干部医药费报销难怎么解决？",  # a document all about the case (its title)
    }
    searches = {("cold9", asked.question): (script.p20.OwnSearch((7, 11), "high"), {"g1": 11})}
    texts = {g: "异地安置的离休干部医药费报销难，委托当地社保局代管。" for g in pinned}
    documents = {
        "g1": fold("全市老干部工作会议上的讲话\n落实待遇\n要落实离休干部的待遇。" + texts["g1"]),
        "g2": fold("2027年离休干部医药费报销办法\n\n离休干部医药费按规定报销。"),
        "g3": fold("异地安置离休干部医药费管理办法\n\n要落实离休干部的待遇。" + texts["g3"]),
    }
    parts = SetParts((), (), (Observation(asked, tuple((g, features(0.95)) for g in pinned)),))
    [o] = script.reread(parts, pinned, searches, texts, documents).cold
    got = {g: o.scores[n][1].vector((script.QUALIFIER, script.ADDED)) for n, g in enumerate(pinned)}
    assert got == {"g1": [1.0, 1.0], "g2": [0.0, 0.0], "g3": [0.0, 1.0]}
    for veto in (script.QUALIFIER, script.ADDED):
        assert o.chosen(replace(standing_model(), veto=(veto,))) != "g1"


def test_the_candidates_are_built_and_judged_by_pin_batch25s_one_run() -> None:
    """pin_batch25 and pin_batch26 share one `run` and one way to build a candidate vetoing more (the review of
    pins68 found pin_batch26's `main` a copy of pin_batch25's; session mend68p): SC vetoing more keeps its own
    vetoes first and names the candidate and its script."""
    sc = standing_model()
    made = script.p25.vetoing(sc, (script.TIME, script.QUALIFIER), "SCTQ", "scripts/pin_batch26.py")
    assert made.veto == (*sc.veto, script.TIME, script.QUALIFIER)
    assert made.fitted_on.endswith("(scripts/pin_batch26.py, candidate SCTQ)")
    assert callable(script.p25.run) and script.main.__code__.co_names.count("run") == 1
