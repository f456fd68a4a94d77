"""Telegram-flavoured HTML as Telegram parses it: the check behind the fake Bot API's sendMessage.

``parse_html`` turns a message's HTML into ``(plain_text, entities)`` exactly as Telegram would, and
raises :class:`HTMLParseError` for what Telegram rejects ("can't parse entities"). Tests use it
directly too, to check a message the bot built.
"""

from __future__ import annotations

import html as _html
import re
from typing import Any

JSON = dict[str, Any]

# Allowed HTML tags and the MessageEntity type each one produces.
_TAG_ENTITY = dict.fromkeys(("b", "strong"), "bold") | dict.fromkeys(("i", "em"), "italic")
_TAG_ENTITY |= dict.fromkeys(("u", "ins"), "underline") | dict.fromkeys(
    ("s", "strike", "del"), "strikethrough"
)
_TAG_ENTITY |= {"a": "text_link", "code": "code", "pre": "pre", "blockquote": "blockquote"}
_TAG_ENTITY |= dict.fromkeys(("tg-spoiler", "span"), "spoiler")
_CHAR_REF = re.compile(r"&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|(lt|gt|amp|quot));")
_TAG_NAME = re.compile(r"<([^\s>]*)")
_ATTR = re.compile(r"""([A-Za-z][\w-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")


class HTMLParseError(ValueError):
    """Raised for HTML that Telegram would reject with "can't parse entities"."""


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit Telegram counts lengths and offsets in."""
    return len(text.encode("utf-16-le")) // 2


def parse_html(text: str, *, strict: bool = True) -> tuple[str, list[JSON]]:
    """Parse Telegram-flavoured HTML into ``(plain_text, entities)`` like Telegram does.

    Only b, strong, i, em, u, ins, s, strike, del, a, code, pre, tg-spoiler,
    ``span class="tg-spoiler"`` and blockquote are allowed, properly nested. Character
    references &lt; &gt; &amp; &quot; and numeric ones are decoded. With ``strict`` a bare
    ``&`` or ``>`` is an error too (real Telegram tolerates those; the fake insists on
    ``html.escape``). Raises :class:`HTMLParseError` with a tdlib-like message.
    """
    out: list[str] = []
    u16 = 0
    stack: list[tuple[str, int, dict[str, str]]] = []
    entities: list[JSON] = []
    i, n = 0, len(text)

    def at(pos: int) -> str:
        return f"at byte offset {len(text[:pos].encode())}"

    while i < n:
        ch = text[i]
        if ch == "&" and (m := _CHAR_REF.match(text, i)):
            if m.group(3):
                ch = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}[m.group(3)]
            else:
                code = int(m.group(1)) if m.group(1) else int(m.group(2), 16)
                if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
                    raise HTMLParseError(f"invalid character reference {at(i)}")
                ch = chr(code)
            out.append(ch)
            u16 += utf16_len(ch)
            i = m.end()
            continue
        if strict and ch in "&>":
            raise HTMLParseError(f"unescaped {ch!r} {at(i)}; use html.escape()")
        if ch != "<":
            out.append(ch)
            u16 += utf16_len(ch)
            i += 1
            continue
        if text.startswith("</", i):
            end = text.find(">", i)
            if end < 0:
                raise HTMLParseError(f"unclosed end tag {at(i)}")
            name = text[i + 2 : end].strip().lower()
            if not stack:
                raise HTMLParseError(f"unexpected end tag {at(i)}")
            open_name, start, attrs = stack.pop()
            if name != open_name:
                raise HTMLParseError(
                    f'unmatched end tag {at(i)}, expected "</{open_name}>", found "</{name}>"'
                )
            _close_entity(open_name, start, u16, attrs, stack, entities)
            i = end + 1
            continue
        name_match = _TAG_NAME.match(text, i)
        assert name_match is not None
        name = name_match.group(1).lower()
        if name_match.end() >= n:
            raise HTMLParseError(f"unclosed start tag {at(i)}")
        if name not in _TAG_ENTITY:
            raise HTMLParseError(f'unsupported start tag "{name}" {at(i)}')
        attrs: dict[str, str] = {}
        j = name_match.end()
        while True:
            while j < n and text[j].isspace():
                j += 1
            if j >= n:
                raise HTMLParseError(f"unclosed start tag {at(i)}")
            if text[j] == ">":
                break
            am = _ATTR.match(text, j)
            if am is None:
                raise HTMLParseError(f'invalid attribute of the tag "{name}" {at(j)}')
            value = next((g for g in am.groups()[1:] if g is not None), "")
            attrs[am.group(1).lower()] = _html.unescape(value)
            j = am.end()
        if name == "span" and attrs.get("class") != "tg-spoiler":
            raise HTMLParseError(f'tag "span" must have class "tg-spoiler" {at(i)}')
        stack.append((name, u16, attrs))
        i = j + 1
    if stack:
        raise HTMLParseError(f'can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


def _close_entity(
    name: str,
    start: int,
    end: int,
    attrs: dict[str, str],
    stack: list[tuple[str, int, dict[str, str]]],
    entities: list[JSON],
) -> None:
    """Turn a closed tag into a MessageEntity dict (``<pre><code class="language-x">`` merges)."""
    if name == "code" and stack and stack[-1][0] == "pre":
        if attrs.get("class", "").startswith("language-"):
            stack[-1][2]["language"] = attrs["class"][len("language-") :]
        return
    if end <= start or (name == "a" and "href" not in attrs):
        return
    entity: JSON = {"type": _TAG_ENTITY[name], "offset": start, "length": end - start}
    if name == "a":
        entity["url"] = attrs["href"]
    elif name == "pre" and "language" in attrs:
        entity["language"] = attrs["language"]
    elif name == "blockquote" and "expandable" in attrs:
        entity["type"] = "expandable_blockquote"
    entities.append(entity)


def html_to_text(html: str) -> str:
    """Plain text of a Telegram HTML message (tags stripped, references decoded)."""
    return parse_html(html, strict=False)[0]
