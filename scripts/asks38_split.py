"""Mark each question of a staff question set "tune" or "heldout", before any run of it.

    python scripts/asks38_split.py              # benchmarks/asks38-questions.jsonl, its "split" fields in place
    python scripts/asks38_split.py --set asks40 # benchmarks/asks40-questions.jsonl (docs/asks40.md)

Per style ("dictated", "metadata"; asks40's ten styles), answerable and unanswerable apart, by
`bench.blind_split("<set>-<style>", …)`: the SHA-256 of the id decides, blind to the text (docs/asks38.md).
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
    name = parser.parse_args(argv).set
    path = BENCHMARKS / f"{name}-questions.jsonl"
    questions = load_questions(path)
    split: dict[str, str] = {}
    for style in sorted({q.style or "" for q in questions}):
        split.update(blind_split(f"{name}-{style}", [q for q in questions if (q.style or "") == style]))
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        row["split"] = split[row["id"]]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    for style in sorted({q.style or "" for q in questions}):
        part = [r for r in rows if r.get("style") == style]
        print(style, {h: sum(1 for r in part if r["split"] == h) for h in ("tune", "heldout")})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
