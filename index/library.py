"""The speech library on disk: the store plus index files, built atomically and incrementally.

Layout of a data home:

    speechqa.db          SQLite: speeches, passages, embedding cache, query log
    write.lock           held by whoever writes (add, remove, rebuild)
    index/CURRENT        name of the live generation, replaced atomically
    index/gen-…/         vectors.faiss, lexical/, manifest.json of one generation

A build writes a new generation into a temporary folder, then renames it and swaps CURRENT: a reader
sees the old index or the new one, never half of one; a crash leaves only a temporary folder that
the next build removes. Vectors are cached in SQLite by (model, content hash), so only new or changed
passages are embedded.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from corpus import (
    DEFAULT_MAX_CHARS,
    DEFAULT_MERGE_TO,
    SUPPORTED_FORMATS,
    CorpusError,
    Document,
    check_conservation,
    chunk_speech,
    iter_speech_files,
    parse_document,
    read_document,
    to_simplified,
)

from .embedder import Embedder
from .errors import IndexCorrupt, IndexMismatch, IndexNotBuilt, WriterBusy
from .lexical import LexicalIndex, TermCounts
from .records import Manifest
from .store import AddOutcome, Store, content_hash, lexical_input
from .tokenize import DEFAULT_TOKENIZER, get_tokenizer, tokenizer_version
from .vectors import VectorIndex

Progress = Callable[[int, int], None]  # (done, total) passages embedded
EMBED_BATCH = 16


@dataclass(frozen=True)
class FileOutcome:
    """What adding one file did: its speeches, or why it was refused."""

    name: str
    speeches: tuple[AddOutcome, ...] = ()
    error: str | None = None
    lost: tuple[str, ...] = ()  # body sentences that reached no passage (should always be empty)
    sentences: int = 0  # body sentences checked


@dataclass(frozen=True)
class BuildReport:
    manifest: Manifest
    embedded: int  # passages embedded now (the rest came from the cache)
    seconds: float


@dataclass(frozen=True)
class LoadedIndex:
    manifest: Manifest
    vectors: VectorIndex
    lexical: LexicalIndex
    generation: str = ""  # the folder it was loaded from (what CURRENT named then)


class Library:
    def __init__(
        self,
        home: Path,
        *,
        tokenizer: str = DEFAULT_TOKENIZER,
        max_chars: int = DEFAULT_MAX_CHARS,
        merge_to: int | None = DEFAULT_MERGE_TO,
    ):
        self.home = home
        self.tokenizer = tokenizer
        self.max_chars = max_chars
        self.merge_to = merge_to
        home.mkdir(parents=True, exist_ok=True)
        self.index_root = home / "index"
        self.store = Store(home / "speechqa.db")

    def close(self) -> None:
        self.store.close()

    # -- writing ------------------------------------------------------------------------------------
    @contextlib.contextmanager
    def write_lock(self) -> Iterator[None]:
        """Serialise writers across processes; a second writer is told at once, not made to wait."""
        handle = open(self.home / "write.lock", "w")  # noqa: SIM115 - held for the duration
        try:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as e:
                raise WriterBusy(
                    "另一个写入任务（add / remove / rebuild）正在进行，请等它完成后再试。"
                ) from e
            yield
        finally:
            handle.close()

    def add_documents(self, documents: Sequence[Document]) -> list[FileOutcome]:
        """Store the speeches of already-read documents (no embedding yet: see build)."""
        outcomes = []
        for document in documents:
            try:
                speeches = parse_document(document)
            except CorpusError as e:
                outcomes.append(FileOutcome(document.name, error=str(e)))
                continue
            drafts = [chunk_speech(s, self.max_chars, self.merge_to) for s in speeches]
            kept = check_conservation(document, [d.text for part in drafts for d in part])
            results = tuple(self.store.save_speech(s, d) for s, d in zip(speeches, drafts, strict=True))
            outcomes.append(
                FileOutcome(document.name, speeches=results, lost=kept.missing, sentences=kept.sentences)
            )
        return outcomes

    def add_paths(self, paths: Sequence[Path]) -> list[FileOutcome]:
        """Read files and folders and store their speeches; unreadable files are reported, not fatal."""
        outcomes: list[FileOutcome] = []
        documents: list[Document] = []
        for path in paths:
            try:
                files = list(iter_speech_files([path]))
            except CorpusError as e:
                outcomes.append(FileOutcome(str(path), error=str(e)))
                continue
            if path.is_dir() and not files:
                outcomes.append(
                    FileOutcome(str(path), error=f"文件夹中没有可添加的文件（{SUPPORTED_FORMATS}）：{path}")
                )
            for file in files:
                try:
                    documents.append(read_document(file))
                except CorpusError as e:
                    outcomes.append(FileOutcome(file.name, error=str(e)))
        return outcomes + self.add_documents(documents)

    def build(
        self, embedder: Embedder, progress: Progress | None = None, *, fresh: bool = False
    ) -> BuildReport:
        """Write a new index generation from the store, embedding only passages not in the cache and
        tokenising only passages the live generation has not counted (all of them when `fresh`)."""
        started = time.perf_counter()
        revision = self.store.revision
        passages = self.store.passages()
        # What is embedded is the passage in simplified script; its hash keys the cache (for a passage
        # already in simplified script that is the passage's own content hash).
        keys = {
            p.id: p.content_hash if (s := to_simplified(p.text)) == p.text else content_hash(s)
            for p in passages
        }
        inputs = {keys[p.id]: to_simplified(p.text) for p in passages}
        cached = self.store.cached_vectors(embedder.key, list(inputs), embedder.dim)
        missing = [h for h in inputs if h not in cached]
        if progress:
            progress(0, len(missing))
        for start in range(0, len(missing), EMBED_BATCH):
            batch = missing[start : start + EMBED_BATCH]
            vectors = embedder.embed_batch([inputs[h] for h in batch], "passage")
            self.store.cache_vectors(embedder.key, zip(batch, vectors, strict=True))
            cached.update(zip(batch, vectors, strict=True))
            if progress:
                progress(min(start + EMBED_BATCH, len(missing)), len(missing))
        ids = np.asarray([p.id for p in passages], dtype=np.int64)
        matrix = (
            np.stack([cached[keys[p.id]] for p in passages])
            if passages
            else np.zeros((0, embedder.dim), dtype=np.float32)
        )
        vectors_index = VectorIndex.build(matrix, ids, embedder.dim)
        lexical = LexicalIndex.build(
            [lexical_input(p.text, p.section) for p in passages],
            ids,
            get_tokenizer(self.tokenizer),
            previous=None if fresh else self._previous_counts(),
        )
        manifest = Manifest(
            model=embedder.key,
            dim=embedder.dim,
            count=len(passages),
            revision=revision,
            tokenizer=self.tokenizer,
            tokenizer_version=tokenizer_version(self.tokenizer),
            vector_index=vectors_index.kind,
            created_at=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        )
        self._publish(manifest, vectors_index, lexical)
        return BuildReport(manifest, len(missing), time.perf_counter() - started)

    def _previous_counts(self) -> TermCounts | None:
        """The live generation's term counts, when it was tokenised the way this build tokenises."""
        try:
            folder = self._current_folder()
            manifest = None if folder is None else _read_manifest(folder)
        except IndexCorrupt:
            return None
        if (
            folder is None
            or manifest is None
            or manifest.tokenizer != self.tokenizer
            or manifest.tokenizer_version != tokenizer_version(self.tokenizer)
        ):
            return None
        return TermCounts.load(folder / "lexical")

    def _publish(self, manifest: Manifest, vectors: VectorIndex, lexical: LexicalIndex) -> None:
        self.index_root.mkdir(parents=True, exist_ok=True)
        name = f"gen-{manifest.revision:06d}-{time.time_ns()}"
        tmp = self.index_root / f"{name}.tmp"
        tmp.mkdir()
        vectors.save(tmp / "vectors.faiss")
        lexical.save(tmp / "lexical")
        (tmp / "manifest.json").write_text(json.dumps(asdict(manifest), ensure_ascii=False, indent=1))
        for path in [*tmp.rglob("*"), tmp]:
            if path.is_file():
                _fsync(path)
        final = self.index_root / name
        tmp.rename(final)
        previous = self.generation()
        pointer = self.index_root / "CURRENT.tmp"
        pointer.write_text(name)
        _fsync(pointer)
        os.replace(pointer, self.index_root / "CURRENT")
        _fsync_dir(self.index_root)
        self._collect_garbage(keep={name, previous or name})

    def _collect_garbage(self, keep: set[str]) -> None:
        """Remove every generation but the new one and the one it replaced (a reader that read CURRENT
        just before the swap may still be opening it): older ones, temporary folders of crashed builds,
        and finished folders a build crashed before pointing CURRENT at."""
        for child in self.index_root.iterdir():
            if child.is_dir() and child.name.startswith("gen-") and child.name not in keep:
                shutil.rmtree(child, ignore_errors=True)

    # -- reading ------------------------------------------------------------------------------------
    def manifest(self) -> Manifest | None:
        """The live generation's manifest, or None when no index has been built."""
        folder = self._current_folder()
        return None if folder is None else _read_manifest(folder)

    def generation(self) -> str | None:
        """The name of the live generation (what CURRENT says), or None before the first build.

        Cheap (one small file read): a long-running reader polls it to notice another process's swap.
        """
        try:
            return (self.index_root / "CURRENT").read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None

    def _current_folder(self) -> Path | None:
        name = self.generation()
        if name is None:
            return None
        folder = self.index_root / name
        if not name.startswith("gen-") or not folder.is_dir():
            raise IndexCorrupt(f"索引指针 CURRENT 指向不存在的目录（{name!r}）。请运行 speechqa rebuild。")
        return folder

    def is_stale(self) -> bool:
        manifest = self.manifest()
        return manifest is None or manifest.revision != self.store.revision

    def load(self, embedder_key: str) -> LoadedIndex:
        folder = self._current_folder()  # read CURRENT once: the manifest and files come from one generation
        manifest = None if folder is None else _read_manifest(folder)
        if folder is None or manifest is None:
            raise IndexNotBuilt("还没有建立索引。请运行 speechqa rebuild（或 speechqa add 文件）。")
        if manifest.model != embedder_key:
            raise IndexMismatch(
                f"索引是用模型 {manifest.model} 建立的，当前模型是 {embedder_key}。"
                "请运行 speechqa rebuild 用当前模型重建索引。"
            )
        vectors = VectorIndex.load(folder / "vectors.faiss", manifest.vector_index)
        if vectors.dim != manifest.dim or vectors.count != manifest.count:
            raise IndexCorrupt(
                f"向量索引与清单不符（维度 {vectors.dim}/{manifest.dim}，条数 {vectors.count}/{manifest.count}）。"
                "请运行 speechqa rebuild。"
            )
        lexical = LexicalIndex.load(folder / "lexical", get_tokenizer(manifest.tokenizer))
        if len(lexical.ids) != manifest.count:
            raise IndexCorrupt("词法索引与清单不符。请运行 speechqa rebuild。")
        return LoadedIndex(manifest, vectors, lexical, folder.name)


def _read_manifest(folder: Path) -> Manifest:
    try:
        data = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        return Manifest(**data)
    except (OSError, ValueError, TypeError) as e:
        raise IndexCorrupt(
            f"索引清单 manifest.json 已损坏（{folder.name}）。请运行 speechqa rebuild。"
        ) from e


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        _fsync(path)
