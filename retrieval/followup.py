"""An elliptical follow-up (「那退休干部呢？」 after 「离休干部体检规定是什么？」), read as the earlier question with
the new words in place of those they stand for: 「退休干部体检规定是什么？」.

Chinese asks the next of a series by naming only what changes, 「X呢？」. Searched alone, 「那退休干部呢」 holds
one content word and finds whatever mentions it. The rule is general, not a list of words: the words of X
replace the words of the earlier question that end as X ends (the head of a noun phrase: 离休干部 → 退休干部,
2024年 → 2023年, 中秋节 → 春节), whole words as jieba cuts them, reaching left no further than X is long and
never over a function word (请问, 的). Nothing is guessed when no word of the earlier question ends as X
does (「党费标准呢」 after a question on health checks): the follow-up is then searched as typed.
"""

from __future__ import annotations

import re

from corpus import to_simplified
from index import STOPWORDS, jieba_cut

# 「那X呢」, 「X呢」, 「那要是X的话呢」: X short, the question closing on 呢
_FOLLOW_UP = re.compile(r"(?:那么?|那要是|要是|如果是|换成)?(?P<x>.{1,12}?)(?:的话)?(?:的)?呢")
_ASKING = re.compile("什么|怎么|怎样|为何|为什么|为啥|如何|哪|谁|几|多少|吗|是否|能否|可否|有没有|是不是")
_END = "？?。.！!~～…" + " \u3000"
_CONTENT = re.compile(r"[\u3400-\u9fff0-9A-Za-z]")


def follow_up(previous: str, text: str) -> str | None:
    """The question `text` asks when it follows `previous` elliptically (「那退休干部呢？」), or None when it
    is no such follow-up or nothing in `previous` stands where its words would go."""
    said = text.strip().rstrip(_END)
    m = _FOLLOW_UP.fullmatch(said)
    if m is None:
        return None
    x = m["x"].strip("，,、 ")
    if not _CONTENT.search(x) or _ASKING.search(x):  # 「为什么呢」: a question about the answer, not a series
        return None
    body = previous.strip().rstrip(_END)
    tail = previous.strip()[len(body) :]
    folded, wanted = to_simplified(body), to_simplified(x)
    if wanted in folded:  # X is in the question already: nothing to put in its place
        return None
    end, shared = 0, 0  # where in the question the longest ending shared with X ends, and its length
    for j in range(1, len(folded) + 1):
        n = 0
        while n < min(j, len(wanted)) and folded[j - 1 - n] == wanted[-1 - n]:
            n += 1
        if n > shared:
            end, shared = j, n
    if shared == 0:
        return None
    words = _words(folded)
    start = next(s for s, e in words if s <= end - shared < e)  # whole words: 中秋节, not 秋节
    end = next(e for s, e in words if s < end <= e)
    for s, e in reversed([w for w in words if w[1] <= start]):  # reach left while X is longer than the span
        word = folded[s:e]
        if end - start >= len(wanted) or word in STOPWORDS or not _CONTENT.search(word):
            break
        if e - s > len(wanted) - (end - start):
            break
        start = s
    return body[:start] + x + body[end:] + tail


def _words(text: str) -> list[tuple[int, int]]:
    """[start, end) of each of jieba's words of `text`, in order."""
    spans, at = [], 0
    for word in jieba_cut(text):
        spans.append((at, at + len(word)))
        at += len(word)
    return spans
