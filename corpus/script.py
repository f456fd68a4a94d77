"""One script for matching: text is compared in simplified Chinese, whatever script it was written in.

`to_simplified` converts traditional characters and phrases to simplified ones with OpenCC and keeps the
text's length, so a position in the converted text is the same position in the original: users see the
original, highlights found in the converted text mark the right characters of it. The conversion is hk2s,
t2s after Hong Kong's variant characters are read as OpenCC's traditional ones (衞 → 衛 → 卫; t2s keeps 衞).
Spellings it keeps but that simplified text writes otherwise are then folded to the usual form
(`VARIANTS`: 「甚麼」, Hong Kong's and Taiwan's common spelling of 什么, is 「甚么」 after it), so every
reader of the simplified language (question words, answer kinds, stop words) reads them as their usual form.
"""

from __future__ import annotations

import re
import threading
from functools import cache, lru_cache
from typing import Any

# Spellings hk2s leaves that simplified text writes otherwise, each the same length as its usual form.
VARIANTS: dict[str, str] = {"甚么": "什么"}
# Named in the tokenizer fingerprint: changing it (or VARIANTS) re-tokenises libraries at their next build.
SCRIPT_FOLD = "opencc-hk2s+" + ",".join(f"{k}={v}" for k, v in sorted(VARIANTS.items()))
_VARIANT = re.compile("|".join(sorted(map(re.escape, VARIANTS), key=len, reverse=True)))
_lock = threading.Lock()


@cache
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("hk2s")


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
        if len(converted) != len(text):
            # A phrase mapped to a different length: convert character by character, keeping any that would not stay one.
            singles = [str(_converter().convert(ch)) for ch in text]
            converted = "".join(s if len(s) == 1 else ch for s, ch in zip(singles, text, strict=True))
    return _VARIANT.sub(lambda m: VARIANTS[m.group()], converted)
