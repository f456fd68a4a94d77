"""CMRC 2018 dev (or a question set of ours over a library), only the questions `RetrieverConfig.fact_first` can move (docs/cue63.md): those asking a kind of
fact in everyday words (`retrieval.asked_fact.asked_facts`). Each is searched as `speechqa eval --mode hybrid`
searches it, with the rule off and on (one retriever, the question encoded once), and the figures of both printed.

    /work/main/.venv/bin/python scripts/cue63_cmrc.py CMRC_DEV.json BENCH_HOME OUT.jsonl
    /work/main/.venv/bin/python scripts/cue63_cmrc.py benchmarks/policy-questions.jsonl LIBRARY OUT.jsonl

A set of ours (NAME-questions.jsonl) is searched in LIBRARY, a data home holding its documents (for the policy set:
`speechqa add tests/fixtures/notices/` into an empty one), never written; its held-out and tuning halves apart.

BENCH_HOME is the library `speechqa bench cmrc … --bench-home BENCH_HOME` builds (built here if missing: every
context, 1,689 passages embedded once). One line per question and setting: id, question, fact_first, rank of its
own context's first passage, answered, 要点 (a gold span inside the first hit's answer sentence, that hit relevant).
"""

from __future__ import annotations

import argparse
import copy
import json
import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path


def search(data_file: Path, home: Path, out: Path) -> None:
    from bench import cmrc_library, load_cmrc
    from bench.evaluate import is_relevant, search_as_evaluated, sentence_holds
    from cli.settings import DEFAULT_MODEL, DEFAULT_TOKENIZER
    from retrieval.asked_fact import asked_facts

    if data_file.suffix == ".jsonl":
        from bench.evaluate import load_questions
        from index import Library
        from retrieval import ServiceOptions, SpeechService

        questions = load_questions(data_file)
        copied = Path(tempfile.mkdtemp(prefix="cue63-")) / "home"  # a search caches its question's vector
        shutil.copytree(home, copied)
        options = ServiceOptions(model=DEFAULT_MODEL, seed_if_empty=False)
        retriever = SpeechService(Library(copied), options).current()
    else:
        data = load_cmrc(data_file)
        questions = data.questions
        retriever = cmrc_library(data, home, model=DEFAULT_MODEL, tokenizer=DEFAULT_TOKENIZER).retriever()
    on = copy.copy(retriever)  # the same store, index, models and question vectors
    on.config = replace(retriever.config, fact_first=True)
    rows: list[dict] = []
    with out.open("w", encoding="utf-8") as sink:
        for q in questions:
            if not asked_facts(q.question):
                continue
            for setting, searcher in ((False, retriever), (True, on)):
                answer = search_as_evaluated(searcher, q.question)
                rank = next((h.rank for h in answer.hits if is_relevant(h.passage, q)), None)
                row = {
                    "id": q.id,
                    "question": q.question,
                    "fact_first": setting,
                    "half": getattr(q, "split", None) or "heldout",
                    "rank": rank,
                    "answered": answer.answered,
                    "key_point": rank == 1 and sentence_holds(answer.hits[0], q, answer),
                }
                rows.append(row)
                sink.write(json.dumps(row, ensure_ascii=False) + "\n")
    for setting, half in ((s, h) for h in sorted({r["half"] for r in rows}) for s in (False, True)):
        part = [r for r in rows if r["fact_first"] is setting and r["half"] == half]
        first = sum(r["rank"] == 1 for r in part)
        top3 = sum(r["rank"] is not None and r["rank"] <= 3 for r in part)
        key = sum(r["key_point"] for r in part)
        declined = sum(not r["answered"] for r in part)
        print(
            f"{half} fact_first={setting}: R@1 {first}, R@3 {top3}, 要点 {key}, false 「未找到」 {declined} "
            f"of {len(part)} questions (of {len(questions)})"
        )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="cue63_cmrc.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", type=Path, nargs=3, help="CMRC_DEV.json BENCH_HOME OUT.jsonl")
    args = parser.parse_args(argv)
    if not args.paths[0].is_file():
        print(f"找不到：{args.paths[0]}", file=sys.stderr)
        return 1
    search(*args.paths)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
