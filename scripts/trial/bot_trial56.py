"""Trial 56: a staff member drafting a report with the bot for a morning (docs/trial56.md).

Usage (from the repository root):
    PYTHONPATH=$PWD python scripts/trial/bot_trial56.py HOME OUT
HOME: a copy of a library built by main's code (/tmp/me/libs55/asks45); OUT: a folder for the exported .docx files.
The real `speechqa bot` process talks over real HTTP to the fake Bot API of the tests; every reply is printed as
its reader sees it, with its buttons and the time it took.

Staff: a question naming a year, 只看这篇讲话, 取消筛选, 导出 Word (the file saved and read back), 上下文, 出处,
更多结果 to the end, a question edited after sending; the bot restarted and the old buttons pressed. Admin:
📌 设为标准答案, then a colleague's paraphrase.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import docx

from scripts.trial.bot_trial37 import bot_env, start_bot, stop_bot
from scripts.trial.bot_trial38 import Month
from tests.fake_telegram import FakeBotAPI, UploadedFile

ADMIN, STAFF, COLLEAGUE = 5601, 5602, 5603
SPEECHQA = Path(sys.executable).parent / "speechqa"


def read_back(path: Path) -> None:
    """Print a saved export as python-docx reads it: styles, bold runs marked **…**."""
    d = docx.Document(str(path))
    print(f"   {path.name}: title={d.core_properties.title!r} author={d.core_properties.author!r}")
    for p in d.paragraphs:
        text = "".join(f"**{r.text}**" if r.bold else r.text for r in p.runs)
        print(f"   [{p.style.name}] {text[:160]}")


async def morning(home: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    async with FakeBotAPI() as api:
        env = bot_env(
            api, home, str(ADMIN), f"{STAFF},{COLLEAGUE}", "", HF_HUB_OFFLINE="1", OMP_NUM_THREADS="1"
        )
        bot, took = await start_bot(SPEECHQA, env, api)
        print(f"bot up in {took:.1f} s (exit {bot.returncode})")
        m = Month(api)
        exports = 0

        async def export(message, label: str) -> None:
            nonlocal exports
            before = len(api.calls_of("sendDocument"))
            await m.press(message, "导出 Word", STAFF, STAFF)
            for call in api.calls_of("sendDocument")[before:]:
                doc = call.params["document"]
                assert isinstance(doc, UploadedFile)
                exports += 1
                path = out / f"{exports:02d}-{doc.filename}"
                path.write_bytes(doc.data)
                print(
                    f"   sendDocument: 文件名={doc.filename!r} 说明={call.params.get('caption')!r} ({label})"
                )
                read_back(path)

        try:
            print("\n===== 同事起草总结 =====")
            first = await m.send(
                api.make_text_update("2024年老年大学工作怎么讲的", user_id=STAFF), STAFF, "带年份的问题"
            )
            assert first is not None
            only = await m.press(first, "只看这篇讲话 1", STAFF, STAFF)
            if only is not None:
                await export(only, "只看这篇讲话之后")
            unf = await m.press(first, "取消筛选", STAFF, STAFF)
            if unf is not None:
                await export(unf, "取消筛选之后")
            await m.press(first, "上下文 1", STAFF, STAFF)
            await m.press(first, "出处 1", STAFF, STAFF)
            page = await m.send(api.make_text_update("离退休干部体检", user_id=STAFF), STAFF, "第二个问题")
            for n in range(80):
                if page is None or not any("更多结果" in b.get("text", "") for b in page.buttons):
                    print(f"   （第 {n + 1} 页后没有「更多结果」按钮）")
                    break
                page = await m.press(page, "更多结果", STAFF, STAFF)
            sent = api.make_text_update("慰问老干部", user_id=STAFF)
            await m.send(sent, STAFF, "第三个问题")
            edited = await m.send(api.make_edited_update(sent, "春节慰问老干部"), STAFF, "改了问题")
            if edited is not None:
                await export(edited, "改过的问题")

            print("\n===== 管理员设标准答案 =====")
            asked = await m.send(
                api.make_text_update("离休干部体检规定是什么", user_id=ADMIN), ADMIN, "管理员提问"
            )
            if asked is not None:
                await m.press(asked, "📌", ADMIN, ADMIN)
            await m.send(
                api.make_text_update("离休老干部每年体检是怎么规定的", user_id=COLLEAGUE),
                COLLEAGUE,
                "同事换个说法",
            )
        finally:
            await stop_bot(bot)

        print("\n===== 重启后按旧按钮 =====")
        bot, took = await start_bot(SPEECHQA, env, api)
        print(f"bot up again in {took:.1f} s")
        try:
            await m.press(first, "更多结果", STAFF, STAFF)
            await m.press(first, "上下文 6", STAFF, STAFF)
            await export(first, "重启之后")
        finally:
            await stop_bot(bot)


if __name__ == "__main__":
    asyncio.run(morning(Path(sys.argv[1]), Path(sys.argv[2])))
