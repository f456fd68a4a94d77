"""Does refitting the question-vs-pinned-question model itself on batches 1–20, with where the pinned passage
stands in the asked question's own search as one of its inputs, serve more paraphrases within ≤ 2 % false pins?
Candidates and their serve thresholds fixed by leave-one-batch-out on batches 1–20, judged on batch 21 written
cold by another helper (issue 13, session pins63; docs/pins63.md).

    SPEECHQA_HOME=/tmp/h HF_HUB_OFFLINE=1 OMP_NUM_THREADS=1 python scripts/pin_batch21.py \\
        --cache OBS --cold-homes LIBS --searches SEARCHES [--keep NEWOBS] [--decide] [--misses 21] \\
        [--write PINS.json]

OBS, LIBS, SEARCHES and `--keep` as in scripts/pin_batch20.py (the observations of batches 1–20 are session
pins62's `obs62.pickle`, each asked question's own search its `searches62.pickle`); what they lack (batch 21)
is observed and searched in LIBS. `--decide` prints the candidates and their leave-one-batch-out figures on
batches 1–20 (nothing of batch 21 read).

The candidates, written and committed before batch 21 was merged:

- SC — the shipped model (retrieval/data/pins.json: L's weights fitted on batches 1–16, serve from 0.9862,
  vetoing slots, quantities, siblings and contrasts). No refit; its figures on 1–16 are in-sample.
- F — the simpler variant: SC's recipe (the same eight features, C by 4-fold cross-validation over groups,
  the 164 pairs derived from the retrieval questions, the same vetoes) refitted on batches 1–20 whole.
- G — F's features and `passage_standing` (`PairFeatures.passage_standing`: 1 when the pinned passage is first
  in the asked question's own search, 0.8 second … 0 not among the first five), refitted on batches 1–20
  without the derived pairs (a pair of questions has no search of its own). Its weight on the standing must
  come out positive (the probability rises with the passage's rank: `retrieval.pins.stale_reason` refuses
  a model weighing it negatively); otherwise the standing is left out.
- G1 — as G with the pinned passage *first* only (`passage_first`, 1 or 0) in place of the standing.
- GW — G's model, its threshold cut on the same held-out predictions counting a paraphrase given another
  group's pin as one more false pin within the 2 % (`cut_counting_wrong`), not ruling it out: the budget as
  the ship rule counts it. (Added after G's held-out figures were read — 292/1040 at 5/1142, the cut held
  above where the first wrong pin falls — and before anything of batch 21 was.)

Every refitted candidate's serve threshold is chosen by leave-one-batch-out: for each of the twenty batches a
model is fitted (at the C chosen on all twenty) on the other nineteen and predicts the one left out; the
threshold is `bench.pins.cut_for` over the pooled held-out predictions (the most paraphrases served with false
pins ≤ 2 % of the negatives and no wrong pin; GW's as said). Batches 1 and 2 count as one batch each, tuning and held-out
parts together. Printed: the pooled held-out figure at that threshold, per batch, and the nested figure (each
batch at the threshold chosen on the other nineteen's held-out predictions), which is what the threshold will
do on a batch it never saw.

The ship rule, fixed with them: a candidate *qualifies* when its false pins (near misses, unrelated questions,
and another group's pin given to a paraphrase) are at most 2 % of the negatives on batch 21 and at most 2 % of
them pooled over batches 1–20 (SC: as shipped; the refits: their pooled leave-one-batch-out predictions at the
threshold). Of those qualifying, the one serving the most paraphrases on batch 21 ships; ties: the first of
ORDER (SC first). None qualifying: SC stays, and the figures are recorded.
"""

from __future__ import annotations

import pickle
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pin_batch19 as p19
import pin_batch20 as p20
import pin_learning_curve as lc
from pin_batch20 import OwnSearch  # noqa: F401 — the kept searches were pickled by pin_batch20 as __main__

import bench.pins as b
from bench import pin_veto
from cli.settings import load_settings
from retrieval import PinModel, passage_standing
from retrieval.slots import slots_conflict

JUDGED = "21"  # the batch written cold after the candidates were fixed
FOLDS = tuple(str(n) for n in range(1, 21))  # leave-one-batch-out over these
ORDER = ("SC", "F", "G", "G1", "GW")  # no change first, then the smaller change, for ties
RANK_FEATURES = {"F": (), "G": ("passage_standing",), "G1": ("passage_first",), "GW": ("passage_standing",)}


def batch_of(o: b.Observation) -> str:
    """The batch a question counts in ('' is batch 1)."""
    return str(lc.batch_number(o.item.batch))


def reread(parts: b.SetParts, pinned: dict[str, str], searches: p20.Searches) -> b.SetParts:
    """`pin_batch20.reread`'s features (the kind asked, the slots, the quantity asked, `contrast`, `sibling`,
    `passage_rank` read off the question's own search), with the standing read from that rank, and whether the
    pinned passage is first."""

    def extra(item: b.PinQuestion, group: str) -> dict[str, float]:
        new, pin = lc.side(item.question), lc.side(pinned[group])
        rank = float(p20.passage_rank(searches, item, group))
        return {
            "asks_other": float(new.kinds != pin.kinds),
            "slot_conflict": float(slots_conflict(new.slots, pin.slots)),
            "quantity_conflict": float(slots_conflict(new.quantities, pin.quantities)),
            **p19.features_of(item.question, pinned[group]),
            "passage_rank": rank,
            "passage_standing": passage_standing(rank),
            "passage_first": float(rank == 1),
        }

    return parts.with_extra(extra)


@dataclass(frozen=True)
class Refit:
    """A refitted candidate: its model (fitted on all of 1–20, threshold by leave-one-batch-out), the pooled
    held-out outcome at that threshold, each batch's held-out (probability, group) and the nested outcome."""

    model: PinModel
    pooled: b.Outcome
    rows: tuple[b.Observation, ...]  # the questions held out, batch by batch
    held_out: tuple[tuple[float, str | None], ...]  # each one's best servable (probability, group)
    nested: b.Outcome


def fit_on(
    rows: Sequence[b.Observation],
    features: tuple[str, ...],
    pairs: Sequence[b.PairObservation],
    passage_of: dict[str, int],
    *,
    strength: float,
) -> PinModel:
    """One model at C `strength` on `rows` (and `pairs` not on their pinned passages)."""
    hidden = {passage_of[g] for g in set(passage_of) - {o.item.group for o in rows}}
    return b.fit_once(
        rows,
        embedder="",
        fitted_on="",
        features=features,
        strength=strength,
        max_false=b.MAX_FALSE,
        pairs=[p for p in pairs if p.pair.passage_id not in hidden],
    )


def monotone(model: PinModel) -> bool:
    """Whether every rank feature the model reads raises the probability."""
    return all(
        c >= 0
        for f, c in zip(model.features, model.coef, strict=True)
        if f in ("passage_standing", "passage_first")
    )


@dataclass(frozen=True)
class Predicted:
    """A refit's model on all of 1–20 (threshold not yet set), and each question's best servable
    (probability, group) from the model fitted without its batch."""

    whole: PinModel
    strength: float
    pairs: int  # derived pairs fitted on beside the questions
    rows: tuple[b.Observation, ...]  # the questions held out, batch by batch
    held_out: tuple[tuple[float, str | None], ...]


def predict(
    name: str,
    rows: Sequence[b.Observation],
    observed: b.ObservedSet,
    *,
    folds: Sequence[str] = FOLDS,
    rank: tuple[str, ...] | None = None,
    strength: float | None = None,
) -> Predicted:
    """Candidate `name`'s features (`rank`: the rank features it reads, `RANK_FEATURES[name]` unless given)
    fitted on `rows` (batches `folds`, 1–20 unless given), and held out batch by batch; C by cross-validation
    unless `strength` gives it."""
    rank = RANK_FEATURES[name] if rank is None else rank
    features = (*b.MODEL_FEATURES, *rank)
    pairs = observed.pairs if not rank else ()
    groups = {o.item.group for o in rows}
    passage_of = {g: p for g, p in observed.passage_of.items() if g in groups}
    c = (
        b.choose_strength(rows, features, pairs=pairs, passage_of=passage_of)[0]
        if strength is None
        else strength
    )
    whole = fit_on(rows, features, pairs, passage_of, strength=c)
    if not monotone(whole):  # a rank feature weighed negatively: left out
        features = tuple(f for f in features if f not in rank)
        whole = fit_on(rows, features, pairs, passage_of, strength=c)
    features = whole.features  # fit_once may leave text_similarity out
    pooled: list[b.Observation] = []
    best: list[tuple[float, str | None]] = []
    for batch in folds:
        inside = [o for o in rows if batch_of(o) != batch]
        left = [o for o in rows if batch_of(o) == batch]
        if not left:
            continue
        fold = fit_on(inside, features, pairs, passage_of, strength=c)
        pooled += left
        best += b.best_served(left, fold)
    return Predicted(whole, c, len(pairs), tuple(pooled), tuple(best))


def cut_counting_wrong(
    observations: Sequence[b.Observation], best: Sequence[tuple[float, str | None]], max_false: float
) -> float:
    """As `bench.pins.cut_for`, but a paraphrase given another group's pin is one more false pin within the
    budget, not ruled out (the ship rule counts it so)."""
    values = sorted({p for p, _ in best} | {0.0, 1.0})
    results = [
        (t, b.tally((o, g if p >= t else None) for o, (p, g) in zip(observations, best, strict=True)))
        for t in values[1:]
    ]
    feasible = [(t, o) for t, o in results if lc.within_budget(o, max_false)]
    top = max((o.hits for _, o in feasible), default=0)
    cut = min((t for t, o in feasible if o.hits == top), default=1.0)
    below = max(v for v in values if v < cut)
    return (cut + below) / 2


CUTS = {"GW": cut_counting_wrong}  # the others: `bench.pins.cut_for` (no wrong pin at all)


def refit(
    name: str,
    predicted: Predicted,
    embedder: str,
    *,
    folds: Sequence[str] = FOLDS,
    cut_with: Callable[[Sequence[b.Observation], Sequence[tuple[float, str | None]], float], float]
    | None = None,
    script: str = "scripts/pin_batch21.py",
) -> Refit:
    """Candidate `name` from its held-out predictions: the threshold cut on them pooled (`cut_with`,
    `CUTS[name]` unless given), the pooled outcome at it, and the nested one (each batch at the cut chosen on
    the other batches of `folds`, 1–20 unless given)."""
    cut_with = cut_with or CUTS.get(name, b.cut_for)
    span = b.batch_span(folds)
    pooled, best = predicted.rows, predicted.held_out
    cut = cut_with(pooled, best, b.MAX_FALSE)
    at = b.tally((o, g if p >= cut else None) for o, (p, g) in zip(pooled, best, strict=True))
    nested = b.Outcome(0, 0, 0, 0, 0, 0, 0)
    for batch in folds:
        others = [(o, x) for o, x in zip(pooled, best, strict=True) if batch_of(o) != batch]
        if len(others) == len(pooled):
            continue
        t = cut_with([o for o, _ in others], [x for _, x in others], b.MAX_FALSE)
        nested = nested + b.tally(
            (o, g if p >= t else None) for o, (p, g) in zip(pooled, best, strict=True) if batch_of(o) == batch
        )
    how = "; ".join(
        (
            f"pin-questions.jsonl, {span} whole (batches 1–2's tuning and held-out parts together)"
            + (
                f", and {predicted.pairs} pairs derived from the retrieval questions"
                if predicted.pairs
                else ""
            ),
            f"C = {predicted.strength:g} by {b.CV_FOLDS}-fold cross-validation over its groups",
            f"serve threshold by leave-one-batch-out over {span} ({script}, candidate {name})",
        )
    )
    whole = predicted.whole
    model = replace(
        whole,
        threshold=cut,
        embedder=embedder,
        fitted_on=how,
        suggest=min(b.offer_threshold(list(pooled), whole) or cut, cut),
    )
    return Refit(model, at, pooled, best, nested)


@dataclass(frozen=True)
class Judged:
    """A candidate on the judged batch and pooled over batches 1–20 (the refits: held out batch by batch)."""

    judged: b.Outcome
    folds: b.Outcome


def qualifies(candidate: Judged) -> bool:
    return lc.within_budget(candidate.judged) and lc.within_budget(candidate.folds)


def ships(judged: dict[str, Judged]) -> str:
    """The committed rule (see the module's docstring): which of ORDER ships."""
    ok = [n for n in ORDER if n in judged and qualifies(judged[n])]
    if not ok:
        return ORDER[0]
    return max(ok, key=lambda n: (judged[n].judged.hits, -ORDER.index(n)))


def per_batch(
    rows: Sequence[b.Observation], chosen: Sequence[str | None], folds: Sequence[str] = FOLDS
) -> str:
    """Each batch's figure from the chosen pin per question."""
    cells = []
    for batch in folds:
        got = [(o, g) for o, g in zip(rows, chosen, strict=True) if batch_of(o) == batch]
        if got:
            cells.append(f"{batch}: {b.tally(got).served_at()}")
    return "; ".join(cells)


def main() -> None:
    parser = pin_veto.cache_parser(__doc__ or "", "1–20", JUDGED)
    parser.add_argument("--searches", type=Path, required=True, help="keep each question's own search here")
    parser.add_argument("--write", type=Path, default=None, help="save the candidate the rule ships here")
    args = parser.parse_args()
    settings = load_settings()
    shipped, observed = pin_veto.shipped_and_observed(
        args, model=settings.model, prefixes=settings.prefixes, tokenizer=settings.tokenizer
    )
    items = list(observed.items)
    asked = [o.item for o in observed.observations]
    if args.decide:  # nothing of batch 21 read: neither its observations nor its searches
        asked = [i for i in asked if i.batch != JUDGED]
    searches: p20.Searches = b.kept_or_made(args.searches, dict)
    missing = [i for i in asked if i.kind != "pinned" and (i.library, i.question) not in searches]
    if missing:
        searches.update(
            p20.observe_searches(
                args.cold_homes,
                settings.home,
                items,
                missing,
                model=settings.model,
                prefixes=settings.prefixes,
                tokenizer=settings.tokenizer,
            )
        )
        args.searches.write_bytes(pickle.dumps(searches))
    pinned = {i.group: i.question for i in items if i.kind == "pinned"}
    parts = observed.parts()
    if args.decide:
        parts = b.SetParts(parts.tuning, parts.held, tuple(o for o in parts.cold if o.item.batch != JUDGED))
    parts = reread(parts, pinned, searches)
    everything = [*parts.tuning, *parts.held, *parts.cold]
    rows = [o for o in everything if batch_of(o) in FOLDS]
    judged_rows = [o for o in everything if o.item.batch == JUDGED]
    models: dict[str, PinModel] = {"SC": shipped}
    folds: dict[str, b.Outcome] = {"SC": b.outcome(rows, shipped)}
    print(f"SC: {shipped.features}, serve from {shipped.threshold:.4f}, vetoes {shipped.veto}")
    print(f"  batches 1–20 as shipped (1–16 fitted): {folds['SC'].served_at()}")
    print(f"  per batch: {per_batch(rows, [o.chosen(shipped) for o in rows])}")
    predicted: dict[tuple[str, ...], Predicted] = {}  # G and GW: the same fits, another cut
    for name in ORDER[1:]:
        if RANK_FEATURES[name] not in predicted:
            predicted[RANK_FEATURES[name]] = predict(name, rows, observed)
        found = refit(name, predicted[RANK_FEATURES[name]], shipped.embedder)
        models[name], folds[name] = found.model, found.pooled
        m = found.model
        weights = ", ".join(f"{f} {c:+.2f}" for f, c in zip(m.features, m.coef, strict=True))
        print(f"{name}: {weights}; serve from {m.threshold:.4f} (offer from {m.suggest}); {m.fitted_on}")
        print(f"  batches 1–20 held out batch by batch, pooled at it: {found.pooled.served_at()}")
        print(f"  nested (each batch at the cut of the other 19): {found.nested.served_at()}")
        chosen = [g if p >= m.threshold else None for p, g in found.held_out]
        print(f"  per batch: {per_batch(found.rows, chosen)}")
    if args.decide:
        return
    if not judged_rows:
        sys.exit(f"第 {JUDGED} 批还没有问题。")
    judged = {n: Judged(b.outcome(judged_rows, m), folds[n]) for n, m in models.items()}
    for n, j in judged.items():
        offered = b.offer_outcome(judged_rows, models[n])
        print(
            f"batch {JUDGED}, {n}: served {j.judged.served_at()} (wrong {j.judged.wrong}; served or offered "
            f"{offered.hits}/{offered.paraphrases}); batches 1–20 {j.folds.served_at()}; qualifies: {qualifies(j)}"
        )
    if args.misses:
        for o in judged_rows:
            got = {n: o.chosen(m) for n, m in models.items()}
            if o.item.kind == "paraphrase" or any(got.values()):
                print(f"{o.item.group} {o.item.kind} {o.item.question}: {got}")
    winner = ships(judged)
    print(f"ships: {winner}" + (" (nothing changes)" if winner == ORDER[0] else ""))
    if args.write is not None and winner != ORDER[0]:
        models[winner].save(args.write)
        print(f"written: {args.write}")


if __name__ == "__main__":
    main()
