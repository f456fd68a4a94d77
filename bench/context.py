"""Trial of second vectors for passages too short to carry their subject (index.context, docs/rank40.md)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from corpus import to_simplified
from index import VectorIndex
from index.context import SHORT, context_input, lacks_subject
from retrieval import Retriever


def with_context(retriever: Retriever, short: int = SHORT) -> int:
    """Give the retriever's index second vectors (title, heading, text) of its passages that lack their
    subject (`lacks_subject(text, short)`), embedded now; how many. No build makes them: they were measured
    and not kept."""
    assert retriever.embedder is not None
    held = set(map(int, retriever.index.lexical.ids))
    short = [p for p in retriever.store.passages() if p.id in held and lacks_subject(p.text, short)]
    texts = [to_simplified(context_input(p)) for p in short]
    dim = retriever.embedder.dim
    matrix = retriever.embedder.embed_batch(texts, "passage") if texts else np.zeros((0, dim), np.float32)
    ids = np.asarray([p.id for p in short], dtype=np.int64)
    retriever.index = replace(retriever.index, context=VectorIndex.build(matrix, ids, dim))
    return len(short)
