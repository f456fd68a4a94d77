"""The kind-swap veto judged on the eleventh batch, written cold (issue 13, session pins42; docs/measured.md,
Pinned answers).

Session pins41 counted, after its held-out run (so as a lead, not a verdict), a veto on serving a pin when one
question names those who do the work (老干部工作者, 工作人员, 「做老干部工作的同志」) and not the cadres, and the
other the cadres (老干部, 老同志, 干部) and not those who do the work: the shipped weights with it served
221/471 held-out paraphrases at 22/420 false pins (30/420 without), and refitted as `--fit` would, 226/471 at
25/420. It is now the pair feature `kind_swap` (`retrieval.groups.kinds_swapped`, exactly pins41's
`kind_swap`), not yet in the shipped model. This script judges it on batch 11 (cold10, cold11, cold12),
committed before it was ever run.

    SPEECHQA_HOME=/tmp/h HF_HUB_OFFLINE=1 OMP_NUM_THREADS=1 python scripts/compare_pin_kinds.py \\
        --library BENCHLIB --cold-homes LIBS --cache obs.pickle [--misses 11] [--held-out]

BENCHLIB a bench library of the bundled speeches, LIBS the data homes c10, c11, c12, c16, c21, c22, c23, c24,
c25 (as scripts/eval_all_sets.sh builds them; their pins are replaced). `--misses 11` lists every false pin
and unserved paraphrase of the shipped model in batch 11 with the groups and slots both questions name.
`--held-out` prints the figures the rule reads, and the verdict.

The rule, written (and committed) before any figure of batch 11 was read:

- Before anything: the veto must fire on no tuning paraphrase against its own pin.
- K: the shipped model (weights, threshold and slot veto as fitted), also vetoed on `kind_swap`.
- KR: refitted as `--fit` fits with `kind_swap` among the vetoes (the threshold set with it in place).
- A variant *passes* when, against the shipped model: on batch 11 it serves no fewer paraphrases and has fewer
  false pins; over all held-out parts together (the first two batches' held-out part and batches 3–11) it
  serves no fewer and has fewer false pins; and on neither other part (the first two batches' held-out part,
  batches 3–10) does it serve fewer or have more false pins.
- KR ships if it passes and, over all held-out parts, serves more than K at no more false pins (or K fails);
  else K ships if it passes; else nothing ships and `retrieval/data/pins.json` stays as it is.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import pin_veto
from bench.pins import Outcome
from cli.settings import load_settings
from retrieval.groups import question_groups
from retrieval.slots import question_slots

NEWEST = "11"


def passes(shipped: Mapping[str, Outcome], variant: Mapping[str, Outcome]) -> bool:
    """The rule of the module's docstring over the parts `bench.pins.held_out_report` names."""
    newest, everything = f"batch {NEWEST}", "all held out"
    better = all(
        variant[p].hits >= shipped[p].hits and variant[p].false_pins < shipped[p].false_pins
        for p in (newest, everything)
    )
    no_worse = all(
        variant[p].hits >= shipped[p].hits and variant[p].false_pins <= shipped[p].false_pins
        for p in shipped
        if p not in (newest, everything)
    )
    return better and no_worse


TRIAL = pin_veto.VetoTrial(
    veto="kind_swap",
    newest=NEWEST,
    names=("shipped", "K", "KR"),
    passes=passes,
    describe=lambda q: f"{sorted(question_groups(q))} {sorted(question_slots(q))}",
)


def main() -> None:
    args = pin_veto.parser(TRIAL, __doc__ or "").parse_args()
    settings = load_settings()
    pin_veto.run(TRIAL, args, settings.model, settings.prefixes, settings.tokenizer)


if __name__ == "__main__":
    main()
