"""The span scoring of retrieval/sentence.py compiled with numba: the same numbers, without per-character
Python work.

A search scores the question's weighted words in every sentence of ten candidate passages (the ranker's
best sentence) and of the hits shown (the answer sentence): ~100 sentences, each a few `str.find`s and,
where several words are found, the shortest window holding one of each. In Python that is ~1–2 ms a
search, most of what the issue-12 additions cost; here one call scores every sentence of a passage.

Exactly the Python rule (`sentence._coverage`, `sentence.proximity_of`), on the same lower-cased strings
(code points as uint32 arrays): the same finds, the same order of additions, the same sort of
occurrences, so every coverage and proximity is the same float (checked by tests/test_retrieval_compiled.py
as a property against the Python rule, and by tests/test_retrieval_same_results.py on whole searches).

numba is imported only by `load()`, which long-running front ends (the bot, the interactive query mode,
the benchmarks) call at start-up: importing it costs ~0.7 s, more than it saves in a one-shot
`speechqa ask`. Until then, or where numba cannot be imported, the Python rule runs.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import NamedTuple

import numpy as np

from .span_weights import PARTIAL_CREDIT, PROXIMITY_WEIGHT

log = logging.getLogger(__name__)

# The compiled kernel while span scoring runs compiled (after load()), else None: the Python rule runs.
_kernel: Callable[..., None] | None = None
_compiled: Callable[..., None] | None = None  # kept by unload(), for the next load()
_failed = False


def active() -> bool:
    """Whether span scoring runs compiled (after a successful `load()`)."""
    return _kernel is not None


def load() -> bool:
    """Import numba and compile (or read from numba's cache) the kernel, and score spans with it from now
    on; False, logged once, when numba is not there or fails. Idempotent. A damaged cache (an interrupted
    write, a disk error) is deleted and the kernel compiled again (~10–20 s)."""
    global _kernel, _compiled, _failed
    if _compiled is None and not _failed:
        started = time.monotonic()
        try:
            _kernel = _compile()
            try:  # the first call compiles or reads the cached machine code: now, not in a user's search
                scores(("ab",), (("a", 1.0, None),), 1.0)
            except Exception as e:
                if not _clear_cache():
                    raise
                log.warning("compiled span scoring: its cache could not be read (%s); compiling again", e)
                scores(("ab",), (("a", 1.0, None),), 1.0)
            _compiled = _kernel
            log.info("compiled span scoring ready in %.1f s", time.monotonic() - started)
        except Exception as e:  # ImportError, or numba failing on this platform: the Python rule is exact too
            log.warning("compiled span scoring unavailable (%s): scoring in Python", e)
            _kernel = None
            _failed = True
    _kernel = _compiled
    return _kernel is not None


def _clear_cache() -> bool:
    """Delete the kernel's files in numba's cache; whether there were any."""
    from . import span_kernel

    folder = Path(span_kernel.kernel.stats.cache_path)
    found = list(folder.glob("span_kernel.*.nb[ic]"))
    for path in found:
        path.unlink(missing_ok=True)
    return bool(found)


def unload() -> None:
    """Score spans in Python again (the results are the same; tests compare the two)."""
    global _kernel
    _kernel = None


class Spans(NamedTuple):
    """What the kernel read of each text: rows in the order of the texts."""

    coverage: list[float]  # sentence._coverage's share
    proximity: list[float]  # sentence.proximity_of
    lexical: list[float]  # sentence._lexical: the coverage, less where the words stand apart
    credit: np.ndarray  # per text and needle: 1.0 found whole, else PARTIAL_CREDIT × its bigrams' share found


def scores(
    lowered: tuple[str, ...],
    needles: tuple[tuple[str, float, frozenset[str] | None], ...],
    total: float,
    *,
    cache: bool = True,
) -> Spans | None:
    """The coverage and proximity of the needles (sentence.Needle) in each lower-cased text; None when the
    kernel is not loaded (or the needles do not fit its sort keys: the Python rule then). With `cache` the
    texts' code points are kept for the next call with the same texts (a passage's sentences recur from
    search to search; a batch of one search's candidates does not)."""
    if _kernel is None or (packed := _pack_needles(needles)) is None:
        return None
    out = np.empty((3, len(lowered)))
    credit = np.empty((len(lowered), len(needles)))
    texts = _pack_texts_cached(lowered) if cache else _pack_texts(lowered)
    _kernel(*texts, *packed, float(total), PARTIAL_CREDIT, PROXIMITY_WEIGHT, out, credit)
    coverage, proximity, lexical = out.tolist()
    return Spans(coverage, proximity, lexical, credit)


_FIELD = 1 << 16  # an occurrence sorts by start · 2³² + length · 2¹⁶ + which needle


def _codes(text: str) -> np.ndarray:
    # surrogatepass: a lone surrogate (never in a stored passage) is a code point like any other
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _pack_texts(lowered: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """The texts' code points end to end, and where each starts (the last entry: the end)."""
    return _codes("".join(lowered)), _bounds(map(len, lowered))


_pack_texts_cached = lru_cache(maxsize=4096)(_pack_texts)


@lru_cache(maxsize=1024)
def _pack_needles(
    needles: tuple[tuple[str, float, frozenset[str] | None], ...],
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
    """The needles' code points end to end with their bounds, their weights, and the bigrams of each
    (two code points each) with their bounds (none for a needle without bigrams); None when there are
    too many needles, or one too long, for the kernel's sort keys."""
    if len(needles) >= _FIELD or any(len(needle) >= _FIELD for needle, _, _ in needles):
        return None
    texts = [needle for needle, _, _ in needles]
    weights = np.array([weight for _, weight, _ in needles], dtype=np.float64)
    grams = [sorted(g) if g is not None else [] for _, _, g in needles]
    return (
        _codes("".join(texts)),
        _bounds(map(len, texts)),
        weights,
        _codes("".join(g for gs in grams for g in gs)),
        _bounds(map(len, grams)),
    )


def _bounds(lengths: Iterable[int]) -> np.ndarray:
    """Where each of the pieces of these lengths starts, end to end, and (last) where the last ends."""
    return np.array(list(accumulate(lengths, initial=0)), dtype=np.int64)


def _compile() -> Callable[..., None]:
    from . import span_kernel  # imports numba

    return span_kernel.kernel
