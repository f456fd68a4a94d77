"""One script for matching: text is compared in simplified Chinese, whatever script it was written in.

`to_simplified` converts traditional characters and phrases to simplified ones with OpenCC (t2s) and
keeps the text's length, so a position in the converted text is the same position in the original:
users see the original, highlights found in the converted text mark the right characters of it.
"""

from __future__ import annotations

import threading
from functools import cache, lru_cache
from typing import Any

SCRIPT_FOLD = "opencc-t2s"  # named in the tokenizer fingerprint: changing it re-tokenises libraries
_lock = threading.Lock()


@cache
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def script_fold_version() -> str:
    """What converts the script (for fingerprints): the conversion and the OpenCC version."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{SCRIPT_FOLD} {version('opencc')}"
    except PackageNotFoundError:
        return SCRIPT_FOLD


def to_simplified(text: str) -> str:
    """The text in simplified characters, the same length as `text` (character i ↔ character i)."""
    if text.isascii():
        return text
    return _to_simplified(text)


@lru_cache(maxsize=8192)  # a search simplifies the same passages for its ranker, answer sentences, marks
def _to_simplified(text: str) -> str:
    with _lock:
        converted = str(_converter().convert(text))
        if len(converted) == len(text):
            return converted
        # A phrase mapped to a different length: convert character by character, keeping any that would not stay one.
        singles = [str(_converter().convert(ch)) for ch in text]
    return "".join(s if len(s) == 1 else ch for s, ch in zip(singles, text, strict=True))
