"""Fusion of ranked lists: pure functions over (id, score) lists, best first."""

from __future__ import annotations

from collections.abc import Sequence

Ranked = Sequence[tuple[int, float]]
RRF_K = 60


def rrf(
    lists: Sequence[Ranked], k: int = RRF_K, weights: Sequence[float] | None = None
) -> list[tuple[int, float]]:
    """Reciprocal rank fusion: score(d) = Σ w / (k + rank of d in each list)."""
    weights = weights or [1.0] * len(lists)
    scores: dict[int, float] = {}
    for ranked, weight in zip(lists, weights, strict=True):
        for rank, (doc, _) in enumerate(ranked, start=1):
            scores[doc] = scores.get(doc, 0.0) + weight / (k + rank)
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


def min_max(ranked: Ranked) -> dict[int, float]:
    """Scale scores to [0, 1]; when all scores are equal every document gets 1."""
    if not ranked:
        return {}
    values = [s for _, s in ranked]
    low, high = min(values), max(values)
    if high - low <= 1e-12:
        return {doc: 1.0 for doc, _ in ranked}
    return {doc: (s - low) / (high - low) for doc, s in ranked}


def weighted(lists: Sequence[Ranked], weights: Sequence[float]) -> list[tuple[int, float]]:
    """Convex combination of min-max normalised scores (a missing document scores 0 in that list)."""
    scores: dict[int, float] = {}
    for ranked, weight in zip(lists, weights, strict=True):
        for doc, s in min_max(ranked).items():
            scores[doc] = scores.get(doc, 0.0) + weight * s
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))
