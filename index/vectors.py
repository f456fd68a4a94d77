"""The dense side: FAISS over normalised vectors, searched by inner product, ids = passage ids."""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np

from .errors import IndexCorrupt


class VectorIndex:
    def __init__(self, index: faiss.Index, kind: str) -> None:
        self.index = index
        self.kind = kind

    @property
    def dim(self) -> int:
        return int(self.index.d)

    @property
    def count(self) -> int:
        return int(self.index.ntotal)

    @classmethod
    def build(cls, vectors: np.ndarray, ids: np.ndarray, dim: int) -> VectorIndex:
        """Exact inner-product search (the corpus sizes this tool serves are well inside its range)."""
        index = faiss.IndexIDMap2(faiss.IndexFlatIP(dim))
        if len(ids):
            index.add_with_ids(
                np.ascontiguousarray(vectors, dtype=np.float32), np.asarray(ids, dtype=np.int64)
            )
        return cls(index, "flat")

    def search(self, query: np.ndarray, k: int) -> list[tuple[int, float]]:
        if self.count == 0:
            return []
        scores, ids = self.index.search(np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32), k)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i != -1]

    def save(self, path: Path) -> None:
        faiss.write_index(self.index, str(path))

    @classmethod
    def load(cls, path: Path, kind: str) -> VectorIndex:
        try:
            index = faiss.read_index(str(path))
        except RuntimeError as e:
            raise IndexCorrupt(f"向量索引文件已损坏（{path.name}）。请运行 speechqa rebuild。") from e
        return cls(index, kind)
