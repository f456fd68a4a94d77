"""The questions of a set whose confidence a spoken question form can change, and how each is judged.

Only a question holding 啥, 咋 or a verb repeated around 不/没 (收不收, 管不管饭: since form28 part of
retrieval.vocabulary.INTERROGATIVE, before that its own list QUESTION_FORM) reads its signals differently since those forms stopped counting as words the passage
lacks; every other question's search and signals are the same. Run it from two trees (PYTHONPATH=TREE)
to compare verdicts before and after, question by question:

    PYTHONPATH=. python scripts/question_forms_check.py HOME benchmarks/cold5-questions.jsonl [HOME SET ...]

HOME is a data home holding the set's library (e.g. one `speechqa add benchmarks/corpus-cold5/` filled).
Searches as `speechqa eval --mode hybrid` does. Prints one row per question: set, id, split, answerable
(A) or not (U), confidence, probability, whether the first passage is right, coverage, missing peak.
With `--ranks`, the row says how `speechqa eval` scores the question instead: rank of the first relevant
passage (top 10), 要点 (that passage first and its answer sentence holding the answer), confidence level and
probability — the comparison form28 made of every question holding a spoken form.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from bench.errors import require_paths
from bench.evaluate import is_relevant, load_questions, sentence_holds
from cli.settings import DEFAULT_MODEL
from corpus import to_simplified
from index import Library
from retrieval import ServiceOptions, SpeechService

# the spoken forms of retrieval.vocabulary.INTERROGATIVE (QUESTION_FORM before form28), spelled here so the script runs on older trees too
FORM = re.compile(r"啥|咋|([\u3400-\u9fff]{1,2})[不没]\1")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pairs", nargs="+", help="HOME SET.jsonl, repeated")
    parser.add_argument("--ranks", action="store_true", help="rank, 要点, level and probability instead")
    args = parser.parse_args()
    require_paths(
        *map(Path, args.pairs[1::2]), folders=tuple(map(Path, args.pairs[0::2]))
    )  # a path that does not exist: one line, exit 1
    if len(args.pairs) % 2:
        parser.error("give HOME SET.jsonl pairs")
    for home, path in zip(args.pairs[::2], args.pairs[1::2], strict=True):
        questions = [q for q in load_questions(Path(path)) if FORM.search(to_simplified(q.question))]
        library = Library(Path(home))
        service = SpeechService(library, ServiceOptions(model=DEFAULT_MODEL, seed_if_empty=False))
        retriever = service.current()
        name = Path(path).name.removesuffix("-questions.jsonl")
        for q in questions:
            if args.ranks:
                answer = retriever.search(q.question, k=10, mode="hybrid")
                first = next((h.rank for h in answer.hits[:10] if is_relevant(h.passage, q)), None)
                point = first == 1 and sentence_holds(answer.hits[0], q)
                p = "-" if answer.probability is None else f"{answer.probability:.3f}"
                print(
                    f"{name}\t{q.id}\t{q.split or '-'}\t{'A' if q.answerable else 'U'}\t{first}\t{point}\t"
                    f"{answer.level}\t{p}\t{q.question}",
                    flush=True,
                )
                continue
            answer = retriever.search(q.question, k=1, mode="hybrid")
            right = q.answerable and bool(answer.hits) and is_relevant(answer.hits[0].passage, q)
            s = answer.signals
            p = "-" if answer.probability is None else f"{answer.probability:.3f}"
            read = "-\t-" if s is None else f"{s.coverage:.2f}\t{s.missing_peak:.2f}"
            print(
                f"{name}\t{q.id}\t{q.split or '-'}\t{'A' if q.answerable else 'U'}\t{answer.confidence}\t{p}\t"
                f"{right}\t{read}\t{q.question}",
                flush=True,
            )
        library.close()


if __name__ == "__main__":
    main()
