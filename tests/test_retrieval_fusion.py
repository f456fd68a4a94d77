"""retrieval.fusion: pure functions over (id, score) lists, including their edge cases."""

from __future__ import annotations

import pytest

from retrieval import min_max, rrf, weighted

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
