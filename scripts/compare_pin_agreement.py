"""Two things tried for the pin model (docs/measured.md, Pinned answers, session pins23), none shipped:

- the third batch of the pin set (`"batch": "3"`, written cold, held out whole, never fitted on) as more data to fit on;
- retrieval agreement: what the new question's own search (pins off, top 10) says of the pinned passage —
  `rank_inv` (1/rank, 0 outside the top 10), `top1`, `top3`, and `score_gap` (the first hit's fused
  score minus the pinned passage's; outside the top 10, minus the tenth's).

Each variant is judged by group cross-validation over the *original* tuning groups (batches 1 and 2, the
bench's folds, fold seeds 13, 1 and 2; each fold fitted, threshold included, on the other folds — plus,
for the "+batch3" variants, the whole third batch — and the derived pairs not on a left-out passage),
summed over the seeds. `--held-out` fits each named variant as `speechqa bench pins --fit` would (C by
the seed-13 cross-validation) and counts the held-out groups: run it once, at the end.

An experiment, not a tool: it reads the bench's private fitting function (`bench.pins._fit_once`), so it
holds for the code it was committed with. Observing the set (every question embedded twice and searched)
takes a few minutes; `--cache FILE` keeps the observations between runs.

    SPEECHQA_HOME=/tmp/home HF_HUB_OFFLINE=1 python scripts/compare_pin_agreement.py --library DIR \\
        [--cache FILE] [--held-out] [VARIANT ...]

DIR is a bench library of the bundled speeches (`speechqa bench pins --bench-home DIR` builds one; its
pins are replaced). A VARIANT is the shipped features plus `+name` for each extra feature, `+batch3` to
fit on the third batch too: `shipped`, `+batch3`, `+rank_inv+batch3`, `+score_gap`…
"""

from __future__ import annotations

import argparse
import pickle
import random
import sys
from dataclasses import astuple, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import bench.pins as b
from cli.settings import load_settings
from index import Library
from retrieval import PairFeatures, ServiceOptions, SpeechService, load_pin_judge

DEPTH = 10
SEEDS = (13, 1, 2)
DEFAULT_VARIANTS = (
    "shipped",
    "+batch3",
    "+rank_inv",
    "+rank_inv+batch3",
    "+top1",
    "+top1+batch3",
    "+top3",
    "+score_gap",
    "+score_gap+batch3",
    "+rank_inv+score_gap",
    "+rank_inv+score_gap+batch3",
)
ZERO = b.Outcome(0, 0, 0, 0, 0, 0, 0)


@dataclass(frozen=True)
class Extended:
    """A pair's shipped features and the agreement candidates, read by name as `PairFeatures` is."""

    base: PairFeatures
    extra: dict[str, float]

    def vector(self, names: tuple[str, ...]) -> list[float]:
        return [self.extra[n] if n in self.extra else float(getattr(self.base, n)) for n in names]


def add(a: b.Outcome, c: b.Outcome) -> b.Outcome:
    return b.Outcome(*(x + y for x, y in zip(astuple(a), astuple(c), strict=True)))


def cell(o: b.Outcome) -> str:
    return f"{o.hits}/{o.paraphrases} at {o.false_pins}/{o.negatives}"


def agreement(hits: list[tuple[int, float]], passage_id: int) -> dict[str, float]:
    ids = [i for i, _ in hits]
    rank = ids.index(passage_id) + 1 if passage_id in ids else None
    top = hits[0][1] if hits else 0.0
    mine = hits[rank - 1][1] if rank else (hits[-1][1] if hits else 0.0)
    return {
        "rank_inv": 1 / rank if rank else 0.0,
        "top1": float(rank == 1),
        "top3": float(rank is not None and rank <= 3),
        "score_gap": top - mine,
    }


def observe_all(library_dir: Path) -> tuple:
    settings = load_settings()
    library = Library(library_dir, tokenizer=settings.tokenizer)
    retriever = SpeechService(
        library, ServiceOptions(model=settings.model, prefixes=settings.prefixes)
    ).retriever
    items = b.load_pin_questions(b.PIN_QUESTIONS)
    passage_of = b.pin_set(retriever.store, items)
    _, held_groups = b.split_groups(items)
    observations = b.observe(retriever, items)
    derived = b.derived_pairs(
        b.training_questions(),
        retriever.store.passages(),
        leave_out={passage_of[g] for g in held_groups if g in passage_of},
        skip={i.question for i in items},
    )
    pairs = b.observe_pairs(retriever, derived)
    searched = {}
    for q in {o.item.question for o in observations} | {p.pair.asked for p in pairs}:
        searched[q] = [(h.passage.id, float(h.score)) for h in retriever.search(q, k=DEPTH).hits]
    return items, passage_of, observations, pairs, searched


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--held-out", action="store_true")
    parser.add_argument("variants", nargs="*")
    args = parser.parse_args()
    if args.cache is not None and args.cache.exists():
        loaded = pickle.loads(args.cache.read_bytes())
    else:
        loaded = observe_all(args.library)
        if args.cache is not None:
            args.cache.write_bytes(pickle.dumps(loaded))
    items, passage_of, observations, pairs, searched = loaded

    def extended(o: b.Observation) -> b.Observation:
        return b.Observation(
            o.item,
            tuple((g, Extended(f, agreement(searched[o.item.question], passage_of[g]))) for g, f in o.scores),  # type: ignore[misc]
        )

    tune_groups, held_groups = b.split_groups(items)
    third = {i.group for i in items if i.batch in b.HELD_OUT_ONLY_BATCHES}
    tuning = [extended(o) for o in observations if o.item.group in tune_groups - third]
    extra = [extended(o) for o in observations if o.item.group in third]
    held = [extended(o) for o in observations if o.item.group in held_groups - third]
    pairs = [
        b.PairObservation(p.pair, Extended(p.features, agreement(searched[p.pair.asked], p.pair.passage_id)))  # type: ignore[arg-type]
        for p in pairs
    ]

    def cv(features: tuple[str, ...], seed: int, with_third: bool) -> tuple[float, dict[float, b.Outcome]]:
        groups = sorted({o.item.group for o in tuning})
        random.Random(seed).shuffle(groups)
        folds = [set(groups[i :: b.CV_FOLDS]) for i in range(b.CV_FOLDS)]
        found = {}
        for c in b.STRENGTHS:
            total = ZERO
            for fold in folds:
                inside = [o for o in tuning if o.item.group not in fold] + (extra if with_third else [])
                hidden = {passage_of[g] for g in fold if g in passage_of}
                model = b._fit_once(
                    inside,
                    embedder="",
                    fitted_on="",
                    features=features,
                    strength=c,
                    max_false=b.MAX_FALSE,
                    pairs=[p for p in pairs if p.pair.passage_id not in hidden],
                )
                total = add(total, b.outcome([o for o in tuning if o.item.group in fold], model))
            found[c] = total
        return min(b.STRENGTHS, key=lambda c: (found[c].false_pins, -found[c].hits, -c)), found

    def parse(name: str) -> tuple[tuple[str, ...], bool]:
        parts = [x for x in name.split("+") if x and x != "shipped"]
        return (*b.MODEL_FEATURES, *(x for x in parts if x != "batch3")), "batch3" in parts

    variants = args.variants or list(DEFAULT_VARIANTS)
    if args.held_out:
        shipped = load_pin_judge()
        print(
            f"shipped model: held-out {cell(b.outcome(held, shipped))}; third batch {cell(b.outcome(extra, shipped))}"
        )
    for name in variants:
        features, with_third = parse(name)
        if not args.held_out:
            total, lines = ZERO, []
            for seed in SEEDS:
                c, found = cv(features, seed, with_third)
                total = add(total, found[c])
                lines.append(
                    f"seed {seed}: C = {c:g} " + "; ".join(f"{k:g}: {cell(v)}" for k, v in found.items())
                )
            print(f"{name}: {cell(total)} over {len(SEEDS)} fold seeds  ({' | '.join(lines)})")
            continue
        c, _ = cv(features, b.SPLIT_SEED, with_third)
        model = b.fit_pins(
            tuning + (extra if with_third else []),
            embedder="",
            fitted_on="",
            features=features,
            strength=c,
            pairs=pairs,
        )
        by_batch = [cell(b.outcome([o for o in held if o.item.batch == batch], model)) for batch in ("", "2")]
        print(
            f"{name}: C = {c:g}, held-out {cell(b.outcome(held, model))} (first batch {by_batch[0]}, batch 2 "
            f"{by_batch[1]}), served or offered {cell(b.offer_outcome(held, model))}"
        )


if __name__ == "__main__":
    main()
