"""What a paragraph style's name says a paragraph is, the same for every office format (Word, OpenDocument,
RTF): Title / 标题 a title, Subtitle / 副标题 a subtitle, Heading N / 标题 N a heading of level N."""

from __future__ import annotations

import re

_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)


def named_kind(name: str) -> tuple[str, int] | None:
    """(kind, level) the style name gives, or None for a name that says nothing (Normal, 正文, Body Text)."""
    name = name.strip()
    lowered = name.lower()
    if lowered == "title" or name == "标题":
        return "title", 0
    if lowered == "subtitle" or name == "副标题":
        return "subtitle", 0
    match = _HEADING_STYLE.match(name)
    if match and int(match.group(1)) >= 1:
        return "heading", int(match.group(1))
    return None
