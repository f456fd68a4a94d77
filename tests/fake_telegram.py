"""A fake Telegram Bot API server for end-to-end tests of a python-telegram-bot application.

The real ``telegram.ext.Application`` talks to it over real HTTP on 127.0.0.1::

    async with FakeBotAPI(bot_username="speechqa_bot") as api:
        app = (ApplicationBuilder().token("123:ABC").base_url(api.base_url)
               .base_file_url(api.base_file_url).build())
        await app.initialize()
        await app.process_update(Update.de_json(api.make_text_update("/start"), app.bot))
        assert "Hello" in api.last_message().plain_text

It records every call, keeps the messages the bot sent (so a test can press their inline
buttons), serves ``getUpdates`` as a real long-poll, serves uploaded/registered files, and
rejects what real Telegram rejects (invalid HTML, over-long text, callback data > 64 bytes,
no-op edits, callback queries answered twice or over 15 s after the press, edits of deleted
messages, replies to a message its sender deleted (``delete_by_user``), downloads over 20 MB, command
menus for chats the bot never saw, sends to a forum topic that does not exist or was closed
(``close_topic``), sends to a group's old id after it became a supergroup, sends to a group that took
the bot's right to post (``restrict``)). It makes the updates a
bot meets in daily use: messages (in forum topics too), edited messages, channel posts, button presses
(late ones too, and on inaccessible messages), inline queries, a Telegram Business account's messages, documents, albums (``media_group``), forwards of the bot's own messages, the bot being added to a group or made an admin, and a group's upgrade to
a supergroup (``migrate_group``). Failures can be injected: an error answer (``fail_next``: a 429 with
``retry_after``, a 502, a 403…) or a connection cut mid-request (``drop_next``). A chat that blocked
the bot (``block``) can take it back (``unblock``). The HTML check is ``fake_telegram_html``; this module's own tests are
``test_fake_telegram.py``. See /work/shared/TELEGRAM-TESTING.md for the pitfalls it is built around.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

from aiohttp import web

try:
    from .fake_telegram_html import HTMLParseError, html_to_text, parse_html, utf16_len
except ImportError:  # imported as a top-level module (pytest's rootdir-relative import)
    from fake_telegram_html import HTMLParseError, html_to_text, parse_html, utf16_len  # type: ignore[no-redef]

__all__ = [
    "CALLBACK_TIMEOUT",
    "DROPPED",
    "EDIT_WINDOW",
    "Call",
    "FakeBotAPI",
    "HTMLParseError",
    "SentMessage",
    "StoredFile",
    "UploadedFile",
    "html_to_text",
    "parse_html",
    "utf16_len",
]

JSON = dict[str, Any]

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
CALLBACK_DATA_LIMIT = 64
DOWNLOAD_LIMIT = 20 * 1024 * 1024
# bytes of a file a bot sends (multipart): a larger one gets 413 Request Entity Too Large
UPLOAD_LIMIT = 50 * 1024 * 1024
CALLBACK_TIMEOUT = 15.0  # seconds a callback query can be answered after the press
DROPPED = 0  #: the ``status`` of a call whose connection :meth:`FakeBotAPI.drop_next` cut
EDIT_WINDOW = 48 * 3600  # seconds after which Telegram refuses to edit a message ("message can't be edited")


def _words(names: str) -> frozenset[str]:
    return frozenset(names.split())


# Pitfall 1: PTB sends strings raw and everything else JSON-encoded, so decode by field name.
_JSON_FIELDS = _words(
    "reply_markup entities caption_entities commands allowed_updates scope link_preview_options"
    " reply_parameters media message_ids results button"
)
_INT_FIELDS = _words(
    "chat_id from_chat_id message_id offset limit timeout user_id reply_to_message_id"
    " message_thread_id cache_time max_connections duration"
)
_BOOL_FIELDS = _words(
    "disable_notification protect_content show_alert drop_pending_updates disable_web_page_preview"
    " allow_sending_without_reply allow_paid_broadcast disable_content_type_detection"
    " show_caption_above_media is_personal"
)
_BUTTON_ACTIONS = _words(
    "url callback_data web_app login_url switch_inline_query switch_inline_query_current_chat"
    " switch_inline_query_chosen_chat copy_text callback_game pay"
)
_ADMIN_RIGHTS = _words(
    "can_be_edited is_anonymous can_manage_chat can_delete_messages can_manage_video_chats"
    " can_restrict_members can_promote_members can_change_info can_invite_users can_post_stories"
    " can_edit_stories can_delete_stories"
)
_MENTION = re.compile(r"(?<![A-Za-z0-9_])@[A-Za-z0-9_]{5,32}(?![A-Za-z0-9_])")  # another user, by @username
# A web address as Telegram marks it in a typed text (a `url` entity): http(s):// or www., up to a space
# or a character no address holds, trailing punctuation left out
_URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+(?<![.,;:!?)\]'])", re.I)
_COMMAND = re.compile(r"/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,64})?(?![A-Za-z0-9_@])")


@dataclass
class UploadedFile:
    """A file part of a multipart request (e.g. ``params["document"]`` of sendDocument)."""

    filename: str | None
    content_type: str | None
    data: bytes


@dataclass
class StoredFile:
    """A file known to the fake: served by getFile and ``GET /file/bot{token}/{file_path}``."""

    file_id: str
    file_unique_id: str
    file_path: str
    content: bytes
    file_name: str | None = None
    mime_type: str | None = None

    def as_document(self) -> JSON:
        """The Telegram ``Document`` object for this file."""
        doc: JSON = {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.content),
        }
        if self.file_name:
            doc["file_name"] = self.file_name
        if self.mime_type:
            doc["mime_type"] = self.mime_type
        return doc


@dataclass
class Call:
    """One recorded Bot API request and the fake's answer to it."""

    method: str
    params: JSON
    time: float
    status: int = 200
    response: JSON = field(default_factory=dict)
    injected: bool = False  #: failed because of :meth:`FakeBotAPI.fail_next`

    @property
    def ok(self) -> bool:
        """Whether the fake answered ``"ok": true``."""
        return self.status == 200

    @property
    def description(self) -> str:
        """The error description ("" for successful calls)."""
        return str(self.response.get("description", ""))


@dataclass
class SentMessage:
    """A message the bot sent (or the document it uploaded), as the fake stores it."""

    chat_id: int | str
    message_id: int
    text: str  #: raw text (or caption) exactly as sent, e.g. HTML
    plain_text: str  #: text after entity parsing, what the user sees
    parse_mode: str | None = None
    reply_markup: JSON | None = None
    entities: list[JSON] = field(default_factory=list)
    document: JSON | None = None
    date: int = field(default_factory=lambda: int(time.time()))
    edit_count: int = 0
    deleted: bool = False
    thread_id: int | None = None  #: the forum topic it was sent to (None: General, or not a forum)
    #: the person's message it replies to (chat id, message id), sent with ``reply_parameters``: Telegram gives
    #: it as ``reply_to_message`` wherever the message comes back (a button pressed under it) while it exists
    reply_to: tuple[int | str, int] | None = None

    @property
    def buttons(self) -> list[JSON]:
        """All inline keyboard buttons, row by row."""
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [button for row in rows for button in row]

    def button_data(self, label: str) -> str:
        """callback_data of the first button whose text contains ``label``."""
        for button in self.buttons:
            if label in button.get("text", "") and "callback_data" in button:
                return str(button["callback_data"])
        raise AssertionError(f"no button containing {label!r} in {self.buttons}")


def _gone(request: web.Request) -> bool:
    """Whether the client of `request` has closed its connection (a cancelled long poll)."""
    return request.transport is None or request.transport.is_closing()


class _Dropped(Exception):
    """The connection of a request is cut (see :meth:`FakeBotAPI.drop_next`)."""


class _APIError(Exception):
    """An error answer: ``{"ok": false, "error_code": code, "description": ...}``."""

    def __init__(self, code: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.code, self.description, self.parameters = code, description, parameters

    def body(self) -> JSON:
        body: JSON = {"ok": False, "error_code": self.code, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


class _ProxyPage(_APIError):
    """An error answered by a proxy before the Bot API server (nginx): its HTML page, not Telegram's JSON."""

    def __init__(self, code: int, description: str, page: str | None = None) -> None:
        super().__init__(code, description)
        self.page = nginx_page(code) if page is None else page


def nginx_page(status: int) -> str:
    """The HTML page nginx answers an error with (e.g. a 413 over ``client_max_body_size``, a 502)."""
    title = f"{status} {HTTPStatus(status).phrase}"
    return (
        f"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n"
        "<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n"
    )


def _bad(description: str) -> _APIError:
    return _APIError(400, f"Bad Request: {description}")


def _decode_field(name: str, value: str) -> Any:
    """Decode one form field the way PTB encoded it (see module pitfall notes)."""
    if name in _JSON_FIELDS:
        try:
            return json.loads(value)
        except ValueError:
            raise _bad(f"can't parse {name} JSON object") from None
    if name in _INT_FIELDS and re.fullmatch(r"-?\d+", value):
        return int(value)
    if name in _INT_FIELDS and re.fullmatch(r"-?\d+\.\d*", value):
        return float(value)
    if name in _BOOL_FIELDS:
        return value.lower() in ("true", "1")
    return value


class FakeBotAPI:
    """In-process fake of the Telegram Bot API, served over HTTP on 127.0.0.1.

    Attributes: ``calls`` (every :class:`Call`, failures included), ``files`` (file_id ->
    :class:`StoredFile`), ``commands`` (what setMyCommands stored), ``webhook_url``.
    """

    def __init__(
        self,
        *,
        bot_username: str = "speechqa_bot",
        bot_id: int = 123,
        bot_first_name: str = "SpeechQA",
        strict_html: bool = True,
        port: int = 0,
    ) -> None:
        self.bot_user: JSON = {
            "id": bot_id,
            "is_bot": True,
            "first_name": bot_first_name,
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }
        self.strict_html = strict_html
        self.calls: list[Call] = []
        self.files: dict[str, StoredFile] = {}
        self.commands: dict[str, list[JSON]] = {}
        self.webhook_url = ""
        # what getWebhookInfo says of the last delivery Telegram failed (``webhook_error``): (unix time, message)
        self.webhook_last_error: tuple[int, str] | None = None
        self.webhook_waiting = 0  # updates Telegram could not deliver to the webhook (`webhook_error`)
        self._updates: list[JSON] = []
        self._update_ids = itertools.count(1)
        self._ids = itertools.count(1)
        self._message_ids: dict[int | str, itertools.count[int]] = {}
        self._messages: dict[int | str, dict[int, SentMessage]] = {}
        self._sent: list[SentMessage] = []
        self._chats: dict[int | str, JSON] = {}
        self._user_messages: set[tuple[int | str, int]] = set()
        # what each person's message held, for the `reply_to_message` of a bot message replying to it
        self._user_message_dicts: dict[tuple[int | str, int], JSON] = {}
        self._open_callbacks: dict[str, float] = {}  # query id -> monotonic time of the press
        self._open_inline_queries: set[str] = set()
        self._topics: dict[int | str, set[int]] = {}  # forum chat id -> its topics' thread ids
        self._migrated: dict[int | str, int] = {}  # basic group id -> the supergroup it became
        self._blocked: set[int | str] = set()  # chats that blocked the bot or removed it
        self._revoked = False  # the token revoked in @BotFather: every call is refused with 401
        self._vanished: set[int | str] = set()  # chats Telegram no longer knows (a group its owner deleted)
        self._muted: set[int | str] = set()  # groups where the bot may not send messages (restricted)
        self._closed_topics: set[tuple[int | str, int]] = set()  # forum topics closed by an admin
        # bytes a sent file may have: Telegram's 50 MB, or less behind a self-hosted server's or a proxy's limit
        self.upload_limit = UPLOAD_LIMIT
        # a larger file is refused by nginx before the server (its HTML 413 page), not by the server (JSON 413)
        self.upload_limit_by_proxy = False
        self._deleted: set[tuple[int | str, int]] = set()  # people's messages deleted since they were sent
        self._failures: dict[str, list[_APIError]] = {}
        self._download_failures: list[int] = []  # HTTP statuses the next file downloads get
        self._drops: dict[str, list[bool]] = {}  # method -> for each drop to come: carried out first?
        self._calls_cond = asyncio.Condition()
        self._updates_cond = asyncio.Condition()
        self._tasks: set[asyncio.Task[None]] = set()
        self._stopping = False
        self._polls = 0  # getUpdates calls so far: a newer one ends a pending one with 409, as Telegram does
        self._runner: web.AppRunner | None = None
        self._port = port  # 0: any free port
        self._methods: dict[str, Callable[[JSON], Awaitable[Any]]] = {
            name[4:].lower(): getattr(self, name) for name in dir(self) if name.startswith("_api")
        }

    # ------------------------------------------------------------------ lifecycle
    async def start(self) -> None:
        """Bind the server on 127.0.0.1 (on the port given, or a free one)."""
        self._stopping = False
        app = web.Application(client_max_size=60 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{file_path:.+}", self._handle_file)
        self._runner = web.AppRunner(app, shutdown_timeout=1.0, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", self._port)
        await site.start()
        server = site._server  # aiohttp exposes the bound port only here
        assert server is not None and server.sockets
        self._port = server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        """Wake every pending long-poll (so it answers ``[]`` at once), then stop the server."""
        self._stopping = True
        async with self._updates_cond:
            self._updates_cond.notify_all()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeBotAPI:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """Value for ``ApplicationBuilder.base_url`` (PTB appends the token)."""
        return f"http://127.0.0.1:{self._port}/bot"

    @property
    def base_file_url(self) -> str:
        """Value for ``ApplicationBuilder.base_file_url``."""
        return f"http://127.0.0.1:{self._port}/file/bot"

    # ------------------------------------------------------------------ recorded calls
    def calls_of(self, method: str, *, ok: bool | None = True) -> list[Call]:
        """Calls of ``method`` (case-insensitive); by default only successful ones
        (``ok=False``: only failed ones, ``ok=None``: all)."""
        return [c for c in self.calls if c.method.lower() == method.lower() and (ok is None or c.ok == ok)]

    def texts_sent(self, *, ok: bool | None = True) -> list[str]:
        """The text of every sendMessage call (by default only successful ones, as `calls_of`)."""
        return [str(c.params.get("text", "")) for c in self.calls_of("sendMessage", ok=ok)]

    @property
    def failed_calls(self) -> list[Call]:
        """Every call the fake rejected, injected failures included."""
        return [c for c in self.calls if not c.ok]

    async def wait_for(
        self,
        method: str,
        count: int = 1,
        timeout: float = 5.0,
        predicate: Callable[[Call], bool] | None = None,
        *,
        ok: bool | None = True,
    ) -> list[Call]:
        """Wait (on a Condition, no sleeps) until ``count`` matching calls exist; return all
        matching calls. Raises AssertionError on timeout, listing the rejected calls."""

        def matching() -> list[Call]:
            return [c for c in self.calls_of(method, ok=ok) if predicate is None or predicate(c)]

        try:
            async with self._calls_cond:
                async with asyncio.timeout(timeout):
                    await self._calls_cond.wait_for(lambda: len(matching()) >= count)
        except TimeoutError:
            failed = [(c.method, c.description) for c in self.failed_calls]
            raise AssertionError(
                f"timed out waiting for {count} x {method}: got {len(matching())}; failed calls: {failed}"
            ) from None
        return matching()

    def fail_next(
        self,
        method: str,
        error_code: int = 429,
        retry_after: int | None = 1,
        description: str | None = None,
        *,
        times: int = 1,
        page: str | None = None,
    ) -> None:
        """Make the next ``times`` calls of ``method`` fail with ``error_code`` (a 429 carries
        ``parameters.retry_after``, which PTB turns into ``RetryAfter``). With ``page`` the answer is that
        HTML page, as a proxy before the Bot API server sends, instead of Telegram's JSON."""
        if description is None:
            description = (
                f"Too Many Requests: retry after {retry_after}"
                if error_code == 429
                else f"Bad Request: injected failure of {method}"
            )
        params = {"retry_after": retry_after} if error_code == 429 and retry_after else None
        queue = self._failures.setdefault(method.lower(), [])
        if page is not None:
            queue.extend(_ProxyPage(error_code, description, page) for _ in range(times))
        else:
            queue.extend(_APIError(error_code, description, params) for _ in range(times))

    def fail_next_download(self, status: int = 502, *, times: int = 1) -> None:
        """Make the next ``times`` downloads from the file server (``/file/bot<token>/<path>``, where a bot
        fetches a file after getFile) fail with ``status``: a server error answered with the HTML page a
        front proxy sends, as Telegram's file server does when it stumbles."""
        self._download_failures.extend([status] * times)

    def drop_next(self, method: str, *, times: int = 1, carried_out: bool = False) -> None:
        """Cut the connection of the next ``times`` calls of ``method`` without an HTTP answer (the bot
        sees a network error, as when the network fails mid-request). With ``carried_out`` the call is
        done first (a message sent, as Telegram may have done before the answer was lost); else not.
        The call is recorded with ``status`` ``DROPPED``."""
        self._drops.setdefault(method.lower(), []).extend([carried_out] * times)

    def clear_calls(self) -> None:
        """Forget the recorded calls (messages, files and updates are kept)."""
        self.calls.clear()

    # ------------------------------------------------------------------ sent messages
    def messages(self, chat_id: int | str | None = None) -> list[SentMessage]:
        """Messages the bot sent and has not deleted, oldest first (all chats if None)."""
        return [m for m in self._sent if not m.deleted and chat_id in (None, m.chat_id)]

    def topic_messages(self, chat_id: int | str, thread_id: int | None) -> list[SentMessage]:
        """The bot's messages in one forum topic (``None``: the General topic)."""
        return [m for m in self.messages(chat_id) if m.thread_id == thread_id]

    def last_message(self, chat_id: int | str | None = None) -> SentMessage:
        """The bot's most recent message (in ``chat_id``, or anywhere)."""
        messages = self.messages(chat_id)
        if not messages:
            raise AssertionError(f"the bot sent no message to {chat_id or 'any chat'}")
        return messages[-1]

    def get_message(self, chat_id: int | str, message_id: int) -> SentMessage:
        """A stored bot message by id (KeyError if unknown)."""
        return self._messages[chat_id][message_id]

    def seed_message(self, message: SentMessage) -> SentMessage:
        """Put a message another bot process sent earlier (an older release's answer, kept as JSON) back in its
        chat, so its buttons can be pressed again; the bot's next message there gets a later id."""
        self._messages.setdefault(message.chat_id, {})[message.message_id] = message
        later = max(self._messages[message.chat_id]) + 1
        self._message_ids[message.chat_id] = itertools.count(later)
        return message

    # ------------------------------------------------------------------ updates
    def push_update(self, update: JSON) -> JSON:
        """Queue an update dict for getUpdates and wake the pending long-poll."""
        update.setdefault("update_id", next(self._update_ids))
        self._updates.append(update)
        self._notify(self._updates_cond)
        return update

    @property
    def pending_updates(self) -> list[JSON]:
        """Updates not yet confirmed by a getUpdates offset."""
        return list(self._updates)

    def register_file(
        self,
        content: bytes,
        file_name: str | None = None,
        mime_type: str | None = None,
        kind: str = "documents",
    ) -> StoredFile:
        """Make ``content`` downloadable through getFile and the file URL."""
        n = next(self._ids)
        suffix = "." + file_name.rsplit(".", 1)[1] if file_name and "." in file_name else ""
        stored = StoredFile(
            f"FILE{n:06d}", f"U{n:06d}", f"{kind}/file_{n}{suffix}", content, file_name, mime_type
        )
        self.files[stored.file_id] = stored
        return stored

    def make_message_update(
        self,
        fields: JSON,
        *,
        user_id: int = 1001,
        chat_id: int | None = None,
        chat_type: str = "private",
        username: str | None = "alice",
        first_name: str = "Alice",
        reply_to_message: JSON | SentMessage | None = None,
        message_thread_id: int | None = None,
        quote: str | None = None,
    ) -> JSON:
        """A ``message`` update from a user, with ``fields`` (e.g. ``{"voice": {...}}``).

        ``message_thread_id`` (a topic made by :meth:`create_forum_topic`) sends it in a forum topic.
        ``quote``: the part of the replied-to message the user selected to quote in the reply (Telegram
        sends it as ``quote``; it must be a part of that message's text or caption, or Telegram refuses
        the reply: so does this, with a ValueError)."""
        if chat_id is None:
            chat_id = user_id if chat_type == "private" else -1001000000000 - user_id
        user: JSON = {"id": user_id, "is_bot": False, "first_name": first_name}
        if username:
            user["username"] = username
        chat: JSON = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat.update({k: v for k, v in user.items() if k in ("first_name", "username")})
        else:
            chat["title"] = f"Chat {chat_id}"
        if chat_id in self._topics:
            chat["is_forum"] = True
        self._chats[chat_id] = chat
        message_id = self._next_message_id(chat_id)
        self._user_messages.add((chat_id, message_id))
        message: JSON = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": chat,
            "from": user,
            **fields,
        }
        if message_thread_id is not None:
            if message_thread_id not in self._topics.get(chat_id, set()):
                raise ValueError(f"chat {chat_id} has no forum topic {message_thread_id}")
            message["message_thread_id"] = message_thread_id
            message["is_topic_message"] = True
        if reply_to_message is not None:
            message["reply_to_message"] = (  # Telegram gives no reply_to_message inside one
                {k: v for k, v in self.message_dict(reply_to_message).items() if k != "reply_to_message"}
                if isinstance(reply_to_message, SentMessage)
                else reply_to_message
            )
        self._user_message_dicts[(chat_id, message_id)] = {
            k: v for k, v in message.items() if k != "reply_to_message"
        }
        if quote is not None:
            replied = message.get("reply_to_message") or {}
            quoted = str(replied.get("text") or replied.get("caption") or "")
            if not quote or quote not in quoted:
                raise ValueError(f"{quote!r} is no part of the message replied to ({quoted[:80]!r})")
            position = utf16_len(quoted[: quoted.index(quote)])
            message["quote"] = {"text": quote, "position": position, "is_manual": True}
        return {"update_id": next(self._update_ids), "message": message}

    def make_text_update(self, text: str, *, entities: list[JSON] | None = None, **kwargs: Any) -> JSON:
        """A text message update. ``entities=None`` auto-adds a ``bot_command`` entity when
        ``text`` starts with "/" and ``mention`` entities for ``@botusername``. Other keyword
        arguments as :meth:`make_message_update` (user_id, chat_id, chat_type, username,
        first_name, reply_to_message)."""
        if entities is None:
            entities = self._entities_of(text)
        fields: JSON = {"text": text, **({"entities": entities} if entities else {})}
        return self.make_message_update(fields, **kwargs)

    def make_document_update(
        self,
        file_name: str,
        content: bytes,
        mime_type: str = "application/octet-stream",
        *,
        caption: str | None = None,
        with_size: bool = True,
        **kwargs: Any,
    ) -> JSON:
        """A document message update; the file is registered so the bot can download it.
        ``with_size=False`` leaves out ``file_size``, which Telegram does not always send."""
        stored = self.register_file(content, file_name, mime_type)
        fields: JSON = {"document": stored.as_document()}
        if not with_size:
            del fields["document"]["file_size"]
        if caption is not None:
            fields["caption"] = caption
            if entities := self._entities_of(caption):  # Telegram marks a mention in a caption too
                fields["caption_entities"] = entities
        return self.make_message_update(fields, **kwargs)

    def make_photo_update(
        self,
        caption: str | None = None,
        *,
        content: bytes | None = None,
        size: tuple[int, int] = (800, 800),
        **kwargs: Any,
    ) -> JSON:
        """A photo message update (sizes as Telegram sends them), with ``caption`` written under it;
        the caption's command and @bot mentions are marked as Telegram marks them. ``content``: the JPEG
        Telegram made of the photo, of ``size`` (width, height) pixels — its largest size, the last in
        ``photo``, can then be downloaded (getFile), with ``file_size`` set, as Telegram sends it. Keyword
        arguments as :meth:`make_message_update`."""
        n = next(self._ids)
        width, height = size
        sizes: list[JSON] = [
            {
                "file_id": f"PHOTO{n:06d}{w}",
                "file_unique_id": f"P{n:06d}{w}",
                "width": round(width * w / max(size)),
                "height": round(height * w / max(size)),
            }
            for w in (90, 320)
            if w < max(size)
        ]
        largest: JSON = {
            "file_id": f"PHOTO{n:06d}",
            "file_unique_id": f"P{n:06d}",
            "width": width,
            "height": height,
        }
        if content is not None:
            stored = self.register_file(content, "photo.jpg", "image/jpeg", kind="photos")
            largest.update(
                file_id=stored.file_id, file_unique_id=stored.file_unique_id, file_size=len(content)
            )
        sizes.append(largest)
        fields: JSON = {"photo": sizes}
        if caption is not None:
            fields["caption"] = caption
            if entities := self._entities_of(caption):
                fields["caption_entities"] = entities
        return self.make_message_update(fields, **kwargs)

    def make_animation_update(self, caption: str | None = None, **kwargs: Any) -> JSON:
        """A GIF sent from a client's GIF panel: Telegram sends ``animation`` and, for backward
        compatibility, the same file as ``document`` (an MPEG-4 video, as Telegram converts GIFs). Keyword
        arguments as :meth:`make_message_update`."""
        stored = self.register_file(b"\x00\x00\x00\x18ftypmp42", "giphy.mp4", "video/mp4", kind="animations")
        document = stored.as_document()
        fields: JSON = {
            "animation": {**document, "width": 320, "height": 240, "duration": 2},
            "document": document,
        }
        if caption is not None:
            fields["caption"] = caption
            if entities := self._entities_of(caption):
                fields["caption_entities"] = entities
        return self.make_message_update(fields, **kwargs)

    def media_group(self, updates: list[JSON]) -> list[JSON]:
        """Make message updates (photos, files) one album, as a client sends photos or files picked together:
        one message each, sharing a ``media_group_id``, a caption on at most one of them."""
        group = f"{13_000_000_000_000_000 + next(self._ids)}"
        for update in updates:
            update["message"]["media_group_id"] = group
        return updates

    def make_forward_update(self, message: SentMessage, **kwargs: Any) -> JSON:
        """A ``message`` update: the user forwarded one of the bot's messages (an answer, an exported
        file) to a chat with the bot. Telegram sends a copy of it — text and entities, or the document and
        its caption — with ``forward_origin`` naming the bot as its sender. Keyword arguments as
        :meth:`make_message_update`."""
        original = self.message_dict(message)
        copied = ("text", "entities", "caption", "caption_entities", "document")
        fields: JSON = {k: v for k, v in original.items() if k in copied}
        fields["forward_origin"] = {"type": "user", "date": message.date, "sender_user": self.bot_user}
        return self.make_message_update(fields, **kwargs)

    def _entities_of(self, text: str) -> list[JSON]:
        """The entities Telegram adds to a typed text: a leading bot_command, @bot mentions, mentions
        of other @usernames (5 to 32 letters, digits or _) and web addresses (url)."""
        entities = []
        command_end = 0
        if command := _COMMAND.match(text):
            command_end = command.end()
            entities.append({"type": "bot_command", "offset": 0, "length": utf16_len(command.group())})
        pattern = re.compile(re.escape("@" + self.bot_user["username"]) + r"\b", re.I)
        found = list(pattern.finditer(text, command_end))
        taken = {m.start() for m in found}
        found += [m for m in _MENTION.finditer(text, command_end) if m.start() not in taken]
        for m in sorted(found, key=lambda m: m.start()):
            entities.append(
                {"type": "mention", "offset": utf16_len(text[: m.start()]), "length": utf16_len(m.group())}
            )
        for m in _URL.finditer(text, command_end):
            entities.append(
                {"type": "url", "offset": utf16_len(text[: m.start()]), "length": utf16_len(m.group())}
            )
        return sorted(entities, key=lambda e: e["offset"])

    def make_edited_update(self, update: JSON, text: str) -> JSON:
        """An ``edited_message`` update: the user changed the text of the message in ``update``
        (an update made by :meth:`make_text_update`) to ``text`` — or its caption, for a photo or a
        file sent with one."""
        original = update["message"]
        key = "caption" if "caption" in original else "text"
        entities_key = "caption_entities" if key == "caption" else "entities"
        message = {k: v for k, v in original.items() if k not in (key, entities_key)}
        message[key] = text
        if entities := self._entities_of(text):
            message[entities_key] = entities
        message["edit_date"] = int(time.time())
        return {"update_id": next(self._update_ids), "edited_message": message}

    def make_channel_post_update(self, text: str, chat_id: int = -1001444000000) -> JSON:
        """A ``channel_post`` update: a post in a channel the bot is a member of (no sender)."""
        chat: JSON = {"id": chat_id, "type": "channel", "title": f"Channel {chat_id}"}
        self._chats[chat_id] = chat
        message = {"message_id": self._next_message_id(chat_id), "date": int(time.time()), "chat": chat}
        return {"update_id": next(self._update_ids), "channel_post": {**message, "text": text}}

    def make_my_chat_member_update(
        self,
        chat_id: int,
        *,
        chat_type: str = "supergroup",
        old_status: str = "left",
        new_status: str = "member",
        user_id: int = 1001,
        first_name: str = "Alice",
    ) -> JSON:
        """A ``my_chat_member`` update: user ``user_id`` changed the bot's membership of a chat
        (by default: added it to a group)."""
        chat: JSON = {"id": chat_id, "type": chat_type, "title": f"Chat {chat_id}"}
        if chat_id in self._topics:
            chat["is_forum"] = True
        self._chats[chat_id] = chat

        def member(status: str) -> JSON:
            if status == "administrator":  # Telegram sends every right of an administrator
                return {"status": status, "user": self.bot_user, **dict.fromkeys(_ADMIN_RIGHTS, True)}
            if status == "kicked":
                return {"status": status, "user": self.bot_user, "until_date": 0}
            return {"status": status, "user": self.bot_user}

        return {
            "update_id": next(self._update_ids),
            "my_chat_member": {
                "chat": chat,
                "from": {"id": user_id, "is_bot": False, "first_name": first_name},
                "date": int(time.time()),
                "old_chat_member": member(old_status),
                "new_chat_member": member(new_status),
            },
        }

    def create_forum_topic(self, chat_id: int, name: str = "Topic") -> int:
        """Make ``chat_id`` a forum supergroup (if not yet) with a new topic; return its
        ``message_thread_id``. Messages sent there carry it; a reply without it lands in General."""
        topics = self._topics.setdefault(chat_id, set())
        thread_id = self._next_message_id(chat_id)  # a topic's id is the id of its service message
        topics.add(thread_id)
        chat = self._chats.setdefault(chat_id, {"id": chat_id, "type": "supergroup", "title": name})
        chat["is_forum"] = True
        return thread_id

    def migrate_group(
        self, chat_id: int, new_chat_id: int, *, user_id: int = 1001, bot_status: str = "member"
    ) -> tuple[JSON, JSON, JSON]:
        """A basic group upgraded to a supergroup (Telegram does it when, e.g., an admin makes its
        history visible): returns the updates Telegram sends, the old group's ``migrate_to_chat_id``
        service message, a ``my_chat_member`` update saying the bot (``bot_status`` there) joined the
        supergroup (tdlib/telegram-bot-api#266: "Bot join event is sent for the supergroup"; the order of
        the three is not documented, so a test may deliver them in another) and the supergroup's
        ``migrate_from_chat_id`` service message. The bot's messages move
        to the supergroup (their buttons now arrive from it), and sending to the old id fails with
        "group chat was upgraded to a supergroup chat", as Telegram does."""
        old_chat: JSON = {"id": chat_id, "type": "group", "title": f"Chat {chat_id}"}
        new_chat: JSON = {"id": new_chat_id, "type": "supergroup", "title": f"Chat {chat_id}"}
        self._chats[chat_id], self._chats[new_chat_id] = old_chat, new_chat
        self._migrated[chat_id] = new_chat_id
        moved = self._messages.pop(chat_id, {})
        for message in moved.values():
            message.chat_id = new_chat_id
        self._messages.setdefault(new_chat_id, {}).update(moved)
        self._message_ids.setdefault(new_chat_id, itertools.count(max(moved, default=0) + 1))
        user: JSON = {"id": user_id, "is_bot": False, "first_name": "Alice"}

        def service_message(chat: JSON, fields: JSON) -> JSON:
            message_id = self._next_message_id(chat["id"])
            message = {"message_id": message_id, "date": int(time.time()), "chat": chat, "from": user}
            return {"update_id": next(self._update_ids), "message": {**message, **fields}}

        joined = self.make_my_chat_member_update(new_chat_id, new_status=bot_status, user_id=user_id)
        joined["my_chat_member"]["chat"]["title"] = new_chat["title"]
        return (
            service_message(old_chat, {"migrate_to_chat_id": new_chat_id}),
            joined,
            service_message(new_chat, {"migrate_from_chat_id": chat_id}),
        )

    def block(self, chat_id: int | str) -> JSON:
        """The user blocked the bot (or a group removed it): every send and edit to ``chat_id`` now
        fails with 403 Forbidden, as Telegram answers. Returns the ``my_chat_member`` update Telegram
        sends about it."""
        self._blocked.add(chat_id)
        private = isinstance(chat_id, int) and chat_id > 0
        return self.make_my_chat_member_update(
            int(chat_id),
            chat_type="private" if private else "supergroup",
            old_status="member",
            new_status="kicked" if private else "left",
            user_id=int(chat_id) if private else 1001,
        )

    def revoke_token(self) -> None:
        """The bot's token is revoked (or replaced) in @BotFather: every call, a pending long poll included, is now
        refused with 401 "Unauthorized", as Telegram answers an unknown token."""
        self._revoked = True
        self._notify(self._updates_cond)

    def webhook_error(self, message: str, *, at: float | None = None, waiting: int = 1) -> None:
        """Telegram failed to deliver an update to the webhook (its proxy answered 502, its certificate is not
        trusted…): getWebhookInfo now reports ``message`` as ``last_error_message``, dated ``at`` (now), and
        ``waiting`` updates more pending. Called again for each failed retry (Telegram re-dates the error)."""
        self.webhook_last_error = (int(time.time() if at is None else at), message)
        self.webhook_waiting += waiting

    def webhook_delivered(self) -> None:
        """Telegram delivered the waiting updates to the webhook at last: none pending; the last error stays
        reported (as Telegram keeps it)."""
        self.webhook_waiting = 0

    def delete_chat(self, chat_id: int | str) -> None:
        """The chat is gone for the bot (a group its owner deleted, a chat with an account that is gone): every
        send, edit and chat action to ``chat_id`` now fails with 400 "chat not found", as Telegram answers;
        Telegram sends no update about it."""
        self._vanished.add(chat_id)

    def unblock(self, chat_id: int | str) -> JSON:
        """The user unblocked the bot (or the group added it back): sends reach ``chat_id`` again.
        Returns the ``my_chat_member`` update Telegram sends about it."""
        self._blocked.discard(chat_id)
        private = isinstance(chat_id, int) and chat_id > 0
        return self.make_my_chat_member_update(
            int(chat_id),
            chat_type="private" if private else "supergroup",
            old_status="kicked" if private else "left",
            new_status="member",
            user_id=int(chat_id) if private else 1001,
        )

    def restrict(self, chat_id: int) -> JSON:
        """A group's admin took the bot's right to send messages (it stays a member, and still receives
        updates): every send to ``chat_id`` now fails with "not enough rights to send text messages to
        the chat". Returns the ``my_chat_member`` update Telegram sends about it."""
        self._muted.add(chat_id)
        update = self.make_my_chat_member_update(chat_id, old_status="member", new_status="member")
        rights = _words(
            "can_send_messages can_send_audios can_send_documents can_send_photos can_send_videos"
            " can_send_video_notes can_send_voice_notes can_send_polls can_send_other_messages"
            " can_add_web_page_previews can_change_info can_invite_users can_pin_messages can_manage_topics can_edit_tag can_react_to_messages"
        )
        update["my_chat_member"]["new_chat_member"] = {
            "status": "restricted",
            "user": self.bot_user,
            "is_member": True,
            "until_date": 0,
            **dict.fromkeys(rights, False),
        }
        return update

    def close_topic(self, chat_id: int, thread_id: int) -> None:
        """An admin closed a forum topic: the bot (no admin) can no longer post in it ("TOPIC_CLOSED"),
        though people who may still write there do."""
        self._closed_topics.add((chat_id, thread_id))

    def delete_topic(self, chat_id: int, thread_id: int) -> None:
        """An admin deleted a forum topic with its messages: sends to it fail with "message thread not
        found", as Telegram answers, and the bot's messages in it are gone (an edit of one: "message to edit
        not found"; :meth:`messages` no longer lists them)."""
        self._topics.get(chat_id, set()).discard(thread_id)
        self._closed_topics.discard((chat_id, thread_id))
        for message in self._messages.get(chat_id, {}).values():
            if message.thread_id == thread_id:
                message.deleted = True

    def delete_by_user(self, update: JSON) -> None:
        """The person deleted the message of ``update`` (e.g. right after sending it): a reply to it is
        refused ("message to be replied not found") unless sent with ``allow_sending_without_reply``."""
        message = update.get("message") or update["edited_message"]
        key = (message["chat"]["id"], message["message_id"])
        self._user_messages.discard(key)
        self._deleted.add(key)

    def sent_earlier(self, chat_id: int, text: str) -> SentMessage:
        """A plain-text message the bot sent before the application under test started (the process that
        ran before a restart sent it): stored as sendMessage stores one, so it can be edited or deleted."""
        message = SentMessage(chat_id, self._next_message_id(chat_id), text, text)
        self._store(message)
        return message

    def age(self, message: SentMessage, seconds: float) -> None:
        """Make one of the bot's messages ``seconds`` older; past ``EDIT_WINDOW`` (48 h) editing it
        fails with "message can't be edited", as Telegram answers for an old message."""
        message.date -= int(seconds)

    def delete_as_user(self, message: SentMessage) -> None:
        """The user deleted one of the bot's messages: editing it now fails ("message to edit not
        found")."""
        message.deleted = True

    def make_callback_update(
        self,
        message: SentMessage,
        data: str,
        *,
        user_id: int = 1001,
        username: str | None = "alice",
        first_name: str = "Alice",
        last_name: str | None = None,
        check: bool = True,
        age: float = 0.0,
        inaccessible: bool = False,
        bare: bool = False,
    ) -> JSON:
        """A ``callback_query`` update: the user pressed the button with ``data`` on
        ``message``. With ``check`` (default) a ValueError is raised unless the message
        currently shows such a button; ``check=False`` simulates pressing a stale button.

        ``age``: seconds since the press. A press older than ``CALLBACK_TIMEOUT`` (one made while
        the bot was down, delivered after its restart) can no longer be answered: Telegram says
        "query is too old", as it does for a query answered twice.

        ``first_name``, ``last_name``, ``username``: the presser as Telegram describes them (a user always
        has a first name; the last name and username are optional).

        ``inaccessible``: the press comes with an ``InaccessibleMessage`` (only ``chat``, ``message_id``
        and ``date`` 0) in place of the message, as Telegram sends it for a message that was deleted or
        is otherwise inaccessible to the bot.

        ``bare``: the message comes without its ``reply_markup``, as Telegram sends an older message with a
        press (the bot cannot read the buttons it is under from it)."""
        if check and data not in [b.get("callback_data") for b in message.buttons]:
            raise ValueError(
                f"message {message.message_id} has no button with data {data!r}: {message.buttons}"
            )
        query_id = str(4_000_000_000 + next(self._ids))
        self._open_callbacks[query_id] = time.monotonic() - age
        user: JSON = {"id": user_id, "is_bot": False, "first_name": first_name}
        if last_name:
            user["last_name"] = last_name
        if username:
            user["username"] = username
        return {
            "update_id": next(self._update_ids),
            "callback_query": {
                "id": query_id,
                "from": user,
                "chat_instance": f"ci{message.chat_id}",
                "message": (
                    {"chat": self._chat(message.chat_id), "message_id": message.message_id, "date": 0}
                    if inaccessible
                    else {
                        k: v for k, v in self.message_dict(message).items() if not bare or k != "reply_markup"
                    }
                ),
                "data": data,
            },
        }

    def make_business_message_update(
        self,
        text: str,
        *,
        customer_id: int = 4242,
        owner_id: int = 1001,
        from_owner: bool = False,
        connection_id: str = "BC1",
        edited: bool = False,
    ) -> JSON:
        """A ``business_message`` (or ``edited_business_message``) update: a message in the private chat
        between a Telegram Business account (``owner_id``, who connected the bot to it) and one of its
        customers, written by the customer (or by the owner). The chat is the customer's; the message carries
        its ``business_connection_id``."""
        customer: JSON = {"id": customer_id, "is_bot": False, "first_name": "Customer"}
        owner: JSON = {"id": owner_id, "is_bot": False, "first_name": "Alice"}
        chat: JSON = {"id": customer_id, "type": "private", "first_name": "Customer"}
        message: JSON = {
            "message_id": self._next_message_id(f"business:{customer_id}"),
            "date": int(time.time()),
            "chat": chat,
            "from": owner if from_owner else customer,
            "text": text,
            "business_connection_id": connection_id,
        }
        if edited:
            message["edit_date"] = int(time.time())
        kind = "edited_business_message" if edited else "business_message"
        return {"update_id": next(self._update_ids), kind: message}

    def make_business_connection_update(
        self, *, owner_id: int = 1001, connection_id: str = "BC1", enabled: bool = True
    ) -> JSON:
        """A ``business_connection`` update: the owner connected the bot to their business account (or
        disconnected it)."""
        owner: JSON = {"id": owner_id, "is_bot": False, "first_name": "Alice"}
        connection: JSON = {
            "id": connection_id,
            "user": owner,
            "user_chat_id": owner_id,
            "date": int(time.time()),
            "is_enabled": enabled,
            "rights": {"can_reply": True},
        }
        return {"update_id": next(self._update_ids), "business_connection": connection}

    def make_inline_query_update(self, query: str, *, user_id: int = 1001, first_name: str = "Alice") -> JSON:
        """An ``inline_query`` update: the user typed 「@bot ``query``」 in some chat (Telegram sends these
        only to a bot whose inline mode is enabled with @BotFather). It can be answered once."""
        query_id = str(5_000_000_000 + next(self._ids))
        self._open_inline_queries.add(query_id)
        user: JSON = {"id": user_id, "is_bot": False, "first_name": first_name}
        return {
            "update_id": next(self._update_ids),
            "inline_query": {"id": query_id, "from": user, "query": query, "offset": ""},
        }

    def make_chosen_inline_result_update(
        self, query: str, result_id: str = "1", *, user_id: int = 1001, first_name: str = "Alice"
    ) -> JSON:
        """A ``chosen_inline_result`` update: the user picked a result of an inline query (Telegram sends
        it only when inline feedback is enabled with @BotFather ``/setinlinefeedback``)."""
        user = {"id": user_id, "is_bot": False, "first_name": first_name}
        chosen = {"result_id": result_id, "from": user, "query": query}
        return {"update_id": next(self._update_ids), "chosen_inline_result": chosen}

    def message_dict(self, message: SentMessage) -> JSON:
        """The Telegram ``Message`` object for a stored bot message."""
        result: JSON = {
            "message_id": message.message_id,
            "date": message.date,
            "chat": self._chat(message.chat_id),
            "from": self.bot_user,
        }
        key = "caption" if message.document is not None else "text"
        if message.document is not None:
            result["document"] = message.document
        if message.plain_text:
            result[key] = message.plain_text
        if message.entities:
            result["entities" if key == "text" else "caption_entities"] = message.entities
        if message.edit_count:
            result["edit_date"] = int(time.time())
        if message.reply_markup is not None:
            result["reply_markup"] = message.reply_markup
        if message.thread_id is not None:
            result["message_thread_id"] = message.thread_id
            result["is_topic_message"] = True
        if message.reply_to in self._user_messages:  # gone when its person deleted it
            result["reply_to_message"] = self._user_message_dicts[message.reply_to]
        return result

    # ------------------------------------------------------------------ HTTP plumbing
    def _notify(self, cond: asyncio.Condition) -> None:
        """notify_all from sync code: schedule it on the running loop (if any)."""

        async def wake() -> None:
            async with cond:
                cond.notify_all()

        try:
            task = asyncio.get_running_loop().create_task(wake())
        except RuntimeError:
            return
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _read_params(self, request: web.Request) -> JSON:
        params: JSON = {k: _decode_field(k, v) for k, v in request.query.items()}
        if not request.body_exists:
            return params
        if request.content_type == "application/json":
            try:
                body = await request.json()
            except ValueError:
                body = None
            if not isinstance(body, dict):
                raise _bad("request body must be a JSON object")
            return {**params, **body}
        for name, value in (await request.post()).items():
            if isinstance(value, web.FileField):
                params[name] = UploadedFile(value.filename, value.content_type, value.file.read())
            else:
                params[name] = _decode_field(name, str(value))
        return params

    async def _handle(self, request: web.Request) -> web.Response:
        started = time.monotonic()
        requested = request.match_info["method"]
        handler = self._methods.get(requested.lower())
        method = handler.__name__[4:] if handler else requested
        params: JSON = {}
        injected = False
        page: str | None = None
        try:
            params = await self._read_params(request)
            if self._revoked:
                raise _APIError(401, "Unauthorized")
            if handler is None:
                raise _APIError(404, "Not Found: method not found")
            if failures := self._failures.get(method.lower()):
                injected = True
                raise failures.pop(0)
            drop = self._drops.get(method.lower())
            if drop and not drop[0]:  # cut before Telegram does anything
                injected = True
                raise _Dropped
            status, body = 200, {"ok": True, "result": await handler(params)}
            if drop:  # done, then cut before the answer reaches the bot
                injected = True
                raise _Dropped
        except _APIError as err:
            if err.code == 409 and method == "getUpdates" and _gone(request):
                return web.Response()  # a long poll its client gave up (PTB stopping): nobody is answered
            status, body = err.code, err.body()
            page = err.page if isinstance(err, _ProxyPage) else None
        except _Dropped:
            status, body = DROPPED, {"description": "connection dropped"}
            self._drops[method.lower()].pop(0)
            assert request.transport is not None
            request.transport.abort()  # the client sees the connection reset, no HTTP answer
        call = Call(method, params, started, status, body, injected)
        async with self._calls_cond:
            self.calls.append(call)
            self._calls_cond.notify_all()
        if status == DROPPED:
            return web.Response()  # written to a closed connection: nobody reads it
        if page is not None:
            return web.Response(status=status, text=page, content_type="text/html")
        return web.json_response(body, status=status)

    async def _handle_file(self, request: web.Request) -> web.Response:
        path = request.match_info["file_path"]
        if self._download_failures:
            status = self._download_failures.pop(0)
            return web.Response(status=status, text=nginx_page(status), content_type="text/html")
        for stored in self.files.values():
            if stored.file_path == path:
                return web.Response(
                    body=stored.content, content_type=stored.mime_type or "application/octet-stream"
                )
        return web.json_response({"ok": False, "error_code": 404, "description": "Not Found"}, status=404)

    # ------------------------------------------------------------------ helpers for methods
    def _next_message_id(self, chat_id: int | str) -> int:
        return next(self._message_ids.setdefault(chat_id, itertools.count(1)))

    def _chat(self, chat_id: int | str) -> JSON:
        if chat_id in self._chats:
            return self._chats[chat_id]
        if isinstance(chat_id, str):
            return {"id": -1001999999999, "type": "channel", "username": chat_id.lstrip("@")}
        return {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"}

    def _render(
        self, text: Any, parse_mode: Any, limit: int, caption: bool = False
    ) -> tuple[str, list[JSON]]:
        """Validate text/caption like Telegram; return (plain_text, entities)."""
        text = "" if text is None else str(text)
        plain, entities = text, []
        if isinstance(parse_mode, str) and parse_mode.lower() == "html":
            try:
                plain, entities = parse_html(text, strict=self.strict_html)
            except HTMLParseError as err:
                raise _bad(f"can't parse entities: {err}") from None
        if not caption and not plain.strip():
            raise _bad("message text is empty")
        if utf16_len(plain) > limit:
            raise _bad("message caption is too long" if caption else "message is too long")
        return plain, entities

    @staticmethod
    def _check_markup(markup: Any) -> JSON | None:
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise _bad("can't parse reply keyboard markup JSON object")
        for row in markup.get("inline_keyboard", []):
            for button in row:
                if "callback_data" in button:
                    size = len(str(button["callback_data"]).encode())
                    if not 1 <= size <= CALLBACK_DATA_LIMIT:
                        raise _bad("BUTTON_DATA_INVALID")
                elif not _BUTTON_ACTIONS & button.keys():
                    raise _bad("text buttons are unallowed in the inline keyboard")
        return markup

    def _find(self, params: JSON, action: str) -> SentMessage:
        self._check_blocked(params)
        message = self._messages.get(params.get("chat_id", ""), {}).get(params.get("message_id", -1))
        if message is None or message.deleted:
            raise _bad(f"message to {action} not found")
        if action == "edit" and time.time() - message.date > EDIT_WINDOW:
            raise _bad("message can't be edited")
        return message

    def _check_blocked(self, params: JSON) -> None:
        """A chat that blocked the bot (or removed it) takes nothing from it."""
        chat_id = params.get("chat_id", "")
        if chat_id in self._vanished:
            raise _bad("chat not found")
        if chat_id in self._blocked:
            private = isinstance(chat_id, int) and chat_id > 0
            raise _APIError(
                403,
                "Forbidden: bot was blocked by the user"
                if private
                else "Forbidden: bot is not a member of the supergroup chat",
            )

    def _check_chat(self, params: JSON) -> None:
        """A blocked chat takes nothing; a group upgraded to a supergroup takes no more messages under
        its old id."""
        self._check_blocked(params)
        new_id = self._migrated.get(params.get("chat_id", ""))
        if new_id is not None:
            raise _APIError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": new_id},
            )

    def _thread(self, params: JSON, what: str) -> int | None:
        """The forum topic a send (of `what`: "text messages", "documents") goes to: ``message_thread_id``
        when given (it must exist and be open), else None (General). Outside forums Telegram ignores the
        thread of a reply chain: so does this. A group that restricted the bot takes nothing."""
        self._check_chat(params)
        chat_id = params.get("chat_id", "")
        if chat_id in self._muted:
            raise _bad(f"not enough rights to send {what} to the chat")
        thread = params.get("message_thread_id")
        if thread is None or chat_id not in self._topics:
            return None
        if thread not in self._topics[chat_id]:
            raise _bad("message thread not found")
        if (chat_id, thread) in self._closed_topics:
            raise _bad("TOPIC_CLOSED")
        return int(thread)

    def _check_reply(self, params: JSON) -> None:
        """A reply to a message deleted meanwhile is refused, unless sent with
        ``allow_sending_without_reply`` (then it arrives as a plain message)."""
        reply = params.get("reply_parameters") or {}
        target = reply.get("message_id", params.get("reply_to_message_id"))
        allowed = reply.get("allow_sending_without_reply", params.get("allow_sending_without_reply"))
        chat_id = reply.get("chat_id", params.get("chat_id", ""))
        if target is not None and (chat_id, target) in self._deleted and not allowed:
            raise _bad("message to be replied not found")

    def _store(self, message: SentMessage) -> JSON:
        self._messages.setdefault(message.chat_id, {})[message.message_id] = message
        self._sent.append(message)
        return self.message_dict(message)

    # ------------------------------------------------------------------ Bot API methods
    async def _apigetMe(self, params: JSON) -> JSON:
        return self.bot_user

    async def _apideleteWebhook(self, params: JSON) -> bool:
        self.webhook_url = ""
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True

    async def _apisetWebhook(self, params: JSON) -> bool:
        self.webhook_url = str(params.get("url", ""))
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True

    async def _apigetWebhookInfo(self, params: JSON) -> JSON:
        info: JSON = {
            "url": self.webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates) + self.webhook_waiting if self.webhook_url else 0,
        }
        if self.webhook_url:
            info["max_connections"] = 40
        if self.webhook_last_error is not None:
            info["last_error_date"], info["last_error_message"] = self.webhook_last_error
        return info

    async def _apigetUpdates(self, params: JSON) -> list[JSON]:
        if self.webhook_url:
            raise _APIError(
                409,
                "Conflict: can't use getUpdates method while webhook is "
                "active; use deleteWebhook to delete the webhook first",
            )
        # Telegram serves one poller per bot: a getUpdates arriving while another waits ends the waiting
        # one with 409 (a second process polling with the same token gets its share of these, and so
        # does the first)
        self._polls += 1
        mine = self._polls
        self._notify(self._updates_cond)
        offset = int(params.get("offset") or 0)
        if offset > 0:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        timeout = float(params.get("timeout") or 0)
        if not self._updates and timeout > 0 and not self._stopping:
            try:
                async with self._updates_cond:
                    async with asyncio.timeout(timeout):
                        await self._updates_cond.wait_for(
                            lambda: (
                                bool(self._updates) or self._stopping or self._polls != mine or self._revoked
                            )
                        )
            except TimeoutError:
                pass
            if self._revoked:
                raise _APIError(401, "Unauthorized")
            if self._polls != mine and not self._stopping:
                raise _APIError(
                    409,
                    "Conflict: terminated by other getUpdates request; "
                    "make sure that only one bot instance is running",
                )
        return list(self._updates[: int(params.get("limit") or 100)])

    async def _apisendMessage(self, params: JSON) -> JSON:
        plain, entities = self._render(params.get("text"), params.get("parse_mode"), TEXT_LIMIT)
        markup = self._check_markup(params.get("reply_markup"))
        chat_id = params.get("chat_id", "")
        thread = self._thread(params, "text messages")
        self._check_reply(params)
        return self._store(
            SentMessage(
                chat_id,
                self._next_message_id(chat_id),
                str(params["text"]),
                plain,
                params.get("parse_mode"),
                markup,
                entities,
                thread_id=thread,
                reply_to=self._replied(params),
            )
        )

    def _replied(self, params: JSON) -> tuple[int | str, int] | None:
        """The person's message a sendMessage replies to (``reply_parameters``), when it is one the fake holds."""
        reply = params.get("reply_parameters") or {}
        target = reply.get("message_id", params.get("reply_to_message_id"))
        key = (reply.get("chat_id", params.get("chat_id", "")), target)
        return key if target is not None and key in self._user_messages else None  # type: ignore[return-value]

    async def _apieditMessageText(self, params: JSON) -> JSON | bool:
        plain, entities = self._render(params.get("text"), params.get("parse_mode"), TEXT_LIMIT)
        markup = self._check_markup(params.get("reply_markup"))
        if "inline_message_id" in params:
            return True
        message = self._find(params, "edit")
        if (plain, entities, markup) == (message.plain_text, message.entities, message.reply_markup):
            raise _bad(
                "message is not modified: specified new message content and reply "
                "markup are exactly the same as a current content and reply markup "
                "of the message"
            )
        message.text, message.plain_text, message.entities = str(params["text"]), plain, entities
        message.parse_mode, message.reply_markup = params.get("parse_mode"), markup
        message.edit_count += 1
        return self.message_dict(message)

    async def _apieditMessageReplyMarkup(self, params: JSON) -> JSON | bool:
        markup = self._check_markup(params.get("reply_markup"))
        if "inline_message_id" in params:
            return True
        message = self._find(params, "edit")
        if markup == message.reply_markup:
            raise _bad(
                "message is not modified: specified new message content and reply "
                "markup are exactly the same as a current content and reply markup "
                "of the message"
            )
        message.reply_markup = markup
        message.edit_count += 1
        return self.message_dict(message)

    async def _apideleteMessage(self, params: JSON) -> bool:
        key = (params.get("chat_id", ""), params.get("message_id", -1))
        if key in self._user_messages:
            self._user_messages.discard(key)
            self._deleted.add(key)
            return True
        self._find(params, "delete").deleted = True
        return True

    async def _apianswerCallbackQuery(self, params: JSON) -> bool:
        query_id = str(params.get("callback_query_id", ""))
        pressed = self._open_callbacks.pop(query_id, None)
        if pressed is None or time.monotonic() - pressed > CALLBACK_TIMEOUT:
            raise _bad("query is too old and response timeout expired or query ID is invalid")
        if utf16_len(str(params.get("text") or "")) > 200:
            raise _bad("MESSAGE_TOO_LONG")
        return True

    async def _apianswerInlineQuery(self, params: JSON) -> bool:
        query_id = str(params.get("inline_query_id", ""))
        if query_id not in self._open_inline_queries:
            raise _bad("query is too old and response timeout expired or query ID is invalid")
        results, button = params.get("results"), params.get("button")
        if not isinstance(results, list) or len(results) > 50:
            raise _bad("RESULTS_TOO_MUCH" if isinstance(results, list) else "can't parse results JSON object")
        if button is not None:
            start = str(button.get("start_parameter", ""))
            if not str(button.get("text", "")) or not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", start):
                raise _bad("START_PARAM_INVALID")
        self._open_inline_queries.discard(query_id)
        return True

    async def _apisendChatAction(self, params: JSON) -> bool:
        if not params.get("action"):
            raise _bad("wrong parameter action in request")
        self._thread(params, "text messages")
        return True

    async def _apisetMyCommands(self, params: JSON) -> bool:
        commands = params.get("commands") or []
        for command in commands:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", str(command.get("command", ""))):
                raise _bad("BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", ""))) <= 256:
                raise _bad("BOT_COMMAND_DESCRIPTION_INVALID")
        scope = params.get("scope") or {}
        # e.g. a user who never opened a chat with the bot
        if scope.get("type") in ("chat", "chat_administrators", "chat_member") and (
            scope.get("chat_id") not in self._chats
        ):
            raise _bad("chat not found")
        self.commands[self._commands_key(params)] = commands
        return True

    async def _apigetMyCommands(self, params: JSON) -> list[JSON]:
        return self.commands.get(self._commands_key(params), [])

    async def _apideleteMyCommands(self, params: JSON) -> bool:
        self.commands.pop(self._commands_key(params), None)
        return True

    @staticmethod
    def _commands_key(params: JSON) -> str:
        """Key of a command list: scope type (default "default"), its chat if any, and language, e.g.
        "default:" or "chat:1002:"."""
        scope = params.get("scope") or {"type": "default"}
        chat = f"{scope['chat_id']}:" if "chat_id" in scope else ""
        return f"{scope.get('type', 'default')}:{chat}{params.get('language_code') or ''}"

    async def _apisendDocument(self, params: JSON) -> JSON:
        caption = params.get("caption")
        plain, entities = self._render(caption, params.get("parse_mode"), CAPTION_LIMIT, True)
        markup = self._check_markup(params.get("reply_markup"))
        document = params.get("document")
        if isinstance(document, UploadedFile):
            if len(document.data) > self.upload_limit:  # refused before Telegram reads the request
                error = _ProxyPage if self.upload_limit_by_proxy else _APIError
                raise error(413, "Request Entity Too Large")
            stored = self.register_file(document.data, document.filename, document.content_type)
        elif isinstance(document, str) and document in self.files:
            stored = self.files[document]
        else:
            raise _bad("there is no document in the request")
        chat_id = params.get("chat_id", "")
        thread = self._thread(params, "documents")
        self._check_reply(params)
        return self._store(
            SentMessage(
                chat_id,
                self._next_message_id(chat_id),
                caption or "",
                plain,
                params.get("parse_mode"),
                markup,
                entities,
                stored.as_document(),
                thread_id=thread,
            )
        )

    async def _apigetFile(self, params: JSON) -> JSON:
        stored = self.files.get(str(params.get("file_id", "")))
        if stored is None:
            raise _bad("invalid file_id")
        if len(stored.content) > DOWNLOAD_LIMIT:
            raise _bad("file is too big")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.content),
            "file_path": stored.file_path,
        }
