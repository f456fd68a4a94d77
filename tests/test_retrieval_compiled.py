"""The compiled span scoring (retrieval/compiled.py) is the Python rule of retrieval/sentence.py, bit for bit:
the same coverage, proximity and per-word credit for any text and any weighted words, and the same
sentence chosen and scored. Checked as properties over texts drawn from a few characters (so words are
found, repeated, overlapping and found only in part) and against the Python rule itself."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval import compiled
from retrieval.sentence import (
    WeightedTerm,
    answer_sentence,
    best_sentence_score,
    passage_spans,
    span_scores,
    term_needles,
)
from retrieval.sentence_model import needle_credits
from retrieval.span_weights import PARTIAL_CREDIT

pytestmark = pytest.mark.skipif(not compiled.load(), reason="numba is not installed")

# few letters, so that words occur, repeat, overlap themselves (哈哈 in 哈哈哈) and occur only in part;
# İ lower-cases to two characters, Σ by context, 𠀀 is outside the basic plane
LETTERS = "老干部离休体检哈İΣ𠀀。，"
words = st.text(alphabet=LETTERS.replace("。", "").replace("，", ""), min_size=0, max_size=5)
terms = st.lists(
    st.builds(WeightedTerm, words, st.sampled_from([0.3, 1.0, 2.5, 4.75, -0.6])), min_size=0, max_size=7
)
texts = st.text(alphabet=LETTERS + "A", min_size=0, max_size=120)


@pytest.fixture(autouse=True)
def python_scoring_after() -> Iterator[None]:
    yield
    compiled.unload()


def python_and_compiled(read: object, *args: object) -> tuple[object, object]:
    compiled.unload()
    python = read(*args)  # type: ignore[operator]
    assert compiled.load()
    return python, read(*args)  # type: ignore[operator]


@settings(max_examples=400, deadline=None)
@given(st.lists(texts, min_size=1, max_size=4), terms)
def test_coverage_and_proximity_are_the_python_rules_to_the_last_bit(
    many: list[str], weighted: list[WeightedTerm]
) -> None:
    python, fast = python_and_compiled(span_scores, many, weighted)
    assert python == fast


@settings(max_examples=300, deadline=None)
@given(texts, terms)
def test_the_best_sentence_and_the_answer_sentence_are_the_same(
    text: str, weighted: list[WeightedTerm]
) -> None:
    for read in (best_sentence_score, answer_sentence):
        python, fast = python_and_compiled(read, text, weighted)
        assert python == fast


headings = st.text(alphabet=LETTERS + "A", min_size=0, max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(texts, headings, headings), min_size=0, max_size=5), terms)
def test_the_rankers_spans_of_many_candidates_read_in_one_call_are_each_candidates_own(
    candidates: list[tuple[str, str, str]], weighted: list[WeightedTerm]
) -> None:
    """`passage_spans` reads every candidate's heading, text, source and sentences in one compiled call:
    the same floats as reading each candidate alone, in Python or compiled."""
    python, fast = python_and_compiled(passage_spans, candidates, weighted)
    assert python == fast
    alone = [passage_spans([candidate], weighted)[0] for candidate in candidates]
    assert fast == alone
    compiled.unload()
    for (text, heading, source), read in zip(candidates, python, strict=True):
        (coverage, proximity), (section, _), (named, _) = span_scores(
            [f"{heading}\n{text}", heading, source], weighted
        )
        assert read == (coverage, proximity, section, named, best_sentence_score(text, weighted))


@settings(max_examples=300, deadline=None)
@given(texts, terms)
def test_each_words_credit_is_what_the_python_rule_counts(text: str, weighted: list[WeightedTerm]) -> None:
    lowered = text.lower()
    needles = term_needles(weighted)
    assert compiled.load()
    read = compiled.scores((lowered,), needles, 1.0)
    assert read is not None
    assert read.credit[0].tolist() == needle_credits(lowered, needles)[0]


def test_a_long_text_with_many_occurrences_is_windowed_as_in_python() -> None:
    """Over 32 occurrences the kernel sorts them another way (numpy's argsort, not insertion)."""
    text = ("离休干部体检，" * 40) + "离休干部的体检" + ("干部，" * 30)
    weighted = [WeightedTerm("离休", 2.0), WeightedTerm("体检", 3.0), WeightedTerm("干部", 1.0)]
    python, fast = python_and_compiled(span_scores, [text], weighted)
    assert python == fast
    assert python[0][0] == 1.0


def test_partial_credit_of_a_longer_word_found_in_part() -> None:
    compiled.unload()
    assert span_scores(["瓯海老干部局"], [WeightedTerm("瓯海区", 1.0)]) == [(PARTIAL_CREDIT * 0.5, 0.0)]
    assert compiled.load()
    assert span_scores(["瓯海老干部局"], [WeightedTerm("瓯海区", 1.0)]) == [(PARTIAL_CREDIT * 0.5, 0.0)]


def test_scoring_runs_in_python_until_loaded_and_after_unload() -> None:
    compiled.unload()
    assert not compiled.active()
    assert compiled.scores(("ab",), (("a", 1.0, None),), 1.0) is None
    assert compiled.load() and compiled.active()
    read = compiled.scores(("ab", ""), (("a", 1.0, None),), 1.0)
    assert read is not None
    assert read.coverage == [1.0, 0.0] and read.proximity == [1.0, 0.0] and read.lexical == [1.0, 0.0]


def test_a_damaged_cache_is_compiled_again(tmp_path: Path) -> None:
    """numba's cache cut short (an interrupted write, a full disk): the next start says so once, deletes it
    and compiles again, instead of scoring in Python from then on."""
    env = {**os.environ, "NUMBA_CACHE_DIR": str(tmp_path / "cache")}
    script = (
        "import logging, sys\nlogging.basicConfig(level=logging.INFO, stream=sys.stdout)\n"
        "from retrieval import compiled\nprint('loaded' if compiled.load() else 'python')"
    )

    def start() -> str:
        done = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=600, check=True
        )
        return done.stdout

    assert start().rstrip().endswith("loaded")
    cached = list((tmp_path / "cache").rglob("span_kernel.kernel-*.nbc"))
    assert cached
    for path in cached:
        path.write_bytes(path.read_bytes()[:100])
    again = start()
    assert "its cache could not be read" in again and again.rstrip().endswith("loaded")
    assert start().rstrip().endswith("loaded")
