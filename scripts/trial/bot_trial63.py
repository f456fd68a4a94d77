"""Trial 63: the library changes under a running bot (docs/trial63.md).

Usage (from the repository root, on a COPY of a data home of the bundled speeches; the trial changes it):
    PYTHONPATH=$PWD python scripts/trial/bot_trial63.py HOME DOCS OUT
DOCS: the folder scripts/trial/make_trial63_docs.py wrote; OUT: a folder for the bot's log, the admin's working
copies and the exported .docx files. The real `speechqa bot` process talks over real HTTP to the fake Bot API of
the tests while `speechqa add / remove / rebuild` run beside it on the same data home, as an admin on the server
does; every reply is printed as its reader sees it, with its buttons and toasts.

Staff ask in private and in a forum topic; then the admin adds a notice (CLI), replaces it with its correction in
place (CLI), uploads a speech of a new speaker and year (bot), rebuilds (CLI) while questions come in, adds the
speech's correction and a renamed copy, removes the old version; after each change the old answers' buttons are
pressed, pins and /stats looked at, an old question edited.
"""

from __future__ import annotations

import asyncio
import shutil
import sys
import time
from pathlib import Path

from scripts.trial.bot_trial37 import bot_env, start_bot, stop_bot
from scripts.trial.bot_trial61 import SPEECHQA, Week, latin_words
from tests.fake_telegram import FakeBotAPI, SentMessage

ADMIN, ANNA, BO = 6301, 6302, 6303
FORUM = -1006300000001
BUTTONS = ["上下文 1", "出处 1", "只看这篇讲话 1", "更多结果"]


async def cli(env: dict[str, str], *args: str) -> str:
    started = time.monotonic()
    proc = await asyncio.create_subprocess_exec(
        str(SPEECHQA), *args, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
    )
    out, _ = await proc.communicate()
    text = out.decode()
    print(f"\n$ speechqa {' '.join(args)}   (exit {proc.returncode}, {time.monotonic() - started:.1f} s)")
    print("\n".join(line for line in text.splitlines() if "⏳" not in line)[-1500:])
    return text


async def trial(home: Path, docs: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    work = out / "admin"  # the admin's working copy of the files, edited in place
    work.mkdir(exist_ok=True)
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
        print(f"bot up in {took:.1f} s")
        w = Week(api, out)
        topic = api.create_forum_topic(FORUM, "政策问答")
        g = {"chat_id": FORUM, "chat_type": "supergroup", "message_thread_id": topic}

        async def anna(text: str, label: str = "") -> SentMessage | None:
            return await w.send(api.make_text_update(text, user_id=ANNA), ANNA, label or f"Anna: {text}")

        async def bo(text: str, label: str = "") -> SentMessage | None:
            return await w.send(
                api.make_text_update(f"/ask {text}", user_id=BO, **g), FORUM, label or f"Bo（话题）: {text}"
            )

        async def press_all(msg: SentMessage | None, user: int, chat: int, labels: list[str]) -> None:
            if msg is None:
                print("\n>> （没有可按的回答）")
                return
            for label in labels:
                await w.press(api.get_message(msg.chat_id, msg.message_id), label, user, chat)

        try:
            print("\n===== 1. 周一：提问，然后管理员在服务器上加入通知 =====")
            a0 = await anna("离休干部体检规定是什么？")
            shutil.copyfile(docs / "阅览室开放时间通知.docx", work / "阅览室开放时间通知.docx")
            await cli(env, "add", str(work / "阅览室开放时间通知.docx"))
            await anna("阅览室下午几点开门", "Anna 马上问新通知（不重启）")
            hours = await bo("阅览室下午几点开门")
            mine = await w.send(
                api.make_text_update("阅览室下午几点开门", user_id=ADMIN), ADMIN, "管理员提问"
            )
            await press_all(mine, ADMIN, ADMIN, ["📌"])
            await w.send(api.make_text_update("/pins", user_id=ADMIN), ADMIN, "管理员 /pins")

            print("\n===== 2. 周二：管理员用更正稿覆盖原文件，在服务器上再加入（原地更新） =====")
            shutil.copyfile(docs / "corrected" / "阅览室开放时间通知.docx", work / "阅览室开放时间通知.docx")
            await cli(env, "add", str(work / "阅览室开放时间通知.docx"))
            await w.send(
                api.make_text_update("/pins", user_id=ADMIN), ADMIN, "管理员 /pins（标准答案的段落已改）"
            )
            await w.send(api.make_text_update("/stats", user_id=ADMIN), ADMIN, "管理员 /stats")
            await press_all(hours, BO, FORUM, [*BUTTONS, "👍"])
            if hours is not None:
                await w.export(api.get_message(hours.chat_id, hours.message_id), BO, FORUM)
            await bo("阅览室下午几点开门", "Bo 再问一次")

            print("\n===== 3. 周三：管理员在机器人里上传新讲话（新讲话人、新年份） =====")
            speech = docs / "王建华同志在银龄志愿服务推进会上的讲话.docx"
            await w.send(
                api.make_document_update(speech.name, speech.read_bytes(), user_id=ADMIN), ADMIN, "上传讲话"
            )
            v = await bo("王建华同志讲话中关于志愿者保险的内容", "Bo 按新讲话人提问")
            y = await anna("2027年银龄先锋志愿服务队有多少支")
            if y is not None:
                await w.press(api.get_message(y.chat_id, y.message_id), "取消筛选", ANNA, ANNA)
            await w.send(api.make_text_update("/speeches", user_id=ANNA), ANNA, "Anna /speeches")

            print("\n===== 4. 周四：服务器上 rebuild，同时有人提问 =====")
            edited = api.make_text_update("志愿者积分", user_id=ANNA)
            await w.send(edited, ANNA, "Anna 提问（稍后修改）")
            rebuild = asyncio.create_task(cli(env, "rebuild"))
            await asyncio.sleep(3)
            await anna("离休干部医药费怎么保障", "Anna 在 rebuild 中提问")
            await bo("老年大学怎么报名", "Bo 在 rebuild 中提问")
            await rebuild
            await w.send(api.make_edited_update(edited, "志愿者积分可以兑换什么"), ANNA, "rebuild 后修改问题")
            await press_all(a0, ANNA, ANNA, ["上下文 1", "更多结果"])

            print("\n===== 5. 周五：更正稿作为新讲话加入，转发的同一讲话，删除旧版 =====")
            fixed = docs / "corrected" / "王建华同志在银龄志愿服务推进会上的讲话（定稿）.docx"
            await cli(env, "add", str(fixed))
            await cli(env, "add", str(docs / "推进会讲话-转发.docx"))
            await cli(env, "add", str(docs / "春节走访慰问通知.pdf"))
            await anna("春节走访慰问标准是多少")
            listing = await cli(env, "speeches")
            old = next(
                line.split()[0]
                for line in listing.splitlines()
                if "银龄" in line and "#" not in line.split()[0]
            )
            await cli(env, "remove", old, "--yes")
            if v is not None:
                await press_all(v, BO, FORUM, [*BUTTONS, "👍"])
                await w.export(api.get_message(v.chat_id, v.message_id), BO, FORUM)
            await bo("王建华同志讲话中关于志愿者保险的内容", "Bo 再问")
            await anna("注册志愿者有多少名")
            await w.send(api.make_text_update("/pins", user_id=ADMIN), ADMIN, "管理员 /pins")
            await w.send(api.make_text_update("/stats", user_id=ADMIN), ADMIN, "管理员 /stats")
            await cli(env, "pins")
        finally:
            await stop_bot(bot)
        print("\n===== 检查 =====")
        wrong = [m for m in api.messages(FORUM) if m.thread_id is None]
        print(f"论坛里没进话题的消息：{len(wrong)}")
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
        print(
            f"日志：{len(lines)} 行，ERROR/Traceback：{sum('ERROR' in x or 'Traceback' in x for x in lines)}"
        )
        for line in lines:
            if "ERROR" in line or "WARNING" in line:
                print("   ", line[:200])


if __name__ == "__main__":
    asyncio.run(trial(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])))
