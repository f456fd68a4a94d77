"""Can a pin be served on evidence that its passage answers the asked question — the pinned passage found
first by the question's own search — as well as on the two questions being alike? Candidates fixed entirely
on batches 1–16 (what the shipped model is fitted on) and checked on 17–19 (never fitted), judged on batch 20
written cold by another helper (issue 13, session pins62; docs/pins62.md).

    SPEECHQA_HOME=/tmp/h HF_HUB_OFFLINE=1 OMP_NUM_THREADS=1 python scripts/pin_batch20.py \\
        --cache OBS --cold-homes LIBS --searches SEARCHES [--keep NEWOBS] [--decide] [--misses 20] \\
        [--write PINS.json]

OBS the observations of batches 1–19 (`bench.pins.observe_set`, as scripts/pin_batch19.py keeps them); what it
lacks (batch 20) is observed in LIBS as `bench.pin_veto.completed` does. SEARCHES keeps each asked question's
own search (`observe_searches`: pins off, the speaker and year read from it, as `ask` searches; the bench
library is SPEECHQA_HOME's, a group naming a library is searched in its home among LIBS); the questions it
lacks are searched and it is written again. `--decide` prints the candidates and their figures on batches
1–19 (nothing read of batch 20).

Where a pin's passage stands in the question's own search is `PairFeatures.passage_rank`: `ask` and the bot
read it off the search they run anyway (the ranked pool before near-duplicates are set aside:
`Retriever.search`); here it is read off the first page that search shows (`SEARCH_DEPTH` passages), which
differs only where a near copy stands above the pinned passage. `scripts/pin_batch_as_asked.py` counts what
`ask` gives.

The candidates, written and committed before batch 20 was merged:

- L — the shipped model (retrieval/data/pins.json: serve from 0.9862, offer from 0.568).
- SC — L vetoing `sibling` and `contrast` (session pins61's). No refit.
- R1 — SC, and also serving from `rank_threshold` when the pinned passage is the first passage of the asked
  question's own search (`PinModel.rank_threshold`, `rank_depth` 1). The threshold is the lowest of
  0.500, 0.502, … 0.986 at which R1 serves at most 2 % of the negatives of batches 1–2's tuning part and 3–16
  (the batches L is fitted on) falsely, and no paraphrase another group's pin. No refit of L's weights.
- R3 — as R1, the pinned passage among the first three (`rank_depth` 3), its threshold chosen the same way.

Chosen on batches 1–16 (`--decide`): R1 and R3 from 0.978 (L's own threshold 0.9862).

The ship rule, fixed with them: a candidate *qualifies* when its false pins (to near misses and unrelated
questions, and another group's pin to a paraphrase) are at most 2 % of the negatives on batch 20, and at most
2 % of them on batches 17–19 together (never fitted by L). Of those qualifying, the one serving the most
paraphrases on batch 20 ships; ties: fewer false pins on batch 20, then L, SC, R1, R3 in that order (no change
first). None qualifying: L stays, and the figures are recorded.
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
import pin_learning_curve as lc

import bench.pins as b
from bench import pin_veto
from cli.settings import load_settings
from retrieval import PinModel
from retrieval.pins import RANK_DEPTH
from retrieval.slots import slots_conflict

JUDGED = "20"  # the batch written cold after the candidates were fixed
NEVER_FITTED = ("17", "18", "19")  # checked before batch 20, never fitted by L
ORDER = ("L", "SC", "R1", "R3")  # no change first, then the smaller change, for ties
RANK_DEPTHS = {"R1": 1, "R3": 3}
GRID = tuple(round(0.5 + 0.002 * i, 3) for i in range(244))  # 0.500 … 0.986
SEARCH_DEPTH = RANK_DEPTH  # the passages of the question's own search read (`passage_rank`)


@dataclass(frozen=True)
class OwnSearch:
    """What a question's own search (pins off, filters read from it, as `ask` searches) found: its first
    passages' ids, best first, and how sure the search was."""

    passages: tuple[int, ...]
    confidence: str | None


Searches = dict[tuple[str, str], tuple[OwnSearch, dict[str, int]]]


def observe_searches(
    homes: Path,
    bench_home: Path,
    items: Sequence[b.PinQuestion],
    asked: Sequence[b.PinQuestion],
    *,
    model: str,
    prefixes: object,
    tokenizer: str,
) -> Searches:
    """Each question of `asked` searched in its library (the bench library in `bench_home`, a cold one among
    `homes`) with the set's pins of `items` active there: (library, question) → its own search and each active
    group's pinned passage id in that library."""
    seen: Searches = {}
    for library in sorted({i.library for i in asked}):
        where = bench_home if not library else b.cold_home(homes, library)
        retriever = b.library_retriever(
            where,
            model=model,
            prefixes=prefixes,  # type: ignore[arg-type]
            tokenizer=tokenizer,
            corpus=b.corpus_folder(library) if library else None,
        )
        passage_of = b.pin_set(retriever.store, [i for i in items if i.library in ("", library)])
        for item in asked:
            if item.library != library or item.kind == "pinned":
                continue
            found = retriever.search(item.question, k=SEARCH_DEPTH, pins=False, auto_filter=True)
            own = OwnSearch(tuple(h.passage.id for h in found.hits), found.confidence)
            seen[(library, item.question)] = (own, passage_of)
    return seen


def passage_rank(searches: Searches, item: b.PinQuestion, group: str) -> int:
    """Where `group`'s pinned passage stands in `item`'s own search (1: first), 0 when not there."""
    own, passage_of = searches[(item.library, item.question)]
    passage = passage_of.get(group)
    return own.passages.index(passage) + 1 if passage in own.passages else 0


def reread(parts: b.SetParts, pinned: dict[str, str], searches: Searches) -> b.SetParts:
    """The parts re-read as `pin_batch19.reread` reads them (the kind asked, the slots, the quantity asked,
    `contrast` and `sibling`, as the tree reads the two questions), with each pin's `passage_rank` read from
    the question's own search."""

    def extra(item: b.PinQuestion, group: str) -> dict[str, float]:
        new, pin = lc.side(item.question), lc.side(pinned[group])
        return {
            "asks_other": float(new.kinds != pin.kinds),
            "slot_conflict": float(slots_conflict(new.slots, pin.slots)),
            "quantity_conflict": float(slots_conflict(new.quantities, pin.quantities)),
            **p19.features_of(item.question, pinned[group]),
            "passage_rank": float(passage_rank(searches, item, group)),
        }

    return parts.with_extra(extra)


def lowest_within(rows: Sequence[b.Observation], make: Callable[[float], PinModel]) -> float:
    """The lowest threshold of GRID at which `make(t)` serves at most MAX_FALSE of `rows`' negatives falsely
    and no paraphrase another group's pin (the last of GRID when none does)."""
    for t in GRID:
        o = b.outcome(rows, make(t))
        if p19.within_budget(o) and o.wrong == 0:
            return t
    return GRID[-1]


def candidates(shipped: PinModel, fit: Sequence[b.Observation]) -> dict[str, PinModel]:
    """L, SC, and R1 and R3 with their thresholds chosen on `fit` (see the module's docstring)."""
    sc = replace(shipped, veto=(*shipped.veto, "sibling", "contrast"))
    made = {"L": shipped, "SC": sc}
    for name, depth in RANK_DEPTHS.items():
        t = lowest_within(fit, lambda t, depth=depth: replace(sc, rank_threshold=t, rank_depth=depth))
        made[name] = replace(
            sc,
            rank_threshold=t,
            rank_depth=depth,
            fitted_on=shipped.fitted_on + f"; vetoing sibling and contrast; served from {t} when the pinned "
            f"passage is among the first {depth} of the question's own search (lowest at ≤ 2 % false pins on "
            "batches 1–16)",
        )
    return made


@dataclass(frozen=True)
class Judged:
    """A candidate on the judged batch and on the never-fitted batches 17–19."""

    judged: b.Outcome
    never_fitted: b.Outcome


def qualifies(candidate: Judged) -> bool:
    return p19.within_budget(candidate.judged) and p19.within_budget(candidate.never_fitted)


def ships(judged: dict[str, Judged]) -> str:
    """The committed rule (see the module's docstring): which of ORDER ships."""
    ok = [n for n in ORDER if n in judged and qualifies(judged[n])]
    if not ok:
        return ORDER[0]
    return max(ok, key=lambda n: (judged[n].judged.hits, -judged[n].judged.false_pins, -ORDER.index(n)))


def report_parts(parts: b.SetParts) -> dict[str, list[b.Observation]]:
    cold = list(parts.cold)
    return {
        f"batch {JUDGED} (judged)": [o for o in cold if o.item.batch == JUDGED],
        "batches 17–19 (never fitted)": [o for o in cold if o.item.batch in NEVER_FITTED],
        **{f"batch {n}": [o for o in cold if o.item.batch == n] for n in NEVER_FITTED},
        "first two batches held out (never fitted)": list(parts.held),
        "fitted on (1–2 tuning part, 3–16)": [*parts.tuning, *(o for o in cold if fitted_batch(o))],
        "all held out (partly fitted: L 3–16)": [*parts.held, *cold],
    }


def fitted_batch(o: b.Observation) -> bool:
    return o.item.batch not in (*NEVER_FITTED, JUDGED) and 3 <= int(o.item.batch or "1") <= 16


def main() -> None:
    parser = pin_veto.cache_parser(__doc__ or "", "1–19", JUDGED)
    parser.add_argument("--searches", type=Path, required=True, help="keep each question's own search here")
    parser.add_argument("--write", type=Path, default=None, help="save the candidate the rule ships here")
    args = parser.parse_args()
    settings = load_settings()
    shipped, observed = pin_veto.shipped_and_observed(
        args, model=settings.model, prefixes=settings.prefixes, tokenizer=settings.tokenizer
    )
    items = list(observed.items)
    asked = [o.item for o in observed.observations]
    if args.decide:  # nothing of batch 20 read: neither its observations nor its searches
        asked = [i for i in asked if i.batch != JUDGED]
    searches: Searches = b.kept_or_made(args.searches, dict)
    missing = [i for i in asked if (i.library, i.question) not in searches]
    if missing:
        searches.update(
            observe_searches(
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
    report = report_parts(parts)
    models = candidates(shipped, report["fitted on (1–2 tuning part, 3–16)"])
    for name, model in models.items():
        how = (
            "" if model.rank_threshold is None else f", first {model.rank_depth} from {model.rank_threshold}"
        )
        print(f"{name}: serve from {model.threshold:.4f}, vetoes {model.veto}{how}")
    shown = {k: v for k, v in report.items() if not (args.decide and k.startswith(f"batch {JUDGED}"))}
    for name, model in models.items():
        print(b.figures_line(name, shown, model))
    if args.decide:
        return
    rows = report[f"batch {JUDGED} (judged)"]
    if not rows:
        sys.exit(f"第 {JUDGED} 批还没有问题。")
    never = report["batches 17–19 (never fitted)"]
    judged = {n: Judged(b.outcome(rows, m), b.outcome(never, m)) for n, m in models.items()}
    for n, j in judged.items():
        print(
            f"batch {JUDGED}, {n}: served {j.judged.served_at()} (wrong {j.judged.wrong}); batches 17–19 "
            f"{j.never_fitted.served_at()}; qualifies: {qualifies(j)}"
        )
    if args.misses:
        for o in rows:
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
