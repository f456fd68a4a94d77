"""`speechqa health`'s judgement of the bot's last webhook check (`cli.library.webhook_health`): unhealthy when
Telegram refused the token or no check has succeeded for `misses` intervals, else healthy — every line Chinese."""

from __future__ import annotations

import re
from collections.abc import Callable

from click.testing import Result
from hypothesis import given
from hypothesis import strategies as st

from cli.library import webhook_health
from index import WebhookCheck

START = 1_800_000_000.0  # 2027-01-15 08:00 UTC
URL = "https://bot.example.org/speechqa"
Run = Callable[..., Result]  # `run` (tests/conftest.py): the command on a copy of the seed home


def test_a_fresh_successful_check_is_healthy_and_says_when() -> None:
    check = WebhookCheck(URL, 300, START, checked_at=START + 300, result="ok", ok_at=START + 300)
    said = webhook_health(check, START + 400)
    assert said.healthy
    assert said.text == "webhook 检查 2027-01-15 16:05:00（北京时间）：正常"


def test_a_revoked_token_is_unhealthy_at_once() -> None:
    check = WebhookCheck(URL, 300, START, checked_at=START + 300, result="token_refused", ok_at=None)
    said = webhook_health(check, START + 301)
    assert not said.healthy
    assert "Telegram 不再接受 TELEGRAM_BOT_TOKEN" in said.text and "机器人已停止" in said.text


def test_failed_checks_are_unhealthy_only_after_misses_intervals_without_success() -> None:
    failing = WebhookCheck(
        URL, 300, START, checked_at=START + 900, result="unanswered", detail="HTTP 502", ok_at=START
    )
    assert webhook_health(failing, START + 900).healthy  # three intervals: not yet
    said = webhook_health(failing, START + 901)
    assert not said.healthy
    assert said.text == (
        "webhook 检查已有 15 分钟没有成功（每 5 分钟检查一次；最近一次成功在 2027-01-15 16:00:00（北京时间）；"
        "最近一次检查在 2027-01-15 16:15:00（北京时间）：连不上 Telegram（HTTP 502））"
    )
    assert webhook_health(failing, START + 1500, misses=5).healthy


def test_a_lasting_delivery_error_is_said_with_telegrams_words_and_fails_as_a_failed_check() -> None:
    error = "Wrong response from the webhook: 502 Bad Gateway"
    check = WebhookCheck(
        URL, 60, START, checked_at=START + 120, result="delivery_error", detail=error, ok_at=START + 60
    )
    said = webhook_health(check, START + 130)
    assert said.healthy and f"Telegram 的原话：「{error}」" in said.text
    assert not webhook_health(check, START + 300).healthy


def test_a_bot_that_never_checked_is_unhealthy_once_its_checks_are_overdue() -> None:
    started = WebhookCheck(URL, 300, START)
    assert webhook_health(started, START + 10).text.startswith("webhook 还没有检查过")
    said = webhook_health(started, START + 2000)
    assert not said.healthy and "从未成功" in said.text and "一次也没有检查" in said.text


RESULTS = ["started", "ok", "token_refused", "delivery_error", "taken_over", "unanswered"]


@given(
    every=st.floats(1, 3600),
    result=st.sampled_from(RESULTS),
    ok_after=st.one_of(st.none(), st.floats(0, 10_000)),
    now_after=st.floats(0, 50_000),
    misses=st.integers(1, 10),
    detail=st.sampled_from(
        ["", "HTTP 502", "Wrong response from the webhook: 502 Bad Gateway", "https://x.example"]
    ),
)
def test_healthy_exactly_when_the_token_stands_and_a_check_succeeded_within_misses_intervals(
    every: float, result: str, ok_after: float | None, now_after: float, misses: int, detail: str
) -> None:
    ok_at = None if ok_after is None else START + ok_after
    checked_at = None if result == "started" else START + max(ok_after or 0, 1)
    check = WebhookCheck(URL, every, START, checked_at=checked_at, result=result, detail=detail, ok_at=ok_at)
    now = START + now_after
    said = webhook_health(check, now, misses)
    since = ok_at if ok_at is not None else START
    assert said.healthy == (result != "token_refused" and now - since <= misses * every)
    # one line, and nothing English but what Telegram said (quoted) or a URL / HTTP status it names
    assert "\n" not in said.text
    assert not re.search(
        r"[A-Za-z]{3,}",
        said.text.replace(detail, "")
        .replace("TELEGRAM_BOT_TOKEN", "")
        .replace("BotFather", "")
        .replace("Telegram", "")
        .replace("webhook", "")
        .replace("token", ""),
    )


def test_health_help_names_its_option_value_in_chinese(run: Run) -> None:
    """`speechqa health --help` as every other command's: the value of --webhook-misses named in Chinese."""
    shown = run("health", "--help")
    assert shown.exit_code == 0, shown.output
    assert "--webhook-misses 次数" in shown.output, shown.output
    assert "INTEGER" not in shown.output and "RANGE" not in shown.output, shown.output
