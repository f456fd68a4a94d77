"""Pinned answers in use (session pins69): seven pins set on the bundled speeches, then the questions of
benchmarks/pin-look69.tsv asked as `speechqa ask` asks them (pins on, filters read from the question), once per
pin model given — which are served 📌 (and which pin), which only offered.

    SPEECHQA_HOME=/tmp/h HF_HUB_OFFLINE=1 python scripts/pin_look69.py HOME \\
        --model SC=retrieval/data/pins.json --model GWTCWN=/tmp/mend68p/cands/GWTCWN.json

HOME is a library holding the bundled speeches (a copy of one: its pins are replaced by the look's seven).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bench.pins as b
from cli.settings import load_settings
from retrieval import load_pin_judge

LOOK = Path(__file__).resolve().parent.parent / "benchmarks" / "pin-look69.tsv"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "home", type=Path, help="a library holding the bundled speeches (its pins are replaced)"
    )
    parser.add_argument("--model", action="append", required=True, help="NAME=PINS.json, one per model")
    args = parser.parse_args()
    if not args.home.is_dir():
        sys.exit(f"找不到文件夹：{args.home}")
    rows = [
        line.split("\t") for line in LOOK.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    s = load_settings()
    r = b.library_retriever(args.home, model=s.model, prefixes=s.prefixes, tokenizer=s.tokenizer)
    store = r.store
    for pin in store.pins():
        store.unpin(pin.pin.id)
    names: dict[int, str] = {}
    for _, name, question, phrase in (row for row in rows if row[0] == "pin"):
        [passage] = [p.id for p in store.passages() if phrase in p.text]
        store.pin(question, passage, pinned_by="pins69")
        names[passage] = name
    models = dict(m.split("=", 1) for m in args.model)
    asked = [row for row in rows if row[0] != "pin"]
    print("kind\tnear\t" + "\t".join(models) + "\tquestion")
    columns: list[list[str | None]] = []
    for path in models.values():
        r.pin_judge = load_pin_judge(Path(path), embedder=r.embedder.key)
        column: list[str | None] = []
        for _, _, question, *_ in asked:
            answer = r.search(question, 3, auto_filter=True, pins=True)
            pinned = [h for h in answer.hits if h.pinned]
            column.append(
                names.get(pinned[0].passage.id, "?") if pinned else ("offer" if answer.pin_offer else None)
            )
        columns.append(column)
    for n, (kind, near, question, *judged) in enumerate(asked):
        shown = ["-" if c[n] is None else c[n] if c[n] == "offer" else f"📌{c[n]}" for c in columns]
        print(
            f"{kind}\t{near}\t" + "\t".join(shown) + f"\t{question}" + (f"\t({judged[0]})" if judged else "")
        )
    counts = {
        kind: sum(1 for row in asked if row[0] == kind) for kind in ("paraphrase", "other", "unrelated")
    }
    for name, column in zip(models, columns, strict=True):
        got = [(row, c) for row, c in zip(asked, column, strict=True) if c not in (None, "offer")]
        right = sum(1 for (kind, near, *_), c in got if kind == "paraphrase" and c == near)
        answering = sum(
            1 for (kind, near, _, *j), c in got if kind == "other" and c == near and j == ["answers"]
        )
        wrong = [
            q
            for (kind, near, q, *j), c in got
            if not (c == near and (kind == "paraphrase" or j == ["answers"]))
        ]
        print(
            f"{name}: 📌 served to {right}/{counts['paraphrase']} paraphrases, to {answering} other questions its "
            f"passage answers; 📌 wrong {len(wrong)} (of {counts['other']} other questions, {counts['unrelated']} "
            f"unrelated): {'、'.join(wrong) or '—'}"
        )


if __name__ == "__main__":
    main()
