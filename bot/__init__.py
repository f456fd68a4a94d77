"""The Telegram front end: staff ask in Telegram and get cited passages back."""

from .access import AccessPolicy, AddressedToBot, Gate, addressed_to_bot, refusal_text
from .app import (
    BotApplication,
    BotSettings,
    MissingToken,
    backoff,
    build_application,
    file_url_for,
    token_refused,
    wait_until_reachable,
)
from .callbacks import Callback, decode, encode
from .format import TEXT_LIMIT, AnswerView, Piece, fit, render_answer, shorten, to_html, utf16_len
from .handlers import EXAMPLES, Handlers, pseudonym
from .logfilter import NotJsonPage, page_summary, quiet_not_json_pages
from .progress import ProgressMessage, Throttle
from .ratelimit import SlidingWindow, Verdict

__all__ = [
    "EXAMPLES",
    "TEXT_LIMIT",
    "AccessPolicy",
    "AddressedToBot",
    "AnswerView",
    "BotApplication",
    "BotSettings",
    "Callback",
    "Gate",
    "Handlers",
    "MissingToken",
    "NotJsonPage",
    "Piece",
    "ProgressMessage",
    "SlidingWindow",
    "Throttle",
    "Verdict",
    "addressed_to_bot",
    "backoff",
    "build_application",
    "decode",
    "encode",
    "file_url_for",
    "fit",
    "page_summary",
    "pseudonym",
    "quiet_not_json_pages",
    "refusal_text",
    "render_answer",
    "shorten",
    "to_html",
    "token_refused",
    "utf16_len",
    "wait_until_reachable",
]
