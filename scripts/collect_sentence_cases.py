"""Collect answer-sentence cases: for each question of a set, the top hit of a real hybrid search with what
the answer sentence is chosen from (the passage's text, its topic, the question's weighted words, its
one-character words, the kind of answer asked) and the gold phrases. Written as JSON Lines, so the
sentence chooser can be fitted and compared (scripts/fit_sentence_model.py) without searching again.

    SPEECHQA_HOME=~/.local/share/speechqa .venv/bin/python scripts/collect_sentence_cases.py \\
        --cmrc ../shared/benchmarks/cmrc2018/cmrc2018_trial.json --out /tmp/cases-trial.jsonl
    … --dev benchmarks/dev-questions.jsonl --out /tmp/cases-dev.jsonl
    … --policy benchmarks/policy-questions.jsonl --notices tests/fixtures/notices --out /tmp/cases-policy.jsonl

The CMRC and notice libraries are the ones `speechqa bench cmrc` / `bench ablation --notices` keep under
$SPEECHQA_HOME/bench (embedded once); question vectors are cached in them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import cmrc_library, load_cmrc
from bench.confidence import CachedQueries, folder_library
from bench.errors import require_paths
from bench.evaluate import GoldQuestion, is_relevant, load_questions
from corpus import to_simplified
from index import DEFAULT_MODEL, Library
from retrieval import Retriever, ServiceOptions, SpeechService
from retrieval.records import PassageRecord
from retrieval.sentence import AnswerSentence, WeightedTerm

MERGE_TO = 200  # the product's passage merging (cli/settings.py MEASURED_MERGE_TO)


class Recording(Retriever):
    """The retriever, keeping what each answer sentence was chosen from."""

    seen: dict[int, dict[str, object]]

    def answer_sentence(self, record, terms, extra=(), kind=None, question="") -> AnswerSentence | None:  # type: ignore[override]
        found = super().answer_sentence(record, terms, extra, kind, question)

        def words(ws: Sequence[WeightedTerm]) -> list[list[object]]:
            return [[w.text, w.weight] for w in ws]

        self.seen[record.id] = {
            "text": to_simplified(record.text),
            "topic": to_simplified(f"{record.section or ''} {record.speech_title}"),
            "terms": words(terms),
            "extra": words(extra),
            "kind": kind,
            "shown": [found.start, found.end] if found is not None else None,
        }
        return found


def cases(retriever: Recording, questions: Sequence[GoldQuestion], name: str) -> list[dict[str, object]]:
    out = []
    for q in questions:
        gold = [a for a in (q.spans or q.answers) if a.strip()]
        if not gold:
            continue  # unanswerable: no answer sentence to judge
        retriever.seen = {}
        hits = retriever.search(q.question, k=1).hits
        if not hits or hits[0].passage.id not in retriever.seen:
            continue
        record: PassageRecord = hits[0].passage
        out.append(
            {
                "set": name,
                "id": q.id,
                "split": q.split,
                "question": q.question,
                "gold": gold,
                "relevant": is_relevant(record, q),
                **retriever.seen[record.id],
            }
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cmrc", type=Path, help="a CMRC 2018 JSON file")
    parser.add_argument("--dev", type=Path, help="a question set over the library in $SPEECHQA_HOME")
    parser.add_argument("--policy", type=Path, help="a question set over --notices")
    parser.add_argument("--notices", type=Path, help="a folder of notices (with --policy)")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    require_paths(
        args.cmrc, args.dev, args.policy, folders=(args.notices,) if args.notices else ()
    )  # a path that does not exist: one line, exit 1
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    home = Path(os.environ.get("SPEECHQA_HOME") or Path.home() / ".local" / "share" / "speechqa")
    model = os.environ.get("SPEECHQA_MODEL", DEFAULT_MODEL)
    rows: list[dict[str, object]] = []
    if args.cmrc:
        data = load_cmrc(args.cmrc)
        bench = cmrc_library(data, home / "bench" / args.cmrc.stem, model=model, tokenizer="char")
        store = bench.library.store
        retriever = Recording(
            store, bench.library.load(bench.embedder.key), CachedQueries(bench.embedder, store)
        )
        rows += cases(retriever, data.questions[: args.limit], args.cmrc.stem)
    if args.dev:
        service = SpeechService(Library(home), ServiceOptions(model=model))
        store = service.library.store
        retriever = Recording(store, service.retriever.index, CachedQueries(service.embedder, store))
        rows += cases(retriever, load_questions(args.dev)[: args.limit], args.dev.stem)
    if args.policy and args.notices:
        lib = folder_library(
            args.notices,
            home / "bench" / f"{args.notices.name}-merge{MERGE_TO}",
            model=model,
            tokenizer="char",
            merge_to=MERGE_TO,
        )
        store = lib.library.store
        retriever = Recording(store, lib.library.load(lib.embedder.key), CachedQueries(lib.embedder, store))
        rows += cases(retriever, load_questions(args.policy)[: args.limit], args.policy.stem)
    with args.out.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} cases to {args.out}")


if __name__ == "__main__":
    main()
