"""Self-test of the fake Bot API: a real PTB Application talks to it over HTTP."""

from __future__ import annotations

import asyncio
import html
import re
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio
from telegram import BotCommandScopeChat, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, EndPointNotFound, Forbidden, NetworkError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    MessageHandler,
    filters,
)

try:
    from tests.fake_telegram import (
        CALLBACK_TIMEOUT,
        DROPPED,
        FakeBotAPI,
        HTMLParseError,
        html_to_text,
        parse_html,
    )
except ImportError:  # pytest's rootdir-relative import when tests/ is not a package
    from fake_telegram import CALLBACK_TIMEOUT, DROPPED, FakeBotAPI, HTMLParseError, html_to_text, parse_html

pytestmark = pytest.mark.asyncio
App = Application[Any, Any, Any, Any, Any, Any]
USER = 1001


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    await update.effective_message.reply_text("<b>Hello</b> &amp; welcome")


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    assert message is not None and message.text is not None and message.chat is not None
    await context.bot.send_chat_action(message.chat_id, "typing")
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Again", callback_data="again:1")]])
    await message.reply_text(f"echo: {html.escape(message.text)}", reply_markup=keyboard)


async def pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None
    await query.answer()
    await query.edit_message_text(
        f"pressed <code>{html.escape(query.data or '')}</code>"
    )  # HTML via Defaults


async def document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    assert message is not None and message.document is not None
    data = await (await message.document.get_file()).download_as_bytearray()
    await message.reply_text(f"got {len(data)} bytes: {html.escape(data.decode())}")


@pytest_asyncio.fixture
async def api(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeBotAPI]:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    async with FakeBotAPI() as fake:
        yield fake


@pytest_asyncio.fixture
async def app(api: FakeBotAPI) -> AsyncIterator[App]:
    application = (
        ApplicationBuilder()
        .token("123:ABC")
        .base_url(api.base_url)
        .base_file_url(api.base_file_url)
        .rate_limiter(AIORateLimiter(overall_max_rate=0, group_max_rate=0, max_retries=2))
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .build()
    )
    application.add_handler(CommandHandler("start", start))
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    application.add_handler(MessageHandler(filters.Document.ALL, document))
    application.add_handler(CallbackQueryHandler(pressed))
    await application.initialize()
    yield application
    if application.updater and application.updater.running:
        await application.updater.stop()
    if application.running:
        await application.stop()
    await application.shutdown()


async def feed(app: App, update: dict[str, Any]) -> None:
    await app.process_update(Update.de_json(update, app.bot))


async def test_process_update_round_trip(api: FakeBotAPI, app: App) -> None:
    assert app.bot.username == "speechqa_bot"
    await feed(app, api.make_text_update("[1] <x> & 42"))
    (call,) = api.calls_of("sendMessage")
    assert call.params["text"] == "echo: [1] &lt;x&gt; &amp; 42"  # strings stay raw
    assert call.params["chat_id"] == USER
    assert api.calls_of("sendChatAction")[0].params["action"] == "typing"
    assert api.last_message(USER).plain_text == "echo: [1] <x> & 42"

    await feed(app, api.make_text_update("/start"))  # auto bot_command entity
    assert api.last_message().plain_text == "Hello & welcome"
    assert api.last_message().entities == [{"type": "bold", "offset": 0, "length": 5}]
    group = api.make_text_update("/start@speechqa_bot now", chat_type="group")
    assert group["message"]["entities"] == [{"type": "bot_command", "offset": 0, "length": 19}]
    await feed(app, group)
    assert api.last_message(group["message"]["chat"]["id"]).text.startswith("<b>Hello")
    mention = api.make_text_update("hi @SpeechQA_bot 😀")["message"]["entities"]
    assert mention == [{"type": "mention", "offset": 3, "length": 13}]
    assert "entities" not in api.make_text_update("/ not a command")["message"]


async def test_polling_round_trip_and_fast_shutdown(api: FakeBotAPI, app: App) -> None:
    assert app.updater is not None
    await app.start()
    await app.updater.start_polling(poll_interval=0, timeout=10)
    first = api.push_update(api.make_text_update("hello"))
    second = api.push_update(api.make_text_update("again"))
    assert second["update_id"] > first["update_id"]
    calls = await api.wait_for("sendMessage", count=2)
    assert [c.params["text"] for c in calls] == ["echo: hello", "echo: again"]
    assert api.calls_of("deleteWebhook")
    polls = len(api.calls_of("getUpdates"))
    assert polls <= 3
    with pytest.raises(AssertionError, match="timed out"):  # idle: the long-poll holds
        await api.wait_for("getUpdates", count=polls + 1, timeout=0.3)

    began = time.monotonic()
    await app.updater.stop()
    await app.stop()
    await app.shutdown()
    await api.stop()
    assert time.monotonic() - began < 1.0
    assert api.pending_updates == []  # PTB confirmed the offset on shut-down


async def test_callback_button_press(api: FakeBotAPI, app: App) -> None:
    await feed(app, api.make_text_update("question"))
    message = api.last_message(USER)
    assert message.button_data("Again") == "again:1"
    with pytest.raises(ValueError):
        api.make_callback_update(message, "no-such-button")
    stale = api.make_callback_update(message, "old:0", check=False)
    assert stale["callback_query"]["message"]["reply_markup"] == message.reply_markup
    update = api.make_callback_update(message, "again:1")
    await feed(app, update)
    answered = api.calls_of("answerCallbackQuery")
    assert answered[0].params["callback_query_id"] == update["callback_query"]["id"]
    assert message.plain_text == "pressed again:1" and message.reply_markup is None
    assert message.edit_count == 1
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):  # answered twice
        await app.bot.answer_callback_query(update["callback_query"]["id"])


async def test_document_download_and_upload(api: FakeBotAPI, app: App) -> None:
    await feed(app, api.make_document_update("notes.txt", b"hello world", "text/plain"))
    assert api.calls_of("getFile")
    assert api.last_message(USER).plain_text == "got 11 bytes: hello world"

    sent = await app.bot.send_document(
        USER, document=b"\x00abc", filename="a.bin", caption="<i>data</i>", parse_mode=ParseMode.HTML
    )
    upload = api.calls_of("sendDocument")[0].params["document"]
    assert (upload.filename, upload.data) == ("a.bin", b"\x00abc")
    assert sent.caption == "data" and sent.document is not None
    file = await app.bot.get_file(sent.document.file_id)
    assert await file.download_as_bytearray() == bytearray(b"\x00abc")


async def test_telegram_validation(api: FakeBotAPI, app: App) -> None:
    bot = app.bot
    ok = [
        "x" * 4096,
        "😀" * 2048,
        "<b>" + "a" * 4096 + "</b>",
        "&amp;" * 4096,
        '<a href="https://x.y/?a=1&amp;b=2">l</a> <span class="tg-spoiler">s</span>',
        '<pre><code class="language-python">x = 1</code></pre><blockquote>q</blockquote>',
    ]
    for text in ok:
        await bot.send_message(USER, text, parse_mode=ParseMode.HTML)
    assert api.last_message().entities[0] == {"type": "pre", "offset": 0, "length": 5, "language": "python"}
    bad = {
        "x" * 4097: "message is too long",
        "😀" * 2049: "message is too long",
        "<b></b>": "message text is empty",
        "<b>bold": "can't find end tag",
        "<b><i>x</b></i>": "unmatched end tag",
        "a < b": "unsupported start tag",
        "<foo>x</foo>": 'unsupported start tag "foo"',
        "x</b>": "unexpected end tag",
        "Q&A": "can't parse entities",
        "<span>x</span>": "can't parse entities",
    }
    for text, error in bad.items():
        with pytest.raises(BadRequest, match=f"(?i){re.escape(error)}"):
            await bot.send_message(USER, text, parse_mode=ParseMode.HTML)
    await bot.send_message(USER, "a < b & c", parse_mode=None)  # no parse_mode: anything goes
    too_long = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="d" * 65)]])
    with pytest.raises(BadRequest, match=r"(?i)BUTTON_DATA_INVALID"):
        await bot.send_message(USER, "keyboard", reply_markup=too_long)
    message = api.last_message()
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_text(message.text, USER, message.message_id, parse_mode=None)
    assert len(api.calls_of("sendMessage")) == len(ok) + 1
    assert len(api.calls_of("sendMessage", ok=False)) == len(bad) + 1
    assert html_to_text("<b>a &lt; b</b> &#128512;") == "a < b 😀"
    with pytest.raises(HTMLParseError):
        parse_html("<b>x</i>")


async def test_retry_after_429(api: FakeBotAPI, app: App) -> None:
    api.fail_next("sendMessage", error_code=429, retry_after=1)
    began = time.monotonic()
    await feed(app, api.make_text_update("slow"))
    assert 1.0 < time.monotonic() - began < 3.0
    attempts = api.calls_of("sendMessage", ok=None)
    assert [c.status for c in attempts] == [429, 200]
    assert attempts[0].response["parameters"] == {"retry_after": 1}
    assert [m.plain_text for m in api.messages(USER)] == ["echo: slow"]  # exactly once


async def test_a_dropped_connection_is_a_network_error_with_or_without_the_call_done(
    api: FakeBotAPI, app: App
) -> None:
    api.drop_next("sendMessage")
    api.drop_next("sendMessage", carried_out=True)
    for _ in range(2):
        with pytest.raises(NetworkError) as raised:
            await app.bot.send_message(USER, "hello")
        assert not isinstance(raised.value, BadRequest)
    await app.bot.send_message(USER, "again")
    assert [c.status for c in api.calls_of("sendMessage", ok=None)] == [DROPPED, DROPPED, 200]
    assert [m.plain_text for m in api.messages(USER)] == ["hello", "again"]  # the second was carried out


async def test_misc_methods(api: FakeBotAPI, app: App) -> None:
    bot = app.bot
    await bot.set_my_commands([("start", "Start the bot"), ("ask", "Ask a question")])
    assert [c.command for c in await bot.get_my_commands()] == ["start", "ask"]
    with pytest.raises(BadRequest, match=r"(?i)BOT_COMMAND_INVALID"):
        await bot.set_my_commands([("Bad-Name", "x")])
    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("fooBar", api_kwargs={"chat_id": USER})
    assert api.calls_of("fooBar", ok=False)[0].status == 404
    sent = await bot.send_message(USER, "bye")
    assert await bot.delete_message(USER, sent.message_id)
    assert api.messages(USER) == []
    with pytest.raises(BadRequest, match=r"(?i)message to delete not found"):
        await bot.delete_message(USER, sent.message_id)


async def test_late_callback_queries_are_too_old(api: FakeBotAPI, app: App) -> None:
    await feed(app, api.make_text_update("question"))
    message = api.last_message(USER)
    fresh = api.make_callback_update(message, "again:1", age=14)
    assert await app.bot.answer_callback_query(fresh["callback_query"]["id"])
    late = api.make_callback_update(message, "again:1", age=CALLBACK_TIMEOUT + 1)  # pressed while down
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await app.bot.answer_callback_query(late["callback_query"]["id"])


async def test_forum_topics_keep_replies_in_their_topic(api: FakeBotAPI, app: App) -> None:
    group = -100123
    topic = api.create_forum_topic(group, "政策")
    update = api.make_text_update("in topic", chat_type="supergroup", chat_id=group, message_thread_id=topic)
    message = update["message"]
    assert (message["message_thread_id"], message["is_topic_message"], message["chat"]["is_forum"]) == (
        topic,
        True,
        True,
    )
    await feed(app, update)  # reply_text passes the topic of a topic message
    assert [m.plain_text for m in api.topic_messages(group, topic)] == ["echo: in topic"]
    assert api.calls_of("sendChatAction")[-1].params.get("message_thread_id") is None  # no thread: General
    await app.bot.send_message(group, "to General")
    assert [m.plain_text for m in api.topic_messages(group, None)] == ["to General"]
    pressed = api.make_callback_update(api.topic_messages(group, topic)[0], "again:1")
    assert pressed["callback_query"]["message"]["message_thread_id"] == topic
    with pytest.raises(BadRequest, match=r"(?i)message thread not found"):
        await app.bot.send_message(group, "nowhere", message_thread_id=topic + 100)
    with pytest.raises(ValueError):
        api.make_text_update("x", chat_type="supergroup", chat_id=group, message_thread_id=topic + 100)


async def test_edited_messages_channel_posts_and_membership_updates(api: FakeBotAPI, app: App) -> None:
    original = api.make_text_update("/start")
    edited = api.make_edited_update(original, "/start again @speechqa_bot")["edited_message"]
    assert edited["message_id"] == original["message"]["message_id"] and edited["edit_date"]
    assert [e["type"] for e in edited["entities"]] == ["bot_command", "mention"]
    update = Update.de_json(api.make_edited_update(original, "changed"), app.bot)
    assert update.edited_message is not None and update.edited_message.text == "changed"
    post = Update.de_json(api.make_channel_post_update("news"), app.bot)
    assert post.channel_post is not None and post.effective_user is None
    added = Update.de_json(api.make_my_chat_member_update(-100999), app.bot)
    assert added.my_chat_member is not None
    assert (added.my_chat_member.old_chat_member.status, added.my_chat_member.new_chat_member.status) == (
        "left",
        "member",
    )


async def test_errors_of_real_telegram(api: FakeBotAPI, app: App) -> None:
    bot = app.bot
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):  # the user never opened the chat
        await bot.set_my_commands([("stats", "统计")], scope=BotCommandScopeChat(4242))
    await feed(app, api.make_text_update("hello", user_id=4242))
    assert await bot.set_my_commands([("stats", "统计")], scope=BotCommandScopeChat(4242))

    message = api.last_message(4242)
    api.delete_as_user(message)
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("new", 4242, message.message_id)

    big = api.make_document_update("big.pdf", b"0" * (20 * 1024 * 1024 + 1), with_size=False)
    assert "file_size" not in big["message"]["document"]
    with pytest.raises(BadRequest, match=r"(?i)file is too big"):
        await bot.get_file(big["message"]["document"]["file_id"])


async def test_replies_to_deleted_messages_restricted_chats_closed_topics_and_unblocking(
    api: FakeBotAPI, app: App
) -> None:
    bot = app.bot
    update = api.make_text_update("hello", chat_id=-100900, chat_type="supergroup")
    api.delete_by_user(update)  # deleted before the bot's reply came
    message = Update.de_json(update, bot).effective_message
    assert message is not None
    with pytest.raises(BadRequest, match=r"(?i)message to be replied not found"):
        await message.reply_text("answer")
    await message.reply_text("answer", allow_sending_without_reply=True)
    assert api.last_message(-100900).plain_text == "answer"

    restricted = Update.de_json(api.restrict(-100900), bot)
    assert restricted.my_chat_member is not None
    assert restricted.my_chat_member.new_chat_member.status == "restricted"
    with pytest.raises(BadRequest, match=r"(?i)not enough rights to send text messages"):
        await bot.send_message(-100900, "hi")

    topic = api.create_forum_topic(-100901)
    api.close_topic(-100901, topic)
    with pytest.raises(BadRequest, match=r"(?i)topic_closed"):
        await bot.send_message(-100901, "hi", message_thread_id=topic)
    await bot.send_message(-100901, "hi")  # General is open

    api.block(USER)
    with pytest.raises(Forbidden):
        await bot.send_message(USER, "hi")
    back = Update.de_json(api.unblock(USER), bot)
    assert back.my_chat_member is not None and back.my_chat_member.new_chat_member.status == "member"
    await bot.send_message(USER, "hi again")
    assert api.last_message(USER).plain_text == "hi again"


async def test_a_second_poller_ends_the_pending_long_poll_with_409_as_telegram_does(api: FakeBotAPI) -> None:
    import httpx  # PTB's own HTTP client

    async with httpx.AsyncClient(base_url=api.base_url.removesuffix("/bot")) as client:
        first = asyncio.create_task(client.post("/bot123:ABC/getUpdates", data={"timeout": "5"}))
        await asyncio.sleep(0.3)  # the first long-poll is waiting
        second = await client.post("/bot123:ABC/getUpdates", data={"timeout": "0"})
        ended = await asyncio.wait_for(first, timeout=2)
    assert second.json() == {"ok": True, "result": []}
    assert ended.status_code == 409
    assert "terminated by other getUpdates request" in ended.json()["description"]


async def test_a_deleted_topic_takes_its_messages_and_a_proxy_refuses_a_large_upload_with_its_page(
    api: FakeBotAPI, app: App
) -> None:
    bot = app.bot
    topic = api.create_forum_topic(-100902, "体检")
    sent = await bot.send_message(-100902, "in the topic", message_thread_id=topic)
    await bot.send_message(-100902, "in General")
    api.delete_topic(-100902, topic)
    assert [m.plain_text for m in api.messages(-100902)] == ["in General"]
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("edited", chat_id=-100902, message_id=sent.message_id)
    with pytest.raises(BadRequest, match=r"(?i)message thread not found"):
        await bot.send_message(-100902, "again", message_thread_id=topic)

    api.upload_limit, api.upload_limit_by_proxy = 10, True
    with pytest.raises(NetworkError, match=r"Request Entity Too Large \(413\)\. Parsing the server response"):
        await bot.send_document(USER, b"more than ten bytes", filename="a.txt")
    refused = api.calls_of("sendDocument", ok=False)[-1]
    assert refused.status == 413 and not api.messages(USER)
