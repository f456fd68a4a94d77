"""Judging a candidate's rows beside main's, shared by the scripts that search a set's questions with main's config
and again with each candidate (`scripts/words63_near.py`, `scripts/conf64_asked.py`): one JSON line per question
and candidate (set, id, half, candidate, answerable, question, rank of the first relevant passage, answered).

`read_rows` reads such a file (a line that is not a JSON object of those fields: `BadRows`, its message in Chinese
for the script's edge); `compare` prints, per candidate and per set that moved, R@1, false 「未找到」 and answered
unanswerable before → after, the totals (of the sets that moved, and of every set), whether a `Rule` holds (by
default words63's and conf64's: false 「未找到」 falls, answered unanswerable rises in no set, no rank moves; conf65's
and conf66's bound the rise of false 「未找到」 on each set instead or as well) and every question whose verdict moved;
`print_summary` the table of candidates.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

FIELDS = ("set", "id", "half", "candidate", "answerable", "question", "rank", "answered")


class BadRows(ValueError):
    """A rows file that is not what `collect` writes; the message names the line, in Chinese."""


Falls = Literal["false_abstain", "answered_unanswerable", "both", "nothing"]


@dataclass(frozen=True)
class Rule:
    """What a candidate may move and still pass. No rank may move. `falls`: what must fall in total — false
    「未找到」 (the default), answered unanswerable, the two together ("both"), or "nothing" (a rule of rises alone).
    Answered unanswerable may rise by `per_set_rise` in a set (None: no bound on a set) and by `total_rise` in
    total (None: no bound beyond the sets'); false 「未找到」 by `per_set_false_rise` in a set (None: no bound);
    `r1_held`: R@1 may fall in no set. The default is words63's and conf64's rule (no set answers more
    unanswerable); words62's allowed one a set, two in all, with R@1 held; conf65's wanted answered unanswerable
    to fall, false 「未找到」 rising by one at most on a set (`CONF65_RULE`)."""

    per_set_rise: int | None = 0
    total_rise: int | None = None
    r1_held: bool = False
    falls: Falls = "false_abstain"
    per_set_false_rise: int | None = None

    def set_holds(self, before: tuple[int, ...], after: tuple[int, ...]) -> bool:
        """Whether one set's `counts` before → after keep within the rule's bounds on a set."""
        return (
            (self.per_set_rise is None or after[4] - before[4] <= self.per_set_rise)
            and (self.per_set_false_rise is None or after[2] - before[2] <= self.per_set_false_rise)
            and (after[1] >= before[1] or not self.r1_held)
        )

    def total_holds(self, totals: tuple[int, int, int, int]) -> bool:
        """Whether the totals (false 「未找到」 before, after; answered unanswerable before, after) fall as the rule
        asks and answered unanswerable keeps within `total_rise`."""
        false_fall, answered_fall = totals[0] - totals[1], totals[2] - totals[3]
        fell = {
            "false_abstain": false_fall > 0,
            "answered_unanswerable": answered_fall > 0,
            "both": false_fall + answered_fall > 0,
            "nothing": True,
        }[self.falls]
        return fell and (self.total_rise is None or -answered_fall <= self.total_rise)


# conf65's (scripts/conf65_detail.py): answered unanswerable falls in total, false 「未找到」 rises by one at most on a set
CONF65_RULE = Rule(per_set_rise=None, falls="answered_unanswerable", per_set_false_rise=1)


@dataclass(frozen=True)
class Verdict:
    label: str
    totals: tuple[int, int, int, int]  # false 「未找到」 before, after; answered unanswerable before, after
    rises: tuple[str, ...]  # the sets answering more unanswerable questions
    passes: bool
    worst_false_rise: int = 0  # the largest rise of false 「未找到」 on one set (0: none rose)
    whole: tuple[int, int, int, int] = (0, 0, 0, 0)  # as `totals`, of every set (those that did not move too)

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
        worst = 0
        for name, pairs in by_set.items():
            b = counts(p[0] for p in pairs)
            a = counts(p[1] for p in pairs)
            if b == a:
                continue
            print(f"| {name} | {b[0]} | {b[1]} → {a[1]} | {b[2]} → {a[2]} | {b[4]} → {a[4]} of {b[3]} |")
            totals = [totals[0] + b[2], totals[1] + a[2], totals[2] + b[4], totals[3] + a[4]]
            if a[4] > b[4]:
                rises.append(name)
            worst = max(worst, a[2] - b[2])
            held = held and rule.set_holds(b, a)
        ranks_same = all(after[k]["rank"] == main[k]["rank"] for k in main)
        of_moved = (totals[0], totals[1], totals[2], totals[3])
        passes = rule.total_holds(of_moved) and held and ranks_same
        b, a = counts(main.values()), counts(after.values())
        print(
            f"total (sets that moved): false 「未找到」 {totals[0]} → {totals[1]}, answered unanswerable "
            f"{totals[2]} → {totals[3]}, sets answering more unanswerable: {', '.join(rises) or 'none'}, "
            f"ranks unchanged: {ranks_same}; rule: {'passes' if passes else 'fails'}"
        )
        print(
            f"total (every set): R@1 {b[1]} → {a[1]} of {b[0]}, false 「未找到」 {b[2]} → {a[2]}, answered "
            f"unanswerable {b[4]} → {a[4]} of {b[3]}; the largest rise of false 「未找到」 on one set: {worst}"
        )
        for key, before in main.items():
            moved = after[key]
            if moved["answered"] != before["answered"]:
                kind = "answerable" if before["answerable"] else "UNANSWERABLE"
                print(
                    f"  {key[0]} {key[1]} {kind} → {'answered' if moved['answered'] else '未找到'}: "
                    f"{before['question']} {moved.get(detail)}"
                )
        whole = (b[2], a[2], b[4], a[4])
        verdicts.append(Verdict(label, of_moved, tuple(rises), passes, worst, whole))
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
