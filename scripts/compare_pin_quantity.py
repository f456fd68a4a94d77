"""The quantity veto judged on the thirteenth batch, written cold (issue 13, session pins44; docs/pins44.md,
docs/measured.md, Pinned answers).

Batch 12's five false pins (p 0.975–0.997) all ask another quantity of the same notice as the pinned
question: 「5000元以上」 against a pin on 「5000元以下」, 「一共有多少块」 against 「每块地有多大」, 「每周最多能
预约几次」 against 「每次预约最多能用几个小时」, 「续借」 against 「借用期限」, 「热门课程限选几门」 against
「每位学员最多能选几门」 — no feature of the model reads which quantity is asked. The pair feature
`quantity_conflict` (`retrieval.slots.quantity_slots`, both questions read the same way) is 1 when the two name
different sides of a bracket or limit (以上/超过/至少/不少于 against 以下/以内/不满/最多/上限/不超过), a total
against each one's (一共/合计 against 每块/单个), or different kinds of asked quantity (几次 against 几个小时,
多大 against 多少钱, 多大年纪 against 几年). Decided from batches 1–12 only: over their observations (session
pins43's, as read) it fires on no paraphrase against its own pin (two did before 「不能超过」 and 「多久…一次」
were read), removes three of batch 12's five false pins, and vetoes 16 of 366 cold near misses against their
own pin. This script, committed before it was ever run on batch 13, judges it there.

    SPEECHQA_HOME=/tmp/h HF_HUB_OFFLINE=1 OMP_NUM_THREADS=1 python scripts/compare_pin_quantity.py \\
        --library BENCHLIB --cold-homes LIBS --cache obs.pickle [--misses 13] [--held-out]

BENCHLIB a bench library of the bundled speeches, LIBS the data homes c10–c14, c16, c17, c20–c27 (as
scripts/eval_all_sets.sh builds them; their pins are replaced). Questions are read as the service reads them
(`Retriever.as_read`), as docs/pins43.md's S. `--misses 13` lists every false pin and unserved paraphrase of
the shipped model in batch 13 with the quantities both questions name. `--held-out` prints the figures the
rule reads, and the verdict.

The rule, written (and committed) before any figure of batch 13 was read:

- Before anything: the veto must fire on no tuning paraphrase against its own pin.
- S: the shipped model (weights, threshold and slot veto as fitted) — what `ask` and the bot give today.
- Q: S also vetoed on `quantity_conflict` (a vetoed pin may still be offered).
- QR: refitted as `--fit` fits with `quantity_conflict` among the vetoes (the threshold set with it in place:
  lower only if the veto makes room).
- A variant *passes* when, against S, on batch 13 and over all held-out parts together (the first two
  batches' held-out part and batches 3–13), each: it serves at least as many paraphrases with fewer false
  pins, or more paraphrases with no more false pins (a paraphrase given another group's pin counts as a false
  pin, `Outcome.false_pins`).
- QR ships if it passes and, over all held-out parts, serves more than Q at no more false pins (or Q fails);
  else Q ships if it passes; else nothing ships and `retrieval/data/pins.json` stays as it is.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import pin_veto
from bench.pins import Outcome
from cli.settings import load_settings
from retrieval.slots import quantity_slots

NEWEST = "13"


def passes(shipped: Mapping[str, Outcome], variant: Mapping[str, Outcome]) -> bool:
    """The rule of the module's docstring over the parts `bench.pins.held_out_report` names."""
    return pin_veto.passes_on(shipped, variant, (f"batch {NEWEST}", "all held out"))


TRIAL = pin_veto.VetoTrial(
    veto="quantity_conflict",
    newest=NEWEST,
    names=("S", "Q", "QR"),
    passes=passes,
    describe=lambda q: str(sorted(quantity_slots(q))),
    as_read=True,
    suggest_format="",
    list_near_misses=False,
)


def main() -> None:
    args = pin_veto.parser(TRIAL, __doc__ or "").parse_args()
    settings = load_settings()
    pin_veto.run(TRIAL, args, settings.model, settings.prefixes, settings.tokenizer)


if __name__ == "__main__":
    main()
