"""Answer a query: dense + lexical search, fusion, abstain decision, de-duplication, highlights."""

from .abstain import AbstainRule, Evidence
from .dedupe import bigrams, overlap
from .errors import EmptyQuery, QueryError, QueryTooLong
from .export import answer_docx, citation
from .filters import Facets, FilterReport, Filters, InvalidFilter, detect_filters, parse_date_bound
from .fusion import min_max, rrf, weighted
from .highlight import highlight_spans, mark
from .pins import PinMatch, PinMatcher, PinRule, question_overlap
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
    "Facets",
    "FilterReport",
    "Filters",
    "Hit",
    "InvalidFilter",
    "Mode",
    "PinMatch",
    "PinMatcher",
    "PinRule",
    "QueryError",
    "QueryTooLong",
    "Retriever",
    "RetrieverConfig",
    "ServiceOptions",
    "SpeechService",
    "answer_docx",
    "bigrams",
    "citation",
    "detect_filters",
    "highlight_spans",
    "mark",
    "min_max",
    "normalise_query",
    "overlap",
    "parse_date_bound",
    "question_overlap",
    "rrf",
    "weighted",
]
