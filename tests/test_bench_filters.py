"""bench.filters: the bundled speeches with a speaker and a date each, and the filter table (fake embedder)."""

from __future__ import annotations

from pathlib import Path

from bench.filters import METADATA, filtered_questions, filters_library, filters_report
from index import DEFAULT_TOKENIZER
from retrieval import Retriever

from .fakes import FakeEmbedder


def test_each_bundled_speech_gets_its_speaker_and_date_and_the_table_has_every_variant(
    tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    library = filters_library(tmp_path / "home", fake_embedder, DEFAULT_TOKENIZER)
    assert [(s.speaker, s.date) for s in library.store.speeches()] == list(METADATA)
    questions = filtered_questions()[::16]
    assert questions and all(1 <= n <= len(METADATA) for _, n in questions)
    table = filters_report(library, fake_embedder, questions)
    assert "| as written | no filter |" in table
    for form in ("speaker", "year", "speaker+year"):
        for variant in ("words only, no filter", "filter, words kept", "filter, words out of lexical query"):
            assert f"| {form} named | {variant} |" in table
    retriever = Retriever(library.store, library.load(fake_embedder.key), fake_embedder)
    answer = retriever.search("李明华同志讲话中，老干部工作", auto_filter=True)
    assert answer.filters is not None and {h.passage.speaker for h in answer.hits} == {"李明华"}
    library.close()
