"""Helpers for the bot's end-to-end tests: a real `Application` talking to the fake Bot API over HTTP."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import aiohttp
from telegram import Update

from bot import BotApplication, build_application
from bot.delivery import RetryingRateLimiter
from cli.settings import TelegramSettings
from index import Library
from retrieval import ServiceOptions, SpeechService

from .fake_telegram import FakeBotAPI, SentMessage

TOKEN = "123456:TEST-token_for_the_fake"
USER = 1001  # the fake's default user: allowed
ADMIN = 1002
STRANGER = 6666
GROUP = -100555  # an allowed group
OTHER_GROUP = -100777  # a group nobody allowed
NETWORK_DELAYS = (0.05, 0.1)  # the bot's waits before retrying after a network failure (1 s, 3 s for real)


def bot_settings(api: FakeBotAPI, **changes: Any) -> TelegramSettings:
    """Settings with an allow-list (USER), an admin (ADMIN) and an allowed group (GROUP)."""
    base = TelegramSettings(
        token=TOKEN,
        api_url=api.base_url,
        allowed_users=frozenset({USER}),
        allowed_chats=frozenset({GROUP}),
        admins=frozenset({ADMIN}),
        questions_per_minute=100,
    )
    return replace(base, **changes)


@asynccontextmanager
async def running_bot(
    api: FakeBotAPI,
    service: SpeechService,
    settings: TelegramSettings | None = None,
    **options: Any,
) -> AsyncIterator[BotApplication]:
    """An initialised application (post_init run, as run_polling would), shut down afterwards."""
    app = build_application(
        settings or bot_settings(api),
        service,
        rate_limiter=RetryingRateLimiter(overall_max_rate=0, group_max_rate=0, network_delays=NETWORK_DELAYS),
        **options,
    )
    await app.initialize()
    assert app.post_init is not None
    await app.post_init(app)
    try:
        yield app
    finally:
        if app.updater and app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        await app.shutdown()


async def feed(app: BotApplication, update: dict[str, Any]) -> None:
    await app.process_update(Update.de_json(update, app.bot))


async def member_then_admin_press(
    api: FakeBotAPI, app: BotApplication, message: SentMessage, label: str
) -> str:
    """A member (USER) presses the admin's button labelled `label` under `message` (a forwarded message, a
    modified client: it must change nothing), then the admin (ADMIN) presses it. What the member was answered."""
    data = message.button_data(label)
    await feed(app, api.make_callback_update(message, data, user_id=USER, check=False))
    refused = api.calls_of("answerCallbackQuery")[-1].params["text"]
    await feed(app, api.make_callback_update(message, data, user_id=ADMIN))
    return str(refused)


@contextmanager
def service_on(home: Path) -> Iterator[SpeechService]:
    """A service over a data home opened as a new process opens it (nothing kept in memory): a restart."""
    library = Library(home)
    try:
        yield SpeechService(library, ServiceOptions(model="intfloat/multilingual-e5-small"))
    finally:
        library.close()


async def start_polling(app: BotApplication) -> None:
    """Start the application polling the fake (`running_bot` stops it)."""
    assert app.updater is not None
    await app.start()
    await app.updater.start_polling(poll_interval=0, timeout=10)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


WEBHOOK_SECRET = "s3cret-token"
Post = Callable[..., Awaitable[int]]


@asynccontextmanager
async def webhook(app: BotApplication, port: int) -> AsyncIterator[Post]:
    """Start the application in webhook mode on 127.0.0.1:`port` (`running_bot` stops it); yields
    `post(update, secret=WEBHOOK_SECRET)`, which delivers an update as Telegram does and returns the
    HTTP status the bot answered with."""
    assert app.updater is not None
    url = f"http://127.0.0.1:{port}/speechqa"
    await app.start()
    await app.updater.start_webhook(
        listen="127.0.0.1", port=port, url_path="speechqa", webhook_url=url, secret_token=WEBHOOK_SECRET
    )
    async with aiohttp.ClientSession() as http:

        async def post(update: dict[str, Any], secret: str = WEBHOOK_SECRET) -> int:
            async with http.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": secret}) as r:
                return r.status

        yield post


class ManualClock:
    """A clock the test moves by hand (for the rate limit and progress throttling)."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


Clock = Callable[[], float]
