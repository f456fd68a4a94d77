"""The SQLite store (through sqlite-utils): speeches, passages, the embedding cache, logs.

The schema is a list of named, append-only migrations applied when the database opens.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ParamSpec, TypeVar

import numpy as np
import sqlite_utils

from corpus import PassageDraft, Speech

from .errors import InvalidSynonym, StoreCorrupt
from .records import PassageRecord, SpeechRecord

P = ParamSpec("P")
R = TypeVar("R")


def _m001_initial(db: sqlite_utils.Database) -> None:
    db.executescript(
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
        """
    )


def _m002_query_log(db: sqlite_utils.Database) -> None:
    db.executescript(
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
        """
    )


def _m003_feedback(db: sqlite_utils.Database) -> None:
    # One vote per user and logged question: pressing 👍 then 👎 replaces the vote.
    db.executescript(
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
        """
    )


def _m_user_synonyms(db: sqlite_utils.Database) -> None:
    # Synonym pairs users add (`speechqa synonyms add`); the bundled lexicon is a data file, not here.
    db.executescript(
        """
        CREATE TABLE user_synonyms (
            word TEXT NOT NULL,
            synonym TEXT NOT NULL,
            added_at TEXT NOT NULL,
            PRIMARY KEY (word, synonym)
        );
        """
    )


MIGRATIONS: list[tuple[str, Callable[[sqlite_utils.Database], None]]] = [
    ("001_initial", _m001_initial),
    ("002_query_log", _m002_query_log),
    ("003_feedback", _m003_feedback),
    ("user_synonyms", _m_user_synonyms),
]
SYNONYM_MAX_CHARS = 20


def lexical_input(text: str, section: str | None) -> str:
    """What the lexical index sees of a passage: its section heading, then its text.

    The dense side embeds the text alone: measured on the dev set, prefixing the heading made
    passages under one heading look alike to the model (dense Recall@1 0.45 with it, 0.61 without).
    """
    return f"{section}\n{text}" if section else text


# SQLite's result codes for a damaged file (the low byte of an extended code).
_DAMAGED = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


def _damaged(path: Path, error: sqlite3.DatabaseError) -> StoreCorrupt:
    return StoreCorrupt(
        f"数据库文件已损坏或不是 SQLite 文件：{path}（{error}）。请移走该文件后重新运行 speechqa rebuild。"
    )


def _locked(method: Callable[P, R]) -> Callable[P, R]:
    """Run a Store method while holding the store's lock; damage found on the way raises StoreCorrupt."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        store = args[0]
        with store.lock:  # type: ignore[attr-defined]
            try:
                return method(*args, **kwargs)
            except sqlite3.DatabaseError as e:
                if (getattr(e, "sqlite_errorcode", 0) & 0xFF) not in _DAMAGED:
                    raise
                raise _damaged(store.path, e) from e  # type: ignore[attr-defined]

    return wrapper


def content_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class AddOutcome:
    """What storing one speech did."""

    speech_id: int
    title: str
    status: str  # "added", "updated" or "unchanged"
    passages: int


class Store:
    """All persistent state except the vector and lexical index files."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # One connection shared by the threads of a front end (the bot runs searches in a thread pool):
        # every use of it goes through this lock.
        self.lock = threading.RLock()
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
            self.db = sqlite_utils.Database(conn)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as e:
            raise _damaged(path, e) from e

    def close(self) -> None:
        self.db.conn.close()

    # -- schema -------------------------------------------------------------------------------------
    def _migrate(self) -> None:
        if "_migrations" not in self.db.table_names():
            self.db.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        done = {row["name"] for row in self.db["_migrations"].rows}
        for name, apply in MIGRATIONS:
            if name in done:
                continue
            with self.db.conn:
                apply(self.db)
                self.db["_migrations"].insert({"name": name, "applied_at": _now()})

    # -- speeches and passages ----------------------------------------------------------------------
    @property
    @_locked
    def revision(self) -> int:
        return int(self.db.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()[0])

    def _bump_revision(self) -> None:
        self.db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'")

    @_locked
    def save_speech(self, speech: Speech, drafts: Sequence[PassageDraft]) -> AddOutcome:
        """Insert a speech, or replace the one with the same source and ordinal if its text changed."""
        digest = content_hash(
            json.dumps(
                [
                    speech.title,
                    speech.subtitle,
                    speech.date,
                    speech.speaker,
                    [(d.text, d.section) for d in drafts],
                ],
                ensure_ascii=False,
            )
        )
        existing = self.db.execute(
            "SELECT id, content_hash FROM speeches WHERE source = ? AND ordinal = ?",
            [speech.source, speech.ordinal],
        ).fetchone()
        if existing and existing[1] == digest:
            return AddOutcome(existing[0], speech.title, "unchanged", len(drafts))
        row = {
            "source": speech.source,
            "ordinal": speech.ordinal,
            "title": speech.title,
            "subtitle": speech.subtitle,
            "date": speech.date,
            "speaker": speech.speaker,
            "label": speech.label,
            "content_hash": digest,
            "added_at": _now(),
        }
        with self.db.conn:
            if existing:
                speech_id = existing[0]
                self.db.execute("DELETE FROM passages WHERE speech_id = ?", [speech_id])
                self.db["speeches"].update(speech_id, row)
            else:
                speech_id = int(self.db["speeches"].insert(row).last_pk)
            self.db["passages"].insert_all(
                {
                    "speech_id": speech_id,
                    "position": position,
                    "paragraph": d.paragraph,
                    "part": d.part,
                    "section": d.section,
                    "text": d.text,
                    "content_hash": content_hash(d.text),
                }
                for position, d in enumerate(drafts)
            )
            self._bump_revision()
        return AddOutcome(speech_id, speech.title, "updated" if existing else "added", len(drafts))

    @_locked
    def remove_speech(self, speech_id: int) -> SpeechRecord | None:
        speech = self.speech(speech_id)
        if speech is None:
            return None
        with self.db.conn:
            self.db.execute("DELETE FROM passages WHERE speech_id = ?", [speech_id])
            self.db.execute("DELETE FROM speeches WHERE id = ?", [speech_id])
            self._bump_revision()
        return speech

    @_locked
    def speeches(self) -> list[SpeechRecord]:
        rows = self.db.execute(
            "SELECT s.id, s.title, s.subtitle, s.date, s.speaker, s.source, s.label, "
            "(SELECT COUNT(*) FROM passages p WHERE p.speech_id = s.id) FROM speeches s ORDER BY s.id"
        ).fetchall()
        return [SpeechRecord(*row) for row in rows]

    def speech(self, speech_id: int) -> SpeechRecord | None:
        return next((s for s in self.speeches() if s.id == speech_id), None)

    _PASSAGE_SQL = (
        "SELECT p.id, p.speech_id, p.position, p.section, p.text, p.content_hash, "
        "s.title, s.date, s.speaker FROM passages p JOIN speeches s ON s.id = p.speech_id "
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

    # -- embedding cache ----------------------------------------------------------------------------
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
        with self.db.conn:
            self.db.conn.executemany(
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
            raise InvalidSynonym(f"“{word}”和它自己不需要登记为同义词。")
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
    def user_synonyms(self) -> list[tuple[str, str]]:
        return [
            (str(a), str(b))
            for a, b in self.db.execute("SELECT word, synonym FROM user_synonyms ORDER BY word, synonym")
        ]

    @_locked
    def query_stats(self, *, top: int = 5) -> QueryStats:
        """Totals over the whole query log, and the questions most often left unanswered."""
        total, answered, latency = self.db.execute(
            "SELECT COUNT(*), COALESCE(SUM(answered), 0), COALESCE(AVG(latency_ms), 0) FROM queries"
        ).fetchone()
        channels = self.db.execute(
            "SELECT channel, COUNT(*) FROM queries GROUP BY channel ORDER BY COUNT(*) DESC, channel"
        ).fetchall()
        helpful, unhelpful = self.db.execute(
            "SELECT COALESCE(SUM(value = 1), 0), COALESCE(SUM(value = -1), 0) FROM feedback"
        ).fetchone()
        unanswered = self.db.execute(
            "SELECT query, COUNT(*) AS n, MAX(id) AS last FROM queries WHERE answered = 0 "
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


@dataclass(frozen=True)
class QueryStats:
    """What `speechqa stats` and the bot's /stats show."""

    questions: int
    answered: int
    helpful: int  # 👍 votes
    unhelpful: int  # 👎 votes
    mean_latency_ms: float
    by_channel: tuple[tuple[str, int], ...]  # (channel, questions), most used first
    top_unanswered: tuple[tuple[str, int], ...]  # (question, times asked), most frequent first

    @property
    def answered_share(self) -> float:
        return self.answered / self.questions if self.questions else 0.0


def _synonym_word(word: str) -> str:
    word = " ".join(word.split())
    if not word:
        raise InvalidSynonym("同义词不能为空。")
    if len(word) > SYNONYM_MAX_CHARS:
        raise InvalidSynonym(
            f"同义词太长（{len(word)} 字），请控制在 {SYNONYM_MAX_CHARS} 字以内：{word[:30]}"
        )
    return word


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")
