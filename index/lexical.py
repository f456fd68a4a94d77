"""The lexical side: a bm25s index over explicitly tokenised Chinese text."""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Callable, Sequence
from pathlib import Path

import bm25s
import numpy as np

from .errors import IndexCorrupt

logging.getLogger("bm25s").setLevel(logging.WARNING)


class LexicalIndex:
    """BM25 (Lucene variant) with passage ids as document ids."""

    def __init__(self, model: bm25s.BM25, ids: np.ndarray, tokenize: Callable[[str], list[str]]) -> None:
        self.model = model
        self.ids = ids
        self.tokenize = tokenize
        self.vocab: dict[str, int] = dict(getattr(model, "vocab_dict", {}) or {})

    @classmethod
    def build(
        cls, texts: Sequence[str], ids: Sequence[int], tokenize: Callable[[str], list[str]]
    ) -> LexicalIndex:
        model = bm25s.BM25(k1=1.2, b=0.75)
        corpus_tokens = [tokenize(t) or [""] for t in texts]
        if corpus_tokens:
            model.index(corpus_tokens, show_progress=False)
        return cls(model, np.asarray(ids, dtype=np.int64), tokenize)

    def search(self, query: str, k: int) -> list[tuple[int, float]]:
        if len(self.ids) == 0:
            return []
        tokens = [t for t in self.tokenize(query) if t in self.vocab]
        if not tokens:
            return []
        scores = self.model.get_scores(tokens)
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(self.ids[i]), float(scores[i])) for i in top if scores[i] > 0]

    @property
    def size(self) -> int:
        return len(self.ids)

    def document_frequency(self, token: str) -> int:
        """How many passages contain the token (0 when it is not in the vocabulary)."""
        column = self.vocab.get(token)
        if column is None:
            return 0
        indptr = self.model.scores["indptr"]
        return int(indptr[column + 1] - indptr[column])

    def idf(self, word: str) -> float:
        """Inverse document frequency of a word of any length, estimated from its rarest piece."""
        pieces = [t for t in self.tokenize(word) if t in self.vocab or len(t) == min(len(word), 2)]
        df = min((self.document_frequency(t) for t in pieces), default=0)
        return math.log(1 + (self.size - df + 0.5) / (df + 0.5))

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        if len(self.ids):
            self.model.save(str(folder), show_progress=False)
        np.save(folder / "ids.npy", self.ids)

    @classmethod
    def load(cls, folder: Path, tokenize: Callable[[str], list[str]]) -> LexicalIndex:
        try:
            ids = np.load(folder / "ids.npy")
            if len(ids) == 0:
                return cls(bm25s.BM25(), ids, tokenize)
            model = bm25s.BM25.load(str(folder), show_progress=False, mmap=False)
        except (OSError, ValueError, json.JSONDecodeError, KeyError) as e:
            raise IndexCorrupt(f"词法索引文件已损坏（{folder.name}）：{e}。请运行 speechqa rebuild。") from e
        return cls(model, ids, tokenize)
