"""Mark each question of a staff question set "tune" or "heldout", before any run of it.

    python scripts/asks38_split.py              # benchmarks/asks38-questions.jsonl, its "split" fields in place
    python scripts/asks38_split.py --set asks40 # benchmarks/asks40-questions.jsonl (docs/asks40.md)
    python scripts/asks38_split.py --set asks53 --kinds  # near misses and off-topic questions as strata too

Per style ("dictated", "metadata"; asks40's ten styles), answerable and unanswerable apart, by
`bench.blind_split("<set>-<style>", …)`: the SHA-256 of the id decides, blind to the text (docs/asks38.md).
With --kinds, the unanswerable questions of a style are halved per kind ("near_miss", "off_topic") apart, so
that each half holds its share of near misses (docs/asks53.md); the sets split before it keep their halves.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench.confidence import blind_split
from bench.evaluate import load_questions

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="asks38_split.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--set", default="asks38", help="the set's name: benchmarks/<set>-questions.jsonl")
    parser.add_argument(
        "--kinds",
        action="store_true",
        help="halve near misses and off-topic questions apart within each style",
    )
    args = parser.parse_args(argv)
    name = args.set
    path = BENCHMARKS / f"{name}-questions.jsonl"
    questions = load_questions(path)
    split: dict[str, str] = {}
    for style in sorted({q.style or "" for q in questions}):
        of_style = [q for q in questions if (q.style or "") == style]
        if not args.kinds:
            split.update(blind_split(f"{name}-{style}", of_style))
            continue
        split.update(blind_split(f"{name}-{style}", [q for q in of_style if q.answerable]))
        for kind in sorted({q.kind or "" for q in of_style if not q.answerable}):
            part = [q for q in of_style if not q.answerable and (q.kind or "") == kind]
            split.update(blind_split(f"{name}-{style}-{kind}", part))
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        row["split"] = split[row["id"]]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    for style in sorted({q.style or "" for q in questions}):
        part = [r for r in rows if r.get("style") == style]
        for label, rows_of in (
            ("answerable", [r for r in part if r.get("answers") or r.get("speech_title")]),
            ("unanswerable", [r for r in part if not (r.get("answers") or r.get("speech_title"))]),
        ):
            if rows_of:
                print(
                    style, label, {h: sum(1 for r in rows_of if r["split"] == h) for h in ("tune", "heldout")}
                )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
