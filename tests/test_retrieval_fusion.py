"""retrieval.fusion: pure functions over (id, score) lists, including their edge cases."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrieval import completed, min_max, rrf, weighted, with_neighbours

DENSE = [(1, 0.9), (2, 0.8), (3, 0.5)]
LEXICAL = [(3, 12.0), (4, 6.0), (1, 3.0)]


def test_rrf_of_no_lists_is_empty() -> None:
    assert rrf([]) == []


def test_rrf_of_empty_lists_is_empty() -> None:
    assert rrf([[], []]) == []


def test_rrf_with_one_empty_list_keeps_the_other_order() -> None:
    assert [doc for doc, _ in rrf([DENSE, []])] == [1, 2, 3]


def test_rrf_scores_are_reciprocal_ranks() -> None:
    fused = dict(rrf([DENSE, LEXICAL], k=60))
    assert fused[1] == pytest.approx(1 / 61 + 1 / 63)
    assert fused[3] == pytest.approx(1 / 63 + 1 / 61)
    assert fused[2] == pytest.approx(1 / 62)
    assert fused[4] == pytest.approx(1 / 62)


def test_rrf_orders_by_score_then_by_id() -> None:
    assert [doc for doc, _ in rrf([DENSE, LEXICAL], k=60)] == [1, 3, 2, 4]


def test_rrf_ignores_the_raw_scores() -> None:
    rescaled = [(doc, score * 1000) for doc, score in DENSE]
    assert rrf([rescaled, LEXICAL]) == rrf([DENSE, LEXICAL])


def test_rrf_weights_favour_a_list() -> None:
    assert rrf([DENSE, LEXICAL], weights=[1.0, 3.0])[0][0] == 3


def test_min_max_of_an_empty_list_is_empty() -> None:
    assert min_max([]) == {}


def test_min_max_scales_to_zero_one() -> None:
    assert min_max([(7, 10.0), (8, 5.0), (9, 0.0)]) == {7: 1.0, 8: 0.5, 9: 0.0}


@pytest.mark.parametrize("ranked", [[(1, 0.7)], [(1, 0.7), (2, 0.7), (3, 0.7)], [(1, 0.0), (2, 0.0)]])
def test_min_max_with_all_scores_equal_gives_one_without_dividing_by_zero(
    ranked: list[tuple[int, float]],
) -> None:
    assert min_max(ranked) == {doc: 1.0 for doc, _ in ranked}


def test_weighted_of_empty_lists_is_empty() -> None:
    assert weighted([[], []], [0.4, 0.6]) == []


def test_weighted_with_one_empty_list_keeps_the_other_order() -> None:
    assert [doc for doc, _ in weighted([[], LEXICAL], [0.4, 0.6])] == [3, 4, 1]


def test_weighted_with_all_scores_equal_gives_every_document_the_full_weight() -> None:
    fused = weighted([[(1, 0.5), (2, 0.5)], [(2, 3.0), (3, 3.0)]], [0.4, 0.6])
    assert fused == [(2, pytest.approx(1.0)), (3, pytest.approx(0.6)), (1, pytest.approx(0.4))]


def test_weighted_is_a_convex_combination_of_normalised_scores() -> None:
    fused = dict(weighted([DENSE, LEXICAL], [0.4, 0.6]))
    assert fused[1] == pytest.approx(0.4 * 1.0 + 0.6 * 0.0)
    assert fused[3] == pytest.approx(0.4 * 0.0 + 0.6 * 1.0)
    assert fused[2] == pytest.approx(0.4 * (0.8 - 0.5) / (0.9 - 0.5))
    assert fused[4] == pytest.approx(0.6 * (6.0 - 3.0) / (12.0 - 3.0))


def test_weighted_orders_best_first_with_ties_by_id() -> None:
    fused = weighted([[(5, 1.0), (4, 0.0)], [(4, 1.0), (5, 0.0)]], [0.5, 0.5])
    assert [doc for doc, _ in fused] == [4, 5]
    scores = [score for _, score in weighted([DENSE, LEXICAL], [0.4, 0.6])]
    assert scores == sorted(scores, reverse=True)


def test_weights_must_match_the_lists() -> None:
    with pytest.raises(ValueError):
        weighted([DENSE, LEXICAL], [1.0])


# -- with_neighbours: a share of the adjacent passages' scores -------------------------------------------

PLACES = {1: (7, 3), 2: (7, 4), 3: (7, 5), 4: (8, 4), 5: (7, 9)}  # id → (speech, position)
Scored = st.lists(
    st.tuples(st.integers(0, 30), st.floats(0, 1, allow_nan=False)), unique_by=lambda t: t[0], max_size=20
)
Places = st.dictionaries(st.integers(0, 30), st.tuples(st.integers(0, 3), st.integers(0, 10)))


def test_a_passage_between_two_found_neighbours_rises_above_an_equal_one_alone() -> None:
    ranked = [(5, 0.9), (4, 0.9), (1, 0.5), (2, 0.5), (3, 0.5)]
    lifted = dict(with_neighbours(ranked, PLACES, 0.2))
    assert lifted[2] == pytest.approx(0.5 + 0.2 * (0.5 + 0.5))  # both neighbours count
    assert lifted[1] == pytest.approx(0.5 + 0.2 * 0.5)
    assert lifted[5] == pytest.approx(0.9)  # position 9: no neighbour found
    assert lifted[4] == pytest.approx(0.9)  # position 4 of another speech is no neighbour


def test_neighbours_that_were_not_found_lift_nothing() -> None:
    assert with_neighbours([(1, 0.4), (3, 0.6)], PLACES, 0.5) == [(3, 0.6), (1, 0.4)]


def test_a_share_of_zero_leaves_the_list_as_it_is() -> None:
    ranked = [(2, 0.9), (1, 0.8), (3, 0.1)]
    assert with_neighbours(ranked, PLACES, 0.0) == ranked


def test_no_candidates_gives_nothing() -> None:
    assert with_neighbours([], PLACES, 0.3) == []


@given(Scored, Places, st.floats(0, 1, allow_nan=False))
def test_neighbours_only_ever_raise_scores_and_keep_every_passage(
    ranked: list[tuple[int, float]], places: dict[int, tuple[int, int]], share: float
) -> None:
    ranked = sorted(ranked, key=lambda item: (-item[1], item[0]))  # a ranked list is best first
    lifted = with_neighbours(ranked, places, share)
    before = dict(ranked)
    assert sorted(d for d, _ in lifted) == sorted(before)
    assert all(score >= before[doc] - 1e-12 for doc, score in lifted)
    assert [s for _, s in lifted] == sorted((s for _, s in lifted), reverse=True)


@given(Scored, Places, st.floats(0.01, 1, allow_nan=False))
def test_all_scores_equal_and_no_neighbours_keep_the_id_order(
    ranked: list[tuple[int, float]], places: dict[int, tuple[int, int]], share: float
) -> None:
    alone = {doc: (doc, 100 * doc) for doc, _ in ranked}  # every passage a speech of its own
    equal = [(doc, 0.5) for doc, _ in ranked]
    assert [d for d, _ in with_neighbours(equal, alone, share)] == sorted(d for d, _ in ranked)


# -- a passage one side did not return, scored by that side (docs/rank41.md) ----------------------------

Truth = st.dictionaries(st.integers(0, 30), st.floats(0.01, 10, allow_nan=False), max_size=25)


def side_of(truth: dict[int, float], take: int) -> list[tuple[int, float]]:
    """A side's own list: its best `take` passages of `truth`, best first."""
    return sorted(truth.items(), key=lambda item: (-item[1], item[0]))[:take]


@given(Truth, st.integers(0, 25), st.lists(st.integers(0, 40), max_size=20))
def test_completing_a_side_adds_the_other_sides_passages_at_their_own_scores(
    truth: dict[int, float], take: int, other_ids: list[int]
) -> None:
    own = side_of(truth, take)
    other = [(d, 1.0) for d in dict.fromkeys(other_ids)]
    asked: list[list[int]] = []

    def score(ids: np.ndarray) -> list[tuple[int, float]]:  # the side's search, restricted to these ids
        asked.append([int(i) for i in ids])
        return sorted(((int(i), truth[int(i)]) for i in ids if int(i) in truth), key=lambda item: -item[1])

    whole = completed(own, other, score)
    held = {d for d, _ in own}
    assert all(d not in held for ids in asked for d in ids)  # what the side returned is never asked again
    assert dict(whole) == dict(own) | {d: truth[d] for d, _ in other if d in truth}
    assert len(whole) == len(dict(whole))
    assert [s for _, s in whole] == sorted((s for _, s in whole), reverse=True)


def test_a_side_that_returned_every_candidate_is_not_searched_again() -> None:
    def score(ids: np.ndarray) -> list[tuple[int, float]]:
        raise AssertionError("searched again")

    assert completed(DENSE, [(1, 3.0), (3, 1.0)], score) == DENSE
    assert completed([], [], score) == []


def test_a_passage_the_side_scores_nothing_stays_out() -> None:
    # BM25 returns only positive scores: a passage without any of the question's words is not added at 0
    assert completed(LEXICAL, DENSE, lambda ids: []) == LEXICAL
    assert completed(LEXICAL, DENSE, lambda ids: [(2, 4.0)]) == [(3, 12.0), (4, 6.0), (2, 4.0), (1, 3.0)]
