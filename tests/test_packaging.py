"""The wheel `pip install .` builds: no setuptools warning, and every file the product reads at run time inside.

A new IT person's `make install` printed 「Package would be ignored」 four times (the data folders, importable
but not listed as packages); a wheel missing a data file would run from the source tree and fail installed.
The wheel is built by setuptools itself (the build backend pip calls) from a copy of the tree, so nothing is
written into the checkout.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
TOP_LEVEL = sorted({name.split(".")[0] for name in PROJECT["tool"]["setuptools"]["packages"]})
BUILD = "import sys; from setuptools import build_meta; print('WHEEL=' + getattr(build_meta, sys.argv[2])(sys.argv[1]))"


def shipped_files() -> list[str]:
    """Every file of the packages the checkout holds (what the code may open), compiled files left out."""
    return sorted(
        path.relative_to(ROOT).as_posix()
        for package in TOP_LEVEL
        for path in (ROOT / package).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    )


@pytest.fixture(scope="module", params=["build_wheel", "build_editable"])
def built(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> tuple[str, list[str]]:
    """(what the build printed, the names in the wheel) for a copy of the tree: `pip install .`'s wheel, and
    `pip install -e .`'s (make install)."""
    pytest.importorskip("setuptools", minversion="77", reason="pyproject.toml's build needs setuptools>=77")
    tree = tmp_path_factory.mktemp("tree")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, tree / name)
    for package in TOP_LEVEL:
        shutil.copytree(ROOT / package, tree / package, ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-W", "always", "-c", BUILD, str(out), request.param],
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    wheel = out / done.stdout.split("WHEEL=")[-1].strip()
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    return done.stdout + done.stderr, names


def test_building_the_wheel_prints_no_setuptools_warning(built: tuple[str, list[str]]) -> None:
    printed, _ = built
    for warning in ("would be ignored", "Please be careful", "SetuptoolsDeprecationWarning"):
        assert warning not in printed, printed[-3000:]


def test_the_wheel_holds_every_file_of_the_packages(
    built: tuple[str, list[str]], request: pytest.FixtureRequest
) -> None:
    if request.node.callspec.params["built"] == "build_editable":
        pytest.skip("an editable wheel points at the checkout: its files are the checkout's")
    _, names = built
    files = shipped_files()
    data = [name for name in files if "/data/" in name]
    assert data, "no data file found in the packages"  # the bundled speeches, lexicons, fitted models
    assert [name for name in files if name not in names] == []


def test_every_data_folder_is_a_listed_package() -> None:
    """A folder of data under a package, added later, must be listed too (else the warning comes back)."""
    listed = set(PROJECT["tool"]["setuptools"]["packages"])
    folders = {
        path.relative_to(ROOT).as_posix().replace("/", ".")
        for package in TOP_LEVEL
        for path in [ROOT / package, *(ROOT / package).rglob("*")]
        if path.is_dir() and path.name != "__pycache__" and any(p.is_file() for p in path.iterdir())
    }
    assert sorted(folders - listed) == []
