"""Trial 40: a new IT person's first day with the bot (docs/trial40.md), after the command line's.

Usage (from the repository root):
    PYTHONPATH=$PWD python scripts/trial/make_trial40_docs.py DOCS
    PYTHONPATH=$PWD python scripts/trial/bot_trial40.py HOME DOCS
HOME: a data home holding the bundled speeches (a copy of one built before: the bot is started on it). The real
`speechqa bot` process (the one beside this Python, with this checkout first on PYTHONPATH) talks over real HTTP
to the fake Bot API of the tests. Every reply is printed as its reader sees it, with its buttons and the time it
took.

Morning: /start, /help; the admin sends the day's files (Word with header and table, a LibreOffice PDF, a GBK
text, the page as a photo), then the wrong ones (empty, encrypted PDF, a .doc named .docx, a zip named .docx, a
file with spaces and an emoji in its name, a 200 MB text); a member sends one too.
Afternoon: colleagues ask; 只看这篇讲话, 上下文, 出处, 导出 Word; the admin pins an answer; /pins, /stats, /reindex;
on the server `speechqa backup`, `restore`, `health`.
"""

from __future__ import annotations

import asyncio
import io
import sys
from pathlib import Path

from docx import Document
from PIL import Image

from scripts.trial.bot_trial37 import bot_env, start_bot, stop_bot
from scripts.trial.bot_trial38 import Month, speechqa
from tests.fake_telegram import FakeBotAPI

ADMIN, STAFF = 4001, 4002
SPEECHQA = Path(sys.executable).parent / "speechqa"


async def day(home: Path, docs: Path) -> None:
    async with FakeBotAPI() as api:
        env = bot_env(api, home, str(ADMIN), str(STAFF), "", HF_HUB_OFFLINE="1")
        bot, took = await start_bot(SPEECHQA, env, api)
        print(f"bot up in {took:.1f} s (exit {bot.returncode})")
        m = Month(api)

        def upload(path: Path, who: int = ADMIN) -> dict[str, object]:
            return api.make_document_update(path.name, path.read_bytes(), user_id=who)

        try:
            print("\n===== 上午 =====")
            await m.send(api.make_text_update("/start", user_id=ADMIN), ADMIN, "管理员 /start")
            await m.send(api.make_text_update("/help", user_id=STAFF), STAFF, "同事 /help")
            for name in [
                "2028年老干部工作要点.docx",
                "银发先锋评选办法.pdf",
                "老干部活动中心开放时间调整.txt",
            ]:
                await m.send(upload(docs / name), ADMIN, f"管理员上传 {name}")
            photo = io.BytesIO()  # Telegram sends a photo as a JPEG of its own making
            Image.open(docs / "重阳节登高活动通知.png").convert("RGB").save(photo, "JPEG", quality=85)
            update = api.make_photo_update(content=photo.getvalue(), size=(1426, 1038), user_id=ADMIN)
            await m.send(update, ADMIN, "管理员发照片")
            for path in sorted((docs / "wrong").iterdir()):
                await m.send(upload(path), ADMIN, f"管理员上传（有问题的）{path.name}")
            await m.send(upload(docs / "老干部活动中心开放时间调整.txt", STAFF), STAFF, "同事上传文件")

            print("\n===== 下午 =====")
            await m.send(
                api.make_text_update("离休干部体检费用标准是多少", user_id=STAFF), STAFF, "同事问体检费用"
            )
            await m.send(api.make_text_update("银发先锋怎么评", user_id=STAFF), STAFF, "同事问银发先锋")
            await m.send(api.make_text_update("活动中心周一开门吗", user_id=STAFF), STAFF, "同事问活动中心")
            await m.send(api.make_text_update("重阳登高几点集合", user_id=STAFF), STAFF, "同事问登高（照片）")
            await m.send(api.make_text_update("2028年6月有什么活动", user_id=STAFF), STAFF, "同事问表格")
            await m.settle(STAFF)  # a loaded machine answers after the harness moved on: the answer itself
            answer = next(
                (a for a in api.messages(STAFF) if a.plain_text.startswith("🔎 离休干部体检费用标准是多少")),
                None,
            )
            if answer is not None:
                for label in ["只看这篇讲话 1", "上下文 1", "出处 1"]:
                    await m.press(answer, label, STAFF, STAFF)
                exported = await m.press(answer, "导出 Word", STAFF, STAFF)
                if exported is not None and exported.document is not None:
                    data = api.files[exported.document["file_id"]].content
                    print("   Word 文件的段落：", [p.text for p in Document(io.BytesIO(data)).paragraphs][:8])
            await m.send(
                api.make_text_update("离休干部体检费用标准是多少", user_id=ADMIN), ADMIN, "管理员问同一个问题"
            )
            await m.settle(ADMIN)
            asked = api.last_message(ADMIN)
            if asked is not None and any("📌" in b.get("text", "") for b in asked.buttons):
                await m.press(asked, "📌 设为标准答案 1", ADMIN, ADMIN)
            await m.send(api.make_text_update("离休干部体检一次多少钱", user_id=STAFF), STAFF, "同事换个说法")
            await m.send(api.make_text_update("/pins", user_id=ADMIN), ADMIN, "/pins")
            await m.send(api.make_text_update("/stats", user_id=ADMIN), ADMIN, "/stats")
            await m.send(api.make_text_update("/reindex", user_id=ADMIN), ADMIN, "/reindex")

            backup = home.parent / f"trial40-{home.name}.db"
            print(f"\n>> 服务器上 speechqa backup\n{speechqa(home, 'backup', str(backup))}")
            print(f"\n>> speechqa restore --yes\n{speechqa(home, 'restore', '--yes', str(backup))}")
            await asyncio.sleep(2)
            await m.send(
                api.make_text_update("离休干部体检费用标准是多少", user_id=STAFF), STAFF, "恢复后同事再问"
            )
            print(f"\n>> speechqa health\n{speechqa(home, 'health')}")
        finally:
            await stop_bot(bot)


if __name__ == "__main__":
    asyncio.run(day(Path(sys.argv[1]), Path(sys.argv[2])))
