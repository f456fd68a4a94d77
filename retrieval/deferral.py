"""A passage that only defers what is asked stands below its document's passages that may give it.

Documents put off what they do not settle yet: 「…这两个活动的具体内容与要求，市局将专门下发文件」, 「具体日程另行
通知」, 「室外采风地点另行通知」. Such a sentence names what is asked (内容, 日程, 地点) without giving it, and it
outranked the passages that give it (dev q018 「五心服务品牌 内容」: the deferring passage first, the content
fourth). After the learned ranker, within the first DEFERRAL_DEPTH of the ranked head, a passage that *only*
defers what the question asks moves below the last passage of its own document there that does not defer it.

The rule is relative: a deferring passage with no passage of its document below it there keeps its place —
when 「另行通知」 is all the documents say, it is still the answer. A passage that gives what is asked besides
deferring part of it (「安排在2月1日至2月4日，具体日程另行通知」: a time; 「三楼302教室，室外采风地点另行通知」: a
room) does not move: only what a deferring sentence leaves unsaid is deferred. Measured: docs/rank56.md.
"""

from __future__ import annotations

import re

from corpus import to_simplified
from index import PassageRecord

from .answer_type import asked_kinds
from .answer_type import holds as holds_kind

# how many of the ranked head are read: the page a user sees
DEFERRAL_DEPTH = 5

# what a document says when it puts something off: 另行通知 / 另文下发 / 专门下发文件 / 届时通知 / 另行公布 / 待定
_DEFERS = re.compile(
    r"另行(?:通知|下发|印发|公布|告知|发布|确定|商定|部署)|另文(?:下发|通知|印发|部署)|专门(?:下发|印发)"
    r"|(?:届时|随后|稍后)(?:另行|再行?)?(?:通知|告知|公布)|另发(?:文件|通知)|(?:时间|地点|日程|名单)待定"
)
# the nouns naming what a question asks for, when it asks for them: the noun it ends on (「五心服务品牌 内容」,
# 「…主要内容是什么」) or one an interrogative asks (「学哪些内容」, 「年龄有什么要求」) — not a verb (「局里要求…什么时候报」)
_NOUNS = "内容|事项|安排|要求|办法|细则|方案|名单|日程|时间|日期|地点|地址"
_ASKED_NOUN = re.compile(
    rf"(?:什么|哪些|啥|哪几[个项条种]?)(?:样的?|的)?({_NOUNS})"
    rf"|({_NOUNS})(?:是什么|是啥|是哪些|有哪些|包括哪些|有什么|有啥|怎么样|如何|呢)?\s*[？?。！!]*\s*$"
)
# the words a document defers an asked kind by (「具体时间另行通知」, 「采风地点另行通知」)
_KIND_WORDS = {"time": ("时间", "日期", "日程", "时段"), "place": ("地点", "地址", "场所", "场地")}
_SENTENCES = re.compile(r"[^。；;！!？?\n]+")
_CLAUSES = re.compile(r"[^。；;！!？?\n，,：:]+")
# a place given: a house number, a room, a hall (「城南路88号」, 「三楼302教室」, 「二楼会议室」)
_PLACE = re.compile(
    r"(?:路|街|巷|弄|道)\s*[0-9０-９一二三四五六七八九十百]+\s*号|[0-9０-９]+\s*(?:室|教室|房间)|"
    r"会议室|教室|礼堂|大厅|报告厅|活动室|多功能厅"
)
_PLACE_LABEL = re.compile(r"(?:地点|地址)[：:为在]\s*[^\s，。；]")


def asked_things(question: str) -> frozenset[str]:
    """The words a passage could defer what the question asks by: the noun naming what is asked (内容, 要求,
    安排, 时间, 地点…, `_ASKED_NOUN`), and the words of the kinds it asks by an interrogative (什么时候 →
    时间, 日期, 日程; 在哪里 → 地点, 地址). The question as searched (NFKC, simplified)."""
    folded = to_simplified(question).lower()
    words = {w for m in _ASKED_NOUN.finditer(folded) for w in m.groups() if w}
    for kind in asked_kinds(folded):
        words.update(_KIND_WORDS.get(kind, ()))
    return frozenset(words)


def says_later(text: str) -> bool:
    """Whether a text puts anything off (「另行通知」, 「专门下发文件」, 「地点待定」…), whatever it defers."""
    return _DEFERS.search(to_simplified(text)) is not None


def only_defers(text: str, asked: frozenset[str]) -> bool:
    """Whether a passage names what is asked only in sentences that put something off (`_DEFERS`), and those
    sentences give no time or place beside what they put off (「安排在2月1日至2月4日，具体日程另行通知」 gives the
    days; 「三楼302教室，室外采风地点另行通知」 the room). A passage holding an asked word in any other sentence
    does not only defer."""
    if not asked:
        return False
    sentences = _SENTENCES.findall(to_simplified(text))
    deferring = [s for s in sentences if _DEFERS.search(s) and any(w in s for w in asked)]
    if not deferring:
        return False
    if any(w in s for s in sentences if not _DEFERS.search(s) for w in asked):
        return False
    given = "，".join(c for s in deferring for c in _CLAUSES.findall(s) if not _DEFERS.search(c))
    return not (holds_kind("time", given) or _PLACE.search(given))


def deferring_below_giving(
    head: list[tuple[int, float]], records: dict[int, PassageRecord], question: str
) -> list[tuple[int, float]]:
    """The ranked head with each passage among its first DEFERRAL_DEPTH that only defers what `question` asks
    (`only_defers`) moved below the last passage of its own document there that may give it: one that does not
    defer it and, when the question asks a time or a place by an interrogative (什么时候, 在哪里), holds one
    (`gives_kind`) — a notice whose only word on the time is 「时间另行通知」 keeps that passage first. A document's
    deferring passages keep their order among themselves, and the others keep theirs; a passage missing from `records` stays where it is."""
    asked = asked_things(question)
    if not asked:
        return head
    top = head[:DEFERRAL_DEPTH]
    deferring = {d for d, _ in top if (r := records.get(d)) is not None and only_defers(r.text, asked)}
    if not deferring:
        return head
    kinds = asked_kinds(to_simplified(question).lower()) & set(_KIND_WORDS)
    order = list(top)
    for doc in [d for d, _ in reversed(top) if d in deferring]:  # the lowest first: they keep their order
        at = next(i for i, (d, _) in enumerate(order) if d == doc)
        speech = records[doc].speech_id
        below = [
            i
            for i in range(at + 1, len(order))
            if order[i][0] not in deferring
            and (r := records.get(order[i][0])) is not None
            and r.speech_id == speech
            and all(gives_kind(k, r.text) for k in kinds)
        ]
        if below:
            order.insert(below[-1], order.pop(at))
    return order + head[DEFERRAL_DEPTH:]


def gives_kind(kind: str, text: str) -> bool:
    """Whether a passage gives an answer of an asked kind: a time (a date, an hour), or a place (an address, a
    room, a hall: `_PLACE`, or a 地点/地址 label with what follows it)."""
    simple = to_simplified(text)
    if kind == "time":
        return holds_kind("time", simple)
    return _PLACE.search(simple) is not None or _PLACE_LABEL.search(simple) is not None
