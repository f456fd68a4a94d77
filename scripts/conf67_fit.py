"""Confidence refit candidates judged blind (issue 12, point 1; docs/conf67.md): (a) the staff sets' tuning halves
as a fitting group of the confidence model, (b) what the library equates (`Signals.equated`) as a model feature,
(c) both — fitted from saved signals, chosen on tuning halves, judged on held-out and blind questions only.

    python scripts/conf67_fit.py collect LIBS OUT.jsonl [--sets dev,asks49,…] [--half tune|heldout|all] [--equated]
    python scripts/conf67_fit.py fit HOME OUTDIR --trial …/cmrc2018_trial.json [--limit 400] [--equated]
    python scripts/conf67_fit.py reported HOME OUTDIR --cmrc-dev …/cmrc2018_dev.json [--limit 400 --every-context 4]
        [--equated]
    python scripts/conf67_fit.py judge ROWS.jsonl OUTDIR [--half tune|heldout|all] [--sets …] [--blind asks55,cold41]

`collect` asks every question of each set (default: every set `scripts/rank39_misses.py` knows; the half given) of a
temporary copy of its library (LIBS as `scripts/eval_all_sets.sh` builds it; never written), as `speechqa eval
--mode hybrid` does, with main's search (with `--equated`, the `equated` signal computed too: `RetrieverConfig.
equated`, which moves no rank and no verdict), and writes one line per question: `judge_halves.row_of`'s fields and
the search's signals. A refit moves no rank (the confidence judges the ranked list, it does not reorder it), so every
candidate model is judged from these rows without searching again (`answered_by`: where the model decided the
verdict; `judge` prints how many saved verdicts the shipped model's, computed from the saved signals, agrees with).

`fit` searches the data the shipped model is fitted on (`bench.fit_examples`: CMRC trial and its own-context-removed
near misses, CMRC asked of the speeches, the dev and policy tuning halves) and saves it as OUTDIR/fit.jsonl;
`reported` the issue's held-out rows (dev held-out half, CMRC dev with own-context negatives, the policy set's held-out
half), as `speechqa bench confidence --cmrc …/cmrc2018_dev.json --limit 400 --every-context 4` reports them, as
OUTDIR/reported.jsonl.

`judge` fits each candidate (`CANDIDATES`) from OUTDIR/fit.jsonl and the rows' staff tuning halves (every set's
"tune" half but dev's, which the fitting data holds already), writes each model as OUTDIR/NAME.json and prints, per
candidate and per set that moved, false 「未找到」 and answered unanswerable under the shipped model → the candidate
(`judge_halves.compare`). On `--half tune` a staff set's tuning half is judged by the candidate fitted without its
fold of sets (`FOLDS` folds by set name: no set is judged by a model that saw it), then the fitting groups in-sample;
on `--half heldout` (or `all`) the candidate fitted on every tuning half, and the issue's held-out rows; the sets of
`--blind` apart, each by `BLIND_RULE`.

**The rule**, fixed before any held-out figure of a candidate fitted on the staff data was read and before the blind
sets (asks55, cold41: written cold by other helpers) were on this branch (docs/conf67.md, "The ship rule"):

- **The candidate**: of `CANDIDATES`, the one that on the tuning halves of the staff sets (out of fold, as above)
  passes `TUNE_RULE` — false 「未找到」 + answered unanswerable falls in total, neither rises on any set by more than
  one question, no rank moves — with the largest fall of the two together; a tie: the fewer answered unanswerable,
  then the first listed. None passing: nothing is judged further; the shipped model stays.
- **It ships** (its model file installed as retrieval/data/confidence.json) only if (1) on the held-out halves
  together with the sets held out whole it passes `HELD_RULE` (the same rule); (2) on each blind set (asks55,
  cold41; whole) `BLIND_RULE` holds: neither false 「未找到」 nor answered unanswerable rises; (3) on the issue's
  held-out rows (`reported`) the targets hold (false 「未找到」 ≤ 0.05 and answered unanswerable ≤ 0.15 on the dev
  held-out half, CMRC dev with own-context negatives and the policy held-out half), and on CMRC dev and the policy
  held-out half neither false 「未找到」 nor answered unanswerable rises. Otherwise the shipped model stays, the
  figures recorded.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, Collection, Iterable
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TextIO

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from judge_halves import Rule, row_of  # noqa: E402
from rank39_misses import halves_of, service_of  # noqa: E402


@dataclass(frozen=True)
class Candidate:
    name: str
    staff: bool  # the staff sets' tuning halves are a fitting group of their own
    # where the low threshold is read: the model's probabilities of its fitting data ("fit", the shipped recipe),
    # out-of-fold ones ("cross-validation"), or those of the fitting groups but the staff one ("others": the staff
    # group moves the weights only, the threshold is read as today's)
    low_from: str = "fit"
    equated: bool = False  # the model reads the `equated` signal (candidate (b))


# fixed before any held-out figure was read (docs/conf67.md): (a) the staff group added, (b) the `equated` feature,
# (c) both; "refit" is the shipped recipe refitted on today's signals (what a refit alone does)
CANDIDATES: tuple[Candidate, ...] = (
    Candidate("refit", staff=False),
    Candidate("staff", staff=True),
    Candidate("staff-cv", staff=True, low_from="cross-validation"),
    Candidate("staff-others", staff=True, low_from="others"),
    Candidate("equated", staff=False, equated=True),
    Candidate("equated-staff", staff=True, equated=True),
    Candidate("equated-staff-others", staff=True, low_from="others", equated=True),
)
STAFF_GROUP = "staff-tune"
FOLDS = 5  # a staff set's tuning half is judged on `--half tune` by a model fitted without its fold of sets
# false 「未找到」 + answered unanswerable falls in total, neither rises on any set by more than one question, no rank moves
TUNE_RULE = HELD_RULE = Rule(per_set_rise=1, per_set_false_rise=1, falls="both")
# a blind set: neither false 「未找到」 nor answered unanswerable rises
BLIND_RULE = Rule(per_set_rise=0, per_set_false_rise=0, falls="nothing")
FIT_FILE = "fit.jsonl"  # the shipped model's fitting data, as `fit` saves it
REPORTED_FILE = "reported.jsonl"  # the held-out rows, as `reported` saves them


def write_rows(sink: TextIO, libs: Path, names: list[str], half: str, labels: list[str]) -> None:
    """Main's search of each question of `names` in `half`, with its signals; `labels` ["equated"]: with the
    optional `equated` signal computed too (`RetrieverConfig.equated`: the verdict and ranks stay main's)."""
    from bench.evaluate import load_questions, search_as_evaluated
    from retrieval import RetrieverConfig

    config = RetrieverConfig(equated="equated" in labels)
    for name in names:
        questions = load_questions(REPO / "benchmarks" / f"{name}-questions.jsonl")
        halves = halves_of(name, questions)
        with service_of(libs, name, config, prefix="conf67-") as service:
            retriever = service.current()
            for q in questions:
                if half != "all" and halves[q.id] != half:
                    continue
                answer = search_as_evaluated(retriever, q.question)
                row = row_of(name, halves[q.id], "main", q, answer, None)
                row["signals"] = asdict(answer.signals) if answer.signals is not None else None
                sink.write(json.dumps(row, ensure_ascii=False) + "\n")
            sink.flush()
        print(f"{name}: {len(questions)} questions", file=sys.stderr, flush=True)


def saved_fit(home: Path, trial: Path, limit: int, out_dir: Path, equated: bool) -> int:
    """The shipped model's fitting data (`bench.fit_examples`, default options) searched with main's config (and the
    `equated` signal computed when asked) and saved as OUT_DIR/fit.jsonl."""
    from conf64_asked import asked_of, fit_examples_under

    import bench as b
    from retrieval import RetrieverConfig

    examples = fit_examples_under(asked_of(home, trial, limit), RetrieverConfig(equated=equated))
    out_dir.mkdir(parents=True, exist_ok=True)
    b.save_examples(examples, out_dir / FIT_FILE)
    print(f"{len(examples)} fitting examples saved in {out_dir / FIT_FILE}")
    return 0


def saved_reported(home: Path, dev_file: Path, limit: int, every: int, out_dir: Path, equated: bool) -> int:
    """The issue's held-out rows (`bench.heldout_sets`: dev held-out half, CMRC dev with own-context negatives, the
    policy set's held-out half) searched with main's config and saved as OUT_DIR/reported.jsonl."""
    from conf64_asked import asked_of

    import bench as b
    from retrieval import Retriever, RetrieverConfig

    config = RetrieverConfig(equated=equated)

    cmrc, notices, speeches, queries, questions, policy_questions, dev, cmrc_index, notices_index = asked_of(
        home, dev_file, limit, every
    )
    sets = b.heldout_sets(
        Retriever(speeches.store, speeches.index, queries, config=config),
        dev,
        cmrc=(Retriever(cmrc.library.store, cmrc_index, queries, config=config), questions),
        policy=(Retriever(notices.library.store, notices_index, queries, config=config), policy_questions),
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    b.save_examples([replace(e, group=name) for name, part in sets for e in part], out_dir / REPORTED_FILE)
    print(f"saved in {out_dir / REPORTED_FILE}")
    return 0


def staff_rows(rows: list[dict], blind: Collection[str] = ()) -> list[dict]:
    """The rows of the staff fitting group: every staff set's tuning half but dev's (the fitting data's
    "speeches-tune" already) and a blind set's (a blind set is never fitted on); a row without signals (a greeting,
    an empty search) is no example."""
    return [
        r
        for r in rows
        if r["half"] == "tune" and r["set"] != "dev" and r["set"] not in blind and r["signals"] is not None
    ]


def staff_examples(rows: list[dict], blind: Collection[str] = ()) -> list:
    """`staff_rows` as one fitting group, "staff-tune"."""
    from bench.confidence import Example
    from retrieval import Signals

    return [
        Example(STAFF_GROUP, r["question"], r["answerable"], Signals(**r["signals"]), r["rank"] == 1)
        for r in staff_rows(rows, blind)
    ]


def fitted(candidate: Candidate, fit_data: list, staff: list, embedder: str):
    """The candidate's model: the shipped recipe (`bench.confidence.fit`) on the fitting data, plus the staff group
    when the candidate has it, over the shipped features (and `equated` when the candidate reads it)."""
    import numpy as np

    from bench.confidence import HIGH_PROBABILITY, fit, low_threshold
    from retrieval import FEATURES

    examples = [*fit_data, *staff] if candidate.staff else list(fit_data)
    sources = "cmrc2018_trial.json (400 questions), dev tune half, policy tune half"
    if candidate.staff:
        sources += ", the staff sets' tune halves (scripts/conf67_fit.py)"
    features = (*FEATURES, "equated") if candidate.equated else FEATURES
    low_from = "cross-validation" if candidate.low_from == "cross-validation" else "fit"
    model = fit(examples, embedder=embedder, fitted_on=sources, features=features, low_from=low_from)  # type: ignore[arg-type]
    if candidate.low_from == "others":
        others = [e for e in examples if e.group != STAFF_GROUP]
        p = np.asarray([model.probability(e.signals) for e in others])
        y = np.asarray([e.answerable for e in others], dtype=np.int64)
        low = low_threshold(p, y, [e.group for e in others])
        model = replace(model, low=low, high=max(low, HIGH_PROBABILITY))
    return model


def fold_of_set(name: str) -> int:
    """The fold a staff set's tuning half is judged in (out of `FOLDS`), by the SHA-256 of its name."""
    return int(hashlib.sha256(name.encode()).hexdigest(), 16) % FOLDS


def model_decided(row: dict) -> bool:
    """Whether the confidence model decided the row's verdict: a search with signals and a probability. A verdict
    with none (a greeting; a document's fact its record lacks, 「…的文号是多少」 of a notice without one; a question
    naming only its filter; a dated filter that allowed nothing) is decided before or after the model, by a rule no
    candidate changes."""
    return row["signals"] is not None and row["probability"] is not None


def answered_by(judge: object, row: dict) -> bool:
    """Whether the search would answer under `judge`: the model's verdict of the row's saved signals where the
    model decides (`model_decided`), the row's own verdict elsewhere."""
    from retrieval import Signals

    if not model_decided(row):
        return bool(row["answered"])
    return judge.judge(Signals(**row["signals"])).answered  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Reproduced:
    """How the shipped model's verdicts of the saved signals agree with the saved ones."""

    agree: int  # of every row with signals
    with_signals: int
    model_agree: int  # of the rows the model decided (`model_decided`)
    model_rows: int
    differ: tuple[dict, ...]  # the rows with signals whose saved verdict the model's differs from


def reproduced(shipped: object, rows: list[dict]) -> Reproduced:
    """The shipped model's verdict computed from each row's saved signals against the saved verdict."""
    from retrieval import Signals

    signalled = [r for r in rows if r["signals"] is not None]
    differ = tuple(
        r
        for r in signalled
        if shipped.judge(Signals(**r["signals"])).answered != r["answered"]  # type: ignore[attr-defined]
    )
    decided = [r for r in signalled if model_decided(r)]
    return Reproduced(
        agree=len(signalled) - len(differ),
        with_signals=len(signalled),
        model_agree=len(decided) - sum(model_decided(r) for r in differ),
        model_rows=len(decided),
        differ=differ,
    )


def fold_sets(names: Iterable[str]) -> dict[int, list[str]]:
    """The staff sets of `names` by the fold they are judged in (`fold_of_set`), every fold listed."""
    folds: dict[int, list[str]] = {f: [] for f in range(FOLDS)}
    for name in dict.fromkeys(names):
        folds[fold_of_set(name)].append(name)
    return folds


def candidate_rows(rows: list[dict], label: str, verdict: Callable[[dict], bool]) -> list[dict]:
    return [{**r, "candidate": label, "answered": verdict(r)} for r in rows]


def judge(rows_path: Path, fit_dir: Path, half: str, sets: set[str] | None, blind: list[str]) -> int:
    from judge_halves import BadRows, compare, counts, print_verdicts, read_rows

    import bench as b
    from retrieval import load_judge

    every = read_rows(rows_path, "all")
    unsigned = next((n for n, r in enumerate(every, 1) if "signals" not in r or "probability" not in r), None)
    if unsigned is not None:
        raise BadRows(
            f"{rows_path} 第 {unsigned} 条结果没有 signals（要用 conf67_fit.py collect 收集的结果文件）"
        )
    shipped = load_judge()
    fit_data = b.load_examples(fit_dir / FIT_FILE)
    staff = staff_examples(every, blind)  # a blind set is never fitted on
    print(f"fitting data: {len(fit_data)} examples; staff tuning halves: {len(staff)} examples")
    embedder = shipped.embedder  # type: ignore[union-attr]
    same = reproduced(shipped, every)
    print(
        f"the shipped model's verdict from the saved signals agrees with {same.agree} of {same.with_signals} saved "
        f"verdicts ({same.model_agree} of the {same.model_rows} it decided; "
        f"{same.with_signals - same.model_rows} decided by a rule, no probability, kept as saved)"
    )
    for r in same.differ:
        print(
            f"  differs: {r['set']} {r['id']} saved {'answered' if r['answered'] else '未找到'}: {r['question']}"
        )
    models = {c.name: fitted(c, fit_data, staff, embedder) for c in CANDIDATES}
    for name, model in models.items():
        model.save(fit_dir / f"{name}.json")
        print(f"{name}: low {model.low:.4f}, high {model.high:.4f} → {fit_dir / f'{name}.json'}")
    chosen = [r for r in every if (half == "all" or r["half"] == half) and (sets is None or r["set"] in sets)]
    blind_rows = [r for r in chosen if r["set"] in blind]
    chosen = [r for r in chosen if r["set"] not in blind]
    rows = [*chosen]
    for c in CANDIDATES:
        if half == "tune" and c.staff:  # each staff set judged by a model fitted without its fold
            fold_models = {
                f: fitted(
                    c,
                    fit_data,
                    [
                        e
                        for e, r in zip(staff, staff_rows(every, blind), strict=True)
                        if fold_of_set(r["set"]) != f
                    ],
                    embedder,
                )
                for f in range(FOLDS)
            }
            rows += candidate_rows(
                chosen, c.name, lambda r, m=fold_models: answered_by(m[fold_of_set(r["set"])], r)
            )
        else:
            rows += candidate_rows(chosen, c.name, lambda r, m=models[c.name]: answered_by(m, r))
    whole = counts(r for r in rows if r["candidate"] == "main")
    print(
        f"\nmain ({half}): {whole[0]} answerable, R@1 {whole[1]}, false 「未找到」 {whole[2]}; "
        f"{whole[3]} unanswerable, {whole[4]} answered"
    )
    rule = TUNE_RULE if half == "tune" else HELD_RULE
    verdicts = (  # none when every set asked is blind
        compare(rows, [c.name for c in CANDIDATES], half, detail="probability", rule=rule) if chosen else []
    )
    if verdicts:
        print_verdicts(half, verdicts, "largest false 「未找到」 rise on a set")
    if half == "tune":
        passing = [
            (v.gain, -v.totals[3], -[c.name for c in CANDIDATES].index(v.label), v.label)
            for v in verdicts
            if v.passes
        ]
        print(
            f"\nthe candidate (passes TUNE_RULE with the largest fall): {max(passing)[-1] if passing else 'none'}"
        )
    if blind_rows:
        for name in blind:
            part = [r for r in blind_rows if r["set"] == name]
            both = [*part]
            for c in CANDIDATES:
                both += candidate_rows(part, c.name, lambda r, m=models[c.name]: answered_by(m, r))
            print(f"\n== blind: {name}")
            print_verdicts(
                f"{name}, blind",
                compare(both, [c.name for c in CANDIDATES], half, "probability", BLIND_RULE),
                "largest false 「未找到」 rise",
            )
    if half == "tune":
        print_fitting(fit_data, staff, shipped, models)
    reported = fit_dir / REPORTED_FILE
    if half != "tune" and reported.is_file():  # held-out rows: never printed beside the tuning figures
        print_reported(b.load_examples(reported), shipped, models)
    return 0


def print_fitting(fit_data: list, staff: list, shipped: object, models: dict) -> None:
    """The fitting groups (CMRC trial and the rest: in-sample, not a test) under the shipped model and each
    candidate."""
    from bench.confidence import rates

    print(
        "\n| fitting group (in-sample) | model | false 「未找到」 | answered unanswerable | R@1 (right passage first) |"
    )
    print("|---|---|---|---|---|")
    examples = [*fit_data, *staff]
    for group in dict.fromkeys(e.group for e in examples):
        part = [e for e in examples if e.group == group]
        right = sum(e.right for e in part if e.answerable)
        for label, model in [("shipped", shipped), *models.items()]:
            r = rates(part, model)  # type: ignore[arg-type]
            fa, an = round(r.false_abstain * r.answerable), round(r.false_answer * r.unanswerable)
            print(f"| {group} | {label} | {fa} of {r.answerable} | {an} of {r.unanswerable} | {right} |")


def print_reported(examples: list, shipped: object, models: dict) -> None:
    """The issue's held-out rows under the shipped model and each candidate: the targets, and whether false 「未找到」
    or answered unanswerable rises against the shipped model (rule (3))."""
    from bench.confidence import rates

    print(
        "\n| held-out row (issue 12) | model | false 「未找到」 | answered unanswerable | targets ≤ 0.05 / ≤ 0.15 "
        "| against the shipped model |"
    )
    print("|---|---|---|---|---|---|")
    for group in dict.fromkeys(e.group for e in examples):
        part = [e for e in examples if e.group == group]
        before = rates(part, shipped)  # type: ignore[arg-type]
        for label, model in [("shipped", shipped), *models.items()]:
            r = rates(part, model)  # type: ignore[arg-type]
            fa, an = round(r.false_abstain * r.answerable), round(r.false_answer * r.unanswerable)
            held = r.false_abstain <= 0.05 and r.false_answer <= 0.15
            rises = r.false_abstain > before.false_abstain or r.false_answer > before.false_answer
            print(
                f"| {group} | {label} | {fa} of {r.answerable} ({r.false_abstain:.3f}) | "
                f"{an} of {r.unanswerable} ({r.false_answer:.3f}) | {'hold' if held else 'FAIL'} | "
                f"{'rises' if rises else 'no rise'} |"
            )


def main(argv: list[str]) -> int:
    import judge_halves as shared

    parser = shared.candidate_parser("conf67_fit.py", __doc__)
    parser.add_argument(
        "--equated", action="store_true", help="collect / fit / reported: compute `equated` too"
    )
    parser.add_argument("--blind", help="comma-separated blind sets, judged by BLIND_RULE (with --half all)")
    args = parser.parse_args(argv)
    if args.command == "collect":
        return shared.collected(args, ["equated"] if args.equated else [], write_rows)
    if args.command in ("fit", "reported") and len(args.paths) != 2:
        print(f"{args.command} 要给出两个路径：数据目录和输出文件夹", file=sys.stderr)
        return 1
    if args.command == "judge":
        if len(args.paths) != 2:
            print("judge 要给出两个路径：结果文件和 fit 的输出文件夹", file=sys.stderr)
            return 1
        if not (args.paths[1] / FIT_FILE).is_file():
            print(f"{args.paths[1]} 里没有 {FIT_FILE}（先运行 fit）", file=sys.stderr)
            return 1
        blind = args.blind.split(",") if args.blind else []
        sets = set(args.sets.split(",")) if args.sets else None
        from bench.errors import BenchError

        try:
            return shared.judged(
                args.paths[0], lambda: judge(args.paths[0], args.paths[1], args.half, sets, blind)
            )
        except BenchError as error:  # a fitting or held-out signals file that is not `save_examples`'
            print(str(error), file=sys.stderr)
            return 1
    if args.command == "fit":
        data_file = shared.cmrc_file(args)
        return (
            1
            if data_file is None
            else saved_fit(args.paths[0], data_file, args.limit, args.paths[1], args.equated)
        )
    if args.command == "reported":
        data_file = shared.cmrc_file(args)
        if data_file is None:
            return 1
        return saved_reported(
            args.paths[0], data_file, args.limit, args.every_context, args.paths[1], args.equated
        )
    return 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
