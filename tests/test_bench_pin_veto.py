"""bench/pin_veto.py: what the veto experiments (scripts/compare_pin_kinds.py, …_quantity.py) share — which
questions a veto fires on against their own pin, which variant the rule ships, the options they take."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench.pin_veto import VetoTrial, fires, parser, shipped_variant
from bench.pins import Observation, Outcome, PinQuestion
from retrieval import PIN_FEATURES, PairFeatures

KINDS = ("paraphrase", "near-miss", "unrelated")
GROUPS = ("a", "b", "c")


def features(**values: float) -> PairFeatures:
    return PairFeatures(**(dict.fromkeys(PIN_FEATURES, 0.0) | values))


# one asked question: its kind, its group, and per pin near it (group, does the veto fire against it)
asked = st.tuples(
    st.sampled_from(KINDS),
    st.sampled_from(GROUPS),
    st.lists(st.tuples(st.sampled_from(GROUPS), st.booleans()), max_size=3),
)


@given(st.lists(asked, max_size=12), st.sampled_from(KINDS))
def test_fires_lists_exactly_the_questions_of_the_kind_vetoed_against_their_own_pin(
    rows: list[tuple[str, str, list[tuple[str, bool]]]], kind: str
) -> None:
    observations = [
        Observation(
            PinQuestion(group, k, f"问{n}"),
            tuple((g, features(quantity_conflict=float(on))) for g, on in near),
        )
        for n, (k, group, near) in enumerate(rows)
    ]
    expected = [f"问{n}" for n, (k, group, near) in enumerate(rows) if k == kind and (group, True) in near]
    assert fires(observations, "quantity_conflict", kind) == expected
    assert fires(observations, "kind_swap", kind) == []  # another feature, never set here


def outcome(hits: int, false_pins: int) -> Outcome:
    return Outcome(
        paraphrases=48,
        hits=hits,
        wrong=0,
        near_misses=40,
        near_false=false_pins,
        unrelated=20,
        unrelated_false=0,
    )


def trial(passes_for: set[str]) -> VetoTrial:
    return VetoTrial(
        veto="quantity_conflict",
        newest="13",
        names=("S", "Q", "QR"),
        passes=lambda shipped, variant: variant["all held out"].false_pins in passes_for,  # type: ignore[arg-type]
        describe=str,
    )


@pytest.mark.parametrize(
    ("vetoed", "refitted", "verdict", "ships"),
    [
        ((10, 5), (12, 5), {"Q": True, "QR": True}, "QR"),  # the refit serves more at no more false pins
        ((10, 5), (12, 6), {"Q": True, "QR": True}, "Q"),  # more served, but at more false pins
        ((10, 5), (10, 4), {"Q": True, "QR": True}, "Q"),  # fewer false pins alone does not beat Q
        ((10, 5), (9, 4), {"Q": False, "QR": True}, "QR"),  # the refit passes where Q fails
        ((10, 5), (12, 5), {"Q": True, "QR": False}, "Q"),
        ((10, 5), (12, 5), {"Q": False, "QR": False}, "nothing"),
    ],
)
def test_the_refit_ships_only_if_it_passes_and_beats_the_vetoed_model_or_that_fails(
    vetoed: tuple[int, int], refitted: tuple[int, int], verdict: dict[str, bool], ships: str
) -> None:
    outcomes = {"Q": {"all held out": outcome(*vetoed)}, "QR": {"all held out": outcome(*refitted)}}
    assert shipped_variant(trial(set()), outcomes, verdict) == ships


def test_the_options_name_the_newest_batch_and_need_the_cold_homes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    options = parser(trial(set()), "The quantity veto.\n\nMore.")
    args = options.parse_args(["--library", "L", "--cold-homes", "H", "--misses", "13", "--held-out"])
    assert (args.library, args.cold_homes, args.misses, args.held_out) == (Path("L"), Path("H"), "13", True)
    assert "e.g. 13" in options.format_help() and "The quantity veto." in options.format_help()
    with pytest.raises(SystemExit):
        options.parse_args(["--library", "L"])
    assert "--cold-homes" in capsys.readouterr().err
