"""Near words that do not answer unanswerable questions: the readings of `RetrieverConfig` that narrow the near
words of `near_share` (`near_not_asked`, `near_mutual`, `near_swap`), searched beside main's search, and the ship
rule judged on held-out questions only (docs/words63.md).

    python scripts/words63_near.py collect LIBS OUT.jsonl [--sets dev,asks49,…] [--half tune|heldout|all]
                                         [--candidates c92s50ab,…] [--exact] [--only IDS.txt]
    python scripts/words63_near.py judge OUT.jsonl [--half tune|heldout|all] [--sets …]

`collect` asks every question of each set (default: every set `scripts/rank39_misses.py` knows; the half given)
of a temporary copy of its library (LIBS as `scripts/eval_all_sets.sh` builds it; never written), as `speechqa
eval --mode hybrid` does, with main's search. A question holding a word of two or more characters that no passage
holds and the bundled lexicon does not group (the reach: no other question can move) is read again by each
candidate of `CANDIDATES`: its near words are read first (`Retriever.near_words_for`, on the best passage as the
search reads it), and the question is searched again only when the candidate finds some and no candidate of the
same share found the same ones before (near words move the confidence only, never a rank); otherwise its row is
main's (or that candidate's). `--exact` searches again for every candidate. One line per question and candidate
goes to OUT.jsonl ("main" for main's search): set, id, half, answerable, rank of the first relevant passage (null
beyond 10), answered, and the near words the candidate read.

`judge` prints, per candidate and per set, R@1, false 「未找到」 and answered unanswerable, before → after, on the
half given, every question whose verdict moved, and the rule's verdict on that part.

The rule, fixed on the tuning halves before any held-out figure was read and before asks51 existed on this
branch (docs/words63.md, "The ship rule"):
- **The candidate**: of `CANDIDATES` but `c92s50` (words62's candidate, judged held out by session 62 and failed
  there: it is the reference, not a candidate), the one that on the tuning halves raises answered unanswerable in
  no set and has the largest fall of false 「未找到」 there; a tie: the one answering fewer unanswerable in total,
  then the narrowest (the most readings on: where the tuning halves cannot tell them apart, the one crediting
  fewer words risks less), then the first listed.
  On the tuning halves (docs/words63.md) five candidates tie at the largest fall (68 → 52, none answering more
  unanswerable): the rule picks `c92s50abm02` (every reading on, the swap within 0.02), judged alone held out.
- **It ships** (on by default) only if (1) on the held-out halves together with the sets held out whole, false
  「未找到」 falls in total and answered unanswerable rises in no set, and (2) on asks51 (written cold, blind)
  neither false 「未找到」 nor answered unanswerable rises. Ranks cannot move (the near words are read by the
  confidence only); `judge` checks it. Otherwise it stays off by default.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from judge_halves import BadRows, compare, print_summary, read_rows  # noqa: E402
from rank39_misses import all_sets, halves_of, service_of  # noqa: E402

# (name, near_cosine, near_share, near_not_asked, near_mutual, near_swap), fixed before any held-out figure
# was read: words62's candidate c92s50 alone, and narrowed by each reading and by their combinations
CANDIDATES = (
    ("c92s50", 0.92, 0.5, False, False, False),
    ("c92s50a", 0.92, 0.5, True, False, False),
    ("c92s50m", 0.92, 0.5, False, True, False),
    ("c92s50b", 0.92, 0.5, False, False, True),
    ("c92s50ab", 0.92, 0.5, True, False, True),
    ("c92s50am", 0.92, 0.5, True, True, False),
    ("c92s50abm", 0.92, 0.5, True, True, True),
    ("c90s50ab", 0.90, 0.5, True, False, True),
    ("c92s100ab", 0.92, 1.0, True, False, True),
    ("c92s100abm", 0.92, 1.0, True, True, True),
)
REFERENCE = "c92s50"  # words62's candidate, failed held out: measured beside the others, never the candidate
# the swap read with a tolerance (`near_swap_drop`): added on the tuning halves, before any held-out figure
SWAP_DROPS = {"c92s50ab02": 0.02, "c92s100ab02": 0.02, "c92s50b02": 0.02, "c92s50abm02": 0.02}
CANDIDATES += (
    ("c92s50b02", 0.92, 0.5, False, False, True),
    ("c92s50ab02", 0.92, 0.5, True, False, True),
    ("c92s100ab02", 0.92, 1.0, True, False, True),
    ("c92s50abm02", 0.92, 0.5, True, True, True),
)


def collect(
    libs: Path,
    out: Path,
    names: list[str],
    half: str,
    labels: set[str] | None = None,
    exact: bool = False,
    only: set[tuple[str, str]] | None = None,
) -> None:
    from bench.evaluate import is_relevant, load_questions, search_as_evaluated
    from corpus import to_simplified
    from index import lexical_input
    from retrieval import RetrieverConfig
    from retrieval.abstain import unseen_idf
    from retrieval.ranges import read_with_figures
    from retrieval.retriever import source_text

    def as_read(question: str, p: object) -> str:  # the best passage as the confidence reads it
        whole = f"{lexical_input(p.text, p.section)} {source_text(p)}"  # type: ignore[attr-defined]
        return read_with_figures(question, to_simplified(whole))

    with out.open("w", encoding="utf-8") as sink:
        for name in names:
            questions = load_questions(REPO / "benchmarks" / f"{name}-questions.jsonl")
            halves = halves_of(name, questions)
            with service_of(libs, name, RetrieverConfig(), prefix="words63-") as service:
                retriever = service.current()
                ceiling = unseen_idf(retriever.index.lexical.size) - 1e-6
                grouped = {w for group in retriever.lexicon.groups for w in group}
                others = []
                for label, cosine, share, not_asked, mutual, swap in CANDIDATES:
                    if labels is not None and label not in labels:
                        continue
                    other = copy.copy(retriever)  # the same store, index, model, word and question vectors
                    other.config = replace(
                        retriever.config,
                        near_cosine=cosine,
                        near_share=share,
                        near_not_asked=not_asked,
                        near_mutual=mutual,
                        near_swap=swap,
                        near_swap_drop=SWAP_DROPS.get(label, 0.0),
                    )
                    others.append((label, other))
                reached = searched = 0
                for q in questions:
                    if (half != "all" and halves[q.id] != half) or (
                        only is not None and (name, q.id) not in only
                    ):
                        continue
                    main = search_as_evaluated(retriever, q.question)
                    unseen = [
                        t
                        for t in main.terms
                        if len(t) > 1 and t not in grouped and retriever.index.lexical.idf(t) >= ceiling
                    ]
                    reached += bool(unseen)
                    runs = [("main", retriever)] + (others if unseen and main.hits else [])
                    seen: dict[tuple[float, str], object] = {}
                    for label, searcher in runs:
                        answer, near = main, {}
                        if label != "main":
                            top = main.hits[0].passage
                            near = searcher.near_words_for(
                                main.terms, as_read(q.question, top), q.question, top.id
                            )
                            key = (
                                searcher.config.near_share,
                                json.dumps(near, ensure_ascii=False, sort_keys=True),
                            )
                            if exact or (near and key not in seen):
                                answer = search_as_evaluated(searcher, q.question)
                                searched += 1
                                seen[key] = answer
                            elif near:
                                answer = seen[key]  # type: ignore[assignment]
                        first = next((h for h in answer.hits if is_relevant(h.passage, q)), None)
                        row = {
                            "set": name,
                            "id": q.id,
                            "half": halves[q.id],
                            "candidate": label,
                            "reach": bool(unseen),
                            "answerable": q.answerable,
                            "question": q.question,
                            "rank": first.rank if first is not None else None,
                            "answered": answer.answered,
                            "probability": answer.probability,
                            "unseen": unseen,
                            "near": {w: list(n[:3]) for w, n in near.items()},
                        }
                        sink.write(json.dumps(row, ensure_ascii=False) + "\n")
                sink.flush()
            print(
                f"{name}: {len(questions)} questions, {reached} in reach, {searched} searched again",
                file=sys.stderr,
                flush=True,
            )


def judge(path: Path, half: str, sets: set[str] | None = None) -> int:
    rows = read_rows(path, half, sets)
    labels = list(dict.fromkeys(r["candidate"] for r in rows if r["candidate"] != "main"))
    verdicts = compare(rows, labels, half, detail="near")
    print_summary(half, verdicts)
    readings = {c[0]: sum(c[3:]) for c in CANDIDATES}
    passing = [
        (v.totals[0] - v.totals[1], -(v.totals[3]), readings.get(v.label, 0), -i, v.label)
        for i, v in enumerate(verdicts)
        if v.passes and v.label != REFERENCE
    ]
    print(f"\nthe candidate (passes with the largest fall): {max(passing)[-1] if passing else 'none'}")
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="words63_near.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", choices=("collect", "judge"))
    parser.add_argument("paths", type=Path, nargs="+")
    parser.add_argument("--sets", help="comma-separated set names (default: every set)")
    parser.add_argument("--half", choices=("tune", "heldout", "all"), default="tune")
    parser.add_argument("--candidates", help="comma-separated candidate names (default: every one)")
    parser.add_argument("--exact", action="store_true", help="search again for every candidate in reach")
    parser.add_argument(
        "--only",
        type=Path,
        help="a file of 'SET ID' lines: only those questions (a narrower candidate finds near words only where "
        "a wider one did; `judge` reads a candidate's missing rows as main's)",
    )
    args = parser.parse_args(argv)
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
    if len(args.paths) != 2:
        parser.error("要给出 LIBS 与 OUT.jsonl 两个路径")
    if not args.paths[0].is_dir():
        print(f"找不到文件夹：{args.paths[0]}", file=sys.stderr)
        return 1
    labels = set(args.candidates.split(",")) if args.candidates else None
    names = args.sets.split(",") if args.sets else all_sets()
    only = None
    if args.only is not None:
        only = {
            tuple(line.split()[:2])
            for line in args.only.read_text(encoding="utf-8").splitlines()
            if line.strip()
        }
    collect(args.paths[0], args.paths[1], names, args.half, labels, args.exact, only)  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
