"""Ranking for how staff ask: each query-side choice on and off, the learned ranker's fitting, and the
plain character-bigram BM25 baseline the policy set is compared with."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from corpus import HEAD_SECTION
from index import Embedder, LexicalIndex, Library, LoadedIndex
from retrieval import QueryError, Retriever, RetrieverConfig
from retrieval.ranker import FEATURES, RANKER_VERSION, Ranker

from .evaluate import GoldQuestion, Report, by_split, evaluate, is_relevant

Progress = Callable[[int, int], None]
Notice = Callable[[str], None]

DEFAULT = RetrieverConfig()
VARIANTS: tuple[tuple[str, RetrieverConfig], ...] = (
    ("all on (default)", DEFAULT),
    ("− question words", replace(DEFAULT, drop_question_words=False)),
    ("− synonyms", replace(DEFAULT, synonyms=False)),
    ("− learned ranker", replace(DEFAULT, rerank=False)),
    ("− typo correction", replace(DEFAULT, correct_typos=False)),
    (
        "− sentence hints (one-character words, answer kind)",
        replace(DEFAULT, single_weight=0.0, answer_kind=False),
    ),
    ("all three off", RetrieverConfig(drop_question_words=False, synonyms=False, rerank=False)),
)


class CachedEmbedder:
    """An embedder that embeds each question once, however many variants ask it."""

    def __init__(self, embedder: Embedder) -> None:
        self.inner = embedder
        self.key, self.dim = embedder.key, embedder.dim
        self.vectors: dict[tuple[str, str], np.ndarray] = {}

    def embed_batch(self, texts: Sequence[str], kind: str) -> np.ndarray:
        for t in texts:
            if (t, kind) not in self.vectors:
                self.vectors[(t, kind)] = self.inner.embed_batch([t], kind)[0]  # type: ignore[arg-type]
        return np.stack([self.vectors[(t, kind)] for t in texts])


def _bigrams(text: str) -> list[str]:
    import re

    tokens: list[str] = []
    for run in re.findall(r"[\u3400-\u9fff\uf900-\ufaff]+|[A-Za-z]+|\d+", text.lower()):
        tokens.extend([run[i : i + 2] for i in range(len(run) - 1)] or [run])
    return tokens


def bigram_bm25(library: Library, embedder_key: str, questions: Sequence[GoldQuestion]) -> Report:
    """A plain character-bigram BM25 over the same passages (text only, no heading, nothing dropped or
    added, no dense side): the baseline the policy set is measured against. The passages the product
    searches: a notice's 「文件信息」 is in no index."""
    loaded = library.load(embedder_key)
    passages = [p for p in library.store.passages() if p.section != HEAD_SECTION]
    ids = np.asarray([p.id for p in passages], dtype=np.int64)
    index = LoadedIndex(
        loaded.manifest, loaded.vectors, LexicalIndex.build([p.text for p in passages], ids, _bigrams)
    )
    config = RetrieverConfig(drop_question_words=False, synonyms=False, rerank=False)
    retriever = Retriever(library.store, index, None, config)
    return evaluate(questions, lambda q: retriever.search(q, k=10, mode="lexical"))


def _row(label: str, part: str, r: Report) -> str:
    return (
        f"| {label} | {part} ({r.answerable}) | {r.recall[1]:.3f} | {r.recall[3]:.3f} | {r.recall[5]:.3f} "
        f"| {r.mrr:.3f} | {r.sentence_hit:.3f} |"
    )


def ranking_ablation(
    library: Library,
    embedder: Embedder,
    questions: Sequence[GoldQuestion],
    name: str,
    *,
    baseline: bool = False,
) -> str:
    """Each ranking choice switched off in turn (hybrid search), on each half of a split set; with
    `baseline`, also the plain character-bigram BM25. Returns the Markdown table."""
    loaded = library.load(embedder.key)
    cached = CachedEmbedder(embedder)
    rows = []
    for label, config in VARIANTS:
        retriever = Retriever(library.store, loaded, cached, config)  # type: ignore[arg-type]
        report = evaluate(questions, lambda q, rt=retriever: rt.search(q, k=10))  # type: ignore[misc]
        halves = by_split(report)
        for part, r in (halves or {"all": report}).items():
            rows.append(_row(label, part, r))
    if baseline:
        report = bigram_bm25(library, embedder.key, questions)
        for part, r in (by_split(report) or {"all": report}).items():
            rows.append(_row("plain character-bigram BM25", part, r))
    return "\n".join(
        [
            f"Ranking ablation on {name}: {len(questions)} questions, {loaded.manifest.count} passages, "
            f"model {embedder.key}; hybrid search",
            "",
            "| variant | questions (answerable) | R@1 | R@3 | R@5 | MRR@10 | answer sentence |",
            "|---|---|---|---|---|---|---|",
            *rows,
        ]
    )


@dataclass(frozen=True)
class FitSet:
    """Questions asked of one library, for fitting the ranker."""

    name: str
    retriever: Retriever
    questions: Sequence[GoldQuestion]


Groups = list[list[tuple[np.ndarray, np.ndarray]]]  # per set, per question: (features, relevant?)


def collect(sets: Sequence[FitSet], depth: int = DEFAULT.rerank_depth) -> Groups:
    """The candidates' features and relevance of every answerable question whose top `depth` holds
    both a relevant and an irrelevant passage (the others say nothing about order)."""
    per_set: Groups = []
    for fit_set in sets:
        groups = []
        for q in fit_set.questions:
            if not q.answerable:
                continue
            try:
                found = fit_set.retriever.candidate_features(q.question, depth)
            except QueryError:  # an empty question in the data
                continue
            marks = np.asarray([is_relevant(record, q) for record, _ in found], dtype=bool)
            if marks.any() and not marks.all():
                groups.append((np.asarray([f for _, f in found], dtype=np.float64), marks))
        per_set.append(groups)
    return per_set


def fit_ranker(groups: Groups, fitted_on: str, c: float = 1.0) -> Ranker:
    """A pairwise logistic regression (RankNet-style, linear): for each question, every relevant
    candidate against every irrelevant one, the difference of their standardised features labelled by
    which is relevant. Each set weighs the same in total; no intercept (a constant changes no order)."""
    from sklearn.linear_model import LogisticRegression

    stacked = np.concatenate([x for set_groups in groups for x, _ in set_groups])
    mean, scale = stacked.mean(axis=0), stacked.std(axis=0)
    scale[scale < 1e-9] = 1.0
    diffs, labels, weights = [], [], []
    for set_groups in groups:
        pairs = []
        for x, marks in set_groups:
            z = (x - mean) / scale
            pairs += [z[i] - z[j] for i in np.flatnonzero(marks) for j in np.flatnonzero(~marks)]
        for d in pairs:  # both orders, so the classes balance
            diffs += [d, -d]
            labels += [1, 0]
            weights += [1.0 / len(pairs)] * 2
    model = LogisticRegression(C=c, fit_intercept=False, max_iter=2000)
    w = np.asarray(weights)
    model.fit(np.asarray(diffs), np.asarray(labels), sample_weight=w / w.mean())
    return Ranker(
        FEATURES,
        tuple(float(v) for v in model.coef_[0]),
        tuple(float(m) for m in mean),
        tuple(float(s) for s in scale),
        0.0,
        RANKER_VERSION,
        fitted_on,
    )


def first_right(ranker: Ranker, set_groups: Sequence[tuple[np.ndarray, np.ndarray]]) -> int:
    """How many of a set's questions the ranker puts a relevant candidate first (of the collected ones)."""
    return sum(bool(marks[int(np.argmax(ranker.scores(x)))]) for x, marks in set_groups)


def choose_c(groups: Groups, grid: Sequence[float]) -> tuple[float, dict[float, int]]:
    """The C of `grid` whose rankers, each fitted with one set left out, put a relevant candidate first in
    the most questions of the set left out (summed over the sets): leave-one-set-out cross-validation.
    Returns the C and each C's count; the smaller C on a tie (the stronger regularisation)."""
    counts = {
        c: sum(
            first_right(fit_ranker([g for j, g in enumerate(groups) if j != i], "", c=c), groups[i])
            for i in range(len(groups))
        )
        for c in grid
    }
    best = max(counts.values())
    return min(c for c, n in counts.items() if n == best), counts
