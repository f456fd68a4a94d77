"""Does a veto on a sibling swap — the asked question naming the pinned question's head with another modifier
of it (原标准 against 新标准, 较重困难 against 一般困难), or the value before (原来) against the one in force —
keep the shipped model's false pins within the bound on a new batch? Candidates fixed entirely on batches 1–18,
judged on batch 19 written cold over cold16, cold21, cold24 and cold33 (issue 13, session pins61;
docs/pins61.md).

    SPEECHQA_HOME=/tmp/h HF_HUB_OFFLINE=1 OMP_NUM_THREADS=1 python scripts/pin_batch19.py \\
        --cache OBS --cold-homes LIBS [--keep NEWOBS] [--decide] [--misses 19] [--write PINS.json]

OBS the observations of batches 1–18 (`bench.pins.observe_set` over the bench library and the cold homes, as
`bench.pins.cold_experiment` keeps them); batch 19 is observed in LIBS (LIBS/c16, c21, c24, c33: copies, their
pins are replaced) as `bench.pin_veto.completed` does. `--decide` prints the candidates and what each veto does
on batches 1–18 (paraphrases it stops serving, false pins it removes; nothing read on batch 19). The kept
observations are re-read as scripts/pin_learning_curve.py reads them (`asks_other`, `slot_conflict`,
`quantity_conflict`, and `contrast` and `sibling`, from the two questions by the tree's `QuestionSide`).

The candidates, written and committed before batch 19 existed:

- L — the shipped model (retrieval/data/pins.json: pins59's, fitted on batches 1–2's tuning part and 3–16
  whole, serve threshold 0.9862 by leave-one-batch-out, offer from 0.568).
- S — L with a veto on `sibling` (`retrieval.pins.sibling_swapped`): such a pin is never served (it may still
  be offered). No refit: L's weights and thresholds.
- SC — S with a veto on `contrast` too, as session pins61 reads it (a negated bound word is its other side;
  only disjoint values of a kind, words both name set aside: `retrieval.slots.contrasted`).

Fixed on batches 1–18 (`--decide`, 25 s): against L, S stops serving no paraphrase and removes 5 false pins
(batch 10's 部分/完全不能自理 and 原来; batch 18's three), SC no paraphrase and 8 (also batch 16's two 每次/每年累计
and batch 17's). The sibling reading was revised twice on what it cost there — a stretch before a shared head
anywhere in a reworded question (8 paraphrases lost: verbs swapped, 保障/落实), then with the question words
deleted (3 lost: 「搞哪种」 against 「开展什么」) — before it lost none; batch 19 is its first unseen test.

The ship rule, fixed with them (pins60's): a candidate *qualifies* when on batch 19 its false pins (to near
misses and unrelated questions, and another group's pin to a paraphrase) are at most 2 % of batch 19's
negatives (50 × false pins ≤ negatives: with 64 negatives, at most 1), and its served-or-offered paraphrases
are not fewer than L's by more than one. Among the candidates that qualify (L among them), the one serving the
most paraphrases on batch 19 ships; ties: fewer false pins, then L, S, SC in that order (no change first). If
none qualifies, L stays, and the figures are recorded. Also reported, not ruling: batch 18, the first two
batches' held-out part and all held out.
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
from retrieval.pins import QuestionSide, sibling_swapped
from retrieval.slots import contrasted
from retrieval.vocabulary import bundled_lexicon

JUDGED = "19"  # the batch written cold after the candidates were fixed
ORDER = ("L", "S", "SC")  # no change first, then the smaller change, for ties
VETOES = {"L": (), "S": ("sibling",), "SC": ("sibling", "contrast")}
Judged = lc.Judged
within_budget = lc.within_budget
qualifies = lc.qualifies


def ships(judged: dict[str, Judged]) -> str:
    """The committed rule (see the module's docstring): L, S or SC on the judged batch."""
    return lc.ships(judged, ORDER)


def features_of(asked: str, pinned: str) -> dict[str, float]:
    """`contrast` and `sibling` as matching reads them (`retrieval.pins.pair_features`): on the two folded
    questions, with the bundled lexicon (the bench's libraries have no synonyms of their own)."""
    new, pin = QuestionSide.of(asked), QuestionSide.of(pinned)
    return {
        "contrast": float(bool(contrasted(new.text, pin.text))),
        "sibling": float(sibling_swapped(new.text, pin.text, bundled_lexicon())),
    }


def reread(parts: b.SetParts, pinned: dict[str, str]) -> b.SetParts:
    """`pin_learning_curve.reread`, with `contrast` and `sibling` beside."""
    return lc.reread(parts, pinned, features_of)


def candidates(shipped: PinModel) -> dict[str, PinModel]:
    """L, S and SC: the shipped model and its vetoes (no refit)."""
    return {n: replace(shipped, veto=(*shipped.veto, *v)) for n, v in VETOES.items()}


def veto_lines(models: dict[str, PinModel], rows: list[b.Observation], pinned: dict[str, str]) -> list[str]:
    """What each veto candidate changes against L on `rows`: the paraphrases it stops serving and the false
    pins it removes, each question with the pin it no longer gets."""
    shipped = models["L"]
    lines = []
    for name, model in models.items():
        if name == "L":
            continue
        lost, removed = [], []
        for o in rows:
            before, after = o.chosen(shipped), o.chosen(model)
            if before == after or before is None:
                continue
            right = o.item.kind == "paraphrase" and before == o.item.group
            (lost if right else removed).append(
                f"    {o.item.batch or '1'} {o.item.kind} {o.item.question} | {pinned[before]}"
            )
        lines.append(
            f"{name} on batches 1–18: {len(lost)} paraphrases lost, {len(removed)} false pins removed"
        )
        lines += ["  lost:", *lost, "  removed:", *removed]
    return lines


def report_parts(parts: b.SetParts) -> dict[str, list[b.Observation]]:
    cold = list(parts.cold)
    return {
        f"batch {JUDGED} (judged)": [o for o in cold if o.item.batch == JUDGED],
        "first two batches held out (never fitted)": list(parts.held),
        "batch 18": [o for o in cold if o.item.batch == "18"],
        "batch 17": [o for o in cold if o.item.batch == "17"],
        "never fitted by L (17–19, first two batches held out)": [
            *parts.held,
            *(o for o in cold if o.item.batch in ("17", "18", JUDGED)),
        ],
        "all held out (partly fitted: L 3–16)": [*parts.held, *cold],
    }


def main() -> None:
    run = lc.blind_batch(__doc__ or "", "1–18", JUDGED, reread)
    args, shipped, pinned, parts = run.args, run.shipped, run.pinned, run.parts
    models = candidates(shipped)
    lines = []
    if args.decide:  # what each veto does on batches 1–18, and every candidate's figures there
        lines = veto_lines(models, [*parts.tuning, *parts.held, *parts.cold], pinned)
        fixed_on = {
            "batches 1–2's tuning part": list(parts.tuning),
            **{k: v for k, v in report_parts(parts).items() if k != f"batch {JUDGED} (judged)"},
        }
        lines += [b.figures_line(n, fixed_on, m) for n, m in models.items()]
    lc.judge_batch(args, (models, lines), report_parts(parts), JUDGED, ORDER)


if __name__ == "__main__":
    main()
