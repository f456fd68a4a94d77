"""Trial 38: a month of the bot in a group of twelve staff and two admins (docs/trial38-bot.md).

Usage (from the repository root, on a COPY of a data home; it is changed):
    PYTHONPATH=$PWD python scripts/trial/bot_trial38.py HOME DOCS [--log 3000]
HOME: a data home (e.g. a copy of one `speechqa add --bundled` made); DOCS: what
scripts/trial/make_trial38_bot_docs.py wrote. `speechqa` is the one beside this Python (its venv's).

1. Buttons on old messages: staff ask about a notice; the admin sends the corrected notice (its passages
   renumbered), then every button of the week-old answer is pressed; again after /reindex, after the notice is
   removed (`speechqa remove` on the server) and after it is added again.
2. Concurrency: an admin uploads a 40-page PDF and five staff ask while it is indexed (reply latency, p50/p95,
   against the same questions asked idle); the second admin uploads a notice meanwhile (queued?).
3. What staff send that is not a question: voice, a photo, a sticker, a channel's forwarded post, a reply to an
   answer, a link alone, 3,000 characters pasted from a notice.
4. Growth: `--log N` writes N logged questions (and votes) spread over 30 days before the bot starts; /stats'
   reply time, `speechqa stats` and the database's size are printed.
Every reply is printed as its reader sees it, with its buttons, and the time it took.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from scripts.trial.settle import settle
from tests.fake_telegram import FakeBotAPI, SentMessage

TOKEN = "123456:TEST-token_for_the_fake"
STAFF = list(range(1001, 1013))  # twelve
ADMIN, ADMIN2 = 2001, 2002
GROUP = -100777000
SPEECHQA = Path(sys.executable).parent / "speechqa"
QUESTIONS_FOR_LOAD = [
    "离休干部体检规定是什么？",
    "老年大学怎么报名",
    "活动中心周一开门吗",
    "困难老干部怎么帮扶",
    "重阳节走访慰问什么时候报",
]


def write_month_log(home: Path, n: int, seed: int = 38) -> None:
    """N questions of the evaluation sets logged over the last 30 days, a third of them voted on."""
    from index.store import Store

    root = Path(__file__).resolve().parents[2]
    questions = [
        json.loads(line)["question"]
        for f in sorted((root / "benchmarks").glob("*-questions.jsonl"))
        for line in f.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    rng = random.Random(seed)
    store = Store(home / "speechqa.db")
    now = time.time()
    ids = []
    for _ in range(n):
        qid = store.log_query(
            channel="telegram",
            query=rng.choice(questions),
            answered=rng.random() < 0.8,
            top_ids=[rng.randint(1, 150) for _ in range(5)],
            latency_ms=rng.uniform(30, 900),
            user_id=str(rng.choice(STAFF)),
            chat_id=str(rng.choice([*STAFF, GROUP])),
        )
        ids.append(qid)
    with store.db.conn:
        for qid in ids:
            ts = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(now - rng.uniform(0, 30 * 86400)))
            store.db.execute("UPDATE queries SET ts = ? WHERE id = ?", [ts, qid])
    for qid in rng.sample(ids, n // 3):
        store.record_feedback(query_id=qid, value=rng.choice([1, 1, 1, -1]), user_id=str(rng.choice(STAFF)))


class Month:
    def __init__(self, api: FakeBotAPI) -> None:
        self.api = api

    async def settle(self, chat: int, timeout: float = 300.0) -> float:
        """Wait until the bot has said its last for now in `chat` (no call for 1.5 s, no ⏳ left)."""
        return await settle(self.api, chat, quiet=1.5, timeout=timeout, poll=0.2)

    def show(self, label: str, took: float, new: list[SentMessage], limit: int = 700) -> None:
        print(f"\n>> {label}   ({took:.1f} s)")
        for m in new:
            text = (
                m.plain_text if m.document is None else f"[文件] {m.document.get('file_name')} {m.plain_text}"
            )
            print(text if len(text) <= limit else text[:limit] + f"……（共 {len(text)} 字）")
            if m.buttons:
                print("   按钮：", " | ".join(b.get("text", "") for b in m.buttons))

    def _state(self, chat: int) -> set[tuple[Any, int, int]]:
        return {(m.chat_id, m.message_id, m.edit_count) for m in self.api.messages(chat)}

    async def send(self, update: dict[str, Any], chat: int, label: str) -> SentMessage | None:
        before = self._state(chat)
        toasts = len(self.api.calls_of("answerCallbackQuery"))
        self.api.push_update(update)
        took = await self.settle(chat)
        new = [m for m in self.api.messages(chat) if (m.chat_id, m.message_id, m.edit_count) not in before]
        self.show(label, took, new)
        said = [c.params.get("text") for c in self.api.calls_of("answerCallbackQuery")[toasts:]]
        if update.get("callback_query"):
            print("   提示：", [t for t in said if t] or "（无）")
        return new[-1] if new else None

    async def press(self, message: SentMessage, label: str, user: int, chat: int) -> SentMessage | None:
        data = message.button_data(label)
        return await self.send(
            self.api.make_callback_update(message, data, user_id=user, check=False),
            chat,
            f"按 {label} ({data})",
        )


def speechqa(home: Path, *args: str) -> str:
    env = {**os.environ, "SPEECHQA_HOME": str(home), "HF_HUB_OFFLINE": "1"}
    done = subprocess.run([str(SPEECHQA), *args], env=env, capture_output=True, text=True, timeout=600)
    return (done.stdout + done.stderr).strip()


async def answer_time(api: FakeBotAPI, chat: int, since: set[tuple[Any, int, int]], start: float) -> float:
    while True:
        for m in api.messages(chat):
            if (m.chat_id, m.message_id, m.edit_count) not in since and "🔎" in m.plain_text:
                return time.monotonic() - start
        await asyncio.sleep(0.02)


async def ask_five(m: Month, label: str) -> list[float]:
    starts, waits = [], []
    for user, q in zip(STAFF[:5], QUESTIONS_FOR_LOAD, strict=True):
        since = m._state(user)
        start = time.monotonic()
        m.api.push_update(m.api.make_text_update(q, user_id=user))
        starts.append(start)
        waits.append(asyncio.create_task(answer_time(m.api, user, since, start)))
        await asyncio.sleep(0.3)
    took = await asyncio.gather(*waits)
    print(f"\n>> {label}: 5 位同事各问一句，回复用时（秒）", " ".join(f"{t:.2f}" for t in took))
    return list(took)


async def stats_time(m: Month) -> float:
    """Seconds from an admin's /stats to the bot's statistics."""
    since = m._state(ADMIN)
    start = time.monotonic()
    m.api.push_update(m.api.make_text_update("/stats", user_id=ADMIN))
    while not any(
        (x.chat_id, x.message_id, x.edit_count) not in since and "📊" in x.plain_text
        for x in m.api.messages(ADMIN)
    ):
        await asyncio.sleep(0.01)
    took = time.monotonic() - start
    await m.settle(ADMIN)
    return took


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def month(home: Path, docs: Path, log_size: int) -> None:
    if log_size:
        t = time.monotonic()
        write_month_log(home, log_size)
        print(f"wrote {log_size} logged questions in {time.monotonic() - t:.1f} s")
    db = home / "speechqa.db"
    print(f"database: {db.stat().st_size / 1e6:.2f} MB")
    async with FakeBotAPI() as api:
        env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "SPEECHQA_TELEGRAM_API_URL": api.base_url,
            "SPEECHQA_HOME": str(home),
            "SPEECHQA_ADMINS": f"{ADMIN},{ADMIN2}",
            "SPEECHQA_ALLOWED_USERS": ",".join(map(str, STAFF)),
            "SPEECHQA_ALLOWED_CHATS": str(GROUP),
            "NO_PROXY": "127.0.0.1,localhost",
            "HF_HUB_OFFLINE": "1",
        }
        started = time.monotonic()
        bot = await asyncio.create_subprocess_exec(
            str(SPEECHQA), "bot", env=env, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE
        )
        try:
            await api.wait_for("setMyCommands", timeout=240)
            print(f"bot up in {time.monotonic() - started:.1f} s")
            m = Month(api)
            alice = STAFF[0]

            # -- 4. growth: /stats over the month's log --------------------------------------------------
            for i in range(3):
                print(f"\n>> /stats #{i + 1}: reply in {await stats_time(m):.2f} s")
            await m.send(api.make_text_update("/stats", user_id=ADMIN), ADMIN, "/stats")

            # -- 1. buttons on old messages ------------------------------------------------------------
            notice = docs / "活动中心开放时间通知.docx"
            corrected = docs / "修改" / "活动中心开放时间通知.docx"
            await m.send(
                api.make_document_update(notice.name, notice.read_bytes(), user_id=ADMIN),
                ADMIN,
                "管理员上传通知",
            )
            question = "活动中心健身房几点停止入场"
            old = await m.send(api.make_text_update(question, user_id=alice), alice, "同事问")
            old_admin = await m.send(api.make_text_update(question, user_id=ADMIN), ADMIN, "管理员问同一句")
            assert old is not None and old_admin is not None
            await m.send(
                api.make_document_update(corrected.name, corrected.read_bytes(), user_id=ADMIN),
                ADMIN,
                "一周后：管理员上传改了开放时间的通知（同名）",
            )
            for label in ["上下文 1", "上下文 2", "出处 1", "只看这篇讲话 1", "导出 Word", "👍"]:
                await m.press(old, label, alice, alice)
            await m.press(old_admin, "📌 设为标准答案 1", ADMIN, ADMIN)
            await m.send(api.make_text_update("/reindex", user_id=ADMIN), ADMIN, "/reindex")
            await m.press(old, "上下文 1", alice, alice)
            speech_id = old.button_data("出处 1").split(":")[1]
            print(
                f"\n>> 服务器上 speechqa remove {speech_id} --yes\n"
                + speechqa(home, "remove", speech_id, "--yes")
            )
            await asyncio.sleep(2)
            for label in ["上下文 1", "出处 1", "只看这篇讲话 1", "导出 Word"]:
                await m.press(old, label, alice, alice)
            await m.press(old_admin, "📌 设为标准答案 2", ADMIN, ADMIN)
            await m.send(
                api.make_document_update(corrected.name, corrected.read_bytes(), user_id=ADMIN),
                ADMIN,
                "管理员再次上传修改后的通知（重新加入）",
            )
            for label in ["上下文 1", "出处 1", "只看这篇讲话 1"]:
                await m.press(old, label, alice, alice)
            await m.press(old_admin, "📌 设为标准答案 2", ADMIN, ADMIN)

            # -- 2. concurrency ------------------------------------------------------------------------
            idle = await ask_five(m, "空闲时")
            await m.settle(STAFF[4])
            report = docs / "全市老干部工作资料汇编.pdf"
            edits_before = len(api.calls_of("editMessageText"))
            t0 = time.monotonic()
            api.push_update(api.make_document_update(report.name, report.read_bytes(), user_id=ADMIN))
            await asyncio.sleep(3)
            small = docs / "重阳节活动安排.docx"
            api.push_update(api.make_document_update(small.name, small.read_bytes(), user_id=ADMIN2))
            busy = await ask_five(m, "索引 40 页 PDF 时")
            busy += await ask_five(m, "索引 40 页 PDF 时（第二轮）")
            await m.settle(ADMIN, timeout=900)
            await m.settle(ADMIN2, timeout=900)
            print(f"\n>> 40 页 PDF 上传到报告：{time.monotonic() - t0:.1f} s")
            for chat in (ADMIN, ADMIN2):
                for msg in api.messages(chat)[-2:]:
                    print(f"[{chat}] (编辑 {msg.edit_count} 次) {msg.plain_text[:400]}")
            progress = [c.params.get("text", "")[:60] for c in api.calls_of("editMessageText")[edits_before:]]
            print("   进度消息的编辑：", len(progress), progress[:8])
            for user in STAFF[:5]:
                print(f"   [{user}] {api.messages(user)[-1].plain_text[:120]}")
            print(
                f"\n   回复用时：空闲 p50 {pct(idle, 50):.2f} s p95 {pct(idle, 95):.2f} s；"
                f"索引时 p50 {pct(busy, 50):.2f} s p95 {pct(busy, 95):.2f} s（{len(busy)} 问）"
            )

            # -- 3. what staff send that is not a question ----------------------------------------------
            carol = STAFF[2]
            answer = await m.send(api.make_text_update("老年大学怎么报名", user_id=carol), carol, "同事问")
            odd: list[tuple[str, dict[str, Any]]] = [
                (
                    "语音",
                    api.make_message_update(
                        {"voice": {"file_id": "V1", "file_unique_id": "v1", "duration": 4}}, user_id=carol
                    ),
                ),
                ("照片（无文字）", api.make_photo_update(user_id=carol)),
                (
                    "贴纸",
                    api.make_message_update(
                        {
                            "sticker": {
                                "file_id": "S1",
                                "file_unique_id": "s1",
                                "type": "regular",
                                "width": 512,
                                "height": 512,
                                "is_animated": False,
                                "is_video": False,
                                "emoji": "👍",
                            }
                        },
                        user_id=carol,
                    ),
                ),
                (
                    "转发频道消息",
                    api.make_message_update(
                        {
                            "text": "【通知】市老年大学2027年春季班开始报名，报名时间为1月5日至1月15日。",
                            "forward_origin": {
                                "type": "channel",
                                "date": int(time.time()) - 3600,
                                "chat": {"id": -1001999, "type": "channel", "title": "温州老干部"},
                                "message_id": 77,
                            },
                        },
                        user_id=carol,
                    ),
                ),
                (
                    "回复回答：第二条再详细点",
                    api.make_text_update("第二条再详细点", user_id=carol, reply_to_message=answer),
                ),
                ("只有链接", api.make_text_update("https://mp.weixin.qq.com/s/AbCdEf123", user_id=carol)),
                (
                    "粘贴 3000 字通知",
                    api.make_text_update(
                        (docs / "长通知.txt").read_text(encoding="utf-8")
                        if (docs / "长通知.txt").exists()
                        else (
                            "各单位：" + "为进一步做好离退休干部服务管理工作，现就有关事项通知如下。" * 110
                        )[:3000],
                        user_id=carol,
                    ),
                ),
            ]
            for label, update in odd:
                await m.send(update, carol, label)

            # -- 4 again: /stats at the end ------------------------------------------------------------
            print(f"\n>> /stats（月末，有一条标准答案）: reply in {await stats_time(m):.2f} s")
            await m.send(api.make_text_update("/stats", user_id=ADMIN), ADMIN, "/stats（月末）")
        finally:
            bot.send_signal(2)
            _, err = await asyncio.wait_for(bot.communicate(), timeout=120)
            problems = [line for line in err.decode().splitlines() if "Traceback" in line or "ERROR" in line]
            print("\nbot exit", bot.returncode, "; log errors:", problems[:5])
    print(f"database: {db.stat().st_size / 1e6:.2f} MB")
    if log_size:  # the month's first half pruned on the server
        day = time.strftime("%Y-%m-%d", time.localtime(time.time() - 15 * 86400))
        t = time.monotonic()
        print(
            f"\n>> speechqa prune-log --before {day} --yes\n"
            + speechqa(home, "prune-log", "--before", day, "--yes")
        )
        print(f"   ({time.monotonic() - t:.1f} s, the command's start-up included)")
        print(">> speechqa stats\n" + speechqa(home, "stats"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("home", type=Path)
    parser.add_argument("docs", type=Path)
    parser.add_argument("--log", type=int, default=0)
    a = parser.parse_args()
    asyncio.run(month(a.home, a.docs, a.log))
