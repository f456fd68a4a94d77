"""A question's everyday word held by a near word of the best passage, read from the embedding model.

Staff ask in their own words what documents say in official ones that share no form with them: 漏水 for
渗漏, 管饭 for 用餐, 看牙 for 口腔, 陪床 for 陪护, 过年 for 春节 (docs/asks49.md, docs/words62.md). The confidence
weighs such a word, which no passage of the library writes, as the most telling word the best passage lacks,
and says 「未找到」 though the passage answers. No hand-kept list can hold every such pair; the embedding model
already reads both words: each word alone, embedded as a query, lies nearer its official counterpart than
any other word of the passage (渗漏 0.94 for 漏水, against 0.88 for the next, 维修).

`near_words` reads, for each of the question's words that no passage of the library holds, the words of the
best passage whose cosine with it reaches a threshold — the candidates are the passage's own words only, so
a word is held by what this passage says, never by the library's vocabulary at large. A question word some
passage holds is never read this way: the library's own word is evidence, and a near word of another
passage's cannot stand in for it. Word vectors are kept in memory (`WordVectors`), each word embedded once.

A near word is as often a neighbour in the same field as the same thing said otherwise (助听 / 助行, 奖金 / 获奖,
docs/words62.md). Two readings narrow it (docs/words63.md): `mutual_near` keeps a near word only where the asked
word is, of all the question's words, the one nearest it (获奖 stands nearer 一等奖 than 奖金 in 「一等奖奖金」), and
`swapped` writes the question with the asked word replaced by its near word, for the retriever to check that the
swap keeps the question as close to the passage (a near word that changes what is asked moves it away).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

import numpy as np

from index import Embedder

from .answer_type import shortened_in

__all__ = [
    "MAX_CANDIDATES",
    "WordVectors",
    "mutual_near",
    "near_words",
    "own_words",
    "passage_words",
    "swapped",
    "word_runs",
]

_HAN = re.compile(r"[\u4e00-\u9fff]{2,}")
MAX_CANDIDATES = 120  # a passage's distinct words read (a passage of the libraries holds 20–90)
CACHE_LIMIT = 50_000  # word vectors kept before the cache starts again


class WordVectors:
    """Each word's vector (embedded as a query, normalised), embedded once and kept."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder
        self._vectors: dict[str, np.ndarray] = {}

    def of(self, words: Sequence[str]) -> np.ndarray:
        """The words' vectors, one row each, in order (the ones not yet kept embedded in one batch)."""
        new = list(dict.fromkeys(w for w in words if w not in self._vectors))
        if new:
            if len(self._vectors) + len(new) > CACHE_LIMIT:
                self._vectors.clear()
            for word, vector in zip(new, self.embedder.embed_batch(new, "query"), strict=True):
                self._vectors[word] = vector
        if not words:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self._vectors[w] for w in words])


def passage_words(cut: Callable[[str], Iterable[str]], text: str, own: Iterable[str] = ()) -> list[str]:
    """The distinct words of two or more Chinese characters jieba (`cut`) finds in the passage's text, in
    order, without the question's own words (`own`), at most `MAX_CANDIDATES`."""
    skip = set(own)
    words = [w for w in cut(text) if _HAN.fullmatch(w) and w not in skip]
    return list(dict.fromkeys(words))[:MAX_CANDIDATES]


def near_words(
    vectors: WordVectors,
    asked: Sequence[str],
    candidates: Sequence[str],
    threshold: float,
    margin: float = 0.0,
) -> dict[str, tuple[str, ...]]:
    """Each asked word with the candidates whose cosine with it is at least `threshold` and exceeds its mean
    cosine with all the candidates by at least `margin`, nearest first (an asked word with none is left out).
    The margin reads a word as near only where it stands out of the passage: every pair of words of the model
    has a cosine of 0.8 or more, and a word near everything (东西, 那天) is near nothing in particular."""
    if not asked or not candidates:
        return {}
    rows = vectors.of([*asked, *candidates])
    similarity = rows[: len(asked)] @ rows[len(asked) :].T
    found: dict[str, tuple[str, ...]] = {}
    for word, row in zip(asked, similarity, strict=True):
        floor = max(threshold, float(row.mean()) + margin)
        order = [int(i) for i in np.argsort(-row, kind="stable") if row[i] >= floor]
        if order:
            found[word] = tuple(candidates[i] for i in order)
    return found


def word_runs(words: Sequence[str], longest: int = 3) -> list[str]:
    """The runs of two to `longest` adjacent Chinese words of a passage's cut (`words`, in order), joined, distinct:
    where jieba cuts the long form a question shortens into several words (书画作品展 as 书画 + 作品展)."""
    runs: list[str] = []
    for start in range(len(words)):
        for end in range(start + 2, min(start + longest, len(words)) + 1):
            part = words[start:end]
            if all(_HAN.fullmatch(w) or (len(w) == 1 and "\u4e00" <= w <= "\u9fff") for w in part):
                runs.append("".join(part))
    return list(dict.fromkeys(runs))


def own_words(
    vectors: WordVectors | None,
    asked: Sequence[str],
    candidates: Sequence[str],
    threshold: float,
    runs: Sequence[str] = (),
) -> dict[str, tuple[str, ...]]:
    """Each asked word with what the passage says it by in its own words, shortened forms first: a longer word of
    the passage (`candidates`, its distinct words) the asked one shortens (医保 of 医疗保险: `shortened_in`), or a
    run of its adjacent words (`runs`) it shortens ending as it ends (书画展 of 书画作品展); or a word of the passage
    sharing a character with it whose cosine with it (each word alone, embedded as a query) is at least `threshold`
    (字画 by 书画, 刻章 by 篆刻; `vectors` None or `threshold` 0: the shortening tests alone). An asked word with
    none is left out. A word of other characters altogether is `near_words`' reading, not this one's."""
    found: dict[str, tuple[str, ...]] = {}
    for word in asked:
        if len(word) < 2:
            continue
        longer = [c for c in candidates if shortened_in(word, c)]
        longer += [r for r in runs if r[-1] == word[-1] and shortened_in(word, r) and r not in longer]
        sharing = [c for c in candidates if c != word and c not in longer and set(c) & set(word)]
        near: list[str] = []
        if sharing and vectors is not None and threshold > 0:
            rows = vectors.of([word, *sharing])
            similarity = rows[1:] @ rows[0]
            order = np.argsort(-similarity, kind="stable")
            near = [sharing[int(i)] for i in order if similarity[int(i)] >= threshold]
        if longer or near:
            found[word] = (*longer, *near)
    return found


def mutual_near(
    vectors: WordVectors, found: dict[str, tuple[str, ...]], question_words: Sequence[str]
) -> dict[str, tuple[str, ...]]:
    """`found` (asked word → its near words) keeping only the near words whose nearest word of the question
    (`question_words`, the asked words among them) is the asked word itself: near in both directions. A word
    nearer another word of the question stands for that word (获奖 for 一等奖), not for the one asked."""
    words = list(dict.fromkeys([*question_words, *found]))
    if not found or not words:
        return {}
    kept: dict[str, tuple[str, ...]] = {}
    for asked, near in found.items():
        if not near:
            continue
        rows = vectors.of([*words, *near])
        similarity = rows[len(words) :] @ rows[: len(words)].T  # each near word against each question word
        own = words.index(asked)
        mutual = tuple(n for n, row in zip(near, similarity, strict=True) if int(np.argmax(row)) == own)
        if mutual:
            kept[asked] = mutual
    return kept


def swapped(question: str, word: str, near: str) -> str | None:
    """The question with every occurrence of `word` written as `near`, or None when the question does not
    write `word` as such (jieba read it across a wider run, or the question was corrected)."""
    return question.replace(word, near) if word and word in question else None
