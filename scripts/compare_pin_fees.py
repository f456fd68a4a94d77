"""Two readings for the pin vetoes — another thing paid, a day of the week — judged on the sixteenth batch,
written cold (issue 13, session pins47; docs/pins47.md, docs/measured.md, Pinned answers).

Batch 15's two false pins asked another fee of the same course (「剪纸非遗传承班学费多少钱」 against 「…材料费
多少钱」): both ask money, so no quantity veto tells them. Its two 礼拜几 paraphrases stopped because 几 read as a
number against the pin's 什么时间. Two general changes, each its own commit, decided on batches 1–15:

- F (`3f4f34d`): `retrieval.slots.fees_conflict` — both questions name a thing paid (a word ending in 费/金,
  jieba's cut; 费用 read as 费; 收费/经费/资金… no fee word) and none either names is read in the other — sets
  `quantity_conflict`.
- W (`c78bc70`): 周几/礼拜几/星期几 (no count after) ask a time in `asked_kinds` (not a number), and
  ("asked", "weekday") in `quantity_slots` (against 几号's "date").

    SPEECHQA_HOME=/tmp/h HF_HUB_OFFLINE=1 OMP_NUM_THREADS=1 python scripts/compare_pin_fees.py \\
        --cache OBS --cold-homes LIBS [--keep NEWOBS] [--decide] [--misses 16]

OBS the observations a pin experiment kept (session pins46's over batches 1–15); the questions it lacks are
observed in LIBS (LIBS/c31 …, copies) as the service reads them, the whole kept in NEWOBS. Every matcher re-reads
`asks_other` and `quantity_conflict` from the two questions as typed, with `retrieval.answer_type` and
`retrieval.slots` as they were at each commit (read from git), so it re-runs as committed. `--decide` prints
the figures over batches 1–15 only (what the changes were chosen on).

The rule, written (and committed) before any figure of batch 16 was read:

- S: the shipped model as on branch pins46 (`f8142f5`): `ask` and the bot before this session.
- F: S with the fee veto; W: S with the weekday reading; FW: both (the same weights, threshold, vetoes).
- F (and W), each against S, *ships* when on batch 16 and over all held-out parts together (the first two
  batches' held-out part and batches 3–16), each: it serves at least as many paraphrases with fewer false
  pins, or more paraphrases with no more false pins (a paraphrase given another group's pin counts as a false
  pin, `Outcome.false_pins`). One that fails is taken back out, measured (its tests kept as strict xfail). No
  refit: F only vetoes; W changes a feature's reading under the same weights.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bench.pins as b
from bench import pin_veto
from bench.pin_veto import module_at, passes_on
from cli.settings import load_settings
from retrieval.pins import fold

NEWEST = "16"
BEFORE = "f8142f5"  # branch pins46, as this session began
FEES = "3f4f34d"  # F: the fee veto (taken back out after this measure: the rule did not hold for it)
WEEKDAY = "c78bc70"  # W: the weekday reading


Reading = tuple[Callable[[str], frozenset[str]], Callable[[str, str], bool]]


def readings() -> dict[str, Reading]:
    """Each matcher's (asked kinds, quantity veto) as committed."""
    before, fees, weekday = (module_at(c, "slots") for c in (BEFORE, FEES, WEEKDAY))
    kinds_before = module_at(BEFORE, "answer_type").asked_kinds
    kinds_weekday = module_at(WEEKDAY, "answer_type").asked_kinds

    def quantity(slots: ModuleType, with_fees: bool) -> Callable[[str, str], bool]:
        def conflict(a: str, b: str) -> bool:
            return slots.slots_conflict(slots.quantity_slots(a), slots.quantity_slots(b)) or (
                with_fees and fees.fees_conflict(a, b)
            )

        return conflict

    return {
        "S": (kinds_before, quantity(before, False)),
        "F": (kinds_before, quantity(before, True)),
        "W": (kinds_weekday, quantity(weekday, False)),
        "FW": (kinds_weekday, quantity(weekday, True)),
    }


def main() -> None:
    args = pin_veto.cache_parser(__doc__ or "", "1–15", "16").parse_args()
    settings = load_settings()
    shipped, observed = pin_veto.shipped_and_observed(
        args, model=settings.model, prefixes=settings.prefixes, tokenizer=settings.tokenizer
    )
    pinned = {i.group: i.question for i in observed.items if i.kind == "pinned"}

    def reading(how: Reading) -> b.SetParts:
        kinds, conflict = how

        def extra(item: b.PinQuestion, group: str) -> dict[str, float]:
            asked, pin = fold(item.question), fold(pinned[group])
            return {
                "asks_other": float(kinds(asked) != kinds(pin)),
                "quantity_conflict": float(conflict(asked, pin)),
            }

        return observed.parts().with_extra(extra)

    parts = {name: reading(how) for name, how in readings().items()}
    if args.decide:
        for name, p in parts.items():
            rows = [*p.tuning, *p.held, *(o for o in p.cold if o.item.batch != NEWEST)]
            held = [*p.held, *(o for o in p.cold if o.item.batch != NEWEST)]
            print(
                f"batches 1–15, {name}: {b.outcome(rows, shipped).served_at()}; held out {b.outcome(held, shipped).served_at()}"
            )
        return
    if args.misses:
        wanted = set(args.misses.split(","))
        for name in ("F", "W"):
            for before, after in zip(parts["S"].cold, parts[name].cold, strict=True):
                if before.item.batch in wanted and before.chosen(shipped) != after.chosen(shipped):
                    print(
                        f"{name} {before.item.kind} {before.item.group} {before.item.question}: {before.chosen(shipped)} → {after.chosen(shipped)}"
                    )
        return
    outcomes = {}
    for name, p in parts.items():
        report = b.held_out_report(p, NEWEST)
        outcomes[name] = {part: b.outcome(rows, shipped) for part, rows in report.items()}
        print(b.figures_line(name, report, shipped))
        cold = list(p.cold)
        print(
            "  "
            + ", ".join(
                f"batch {n} {b.outcome([o for o in cold if o.item.batch == n], shipped).served_at()}"
                for n in sorted({o.item.batch for o in cold}, key=int)
            )
        )
    for name in ("F", "W"):
        print(
            f"{name} passes: {passes_on(outcomes['S'], outcomes[name], (f'batch {NEWEST}', 'all held out'))}"
        )


if __name__ == "__main__":
    main()
