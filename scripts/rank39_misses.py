"""Every answerable question whose right passage is not in the top 3, and every one told 「未找到」, over
every question set of our own, each asked of its library (docs/rank39.md).

    /work/main/.venv/bin/python scripts/rank39_misses.py LIBS OUT.jsonl [--sets dev,cold3,…]
    /work/main/.venv/bin/python scripts/rank39_misses.py --summary OUT.jsonl [BEFORE.jsonl]

LIBS: the libraries `scripts/eval_all_sets.sh LIBS` builds (`home`, `cN`, `styles`); each is copied to a
temporary folder first (searches cache question vectors in the data home), so LIBS is never written.
Every question is searched as `speechqa eval --mode hybrid` searches it (`bench.search_as_evaluated`), and
one line per question goes to OUT.jsonl: set, id, half, whether answerable, the rank of its first relevant
passage (null beyond 10), answered, level, probability, the top passage and the first relevant one.

The halves, fixed before any measurement (session 39): a set whose file marks its questions "tune" /
"heldout" (dev, styles, asks38) keeps them; cold2…cold15 are halved by `bench.blind_split` (the halves
earlier sessions used); the third set (cold) and cold16…cold23 are held out whole. A rule may be designed
on the "tune" halves only.

`--summary` prints, per set and half, R@1, R@3, false 「未找到」 and answered unanswerable (counts), and
with a second file, the questions whose rank or verdict moved between the two.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WHOLE = {"cold", *(f"cold{n}" for n in range(16, 24))}  # held out whole


def library_of(name: str) -> str:
    """The library `scripts/eval_all_sets.sh` evaluates a set on."""
    if name.startswith("cold") and name[4:].isdigit():
        return f"c{name[4:]}"
    return "styles" if name in ("styles", "asks38") else "home"


def all_sets() -> list[str]:
    names = ["dev", "cold", "styles", "asks38"]
    names += sorted(
        (
            p.name.removesuffix("-questions.jsonl")
            for p in (REPO / "benchmarks").glob("cold*-questions.jsonl")
        ),
        key=lambda n: (len(n), n),
    )
    return list(dict.fromkeys(names))


def halves_of(name: str, questions: list) -> dict[str, str]:
    from bench import blind_split

    if name in WHOLE:
        return {q.id: "heldout" for q in questions}
    if name.startswith("cold"):  # cold2…cold15: their files mark every question "heldout"
        return blind_split(name, questions)
    return {q.id: q.split or "heldout" for q in questions}


def collect(libs: Path, out: Path, names: list[str]) -> None:
    from bench.evaluate import is_relevant, load_questions, search_as_evaluated
    from cli.settings import DEFAULT_MODEL
    from corpus import to_simplified
    from index import Library, lexical_input
    from retrieval import ServiceOptions, SpeechService
    from retrieval.abstain import unseen_idf
    from retrieval.retriever import source_text

    with out.open("w", encoding="utf-8") as sink:
        for name in names:
            path = REPO / "benchmarks" / f"{name}-questions.jsonl"
            questions = load_questions(path)
            halves = halves_of(name, questions)
            with tempfile.TemporaryDirectory(prefix="rank39-") as tmp:
                home = Path(tmp) / "home"
                shutil.copytree(libs / library_of(name), home)
                service = SpeechService(
                    Library(home), ServiceOptions(model=DEFAULT_MODEL, seed_if_empty=False)
                )
                retriever = service.current()
                for q in questions:
                    answer = search_as_evaluated(retriever, q.question)
                    first = next((h for h in answer.hits if is_relevant(h.passage, q)), None)
                    top = answer.hits[0] if answer.hits else None
                    # the question's words the best passage (heading, title, speaker, date) lacks, with their
                    # IDF over the unseen ceiling, as the confidence's `missing_peak` reads them (roughly:
                    # interrogatives are not left out here)
                    seen_in = (
                        to_simplified(
                            f"{lexical_input(top.passage.text, top.passage.section)} {source_text(top.passage)}"
                        ).lower()
                        if top is not None
                        else ""
                    )
                    ceiling = unseen_idf(retriever.index.lexical.size)
                    missing = sorted(
                        (
                            (t, round(retriever.index.lexical.idf(t) / ceiling, 2))
                            for t in answer.terms
                            if len(t) > 1 and t not in seen_in
                        ),
                        key=lambda m: -m[1],
                    )
                    row = {
                        "set": name,
                        "id": q.id,
                        "half": halves[q.id],
                        "answerable": q.answerable,
                        "kind": q.kind,
                        "question": q.question,
                        "answers": list(q.answers),
                        "rank": first.rank if first is not None else None,
                        "answered": answer.answered,
                        "level": answer.level,
                        "probability": answer.probability,
                        "terms": list(answer.terms),
                        "missing": missing,
                        "top": top.passage.text[:160] if top else None,
                        "top_section": top.passage.section if top else None,
                        "top_sentence": top.answer_sentence.text
                        if top is not None and top.answer_sentence is not None
                        else None,
                        "gold": first.passage.text[:160] if first is not None else None,
                        "signals": answer.signals.__dict__ if answer.signals is not None else None,
                    }
                    sink.write(json.dumps(row, ensure_ascii=False) + "\n")
            print(f"{name}: {len(questions)}", file=sys.stderr, flush=True)


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def summary(rows: list[dict]) -> dict[tuple[str, str], tuple[int, int, int, int, int, int]]:
    """(set, half) → (answerable, at 1, in top 3, false 「未找到」, unanswerable, answered unanswerable)"""
    acc: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * 6)
    for r in rows:
        for key in ((r["set"], r["half"]), ("ALL", r["half"])):
            a = acc[key]
            if r["answerable"]:
                a[0] += 1
                a[1] += r["rank"] == 1
                a[2] += r["rank"] is not None and r["rank"] <= 3
                a[3] += not r["answered"]
            else:
                a[4] += 1
                a[5] += r["answered"]
    return {k: tuple(v) for k, v in acc.items()}  # type: ignore[misc]


def print_summary(after: list[dict], before: list[dict] | None) -> None:
    now = summary(after)
    was = summary(before) if before is not None else {}
    print("| set | half | answerable | R@1 | R@3 | false 未找到 | answered unanswerable |")
    print("|---|---|---|---|---|---|---|")
    for key in sorted(now, key=lambda k: (k[0] == "ALL", k[1], k[0])):
        n, u = now[key][0], now[key][4]

        def cell(i: int, total: int, key: tuple[str, str] = key) -> str:
            value = now[key][i]
            text = f"{value}/{total} ({value / max(1, total):.3f})"
            if key in was and was[key][i] != value:
                text = f"{was[key][i]} → {text}"
            return text

        print(f"| {key[0]} | {key[1]} | {n} | {cell(1, n)} | {cell(2, n)} | {cell(3, n)} | {cell(5, u)} |")
    if before is None:
        return
    old = {(r["set"], r["id"]): r for r in before}
    print("\nmoved:")
    for r in after:
        o = old.get((r["set"], r["id"]))
        if o is None or (o["rank"], o["answered"]) == (r["rank"], r["answered"]):
            continue
        print(
            f"{r['set']} {r['id']} ({r['half']}) rank {o['rank']} → {r['rank']}, "
            f"answered {o['answered']} → {r['answered']} (p {o['probability']} → {r['probability']}): {r['question']}"
        )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="rank39_misses.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", type=Path, nargs="+")
    parser.add_argument("--summary", action="store_true", help="summarise OUT.jsonl [against BEFORE.jsonl]")
    parser.add_argument("--sets", help="comma-separated set names (default: every set)")
    args = parser.parse_args(argv)
    if args.summary:
        after = load(args.paths[0])
        before = load(args.paths[1]) if len(args.paths) > 1 else None
        print_summary(after, before)
        return 0
    if len(args.paths) != 2 or not args.paths[0].is_dir():
        print(
            "用法：rank39_misses.py LIBS OUT.jsonl（LIBS 是 eval_all_sets.sh 建的资料库文件夹）",
            file=sys.stderr,
        )
        return 1
    names = args.sets.split(",") if args.sets else all_sets()
    collect(args.paths[0], args.paths[1], names)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
