"""Does a feature reading what differs between the asked and the pinned question — a word of one contrasting
kind against another (每次 against 每年累计, 以上 against 以下, 离休 against 退休, 开幕 against 闭幕) — tell
near misses one word apart from paraphrases? Two candidates, each fixed entirely on batches 1–17, judged on
batch 18 written cold over cold2, cold3, cold4 and cold5 (issue 13, session pins60; docs/pins60.md).

    SPEECHQA_HOME=/tmp/h HF_HUB_OFFLINE=1 OMP_NUM_THREADS=1 python scripts/pin_batch18.py \\
        --cache OBS --cold-homes LIBS [--keep NEWOBS] [--decide] [--write PINS.json]

OBS the observations session pins59 kept (/tmp/pins59/obs59.pickle, batches 1–17); batch 18 is observed in
LIBS (LIBS/c2 … c5: copies, their pins are replaced) as `bench.pin_veto.completed` does. `--decide` prints
the candidates only (fits and thresholds; nothing read on batch 18). The kept observations are re-read as
scripts/pin_learning_curve.py reads them (`asks_other`, `slot_conflict`, `quantity_conflict`, and now
`contrast`, from the two questions by the tree's `QuestionSide`, for every judge; `contrast` also for the
pairs derived from the retrieval questions).

The candidates, written and committed before batch 18 existed:

- L — the shipped model (retrieval/data/pins.json: pins59's, fitted on batches 1–2's tuning part and 3–16
  whole, serve threshold 0.9862 by leave-one-batch-out, offer from 0.568).
- C — L's features and `contrast` (retrieval.slots.contrasted: the two questions name different values of one
  contrasting kind), refitted by pins59's recipe with K = 17 (batches 1–2's tuning part and batches 3–17
  whole; C by 4-fold over groups; a question's rows only its pins of batches ≤ 17), serve threshold by
  leave-one-batch-out over the 17 batches fitted on (pooled out of fold, cut at ≤ 2 % false pins and no wrong
  pin), offer threshold on the part fitted on, never above the serve threshold.

Printed beside them, never ruling: L17 — L's features refitted the same way on batches 1–17 (what more data
alone does, apart from the feature).

The ship rule, fixed with them: a candidate *qualifies* when on batch 18 its false pins (to near misses and
unrelated questions, and another group's pin to a paraphrase) are at most 2 % of batch 18's negatives
(50 × false pins ≤ negatives: with 64 negatives, at most 1), and its served-or-offered paraphrases are not
fewer than L's by more than one. Among the candidates that qualify (L among them), the one serving the most
paraphrases on batch 18 ships; ties: fewer false pins, then L (no change). If none qualifies, L stays, and
the figures are recorded. Also reported, not ruling: batch 17 (fitted on by C) and all held out.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pin_learning_curve as lc

import bench.pins as b
from retrieval import PinModel
from retrieval.pins import QuestionSide
from retrieval.slots import contrasted

JUDGED = "18"  # the batch written cold after the candidates were fixed
REFIT_K = 17
ORDER = ("L", "C")  # the smaller change first, for ties
FEATURE = "contrast"
Judged = lc.Judged
within_budget = lc.within_budget
qualifies = lc.qualifies


def ships(judged: dict[str, Judged]) -> str:
    """The committed rule (see the module's docstring): L or C on the judged batch."""
    return lc.ships(judged, ORDER)


def contrast_of(asked: str, pinned: str) -> float:
    """The feature as matching reads it (`retrieval.pins.pair_features`): on the two folded questions."""
    return float(bool(contrasted(QuestionSide.of(asked).text, QuestionSide.of(pinned).text)))


def reread(parts: b.SetParts, pinned: dict[str, str]) -> b.SetParts:
    """`pin_learning_curve.reread`, with `contrast` beside."""
    return lc.reread(parts, pinned, lambda asked, pin: {FEATURE: contrast_of(asked, pin)})


def with_pairs_reread(observed: b.ObservedSet) -> b.ObservedSet:
    pairs = b.pairs_with_extra(observed.pairs, lambda p: {FEATURE: contrast_of(p.asked, p.pinned)})
    return replace(observed, pairs=tuple(pairs))


def candidates(
    shipped: PinModel, observed: b.ObservedSet, parts: b.SetParts
) -> tuple[dict[str, PinModel], list[str]]:
    """L and C (and L17, reported only), each fixed on batches 1–17 only; with the lines describing how."""
    lines: list[str] = []
    batch_of = {i.group: i.batch for i in observed.items}
    rows = lc.training(parts, batch_of, REFIT_K)
    models = {"L": shipped}
    for name, features in (("C", (*b.MODEL_FEATURES, FEATURE)), ("L17", b.MODEL_FEATURES)):
        refit, folds = lc.fit_k(rows, observed, shipped.embedder, REFIT_K, tuple(features))
        c = lc.strength_of(refit)
        cut, oof = lc.batch_cv_threshold(rows, observed, refit, c)
        models[name] = lc.with_batch_cut(refit, cut, "serve threshold by leave-one-batch-out")
        lines.append(
            f"{lc.fitted_line(name, rows, c, folds)}; own-part threshold {refit.threshold:.4f}; "
            f"leave-one-batch-out threshold {cut:.4f} (out of fold at it: {oof.served_at()})"
        )
    return models, lines


def report_parts(parts: b.SetParts) -> dict[str, list[b.Observation]]:
    cold = list(parts.cold)
    return {
        f"batch {JUDGED} (judged)": [o for o in cold if o.item.batch == JUDGED],
        "first two batches held out (never fitted)": list(parts.held),
        "batch 17 (C, L17 fitted on it)": [o for o in cold if o.item.batch == "17"],
        "all held out (partly fitted: L 3–16, C and L17 3–17)": [*parts.held, *cold],
    }


def main() -> None:
    run = lc.blind_batch(__doc__ or "", "1–17", JUDGED, reread, with_pairs_reread)
    made = candidates(run.shipped, run.observed, run.parts)
    lc.judge_batch(run.args, made, report_parts(run.parts), JUDGED, ORDER)


if __name__ == "__main__":
    main()
