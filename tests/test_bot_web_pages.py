"""A web page saved from a government site, sent to the bot and given to `speechqa add`: the notice is
added (its body only), and a page with no notice in it is refused in one Chinese line, nothing added."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from retrieval import SpeechService

from .bot_harness import ADMIN, USER, feed, running_bot
from .fake_telegram import FakeBotAPI
from .test_huge_text import speech_titles

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "fixtures" / "web_pages"

pytestmark = [pytest.mark.slow]


@pytest.mark.asyncio
async def test_admin_uploads_a_saved_notice_page_and_staff_can_ask_about_it(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    page = (PAGES / "art_exhibition.gov-div.gb2312.html").read_bytes()
    async with running_bot(api, seed_service, progress_interval=0) as app:
        await feed(app, api.make_document_update("书画摄影展通知.html", page, "text/html", user_id=ADMIN))
        report = api.last_message(ADMIN).plain_text
        assert "新增 #6 《关于举办2024年全市离退休干部书画摄影展的通知》" in report
        empty = (PAGES / "navigation_only.gov-div.html").read_bytes()
        await feed(app, api.make_document_update("通知公告.htm", empty, "text/html", user_id=ADMIN))
        refused = api.last_message(ADMIN).plain_text
        await feed(app, api.make_text_update("书画摄影展的作品什么时候报送？"))
    assert refused.startswith("❌ 通知公告.htm 中没有找到正文") and "\n" not in refused
    answer = api.last_message(USER).plain_text
    assert "关于举办2024年全市离退休干部书画摄影展的通知" in answer and "7月31日前" in answer
    assert "浏览次数" not in answer and "ICP备" not in answer
    assert len(seed_service.library.store.speeches()) == 6


def test_add_refuses_a_navigation_page_in_one_line_and_adds_nothing(seed_home: Path) -> None:
    titles = speech_titles(seed_home)
    before = sorted(p.name for p in (seed_home / "index").iterdir())
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SPEECHQA_HOME": str(seed_home), "HF_HUB_OFFLINE": "1"}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import cli, sys; sys.argv[0] = 'speechqa'; sys.exit(cli.main())",
            "add",
            str(PAGES / "navigation_only.gov-div.html"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 1
    said = [
        line for line in (done.stdout + done.stderr).splitlines() if "navigation_only.gov-div.html" in line
    ]
    assert len(said) == 1 and "没有找到正文" in said[0]
    assert "Traceback" not in done.stderr
    assert speech_titles(seed_home) == titles
    assert sorted(p.name for p in (seed_home / "index").iterdir()) == before
