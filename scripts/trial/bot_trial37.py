"""Trial 37's week with the bot: the real `speechqa bot` process against the fake Bot API of the tests, over real HTTP.

Usage (from the repository root, on a COPY of a data home; the admin's uploads are added to it):
    PYTHONPATH=$PWD python scripts/trial/bot_trial37.py HOME WEEK [LOGFILE]
HOME: the library after days 1–4 (docs/trial37.md); WEEK: the week/ folder scripts/trial/make_trial37_docs.py
wrote. `speechqa` is the one beside this Python (its venv's). LOGFILE (default HOME/../bot.log) is given to
the bot as SPEECHQA_LOG_FILE.
Staff ask with filters and follow-ups, page, export to Word; the admin pins answers and reviews /pins and
/stats; the admin uploads the scan; the admin removes a speech from the command line while the bot runs;
a second bot is started on the same data home by mistake; the bot is killed (SIGKILL) while an upload is
being added and started again. Every reply is printed as its reader sees it, with the time it took.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

from scripts.trial.settle import settle
from tests.fake_telegram import FakeBotAPI, SentMessage

TOKEN = "123456:TEST-token_for_the_fake"
USER, ADMIN, GROUP = 1001, 1002, -100555
MONDAY = [
    "离休干部体检改到什么时候了",  # the 修改稿's dates, the old version removed
    "取暖补贴发多少",
    "周海燕讲话中关于老年大学的内容",  # a speaker renamed on the command line
    "那林晓东呢",  # a follow-up
    "2025年9月活动中心有什么活动",  # a month
    "象棋比赛什么时候报名",  # withdrawn: removed
    "信息统计通知是哪天发的",  # re-dated by edit
    "老干部工作怎么做好",  # broad: 更多结果, 导出 Word
]


class Week:
    def __init__(self, api: FakeBotAPI) -> None:
        self.api = api

    async def settle(self, chat: int, timeout: float = 240.0) -> float:
        """Wait until the bot has said its last for now in `chat` (no call for 2.5 s, no ⏳ left)."""
        return await settle(self.api, chat, quiet=2.5, timeout=timeout, poll=0.25)

    async def send(self, update: dict[str, Any], chat: int, label: str) -> SentMessage | None:
        before = {(m.chat_id, m.message_id, m.edit_count) for m in self.api.messages(chat)}
        self.api.push_update(update)
        took = await self.settle(chat)
        new = [m for m in self.api.messages(chat) if (m.chat_id, m.message_id, m.edit_count) not in before]
        print(f"\n>> {label}   ({took:.1f} s)")
        for m in new:
            text = (
                m.plain_text if m.document is None else f"[文件] {m.document.get('file_name')} {m.plain_text}"
            )
            print("\n".join(text.splitlines()[:14]))
            if m.buttons:
                print("   按钮：", " | ".join(b.get("text", "") for b in m.buttons))
        return new[-1] if new else None

    async def ask(self, text: str, user: int = USER) -> SentMessage | None:
        return await self.send(self.api.make_text_update(text, user_id=user), user, f"{user}: {text}")

    async def press(self, message: SentMessage, label: str, user: int) -> SentMessage | None:
        fresh = self.api.get_message(message.chat_id, message.message_id)
        data = fresh.button_data(label)
        return await self.send(self.api.make_callback_update(fresh, data, user_id=user), user, f"按 {label}")


async def start_bot(
    speechqa: Path, env: dict[str, str], api: FakeBotAPI, log: Path | None = None
) -> tuple[asyncio.subprocess.Process, float]:
    """Start `speechqa bot`; its log (stderr) to the file `log` when given — a long run's log would fill a pipe
    nobody reads until the end, and the bot would then block writing it — else to a pipe read at `stop_bot`."""
    started = time.monotonic()
    before = len(api.calls_of("setMyCommands"))
    stderr = asyncio.subprocess.PIPE if log is None else log.open("wb")
    bot = await asyncio.create_subprocess_exec(
        str(speechqa), "bot", env=env, stdout=asyncio.subprocess.DEVNULL, stderr=stderr
    )
    if log is not None:
        bot.log_file = log  # type: ignore[attr-defined]  # read by stop_bot
    while len(api.calls_of("setMyCommands")) == before:
        if bot.returncode is not None:
            break
        await asyncio.sleep(0.2)
    return bot, time.monotonic() - started


async def stop_bot(bot: asyncio.subprocess.Process) -> None:
    """Stop a trial's bot (SIGTERM, as systemd stops it) and print its exit and the log lines with ERROR or
    Traceback (the first 20)."""
    bot.terminate()
    _, err = await bot.communicate()
    log: Path | None = getattr(bot, "log_file", None)
    text = log.read_text("utf-8", errors="replace") if log is not None else err.decode()
    errors = [line for line in text.splitlines() if "ERROR" in line or "Traceback" in line]
    print(f"\nbot stopped (exit {bot.returncode}); log lines with ERROR/Traceback: {len(errors)}")
    for line in errors[:20]:
        print("  ", line)


async def cli(speechqa: Path, env: dict[str, str], *args: str) -> None:
    started = time.monotonic()
    proc = await asyncio.create_subprocess_exec(
        str(speechqa), *args, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
    )
    out, _ = await proc.communicate()
    print(f"\n$ speechqa {' '.join(args)}   (exit {proc.returncode}, {time.monotonic() - started:.1f} s)")
    print("\n".join(out.decode().splitlines()[-4:]))


def bot_env(api: FakeBotAPI, home: Path, admins: str, users: str, chats: str, **more: str) -> dict[str, str]:
    """The environment of a trial's `speechqa bot` process talking to the fake Bot API (`more`: other settings)."""
    return {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "SPEECHQA_TELEGRAM_API_URL": api.base_url,
        "SPEECHQA_HOME": str(home),
        "SPEECHQA_ADMINS": admins,
        "SPEECHQA_ALLOWED_USERS": users,
        "SPEECHQA_ALLOWED_CHATS": chats,
        # a week's questions asked in minutes: the per-user limit (10 a minute) is not what is tried here
        "SPEECHQA_QUESTIONS_PER_MINUTE": "60",
        "NO_PROXY": "127.0.0.1,localhost",
        **more,
    }


async def week(home: Path, days: Path, logfile: Path) -> None:
    speechqa = Path(sys.executable).parent / "speechqa"
    async with FakeBotAPI() as api:
        env = bot_env(api, home, str(ADMIN), str(USER), str(GROUP), SPEECHQA_LOG_FILE=str(logfile))
        bot, took = await start_bot(speechqa, env, api)
        print(f"bot up in {took:.1f} s")
        w = Week(api)
        replies: dict[str, SentMessage] = {}
        for q in MONDAY:
            if (r := await w.ask(q)) is not None:
                replies[q] = r
        broad = replies[MONDAY[-1]]
        await w.press(broad, "更多结果", USER)
        await w.press(broad, "导出 Word", USER)
        # the admin pins the answer to the health-check question; a colleague asks it in other words
        pin_q = await w.ask("离休干部体检时间", ADMIN)
        if pin_q is not None:
            await w.press(pin_q, "📌", ADMIN)
        await w.ask("离休老干部哪几天去体检")
        # Tuesday: the scan of the board's notice, uploaded by the admin; asked about
        scan = days / "day5/公告栏扫描_20251219.png"
        await w.send(
            api.make_document_update(scan.name, scan.read_bytes(), user_id=ADMIN), ADMIN, "管理员上传扫描件"
        )
        await w.ask("活动中心电梯什么时候能用")
        # Wednesday: a speech removed on the command line while the bot runs
        await cli(speechqa, env, "remove", "39", "--yes")
        await asyncio.sleep(1.5)
        await w.ask("四季度要做好哪三件事")
        # Thursday: a second bot started by mistake on the same data home
        second, took = await start_bot(speechqa, env, api)
        if second.returncode is not None:
            _, err = await second.communicate()
            print(f"\nsecond bot exited {second.returncode} after {took:.1f} s:", err.decode().strip()[-400:])
        else:
            print(f"\nsecond bot up in {took:.1f} s (both running)")
            for q in ("取暖补贴什么时候发", "流感疫苗在哪打", "门球比赛在哪里"):
                await w.ask(q)
            second.send_signal(signal.SIGTERM)
            _, err = await asyncio.wait_for(second.communicate(), timeout=60)
            conflicts = err.decode().count("Conflict")
            print(
                f"second bot stopped (exit {second.returncode}); its log lines naming a Conflict: {conflicts}"
            )
        # Friday: the bot killed while an upload is being added, then started again
        upload = days / "day3/年终总结会讲话（征求意见稿）.docx"
        api.push_update(
            api.make_document_update("年终讲话（再发一次）.docx", upload.read_bytes(), user_id=ADMIN)
        )
        await asyncio.sleep(1.0)
        bot.kill()
        await bot.wait()
        print("\nbot killed (SIGKILL) 1.0 s after the admin's upload arrived")
        bot, took = await start_bot(speechqa, env, api)
        print(f"bot up again in {took:.1f} s")
        await w.settle(ADMIN)
        for m in api.messages(ADMIN)[-2:]:
            print("  ", "\n   ".join(m.plain_text.splitlines()[:6]))
        await w.send(api.make_text_update("/pins", user_id=ADMIN), ADMIN, "/pins")
        await w.send(api.make_text_update("/stats", user_id=ADMIN), ADMIN, "/stats")
        bot.send_signal(signal.SIGTERM)
        _, err = await asyncio.wait_for(bot.communicate(), timeout=60)
        problems = [line for line in err.decode().splitlines() if "Traceback" in line or "ERROR" in line]
        print("\nbot exit", bot.returncode, "; log errors:", problems[:5])


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        print(__doc__.splitlines()[2], file=sys.stderr)
        sys.exit(2)
    home = Path(sys.argv[1])
    log = Path(sys.argv[3]) if len(sys.argv) == 4 else home.parent / "bot.log"
    asyncio.run(week(home, Path(sys.argv[2]), log))
