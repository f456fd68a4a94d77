"""Trial 63 (docs/trial63.md): the library changed under the running bot — a notice's 修改稿 added beside it and
the old version deleted. The buttons under an answer citing the old version lead to the version kept, and say
so; /speech of the old id names it. End to end against the fake Bot API, the real library and model."""

from __future__ import annotations

import pytest

from bot import format as bot_format
from bot import handlers as bot_handlers
from retrieval import SpeechService

from .bot_harness import ADMIN, USER, feed, running_bot
from .fake_telegram import FakeBotAPI
from .test_bot_month import FIRST, NAME, QUESTION, Days, alerts, press

pytestmark = pytest.mark.slow

# the 修改稿, sent under its own name: stored beside the notice as another version of it (the same title)
FIXED_NAME = "活动中心开放时间通知（修改稿）.txt"
FIXED = FIRST.decode().replace("上午8时30分至11时30分", "上午8时至11时30分").encode()


async def test_buttons_under_an_answer_citing_a_version_deleted_beside_its_correction_lead_to_the_version_kept(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """Before: 上下文 found the passage in the 修改稿 but said 「这篇讲话后来重新加入过」 (it was not), while 出处 and
    只看这篇讲话 said 「这篇讲话已不在语料中」 and /speech 「它已删除」 — the corrected notice, which the same
    answer's 上下文 had just shown, unnamed; and 导出 Word sent a file citing other passages than the message it was
    pressed under, without a word."""
    store = seed_service.library.store
    days = Days()
    async with running_bot(api, seed_service, clock=days) as app:
        await feed(app, api.make_document_update(NAME, FIRST, "text/plain", user_id=ADMIN))
        await feed(app, api.make_text_update(QUESTION))
        old = api.last_message(USER)
        first = int(old.button_data("出处 1").split(":")[1])
        await feed(app, api.make_text_update("活动中心周二上午几点开放"))
        hours = api.last_message(USER)
        assert "8时30分" in hours.plain_text.split("\n\n")[1]
        await press(app, api, old, "导出 Word")
        exported_before = api.calls_of("sendDocument")[-1].params["caption"]
        await feed(app, api.make_document_update(FIXED_NAME, FIXED, "text/plain", user_id=ADMIN))
        report = api.last_message(ADMIN).plain_text
        kept = store.speeches()[-1].id
        assert kept != first and f"#{first}" in report  # said to be a version of the notice
        assert seed_service.remove(first) is not None  # `speechqa remove` on the server (or 🗑 删除旧版)
        days.pass_()
        await press(app, api, old, "出处 1")
        source, said_source = api.last_message(USER), alerts(api)[-1]
        await press(app, api, old, "只看这篇讲话 1")
        scoped, said_scoped = api.last_message(USER), alerts(api)[-1]
        await press(app, api, old, "上下文 1")
        context, said_context = api.last_message(USER), alerts(api)[-1]
        await press(app, api, old, "导出 Word")
        exported_after = api.calls_of("sendDocument")[-1].params["caption"]
        await press(app, api, hours, "上下文 1")
        said_changed = alerts(api)[-1]
        await feed(app, api.make_text_update(f"/speech {first}"))
        card = api.last_message(USER).plain_text

    other = bot_handlers.OTHER_VERSION.format(old=first, new=kept)
    assert said_source == said_scoped == other
    assert source.plain_text.startswith(f"ℹ️ {other}") and f"编号：{kept}" in source.plain_text
    assert f"仅限：讲话 #{kept}" in scoped.plain_text
    assert said_context == bot_handlers.PASSAGE_IN_OTHER_VERSION.format(old=first, new=kept)
    assert context.plain_text.startswith("📖 上下文") and f"讲话 #{kept}" in context.plain_text
    # the file is today's search, citing the version kept: said under it, as the message above cites the old one
    assert bot_format.EXPORT_DIFFERS not in exported_before
    assert bot_format.EXPORT_DIFFERS in exported_after
    # its hours were corrected: said so, not shown as another passage
    assert said_changed == bot_handlers.PASSAGE_CHANGED
    assert f"它已删除，资料库中保留着它的另一版本 #{kept}" in card
    assert "Traceback" not in "".join(api.texts_sent())
