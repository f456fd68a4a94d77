"""The user's seed speeches, shipped unmodified inside the package."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def bundled_corpus_files() -> list[Path]:
    folder = Path(str(files("corpus") / "data"))
    return sorted(folder.glob("*.txt"))
