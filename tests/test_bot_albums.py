"""End-to-end tests of photos and files sent together: a client sends an album (or several files picked at
once) as one message each, arriving at the same moment. The real Application, over real HTTP, against
the fake Bot API."""

from __future__ import annotations

import asyncio

import pytest

from bot import handlers as bot_handlers
from retrieval import SpeechService

from .bot_harness import ADMIN, GROUP, USER, feed, running_bot
from .fake_telegram import FakeBotAPI

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

QUESTION = "离休干部体检规定是什么？"
CITED = "要落实好离休干部每年一次体检的规定"


def _speech(n: int) -> bytes:
    return f"关于第{n}批老年活动室建设的讲话\n要建好第{n}批老年活动室，让老同志有活动的地方。".encode()


async def test_several_speech_files_sent_at_once_are_all_added(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """Three files picked together arrive at once; all but the first were refused, 「另一个写入任务…正在
    进行」, as if someone else were writing the library. Now they are added one after another."""
    before = len(seed_service.library.store.speeches())
    async with running_bot(api, seed_service) as app:
        files = api.media_group(
            [
                api.make_document_update(f"活动室{n}.txt", _speech(n), "text/plain", user_id=ADMIN)
                for n in (1, 2, 3)
            ]
        )
        await asyncio.gather(*(feed(app, update) for update in files))
        await feed(app, api.make_text_update("第3批老年活动室怎么建？"))
    reports = [m.plain_text for m in api.messages(ADMIN)]
    assert len(reports) == 3
    assert all(report.startswith("📥 活动室") and "新增 #" in report for report in reports), reports
    assert len(seed_service.library.store.speeches()) == before + 3
    assert "第3批老年活动室" in api.last_message(USER).plain_text


async def test_an_album_gets_one_reply_not_one_per_photo_or_file(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """Photos without words sent together got 「请用文字提问。」 once per photo, and after a question written
    under an album's first photo, once per other photo; files from someone who may not add them, one
    refusal each."""
    async with running_bot(api, seed_service) as app:
        for update in api.media_group([api.make_photo_update() for _ in range(3)]):
            await feed(app, update)
        hint = api.last_message(USER).plain_text
        for update in api.media_group([api.make_photo_update(caption=QUESTION), api.make_photo_update()]):
            await feed(app, update)
        answer = api.last_message(USER).plain_text
        files = [api.make_document_update(f"讲话{n}.txt", _speech(n), "text/plain") for n in (1, 2)]
        for update in api.media_group(files):
            await feed(app, update)
        in_group = [
            api.make_document_update(
                f"讲话{n}.txt",
                _speech(n),
                "text/plain",
                caption="@speechqa_bot",
                user_id=ADMIN,
                chat_id=GROUP,
                chat_type="supergroup",
            )
            for n in (1, 2)
        ]
        for update in api.media_group(in_group):
            await feed(app, update)
    assert hint == "请用文字提问。" and CITED in answer
    assert [m.plain_text for m in api.messages(USER)][2:] == ["只有管理员可以上传讲话文件。"]
    assert len(api.messages(USER)) == 3
    assert [m.plain_text for m in api.messages(GROUP)] == [bot_handlers.PRIVATE_ONLY]
