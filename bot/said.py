"""What a person's message says: its text, or the caption of a photo, video or file (Telegram keeps a
media message's words there, with entities of their own), the /command it starts with, and the
question that follows.

Pure functions of PTB's `Message`: the handlers and the access filters read messages only through them,
so a question typed as a caption is read the same way as one typed as text.
"""

from __future__ import annotations

import mimetypes
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from telegram import (
    Document,
    Message,
    MessageEntity,
    MessageOriginChannel,
    MessageOriginChat,
    MessageOriginHiddenUser,
    MessageOriginUser,
    User,
)

from corpus import (
    SUPPORTED_SUFFIXES,
    mended_name,
    numeral_value,
    opens_as_folder,
    suffix_by_content,
    typed_id,
    written_as_digits,
)
from index import BEIJING, FileOutcome
from retrieval import INTERROGATIVE, pasted_link
from retrieval import asks_for_more as asks_for_more  # 「还有吗」: shared with the CLI's interactive mode
from retrieval import asks_for_previous as asks_for_previous  # 「上一页」: likewise

from .commands import COMMAND_NAMES

# A document may come without a file name (Telegram's file_name is optional): its type tells how to read it
UNNAMED_SUFFIXES = {
    "text/plain": ".txt",
    "text/markdown": ".md",  # a knowledge base's article exported as Markdown
    "application/pdf": ".pdf",
    "application/ofd": ".ofd",  # GB/T 33190: what OFD readers and OA systems send it as
    "application/msword": ".doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.oasis.opendocument.text-flat-xml": ".fodt",  # LibreOffice's flat XML text
    "application/rtf": ".rtf",
    "text/rtf": ".rtf",
    "application/vnd.ms-works": ".wps",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/tiff": ".tif",
    "image/webp": ".webp",  # a picture saved from WeChat or a browser
    "image/avif": ".avif",  # a picture saved from a browser or an Android gallery
    "image/bmp": ".bmp",  # a page a 高拍仪 or a scanner's software saved
    "image/jp2": ".jp2",  # a page kept by archive digitising or a document scanner (JPEG 2000)
    "image/gif": ".gif",  # a notice's page picture saved from a county site (sent as a file, not a GIF)
    "image/heic": ".heic",
    "text/html": ".html",
    "text/csv": ".csv",
    "message/rfc822": ".eml",  # a mail saved whole
    "application/mbox": ".mbox",  # a mail folder (read mail by mail)
    "application/zip": ".zip",  # attachments sent as one file (read as a folder)
    "application/x-zip-compressed": ".zip",  # what Windows calls a zip
    "application/vnd.ms-excel": ".xls",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/vnd.oasis.opendocument.spreadsheet": ".ods",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": ".pptx",
    "application/vnd.oasis.opendocument.presentation": ".odp",
    "application/epub+zip": ".epub",
}
# What a file name's extension looks like (「.docx」, 「.mp4」): a name with none — 「通知」, or 「关于2026.9.1会议的通知」, whose
# last dot starts no extension — is named by its type as well, when Telegram gives one the bot reads
_EXTENSION = re.compile(r"\.(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{1,5}")


_NAME_CHARS = "A-Za-z0-9_Ａ-Ｚａ-ｚ０-９＿"
# A command typed with a full-width slash: a name starting with a letter, an optional @bot, then the end,
# a space, punctuation or Chinese (「／ask老年大学」): never the middle of a longer name
_WIDE_COMMAND = re.compile(
    rf"／([A-Za-zＡ-Ｚａ-ｚ][{_NAME_CHARS}]{{0,31}})(?:[@＠]([{_NAME_CHARS}]{{3,64}}))?(?![{_NAME_CHARS}@＠])"
)
# What may stand between a command and its words besides spaces: 「/ask，问题」, 「/speech：2」
_AFTER_COMMAND = " \t\n\u3000,，:：;；、"
# Characters that show nothing: Unicode's Default_Ignorable_Code_Point (zero-width spaces and joiners,
# variation selectors, the Hangul fillers) and the blank Braille pattern. Telegram trims spaces, so a
# message that "says nothing" is sent as one of these (the Hangul filler U+3164 is the usual trick): no question
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)


@dataclass(frozen=True)
class LeadingCommand:
    """The /command a message starts with: `name` and `target` (the bot named after "@", "" for none)
    in lower case, and `text` as typed ("/Ask@SpeechQA_bot")."""

    name: str
    target: str
    text: str

    def names(self, username: str) -> bool:
        """Whether the command is addressed to the bot called `username` by name."""
        return self.target == username.lower()


def words(message: Message) -> str:
    """The message's text, or its caption (a photo, video or file sent with words)."""
    return message.text or message.caption or ""


def _entities(message: Message, kinds: list[str]) -> dict[MessageEntity, str]:
    if message.text:
        return message.parse_entities(kinds)
    return message.parse_caption_entities(kinds)


def leading_command(message: Message) -> LeadingCommand | None:
    """The /command (or /command@bot) at the very start of the text or caption, if any: marked by
    Telegram, or typed with a Chinese keyboard's full-width slash (「／ask 问题」, 「／ｓｐｅｅｃｈ　２」),
    which Telegram does not mark as a command: then only one of the bot's own (`COMMAND_NAMES`)."""
    for entity, text in _entities(message, [MessageEntity.BOT_COMMAND]).items():
        if entity.offset == 0:
            name, _, target = text[1:].partition("@")
            return LeadingCommand(name.lower(), target.lower(), text)
    typed = _WIDE_COMMAND.match(words(message))
    if typed is None:
        return None
    name, target = (unicodedata.normalize("NFKC", part or "").lower() for part in typed.group(1, 2))
    if name not in COMMAND_NAMES:
        return None
    return LeadingCommand(name, target, typed.group())


def mentions(message: Message) -> list[str]:
    """The @usernames mentioned in the text or caption, as written."""
    return list(_entities(message, [MessageEntity.MENTION]).values())


def after_command(message: Message) -> str:
    """The words after a leading /command (all the words when there is none), without the comma or
    colon a Chinese keyboard puts after it (「/ask，问题」)."""
    text = words(message)
    command = leading_command(message)
    if command is None:
        return text.strip()
    return text[len(command.text) :].strip().lstrip(_AFTER_COMMAND).strip()


def without_mention(text: str, username: str) -> str:
    """`text` without the bot's @username (a mention that addresses the bot is no part of the question),
    also written with a full-width ＠ or run into the question (「@bot老年大学…」)."""
    mention = rf"[@＠]{re.escape(username)}(?![A-Za-z0-9_])"
    return re.sub(mention, " ", text, flags=re.IGNORECASE).strip()


def question(message: Message, username: str) -> str:
    """The question a message asks: its words (after a leading /command), without the @names it is
    addressed to — the bot's, also typed with a full-width ＠ (`without_mention`), and other people's
    (「@speechqa_bot 帮 @zhang_wei 查一下…」): who is spoken to is no part of what is asked. Nor are the
    web addresses pasted with it (「https://mp.weixin.qq.com/s/… 这篇说的老年大学，讲话里怎么说？」): their
    letters are no words of the speeches, and searched they made a question the speeches answer look
    unanswered. A message that is only links or file paths keeps them: it asks for a document, and is
    answered so (`retrieval.pasted_link`)."""
    command = leading_command(message)

    def asked(text: str) -> str:
        if command is not None:
            text = text[len(command.text) :].strip().lstrip(_AFTER_COMMAND)
        return visible(without_mention(text, username))

    inside = commands_to_bot_inside(message, username)
    linked = asked(_blanked(message, [MessageEntity.MENTION, MessageEntity.TEXT_MENTION], inside))
    if pasted_link(linked):
        # only a link or a file path, and no question with it: the search says what the user can do instead
        return linked
    kinds = [MessageEntity.MENTION, MessageEntity.TEXT_MENTION, MessageEntity.URL]
    return asked(_blanked(message, kinds, inside))


def commands_to_bot_inside(message: Message, username: str, *, named: bool = False) -> list[MessageEntity]:
    """The /commands Telegram marked inside the words, after their start, that speak to this bot: `/ask`
    and any `/command@this_bot` (only these with `named`): 「请问 /ask@speechqa_bot 离休干部体检规定是什么」,
    「离休干部 /ask 体检规定」. They say who is asked, as a mention does: no words of the question (「/ask」
    searched made a question the speeches answer 「可能相关」), and in a group the one naming this bot
    addresses it (it went unanswered)."""
    found = []
    for entity, text in _entities(message, [MessageEntity.BOT_COMMAND]).items():
        name, _, target = text[1:].partition("@")
        to_bot = target.lower() == username.lower() or (not named and not target and name.lower() == "ask")
        if entity.offset > 0 and to_bot:
            found.append(entity)
    return found


def visible(text: str) -> str:
    """`text`, or "" when nothing in it shows (spaces, zero-width and blank-looking characters only)."""
    shown = _INVISIBLE.sub("", text)
    return text if any(not ch.isspace() and unicodedata.category(ch)[0] != "C" for ch in shown) else ""


def _blanked(message: Message, kinds: list[str], also: list[MessageEntity] = []) -> str:  # noqa: B006
    """The message's words with the entities of these kinds (and `also`) blanked out where they stand (a
    colleague's name picked from the member list may also be written elsewhere in the question, as a word
    of it)."""
    encoded = bytearray(words(message).encode("utf-16-le"))  # entity offsets count UTF-16 code units
    for entity in [*_entities(message, kinds), *also]:
        encoded[entity.offset * 2 : (entity.offset + entity.length) * 2] = (
            " ".encode("utf-16-le") * entity.length
        )
    return encoded.decode("utf-16-le")


def replied_question(message: Message, bot_id: int, username: str) -> str:
    """The question a bare /ask or @bot asks for someone else: the words of the message it replies to (a
    colleague's question in a group, typed or as a photo's caption) — or only the part of them the user
    quoted in the reply (Telegram's reply with a quote: 「大家好…另外想问：老年大学要怎么办？…」 with
    「老年大学要怎么办？」 selected), also of a message from another chat. Not the bot's own messages, and
    not a forum topic's opening service message, which every message in a topic replies to."""
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot_id:
        return ""
    if message.quote is not None and message.quote.text.strip():
        return visible(without_mention(message.quote.text, username))
    if replied is None:
        return ""
    return question(replied, username)


def mentions_only_others(message: Message, username: str) -> bool:
    """Whether the message speaks to colleagues, not to the bot called `username`: it mentions people (by
    @username, or by name for those without one), not the bot (nor with a full-width ＠), and asks
    nothing (no question mark, no question word) — 「@bob 你看这条」 in reply to the bot's answer. A
    question that names a colleague (「帮 @bob 查一下：老年大学要怎么办？」) is still for the bot."""
    kinds = [MessageEntity.MENTION, MessageEntity.TEXT_MENTION]
    found = _entities(message, kinds)
    if not any(entity.type == MessageEntity.MENTION or not _is_bot(entity) for entity in found):
        return False
    text = words(message)
    bot = "@" + username.lower()
    if any(entity.type == MessageEntity.MENTION and name.lower() == bot for entity, name in found.items()):
        return False
    if without_mention(text, username) != text.strip():  # the bot named with a full-width ＠
        return False
    return not asks(_blanked(message, kinds))


def asks_under_file(message: Message, username: str) -> bool:
    """Whether the words under a file ask something: an explicit `/ask` (to this bot, or to none named) followed
    by words asks whatever they are (「/ask 离休干部体检规定」: keywords, as a typed /ask takes them); other words
    only when they ask (`asks`: 「请收录」 under a file asks nothing, 「这个通知里体检怎么安排」 does)."""
    asked = question(message, username)
    if not asked:
        return False
    command = leading_command(message)
    if command is not None and command.name == "ask" and command.target in ("", username.lower()):
        return True
    return asks(asked)


def asks(text: str) -> bool:
    """Whether words ask something: a question mark, or a question word — 吧 and 呢 end chatter as often as
    questions (「你看这条吧」). 「请收录」 or 「新讲话」 under a file asks nothing; 「这个通知里体检怎么安排」 does."""
    return "?" in text or "？" in text or any(m.group() not in "吧呢" for m in INTERROGATIVE.finditer(text))


def _is_bot(entity: MessageEntity) -> bool:
    return entity.user is not None and entity.user.is_bot


def forwarded_from(message: Message, user_id: int) -> bool:
    """Whether the message is a forward of one sent by `user_id` (e.g. the bot's own answer, or a Word
    file it exported, sent back to it)."""
    origin = message.forward_origin
    return isinstance(origin, MessageOriginUser) and origin.sender_user.id == user_id


# A forwarded text of at least this many characters (white space aside), with no question mark and a last
# sentence that asks nothing, is a notice passed on — a channel's post, a circular a colleague sent round — and
# not a question. None of the 3,737 evaluation questions is that long and reads so (docs/trial39.md, item 3).
NOTICE_CHARS = 50
_SENTENCE_ENDS = re.compile(r"[。！？!?；;\n]+")
_NOT_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def forwarded_notice(message: Message) -> bool:
    """Whether a message is a notice forwarded to the bot (from a channel, a group or a person) rather than a
    question forwarded to it (「老年大学报名要带什么材料？」, answered as one)."""
    return message.forward_origin is not None and reads_as_notice(words(message))


def reads_as_notice(text: str) -> bool:
    """Whether a text passed on reads as a notice, not as a question: `NOTICE_CHARS` characters or more, no
    question mark, and a last sentence that asks nothing (`asks`)."""
    if len("".join(text.split())) < NOTICE_CHARS or "?" in text or "？" in text:
        return False
    sentences = [part for part in _SENTENCE_ENDS.split(text) if part.strip()]
    return not asks(sentences[-1] if sentences else text)


def forward_source(message: Message) -> str:
    """Where a forwarded message came from, as staff name it: 「频道「老干部之家」」, 「群「离退休支部」」, a person's
    name; "" when Telegram says nothing of it."""
    origin = message.forward_origin
    if isinstance(origin, MessageOriginChannel):
        return f"频道「{visible(origin.chat.title or '') or '未命名'}」"
    if isinstance(origin, MessageOriginChat):
        return f"群「{visible(origin.sender_chat.title or '') or '未命名'}」"
    if isinstance(origin, MessageOriginUser):
        return display_name(origin.sender_user) or ""
    if isinstance(origin, MessageOriginHiddenUser):
        return " ".join(visible(origin.sender_user_name).split())
    return ""


def forward_day(message: Message) -> str | None:
    """The day (Beijing time) the forwarded message was first posted: its date when its text names none."""
    origin = message.forward_origin
    return None if origin is None else f"{origin.date.astimezone(BEIJING):%Y-%m-%d}"


def forward_name(message: Message) -> str:
    """The name a forwarded notice is added under, its source as staff read it in a citation: where it came
    from and when, 「频道「老干部之家」 2026-12-01 第123条.txt」 (a channel numbers its posts), else the time it was
    posted, so that two posts never share a name (a speech sent again under its name replaces the one before)."""
    origin = message.forward_origin
    assert origin is not None
    when = origin.date.astimezone(BEIJING)
    which = f"第{origin.message_id}条" if isinstance(origin, MessageOriginChannel) else f"{when:%H%M%S}"
    source = _NOT_IN_NAMES.sub("_", forward_source(message))[:NAME_CHARS] or "转发"
    return f"{source} {when:%Y-%m-%d} {which}.txt"


def speech_id(text: str) -> int | None:
    """An id as the results print it (「2」, 「#2」, 「＃２」): the number; None for any other text,
    circled or superscript digits included (`corpus.typed_id`, as the CLI reads its ids)."""
    return typed_id(text)


_CITED_SPEECH = re.compile(r"\s*(?:讲话|講話)\s*[#＃]\s*\S+\s*")  # 「讲话 #2」 of a citation line


def speech_number(text: str) -> int | None:
    """The speech `/speech` is given: an id as the results print it (`speech_id`), or its number as people say
    one — in Chinese numerals or after 第 — 「二」, 「十二」, 「第三篇」, 「第3篇」, 「〇」 (0: no speech's id, which
    the reply says). None for any other text (「②」 included, as `speech_id`). An id copied with the word the
    answers print before it, 「讲话 #2」, is that id; so is a whole citation line pasted (「2024-03-13 · 沈伟 · 讲话 #2」,
    「日期不详 · 讲话 #4」, 「讲话 #2 · 段落 #5」): the one part that is 「讲话 #…」."""
    cited = [part for part in re.split(r"[·・]", text) if _CITED_SPEECH.fullmatch(part)]
    if len(cited) == 1 and len(re.split(r"[·・]", text)) > 1:
        text = cited[0]
    text = re.sub(r"^\s*(?:讲话|講話)\s*(?=[#＃])", "", text)
    if (number := speech_id(text)) is not None or not written_as_digits(text):
        return number
    said = re.fullmatch(r"第?\s*(\S+?)\s*[篇号號]?", unicodedata.normalize("NFKC", text).strip())
    if said is None:
        return None
    word = said.group(1)
    return int(word) if re.fullmatch(r"[0-9]{1,9}", word) else numeral_value(word)


# /synonyms's first word: as the CLI names its subcommands, or in Chinese
SYNONYM_ACTIONS = {
    "add": "add",
    "添加": "add",
    "增加": "add",
    "remove": "remove",
    "删除": "remove",
    "rm": "remove",
    "list": "list",
    "列出": "list",
    "ls": "list",
}


@dataclass(frozen=True)
class SynonymsAsked:
    """What 「/synonyms …」 asks: `action` (list, add, remove; None for a first word that is none of them),
    the words after it (split at white space, the full-width space included), and that first word as typed."""

    action: str | None
    words: tuple[str, ...]
    typed: str = ""


def synonyms_asked(text: str) -> SynonymsAsked:
    """「/synonyms」 alone lists; 「/synonyms add 老干局 老干部局」 adds (「添加」 too), 「remove」 / 「删除」 removes."""
    first, *rest = text.split() or ["list"]
    action = SYNONYM_ACTIONS.get(unicodedata.normalize("NFKC", first).lower())
    return SynonymsAsked(action, tuple(rest), first)


def page_number(text: str) -> int | None:
    """A page asked for by its number (「2」, 「第２页」): the number; None for any other text."""
    found = re.fullmatch(r"第?\s*([0-9]{1,6})\s*[页頁]?", unicodedata.normalize("NFKC", text).strip())
    return int(found.group(1)) if found else None


def document_name(document: Document) -> str:
    """The name a sent file is known by: its own — a Chinese name that reached Telegram in another encoding
    (「Í¨Öª.docx」, 「閫氱煡.docx」) as it was written (`corpus.mended_name`) — or 「未命名文件」; either with the suffix
    its type implies when it has no extension (「通知」 sent as text/plain is 「通知.txt」)."""
    named = sent_name(document)
    if _EXTENSION.fullmatch(Path(named).suffix):
        return named
    return (named or "未命名文件") + UNNAMED_SUFFIXES.get((document.mime_type or "").lower(), "")


def sent_name(document: Document) -> str:
    """A sent file's own name (`corpus.mended_name`), without the dots and spaces Windows trims from a name's end
    (「通知三.」, 「讲话.docx 」): "" for a file sent with none."""
    return Path(mended_name(document.file_name)).name.rstrip(". \u3000") if document.file_name else ""


# Types that say nothing of a file's format: Telegram Desktop sends a file it does not know so, and a file may come
# with no type at all. Such a file with no readable extension is told by its bytes once downloaded (`named_by_content`).
TYPELESS = frozenset(
    {
        "",
        "application/octet-stream",
        "binary/octet-stream",
        "application/unknown",
        "application/x-download",
        "application/force-download",
    }
)


def reads_as_named(name: str) -> bool:
    """Whether a file of this name is read by its name: an extension of a supported format, or an archive opened as
    a folder (.zip, .mbox)."""
    return Path(name).suffix.lower() in SUPPORTED_SUFFIXES or opens_as_folder(name)


# Extensions that never hold a document, whatever type a file of theirs is sent as: programs and installers (which
# Python's table calls application/octet-stream too) and — by that table — audio, video and fonts
_PROGRAMS = frozenset(
    {".exe", ".msi", ".dll", ".apk", ".bat", ".cmd", ".com", ".scr", ".iso", ".dmg", ".sys"}
)
_KNOWN_TYPES = mimetypes.MimeTypes()  # Python's own table only: the same on every machine


# Other programs' document formats Python's table does not name: a file under one of these extensions says what it
# is (an Outlook mail, an Apple Pages or Keynote file, a Visio drawing, a CAJ paper…) and is refused unread
_OTHER_FORMATS = frozenset(
    {
        ".msg", ".oft", ".pst", ".ost", ".pages", ".numbers", ".key", ".vsd", ".vsdx", ".vss", ".vst", ".pub",
        ".one", ".mpp", ".xps", ".oxps", ".caj", ".kdh", ".nh", ".ceb", ".djvu", ".wpd", ".ics", ".vcs", ".ofdx",
        ".sxw", ".sdw", ".wri", ".ppt", ".pps", ".pot", ".wk4", ".dwg", ".dxf", ".psd", ".ai", ".cdr",
    }
)  # fmt: skip


def _tells_nothing(name: str) -> bool:
    """Whether a name's extension says nothing of what the file is: it has none (「通知」, 「关于2026.9.1会议的通知」),
    or one no program's format is known by — a download's or a copy's (「讲话.tmp」, 「通知.download」, 「数据.dat」) or
    application/octet-stream's own (「固件.bin」). 「座谈会.ppt」, 「邮件.msg」, 「数据.json」 or 「setup.exe」 say what they
    are: refused by that name, unread."""
    suffix = Path(name).suffix.lower()
    if not _EXTENSION.fullmatch(suffix):
        return True
    if suffix in _PROGRAMS or suffix in _OTHER_FORMATS:
        return False
    kind = _KNOWN_TYPES.guess_type("x" + suffix)[0]
    return kind is None or kind == "application/octet-stream"


def told_by_content(document: Document) -> bool:
    """Whether a sent file is to be read by what its bytes are: its type says nothing (`TYPELESS`) and neither does
    its name (`_tells_nothing`): a name with an extension of a known format speechqa does not read is refused
    unread, as before."""
    name = document_name(document)
    return (
        (document.mime_type or "").lower() in TYPELESS and not reads_as_named(name) and _tells_nothing(name)
    )


@dataclass(frozen=True)
class ContentName:
    """A file named by its bytes: `name`, the name it is read and cited by (「通知.pdf」), and `said_as`, how a
    refusal names it (as sent, and why it was read so)."""

    name: str
    said_as: str


def named_by_content(sent: str, data: bytes) -> ContentName | None:
    """A file sent as `sent` (no readable extension, a type that says nothing) named by the format its bytes are in
    (`corpus.suffix_by_content`): 「通知」 holding a PDF is 「通知.pdf」, 「讲话.tmp」 holding a Word file 「讲话.docx」
    (an extension of another program's is replaced, a dot inside a name — 「关于2026.9.1会议的通知」 — kept).
    None when the bytes are of no supported format."""
    suffix = suffix_by_content(data)
    if suffix is None:
        return None
    shown = sent or "未命名文件"
    stem = shown[: -len(Path(shown).suffix)] if _EXTENSION.fullmatch(Path(shown).suffix) else shown
    return ContentName(stem + suffix, f"{shown}（Telegram 没有标明类型，按文件内容当作 {suffix} 文件读取）")


def as_sent(refusal: str, name: str, said_as: str, shown: str) -> str:
    """A reader's refusal of a file it read as `name` (「加密文件.doc」, named by its bytes or its type) naming it as it
    was sent: `said_as` (its sent name and why it was read so) where the line first names it, `shown` (its sent
    name) wherever else — 「这个 Word 文档设有打开密码：加密文件（Telegram 没有标明类型…）」, never 「加密文件.doc」."""
    first, found, rest = refusal.partition(name)
    return first + said_as + rest.replace(name, shown) if found else refusal


def typed_name(name: str, as_sent: str | None) -> tuple[str, str]:
    """How a refusal names a file the bot added as `name`, sent as `as_sent` (None: as `name`): where it first
    names it (with how it was read, when the bot gave it the type's extension) and anywhere after."""
    if as_sent is None or as_sent == name:
        return name, name
    shown = as_sent or "未命名文件"
    return f"{shown}（没有扩展名，按 Telegram 标明的类型当作 {Path(name).suffix} 文件读取）", shown


def typed_as_sent(outcome: FileOutcome, name: str, shown: str) -> FileOutcome:
    """What adding a file the bot named by the type Telegram gave (`name`, 「通知二.pdf」 sent as 「通知二」) did,
    naming it as sent (`shown`): the 📥 line 「通知二」, a refusal 「通知二（没有扩展名，按文件内容当作 .txt 文件
    读取）中没有找到讲话正文」 when it was read by its bytes as another format, never a name the admin never gave.
    An archive's member (「附件.zip › 通知.docx」) is its own name; a file read as its type said keeps the name it
    is cited under (「📥 通知三.txt」, mend66t)."""
    stem = name[: -len(Path(name).suffix)] or "未命名文件"
    read = outcome.name
    if read == name or outcome.archive is not None or read[len(stem) :] != Path(read).suffix:
        return outcome
    if not read.startswith(stem):
        return outcome
    said_as = f"{shown}（没有扩展名，按文件内容当作 {Path(read).suffix} 文件读取）"
    error = outcome.error and as_sent(outcome.error, read, said_as, shown)
    return replace(outcome, name=shown, error=error)


def photo_name(message: Message) -> str:
    """The name a photo (which Telegram sends without one) is added under: when it was sent, in Beijing
    time, and the message's id, so that two photos never share a name (a speech sent again under its
    name replaces the one added under it)."""
    return f"照片-{message.date.astimezone(BEIJING):%Y%m%d-%H%M%S}-{message.message_id}.jpg"


NAME_CHARS = 64  # Telegram allows 64 characters for each of first and last name


def display_name(user: User) -> str | None:
    """A person's name as Telegram shows it — first and last name, or @username when the name shows nothing
    (a Hangul filler, blanks) — one line; None when neither says anything."""
    name = " ".join(visible(user.full_name).split())
    if name:
        return name[: 2 * NAME_CHARS + 1]
    return f"@{user.username}" if user.username else None


def album_name(first: Message) -> str:
    """The name an album of photos is added under, as one multi-page file: as a photo's (`photo_name`, of
    its first photo), a TIFF."""
    return str(Path(photo_name(first)).with_suffix(".tif"))


def is_readable_document(message: Message) -> bool:
    """Whether the message carries a file of a kind the bot reads into its library (an upload, not a
    picture sent with a question)."""
    document = message.document
    if document is None:
        return False
    name = document_name(document)
    # a .zip or .mbox is read as a folder of documents: an upload too, whatever its caption says (「/ask …」)
    return Path(name).suffix.lower() in SUPPORTED_SUFFIXES or opens_as_folder(name)


# A reply to an answer that asks for one of its results in full (「第二条再详细点」, 「展开第3条」, 「第一条的原文」):
# the result's number, a word asking to see more of it, and nothing else but the words around such a request.
_RESULT = re.compile(r"第\s*([一二两三四五六七八九十]|[0-9]{1,2})\s*[条條個个段项項]")
_SEE_MORE = re.compile(
    r"详细|詳細|详尽|具体|具體|仔细|展开|展開|上下文|前后|前後|原文|全文|完整|多说|多說|说说|說說|讲讲|講講|看看"
)
_AROUND = re.compile(
    r"详细|詳細|详尽|具体|具體|仔细|展开|展開|上下文|前后文|前後文|前后|前後|原文|全文|完整|内容|內容|多说|多說|说说|說說|"
    r"讲讲|講講|看看|再|请|請|麻烦|麻煩|帮我|幫我|给我|給我|把|的|一下|一点|一點|点|點|些|看|说|說|讲|講|发|發|显示|顯示|"
    r"吧|呢|啊|吗|嗎|能|可以|我要|我想|想"
)


def result_asked(text: str) -> int | None:
    """The number of the result a message asks to see in full (「第二条再详细点」 → 2, 「第3条」 alone → 3); None
    when it asks anything else (「第二条是哪年讲的？」 is a question)."""
    folded = unicodedata.normalize("NFKC", text).strip()
    found = list(_RESULT.finditer(folded))
    if len(found) != 1:
        return None
    number = found[0].group(1)
    rank = int(number) if number.isdigit() else numeral_value(number)
    rest = re.sub(r"[\W_]+", "", folded[: found[0].start()] + folded[found[0].end() :])
    if rest and (not _SEE_MORE.search(rest) or _AROUND.sub("", rest)):
        return None
    return rank or None  # 第0条 asks for nothing
