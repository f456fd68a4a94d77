"""A library holds every question staff asked, who asked it (unless ids are hashed) and the whole corpus: what
speechqa makes for it is its user's alone. A data home it creates is 0700, a folder it creates inside one
(backups/) too, and a backup file it writes is 0600 — whatever the umask says beyond that. A folder that is
already there keeps the permissions its owner gave it (an office may share a home with a group on purpose)."""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


def make_private_folder(path: Path) -> None:
    """`path` as a folder: made 0700 when it is not there (parents made as the system makes them)."""
    path.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)


def create_private_file(path: Path) -> None:
    """A new, empty file at `path` that only its owner may read or write; FileExistsError if one is there."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
