"""Try the bot's flows without Telegram: the real `Application` against the fake Bot API of the tests.

Usage (from the repository root, on a COPY of a data home; uploads are added to it):
    PYTHONPATH=$PWD HF_HUB_OFFLINE=1 python scripts/trial/bot_trial31.py HOME DOCS_DIR
DOCS_DIR is what scripts/trial/make_trial31_docs.py wrote. Prints each reply as a user reads it.
Note: tests/bot_harness.service_on opens the library with the library API's default chunking (one
passage per paragraph), not `speechqa bot`'s (merged up to 200 characters), so passage counts differ.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from tests.bot_harness import ADMIN, USER, feed, running_bot, service_on
from tests.fake_telegram import FakeBotAPI

UPLOADS = [
    "good/走访慰问通知.docx",
    "good/银龄先锋推进会.html",
    "pdf/走访慰问通知.pdf",
    "broken/慰问名单.xlsx",
    "broken/传输中断.docx",
    "broken/空白.pdf",
]
QUESTIONS = ["离休干部春节慰问金多少钱", "老年大学一个人能报几门课", "丧葬费怎么发", "/speeches", "/speech 8"]


async def trial(home: Path, docs: Path) -> None:
    async with FakeBotAPI() as api:
        with service_on(home) as service:
            async with running_bot(api, service, progress_interval=0) as app:
                for name in UPLOADS:
                    path = docs / name
                    await feed(app, api.make_document_update(path.name, path.read_bytes(), user_id=ADMIN))
                    print(f">> {ADMIN} uploads {name}\n{api.last_message(ADMIN).plain_text}\n")
                first = None
                for text in QUESTIONS:
                    await feed(app, api.make_text_update(text, user_id=USER))
                    reply = api.last_message(USER)
                    first = first or reply
                    buttons = [b.get("text") for b in reply.buttons]
                    print(f">> {text}\n{reply.plain_text}\nbuttons: {buttons}\n")
                assert first is not None
                for label in ("上下文 1", "出处 1"):
                    await feed(app, api.make_callback_update(first, first.button_data(label), user_id=USER))
                    print(f">> press {label}\n{api.last_message(USER).plain_text}\n")


if __name__ == "__main__":
    asyncio.run(trial(Path(sys.argv[1]), Path(sys.argv[2])))
