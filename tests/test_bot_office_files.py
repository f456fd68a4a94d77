"""End to end: an admin sends the bot a spreadsheet and a slide deck (the real Application over real
HTTP against the fake Bot API, the real library and model): both are added and a row and a note answer;
an old .ppt is refused with what to do, and /help names the new formats."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval import SpeechService

from .bot_harness import ADMIN, bot_settings, feed, running_bot
from .fake_telegram import FakeBotAPI

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

OFFICE = Path(__file__).parent / "fixtures" / "office"


async def test_an_admin_s_workbook_and_deck_are_added_and_answer(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    async with running_bot(api, seed_service, bot_settings(api)) as app:
        await feed(app, api.make_text_update("/help", user_id=ADMIN))
        helped = api.last_message(ADMIN).plain_text
        replies = {}
        for name in ("体检安排.xlsx", "座谈会讲话.pptx"):
            await feed(app, api.make_document_update(name, (OFFICE / name).read_bytes(), user_id=ADMIN))
            replies[name] = api.last_message(ADMIN).plain_text
        await feed(
            app,
            api.make_document_update(
                "讲话.ppt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), user_id=ADMIN
            ),
        )
        refused = api.last_message(ADMIN).plain_text
        await feed(app, api.make_text_update("赵桂兰哪天体检", user_id=ADMIN))
        row = api.last_message(ADMIN).plain_text
        await feed(app, api.make_text_update("活动中心改造什么时候完成", user_id=ADMIN))
        note = api.last_message(ADMIN).plain_text
    assert ".xlsx/.xls/.et/.ods/.csv（表格）、.pptx/.dps/.odp（幻灯片）" in helped
    assert "2027年离休干部健康体检安排表" in replies["体检安排.xlsx"]
    assert (
        "在离退休干部座谈会上的讲话" in replies["座谈会讲话.pptx"] and "周立群" in replies["座谈会讲话.pptx"]
    )
    assert "讲话.ppt 是旧版 PowerPoint 演示文稿（.ppt）" in refused and "另存为 .pptx" in refused
    answer = row.split("\n\n")[1]
    assert "2027年离休干部健康体检安排表" in answer and "姓名：赵桂兰" in answer and "2027年5月9日" in answer
    assert "6月底" in note.split("\n\n")[1]
