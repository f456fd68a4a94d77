"""HIT's 同义词词林 (retrieval/data/cilin.txt) as low-weight query expansion and as a confidence signal, measured
on every set (docs/measured.md, "HIT's 同义词词林扩展版", branch cilin36):

    python scripts/cilin_terms.py rank LIBS [--variants base E2] [--sets dev cold cold2 … policy cmrc]
                                            [--part tune|heldout|whole] [--judge MODEL.json] [--out ROWS.jsonl]
    python scripts/cilin_terms.py sum ROWS.jsonl [--part tune|heldout]
    python scripts/cilin_terms.py latency LIBS [--variants base E2] [--repeat 3] [--limit N]

LIBS as `scripts/latent_terms.py` reads it (the data homes `bash scripts/eval_all_sets.sh LIBS` builds, with
the policy notices' and CMRC dev's bench libraries under `home/bench/`). Variants: `base` (no thesaurus: the
search before it), `E1` (every question word the lexicons do not hold expanded by its Cilin synonyms at 0.2),
`E2` (only the words no passage holds: what ships), `F0` (E2, and the coverage counting a word held only by a
synonym at half its weight, judged by the shipped model), `F` (the same judged by `--judge`, the model refitted
with it). `rank` asks the questions as `speechqa eval` does; a variant searches only the questions its thesaurus
touches (the others search exactly as `base`), and `base` those some variant touches — except `F`, which searches
every question (its model judges each anew) and writes beside its verdict the shipped model's on the same signals.
`--out` keeps one line per question and variant (set, part — the tuning and held-out halves as
`latent_terms.parts` cuts them —, first relevant rank, answered, probability, the expansions); `sum` adds them up
per part and variant. `latency` times base against the variants on the dev questions, interleaved, and the
thesaurus's load.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TextIO

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from latent_terms import all_sets, parts, sets  # noqa: E402

from bench import every_nth  # noqa: E402
from bench.evaluate import MRR_DEPTH, Outcome, is_relevant, search_as_evaluated, sentence_holds  # noqa: E402
from index.tokenize import query_terms  # noqa: E402
from retrieval import Retriever, RetrieverConfig  # noqa: E402
from retrieval.confidence import load_judge  # noqa: E402

VARIANTS: dict[str, RetrieverConfig] = {
    "base": replace(
        RetrieverConfig(), cilin_weight=0.0, cilin_coverage=0.0
    ),  # the search before the thesaurus
    "E1": replace(RetrieverConfig(), cilin_weight=0.2, cilin_scope="all"),
    "E2": replace(RetrieverConfig(), cilin_weight=0.2, cilin_scope="unseen"),
    # E2 and the coverage reading a synonym as half the word, judged by the shipped model (before a refit)
    "F0": replace(RetrieverConfig(), cilin_weight=0.2, cilin_scope="unseen", cilin_coverage=0.5),
    # the same search judged by a refitted model (`--judge FILE`): every question searched, since the model
    # judges every one anew; each line also says what the shipped model makes of the same signals
    "F": replace(RetrieverConfig(), cilin_weight=0.2, cilin_scope="unseen", cilin_coverage=0.5),
}
EVERY = {"F"}  # variants that search every question, not only those the thesaurus touches


class Recording(Retriever):
    """A retriever that keeps the thesaurus's expansions of its last search (what the search added)."""

    last: tuple[str, ...] = ()

    def thesaurus_expansions(self, *args, **kwargs) -> list[str]:  # type: ignore[no-untyped-def]
        found = super().thesaurus_expansions(*args, **kwargs)
        self.last = tuple(found)
        return found


def expanded(r: Retriever, question: str) -> list[str]:
    """The thesaurus's expansions a search of the question adds (its words as the lexical side reads them)."""
    text = r.weekdays_as_written(r.numerals_as_written(question))
    return r.thesaurus_expansions(tuple(query_terms(text)), r.expansions(text, []), [], text)


def rank(
    libs: Path,
    wanted: Sequence[str],
    variants: Sequence[str],
    out: TextIO | None,
    only: str | None = None,
    judge: Path | None = None,
) -> None:
    """Each variant searches only the questions its thesaurus expands (the others search exactly as the
    shipped search: the weak list is empty), and the shipped search only those some variant expands."""
    for name, load in sets(libs, wanted or all_sets()):
        base, questions = load()
        halves = parts(name, questions)
        part_of = {q.id: part for part, members in halves.items() for q in members}
        if only is not None:  # one part of each set (`--part tune`: the tuning halves alone)
            questions = [q for q in questions if part_of[q.id] == only]
        key = base.embedder.key if base.embedder is not None else None
        searchers = {
            v: Recording(
                base.store,
                base.index,
                base.embedder,
                config=VARIANTS[v],
                judge=load_judge(judge, key) if v in EVERY and judge is not None else None,
            )
            for v in variants
        }
        shipped = load_judge(embedder=key)
        touched = {
            v: {q.id: expanded(searchers[v], q.question) for q in questions} for v in variants if v != "base"
        }
        asked = {i for v in touched for i, e in touched[v].items() if e}
        print(
            f"== {name} ({base.index.lexical.size} passages, {len(questions)} questions; expanded: "
            + ", ".join(f"{v} {sum(1 for e in touched[v].values() if e)}" for v in touched)
            + ")",
            flush=True,
        )
        for variant in variants:
            r = searchers[variant]
            outcomes = []
            for q in questions:
                if variant not in EVERY and (
                    q.id not in asked or (variant != "base" and not touched[variant][q.id])
                ):
                    continue
                answer = search_as_evaluated(r, q.question)
                first = next((h.rank for h in answer.hits[:MRR_DEPTH] if is_relevant(h.passage, q)), None)
                hit = first == 1 and sentence_holds(answer.hits[0], q)
                outcomes.append(Outcome(q, first, answer.answered, hit, answer.level))
                if out is not None:
                    line = {
                        "set": name,
                        "part": part_of[q.id],
                        "id": q.id,
                        "variant": variant,
                        "answerable": q.answerable,
                        "first": first,
                        "answered": answer.answered,
                        "probability": answer.probability,
                        "expansions": list(r.last) if variant != "base" else [],
                        "predicted": touched[variant][q.id] if variant != "base" else [],
                    }
                    if (
                        variant in EVERY
                    ):  # the shipped model on the same signals, the time rule as the search has it
                        verdict = shipped.judge(answer.signals) if answer.signals is not None else None
                        line["shipped_answered"] = (
                            verdict is not None
                            and verdict.answered
                            and answer.period_unnamed is None
                            and answer.period_elsewhere is None
                        )
                    out.write(json.dumps(line, ensure_ascii=False) + "\n")
                    out.flush()


def latency(libs: Path, variants: Sequence[str], repeat: int, limit: int | None) -> None:
    """Warm hybrid search time of each variant on the dev questions over the bundled speeches (LIBS/home),
    interleaved question by question (the variants' order turned each question), query vectors cached so
    the time is the search's own; and the thesaurus's load time."""
    import time

    import numpy as np

    from retrieval.vocabulary import bundled_thesaurus

    loads = []
    for _ in range(5):
        bundled_thesaurus.cache_clear()
        started = time.perf_counter()
        bundled_thesaurus()
        loads.append((time.perf_counter() - started) * 1000)
    print(f"thesaurus load: median {np.median(loads):.1f} ms of 5 ({len(bundled_thesaurus())} words)")
    (_, load), *_ = sets(libs, ["dev"])
    base, questions = load()
    questions = every_nth(questions, limit)
    searchers = [Retriever(base.store, base.index, base.embedder, config=VARIANTS[v]) for v in variants]
    for q in questions:  # warm: every question's vector cached, every searcher's first search done
        for r in searchers:
            search_as_evaluated(r, q.question)
    times: dict[str, list[float]] = {v: [] for v in variants}
    for n in range(repeat):
        for i, q in enumerate(questions):
            order = list(zip(variants, searchers, strict=True))
            for v, r in order if (i + n) % 2 == 0 else order[::-1]:
                started = time.perf_counter()
                search_as_evaluated(r, q.question)
                times[v].append((time.perf_counter() - started) * 1000)
    first = variants[0]
    for v in variants:
        p50, p95 = np.percentile(times[v], [50, 95])
        ratio = p95 / np.percentile(times[first], 95)
        print(
            f"{v:4s} hybrid p50 {p50:.1f} ms p95 {p95:.1f} ms ({len(times[v])} searches; p95 {ratio:.3f}× {first}'s)"
        )


def add_up(files: Sequence[Path], part: str | None) -> None:
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            group = "tune" if r["part"] == "tune" else "heldout"
            if part is not None and group != part:
                continue
            t = tally[(group, r["variant"])]
            if r["answerable"]:
                t[0] += 1
                t[1] += r["first"] == 1
                t[2] += r["first"] is not None and r["first"] <= 3
                t[3] += not r["answered"]
            else:
                t[4] += 1
                t[5] += r["answered"]
    for (group, variant), (n, r1, r3, fa, un, au) in sorted(tally.items()):
        print(
            f"{group:8s} {variant:4s} R@1 {r1}/{n} R@3 {r3}/{n} false 「未找到」 {fa}/{n}"
            f" answered unanswerable {au}/{un} (sum {fa + au})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("rank")
    p.add_argument("libs", type=Path)
    p.add_argument("--sets", nargs="*", default=[])
    p.add_argument("--variants", nargs="*", default=list(VARIANTS))
    p.add_argument("--out", type=Path)
    p.add_argument("--judge", type=Path, help="the refitted confidence model variant F is judged by")
    p.add_argument("--part", choices=["tune", "heldout", "whole"], help="search only this part of each set")
    t = sub.add_parser("latency")
    t.add_argument("libs", type=Path)
    t.add_argument("--variants", nargs="*", default=["base", "E2"])
    t.add_argument("--repeat", type=int, default=3)
    t.add_argument("--limit", type=int, help="ask only about this many dev questions, spread over the set")
    s = sub.add_parser("sum")
    s.add_argument("files", type=Path, nargs="+")
    s.add_argument("--part", choices=["tune", "heldout"])
    args = parser.parse_args()
    if args.command == "rank":
        with open(args.out, "a", encoding="utf-8") if args.out else open("/dev/null", "w") as out:
            rank(args.libs, args.sets, args.variants, out if args.out else None, args.part, args.judge)
    elif args.command == "latency":
        latency(args.libs, args.variants, args.repeat, args.limit)
    else:
        add_up(args.files, args.part)


if __name__ == "__main__":
    main()
