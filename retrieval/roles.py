"""What role of a notice a question asks for — *whom* (「手环发给哪些人」), *how much* (「补贴多少钱」), *how to*
(「怎么办理」), *when* (「什么时候」), *whom to contact* (「找谁」) — and whether a passage's section heading names
that role (「一、配发对象」, 「二、补贴标准」, 「三、办理程序」, 「时间安排」, 「联系方式」).

A notice's items are headed by what they settle, and staff ask by the same roles in other words: the item
that answers 「手环发给哪些人」 is 「一、配发对象」, whose text (「年满80周岁的，或者独居…」) shares no word
with the question. The roles and their words are a data file (retrieval/data/heading_roles.txt); the
ranker reads the match as one feature (`ranker.FEATURES`, "role").

Only a short heading names a role (at most `MAX_ROLE_HEADING` characters without its number): a speech's
long headings (「三、扎实做好今年的重点工作」) state a point, and a word like 标准 in them is no item's role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

from corpus import to_simplified

ROLES_FILE = "heading_roles.txt"
MAX_ROLE_HEADING = 8
# a heading's number: 一、 （一） 1. 1、 第一章 第三条 第二部分
_NUMBER = re.compile(
    r"^\s*(?:[一二三四五六七八九十百零〇]+\s*[、.．]|[（(]\s*[一二三四五六七八九十百零〇0-9]+\s*[）)]"
    r"|[0-9]+(?:\.[0-9]+)*\s*[、.．]?|第[一二三四五六七八九十百零〇0-9]+(?:章|节|条|部分|篇))\s*"
)


@dataclass(frozen=True)
class Role:
    """A role of a notice's items: the pattern of a question asking for it, the heading words naming it."""

    name: str
    asked: re.Pattern[str]
    heading_words: tuple[str, ...]


def parse_roles(text: str) -> tuple[Role, ...]:
    """The roles of a heading_roles.txt text; ValueError when a role lacks either line."""
    roles: list[Role] = []
    name: str | None = None
    asked: list[str] = []
    words: list[str] = []

    def close() -> None:
        if name is None:
            return
        if not asked or not words:
            raise ValueError(f"role {name} needs both a 问 line and a 题 line")
        roles.append(Role(name, re.compile("|".join(f"(?:{a})" for a in asked)), tuple(words)))

    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            close()
            name, asked, words = line[1:-1].strip(), [], []
        elif name is not None and line.startswith("问"):
            asked += line[1:].split()
        elif name is not None and line.startswith("题"):
            words += line[1:].split()
        else:
            raise ValueError(f"heading roles: cannot read {raw!r}")
    close()
    return tuple(roles)


@cache
def bundled_roles() -> tuple[Role, ...]:
    return parse_roles((files("retrieval") / "data" / ROLES_FILE).read_text(encoding="utf-8"))


@lru_cache(maxsize=1024)
def asked_roles(question: str, roles: tuple[Role, ...] | None = None) -> frozenset[str]:
    """The roles a question (either script) asks for: 「手环发给哪些人」 → {对象}; empty for most questions."""
    question = to_simplified(question)
    return frozenset(r.name for r in roles or bundled_roles() if r.asked.search(question))


@lru_cache(maxsize=4096)
def heading_roles(section: str | None, roles: tuple[Role, ...] | None = None) -> frozenset[str]:
    """The roles a passage's section heading names: its last level (「二、采集内容 › 联系方式」 → 联系方式),
    without its number, when that is short and holds a role's word (「一、配发对象」 → {对象})."""
    if not section:
        return frozenset()
    label = _NUMBER.sub("", to_simplified(section).rsplit("›", 1)[-1].strip()).strip()
    if not label or len(label) > MAX_ROLE_HEADING:
        return frozenset()
    return frozenset(r.name for r in roles or bundled_roles() if any(w in label for w in r.heading_words))


def role_match(asked: frozenset[str], section: str | None) -> float:
    """1.0 when the passage's heading names a role the question asks for, else 0.0."""
    return 1.0 if asked and asked & heading_roles(section) else 0.0


def role_words(question: str) -> list[str]:
    """The heading words of the roles a question asks for, in the file's order."""
    asked = asked_roles(question)
    return [w for r in bundled_roles() if r.name in asked for w in r.heading_words]
