"""A notice that came by e-mail and was saved as text: the message's header and quote marks taken off.

Staff forward notices by e-mail and save the message as a .txt (Outlook's, Foxmail's or a web mail's
「另存为文本」, or the text copied out of the window). Such a file holds, besides the notice, the mail
program's own lines: the header of each message in the chain — 「发件人: …」「发送时间: …」「收件人: …」
「抄送: …」「主题: …」 (or From / Sent / Date / To / Cc / Subject), often under a separator such as
「-----原始邮件-----」 or 「---------- Forwarded message ---------」, or Outlook's rule of underscores — and, in a reply or a forward, the
earlier message quoted line by line with 「> 」 (「>> 」 a level deeper).

`mail_text` gives the text as the notice reads: the header lines and separators dropped, every line's
quote marks taken off (the rest of the line, its indentation included, kept), and the subject (without
its 「转发：」「回复：」「Fw:」「Re:」) put first, as the title the message was sent under. Nothing else moves
or goes: a forwarder's own note stays where it was, before the notice it forwards. `read_mail` gives the
same text and the day the message carrying the notice was sent (the last header of the chain that names
one: the earliest message, the one a forward quotes), which is the document's date only when the notice
itself names none (a notice's own 落款 date is its date).

A header line may be folded as RFC 5322 folds it, and as Outlook saves a long 收件人 list or 主题: a
line that starts with a space or a tab, right under a header line (no blank line between), continues it
— unless it reads as the body's first line (it ends a sentence or is a salutation ending in 「：」).

A text is taken for a saved e-mail only when it holds a header: three or more header lines in a row (blank
lines between them allowed), among them a sender's, the time it was sent (a value with a digit: every mail
program writes it) and a subject or a recipient (a mail sent with no subject still names whom it went to).
A notice that merely has a 「主题：」 line, or one 「发件人」, or quotes a line beginning with 「>」, or tells
what to fill in (「发件人：单位名称」「主题：材料名称」「时间：报送日期」), is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .clean import HAN
from .invitations import invitation_lines
from .names import ORG_SUFFIX, is_person_name, is_sign_off

_SEPARATOR = re.compile(
    r"^\s*-{3,}\s*(?:原始邮件|原邮件|邮件原文|转发邮件信息|转发的邮件|转发的消息|Original Message|Forwarded message)\s*-{3,}\s*$",
    re.IGNORECASE,
)
_HEADER = re.compile(
    r"^\s*(?P<key>发件人|发信人|发送时间|发件时间|发送日期|发信时间|时间|日期|收件人|抄送人|抄送|密送|主题|"
    r"From|Sent|Date|To|Cc|Bcc|Subject)\s*[:：]\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_SENDER_KEYS = {"发件人", "发信人", "from"}
_SUBJECT_KEYS = {"主题", "subject"}
_RECIPIENT_KEYS = {"收件人", "to"}
_TIME_KEYS = {"发送时间", "发件时间", "发送日期", "发信时间", "时间", "日期", "sent", "date"}
_MIN_HEADER_LINES = 3
_QUOTE = re.compile(r"^ ?(?:> ?)+")
# The line a mail program writes over the message a reply quotes (its attribution): Thunderbird's 「在
# 2036/3/3 14:20, 籍东来 写道:」, Gmail's 「蓝若澄 <…> 于2036年3月2日周日 09:15写道：」, Apple Mail's 「2036年3月3日
# 下午2:20，籍东来 <…> 写道：」, 「On Mon, Mar 3, 2036 at 2:20 PM … wrote:」 — always with the time it was sent.
_ATTRIBUTION = re.compile(r"^(?=.*\d{1,2}:\d{2}).{6,160}(?:写道|wrote)\s*[:：]$", re.IGNORECASE)
_REPLY_PREFIX = re.compile(r"^\s*(?:(?:转发|回复|答复|Fwd?|Re|Aw)\s*[:：]\s*)+", re.IGNORECASE)
# A folded header line's continuation: RFC 5322's leading white space (a space or a tab, not the
# full-width spaces a Chinese paragraph is indented with), holding no sentence's end and no salutation.
_FOLDED = re.compile(r"^[ \t]+(?P<rest>\S.*)$")
_BODY_LINE = re.compile(r"[。！？!?：:]\s*$")
# The day a message was sent, as mail programs write it: 「2026年4月28日 10:05」, 「2026/4/28 10:05」,
# 「2026-04-28 10:05:00」, 「Tuesday, April 28, 2026 10:05 AM」, 「Tue, 28 Apr 2026 10:05:00 +0800」.
_NUMERIC_DAY = re.compile(
    r"(?<!\d)(?P<y>\d{4})\s*[年/.\-]\s*(?P<m>\d{1,2})\s*[月/.\-]\s*(?P<d>\d{1,2})(?!\d)"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_ENGLISH_DAY = re.compile(
    rf"{_MONTH}\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})|(?P<d2>\d{{1,2}})\s+{_MONTH.replace('mon', 'mon2')}\s+(?P<y2>\d{{4}})",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Mail:
    """A text read as a saved e-mail: `text` as the notice reads (see `mail_text`), and `sent`, the day
    (2026-04-28) the message carrying the notice was sent, or None (no e-mail, or no day read)."""

    text: str
    sent: str | None = None


def sent_day(value: str) -> str | None:
    """The day a mail header's time value names, as 2026-04-28, or None when it names none."""
    if match := _NUMERIC_DAY.search(value):
        year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    elif match := _ENGLISH_DAY.search(value):
        month = _MONTHS.index((match["mon"] or match["mon2"])[:3].lower()) + 1
        year, day = int(match["y"] or match["y2"]), int(match["d"] or match["d2"])
    else:
        return None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _header_key(line: str) -> str | None:
    match = _HEADER.match(line)
    return match.group("key").lower() if match else None


def _continues(line: str) -> bool:
    """Whether `line`, right under a header line, continues it (a folded 收件人 list or 主题)."""
    match = _FOLDED.match(line)
    return bool(match) and _header_key(line) is None and not _BODY_LINE.search(match["rest"])


def _field(lines: list[str], n: int) -> tuple[str, str] | None:
    """The key (lower-cased) and value of the header line lines[n], its continuation lines unfolded: joined
    with nothing between Chinese, with a space between Latin words (RFC 5322's unfolding)."""
    match = _HEADER.match(lines[n])
    if not match:
        return None
    value = match["value"].strip()
    m = n + 1
    while m < len(lines) and _continues(lines[m]):
        more = lines[m].strip()
        space = " " if value and value[-1].isascii() and more[0].isascii() else ""
        value, m = value + space + more, m + 1
    return match["key"].lower(), value


def _is_header(lines: list[str], keys: list[int]) -> bool:
    """Whether the header lines `keys` (indices into `lines`) are a message's header: see the module."""
    found = {_header_key(lines[n]) for n in keys}
    dated = any(
        (m := _HEADER.match(lines[n])) and m.group("key").lower() in _TIME_KEYS and _is_timestamp(m["value"])
        for n in keys
    )
    return (
        len(keys) >= _MIN_HEADER_LINES
        and bool(_SENDER_KEYS & found)
        and dated
        and bool((_SUBJECT_KEYS | _RECIPIENT_KEYS) & found)
    )


# the words a mail program's timestamp may hold besides its digits: 「2034年5月26日(星期五) 上午9:12」
_TIMESTAMP_WORDS = re.compile(r"[年月日时分秒点号星期周一二三四五六七八九十〇零上下中午晚早凌晨]")


def _is_timestamp(value: str) -> bool:
    """Whether a time field's value is a mail program's timestamp: digits, and no Chinese word but a date's
    and a time's (「2034年5月26日 9:12」, 「Fri, 26 May 2034 09:12:00 +0800」). A notice that shows staff how to
    fill a mail in (「时间：2034年6月5日前」, 「时间：报送日期」) holds no timestamp: it is no mail."""
    return bool(re.search(r"\d", value)) and not re.search(f"[{HAN}]", _TIMESTAMP_WORDS.sub("", value))


def _header_blocks(lines: list[str]) -> list[range]:
    """The runs of header lines (blank lines inside a run allowed) that make a message's header."""
    blocks: list[range] = []
    n = 0
    while n < len(lines):
        if _header_key(lines[n]) is None:
            n += 1
            continue
        keys: list[int] = []
        end = n
        m = n
        while m < len(lines) and (not lines[m].strip() or _header_key(lines[m]) is not None):
            if _header_key(lines[m]) is not None:
                keys.append(m)
                m += 1
                while m < len(lines) and _continues(lines[m]):
                    m += 1
                end = m
                continue
            m += 1
        if _is_header(lines, keys):
            blocks.append(range(n, end))
        n = end
    return blocks


def bare_subject(subject: str) -> str:
    """A subject without the 「转发：」「回复：」「Fwd:」「Re:」 a mail program puts before it, as the mail's text
    reads it first (「转发：关于…的通知」 → 「关于…的通知」)."""
    return _REPLY_PREFIX.sub("", subject).strip()


def is_mail(text: str) -> bool:
    """Whether `text` is a saved e-mail: it holds a message header (see the module's docstring)."""
    return bool(_header_blocks([_QUOTE.sub("", line) for line in text.splitlines()]))


def header_end(text: str) -> int:
    """How many of `text`'s lines are the header a saved mail opens with (blank lines above it counted), or 0
    when no message header stands at its top (a pasted forward, a notice)."""
    lines = [_QUOTE.sub("", line) for line in text.split("\n")]
    blocks = _header_blocks(lines)
    if not blocks or any(line.strip() for line in lines[: blocks[0].start]):
        return 0
    return blocks[0].stop


def mail_text(text: str) -> str:
    """`text` as the notice it carries when it is a saved e-mail (else unchanged): header lines and
    separators dropped, quote marks taken off, the subject first."""
    return read_mail(text).text


def _header_start(lines: list[str], block: range) -> int:
    """Where a quoted header (`block` of `lines`) starts: at the rule Outlook draws over it (「________」, blank
    lines between allowed), which goes with it, or at its first line."""
    above = block.start - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    return above if above >= 0 and _SIGNATURE_LINE.match(lines[above].strip()) else block.start


def read_mail(text: str) -> Mail:
    """`text` read as a saved e-mail: the notice's text (`mail_text`) and the day it was sent."""
    unquoted = [_QUOTE.sub("", line) for line in text.splitlines()]
    blocks = _header_blocks(unquoted)
    if not blocks:
        return Mail(text)
    header = {n for block in blocks for n in block}
    header |= {start for block in blocks if (start := _header_start(unquoted, block)) < block.start}
    fields = [[f for n in block if (f := _field(unquoted, n))] for block in blocks]
    subject = next((_REPLY_PREFIX.sub("", v).strip() for k, v in fields[0] if k in _SUBJECT_KEYS), "")
    days = [day for block in fields for k, v in block if k in _TIME_KEYS and (day := sent_day(v))]
    # a reply's attribution line over the message it quotes is the mail program's, as a header is: a blank
    # line where it stood keeps the reply's last paragraph and the quoted message's first apart
    attributions = _attributions(text.splitlines(), unquoted)
    # where the quoting goes a level deeper or back across blank lines, a quoted message begins or ends: a
    # second blank line there keeps the break when the text's blank lines part every paragraph (a sign-off
    # 「城关支部 籍东来」 from the quoted notice's 「各离退休干部党支部：」 under it, `plaintext.plain_lines`)
    levels = _quote_breaks(text.splitlines(), unquoted)
    body = [
        "" if n in attributions else line
        for n, line in enumerate(unquoted)
        if n not in header and not _SEPARATOR.match(line)
        for line in (("", line) if n in levels else (line,))
    ]
    while body and not body[0].strip():
        del body[0]
    if subject and not (body and body[0].strip() == subject):
        body = [subject, "", *body]
    return Mail("\n".join(body) + "\n", days[-1] if days else None)


def _quote_breaks(lines: list[str], unquoted: list[str]) -> set[int]:
    """The lines of text (their places) quoted at another depth than the line of text before them, with a
    blank line between."""
    depth = [line[: len(line) - len(text)].count(">") for line, text in zip(lines, unquoted, strict=True)]
    found = set()
    before: int | None = None
    for n, text in enumerate(unquoted):
        if not text.strip():
            continue
        if before is not None and n > before + 1 and depth[n] != depth[before]:
            found.add(n)
        before = n
    return found


def _attributions(lines: list[str], unquoted: list[str]) -> set[int]:
    """The reply attribution lines of a mail's text (`lines`, `unquoted` without their quote marks): lines of
    the form (`_ATTRIBUTION`) whose next line with text is quoted deeper than they are (「> 蓝科长：」 under 「在
    … 籍东来 写道:」), or, quoted themselves, name the writer's address over lines quoted as deep (a forward
    quoting 「> 倪晓川 <…@…> 于…写道：」 over the message, 「> 」 each). A body's sentence ending in 写道 (「…籍东来在留言簿上写道：」 over the words he wrote) is
    none: before (mend67c), any such line with a time in it was taken off."""
    depth = [line[: len(line) - len(text)].count(">") for line, text in zip(lines, unquoted, strict=True)]
    found = set()
    for n, text in enumerate(unquoted):
        if not _ATTRIBUTION.match(text.strip()):
            continue
        after = next((m for m in range(n + 1, len(lines)) if unquoted[m].strip()), None)
        if after is not None and (depth[after] > depth[n] or (depth[after] == depth[n] > 0 and "@" in text)):
            found.add(n)
    return found


# --- a message saved whole (.eml) -----------------------------------------------------------------

# How mail programs label a body's charset, and the codec that reads every byte they put under that label:
# GB2312 and GBK bodies hold GBK's and GB18030's characters in practice, Big5 ones HKSCS's.
_CHARSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "big5": "big5hkscs",
}
# The header fields a saved message's text shows, in the order mail programs save them, and their labels.
_SAVED_FIELDS = (
    ("From", "发件人"),
    ("Date", "发送时间"),
    ("To", "收件人"),
    ("Cc", "抄送"),
    ("Subject", "主题"),
)


@dataclass(frozen=True)
class Message:
    """A whole e-mail message (.eml): `text`, the message as a mail program saves it as text — its header
    lines (「发件人: …」「发送时间: …」「收件人: …」「主题: …」, names and subject decoded), a blank line, its
    body — and `attachments`, each attached file's name and bytes, in order; `signature`, the sender's
    signature under the body's signature line (「-- 」, 「——」: see `split_signature`), its lines, or "";
    `invitation`, the lines of the meeting invitation it carries (a text/calendar part or an attached .ics:
    `corpus.invitations`), or ""."""

    text: str
    attachments: tuple[tuple[str, bytes], ...] = ()
    signature: str = ""
    invitation: str = ""
    # the cards the messages it quotes inline end with, the outer one first (`split_cards`)
    quoted_signatures: tuple[str, ...] = ()


# RFC 3676's signature line 「-- 」, and the lines Chinese mail programs and senders draw for it: dashes, an
# em dash or two, underscores — alone on their line
_SIGNATURE_LINE = re.compile(r"^(?:-{2,}|—{1,2}|_{2,}|－{2,})$")
# the heading the signature is read under, after the notice (the parser reads the notice's 落款 above it)
SIGNATURE_LABEL = "发件人签名"
_SIGNATURE_MAX_LINES = 8
_SIGNATURE_MAX_WIDTH = 60
_SENTENCE_END = re.compile(r"[。！？!?；;：:]$")


def split_signature(body: str) -> tuple[str, str]:
    """The body and the sender's signature under it: the signature is what follows the body's last
    signature line (「-- 」 as RFC 3676 writes it, 「——」, 「____」 alone on a line) when it is a card — one to
    eight short lines (60 characters at most), none ending a sentence or opening a list (a name, a post, a
    telephone number, an address), and not a quoted message's header (a sender's line and another header
    line: 「发件人: …」「发送时间: …」, as Outlook writes one under its rule when it forwards). A rule inside the
    body, or one with paragraphs under it, is the body's; then the signature is ""."""
    lines = body.split("\n")
    marks = [i for i, line in enumerate(lines) if _SIGNATURE_LINE.match(line.strip())]
    if not marks or not any(line.strip() for line in lines[: marks[-1]]):
        return body, ""
    card = [line.strip() for line in lines[marks[-1] + 1 :] if line.strip()]
    if not card or len(card) > _SIGNATURE_MAX_LINES:
        return body, ""
    if any(len(line) > _SIGNATURE_MAX_WIDTH or _SENTENCE_END.search(line) for line in card):
        return body, ""
    keys = [key for line in card if (key := _header_key(line)) is not None]
    if len(keys) >= 2 and _SENDER_KEYS & set(keys):
        # a forwarded or quoted message's header under Outlook's rule (「发件人: …」「发送时间: …」「主题: …」):
        # the earlier message, read as the saved text is (its header lines dropped), never a sender's card
        return body, ""
    return "\n".join(lines[: marks[-1]]).rstrip("\n"), "\n".join(
        part for line in card for part in card_parts(line)
    )


# the spaces a card line sets its parts apart with, between Chinese characters (「溧岚县书画协会秘书处　祁文斌」):
# the text reader squashes a space there, so each part goes on a line of its own
_PARTS_SPACE = re.compile(rf"(?<=[{HAN}）)])[ \t\u3000]+(?=[{HAN}（(])")


_ONE_CHARACTER = re.compile(rf"^[{HAN}]$")


def card_parts(line: str) -> list[str]:
    """A card line's parts, a line each where spaces set Chinese words apart (「溧岚县书画协会秘书处　祁文斌」 →
    the unit, the name), so the parse joins them with an ideographic space instead of running them together
    (「…秘书处祁文斌」, which names no unit); a space beside a digit or a Latin letter stays in its line
    (「电话：0519 8765 1234」, 「Tel: +86 519」). A single character either side of a space is a name's padding,
    no part of its own (「…秘书处　王　芳」 → the unit, 「王芳」)."""
    parts: list[str] = []
    single = False  # whether the last part is a run of single characters (「王」, 「王芳」 from 「王　芳」)
    for part in _PARTS_SPACE.split(line.strip()):
        if not part:
            continue
        if single and _ONE_CHARACTER.match(part):
            parts[-1] += part  # 「王　芳」: one character either side of a space is a name padded to width
        else:
            parts.append(part)
            single = bool(_ONE_CHARACTER.match(part))
    return parts


# a line a sender signs with, with no signature line over it: a unit and a name apart (「组织科　宁海燕」,
# 「中共溧岚县委老干部局组织科　宁海燕」, 「组织科 科长 宁海燕」), the unit's characters Chinese
_SIGNED_LINE = re.compile(
    rf"^[{HAN}（）()]{{2,40}}(?:[ \t\u3000]+[{HAN}]{{2,6}})?[ \t\u3000]+[{HAN}·]{{2,5}}$"
)
_ENDS_SENTENCE = re.compile(r"[。！？!?]$")


def card_unit(card: str) -> str | None:
    """The unit a sender's signature names (「中共溧岚县委老干部局组织科　宁海燕」 → 「中共溧岚县委老干部局组织科」):
    its first part ending as a unit's name does (…局, …科, …委员会), or None."""
    for part in card.split():
        if ORG_SUFFIX.search(part) and not is_person_name(part):
            return part
    return None


def _signed_line(line: str) -> bool:
    """Whether `line` is a sender's signature standing alone: a unit, perhaps a post, and a person's name."""
    line = line.strip()
    if not _SIGNED_LINE.match(line):
        return False
    parts = line.split()
    return is_person_name(parts[-1]) and bool(ORG_SUFFIX.search(parts[0])) and not is_person_name(parts[0])


def split_signed_line(body: str) -> tuple[str, str]:
    """The body and the line its sender signed it with where no signature line (「-- 」) stands over it: the
    first line, in the sender's own text (above any quoted message's header), that is a unit and a person's
    name set apart by spaces (「组织科　宁海燕」) right under a sentence's end (a blank line between allowed).
    The sign-off right over it (「此致」「敬礼！」, 「谢谢！」, 「顺颂商祺」: `is_sign_off`, each a line of its own) goes
    with it, opening the card: a letter's close, not the last sentence of the notice. A pasted notice's 落款
    (a unit alone, a date) is no such line. Without one, the signature is ""."""
    lines = body.split("\n")
    unquoted = [_QUOTE.sub("", line) for line in lines]
    blocks = _header_blocks(unquoted)
    own = min([_header_start(unquoted, block) for block in blocks] + [len(lines)])
    own = min([n for n, line in enumerate(lines[:own]) if _SEPARATOR.match(line)] + [own])
    for n in range(own):
        if lines[n].lstrip().startswith(">") or not _signed_line(lines[n]):
            continue
        first, above = _card_top(lines, n)  # the card's first line, the line over it
        if above >= 0 and _ENDS_SENTENCE.search(lines[above].strip()):
            card = [part for line in lines[first : n + 1] for part in line.split()]
            rest = lines[:first] + lines[n + 1 :]
            if first and not lines[first - 1].strip() and n + 1 < len(lines) and not lines[n + 1].strip():
                del rest[first]  # the blank line under it goes with it, not two in a row
            # the card's parts a line each (the parse joins them with an ideographic space, as it does a
            # card's lines): 「组织科　宁海燕」 keeps the space between the unit and the name
            return "\n".join(rest).strip("\n"), "\n".join(card)
        return body, ""
    return body, ""


# a card's contact lines, with no signature line over it: a telephone line (its label and a number), and the
# lines that may stand beside it (e-mail, fax, address, post code)
_PHONE_LINE = re.compile(
    r"^(?:联系)?(?:电话|手机|座机|办公电话|固话|Tel|Phone|Mobile|TEL|电\s*话)\s*[:：]?\s*[+＋(（]?\d[\d\s()（）+＋\-－—/、，,]{5,}$",
    re.IGNORECASE,
)
_CONTACT_LINE = re.compile(
    r"^(?:邮箱|电子邮箱|电子邮件|E-?mail|传真|Fax|地址|通讯地址|邮编|邮政编码|QQ|微信)\s*[:：]", re.IGNORECASE
)
_STACKED_MAX_LINES = 6


def _stacked_card(lines: list[str]) -> int | None:
    """Where a card standing as a block of lines with no signature line over it starts, at the end of a
    sender's text (`lines`, quote marks off; blank lines under it allowed), or None: a person's name alone on
    a line (「宁海燕」), a unit's on another (「中共溧岚县委老干部局组织科」), a telephone line (「电话：0519-…」),
    in any order, and perhaps an e-mail, fax or address line — all three standing together right under a
    sentence's end (a blank line between allowed; a sign-off over them goes with them, as over a one-line
    card). A body's short lines are no card: a name alone, a unit over a date (a 落款) or a list of names has
    no telephone line; a block missing any of the three, or holding any other line, is not taken."""
    filled = [n for n, line in enumerate(lines) if line.strip()]
    if not filled:
        return None
    end = top = filled[-1]
    while top > 0 and lines[top - 1].strip() and not _ENDS_SENTENCE.search(lines[top - 1].strip()):
        top -= 1
    block = [lines[n].strip() for n in range(top, end + 1)]
    if not 3 <= len(block) <= _STACKED_MAX_LINES:
        return None
    first, above = _card_top(lines, top)
    if above < 0 or not _ENDS_SENTENCE.search(lines[above].strip()):
        return None
    names = [line for line in block if is_person_name(line)]
    units = [
        line
        for line in block
        if ORG_SUFFIX.search(line)
        and re.fullmatch(f"[{HAN}（）()]{{2,40}}", line)
        and not is_person_name(line)
    ]
    phones = [line for line in block if _PHONE_LINE.match(line)]
    others = [line for line in block if _CONTACT_LINE.match(line)]
    if len(names) != 1 or len(units) != 1 or not phones:
        return None
    return first if len(names) + len(units) + len(phones) + len(others) == len(block) else None


def _card_top(lines: list[str], at: int) -> tuple[int, int]:
    """A one-line card's (lines[at]) first line and the line over it: the sign-off right over it (「此致」
    「敬礼！」, blank lines between allowed) goes with it; the line over it is -1 when none is."""
    first, above = at, at - 1
    while above >= 0 and (not lines[above].strip() or is_sign_off(lines[above])):
        if lines[above].strip():
            first = above
        above -= 1
    return first, above


# the heading a quoted original's own signature is read under (an inline forward's 「-----原始邮件-----」 message
# signed 「秘书处　祁文斌」): its sender's, not the forwarder's — never the mail's issuer
QUOTED_SIGNATURE_LABEL = "原邮件发件人签名"


@dataclass(frozen=True)
class SignedBody:
    """A mail's body with its senders' cards taken out: `body`; `signature`, the card of the sender of the
    mail (under 「-- 」, or a unit and a name standing alone: see `split_signature`, `split_signed_line`), or
    ""; `quoted_signatures`, the card each message quoted in it (an inline forward's original, under
    「-----原始邮件-----」 and its header; in a chain of forwards, each one down to the innermost) ends with, the
    outer one first; a message that ends with none has none here."""

    body: str
    signature: str = ""
    quoted_signatures: tuple[str, ...] = ()


def split_cards(body: str) -> SignedBody:
    """The senders' cards of a mail's body (the text under its own header): the sender's own card, from the
    sender's own text only (above the first quoted message's header or separator), and the card each quoted
    message ends with, read from that message's own text only (under its header, above the next quoted
    message's header or separator) — its own 「-- 」 and card, or a unit and a name standing alone right under
    its last sentence (「秘书处　祁文斌」; a sign-off over it goes with it). In a chain of forwards the middle
    message's card (「宣传科　邵明远」 over the innermost message's header) is its own too: read as a line of its
    text, it became a section heading over the innermost message. Before, an inline forward's original was
    signed on the forwarder's behalf (its 「-- 」 card taken as the mail's signature) or its card ran into its
    last sentence (「…由服务队长登记。秘书处祁文斌」)."""
    lines = body.split("\n")
    unquoted = [_QUOTE.sub("", line) for line in lines]
    blocks = _header_blocks(unquoted)
    separators = [n for n, line in enumerate(unquoted) if _SEPARATOR.match(line)]
    # the sender's own text stops above the first quoted header, or the rule Outlook draws over it
    own = min([_header_start(unquoted, block) for block in blocks] + separators + [len(lines)])
    if own == len(lines) or not blocks:  # no quoted message: the body is the sender's own
        kept, signature = split_signature(body)
        if not signature:
            kept, signature = split_signed_line(kept)
        if not signature:
            kept, signature = _split_stacked(kept.split("\n"), [])
        return SignedBody(kept, signature)
    # each quoted message's own text: under its header, above the next one's header (or its separator)
    read: list[str] = []
    quoted_cards: list[str] = []
    done = 0
    for n, block in enumerate(blocks):
        start = block.stop
        end = min(
            [_header_start(unquoted, later) for later in blocks[n + 1 :]]
            + [m for m in separators if m >= start]
            + [len(lines)]
        )
        read += lines[done:start]
        kept, card = _quoted_card(unquoted[start:end])
        if card:
            quoted_cards.append(card)
            read += [lines[start + m] for m in kept] + ([""] if end < len(lines) else [])
        else:
            read += lines[start:end]
        done = end
    lines = read + lines[done:]
    mine, signature = split_signature("\n".join(lines[:own]).rstrip("\n"))
    if signature:
        kept = "\n".join([mine, "", *lines[own:]])
    else:
        kept, signature = split_signed_line("\n".join(lines))
    if not signature:
        kept, signature = _split_stacked(lines[:own], lines[own:])
    return SignedBody(kept.strip("\n"), signature, tuple(quoted_cards))


def _split_stacked(mine: list[str], rest: list[str]) -> tuple[str, str]:
    """The body and the card a sender's own text (`mine`, the quoted messages under it `rest`) ends with as a
    block of a name, a unit and a telephone line with no signature line over it (`_stacked_card`): its
    parts a line each; ("the body", "") when it ends with none."""
    first = _stacked_card([_QUOTE.sub("", line) for line in mine])
    if first is None:
        return "\n".join([*mine, *rest]), ""
    card = [part for line in mine[first:] for part in card_parts(line)]
    kept = [*mine[:first], *([""] if rest else []), *rest]
    return "\n".join(kept).strip("\n"), "\n".join(card)


def _quoted_card(lines: list[str]) -> tuple[list[int], str]:
    """The card a quoted message's text (`lines`, quote marks taken off) ends with: the indices of the lines
    kept and the card's parts, a line each; ([all], "") when it ends with none. A card under a signature line
    (「-- 」), or one line of a unit and a name set apart (`_signed_line`, a post between allowed) right under a
    sentence's end, a sign-off over it going with it."""
    filled = [n for n, line in enumerate(lines) if line.strip()]
    if len(filled) < 2:
        return list(range(len(lines))), ""
    last = filled[-1]
    text = "\n".join(lines[: last + 1])
    kept, card = split_signature(text)
    if card:
        kept_count = len(kept.split("\n"))
        return list(range(kept_count)), card
    if not _signed_line(lines[last]):
        if (first := _stacked_card(lines)) is not None:  # a name, a unit, a telephone line, no 「-- 」
            return list(range(first)), "\n".join(part for line in lines[first:] for part in card_parts(line))
        return list(range(len(lines))), ""
    first, above = _card_top(lines, last)
    if above < 0 or not _ENDS_SENTENCE.search(lines[above].strip()):
        return list(range(len(lines))), ""
    card = [part for line in lines[first : last + 1] for part in line.split()]
    return list(range(first)), "\n".join(card)


# a picture's Content-ID as a body addresses it: <img src="cid:…">, Outlook's plain-text mark 「[cid:…]」
_CID = re.compile(r"cid:([^\"'\s>)\]]+)", re.IGNORECASE)


# Outlook's plain-text part marks where its HTML shows a picture: 「[cid:image001.png@01DC2F1A.6B3E4D50]」
_MARKED_PICTURE = re.compile(r"\[cid:[^\]\s]+\]", re.IGNORECASE)


def _content_ids(text: str) -> Iterator[str]:
    """The Content-IDs a text addresses (「cid:…」), in order, %-escapes read and angle brackets taken off: as
    the part they name carries them in its Content-ID header."""
    from urllib.parse import unquote

    for m in _CID.finditer(text):
        yield unquote(m.group(1)).strip("<>")


def _shown_pictures(page: str) -> set[str]:
    """The Content-IDs an HTML body shows as its own pictures (``<img src="cid:…">``: a letterhead, a seal,
    a signature's logo, a QR code, a notice pasted in as a picture)."""
    return set(_content_ids(page))


def _body_text(part) -> str:  # type: ignore[no-untyped-def]
    """A text part's characters, decoded by the charset it names (or the one that reads its bytes)."""
    from .encoding import decode_text

    data = part.get_payload(decode=True) or b""
    charset = (part.get_content_charset() or "").lower()
    try:
        return data.decode(_CHARSETS.get(charset, charset or "utf-8"))
    except (LookupError, UnicodeDecodeError):  # a wrong or unknown label: the bytes say what they are
        return decode_text("", data)[0]


def _leaf_parts(message):  # type: ignore[no-untyped-def]
    """The message's parts in order, not descending into a message attached whole (message/rfc822),
    which is one part of its own."""
    if message.get_content_type() == "message/rfc822" or not message.is_multipart():
        yield message
        return
    for part in message.get_payload():
        yield from _leaf_parts(part)


def _picture_cid(mark: str) -> str | None:
    """The Content-ID an ``<img>`` tag (or Outlook's plain-text 「[cid:…]」) shows, or None."""
    return next(_content_ids(mark), None)


def read_eml(name: str, data: bytes, picture_text: Callable[[str, bytes], str] | None = None) -> Message:
    """An e-mail saved whole (Outlook's, Foxmail's, Thunderbird's or a web mail's 「另存为」 .eml: RFC 5322,
    MIME) read as its text and its attachments. The body is the message's plain-text part (its first,
    outside attachments), else its HTML part as a page reads (`corpus.html`), decoded by the charset each
    names; a header's encoded words (``=?gb2312?B?…?=``) and an attachment's name, encoded in RFC 2231 or,
    as Chinese mail programs write it, in an RFC 2047 word, are decoded. Raises UnreadableFile when the
    bytes are no mail message.

    A picture the HTML body shows (``<img src="cid:…">``) is the body's, not an attachment: `picture_text`
    (its name, its bytes) gives the text it holds — a notice pasted into the mail as a screenshot — or "" for
    a letterhead, a seal, a QR code. That text is read after the body's own lines (before the signature), as a
    notice of its own: in place, the forwarder's lines under it ran into its 落款, which was then not found.
    Without `picture_text` the shown pictures are passed over."""
    import email
    import email.policy

    from .errors import UnreadableFile
    from .html import read_html

    message = email.message_from_bytes(data, policy=email.policy.default)
    if not any(message.get(key) for key, _ in _SAVED_FIELDS):
        raise UnreadableFile(f"{name} 不是有效的邮件文件（.eml）：没有发件人、收件人、时间或主题")
    header = []
    for key, label in _SAVED_FIELDS:
        value = message.get(key)
        if value is not None and str(value).strip():
            header.append(f"{label}: {' '.join(str(value).split())}")
    plain = html = None
    attachments: list[tuple[str, bytes]] = []
    invitation: list[str] = []  # the lines of the meeting invitations it carries
    pictures: dict[str, str] = {}  # each shown picture's Content-ID and the text it holds ("": none)
    # the pictures an HTML body shows in its lines are the body's, not files sent with it
    shown = set().union(
        *(
            _shown_pictures(_body_text(part))
            for part in _leaf_parts(message)
            if part.get_content_type() == "text/html"
        )
    ) - {""}
    for part in _leaf_parts(message):
        if part.get_content_type() == "message/rfc822":
            # a message forwarded as an attachment: read as an .eml of its own, under its subject
            inner = part.get_payload()[0] if isinstance(part.get_payload(), list) else None
            if inner is not None:
                subject = " ".join(str(inner.get("Subject") or "").split()) or "转发的邮件"
                attachments.append((f"{subject.replace('/', '／')}.eml", inner.as_bytes()))
            continue
        filename = part.get_filename()
        # a meeting invitation (Outlook's text/calendar beside the body, or an attached .ics): its event —
        # time, place, organizer — read after the mail's text; nothing else has them
        calendar = part.get_content_type() == "text/calendar" or (filename or "").lower().endswith(".ics")
        if calendar and (lines := invitation_lines(_body_text(part))):
            invitation.extend(line for line in lines if line not in invitation)
            continue
        cid = str(part.get("Content-ID") or "").strip().strip("<>")
        if cid in shown:  # a picture the body shows where it stands (<img src="cid:…">)
            if cid not in pictures:
                payload = part.get_payload(decode=True) or b""
                shown_name = " ".join((filename or cid).split())
                pictures[cid] = picture_text(shown_name, payload).strip() if picture_text and payload else ""
            continue
        if filename or part.get_content_disposition() == "attachment":
            payload = part.get_payload(decode=True)
            if payload:
                attachments.append((" ".join((filename or "附件").split()), payload))
        elif part.get_content_type() == "text/plain" and plain is None:
            plain = _body_text(part)
        elif part.get_content_type() == "text/html" and html is None:
            html = part
    if plain is not None:  # Outlook's marks of the pictures its HTML shows are no text
        body = _MARKED_PICTURE.sub(
            lambda m: "" if _picture_cid(m.group(0)) in pictures else m.group(0), plain
        )
    elif html is not None:
        page = read_html(name, html.get_payload(decode=True) or b"", charset=html.get_content_charset())
        body = "\n".join(block.text for block in page.blocks)
    else:
        body = ""
    body = "\n".join(line.rstrip() for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    # the sender's card (under 「-- 」, or 「组织科　宁海燕」 alone) and a quoted original's own, each read apart
    signed = split_cards(body.strip("\n"))
    body, signature = signed.body, signed.signature
    if after := [text for text in pictures.values() if text]:
        body = "\n\n".join([body, *after]).strip("\n")
    # Outlook and Exchange put the mail's own text into the event's DESCRIPTION too: a line the mail
    # already holds is read there once, not again under 「会议邀请」 with its 落款
    held = "".join((body + signature).split())
    invitation = [line for line in invitation if "".join(line.split()) not in held]
    return Message(
        "\n".join(header) + "\n\n" + body + "\n",
        tuple(attachments),
        signature,
        "\n".join(invitation),
        signed.quoted_signatures,
    )
