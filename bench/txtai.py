"""Side by side with txtai (pip install 'speechqa[bench]'): the same passages, the same model."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

import numpy as np

from index import Embedder, Library, embed_query
from index.store import content_hash
from retrieval import Answer, Hit, Retriever

from .errors import BenchError
from .evaluate import GoldQuestion, Report, evaluate
from .speed import percentile

NOTE = (
    "Interleaved: each question goes to every system in turn, starting with a different system each time. "
    "Same vectors on both sides (txtai's transform returns the bundled model's vectors, with the e5 "
    "prefixes). Latency is one search, query encoding included."
)


def require_txtai() -> None:
    try:
        import txtai  # noqa: F401
    except ImportError as e:
        raise BenchError("txtai is not installed: pip install 'speechqa[bench]'") from e


class TxtaiSide:
    """txtai as a typical user sets it up (content, hybrid, default scoring), on the same passages and the
    same model: vectors come through txtai's external-vectors transform, which adds the e5 prefixes the way
    the bundled engine does (query: / passage:) — here by handing each text to E5.query or E5.passage."""

    def __init__(self, library: Library, embedder: Embedder) -> None:
        from txtai import Embeddings

        self.store = library.store
        self.passages = {p.id: p for p in library.store.passages()}
        cached = library.store.cached_vectors(
            embedder.key, [p.content_hash for p in self.passages.values()], embedder.dim
        )

        def transform(texts: list[str]) -> np.ndarray:
            out = []
            for text in texts:
                if text.startswith("query: "):
                    out.append(embed_query(embedder, text[len("query: ") :]))
                else:
                    body = text.removeprefix("passage: ")
                    # the vectors our index holds for these passages: the same as embedding them again
                    vector = cached.get(content_hash(body))
                    out.append(vector if vector is not None else embedder.embed_batch([body], "passage")[0])
            return np.stack(out)

        self.embeddings = Embeddings(
            method="external",
            transform=transform,
            instructions={"query": "query: ", "data": "passage: "},
            content=True,
            hybrid=True,
        )
        self.embeddings.index([(p.id, p.text, None) for p in self.passages.values()])

    def search(self, query: str, k: int = 10) -> Answer:
        started = time.perf_counter()
        results = self.embeddings.search(query, k)
        hits = tuple(
            Hit(rank, float(r["score"]), self.passages[int(r["id"])], None, None, ())
            for rank, r in enumerate(results, start=1)
        )
        return Answer(query, True, hits, (), "txtai", 0, False, (time.perf_counter() - started) * 1000)


def side_by_side(
    questions: Sequence[GoldQuestion], systems: dict[str, Callable[[str], Answer]]
) -> tuple[dict[str, Report], dict[str, list[float]]]:
    """Ask every question of every system, interleaved, each question starting with the next system (no
    system always goes first, after another's work); return the quality reports and latencies (ms)."""
    answers: dict[str, dict[str, Answer]] = {name: {} for name in systems}
    latency: dict[str, list[float]] = {name: [] for name in systems}
    order = list(systems.items())
    for i, q in enumerate(questions):
        for name, ask in order[i % len(order) :] + order[: i % len(order)]:
            started = time.perf_counter()
            answers[name][q.question] = ask(q.question)
            latency[name].append((time.perf_counter() - started) * 1000)
    reports = {name: evaluate(questions, lambda text, n=name: answers[n][text]) for name in systems}
    return reports, latency


def comparison_table(title: str, reports: dict[str, Report], latency: dict[str, list[float]]) -> str:
    lines = [
        title,
        "",
        "| system | R@1 | R@5 | MRR@10 | p50 ms | p95 ms |",
        "|---|---|---|---|---|---|",
    ]
    for name, r in reports.items():
        lines.append(
            f"| {name} | {r.recall[1]:.3f} | {r.recall[5]:.3f} | {r.mrr:.3f} | "
            f"{percentile(latency[name], 50):.1f} | {percentile(latency[name], 95):.1f} |"
        )
    return "\n".join(lines)


def compare_on(
    library: Library, retriever: Retriever, questions: Sequence[GoldQuestion]
) -> tuple[dict[str, Report], dict[str, list[float]]]:
    txtai = TxtaiSide(library, retriever.embedder)  # type: ignore[arg-type]

    def ours(mode: str) -> Callable[[str], Answer]:
        def ask(text: str) -> Answer:
            retriever.query_vector.cache_clear()  # every question encoded, as txtai does
            return retriever.search(text, k=10, mode=mode)  # type: ignore[arg-type]

        return ask

    def txtai_weighted(weight: float) -> Callable[[str], Answer]:
        def ask(text: str) -> Answer:
            started = time.perf_counter()
            results = txtai.embeddings.search(text, 10, weights=weight)
            hits = tuple(
                Hit(rank, float(r["score"]), txtai.passages[int(r["id"])], None, None, ())
                for rank, r in enumerate(results, start=1)
            )
            return Answer(text, True, hits, (), "txtai", 0, False, (time.perf_counter() - started) * 1000)

        return ask

    systems = {
        "speechqa hybrid": ours("hybrid"),
        "txtai hybrid (defaults)": txtai.search,
        "speechqa dense": ours("dense"),
        "txtai dense only (weights=1)": txtai_weighted(1.0),
        "speechqa lexical": ours("lexical"),
        "txtai keyword only (weights=0)": txtai_weighted(0.0),
    }
    return side_by_side(questions, systems)


def comparison_section(
    title: str, library: Library, retriever: Retriever, questions: Sequence[GoldQuestion]
) -> str:
    """One table: every system on one library and question set."""
    reports, latency = compare_on(library, retriever, questions)
    return comparison_table(title, reports, latency)
