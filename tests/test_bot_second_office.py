"""A second office's administrator (trial 39, docs/trial39.md): its empty library was given speechqa's bundled
speeches — another city's — on first use, and nothing in the chat said which they were or how to remove them
(only the server could: `speechqa remove`). Now the list and the card say 「speechqa 自带的示例讲话」, and an
admin's card (in private) has 🗑 删除这篇, which asks first as 删除旧版 does. End to end through the fake Bot API
over real HTTP, the real library and model."""

from __future__ import annotations

from retrieval import SpeechService

from .bot_harness import ADMIN, USER, feed, member_then_admin_press, running_bot
from .fake_telegram import FakeBotAPI


async def test_an_admin_tells_the_bundled_speeches_apart_and_removes_one_from_its_card(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    store = seed_service.library.store
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update("/speeches", user_id=ADMIN))
        listing = api.last_message(ADMIN).plain_text
        await feed(app, api.make_text_update("/speech 1", user_id=USER))
        member_card = api.last_message(USER)
        await feed(app, api.make_text_update("/speech 1", user_id=ADMIN))
        card = api.last_message(ADMIN)
        buttons = [b["text"] for b in card.buttons]
        refused = await member_then_admin_press(api, app, card, "删除这篇")  # a member's removes nothing
        asked = api.last_message(ADMIN)
        question = asked.plain_text  # the message is edited into the result below
        await feed(app, api.make_callback_update(asked, asked.button_data("确定删除"), user_id=ADMIN))
        done = api.get_message(ADMIN, asked.message_id).plain_text
    assert listing.count("speechqa 自带的示例讲话") == 5
    assert "来源文件：speeches-2024-laoganbu.txt（speechqa 自带的示例讲话）" in card.plain_text
    assert [b["text"] for b in member_card.buttons] == ["阅读全文"]
    assert buttons == ["阅读全文", "🗑 删除这篇"]
    assert refused == "只有管理员可以删除讲话。"
    assert question.startswith("确定删除讲话 #1《在全市老干部2024年工作会议上的讲话》")
    assert done.startswith("🗑 已删除讲话 #1《在全市老干部2024年工作会议上的讲话》，索引已更新。")
    assert [s.id for s in store.speeches()] == [2, 3, 4, 5]
