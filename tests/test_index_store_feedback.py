"""The query log's feedback and statistics (migration 003_feedback)."""

from __future__ import annotations

from pathlib import Path

import pytest

from index import Store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "speechqa.db")


def log(store: Store, query: str, answered: bool, channel: str = "telegram", user: str = "1") -> int:
    return store.log_query(
        channel=channel,
        query=query,
        answered=answered,
        top_ids=[3, 1],
        latency_ms=10.0,
        user_id=user,
        chat_id=user,
    )


def test_migration_is_recorded_once(tmp_path: Path) -> None:
    Store(tmp_path / "a.db").close()
    store = Store(tmp_path / "a.db")
    names = [row["name"] for row in store.db["_migrations"].rows]
    assert names == ["001_initial", "002_query_log", "003_feedback", "user_synonyms"]
    assert "feedback" in store.db.table_names()


def test_a_logged_query_is_read_back_by_id(store: Store) -> None:
    query_id = log(store, "离休干部体检规定是什么？", True)
    logged = store.query_by_id(query_id)
    assert logged is not None
    assert (logged.query, logged.answered, logged.top_ids, logged.channel) == (
        "离休干部体检规定是什么？",
        True,
        (3, 1),
        "telegram",
    )
    assert store.query_by_id(query_id + 1) is None


def test_a_users_second_vote_replaces_the_first(store: Store) -> None:
    query_id = log(store, "q", True)
    assert store.record_feedback(query_id=query_id, value=1, user_id="u1", chat_id="c")
    assert store.record_feedback(query_id=query_id, value=-1, user_id="u1", chat_id="c")
    assert store.record_feedback(query_id=query_id, value=1, user_id="u2", chat_id="c")
    stats = store.query_stats()
    assert (stats.helpful, stats.unhelpful) == (1, 1)


def test_feedback_on_an_unknown_query_is_not_stored(store: Store) -> None:
    assert not store.record_feedback(query_id=99, value=1, user_id="u")
    with pytest.raises(ValueError):
        store.record_feedback(query_id=99, value=0, user_id="u")


def test_stats_count_answers_channels_and_frequent_unanswered_questions(store: Store) -> None:
    for query, answered, channel in [
        ("离休干部体检", True, "telegram"),
        ("取暖费标准", False, "telegram"),
        ("取暖费标准", False, "cli"),
        ("明天天气", False, "telegram"),
    ]:
        log(store, query, answered, channel)
    stats = store.query_stats(top=1)
    assert (stats.questions, stats.answered, stats.answered_share) == (4, 1, 0.25)
    assert stats.by_channel == (("telegram", 3), ("cli", 1))
    assert stats.top_unanswered == (("取暖费标准", 2),)
    assert stats.mean_latency_ms == 10.0


def test_stats_of_an_empty_log(store: Store) -> None:
    stats = store.query_stats()
    assert (stats.questions, stats.answered_share, stats.top_unanswered) == (0, 0.0, ())
