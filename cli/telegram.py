"""`speechqa bot`, `speechqa stats` and `speechqa prune-log`: run the Telegram bot; print usage statistics from
the query log; delete its older part."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import re
import secrets
import time
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

import click

from index import QueryStats, SpeechIndexError, bot_lock
from retrieval import check_read_only_home, prepare_many_searches

from .console import error_object, json_text
from .logs import FORMAT, LogFileError, RepeatFilter, file_handler
from .main import NOISY_LOGGERS, Context, UserError, cli, confirm, json_errors, pass_context, user_errors
from .settings import TelegramSettings

TOKEN_SHAPE = re.compile(r"\d+:[A-Za-z0-9_-]+")  # a bot token: the bot's numeric id, a colon, its secret

if TYPE_CHECKING:
    from telegram.error import NetworkError

log = logging.getLogger("speechqa.bot")
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")
_CHANNELS = {"telegram": "Telegram", "cli": "命令行"}


class RedactSecret(logging.Filter):
    """Replace a secret (the bot token) wherever it would appear in a log line or a traceback."""

    def __init__(self, secret: str) -> None:
        super().__init__()
        self.secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.secret in message:
            record.msg, record.args = message.replace(self.secret, "<token>"), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text and self.secret in record.exc_text:
            record.exc_text = record.exc_text.replace(self.secret, "<token>")
        return True


def configure_logging(token: str, settings: TelegramSettings | None = None) -> None:
    """The bot logs what it does to stderr (and to SPEECHQA_LOG_FILE, rotated, when set), at INFO;
    httpx (whose request lines hold the token) at WARNING. Identical records are rate-limited; PTB's ERROR
    with a traceback about a server's HTML error page is one WARNING line (`bot.NotJsonPage`)."""
    from bot import quiet_not_json_pages

    root = logging.getLogger()
    root.setLevel(min(root.level, logging.INFO) if root.level else logging.INFO)
    if not root.handlers:
        root.addHandler(logging.StreamHandler())
    if settings is not None and settings.log_file is not None:
        root.addHandler(
            file_handler(settings.log_file, settings.log_max_mb * 1024 * 1024, settings.log_backups)
        )
    repeats = RepeatFilter()  # shared: a record is judged once, whichever handler sees it first
    for handler in root.handlers:
        handler.setFormatter(logging.Formatter(FORMAT))
        handler.addFilter(RedactSecret(token))
        handler.addFilter(repeats)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    quiet_not_json_pages()
    for library in NOISY_LOGGERS:  # at ERROR for a command-line user without -v (cli/main.py): logged here
        logging.getLogger(library).setLevel(logging.WARNING)


def wait_for_telegram(settings: TelegramSettings) -> None:
    """Block until the Bot API answers, retrying with back-off: one line when it cannot be reached,
    one when it can again (the errors themselves go to the log at DEBUG). The event loop stays set
    for `run_polling`/`run_webhook`."""
    from telegram.error import InvalidToken

    from bot import wait_until_reachable

    where = urlparse(settings.api_url).netloc if settings.api_url else "api.telegram.org"
    failures = 0
    started = time.monotonic()

    def failed(error: NetworkError, delay: float) -> None:
        nonlocal failures
        failures += 1
        log.debug("the Bot API at %s did not answer (%r); next attempt in %.0f s", where, error, delay)
        if failures == 1:
            click.echo(
                f"无法连接 Telegram（{where}）：检查网络或 SPEECHQA_TELEGRAM_API_URL。正在自动重试…", err=True
            )
            # the log file (SPEECHQA_LOG_FILE) is where an administrator looks when the bot is silent
            log.warning(
                "cannot reach the Bot API at %s (%s); retrying with back-off until it answers", where, error
            )

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        loop.run_until_complete(wait_until_reachable(settings, failed))
    except InvalidToken:
        raise UserError(
            "TELEGRAM_BOT_TOKEN 无效：Telegram 不认识这个 token，请向 @BotFather 核对。"
        ) from None
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    if failures:
        click.echo(f"已连接 Telegram（{where}）。", err=True)
        log.info(
            "the Bot API at %s answers, after %d failed attempts over %.0f s",
            where,
            failures,
            time.monotonic() - started,
        )


def webhook_options(settings: TelegramSettings) -> dict[str, Any]:
    """Arguments of `Application.run_webhook`: listen address, the URL's path, and a secret token that
    Telegram sends with every update (a random one per start when SPEECHQA_WEBHOOK_SECRET is unset)."""
    assert settings.webhook_url
    secret = settings.webhook_secret or secrets.token_urlsafe(32)
    if not _SECRET.fullmatch(secret):
        raise UserError("SPEECHQA_WEBHOOK_SECRET 只能包含字母、数字、下划线和连字符（1–256 个字符）。")
    return {
        "listen": settings.webhook_listen,
        "port": settings.webhook_port,
        "url_path": urlparse(settings.webhook_url).path.strip("/"),
        "webhook_url": settings.webhook_url,
        "secret_token": secret,
        "allowed_updates": _all_update_types(),
    }


def _all_update_types() -> list[str]:
    from telegram import Update  # python-telegram-bot costs ~0.3 s to import: only the bot needs it

    return list(Update.ALL_TYPES)


@cli.command("bot")
@pass_context
def bot_command(obj: Context) -> None:
    """运行 Telegram 机器人。

    默认用长轮询；设置了 SPEECHQA_WEBHOOK_URL 时改用 webhook。需要设置 TELEGRAM_BOT_TOKEN（向 @BotFather 申请）。谁可以使用，由 SPEECHQA_ALLOWED_USERS、
    SPEECHQA_ALLOWED_CHATS 和 SPEECHQA_ADMINS 决定（用逗号分隔的数字 ID）；三者都不设置时，
    任何人都可以使用。模型和索引在启动时加载一次。

    \b
    示例：
        TELEGRAM_BOT_TOKEN=123456:ABC-DEF SPEECHQA_ADMINS=11111111 speechqa bot
        SPEECHQA_WEBHOOK_URL=https://bot.example.org/speechqa SPEECHQA_WEBHOOK_SECRET=s3cret speechqa bot
    """
    settings = obj.settings.telegram
    if not settings.token:
        raise UserError(
            "没有设置 TELEGRAM_BOT_TOKEN：请在 Telegram 中向 @BotFather 创建机器人，"
            "把它给出的 token 设为环境变量 TELEGRAM_BOT_TOKEN 后重试。"
        )
    if not TOKEN_SHAPE.fullmatch(settings.token):
        # Telegram would answer 404 to every call; retrying "network errors" forever helps nobody
        raise UserError(
            "TELEGRAM_BOT_TOKEN 格式不对：@BotFather 给出的 token 形如「123456789:AAE…」"
            "（数字、冒号、再一串字母数字），请核对后重试。"
        )
    # a malformed webhook secret is said at once too, not after waiting for Telegram and loading the model
    webhook = webhook_options(settings) if settings.webhook_url else None
    with user_errors(LogFileError):  # a log the service's user may not write is said at once, in one line
        configure_logging(settings.token, settings)
    with contextlib.ExitStack() as held:
        with user_errors():  # an unusable data home is said at once, not after waiting for Telegram
            # opening the library checks the folder and its database; a read-only one must also hold an
            # index and a speech, since the bot could neither build the one nor take an upload of the other
            check_read_only_home(obj.library, need_speeches=True)
            # one process per bot and data home: a second would fight the first for every update
            held.enter_context(bot_lock(obj.library.home, settings.token.split(":", 1)[0]))
        run_bot(obj, settings, webhook)


def run_bot(obj: Context, settings: TelegramSettings, webhook: dict[str, Any] | None) -> None:
    """Wait for Telegram, load the model and index, and serve until stopped (the log is set up)."""
    wait_for_telegram(settings)  # before loading the model: a wrong token or no network shows at once
    from telegram.error import InvalidToken

    from bot import build_application, token_refused

    with user_errors():
        service = obj.service()
        prepare_many_searches()  # a long-running process: compiled span scoring, jieba's whole dictionary
        app = build_application(settings, service, page_size=obj.settings.top_k)
    access = (
        "open to everyone"
        if not (settings.allowed_users or settings.allowed_chats or settings.admins)
        else f"{len(settings.allowed_users)} allowed users, {len(settings.allowed_chats)} allowed chats, "
        f"{len(settings.admins)} admins"
    )
    click.echo(started_line(settings), err=True)
    # the token was checked at start (getMe): refused now — by setWebhook or the deleteWebhook that begins polling,
    # by getUpdates (the bot stops, see `bot.token_refused`) or by the last getUpdates as it stops — it was revoked
    # or replaced in @BotFather meanwhile
    refused = False
    try:
        if webhook is not None:
            log.info("starting the bot with a webhook at %s (%s)", settings.webhook_url, access)
            app.run_webhook(**webhook)
        else:
            log.info("starting the bot with long polling (%s); Ctrl-C stops it", access)
            app.run_polling(allowed_updates=_all_update_types(), close_loop=True)
    except InvalidToken:
        refused = True
    if refused or token_refused(app):
        raise UserError(
            "TELEGRAM_BOT_TOKEN 已失效：Telegram 不再接受这个 token（可能已在 @BotFather 撤销或重新生成），"
            "机器人已停止。请换上新的 token 后重新启动。"
        )


def started_line(settings: TelegramSettings) -> str:
    """What the person who started the bot reads: how it receives updates and who may use it (an
    open bot said plainly: anyone who finds it reads the corpus)."""
    how = f"webhook {settings.webhook_url}" if settings.webhook_url else "长轮询"
    if not (settings.allowed_users or settings.allowed_chats or settings.admins):
        who = (
            "任何人都可以使用（没有设置 SPEECHQA_ALLOWED_USERS、SPEECHQA_ALLOWED_CHATS 或 SPEECHQA_ADMINS），"
            "也没有管理员"
        )
    else:
        who = (
            f"授权用户 {len(settings.allowed_users)} 位、授权群 {len(settings.allowed_chats)} 个、"
            f"管理员 {len(settings.admins)} 位"
        )
    return f"机器人已启动（{how}）：{who}。按 Ctrl-C 停止。"


@cli.command("stats")
@click.option(
    "--top",
    type=click.IntRange(1, 100),
    default=10,
    show_default=True,
    metavar="条数",
    help="列出多少条未答问题。",
)
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出各项数字。")
@pass_context
def stats_command(obj: Context, top: int, as_json: bool) -> None:
    """根据提问记录统计使用情况。

    包括提问次数（机器人和命令行分别统计）、有答案的比例、机器人 👍/👎 按钮的反馈、
    平均检索用时、最常见的未答问题，以及标准答案条数（含失效的）。

    \b
    示例：
        speechqa stats
        speechqa stats --json --top 20
    """
    unavailable: str | None = None
    with user_errors(), json_errors(error_object if as_json else None):
        pins = obj.library.store.pins()
        # a question a pin answers now (its matcher serves it, as a search would) is not left unanswered:
        # deciding that needs the model, loaded only when there is a pin to serve
        served = None
        if any(p.usable for p in pins):
            try:
                served = obj.service().current().pins_serve
            # no model here, a damaged index: what the library holds still shows
            except SpeechIndexError as e:
                unavailable = f"检索暂不可用，未答问题没有按标准答案筛选：{e}"
        stats = obj.library.store.query_stats(top=top, pinned_since=served)
    flagged = sum(1 for p in pins if not p.usable)
    if as_json:
        data = {**stats_json(stats), "pins": {"total": len(pins), "flagged": flagged}}
        if unavailable is not None:
            data["search_unavailable"] = unavailable
        click.echo(json_text(data, indent=1))
    else:
        click.echo(render_stats(stats))
        if pins:
            note = f"，其中 {flagged} 条失效（段落已改变或讲话已删除，见 speechqa pins）" if flagged else ""
            click.echo(f"标准答案：{len(pins)} 条{note}")
    if unavailable is not None:
        click.echo(unavailable, err=True)


@cli.command("prune-log")
@click.option("--before", required=True, metavar="日期", help="删除这一天之前的提问记录（YYYY-MM-DD）。")
@click.option("-y", "--yes", is_flag=True, help="不再询问确认。")
@pass_context
def prune_log_command(obj: Context, before: str, yes: bool) -> None:
    """删除某一天之前的提问记录及其 👍/👎 反馈，并压缩数据库文件。

    speechqa stats 和机器人的 /stats 只统计留下的记录；讲话、段落和标准答案不受影响。
    那一天之前的回答，「更多结果」「导出 Word」等按钮会提示找不到记录，请重新提问。
    删除前会先询问确认，加 --yes 则不询问。

    \b
    示例：
        speechqa prune-log --before 2026-01-01
        speechqa prune-log --before 2026-01-01 --yes
    """
    day = _iso_day(before)
    with user_errors():
        store = obj.library.store
        store.require_writable()
        count = store.logged_before(day)
        if not count:
            click.echo(f"{day} 之前没有提问记录，没有做任何改动。")
            return
        if not yes and not confirm(f"删除 {day} 之前的 {count} 条提问记录及其反馈？", default=False):
            raise click.Abort
        pruned = store.prune_log(day)
    mb = 1024 * 1024
    click.echo(
        f"已删除 {day} 之前的提问记录 {pruned.questions} 条、反馈 {pruned.votes} 条；"
        f"数据库 {pruned.size_before / mb:.2f} MB → {pruned.size_after / mb:.2f} MB"
    )


def _iso_day(text: str) -> str:
    """A day as `YYYY-MM-DD`, or one Chinese line and exit 1."""
    try:
        return dt.date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise UserError(f"日期格式不对：{text}（应为 YYYY-MM-DD，例如 2026-01-01）。") from None


def stats_json(stats: QueryStats) -> dict[str, Any]:
    return {
        "questions": stats.questions,
        "answered": stats.answered,
        "answered_share": round(stats.answered_share, 4),
        "feedback": {"helpful": stats.helpful, "unhelpful": stats.unhelpful},
        "mean_latency_ms": round(stats.mean_latency_ms, 2),
        "by_channel": dict(stats.by_channel),
        "top_unanswered": [{"question": q, "count": n} for q, n in stats.top_unanswered],
    }


def render_stats(stats: QueryStats) -> str:
    if not stats.questions:
        return "还没有任何提问记录。"
    channels = " · ".join(f"{_CHANNELS.get(c, c)} {n}" for c, n in stats.by_channel)
    lines = [
        f"提问：{stats.questions} 次（{channels}）",
        f"有答案：{stats.answered} 次（{stats.answered_share:.0%}）",
        f"反馈：👍 {stats.helpful} · 👎 {stats.unhelpful}",
        f"平均检索用时：{stats.mean_latency_ms:.0f} 毫秒",
    ]
    if stats.top_unanswered:
        lines.append("最常见的未答问题：")
        lines += [f"  {n:>3} 次  {q}" for q, n in stats.top_unanswered]
    return "\n".join(lines)
