"""Judging a candidate's rows beside main's, shared by the scripts that search a set's questions with main's config
and again with each candidate (`scripts/words63_near.py`, `scripts/conf64_asked.py`): one JSON line per question
and candidate (set, id, half, candidate, answerable, question, rank of the first relevant passage, answered).

`read_rows` reads such a file (a line that is not a JSON object of those fields: `BadRows`, its message in Chinese
for the script's edge); `compare` prints, per candidate and per set that moved, R@1, false 「未找到」 and answered
unanswerable before → after, the total, whether the rule of those scripts holds (false 「未找到」 falls, answered
unanswerable rises in no set, no rank moves) and every question whose verdict moved; `print_summary` the table of
candidates.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

FIELDS = ("set", "id", "half", "candidate", "answerable", "question", "rank", "answered")


class BadRows(ValueError):
    """A rows file that is not what `collect` writes; the message names the line, in Chinese."""


@dataclass(frozen=True)
class Rule:
    """What a candidate may move and still pass: false 「未找到」 must fall in total and no rank may move; answered
    unanswerable may rise by `per_set_rise` in a set and by `total_rise` in total (None: no bound beyond the
    sets'); `r1_held`: R@1 may fall in no set. The default is words63's and conf64's rule (no set answers more
    unanswerable); words62's allowed one a set, two in all, with R@1 held."""

    per_set_rise: int = 0
    total_rise: int | None = None
    r1_held: bool = False


@dataclass(frozen=True)
class Verdict:
    label: str
    totals: tuple[int, int, int, int]  # false 「未找到」 before, after; answered unanswerable before, after
    rises: tuple[str, ...]  # the sets answering more unanswerable questions
    passes: bool

    @property
    def gain(self) -> int:
        """False 「未找到」 and answered unanswerable taken away, together."""
        return (self.totals[0] - self.totals[1]) + (self.totals[2] - self.totals[3])


def read_rows(path: Path, half: str, sets: set[str] | None = None) -> list[dict]:
    """The rows of `path` in `half` ("all": every one) and `sets` (None: every set)."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            raise BadRows(f"{path} 第 {number} 行不是 JSON，不是 collect 写出的结果文件") from None
        if not isinstance(row, dict) or any(field not in row for field in FIELDS):
            raise BadRows(
                f"{path} 第 {number} 行缺少字段（要有 {'、'.join(FIELDS)}），不是 collect 写出的结果文件"
            )
        rows.append(row)
    return [r for r in rows if (half == "all" or r["half"] == half) and (sets is None or r["set"] in sets)]


def counts(rows: Iterable[dict]) -> tuple[int, int, int, int, int]:
    """(answerable, R@1, false 「未找到」, unanswerable, answered unanswerable)."""
    rows = list(rows)
    answerable = [r for r in rows if r["answerable"]]
    unanswerable = [r for r in rows if not r["answerable"]]
    return (
        len(answerable),
        sum(r["rank"] == 1 for r in answerable),
        sum(not r["answered"] for r in answerable),
        len(unanswerable),
        sum(r["answered"] for r in unanswerable),
    )


def main_rows(rows: list[dict]) -> dict[tuple[str, str], dict]:
    return {(r["set"], r["id"]): r for r in rows if r["candidate"] == "main"}


def compare(
    rows: list[dict], labels: list[str], half: str, detail: str, rule: Rule = Rule()
) -> list[Verdict]:
    """Each candidate of `labels` against main (a question a candidate did not search again reads as main's),
    judged by `rule`; `detail`: the row's field printed beside a question whose verdict moved."""
    main = main_rows(rows)
    verdicts = []
    for label in labels:
        after = dict(main)
        after.update({(r["set"], r["id"]): r for r in rows if r["candidate"] == label})
        by_set: dict[str, list[tuple[dict, dict]]] = defaultdict(list)
        for key, before in main.items():
            by_set[key[0]].append((before, after[key]))
        print(f"\n== {label} ({half})")
        print("| set | answerable | R@1 | false 「未找到」 | answered unanswerable |")
        print("|---|---|---|---|---|")
        totals = [0, 0, 0, 0]
        rises = []
        held = True
        for name, pairs in by_set.items():
            b = counts(p[0] for p in pairs)
            a = counts(p[1] for p in pairs)
            if b == a:
                continue
            print(f"| {name} | {b[0]} | {b[1]} → {a[1]} | {b[2]} → {a[2]} | {b[4]} → {a[4]} of {b[3]} |")
            totals = [totals[0] + b[2], totals[1] + a[2], totals[2] + b[4], totals[3] + a[4]]
            if a[4] > b[4]:
                rises.append(name)
            held = held and a[4] - b[4] <= rule.per_set_rise and (a[1] >= b[1] or not rule.r1_held)
        ranks_same = all(after[k]["rank"] == main[k]["rank"] for k in main)
        in_total = rule.total_rise is None or totals[3] - totals[2] <= rule.total_rise
        passes = totals[1] < totals[0] and held and in_total and ranks_same
        print(
            f"total (sets that moved): false 「未找到」 {totals[0]} → {totals[1]}, answered unanswerable "
            f"{totals[2]} → {totals[3]}, sets answering more unanswerable: {', '.join(rises) or 'none'}, "
            f"ranks unchanged: {ranks_same}; rule: {'passes' if passes else 'fails'}"
        )
        for key, before in main.items():
            moved = after[key]
            if moved["answered"] != before["answered"]:
                kind = "answerable" if before["answerable"] else "UNANSWERABLE"
                print(
                    f"  {key[0]} {key[1]} {kind} → {'answered' if moved['answered'] else '未找到'}: "
                    f"{before['question']} {moved.get(detail)}"
                )
        verdicts.append(Verdict(label, (totals[0], totals[1], totals[2], totals[3]), tuple(rises), passes))
    return verdicts


def print_summary(half: str, verdicts: list[Verdict]) -> None:
    print(
        f"\n| candidate ({half}) | false 「未找到」 | answered unanswerable | sets answering more unanswerable |"
    )
    print("|---|---|---|---|")
    for v in verdicts:
        t = v.totals
        print(f"| {v.label} | {t[0]} → {t[1]} | {t[2]} → {t[3]} | {', '.join(v.rises) or 'none'} |")


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="judge_halves.py",
        description=__doc__
        + "\nRun alone, it compares every candidate of a rows file against main (no choice).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("rows", type=Path, help="a file `collect` wrote")
    parser.add_argument("--half", choices=("tune", "heldout", "all"), default="all")
    parser.add_argument("--sets", help="comma-separated set names (default: every set)")
    parser.add_argument("--detail", default="read", help="the row field printed beside a moved question")
    args = parser.parse_args(argv)
    if not args.rows.is_file():
        print(f"找不到：{args.rows}", file=sys.stderr)
        return 1
    try:
        rows = read_rows(args.rows, args.half, set(args.sets.split(",")) if args.sets else None)
    except (BadRows, UnicodeDecodeError) as error:
        print(str(error) if isinstance(error, BadRows) else f"{args.rows} 不是文本文件", file=sys.stderr)
        return 1
    labels = list(dict.fromkeys(r["candidate"] for r in rows if r["candidate"] != "main"))
    print_summary(args.half, compare(rows, labels, args.half, args.detail))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
