"""`speechqa prune-log --before DATE`: a long query log cut to what an office wants to keep (docs/trial38-bot.md)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from index import Store


def log_month(home: Path, per_day: int = 40) -> None:
    """Questions logged on each day of November 2026, every third one voted on."""
    store = Store(home / "speechqa.db")
    try:
        for day in range(1, 31):
            for n in range(per_day):
                qid = store.log_query(
                    channel="telegram",
                    query=f"第{day}天的第{n}个问题：离休干部体检在哪个医院？",
                    answered=n % 5 != 0,
                    top_ids=[1, 2, 3],
                    latency_ms=120.0,
                    user_id=str(1000 + n % 12),
                )
                with store.db.conn:
                    store.db.execute(
                        "UPDATE queries SET ts = ? WHERE id = ?",
                        [f"2026-11-{day:02d}T09:{n % 60:02d}:00+0800", qid],
                    )
                if n % 3 == 0:
                    store.record_feedback(query_id=qid, value=1, user_id=str(1000 + n % 12))
    finally:
        store.close()


def test_prune_log_deletes_the_questions_before_a_day_and_their_votes_and_shrinks_the_file(
    run: Callable[..., Result], seed_home: Path
) -> None:
    log_month(seed_home)
    db = seed_home / "speechqa.db"
    before = db.stat().st_size

    declined = run("prune-log", "--before", "2026-11-16", input="n\n")
    kept = run("prune-log", "--before", "2026-11-16", "--yes")
    again = run("prune-log", "--before", "2026-11-16", "--yes")
    stats = run("stats", "--json")

    assert declined.exit_code == 1 and "没有做任何改动" in declined.output
    assert kept.exit_code == 0, kept.output
    assert kept.output.startswith("已删除 2026-11-16 之前的提问记录 600 条、反馈 210 条；数据库 ")
    assert db.stat().st_size < before
    assert again.exit_code == 0 and "之前没有提问记录，没有做任何改动" in again.output
    store = Store(db)
    try:
        assert store.query_stats().questions == 15 * 40 and store.query_stats().helpful == 15 * 14
        assert store.logged_before("2026-11-16") == 0 and store.logged_before("2026-11-17") == 40
        assert (
            store.db.execute(
                "SELECT COUNT(*) FROM feedback WHERE query_id NOT IN (SELECT id FROM queries)"
            ).fetchone()[0]
            == 0
        )
    finally:
        store.close()
    assert '"questions": 600' in stats.output


def test_prune_log_refuses_a_date_it_cannot_read_in_one_chinese_line(
    run: Callable[..., Result], seed_home: Path
) -> None:
    log_month(seed_home, per_day=2)
    for bad in ("2026-13-01", "上个月", "2026/11/01"):
        result = run("prune-log", "--before", bad, "--yes")
        assert result.exit_code == 1
        assert result.output.strip() == f"错误：日期格式不对：{bad}（应为 YYYY-MM-DD，例如 2026-01-01）。"
    store = Store(seed_home / "speechqa.db")
    assert store.query_stats().questions == 60
    store.close()
