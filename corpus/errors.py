"""Errors of the corpus layer, worded for the people who add files."""

from __future__ import annotations


class CorpusError(Exception):
    """Base class: a file could not be turned into speeches. The message is for end users."""


class UnsupportedFormat(CorpusError):
    pass


class UnreadableFile(CorpusError):
    pass


class EmptyDocument(CorpusError):
    pass
