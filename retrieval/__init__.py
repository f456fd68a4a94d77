"""Answer a query: dense + lexical search, fusion, abstain decision, de-duplication, highlights."""

from .abstain import AbstainRule, Evidence, coverage
from .attribution import UNKNOWN_SPEAKER, attribution, attribution_row
from .compiled import load as load_compiled_scoring
from .confidence import (
    FEATURES,
    KNOWN_FEATURES,
    LEVELS,
    RULES,
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
from .export import answer_docx, citation
from .filters import Facets, FilterReport, Filters, InvalidFilter, detect_filters, parse_date_bound
from .followup import follow_up
from .fusion import min_max, rrf, weighted
from .highlight import highlight_spans, mark
from .pins import (
    PIN_FEATURES,
    PairFeatures,
    PinDecision,
    PinJudge,
    PinMatch,
    PinMatcher,
    PinModel,
    PinRule,
    compare_questions,
    embed_as_text,
    load_pin_judge,
    question_overlap,
)
from .ranker import FEATURES as RANKER_FEATURES
from .ranker import Ranker, load_ranker, parse_ranker
from .records import Answer, Hit, PinOffer
from .retriever import MAX_QUERY_CHARS, MODES, Mode, Retriever, RetrieverConfig, normalise_query
from .sentence import AnswerSentence, WeightedTerm, answer_sentence, split_sentences
from .service import (
    CANCELLED,
    Added,
    Restored,
    ServiceOptions,
    SpeechService,
    check_read_only_home,
    index_size,
    prepare_many_searches,
)
from .smalltalk import (
    MORE_WORDS,
    PREVIOUS_WORDS,
    SmallTalk,
    asks_for_more,
    asks_for_previous,
    pasted_link,
    small_talk,
)
from .smalltalk import REPLIES as SMALL_TALK_REPLIES
from .typos import Typo, typo_note
from .vocabulary import INTERROGATIVE, Lexicon, Thesaurus, bundled_lexicon, bundled_thesaurus, question_words

__all__ = [
    "CANCELLED",
    "FEATURES",
    "INTERROGATIVE",
    "KNOWN_FEATURES",
    "LEVELS",
    "MAX_QUERY_CHARS",
    "MODES",
    "MORE_WORDS",
    "PIN_FEATURES",
    "PREVIOUS_WORDS",
    "RANKER_FEATURES",
    "RULES",
    "SMALL_TALK_REPLIES",
    "UNKNOWN_SPEAKER",
    "AbstainRule",
    "Added",
    "Answer",
    "AnswerSentence",
    "Confidence",
    "ConfidenceModel",
    "CoverageRule",
    "EmptyQuery",
    "Evidence",
    "Facets",
    "FilterReport",
    "Filters",
    "Hit",
    "InvalidFilter",
    "Level",
    "Lexicon",
    "Mode",
    "PairFeatures",
    "PinDecision",
    "PinJudge",
    "PinMatch",
    "PinMatcher",
    "PinModel",
    "PinOffer",
    "PinRule",
    "QueryError",
    "QueryTooLong",
    "Ranker",
    "Restored",
    "Retriever",
    "RetrieverConfig",
    "ServiceOptions",
    "Signals",
    "SmallTalk",
    "SpeechService",
    "Thesaurus",
    "Typo",
    "WeightedTerm",
    "answer_docx",
    "answer_sentence",
    "asks_for_more",
    "asks_for_previous",
    "attribution",
    "attribution_row",
    "bigrams",
    "bundled_lexicon",
    "bundled_thesaurus",
    "check_read_only_home",
    "citation",
    "compare_questions",
    "coverage",
    "detect_filters",
    "embed_as_text",
    "follow_up",
    "gather_signals",
    "highlight_spans",
    "index_size",
    "load_compiled_scoring",
    "load_judge",
    "load_pin_judge",
    "load_ranker",
    "mark",
    "min_max",
    "normalise_query",
    "overlap",
    "parse_date_bound",
    "parse_ranker",
    "pasted_link",
    "prepare_many_searches",
    "question_overlap",
    "question_words",
    "rrf",
    "small_talk",
    "split_sentences",
    "typo_note",
    "weighted",
]
