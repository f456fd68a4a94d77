"""Pinned ("standard") answers: a question an admin pinned a passage to, recognised again when asked
in other words.

A later question matches a pin when the two questions are close in meaning (cosine similarity of their
embeddings) *and* share their informative words (IDF-weighted overlap of their content words): the
first lets paraphrases through, the second stops near misses that differ in one telling word
(「离休干部体检」 vs 「退休干部体检」) however close the embeddings are. The thresholds are measured by
`speechqa bench pins` on benchmarks/pin-questions.jsonl (tuned on one part, reported on the held-out
part: see README).
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from index import Embedder, PinState, Store, embed_query, query_terms

__all__ = ["PinMatch", "PinMatcher", "PinRule", "question_overlap"]


@dataclass(frozen=True)
class PinRule:
    """When a question counts as asking a pinned question again (values from `speechqa bench pins`).

    All three must hold: the questions mean nearly the same (embedding similarity), share their
    informative words (IDF-weighted overlap), and the new question is about as close to the pinned
    passage as the pinned question is (a near miss that asks for something else sits further from it).
    """

    min_similarity: float = 0.985  # cosine similarity of the two questions' embeddings
    min_overlap: float = 0.25  # IDF-weighted share of the two questions' content words they share
    max_passage_drop: float = 1.0  # how much less similar to the pinned passage the new question may be

    def accepts(self, similarity: float, overlap: float, passage_drop: float = 0.0) -> bool:
        return (
            similarity >= self.min_similarity
            and overlap >= self.min_overlap
            and passage_drop <= self.max_passage_drop
        )


@dataclass(frozen=True)
class PinMatch:
    state: PinState  # the pin, with the passage holding its text now
    similarity: float
    overlap: float
    passage_drop: float  # similarity of the pinned question to the passage minus the new question's


def question_overlap(a: Sequence[str], b: Sequence[str], idf: Callable[[str], float]) -> float:
    """IDF-weighted Jaccard overlap of two questions' content words, in [0, 1]."""
    left, right = {t.lower() for t in a}, {t.lower() for t in b}
    union = left | right
    if not union:
        return 0.0
    weight = {t: max(idf(t), 0.0) for t in union}
    total = sum(weight.values())
    if total <= 0:
        return len(left & right) / len(union)
    return sum(weight[t] for t in left & right) / total


def _question_key(question: str) -> str:
    # Kept in the embedding cache beside passage vectors: a key no passage text can hash to.
    return hashlib.sha1(("\x00pinned-question\x00" + question).encode("utf-8")).hexdigest()


def _normal(question: str) -> str:
    return unicodedata.normalize("NFKC", question)


class PinMatcher:
    """The usable pins of a library with their questions' vectors and words, ready to match against."""

    def __init__(
        self,
        states: Sequence[PinState],
        vectors: np.ndarray,
        terms: Sequence[tuple[str, ...]],
        passages: np.ndarray,
    ) -> None:
        self.states = tuple(states)
        self.vectors = vectors  # the pinned questions' embeddings, one row per pin
        self.terms = tuple(terms)  # the pinned questions' content words
        self.passages = passages  # the pinned passages' embeddings, one row per pin
        self.baseline = np.einsum("ij,ij->i", vectors, passages) if len(states) else np.zeros(0)

    @classmethod
    def load(cls, store: Store, embedder: Embedder) -> PinMatcher:
        """The pins whose passage is still in the library; question vectors come from the store's cache
        (embedded once, the first time a pin is seen with this model)."""
        states = [s for s in store.pins() if s.usable]
        questions = [_normal(s.pin.question) for s in states]
        keys = [_question_key(q) for q in questions]
        cached = store.cached_vectors(embedder.key, keys, embedder.dim)
        new = [
            (key, embed_query(embedder, q))
            for key, q in zip(keys, questions, strict=True)
            if key not in cached
        ]
        if new:
            store.cache_vectors(embedder.key, new)
            cached.update(new)
        hashes = [s.passage.content_hash for s in states if s.passage is not None]
        passages = store.cached_vectors(embedder.key, hashes, embedder.dim)
        texts = {s.passage.content_hash: s.passage.text for s in states if s.passage is not None}
        missing = [h for h in dict.fromkeys(hashes) if h not in passages]
        if missing:  # normally cached by the index build; embedded here only for another model
            fresh = embedder.embed_batch([texts[h] for h in missing], "passage")
            store.cache_vectors(embedder.key, zip(missing, fresh, strict=True))
            passages.update(zip(missing, fresh, strict=True))
        empty = np.zeros((0, embedder.dim), dtype=np.float32)
        matrix = np.stack([cached[k] for k in keys]).astype(np.float32) if keys else empty
        answers = np.stack([passages[h] for h in hashes]).astype(np.float32) if hashes else empty
        return cls(states, matrix, [tuple(query_terms(q)) for q in questions], answers)

    def match(
        self,
        vector: np.ndarray,
        terms: Sequence[str],
        idf: Callable[[str], float],
        rule: PinRule,
        allowed: Callable[[int], bool] | None = None,
    ) -> PinMatch | None:
        """The pin the question asks again (the most similar one the rule accepts), or None.

        `allowed(passage_id)` can rule pins out (a filtered search only takes a pin from inside its filter).
        """
        best: PinMatch | None = None
        for state, similarity, overlap, drop in self.scores(vector, terms, idf):
            assert state.passage is not None
            if not rule.accepts(similarity, overlap, drop) or (allowed and not allowed(state.passage.id)):
                continue
            if best is None or similarity > best.similarity:
                best = PinMatch(state, similarity, overlap, drop)
        return best

    def scores(
        self, vector: np.ndarray, terms: Sequence[str], idf: Callable[[str], float]
    ) -> list[tuple[PinState, float, float, float]]:
        """(pin, similarity, overlap, passage drop) for every pin (what the rule is measured on)."""
        if not self.states:
            return []
        q = np.asarray(vector, dtype=np.float32).reshape(-1)
        sims = self.vectors @ q
        drops = self.baseline - self.passages @ q
        return [
            (state, float(sim), question_overlap(terms, pin_terms, idf), float(drop))
            for state, sim, pin_terms, drop in zip(self.states, sims, self.terms, drops, strict=True)
        ]
