"""Answer a query: dense + lexical search, fusion, abstain decision, de-duplication, highlights."""

from .abstain import AbstainRule, Evidence, coverage
from .confidence import (
    FEATURES,
    LEVELS,
    Confidence,
    ConfidenceModel,
    CoverageRule,
    Level,
    Signals,
    gather_signals,
    load_judge,
)
from .dedupe import bigrams, overlap
from .errors import EmptyQuery, QueryError, QueryTooLong
from .fusion import min_max, rrf, weighted
from .highlight import highlight_spans, mark
from .records import Answer, Hit
from .retriever import MAX_QUERY_CHARS, MODES, Mode, Retriever, RetrieverConfig, normalise_query
from .service import ServiceOptions, SpeechService
from .smalltalk import REPLIES as SMALL_TALK_REPLIES
from .smalltalk import SmallTalk, small_talk

__all__ = [
    "FEATURES",
    "LEVELS",
    "MAX_QUERY_CHARS",
    "MODES",
    "SMALL_TALK_REPLIES",
    "AbstainRule",
    "Answer",
    "Confidence",
    "ConfidenceModel",
    "CoverageRule",
    "EmptyQuery",
    "Evidence",
    "Hit",
    "Level",
    "Mode",
    "QueryError",
    "QueryTooLong",
    "Retriever",
    "RetrieverConfig",
    "ServiceOptions",
    "Signals",
    "SmallTalk",
    "SpeechService",
    "bigrams",
    "coverage",
    "gather_signals",
    "highlight_spans",
    "load_judge",
    "mark",
    "min_max",
    "normalise_query",
    "overlap",
    "rrf",
    "small_talk",
    "weighted",
]
