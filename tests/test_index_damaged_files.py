"""A damaged index file — deleted, cut to nothing or in half, zeroed, JSON of another shape — is one Chinese line
from `health` and `ask` (exit 1, never 「内部出错」 or a misleading line), and `speechqa rebuild`, which that
line names, mends every one of them. Files a build only reuses (the term counts) may be damaged without a word:
the next build tokenises again.

Found by damaging each file of a real index (review 39): JSON of another shape in bm25s's files and a CURRENT
that is not text ended in 「内部出错」; a .npy cut to nothing said 「已取消，没有做任何改动。」 (numpy's EOFError, taken
by click for the end of input); and a damaged manifest.json or CURRENT made `speechqa rebuild` refuse with the
very line that told the user to run it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cli import cli
from cli.main import TopGroup, confirm

HAN = re.compile(r"[\u4e00-\u9fff]")
DAMAGES: dict[str, Callable[[bytes], bytes | None]] = {
    "deleted": lambda data: None,
    "empty": lambda data: b"",
    "half": lambda data: data[: len(data) // 2],
    "zeros": lambda data: b"\0" * len(data),
    "json-list": lambda data: b"[]",
    "json-object": lambda data: b'{"a": 1}',
    "not-text": lambda data: b"\xff\xfe\x00",
}
# What the index folder of a generation holds (index/library.py, index/lexical.py), and CURRENT beside it
FILES = [
    "vectors.faiss",
    "manifest.json",
    "lexical/ids.npy",
    "lexical/params.index.json",
    "lexical/vocab.index.json",
    "lexical/data.csc.index.npy",
    "lexical/indices.csc.index.npy",
    "lexical/indptr.csc.index.npy",
    "lexical/counts.npz",
    "lexical/count_keys.npy",
    "lexical/terms.json",
    "CURRENT",
]
REUSED_ONLY = {"lexical/counts.npz", "lexical/count_keys.npy", "lexical/terms.json"}  # read by the next build


def speechqa(home: Path, *args: str) -> Result:
    result = CliRunner().invoke(cli, ["--home", str(home), *args], prog_name="speechqa")
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
    assert "内部出错" not in result.output and "Traceback" not in result.output, result.output
    return result


def damage(home: Path, name: str, how: str) -> None:
    index = home / "index"
    path = index / name if name == "CURRENT" else index / (index / "CURRENT").read_text().strip() / name
    assert path.is_file(), path  # (the list above is what an index holds)
    damaged = DAMAGES[how](path.read_bytes())
    if damaged is None:
        path.unlink()
    else:
        path.write_bytes(damaged)


def assert_one_line_or_fine(result: Result) -> None:
    if result.exit_code == 0:
        return
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and HAN.search(lines[0]) and "已取消" not in lines[0], result.stderr
    assert "speechqa rebuild" in lines[0], lines  # what to do about it


@pytest.mark.parametrize("how", list(DAMAGES))
@pytest.mark.parametrize("name", FILES)
def test_a_damaged_index_file_is_one_line_that_names_rebuild(seed_home: Path, name: str, how: str) -> None:
    damage(seed_home, name, how)
    checked = speechqa(seed_home, "health")
    assert_one_line_or_fine(checked)
    if name in REUSED_ONLY or (name == "lexical/vocab.index.json" and how == "json-object"):
        return  # (a vocabulary of other words loads: the search finds less, health cannot tell)
    if name == "CURRENT" and how == "deleted":  # no index at all: the next question builds it
        return
    assert checked.exit_code == 1, checked.output
    assert_one_line_or_fine(speechqa(seed_home, "ask", "--mode", "lexical", "离休干部体检"))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "how"),
    [
        ("manifest.json", "deleted"),
        ("manifest.json", "json-list"),
        ("CURRENT", "empty"),
        ("CURRENT", "not-text"),
        ("lexical/ids.npy", "empty"),
        ("lexical/params.index.json", "json-list"),
        ("lexical/vocab.index.json", "json-list"),
        ("vectors.faiss", "half"),
    ],
)
def test_rebuild_mends_what_health_names(seed_home: Path, name: str, how: str) -> None:
    damage(seed_home, name, how)
    assert speechqa(seed_home, "health").exit_code == 1
    rebuilt = speechqa(seed_home, "rebuild")
    assert rebuilt.exit_code == 0 and rebuilt.stdout.startswith("索引已重建"), rebuilt.output
    healthy = speechqa(seed_home, "health")
    assert healthy.exit_code == 0 and healthy.stdout.startswith("正常"), healthy.output
    assert "每年一次体检" in speechqa(seed_home, "ask", "离休干部体检规定是什么？").stdout


def test_an_eof_error_inside_a_command_is_no_cancelled_prompt() -> None:
    """click turns an EOFError leaving a command into Abort, as if a prompt had met the end of input, and the
    group said 「已取消，没有做任何改动。」 — for a file that ended early inside a layer (a damaged index's numpy,
    above), where nothing was asked. Such an EOFError is a defect now (「内部出错」 from `main()`), while a prompt
    left without an answer still says 已取消."""
    group = TopGroup(name="speechqa")

    @group.command()
    def reads() -> None:
        raise EOFError("a file ended early")

    @group.command()
    def asks() -> None:
        confirm("删除？", default=False)

    failed = CliRunner().invoke(group, ["reads"], prog_name="speechqa")
    assert isinstance(failed.exception, EOFError) and "已取消" not in failed.output
    asked = CliRunner().invoke(group, ["asks"], input="", prog_name="speechqa")
    assert asked.exit_code == 1 and asked.stderr.strip().endswith("已取消，没有做任何改动。"), asked.output
