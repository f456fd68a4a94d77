"""Apply the ranker's ship rule (docs/measured.md, "The refitted ranker (c) against the sets it has never
seen") to the `--ranks` files `scripts/compare_rankers.py` writes: per set, the answerable questions a
candidate ranker puts first and in the top 3 against the shipped one, the sums, and each clause.

    python scripts/ranker_ship_rule.py ranks-sets.json ranks-cmrc.json [--base shipped] [--candidate c]

Sets are named as compare_rankers.py labels them (a question set's file stem without "-questions",
"policy", "cmrc2018_dev"); the dev and policy sets are split into their tuning (design) and held-out halves.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.errors import require_paths
from bench.evaluate import load_questions

ROOT = Path(__file__).resolve().parents[1]
DESIGN = ("cold6", "cold7", "cold9")  # and the tuning halves of dev and policy
FRESH = ("cold13", "cold14")  # never fitted, never measured before the rule was settled
HALVED = ("dev", "policy")


@dataclass(frozen=True)
class Part:
    label: str
    role: str  # "held" | "fresh" | "design" | "cmrc"
    base: tuple[int, int]  # questions first, questions in the top 3
    candidate: tuple[int, int]
    answerable: int

    @property
    def allowance(self) -> int:
        return max(1, int(0.001 * self.answerable))


def _counts(ranks: dict[str, int | None], ids: list[str]) -> tuple[int, int]:
    first = sum(ranks[i] == 1 for i in ids)
    top3 = sum(ranks[i] is not None and ranks[i] <= 3 for i in ids)  # type: ignore[operator]
    return first, top3


def parts(ranks: dict[str, dict[str, dict[str, int | None]]], base: str, candidate: str) -> list[Part]:
    out = []
    for label, by in ranks.items():
        if label.startswith("cmrc"):
            groups = [(label, "cmrc", list(by[base]))]  # every CMRC question has an answer
        else:
            questions = {q.id: q for q in load_questions(ROOT / "benchmarks" / f"{label}-questions.jsonl")}
            ids = [i for i in by[base] if questions[i].answerable]
            if label in HALVED:
                groups = [
                    (
                        f"{label} {half}",
                        "design" if half == "tune" else "held",
                        [i for i in ids if questions[i].split == half],
                    )
                    for half in ("tune", "heldout")
                ]
            else:
                role = "design" if label in DESIGN else "fresh" if label in FRESH else "held"
                groups = [(label, role, ids)]
        for name, role, ids in groups:
            out.append(Part(name, role, _counts(by[base], ids), _counts(by[candidate], ids), len(ids)))
    return out


def _sum(ps: list[Part]) -> tuple[int, tuple[int, int], tuple[int, int]]:
    return (
        sum(p.answerable for p in ps),
        (sum(p.base[0] for p in ps), sum(p.base[1] for p in ps)),
        (sum(p.candidate[0] for p in ps), sum(p.candidate[1] for p in ps)),
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("ranks", nargs="+", type=Path)
    parser.add_argument("--base", default="shipped")
    parser.add_argument("--candidate", default="c")
    args = parser.parse_args()
    ranks: dict[str, dict[str, dict[str, int | None]]] = {}
    require_paths(*args.ranks)  # one line, exit 1
    for path in args.ranks:
        try:
            ranks.update(json.loads(path.read_text(encoding="utf-8")))
        except (UnicodeDecodeError, json.JSONDecodeError):
            sys.exit(f"不是 compare_rankers.py --ranks 写的文件：{path}")
    ps = parts(ranks, args.base, args.candidate)
    print(
        f"| set | role | answerable | {args.base} first (top 3) | {args.candidate} first (top 3) | allowance |"
    )
    print("|---|---|---|---|---|---|")
    for p in ps:
        allowance = "—" if p.role == "design" else str(p.allowance)
        print(
            f"| {p.label} | {p.role} | {p.answerable} | {p.base[0]} ({p.base[1]}) "
            f"| {p.candidate[0]} ({p.candidate[1]}) | {allowance} |"
        )
    sums = {
        "fresh": [p for p in ps if p.role == "fresh"],
        "held out but CMRC, without the fresh sets": [p for p in ps if p.role == "held"],
        "held out but CMRC, with the fresh sets": [p for p in ps if p.role in ("held", "fresh")],
        "CMRC": [p for p in ps if p.role == "cmrc"],
        "design": [p for p in ps if p.role == "design"],
    }
    print()
    for name, group in sums.items():
        n, b, c = _sum(group)
        print(f"{name} ({n}): {b[0]} ({b[1]}) → {c[0]} ({c[1]})")
    clauses = []
    lost = [
        p.label
        for p in ps
        if p.role != "design" and max(p.base[k] - p.candidate[k] for k in (0, 1)) > p.allowance
    ]
    clauses.append(("1 allowance per held-out set", not lost, ", ".join(lost)))
    _, b, c = _sum(sums["fresh"])
    fresh_lost = [p.label for p in sums["fresh"] if max(p.base[k] - p.candidate[k] for k in (0, 1)) > 1]
    clauses.append(
        (
            "2 fresh sets",
            bool(sums["fresh"]) and c[0] >= b[0] and c[1] >= b[1] and not fresh_lost,
            f"first {b[0]} → {c[0]}, top 3 {b[1]} → {c[1]}; more than one lost: {', '.join(fresh_lost) or 'none'}",
        )
    )
    _, b, c = _sum(sums["held out but CMRC, with the fresh sets"])
    clauses.append(("3 held out first rises", c[0] > b[0], f"{b[0]} → {c[0]}"))
    n, _, c = _sum(sums["CMRC"])
    clauses.append(
        ("4 CMRC dev R@1 ≥ 0.99", bool(n) and c[0] / n >= 0.99, f"{c[0] / n:.3f}" if n else "not measured")
    )
    _, b, c = _sum(sums["design"])
    clauses.append(("5 design first does not fall", c[0] >= b[0], f"{b[0]} → {c[0]}"))
    print()
    for name, ok, note in clauses:
        print(f"clause {name}: {'passes' if ok else 'FAILS'}{' — ' + note if note else ''}")


if __name__ == "__main__":
    main()
