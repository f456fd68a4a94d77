"""Trial 61: a week of the bot in daily use, compressed (docs/trial61.md).

Usage (from the repository root, on a COPY of a data home; the admin's uploads are added to it):
    PYTHONPATH=$PWD python scripts/trial/bot_trial61.py HOME DOCS OUT
HOME: a library of the bundled speeches; DOCS: the folder scripts/trial/make_trial61_docs.py wrote; OUT: a
folder for the bot's log (SPEECHQA_LOG_FILE) and the exported .docx files. The real `speechqa bot` process talks
over real HTTP to the fake Bot API of the tests; every reply is printed as its reader sees it, with its buttons,
the toasts and the time it took, and at the end what a reader would notice: messages sent to the wrong forum
topic, Latin words in what users read, ERROR lines in the log.

An admin sends each kind of file (Word, a LibreOffice PDF, a .zip of two, a phone photo, one over 20 MB, a
damaged one, one already in, a corrected one); three staff ask in private and in two topics of a forum
supergroup (follow-ups, an edit, reactions, every button, the commands, a sticker, a voice note, a very long
message, one question sent twice at once); the bot is stopped and started and old buttons pressed, Telegram
fails for a while, a press arrives late.
"""

from __future__ import annotations

import asyncio
import io
import re
import sys
import time
from pathlib import Path
from typing import Any

import docx

from scripts.trial.bot_trial37 import bot_env, start_bot, stop_bot
from scripts.trial.bot_trial38 import Month
from tests.fake_telegram import FakeBotAPI, SentMessage, UploadedFile

ADMIN, ANNA, BO, CHEN = 6101, 6102, 6103, 6104
FORUM = -1006100000001
SPEECHQA = Path(sys.executable).parent / "speechqa"
# words a Chinese reader may meet in Latin letters: file kinds, the product's name, units
LATIN_OK = {
    "word",
    "docx",
    "pdf",
    "zip",
    "txt",
    "jpg",
    "jpeg",
    "png",
    "ofd",
    "wps",
    "rtf",
    "odt",
    "doc",
    "speechqa",
    "img",
    "mb",
    "kb",
}


class Week(Month):
    def __init__(self, api: FakeBotAPI, out: Path) -> None:
        super().__init__(api)
        self.out = out
        self.exports = 0

    async def press(self, message: SentMessage, label: str, user: int, chat: int) -> SentMessage | None:
        """Press the button labelled `label` under the message as it is now (said so when it has none)."""
        fresh = self.api.get_message(message.chat_id, message.message_id)
        if not any(label in b.get("text", "") for b in fresh.buttons):
            print(f"\n>> （没有「{label}」按钮）")
            return None
        return await super().press(fresh, label, user, chat)

    async def topic(self, update: dict[str, Any], label: str) -> SentMessage | None:
        return await self.send(update, FORUM, label)

    async def export(self, message: SentMessage, user: int, chat: int) -> None:
        before = len(self.api.calls_of("sendDocument"))
        await self.press(message, "导出 Word", user, chat)
        for call in self.api.calls_of("sendDocument")[before:]:
            doc = call.params["document"]
            assert isinstance(doc, UploadedFile)
            self.exports += 1
            path = self.out / f"{self.exports:02d}-{doc.filename}"
            path.write_bytes(doc.data)
            d = docx.Document(io.BytesIO(doc.data))
            print(
                f"   {path.name}: thread={call.params.get('message_thread_id')} title={d.core_properties.title!r}"
            )
            for p in d.paragraphs[:8]:
                print(f"   [{p.style.name}] {p.text[:120]}")


def latin_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z]{3,}", text) if w.lower() not in LATIN_OK]


async def week(home: Path, docs: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    log = out / "bot.log"
    async with FakeBotAPI() as api:
        env = bot_env(
            api,
            home,
            str(ADMIN),
            f"{ANNA},{BO}",
            str(FORUM),
            HF_HUB_OFFLINE="1",
            OMP_NUM_THREADS="1",
            SPEECHQA_LOG_FILE=str(log),
        )
        bot, took = await start_bot(SPEECHQA, env, api)
        print(f"bot up in {took:.1f} s (exit {bot.returncode})")
        w = Week(api, out)
        try:
            print("\n===== 周一：管理员上传 =====")
            await w.send(api.make_text_update("/start", user_id=ADMIN), ADMIN, "管理员 /start")
            for name in [
                "阅览室开放时间通知.docx",
                "重阳节登高活动通知.pdf",
                "四月通知两份.zip",
                "年度工作总结.docx",
                "2026年全年会议录像.pdf",
                "阅览室开放时间通知.docx",
            ]:
                path = docs / name
                await w.send(
                    api.make_document_update(name, path.read_bytes(), user_id=ADMIN), ADMIN, f"上传 {name}"
                )
            photo = (docs / "IMG_20270305_093012.jpg").read_bytes()
            await w.send(
                api.make_photo_update(content=photo, size=(1600, 1200), user_id=ADMIN),
                ADMIN,
                "手机拍的通知（照片）",
            )
            await w.send(
                api.make_document_update("IMG_20270305_093012.jpg", photo, "image/jpeg", user_id=ADMIN),
                ADMIN,
                "同一张照片作为文件",
            )
            fixed = docs / "corrected" / "阅览室开放时间通知.docx"
            await w.send(
                api.make_document_update(fixed.name, fixed.read_bytes(), user_id=ADMIN), ADMIN, "更正后的通知"
            )
            await w.send(
                api.make_text_update("阅览室下午几点开门", user_id=ADMIN), ADMIN, "管理员问更正的内容"
            )

            print("\n===== 周二：私聊提问 =====")
            a = await w.send(api.make_text_update("离休干部体检有什么规定", user_id=ANNA), ANNA, "Anna 提问")
            await w.send(api.make_text_update("那退休干部呢？", user_id=ANNA), ANNA, "追问")
            for q in [
                "重阳节登高几点集合",
                "门球比赛什么时候报名",
                "理发室什么时候恢复",
                "健康讲座在哪里",
                "沈伟讲的老年大学",
                "2024年慰问",
                "怎么借书",
                "谢谢",
            ]:
                await w.send(api.make_text_update(q, user_id=ANNA), ANNA, f"Anna: {q}")
            edited = api.make_text_update("老干部活动中心", user_id=ANNA)
            await w.send(edited, ANNA, "Anna 提问（随后修改）")
            await w.send(api.make_edited_update(edited, "老干部活动中心阅览室借阅规定"), ANNA, "修改后的问题")
            if a is not None:
                for label in ["更多结果", "上下文 1", "出处 1", "只看这篇讲话 1"]:
                    r = await w.press(api.get_message(a.chat_id, a.message_id), label, ANNA, ANNA)
                    if (
                        label == "只看这篇讲话 1"
                        and r is not None
                        and any("取消筛选" in b.get("text", "") for b in r.buttons)
                    ):
                        await w.export(r, ANNA, ANNA)
                        await w.press(r, "取消筛选", ANNA, ANNA)
                await w.export(api.get_message(a.chat_id, a.message_id), ANNA, ANNA)
                await w.send(
                    {
                        "update_id": 900001,
                        "message_reaction": {
                            "chat": {"id": ANNA, "type": "private", "first_name": "Alice"},
                            "message_id": a.message_id,
                            "user": {"id": ANNA, "is_bot": False, "first_name": "Alice"},
                            "date": int(time.time()),
                            "old_reaction": [],
                            "new_reaction": [{"type": "emoji", "emoji": "👍"}],
                        },
                    },
                    ANNA,
                    "Anna 👍 表情",
                )
                await w.press(api.get_message(a.chat_id, a.message_id), "👎", ANNA, ANNA)

            print("\n===== 周三：论坛超级群（话题） =====")
            t1 = api.create_forum_topic(FORUM, "待遇政策")
            t2 = api.create_forum_topic(FORUM, "活动通知")
            g = {"chat_id": FORUM, "chat_type": "supergroup"}
            q1 = await w.topic(
                api.make_text_update("/ask 离休干部医药费怎么保障", user_id=BO, message_thread_id=t1, **g),
                "Bo 在话题1 /ask",
            )
            await w.topic(
                api.make_text_update("/ask 那退休干部呢？", user_id=BO, message_thread_id=t1, **g),
                "Bo 话题1 追问",
            )
            q2 = await w.topic(
                api.make_text_update(
                    "@speechqa_bot 重阳节登高在哪里", user_id=CHEN, message_thread_id=t2, **g
                ),
                "Chen 话题2 提及",
            )
            if q1 is not None:
                for label in ["上下文 1", "出处 1", "更多结果", "只看这篇讲话 1"]:
                    await w.press(api.get_message(q1.chat_id, q1.message_id), label, BO, FORUM)
                await w.export(api.get_message(q1.chat_id, q1.message_id), BO, FORUM)
                await w.topic(
                    api.make_text_update(
                        "那医疗费报销呢",
                        user_id=BO,
                        message_thread_id=t1,
                        reply_to_message=api.get_message(q1.chat_id, q1.message_id),
                        **g,
                    ),
                    "Bo 回复答案追问",
                )
            if q2 is not None:
                await w.press(api.get_message(q2.chat_id, q2.message_id), "👍", CHEN, FORUM)
                await w.press(api.get_message(q2.chat_id, q2.message_id), "📌", ADMIN, FORUM)
            await w.topic(
                api.make_text_update("/speeches", user_id=CHEN, message_thread_id=t2, **g), "话题2 /speeches"
            )
            await w.topic(
                api.make_text_update("/speech 2", user_id=CHEN, message_thread_id=t2, **g), "话题2 /speech 2"
            )
            await w.topic(
                api.make_text_update("/stats", user_id=ADMIN, message_thread_id=t2, **g), "管理员话题2 /stats"
            )
            await w.topic(
                api.make_text_update("/help", user_id=CHEN, message_thread_id=t1, **g), "话题1 /help"
            )
            await w.topic(api.make_text_update("/foo", user_id=CHEN, message_thread_id=t1, **g), "话题1 /foo")

            print("\n===== 周四：杂项 =====")
            for cmd in [
                "/speeches",
                "/speech 8",
                "/speech 999",
                "/speech abc",
                "/stats",
                "/help",
                "/hello",
                "/pins",
            ]:
                await w.send(api.make_text_update(cmd, user_id=ANNA), ANNA, f"Anna {cmd}")
            await w.send(
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
                    user_id=ANNA,
                ),
                ANNA,
                "贴纸",
            )
            await w.send(
                api.make_message_update(
                    {"voice": {"file_id": "V1", "file_unique_id": "v1", "duration": 4}}, user_id=ANNA
                ),
                ANNA,
                "语音",
            )
            await w.send(api.make_text_update("请问" + "老干部工作" * 150, user_id=ANNA), ANNA, "很长的消息")
            u1 = api.make_text_update("阅览室每次能借几本书", user_id=BO)
            u2 = api.make_text_update("阅览室每次能借几本书", user_id=BO)
            api.push_update(u1)
            await w.send(u2, BO, "同一问题连发两次")
            await w.send(api.make_text_update("/stats", user_id=ADMIN), ADMIN, "管理员 /stats")

            print("\n===== 周五：重启、断网、迟到的按钮 =====")
            b = await w.send(
                api.make_text_update("老干部活动中心有哪些活动", user_id=BO), BO, "Bo 提问（重启前）"
            )
            await stop_bot(bot)
            bot, took = await start_bot(SPEECHQA, env, api)
            print(f"bot up again in {took:.1f} s")
            if b is not None:
                for label in ["更多结果", "上下文 1", "出处 1"]:
                    await w.press(api.get_message(b.chat_id, b.message_id), label, BO, BO)
                await w.export(api.get_message(b.chat_id, b.message_id), BO, BO)
                fresh = api.get_message(b.chat_id, b.message_id)
                await w.send(
                    api.make_callback_update(
                        fresh, fresh.buttons[3]["callback_data"], user_id=BO, check=False, age=40
                    ),
                    BO,
                    f"迟到 40 秒的 {fresh.buttons[3]['text']}",
                )
            await w.send(api.make_text_update("那退休干部呢？", user_id=ANNA), ANNA, "Anna 重启后追问")
            api.drop_next("sendMessage", times=3)
            await w.send(api.make_text_update("老年大学怎么报名", user_id=ANNA), ANNA, "发消息时网络断了三次")
            api.fail_next("getUpdates", error_code=502, description="Bad Gateway", times=3)
            await w.send(api.make_text_update("老年大学学费多少", user_id=ANNA), ANNA, "getUpdates 502 三次")
        finally:
            await stop_bot(bot)
        print("\n===== 检查 =====")
        wrong = [m for m in api.messages(FORUM) if m.thread_id is None]
        print(f"论坛里没进话题的消息：{len(wrong)}")
        for m in wrong:
            print("   ", m.plain_text[:80])
        read = [m.plain_text for m in api.messages()] + [
            str(c.params.get("text") or "") for c in api.calls_of("answerCallbackQuery")
        ]
        for text in read:
            if words := latin_words(text):
                print("拉丁字母：", words, "｜", text[:100].replace("\n", " "))
        failed = [c for c in api.failed_calls if not c.injected]
        print(f"失败的调用（非注入）：{len(failed)}")
        for c in failed:
            print("   ", c.method, c.status, c.description)
        lines = log.read_text().splitlines() if log.exists() else []
        bad = [line for line in lines if "ERROR" in line or "Traceback" in line]
        print(f"日志：{len(lines)} 行，ERROR/Traceback：{len(bad)}")
        for line in lines:
            if "ERROR" in line or "WARNING" in line:
                print("   ", line[:200])


if __name__ == "__main__":
    asyncio.run(week(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])))
