"""index.store: the SQLite store (migrations, speeches and passages, embedding cache, query log)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from corpus import HEAD_SECTION, Paragraph, Speech, chunk_speech
from index import AddOutcome, InvalidSynonym, PinRecord, Store, StoreCorrupt, lexical_input
from index.store import HANDLED_UPDATES_DAYS, HANDLED_UPDATES_KEPT, MIGRATIONS


def make_speech(
    paragraphs: list[str], *, source: str = "讲话.txt", ordinal: int = 1, title: str = "标题"
) -> Speech:
    return Speech(
        title=title,
        subtitle=None,
        date="2024-03-13",
        speaker="沈伟",
        source=source,
        ordinal=ordinal,
        label=None,
        paragraphs=tuple(Paragraph(text, "一、总体要求") for text in paragraphs),
    )


FIRST = make_speech(["第一段讲政治待遇。", "第二段讲生活待遇。", "第三段讲体检规定。", "第四段讲老年大学。"])


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store(tmp_path / "speechqa.db")
    yield store
    store.close()


def save(store: Store, speech: Speech) -> AddOutcome:
    return store.save_speech(speech, chunk_speech(speech))


# -- migrations ---------------------------------------------------------------------------------------


def test_migrations_are_named_and_recorded(store: Store) -> None:
    names = [name for name, _ in MIGRATIONS]
    assert len(names) == len(set(names))
    recorded = [row["name"] for row in store.db["_migrations"].rows]
    assert sorted(recorded) == sorted(names)
    assert {"speeches", "passages", "embeddings", "meta", "queries"} <= set(store.db.table_names())


def test_reopening_applies_no_migration_twice(tmp_path: Path) -> None:
    path = tmp_path / "speechqa.db"
    first = Store(path)
    save(first, FIRST)
    applied = {row["name"]: row["applied_at"] for row in first.db["_migrations"].rows}
    first.close()

    again = Store(path)
    assert {row["name"]: row["applied_at"] for row in again.db["_migrations"].rows} == applied
    assert [s.title for s in again.speeches()] == ["标题"]
    again.close()


def test_a_missing_migration_is_applied_on_open(tmp_path: Path) -> None:
    path = tmp_path / "speechqa.db"
    Store(path).close()
    with sqlite3.connect(path) as conn:  # an older database: made before the query log existed
        conn.execute("DROP TABLE queries")
        conn.execute("DELETE FROM _migrations WHERE name = '002_query_log'")
    conn.close()
    store = Store(path)
    assert "queries" in store.db.table_names()
    assert store.log_query(channel="cli", query="问题", answered=True, top_ids=[1], latency_ms=1.0) == 1
    store.close()


def test_a_migration_another_process_applied_meanwhile_is_skipped(tmp_path: Path) -> None:
    """Two processes upgrading one home at once (the bot restarting while `speechqa health` runs): the one
    that takes the write lock second finds the migration done and goes on, instead of failing on a table
    that exists (reported as a damaged database)."""
    path = tmp_path / "speechqa.db"
    Store(path).close()
    with sqlite3.connect(path) as conn:  # a home made before the handled-updates table
        conn.execute("DROP TABLE handled_updates")
        conn.execute("DELETE FROM _migrations WHERE name = '011_handled_updates'")
    conn.close()

    class Second(Store):
        def pending_migrations(self) -> list[str]:
            pending = super().pending_migrations()
            Store(path).close()  # the other process upgrades the home between this read and the lock
            return pending

    store = Second(path)
    assert "handled_updates" in store.db.table_names()
    store.record_update(1, 7)
    assert store.handled_updates() == [(1, 7)]
    assert [row["name"] for row in store.db["_migrations"].rows].count("011_handled_updates") == 1
    store.close()


# -- speeches and passages ----------------------------------------------------------------------------


def test_a_new_speech_is_added_with_its_passages(store: Store) -> None:
    outcome = save(store, FIRST)
    assert (outcome.status, outcome.passages, outcome.title) == ("added", 4, "标题")
    passages = store.passages(outcome.speech_id)
    assert [p.text for p in passages] == [p.text for p in FIRST.paragraphs]
    assert [p.position for p in passages] == [0, 1, 2, 3]
    assert passages[0].speech_title == "标题"
    assert (passages[0].speech_date, passages[0].speaker) == ("2024-03-13", "沈伟")
    assert passages[0].section == "一、总体要求"
    [record] = store.speeches()
    assert (record.id, record.passages, record.source) == (outcome.speech_id, 4, "讲话.txt")


def test_saving_the_same_speech_twice_is_unchanged(store: Store) -> None:
    first = save(store, FIRST)
    ids = [p.id for p in store.passages()]
    revision = store.revision
    second = save(store, FIRST)
    assert second.status == "unchanged"
    assert second.speech_id == first.speech_id
    assert [p.id for p in store.passages()] == ids
    assert store.revision == revision


def test_a_changed_speech_is_updated_and_its_passages_replaced(store: Store) -> None:
    first = save(store, FIRST)
    old_ids = {p.id for p in store.passages()}
    changed = make_speech(["第一段讲政治待遇。", "新的第二段讲精神文化生活。"])
    outcome = save(store, changed)
    assert outcome.status == "updated"
    assert outcome.speech_id == first.speech_id
    passages = store.passages()
    assert [p.text for p in passages] == ["第一段讲政治待遇。", "新的第二段讲精神文化生活。"]
    assert not {p.id for p in passages} & old_ids
    assert len(store.speeches()) == 1


def test_metadata_change_alone_updates_the_speech(store: Store) -> None:
    save(store, FIRST)
    retitled = make_speech([p.text for p in FIRST.paragraphs], title="新标题")
    assert save(store, retitled).status == "updated"
    assert store.speeches()[0].title == "新标题"


def test_speeches_are_keyed_by_source_and_ordinal(store: Store) -> None:
    a = save(store, FIRST)
    b = save(store, make_speech(["第一段讲政治待遇。"], ordinal=2))
    c = save(store, make_speech(["第一段讲政治待遇。"], source="另一个.txt"))
    assert len({a.speech_id, b.speech_id, c.speech_id}) == 3
    assert [s.status for s in (a, b, c)] == ["added"] * 3


def test_passage_ids_are_never_reused_after_remove(store: Store) -> None:
    first = save(store, FIRST)
    removed_ids = {p.id for p in store.passages()}
    removed = store.remove_speech(first.speech_id)
    assert removed is not None and removed.title == "标题"
    assert store.passages() == []
    save(store, make_speech(["另一篇讲话的一段。", "另一篇讲话的二段。"], source="另一篇.txt"))
    assert min(p.id for p in store.passages()) > max(removed_ids)


def test_removing_an_unknown_speech_returns_none(store: Store) -> None:
    assert store.remove_speech(42) is None


def test_every_write_bumps_the_revision(store: Store) -> None:
    revisions = [store.revision]
    outcome = save(store, FIRST)
    revisions.append(store.revision)
    save(store, make_speech(["改过的段落。"]))
    revisions.append(store.revision)
    store.remove_speech(outcome.speech_id)
    revisions.append(store.revision)
    assert revisions == sorted(set(revisions))


def test_passages_by_id_returns_the_records_asked_for(store: Store) -> None:
    save(store, FIRST)
    ids = [p.id for p in store.passages()]
    found = store.passages_by_id([ids[2], ids[0], 9999])
    assert set(found) == {ids[0], ids[2]}
    assert found[ids[2]].text == "第三段讲体检规定。"


def test_neighbours_are_the_passages_around_one_in_reading_order(store: Store) -> None:
    save(store, FIRST)
    save(store, make_speech(["另一篇讲话的一段。"], source="另一篇.txt"))
    ids = [p.id for p in store.passages()]
    assert [p.id for p in store.neighbours(ids[1])] == ids[0:3]
    assert [p.id for p in store.neighbours(ids[0])] == ids[0:2]
    assert [p.id for p in store.neighbours(ids[3], before=2, after=5)] == ids[1:4]  # not into the next speech
    assert store.neighbours(9999) == []


def test_lexical_input_puts_the_section_before_the_text() -> None:
    assert lexical_input("正文。", "一、总体要求") == "一、总体要求\n正文。"
    assert lexical_input("正文。", None) == "正文。"


def test_an_official_documents_number_is_shown_after_its_title(store: Store) -> None:
    notice = replace(FIRST, title="关于做好重阳节走访慰问工作的通知", doc_number="江老干〔2024〕12号")
    outcome = save(store, notice)
    assert outcome.title == "关于做好重阳节走访慰问工作的通知（江老干〔2024〕12号）"
    assert [s.title for s in store.speeches()] == [outcome.title]
    numbered = replace(
        notice, title="江老干〔2024〕12号 关于做好重阳节走访慰问工作的通知", source="另一份.txt"
    )
    assert numbered.shown_title == numbered.title  # a title that holds its number keeps it once
    edited = store.edit_speech(outcome.speech_id, title="重阳节通知")
    assert edited is not None and edited.title == "重阳节通知"


# -- embedding cache ----------------------------------------------------------------------------------


def test_embedding_cache_round_trip(store: Store) -> None:
    rng = np.random.default_rng(0)
    vectors = {f"hash-{i}": rng.standard_normal(8).astype(np.float32) for i in range(3)}
    store.cache_vectors("model-a", vectors.items())
    found = store.cached_vectors("model-a", [*vectors, "hash-missing"], dim=8)
    assert set(found) == set(vectors)
    for digest, vector in vectors.items():
        np.testing.assert_array_equal(found[digest], vector)


def test_embedding_cache_is_keyed_by_model_and_checked_for_dimension(store: Store) -> None:
    store.cache_vectors("model-a", [("h", np.ones(8, dtype=np.float32))])
    assert store.cached_vectors("model-b", ["h"], dim=8) == {}
    assert store.cached_vectors("model-a", ["h"], dim=16) == {}


def test_embedding_cache_handles_more_hashes_than_one_query_takes(store: Store) -> None:
    items = [(f"h{i}", np.full(4, i, dtype=np.float32)) for i in range(1200)]
    store.cache_vectors("m", items)
    found = store.cached_vectors("m", [h for h, _ in items], dim=4)
    assert len(found) == 1200
    assert found["h1199"][0] == 1199


# -- query log and damage -----------------------------------------------------------------------------


def test_queries_are_logged(store: Store) -> None:
    row_id = store.log_query(
        channel="telegram",
        query="离休干部体检",
        answered=False,
        top_ids=[3, 1],
        latency_ms=12.345,
        user_id="7",
    )
    row = store.db["queries"].get(row_id)
    assert (row["channel"], row["query"], row["answered"], row["top_ids"]) == (
        "telegram",
        "离休干部体检",
        0,
        "[3, 1]",
    )
    assert row["latency_ms"] == 12.35


def test_handled_updates_are_kept_per_bot_across_a_reopen(tmp_path: Path) -> None:
    path = tmp_path / "speechqa.db"
    first = Store(path)
    first.record_update(123, 900)
    first.record_update(456, 900)  # another bot's update ids are its own
    first.record_update(123, 900)  # recorded again: still once
    first.close()
    again = Store(path)
    assert again.handled_updates() == [(456, 900), (123, 900)]
    again.close()


def test_unfinished_uploads_are_kept_per_bot_across_a_reopen_until_ended(tmp_path: Path) -> None:
    path = tmp_path / "speechqa.db"
    first = Store(path)
    album = first.begin_upload(123, 7, 7, 40, "照片-1.tif", ["A", "B"], photo=True, note="两张照片", now=5.0)
    single = first.begin_upload(123, 7, 7, 42, "通知.docx", ["C"])
    first.begin_upload(456, 7, 7, 43, "另一个机器人的.docx", ["D"])  # file ids are each bot's own
    first.close()
    again = Store(path)
    (kept, other) = again.unfinished_uploads(123)
    assert (kept.id, kept.status_message_id, kept.file_ids, kept.photo, kept.note) == (
        album,
        40,
        ("A", "B"),
        True,
        "两张照片",
    )
    assert (other.id, other.name, other.file_ids, other.photo, other.note) == (
        single,
        "通知.docx",
        ("C",),
        False,
        "",
    )
    again.end_upload(album)
    assert [u.name for u in again.unfinished_uploads(123)] == ["通知.docx"]
    assert [u.name for u in again.unfinished_uploads(456)] == ["另一个机器人的.docx"]
    again.close()


def test_handled_updates_are_bounded_by_count_and_by_age(store: Store) -> None:
    day = 86400.0
    start = 1_000_000.0
    store.record_update(1, 1, now=start)
    for update_id in range(2, HANDLED_UPDATES_KEPT + 2):
        store.record_update(1, update_id, now=start + day)
    kept = store.handled_updates(now=start + day)
    assert len(kept) == HANDLED_UPDATES_KEPT and (1, 1) not in kept  # the oldest gave way
    later = start + day + HANDLED_UPDATES_DAYS * day + 1
    assert store.handled_updates(now=later) == []  # too old for Telegram to deliver again
    store.record_update(1, 99999, now=later)
    assert store.db.execute("SELECT COUNT(*) FROM handled_updates").fetchone()[0] == 1


@pytest.mark.parametrize(
    "garbage", [b"this is not a database at all" * 200, b"SQLite format 3\x00" + b"\xff" * 4000]
)
def test_damaged_database_file_raises_store_corrupt(tmp_path: Path, garbage: bytes) -> None:
    path = tmp_path / "speechqa.db"
    path.write_bytes(garbage)
    with pytest.raises(StoreCorrupt) as caught:
        Store(path)
    message = str(caught.value)
    assert str(path) in message
    assert "已损坏" in message


def test_database_damaged_inside_raises_store_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "speechqa.db"
    store = Store(path)
    save(store, make_speech([f"第{i}段，内容足够长，让数据库占用好几个页面。" * 20 for i in range(60)]))
    store.close()
    data = bytearray(path.read_bytes())
    data[4096:12288] = b"\xa5" * 8192  # overwrite the pages after the header page
    path.write_bytes(bytes(data))
    with pytest.raises(StoreCorrupt, match="speechqa recover"):
        Store(path)


def test_damage_found_after_opening_raises_store_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "speechqa.db"
    store = Store(path)
    save(store, make_speech([f"第{i}段，内容足够长，让数据库占用好几个页面。" * 20 for i in range(60)]))
    store.close()
    data = bytearray(path.read_bytes())
    data[-8192:] = b"\xa5" * 8192  # the last pages hold passage text; the schema pages are intact
    path.write_bytes(bytes(data))
    store = Store(path)
    with pytest.raises(StoreCorrupt, match="已损坏"):
        store.passages()
    store.close()


def test_synonym_pairs_are_stored_once_in_either_order(store: Store) -> None:
    assert store.add_synonym("老同志", "老干部")
    assert not store.add_synonym(" 老干部", "老同志 ")
    assert store.user_synonyms() == [("老同志", "老干部")]
    assert store.remove_synonym("老干部", "老同志")
    assert not store.remove_synonym("老干部", "老同志")
    assert store.user_synonyms() == []


def test_a_bad_synonym_is_refused_in_words_for_people(store: Store) -> None:
    for word, synonym in (("", "老干部"), ("老干部", "老干部"), ("老" * 21, "老干部")):
        with pytest.raises(InvalidSynonym):
            store.add_synonym(word, synonym)
    assert store.user_synonyms() == []


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("2026-12-02T03:38:12+0000", "2026-12-02 11:38"),  # a container's clock (UTC): shown in Beijing time
        ("2026-12-02T11:38:12+0800", "2026-12-02 11:38"),
        ("2026-12-31T20:05:00-0500", "2027-01-01 09:05"),  # across a day and a year
        ("2026-12-02T11:38:12", "2026-12-02 11:38"),  # no offset: as stored
    ],
)
def test_a_pin_shows_when_it_was_pinned_in_beijing_time(stored: str, shown: str) -> None:
    pin = PinRecord(1, "问题", 2, 3, "hash", "段落", "标题", "1002", stored)
    assert pin.pinned_when == shown


def test_a_pin_made_before_pinner_names_keeps_its_id_and_new_pins_keep_the_name(tmp_path: Path) -> None:
    """Migration 012 adds the pinner's name beside `pinned_by`; a library pinned before it opens as it was,
    its pins naming who pinned them by what was stored (an id), a pin made since by the name."""
    path = tmp_path / "speechqa.db"
    store = Store(path)
    save(store, FIRST)
    first, second = [p.id for p in store.passages()][:2]
    store.pin("老问题", first, pinned_by="1002")
    store.close()
    with sqlite3.connect(path) as conn:  # a library from before the migration
        conn.execute("ALTER TABLE pins DROP COLUMN pinner_name")
        conn.execute("DELETE FROM _migrations WHERE name = '012_pinner_names'")
    conn.close()
    store = Store(path)
    (old,) = store.pins()
    assert (old.pin.pinned_by, old.pin.pinner_name, old.pin.pinner) == ("1002", None, "1002")
    new = store.pin("新问题", second, pinned_by="1003", pinner_name="李红")
    assert new is not None and (new.pinned_by, new.pinner) == ("1003", "李红")
    replaced = store.pin("新问题", first, pinned_by="1002")
    assert replaced is not None and replaced.pinner == "1002"  # a replacement records its own pinner
    store.close()


# -- a notice's issuing body ---------------------------------------------------------------------------
NOTICE = Speech(
    title="关于做好重阳节走访慰问工作的通知",
    subtitle=None,
    date="2024-10-08",
    speaker=None,
    source="通知.txt",
    ordinal=1,
    label=None,
    paragraphs=(
        Paragraph("发文机关：中共温州市委老干部局、温州市财政局。主送：市直各单位。", "文件信息"),
        Paragraph("走访慰问对象为八十岁以上的离休干部。", "一、走访对象"),
    ),
    issuer="中共温州市委老干部局 温州市财政局",
)


def test_a_notice_keeps_its_issuing_bodies_beside_no_speaker(store: Store) -> None:
    outcome = save(store, NOTICE)
    assert (outcome.speaker, outcome.issuer) == (None, "中共温州市委老干部局、温州市财政局")
    (record,) = store.speeches()
    assert (record.speaker, record.issuer) == (None, "中共温州市委老干部局、温州市财政局")
    assert {(p.speaker, p.issuer) for p in store.passages()} == {(None, "中共温州市委老干部局、温州市财政局")}
    save(store, FIRST)
    assert store.speeches()[1].issuer is None  # a speech has none


def test_the_issuer_is_no_part_of_what_an_unchanged_speech_is_compared_by(store: Store) -> None:
    """Libraries stored before the issuer was kept hold digests without it: reading their files again
    must still find them unchanged (passage ids kept)."""
    first = save(store, replace(NOTICE, issuer=None))
    ids = [p.id for p in store.passages()]
    again = save(store, NOTICE)
    assert (again.speech_id, again.status, again.issuer) == (
        first.speech_id,
        "unchanged",
        "中共温州市委老干部局、温州市财政局",
    )
    assert [p.id for p in store.passages()] == ids
    assert store.speeches()[0].issuer == "中共温州市委老干部局、温州市财政局"  # taken on the way


def test_a_library_from_before_the_issuer_column_takes_it_from_the_head_passage(tmp_path: Path) -> None:
    """Migration 013 adds the column and fills it from each notice's 「文件信息」 passage
    (「发文机关：…。」), so an old library's notices are cited by their issuer without being read again;
    a speech without that passage keeps none."""
    path = tmp_path / "speechqa.db"
    store = Store(path)
    save(store, NOTICE)
    save(store, FIRST)
    store.close()
    with sqlite3.connect(path) as conn:  # a library from before the migration
        conn.execute("ALTER TABLE speeches DROP COLUMN issuer")
        conn.execute("DELETE FROM _migrations WHERE name = '013_speech_issuer'")
    conn.close()
    store = Store(path)
    assert [(s.speaker, s.issuer) for s in store.speeches()] == [
        (None, "中共温州市委老干部局、温州市财政局"),
        ("沈伟", None),
    ]
    assert save(store, NOTICE).status == "unchanged"
    store.close()


# -- a corrected issuer in the 「文件信息」 passage -------------------------------------------------------

HEADED = Speech(
    title="关于做好重阳节走访慰问工作的通知",
    subtitle=None,
    date="2024-10-08",
    speaker=None,
    source="通知.txt",
    ordinal=1,
    label=None,
    paragraphs=(
        Paragraph(
            "文号：温老干〔2024〕12号。发文机关：中共温州市委老干部局。主送：市直各单位。", HEAD_SECTION
        ),
        Paragraph("走访慰问对象为全市八十岁以上的离休干部。", "一、走访对象"),
    ),
    doc_number="温老干〔2024〕12号",
    issuer="中共温州市委老干部局",
    addressee="市直各单位",
)
JOINT_ISSUERS = "中共温州市委老干部局、温州市财政局"


def head_text(store: Store, speech_id: int) -> str:
    return next(p.text for p in store.passages() if p.speech_id == speech_id and p.section == HEAD_SECTION)


def test_a_corrected_issuer_is_named_by_the_head_passage_and_kept_on_saving_again(store: Store) -> None:
    speech_id = save(store, HEADED).speech_id
    store.edit_speech(speech_id, issuer=JOINT_ISSUERS)
    assert (
        head_text(store, speech_id)
        == f"文号：温老干〔2024〕12号。发文机关：{JOINT_ISSUERS}。主送：市直各单位。"
    )
    assert save(store, HEADED).status == "unchanged"  # the file read again: its head as corrected
    assert f"发文机关：{JOINT_ISSUERS}。" in head_text(store, speech_id)
    store.edit_speech(speech_id, issuer="")
    assert head_text(store, speech_id) == "文号：温老干〔2024〕12号。主送：市直各单位。"
    assert save(store, HEADED).status == "unchanged"


def test_an_issuer_edit_that_fails_changes_nothing(store: Store) -> None:
    """The head passage, the speech and the correction change in one transaction: a failure in its last
    statement (here SQLite refusing the digest's update, as a full disk would) leaves all three as they were."""
    speech_id = save(store, HEADED).speech_id
    before = head_text(store, speech_id)
    store.db.execute(
        "CREATE TRIGGER refuse BEFORE UPDATE OF content_hash ON speeches BEGIN SELECT RAISE(ABORT, 'refused'); END"
    )
    with pytest.raises(sqlite3.IntegrityError):
        store.edit_speech(speech_id, issuer=JOINT_ISSUERS)
    assert head_text(store, speech_id) == before
    speech = store.speech(speech_id)
    assert speech is not None and speech.issuer == "中共温州市委老干部局"
    assert store.db.execute("SELECT COUNT(*) FROM corrections").fetchone()[0] == 0


def test_an_issuer_corrected_before_the_head_followed_reaches_it_on_open(tmp_path: Path) -> None:
    """A library whose issuer was corrected by the previous version (the head still naming the file's
    issuer) gets the corrected one into its head when opened (migration 015), and stays 「未变化」."""
    path = tmp_path / "speechqa.db"
    first = Store(path)
    speech_id = save(first, HEADED).speech_id
    first.edit_speech(speech_id, issuer=JOINT_ISSUERS)
    first.close()
    with sqlite3.connect(path) as conn:  # as the previous version left it
        conn.execute(
            "UPDATE passages SET text = ? WHERE speech_id = ? AND section = ?",
            [HEADED.paragraphs[0].text, speech_id, HEAD_SECTION],
        )
        conn.execute("DELETE FROM _migrations WHERE name = '015_corrected_issuer_in_head'")
    conn.close()
    store = Store(path)
    assert f"发文机关：{JOINT_ISSUERS}。" in head_text(store, speech_id)
    assert save(store, HEADED).status == "unchanged"
    store.close()
