"""A notice that came by e-mail and was saved as text: the message's header and quote marks taken off.

Staff forward notices by e-mail and save the message as a .txt (Outlook's, Foxmail's or a web mail's
「另存为文本」, or the text copied out of the window). Such a file holds, besides the notice, the mail
program's own lines: the header of each message in the chain — 「发件人: …」「发送时间: …」「收件人: …」
「抄送: …」「主题: …」 (or From / Sent / Date / To / Cc / Subject), often under a separator such as
「-----原始邮件-----」 or 「---------- Forwarded message ---------」 — and, in a reply or a forward, the
earlier message quoted line by line with 「> 」 (「>> 」 a level deeper).

`mail_text` gives the text as the notice reads: the header lines and separators dropped, every line's
quote marks taken off (the rest of the line, its indentation included, kept), and the subject (without
its 「转发：」「回复：」「Fw:」「Re:」) put first, as the title the message was sent under. Nothing else moves
or goes: a forwarder's own note stays where it was, before the notice it forwards.

A text is taken for a saved e-mail only when it holds a header: three or more header lines in a row (blank
lines between them allowed), among them a sender's, the time it was sent (a value with a digit: every mail
program writes it) and a subject or a recipient (a mail sent with no subject still names whom it went to).
A notice that merely has a 「主题：」 line, or one 「发件人」, or quotes a line beginning with 「>」, or tells
what to fill in (「发件人：单位名称」「主题：材料名称」「时间：报送日期」), is left as it is.
"""

from __future__ import annotations

import re

_SEPARATOR = re.compile(
    r"^\s*-{3,}\s*(?:原始邮件|原邮件|邮件原文|转发邮件信息|转发的邮件|Original Message|Forwarded message)\s*-{3,}\s*$",
    re.IGNORECASE,
)
_HEADER = re.compile(
    r"^\s*(?P<key>发件人|发信人|发送时间|发送日期|发信时间|时间|日期|收件人|抄送人|抄送|密送|主题|"
    r"From|Sent|Date|To|Cc|Bcc|Subject)\s*[:：]\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_SENDER_KEYS = {"发件人", "发信人", "from"}
_SUBJECT_KEYS = {"主题", "subject"}
_RECIPIENT_KEYS = {"收件人", "to"}
_TIME_KEYS = {"发送时间", "发送日期", "发信时间", "时间", "日期", "sent", "date"}
_MIN_HEADER_LINES = 3
_QUOTE = re.compile(r"^ ?(?:> ?)+")
_REPLY_PREFIX = re.compile(r"^\s*(?:(?:转发|回复|答复|Fwd?|Re|Aw)\s*[:：]\s*)+", re.IGNORECASE)


def _header_key(line: str) -> str | None:
    match = _HEADER.match(line)
    return match.group("key").lower() if match else None


def _is_header(lines: list[str], keys: list[int]) -> bool:
    """Whether the header lines `keys` (indices into `lines`) are a message's header: see the module."""
    found = {_header_key(lines[n]) for n in keys}
    dated = any(
        (m := _HEADER.match(lines[n]))
        and m.group("key").lower() in _TIME_KEYS
        and re.search(r"\d", m["value"])
        for n in keys
    )
    return (
        len(keys) >= _MIN_HEADER_LINES
        and bool(_SENDER_KEYS & found)
        and dated
        and bool((_SUBJECT_KEYS | _RECIPIENT_KEYS) & found)
    )


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
                end = m + 1
            m += 1
        if _is_header(lines, keys):
            blocks.append(range(n, end))
        n = end
    return blocks


def is_mail(text: str) -> bool:
    """Whether `text` is a saved e-mail: it holds a message header (see the module's docstring)."""
    return bool(_header_blocks([_QUOTE.sub("", line) for line in text.splitlines()]))


def mail_text(text: str) -> str:
    """`text` as the notice it carries when it is a saved e-mail (else unchanged): header lines and
    separators dropped, quote marks taken off, the subject first."""
    unquoted = [_QUOTE.sub("", line) for line in text.splitlines()]
    blocks = _header_blocks(unquoted)
    if not blocks:
        return text
    header = {n for block in blocks for n in block}
    subject = ""
    for n in blocks[0]:
        match = _HEADER.match(unquoted[n])
        if match and match.group("key").lower() in _SUBJECT_KEYS:
            subject = _REPLY_PREFIX.sub("", match.group("value")).strip()
            break
    body = [line for n, line in enumerate(unquoted) if n not in header and not _SEPARATOR.match(line)]
    while body and not body[0].strip():
        del body[0]
    if subject and not (body and body[0].strip() == subject):
        body = [subject, "", *body]
    return "\n".join(body) + "\n"
