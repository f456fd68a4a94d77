"""PTB's ERROR about a server's non-JSON answer (an HTML error page) made one WARNING line (bot/logfilter.py)."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from telegram.error import TelegramError
from telegram.request import BaseRequest

from bot.logfilter import PTB_REQUEST_LOGGER, SUMMARY_LIMIT, NotJsonPage, page_summary, shortened

from .fake_telegram import nginx_page


@pytest.fixture
def ptb_log() -> Iterator[io.StringIO]:
    """What PTB's request logger writes, with the filter on it (both taken off afterwards)."""
    logger = logging.getLogger(PTB_REQUEST_LOGGER)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    page_filter = NotJsonPage()
    logger.addFilter(page_filter)
    logger.addHandler(handler)
    yield stream
    logger.removeHandler(handler)
    logger.removeFilter(page_filter)


def test_ptbs_error_about_an_nginx_page_is_one_warning_line_with_its_title(ptb_log: io.StringIO) -> None:
    with pytest.raises(TelegramError):  # PTB's own parser, as it runs on a server's answer
        BaseRequest.parse_json_payload(nginx_page(413).encode())
    assert ptb_log.getvalue() == (
        f"WARNING {PTB_REQUEST_LOGGER}: the Bot API server (or a proxy before it) answered with a page, not "
        "JSON: 413 Request Entity Too Large\n"
    )


def test_a_page_without_a_title_is_told_by_its_text_and_other_records_pass_unchanged(
    ptb_log: io.StringIO,
) -> None:
    with pytest.raises(TelegramError):
        BaseRequest.parse_json_payload(
            b"<html><body><p>Service&nbsp;Temporarily\n Unavailable</p></body></html>"
        )
    logging.getLogger(PTB_REQUEST_LOGGER).error("another error: %s", "kept")
    assert ptb_log.getvalue().splitlines() == [
        f"WARNING {PTB_REQUEST_LOGGER}: the Bot API server (or a proxy before it) answered with a page, not "
        "JSON: Service Temporarily Unavailable",
        f"ERROR {PTB_REQUEST_LOGGER}: another error: kept",
    ]
    assert page_summary("   ") == "(empty)"
    assert page_summary("<html><head><title>502 Bad Gateway</title></head></html>") == "502 Bad Gateway"


def test_an_errors_message_keeps_its_status_and_the_pages_title_only() -> None:
    page = nginx_page(502).encode()
    message = f"Bad Gateway (502). Parsing the server response {page!r} failed"
    assert shortened(message) == "Bad Gateway (502): the server answered with a page, 502 Bad Gateway"
    assert shortened("Bad Request: message thread not found") == "Bad Request: message thread not found"


@settings(deadline=None)  # a shared machine under load: time is not what is tested
@given(st.text(max_size=3000) | st.binary(max_size=3000).map(lambda b: b.decode("utf-8", "replace")))
def test_any_answer_that_is_not_json_becomes_one_short_warning_line_without_a_traceback(page: str) -> None:
    try:
        json.loads(page)
        return  # JSON: PTB logs nothing
    except ValueError:
        pass
    record = logging.LogRecord(
        PTB_REQUEST_LOGGER, logging.ERROR, __file__, 1, 'Can not load invalid JSON data: "%s"', (page,), None
    )
    try:
        raise ValueError("Expecting value")
    except ValueError as e:
        record.exc_info = (type(e), e, e.__traceback__)
    assert NotJsonPage().filter(record)
    line = record.getMessage()
    assert record.levelno == logging.WARNING and record.levelname == "WARNING"
    assert record.exc_info is None and record.exc_text is None
    assert "\n" not in line and "\r" not in line
    summary = line.rsplit("not JSON: ", 1)[1]
    assert 0 < len(summary) <= SUMMARY_LIMIT
    assert shortened(f"Bad Gateway (502). Parsing the server response {page.encode()!r} failed").startswith(
        "Bad Gateway (502): the server answered with a page, "
    )
