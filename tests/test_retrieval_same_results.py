"""The search returns exactly what it returned before it was made faster: the same hits in the same
order, with the same scores, answer sentences and confidence, for every dev question and a sample of CMRC
2018 questions (the reference is tests/fixtures/same_results, made by its script on the code before);
and the compiled span scoring (retrieval/compiled.py) returns bit for bit what the Python rule does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .fixtures.same_results.make_same_results import HERE, RESULTS, SAMPLE, all_results, read_gz

FLOAT_TOLERANCE = (
    1e-5  # far below any change of logic (a changed sentence or weight moves scores by 1e-3 or more)
)


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    return all_results(
        read_gz(HERE / SAMPLE), Path(tmp_path_factory.mktemp("same-results")), compiled_too=True
    )


def same(old: Any, new: Any) -> bool:
    """Equal, floats within FLOAT_TOLERANCE of each other: the last bits of a float32 cosine differ on
    another CPU (FAISS and BLAS pick their vector instructions by machine: seen here, up to 6e-8), and a
    score rounded to six decimals may then round the other way (1e-6); ids, order, texts and sentence
    offsets must be equal."""
    if isinstance(old, float) or isinstance(new, float):
        return (
            isinstance(old, (int, float))
            and isinstance(new, (int, float))
            and abs(old - new) <= FLOAT_TOLERANCE
        )
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(same(a, b) for a, b in zip(old, new, strict=True))
    if isinstance(old, dict) and isinstance(new, dict):
        return old.keys() == new.keys() and all(same(old[k], new[k]) for k in old)
    return bool(old == new)


def differences(before: list[dict[str, Any]], now: list[dict[str, Any]]) -> list[str]:
    """One line per search whose result changed, naming the question and what changed."""
    lines = []
    for old, new in zip(before, now, strict=True):
        changed = [key for key in old if not same(old[key], new.get(key))]
        if changed:
            lines.append(f"{old['q']} (from {old.get('offset', 0)}): {', '.join(changed)}")
    return lines


@pytest.mark.parametrize("scoring", ["", " compiled"], ids=["python", "compiled"])
@pytest.mark.parametrize("part", ["dev", "cmrc"])
def test_every_question_gets_the_same_hits_answer_sentences_and_confidence(
    part: str, scoring: str, results: dict[str, list[dict[str, Any]]]
) -> None:
    before = read_gz(HERE / RESULTS)[part]
    assert len(results[part + scoring]) == len(before)
    assert differences(before, results[part + scoring]) == []


@pytest.mark.parametrize("part", ["dev", "cmrc"])
def test_compiled_span_scoring_gives_every_search_the_very_same_floats(
    part: str, results: dict[str, list[dict[str, Any]]]
) -> None:
    python, compiled = results[part], results[part + " compiled"]
    assert [row for row, other in zip(python, compiled, strict=True) if row != other] == []
