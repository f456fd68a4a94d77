"""The bot's handlers: parse the update, call one function of the service (in a thread), reply.

Domain errors (a question that cannot be searched, a file that cannot be read, the index busy) are
raised as they are; the error handler turns them into their user-facing message. Anything else gets a
polite apology there, and its traceback goes to the log.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import hmac
import html
import io
import logging
import math
import re
import time
import unicodedata
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Coroutine, Sequence
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from telegram import (
    Bot,
    BotCommandScopeChat,
    CallbackQuery,
    Chat,
    ChatMemberUpdated,
    Document,
    InlineKeyboardMarkup,
    InlineQueryResultsButton,
    MaybeInaccessibleMessage,
    Message,
    PhotoSize,
    ReactionType,
    ReactionTypeEmoji,
    Update,
    User,
)
from telegram.constants import ChatAction, ChatMemberStatus, ChatType
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    Forbidden,
    RetryAfter,
    TelegramError,
)
from telegram.ext import Application, ContextTypes

from corpus import (
    SUPPORTED_FORMATS,
    CorpusError,
    Misnamed,
    is_archive,
    is_mbox,
    opens_as_folder,
    read_as_sent,
    size_refusal,
    to_simplified,
    unsupported_message,
    written_as_digits,
)
from index import (
    BuildReport,
    FileOutcome,
    LoggedQuery,
    PassageRecord,
    PassageTrace,
    QueryStats,
    SpeechIndexError,
    SpeechRecord,
    Store,
    UnfinishedUpload,
)
from retrieval import (
    CANCELLED,
    Answer,
    Filters,
    QueryError,
    QueryTooLong,
    SpeechService,
    add_user_synonym,
    answer_docx,
    bundled_lexicon,
    follow_up,
    index_size,
    missing_speech,
    pasted_link,
    pin_unshared_line,
    pin_unshared_words,
    remove_user_synonym,
    where_they_differ,
)

from . import callbacks as cb
from . import format as fmt
from . import keyboards, said
from .access import AccessPolicy, welcome_group_text
from .commands import ADMIN_COMMANDS, COMMANDS
from .delivery import download, is_network_failure, is_token_refused, is_too_large, status_of
from .kept import KeptReplies, Shown
from .logfilter import shortened
from .memory import remember
from .progress import ProgressMessage, Throttle, embedding_progress
from .ratelimit import SlidingWindow
from .repeats import PRESS_WINDOW, Repeats
from .replies import (
    AnsweredQueries,
    ack,
    edit_or_send,
    is_chat_gone,
    is_expired_query,
    may_not_post,
    send,
    tell,
    thread_of,
)
from .updates import OnceApplication
from .writer import Writer

log = logging.getLogger(__name__)

USER_ERRORS = (QueryError, CorpusError, SpeechIndexError)
SPEECHES_PER_PAGE = 10
READING_PAGE = 6  # passages per page of a speech's full text
TYPING_EVERY = 4.5  # seconds: Telegram shows "typing…" for about five
EXAMPLES = ("离休干部体检规定是什么？", "老年大学要怎么办？", "怎样发挥老干部的作用？")
APOLOGY = "抱歉，处理这个请求时出了点问题，请稍后再试。"
# Telegram could not be reached, after the retries (see delivery): the reply may or may not have arrived
LOST_ON_THE_WAY = "⚠️ 与 Telegram 的连接出了问题，刚才的回复可能没有送达；如果没有看到，请稍后再试一次。"
# a reply (an exported Word file) refused for its size by Telegram's server or a proxy before it (413)
TOO_LARGE_TO_SEND = (
    "❌ 要发送的内容太大，Telegram 服务器没有接收，所以没有发出。请告诉管理员（服务器或代理限制了上传大小）。"
)
STALE_BUTTON = "这个按钮已失效，请重新提问。"
NO_RECORD = "找不到这个问题的记录了，请重新提问。"
NO_MORE = "这个问题没有更多相关的段落了，可以换个说法再问。"
NOTHING_BEFORE = "请先提一个问题；看一个回答的更多结果，可以点它下面的「更多结果」，或回复它说「还有吗」。"
NOT_PAGED = "这条消息没有下一页。看一个回答的更多结果，可以回复它说「还有吗」。"
LIST_END = "讲话列表已经到最后一页了。"
READING_END = "这篇讲话已经到最后一页了。"
FIRST_PAGE = "已经是第一页了。"
NOT_PAGED_BACK = "这条消息没有上一页。"
SPEECH_GONE = "这篇讲话已不在语料中。"
# After 「问题太长」: a notice pasted whole (3,000 characters) is no question; what the bot can do with it
PASTED_NOTICE = (
    "如果这是一份通知或讲话，想让大家都能查到，请把原文件发给管理员加入资料库；"
    "想查其中的某件事，请用一句话提问，例如「离休干部体检规定是什么？」。"
)
PASTED_NOTICE_ADMIN = (
    "如果这是一份通知或讲话，要加入资料库，请直接把原文件（Word、PDF 等）发给我；"
    "想查其中的某件事，请用一句话提问，例如「离休干部体检规定是什么？」。"
)
# A button under an older message whose passage was renumbered (its speech added again), or whose text changed
PASSAGE_GONE = "这段内容所在的讲话已不在语料中。"
PASSAGE_MOVED = "这篇讲话后来重新加入过，已找到这段原文。"
# a button under an answer citing a speech deleted beside its 修改稿 (🗑 删除旧版, speechqa remove): the version kept
OTHER_VERSION = "讲话 #{old} 已删除，这是资料库中保留的它的另一版本 #{new}。"
PASSAGE_IN_OTHER_VERSION = "讲话 #{old} 已删除，这段原文在它的另一版本 #{new} 中。"
PASSAGE_CHANGED = "这段原文后来修改过，已不在语料中：请重新提问，查看修改后的内容。"
# its speech deleted beside an earlier version of itself (the 修改稿 removed, the original kept), which lacks it
PASSAGE_NOT_IN_VERSION = "讲话 #{old} 已删除，资料库中保留着它的另一版本 #{new}，其中没有这段原文。"
PIN_GONE = "这条标准答案已被取消或已失效，请直接提问。"
# after the refusal of a photo: Telegram sends photos scaled down, a file keeps every pixel for OCR
PHOTO_TIP = "\n照片经 Telegram 压缩，文字可能读不清：请把原图或扫描件作为「文件」发送（不压缩）再试。"
# An album (photos sent together) arrives as one message per photo, within moments of each other: it is
# taken as complete when no further photo of it came for this long
ALBUM_WAIT = 1.0
# A group upgraded to a supergroup comes with a report of the bot joining the supergroup, in no promised order
UPGRADE_GRACE = 1.5  # seconds a join of a supergroup waits for the upgrade that may explain it
UPGRADE_WINDOW = 120.0  # seconds after an upgrade during which the bot's joining the supergroup is that
PRIVATE_ONLY = "请私聊使用：这个功能只在与我的私聊中提供。"
ADMINS_UPLOAD = "只有管理员可以上传讲话文件。"
UPLOAD_IN_PRIVATE = "要加入讲话库，请在与我的私聊中发送文件。"
# under the report on an admin's file sent with words under it (plain text), as under an album's
CAPTION_NOT_ASKED = "文件下的文字没有当作提问：要提问，请另发一条消息。"
INLINE_HINT = "在与我的私聊中提问（点这里）"  # over the (empty) results of 「@bot 问题」 typed in any chat
# One of the bot's own messages forwarded back to it: neither a question nor a speech to add
FORWARDED_ANSWER = (
    "这是我发出的消息，不是新的问题。要看更多结果、上下文或出处，请点原消息下的按钮；要提问，请直接发送问题。"
)
FORWARDED_FILE = "这是我导出的文件，不会加入语料。要添加讲话，请发送讲话稿的原文件。"
# A notice forwarded to the bot (a channel's post), by someone who cannot add it here
FORWARDED_NOTICE = (
    "这是一条转发的通知，不是问题。要让大家都能查到它，请转发给管理员加入资料库；"
    "想查其中的某件事，请用一句话提问，例如：{example}"
)
FORWARDED_NOTICE_ADMIN = (
    "这是一条转发的通知，不是问题。要把它加入资料库，请在与我的私聊中转发给我；"
    "想查其中的某件事，请用一句话提问，例如：{example}"
)
WITHDRAWN = "✏️ 提问已被修改，不再是向我提的问题，原来的回答已撤回。"
HELP_WORDS = frozenset(
    {"帮助", "求助", "使用说明", "说明", "使用帮助", "怎么用", "如何使用", "怎么使用", "菜单", "命令", "help"}
)
REMEMBERED_REPLIES = 2000  # the size of each memory the bot keeps in the process (albums, last pages…)

HELP = """<b>使用说明</b>
直接发送问题（私聊），我会从讲话稿中找出最相关的原文段落，注明讲话标题、日期、讲话人和章节，问题中的词语加粗显示。

答案开头标明把握：✅ 直接相关 / 🔶 可能相关 / ⚠️ 未找到直接回答；每段先列出<b>要点</b>（回答问题的那一句）。
问题里提到讲话人或年份（如「沈伟同志讲话中…」「2024年…」）时，只在这些讲话中查找，并注明「仅限：…」。

答案下方的按钮：
• <b>上下文</b>：看这一段前后的段落
• <b>出处</b>：看这篇讲话的详细信息，可阅读全文
• <b>只看这篇讲话</b>：在这篇讲话中重新查找
• <b>取消筛选</b>：不按讲话人、年份或所选的讲话限制，重新查找
• <b>更多结果</b>：下一页段落
• <b>导出 Word</b>：把这一页答案连同出处存成 Word 文件
• 👍 / 👎：告诉我们答案是否有帮助

命令：
/ask 问题 — 提问（在群里请用这个命令、@我，或回复我的消息）
/speeches — 讲话列表
/speech 编号 — 查看一篇讲话
/help — 本说明"""

ADMIN_HELP = f"""

<b>管理员</b>
• 把文件发给我（私聊）：加入语料并更新索引（支持 {SUPPORTED_FORMATS}；.zip 压缩包中的这些文件逐个加入）；发来的是已有讲话的更正版时，报告下的 <b>🗑 删除旧版</b> 可删除旧的一篇，<b>两篇都保留</b> 则不再提示
• 答案下的 <b>📌 设为标准答案</b>：以后相同或相近的问题先给出这一段（标准答案下的 <b>取消标准答案</b> 可以取消）
/reindex — 重建全部索引
/stats — 使用统计
/pins — 标准答案列表（谁、何时设置，原文改动的标出），每条可取消
/synonyms — 同义词列表；/synonyms add 老干局 老干部局 添加一对，/synonyms remove 老干局 老干部局 删除（从下一个问题起生效）"""


def pseudonym(value: int, key: bytes) -> str:
    """A stable pseudonym for a user id, for logs that must not hold the id itself."""
    return "h:" + hmac.new(key, str(value).encode(), hashlib.sha256).hexdigest()[:16]


@asynccontextmanager
async def typing(message: Message, every: float = TYPING_EVERY) -> AsyncIterator[None]:
    """Show "typing…" in the chat (in the asker's forum topic) until the block ends."""

    async def show() -> None:
        with suppress(TelegramError):
            await message.get_bot().send_chat_action(
                message.chat.id, ChatAction.TYPING, message_thread_id=thread_of(message)
            )

    async def keep_typing() -> None:
        while True:
            await asyncio.sleep(every)
            await show()

    await show()
    task = asyncio.create_task(keep_typing())
    try:
        yield
    finally:
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task


# pins landing while a page is drawn, more than this many times over, are shown by the next press
_PIN_REDRAWS = 3


@dataclass
class _Album:
    """An admin's album whose photos are still arriving (see `Handlers.album_photo`)."""

    photos: list[Message]
    more: asyncio.Event = field(default_factory=asyncio.Event)


def pages_tiff(images: Sequence[bytes]) -> bytes:
    """Photos as the pages of one multi-page TIFF, in the order given: how the reader takes several page
    images as one document (a scanner's multi-page TIFF). JPEG inside, as the photos came."""
    from PIL import Image

    pages = [Image.open(io.BytesIO(data)).convert("RGB") for data in images]
    out = io.BytesIO()
    pages[0].save(out, format="TIFF", save_all=True, append_images=pages[1:], compression="jpeg", quality=95)
    return out.getvalue()


REINDEX_GIVEN_UP = "⚠️ 机器人停止，索引重建未完成：重启后请重新发送 /reindex。"


class Handlers:
    """Every handler of the bot, sharing the service, the access policy and the rate limit."""

    def __init__(
        self,
        service: SpeechService,
        policy: AccessPolicy,
        *,
        page_size: int = 5,
        questions_per_minute: int = 10,
        examples: Sequence[str] = EXAMPLES,
        pseudonym_key: bytes | None = None,
        progress_interval: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
        album_wait: float = ALBUM_WAIT,
    ) -> None:
        self.service = service
        self.policy = policy
        self.page_size = page_size
        self.examples = tuple(examples)
        self.limiter = SlidingWindow(questions_per_minute, 60.0)
        self.questions_per_minute = questions_per_minute
        self.pseudonym_key = pseudonym_key
        self.progress_interval = progress_interval
        self.clock = clock
        self.answered = AnsweredQueries()
        # the bot's reply to each message (an edit of it edits the reply), and the question each answer answers
        # (a 👍 / 👎 reaction on it is a vote), and the page (of an answer, the speech list…) last shown in each
        # chat and topic (for a 「还有吗？」 after it): in memory and in the store, for after a restart
        self.kept = KeptReplies(service.library.store)
        self.gone: OrderedDict[int, None] = OrderedDict()  # chats that blocked or removed the bot
        self._handling: dict[tuple[int, int], tuple[asyncio.Lock, int]] = {}  # message -> (lock, waiting)
        self.presses = Repeats(PRESS_WINDOW, clock)  # buttons that send something new, tapped again at once
        self.asking = Repeats()  # questions being answered, so that one sent again is answered once
        # uploads and /reindex write the library one at a time: files sent together wait their turn
        # instead of being refused as a second writer (another process writing is still refused)
        self.writing = asyncio.Lock()
        # …each in a thread of its own that stopping the bot does not wait for (bot/writer.py)
        self.writer = Writer()
        # 📌 presses are decided one at a time: two admins pinning the same question at once each read the
        # pin before either wrote, and both were told 「已设为…标准答案」 while one had silently replaced the other
        self.pinning = asyncio.Lock()
        self.albums: OrderedDict[tuple[int, str], None] = OrderedDict()  # albums replied to (see _album_seen)
        self.album_wait = album_wait
        self.coming: dict[tuple[int, str], _Album] = {}  # admins' albums whose photos are still arriving
        self.upgraded: OrderedDict[int, float] = OrderedDict()  # supergroups made from groups, and when
        self._resuming: asyncio.Task[None] | None = None  # uploads a stop interrupted, taken up at start-up

    @property
    def store(self) -> Store:
        return self.service.library.store

    @property
    def example(self) -> str:
        return (self.examples or EXAMPLES)[0]

    # -- start-up -----------------------------------------------------------------------------------
    async def post_init(self, application: Application) -> None:  # type: ignore[type-arg]
        """Register the command menu (admins also see their commands in their private chats; an admin
        who has not opened the chat yet gets them on /start)."""
        if isinstance(application, OnceApplication):  # the bot's: it says when it has started
            self.writer.watch(lambda: application.running, lambda: application.started)
        else:
            self.writer.watch(lambda: application.running)
        await application.bot.set_my_commands(COMMANDS)
        for admin in sorted(self.policy.admins):
            await self._admin_menu(application.bot, admin)
        # files the bot was stopped in the middle of adding: added now, beside the questions coming in
        unfinished = await asyncio.to_thread(self.store.unfinished_uploads, application.bot.id)
        if unfinished:
            self._resuming = asyncio.get_running_loop().create_task(
                self.resume_uploads(application.bot, unfinished)
            )

    async def _admin_menu(self, bot: Bot, admin: int) -> None:
        try:
            await bot.set_my_commands(COMMANDS + ADMIN_COMMANDS, scope=BotCommandScopeChat(admin))
        except TelegramError as e:  # e.g. the admin has not started a chat with the bot yet
            log.info("admin command menu for %s not set yet (%s): it is set when they send /start", admin, e)

    # -- commands -----------------------------------------------------------------------------------
    async def start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = _message(update)
        user = update.effective_user
        if user is not None and self.policy.is_admin(user.id) and message.chat.type == ChatType.PRIVATE:
            await self._admin_menu(context.bot, user.id)
        examples = "".join(f"\n• {fmt.escape(q)}" for q in self.examples)
        how = (  # in a group the bot reads only what is addressed to it: a plain question goes unanswered
            "直接发给我一个问题即可，例如："
            if message.chat.type == ChatType.PRIVATE
            else "在群里提问：发送 /ask 问题，或 @我 并写上问题，或回复我的消息，例如："
        )
        text = (
            "您好！我能在讲话稿中查找问题的原文出处。\n" + how + examples + "\n\n"
            "我会列出最相关的原文段落，注明讲话标题、日期、讲话人和章节。"
            "点下面的问题试一试，或发送 /help 查看说明。"
        )
        await self._reply(update, text, keyboards.examples_keyboard(self.examples))

    async def help(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = _message(update)
        admin = self.policy.is_admin(update.effective_user.id if update.effective_user else None)
        private = message.chat.type == ChatType.PRIVATE
        await self._reply(update, HELP + (ADMIN_HELP if admin and private else ""))

    async def ask_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = _message(update)
        question = said.question(message, context.bot.username) or _replied_question(message, context.bot)
        if not question:
            await self._reply(
                update,
                f"用法：/ask 问题\n例如：/ask {fmt.escape(self.example)}\n也可以回复一条提问的消息，只发 /ask。",
            )
            return
        if said.asks_for_more(question) or said.asks_for_previous(question):  # 「/ask 还有吗」: in a group
            await self._more(update, context, back=said.asks_for_previous(question))
            return
        await self._answer(update, question)

    async def private_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A private message is a question; a mention of the bot in it (pasted from a group) is not part
        of it."""
        await self._mentioned(update, context)

    async def group_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A group message addressed to the bot by a mention or a reply: the rest is the question."""
        await self._mentioned(update, context)

    async def _mentioned(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = _message(update)
        self._album_seen(message)  # a question written under an album: its other photos need no hint
        if said.forwarded_from(message, context.bot.id):  # an answer sent back: its words are no question
            await self._reply(update, FORWARDED_ANSWER)
            return
        if said.forwarded_notice(message):  # a channel's post passed on: a notice, not a question
            await self._forwarded_notice(update)
            return
        question = said.question(message, context.bot.username) or _replied_question(message, context.bot)
        if not question:
            # in private a message that shows nothing (blanks, a Hangul filler) is no mention to write after
            named = (
                message.chat.type != ChatType.PRIVATE
                or said.without_mention(said.words(message), context.bot.username)
                != said.words(message).strip()
            )
            how = "请在 @我 的后面写上问题" if named else "请直接发送要查询的问题"
            await self._reply(update, f"{how}，例如：{fmt.escape(self.example)}")
            return
        if said.asks_for_more(question) or said.asks_for_previous(question):  # 「还有吗？」 「上一页」
            await self._more(update, context, back=said.asks_for_previous(question))
            return
        if (rank := said.result_asked(question)) is not None and await self._result_in_full(update, rank):
            return
        if _asks_for_help(question):  # 「帮助」 typed without the slash: the corpus has no answer to it
            await self.help(update, context)
            return
        if (number := said.speech_id(question)) is not None:
            # 「2」 alone, as the speech list invites (「点下方编号」): that speech, not a search for the digit
            admin = self._may_pin(_asker(update), message.chat)
            details = await asyncio.to_thread(self._typed_speech, number, admin)
            if details is not None:
                await self._reply(update, *details)
                return
        await self._answer(update, question)

    async def _forwarded_notice(self, update: Update) -> None:
        """A notice forwarded to the bot (a channel's post, a circular from another chat): searched as a question
        it got 「⚠️ 未找到直接回答」 over five passages that shared its words. An admin in private is offered to add
        it (📥 加入资料库: its source and day as the citation's source); anyone else is told how to have it added,
        or to ask one thing of it."""
        message = _message(update)
        user_id = _asker(update)
        source = said.forward_source(message)
        if self._may_pin(user_id, message.chat):
            name = said.forward_name(message)
            text = (
                f"这是一条转发的通知{f'（来自{fmt.escape(source)}）' if source else ''}，不是问题。"
                f"要把它加入资料库，让大家都能查到吗？加入后出处记为「{fmt.escape(name)}」，"
                f"通知里没有写日期时按转发来源的日期 {said.forward_day(message)} 记。"
                "想查其中的某件事，请用一句话提问。"
            )
            reply = await message.reply_text(text, reply_markup=keyboards.forwarded_keyboard(), do_quote=True)
            await self._remember_reply(message, reply.message_id)
            return
        how = FORWARDED_NOTICE_ADMIN if self.policy.is_admin(user_id) else FORWARDED_NOTICE
        await self._reply(update, how.format(example=fmt.escape(self.example)))

    async def add_forwarded(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """📥 加入资料库 under the reply to a forwarded notice: the notice is added as a text document, named by
        where it came from and when (`said.forward_name`), dated by its first posting when it names no date."""
        query, _ = _callback(update, cb.AddForwarded)
        if not self._may_pin(query.from_user.id, _chat(query)):
            await tell(query, self.answered, "只有管理员可以添加讲话。")
            return
        reply = query.message
        notice = reply.reply_to_message if isinstance(reply, Message) else None
        if reply is None or notice is None or notice.forward_origin is None or not said.words(notice).strip():
            await tell(query, self.answered, "找不到转发的原消息了（可能已删除）：请再转发一次。")
            return
        await ack(query, self.answered)
        with suppress(BadRequest):  # added once: the button goes (a second tap is one press: once_per_press)
            await query.edit_message_reply_markup(None)
        name = said.forward_name(notice)
        status = await send(context.bot, reply, f"⏳ 正在加入 {fmt.escape(name)}…")
        data = said.words(notice).encode("utf-8")
        await self._add(status, name, data, sent=said.forward_day(notice))

    async def _more(self, update: Update, context: ContextTypes.DEFAULT_TYPE, *, back: bool = False) -> None:
        """「还有吗？」, 「下一页」: the next page of the message of the bot's replied to (an answer, the speech
        list, a speech's text), or, without a reply, of the last one shown here; 「上一页」 (`back`): the
        page before it. A reply to a message with no pages says so: it never pages another answer."""
        message = _message(update)
        replied = _bots_message_replied_to(message, context.bot)
        if replied is not None:
            earlier = keyboards.continued_of(replied.reply_markup)
            if earlier is None:
                await self._reply(update, NOT_PAGED_BACK if back else NOT_PAGED)
                return
        else:
            earlier = await self._last_page(message)
            if earlier is None:
                await self._reply(update, NOTHING_BEFORE)
                return
        await self._continue(update, earlier, back=back)

    async def _continue(self, update: Update, earlier: keyboards.Continued, *, back: bool = False) -> None:
        """The page after the one a message shows (`back`: the page before it), as a reply (as its 更多结果,
        下一页 or 上一页 button would show it)."""
        if isinstance(earlier, keyboards.AnswerRef):
            await self._next_page(update, earlier, back=back)
            return
        if back:
            if earlier.previous_page is None:
                await self._reply(update, FIRST_PAGE)
                return
            target = earlier.previous_page
        else:
            end = LIST_END if isinstance(earlier, keyboards.ListRef) else READING_END
            if earlier.next_page is None or await asyncio.to_thread(self._past_end, earlier.next_page):
                await self._reply(update, end)
                return
            target = earlier.next_page
        if isinstance(target, cb.ListSpeeches):
            admin = self._may_pin(_asker(update), _message(update).chat)
            view = await asyncio.to_thread(self._speech_list, target.page, admin)
        else:
            page = target
            view = await asyncio.to_thread(self._reading_page, page.speech_id, page.start)
        if view is None:
            await self._reply(update, SPEECH_GONE)
            return
        await self._shown(_message(update), view[1])
        await self._reply(update, *view)

    async def _next_page(self, update: Update, earlier: keyboards.AnswerRef, *, back: bool = False) -> None:
        """The page after the one an answer shows (`back`: before it), as a reply (as its 更多结果 or
        上一页 button would show it)."""
        message = _message(update)
        logged = await asyncio.to_thread(self.store.query_by_id, earlier.query_id)
        if logged is None or not self._asked_here(logged, message.chat):
            await self._reply(update, NO_RECORD)
            return
        target = earlier.previous_page if back else earlier.next_page
        if target is None:
            await self._reply(update, FIRST_PAGE if back else NO_MORE)
            return
        scope = target.scope if isinstance(target, cb.ScopedResults) else 0
        answer = await asyncio.to_thread(self._search, logged.query, scope, target.offset)
        user = update.effective_user
        admin = self._may_pin(user.id if user else None, message.chat)
        text, markup = self._page(answer, logged.id, scope, admin)
        await self._shown(message, markup)
        await self._reply(update, text, markup)

    async def speeches(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The speech list: its first page, 「/speeches 3」 the third, 「/speeches 下一页」 the page after the
        list replied to (or the last list shown here), 「/speeches 上一页」 the page before it."""
        message = _message(update)
        argument = said.after_command(message)
        if said.asks_for_more(argument) or said.asks_for_previous(argument):
            replied = _bots_message_replied_to(message, context.bot)
            earlier = (
                keyboards.continued_of(replied.reply_markup)
                if replied is not None
                else await self._last_page(message)
            )
            if isinstance(earlier, keyboards.ListRef):
                await self._continue(update, earlier, back=said.asks_for_previous(argument))
                return
        page = said.page_number(argument) or 1
        admin = self._may_pin(_asker(update), message.chat)
        text, markup = await asyncio.to_thread(self._speech_list, page - 1, admin)
        await self._shown(message, markup)
        await self._reply(update, text, markup)

    async def speech(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = _message(update)
        argument = said.after_command(message)
        number = said.speech_number(argument)
        if number is None:
            # 「②」 is refused as `speechqa show ②` refuses it, saying why: it is no way of writing 2
            not_id = argument.strip() and not written_as_digits(argument)
            await self._reply(
                update,
                (
                    f"「{fmt.escape(argument.strip()[:20])}」不是编号：写数字，如 /speech 2（/speeches 可列出全部讲话及编号）"
                    if not_id
                    else "用法：/speech 编号（/speeches 可列出全部讲话及编号）"
                ),
            )
            return
        admin = self._may_pin(_asker(update), message.chat)
        text, markup = await asyncio.to_thread(self._speech_details, number, admin)
        await self._reply(update, text, markup)

    async def unknown_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if pasted_link(
            said.words(_message(update))
        ):  # 「/home/li/通知.pdf」: a path Telegram took for a command
            await self._answer(update, said.words(_message(update)).strip())
            return
        await self._reply(update, "不认识这个命令。发送 /help 查看用法。")

    async def not_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if self._album_seen(_message(update)):  # one hint for an album of photos, none after its caption
            return
        await _message(update).reply_text("请用文字提问。")

    def _album_seen(self, message: Message) -> bool:
        """Whether another item of the message's album (photos or files sent together arrive as one
        message each, the caption on one of them) was seen already: one reply does for the album.
        False for a message that is no part of an album."""
        if message.media_group_id is None:
            return False
        key = (message.chat.id, message.media_group_id)
        if key in self.albums:
            return True
        remember(self.albums, key, None, REMEMBERED_REPLIES)
        return False

    # -- admin --------------------------------------------------------------------------------------
    async def _require_admin(self, update: Update, what: str) -> bool:
        """Admin work is for admins (anyone else is told so where they asked, not sent to a private chat
        that would refuse them too), and happens in private only: a group would show its output (the
        questions staff asked in private, upload reports) to every member. A message sent anonymously (by
        a group's anonymous admin, as a channel) may be an admin's: it is sent to the private chat, which
        tells."""
        if not self._maybe_admin(update):
            await self._reply(update, f"只有管理员可以{what}。")
            return False
        if _message(update).chat.type != ChatType.PRIVATE:
            await self._reply(update, PRIVATE_ONLY)
            return False
        return True

    async def group_document(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A file sent to the bot in a group: uploads are taken from admins, in private only (said once for
        files sent together)."""
        admin = self._maybe_admin(update)
        if await self._caption_asked(update, context, UPLOAD_IN_PRIVATE if admin else ADMINS_UPLOAD):
            return
        if self._album_seen(_message(update)):
            return
        await _message(update).reply_text(PRIVATE_ONLY if admin else ADMINS_UPLOAD)

    async def _caption_asked(self, update: Update, context: ContextTypes.DEFAULT_TYPE, why: str) -> bool:
        """A file that is not added (`why`) with a question written under it (words that ask something,
        `said.asks`): the question is answered, under a line saying the file was not added. A staff member
        forwarding a notice with 「这个通知里体检怎么安排？」 used to get only the refusal, the question lost."""
        message = _message(update)
        if not said.asks_under_file(
            message, context.bot.username
        ):  # 「请收录」: about the file, not a question
            return False
        question = said.question(message, context.bot.username)
        self._album_seen(message)  # the album's other files need no refusal of their own
        await self._answer(update, question, note=fmt.not_added_note(why))
        return True

    async def edited_caption(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The words under a file that was not added, edited: answered (the answer given before edited to
        match), or the answer withdrawn when they ask nothing now. An admin's upload is not added again."""
        message = _message(update)
        admin = self._maybe_admin(update)
        if admin and message.chat.type == ChatType.PRIVATE:  # the file was added: its words are no question
            return
        asked = await self._caption_asked(update, context, UPLOAD_IN_PRIVATE if admin else ADMINS_UPLOAD)
        if not asked:
            await self._edit_reply(message, WITHDRAWN, None)

    def _maybe_admin(self, update: Update) -> bool:
        """Whether the sender is an admin, or may be one: Telegram hides who sent a message on behalf of
        a chat (an anonymous group admin, someone posting as a channel)."""
        message = update.effective_message
        if message is not None and message.sender_chat is not None and update.callback_query is None:
            return True
        return self.policy.is_admin(update.effective_user.id if update.effective_user else None)

    async def document(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """An admin's file (see corpus.SUPPORTED_SUFFIXES): read it, add its speeches, update the index, report.
        A file the bot sent (a 导出 Word export) forwarded back to it is not added: its passages are in
        the library already."""
        if said.forwarded_from(_message(update), context.bot.id):
            await _message(update).reply_text(FORWARDED_FILE)
            return
        message = _message(update)
        if not self._maybe_admin(update) and await self._caption_asked(update, context, ADMINS_UPLOAD):
            return
        if not self._maybe_admin(update) and self._album_seen(
            message
        ):  # refused once for files sent together
            return
        if not await self._require_admin(update, "上传讲话文件"):
            return
        document = message.document
        assert document is not None
        name = said.document_name(document)
        if said.told_by_content(document) and not is_archive(name):
            # Telegram Desktop sends a file it does not know as application/octet-stream: read by its bytes
            note = CAPTION_NOT_ASKED if said.asks_under_file(message, context.bot.username) else ""
            await self._upload(message, name, document, note=note, as_sent=name)
            return
        if not said.is_readable_document(message):
            refusal = fmt.archive_refusal(name) if is_archive(name) else unsupported_message(name)
            await message.reply_text(fmt.render_refusal(refusal))
            return
        # words under an admin's file are no question (as under an album): said after the report
        note = CAPTION_NOT_ASKED if said.asks_under_file(message, context.bot.username) else ""
        await self._upload(message, name, document, note=note, as_sent=said.sent_name(document))

    async def photo(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A photo with no words under it, sent in private. An admin's is a page to add — a notice or a
        speech photographed with a phone, a screenshot — read by OCR as an image file is (it used to get
        「请用文字提问。」, as if the admin had asked something); anyone else gets that hint."""
        message = _message(update)
        if not self.policy.is_admin(update.effective_user.id if update.effective_user else None):
            await self.not_text(update, context)
            return
        await self._upload(message, said.photo_name(message), message.photo[-1], refused_tip=PHOTO_TIP)

    async def album_photo(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A photo of an album an admin sent in private. An album of pages — a notice of several pages
        photographed page by page — is one document: its photos are added once all have arrived, as the
        pages of one file in the order sent (read as a multi-page scan is), with one report. The caption,
        which Telegram puts on one of the photos, is no question."""
        message = update.message
        if message is None or message.media_group_id is None:  # a caption edited after the album was added
            return
        key = (message.chat.id, message.media_group_id)
        if (album := self.coming.get(key)) is not None:  # the first photo's handler waits for the others
            album.photos.append(message)
            album.more.set()
            return
        album = self.coming[key] = _Album([message])
        try:
            while True:
                album.more.clear()
                try:
                    await asyncio.wait_for(album.more.wait(), self.album_wait)
                except TimeoutError:
                    break
        finally:
            del self.coming[key]
        photos = sorted(album.photos, key=lambda m: m.message_id)
        if len(photos) == 1:  # one photo of an album arrived (the others long after, or not at all)
            await self._upload(
                photos[0], said.photo_name(photos[0]), photos[0].photo[-1], refused_tip=PHOTO_TIP
            )
            return
        name = said.album_name(photos[0])
        status = await photos[0].reply_text(
            f"⏳ 正在读取 {len(photos)} 张照片（作为一份文件 {fmt.escape(name)}）…"
        )
        note = fmt.album_note(len(photos), any(m.caption for m in photos))
        file_ids = [m.photo[-1].file_id for m in photos]
        sender = photos[0].from_user.id if photos[0].from_user else 0
        async with self._unfinished(status, sender, name, file_ids, photo=True, note=note):
            await self._download_and_add(status, name, file_ids, refused_tip=PHOTO_TIP, note=note)

    async def _upload(
        self,
        message: Message,
        name: str,
        document: Document | PhotoSize,
        *,
        refused_tip: str = "",
        note: str = "",
        as_sent: str | None = None,
    ) -> None:
        """Download a file an admin sent, add its speeches, update the index and report (`refused_tip`
        follows a refusal, `note` the report). `as_sent` is the file's own name when the bot added an extension
        to it by the type Telegram gave (「通知」 read as 「通知.txt」): a refusal names the file so."""
        said_as, shown = said.typed_name(name, as_sent)
        size = document.file_size
        # a file `speechqa add` refuses too (a .txt over 10 MB, any file over 50 MB) is told so in its words;
        # one it would take but Telegram does not let the bot download, with both limits
        if size is not None and (refusal := size_refusal(name, size)) is not None:
            await message.reply_text(fmt.render_refusal(refusal))  # `speechqa add` says the same
            return
        if size is not None and size > fmt.MAX_DOWNLOAD:
            await message.reply_text(fmt.render_refusal(fmt.download_failure(name, True, size)))
            return
        status = await message.reply_text(f"⏳ 正在读取 {fmt.escape(name)}…")
        sender = message.from_user.id if message.from_user else 0
        async with self._unfinished(
            status, sender, name, [document.file_id], photo=bool(refused_tip), note=note, sent_as=as_sent
        ):
            await self._download_and_add(
                status,
                name,
                [document.file_id],
                refused_tip=refused_tip,
                note=note,
                said_as=said_as,
                shown=shown,
            )

    async def _download_and_add(
        self,
        status: Message,
        name: str,
        file_ids: Sequence[str],
        *,
        refused_tip: str = "",
        note: str = "",
        said_as: str = "",
        shown: str = "",
    ) -> None:
        """Download a file (or an album's photos, made the pages of one file), add it and report on `status`
        (a refusal naming the file `said_as` and then `shown`, when given, see `_upload`)."""
        bot = status.get_bot()
        try:
            files = [await download(bot, i) for i in file_ids]
        except TelegramError as e:  # e.g. "File is too big" when Telegram did not say the size
            log.warning("could not download %s: %s", name, e)
            too_big = "too big" in str(e).lower()
            await status.edit_text(fmt.render_refusal(fmt.download_failure(name, too_big)))
            return
        data = files[0] if len(files) == 1 else await asyncio.to_thread(pages_tiff, files)
        # a file whose name and type said nothing (said.told_by_content): its bytes tell
        if not said.reads_as_named(name):
            named = await asyncio.to_thread(said.named_by_content, name, data)
            if named is None or not said.reads_as_named(named.name):
                refusal = fmt.unknown_content(name)
                if named is not None:  # a format speechqa does not read (an old .ppt): named as sent
                    refusal = said.as_sent(unsupported_message(named.name), named.name, named.said_as, name)
                await status.edit_text(fmt.render_refusal(refusal))
                return
            name, said_as, shown = named.name, named.said_as, name or "未命名文件"
        await self._add(status, name, data, refused_tip=refused_tip, note=note, said_as=said_as, shown=shown)

    @asynccontextmanager
    async def _unfinished(
        self,
        status: Message,
        sender: int,
        name: str,
        file_ids: Sequence[str],
        *,
        photo: bool,
        note: str = "",
        sent_as: str | None = None,
    ) -> AsyncIterator[None]:
        """An upload kept in the store from its 「⏳ 正在读取…」 to its report, so that one the bot was stopped
        or killed in the middle of is added when it starts again (`resume_uploads`); an upload ended by an
        error is not taken up again (it would fail again at every start)."""
        try:
            upload_id: int | None = await asyncio.to_thread(
                self.store.begin_upload,
                status.get_bot().id,
                sender,
                status.chat.id,
                status.message_id,
                name,
                file_ids,
                photo=photo,
                note=note,
                sent_as=sent_as,
            )
        except SpeechIndexError as e:  # a read-only data home: the upload is refused anyway, in its words
            log.warning("could not keep upload %s for a restart: %s", name, e)
            upload_id = None
        try:
            yield
        except Exception:
            await self._end_upload(upload_id)
            raise
        else:  # not when the bot is being stopped (the task cancelled): the upload is then taken up again
            await self._end_upload(upload_id)

    async def _end_upload(self, upload_id: int | None) -> None:
        if upload_id is not None:
            try:
                await asyncio.to_thread(self.store.end_upload, upload_id)
            except SpeechIndexError as e:
                log.warning("could not forget upload %s: %s", upload_id, e)

    async def resume_uploads(self, bot: Bot, unfinished: Sequence[UnfinishedUpload]) -> None:
        """Add the files admins sent that the bot was stopped in the middle of (oldest first): their
        「⏳ 正在读取…」 says so and becomes the report, as if nothing had happened. Telegram does not deliver
        their messages again (the bot had confirmed them), so without this they were lost, the message left
        saying 「⏳ 正在读取…」 for ever."""
        for upload in unfinished:
            status = Message(
                upload.status_message_id, dt.datetime.now(dt.UTC), Chat(upload.chat_id, ChatType.PRIVATE)
            )
            status.set_bot(bot)
            log.info("taking up %s again: the bot stopped while adding it", upload.name)
            try:
                if not self.policy.is_admin(upload.user_id):
                    await _status_again(status, fmt.render_refusal(fmt.no_longer_admin(upload.name)))
                else:
                    text = f"⏳ 机器人重启过，正在重新读取 {fmt.escape(upload.name)}…"
                    status = await _status_again(status, text)
                    tip = PHOTO_TIP if upload.photo else ""
                    said_as, shown = said.typed_name(upload.name, upload.sent_as)
                    await self._download_and_add(
                        status,
                        upload.name,
                        upload.file_ids,
                        refused_tip=tip,
                        note=upload.note,
                        said_as=said_as,
                        shown=shown,
                    )
            except TelegramError as e:  # the admin blocked the bot meanwhile…: nobody to report to
                log.warning("could not report %s, taken up again: %s", upload.name, e)
            except Exception:
                log.exception("could not add %s, taken up again", upload.name)
            await self._end_upload(upload.id)  # not reached when the bot is stopped meanwhile: taken up then

    async def _add(
        self,
        status: Message,
        name: str,
        data: bytes,
        *,
        refused_tip: str = "",
        note: str = "",
        sent: str | None = None,
        said_as: str = "",
        shown: str = "",
    ) -> None:
        """Add a file downloaded from Telegram (or a forwarded notice's text, `sent` the day it was posted) and
        report on `status` (`note` follows the report; a refusal names the file `said_as` where it first names it,
        `shown` — its name as sent — anywhere after: `said.as_sent`)."""
        if self.writing.locked():  # several files sent at once (an album, a multiple pick): one after another
            with suppress(TelegramError):
                await status.edit_text(f"⏳ 排队中：{fmt.escape(name)} 会在前一个文件加入后自动加入…")
        async with self.writing:
            progress = self._progress(status, "正在索引")
            try:
                typed = (
                    bool(shown) and shown != name
                )  # its extension was the type Telegram gave, not the admin's
                outcomes, report = await self.writer.run(self._ingest, name, data, progress, sent, typed)
            except (CorpusError, SpeechIndexError) as e:
                log.info("upload %s refused: %s (%r)", name, e, e.__cause__)
                refusal = said.as_sent(str(e), name, said_as, shown or name) if said_as else str(e)
                await progress.finish(fmt.render_refusal(refusal) + refused_tip)
                return
        if typed:  # named by the type Telegram gave: reported under the name it was sent with
            outcomes = [said.typed_as_sent(o, name, shown) for o in outcomes]
        differ = await asyncio.to_thread(self._differences, outcomes)
        text = fmt.render_ingest(outcomes, report, differ)
        if note and any(o.speeches for o in outcomes):
            text += "\n" + fmt.escape(note)
        titles = await asyncio.to_thread(self._titles, outcomes)
        await progress.finish(text, keyboards.near_copies_keyboard(outcomes, titles))
        warned = [s.speech_id for o in outcomes for s in o.speeches if s.similar_to is not None]
        if warned:  # the near-copy warnings were read: `speechqa add` and `health` need not repeat them
            await asyncio.to_thread(self.service.library.store.near_copies_shown, warned)

    def _differences(self, outcomes: Sequence[FileOutcome]) -> dict[int, str]:
        """Where each near copy an upload report warns of differs from the stored version (「不同之处…」)."""
        return {
            s.speech_id: where
            for o in outcomes
            for s in o.speeches
            if s.similar_to is not None
            and (where := where_they_differ(self.store, s.speech_id, s.similar_to)) is not None
        }

    def _titles(self, outcomes: Sequence[FileOutcome]) -> dict[int, str]:
        """The titles of the speeches an upload report names as near copies, for its 删除旧版 buttons."""
        named = {
            n
            for o in outcomes
            for s in o.speeches
            if s.similar_to is not None
            for n in (s.speech_id, s.similar_to)
        }
        return {n: speech.title for n in named if (speech := self.store.speech(n)) is not None}

    def _ingest(
        self, name: str, data: bytes, progress: ProgressMessage, sent: str | None = None, typed: bool = False
    ) -> tuple[list[FileOutcome], BuildReport | None]:
        document = None
        if not opens_as_folder(name):
            try:
                # an admin cannot rename a file in Telegram: one whose extension lies is read by its bytes
                document = read_as_sent(name, data, typed=typed)
            except Misnamed as e:
                if e.kind != ".zip":
                    raise
                # a zip under a document's name (「材料.docx」): opened as the archive it is, as an admin's .zip is
        if document is None:  # each document (mail) in it added as if sent alone, one after another
            done = 0
            unit = "封邮件" if is_mbox(name) else "个文件"

            def counted(outcome: FileOutcome) -> None:
                nonlocal done
                self.writer.checkpoint()  # the bot stopping: the archive's next member is not begun
                done += 1
                progress.describe = embedding_progress(f"正在索引 {name}（已处理 {done} {unit}）")

            progress.describe = embedding_progress(f"正在索引 {name}")
            outcomes, report = self.service.add_archive(
                name, data, self.writer.checked(progress), on_file=counted
            )
        else:
            if sent is not None:  # a forwarded notice: dated by its posting when its text names no date
                document = replace(document, sent=sent)
            outcomes, report = self.service.add_documents([document], self.writer.checked(progress))
        added = any(o.speeches for o in outcomes)
        return outcomes, report if added else None

    async def reindex(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if not await self._require_admin(update, "重建索引"):
            return
        waiting = self.writing.locked()  # a file being added first: the rebuild follows it
        status = await self._reply(
            update, "⏳ 等正在加入的文件完成后重建索引…" if waiting else "⏳ 正在重建索引…"
        )
        async with self.writing:
            progress = self._progress(status, "正在重建索引")
            try:
                report = await self.writer.run(self.service.rebuild, self.writer.checked(progress))
            except SpeechIndexError as e:
                await progress.finish(fmt.render_refusal(str(e)))
                return
            except asyncio.CancelledError:  # the bot is stopping: the old index stays, whole
                await progress.abandon(REINDEX_GIVEN_UP)
                raise
        await progress.finish(
            f"✅ 索引已重建：共 {index_size(report)}，本次嵌入 {report.embedded} 段，用时 {report.seconds:.1f} 秒"
        )

    async def stats(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if not await self._require_admin(update, "查看统计"):
            return
        stats = await asyncio.to_thread(self._query_stats)
        pins = await asyncio.to_thread(self.store.pins)
        taken = await asyncio.to_thread(self.store.offers_taken, fmt.OFFERS_SHOWN)
        await self._reply(update, fmt.render_stats(stats, pins, taken))

    async def pins(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/pins (admins, in private): the standard answers, a page at a time, each with a 取消 button."""
        if not await self._require_admin(update, "查看标准答案"):
            return
        text, markup = await asyncio.to_thread(self._pins_page, 0)
        await self._reply(update, text, markup)

    async def synonyms(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/synonyms (admins, in private): the pairs users added, with the usage; 「/synonyms add 词 同义词」 and
        「/synonyms remove 词 同义词」 change them as `speechqa synonyms add / remove` does (retrieval/synonyms.py,
        the same refusals), from the next question on: retrieval reads the pairs on every question."""
        if not await self._require_admin(update, "管理同义词"):
            return
        asked = said.synonyms_asked(said.after_command(_message(update)))
        if asked.action is None:
            await self._reply(update, f"不认识「{fmt.escape(asked.typed[:20])}」。{fmt.SYNONYMS_USAGE}")
            return
        if asked.action == "list":
            pairs = await asyncio.to_thread(self.store.user_synonyms)
            await self._reply(update, fmt.render_synonyms(pairs, len(bundled_lexicon().groups)))
            return
        if len(asked.words) != 2:
            wrong = (  # as the CLI says a missing or an extra argument
                f"缺少参数「{'同义词' if asked.words else '词'}」"
                if len(asked.words) < 2
                else f"多余的参数：{fmt.escape(' '.join(asked.words[2:])[:40])}（一对同义词只有两个词，词中不能有空格）"
            )
            await self._reply(update, f"{wrong}。{fmt.SYNONYMS_USAGE}")
            return
        word, synonym = asked.words
        try:
            if asked.action == "add":
                change = await asyncio.to_thread(add_user_synonym, self.store, word, synonym)
            else:
                change = await asyncio.to_thread(
                    remove_user_synonym, self.store, word, synonym, listed_by="/synonyms"
                )
        except SpeechIndexError as e:
            await self._reply(update, fmt.render_refusal(str(e)))
            return
        log.info("synonyms %s by %s: %s", change.outcome, self._who(_asker(update)), change.pair)
        await self._reply(update, fmt.escape(change.said))

    async def pins_page(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query, data = _callback(update, cb.PinsPage)
        if not self._may_pin(query.from_user.id, _chat(query)):
            await tell(query, self.answered, "只有管理员可以查看标准答案。")
            return
        await ack(query, self.answered)
        text, markup = await asyncio.to_thread(self._pins_page, data.page)
        await edit_or_send(query, text, markup)

    async def _unpin(self, query: CallbackQuery, pin_id: int, where: str) -> None:
        """Remove a pin an admin pressed 取消 on (in the chat or under /pins) and say so in the alert."""
        async with self.pinning:
            removed = await asyncio.to_thread(self.store.unpin, pin_id)
        if removed is None:  # tapped twice, or removed meanwhile (another admin, `speechqa unpin`)
            await ack(query, self.answered, "这条标准答案已经取消了。")
        else:
            log.info("pin #%d removed from %s by %s", removed.id, where, self._who(query.from_user.id))
            await ack(query, self.answered, fmt.unpinned(removed))

    async def unpin_listed(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """取消 #N under /pins: the pin is removed, as `speechqa unpin N` does, and the page shown again."""
        query, data = _callback(update, cb.UnpinListed)
        if not self._may_pin(query.from_user.id, _chat(query)):
            await tell(query, self.answered, "只有管理员可以取消标准答案。")
            return
        await self._unpin(query, data.pin_id, "/pins")
        text, markup = await asyncio.to_thread(self._pins_page, data.page)
        await edit_or_send(query, text, markup)

    def _pins_page(self, page: int) -> tuple[str, InlineKeyboardMarkup | None]:
        """A page of the pins (the last one when fewer remain than `page` asked for: pins removed meanwhile)."""
        states = self.store.pins()
        pages = max(1, math.ceil(len(states) / fmt.PINS_PER_PAGE))
        page = min(max(page, 0), pages - 1)
        shown = states[page * fmt.PINS_PER_PAGE : (page + 1) * fmt.PINS_PER_PAGE]
        text = fmt.render_pins(shown, page, pages, len(states))
        return text, keyboards.pins_keyboard([s.pin.id for s in shown], page, pages)

    def _query_stats(self) -> QueryStats:
        """The statistics, leaving out of the unanswered questions those a pin now answers (as asked today)."""
        retriever = self.service.current()
        return self.store.query_stats(pinned_since=retriever.pins_serve)

    def _progress(self, status: Message, label: str) -> ProgressMessage:
        return ProgressMessage(
            status,
            asyncio.get_running_loop(),
            embedding_progress(label),
            Throttle(self.progress_interval, self.clock),
        )

    # -- questions ----------------------------------------------------------------------------------
    async def _admitted(self, update: Update) -> bool:
        """Whether the asker is within the questions-per-minute limit (counting this question); when not,
        they are told (once per burst) and nothing is searched, logged or stored for it."""
        message = _message(update)
        verdict = self.limiter.check(_asker(update), self.clock())
        if not verdict.allowed and verdict.notify:
            await message.reply_text(
                f"您提问太快了（每分钟最多 {self.questions_per_minute} 个问题），"
                f"请 {math.ceil(verdict.retry_after)} 秒后再问。"
            )
        return verdict.allowed

    async def _answer(
        self, update: Update, question: str, *, admitted: bool = False, note: str | None = None
    ) -> None:
        """Search the question and reply (`note` above the answer); `admitted`: the rate limit was already
        checked for it. The same
        question sent again by the same person, here, while its answer is being searched (sent twice, or
        again because the answer was slow to come) is answered once, and does not count against the limit."""
        key = _sent_question(update, question)
        if key is not None and not await self.asking.begin(key):
            log.info("a question sent again while its answer is searched: answered once")
            return
        try:
            if admitted or await self._admitted(update):
                await self._search_and_reply(update, question, note)
        except BaseException:  # no answer reached the user: the same question sent meanwhile is answered
            if key is not None:
                self.asking.end(key, done=False)
            raise
        if key is not None:
            self.asking.end(key)

    async def _search_and_reply(self, update: Update, question: str, note: str | None = None) -> None:
        message = _message(update)
        user_id = _asker(update)
        notes = [note] if note else []
        # 「那退休干部呢？」 after an answer: the earlier question with the new words in their place
        if (earlier := await self._earlier_question(message)) is not None and (
            meant := follow_up(earlier, question)
        ) is not None:
            log.info("a follow-up read with the question before it")
            notes.append(fmt.follow_up_note(earlier))
            question = meant
        updating = self.service.updating  # a change under way is not in the index this search reads
        try:
            async with typing(message):
                answer, query_id = await asyncio.to_thread(
                    self._search_and_log,
                    question,
                    user_id,
                    message.chat.id,
                    message.chat.type == ChatType.PRIVATE,
                )
        except QueryTooLong as e:  # most often a notice pasted whole: say what the bot can do with one
            tip = PASTED_NOTICE_ADMIN if self._may_pin(user_id, message.chat) else PASTED_NOTICE
            await self._reply(update, fmt.render_refusal(str(e)) + "\n" + tip)
            return
        if answer.small_talk:  # not a question, not logged: no 「question #0: no answer」 line either
            log.info("small talk (%s): a friendly reply", answer.small_talk)
        else:
            log.info(
                "question #%d: %s in %.0f ms",
                query_id,
                "answered" if answer.answered else "no answer",
                answer.latency_ms,
            )
        if updating and not answer.small_talk:
            notes.insert(0, fmt.UPDATING_NOTE)
        above = "\n".join(notes) or None
        text, markup = self._page(answer, query_id, 0, self._may_pin(user_id, message.chat), above)
        await self._shown(message, markup)
        if update.callback_query is not None:  # an example under /start: answered under it
            await message.reply_text(text, reply_markup=markup)
            return
        await self._reply(update, text, markup)

    # -- replies to a person's message, and to its edits ---------------------------------------------
    # Every reply to a message is remembered by the message (`KeptReplies`, also across a restart): when the
    # person edits it — a question into another question, small talk or a command — the reply is edited
    # to match, so it never answers text the person no longer has. An edit into something not for the
    # bot (group chatter) withdraws the reply.
    async def _reply(self, update: Update, text: str, markup: InlineKeyboardMarkup | None = None) -> Message:
        """Reply to the update's message; to an edited message, edit the reply given to it before (or,
        when there is none to edit — given before a restart, or deleted — reply anew)."""
        message = _message(update)
        if update.edited_message is not None:
            edited = await self._edit_reply(message, text, markup)
            if edited is not None:
                return edited
        reply = await message.reply_text(text, reply_markup=markup)
        await self._remember_reply(message, reply.message_id, markup)
        return reply

    async def _edit_reply(
        self, question: Message, text: str, markup: InlineKeyboardMarkup | None
    ) -> Message | None:
        """Edit the reply remembered for a message (also one given before a restart); None when there is
        none that can be edited."""
        bot = question.get_bot()
        for chat in self._chat_keys(question.chat):  # a group Telegram moved: its messages came along
            if (reply_id := await self.kept.reply_to(bot.id, chat, question.message_id)) is not None:
                break
        else:
            return None
        try:
            edited = await bot.edit_message_text(
                text, chat_id=question.chat.id, message_id=reply_id, reply_markup=markup
            )
        except BadRequest as e:
            if "not modified" not in e.message.lower():
                log.info("could not edit the reply to an edited message (%s): replying anew", e)
                return None
            edited = Message(reply_id, question.date, question.chat)  # unchanged: the same message
            edited.set_bot(bot)
        await self._remember_reply(question, reply_id, markup)  # it may answer another question now
        return edited if isinstance(edited, Message) else None

    def one_at_a_time(self, callback: HandlerCallback) -> HandlerCallback:
        """`callback` handling a message and its edits one after another: an edit made while the first
        answer is still being searched (a typo fixed at once) waits for it, then edits it, instead of
        racing it and leaving two answers, one to text that is gone."""

        async def handle(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            message = update.message or update.edited_message
            if message is None:
                await callback(update, context)
                return
            key = (message.chat.id, message.message_id)
            lock, waiting = self._handling.get(key, (asyncio.Lock(), 0))
            self._handling[key] = (lock, waiting + 1)
            try:
                async with lock:
                    await callback(update, context)
            finally:
                lock, waiting = self._handling[key]
                if waiting > 1:
                    self._handling[key] = (lock, waiting - 1)
                else:
                    del self._handling[key]

        return handle

    def once_per_press(self, callback: HandlerCallback) -> HandlerCallback:
        """`callback` for a button whose press sends something new (上下文, 出处, 只看这篇讲话, 导出 Word, an
        example question): the same button on the same message tapped again by the same person while its
        first press is handled, or just after (`PRESS_WINDOW`), only stops its spinner (see `repeats`)."""

        async def handle(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            query = update.callback_query
            assert query is not None
            key = _press(query)
            if not await self.presses.begin(key):
                log.info("a button tapped again at once (%s): done once", query.data)
                await ack(query, self.answered)
                return
            try:
                await callback(update, context)
            except BaseException:  # nothing was sent, perhaps: the next press tries again
                self.presses.end(key, done=False)
                raise
            self.presses.end(key)

        return handle

    async def edited_away(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """An edited message no other handler takes (in a group: no longer addressed to the bot): the
        reply given to it, if any, is withdrawn rather than left answering text that is gone."""
        message = _message(update)
        if await self._edit_reply(message, WITHDRAWN, None) is not None:
            log.info("a message answered before was edited into one not for the bot: reply withdrawn")

    async def _shown(self, near: MaybeInaccessibleMessage, markup: InlineKeyboardMarkup | None) -> None:
        """Remember the page (of an answer, the speech list, a speech's text) just shown in a chat (and
        topic), for a 「还有吗？」 typed next (an answer's also for a 「第二条再详细点」), also after a restart."""
        shown = keyboards.continued_of(markup)
        if shown is None or markup is None:  # small talk, a message with no pages
            return
        answer = isinstance(shown, keyboards.AnswerRef)
        await self.kept.show(
            near.get_bot().id, self._chat_key(near.chat) or "", thread_of(near), markup, answer=answer
        )

    async def _result_in_full(self, update: Update, rank: int) -> bool:
        """「第二条再详细点」 in reply to an answer (or after one, in its chat and topic): the 上下文 of that
        result, as its button shows it. It used to be searched as a question — five passages that hold 「第二条」.
        False (searched as before) when no answer is replied to or was shown here."""
        message = _message(update)
        replied = _bots_message_replied_to(message, message.get_bot())
        markup = replied.reply_markup if replied is not None else await self._last_answer(message)
        if keyboards.answer_of(markup) is None:
            return False
        assert markup is not None
        passage_id = keyboards.context_of(markup, rank)
        if passage_id is None:
            await self._reply(
                update, f"这条回答里没有第 {rank} 条，请按回答中的编号再说一次，或点该条下面的「上下文」。"
            )
            return True
        trace, view = await asyncio.to_thread(self._followed_context, passage_id)
        await self._reply(update, *(view or (_not_found(trace), None)))
        return True

    def _followed_context(
        self, passage_id: int
    ) -> tuple[PassageTrace, tuple[str, InlineKeyboardMarkup | None] | None]:
        """The context message around a passage a button or an answer named, followed by its text when its
        speech was added again since (None when no passage holds that text now)."""
        trace = self.store.follow_passage(passage_id)
        passages = [] if trace.passage is None else self.store.neighbours(trace.passage.id)
        if trace.passage is None or not passages:
            return trace, None
        focus = trace.passage.id
        return trace, (fmt.render_context(passages, focus), keyboards.context_keyboard(passages, focus))

    async def _last_answer(self, message: Message) -> InlineKeyboardMarkup | None:
        shown = await self._last_shown(message)
        return None if shown is None else shown.answer

    async def _last_page(self, message: Message) -> keyboards.Continued | None:
        shown = await self._last_shown(message)
        return None if shown is None else keyboards.continued_of(shown.page)

    async def _last_shown(self, message: Message) -> Shown | None:
        """The page and the answer last shown in the message's chat and topic: in a group Telegram moved to a
        new id (a basic group upgraded to a supergroup), also those shown there under an earlier id."""
        for chat in self._chat_keys(message.chat):
            if (shown := await self.kept.shown(message.get_bot().id, chat, thread_of(message))) is not None:
                return shown
        return None

    async def _earlier_question(self, message: Message) -> str | None:
        """The question of the answer a message replies to, or else of the answer last shown in its chat and
        topic: what an elliptical follow-up (「那退休干部呢？」) continues. The last answer, not the last page:
        a glance at /speeches or a speech's details in between leaves the question being asked about."""
        replied = _bots_message_replied_to(message, message.get_bot())
        shown = keyboards.answer_of(
            replied.reply_markup if replied is not None else await self._last_answer(message)
        )
        if not isinstance(shown, keyboards.AnswerRef):
            return None
        logged = await asyncio.to_thread(self.store.query_by_id, shown.query_id)
        return logged.query if logged is not None and self._asked_here(logged, message.chat) else None

    def _remember_gone(self, chat_id: int) -> None:
        remember(self.gone, chat_id, None, REMEMBERED_REPLIES)

    async def _remember_reply(
        self, message: Message, reply_id: int, markup: InlineKeyboardMarkup | None = None
    ) -> None:
        """Remember the bot's reply to a person's message, and the question it answers when it is an answer."""
        shown = keyboards.answer_of(markup)
        await self.kept.keep(
            message.get_bot().id,
            self._chat_key(message.chat) or "",
            message.message_id,
            reply_id,
            None if shown is None else shown.query_id,
        )

    def _search(self, question: str, scope: int = 0, offset: int = 0) -> Answer:
        """A page of the answer to a question in a scope (see `keyboards.answer_keyboard`): filters read
        from the question apply unless the scope says otherwise; pinned answers come first."""
        retriever = self.service.current()
        if scope > 0:
            only = Filters(speeches=(scope,))
            return retriever.search(question, self.page_size, offset=offset, filters=only, pins=True)
        auto = scope != cb.UNFILTERED
        return retriever.search(question, self.page_size, offset=offset, auto_filter=auto, pins=True)

    def _page(
        self, answer: Answer, query_id: int, scope: int, admin: bool, note: str | None = None
    ) -> tuple[str, InlineKeyboardMarkup | None]:
        """The answer page and its buttons; `note` goes above it, the page shortened to leave it room."""
        view = fmt.render_answer(answer, fmt.TEXT_LIMIT - (fmt.utf16_len(note) + 2 if note else 0))
        if answer.small_talk:  # a friendly reply: nothing to page, cite, export or rate
            return view.html, None
        auto_filtered = (
            answer.filters is not None and bool(answer.filters.detected) and not answer.filters.fallback
        )
        markup = keyboards.answer_keyboard(
            view,
            query_id,
            answer.offset,
            self.page_size,
            scope=scope,
            auto_filtered=auto_filtered,
            admin=admin,
            offer=answer.pin_offer,
            served_pin=answer.served_pin,
        )
        return (f"{fmt.escape(note)}\n\n{view.html}" if note else view.html), markup

    def _export_differs(
        self, message: MaybeInaccessibleMessage, logged: LoggedQuery, data: cb.ExportWord, answer: Answer
    ) -> bool:
        """Whether a file exported from a message (`answer`: its question searched again now) cites other
        passages than the message shows: those its 上下文 buttons name (the first of the file's, as a message may
        show fewer than a page holds) or, the press coming without them, those logged for the answer as first
        given (its first page as the question read it). Each is followed to where its text is now: a file sent
        again in place renumbers every passage of its speech without changing one. Another page of a message
        whose buttons the press left out is not known: taken as the same."""
        now = [hit.passage.id for hit in answer.hits]
        if shown := _shown_passages(message):
            now = now[: len(shown)]
        elif data.scope == 0 and data.offset == 0 and logged.top_ids:
            shown = list(logged.top_ids)
        else:
            return False
        followed = {
            trace.passage.id if trace.passage else None for trace in map(self.store.follow_passage, shown)
        }
        return followed != set(now)

    def _may_pin(self, user_id: int | None, chat: Chat | None) -> bool:
        """📌 buttons are shown to admins in their private chat (a group's members would see them too)."""
        return self.policy.is_admin(user_id) and chat is not None and chat.type == ChatType.PRIVATE

    def _search_and_log(self, question: str, user_id: int, chat_id: int, private: bool) -> tuple[Answer, int]:
        answer = self._search(question)
        if answer.small_talk:  # thanks and greetings are not questions: not logged, not in /stats
            return answer, 0
        query_id = self.store.log_query(
            channel="telegram",
            query=answer.query,
            answered=answer.answered,
            top_ids=[h.passage.id for h in answer.hits],
            latency_ms=answer.latency_ms,
            user_id=self._who(user_id),
            chat_id=self._who(chat_id) if private else str(chat_id),
        )
        return answer, query_id

    def _who(self, user_id: int) -> str:
        """How an asker is written in the query log: a user's id (or its pseudonym); a chat asking on
        behalf of itself (an anonymous admin, a channel: a negative id, nobody's personal one) as it is."""
        if user_id < 0:
            return str(user_id)
        return pseudonym(user_id, self.pseudonym_key) if self.pseudonym_key else str(user_id)

    def _name_of(self, user: User) -> str | None:
        """How a person who pins an answer is named to the other admins: their Telegram name; none is kept
        when user ids are hidden (`SPEECHQA_HASH_USER_IDS`), since a name says who it was as well."""
        return None if self.pseudonym_key else said.display_name(user)

    def _chat_key(self, chat: Chat | None) -> str | None:
        """How a chat is written in the query log: a private chat's id is the user's, so it is hidden
        like one; a group's id is not personal."""
        if chat is None:
            return None
        return self._who(chat.id) if chat.type == ChatType.PRIVATE else str(chat.id)

    def _chat_keys(self, chat: Chat) -> list[str]:
        """How a chat is written in the query log and the store (`_chat_key`), then each id it had before (a
        basic group Telegram upgraded to a supergroup, newest first)."""
        return [
            (self._chat_key(chat) or "") if identity == chat.id else str(identity)
            for identity in self.policy.moves.identities(chat.id)
        ]

    def _asked_here(self, logged: LoggedQuery, chat: Chat | None) -> bool:
        """Whether a logged question was asked in this chat (or in the group it was before Telegram
        moved it to a new id)."""
        if chat is None or chat.type == ChatType.PRIVATE:
            return logged.chat_id == self._chat_key(chat)
        return logged.chat_id in {str(c) for c in self.policy.moves.identities(chat.id)}

    # -- buttons ------------------------------------------------------------------------------------
    # Each press is answered with `ack`/`tell`: a press too old to answer (made while the bot was down)
    # still gets its action done. Content goes to the presser's chat and forum topic.
    async def _logged(self, query: CallbackQuery, query_id: int) -> LoggedQuery | None:
        """The logged question a button refers to, if it was asked in the chat the button is in (a
        modified client could send any id); else the presser is told it is gone."""
        logged = await asyncio.to_thread(self.store.query_by_id, query_id)
        if logged is None or not self._asked_here(logged, _chat(query)):
            await tell(query, self.answered, NO_RECORD)
            return None
        return logged

    async def _scope_now(self, query: CallbackQuery, scope: int) -> tuple[int, str | None] | None:
        """A button's view as it stands now: one speech (只看这篇讲话 and its pages) that was removed and added
        again is the speech holding its text now (a new id); one removed since is None, the presser told so,
        rather than shown the question answered from the other speeches; one deleted beside another version of
        itself is that version, with what to tell the presser (the toast the caller answers the press with)."""
        if scope <= 0:
            return scope, None
        speech, note = await asyncio.to_thread(self._speech_now, scope)
        if speech is None:
            await tell(query, self.answered, SPEECH_GONE)
            return None
        return speech.id, note

    def _speech_now(self, speech_id: int) -> tuple[SpeechRecord | None, str | None]:
        """The speech a button was made for as it stands now, and what to tell the presser: that speech, or the
        one holding its text (added again), said nothing of; the version kept when it was deleted beside
        another version of itself (`Store.other_version`), said so; None when neither is stored."""
        speech = self.store.follow_speech(speech_id)
        if speech is not None:
            return speech, None
        other = self.store.other_version(speech_id)
        return other, None if other is None else OTHER_VERSION.format(old=speech_id, new=other.id)

    async def _show_page(
        self, query: CallbackQuery, query_id: int, scope: int, offset: int, *, new: bool
    ) -> None:
        logged = await self._logged(query, query_id)
        if logged is None or (now := await self._scope_now(query, scope)) is None:
            return
        scope, note = now
        await ack(query, self.answered, note)
        answer = await asyncio.to_thread(self._search, logged.query, scope, offset)
        text, markup = self._page(answer, logged.id, scope, self._may_pin(query.from_user.id, _chat(query)))
        if query.message is not None:
            await self._shown(query.message, markup)
        if new and query.message is not None:
            await send(query.get_bot(), query.message, text, markup)
        else:
            await edit_or_send(query, text, markup)

    async def more_results(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """更多结果 / 上一页: re-run the logged question from an offset; edit the answer in place."""
        query, data = _callback(update, cb.MoreResults)
        await self._show_page(query, data.query_id, 0, data.offset, new=False)

    async def scoped_results(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """取消筛选, and the pages of an answer without its filter or within one speech (edited in place)."""
        query, data = _callback(update, cb.ScopedResults)
        await self._show_page(query, data.query_id, data.scope, data.offset, new=False)

    async def one_speech(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """只看这篇讲话: the question asked again within one speech, as a new message."""
        query, data = _callback(update, cb.OneSpeech)
        await self._show_page(query, data.query_id, data.speech_id, 0, new=True)

    async def export_word(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """导出 Word: the page as a .docx document (question, passages with full citations, date)."""
        query, data = _callback(update, cb.ExportWord)
        logged = await self._logged(query, data.query_id)
        if (
            logged is None
            or query.message is None
            or (now := await self._scope_now(query, data.scope)) is None
        ):
            return
        scope, note = now
        answer = await asyncio.to_thread(self._search, logged.query, scope, data.offset)
        if not answer.hits:  # a page past the end (a tampered button): nothing to export
            await tell(query, self.answered, STALE_BUTTON)
            return
        await ack(query, self.answered, "\n".join(filter(None, [note, "正在生成 Word 文档…"])))
        differs = await asyncio.to_thread(self._export_differs, query.message, logged, data, answer)
        document = await asyncio.to_thread(answer_docx, answer)
        await context.bot.send_document(
            query.message.chat.id,
            document,
            filename=fmt.docx_name(answer),
            caption=fmt.docx_caption(answer, differs=differs),
            message_thread_id=thread_of(query.message),
        )

    async def pin_passage(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """📌 设为标准答案: an admin makes a passage the agreed answer to the logged question."""
        query, data = _callback(update, cb.PinPassage)
        if not self.policy.is_admin(query.from_user.id):
            await tell(query, self.answered, "只有管理员可以设置标准答案。")
            return
        logged = await self._logged(query, data.query_id)
        if logged is None:
            return
        trace = await asyncio.to_thread(self.store.follow_passage, data.passage_id)
        if trace.passage is None:
            await tell(query, self.answered, _not_found(trace))
            return
        if (now := await self._scope_now(query, data.scope)) is None:
            return
        data = replace(data, passage_id=trace.passage.id, scope=now[0])
        async with self.pinning:
            before = await asyncio.to_thread(self.store.pin_of, logged.query)
            pin = await asyncio.to_thread(
                self.store.pin,
                logged.query,
                data.passage_id,
                pinned_by=self._who(query.from_user.id),
                pinner_name=self._name_of(query.from_user),
            )
        if pin is None:  # removed in the instant between
            await tell(query, self.answered, PASSAGE_GONE)
            return
        log.info("pin #%d: question #%d -> passage %d", pin.id, logged.id, data.passage_id)
        # The press is answered before the page is searched again, so that a slow search never outlasts
        # Telegram's limit for answering it. A pinned passage comes first: pressed on a later page, the
        # admin is shown the first page, and told why.
        if before is not None and before.passage_id != pin.passage_id:  # someone else's pin is gone: say so
            await tell(query, self.answered, fmt.pin_replaced(before))
        elif data.offset != 0:
            await ack(query, self.answered, "📌 已设为这个问题的标准答案，现列在第 1 条")
        else:
            await ack(query, self.answered, "📌 已设为这个问题的标准答案")
        # two admins pinning the same question at once: the page shows the pin that stands, said if not this one —
        # the pin read before the page is drawn and again after, the page drawn again if another landed between, so
        # that the page and the note never disagree
        standing = await asyncio.to_thread(self.store.pin_of, logged.query)
        for _ in range(_PIN_REDRAWS):
            answer = await asyncio.to_thread(self._pinned_page, logged.query, data)
            drawn, standing = standing, await asyncio.to_thread(self.store.pin_of, logged.query)
            if drawn == standing:  # no pin landed while the page was drawn
                break
        text, markup = self._page(answer, logged.id, data.scope, True)
        await edit_or_send(query, text, markup)
        if (standing is None or standing.passage_id != pin.passage_id) and query.message is not None:
            await send(query.get_bot(), query.message, html.escape(fmt.pin_overtaken(pin, standing)))
            return
        words = await asyncio.to_thread(self._unshared_words, logged.query, trace.passage)
        if words and query.message is not None:  # likely pressed under the wrong passage: say so, once
            await send(
                query.get_bot(),
                query.message,
                html.escape(pin_unshared_line(trace.passage, words, "可在 /pins 里取消")),
            )

    def _unshared_words(self, question: str, passage: PassageRecord) -> tuple[str, ...]:
        lexicon = bundled_lexicon().with_pairs(self.store.user_synonyms())
        return pin_unshared_words(question, passage, lexicon)

    async def unpin_passage(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """取消标准答案 under the passage pinned (admins, in their private chat): the pin is removed — set by
        mistake, or no longer agreed — and the message shown again in its view without it, the passage
        getting its 📌 button back. Before, a pin could only be replaced from the chat (removed on the server,
        `speechqa unpin`)."""
        query, data = _callback(update, cb.UnpinPassage)
        if not self.policy.is_admin(query.from_user.id):
            await tell(query, self.answered, "只有管理员可以取消标准答案。")
            return
        logged = await self._logged(query, data.query_id)
        if logged is None:
            return
        await self._unpin(query, data.pin_id, "the chat")
        answer = await asyncio.to_thread(self._search, logged.query, data.scope, data.offset)
        text, markup = self._page(answer, logged.id, data.scope, True)
        await edit_or_send(query, text, markup)

    async def remove_speech(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """🗑 删除旧版 under an upload report (a corrected version sent again beside the old one): asked
        first in a new message (确定删除 / 取消), then the speech is removed and the index updated, as
        `speechqa remove` does on the server. Admins only, in their private chat."""
        query, data = _callback(update, cb.RemoveSpeech)
        if not self.policy.is_admin(query.from_user.id):
            await tell(query, self.answered, "只有管理员可以删除讲话。")
            return
        if data.step == cb.RemoveSpeech.CANCEL:
            await ack(query, self.answered)
            await edit_or_send(query, CANCELLED, None)
            return
        speech = await asyncio.to_thread(self.store.speech, data.speech_id)
        if speech is None:
            await tell(query, self.answered, "这篇讲话已不在语料中。")
            return
        pins = await asyncio.to_thread(self._pins_on, speech.id)
        if data.step == cb.RemoveSpeech.ASK:
            await ack(query, self.answered)
            assert query.message is not None
            await send(
                context.bot,
                query.message,
                fmt.removal_question(speech, pins),
                keyboards.removal_keyboard(speech.id),
            )
            return
        await ack(query, self.answered, "正在删除…")
        async with self.writing:
            try:
                removed = await asyncio.to_thread(self.service.remove, speech.id)
            except SpeechIndexError as e:  # another writer (the server's speechqa add), a full disk…
                log.info("removing speech #%d refused: %s", speech.id, e)
                await edit_or_send(query, fmt.render_refusal(str(e)), None)
                return
        if removed is None:  # removed meanwhile (another admin, the server)
            await edit_or_send(query, "这篇讲话已不在语料中。", None)
            return
        log.info("speech #%d removed from the chat by %s", removed.id, self._who(query.from_user.id))
        await edit_or_send(query, fmt.removed_line(removed, pins), None)

    async def keep_both(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """两篇都保留 under an upload report: both versions stay (a draft and its final version kept on purpose),
        recorded as `speechqa keep-both` records it, so that the warning is not said again (`speechqa speeches`,
        `health`); the report's buttons for that pair go. Admins only."""
        query, data = _callback(update, cb.KeepBoth)
        if not self.policy.is_admin(query.from_user.id):
            await tell(query, self.answered, "只有管理员可以处理内容相近的讲话。")
            return
        try:
            kept = await asyncio.to_thread(self.store.keep_both, data.speech_id, data.other_id)
        except SpeechIndexError as e:  # a read-only data home, a full disk…
            log.info("keeping #%d and #%d refused: %s", data.speech_id, data.other_id, e)
            await tell(query, self.answered, str(e))
            return
        if kept is None:  # one of them was removed meanwhile (🗑 删除旧版, the server)
            await tell(query, self.answered, "这两篇讲话已不都在语料中，不用再处理。")
        else:
            log.info(
                "near copies #%d and #%d kept by %s",
                kept.speech_id,
                kept.other_id,
                self._who(query.from_user.id),
            )
            await tell(
                query,
                self.answered,
                f"已记下：#{kept.speech_id} 与 #{kept.other_id} 两篇都保留，不再提示内容相近。",
            )
        if query.message is not None and isinstance(query.message, Message):
            with suppress(BadRequest):  # the report deleted, or its buttons gone already
                await query.edit_message_reply_markup(
                    keyboards.without_pair(query.message.reply_markup, data)
                )

    def _pins_on(self, speech_id: int) -> int:
        """How many usable pins point at a passage of the speech."""
        return len(self.store.pins_on(speech_id))

    def _pinned_page(self, question: str, pressed: cb.PinPassage) -> Answer:
        """The message a 📌 button was under, shown again in its view (the answer as first given, without
        its filter, or within one speech) after the pin: the page that holds the pinned passage — the
        first, where a pinned passage comes, when it was pressed on a later one."""
        answer = self._search(question, pressed.scope, pressed.offset)
        if pressed.offset == 0 or any(h.passage.id == pressed.passage_id for h in answer.hits):
            return answer
        first = self._search(question, pressed.scope, 0)
        return first if any(h.passage.id == pressed.passage_id for h in first.hits) else answer

    async def show_context(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """上下文: the paragraphs before and after a passage, as a new message."""
        query, data = _callback(update, cb.ShowContext)
        if query.message is None:  # an inline message: no chat to send the context to
            await tell(query, self.answered, STALE_BUTTON)
            return
        view = await self._context_view(query, data.passage_id)
        if view is not None:
            await send(context.bot, query.message, *view)

    async def move_context(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """前文 / 后文 under a context message: move the window, editing the message."""
        query, data = _callback(update, cb.MoveContext)
        view = await self._context_view(query, data.passage_id)
        if view is not None:
            await edit_or_send(query, *view)

    async def _context_view(
        self, query: CallbackQuery, passage_id: int
    ) -> tuple[str, InlineKeyboardMarkup | None] | None:
        """The context message around a passage (the button answered), or None after telling the user
        the passage is gone."""
        trace, view = await asyncio.to_thread(self._followed_context, passage_id)
        if view is None:
            await tell(query, self.answered, _not_found(trace))
            return None
        await ack(query, self.answered, _moved_note(trace))
        return view

    async def show_source(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """出处, or a speech's button on a page of the list: the speech's details, as a new message."""
        query, data = _callback(update, cb.ShowSource, cb.ListedSpeech)
        if query.message is None:  # an inline message: no chat to send the details to
            await tell(query, self.answered, STALE_BUTTON)
            return
        speech, note = await asyncio.to_thread(self._speech_now, data.speech_id)
        if speech is None:
            await tell(query, self.answered, SPEECH_GONE)
            return
        await ack(query, self.answered, note)
        admin = self._may_pin(query.from_user.id, _chat(query))
        text, markup = await asyncio.to_thread(self._speech_details, speech.id, admin)
        # the card is another speech's than the answer cited: said on it, not only in a toast
        if note is not None:
            text = f"ℹ️ {fmt.escape(note)}\n{text}"
        await send(context.bot, query.message, text, markup)

    async def read_speech(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """阅读全文 and its pages, editing the message in place."""
        query, data = _callback(update, cb.ReadSpeech)
        speech, note = await asyncio.to_thread(self._speech_now, data.speech_id)
        view = None if speech is None else await asyncio.to_thread(self._reading_page, speech.id, data.start)
        if view is None:
            await tell(query, self.answered, SPEECH_GONE)
            return
        await ack(query, self.answered, note)
        if query.message is not None:
            await self._shown(query.message, view[1])
        await edit_or_send(query, *view)

    async def list_page(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query, data = _callback(update, cb.ListSpeeches)
        await ack(query, self.answered)
        admin = self._may_pin(query.from_user.id, query.message.chat if query.message else None)
        text, markup = await asyncio.to_thread(self._speech_list, data.page, admin)
        if query.message is not None:
            await self._shown(query.message, markup)
        await edit_or_send(query, text, markup)

    async def feedback(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """👍 / 👎: only the asker votes on their question (a group's other members see the buttons too)."""
        query, data = _callback(update, cb.Feedback)
        chat_key = self._chat_key(_chat(query))
        logged = await asyncio.to_thread(self.store.query_by_id, data.query_id)
        if logged is None or not self._asked_here(logged, _chat(query)):
            await tell(query, self.answered, NO_RECORD)
            return
        voter = self._who(query.from_user.id)
        # a question sent on behalf of a chat (an anonymous admin, a channel) has no known asker: anyone votes
        if logged.user_id != voter and not _on_behalf_of_a_chat(logged):
            await tell(query, self.answered, "只有提问的人可以评价这个回答。")
            return
        await asyncio.to_thread(
            self.store.record_feedback,
            query_id=data.query_id,
            value=data.value,
            user_id=voter,
            chat_id=chat_key,
        )
        await ack(query, self.answered, "感谢反馈！👍" if data.value > 0 else "感谢反馈，我们会改进。")

    async def reaction(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A 👍 or 👎 reaction (or another of the same sense: ❤️, 👏 / 💩…) put on an answer by its asker is their
        vote, as the 👍 有帮助 / 👎 没帮助 buttons record it: people used to Telegram react rather than press, and
        their reactions went unrecorded. Other reactions, someone else's, a reaction taken back, or one on a
        message that is no answer the bot remembers (`KeptReplies`, also across a restart) change nothing."""
        reacted = update.message_reaction
        assert reacted is not None
        value = _reaction_vote(reacted.new_reaction)
        if value is None:
            return
        for chat in self._chat_keys(reacted.chat):  # a group Telegram moved: its messages came along
            if (
                query_id := await self.kept.answered_by(context.bot.id, chat, reacted.message_id)
            ) is not None:
                break
        else:
            return
        logged = await asyncio.to_thread(self.store.query_by_id, query_id)
        if logged is None or not self._asked_here(logged, reacted.chat):
            return
        sender = (
            reacted.user.id
            if reacted.user is not None
            else reacted.actor_chat.id
            if reacted.actor_chat
            else None
        )
        if sender is None or (logged.user_id != self._who(sender) and not _on_behalf_of_a_chat(logged)):
            return
        await asyncio.to_thread(
            self.store.record_feedback,
            query_id=query_id,
            value=value,
            user_id=self._who(sender),
            chat_id=self._chat_key(reacted.chat),
        )
        log.info("question #%d rated %+d by a reaction", query_id, value)

    async def ask_example(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """An example question under /start: asked as if typed."""
        query, data = _callback(update, cb.AskExample)
        # no message to answer under (a tampered client pressing it from an inline message): say so
        if data.index >= len(self.examples) or query.message is None:
            await tell(query, self.answered, STALE_BUTTON)
            return
        await ack(query, self.answered)
        await self._answer(update, self.examples[data.index])

    async def ask_pinned(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """📌 看标准答案 under an answer: the standard question it offered, asked as if typed (so its agreed
        answer comes first)."""
        query, data = _callback(update, cb.AskPinned)
        if (
            query.message is None
        ):  # a tampered client pressing it from an inline message: no chat to answer in
            await tell(query, self.answered, STALE_BUTTON)
            return
        states = await asyncio.to_thread(self.store.pins)
        state = next((s for s in states if s.pin.id == data.pin_id and s.usable), None)
        if state is None:
            await tell(query, self.answered, PIN_GONE)
            return
        await ack(query, self.answered)
        if not await self._admitted(update):  # a press refused by the rate limit took nothing
            return
        logged = await asyncio.to_thread(self.store.query_by_id, data.query_id) if data.query_id else None
        if (
            logged is not None
            and self._asked_here(logged, _chat(query))
            and logged.query != state.pin.question
        ):
            await asyncio.to_thread(self.store.take_offer, state.pin.id, logged.query, logged.id)
        await self._answer(update, state.pin.question, admitted=True)

    async def inline_query(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """「@bot 问题」 typed in any chat (inline mode, when enabled with @BotFather): the answers and their
        buttons need a chat, so instead of a spinner that never stops the user gets a button that opens
        the private chat (/start)."""
        query = update.inline_query
        assert query is not None
        button = InlineQueryResultsButton(text=INLINE_HINT, start_parameter="inline")
        await query.answer([], cache_time=300, button=button)

    async def stale_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.callback_query is not None
        await tell(update.callback_query, self.answered, STALE_BUTTON)

    # -- groups -------------------------------------------------------------------------------------
    async def membership(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The bot was added to a group: say how to use it there, or, in a group not enabled, post its
        id and how an admin enables it."""
        change = update.my_chat_member
        assert change is not None
        if _left(change):  # blocked by the user, or removed from the group: said once, here
            log.info(
                "the bot was blocked or removed in chat %s (%s)",
                change.chat.id,
                change.new_chat_member.status,
            )
            self._remember_gone(change.chat.id)
            return
        if _joined(change):
            self.gone.pop(change.chat.id, None)
        # not in a private chat, and never in a channel: every subscriber would read it
        if change.chat.type not in (ChatType.GROUP, ChatType.SUPERGROUP) or not _joined(change):
            return
        if change.chat.type == ChatType.SUPERGROUP and await self._just_upgraded(change.chat.id):
            log.info(
                "in supergroup %s because Telegram upgraded a group the bot was in: nothing posted",
                change.chat.id,
            )
            return
        enabled = self.policy.allows(None, change.chat.id, group=True)
        log.info(
            "added to %s %s (%s)", change.chat.type, change.chat.id, "enabled" if enabled else "not enabled"
        )
        await context.bot.send_message(change.chat.id, welcome_group_text(change.chat.id, enabled))

    async def chat_migrated(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Telegram upgraded a group to a supergroup under a new id: the group stays what it was
        (enabled or not), and the buttons under earlier answers keep working. Remembered in the store."""
        message = _message(update)
        if message.migrate_to_chat_id is not None:
            old, new = message.chat.id, message.migrate_to_chat_id
        elif message.migrate_from_chat_id is not None:
            old, new = message.migrate_from_chat_id, message.chat.id
        else:  # pragma: no cover - the handler's filter lets only these through
            return
        remember(self.upgraded, new, self.clock(), REMEMBERED_REPLIES)
        if not self.policy.moves.follow(old, new):
            return
        log.info("group %s is now supergroup %s", old, new)
        try:
            await asyncio.to_thread(self.store.record_chat_migration, old, new)
        except Exception as e:  # e.g. a read-only data home: the move holds until a restart
            log.warning("could not store that group %s is now %s: %s", old, new, e)

    async def _just_upgraded(self, chat_id: int) -> bool:
        """Whether the supergroup is a group the bot was in that Telegram has just upgraded. Telegram then
        also reports the bot as having joined the supergroup (a `my_chat_member` update), beside the two
        service messages announcing the move, in an order it does not promise: the move is waited for a
        moment (`UPGRADE_GRACE`) before the join is taken for the bot's being added to a new group."""
        waited = 0.0
        while True:
            moved_at = self.upgraded.get(chat_id)
            if moved_at is not None and self.clock() - moved_at < UPGRADE_WINDOW:
                return True
            if waited >= UPGRADE_GRACE:
                return False
            await asyncio.sleep(UPGRADE_GRACE / 10)
            waited += UPGRADE_GRACE / 10

    # -- errors -------------------------------------------------------------------------------------
    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log the error; tell the user its message (domain errors) or apologise, never a traceback.
        A button press Telegram no longer takes an answer for is no error of the user's: log it only."""
        error = context.error
        chat = update.effective_chat.id if isinstance(update, Update) and update.effective_chat else None
        if error is not None and is_expired_query(error):
            log.info("a late button press: %s", error)
            return
        if error is not None and is_token_refused(error):  # 401, revoked in @BotFather: nothing can be sent
            log.warning(
                "Telegram refuses the bot's token (revoked in @BotFather?): no reply sent to chat %s", chat
            )
            return
        if isinstance(error, Conflict) and update is None:  # polling: Telegram ended this bot's long poll
            log.warning(
                "another process is receiving this bot's updates (the same token on another machine or data "
                "home): Telegram gives each update to one of them, answers are late; stop the other one"
            )
            return
        # blocked, removed, the chat gone altogether (400 "chat not found"), or the group moved: no one to tell
        if isinstance(error, (Forbidden, ChatMigrated)) or (error is not None and is_chat_gone(error)):
            if chat is not None and chat in self.gone:  # said already, when Telegram told the bot
                log.debug("could not reply in chat %s: %s", chat, error)
            else:
                log.info("could not reply in chat %s: %s", chat, error)
                if chat is not None and not isinstance(error, ChatMigrated):
                    self._remember_gone(chat)
            return
        if error is not None and may_not_post(error):  # muted in the group, the topic closed or deleted
            log.warning("may not post in chat %s, the reply was not sent: %s", chat, error)
            return
        if isinstance(error, RetryAfter):  # flood control outlasted the limiter's patience: an apology
            wait = error.retry_after  # would meet the same wait
            seconds = wait.total_seconds() if isinstance(wait, dt.timedelta) else wait
            log.warning("Telegram still asks to wait %.0f s: no reply sent to chat %s", seconds, chat)
            return
        if error is not None and is_network_failure(error) and update is None:  # polling: PTB tries again
            log.warning(
                "could not reach Telegram to fetch new messages (trying again): %s", shortened(str(error))
            )
            return
        if (
            update is None and error is not None and (status := status_of(error)) is not None
        ):  # polling: again
            log.warning(
                "Telegram refused fetching new messages with HTTP %d (trying again): %s",
                status,
                shortened(str(error)),
            )
            return
        if error is not None and is_network_failure(error):  # tried again already: a line, no traceback
            log.warning("could not reach Telegram while replying in chat %s: %s", chat, shortened(str(error)))
            reply = LOST_ON_THE_WAY
        elif error is not None and is_too_large(error):  # a limit of the server's: a line, no traceback
            log.warning("Telegram refused a reply in chat %s for its size: %s", chat, shortened(str(error)))
            reply = TOO_LARGE_TO_SEND
        elif isinstance(error, USER_ERRORS):
            cause = error.__cause__  # e.g. a PDF library's own (English) words: for the log only
            log.info("user error: %s%s", error, f" ({type(cause).__name__}: {cause})" if cause else "")
            reply = fmt.render_refusal(str(error))
        else:
            log.error("error while handling an update", exc_info=error)
            reply = APOLOGY
        if not isinstance(update, Update):
            return
        query = update.callback_query
        if query is not None and query.id not in self.answered:
            self.answered.add(query.id)
            with suppress(TelegramError):
                await query.answer()
        if update.edited_message is not None and update.effective_chat is not None:
            try:  # the reply to the message before its edit is replaced, not left answering it
                await self._reply(update, reply)
            except TelegramError as e:
                log.warning("could not tell chat %s about the error: %s", update.effective_chat.id, e)
        elif update.effective_chat is not None:
            try:
                await context.bot.send_message(
                    update.effective_chat.id, reply, message_thread_id=thread_of(update.effective_message)
                )
            except TelegramError as e:
                log.warning("could not tell chat %s about the error: %s", update.effective_chat.id, e)

    # -- shared views -------------------------------------------------------------------------------
    def _speech_list(self, page: int, admin: bool = False) -> tuple[str, InlineKeyboardMarkup | None]:
        """A page of the list; a speech kept beside another version of itself with the ⚠ line and where the two
        differ, as `speechqa speeches` says them (for an `admin`, with 🗑 删除旧版 and 两篇都保留 under it)."""
        speeches = self.store.speeches()
        pages = max(1, math.ceil(len(speeches) / SPEECHES_PER_PAGE))
        asked, page = page, min(max(page, 0), pages - 1)
        shown = speeches[page * SPEECHES_PER_PAGE : (page + 1) * SPEECHES_PER_PAGE]
        listed = {s.id for s in shown}
        near = {n.speech_id: n for n in self.store.near_copies() if n.speech_id in listed}
        differ = {
            n.speech_id: where
            for n in near.values()
            if (where := where_they_differ(self.store, n.speech_id, n.other_id)) is not None
        }
        text = fmt.render_speech_list(
            shown,
            page,
            pages,
            len(speeches),
            past_the_end=asked > page,
            near=near,
            differ=differ,
            admin=admin,
        )
        if not shown:
            return text, None
        titles = {s.id: s.title for s in speeches}
        pairs = list(near.values()) if admin else []
        return text, keyboards.speech_list_keyboard(shown, page, pages, pairs, titles)

    def _past_end(self, page: cb.ListSpeeches | cb.ReadSpeech) -> bool:
        """Whether the page after a message's is past the end now (speeches removed since it was shown):
        a typed 「下一页」 then says the end is reached, not the last page again or an empty one."""
        if isinstance(page, cb.ListSpeeches):
            return page.page > 0 and page.page * SPEECHES_PER_PAGE >= len(self.store.speeches())
        if self.store.speech(page.speech_id) is None:
            return False  # gone: said as such by the reading page
        return page.start > 0 and page.start >= len(self.store.passages(page.speech_id))

    def _reading_page(self, speech_id: int, start: int) -> tuple[str, InlineKeyboardMarkup | None] | None:
        """A page of a speech's full text (None: the speech is gone)."""
        speech = self.store.speech(speech_id)
        if speech is None:
            return None
        page = self.store.passages(speech_id)[start : start + READING_PAGE]
        return fmt.render_speech_page(speech, page, start), keyboards.reading_keyboard(
            speech, start, READING_PAGE
        )

    def _typed_speech(
        self, speech_id: int, admin: bool = False
    ) -> tuple[str, InlineKeyboardMarkup | None] | None:
        """The details of the speech a message holding only its number names; None when no speech has
        that number (the message is then searched as it is: 「2024」 may mean the year)."""
        if self.store.speech(speech_id) is None:
            return None
        return self._speech_details(speech_id, admin)

    def _speech_details(self, speech_id: int, admin: bool = False) -> tuple[str, InlineKeyboardMarkup | None]:
        """A speech's card; `admin` (in their private chat): with 🗑 删除这篇, which asks first, as 删除旧版 does
        — an office given the bundled speeches, or a speech sent by mistake, had to use the server."""
        speech = self.store.speech(speech_id)
        if speech is None:
            return fmt.escape(missing_speech(self.store, speech_id, "/speeches 可列出全部")), None
        sections = fmt.outline(self.store.passages(speech_id))
        return fmt.render_speech(speech, sections), keyboards.speech_keyboard(speech, removable=admin)


async def _status_again(status: Message, text: str) -> Message:
    """Show `text` on an upload's status message after a restart; when it can no longer be edited (the admin
    deleted it, or it is over 48 hours old), in a new message: the message to edit from then on."""
    try:
        await status.edit_text(text)
        return status
    except BadRequest as e:
        if "not modified" in str(e).lower():
            return status
        if not re.search(r"not found|can't be edited", str(e), re.I):
            raise
    return await status.get_bot().send_message(status.chat.id, text)


def _message(update: Update) -> Message:
    message = update.effective_message
    assert message is not None
    return message


def _asker(update: Update) -> int:
    """Who asks: the user (in a group, the member; for a button, who pressed it), else the chat. A message
    sent on behalf of a chat — by an anonymous group admin, or by someone posting as their channel — is
    that chat's: Telegram names one shared account (GroupAnonymousBot, Channel_Bot) as the sender of all
    of them, in every group, and it is nobody's user id."""
    message = update.message or update.edited_message
    if message is not None and message.sender_chat is not None:
        return message.sender_chat.id
    user = update.effective_user
    return user.id if user else _message(update).chat.id


# Reactions that say what 👍 有帮助 / 👎 没帮助 say (Telegram's standard set; a custom or paid one says neither)
HELPFUL_REACTIONS = frozenset({"👍", "👌", "❤", "❤️", "🔥", "👏", "🙏", "💯", "🥰", "😍", "🤝", "🏆", "⚡"})
UNHELPFUL_REACTIONS = frozenset({"👎", "💩", "🤮", "😡", "🤬", "🥱"})


def _reaction_vote(reactions: Sequence[ReactionType]) -> int | None:
    """1 or -1 when the reactions now on a message say 👍 or 👎 (and not both); None otherwise."""
    emoji = {r.emoji for r in reactions if isinstance(r, ReactionTypeEmoji)}
    helpful, unhelpful = bool(emoji & HELPFUL_REACTIONS), bool(emoji & UNHELPFUL_REACTIONS)
    return None if helpful == unhelpful else 1 if helpful else -1


def _on_behalf_of_a_chat(logged: LoggedQuery) -> bool:
    """Whether a logged question was sent on behalf of a chat (see `_asker`), not by a known person."""
    return logged.user_id is not None and logged.user_id.startswith("-")


def _sent_question(update: Update, question: str) -> tuple[int, int | None, int, str] | None:
    """Who sent which question where, for telling a question sent again (see `Handlers._answer`); None
    for an edit (a new text for a message answered before) or a button."""
    if update.message is None:
        return None
    return (*_place(update.message), _asker(update), " ".join(question.split()))


def _press(query: CallbackQuery) -> tuple[str, int, int, str]:
    """Which button, on which message, who pressed (see `Handlers.once_per_press`)."""
    if query.message is None:  # a button on an inline message
        return (query.inline_message_id or "", 0, query.from_user.id, query.data or "")
    return (str(query.message.chat.id), query.message.message_id, query.from_user.id, query.data or "")


def _replied_question(message: Message, bot: Bot) -> str:
    return said.replied_question(message, bot.id, bot.username)


def _place(message: MaybeInaccessibleMessage) -> tuple[int, int | None]:
    """A chat and its forum topic: where a conversation goes on."""
    return message.chat.id, thread_of(message)


def _shown_passages(message: MaybeInaccessibleMessage) -> list[int]:
    """The passages an answer's message shows, as its 上下文 buttons name them; none when the press came without
    the message's buttons (Telegram leaves them out for an older message) or it has none."""
    markup = message.reply_markup if isinstance(message, Message) else None
    return [
        data.passage_id
        for row in (markup.inline_keyboard if markup else ())
        for button in row
        if isinstance(
            data := cb.decode(button.callback_data if isinstance(button.callback_data, str) else None),
            cb.ShowContext,
        )
    ]


def _moved_note(trace: PassageTrace) -> str | None:
    """What a button says of a passage found under another id: its speech added again, or deleted and the text
    found in another version of it; nothing when it is where it was."""
    if trace.state != "moved" or trace.passage is None:
        return None
    if trace.in_version:
        return PASSAGE_IN_OTHER_VERSION.format(old=trace.speech_id, new=trace.passage.speech_id)
    return PASSAGE_MOVED


def _not_found(trace: PassageTrace) -> str:
    """What a button or a 「第N条」 says when no passage holds its passage's text now."""
    if trace.state == "changed":
        return PASSAGE_CHANGED
    if trace.speech is not None:
        return PASSAGE_NOT_IN_VERSION.format(old=trace.speech_id, new=trace.speech.id)
    return PASSAGE_GONE


def _bots_message_replied_to(message: Message, bot: Bot) -> Message | None:
    """The message of the bot's that a message replies to, if it does."""
    replied = message.reply_to_message
    if replied is None or replied.from_user is None or replied.from_user.id != bot.id:
        return None
    return replied


def _asks_for_help(text: str) -> bool:
    """Whether a whole message asks how to use the bot (「帮助」, 「使用说明」, 「使用說明」, "help"), not the corpus."""
    words = re.sub(r"[\W_]+", "", to_simplified(unicodedata.normalize("NFKC", text))).lower()
    return words in HELP_WORDS


C = TypeVar("C", bound=cb.Callback)
HandlerCallback = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


def _callback(update: Update, *kinds: type[C]) -> tuple[CallbackQuery, C]:
    """The pressed button and its decoded data (the handler's patterns, cb.pattern, let only `kinds` through)."""
    query = update.callback_query
    assert query is not None
    data = cb.decode(query.data)
    assert isinstance(data, kinds)
    return query, data


def _chat(query: CallbackQuery) -> Chat | None:
    return query.message.chat if query.message is not None else None


def _left(change: ChatMemberUpdated) -> bool:
    """Whether a membership change took the bot out of the chat (blocked in private, removed from a group)."""
    return change.new_chat_member.status in {ChatMemberStatus.BANNED, ChatMemberStatus.LEFT}


def _joined(change: ChatMemberUpdated) -> bool:
    """Whether a membership change put the bot into the chat (it was not in it before)."""
    inside = {ChatMemberStatus.MEMBER, ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.RESTRICTED}
    return change.new_chat_member.status in inside and change.old_chat_member.status not in inside
