"""Reading the kind a noun-phrase question asks, judged on the fourteenth batch, written cold (issue 13,
session pins45; docs/pins45.md, docs/measured.md, Pinned answers).

Of batch 13's 38 unserved paraphrases 15 were noun phrases — 「90岁生日慰问标准」 for 「…寿辰慰问金是多少？」,
「茶艺培训班招生人数」 for 「…招收多少名学员？」. They name no interrogative, so `interrogative_kinds` read no
kind in them, and against a pin asking 多少 `asks_other` was 1: a logit of about −1.8 in the shipped model,
the same as a near miss asking for a time instead of a figure. `retrieval.answer_type.asked_kinds` reads,
the same way on both questions, the kind a question typed as a noun phrase asks by the noun it ends on
(标准/上限/人数/次数/年龄… → number, 时间/日期/期限 → time, 地点 → place, 原因 → reason; 「年龄要求」 as 年龄),
only when nothing in it asks (no interrogative, no 吗/呢), and the spoken 啥时候/啥地方 as 什么时候/什么地方.
Decided from batches 1–13 only: against their own pin it turns `asks_other` from 1 to 0 for 52 paraphrases
and from 0 to 1 for 5 (pins asking 「以什么为标准」「什么时段」「哪几天」, which name no kind), and for no near
miss. This script, committed before it was ever run on batch 14, measures it there.

    SPEECHQA_HOME=/tmp/h HF_HUB_OFFLINE=1 OMP_NUM_THREADS=1 python scripts/compare_pin_asked.py \\
        --library BENCHLIB --cold-homes LIBS --cache obs.pickle [--decide | --held-out] [--misses 14]

BENCHLIB a bench library of the bundled speeches, LIBS the data homes c10–c17, c20–c29 (as
scripts/eval_all_sets.sh builds them; their pins are replaced). Observations are made as the service reads
questions (`Retriever.as_read`) by the code without the reading (S); the variants re-read `asks_other` from
the two questions as typed. `--decide` prints the figures over batches 1–13 only (what the change was chosen
on); `--held-out` the figures the rule reads, and the verdict; `--misses 14` the false pins and unserved
paraphrases of the shipped model with the new reading, with both questions' kinds.

The rule, written (and committed) before any figure of batch 14 was read:

- S: the shipped model as on main (weights, threshold, slot and quantity vetoes) — `ask` and the bot today.
- K: S with `asks_other` read by `asked_kinds` (the same weights and threshold).
- KR: refitted as `--fit` fits, with the new reading in the tuning observations and the derived pairs.
- A variant *passes* when, against S, on batch 14 and over all held-out parts together (the first two
  batches' held-out part and batches 3–14), each: it serves at least as many paraphrases with fewer false
  pins, or more paraphrases with no more false pins (a paraphrase given another group's pin counts as a
  false pin, `Outcome.false_pins`).
- KR ships if it passes and, over all held-out parts, serves more than K at no more false pins (or K fails);
  else K ships if it passes; else nothing ships and `asks_other` stays read by `interrogative_kinds`.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bench.pins as b
from bench import pin_veto
from cli.settings import load_settings
from retrieval.answer_type import asked_kinds, interrogative_kinds
from retrieval.pins import fold

NEWEST = "14"


def asks_other(asked: str, pinned: str) -> float:
    return float(asked_kinds(fold(asked)) != asked_kinds(fold(pinned)))


def passes(shipped: Mapping[str, b.Outcome], variant: Mapping[str, b.Outcome]) -> bool:
    """The rule of the module's docstring over the parts `bench.pins.held_out_report` names."""
    return pin_veto.passes_on(shipped, variant, (f"batch {NEWEST}", "all held out"))


def kinds(question: str) -> str:
    folded = fold(question)
    return f"{sorted(interrogative_kinds(folded))}→{sorted(asked_kinds(folded))}"


def main() -> None:
    parser = b.experiment_parser(__doc__ or "")
    parser.add_argument("--cold-homes", type=Path, required=True)
    parser.add_argument("--decide", action="store_true", help="the figures over batches 1–13 only")
    parser.add_argument("--misses", default="", help="batches whose misses to list, e.g. 14")
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
    plain = observed.parts()
    read = plain.with_extra(lambda item, group: {"asks_other": asks_other(item.question, pinned[group])})
    pairs = b.pairs_with_extra(observed.pairs, lambda p: {"asks_other": asks_other(p.asked, p.pinned)})
    if args.misses:
        for miss in b.cold_misses(read.cold, shipped, set(args.misses.split(","))):
            print(miss.line(pinned, kinds))
        return
    if args.decide:
        before = [*plain.tuning, *plain.held, *(o for o in plain.cold if o.item.batch != NEWEST)]
        after = [*read.tuning, *read.held, *(o for o in read.cold if o.item.batch != NEWEST)]
        for name, rows in (("S", before), ("K", after)):
            print(f"batches 1–13, {name}: {b.outcome(rows, shipped).served_at()}")
        return
    if not args.held_out:
        return
    tuning = list(read.tuning)
    c, _ = b.choose_strength(tuning, pairs=pairs, passage_of=observed.passage_of)
    refit = b.fit_pins(tuning, embedder=shipped.embedder, fitted_on="", strength=c, pairs=pairs)
    print(f"KR: C = {c:g}, threshold {refit.threshold:.4f}, suggest {refit.suggest}, veto {refit.veto}")
    judged = {"S": (plain, shipped), "K": (read, shipped), "KR": (read, refit)}
    outcomes = {}
    for name, (parts, judge) in judged.items():
        report = b.held_out_report(parts, NEWEST)
        outcomes[name] = {p: b.outcome(rows, judge) for p, rows in report.items()}
        print(b.figures_line(name, report, judge))
        cold = list(parts.cold)
        print(
            "  "
            + ", ".join(
                f"batch {n} {b.outcome([o for o in cold if o.item.batch == n], judge).served_at()}"
                for n in sorted({o.item.batch for o in cold}, key=int)
            )
        )
    verdict = {n: passes(outcomes["S"], outcomes[n]) for n in ("K", "KR")}
    k_all, kr_all = outcomes["K"]["all held out"], outcomes["KR"]["all held out"]
    kr_better = kr_all.hits > k_all.hits and kr_all.false_pins <= k_all.false_pins
    ships = "KR" if verdict["KR"] and (kr_better or not verdict["K"]) else "K" if verdict["K"] else "nothing"
    print(f"passes: {verdict}; ships: {ships}")


if __name__ == "__main__":
    main()
