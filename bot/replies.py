"""Sending, editing and answering button presses the way Telegram really behaves.

- A button press can be answered once, and only for about 15 s: a press made while the bot was down
  arrives late and its answer is refused ("query is too old"). That is harmless: the action is done
  anyway, and the user is never told about it.
- A message to edit may have been deleted: the content is then sent as a new message.
- In a forum supergroup everything goes to the asker's topic (`message_thread_id`), or it would land
  in General.
"""

from __future__ import annotations

import html
import logging
from collections import OrderedDict

from telegram import Bot, CallbackQuery, InlineKeyboardMarkup, MaybeInaccessibleMessage, Message
from telegram.error import BadRequest, NetworkError

from .delivery import is_gone
from .memory import remember

log = logging.getLogger(__name__)

_EXPIRED = ("query is too old", "query id is invalid")
# The bot may not post where it was asked: a group took its right to send messages (it still receives
# them), an admin closed the forum topic or deleted it (with the question in it), a channel's discussion
# group is closed to it
_NO_RIGHTS = (
    "not enough rights",
    "topic_closed",
    "topic_deleted",
    "message thread not found",
    "chat_write_forbidden",
    "have no rights to send",
)


def thread_of(message: MaybeInaccessibleMessage | None) -> int | None:
    """The forum topic a message is in (None outside forum topics)."""
    if not isinstance(message, Message) or not message.is_topic_message:
        return None
    return message.message_thread_id


def is_expired_query(error: BaseException) -> bool:
    """Whether Telegram refused to answer a button press because it is too old or already answered."""
    return isinstance(error, BadRequest) and any(part in error.message.lower() for part in _EXPIRED)


# Telegram no longer knows the chat (a group deleted by its owner, a chat the bot lost access to), or the basic
# group is deactivated (deleted, or replaced by its supergroup): refused with a 400, unlike a block's 403
_CHAT_GONE = ("chat not found", "group chat was deactivated")


def is_chat_gone(error: BaseException) -> bool:
    """Whether Telegram refused a message because the chat is gone (400 "chat not found", "group chat was
    deactivated"): nobody there to answer, nor to apologise to."""
    return isinstance(error, BadRequest) and any(part in error.message.lower() for part in _CHAT_GONE)


def may_not_post(error: BaseException) -> bool:
    """Whether Telegram refused a message because the bot may not post in that chat or forum topic (a
    400, unlike a block's 403), or the topic is gone: nothing can be said there, an apology no more than
    the answer."""
    return isinstance(error, BadRequest) and any(part in error.message.lower() for part in _NO_RIGHTS)


class AnsweredQueries:
    """The ids of button presses already answered (the last few thousand), so that the error handler
    never answers one a second time."""

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self._ids: OrderedDict[str, None] = OrderedDict()

    def add(self, query_id: str) -> None:
        remember(self._ids, query_id, None, self.size)

    def __contains__(self, query_id: object) -> bool:
        return query_id in self._ids


async def ack(
    query: CallbackQuery, answered: AnsweredQueries, text: str | None = None, *, alert: bool = False
) -> bool:
    """Answer a button press (stop its spinner, show `text` as a toast or an alert). Returns False
    when Telegram no longer takes an answer for it, or could not be reached to take it (the spinner
    then stops by itself); the caller goes on with the action."""
    answered.add(query.id)
    try:
        await query.answer(text, show_alert=alert or None)
    except BadRequest as e:
        if not is_expired_query(e):
            raise
        log.info("button press %s too old to answer (pressed while the bot was down?): %s", query.id, e)
        return False
    except NetworkError as e:  # a server error or a broken connection, after the retries (BadRequest: above)
        log.warning("could not answer button press %s (%s): its action goes on", query.id, e)
        return False
    return True


async def tell(query: CallbackQuery, answered: AnsweredQueries, text: str) -> None:
    """Tell the presser something important (in an alert); when the press is too old for an alert,
    say it in the chat instead."""
    if not await ack(query, answered, text, alert=True) and query.message is not None:
        await send(query.get_bot(), query.message, html.escape(text, quote=False), None)


async def send(
    bot: Bot, near: MaybeInaccessibleMessage, text: str, markup: InlineKeyboardMarkup | None = None
) -> Message:
    """A new message (HTML) in the chat, and the forum topic, of `near`."""
    return await bot.send_message(near.chat.id, text, reply_markup=markup, message_thread_id=thread_of(near))


async def edit_or_send(query: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None) -> None:
    """Edit the message a button is under. Pressing the same button twice changes nothing; when the
    message is gone (deleted) or too old to edit, the content comes as a new message."""
    try:
        await query.edit_message_text(text, reply_markup=markup)
    except BadRequest as e:
        reason = e.message.lower()
        if "not modified" in reason:
            return
        if not is_gone(e) or query.message is None:
            raise
        log.info("could not edit message %s (%s): sending it anew", query.message.message_id, e)
        await send(query.get_bot(), query.message, text, markup)
