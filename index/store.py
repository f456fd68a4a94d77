"""The SQLite store (through sqlite-utils): speeches, passages, the embedding cache, logs.

The schema is a list of named, append-only migrations applied when the database opens.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import functools
import hashlib
import json
import logging
import os
import pwd
import sqlite3
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple, ParamSpec, TypeVar

import numpy as np
import sqlite_utils

from corpus import (
    HEAD_SECTION,
    PassageDraft,
    Speech,
    describe_os_error,
    head_issuer,
    to_simplified,
    with_head_issuer,
)

from . import identity
from .errors import HomeFull, InvalidSynonym, ReadOnlyHome, SpeechIndexError, StoreCorrupt, StoreTooNew
from .private import make_private_folder
from .records import PassageRecord, SourceRecord, SpeechRecord

log = logging.getLogger(__name__)
P = ParamSpec("P")
R = TypeVar("R")


def _in_transaction(db: sqlite_utils.Database, script: str) -> None:
    """Run a script's statements one by one inside the migration's transaction. (sqlite-utils 3, which
    pyproject allows, passes `executescript` to sqlite3's, which commits first and then runs each statement on
    its own: a process killed half-way would leave a migration's tables without its record.)"""
    for statement in script.split(";"):
        if statement.strip():
            db.conn.execute(statement)


def _m001_initial(db: sqlite_utils.Database) -> None:
    _in_transaction(
        db,
        """
        CREATE TABLE speeches (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            source TEXT NOT NULL,
            ordinal INTEGER NOT NULL,
            title TEXT NOT NULL,
            subtitle TEXT,
            date TEXT,
            speaker TEXT,
            label TEXT,
            content_hash TEXT NOT NULL,
            added_at TEXT NOT NULL,
            UNIQUE (source, ordinal)
        );
        CREATE TABLE passages (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            speech_id INTEGER NOT NULL REFERENCES speeches(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            paragraph INTEGER NOT NULL,
            part INTEGER NOT NULL,
            section TEXT,
            text TEXT NOT NULL,
            content_hash TEXT NOT NULL
        );
        CREATE INDEX passages_speech ON passages(speech_id, position);
        CREATE TABLE embeddings (
            model TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            vector BLOB NOT NULL,
            PRIMARY KEY (model, content_hash)
        );
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO meta (key, value) VALUES ('revision', '0');
        """,
    )


def _m002_query_log(db: sqlite_utils.Database) -> None:
    _in_transaction(
        db,
        """
        CREATE TABLE queries (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            ts TEXT NOT NULL,
            channel TEXT NOT NULL,
            user_id TEXT,
            chat_id TEXT,
            query TEXT NOT NULL,
            answered INTEGER NOT NULL,
            top_ids TEXT NOT NULL,
            latency_ms REAL NOT NULL
        );
        CREATE INDEX queries_ts ON queries(ts);
        """,
    )


def _m003_feedback(db: sqlite_utils.Database) -> None:
    # One vote per user and logged question: pressing 👍 then 👎 replaces the vote.
    _in_transaction(
        db,
        """
        CREATE TABLE feedback (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            query_id INTEGER NOT NULL REFERENCES queries(id) ON DELETE CASCADE,
            user_id TEXT,
            chat_id TEXT,
            value INTEGER NOT NULL CHECK (value IN (-1, 1)),
            ts TEXT NOT NULL,
            UNIQUE (query_id, user_id)
        );
        CREATE INDEX feedback_query ON feedback(query_id);
        """,
    )


def _m004_source_identity(db: sqlite_utils.Database) -> None:
    """Sources become rows of their own (path, size, SHA-256); a speech points at its source and
    carries the hash and length of its normalised text (its identity: index/identity.py).

    The speeches table is rebuilt without UNIQUE (source, ordinal): two files of one name are two
    sources now. Ids are kept. Speeches stored before this knew only their file's name: each name
    becomes a source whose path is that name and whose digest is unknown (NULL); the next `add` of a
    file of that name adopts it (index.library)."""
    conn = db.conn
    seq = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'speeches'").fetchone()
    for statement in (
        """CREATE TABLE sources (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            path TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            size INTEGER,
            digest TEXT,
            added_at TEXT NOT NULL,
            seen_at TEXT NOT NULL
        )""",
        "CREATE INDEX sources_digest ON sources(digest)",
        "CREATE INDEX sources_name ON sources(name)",
        "INSERT INTO sources (path, name, added_at, seen_at) "
        "SELECT source, source, MIN(added_at), MAX(added_at) FROM speeches GROUP BY source ORDER BY MIN(id)",
        """CREATE TABLE speeches_v2 (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            source_id INTEGER NOT NULL REFERENCES sources(id),
            source TEXT NOT NULL,
            ordinal INTEGER NOT NULL,
            title TEXT NOT NULL,
            subtitle TEXT,
            date TEXT,
            speaker TEXT,
            label TEXT,
            content_hash TEXT NOT NULL,
            text_hash TEXT NOT NULL DEFAULT '',
            text_chars INTEGER NOT NULL DEFAULT 0,
            added_at TEXT NOT NULL
        )""",
        "INSERT INTO speeches_v2 (id, source_id, source, ordinal, title, subtitle, date, speaker, label, "
        "content_hash, added_at) SELECT s.id, src.id, s.source, s.ordinal, s.title, s.subtitle, s.date, "
        "s.speaker, s.label, s.content_hash, s.added_at FROM speeches s JOIN sources src ON src.path = s.source",
        "DROP TABLE speeches",
        "ALTER TABLE speeches_v2 RENAME TO speeches",
        "CREATE INDEX speeches_source ON speeches(source_id, ordinal)",
        "CREATE INDEX speeches_text ON speeches(text_hash)",
        "CREATE INDEX speeches_chars ON speeches(text_chars)",
    ):
        conn.execute(statement)
    if seq is not None:
        conn.execute("UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = 'speeches'", [seq[0]])
    for (speech_id,) in conn.execute("SELECT id FROM speeches").fetchall():
        normalised = identity.speech_text(
            conn.execute(
                "SELECT section, text FROM passages WHERE speech_id = ? ORDER BY position", [speech_id]
            )
        )
        conn.execute(
            "UPDATE speeches SET text_hash = ?, text_chars = ? WHERE id = ?",
            [identity.text_hash(normalised), len(normalised), speech_id],
        )


def _m005_metadata_corrections(db: sqlite_utils.Database) -> None:
    """`speechqa edit`: corrected title, date and speaker, keyed by the speech's text hash, so a
    correction outlives removing and re-adding the file."""
    db.conn.execute(
        """CREATE TABLE corrections (
            text_hash TEXT PRIMARY KEY,
            title TEXT,
            date TEXT,
            speaker TEXT,
            updated_at TEXT NOT NULL
        )"""
    )


def _m006_user_synonyms(db: sqlite_utils.Database) -> None:
    # Synonym pairs users add (`speechqa synonyms add`); the bundled lexicon is a data file, not here.
    db.conn.execute(
        """CREATE TABLE user_synonyms (
            word TEXT NOT NULL,
            synonym TEXT NOT NULL,
            added_at TEXT NOT NULL,
            PRIMARY KEY (word, synonym)
        )"""
    )


def _m007_pins(db: sqlite_utils.Database) -> None:
    # Pinned ("standard") answers: one agreed passage per question. The passage is kept by id *and* by
    # its text hash, speech and text: re-adding a speech gives its passages new ids, and the pin then
    # follows the text (see Store.pins); a pin whose text is gone is flagged, never silently moved.
    db.conn.execute(
        """CREATE TABLE pins (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            question TEXT NOT NULL UNIQUE,
            passage_id INTEGER NOT NULL,
            speech_id INTEGER NOT NULL,
            passage_hash TEXT NOT NULL,
            passage_text TEXT NOT NULL,
            speech_title TEXT NOT NULL,
            pinned_by TEXT,
            pinned_at TEXT NOT NULL
        )"""
    )


def _m008_chat_migrations(db: sqlite_utils.Database) -> None:
    # Telegram upgrades a basic group to a supergroup under a new id (e.g. when an admin makes its
    # history visible): the bot follows the move, so an enabled group stays enabled and its answers'
    # buttons keep working. Kept here so that the move survives a restart.
    db.conn.execute(
        """CREATE TABLE chat_migrations (
            old_chat_id INTEGER PRIMARY KEY,
            new_chat_id INTEGER NOT NULL,
            migrated_at TEXT NOT NULL
        )"""
    )


def _m009_pin_offers_taken(db: sqlite_utils.Database) -> None:
    # A question close to a pin but below its threshold is offered the standard question; when the asker
    # takes the offer, their wording is kept here so an admin can pin it too (another wording of the pin).
    db.conn.execute(
        """CREATE TABLE pin_offers_taken (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            pin_id INTEGER NOT NULL,
            question TEXT NOT NULL,
            taken_at TEXT NOT NULL
        )"""
    )


def _m010_pin_offer_query(db: sqlite_utils.Database) -> None:
    # An offer is taken once per logged question: pressing its button again, or a colleague pressing it in
    # a group, does not count the wording again. (The REPL has no logged id: NULL, never deduplicated.)
    db.conn.execute("ALTER TABLE pin_offers_taken ADD COLUMN query_id INTEGER")
    db.conn.execute("CREATE UNIQUE INDEX pin_offers_taken_query ON pin_offers_taken (pin_id, query_id)")


def _m011_handled_updates(db: sqlite_utils.Database) -> None:
    # The Telegram updates the bot has handled lately (per bot: update ids are each bot's own). Telegram
    # delivers an update again when it did not learn it was processed (the bot stopped or crashed after
    # answering, a webhook that answered slowly): kept here, the bot skips it after a restart too.
    # Bounded (see Store.record_update); handled_at is Unix time, for the age limit.
    db.conn.execute(
        """CREATE TABLE handled_updates (
            bot_id INTEGER NOT NULL,
            update_id INTEGER NOT NULL,
            handled_at REAL NOT NULL,
            PRIMARY KEY (bot_id, update_id)
        )"""
    )
    db.conn.execute("CREATE INDEX handled_updates_at ON handled_updates(handled_at)")


def _m012_pinner_names(db: sqlite_utils.Database) -> None:
    # Who pinned an answer, as people know them: the Telegram name (first and last name, or @username) beside
    # `pinned_by`, which keeps the id. Pins made before have none: their id is shown, as it was.
    db.conn.execute("ALTER TABLE pins ADD COLUMN pinner_name TEXT")


def _m013_speech_issuer(db: sqlite_utils.Database) -> None:
    """A notice's issuing body (corpus.Speech.issuer), cited where it has no speaker. Speeches stored before
    take it from their 「文件信息」 passage (corpus.head_paragraph: 「…发文机关：A、B。主送：…」), so an old
    library's notices show it without being read again. Not part of the content digest: an unchanged
    file stays unchanged."""
    conn = db.conn
    conn.execute("ALTER TABLE speeches ADD COLUMN issuer TEXT")
    rows = conn.execute(
        "SELECT speech_id, text FROM passages WHERE section = ? ORDER BY speech_id, position", [HEAD_SECTION]
    ).fetchall()
    found: dict[int, str] = {}
    for speech_id, text in rows:
        if speech_id not in found and (issuer := head_issuer(text)):
            found[speech_id] = issuer
    conn.executemany("UPDATE speeches SET issuer = ? WHERE id = ?", [(v, k) for k, v in found.items()])


def _m014_corrected_issuer(db: sqlite_utils.Database) -> None:
    # `speechqa edit --issuer`: a notice's corrected issuing bodies (「、」 between joint issuers, "" for none),
    # kept with the other corrections by the speech's text hash.
    db.conn.execute("ALTER TABLE corrections ADD COLUMN issuer TEXT")


def _m015_corrected_issuer_in_head(db: sqlite_utils.Database) -> None:
    """An issuer corrected with `edit --issuer` before the 「文件信息」 passage followed the correction: that
    passage names it now (Store._correct_head), and the speech's digest is taken again from its passages, so
    that adding the unchanged file again still finds it 「未变化」."""
    conn = db.conn
    rows = conn.execute(
        "SELECT s.id, c.issuer FROM speeches s JOIN corrections c ON c.text_hash = s.text_hash "
        "WHERE c.issuer IS NOT NULL"
    ).fetchall()
    for speech_id, issuer in rows:
        Store._correct_head(conn, speech_id, issuer)
        _store_digest(conn, speech_id)


def _m016_unfinished_uploads(db: sqlite_utils.Database) -> None:
    # The files an admin sent the bot, from its 「⏳ 正在读取…」 to its report. A file the bot was stopped or
    # killed in the middle of (a restart, a crash, `docker stop` during a long OCR) is still here when it
    # starts again, and is added then: Telegram does not deliver its message again, but its file_id lets the
    # bot download it again. file_ids: a JSON list (one file, or an album's photos in the order sent).
    # IF NOT EXISTS: 015 before it changes nothing when run again, so after a recovery that lost the record
    # of migrations (maintenance._record_applied_migrations stops at 015) Store runs this one again.
    db.conn.execute(
        """CREATE TABLE IF NOT EXISTS unfinished_uploads (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            bot_id INTEGER NOT NULL,
            user_id INTEGER NOT NULL,
            chat_id INTEGER NOT NULL,
            status_message_id INTEGER NOT NULL,
            name TEXT NOT NULL,
            file_ids TEXT NOT NULL,
            photo INTEGER NOT NULL DEFAULT 0,
            note TEXT NOT NULL DEFAULT '',
            started_at REAL NOT NULL
        )"""
    )


def _m017_near_copies(db: sqlite_utils.Database) -> None:
    # A speech added beside another version of itself (a 修改稿 beside its original, identity.kinship): the
    # finding is kept with the speech, so the warning survives an `add` stopped between its commit and its
    # report (`shown` then stays 0 and the next `add`, `speeches` and `health` say it). Listed while both are
    # stored; kept when either is removed, as the record of which speech is a version of it (`Store.other_version`).
    # IF NOT EXISTS: as 016, for a recovery that lost the record of migrations.
    db.conn.execute(
        """CREATE TABLE IF NOT EXISTS near_copies (
            speech_id INTEGER PRIMARY KEY,
            other_id INTEGER NOT NULL,
            similarity REAL NOT NULL,
            why TEXT NOT NULL DEFAULT '',
            older INTEGER NOT NULL DEFAULT 0,
            shown INTEGER NOT NULL DEFAULT 0,
            found_at TEXT NOT NULL
        )"""
    )


def _m018_retired_passages(db: sqlite_utils.Database) -> None:
    # The passages deleted since: a speech added again (an edited file: its passages renumbered), removed,
    # removed and added again. The bot's buttons carry passage and speech ids (上下文 under a week-old answer):
    # with this, such a button finds the passage holding the same text now (`Store.follow_passage`), as a pin
    # follows its text, or says that the text is gone, instead of 「这段内容已不在语料中」 for a passage that is
    # still there under another id. Kept by a trigger, so that every way of deleting passages records them.
    # IF NOT EXISTS, as 016: after a recovery that lost the record of migrations (maintenance.
    # _record_applied_migrations stops at 015) Store runs this one again on the tables it made.
    # (each statement on its own: the trigger's body holds semicolons, which _in_transaction splits on)
    conn = db.conn
    conn.execute(
        """CREATE TABLE IF NOT EXISTS retired_passages (
            id INTEGER PRIMARY KEY,
            speech_id INTEGER NOT NULL,
            position INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            speech_text_hash TEXT,
            retired_at TEXT NOT NULL
        )"""
    )
    conn.execute("CREATE INDEX IF NOT EXISTS retired_passages_speech ON retired_passages(speech_id)")
    conn.execute(
        """CREATE TRIGGER IF NOT EXISTS passages_retired AFTER DELETE ON passages BEGIN
            INSERT OR REPLACE INTO retired_passages
                (id, speech_id, position, content_hash, speech_text_hash, retired_at)
            VALUES (old.id, old.speech_id, old.position, old.content_hash,
                    (SELECT text_hash FROM speeches WHERE id = old.speech_id),
                    strftime('%Y-%m-%dT%H:%M:%S', 'now'));
        END"""
    )


def _m019_kept_versions(db: sqlite_utils.Database) -> None:
    # A speech and its near copy that an office keeps both of (a draft and its final version, kept on purpose:
    # `speechqa keep-both`, the bot's 两篇都保留): the finding stays, marked kept, and `speeches`, `health` and the
    # bot no longer repeat its warning. Checked before it is added, as 016–018 are idempotent: a recovery that
    # lost the record of migrations runs it again on the table it changed.
    columns = {row[1] for row in db.conn.execute("PRAGMA table_info(near_copies)")}
    if "kept_at" not in columns:
        db.conn.execute("ALTER TABLE near_copies ADD COLUMN kept_at TEXT")


def _m020_retired_passage_text(db: sqlite_utils.Database) -> None:
    # A retired passage keeps its text: a file read again by a newer reader (`add --reread` after an upgrade,
    # the README's advice) merges or trims passages — a heading put before its first paragraph, 「:」 read as
    # 「：」 — so no passage has the old text's hash, yet one holds all of it. A button under an old answer then
    # finds that passage (`Store.follow_passage`) instead of saying its text was changed. Idempotent, as 016–019.
    conn = db.conn
    columns = {row[1] for row in conn.execute("PRAGMA table_info(retired_passages)")}
    if "text" not in columns:
        conn.execute("ALTER TABLE retired_passages ADD COLUMN text TEXT")
    conn.execute("DROP TRIGGER IF EXISTS passages_retired")
    conn.execute(
        """CREATE TRIGGER passages_retired AFTER DELETE ON passages BEGIN
            INSERT OR REPLACE INTO retired_passages
                (id, speech_id, position, content_hash, speech_text_hash, retired_at, text)
            VALUES (old.id, old.speech_id, old.position, old.content_hash,
                    (SELECT text_hash FROM speeches WHERE id = old.speech_id),
                    strftime('%Y-%m-%dT%H:%M:%S', 'now'), old.text);
        END"""
    )


def _m021_bot_replies(db: sqlite_utils.Database) -> None:
    # Which message the bot replied to each person's message with, and which logged question each answer
    # answers (`query_id`, NULL for a reply that is no answer): an edit of a question answered before a
    # restart edits that answer, a 👍 put on it as a reaction is a vote. A chat is written as the query log
    # writes it (a private chat's id is its user's, pseudonymised when user ids are hidden). Bounded (see
    # Store.record_reply). IF NOT EXISTS, as 016: a recovery that lost the record of migrations runs it again.
    conn = db.conn
    conn.execute(
        """CREATE TABLE IF NOT EXISTS bot_replies (
            bot_id INTEGER NOT NULL,
            chat TEXT NOT NULL,
            message_id INTEGER NOT NULL,
            reply_id INTEGER NOT NULL,
            query_id INTEGER,
            replied_at REAL NOT NULL,
            PRIMARY KEY (bot_id, chat, message_id)
        )"""
    )
    conn.execute("CREATE INDEX IF NOT EXISTS bot_replies_reply ON bot_replies(bot_id, chat, reply_id)")
    conn.execute("CREATE INDEX IF NOT EXISTS bot_replies_at ON bot_replies(replied_at)")
    # The page (of an answer, the speech list, a speech's text) last shown in each chat and forum topic (thread
    # 0: none), and the last answer: a 「还有吗？」, 「那退休干部呢？」 or 「第二条再详细点」 typed next, without a
    # reply, goes on from it, also after a restart. The buttons' markup as Telegram's JSON (ids only).
    conn.execute(
        """CREATE TABLE IF NOT EXISTS bot_pages (
            bot_id INTEGER NOT NULL,
            chat TEXT NOT NULL,
            thread INTEGER NOT NULL,
            page TEXT NOT NULL,
            answer TEXT,
            shown_at REAL NOT NULL,
            PRIMARY KEY (bot_id, chat, thread)
        )"""
    )


def _m022_near_copy_reason(db: sqlite_utils.Database) -> None:
    # Why a near copy was taken for the older version: its date (1), or, dated alike, the other file's 修改稿/定稿
    # mark (0, identity.version_rank). Without it, a warning said again after an `add` stopped before its report
    # gave 「这篇的日期更早」 for a pair told apart by the mark. The findings of older libraries were all told by
    # their dates (the mark came later): 1. Idempotent, as 016–021.
    columns = {row[1] for row in db.conn.execute("PRAGMA table_info(near_copies)")}
    if "by_date" not in columns:
        db.conn.execute("ALTER TABLE near_copies ADD COLUMN by_date INTEGER NOT NULL DEFAULT 1")


# what decided a near copy, as libraries before 023 stored it (their words, now identity.KinshipBy's values)
_KINSHIP_WORDS = {
    "文号相同": "same_number",
    "文号不同": "other_number",
    "标题相同": "same_title",
    "日期在不同月份、标题不同": "other_month",
    "模板以外的内容大部分相同": "own_text",
    "相同的多是模板套话": "template_text",
}


def _m023_near_copy_kinship(db: sqlite_utils.Database) -> None:
    # What decided a near copy was stored as the user's words (「标题相同」); it is stored as identity.KinshipBy's
    # value now, worded by the front ends (retrieval.kinship_reason). Idempotent, as 016–022.
    if "near_copies" in db.table_names():
        for words, value in _KINSHIP_WORDS.items():
            db.conn.execute("UPDATE near_copies SET why = ? WHERE why = ?", [value, words])


def _m024_upload_sent_as(db: sqlite_utils.Database) -> None:
    # The name a file was sent with when the bot named it by the type Telegram gave (「通知二」 read as
    # 「通知二.pdf」): a resumed upload is reported under it, as the first try was. NULL: named as sent.
    # Idempotent, as 016–023.
    if "sent_as" not in db["unfinished_uploads"].columns_dict:
        db.conn.execute("ALTER TABLE unfinished_uploads ADD COLUMN sent_as TEXT")


def _kinship_by(stored: str) -> identity.KinshipBy | None:
    try:
        return identity.KinshipBy(stored)
    except ValueError:  # '' (an older library's finding without one)
        return None


MIGRATIONS: list[tuple[str, Callable[[sqlite_utils.Database], None]]] = [
    ("001_initial", _m001_initial),
    ("002_query_log", _m002_query_log),
    ("003_feedback", _m003_feedback),
    ("004_source_identity", _m004_source_identity),
    ("005_metadata_corrections", _m005_metadata_corrections),
    ("006_user_synonyms", _m006_user_synonyms),
    ("007_pins", _m007_pins),
    ("008_chat_migrations", _m008_chat_migrations),
    ("009_pin_offers_taken", _m009_pin_offers_taken),
    ("010_pin_offer_query", _m010_pin_offer_query),
    ("011_handled_updates", _m011_handled_updates),
    ("012_pinner_names", _m012_pinner_names),
    ("013_speech_issuer", _m013_speech_issuer),
    ("014_corrected_issuer", _m014_corrected_issuer),
    ("015_corrected_issuer_in_head", _m015_corrected_issuer_in_head),
    ("016_unfinished_uploads", _m016_unfinished_uploads),
    ("017_near_copies", _m017_near_copies),
    ("018_retired_passages", _m018_retired_passages),
    ("019_kept_versions", _m019_kept_versions),
    ("020_retired_passage_text", _m020_retired_passage_text),
    ("021_bot_replies", _m021_bot_replies),
    ("022_near_copy_reason", _m022_near_copy_reason),
    ("023_near_copy_kinship", _m023_near_copy_kinship),
    ("024_upload_sent_as", _m024_upload_sent_as),
]
SYNONYM_MAX_CHARS = 20
# A pinned or cited text is followed into a longer passage holding it only from this many letters and digits:
# a short line (「联系人：…」) may stand in several passages of a speech.
HOLDING_MIN_CHARS = 12
# Telegram keeps an update for 24 hours: one handled longer ago than this cannot come again. The count
# bounds the table under heavy use (only the latest updates can be delivered again).
HANDLED_UPDATES_KEPT = 5000
HANDLED_UPDATES_DAYS = 2
# The bot's replies remembered for an edit of the question or a reaction on the answer (see record_reply):
# a month of a busy office's messages; `prune-log` deletes them with the questions they answer.
BOT_REPLIES_KEPT = 20000
BOT_REPLIES_DAYS = 30


# Bumped whenever what `lexical_input` puts before a passage changes: an index whose manifest records an
# older value is stale and is rebuilt (cheaply: vectors are cached, only the term counts are redone).
LEXICAL_TEXT_VERSION = 2


def lexical_input(text: str, section: str | None, title: str | None = None) -> str:
    """What the lexical index sees of a passage: the speech's title, its section heading, then its text.

    A notice names its subject once, in its title (「…老年大学2024年秋季招生简章」), and its items do not
    repeat it (「学制为两年」): with the title, a question that names the subject finds the item that
    answers rather than the opening paragraph that restates the occasion. Measured with `speechqa eval`
    (hybrid, R@1): fourth set 0.859 → 0.946, dev tuning half 0.863 → 0.882, held-out half 0.903 → 0.922,
    policy notices 0.837/0.917 → 0.907/0.972 (tuning/held-out). A title repeated as the heading counts once.

    The dense side embeds the text alone: measured on the dev set, prefixing the heading made
    passages under one heading look alike to the model (dense Recall@1 0.45 with it, 0.61 without).
    """
    head = [part for part in (title, section) if part]
    if len(head) == 2 and head[0] == head[1]:
        head.pop()
    return "\n".join([*head, text])


# SQLite's result codes (the low byte of an extended code) for a damaged file, and for one that cannot
# be written or opened: the second kind is never reported as damage.
_DAMAGED = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_LOW_SPACE = 1 << 20  # bytes: an I/O error with less than this free on the disk is put down to a full disk
_NOT_WRITABLE = {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH}


def _damaged(path: Path, error: sqlite3.DatabaseError) -> StoreCorrupt:
    return StoreCorrupt(
        f"数据库文件已损坏：{path}。请运行 speechqa recover 抢救其中可读的内容（原文件会保留，不会被删除）。"
    )


def library_format() -> str:
    """The format of the libraries this version writes: the name of its last migration (`speechqa --version`)."""
    return MIGRATIONS[-1][0]


def unknown_migrations(applied: Iterable[str]) -> list[str]:
    """The migrations on record that this version does not have: the database was written by a newer one."""
    known = {name for name, _ in MIGRATIONS}
    return [name for name in applied if name not in known]


def too_new_message(path: Path, unknown: Sequence[str]) -> str:
    return (
        f"资料库 {path} 是更新版本的 speechqa 写入的（本版不认识其中的升级 {'、'.join(unknown)}）："
        "本版不打开它，以免损坏，什么都没有改动。请使用更新版本的 speechqa。"
    )


def read_only_message(folder: Path) -> str:
    """「数据目录是只读的：…」, naming the folder's owner when it is another user's on a writable disk: a data home
    moved or copied to another machine user (a new server, a service run under its own account) is read-only to
    that user until it is handed over, and the line says how."""
    owner = _other_owner(folder)
    if owner is None:
        return f"数据目录是只读的：{folder}"
    me = _user_name(os.geteuid())
    return (
        f"数据目录是只读的：{folder}（它属于用户 {owner}，speechqa 以用户 {me} 运行：搬到新用户名下的资料库要交给"
        f"这个用户，如 chown -R {me} {folder}）"
    )


def unreadable_message(folder: Path) -> str:
    """「无法打开数据目录：…」 for a data home the running user may not read (another user's private folder, as a
    home speechqa made is: 0700), naming its owner and how to hand it over, as `read_only_message` does."""
    owner = _other_owner(folder, os.R_OK | os.X_OK)
    if owner is None:
        return f"无法打开数据目录：{folder}（没有读取它的权限：请让它的属主运行 speechqa，或 chmod u+rwx {folder}）"
    me = _user_name(os.geteuid())
    return (
        f"无法打开数据目录：{folder}（它属于用户 {owner}，只有这个用户能读取，speechqa 以用户 {me} 运行：请以用户 "
        f"{owner} 运行 speechqa，或把资料库交给用户 {me}，如 chown -R {me} {folder}）"
    )


def root_on_others_home(folder: Path) -> str | None:
    """「数据目录 … 属于用户 speechqa，speechqa 却以 root 运行…」 when root runs speechqa on a data home another
    user owns, on a disk mounted writable; else None. What root writes there is root's: an `add` left a new index
    folder (~1 MB each time) the service's user could not delete when it next rebuilt, a `restore` a database it
    could not write (ops60). Said before anything is written, so nothing of root's is left."""
    if os.geteuid() != 0:
        return None
    try:
        info = folder.stat()
        mounted_read_only = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:  # not there yet: root makes it, and it is root's
        return None
    if info.st_uid == 0 or mounted_read_only:
        return None
    owner = _user_name(info.st_uid)
    run_as = (
        f"runuser -u {owner} -- speechqa …"
        if owner != str(info.st_uid)
        else f"setpriv --reuid={owner} --regid={info.st_gid} --clear-groups speechqa …"
    )
    return (
        f"数据目录 {folder} 属于用户 {owner}，speechqa 却以 root 运行：root 在里面建的文件（新的索引、恢复的资料库）"
        f"用户 {owner} 以后不能删除或改写。请以这个用户运行，如 {run_as}（环境变量照旧）；什么都没有改动"
    )


def home_unreadable(folder: Path) -> bool:
    """The data home is there but the running user may not open it or read its database."""
    database = folder / "speechqa.db"
    if not folder.is_dir():
        return False
    if not os.access(folder, os.R_OK | os.X_OK):
        return True
    return database.is_file() and not os.access(database, os.R_OK)


def _other_owner(folder: Path, wanted: int = os.W_OK) -> str | None:
    """The name of the user owning the data home (or its database) when that is not the user running and the
    running user may not write it (`wanted`: or read it), on a disk mounted writable; else None."""
    for path, needed in ((folder, wanted), (folder / "speechqa.db", wanted & ~os.X_OK)):
        try:
            info = path.stat()
            mounted_read_only = bool(os.statvfs(path).f_flag & os.ST_RDONLY)
        except OSError:
            continue
        if info.st_uid != os.geteuid() and not mounted_read_only and not os.access(path, needed):
            return _user_name(info.st_uid)
    return None


def _user_name(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:  # a uid with no name here (a home copied from another machine, a container's user)
        return str(uid)


def home_full(folder: Path, *, quota: bool = False) -> HomeFull:
    reason = f"数据目录{'超出磁盘配额' if quota else '所在的磁盘空间不足'}：{folder}"
    return HomeFull(f"{reason}。这次的改动没有保存，资料库保持原样：请腾出空间后重试。", reason)


def _translate(path: Path, error: sqlite3.DatabaseError) -> Exception:
    """A damaged file becomes StoreCorrupt, a file that cannot be written ReadOnlyHome; else as is."""
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    if code in _DAMAGED:
        return _damaged(path, error)
    if code in _NOT_WRITABLE:
        return ReadOnlyHome(read_only_message(path.parent))  # SQLite's English reason stays in the cause
    if code == sqlite3.SQLITE_FULL or (code == sqlite3.SQLITE_IOERR and out_of_space(path.parent)):
        return home_full(path.parent)  # a full disk makes SQLite fail to size its shared-memory file: IOERR
    return error


def _locked(method: Callable[P, R]) -> Callable[P, R]:
    """Run a Store method while holding the store's lock; damage found on the way raises StoreCorrupt,
    a refused write ReadOnlyHome."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        store = args[0]
        with store.lock:  # type: ignore[attr-defined]
            try:
                return method(*args, **kwargs)
            except sqlite3.DatabaseError as e:
                translated = _translate(store.path, e)  # type: ignore[attr-defined]
                if translated is e:
                    raise
                if isinstance(translated, ReadOnlyHome) and store.disk_full:  # type: ignore[attr-defined]
                    translated = store._refusal()  # type: ignore[attr-defined]  # opened read-only: disk full
                raise translated from e

    return wrapper


def out_of_space(folder: Path) -> bool:
    """Whether the disk holding `folder` has (almost) no room left for its user."""
    try:
        stats = os.statvfs(folder)
    except OSError:
        return False
    return stats.f_bavail * stats.f_frsize < _LOW_SPACE


def writable(folder: Path) -> bool:
    """Whether files can be created in `folder` (False on a read-only mount even for root)."""
    if not os.access(folder, os.W_OK):
        return False
    probe = folder / f".write-probe-{os.getpid()}"
    try:
        probe.touch()
        probe.unlink()
    except OSError:
        return False
    return True


def _no_pending_log(path: Path) -> bool:
    """Whether the database has no write-ahead log with frames in it (reading the file alone is then
    reading everything committed)."""
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size == 0
    except FileNotFoundError:
        return True


def _store_digest(conn: sqlite3.Connection, speech_id: int) -> None:
    """Inside a transaction: the speech's digest taken again from its stored metadata and passages."""
    meta = conn.execute(
        "SELECT title, subtitle, date, speaker FROM speeches WHERE id = ?", [speech_id]
    ).fetchone()
    pairs = conn.execute(
        "SELECT text, section FROM passages WHERE speech_id = ? ORDER BY position", [speech_id]
    ).fetchall()
    conn.execute(
        "UPDATE speeches SET content_hash = ? WHERE id = ?",
        [_speech_digest(*meta, [(text, section) for text, section in pairs]), speech_id],
    )


def _with_issuer(drafts: Sequence[PassageDraft], issuer: str) -> list[PassageDraft]:
    """A speech's passages with its 「文件信息」 passage naming the corrected issuer ("": none)."""
    return [
        replace(d, text=with_head_issuer(d.text, issuer or None)) if d.section == HEAD_SECTION else d
        for d in drafts
    ]


def content_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _speech_digest(
    title: str,
    subtitle: str | None,
    date: str | None,
    speaker: str | None,
    passages: list[tuple[str, str | None]],
) -> str:
    """What a stored speech is compared by when its file is read again: metadata as shown and its passages
    ((text, section) in order). Equal digests: nothing to write, passage ids kept."""
    return content_hash(json.dumps([title, subtitle, date, speaker, passages], ensure_ascii=False))


@dataclass(frozen=True)
class AddOutcome(identity.ToldOlder):
    """What storing one speech did."""

    speech_id: int  # for "duplicate": the stored speech it duplicates
    title: str
    # "added", "updated", "unchanged"; "same_file" (the file's bytes are a known source's: a copy or a
    # rename), "duplicate" (the same or nearly the same text is stored already: not stored again),
    # "removed" (no longer in its re-added file)
    status: str
    passages: int
    date: str | None = None
    speaker: str | None = None
    sections: int = 0
    similar_to: int | None = (
        None  # an added speech much like a stored one of another file (a corrected copy?)
    )
    similarity: float = 0.0  # their overlap, below what counts as the same speech
    # "updated" by a speech that is another one (other title, little text in common): the title it replaced
    replaced_title: str | None = None
    issuer: str | None = None  # a notice's issuing bodies (corpus.Speech.shown_issuer)
    # an added speech much like a stored one of the same template (another month's notice): both stay
    template_of: int | None = None
    kinship: identity.KinshipBy | None = None  # what decided similar_to / template_of (identity.Kinship.why)
    older: bool = False  # similar_to: this speech is dated before that one (most likely its earlier version)
    by_date: bool = True  # older told by the dates (else, dated alike, by the other's file marked 修改稿…)


@dataclass(frozen=True)
class NearCopy(identity.ToldOlder):
    """A stored speech kept beside another version of itself (identity.kinship said "version")."""

    speech_id: int
    other_id: int
    similarity: float
    why: identity.KinshipBy | None  # what decided it was a version (None: a finding stored before 023)
    shown: bool  # whether a front end has said it (False: its `add` was stopped before its report)
    older: bool = False  # the speech is dated before the other: most likely the other's earlier version
    kept_at: str | None = None  # when an office chose to keep both (`Store.keep_both`): not said again
    by_date: bool = True  # older told by the dates (else, dated alike, by the other's file marked 修改稿…)


class Store:
    """All persistent state except the vector and lexical index files."""

    def __init__(self, path: Path, *, read_only: bool | None = None, follow_log: bool = False) -> None:
        """Open (creating and upgrading when needed) the database at `path`.

        A folder that cannot be written (`read_only=None` detects it) is opened read-only and immutable:
        nothing is written, not even SQLite's shared-memory file; every write raises ReadOnlyHome. So is
        a database on a full disk (`disk_full`: SQLite cannot even size its shared-memory file), when no
        write-ahead log holds changes that reading the file alone would miss; every write raises HomeFull.
        `follow_log` (with `read_only`, for a reader that could write the folder: root checking the service's
        home): a write-ahead log holding commits a running writer has not checkpointed is read too, through
        the shared-memory file already there (SQLite makes no file then); without one, the file alone.
        """
        self.path = path
        self.follow_log = follow_log
        # One connection shared by the threads of a front end (the bot runs searches in a thread pool):
        # every use of it goes through this lock.
        self.lock = threading.RLock()
        detected = read_only is None
        if read_only is None:
            try:
                make_private_folder(path.parent)
            except OSError as e:
                raise ReadOnlyHome(f"{read_only_message(path.parent)}（{describe_os_error(e)}）") from e
            read_only = not writable(path.parent) or (path.exists() and not os.access(path, os.W_OK))
        self.disk_full = False
        # the migrations this opening applied to an older speechqa's database, and how long they took
        self.upgraded: list[str] = []
        self.upgrade_seconds = 0.0
        self._depth = 0  # transaction nesting
        self._skipped_log = False
        try:
            self._open(read_only)
        except HomeFull:
            if not (detected and _no_pending_log(path)):
                raise
            log.info("the disk of data home %s is full: the library is opened read-only", path.parent)
            self.disk_full = True
            self._open(True)

    def _open(self, read_only: bool) -> None:
        path = self.path
        self.read_only = read_only
        conn: sqlite3.Connection | None = None
        try:
            if read_only:
                if not path.exists():
                    raise ReadOnlyHome(f"{read_only_message(path.parent)}（其中还没有资料库，无法建立）")
                live = (
                    self.follow_log
                    and not _no_pending_log(path)
                    and path.with_name(path.name + "-shm").exists()
                )
                uri = f"file:{urllib.parse.quote(str(path.resolve()))}?mode=ro" + (
                    "" if live else "&immutable=1"
                )
                conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                conn = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
            self.db = sqlite_utils.Database(conn)
            if not read_only:
                self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as e:
            if conn is not None:
                conn.close()
            translated = _translate(path, e)
            if translated is e:
                raise _damaged(path, e) from e
            raise translated from e
        except BaseException:
            if conn is not None:
                conn.close()
            raise

    def close(self) -> None:
        self.db.conn.close()

    def require_writable(self) -> None:
        if self.read_only:
            raise self._refusal()

    def _refusal(self) -> SpeechIndexError:
        """Why this store cannot be written: a full disk, or a read-only home."""
        return (
            home_full(self.path.parent)
            if self.disk_full
            else ReadOnlyHome(read_only_message(self.path.parent))
        )

    # -- schema -------------------------------------------------------------------------------------
    def applied_migrations(self) -> list[str]:
        """The names of the migrations on record in this database, in the order they were applied."""
        if "_migrations" not in self.db.table_names():
            return []
        return [row[0] for row in self.db.execute("SELECT name FROM _migrations ORDER BY rowid")]

    def pending_migrations(self) -> list[str]:
        done = set(self.applied_migrations())
        return [name for name, _ in MIGRATIONS if name not in done]

    def migrate(self) -> None:
        """Apply the migrations this database lacks (done on open; again after a restore)."""
        self._migrate()

    def _migrate(self) -> None:
        applied = self.applied_migrations()
        unknown = unknown_migrations(applied)
        if unknown:
            raise StoreTooNew(too_new_message(self.path, unknown))
        pending = self.pending_migrations()
        if not pending:
            return
        older = bool(applied)  # a database an older speechqa wrote (not a new one)
        started = time.perf_counter()
        if self.read_only:
            # the migrations' names are the code's, not the user's: say what to do
            raise ReadOnlyHome(
                f"{read_only_message(self.path.parent)}，其中的资料库是旧版 speechqa 建立的，要先升级"
                f"（{len(pending)} 项）才能使用，什么都没有改动。请让这个目录可写，或以它的所有者身份运行一次 "
                "speechqa rebuild（升级资料库并重建索引），之后只读也能使用。"
            )
        conn = self.db.conn
        conn.execute(
            "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        conn.commit()
        for name, apply in MIGRATIONS:
            if name not in pending:
                continue
            # Each migration and its record in one transaction (a kill -9 half-way leaves the database as it
            # was before it), foreign keys off while tables are rebuilt.
            conn.execute("PRAGMA foreign_keys=OFF")
            try:
                conn.execute("BEGIN IMMEDIATE")
                # another process opening the same home (the bot restarting while `speechqa health` runs)
                # may have applied it between our reading what is pending and taking the write lock
                if conn.execute("SELECT 1 FROM _migrations WHERE name = ?", [name]).fetchone():
                    conn.rollback()
                    continue
                apply(self.db)
                if not conn.in_transaction:  # a migration must not commit on its own (test_index_upgrade.py)
                    raise RuntimeError(f"migration {name} committed before its record")
                conn.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)", [name, _now()])
                broken = conn.execute("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise sqlite3.IntegrityError(f"migration {name} left {len(broken)} dangling references")
                conn.commit()
            except BaseException:
                if conn.in_transaction:
                    conn.rollback()
                raise
            finally:
                conn.execute("PRAGMA foreign_keys=ON")
            if older:
                self.upgraded.append(name)
        self.upgrade_seconds = time.perf_counter() - started

    # -- speeches and passages ----------------------------------------------------------------------
    @property
    @_locked
    def revision(self) -> int:
        return int(self.db.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()[0])

    def _bump_revision(self) -> None:  # inside a transaction
        self.db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'")

    def _bump_edits(self) -> None:
        """Inside a transaction: move the stamp long-running front ends follow (`metadata_stamp`)."""
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES ('edits', '1') "
            "ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
        )

    # -- writing: one transaction per file ------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[Store]:
        """Hold the store for one all-or-nothing change: BEGIN IMMEDIATE … COMMIT, rolled back on any
        exception (KeyboardInterrupt included). Nested uses join the outer transaction. `commit()` may
        end it early (the caller then does what must follow the commit)."""
        with self.lock:
            self.require_writable()
            if self._depth:
                self._depth += 1
                try:
                    yield self
                finally:
                    self._depth -= 1
                return
            conn = self.db.conn
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.DatabaseError as e:
                raise _translate(self.path, e) from e
            self._depth = 1
            try:
                yield self
                self._commit()
            except BaseException:
                if conn.in_transaction:
                    conn.rollback()
                raise
            finally:
                self._depth = 0

    def commit(self) -> None:
        """Commit the open transaction now (inside `transaction()`); a full disk raises HomeFull (the
        transaction is then rolled back by `transaction()`)."""
        self._commit()

    def _commit(self) -> None:
        if self.db.conn.in_transaction:
            try:
                self.db.conn.commit()
            except sqlite3.DatabaseError as e:
                translated = _translate(self.path, e)
                if translated is e:
                    raise
                raise translated from e

    @contextlib.contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        with self.transaction():
            yield self.db.conn

    # -- sources ------------------------------------------------------------------------------------
    _SOURCE_SQL = "SELECT id, path, name, size, digest FROM sources "

    @_locked
    def source_by_path(self, path: str) -> SourceRecord | None:
        row = self.db.execute(self._SOURCE_SQL + "WHERE path = ?", [path]).fetchone()
        return None if row is None else SourceRecord(*row)

    @_locked
    def source_of(self, speech_id: int) -> SourceRecord | None:
        """The file a stored speech cites (None: no such speech)."""
        row = self.db.execute(
            self._SOURCE_SQL + "WHERE id = (SELECT source_id FROM speeches WHERE id = ?)", [speech_id]
        ).fetchone()
        return None if row is None else SourceRecord(*row)

    @_locked
    def sources_with_digest(self, digest: str) -> list[SourceRecord]:
        rows = self.db.execute(self._SOURCE_SQL + "WHERE digest = ? ORDER BY id", [digest]).fetchall()
        return [SourceRecord(*row) for row in rows]

    @_locked
    def sources_named(self, name: str) -> list[SourceRecord]:
        rows = self.db.execute(self._SOURCE_SQL + "WHERE name = ? ORDER BY id", [name]).fetchall()
        return [SourceRecord(*row) for row in rows]

    @_locked
    def save_source(self, path: str, name: str, size: int | None, digest: str | None) -> int:
        """Record a file at `path` (new, or its new size and digest); returns the source id."""
        with self._writing() as conn:
            row = conn.execute("SELECT id FROM sources WHERE path = ?", [path]).fetchone()
            if row is None:
                cursor = conn.execute(
                    "INSERT INTO sources (path, name, size, digest, added_at, seen_at) VALUES (?, ?, ?, ?, ?, ?)",
                    [path, name, size, digest, _now(), _now()],
                )
                return int(cursor.lastrowid or 0)
            conn.execute(
                "UPDATE sources SET name = ?, size = ?, digest = ?, seen_at = ? WHERE id = ?",
                [name, size, digest, _now(), row[0]],
            )
            return int(row[0])

    @_locked
    def move_source(self, source_id: int, path: str, name: str, size: int | None, digest: str | None) -> None:
        """The file of a source now lives at `path` (it was renamed, or adopted after the upgrade)."""
        with self._writing() as conn:
            conn.execute(
                "UPDATE sources SET path = ?, name = ?, size = ?, digest = ?, seen_at = ? WHERE id = ?",
                [path, name, size, digest, _now(), source_id],
            )
            conn.execute("UPDATE speeches SET source = ? WHERE source_id = ?", [name, source_id])

    @_locked
    def hand_speeches(self, from_id: int, to_id: int) -> None:
        """The speeches of one source now cite another (the original of a copy kept in 「备份/」 that was added
        first); the copy's record keeps no digest, as a file of duplicates keeps none (adding it again reads it
        and says it is a duplicate). Ids, passages and the index stay as they are."""
        with self._writing() as conn:
            conn.execute(
                "UPDATE speeches SET source_id = ?, source = (SELECT name FROM sources WHERE id = ?) "
                "WHERE source_id = ?",
                [to_id, to_id, from_id],
            )
            conn.execute("UPDATE sources SET digest = NULL WHERE id = ?", [from_id])

    # -- speeches -----------------------------------------------------------------------------------
    @_locked
    def fingerprints(
        self,
        *,
        source_ids: Sequence[int] = (),
        near: tuple[str, int] | None = None,
        title: str | None = None,
        exclude: Iterable[int] = (),
    ) -> list[identity.Fingerprint]:
        """Identity fingerprints of the speeches of some sources, or (`near` = (text hash, length)) of
        every speech that could equal or nearly equal a text of that hash and length — and, given its
        `title`, of the speeches with that title that could be an edited version of it (identity.EDITED)."""
        if source_ids:
            marks = ",".join("?" * len(source_ids))
            rows = self.db.execute(
                f"SELECT id, title FROM speeches WHERE source_id IN ({marks}) ORDER BY source_id, ordinal",
                list(source_ids),
            ).fetchall()
        elif near is not None:
            digest, chars = near
            low, high = (
                int(chars * (identity.NEAR_DUPLICATE - 0.02)),
                int(chars / (identity.NEAR_DUPLICATE - 0.02)) + 1,
            )
            rows = self.db.execute(
                "SELECT id, title FROM speeches WHERE text_hash = ? OR text_chars BETWEEN ? AND ? ORDER BY id",
                [digest, low, high],
            ).fetchall()
            if title is not None:  # the same title at a length an edited version could have
                seen = {row[0] for row in rows}
                rows += [
                    row
                    for row in self.db.execute(
                        "SELECT id, title FROM speeches WHERE text_chars BETWEEN ? AND ? ORDER BY id",
                        [int(chars * (identity.EDITED - 0.02)), int(chars / (identity.EDITED - 0.02)) + 1],
                    )
                    # (「…（征求意见稿）」 and 「…（定稿）」 are one title: identity.core_title)
                    if row[0] not in seen
                    and identity.core_title(row[1]) == identity.core_title(title)
                    and identity.core_title(title)
                ]
        else:
            rows = []
        skip = set(exclude)
        return [
            identity.Fingerprint(row[0], row[1], self._normalised(row[0]))
            for row in rows
            if row[0] not in skip
        ]

    @_locked
    def speech_ids(self, source_id: int) -> list[int]:
        """The speeches of a source, in their order in the file."""
        rows = self.db.execute(
            "SELECT id FROM speeches WHERE source_id = ? ORDER BY ordinal, id", [source_id]
        ).fetchall()
        return [row[0] for row in rows]

    def _normalised(self, speech_id: int) -> str:
        return identity.speech_text(
            self.db.execute(
                "SELECT section, text FROM passages WHERE speech_id = ? ORDER BY position", [speech_id]
            )
        )

    @_locked
    def correction(self, text_hash: str) -> Correction | None:
        row = self.db.execute(
            "SELECT title, date, speaker, issuer FROM corrections WHERE text_hash = ?", [text_hash]
        ).fetchone()
        return None if row is None else Correction(*row)

    @_locked
    def put_speech(
        self,
        speech: Speech,
        drafts: Sequence[PassageDraft],
        *,
        source_id: int,
        ordinal: int | None = None,
        replace: int | None = None,
    ) -> AddOutcome:
        """Store a speech of a source as new, or as the new version of stored speech `replace` (its id
        is kept). A stored correction for its text is applied. Unchanged content writes only its place."""
        normalised = identity.speech_text((d.section, d.text) for d in drafts)
        text_digest = identity.text_hash(normalised)
        fixed = self.correction(text_digest)
        if fixed is None and replace is not None:  # a corrected speech's new version keeps the correction
            row = self.db.execute("SELECT text_hash FROM speeches WHERE id = ?", [replace]).fetchone()
            fixed = self.correction(row[0]) if row else None
            if fixed is not None:
                with self._writing() as conn:
                    conn.execute(
                        "INSERT OR REPLACE INTO corrections (text_hash, title, date, speaker, issuer, updated_at) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        [text_digest, fixed.title, fixed.date, fixed.speaker, fixed.issuer, _now()],
                    )
        if fixed is not None and fixed.issuer is not None:  # the head names the corrected issuer, as cited
            drafts = _with_issuer(drafts, fixed.issuer)
        # a correction of "" clears the value (the speaker or date read from the file was wrong)
        title = fixed.title if fixed and fixed.title else speech.shown_title
        date = (fixed.date or None) if fixed and fixed.date is not None else speech.date
        speaker = (fixed.speaker or None) if fixed and fixed.speaker is not None else speech.speaker
        digest = _speech_digest(title, speech.subtitle, date, speaker, [(d.text, d.section) for d in drafts])
        place = speech.ordinal if ordinal is None else ordinal
        sections = len({d.section for d in drafts if d.section})
        # shown, not compared: not in the digest
        issuer = (fixed.issuer or None) if fixed and fixed.issuer is not None else speech.shown_issuer
        with self._writing() as conn:
            if replace is not None:
                old = conn.execute("SELECT content_hash FROM speeches WHERE id = ?", [replace]).fetchone()
                conn.execute(
                    "UPDATE speeches SET source_id = ?, source = ?, ordinal = ?, label = ?, issuer = ? WHERE id = ?",
                    [source_id, speech.source, place, speech.label, issuer, replace],
                )
                # unchanged only when its passages are all there (a recovered database may have lost them)
                held = conn.execute("SELECT COUNT(*) FROM passages WHERE speech_id = ?", [replace]).fetchone()
                if old is not None and old[0] == digest and held[0] == len(drafts):
                    return AddOutcome(
                        replace, title, "unchanged", len(drafts), date, speaker, sections, issuer=issuer
                    )
                conn.execute("DELETE FROM passages WHERE speech_id = ?", [replace])
                conn.execute(
                    "UPDATE speeches SET title = ?, subtitle = ?, date = ?, speaker = ?, content_hash = ?, "
                    "text_hash = ?, text_chars = ?, added_at = ? WHERE id = ?",
                    [
                        title,
                        speech.subtitle,
                        date,
                        speaker,
                        digest,
                        text_digest,
                        len(normalised),
                        _now(),
                        replace,
                    ],
                )
                speech_id, status = replace, "updated"
            else:
                cursor = conn.execute(
                    "INSERT INTO speeches (source_id, source, ordinal, title, subtitle, date, speaker, label, "
                    "content_hash, text_hash, text_chars, added_at, issuer) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        source_id,
                        speech.source,
                        place,
                        title,
                        speech.subtitle,
                        date,
                        speaker,
                        speech.label,
                        digest,
                        text_digest,
                        len(normalised),
                        _now(),
                        issuer,
                    ],
                )
                speech_id, status = int(cursor.lastrowid or 0), "added"
            conn.executemany(
                "INSERT INTO passages (speech_id, position, paragraph, part, section, text, content_hash) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (speech_id, position, d.paragraph, d.part, d.section, d.text, content_hash(d.text))
                    for position, d in enumerate(drafts)
                ],
            )
            self._bump_revision()
        return AddOutcome(speech_id, title, status, len(drafts), date, speaker, sections, issuer=issuer)

    @_locked
    def save_speech(self, speech: Speech, drafts: Sequence[PassageDraft]) -> AddOutcome:
        """Insert a speech, or replace the one at the same place (source named `speech.source`, same
        ordinal) if its content changed. The lower-level path `Library` builds on: see put_speech."""
        with self._writing() as conn:
            source = self.source_by_path(speech.source)
            source_id = source.id if source else self.save_source(speech.source, speech.source, None, None)
            existing = conn.execute(
                "SELECT id FROM speeches WHERE source_id = ? AND ordinal = ?", [source_id, speech.ordinal]
            ).fetchone()
            return self.put_speech(
                speech, drafts, source_id=source_id, replace=existing[0] if existing else None
            )

    @_locked
    def remove_speech(self, speech_id: int, *, forget_file: bool = True) -> SpeechRecord | None:
        """Delete a speech and its passages. Its source's digest is forgotten (`forget_file`), so adding
        the unchanged file again reads it and brings the speech back."""
        speech = self.speech(speech_id)
        if speech is None:
            return None
        with self._writing() as conn:
            if forget_file:
                conn.execute(
                    "UPDATE sources SET digest = NULL, size = NULL "
                    "WHERE id = (SELECT source_id FROM speeches WHERE id = ?) AND path != name",
                    [speech_id],
                )
            conn.execute("DELETE FROM passages WHERE speech_id = ?", [speech_id])
            conn.execute("DELETE FROM speeches WHERE id = ?", [speech_id])
            # its near-copy findings stay: they say which stored speech is another version of the one removed
            # (`other_version`: an old answer's 出处 under the version deleted); listed only while both are stored
            self._bump_revision()
        return speech

    # -- near copies (index.identity.kinship) -------------------------------------------------------------
    @_locked
    def record_near_copy(
        self,
        speech_id: int,
        other_id: int,
        similarity: float,
        why: identity.KinshipBy,
        *,
        older: bool = False,
        by_date: bool = True,
    ) -> None:
        """Inside the transaction storing `speech_id`: it stands beside another version of itself, not yet said;
        `older` it is most likely the earlier one, told by the dates (`by_date`) or by the files' 修改稿 marks."""
        with self._writing() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO near_copies "
                "(speech_id, other_id, similarity, why, older, by_date, shown, found_at) "
                "VALUES (?, ?, ?, ?, ?, ?, 0, ?)",
                [speech_id, other_id, similarity, why, int(older), int(by_date), _now()],
            )

    @_locked
    def near_copies(self, *, unshown: bool = False, kept: bool = False) -> list[NearCopy]:
        """Every stored speech kept beside another version of itself (both still stored), by speech id, but
        those an office chose to keep both of (`keep_both`); `unshown`: only those no front end has said yet;
        `kept`: the ones kept on purpose too."""
        if "near_copies" not in self.db.table_names():  # a read-only older library, not migrated
            return []
        conditions = (["n.shown = 0"] if unshown else []) + ([] if kept else ["n.kept_at IS NULL"])
        rows = self.db.execute(
            "SELECT n.speech_id, n.other_id, n.similarity, n.why, n.shown, n.older, n.kept_at, n.by_date "
            "FROM near_copies n "
            "JOIN speeches a ON a.id = n.speech_id JOIN speeches b ON b.id = n.other_id "
            + (f"WHERE {' AND '.join(conditions)} " if conditions else "")
            + "ORDER BY n.speech_id"
        ).fetchall()
        return [
            NearCopy(
                row[0], row[1], row[2], _kinship_by(row[3]), bool(row[4]), bool(row[5]), row[6], bool(row[7])
            )
            for row in rows
        ]

    @_locked
    def keep_both(self, first: int, second: int) -> NearCopy | None:
        """An office keeps both of two speeches found to be versions of each other (in either order): their
        warning is not said again (`near_copies`). The finding kept, or None when there is none between them
        (nothing changed)."""
        with self._writing() as conn:
            changed = conn.execute(
                "UPDATE near_copies SET kept_at = COALESCE(kept_at, ?), shown = 1 "
                "WHERE ((speech_id = ? AND other_id = ?) OR (speech_id = ? AND other_id = ?)) AND kept_at IS NULL",
                [_now(), first, second, second, first],
            ).rowcount
            if changed:  # a running search's 「有更正版」 reads the pairs again (metadata_stamp)
                self._bump_edits()
        found = [n for n in self.near_copies(kept=True) if {n.speech_id, n.other_id} == {first, second}]
        return found[0] if found else None

    @_locked
    def near_copies_shown(self, speech_ids: Iterable[int]) -> None:
        """A front end has said these speeches' near-copy findings: the next `add` need not say them again."""
        ids = list(speech_ids)
        if ids:
            with self._writing() as conn:
                conn.executemany("UPDATE near_copies SET shown = 1 WHERE speech_id = ?", [(i,) for i in ids])

    @_locked
    def passage_texts(self) -> dict[int, list[str]]:
        """Every speech's passage texts in order, by speech id (what identity.template_sentences counts)."""
        found: dict[int, list[str]] = {}
        for speech_id, text in self.db.execute(
            "SELECT speech_id, text FROM passages ORDER BY speech_id, position"
        ):
            found.setdefault(speech_id, []).append(text)
        return found

    @_locked
    def edit_speech(
        self,
        speech_id: int,
        *,
        title: str | None = None,
        date: str | None = None,
        speaker: str | None = None,
        issuer: str | None = None,
    ) -> SpeechRecord | None:
        """Correct a speech's metadata, and remember the correction by its text: re-adding the file
        keeps it. A date, speaker or issuer (joint issuers joined by 「、」, as corpus.Speech.shown_issuer) of ""
        clears it (unknown). None leaves a value as it is. A notice's 「文件信息」 passage names the corrected
        issuer (its 「发文机关：…。」 sentence; a pin on it follows), in the same transaction; the passages are
        otherwise untouched. A new title makes the index stale (the lexical index reads it); date, speaker
        and issuer do not (answers and filters read them from the store, and the 「文件信息」 passage is in
        neither index: it is found through its document)."""
        row = self.db.execute("SELECT text_hash FROM speeches WHERE id = ?", [speech_id]).fetchone()
        if row is None:
            return None
        fixed = self.correction(row[0]) or Correction(None, None, None)
        merged = Correction(
            title or fixed.title,
            date if date is not None else fixed.date,
            speaker if speaker is not None else fixed.speaker,
            issuer if issuer is not None else fixed.issuer,
        )
        with self._writing() as conn:
            conn.execute(
                "INSERT INTO corrections (text_hash, title, date, speaker, issuer, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (text_hash) DO UPDATE SET title = excluded.title, date = excluded.date, "
                "speaker = excluded.speaker, issuer = excluded.issuer, updated_at = excluded.updated_at",
                [row[0], merged.title, merged.date, merged.speaker, merged.issuer, _now()],
            )
            for column, value in (("title", title), ("date", date), ("speaker", speaker), ("issuer", issuer)):
                if value is not None and (value or column != "title"):
                    conn.execute(f"UPDATE speeches SET {column} = ? WHERE id = ?", [value or None, speech_id])
            if issuer is not None:
                self._correct_head(conn, speech_id, issuer)
            # the stored digest is what adding the file again compares with: it must hold the corrected
            # metadata, or the next reading of an unchanged file would rewrite the speech under new
            # passage ids (and report it as updated)
            _store_digest(conn, speech_id)
            if title:  # the lexical index reads the title with each passage: it must be rebuilt
                self._bump_revision()
            self._bump_edits()
        return self.speech(speech_id)

    @_locked
    def rename_speaker(self, old: str, new: str) -> list[SpeechRecord]:
        """Every speech whose speaker names `old` (white space aside, traditional or simplified script; inside a
        longer value too — 「沈伟、王建国」, 「沈伟同志」) now names `new` there, each kept as a correction (as
        `edit_speech(speaker=…)`: it survives `rebuild` and adding the file again), all in one transaction.
        The speeches changed, before the change (none: no speech names `old`). No index changes: the front
        ends read speakers from the store (`metadata_stamp`)."""
        wanted = speaker_key(old)
        if not wanted:
            return []
        changed: list[tuple[SpeechRecord, str]] = []
        for record in self.speeches():
            compact = "".join((record.speaker or "").split())
            if wanted in speaker_key(compact):
                at = speaker_key(compact).index(wanted)  # to_simplified keeps lengths: the same place
                renamed = compact[:at] + "".join(new.split()) + compact[at + len(wanted) :]
                if renamed != compact or compact != record.speaker:
                    changed.append((record, renamed))
        with self.transaction():
            for record, renamed in changed:
                self.edit_speech(record.id, speaker=renamed)
        return [record for record, _ in changed]

    @_locked
    def holds_nothing(self) -> bool:
        """Whether nothing anyone put here is stored: no speech, question, feedback, pin, correction or synonym
        (a data home made just now; the embedding cache alone is derived). `restore` has nothing to set aside."""
        tables = ("speeches", "sources", "queries", "feedback", "pins", "corrections", "user_synonyms")
        return not any(self.db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() for table in tables)

    @_locked
    def metadata_stamp(self) -> tuple[int, int]:
        """What changes whenever a speech's title, date, speaker or issuer does, or which near copies stand: the
        revision (adding, removing, a new title) and the corrections (`edit`, `rename_speaker`, `keep_both`,
        which leave the revision)."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'edits'").fetchone()
        return (self.revision, int(row[0]) if row else 0)

    @staticmethod
    def _correct_head(conn: sqlite3.Connection, speech_id: int, issuer: str) -> None:
        """Inside a transaction: the speech's 「文件信息」 passage names `issuer` ("" : none), and a pin on it
        follows its new text."""
        rows = conn.execute(
            "SELECT id, text, content_hash FROM passages WHERE speech_id = ? AND section = ?",
            [speech_id, HEAD_SECTION],
        ).fetchall()
        for passage_id, text, old_hash in rows:
            new = with_head_issuer(text, issuer or None)
            if new == text:
                continue
            new_hash = content_hash(new)
            conn.execute(
                "UPDATE passages SET text = ?, content_hash = ? WHERE id = ?", [new, new_hash, passage_id]
            )
            conn.execute(
                "UPDATE pins SET passage_hash = ?, passage_text = ? WHERE passage_id = ? AND passage_hash = ?",
                [new_hash, new, passage_id, old_hash],
            )

    @_locked
    def speeches(self) -> list[SpeechRecord]:
        rows = self.db.execute(
            "SELECT s.id, s.title, s.subtitle, s.date, s.speaker, s.source, s.label, "
            "(SELECT COUNT(*) FROM passages p WHERE p.speech_id = s.id), src.path, s.issuer "
            "FROM speeches s LEFT JOIN sources src ON src.id = s.source_id ORDER BY s.id"
        ).fetchall()
        return [SpeechRecord(*row) for row in rows]

    @_locked
    def headings(self) -> dict[int, list[str]]:
        """Each speech's distinct section headings (the `section` of its passages), by speech id."""
        found: dict[int, list[str]] = {}
        rows = self.db.execute(
            "SELECT DISTINCT speech_id, section FROM passages WHERE section IS NOT NULL AND section != '' "
            "ORDER BY speech_id"
        ).fetchall()
        for speech_id, section in rows:
            found.setdefault(speech_id, []).append(section)
        return found

    @_locked
    def texts_in_section(self, section: str, speech_ids: Iterable[int] | None = None) -> list[str]:
        """The text of every passage under this section heading (「文件信息」: the heads), in every speech or
        in these speeches only."""
        rows = self.db.execute(
            "SELECT speech_id, text FROM passages WHERE section = ? ORDER BY id", [section]
        )
        wanted = None if speech_ids is None else set(speech_ids)
        return [text for speech_id, text in rows.fetchall() if wanted is None or speech_id in wanted]

    @_locked
    def passages_in_section(self, section: str) -> dict[int, int]:
        """The passage under this section heading of each speech that has one, by speech id (「文件信息」:
        each official document's head); the first when a speech has several."""
        rows = self.db.execute(
            "SELECT speech_id, id FROM passages WHERE section = ? ORDER BY position DESC", [section]
        ).fetchall()
        return dict(rows)

    def speech(self, speech_id: int) -> SpeechRecord | None:
        return next((s for s in self.speeches() if s.id == speech_id), None)

    _PASSAGE_SQL = (
        "SELECT p.id, p.speech_id, p.position, p.section, p.text, p.content_hash, "
        "s.title, s.date, s.speaker, s.issuer FROM passages p JOIN speeches s ON s.id = p.speech_id "
    )

    @_locked
    def passages(self, speech_id: int | None = None) -> list[PassageRecord]:
        if speech_id is None:
            rows = self.db.execute(self._PASSAGE_SQL + "ORDER BY p.id").fetchall()
        else:
            rows = self.db.execute(
                self._PASSAGE_SQL + "WHERE p.speech_id = ? ORDER BY p.position", [speech_id]
            ).fetchall()
        return [PassageRecord(*row) for row in rows]

    @_locked
    def passages_by_id(self, ids: Iterable[int]) -> dict[int, PassageRecord]:
        wanted = list(ids)
        found: dict[int, PassageRecord] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(self._PASSAGE_SQL + f"WHERE p.id IN ({marks})", chunk).fetchall():
                found[row[0]] = PassageRecord(*row)
        return found

    @_locked
    def neighbours(self, passage_id: int, before: int = 1, after: int = 1) -> list[PassageRecord]:
        """The passage with the ones around it in its speech, in reading order."""
        row = self.db.execute(
            "SELECT speech_id, position FROM passages WHERE id = ?", [passage_id]
        ).fetchone()
        if row is None:
            return []
        rows = self.db.execute(
            self._PASSAGE_SQL + "WHERE p.speech_id = ? AND p.position BETWEEN ? AND ? ORDER BY p.position",
            [row[0], row[1] - before, row[1] + after],
        ).fetchall()
        return [PassageRecord(*r) for r in rows]

    @_locked
    def follow_passage(self, passage_id: int) -> PassageTrace:
        """Where the passage a button was made for is now. Adding an edited file again renumbers its speech's
        passages, removing a speech deletes them: a passage deleted since is followed by its text, as a pin
        is — a passage holding the same text in the same speech (the nearest to its old place), else in the
        speech holding the same text now (removed and added again), else anywhere. With none, the trace says
        whether its speech is still there, or back (`follow_speech`), or kept in another version
        (`other_version`): "changed", the passage's text was corrected; else "gone"."""
        live = self.passages_by_id([passage_id]).get(passage_id)
        if live is not None:
            return PassageTrace(live, "same")
        retired = self.db.execute(
            "SELECT speech_id, position, content_hash, speech_text_hash, text FROM retired_passages WHERE id = ?",
            [passage_id],
        ).fetchone()
        if (
            retired is None
        ):  # no passage ever had that id (data this bot did not make), or its record was pruned
            return PassageTrace(None, "gone")
        speech_id, position, digest, text_hash, old_text = retired
        same = self.follow_speech(speech_id)
        kept = self._version_kept(speech_id) if same is None else None
        version = kept.speech if kept is not None else None
        row = self.db.execute(
            "SELECT p.id FROM passages p JOIN speeches s ON s.id = p.speech_id WHERE p.content_hash = ? "
            "ORDER BY p.speech_id != ?, s.text_hash IS NOT ? OR s.text_hash IS NULL, p.speech_id != ?, "
            "ABS(p.position - ?), p.id LIMIT 1",
            [digest, speech_id, text_hash, version.id if version is not None else None, position],
        ).fetchone()
        if row is not None:
            found = self.passages_by_id([row[0]])[row[0]]
            in_version = kept is not None and found.speech_id in kept.family
            return PassageTrace(found, "moved", speech_id, in_version=in_version)
        now = same or version
        holding = self._passage_holding(old_text, now.id, position) if old_text and now is not None else None
        if holding is not None:
            return PassageTrace(holding, "moved", speech_id, in_version=now is version)
        if same is not None or (kept is not None and kept.later):  # its speech now, or its later version
            return PassageTrace(None, "changed", speech_id, now)
        # deleted; the version kept is an earlier one (its 修改稿 removed, the original kept), which never held the
        # text: not "changed" — the text was not corrected there
        return PassageTrace(None, "gone", speech_id, version, in_version=version is not None)

    def _passage_holding(self, text: str, speech_id: int, position: int) -> PassageRecord | None:
        """The passage of speech `speech_id` holding all of `text` (compared as `identity.normalise` reads
        them: punctuation and spaces aside), the shortest, then the nearest to `position`; None if none does.
        A file read again by a newer reader keeps its words but may cut them otherwise: a heading put before
        its paragraph, two short paragraphs merged, 「:」 read as 「：」. A passage split in two holds the text in
        neither: that one is not found (its text is said to have changed)."""
        wanted = identity.normalise(text)
        if len(wanted) < HOLDING_MIN_CHARS:
            return None
        found = [
            (len(normalised), abs(p.position - position), p.id, p)
            for p in self.passages(speech_id)
            if p.section != HEAD_SECTION and wanted in (normalised := identity.normalise(p.text))
        ]
        return min(found)[3] if found else None

    @_locked
    def follow_speech(self, speech_id: int) -> SpeechRecord | None:
        """The speech a button was made for (出处, 只看这篇讲话), or the one holding its text now when it was
        removed and added again (a new id); None when its text is no longer in the library. Its text is the one
        its passages held last (the latest retired: an edited version added in place before it was removed)."""
        speech = self.speech(speech_id)
        if speech is not None:
            return speech
        row = self.db.execute(
            "SELECT s.id FROM speeches s WHERE s.text_hash = (SELECT speech_text_hash FROM retired_passages "
            "WHERE speech_id = ? AND speech_text_hash IS NOT NULL ORDER BY id DESC LIMIT 1) "
            "ORDER BY s.id DESC LIMIT 1",
            [speech_id],
        ).fetchone()
        return self.speech(row[0]) if row is not None else None

    @_locked
    def other_version(self, speech_id: int) -> SpeechRecord | None:
        """The stored speech that is another version of a removed one: a 修改稿 added beside it, found to be a
        version of it (`record_near_copy`), then the old one deleted (`remove`, the bot's 🗑 删除旧版), or the
        other way round; a version removed in turn and added back counts under its new id. Of several, the one
        recorded as later than it (by the near-copy findings' dates or 修改稿 marks, through the versions between)
        and the latest of those, then the most similar, then the newest. None while the speech is stored, or when
        no version of it is."""
        kept = self._version_kept(speech_id)
        return kept.speech if kept is not None else None

    def _version_kept(self, speech_id: int) -> _VersionKept | None:
        """`other_version`, whether it is recorded as a later version of the speech (not an earlier one), and every
        stored speech that is a version of it."""
        if self.speech(speech_id) is not None:
            return None
        rows = self.db.execute("SELECT speech_id, other_id, similarity, older FROM near_copies").fetchall()
        later_of: dict[int, set[int]] = {}  # a speech -> the versions recorded as later than it
        linked: dict[int, set[int]] = {}
        similarity: dict[int, float] = {}  # to the removed speech, where a finding links them directly
        for new, old, alike, older in rows:
            earlier, later = (new, old) if older else (old, new)
            later_of.setdefault(earlier, set()).add(later)
            linked.setdefault(new, set()).add(old)
            linked.setdefault(old, set()).add(new)
            if speech_id in (new, old):
                similarity[old if new == speech_id else new] = alike

        def reach(start: int, edges: dict[int, set[int]]) -> set[int]:
            seen, wanted = {start}, [start]
            while wanted:
                for other in edges.get(wanted.pop(), ()):
                    if other not in seen:
                        seen.add(other)
                        wanted.append(other)
            return seen - {start}

        family = reach(speech_id, linked)
        if not family:
            return None
        later = reach(speech_id, later_of)
        # a version's id -> the speech holding it now (itself, or its text added back under a new id)
        stored: dict[int, SpeechRecord] = {}
        for version in family:
            if (found := self.follow_speech(version)) is not None and found.id != speech_id:
                stored[version] = found
        if not stored:
            return None

        def latest(version: int) -> bool:  # no other stored version is recorded as later than it
            return not (reach(version, later_of) & (stored.keys() - {version}))

        best = max(
            stored,
            key=lambda v: (v in later, latest(v), similarity.get(v, 0.0), stored[v].id),
        )
        return _VersionKept(stored[best], best in later, frozenset(s.id for s in stored.values()))

    @_locked
    def searchable_passage_ids(self) -> np.ndarray:
        """The ids of every passage an index holds (all but the 「文件信息」 ones), ascending: what `health`
        compares with the index files, without reading the texts."""
        rows = self.db.execute(
            "SELECT id FROM passages WHERE section IS NOT ? ORDER BY id", [HEAD_SECTION]
        ).fetchall()
        return np.asarray([row[0] for row in rows], dtype=np.int64)

    @_locked
    def last_issued(self, table: str) -> int:
        """The highest id ever given to a speech (`table` "speeches") or a passage ("passages"), removed ones
        included (ids are never reused): an id above it was never given; 0 when none was."""
        if table not in ("speeches", "passages"):
            raise ValueError(f"no ids are issued for {table!r}")
        row = self.db.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", [table]).fetchone()
        return int(row[0]) if row is not None else 0

    @_locked
    def passage_ids_of(self, speech_ids: Iterable[int]) -> np.ndarray:
        """The ids of every passage of the given speeches, ascending (what a search filter allows)."""
        wanted = list(dict.fromkeys(speech_ids))
        found: list[int] = []
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found += [
                row[0]
                for row in self.db.execute(f"SELECT id FROM passages WHERE speech_id IN ({marks})", chunk)
            ]
        return np.asarray(sorted(found), dtype=np.int64)

    # -- pinned answers -----------------------------------------------------------------------------
    @_locked
    def pin(
        self, question: str, passage_id: int, *, pinned_by: str | None = None, pinner_name: str | None = None
    ) -> PinRecord | None:
        """Make a passage the agreed answer to a question; pinning the same question again replaces its
        pin. `pinned_by`: who pinned it (a user id, a name given on the command line); `pinner_name`: that
        person's name when `pinned_by` is an id. Returns None (and stores nothing) when there is no such
        passage."""
        passage = self.passages_by_id([passage_id]).get(passage_id)
        if passage is None:
            return None
        with self.db.conn:
            self.db.execute(
                "INSERT INTO pins (question, passage_id, speech_id, passage_hash, passage_text, speech_title, "
                "pinned_by, pinned_at, pinner_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (question) "
                "DO UPDATE SET passage_id = excluded.passage_id, speech_id = excluded.speech_id, "
                "passage_hash = excluded.passage_hash, passage_text = excluded.passage_text, "
                "speech_title = excluded.speech_title, pinned_by = excluded.pinned_by, "
                "pinned_at = excluded.pinned_at, pinner_name = excluded.pinner_name",
                [
                    question,
                    passage.id,
                    passage.speech_id,
                    passage.content_hash,
                    passage.text,
                    passage.speech_title,
                    pinned_by,
                    _now(),
                    pinner_name,
                ],
            )
        row = self.db.execute(f"{_PIN_SQL} WHERE question = ?", [question]).fetchone()
        return PinRecord(*row)

    @_locked
    def pins_signature(self) -> str:
        """Changes whenever a pin is added, replaced or removed (cheap: readers poll it)."""
        row = self.db.execute(
            "SELECT COUNT(*), COALESCE(MAX(id), 0), COALESCE(MAX(pinned_at), ''), COALESCE(SUM(passage_id), 0) "
            "FROM pins"
        ).fetchone()
        return "/".join(str(v) for v in row)

    @_locked
    def pin_of(self, question: str) -> PinRecord | None:
        """The pin set for exactly this question, if any (what `pin` would replace)."""
        row = self.db.execute(f"{_PIN_SQL} WHERE question = ?", [question]).fetchone()
        return PinRecord(*row) if row is not None else None

    @_locked
    def unpin(self, pin_id: int) -> PinRecord | None:
        """Remove a pin; returns it, or None when there is no pin with that id."""
        row = self.db.execute(f"{_PIN_SQL} WHERE id = ?", [pin_id]).fetchone()
        if row is None:
            return None
        with self.db.conn:
            self.db.execute("DELETE FROM pins WHERE id = ?", [pin_id])
        return PinRecord(*row)

    def pins_on(self, speech_id: int) -> list[PinState]:
        """The usable pins whose passage is in speech `speech_id` now: those removing it would break."""
        return [s for s in self.pins() if s.passage is not None and s.passage.speech_id == speech_id]

    @_locked
    def pins(self) -> list[PinState]:
        """Every pin, oldest first, with the passage it points to now.

        A pin follows its text: the passage it was pinned to if that still has the pinned text, else a
        passage with that text in the same speech (re-adding a speech renumbers its passages), else one
        anywhere in the library (the speech was removed and added again). With no passage holding the
        text, the pin is "changed" (its speech is still there) or "vanished" (its speech is gone).
        """
        states = []
        for row in self.db.execute(f"{_PIN_SQL} ORDER BY id").fetchall():
            pin = PinRecord(*row)
            current = self.passages_by_id([pin.passage_id]).get(pin.passage_id)
            if current is not None and current.content_hash == pin.passage_hash:
                states.append(PinState(pin, "ok", current))
                continue
            moved = self.db.execute(
                "SELECT p.id FROM passages p WHERE p.content_hash = ? "
                "ORDER BY p.speech_id != ?, p.id LIMIT 1",
                [pin.passage_hash, pin.speech_id],
            ).fetchone()
            if moved is not None:
                states.append(PinState(pin, "moved", self.passages_by_id([moved[0]])[moved[0]]))
            elif self.db.execute("SELECT 1 FROM speeches WHERE id = ?", [pin.speech_id]).fetchone():
                position = (
                    current.position if current is not None and current.speech_id == pin.speech_id else 0
                )
                holding = self._passage_holding(pin.passage_text, pin.speech_id, position)
                states.append(PinState(pin, "moved", holding) if holding else PinState(pin, "changed", None))
            else:
                states.append(PinState(pin, "vanished", None))
        return states

    @_locked
    def take_offer(self, pin_id: int, question: str, query_id: int | None = None) -> None:
        """Someone asked `question`, was offered pin `pin_id`'s standard question, and took it. Counted once
        per logged question `query_id` (a button pressed again is not another taker); on a read-only data
        home nothing is stored, as with `log_query`."""
        if self.read_only:
            return
        with self.db.conn:
            self.db.execute(
                "INSERT OR IGNORE INTO pin_offers_taken (pin_id, question, taken_at, query_id) VALUES (?, ?, ?, ?)",
                [pin_id, question, _now(), query_id],
            )

    @_locked
    def offers_taken(self, limit: int = 10) -> list[TakenOffer]:
        """The wordings whose askers took an offered standard question, most taken first: candidates for
        pinning as further wordings of that pin. Wordings pinned since, and offers of pins removed since,
        are left out."""
        rows = self.db.execute(
            "SELECT o.pin_id, p.question, o.question, COUNT(*), MAX(o.taken_at) FROM pin_offers_taken o "
            "JOIN pins p ON p.id = o.pin_id WHERE o.question NOT IN (SELECT question FROM pins) "
            "GROUP BY o.pin_id, o.question ORDER BY COUNT(*) DESC, MAX(o.taken_at) DESC, o.question LIMIT ?",
            [limit],
        ).fetchall()
        return [TakenOffer(*row) for row in rows]

    # -- embedding cache ----------------------------------------------------------------------------
    @_locked
    def cached_hashes(self, model: str, hashes: Sequence[str]) -> set[str]:
        """Which of these embedding keys have a vector of `model` in the cache (the vectors left unread)."""
        found: set[str] = set()
        unique = list(dict.fromkeys(hashes))
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                row[0]
                for row in self.db.execute(
                    f"SELECT content_hash FROM embeddings WHERE model = ? AND content_hash IN ({marks})",
                    [model, *chunk],
                )
            )
        return found

    @_locked
    def cached_vectors(self, model: str, hashes: Sequence[str], dim: int) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        unique = list(dict.fromkeys(hashes))
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for digest, blob in self.db.execute(
                f"SELECT content_hash, vector FROM embeddings WHERE model = ? AND content_hash IN ({marks})",
                [model, *chunk],
            ).fetchall():
                vector = np.frombuffer(blob, dtype=np.float32)
                if vector.shape[0] == dim:
                    found[digest] = vector
        return found

    @_locked
    def cache_vectors(self, model: str, items: Iterable[tuple[str, np.ndarray]]) -> None:
        with self._writing() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO embeddings (model, content_hash, vector) VALUES (?, ?, ?)",
                [(model, digest, np.asarray(v, dtype=np.float32).tobytes()) for digest, v in items],
            )

    # -- query log ----------------------------------------------------------------------------------
    @_locked
    def log_query(
        self,
        *,
        channel: str,
        query: str,
        answered: bool,
        top_ids: Sequence[int],
        latency_ms: float,
        user_id: str | None = None,
        chat_id: str | None = None,
    ) -> int:
        """Log a question; returns its id. On a read-only data home, or one whose disk is full, nothing
        is logged (said once in the log) and 0 is returned: the question is answered all the same."""
        if self.read_only:
            why = "the disk of data home %s is full" if self.disk_full else "read-only data home %s"
            self._skip_log(f"{why}: questions are not logged")
            return 0
        try:
            return int(
                self.db["queries"]
                .insert(
                    {
                        "ts": _now(),
                        "channel": channel,
                        "user_id": user_id,
                        "chat_id": chat_id,
                        "query": query,
                        "answered": int(answered),
                        "top_ids": json.dumps(list(top_ids)),
                        "latency_ms": round(latency_ms, 2),
                    }
                )
                .last_pk
            )
        except sqlite3.DatabaseError as e:
            if getattr(e, "sqlite_errorcode", 0) & 0xFF != sqlite3.SQLITE_FULL:
                raise
            if self.db.conn.in_transaction:
                self.db.conn.rollback()
            self._skip_log("the disk of data home %s is full: questions are not logged")
            return 0

    def _skip_log(self, message: str) -> None:
        if not self._skipped_log:
            log.warning(message, self.path.parent)
            self._skipped_log = True

    @_locked
    def query_by_id(self, query_id: int) -> LoggedQuery | None:
        """A logged question (the bot re-runs it when its "more results" button is pressed)."""
        row = self.db.execute(
            "SELECT id, ts, channel, user_id, chat_id, query, answered, top_ids, latency_ms "
            "FROM queries WHERE id = ?",
            [query_id],
        ).fetchone()
        if row is None:
            return None
        return LoggedQuery(
            id=row[0],
            ts=row[1],
            channel=row[2],
            user_id=row[3],
            chat_id=row[4],
            query=row[5],
            answered=bool(row[6]),
            top_ids=tuple(json.loads(row[7])),
            latency_ms=row[8],
        )

    # -- feedback and usage statistics --------------------------------------------------------------
    @_locked
    def record_feedback(
        self, *, query_id: int, value: int, user_id: str | None = None, chat_id: str | None = None
    ) -> bool:
        """Store a 👍 (1) or 👎 (-1) for a logged question; a user's later vote replaces the earlier one.

        Returns False when the question is not in the log (nothing is stored then).
        """
        if value not in (1, -1):
            raise ValueError(f"feedback value must be 1 or -1, not {value!r}")
        if self.db.execute("SELECT 1 FROM queries WHERE id = ?", [query_id]).fetchone() is None:
            return False
        with self.db.conn:
            self.db.execute(
                "INSERT INTO feedback (query_id, user_id, chat_id, value, ts) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (query_id, user_id) DO UPDATE SET "
                "value = excluded.value, chat_id = excluded.chat_id, ts = excluded.ts",
                [query_id, user_id, chat_id, value, _now()],
            )
        return True

    # -- user synonyms ------------------------------------------------------------------------------
    @_locked
    def add_synonym(self, word: str, synonym: str) -> bool:
        """Store a synonym pair (order does not matter); False when it was already there."""
        word, synonym = _synonym_word(word), _synonym_word(synonym)
        if word == synonym:
            raise InvalidSynonym(f"「{word}」和它自己不需要登记为同义词。")
        word, synonym = sorted((word, synonym))
        with self.db.conn:
            cursor = self.db.execute(
                "INSERT OR IGNORE INTO user_synonyms (word, synonym, added_at) VALUES (?, ?, ?)",
                [word, synonym, _now()],
            )
        return cursor.rowcount > 0

    @_locked
    def remove_synonym(self, word: str, synonym: str) -> bool:
        """Remove a user synonym pair; False when there was no such pair."""
        pair = sorted((_synonym_word(word), _synonym_word(synonym)))
        with self.db.conn:
            cursor = self.db.execute("DELETE FROM user_synonyms WHERE word = ? AND synonym = ?", pair)
        return cursor.rowcount > 0

    @_locked
    def record_chat_migration(self, old_chat_id: int, new_chat_id: int) -> None:
        """Remember that Telegram moved a group to a new id (a basic group upgraded to a supergroup)."""
        with self.db.conn:
            self.db.execute(
                "INSERT OR REPLACE INTO chat_migrations (old_chat_id, new_chat_id, migrated_at) VALUES (?, ?, ?)",
                [old_chat_id, new_chat_id, _now()],
            )

    @_locked
    def chat_migrations(self) -> dict[int, int]:
        """Every group move recorded: old chat id -> new chat id."""
        rows = self.db.execute("SELECT old_chat_id, new_chat_id FROM chat_migrations ORDER BY migrated_at")
        return {int(old): int(new) for old, new in rows}

    @_locked
    def record_update(self, bot_id: int, update_id: int, *, now: float | None = None) -> None:
        """Remember that a bot handled a Telegram update; forget those beyond the latest
        HANDLED_UPDATES_KEPT or older than HANDLED_UPDATES_DAYS."""
        now = time.time() if now is None else now
        with self._writing() as conn:
            cursor = conn.execute(
                "INSERT OR REPLACE INTO handled_updates (bot_id, update_id, handled_at) VALUES (?, ?, ?)",
                [bot_id, update_id, now],
            )
            conn.execute(
                "DELETE FROM handled_updates WHERE rowid <= ? OR handled_at < ?",
                [(cursor.lastrowid or 0) - HANDLED_UPDATES_KEPT, now - HANDLED_UPDATES_DAYS * 86400],
            )

    @_locked
    def handled_updates(self, *, now: float | None = None) -> list[tuple[int, int]]:
        """The (bot id, update id) of the updates handled lately (see `record_update`), oldest first."""
        now = time.time() if now is None else now
        rows = self.db.execute(
            "SELECT bot_id, update_id FROM handled_updates WHERE handled_at >= ? ORDER BY rowid",
            [now - HANDLED_UPDATES_DAYS * 86400],
        )
        return [(int(bot), int(update)) for bot, update in rows]

    @_locked
    def record_reply(
        self,
        bot_id: int,
        chat: str,
        message_id: int,
        reply_id: int,
        query_id: int | None = None,
        *,
        now: float | None = None,
    ) -> None:
        """Remember that a bot replied to a person's message (`message_id`, in `chat` as the query log writes
        chats) with its message `reply_id`, an answer to the logged question `query_id` (None: no answer);
        a later reply to the same message replaces it. Forget those beyond the latest BOT_REPLIES_KEPT or
        older than BOT_REPLIES_DAYS."""
        now = time.time() if now is None else now
        with self._writing() as conn:
            conn.execute(
                "DELETE FROM bot_replies WHERE bot_id = ? AND chat = ? AND message_id = ?",
                [bot_id, chat, message_id],
            )
            cursor = conn.execute(
                "INSERT INTO bot_replies (bot_id, chat, message_id, reply_id, query_id, replied_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [bot_id, chat, message_id, reply_id, query_id, now],
            )
            conn.execute(
                "DELETE FROM bot_replies WHERE rowid <= ? OR replied_at < ?",
                [(cursor.lastrowid or 0) - BOT_REPLIES_KEPT, now - BOT_REPLIES_DAYS * 86400],
            )

    @_locked
    def reply_to(self, bot_id: int, chat: str, message_id: int) -> int | None:
        """The id of the bot's message that replied to a person's message (see `record_reply`), or None."""
        row = self.db.execute(
            "SELECT reply_id FROM bot_replies WHERE bot_id = ? AND chat = ? AND message_id = ?",
            [bot_id, chat, message_id],
        ).fetchone()
        return None if row is None else int(row[0])

    @_locked
    def answered_by(self, bot_id: int, chat: str, reply_id: int) -> int | None:
        """The logged question the bot's message `reply_id` answers (see `record_reply`), or None."""
        row = self.db.execute(
            "SELECT query_id FROM bot_replies WHERE bot_id = ? AND chat = ? AND reply_id = ?"
            " AND query_id IS NOT NULL ORDER BY rowid DESC LIMIT 1",
            [bot_id, chat, reply_id],
        ).fetchone()
        return None if row is None else int(row[0])

    @_locked
    def record_page(
        self, bot_id: int, chat: str, thread: int, page: str, *, answer: bool, now: float | None = None
    ) -> None:
        """Remember the page a bot last showed in a chat and forum topic (`page`: its buttons, as JSON), and
        when it is an answer's (`answer`), as the last answer there; forget places idle for BOT_REPLIES_DAYS,
        and all but the BOT_REPLIES_KEPT latest."""
        now = time.time() if now is None else now
        with self._writing() as conn:
            conn.execute(
                "INSERT INTO bot_pages (bot_id, chat, thread, page, answer, shown_at) VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (bot_id, chat, thread) DO UPDATE SET page = excluded.page,"
                " answer = COALESCE(excluded.answer, answer), shown_at = excluded.shown_at",
                [bot_id, chat, thread, page, page if answer else None, now],
            )
            conn.execute(
                "DELETE FROM bot_pages WHERE shown_at < ? OR rowid IN"
                " (SELECT rowid FROM bot_pages ORDER BY shown_at DESC LIMIT -1 OFFSET ?)",
                [now - BOT_REPLIES_DAYS * 86400, BOT_REPLIES_KEPT],
            )

    @_locked
    def shown_pages(self, bot_id: int, chat: str, thread: int) -> ShownPages | None:
        """The page and the answer a bot last showed in a chat and forum topic (see `record_page`)."""
        row = self.db.execute(
            "SELECT page, answer FROM bot_pages WHERE bot_id = ? AND chat = ? AND thread = ?",
            [bot_id, chat, thread],
        ).fetchone()
        return None if row is None else ShownPages(str(row[0]), None if row[1] is None else str(row[1]))

    @_locked
    def begin_upload(
        self,
        bot_id: int,
        user_id: int,
        chat_id: int,
        status_message_id: int,
        name: str,
        file_ids: Sequence[str],
        *,
        photo: bool = False,
        note: str = "",
        now: float | None = None,
        sent_as: str | None = None,
    ) -> int:
        """Remember a file an admin sent the bot as being added (see `unfinished_uploads`): its id. `sent_as`: its
        name as sent when `name` is the one the bot gave it by the type Telegram gave (「通知二」 as 「通知二.pdf」)."""
        with self._writing() as conn:
            cursor = conn.execute(
                "INSERT INTO unfinished_uploads (bot_id, user_id, chat_id, status_message_id, name, file_ids,"
                " photo, note, started_at, sent_as) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    bot_id,
                    user_id,
                    chat_id,
                    status_message_id,
                    name,
                    json.dumps(list(file_ids)),
                    int(photo),
                    note,
                    time.time() if now is None else now,
                    sent_as,
                ],
            )
        return int(cursor.lastrowid or 0)

    # -- the webhook check (bot.watch), for `speechqa health` ------------------------------------------
    @_locked
    def record_webhook_check(self, check: WebhookCheck) -> None:
        """Keep the webhook's last check (one record, replaced at each check)."""
        with self._writing() as conn:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('webhook_check', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [json.dumps(dataclasses.asdict(check), ensure_ascii=False)],
            )

    @_locked
    def webhook_check(self) -> WebhookCheck | None:
        """The webhook's last check; None when the bot does not run with a watched webhook (polling, checks off)."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'webhook_check'").fetchone()
        if row is None:
            return None
        try:
            return WebhookCheck(**json.loads(row[0]))
        except (ValueError, TypeError):  # written by another version: as if none were kept
            return None

    @_locked
    def forget_webhook_check(self) -> None:
        """The bot runs without a watched webhook now: an earlier run's checks say nothing of it."""
        if self.db.execute("SELECT 1 FROM meta WHERE key = 'webhook_check'").fetchone() is None:
            return  # nothing to forget: no write (a read-only home's bot starts as before)
        with self._writing() as conn:
            conn.execute("DELETE FROM meta WHERE key = 'webhook_check'")

    @_locked
    def end_upload(self, upload_id: int) -> None:
        """The upload was reported (added, refused or failed): nothing to take up again after a restart."""
        with self._writing() as conn:
            conn.execute("DELETE FROM unfinished_uploads WHERE id = ?", [upload_id])

    @_locked
    def unfinished_uploads(self, bot_id: int) -> list[UnfinishedUpload]:
        """A bot's uploads begun and never reported (it stopped meanwhile), oldest first."""
        rows = self.db.execute(
            "SELECT id, bot_id, user_id, chat_id, status_message_id, name, file_ids, photo, note, started_at,"
            " sent_as FROM unfinished_uploads WHERE bot_id = ? ORDER BY id",
            [bot_id],
        )
        return [
            UnfinishedUpload(
                int(i),
                int(bot),
                int(user),
                int(chat),
                int(status),
                str(name),
                tuple(json.loads(ids)),
                bool(photo),
                str(note),
                float(started),
                None if sent_as is None else str(sent_as),
            )
            for i, bot, user, chat, status, name, ids, photo, note, started, sent_as in rows
        ]

    @_locked
    def user_synonyms(self) -> list[tuple[str, str]]:
        return [
            (str(a), str(b))
            for a, b in self.db.execute("SELECT word, synonym FROM user_synonyms ORDER BY word, synonym")
        ]

    def query_stats(
        self, *, top: int = 5, pinned_since: Callable[[Sequence[str]], Sequence[bool]] | None = None
    ) -> QueryStats:
        """Totals over the whole query log (as the questions were answered when asked), and the questions
        most often left unanswered that no pin answers since: not a pinned question itself, not one whose
        asker took the standard question offered, and — with `pinned_since(questions)`, the decision a
        search makes today for each — not one a pin's matcher now serves. Only the first `top + PIN_CHECKS`
        such questions are put to `pinned_since` (each may cost an embedding), so /stats stays quick however
        long the log."""
        stats = self._query_stats(top if pinned_since is None else top + PIN_CHECKS)
        if pinned_since is None or not stats.top_unanswered:
            return stats
        served = pinned_since([q for q, _ in stats.top_unanswered])  # outside the lock: it reads the store
        kept = [row for row, pinned in zip(stats.top_unanswered, served, strict=True) if not pinned]
        return replace(stats, top_unanswered=tuple(kept[:top]))

    @_locked
    def logged_before(self, day: str) -> int:
        """How many questions were logged before `day` (`YYYY-MM-DD`): what `prune_log(day)` would delete."""
        return int(self.db.execute("SELECT COUNT(*) FROM queries WHERE ts < ?", [day]).fetchone()[0])

    @_locked
    def prune_log(self, before: str) -> PrunedLog:
        """Delete the questions logged before `before` (an ISO date, `YYYY-MM-DD`: the day the log is kept
        from) with their 👍/👎, and the record of passages retired before it (what buttons under answers that
        old would follow); then give the space back to the file system. The statistics count what is left.
        A month of a busy office's questions is a few hundred kilobytes: this is for a log years long, or one
        an office does not want to keep (who asked what)."""
        self.require_writable()
        size = self.path.stat().st_size
        with self._writing() as conn:
            votes = conn.execute(
                "SELECT COUNT(*) FROM feedback WHERE query_id IN (SELECT id FROM queries WHERE ts < ?)",
                [before],
            ).fetchone()[0]
            questions = conn.execute("DELETE FROM queries WHERE ts < ?", [before]).rowcount
            conn.execute("DELETE FROM feedback WHERE query_id NOT IN (SELECT id FROM queries)")
            retired = conn.execute("DELETE FROM retired_passages WHERE retired_at < ?", [before]).rowcount
            conn.execute(  # which message answered which question: gone with the questions
                "DELETE FROM bot_replies WHERE replied_at < CAST(strftime('%s', ?) AS REAL) OR (query_id IS NOT NULL"
                " AND query_id NOT IN (SELECT id FROM queries))",
                [before],
            )
            conn.execute("DELETE FROM bot_pages WHERE shown_at < CAST(strftime('%s', ?) AS REAL)", [before])
        if questions or retired:
            try:  # the file shrinks only when no other process reads it at that moment (the bot, idle, does not)
                self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                self.db.execute("VACUUM")
                self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the smaller file is the database's now
            except sqlite3.OperationalError as e:
                log.info("the log was pruned but the file not compacted: %s", e)
        return PrunedLog(questions, int(votes), retired, size, self.path.stat().st_size)

    @_locked
    def _query_stats(self, top: int) -> QueryStats:
        total, answered, latency = self.db.execute(
            "SELECT COUNT(*), COALESCE(SUM(answered), 0), COALESCE(AVG(latency_ms), 0) FROM queries"
        ).fetchone()
        channels = self.db.execute(
            "SELECT channel, COUNT(*) FROM queries GROUP BY channel ORDER BY COUNT(*) DESC, channel"
        ).fetchall()
        helpful, unhelpful = self.db.execute(
            "SELECT COALESCE(SUM(value = 1), 0), COALESCE(SUM(value = -1), 0) FROM feedback"
        ).fetchone()
        # a question answered since by a pin (its standard question, the pin's passage still stored), and one
        # whose asker took the standard question offered to it, got the pinned answer: not left unanswered
        unanswered = self.db.execute(
            "SELECT query, COUNT(*) AS n, MAX(id) AS last FROM queries WHERE answered = 0 "
            "AND query NOT IN (SELECT p.question FROM pins p JOIN passages x ON x.id = p.passage_id) "
            "AND id NOT IN (SELECT query_id FROM pin_offers_taken WHERE query_id IS NOT NULL) "
            "GROUP BY query ORDER BY n DESC, last DESC LIMIT ?",
            [top],
        ).fetchall()
        return QueryStats(
            questions=int(total),
            answered=int(answered),
            helpful=int(helpful),
            unhelpful=int(unhelpful),
            mean_latency_ms=float(latency),
            by_channel=tuple((str(c), int(n)) for c, n in channels),
            top_unanswered=tuple((str(q), int(n)) for q, n, _ in unanswered),
        )


PIN_CHECKS = 40  # unanswered questions beyond those listed that /stats may put to the pin matcher


@dataclass(frozen=True)
class Correction:
    """Metadata corrected with `speechqa edit` (None: not corrected)."""

    title: str | None
    date: str | None
    speaker: str | None
    issuer: str | None = None  # joint issuers joined by 「、」; "" cleared


@dataclass(frozen=True)
class PrunedLog:
    """What `Store.prune_log` deleted, and the database file's size before and after (bytes)."""

    questions: int
    votes: int
    retired_passages: int
    size_before: int
    size_after: int


class _VersionKept(NamedTuple):
    speech: SpeechRecord  # the version kept of a removed speech (`Store.other_version`)
    later: bool  # recorded as a later version of it (not an earlier one)
    family: frozenset[int]  # every stored speech that is a version of it


@dataclass(frozen=True)
class PassageTrace:
    """Where a passage id points now (`Store.follow_passage`): "same" (that passage), "moved" (the passage
    holding its text now, under another id), "changed" (no passage holds its text; its speech is still there,
    or was added back) or "gone" (neither)."""

    passage: PassageRecord | None
    state: str
    # the speech the passage was in when its id was given (None: "same", or no record of the id: never given,
    # or its record pruned with the log, `prune_log`), and that speech now ("changed": the one holding its text)
    speech_id: int | None = None
    speech: SpeechRecord | None = None
    # "moved" into another version of its speech, that speech deleted (`Store.other_version`): not added again;
    # "gone" with `speech` the version kept, an earlier one (the 修改稿 removed, the original kept) not holding it
    in_version: bool = False


@dataclass(frozen=True)
class LoggedQuery:
    """One row of the query log."""

    id: int
    ts: str
    channel: str  # "cli", "telegram", …
    user_id: str | None  # a pseudonym when the front end hashes user ids
    chat_id: str | None
    query: str
    answered: bool
    top_ids: tuple[int, ...]
    latency_ms: float


_PIN_SQL = (
    "SELECT id, question, passage_id, speech_id, passage_hash, passage_text, speech_title, pinned_by, "
    "pinned_at, pinner_name FROM pins"
)


@dataclass(frozen=True)
class ShownPages:
    """The buttons (Telegram's JSON) of the page a bot last showed in a chat and topic, and of its last answer
    there (None: no answer shown there)."""

    page: str
    answer: str | None


@dataclass(frozen=True)
class UnfinishedUpload:
    """A file an admin sent the bot, begun and not yet reported (see `Store.begin_upload`)."""

    id: int
    bot_id: int
    user_id: int
    chat_id: int
    status_message_id: int  # the bot's 「⏳ 正在读取…」 message, edited into the report
    name: str
    file_ids: tuple[str, ...]  # one file, or an album's photos in the order sent
    photo: bool  # sent as a photo (or an album): a refusal is followed by the tip to send the file
    note: str  # what follows the report (an album's)
    started_at: float
    sent_as: str | None = None  # its name as sent, when `name` is the bot's (the type Telegram gave)


@dataclass(frozen=True)
class WebhookCheck:
    """The last check of the bot's webhook with Telegram (bot.watch), kept for `speechqa health`: the webhook's
    `url`, how often it is checked (`every`, seconds), when the bot started watching, when it last checked
    (`checked_at`, None before the first check) and its `result` — "started" (no check yet), "ok",
    "token_refused" (401: the bot stopped), "delivery_error" (Telegram cannot deliver to the webhook; `detail` is
    its message), "taken_over" (the webhook is another's; `detail` its URL), "unanswered" (no answer; `detail`
    the HTTP status or the failure's kind) — and when a check last succeeded (`ok_at`). Times are Unix seconds."""

    url: str
    every: float
    started_at: float
    checked_at: float | None = None
    result: str = "started"
    detail: str = ""
    ok_at: float | None = None


@dataclass(frozen=True)
class TakenOffer:
    """A wording whose askers took the standard question they were offered (see `Store.offers_taken`)."""

    pin_id: int
    pinned_question: str
    question: str  # as asked
    times: int
    last_taken: str


@dataclass(frozen=True)
class PinRecord:
    """A pinned ("standard") answer as it was pinned."""

    id: int
    question: str
    passage_id: int  # the passage's id when it was pinned
    speech_id: int
    passage_hash: str  # content hash of the pinned text: how the pin finds its passage again
    passage_text: str
    speech_title: str
    pinned_by: str | None
    pinned_at: str  # ISO 8601 with the server's offset, as stored: 2026-12-02T11:38:12+0800
    pinner_name: str | None = None  # the Telegram name of whoever pinned it, when known

    @property
    def pinner(self) -> str:
        """Who pinned it, as people know them: their name when known, else what `pinned_by` holds (a user
        id, a name given on the command line), else 「未知」."""
        return self.pinner_name or self.pinned_by or "未知"

    @property
    def pinned_when(self) -> str:
        """When it was pinned, as people write it, in Beijing time whatever the server's clock (a container
        runs in UTC): 「2026-12-02 11:38」 for 2026-12-02T03:38:12+0000."""
        try:
            at = datetime.datetime.strptime(self.pinned_at, "%Y-%m-%dT%H:%M:%S%z")
        except ValueError:  # written without its offset: as stored
            return self.pinned_at[:16].replace("T", " ")
        return at.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")


@dataclass(frozen=True)
class PinState:
    """A pin and where its passage is now."""

    pin: PinRecord
    status: str  # "ok", "moved" (same text, new passage id), "changed" or "vanished"
    passage: PassageRecord | None  # the passage holding the pinned text now; None when changed/vanished

    @property
    def usable(self) -> bool:
        return self.passage is not None


@dataclass(frozen=True)
class QueryStats:
    """What `speechqa stats` and the bot's /stats show."""

    questions: int
    answered: int
    helpful: int  # 👍 votes
    unhelpful: int  # 👎 votes
    mean_latency_ms: float
    by_channel: tuple[tuple[str, int], ...]  # (channel, questions), most used first
    # (question, times asked), most frequent first; not those a pin answers now, nor those whose asker took
    # the standard question offered
    top_unanswered: tuple[tuple[str, int], ...]

    @property
    def answered_share(self) -> float:
        return self.answered / self.questions if self.questions else 0.0


def speaker_key(name: str) -> str:
    """A speaker's name as compared: white space out, simplified script (陳志明 is 陈志明; 「沈 伟」 is 沈伟)."""
    return to_simplified("".join(name.split()))


def _synonym_word(word: str) -> str:
    word = " ".join(word.split())
    if not word:
        raise InvalidSynonym("同义词不能为空。")
    if len(word) > SYNONYM_MAX_CHARS:
        raise InvalidSynonym(
            f"同义词太长（{len(word)} 字），请控制在 {SYNONYM_MAX_CHARS} 字以内：{word[:30]}"
        )
    return word


BEIJING = datetime.timezone(datetime.timedelta(hours=8), "北京时间")  # the users' time, for what is shown


def beijing_time(form: str) -> str:
    """Now in the users' time, as `strftime` writes it: the times a user reads in a file name or a line (a
    safety copy's name, the running bot's start), as pins and exports show theirs, whatever the server's zone."""
    return datetime.datetime.now(BEIJING).strftime(form)


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")
