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
from .test_bot_month import CORRECTED, FIRST, NAME, QUESTION, Days, alerts, press

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


def _cited(message, store, speech_id: int) -> str:
    """The label of the first 上下文 button under an answer naming a passage of speech `speech_id`."""
    for button in message.buttons:
        data = button.get("callback_data", "")
        if button.get("text", "").startswith("上下文") and data.startswith("c:"):
            passage = store.passages_by_id([int(data.split(":")[1])]).get(int(data.split(":")[1]))
            if passage is not None and passage.speech_id == speech_id:
                return button["text"]
    raise AssertionError(f"no passage of #{speech_id} under the answer: {message.buttons}")


async def test_buttons_under_an_answer_citing_a_correction_deleted_beside_its_original_never_call_it_corrected(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """The other order (review fixes, docs/trial63.md): the 修改稿 removed, the original kept. 上下文 of a passage
    only the 修改稿 held used to say 「这段原文后来修改过…查看修改后的内容」 — the original is the older text."""
    store = seed_service.library.store
    days = Days()
    async with running_bot(api, seed_service, clock=days) as app:
        await feed(app, api.make_document_update(NAME, FIRST, "text/plain", user_id=ADMIN))
        first = store.speeches()[-1].id
        await feed(app, api.make_document_update(FIXED_NAME, FIXED, "text/plain", user_id=ADMIN))
        fixed = store.speeches()[-1].id
        await feed(app, api.make_text_update("活动中心周二上午几点开放"))
        old = api.last_message(USER)
        label = _cited(old, store, fixed)
        assert seed_service.remove(fixed) is not None
        days.pass_()
        await press(app, api, old, label)
        said_context = alerts(api)[-1]
        await press(app, api, old, "出处" + label.removeprefix("上下文"))
        said_source = alerts(api)[-1]

    assert said_context == bot_handlers.PASSAGE_NOT_IN_VERSION.format(old=fixed, new=first)
    assert "修改" not in said_context
    assert said_source == bot_handlers.OTHER_VERSION.format(old=fixed, new=first)


async def test_export_warns_only_when_the_passages_changed_even_under_an_old_message(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """导出 Word under an old answer: a notice sent again in place with only its addressees changed renumbers every
    passage and changes none of them — the warning used to fire (raw ids compared). When the hours were corrected,
    a press coming without the message's buttons (Telegram leaves them out for an older message) used to get no
    warning: the passages logged for the answer are compared instead."""
    addressed = FIRST.decode().replace("各位老同志：", "各位老同志、各服务窗口：").encode()
    days = Days()
    async with running_bot(api, seed_service, clock=days) as app:
        await feed(app, api.make_document_update(NAME, FIRST, "text/plain", user_id=ADMIN))
        await feed(app, api.make_text_update(QUESTION))
        old = api.last_message(USER)
        await feed(app, api.make_document_update(NAME, addressed, "text/plain", user_id=ADMIN))
        assert "已更新" in api.last_message(ADMIN).plain_text
        days.pass_()
        await press(app, api, old, "导出 Word")
        unchanged = api.calls_of("sendDocument")[-1].params["caption"]
        data = old.button_data("导出 Word")
        await feed(app, api.make_callback_update(old, data, user_id=USER, bare=True))
        unchanged_bare = api.calls_of("sendDocument")[-1].params["caption"]
        await feed(app, api.make_document_update(NAME, CORRECTED, "text/plain", user_id=ADMIN))
        days.pass_()
        await feed(app, api.make_callback_update(old, data, user_id=USER, bare=True))
        changed_bare = api.calls_of("sendDocument")[-1].params["caption"]
        await press(app, api, old, "导出 Word")
        changed = api.calls_of("sendDocument")[-1].params["caption"]

    assert bot_format.EXPORT_DIFFERS not in unchanged
    assert bot_format.EXPORT_DIFFERS not in unchanged_bare
    assert bot_format.EXPORT_DIFFERS in changed_bare
    assert bot_format.EXPORT_DIFFERS in changed
