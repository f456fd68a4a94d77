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
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import bench.pins as b
from cli.settings import load_settings
from retrieval import load_pin_judge

DEPTH = 10
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


def observe_all(library_dir: Path) -> tuple[b.ObservedSet, dict[str, list[tuple[int, float]]]]:
    """The pin set observed (`bench.pins.observe_set`), and each asked question's own search (pins off)."""
    settings = load_settings()
    retriever = b.library_retriever(
        library_dir, model=settings.model, prefixes=settings.prefixes, tokenizer=settings.tokenizer
    )
    observed = b.observe_set(retriever, b.load_pin_questions(b.PIN_QUESTIONS))
    searched = {}
    for q in {o.item.question for o in observed.observations} | {p.pair.asked for p in observed.pairs}:
        searched[q] = [(h.passage.id, float(h.score)) for h in retriever.search(q, k=DEPTH).hits]
    return observed, searched


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--held-out", action="store_true")
    parser.add_argument("variants", nargs="*")
    args = parser.parse_args()
    observed, searched = b.kept_or_made(args.cache, lambda: observe_all(args.library))
    passage_of = observed.passage_of
    split = observed.parts()
    extra = b.with_extra(
        [o for o in split.cold if o.item.batch == "3"],
        lambda item, g: agreement(searched[item.question], passage_of[g]),
    )
    later = b.with_extra(  # batches 4 (pins28) and 5 (pins29), written cold after these were dropped: never fitted on
        [o for o in split.cold if o.item.batch != "3"],
        lambda item, g: agreement(searched[item.question], passage_of[g]),
    )
    tuning = b.with_extra(split.tuning, lambda item, g: agreement(searched[item.question], passage_of[g]))
    held = b.with_extra(split.held, lambda item, g: agreement(searched[item.question], passage_of[g]))
    pairs = b.pairs_with_extra(observed.pairs, lambda pair: agreement(searched[pair.asked], pair.passage_id))

    def cv(features: tuple[str, ...], seeds: tuple[int, ...], with_third: bool) -> b.SeededChoice:
        also = extra if with_third else []
        return b.choose_strength_seeds(tuning, features, seeds, pairs=pairs, passage_of=passage_of, also=also)

    def parse(name: str) -> tuple[tuple[str, ...], bool]:
        parts = [x for x in name.split("+") if x and x != "shipped"]
        return (*b.MODEL_FEATURES, *(x for x in parts if x != "batch3")), "batch3" in parts

    variants = args.variants or list(DEFAULT_VARIANTS)
    if args.held_out:
        shipped = load_pin_judge()
        print(
            f"shipped model: held-out {b.outcome(held, shipped).served_at()}; third batch {b.outcome(extra, shipped).served_at()}"
            f"{b.by_batch(later, shipped)}"
        )
    for name in variants:
        features, with_third = parse(name)
        if not args.held_out:
            chosen = cv(features, b.FOLD_SEEDS, with_third)
            print(
                f"{name}: {chosen.total.served_at()} over {len(b.FOLD_SEEDS)} fold seeds  ({chosen.detail()})",
                flush=True,
            )
            continue
        ((_, c, _),) = cv(features, (b.SPLIT_SEED,), with_third).choices
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
            f"{by_batch[1]}), served or offered {b.offer_outcome(held, model).served_at()}; third batch "
            f"{b.outcome(extra, model).served_at()}{' (fitted on)' if with_third else ''}{b.by_batch(later, model)}",
            flush=True,
        )


if __name__ == "__main__":
    main()
