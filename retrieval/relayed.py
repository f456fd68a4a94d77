"""The question inside a relayed message: what staff paste from a chat is searched without its frame.

Staff forward a colleague's message as it came (「王处，老干部那边问：今年体检几号开始？麻烦查下」): the
question sits between an address, a relaying clause and a request to look it up. Searched whole, the
frame's words (王处, 那边, 查下) are words no passage holds, and the question was judged on them — a
question the library answers was told 「可能相关」 or 「未找到」. The frame is read by word classes, never by
whole sentences:

- at the start: an @mention, a chat's 【label】, 转发 / 转一下, and clauses that only address someone (a
  name or a surname and a title or kin word: 王处, 张科, 刘姐, 各位) or relay what someone asked or said
  (老干部那边问, 有个老同志打电话来问, 领导刚在群里说:, 陈主任的话:);
- at a clause's start, in a message with a frame: 「想问下」「请问」「谁知道」 — how the question is put, not
  what it asks;
- at the end, after a clause that asks: requests to look it up or answer (麻烦查下, 帮忙查一下哈, 请查,
  你帮忙看看文件怎么说的, 尽快报给我, 收到请回复) and thanks.

A clause naming one of the library's speakers is never dropped (「沈伟同志说：…」 names whose speech); nothing
is dropped unless a question remains (a clause that asks), so a message that is all frame, or that asks
nothing, is searched as it was typed. The text is the question as searched (NFKC: 「：」 is 「:」).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from .vocabulary import INTERROGATIVE

# separators between clauses (NFKC folds the full-width ones to these), with the space staff type
_SEP = r"[,:;。!?、\s]"
_MENTION = re.compile(r"^\s*@\S+\s*")
_LABEL = re.compile(r"^\s*[【\[][^】\]]{0,20}[】\]]\s*")
_FORWARD = re.compile(r"^\s*(?:转发(?=\s|:)|转一下)\s*")  # not 转账, 转接, 转发《…》的通知
_OPEN_QUOTE = re.compile(r"^[\s“”\"'‘’「『《]+")
_CLOSE_QUOTE = re.compile(r"[\s“”\"'‘’」』》]+$")
# a clause that only addresses someone: an optional surname or two characters, then a title or kin word
_TITLES = (
    "处长|科长|局长|主任|书记|部长|主席|院长|所长|站长|校长|经理|老师|师傅|领导|同志|同事|姐|哥|处|科|局|总"
)
_ADDRESS = re.compile(rf"^(?:[\u4e00-\u9fff]{{0,2}}(?:{_TITLES})|各位|大家|亲们|[老小][\u4e00-\u9fff])$")
# a clause relaying what someone asked or said: it ends in the relaying verb (「…的话」 a quotation)
# (问 after who asks or how: 慰问, 访问 and 顾问 end words, not relays)
_RELAY_ASKED = re.compile(r"(?:来问|在问|想问|那边问|这边问|让我问|托我问|要我问|问我|问道|问了|打听)$")
_RELAY_SAID = re.compile(r"(?:说|说道|讲|交代|的话|留言)$")  # only before a colon: 「…说：」
# how a question is put at the start of a clause: 想问下, 请问, 问一下, 谁知道, 有谁清楚
_PUT = re.compile(
    r"(?:(?:我|就)?(?:想|要)?(?:请)?问(?:一下|下|问)|请问|想了解一下|想咨询一下|(?:有)?谁(?:知道|晓得|清楚))"
    r"[,:\s]*"
)
_ASKED_OF = re.compile(r"^(?:你|您|帮忙|帮我|麻烦|请|烦请|劳驾)")
# a request to look it up, answer or pass it on, or thanks, as a whole clause after the question
_REQUEST = re.compile(
    r"^(?:你|您)?(?:再|先)?(?:帮忙|帮我|帮着|麻烦|请|烦请|辛苦|劳驾|尽快|赶紧|抓紧|方便时)?(?:你|您)?(?:帮忙|帮我)?"
    r"(?:查|看看|看下|看一下|找找|找一下|问问|问下|回复|回个|回一下|报给|告诉|发给|发我|确认)"
    r"|^(?:收到|谢谢|多谢|感谢|辛苦了|拜托|麻烦了|麻烦你|麻烦您)"
)


def _asks(text: str) -> bool:
    return "?" in text or bool(INTERROGATIVE.search(text))


def _clauses(text: str) -> list[str]:
    """The text cut after each separator (each piece keeps the separators that end it)."""
    return [p for p in re.findall(rf"[^,:;。!?、\s]+{_SEP}*|{_SEP}+", text) if p]


def _bare(piece: str) -> str:
    return _CLOSE_QUOTE.sub("", _OPEN_QUOTE.sub("", re.sub(rf"{_SEP}+$", "", piece)))


def _names_speaker(clause: str, speakers: Collection[str]) -> bool:
    return any(s and s in clause for s in speakers)


def question_inside(text: str, speakers: Collection[str] = ()) -> str:
    """The question of a relayed message without its frame (the module's docstring); the text itself
    when it asks nothing or is all frame. `speakers`: the library's speakers, never dropped."""
    if not _asks(text):
        return text
    rest = text
    while True:  # the lead: mentions, labels, 转发, addressing and relaying clauses
        before = rest
        for pattern in (_MENTION, _LABEL, _FORWARD):
            rest = pattern.sub("", rest, count=1)
        pieces = _clauses(rest)
        if pieces:
            first, bare = pieces[0], _bare(pieces[0])
            colon = ":" in first
            relays = _RELAY_ASKED.search(bare) or (colon and _RELAY_SAID.search(bare))
            if (
                bare
                and len(pieces) > 1
                and not _asks(bare)
                and not _names_speaker(bare, speakers)
                # an address is set off by a mark (「王处，」「各位:」); one followed by a space alone is a
                # keyword, the question's own subject (「老同志 讲政治表率 还要成为什么」)
                and ((_ADDRESS.match(bare) and first.rstrip() != bare) or relays)
            ):
                rest = "".join(pieces[1:])
        if rest == before:
            break
    led = rest != text
    pieces = _clauses(rest)
    while len(pieces) > 1:  # the tail: requests and thanks after a clause that asks
        last = _bare(pieces[-1])
        # a clause that asks is a request only when put to someone (你帮忙看看…怎么说的; not 报给哪个科)
        if last and not (_REQUEST.match(last) and (not _asks(last) or _ASKED_OF.match(last))):
            break
        if not _asks("".join(pieces[:-1])):
            break
        pieces.pop()
    rest = "".join(pieces)
    if rest == text:  # no frame: the question as typed (「请问…」 alone is searched as it always was)
        return text
    if led:  # a lead was dropped: the quotation it introduced opens the question
        rest = _OPEN_QUOTE.sub("", rest)
    rest = re.sub(rf"(^|{_SEP}|[“\"「])\s*{_PUT.pattern}", r"\1", rest).strip()
    rest = re.sub(rf"{_SEP}+$", lambda m: "?" if "?" in m.group() else "", rest)
    if not rest or not _asks(rest):
        return text
    return rest
