"""The README's worked examples hold on a fresh install of the bundled speeches (a user copies them):
the seed home is indexed as `speechqa` indexes it (tests/conftest.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from retrieval import Retriever

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_pin_example_names_the_passage_that_answers_its_question(seed_retriever: Retriever) -> None:
    found = re.search(r'`speechqa pin "([^"]+)" (\d+)`', README)
    assert found, "the README shows a pin example"
    question, passage_id = found.group(1), int(found.group(2))
    top = seed_retriever.search(question, k=1).hits[0]
    assert top.passage.id == passage_id
    assert "体检" in top.passage.text


@pytest.mark.slow
def test_the_json_example_shows_the_real_passage_and_position(seed_retriever: Retriever) -> None:
    query = re.search(r'\{"query": "([^"]+)"', README)
    passage = re.search(r'"passage_id": (\d+)', README)
    position = re.search(r'"position": (\d+)', README)
    assert query and passage and position
    top = seed_retriever.search(query.group(1), k=1, auto_filter=True).hits[0]
    # JSON counts positions from 1
    assert (top.passage.id, top.passage.position + 1) == (int(passage.group(1)), int(position.group(1)))


def test_the_context_button_example_names_that_passage() -> None:
    button = re.search(r"`上下文 1 → c:(\d+)`", README)
    pin = re.search(r'`speechqa pin "[^"]+" (\d+)`', README)
    assert button and pin and button.group(1) == pin.group(1)
