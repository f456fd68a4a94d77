"""Pinned answers judged on a twenty-fifth batch written cold (session pins67, issue 13): two vetoes for what
docs/pins66.md left — **whether** as a kind of answer (a yes/no question, 要不要/能不能/是否/…吗, against one
asking a figure, someone or a place: batch 24's D02 「看展要不要买门票」 on 「展期是哪几天」;
`PairFeatures.whether_swap`, `retrieval.pins.answers_swapped(…, whether=True)`) and **a time added** (the asked
question names a time that neither the pinned question names nor the pinned passage's document — title, heading,
text — writes: D06 「春季学期…星期几上课」 on a pin over 「…秋季招生简章」; `PairFeatures.time_added`). Candidates
and the ship rule fixed on batches 1–24 by leave-one-batch-out and committed before batch 25 was merged.

    SPEECHQA_HOME=/tmp/h HF_HUB_OFFLINE=1 OMP_NUM_THREADS=1 python scripts/pin_batch25.py \\
        --cache OBS --cold-homes LIBS --searches SEARCHES [--fits FITS] [--keep NEWOBS] [--decide] \\
        [--misses 25] [--write PINS.json] [--save DIR]

As scripts/pin_batch24.py (whose features, fold models and rule it reuses), one batch on: OBS holds batches 1–24
(session pins66's kept observations), what it lacks (batch 25) is observed and searched in LIBS with the shipped
model; `--fits` keeps the recipes' fold models on 1–24 (each fitted on the other twenty-three batches);
`--decide` prints the figures on batches 1–24 only (nothing of batch 25 read).

The candidates, committed before batch 25 was merged:

- SC — the shipped model (retrieval/data/pins.json: pins59's); SCT — SC vetoing `time_swap`.
- SCTWN — SC vetoing `time_swap`, `whether_swap` and `time_added`.
- GWTCA — pins66's: GW (benchmarks/pins-gw64.json) vetoing `time_swap` and `answer_swap`, serving a pin whose
  probability read as if the pinned passage led the asked question's own search reaches `close_threshold`.
- GWTCW — GWTCA with `whether_swap` for `answer_swap` (it fires wherever `answer_swap` does, and on a yes/no
  question against another kind).
- GWTCAN — GWTCA vetoing `time_added` too; GWTCWN — GWTCW vetoing `time_added` too.

Every GW candidate's close threshold is cut on batches 1–24 with its own vetoes: the lowest value (of the held-out
probabilities read as first, not below GW's threshold) at which the pooled held-out false pins over batches 1–24,
wrong pins counted, stay within 2 %; none: 1 (never). Printed beside, never shipped: GW.

The ship rule (`pin_batch24.qualifies` and `ships` over this ORDER): a candidate qualifies when on batch 25 it
gives no paraphrase another group's pin and its false pins are at most 2 % of the negatives, pooled over batches
1–24 (held out batch by batch) its false pins, wrong pins counted, are at most 2 %, and both bot tests
(`tests/test_bot_features.py -k pins_a_result`, `tests/test_bot_in_use.py -k takes_back`) pass with it installed
(checked after this run with the file `--write` saves: a candidate failing them is struck and the rule applied
again). Of those qualifying the one serving the most paraphrases of batch 25 ships; ties, and none qualifying: SC
stays (then the ORDER below for ties among the others).
"""

from __future__ import annotations

import pickle
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pin_batch20 as p20
import pin_batch21 as p21
import pin_batch23 as p23
import pin_batch24 as p24
from pin_batch20 import OwnSearch  # noqa: F401 — the kept searches were pickled by pin_batch20 as __main__

import bench.pins as b
from bench import pin_veto
from retrieval import PinModel
from retrieval.pins import QuestionSide, answers_swapped, document_text, time_added

JUDGED = "25"  # the batch written cold after the candidates were fixed
FOLDS = tuple(str(n) for n in range(1, 25))  # leave-one-batch-out over these
# the shipped model first, then the smaller changes, for ties
ORDER = ("SC", "SCT", "SCTWN", "GWTCA", "GWTCW", "GWTCAN", "GWTCWN")
TIME, ANSWER = p24.TIME, p24.ANSWER
WHETHER = "whether_swap"
ADDED = "time_added"
Judged = p24.Judged
qualifies = p24.qualifies


def ships(judged: dict[str, Judged], struck: Sequence[str] = ()) -> str:
    """The committed rule: `pin_batch24.ships`' over this script's ORDER."""
    return p24.ships(judged, struck, ORDER)


def reread(
    parts: b.SetParts,
    pinned: dict[str, str],
    searches: p20.Searches,
    texts: dict[str, str],
    documents: dict[str, str],
) -> b.SetParts:
    """`pin_batch24.reread`'s features, `whether_swap`, and `time_added` against each group's pinned passage's
    document (`documents`: folded title, heading and text)."""
    sides: dict[str, QuestionSide] = {}

    def side(question: str) -> QuestionSide:
        if question not in sides:
            sides[question] = QuestionSide.of(question)
        return sides[question]

    def extra(item: b.PinQuestion, group: str) -> dict[str, float]:
        new, pin = side(item.question), side(pinned[group])
        return {
            WHETHER: float(answers_swapped(new, pin, whether=True)),
            ADDED: float(time_added(new, pin, documents.get(group, ""))),
        }

    return p24.reread(parts, pinned, searches, texts).with_extra(extra)


def vetoing(sc: PinModel, vetoes: tuple[str, ...], name: str, script: str) -> PinModel:
    """SC vetoing these too, named as candidate `name` of `script` in its `fitted_on`."""
    how = f"; vetoing {', '.join(vetoes)} ({script}, candidate {name})"
    return replace(sc, veto=(*sc.veto, *vetoes), fitted_on=sc.fitted_on + how)


def closed(
    gw: PinModel,
    vetoes: tuple[str, ...],
    rows: Sequence[b.Observation],
    gw_folds: dict[str, PinModel],
    name: str,
    script: str,
) -> PinModel:
    """GW vetoing these too, serving a pin whose probability read as first reaches the close threshold cut on
    `rows` held out with `gw_folds` (`pin_batch23.lowest_close`), named as candidate `name` of `script`."""
    vetoed = replace(gw, veto=(*gw.veto, *vetoes))
    close = p23.lowest_close(rows, p23.held_out(rows, gw_folds, vetoed), gw.threshold)
    batches = sorted({p21.batch_of(o) for o in rows}, key=int)
    how = (
        f"; vetoing {', '.join(vetoes)} and serving from {close:.4f} read as first "
        f"({script}, candidate {name}, close threshold cut on batches {batches[0]}–{batches[-1]})"
    )
    return replace(vetoed, close_threshold=close, fitted_on=gw.fitted_on + how)


def candidates(
    sc: PinModel, gw: PinModel, rows: Sequence[b.Observation], gw_folds: dict[str, PinModel]
) -> dict[str, PinModel]:
    """The candidates of the module's docstring (GW's close thresholds cut on `rows` held out with `gw_folds`),
    and GW beside them."""
    here = "scripts/pin_batch25.py"
    return {
        "SC": sc,
        "SCT": vetoing(sc, (TIME,), "SCT", here),
        "SCTWN": vetoing(sc, (TIME, WHETHER, ADDED), "SCTWN", here),
        "GWTCA": closed(gw, (TIME, ANSWER), rows, gw_folds, "GWTCA", here),
        "GWTCW": closed(gw, (TIME, WHETHER), rows, gw_folds, "GWTCW", here),
        "GWTCAN": closed(gw, (TIME, ANSWER, ADDED), rows, gw_folds, "GWTCAN", here),
        "GWTCWN": closed(gw, (TIME, WHETHER, ADDED), rows, gw_folds, "GWTCWN", here),
        "GW": gw,
    }


Reread = Callable[[b.SetParts, dict[str, str], p20.Searches, dict[str, str], dict[str, str]], b.SetParts]
Candidates = Callable[[PinModel, PinModel, Sequence[b.Observation], dict[str, PinModel]], dict[str, PinModel]]


def run(
    doc: str,
    judged_batch: str,
    folds: tuple[str, ...],
    order: tuple[str, ...],
    reread: Reread,
    candidates: Candidates,
    fires: tuple[str, ...],
) -> None:
    """One leave-one-batch-out judgement (this script's and pin_batch26's, each with its own batch, folds, ORDER,
    features, candidates and the vetoes whose fires it prints): the candidates held out over `folds`, then judged
    on `judged_batch` by `pin_batch24`'s rule over `order`."""
    over = f"1–{folds[-1]}"
    parser = pin_veto.cache_parser(doc, over, judged_batch)
    parser.add_argument("--searches", type=Path, required=True, help="keep each question's own search here")
    parser.add_argument(
        "--fits", type=Path, default=None, help=f"keep the recipes' fold models on {over} here"
    )
    parser.add_argument("--write", type=Path, default=None, help="save the candidate the rule ships here")
    parser.add_argument(
        "--save", type=Path, default=None, help="save every candidate here as NAME.json (for the bot tests)"
    )
    parser.add_argument(
        "--gw", type=Path, default=p23.GW_FILE, help="GW's model file (benchmarks/pins-gw64.json)"
    )
    args = parser.parse_args()
    r = p24.prepare(args, judged_batch)
    observed = r.observed
    documents = p23.passage_texts(r.used, r.settings.home, args.cold_homes, document_text)
    parts = reread(r.parts, r.pinned, r.searches, r.texts, documents)
    everything = [*parts.tuning, *parts.held, *parts.cold]
    rows = [o for o in everything if p21.batch_of(o) in folds]
    judged_rows = [o for o in everything if o.item.batch == judged_batch]

    fits: dict[str, dict[str, PinModel]] = b.kept_or_made(args.fits, dict)
    groups = {o.item.group for o in rows}
    passage_of = {g: p for g, p in observed.passage_of.items() if g in groups}
    recipes = {"SC": (b.MODEL_FEATURES, observed.pairs), "GW": (r.gw.features, ())}
    fitted = [n for n in recipes if n not in fits or set(fits[n]) != set(folds)]
    for name in fitted:
        features, pairs = recipes[name]
        fits[name] = p24.fold_models(rows, tuple(features), pairs, passage_of, folds)
    if args.fits is not None and fitted:
        args.fits.write_bytes(pickle.dumps(fits))

    models = candidates(r.sc, r.gw, rows, fits["GW"])
    if args.save is not None:
        args.save.mkdir(parents=True, exist_ok=True)
        for name in order:
            models[name].save(args.save / f"{name}.json")
    held_out: dict[str, b.Outcome] = {}
    for name, model in models.items():
        held = p23.held_out(rows, fits["SC" if name.startswith("SC") else "GW"], model)
        held_out[name] = p23.pooled(rows, held)
        print(f"{name}: vetoes {model.veto}; serve from {model.threshold:.4f}; close {model.close_threshold}")
        print(f"  batches {over} held out batch by batch, pooled: {held_out[name].served_at()}")
        print(f"  per batch: {p24.per_batch(rows, held, folds)}")
    for veto in fires:
        print(f"{veto} fires on (batch, kind, asked, pinned): {p24.fires(rows, veto, r.pinned, r.sc)}")
    newest = [o for o in rows if p21.batch_of(o) == folds[-1]]  # GW and SC never fitted on the newest batch
    for name, model in models.items():
        got = b.outcome(newest, model)
        print(f"batch {folds[-1]} by {name} itself: {got.served_at()}, wrong {got.wrong}")
    if args.decide:
        return
    if not judged_rows:
        sys.exit(f"第 {judged_batch} 批还没有问题。")
    judged = {n: Judged(b.outcome(judged_rows, m), held_out[n]) for n, m in models.items()}
    for n, j in judged.items():
        offered = b.offer_outcome(judged_rows, models[n])
        print(
            f"batch {judged_batch}, {n}: served {j.judged.served_at()} (wrong {j.judged.wrong}; served or offered "
            f"{offered.hits}/{offered.paraphrases}); batches {over} {j.folds.served_at()}; qualifies: "
            + (str(qualifies(j)) if n in order else "never (not a candidate)")
        )
    if args.misses:
        for o in judged_rows:
            got = {n: o.chosen(m) for n, m in models.items()}
            if o.item.kind == "paraphrase" or any(got.values()):
                print(f"{o.item.group} {o.item.kind} {o.item.question}: {got}")
    winner = p24.ships({n: j for n, j in judged.items() if n in order}, (), order)
    print(f"ships: {winner}" + (" (nothing changes)" if winner == order[0] else " (once the bot tests pass)"))
    if args.write is not None and winner != order[0]:
        models[winner].save(args.write)
        print(f"written: {args.write}")


def main() -> None:
    run(__doc__ or "", JUDGED, FOLDS, ORDER, reread, candidates, (WHETHER, ADDED))


if __name__ == "__main__":
    main()
