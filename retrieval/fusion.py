"""Fusion of ranked lists: pure functions over (id, score) lists, best first."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

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


def with_neighbours(
    ranked: Ranked, places: Mapping[int, tuple[int, int]], share: float
) -> list[tuple[int, float]]:
    """Each passage's score plus `share` of the scores of the ranked passages right before and after it in
    its speech (`places`: passage id → (speech id, position); a passage without a place gains nothing).

    A question whose words are split between two adjacent passages, or asks what a lead-in's list holds,
    finds each half alone; the neighbour's score lifts the pair above a passage elsewhere that matched
    as well by itself. Scores are those of `ranked` (fused, min-max normalised); 0 leaves them as they are.
    """
    if share <= 0:
        return list(ranked)
    scores = dict(ranked)
    at = {places[d]: s for d, s in scores.items() if d in places}
    lifted = {}
    for doc, score in scores.items():
        place = places.get(doc)
        if place is None:
            lifted[doc] = score
            continue
        speech, position = place
        near = at.get((speech, position - 1), 0.0) + at.get((speech, position + 1), 0.0)
        lifted[doc] = score + share * near
    return sorted(lifted.items(), key=lambda item: (-item[1], item[0]))


def completed(
    own: Sequence[tuple[int, float]],
    other: Sequence[tuple[int, float]],
    score: Callable[[np.ndarray], list[tuple[int, float]]],
) -> list[tuple[int, float]]:
    """`own` (one side's candidates, best first) with the passages only `other` returned, scored by `score`
    (that side's search restricted to those passage ids), in their places: best first. A passage `score`
    does not return (a BM25 of 0) stays out, as it would of the side's own list; `own` keeps its scores."""
    held = {d for d, _ in own}
    wanted = [d for d, _ in other if d not in held]
    if not wanted:
        return list(own)
    found = score(np.asarray(wanted, dtype=np.int64))
    return sorted([*own, *((d, s) for d, s in found if d not in held)], key=lambda item: -item[1])
