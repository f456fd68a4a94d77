"""Keeping a data home safe: back it up, restore a backup, recover a damaged database.

None of these ever deletes a database: a restore first saves the current one under backups/, a
recovery keeps the damaged file beside the recovered one. The index is rebuilt by the caller (it needs
the embedder; every vector comes from the embedding cache the database carries).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import subprocess
import tempfile
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np
import sqlite_utils

from corpus import describe_os_error

from .errors import HomeFull, SpeechIndexError
from .private import create_private_file, make_private_folder
from .store import MIGRATIONS, Store, beijing_time, home_full, unknown_migrations

DB_NAME = "speechqa.db"
TABLES = ("speeches", "passages", "embeddings", "queries", "feedback")  # what a report counts


class BackupError(SpeechIndexError):
    """A backup cannot be written, or a file to restore is not a usable backup."""


@dataclass(frozen=True)
class Counts:
    """Rows per table of a database (None: the table could not be read)."""

    rows: tuple[tuple[str, int | None], ...]

    def get(self, table: str) -> int | None:
        return dict(self.rows).get(table)


@dataclass(frozen=True)
class RecoveryReport:
    damaged_copy: Path  # where the damaged file was kept
    kept: Counts
    before: Counts  # what could still be counted in the damaged file
    lost_passages: int | None  # passages the last index knew that were not recovered (None: unknown)
    dropped_orphans: int  # recovered passages whose speech was lost (removed: they cannot be cited)
    method: str  # "sqlite3 .recover" or "row by row"


def count_rows(conn: sqlite3.Connection) -> Counts:
    rows: list[tuple[str, int | None]] = []
    for table in TABLES:
        try:
            rows.append((table, int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])))
        except sqlite3.DatabaseError:
            rows.append((table, None))
    return Counts(tuple(rows))


def _ro_uri(path: Path) -> str:
    return f"file:{urllib.parse.quote(str(path.resolve()))}?mode=ro"


def _open_backup(source: Path) -> sqlite3.Connection:
    """A backup file, read only. A backup an earlier release wrote in write-ahead-log mode cannot be opened
    so where its folder is read-only (a write-protected stick, a :ro volume, a share): SQLite would create
    its -shm file beside it. A backup is a finished file, so it is then read as unchanging (immutable)."""
    conn = sqlite3.connect(_ro_uri(source), uri=True)
    try:
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1")
        return conn
    except sqlite3.OperationalError:
        conn.close()
        if os.access(source.parent, os.W_OK):
            raise
        return sqlite3.connect(_ro_uri(source) + "&immutable=1", uri=True)


def _stamp() -> str:
    return beijing_time("%Y%m%d-%H%M%S")


# -- backup ---------------------------------------------------------------------------------------


def backup_database(store: Store, target: Path) -> Counts:
    """Copy the live database to `target` with SQLite's online backup API (consistent even while the
    bot answers questions; works on a read-only data home). Refuses to overwrite a file."""
    if target.is_dir():
        example = target / f"speechqa-{beijing_time('%Y-%m-%d')}.db"
        raise BackupError(f"{target} 是一个文件夹：请给出备份文件的名字，例如 {example}")
    if target.exists():
        raise BackupError(f"文件已存在：{target}（请换一个文件名，或先移走它）")
    if not target.parent.is_dir():
        raise BackupError(f"文件夹不存在：{target.parent}")
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.unlink(missing_ok=True)  # a partial file an interrupted backup left
        create_private_file(partial)  # a backup holds every question asked: its owner's alone (0600)
        destination = sqlite3.connect(partial)
        try:
            with store.lock:
                store.db.conn.backup(destination)
            # one self-contained file (the live database's write-ahead log mode would make every reader of
            # the backup need to write beside it: refused on a read-only stick or share, -wal/-shm left)
            destination.execute("PRAGMA journal_mode = DELETE")
            counts = count_rows(destination)
        finally:
            destination.close()
        os.replace(partial, target)
    except (OSError, sqlite3.DatabaseError) as e:
        with contextlib.suppress(OSError):  # a folder that refused the file refuses its removal too
            partial.unlink(missing_ok=True)
        raise BackupError(f"无法写入备份文件 {target}：{_why_not_written(e)}") from e
    return counts


def backup_to_stream(store: Store, stream: BinaryIO) -> Counts:
    """The backup `backup_database` writes, written to an open binary stream (standard output, for
    `speechqa backup - > file` or a pipe to ssh/gzip). It is taken whole into a private temporary folder
    first, so a backup that fails writes nothing to the stream."""
    with tempfile.TemporaryDirectory(prefix="speechqa-backup-") as folder:
        taken = Path(folder) / DB_NAME
        counts = backup_database(store, taken)
        try:
            with taken.open("rb") as source:
                shutil.copyfileobj(source, stream)
            stream.flush()
        except BrokenPipeError as e:  # `| head`: the reader went away
            raise BackupError("接收备份的一方提前关闭了管道，备份没有写完整") from e
        except OSError as e:  # a full disk behind the redirection
            raise BackupError(f"无法写出备份：{describe_os_error(e)}") from e
    return counts


STDIN_NAME = "标准输入"  # how a backup read from standard input is named in messages


@contextlib.contextmanager
def backup_from_stream(stream: BinaryIO) -> Iterator[Path]:
    """A backup read from an open binary stream (standard input, for `speechqa restore --yes - < file`),
    as a private temporary file that exists while the block runs; BackupError when the stream holds no
    speechqa backup, named as 「标准输入」."""
    with tempfile.TemporaryDirectory(prefix="speechqa-restore-") as folder:
        received = Path(folder) / DB_NAME
        try:
            with received.open("wb") as target:
                shutil.copyfileobj(stream, target)
        except OSError as e:
            raise BackupError(f"无法读取{STDIN_NAME}中的备份：{describe_os_error(e)}") from e
        if received.stat().st_size == 0:
            raise BackupError(
                f"{STDIN_NAME}是空的：请把 speechqa backup 写出的备份接进来，例如 speechqa restore --yes - < 备份.db"
            )
        check_backup(received, shown=STDIN_NAME)
        yield received


_SQLITE_WRITE_ERRORS = {
    sqlite3.SQLITE_CANTOPEN: "不能在这个文件夹中建立文件（没有权限，或磁盘是只读的）",
    sqlite3.SQLITE_READONLY: "不能在这个文件夹中建立文件（没有权限，或磁盘是只读的）",
    sqlite3.SQLITE_PERM: "没有权限",
    sqlite3.SQLITE_FULL: "磁盘空间不足",
    sqlite3.SQLITE_IOERR: "读写出错（磁盘或网络盘故障）",
}


def _why_not_written(error: OSError | sqlite3.DatabaseError) -> str:
    """Why a file could not be written, in Chinese (SQLite's English words stay in the exception's cause)."""
    if isinstance(error, OSError):
        return describe_os_error(error)
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    return _SQLITE_WRITE_ERRORS.get(code, f"SQLite 错误 {code}" if code else "SQLite 错误")


# -- restore ----------------------------------------------------------------------------------------


def check_backup(source: Path, shown: str | None = None) -> Counts:
    """Counts of a backup file; BackupError when it is missing, damaged or not a speechqa database (the
    file named as `shown` when given: a backup received on standard input is no path of the user's)."""
    name = shown or str(source)
    if source.is_dir():
        raise BackupError(f"{source} 是一个文件夹，请给出备份文件本身（speechqa backup 写出的 .db 文件）")
    if not source.is_file():
        if source.exists():  # a named pipe, a device, a socket: nothing a backup is written as
            raise BackupError(f"{source} 不是普通文件，请给出 speechqa backup 写出的 .db 文件")
        raise BackupError(f"找不到备份文件：{source}")
    try:
        conn = _open_backup(source)
        try:
            names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not {"_migrations", "speeches", "passages"} <= names:
                raise BackupError(f"不是 speechqa 的备份文件：{name}")
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise BackupError(f"备份文件已损坏：{name}")
            unknown = unknown_migrations(row[0] for row in conn.execute("SELECT name FROM _migrations"))
            if unknown:
                raise BackupError(
                    f"备份文件 {name} 是更新版本的 speechqa 做的（本版不认识其中的升级 {'、'.join(unknown)}）："
                    "本版不能恢复它，资料库没有改动。请用更新版本的 speechqa 恢复。"
                )
            return count_rows(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        raise BackupError(f"不是可用的 SQLite 备份文件：{name}") from e


def restore_database(store: Store, source: Path, saved_to: Path | None) -> Counts:
    """Replace the live database's content with a backup's, in one step (the backup API writing into
    the open database), after saving the current content to `saved_to` (None: nothing is saved — a new,
    empty data home). The restored revision is set past both the old and the backup's, so every index
    generation on disk is seen as stale; and no id counter goes back (speeches, passages, pins…: an older
    backup's counters are below the ids given since, which would be given again — a bot's button made in
    between, or `speechqa context 212` copied from an answer, would then lead to another passage)."""
    counts = check_backup(source)
    store.require_writable()
    if saved_to is not None:
        make_private_folder(saved_to.parent)
        backup_database(store, saved_to)
    counters = store.db.execute("SELECT name, seq FROM sqlite_sequence").fetchall()
    staging = store.path.with_name(f".restore-{os.getpid()}.db")
    try:
        shutil.copyfile(source, staging)
        with sqlite3.connect(staging) as conn:
            conn.execute(
                "UPDATE meta SET value = CAST(MAX(CAST(value AS INTEGER), ?) + 1 AS TEXT) WHERE key = 'revision'",
                [store.revision],
            )
        conn.close()
        incoming = sqlite3.connect(staging)
        try:
            with store.lock:
                incoming.backup(store.db.conn)
        finally:
            incoming.close()
    finally:
        staging.unlink(missing_ok=True)
    store.migrate()
    _keep_counters(store, counters)
    return counts


def _keep_counters(store: Store, counters: list[tuple[str, int]]) -> None:
    """Set the restored database's id counters (SQLite's AUTOINCREMENT) to at least what they were before."""
    with store.lock, store.db.conn as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for name, seq in counters:
            if name not in tables:  # a table the backup's library had no more
                continue
            kept = conn.execute("UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = ?", [seq, name])
            if kept.rowcount == 0:  # no row yet: none was ever given in the backup
                conn.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", [name, seq])


# -- recover ----------------------------------------------------------------------------------------


def schema_lost(kept_as: Path) -> str:
    """What `recover` says when not one table of the damaged database can be read."""
    return (
        "无法抢救：数据库文件中记录有哪些表的部分已损坏，一张表也读不出来。"
        f"损坏的原文件已改名保留为 {kept_as}。请用 speechqa restore 备份文件 恢复最近的备份；"
        "没有备份时，用 speechqa add --bundled 加回自带的讲话，再用 speechqa add 重新添加其余的文件"
    )


def nothing_to_recover(kept_as: Path) -> str:
    """What `recover` says of a database file of 0 bytes."""
    return (
        f"无法抢救：数据库文件是空的（0 字节），其中没有可读的内容；空文件已改名保留为 {kept_as}。"
        "请用 speechqa restore 备份文件 恢复最近的备份；没有备份时，用 speechqa add --bundled 加回自带的讲话，"
        "再用 speechqa add 重新添加其余的文件"
    )


def database_is_whole(home: Path) -> bool:
    """Whether the data home's database is there, holds the library's tables and passes SQLite's full
    integrity check (read only): nothing for `recover_database` to rescue."""
    path = home / DB_NAME
    if not path.is_file() or path.stat().st_size == 0:  # 0 bytes passes the check, yet holds no library
        return False
    try:
        conn = sqlite3.connect(_ro_uri(path), uri=True)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not {"speeches", "passages"} <= tables:  # whole as a file, but not a library's database
                return False
            return bool(conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
        finally:
            conn.close()
    except sqlite3.DatabaseError:  # not even the header or the table list reads
        return False


def recover_database(home: Path) -> RecoveryReport:
    """Rebuild speechqa.db from what can be read of a damaged one: SQLite's own `.recover` (the sqlite3
    shell) when installed, else a row-by-row copy. The damaged file is kept as speechqa.db.damaged-….

    What was lost is counted against the passage ids of the live index, when it can be read.
    """
    known_passages = indexed_passage_ids(home)
    path = home / DB_NAME
    if not path.exists():
        raise BackupError(f"数据目录中没有数据库文件：{path}")
    if path.stat().st_size == 0:  # nothing to read: set aside, so that restore and add start a new one
        raise BackupError(nothing_to_recover(_set_aside(home, path)))
    before = _damaged_counts(path)
    recovered = home / f".recovered-{os.getpid()}.db"
    recovered.unlink(missing_ok=True)
    shell = shutil.which("sqlite3")
    method = "sqlite3 .recover"
    try:
        if shell is None or not _recover_with_shell(shell, path, recovered):
            # no sqlite3 shell, or one whose .recover does not work (built without sqlite_dbpage)
            recovered.unlink(missing_ok=True)
            method = "row by row"
            try:
                _recover_row_by_row(path, recovered)
            except sqlite3.DatabaseError as e:
                if _no_room(e):
                    raise
                # the table list itself (sqlite_master) is unreadable: nothing to recover; the damaged file
                # is set aside as after a recovery, so that restore and add work on a new database
                recovered.unlink(missing_ok=True)
                raise BackupError(schema_lost(_set_aside(home, path))) from e
        conn = sqlite3.connect(recovered)
        try:
            with contextlib.suppress(sqlite3.DatabaseError):
                conn.execute("DROP TABLE IF EXISTS lost_and_found")
            orphans = conn.execute(
                "DELETE FROM passages WHERE speech_id NOT IN (SELECT id FROM speeches)"
            ).rowcount
            with contextlib.suppress(sqlite3.DatabaseError):  # a table lost with the schema: nothing to do
                # A speech that lost passages is read again from its file the next time the file is added
                # (its bytes are no longer taken as known): the passages come back under the same id.
                conn.execute(
                    "UPDATE sources SET digest = NULL, size = NULL WHERE id IN (SELECT s.source_id FROM "
                    "speeches s LEFT JOIN passages p ON p.speech_id = s.id GROUP BY s.id "
                    "HAVING COUNT(p.id) = 0 OR COUNT(p.id) != MAX(p.position) + 1)"
                )
            if conn.execute("SELECT COUNT(*) FROM meta WHERE key = 'revision'").fetchone()[0] == 0:
                conn.execute("INSERT INTO meta (key, value) VALUES ('revision', '0')")
            conn.execute(
                "UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'revision'"
            )
            conn.commit()
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise BackupError("抢救出的数据库仍未通过完整性检查，原文件未做任何改动。")
            kept = count_rows(conn)
            ids = {row[0] for row in conn.execute("SELECT id FROM passages")}
        finally:
            conn.close()
        _record_applied_migrations(recovered)
        Store(recovered).close()  # any missing table (an unreadable schema) is recreated by the migrations
    except BaseException as e:
        recovered.unlink(missing_ok=True)
        if _no_room(e):  # the damaged file is untouched: said as the full disk it is, not as a traceback
            raise home_full(home, quota=getattr(e, "errno", None) == errno.EDQUOT) from e
        raise
    damaged_copy = _set_aside(home, path)
    os.replace(recovered, path)
    lost = None if known_passages is None else len(known_passages - ids)
    return RecoveryReport(damaged_copy, kept, before, lost, orphans, method)


def _set_aside(home: Path, path: Path) -> Path:
    """Rename the damaged database (and its -wal and -shm files) to speechqa.db.damaged-STAMP; that name."""
    damaged_copy = home / f"{DB_NAME}.damaged-{_stamp()}"
    os.replace(path, damaged_copy)
    for suffix in ("-wal", "-shm"):
        side = home / f"{DB_NAME}{suffix}"
        if side.exists():
            os.replace(side, damaged_copy.with_name(damaged_copy.name + suffix))
    return damaged_copy


def _record_applied_migrations(path: Path) -> None:
    """Write back the record of the migrations a recovered database's schema already shows, when rows of
    `_migrations` were lost with a damaged page. Without them, opening the database would run those
    migrations again and fail on the tables they made, and the recovery would call its own result damaged.

    Each migration not on record is tried, in order, in a transaction that is always rolled back: one that
    fails because what it makes is already there was applied, and the first that would run (or fails for
    another reason) ends the search, since migrations are applied in order. Store applies the rest."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        done = {row[0] for row in conn.execute("SELECT name FROM _migrations")}
        db = sqlite_utils.Database(conn)
        for name, apply in MIGRATIONS:
            if name in done:
                continue
            conn.execute("BEGIN")
            try:
                apply(db)
            except sqlite3.OperationalError as e:
                applied = "already exists" in str(e) or "duplicate column" in str(e)
            else:
                applied = False
            finally:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
            if not applied:
                return
            conn.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                [name, time.strftime("%Y-%m-%dT%H:%M:%S%z")],
            )
    finally:
        conn.close()


def _no_room(error: BaseException) -> bool:
    """Whether `error` is a write refused for want of space (the OS's or SQLite's)."""
    if isinstance(error, OSError):
        return error.errno in (errno.ENOSPC, errno.EDQUOT)
    if isinstance(error, HomeFull):
        return True
    return (
        isinstance(error, sqlite3.DatabaseError)
        and getattr(error, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_FULL
    )


def indexed_passage_ids(home: Path) -> set[int] | None:
    """The passage ids the live index generation holds (None when there is none or it is unreadable)."""
    try:
        name = (home / "index" / "CURRENT").read_text(encoding="utf-8").strip()
        return {int(i) for i in np.load(home / "index" / name / "lexical" / "ids.npy")}
    except (OSError, ValueError, EOFError, TypeError):  # EOFError: a file cut to nothing, numpy's word for it
        return None


def _damaged_counts(path: Path) -> Counts:
    try:
        conn = sqlite3.connect(_ro_uri(path), uri=True)
    except sqlite3.DatabaseError:
        return Counts(tuple((t, None) for t in TABLES))
    try:
        return count_rows(conn)
    finally:
        conn.close()


def _recover_with_shell(shell: str, path: Path, target: Path) -> bool:
    """SQLite's own `.recover` (run on a copy: the damaged file is never opened for writing) into
    `target`; False when this sqlite3 cannot do it."""
    copy = target.with_name(target.name + ".source")
    try:
        shutil.copyfile(path, copy)
        dump = subprocess.run([shell, str(copy), ".recover"], capture_output=True, timeout=3600, check=False)
    finally:
        for leftover in (copy, copy.with_name(copy.name + "-wal"), copy.with_name(copy.name + "-shm")):
            leftover.unlink(missing_ok=True)
    if b"sql error" in dump.stderr or b"COMMIT;" not in dump.stdout:
        return False
    load = subprocess.run(
        [shell, str(target)], input=dump.stdout, capture_output=True, timeout=3600, check=False
    )
    return load.returncode == 0 and target.exists()


def _recover_row_by_row(path: Path, target: Path) -> None:
    """Copy every table's readable rows: the schema from sqlite_master, rows in rowid order, skipping
    past a damaged stretch by seeking to the next rowid that can be read."""
    source = sqlite3.connect(_ro_uri(path), uri=True)
    out = sqlite3.connect(target)
    try:
        schema = source.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
            "ORDER BY type = 'index'"
        ).fetchall()
        for _kind, _, sql in schema:
            with contextlib.suppress(sqlite3.DatabaseError):
                out.execute(sql)
        for kind, name, _ in schema:
            if kind != "table":
                continue
            select = f'SELECT rowid, * FROM "{name}" WHERE rowid > ? ORDER BY rowid LIMIT ?'
            rowid = 0
            while True:
                try:
                    rows = source.execute(select, [rowid, 200]).fetchall()
                except sqlite3.DatabaseError:
                    try:  # one row at a time up to the damage
                        rows = source.execute(select, [rowid, 1]).fetchall()
                    except sqlite3.DatabaseError:
                        step = _readable_step(source, name, rowid)
                        if step is None:
                            break
                        rowid += step  # the rows in between are lost
                        continue
                if not rows:
                    break
                marks = ",".join("?" * (len(rows[0]) - 1))
                out.executemany(f'INSERT OR IGNORE INTO "{name}" VALUES ({marks})', [r[1:] for r in rows])
                rowid = rows[-1][0]
        out.commit()
    finally:
        source.close()
        out.close()


def _readable_step(source: sqlite3.Connection, table: str, rowid: int) -> int | None:
    """The smallest power-of-two step past `rowid` from which the table can be read again."""
    step = 1
    while step < 2**40:
        try:
            source.execute(
                f'SELECT rowid FROM "{table}" WHERE rowid > ? ORDER BY rowid LIMIT 1', [rowid + step]
            ).fetchall()
            return step
        except sqlite3.DatabaseError:
            step *= 2
    return None
