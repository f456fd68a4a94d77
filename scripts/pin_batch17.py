"""Which serve threshold keeps false pins at or under 2 %? Three candidates, each fixed entirely on batches
1–16, judged on batch 17 written cold over cold32, cold7 and cold6 (issue 13, session pins59; docs/pins59.md).

    SPEECHQA_HOME=/tmp/h HF_HUB_OFFLINE=1 OMP_NUM_THREADS=1 python scripts/pin_batch17.py \\
        --cache OBS --cold-homes LIBS [--keep NEWOBS] [--decide] [--write PINS.json]

OBS the observations session pins47 kept (/tmp/pins47/obs47.pickle, batches 1–16); batch 17 is observed in
LIBS (LIBS/c32, c7, c6: copies, their pins are replaced) as `bench.pin_veto.completed` does. `--decide` prints
the three candidates only (fits and thresholds; nothing read on batch 17). The kept observations are read as
scripts/pin_learning_curve.py reads them (`asks_other`, `slot_conflict`, `quantity_conflict` re-read from the
two questions by the tree's `QuestionSide`, for every judge).

The candidates, written and committed before batch 17 existed:

- S  — the shipped model and its serve threshold (retrieval/data/pins.json, 0.973, chosen on the 83 negatives
  of batches 1–2's tuning part; since L replaced it there, read from its copy
  benchmarks/pin-models/shipped-before-pins59.json).
- S2 — the shipped weights, serve threshold re-chosen at MAX_FALSE (2 %, no wrong pin) by leave-one-batch-out
  over batches 3–16: the shipped weights are fitted on none of them, so each batch's probabilities are already
  out of fold; the threshold is `cut_for` over the 14 pooled. The offer threshold stays the shipped one (never
  above the serve threshold). Printed beside it, as a check and not a choice: each of the 14 batches judged at
  the cut chosen on the other 13 (nested), summed.
- L  — the pin model refitted on batches 1–2's tuning part plus batches 3–16 whole (pins58's recipe with
  K = 16: same features, vetoes, C by 4-fold over groups; a question's rows only its pins of batches ≤ 16), its
  serve threshold by leave-one-batch-out over the 16 batches fitted on (pooled out-of-fold, cut at MAX_FALSE:
  pins58's candidate B), the offer threshold on the part fitted on, never above the serve threshold.

The ship rule, fixed with them: a candidate *qualifies* when on batch 17 its false pins (to near misses and
unrelated questions, and another group's pin to a paraphrase) are at most 2 % of batch 17's negatives
(50 × false pins ≤ negatives: with 64 negatives, at most 1), and its served-or-offered paraphrases are not
fewer than S's by more than one. Among the candidates that qualify (S among them), the one serving the most
paraphrases on batch 17 ships; ties: fewer false pins, then S, S2, L in that order (the smaller change first).
If none qualifies, S stays, and the figures are recorded. Also reported, not ruling: batches 13–16 and all
held out (S2's threshold is chosen on batches 3–16 and L is fitted on them: partly fitted, marked so).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pin_learning_curve as lc

import bench.pins as b
from retrieval import PinModel, load_pin_judge

JUDGED = "17"  # the batch written cold after the candidates were fixed
TUNED = tuple(str(n) for n in range(3, 17))  # the cold batches the thresholds are chosen on (3–16)
REFIT_K = 16
ORDER = ("S", "S2", "L")  # the smaller change first, for ties
BEFORE = Path(__file__).resolve().parent.parent / "benchmarks" / "pin-models" / "shipped-before-pins59.json"
Judged = lc.Judged
within_budget = lc.within_budget
qualifies = lc.qualifies


def ships(judged: dict[str, Judged]) -> str:
    """The committed rule (see the module's docstring): which of S, S2, L ships on the judged batch."""
    return lc.ships(judged, ORDER)


def loo_cut(
    rows: list[b.Observation], best: list[tuple[float, str | None]], batches: tuple[str, ...]
) -> tuple[float, b.Outcome, b.Outcome]:
    """S2's threshold: `cut_for` over the pooled batches; with the pooled outcome at it and the nested check
    (each batch judged at the cut chosen on the others)."""
    keep = [(o, x) for o, x in zip(rows, best, strict=True) if o.item.batch in batches]
    pool, pbest = [o for o, _ in keep], [x for _, x in keep]
    cut = b.cut_for(pool, pbest, b.MAX_FALSE)
    at = b.tally((o, g if p >= cut else None) for o, (p, g) in keep)
    nested = b.Outcome(0, 0, 0, 0, 0, 0, 0)
    for batch in batches:
        inside = [(o, x) for o, x in keep if o.item.batch != batch]
        t = b.cut_for([o for o, _ in inside], [x for _, x in inside], b.MAX_FALSE)
        nested = nested + b.tally((o, g if p >= t else None) for o, (p, g) in keep if o.item.batch == batch)
    return cut, at, nested


def candidates(
    shipped: PinModel, observed: b.ObservedSet, parts: b.SetParts
) -> tuple[dict[str, PinModel], list[str]]:
    """S, S2 and L, each fixed on batches 1–16 only; with the lines describing how."""
    lines: list[str] = []
    tuned = [o for o in parts.cold if o.item.batch in TUNED]
    cut, at, nested = loo_cut(tuned, b.best_served(tuned, shipped), TUNED)
    s2 = lc.with_batch_cut(shipped, cut, "serve threshold re-chosen by leave-one-batch-out over batches 3–16")
    lines.append(
        f"S2: shipped weights, threshold {cut:.4f} chosen on batches 3–16 (there: {at.served_at()}; "
        f"each batch at the cut of the other 13: {nested.served_at()})"
    )
    batch_of = {i.group: i.batch for i in observed.items}
    rows = lc.training(parts, batch_of, REFIT_K)
    refit, folds = lc.fit_k(rows, observed, shipped.embedder, REFIT_K)
    c = lc.strength_of(refit)
    lcut, oof = lc.batch_cv_threshold(rows, observed, refit, c)
    el = lc.with_batch_cut(refit, lcut, "serve threshold by leave-one-batch-out")
    lines.append(
        f"{lc.fitted_line('L', rows, c, folds)}; own-part threshold {refit.threshold:.4f}; "
        f"leave-one-batch-out threshold {lcut:.4f} (out of fold at it: {oof.served_at()}); {lc.describe(el)}"
    )
    return {"S": shipped, "S2": s2, "L": el}, lines


def report_parts(parts: b.SetParts) -> dict[str, list[b.Observation]]:
    cold = list(parts.cold)
    return {
        f"batch {JUDGED} (judged)": [o for o in cold if o.item.batch == JUDGED],
        "first two batches held out (never fitted)": list(parts.held),
        "batches 13–16 (S2 chosen, L fitted on them)": [
            o for o in cold if o.item.batch in ("13", "14", "15", "16")
        ],
        "all held out (partly fitted: S2 3–16, L 3–16)": [*parts.held, *cold],
    }


def main() -> None:
    args, observed = lc.batch_arguments(__doc__ or "", "1–16", JUDGED)
    # S is the model shipped before this experiment (L replaced it in retrieval/data/pins.json), kept apart
    shipped = load_pin_judge(BEFORE)
    if not isinstance(shipped, PinModel):
        sys.exit(f"读不到实验前的置顶模型：{BEFORE}")
    pinned = {i.group: i.question for i in observed.items if i.kind == "pinned"}
    parts = lc.reread(observed.parts(), pinned)
    lc.judge_batch(args, candidates(shipped, observed, parts), report_parts(parts), JUDGED, ORDER)


if __name__ == "__main__":
    main()
