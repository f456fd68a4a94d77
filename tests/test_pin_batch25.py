"""scripts/pin_batch25.py (session pins67): the ship rule committed before batch 25 was merged — no wrong pin on
batch 25 and false pins within 2 % of the negatives there and pooled over batches 1–24 (held out batch by
batch), the bot tests passing, the most served on batch 25 among those qualifying, ties and none qualifying to
the shipped SC — case by case and as a property; the two new vetoes read against the pinned question and the
pinned passage's document."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from bench.pins import Observation, Outcome, PinQuestion, SetParts
from tests import pin_scripts
from tests.test_pin_batch21 import features
from tests.test_pin_batch23 import standing_model

script = pin_scripts.script("pin_batch25")


def judged(hits: int, false: int, pooled: int = 10, wrong: int = 0) -> object:
    """`Judged`: `hits` of batch 25's 48 paraphrases served at `false` false pins of 64 (`wrong` of them another
    group's pin to a paraphrase), `pooled` false pins over batches 1–24 (1,232 paraphrases, 1,398 negatives)."""
    return script.Judged(
        Outcome(48, hits, wrong, 48, false - wrong, 16, 0),
        Outcome(1232, 450, 0, 1078, pooled, 320, 0),
    )


def test_the_rule_case_by_case() -> None:
    assert script.ORDER[0] == "SC" and "GW" not in script.ORDER
    assert tuple(str(n) for n in range(1, 25)) == script.FOLDS and script.JUDGED == "25"
    some = {n: judged(5 + i, 0) for i, n in enumerate(script.ORDER)}
    assert script.ships(some) == script.ORDER[-1]  # the most served
    # more served but over the bound on batch 25 (2 of 64 > 2 %): not qualifying
    assert script.ships({**some, "GWTCWN": judged(20, 2)}) == "GWTCAN"
    # a wrong pin on batch 25, though within the budget: not qualifying
    assert script.ships({**some, "GWTCWN": judged(20, 1, wrong=1)}) == "GWTCAN"
    # over the bound pooled over 1–24 (28 of 1,398 > 2 %): not qualifying, whatever batch 25 says
    assert script.ships({**some, "GWTCWN": judged(30, 0, 28), "GWTCAN": judged(30, 0, 29)}) == "GWTCW"
    # failing the bot tests: struck, the rule applied again
    assert script.ships(some, ("GWTCWN",)) == "GWTCAN"
    # ties: the shipped model, then the earlier of ORDER
    assert script.ships({n: judged(9, 0) for n in script.ORDER}) == "SC"
    assert script.ships({**{n: judged(9, 0) for n in script.ORDER}, "SC": judged(9, 2)}) == "SCT"
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


def test_the_new_vetoes_are_read_whether_against_the_pinned_question_a_time_against_its_document() -> None:
    asked = PinQuestion("g1", "near-miss", "老年大学春季学期太极拳班要不要交学费", library="cold9")
    pinned = {
        "g1": "老年大学太极拳班星期几上课？",  # another kind, and 春季 in neither it nor its document
        "g2": "老年大学太极拳班学费要交吗？",  # whether both; its document names 春季
        "g3": "老年大学太极拳班一学期学费多少钱？",  # another kind; its row names no season, its title 春季
    }
    searches = {("cold9", asked.question): (script.p20.OwnSearch((7, 11), "high"), {"g1": 11, "g2": 5})}
    texts = {
        "g1": "专业：太极拳；上课时间：星期一上午",
        "g2": "太极拳班学费每学期200元",
        "g3": "学费每学期200元",
    }
    documents = {
        "g1": "临江市老年大学2024年秋季招生简章 专业：太极拳；上课时间：星期一上午",
        "g2": "春季学期 太极拳班学费每学期200元",
        "g3": "2025年春季招生简章 学费每学期200元",
    }
    parts = SetParts((), (), (Observation(asked, tuple((g, features(0.95)) for g in pinned)),))
    [o] = script.reread(parts, pinned, searches, texts, documents).cold
    names = (script.WHETHER, script.ADDED, script.ANSWER, "passage_rank")
    got = {g: f.vector(names) for g, f in o.scores}
    assert got["g1"] == [1.0, 1.0, 0.0, 2.0]
    assert got["g2"] == [0.0, 0.0, 0.0, 0.0]  # its passage (5) not in the search
    assert got["g3"] == [1.0, 0.0, 0.0, 0.0]
    for veto in (script.WHETHER, script.ADDED):
        assert o.chosen(replace(standing_model(), veto=(veto,))) != "g1"
