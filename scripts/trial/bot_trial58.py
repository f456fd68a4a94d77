"""Trial 58: the IT person's bot, as installed from the README (docs/trial58.md).

    PYTHONPATH=$PWD python scripts/trial/bot_trial58.py SPEECHQA HOME DOCS OUT

SPEECHQA is the `speechqa` of the install under test, HOME a data home, DOCS the bureau's files, OUT a folder for
the bot's stderr. The environment's settings (SPEECHQA_LOG_FILE, OMP_*) are passed on. The real `speechqa bot`
process talks over real HTTP to the fake Bot API of the tests:

1. started while nothing listens at SPEECHQA_TELEGRAM_API_URL (Telegram unreachable), then the fake Bot API is
   started on that port (reachable): how long each line takes;
2. the admin uploads the .docx and asks about it; a member asks;
3. `speechqa add` of the GBK text on the same data home while the bot runs (two processes), then a question on it;
4. the admin uploads the PDF and the bot is stopped by SIGTERM (as systemd stops it) while adding it; started
   again: is the file added, is anything half-written (`speechqa health`);
5. stopped by SIGTERM while idle.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
import time
from collections.abc import Callable
from pathlib import Path

from scripts.trial.bot_trial37 import TOKEN
from scripts.trial.bot_trial38 import Month
from tests.fake_telegram import FakeBotAPI

ADMIN, STAFF = 58001, 58002


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def env_for(port: int, home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "SPEECHQA_TELEGRAM_API_URL": f"http://127.0.0.1:{port}/bot",
        "SPEECHQA_HOME": str(home),
        "SPEECHQA_ADMINS": str(ADMIN),
        "SPEECHQA_ALLOWED_USERS": str(STAFF),
        "HF_HUB_OFFLINE": "1",
        "NO_PROXY": "127.0.0.1,localhost",
    }


async def start(speechqa: Path, env: dict[str, str], err: Path) -> asyncio.subprocess.Process:
    with err.open("ab") as f:
        return await asyncio.create_subprocess_exec(
            str(speechqa), "bot", env=env, stdout=f, stderr=f, start_new_session=True
        )


async def until(predicate: Callable[[], bool], timeout: float, what: str) -> float:
    started = time.monotonic()
    while not predicate():
        if time.monotonic() - started > timeout:
            print(f"   !! no {what} after {timeout:.0f} s")
            break
        await asyncio.sleep(0.1)
    return time.monotonic() - started


async def sigterm(bot: asyncio.subprocess.Process, label: str) -> None:
    started = time.monotonic()
    bot.send_signal(signal.SIGTERM)
    code = await bot.wait()
    print(f"\n## {label}: SIGTERM → exit {code} in {time.monotonic() - started:.1f} s")


async def cli(speechqa: Path, env: dict[str, str], *args: str) -> None:
    started = time.monotonic()
    proc = await asyncio.create_subprocess_exec(
        str(speechqa), *args, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
    )
    out, _ = await proc.communicate()
    print(f"\n$ speechqa {' '.join(args)}   (exit {proc.returncode}, {time.monotonic() - started:.1f} s)")
    print("\n".join(out.decode().splitlines()[-6:]))


async def trial(speechqa: Path, home: Path, docs: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = env_for(port, home)
    err1 = out / "bot1.err"
    print(f"## 1. Telegram unreachable (nothing at 127.0.0.1:{port})")
    t0 = time.monotonic()
    bot = await start(speechqa, env, err1)
    took = await until(lambda: "无法连接" in err1.read_text(errors="replace"), 120, "「无法连接」 line")
    print(f"   「无法连接」 line after {took:.1f} s; bot still running: {bot.returncode is None}")
    await asyncio.sleep(20)  # back-off: how many lines does a minute of this leave?
    print("   stderr so far:", err1.read_text(errors="replace").strip().splitlines())
    api = FakeBotAPI(port=port)
    await api.start()
    took = await until(lambda: bool(api.calls_of("setMyCommands")), 300, "setMyCommands")
    print(f"   Bot API started: bot up {took:.1f} s later ({time.monotonic() - t0:.1f} s after start)")
    m = Month(api)
    try:
        print("\n## 2. an upload and questions")
        path = docs / "离休干部遗属生活困难补助实施办法.docx"
        await m.send(
            api.make_document_update(path.name, path.read_bytes(), user_id=ADMIN), ADMIN, "管理员上传 .docx"
        )
        await m.send(api.make_text_update("遗属补助每月几号到账", user_id=ADMIN), ADMIN, "管理员提问")
        await m.send(api.make_text_update("离休干部走了，老伴能领多少补助", user_id=STAFF), STAFF, "同事提问")

        print("\n## 3. `speechqa add` on the same data home while the bot runs")
        await cli(speechqa, env, "add", str(docs / "门诊就医绿色通道通知.txt"))
        await m.send(
            api.make_text_update("门诊绿色通道的专门窗口在哪", user_id=STAFF), STAFF, "同事问刚加入的通知"
        )

        print("\n## 4. SIGTERM while the bot adds an admin's PDF")
        path = docs / "离退休干部参观考察活动通知.pdf"
        before = len(api.messages(ADMIN))
        api.push_update(api.make_document_update(path.name, path.read_bytes(), user_id=ADMIN))
        await until(lambda: len(api.messages(ADMIN)) > before, 60, "first reply to the upload")
        print("   the bot said:", [x.plain_text for x in api.messages(ADMIN)[before:]])
        await sigterm(bot, "stopped while adding")
        await cli(speechqa, env, "health")
        err2 = out / "bot2.err"
        calls = len(api.calls_of("setMyCommands"))
        bot = await start(speechqa, env, err2)
        took = await until(lambda: len(api.calls_of("setMyCommands")) > calls, 300, "setMyCommands")
        print(f"   started again: up in {took:.1f} s")
        await m.settle(ADMIN)
        print(
            "   the admin chat after the restart:", [x.plain_text[:200] for x in api.messages(ADMIN)[before:]]
        )
        await m.send(api.make_text_update("参观考察活动哪天去", user_id=STAFF), STAFF, "同事问 PDF 里的活动")
        await sigterm(bot, "stopped while idle")
        await cli(speechqa, env, "health")
        await cli(speechqa, env, "speeches")
    finally:
        if bot.returncode is None:
            bot.kill()
            await bot.wait()
        await api.stop()
    for err in sorted(out.glob("bot*.err")):
        lines = err.read_text(errors="replace").splitlines()
        bad = [x for x in lines if "ERROR" in x or "Traceback" in x]
        print(f"\n{err.name}: {len(lines)} lines, {len(bad)} with ERROR/Traceback")
        for x in bad[:10]:
            print("  ", x)


if __name__ == "__main__":
    asyncio.run(trial(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])))
