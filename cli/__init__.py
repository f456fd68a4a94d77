"""The command-line front end: `speechqa …`.

Each command's module is imported when the command runs or its help is asked for (cli/main.py
`COMMAND_MODULES`): `speechqa ask` never imports the measuring code (bench/), the bot or the commands it
does not run."""

from .main import cli, load_commands, main

__all__ = ["cli", "load_commands", "main"]
