"""The quantity veto judged on the thirteenth batch, written cold (issue 13, session pins44; docs/pins44.md,
docs/measured.md, Pinned answers).

Batch 12's five false pins (p 0.975–0.997) all ask another quantity of the same notice as the pinned
question: 「5000元以上」 against a pin on 「5000元以下」, 「一共有多少块」 against 「每块地有多大」, 「每周最多能
预约几次」 against 「每次预约最多能用几个小时」, 「续借」 against 「借用期限」, 「热门课程限选几门」 against
「每位学员最多能选几门」 — no feature of the model reads which quantity is asked. The pair feature
`quantity_conflict` (`retrieval.slots.quantity_slots`, both questions read the same way) is 1 when the two name
different sides of a bracket or limit (以上/超过/至少/不少于 against 以下/以内/不满/最多/上限/不超过), a total
against each one's (一共/合计 against 每块/单个), or different kinds of asked quantity (几次 against 几个小时,
多大 against 多少钱, 多大年纪 against 几年). Decided from batches 1–12 only: over their observations (session
pins43's, as read) it fires on no paraphrase against its own pin (two did before 「不能超过」 and 「多久…一次」
were read), removes three of batch 12's five false pins, and vetoes 16 of 366 cold near misses against their
own pin. This script, committed before it was ever run on batch 13, judges it there.

    SPEECHQA_HOME=/tmp/h HF_HUB_OFFLINE=1 OMP_NUM_THREADS=1 python scripts/compare_pin_quantity.py \\
        --library BENCHLIB --cold-homes LIBS --cache obs.pickle [--misses 13] [--held-out]

BENCHLIB a bench library of the bundled speeches, LIBS the data homes c10–c14, c16, c17, c20–c27 (as
scripts/eval_all_sets.sh builds them; their pins are replaced). Questions are read as the service reads them
(`Retriever.as_read`), as docs/pins43.md's S. `--misses 13` lists every false pin and unserved paraphrase of
the shipped model in batch 13 with the quantities both questions name. `--held-out` prints the figures the
rule reads, and the verdict.

The rule, written (and committed) before any figure of batch 13 was read:

- Before anything: the veto must fire on no tuning paraphrase against its own pin.
- S: the shipped model (weights, threshold and slot veto as fitted) — what `ask` and the bot give today.
- Q: S also vetoed on `quantity_conflict` (a vetoed pin may still be offered).
- QR: refitted as `--fit` fits with `quantity_conflict` among the vetoes (the threshold set with it in place:
  lower only if the veto makes room).
- A variant *passes* when, against S, on batch 13 and over all held-out parts together (the first two
  batches' held-out part and batches 3–13), each: it serves at least as many paraphrases with fewer false
  pins, or more paraphrases with no more false pins (a paraphrase given another group's pin counts as a false
  pin, `Outcome.false_pins`).
- QR ships if it passes and, over all held-out parts, serves more than Q at no more false pins (or Q fails);
  else Q ships if it passes; else nothing ships and `retrieval/data/pins.json` stays as it is.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bench.pins as b
from cli.settings import load_settings
from retrieval import PinModel
from retrieval.slots import quantity_slots

NEWEST = "13"
VETO = "quantity_conflict"


def fires(parts: Sequence[b.Observation], veto: str, kind: str) -> list[str]:
    """The questions of this kind the veto fires on against their own group's pin."""
    return [
        o.item.question
        for o in parts
        if o.item.kind == kind and any(g == o.item.group and f.vector((veto,))[0] for g, f in o.scores)
    ]


def better(shipped: b.Outcome, variant: b.Outcome) -> bool:
    """At least as many served with fewer false pins, or more served with no more false pins."""
    return (variant.hits >= shipped.hits and variant.false_pins < shipped.false_pins) or (
        variant.hits > shipped.hits and variant.false_pins <= shipped.false_pins
    )


def passes(shipped: Mapping[str, b.Outcome], variant: Mapping[str, b.Outcome]) -> bool:
    """The rule of the module's docstring over the parts `bench.pins.held_out_report` names."""
    return all(better(shipped[p], variant[p]) for p in (f"batch {NEWEST}", "all held out"))


def main() -> None:
    parser = b.experiment_parser(__doc__ or "")
    parser.add_argument("--cold-homes", type=Path, required=True)
    parser.add_argument("--misses", default="", help="batches whose misses to list, e.g. 13")
    args = parser.parse_args()
    settings = load_settings()
    run = b.cold_experiment(
        args.library,
        args.cold_homes,
        args.cache,
        settings.model,
        settings.prefixes,
        settings.tokenizer,
        as_read=True,
    )
    observed, shipped, pinned = run.observed, run.shipped, run.pinned
    parts = observed.parts()
    if args.misses:
        for miss in b.cold_misses(parts.cold, shipped, set(args.misses.split(","))):
            print(miss.line(pinned, lambda q: str(sorted(quantity_slots(q)))))
        return
    tuning = list(parts.tuning)
    fired = fires(tuning, VETO, "paraphrase")
    print(
        f"{VETO} fires on {len(fired)} tuning paraphrases against their own pin {fired}, "
        f"{len(fires(tuning, VETO, 'near-miss'))} near misses"
    )
    if not args.held_out:
        return
    if fired:
        print("verdict: nothing ships (the veto fires on a tuning paraphrase)")
        return
    veto = (*shipped.veto, VETO)

    def fit_vetoed(observations: Sequence[b.Observation], **kw: object) -> PinModel:
        model = replace(b.fit_once(observations, **kw), veto=veto)  # type: ignore[arg-type]
        return replace(model, threshold=b.best_threshold(observations, model, float(kw["max_false"])))  # type: ignore[arg-type]

    c, _ = b.choose_strength(tuning, pairs=observed.pairs, passage_of=observed.passage_of, fit=fit_vetoed)
    refit = b.fit_pins(
        tuning, embedder=shipped.embedder, fitted_on="", strength=c, pairs=observed.pairs, fit=fit_vetoed
    )
    judges = {"S": shipped, "Q": replace(shipped, veto=veto), "QR": refit}
    print(f"QR: C = {c:g}, threshold {refit.threshold:.4f}, suggest {refit.suggest}")
    report = b.held_out_report(parts, NEWEST)
    outcomes = {n: {p: b.outcome(rows, j) for p, rows in report.items()} for n, j in judges.items()}
    for name, judge in judges.items():
        print(b.figures_line(name, report, judge))
    cold = list(parts.cold)
    for batch in sorted({o.item.batch for o in cold}, key=int):
        rows = [o for o in cold if o.item.batch == batch]
        print(
            f"  batch {batch}: "
            + ", ".join(f"{n} {b.outcome(rows, j).served_at()}" for n, j in judges.items())
        )
    held = report["all held out"]
    print(f"held-out paraphrases vetoed against their own pin: {fires(held, VETO, 'paraphrase')}")
    print(f"held-out near misses vetoed against their own pin: {len(fires(held, VETO, 'near-miss'))}")
    verdict = {n: passes(outcomes["S"], outcomes[n]) for n in ("Q", "QR")}
    q_all, qr_all = outcomes["Q"]["all held out"], outcomes["QR"]["all held out"]
    qr_better = qr_all.hits > q_all.hits and qr_all.false_pins <= q_all.false_pins
    ships = "QR" if verdict["QR"] and (qr_better or not verdict["Q"]) else "Q" if verdict["Q"] else "nothing"
    print(f"passes: {verdict}; ships: {ships}")


if __name__ == "__main__":
    main()
