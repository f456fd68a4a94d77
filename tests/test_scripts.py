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


# Each script that reads a file or folder named on its command line, with that path pointing nowhere
# (MISSING is replaced by a path that does not exist).
MISSING = "MISSING"
BAD_PATHS: dict[str, list[str]] = {
    "time_stats.py": [MISSING],
    "tidy63_figures.py": [MISSING],
    "period_check.py": [MISSING, MISSING],
    "question_forms_check.py": [MISSING, MISSING],
    "interrogative_moves.py": [MISSING],
    "compare_confidence_models.py": [MISSING, MISSING],
    "compare_parses.py": [MISSING, MISSING],
    "structure-before.py": ["HEAD", MISSING],
    "check_same_results.py": ["compare", MISSING, MISSING],
    "latency_against.py": [MISSING],
    "extra_cost.py": ["--code", MISSING],
    "derive_question_words.py": ["--questions", MISSING],
    "fit_sentence_model.py": ["--fit", MISSING, "--dry-run"],
    "probe_sentence_dense.py": ["--cmrc", MISSING],
    "collect_sentence_cases.py": ["--cmrc", MISSING, "--out", "out.jsonl"],
    "fit_ranker.py": ["--cmrc", MISSING, "--out", "ranker.json"],
    "compare_rankers.py": ["--cmrc", MISSING],
    "ranker_ship_rule.py": [MISSING],
    "check-dockerfile.sh": [MISSING],
    "blind_confidence.py": ["compare", MISSING, MISSING, MISSING],
    "relayed_moves.py": [MISSING],
    "asks38_moves.py": [MISSING],
    "rank39_misses.py": [MISSING, "out.jsonl"],
    "judge_halves.py": [MISSING],
    "num57_reach.py": [MISSING, "out.jsonl"],
    "asks47_reach.py": [MISSING, "out.jsonl"],
    "year_filter_rank.py": [MISSING],
    "rank40_cmrc.py": [MISSING, "bench-home"],
    "asks41_cmrc.py": [MISSING, "bench-home", "out.jsonl"],
    "time_near_copy_read.py": [MISSING],
    "trial41_followed.py": [MISSING],
    "trial41_old_homes.py": ["press", MISSING],
    "picture_grids.py": [MISSING],
    "pin_fires68.py": [MISSING],
    "pin_look69.py": [MISSING, "--model", "SC=pins.json"],
}


@pytest.fixture(scope="module")
def bad_path_answers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, tuple[Answer, str]]]:
    """Every script of BAD_PATHS run at once with its path pointing nowhere, each in an empty folder."""
    before = _status()
    running = {}
    for name, args in BAD_PATHS.items():
        tmp = tmp_path_factory.mktemp("bad-" + Path(name).stem)
        (tmp / "cwd").mkdir()
        missing = str(tmp / "nowhere" / "x")
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "SPEECHQA_HOME": str(tmp / "home"),
            "HF_HUB_OFFLINE": "1",
        }
        script = ROOT / "scripts" / name
        command = [sys.executable if script.suffix == ".py" else "bash", str(script)]
        command += [missing if a == MISSING else a for a in args]
        process = subprocess.Popen(
            command, cwd=tmp / "cwd", env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        running[name] = (process, tmp, missing)
    found = {}
    for name, (process, tmp, missing) in running.items():
        out, err = process.communicate(timeout=600)
        left = [str(p.relative_to(tmp)) for p in (tmp / "cwd").iterdir()] + [
            what for what in ("home", "nowhere") if (tmp / what).exists()
        ]
        found[name] = (Answer(process.returncode, out, err, left), missing)
    assert _status() == before
    yield found


def test_every_script_taking_a_path_is_in_the_bad_path_table() -> None:
    assert set(BAD_PATHS) <= {s.name for s in SCRIPTS}


@pytest.mark.parametrize("script", sorted(BAD_PATHS))
def test_a_path_that_does_not_exist_is_one_line_and_exit_1(
    script: str, bad_path_answers: dict[str, tuple[Answer, str]]
) -> None:
    """Not a traceback, and nothing made at the path (a data home created where the user mistyped one)."""
    answer, missing = bad_path_answers[script]
    assert answer.returncode == 1, answer.stderr
    lines = [line for line in answer.stderr.splitlines() if line.strip()]
    assert lines == [f"找不到：{missing}"] or lines == [f"找不到文件夹：{missing}"], answer.stderr
    assert answer.left_behind == []
