"""The dense side: FAISS over normalised vectors, searched by inner product, ids = passage ids.

The index type follows the corpus size (`choose_kind`) and is recorded in the manifest as `vector_index`:

- ``flat`` (exact, ``IndexIDMap2(IndexFlatIP)``) up to ``FLAT_MAX`` = 100,000 passages. A query reads
  every float32 vector, so its cost grows linearly: p95 7.7 ms at 100k (154 MB), 21 ms at 300k and
  76 ms at 1M (1.5 GB) on a quiet 2-core machine, and 3-5× that when the machine is busy. 100k keeps
  exact search inside the 50 ms budget even then; every corpus this tool has served is far below it.
- ``ivf-sq8`` (``IndexIVFScalarQuantizer``: ≈ √n lists, 8-bit codes, inner product) above it: one byte
  per dimension (394 MB at 1M × 384) and a query scans about ``SCAN_VECTORS`` codes (``nprobe`` from
  `default_nprobe`), so latency stays flat as the corpus grows. Measured at 1M: build 15 s, p95 9.3 ms,
  recall@10 0.963 against exact search; just above the threshold it scans nearly every list and recall
  is ≈ 0.99. Centroids and SQ8 ranges are trained on at most ``TRAIN_SAMPLE`` vectors.
- ``hnsw-sq8`` (``IndexHNSWSQ`` in an ``IndexIDMap2``) can be forced (``kind="hnsw-sq8"``). Its queries
  are faster (p95 1.1 ms at 1M), but at 1M it took 230 s to build (15× IVF), holds 664 MB, and needs
  efSearch 256 for recall@10 0.96 (0.935 at the default 128). Every add writes a new generation, so
  the build time is paid on every add: that rules it out as the automatic choice.

Figures: `speechqa bench scale` (docs/benchmarks.md, section "scale"). Search-time parameters (``nprobe``,
``efSearch``) are set by this module after building and after loading, so retuning them here applies to
indexes already on disk. One query runs FAISS on one OpenMP thread (see `_one_thread`).
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np

from .errors import IndexCorrupt

KINDS: tuple[str, ...] = ("flat", "ivf-sq8", "hnsw-sq8")
FLAT_MAX = 100_000  # passages; above this the automatic choice is ivf-sq8
SCAN_VECTORS = 125_000  # IVF: vectors scanned per query (see default_nprobe)
TRAIN_SAMPLE = 65_536  # vectors used to train IVF centroids and SQ8 ranges
HNSW_M = 32  # graph neighbours per node
HNSW_EF_CONSTRUCTION = 64
HNSW_EF_SEARCH = 128
TRAIN_SEED = 1234


@dataclass(frozen=True)
class SearchParams:
    """Search-time knobs of an approximate index (None where the kind has no such knob)."""

    nprobe: int | None = None  # IVF lists scanned per query
    ef_search: int | None = None  # HNSW candidate list length


def choose_kind(count: int) -> str:
    """The index type for a corpus of `count` passages: exact up to FLAT_MAX, IVF+SQ8 above."""
    return "flat" if count <= FLAT_MAX else "ivf-sq8"


def ivf_lists(count: int) -> int:
    """Number of IVF lists: about √count, and at least 39 training points per list (FAISS's floor)."""
    return max(1, min(round(math.sqrt(count)), count // 39))


def default_nprobe(nlist: int, count: int) -> int:
    """Lists scanned per query: enough to cover ~SCAN_VECTORS vectors, and at least an eighth of them.

    Measured by `speechqa bench scale` on clustered vectors: recall@10 rises with density at a given
    fraction scanned, so smaller corpora need a larger fraction; 125k SQ8 vectors take ~15 ms.
    """
    wanted = max(nlist // 8, math.ceil(nlist * SCAN_VECTORS / max(count, 1)))
    return max(1, min(nlist, max(16, wanted)))


class VectorIndex:
    def __init__(self, index: faiss.Index, kind: str) -> None:
        self.index = index
        self.kind = kind

    @property
    def dim(self) -> int:
        return int(self.index.d)

    @property
    def count(self) -> int:
        return int(self.index.ntotal)

    @classmethod
    def build(cls, vectors: np.ndarray, ids: np.ndarray, dim: int, kind: str | None = None) -> VectorIndex:
        """Index `vectors` (normalised, one row per id) under their passage ids.

        `kind` forces an index type (one of KINDS); by default `choose_kind` picks it from the count.
        """
        kind = kind or choose_kind(len(ids))
        matrix = np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, dim)
        id_array = np.ascontiguousarray(ids, dtype=np.int64)
        if kind == "flat":
            index: faiss.Index = faiss.IndexIDMap2(faiss.IndexFlatIP(dim))
        elif kind == "ivf-sq8":
            nlist = ivf_lists(len(id_array))
            index = faiss.IndexIVFScalarQuantizer(
                faiss.IndexFlatIP(dim), dim, nlist, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT
            )
            index.cp.niter = 10  # centroids of a sample need not be polished
            index.train(_training_sample(matrix, dim))
        elif kind == "hnsw-sq8":
            graph = faiss.IndexHNSWSQ(dim, faiss.ScalarQuantizer.QT_8bit, HNSW_M, faiss.METRIC_INNER_PRODUCT)
            graph.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
            graph.train(_training_sample(matrix, dim))
            index = faiss.IndexIDMap2(graph)
        else:
            raise ValueError(f"unknown vector index kind {kind!r}; choose one of {', '.join(KINDS)}")
        if len(id_array):
            index.add_with_ids(matrix, id_array)
        built = cls(index, kind)
        built.set_search_params(built.default_params())
        return built

    def ids(self) -> np.ndarray:
        """Every passage id the index holds, sorted (to check it against the store's passages)."""
        index = faiss.downcast_index(self.index)
        if isinstance(index, faiss.IndexIDMap):  # flat and HNSW: the id map beside the inner index
            held = faiss.vector_to_array(index.id_map)
        else:  # IVF keeps each list's ids with its codes
            lists = faiss.extract_index_ivf(self.index).invlists
            parts = [np.zeros(0, dtype=np.int64)]
            for number in range(lists.nlist):
                if size := lists.list_size(number):
                    pointer = lists.get_ids(number)
                    parts.append(faiss.rev_swig_ptr(pointer, size).copy())
                    lists.release_ids(number, pointer)
            held = np.concatenate(parts)
        return np.sort(held.astype(np.int64))

    def default_params(self) -> SearchParams:
        """This module's search-time parameters for the index (empty for exact search)."""
        if self.kind == "ivf-sq8":
            return SearchParams(
                nprobe=default_nprobe(int(faiss.extract_index_ivf(self.index).nlist), self.count)
            )
        if self.kind == "hnsw-sq8":
            return SearchParams(ef_search=HNSW_EF_SEARCH)
        return SearchParams()

    @property
    def params(self) -> SearchParams:
        """The search-time parameters in force."""
        if self.kind == "ivf-sq8":
            return SearchParams(nprobe=int(faiss.extract_index_ivf(self.index).nprobe))
        if self.kind == "hnsw-sq8":
            return SearchParams(ef_search=int(self._hnsw().hnsw.efSearch))
        return SearchParams()

    def set_search_params(self, params: SearchParams) -> None:
        """Trade speed for recall: more lists (nprobe) or a longer candidate list (efSearch)."""
        if params.nprobe is not None and self.kind == "ivf-sq8":
            faiss.extract_index_ivf(self.index).nprobe = params.nprobe
        if params.ef_search is not None and self.kind == "hnsw-sq8":
            self._hnsw().hnsw.efSearch = params.ef_search

    def _hnsw(self) -> faiss.IndexHNSW:
        return faiss.downcast_index(faiss.downcast_index(self.index).index)

    def search(self, query: np.ndarray, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """The k passages nearest to one query vector, as (passage id, inner product), best first.

        With `allowed` (passage ids), only those passages are candidates: FAISS skips the others while
        it searches (an `IDSelectorBatch`), so k allowed passages come back whenever k exist. An
        approximate index scans proportionally more lists (IVF) or a longer candidate list (HNSW) when
        the allowed share is small, so a narrow filter does not starve it.
        """
        if self.count == 0 or (allowed is not None and len(allowed) == 0):
            return []
        # FAISS allocates k results before it searches: a k past the index (a page far beyond the last, asked
        # by a forged button) asked for exabytes and failed with a MemoryError; no more than `count` can come back
        k = min(k, self.count)
        x = np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32)
        with _one_thread():
            if allowed is None:
                scores, ids = self.index.search(x, k)
            else:
                wanted = np.ascontiguousarray(allowed, dtype=np.int64)
                selector = faiss.IDSelectorBatch(len(wanted), faiss.swig_ptr(wanted))
                scores, ids = self.index.search(x, k, params=self._filtered_params(selector, len(wanted)))
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i != -1]

    def _filtered_params(self, selector: faiss.IDSelector, allowed: int) -> faiss.SearchParameters:
        share = min(1.0, allowed / max(self.count, 1))
        params = self.params
        if self.kind == "ivf-sq8":
            nlist = int(faiss.extract_index_ivf(self.index).nlist)
            nprobe = min(nlist, math.ceil((params.nprobe or 1) / max(share, 1e-9)))
            return faiss.SearchParametersIVF(sel=selector, nprobe=nprobe)
        if self.kind == "hnsw-sq8":
            ef = min(max(self.count, 1), math.ceil((params.ef_search or HNSW_EF_SEARCH) / max(share, 1e-9)))
            # IndexIDMap2 translates the selector to the inner index's sequential ids.
            return faiss.SearchParametersHNSW(sel=selector, efSearch=min(ef, 16_384))
        return faiss.SearchParameters(sel=selector)

    def save(self, path: Path) -> None:
        # serialised here and written by Python: a failed write (a full disk) is an OSError with its errno,
        # not FAISS's RuntimeError with the reason in English words
        path.write_bytes(faiss.serialize_index(self.index).tobytes())

    @classmethod
    def load(cls, path: Path, kind: str) -> VectorIndex:
        """Read an index written by `save`; `kind` is the manifest's `vector_index`."""
        try:
            index = faiss.read_index(str(path))
        except RuntimeError as e:
            raise IndexCorrupt(f"向量索引文件已损坏（{path.name}）。请运行 speechqa rebuild。") from e
        if _kind_of(index) != kind:
            raise IndexCorrupt(
                f"向量索引类型与清单不符（文件是 {_kind_of(index)}，清单是 {kind}）。请运行 speechqa rebuild。"
            )
        loaded = cls(index, kind)
        loaded.set_search_params(loaded.default_params())
        return loaded


def best_of(
    first: list[tuple[int, float]], second: list[tuple[int, float]], k: int, share: float = 1.0
) -> list[tuple[int, float]]:
    """Two searches' (id, score) lists as one, best first, k at most: each id at its first score raised by
    `share` of what its second score is better by (1: the better of the two). An id the first list lacks
    is taken at the first list's lowest score (the most it can have there), raised the same way."""
    scores = dict(first)
    floor = min(scores.values(), default=np.inf)
    for doc, score in second:
        own = scores.get(doc, min(floor, score))
        scores[doc] = own if score <= own else score if share == 1 else own + share * (score - own)
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:k]


@contextlib.contextmanager
def _one_thread() -> Iterator[None]:
    """Run FAISS on the calling thread only (OpenMP's setting is per thread, so this is thread-safe).

    One query gains nothing from a second OpenMP thread, and on a busy machine waiting for it to be
    scheduled cost ~12 ms per query even over 2,000 vectors (0.1 ms on one thread): measured by
    `speechqa bench scale`.
    """
    threads = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        yield
    finally:
        faiss.omp_set_num_threads(threads)


def _training_sample(matrix: np.ndarray, dim: int) -> np.ndarray:
    if len(matrix) == 0:
        return np.zeros((1, dim), dtype=np.float32)
    if len(matrix) <= TRAIN_SAMPLE:
        return matrix
    rows = np.random.default_rng(TRAIN_SEED).choice(len(matrix), TRAIN_SAMPLE, replace=False)
    return matrix[np.sort(rows)]


def _kind_of(index: faiss.Index) -> str:
    """The kind name of a FAISS index as this module builds them ("unknown" for anything else)."""
    index = faiss.downcast_index(index)
    if isinstance(index, faiss.IndexIDMap):  # IndexIDMap2 derives from it
        inner = faiss.downcast_index(index.index)
        if isinstance(inner, faiss.IndexFlatIP):
            return "flat"
        if isinstance(inner, faiss.IndexHNSWSQ):
            return "hnsw-sq8"
    if isinstance(index, faiss.IndexIVFScalarQuantizer):
        return "ivf-sq8"
    return "unknown"
