"""Fit and measure the confidence model (retrieval/confidence.py) on data that is not the dev set.

Fitting data (`speechqa bench fit-confidence`):
  - answerable: CMRC 2018 trial questions against the CMRC trial library;
  - unanswerable, near misses by construction: the same questions with their own context removed from
    the library (its passages are filtered out of both ranked lists before fusion, which is what
    deleting them would do, bar a negligible change of the IDF);
  - unanswerable, another domain: CMRC trial questions asked of the bundled speeches;
  - the tuning half of the dev set (split == "tune"), answerable and not.
Each of these groups weighs the same in the fit, so the 1000 CMRC questions do not drown the staff's.

Reporting (`speechqa bench confidence`, and the heldout rows of `speechqa eval`) uses held-out parts only:
the dev set's heldout half, CMRC dev with held-out-context negatives, and the policy-notice set's heldout
half; with `--answer-removed`, also CMRC dev questions whose context stays in the library without the
sentence that answers (`bench.cmrc.without_answers`: a near miss on the very topic, as staff's near misses
are — reported, not a target). Every figure carries a reliability table: predicted probability in bins against the observed share
of answerable questions.
"""

from __future__ import annotations

import hashlib
import json
import math
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, Literal

import numpy as np

from corpus import SUPPORTED_SUFFIXES, to_simplified
from index import Embedder, LexicalIndex, Library, LoadedIndex, Store, load_embedder
from index.store import content_hash
from retrieval import FEATURES, KNOWN_FEATURES, RULES, ConfidenceModel, CoverageRule, Retriever, Signals
from retrieval.confidence import MODEL_VERSION, Judge

from .errors import BenchError
from .evaluate import GoldQuestion, gold_question, is_relevant, search_as_evaluated
from .quality import BenchLibrary, Notice, Progress

MIN_RECALL = 0.955  # the low threshold keeps this share of every fitting group's answerable questions answered (target: false 「未找到」 ≤ 5%, with a margin)
# "high" (直接相关) from this probability up: at least nine in ten questions judged so are answerable (the
# probabilities are calibrated: see the reliability tables). Below it, down to the low threshold, an answer
# is 「可能相关」: on the fitting data its first passage is right about half as often (the bands' "right
# passage first" columns in docs/benchmarks.md). A search for where the right-first share reaches a
# precision target found none: past the low threshold that share barely rises with the probability.
HIGH_PROBABILITY = 0.9
FOLDS = 5  # folds of the cross-validation that can place the low threshold (`low_from="cross-validation"`)
LowFrom = Literal["fit", "cross-validation"]


@dataclass(frozen=True)
class Example:
    group: str  # where it comes from: "cmrc", "cmrc-removed", "cmrc-on-speeches", "speeches-tune", ...
    question: str
    answerable: bool
    signals: Signals
    # the first passage holds the answer (never for an unanswerable question); None when not known
    # (examples saved before this was recorded: read as `answerable`)
    top_right: bool | None = None

    @property
    def right(self) -> bool:
        """Answerable with the right passage first: what "high" promises."""
        return self.answerable if self.top_right is None else self.top_right


class CachedQueries:
    """An embedder whose query vectors are kept in a store's vector cache (keyed "<model>+query"), so a
    second fit or report embeds no question again. With `kind="passage"` and a `tag` it keeps passage-kind
    vectors of other texts instead (keyed "<model>+<tag>": sentences, for scripts/probe_sentence_dense.py)."""

    def __init__(self, embedder: Embedder, store: Store, kind: str = "query", tag: str | None = None) -> None:
        self.inner, self.store = embedder, store
        self.key, self.dim = embedder.key, embedder.dim
        self.kind = kind
        self.cache_key = f"{embedder.key}+{tag or kind}"

    def embed_batch(self, texts: Sequence[str], kind: str) -> np.ndarray:
        if kind != self.kind:
            return self.inner.embed_batch(texts, kind)  # type: ignore[arg-type]
        hashes = [content_hash(t) for t in texts]
        have = self.store.cached_vectors(self.cache_key, hashes, self.dim)
        missing = [(h, t) for h, t in zip(hashes, texts, strict=True) if h not in have]
        if missing:
            vectors = self.inner.embed_batch([t for _, t in missing], kind)  # type: ignore[arg-type]
            self.store.cache_vectors(self.cache_key, zip([h for h, _ in missing], vectors, strict=True))
            have.update(zip([h for h, _ in missing], vectors, strict=True))
        return np.stack([have[h] for h in hashes])

    def warm(self, texts: Iterable[str], progress: Progress | None = None) -> None:
        """Embed, in batches, the texts not cached yet."""
        todo = {content_hash(t): t for t in texts}
        have = self.store.cached_vectors(self.cache_key, list(todo), self.dim)
        missing = [t for h, t in todo.items() if h not in have]
        for start in range(0, len(missing), 32):
            self.embed_batch(missing[start : start + 32], self.kind)
            if progress is not None:
                progress(min(start + 32, len(missing)), len(missing))


class _Without:
    """A vector or lexical index with some passages left out of every search."""

    def __init__(self, inner: object, excluded: frozenset[int]) -> None:
        self._inner, self._excluded = inner, excluded

    def search(self, query: object, k: int, *args: object, **options: object) -> list[tuple[int, float]]:
        found = self._inner.search(query, k + len(self._excluded), *args, **options)  # type: ignore[attr-defined]
        return [(d, s) for d, s in found if d not in self._excluded][:k]

    def __getattr__(self, name: str) -> object:
        return getattr(self._inner, name)


class _WithoutLexical(_Without):
    """The lexical index without some passages, down to its statistics: the passage count and every
    word's document frequency (so IDF, coverage and the unseen-word signals are what deleting them
    would give: a word only the removed context held is unseen)."""

    def __init__(self, inner: LexicalIndex, excluded: frozenset[int]) -> None:
        super().__init__(inner, excluded)
        self._rows = inner.rows_of(np.asarray(sorted(excluded), dtype=np.int64))

    @property
    def size(self) -> int:
        return int(self._inner.size) - len(self._rows)  # type: ignore[attr-defined]

    def document_frequency(self, token: str) -> int:
        inner: LexicalIndex = self._inner  # type: ignore[assignment]
        df = inner.document_frequency(token)
        column = inner.vocab.get(token)
        if column is None or df == 0 or not len(self._rows):
            return df
        indptr, rows = inner.model.scores["indptr"], inner.model.scores["indices"]
        held = rows[indptr[column] : indptr[column + 1]]
        return df - int(np.isin(held, self._rows, assume_unique=True).sum())

    def idf(self, word: str) -> float:
        return LexicalIndex.idf(self, word)  # type: ignore[arg-type]  # the same formula on these counts


def without(index: LoadedIndex, excluded: frozenset[int]) -> LoadedIndex:
    """The index as it would be with `excluded` passages removed (for searching; never saved)."""
    return LoadedIndex(
        index.manifest,
        _Without(index.vectors, excluded),  # type: ignore[arg-type]
        _WithoutLexical(index.lexical, excluded),  # type: ignore[arg-type]
        index.generation,
    )


def collect(
    retriever: Retriever,
    questions: Sequence[GoldQuestion],
    group: str,
    *,
    answerable: Callable[[GoldQuestion], bool] = lambda q: q.answerable,
    exclude: Callable[[GoldQuestion], frozenset[int]] | None = None,
) -> list[Example]:
    """The signals of each question's hybrid search, searched as `speechqa eval` searches it (with
    `exclude(q)` passages removed, when given)."""
    examples = []
    for q in questions:
        rt = retriever
        if exclude is not None:
            rt = Retriever(
                retriever.store,
                without(retriever.index, exclude(q)),
                retriever.embedder,
                config=retriever.config,  # a variant searches as the retriever it stands for
                judge=retriever.judge,
            )
            rt.query_vector = retriever.query_vector  # one cache for every variant
        answer = search_as_evaluated(rt, q.question)
        if answer.signals is not None:
            can = answerable(q)
            right = can and bool(answer.hits) and is_relevant(answer.hits[0].passage, q)
            examples.append(Example(group, q.question, can, answer.signals, right))
    return examples


def _group_weights(groups: Sequence[str]) -> np.ndarray:
    """Every group weighs the same in the fit, whatever its size."""
    sizes: dict[str, int] = defaultdict(int)
    for g in groups:
        sizes[g] += 1
    return np.asarray([len(groups) / (len(sizes) * sizes[g]) for g in groups])


def _logistic(x: np.ndarray, y: np.ndarray, weight: np.ndarray) -> tuple[Any, Any]:
    """The scaler and the logistic regression of one fit (the shipped recipe)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(x)
    return scaler, LogisticRegression(C=1.0, max_iter=2000).fit(scaler.transform(x), y, sample_weight=weight)


def question_key(question: str) -> str:
    """A question as cross-validation keeps it together: simplified script, letters and digits only (a
    question asked in both scripts, or asked twice — with and without its context — is one key)."""
    text = unicodedata.normalize("NFKC", to_simplified(question)).lower()
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


def folds_of(examples: Sequence[Example], folds: int = FOLDS, seed: int = 0) -> np.ndarray:
    """A fold for every example, the same for every example of one question (`question_key`): the keys
    of each group, shuffled by a fixed seed, are dealt round the folds in turn."""
    keys = [question_key(e.question) for e in examples]
    fold_of: dict[str, int] = {}
    rng = np.random.default_rng(seed)
    for group in sorted({e.group for e in examples}):
        fresh = sorted({k for k, e in zip(keys, examples, strict=True) if e.group == group} - set(fold_of))
        start = len(fold_of)
        for n, i in enumerate(rng.permutation(len(fresh))):
            fold_of[fresh[i]] = (start + n) % folds
    return np.asarray([fold_of[k] for k in keys])


def out_of_fold(
    examples: Sequence[Example], features: Sequence[str] = FEATURES, folds: int = FOLDS
) -> np.ndarray:
    """Each example's probability under a model fitted, by the same recipe, on the other folds only:
    what the model says of questions it has not seen."""
    x = np.asarray([e.signals.vector(features) for e in examples], dtype=np.float64)
    y = np.asarray([e.answerable for e in examples], dtype=np.int64)
    groups = [e.group for e in examples]
    fold = folds_of(examples, folds)
    p = np.zeros(len(examples))
    for f in range(folds):
        test, train = fold == f, fold != f
        if not test.any() or len(set(y[train])) < 2:
            continue
        scaler, lr = _logistic(x[train], y[train], _group_weights([groups[i] for i in np.flatnonzero(train)]))
        p[test] = lr.predict_proba(scaler.transform(x[test]))[:, 1]
    return p


def fit(
    examples: Sequence[Example],
    *,
    embedder: str,
    fitted_on: str,
    features: Sequence[str] = FEATURES,
    low_from: LowFrom = "fit",
) -> ConfidenceModel:
    """Logistic regression over standardised signals, every group weighing the same; thresholds from the
    fitting data (see MIN_RECALL, HIGH_PROBABILITY). The low threshold is read from the model's own
    probabilities of its fitting data (`low_from="fit"`), or from out-of-fold probabilities
    (`"cross-validation"`, FOLDS folds): a question the fit has seen scores higher than a new one, so a
    share kept answered in-sample is kept less often on new questions."""
    x = np.asarray([e.signals.vector(features) for e in examples], dtype=np.float64)
    y = np.asarray([e.answerable for e in examples], dtype=np.int64)
    groups = [e.group for e in examples]
    weight = _group_weights(groups)
    scaler, lr = _logistic(x, y, weight)
    draft = ConfidenceModel(
        features=tuple(features),
        mean=tuple(float(v) for v in scaler.mean_),
        scale=tuple(float(v) for v in scaler.scale_),
        coef=tuple(float(v) for v in lr.coef_[0]),
        intercept=float(lr.intercept_[0]),
        low=0.5,
        high=0.5,
        embedder=embedder,
        version=MODEL_VERSION,
        fitted_on=fitted_on,
    )
    p = np.asarray([draft.probability(e.signals) for e in examples])
    low = low_threshold(out_of_fold(examples, features) if low_from == "cross-validation" else p, y, groups)
    high = max(low, HIGH_PROBABILITY)
    return replace(draft, low=low, high=high)


def low_threshold(p: np.ndarray, y: np.ndarray, groups: Sequence[str]) -> float:
    """The highest threshold that still answers MIN_RECALL of the answerable questions of every group."""
    cut = 1.0
    for g in sorted(set(groups)):
        mask = (np.asarray(groups) == g) & (y == 1)
        if mask.sum():
            cut = min(cut, float(np.quantile(p[mask], 1 - MIN_RECALL)))
    return round(cut, 4)


@dataclass(frozen=True)
class Rates:
    answerable: int
    unanswerable: int
    false_abstain: float  # answerable questions judged "low" (shown 「未找到直接回答」)
    false_answer: float  # unanswerable questions judged "medium" or "high"
    high_right: float  # share of "high" answers whose first passage holds the answer
    medium_right: float  # the same of "medium" answers
    levels: dict[str, int]


def _share(flags: Sequence[bool]) -> float:
    return sum(flags) / len(flags) if flags else math.nan


def rates(examples: Sequence[Example], judge: Judge) -> Rates:
    verdicts = [(e.answerable, judge.judge(e.signals)) for e in examples]
    pos = [v for a, v in verdicts if a]
    neg = [v for a, v in verdicts if not a]
    high = [e.right for e, (_, v) in zip(examples, verdicts, strict=True) if v.level == "high"]
    medium = [e.right for e, (_, v) in zip(examples, verdicts, strict=True) if v.level == "medium"]
    levels = {level: sum(1 for _, v in verdicts if v.level == level) for level in ("high", "medium", "low")}
    return Rates(
        answerable=len(pos),
        unanswerable=len(neg),
        false_abstain=sum(1 for v in pos if not v.answered) / max(1, len(pos)),
        false_answer=sum(1 for v in neg if v.answered) / max(1, len(neg)),
        high_right=_share(high),
        medium_right=_share(medium),
        levels=levels,
    )


@dataclass(frozen=True)
class Bin:
    low: float
    high: float
    count: int
    mean_probability: float
    answerable_share: float


def reliability(examples: Sequence[Example], model: ConfidenceModel, bins: int = 5) -> list[Bin]:
    """Predicted probability against the observed share of answerable questions, in equal-width bins."""
    p = np.asarray([model.probability(e.signals) for e in examples])
    y = np.asarray([e.answerable for e in examples], dtype=np.float64)
    out = []
    for i in range(bins):
        lo, hi = i / bins, (i + 1) / bins
        mask = (p >= lo) & ((p < hi) if i < bins - 1 else (p <= hi))
        if mask.sum():
            out.append(Bin(lo, hi, int(mask.sum()), float(p[mask].mean()), float(y[mask].mean())))
    return out


def brier(examples: Sequence[Example], model: ConfidenceModel) -> float:
    p = np.asarray([model.probability(e.signals) for e in examples])
    y = np.asarray([e.answerable for e in examples], dtype=np.float64)
    return float(np.mean((p - y) ** 2)) if len(p) else math.nan


def rates_table(rows: Sequence[tuple[str, Rates]]) -> str:
    lines = [
        "| set | answerable | unanswerable | false 「未找到」 | answered unanswerable | high / medium / low | right passage first: high / medium |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, r in rows:
        precision = " / ".join("—" if math.isnan(v) else f"{v:.3f}" for v in (r.high_right, r.medium_right))
        lines.append(
            f"| {name} | {r.answerable} | {r.unanswerable} | {r.false_abstain:.3f} | {r.false_answer:.3f} | "
            f"{r.levels['high']} / {r.levels['medium']} / {r.levels['low']} | {precision} |"
        )
    return "\n".join(lines)


def reliability_table(name: str, examples: Sequence[Example], model: ConfidenceModel) -> str:
    lines = [
        f"Reliability on {name} (Brier {brier(examples, model):.3f}):",
        "",
        "| predicted | questions | mean predicted | observed answerable |",
        "|---|---|---|---|",
    ]
    for b in reliability(examples, model):
        lines.append(
            f"| {b.low:.1f}–{b.high:.1f} | {b.count} | {b.mean_probability:.3f} | {b.answerable_share:.3f} |"
        )
    return "\n".join(lines)


def model_table(model: ConfidenceModel) -> str:
    lines = [
        f"Confidence model v{model.version} ({model.embedder}; fitted on {model.fitted_on}); "
        f"low < {model.low:.3f} ≤ medium < {model.high:.3f} ≤ high",
        "",
        "| feature | mean | scale | weight |",
        "|---|---|---|---|",
    ]
    for f, m, s, w in zip(model.features, model.mean, model.scale, model.coef, strict=True):
        lines.append(f"| {f} | {m:.3f} | {s:.3f} | {w:+.3f} |")
    lines.append(f"| (intercept) | | | {model.intercept:+.3f} |")
    return "\n".join(lines)


def own_context(store: Store) -> Callable[[GoldQuestion], frozenset[int]]:
    """For a CMRC question, the passages of its own context (the library stores one context per speech)."""
    by_title: dict[str, set[int]] = defaultdict(set)
    for p in store.passages():
        by_title[p.speech_title].add(p.id)
    return lambda q: frozenset(by_title.get(q.speech_title or "", ()))


def gold_passages(store: Store) -> Callable[[GoldQuestion], frozenset[int]]:
    """For a question of the speeches' or the notices' sets, every passage that holds one of its gold
    phrases: all of them go, so no other passage answers it once they are removed."""
    passages = list(store.passages())
    return lambda q: frozenset(p.id for p in passages if is_relevant(p, q))


def removed_examples(retriever: Retriever, questions: Sequence[GoldQuestion], group: str) -> list[Example]:
    """Each answerable question asked again with every passage holding its answer removed: an in-domain
    near miss by construction (the library still holds its topic, as a near miss's does)."""
    answerable = [q for q in questions if q.answerable]
    exclude = gold_passages(retriever.store)
    return collect(retriever, answerable, group, answerable=lambda q: False, exclude=exclude)


def answer_removed_examples(
    retriever: Retriever, questions: Sequence[GoldQuestion], group: str
) -> list[Example]:
    """Questions of `without_answers` asked of its library: each one's context is still there, on the very
    topic asked about, but without the sentence that answered (unanswerable: a near miss as staff ask them)."""
    return collect(retriever, questions, group, answerable=lambda q: False)


def cmrc_examples(retriever: Retriever, questions: Sequence[GoldQuestion], name: str) -> list[Example]:
    """Each CMRC question twice: against the whole library (answerable) and with its own context removed
    (unanswerable: a near miss, the library still holds its topic's neighbours)."""
    exclude = own_context(retriever.store)
    return collect(retriever, questions, name) + collect(
        retriever, questions, f"{name}-removed", answerable=lambda q: False, exclude=exclude
    )


def folder_library(
    folder: Path,
    home: Path,
    *,
    model: str,
    tokenizer: str,
    notice: Notice | None = None,
    progress: Progress | None = None,
    merge_to: int | None = None,
) -> BenchLibrary:
    """A library of the documents in `folder` (e.g. the policy notices), chunked as `merge_to` says (give
    the product's setting to measure what users get), kept in `home` (embeddings cached)."""
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in SUPPORTED_SUFFIXES)
    if not files:
        raise BenchError(f"{folder} 中没有可读取的文件")
    library = Library(home, tokenizer=tokenizer, merge_to=merge_to)
    manifest = library.manifest()
    embedder = load_embedder(model, prefer_key=manifest.model if manifest else None, notice=notice)
    with library.write_lock():
        library.add_paths(files)
        build = library.build(embedder, progress) if library.is_stale() else None
    return BenchLibrary(library, embedder, build)


def split_of(questions: Sequence[GoldQuestion], split: str) -> list[GoldQuestion]:
    return [q for q in questions if q.split == split]


def blind_split(name: str, questions: Sequence[GoldQuestion]) -> dict[str, str]:
    """The tuning half of a blind set whose file marks every question "heldout" (cold2…cold15): the id of
    each question → "tune" or "heldout". Within the answerable and the unanswerable questions apart,
    ordered by the SHA-256 of `"<name>:<id>"`, the first ⌊n/2⌋ are "tune" — a rule blind to the questions'
    text, fixed before any measurement (docs/measured.md, "False 「未找到」 on the blind sets' everyday
    wording")."""
    out: dict[str, str] = {}
    for answerable in (True, False):
        ids = sorted(
            (q.id for q in questions if q.answerable == answerable),
            key=lambda i: hashlib.sha256(f"{name}:{i}".encode()).hexdigest(),
        )
        out.update({i: "tune" if n < len(ids) // 2 else "heldout" for n, i in enumerate(ids)})
    return out


def every_nth(questions: Sequence[GoldQuestion], limit: int | None) -> list[GoldQuestion]:
    """About `limit` questions spread over the whole set (every n-th), or all of them."""
    if not limit or len(questions) <= limit:
        return list(questions)
    return list(questions[:: max(1, len(questions) // limit)])[:limit]


def comparison(sets: Sequence[tuple[str, Sequence[Example]]], model: Judge) -> str:
    """False 「未找到」 and answered-unanswerable per set, for the model and for the coverage rule."""
    rows = []
    for name, examples in sets:
        rows.append((f"{name} — model", rates(examples, model)))
        rows.append((f"{name} — coverage rule", rates(examples, CoverageRule())))
    return rates_table(rows)


REPO = Path(__file__).resolve().parent.parent
POLICY_QUESTIONS = REPO / "benchmarks" / "policy-questions.jsonl"
POLICY_NOTICES = REPO / "tests" / "fixtures" / "notices"
# Fit-only questions (written cold, never reported on) over the bundled speeches and over the notices;
# scripts/check_fit_questions.py checks their labels against the texts.
FIT_QUESTIONS = REPO / "benchmarks" / "fit-questions.jsonl"


def fit_questions(path: Path) -> tuple[list[GoldQuestion], list[GoldQuestion]]:
    """(questions over the speeches, questions over the notices) of a fit-only set: JSON Lines with
    "question", "answers" (empty: unanswerable), "corpus" ("speeches" | "notices"), "kind" and "split": "fit"."""
    speeches: list[GoldQuestion] = []
    notices: list[GoldQuestion] = []
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            corpus = {"speeches": speeches, "notices": notices}[row["corpus"]]
            if row.get("split") != "fit":
                raise TypeError('split 应是 "fit"（只用于拟合）')
            # fitted on as a tuning question; "near-miss" is the question sets' near_miss
            kind = str(row.get("kind", "")).replace("-", "_") if not row.get("answers") else None
            corpus.append(gold_question({**row, "split": "tune", "kind": kind}, number))
        except (ValueError, KeyError, TypeError, AttributeError) as e:
            raise BenchError(f"{path.name} 第 {number} 行格式不对：{e}") from e
    return speeches, notices


def fit_examples(
    cmrc: Retriever,
    cmrc_questions: Sequence[GoldQuestion],
    speeches: Retriever,
    dev: Sequence[GoldQuestion],
    policy: tuple[Retriever, Sequence[GoldQuestion]] | None = None,
    *,
    fit_speeches: Sequence[GoldQuestion] = (),
    fit_policy: Sequence[GoldQuestion] = (),
    in_domain_removed: bool = False,
    answer_removed: tuple[Retriever, Sequence[GoldQuestion]] | None = None,
) -> list[Example]:
    """The fitting data: CMRC trial (whole library and own context removed), CMRC questions asked of the
    speeches, the dev set's tuning half and, when given, the policy set's tuning half. Fit-only questions
    over the speeches (`fit_speeches`) and the notices (`fit_policy`) join the group of their library:
    more in-domain questions, the same weight for each source of data."""
    examples = cmrc_examples(cmrc, cmrc_questions, "cmrc-trial")
    if answer_removed is not None:
        examples += answer_removed_examples(*answer_removed, "cmrc-trial-answer-removed")
    examples += collect(speeches, cmrc_questions, "cmrc-on-speeches", answerable=lambda q: False)
    tune = [*split_of(dev, "tune"), *fit_speeches]
    examples += collect(speeches, tune, "speeches-tune")
    if in_domain_removed:
        examples += removed_examples(speeches, tune, "speeches-tune-removed")
    if policy is not None:
        policy_tune = [*split_of(policy[1], "tune"), *fit_policy]
        examples += collect(policy[0], policy_tune, "policy-tune")
        if in_domain_removed:
            examples += removed_examples(policy[0], policy_tune, "policy-tune-removed")
    return examples


def heldout_sets(
    speeches: Retriever,
    dev: Sequence[GoldQuestion],
    cmrc: tuple[Retriever, Sequence[GoldQuestion]] | None = None,
    policy: tuple[Retriever, Sequence[GoldQuestion]] | None = None,
    answer_removed: tuple[Retriever, Sequence[GoldQuestion]] | None = None,
) -> list[tuple[str, list[Example]]]:
    """The reporting data, none of it seen by the fit."""
    sets = [("dev heldout half", collect(speeches, split_of(dev, "heldout"), "dev-heldout"))]
    if cmrc is not None:
        sets.append(("CMRC dev (+ own context removed)", cmrc_examples(cmrc[0], cmrc[1], "cmrc-dev")))
    if policy is not None:
        sets.append(
            ("policy heldout half", collect(policy[0], split_of(policy[1], "heldout"), "policy-heldout"))
        )
    if answer_removed is not None:
        sets.append(
            (
                "CMRC dev, answer sentence removed",
                answer_removed_examples(*answer_removed, "cmrc-dev-answer-removed"),
            )
        )
    return sets


def group_rates(examples: Sequence[Example], judge: Judge) -> str:
    groups = sorted({e.group for e in examples})
    return rates_table([(g, rates([e for e in examples if e.group == g], judge)) for g in groups])


def cross_validated_rates(examples: Sequence[Example], model: ConfidenceModel) -> str:
    """Per group, the rates at the model's thresholds of the out-of-fold probabilities."""
    p = out_of_fold(examples, model.features)
    judged = [(e, float(v)) for e, v in zip(examples, p, strict=True)]
    rows = []
    for g in sorted({e.group for e in examples}):
        pos = [v for e, v in judged if e.group == g and e.answerable]
        neg = [v for e, v in judged if e.group == g and not e.answerable]
        levels = [v for e, v in judged if e.group == g]
        high = [e.right for e, v in judged if e.group == g and v >= model.high]
        medium = [e.right for e, v in judged if e.group == g and model.low <= v < model.high]
        rows.append(
            (
                g,
                Rates(
                    answerable=len(pos),
                    unanswerable=len(neg),
                    false_abstain=sum(v < model.low for v in pos) / max(1, len(pos)),
                    false_answer=sum(v >= model.low for v in neg) / max(1, len(neg)),
                    high_right=_share(high),
                    medium_right=_share(medium),
                    levels={
                        "high": sum(v >= model.high for v in levels),
                        "medium": sum(model.low <= v < model.high for v in levels),
                        "low": sum(v < model.low for v in levels),
                    },
                ),
            )
        )
    return rates_table(rows)


def fit_report(model: ConfidenceModel, examples: Sequence[Example]) -> str:
    return "\n\n".join(
        [
            model_table(model),
            "On the fitting data (not a test: see `speechqa bench confidence` for held-out figures):",
            group_rates(examples, model),
            f"Cross-validated on the fitting data ({FOLDS} folds; each question judged by a model fitted "
            "without it, at the thresholds above):",
            cross_validated_rates(examples, model),
            reliability_table("the fitting data", examples, model),
        ]
    )


def heldout_report(model: Judge, sets: Sequence[tuple[str, Sequence[Example]]]) -> str:
    parts = [
        "Held-out only. false 「未找到」 = answerable questions judged low (target ≤ 0.05); "
        "answered unanswerable = judged medium or high (target ≤ 0.15).",
        comparison(sets, model),
    ]
    if isinstance(model, ConfidenceModel):
        parts += [reliability_table(name, examples, model) for name, examples in sets]
    else:
        parts.append("(no confidence model: the coverage rule judged every row; no probabilities)")
    return "\n\n".join(parts)


def ablation_table(retriever: Retriever, questions: Sequence[GoldQuestion], model: Judge) -> str:
    """The coverage rule against the model, on one question set (its heldout half when it is split;
    CMRC questions also asked with their own context removed)."""
    if any(q.split for q in questions):
        questions, note = split_of(questions, "heldout"), "heldout half"
    else:
        note = "all questions"
    if any(q.speech_title for q in questions):
        examples, note = (
            cmrc_examples(retriever, questions, "cmrc"),
            note + ", each also with its own context removed",
        )
    else:
        examples = collect(retriever, questions, "set")
    name = "confidence model" if isinstance(model, ConfidenceModel) else "confidence model (missing: rule)"
    rows = [("coverage rule (≥ 0.35)", rates(examples, CoverageRule())), (name, rates(examples, model))]
    return f"Answered or not ({note}; hybrid):\n\n{rates_table(rows)}"


def save_examples(examples: Sequence[Example], path: Path) -> None:
    lines = [
        json.dumps(
            {
                "group": e.group,
                "question": e.question,
                "answerable": e.answerable,
                "top_right": e.top_right,
                "signals": asdict(e.signals),
            },
            ensure_ascii=False,
        )
        for e in examples
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def load_examples(path: Path) -> list[Example]:
    """Examples written by `save_examples`; signals the code no longer has are dropped, new ones are 0."""
    out = []
    try:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                values = {f: float(row["signals"].get(f, 0.0)) for f in KNOWN_FEATURES}
                rules = {f: bool(row["signals"].get(f, False)) for f in RULES}
                signals = Signals(**values, **rules)
                right = row.get("top_right")  # files saved before it was recorded have none
                out.append(
                    Example(
                        row["group"],
                        row["question"],
                        bool(row["answerable"]),
                        signals,
                        None if right is None else bool(right),
                    )
                )
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
        raise BenchError(f"无法读取信号文件 {path}：{e}") from e
    return out
