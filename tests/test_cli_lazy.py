"""`speechqa --help` and `speechqa ask` import only what they use (cli/main.py `COMMAND_MODULES`): the
help imports none of the layers, asking never the measuring code (bench/), the bot or another command's
module. Each in a fresh interpreter, so that nothing another test imported counts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).parents[1]
# run the CLI as the console script does, then print which packages of ours and which heavy ones were imported
SCRIPT = """
import json, sys
from cli import main
{first}
try:
    main()
finally:
    names = {name.split(".")[0] for name in sys.modules} | {n for n in sys.modules if n.startswith("cli.")}
    print(json.dumps(sorted(names)), file=sys.stderr)
"""


def imported(
    args: list[str], home: Path, first: str = ""
) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    env = {
        **os.environ,
        "SPEECHQA_HOME": str(home),
        "HF_HUB_OFFLINE": "1",
        "PYTHONPATH": str(REPO),
        "COLUMNS": "80",
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT.replace("{first}", first), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return done, set(json.loads(done.stderr.strip().splitlines()[-1]))


def test_help_imports_none_of_the_layers_and_lists_every_command(tmp_path: Path) -> None:
    done, names = imported(["--help"], tmp_path / "home")
    assert done.returncode == 0
    assert not names & {"corpus", "index", "retrieval", "bench", "bot", "telegram", "numpy", "faiss", "docx"}
    assert not {n for n in names if n.startswith("cli.")} - {
        "cli.main",
        "cli.help",
        "cli.console",
    }  # console: the stdlib only
    # the same list as when every command is loaded and read from its own help
    loaded, _ = imported(
        ["--help"], tmp_path / "home", first="from cli import load_commands; load_commands()"
    )
    assert done.stdout == loaded.stdout


def test_asking_imports_neither_the_measuring_code_nor_the_bot(seed_home: Path) -> None:
    done, names = imported(["ask", "离休干部体检规定是什么", "--json"], seed_home)
    assert done.returncode == 0 and json.loads(done.stdout)["results"]
    assert "retrieval" in names  # it did search
    assert not names & {"bench", "bot", "telegram", "sklearn", "reportlab", "numba"}
    assert not {n for n in names if n.startswith("cli.")} - {
        "cli.main",
        "cli.help",
        "cli.console",
        "cli.ask",
        "cli.render",
        "cli.settings",
        "cli.follow",  # old passage ids followed (context), index only
    }
