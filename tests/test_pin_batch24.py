"""scripts/pin_batch24.py (session pins66): the ship rule committed before batch 24 was merged — no wrong pin on
batch 24 and false pins within 2 % of the negatives there and pooled over batches 1–23 (held out batch by
batch), the bot tests passing, the most served on batch 24 among those qualifying, ties and none qualifying to
the shipped SC — case by case and as a property; the two vetoes read against the pinned passage and the pinned
question."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from bench.pins import Observation, Outcome, PinQuestion, SetParts
from tests import pin_scripts
from tests.test_pin_batch21 import features
from tests.test_pin_batch23 import standing_model

script = pin_scripts.script("pin_batch24")


def judged(hits: int, false: int, pooled: int = 10, wrong: int = 0) -> object:
    """`Judged`: `hits` of batch 24's 48 paraphrases served at `false` false pins of 64 (`wrong` of them another
    group's pin to a paraphrase), `pooled` false pins over batches 1–23 (1,184 paraphrases, 1,334 negatives)."""
    return script.Judged(
        Outcome(48, hits, wrong, 48, false - wrong, 16, 0),
        Outcome(1184, 450, 0, 1014, pooled, 320, 0),
    )


def test_the_rule_case_by_case() -> None:
    assert script.ORDER[0] == "SC" and not set(script.SHOWN) & set(script.ORDER)
    assert tuple(str(n) for n in range(1, 24)) == script.FOLDS and script.JUDGED == "24"
    four = {"SC": judged(5, 0), "SCT": judged(6, 0), "GWTC": judged(9, 1), "GWTCA": judged(10, 1)}
    assert script.ships(four) == "GWTCA"
    # more served but over the bound on batch 24 (2 of 64 > 2 %): not qualifying
    assert script.ships({**four, "GWTCA": judged(12, 2)}) == "GWTC"
    # a wrong pin on batch 24, though within the budget: not qualifying
    assert script.ships({**four, "GWTCA": judged(12, 1, wrong=1)}) == "GWTC"
    # over the bound pooled over 1–23 (27 of 1,334 > 2 %): not qualifying, whatever batch 24 says
    assert script.ships({**four, "GWTC": judged(20, 0, 27), "GWTCA": judged(20, 0, 28)}) == "SCT"
    # failing the bot tests: struck, the rule applied again
    assert script.ships(four, ("GWTCA",)) == "GWTC"
    # ties: the shipped model, then the smaller change
    assert (
        script.ships({"SC": judged(9, 1), "SCT": judged(9, 0), "GWTC": judged(9, 0), "GWTCA": judged(9, 0)})
        == "SC"
    )
    assert script.ships({**four, "GWTCA": judged(9, 0)}) == "GWTC"
    # none qualifies: SC stays
    assert script.ships({n: judged(30, 3) for n in script.ORDER}) == "SC"


@given(
    st.lists(pin_scripts.HELD_OUT_FIGURES, min_size=len(script.ORDER), max_size=len(script.ORDER)),
    st.lists(st.sampled_from(script.ORDER), max_size=3),
)
def test_what_ships_qualifies_and_nothing_qualifying_serves_more(
    drawn: list[tuple[int, int, int, int]], struck: list[str]
) -> None:
    pin_scripts.assert_the_held_out_rule(script, drawn, struck)


def test_both_vetoes_are_read_the_time_against_the_passage_the_answer_against_the_pinned_question() -> None:
    asked = PinQuestion("g1", "near-miss", "《中国老年报》订一年多少钱", library="cold9")
    pinned = {
        "g1": "订阅《中国老年报》的费用由谁承担？",
        "g2": "《中国老年报》一年的订阅价格是多少？",
        "g3": "春节订阅《中国老年报》一年多少钱？",
    }
    searches = {("cold9", asked.question): (script.p20.OwnSearch((7, 11), "high"), {"g1": 11, "g2": 5})}
    texts = {"g1": "订阅费用由各单位老干部经费承担", "g2": "全年订价180元", "g3": "春节期间订阅全年180元"}
    parts = SetParts((), (), (Observation(asked, tuple((g, features(0.95)) for g in pinned)),))
    [o] = script.reread(parts, pinned, searches, texts).cold
    got = {g: f.vector((script.ANSWER, script.TIME, "passage_rank")) for g, f in o.scores}
    assert got["g1"] == [1.0, 0.0, 2.0]  # a figure for who pays
    assert got["g2"] == [0.0, 0.0, 0.0]  # a figure both
    assert got["g3"] == [0.0, 0.0, 0.0]  # the pinned question's time dropped, none asked in its place
    vetoing = replace(standing_model(), veto=(script.ANSWER,))
    assert o.chosen(vetoing) != "g1"
