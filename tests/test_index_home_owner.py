"""A data home moved to another machine user (a new server, a service under its own account) is read-only to
that user until it is handed over: the line names the owner and the command (docs/trial41.md, item 4).

Before: 「数据目录是只读的：/srv/speechqa」 alone, for a folder on a writable disk — the IT person looks for a
read-only mount that is not there. The process runs as another uid for real (setuid after importing)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from index.store import read_only_message

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
