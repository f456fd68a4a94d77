"""Messages forwarded to the bot (`forward_origin`): a notice passed on from a channel or another chat is no
question — an admin is offered to add it, its channel and day as its source; anyone else is told how —, a
question a colleague forwarded is answered, and a file forwarded from a channel is an upload. End to end
through the fake Bot API over real HTTP, the real library and model. docs/trial39.md, item 3.

Before (main at cc78404): a channel's post forwarded by anyone was searched as a question, 「⚠️ 未找到直接回答」
over five passages that shared its words, and logged as an unanswered question in /stats."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from bot.said import NOTICE_CHARS
from retrieval import SpeechService

from .bot_harness import ADMIN, USER, feed, member_then_admin_press, running_bot
from .fake_telegram import FakeBotAPI

POST = (
    "【通知】市老年大学春季班即日起开始报名。报名地点在市老干部活动中心一楼大厅，报名时请携带身份证和一寸照片两张。"
    "书法、摄影、太极拳、智能手机应用等十二个班级面向全市离退休干部招生，额满为止。请各支部相互转告。"
)
POSTED = dt.datetime(2026, 12, 1, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))  # Beijing time
CHANNEL = {
    "type": "channel",
    "chat": {"id": -1001234, "type": "channel", "title": "老干部之家"},
    "message_id": 123,
}
NAME = "频道「老干部之家」 2026-12-01 第123条.txt"
WORD_FILE = Path(__file__).parent / "fixtures" / "trial38" / "读书会通知.docx"  # python-docx


def forwarded(
    api: FakeBotAPI, fields: dict[str, Any], origin: dict[str, Any], **kwargs: Any
) -> dict[str, Any]:
    """A message the user forwarded to the bot from elsewhere: Telegram sends a copy of it with `forward_origin`
    (where it was first posted, and when)."""
    origin = {**origin, "date": int(POSTED.timestamp())}
    return api.make_message_update({**fields, "forward_origin": origin}, **kwargs)


async def test_an_admin_adds_a_forwarded_channel_post_as_a_notice_dated_by_its_posting(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    store = seed_service.library.store
    logged = store.query_stats().questions
    async with running_bot(api, seed_service) as app:
        post = forwarded(api, {"text": POST}, CHANNEL, user_id=ADMIN)
        await feed(app, post)
        offer = api.last_message(ADMIN)
        offered = [b["text"] for b in offer.buttons]
        refused = await member_then_admin_press(api, app, offer, "加入资料库")  # a member's adds nothing
        report = api.last_message(ADMIN).plain_text
        after_press = api.get_message(ADMIN, offer.message_id)
        await feed(app, api.make_text_update("老年大学春季班报名要带什么", user_id=USER))
        answer = api.last_message(USER)
        await feed(app, api.make_callback_update(answer, answer.button_data("出处")))
        source = api.last_message(USER).plain_text
    assert offer.plain_text.startswith(
        "这是一条转发的通知（来自频道「老干部之家」），不是问题。要把它加入资料库"
    )
    assert f"出处记为「{NAME}」" in offer.plain_text and "2026-12-01" in offer.plain_text
    assert offered == ["📥 加入资料库"]
    assert refused == "只有管理员可以添加讲话。"
    # one paragraph, no title line: titled by its source; dated by its posting, as it names no date
    assert f"新增 #6 《{NAME.removesuffix('.txt')}》（2026-12-01 · " in report
    assert after_press.buttons == []  # added once: the button goes
    assert "身份证和一寸照片两张" in answer.plain_text
    assert NAME in source
    assert (
        store.query_stats().questions == logged + 1
    )  # the forward was no question: only the real one logged


async def test_a_forwarded_notice_from_a_member_is_told_how_and_a_forwarded_question_is_answered(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    store = seed_service.library.store
    logged = store.query_stats().questions
    colleague = {"type": "user", "sender_user": {"id": 2002, "is_bot": False, "first_name": "张伟"}}
    async with running_bot(api, seed_service) as app:
        await feed(app, forwarded(api, {"text": POST}, CHANNEL, user_id=USER))
        told = api.last_message(USER)
        await feed(app, forwarded(api, {"text": "离休干部体检规定是什么？"}, colleague, user_id=USER))
        answered = api.last_message(USER).plain_text
        # a long question forwarded is a question (its question mark), thanks after it or not
        long_question = "老张是1945年参加工作的离休干部，他爱人也退休了，想问一下离休干部每年体检的时候配偶能不能一起去？麻烦帮忙查一下，谢谢"
        assert len(long_question) > NOTICE_CHARS
        await feed(app, forwarded(api, {"text": long_question}, colleague, user_id=USER))
        long_answered = api.last_message(USER).plain_text
        # the admin's notice whose forwarded message was deleted before the press: said, nothing added
        post = forwarded(
            api, {"text": POST}, {"type": "hidden_user", "sender_user_name": "王 芳"}, user_id=ADMIN
        )
        await feed(app, post)
        offer = api.last_message(ADMIN)
        api.delete_by_user(post)
        await feed(app, api.make_callback_update(offer, offer.button_data("加入资料库"), user_id=ADMIN))
        gone = api.calls_of("answerCallbackQuery")[-1].params["text"]
    assert told.plain_text.startswith(
        "这是一条转发的通知，不是问题。要让大家都能查到它，请转发给管理员加入资料库"
    )
    assert told.buttons == []
    assert "要落实好离休干部每年一次体检的规定" in answered
    assert "这是一条转发的通知" not in long_answered and "体检" in long_answered
    assert "（来自王 芳）" in offer.plain_text and "王 芳 2026-12-01 083000.txt" in offer.plain_text
    assert gone == "找不到转发的原消息了（可能已删除）：请再转发一次。"
    assert len(store.speeches()) == 5
    assert store.query_stats().questions == logged + 2  # the two questions, not the notice


async def test_a_file_forwarded_from_a_channel_is_an_upload(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    data = WORD_FILE.read_bytes()
    kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    async with running_bot(api, seed_service) as app:
        update = api.make_document_update(WORD_FILE.name, data, kind, user_id=USER)
        update["message"]["forward_origin"] = {**CHANNEL, "date": int(POSTED.timestamp())}
        await feed(app, update)
        refused = api.last_message(USER).plain_text
        update = api.make_document_update(WORD_FILE.name, data, kind, user_id=ADMIN)
        update["message"]["forward_origin"] = {**CHANNEL, "date": int(POSTED.timestamp())}
        await feed(app, update)
        report = api.last_message(ADMIN).plain_text
    assert refused == "只有管理员可以上传讲话文件。"
    assert "新增 #6" in report and "读书会" in report
