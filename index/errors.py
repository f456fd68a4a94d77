"""Errors of the index layer, worded for end users (each says what to do)."""

from __future__ import annotations


class SpeechIndexError(Exception):
    """Base class for index problems. The message is for end users."""


class IndexNotBuilt(SpeechIndexError):
    pass


class IndexMismatch(SpeechIndexError):
    pass


class IndexCorrupt(SpeechIndexError):
    pass


class StoreCorrupt(SpeechIndexError):
    pass


class ModelUnavailable(SpeechIndexError):
    pass


class WriterBusy(SpeechIndexError):
    pass


class InvalidSynonym(SpeechIndexError):
    pass
