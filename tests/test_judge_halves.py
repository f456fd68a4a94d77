"""scripts/judge_halves.py: a candidate's rows judged beside main's by a `Rule` — what must fall in total, and what
may rise on one set (answered unanswerable, and false 「未找到」: conf65's and conf66's bound)."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from judge_halves import CONF65_RULE, Rule, compare, counts


def _row(name: str, n: int, candidate: str, answerable: bool, answered: bool, rank: int | None = 1) -> dict:
    return {
        "set": name,
        "id": f"q{n}",
        "half": "tune",
        "candidate": candidate,
        "answerable": answerable,
        "question": f"问题{n}",
        "rank": rank,
        "answered": answered,
    }


def _rows(moves: dict[str, list[tuple[bool, bool, bool]]]) -> list[dict]:
    """Per set, its questions as (answerable, answered by main, answered by the candidate)."""
    rows = []
    for name, questions in moves.items():
        for n, (answerable, before, after) in enumerate(questions):
            rows.append(_row(name, n, "main", answerable, before))
            rows.append(_row(name, n, "cand", answerable, after))
    return rows


def test_conf65s_rule_bounds_the_rise_of_false_abstentions_on_each_set() -> None:
    # set a: two answerable questions lost (false 「未找到」 +2), three near misses refused: answered unanswerable falls
    two_lost = _rows(
        {
            "a": [(True, True, False), (True, True, False), *[(False, True, False)] * 3],
            "b": [(True, True, True)],
        }
    )
    (verdict,) = compare(two_lost, ["cand"], "tune", "answered", CONF65_RULE)
    assert verdict.worst_false_rise == 2 and not verdict.passes
    # one lost on each of two sets: within the bound, and answered unanswerable falls in total
    one_each = _rows(
        {
            "a": [(True, True, False), (False, True, False)],
            "b": [(True, True, False), (False, True, False)],
        }
    )
    (verdict,) = compare(one_each, ["cand"], "tune", "answered", CONF65_RULE)
    assert verdict.worst_false_rise == 1 and verdict.passes
    assert verdict.whole == (0, 2, 2, 0)
    # the default rule (words63's) wants false 「未找到」 to fall: the same rows fail it
    (verdict,) = compare(one_each, ["cand"], "tune", "answered", Rule())
    assert not verdict.passes


def test_both_falls_when_the_two_together_fall_and_nothing_asks_no_fall() -> None:
    rows = _rows({"a": [(True, True, False), (False, True, False), (False, True, False)]})
    both = Rule(per_set_rise=1, per_set_false_rise=1, falls="both")
    (verdict,) = compare(rows, ["cand"], "tune", "answered", both)
    assert (
        verdict.passes
    )  # one false 「未找到」 more, two near misses refused: one fewer wrong verdict in all
    even = _rows({"a": [(True, True, False), (False, True, False)]})
    (verdict,) = compare(even, ["cand"], "tune", "answered", both)
    assert not verdict.passes  # one for one: nothing fell
    (verdict,) = compare(
        even, ["cand"], "tune", "answered", Rule(per_set_rise=0, per_set_false_rise=1, falls="nothing")
    )
    assert verdict.passes  # a rule of rises alone (a blind set: neither rises by more than allowed)


def test_a_moved_rank_fails_every_rule() -> None:
    rows = [
        _row("a", 0, "main", True, False, rank=1),
        _row("a", 0, "cand", True, True, rank=2),
    ]
    for rule in (Rule(), CONF65_RULE, Rule(per_set_rise=None, falls="nothing")):
        (verdict,) = compare(rows, ["cand"], "tune", "answered", rule)
        assert not verdict.passes


_QUESTION = st.tuples(st.booleans(), st.booleans(), st.booleans())


@settings(max_examples=60, deadline=None)
@given(
    moves=st.dictionaries(
        st.sampled_from(["a", "b", "c"]), st.lists(_QUESTION, min_size=1, max_size=8), min_size=1
    ),
    bound=st.integers(min_value=0, max_value=3),
)
def test_the_false_abstention_bound_holds_exactly_when_no_set_rises_past_it(
    moves: dict[str, list[tuple[bool, bool, bool]]], bound: int
) -> None:
    rows = _rows(moves)
    loose = Rule(per_set_rise=None, falls="nothing", per_set_false_rise=bound)
    (verdict,) = compare(rows, ["cand"], "tune", "answered", loose)
    rises = []
    for name in moves:
        before = counts(r for r in rows if r["set"] == name and r["candidate"] == "main")
        after = counts(r for r in rows if r["set"] == name and r["candidate"] == "cand")
        rises.append(after[2] - before[2])
    assert verdict.worst_false_rise == max(0, *rises)
    assert verdict.passes == (max(rises) <= bound)
    # the every-set totals are the counts of every row
    main_all = counts(r for r in rows if r["candidate"] == "main")
    cand_all = counts(r for r in rows if r["candidate"] == "cand")
    assert verdict.whole == (main_all[2], cand_all[2], main_all[4], cand_all[4])


def test_the_default_rule_lets_no_set_answer_more_unanswerable() -> None:
    # false 「未找到」 falls by two in all, but set b answers one near miss more: words63's and conf64's rule fails it
    rows = _rows(
        {
            "a": [(True, False, True), (True, False, True)],
            "b": [(False, False, True), (True, True, True)],
        }
    )
    (verdict,) = compare(rows, ["cand"], "tune", "answered", Rule())
    assert verdict.whole == (2, 0, 0, 1) and not verdict.passes
    (verdict,) = compare(rows, ["cand"], "tune", "answered", Rule(per_set_rise=1))
    assert verdict.passes  # one a set allowed: the same rows pass


@settings(max_examples=60, deadline=None)
@given(
    moves=st.dictionaries(
        st.sampled_from(["a", "b", "c"]), st.lists(_QUESTION, min_size=1, max_size=8), min_size=1
    ),
    per_set=st.integers(min_value=0, max_value=2),
    total=st.integers(min_value=0, max_value=3),
)
def test_the_rises_of_answered_unanswerable_pass_exactly_within_both_bounds(
    moves: dict[str, list[tuple[bool, bool, bool]]], per_set: int, total: int
) -> None:
    """Under a rule of rises alone, a candidate passes exactly when no set answers more than `per_set_rise`
    unanswerable questions more and all sets together no more than `total_rise` (no rank moves here)."""
    rows = _rows(moves)
    rule = Rule(per_set_rise=per_set, total_rise=total, falls="nothing")
    (verdict,) = compare(rows, ["cand"], "tune", "answered", rule)
    rises = []
    for name in moves:
        before = counts(r for r in rows if r["set"] == name and r["candidate"] == "main")
        after = counts(r for r in rows if r["set"] == name and r["candidate"] == "cand")
        rises.append(after[4] - before[4])
    assert verdict.passes == (max(rises) <= per_set and sum(rises) <= total)
