"""python-telegram-bot's log made readable when a server answers with a page instead of JSON.

Telegram's front servers on a 502, or nginx before a self-hosted Bot API server on a 413, answer with an
HTML error page. PTB then logs 「Can not load invalid JSON data: "<html>…"」 at ERROR with a traceback
(logger `telegram.request.BaseRequest`) before raising the error the bot handles and logs itself in one
line; a download tried again logged it at every attempt. `NotJsonPage` turns that record into one WARNING
line holding the page's title (e.g. "502 Bad Gateway"), without the page or the traceback.
"""

from __future__ import annotations

import ast
import html
import logging
import re

from telegram.error import InvalidToken

PTB_REQUEST_LOGGER = "telegram.request.BaseRequest"
_PTB_MESSAGE = "Can not load invalid JSON data"
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>|<h1[^>]*>(.*?)</h1>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
SUMMARY_LIMIT = 120  # characters of a page kept in the log line
# what PTB adds to an error's message when a failed request's answer is not JSON (the answer's bytes, as repr)
_PAGE_IN_ERROR = re.compile(r"\. Parsing the server response (b'.*'|b\".*\") failed", re.DOTALL)


def page_summary(page: str, limit: int = SUMMARY_LIMIT) -> str:
    """What a server's non-JSON answer says, in one short line: an HTML page's title (or first heading),
    else its text without tags; at most `limit` characters, "(empty)" for a blank answer."""
    found = _TITLE.search(page)
    text = (found.group(1) or found.group(2)) if found else page
    text = _SPACE.sub(" ", html.unescape(_TAG.sub(" ", text))).strip()
    if not text:
        return "(empty)"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shortened(message: str) -> str:
    """An error's message with the page PTB put in it (a server's non-JSON answer) cut to its summary:
    "Bad Gateway (502). Parsing the server response b'<html>…' failed" → "Bad Gateway (502): the server
    answered with a page, 502 Bad Gateway". Any other message is returned as it is."""
    found = _PAGE_IN_ERROR.search(message)
    if found is None:
        return message
    try:
        page = ast.literal_eval(found.group(1)).decode("utf-8", "replace")
    except (ValueError, SyntaxError):
        page = found.group(1)
    summary = f": the server answered with a page, {page_summary(page)}"
    return message[: found.start()] + summary + message[found.end() :]


class NotJsonPage(logging.Filter):
    """On PTB's request logger: its ERROR about a server answer that is not JSON becomes one WARNING line
    naming what the page says; every other record passes unchanged."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not (isinstance(record.msg, str) and record.msg.startswith(_PTB_MESSAGE)):
            return True
        page = record.args[0] if isinstance(record.args, tuple) and record.args else ""
        record.msg = "the Bot API server (or a proxy before it) answered with a page, not JSON: %s"
        record.args = (page_summary(str(page)),)
        record.levelno, record.levelname = logging.WARNING, logging.getLevelName(logging.WARNING)
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        return True


# where PTB logs a refused token with a traceback: its retry loops ("Invalid token. Aborting retry loop.": the
# deleteWebhook that begins polling) and its updater
PTB_POLLING_LOGGERS = ("telegram.ext", "telegram.ext.Updater")


class RefusedTokenLine(logging.Filter):
    """On PTB's polling loggers: a record about a token Telegram refused (InvalidToken) loses its traceback and
    becomes one WARNING line (the bot says it itself, once, when it stops for it: `OnceApplication`)."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, InvalidToken):
            record.msg, record.args = "%s (%s: %s)", (record.getMessage(), type(error).__name__, error)
            record.levelno, record.levelname = logging.WARNING, logging.getLevelName(logging.WARNING)
            record.exc_info, record.exc_text, record.stack_info = None, None, None
        return True


def quiet_not_json_pages() -> None:
    """Put `NotJsonPage` on PTB's request logger, and `RefusedTokenLine` on its polling loggers (once, however
    often this is called)."""
    logger = logging.getLogger(PTB_REQUEST_LOGGER)
    if not any(isinstance(f, NotJsonPage) for f in logger.filters):
        logger.addFilter(NotJsonPage())
    for name in PTB_POLLING_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RefusedTokenLine) for f in logger.filters):
            logger.addFilter(RefusedTokenLine())
