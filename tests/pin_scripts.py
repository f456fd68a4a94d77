"""The pin experiments under scripts/ as the tests import them (scripts/ is no package: it is put on the path,
as the scripts put it themselves), a candidate's outcome on a judged batch of 48 paraphrases and 64
negatives for their ship rules, and the property every leave-one-batch-out rule (pin_batch24's `qualifies` and
`ships`, used by pin_batch25 and pin_batch26) is held to."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

from hypothesis import strategies as st

from bench.pins import Outcome

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def script(name: str) -> ModuleType:
    """scripts/NAME.py, imported once (the module the other scripts import under the same name)."""
    if str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))
    return importlib.import_module(name)


def judged(hits: int, false: int, offered: int, paraphrases: int = 48, negatives: int = 64) -> object:
    """`pin_learning_curve.Judged`: `hits` served at `false` false pins (16 of the negatives unrelated),
    `offered` served or offered."""
    served = Outcome(paraphrases, hits, 0, negatives - 16, false, 16, 0)
    return script("pin_learning_curve").Judged(
        served, Outcome(paraphrases, offered, 0, negatives - 16, false, 16, 0)
    )


def assert_ships_the_most_served_qualifying(
    rule: ModuleType, candidates: dict[str, object], shipped: str
) -> None:
    """The script's rule on these candidates: what ships qualifies and no qualifying candidate serves more;
    with none qualifying, the shipped one stays."""
    winner = rule.ships(candidates)
    ok = [n for n, c in candidates.items() if rule.qualifies(c, candidates[shipped])]
    if not ok:
        assert winner == shipped
        return
    assert winner in ok
    assert all(candidates[n].served.hits <= candidates[winner].served.hits for n in ok)  # type: ignore[attr-defined]


# one candidate's figures for a leave-one-batch-out rule: paraphrases served on the judged batch, its false pins
# besides wrong ones, its false pins pooled over the batches held out one by one, its wrong pins
HELD_OUT_FIGURES = st.tuples(st.integers(0, 48), st.integers(0, 3), st.integers(0, 40), st.integers(0, 1))


def held_out_judged(rule: ModuleType, hits: int, false: int, pooled: int = 10, wrong: int = 0) -> object:
    """`pin_batch24.Judged` (which the later scripts reuse): `hits` of the judged batch's 48 paraphrases served at
    `false` false pins of 64 (`wrong` of them another group's pin to a paraphrase), `pooled` false pins over the
    batches held out one by one (1,232 paraphrases, 1,398 negatives: about their size since batch 24)."""
    return rule.Judged(
        Outcome(48, hits, wrong, 48, false - wrong, 16, 0),
        Outcome(1232, 450, 0, 1078, pooled, 320, 0),
    )


_JUDGED_NEGATIVES = 48 + 16  # `held_out_judged`'s near misses and unrelated questions on the judged batch
_POOLED_NEGATIVES = 1078 + 320  # and pooled over the batches held out
_BUDGET = 50  # false pins at most 2 % (1/50) of the negatives


def _qualifying(false: int, pooled: int, wrong: int) -> bool:
    """The rule's bounds read from the drawn figures themselves (not from the rule's `qualifies`): no wrong pin,
    false pins (wrong ones counted) at most 2 % of the judged batch's negatives, and pooled at most 2 % of the
    pooled negatives."""
    return (
        wrong == 0
        and (false + wrong) * _BUDGET <= _JUDGED_NEGATIVES
        and pooled * _BUDGET <= _POOLED_NEGATIVES
    )


def assert_the_held_out_rule(
    rule: ModuleType, drawn: list[tuple[int, int, int, int]], struck: list[str]
) -> None:
    """The rule of a leave-one-batch-out script (its `ships`, `qualifies` and `ORDER`) on candidates with the drawn
    `HELD_OUT_FIGURES`, `struck` failing the bot tests — qualifying read from the drawn figures (`_qualifying`;
    session mend68p), which the rule's `qualifies` must agree with —: what ships qualifies, has no wrong pin, and no qualifying
    candidate serves more; ties go to the first of ORDER; with none qualifying, the shipped model (ORDER's first)
    stays."""
    candidates = {
        n: held_out_judged(rule, hits, false + wrong, pooled, wrong)
        for n, (hits, false, pooled, wrong) in zip(rule.ORDER, drawn, strict=True)
    }
    qualifying = {
        n: _qualifying(false, pooled, wrong)
        for n, (_, false, pooled, wrong) in zip(rule.ORDER, drawn, strict=True)
    }
    assert all(rule.qualifies(c) is qualifying[n] for n, c in candidates.items()), qualifying
    winner = rule.ships(candidates, struck)
    ok = [n for n in rule.ORDER if qualifying[n] and n not in struck]
    if not ok:
        assert winner == rule.ORDER[0]
        return
    won = candidates[winner]
    assert winner in ok and won.judged.wrong == 0  # type: ignore[attr-defined]
    assert all(candidates[n].judged.hits <= won.judged.hits for n in ok)  # type: ignore[attr-defined]
    best = [n for n in ok if candidates[n].judged.hits == won.judged.hits]  # type: ignore[attr-defined]
    assert winner == best[0]  # ties: the first of ORDER
