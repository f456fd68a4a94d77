"""Near-duplicate passages: the character-bigram overlap a lower hit is dropped by."""

from __future__ import annotations


def bigrams(text: str) -> set[str]:
    """The set of character bigrams of `text` (the text itself when it is one character or empty)."""
    return {text[i : i + 2] for i in range(len(text) - 1)} or {text}


def overlap(a: set[str], b: set[str]) -> float:
    """Share of the smaller bigram set found in the other (1.0: one text repeats the other)."""
    return len(a & b) / max(1, min(len(a), len(b)))
