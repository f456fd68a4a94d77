"""CMRC 2018 dev, only the questions the guessed-word reading can move (docs/asks41.md): a question word of three or
more Chinese characters that no passage holds and jieba's dictionary does not know, whose rest without its last
character a passage holds. Each is searched as `speechqa eval --mode hybrid` searches it, with the code on
`PYTHONPATH` (run it at two checkouts and compare the files: `--compare`).

    /work/main/.venv/bin/python scripts/asks41_cmrc.py CMRC_DEV.json BENCH_HOME OUT.jsonl
    /work/main/.venv/bin/python scripts/asks41_cmrc.py --compare AFTER.jsonl BEFORE.jsonl

BENCH_HOME is the library `speechqa bench cmrc … --bench-home BENCH_HOME` builds (built here if missing: every
context, 1,689 passages embedded once). One line per question: id, question, rank of its own context's first
passage, answered, probability, the words read.
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
from pathlib import Path

_HAN = re.compile(r"[\u4e00-\u9fff]+")


def search(data_file: Path, home: Path, out: Path) -> None:
    from bench import cmrc_library, load_cmrc
    from bench.evaluate import is_relevant, search_as_evaluated
    from cli.settings import DEFAULT_MODEL, DEFAULT_TOKENIZER
    from corpus import to_simplified
    from index import query_terms
    from index.tokenize import dictionary_words
    from retrieval.vocabulary import INTERROGATIVE

    data = load_cmrc(data_file)
    retriever = cmrc_library(data, home, model=DEFAULT_MODEL, tokenizer=DEFAULT_TOKENIZER).retriever()
    db = sqlite3.connect(home / "speechqa.db")
    blob = "\n".join(to_simplified(t).lower() for (t,) in db.execute("select text from passages"))
    db.close()
    count = 0
    with out.open("w", encoding="utf-8") as sink:
        for q in data.questions:
            terms = query_terms(to_simplified(q.question).lower())
            guessed = {
                t
                for t in terms
                if len(t) > 2 and _HAN.fullmatch(t) and not INTERROGATIVE.search(t) and t not in blob
            }
            guessed -= dictionary_words(guessed)
            if not any(t[:-1] in blob for t in guessed):
                continue
            count += 1
            answer = search_as_evaluated(retriever, q.question)
            rank = next((h.rank for h in answer.hits if is_relevant(h.passage, q)), None)
            row = {
                "id": q.id,
                "question": q.question,
                "rank": rank,
                "answered": answer.answered,
                "probability": round(answer.probability, 3),
                "terms": list(answer.terms),
            }
            sink.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{count} of {len(data.questions)} questions searched")


def compare(after: Path, before: Path) -> None:
    rows = [
        {r["id"]: r for r in map(json.loads, p.read_text(encoding="utf-8").splitlines())}
        for p in (after, before)
    ]
    new, old = rows

    def figures(part: dict) -> str:
        first = sum(1 for r in part.values() if r["rank"] == 1)
        top3 = sum(1 for r in part.values() if r["rank"] is not None and r["rank"] <= 3)
        declined = sum(1 for r in part.values() if not r["answered"])
        return f"R@1 {first}, R@3 {top3}, false 「未找到」 {declined} of {len(part)}"

    print(f"before: {figures(old)}\nafter:  {figures(new)}")
    for key, was in old.items():
        now = new.get(key)
        if now is not None and (now["rank"], now["answered"]) != (was["rank"], was["answered"]):
            print(
                f"{key} rank {was['rank']} → {now['rank']}, answered {was['answered']} → {now['answered']} "
                f"(p {was['probability']} → {now['probability']}): {was['question']}"
            )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="asks41_cmrc.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "paths", type=Path, nargs="+", help="CMRC_DEV.json BENCH_HOME OUT.jsonl, or two files"
    )
    parser.add_argument("--compare", action="store_true", help="compare AFTER.jsonl with BEFORE.jsonl")
    args = parser.parse_args(argv)
    if args.compare:
        if len(args.paths) != 2:
            parser.error("--compare 要给出 AFTER.jsonl 与 BEFORE.jsonl 两个文件")
        missing = next((p for p in args.paths if not p.is_file()), None)
        if missing is not None:
            print(f"找不到：{missing}", file=sys.stderr)
            return 1
        compare(*args.paths)
        return 0
    if len(args.paths) != 3:
        parser.error("要给出 CMRC_DEV.json、BENCH_HOME 与 OUT.jsonl 三个路径")
    if not args.paths[0].is_file():
        print(f"找不到：{args.paths[0]}", file=sys.stderr)
        return 1
    search(*args.paths)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
