"""`speechqa bot` and `speechqa stats` on the command line."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from cli import cli
from cli.settings import TelegramSettings
from cli.telegram import RedactSecret, webhook_options
from corpus import Document
from index import Library, Store
from retrieval import check_read_only_home

from .bot_harness import ADMIN, TOKEN, USER, free_port
from .fake_telegram import FakeBotAPI, html_to_text
from .fakes import FakeEmbedder
from .test_cli_library import read_only_view


def test_bot_without_a_token_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["bot"], env={"TELEGRAM_BOT_TOKEN": "", "SPEECHQA_HOME": str(tmp_path)})
    assert result.exit_code == 1
    assert result.output.startswith("错误：没有设置 TELEGRAM_BOT_TOKEN")
    assert result.output.count("\n") == 1 and "Traceback" not in result.output


@pytest.mark.parametrize("token", ["abc", "123456", "ABC:123456", "123456:has spaces"])
def test_bot_with_a_malformed_token_says_so_instead_of_retrying(tmp_path: Path, token: str) -> None:
    result = CliRunner().invoke(
        cli, ["bot"], env={"TELEGRAM_BOT_TOKEN": token, "SPEECHQA_HOME": str(tmp_path)}
    )
    assert result.exit_code == 1
    assert result.output.startswith("错误：TELEGRAM_BOT_TOKEN 格式不对")
    assert result.output.count("\n") == 1 and "Traceback" not in result.output


@pytest.mark.parametrize("command", ["bot", "stats"])
def test_help_has_an_example(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "示例：" in result.output and f"speechqa {command}" in result.output


def test_webhook_options_take_the_path_from_the_url_and_always_have_a_secret() -> None:
    settings = TelegramSettings(
        token=TOKEN, webhook_url="https://bot.example.org/speechqa/hook", webhook_secret="s3cret_-token"
    )
    options = webhook_options(settings)
    assert options["url_path"] == "speechqa/hook"
    assert options["secret_token"] == "s3cret_-token"
    assert (options["listen"], options["port"]) == ("0.0.0.0", 8443)
    unset = TelegramSettings(token=TOKEN, webhook_url="https://bot.example.org/")
    first, second = webhook_options(unset), webhook_options(unset)
    assert first["url_path"] == "" and len(first["secret_token"]) >= 32
    assert first["secret_token"] != second["secret_token"]
    with pytest.raises(click.ClickException, match="SPEECHQA_WEBHOOK_SECRET"):
        webhook_options(TelegramSettings(token=TOKEN, webhook_url="https://x.org/", webhook_secret="not ok!"))


def test_a_malformed_webhook_secret_is_said_before_telegram_is_waited_for(tmp_path: Path) -> None:
    """It used to be checked after the Bot API answered and the model loaded: with Telegram out of reach
    the bot retried for ever and the secret was never named."""
    env = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "SPEECHQA_HOME": str(tmp_path),
        "SPEECHQA_TELEGRAM_API_URL": "http://127.0.0.1:9/bot",  # nothing listens on the discard port
        "SPEECHQA_WEBHOOK_URL": "http://127.0.0.1:9/speechqa",
        "SPEECHQA_WEBHOOK_SECRET": "not ok!",
    }
    result = CliRunner().invoke(cli, ["bot"], env=env)
    assert result.exit_code == 1
    assert (
        result.output.startswith("错误：SPEECHQA_WEBHOOK_SECRET 只能包含") and result.output.count("\n") == 1
    )
    assert "无法连接 Telegram" not in result.output


def test_the_token_is_redacted_from_log_lines_and_tracebacks() -> None:
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "GET /bot%s/getMe", (TOKEN,), None)
    try:
        raise RuntimeError(f"failed https://api.telegram.org/bot{TOKEN}/getMe")
    except RuntimeError:
        record.exc_info = sys.exc_info()
    assert RedactSecret(TOKEN).filter(record)
    assert TOKEN not in logging.Formatter().format(record)
    assert "/bot<token>/getMe" in record.getMessage()


def test_stats_prints_the_query_log_summary(tmp_path: Path) -> None:
    store = Store(tmp_path / "speechqa.db")
    for query, answered, channel in [
        ("问一", True, "telegram"),
        ("取暖费", False, "telegram"),
        ("取暖费", False, "cli"),
    ]:
        query_id = store.log_query(
            channel=channel, query=query, answered=answered, top_ids=[1], latency_ms=20.0
        )
    store.record_feedback(query_id=query_id, value=-1, user_id="u")
    store.close()
    runner = CliRunner()
    result = runner.invoke(cli, ["--home", str(tmp_path), "stats"])
    assert result.exit_code == 0, result.output
    assert "提问：3 次（Telegram 2 · 命令行 1）" in result.output
    assert "有答案：1 次（33%）" in result.output and "反馈：👍 0 · 👎 1" in result.output
    assert "2 次  取暖费" in result.output
    data = json.loads(runner.invoke(cli, ["--home", str(tmp_path), "stats", "--json"]).output)
    assert data["questions"] == 3 and data["top_unanswered"] == [{"question": "取暖费", "count": 2}]
    assert data["by_channel"] == {"telegram": 2, "cli": 1}


def bot_env(home: Path, api_url: str, **settings: str) -> dict[str, str]:
    """The environment `speechqa bot` runs in against the fake Bot API, with these SPEECHQA_* settings."""
    return {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "SPEECHQA_TELEGRAM_API_URL": api_url,
        "SPEECHQA_HOME": str(home),
        "NO_PROXY": "127.0.0.1,localhost",
        "HF_HUB_OFFLINE": "1",
        **{f"SPEECHQA_{name.upper()}": value for name, value in settings.items()},
    }


@contextlib.asynccontextmanager
async def bot_process(env: dict[str, str]) -> AsyncIterator[asyncio.subprocess.Process]:
    """`speechqa bot` as a process of its own (killed if a test fails before it stopped)."""
    speechqa = Path(sys.executable).parent / "speechqa"
    process = await asyncio.create_subprocess_exec(
        str(speechqa), "bot", env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    try:
        yield process
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def interrupt(process: asyncio.subprocess.Process) -> str:
    """Ctrl-C, as a person stops the bot: what it logged to the end."""
    process.send_signal(signal.SIGINT)
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
    return stderr.decode()


@pytest.mark.slow
@pytest.mark.asyncio
async def test_speechqa_bot_polls_answers_stops_on_sigint_and_never_logs_the_token(seed_home: Path) -> None:
    async with FakeBotAPI() as api:
        env = bot_env(seed_home, api.base_url, allowed_users=str(USER), admins=str(ADMIN))
        async with bot_process(env) as process:
            await api.wait_for("setMyCommands", timeout=60)  # post_init ran: run_polling is up
            api.push_update(api.make_text_update("离休干部体检规定是什么？"))
            (call,) = await api.wait_for("sendMessage", timeout=60)
            assert "要落实好离休干部每年一次体检的规定" in html_to_text(call.params["text"])
            log = await interrupt(process)
    assert process.returncode == 0, log
    assert "starting the bot with long polling" in log
    assert "机器人已启动（长轮询）：授权用户 1 位、授权群 0 个、管理员 1 位。按 Ctrl-C 停止。" in log
    assert TOKEN not in log and TOKEN.split(":")[1] not in log
    assert api.pending_updates == []


@pytest.mark.slow
@pytest.mark.asyncio
async def test_ids_typed_on_a_chinese_keyboard_are_read_as_typed_the_ascii_way(seed_home: Path) -> None:
    """「1002，1003」 (a full-width comma), full-width digits or 、 between ids: refused at start-up as
    「不是数字 ID（多个 ID 用逗号分隔）」 to someone who had typed a comma."""
    colleague = 1003
    async with FakeBotAPI() as api:
        env = bot_env(
            seed_home,
            api.base_url,
            allowed_users="１００１、 1004",
            allowed_chats="－100555",
            admins=f"{ADMIN}，{colleague}",
        )
        async with bot_process(env) as process:
            await api.wait_for("setMyCommands", timeout=60)
            api.push_update(api.make_text_update("/stats", user_id=colleague))
            (stats,) = await api.wait_for("sendMessage", timeout=60)
            api.push_update(api.make_text_update("离休干部体检规定是什么？", user_id=USER))
            answered = await api.wait_for("sendMessage", count=2, timeout=60)
            log = await interrupt(process)
    assert process.returncode == 0, log
    assert "机器人已启动（长轮询）：授权用户 2 位、授权群 1 个、管理员 2 位。按 Ctrl-C 停止。" in log
    assert html_to_text(stats.params["text"]).startswith("📊 使用统计")
    assert "要落实好离休干部每年一次体检的规定" in html_to_text(answered[-1].params["text"])


async def _read_line(stream: asyncio.StreamReader, wanted: str, timeout: float) -> list[str]:
    """stderr lines up to and including the first one containing `wanted`."""
    lines: list[str] = []
    async with asyncio.timeout(timeout):
        while True:
            line = (await stream.readline()).decode()
            if not line:
                raise AssertionError(f"{wanted!r} never came: {lines}")
            lines.append(line)
            if wanted in line:
                return lines


@pytest.mark.slow
@pytest.mark.asyncio
async def test_speechqa_bot_started_while_telegram_is_unreachable_says_so_once_and_connects_later(
    seed_home: Path, tmp_path: Path
) -> None:
    """…on the terminal and in its log file (SPEECHQA_LOG_FILE), where an administrator looks when the bot is
    silent: before trial 58 the file said nothing of it, its last line the previous stop."""
    port = free_port()  # nothing listens there yet: Telegram is "unreachable"
    api = FakeBotAPI(port=port)
    log_file = tmp_path / "log" / "bot.log"
    env = bot_env(seed_home, f"http://127.0.0.1:{port}/bot", allowed_users=str(USER), log_file=str(log_file))
    try:
        async with bot_process(env) as process:
            assert process.stderr is not None
            before = await _read_line(process.stderr, "无法连接 Telegram", timeout=120)
            await asyncio.sleep(3)  # a few retries while it stays unreachable: no more lines
            await api.start()
            after = await _read_line(process.stderr, "已连接 Telegram", timeout=90)
            await api.wait_for("setMyCommands", timeout=60)
            api.push_update(api.make_text_update("离休干部体检规定是什么？"))
            (call,) = await api.wait_for("sendMessage", timeout=60)
            assert "要落实好离休干部每年一次体检的规定" in html_to_text(call.params["text"])
            rest = await interrupt(process)
    finally:
        await api.stop()
    unreachable = [line for line in before + after if "无法连接" in line]
    assert unreachable == [
        f"无法连接 Telegram（127.0.0.1:{port}）：检查网络或 SPEECHQA_TELEGRAM_API_URL。正在自动重试…\n"
    ]
    log = "".join(before + after) + rest
    assert "Traceback" not in log and len(before + after) < 10, log
    assert process.returncode == 0, log
    logged = log_file.read_text(encoding="utf-8").splitlines()
    unreachable = [line for line in logged if "cannot reach the Bot API" in line]
    assert (
        len(unreachable) == 1
        and f"WARNING speechqa.bot: cannot reach the Bot API at 127.0.0.1:{port}" in (unreachable[0])
    )
    answers = [line for line in logged if f"the Bot API at 127.0.0.1:{port} answers, after" in line]
    assert len(answers) == 1 and logged.index(unreachable[0]) < logged.index(answers[0])


def test_a_token_telegram_does_not_know_is_a_one_line_error(tmp_path: Path) -> None:
    async def serve_and_run() -> click.testing.Result:
        async with FakeBotAPI() as api:
            api.fail_next("getMe", error_code=401, description="Unauthorized")
            runner = CliRunner()
            env = {"TELEGRAM_BOT_TOKEN": TOKEN, "SPEECHQA_TELEGRAM_API_URL": api.base_url}
            return await asyncio.to_thread(runner.invoke, cli, ["--home", str(tmp_path), "bot"], env=env)

    result = asyncio.run(serve_and_run())
    assert result.exit_code == 1
    assert "TELEGRAM_BOT_TOKEN 无效" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("home", ["a file", "under a file", "a damaged database"])
def test_an_unusable_data_home_is_said_at_once_without_calling_telegram(tmp_path: Path, home: str) -> None:
    """The bot says what is wrong with its data home in the CLI's own line, before waiting to reach
    Telegram (which, unreachable, would be retried for ever first)."""
    saved = tmp_path / "speechqa-备份.db"
    saved.write_text("不是文件夹", encoding="utf-8")
    path = {"a file": saved, "under a file": saved / "home", "a damaged database": tmp_path / "home"}[home]
    if home == "a damaged database":
        path.mkdir()
        (path / "speechqa.db").write_bytes(b"not a database" * 500)

    async def serve_and_run() -> tuple[click.testing.Result, list[str]]:
        async with FakeBotAPI() as api:
            env = {"TELEGRAM_BOT_TOKEN": TOKEN, "SPEECHQA_TELEGRAM_API_URL": api.base_url}
            result = await asyncio.to_thread(CliRunner().invoke, cli, ["--home", str(path), "bot"], env=env)
            return result, [call.method for call in api.calls]

    result, calls = asyncio.run(serve_and_run())
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert calls == []  # neither getMe nor anything else: the home was checked first
    cli_line = CliRunner().invoke(cli, ["--home", str(path), "speeches"]).output
    assert cli_line.startswith("错误：") and cli_line.count("\n") == 1
    assert result.output == cli_line
    assert saved.read_text(encoding="utf-8") == "不是文件夹"


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("SPEECHQA_TELEGRAM_API_URL", "notaurl"),
        ("SPEECHQA_TELEGRAM_API_URL", "127.0.0.1:8081/bot"),  # the scheme left out
        ("SPEECHQA_TELEGRAM_FILE_URL", "ftp://127.0.0.1/file/bot"),
        ("SPEECHQA_WEBHOOK_URL", "bot.example.org/speechqa"),
        ("SPEECHQA_WEBHOOK_URL", "http://bot.example.org/speechqa"),  # Telegram sends updates over HTTPS only
    ],
)
def test_a_malformed_url_setting_is_one_line_naming_it_not_endless_retries(
    tmp_path: Path, variable: str, value: str
) -> None:
    env = {
        **os.environ,
        "SPEECHQA_HOME": str(tmp_path),
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "SPEECHQA_TELEGRAM_API_URL": "",
        "SPEECHQA_TELEGRAM_FILE_URL": "",
        "SPEECHQA_WEBHOOK_URL": "",
        variable: value,
    }
    done = subprocess.run(
        [sys.executable, "-c", "from cli import main; main()", "bot"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.startswith(f"错误：{variable}=") and done.stderr.count("\n") == 1, done.stderr
    assert "无法连接" not in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("value", ["是", "2", "ture", "Y"])
def test_a_hash_user_ids_value_that_is_no_switch_is_refused_not_read_as_off(
    tmp_path: Path, value: str
) -> None:
    """「SPEECHQA_HASH_USER_IDS=是」 was read as off without a word: the bot logged every user's real id where
    the admin had asked for pseudonyms. Now the bot (and every command) stops in one line before Telegram
    or the library is touched."""
    env = {**os.environ, "SPEECHQA_HOME": str(tmp_path / "home"), "TELEGRAM_BOT_TOKEN": TOKEN}
    done = subprocess.run(
        [sys.executable, "-c", "from cli import main; main()", "bot"],
        env={**env, "SPEECHQA_HASH_USER_IDS": value},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert (
        done.stderr
        == f"错误：SPEECHQA_HASH_USER_IDS={value} 无效：要打开请写 1，要关闭请写 0（或删去这个变量）\n"
    )
    assert not (tmp_path / "home").exists()


@given(value=st.text(max_size=6))
def test_hash_user_ids_is_on_off_or_refused_never_silently_off(value: str) -> None:
    """Any value: on for 1/true/yes/on (any case, blanks around it), off for 0/false/no/off or blank, else
    a SettingsError naming the variable."""
    from cli.settings import SettingsError, load_settings

    word = value.strip().lower()
    env = {"SPEECHQA_HOME": "/tmp/x", "SPEECHQA_HASH_USER_IDS": value}
    if word in {"1", "true", "yes", "on"}:
        assert load_settings(env).telegram.hash_user_ids is True
    elif word in {"", "0", "false", "no", "off"}:
        assert load_settings(env).telegram.hash_user_ids is False
    else:
        with pytest.raises(SettingsError, match=r"^SPEECHQA_HASH_USER_IDS="):
            load_settings(env)


def test_a_self_hosted_bot_api_server_may_take_a_plain_http_webhook() -> None:
    from cli.settings import load_settings

    env = {
        "SPEECHQA_TELEGRAM_API_URL": "http://127.0.0.1:8081/bot",
        "SPEECHQA_WEBHOOK_URL": "http://10.0.0.2:8443/hook",
    }
    assert load_settings(env).telegram.webhook_url == "http://10.0.0.2:8443/hook"


def test_the_start_line_says_plainly_when_the_bot_is_open_to_everyone() -> None:
    from cli.telegram import started_line

    assert "任何人都可以使用" in started_line(TelegramSettings(token=TOKEN))
    hooked = started_line(
        TelegramSettings(token=TOKEN, admins=frozenset({ADMIN}), webhook_url="https://x.org/h")
    )
    assert hooked.startswith("机器人已启动（webhook https://x.org/h）：") and "管理员 1 位" in hooked


@pytest.mark.parametrize("library", ["no index", "no speech"])
def test_a_read_only_home_the_bot_could_not_serve_is_said_before_calling_telegram(
    tmp_path: Path, library: str
) -> None:
    """A read-only data home without an index (the bot cannot build one) or without a speech (and no
    upload could add one) is one Chinese line and exit 1 before Telegram is tried, which, unreachable,
    would be retried for ever first; one that holds both is served."""
    home = tmp_path / "home"
    if library == "no index":
        Store(home / "speechqa.db").close()
    else:
        empty = Library(home)
        empty.build(FakeEmbedder())
        empty.close()
    with read_only_view(home, tmp_path / "ro-home") as mount:

        async def serve_and_run() -> tuple[click.testing.Result, list[str]]:
            async with FakeBotAPI() as api:
                env = {"TELEGRAM_BOT_TOKEN": TOKEN, "SPEECHQA_TELEGRAM_API_URL": api.base_url}
                result = await asyncio.to_thread(
                    CliRunner().invoke, cli, ["--home", str(mount), "bot"], env=env
                )
                return result, [call.method for call in api.calls]

        result, calls = asyncio.run(serve_and_run())
    assert calls == []
    assert result.exit_code == 1 and "Traceback" not in result.output
    reason = (
        "其中还没有索引，无法建立" if library == "no index" else "其中的资料库是空的，0 篇讲话，也无法添加"
    )
    assert (
        result.output
        == f"错误：数据目录是只读的：{mount}（{reason}）"
        + (
            ""
            if library == "no index"
            else "：请以可写方式挂载后运行 speechqa add --bundled 或 speechqa add 文件"
        )
        + "\n"
    )


def test_a_read_only_home_with_speeches_and_an_index_passes_the_bot_check(tmp_path: Path) -> None:
    home = tmp_path / "home"
    library = Library(home)
    library.add_documents(
        [Document("讲话.txt", "在全市老干部工作会议上的讲话\n\n要落实好离休干部每年一次体检的规定。", "txt")],
        FakeEmbedder(),
    )
    library.close()
    with read_only_view(home, tmp_path / "ro-home") as mount:
        served = Library(mount)
        assert served.read_only
        check_read_only_home(served, need_speeches=True)
        served.close()


def test_a_group_id_with_a_typeset_minus_is_read_and_a_wrong_one_named_in_chinese_quotes() -> None:
    from cli.settings import SettingsError, load_settings

    env = {"SPEECHQA_HOME": "/tmp/x", "SPEECHQA_ALLOWED_CHATS": "−1001234567890，１００２"}
    assert load_settings(env).telegram.allowed_chats == {-1001234567890, 1002}
    with pytest.raises(SettingsError, match="SPEECHQA_ADMINS 中的「老王」不是数字 ID"):
        load_settings({"SPEECHQA_HOME": "/tmp/x", "SPEECHQA_ADMINS": "1002, 老王"})
