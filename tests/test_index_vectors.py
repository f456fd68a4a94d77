"""index.vectors: the index kind follows the corpus size; every kind keeps passage ids and finds neighbours."""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np
import pytest

from index import IndexCorrupt, VectorIndex
from index import vectors as vectors_module
from index.vectors import FLAT_MAX, KINDS, SearchParams, choose_kind, ivf_lists

DIM = 32


def clustered(n: int, seed: int, clusters: int = 20) -> np.ndarray:
    """Normalised points around a fixed set of centres (the same centres for every seed)."""
    centres = np.random.default_rng(0).standard_normal((clusters, DIM)).astype(np.float32)
    rng = np.random.default_rng(seed)
    points = centres[rng.integers(0, clusters, n)] + 0.4 * rng.standard_normal((n, DIM)).astype(np.float32)
    return points / np.linalg.norm(points, axis=1, keepdims=True)


@pytest.fixture(scope="module")
def data() -> np.ndarray:
    return clustered(3000, seed=1)


@pytest.fixture(scope="module")
def queries() -> np.ndarray:
    return clustered(40, seed=2)


def passage_ids(n: int) -> np.ndarray:
    return np.arange(n, dtype=np.int64) * 7 + 100  # deliberately not positions


def exact_ids(data: np.ndarray, queries: np.ndarray, k: int) -> list[set[int]]:
    flat = faiss.IndexFlatIP(DIM)
    flat.add(data)
    positions = flat.search(queries, k)[1]
    return [{int(p) * 7 + 100 for p in row} for row in positions]


def test_small_corpora_get_exact_search_and_large_ones_ivf_sq8() -> None:
    assert choose_kind(0) == "flat"
    assert choose_kind(155) == "flat"
    assert choose_kind(FLAT_MAX) == "flat"
    assert choose_kind(FLAT_MAX + 1) == "ivf-sq8"
    assert choose_kind(1_000_000) == "ivf-sq8"


def test_build_chooses_the_kind_from_the_count(monkeypatch: pytest.MonkeyPatch, data: np.ndarray) -> None:
    assert VectorIndex.build(data[:155], passage_ids(155), DIM).kind == "flat"
    monkeypatch.setattr(vectors_module, "FLAT_MAX", 1000)  # a large corpus, made small
    large = VectorIndex.build(data, passage_ids(len(data)), DIM)
    assert large.kind == "ivf-sq8"
    assert large.params.nprobe is not None


@pytest.mark.parametrize("kind", KINDS)
def test_a_kind_can_be_forced_whatever_the_size(kind: str, data: np.ndarray) -> None:
    index = VectorIndex.build(data[:500], passage_ids(500), DIM, kind=kind)
    assert index.kind == kind
    assert index.count == 500
    assert index.dim == DIM


def test_an_unknown_kind_is_refused(data: np.ndarray) -> None:
    with pytest.raises(ValueError, match="unknown vector index kind"):
        VectorIndex.build(data[:10], passage_ids(10), DIM, kind="lsh")


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_finds_the_exact_neighbours_of_a_clustered_set(
    kind: str, data: np.ndarray, queries: np.ndarray
) -> None:
    index = VectorIndex.build(data, passage_ids(len(data)), DIM, kind=kind)
    truth = exact_ids(data, queries, 10)
    found = [{doc for doc, _ in index.search(q, 10)} for q in queries]
    recall = np.mean([len(f & t) / 10 for f, t in zip(found, truth, strict=True)])
    assert recall >= (1.0 if kind == "flat" else 0.9)


@pytest.mark.parametrize("kind", KINDS)
def test_results_are_passage_ids_best_first(kind: str, data: np.ndarray) -> None:
    ids = passage_ids(len(data))
    index = VectorIndex.build(data, ids, DIM, kind=kind)
    results = index.search(data[42], 5)
    assert results[0][0] == ids[42]
    assert {doc for doc, _ in results} <= set(ids.tolist())
    scores = [score for _, score in results]
    assert scores == sorted(scores, reverse=True)


def test_flat_search_is_exact_on_a_small_corpus(data: np.ndarray, queries: np.ndarray) -> None:
    index = VectorIndex.build(data[:155], passage_ids(155), DIM)
    for q in queries[:5]:
        expected = np.argsort(-(data[:155] @ q), kind="stable")[:5] * 7 + 100
        assert [doc for doc, _ in index.search(q, 5)] == expected.tolist()


@pytest.mark.parametrize("kind", KINDS)
def test_minus_one_ids_are_dropped_when_fewer_than_k_exist(kind: str, data: np.ndarray) -> None:
    index = VectorIndex.build(data[:3], passage_ids(3), DIM, kind=kind)
    results = index.search(data[0], 10)
    assert len(results) == 3
    assert all(doc != -1 for doc, _ in results)


@pytest.mark.parametrize("kind", KINDS)
def test_an_empty_index_returns_nothing(kind: str) -> None:
    index = VectorIndex.build(
        np.zeros((0, DIM), dtype=np.float32), np.zeros(0, dtype=np.int64), DIM, kind=kind
    )
    assert index.count == 0
    assert index.search(np.ones(DIM, dtype=np.float32), 5) == []


@pytest.mark.parametrize("kind", KINDS)
def test_save_and_load_keep_the_kind_ids_and_search_params(
    kind: str, data: np.ndarray, queries: np.ndarray, tmp_path: Path
) -> None:
    index = VectorIndex.build(data, passage_ids(len(data)), DIM, kind=kind)
    index.save(tmp_path / "vectors.faiss")
    loaded = VectorIndex.load(tmp_path / "vectors.faiss", kind)
    assert loaded.kind == kind
    assert loaded.count == index.count
    assert loaded.params == index.params == index.default_params()
    for q in queries[:5]:
        assert loaded.search(q, 10) == index.search(q, 10)


def test_load_applies_this_modules_search_params_not_the_files(data: np.ndarray, tmp_path: Path) -> None:
    index = VectorIndex.build(data, passage_ids(len(data)), DIM, kind="ivf-sq8")
    index.set_search_params(SearchParams(nprobe=1))
    index.save(tmp_path / "vectors.faiss")
    loaded = VectorIndex.load(tmp_path / "vectors.faiss", "ivf-sq8")
    assert loaded.params.nprobe == vectors_module.default_nprobe(ivf_lists(len(data)), len(data))


def test_search_params_trade_speed_for_recall(data: np.ndarray) -> None:
    hnsw = VectorIndex.build(data, passage_ids(len(data)), DIM, kind="hnsw-sq8")
    hnsw.set_search_params(SearchParams(ef_search=16))
    assert hnsw.params == SearchParams(ef_search=16)
    ivf = VectorIndex.build(data, passage_ids(len(data)), DIM, kind="ivf-sq8")
    ivf.set_search_params(SearchParams(nprobe=3))
    assert ivf.params == SearchParams(nprobe=3)
    flat = VectorIndex.build(data[:10], passage_ids(10), DIM)
    flat.set_search_params(SearchParams(nprobe=3, ef_search=16))  # nothing to tune: ignored
    assert flat.params == SearchParams()


def test_a_file_of_another_kind_than_the_manifest_says_is_corrupt(data: np.ndarray, tmp_path: Path) -> None:
    VectorIndex.build(data[:100], passage_ids(100), DIM, kind="flat").save(tmp_path / "vectors.faiss")
    with pytest.raises(IndexCorrupt, match="不符"):
        VectorIndex.load(tmp_path / "vectors.faiss", "ivf-sq8")


def test_search_leaves_the_callers_thread_count_alone(data: np.ndarray) -> None:
    index = VectorIndex.build(data[:100], passage_ids(100), DIM)
    before = faiss.omp_get_max_threads()
    index.search(data[0], 5)
    assert faiss.omp_get_max_threads() == before
