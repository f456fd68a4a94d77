"""`speechqa bench typos`: questions typed with a pinyin input method's wrong character.

Each answerable question gets one homophone typo, made the way an input method makes it: one character
of a two-character content word of the question (a dictionary word; not a function or question word) is swapped for another character whose usual reading is the sound
of the meant one (from the library's own characters, chosen by a fixed seed), such that the result is no word and the
library holds none of its character pairs — the kind of typo that makes a word match nothing. Two more kinds of
slip are made the same way, each by its own seeded choice (`KINDS`): **fuzzy** — the character swapped for
one whose usual reading is a 模糊音 neighbour of the meant one's (z/zh, n/l, an/ang …, never its own sound:
互助 typed 互组) — and **lookalike** — swapped for a character of the same group of the look-alike table
(retrieval/data/lookalikes.txt, pycorrector's same_stroke.txt) that shares no reading with it. The same
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
from retrieval import Retriever, Typo
from retrieval.typos import fuzzy_readings, lookalikes, word_readings
from retrieval.vocabulary import INTERROGATIVE

from .evaluate import GoldQuestion, evaluate

SEED = 11
KINDS = ("homophone", "fuzzy", "lookalike")  # the kinds of slip the bench makes (see the module docstring)


@dataclass(frozen=True)
class Typoed:
    question: GoldQuestion  # with the typo
    meant: str  # the word the typo was made in
    typo: str


def _slips(retriever: Retriever, word: str, j: int, kind: str) -> list[str]:
    """The characters an input method (or a hand, for `lookalike`) puts for the character at `j` of the
    word, of one kind, from the library's own characters."""
    corrector = retriever.corrector
    char = word[j]
    sound = word_readings(word)[j]  # what the user means to type for that character
    if kind == "homophone":
        others = corrector.homophones(sound)
        # an input method offers a character first under its usual reading
        return [o for o in others if o != char and word_readings(o)[0] == sound]
    if kind == "fuzzy":
        return [
            o
            for near in sorted(fuzzy_readings(sound))
            for o in corrector.homophones(near)
            if o != char and word_readings(o)[0] == near
        ]
    vocab = retriever.index.lexical.vocab
    own = word_readings(char)[0]
    return [
        o
        for o in sorted(lookalikes().get(char, ()))
        if o in vocab and word_readings(o)[0] != own and word_readings(o)[0] not in fuzzy_readings(own)
    ]


def make_typos(
    retriever: Retriever, questions: Sequence[GoldQuestion], seed: int = SEED, kind: str = "homophone"
) -> list[Typoed]:
    """One typo of the kind per question where one can be made (see the module docstring); the homophone
    kind is chosen by the seed itself (as before the other kinds), the others by the seed and the kind."""
    rng = random.Random(seed) if kind == "homophone" else random.Random(f"{seed}-{kind}")
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
            for j in range(len(word)):
                for other in _slips(retriever, word, j, kind):
                    typo = word[:j] + other + word[j + 1 :]
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


@dataclass(frozen=True)
class Misread:
    """A question the correction read wrongly: an untouched one corrected at all (`typo` is None), or a
    typo'd one whose typo was read as another word than the one meant."""

    question: str  # as searched
    typos: tuple[Typo, ...]  # what the correction read in it
    typo: str | None = None  # the typo made in the question (None: an untouched question)
    meant: str | None = None  # the word the typo was made in


@dataclass(frozen=True)
class TypoSet:
    """One set's figures (see `typos_report`) and the questions behind its wrong readings."""

    name: str
    answerable: int
    made: int
    right: int
    wrong: int
    recall_off: float
    recall_on: float
    false_abstain_off: float
    false_abstain_on: float
    questions: int
    false_fixes: tuple[Misread, ...]  # untouched questions corrected
    misread: tuple[Misread, ...]  # typos read as another word
    kind: str = "homophone"  # the kind of slip made (KINDS)


def typos_sets(
    sets: Sequence[tuple[str, Retriever, Sequence[GoldQuestion]]],
    kinds: Sequence[str] = ("homophone",),
    near: bool = True,
) -> list[TypoSet]:
    """Per set (name, the retriever of its library, its questions) and kind of slip: typos made, read back
    right / as another word; R@1 and false 「未找到」 of the typo'd questions with the correction off and on;
    the untouched questions the correction changes, all false. `near=False` reads as before session 54
    (same sound only: the fuzzy-pinyin and look-alike tiers off), for before → after."""
    results = []
    for name, retriever, questions in sets:
        for kind in kinds:
            retriever.corrector.near = near
            results.append(_typo_set(name, retriever, questions, kind))
    return results


def _typo_set(name: str, retriever: Retriever, questions: Sequence[GoldQuestion], kind: str) -> TypoSet:
    """One set's figures for one kind of slip (see `typos_sets`)."""
    plain = _without_correction(retriever)
    answerable = [q for q in questions if q.answerable]
    made = make_typos(retriever, answerable, kind=kind)
    right = 0
    misread = []
    for t in made:
        found = retriever.corrector.corrections(t.question.question)
        if any(c.wrong == t.typo and c.right == t.meant for c in found):
            right += 1
        elif any(c.wrong == t.typo for c in found):
            misread.append(Misread(t.question.question, found, t.typo, t.meant))
    typoed = [t.question for t in made]
    off = evaluate(typoed, lambda text, r=plain: r.search(text, k=10))
    on = evaluate(typoed, lambda text, r=retriever: r.search(text, k=10))
    fixes = ((q.question, retriever.corrector.corrections(q.question)) for q in questions)
    return TypoSet(
        name,
        len(answerable),
        len(made),
        right,
        len(misread),
        off.recall[1],
        on.recall[1],
        off.false_abstain,
        on.false_abstain,
        len(questions),
        tuple(Misread(q, found) for q, found in fixes if found),
        tuple(misread),
        kind,
    )


def typos_table(results: Sequence[TypoSet]) -> str:
    """The figures of `typos_sets`, one row per set (Markdown)."""
    rows = [
        "| set | slip | answerable | typos made | read back right | read as another word | left | R@1 off → on "
        "| false 未找到 off → on | untouched questions corrected |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        rows.append(
            f"| {r.name} | {r.kind} | {r.answerable} | {r.made} | {r.right} | {r.wrong} | {r.made - r.right - r.wrong} "
            f"| {r.recall_off:.3f} → {r.recall_on:.3f} | {r.false_abstain_off:.3f} → {r.false_abstain_on:.3f} "
            f"| {len(r.false_fixes)}/{r.questions} |"
        )
    return "\n".join(rows)


def misread_listing(results: Sequence[TypoSet]) -> str:
    """The questions behind the wrong readings of `typos_sets`, per set: untouched questions corrected,
    and typos read as another word (what was read, and what was meant)."""

    def read(m: Misread) -> str:
        return ", ".join(f"{t.wrong} → {t.right}" for t in m.typos)

    lines = []
    for r in results:
        for m in r.false_fixes:
            if r.kind == results[0].kind:  # the same questions for every kind: named once
                lines.append(f"{r.name} · untouched question corrected: {m.question}  [{read(m)}]")
        for m in r.misread:
            lines.append(
                f"{r.name} · {r.kind} typo read as another word: {m.question}  [{read(m)}; meant {m.typo} → {m.meant}]"
            )
    return "\n".join(lines) if lines else "no untouched question corrected, no typo read as another word"


def typos_report(sets: Sequence[tuple[str, Retriever, Sequence[GoldQuestion]]]) -> str:
    """Per set (name, the retriever of its library, its questions): typos made, read back right / as
    another word / left alone; R@1 and false 「未找到」 of the typo'd questions with the correction off
    and on; corrections made to the untouched questions, all false (Markdown)."""
    return typos_table(typos_sets(sets))


__all__ = [
    "KINDS",
    "SEED",
    "Misread",
    "TypoSet",
    "Typoed",
    "make_typos",
    "misread_listing",
    "typos_report",
    "typos_sets",
    "typos_table",
]
