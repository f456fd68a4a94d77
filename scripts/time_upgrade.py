"""How long today's speechqa takes to open a library an older release built: the upgrade of its database, the
index rebuild (with the estimate said before it) and the first and second `speechqa ask`.

For each commit, that release's own `speechqa` (a git worktree of it, main's virtualenv, the bundled model)
builds a library of the bundled speeches; then, on fresh copies of it, today's code (this checkout) opens it:

    python scripts/time_upgrade.py [--commits 041d1aa 1429c5b c8f6dd8] [--repeat 3]

Columns: passages indexed; migrations applied on opening; the opening with its migrations (Library(), in
process); the rebuild's estimate (Staleness.seconds) and the rebuild itself (Library.build, model loaded
beforehand); wall time of the first `speechqa ask` on a fresh copy (process start to exit: imports, model,
upgrade, rebuild, search) and of the second one. Medians over --repeat copies.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from index import Library, load_embedder  # noqa: E402

QUESTION = "离休干部体检规定是什么？"
CODE = 'import sys, cli; sys.argv[0] = "speechqa"; sys.exit(cli.main())'


def speechqa(checkout: Path, home: Path, *args: str) -> float:
    """Run `speechqa ARGS` of `checkout` on `home`; its wall time in seconds."""
    env = {**os.environ, "PYTHONPATH": str(checkout), "SPEECHQA_HOME": str(home), "HF_HUB_OFFLINE": "1"}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", CODE, *args],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"speechqa {' '.join(args)} at {checkout} failed:\n{done.stdout}\n{done.stderr}")
    return time.perf_counter() - started


def old_library(commit: str, tmp: Path) -> Path:
    """The bundled speeches indexed by the release at `commit`."""
    checkout, home = tmp / f"checkout-{commit}", tmp / f"old-{commit}"
    added = subprocess.run(
        ["git", "worktree", "add", "--detach", str(checkout), commit],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if added.returncode != 0:
        raise SystemExit(f"找不到提交：{commit}（{added.stderr.strip().splitlines()[-1]}）")
    try:
        help_text = subprocess.run(
            [sys.executable, "-c", CODE, "add", "--help"],
            cwd=checkout,
            env={**os.environ, "PYTHONPATH": str(checkout)},
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        if "--bundled" in help_text:
            speechqa(checkout, home, "add", "--bundled")
        else:  # the first releases gave an empty library the bundled speeches on the first question
            speechqa(checkout, home, "ask", QUESTION)
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(checkout)], cwd=ROOT, check=True)
    return home


def measure(commit: str, repeat: int, tmp: Path) -> dict[str, float | int | str]:
    old = old_library(commit, tmp)
    opening, estimate, rebuild, first, second = [], [], [], [], []
    passages = migrations = 0
    for k in range(repeat):
        copy = tmp / f"copy-{commit}-{k}"
        shutil.copytree(old, copy)
        started = time.perf_counter()
        library = Library(copy)
        opening.append(time.perf_counter() - started)
        migrations = len(library.store.upgraded)
        manifest = library.manifest()
        embedder = load_embedder(
            "intfloat/multilingual-e5-small", prefer_key=manifest.model if manifest else None
        )
        staleness = library.staleness(embedder.key)
        estimate.append(staleness.seconds if staleness else 0.0)
        passages = staleness.passages if staleness else manifest.count if manifest else 0
        started = time.perf_counter()
        if staleness is not None:
            library.build(embedder)
        rebuild.append(time.perf_counter() - started if staleness is not None else 0.0)
        library.close()
        shutil.rmtree(copy)
        shutil.copytree(old, copy)
        first.append(speechqa(ROOT, copy, "ask", QUESTION))
        second.append(speechqa(ROOT, copy, "ask", QUESTION))
        shutil.rmtree(copy)
    return {
        "commit": commit,
        "passages": passages,
        "migrations": migrations,
        "open": statistics.median(opening),
        "estimate": statistics.median(estimate),
        "rebuild": statistics.median(rebuild),
        "first": statistics.median(first),
        "second": statistics.median(second),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commits", nargs="+", default=["041d1aa", "1429c5b", "c8f6dd8"])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(
        "| release | passages | migrations | open + migrate | rebuild: said / took | first ask | second ask |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory(prefix="time-upgrade-") as tmp:
        for commit in args.commits:
            row = measure(commit, args.repeat, Path(tmp))
            rebuilt = f"{row['estimate']:.1f} / {row['rebuild']:.1f} s" if row["rebuild"] else "not needed"
            print(
                f"| {row['commit']} | {row['passages']} | {row['migrations']} | {row['open']:.2f} s | "
                f"{rebuilt} | {row['first']:.1f} s | {row['second']:.1f} s |",
                flush=True,
            )
    print(
        f"{os.uname().nodename} · {os.cpu_count()} cores · load {os.getloadavg()[0]:.1f} · {time.strftime('%Y-%m-%d')}"
    )


if __name__ == "__main__":
    main()
