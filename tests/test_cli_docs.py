"""Every command of `speechqa` documents itself with an example (as sqlite-utils' tests/test_docs.py)."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from cli import cli


def command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths = []
    for name, command in sorted(group.commands.items()):
        paths.append((*prefix, name))
        if isinstance(command, click.Group):
            paths.extend(command_paths(command, (*prefix, name)))
    return paths


COMMANDS = [(), *command_paths(cli)]


def resolve(path: tuple[str, ...]) -> click.Command:
    command: click.Command = cli
    for name in path:
        assert isinstance(command, click.Group)
        command = command.commands[name]
    return command


def test_the_commands_users_rely_on_are_registered() -> None:
    assert {"ask", "add", "rebuild", "speeches", "show", "remove", "repl", "eval", "bench"} <= set(
        cli.commands
    )


@pytest.mark.parametrize("path", COMMANDS, ids=lambda path: " ".join(("speechqa", *path)))
def test_every_command_has_help_with_an_example(path: tuple[str, ...]) -> None:
    command = resolve(path)
    assert command.help, f"speechqa {' '.join(path)} has no help text"
    assert "Example" in command.help, f"speechqa {' '.join(path)} has no example in its help"


@pytest.mark.parametrize("path", COMMANDS, ids=lambda path: " ".join(("speechqa", *path)))
def test_every_example_names_its_command(path: tuple[str, ...]) -> None:
    command = resolve(path)
    assert command.help is not None
    examples = command.help.split("Example", 1)[1]
    assert f"speechqa {' '.join(path)}".strip() in examples


@pytest.mark.parametrize("path", COMMANDS, ids=lambda path: " ".join(("speechqa", *path)))
def test_help_option_shows_the_example(path: tuple[str, ...], tmp_path: Path) -> None:
    env = {"SPEECHQA_HOME": str(tmp_path), "SPEECHQA_TOKENIZER": None, "SPEECHQA_TOP_K": None}
    result = CliRunner().invoke(cli, [*path, "--help"], env=env)
    assert result.exit_code == 0, result.output
    assert "Example" in result.output
