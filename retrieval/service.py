"""Open a ready-to-query retriever over a library: load the model, build or refresh the index if needed."""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from corpus import HEAD_SECTION, Document, head_labels, is_mail_folder, is_mbox
from index import (
    ArchiveTally,
    BuildReport,
    Counts,
    Embedder,
    FileOutcome,
    HomeFull,
    IndexCorrupt,
    Library,
    Prefixes,
    ReadOnlyHome,
    SpeechIndexError,
    SpeechRecord,
    WriterBusy,
    beijing_time,
    bundled_key,
    load_embedder,
    load_whole_dictionary,
    restore_database,
)

from . import compiled
from .retriever import Retriever, RetrieverConfig
from .typos import load_readings

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

# What a front end says when a user refuses (or leaves unanswered) the confirmation of a change: removing
# a speech, restoring a backup, recovering a database on the command line, 确定删除 / 取消 in the bot. One
# wording for all of them (the CLI exits 1 after it).
CANCELLED = "已取消，没有做任何改动。"


class Added(NamedTuple):
    """What an add did: one outcome per file (or document), and the index it left (its 「文件信息」 count: the
    passages this add stored, said by added_size)."""

    outcomes: list[FileOutcome]
    report: BuildReport


class Restored(NamedTuple):
    """What a restore did: the backup's counts, where the replaced library was saved (None: the data home
    held nothing to save), the index built."""

    counts: Counts
    saved: Path | None
    report: BuildReport


def prepare_many_searches() -> None:
    """Ready this process to search many times (the bot, the interactive mode, `eval`, the benchmarks):
    span scoring compiled (retrieval/compiled.py: numba imported, ~1 s from its cache) and jieba's whole
    dictionary loaded (~1–1.5 s, ~65 MB), and typo correction's pinyin tables (so that the first question
    a started bot gets is not seconds slower than the next). Searches then give the same results in less
    time (~1 ms less each). Not for a one-shot command, which would pay more at start than one search saves."""
    compiled.load()
    load_whole_dictionary()
    load_readings()


def check_read_only_home(library: Library, *, need_speeches: bool = False) -> None:
    """Raise ReadOnlyHome when a read-only library cannot be served as it is: it has no index (which
    opening a service would have to build), or, with `need_speeches`, no speech (and none can ever be
    added). Cheap: no model is loaded; a writable library always passes."""
    if not library.read_only:
        return
    if library.manifest() is None:
        raise ReadOnlyHome(f"数据目录是只读的：{library.home}（其中还没有索引，无法建立）")
    if need_speeches and not library.store.speeches():
        raise ReadOnlyHome(
            f"数据目录是只读的：{library.home}（其中的资料库是空的，0 篇讲话，也无法添加）："
            "请以可写方式挂载后运行 speechqa add --bundled 或 speechqa add 文件"
        )


@dataclass(frozen=True)
class ServiceOptions:
    model: str
    prefixes: Prefixes | None = None
    seed_if_empty: bool = True  # an empty library gets the bundled speeches on first use
    model_chosen: bool = False  # the user asked for `model` (SPEECHQA_MODEL, --model): not merely the default
    config: RetrieverConfig | None = None


class SpeechService:
    """A library with its embedder and current retriever; the one object the front ends hold.

    The retriever is swapped, never mutated: `reload()` builds a new one from the files on disk and
    replaces the reference, so a search in flight finishes on the index it started with. `current()`
    also notices when another process (`speechqa add` / `rebuild`) swapped in a new generation, and
    loads it before serving from it.
    """

    check_interval = 1.0  # seconds between looks at index/CURRENT

    def __init__(
        self,
        library: Library,
        options: ServiceOptions,
        *,
        notice: Callable[[str], None] | None = None,
        progress: Progress | None = None,
        fresh_model: bool = False,
        embedder: Embedder | None = None,
    ) -> None:
        """Load the model (the one the index was built with, unless `fresh_model`) and open the index,
        seeding and building it first when needed. An `embedder` given (a test's `FakeEmbedder`) is used
        instead of loading one: `options.model` is then only its name."""
        self.library = library
        self.options = options
        self._lock = threading.Lock()
        self._writers = 0  # add / rebuild / restore / remove calls of this service under way
        self._writers_lock = threading.Lock()
        self._checked_at = time.monotonic()
        self._seen: str | None = None  # the generation last loaded, or last found unloadable
        # what opening did on first use, for the front ends to tell: the bundled speeches an empty library
        # was given, and the index build (None when the index was there already)
        self.seeded: tuple[FileOutcome, ...] = ()
        self.built: BuildReport | None = None
        self._notice = notice
        try:
            manifest = library.manifest()
        except IndexCorrupt:
            if not fresh_model:
                raise
            # a rebuild replaces a damaged index (its manifest or CURRENT unreadable, the very damage its
            # message says to rebuild for): the model is then the one the settings name
            manifest = None
            log.info("rebuilding over a damaged index", exc_info=True)
        self.embedder: Embedder = embedder or load_embedder(
            options.model,
            prefer_key=manifest.model if manifest and not fresh_model else None,
            prefixes=options.prefixes,
            notice=notice,
            # the bundled copy is no surprise when the index was built by it, or when no index says
            # otherwise and the user named no model (the default is the bundled copy when offline)
            bundled_expected=(
                manifest.model == bundled_key(options.model) if manifest else not options.model_chosen
            ),
        )
        if (
            options.seed_if_empty
            and library.generation() is None
            and not library.read_only
            and not library.store.speeches()
        ):
            with library.write_lock():
                self.seeded = tuple(library.add_bundled())
        self._retriever: Retriever | None = None
        if not fresh_model:
            self.ensure_index(progress)
            self._retriever = self._open()

    @property
    def updating(self) -> bool:
        """Whether this service is changing the library now (adding, removing, rebuilding, restoring):
        a search made meanwhile is answered from the index as it was before the change."""
        return self._writers > 0

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """The library's writer lock, with `updating` true until the new index is loaded."""
        with self._writers_lock:
            self._writers += 1
        try:
            with self.library.write_lock():
                yield
        finally:
            with self._writers_lock:
                self._writers -= 1

    @property
    def retriever(self) -> Retriever:
        if self._retriever is None:
            self._retriever = self._open()
        return self._retriever

    def current(self) -> Retriever:
        """The retriever over the live index: reloaded first if CURRENT names a newer generation.

        CURRENT is read at most every `check_interval` seconds. A new generation is loaded completely
        before the reference is swapped; one that cannot be loaded (damaged, another model) is logged
        and the old index keeps serving.
        """
        now = time.monotonic()
        if now - self._checked_at >= self.check_interval:
            self._checked_at = now
            generation = self.library.generation()
            if generation is not None and generation != self._seen:
                with self._lock:
                    if generation != self._seen:
                        self._seen = generation
                        try:
                            self._retriever = self._open()
                            log.info("index generation %s loaded", self._retriever.index.generation)
                        except SpeechIndexError as e:
                            log.warning("kept the previous index: generation %s: %s", generation, e)
        return self.retriever

    def ensure_index(self, progress: Progress | None = None) -> None:
        """Build the index when it is missing or older than the store (cheap: cached vectors are reused)."""
        if not self.library.is_stale():
            return
        if self.library.read_only:
            check_read_only_home(self.library)
            log.info("read-only data home: serving the index as it is")
            return
        try:
            with self.library.write_lock():
                staleness = self.library.staleness(self.embedder.key)
                if staleness is not None:
                    if self._notice is not None and not self.seeded:  # a seeded library's build is told after
                        self._notice(staleness.describe())
                    self.built = self.library.build(self.embedder, progress)
        except WriterBusy:
            if self.library.manifest() is None:
                raise
            log.info("another writer is updating the index; serving the current one meanwhile")
        except HomeFull as e:
            if self.library.manifest() is None:
                raise
            # no room to bring the index up to date: the one built last still answers, without the change
            # made since (a writer stopped before its index, or a restore on a disk that then filled up)
            log.warning("no room to bring the index up to date (%s); serving the current one", e.reason)
            if self._notice is not None:
                self._notice(
                    f"{e.reason}，索引没能补建：暂用上次建好的索引回答，最近的改动要腾出空间后才能检索到。"
                )

    def _open(self) -> Retriever:
        index = self.library.load(self.embedder.key)
        self._seen = index.generation
        return Retriever(self.library.store, index, self.embedder, self.options.config)

    def reload(self) -> Retriever:
        with self._lock:
            self._retriever = self._open()
            return self._retriever

    def rebuild(self, progress: Progress | None = None) -> BuildReport:
        """Rebuild every index file from the stored speeches, tokenising every passage again (vectors
        still come from the cache)."""
        with self._writing():
            report = self.library.build(self.embedder, progress, fresh=True)
            self.reload()
        return report

    def add_paths(
        self,
        paths: list[Path],
        progress: Progress | None = None,
        *,
        allow_duplicates: bool = False,
        reread: bool = False,
        check: bool = False,
        on_file: Callable[[FileOutcome], None] | None = None,
    ) -> Added:
        """Add files and folders, each file with its index in one step (only new passages are embedded);
        `check`: files already stored are checked for lost sentences too (`Library.add_paths`)."""
        return self._adding(
            progress,
            lambda: self.library.add_paths(
                paths,
                self.embedder,
                progress,
                allow_duplicates=allow_duplicates,
                reread=reread,
                check=check,
                on_file=on_file,
            ),
        )

    def add_documents(
        self,
        documents: list[Document],
        progress: Progress | None = None,
        *,
        allow_duplicates: bool = False,
        on_file: Callable[[FileOutcome], None] | None = None,
    ) -> Added:
        return self._adding(
            progress,
            lambda: self.library.add_documents(
                documents, self.embedder, progress, allow_duplicates=allow_duplicates, on_file=on_file
            ),
        )

    def add_archive(
        self,
        name: str,
        data: bytes,
        progress: Progress | None = None,
        *,
        on_file: Callable[[FileOutcome], None] | None = None,
    ) -> Added:
        """Add every document of a zip archive's bytes (a .zip sent to the bot), each as that file alone."""
        return self._adding(
            progress, lambda: self.library.add_archive(name, data, self.embedder, progress, on_file=on_file)
        )

    def add_bundled(self, progress: Progress | None = None, *, reread: bool = False) -> Added:
        """Re-add the speeches shipped with speechqa (those removed come back; the rest are unchanged)."""
        return self._adding(
            progress, lambda: self.library.add_bundled(self.embedder, progress, reread=reread)
        )

    def _adding(self, progress: Progress | None, add: Callable[[], list[FileOutcome]]) -> Added:
        """`add` run under the write lock, after any repair (`_repair`), and the new index loaded."""
        started = time.perf_counter()
        with self._writing():
            self._repair(progress)
            outcomes = add()
            report = self._report(outcomes, started)
        return Added(outcomes, report)

    def _repair(self, progress: Progress | None) -> None:
        """Under the write lock: a store committed without its index (a writer killed between the two)
        gets its index now, before anything else changes."""
        manifest = self.library.manifest()
        if manifest is None or self.library.is_stale() or manifest.model != self.embedder.key:
            self.library.build(self.embedder, progress)

    def _report(self, outcomes: list[FileOutcome], started: float) -> BuildReport:
        self.reload()
        manifest = self.library.manifest()
        assert manifest is not None
        # the 「文件信息」 passages this add stored (its added or updated speeches'), not the library's
        stored = {s.speech_id for o in outcomes for s in o.speeches if s.status in ("added", "updated")}
        heads = self.library.store.texts_in_section(HEAD_SECTION, stored)
        embedded = sum(o.embedded for o in outcomes)
        return BuildReport(manifest, embedded, time.perf_counter() - started, len(heads), head_labels(heads))

    def restore(self, source: Path, progress: Progress | None = None) -> Restored:
        """Replace the library with a backup (the current one is saved under backups/ first), then
        rebuild the index from it."""
        with self._writing():
            saved = None if self.library.store.holds_nothing() else self._safety_copy_path()
            counts = restore_database(self.library.store, source, saved)
            report = self.library.build(self.embedder, progress, fresh=True)
            self.reload()
        return Restored(counts, saved, report)

    def _safety_copy_path(self) -> Path:
        """Where a restore saves the library it replaces: named by the second, and by a number after it when a
        restore of that second saved one already (a second restore in the same second was refused, 「文件已存在：
        …/before-restore-….db」, a file the user never named)."""
        stem = f"before-restore-{beijing_time('%Y%m%d-%H%M%S')}"
        folder = self.library.home / "backups"
        path, number = folder / f"{stem}.db", 1
        while path.exists():
            number += 1
            path = folder / f"{stem}-{number}.db"
        return path

    def edit(
        self,
        speech_id: int,
        *,
        title: str | None = None,
        date: str | None = None,
        speaker: str | None = None,
        issuer: str | None = None,
    ) -> SpeechRecord | None:
        """Correct a speech's metadata; a new title and its index are saved together or not at all."""
        with self._writing():
            self._repair(None)
            edited = self.library.edit(
                speech_id, self.embedder, title=title, date=date, speaker=speaker, issuer=issuer
            )
            self.reload()
        return edited

    def remove(self, speech_id: int) -> SpeechRecord | None:
        with self._writing():
            self._repair(None)
            removed = self.library.remove(speech_id, self.embedder)
            self.reload()
        return removed


def archive_summary(tally: ArchiveTally) -> str:
    """An archive's report as the front ends say it, after its files' lines:
    「附件.zip：共 5 个文件，新增或更新 2 个，已在资料库中 1 个，跳过 1 个，没有读入 1 个（见上）」; a mailbox's counts
    mails: 「收件箱.mbox：共 2 封邮件，新增或更新 2 封」."""
    unit = "封" if is_mbox(tally.name) or is_mail_folder(Path(tally.name)) else "个"
    total = len(tally.added) + len(tally.present) + len(tally.skipped) + len(tally.failed)
    parts = [f"新增或更新 {len(tally.added)} {unit}" if tally.added else "没有新增"]
    if tally.present:
        parts.append(f"已在资料库中 {len(tally.present)} {unit}")
    if tally.skipped:
        parts.append(f"跳过 {len(tally.skipped)} {unit}")
    if tally.failed:
        parts.append(f"没有读入 {len(tally.failed)} {unit}（见上）")
    return f"{tally.name}：共 {total} {'封邮件' if unit == '封' else '个文件'}，" + "，".join(parts)


def archive_skipped_lines(tally: ArchiveTally) -> list[str]:
    """Each file of an archive passed over, with why: 「流程图.vsdx：不支持这种文件类型」."""
    return [why if member in why else f"{member}：{why}" for member, why in tally.skipped]


def index_size(report: BuildReport) -> str:
    """The index's size as the front ends say it: 「198 段」, with the stored 「文件信息」 passages, which are in
    neither index, named beside it with what they hold (「另存 4 段文件信息：文号、发文机关、主送、抄送」) so
    that the count matches what `show` lists."""
    fields = f"：{'、'.join(report.document_fields)}" if report.document_fields else ""
    extra = f"（另存 {report.document_info} 段文件信息{fields}）" if report.document_info else ""
    return f"{report.manifest.count} 段{extra}"


def added_size(report: BuildReport) -> str:
    """The index's size after an add (`Added.report`), with the 「文件信息」 passages this add stored, which are
    in neither index: 「160 段（本次另存 1 段文件信息：发文机关、主送）」; none stored, the size alone."""
    fields = f"：{'、'.join(report.document_fields)}" if report.document_fields else ""
    extra = f"（本次另存 {report.document_info} 段文件信息{fields}）" if report.document_info else ""
    return f"{report.manifest.count} 段{extra}"
