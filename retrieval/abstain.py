"""Decide whether the best passage answers the question, or is only the nearest one.

The rule reads how much of the question's *information* the best passage contains: each content word
of the query weighs its inverse document frequency in the corpus, and the coverage is the share of
that weight found in the passage (text and section heading). A question about something the corpus
never speaks of ("取暖费标准", "明天天气") carries rare or unseen words the passage lacks, so its
coverage is low whatever the corpus. Because the weights come from the corpus's own statistics, the
threshold needs no retuning when speeches are added. Measured with `speechqa eval` (see README).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

DEFAULT_MIN_COVERAGE = 0.35


@dataclass(frozen=True)
class Evidence:
    terms: Sequence[str]  # the query's content words
    idf: Callable[[str], float]  # inverse document frequency of a word in the corpus
    top_text: str  # the best passage, with its section heading


def coverage(e: Evidence) -> float:
    """IDF-weighted share of the query's content words that occur in the best passage, in [0, 1]."""
    words = [t for t in e.terms if len(t) > 1] or list(e.terms)
    if not words:
        return 0.0
    haystack = e.top_text.lower()
    weights = {w: e.idf(w) for w in words}
    total = sum(weights.values())
    if total <= 0:
        return 0.0
    return sum(weight for w, weight in weights.items() if w.lower() in haystack) / total


@dataclass(frozen=True)
class AbstainRule:
    min_coverage: float = DEFAULT_MIN_COVERAGE

    def answered(self, e: Evidence) -> bool:
        return coverage(e) >= self.min_coverage
