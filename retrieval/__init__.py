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
from .ranker import FEATURES as RANKER_FEATURES
from .ranker import Ranker, load_ranker, parse_ranker
from .records import Answer, Hit
from .retriever import MAX_QUERY_CHARS, MODES, Mode, Retriever, RetrieverConfig, normalise_query
from .sentence import AnswerSentence, WeightedTerm, answer_sentence, split_sentences
from .service import ServiceOptions, SpeechService
from .smalltalk import REPLIES as SMALL_TALK_REPLIES
from .smalltalk import SmallTalk, small_talk
from .vocabulary import Lexicon, bundled_lexicon, question_words

__all__ = [
    "FEATURES",
    "LEVELS",
    "MAX_QUERY_CHARS",
    "MODES",
    "RANKER_FEATURES",
    "SMALL_TALK_REPLIES",
    "AbstainRule",
    "Answer",
    "AnswerSentence",
    "Confidence",
    "ConfidenceModel",
    "CoverageRule",
    "EmptyQuery",
    "Evidence",
    "Hit",
    "Level",
    "Lexicon",
    "Mode",
    "QueryError",
    "QueryTooLong",
    "Ranker",
    "Retriever",
    "RetrieverConfig",
    "ServiceOptions",
    "Signals",
    "SmallTalk",
    "SpeechService",
    "WeightedTerm",
    "answer_sentence",
    "bigrams",
    "bundled_lexicon",
    "coverage",
    "gather_signals",
    "highlight_spans",
    "load_judge",
    "load_ranker",
    "mark",
    "min_max",
    "normalise_query",
    "overlap",
    "parse_ranker",
    "question_words",
    "rrf",
    "small_talk",
    "split_sentences",
    "weighted",
]
