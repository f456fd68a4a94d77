"""What a benchmark run reports as a one-line failure (a child process failed, an option is malformed)."""

from __future__ import annotations

from pathlib import Path


class BenchError(ValueError):
    """A benchmark could not run; the message says why."""


def require_paths(*paths: Path | None, folders: tuple[Path, ...] = ()) -> None:
    """Stop a script at once with one line (exit status 1), not a traceback nor work done on nothing,
    when a file or folder it reads does not exist: 「找不到：/path」 (None: an option not given). `folders`
    must also be folders (a data home, a checkout)."""
    for path in [*paths, *folders]:
        if path is not None and not path.exists():
            raise SystemExit(f"找不到：{path}")
    for path in folders:
        if not path.is_dir():
            raise SystemExit(f"不是文件夹：{path}")
