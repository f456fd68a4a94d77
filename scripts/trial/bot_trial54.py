"""Trial 54: the bot end to end as staff use it (docs/trial54.md), after the command line's.

Usage (from the repository root):
    PYTHONPATH=$PWD python scripts/trial/make_trial54_docs.py DOCS
    PYTHONPATH=$PWD python scripts/trial/bot_trial54.py HOME DOCS
HOME: a data home holding the bundled speeches (a copy) and the pin 「离休干部每年体检几次」 → 段落 #54. The real `speechqa bot` process talks over real HTTP to
the fake Bot API of the tests; every reply is printed as its reader sees it, with its buttons and the time it took.

Private chat: /start, a question, 更多结果, 上下文, 出处, 导出 Word, 👍; the admin uploads a .docx and asks about
it; /stats, /pins. Group: /ask, a mention, 上下文, 👍, /stats from a member.
"""

from __future__ import annotations

import asyncio
import io
import sys
from pathlib import Path

from docx import Document

from scripts.trial.bot_trial37 import bot_env, start_bot, stop_bot
from scripts.trial.bot_trial38 import Month
from tests.fake_telegram import FakeBotAPI

ADMIN, STAFF, GROUP = 5401, 5402, -1005454
SPEECHQA = Path(sys.executable).parent / "speechqa"


async def day(home: Path, docs: Path) -> None:
    async with FakeBotAPI() as api:
        env = bot_env(api, home, str(ADMIN), str(STAFF), str(GROUP), HF_HUB_OFFLINE="1")
        bot, took = await start_bot(SPEECHQA, env, api)
        print(f"bot up in {took:.1f} s (exit {bot.returncode})")
        m = Month(api)
        try:
            print("\n===== 私聊 =====")
            await m.send(api.make_text_update("/start", user_id=STAFF), STAFF, "同事 /start")
            answer = await m.send(api.make_text_update("老年大学怎么办", user_id=STAFF), STAFF, "同事提问")
            if answer is not None:
                if any(
                    "更多结果" in b.get("text", "") for b in answer.buttons
                ):  # only when a next page answers
                    await m.press(answer, "更多结果", STAFF, STAFF)
                for label in ["上下文 1", "出处 1", "👍 有帮助"]:
                    await m.press(answer, label, STAFF, STAFF)
                exported = await m.press(answer, "导出 Word", STAFF, STAFF)
                if exported is not None and exported.document is not None:
                    data = api.files[exported.document["file_id"]].content
                    print("   Word 文件的段落：", [p.text for p in Document(io.BytesIO(data)).paragraphs][:6])
            await m.send(
                api.make_text_update("离休干部体检一次要几个小时", user_id=STAFF),
                STAFF,
                "同事问另一个量（有标准答案）",
            )
            await m.send(api.make_text_update("离休干部每年体检几次", user_id=STAFF), STAFF, "同事问标准问题")
            await m.send(api.make_text_update("离休干部体减规定是什么", user_id=STAFF), STAFF, "同事口误")
            path = docs / "春节慰问方案.docx"
            await m.send(
                api.make_document_update(path.name, path.read_bytes(), user_id=ADMIN),
                ADMIN,
                "管理员上传 .docx",
            )
            asked = await m.send(
                api.make_text_update("春节慰问离休干部给多少钱", user_id=ADMIN), ADMIN, "管理员问新文件"
            )
            if asked is not None and any("📌" in b.get("text", "") for b in asked.buttons):
                await m.press(asked, "📌 设为标准答案 1", ADMIN, ADMIN)
            await m.send(api.make_text_update("/stats", user_id=ADMIN), ADMIN, "管理员 /stats")
            await m.send(api.make_text_update("/pins", user_id=ADMIN), ADMIN, "管理员 /pins")
            await m.send(api.make_text_update("/stats", user_id=STAFF), STAFF, "同事 /stats")

            print("\n===== 群聊 =====")
            group = {"chat_id": GROUP, "chat_type": "supergroup"}
            await m.send(api.make_text_update("/start", user_id=STAFF, **group), GROUP, "群里 /start")
            asked = await m.send(
                api.make_text_update("/ask 离休干部医药费怎么保障", user_id=STAFF, **group),
                GROUP,
                "群里 /ask",
            )
            if asked is not None:
                for label in ["上下文 1", "出处 1", "👍 有帮助"]:
                    await m.press(asked, label, STAFF, GROUP)
            await m.send(
                api.make_text_update("疗休养的地方离市区多远", user_id=STAFF, **group),
                GROUP,
                "群里不带 /ask",
            )
            await m.send(api.make_text_update("/stats", user_id=ADMIN, **group), GROUP, "管理员在群里 /stats")
        finally:
            await stop_bot(bot)


if __name__ == "__main__":
    asyncio.run(day(Path(sys.argv[1]), Path(sys.argv[2])))
