"""A data home moved to another machine user (a new server, a service under its own account) is read-only to
that user until it is handed over: the line names the owner and the command (docs/trial41.md, item 4).

Before: 「数据目录是只读的：/srv/speechqa」 alone, for a folder on a writable disk — the IT person looks for a
read-only mount that is not there. The process runs as another uid for real (setuid after importing)."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from index.store import read_only_message, unreadable_message

OWNER, RUNNER = 65534, 65533  # nobody, and a uid with no name here (as a home copied from another machine)
SAY = (
    "import os, sys; from pathlib import Path; from index.store import read_only_message; "
    "os.setgid({uid}); os.setuid({uid}); print(read_only_message(Path(sys.argv[1])))"
)


@pytest.fixture
def others_home() -> Iterator[Path]:
    """A data home with a database, owned by OWNER, in a folder every user may pass through."""
    folder = Path(tempfile.mkdtemp(prefix="speechqa-owner-", dir="/tmp"))
    os.chmod(folder, 0o755)
    home = folder / "lib"
    home.mkdir(mode=0o755)
    (home / "speechqa.db").write_bytes(b"")
    for path in (home, home / "speechqa.db"):
        os.chown(path, OWNER, OWNER)
    yield home
    shutil.rmtree(folder)


def said_as(uid: int, home: Path) -> str:
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "-c", SAY.format(uid=uid), str(home)],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to run a process as two other users")
def test_a_home_owned_by_another_user_is_named_with_how_to_hand_it_over(others_home: Path) -> None:
    said = said_as(RUNNER, others_home)
    assert said.startswith(f"数据目录是只读的：{others_home}（它属于用户 nobody")
    assert f"speechqa 以用户 {RUNNER} 运行" in said
    assert f"chown -R {RUNNER} {others_home}" in said


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to run a process as another user")
def test_the_owner_running_gets_the_plain_line(others_home: Path) -> None:
    assert said_as(OWNER, others_home) == f"数据目录是只读的：{others_home}"


def test_a_home_of_ones_own_gets_the_plain_line(tmp_path: Path) -> None:
    assert read_only_message(tmp_path) == f"数据目录是只读的：{tmp_path}"


# The command line as another user, on a home that user may not read: everything it imports is imported before
# the switch (the interpreter's own files may lie under a home the other user cannot enter).
SPEECHQA_AS = (
    "import os, sys, signal, encodings.idna, pwd, sqlite3; sys.argv = ['speechqa', *sys.argv[1:]]; "
    "from cli import main; import cli.main, cli.library, index.library, index.store, retrieval; "
    "os.setgid({uid}); os.setuid({uid}); sys.exit(main())"
)


def speechqa_as(uid: int, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    root = Path(__file__).resolve().parent.parent
    return subprocess.run(
        [sys.executable, "-c", SPEECHQA_AS.format(uid=uid), *args],
        cwd="/tmp",
        env={**os.environ, "PYTHONPATH": str(root), "SPEECHQA_HOME": str(home), "HF_HUB_OFFLINE": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to run a process as two other users")
@pytest.mark.parametrize("closed", ["the folder", "the database"])
@pytest.mark.parametrize("command", [("health",), ("speeches",), ("ask", "离休干部体检规定是什么？")])
def test_a_home_another_user_keeps_private_is_named_with_its_owner(
    others_home: Path, closed: str, command: tuple[str, ...]
) -> None:
    """A home speechqa made (0700) opened by a service under another account: before, 「speechqa 内部出错」 on the
    first file read under it (the database's stat); a readable folder with a closed database said 「只读」."""
    (others_home / "speechqa.db").chmod(0o600)
    if closed == "the folder":
        others_home.chmod(0o700)
    done = speechqa_as(RUNNER, others_home, *command)
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip() == (
        f"错误：无法打开数据目录：{others_home}（它属于用户 nobody，只有这个用户能读取，speechqa 以用户 {RUNNER} 运行："
        f"请以用户 nobody 运行 speechqa，或把资料库交给用户 {RUNNER}，如 chown -R {RUNNER} {others_home}）"
    )
    assert "Traceback" not in done.stdout + done.stderr


def test_a_home_of_ones_own_that_one_may_not_read_says_so(tmp_path: Path) -> None:
    assert unreadable_message(tmp_path) == (
        f"无法打开数据目录：{tmp_path}（没有读取它的权限：请让它的属主运行 speechqa，或 chmod u+rwx {tmp_path}）"
    )


# ops60: root running speechqa on the service's data home. An `add` as root left a new index folder (~1 MB) that
# the service's user could not delete at its next rebuild (and a root-owned CURRENT); a `restore` a database it
# could not write. Root is now refused before anything is written, told which user to run as.


def speechqa_as_root(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    root = Path(__file__).resolve().parent.parent
    return subprocess.run(
        [sys.executable, "-c", "import sys; from cli import main; sys.exit(main())", *args],
        cwd="/tmp",
        env={**os.environ, "PYTHONPATH": str(root), "SPEECHQA_HOME": str(home), "HF_HUB_OFFLINE": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )


def _listing(home: Path) -> list[tuple[str, int, int, int]]:
    return sorted(
        (str(p.relative_to(home)), p.stat().st_uid, p.stat().st_size, p.stat().st_mtime_ns)
        for p in home.rglob("*")
    )


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root: root running on another user's home")
@pytest.mark.parametrize(
    "args",
    [("add", "SPEECH"), ("rebuild",), ("ask", "离休干部体检"), ("restore", "BACKUP", "--yes")],
)
def test_root_on_the_service_users_home_is_one_line_naming_the_user_and_writes_nothing(
    seed_home: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    speech = tmp_path / "讲话.txt"
    speech.write_text(
        "在老干部工作会议上的讲话\n同志们：\n要落实好离休干部每年一次体检的规定。\n", encoding="utf-8"
    )
    backup = tmp_path / "backup.db"
    shutil.copy(seed_home / "speechqa.db", backup)
    os.chmod(seed_home.parent, 0o755)
    for path in (seed_home, *seed_home.rglob("*")):
        os.chown(path, OWNER, OWNER)
    before = _listing(seed_home)
    done = speechqa_as_root(
        seed_home, *(str(speech) if a == "SPEECH" else str(backup) if a == "BACKUP" else a for a in args)
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.strip() == (
        f"错误：数据目录 {seed_home} 属于用户 nobody，speechqa 却以 root 运行：root 在里面建的文件（新的索引、恢复的资料库）"
        "用户 nobody 以后不能删除或改写。请以这个用户运行，如 runuser -u nobody -- speechqa …（环境变量照旧）；什么都没有改动"
    )
    assert _listing(seed_home) == before  # nothing written, nothing of root's left


def _contents(home: Path) -> dict[str, tuple[int, int, str]]:
    """Every file and folder of a home: its owner, mode and (a file) the digest of its bytes."""
    return {
        str(p.relative_to(home)): (
            p.stat().st_uid,
            p.stat().st_mode,
            hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "",
        )
        for p in home.rglob("*")
    }


def _handed_to_nobody(home: Path) -> None:
    os.chmod(home.parent, 0o755)
    for path in (home, *home.rglob("*")):
        os.chown(path, OWNER, OWNER)


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root: root checking another user's home")
def test_root_checks_the_service_users_home_with_health_and_writes_nothing(seed_home: Path) -> None:
    """`health` only reads: root may run it on the service's home (a monitoring check run as root). The database
    is opened read-only and the index loaded: no file made, changed, touched or given another owner. Before
    (ops60), it was refused as the writing commands are."""
    _handed_to_nobody(seed_home)
    before, contents = _listing(seed_home), _contents(seed_home)
    done = speechqa_as_root(seed_home, "health")
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and done.stdout.startswith("正常：") and done.stdout.count("\n") == 1, (
        done.stdout
    )
    assert "只读" not in done.stdout  # root could write there: the home is not said read-only
    assert _listing(seed_home) == before and _contents(seed_home) == contents
    # the writing commands are still refused (test above); the service's own user still runs health as before
    assert "属于用户 nobody" in speechqa_as_root(seed_home, "add", str(seed_home / "speechqa.db")).stderr


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root: root checking another user's home")
def test_roots_health_check_reads_what_a_running_writer_has_not_checkpointed(seed_home: Path) -> None:
    """The service keeps the database open: commits wait in its write-ahead log. Root's read-only check reads them
    through the shared-memory file the service made (not the database file alone, which would say an old state),
    and makes no file of its own: here a commit that moves the library past its index is seen, said, exit 1."""
    _handed_to_nobody(seed_home)
    writer = sqlite3.connect(seed_home / "speechqa.db")
    try:
        writer.execute("PRAGMA journal_mode=WAL")
        writer.execute("PRAGMA wal_autocheckpoint=0")
        writer.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'")
        writer.commit()
        for made in ("speechqa.db-wal", "speechqa.db-shm"):  # the service's files, as its user made them
            os.chown(seed_home / made, OWNER, OWNER)
        assert (seed_home / "speechqa.db-wal").stat().st_size > 0
        names = {p: p.stat().st_uid for p in seed_home.rglob("*")}
        database = (seed_home / "speechqa.db").read_bytes()
        done = speechqa_as_root(seed_home, "health")
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        assert "索引" in done.stderr and done.stderr.count("\n") == 1, done.stderr
        assert {p: p.stat().st_uid for p in seed_home.rglob("*")} == names  # no file made, no owner changed
        assert (seed_home / "speechqa.db").read_bytes() == database
    finally:
        writer.close()


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root")
def test_root_on_a_home_of_its_own_or_a_new_one_runs_as_before(seed_home: Path, tmp_path: Path) -> None:
    assert speechqa_as_root(seed_home, "health").returncode == 0
    new = tmp_path / "new"  # not there: root makes it, and it is root's
    from index.store import root_on_others_home

    assert root_on_others_home(new) is None and root_on_others_home(seed_home) is None
