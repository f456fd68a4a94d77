"""Answer a query: dense + lexical search, fusion, de-duplication, the abstain decision, highlights."""

from __future__ import annotations

import time
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import numpy as np

from index import Embedder, LoadedIndex, PassageRecord, Store, embed_query, lexical_input, query_terms

from .abstain import AbstainRule, Evidence
from .dedupe import bigrams, overlap
from .errors import EmptyQuery, QueryTooLong
from .fusion import rrf, weighted
from .highlight import highlight_spans
from .records import Answer, Hit

Mode = Literal["hybrid", "dense", "lexical"]
MODES: tuple[Mode, ...] = ("hybrid", "dense", "lexical")
MAX_QUERY_CHARS = 500
CANDIDATES = 50
QUERY_CACHE = 256  # query vectors kept: paging through results ("more") re-asks the same question


@dataclass(frozen=True)
class RetrieverConfig:
    candidates: int = CANDIDATES  # taken from each side before fusion
    fusion: Literal["rrf", "weighted"] = "weighted"
    dense_weight: float = 0.4  # for weighted fusion
    duplicate_overlap: float = 0.8  # bigram overlap above which a lower hit is dropped as a repeat


class Retriever:
    def __init__(
        self,
        store: Store,
        index: LoadedIndex,
        embedder: Embedder | None,
        config: RetrieverConfig | None = None,
        abstain: AbstainRule | None = None,
    ) -> None:
        self.store = store
        self.index = index
        self.embedder = embedder
        self.config = config or RetrieverConfig()
        self.abstain = abstain or AbstainRule()
        self.query_vector = lru_cache(maxsize=QUERY_CACHE)(self._embed)

    def _embed(self, text: str) -> np.ndarray:
        assert self.embedder is not None
        vector = embed_query(self.embedder, text)
        vector.setflags(write=False)  # shared by every search of the same text
        return vector

    def search(self, query: str, k: int = 5, mode: Mode = "hybrid", offset: int = 0) -> Answer:
        started = time.perf_counter()
        query = normalise_query(query)
        text = unicodedata.normalize("NFKC", query)  # full-width letters and digits match half-width ones
        want = offset + k
        pool = max(self.config.candidates, want * 2)
        dense: list[tuple[int, float]] = []
        lexical: list[tuple[int, float]] = []
        if mode in ("hybrid", "dense") and self.embedder is not None:
            dense = self.index.vectors.search(self.query_vector(text), pool)
        if mode in ("hybrid", "lexical"):
            lexical = self.index.lexical.search(text, pool)
        if mode == "dense":
            fused = dense
        elif mode == "lexical":
            fused = lexical
        elif self.config.fusion == "rrf":
            fused = rrf([dense, lexical])
        else:
            weights = [self.config.dense_weight, 1 - self.config.dense_weight]
            fused = weighted([dense, lexical], weights)

        dense_of, lexical_of = dict(dense), dict(lexical)
        kept: list[tuple[PassageRecord, float]] = []
        seen: list[set[str]] = []
        records: dict[int, PassageRecord] = {}
        batch = 2 * (want + 1)  # passages read from SQLite at a time: enough unless many are repeats
        for position, (doc, score) in enumerate(fused):
            if position % batch == 0:
                records = self.store.passages_by_id([d for d, _ in fused[position : position + batch]])
            record = records.get(doc)
            if record is None:  # removed since the index was built
                continue
            grams = bigrams(record.text)
            if any(overlap(grams, other) >= self.config.duplicate_overlap for other in seen):
                continue
            seen.append(grams)
            kept.append((record, score))
            if len(kept) > want:
                break

        terms = tuple(query_terms(text))
        answered = bool(kept) and self._relevant(terms, kept[0][0])
        hits = tuple(
            Hit(
                rank=rank,
                score=round(score, 6),
                passage=record,
                dense=dense_of.get(record.id),
                lexical=lexical_of.get(record.id),
                highlights=highlight_spans(record.text, terms),
                relevant=answered and self._relevant(terms, record),
            )
            for rank, (record, score) in enumerate(kept[offset:want], start=offset + 1)
        )
        # Paging stops where relevance ends: after a page holding a passage that is not relevant, or
        # before one that would start with such a passage (a question has not 31 pages of answers).
        more = len(kept) > want and all(h.relevant for h in hits) and self._relevant(terms, kept[want][0])
        return Answer(
            query=query,
            answered=answered,
            hits=hits,
            terms=terms,
            mode=mode,
            offset=offset,
            has_more=answered and more,
            latency_ms=(time.perf_counter() - started) * 1000,
        )

    def _relevant(self, terms: tuple[str, ...], record: PassageRecord) -> bool:
        evidence = Evidence(
            terms=terms, idf=self.index.lexical.idf, top_text=lexical_input(record.text, record.section)
        )
        return self.abstain.answered(evidence)


def normalise_query(query: str) -> str:
    """Validate and tidy a question: control and format characters out, white space collapsed."""
    query = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in query)
    query = " ".join(query.split())
    if not query:
        raise EmptyQuery("问题是空的，请输入要查询的内容。")
    if len(query) > MAX_QUERY_CHARS:
        raise QueryTooLong(f"问题太长（{len(query)} 字），请控制在 {MAX_QUERY_CHARS} 字以内。")
    return query
