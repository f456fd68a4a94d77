"""A question asking what a term means gets first the passage that says it.

「双高期是啥意思」「“两费”是指哪两项费用」「什么叫精准服务」 ask for a term's meaning. A speech uses its terms
far more often than it explains them: the passages that use 「双高期」 three times outrank the one sentence
that glosses it, 「“双高期”(高龄和高发病)」. Within the ranked head, the best passage that glosses the term —
the term followed by a bracketed gloss or by 是指 / 指的是 / 就是 / 即, or after 所谓 — moves to first; the
order of the others is kept. A question asking no meaning, or naming no term, keeps its order.
"""

from __future__ import annotations

import re

from corpus import to_simplified
from index import PassageRecord

# how many of the ranked head are read for a gloss: the passage moved up was found near the top
DEFINITION_DEPTH = 5

QUOTE_REACH = 2  # characters between a closing quote and the asking words (“三心”精神指什么)
_QUOTED = r"[“\"「『‘']([^“”\"「」『』‘’']{1,12})[”\"」』’']"
# the meaning asked: 是什么意思, 啥意思, (是)指什么, 指的是什么, 是指哪…, 含义, 内涵; or 什么叫 / 何谓 before the term
_ASKS_MEANING = re.compile(
    r"(?:具体)?(?:是|试)?\s*(?:什么|啥)\s*意思|(?:具体)?(?:是|试)?指(?:的是)?(?:什么|啥|哪)|的?(?:含义|内涵|定义)"
)
_ASKS_BEFORE = re.compile(r"(?<!为)(?:什么叫|什么是|何谓|啥叫)\s*([\u4e00-\u9fffA-Za-z0-9]{2,12})")
_HAN_RUN = re.compile(r"([\u4e00-\u9fffA-Za-z0-9]{1,12})\s*$")
# a word before the term that only says where it was met (五心里的耐心, 讲话中的…)
_CONTEXT = re.compile(r".*[的里中、]")


def term_asked(question: str) -> str | None:
    """The term whose meaning the question asks, or None (the question as searched: NFKC, simplified)."""
    if found := _ASKS_BEFORE.search(question):
        return found.group(1)
    asks = _ASKS_MEANING.search(question)
    if asks is None:
        return None
    before = question[: asks.start()]
    # a quoted term just before (「“三心”精神指什么」), else the words before (「“五心”中的细心是指什么」: 细心)
    quoted = list(re.finditer(_QUOTED, before))
    if quoted and len(before) - quoted[-1].end() <= QUOTE_REACH:
        return quoted[-1].group(1)
    run = _HAN_RUN.search(before)
    if run is None:
        return None
    term = _CONTEXT.sub("", run.group(1))
    return term if len(term) >= 2 else None


def glosses(text: str, term: str) -> bool:
    """Whether a passage explains the term: 「“双高期”(高龄和高发病)」, 「耐心：是指…」, 「两费即…」, 「所谓…」."""
    t = re.escape(term)
    return bool(
        re.search(rf"{t}[”\"」』’']?\s*(?:[（(]|[:：]?\s*(?:是指|指的是|就是|即))", text)
        or re.search(rf"所谓[“\"「]?{t}", text)
    )


def definition_first(
    head: list[tuple[int, float]], records: dict[int, PassageRecord], question: str
) -> list[tuple[int, float]]:
    """The ranked head with the best passage glossing the term the question asks the meaning of first,
    when one is among the first DEFINITION_DEPTH and is not first already."""
    term = term_asked(question)
    if term is None:
        return head
    for at, (doc, _) in enumerate(head[:DEFINITION_DEPTH]):
        record = records.get(doc)
        if record is not None and glosses(to_simplified(record.text), term):
            if at == 0:
                return head
            order = list(head)
            order.insert(0, order.pop(at))
            return order
    return head
