"""Money asked by what is paid, for the quantity veto, judged on the fifteenth batch, written cold (issue 13,
session pins46; docs/pins46.md, docs/measured.md, Pinned answers).

The quantity veto (`retrieval.slots.quantity_slots`, session pins44) reads the kind of quantity a question
asks by the unit after its 几/多少 — 「多少钱」「几元」 money, 「几次」 times. A question asking money by
naming what is paid (「上门助浴服务每次收费多少？」, 「每年交多少会费」) named no kind, so against 「上门助浴每月
几次？」 nothing conflicted: batch 14's false pin at p 0.978. The change reads ("asked", "money") wherever
`retrieval.answer_type.asks_for` — the reading the answer finder marks 「要点」 by — says the question asks money
(what is paid just before 多少 with only verbs or measures of the payment between, or right after it), the
same way on both questions. Decided from batches 1–14 only (session pins45's observations, features re-read
from the two questions as typed): against their own pin it sets `quantity_conflict` for 7 near misses and
no paraphrase; served 276/663 at 36/675 false pins over all held out → 276/663 at 35/675 (the 上门助浴 one).
This script, committed with the change and before it was ever run on batch 15, measures it there.

    SPEECHQA_HOME=/tmp/h HF_HUB_OFFLINE=1 OMP_NUM_THREADS=1 python scripts/compare_pin_money.py \\
        --cache OBS --cold-homes LIBS [--keep NEWOBS] [--decide] [--misses 15]

OBS the observations of the pin set a pin experiment kept (`--cache` of scripts/compare_pin_*.py, e.g.
session pins45's over batches 1–14); the questions it lacks that name a library are observed in LIBS (the
data homes scripts/eval_all_sets.sh builds: LIBS/c18 …; copies, their pins are replaced) as the service reads
them, and the whole kept in NEWOBS. Both matchers re-read `asks_other` (`asked_kinds`, as shipped) and
`quantity_conflict` from the two questions as typed, so observations made by older code count alike.
`--decide` prints the figures over batches 1–14 only (what the change was chosen on).

The rule, written (and committed) before any figure of batch 15 was read:

- S: the shipped model as on main (weights, threshold, slot and quantity vetoes) — `ask` and the bot today.
- M: S with `quantity_slots` reading money where `asks_for` does (the same weights, threshold and vetoes).
- M *ships* when, against S, on batch 15 and over all held-out parts together (the first two batches'
  held-out part and batches 3–15), each: it serves at least as many paraphrases with fewer false pins, or more
  paraphrases with no more false pins (a paraphrase given another group's pin counts as a false pin,
  `Outcome.false_pins`). Otherwise it is taken back out, measured. No refit: the change only vetoes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bench.pins as b
from bench import pin_veto
from bench.pin_veto import module_at, passes_on
from cli.settings import load_settings
from retrieval.answer_type import asked_kinds
from retrieval.pins import fold

NEWEST = "15"
BEFORE = "34384af"  # the commit before the change: the fifteenth batch added to main, nothing else
CHANGE = "c5de6a6"  # the change (taken back out after this measure: the rule did not hold)


def main() -> None:
    args = pin_veto.cache_parser(__doc__ or "", "1–14", "15").parse_args()
    settings = load_settings()
    shipped, observed = pin_veto.shipped_and_observed(
        args, model=settings.model, prefixes=settings.prefixes, tokenizer=settings.tokenizer
    )
    pinned = {i.group: i.question for i in observed.items if i.kind == "pinned"}
    old, new = module_at(BEFORE, "slots"), module_at(CHANGE, "slots")

    def reading(quantities: Callable[[str], frozenset[tuple[str, str]]]) -> b.SetParts:
        def extra(item: b.PinQuestion, group: str) -> dict[str, float]:
            asked, pin = item.question, pinned[group]
            return {
                "asks_other": float(asked_kinds(fold(asked)) != asked_kinds(fold(pin))),
                "quantity_conflict": float(old.slots_conflict(quantities(asked), quantities(pin))),
            }

        return observed.parts().with_extra(extra)

    parts = {"S": reading(old.quantity_slots), "M": reading(new.quantity_slots)}
    if args.decide:
        for name, p in parts.items():
            rows = [*p.tuning, *p.held, *(o for o in p.cold if o.item.batch != NEWEST)]
            held = [*p.held, *(o for o in p.cold if o.item.batch != NEWEST)]
            print(
                f"batches 1–14, {name}: {b.outcome(rows, shipped).served_at()}; held out {b.outcome(held, shipped).served_at()}"
            )
        return
    if args.misses:
        wanted = set(args.misses.split(","))
        for before, after in zip(parts["S"].cold, parts["M"].cold, strict=True):
            if before.item.batch in wanted and before.chosen(shipped) != after.chosen(shipped):
                print(
                    f"{before.item.kind} {before.item.group} {before.item.question}: {before.chosen(shipped)} → {after.chosen(shipped)}"
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
    verdict = passes_on(outcomes["S"], outcomes["M"], (f"batch {NEWEST}", "all held out"))
    print(f"M passes: {verdict}; ships: {'M' if verdict else 'nothing'}")


if __name__ == "__main__":
    main()
