"""How long `speechqa add` of a scan takes to stop after Ctrl-C: the real command (this checkout's code) adds
a scan to a copy of a library and is sent SIGINT a fixed delay after it started; the time from the signal to
the process's exit is printed for each delay, with the stage it was in (from its -v log) and its exit code.

    python scripts/time_ocr_interrupt.py --home /tmp/me/f33/home \\
        --scan benchmarks/corpus-cold11/防汛防台风工作紧急通知.tif --delays 3 5 7 9 11

A copy of the library is made for each run (the one given is never written); after each run the copy is
checked to hold the same speeches as before (Ctrl-C leaves the library as it was before the file).
"""

from __future__ import annotations

import argparse
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The real command, with Ctrl-C acted on as in a terminal (a child started in the background inherits
# SIGINT ignored, and Python would keep it so).
CHILD = (
    "import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "from cli import main; sys.argv = ['speechqa', *sys.argv[1:]]; main()"
)


def speeches(home: Path) -> list[str]:
    with sqlite3.connect(f"file:{home / 'speechqa.db'}?mode=ro", uri=True) as db:
        return [row[0] for row in db.execute("SELECT title FROM speeches ORDER BY id")]


def run(home: Path, scan: Path, delay: float, workdir: Path) -> tuple[float, str, int, bool]:
    copy = workdir / "home"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(home, copy)
    before = speeches(copy)
    log = workdir / "stderr.txt"
    env = {"PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"}
    with log.open("wb") as err:
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, "-v", "--home", str(copy), "add", str(scan)],
            stdout=subprocess.DEVNULL,
            stderr=err,
            env=env,
            cwd=ROOT,
        )
        time.sleep(delay)
        if child.poll() is not None:
            return float("nan"), "finished before the signal", child.returncode, speeches(copy) == before
        sent = time.perf_counter()
        child.send_signal(signal.SIGINT)
        code = child.wait(timeout=120)
        took = time.perf_counter() - sent
    lines = [line for line in log.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
    stage = "OCR" if not any("嵌入" in line for line in lines) else "embedding or later"
    return took, stage, code, speeches(copy) == before


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--home", type=Path, required=True, help="a library to copy (never written)")
    parser.add_argument("--scan", type=Path, required=True, help="a scanned file to add")
    parser.add_argument("--delays", type=float, nargs="+", default=[3, 5, 7, 9, 11])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ocr-interrupt-") as tmp:
        print(f"{'delay':>6}  {'to exit':>8}  exit  library as before  stage")
        for delay in args.delays:
            took, stage, code, same = run(args.home, args.scan.resolve(), delay, Path(tmp))
            print(f"{delay:5.1f}s  {took:7.2f}s  {code:>4}  {'yes' if same else 'NO':>17}  {stage}")


if __name__ == "__main__":
    main()
