"""The lexical side: a bm25s index over explicitly tokenised Chinese text.

bm25s searches a sparse matrix of precomputed BM25 scores. Its own `index()` builds that matrix in
Python loops, holding every token of the corpus as a string, which takes minutes and several GB at a
million passages. Here the matrix is computed from a sparse term-count matrix with vectorised numpy
(the same Lucene-variant BM25 as bm25s, checked against `bm25s.BM25.index` in the tests), and the
counts are saved beside the index: the next build tokenises only new passages, so adding a speech does
not re-tokenise the library.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import sys
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import numpy as np
import scipy.sparse as sp

from .errors import IndexCorrupt


def _import_bm25s() -> ModuleType:
    """bm25s, imported without numba: when numba is installed bm25s imports it (~0.4 s) for a retrieval
    backend speechqa does not use (it reads `get_scores`, plain numpy), and every command would pay
    for it at start. numba stays importable afterwards (the bot imports it: retrieval/compiled.py)."""
    if "numba" in sys.modules:
        import bm25s

        return bm25s
    sys.modules["numba"] = None  # type: ignore[assignment]  # `import numba` raises ImportError
    try:
        import bm25s
    finally:
        del sys.modules["numba"]
    return bm25s


bm25s = _import_bm25s()

logging.getLogger("bm25s").setLevel(logging.WARNING)
log = logging.getLogger(__name__)

K1, B = 1.2, 0.75
_BATCH = 4096  # passages tokenised between two vectorised count steps


@dataclass(frozen=True)
class TermCounts:
    """How often each term occurs in each passage, keyed by a hash of the passage's lexical text.

    Rows follow the passages of one index build; `counts[i, j]` is how often `terms[j]` occurs in the
    passage whose text hashes to `keys[i]`. Kept with a generation so the next build reuses the rows of
    unchanged passages instead of tokenising them again.
    """

    keys: np.ndarray  # one 20-byte SHA-1 digest per row (dtype S20)
    counts: sp.csr_matrix  # rows × len(terms), int32
    terms: tuple[str, ...]

    def save(self, folder: Path) -> None:
        np.save(folder / "count_keys.npy", self.keys)
        sp.save_npz(folder / "counts.npz", self.counts, compressed=False)
        (folder / "terms.json").write_text(json.dumps(self.terms, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> TermCounts | None:
        """The counts saved with an index, or None when there are none (an older index) or they are unreadable:
        the caller then tokenises everything, which is slower but gives the same index."""
        try:
            keys = np.load(folder / "count_keys.npy")
            counts = sp.load_npz(folder / "counts.npz").tocsr()
            terms = tuple(json.loads((folder / "terms.json").read_text(encoding="utf-8")))
        except Exception:  # any damage (truncated zip, wrong JSON, …) only costs re-tokenising
            log.info(
                "term counts in %s unreadable; the next build tokenises every passage", folder, exc_info=True
            )
            return None
        if (
            keys.dtype != np.dtype("S20")
            or keys.ndim != 1
            or counts.shape != (len(keys), len(terms))
            or not all(isinstance(t, str) for t in terms)
        ):
            log.info("term counts in %s do not fit together; the next build tokenises every passage", folder)
            return None
        return cls(keys, counts, terms)


def text_key(text: str) -> bytes:
    return hashlib.sha1(text.encode("utf-8")).digest()


def count_terms(
    texts: Sequence[str], tokenize: Callable[[str], list[str]], previous: TermCounts | None = None
) -> TermCounts:
    """Term counts for `texts`, in order; rows of texts already in `previous` are copied, not re-tokenised.

    Terms no passage uses any more are dropped, so the vocabulary does not grow with edits and removals.
    """
    keys = np.array([text_key(t) for t in texts], dtype="S20")
    vocab: dict[str, int] = {}
    old_rows = np.full(len(texts), -1, dtype=np.int64)
    if previous is not None and len(previous.keys) and len(texts):
        vocab = {term: i for i, term in enumerate(previous.terms)}
        order = np.argsort(previous.keys, kind="stable")
        sorted_keys = previous.keys[order]
        at = np.minimum(np.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)
        found = sorted_keys[at] == keys
        old_rows[found] = order[at[found]]
    new_at = np.flatnonzero(old_rows < 0)
    new_counts = _count_new(
        (texts[i] for i in new_at), len(new_at), tokenize, vocab
    )  # extends vocab with new terms
    width = len(vocab)
    parts = []
    if previous is not None and (old_rows >= 0).any():
        old = previous.counts
        parts.append(sp.csr_matrix((old.data, old.indices, old.indptr), shape=(old.shape[0], width)))
        rows = np.where(old_rows >= 0, old_rows, old.shape[0] + np.cumsum(old_rows < 0) - 1)
    else:
        rows = np.arange(len(texts))
    parts.append(sp.csr_matrix(new_counts, shape=(len(new_at), width)))
    counts = sp.vstack(parts, format="csr", dtype=np.int32) if len(parts) > 1 else parts[0]
    if counts.shape[0] != len(rows) or not np.array_equal(rows, np.arange(len(rows))):
        counts = counts[rows]
    terms = [""] * width
    for term, column in vocab.items():
        terms[column] = term
    return _drop_unused_terms(TermCounts(keys, sp.csr_matrix(counts), tuple(terms)))


def _count_new(
    texts: Iterable[str], n: int, tokenize: Callable[[str], list[str]], vocab: dict[str, int]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """CSR parts (data, indices, indptr) of the term counts of `n` texts, tokenised a batch at a time:
    a batch's tokens become ids and are counted with one `np.unique`, so only ids are ever held."""
    data, indices, lengths = [], [], []
    batch_ids, batch_lengths = array("q"), array("q")

    def flush() -> None:
        if not batch_lengths:
            return
        doc = np.repeat(np.arange(len(batch_lengths), dtype=np.int64), np.frombuffer(batch_lengths, np.int64))
        pairs, count = np.unique((doc << 32) | np.frombuffer(batch_ids, np.int64), return_counts=True)
        data.append(count.astype(np.int32))
        indices.append((pairs & 0xFFFFFFFF).astype(np.int32))
        lengths.append(np.bincount(pairs >> 32, minlength=len(batch_lengths)))
        del batch_ids[:], batch_lengths[:]

    for text in texts:
        tokens = tokenize(text)
        batch_ids.extend([vocab.setdefault(t, len(vocab)) for t in tokens])
        batch_lengths.append(len(tokens))
        if len(batch_lengths) == _BATCH:
            flush()
    flush()
    indptr = np.zeros(n + 1, dtype=np.int64)
    if lengths:
        np.cumsum(np.concatenate(lengths), out=indptr[1:])
    return (
        np.concatenate(data) if data else np.zeros(0, np.int32),
        np.concatenate(indices) if indices else np.zeros(0, np.int32),
        indptr,
    )


def _drop_unused_terms(counts: TermCounts) -> TermCounts:
    used = np.bincount(counts.counts.indices, minlength=len(counts.terms)) > 0
    if used.all():
        return counts
    column = np.cumsum(used) - 1
    matrix = counts.counts
    kept = sp.csr_matrix(
        (matrix.data, column[matrix.indices].astype(np.int32), matrix.indptr),
        shape=(matrix.shape[0], int(used.sum())),
    )
    return TermCounts(counts.keys, kept, tuple(t for t, u in zip(counts.terms, used, strict=True) if u))


def bm25_model(counts: TermCounts, k1: float = K1, b: float = B) -> bm25s.BM25:
    """A bm25s model whose score matrix is computed from term counts (Lucene BM25, as `bm25s.BM25.index`)."""
    matrix = counts.counts
    n_docs, n_terms = matrix.shape
    tf = matrix.data.astype(np.float32)
    lengths = np.asarray(matrix.sum(axis=1), dtype=np.float32).ravel()
    average = max(float(lengths.mean()) if n_docs else 0.0, 1e-9)
    row_length = np.repeat(lengths, np.diff(matrix.indptr))
    df = np.bincount(matrix.indices, minlength=n_terms).astype(np.float64)
    idf = np.log1p((n_docs - df + 0.5) / (df + 0.5)).astype(np.float32)
    data = idf[matrix.indices] * tf / (tf + k1 * ((1 - b) + b * row_length / average))
    scores = sp.csr_matrix((data, matrix.indices, matrix.indptr), shape=matrix.shape).tocsc()
    scores.sort_indices()
    model = bm25s.BM25(k1=k1, b=b, method="lucene", idf_method="lucene")
    model.scores = {
        "data": scores.data.astype(np.float32, copy=False),
        "indices": scores.indices.astype(np.int32, copy=False),
        "indptr": scores.indptr,
        "num_docs": n_docs,
    }
    model.vocab_dict = {term: i for i, term in enumerate(counts.terms)}
    model.unique_token_ids_set = set(range(n_terms))
    model.nonoccurrence_array = None
    return model


class LexicalIndex:
    """BM25 (Lucene variant) with passage ids as document ids."""

    def __init__(
        self,
        model: bm25s.BM25,
        ids: np.ndarray,
        tokenize: Callable[[str], list[str]],
        counts: TermCounts | None = None,
    ) -> None:
        self.model = model
        self.ids = ids
        self.tokenize = tokenize
        self.counts = counts
        self.vocab: dict[str, int] = dict(getattr(model, "vocab_dict", {}) or {})
        self._sorted = bool(len(ids) < 2 or np.all(ids[1:] > ids[:-1]))

    @classmethod
    def build(
        cls,
        texts: Sequence[str],
        ids: Sequence[int],
        tokenize: Callable[[str], list[str]],
        previous: TermCounts | None = None,
    ) -> LexicalIndex:
        """Index `texts` (document i has passage id ids[i]); with `previous`, only texts not counted
        there are tokenised."""
        counts = count_terms(texts, tokenize, previous)
        model = bm25_model(counts) if len(texts) else bm25s.BM25()
        return cls(model, np.asarray(ids, dtype=np.int64), tokenize, counts)

    def search(
        self,
        query: str,
        k: int,
        allowed: np.ndarray | None = None,
        *,
        drop: frozenset[str] = frozenset(),
        expansions: Sequence[str] = (),
        expansion_weight: float = 0.0,
        weak_expansions: Sequence[str] = (),
        weak_weight: float = 0.0,
    ) -> list[tuple[int, float]]:
        """The k best passages by BM25, as (passage id, score), best first; only passages with a positive
        score. Tokens in `drop` (question words) do not count unless nothing else is left; the tokens of
        `expansions` (synonyms) count `expansion_weight` times as much as the query's own, and those of
        `weak_expansions` (a general thesaurus's synonyms) `weak_weight` times, unless the query or
        `expansions` has them. With `allowed`
        (passage ids), only those passages are ranked, so k allowed passages come back whenever k match."""
        if len(self.ids) == 0 or (allowed is not None and len(allowed) == 0):
            return []
        tokens = [t for t in self.tokenize(query) if t in self.vocab]
        tokens = [t for t in tokens if t not in drop] or tokens
        own = set(tokens)
        extra = list(
            dict.fromkeys(t for e in expansions for t in self.tokenize(e) if t in self.vocab and t not in own)
        )
        weak = list(
            dict.fromkeys(
                t
                for e in (weak_expansions if weak_weight > 0 else ())
                for t in self.tokenize(e)
                if t in self.vocab and t not in own and t not in extra
            )
        )
        if not tokens and not extra and not weak:
            return []
        scores = self.model.get_scores(tokens) if tokens else np.zeros(len(self.ids), dtype=np.float32)
        if extra and expansion_weight > 0:
            scores = scores + expansion_weight * self.model.get_scores(extra)
        if weak:
            scores = scores + weak_weight * self.model.get_scores(weak)
        rows = np.arange(len(scores)) if allowed is None else self.rows_of(allowed)
        if len(rows) == 0:
            return []
        k = min(k, len(rows))
        top = rows[np.argpartition(-scores[rows], k - 1)[:k]]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(self.ids[i]), float(scores[i])) for i in top if scores[i] > 0]

    def rows_of(self, passage_ids: np.ndarray) -> np.ndarray:
        """The index rows of the given passage ids (ids not in the index are skipped), ascending."""
        wanted = np.asarray(passage_ids, dtype=np.int64)
        if self._sorted:  # the ids of a build are the store's ascending passage ids
            at = np.searchsorted(self.ids, wanted)
            inside = at < len(self.ids)
            at, wanted = at[inside], wanted[inside]
            return np.unique(at[self.ids[at] == wanted])
        return np.flatnonzero(np.isin(self.ids, wanted))

    @property
    def size(self) -> int:
        return len(self.ids)

    def document_frequency(self, token: str) -> int:
        """How many passages contain the token (0 when it is not in the vocabulary)."""
        column = self.vocab.get(token)
        if column is None:
            return 0
        indptr = self.model.scores["indptr"]
        return int(indptr[column + 1] - indptr[column])

    def rows_with(self, token: str) -> frozenset[int]:
        """The rows (positions in `ids`) of the passages that contain the token."""
        column = self.vocab.get(token)
        if column is None:
            return frozenset()
        indptr = self.model.scores["indptr"]
        return frozenset(self.model.scores["indices"][indptr[column] : indptr[column + 1]].tolist())

    def idf(self, word: str) -> float:
        """Inverse document frequency of a word of any length, estimated from its rarest piece (kept per
        index object: an index never changes once built, and a search asks for the same words often)."""
        cache: dict[str, float] = self.__dict__.setdefault(
            "_idf", {}
        )  # this object's own, not a wrapped one's
        if (known := cache.get(word)) is not None:
            return known
        pieces = [t for t in self.tokenize(word) if t in self.vocab or len(t) == min(len(word), 2)]
        df = min((self.document_frequency(t) for t in pieces), default=0)
        value = cache[word] = math.log(1 + (self.size - df + 0.5) / (df + 0.5))
        if len(cache) > 65536:
            cache.clear()
        return value

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        if len(self.ids):
            self.model.save(str(folder), show_progress=False)
        np.save(folder / "ids.npy", self.ids)
        if self.counts is not None:
            self.counts.save(folder)

    @classmethod
    def load(cls, folder: Path, tokenize: Callable[[str], list[str]]) -> LexicalIndex:
        """Load what a search needs; the term counts are read only by the next build (TermCounts.load)."""
        try:
            ids = np.load(folder / "ids.npy")
            if len(ids) == 0:
                return cls(bm25s.BM25(), ids, tokenize)
            model = bm25s.BM25.load(str(folder), show_progress=False, mmap=False)
        except (OSError, ValueError, EOFError, LookupError, TypeError, AttributeError) as e:
            # the reader's own (English) words stay in the exception's cause, for the log. A file cut to nothing
            # is numpy's EOFError (which click took for end of input: 「已取消，没有做任何改动」), a JSON file of
            # another shape bm25s's TypeError or AttributeError (「内部出错」)
            raise IndexCorrupt(
                f"词法索引文件已损坏（{folder.parent.name}）。请运行 speechqa rebuild。"
            ) from e
        return cls(model, ids, tokenize)
