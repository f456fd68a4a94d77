"""An "asked detail absent" reading of the confidence (`RetrieverConfig.detail_absent`, retrieval/detail.py), searched
beside main's, and its ship rule judged on held-out questions only (docs/conf65.md).

    python scripts/conf65_detail.py collect LIBS OUT.jsonl [--sets dev,asks49,…] [--half tune|heldout|all]
    python scripts/conf65_detail.py judge OUT.jsonl [--half tune|heldout|all] [--sets …]
    python scripts/conf65_detail.py fit HOME --trial …/cmrc2018_trial.json [--limit 400]
    python scripts/conf65_detail.py reported HOME --cmrc-dev …/cmrc2018_dev.json [--limit 400 --every-context 4]

`collect` asks every question of each set (default: every set `scripts/rank39_misses.py` knows; the half given) of
a temporary copy of its library (LIBS as `scripts/eval_all_sets.sh` builds it; never written), as `speechqa eval
--mode hybrid` does, with main's search (`detail_absent="off"`) and again with each candidate of `CANDIDATES`. The
reading can only lower a verdict by one level, never move a rank. One line per question and candidate: set, id,
half, answerable, rank of the first relevant passage (null beyond 10), answered, level, probability, and whether the
reading fired. OUT is written whole or not at all (an unknown set or a library missing from LIBS is refused before
any search: one line in Chinese, exit 1).

`judge` prints, per candidate and per set that moved, R@1, false 「未找到」 and answered unanswerable, before → after,
on the half given, every question whose verdict moved, the totals and the rule's verdict on that part (judged by
`judge_halves.compare` under `judge_halves.CONF65_RULE`).

`fit` asks the confidence model's fitting data (`bench.fit_examples`: CMRC trial against its library kept in
HOME/bench as `speechqa bench fit-confidence` keeps it, the same with their own context removed — the near misses by
construction —, CMRC questions asked of the speeches in HOME, the dev and policy sets' tuning halves) with main's
search and each candidate, and prints each group's false 「未找到」 and answered unanswerable under the shipped model.
`reported` does the same for the held-out rows `speechqa bench confidence --cmrc …/cmrc2018_dev.json --limit 400
--every-context 4` reports (dev held-out half, CMRC dev with own-context negatives, the policy set's held-out half).

**The rule**, fixed on the tuning halves (and CMRC trial) before any held-out figure was read and before asks53 was on
this branch (docs/conf65.md, "The ship rule"):

- **The candidate**: of `CANDIDATES`, the one that on the tuning halves of every staff set (dev, styles, asks38…asks52,
  cold2…cold15's tuning halves) lowers answered unanswerable in total and raises false 「未找到」 on no set by more than
  one question, with the largest fall of answered unanswerable; a tie: the smaller rise of false 「未找到」 in total,
  then the narrowest (first listed). None passing: nothing is judged and the reading stays off.
- **It ships** (`detail_absent` on by default) only if (1) on the held-out halves together with the sets held out
  whole (cold, cold16…cold38, asks sets held out whole), answered unanswerable falls in total and false 「未找到」 rises
  on no set by more than one question; (2) on asks53's held-out half (written cold by another helper, merged after
  this rule's commit: blind) neither false 「未找到」 nor answered unanswerable rises; (3) on CMRC dev (held-out-context
  negatives, as the README's row: `reported`) and on the policy set's held-out half, neither false 「未找到」 nor
  answered unanswerable rises. Ranks cannot move (`judge` checks it). Otherwise it stays off, its figures recorded.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import TextIO

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from judge_halves import CONF65_RULE, BadRows, compare, read_rows  # noqa: E402
from rank39_misses import all_sets, halves_of, library_of, service_of  # noqa: E402

# fixed before any held-out figure was read; each reads more than the one before it
CANDIDATES = ("qualifier", "peak", "sentence")


def collect(libs: Path, out: Path, names: list[str], half: str, labels: list[str]) -> None:
    part = out.with_name(out.name + ".part")  # OUT appears whole or not at all
    try:
        with part.open("w", encoding="utf-8") as sink:
            write_rows(sink, libs, names, half, labels)
        part.replace(out)
    finally:
        part.unlink(missing_ok=True)


def write_rows(sink: TextIO, libs: Path, names: list[str], half: str, labels: list[str]) -> None:
    from bench.evaluate import is_relevant, load_questions, search_as_evaluated
    from retrieval import RetrieverConfig

    for name in names:
        questions = load_questions(REPO / "benchmarks" / f"{name}-questions.jsonl")
        halves = halves_of(name, questions)
        if half != "all" and half not in halves.values():
            continue  # a set held out whole has no tuning half: its library is not opened
        with service_of(libs, name, RetrieverConfig(detail_absent="off"), prefix="conf65-") as service:
            retriever = service.current()
            others = []
            for label in labels:
                other = type(retriever).__new__(type(retriever))
                other.__dict__.update(retriever.__dict__)  # the same store, index, model and vectors
                other.config = replace(retriever.config, detail_absent=label)
                others.append((label, other))
            for q in questions:
                if half != "all" and halves[q.id] != half:
                    continue
                for label, searcher in [("main", retriever), *others]:
                    answer = search_as_evaluated(searcher, q.question)
                    first = next((h for h in answer.hits if is_relevant(h.passage, q)), None)
                    row = {
                        "set": name,
                        "id": q.id,
                        "half": halves[q.id],
                        "candidate": label,
                        "answerable": q.answerable,
                        "question": q.question,
                        "rank": first.rank if first is not None else None,
                        "answered": answer.answered,
                        "level": answer.level,
                        "probability": answer.probability,
                        "read": bool(answer.signals is not None and answer.signals.detail_absent),
                    }
                    sink.write(json.dumps(row, ensure_ascii=False) + "\n")
            sink.flush()
        print(f"{name}: {len(questions)} questions", file=sys.stderr, flush=True)


def judge(path: Path, half: str, sets: set[str] | None = None) -> int:
    rows = read_rows(path, half, sets)
    labels = [c for c in CANDIDATES if any(r["candidate"] == c for r in rows)]
    verdicts = compare(rows, labels, half, "read", CONF65_RULE)
    print(
        f"\n| candidate ({half}) | false 「未找到」 | answered unanswerable | largest rise on one set | rule |"
    )
    print("|---|---|---|---|---|")
    for v in verdicts:
        t = v.whole
        print(
            f"| {v.label} | {t[0]} → {t[1]} | {t[2]} → {t[3]} | {v.worst_false_rise} | "
            f"{'passes' if v.passes else 'fails'} |"
        )
    passing = [
        (v.totals[2] - v.totals[3], -(v.totals[1] - v.totals[0]), -CANDIDATES.index(v.label), v.label)
        for v in verdicts
        if v.passes
    ]
    print(f"\nthe candidate (passes with the largest fall): {max(passing)[-1] if passing else 'none'}")
    return 0


def measured(home: Path, data_file: Path, limit: int, every: int, labels: list[str], held_out: bool) -> int:
    """`fit` (the fitting data, `held_out` False) or `reported` (the held-out rows) under each candidate."""
    from conf64_asked import libraries, print_rates

    import bench as b
    from bench.confidence import fit_examples
    from bench.evaluate import load_questions
    from retrieval import Retriever, RetrieverConfig

    data, cmrc, notices, speeches, queries = libraries(home, data_file, every)
    questions = b.every_nth(data.questions, limit)
    policy_questions = load_questions(b.POLICY_QUESTIONS)
    dev = b.dev_questions(None)
    queries.warm(q.question for q in [*questions, *dev, *policy_questions])
    cmrc_index = cmrc.library.load(cmrc.embedder.key)
    notices_index = notices.library.load(notices.embedder.key)
    for label in ["off", *labels]:
        config = RetrieverConfig(detail_absent=label)  # type: ignore[arg-type]
        on_cmrc = Retriever(cmrc.library.store, cmrc_index, queries, config=config)
        on_speeches = Retriever(speeches.store, speeches.index, queries, config=config)
        on_notices = Retriever(notices.library.store, notices_index, queries, config=config)
        if held_out:
            sets = b.heldout_sets(
                on_speeches, dev, cmrc=(on_cmrc, questions), policy=(on_notices, policy_questions)
            )
        else:
            examples = fit_examples(on_cmrc, questions, on_speeches, dev, (on_notices, policy_questions))
            sets = [
                (g, [e for e in examples if e.group == g]) for g in dict.fromkeys(e.group for e in examples)
            ]
        print_rates(label, sets, Retriever(cmrc.library.store, cmrc_index, queries).judge)
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="conf65_detail.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
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
    args = parser.parse_args(argv)
    labels = args.candidates.split(",") if args.candidates else list(CANDIDATES)
    if any(label not in CANDIDATES for label in labels):
        print(f"没有这个候选：{args.candidates}（可选：{', '.join(CANDIDATES)}）", file=sys.stderr)
        return 1
    if args.command == "judge":
        if not args.paths[0].is_file():
            print(f"找不到：{args.paths[0]}", file=sys.stderr)
            return 1
        try:
            return judge(args.paths[0], args.half, set(args.sets.split(",")) if args.sets else None)
        except (BadRows, UnicodeDecodeError) as error:
            print(
                str(error) if isinstance(error, BadRows) else f"{args.paths[0]} 不是文本文件", file=sys.stderr
            )
            return 1
    if not args.paths[0].is_dir():
        print(f"找不到文件夹：{args.paths[0]}", file=sys.stderr)
        return 1
    if args.command == "fit":
        if args.trial is None or not args.trial.is_file():
            print("`fit` 要用 --trial 给出 cmrc2018_trial.json", file=sys.stderr)
            return 1
        return measured(args.paths[0], args.trial, args.limit, 1, labels, held_out=False)
    if args.command == "reported":
        if args.cmrc_dev is None or not args.cmrc_dev.is_file():
            print("`reported` 要用 --cmrc-dev 给出 cmrc2018_dev.json", file=sys.stderr)
            return 1
        return measured(args.paths[0], args.cmrc_dev, args.limit, args.every_context, labels, held_out=True)
    if len(args.paths) != 2:
        parser.error("要给出两个路径")
    names = args.sets.split(",") if args.sets else all_sets()
    unknown = [n for n in names if n not in all_sets()]
    if unknown:
        print(
            f"没有这个题集：{'、'.join(unknown)}（benchmarks/ 下没有 NAME-questions.jsonl）", file=sys.stderr
        )
        return 1
    missing = sorted({library_of(n) for n in names if not (args.paths[0] / library_of(n)).is_dir()})
    if missing:
        print(
            f"资料库文件夹 {args.paths[0]} 里缺少：{'、'.join(missing)}（由 scripts/eval_all_sets.sh 建）",
            file=sys.stderr,
        )
        return 1
    collect(args.paths[0], args.paths[1], names, args.half, labels)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
