"""End to end (the real Application over real HTTP against the fake Bot API, the real library and model): an
admin sends the bot a Thunderbird mail folder (.mbox, benchmarks/corpus-cold39's) — each mail added as the
same mail saved as .eml, cited 「老干部局来信.mbox › subject.eml」, one report; its passages answer; sent again,
nothing is added twice; an empty one, or one mail saved under a .mbox name, is one Chinese line."""

from __future__ import annotations

import pytest

from retrieval import SpeechService

from .bot_harness import ADMIN, feed, running_bot
from .fake_telegram import FakeBotAPI
from .test_corpus_mbox import DRUMS, HAIRCUT, THUNDERBIRD

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]


async def test_an_admin_s_mailbox_is_added_mail_by_mail_and_answers(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    box = THUNDERBIRD.read_bytes()
    async with running_bot(api, seed_service, progress_interval=0) as app:
        await feed(app, api.make_document_update(THUNDERBIRD.name, box, user_id=ADMIN))
        report = api.last_message(ADMIN).plain_text
        progress = [str(c.params.get("text", "")) for c in api.calls_of("editMessageText")]
        await feed(app, api.make_text_update("腰鼓队招募多少名队员？", user_id=ADMIN))
        answer = api.last_message(ADMIN)
        await feed(app, api.make_callback_update(answer, answer.button_data("出处 1"), user_id=ADMIN))
        source = api.last_message(ADMIN).plain_text
        await feed(app, api.make_document_update(THUNDERBIRD.name, box, user_id=ADMIN))
        again = api.last_message(ADMIN).plain_text
        replies = {}
        for name, data in (("空的.mbox", b"\n"), ("一封.mbox", b"From: a@example.cn\nSubject: x\n\nbody\n")):
            await feed(app, api.make_document_update(name, data, user_id=ADMIN))
            replies[name] = api.last_message(ADMIN).plain_text
    assert any(text.startswith(f"⏳ 正在索引 {THUNDERBIRD.name}（已处理 1 封邮件）") for text in progress)
    lines = report.splitlines()
    assert lines[0] == f"📥 {THUNDERBIRD.name} › {DRUMS}.eml"
    assert lines[1].startswith(f"新增 #6 《{DRUMS}》（2035-03-12 · 发文：县委老干部局文体科")
    assert f"📥 {THUNDERBIRD.name} › {HAIRCUT}.eml" in lines
    assert f"🗂 {THUNDERBIRD.name}：共 2 封邮件，新增或更新 2 封" in lines
    assert "30名" in answer.plain_text.split("\n\n")[1]
    assert f"来源文件：{THUNDERBIRD.name} › {DRUMS}.eml" in source
    assert f"🗂 {THUNDERBIRD.name}：共 2 封邮件，没有新增，已在资料库中 2 封" in again
    assert (
        replies["空的.mbox"]
        == "❌ 空的.mbox 中没有邮件（邮箱是空的）：请在邮件程序中确认导出的文件夹里有邮件。"
    )
    assert replies["一封.mbox"] == (
        "❌ 一封.mbox 不是有效的邮箱文件（.mbox）：开头没有「From 」分隔行，看来是单封邮件：请把扩展名改为 .eml 再添加。"
    )
    assert len(seed_service.library.store.speeches()) == 7
