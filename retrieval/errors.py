"""Errors of the retrieval layer, worded for end users."""

from __future__ import annotations


class QueryError(Exception):
    """A question that cannot be searched. The message is for end users."""


class EmptyQuery(QueryError):
    pass


class QueryTooLong(QueryError):
    pass
