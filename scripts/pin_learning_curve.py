"""Does fitting the pin model on more batches written cold serve more paraphrases? A learning curve judged on
batches 13–16, which no model of this experiment is fitted on (issue 13, session pins58; docs/pins58.md).

The shipped model (retrieval/data/pins.json) is fitted on the tuning part of the first two batches only (plus
the pairs derived from the retrieval sets); batches 3–16 were held out whole. Here the same model family —
the same features (`bench.pins.MODEL_FEATURES`), vetoes, C chosen by `choose_strength` (4-fold over groups,
seed 13) and serve threshold by `best_threshold` at MAX_FALSE on the part fitted on — is fitted on batches 1–2's
tuning part PLUS batches 3..K whole, for K = 2 (the shipped recipe refitted from the kept observations: how
near the cache comes to pins.json), 4, 8 and 12.

    SPEECHQA_HOME=/tmp/h HF_HUB_OFFLINE=1 OMP_NUM_THREADS=1 python scripts/pin_learning_curve.py \\
        --cache OBS --cold-homes LIBS [--keep NEWOBS] [--decide] [--misses 13,14,15,16] [--write K12.json]

OBS the observations a pin experiment kept (session pins47's, /tmp/pins47/obs47.pickle, batches 1–16); what
it lacks is observed in LIBS as `bench.pin_veto.completed` does. `--decide` prints the fits only (C, the
cross-validation, thresholds; nothing counted on batches 13–16). `--write` saves the model the rule ships.

How the kept observations are read:
- `asks_other`, `slot_conflict` and `quantity_conflict` are re-read from the two questions as typed with the
  tree's `retrieval.pins.QuestionSide` (the weekday reading of session pins47 and its review included), for
  every judge, the shipped one too: each is judged as the service now reads the questions.
- A question of batches 3..K fitted on was observed against its CLOSEST_PINS closest pins among every pin of
  its library; only those of the batches fitted on (1..K) are kept as its rows, so no pin of a batch judged
  (13–16) is fitted on as a near miss. (Fresh, it would be matched against the fitted batches' pins only, and
  could get a further one in their place.)
- Judged: every question of batches 13–16 against every pin of its library, as the service sees them.

The rule, written and committed before any figure of this experiment was read:

- Candidate A: the K = 12 model (threshold by `best_threshold` on the part fitted on).
- Candidate B: the same K = 12 model (same data, same C) with its serve threshold chosen at MAX_FALSE by
  leave-one-batch-out cross-validation: for each of the 12 batches fitted on (batch 1's and 2's tuning parts
  each one), a model fitted at that C on the other 11 (pairs on its pinned passages left out) gives each of
  its questions its best servable probability and pin; the threshold is `cut_for` over the pooled 12 folds.
  The offer threshold stays `offer_threshold` on the part fitted on, never above the serve threshold.
- A candidate *passes* when, on batches 13–16 together, against the shipped model read the same way, it
  serves more paraphrases at no more false pins, or as many at fewer false pins (`bench.pin_veto.better`; a
  paraphrase given another group's pin is a false pin).
- A ships if it passes; B ships if it passes and A does not, or if both pass and B is better than A on 13–16
  by the same rule. Nothing else ships. No threshold is picked on batches 13–16.
- Also reported, not ruling: each of 13, 14, 15, 16 apart; the first two batches' held-out part (never
  fitted by any model here); and all held out by the old definition (that part and batches 3–16: partly
  fitted by K ≥ 4).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bench.pins as b
from bench import pin_veto
from cli.settings import load_settings
from retrieval import PinModel, load_pin_judge
from retrieval.pins import QuestionSide
from retrieval.slots import slots_conflict

JUDGED = ("13", "14", "15", "16")  # the batches no model here is fitted on
CURVE = (2, 4, 8, 12)  # K: batches 3..K fitted on whole (2: none, the shipped recipe)
SHIPPING_K = 12


def batch_number(batch: str) -> int:
    return int(batch or "1")


@cache
def side(question: str) -> QuestionSide:
    return QuestionSide.of(question)


def reread(
    parts: b.SetParts,
    pinned: dict[str, str],
    more: Callable[[str, str], dict[str, float]] | None = None,
) -> b.SetParts:
    """The parts with the kind asked, the slots and the quantity asked re-read as the tree reads them; with
    `more(asked, pinned)`'s features beside (the candidate feature of an experiment)."""

    def extra(item: b.PinQuestion, group: str) -> dict[str, float]:
        new, pin = side(item.question), side(pinned[group])
        return {
            "asks_other": float(new.kinds != pin.kinds),
            "slot_conflict": float(slots_conflict(new.slots, pin.slots)),
            "quantity_conflict": float(slots_conflict(new.quantities, pin.quantities)),
        } | ({} if more is None else more(item.question, pinned[group]))

    return parts.with_extra(extra)


def training(parts: b.SetParts, batch_of: dict[str, str], k: int) -> list[b.Observation]:
    """Batches 1–2's tuning part and batches 3..k whole, each question's rows only its pins of batches ≤ k."""
    cold = [o for o in parts.cold if 3 <= batch_number(o.item.batch) <= k]
    kept = [
        b.Observation(o.item, tuple((g, f) for g, f in o.scores if batch_number(batch_of[g]) <= k))
        for o in cold
    ]
    return [*parts.tuning, *kept]


def fit_k(
    rows: list[b.Observation],
    observed: b.ObservedSet,
    embedder: str,
    k: int,
    features: tuple[str, ...] = b.MODEL_FEATURES,
) -> tuple[PinModel, dict[float, b.Outcome]]:
    """pins58's recipe: C by 4-fold over groups, the pairs on the pinned passages of `rows` held apart."""
    groups = {o.item.group for o in rows}
    passage_of = {g: p for g, p in observed.passage_of.items() if g in groups}
    c, folds = b.choose_strength(rows, features, pairs=observed.pairs, passage_of=passage_of)
    model = b.fit_pins(
        rows,
        embedder=embedder,
        fitted_on=(
            f"pin-questions.jsonl, batches 1–2's tuning part (seed {b.SPLIT_SEED})"
            + (f" and batches 3–{k} whole" if k > 2 else "")
            + f", and {len(observed.pairs)} pairs derived from the retrieval questions"
        ),
        features=features,
        strength=c,
        pairs=observed.pairs,
    )
    return model, folds


def batch_cv_threshold(
    rows: list[b.Observation], observed: b.ObservedSet, model: PinModel, c: float
) -> tuple[float, b.Outcome]:
    """Candidate B's serve threshold: leave-one-batch-out over the batches of `rows`, pooled, cut at
    MAX_FALSE; with the pooled out-of-fold outcome at that cut."""
    pooled: list[b.Observation] = []
    best: list[tuple[float, str | None]] = []
    for batch in sorted({o.item.batch for o in rows}, key=batch_number):
        inside = [o for o in rows if o.item.batch != batch]
        left = [o for o in rows if o.item.batch == batch]
        hidden = {observed.passage_of[o.item.group] for o in left if o.item.group in observed.passage_of}
        fold = b.fit_once(
            inside,
            embedder="",
            fitted_on="",
            features=model.features,
            strength=c,
            max_false=b.MAX_FALSE,
            pairs=[p for p in observed.pairs if p.pair.passage_id not in hidden],
        )
        pooled += left
        best += b.best_served(left, fold)
    cut = b.cut_for(pooled, best, b.MAX_FALSE)
    return cut, b.tally((o, g if p >= cut else None) for o, (p, g) in zip(pooled, best, strict=True))


def strength_of(model: PinModel) -> float:
    return float(model.fitted_on.split("C = ")[1].split(" ")[0])


def judged_parts(parts: b.SetParts) -> dict[str, list[b.Observation]]:
    cold = list(parts.cold)
    out = {f"batch {n}": [o for o in cold if o.item.batch == n] for n in JUDGED}
    out["batches 13–16"] = [o for o in cold if o.item.batch in JUDGED]
    out["first two batches held out (never fitted)"] = list(parts.held)
    out["all held out, old definition (partly fitted for K ≥ 4)"] = [*parts.held, *cold]
    return out


def describe(model: PinModel) -> str:
    weights = ", ".join(f"{n} {w:+.2f}" for n, w in zip(model.features, model.coef, strict=True))
    offer = "none" if model.suggest is None else f"{model.suggest:.3f}"
    return f"threshold {model.threshold:.4f}, offer from {offer}; {weights}; intercept {model.intercept:+.2f}"


def fitted_line(name: str, rows: list[b.Observation], c: float, folds: dict[float, b.Outcome]) -> str:
    """「name: N paraphrases, M others fitted on; C = c (each C tried: served at false pins)」."""
    return (
        f"{name}: {sum(o.item.kind == 'paraphrase' for o in rows)} paraphrases, "
        f"{sum(o.item.kind != 'paraphrase' for o in rows)} others fitted on; C = {c:g} "
        f"({'; '.join(f'{k:g}: {o.served_at()}' for k, o in folds.items())})"
    )


def with_batch_cut(model: PinModel, cut: float, how: str) -> PinModel:
    """The model serving from `cut` (chosen as `how` says), its offer threshold never above it."""
    return replace(
        model,
        threshold=cut,
        suggest=None if model.suggest is None else min(model.suggest, cut),
        fitted_on=model.fitted_on + "; " + how,
    )


# The ship rule of the blind batches (scripts/pin_batch17.py, pin_batch18.py): a candidate qualifies when
# its false pins on the judged batch are within the budget and it serves or offers at most one paraphrase
# fewer than the shipped one; of those qualifying, the most served ships; ties to the smaller change.


@dataclass(frozen=True)
class Judged:
    """A candidate on the judged batch: paraphrases served (with false pins), and served or offered."""

    served: b.Outcome
    offered: b.Outcome


def within_budget(o: b.Outcome, max_false: float = b.MAX_FALSE) -> bool:
    """False pins at most `max_false` of the negatives, counted in whole questions (no float rounding)."""
    return o.false_pins <= max_false * o.negatives + 1e-9


def qualifies(candidate: Judged, shipped: Judged) -> bool:
    return within_budget(candidate.served) and candidate.offered.hits >= shipped.offered.hits - 1


def ships(judged: dict[str, Judged], order: tuple[str, ...]) -> str:
    """Which of `order` (the shipped one first, then the smaller change first) ships on the judged batch."""
    ok = [n for n in order if n in judged and qualifies(judged[n], judged[order[0]])]
    if not ok:
        return order[0]
    return max(ok, key=lambda n: (judged[n].served.hits, -judged[n].served.false_pins, -order.index(n)))


def batch_arguments(doc: str, decided_on: str, judged: str) -> tuple[argparse.Namespace, b.ObservedSet]:
    """A blind batch's command line (`bench.pin_veto.cache_parser` and `--write`) and the kept observations
    completed in the cold libraries."""
    parser = pin_veto.cache_parser(doc, decided_on, judged)
    parser.add_argument("--write", type=Path, default=None, help="save the candidate the rule ships here")
    args = parser.parse_args()
    settings = load_settings()
    _, observed = pin_veto.shipped_and_observed(
        args, model=settings.model, prefixes=settings.prefixes, tokenizer=settings.tokenizer
    )
    return args, observed


@dataclass(frozen=True)
class BlindBatch:
    """A blind batch's run: its command line, the shipped judge, the kept observations (prepared), the pinned
    question of each group, and their parts re-read (under `--decide`, without the judged batch)."""

    args: argparse.Namespace
    shipped: PinModel
    observed: b.ObservedSet
    pinned: dict[str, str]
    parts: b.SetParts


def blind_batch(
    doc: str,
    decided_on: str,
    judged: str,
    reread: Callable[[b.SetParts, dict[str, str]], b.SetParts],
    prepare: Callable[[b.ObservedSet], b.ObservedSet] | None = None,
) -> BlindBatch:
    """`batch_arguments`, the shipped judge, and the observations (`prepare`d, then their parts `reread`);
    under `--decide` nothing of batch `judged` is read: its rows are left out before anything is fitted or
    counted."""
    args, observed = batch_arguments(doc, decided_on, judged)
    shipped = load_pin_judge()
    if not isinstance(shipped, PinModel):
        sys.exit("读不到置顶模型 retrieval/data/pins.json。")
    if prepare is not None:
        observed = prepare(observed)
    pinned = {i.group: i.question for i in observed.items if i.kind == "pinned"}
    parts = reread(observed.parts(), pinned)
    if args.decide:
        parts = b.SetParts(parts.tuning, parts.held, tuple(o for o in parts.cold if o.item.batch != judged))
    return BlindBatch(args, shipped, observed, pinned, parts)


def judge_batch(
    args: argparse.Namespace,
    made: tuple[dict[str, PinModel], list[str]],
    report: dict[str, list[b.Observation]],
    batch: str,
    order: tuple[str, ...],
) -> None:
    """The candidates `made` (with the lines saying how) and each one's weights; unless `--decide`, the figures
    of every model on `report`'s parts, the rule on batch `batch` (the models of `order` ruling, any other
    reported only), its misses when asked, and the winner written when it is a change."""
    models, lines = made
    for line in lines:
        print(line)
    for name, model in models.items():
        print(f"{name}: {describe(model)}")
    if args.decide:
        return
    for name, model in models.items():
        print(b.figures_line(name, report, model))
    rows = report[f"batch {batch} (judged)"]
    if not rows:
        sys.exit(f"第 {batch} 批还没有问题。")
    judged = {n: Judged(b.outcome(rows, m), b.offer_outcome(rows, m)) for n, m in models.items()}
    for n, j in judged.items():
        print(
            f"batch {batch}, {n}: served {j.served.served_at()} (wrong {j.served.wrong}), served or offered "
            f"{j.offered.hits}/{j.offered.paraphrases}; qualifies: {qualifies(j, judged[order[0]])}"
            + ("" if n in order else " (reported, not ruling)")
        )
    if args.misses:
        for o in rows:
            got = {n: o.chosen(m) for n, m in models.items()}
            if o.item.kind == "paraphrase" or any(got.values()):
                print(f"{o.item.group} {o.item.kind} {o.item.question}: {got}")
    winner = ships({n: j for n, j in judged.items() if n in order}, order)
    print(f"ships: {winner}" + (" (nothing changes)" if winner == order[0] else ""))
    if args.write is not None and winner != order[0]:
        models[winner].save(args.write)
        print(f"written: {args.write}")


def sweep(rows: list[b.Observation], judge: PinModel, budgets: tuple[int, ...]) -> str:
    """Diagnostic only (`--sweep`, printed after the verdict, never ruling): the most paraphrases the judge's
    ranking serves on `rows` at each false-pin budget with its threshold moved to the best cut *read on these
    rows*, and the fewest false pins at which it serves 90 % of them — how well each model orders the judged
    questions, apart from where its own threshold fell."""
    best = b.best_served(rows, judge)
    cuts = [*sorted({p for p, _ in best if p > 0}), 2.0]
    at = [b.tally((o, g if p >= t else None) for o, (p, g) in zip(rows, best, strict=True)) for t in cuts]
    cells = [f"≤ {f} false: {max((o.hits for o in at if o.false_pins <= f), default=0)}" for f in budgets]
    reach = [o.false_pins for o in at if o.hit_rate >= b.TARGET_HITS]
    cells.append(f"90 % at {min(reach)} false" if reach else "90 % never (vetoes)")
    return "; ".join(cells)


def verdict(shipped: b.Outcome, a: b.Outcome, bb: b.Outcome) -> str:
    """Which candidate the committed rule ships (see the module's docstring)."""
    a_ok, b_ok = pin_veto.better(shipped, a), pin_veto.better(shipped, bb)
    if b_ok and (not a_ok or pin_veto.better(a, bb)):
        return "B"
    return "A" if a_ok else "nothing"


def main() -> None:
    parser = pin_veto.cache_parser(__doc__ or "", "1–12", ",".join(JUDGED))
    parser.add_argument(
        "--sweep",
        action="store_true",
        help="diagnostic: each model's ranking on 13–16 at fixed false-pin budgets",
    )
    parser.add_argument("--write", type=Path, default=None, help="save the model the rule ships here")
    args = parser.parse_args()
    settings = load_settings()
    shipped, observed = pin_veto.shipped_and_observed(
        args, model=settings.model, prefixes=settings.prefixes, tokenizer=settings.tokenizer
    )
    pinned = {i.group: i.question for i in observed.items if i.kind == "pinned"}
    batch_of = {i.group: i.batch for i in observed.items}
    parts = reread(observed.parts(), pinned)
    models: dict[str, PinModel] = {}
    rows_of: dict[int, list[b.Observation]] = {}
    for k in CURVE:
        rows = training(parts, batch_of, k)
        rows_of[k] = rows
        model, folds = fit_k(rows, observed, shipped.embedder, k)
        models[f"K={k}"] = model
        print(
            f"K={k}: {sum(o.item.kind == 'paraphrase' for o in rows)} paraphrases, "
            f"{sum(o.item.kind != 'paraphrase' for o in rows)} others fitted on; C = {strength_of(model):g} "
            f"({'; '.join(f'{c:g}: {o.served_at()}' for c, o in folds.items())}); {describe(model)}; "
            f"on its own part {b.outcome(rows, model).served_at()}"
        )
    a = models[f"K={SHIPPING_K}"]
    cut, oof = batch_cv_threshold(rows_of[SHIPPING_K], observed, a, strength_of(a))
    cv = replace(a, threshold=cut, fitted_on=a.fitted_on + "; serve threshold by leave-one-batch-out")
    cv = replace(cv, suggest=None if a.suggest is None else min(a.suggest, cut))
    models["B: K=12, batch-CV threshold"] = cv
    print(f"B: leave-one-batch-out threshold {cut:.4f} (out of fold at it: {oof.served_at()})")
    if args.sweep:  # the K = 12 weights on their own part: where the false-pin budget puts the cut
        rows, best = rows_of[SHIPPING_K], b.best_served(rows_of[SHIPPING_K], a)

        def at(cut: float, batch: str | None = None) -> str:
            chosen = ((o, g if p >= cut else None) for o, (p, g) in zip(rows, best, strict=True))
            return b.tally((o, g) for o, g in chosen if batch is None or o.item.batch == batch).served_at()

        print(
            "A on its own part: "
            + "; ".join(f"p ≥ {t:g} {at(t)}" for t in (0.96, 0.97, 0.975, 0.98, 0.985, 0.99))
        )
        for t in (0.975, a.threshold):
            batches = sorted({o.item.batch for o in rows}, key=batch_number)
            print(f"  by batch at p ≥ {t:.4f}: " + ", ".join(f"{n or '1'} {at(t, n)}" for n in batches))
    if args.decide:
        return
    judges: dict[str, PinModel] = {"shipped": shipped, **models}
    report = judged_parts(parts)
    outcomes = {n: {p: b.outcome(rows, j) for p, rows in report.items()} for n, j in judges.items()}
    for name, judge in judges.items():
        print(b.figures_line(name, report, judge))
    if args.misses:
        wanted = set(args.misses.split(","))
        for o in parts.cold:
            before, after = o.chosen(shipped), o.chosen(a)
            if o.item.batch in wanted and before != after:
                print(f"A {o.item.batch} {o.item.kind} {o.item.group} {o.item.question}: {before} → {after}")
    whole = "batches 13–16"
    ships = verdict(
        outcomes["shipped"][whole],
        outcomes[f"K={SHIPPING_K}"][whole],
        outcomes["B: K=12, batch-CV threshold"][whole],
    )
    print(f"ships: {ships}")
    if args.sweep:
        rows = report[whole]
        print(
            f"diagnostic, cuts read on batches 13–16 ({len(rows)} questions; not a threshold anyone ships):"
        )
        for name, judge in judges.items():
            print(f"  {name}: {sweep(rows, judge, (0, 5, 10))}")
    if args.write is not None and ships != "nothing":
        (a if ships == "A" else cv).save(args.write)
        print(f"written: {args.write}")


if __name__ == "__main__":
    main()
