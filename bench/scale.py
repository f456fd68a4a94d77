"""How the dense and lexical indexes behave from thousands to millions of passages.

Synthetic data, so any size can be made in seconds and exact search gives the ground truth:

- vectors: a Gaussian mixture (1,000 centres) whose points spread along a shared 32-dimensional latent
  subspace plus small isotropic noise, normalised — like sentence embeddings, low intrinsic dimension
  and clustered, and hard enough that approximate search visibly loses recall when under-tuned.
  Queries are fresh draws from the same mixture.
- documents: Zipf-distributed tokens over a vocabulary of character unigrams and bigrams, as the "char"
  tokenizer produces them; queries are a few tokens drawn the same way.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import faiss
import numpy as np

from index import LexicalIndex
from index.vectors import FLAT_MAX, KINDS, SearchParams, VectorIndex, choose_kind

from .doc import machine_line
from .errors import BenchError

DIM = 384
K = 10
QUERY_TOKENS = (4, 20)  # lexical queries: a keyword or two; a question of ~10 characters
CLUSTERS = 1_000
LATENT = 32
SPREAD = 1.0  # latent spread relative to the distance between centres
NOISE = 0.3
VOCAB_CHARS = 3_000
VOCAB_BIGRAMS = 30_000
SWEEPS: dict[str, list[SearchParams]] = {
    "flat": [SearchParams()],
    "ivf-sq8": [SearchParams(nprobe=n) for n in (4, 8, 16, 32, 64, 128, 256)],
    "hnsw-sq8": [SearchParams(ef_search=e) for e in (16, 32, 64, 128, 256)],
}


@dataclass(frozen=True)
class VectorRun:
    """One index kind at one corpus size."""

    size: int
    kind: str
    build_s: float
    index_bytes: int  # faiss.serialize_index length
    rss_delta_bytes: int  # resident memory the build added
    p50_ms: float
    p95_ms: float
    recall: float  # recall@10 against exact search
    params: SearchParams


@dataclass(frozen=True)
class LexicalRun:
    size: int
    build_s: float
    rss_delta_bytes: int  # during the build, term counts (kept for the next build) included
    index_bytes: int  # the bm25s score matrix and vocabulary a loaded index holds
    latency: dict[int, tuple[float, float]]  # query tokens -> (p50 ms, p95 ms)


@dataclass(frozen=True)
class SweepPoint:
    kind: str
    params: SearchParams
    p95_ms: float
    p50_ms: float
    recall: float


def synthetic_vectors(n: int, seed: int, dim: int = DIM) -> np.ndarray:
    """n normalised vectors from the fixed mixture (the mixture is the same for every seed)."""
    shape = np.random.default_rng(0)
    centres = shape.standard_normal((CLUSTERS, dim)).astype(np.float32)
    projection = shape.standard_normal((LATENT, dim)).astype(np.float32) / np.sqrt(LATENT)
    rng = np.random.default_rng(seed)
    out = np.empty((n, dim), dtype=np.float32)
    for start in range(0, n, 100_000):
        m = min(100_000, n - start)
        rows = centres[rng.integers(0, CLUSTERS, m)]
        rows += SPREAD * (rng.standard_normal((m, LATENT), dtype=np.float32) @ projection)
        rows += NOISE * rng.standard_normal((m, dim), dtype=np.float32)
        rows /= np.linalg.norm(rows, axis=1, keepdims=True)
        out[start : start + m] = rows
    return out


def synthetic_vocabulary(seed: int = 0) -> list[str]:
    """Character unigrams then bigrams of CJK characters, most frequent first (Zipf rank order)."""
    rng = np.random.default_rng(seed)
    chars = [chr(c) for c in rng.choice(np.arange(0x4E00, 0x9FA6), VOCAB_CHARS, replace=False)]
    pairs = rng.integers(0, VOCAB_CHARS, (VOCAB_BIGRAMS, 2))
    bigrams = list(dict.fromkeys(chars[a] + chars[b] for a, b in pairs))
    vocab = chars + bigrams
    order = rng.permutation(len(vocab))  # interleave unigrams and bigrams across frequency ranks
    return [vocab[i] for i in order]


def synthetic_documents(n: int, tokens: int, seed: int, vocab: Sequence[str]) -> list[str]:
    """n space-joined token documents of about `tokens` tokens, Zipf(1.1) over `vocab`."""
    rng = np.random.default_rng(seed)
    words = np.asarray(vocab, dtype=object)
    lengths = np.clip(rng.poisson(tokens, n), 1, None)
    ranks = np.minimum(rng.zipf(1.1, int(lengths.sum())) - 1, len(vocab) - 1)
    drawn = words[ranks]
    out, at = [], 0
    for length in lengths:
        out.append(" ".join(drawn[at : at + length]))
        at += length
    return out


def rss_bytes() -> int:
    """Resident memory of this process now (Linux)."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def percentiles(seconds: Sequence[float]) -> tuple[float, float]:
    ms = np.asarray(seconds) * 1e3
    return float(np.percentile(ms, 50)), float(np.percentile(ms, 95))


def time_queries(search: Callable[[int], list[int]], n: int) -> tuple[float, float, list[list[int]]]:
    """p50 and p95 latency (ms) of one query at a time, and each query's result ids."""
    search(0)  # warm up
    seconds, results = [], []
    for i in range(n):
        started = time.perf_counter()
        results.append(search(i))
        seconds.append(time.perf_counter() - started)
    p50, p95 = percentiles(seconds)
    return p50, p95, results


def recall_at_k(results: Sequence[Sequence[int]], truth: np.ndarray) -> float:
    return float(
        np.mean([len(set(r) & set(t.tolist())) / len(t) for r, t in zip(results, truth, strict=True)])
    )


def exact_neighbours(data: np.ndarray, queries: np.ndarray) -> np.ndarray:
    """Row i: the positions of the K rows of `data` nearest to query i (batched, BLAS)."""
    flat = faiss.IndexFlatIP(data.shape[1])
    flat.add(data)
    return flat.search(queries, K)[1]


def measure_vectors(
    data: np.ndarray, queries: np.ndarray, truth: np.ndarray, kind: str, sweep: bool
) -> tuple[VectorRun, list[SweepPoint]]:
    ids = np.arange(len(data), dtype=np.int64) * 3 + 1  # passage ids, deliberately not positions
    truth_ids = truth * 3 + 1
    gc.collect()
    before = rss_bytes()
    started = time.perf_counter()
    index = VectorIndex.build(data, ids, data.shape[1], kind=kind)
    build_s = time.perf_counter() - started
    rss_delta = rss_bytes() - before
    index_bytes = len(faiss.serialize_index(index.index))

    def run(params: SearchParams) -> SweepPoint:
        index.set_search_params(params)
        p50, p95, results = time_queries(
            lambda i: [doc for doc, _ in index.search(queries[i], K)], len(queries)
        )
        return SweepPoint(kind, params, p95, p50, recall_at_k(results, truth_ids))

    points = [run(p) for p in SWEEPS.get(kind, [])] if sweep else []
    chosen = run(index.default_params())
    vector_run = VectorRun(
        len(data),
        kind,
        build_s,
        index_bytes,
        rss_delta,
        chosen.p50_ms,
        chosen.p95_ms,
        chosen.recall,
        chosen.params,
    )
    return vector_run, points


def measure_lexical(size: int, queries: int, tokens: int, vocab: Sequence[str]) -> LexicalRun:
    documents = synthetic_documents(size, tokens, seed=1, vocab=vocab)
    asked = {
        n: [" ".join(q.split()[:n]) for q in synthetic_documents(queries, 2 * n, seed=2, vocab=vocab)]
        for n in QUERY_TOKENS
    }
    gc.collect()
    before = rss_bytes()
    started = time.perf_counter()
    index = LexicalIndex.build(documents, range(size), str.split)
    build_s = time.perf_counter() - started
    rss_delta = rss_bytes() - before
    del documents
    matrix = index.model.scores
    index_bytes = sum(matrix[part].nbytes for part in ("data", "indices", "indptr")) + sum(
        len(term.encode()) + 8 for term in index.vocab
    )
    latency = {}
    for n, questions in asked.items():
        p50, p95, _ = time_queries(
            lambda i, qs=questions: [doc for doc, _ in index.search(qs[i], K)], queries
        )
        latency[n] = (p50, p95)
    return LexicalRun(size, build_s, rss_delta, index_bytes, latency)


def params_label(params: SearchParams) -> str:
    if params.nprobe is not None:
        return f"nprobe={params.nprobe}"
    if params.ef_search is not None:
        return f"efSearch={params.ef_search}"
    return "exact"


def vector_table(runs: Sequence[VectorRun]) -> str:
    head = ["passages", "kind", "params", "build s", "index MB", "RSS +MB", "p50 ms", "p95 ms", "recall@10"]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in runs:
        cells = [
            f"{r.size:,}",
            r.kind,
            params_label(r.params),
            f"{r.build_s:.1f}",
            f"{r.index_bytes / 1e6:.0f}",
            f"{r.rss_delta_bytes / 1e6:.0f}",
            f"{r.p50_ms:.2f}",
            f"{r.p95_ms:.2f}",
            f"{r.recall:.3f}",
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def sweep_table(points: Sequence[SweepPoint], size: int) -> str:
    rows = [
        f"Sweep at {size:,} passages:",
        "",
        "| kind | params | p50 ms | p95 ms | recall@10 |",
        "|---|---|---|---|---|",
    ]
    rows += [
        f"| {p.kind} | {params_label(p.params)} | {p.p50_ms:.2f} | {p.p95_ms:.2f} | {p.recall:.3f} |"
        for p in points
    ]
    return "\n".join(rows)


def lexical_table(runs: Sequence[LexicalRun]) -> str:
    timed = [f"{n} tokens p{q} ms" for n in QUERY_TOKENS for q in (50, 95)]
    rows = [
        "| documents | build s | RSS +MB (build) | index MB | " + " | ".join(timed) + " |",
        "|---|---|---|---|" + "---|" * len(timed),
    ]
    rows += [
        f"| {r.size:,} | {r.build_s:.1f} | {r.rss_delta_bytes / 1e6:.0f} | {r.index_bytes / 1e6:.0f} | "
        + " | ".join(f"{r.latency[n][0]:.2f} | {r.latency[n][1]:.2f}" for n in QUERY_TOKENS)
        + " |"
        for r in runs
    ]
    return "\n".join(rows)


def plot_latency(runs: Sequence[VectorRun], lexical: Sequence[LexicalRun], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 4))
    for kind in dict.fromkeys(r.kind for r in runs):
        mine = sorted((r.size, r.p95_ms) for r in runs if r.kind == kind)
        ax.plot([s for s, _ in mine], [p for _, p in mine], marker="o", label=kind)
    for n in QUERY_TOKENS:
        mine = sorted((r.size, r.latency[n][1]) for r in lexical)
        ax.plot(
            [s for s, _ in mine],
            [p for _, p in mine],
            marker="s",
            linestyle="--",
            label=f"bm25s, {n}-token query",
        )
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.axhline(50, color="grey", linestyle=":", label="50 ms target")
    ax.set_xlabel("passages")
    ax.set_ylabel("query p95 (ms, k=10)")
    ax.set_title("Query latency vs corpus size (search only, no query encoding)")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def plot_recall(points: Sequence[SweepPoint], size: int, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 4))
    for kind in dict.fromkeys(p.kind for p in points):
        mine = sorted((p.p95_ms, p.recall, params_label(p.params)) for p in points if p.kind == kind)
        ax.plot([m[0] for m in mine], [m[1] for m in mine], marker="o", label=kind)
        for x, y, label in mine:
            ax.annotate(label.split("=")[-1], (x, y), fontsize=7, textcoords="offset points", xytext=(3, -8))
    ax.set_xscale("log")
    ax.axhline(0.95, color="grey", linestyle=":", label="recall 0.95 target")
    ax.set_xlabel("query p95 (ms, k=10)")
    ax.set_ylabel("recall@10 vs exact")
    ax.set_title(f"Recall vs latency at {size:,} passages")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def size_list(value: str) -> list[int]:
    try:
        sizes = [int(v.replace("_", "")) for v in value.split(",") if v.strip()]
    except ValueError as e:
        raise BenchError(f"expected comma-separated integers, got {value!r}") from e
    if not sizes or min(sizes) < 100:
        raise BenchError("sizes must be at least 100")
    return sorted(sizes)


def kind_list(value: str) -> list[str]:
    kinds = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [k for k in kinds if k not in KINDS]
    if unknown or not kinds:
        raise BenchError(f"unknown kind(s) {', '.join(unknown)}; choose from {', '.join(KINDS)}")
    return kinds


@dataclass(frozen=True)
class ScaleSpec:
    """What `scale_report` measures: corpus sizes, index kinds and their caps, the lexical side."""

    sizes: list[int]
    queries: int = 200
    kinds: list[str] = field(default_factory=lambda: ["flat", "ivf-sq8", "hnsw-sq8"])
    flat_max: int | None = None  # skip exact search above this size
    hnsw_max: int | None = None
    lexical_max: int | None = None
    doc_tokens: int = 100  # mean tokens per synthetic document
    lexical: bool = True


def scale_report(spec: ScaleSpec, doc_path: Path, echo: Callable[[str], None]) -> str:
    """Index build time, memory, query latency (p50/p95, k=10) and recall@10 against exact search, for
    each vector index kind and corpus size, on synthetic clustered vectors; and the bm25s index at the
    same sizes on synthetic Chinese-like token documents. Draws two plots beside `doc_path`
    (latency-vs-size.png, recall-vs-latency.png) and returns the "scale" section's Markdown; `echo`
    gets a line per measured row as it is done.
    """
    sizes, queries, kinds, doc_tokens = spec.sizes, spec.queries, spec.kinds, spec.doc_tokens
    flat_max, hnsw_max, lexical_max = spec.flat_max, spec.hnsw_max, spec.lexical_max
    largest = max(sizes)
    caps = {"flat": flat_max, "hnsw-sq8": hnsw_max}
    runs: list[VectorRun] = []
    sweep: list[SweepPoint] = []
    query_vectors = synthetic_vectors(queries, seed=2)
    for size in sizes:
        data = synthetic_vectors(size, seed=1)
        truth = exact_neighbours(data, query_vectors)
        for kind in kinds:
            cap = caps.get(kind)
            if cap is not None and size > cap:
                continue
            run, points = measure_vectors(data, query_vectors, truth, kind, sweep=size == largest)
            runs.append(run)
            sweep += points
            echo(
                f"{size:>9,} {kind:<9} build {run.build_s:6.1f} s  {run.index_bytes / 1e6:7.0f} MB  "
                f"p50 {run.p50_ms:7.2f} ms  p95 {run.p95_ms:7.2f} ms  recall@10 {run.recall:.3f}"
            )
        del data
        gc.collect()
    lexical_runs: list[LexicalRun] = []
    if spec.lexical:
        vocab = synthetic_vocabulary()
        for size in sizes:
            if lexical_max is not None and size > lexical_max:
                continue
            lexical_runs.append(measure_lexical(size, queries, doc_tokens, vocab))
            r = lexical_runs[-1]
            echo(
                f"{size:>9,} bm25s     build {r.build_s:6.1f} s  RSS +{r.rss_delta_bytes / 1e6:5.0f} MB  "
                + "  ".join(
                    f"{n} tokens p50 {r.latency[n][0]:6.2f} p95 {r.latency[n][1]:6.2f} ms"
                    for n in QUERY_TOKENS
                )
            )

    latency_png = doc_path.parent / "latency-vs-size.png"
    recall_png = doc_path.parent / "recall-vs-latency.png"
    doc_path.parent.mkdir(parents=True, exist_ok=True)
    plot_latency(runs, lexical_runs, latency_png)
    plot_recall(sweep, largest, recall_png)
    command = (
        f"speechqa bench scale --sizes {','.join(map(str, sizes))} --queries {queries} --kinds {','.join(kinds)}"
        + (f" --flat-max {flat_max}" if flat_max is not None else "")
        + (f" --hnsw-max {hnsw_max}" if hnsw_max is not None else "")
        + (f" --lexical-max {lexical_max}" if lexical_max is not None else "")
    )
    parts = [
        "## Scale",
        "",
        f"`{command}`  ",
        f"{machine_line()}",
        "",
        f"Dense: {DIM}-dim synthetic clustered vectors (see `bench/scale.py`), {queries} single queries, "
        f"k={K}; recall@10 against exact search. Automatic choice: `flat` up to {FLAT_MAX:,} passages, "
        f"`{choose_kind(FLAT_MAX + 1)}` above (see `index/vectors.py`). Rows use each kind's default "
        "search parameters.",
        "",
        vector_table(runs),
        "",
        sweep_table(sweep, largest),
        "",
        f"![query p95 vs corpus size]({latency_png.name}) ![recall vs latency]({recall_png.name})",
    ]
    if lexical_runs:
        parts += [
            "",
            f"Lexical: bm25s over synthetic documents of ~{doc_tokens} Zipf-distributed character uni/bigram "
            "tokens (vocabulary "
            f"{VOCAB_CHARS:,} characters + {VOCAB_BIGRAMS:,} bigrams), k={K}. Queries of 4 tokens (a keyword or "
            "two) and of 20 (a question of ~10 characters, as the char tokenizer cuts it into unigrams and "
            "bigrams); bm25s sums every posting of every query token, so long questions of common characters "
            "cost the most. "
            "RSS +MB is the growth of the process during the build, which also holds the term counts kept "
            "for the next incremental build; index MB is what a loaded index holds for searching.",
            "",
            lexical_table(lexical_runs),
        ]
    return "\n".join(parts)
