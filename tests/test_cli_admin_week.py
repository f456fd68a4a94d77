"""End-to-end tests of what an administrator's week found (docs/trial37.md): the real `speechqa` processes,
the real library and model, the fake Bot API over real HTTP."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from index import BotRunning, bot_lock

from .fake_telegram import FakeBotAPI, html_to_text
from .test_bot_cli import bot_env, bot_process, interrupt


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
