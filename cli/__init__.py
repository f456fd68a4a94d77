"""The command-line front end: `speechqa …`.

Each command's module is imported when the command runs or its help is asked for (cli/main.py
`COMMAND_MODULES`): `speechqa ask` never imports the measuring code (bench/), the bot or the commands it
does not run."""

import os as _os
import signal as _signal
import sys as _sys


def _stopped_while_starting(signum: int, frame: object) -> None:
    """Ctrl-C while speechqa's own modules load (its first tenth of a second): one line, exit 130, not a
    KeyboardInterrupt traceback from inside an import. Nothing has been opened yet."""
    _sys.stderr.write("已中断。\n")
    _sys.stderr.flush()
    _os._exit(130)


# Only while this package imports (the console script calls main() right after): Python's own handler
# is put back below, so a program importing cli (the tests) keeps its Ctrl-C. Left alone where Ctrl-C is
# ignored (a job started in the background by a script).
_previous = _signal.getsignal(_signal.SIGINT)
_starting = _previous is _signal.default_int_handler
if _starting:
    _signal.signal(_signal.SIGINT, _stopped_while_starting)
try:
    from .main import cli, load_commands, main
finally:
    if _starting:
        _signal.signal(_signal.SIGINT, _previous)

__all__ = ["cli", "load_commands", "main"]
