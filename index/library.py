"""The speech library on disk: the store plus index files, built atomically and incrementally.

Layout of a data home:

    speechqa.db          SQLite: speeches, passages, embedding cache, query log
    write.lock           held by whoever writes (add, remove, rebuild)
    bot-ID.lock          held by the running bot of that bot id for its whole life (its process id inside)
    index/CURRENT        name of the live generation, replaced atomically
    index/gen-…/         vectors.faiss, lexical/, manifest.json of one generation

A build writes a new generation into a temporary folder, then renames it and swaps CURRENT: a reader
sees the old index or the new one, never half of one; a crash leaves only a temporary folder that
the next build removes. Vectors are cached in SQLite by (model, content hash), so only new or changed
passages are embedded.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import shutil
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import numpy as np

from corpus import (
    DEFAULT_MAX_CHARS,
    DEFAULT_MERGE_TO,
    HEAD_SECTION,
    SUPPORTED_FORMATS,
    CorpusError,
    Document,
    NotASpeech,
    PassageDraft,
    Speech,
    archive_of,
    bundled_corpus_files,
    check_conservation,
    chunk_speech,
    describe_os_error,
    head_labels,
    interruptible,
    iter_speech_files,
    member_path,
    open_archive,
    opens_as_folder,
    parse_document,
    read_document,
    readable_name,
    signals_held,
    to_simplified,
)

from . import identity
from .embedder import Embedder
from .errors import (
    BotRunning,
    HomeOfAnotherUser,
    HomeUnusable,
    IndexCorrupt,
    IndexMismatch,
    IndexNotBuilt,
    ReadOnlyHome,
    SpeechIndexError,
    StoreCorrupt,
    WriterBusy,
)
from .lexical import LexicalIndex, TermCounts
from .private import make_private_folder
from .records import Manifest, SourceRecord, SpeechRecord
from .store import (
    LEXICAL_TEXT_VERSION,
    AddOutcome,
    Store,
    beijing_time,
    content_hash,
    home_full,
    home_unreadable,
    lexical_input,
    out_of_space,
    read_only_message,
    root_on_others_home,
    unreadable_message,
)
from .tokenize import DEFAULT_TOKENIZER, get_tokenizer, tokenizer_version
from .vectors import VectorIndex, best_of

Progress = Callable[[int, int], None]  # (done, total) passages embedded
EMBED_BATCH = 16
BUNDLED = "bundled:"  # source path prefix of the speeches shipped with speechqa
UPLOAD = "upload:"  # source path prefix of files sent to the bot (no path: "upload:SHA256[:16]/NAME")
# what the front ends call a speech shipped with speechqa (another office's, 温州's) and a file sent to the bot
BUNDLED_NAME = "speechqa 自带的示例讲话"
UPLOADED_NAME = "通过机器人发来"


def shown_source(path: str | None, source: str) -> str:
    """A speech's source file as a user reads it: its path, or for a file with none its name and where it came
    from (「speeches-2024-laoganbu.txt（speechqa 自带的示例讲话）」), never the stored marker ("bundled:…",
    "upload:SHA/…")."""
    if path and path.startswith(BUNDLED):
        return f"{source}（{BUNDLED_NAME}）"
    if path and path.startswith(UPLOAD):
        return f"{source}（{UPLOADED_NAME}）"
    return path or source


def version_difference(store: Store, speech_id: int, other_id: int) -> identity.Difference | None:
    """Where two stored versions of a speech differ (a front end words it under the ⚠: retrieval.versions);
    None when they say the same or cannot be read."""
    try:
        return identity.difference(
            [p.text for p in store.passages(speech_id)], [p.text for p in store.passages(other_id)]
        )
    except SpeechIndexError:
        return None


def _with_conservation(
    outcome: FileOutcome, document: Document, max_chars: int, merge_to: int
) -> FileOutcome:
    """`outcome` with the body sentences of `document` that its passages, read and chunked as adding it would,
    leave out (`add --check` of a file already stored); as it was when the file cannot be read now."""
    try:
        drafts = [chunk_speech(s, max_chars, merge_to) for s in parse_document(document)]
    except CorpusError:
        return outcome
    kept = check_conservation(document, [d.text for part in drafts for d in part])
    return replace(outcome, lost=kept.missing, sentences=kept.sentences)


@dataclass(frozen=True)
class FileOutcome:
    """What adding one file did: its speeches, or why it was refused."""

    name: str
    speeches: tuple[AddOutcome, ...] = ()
    error: str | None = None
    lost: tuple[str, ...] = ()  # body sentences that reached no passage (should always be empty)
    sentences: int = 0  # body sentences checked
    path: str | None = None  # the source path it was stored under
    embedded: int = 0  # passages embedded for it
    notes: tuple[str, ...] = ()  # what of the file could not be read (from the reader), for the user
    skipped: str | None = None  # why a file found in a folder was passed over (not a failure): for the user
    # re-read (`reread`) as the file it is a copy of, added from this other path: its speeches are that file's
    copy_of: str | None = None
    # a member of this archive (its path, or as sent to the bot its name): `name` is 「附件.zip › 通知/a.docx」
    archive: str | None = None
    member: str | None = None  # its path inside the archive (「通知/a.docx」)
    # the same bytes as a stored file marked a copy (「备份/」): its speeches are now cited from this file, not there
    cited_before: str | None = None


@dataclass(frozen=True)
class ArchiveTally:
    """What adding an archive did, member by member (by their paths inside it, in its order): the files whose
    speeches were added or updated, those already in the library (unchanged, the same bytes or the same text
    as a stored file), those passed over with why, and those that could not be read (said as each was).
    `name`: the archive's path (`speechqa add`), or its name (sent to the bot)."""

    name: str
    added: tuple[str, ...] = ()
    present: tuple[str, ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()
    failed: tuple[str, ...] = ()


_ADDED = frozenset({"added", "updated"})


def archive_tallies(outcomes: Sequence[FileOutcome]) -> list[ArchiveTally]:
    """The tally of each archive among these outcomes, in the order they were added."""
    tallies: dict[str, dict[str, list]] = {}  # type: ignore[type-arg]
    for outcome in outcomes:
        if outcome.archive is None or outcome.member is None:
            continue
        tally = tallies.setdefault(outcome.archive, {"added": [], "present": [], "skipped": [], "failed": []})
        if outcome.skipped is not None:
            tally["skipped"].append((outcome.member, outcome.skipped))
        elif outcome.error is not None:
            tally["failed"].append(outcome.member)
        elif any(s.status in _ADDED for s in outcome.speeches):
            tally["added"].append(outcome.member)
        else:
            tally["present"].append(outcome.member)
    return [
        ArchiveTally(name, *(tuple(kept[k]) for k in ("added", "present", "skipped", "failed")))
        for name, kept in tallies.items()
    ]


@dataclass(frozen=True)
class BuildReport:
    manifest: Manifest
    embedded: int  # passages embedded now (the rest came from the cache)
    seconds: float
    # stored 「文件信息」 passages (文号, issuers, 主送, 版记), kept out of both indexes: the library's after a
    # build, those this add stored after an add (retrieval.Added.report)
    document_info: int = 0
    # what those passages hold between them, in their order: 「文号」「发文机关」「主送」「抄送」「印发日期」…
    document_fields: tuple[str, ...] = ()


# What an index build costs, for the estimate told before one (Staleness.seconds): passages embedded a second
# (`speechqa bench ingest`: 7.4 at the build's batch, 2 threads) and passages tokenised and indexed a second
# with every vector cached, model loading apart (rebuilds of 151-208 passages in 0.2-0.4 s on 2 busy cores,
# `python scripts/time_upgrade.py`: 520-980 a second; the estimate takes the slow side).
EMBEDDED_PER_SECOND = 7.0
INDEXED_PER_SECOND = 400.0


@dataclass(frozen=True)
class Staleness:
    """Why the index must be built before a search, and how much work that is."""

    reason: str  # "missing": no index · "behind": older than the store · "older": built by an older speechqa
    passages: int  # passages the build indexes
    to_embed: int  # of them, those whose vector is not cached (embedded by the build)

    @property
    def seconds(self) -> float:
        """The build's expected duration on a machine like ours (see EMBEDDED_PER_SECOND)."""
        return self.to_embed / EMBEDDED_PER_SECOND + self.passages / INDEXED_PER_SECOND

    def describe(self) -> str:
        """One line for the user, said before the build: why it is needed, how long it will take."""
        why = {
            "missing": "还没有索引（或索引文件夹被删除了），正在从资料库建立",
            "behind": "索引落后于资料库（上次写入在索引完成前中断了），正在补建",
            "older": "索引是旧版 speechqa 建立的，本版要按新的方式重建一次",
        }[self.reason]
        return f"{why}（{self._work()}），预计{self._took()}；建好之后不必再等。"

    def describe_ahead(self) -> str:
        """One line for a check made before the build (`speechqa health`): why the index is not current, and
        that the next command building it will do so by itself, how long it will take."""
        why = {
            "missing": "资料库里有讲话，但还没有索引",
            "behind": "索引落后于资料库（上次写入在索引完成前中断了）",
            "older": "索引是旧版 speechqa 建立的，本版要按新的方式建立",
        }[self.reason]
        return (
            f"{why}：下一次提问、添加或启动机器人时会先自动重建（{self._work()}，预计{self._took()}），"
            "也可以现在运行 speechqa rebuild。"
        )

    def _work(self) -> str:
        return f"{self.passages} 段，" + (
            f"其中 {self.to_embed} 段要计算向量" if self.to_embed else "向量都已缓存，不必重新计算"
        )

    def _took(self) -> str:
        seconds = self.seconds
        return (
            "几秒钟"
            if seconds < 10
            else f"约 {round(seconds)} 秒"
            if seconds < 90
            else f"约 {round(seconds / 60)} 分钟"
        )


@dataclass(frozen=True)
class LoadedIndex:
    manifest: Manifest
    vectors: VectorIndex
    lexical: LexicalIndex
    generation: str = ""  # the folder it was loaded from (what CURRENT named then)
    # second vectors of the passages too short to carry their subject (index.context): title, heading, text.
    # No build makes them (measured and not kept: docs/rank40.md); `scripts/rank39_misses.py --context` does
    context: VectorIndex | None = None

    def with_context(
        self,
        found: list[tuple[int, float]],
        query: np.ndarray,
        k: int,
        allowed: np.ndarray | None = None,
        share: float = 1.0,
    ) -> list[tuple[int, float]]:
        """`found` (the passages' own vectors searched) with each passage that has a context raised by
        `share` of what its context's cosine is better by (1: the better of its two cosines), k at most."""
        if self.context is None or self.context.count == 0:
            return found
        return best_of(found, self.context.search(query, k, allowed), k, share)


def embedding_key(text: str) -> str:
    """What a passage's vector is cached under: the hash of the text embedded, its simplified-script
    form (for a passage already in simplified script, the passage's own content hash)."""
    simplified = to_simplified(text)
    return content_hash(simplified)


def _unusable_home(home: Path, error: OSError) -> SpeechIndexError:
    """Why the data home cannot be made: a file in its place or on its path is no read-only disk."""
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ReadOnlyHome(f"{read_only_message(home)}（{describe_os_error(error)}）")
    if home.is_file():
        return HomeUnusable(f"数据目录不是文件夹：{home} 是一个文件。请指定一个文件夹作为数据目录。")
    return HomeUnusable(
        f"无法建立数据目录：{home}（{describe_os_error(error)}）。请指定一个可以建立的文件夹。"
    )


def refuse_unreadable_home(home: Path) -> None:
    """HomeUnusable, naming the owner and how to hand the library over, for a data home the running user may not
    read: another user's private home (as speechqa makes them, 0700) opened by a service under its own account.
    Before, the first file read under it was an internal error."""
    if home_unreadable(home):
        raise HomeUnusable(unreadable_message(home))


def _emptied(database: Path, index_root: Path) -> bool:
    """A database file of 0 bytes beside a built index: a library whose database was lost (a copy or a
    transfer that failed), not a new one — opening it would make it an empty library, without a word."""
    try:
        return database.stat().st_size == 0 and (index_root / "CURRENT").is_file()
    except OSError:
        return False


def empty_database(database: Path) -> str:
    return (
        f"资料库文件是空的（0 字节）：{database}，旁边的索引却还在，多半是复制或拷贝没有完成。"
        "请先运行 speechqa recover 移开这个空文件，再用 speechqa restore 备份文件 恢复最近的备份"
        "（没有备份时用 speechqa add 重新添加讲话文件）"
    )


class Library:
    def __init__(
        self,
        home: Path,
        *,
        tokenizer: str = DEFAULT_TOKENIZER,
        max_chars: int = DEFAULT_MAX_CHARS,
        merge_to: int | None = DEFAULT_MERGE_TO,
        reading: bool = False,
    ):
        """Open the library of a data home (made when not there). `reading`: the caller only reads (`health`):
        root may then open a home another user owns, read-only — the database without a byte written and no
        file made (`Store(read_only=True, follow_log=True)`), nothing of root's left there."""
        self.home = home
        self.tokenizer = tokenizer
        self.max_chars = max_chars
        self.merge_to = merge_to
        # root reading another user's home: opened read-only though root could write it
        self.root_reading = False
        if (refused := root_on_others_home(home)) is not None:
            if not reading:
                raise HomeOfAnotherUser(refused)
            self.root_reading = True
        if not self.root_reading:
            try:
                make_private_folder(home)
            except OSError as e:
                raise _unusable_home(home, e) from e
        refuse_unreadable_home(home)
        self.index_root = home / "index"
        self._unpublished: list[Path] = []  # generation folders this build wrote, not yet pointed at
        database = home / "speechqa.db"
        if _emptied(database, self.index_root):
            raise StoreCorrupt(empty_database(database))
        self.store = (
            Store(database, read_only=True, follow_log=True) if self.root_reading else Store(database)
        )

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    def close(self) -> None:
        self.store.close()

    # -- writing ------------------------------------------------------------------------------------
    def write_lock(self) -> contextlib.AbstractContextManager[None]:
        """Serialise writers across processes; a second writer is told at once, not made to wait."""
        self.store.require_writable()
        return write_lock(self.home)

    def add_documents(
        self,
        documents: Sequence[Document],
        embedder: Embedder | None = None,
        progress: Progress | None = None,
        *,
        allow_duplicates: bool = False,
        on_file: Callable[[FileOutcome], None] | None = None,
    ) -> list[FileOutcome]:
        """Store the speeches of already-read documents, one file at a time (see `add_document`)."""
        outcomes = []
        for document in documents:
            outcome = self.add_document(document, embedder, progress, allow_duplicates=allow_duplicates)
            outcomes.append(outcome)
            if on_file:
                on_file(outcome)
        return outcomes

    def add_paths(
        self,
        paths: Sequence[Path],
        embedder: Embedder | None = None,
        progress: Progress | None = None,
        *,
        allow_duplicates: bool = False,
        reread: bool = False,
        check: bool = False,
        on_file: Callable[[FileOutcome], None] | None = None,
    ) -> list[FileOutcome]:
        """Read files and folders and store their speeches; unreadable files are reported, not fatal.

        Each file is read and stored on its own, so an interrupted run keeps the files it finished. With
        `reread`, files whose bytes are already stored are read again (see `add_document`); with `check`,
        they are checked for body sentences that reach no passage as new ones are (nothing is stored)."""
        outcomes: list[FileOutcome] = []

        def report(outcome: FileOutcome) -> None:
            outcomes.append(outcome)
            if on_file:
                on_file(outcome)

        seen: set[Path] = set()  # a folder named twice, or a file and its folder: each file read once
        for path in paths:
            try:
                files = list(iter_speech_files([path]))
            except CorpusError as e:
                report(FileOutcome(readable_name(str(path)), error=str(e)))
                continue
            if path.is_dir() and not files:
                report(
                    FileOutcome(str(path), error=f"文件夹中没有可添加的文件（{SUPPORTED_FORMATS}）：{path}")
                )
            if (
                path.is_dir()
            ):  # a copy kept in 「备份/」 or as 「X - 副本」 after the rest: the original is the one cited
                files.sort(key=lambda f: identity.marks_copy(str(f).removeprefix(str(path))))
            for file in files:
                if (same := _same_file(file)) in seen:
                    continue
                seen.add(same)
                if (
                    opens_as_folder(file.name, file) and not file.is_dir()
                ):  # a .zip, a .mbox, a Thunderbird folder: read as a folder (corpus.archive)
                    try:
                        self._add_archive(
                            readable_name(file.name),
                            file,
                            embedder,
                            progress,
                            path=readable_name(str(file.resolve())),
                            allow_duplicates=allow_duplicates,
                            reread=reread,
                            check=check,
                            report=report,
                        )
                    except CorpusError as e:  # the archive as a whole: damaged, a bomb, encrypted…
                        report(FileOutcome(readable_name(file.name), error=str(e)))
                    except OSError as e:
                        report(
                            FileOutcome(
                                readable_name(file.name),
                                error=f"无法读取文件 {readable_name(file.name)}：{describe_os_error(e)}",
                            )
                        )
                    continue
                try:
                    document = read_document(file)
                except NotASpeech as e:  # an answer exported, a chart kept beside the speeches: not one
                    if path.is_dir():
                        report(
                            FileOutcome(
                                readable_name(file.name), skipped=str(e), path=readable_name(str(file))
                            )
                        )
                    else:
                        report(FileOutcome(readable_name(file.name), error=str(e)))
                    continue
                except CorpusError as e:
                    report(FileOutcome(readable_name(file.name), error=str(e)))
                    continue
                report(
                    self.add_document(
                        document,
                        embedder,
                        progress,
                        allow_duplicates=allow_duplicates,
                        reread=reread,
                        check=check,
                    )
                )
        return outcomes

    def add_archive(
        self,
        name: str,
        data: bytes,
        embedder: Embedder | None = None,
        progress: Progress | None = None,
        *,
        allow_duplicates: bool = False,
        on_file: Callable[[FileOutcome], None] | None = None,
    ) -> list[FileOutcome]:
        """Store the speeches of every document in a zip archive sent as bytes (to the bot), in its order,
        each as that file sent alone would be (`add_document`), cited 「name › inner」. A CorpusError when
        the archive as a whole cannot be read (nothing is stored then)."""
        outcomes: list[FileOutcome] = []

        def report(outcome: FileOutcome) -> None:
            outcomes.append(outcome)
            if on_file:
                on_file(outcome)

        self._add_archive(
            name,
            data,
            embedder,
            progress,
            path=None,
            allow_duplicates=allow_duplicates,
            reread=False,
            check=False,
            report=report,
        )
        return outcomes

    def _add_archive(
        self,
        name: str,
        source: Path | bytes,
        embedder: Embedder | None,
        progress: Progress | None,
        *,
        path: str | None,
        allow_duplicates: bool,
        reread: bool,
        check: bool,
        report: Callable[[FileOutcome], None],
    ) -> None:
        """Each member of an archive read and stored on its own, as the files of a folder are: one that
        cannot be read is reported and the next one read; one passed over (another format, an archive in
        it, a name outside it) is reported with why; a member that reads as no speech is passed over."""
        with open_archive(name, source, path=path) as archive:
            for member in archive.members:
                own = {"archive": path or name, "member": member.inner}
                where = member_path(path, member.inner) if path is not None else None
                if member.passed_over is not None:
                    report(FileOutcome(member.shown, skipped=member.passed_over, path=where, **own))
                    continue
                try:
                    document = archive.read(member)
                except NotASpeech as e:
                    report(FileOutcome(member.shown, skipped=str(e), path=where, **own))
                    continue
                except CorpusError as e:
                    report(FileOutcome(member.shown, error=str(e), **own))
                    continue
                outcome = self.add_document(
                    document,
                    embedder,
                    progress,
                    allow_duplicates=allow_duplicates,
                    reread=reread,
                    check=check,
                )
                report(replace(outcome, **own))

    def add_bundled(
        self, embedder: Embedder | None = None, progress: Progress | None = None, *, reread: bool = False
    ) -> list[FileOutcome]:
        """(Re-)add the speeches shipped with speechqa, under the stable source path "bundled:NAME"."""
        outcomes = []
        for file in bundled_corpus_files():
            document = replace(read_document(file), path=f"{BUNDLED}{file.name}")
            outcomes.append(self.add_document(document, embedder, progress, reread=reread))
        return outcomes

    def add_document(
        self,
        document: Document,
        embedder: Embedder | None = None,
        progress: Progress | None = None,
        *,
        allow_duplicates: bool = False,
        reread: bool = False,
        check: bool = False,
    ) -> FileOutcome:
        """Add one file by the identity rule (index/identity.py), all or nothing.

        A file whose bytes are stored under its path is unchanged and not read again, unless `reread`:
        then it is read and stored as an edited version of itself, so a newer reader's reading (a date,
        a heading, a table row it now gets right) replaces the stored one; speeches keep their ids.

        With an embedder, the file's new passages are embedded first (into the cache: no speech changes
        yet), then its speeches are stored in one transaction, the index generation is written, and the
        transaction commits just before CURRENT is swapped: an interruption at any point leaves the
        library as it was before the file. Without one, only the store changes (call `build` later).
        What the reader could not read of the file (document.notes) is passed on in the outcome: the
        rest of the file is added.

        With `check`, a file not read because its bytes are stored already (unchanged, or a copy of a
        stored file) is read now to say which of its body sentences reach no passage, as a new file's are
        (`lost`, `sentences`); nothing more is done with that reading.
        """
        outcome = self._add_document(document, embedder, progress, allow_duplicates, reread)
        if check and not outcome.error and not outcome.sentences and not outcome.lost:
            outcome = _with_conservation(outcome, document, self.max_chars, self.merge_to)
        return replace(outcome, notes=document.notes) if document.notes and not outcome.error else outcome

    def _add_document(
        self,
        document: Document,
        embedder: Embedder | None,
        progress: Progress | None,
        allow_duplicates: bool,
        reread: bool,
    ) -> FileOutcome:
        store = self.store
        store.require_writable()
        digest = document.digest or identity.text_hash(document.text)
        path = document.path or f"{UPLOAD}{digest[:16]}/{document.name}"
        known = store.source_by_path(path)
        copies = [s for s in store.sources_with_digest(digest) if s.path != path]
        if reread and not allow_duplicates and copies:
            mine = known is not None and store.speech_ids(known.id)  # (a recorded copy holds none)
            original = None if mine else next((s for s in copies if store.speech_ids(s.id)), None)
            if original is not None:
                return self._reread_copy(document, path, digest, known, original, embedder, progress)
        if known is not None and known.digest == digest and not allow_duplicates and not reread:
            stored = self._as_stored(known.id, "unchanged")
            # a recorded copy holds no speeches of its own: say which speeches its bytes are
            for original in copies if not stored else ():
                stored = self._as_stored(original.id, "same_file")
                if stored:
                    break
            return FileOutcome(document.name, stored, path=path)
        if known is None and copies and not allow_duplicates:
            return self._same_bytes(document, path, digest, copies[0])
        try:
            speeches = parse_document(document)
        except CorpusError as e:
            return FileOutcome(document.name, error=str(e), path=path)
        uploaded = document.path is None
        if uploaded:
            # Uploads have no folder: earlier uploads of a file of this name are its earlier versions,
            # and a speech they hold is replaced only by a near-identical one, never removed.
            previous = [s.id for s in store.sources_named(document.name)]
        elif known is not None:
            previous = [known.id]
        else:
            legacy = [s for s in store.sources_named(document.name) if s.digest is None and s.path == s.name]
            previous = [legacy[0].id] if legacy else []
        drafts = [chunk_speech(s, self.max_chars, self.merge_to) for s in speeches]
        kept_sentences = check_conservation(document, [d.text for part in drafts for d in part])
        new = [
            identity.Fingerprint(i, s.shown_title, identity.speech_text((d.section, d.text) for d in ds))
            for i, (s, ds) in enumerate(zip(speeches, drafts, strict=True))
        ]
        old = store.fingerprints(source_ids=previous) if previous else []
        pairing = identity.match_versions(new, old, by_title=not uploaded)
        replaces = dict(pairing.exact + pairing.near)
        # a file that held one speech and holds another one now (a new speech saved over an old file):
        # stored as that speech's new version, but the one it replaces is named, as it leaves the library
        olds, news = {o.key: o for o in old}, {f.key: f for f in new}
        other_speech = {
            new_key: olds[old_key].title
            for new_key, old_key in pairing.near
            if not identity.same_title(news[new_key].title, olds[old_key].title)
            and identity.overlap(news[new_key].shingles, olds[old_key].shingles) < identity.EDITED
        }
        gone = [] if uploaded else list(pairing.gone)
        duplicates: dict[int, int | str] = {}  # new key -> stored speech id, or "#k" an earlier new key
        similar: dict[int, tuple[int, float]] = {}  # new key -> (stored speech id, overlap): another version?
        if not allow_duplicates:
            earlier: list[identity.Fingerprint] = []
            for f in new:
                if f.key in replaces:
                    continue
                stored = store.fingerprints(near=(f.hash, len(f.normalised)), title=f.title, exclude=gone)
                hit = identity.find_duplicate(f, stored)
                twin = identity.find_duplicate(f, earlier) if hit is None else None
                if hit is not None:
                    duplicates[f.key] = hit
                elif twin is not None:
                    duplicates[f.key] = f"#{twin}"
                else:
                    earlier.append(f)
                    if (close := identity.most_similar(f, stored)) is not None:
                        similar[f.key] = close
        if (copy := self._copy_cited(document, known, duplicates, len(speeches))) is not None:
            return self._cite_original(document, path, digest, copy)
        kin = self._kinships(similar, speeches, drafts, path)
        kept = [i for i in range(len(speeches)) if i not in duplicates]
        embedded = 0
        if embedder is not None:
            _, embedded = self._embed([d.text for i in kept for d in drafts[i]], embedder, progress)

        outcomes: dict[int, AddOutcome] = {}
        removed: list[AddOutcome] = []
        with store.transaction():
            revision = store.revision
            if known is None and previous and not uploaded:
                store.move_source(previous[0], path, document.name, document.size, digest)
                source_id = previous[0]
            else:
                # a file with a duplicate keeps no digest: adding it again reads it and says so again
                source_id = store.save_source(
                    path, document.name, document.size or None, None if duplicates else digest
                )
            for i in kept:
                outcomes[i] = store.put_speech(
                    speeches[i], drafts[i], source_id=source_id, replace=replaces.get(i)
                )
                if i in similar and outcomes[i].status == "added":
                    other, score = similar[i]
                    if kin[i].kind == "version":  # kept with the speech: said again if this add is stopped
                        outcomes[i] = replace(
                            outcomes[i],
                            similar_to=other,
                            similarity=round(score, 3),
                            older=kin[i].older,
                            by_date=kin[i].by_date,
                            kinship=kin[i].why,
                        )
                        store.record_near_copy(
                            outcomes[i].speech_id,
                            other,
                            round(score, 3),
                            kin[i].why,
                            older=kin[i].older,
                            by_date=kin[i].by_date,
                        )
                    else:
                        outcomes[i] = replace(
                            outcomes[i], template_of=other, similarity=round(score, 3), kinship=kin[i].why
                        )
                if i in other_speech and outcomes[i].status == "updated":
                    outcomes[i] = replace(outcomes[i], replaced_title=other_speech[i])
            for i, target in duplicates.items():
                twin_id = outcomes[int(target[1:])].speech_id if isinstance(target, str) else target
                outcomes[i] = AddOutcome(
                    twin_id,
                    speeches[i].shown_title,
                    "duplicate",
                    len(drafts[i]),
                    speeches[i].date,
                    speeches[i].speaker,
                    len({d.section for d in drafts[i] if d.section}),
                    issuer=speeches[i].shown_issuer,
                )
            for speech_id in gone:
                record = store.remove_speech(speech_id, forget_file=False)
                if record is not None:
                    removed.append(
                        AddOutcome(
                            record.id,
                            record.title,
                            "removed",
                            record.passages,
                            record.date,
                            record.speaker,
                            issuer=record.issuer,
                        )
                    )
            if embedder is not None and store.revision != revision:
                self._commit_with_index(embedder, progress)
        return FileOutcome(
            document.name,
            tuple(outcomes[i] for i in range(len(speeches))) + tuple(removed),
            path=path,
            embedded=embedded,
            lost=kept_sentences.missing,
            sentences=kept_sentences.sentences,
        )

    def _kinships(
        self,
        similar: dict[int, tuple[int, float]],
        speeches: Sequence[Speech],
        drafts: Sequence[Sequence[PassageDraft]],
        path: str | None = None,
    ) -> dict[int, identity.Kinship]:
        """For each speech of a file that `most_similar` found close to a stored one: another version of it, or
        another document of its template (identity.kinship), the library's boilerplate counted over every
        stored speech and the file's own."""
        if not similar:
            return {}
        stored = {k: identity.sentences(v) for k, v in self.store.passage_texts().items()}
        mine = {i: identity.sentences(d.text for d in drafts[i]) for i in range(len(speeches))}
        template = identity.template_sentences([*stored.values(), *mine.values()])
        found = {}
        for i, (other, score) in similar.items():
            record = self.store.speech(other)
            theirs = (
                identity.Particulars(record.title, record.date, path=record.path)
                if record
                else identity.Particulars("")
            )
            ours = identity.Particulars(
                speeches[i].shown_title, speeches[i].date, speeches[i].doc_number, path
            )
            found[i] = identity.kinship(ours, theirs, score, mine[i], stored.get(other, []), template)
        return found

    def _reread_copy(
        self,
        document: Document,
        path: str,
        digest: str,
        known: SourceRecord | None,
        original: SourceRecord,
        embedder: Embedder | None,
        progress: Progress | None,
    ) -> FileOutcome:
        """`reread` of a file whose bytes are those of a file added from another path (a copy): the speeches
        of that file are read again from these bytes — reading the copy is reading it — and the copy stays
        recorded as one. Before, the copy was reported 「未变化」 and nothing was read again (or, once
        recorded, it was read as a file of its own, every speech reported 「重复」, and its record lost the
        digest that makes a later `add` know it as a copy)."""
        if known is None and self._moves(document, original):  # a rename: the file is read where it is now
            with self.store.transaction():
                self.store.move_source(original.id, path, document.name, document.size, digest)
            return self._add_document(document, embedder, progress, False, True)
        uploaded = original.path.startswith(UPLOAD)  # (an upload's path is made from its name and digest)
        as_original = replace(document, name=original.name, path=None if uploaded else original.path)
        outcome = self._add_document(as_original, embedder, progress, False, True)
        if outcome.error:
            return replace(outcome, name=document.name, path=path)
        with self.store.transaction():  # recorded as a copy (a copy read as a file of its own kept no digest)
            self.store.save_source(path, document.name, document.size or None, digest)
        return replace(outcome, name=document.name, path=path, copy_of=original.path)

    @staticmethod
    def _moves(document: Document, original: SourceRecord) -> bool:
        """Whether a file with a known source's bytes is that source renamed: its old path is gone."""
        return (
            document.path is not None
            and not original.path.startswith((BUNDLED, UPLOAD))
            # (a member of an archive is where it was while its archive is)
            and not Path(archive_of(original.path) or original.path).exists()
        )

    def _same_bytes(self, document: Document, path: str, digest: str, original: SourceRecord) -> FileOutcome:
        """A file whose bytes are a known source's: a rename (the old path is gone: the source moves)
        or a copy (the new path is recorded beside it). Nothing is parsed, embedded or indexed."""
        cited_before = None
        with self.store.transaction():
            if self._moves(document, original):
                self.store.move_source(original.id, path, document.name, document.size, digest)
            elif self._rather_cited(document, original):  # the stored file is the copy: cite this one
                self.store.move_source(original.id, path, document.name, document.size, digest)
                self.store.save_source(original.path, original.name, original.size, digest)
                cited_before = original.path
            else:
                self.store.save_source(path, document.name, document.size or None, digest)
        stored = self._as_stored(original.id, "same_file")
        return FileOutcome(document.name, stored, path=path, cited_before=cited_before)

    def _copy_cited(
        self,
        document: Document,
        known: SourceRecord | None,
        duplicates: Mapping[int, int | str],
        count: int,
    ) -> SourceRecord | None:
        """The stored file cited for every speech of this one when that file is a copy (「备份/」, 「X - 副本」…)
        and this one is not (`_rather_cited`): a re-saved copy added before its original, in an earlier round.
        Only when this file's speeches are all duplicates of exactly that file's, and this file cites none."""
        if not count or len(duplicates) != count or any(isinstance(t, str) for t in duplicates.values()):
            return None
        if known is not None and self.store.speech_ids(known.id):
            return None
        holders = {self.store.source_of(speech_id) for speech_id in set(duplicates.values())}
        if len(holders) != 1 or (cited := holders.pop()) is None:
            return None
        if set(self.store.speech_ids(cited.id)) != set(duplicates.values()):
            return None  # the copy holds more than this file: not the same file saved again
        return cited if self._rather_cited(document, cited) else None

    def _cite_original(self, document: Document, path: str, digest: str, copy: SourceRecord) -> FileOutcome:
        """The speeches a copy held cite this file, the original, from now on, as if it had been added first:
        this file keeps its digest (added again: 未变化), the copy is a file of duplicates (added again: 重复).
        Nothing is parsed again, embedded or indexed."""
        with self.store.transaction():
            source_id = self.store.save_source(path, document.name, document.size or None, digest)
            self.store.hand_speeches(copy.id, source_id)
        stored = self._as_stored(source_id, "same_file")
        return FileOutcome(document.name, stored, path=path, cited_before=copy.path)

    @staticmethod
    def _rather_cited(document: Document, original: SourceRecord) -> bool:
        """Whether a file with a stored file's bytes should be the one cited: the stored one is marked a copy
        (「备份/」, 「X - 副本」…) and this one is not (identity.rather_cited); files of archives and uploads
        stay where they are."""
        return (
            document.path is not None
            and archive_of(document.path) is None
            and archive_of(original.path) is None
            and not original.path.startswith((BUNDLED, UPLOAD))
            and identity.rather_cited(document.path, original.path)
        )

    def _as_stored(self, source_id: int, status: str) -> tuple[AddOutcome, ...]:
        """The stored speeches of a file found unchanged, each with its near-copy finding when that was never
        said (the `add` that stored it was stopped between its commit and its report)."""
        outcomes = []
        unsaid = {n.speech_id: n for n in self.store.near_copies(unshown=True)}
        for speech_id in self.store.speech_ids(source_id):
            record = self.store.speech(speech_id)
            if record is not None:
                sections = len({p.section for p in self.store.passages(speech_id) if p.section})
                outcomes.append(
                    AddOutcome(
                        record.id,
                        record.title,
                        status,
                        record.passages,
                        record.date,
                        record.speaker,
                        sections,
                        issuer=record.issuer,
                        similar_to=unsaid[speech_id].other_id if speech_id in unsaid else None,
                        similarity=unsaid[speech_id].similarity if speech_id in unsaid else 0.0,
                        older=unsaid[speech_id].older if speech_id in unsaid else False,
                        by_date=unsaid[speech_id].by_date if speech_id in unsaid else True,
                    )
                )
        return tuple(outcomes)

    def _embed(
        self, texts: Sequence[str], embedder: Embedder, progress: Progress | None
    ) -> tuple[dict[str, np.ndarray], int]:
        """The vectors of these texts by `embedding_key`, embedding and caching those the cache lacks
        (committed batch by batch: an interruption keeps what was embedded, and the library itself does
        not change), and how many were embedded. What is embedded is the text in simplified script."""
        inputs = {embedding_key(t): to_simplified(t) for t in texts}
        cached = self.store.cached_vectors(embedder.key, list(inputs), embedder.dim)
        missing = [h for h in inputs if h not in cached]
        if progress:
            progress(0, len(missing))
        for start in range(0, len(missing), EMBED_BATCH):
            batch = missing[start : start + EMBED_BATCH]
            texts = [inputs[h] for h in batch]
            vectors = interruptible(lambda texts=texts: embedder.embed_batch(texts, "passage"))
            self.store.cache_vectors(embedder.key, zip(batch, vectors, strict=True))
            cached.update(zip(batch, vectors, strict=True))
            if progress:
                progress(min(start + EMBED_BATCH, len(missing)), len(missing))
        return cached, len(missing)

    def remove(self, speech_id: int, embedder: Embedder | None = None) -> SpeechRecord | None:
        """Remove a speech; with an embedder, its passages leave the index in the same step."""
        with self.store.transaction():
            record = self.store.remove_speech(speech_id)
            if record is not None and embedder is not None:
                self._commit_with_index(embedder, None)
        return record

    def edit(
        self,
        speech_id: int,
        embedder: Embedder | None = None,
        *,
        title: str | None = None,
        date: str | None = None,
        speaker: str | None = None,
        issuer: str | None = None,
    ) -> SpeechRecord | None:
        """Correct a speech's metadata (`Store.edit_speech`); with an embedder, a new title reaches the
        index in the same step (the lexical index reads it), so that a failed build (a full disk) leaves
        the correction unsaved too, not saved without its index."""
        with self.store.transaction():
            record = self.store.edit_speech(speech_id, title=title, date=date, speaker=speaker, issuer=issuer)
            if record is not None and embedder is not None and title:
                self._commit_with_index(embedder, None)
        return record

    def _commit_with_index(self, embedder: Embedder, progress: Progress | None) -> BuildReport:
        """Inside the store's open transaction: write the new generation, then commit and point CURRENT
        at it with SIGINT/SIGTERM held, so both happen or neither does."""
        with self._discarding_unpublished():
            report, name = self._write_generation(embedder, progress, fresh=False)
            with signals_held():
                previous = self.generation()
                self.store.commit()
                self._point(name, previous)
        return report

    def build(
        self, embedder: Embedder, progress: Progress | None = None, *, fresh: bool = False
    ) -> BuildReport:
        """Write a new index generation from the store, embedding only passages not in the cache and
        tokenising only passages the live generation has not counted (all of them when `fresh`)."""
        self.store.require_writable()
        previous = self.generation()
        with self._discarding_unpublished():
            report, name = self._write_generation(embedder, progress, fresh=fresh)
            self._point(name, previous)
        return report

    @contextlib.contextmanager
    def _discarding_unpublished(self) -> Iterator[None]:
        """A build stopped before CURRENT points at its generation (Ctrl-C, SIGTERM, an error) removes the
        folder it was writing, whole or half-written, at once: nothing of it is left in the index folder.
        (After a kill -9 the next build's garbage collection does it.)"""
        self._unpublished = []
        try:
            yield
        except BaseException:
            try:
                live = self.generation()
            except OSError:  # CURRENT unreadable: leave it all to the next build
                live = None
                self._unpublished = []
            for folder in self._unpublished:
                if folder.name != live:
                    shutil.rmtree(folder, ignore_errors=True)
            raise
        finally:
            self._unpublished = []

    def _write_generation(
        self, embedder: Embedder, progress: Progress | None, *, fresh: bool
    ) -> tuple[BuildReport, str]:
        """Write a complete generation folder (not yet pointed at) from what the store holds now."""
        started = time.perf_counter()
        revision = self.store.revision
        # an official document's 「文件信息」 passage (its 文号, issuers, 主送) is found through its document, not
        # searched: in either index it would count as one more passage naming the document's subject
        stored = self.store.passages()
        passages = [p for p in stored if p.section != HEAD_SECTION]
        cached, embedded = self._embed([p.text for p in passages], embedder, progress)
        ids = np.asarray([p.id for p in passages], dtype=np.int64)
        matrix = (
            np.stack([cached[embedding_key(p.text)] for p in passages])
            if passages
            else np.zeros((0, embedder.dim), dtype=np.float32)
        )
        vectors_index = VectorIndex.build(matrix, ids, embedder.dim)
        lexical = LexicalIndex.build(
            [lexical_input(p.text, p.section, p.speech_title) for p in passages],
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
            lexical_text=LEXICAL_TEXT_VERSION,
        )
        name = self._publish(manifest, vectors_index, lexical)
        seconds = time.perf_counter() - started
        heads = [p.text for p in stored if p.section == HEAD_SECTION]
        return BuildReport(manifest, embedded, seconds, len(heads), head_labels(heads)), name

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

    def _publish(self, manifest: Manifest, vectors: VectorIndex, lexical: LexicalIndex) -> str:
        self.index_root.mkdir(parents=True, exist_ok=True)
        name = f"gen-{manifest.revision:06d}-{time.time_ns()}"
        tmp = self.index_root / f"{name}.tmp"
        self._unpublished += [tmp, self.index_root / name]
        try:
            tmp.mkdir()
            vectors.save(tmp / "vectors.faiss")
            lexical.save(tmp / "lexical")
            (tmp / "manifest.json").write_text(json.dumps(asdict(manifest), ensure_ascii=False, indent=1))
            for path in [*tmp.rglob("*"), tmp]:
                if path.is_file():
                    _fsync(path)
        except OSError as e:
            # a short write says no errno (numpy's 「9352 requested and 7136 written」, under bm25s's save):
            # on a disk with no room left it is the full disk
            full = e.errno in (errno.ENOSPC, errno.EDQUOT) or out_of_space(self.index_root)
            shutil.rmtree(tmp, ignore_errors=True)  # give the space back; the live generation is untouched
            if full:
                raise home_full(self.home, quota=e.errno == errno.EDQUOT) from e
            raise
        tmp.rename(self.index_root / name)
        return name

    def _point(self, name: str, previous: str | None) -> None:
        """Swap CURRENT to generation `name` (atomically), then collect older generations."""
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
            # bytes that are not text (a damaged file) name no generation, as a wrong name does: IndexCorrupt
            # from `_current_folder`, and a rebuild replaces it
            return (self.index_root / "CURRENT").read_text(encoding="utf-8", errors="replace").strip()
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
        """The index is missing, older than the store, or built by an older speechqa (an older form of the
        lexical text, another tokenizer version)."""
        return self._stale_reason() is not None

    def _stale_reason(self) -> str | None:
        manifest = self.manifest()
        if manifest is None:
            return "missing"
        if manifest.lexical_text != LEXICAL_TEXT_VERSION or (
            # tokenised by an older speechqa (another tokenizer code, dictionary or jieba): a question, tokenised
            # by this one, would miss words the index holds in their older form
            manifest.tokenizer == self.tokenizer
            and manifest.tokenizer_version != tokenizer_version(self.tokenizer)
        ):
            return "older"
        if manifest.revision != self.store.revision:
            return "behind"
        return None

    def staleness(self, model: str) -> Staleness | None:
        """Why the index must be built (None: it need not), with the work a build with `model` faces."""
        reason = self._stale_reason()
        if reason is None:
            return None
        keys = [embedding_key(p.text) for p in self.store.passages() if p.section != HEAD_SECTION]
        cached = self.store.cached_hashes(model, keys)
        return Staleness(reason, len(keys), sum(key not in cached for key in keys))

    def check_agreement(self, loaded: LoadedIndex) -> None:
        """Raise IndexCorrupt unless the store's searchable passages, the FAISS vectors and the lexical index
        hold the same passage ids. A count or revision can agree while the ids do not (a database copied
        over the data home, a row deleted by hand): searches then miss the passages only the store holds
        and silently pass over those only the index holds."""
        stored = self.store.searchable_passage_ids()
        vectors = loaded.vectors.ids()
        lexical = np.sort(np.asarray(loaded.lexical.ids, dtype=np.int64))
        indexed = np.union1d(vectors, lexical)
        wrong = []
        if missing := len(np.setdiff1d(stored, indexed)):
            wrong.append(f"资料库中有 {missing} 段不在索引里（检索不到）")
        if extra := len(np.setdiff1d(indexed, stored)):
            wrong.append(f"索引里有 {extra} 段已不在资料库中")
        if not np.array_equal(vectors, lexical):
            wrong.append("向量索引与词法索引收录的段落不同")
        if wrong:
            raise IndexCorrupt(f"索引与资料库不一致：{'，'.join(wrong)}。请运行 speechqa rebuild。")

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


@contextlib.contextmanager
def write_lock(home: Path) -> Iterator[None]:
    """The data home's writer lock (write.lock), also for work that cannot open the store (recover)."""
    try:
        handle = open(home / "write.lock", "w")  # noqa: SIM115 - held for the duration
    except OSError as e:
        raise ReadOnlyHome(f"{read_only_message(home)}（{describe_os_error(e)}）") from e
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as e:
            raise WriterBusy("另一个写入任务（add / remove / rebuild）正在进行，请等它完成后再试。") from e
        yield
    finally:
        handle.close()


@contextlib.contextmanager
def bot_lock(home: Path, bot_id: str) -> Iterator[None]:
    """Held by the data home's running bot of `bot_id` (the token's number) for its whole life, with its
    process id and start time in bot-ID.lock. Telegram serves one poller per bot: a second process of the
    same bot would fight the first for every update (answers late, both logs full of conflicts), so it
    is refused, naming the one running. A read-only home without the file takes no lock (it can hold no
    uploads either)."""
    path = home / f"bot-{bot_id}.lock"
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except FileNotFoundError as e:
        raise HomeUnusable(f"数据目录不存在：{home}") from e
    except OSError:
        try:  # a read-only home: lock the file another writable run left, if any
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            yield
            return
    with os.fdopen(fd, "r+" if os.access(path, os.W_OK) else "r", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as e:
            handle.seek(0)
            holder = handle.read().strip()
            who = f"（{holder}）" if holder else ""
            raise BotRunning(
                f"这个资料库已有同一个机器人在运行{who}：一个机器人只能运行一份，两份会互相抢消息、回复变慢。"
                "要重启，请先停止正在运行的那一个。"
            ) from e
        if handle.writable():
            handle.seek(0)
            handle.truncate()
            handle.write(f"进程 {os.getpid()}，{beijing_time('%Y-%m-%d %H:%M')} 启动")
            handle.flush()
        yield


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


def _same_file(path: Path) -> Path:
    """The one name of a file however it was named (through a link, `..`, a relative path)."""
    try:
        return path.resolve()
    except OSError:  # a loop of links: named as given, for the reader to refuse
        return path.absolute()
