"""Which bot a command is for, and what the welcome says where: end to end against the fake Bot API.

Found by using the bot as a new user would: `/ask@OldName 问题` in a private chat (a command copied
from a group, or written for the bot's earlier username) was answered 「不认识这个命令」, and /start
in a group told members to just send a question, which the bot ignores there."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import handlers as bot_handlers
from retrieval import SpeechService

from .bot_harness import ADMIN, GROUP, OTHER_GROUP, USER, feed, running_bot
from .fake_telegram import FakeBotAPI

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

QUESTION = "离休干部体检规定是什么？"
CITED = "要落实好离休干部每年一次体检的规定"
UNKNOWN = "不认识这个命令"
FIXTURES = Path(__file__).parent / "fixtures" / "documents"


async def test_in_private_a_command_named_for_another_bot_is_taken_as_this_bots(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(f"/ask@old_speechqa_bot {QUESTION}"))
        asked = api.last_message(USER).plain_text
        await feed(app, api.make_text_update("/help@SomeOtherBot"))
        helped = api.last_message(USER).plain_text
        await feed(app, api.make_text_update("/speech@other_bot 2"))
        speech = api.last_message(USER).plain_text
        await feed(app, api.make_text_update("/stats@other_bot", user_id=ADMIN))
        stats = api.last_message(ADMIN).plain_text
        await feed(app, api.make_text_update("/nonsense@other_bot"))
        nonsense = api.last_message(USER).plain_text

    assert CITED in asked and UNKNOWN not in asked
    assert helped.startswith("使用说明")
    assert "编号：2" in speech
    assert stats.startswith("📊 使用统计")
    assert UNKNOWN in nonsense  # a command this bot does not have is still unknown
    logged = seed_service.library.store.query_by_id(1)
    assert logged is not None and logged.query == QUESTION  # the question without the command


async def test_in_groups_a_command_for_another_bot_is_ignored(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    group = {"chat_type": "supergroup", "chat_id": GROUP}
    stranger_group = {"chat_type": "supergroup", "chat_id": OTHER_GROUP}
    async with running_bot(api, seed_service) as app:
        for text in (
            f"/ask@other_bot {QUESTION}",
            "/start@other_bot",
            "/stats@other_bot",
            "/nonsense@other_bot",
        ):
            await feed(app, api.make_text_update(text, **group))
            await feed(app, api.make_text_update(text, user_id=ADMIN, **group))
            await feed(app, api.make_text_update(text, **stranger_group))  # no "not enabled" notice either
    assert not api.calls_of("sendMessage") and not api.calls_of("sendChatAction")


async def test_start_in_a_group_says_how_to_ask_there(api: FakeBotAPI, seed_service: SpeechService) -> None:
    group = {"chat_type": "supergroup", "chat_id": GROUP}
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update("/start", **group))
        welcome = api.last_message(GROUP)
        await feed(app, api.make_callback_update(welcome, welcome.button_data(QUESTION)))
        example = api.last_message(GROUP)
        await feed(app, api.make_text_update("/start"))
        private = api.last_message(USER).plain_text

    assert "直接发给我" not in welcome.plain_text
    assert "/ask" in welcome.plain_text and "@我" in welcome.plain_text
    assert CITED in example.plain_text  # the example buttons still ask in the group
    assert "直接发给我一个问题" in private


async def test_a_file_sent_to_the_bot_in_a_group_topic_is_answered_there_with_private_only(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    topic = api.create_forum_topic(GROUP, "资料")
    where = {"chat_type": "supergroup", "chat_id": GROUP, "user_id": ADMIN, "message_thread_id": topic}
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_document_update("讲话.txt", "讲话".encode(), caption="请收录", **where))
        assert not api.messages(GROUP)  # a file shared among members, not sent to the bot
        await feed(
            app, api.make_document_update("讲话.txt", "讲话".encode(), caption="@speechqa_bot 收录", **where)
        )
    (reply,) = api.messages(GROUP)
    assert reply.plain_text == bot_handlers.PRIVATE_ONLY and reply.thread_id == topic
    assert not api.calls_of("getFile")


async def test_an_unknown_command_named_for_this_bot_in_a_group_is_answered(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    group = {"chat_type": "supergroup", "chat_id": GROUP}
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update("/nonsense", **group))  # perhaps another bot's: not answered
        assert not api.messages(GROUP)
        await feed(app, api.make_text_update("/nonsense@speechqa_bot", **group))
    (reply,) = api.messages(GROUP)
    assert UNKNOWN in reply.plain_text and "/help" in reply.plain_text


@pytest.mark.parametrize(
    ("mime_type", "content"),
    [
        ("application/pdf", (FIXTURES / "training_speech.pdf").read_bytes()),
        ("text/plain", (FIXTURES / "holiday_visit.gbk.txt").read_bytes()),
        # LibreOffice's flat XML text (.fodt), by its registered type (cold26)
        (
            "application/vnd.oasis.opendocument.text-flat-xml",
            (FIXTURES.parent / "flat_odf" / "plan.fodt").read_bytes(),
        ),
    ],
)
async def test_a_file_sent_without_a_name_is_read_by_its_type(
    api: FakeBotAPI, seed_service: SpeechService, mime_type: str, content: bytes
) -> None:
    stored = api.register_file(content, None, mime_type)
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_message_update({"document": stored.as_document()}, user_id=ADMIN))
    report = api.last_message(ADMIN).plain_text
    assert "新增 #6" in report and "不支持的文件类型" not in report


async def test_a_file_without_a_name_or_a_known_type_is_refused_saying_so(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    stored = api.register_file(b"\x00\x01binary", None, "application/octet-stream")
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_message_update({"document": stored.as_document()}, user_id=ADMIN))
    assert "不支持的文件类型" in api.last_message(ADMIN).plain_text


async def test_replacing_a_pin_set_under_a_long_name_still_fits_telegrams_alert(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    from bot import callbacks as cb

    store = seed_service.library.store
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(QUESTION, user_id=ADMIN))
        answer = api.last_message(ADMIN)
        pressed = cb.decode(answer.button_data("📌 设为标准答案 2"))
        assert isinstance(pressed, cb.PinPassage)
        store.pin(QUESTION, pressed.passage_id, pinned_by="办公室" * 80)  # `speechqa pin --by` takes any name
        await feed(
            app, api.make_callback_update(answer, answer.button_data("📌 设为标准答案 3"), user_id=ADMIN)
        )
    (alert,) = api.calls_of("answerCallbackQuery")  # Telegram refuses an alert over 200 characters
    assert alert.params["text"].startswith("📌 已设为标准答案，替换了原来的") and "…" in alert.params["text"]
    assert not api.calls_of("answerCallbackQuery", ok=False)
    assert all(bot_handlers.APOLOGY not in m.plain_text for m in api.messages(ADMIN))


async def test_a_bare_ask_or_mention_in_reply_to_a_colleagues_question_answers_that_question(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    group = {"chat_type": "supergroup", "chat_id": GROUP}
    colleague = 1003
    async with running_bot(api, seed_service) as app:
        asked = api.make_text_update(QUESTION, user_id=colleague, username="bob", **group)
        await feed(app, asked)
        assert not api.messages(GROUP)  # group chatter: not for the bot
        for call in ("/ask", "@speechqa_bot", "/ask@speechqa_bot"):
            await feed(app, api.make_text_update(call, reply_to_message=asked["message"], **group))
            answer = api.last_message(GROUP)
            assert answer.plain_text.startswith(f"🔎 {QUESTION}") and CITED in answer.plain_text, call
        # a colleague's own /ask, replied to with a bare /ask: the question, not the command
        command = api.make_text_update(f"/ask@speechqa_bot {QUESTION}", user_id=colleague, **group)
        await feed(app, command)
        await feed(app, api.make_text_update("/ask", reply_to_message=command["message"], **group))
        assert api.last_message(GROUP).plain_text.startswith(f"🔎 {QUESTION}")
        # a bare /ask in reply to the bot's own answer, or to a topic's opening: still the usage
        await feed(app, api.make_text_update("/ask", reply_to_message=api.last_message(GROUP), **group))
        assert api.last_message(GROUP).plain_text.startswith("用法：/ask 问题")
        topic = api.create_forum_topic(GROUP, "资料")
        opening = {
            "message_id": topic,
            "date": 0,
            "chat": {"id": GROUP, "type": "supergroup", "is_forum": True},
            "forum_topic_created": {"name": "资料", "icon_color": 7322096},
        }
        await feed(
            app, api.make_text_update("/ask", reply_to_message=opening, message_thread_id=topic, **group)
        )
        assert api.last_message(GROUP).plain_text.startswith("用法：/ask 问题")
    assert bot_handlers.APOLOGY not in "\n".join(m.plain_text for m in api.messages(GROUP))
