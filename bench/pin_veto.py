"""A pair feature judged as a veto on the pin model, on a cold batch, by a rule committed first: what the
veto experiments (scripts/compare_pin_kinds.py, compare_pin_quantity.py, compare_pin_asked.py,
compare_pin_money.py, compare_pin_fees.py) share, each keeping only its own rule (`VetoTrial.passes`, or
`passes_on` the parts it names), its matchers read from git as committed (`module_at`) and the observations
it completes in the cold libraries (`completed`).

A run observes the pin set (`bench.pins.cold_experiment`, kept in `--cache`), says on how many tuning
questions the veto fires against their own pin (`fires`), and with `--held-out` counts three judges — the
shipped model, the shipped model also vetoed, and the model refitted with the veto (`refit_vetoed`) — part by
part, then names the one the rule ships (`shipped_variant`).
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType

from index import Prefixes
from retrieval import PinModel, load_pin_judge

from . import pins as b

Outcomes = Mapping[str, b.Outcome]  # part of the held-out report → a judge's outcome there


@dataclass(frozen=True)
class VetoTrial:
    """One veto experiment: the feature, the batch judged blind, its rule and how it prints."""

    veto: str  # the pair feature tried as a veto (a `retrieval.PairFeatures` field)
    newest: str  # the cold batch judged blind, its figures read only by the run
    names: tuple[str, str, str]  # how the shipped, the vetoed and the refitted judge are printed
    passes: Callable[[Outcomes, Outcomes], bool]  # the rule: does a variant pass against the shipped model
    describe: Callable[[str], str]  # what `--misses` prints beside each question
    as_read: bool = b.AS_READ  # questions read as the service reads them (`Retriever.as_read`)
    suggest_format: str = ".4f"  # how the refitted model's offer threshold is printed
    list_near_misses: bool = True  # the held-out near misses vetoed listed (else counted)


ROOT = Path(__file__).resolve().parent.parent


def better(shipped: b.Outcome, variant: b.Outcome) -> bool:
    """At least as many served with fewer false pins, or more served with no more false pins."""
    return (variant.hits >= shipped.hits and variant.false_pins < shipped.false_pins) or (
        variant.hits > shipped.hits and variant.false_pins <= shipped.false_pins
    )


def passes_on(shipped: Outcomes, variant: Outcomes, parts: Iterable[str]) -> bool:
    """The veto experiments' rule (`better`) on each of the parts `bench.pins.held_out_report` names."""
    return all(better(shipped[p], variant[p]) for p in parts)


def module_at(commit: str, name: str) -> ModuleType:
    """`retrieval.<name>` as it was at `commit`, read from git (its `.answer_type` import read at the same
    commit), registered as `retrieval.<name>_<commit>`: a matcher as committed, whatever the tree holds now."""
    full = f"retrieval.{name}_{commit}"
    if full in sys.modules:
        return sys.modules[full]
    text = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{commit}:retrieval/{name}.py"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    if name != "answer_type" and "from .answer_type import" in text:
        module_at(commit, "answer_type")
        text = text.replace("from .answer_type import", f"from .answer_type_{commit} import")
    folder = Path(tempfile.mkdtemp())
    (folder / f"{name}_{commit}.py").write_text(text, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(full, folder / f"{name}_{commit}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[full] = module
    spec.loader.exec_module(module)
    return module


def completed(
    observed: b.ObservedSet,
    cold_homes: Path,
    judge: PinModel,
    *,
    model: str,
    prefixes: Prefixes | None,
    tokenizer: str,
) -> b.ObservedSet:
    """The kept observations with the set's questions they lack, each observed in the library it names
    (opened with `model`, `prefixes` and `tokenizer`, as the service's settings say)."""
    items = b.load_pin_questions(b.PIN_QUESTIONS)
    have = {o.item for o in observed.observations}
    missing = [i for i in items if i.kind != "pinned" and i not in have]
    if any(not i.library for i in missing):
        sys.exit("缓存缺少在内置讲话库中提问的问题：请用完整的观测缓存。")
    made: list[b.Observation] = []
    for name in sorted({i.library for i in missing}):
        retriever = b.library_retriever(
            b.cold_home(cold_homes, name),
            model=model,
            prefixes=prefixes,
            tokenizer=tokenizer,
            corpus=b.corpus_folder(name),
        )
        retriever.pin_judge = judge
        active = [i for i in items if i.library in ("", name)]
        b.pin_set(retriever.store, active)
        asked = [i for i in missing if i.library == name]
        made += b.observe(retriever, [i for i in active if i.kind == "pinned"] + asked)
    by_item = {o.item: o for o in [*observed.observations, *made]}
    return b.ObservedSet(
        tuple(items),
        observed.passage_of,
        tuple(by_item[i] for i in items if i.kind != "pinned" and i in by_item),
        observed.pairs,
    )


def cache_parser(doc: str, decided_on: str, newest: str) -> argparse.ArgumentParser:
    """The command line of an experiment read from kept observations (scripts/compare_pin_money.py,
    compare_pin_fees.py): `--cache`, `--cold-homes`, `--keep`, `--decide` (the batches it was chosen on) and
    `--misses`."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--cold-homes", type=Path, required=True)
    parser.add_argument("--keep", type=Path, default=None, help="keep the completed observations here")
    parser.add_argument("--decide", action="store_true", help=f"the figures over batches {decided_on} only")
    parser.add_argument(
        "--misses", default="", help=f"batches whose changed questions to list, e.g. {newest}"
    )
    return parser


def shipped_and_observed(
    args: argparse.Namespace, *, model: str, prefixes: Prefixes | None, tokenizer: str
) -> tuple[PinModel, b.ObservedSet]:
    """The shipped pin model and the kept observations (`args.cache`) completed in the cold libraries
    (`completed`) and kept in `args.keep`; one Chinese line and exit 1 when either is missing."""
    shipped = load_pin_judge()
    if not isinstance(shipped, PinModel):
        sys.exit("读不到置顶模型 retrieval/data/pins.json。")
    if not args.cache.is_file():
        sys.exit(f"没有观测缓存：{args.cache}")
    kept: b.ObservedSet = b.kept_or_made(args.cache, lambda: None)  # type: ignore[arg-type,return-value]
    observed = b.kept_or_made(
        args.keep,
        lambda: completed(
            kept, args.cold_homes, shipped, model=model, prefixes=prefixes, tokenizer=tokenizer
        ),
    )
    return shipped, observed


def fires(observations: Sequence[b.Observation], veto: str, kind: str) -> list[str]:
    """The questions of this kind the veto fires on against their own group's pin."""
    return [
        o.item.question
        for o in observations
        if o.item.kind == kind and any(g == o.item.group and f.vector((veto,))[0] for g, f in o.scores)
    ]


def refit_vetoed(
    tuning: Sequence[b.Observation], observed: b.ObservedSet, shipped: PinModel, veto: tuple[str, ...]
) -> tuple[float, PinModel]:
    """The model refitted as `--fit` fits it with `veto` as its vetoes, the threshold set with them in place;
    with the strength chosen."""

    def fit_vetoed(observations: Sequence[b.Observation], **kw: object) -> PinModel:
        model = replace(b.fit_once(observations, **kw), veto=veto)  # type: ignore[arg-type]
        return replace(model, threshold=b.best_threshold(observations, model, float(kw["max_false"])))  # type: ignore[arg-type]

    c, _ = b.choose_strength(tuning, pairs=observed.pairs, passage_of=observed.passage_of, fit=fit_vetoed)
    refit = b.fit_pins(
        tuning, embedder=shipped.embedder, fitted_on="", strength=c, pairs=observed.pairs, fit=fit_vetoed
    )
    return c, refit


def shipped_variant(trial: VetoTrial, outcomes: Mapping[str, Outcomes], verdict: Mapping[str, bool]) -> str:
    """Which variant ships: the refitted one if it passes and, over all held-out parts, serves more than the
    vetoed one at no more false pins (or the vetoed one fails); else the vetoed one if it passes; else
    "nothing"."""
    _, vetoed, refitted = trial.names
    v_all, r_all = outcomes[vetoed]["all held out"], outcomes[refitted]["all held out"]
    r_better = r_all.hits > v_all.hits and r_all.false_pins <= v_all.false_pins
    if verdict[refitted] and (r_better or not verdict[vetoed]):
        return refitted
    return vetoed if verdict[vetoed] else "nothing"


def parser(trial: VetoTrial, doc: str) -> argparse.ArgumentParser:
    """The experiment's options (`bench.pins.experiment_parser`'s, the cold homes, the misses to list);
    `doc` its help."""
    parser = b.experiment_parser(doc)
    parser.add_argument("--cold-homes", type=Path, required=True)
    parser.add_argument("--misses", default="", help=f"batches whose misses to list, e.g. {trial.newest}")
    return parser


def run(
    trial: VetoTrial, args: argparse.Namespace, model: str, prefixes: Prefixes | None, tokenizer: str
) -> None:
    """The experiment as `args` (from `parser`) ask, over the library read with this model and tokenizer:
    its lines printed."""
    experiment = b.cold_experiment(
        args.library, args.cold_homes, args.cache, model, prefixes, tokenizer, as_read=trial.as_read
    )
    observed, shipped, pinned = experiment.observed, experiment.shipped, experiment.pinned
    parts = observed.parts()
    if args.misses:
        for miss in b.cold_misses(parts.cold, shipped, set(args.misses.split(","))):
            print(miss.line(pinned, trial.describe))
        return
    tuning = list(parts.tuning)
    fired = fires(tuning, trial.veto, "paraphrase")
    print(
        f"{trial.veto} fires on {len(fired)} tuning paraphrases against their own pin {fired}, "
        f"{len(fires(tuning, trial.veto, 'near-miss'))} near misses"
    )
    if not args.held_out:
        return
    if fired:
        print("verdict: nothing ships (the veto fires on a tuning paraphrase)")
        return
    veto = (*shipped.veto, trial.veto)
    c, refit = refit_vetoed(tuning, observed, shipped, veto)
    as_shipped, vetoed, refitted = trial.names
    judges = {as_shipped: shipped, vetoed: replace(shipped, veto=veto), refitted: refit}
    print(
        f"{refitted}: C = {c:g}, threshold {refit.threshold:.4f}, suggest {refit.suggest:{trial.suggest_format}}"
    )
    report = b.held_out_report(parts, trial.newest)
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
    print(f"held-out paraphrases vetoed against their own pin: {fires(held, trial.veto, 'paraphrase')}")
    near = fires(held, trial.veto, "near-miss")
    print(
        f"held-out near misses vetoed against their own pin: {near if trial.list_near_misses else len(near)}"
    )
    verdict = {n: trial.passes(outcomes[as_shipped], outcomes[n]) for n in (vetoed, refitted)}
    print(f"passes: {verdict}; ships: {shipped_variant(trial, outcomes, verdict)}")
