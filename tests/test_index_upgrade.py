"""Opening a library an older speechqa wrote: migrations run once and all or nothing (a kill -9 in the middle
of any of them loses nothing), a database or backup of a newer speechqa is refused untouched, and an index an
older speechqa built is rebuilt with a line saying why and how long. The data homes are those older releases
wrote (tests/fixtures/old-libraries, made by tests/fixtures/make_old_libraries.py); no model is needed."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import sqlite_utils

from index import BackupError, Library, Staleness, Store, StoreTooNew
from index.maintenance import restore_database
from index.store import MIGRATIONS

from .fakes import FakeEmbedder

OLD = Path(__file__).parent / "fixtures" / "old-libraries"
OLDEST = OLD / "041d1aa.zip"  # migrations 001-003: every later one runs on opening
ROOT = Path(__file__).resolve().parent.parent


def unpack(archive: Path, into: Path) -> Path:
    with zipfile.ZipFile(archive) as z:
        z.extractall(into)
    return into / "home"


def made(archive: Path) -> dict[str, object]:
    with zipfile.ZipFile(archive) as z:
        return json.loads(z.read("made.json"))


def content(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row a user's library holds, table by table (what an upgrade must keep)."""
    conn = sqlite3.connect(db)
    try:
        tables = [
            name
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            if name in ("speeches", "passages", "embeddings", "queries", "feedback", "corrections", "pins")
        ]
        rows = {}
        for table in tables:
            columns = [c[1] for c in conn.execute(f"PRAGMA table_info({table})")]
            # the columns the oldest release had, compared as they were
            keep = [
                c for c in columns if c in ("id", "title", "text", "query", "value", "question", "vector")
            ]
            rows[table] = conn.execute(
                f"SELECT {', '.join(keep) or 'rowid'} FROM {table} ORDER BY rowid"
            ).fetchall()
        return rows
    finally:
        conn.close()


def schema(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    return conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_migration_changes_nothing_when_its_transaction_is_rolled_back(tmp_path: Path) -> None:
    """A migration must stay inside the transaction its record is written in: one that commits on its own
    (sqlite3's `executescript` does; 001-003 used sqlite-utils' one, which passes to it under sqlite-utils 3)
    would leave its tables without its record after a kill -9, and the next opening would fail on them.
    Checked for every migration, on a database at the step before it."""
    conn = sqlite3.connect(tmp_path / "m.db", isolation_level=None)
    db = sqlite_utils.Database(conn)
    for name, apply in MIGRATIONS:
        before = schema(conn)
        conn.execute("BEGIN")
        apply(db)
        assert conn.in_transaction, f"{name} committed on its own"
        conn.execute("ROLLBACK")
        assert schema(conn) == before, name
        conn.execute("BEGIN")
        apply(db)
        conn.execute("COMMIT")


CHILD = """
import sys, time
from pathlib import Path
import index.store as store
def pausing(name, apply):
    def run(db):
        apply(db)
        print("applied " + name, flush=True)  # inside its transaction, its record not yet written
        time.sleep(60)
    return run
store.MIGRATIONS[:] = [(n, pausing(n, a) if n == sys.argv[2] else a) for n, a in store.MIGRATIONS]
store.Store(Path(sys.argv[1]))
"""


def test_a_kill_9_in_the_middle_of_each_migration_loses_nothing_and_the_library_opens(tmp_path: Path) -> None:
    """The oldest library (001-003) opened by processes killed with SIGKILL inside each migration it lacks,
    one after another on the same file (each process applies the migration the previous one was killed in,
    then is killed in the next): after every kill only the migrations before it are on record and the
    database is whole; each migration killed once runs again cleanly; the last opening leaves each
    migration applied exactly once, with every speech, passage, vector, question and vote kept."""
    home = unpack(OLDEST, tmp_path)
    db = home / "speechqa.db"
    kept = content(db)
    names = [name for name, _ in MIGRATIONS]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for name in names[3:]:
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(db), name], env=env, stdout=subprocess.PIPE, text=True
        )
        assert child.stdout is not None
        line = child.stdout.readline().strip()
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert line == f"applied {name}"  # the one killed before it ran again to the end
        conn = sqlite3.connect(db)
        try:
            assert [n for (n,) in conn.execute("SELECT name FROM _migrations ORDER BY rowid")] == names[
                : names.index(name)
            ]
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    store = Store(db)
    try:
        assert store.applied_migrations() == names
        assert store.upgraded == names[-1:]
    finally:
        store.close()
    after = content(db)
    for table, rows in kept.items():
        assert after[table] == rows, table
    assert kept["speeches"] and kept["queries"] and kept["embeddings"]


def newer(db: Path) -> None:
    """What a newer speechqa leaves in a database: a migration this one does not have, and its table."""
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("CREATE TABLE future_things (id INTEGER PRIMARY KEY)")
        conn.execute("INSERT INTO _migrations (name, applied_at) VALUES ('099_future_things', '2027-06-01')")
    conn.close()


def test_a_database_of_a_newer_speechqa_is_refused_in_one_line_and_left_as_it_was(
    seed_home_copy: Path,
) -> None:
    db = seed_home_copy / "speechqa.db"
    newer(db)
    before = {p.name: digest(p) for p in seed_home_copy.rglob("*") if p.is_file()}
    with pytest.raises(StoreTooNew) as refused:
        Library(seed_home_copy)
    message = str(refused.value)
    assert "\n" not in message and "更新版本的 speechqa" in message and "099_future_things" in message
    assert str(db) in message
    assert {p.name: digest(p) for p in seed_home_copy.rglob("*") if p.is_file()} == before


def test_a_backup_of_a_newer_speechqa_is_refused_before_anything_is_replaced(
    seed_home_copy: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "from-the-future.db"
    shutil.copy(seed_home_copy / "speechqa.db", backup)
    newer(backup)
    store = Store(seed_home_copy / "speechqa.db")
    try:
        revision, speeches = store.revision, [s.title for s in store.speeches()]
        with pytest.raises(BackupError) as refused:
            restore_database(store, backup, tmp_path / "saved.db")
        assert "更新版本的 speechqa" in str(refused.value) and "099_future_things" in str(refused.value)
        assert "\n" not in str(refused.value)
        assert not (tmp_path / "saved.db").exists()  # refused before the live library was even saved
        assert store.revision == revision and [s.title for s in store.speeches()] == speeches
    finally:
        store.close()


@pytest.fixture
def seed_home_copy(tmp_path: Path) -> Path:
    """A small library of today's code (FakeEmbedder vectors), built and indexed."""
    home = tmp_path / "home"
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "讲话.txt").write_text(
        "关于老年大学办学工作的讲话\n同志们：\n老年大学要坚持办学方向，开设书法、绘画等课程。\n",
        encoding="utf-8",
    )
    library = Library(home)
    try:
        library.add_paths([folder], FakeEmbedder())
    finally:
        library.close()
    return home


def test_an_index_an_older_speechqa_built_is_stale_and_the_reason_and_work_are_told(tmp_path: Path) -> None:
    """The oldest library's index (built before the lexical side read titles) must be rebuilt: `staleness`
    says why and counts the work (the vectors of its passages are cached under the old library's model)."""
    library = Library(unpack(OLDEST, tmp_path))
    try:
        manifest = library.manifest()
        assert manifest is not None
        staleness = library.staleness(manifest.model)
        assert staleness is not None and staleness.reason == "older"
        assert staleness.passages == manifest.count and staleness.to_embed == 0
        line = staleness.describe()
        assert "旧版 speechqa" in line and f"{manifest.count} 段" in line and "不必重新计算" in line
        assert "预计几秒钟" in line and "\n" not in line
        # with another model every vector is to be computed, and the estimate grows with them
        other = library.staleness("another-model")
        assert other is not None and other.to_embed == manifest.count and "要计算向量" in other.describe()
        library.build(FakeEmbedder())
        assert library.staleness(FakeEmbedder().key) is None
    finally:
        library.close()


def test_the_estimate_is_said_in_seconds_then_minutes() -> None:
    assert "预计几秒钟" in Staleness("behind", 100, 0).describe()
    assert "预计约 14 秒" in Staleness("missing", 0, 100).describe()
    assert "预计约 24 分钟" in Staleness("older", 10_000, 10_000).describe()
    assert "补建" in Staleness("behind", 1, 0).describe()


def test_said_ahead_of_the_build_the_line_names_the_command_that_builds_it_and_the_same_estimate() -> None:
    for reason in ("missing", "behind", "older"):
        ahead = Staleness(reason, 10_000, 10_000).describe_ahead()
        assert "会先自动重建" in ahead and "预计约 24 分钟" in ahead and "speechqa rebuild" in ahead
        assert "正在" not in ahead  # nothing is being built while it is said


def test_an_index_tokenised_by_an_older_tokenizer_is_stale(seed_home_copy: Path) -> None:
    """A question is tokenised by today's tokenizer: an index whose words were cut by another version of it
    (its code, dictionary or jieba changed) is rebuilt, not searched with words it does not hold."""
    library = Library(seed_home_copy)
    try:
        assert library.staleness(FakeEmbedder().key) is None
        folder = seed_home_copy / "index" / library.generation()  # type: ignore[operator]
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        manifest["tokenizer_version"] = "0123456789abcdef"
        (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        staleness = library.staleness(FakeEmbedder().key)
        assert staleness is not None and staleness.reason == "older"
    finally:
        library.close()
