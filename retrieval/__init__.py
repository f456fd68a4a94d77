"""Answer a query: dense + lexical search, fusion, abstain decision, de-duplication, highlights."""

from .abstain import AbstainRule, Evidence
from .dedupe import bigrams, overlap
from .errors import EmptyQuery, QueryError, QueryTooLong
from .fusion import min_max, rrf, weighted
from .highlight import highlight_spans, mark
from .records import Answer, Hit
from .retriever import MAX_QUERY_CHARS, MODES, Mode, Retriever, RetrieverConfig, normalise_query
from .service import ServiceOptions, SpeechService

__all__ = [
    "MAX_QUERY_CHARS",
    "MODES",
    "AbstainRule",
    "Answer",
    "EmptyQuery",
    "Evidence",
    "Hit",
    "Mode",
    "QueryError",
    "QueryTooLong",
    "Retriever",
    "RetrieverConfig",
    "ServiceOptions",
    "SpeechService",
    "bigrams",
    "highlight_spans",
    "mark",
    "min_max",
    "normalise_query",
    "overlap",
    "rrf",
    "weighted",
]
