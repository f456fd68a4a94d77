"""Trial 58 (docs/trial58.md): the IT person who installs speechqa from the README and runs the bot as a service.

A log file the bot cannot write. The README's systemd unit runs the bot as its own user with
SPEECHQA_LOG_FILE=/var/log/speechqa/bot.log; that user may not make /var/log/speechqa, and a bot tried by hand
as root first leaves a bot.log only root may write. Before, `speechqa bot` then printed a Python traceback
and 「speechqa 内部出错…这是程序的问题，不是操作的问题」, exit 1, and systemd restarted it every 30 s. Now one
line names the variable, the path, the user and the command that mends it, before anything else is done.
Run through the real command line (`speechqa bot`), as another uid for real where permissions are the point.

An environment file saved on Windows (below): each value ends in \r; speechqa's variables are now read without it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cli.settings import MODEL_VARIABLES, SettingsError, load_settings, strip_hub_variables

TOKEN = "123456:TEST-token_for_the_fake"
SERVICE = 65534  # nobody: the service's own user
UNREACHABLE = "http://127.0.0.1:9/bot"  # nothing listens: a bot that got past its log would wait there

# `speechqa bot` as another user: what it imports is imported before the switch (the interpreter's files may lie
# under a home the other user cannot enter), as tests/test_index_home_owner.py does
SPEECHQA_AS = (
    "import os, sys, signal, encodings.idna, pwd, sqlite3, logging.handlers; "
    "sys.argv = ['speechqa', *sys.argv[1:]]; "
    "from cli import main; import cli.main, cli.telegram, cli.logs, index.library, index.store, retrieval, bot; "
    "os.setgid({uid}); os.setuid({uid}); sys.exit(main())"
)


def command(uid: int | None) -> list[str]:
    code = (
        SPEECHQA_AS.format(uid=uid)
        if uid is not None
        else "import sys; from cli import main; sys.exit(main())"
    )
    return [sys.executable, "-c", code, "bot"]


def env(folder: Path, log_file: Path) -> dict[str, str]:
    """SPEECHQA_LOG_FILE=log_file, a data home in `folder`, Telegram unreachable."""
    return {
        **os.environ,
        "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
        "SPEECHQA_HOME": str(folder / "home"),
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "SPEECHQA_TELEGRAM_API_URL": UNREACHABLE,
        "SPEECHQA_LOG_FILE": str(log_file),
        "HF_HUB_OFFLINE": "1",
    }


def bot(folder: Path, log_file: Path, uid: int | None = None) -> subprocess.CompletedProcess[str]:
    """`speechqa bot` (as `uid`) with SPEECHQA_LOG_FILE=log_file and a data home of its user in `folder`."""
    return subprocess.run(
        command(uid), cwd="/tmp", env=env(folder, log_file), capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def server() -> Iterator[Path]:
    """A folder like /var/log: root's, every user may pass through it; a data home of the service's user in it."""
    folder = Path(tempfile.mkdtemp(prefix="speechqa-trial58-", dir="/tmp"))
    os.chmod(folder, 0o755)
    (folder / "home").mkdir(mode=0o700)
    os.chown(folder / "home", SERVICE, SERVICE)
    yield folder
    shutil.rmtree(folder)


def one_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr + done.stdout and "内部出错" not in done.stderr, done.stderr
    assert done.stderr.count("\n") == 1, done.stderr  # one line, nothing tried before it
    return done.stderr.strip()


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to run the bot as another user")
def test_a_log_folder_the_service_user_may_not_make_is_named_with_the_commands_that_make_it(
    server: Path,
) -> None:
    log_file = server / "speechqa" / "bot.log"
    line = one_line(bot(server, log_file, uid=SERVICE))
    assert line == (
        f"错误：无法写入日志文件 SPEECHQA_LOG_FILE={log_file}：用户 nobody 不能建文件夹 {log_file.parent}"
        f"（{server} 不许它写），请先建好日志文件夹并交给这个用户：mkdir -p {log_file.parent} && chown nobody "
        f"{log_file.parent}"
    )
    assert not log_file.parent.exists()
    # done as it says, the bot gets past its log: to waiting for Telegram (unreachable here)
    log_file.parent.mkdir()
    os.chown(log_file.parent, SERVICE, SERVICE)
    started = subprocess.Popen(
        command(SERVICE), cwd="/tmp", env=env(server, log_file), stderr=subprocess.PIPE, text=True
    )
    try:
        assert started.stderr is not None
        assert "无法连接 Telegram（127.0.0.1:9）" in started.stderr.readline()
        assert "cannot reach the Bot API" in started.stderr.readline()  # the log's line: the file has it too
        for _ in range(100):  # the file's handler writes the record just after the terminal's
            if "cannot reach the Bot API at 127.0.0.1:9" in log_file.read_text(encoding="utf-8"):
                break
            time.sleep(0.1)
    finally:
        started.kill()
        started.wait()
    assert log_file.stat().st_uid == SERVICE
    assert "cannot reach the Bot API at 127.0.0.1:9" in log_file.read_text(encoding="utf-8")


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to run the bot as another user")
def test_a_log_file_left_by_root_is_named_with_its_owner_and_the_chown(server: Path) -> None:
    """The bot tried by hand as root first, then started by systemd as its user: the file is root's."""
    folder = server / "speechqa"
    folder.mkdir(mode=0o755)
    os.chown(folder, SERVICE, SERVICE)
    log_file = folder / "bot.log"
    log_file.write_text(
        "2026-12-06 09:00:00,000 INFO speechqa.bot: started by hand as root\n", encoding="utf-8"
    )
    log_file.chmod(0o644)
    line = one_line(bot(server, log_file, uid=SERVICE))
    assert line == (
        f"错误：无法写入日志文件 SPEECHQA_LOG_FILE={log_file}：没有写这个文件的权限（它属于用户 root，speechqa 以用户 "
        f"nobody 运行），请把它交给这个用户：chown nobody {log_file}"
    )
    assert log_file.read_text(encoding="utf-8").count("\n") == 1  # untouched


@pytest.mark.parametrize("where", ["a folder", "under a file"])
def test_a_log_path_that_is_no_file_is_one_line(tmp_path: Path, where: str) -> None:
    (tmp_path / "home").mkdir()
    (tmp_path / "logs").mkdir()
    (tmp_path / "notes.txt").write_text("不是文件夹", encoding="utf-8")
    log_file = tmp_path / "logs" if where == "a folder" else tmp_path / "notes.txt" / "bot.log"
    line = one_line(bot(tmp_path, log_file))
    head = f"错误：无法写入日志文件 SPEECHQA_LOG_FILE={log_file}："
    assert line == head + (
        f"这是一个文件夹，请给出文件的名字，如 SPEECHQA_LOG_FILE={log_file / 'bot.log'}"
        if where == "a folder"
        else "路径中有一段是文件而不是文件夹，请检查这个路径"
    )
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "不是文件夹"


# An environment file saved on Windows, read the README's way (`set -a; . /etc/speechqa.env; set +a`): every value
# ends in \r. Before, SPEECHQA_HOME=/srv/speechqa\r opened a new, empty library beside the service's one — a file
# added by hand went where the bot never looks — and SPEECHQA_HASH_USER_IDS=1\r left pseudonyms off.

VALUES = {
    "SPEECHQA_HOME": "/srv/speechqa",
    "SPEECHQA_MODEL": "intfloat/multilingual-e5-small",
    "SPEECHQA_TOKENIZER": "char+jieba",
    "SPEECHQA_TOP_K": "7",
    "SPEECHQA_LOG_FILE": "/var/log/speechqa/bot.log",
    "SPEECHQA_HASH_USER_IDS": "1",
    "SPEECHQA_ADMINS": "58001",
    "SPEECHQA_WEBHOOK_LISTEN": "127.0.0.1",
    "SPEECHQA_WEBHOOK_SECRET": "s3cret",
    "SPEECHQA_TELEGRAM_API_URL": "http://127.0.0.1:8081/bot",
    "TELEGRAM_BOT_TOKEN": TOKEN,
    "SPEECHQA_QUERY_PREFIX": "query: ",
}


@given(
    names=st.sets(st.sampled_from(sorted(VALUES)), min_size=1),
    before=st.sampled_from(["", " ", "\t"]),
    after=st.sampled_from(["\r", "\r\n", " \r", "\t", " "]),
)
def test_blanks_around_a_value_read_as_the_value(names: set[str], before: str, after: str) -> None:
    """Read from an env file with CRLF line ends or typed with a blank around it, every setting is the value
    meant; a prefix keeps its own trailing space (only a line end is taken off it)."""
    meant = load_settings(VALUES)
    typed = {
        name: (value + "\r" if name == "SPEECHQA_QUERY_PREFIX" else before + value + after)
        if name in names
        else value
        for name, value in VALUES.items()
    }
    assert load_settings(typed) == meant
    assert meant.telegram.hash_user_ids and meant.prefixes is not None and meant.prefixes.query == "query: "


def test_a_command_run_with_a_windows_env_file_opens_the_service_s_library(seed_home: Path) -> None:
    """`speechqa health` through the real command line, SPEECHQA_HOME ending in \r: the library is found."""
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from cli import main; sys.exit(main())", "health"],
        env={
            **os.environ,
            "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
            "SPEECHQA_HOME": f"{seed_home}\r",
            "SPEECHQA_TOP_K": "5\r",
            "HF_HUB_OFFLINE": "1",
        },
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("正常：5 篇讲话")
    assert sorted(p.name for p in seed_home.parent.iterdir()) == [seed_home.name]  # no 「home\r」 beside it


# A blank SPEECHQA_HOME (「SPEECHQA_HOME=」 on a Windows line: \r; or a space) was stripped to nothing and read as
# unset: the command opened the default library (~/.local/share/speechqa), building one there (review58).


def speechqa(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """The real command line, `speechqa ARGS…`, from this checkout."""
    return subprocess.run(
        [sys.executable, "-c", "import sys; from cli import main; sys.exit(main())", *args],
        cwd="/tmp",
        env={**env, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize("blank", ["", " ", "\r", "\t\r\n"])
def test_a_blank_speechqa_home_is_one_line_and_no_library_is_made_anywhere(
    tmp_path: Path, blank: str
) -> None:
    user = tmp_path / "user"  # the user's home: the default library would be made under it
    user.mkdir()
    clean = {k: v for k, v in os.environ.items() if k not in ("XDG_DATA_HOME", "SPEECHQA_HOME")}
    done = speechqa("health", env={**clean, "HOME": str(user), "SPEECHQA_HOME": blank, "HF_HUB_OFFLINE": "1"})
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0 and "Traceback" not in done.stderr
    assert "SPEECHQA_HOME" in done.stderr and "空的" in done.stderr
    assert str(user / ".local" / "share" / "speechqa") in done.stderr  # the default it did not fall back to
    assert list(user.iterdir()) == []  # no library made


def test_home_given_as_a_flag_overrides_a_blank_speechqa_home(seed_home: Path) -> None:
    done = speechqa(
        "--home", str(seed_home), "health", env={**os.environ, "SPEECHQA_HOME": "\r", "HF_HUB_OFFLINE": "1"}
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("正常：5 篇讲话")


def test_other_variables_left_blank_take_their_defaults() -> None:
    """The home refuses a blank (another library would be opened), the tokenizer too (it names none of its
    choices, as before); the others lose nothing by their default."""
    kept = ("SPEECHQA_HOME", "SPEECHQA_TOKENIZER", "SPEECHQA_QUERY_PREFIX")
    blank = {name: "\r" for name in VALUES if name not in kept}
    with pytest.raises(SettingsError, match="SPEECHQA_TOKENIZER 已设置但是空的") as refused:
        load_settings({"SPEECHQA_HOME": "/srv/speechqa", "SPEECHQA_TOKENIZER": "\r"})
    assert "''" not in str(refused.value)  # named by the variable, not by an empty value (ops60)
    assert load_settings({**blank, "SPEECHQA_HOME": "/srv/speechqa"}) == load_settings(
        {"SPEECHQA_HOME": "/srv/speechqa"}
    )


@pytest.mark.slow
def test_hf_hub_offline_ending_in_cr_keeps_a_new_library_off_the_hub(tmp_path: Path) -> None:
    """「HF_HUB_OFFLINE=1\r」 was not read as set: a first `add` asked the hub (3 s where it does not answer).
    A hub that would answer listens here: no connection may reach it."""
    speech = tmp_path / "讲话.txt"
    speech.write_text(
        "在老干部工作会议上的讲话\n同志们：\n要落实好离休干部每年一次体检的规定。\n", encoding="utf-8"
    )
    with socket.create_server(("127.0.0.1", 0)) as hub:
        hub.setblocking(False)
        done = speechqa(
            "add",
            str(speech),
            env={
                **os.environ,
                "SPEECHQA_HOME": str(tmp_path / "home"),
                "HF_HUB_OFFLINE": "1\r",
                "HF_ENDPOINT": f"http://127.0.0.1:{hub.getsockname()[1]}\r",
                "SENTENCE_TRANSFORMERS_HOME": str(tmp_path / "no-model-cache"),
            },
        )
        assert done.returncode == 0, done.stderr
        with pytest.raises(BlockingIOError):  # nobody knocked
            hub.accept()


# ops60: one rule for every variable. The model libraries' own (SENTENCE_TRANSFORMERS_HOME, HF_HOME …) were read
# as typed: 「SENTENCE_TRANSFORMERS_HOME=/srv/models\r」 another, empty cache; a blank HF_ENDPOINT no address.


@given(
    values=st.dictionaries(
        st.sampled_from(MODEL_VARIABLES),
        st.tuples(
            st.sampled_from(["", " ", "\t"]),
            st.sampled_from(["", "1", "/srv/models", "https://hf-mirror.example.org"]),
            st.sampled_from(["", "\r", "\r\n", " "]),
        ),
        min_size=1,
    )
)
def test_the_model_variables_are_read_stripped_and_a_blank_one_as_unset(
    values: dict[str, tuple[str, str, str]],
) -> None:
    environ = {"PATH": " /usr/bin ", **{name: "".join(parts) for name, parts in values.items()}}
    strip_hub_variables(environ)
    assert environ["PATH"] == " /usr/bin "  # not speechqa's nor a model library's: left as it is
    for name, (_, value, _) in values.items():
        assert environ.get(name) == (value or None)


@pytest.mark.parametrize("blank", ["", " ", "\r", "\t\r\n"])
def test_a_blank_tokenizer_is_one_line_naming_the_variable(tmp_path: Path, blank: str) -> None:
    done = speechqa(
        "health",
        env={
            **os.environ,
            "SPEECHQA_HOME": str(tmp_path / "home"),
            "SPEECHQA_TOKENIZER": blank,
            "HF_HUB_OFFLINE": "1",
        },
    )
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0 and "Traceback" not in done.stderr
    assert "SPEECHQA_TOKENIZER 已设置但是空的" in done.stderr and "''" not in done.stderr
    assert not (tmp_path / "home").exists()


def test_blank_model_variables_leave_a_command_on_its_defaults(seed_home: Path) -> None:
    """Every model variable blank or a Windows line end (\r), and XDG_DATA_HOME too: `speechqa health` of the
    service's home answers as with none of them set."""
    blanks = {name: "\r" for name in MODEL_VARIABLES}
    done = speechqa(
        "health",
        env={
            **os.environ,
            **blanks,
            "HF_HUB_OFFLINE": "1\r",
            "XDG_DATA_HOME": " \r",
            "SPEECHQA_HOME": f"{seed_home}\r",
        },
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("正常：5 篇讲话")


def test_xdg_data_home_ending_in_a_line_end_is_the_folder_meant() -> None:
    assert load_settings({"XDG_DATA_HOME": "/srv/data\r"}).home == Path("/srv/data/speechqa")
    assert load_settings({"XDG_DATA_HOME": " \r", "HOME": "/home/u"}).home.name == "speechqa"
