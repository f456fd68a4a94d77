"""The learned sentence chooser: which sentence of the top passage shows the answer (「要点」).

The rule in retrieval/sentence.py picks the sentence holding most of the question's weighted words. In
an encyclopaedic or expository text the sentence naming the subject (the lead sentence, 「X是…」) often
holds the most question words, while the answer is said in another sentence that repeats only the
attribute asked about. The chooser reads, per sentence, cheap features of how answers are written —
the rule's own score and its gap to the best, the words asked about other than the passage's subject
(its heading and title), whether the sentence merely restates the question, whether it holds the kind of
answer asked for, its position, length and neighbours — and scores them with a linear model fitted by
`scripts/fit_sentence_model.py` on CMRC 2018 trial and the dev set's tuning half (pairwise logistic
regression: the sentence holding the gold answer against each other sentence of its passage).

It only chooses which sentence is shown: the rule still scores the passage (`AnswerSentence.score`, which
the confidence model reads) and still decides whether a neighbour is shown too. The weights ship as
`retrieval/data/sentence_model.json` (feature list, version); a missing or stale file leaves the rule's
choice, with one warning in the log.
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from . import compiled
from .answer_type import AnswerKind, holds
from .logistic import load_or_fallback, save_json
from .sentence import (
    KIND_BONUS,
    LETTERS,
    POINT_OPENER,
    Found,
    Needle,
    WeightedTerm,
    proximity_of,
    term_needles,
)
from .span_weights import PARTIAL_CREDIT, PROXIMITY_WEIGHT
from .vocabulary import INTERROGATIVE

SENTENCE_MODEL_VERSION = 1
SENTENCE_MODEL_FILE = "sentence_model.json"

FEATURES: tuple[str, ...] = (
    "rule",  # the rule's score of the sentence (weighted share of the question's words, proximity, kind)
    "rule_gap",  # that score minus the passage's best
    "rule_best",  # 1 for the sentence the rule picks
    "coverage",  # weighted share of the question's words in the sentence
    "proximity",  # how tightly they stand together
    "asked",  # share of the question's words that the heading and title do not name (what is asked)
    "subject",  # share of the question's words that the heading and title name (whom it is about)
    "kind_holds",  # the question asks for a kind of answer (an amount, a time) and the sentence holds one
    "kind_lacks",  # it asks for one and the sentence holds none
    "restates",  # share of the sentence's letters that are the question's own words
    "new_letters",  # log(1 + letters outside the question's words): what the sentence adds
    "length",  # log of its length in characters
    "first",  # the passage's first sentence
    "last",  # its last
    "position",  # index / (sentences − 1)
    "previous",  # the rule's score of the sentence before it (0 for the first)
    "next",  # of the one after it (0 for the last)
    "opener",  # it opens a numbered point (一是…, 其次，…)
    "quoted",  # it holds a quoted or bracketed name (“…” 「…」 《…》)
    "local",  # share of the question's words, each weighted also by how few of the passage's sentences hold it
    "unique",  # share of the question's words that this sentence alone holds
    "asked_chars",  # share of the characters of the asked words (not the subject's) found, one by one
    "before_asked",  # the words just before the question's interrogative are in the sentence (「…算为什么」)
    "after_asked",  # the words just after it (「什么颜色」, 「哪位皇帝」)
    "phrase",  # the longest run of the question's characters the sentence holds (up to 8, over 8)
    "anaphor",  # it opens with a word pointing back to the subject (其, 他, 该, 此…): a fact about it
    "place",  # the question asks where, and the sentence names a place or says where (位于, 省, 县…)
    "reason",  # it asks why or how something came about, and the sentence gives a cause (因为, 由于, 得名…)
    "listing",  # it asks which ones (哪些), and the sentence lists (、 counted, up to 4, over 4)
)


@dataclass(frozen=True)
class SentenceModel:
    """A linear score over FEATURES; the sentence with the highest score is shown."""

    features: tuple[str, ...]
    coef: tuple[float, ...]
    version: int = SENTENCE_MODEL_VERSION
    fitted_on: str = ""
    margin: float = 0.0  # the rule's sentence is kept unless another scores at least this much higher

    def scores(self, rows: Sequence[Sequence[float]]) -> list[float]:
        return [sum(map(operator.mul, self.coef, row)) for row in rows]  # rows are FEATURES long

    def to_json(self) -> dict[str, object]:
        return {
            "version": self.version,
            "features": list(self.features),
            "coef": list(self.coef),
            "margin": self.margin,
            "fitted_on": self.fitted_on,
        }

    @staticmethod
    def from_json(data: dict[str, object]) -> SentenceModel:
        names, coef = data["features"], data["coef"]
        if not isinstance(names, list) or not isinstance(coef, list):
            raise TypeError("features and coef must be lists")
        return SentenceModel(
            features=tuple(str(f) for f in names),
            coef=tuple(float(c) for c in coef),
            version=int(data["version"]),  # type: ignore[call-overload]
            fitted_on=str(data.get("fitted_on", "")),
            margin=float(data.get("margin", 0.0)),  # type: ignore[arg-type]
        )

    def problem(self) -> str | None:
        """Why this code cannot use the model (None when it can)."""
        if self.version != SENTENCE_MODEL_VERSION:
            return f"version {self.version}, this code reads version {SENTENCE_MODEL_VERSION}"
        if self.features != FEATURES:
            return "its features are not this code's"
        if len(self.coef) != len(self.features):
            return "feature and coefficient counts differ"
        return None

    def save(self, path: Path) -> None:
        save_json(path, self.to_json())

    def choose(
        self,
        text: str,
        spans: Sequence[tuple[int, int]],
        terms: Sequence[WeightedTerm],
        total: float,
        kind: AnswerKind | None,
        topic: str,
        rule_best: int,
        question: str = "",
    ) -> int:
        """The index of the sentence to show (`rule_best` unless another scores `margin` higher)."""
        if len(spans) < 2 or total <= 0:
            return rule_best
        scores = self.scores(sentence_features(text, spans, terms, total, kind, topic, rule_best, question))
        best = max(range(len(spans)), key=lambda i: (scores[i], -i))
        return best if scores[best] - scores[rule_best] > self.margin else rule_best


_QUOTED = ("“", "「", "《", "『", '"')
_ANAPHOR = re.compile(r"^[\s“\"（(]*(?:其|他|她|它|该|此|这|本|之后|后来|随后|此后)")
_ASKS_PLACE = re.compile(
    r"哪里|哪儿|什么地方|何处|何地|哪个(?:国家|地方|城市|省|市|县|地区)|在哪|位置|位于|地点|坐落"
)
_PLACE = re.compile(r"位于|坐落|地处|[省市县区州国岛乡镇村街路]|地区|境内|北部|南部|东部|西部|中部|沿岸|附近")
_ASKS_REASON = re.compile(
    r"为什么|为何|为啥|原因|由来|缘由|怎么来|怎么死|怎样形成|如何形成|怎么形成|起源|来历|得名"
)
_REASON = re.compile(r"因为|由于|因此|所以|因而|以致|导致|造成|源于|源自|得名|起源|之故|[因故]")
_ASKS_LIST = re.compile(r"哪些|哪几|有什么|包括什么|包含什么")


def sentence_features(
    text: str,
    spans: Sequence[tuple[int, int]],
    terms: Sequence[WeightedTerm],
    total: float,
    kind: AnswerKind | None,
    topic: str,
    rule_best: int,
    question: str = "",
) -> list[tuple[float, ...]]:
    """Each sentence's values of FEATURES (see there), in the order of `spans`. `terms` and `total` are the
    weighted words the rule chooses by (after the topic's words were lowered), `topic` the heading and
    title (lower-cased or not), `question` the question as searched (simplified)."""
    lowered_topic = topic.lower()
    needles = term_needles(terms)
    subject = [n for n in needles if n[0] and n[0] in lowered_topic]
    asked = [n for n in needles if not (n[0] and n[0] in lowered_topic)]
    subject_total = sum(n[1] for n in subject)
    asked_total = sum(n[1] for n in asked)
    sentences = [text[s:e] for s, e in spans]
    lowered_sentences = [sentence.lower() for sentence in sentences]
    kinds = [kind is not None and holds(kind, sentence) for sentence in sentences]
    rule = []
    rows_found = []
    credits = []  # per sentence, per needle: 1 found whole, else PARTIAL_CREDIT × the share of its bigrams
    spans_read = compiled.scores(tuple(lowered_sentences), needles, total)
    for i, (lowered, has_kind) in enumerate(zip(lowered_sentences, kinds, strict=True)):
        if spans_read is not None:
            credit = spans_read.credit[i].tolist()
            proximity = spans_read.proximity[i]
        else:
            credit, found = needle_credits(lowered, needles)
            proximity = proximity_of(found)
        coverage = sum(c * n[1] for c, n in zip(credit, needles, strict=True)) / total
        rule.append(coverage * (1 - PROXIMITY_WEIGHT + PROXIMITY_WEIGHT * proximity) + KIND_BONUS * has_kind)
        rows_found.append((coverage, proximity))
        credits.append(credit)
    top = max(rule)
    last = len(spans) - 1
    holders = [[i for i, credit in enumerate(credits) if credit[j] == 1.0] for j in range(len(needles))]
    is_asked = [not (n[0] and n[0] in lowered_topic) for n in needles]
    spread = [math.log((len(spans) + 1) / (len(h) + 0.5)) for h in holders]
    local_total = sum(n[1] * w for n, w in zip(needles, spread, strict=True) if n[1] > 0 and w > 0)
    chars: dict[str, float] = {}
    for needle, weight, _ in asked:
        for ch in needle:
            chars[ch] = max(chars.get(ch, 0.0), weight / len(needle))
    chars_total = sum(chars.values())
    before, after = around_interrogative(question.lower())
    asked_text = INTERROGATIVE.sub(" ", question.lower())
    asks_place = bool(_ASKS_PLACE.search(question))
    asks_reason = bool(_ASKS_REASON.search(question))
    asks_list = bool(_ASKS_LIST.search(question))
    rows = []
    for i, sentence in enumerate(sentences):
        lowered = lowered_sentences[i]
        coverage, proximity = rows_found[i]
        weighted = [c * n[1] for c, n in zip(credits[i], needles, strict=True)]
        asked_share = (
            sum(w for w, a in zip(weighted, is_asked, strict=True) if a) / asked_total
            if asked_total > 0
            else 0.0
        )
        subject_share = (
            sum(w for w, a in zip(weighted, is_asked, strict=True) if not a) / subject_total
            if subject_total > 0
            else 0.0
        )
        has_kind = kinds[i]
        restated, outside = _restatement(lowered, needles)
        rows.append(
            (
                rule[i],
                rule[i] - top,
                1.0 if i == rule_best else 0.0,
                coverage,
                proximity,
                asked_share,
                subject_share,
                1.0 if has_kind else 0.0,
                1.0 if kind is not None and not has_kind else 0.0,
                restated,
                math.log1p(outside),
                math.log(max(len(sentence), 1)),
                1.0 if i == 0 else 0.0,
                1.0 if i == last else 0.0,
                i / last if last else 0.0,
                rule[i - 1] if i > 0 else 0.0,
                rule[i + 1] if i < last else 0.0,
                1.0 if POINT_OPENER.match(sentence) else 0.0,
                1.0 if any(q in sentence for q in _QUOTED) else 0.0,
                sum(
                    n[1] * w
                    for n, w, h in zip(needles, spread, holders, strict=True)
                    if i in h and n[1] > 0 and w > 0
                )
                / local_total
                if local_total > 0
                else 0.0,
                sum(n[1] for n, h in zip(needles, holders, strict=True) if h == [i]) / total,
                sum(w for ch, w in chars.items() if ch in lowered) / chars_total if chars_total > 0 else 0.0,
                _held_suffix(before, lowered),
                _held_prefix(after, lowered),
                min(_longest_common(asked_text, lowered), PHRASE) / PHRASE,
                1.0 if _ANAPHOR.match(sentence) else 0.0,
                1.0 if asks_place and _PLACE.search(sentence) else 0.0,
                1.0 if asks_reason and _REASON.search(sentence) else 0.0,
                min(sentence.count("、"), 4) / 4 if asks_list else 0.0,
            )
        )
    return rows


PHRASE = 8  # characters: a run this long of the question's own is as telling as a longer one
_CONTEXT = 4  # characters read on each side of the interrogative
_FILLER = re.compile(r"[\s\W_的了是吗呢吧啊呀]+")


def around_interrogative(question: str) -> tuple[str, str]:
    """Up to _CONTEXT characters just before and just after the question's first interrogative (filler
    characters and punctuation left out): 「生命数耗完即算为什么」 → (即算为, '')."""
    found = INTERROGATIVE.search(question)
    if found is None:
        return "", ""
    before = _FILLER.sub("", question[: found.start()])
    after = _FILLER.sub("", INTERROGATIVE.split(question[found.end() :])[0])
    return before[-_CONTEXT:], after[:_CONTEXT]


def _held_suffix(words: str, sentence: str) -> float:
    """The share of `words` (of _CONTEXT) the sentence holds as its longest end of two or more characters."""
    for n in range(len(words), 1, -1):
        if words[-n:] in sentence:
            return n / _CONTEXT
    return 0.0


def _held_prefix(words: str, sentence: str) -> float:
    for n in range(len(words), 1, -1):
        if words[:n] in sentence:
            return n / _CONTEXT
    return 0.0


def _longest_common(a: str, b: str) -> int:
    """Length of the longest common run of characters of `a` and `b` (up to PHRASE)."""
    best = 0
    for i in range(len(a)):
        n = best + 1
        while i + n <= len(a) and n <= PHRASE and a[i : i + n] in b:
            best = n
            n += 1
    return best


def needle_credits(lowered: str, needles: Sequence[Needle]) -> tuple[list[float], Found]:
    """What `_coverage` counts, per needle: 1 for one found whole, PARTIAL_CREDIT × the share of its bigrams
    found for a longer one found only in part; and where the whole ones stand (for `proximity_of`)."""
    credit: list[float] = []
    found: Found = []
    for needle, _, grams in needles:
        at = lowered.find(needle) if needle else -1
        if at < 0:
            share = sum(1 for g in grams if g in lowered) / len(grams) if grams is not None else 0.0
            credit.append(PARTIAL_CREDIT * share)
            continue
        found.append((needle, at, lowered))
        credit.append(1.0)
    return credit, found


def _restatement(lowered: str, needles: Sequence[tuple[str, float, object]]) -> tuple[float, int]:
    """The share of a sentence's letters that are the question's words, and how many letters are not."""
    spans = []
    for needle, _, _ in needles:
        at = lowered.find(needle) if needle else -1
        while at >= 0:
            spans.append((at, at + len(needle)))
            at = lowered.find(needle, at + len(needle))
    letters = len(LETTERS.findall(lowered))
    if not letters:
        return 0.0, 0
    covered, reach = 0, 0
    for start, end in sorted(spans):  # the letters of the union of the spans, each counted once
        start = max(start, reach)
        if end > start:
            covered += len(LETTERS.findall(lowered[start:end]))
            reach = end
    return covered / letters, letters - covered


def load_sentence_model(path: Path | None = None) -> SentenceModel | None:
    """The shipped chooser (or the one in `path`); None — the rule's choice — when the file is missing,
    unreadable or stale, said once in the log."""
    where = path or Path(str(files("retrieval") / "data" / SENTENCE_MODEL_FILE))
    return load_or_fallback(
        where,
        SentenceModel.from_json,
        lambda model: model.problem(),
        lambda: None,
        "sentence model",
        "the answer sentence is the rule's",
    )


@cache
def bundled_sentence_model() -> SentenceModel | None:
    return load_sentence_model()
