"""Near-duplicate passages: the character-bigram overlap a lower hit is dropped by."""

from __future__ import annotations

from collections.abc import Set

import numpy as np


def bigrams(text: str) -> set[int]:
    """The set of character bigrams of `text`, each as one integer (its first character's code point
    × 2³² + its second's: numbers are hashed and compared faster than strings); a text of one character
    or none stands for itself (−2 − its code point, or −1), as no bigram does."""
    if len(text) < 2:
        return {-2 - ord(text)} if text else {-1}
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)
    return set(((points[:-1] << 32) | points[1:]).tolist())


def overlap(a: Set[object], b: Set[object]) -> float:
    """Share of the smaller bigram set found in the other (1.0: one text repeats the other)."""
    return len(a & b) / max(1, min(len(a), len(b)))
