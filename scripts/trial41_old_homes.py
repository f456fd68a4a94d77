"""Trial 41, item 1: a data home made by an OLDER release, used as an office would have (several kinds of files,
a corrected title, synonyms, questions, pins, the bot with an allowed user, admin and group, a 👍 on its answer),
then opened by THIS checkout's bot, which gets every button of the answer the old bot sent pressed, then
/stats, /pins, /speeches and a question in the allowed group. docs/trial41.md.

    git worktree add --detach /tmp/old 521bf52
    PYTHONPATH=. python scripts/trial41_old_homes.py build /tmp/old /tmp/h2      # the old code builds /tmp/h2
    PYTHONPATH=. python scripts/trial41_old_homes.py press /tmp/h2               # today's bot on it

`build` keeps the old bot's answer (text, buttons, ids) in HOME-answer.json beside the home; `press` prints what
today's bot did for each press and whether its log holds a traceback. Each command the old release lacks is left
out (its `--help` decides).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fake_telegram import FakeBotAPI, SentMessage  # noqa: E402

FILES = [
    ROOT / "benchmarks/corpus-cold2/重阳节座谈会讲话.docx",
    ROOT / "benchmarks/corpus-cold2/春节走访慰问通知.pdf",
    ROOT / "benchmarks/corpus-cold2/组织关系转接通知.txt",  # GBK
    ROOT / "benchmarks/corpus-cold4/银发人才座谈会讲话.doc",
    ROOT / "benchmarks/corpus-cold4/夏季休养活动通知.png",  # a scan
]
TOKEN = "123456:TEST-token_for_the_fake"
SPEECHQA = 'import sys, cli; sys.argv[0] = "speechqa"; sys.exit(cli.main())'
ASKED = "离休干部体检规定是什么？"
GROUP = -100555


def bot_env(code: Path, home: Path, api: FakeBotAPI) -> dict[str, str]:
    return {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "SPEECHQA_TELEGRAM_API_URL": api.base_url,
        "SPEECHQA_HOME": str(home),
        "SPEECHQA_ALLOWED_USERS": "1001",
        "SPEECHQA_ADMINS": "1001",
        "SPEECHQA_ALLOWED_CHATS": str(GROUP),
        "NO_PROXY": "127.0.0.1,localhost",
        "HF_HUB_OFFLINE": "1",
        "PYTHONPATH": str(code),
    }


def sq(code: Path, home: Path, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(code), "SPEECHQA_HOME": str(home), "HF_HUB_OFFLINE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", SPEECHQA, *args], cwd=code, env=env, capture_output=True, text=True
    )
    print(f"$ speechqa {' '.join(args)} -> {done.returncode}", flush=True)
    return done.stdout


async def old_bot(code: Path, home: Path, out: Path) -> None:
    async with FakeBotAPI() as api:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            SPEECHQA,
            "bot",
            cwd=code,
            env=bot_env(code, home, api),
            stderr=asyncio.subprocess.PIPE,
        )
        try:
            await api.wait_for("setMyCommands", timeout=300)
            api.push_update(api.make_text_update(ASKED))
            await api.wait_for("sendMessage", timeout=180)
            answer = api.last_message()
            api.push_update(api.make_callback_update(answer, answer.button_data("👍")))
            await api.wait_for("answerCallbackQuery", timeout=60)
            await asyncio.sleep(2)
            kept = {
                k: getattr(answer, k) for k in ("chat_id", "message_id", "text", "plain_text", "parse_mode")
            }
            out.write_text(
                json.dumps({**kept, "reply_markup": answer.reply_markup}, ensure_ascii=False, indent=1)
            )
        finally:
            process.send_signal(signal.SIGINT)
            await asyncio.wait_for(process.communicate(), timeout=60)


def build(code: Path, home: Path) -> None:
    has = sq(code, home, "--help")
    folder = home.parent / f"{home.name}-files"
    folder.mkdir(parents=True, exist_ok=True)
    for path in FILES:
        shutil.copy(path, folder / path.name)
    sq(code, home, "add", str(folder))
    speech = next(line.split()[0] for line in sq(code, home, "speeches").splitlines() if "重阳节" in line)
    if " edit " in has:
        sq(code, home, "edit", speech, "--title", "在重阳节老干部座谈会上的讲话（更正）")
    if " synonyms " in has:
        sq(code, home, "synonyms", "add", "老干局", "老干部局")
    for question in ["重阳节座谈会上讲了什么？", "组织关系转接要带哪些材料？", "老干局春节走访谁？"]:
        sq(code, home, "ask", question)
    if " pin " in has:
        for question in ["夏季休养活动怎么报名？", ASKED]:
            answer = json.loads(sq(code, home, "ask", "--json", question))
            sq(code, home, "pin", question, str(answer["results"][0]["passage_id"]))
    asyncio.run(old_bot(code, home, home.parent / f"{home.name}-answer.json"))


async def press(home: Path) -> None:
    old = json.loads((home.parent / f"{home.name}-answer.json").read_text())
    with sqlite3.connect(
        home / "speechqa.db"
    ) as conn:  # Telegram numbers updates on from the last one handled
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        last = (
            conn.execute("SELECT MAX(update_id) FROM handled_updates").fetchone()[0]
            if ("handled_updates" in tables)
            else None
        )
    update_ids = iter(range((last or 0) + 1, (last or 0) + 1000))
    async with FakeBotAPI() as api:
        message = api.seed_message(
            SentMessage(
                **{k: old[k] for k in ("chat_id", "message_id", "text", "plain_text", "parse_mode")},
                reply_markup=old["reply_markup"],
                date=int(time.time()) - 3600,
            )
        )
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            SPEECHQA,
            "bot",
            cwd="/",
            env=bot_env(ROOT, home, api),
            stderr=asyncio.subprocess.PIPE,
        )
        try:
            await api.wait_for("setMyCommands", timeout=300)
            for data in [b["callback_data"] for row in old["reply_markup"]["inline_keyboard"] for b in row]:
                api.clear_calls()
                api.push_update({**api.make_callback_update(message, data), "update_id": next(update_ids)})
                await api.wait_for("answerCallbackQuery", timeout=120)
                await asyncio.sleep(1.5)
                print(f"pressed {data}:")
                for call in api.calls:
                    if call.method in (
                        "sendMessage",
                        "editMessageText",
                        "answerCallbackQuery",
                        "sendDocument",
                    ):
                        print(f"    {call.method}: {(call.params.get('text') or '')[:160]!r}")
            for text, chat in [
                ("/stats", {}),
                ("/pins", {}),
                ("/speeches", {}),
                ("/ask 老干局春节走访谁？", {"chat_id": GROUP, "chat_type": "supergroup"}),
            ]:
                api.clear_calls()
                api.push_update({**api.make_text_update(text, **chat), "update_id": next(update_ids)})
                await api.wait_for("sendMessage", timeout=120)
                await asyncio.sleep(1)
                print(f"{text}:")
                for call in api.calls_of("sendMessage"):
                    print(f"    {(call.params.get('text') or '')[:300]!r}")
        finally:
            process.send_signal(signal.SIGINT)
            _, log = await asyncio.wait_for(process.communicate(), timeout=60)
            print(
                "bot log:",
                "a traceback" if b"Traceback" in log else "no traceback",
                f"(exit {process.returncode})",
            )


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="trial41_old_homes.py",
        description=(__doc__ or "").split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    making = commands.add_parser("build", help="the old checkout's own code builds HOME")
    making.add_argument("code", type=Path, metavar="OLD_CHECKOUT")
    making.add_argument("home", type=Path, metavar="HOME")
    pressing = commands.add_parser("press", help="today's bot presses every button of the old answer")
    pressing.add_argument("home", type=Path, metavar="HOME")
    args = parser.parse_args()
    if args.command == "build":
        if not args.code.is_dir():
            raise SystemExit(f"找不到文件夹：{args.code}")
        build(args.code.resolve(), args.home.resolve())
    else:
        if not (args.home / "speechqa.db").is_file():
            raise SystemExit(f"找不到：{args.home}")
        asyncio.run(press(args.home.resolve()))


if __name__ == "__main__":
    main()
