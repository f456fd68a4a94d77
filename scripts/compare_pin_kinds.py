"""The kind-swap veto judged on the eleventh batch, written cold (issue 13, session pins42; docs/measured.md,
Pinned answers).

Session pins41 counted, after its held-out run (so as a lead, not a verdict), a veto on serving a pin when one
question names those who do the work (老干部工作者, 工作人员, 「做老干部工作的同志」) and not the cadres, and the
other the cadres (老干部, 老同志, 干部) and not those who do the work: the shipped weights with it served
221/471 held-out paraphrases at 22/420 false pins (30/420 without), and refitted as `--fit` would, 226/471 at
25/420. It is now the pair feature `kind_swap` (`retrieval.groups.kinds_swapped`, exactly pins41's
`kind_swap`), not yet in the shipped model. This script judges it on batch 11 (cold10, cold11, cold12),
committed before it was ever run.

    SPEECHQA_HOME=/tmp/h HF_HUB_OFFLINE=1 OMP_NUM_THREADS=1 python scripts/compare_pin_kinds.py \\
        --library BENCHLIB --cold-homes LIBS --cache obs.pickle [--misses 11] [--held-out]

BENCHLIB a bench library of the bundled speeches, LIBS the data homes c10, c11, c12, c16, c21, c22, c23, c24,
c25 (as scripts/eval_all_sets.sh builds them; their pins are replaced). `--misses 11` lists every false pin
and unserved paraphrase of the shipped model in batch 11 with the groups and slots both questions name.
`--held-out` prints the figures the rule reads, and the verdict.

The rule, written (and committed) before any figure of batch 11 was read:

- Before anything: the veto must fire on no tuning paraphrase against its own pin.
- K: the shipped model (weights, threshold and slot veto as fitted), also vetoed on `kind_swap`.
- KR: refitted as `--fit` fits with `kind_swap` among the vetoes (the threshold set with it in place).
- A variant *passes* when, against the shipped model: on batch 11 it serves no fewer paraphrases and has fewer
  false pins; over all held-out parts together (the first two batches' held-out part and batches 3–11) it
  serves no fewer and has fewer false pins; and on neither other part (the first two batches' held-out part,
  batches 3–10) does it serve fewer or have more false pins.
- KR ships if it passes and, over all held-out parts, serves more than K at no more false pins (or K fails);
  else K ships if it passes; else nothing ships and `retrieval/data/pins.json` stays as it is.
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
from retrieval.groups import question_groups
from retrieval.slots import question_slots

NEWEST = "11"
VETO = "kind_swap"


def fires(parts: Sequence[b.Observation], veto: str, kind: str) -> list[str]:
    """The questions of this kind the veto fires on against their own group's pin."""
    return [
        o.item.question
        for o in parts
        if o.item.kind == kind and any(g == o.item.group and f.vector((veto,))[0] for g, f in o.scores)
    ]


def passes(shipped: Mapping[str, b.Outcome], variant: Mapping[str, b.Outcome]) -> bool:
    """The rule of the module's docstring over the parts `bench.pins.held_out_report` names."""
    newest, everything = f"batch {NEWEST}", "all held out"
    better = all(
        variant[p].hits >= shipped[p].hits and variant[p].false_pins < shipped[p].false_pins
        for p in (newest, everything)
    )
    no_worse = all(
        variant[p].hits >= shipped[p].hits and variant[p].false_pins <= shipped[p].false_pins
        for p in shipped
        if p not in (newest, everything)
    )
    return better and no_worse


def main() -> None:
    parser = b.experiment_parser(__doc__ or "")
    parser.add_argument("--cold-homes", type=Path, required=True)
    parser.add_argument("--misses", default="", help="batches whose misses to list, e.g. 11")
    args = parser.parse_args()
    settings = load_settings()
    run = b.cold_experiment(
        args.library, args.cold_homes, args.cache, settings.model, settings.prefixes, settings.tokenizer
    )
    observed, shipped, pinned = run.observed, run.shipped, run.pinned
    parts = observed.parts()
    if args.misses:
        for miss in b.cold_misses(parts.cold, shipped, set(args.misses.split(","))):
            print(miss.line(pinned, lambda q: f"{sorted(question_groups(q))} {sorted(question_slots(q))}"))
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
    judges = {
        "shipped": shipped,
        "K": replace(shipped, veto=veto),
        "KR": refit,
    }
    print(f"KR: C = {c:g}, threshold {refit.threshold:.4f}, suggest {refit.suggest:.4f}")
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
    print(
        f"held-out paraphrases vetoed against their own pin: {fires(report['all held out'], VETO, 'paraphrase')}"
    )
    print(
        f"held-out near misses vetoed against their own pin: {fires(report['all held out'], VETO, 'near-miss')}"
    )
    verdict = {n: passes(outcomes["shipped"], outcomes[n]) for n in ("K", "KR")}
    k_all, kr_all = outcomes["K"]["all held out"], outcomes["KR"]["all held out"]
    kr_better = kr_all.hits > k_all.hits and kr_all.false_pins <= k_all.false_pins
    ships = "KR" if verdict["KR"] and (kr_better or not verdict["K"]) else "K" if verdict["K"] else "nothing"
    print(f"passes: {verdict}; ships: {ships}")


if __name__ == "__main__":
    main()
