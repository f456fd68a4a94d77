"""What a search returns."""

from __future__ import annotations

from dataclasses import dataclass

from index import PassageRecord

from .filters import FilterReport


@dataclass(frozen=True)
class Hit:
    rank: int  # 1-based, across pages
    score: float  # the fused score the ranking is by
    passage: PassageRecord
    dense: float | None  # cosine similarity, when the dense side ran
    lexical: float | None  # BM25 score, when the lexical side found the passage
    highlights: tuple[tuple[int, int], ...]  # [start, end) spans of query words in passage.text
    pinned: bool = False  # the agreed answer pinned to this question (or one close to it), shown first
    # The passage holds enough of the question's information (the rule behind Answer.answered, applied
    # to this passage): where this ends, the results stop being worth paging through.
    relevant: bool = True


@dataclass(frozen=True)
class Answer:
    query: str
    answered: bool  # False: nothing in the corpus answers; hits are then only the nearest passages
    hits: tuple[Hit, ...]
    terms: tuple[str, ...]  # the query words that were highlighted
    mode: str
    offset: int
    has_more: bool  # a further page exists and starts with a relevant passage
    latency_ms: float
    filters: FilterReport | None = None  # what the search was restricted to; None when unfiltered
