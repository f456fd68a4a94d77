"""What speechqa makes for a library is its user's alone (index/private.py): a data home it creates is 0700, a
backup it writes 0600 and the backups/ folder 0700, whatever the umask; a folder that is already there keeps the
permissions its owner gave it. A library holds every question staff asked and who asked: on a shared server any
other account could read a 0755 home and a 0644 backup."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import Result

from index import Library, backup_database

Run = Callable[..., Result]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o000, 0o002, 0o022, 0o027, 0o077], ids=lambda m: f"umask{m:03o}")
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    before = os.umask(request.param)
    yield request.param
    os.umask(before)


def test_a_home_speechqa_creates_is_its_users_alone(tmp_path: Path, umask: int) -> None:
    home = tmp_path / "new" / "home"
    Library(home).close()
    assert mode(home) == 0o700  # the gate: what SQLite and FAISS write inside need not be closed one by one


def test_a_home_that_is_there_keeps_its_permissions(tmp_path: Path) -> None:
    home = tmp_path / "shared-with-a-group"
    home.mkdir()
    home.chmod(0o2770)  # an office sharing the library with a group on purpose
    Library(home).close()
    assert mode(home) == 0o2770


def test_a_backup_is_its_owners_alone(tmp_path: Path, umask: int) -> None:
    library = Library(tmp_path / "home")
    try:
        target = tmp_path / "备份.db"
        backup_database(library.store, target)
    finally:
        library.close()
    assert mode(target) == 0o600
    assert not list(tmp_path.glob(".*.partial"))


def test_a_partial_backup_an_interrupted_run_left_is_replaced(tmp_path: Path) -> None:
    library = Library(tmp_path / "home")
    left = tmp_path / ".备份.db.partial"
    left.write_bytes(b"half a backup")
    left.chmod(0o644)
    try:
        backup_database(library.store, tmp_path / "备份.db")
    finally:
        library.close()
    assert mode(tmp_path / "备份.db") == 0o600
    assert not left.exists()


def test_backup_and_restore_from_the_command_line_write_private_files(
    run: Run, tmp_path: Path, seed_home: Path, umask: int
) -> None:
    saved = tmp_path / "speechqa-备份.db"
    assert run("backup", str(saved)).exit_code == 0
    assert mode(saved) == 0o600
    restored = run("restore", "--yes", str(saved))
    assert restored.exit_code == 0, restored.output
    (before,) = (seed_home / "backups").glob("before-restore-*.db")
    assert mode(before) == 0o600
    assert mode(seed_home / "backups") == 0o700
