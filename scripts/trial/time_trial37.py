"""Time what an administrator waits for (trial 37): the year's files added to an empty data home, the next
day's files, a rebuild, a backup, a restore onto a new data home (a second machine), and the bot's start.

Usage (from the repository root):
    PYTHONPATH=$PWD python scripts/trial/time_trial37.py WEEK WORK [--repeat N]
WEEK: the week/ folder scripts/trial/make_trial37_docs.py wrote; WORK: an empty scratch folder (data homes
are made in it). `speechqa` is the one beside this Python (its venv's). Prints one line per step: its wall
time in seconds (each of N runs), and the exit status.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from scripts.trial.bot_trial37 import TOKEN, start_bot
from tests.fake_telegram import FakeBotAPI

SPEECHQA = str(Path(sys.executable).parent / "speechqa")


def timed(label: str, home: Path, *args: str) -> float:
    env = {**os.environ, "SPEECHQA_HOME": str(home)}
    started = time.perf_counter()
    done = subprocess.run([SPEECHQA, *args], env=env, capture_output=True, text=True)
    took = time.perf_counter() - started
    print(f"{label:<52} {took:7.1f} s  (exit {done.returncode})", flush=True)
    return took


async def bot_start(home: Path) -> float:
    async with FakeBotAPI() as api:
        env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "SPEECHQA_TELEGRAM_API_URL": api.base_url,
            "SPEECHQA_HOME": str(home),
            "NO_PROXY": "127.0.0.1,localhost",
        }
        bot, took = await start_bot(Path(SPEECHQA), env, api)
        bot.terminate()
        await bot.wait()
    print(f"{'bot start (process start to its command menu set)':<52} {took:7.1f} s  (exit {bot.returncode})")
    return took


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != "--repeat"):
        print(__doc__.splitlines()[2].strip(), file=sys.stderr)
        return 2
    week, work = Path(argv[0]), Path(argv[1])
    repeat = int(argv[3]) if len(argv) == 4 else 1
    for run in range(1, repeat + 1):
        print(f"-- run {run} of {repeat}")
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        home, second = work / "home", work / "second-machine"
        timed("add of the year's files (day1) to an empty home", home, "add", str(week / "day1"))
        timed("add of the next day's files (day2)", home, "add", str(week / "day2"))
        timed("rebuild", home, "rebuild")
        timed("backup", home, "backup", str(work / "backup.db"))
        timed("restore onto a new data home", second, "restore", "--yes", str(work / "backup.db"))
        timed("health", second, "health")
        asyncio.run(bot_start(second))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
