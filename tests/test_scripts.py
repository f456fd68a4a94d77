"""Every script under scripts/ answers `--help` with its usage and exits 0 without doing its work: nothing
is written, in the checkout or in the folder it is run from. The scripts run side by side (each loads its
imports, a few seconds on a busy machine)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = sorted([*(ROOT / "scripts").glob("*.py"), *(ROOT / "scripts").glob("*.sh")])


@dataclass(frozen=True)
class Answer:
    returncode: int
    stdout: str
    stderr: str
    left_behind: list[str]  # what the run wrote in the folder it ran from, or in its data home


def _status() -> str:
    """What git sees changed in the checkout ('' outside one)."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        return ""
    return subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"], cwd=ROOT, capture_output=True, text=True
    ).stdout


@pytest.fixture(scope="module")
def answers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Answer]]:
    """Every script run with `--help` at once, each in an empty folder with an empty data home; the
    checkout's state is checked around them all."""
    before = _status()
    running = {}
    for script in SCRIPTS:
        tmp = tmp_path_factory.mktemp(script.stem)
        (tmp / "cwd").mkdir()
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "SPEECHQA_HOME": str(tmp / "home"),
            "HF_HUB_OFFLINE": "1",
        }
        command = [sys.executable if script.suffix == ".py" else "bash", str(script), "--help"]
        process = subprocess.Popen(
            command, cwd=tmp / "cwd", env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        running[script.name] = (process, tmp)
    found = {}
    for name, (process, tmp) in running.items():
        out, err = process.communicate(timeout=600)
        left = [str(p.relative_to(tmp)) for p in (tmp / "cwd").iterdir()] + (
            ["home"] if (tmp / "home").exists() else []
        )
        found[name] = Answer(process.returncode, out, err, left)
    assert _status() == before  # nothing in the checkout written or changed
    yield found


def test_the_scripts_are_found() -> None:
    assert {"compare_pin_features.py", "eval_all_sets.sh"} <= {s.name for s in SCRIPTS}


@pytest.mark.parametrize("script", [s.name for s in SCRIPTS])
def test_script_answers_help_with_its_usage_and_does_nothing_else(
    script: str, answers: dict[str, Answer]
) -> None:
    answer = answers[script]
    assert answer.returncode == 0, answer.stderr
    assert script in answer.stdout  # its usage names it: argparse's `usage: NAME …`, or the docstring's
    assert answer.left_behind == []
