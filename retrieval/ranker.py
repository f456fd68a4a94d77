"""Learning to rank: re-order the best fused candidates by a linear model over features already computed.

The features of a candidate passage are cheap to compute for the top few candidates: the fused score,
the dense cosine, the BM25 score (relative to the best), the IDF-weighted share of the query's words in
the passage (coverage), how close together they stand (proximity), the share found in its section
heading, the score of its answer sentence, the share found in its speech's title, speaker and date, and
whether the question names the speech's title whole (「前肛鳗属于什么科」 names 前肛鳗, not 异齿前肛鳗),
whether the passage holds the kind of answer the question asks for (a sum of money, a year…), and how much
of the question beyond the speech's title it holds (`beyond_title`). The weights are a pairwise logistic
regression fitted on data that is not the reported test data (`scripts/fit_ranker.py`: CMRC trial and the
tuning halves of the dev and policy sets) and ship as a small JSON file with the feature list and a
version: a missing or mismatched file leaves the fused order in place and says so in the log.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from pathlib import Path

import numpy as np

from corpus import to_simplified

from .answer_type import AnswerKind, holds
from .sentence import PassageSpans, WeightedTerm, passage_spans

log = logging.getLogger(__name__)

FEATURES: tuple[str, ...] = (
    "fused",
    "dense",
    "lexical",
    "coverage",
    "proximity",
    "section",
    "sentence",
    "source",
    "title",
    "kind",
    "beyond_title",
)
RANKER_VERSION = 5
RANKER_FILE = "ranker.json"


def passage_features(
    text: str,
    section: str | None,
    terms: Sequence[WeightedTerm],
    fused: float,
    dense: float | None,
    lexical: float | None,
    best_lexical: float,
    source: str = "",
    title: str = "",
    question: str = "",
    kind: AnswerKind | None = None,
    spans: PassageSpans | None = None,
) -> tuple[float, ...]:
    """The FEATURES of one candidate (every value in [0, 1], or a cosine). `source` is the speech's title,
    speaker and date, which a question may name ("沈伟讲话里…", "2024年会议上…"); `title` the speech's
    title alone, `question` the question as searched, and `kind` the kind of answer it asks for (a passage
    holding no figure of that kind — but those the question names itself — talks about the topic,
    not about what was asked). `spans` are the
    passage's `passage_spans` when read already (with the other candidates': one compiled call)."""
    # a missing heading or source scores 0, as an empty text does
    read = spans if spans is not None else passage_spans([(text, section or "", source)], terms)[0]
    return (
        fused,
        dense if dense is not None else 0.0,
        (lexical or 0.0) / best_lexical if best_lexical > 0 else 0.0,
        read.coverage,
        read.proximity,
        read.section,
        read.sentence,
        read.source,
        names_title(question, title),
        1.0 if kind is not None and holds(kind, text, question) else 0.0,
        beyond_title(text, section or "", title, terms),
    )


def beyond_title(text: str, section: str, title: str, terms: Sequence[WeightedTerm]) -> float:
    """The weighted share of the question's words that the speech's title lacks, held by the passage (its
    text or heading): 0.0 when the title holds them all. Every passage of a document shares its title, and
    its opening words restate it (「为…，决定举办老干部书画展。现将有关事项通知如下：」): what tells the passage
    that answers apart is the rest of what was asked (「书画展怎么报名」: 报名). `title` is compared as given
    (the retriever passes it in simplified script); with no title, this is the passage's plain coverage."""
    lowered_title = title.lower()
    rest = [t for t in terms if t.weight > 0 and t.text.lower() not in lowered_title]
    total = sum(t.weight for t in rest)
    if total <= 0:
        return 0.0
    readings = _readings(text, section)
    return sum(t.weight for t in rest if any(t.text.lower() in r for r in readings)) / total


@lru_cache(maxsize=4096)
def _readings(text: str, section: str) -> tuple[str, ...]:
    """A passage's heading and text lower-cased, and also in simplified script when that differs (cached:
    the same passages come back search after search)."""
    held = f"{section}\n{text}".lower()
    simplified = to_simplified(held)
    return (held,) if simplified == held else (held, simplified)


_QUALIFIER = re.compile(r"\s*[(（\[【〔][^)）\]】〕]*[)）\]】〕]\s*")


def names_title(question: str, title: str) -> float:
    """1.0 when the question holds the title whole — without its bracketed qualifiers, 「大曲车站
    (秋田县)」 → 大曲车站 — and the title is at least two characters, else 0.0."""
    core = _title_core(title)
    return 1.0 if core is not None and core in question.lower() else 0.0


@lru_cache(maxsize=4096)
def _title_core(title: str) -> str | None:
    """The title without its bracketed qualifiers and spaces, lower-cased; None when that is shorter than
    two characters (cached: the same titles come back search after search)."""
    core = "".join(_QUALIFIER.sub(" ", title).split())
    return core.lower() if len(core) >= 2 else None


@dataclass(frozen=True)
class Ranker:
    """A fitted linear model: score = Σ weight · (feature − mean) / scale + bias."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    bias: float
    version: int = RANKER_VERSION
    fitted_on: str = ""

    def scores(self, rows: Sequence[Sequence[float]]) -> np.ndarray:
        if len(rows) == 0:
            return np.zeros(0)
        x = (np.asarray(rows, dtype=np.float64) - np.asarray(self.mean)) / np.asarray(self.scale)
        return x @ np.asarray(self.weights) + self.bias

    def to_json(self) -> str:
        return json.dumps(
            {
                "version": self.version,
                "features": list(self.features),
                "weights": [round(w, 6) for w in self.weights],
                "mean": [round(m, 6) for m in self.mean],
                "scale": [round(s, 6) for s in self.scale],
                "bias": round(self.bias, 6),
                "fitted_on": self.fitted_on,
            },
            ensure_ascii=False,
            indent=1,
        )


def parse_ranker(text: str) -> Ranker:
    """A ranker from its JSON; ValueError when it is not one this code can use."""
    data = json.loads(text)
    if data.get("version") != RANKER_VERSION or tuple(data.get("features", ())) != FEATURES:
        raise ValueError(
            f"ranker version {data.get('version')} with features {data.get('features')}; "
            f"this code needs version {RANKER_VERSION} with {list(FEATURES)}"
        )
    n = len(FEATURES)
    weights, mean, scale = (tuple(float(v) for v in data[key]) for key in ("weights", "mean", "scale"))
    if not (len(weights) == len(mean) == len(scale) == n) or any(s <= 0 for s in scale):
        raise ValueError("ranker weights, mean and scale must each hold one value per feature (scale > 0)")
    return Ranker(
        FEATURES, weights, mean, scale, float(data["bias"]), RANKER_VERSION, str(data.get("fitted_on", ""))
    )


def load_ranker(path: Path | None = None) -> Ranker | None:
    """The shipped ranker (or the one at `path`); None, with a warning in the log, when it is missing or
    does not fit this code: the search then keeps the fused order."""
    try:
        text = (
            path.read_text(encoding="utf-8")
            if path
            else (files("retrieval") / "data" / RANKER_FILE).read_text(encoding="utf-8")
        )
        return parse_ranker(text)
    except (OSError, ValueError, KeyError, TypeError) as e:
        log.warning("learned ranker not used (%s): results keep the fused order", e)
        return None


@cache
def bundled_ranker() -> Ranker | None:
    return load_ranker()
