"""Mark each question of benchmarks/asks38-questions.jsonl "tune" or "heldout", before any run of it.

    python scripts/asks38_split.py            # rewrites the file's "split" fields in place

Per style ("dictated", "metadata"), answerable and unanswerable apart, by `bench.blind_split("asks38-<style>",
…)`: the SHA-256 of the id decides, blind to the text (docs/asks38.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench.confidence import blind_split
from bench.evaluate import load_questions

SET = Path(__file__).resolve().parent.parent / "benchmarks" / "asks38-questions.jsonl"


def main(argv: list[str]) -> int:
    argparse.ArgumentParser(
        prog="asks38_split.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    ).parse_args(argv)
    questions = load_questions(SET)
    split: dict[str, str] = {}
    for style in sorted({q.style or "" for q in questions}):
        split.update(blind_split(f"asks38-{style}", [q for q in questions if (q.style or "") == style]))
    rows = [json.loads(line) for line in SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        row["split"] = split[row["id"]]
    SET.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    for style in sorted({q.style or "" for q in questions}):
        part = [r for r in rows if r.get("style") == style]
        print(style, {h: sum(1 for r in part if r["split"] == h) for h in ("tune", "heldout")})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
