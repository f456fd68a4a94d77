"""Credit the kind of fact a question asks: its asking words are held by a passage that states that kind.

A question says what it is about (座谈会, 党员, 支部) and how or of what it asks (几号前要…, 一共几个, 最多能…). The
coverage (`abstain.coverage`) weighs every content word of the question by its IDF, and the asking words no
passage writes (一共, 最多能, 前要 glued from 几号前要) weigh as the rarest: a passage stating exactly the fact asked (a
date, a total, a limit) was told 「未找到」 for lacking them (docs/asks51.md, "right passage first, told 「未找到」").

An *asking word* of a question is a content word that

- lies in the span where the question asks a kind of fact in everyday words (`asked_fact.fact_spans`: 一共 of
  「一共几个支部」, 最多 of 「最多能替几个人投」), or overlaps it with only grammar characters outside (前要 of 「几号前要
  回复」, 最多能): its kind is that span's; or
- is one of the data-derived asking words (retrieval/data/asking_words.txt, `scripts/derive_asking_words.py`:
  frequent in the staff sets' tuning questions across sets, rare in passages, and, where CMRC trial asks it,
  absent from the question's own context): its kinds are every kind the question asks.

It is held (its whole weight) by a passage that states each of its kinds (`stated`): a fact kind in the official
phrasing (`asked_fact.states`: 合计, 不超过, 「…日前」), a time or a place as `deferral.gives_kind` reads it, a
number as `answer_type.holds` reads an amount (not one the question names itself), a person or an office by a
responsibility line (由…负责, 联系人). A passage not stating it holds it as before (not at all). A question with no
asking word is read exactly as before (a hypothesis property in tests/test_asked_kind.py).

With `charge`, an asked kind the question names only by an interrogative (几号, 在哪, 谁, 多少: words the coverage
leaves out) that the passage does not state also weighs, as one more word of the question's mean weight, missing: a
near miss whose every topic word is there but the asked detail is not (「投票地点定在哪里」 of a passage naming no
place) loses that weight; a passage stating it is read as under "words".

Off by default (`RetrieverConfig.asked_credit`): judged by the rule of `scripts/conf64_asked.py` (docs/conf64.md).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from corpus import to_simplified

from .answer_type import asked_kinds, holds
from .asked_fact import FACT_KINDS, asked_facts, fact_spans, states
from .deferral import gives_kind
from .vocabulary import INTERROGATIVE, asking_words, unglued

# how far the credit goes: "off" (today's coverage), "spans" (asking words in a fact kind's span), "words" (and the
# data-derived asking words), "charge" (and an interrogative's kind weighs, held only by a passage stating it)
AskedCredit = Literal["off", "spans", "words", "charge"]
ASKED_CREDITS: tuple[AskedCredit, ...] = ("off", "spans", "words", "charge")
# the broad kinds of `answer_type.asked_kinds` a passage can be read to state
BROAD_KINDS = ("time", "number", "place", "person")
# who is responsible or whom to ask: a responsibility line, a contact, an office that handles it
_PERSON = re.compile(
    r"由[^，。；]{1,20}?(?:负责|牵头|组织|承办|主办|办理|受理|审核|审批|统筹|实施|发放)|负责人|联系人|经办人|主持人|召集人"
    r"|(?:负责|牵头|承办|主办)(?:单位|部门)?[：:为是]"
)
# a pseudo word standing for an asked kind under "charge" (no question word starts with it)
KIND_WORD = "\x00"


@cache
def question_kinds(question: str) -> frozenset[str]:
    """Every kind of fact a question asks: `asked_fact.asked_facts`'s and the broad kinds its interrogatives ask
    (`answer_type.asked_kinds`) that a passage can be read to state (time, number, place, person)."""
    folded = to_simplified(question)
    # a question typed as a noun phrase (「助餐补贴」) asks by no interrogative: `asked_kinds` reads its last noun
    # (补贴 → number), which says what it is about, not how it asks
    broad = asked_kinds(folded) & frozenset(BROAD_KINDS) if INTERROGATIVE.search(folded) else frozenset()
    return asked_facts(folded) | broad


@cache
def interrogative_kinds(question: str) -> frozenset[str]:
    """The broad kinds a question asks by an interrogative only (几号, 在哪, 谁, 多少), for "charge"."""
    return question_kinds(question) & frozenset(BROAD_KINDS)


def stated(kind: str, text: str, question: str = "") -> bool:
    """Whether a text (a passage as the confidence reads it) states a fact of that kind."""
    if kind in FACT_KINDS:
        return states(kind, text)  # type: ignore[arg-type]
    if kind in ("time", "place"):
        return gives_kind(kind, text)
    if kind == "number":
        return holds("amount", text, to_simplified(question))
    if kind == "person":
        return _PERSON.search(to_simplified(text)) is not None
    return False


@cache
def word_kinds(word: str, question: str, credit: AskedCredit) -> frozenset[str]:
    """The kinds an asking word of the question asks (empty: the word is no asking word, or `credit` reads none)."""
    if credit == "off":
        return frozenset()
    folded, simple = to_simplified(question).lower(), to_simplified(word).lower()
    kinds: set[str] = set()
    spans = fact_spans(folded)
    start = folded.find(simple)
    while start >= 0 and simple:
        end = start + len(simple)
        for s, e, kind in spans:
            inside = folded[max(start, s) : min(end, e)]
            outside = folded[start : max(start, s)] + folded[min(end, e) : end]
            if inside and not unglued(outside):  # 最多能: 最多 asked, 能 a grammar character
                kinds.add(kind)
        start = folded.find(simple, start + 1)
    if not kinds and credit in ("words", "charge") and simple in asking_words():
        kinds.update(question_kinds(question))
    return frozenset(kinds)


def credited(word: str, question: str, text: str, credit: AskedCredit) -> bool:
    """Whether an asking word of the question is held by a text stating every kind it asks."""
    kinds = word_kinds(word, question, credit)
    return bool(kinds) and all(stated(kind, text, question) for kind in kinds)


def charged_kinds(question: str, credit: AskedCredit) -> tuple[str, ...]:
    """The kinds that weigh as one more word of the question under "charge" (none otherwise), in a fixed order."""
    if credit != "charge":
        return ()
    asked = interrogative_kinds(question)
    return tuple(k for k in BROAD_KINDS if k in asked)
