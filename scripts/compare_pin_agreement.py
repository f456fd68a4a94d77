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

An experiment, not a tool: it cross-validates with the bench's own `bench.pins.choose_strength`, and
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
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import bench.pins as b
from cli.settings import load_settings
from index import Library
from retrieval import ServiceOptions, SpeechService, load_pin_judge

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
            tuple(
                (g, b.ExtraFeatures(f, agreement(searched[o.item.question], passage_of[g])))
                for g, f in o.scores
            ),  # type: ignore[misc]
        )

    tune_groups, held_groups = b.split_groups(items)
    third = {i.group for i in items if i.batch in b.HELD_OUT_ONLY_BATCHES}
    tuning = [extended(o) for o in observations if o.item.group in tune_groups - third]
    extra = [extended(o) for o in observations if o.item.group in third]
    held = [extended(o) for o in observations if o.item.group in held_groups - third]
    pairs = [
        b.PairObservation(
            p.pair, b.ExtraFeatures(p.features, agreement(searched[p.pair.asked], p.pair.passage_id))
        )  # type: ignore[arg-type]
        for p in pairs
    ]

    def cv(features: tuple[str, ...], seed: int, with_third: bool) -> tuple[float, dict[float, b.Outcome]]:
        also = extra if with_third else []
        return b.choose_strength(tuning, features, pairs=pairs, passage_of=passage_of, seed=seed, also=also)

    def parse(name: str) -> tuple[tuple[str, ...], bool]:
        parts = [x for x in name.split("+") if x and x != "shipped"]
        return (*b.MODEL_FEATURES, *(x for x in parts if x != "batch3")), "batch3" in parts

    variants = args.variants or list(DEFAULT_VARIANTS)
    if args.held_out:
        shipped = load_pin_judge()
        print(
            f"shipped model: held-out {b.outcome(held, shipped).served_at()}; third batch {b.outcome(extra, shipped).served_at()}"
        )
    for name in variants:
        features, with_third = parse(name)
        if not args.held_out:
            total, lines = b.Outcome(0, 0, 0, 0, 0, 0, 0), []
            for seed in SEEDS:
                c, found = cv(features, seed, with_third)
                total += found[c]
                lines.append(
                    f"seed {seed}: C = {c:g} "
                    + "; ".join(f"{k:g}: {v.served_at()}" for k, v in found.items())
                )
            print(f"{name}: {total.served_at()} over {len(SEEDS)} fold seeds  ({' | '.join(lines)})")
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
        by_batch = [
            b.outcome([o for o in held if o.item.batch == batch], model).served_at() for batch in ("", "2")
        ]
        print(
            f"{name}: C = {c:g}, held-out {b.outcome(held, model).served_at()} (first batch {by_batch[0]}, batch 2 "
            f"{by_batch[1]}), served or offered {b.offer_outcome(held, model).served_at()}"
        )


if __name__ == "__main__":
    main()
