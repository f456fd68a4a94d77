"""Which questions of the pin set the shipped pin model gets wrong, as `speechqa bench pins` counts them
(issue 13, session pins29; docs/measured.md, Pinned answers): every question asked with every pin of the
set active — the tuning part too, as the bench's report asks it — and each false pin (a near miss or an
unrelated question given a pin, a paraphrase given another group's pin) printed with the pin it got; with
`--unserved`, the paraphrases given no pin as well.

    SPEECHQA_HOME=/tmp/home HF_HUB_OFFLINE=1 python scripts/list_pin_misses.py --library DIR \
        --cold-homes LIBS [--unserved]

DIR is a bench library of the bundled speeches (`speechqa bench pins --bench-home DIR` builds one; its pins
are replaced); LIBS holds the data homes c16, c21, c24 … the ninth batch is asked of (as for `speechqa bench
pins --cold-homes`; their pins are replaced too). A few minutes on two busy cores. One line a question: part, batch, kind, its group → the
group whose pin it got, the question | that pin's question.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bench.pins as b
from cli.settings import load_settings
from retrieval import Retriever, load_pin_judge


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--cold-homes", type=Path, required=True, help="folder holding c16, c21, c24 …")
    parser.add_argument("--unserved", action="store_true", help="also list paraphrases given no pin")
    args = parser.parse_args()
    settings = load_settings()
    retriever = b.library_retriever(
        args.library, model=settings.model, prefixes=settings.prefixes, tokenizer=settings.tokenizer
    )
    items = b.load_pin_questions(b.PIN_QUESTIONS)
    tune_groups, _ = b.split_groups(items)

    def open_library(name: str) -> Retriever:
        return b.library_retriever(
            b.cold_home(args.cold_homes, name),
            model=settings.model,
            prefixes=settings.prefixes,
            tokenizer=settings.tokenizer,
            corpus=b.corpus_folder(name),
        )

    pinned = {i.group: i.question for i in items if i.kind == "pinned"}
    judge = load_pin_judge()
    retriever.pin_judge = judge
    for o in b.observe_everywhere(retriever, items, open_library):
        if o.item.kind == "pinned":
            continue
        got = o.chosen(judge)
        false = got is not None and (o.item.kind != "paraphrase" or got != o.item.group)
        unserved = o.item.kind == "paraphrase" and got is None
        if false or (args.unserved and unserved):
            part = "tuning" if o.item.group in tune_groups else "held-out"
            print(
                f"{part} batch {o.item.batch or '1'} {'false pin' if false else 'not served'} {o.item.kind} "
                f"{o.item.group} → {got} {o.item.question} | {pinned.get(got or '', '')}",
                flush=True,
            )


if __name__ == "__main__":
    main()
