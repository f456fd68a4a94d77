"""The large-file add benchmark: its generated speech and its step table (no timings asserted)."""

from __future__ import annotations

from bench.large import HashedEmbedder, generated_speech, step_table, time_large_add
from corpus import Document, check_conservation, chunk_speech, parse_document
from corpus.conservation import body_sentences
from index import DEFAULT_TOKENIZER


def test_generated_speech_is_one_speech_of_distinct_sentences_all_kept() -> None:
    text = generated_speech(60_000, seed=3)
    assert 60_000 <= len(text.encode()) < 90_000
    document = Document(name="汇编.txt", text=text, encoding="utf-8")
    sentences = body_sentences(document)
    assert len(sentences) == len(set(sentences)) > 200
    [speech] = parse_document(document)
    assert speech.date == "2024-12-30"
    report = check_conservation(document, [d.text for d in chunk_speech(speech)])
    assert report.ok and report.sentences == len(sentences)


def test_large_add_times_every_step_and_stores_the_passages() -> None:
    lines: list[str] = []
    [run] = time_large_add([0.03], HashedEmbedder(), DEFAULT_TOKENIZER, echo=lines.append)
    assert [line.split(": ")[1].split()[0] for line in lines] == [
        "read",
        "parse",
        "chunk",
        "conservation",
        "add",
    ]
    assert run.sentences > 50 and run.passages > 10
    assert run.add >= run.embedding > 0
    assert f"| {run.sentences} | {run.passages} |" in step_table([run])
