"""How sure the service is that the best passage answers the question: three levels and a probability.

Several signals of one search (`Signals`) are combined by a small logistic model fitted by
`speechqa bench fit-confidence` on data that is not the dev set (CMRC 2018 trial questions against the
CMRC library, the same questions with their own context removed, CMRC questions asked of the bundled
speeches, and the tuning half of the dev set). The model ships as JSON — feature names, standardisation,
coefficients, the two thresholds, the embedding model it was fitted with and a version — and is read
with numpy alone (no pickle, no scikit-learn at run time).

A missing, unreadable or stale model (other features, other version, other embedding model) falls back
to the coverage rule of `abstain.py`, and says so once in the log.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .abstain import DEFAULT_MIN_COVERAGE
from .logistic import load_or_fallback, probability, read_weights, save_json, weights_json, weights_problem

log = logging.getLogger(__name__)

Level = Literal["high", "medium", "low"]
LEVELS: tuple[Level, ...] = ("high", "medium", "low")
# What a reader is told of a level, in every front end and the Word export alike: its name, and under a
# "low" answer the sentence that says the passages after it are only the nearest ones, each marked
LEVEL_NAMES: dict[Level, str] = {"high": "直接相关", "medium": "可能相关", "low": "未找到直接回答"}
NO_ANSWER_NOTE = "语料中没有找到直接回答这个问题的内容。以下是最接近的段落（可能不相关）："
UNRELATED_MARK = "（可能不相关）"
# a page after the first whose passages none still answers (`Answer.page_confidence` "low"): the question was
# answered on the first page, so not 「未找到直接回答」
PAGE_LOW_NAME = "本页段落与问题关系不大"
# said under the last page offered of an answered question, in every front end
NO_MORE_RELATED = "后面的段落与问题关系不大，不再列出。"
MODEL_VERSION = 1
DEFAULT_MODEL_PATH = Path(__file__).resolve().parent / "data" / "confidence.json"
RULE_HIGH_COVERAGE = 0.7  # the fallback rule's "high": most of the question's information is in the passage


@dataclass(frozen=True)
class Signals:
    """What one search says about its best passage. Every value is defined for any corpus size."""

    coverage: float  # IDF-weighted share of the question's content words found in the top passage
    dense_top: float  # cosine of the top passage with the question (a bound when outside the dense list)
    dense_best: float  # cosine of the best dense hit, whichever passage it is
    dense_margin: float  # best dense cosine minus the second best (0 with one candidate)
    lexical_per_term: float  # BM25 of the top passage / number of query terms
    lexical_share: float  # BM25 of the top passage / the best BM25 any passage got (0 when absent)
    fused_margin: float  # fused score of the top passage minus that of the next kept passage
    agreement: float  # 1 when the dense and lexical sides both rank the top passage first, else 0
    reciprocal_rank_dense: float  # 1 / rank of the top passage in the dense list (0 when absent)
    reciprocal_rank_lexical: float  # 1 / rank of the top passage in the lexical list (0 when absent)
    log_terms: float  # log(1 + number of content words in the question)
    sentence_score: (
        float  # the top passage's answer sentence: share of the question's weighted words, in [0, 1]
    )
    unseen_share: float = 0.0  # IDF-weighted share of the question's content words no passage contains
    missing_peak: float = 0.0  # IDF (over the unseen ceiling) of the most telling word the top passage lacks
    kind_missing: float = 0.0  # 1 when the question asks for an amount or a time its answer sentence lacks
    figure_missing: float = 0.0  # 1 when the question names a figure (a year, a count) the top passage lacks
    # Optional (computed only for a model that reads it: one more encoding of the question): how much the
    # most telling word the top passage lacks draws the question towards that passage — the question's
    # cosine with it minus that of the question without the word, less the same drop on the best dense
    # candidates. A passage saying the word in other words (掏钱 → 费用由…承担) loses more than others.
    missing_pull: float = 0.0
    # Optional, read from the search's own lists and statistics (no encoding more; computed on every search):
    # the share of the dense top TOPK_AGREEMENT that is in the lexical top TOPK_AGREEMENT (agreement beyond
    # the first place), the most telling word the top passage lacks among the words some passage of the
    # library uses (a word no passage uses is no evidence against this one: `missing_peak` weighs those
    # most), and the library's size, log(1 + passages).
    topk_agreement: float = 0.0
    missing_used_peak: float = 0.0
    log_passages: float = 0.0
    # Optional (computed only for a model that reads it): the share of the question's weight the best passage gives
    # back through what the library equates — a short form a document defines (意外险 of 「意外伤害保险（以下简称“意外
    # 险”）」), or a word of the passage said in its place that keeps the question as close to the passage
    # (`Retriever.equated_for`). Never part of the coverage: a word found verbatim weighs as before.
    equated: float = 0.0
    # Not a feature: the question names a time the best passages are not of — no speech is of it and no
    # passage names it (`Retriever.period_unnamed`), or each of the best passages is from a speech dated
    # at another time and names no year of it (`Retriever.of_other_times`). Every judge then says "low".
    # In every in-domain set (dev, cold sets, policy and fit questions) it holds for near misses only; the
    # CMRC data the model is fitted on has no dates to learn a weight from.
    period_mismatch: bool = False
    # Not a feature either: the word naming what the question asks about (「旗袍班学费多少钱」's 学费, 「裁判长是谁」's
    # 裁判长: `answer_type.asked_words`) is not in the best passage as a reader sees it (heading, words, title):
    # it may talk about the topic, not about what was asked. Every judge then says one level less ("high" →
    # "medium", "medium" → "low"), with no probability: a passage that answers in other words (「多少所学校」 →
    # 「20所中小学」) and was sure stays answered, one that was only likely is not (docs/asks43.md).
    asked_missing: bool = False
    # Not a feature either: what the question asks in particular — its most specific word, a year or batch it names
    # — is not stated by the best passage and those beside it (`detail.absent_details`, `RetrieverConfig.
    # detail_absent`; off by default): one level less, as `asked_missing` (both together: one level).
    detail_absent: bool = False

    def vector(self, features: Sequence[str]) -> list[float]:
        return [float(getattr(self, name)) for name in features]


RULES: tuple[str, ...] = (
    "period_mismatch",
    "asked_missing",
    "detail_absent",
)  # signals every judge obeys, never weighed
# signals a model may read but the shipped one does not; each costs time at search, so a search computes
# it only for a model that reads it (or when RetrieverConfig asks, to fit one)
OPTIONAL: tuple[str, ...] = ("missing_pull", "topk_agreement", "missing_used_peak", "log_passages", "equated")
TOPK_AGREEMENT = 5  # the depth at which `topk_agreement` compares the dense and the lexical lists
FEATURES: tuple[str, ...] = tuple(f for f in Signals.__dataclass_fields__ if f not in RULES + OPTIONAL)
KNOWN_FEATURES: tuple[str, ...] = FEATURES + OPTIONAL


def lowered(level: Level) -> Confidence:
    """The verdict one level below `level` (「low」 stays), as a rule gives it: with no probability."""
    return Confidence(LEVELS[min(LEVELS.index(level) + 1, len(LEVELS) - 1)], None)


@dataclass(frozen=True)
class Confidence:
    level: Level
    probability: float | None  # calibrated P(the corpus answers the question); None under the fallback rule

    @property
    def answered(self) -> bool:
        return self.level != "low"


@dataclass(frozen=True)
class ConfidenceModel:
    """A logistic model over standardised signals: p = σ(b + Σ wᵢ (xᵢ − μᵢ) / σᵢ)."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    low: float  # below: "low" (not answered)
    high: float  # at or above: "high"
    embedder: str  # the embedding model the cosines came from
    version: int = MODEL_VERSION
    fitted_on: str = ""

    def probability(self, signals: Signals) -> float:
        return probability(self, signals.vector(self.features))

    def judge(self, signals: Signals) -> Confidence:
        if signals.period_mismatch:
            return Confidence("low", None)
        p = self.probability(signals)
        level: Level = "high" if p >= self.high else "medium" if p >= self.low else "low"
        return lowered(level) if signals.asked_missing or signals.detail_absent else Confidence(level, p)

    def to_json(self) -> dict[str, object]:
        return {
            **weights_json(self, self.version, self.fitted_on),
            "thresholds": {"low": self.low, "high": self.high},
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> ConfidenceModel:
        thresholds = data["thresholds"]
        if not isinstance(thresholds, dict):
            raise TypeError("thresholds is not an object")
        return cls(
            low=float(thresholds["low"]),
            high=float(thresholds["high"]),
            **read_weights(data),  # type: ignore[arg-type]
        )

    def save(self, path: Path) -> None:
        save_json(path, self.to_json())


def stale_reason(model: ConfidenceModel, embedder: str | None) -> str | None:
    """Why this model cannot judge searches made with `embedder` (None when it can)."""
    if problem := weights_problem(model, model.version, MODEL_VERSION, KNOWN_FEATURES, embedder):
        return problem
    if not model.low <= model.high:
        return "thresholds out of order"
    return None


@dataclass(frozen=True)
class CoverageRule:
    """Today's rule, the fallback: the coverage alone, with no probability."""

    min_coverage: float = DEFAULT_MIN_COVERAGE
    high_coverage: float = RULE_HIGH_COVERAGE

    def judge(self, signals: Signals) -> Confidence:
        if signals.period_mismatch:
            return Confidence("low", None)
        c = signals.coverage
        level: Level = "high" if c >= self.high_coverage else "medium" if c >= self.min_coverage else "low"
        return lowered(level) if signals.asked_missing or signals.detail_absent else Confidence(level, None)


Judge = ConfidenceModel | CoverageRule


def load_judge(path: Path | None = None, embedder: str | None = None) -> Judge:
    """The shipped (or given) confidence model; the coverage rule, with one warning, when it is missing
    or stale."""
    return load_or_fallback(
        path or DEFAULT_MODEL_PATH,
        ConfidenceModel.from_json,
        lambda model: stale_reason(model, embedder),
        CoverageRule,
        "confidence model",
        "falling back to the coverage rule; run `speechqa bench fit-confidence` to fit one",
        log,
    )


def gather_signals(
    *,
    terms: Sequence[str],
    coverage: float,
    top_id: int,
    top_score: float,
    next_score: float | None,
    dense: Sequence[tuple[int, float]],
    lexical: Sequence[tuple[int, float]],
    sentence_score: float = 0.0,
    unseen_share: float = 0.0,
    missing_peak: float = 0.0,
    kind_missing: float = 0.0,
    figure_missing: float = 0.0,
    missing_pull: float = 0.0,
    missing_used_peak: float = 0.0,
    equated: float = 0.0,
    passages: int = 0,
    period_mismatch: bool = False,
    asked_missing: bool = False,
    detail_absent: bool = False,
) -> Signals:
    """The signals of one search from what it already computed: the two ranked lists (best first), the
    kept passages' fused scores and the coverage of the top passage."""
    dense_rank = next((r for r, (d, _) in enumerate(dense, start=1) if d == top_id), None)
    lexical_rank = next((r for r, (d, _) in enumerate(lexical, start=1) if d == top_id), None)
    # outside the dense candidates, the top passage's cosine is at most the lowest among them
    bound = dense[-1][1] if dense else 0.0
    dense_top = dense[dense_rank - 1][1] if dense_rank is not None else bound
    dense_best = dense[0][1] if dense else 0.0
    lexical_top = lexical[lexical_rank - 1][1] if lexical_rank is not None else 0.0
    lexical_best = lexical[0][1] if lexical else 0.0
    return Signals(
        coverage=coverage,
        dense_top=dense_top,
        dense_best=dense_best,
        # one candidate (a filter allowing one passage: a short speech just added, 「讲话 #6」): no runner-up,
        # no margin measured. Its cosine as the margin (0.89 where margins run 0–0.05) made the judge say
        # 「未找到直接回答」 (probability 1e-11) of a passage that answers the question word for word.
        dense_margin=dense[0][1] - dense[1][1] if len(dense) > 1 else 0.0,
        lexical_per_term=lexical_top / max(1, len(terms)),
        lexical_share=lexical_top / lexical_best if lexical_best > 0 else 0.0,
        fused_margin=top_score - (next_score if next_score is not None else 0.0),
        agreement=1.0 if dense_rank == 1 and lexical_rank == 1 else 0.0,
        reciprocal_rank_dense=1 / dense_rank if dense_rank else 0.0,
        reciprocal_rank_lexical=1 / lexical_rank if lexical_rank else 0.0,
        log_terms=math.log1p(len(terms)),
        sentence_score=sentence_score,
        unseen_share=unseen_share,
        missing_peak=missing_peak,
        kind_missing=kind_missing,
        figure_missing=figure_missing,
        missing_pull=missing_pull,
        topk_agreement=len({d for d, _ in dense[:TOPK_AGREEMENT]} & {d for d, _ in lexical[:TOPK_AGREEMENT]})
        / TOPK_AGREEMENT,
        missing_used_peak=missing_used_peak,
        log_passages=math.log1p(max(0, passages)),
        equated=equated,
        period_mismatch=period_mismatch,
        asked_missing=asked_missing,
        detail_absent=detail_absent,
    )
