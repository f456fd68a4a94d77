"""Trial 36's bot day: the real `speechqa bot` process against the fake Bot API of the tests, over real HTTP.

Usage (from the repository root, on a COPY of a data home; the admin's uploads are added to it):
    PYTHONPATH=$PWD python scripts/trial/bot_trial36.py HOME DESK
HOME: a data home (e.g. one `speechqa add --bundled` made); DESK: the desk/ folder that
scripts/trial/make_trial36_docs.py wrote. `speechqa` is the one beside this Python (its venv's).
An admin uploads the desk files (a .docx, the GB2312 .txt, both PDFs of the speech, the colleague's .zip,
the bulletin-board photo as a file and as a photo); a staff member asks in several styles and presses every
button of an answer; a group asks with /ask; the admin pins a passage and asks /stats. Every reply is
printed as its reader sees it, with its buttons, and the time it took.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path
from typing import Any

from scripts.trial.settle import settle
from tests.fake_telegram import FakeBotAPI, SentMessage

TOKEN = "123456:TEST-token_for_the_fake"
USER, ADMIN, GROUP = 1001, 1002, -100555
UPLOADS = [
    "2025年/10月/林局长在全市老干部工作会议上的讲话.docx",
    "2025年/10月/老干部工作会议讲话（排版稿）.pdf",
    "2025年/10月/老干部工作会议讲话（LibreOffice导出）.pdf",
    "2025年/07月/高温关爱通知.txt",
    "2025年/05月/离休干部健康体检通知.docx",
    "2025年/05月/离休干部健康体检通知（修改稿）.docx",
    "往年/2024年/在全市老干部工作会议上的讲话.docx",
    "王科长转来的材料.zip",
    "拍照/IMG_20251028_0931.jpg",
]
QUESTIONS = [
    "离修干部体捡在哪个医院",  # typos
    "高溫天氣老年大學停課嗎",  # traditional
    "防暑降温物品发多少钱",
    "那春节慰问呢",  # a follow-up with nothing to stand in for
    "林晓东讲话中关于活动室的内容",  # a speaker named
    "2024年老年大学学员有多少人",  # a year named
    "活动中心周一开门吗",
    "怎样做好老干部工作",  # broad: 更多结果
]


class Day:
    def __init__(self, api: FakeBotAPI) -> None:
        self.api = api

    async def settle(self, chat: int, timeout: float = 240.0) -> float:
        """Wait until the bot has said its last for now in `chat` (no call for 1.5 s, no ⏳ left)."""
        return await settle(self.api, chat, quiet=1.5, timeout=timeout, poll=0.25)

    async def send(self, update: dict[str, Any], chat: int, label: str) -> SentMessage | None:
        before = {(m.chat_id, m.message_id, m.edit_count) for m in self.api.messages(chat)}
        self.api.push_update(update)
        took = await self.settle(chat)
        new = [m for m in self.api.messages(chat) if (m.chat_id, m.message_id, m.edit_count) not in before]
        print(f"\n>> {label}   ({took:.1f} s)")
        for m in new:
            print(
                m.plain_text if m.document is None else f"[文件] {m.document.get('file_name')} {m.plain_text}"
            )
            if m.buttons:
                print("   按钮：", " | ".join(b.get("text", "") for b in m.buttons))
        toasts = [
            c.params.get("text") for c in self.api.calls_of("answerCallbackQuery") if c.params.get("text")
        ]
        if toasts and update.get("callback_query"):
            print("   提示：", toasts[-1])
        return new[-1] if new else None

    async def press(self, message: SentMessage, label: str, user: int, chat: int) -> SentMessage | None:
        data = message.button_data(label)
        fresh = self.api.get_message(message.chat_id, message.message_id)
        return await self.send(self.api.make_callback_update(fresh, data, user_id=user), chat, f"按 {label}")


async def day(home: Path, desk: Path) -> None:
    speechqa = Path(sys.executable).parent / "speechqa"
    async with FakeBotAPI() as api:
        env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "SPEECHQA_TELEGRAM_API_URL": api.base_url,
            "SPEECHQA_HOME": str(home),
            "SPEECHQA_ADMINS": str(ADMIN),
            "SPEECHQA_ALLOWED_USERS": str(USER),
            "SPEECHQA_ALLOWED_CHATS": str(GROUP),
            "NO_PROXY": "127.0.0.1,localhost",
            "HF_HUB_OFFLINE": "1",
        }
        started = time.monotonic()
        bot = await asyncio.create_subprocess_exec(
            str(speechqa), "bot", env=env, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE
        )
        try:
            await api.wait_for("setMyCommands", timeout=180)
            print(f"bot up in {time.monotonic() - started:.1f} s")
            d = Day(api)
            await d.send(api.make_text_update("/start", user_id=USER), USER, "/start")
            for rel in UPLOADS:
                path = desk / rel
                await d.send(
                    api.make_document_update(path.name, path.read_bytes(), user_id=ADMIN),
                    ADMIN,
                    f"管理员上传 {rel}",
                )
            photo = (desk / UPLOADS[-1]).read_bytes()
            await d.send(
                api.make_photo_update(content=photo, size=(1319, 1684), user_id=ADMIN), ADMIN, "管理员发照片"
            )
            answers: dict[str, SentMessage] = {}
            for q in QUESTIONS:
                reply = await d.send(api.make_text_update(q, user_id=USER), USER, q)
                if reply is not None:
                    answers[q] = reply
            a = answers["林晓东讲话中关于活动室的内容"]
            for label in ("取消筛选", "上下文 1", "出处 1", "只看这篇讲话 1"):
                a = api.get_message(a.chat_id, a.message_id)
                got = await d.press(a, label, USER, USER)
                if (
                    label == "出处 1"
                    and got is not None
                    and any("阅读全文" in b.get("text", "") for b in got.buttons)
                ):
                    await d.press(got, "阅读全文", USER, USER)
            broad = answers["怎样做好老干部工作"]
            if any("更多结果" in b.get("text", "") for b in broad.buttons):
                await d.press(broad, "更多结果", USER, USER)
            await d.press(api.get_message(broad.chat_id, broad.message_id), "导出 Word", USER, USER)
            # the admin pins the answer to a Monday question, then a colleague asks it in other words
            pin_q = await d.send(
                api.make_text_update("活动中心周一开门吗", user_id=ADMIN),
                ADMIN,
                "管理员问：活动中心周一开门吗",
            )
            if pin_q is not None:
                await d.press(pin_q, "📌", ADMIN, ADMIN)
            await d.send(
                api.make_text_update("星期一活动中心开不开", user_id=USER), USER, "星期一活动中心开不开"
            )
            await d.send(
                api.make_text_update(
                    "/ask 重阳节汇演几点到场", chat_id=GROUP, chat_type="supergroup", user_id=USER
                ),
                GROUP,
                "群里 /ask 重阳节汇演几点到场",
            )
            await d.send(api.make_text_update("/speeches", user_id=USER), USER, "/speeches")
            await d.send(api.make_text_update("/speech 12", user_id=USER), USER, "/speech 12")
            await d.send(api.make_text_update("/stats", user_id=ADMIN), ADMIN, "/stats")
        finally:
            bot.send_signal(2)
            _, err = await asyncio.wait_for(bot.communicate(), timeout=60)
            problems = [line for line in err.decode().splitlines() if "Traceback" in line or "ERROR" in line]
            print("\nbot exit", bot.returncode, "; log errors:", problems[:5])


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__.splitlines()[2], file=sys.stderr)
        sys.exit(2)
    asyncio.run(day(Path(sys.argv[1]), Path(sys.argv[2])))
