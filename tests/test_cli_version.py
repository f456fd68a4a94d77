"""`speechqa --version` names the library format beside the release (docs/trial41.md): every release so far said
「speechqa 版本 0.1.0」, so an office could not tell which it runs, nor which release wrote a library that another
refuses as 「更新版本的 speechqa 写入的（本版不认识其中的升级 …）」."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

from click.testing import CliRunner

from cli import cli
from index import Store, library_format
from index.store import MIGRATIONS


def test_the_version_line_names_the_release_and_the_library_format() -> None:
    done = CliRunner().invoke(cli, ["--version"])
    assert done.exit_code == 0
    assert done.output == f"speechqa 版本 {version('speechqa')}（资料库格式 {MIGRATIONS[-1][0]}）\n"


def test_the_format_is_the_last_migration_a_library_made_by_this_version_holds(tmp_path: Path) -> None:
    store = Store(tmp_path / "speechqa.db")
    try:
        assert store.applied_migrations()[-1] == library_format()
    finally:
        store.close()
