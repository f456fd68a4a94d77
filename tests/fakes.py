"""Fakes: real implementations of the project's protocols, deterministic and fast."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
from PIL import Image

from corpus.layout import Line
from corpus.ocr import Reading
from index import Kind


class FakeEmbedder:
    """Deterministic bag-of-character-bigrams vectors: texts sharing bigrams are similar.

    Good enough to exercise the dense code path (FAISS ids, normalisation, fusion) without a model.
    """

    def __init__(self, dim: int = 64, key: str = "fake-bigram") -> None:
        self.dim = dim
        self.key = key
        self.calls: list[tuple[Kind, int]] = []  # (kind, batch size) of every call

    def embed_batch(self, texts: Sequence[str], kind: Kind) -> np.ndarray:
        self.calls.append((kind, len(texts)))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            grams = [text[i : i + 2] for i in range(max(1, len(text) - 1))]
            for gram in grams:
                bucket = int.from_bytes(hashlib.blake2b(gram.encode(), digest_size=4).digest(), "little")
                out[row, bucket % self.dim] += 1.0
            norm = np.linalg.norm(out[row])
            out[row] = out[row] / norm if norm else out[row]
            if not norm:
                out[row, 0] = 1.0
        return out

    @property
    def passages_embedded(self) -> int:
        return sum(n for kind, n in self.calls if kind == "passage")


class FailingEmbedder(FakeEmbedder):
    """A FakeEmbedder that fails, as a crash would, once it has embedded `fail_after` passages."""

    def __init__(self, fail_after: int, dim: int = 64, key: str = "fake-bigram") -> None:
        super().__init__(dim=dim, key=key)
        self.fail_after = fail_after

    def embed_batch(self, texts: Sequence[str], kind: Kind) -> np.ndarray:
        if kind == "passage" and self.passages_embedded + len(texts) > self.fail_after:
            raise RuntimeError(f"simulated crash after {self.passages_embedded} passages")
        return super().embed_batch(texts, kind)


class RecordingOcrEngine:
    """A fake OCR engine: it reads nothing and keeps the page images it is given (as RGB bytes)."""

    name = "recorder"

    def __init__(self) -> None:
        self.pages: list[bytes] = []

    def read(self, image: Image.Image) -> Reading:
        self.pages.append(image.convert("RGB").tobytes())
        return Reading(lines=())


class TextOcrEngine:
    """A fake OCR engine reporting `name`'s confidence scale: it reads every image as one line of `text`
    with `confidence` (a line across the image)."""

    def __init__(self, text: str, confidence: float, name: str) -> None:
        self.text, self.confidence, self.name = text, confidence, name

    def read(self, image: Image.Image) -> Reading:
        line = Line(text=self.text, x0=0.0, x1=float(image.width), top=0.0, bottom=float(image.height))
        return Reading(lines=(line,), confidence=self.confidence)


class TableEmbedder:
    """Each word's vector from a table (a fake: cosines chosen by the test), normalised."""

    key = "table"
    dim = 3

    def __init__(self, table: dict[str, tuple[float, float, float]]) -> None:
        self.table = table

    def embed_batch(self, texts: list[str], kind: str) -> np.ndarray:
        rows = np.array([self.table[t] for t in texts], dtype=np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


class WordTableEmbedder(FakeEmbedder):
    """`FakeEmbedder`, but the words of `table` take their vector from it (in the first dimensions, normalised):
    a library a search runs over whose word cosines the test chooses (字画 near 书画, say)."""

    def __init__(self, table: dict[str, tuple[float, ...]], dim: int = 64) -> None:
        super().__init__(dim=dim, key="fake-bigram-words")
        self.table = table

    def embed_batch(self, texts: Sequence[str], kind: Kind) -> np.ndarray:
        out = super().embed_batch(texts, kind)
        for row, text in enumerate(texts):
            if text in self.table:
                vector = np.zeros(self.dim, dtype=np.float32)
                vector[: len(self.table[text])] = self.table[text]
                out[row] = vector / np.linalg.norm(vector)
        return out
