"""A coverage that credits the kind of fact asked (`RetrieverConfig.asked_credit`, retrieval/asked_kind.py), searched
beside main's, and the ship rule judged on held-out questions only (docs/conf64.md).

    python scripts/conf64_asked.py collect LIBS OUT.jsonl [--sets dev,asks49,…] [--half tune|heldout|all]
    python scripts/conf64_asked.py judge OUT.jsonl [--half tune|heldout|all] [--sets …]
    python scripts/conf64_asked.py fit HOME OUT_DIR --trial …/cmrc2018_trial.json [--limit 400]
    python scripts/conf64_asked.py reported HOME --cmrc-dev …/cmrc2018_dev.json [--limit 400 --every-context 4]

`collect` asks every question of each set (default: every set `scripts/rank39_misses.py` knows; the half given) of
a temporary copy of its library (LIBS as `scripts/eval_all_sets.sh` builds it; never written), as `speechqa eval
--mode hybrid` does, with main's search ("main": `asked_credit="off"`, whatever the default), and again with each candidate of `CANDIDATES` where the candidate
can read the question otherwise (some word of it is an asking word, or, under "charge", an interrogative asks a
kind): the credit moves the confidence and the relevance of the passages below the first, never a rank. One line
per question and candidate: set, id, half, answerable, rank of the first relevant passage (null beyond 10),
answered, probability, and the asking words read. OUT is written whole or not at all (an unknown set or a
library missing from LIBS is refused before any search: one line in Chinese, exit 1).

`judge` prints, per candidate and per set, R@1, false 「未找到」 and answered unanswerable, before → after, on the
half given, every question whose verdict moved, the total and the rule's verdict on that part.

`fit` asks the confidence model's fitting data (`bench.fit_examples`: CMRC trial questions against the CMRC trial
library in HOME/bench/cmrc2018_trial as `speechqa bench fit-confidence` keeps it, the same with their own context
removed, CMRC questions asked of the speeches in HOME, the dev and policy sets' tuning halves) with each candidate, prints each group's false
「未找到」 and answered unanswerable under the shipped model, and saves the signals (OUT_DIR/fit-NAME.jsonl).
`reported` does the same for the held-out rows `speechqa bench confidence --cmrc …/cmrc2018_dev.json --limit 400
--every-context 4` reports (the dev set's held-out half, CMRC dev with own-context negatives, the policy set's
held-out half), the CMRC dev library kept as that command keeps it under HOME/bench.

**The rule**, fixed on the tuning halves (and CMRC trial) before any held-out figure was read and before asks52 was
on this branch (docs/conf64.md, "The ship rule"):

- **The candidate**: of `CANDIDATES`, the one that on the tuning halves of every staff set (dev, styles, asks38…,
  cold2…cold15's tuning halves) raises answered unanswerable in no set and has the largest fall of false 「未找到」
  there; a tie: fewer answered unanswerable in total, then the narrowest (first listed). None passing: nothing is
  judged and the credit stays off.
- **It ships** (`asked_credit` on by default) only if (1) on the held-out halves together with the sets held out
  whole (cold, cold16…cold37, asks whole sets), false 「未找到」 falls in total and answered unanswerable rises in no
  set; (2) on asks52's held-out half (written cold by another helper, merged after this rule's commit: blind)
  neither false 「未找到」 nor answered unanswerable rises; (3) on CMRC dev (held-out-context negatives, `speechqa
  bench confidence --cmrc … --every-context 4 --limit 400` as the README's row) and on the policy set's held-out
  half, neither false 「未找到」 nor answered unanswerable rises (the credit is read with the shipped model: no
  refit enters the rule). Ranks cannot move (`judge` checks it). Otherwise it stays off, its figures recorded.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from judge_halves import (  # noqa: E402
    candidate_parser,
    chosen,
    cmrc_file,
    collected,
    compare,
    counts,
    judged,
    main_rows,
    print_summary,
    read_rows,
    row_of,
)
from rank39_misses import halves_of, service_of  # noqa: E402

# fixed before any held-out figure was read; each reads more than the one before it
CANDIDATES = ("spans", "words", "charge")
MERGE_TO = 200  # the notices' library as the bench home keeps it (notices-merge200, the product's setting)


def reach(terms: tuple[str, ...], question: str, credit: str) -> list[str]:
    """What the candidate reads otherwise than main: the question's asking words, and its charged kinds."""
    from retrieval.asked_kind import charged_kinds, word_kinds

    words = [t for t in terms if word_kinds(t, question, credit)]  # type: ignore[arg-type]
    return words + [f"<{k}>" for k in charged_kinds(question, credit)]  # type: ignore[arg-type]


def write_rows(sink: TextIO, libs: Path, names: list[str], half: str, labels: list[str]) -> None:
    from bench.evaluate import load_questions, search_as_evaluated
    from retrieval import RetrieverConfig

    for name in names:
        questions = load_questions(REPO / "benchmarks" / f"{name}-questions.jsonl")
        halves = halves_of(name, questions)
        with service_of(libs, name, RetrieverConfig(asked_credit="off"), prefix="conf64-") as service:
            retriever = service.current()
            others = []
            for label in labels:
                other = type(retriever).__new__(type(retriever))
                other.__dict__.update(retriever.__dict__)  # the same store, index, model and vectors
                other.config = replace(retriever.config, asked_credit=label)
                others.append((label, other))
            searched = 0
            for q in questions:
                if half != "all" and halves[q.id] != half:
                    continue
                main = search_as_evaluated(retriever, q.question)
                runs = [("main", retriever, [])]
                for label, other in others:
                    read = reach(main.terms, q.question, label)
                    if read and main.hits:
                        runs.append((label, other, read))
                for label, searcher, read in runs:
                    answer = main if label == "main" else search_as_evaluated(searcher, q.question)
                    searched += label != "main"
                    row = row_of(name, halves[q.id], label, q, answer, read)
                    sink.write(json.dumps(row, ensure_ascii=False) + "\n")
            sink.flush()
        print(f"{name}: {len(questions)} questions, {searched} searched again", file=sys.stderr, flush=True)


def judge(path: Path, half: str, sets: set[str] | None = None) -> int:
    rows = read_rows(path, half, sets)
    labels = [c for c in CANDIDATES if any(r["candidate"] == c for r in rows)]
    verdicts = compare(rows, labels, half, detail="read")
    whole = counts(main_rows(rows).values())
    print(
        f"\nmain ({half}): {whole[0]} answerable, R@1 {whole[1]}, false 「未找到」 {whole[2]}; "
        f"{whole[3]} unanswerable, {whole[4]} answered"
    )
    print_summary(half, verdicts)
    passing = [
        (v.totals[0] - v.totals[1], -v.totals[3], -CANDIDATES.index(v.label), v.label)
        for v in verdicts
        if v.passes
    ]
    print(f"\nthe candidate (passes with the largest fall): {max(passing)[-1] if passing else 'none'}")
    return 0


def libraries(home: Path, trial: Path, every: int = 1) -> tuple:
    """The CMRC library of `trial` (as `speechqa bench` keeps it under HOME/bench), the notices' library, the
    speeches' retriever of HOME and one cache of question vectors for all."""
    import bench as b
    from index import DEFAULT_MODEL, DEFAULT_TOKENIZER, Library
    from retrieval import ServiceOptions, SpeechService

    data = b.load_cmrc(trial, every)
    name = trial.stem + (f"-every{every}" if every > 1 else "")
    cmrc = b.cmrc_library(data, home / "bench" / name, model=DEFAULT_MODEL, tokenizer=DEFAULT_TOKENIZER)
    notices = b.folder_library(
        b.POLICY_NOTICES,
        home / "bench" / f"notices-merge{MERGE_TO}",
        model=DEFAULT_MODEL,
        tokenizer=DEFAULT_TOKENIZER,
        merge_to=MERGE_TO,
    )
    service = SpeechService(Library(home), ServiceOptions(model=DEFAULT_MODEL, seed_if_empty=False))
    queries = b.CachedQueries(cmrc.embedder, cmrc.library.store)
    return data, cmrc, notices, service.current(), queries


def print_rates(label: str, sets: list, judge: object) -> None:
    from bench.confidence import rates

    print(f"\n== {label}: the shipped model")
    for name, part in sets:
        r = rates(part, judge)  # type: ignore[arg-type]
        print(
            f"| {name} | {r.answerable} answerable: false 「未找到」 {round(r.false_abstain * r.answerable)} | "
            f"{r.unanswerable} unanswerable: answered {round(r.false_answer * r.unanswerable)} |",
            flush=True,
        )


def asked_of(home: Path, data_file: Path, limit: int, every: int = 1) -> tuple:
    """What `fit` and `measured` ask: `libraries`, the CMRC questions (every `limit`-th), the dev and policy
    questions, their vectors warmed in the cache, and the CMRC and notices' indexes loaded."""
    import bench as b
    from bench.evaluate import load_questions

    data, cmrc, notices, speeches, queries = libraries(home, data_file, every)
    questions = b.every_nth(data.questions, limit)
    policy_questions = load_questions(b.POLICY_QUESTIONS)
    dev = b.dev_questions(None)
    queries.warm(q.question for q in [*questions, *dev, *policy_questions])
    cmrc_index = cmrc.library.load(cmrc.embedder.key)
    notices_index = notices.library.load(notices.embedder.key)
    return cmrc, notices, speeches, queries, questions, policy_questions, dev, cmrc_index, notices_index


def measured(
    home: Path, data_file: Path, limit: int, every: int, configs: list[tuple[str, Any]], held_out: bool
) -> int:
    """conf65's and conf66's `fit` (the fitting data, `held_out` False: CMRC trial and its own-context-removed near
    misses, CMRC asked of the speeches, the dev and policy tuning halves) or `reported` (the held-out rows `speechqa
    bench confidence --cmrc DEV --limit 400 --every-context 4` reports) under each (label, `RetrieverConfig`) of
    `configs`, judged by the shipped model."""
    import bench as b
    from bench.confidence import fit_examples
    from retrieval import Retriever

    cmrc, notices, speeches, queries, questions, policy_questions, dev, cmrc_index, notices_index = asked_of(
        home, data_file, limit, every
    )
    for label, config in configs:
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


def fit_or_reported(args: Any, configs: list[tuple[str, Any]]) -> int:
    """conf65's and conf66's `fit` (HOME --trial) or `reported` (HOME --cmrc-dev), their arguments checked: one
    Chinese line and 1 when one is missing."""
    data_file = cmrc_file(args)
    if data_file is None:
        return 1
    if args.command == "fit":
        return measured(args.paths[0], data_file, args.limit, 1, configs, held_out=False)
    return measured(args.paths[0], data_file, args.limit, args.every_context, configs, held_out=True)


def reported(
    home: Path, dev_file: Path, limit: int, every: int, labels: list[str], reach_only: bool = False
) -> int:
    """The held-out rows of `speechqa bench confidence --cmrc DEV --limit 400 --every-context 4` (dev held-out half,
    CMRC dev with own-context negatives, policy held-out half), searched with main's config and each candidate; with
    `reach_only`, only the questions holding a fact span (the only ones `spans` can read otherwise)."""
    import bench as b
    from bench.evaluate import load_questions
    from retrieval import Retriever, RetrieverConfig
    from retrieval.asked_fact import fact_spans

    data, cmrc, notices, speeches, queries = libraries(home, dev_file, every)
    questions = b.every_nth(data.questions, limit)
    policy_questions = load_questions(b.POLICY_QUESTIONS)
    dev = b.dev_questions(None)
    if reach_only:  # a question with no fact span reads as main's under `spans` (tests/test_asked_kind.py)
        questions, policy_questions, dev = (
            [q for q in qs if fact_spans(q.question)] for qs in (questions, policy_questions, dev)
        )
        print(
            f"in reach: CMRC dev {len(questions)}, policy {len(policy_questions)}, dev {len(dev)}", flush=True
        )
    queries.warm(q.question for q in [*questions, *dev, *policy_questions])
    cmrc_index = cmrc.library.load(cmrc.embedder.key)
    notices_index = notices.library.load(notices.embedder.key)
    for label in ["off", *labels]:
        config = RetrieverConfig(asked_credit=label)  # type: ignore[arg-type]
        sets = b.heldout_sets(
            Retriever(speeches.store, speeches.index, queries, config=config),
            dev,
            cmrc=(Retriever(cmrc.library.store, cmrc_index, queries, config=config), questions),
            policy=(
                Retriever(notices.library.store, notices_index, queries, config=config),
                policy_questions,
            ),
        )
        print_rates(label, sets, Retriever(cmrc.library.store, cmrc_index, queries).judge)
    return 0


def fit_examples_under(asked: tuple, config: Any) -> list:
    """`bench.fit_examples` (the shipped model's fitting data) of what `asked_of` gives, searched under `config`
    (a `RetrieverConfig`)."""
    from bench.confidence import fit_examples
    from retrieval import Retriever

    cmrc, notices, speeches, queries, questions, policy_questions, dev, cmrc_index, notices_index = asked
    return fit_examples(
        Retriever(cmrc.library.store, cmrc_index, queries, config=config),
        questions,
        Retriever(speeches.store, speeches.index, queries, config=config),
        dev,
        (Retriever(notices.library.store, notices_index, queries, config=config), policy_questions),
    )


def fit(home: Path, out_dir: Path, trial: Path, limit: int, labels: list[str]) -> int:
    import bench as b
    from retrieval import Retriever, RetrieverConfig

    asked = asked_of(home, trial, limit)
    cmrc, queries, cmrc_index = asked[0], asked[3], asked[7]
    out_dir.mkdir(parents=True, exist_ok=True)
    for label in ["off", *labels]:
        examples = fit_examples_under(asked, RetrieverConfig(asked_credit=label))  # type: ignore[arg-type]
        b.save_examples(examples, out_dir / f"fit-{label}.jsonl")
        groups = [
            (g, [e for e in examples if e.group == g]) for g in dict.fromkeys(e.group for e in examples)
        ]
        print_rates(label, groups, Retriever(cmrc.library.store, cmrc_index, queries).judge)
    return 0


def main(argv: list[str]) -> int:
    parser = candidate_parser("conf64_asked.py", __doc__)
    parser.add_argument(
        "--reach-only",
        action="store_true",
        help="`reported`: only the questions holding a fact span (for `spans`)",
    )
    args = parser.parse_args(argv)
    labels = chosen(args.candidates, CANDIDATES)
    if labels is None:
        return 1
    if args.command == "judge":
        sets = set(args.sets.split(",")) if args.sets else None
        return judged(args.paths[0], lambda: judge(args.paths[0], args.half, sets))
    if args.command == "collect":
        return collected(args, labels, write_rows)
    if args.command == "fit" and len(args.paths) != 2:
        print("fit 要给出两个路径：资料库文件夹和存放拟合数据的文件夹", file=sys.stderr)
        return 1
    data_file = cmrc_file(args)
    if data_file is None:
        return 1
    if args.command == "reported":
        return reported(args.paths[0], data_file, args.limit, args.every_context, labels, args.reach_only)
    return fit(args.paths[0], args.paths[1], data_file, args.limit, labels)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
