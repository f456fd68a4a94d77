"""Why `speechqa bench pins --fit` stopped reproducing the shipped pin model (issue 13, session pinfit27;
docs/measured.md, Pinned answers): the third batch, held out whole, still reached the fit in two ways —
its 16 pins were active while the tuning questions were observed (its pinned questions among their closest
pins, fitted as near misses), and its passages were left out of the pairs derived from the retrieval
question sets. This fits the shipped features four ways, each way in or out, as `--fit` fits (C by the
seed-13 cross-validation of the tuning part, threshold on it), and prints for each: the derived pairs, the
C chosen and the cross-validation (seed 13, and summed over fold seeds 13, 1, 2 as the pin experiments
count it), whether the model equals retrieval/data/pins.json, and — counted once, to say what the drift
cost — the first two batches' held-out part and the third batch, each asked with every pin active.

    SPEECHQA_HOME=/tmp/home HF_HUB_OFFLINE=1 python scripts/diagnose_pin_fit.py --library DIR

DIR is a bench library of the bundled speeches (`speechqa bench pins --bench-home DIR` builds one; its pins
are replaced). A few minutes on two busy cores.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bench.pins as b
from cli.settings import load_settings
from index import Library
from retrieval import PinModel, ServiceOptions, SpeechService, load_pin_judge

SEEDS = (13, 1, 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--library", type=Path, required=True)
    args = parser.parse_args()
    settings = load_settings()
    library = Library(args.library, tokenizer=settings.tokenizer)
    retriever = SpeechService(
        library, ServiceOptions(model=settings.model, prefixes=settings.prefixes)
    ).retriever
    assert retriever.embedder is not None
    # the bench library's groups only: a group naming another library (the ninth batch) is pinned there
    items = [i for i in b.load_pin_questions(b.PIN_QUESTIONS) if not i.library]
    tune_groups, held_groups = b.split_groups(items)
    cold = {i.group for i in items if i.batch in b.HELD_OUT_ONLY_BATCHES}
    passage_of = b.pin_set(retriever.store, items)
    every_pin = b.observe(retriever, items)
    training = b.training_questions()

    def pairs(leave_out: set[str]) -> list[b.PairObservation]:
        derived = b.derived_pairs(
            training,
            retriever.store.passages(),
            leave_out={passage_of[g] for g in leave_out if g in passage_of},
            skip={i.question for i in b.fitted_batches(items)},
        )
        return b.observe_pairs(retriever, derived)

    with_cold_pairs, without_cold_pairs = pairs(held_groups - cold), pairs(held_groups)
    b.pin_set(retriever.store, b.fitted_batches(items))
    fitted_pins = b.observe(retriever, b.fitted_batches(items))
    held = [o for o in every_pin if o.item.group in held_groups - cold]
    batch3 = [o for o in every_pin if o.item.group in cold]
    shipped = load_pin_judge()
    assert isinstance(shipped, PinModel)
    print(
        f"shipped model: held-out {b.outcome(held, shipped).served_at()}, "
        f"batch 3 {b.outcome(batch3, shipped).served_at()}"
    )
    tuning_passages = {g: p for g, p in passage_of.items() if g in tune_groups}
    variants = (
        (
            "58 pins (batch 3's left out), pairs on batch 3's passages kept [--fit now]",
            fitted_pins,
            with_cold_pairs,
        ),
        ("58 pins, pairs on batch 3's passages left out", fitted_pins, without_cold_pairs),
        ("74 pins (batch 3's active), pairs on batch 3's passages kept", every_pin, with_cold_pairs),
        ("74 pins, pairs on batch 3's passages left out [--fit before]", every_pin, without_cold_pairs),
    )
    for name, observed, paired in variants:
        tuning = [o for o in observed if o.item.group in tune_groups - cold]
        strength, folds = b.choose_strength(tuning, pairs=paired, passage_of=tuning_passages)
        seeds = b.choose_strength_seeds(
            tuning, b.MODEL_FEATURES, SEEDS, pairs=paired, passage_of=tuning_passages
        )
        model = b.fit_pins(
            tuning, embedder=retriever.embedder.key, fitted_on="", strength=strength, pairs=paired
        )
        same = replace(model, fitted_on=shipped.fitted_on) == shipped
        print(
            f"{name}: {len(paired)} pairs; C = {strength:g}, cross-validated (seed 13) {folds[strength].served_at()}"
        )
        print(f"    seeds 13, 1, 2: {seeds.total.served_at()}; features {', '.join(model.features)}")
        print(
            f"    {'the shipped model exactly' if same else 'not the shipped model'}; threshold "
            f"{model.threshold:.3f}; held-out {b.outcome(held, model).served_at()}, "
            f"batch 3 {b.outcome(batch3, model).served_at()}"
        )
    library.close()


if __name__ == "__main__":
    main()
