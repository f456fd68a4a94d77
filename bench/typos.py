"""`speechqa bench typos`: questions typed with a pinyin input method's wrong character.

Each answerable question gets one homophone typo, made the way an input method makes it: one character
of a two-character content word of the question (a dictionary word; not a function or question word) is swapped for another character whose usual reading is the sound
of the meant one (from the library's own characters, chosen by a fixed seed), such that the result is no word and the
library holds none of its character pairs — the kind of typo that makes a word match nothing. The same
questions are then searched with the correction on and off: how many typos are read back as the word
meant, how many as another word, and what the correction does to R@1 and to false 「未找到」. The
untouched questions are searched too: any correction there is a false one.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace

from corpus import NUMERAL_CHARS
from index import STOPWORDS, dictionary_words, jieba_cut
from retrieval import Retriever
from retrieval.typos import word_readings
from retrieval.vocabulary import INTERROGATIVE

from .evaluate import GoldQuestion, evaluate

SEED = 11


@dataclass(frozen=True)
class Typoed:
    question: GoldQuestion  # with the typo
    meant: str  # the word the typo was made in
    typo: str


def make_typos(retriever: Retriever, questions: Sequence[GoldQuestion], seed: int = SEED) -> list[Typoed]:
    """One homophone typo per question where one can be made (see the module docstring)."""
    rng = random.Random(seed)
    corrector = retriever.corrector
    lexical = retriever.index.lexical
    made = []
    for q in questions:
        words = [
            w
            for w in dict.fromkeys(jieba_cut(q.question))
            if len(w) == 2 and w in q.question and w not in STOPWORDS and not set(w) & NUMERAL_CHARS
        ]
        known = dictionary_words(words)
        words = [w for w in words if w in known and not INTERROGATIVE.search(w)]
        options = []
        for word in words:
            for j, char in enumerate(word):
                sound = word_readings(word)[j]  # what the user types for that character
                for other in corrector.homophones(sound):
                    typo = word[:j] + other + word[j + 1 :]
                    if other == char or word_readings(other)[0] != sound:
                        continue  # an input method offers a character first under its usual reading
                    if lexical.document_frequency(typo) == 0 and not dictionary_words([typo]):
                        options.append((word, typo))
        if options:
            word, typo = rng.choice(options)
            made.append(Typoed(replace(q, question=q.question.replace(word, typo, 1)), word, typo))
    return made


def _without_correction(retriever: Retriever) -> Retriever:
    return Retriever(
        retriever.store,
        retriever.index,
        retriever.embedder,
        replace(retriever.config, correct_typos=False),
        ranker=retriever.ranker,
        judge=retriever.judge,
    )


def typos_report(sets: Sequence[tuple[str, Retriever, Sequence[GoldQuestion]]]) -> str:
    """Per set (name, the retriever of its library, its questions): typos made, read back right / as
    another word / left alone; R@1 and false 「未找到」 of the typo'd questions with the correction off
    and on; corrections made to the untouched questions, all false (Markdown)."""
    rows = [
        "| set | answerable | typos made | read back right | read as another word | left | R@1 off → on "
        "| false 未找到 off → on | untouched questions corrected |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, retriever, questions in sets:
        plain = _without_correction(retriever)
        answerable = [q for q in questions if q.answerable]
        made = make_typos(retriever, answerable)
        right = wrong = 0
        for t in made:
            found = retriever.corrector.corrections(t.question.question)
            if any(c.wrong == t.typo and c.right == t.meant for c in found):
                right += 1
            elif any(c.wrong == t.typo for c in found):
                wrong += 1
        typoed = [t.question for t in made]
        off = evaluate(typoed, lambda text, r=plain: r.search(text, k=10))
        on = evaluate(typoed, lambda text, r=retriever: r.search(text, k=10))
        false_fixes = sum(bool(retriever.corrector.corrections(q.question)) for q in questions)
        rows.append(
            f"| {name} | {len(answerable)} | {len(made)} | {right} | {wrong} | {len(made) - right - wrong} "
            f"| {off.recall[1]:.3f} → {on.recall[1]:.3f} | {off.false_abstain:.3f} → {on.false_abstain:.3f} "
            f"| {false_fixes}/{len(questions)} |"
        )
    return "\n".join(rows)


__all__ = ["SEED", "Typoed", "make_typos", "typos_report"]
