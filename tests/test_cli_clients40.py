"""`speechqa` as a script calls it (session 40): a malformed command line under `--json` gives the one JSON
object a script reads on stdout, in a C locale and piped, as every other error of `ask --json` does. The
real command as its own process; no index is needed (the command line is refused before anything loads)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .test_cli_terminals import sq

pytestmark = pytest.mark.slow

MALFORMED = (
    ("ask", "--json", "--bogus", "离休干部体检规定是什么？"),  # an option this speechqa has not
    ("ask", "--json", "-k", "abc", "离休干部体检规定是什么？"),  # a value of the wrong kind
    ("ask", "--json", "离休干部体检规定是什么？", "-k"),  # an option without its value
    ("ask", "--json", "--mode", "fuzzy", "离休干部体检规定是什么？"),
    ("context", "--json", "abc"),
    ("asq", "--json", "离休干部体检规定是什么？"),  # a mistyped command
)


@pytest.mark.parametrize("args", MALFORMED, ids=[" ".join(a[:3]) for a in MALFORMED])
def test_a_malformed_command_line_under_json_prints_one_json_error_object(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    """It printed the Chinese line on stderr and nothing on stdout: a script parsing stdout failed on an
    empty document. Run as a script runs it: LANG=C, PYTHONIOENCODING unset, stdout a pipe."""
    done = sq(tmp_path, *args, env={"LANG": "C"})
    assert done.returncode == 1
    document = json.loads(done.stdout.decode("utf-8"))  # one object, UTF-8, nothing else on stdout
    error = done.stderr.decode("utf-8").strip()
    assert error.startswith("用法错误：") and "\n" not in error and "Traceback" not in error
    assert document["error"] == error and "\x1b" not in done.stdout.decode()
    if args[0] == "ask":  # the shape of ask's other errors, a --batch error line's
        assert document == {"query": "", "answered": False, "results": [], "error": error}


def test_without_json_or_with_batch_a_malformed_command_line_prints_nothing_on_stdout(tmp_path: Path) -> None:
    """Text callers get the one line on stderr as before; `--batch`'s JSON Lines hold one line per question,
    so a run that could not start says so on stderr only (as a library with no speech does)."""
    for args in (("ask", "--bogus", "问题"), ("ask", "--json", "--batch", "-", "-k", "abc")):
        done = sq(tmp_path, *args, env={"LANG": "C"}, stdin=b"")
        assert done.returncode == 1 and done.stdout == b""
        assert done.stderr.decode("utf-8").startswith("用法错误：")


@pytest.mark.parametrize("args", [("context", "--json", "54"), ("pins", "--json"), ("stats", "--json")])
def test_another_commands_error_under_json_prints_one_json_error_object(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    """`context --json`, `pins --json` and `stats --json` that cannot answer (here: a data home that is a file; for
    `context` also a passage id no passage has) printed the line on stderr alone, as `ask --json` no longer does."""
    home = tmp_path / "home"
    home.write_text("")
    done = sq(home, *args, env={"LANG": "C"})
    error = done.stderr.decode("utf-8").strip()
    assert done.returncode == 1 and error.startswith("错误：数据目录不是文件夹")
    assert json.loads(done.stdout.decode("utf-8")) == {"error": error.removeprefix("错误：")}
