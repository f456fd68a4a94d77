"""Each question of a set holding a spoken question form (啥, 咋, a verb repeated around 不/没), scored as
`speechqa eval --mode hybrid` scores it: rank of the first relevant passage (top 10), 要点 (that passage
first and its answer sentence holding the answer), confidence level and probability. Run it from two trees
(PYTHONPATH=TREE) and compare the outputs line by line; every other question searches the same on both
when only how a question asks changed (scripts/interrogative_moves.py):

    PYTHONPATH=. python scripts/question_forms_ranks.py HOME benchmarks/cold5-questions.jsonl [HOME SET ...]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from bench.evaluate import is_relevant, load_questions, sentence_holds
from cli.settings import DEFAULT_MODEL
from corpus import to_simplified
from index import Library
from retrieval import ServiceOptions, SpeechService

# the spoken forms, spelled here so the script runs on trees before and after form28
FORM = re.compile(r"啥|咋|([\u3400-\u9fff]{1,2})[不没]\1")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pairs", nargs="+", help="HOME SET.jsonl, repeated")
    args = parser.parse_args()
    if len(args.pairs) % 2:
        parser.error("give HOME SET.jsonl pairs")
    for home, path in zip(args.pairs[::2], args.pairs[1::2], strict=True):
        questions = [q for q in load_questions(Path(path)) if FORM.search(to_simplified(q.question))]
        library = Library(Path(home))
        service = SpeechService(library, ServiceOptions(model=DEFAULT_MODEL, seed_if_empty=False))
        retriever = service.current()
        name = Path(path).name.removesuffix("-questions.jsonl")
        for q in questions:
            answer = retriever.search(q.question, k=10, mode="hybrid")
            first = next((h.rank for h in answer.hits[:10] if is_relevant(h.passage, q)), None)
            point = first == 1 and sentence_holds(answer.hits[0], q)
            p = "-" if answer.probability is None else f"{answer.probability:.3f}"
            print(
                f"{name}\t{q.id}\t{q.split or '-'}\t{'A' if q.answerable else 'U'}\t{first}\t{point}\t"
                f"{answer.level}\t{p}\t{q.question}",
                flush=True,
            )
        library.close()


if __name__ == "__main__":
    main()
