"""Would the answer sentence (「要点」) be chosen better with each sentence's dense similarity to the
question? Measured on CMRC 2018 *trial* (never reported as a result), on the questions whose top hit is
the right context: the share whose gold answer span lies in the chosen sentence, with the sentence's
cosine mixed in at several weights.

The issue asks sentences to be scored by their words, proximity and "the dense similarity of the
sentence". That needs a vector per sentence: embedding them at build time costs ~1.8× today's build
(docs/benchmarks.md, "sentence-vectors-cost"), embedding the top hits' sentences per question several
times the question's own encoding. This probe says what it would buy. Sentence vectors are cached in the
library's vector cache, so a second run embeds nothing.

    SPEECHQA_HOME=~/.local/share/speechqa .venv/bin/python scripts/probe_sentence_dense.py \\
        --cmrc ../shared/benchmarks/cmrc2018/cmrc2018_trial.json --limit 600
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import cmrc_library, load_cmrc
from bench.confidence import CachedQueries
from bench.errors import require_paths
from bench.evaluate import is_relevant, sentence_holds
from corpus import to_simplified
from index import DEFAULT_MODEL
from retrieval import Retriever, split_sentences
from retrieval.sentence import AnswerSentence, answer_sentence

WEIGHTS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.6)


class SentenceDense(Retriever):
    """The retriever, its answer sentence chosen with each sentence's cosine to the question mixed in."""

    weight = 0.0
    question = np.zeros(0, dtype=np.float32)
    vectors: ClassVar[dict[str, np.ndarray]] = {}

    def answer_sentence(self, record, terms, extra=(), kind=None, question="") -> AnswerSentence | None:  # type: ignore[override]
        text = to_simplified(record.text)
        if not self.weight:
            return super().answer_sentence(record, terms, extra, kind, question)
        cosines = [float(self.vectors[text[s:e]] @ self.question) for s, e in split_sentences(text)]
        found = answer_sentence(
            text,
            terms,
            dense=cosines,
            dense_weight=self.weight,
            topic=to_simplified(f"{record.section or ''} {record.speech_title}"),
            extra=extra,
            kind=kind,
        )
        return None if found is None else replace(found, text=record.text[found.start : found.end])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cmrc", type=Path, required=True, help="CMRC 2018 trial JSON")
    parser.add_argument("--limit", type=int, default=600)
    args = parser.parse_args()
    require_paths(args.cmrc)  # a path that does not exist: one line, exit 1
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    data = load_cmrc(args.cmrc)
    home = Path(os.environ.get("SPEECHQA_HOME") or Path.home() / ".local" / "share" / "speechqa")
    model = os.environ.get("SPEECHQA_MODEL", DEFAULT_MODEL)
    bench = cmrc_library(data, home / "bench" / args.cmrc.stem, model=model, tokenizer="char")
    library, embedder = bench.library, bench.embedder
    queries = CachedQueries(embedder, library.store)
    retriever = SentenceDense(library.store, library.load(embedder.key), queries)
    questions = data.questions[: args.limit]
    kept, passages = [], set()
    for q in questions:
        hits = retriever.search(q.question, k=1).hits
        if hits and is_relevant(hits[0].passage, q):
            kept.append(q)
            passages.add(to_simplified(hits[0].passage.text))
    texts = list(dict.fromkeys(t[s:e] for t in sorted(passages) for s, e in split_sentences(t)))
    sentences = CachedQueries(embedder, library.store, kind="passage", tag="sentence")
    sentences.warm(texts)
    SentenceDense.vectors = dict(zip(texts, sentences.embed_batch(texts, "passage"), strict=True))
    print(
        f"{len(questions)} CMRC trial questions, {len(kept)} with the right context first; {len(texts)} sentences"
    )
    print("| sentence cosine weight | gold span in 要点 |")
    print("|---|---|")
    for weight in WEIGHTS:
        SentenceDense.weight = weight
        held = 0
        for q in kept:
            SentenceDense.question = retriever.query_vector(q.question)
            hits = retriever.search(q.question, k=1).hits
            held += bool(hits) and sentence_holds(hits[0], q)
        print(f"| {weight:.1f} | {held}/{len(questions)} ({held / len(questions):.3f}) |")


if __name__ == "__main__":
    main()
