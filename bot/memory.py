"""Bounded memories the bot keeps in the process: the newest entries of a mapping, the oldest forgotten."""

from __future__ import annotations

from collections import OrderedDict
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


def remember(memory: OrderedDict[K, V], key: K, value: V, size: int) -> None:
    """Keep `key` as the newest entry of `memory`, forgetting the oldest beyond `size`."""
    memory[key] = value
    memory.move_to_end(key)
    while len(memory) > size:
        memory.popitem(last=False)
