"""Tidy 63 (docs/tidy63.md): small defects left by session 62, each seen where a user sees it — through the real
command line in a subprocess, on a copy of the indexed bundled speeches."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def speechqa(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`speechqa ARGS…` of this checkout on the data home `home`, offline, default settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPEECHQA_")}
    env.update(PYTHONPATH=str(ROOT), SPEECHQA_HOME=str(home), HF_HUB_OFFLINE="1", PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-c", "import sys; from cli import main; sys.exit(main())", *args],
        cwd=home.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_a_question_writing_shenme_as_hong_kong_and_taiwan_do_is_answered_as_with_shenme(
    seed_home: Path,
) -> None:
    """「甚麼時候」 is read as 什么时候: the same passage, answer sentence and confidence as the simplified question
    (it was 「甚么」, no question word: a topic word to search for, and no time asked)."""
    asked = {
        spelling: speechqa(seed_home, "ask", "-k", "1", f"五心服务先进集体和先进个人{spelling}评选表彰？")
        for spelling in ("什么时候", "甚麼時候", "什麼時候")
    }
    for done in asked.values():
        assert done.returncode == 0, done.stderr
    shown = {
        spelling: re.sub(r"\(\d+ ms\)", "", done.stdout).replace(spelling, "什么时候")
        for spelling, done in asked.items()
    }
    assert "2024年底评选表彰" in shown["什么时候"]
    assert shown["甚麼時候"] == shown["什么时候"] == shown["什麼時候"]
