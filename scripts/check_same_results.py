"""Check that a change to the search gives the same results: dump them before, compare after.

What is dumped, per question and page (5 hits at offset 0, then 5 at offset 5):
the passage ids, scores, dense and lexical scores, relevance, highlights and answer sentences
(text, start, end, score) of the hits, and the answer's confidence (level, probability), signals,
`answered`, `has_more`, terms and typos. Questions: every dev question (benchmarks/dev-questions.jsonl)
in the three modes against the library of $SPEECHQA_HOME, and the first 300 CMRC 2018 trial questions
(hybrid) against the CMRC trial library (built there first when missing), plus the ranker's candidate
features of the first 100 of them (what scripts/fit_ranker.py learns from).

Usage (from the repository; HF_HUB_OFFLINE=1 and SPEECHQA_HOME set):

    python scripts/check_same_results.py dump /tmp/before.json          # on the code before the change
    python scripts/check_same_results.py dump /tmp/after.json
    python scripts/check_same_results.py compare /tmp/before.json /tmp/after.json

`--code DIR` imports the search from another checkout (e.g. an exported older commit) instead of this
one. `compare` exits 1 when anything differs and prints the first differences of each part.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
CMRC_TRIAL = Path("/work/shared/benchmarks/cmrc2018/cmrc2018_trial.json")
PAGES = ((5, 0), (5, 5))  # (k, offset): the top 10 in two pages, as a user pages through them


def dump(out: Path, code: Path, home: Path, cmrc_home: Path, cmrc_file: Path, cmrc_count: int) -> None:
    sys.path.insert(0, str(code))
    logging.disable(logging.WARNING)
    import bench as b
    from bench.evaluate import load_questions
    from index import Library, load_embedder
    from retrieval import MODES, Retriever

    def rows(retriever: Retriever, questions: list[str], modes: tuple[str, ...]) -> list[dict[str, Any]]:
        found = []
        for q in questions:
            for mode in modes:
                for k, offset in PAGES:
                    a = retriever.search(q, k=k, mode=mode, offset=offset)  # type: ignore[arg-type]
                    found.append(
                        {
                            "q": q,
                            "mode": mode,
                            "offset": offset,
                            "answered": a.answered,
                            "confidence": a.confidence,
                            "probability": a.probability,
                            "has_more": a.has_more,
                            "terms": list(a.terms),
                            "typos": [repr(t) for t in a.typos],
                            "signals": repr(a.signals),
                            "hits": [
                                [
                                    h.passage.id,
                                    h.score,
                                    h.dense,
                                    h.lexical,
                                    h.relevant,
                                    [list(span) for span in h.highlights],
                                    None
                                    if h.answer_sentence is None
                                    else [
                                        h.answer_sentence.text,
                                        h.answer_sentence.start,
                                        h.answer_sentence.end,
                                        h.answer_sentence.score,
                                    ],
                                ]
                                for h in a.hits
                            ],
                        }
                    )
        return found

    library = Library(home)
    manifest = library.manifest()
    if manifest is None:
        raise SystemExit(f"no index in {home}: run `speechqa ask …` there once first")
    model = manifest.model.partition("@")[0]  # the key names the model and its engine
    embedder = load_embedder(model, prefer_key=manifest.model)
    dev = [q.question for q in load_questions(code / "benchmarks" / "dev-questions.jsonl")]
    result: dict[str, Any] = {
        "dev": rows(Retriever(library.store, library.load(embedder.key), embedder), dev, MODES)
    }
    data = b.load_cmrc(cmrc_file)
    cmrc = b.cmrc_library(data, cmrc_home, model=model, tokenizer=manifest.tokenizer).retriever()
    questions = [q.question for q in data.questions[:cmrc_count]]
    result["cmrc"] = rows(cmrc, questions, ("hybrid",))
    result["features"] = [
        [[record.id, list(features)] for record, features in cmrc.candidate_features(q)]
        for q in questions[:100]
    ]
    out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    print(f"{out}: " + ", ".join(f"{name} {len(part)}" for name, part in result.items()))


def compare(before: Path, after: Path, shown: int = 3) -> int:
    a, b = (json.loads(p.read_text(encoding="utf-8")) for p in (before, after))
    differing = 0
    for part in a:
        rows_a, rows_b = a[part], b.get(part, [])
        diffs = [(x, y) for x, y in zip(rows_a, rows_b, strict=False) if x != y]
        missing = abs(len(rows_a) - len(rows_b))
        print(f"{part}: {len(rows_a)} rows before, {len(rows_b)} after, {len(diffs)} differ")
        differing += len(diffs) + missing
        for x, y in diffs[:shown]:
            if isinstance(x, dict):
                for key in x:
                    if x[key] != y.get(key):
                        print(f"  {x.get('q')} [{x.get('mode')} @{x.get('offset')}] {key}:")
                        print(f"    before {str(x[key])[:300]}")
                        print(f"    after  {str(y.get(key))[:300]}")
            else:
                print(f"  before {str(x)[:300]}\n  after  {str(y)[:300]}")
    print("same results" if not differing else f"{differing} rows differ")
    return 1 if differing else 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    d = commands.add_parser("dump", help="search every question and write the results as JSON")
    d.add_argument("out", type=Path)
    d.add_argument("--code", type=Path, default=REPO, help="checkout to import the search from")
    d.add_argument("--home", type=Path, default=None, help="library (default: $SPEECHQA_HOME)")
    d.add_argument("--cmrc-home", type=Path, default=None, help="default: HOME/bench/cmrc2018_trial")
    d.add_argument("--cmrc-file", type=Path, default=CMRC_TRIAL)
    d.add_argument("--cmrc-questions", type=int, default=300)
    c = commands.add_parser("compare", help="compare two dumps; exit 1 when they differ")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = parser.parse_args()
    # a path that does not exist: one line, exit 1 (bench is not imported here before --code is on the path)
    given = [args.before, args.after] if args.command == "compare" else [args.code, args.home, args.cmrc_file]
    for path in given:
        if path is not None and not path.exists():
            raise SystemExit(f"找不到：{path}")
    if args.command == "compare":
        return compare(args.before, args.after)
    home = args.home or Path(os.environ["SPEECHQA_HOME"])
    cmrc_home = args.cmrc_home or home / "bench" / "cmrc2018_trial"
    dump(args.out, args.code.resolve(), home, cmrc_home, args.cmrc_file, args.cmrc_questions)
    return 0


if __name__ == "__main__":
    sys.exit(main())
