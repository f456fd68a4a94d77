"""An article copied out of a WeChat official account (公众号) and saved as text: the account's own lines
taken off.

Bureaus post notices as articles on their 公众号, and staff copy the article on a phone or in WeChat for PC
and paste it into Notepad. What comes with the article is the account's frame, not the notice: over it
the invitation to follow (「点击蓝字 关注我们」「点击上方蓝字关注我们」) and the byline the app prints under
the title (「原创 黛川老干部 黛川老干部 2026年03月02日 18:05」: 原创, the author, the account, the day and time
posted, sometimes the place); under it the end mark (「— END —」), the editors' credits (「编辑：… | 审核：…」,
「来源：…」), the account's links to other articles (「往期推荐」 and their titles), 「阅读原文」 and the row of
buttons 「分享 收藏 在看 点赞」. Read as text, the invitation became the title, the byline ran into the
first paragraph and the links' titles into the last.

`read_article` gives the text as the article reads — the invitation and byline lines dropped, and from
the first line of the foot (the end mark, 「往期推荐」, 「阅读原文」 or the buttons, with the credits just above
it) to the end of the text —, its headline (the line over the byline: the document's title, whatever
punctuation it holds: 「开心农场等你来！…开始啦🌱」 was read as a sentence, and run into the first
paragraph) and the day the byline says it was posted (2026-03-02), which is the document's date only
when the article itself names none. Nothing else is touched: the article's own
lines, emoji included, stay as they were.

A text is taken for such an article only when it has two of these marks: the invitation to follow among
its first lines, a byline among its first lines, and a foot (「阅读原文」 or the buttons' row) among its last.
A notice that merely says 「关注我们」 in a sentence, or ends 「（完）」, is left as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEAD_LINES = 8  # the invitation and the byline are among the first lines
_FOOT_LINES = 30  # the foot is among the last
_MAX_HEADLINE = 64  # characters: WeChat keeps a headline to 64

# 「点击蓝字 关注我们」「点击上方蓝字关注我们」「点击“黛川老干部”关注我们」「↑点击上方蓝字，关注我们」
_FOLLOW = re.compile(
    r"^\W*点击?(?:上方|下方)?\s*(?:蓝字|[“\"「].{1,20}[”\"」])\s*[,，]?\s*(?:一键)?关注(?:我们)?\W*$"
)
# 「原创 黛川老干部 黛川老干部 2026年03月02日 18:05 黛川」: the day posted, and a time
_BYLINE = re.compile(
    r"^(?:原创\s+)?(?:\S{1,24}\s+){0,3}(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日\s+\d{1,2}:\d{2}(?:\s+\S{1,12})?$"
)
_END = re.compile(r"^\W*(?:END|End|end|完)\W*$")  # 「— END —」「-END-」「(完)」 alone on a line
_MORE = re.compile(r"^\W*(?:往期推荐|往期回顾|推荐阅读|相关阅读|精彩推荐)\W*$")
_ORIGINAL = re.compile(r"^\W*(?:点击)?[“\"]?阅读原文[”\"]?\W*$")
_BUTTONS = re.compile(r"^(?:(?:分享|收藏|在看|点赞|赞|转发|喜欢)\s*){2,}$")
_CREDIT = re.compile(r"^(?:来源|编辑|责编|责任编辑|审核|审校|校对|排版|美编|图片|文字|供稿)\s*[:：]")


@dataclass(frozen=True)
class Article:
    """A text read as a pasted 公众号 article: `text` without the account's lines, and `posted`, the day
    (2026-03-02) its byline says it was posted, or None (no article, or no byline)."""

    text: str
    posted: str | None = None
    title: str | None = None  # the article's headline: the line(s) over the byline


def account_lines(lines: list[str]) -> set[int]:
    """In the lines of an article known to be a 公众号's (a page with WeChat's own markup), the indices of the
    account's lines: the invitation to follow among the first lines, and the foot — from the end mark,
    「往期推荐」, 「阅读原文」 or the buttons' row among the last lines, with the credits (「编辑：…」「审核：…」
    「来源：…」) just above it — to the end."""
    stripped = [line.strip() for line in lines]
    dropped = {i for i, line in enumerate(stripped[:_HEAD_LINES]) if _FOLLOW.match(line)}
    first_foot = max(0, len(lines) - _FOOT_LINES)
    marks = [
        i
        for i in range(first_foot, len(lines))
        if _END.match(stripped[i])
        or _ORIGINAL.match(stripped[i])
        or _BUTTONS.match(stripped[i])
        or _MORE.match(stripped[i])
    ]
    if marks:
        foot = min(marks)
        while foot > 0 and (not stripped[foot - 1] or _CREDIT.match(stripped[foot - 1])):
            foot -= 1
        dropped |= set(range(foot, len(lines)))
    return dropped


def read_article(text: str) -> Article:
    """`text` as the article reads, when it is one copied from a WeChat official account, else unchanged."""
    lines = text.split("\n")
    stripped = [line.strip() for line in lines]
    head = [i for i, line in enumerate(stripped[:_HEAD_LINES]) if _FOLLOW.match(line)]
    bylines = [i for i, line in enumerate(stripped[:_HEAD_LINES]) if _BYLINE.match(line)]
    first_foot = max(0, len(lines) - _FOOT_LINES)
    marks = [
        i
        for i in range(first_foot, len(lines))
        if _ORIGINAL.match(stripped[i]) or _BUTTONS.match(stripped[i]) or _MORE.match(stripped[i])
    ]
    if sum(1 for found in (head, bylines, [m for m in marks if not _MORE.match(stripped[m])]) if found) < 2:
        return Article(text)
    foot = len(lines)
    ends = [i for i in range(first_foot, len(lines)) if _END.match(stripped[i])]
    if ends or marks:
        foot = min([*ends, *marks])
        while foot > 0 and (not stripped[foot - 1] or _CREDIT.match(stripped[foot - 1])):
            foot -= 1
    dropped = set(head) | set(bylines)
    posted = title = None
    if bylines:
        match = _BYLINE.match(stripped[bylines[0]])
        assert match is not None
        posted = f"{match['y']}-{int(match['m']):02d}-{int(match['d']):02d}"
        # the headline is what the app prints over the byline: one or two lines, under the invitation
        above = [i for i in range(max(head, default=-1) + 1, bylines[0]) if stripped[i]]
        if 1 <= len(above) <= 2 and sum(len(stripped[i]) for i in above) <= _MAX_HEADLINE:
            title = "".join(stripped[i] for i in above)
            dropped |= set(above)
    kept = [line for i, line in enumerate(lines[:foot]) if i not in dropped]
    while kept and not kept[0].strip():
        kept.pop(0)
    return Article("\n".join(kept), posted, title)
