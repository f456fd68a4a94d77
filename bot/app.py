"""All the bot's wiring in one place: `build_application(settings, service)`."""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any, Protocol

from telegram import Bot, Update
from telegram.constants import ParseMode
from telegram.error import InvalidToken, NetworkError
from telegram.ext import (
    Application,
    BaseRateLimiter,
    CallbackQueryHandler,
    ChatMemberHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    MessageReactionHandler,
    TypeHandler,
    filters,
)

from index import SpeechIndexError
from retrieval import SpeechService

from . import callbacks as cb
from .access import (
    AccessPolicy,
    AddressedToBot,
    AdminAlbumPhoto,
    ChatMoves,
    Command,
    Gate,
    InlineMessagePress,
    NamesThisBot,
    ReadableDocument,
    StartsWithCommand,
)
from .delivery import RetryingRateLimiter, StatusKeepingRequest
from .handlers import EXAMPLES, Handlers
from .updates import HandledUpdates, OnceApplication
from .watch import WebhookWatch

log = logging.getLogger(__name__)

BotApplication = Application[Any, Any, Any, Any, Any, Any]


class BotSettings(Protocol):
    """What the bot reads from its settings (the CLI's `TelegramSettings` has these fields)."""

    @property
    def token(self) -> str | None: ...
    @property
    def api_url(self) -> str | None: ...
    @property
    def file_url(self) -> str | None: ...
    @property
    def allowed_users(self) -> frozenset[int]: ...
    @property
    def allowed_chats(self) -> frozenset[int]: ...
    @property
    def admins(self) -> frozenset[int]: ...
    @property
    def questions_per_minute(self) -> int: ...
    @property
    def hash_user_ids(self) -> bool: ...
    @property
    def webhook_url(self) -> str | None: ...
    @property
    def webhook_check_seconds(self) -> float: ...


def token_refused(app: BotApplication) -> bool:
    """Whether the application stopped because Telegram refused its token while it ran — at a poll, or at a
    webhook check (see `OnceApplication.refuse_token`, `bot.watch`)."""
    return isinstance(app, OnceApplication) and app.token_refused


class MissingToken(ValueError):
    """No bot token was configured."""


def file_url_for(api_url: str) -> str:
    """The file download base URL that goes with a Bot API base URL
    (http://host:8081/bot → http://host:8081/file/bot)."""
    head, _, last = api_url.rstrip("/").rpartition("/")
    return f"{head}/file/{last}"


def backoff(first: float = 1.0, most: float = 60.0) -> Iterable[float]:
    """Waits between attempts: 1, 2, 4 … seconds, then `most` seconds every time."""
    return (min(most, first * 2**n) for n in itertools.count())


async def wait_until_reachable(
    settings: BotSettings,
    on_failure: Callable[[NetworkError, float], None],
    *,
    delays: Iterable[float] | None = None,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> str:
    """Ask the Bot API who the bot is (getMe) until it answers; return the bot's username.

    Each failure to reach it is reported with `on_failure(error, seconds until the next attempt)`.
    A token Telegram does not know raises `InvalidToken`: retrying would not help.
    """
    if not settings.token:
        raise MissingToken("TELEGRAM_BOT_TOKEN is not set")
    options: dict[str, str] = {}
    if settings.api_url:
        options["base_url"] = settings.api_url
        options["base_file_url"] = settings.file_url or file_url_for(settings.api_url)
    for delay in delays if delays is not None else backoff():
        try:
            async with Bot(settings.token, **options) as bot:  # initialising it calls getMe
                return bot.username
        except InvalidToken:
            raise
        except NetworkError as e:  # TimedOut is one too
            on_failure(e, delay)
            await sleep(delay)
    raise NetworkError("the Bot API could not be reached")


def build_application(
    settings: BotSettings,
    service: SpeechService,
    *,
    page_size: int = 5,
    rate_limiter: BaseRateLimiter[Any] | None = None,
    examples: Sequence[str] = EXAMPLES,
    progress_interval: float = 2.0,
    clock: Callable[[], float] = time.monotonic,
) -> BotApplication:
    """The Telegram application over a loaded service (model and index are loaded once, before).

    Outgoing messages go through `RetryingRateLimiter` (retrying after a 429, and after a passing
    network or server failure when that cannot show anything twice) unless another limiter is given;
    updates are handled concurrently, each once (also when Telegram delivers one again after a restart:
    see `updates`), retrieval runs in worker threads.
    """
    if not settings.token:
        raise MissingToken("TELEGRAM_BOT_TOKEN is not set")
    policy = AccessPolicy(
        allowed_users=settings.allowed_users,
        allowed_chats=settings.allowed_chats,
        admins=settings.admins,
        moves=ChatMoves(service.library.store.chat_migrations()),
    )
    handlers = Handlers(
        service,
        policy,
        page_size=page_size,
        questions_per_minute=settings.questions_per_minute,
        examples=examples,
        pseudonym_key=settings.token.encode() if settings.hash_user_ids else None,
        progress_interval=progress_interval,
        clock=clock,
    )
    polling = StatusKeepingRequest(connection_pool_size=1)
    builder = (
        Application.builder()
        .application_class(OnceApplication, {"handled": HandledUpdates(service.library.store)})
        .token(settings.token)
        # a reply to a question deleted meanwhile (by its asker, a moderation bot) arrives all the same
        .defaults(Defaults(parse_mode=ParseMode.HTML, allow_sending_without_reply=True))
        .rate_limiter(rate_limiter or RetryingRateLimiter())
        # PTB's transport with its own pool sizes, keeping the HTTP status of a refusal (413, 5xx) on its error
        .request(StatusKeepingRequest(connection_pool_size=256))
        .get_updates_request(polling)
        .concurrent_updates(True)
        .post_init(handlers.post_init)
    )
    if settings.api_url:
        builder = builder.base_url(settings.api_url).base_file_url(
            settings.file_url or file_url_for(settings.api_url)
        )
    elif settings.file_url:
        builder = builder.base_file_url(settings.file_url)
    app: BotApplication = builder.build()
    assert isinstance(app, OnceApplication)
    polling.on_refused_token = app.refuse_token  # a revoked token stops the bot instead of leaving it deaf
    if settings.webhook_url and settings.webhook_check_seconds > 0:
        # a webhook hears nothing of a revoked token (Telegram just stops sending): asked now and then
        # each check's result kept in the data home, for `speechqa health` (a container's health check)
        store = service.library.store
        app.watch = WebhookWatch(
            settings.webhook_url,
            settings.webhook_check_seconds,
            app.refuse_token,
            on_checked=store.record_webhook_check,
        )
    else:  # an earlier run's webhook checks say nothing of this one (polling, or checks turned off)
        try:
            service.library.store.forget_webhook_check()
        except SpeechIndexError as e:  # a read-only home: nothing was kept there by this bot either
            log.debug("could not forget the last webhook check: %s", e)

    # A group upgraded to a supergroup announces it in both; the new id is not known to the gate yet
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, handlers.chat_migrated), group=-2)
    app.add_handler(TypeHandler(Update, Gate(policy)), group=-1)

    private, groups = filters.ChatType.PRIVATE, filters.ChatType.GROUPS
    # Questions and commands are answered when sent and again when edited (the reply is then edited to
    # match); files only when sent. Channel posts are stopped by the gate.
    new = filters.UpdateType.MESSAGE
    asked = filters.UpdateType.MESSAGE | filters.UpdateType.EDITED_MESSAGE
    # A file of a kind the bot reads is an upload whatever its caption says, a /command too: 「/ask …」
    # written under a speech file was answered as a question and the file silently left out
    ordered = asked & ~ReadableDocument()
    one = handlers.one_at_a_time  # a message and its edits are handled in turn
    app.add_handler(Command("start", one(handlers.start), ordered))
    app.add_handler(Command("help", one(handlers.help), ordered))
    app.add_handler(Command("ask", one(handlers.ask_command), ordered))
    app.add_handler(Command("speeches", one(handlers.speeches), ordered))
    app.add_handler(Command("speech", one(handlers.speech), ordered))
    app.add_handler(Command("reindex", one(handlers.reindex), ordered))
    app.add_handler(Command("stats", one(handlers.stats), ordered))
    app.add_handler(Command("pins", one(handlers.pins), ordered))
    app.add_handler(Command("synonyms", one(handlers.synonyms), ordered))
    command = StartsWithCommand()  # typed, or written as a photo's or file's caption
    app.add_handler(MessageHandler(command & private & ordered, one(handlers.unknown_command)))
    app.add_handler(
        MessageHandler(command & groups & ordered & NamesThisBot(), one(handlers.unknown_command))
    )
    app.add_handler(
        MessageHandler(filters.TEXT & ~filters.COMMAND & private & asked, one(handlers.private_text))
    )
    app.add_handler(
        MessageHandler(
            filters.TEXT & ~filters.COMMAND & groups & asked & AddressedToBot(), one(handlers.group_text)
        )
    )
    # An admin's album of photos is one document of several pages; its caption is no question
    app.add_handler(MessageHandler(AdminAlbumPhoto(policy) & private & asked, handlers.album_photo))
    # A photo, video or file sent with a question written under it: the caption is the question (a file
    # of a kind the bot reads is an upload, below)
    captioned = filters.CAPTION & ~command & ~ReadableDocument() & asked
    app.add_handler(MessageHandler(captioned & private, one(handlers.private_text)))
    app.add_handler(MessageHandler(captioned & groups & AddressedToBot(), one(handlers.group_text)))
    # A GIF comes with a `document` too (Telegram sets both, for backward compatibility): no upload, a
    # user sending one was told 「只有管理员可以上传讲话文件。」 and an admin 「不支持的文件类型：giphy.mp4」
    sent_file = filters.Document.ALL & ~filters.ANIMATION
    app.add_handler(MessageHandler(sent_file & private & new, handlers.document))
    app.add_handler(MessageHandler(sent_file & groups & new & AddressedToBot(), handlers.group_document))
    # the words under a file that was not added, answered as a question, edited: the answer follows them
    edited = filters.UpdateType.EDITED_MESSAGE
    app.add_handler(MessageHandler(sent_file & private & edited, one(handlers.edited_caption)))
    app.add_handler(
        MessageHandler(sent_file & groups & edited & AddressedToBot(), one(handlers.edited_caption))
    )
    app.add_handler(ChatMemberHandler(handlers.membership, ChatMemberHandler.MY_CHAT_MEMBER))
    app.add_handler(InlineQueryHandler(handlers.inline_query))
    # 👍 / 👎 put on an answer as a reaction: a vote, as its buttons record one
    app.add_handler(
        MessageReactionHandler(
            handlers.reaction, message_reaction_types=MessageReactionHandler.MESSAGE_REACTION_UPDATED
        )
    )
    # A photo with no words under it: an admin's is a page to add (a notice photographed, a screenshot)
    app.add_handler(MessageHandler(filters.PHOTO & ~filters.CAPTION & private & new, handlers.photo))
    # Whatever else a person sends in private (a photo, voice, sticker, location, poll, dice…) gets
    # a hint rather than silence; service messages (a pinned message, a topic made, a payment: PTB does not
    # count a successful one among its status updates) are nobody's question
    service = filters.StatusUpdate.ALL | filters.SUCCESSFUL_PAYMENT
    app.add_handler(MessageHandler(private & new & ~service, handlers.not_text))
    # A message edited into one none of the above takes (group chatter): its earlier reply is withdrawn
    app.add_handler(MessageHandler(filters.UpdateType.EDITED_MESSAGE, one(handlers.edited_away)))

    # Buttons that send a new message or file do it once when tapped twice at once; the others edit
    # their message in place, where a second press changes nothing
    app.add_handler(InlineMessagePress(handlers.stale_button))  # before any kind's own handler
    once = handlers.once_per_press
    for kind, callback in (
        (cb.MoreResults, handlers.more_results),
        (cb.ShowContext, once(handlers.show_context)),
        (cb.MoveContext, handlers.move_context),
        (cb.ShowSource, once(handlers.show_source)),
        (cb.ListedSpeech, once(handlers.show_source)),
        (cb.ReadSpeech, handlers.read_speech),
        (cb.ListSpeeches, handlers.list_page),
        (cb.Feedback, handlers.feedback),
        (cb.AskExample, once(handlers.ask_example)),
        (cb.ScopedResults, handlers.scoped_results),
        (cb.OneSpeech, once(handlers.one_speech)),
        (cb.ExportWord, once(handlers.export_word)),
        (cb.PinPassage, handlers.pin_passage),
        (cb.UnpinPassage, handlers.unpin_passage),
        (cb.AskPinned, once(handlers.ask_pinned)),
        (cb.RemoveSpeech, once(handlers.remove_speech)),
        (cb.KeepBoth, handlers.keep_both),
        (cb.AddForwarded, once(handlers.add_forwarded)),
        (cb.PinsPage, handlers.pins_page),
        (cb.UnpinListed, handlers.unpin_listed),
    ):
        app.add_handler(CallbackQueryHandler(callback, pattern=cb.pattern(kind)))
    app.add_handler(CallbackQueryHandler(handlers.stale_button))

    app.add_error_handler(handlers.on_error)
    return app
