"""Tidy 63 (docs/tidy63.md): small defects left by session 62, each seen where a user sees it — through the real
command line in a subprocess, on a copy of the indexed bundled speeches."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from retrieval import SpeechService

from .bot_harness import ADMIN, feed, running_bot
from .fake_telegram import FakeBotAPI

ROOT = Path(__file__).resolve().parent.parent


def speechqa(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`speechqa ARGS…` of this checkout on the data home `home`, offline, default settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPEECHQA_")}
    env.update(PYTHONPATH=str(ROOT), SPEECHQA_HOME=str(home), HF_HUB_OFFLINE="1", PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-c", "import sys; from cli import main; sys.exit(main())", *args],
        cwd=home.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_a_question_writing_shenme_as_hong_kong_and_taiwan_do_is_answered_as_with_shenme(
    seed_home: Path,
) -> None:
    """「甚麼時候」 is read as 什么时候: the same passage, answer sentence and confidence as the simplified question
    (it was 「甚么」, no question word: a topic word to search for, and no time asked)."""
    asked = {
        spelling: speechqa(seed_home, "ask", "-k", "1", f"五心服务先进集体和先进个人{spelling}评选表彰？")
        for spelling in ("什么时候", "甚麼時候", "什麼時候")
    }
    for done in asked.values():
        assert done.returncode == 0, done.stderr
    shown = {
        spelling: re.sub(r"\(\d+ ms\)", "", done.stdout).replace(spelling, "什么时候")
        for spelling, done in asked.items()
    }
    assert "2024年底评选表彰" in shown["什么时候"]
    assert shown["甚麼時候"] == shown["什么时候"] == shown["什麼時候"]


def test_a_pin_onto_a_passage_sharing_no_word_with_the_question_is_kept_and_warned_of(
    seed_home: Path,
) -> None:
    """`speechqa pin` of a question about opening hours onto a passage about check-ups (a mistyped id) is kept,
    and one Chinese line names the passage and how to unpin it; a pin onto a passage holding the question's
    words says nothing more (it was silent either way)."""
    from index import Library

    passages = Library(seed_home).store.passages()
    related = next(p for p in passages if "离休干部" in p.text and "体检" in p.text)
    unrelated = next(
        p
        for p in passages
        if not any(w in f"{p.speech_title} {p.text}" for w in ("老年", "大学", "阅览", "开门", "开放"))
    )

    wrong = speechqa(seed_home, "pin", "老年大学阅览室几点开门？", str(unrelated.id))
    assert wrong.returncode == 0, wrong.stderr
    lines = wrong.stdout.splitlines()
    assert lines[0].startswith("已设为标准答案：#1「老年大学阅览室几点开门？」")
    assert lines[1].startswith(f"⚠ 段落 #{unrelated.id}（《{unrelated.speech_title}》")
    assert "老年大学、阅览室、开门" in lines[1] and lines[1].endswith("用 speechqa unpin 1 取消。")
    assert "老年大学阅览室几点开门？" in speechqa(seed_home, "pins").stdout  # kept: the admin decides

    right = speechqa(seed_home, "pin", "离休干部体检规定是什么？", str(related.id))
    assert right.returncode == 0, right.stderr
    assert right.stdout.splitlines() == [
        f"已设为标准答案：#2「离休干部体检规定是什么？」→ 段落 #{related.id}《{related.speech_title}》"
    ]


@pytest.mark.asyncio
@pytest.mark.slow
async def test_the_bots_pin_onto_a_passage_sharing_no_word_says_so_in_a_line(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """📌 under a passage holding none of the question's words (the closest of a question the library does not
    answer) pins it and then says so in one line, naming the passage and where to unpin it; 📌 under a passage
    holding them says nothing more. The real Application over real HTTP against the fake Bot API."""
    async with running_bot(api, seed_service) as app:
        lines = []
        for question in ("阅览室几点开门？", "离休干部体检规定是什么？"):
            await feed(app, api.make_text_update(question, user_id=ADMIN))
            answer = api.last_message(ADMIN)
            sent = len(api.calls_of("sendMessage"))
            await feed(
                app, api.make_callback_update(answer, answer.button_data("📌 设为标准答案 1"), user_id=ADMIN)
            )
            lines.append([c.params["text"] for c in api.calls_of("sendMessage")[sent:]])
        pins = [state.pin for state in seed_service.library.store.pins()]
    wrong, right = lines
    assert [p.question for p in pins] == ["阅览室几点开门？", "离休干部体检规定是什么？"]  # both kept
    assert len(wrong) == 1 and wrong[0].startswith(
        f"⚠ 段落 #{pins[0].passage_id}（《{pins[0].speech_title}》"
    )
    assert "阅览室、开门" in wrong[0] and wrong[0].endswith("请核对是不是这一段，不是的话可在 /pins 里取消。")
    assert right == []


def _catches_sigterm(pid: int) -> bool:
    """Whether the process has installed its own SIGTERM handler (Linux: /proc/PID/status SigCgt)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("SigCgt:"):
            return bool(int(line.split()[1], 16) >> (signal.SIGTERM - 1) & 1)
    return False


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("after", [0.0, 0.5])
def test_sigterm_in_a_commands_first_seconds_says_it_was_interrupted(seed_home: Path, after: float) -> None:
    """SIGTERM (kill, docker stop) while `speechqa ask` loads its modules, model and index — its first seconds —
    ended it with no line (SIGTERM's default), where Ctrl-C said 「已中断。」; now it says so too, exit 143, and
    nothing else reaches the user (no 「Exception ignored」 from an import it landed in)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPEECHQA_")}
    env.update(
        PYTHONPATH=str(ROOT), SPEECHQA_HOME=str(seed_home), HF_HUB_OFFLINE="1", PYTHONIOENCODING="utf-8"
    )
    started = subprocess.Popen(
        [sys.executable, "-c", "import sys; from cli import main; sys.exit(main())", "ask", "离休干部体检"],
        cwd=seed_home.parent,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # main() sets its handler first of all, before any command module is imported: signalled then, or
    # `after` seconds later, the command is still loading (the model alone takes longer)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not _catches_sigterm(started.pid):
        time.sleep(0.005)
    time.sleep(after)
    started.send_signal(signal.SIGTERM)
    out, err = started.communicate(timeout=60)
    assert started.returncode == 143, (out, err)
    assert err == "已中断。\n" and out == ""


@pytest.mark.slow
@pytest.mark.asyncio
async def test_sigterm_to_the_running_bot_is_still_python_telegram_bots_to_handle(seed_home: Path) -> None:
    """The start-up SIGTERM handler is replaced by the bot's own once it polls: SIGTERM then stops the bot the
    way python-telegram-bot does (exit 0, its updates acknowledged), not with the start-up's 「已中断。」."""
    from .fake_telegram import FakeBotAPI as Api
    from .test_bot_cli import bot_env

    async with Api() as api:
        env = {**bot_env(seed_home, api.base_url, allowed_users="1001"), "PYTHONPATH": str(ROOT)}
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            "import sys; from cli import main; sys.exit(main())",
            "bot",
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        try:
            await api.wait_for("setMyCommands", timeout=120)  # post_init ran: run_polling is up
            process.send_signal(signal.SIGTERM)
            _, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
    log = stderr.decode()
    assert process.returncode == 0, log
    assert "已中断。" not in log
