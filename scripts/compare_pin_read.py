"""The pin model fitted and measured on questions as the service reads them, judged on the twelfth batch,
written cold (issue 13, session pins43; docs/pins43.md, docs/measured.md, Pinned answers).

`speechqa ask` and the bot decide a pin on the question as read — homophone typos corrected (「报消」 →
报销), spoken forms as the library writes them (礼拜三 → 星期三, 百分之五 → 5%), a pasted chat's frame taken
off (`Retriever.as_read`) — but `speechqa bench pins` gave the matcher the question as typed, and `--fit`
fitted on that: a typo'd paraphrase counted unserved although staff get its pin (batches 9/10/11: 9/13/5 of
48 served as asked, 7/11/3 counted), and the model learnt that a typo's strange word is a word the pinned
question lacks. Batch 11's unserved paraphrases were spoken words 13, other words 12, noun phrases 9,
typos 7 (docs/pins42.md); the change reads them all as the service does, in the bench and in the fit
(`bench.pins.AS_READ`), and refits. Decided from batches 1–11 (their misses, session pins42), never 12.

    SPEECHQA_HOME=/tmp/h HF_HUB_OFFLINE=1 OMP_NUM_THREADS=1 python scripts/compare_pin_read.py \\
        --library BENCHLIB --cold-homes LIBS --cache obs-read.pickle --typed-cache obs-typed.pickle \\
        [--held-out] [--write]

BENCHLIB a bench library of the bundled speeches, LIBS the data homes c10 … c25 (as
scripts/eval_all_sets.sh builds them; their pins are replaced; the typed run needs its own copies of
both, as each run re-pins their stores). Without `--held-out` it prints the tuning part only; with it the
figures the rule reads, and the verdict; `--write` then writes the refitted model to
retrieval/data/pins.json if (and only if) it ships.

The rule, written (and committed) before any figure of batch 12 was read:

- S: the shipped model (retrieval/data/pins.json, fitted on questions as typed), measured as read —
  what `ask` and the bot give today.
- R: the model refitted as `speechqa bench pins --fit` now fits it (the tuning part and the derived
  pairs as read; C by cross-validation over the groups), measured as read.
- R ships when, against S: on batch 12 it serves more paraphrases with no more false pins, and over all
  held-out parts together (the first two batches' held-out part and batches 3–12) it serves more
  paraphrases with no more false pins; a paraphrase given another group's pin counts as a false pin here
  too (`Outcome.false_pins`).
- Else nothing ships: `retrieval/data/pins.json` stays, and `bench.pins.AS_READ` goes back to False
  (the bench and `--fit` read questions as typed again, so `--fit` reproduces the shipped model).
- Reported beside, not judged: S as typed (what `bench pins` counted before), each batch apart, and the
  parts before batch 12.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bench.pins as b
from cli.settings import load_settings
from retrieval.pins import DEFAULT_PIN_MODEL_PATH

NEWEST = "12"


def ships(shipped: b.Outcome, refit: b.Outcome) -> bool:
    """One part of the rule: more paraphrases served, no more false pins."""
    return refit.hits > shipped.hits and refit.false_pins <= shipped.false_pins


def main() -> None:
    parser = b.experiment_parser(__doc__ or "")
    parser.add_argument("--cold-homes", type=Path, required=True)
    parser.add_argument("--typed-cache", type=Path, help="the observations as typed (their own cache)")
    parser.add_argument("--typed-library", type=Path, help="a second bench library for the typed run")
    parser.add_argument("--typed-homes", type=Path, help="second copies of the cold homes for the typed run")
    parser.add_argument("--write", action="store_true", help="write the refitted model if it ships")
    args = parser.parse_args()
    settings = load_settings()

    def experiment(library: Path, homes: Path, cache: Path | None, as_read: bool) -> b.ColdExperiment:
        return b.cold_experiment(
            library, homes, cache, settings.model, settings.prefixes, settings.tokenizer, as_read=as_read
        )

    run = experiment(args.library, args.cold_homes, args.cache, True)
    observed, shipped = run.observed, run.shipped
    parts = observed.parts()
    tune_groups, _ = b.split_groups(observed.items)
    tuning = list(parts.tuning)
    refit = b.fit_pins(
        tuning,
        embedder=shipped.embedder,
        fitted_on=(  # as `speechqa bench pins --fit` labels what it writes
            f"pin-questions.jsonl, tuning part (seed {b.SPLIT_SEED}), and {len(observed.pairs)} pairs derived "
            "from the retrieval questions"
        ),
        pairs=observed.pairs,
        passage_of={g: p for g, p in observed.passage_of.items() if g in tune_groups},
    )
    print(f"R: {refit.fitted_on}; threshold {refit.threshold:.4f}, suggest {refit.suggest}")
    print(
        f"tuning part as read: S {b.outcome(tuning, shipped).served_at()}, R {b.outcome(tuning, refit).served_at()}"
    )
    if not args.held_out:
        return
    report = b.held_out_report(parts, NEWEST)
    judges = {"S (shipped, as read)": shipped, "R (refitted as read)": refit}
    for name, judge in judges.items():
        print(b.figures_line(name, report, judge))
    if args.typed_cache is not None:
        typed = experiment(
            args.typed_library or args.library, args.typed_homes or args.cold_homes, args.typed_cache, False
        )
        print(
            b.figures_line(
                "S as typed (bench pins before)", b.held_out_report(typed.observed.parts(), NEWEST), shipped
            )
        )
    cold = list(parts.cold)
    for batch in sorted({o.item.batch for o in cold}, key=int):
        rows = [o for o in cold if o.item.batch == batch]
        print(
            f"  batch {batch}: "
            + ", ".join(f"{n[:1]} {b.outcome(rows, j).served_at()}" for n, j in judges.items())
        )
    newest, everything = f"batch {NEWEST}", "all held out"
    verdict = all(
        ships(b.outcome(report[p], shipped), b.outcome(report[p], refit)) for p in (newest, everything)
    )
    print(f"verdict: {'R ships' if verdict else 'nothing ships'}")
    if verdict and args.write:
        refit.save(DEFAULT_PIN_MODEL_PATH)
        print(f"written: {DEFAULT_PIN_MODEL_PATH}")


if __name__ == "__main__":
    main()
