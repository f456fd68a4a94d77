"""Questions whose first page (k passages) the old paging rule ended while the new one goes on: the old rule
offered a next page only when every passage shown and the next page's first were relevant; the new one when
any passage of the next page is (retrieval/retriever.py, `next_page`). Searches as the front ends do
(auto filters, pins) on a data home, for the questions of a JSON Lines set (held-out rows skipped).

    SPEECHQA_HOME=... python scripts/paging_cut_short.py benchmarks/fit-questions.jsonl --k 2
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from cli.settings import DEFAULT_MODEL
from index import Library
from retrieval import ServiceOptions, SpeechService


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("questions", type=Path)
    parser.add_argument("--k", type=int, default=2)
    args = parser.parse_args()
    k = args.k
    retriever = SpeechService(
        Library(Path(os.environ["SPEECHQA_HOME"])), ServiceOptions(model=DEFAULT_MODEL)
    ).current()
    asked = old_more = new_more = 0
    for line in args.questions.read_text(encoding="utf-8").splitlines():
        q = json.loads(line)
        if q.get("corpus", "speeches") != "speeches" or q.get("split") == "heldout":
            continue
        asked += 1
        hits = retriever.search(q["question"], k=2 * k, auto_filter=True, pins=True).hits
        relevant = [h.relevant for h in hits]
        old = len(relevant) > k and all(relevant[:k]) and relevant[k]
        new = any(relevant[k : 2 * k])
        old_more += old
        new_more += new
        if new and not old:
            print(f"{q['id']}  {q['question']}  {['+' if r else '-' for r in relevant]}")
    print(
        f"k={k}: {asked} questions; a second page offered by the old rule {old_more}, by the new {new_more}"
    )


if __name__ == "__main__":
    main()
