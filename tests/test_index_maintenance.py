"""index.maintenance: recovering a damaged database, on a real SQLite file damaged page by page."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from index import BackupError, Library, Store, recover_database
from index.store import MIGRATIONS

from .fakes import FakeEmbedder

HEALTH = """关于离休干部医疗保障的讲话
（2024年4月1日）
同志们：
要落实好离休干部每年一次体检的规定，千方百计为离休干部看病治疗提供更多的方便。
医疗费用要按规定及时报销，不得拖欠。
"""

PAGE = 4096


def library_home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    source = tmp_path / "医疗.txt"
    source.write_text(HEALTH, encoding="utf-8")
    library = Library(home)
    try:
        library.add_paths([source], embedder=FakeEmbedder())
    finally:
        library.close()
    return home


def damage_table(db_path: Path, *tables: str) -> None:
    """Overwrite the root page of each named table or index with garbage (after a checkpoint, so the
    damage is in the file itself)."""
    with sqlite3.connect(db_path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        roots = [
            db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [t]).fetchone()[0] for t in tables
        ]
    db.close()
    data = bytearray(db_path.read_bytes())
    for root in roots:
        data[(root - 1) * PAGE : root * PAGE] = b"\x5a" * PAGE
    db_path.write_bytes(bytes(data))


def schema(db_path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db_path) as db:
        rows = db.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
        ).fetchall()
    db.close()
    return rows


def speech_titles(db_path: Path) -> list[str]:
    with sqlite3.connect(db_path) as db:
        return [row[0] for row in db.execute("SELECT title FROM speeches ORDER BY id")]


def test_recover_keeps_the_library_when_the_record_of_its_migrations_is_lost(tmp_path: Path) -> None:
    home = library_home(tmp_path)
    db_path = home / "speechqa.db"
    damage_table(db_path, "_migrations", "sqlite_autoindex__migrations_1")

    report = recover_database(home)

    assert report.kept.get("speeches") == 1 and report.kept.get("passages") == report.before.get("passages")
    store = Store(db_path)  # opens without running a migration again on the tables it made
    try:
        assert store.pending_migrations() == []
    finally:
        store.close()
    assert speech_titles(db_path) == ["关于离休干部医疗保障的讲话"]


def test_recover_applies_the_migrations_the_damaged_database_had_not_had_yet(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    db_path = home / "speechqa.db"
    db = sqlite_utils.Database(db_path)  # a database as the release before the last migration left it
    db.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for name, apply in MIGRATIONS[:-1]:
        apply(db)
        db.execute("INSERT INTO _migrations VALUES (?, '2024-01-01T00:00:00')", [name])
    db.conn.commit()
    db.close()
    damage_table(db_path, "_migrations", "sqlite_autoindex__migrations_1")

    recover_database(home)

    store = Store(db_path)
    try:
        assert store.pending_migrations() == []
    finally:
        store.close()
    Store(tmp_path / "fresh.db").close()
    assert schema(db_path) == schema(tmp_path / "fresh.db")  # the last migration applied, not recorded blind


def test_recover_of_a_database_whose_table_list_is_unreadable_sets_it_aside_and_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = library_home(tmp_path)
    db_path = home / "speechqa.db"
    with sqlite3.connect(db_path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(db_path.read_bytes())
    data[100:PAGE] = b"\x5a" * (PAGE - 100)  # page 1 past the file header: the table list (sqlite_master)
    db_path.write_bytes(bytes(data))
    monkeypatch.setenv("PATH", str(tmp_path / "no-tools"))  # the row-by-row copy, not a sqlite3 shell's

    with pytest.raises(BackupError, match="无法抢救") as raised:  # was sqlite3's own error, as a traceback
        recover_database(home)

    message = str(raised.value)
    assert "speechqa restore" in message and "speechqa add --bundled" in message
    (kept,) = home.glob("speechqa.db.damaged-*[0-9]")
    assert str(kept) in message and kept.read_bytes() == bytes(data)
    assert not db_path.exists() and not list(home.glob(".recovered-*"))
    store = Store(db_path)  # a new, empty database: restore and add work again
    try:
        assert store.speeches() == []
    finally:
        store.close()


def test_recover_goes_on_when_the_index_ids_file_is_cut_to_nothing(tmp_path: Path) -> None:
    """A database and an index damaged together (a disk failing, a copy cut short): numpy reads an empty
    ids.npy as EOFError, which escaped `indexed_passage_ids`, and click took it for the end of input —
    `speechqa recover` said 「已取消，没有做任何改动。」 and recovered nothing. The lost passages are then not
    counted against the index, and the recovery goes on."""
    home = library_home(tmp_path)
    (generation,) = (home / "index").glob("gen-*")
    (generation / "lexical" / "ids.npy").write_bytes(b"")
    damage_table(home / "speechqa.db", "queries")
    report = recover_database(home)
    assert speech_titles(home / "speechqa.db") == ["关于离休干部医疗保障的讲话"]
    assert report.lost_passages is None  # (the index could not say which passages it held)
