"""The pin experiments under scripts/ as the tests import them (scripts/ is no package: it is put on the path,
as the scripts put it themselves), and a candidate's outcome on a judged batch of 48 paraphrases and 64
negatives for their ship rules."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

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
