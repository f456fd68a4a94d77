"""Checks on read text shared by the document tests: white space left out, sentences in order, each once."""

from __future__ import annotations

import re


def squeeze(text: str) -> str:
    """The text without white space (readers may break or join lines anywhere)."""
    return re.sub(r"\s+", "", text)


def assert_in_order_once(passages: list[str], wanted: list[str]) -> None:
    """Every wanted sentence stands in the passages exactly once, in the order given."""
    flat = squeeze("".join(passages))
    position = 0
    for sentence in wanted:
        assert flat.count(squeeze(sentence)) == 1, sentence
        assert flat.find(squeeze(sentence)) >= position, sentence
        position = flat.find(squeeze(sentence))
