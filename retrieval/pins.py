"""Pinned ("standard") answers: a question an admin pinned a passage to, recognised again when asked
in other words.

A new question is compared with the CLOSEST_PINS pins closest to it in meaning. Each (new question,
pinned question, pinned passage) triple is described by a few measurements (`PairFeatures`): how close
the two questions are in meaning (cosine of their embeddings), how much they share, and — what tells a
near miss from a paraphrase — how much the new question asks about that neither the pinned question
nor the pinned passage holds (「退休干部体检」 against a pin on 离休干部体检: 退休 is in neither), what
informative words of the pinned question it leaves out, whether it swapped one telling word for
another, whether it adds words the pinned passage holds but the pinned question does not (it asks about
something else the passage covers: 「…党组织有多少个」 against a pin on how many 党员), and whether it asks
for another kind of answer (a time instead of a content). Words are
compared after folding traditional script, the synonym lexicon (bundled and the user's pairs) and
question words.

The two questions are compared in meaning twice: embedded as queries (as searches embed them) and as
passages; the second costs a second encoding of the new question, made only when a pin could be served
or offered with it (`PinMatcher.decide`).

A small logistic model over these (`PinModel`, fitted by `speechqa bench pins --fit` on the tuning
part of benchmarks/pin-questions.jsonl, threshold set there for false pins ≤ 2%) decides. It ships as
JSON read with numpy alone, like the confidence model; a missing or stale file falls back to the two
thresholds of `PinRule`, and says so once in the log. The pinned question itself, however written,
always gets its pin.

Below the pin's threshold, a pin the model still finds likely (p ≥ `PinModel.suggest`, set on the same
tuning part so that nine in ten of its paraphrases get their pin or this offer) is *offered*, not served:
the front ends show 「相近的标准问题：…」 and let the user ask it, which brings the agreed answer. An offer
to a near miss costs a glance; a pin served to one would put the wrong passage first.
"""

from __future__ import annotations

import difflib
import hashlib
import logging
import math
import re
import threading
import unicodedata
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass, fields, replace
from functools import cache
from pathlib import Path
from typing import NamedTuple

import numpy as np

from corpus import NUMERAL_CHARS, to_simplified
from index import Embedder, PassageRecord, PinState, Store, embed_query, embedding_key, jieba_cut, query_terms

from .answer_type import asked_kinds
from .asked_kind import question_kinds
from .groups import Group, kinds_swapped, question_groups
from .logistic import load_or_fallback, probabilities, read_weights, save_json, weights_json, weights_problem
from .slots import (
    Slot,
    contrasted,
    names_former,
    quantity_slots,
    question_slots,
    slots_conflict,
    time_slots,
    times_added,
    times_swapped,
    without_asked_times,
    years_added,
)
from .vocabulary import INTERROGATIVE, Lexicon, bundled_lexicon, question_words

__all__ = [
    "ANSWERED_BY",
    "CLOSEST_PINS",
    "DERIVED_PIN_FEATURES",
    "PIN_FEATURES",
    "RANK_DEPTH",
    "PairFeatures",
    "PinDecision",
    "PinJudge",
    "PinMatch",
    "PinMatcher",
    "PinModel",
    "PinRule",
    "QuestionSide",
    "Verdicts",
    "answered_by",
    "answers_swapped",
    "asked_answers",
    "asks_whether",
    "char_bigrams",
    "compare_questions",
    "document_text",
    "document_year",
    "embed_as_text",
    "fold",
    "judge_reads",
    "load_pin_judge",
    "missing_terms",
    "pair_features",
    "passage_standing",
    "qualifier_dropped",
    "question_overlap",
    "sibling_swapped",
    "siblings",
    "time_added",
    "time_swapped",
    "weighted_share",
    "whether_answers",
]

log = logging.getLogger(__name__)

PIN_MODEL_VERSION = 1
DEFAULT_PIN_MODEL_PATH = Path(__file__).resolve().parent / "data" / "pins.json"
CLOSEST_PINS = 5  # a question is matched against this many pins, the closest to it in meaning
# Two questions embedded as passages are about as close as embedded as queries, rarely less: over the 9,230
# (question, pin) pairs observed for batches 1–17 of the pin set `similarity − text_similarity` was at most
# 0.0244 (median −0.019; below a similarity of 0.9 at most 0.001). Until the question is embedded as a
# passage, its `text_similarity` to a pin is taken as `similarity − TEXT_MARGIN`, the least it would be: what
# favours a pin most (see `reads_text`). 0.05 until pins60; 0.03 keeps every decision of those pairs and
# spares the second encoding of 77 of their 1,846 questions (docs/pins60.md).
TEXT_MARGIN = 0.03
RANK_DEPTH = 5  # of the asked question's own search, how many passages `passage_rank` reads


@dataclass(frozen=True)
class PairFeatures:
    """How a new question stands to one pin. Every value is defined for any question and any corpus."""

    similarity: float  # cosine of the two questions' embeddings (as queries: e5's "query: " side)
    text_similarity: float  # cosine of the two questions embedded as passages (e5's "passage: " side): the
    # same model read another way. Weighed against `similarity`: reworded questions are closer as queries
    # than their wording alone makes them, near misses (minimal pairs of wording) are not
    overlap: float  # IDF-weighted Jaccard overlap of the two questions' content words
    passage_drop: float  # cosine of the pinned question with the passage minus the new question's
    bigrams: float  # Dice overlap of the two questions' character bigrams, question words left out
    novel: float  # share of the new question's word weight in neither the pinned question nor its passage
    novel_known: float  # the part of `novel` made of words some passage of the library holds
    dropped: float  # share of the pinned question's word weight the new question does not hold
    swap: float  # min(share of the new question's known words not in the pinned question, dropped): a
    # telling word swapped for another (退休 for 离休), whether or not the passage mentions it elsewhere
    asks_other: float  # 1 when the two ask for a different kind of answer (a time, a number, a place…)
    passage_added: float  # share of the new question's word weight not in the pinned question but in
    # the pinned passage: it asks about something else the passage also talks about (a near miss)
    slot_conflict: float = 0.0  # 1 when the two name different values for one slot (a year, a count, an
    # ordinal, an administrative level: 前年 against 去年, 第四条 against 第一条; retrieval.slots)
    kind_swap: float = 0.0  # 1 when one names those who do the work (老干部工作者), not the cadres, and the
    # other the cadres (老同志), not those who do the work (retrieval.groups.kinds_swapped)
    quantity_conflict: float = 0.0  # 1 when the two ask another quantity of a figure: the other side of a
    # bracket (5000元以上 against 以下), a total against each one's, another kind (几次 against 几个小时)
    # (retrieval.slots.quantity_slots)
    contrast: float = 0.0  # 1 when the two name another value of one contrasting kind, one word against
    # another: a time scope (每次 against 每年累计), a side of a bound (以上, 以下), who is meant (离休, 退休),
    # an end of an event (开幕, 闭幕) (retrieval.slots.contrasted; session pins60)
    sibling: float = 0.0  # 1 when the two name one head with another modifier of the same length (原标准
    # against 新标准, 一般困难 against 较重困难, 上半年 against 下半年), or one asks the value before (原来,
    # 调整前) and the other not (`sibling_swapped`; session pins61)
    time_swap: float = (
        0.0  # 1 when the new question names another time of a kind the pinned one names, which its
    )
    # passage does not write (中秋 for 重阳节, 下午 for 上午: `time_swapped`; pins65, general since mend65p)
    answer_swap: float = 0.0  # 1 when both ask for a kind of answer and no kind in common: an amount against
    # who pays (多少钱 for 谁出), a time against a place (`answers_swapped`; session pins66)
    whether_swap: float = 0.0  # `answer_swap` with "whether" a kind of answer too: a yes/no question (要不要,
    # 能不能, 是否, …吗) against one asking a figure, someone or a place (`answers_swapped(…, whether=True)`;
    # session pins67)
    time_added: float = 0.0  # 1 when the new question names a time (a festival, a season, a weekday …) that
    # neither the pinned question names nor the pinned passage's document (its title, heading, text) states
    # (春季 asked of a pin on 「秋季招生简章」: `time_added`; session pins67)
    qualifier_dropped: float = (
        0.0  # 1 when the pinned question names one case of what it asks (异地安置的离休干部)
    )
    # and the new question keeps the rest but not the case, where the document tells that case from the rest
    # (`qualifier_dropped`; session pins68)
    passage_rank: float = (
        0.0  # where the pinned passage stands in the asked question's own search (1: first),
    )
    # 0 when it is not among its first RANK_DEPTH passages or no search was given (session pins62)

    @property
    def passage_standing(self) -> float:
        """`passage_rank` read so that higher is better: 1 when the pinned passage is first in the asked
        question's own search, falling by 1/RANK_DEPTH a place, 0 when it is not among its first RANK_DEPTH
        (a model weighing it positively gives a pin more the higher its passage stands; session pins63)."""
        return passage_standing(self.passage_rank)

    @property
    def passage_first(self) -> float:
        """1 when the pinned passage is the first of the asked question's own search, else 0."""
        return float(self.passage_rank == 1)

    def vector(self, names: Sequence[str]) -> list[float]:
        return [float(getattr(self, name)) for name in names]


def passage_standing(rank: float) -> float:
    """A passage's place in a search (1 first, 0 not found) as a standing in [0, 1], higher better."""
    return (RANK_DEPTH + 1 - rank) / RANK_DEPTH if 1 <= rank <= RANK_DEPTH else 0.0


PIN_FEATURES: tuple[str, ...] = tuple(f.name for f in fields(PairFeatures))
# Features read off others (`PairFeatures` properties), which a model may weigh too: what they are read from
DERIVED_PIN_FEATURES: dict[str, str] = {"passage_standing": "passage_rank", "passage_first": "passage_rank"}
RISING = ("passage_standing", "passage_first")  # derived features a model may only weigh positively


class Verdicts(NamedTuple):
    """What a judge says of each pin, in the order of the pairs: its probability where the pin is served
    (`strengths`) and where it is offered or served (`offers`), -inf elsewhere."""

    strengths: np.ndarray
    offers: np.ndarray


@dataclass(frozen=True)
class PinRule:
    """The fallback when no pin model can be read: two thresholds (and optionally the passage drop).

    All must hold: the questions mean nearly the same (embedding similarity), share their informative
    words (IDF-weighted overlap), and the new question is about as close to the pinned passage as the
    pinned question is.
    """

    min_similarity: float = 0.985  # cosine similarity of the two questions' embeddings
    min_overlap: float = 0.25  # IDF-weighted share of the two questions' content words they share
    max_passage_drop: float = 1.0  # how much less similar to the pinned passage the new question may be

    def accepts(self, similarity: float, overlap: float, passage_drop: float = 0.0) -> bool:
        return (
            similarity >= self.min_similarity
            and overlap >= self.min_overlap
            and passage_drop <= self.max_passage_drop
        )

    def strengths(self, pairs: Sequence[PairFeatures]) -> np.ndarray:
        """Per pin: its similarity when the rule accepts it, else -inf."""
        return np.asarray(
            [
                f.similarity if self.accepts(f.similarity, f.overlap, f.passage_drop) else -math.inf
                for f in pairs
            ],
            dtype=np.float64,
        )

    def offers(self, pairs: Sequence[PairFeatures]) -> np.ndarray:
        """The rule offers no pin it does not serve: all -inf."""
        return np.full(len(pairs), -math.inf)

    def verdicts(self, pairs: Sequence[PairFeatures]) -> Verdicts:
        return Verdicts(self.strengths(pairs), self.offers(pairs))


@dataclass(frozen=True)
class PinModel:
    """A logistic model over standardised pair features: p = σ(b + Σ wᵢ (xᵢ − μᵢ) / σᵢ); a pin is
    served when p ≥ threshold."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float
    embedder: str  # the embedding model the cosines came from
    version: int = PIN_MODEL_VERSION
    fitted_on: str = ""
    suggest: float | None = None  # from this probability up to `threshold` a pin is offered; None: never
    veto: tuple[
        str, ...
    ] = ()  # features that, when non-zero, keep a pin from being served (it may be offered)
    # A second way to be served (session pins62): from `rank_threshold` up, when the pinned passage is among
    # the first `rank_depth` passages of the asked question's own search (`PairFeatures.passage_rank`) — the
    # passage itself found answering this question, not only the two questions alike. None: never.
    rank_threshold: float | None = None
    rank_depth: int = 1
    # A close rewording served whatever the standing (session pins65): from `close_threshold` up, the
    # probability read as if the pinned passage led the asked question's own search (the rising features,
    # `RISING`, at 1) serves the pin — a pair close enough by the pinned question alone. None: never.
    close_threshold: float | None = None

    def as_first(self, pairs: Sequence[PairFeatures]) -> np.ndarray:
        """The probabilities read as if each pinned passage led the asked question's own search."""
        return probabilities(
            self,
            [
                [
                    1.0 if n in RISING else v
                    for n, v in zip(self.features, f.vector(self.features), strict=True)
                ]
                for f in pairs
            ],
        )

    def probabilities(self, pairs: Sequence[PairFeatures]) -> np.ndarray:
        return probabilities(self, [f.vector(self.features) for f in pairs])

    def serving(self, pairs: Sequence[PairFeatures]) -> np.ndarray:
        """The probabilities, 0 for a pin a `veto` feature keeps from being served."""
        p = self.probabilities(pairs)
        if not self.veto or not len(p):
            return p
        vetoed = np.asarray([any(f.vector(self.veto)) for f in pairs])
        return np.where(vetoed, 0.0, p)

    def strengths(self, pairs: Sequence[PairFeatures]) -> np.ndarray:
        """Per pin: its probability when at or above the threshold, else -inf."""
        return self.verdicts(pairs).strengths

    def offers(self, pairs: Sequence[PairFeatures]) -> np.ndarray:
        """Per pin: its probability when at or above `suggest` (offered, or served), else -inf."""
        return self.verdicts(pairs).offers

    def verdicts(self, pairs: Sequence[PairFeatures]) -> Verdicts:
        """Strengths and offers from one computation of the pins' probabilities."""
        p = self.probabilities(pairs)
        served = self.serving(pairs) if self.veto else p
        never = np.full(len(p), -math.inf)
        offered = never if self.suggest is None else np.where(p >= self.suggest, p, -math.inf)
        serves = served >= self.threshold
        if self.rank_threshold is not None and len(p):
            ranks = np.asarray([f.vector(("passage_rank",))[0] for f in pairs])
            found = (ranks >= 1) & (ranks <= self.rank_depth)
            serves = serves | ((served >= self.rank_threshold) & found)
        if self.close_threshold is not None and len(p):
            serves = serves | (self.as_first(pairs) >= self.close_threshold)
        return Verdicts(np.where(serves & (served > 0), p, -math.inf), offered)

    def to_json(self) -> dict[str, object]:
        data = {**weights_json(self, self.version, self.fitted_on), "threshold": self.threshold}
        data = data if self.suggest is None else {**data, "suggest": self.suggest}
        if self.rank_threshold is not None:
            data = {**data, "rank_threshold": self.rank_threshold, "rank_depth": self.rank_depth}
        if self.close_threshold is not None:
            data = {**data, "close_threshold": self.close_threshold}
        return {**data, "veto": list(self.veto)} if self.veto else data

    @classmethod
    def from_json(cls, data: dict[str, object]) -> PinModel:
        suggest = data.get("suggest")  # files written before offers were added have none
        veto = data.get("veto", [])  # nor before vetoes were
        if not isinstance(veto, list):
            raise TypeError("veto is not a list")
        rank_threshold = data.get("rank_threshold")  # nor before the passage's own rank was read
        close = data.get("close_threshold")  # nor before a close rewording was served whatever the standing
        return cls(
            close_threshold=None if close is None else float(close),  # type: ignore[arg-type]
            threshold=float(data["threshold"]),  # type: ignore[arg-type]
            rank_threshold=None if rank_threshold is None else float(rank_threshold),  # type: ignore[arg-type]
            rank_depth=int(data.get("rank_depth", 1)),  # type: ignore[call-overload]
            suggest=None if suggest is None else float(suggest),  # type: ignore[arg-type]
            veto=tuple(str(v) for v in veto),
            **read_weights(data),  # type: ignore[arg-type]
        )

    def save(self, path: Path) -> None:
        save_json(path, self.to_json())


PinJudge = PinModel | PinRule


def judge_reads(judge: PinJudge) -> frozenset[str]:
    """The pair features a judge decides by: a model's features and vetoes, the rule's three. Matching
    computes `contrast` only when it is among them (`pair_features`)."""
    if isinstance(judge, PinModel):
        ranks = ("passage_rank",) if judge.rank_threshold is not None else ()
        sources = tuple(DERIVED_PIN_FEATURES[f] for f in judge.features if f in DERIVED_PIN_FEATURES)
        return frozenset((*judge.features, *judge.veto, *ranks, *sources))
    return frozenset(("similarity", "overlap", "passage_drop"))


def rank_bound(judge: PinJudge) -> PinModel | None:
    """A judge serving at least every pin `judge` could serve wherever the pinned passage stands in the
    asked question's own search — the passage read as first (`passage_standing` 1, `passage_first` 1: a model
    weighs them positively, `stale_reason`) and served from `rank_threshold` or `close_threshold` — or None when `judge` reads no
    rank. Where it serves nothing, the search need not be run to know that `judge` serves nothing
    (`Retriever.pins_serve`)."""
    if not isinstance(judge, PinModel):
        return None
    rising = [f in RISING for f in judge.features]
    if judge.rank_threshold is None and not any(rising):
        return None
    lowest = min(t for t in (judge.threshold, judge.rank_threshold, judge.close_threshold) if t is not None)
    # standardised as (x − μ) / σ: with μ lowered by 1, a passage not found (0) reads as one standing first (1)
    mean = tuple(m - 1.0 if r else m for m, r in zip(judge.mean, rising, strict=True))
    return replace(judge, mean=mean, threshold=lowest, rank_threshold=None, close_threshold=None)


def reads_text(judge: PinJudge) -> bool:
    """Whether the judge reads `text_similarity` — and then its probability falls as it rises
    (`stale_reason` refuses a model weighing it positively), so that a pin the judge neither serves nor
    offers at `similarity − TEXT_MARGIN` it would not at the true value either."""
    return isinstance(judge, PinModel) and "text_similarity" in judge.features


def stale_reason(model: PinModel, embedder: str | None) -> str | None:
    """Why this model cannot judge pins embedded with `embedder` (None when it can)."""
    if problem := weights_problem(
        model, model.version, PIN_MODEL_VERSION, (*PIN_FEATURES, *DERIVED_PIN_FEATURES), embedder
    ):
        return problem
    if not 0.0 < model.threshold < 1.0:
        return f"threshold {model.threshold} outside (0, 1)"
    if model.suggest is not None and not 0.0 < model.suggest <= model.threshold:
        return f"suggest {model.suggest} outside (0, threshold]"
    if "text_similarity" in model.features and model.coef[model.features.index("text_similarity")] > 0:
        return "text_similarity weighed positively (matching reads similarity − TEXT_MARGIN as its bound)"
    if falling := [f for f, c in zip(model.features, model.coef, strict=True) if f in RISING and c < 0]:
        return f"{falling} weighed negatively (a pin must not lose by its passage standing higher)"
    if (
        model.rank_threshold is not None
        and not (model.suggest or 0.0) < model.rank_threshold <= model.threshold
    ):
        return f"rank_threshold {model.rank_threshold} outside (suggest, threshold]"
    if model.rank_threshold is not None and not 1 <= model.rank_depth <= RANK_DEPTH:
        return f"rank_depth {model.rank_depth} outside [1, {RANK_DEPTH}]"
    if unknown := [v for v in model.veto if v not in PIN_FEATURES]:
        return f"unknown veto features {unknown}"
    return None


def load_pin_judge(path: Path | None = None, embedder: str | None = None) -> PinJudge:
    """The shipped (or given) pin model; `PinRule()`, with one warning, when it is missing or stale."""
    return load_or_fallback(
        path or DEFAULT_PIN_MODEL_PATH,
        PinModel.from_json,
        lambda model: stale_reason(model, embedder),
        PinRule,
        "pin model",
        "falling back to the two-threshold pin rule; run `speechqa bench pins --fit` to fit one",
        log,
    )


@dataclass(frozen=True)
class PinMatch:
    state: PinState  # the pin, with the passage holding its text now
    features: PairFeatures
    strength: float  # the model's probability (or, under the fallback rule, the similarity)

    @property
    def similarity(self) -> float:
        return self.features.similarity


@dataclass(frozen=True)
class PinDecision:
    """What the pins say of a question: the pin served (its passage first), or else one offered."""

    served: PinMatch | None = None
    offered: PinMatch | None = None  # a likely pin below the threshold: 「相近的标准问题」, never served


def question_overlap(a: Sequence[str], b: Sequence[str], idf: Callable[[str], float]) -> float:
    """IDF-weighted Jaccard overlap of two questions' content words, in [0, 1]."""
    left, right = {t.lower() for t in a}, {t.lower() for t in b}
    union = left | right
    if not union:
        return 0.0
    weight = {t: max(idf(t), 0.0) for t in union}
    total = sum(weight.values())
    shared = left & right
    if total <= 0:
        return len(shared) / len(union)
    # summed in the order of `total`, so that two questions with the same words overlap exactly 1 (a set's
    # own order depends on the string hash, and floats summed in another order can fall short of the total)
    return min(sum(w for t, w in weight.items() if t in shared) / total, 1.0)


_HAN_RUN = re.compile(r"[\u3400-\u9fff]+|[a-z0-9]+")


def fold(text: str) -> str:
    """The text as words are compared: NFKC, simplified script, lower case."""
    return to_simplified(unicodedata.normalize("NFKC", text)).lower()


def document_text(passage: PassageRecord) -> str:
    """A pinned passage read with its document (folded): its speech's title, its heading, its text and its
    speech's date (2027-03-01, empty when unknown), each on a line of its own (the title first:
    `qualifier_dropped` reads what the document as a whole is about; the date last: `document_year`)."""
    parts = (passage.speech_title, passage.section, passage.text, passage.speech_date)
    return fold("\n".join(" ".join((part or "").split()) for part in parts))


_DOCUMENT_LINES = 4  # title, heading, text, date: `document_text`
_DATE_LINE = re.compile(r"((?:19|20)\d{2})(?:[-./年]\d{1,2}(?:[-./月]\d{1,2}日?)?)?")


def document_year(document: str) -> int | None:
    """The year of the speech a document (`document_text`) is part of, read from its date line; None when the
    date is unknown or the text is no `document_text` (a passage alone)."""
    lines = document.split("\n")
    if len(lines) != _DOCUMENT_LINES or not (m := _DATE_LINE.fullmatch(lines[-1])):
        return None
    return int(m[1])


def char_bigrams(folded: str) -> frozenset[str]:
    """Character bigrams of the Chinese runs (and whole Latin/digit runs), question words left out."""
    drop = question_words()
    grams: set[str] = set()
    for run in _HAN_RUN.findall(folded):
        if run.isascii() or len(run) == 1:
            grams.add(run)
        else:
            grams.update(run[i : i + 2] for i in range(len(run) - 1))
    return frozenset(g for g in grams if g not in drop)


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0


@dataclass(frozen=True)
class QuestionSide:
    """One question as the features read it."""

    text: str  # folded
    terms: tuple[str, ...]  # content words, question words left out
    grams: frozenset[str]
    kinds: frozenset[
        str
    ]  # the kinds of answer it asks for (a noun phrase's by its noun: answer_type.asked_kinds)
    slots: frozenset[Slot] = frozenset()  # the values it names (retrieval.slots)
    groups: frozenset[Group] = frozenset()  # the people it names (retrieval.groups)
    quantities: frozenset[Slot] = frozenset()  # which quantity it asks (retrieval.slots.quantity_slots)
    times: frozenset[Slot] = (
        frozenset()
    )  # the festivals, weekdays, parts of the day, seasons it names (time_slots)
    # the kinds of fact it asks by its asking words (who pays, a total, a limit, a deadline; a time, a number, a
    # place, a person: `retrieval.asked_kind.question_kinds` as the answer veto reads them, `asked_answers`)
    asks: frozenset[str] = frozenset()
    whether: frozenset[str] = frozenset()  # `asks`, or "whether" for a yes/no question (`whether_answers`)

    @classmethod
    def of(cls, question: str) -> QuestionSide:
        text = fold(question)
        topic = INTERROGATIVE.sub(" ", text)  # what is asked about, without how it is asked
        drop = question_words()
        terms = tuple(t for t in query_terms(topic) if t not in drop)
        return cls(
            text,
            terms,
            char_bigrams(topic),
            asked_kinds(text),
            question_slots(text),
            question_groups(text),
            quantity_slots(text),
            time_slots(text, terms),
            asked_answers(text),
            whether_answers(text),
        )


def siblings(a: str, b: str) -> bool:
    """Two kinds of one thing (政治待遇, 生活待遇: the same head, another modifier), not synonyms."""
    return a[-2:] == b[-2:] and len(a) > 2 and len(b) > 2 and a not in b and b not in a


_HEAD = 2  # a head: the two characters after a swapped modifier, the same in both questions
_CJK = re.compile(r"[\u3400-\u9fff]+")
_UNASKED = re.compile(r"[\W_]+")  # punctuation and spaces: not what is asked


def sibling_swapped(
    a: str, b: str, lexicon: Lexicon, *, longest: int = _HEAD, same_length: bool = True
) -> bool:
    """Whether two questions (folded: `fold`) ask of one head with another modifier of it — a sibling of what
    the other asks (`siblings` read in the running text, where a modifier is often no word of its own: 原标准
    against 新标准, 一般困难 against 较重困难, 二等奖 against 一等奖, 上半年 against 下半年) — or one asks
    the value before (原来, 调整前: `retrieval.slots.names_former`) and the other does not.

    Read on the two questions without punctuation, each question word one mark, which must be alike but for one
    stretch of one or two Chinese characters put in place of another as long, right before the same two
    characters in both (a paraphrase rewords more than one modifier; a verb swapped before its object in an
    otherwise reworded question is no sibling); not when either stretch is also in the other question (a word
    moved, not swapped), nor a number against a word (一年, 每年), nor when the lexicon pairs the two (or the
    two with their head, or with what is before it) as synonyms (老同志, 老干部). `longest` and `same_length`
    widen the stretch read (scripts/pin_sibling_wide69.py measures four characters of any two lengths:
    「国家级示范校」 against 「省规范化示范校」); what the veto reads is the default."""
    if names_former(a) != names_former(b):
        return True
    # each question word is one mark, the same whatever word (几个, 多少): a stretch swapped beside it (「搞哪种」
    # against 「开展什么」) is reworded around the question, not a modifier swapped
    left, right = (INTERROGATIVE.sub("?", _UNASKED.sub("", q)) for q in (a, b))
    changes = [
        op
        for op in difflib.SequenceMatcher(None, left, right, autojunk=False).get_opcodes()
        if op[0] != "equal"
    ]
    if len(changes) != 1:
        return False
    [(tag, i1, i2, j1, j2)] = changes
    mine, theirs = left[i1:i2], right[j1:j2]
    if tag != "replace" or max(len(mine), len(theirs)) > longest:
        return False
    if same_length and len(mine) != len(theirs):
        return False
    head = left[i2 : i2 + _HEAD]
    if len(head) < _HEAD or head != right[j2 : j2 + _HEAD] or not _CJK.fullmatch(mine + theirs + head):
        return False
    if mine in right or theirs in left or _is_number(mine) != _is_number(theirs):
        return False
    return not any(
        right[j1 - before : j2 + after] in lexicon.pairs_of(left[i1 - before : i2 + after])
        for before in range(min(i1, j1, _HEAD) + 1)
        for after in range(_HEAD + 1)
    )


def time_added(new: QuestionSide, pinned: QuestionSide, document: str) -> bool:
    """Whether the new question names a time the pin does not: one of its times (a festival, a season, a weekday,
    a part of the day … of retrieval/data/time_words.txt) that the pinned question does not name and the pinned
    passage's document (folded: its title, heading and text) does not write in any spelling — 「春季学期太极拳班
    星期几上课」 on a pin over 「…秋季招生简章」 (`retrieval.slots.times_added`; session pins67). A time the question
    names only as part of what it asks (「早上几点出发」, 「上午还是下午」: `without_asked_times`) is none. A year is a
    time too (session pins68): one the question names by its number or from now (「积分2027年度什么时候兑换」,
    明年, 今年 — from the speech's year, `document_year`) that neither the pinned question nor the document writes
    (`retrieval.slots.years_added`)."""
    named = without_asked_times(new.text)
    times = new.times if named == new.text else QuestionSide.of(named).times
    return times_added(times, pinned.times, document) or years_added(
        named, pinned.text, document, document_year(document)
    )


_OF = "的"
_MODIFIER_WORDS = 2  # a modifier: one or two of jieba's words right before what it restricts


def _restricted(question: str) -> list[tuple[tuple[str, ...], str]]:
    """(modifier, head) of a question (folded): a stretch of one or two of jieba's words, Chinese only and two
    characters at least, ending in a verb, an adjective or a word of distinction (`_describes`) and none a word
    of how many or which of all (`_NO_CASE`: 不同的), then 的, then a word of two Chinese characters or more naming
    people (`retrieval.groups`: 离休干部, 老同志 — not 需要准备的材料, 去年举办的书画展; session mend68p) — (异地, 安置) and (安置,) before 离休干部 in 「异地安置的离休干部医药
    费…」: the modifier's words, and the word it restricts. Question words are neither."""
    drop = question_words()
    words = list(jieba_cut(question))
    found: list[tuple[tuple[str, ...], str]] = []
    for at, head in enumerate(words):
        if at < 2 or words[at - 1] != _OF or head in drop or not _CJK.fullmatch(head) or len(head) < 2:
            continue
        if not question_groups(
            head
        ):  # a case is one of a group of people (`retrieval.groups`), not 需要准备的材料
            continue
        end = at - 1
        for size in range(1, _MODIFIER_WORDS + 1):
            stretch = words[max(end - size, 0) : end]
            modifier = "".join(stretch)
            if (
                len(stretch) == size
                and len(modifier) >= 2
                and _CJK.fullmatch(modifier)
                and not any(w in drop or w == _OF or w in _NO_CASE for w in stretch)
                and _describes(stretch[-1])
            ):
                found.append((tuple(stretch), head))
    return found


# words saying how many or which of all, not which case: 不同的老同志, 广大的离退休干部, 全体的党员
_NO_CASE = frozenset(
    {"不同", "各种", "各类", "广大", "全体", "所有", "其他", "其它", "相关", "有关", "一般", "普通"}
)

# jieba's verbs, adjectives and words of distinction (离休, 异地安置, 独居, 特困): a modifier saying which case —
# not a noun's owner (老干部工作人员的专业精神), a time (今年的), a number or a place word (以上的)
_DESCRIBING = ("v", "a", "b")


def _describes(word: str) -> bool:
    """Whether jieba tags the word, cut alone, as a verb, an adjective or a word of distinction (and nothing else:
    not a noun, a time, a numeral, a place word)."""
    tags = _tags_alone(word)
    return bool(tags) and all(t.startswith(_DESCRIBING) for t in tags)


def qualifier_dropped(new: QuestionSide, pinned: QuestionSide, document: str, lexicon: Lexicon) -> bool:
    """Whether the new question asks generally what the pin asks of one case (session pins68): the pinned question
    names a modifier saying which case, then 的, then the word it restricts (「异地安置的离休干部医药费报销难怎么
    解决」: 异地安置 before 离休干部; `_restricted`), the new question keeps that word but no word of the modifier nor a synonym of one (「离休干部的医药费
    咋报销」; 「在外地安置的…」 rewords it), and the pinned passage's document (`document_text`: title, heading, text) tells that case from the
    rest — it writes the modifier in its heading or text, its title does not name it (a document all about the
    case answers the general question of it too), and it writes the restricted word elsewhere without the
    modifier before it (it speaks of the word in general as well)."""
    title, _, body = document.partition("\n")
    restricted = _restricted(pinned.text)
    for words, head in restricted:
        modifier = "".join(words)
        # dropped: no word of any modifier of that word kept (「在外地安置的」, 「异地居住的」 reword 异地安置), the word
        # it restricts kept
        said = {w for more, other in restricted if other == head for w in (*more, "".join(more))}
        if any(_found(w, (new.text,), lexicon) for w in said) or not _found(head, (new.text,), lexicon):
            continue
        if modifier in title or modifier not in body or _is_number(modifier):
            continue
        if any(not document[:i].endswith((modifier, modifier + _OF)) for i in _starts_in(head, document)):
            return True
    return False


def _starts_in(word: str, text: str) -> list[int]:
    return [m.start() for m in re.finditer(f"(?={re.escape(word)})", text)]


def time_swapped(new: QuestionSide, pinned: QuestionSide, passage: str) -> bool:
    """Whether the new question asks another time of a kind the pinned question names — another festival,
    weekday, part of the day or season (中秋 for 重阳节, 下午 for 上午, 周三 for 周五, 冬天 for 夏季:
    retrieval/data/time_words.txt) — that its passage (folded: `fold`) does not write; the same time written
    otherwise (过年, 年节 for 春节) is none (`retrieval.slots.times_swapped`; session mend65p)."""
    return times_swapped(new.times, pinned.times, passage)


# The kinds of answer `retrieval.asked_kind.question_kinds` reads, by what answers them: a figure (a count, a sum,
# a date, a duration, a limit, a total — staff ask one figure many ways: 「第几个星期三」 for 「哪天」, 「一年几次」 for
# 「多长时间一次」), someone or somewhere (a person, an office, who pays, who gets it, a place: an office answers
# 「去哪里报销」 and 「找谁报销」 alike, 「归谁管」 and 「由哪里保存」), or whether two go together.
ANSWERED_BY: dict[str, str] = {
    "number": "figure",
    "time": "figure",
    "total": "figure",
    "bound": "figure",
    "deadline": "figure",
    "person": "someone or somewhere",
    "payer": "someone or somewhere",
    "recipient": "someone or somewhere",
    "place": "someone or somewhere",
    "exclusive": "together",
    "whether": "yes or no",
}

# Asking words the answer veto reads otherwise than `question_kinds` (which the confidence reads, unchanged), each
# put in place of a plain asking word of what it asks: a numbered building, floor or room is a place (几号楼, 几楼,
# 第几层 — not a date or a count); 哪 before a span of time asks a time (哪个时间段, 哪个月, 哪天: not a place
# because 在 is before it); 在哪几, 在哪些 before anything but a place ask which ones (体现在哪几块, 重在哪些方面:
# 在 ends the verb, no place is asked); an office, a section, a unit or a window is someone or somewhere (哪个部门,
# 哪个科室, 哪家单位). A demonstrative's 几 (那几天, 这几位, 近几年, 好几次) points at a few, asks no number; a
# yes/no question on whether one pays oneself (是不是他们自己掏钱, 是否自费, 是不是要个人承担) asks who pays
# (session mend68p).
_ASKED_OTHERWISE = (
    (re.compile(r"(?<=[这那近好])几(?=[\u4e00-\u9fff])"), "些"),
    (
        re.compile(
            r"(?:是不是|是否|要不要|用不用|需不需要)[^，,。？?！!；;]{0,12}?"
            r"(?:(?:自己|个人|本人|自行)(?:来|要|需要|得)?(?:掏钱|掏|出钱|出|承担|负担|付钱|付费|支付|交钱|交费|买单)|自费|自付)"
        ),
        "由谁出钱",
    ),
    (re.compile(r"(?:第?几号|第几)(?:楼|门|馆|厅|窗口?|会议室|教室|房间?|室)"), "哪里"),
    (re.compile(r"第?几(?:楼|层|栋|幢|单元)(?!楼?高)"), "哪里"),
    (
        re.compile(
            r"哪(?:一|个|几)?(?:时间段|时段|段时间|个时间|时间|时候|个月|月份|月|天|日|年|周|星期|礼拜)"
        ),
        "什么时候",
    ),
    (re.compile(r"在哪(?:几|些)(?!个?(?:地方|处|地点|位置|里))"), "是哪些"),
    (
        re.compile(
            r"(?:哪|哪一|哪个|哪家|什么)(?:部门|科室|单位|机构|窗口|个科|科|个处|处室|办公室|中心|街道|社区)"
        ),
        "谁",
    ),
)


def asked_answers(question: str) -> frozenset[str]:
    """The kinds of fact a question asks by its asking words as the answer veto reads them:
    `retrieval.asked_kind.question_kinds` of the question with the asking words it would misread put plainly
    (`_ASKED_OTHERWISE`: 「在几楼开」 asks a place, 「在哪个时间段开放」 and 「定在哪个月」 a time, 「体现在哪几块」
    which ones (no kind), 「报给哪个部门」 someone or somewhere, 「那几天」 no number, 「是不是自己掏钱」 who pays)."""
    text = to_simplified(question)
    for pattern, plain in _ASKED_OTHERWISE:
        text = pattern.sub(plain, text)
    return question_kinds(text)


# A yes/no question by its asking words (session pins67; mend67p): a verb, modal or adjective asked both ways (要不要,
# 能不能, 可不可以, 可以不可以, 需要不需要, 有没有, 去不去; checked in `asks_whether`), 是否, 能否, 可否, 有无, 与否,
# or 吗, 么 (not of 什么, 怎么, 这么, 那么, 多么) or 不 closing it, before trailing courtesy words (「报销吗？谢谢」).
_BOTH_WAYS = re.compile(r"([\u4e00-\u9fff]{1,2})[不没]\1")
_COURTESY = r"(?:谢谢您?|谢谢你|多谢|麻烦了|麻烦您了|辛苦了|请回复)"
_WHETHER = re.compile(
    rf"是否|能否|可否|有无|与否|(?:吗|(?<![什怎这那多])么|不)[\s？?！!。.，,～~]*(?:{_COURTESY}[\s？?！!。.，,～~]*)*$"
)
# a figure a yes/no question names to be confirmed (「一年要上三十二次课吗」, 「是不是八点开门」, 「是不是一年一次」,
# 「每人一份吗」): digits, or a numeral (一 and 两 too) before a measure word or a unit of time or 多; 一点儿, 一块儿
# (a little, together) are none
_NUMERAL = r"[\d一二两三四五六七八九十百千万半]"
_TIME_UNITS = (
    r"个小时|个钟头|个星期|小时|钟头|分钟|秒钟?|周岁|学期|星期|礼拜|季度|个月|年|月|天|日|周|岁|点|刻"
)
_MEASURES = r"个|次|名|人|块|元|角|门|号|位|份|层|楼|张|本|期|届|节|课|场|座|倍|成|趟|遍|回|批|项|条|件|套|间|户|家|所|台|辆|斤|公斤|米|公里|页|篇|多"
_FIGURE = re.compile(rf"{_NUMERAL}+(?:{_TIME_UNITS}|{_MEASURES})(?!儿)")
_TIME_FIGURE = re.compile(rf"{_NUMERAL}+(?:{_TIME_UNITS})(?!儿)")
# a limit a yes/no question asks about (「报名年纪有没有上线」, 「专业数有限制吗」): answered by the figure of it
_LIMIT = re.compile(r"限制|限额|上限|上线|下限|封顶|限定|限报|限几")
# jieba's nouns, pronouns, numerals, measure words: 人不人道 asks nothing
_NOT_ASKED_BOTH_WAYS = ("n", "r", "m", "q")


_POSSEG_LOCK = threading.Lock()


@cache
def _tags_alone(word: str) -> tuple[str, ...]:
    """jieba's tags of a word cut alone."""
    import jieba.posseg

    with _POSSEG_LOCK:
        return tuple(pair.flag for pair in jieba.posseg.lcut(word))


def _asked_both_ways(text: str) -> bool:
    """Whether the text asks a verb, modal or adjective both ways (能不能, 可以不可以), read as jieba cuts the
    text: the stretch ends where a word does (not 人不人 of 「这个人不人道」; jieba may glue its start to the word
    before, 「展要」) and jieba does not tag the word asked as a noun, pronoun, numeral or measure word."""
    cuts: set[int] = {0}
    at = 0
    for token in jieba_cut(text):
        at += len(token)
        cuts.add(at)
    for m in _BOTH_WAYS.finditer(text):
        tags = _tags_alone(m.group(1))
        if m.end() in cuts and not any(t.startswith(_NOT_ASKED_BOTH_WAYS) for t in tags):
            return True
    return False


def asks_whether(question: str) -> bool:
    """Whether a question asks yes or no by its asking words (要不要买门票, 能不能代领, 可以不可以带家属, 是否需要预约,
    可以带家属吗, 能带家属么, 能报销不)."""
    text = to_simplified(question)
    return _WHETHER.search(text) is not None or _asked_both_ways(text)


def whether_answers(question: str) -> frozenset[str]:
    """`asked_answers`, with "whether" for a yes/no question (`asks_whether`), and a figure (number) for one
    naming a figure to be confirmed or asking about a limit: 「要不要买门票」 asks whether, 「一年要上三十二次课吗」
    and 「报名年纪有没有上线」 whether and a figure, 「要不要自己掏钱」 whether and who pays."""
    kinds = asked_answers(question)
    if not asks_whether(question):
        return kinds
    text = to_simplified(question)
    figure = frozenset({"number"}) if _FIGURE.search(text) or _LIMIT.search(text) else frozenset()
    # a duration or a time confirmed (「是不是一年一次」, 「是不是一个小时」) is answered as 「多长时间」 or 「几年」 asks
    during = frozenset({"time"}) if _TIME_FIGURE.search(text) else frozenset()
    return kinds | figure | during | {"whether"}


def answered_by(kinds: frozenset[str]) -> frozenset[str]:
    """What answers a question asking these kinds (`ANSWERED_BY`): a figure, someone, a place, whether two go
    together."""
    return frozenset(ANSWERED_BY[k] for k in kinds if k in ANSWERED_BY)


def answers_swapped(new: QuestionSide, pinned: QuestionSide, *, whether: bool = False) -> bool:
    """Whether the two questions ask for different kinds of answer: each asks some kind by its asking words
    (`retrieval.asked_kind.question_kinds`) and no kind of answer (`answered_by`: a figure, someone, a place,
    whether two go together) is asked by both — 「订一年多少钱」 (a figure) against 「订阅费谁出」 (who pays),
    「在哪报名」 against 「什么时候报名」. A question asking by no such word (怎么, 什么, a noun phrase) asks no
    kind here and swaps none; 「哪天」 against 「第几个星期三」 asks a figure both times (session pins66). With
    `whether`, a yes/no question asking no other kind asks "whether" (`whether_answers`: 「要不要买门票」 against
    「展期是哪几天」; session pins67)."""
    if whether:
        mine, theirs = answered_by(new.whether), answered_by(pinned.whether)
    else:
        mine, theirs = answered_by(new.asks), answered_by(pinned.asks)
    return bool(mine) and bool(theirs) and not (mine & theirs)


def _is_number(stretch: str) -> bool:
    return all(c in NUMERAL_CHARS for c in stretch)


def _found(term: str, texts: Sequence[str], lexicon: Lexicon) -> bool:
    """The term, or a synonym of it, occurs in one of the texts. A synonym that is a sibling of the term
    does not count, nor a shorter one found only inside a sibling (待遇 inside 生活待遇 is not 政治待遇)."""
    others = [w for w in lexicon.pairs_of(term) if not siblings(term, w)]
    kin = [w for w in lexicon.pairs_of(term) if siblings(term, w)]
    for text in texts:
        if term in text:
            return True
        for w in others:
            inside = [s for s in kin if w in s]
            rest = text
            for s in inside:
                rest = rest.replace(s, "\x00")
            if w.lower() in rest:
                return True
    return False


def missing_terms(terms: Sequence[str], texts: Sequence[str], lexicon: Lexicon) -> set[str]:
    """The terms found in none of the texts, themselves or by a synonym. A piece of a found longer term
    counts as found (健康 of 健康检查, found as its synonym 体检)."""
    found = [t for t in terms if _found(t, texts, lexicon)]
    return {t for t in terms if t not in found and not any(t in longer for longer in found)}


def unshared_words(question: str, passage: str, lexicon: Lexicon | None = None) -> tuple[str, ...]:
    """The question's content words (question words left out) when the passage text given holds none of them,
    nor a synonym of one, nor its characters in order within two more (老人 in 老年人, 公交 in 公共交通); empty
    when it holds one, or the question has none. A pin onto such a passage (a notice's 「文件信息」 for a
    question about opening hours) may be a mistyped id: the front ends accept it and say so, naming the
    passage, so that it can be checked and unpinned."""
    terms = QuestionSide.of(question).terms
    folded = fold(passage)
    missing = missing_terms(terms, [folded], lexicon or bundled_lexicon()) if terms else set()
    if not terms or len(missing) < len(terms) or any(_spread_in(t, folded) for t in terms):
        return ()
    # the longest words, each once (老干部 within 老干部工作 is not named again)
    return tuple(t for t in terms if not any(t != o and t in o for o in terms))


def _spread_in(term: str, text: str) -> bool:
    """The term's characters occur in the text in order, within a stretch at most two longer than the term."""
    if len(term) < 2:
        return False
    pattern = re.compile(".{0,2}".join(re.escape(c) for c in term))
    return pattern.search(text) is not None


def pin_unshared_words(
    question: str, passage: PassageRecord, lexicon: Lexicon | None = None
) -> tuple[str, ...]:
    """`unshared_words` of a pinned passage read as the confidence reads it: its speech's title, its heading
    and its text (a 「文件信息」 passage names no 团拜会, its notice's title does)."""
    text = " ".join(part for part in (passage.speech_title, passage.section, passage.text) if part)
    return unshared_words(question, text, lexicon)


def pin_unshared_line(passage: PassageRecord, words: Sequence[str], undo: str) -> str:
    """The one line both front ends say under such a pin; `undo` says how to take it back there."""
    where = f"《{passage.speech_title}》" + (f"「{passage.section}」" if passage.section else "")
    return f"⚠ 段落 #{passage.id}（{where}）里找不到问题中的词（{'、'.join(words)}）：请核对是不是这一段，不是的话{undo}。"


def weighted_share(terms: Sequence[str], weight: dict[str, float], missing: Callable[[str], bool]) -> float:
    """The share of the terms' weight held by those `missing` picks (0 when the terms weigh nothing)."""
    total = sum(weight[t] for t in terms)
    if total <= 0:
        return 0.0
    return sum(weight[t] for t in terms if missing(t)) / total


def pair_features(
    new: QuestionSide,
    pinned: QuestionSide,
    passage: str,
    similarity: float,
    passage_drop: float,
    idf: Callable[[str], float],
    lexicon: Lexicon,
    text_similarity: float | None = None,
    read: Container[str] | None = None,
    passage_rank: int = 0,
    document: str | None = None,
) -> PairFeatures:
    """The features of a new question against one pin (`passage`: the pinned passage's folded text;
    `passage_rank`: its place in the new question's own search, 0 when not among its first passages).
    `text_similarity` not measured: `similarity − TEXT_MARGIN`, the least it would be (see `reads_text`).
    `read`: the features the judge reads (`judge_reads`); `contrast`, `sibling` and `time_swap` are computed
    only when named there (left 0) — every feature when `read` is None (fitting,
    experiments). `document`: the pinned passage's title, heading and text, folded (`document_text`; None: the
    passage alone), which `time_added` reads."""
    weight = {t: max(idf(t), 0.0) for t in {*new.terms, *pinned.terms}}
    unseen = idf("")  # the IDF of a word no passage holds
    novel_words = missing_terms(new.terms, (pinned.text, passage), lexicon)
    added_words = missing_terms(new.terms, (pinned.text,), lexicon)
    dropped_words = missing_terms(pinned.terms, (new.text,), lexicon)
    novel = weighted_share(new.terms, weight, novel_words.__contains__)
    novel_known = weighted_share(new.terms, weight, lambda t: t in novel_words and weight[t] < unseen - 1e-9)
    dropped = weighted_share(pinned.terms, weight, dropped_words.__contains__)
    added = weighted_share(new.terms, weight, lambda t: t in added_words and weight[t] < unseen - 1e-9)
    return PairFeatures(
        similarity=similarity,
        text_similarity=similarity - TEXT_MARGIN if text_similarity is None else text_similarity,
        overlap=question_overlap(new.terms, pinned.terms, idf),
        passage_drop=passage_drop,
        bigrams=_dice(new.grams, pinned.grams),
        novel=novel,
        novel_known=novel_known,
        dropped=dropped,
        swap=min(added, dropped),
        asks_other=float(new.kinds != pinned.kinds),
        passage_added=weighted_share(new.terms, weight, lambda t: t in added_words and t not in novel_words),
        slot_conflict=float(slots_conflict(new.slots, pinned.slots)),
        kind_swap=float(kinds_swapped(new.groups, pinned.groups)),
        quantity_conflict=float(slots_conflict(new.quantities, pinned.quantities)),
        contrast=float(bool(contrasted(new.text, pinned.text)))
        if read is None or "contrast" in read
        else 0.0,
        sibling=float(sibling_swapped(new.text, pinned.text, lexicon))
        if read is None or "sibling" in read
        else 0.0,
        time_swap=float(time_swapped(new, pinned, passage)) if read is None or "time_swap" in read else 0.0,
        answer_swap=float(answers_swapped(new, pinned)),
        whether_swap=float(answers_swapped(new, pinned, whether=True)),
        time_added=float(time_added(new, pinned, passage if document is None else document))
        if read is None or "time_added" in read
        else 0.0,
        qualifier_dropped=float(
            qualifier_dropped(new, pinned, passage if document is None else document, lexicon)
        )
        if read is None or "qualifier_dropped" in read
        else 0.0,
        passage_rank=float(passage_rank),
    )


def compare_questions(
    asked: str,
    pinned: str,
    passage: str,
    similarity: float,
    passage_drop: float,
    idf: Callable[[str], float],
    lexicon: Lexicon | None = None,
    text_similarity: float | None = None,
) -> PairFeatures:
    """The features of `asked` against `pinned` pinned to a passage with this text, as matching measures
    them (`similarity`, `passage_drop`, `text_similarity`: from the two questions' and the passage's
    embeddings) — outside a matcher, for labelled pairs of questions a pin model is fitted on."""
    return pair_features(
        QuestionSide.of(asked),
        QuestionSide.of(pinned),
        fold(passage),
        similarity,
        passage_drop,
        idf,
        lexicon or bundled_lexicon(),
        text_similarity,
    )


def _repeat_key(question: str) -> str:
    """A question with script, width, case, spaces and punctuation folded away."""
    return re.sub(r"[\W_]+", "", fold(question))


def _question_key(question: str, kind: str = "query") -> str:
    # Kept in the embedding cache beside passage vectors: a key no passage text can hash to.
    tag = "\x00pinned-question\x00" if kind == "query" else "\x00pinned-question-as-text\x00"
    return hashlib.sha1((tag + question).encode("utf-8")).hexdigest()


def embed_as_text(embedder: Embedder, question: str) -> np.ndarray:
    """A question's vector embedded as a passage is (e5's "passage: " side), for `text_similarity`."""
    return embedder.embed_batch([to_simplified(question)], "passage")[0]


def _normal(question: str) -> str:
    return unicodedata.normalize("NFKC", question)


class PinMatcher:
    """The usable pins of a library with their questions' vectors and words, ready to match against."""

    def __init__(
        self,
        states: Sequence[PinState],
        vectors: np.ndarray,
        passages: np.ndarray,
        as_texts: np.ndarray | None = None,
    ) -> None:
        self.states = tuple(states)
        self.vectors = vectors  # the pinned questions' embeddings, one row per pin
        # the pinned questions embedded as passages, one row per pin (None: `text_similarity` never measured)
        self.as_texts = as_texts
        self.passages = passages  # the pinned passages' embeddings, one row per pin
        self.sides = tuple(QuestionSide.of(s.pin.question) for s in self.states)
        self.texts = tuple(fold(s.passage.text) if s.passage is not None else "" for s in self.states)
        self.documents = tuple(document_text(s.passage) if s.passage is not None else "" for s in self.states)
        self.baseline = np.einsum("ij,ij->i", vectors, passages) if len(states) else np.zeros(0)

    @classmethod
    def load(cls, store: Store, embedder: Embedder) -> PinMatcher:
        """The pins whose passage is still in the library; question vectors (as queries and as passages)
        come from the store's cache (embedded once, the first time a pin is seen with this model)."""
        states = [s for s in store.pins() if s.usable]
        questions = [_normal(s.pin.question) for s in states]
        keys = [_question_key(q) for q in questions]
        text_keys = [_question_key(q, "passage") for q in questions]
        cached = store.cached_vectors(embedder.key, keys + text_keys, embedder.dim)
        new = [
            (key, embed_query(embedder, q) if kind == "query" else embed_as_text(embedder, q))
            for kind, these in (("query", keys), ("passage", text_keys))
            for key, q in zip(these, questions, strict=True)
            if key not in cached
        ]
        if new:
            if not store.read_only:  # a read-only home (a mount, a volume): embedded for this process only
                store.cache_vectors(embedder.key, new)
            cached.update(new)
        hashes = [embedding_key(s.passage.text) for s in states if s.passage is not None]
        passages = store.cached_vectors(embedder.key, hashes, embedder.dim)
        texts = {embedding_key(s.passage.text): s.passage.text for s in states if s.passage is not None}
        missing = [h for h in dict.fromkeys(hashes) if h not in passages]
        if missing:  # normally cached by the index build; embedded here only for another model
            fresh = embedder.embed_batch([to_simplified(texts[h]) for h in missing], "passage")
            if not store.read_only:
                store.cache_vectors(embedder.key, zip(missing, fresh, strict=True))
            passages.update(zip(missing, fresh, strict=True))
        empty = np.zeros((0, embedder.dim), dtype=np.float32)
        matrix = np.stack([cached[k] for k in keys]).astype(np.float32) if keys else empty
        as_texts = np.stack([cached[k] for k in text_keys]).astype(np.float32) if keys else empty
        answers = np.stack([passages[h] for h in hashes]).astype(np.float32) if hashes else empty
        return cls(states, matrix, answers, as_texts)

    def decide(
        self,
        vector: np.ndarray,
        question: str,
        idf: Callable[[str], float],
        judge: PinJudge,
        allowed: Callable[[int], bool] | None = None,
        lexicon: Lexicon | None = None,
        typed: str | None = None,
        as_text: Callable[[], np.ndarray] | None = None,
        offers: bool = True,
        ranked: Sequence[int] = (),
    ) -> PinDecision:
        """The pin the question asks again (the strongest one the judge accepts), served; or, when none
        is, the strongest pin the judge offers (see `PinModel.suggest`). The pinned question itself, in
        any script or punctuation, always gets its pin — also when `question` is what is searched after
        typo correction and `typed` is the question as it was typed (and pinned).

        `allowed(passage_id)` can rule pins out (a filtered search only takes or offers a pin from inside
        its filter). `as_text()` gives the question embedded as a passage (`embed_as_text`): called only
        when the judge reads `text_similarity` and some pin would be served or offered at the least value
        it takes (`TEXT_MARGIN`) — the judge's probability falls as it rises, so a pin neither served nor
        offered then is neither at its true value, and questions far from every pin are spared the second
        encoding. With `offers=False` (a caller that only asks whether a pin is served: `pins_serve`) no pin
        is offered, and the question is embedded again only when some pin could be served at that bound.
        `ranked`: the ids of the first passages of the question's own search, best first (`passage_rank`)."""
        read = judge_reads(judge)
        scored = self.features(vector, question, idf, lexicon, read=read, ranked=ranked)
        if not scored:
            return PinDecision()
        strengths, offered = judge.verdicts([f for _, f in scored])
        could_be = np.isfinite(strengths).any() or (offers and np.isfinite(offered).any())
        if as_text is not None and self.as_texts is not None and reads_text(judge) and could_be:
            scored = self.features(
                vector, question, idf, lexicon, as_text=as_text(), read=read, ranked=ranked
            )
            strengths, offered = judge.verdicts([f for _, f in scored])
        asked = {_repeat_key(question)} | ({_repeat_key(typed)} if typed is not None else set())
        for n, (state, _) in enumerate(scored):
            if _repeat_key(state.pin.question) in asked:  # the pinned question itself, however written
                strengths[n] = math.inf
        served = self._strongest(scored, strengths, allowed)
        if served is not None:
            return PinDecision(served=served)
        return PinDecision(offered=self._strongest(scored, offered, allowed) if offers else None)

    @staticmethod
    def _strongest(
        scored: Sequence[tuple[PinState, PairFeatures]],
        strengths: np.ndarray,
        allowed: Callable[[int], bool] | None,
    ) -> PinMatch | None:
        best: PinMatch | None = None
        for (state, features), strength in zip(scored, strengths, strict=True):
            assert state.passage is not None
            if strength == -math.inf or (allowed and not allowed(state.passage.id)):
                continue
            if best is None or strength > best.strength:
                best = PinMatch(state, features, float(strength))
        return best

    def features(
        self,
        vector: np.ndarray,
        question: str,
        idf: Callable[[str], float],
        lexicon: Lexicon | None = None,
        closest: int = CLOSEST_PINS,
        as_text: np.ndarray | None = None,
        read: Container[str] | None = None,
        ranked: Sequence[int] = (),
    ) -> list[tuple[PinState, PairFeatures]]:
        """(pin, features) for the `closest` pins in meaning, closest first: what the judge decides
        among (and what the model is fitted on). The words are compared only for those, so matching stays
        one matrix product plus a constant amount of work, however many pins a library has. `as_text`: the
        question embedded as a passage (`embed_as_text`); without it `text_similarity` is
        `similarity − TEXT_MARGIN`. `read`: the features the judge reads (`judge_reads`); None: all.
        `ranked`: the ids of the first passages of the question's own search, best first (`passage_rank`;
        only the first RANK_DEPTH are read)."""
        if not self.states:
            return []
        lexicon = lexicon or bundled_lexicon()
        idf = cache(idf)  # the same words are weighed against every pin
        new = QuestionSide.of(question)
        q = np.asarray(vector, dtype=np.float32).reshape(-1)
        sims = self.vectors @ q
        order = np.argsort(-sims, kind="stable")[: max(closest, 1)]
        drops = self.baseline[order] - self.passages[order] @ q
        read_as_text: list[float | None] = [None] * len(order)
        if as_text is not None and self.as_texts is not None:
            read_as_text = (self.as_texts[order] @ np.asarray(as_text, dtype=np.float32).reshape(-1)).tolist()
        place = {passage: n + 1 for n, passage in reversed(list(enumerate(ranked[:RANK_DEPTH])))}
        return [
            (
                self.states[i],
                pair_features(
                    new,
                    self.sides[i],
                    self.texts[i],
                    float(sims[i]),
                    float(drop),
                    idf,
                    lexicon,
                    text,
                    read,
                    place.get(self.states[i].passage.id, 0) if self.states[i].passage is not None else 0,
                    self.documents[i],
                ),
            )
            for i, drop, text in zip(order.tolist(), drops, read_as_text, strict=True)
        ]
