"""A question word the passage says in its own words, for the confidence (`RetrieverConfig.own_share`) and for the
"asked detail absent" reading (`RetrieverConfig.detail_near`): candidates searched beside main's, and the ship rule
judged on held-out and blind questions only (docs/conf66.md).

    python scripts/conf66_words.py collect LIBS OUT.jsonl [--sets dev,asks49,…] [--half tune|heldout|all]
    python scripts/conf66_words.py judge OUT.jsonl [--half tune|heldout|all] [--sets …] [--blind asks54,cold40]
    python scripts/conf66_words.py fit HOME --trial …/cmrc2018_trial.json [--limit 400]
    python scripts/conf66_words.py reported HOME --cmrc-dev …/cmrc2018_dev.json [--limit 400 --every-context 4]

`collect` asks every question of each set (default: every set `scripts/rank39_misses.py` knows; the half given) of
a temporary copy of its library (LIBS as `scripts/eval_all_sets.sh` builds it; never written), as `speechqa eval
--mode hybrid` does, with main's search, and (a `peak*` or `both*` candidate asked) with conf65's `peak` reading as
a probe (its rows are not a candidate).
Every question is searched again under an `own*` or `both*` candidate (the passage its confidence reads is the
first the search keeps, which a contact line, a document's fact or a pin can move below the first shown: only the
search itself reads the right one); a `peak*` candidate is searched again only where conf65's `peak` fired (the
near-word test only takes a reading away), elsewhere its row is main's. One line per question and candidate: set,
id, half, answerable, question, rank of the first relevant passage (null beyond 10), answered, level, probability,
and what the candidate read (the own words of the first passage shown, printed beside a moved question, and whether
the detail reading fired). OUT is written whole or not at all (an unknown set or a library missing from LIBS is refused before
any search: one line in Chinese, exit 1).

`judge` prints, per candidate and per set that moved, R@1, false 「未找到」 and answered unanswerable before → after,
every question whose verdict moved, the totals and each rule's verdict (`judge_halves.compare`): the tuning rule on
`--half tune`, the held-out rule on `--half heldout`, the blind rule on the sets given by `--blind`.
`fit` and `reported` print, under each candidate, the confidence model's fitting groups (CMRC trial and its
own-context-removed near misses, CMRC asked of the speeches, the dev and policy tuning halves) and the held-out
rows `speechqa bench confidence --cmrc …/cmrc2018_dev.json --limit 400 --every-context 4` reports (dev held-out
half, CMRC dev with own-context negatives, the policy set's held-out half), as scripts/conf65_detail.py does.

**The rule**, fixed before any held-out figure was read and before the blind sets (asks54, cold40) were on this
branch (docs/conf66.md, "The ship rule"):

- **The candidate**: of `CANDIDATES`, the one that on the tuning halves of every staff set (dev, styles,
  asks38…asks53, cold2…cold15's tuning halves) passes `TUNE_RULE` — false 「未找到」 + answered unanswerable falls in
  total, neither rises on any set by more than one question, no rank moves — with the largest fall of the two
  together; a tie: the fewer answered unanswerable, then the first listed (`CANDIDATES` is in order of reach, the
  narrowest first). The CMRC trial rows (`fit`) are printed beside it and must not rise by more than two questions
  of 400 in either false 「未找到」 or answered near misses. None passing: nothing is judged further; all stays off.
- **It ships** (on by default) only if (1) on the held-out halves together with the sets held out whole (cold,
  cold16…cold39, asks sets held out whole) it passes `HELD_RULE`, the same rule: false 「未找到」 + answered
  unanswerable falls in total and neither rises on any set by more than one question; (2) on each blind set (asks54,
  cold40: written cold by other helpers, merged after this rule's commit, searched once) `BLIND_RULE` holds: neither
  false 「未找到」 nor answered unanswerable rises; (3) on CMRC dev (own-context negatives, as the README's row:
  `reported`), the dev set's held-out half and the policy set's held-out half, neither false 「未找到」 nor answered
  unanswerable rises. Ranks cannot move (`judge` checks it). Otherwise it stays off, its figures recorded.
"""

from __future__ import annotations

import copy
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

import judge_halves as shared  # noqa: E402
from conf64_asked import fit_or_reported  # noqa: E402
from judge_halves import Rule, compare, print_verdicts, read_rows, row_of  # noqa: E402
from rank39_misses import halves_of, service_of  # noqa: E402

# fixed before any held-out figure was read, the narrowest first: (name, the RetrieverConfig fields it sets)
CANDIDATES: tuple[tuple[str, dict[str, Any]], ...] = (
    ("own-short", {"own_share": 0.5, "own_cosine": 0.0}),
    ("own96", {"own_share": 0.5, "own_cosine": 0.96}),
    ("own94", {"own_share": 0.5, "own_cosine": 0.94}),
    ("own92", {"own_share": 0.5, "own_cosine": 0.92}),
    ("peak-near92", {"detail_absent": "peak", "detail_near": 0.92}),
    ("peak-near94", {"detail_absent": "peak", "detail_near": 0.94}),
    ("peak-near96", {"detail_absent": "peak", "detail_near": 0.96}),
    ("both94", {"own_share": 0.5, "own_cosine": 0.94, "detail_absent": "peak", "detail_near": 0.94}),
    ("both92", {"own_share": 0.5, "own_cosine": 0.92, "detail_absent": "peak", "detail_near": 0.92}),
)
NAMES = tuple(name for name, _ in CANDIDATES)
PROBE = {"detail_absent": "peak"}  # conf65's reading: where it does not fire, no near-word test can change it

# The ship rule (the docstring): on the tuning halves and held out, the two wrong verdicts together fall and neither
# rises by more than one question on a set; on a blind set neither rises.
TUNE_RULE = Rule(per_set_rise=1, per_set_false_rise=1, falls="both")
HELD_RULE = TUNE_RULE
BLIND_RULE = Rule(per_set_rise=0, per_set_false_rise=0, falls="nothing")


def write_rows(sink: TextIO, libs: Path, names: list[str], half: str, labels: list[str]) -> None:
    from bench.evaluate import load_questions, search_as_evaluated
    from corpus import to_simplified
    from index import lexical_input
    from retrieval import RetrieverConfig
    from retrieval.retriever import source_text

    fields = dict(CANDIDATES)
    for name in names:
        questions = load_questions(REPO / "benchmarks" / f"{name}-questions.jsonl")
        halves = halves_of(name, questions)
        if half != "all" and half not in halves.values():
            continue  # a set held out whole has no tuning half: its library is not opened
        with service_of(libs, name, RetrieverConfig(), prefix="conf66-") as service:
            retriever = service.current()

            def like(changes: dict[str, Any], base: Any = retriever) -> Any:
                other = copy.copy(base)  # the same store, index, model, vectors and caches
                other.config = replace(base.config, **changes)
                return other

            probe = like(PROBE)
            others = [(label, like(fields[label])) for label in labels]
            searched = 0
            for q in questions:
                if half != "all" and halves[q.id] != half:
                    continue
                base = search_as_evaluated(retriever, q.question)
                fired = False
                if any(searcher.config.detail_absent != "off" for _, searcher in others):
                    peaked = search_as_evaluated(probe, q.question)
                    fired = bool(peaked.signals is not None and peaked.signals.detail_absent)
                runs: list[tuple[str, Any, Any]] = [("main", retriever, base)]
                for label, searcher in others:
                    own = searcher.config.own_share > 0
                    detail = searcher.config.detail_absent != "off" and fired
                    if own or detail:
                        runs.append((label, searcher, search_as_evaluated(searcher, q.question)))
                        searched += 1
                    else:
                        runs.append((label, searcher, base))
                for label, searcher, answer in runs:
                    top = answer.hits[0].passage if answer.hits else None
                    read = (
                        to_simplified(f"{lexical_input(top.text, top.section)} {source_text(top)}")
                        if top is not None
                        else ""
                    )
                    own = searcher.own_words_for(answer.terms, read, to_simplified(q.question)) if top else {}
                    fired = bool(answer.signals is not None and answer.signals.detail_absent)
                    shown = {"own": {w: list(n[:3]) for w, n in own.items()}, "detail": fired}
                    row = row_of(name, halves[q.id], label, q, answer, shown)
                    sink.write(json.dumps(row, ensure_ascii=False) + "\n")
            sink.flush()
        print(
            f"{name}: {len(questions)} questions, {searched} candidate searches", file=sys.stderr, flush=True
        )


def choose(verdicts: list) -> str | None:
    """The candidate the rule picks among the passing verdicts: the largest fall of the two wrong verdicts
    together, then the fewer answered unanswerable, then the first listed."""
    passing = [
        (v.gain, -v.totals[3], -NAMES.index(v.label), v.label) for v in verdicts if v.passes and v.gain > 0
    ]
    return max(passing)[-1] if passing else None


def judge(path: Path, half: str, sets: set[str] | None, blind: set[str]) -> int:
    rows = read_rows(path, half, sets)
    labels = [c for c in NAMES if any(r["candidate"] == c for r in rows)]
    rule = TUNE_RULE if half == "tune" else HELD_RULE
    seen = [r for r in rows if r["set"] not in blind]
    verdicts = compare(seen, labels, half, "read", rule) if seen else []
    print_verdicts(half, verdicts, "largest false rise on a set")
    if verdicts:
        print(f"\nthe rule's candidate on these rows: {choose(verdicts) or 'none'}")
    for name in sorted(blind):
        part = [r for r in rows if r["set"] == name]
        if not part:
            print(f"\nblind set {name}: no rows")
            continue
        print(f"\n-- blind set {name}")
        for v in compare(part, labels, half, "read", BLIND_RULE):
            t = v.whole
            print(
                f"blind {name} {v.label}: false 「未找到」 {t[0]} → {t[1]}, answered unanswerable {t[2]} → {t[3]}; "
                f"{'holds' if v.passes else 'fails'}"
            )
    return 0


def main(argv: list[str]) -> int:
    parser = shared.candidate_parser("conf66_words.py", __doc__)
    parser.add_argument("--blind", default="", help="comma-separated blind sets, judged by the blind rule")
    args = parser.parse_args(argv)
    labels = shared.chosen(args.candidates, NAMES)
    if labels is None:
        return 1
    if args.command == "judge":
        sets = set(args.sets.split(",")) if args.sets else None
        blind = {n for n in args.blind.split(",") if n}
        return shared.judged(args.paths[0], lambda: judge(args.paths[0], args.half, sets, blind))
    if args.command in ("fit", "reported"):
        from retrieval import RetrieverConfig

        fields = dict(CANDIDATES)
        return fit_or_reported(
            args, [(label, RetrieverConfig(**fields.get(label, {}))) for label in ["main", *labels]]
        )
    return shared.collected(args, labels, write_rows)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
