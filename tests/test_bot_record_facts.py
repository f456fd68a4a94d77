"""A question about a document rather than in it, through the bot: the real Application over real HTTP against the
fake Bot API, on the seed corpus plus an OFD notice (LibreOffice's, tests/fixtures/ofd) an admin uploads."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval import SpeechService

from .bot_harness import ADMIN, USER, feed, running_bot
from .fake_telegram import FakeBotAPI

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

OFD = Path(__file__).parent / "fixtures" / "ofd" / "health_notice.libreoffice.ofd"


async def test_a_notices_date_and_number_are_answered_from_its_record(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    async with running_bot(api, seed_service, progress_interval=0) as app:
        await feed(
            app, api.make_document_update("体检通知.ofd", OFD.read_bytes(), "application/ofd", user_id=ADMIN)
        )
        await feed(app, api.make_text_update("这个体检通知是哪天发的"))
        dated = api.last_message(USER).plain_text
        await feed(app, api.make_text_update("体检通知的文号是多少"))
        numbered = api.last_message(USER).plain_text
        await feed(app, api.make_text_update("在全省老干部工作会议上的讲话是哪天讲的"))
        undated = api.last_message(USER).plain_text
    assert "发布日期：2024年4月2日（据资料库记录的文件日期）" in dated
    first = dated.split("\n\n")[1]
    assert "关于做好2024年离休干部健康体检工作的通知" in first
    assert "文号：某老干发〔2024〕12号（据文件信息）" in numbered
    assert "资料库没有记下《在全省老干部工作会议上的讲话》的" in undated
