"""End-to-end tests of what an administrator's week found (docs/trial37.md): the real `speechqa` processes,
the real library and model, the fake Bot API over real HTTP."""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import zipfile
from pathlib import Path

import pytest

from index import BotRunning, Store, bot_lock

from .bot_harness import TOKEN
from .fake_telegram import FakeBotAPI, html_to_text
from .test_bot_cli import bot_env, bot_process, interrupt
from .test_cli_library import (
    EXAMPLE,
    EXAMPLE_ANSWER,
    Run,
    fill,
    home_on_small_disk,
    ok,
    read_only_view,
    user_error,
)

TITLE = "在全市老干部工作会议上的讲话（2024年）"


def test_a_bot_lock_is_held_by_one_process_of_a_bot_at_a_time_and_names_it(tmp_path: Path) -> None:
    with bot_lock(tmp_path, "123456"):
        refused = pytest.raises(BotRunning, match=f"已有同一个机器人在运行（进程 {os.getpid()}，")
        with refused, bot_lock(tmp_path, "123456"):
            pass
        with bot_lock(tmp_path, "654321"):  # another bot (another token) on the same library
            pass
    with bot_lock(tmp_path, "123456"):  # released when its holder ends
        pass


@pytest.mark.slow
@pytest.mark.asyncio
async def test_a_second_bot_started_on_the_same_data_home_is_refused_and_the_first_keeps_answering(
    seed_home: Path,
) -> None:
    async with FakeBotAPI() as api:
        env = bot_env(seed_home, api.base_url)
        async with bot_process(env) as first:
            await api.wait_for("setMyCommands", timeout=90)
            polls = len(api.calls_of("getMe"))
            async with bot_process(env) as second:
                _, err = await asyncio.wait_for(second.communicate(), timeout=60)
            said = err.decode()
            assert second.returncode == 1
            assert said.startswith(f"错误：这个资料库已有同一个机器人在运行（进程 {first.pid}，")
            assert said.count("\n") == 1 and "Traceback" not in said
            assert len(api.calls_of("getMe")) == polls  # refused before asking Telegram anything
            api.push_update(api.make_text_update("离休干部体检规定是什么？"))
            (call,) = await api.wait_for("sendMessage", timeout=60)
            assert "要落实好离休干部每年一次体检的规定" in html_to_text(call.params["text"])
            log = await interrupt(first)
        assert first.returncode == 0 and "Conflict" not in log
        # the bot stopped (or killed: the lock goes with the process), the next start is not refused
        async with bot_process(env) as again:
            await api.wait_for("setMyCommands", count=2, timeout=90)
            again.kill()
            await again.wait()
        async with bot_process(env) as after_kill:
            await api.wait_for("setMyCommands", count=3, timeout=90)
            assert after_kill.returncode is None
            await interrupt(after_kill)


def test_a_title_corrected_on_a_full_disk_is_not_saved_without_its_index(
    run: Run, seed_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`edit --title` saved the title, then failed to build the index for it and said 「这次的改动没有保存，
    资料库保持原样」: the title was saved, the index left behind, and every question after it failed too."""
    with home_on_small_disk(seed_home, tmp_path) as (disk, home):
        monkeypatch.setenv("SPEECHQA_HOME", str(home))
        before = ok(run("speeches"))
        filler = fill(disk, 96 * 1024)  # room for the database's change, not for a new index generation
        out = user_error(run("edit", "3", "--title", TITLE))
        assert (
            out.splitlines()[-1]
            == f"错误：数据目录所在的磁盘空间不足：{home}。这次的改动没有保存，资料库保持原样：请腾出空间后重试。"
        )
        assert ok(run("speeches")) == before
        assert "正常：5 篇讲话" in ok(run("health"))
        assert "已更正 #3" in ok(run("edit", "3", "--date", "2024-03-01"))  # no index to build: saved
        filler.unlink()
        assert f"已更正 #3 {TITLE}" in ok(run("edit", "3", "--title", TITLE))
        assert "正常：5 篇讲话" in ok(run("health"))


def test_questions_are_answered_from_the_last_index_when_a_full_disk_leaves_no_room_to_update_it(
    run: Run, seed_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A library whose index is behind its store (a writer killed between the two, a restore that filled the
    disk) on a disk with no room: every question, and `speeches`, failed with the full disk."""
    with home_on_small_disk(seed_home, tmp_path) as (disk, home):
        monkeypatch.setenv("SPEECHQA_HOME", str(home))
        store = Store(home / "speechqa.db")
        store.edit_speech(3, title=TITLE)  # committed, its index not built: as a writer killed between them
        store.close()
        fill(disk, 96 * 1024)  # room to open the database, none for a new index generation
        asked = run("ask", "--json", EXAMPLE)
        assert asked.exit_code == 0, asked.output
        assert EXAMPLE_ANSWER in json.loads(asked.stdout)["results"][0]["text"]
        assert (
            f"数据目录所在的磁盘空间不足：{home}，索引没能补建：暂用上次建好的索引回答，最近的改动要腾出空间后才能检索到。"
            in asked.stderr
        )
        assert TITLE in ok(run("speeches"))
        (disk / "filler").unlink()
        ok(run("ask", EXAMPLE))  # with room again, the next question brings the index up to date
        assert "正常：5 篇讲话" in ok(run("health"))


OLD_LIBRARIES = Path(__file__).parent / "fixtures" / "old-libraries"


def test_a_backup_restores_from_a_read_only_stick_onto_a_new_machine_and_leaves_nothing_beside_it(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A backup is read from where the office keeps it: a write-protected stick, a :ro share. It was
    refused as 「不是可用的 SQLite 备份文件」 — backups were written in the live database's write-ahead-log
    mode, which SQLite cannot open read-only without writing a -shm file beside it (and, where it could,
    a restore left -wal/-shm there)."""
    stick = tmp_path / "stick"
    stick.mkdir()
    ok(run("backup", str(stick / "备份.db")))
    with zipfile.ZipFile(OLD_LIBRARIES / "c8f6dd8.zip") as old:  # written by a release of 2026-12-04, WAL
        (stick / "旧版备份.db").write_bytes(old.read("backup.db"))
    with sqlite3.connect(stick / "备份.db") as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    db.close()
    with read_only_view(stick, tmp_path / "ro-stick") as mount:
        for name, speeches in (("备份.db", "5 篇讲话"), ("旧版备份.db", "篇讲话")):
            monkeypatch.setenv("SPEECHQA_HOME", str(tmp_path / f"new-machine-{name}"))
            restored = ok(run("restore", "--yes", str(mount / name)))
            assert restored.startswith("已恢复：讲话"), restored
            assert speeches in ok(run("health"))
    assert sorted(p.name for p in stick.iterdir()) == ["备份.db", "旧版备份.db"]


@pytest.mark.slow
@pytest.mark.asyncio
async def test_the_same_bot_polling_from_another_machine_is_one_log_line_not_a_traceback_a_second(
    seed_home: Path,
) -> None:
    """A backup restored on a second machine and its bot started there while the first runs: the lock of one
    data home cannot see it. Each side's poll ended the other's (409 Conflict) and the bot logged a traceback
    for every one; now it is one line saying what is happening, repeated at most as the log's rate limit allows."""
    import httpx

    async with FakeBotAPI() as api:
        env = bot_env(seed_home, api.base_url)
        async with bot_process(env) as process:
            await api.wait_for("setMyCommands", timeout=90)
            other = f"{api.base_url}{TOKEN}/getUpdates"
            async with httpx.AsyncClient() as client:  # the other machine's bot, polling with the same token
                for _ in range(8):
                    await client.post(other, data={"timeout": "1"})
            await asyncio.sleep(1)
            api.push_update(api.make_text_update("离休干部体检规定是什么？"))
            (call,) = await api.wait_for("sendMessage", timeout=90)
            assert "要落实好离休干部每年一次体检的规定" in html_to_text(call.params["text"])
            log = await interrupt(process)
    assert "another process is receiving this bot's updates" in log
    assert "Traceback" not in log and "telegram.error.Conflict" not in log
