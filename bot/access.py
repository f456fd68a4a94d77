"""Who may use the bot, and when a message is addressed to it.

The gate is a `TypeHandler` in group -1: it sees every update first and stops the ones from strangers
with `ApplicationHandlerStop`, so no other handler (and nothing from the corpus) ever runs for them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from telegram import Message, Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, CallbackQueryHandler, CommandHandler, ContextTypes
from telegram.ext.filters import MessageFilter

from . import said

log = logging.getLogger(__name__)


class ChatMoves:
    """Groups Telegram moved to a new id: a basic group upgraded to a supergroup (which Telegram does
    when, e.g., an admin makes its history visible) is the same group under a new id. Filled from the
    service messages that announce it (`migrate_to_chat_id`, `migrate_from_chat_id`) and from the store."""

    def __init__(self, moves: Mapping[int, int] | None = None) -> None:
        self._earlier: dict[int, int] = {new: old for old, new in (moves or {}).items()}  # new -> old

    def follow(self, old_chat_id: int, new_chat_id: int) -> bool:
        """Record a move; False when it was known already."""
        if self._earlier.get(new_chat_id) == old_chat_id or old_chat_id == new_chat_id:
            return False
        self._earlier[new_chat_id] = old_chat_id
        return True

    def identities(self, chat_id: int) -> Iterator[int]:
        """The chat's id, then every id it had before (newest first)."""
        seen = set()
        current: int | None = chat_id
        while current is not None and current not in seen:
            seen.add(current)
            yield current
            current = self._earlier.get(current)


@dataclass(frozen=True)
class AccessPolicy:
    """Allow-lists of user and chat ids, and the admins.

    With all three lists empty the bot is open to everyone (and has no admins). Otherwise, in a private
    chat a user is allowed when their id is an allowed user or an admin (or the chat is allowed); in a
    group only the chat's id counts: an answer there is read by every member, so an allowed user (even
    an admin) who adds the bot to a group nobody allowed gets nothing from the corpus.
    """

    allowed_users: frozenset[int] = frozenset()
    allowed_chats: frozenset[int] = frozenset()
    admins: frozenset[int] = frozenset()
    moves: ChatMoves = field(
        default_factory=ChatMoves, compare=False
    )  # an allowed group that moved stays allowed

    @property
    def is_open(self) -> bool:
        return not (self.allowed_users or self.allowed_chats or self.admins)

    def allows(self, user_id: int | None, chat_id: int | None, *, group: bool = False) -> bool:
        if self.is_open:
            return True
        if chat_id is not None and any(c in self.allowed_chats for c in self.moves.identities(chat_id)):
            return True
        return not group and user_id is not None and (user_id in self.allowed_users or user_id in self.admins)

    def is_admin(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.admins


def addressed_to_bot(message: Message, bot_username: str, bot_id: int) -> bool:
    """Whether a message speaks to the bot: any private message; in a group a command, a mention of
    the bot, a command naming it inside the words, or a reply to one of its messages — unless that reply
    mentions only others (「@bob 你看这条」 under the bot's answer is for Bob). Other group chatter is not for
    the bot."""
    if message.chat.type == ChatType.PRIVATE:
        return True
    reply = message.reply_to_message
    replies_to_bot = reply is not None and reply.from_user is not None and reply.from_user.id == bot_id
    if replies_to_bot and not said.mentions_only_others(message, bot_username):
        return True
    wanted = "@" + bot_username.lower()
    if any(text.lower() == wanted for text in said.mentions(message)):
        return True
    if said.commands_to_bot_inside(message, bot_username, named=True):  # 「请问 /ask@this_bot …」
        return True
    command = said.leading_command(message)
    return command is not None and (not command.target or command.names(bot_username))


class Command(CommandHandler[Any, Any]):
    """A `CommandHandler` that also takes the command typed as a caption, typed with a full-width slash
    (「／ask 问题」), or marked by Telegram after another entity at the same place (the whole message made
    bold, 「**/ask 问题**」: PTB reads only the first entity), and, in a private chat, the command addressed
    to another name.

    PTB's handler reads only a text message's command: `/ask 问题` written under a photo went unanswered.
    It ignores `/ask@other_bot`, which is right in a group (another bot's command). A private chat holds
    this bot alone, so there the name is this bot's earlier username or one copied from a group's
    message: the user meant this bot, and 「不认识这个命令」 would be wrong."""

    def check_update(self, update: object) -> bool | tuple[list[str], object] | None:
        found = super().check_update(update)
        if found is not None or not isinstance(update, Update):
            return found
        message = update.effective_message
        if message is None:
            return None
        command = said.leading_command(message)
        if command is None or command.name not in self.commands:
            return None
        private = message.chat.type == ChatType.PRIVATE
        if not private and command.target and not command.names(message.get_bot().username):
            return None  # in a group, a command named for another bot is that bot's
        verdict = self.filters.check_update(update)
        return (said.words(message).split()[1:], verdict) if verdict else False


class InlineMessagePress(CallbackQueryHandler[Any, Any]):
    """A button pressed on an inline message (the press carries `inline_message_id`, no message). The bot
    puts no buttons on inline messages — its inline mode answers with a button to the private chat only —
    so such a press is of another bot's message or a modified client: every kind of button is stale there.
    Before, each handler decided for itself: 🗑 删除旧版 crashed (an ERROR with a traceback), 📥 加入资料库 and
    /pins' buttons told an admin 「只有管理员可以…」, 前文/后文 and 阅读全文 edited the inline message."""

    def check_update(self, update: object) -> bool | object | None:
        if not isinstance(update, Update) or update.callback_query is None:
            return None
        return update.callback_query.message is None or None


class AddressedToBot(MessageFilter):
    """A filter for messages addressed to the bot (see `addressed_to_bot`)."""

    def __init__(self) -> None:
        super().__init__(name="AddressedToBot")

    def filter(self, message: Message) -> bool:
        bot = message.get_bot()
        return addressed_to_bot(message, bot.username, bot.id)


class NamesThisBot(MessageFilter):
    """A command that names this bot (`/foo@this_bot`): in a group, unlike a bare `/foo` (which may be
    another bot's), it is surely meant for this one."""

    def __init__(self) -> None:
        super().__init__(name="NamesThisBot")

    def filter(self, message: Message) -> bool:
        command = said.leading_command(message)
        return command is not None and command.names(message.get_bot().username)


class StartsWithCommand(MessageFilter):
    """A text or a caption that starts with a /command (PTB's `filters.COMMAND` reads text only)."""

    def __init__(self) -> None:
        super().__init__(name="StartsWithCommand")

    def filter(self, message: Message) -> bool:
        return said.leading_command(message) is not None


class AdminAlbumPhoto(MessageFilter):
    """A photo of an album (photos sent together: one message each, sharing a `media_group_id`) that an
    admin sent: a page of one document to add (see `Handlers.album_photo`)."""

    def __init__(self, policy: AccessPolicy) -> None:
        super().__init__(name="AdminAlbumPhoto")
        self.policy = policy

    def filter(self, message: Message) -> bool:
        sender = message.from_user
        return (
            bool(message.photo)
            and message.media_group_id is not None
            and sender is not None
            and self.policy.is_admin(sender.id)
        )


class ReadableDocument(MessageFilter):
    """A file of a kind the bot reads into its library (see `said.is_readable_document`)."""

    def __init__(self) -> None:
        super().__init__(name="ReadableDocument")

    def filter(self, message: Message) -> bool:
        return said.is_readable_document(message)


ENABLE_GROUP = "请管理员把这个 ID 加入 SPEECHQA_ALLOWED_CHATS（多个 ID 用逗号分隔），然后重启机器人。"
GROUP_NOT_ENABLED = "本群尚未开通这个机器人。"


def refusal_text(user_id: int | None, chat_id: int | None, private: bool) -> str:
    """The refusal (HTML) in a chat that may not use the bot. In private: the user's id, so an admin can
    allow them. In a group only the group's id counts (whoever asks), so the group is what is not
    enabled: its id, and how an admin enables it."""
    if private or chat_id is None:
        lines = ["抱歉，这个机器人只供授权人员使用。"]
        if user_id is not None:
            lines.append(f"您的用户 ID：<code>{user_id}</code>")
        lines.append("如需使用，请把上面的 ID 发给管理员开通。")
        return "\n".join(lines)
    return "\n".join([GROUP_NOT_ENABLED, f"本群 ID：<code>{chat_id}</code>", ENABLE_GROUP])


def welcome_group_text(chat_id: int, enabled: bool) -> str:
    """What the bot posts when it is added to a group (HTML)."""
    if enabled:
        return (
            "大家好！我能在讲话稿中查找问题的原文出处。\n"
            "在群里提问：发送 /ask 问题，或 @我 并写上问题，或回复我的消息。"
        )
    return "\n".join(
        ["我已加入本群，但" + GROUP_NOT_ENABLED, f"本群 ID：<code>{chat_id}</code>", ENABLE_GROUP]
    )


# Updates from chats that are not the bot's own: a Telegram Business account's private chats, which its
# owner let the bot read (any reply would be posted there in the owner's name, to their customer), and a
# guest message from a chat the bot was summoned into without being a member
_ELSEWHERE = (
    "business_connection",
    "business_message",
    "edited_business_message",
    "deleted_business_messages",
    "guest_message",
)


def _post_copy(update: Update) -> bool:
    """Whether the update is a channel's post as Telegram copies it into the channel's discussion group
    (`is_automatic_forward`, sent as the channel), or an edit of one: the post, not a member's question. A
    post announcing the bot (「大家可以用 @speechqa_bot 查询…」) used to be answered there as a question."""
    message = update.message or update.edited_message
    return message is not None and bool(message.is_automatic_forward)


def _someone_elses_chat(update: Update) -> bool:
    return any(getattr(update, kind, None) is not None for kind in _ELSEWHERE)


class Gate:
    """The access check run before every handler; strangers get one polite refusal per chat."""

    def __init__(self, policy: AccessPolicy) -> None:
        self.policy = policy
        self.refused_chats: set[int] = set()  # per process: a restart may refuse once more

    async def __call__(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        if not isinstance(update, Update):
            return
        if update.channel_post is not None or update.edited_channel_post is not None or _post_copy(update):
            raise ApplicationHandlerStop  # the bot answers people, not channel posts
        if _someone_elses_chat(update):
            log.debug("update %s is from a chat the bot only looks into: ignored", update.update_id)
            raise ApplicationHandlerStop
        if update.my_chat_member is not None:
            return  # being added to a group: the welcome says whether the group is enabled
        user = update.effective_user
        chat = update.effective_chat
        user_id = user.id if user else None
        chat_id = chat.id if chat else None
        private = chat is None or chat.type == ChatType.PRIVATE
        if self.policy.allows(user_id, chat_id, group=not private):
            return
        log.info("refused user %s in chat %s", user_id, chat_id)
        text = refusal_text(user_id, chat_id, private)
        try:
            if update.callback_query is not None:
                alert = GROUP_NOT_ENABLED if not private else "抱歉，您没有使用权限。"
                await update.callback_query.answer(alert, show_alert=True)
            elif (
                chat_id is not None
                and chat_id not in self.refused_chats
                and update.effective_message is not None
                and addressed_to_bot(update.effective_message, context.bot.username, context.bot.id)
            ):
                self.refused_chats.add(chat_id)
                await update.effective_message.reply_text(text, do_quote=False)
        except TelegramError as e:
            log.warning("could not send the refusal to chat %s: %s", chat_id, e)
        raise ApplicationHandlerStop
