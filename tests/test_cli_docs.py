"""Every command of `speechqa` documents itself with an example (as sqlite-utils' tests/test_docs.py):
「示例：」 in the staff's commands, "Example:" in the measuring ones."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from cli import cli, load_commands
from cli.help import short_help, summary_line
from cli.main import COMMAND_MODULES, SUMMARIES


def command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths = []
    for name, command in sorted(group.commands.items()):
        paths.append((*prefix, name))
        if isinstance(command, click.Group):
            paths.extend(command_paths(command, (*prefix, name)))
    return paths


load_commands()  # each command's module is imported only when the command is used: all of them here
COMMANDS = [(), *command_paths(cli)]


EXAMPLES = re.compile(r"示例|Examples?")


def resolve(path: tuple[str, ...]) -> click.Command:
    command: click.Command = cli
    for name in path:
        assert isinstance(command, click.Group)
        command = command.commands[name]
    return command


def test_every_command_is_listed_for_lazy_loading_with_its_summary() -> None:
    commands = load_commands()
    assert set(COMMAND_MODULES) == set(SUMMARIES) == set(commands)
    for name, command in commands.items():
        for width in (20, 50, 200):
            assert summary_line(SUMMARIES[name], width) == short_help(command, width), name


def test_the_commands_users_rely_on_are_registered() -> None:
    assert {"ask", "add", "rebuild", "speeches", "show", "remove", "repl", "eval", "bench"} <= set(
        cli.commands
    )


@pytest.mark.parametrize("path", COMMANDS, ids=lambda path: " ".join(("speechqa", *path)))
def test_every_command_has_help_with_an_example(path: tuple[str, ...]) -> None:
    command = resolve(path)
    assert command.help, f"speechqa {' '.join(path)} has no help text"
    assert EXAMPLES.search(command.help), f"speechqa {' '.join(path)} has no example in its help"


@pytest.mark.parametrize("path", COMMANDS, ids=lambda path: " ".join(("speechqa", *path)))
def test_every_example_names_its_command(path: tuple[str, ...]) -> None:
    command = resolve(path)
    assert command.help is not None
    examples = EXAMPLES.split(command.help, maxsplit=1)[1]
    assert f"speechqa {' '.join(path)}".strip() in examples


@pytest.mark.parametrize("path", COMMANDS, ids=lambda path: " ".join(("speechqa", *path)))
def test_help_option_shows_the_example(path: tuple[str, ...], tmp_path: Path) -> None:
    env = {"SPEECHQA_HOME": str(tmp_path), "SPEECHQA_TOKENIZER": None, "SPEECHQA_TOP_K": None}
    result = CliRunner().invoke(cli, [*path, "--help"], env=env)
    assert result.exit_code == 0, result.output
    assert EXAMPLES.search(result.output)
    assert f"speechqa {' '.join(path)}".strip() in result.output


@pytest.mark.parametrize(
    "path", [(), ("ask",), ("synonyms",)], ids=lambda path: " ".join(("speechqa", *path))
)
def test_help_is_framed_in_chinese(path: tuple[str, ...], tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, [*path, "--help"], env={"SPEECHQA_HOME": str(tmp_path)}, prog_name="speechqa"
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("用法：speechqa") and "选项：" in result.output
    assert "显示本帮助并退出。" in result.output and "示例：" in result.output
    for english in ("Usage:", "Options:", "Commands:", "Show this message", "[default:"):
        assert english not in result.output
    if path != ("ask",):
        assert "命令：" in result.output


def test_the_version_option_is_described_in_chinese(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--help"], env={"SPEECHQA_HOME": str(tmp_path)})
    assert "--version" in result.output and "显示版本并退出。" in result.output


def test_chinese_help_wraps_by_columns_without_stray_spaces_or_leading_punctuation() -> None:
    from cli.help import display_width, wrap_paragraphs

    text = "问题中提到库里已有的讲话人或某一年份时，只在相应讲话中检索（结果中显示「仅限：…」）；\n加 --no-auto-filter 可关闭。"
    lines = wrap_paragraphs(text, 40, "  ").splitlines()
    assert "".join(line.strip() for line in lines) == text.replace("\n", " ").replace("； 加", "；加")
    assert all(display_width(line) <= 40 for line in lines)
    assert not any(line.strip()[0] in "，。；）」" for line in lines)


ROOT = Path(__file__).parent.parent
PRODUCT = ("corpus", "index", "retrieval", "bot", "cli")


def test_every_environment_variable_the_product_reads_is_in_the_readme() -> None:
    """The README is the one place a setting is looked up: a variable read in the code but missing there
    is a setting nobody can find (bench/ is left out: its variables are set by the benchmarks themselves)."""
    read: set[str] = set()
    for package in PRODUCT:
        for path in (ROOT / package).rglob("*.py"):
            source = path.read_text(encoding="utf-8")
            read.update(re.findall(r"""environ(?:\.get)?\(\s*["']([A-Z][A-Z0-9_]+)["']""", source))
            read.update(re.findall(r"""environ\[\s*["']([A-Z][A-Z0-9_]+)["']\s*\]""", source))
            read.update(re.findall(r"""env(?:\.get)?\(\s*["']([A-Z][A-Z0-9_]+)["']""", source))
            read.update(re.findall(r"""env\[\s*["']([A-Z][A-Z0-9_]+)["']\s*\]""", source))
            read.update(re.findall(r"""_(?:int|ids|url)\(\s*env,\s*["']([A-Z][A-Z0-9_]+)["']""", source))
    assert {
        "SPEECHQA_HOME",
        "SPEECHQA_MODEL",
        "TELEGRAM_BOT_TOKEN",
        "HF_HUB_OFFLINE",
    } <= read  # the scan works
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert sorted(name for name in read if not re.search(rf"`\$?{name}\b", readme)) == []
