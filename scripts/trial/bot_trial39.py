"""Trial 39: a week of the bot as the new administrator of a second office would use it (docs/trial39.md).

Usage (from the repository root):
    PYTHONPATH=$PWD python scripts/trial/make_trial39_docs.py DOCS
    PYTHONPATH=$PWD python scripts/trial/bot_trial39.py HOME DOCS
HOME: an EMPTY folder (the second office starts with no library; it is filled here). The real `speechqa bot`
process (the one beside this Python, with this checkout first on PYTHONPATH) talks over real HTTP to the fake
Bot API of the tests. Every reply is printed as its reader sees it, with its buttons and the time it took.

Monday: /start and /help as the admin; a Word notice, a GBK text, a spreadsheet, a zip of both; /speeches.
Tuesday: a PDF, a page photographed (a photo) and the same page as a file, a channel's post forwarded.
Wednesday: the notice's corrected version (another file name): 删除旧版《…》 or 两篇都保留; a question pinned (📌),
  a colleague's paraphrase; /pins.
Thursday: 导出 Word (read back with python-docx); /stats; the old version removed from the report's button; the
  buttons of Monday's answer pressed again.
Friday: `speechqa backup` on the server; a speech removed by mistake; `speechqa restore`; questions and old buttons
  again; `speechqa speeches` and `health`.
"""

from __future__ import annotations

import asyncio
import io
import sys
import time
from pathlib import Path

from docx import Document

from scripts.trial.bot_trial37 import bot_env, start_bot, stop_bot
from scripts.trial.bot_trial38 import Month, speechqa
from tests.fake_telegram import FakeBotAPI

ADMIN, STAFF, STAFF2 = 3001, 3002, 3003
GROUP = -100888000
SPEECHQA = Path(sys.executable).parent / "speechqa"
CHANNEL_POST = (
    "【通知】市老干部活动中心门球场即日起完成改造并重新开放。开放时间为每天上午7时至10时、下午3时至6时，"
    "雨天暂停开放。请各门球队提前一天到服务台预约场地，每队每次使用不超过两小时。"
)


async def week(home: Path, docs: Path) -> None:
    async with FakeBotAPI() as api:
        env = bot_env(api, home, str(ADMIN), f"{STAFF},{STAFF2}", str(GROUP), HF_HUB_OFFLINE="1")
        bot, took = await start_bot(SPEECHQA, env, api)
        print(f"bot up in {took:.1f} s (exit {bot.returncode})")
        m = Month(api)

        def upload(name: str, who: int = ADMIN, **kw: object) -> dict[str, object]:
            return api.make_document_update(name, (docs / name).read_bytes(), user_id=who, **kw)  # type: ignore[arg-type]

        try:
            print("\n===== 周一 =====")
            await m.send(api.make_text_update("/start", user_id=ADMIN), ADMIN, "管理员 /start")
            await m.send(api.make_text_update("/help", user_id=ADMIN), ADMIN, "管理员 /help")
            await m.send(api.make_text_update("/speeches", user_id=ADMIN), ADMIN, "/speeches（空资料库）")
            await m.send(api.make_text_update("春节慰问金是多少", user_id=STAFF), STAFF, "同事在空资料库提问")
            for name in [
                "春节走访慰问通知.docx",
                "活动室管理制度.txt",
                "2027年离休干部体检名单.xlsx",
                "材料.zip",
            ]:
                await m.send(upload(name), ADMIN, f"管理员上传 {name}")
            await m.send(api.make_text_update("/speeches", user_id=ADMIN), ADMIN, "/speeches")
            monday = await m.send(
                api.make_text_update("春节慰问金每人多少钱", user_id=STAFF), STAFF, "同事问"
            )
            await m.send(api.make_text_update("陈德明哪天体检", user_id=STAFF), STAFF, "同事问体检名单")
            await m.send(api.make_text_update("活动室周一开门吗", user_id=STAFF2), STAFF2, "同事问活动室")

            print("\n===== 周二 =====")
            await m.send(upload("老年大学春季招生简章.pdf"), ADMIN, "管理员上传 PDF")
            png = (docs / "银龄志愿服务队通知.png").read_bytes()
            await m.send(
                api.make_photo_update(content=png, size=(1400, 760), user_id=ADMIN), ADMIN, "管理员发照片"
            )
            await m.send(upload("银龄志愿服务队通知.png"), ADMIN, "管理员把同一页作为文件发")
            origin = {
                "type": "channel",
                "chat": {"id": -1009990001, "type": "channel", "title": "瑞安老干部"},
                "message_id": 57,
                "date": int(time.time()) - 86400,
            }
            post = {"text": CHANNEL_POST, "forward_origin": origin}
            await m.send(api.make_message_update(post, user_id=STAFF), STAFF, "同事转发频道消息")
            offer = await m.send(
                api.make_message_update(post, user_id=ADMIN), ADMIN, "管理员转发同一条频道消息"
            )
            if offer is not None and offer.buttons:
                await m.press(offer, "加入资料库", ADMIN, ADMIN)
            await m.send(api.make_text_update("门球场几点开放", user_id=STAFF2), STAFF2, "同事问门球场")
            await m.send(
                api.make_text_update("老年大学报名要带什么材料", user_id=STAFF), STAFF, "同事问老年大学"
            )
            await m.send(
                api.make_text_update("银龄志愿服务队怎么报名", user_id=STAFF), STAFF, "同事问志愿服务队"
            )

            print("\n===== 周三 =====")
            report = await m.send(
                upload("春节走访慰问通知（修改稿）.docx"), ADMIN, "管理员上传修改稿（另一个文件名）"
            )
            question = "困难退休干部春节慰问金多少钱"
            answer = await m.send(api.make_text_update(question, user_id=ADMIN), ADMIN, "管理员问")
            if answer is not None and any("📌" in b.get("text", "") for b in answer.buttons):
                await m.press(answer, "📌 设为标准答案 1", ADMIN, ADMIN)
            await m.send(
                api.make_text_update("困难退休干部过年慰问标准", user_id=STAFF), STAFF, "同事换个说法问"
            )
            await m.send(api.make_text_update("/pins", user_id=ADMIN), ADMIN, "/pins")

            print("\n===== 周四 =====")
            answer = await m.send(
                api.make_text_update("老年大学学费多少", user_id=STAFF), STAFF, "同事问学费"
            )
            if answer is not None:
                exported = await m.press(answer, "导出 Word", STAFF, STAFF)
                if exported is not None and exported.document is not None:
                    data = api.files[exported.document["file_id"]].content
                    read = Document(io.BytesIO(data))
                    print("   Word 文件的段落：", [p.text for p in read.paragraphs][:12])
            await m.send(api.make_text_update("/stats", user_id=ADMIN), ADMIN, "/stats")
            if report is not None and report.buttons:
                asked = await m.press(report, "删除旧版", ADMIN, ADMIN)
                if asked is not None and asked.buttons:
                    await m.press(asked, "确定删除", ADMIN, ADMIN)
            if monday is not None:
                for label in ["上下文 1", "出处 1", "只看这篇讲话 1"]:
                    await m.press(monday, label, STAFF, STAFF)
            await m.send(api.make_text_update(question, user_id=STAFF), STAFF, "同事再问（旧版已删）")

            print("\n===== 周五 =====")
            backup = home.parent / f"周五备份-{home.name}.db"  # one per trial home: `backup` never overwrites
            print(f"\n>> 服务器上 speechqa backup\n{speechqa(home, 'backup', str(backup))}")
            listed = speechqa(home, "speeches")
            print(f"\n>> speechqa speeches\n{listed}")
            victim = next(line.split()[0] for line in listed.splitlines() if "招生简章" in line)
            print(f"\n>> 误删：speechqa remove {victim} --yes\n{speechqa(home, 'remove', victim, '--yes')}")
            await asyncio.sleep(2)
            await m.send(api.make_text_update("老年大学学费多少", user_id=STAFF), STAFF, "误删后同事问学费")
            print(f"\n>> speechqa restore --yes\n{speechqa(home, 'restore', '--yes', str(backup))}")
            await asyncio.sleep(2)
            await m.send(api.make_text_update("老年大学学费多少", user_id=STAFF), STAFF, "恢复后同事问学费")
            if answer is not None:
                for label in ["上下文 1", "出处 1", "导出 Word"]:
                    await m.press(answer, label, STAFF, STAFF)
            await m.send(api.make_text_update(question, user_id=STAFF2), STAFF2, "恢复后问标准答案的问题")
            await m.send(api.make_text_update("/pins", user_id=ADMIN), ADMIN, "恢复后 /pins")
            await m.send(api.make_text_update("/stats", user_id=ADMIN), ADMIN, "恢复后 /stats")
            print(f"\n>> speechqa speeches\n{speechqa(home, 'speeches')}")
            print(f"\n>> speechqa health\n{speechqa(home, 'health')}")
        finally:
            await stop_bot(bot)


if __name__ == "__main__":
    asyncio.run(week(Path(sys.argv[1]), Path(sys.argv[2])))
