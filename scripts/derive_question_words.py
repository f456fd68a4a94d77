"""Derive the question words dropped from the lexical side of a search, from data.

A token (as the lexical index cuts text: characters and character bigrams) is a *question word* when it
is frequent in questions and rare in the text that answers them: 什么, 哪, 吗, 多少 … occur in many
questions and almost never in passages, so matching them only rewards passages that happen to contain
them. Two kinds of evidence, each kept only for tokens in enough questions:

- a reading-comprehension set (CMRC trial): how often a token of a question is absent from the
  question's own context (topic words such as names are almost always present there, asking words
  almost never);
- a staff question set with the speeches it is asked of: how much more common the token is in the
  questions than in the speeches' sentences (both sides have sentence length).

    .venv/bin/python scripts/derive_question_words.py

    .venv/bin/python scripts/derive_question_words.py \\
        --cmrc ../shared/benchmarks/cmrc2018/cmrc2018_trial.json \\
        --questions benchmarks/dev-questions.jsonl --split tune \\
        --passages corpus/data/speeches-2024-laoganbu.txt \\
        > retrieval/data/question_words.txt

Only fitting data goes in: CMRC *trial* (never dev) and the tuning half of the dev set (never the
held-out half). The thresholds are fixed here, not tuned per question.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.errors import require_paths
from index import get_tokenizer
from retrieval.sentence import split_sentences

MIN_QUESTION_SHARE = 0.004  # CMRC: in at least 4 of 1,000 questions
MAX_IN_OWN_CONTEXT = 0.1  # CMRC: of the questions holding the token, at most 10% have it in their context
MIN_ARTICLES = 5  # CMRC: asked about at least 5 different articles (not one topic's phrasing)
MIN_STAFF_QUESTIONS = 3  # staff set: in at least 3 questions
MIN_RATIO = 8.0  # staff set: at least 8 times as common in questions as in passage sentences
SMOOTHING = 1e-3


def document_frequency(texts: Iterable[str]) -> tuple[Counter[str], int]:
    tokenize = get_tokenizer("char")
    counts: Counter[str] = Counter()
    n = 0
    for text in texts:
        counts.update(set(tokenize(text)))
        n += 1
    return counts, n


def sentences(texts: Iterable[str]) -> Iterable[str]:
    for text in texts:
        for s, e in split_sentences(text):
            yield text[s:e]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cmrc", type=Path, action="append", default=[], help="CMRC/SQuAD JSON (trial only)")
    parser.add_argument("--questions", type=Path, action="append", default=[], help="question set (JSONL)")
    parser.add_argument("--split", help="only the questions of this half (e.g. tune)")
    parser.add_argument(
        "--passages", type=Path, action="append", default=[], help="plain text the set asks of"
    )
    args = parser.parse_args()
    require_paths(*args.cmrc, *args.questions, *args.passages)  # a path that does not exist: one line, exit 1
    tokenize = get_tokenizer("char")
    chosen: dict[str, str] = {}
    for path in args.cmrc:
        data = json.loads(path.read_text(encoding="utf-8"))
        asked: Counter[str] = Counter()
        in_context: Counter[str] = Counter()
        articles: Counter[str] = Counter()
        n = 0
        for article in data["data"]:
            article_tokens: set[str] = set()
            for paragraph in article["paragraphs"]:
                context = set(tokenize(paragraph["context"]))
                for qa in paragraph["qas"]:
                    n += 1
                    tokens = set(tokenize(qa["question"]))
                    asked.update(tokens)
                    in_context.update(tokens & context)
                    article_tokens |= tokens
            articles.update(article_tokens)
        for token, count in asked.items():
            if (
                count / n >= MIN_QUESTION_SHARE
                and in_context[token] / count <= MAX_IN_OWN_CONTEXT
                and articles[token] >= MIN_ARTICLES
            ):
                chosen.setdefault(
                    token,
                    f"{path.name}: in {count}/{n} questions, {in_context[token]} of them in own context",
                )
    if args.questions:
        rows = [
            json.loads(line)
            for path in args.questions
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
        questions = [r["question"] for r in rows if args.split is None or r.get("split") == args.split]
        passages = [line for path in args.passages for line in path.read_text(encoding="utf-8").splitlines()]
        q_counts, q_n = document_frequency(questions)
        p_counts, p_n = document_frequency(sentences(passages))
        for token, count in q_counts.items():
            ratio = (count / q_n + SMOOTHING) / (p_counts[token] / max(p_n, 1) + SMOOTHING)
            if count >= MIN_STAFF_QUESTIONS and ratio >= MIN_RATIO:
                chosen.setdefault(
                    token, f"staff questions: in {count}/{q_n}, {p_counts[token]}/{p_n} passage sentences"
                )
    chosen = {t: why for t, why in chosen.items() if re.fullmatch(r"[\u3400-\u9fff]+", t)}
    sources = ", ".join(p.name for p in [*args.cmrc, *args.questions, *args.passages])
    print(f"# Question words: frequent in questions, rare in the passages that answer them ({sources}).")
    print(
        "# Written by scripts/derive_question_words.py (see there); dropped from the lexical side of a search."
    )
    for token in sorted(chosen):
        print(f"{token}\t# {chosen[token]}")


if __name__ == "__main__":
    main()
