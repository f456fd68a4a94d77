"""index.store: the bot's replies and the pages it last showed, kept for after a restart (migration
021_bot_replies): what is read back is what was written last, bounded by count and age, and `prune-log`
deletes them with the questions they answer."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index import Store
from index import store as store_module
from index.store import BOT_REPLIES_DAYS

DAY = 86400.0
START = 1_800_000_000.0

# (bot, chat, message, query): a few of each, so that the same message is replied to again; the n-th reply
# is message 1000 + n (the bot's message ids are never used twice in a chat)
records = st.lists(
    st.tuples(
        st.sampled_from([1, 2]),
        st.sampled_from(["7", "-100555", "h:abc"]),
        st.integers(1, 6),
        st.none() | st.integers(1, 9),
    ),
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(records, st.integers(1, 8))
def test_each_message_reads_back_its_latest_reply_among_the_latest_kept(
    records: list[tuple[int, str, int, int | None]], kept: int
) -> None:
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        patch.setattr(store_module, "BOT_REPLIES_KEPT", kept)
        store = Store(Path(folder) / "speechqa.db")
        try:
            latest: dict[tuple[int, str, int], tuple[int, int | None]] = {}
            for n, (bot, chat, message, query) in enumerate(records):
                store.record_reply(bot, chat, message, 1000 + n, query, now=START + n)
                latest[(bot, chat, message)] = (n, query)
            assert store.db.execute("SELECT COUNT(*) FROM bot_replies").fetchone()[0] <= kept
            for (bot, chat, message), (n, query) in latest.items():
                found = store.reply_to(bot, chat, message)
                assert found in (1000 + n, None)  # its latest reply, or none when that gave way
                assert store.answered_by(bot, chat, 1000 + n) in (query, None)
                if n >= len(records) - kept:  # among the `kept` latest records: never forgotten
                    assert found == 1000 + n and store.answered_by(bot, chat, found) == query
            for n in range(len(records)):  # a reply replaced by a later one answers nothing any more
                bot, chat, message, _ = records[n]
                if latest[(bot, chat, message)][0] != n:
                    assert store.answered_by(bot, chat, 1000 + n) is None
        finally:
            store.close()


def test_replies_and_pages_are_kept_across_a_reopen_and_forgotten_when_too_old(tmp_path: Path) -> None:
    path = tmp_path / "speechqa.db"
    first = Store(path)
    first.record_reply(1, "7", 10, 11, 3, now=START)
    first.record_reply(1, "7", 12, 13, None, now=START)  # a reply that is no answer
    first.record_reply(2, "7", 10, 99, 4, now=START)  # another bot's chat with the same person
    page = json.dumps({"inline_keyboard": [[{"text": "更多结果 ▶", "callback_data": "m:3:5"}]]})
    listing = json.dumps({"inline_keyboard": [[{"text": "下一页 ▶", "callback_data": "l:1"}]]})
    first.record_page(1, "7", 0, page, answer=True, now=START)
    first.record_page(1, "7", 0, listing, answer=False, now=START + 1)  # the speech list shown after it
    first.close()
    again = Store(path)
    try:
        assert (again.reply_to(1, "7", 10), again.answered_by(1, "7", 11)) == (11, 3)
        assert (again.reply_to(1, "7", 12), again.answered_by(1, "7", 13)) == (13, None)
        assert (again.reply_to(2, "7", 10), again.answered_by(2, "7", 99)) == (99, 4)
        assert again.reply_to(1, "-100555", 10) is None
        shown = again.shown_pages(1, "7", 0)
        assert shown is not None and (shown.page, shown.answer) == (listing, page)  # the last answer kept
        assert again.shown_pages(1, "7", 5) is None  # another forum topic
        later = START + BOT_REPLIES_DAYS * DAY + 10
        again.record_reply(1, "8", 1, 2, None, now=later)
        again.record_page(1, "8", 0, page, answer=True, now=later)
        assert again.reply_to(1, "7", 10) is None and again.shown_pages(1, "7", 0) is None
    finally:
        again.close()


def test_prune_log_deletes_the_replies_of_the_questions_it_deletes(tmp_path: Path) -> None:
    store = Store(tmp_path / "speechqa.db")
    try:
        old = store.log_query(channel="telegram", query="旧问题", answered=True, top_ids=[1], latency_ms=1.0)
        store.db.execute("UPDATE queries SET ts = '2026-01-05T10:00:00+0800' WHERE id = ?", [old])
        store.db.conn.commit()
        new = store.log_query(channel="telegram", query="新问题", answered=True, top_ids=[1], latency_ms=1.0)
        store.record_reply(1, "7", 10, 11, old)
        store.record_reply(1, "7", 12, 13, new)
        # no answer, replied today: kept by a prune before 2026-02-01
        store.record_reply(1, "7", 14, 15, None)
        store.prune_log("2026-02-01")
        assert store.answered_by(1, "7", 11) is None and store.reply_to(1, "7", 10) is None
        assert store.answered_by(1, "7", 13) == new
        assert store.reply_to(1, "7", 14) == 15
        store.prune_log("2100-01-01")
        assert store.db.execute("SELECT COUNT(*) FROM bot_replies").fetchone()[0] == 0
    finally:
        store.close()
