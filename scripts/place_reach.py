"""The questions asking where or who pays, and what a ranking change does to them (docs/place57.md).

    /work/main/.venv/bin/python scripts/place_reach.py --ids IDS.jsonl
    /work/main/.venv/bin/python scripts/place_reach.py BEFORE.jsonl AFTER.jsonl [--half tune|heldout]

`--ids` writes to IDS.jsonl every question of every set whose kinds (`answer_type.asked_kinds`) hold a place —
the only ones `RetrieverConfig(place_first=True)` can move — and prints how many, per half (the halves of
`scripts/rank39_misses.py`), with how many ask where or who pays by their words (在哪/哪里/地点…, 从哪/谁出/列支…).
Search them both ways with `rank39_misses.py LIBS OUT.jsonl --ids IDS.jsonl [--place-first]`.

BEFORE AFTER: two such outputs; prints each question whose rank, 要点 (the best passage's answer sentence holding a
gold span, as `speechqa eval` counts it) or verdict moved, then per set R@1, 要点 and false 「未找到」 before → after,
and their sums, for one half (held out: held-out halves and blind sets together).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

PLACE_WORDS = re.compile(r"在哪|哪儿|哪里|什么地方|啥地方|地点|地址|哪个地方")
MONEY_WORDS = re.compile(r"从哪|哪里出|谁出|谁承担|谁付|谁掏|列支|经费来源")


def write_ids(out: Path) -> None:
    from rank39_misses import all_sets, halves_of

    from bench.evaluate import load_questions
    from corpus import to_simplified
    from retrieval.answer_type import asked_kinds

    counts: Counter[tuple[str, str]] = Counter()
    with out.open("w", encoding="utf-8") as sink:
        for name in all_sets():
            questions = load_questions(REPO / "benchmarks" / f"{name}-questions.jsonl")
            halves = halves_of(name, questions)
            for q in questions:
                half = halves[q.id]
                counts["where, by words", half] += PLACE_WORDS.search(q.question) is not None
                counts["who pays, by words", half] += MONEY_WORDS.search(q.question) is not None
                if "place" in asked_kinds(to_simplified(q.question).lower()):
                    counts["asked_kinds holds place", half] += 1
                    sink.write(json.dumps({"set": name, "id": q.id}) + "\n")
    for (what, half), n in sorted(counts.items()):
        print(f"{what}, {half}: {n}")


def squash(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def compare(before: Path, after: Path, half: str) -> None:
    from bench.evaluate import load_questions

    golds: dict[str, dict] = {}

    def spans(name: str, qid: str) -> list[str]:
        if name not in golds:
            path = REPO / "benchmarks" / f"{name}-questions.jsonl"
            golds[name] = {q.id: q for q in load_questions(path)}
        q = golds[name][qid]
        return [a for a in (q.spans or q.answers) if a.strip()]

    def rows(path: Path) -> dict[tuple[str, str], dict]:
        read = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
        return {(r["set"], r["id"]): r for r in read if (r["half"] == "tune") == (half == "tune")}

    def sentence(r: dict) -> bool:
        said = squash(r["top_sentence"])
        return r["rank"] == 1 and bool(said) and any(squash(a) in said for a in spans(r["set"], r["id"]))

    was, now = rows(before), rows(after)
    totals: dict[str, list[int]] = defaultdict(lambda: [0] * 6)
    for key, b in was.items():
        a = now[key]
        for at, r in ((0, b), (3, a)):
            if r["answerable"]:
                totals[key[0]][at] += r["rank"] == 1
                totals[key[0]][at + 1] += sentence(r)
                totals[key[0]][at + 2] += not r["answered"]
        if (b["rank"], b["answered"], sentence(b)) != (a["rank"], a["answered"], sentence(a)):
            print(
                f"{key[0]} {key[1]} {b['question']}: rank {b['rank']} → {a['rank']}, "
                f"要点 {sentence(b)} → {sentence(a)}, answered {b['answered']} → {a['answered']}"
            )
    print("| set | R@1 | 要点 | false 「未找到」 |")
    print("|---|---|---|---|")
    whole = [0] * 6
    for name, t in totals.items():
        whole = [x + y for x, y in zip(whole, t, strict=True)]
        if t[:3] != t[3:]:
            print(f"| {name} | {t[0]} → {t[3]} | {t[1]} → {t[4]} | {t[2]} → {t[5]} |")
    print(f"| all ({half}) | {whole[0]} → {whole[3]} | {whole[1]} → {whole[4]} | {whole[2]} → {whole[5]} |")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--ids", type=Path, help="write the questions asking where to this file")
    parser.add_argument("--half", choices=("tune", "heldout"), default="heldout")
    args = parser.parse_args(argv)
    if args.ids is not None:
        write_ids(args.ids)
        return 0
    if len(args.paths) != 2:
        parser.error("要给出 BEFORE.jsonl 与 AFTER.jsonl 两个文件，或 --ids IDS.jsonl")
    for path in args.paths:
        if not path.is_file():
            print(f"找不到：{path}", file=sys.stderr)
            return 1
    compare(args.paths[0], args.paths[1], args.half)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
