"""Chinese tokenisation: one explicit function, the same for indexing and for queries."""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import logging
import os
import re
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal

from corpus import script_fold_version, to_simplified

TokenizerName = Literal["char", "jieba", "char+jieba"]
TOKENIZERS: tuple[TokenizerName, ...] = ("char", "jieba", "char+jieba")
DEFAULT_TOKENIZER: TokenizerName = "char"

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[A-Za-z]+|\d+(?:\.\d+)?")
# Function words and the corpus-independent filler of questions; they carry no evidence.
STOPWORDS = frozenset(
    # function words
    "的 了 和 与 及 是 在 有 对 为 也 都 就 要 把 被 让 给 从 而 并 或 等 中 上 下 这 那 其 之 以 于 "
    "我 你 他 她 它 我们 你们 他们 它们 咱们 谁 一个 一些 这个 那个 这些 那些 还 又 再 很 太 "
    # the filler of questions, in any corpus: asking words, modal verbs, vague time words
    "吗 呢 吧 啊 呀 嘛 么 啥 什么 什么样 什么时候 怎么 怎样 怎么样 怎么办 如何 为什么 为啥 是否 "
    "哪 哪些 哪个 哪里 哪儿 哪天 哪几 哪几个 哪几种 哪几条 几 几个 几种 几条 几项 几所 多少 多久 "
    "有没有 没有 是不是 不是 能不能 不能 可不可以 可以 能 会不会 不会 要不要 不要 应该 应当 需要 "
    "请问 一下 关于 有关 到底 具体 主要 究竟 意思 啥意思 里面 方面 哪些方面 情况 问题 "
    "现在 目前 今后 以后 时候 讲话 提了 说 讲 提 搞 搞些 弄".split()
)
_jieba_lock = threading.Lock()
log = logging.getLogger(__name__)


@cache
def _jieba():  # type: ignore[no-untyped-def]
    """A jieba tokenizer with the domain dictionary, initialised once (its dictionary load costs ~1 s)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    dictionary = files("index") / "data" / "domain_dict.txt"
    with dictionary.open("rb") as handle:
        tokenizer.load_userdict(handle)
    return tokenizer


def load_whole_dictionary() -> None:
    """Load jieba's whole dictionary now (~1–1.5 s, ~65 MB), for a process that cuts many questions (the
    bot, the interactive mode, the benchmarks): each question is then cut without looking its fragments
    up in the dictionary snapshot (~0.1–0.3 ms a cut, the same words). A one-shot command does not call
    it: it looks up only its own text's fragments, in a few milliseconds."""
    with _jieba_lock:
        _jieba()


def jieba_words(text: str) -> list[str]:
    """jieba's search-mode words (long words and their sub-words) of the text in simplified script,
    lower-cased."""
    text = to_simplified(text)
    with _jieba_lock:
        words = list(_short_text_jieba(text).cut_for_search(text))
    return [w.lower() for w in words if w.strip()]


# -- jieba without loading its whole dictionary ---------------------------------------------------------
# Loading jieba's prefix dictionary (~600,000 entries) takes ~1 s, most of a one-shot `speechqa ask`.
# jieba only ever looks up substrings of the text it cuts (the DAG, the route scores, search mode's
# sub-words), so a tokenizer holding just the entries that are substrings of the text, with the full
# total, cuts it exactly as the full one does. Those entries come from an SQLite snapshot of the full
# dictionary (domain words included), written next to jieba's own cache the first time it is needed.
_SLICE_VERSION = 1
SHORT_TEXT = 2_000  # characters; a longer text (indexing) uses the full dictionary
_slice_db: sqlite3.Connection | None = None


def _slice_path() -> Path:
    import jieba

    dictionary = (files("index") / "data" / "domain_dict.txt").read_bytes()
    digest = hashlib.sha256(f"{_SLICE_VERSION} {jieba.__version__} ".encode() + dictionary).hexdigest()
    return Path(tempfile.gettempdir()) / f"speechqa-jieba-{digest[:16]}.sqlite"


def _write_slice_db(path: Path, tokenizer: Any) -> None:
    """Snapshot the initialised tokenizer's FREQ and total (atomically: write, then rename)."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        db = sqlite3.connect(tmp)
        with db:
            db.execute("CREATE TABLE freq (word TEXT PRIMARY KEY, freq INTEGER NOT NULL) WITHOUT ROWID")
            db.execute("CREATE TABLE meta (total INTEGER NOT NULL, longest INTEGER NOT NULL)")
            db.executemany("INSERT INTO freq VALUES (?, ?)", tokenizer.FREQ.items())
            db.execute(
                "INSERT INTO meta VALUES (?, ?)", [tokenizer.total, max(map(len, tokenizer.FREQ), default=1)]
            )
        db.close()
        os.replace(tmp, path)
    except (OSError, sqlite3.Error):
        log.info("could not write the jieba dictionary snapshot %s", path, exc_info=True)
        with contextlib.suppress(OSError):
            tmp.unlink()


def _open_slice_db() -> sqlite3.Connection | None:
    global _slice_db
    if _slice_db is None:
        path = _slice_path()
        if not path.exists():
            _write_slice_db(path, _jieba())
        try:
            _slice_db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            _slice_db.execute("SELECT total, longest FROM meta").fetchone()
        except sqlite3.Error:
            _slice_db = None
    return _slice_db


def _short_text_jieba(text: str) -> Any:
    """A jieba tokenizer that cuts `text` exactly as the full one: the full one once it is loaded (or
    for long texts), else one holding only the dictionary entries that are substrings of `text`."""
    if _jieba.cache_info().currsize or len(text) > SHORT_TEXT:
        return _jieba()
    db = _open_slice_db()
    return _jieba() if db is None else _sliced_jieba(text, db)


# The dictionary's answer for every fragment looked up so far (None: not in it), shared by the slices:
# a search cuts its question several ways (as typed, after NFKC, without its question words), and the
# fragments of one are mostly those of another. The snapshot never changes while it is open (callers hold
# _jieba_lock).
_looked_up: dict[object, Any] = {}
# Under keys no fragment can be: the snapshot the answers come from, and its total and longest word.
_DB, _META = ("db",), ("meta",)
_LOOKED_UP_LIMIT = 200_000


@lru_cache(maxsize=64)  # a search cuts its question several ways (terms, one-character words, typos)
def _sliced_jieba(text: str, db: sqlite3.Connection) -> Any:
    import jieba

    if _looked_up.get(_DB) is not db or len(_looked_up) > _LOOKED_UP_LIMIT:
        _looked_up.clear()
        _looked_up[_DB] = db
        _looked_up[_META] = db.execute("SELECT total, longest FROM meta").fetchone()
    total, longest = _looked_up[_META]
    # Every prefix of a word is in jieba's dictionary (with frequency 0), and jieba stops extending a
    # fragment at the first one that is not: look fragments up length by length, extending only those found.
    freq: dict[str, int] = {}
    starts = list(range(len(text)))
    for length in range(1, longest + 1):
        pieces = {text[i : i + length] for i in starts if i + length <= len(text)}
        if not pieces:
            break
        unknown = [piece for piece in pieces if piece not in _looked_up]
        for first in range(0, len(unknown), 500):
            chunk = unknown[first : first + 500]
            marks = ",".join("?" * len(chunk))
            rows = dict(db.execute(f"SELECT word, freq FROM freq WHERE word IN ({marks})", chunk).fetchall())
            _looked_up.update((piece, rows.get(piece)) for piece in chunk)
        freq.update((piece, f) for piece in pieces if (f := _looked_up[piece]) is not None)
        starts = [i for i in starts if text[i : i + length] in freq]
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True
    return tokenizer


def jieba_cut(text: str) -> list[str]:
    """jieba's precise-mode words of the text in simplified script (new words found by its HMM included),
    in order, with their original case."""
    text = to_simplified(text)
    with _jieba_lock:
        return list(_short_text_jieba(text).cut(text, HMM=True))


def dictionary_words(words: Iterable[str]) -> set[str]:
    """Which of these words jieba's dictionary (with the domain words) holds as words of their own."""
    wanted = list(dict.fromkeys(words))
    if not wanted:
        return set()
    db = None if _jieba.cache_info().currsize else _open_slice_db()
    if db is None:
        freq = _jieba().FREQ
        return {w for w in wanted if freq.get(w, 0) > 0}
    found: set[str] = set()
    for first in range(0, len(wanted), 500):
        chunk = wanted[first : first + 500]
        marks = ",".join("?" * len(chunk))
        with _jieba_lock:
            rows = db.execute(f"SELECT word FROM freq WHERE freq > 0 AND word IN ({marks})", chunk).fetchall()
        found.update(word for (word,) in rows)
    return found


def _char_tokens(text: str) -> list[str]:
    tokens: list[str] = []
    for match in _WORD.finditer(to_simplified(text).lower()):
        run = match.group()
        if _HAN.fullmatch(run):
            tokens.extend(run)
            tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
        else:
            tokens.append(run)
    return tokens


def _jieba_tokens(text: str) -> list[str]:
    return [w for w in jieba_words(text) if _WORD.fullmatch(w) and w not in STOPWORDS]


def _char_jieba_tokens(text: str) -> list[str]:
    # Bigrams give robustness to segmentation errors; jieba adds whole words (longer than two chars).
    return _char_tokens(text) + [w for w in _jieba_tokens(text) if len(w) > 2]


def get_tokenizer(name: str) -> Callable[[str], list[str]]:
    table: dict[str, Callable[[str], list[str]]] = {
        "char": _char_tokens,
        "jieba": _jieba_tokens,
        "char+jieba": _char_jieba_tokens,
    }
    if name not in table:
        raise ValueError(f"unknown tokenizer {name!r}; choose one of {', '.join(TOKENIZERS)}")
    return table[name]


@cache  # read once per process: it hashes source files and, for jieba, the domain dictionary
def tokenizer_version(name: str) -> str:
    """A fingerprint of everything that decides how `name` tokenises text (its code and patterns; for
    jieba also jieba's version, the domain dictionary and the stop words). A build reuses the previous build's term
    counts only under the same fingerprint, so upgrading any of them re-tokenises the library."""
    get_tokenizer(name)  # unknown names fail here, as everywhere
    parts = [name, _WORD.pattern, _HAN.pattern, script_fold_version()]
    for function in (_char_tokens, _jieba_tokens, _char_jieba_tokens, jieba_words):
        try:
            parts.append(inspect.getsource(function))  # an edit to the code changes the fingerprint too
        except (OSError, TypeError):  # no source shipped: the patterns and versions still count
            parts.append(function.__qualname__)
    if "jieba" in name:
        import jieba

        parts += [jieba.__version__, " ".join(sorted(STOPWORDS))]
        parts.append((files("index") / "data" / "domain_dict.txt").read_text(encoding="utf-8"))
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:16]


def single_characters(query: str) -> list[str]:
    """The one-character Chinese content words of a query that `query_terms` leaves out when it has
    longer ones (卒 in 「普朗特卒于哪年」, 译 in 「杂凑也被译为什么」): function words left out, in order."""
    words = dict.fromkeys(
        w for w in jieba_words(query) if len(w) == 1 and _HAN.fullmatch(w) and w not in STOPWORDS
    )
    return list(words)


def query_terms(query: str) -> list[str]:
    """The words of a query worth highlighting in an answer: jieba words, without filler, longest first."""
    terms = {w for w in jieba_words(query) if _WORD.fullmatch(w) and w not in STOPWORDS}
    terms = {t for t in terms if len(t) > 1 or not _HAN.fullmatch(t)} or terms
    return sorted(terms, key=lambda t: (-len(t), t))
