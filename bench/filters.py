"""`speechqa bench filters`: what naming a speaker or a year in a question does to retrieval, and whether
the words that named the filter should still be searched for.

The bundled speeches get a speaker and a date each (speech 2 keeps its own, 沈伟 2024-03-13; the others
get invented ones, two of them in the same year), and every answerable dev question is asked in three
filtered forms: 「{speaker}同志讲话中，{question}」, 「{year}年讲话中，{question}」 and
「{speaker}同志{year}年讲话：{question}」. Each form is searched without the filter (the words only),
with the filter read from the question and the words kept, and with the words left out of the lexical
query or of both queries (`RetrieverConfig.strip_filter_words`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from corpus import chunk_speech
from index import Embedder, Library
from retrieval import Retriever, RetrieverConfig

from .evaluate import GoldQuestion, Report, evaluate, gold_question
from .speed import DEV_QUESTIONS, seed_speeches

# (speaker, date) of the bundled speeches in file order; speech 2's are its own.
METADATA = (
    ("张建国", "2021-05-10"),
    ("沈伟", "2024-03-13"),
    ("李明华", "2022-06-01"),
    ("王芳", "2023-09-20"),
    ("赵强", "2021-02-26"),
)
FORMS = {
    "speaker": "{speaker}同志讲话中，{question}",
    "year": "{year}年讲话中，{question}",
    "speaker+year": "{speaker}同志{year}年讲话：{question}",
}
STRIPS = ("keep", "lexical", "both")


def filters_library(home: Path, embedder: Embedder, tokenizer: str) -> Library:
    """The bundled speeches with a speaker and a date each, indexed (embeddings cached in `home`)."""
    library = Library(home, tokenizer=tokenizer)
    with library.write_lock():
        for speech, (speaker, day) in zip(seed_speeches(), METADATA, strict=True):
            dated = replace(speech, speaker=speaker, date=day)
            library.store.save_speech(dated, chunk_speech(dated, library.max_chars))
        if library.is_stale():
            library.build(embedder)
    return library


def filtered_questions(path: Path = DEV_QUESTIONS) -> list[tuple[GoldQuestion, int]]:
    """The answerable dev questions with the number (1-based) of the speech that answers them."""
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("answers") and row.get("speech"):
            out.append((gold_question(row, number), int(row["speech"])))  # checked as `eval` checks it
    return out


def _score(r: Report) -> str:
    return f"{r.recall[1]:.3f} | {r.recall[5]:.3f} | {r.mrr:.3f}"


def filters_report(
    library: Library, embedder: Embedder, questions: Sequence[tuple[GoldQuestion, int]]
) -> str:
    index = library.load(embedder.key)
    retrievers = {
        strip: Retriever(library.store, index, embedder, RetrieverConfig(strip_filter_words=strip))  # type: ignore[arg-type]
        for strip in STRIPS
    }
    for r in retrievers.values():  # one query-vector cache: the same text is encoded once
        r.query_vector = retrievers["keep"].query_vector
    plain = [q for q, _ in questions]
    base = evaluate(plain, lambda text: retrievers["keep"].search(text, k=10))
    lines = [
        f"{len(questions)} answerable dev questions on the bundled speeches, each with a speaker and a date "
        "(speech 2 its own, the others invented). Recall@1 | Recall@5 | MRR@10, hybrid mode.",
        "",
        "| question | search | R@1 | R@5 | MRR |",
        "|---|---|---|---|---|",
        f"| as written | no filter | {_score(base)} |",
    ]
    for form, template in FORMS.items():
        asked = [
            replace(
                q,
                question=template.format(
                    speaker=METADATA[n - 1][0], year=METADATA[n - 1][1][:4], question=q.question
                ),
            )
            for q, n in questions
        ]
        words = evaluate(asked, lambda text: retrievers["keep"].search(text, k=10))
        lines.append(f"| {form} named | words only, no filter | {_score(words)} |")
        for strip in STRIPS:
            r = retrievers[strip]
            report = evaluate(asked, lambda text, r=r: r.search(text, k=10, auto_filter=True))
            label = {"keep": "filter, words kept", "lexical": "filter, words out of lexical query",
                     "both": "filter, words out of both queries"}[strip]  # fmt: skip
            lines.append(f"| {form} named | {label} | {_score(report)} |")
    return "\n".join(lines)
