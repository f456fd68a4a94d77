"""Trial 55: the bot as the bureau's administrator and other clients use it (docs/trial55.md).

Usage (from the repository root):
    PYTHONPATH=$PWD python scripts/trial/make_trial55_docs.py DOCS
    PYTHONPATH=$PWD python scripts/trial/bot_trial55.py HOME DOCS
HOME: a copy of the bundled library. The real `speechqa bot` process talks over real HTTP to the fake Bot API of
the tests; every reply is printed as its reader sees it, with its buttons and the time it took.

Admin: two files sent at once (an album: a good .docx and one cut short), /stats, /pins. Other clients: a forum
topic, an edited question, a question as a photo's caption, a voice message, a 4,000-character message,
/ask@botname in a group.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from scripts.trial.bot_trial37 import bot_env, start_bot, stop_bot
from scripts.trial.bot_trial38 import Month
from tests.fake_telegram import FakeBotAPI

ADMIN, STAFF, GROUP, FORUM = 5501, 5502, -1005555, -1005556
SPEECHQA = Path(sys.executable).parent / "speechqa"


async def week(home: Path, docs: Path) -> None:
    async with FakeBotAPI() as api:
        env = bot_env(api, home, str(ADMIN), str(STAFF), f"{GROUP},{FORUM}", HF_HUB_OFFLINE="1")
        bot, took = await start_bot(SPEECHQA, env, api)
        print(f"bot up in {took:.1f} s (exit {bot.returncode})")
        m = Month(api)
        try:
            print("\n===== 管理员 =====")
            good = docs / "folder" / "订阅通知.docx"
            broken = docs / "folder" / "坏文件.docx"
            album = api.media_group(
                [
                    api.make_document_update(good.name, good.read_bytes(), user_id=ADMIN),
                    api.make_document_update(broken.name, broken.read_bytes(), user_id=ADMIN),
                ]
            )
            for update in album:
                api.push_update(update)
            took = await m.settle(ADMIN)
            m.show("管理员一次发两个文件（一个坏的）", took, api.messages(ADMIN))
            await m.send(api.make_text_update("2028年老年报订价多少", user_id=ADMIN), ADMIN, "管理员问新文件")
            await m.send(api.make_text_update("/stats", user_id=ADMIN), ADMIN, "管理员 /stats")
            await m.send(api.make_text_update("/pins", user_id=ADMIN), ADMIN, "管理员 /pins")

            print("\n===== 其他客户端 =====")
            first = api.make_text_update("离休干部体检规定是什么", user_id=STAFF)
            await m.send(first, STAFF, "同事提问")
            await m.send(api.make_edited_update(first, "老年大学怎么办"), STAFF, "同事改了问题")
            await m.send(
                api.make_photo_update("离休干部医药费怎么保障", user_id=STAFF), STAFF, "图片说明里的问题"
            )
            voice = {
                "voice": {
                    "file_id": "VOICE1",
                    "file_unique_id": "V1",
                    "duration": 4,
                    "mime_type": "audio/ogg",
                }
            }
            await m.send(api.make_message_update(voice, user_id=STAFF), STAFF, "语音消息")
            long = "离休干部体检规定是什么？" + "请详细说明相关政策。" * 400
            await m.send(
                api.make_text_update(long[:4000], user_id=STAFF),
                STAFF,
                f"很长的消息（{len(long[:4000])} 字）",
            )
            topic = api.create_forum_topic(FORUM, "老干部工作")
            await m.send(
                api.make_text_update(
                    "/ask 老年大学怎么办",
                    user_id=STAFF,
                    chat_id=FORUM,
                    chat_type="supergroup",
                    message_thread_id=topic,
                ),
                FORUM,
                "论坛话题里 /ask",
            )
            print("   回复所在话题：", {x.thread_id for x in api.messages(FORUM)})
            name = api.bot_user["username"]
            await m.send(
                api.make_text_update(
                    f"/ask@{name} 离休干部医药费怎么保障",
                    user_id=STAFF,
                    chat_id=GROUP,
                    chat_type="supergroup",
                ),
                GROUP,
                "群里 /ask@机器人名",
            )
            await m.send(
                api.make_text_update(f"/stats@{name}", user_id=ADMIN, chat_id=GROUP, chat_type="supergroup"),
                GROUP,
                "管理员在群里 /stats@机器人名",
            )
        finally:
            await stop_bot(bot)


if __name__ == "__main__":
    asyncio.run(week(Path(sys.argv[1]), Path(sys.argv[2])))
