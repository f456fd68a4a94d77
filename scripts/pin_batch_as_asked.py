"""A batch of the pin set asked as staff ask it, beside what `speechqa bench pins` counts for it.

`bench pins` and the pin experiments (scripts/compare_pin_*.py) give the pin matcher each question as typed;
`speechqa ask` and the bot search it with pins on and the speaker/year filters read from it, and decide the pin
on the question as read — homophone typos corrected, spoken forms as the library writes them. This asks each
question of one batch the front ends' way (`Retriever.search(question, pins=True, auto_filter=True)`) in the
library its rows name, with the pins `bench pins` has active there (the bench library's and that library's),
and counts what the first result is: the question's own pin (a paraphrase served), another group's (a wrong
pin), a pin given to a near miss or an unrelated question (a false pin), or no pin.

    SPEECHQA_HOME=/tmp/h HF_HUB_OFFLINE=1 OMP_NUM_THREADS=1 python scripts/pin_batch_as_asked.py \\
        --cold-homes LIBS --batch 11 [--list]

LIBS the data homes scripts/eval_all_sets.sh builds (LIBS/c10 …): copies, their pins are replaced. `--list`
prints every question with what it got.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--cold-homes", type=Path, required=True)
    parser.add_argument("--batch", required=True, help="the batch to ask, e.g. 11")
    parser.add_argument("--list", action="store_true", help="print every question and what it got")
    args = parser.parse_args()
    if not args.cold_homes.is_dir():
        sys.exit(f"没有资料库文件夹：{args.cold_homes}")

    import bench.pins as b
    from cli.settings import load_settings

    settings = load_settings()
    items = b.load_pin_questions(b.PIN_QUESTIONS)
    batch = [i for i in items if i.batch == args.batch]
    if not batch or not all(i.library for i in batch):
        sys.exit(f"第 {args.batch} 批不在冷资料库中提问（或没有这一批）。")
    total = b.Outcome(0, 0, 0, 0, 0, 0, 0)
    for name, retriever, passage_of in b.cold_libraries(
        args.cold_homes,
        items,
        batch,
        model=settings.model,
        prefixes=settings.prefixes,
        tokenizer=settings.tokenizer,
    ):
        group_of = {p: g for g, p in passage_of.items()}
        chosen = []
        for item in batch:
            if item.library != name or item.kind == "pinned":
                continue
            hits = retriever.search(item.question, k=3, pins=True, auto_filter=True).hits
            got = group_of.get(hits[0].passage.id) if hits and hits[0].pinned else None
            if hits and hits[0].pinned and got is None:
                got = "?"  # a pinned passage no group of the set pins: counted as another group's
            chosen.append((b.Observation(item, ()), got))
            if args.list:
                print(f"{item.group} {item.kind} → {got} {item.question}")
        part = b.tally(chosen)
        print(f"{name}: {part.served_at()} (paraphrases served at false pins)")
        total = total + part
    print(f"batch {args.batch} as asked: {total.served_at()}, wrong pins {total.wrong}")


if __name__ == "__main__":
    main()
