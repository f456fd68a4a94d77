"""Markdown (.md, .markdown): an article exported from a knowledge base (语雀, 飞书, Notion, Obsidian,
a wiki) or written in a Markdown editor, read as the web page it renders to.

The text is decoded as any text file is (`corpus.encoding.decode_text`). A YAML front matter block at the
top (``---`` … ``---``: ``title:``, ``date:``, ``author:``, ``tags:``) is not body text: its title titles a
document whose body has no ``#`` heading of its own, and its date dates a document that names none (as a
saved page's 「发布时间」 does). The rest is rendered by markdown-it-py (CommonMark, with GitHub's pipe tables
and strikethrough) and read by the web page reader (`corpus.html`), so headings are structure, lists keep
their numbers, a pipe table is one row a line with each cell labelled by its column's head, and the marks
(``**``, ``#``, ``>``, ``|``, link targets, image paths) are not text.
"""

from __future__ import annotations

import html as html_escape
import re
from dataclasses import dataclass

from .dates import parse_date
from .encoding import decode_text
from .errors import EmptyDocument
from .html import HtmlText, read_html

__all__ = ["MARKDOWN_SUFFIXES", "read_markdown"]

MARKDOWN_SUFFIXES = (".md", ".markdown")

# YAML front matter: the file's first line is ``---``, the block ends at the next ``---`` (or ``...``)
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")


@dataclass(frozen=True)
class FrontMatter:
    """What a Markdown file's front matter says: its title and date (ISO), each None when it has none."""

    title: str | None
    date: str | None


def front_matter(text: str) -> tuple[FrontMatter, str]:
    """The front matter of a Markdown text and the text after it (the whole text when it has none). Only
    the simple ``key: value`` lines of YAML are read (a title, a date); lists and nested keys are passed
    over."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return FrontMatter(None, None), text
    fields: dict[str, str] = {}
    for line in (match.group(1) or "").splitlines():
        if (field := _FIELD.match(line)) is not None:
            fields.setdefault(field.group(1).lower(), _unquoted(field.group(2)))
    title = fields.get("title") or None
    day = next(
        (d for key in ("date", "created", "updated") if (d := _day(fields.get(key, ""))) is not None), None
    )
    return FrontMatter(title, day), text[match.end() :]


def _unquoted(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _day(value: str) -> str | None:
    """An ISO day from a front matter date (``2027-05-20``, ``2027-05-20 10:30:00``, ``2027/5/20``,
    ``2027年5月20日``)."""
    value = value.strip()
    if not value:
        return None
    if (iso := re.match(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b", value)) is not None:
        year, month, day = (int(g) for g in iso.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
        return None
    return parse_date(value)


def render(text: str) -> str:
    """The HTML a Markdown text renders to (CommonMark with pipe tables and strikethrough; inline HTML, as
    editors leave ``<br>``, is passed through and read as a web page's is)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(text)


def read_markdown(name: str, data: bytes) -> HtmlText:
    """A Markdown file's body as blocks, with its reference text (the rendered page's text) and the date of
    its front matter (ISO, or None) as the date it was published."""
    text, encoding = decode_text(name, data)
    meta, body = front_matter(text)
    page = render(body)
    title = f"<title>{html_escape.escape(meta.title)}</title>" if meta.title else ""
    has_heading = re.search(r"<h1\b", page) is not None
    if meta.title and not has_heading:  # the front matter's title is the only title the article has
        page = f"<h1>{html_escape.escape(meta.title)}</h1>\n{page}"
    # the whole rendering is the article (a .md has no menus or footers around it): without the mark the
    # page reader took a quote holding most of the text for the body, and dropped the title and headings
    document = (
        f'<html><head><meta charset="utf-8">{title}</head><body><article>{page}</article></body></html>'
    )
    try:
        read = read_html(name, document.encode("utf-8"), charset="utf-8")
    except EmptyDocument as e:  # the page reader's words are about a site's menus, which a .md has none of
        raise EmptyDocument(f"{name} 中没有找到正文：只有标题或零散的字词，没有成句的文字") from e
    return HtmlText(read.blocks, read.reference, f"markdown/{encoding}", read.published or meta.date)
