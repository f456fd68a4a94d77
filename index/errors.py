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


class StoreTooNew(SpeechIndexError):
    """The database (or a backup) was written by a newer speechqa: it has migrations this one lacks."""


class ModelUnavailable(SpeechIndexError):
    pass


class WriterBusy(SpeechIndexError):
    pass


class BotRunning(SpeechIndexError):
    """A bot of the same token is already running on this data home (it holds bot-ID.lock)."""


class ReadOnlyHome(SpeechIndexError):
    """The data home (or its database) cannot be written: a read-only mount, volume or folder."""


class HomeFull(SpeechIndexError):
    """The disk holding the data home is full (or over quota): the change was not saved. `reason` is the
    message's first sentence, what is full, for a front end that says what else was kept."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason or message


class HomeUnusable(SpeechIndexError):
    """The data home is not a folder and cannot be made one (a file stands at its path or on the way)."""


class HomeOfAnotherUser(SpeechIndexError):
    """speechqa run as root on a data home another user (the service's) owns: what root would write there,
    that user could not delete or rewrite later."""


class InvalidSynonym(SpeechIndexError):
    pass
