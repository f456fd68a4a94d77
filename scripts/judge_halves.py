"""Judging a candidate's rows beside main's, shared by the scripts that search a set's questions with main's config
and again with each candidate (`scripts/words63_near.py`, `scripts/conf64_asked.py`): one JSON line per question
and candidate (set, id, half, candidate, answerable, question, rank of the first relevant passage, answered).

`read_rows` reads such a file (a line that is not a JSON object of those fields: `BadRows`, its message in Chinese
for the script's edge); `compare` prints, per candidate and per set that moved, R@1, false 「未找到」 and answered
unanswerable before → after, the totals (of the sets that moved, and of every set), whether a `Rule` holds (by
default words63's and conf64's: false 「未找到」 falls, answered unanswerable rises in no set, no rank moves; conf65's
and conf66's bound the rise of false 「未找到」 on each set instead or as well) and every question whose verdict moved;
`print_summary` the table of candidates.

What those scripts share besides (scripts/conf64_asked.py, conf65_detail.py, conf66_words.py): `write_whole` writes
a rows file whole or not at all, `candidate_parser` their common arguments, `chosen` the candidates asked for,
`judged` a rows file judged (a missing or bad file refused in one Chinese line), `refused_sets` the sets and
libraries `collect` needs.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TextIO

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


def print_verdicts(half: str, verdicts: list[Verdict], worst: str) -> None:
    """The table of candidates over every set: false 「未找到」 and answered unanswerable before → after, the largest
    rise of false 「未找到」 on one set (its column headed `worst`) and whether the rule passes."""
    print(f"\n| candidate ({half}) | false 「未找到」 | answered unanswerable | {worst} | rule |")
    print("|---|---|---|---|---|")
    for v in verdicts:
        t = v.whole
        print(
            f"| {v.label} | {t[0]} → {t[1]} | {t[2]} → {t[3]} | {v.worst_false_rise} | "
            f"{'passes' if v.passes else 'fails'} |"
        )


def row_of(name: str, half: str, label: str, question: Any, answer: Any, read: Any) -> dict:
    """One line of a rows file: the question (a `bench.evaluate` question of set `name`, in `half`) as `label`
    searched it (`answer`, as `speechqa eval` searches), the rank of its first relevant passage (None beyond the
    hits), the verdict, and `read` (what the candidate read, printed beside a moved question)."""
    from bench.evaluate import is_relevant

    first = next((h for h in answer.hits if is_relevant(h.passage, question)), None)
    return {
        "set": name,
        "id": question.id,
        "half": half,
        "candidate": label,
        "answerable": question.answerable,
        "question": question.question,
        "rank": first.rank if first is not None else None,
        "answered": answer.answered,
        "level": answer.level,
        "probability": answer.probability,
        "read": read,
    }


def write_whole(out: Path, write: Callable[[TextIO], None]) -> None:
    """`write` into OUT, which appears whole or not at all (a failed or interrupted run leaves nothing)."""
    part = out.with_name(out.name + ".part")
    try:
        with part.open("w", encoding="utf-8") as sink:
            write(sink)
        part.replace(out)
    finally:
        part.unlink(missing_ok=True)


def candidate_parser(prog: str, doc: str | None) -> argparse.ArgumentParser:
    """The arguments every candidate script takes: collect / judge / fit / reported, the paths, the sets, the half,
    the candidates, and the CMRC files of `fit` and `reported`."""
    parser = argparse.ArgumentParser(
        prog=prog, description=doc, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", choices=("collect", "judge", "fit", "reported"))
    parser.add_argument("paths", type=Path, nargs="+")
    parser.add_argument("--sets", help="comma-separated set names (default: every set)")
    parser.add_argument("--half", choices=("tune", "heldout", "all"), default="tune")
    parser.add_argument("--candidates", help="comma-separated candidates (default: every one)")
    parser.add_argument("--limit", type=int, default=400, help="CMRC questions for `fit` and `reported`")
    parser.add_argument("--trial", type=Path, help="cmrc2018_trial.json, for `fit`")
    parser.add_argument("--cmrc-dev", type=Path, help="cmrc2018_dev.json, for `reported`")
    parser.add_argument("--every-context", type=int, default=4, help="CMRC dev contexts kept, for `reported`")
    return parser


def chosen(asked: str | None, names: Sequence[str]) -> list[str] | None:
    """The candidates `--candidates` asks for (None given: every one); None, after one Chinese line, when one is
    not of `names`."""
    labels = asked.split(",") if asked else list(names)
    if any(label not in names for label in labels):
        print(f"没有这个候选：{asked}（可选：{', '.join(names)}）", file=sys.stderr)
        return None
    return labels


def judged(path: Path, judge: Callable[[], int]) -> int:
    """`judge()` of the rows file `path`; a missing file, or one that is not rows or not text: one Chinese line, 1."""
    if not path.is_file():
        print(f"找不到：{path}", file=sys.stderr)
        return 1
    try:
        return judge()
    except (BadRows, UnicodeDecodeError) as error:
        print(str(error) if isinstance(error, BadRows) else f"{path} 不是文本文件", file=sys.stderr)
        return 1


def refused_sets(libs: Path, names: Sequence[str]) -> str | None:
    """Why `collect` cannot search `names` in LIBS (a set with no questions file, a library LIBS lacks), in
    Chinese; None when it can."""
    from rank39_misses import all_sets, library_of

    unknown = [n for n in names if n not in all_sets()]
    if unknown:
        return f"没有这个题集：{'、'.join(unknown)}（benchmarks/ 下没有 NAME-questions.jsonl）"
    missing = sorted({library_of(n) for n in names if not (libs / library_of(n)).is_dir()})
    if missing:
        return f"资料库文件夹 {libs} 里缺少：{'、'.join(missing)}（由 scripts/eval_all_sets.sh 建）"
    return None


def collected(args: argparse.Namespace, labels: list[str], write_rows: Callable[..., None]) -> int:
    """`collect LIBS OUT`: `write_rows(sink, LIBS, names, half, labels)` written whole into OUT (`write_whole`), after
    LIBS, the two paths and the sets (`--sets`, default every one) are checked: one Chinese line and 1 otherwise."""
    from rank39_misses import all_sets

    if not args.paths[0].is_dir():
        print(f"找不到文件夹：{args.paths[0]}", file=sys.stderr)
        return 1
    if len(args.paths) != 2:
        print("collect 要给出两个路径：资料库文件夹和结果文件", file=sys.stderr)
        return 1
    names = args.sets.split(",") if args.sets else all_sets()
    refusal = refused_sets(args.paths[0], names)
    if refusal is not None:
        print(refusal, file=sys.stderr)
        return 1
    write_whole(args.paths[1], lambda sink: write_rows(sink, args.paths[0], names, args.half, labels))
    return 0


def cmrc_file(args: argparse.Namespace) -> Path | None:
    """The CMRC file `fit` (--trial) or `reported` (--cmrc-dev) reads, with HOME checked; None after one Chinese
    line when either is missing."""
    if not args.paths[0].is_dir():
        print(f"找不到文件夹：{args.paths[0]}", file=sys.stderr)
        return None
    given, option, name = (
        (args.trial, "--trial", "cmrc2018_trial.json")
        if args.command == "fit"
        else (args.cmrc_dev, "--cmrc-dev", "cmrc2018_dev.json")
    )
    if given is None or not given.is_file():
        print(f"`{args.command}` 要用 {option} 给出 {name}", file=sys.stderr)
        return None
    return given


def main(argv: list[str]) -> int:
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

    def judge() -> int:
        rows = read_rows(args.rows, args.half, set(args.sets.split(",")) if args.sets else None)
        labels = list(dict.fromkeys(r["candidate"] for r in rows if r["candidate"] != "main"))
        print_summary(args.half, compare(rows, labels, args.half, args.detail))
        return 0

    return judged(args.rows, judge)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
