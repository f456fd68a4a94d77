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
from .filters import Facets, FilterReport, Filters, detect_filters, speech_matches
from .fusion import rrf, weighted
from .highlight import highlight_spans
from .pins import PinMatcher, PinRule
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
    # The words that named a filter read from the question (「沈伟」「2024年」) are searched for too
    # ("keep"), or left out of the lexical query ("lexical") or of both queries ("both"):
    # measured by `speechqa bench filters` (README).
    strip_filter_words: Literal["keep", "lexical", "both"] = "lexical"


class Retriever:
    def __init__(
        self,
        store: Store,
        index: LoadedIndex,
        embedder: Embedder | None,
        config: RetrieverConfig | None = None,
        abstain: AbstainRule | None = None,
        pin_rule: PinRule | None = None,
    ) -> None:
        self.store = store
        self.index = index
        self.embedder = embedder
        self.config = config or RetrieverConfig()
        self.abstain = abstain or AbstainRule()
        self.pin_rule = pin_rule or PinRule()
        self._facets: tuple[int, Facets] | None = None
        self._pins: tuple[tuple[str, int], PinMatcher] | None = None
        self.query_vector = lru_cache(maxsize=QUERY_CACHE)(self._embed)

    def _embed(self, text: str) -> np.ndarray:
        assert self.embedder is not None
        vector = embed_query(self.embedder, text)
        vector.setflags(write=False)  # shared by every search of the same text
        return vector

    def search(
        self,
        query: str,
        k: int = 5,
        mode: Mode = "hybrid",
        offset: int = 0,
        *,
        filters: Filters | None = None,
        auto_filter: bool = False,
        pins: bool = False,
    ) -> Answer:
        """One page of passages answering `query`: ranks offset+1 … offset+k.

        `filters` restricts both candidate lists to some speeches before fusion; with `auto_filter` a
        speaker or date the question names (and the library has) is added to it (`Answer.filters` says
        what was applied and what was detected). A filter that allows nothing gives unfiltered results,
        with `Answer.filters.fallback` set. With `pins`, a question close to a pinned one gets the pinned
        passage first (`Hit.pinned`). The front ends turn both on; evaluation leaves them off.
        """
        started = time.perf_counter()
        query = normalise_query(query)
        text = unicodedata.normalize("NFKC", query)  # full-width letters and digits match half-width ones
        want = offset + k
        pool = max(self.config.candidates, want * 2)
        report, allowed, stripped = self._restrict(text, filters or Filters(), auto_filter)
        strip = self.config.strip_filter_words
        dense_text = stripped if strip == "both" and stripped else text
        lexical_text = stripped if strip in ("lexical", "both") and stripped else text
        dense: list[tuple[int, float]] = []
        lexical: list[tuple[int, float]] = []
        if mode in ("hybrid", "dense") and self.embedder is not None:
            dense = self.index.vectors.search(self.query_vector(dense_text), pool, allowed)
        if mode in ("hybrid", "lexical"):
            lexical = self.index.lexical.search(lexical_text, pool, allowed)
        if mode == "dense":
            fused = dense
        elif mode == "lexical":
            fused = lexical
        elif self.config.fusion == "rrf":
            fused = rrf([dense, lexical])
        else:
            weights = [self.config.dense_weight, 1 - self.config.dense_weight]
            fused = weighted([dense, lexical], weights)

        terms = tuple(query_terms(text))
        pinned = self._pinned(text, terms, allowed) if pins and self.embedder is not None else None
        dense_of, lexical_of = dict(dense), dict(lexical)
        kept: list[tuple[PassageRecord, float]] = []
        seen: list[set[str]] = []
        if pinned is not None:
            kept.append((pinned, 1.0))
            seen.append(bigrams(pinned.text))
            fused = [(doc, score) for doc, score in fused if doc != pinned.id]
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

        evidence = Evidence(
            terms=terms,
            idf=self.index.lexical.idf,
            top_text=lexical_input(kept[0][0].text, kept[0][0].section) if kept else "",
        )
        answered = pinned is not None or (bool(kept) and self.abstain.answered(evidence))
        hits = tuple(
            Hit(
                rank=rank,
                score=round(score, 6),
                passage=record,
                dense=dense_of.get(record.id),
                lexical=lexical_of.get(record.id),
                highlights=highlight_spans(record.text, terms),
                pinned=pinned is not None and record.id == pinned.id,
            )
            for rank, (record, score) in enumerate(kept[offset:want], start=offset + 1)
        )
        return Answer(
            query=query,
            answered=answered,
            hits=hits,
            terms=terms,
            mode=mode,
            offset=offset,
            has_more=len(kept) > want,
            latency_ms=(time.perf_counter() - started) * 1000,
            filters=report,
        )

    def facets(self) -> Facets:
        """The speakers and dates of the library's speeches (re-read when the store changes)."""
        revision = self.store.revision
        if self._facets is None or self._facets[0] != revision:
            self._facets = (revision, Facets.of(self.store.speeches()))
        return self._facets[1]

    def _restrict(
        self, text: str, given: Filters, auto: bool
    ) -> tuple[FilterReport | None, np.ndarray | None, str | None]:
        """The filter report, the passage ids a search may return (None: all of them), and the question
        without the words that named the detected filter (None when nothing was detected and applied)."""
        detected = detect_filters(text, self.facets()) if auto else None
        applied = given.fill(detected.filters if detected else Filters())
        if not applied:
            return None, None, None
        speech_ids = [s.id for s in self.store.speeches() if speech_matches(s, applied)]
        allowed = self.store.passage_ids_of(speech_ids)
        report = FilterReport(applied, applied.minus(given), len(allowed), fallback=len(allowed) == 0)
        if report.fallback:
            return report, None, None
        stripped = detected.strip(text) if detected is not None and report.detected else None
        return report, allowed, stripped or None

    def pin_matcher(self) -> PinMatcher:
        """The library's usable pins (re-read when a pin or the store changes)."""
        assert self.embedder is not None
        signature = (self.store.pins_signature(), self.store.revision)
        if self._pins is None or self._pins[0] != signature:
            self._pins = (signature, PinMatcher.load(self.store, self.embedder))
        return self._pins[1]

    def _pinned(self, text: str, terms: tuple[str, ...], allowed: np.ndarray | None) -> PassageRecord | None:
        matcher = self.pin_matcher()
        if not matcher.states:
            return None
        inside = None if allowed is None else set(allowed.tolist())
        found = matcher.match(
            self.query_vector(text),
            terms,
            self.index.lexical.idf,
            self.pin_rule,
            None if inside is None else inside.__contains__,
        )
        return None if found is None else found.state.passage


def normalise_query(query: str) -> str:
    """Validate and tidy a question: control and format characters out, white space collapsed."""
    query = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in query)
    query = " ".join(query.split())
    if not query:
        raise EmptyQuery("问题是空的，请输入要查询的内容。")
    if len(query) > MAX_QUERY_CHARS:
        raise QueryTooLong(f"问题太长（{len(query)} 字），请控制在 {MAX_QUERY_CHARS} 字以内。")
    return query
