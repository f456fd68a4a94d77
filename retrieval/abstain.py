"""Decide whether the best passage answers the question, or is only the nearest one.

The rule reads how much of the question's *information* the best passage contains: each content word
of the query weighs its inverse document frequency in the corpus, and the coverage is the share of
that weight found in the passage (text and section heading). A question about something the corpus
never speaks of ("取暖费标准", "明天天气") carries rare or unseen words the passage lacks, so its
coverage is low whatever the corpus. Because the weights come from the corpus's own statistics, the
threshold needs no retuning when speeches are added. Measured with `speechqa eval` (see README).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from .asked_kind import KIND_WORD, AskedCredit, charged_kinds, credited, stated
from .figures import held_as_figure
from .payment import held_as_payment
from .vocabulary import asks_only_how, deadline_by_day, only_courtesy, only_frames, says_when_asked

DEFAULT_MIN_COVERAGE = 0.35


@dataclass(frozen=True)
class Evidence:
    terms: Sequence[str]  # the query's content words
    idf: Callable[[str], float]  # inverse document frequency of a word in the corpus
    top_text: str  # the best passage, with its section heading
    passages: int = 0  # passages in the library (0: unknown), for what an unseen word's IDF is
    question: str = ""  # the question as searched, for the words inside its question forms (管不管饭)
    # a general thesaurus's synonyms of some of the query's words (打官司 → 诉讼): a word the passage lacks but
    # holds one of these of counts `synonym_share` of its weight as held (0: synonyms are not read)
    synonyms: Mapping[str, Sequence[str]] = field(default_factory=dict)
    synonym_share: float = 0.0
    # how an asking word of the question (一共, 最多能, 前要) is read (`asked_kind`): held by a passage stating the
    # kind of fact it asks ("spans", "words"), and an interrogative's kind weighing too ("charge"); "off": as any word
    credit: AskedCredit = "off"


def _weights(e: Evidence) -> dict[str, float]:
    # a word holding an interrogative (几点, 几天, 多长时间, 哪年) says what kind of answer is asked for
    # (answer_type reads that), not what the passage must hold: no passage says 几点; nor does one say how
    # a spoken question asks (啥时候, 咋办, 收不收, 不管 of 管不管饭)
    # nor a time counted from the day of asking (上个月): a document does not say it of itself; nor a word
    # framing what is asked (之前, 提到, 几点开始's 开始) that no passage of the library writes (documents write
    # 前, not 之前; an encyclopaedia's 之后 is a word like any other); nor a courtesy (您好, 谢谢: docs/asks43.md)
    question = e.question.lower()
    unseen = unseen_idf(e.passages) - 1e-6 if e.passages > 0 else math.inf
    asked = [
        t
        for t in e.terms
        if not asks_only_how(t, question)
        and not only_courtesy(t)
        and not says_when_asked(t, question)
        and not (only_frames(t, question) and e.idf(t) >= unseen)
    ]
    words = [t for t in asked if len(t) > 1] or asked
    weights = {w: e.idf(w) for w in words}
    # under "charge", each kind asked only by an interrogative (几号, 在哪, 谁) that the passage does not state weighs
    # as one more word of the question's mean weight, missing from it (a passage stating it is read as before)
    charged = charged_kinds(e.question, e.credit) if weights else ()
    mean = sum(weights.values()) / len(weights) if weights else 0.0
    return weights | {
        KIND_WORD + kind: mean for kind in charged if not stated(kind, e.top_text.lower(), e.question)
    }


def _credited(e: Evidence, word: str, haystack: str) -> bool:
    """Whether an asking word (or an asked kind under "charge") is held by a passage stating its kind."""
    if e.credit == "off":
        return False
    if word.startswith(KIND_WORD):
        return stated(word[len(KIND_WORD) :], haystack, e.question)
    return credited(word, e.question, haystack, e.credit)


def said_otherwise(word: str, question: str, haystack: str) -> bool:
    """Whether the passage (`haystack`, lowered) states a query word it does not write, in other words: a
    figure with its unit as another form of the same value (「一共18次课」 by 「共十八次课」: docs/num57.md), or
    whether one pays by what is paid (「要自己掏钱吗」 by 「免费拍摄」: docs/asks48.md). The one place `held`,
    `unseen_share` and `missing_words` ask it."""
    return held_as_figure(word, question, haystack) or held_as_payment(word.lower(), haystack)


def held(e: Evidence, word: str, haystack: str) -> float:
    """How much of a query word the best passage holds: 1 the word itself (or, for a figure with its unit,
    the same value with the same unit written otherwise: 18次 / 十八次), `synonym_share` a thesaurus synonym
    of it only, else 0."""
    if word.lower() in haystack:
        return 1.0
    if deadline_by_day(word, e.question, haystack):  # 「报名截止到哪天」 held by 「请于4月7日前…」
        return 1.0
    if said_otherwise(word, e.question, haystack):
        return 1.0
    if _credited(e, word, haystack):  # 一共 of 「一共几个支部」 held by 「共有…个支部」
        return 1.0
    if e.synonym_share > 0 and any(s.lower() in haystack for s in e.synonyms.get(word, ())):
        return e.synonym_share
    return 0.0


def coverage(e: Evidence) -> float:
    """IDF-weighted share of the query's content words that occur in the best passage, in [0, 1] (a word
    held only by a thesaurus synonym counts `synonym_share` of its weight)."""
    weights = _weights(e)
    total = sum(weights.values())
    if total <= 0:
        return 0.0
    haystack = e.top_text.lower()
    return sum(weight * held(e, w, haystack) for w, weight in weights.items()) / total


def unseen_idf(passages: int) -> float:
    """The IDF (Lucene BM25) of a word no passage contains: the ceiling of every word's IDF."""
    return math.log1p((passages + 0.5) / 0.5)


def unseen_share(e: Evidence) -> float:
    """IDF-weighted share of the query's content words that no passage of the library contains.

    A question about something the library never mentions (丧葬补助费, 婚宴, 英语班) carries such words;
    a question the library answers mostly reuses its words (colloquial fillers aside)."""
    weights = _weights(e)
    total = sum(weights.values())
    if total <= 0 or e.passages <= 0:
        return 0.0
    ceiling = unseen_idf(e.passages) - 1e-6
    # a figure no passage writes as asked (18) but the best passage states otherwise (十八次) is not unseen
    haystack = e.top_text.lower()
    return (
        sum(
            weight
            for w, weight in weights.items()
            if weight >= ceiling
            and not w.startswith(KIND_WORD)
            and not said_otherwise(w, e.question, haystack)
            and not _credited(e, w, haystack)
        )
        / total
    )


@dataclass(frozen=True)
class MissingPeaks:
    """The most informative content word of the query that the best passage lacks, as its IDF over the
    unseen-word ceiling, in [0, 1] (0: the passage holds every word) — among all the query's words
    (`any`), and among the words another passage of the library uses (`used`)."""

    any: float
    used: float


def missing_peaks(e: Evidence) -> MissingPeaks:
    """Both peaks of `MissingPeaks` from one reading of the query's weights (a search reads both)."""
    if e.passages <= 0:
        return MissingPeaks(0.0, 0.0)
    haystack = e.top_text.lower()
    ceiling = unseen_idf(e.passages)
    # a word held by a synonym only is missing by what the synonym does not make up
    lacking = [
        (weight, weight * (1 - h)) for w, weight in _weights(e).items() if (h := held(e, w, haystack)) < 1
    ]
    missing = [part for _, part in lacking]
    used = [part for weight, part in lacking if weight < ceiling - 1e-6]
    return MissingPeaks(
        min(1.0, max(missing, default=0.0) / ceiling), min(1.0, max(used, default=0.0) / ceiling)
    )


def missing_peak(e: Evidence) -> float:
    """The most informative content word of the query that the best passage lacks, as its IDF over the
    unseen-word ceiling, in [0, 1] (0: the passage holds every word). One telling word missing (退休
    asked, 离休 found) is what tells a near miss from an answer, however much else matches."""
    return missing_peaks(e).any


def missing_used_peak(e: Evidence) -> float:
    """`missing_peak` over the words some passage of the library uses: the most informative content word
    of the query that the best passage lacks while another passage holds it, in [0, 1). A word no passage
    uses (the staff's 一个人住 where the library says 独居) tells nothing against this passage in
    particular; a word the library uses elsewhere does."""
    return missing_peaks(e).used


def missing_words(e: Evidence) -> list[str]:
    """The query's content words the best passage lacks, the most informative first (ties: as asked)."""
    haystack = e.top_text.lower()
    weights = _weights(e)
    missing = [
        w
        for w in weights
        if w.lower() not in haystack
        and not w.startswith(KIND_WORD)  # an asked kind is no word of the question
        and not deadline_by_day(w, e.question, haystack)
        and not said_otherwise(w, e.question, haystack)
        and not _credited(e, w, haystack)
    ]
    return sorted(missing, key=lambda w: -weights[w])


def distinct_coverage(e: Evidence) -> float:
    """`coverage` with each thing the question says counted once: a content word inside another of the
    query's (「离退休干部」's 离退休, 退休, 干部) weighs nothing of its own. A passage holding only 离退休干部 then
    holds little of 「离退休干部体检」, where `coverage` counts the same words four times over and finds it
    holding most of the question (docs/more57.md). In [0, 1]."""
    weights = _weights(e)
    distinct = {w: weight for w, weight in weights.items() if not any(w != o and w in o for o in weights)}
    total = sum(distinct.values())
    if total <= 0:
        return 0.0
    haystack = e.top_text.lower()
    return sum(weight * held(e, w, haystack) for w, weight in distinct.items()) / total


@dataclass(frozen=True)
class AbstainRule:
    min_coverage: float = DEFAULT_MIN_COVERAGE

    def answered(self, e: Evidence) -> bool:
        return coverage(e) >= self.min_coverage
