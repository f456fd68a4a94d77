"""Bounded logs: identical records rate-limited, the log file rotated (issue 13, defect 12)."""

from __future__ import annotations

import io
import logging
import logging.handlers
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot import handlers as bot_handlers
from bot.logfilter import PTB_REQUEST_LOGGER
from cli.logs import FORMAT, RepeatFilter, file_handler
from cli.settings import load_settings
from cli.telegram import configure_logging
from retrieval import SpeechService

from .bot_harness import ADMIN, USER, feed, running_bot
from .fake_telegram import FakeBotAPI
from .test_bot_cli import TOKEN


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def captured(filter_: logging.Filter) -> tuple[logging.Logger, io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(filter_)
    logger = logging.getLogger(f"test.repeat.{id(stream)}")
    logger.propagate = False
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return logger, stream


def test_identical_records_pass_a_few_times_per_window_then_the_count_of_the_rest() -> None:
    clock = Clock()
    logger, stream = captured(RepeatFilter(burst=3, window=60, clock=clock))
    for _ in range(1000):
        logger.error("polling failed: %s", "boom")
    logger.info("something else")  # a different record is not held back
    clock.now = 61
    logger.error("polling failed: %s", "boom")
    lines = stream.getvalue().splitlines()
    assert lines[:2] == ["polling failed: boom"] * 2
    assert lines[2] == "polling failed: boom [further identical records suppressed for 60 s]"
    assert lines[3] == "something else"
    assert lines[4] == "polling failed: boom [997 identical records suppressed in the previous 60 s]"
    assert len(lines) == 5


def test_records_differing_in_their_exception_are_not_identical() -> None:
    logger, stream = captured(RepeatFilter(burst=1, window=60, clock=Clock()))
    for error in (ValueError("a"), ValueError("a"), KeyError("b"), ValueError("c")):
        try:
            raise error
        except Exception:
            logger.exception("handler failed")
    assert stream.getvalue().count("Traceback") == 3  # the second ValueError("a") was held back


def test_nonsense_limits_are_refused() -> None:
    with pytest.raises(ValueError):
        RepeatFilter(burst=0)


def test_the_log_file_rotates_at_its_size(tmp_path: Path) -> None:
    handler = file_handler(tmp_path / "logs" / "bot.log", max_bytes=10_000, backups=2)
    handler.setFormatter(logging.Formatter(FORMAT))
    logger = logging.getLogger("test.rotation")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        for n in range(2000):
            logger.warning("record number %d with some padding to fill the file", n)
    finally:
        logger.removeHandler(handler)
        handler.close()
    files = sorted(p.name for p in (tmp_path / "logs").iterdir())
    assert files == ["bot.log", "bot.log.1", "bot.log.2"]
    assert all((tmp_path / "logs" / f).stat().st_size <= 10_000 for f in files)
    assert "record number 1999" in (tmp_path / "logs" / "bot.log").read_text(encoding="utf-8")


@pytest.fixture
def root_logging() -> Iterator[logging.Logger]:
    """The root logger, restored afterwards (configure_logging changes it)."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    ptb = logging.getLogger(PTB_REQUEST_LOGGER)
    ptb_filters = list(ptb.filters)
    root.handlers = [logging.StreamHandler(io.StringIO())]
    yield root
    for handler in root.handlers:
        handler.close()
    root.handlers, root.level = handlers, level
    ptb.filters = ptb_filters


def test_speechqa_log_file_adds_a_rotating_file_with_the_same_filters(
    tmp_path: Path, root_logging: logging.Logger
) -> None:
    settings = load_settings({"SPEECHQA_LOG_FILE": str(tmp_path / "bot.log"), "SPEECHQA_LOG_MAX_MB": "1"})
    configure_logging(TOKEN, settings.telegram)
    for _ in range(50):
        logging.getLogger("telegram.ext.Updater").error("request failed for %s", TOKEN)
    for handler in root_logging.handlers:
        handler.flush()
    text = (tmp_path / "bot.log").read_text(encoding="utf-8")
    assert text.count("request failed") == 5 and TOKEN not in text and "<token>" in text
    rotating = [h for h in root_logging.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
    assert rotating and rotating[0].maxBytes == 1024 * 1024


@pytest.mark.slow
@pytest.mark.asyncio
async def test_a_flood_of_failing_updates_writes_a_bounded_log(
    seed_service: SpeechService, root_logging: logging.Logger
) -> None:
    configure_logging(TOKEN)
    stream = root_logging.handlers[0].stream  # type: ignore[attr-defined]
    async with FakeBotAPI() as api, running_bot(api, seed_service) as app:
        api.fail_next("sendMessage", error_code=400, description="Bad Request: injected failure", times=400)
        for _ in range(200):  # each answer fails, and so does each apology
            await feed(app, api.make_text_update("/speech 2"))
    log = stream.getvalue()
    assert len(api.calls_of("sendMessage", ok=False)) == 400
    assert log.count("error while handling an update") <= 6
    assert log.count("Traceback") <= 6
    assert log.count("could not tell chat") <= 6
    assert len(log.encode()) < 60_000
    assert f"could not tell chat {USER}" in log


@pytest.mark.slow
@pytest.mark.asyncio
async def test_html_error_pages_of_the_file_server_and_of_a_proxy_are_one_warning_line_each(
    seed_service: SpeechService, root_logging: logging.Logger
) -> None:
    """Telegram's file server answering a download with its 502 page, and nginx before a self-hosted Bot API
    server refusing an exported Word file with its 413 page: python-telegram-bot logged each page at ERROR
    with a traceback (and the download's retry once more). Now the log holds one WARNING line naming the
    page's title for each, no traceback; the file is added and the user is told of the size in Chinese."""
    configure_logging(TOKEN)
    stream = root_logging.handlers[0].stream  # type: ignore[attr-defined]
    notice = "关于老年书画班报名的通知\n书画班定于下月开班，请离退休干部到活动中心报名。".encode()
    async with FakeBotAPI() as api, running_bot(api, seed_service) as app:
        api.fail_next_download(502)
        await feed(app, api.make_document_update("书画班.txt", notice, "text/plain", user_id=ADMIN))
        added = api.last_message(ADMIN).plain_text
        api.upload_limit, api.upload_limit_by_proxy = 2_000, True  # bytes: less than any .docx
        await feed(app, api.make_text_update("怎样发挥老干部的作用？"))
        answer = api.last_message(USER)
        await feed(app, api.make_callback_update(answer, answer.button_data("导出 Word")))
        told = api.last_message(USER).plain_text
    log = stream.getvalue()
    assert "新增 #" in added, added
    assert told == bot_handlers.TOO_LARGE_TO_SEND
    assert [c.status for c in api.calls_of("sendDocument", ok=None)] == [413]
    assert "Traceback" not in log and " ERROR " not in log and "<html" not in log, log
    pages = [line for line in log.splitlines() if "answered with a page, not JSON" in line]
    assert len(pages) == 2 and all(" WARNING telegram.request.BaseRequest: " in line for line in pages), log
    assert pages[0].endswith("not JSON: 502 Bad Gateway") and pages[1].endswith(
        "413 Request Entity Too Large"
    )
    assert (
        "downloading a file failed (RefusedWithStatus: Bad Gateway (502): the server answered with a page, "
        in log
    )
    assert "for its size: Request Entity Too Large (413): the server answered with a page, 413 " in log
