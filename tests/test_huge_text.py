"""A plain text past the text limit (corpus.MAX_TEXT_BYTES: a log dumped by mistake, a 50 MB dump that
would embed for hours) is refused before it is read, with one Chinese line naming the file and the limit,
by `speechqa add` (exit 1) and by the bot (before or after the download), and nothing is added.

Real files on disk, the real CLI in a child process, the real bot over the fake Bot API, on the seed
library (the front ends open its index with the real model before they read a file)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from corpus import MAX_TEXT_BYTES
from index import Library
from retrieval import SpeechService

from .bot_harness import ADMIN, feed, running_bot
from .fake_telegram import FakeBotAPI

ROOT = Path(__file__).resolve().parent.parent
LINE = "2026-04-28 10:05:01 INFO 离退休干部活动中心门禁系统 用户 0012 刷卡通过\n".encode()


def _huge() -> bytes:
    return LINE * (MAX_TEXT_BYTES // len(LINE) + 1)


def speech_titles(home: Path) -> list[str]:
    library = Library(home)
    try:
        return [s.title for s in library.store.speeches()]
    finally:
        library.close()


@pytest.mark.slow
def test_add_refuses_a_text_past_the_limit_in_one_line_and_adds_nothing(
    seed_home: Path, tmp_path: Path
) -> None:
    home = seed_home  # `add` opens the index with the real model before it reads the files
    titles = speech_titles(home)
    before = sorted(p.name for p in (home / "index").iterdir())
    path = tmp_path / "门禁日志.txt"
    path.write_bytes(_huge())
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SPEECHQA_HOME": str(home), "HF_HUB_OFFLINE": "1"}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import cli, sys; sys.argv[0] = 'speechqa'; sys.exit(cli.main())",
            "add",
            str(path),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 1
    said = [line for line in (done.stdout + done.stderr).splitlines() if "门禁日志.txt" in line]
    assert (
        len(said) == 1
        and "文件太大" in said[0]
        and f"纯文本文件最多 {MAX_TEXT_BYTES // 1024 // 1024} MB" in said[0]
    )
    assert "Traceback" not in done.stderr
    assert speech_titles(home) == titles  # nothing added
    assert sorted(p.name for p in (home / "index").iterdir()) == before  # no index generation written


async def test_the_bot_refuses_a_text_past_the_limit_with_the_same_line(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """Before the download when Telegram says the size, after it when it does not: the same line as
    `speechqa add`, and nothing added."""
    titles = [s.title for s in seed_service.library.store.speeches()]
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_document_update("门禁日志.txt", _huge(), user_id=ADMIN))
        sized = api.last_message(ADMIN).plain_text
        assert not api.calls_of("getFile")  # refused before downloading
        await feed(app, api.make_document_update("门禁日志.txt", _huge(), with_size=False, user_id=ADMIN))
        unsized = api.last_message(ADMIN).plain_text
    limit = f"纯文本文件最多 {MAX_TEXT_BYTES // 1024 // 1024} MB"
    assert sized.startswith("❌ 文件太大：门禁日志.txt（10.0 MB）") and limit in sized
    assert unsized == sized  # read from the downloaded bytes: the same line
    assert [s.title for s in seed_service.library.store.speeches()] == titles
