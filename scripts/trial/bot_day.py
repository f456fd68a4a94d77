"""A staff trial's day with the bot (scripts/trial/bot_trial53.py, …54…): the real `speechqa bot` process
talks over real HTTP to the fake Bot API of the tests; every reply is printed as its reader sees it, with its
buttons and the time it took. Each trial gives only its people and its words (`BotDay`).

Private chat: /start, a question, 更多结果, 上下文, 出处, 导出 Word, 👍; the trial's further questions; the admin
uploads a .docx and asks about it (📌 pressed when offered); /stats, /pins. Group: /ask, a mention, 上下文, 👍,
/stats from a member.
"""

from __future__ import annotations

import asyncio
import io
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from docx import Document

from scripts.trial.bot_trial37 import bot_env, start_bot, stop_bot
from scripts.trial.bot_trial38 import Month
from tests.fake_telegram import FakeBotAPI

SPEECHQA = Path(sys.executable).parent / "speechqa"


@dataclass(frozen=True)
class BotDay:
    """Who takes part in a trial's day and what they say."""

    admin: int
    staff: int
    group: int
    upload: str  # the .docx of DOCS the admin uploads
    admin_question: str  # what the admin then asks of it
    group_mention: str  # what a member says in the group without /ask
    staff_questions: Sequence[
        tuple[str, str]
    ] = ()  # more the colleague asks in private: (question, what it is)
    question: str = "老年大学怎么办"  # the colleague's first question, its buttons pressed
    group_ask: str = "/ask 离休干部医药费怎么保障"


async def day(trial: BotDay, home: Path, docs: Path) -> None:
    """The day with the bot of the data home `home`, the admin's upload taken from `docs`."""
    admin, staff, chat = trial.admin, trial.staff, trial.group
    async with FakeBotAPI() as api:
        env = bot_env(api, home, str(admin), str(staff), str(chat), HF_HUB_OFFLINE="1")
        bot, took = await start_bot(SPEECHQA, env, api)
        print(f"bot up in {took:.1f} s (exit {bot.returncode})")
        m = Month(api)
        try:
            print("\n===== 私聊 =====")
            await m.send(api.make_text_update("/start", user_id=staff), staff, "同事 /start")
            answer = await m.send(api.make_text_update(trial.question, user_id=staff), staff, "同事提问")
            if answer is not None:
                if any(
                    "更多结果" in b.get("text", "") for b in answer.buttons
                ):  # only when a next page answers
                    await m.press(answer, "更多结果", staff, staff)
                for label in ["上下文 1", "出处 1", "👍 有帮助"]:
                    await m.press(answer, label, staff, staff)
                exported = await m.press(answer, "导出 Word", staff, staff)
                if exported is not None and exported.document is not None:
                    data = api.files[exported.document["file_id"]].content
                    print("   Word 文件的段落：", [p.text for p in Document(io.BytesIO(data)).paragraphs][:6])
            for question, what in trial.staff_questions:
                await m.send(api.make_text_update(question, user_id=staff), staff, what)
            path = docs / trial.upload
            await m.send(
                api.make_document_update(path.name, path.read_bytes(), user_id=admin),
                admin,
                "管理员上传 .docx",
            )
            asked = await m.send(
                api.make_text_update(trial.admin_question, user_id=admin), admin, "管理员问新文件"
            )
            if asked is not None and any("📌" in b.get("text", "") for b in asked.buttons):
                await m.press(asked, "📌 设为标准答案 1", admin, admin)
            await m.send(api.make_text_update("/stats", user_id=admin), admin, "管理员 /stats")
            await m.send(api.make_text_update("/pins", user_id=admin), admin, "管理员 /pins")
            await m.send(api.make_text_update("/stats", user_id=staff), staff, "同事 /stats")

            print("\n===== 群聊 =====")
            group = {"chat_id": chat, "chat_type": "supergroup"}
            await m.send(api.make_text_update("/start", user_id=staff, **group), chat, "群里 /start")
            asked = await m.send(
                api.make_text_update(trial.group_ask, user_id=staff, **group),
                chat,
                "群里 /ask",
            )
            if asked is not None:
                for label in ["上下文 1", "出处 1", "👍 有帮助"]:
                    await m.press(asked, label, staff, chat)
            await m.send(
                api.make_text_update(trial.group_mention, user_id=staff, **group),
                chat,
                "群里不带 /ask",
            )
            await m.send(api.make_text_update("/stats", user_id=admin, **group), chat, "管理员在群里 /stats")
        finally:
            await stop_bot(bot)


def main(trial: BotDay, argv: Sequence[str]) -> None:
    """`… HOME DOCS`: the day with the bot of HOME, the admin's upload from DOCS."""
    asyncio.run(day(trial, Path(argv[1]), Path(argv[2])))
