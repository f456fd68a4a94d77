"""End-to-end tests of the bot in daily use (trial 66, docs/trial66.md): webhook mode notices a token revoked while
the bot runs (getWebhookInfo now and then: `bot.watch`), says a failed check and a webhook Telegram cannot deliver to
in one WARNING line each, and never stops for them. The real Application (or `speechqa bot` itself), over real HTTP,
against the fake Bot API."""

from __future__ import annotations

import asyncio
import io
import logging
import time
import zipfile
from pathlib import Path

import aiohttp
import pytest
from telegram import Bot

from bot import format as fmt
from bot import handlers as bot_handlers
from bot import said
from bot.delivery import StatusKeepingRequest
from bot.watch import WebhookWatch
from cli.settings import SettingsError, load_settings
from retrieval import SpeechService

from .bot_harness import (
    ADMIN,
    TOKEN,
    USER,
    WEBHOOK_SECRET,
    bot_settings,
    feed,
    free_port,
    running_bot,
    webhook,
)
from .fake_telegram import FakeBotAPI, html_to_text
from .sent_files import NOTICE, notice_docx
from .test_bot_cli import bot_env, bot_process

QUESTION = "离休干部体检规定是什么？"
CITED = "要落实好离休干部每年一次体检的规定"
CHECK = 0.2  # seconds between webhook checks in the in-process tests (300 by default)


def watch_lines(caplog: pytest.LogCaptureFixture) -> list[tuple[int, str]]:
    return [(r.levelno, r.getMessage()) for r in caplog.records if r.name == "bot.watch"]


def problems(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


@pytest.mark.slow
@pytest.mark.asyncio
async def test_a_token_revoked_while_the_webhook_bot_runs_stops_it_with_the_same_chinese_line(
    seed_home: Path,
) -> None:
    """Webhook mode, the token revoked in @BotFather while `speechqa bot` runs: Telegram just stops sending updates,
    and the bot went on running, deaf for good, nothing said. Now its next check of the webhook (getWebhookInfo,
    every SPEECHQA_WEBHOOK_CHECK_SECONDS) is refused 401 and it stops as polling does: exit 1, the same Chinese
    line, no traceback."""
    port = free_port()
    async with FakeBotAPI() as api:
        env = bot_env(
            seed_home,
            api.base_url,
            allowed_users=str(USER),
            webhook_url="https://bot.example.org/speechqa",
            webhook_listen="127.0.0.1",
            webhook_port=str(port),
            webhook_secret=WEBHOOK_SECRET,
            webhook_check_seconds="1",
        )
        async with bot_process(env) as process:
            await api.wait_for("setWebhook", timeout=180)
            await api.wait_for("getWebhookInfo", timeout=60)  # checked, and all well: it goes on
            async with aiohttp.ClientSession() as http:
                headers = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
                url = f"http://127.0.0.1:{port}/speechqa"
                async with http.post(url, json=api.make_text_update(QUESTION), headers=headers) as r:
                    assert r.status == 200
            (answer,) = await api.wait_for("sendMessage", timeout=60)
            assert CITED in html_to_text(answer.params["text"])
            assert process.returncode is None
            api.revoke_token()
            _, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
        assert [c.status for c in api.calls_of("getWebhookInfo", ok=False)] == [401]
    log = stderr.decode()
    assert process.returncode == 1, log
    assert "TELEGRAM_BOT_TOKEN 已失效" in log and "请换上新的 token 后重新启动" in log
    assert "Traceback" not in log and "内部出错" not in log and TOKEN not in log
    assert "Telegram refuses the bot's token" in log


@pytest.mark.slow
@pytest.mark.asyncio
async def test_a_failed_webhook_check_is_one_warning_and_the_bot_keeps_answering(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    """Telegram's servers answer the check 502, then 404 (a proxy's route), then the connection breaks: the token
    may well stand, so the bot never stops for these — one WARNING line for the first failed check, DEBUG for the
    others while it lasts, one INFO line when Telegram answers again; a failed check is not tried again at once (the
    next comes in its time), so nothing else is logged. Questions are answered all along."""
    port = free_port()
    settings = bot_settings(api, webhook_url=f"http://127.0.0.1:{port}/speechqa", webhook_check_seconds=CHECK)
    api.fail_next("getWebhookInfo", 502, None, "Bad Gateway")
    api.fail_next("getWebhookInfo", 404, None, "Not Found")
    api.drop_next("getWebhookInfo")
    with caplog.at_level(logging.DEBUG, logger="bot"):
        async with running_bot(api, seed_service, settings) as app, webhook(app, port) as post:
            await api.wait_for("getWebhookInfo", timeout=30)  # the first that was answered
            assert await post(api.make_text_update(QUESTION)) == 200
            (answer,) = await api.wait_for("sendMessage", timeout=60)
            assert app.running and not app.token_refused  # type: ignore[attr-defined]
    assert CITED in html_to_text(answer.params["text"])
    statuses = [c.status for c in api.calls_of("getWebhookInfo", ok=None)]
    assert statuses[:4] == [502, 404, 0, 200], statuses
    lines = watch_lines(caplog)
    levels = [level for level, _ in lines]
    assert levels[:4] == [logging.WARNING, logging.DEBUG, logging.DEBUG, logging.INFO], lines
    assert "HTTP 502" in lines[0][1] and "keeps running" in lines[0][1]
    assert "after 3 failed checks" in lines[3][1]
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING and r.name != "bot.watch"]
    assert not problems(caplog)


@pytest.mark.slow
@pytest.mark.asyncio
async def test_telegrams_delivery_error_and_a_webhook_taken_over_are_said_once_each(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    """getWebhookInfo's `last_error_message` — Telegram could not deliver to the webhook (the proxy in front answered
    502, a certificate it does not trust) — is one WARNING line for the admin, however many checks see it; an error
    from before this start is not said. A webhook another process took (polling deletes it) is one WARNING line."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/speechqa"
    settings = bot_settings(api, webhook_url=url, webhook_check_seconds=CHECK)
    api.webhook_error("SSL error: certificate has expired", at=time.time() - 86_400)  # yesterday's: not said
    with caplog.at_level(logging.INFO, logger="bot.watch"):
        async with running_bot(api, seed_service, settings) as app, webhook(app, port):
            api.webhook_error("Wrong response from the webhook: 502 Bad Gateway")
            seen = len(api.calls_of("getWebhookInfo"))
            await api.wait_for("getWebhookInfo", count=seen + 3, timeout=30)
            api.webhook_url = ""  # another process with the same token started polling
            seen = len(api.calls_of("getWebhookInfo"))
            await api.wait_for("getWebhookInfo", count=seen + 3, timeout=30)
            assert app.running
    lines = [line for level, line in watch_lines(caplog) if level == logging.WARNING]
    assert len(lines) == 2, lines
    assert "could not deliver" in lines[0] and "502 Bad Gateway" in lines[0] and url in lines[0]
    assert "not set" in lines[1] and "another process with the same token" in lines[1]
    assert not any("certificate has expired" in line for line in lines)
    assert not problems(caplog)


@pytest.mark.asyncio
async def test_a_check_refused_401_calls_on_refused_once_and_ends_the_watch(api: FakeBotAPI) -> None:
    """The watch itself over the fake: answered, it goes on; refused 401, it calls `on_refused` and ends."""
    refused: list[None] = []
    watch = WebhookWatch("", 0.01, lambda: refused.append(None))
    async with Bot(TOKEN, base_url=api.base_url, request=StatusKeepingRequest()) as bot:
        assert await watch.check(bot)
        api.revoke_token()
        await asyncio.wait_for(watch.run(bot), timeout=10)
    assert refused == [None]


@pytest.mark.slow
@pytest.mark.asyncio
async def test_only_webhook_mode_is_watched_and_zero_turns_the_check_off(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """Polling notices a refused token by itself: no watch there; SPEECHQA_WEBHOOK_CHECK_SECONDS=0 turns it off."""
    url = "https://bot.example.org/speechqa"
    for settings, watched in (
        (bot_settings(api), False),
        (bot_settings(api, webhook_url=url), True),
        (bot_settings(api, webhook_url=url, webhook_check_seconds=0), False),
    ):
        async with running_bot(api, seed_service, settings) as app:
            assert (app.watch is not None) == watched  # type: ignore[attr-defined]


def test_the_check_interval_is_read_from_the_environment_and_a_bad_one_is_a_chinese_line(
    tmp_path: Path,
) -> None:
    home = {"SPEECHQA_HOME": str(tmp_path)}
    assert load_settings(home).telegram.webhook_check_seconds == 300
    assert load_settings({**home, "SPEECHQA_WEBHOOK_CHECK_SECONDS": "0"}).telegram.webhook_check_seconds == 0
    assert (
        load_settings({**home, "SPEECHQA_WEBHOOK_CHECK_SECONDS": "60"}).telegram.webhook_check_seconds == 60
    )
    with pytest.raises(SettingsError, match=r"SPEECHQA_WEBHOOK_CHECK_SECONDS.*不是整数"):
        load_settings({**home, "SPEECHQA_WEBHOOK_CHECK_SECONDS": "五分钟"})


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.mark.slow
@pytest.mark.asyncio
async def test_an_admins_file_without_an_extension_is_read_by_the_type_telegram_gives(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """A file sent with no extension — 「通知」 saved from a chat app, 「关于2026.9.1会议的通知」 whose last dot starts no
    extension — was refused 「不支持的文件类型：通知」 though Telegram said what it is (text/plain, a Word file). Now it
    is read by that type, cited under its name with the suffix (「通知.txt」); a file whose type says nothing
    (application/octet-stream) is still refused in one Chinese line."""
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_document_update("通知", NOTICE.encode(), "text/plain", user_id=ADMIN))
        plain = api.last_message(ADMIN).plain_text
        await feed(
            app, api.make_document_update("关于2026.9.1会议的通知", notice_docx(), DOCX, user_id=ADMIN)
        )
        word = api.last_message(ADMIN).plain_text
        await feed(app, api.make_document_update("扫描件", b"\x00\x01binary" * 40, user_id=ADMIN))
        refused = api.last_message(ADMIN).plain_text
        await feed(app, api.make_text_update("老干部活动中心什么时候闭馆？"))
        answer = api.last_message(USER).plain_text
    assert "通知.txt" in plain and "新增" in plain, plain
    assert "关于2026.9.1会议的通知.docx" in word and "关于举办老干部书画展的通知" in word, word
    assert refused.startswith("❌ 不支持的文件类型：扫描件"), refused
    assert "每周一闭馆维护" in answer


def notices_zip() -> bytes:
    """Attachments sent as one .zip (as an OA system or a colleague's mail sends them)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("通知/关于调整老干部活动中心开放时间的通知.txt", NOTICE)
        archive.writestr("通知/关于举办老干部书画展的通知.docx", notice_docx())
    return out.getvalue()


@pytest.mark.slow
@pytest.mark.asyncio
async def test_a_zip_with_a_command_under_it_is_an_upload_as_any_readable_file(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """An admin's .zip sent with 「/ask …」 written under it was answered as a question and the archive silently left
    out (a .zip or .mbox was not counted among the files the bot reads, which are uploads whatever their caption
    says). Now its documents are added and the report says the words were not taken as a question; a member's .zip
    with a question under it gets the answer under the line saying the file was not added, as a member's .docx."""
    caption = "/ask 书画展什么时候报送作品？"
    async with running_bot(api, seed_service) as app:
        await feed(
            app,
            api.make_document_update(
                "附件.zip", notices_zip(), "application/zip", caption=caption, user_id=ADMIN
            ),
        )
        report = api.last_message(ADMIN).plain_text
        await feed(
            app, api.make_document_update("材料.zip", notices_zip(), "application/zip", caption=caption)
        )
        member = api.last_message(USER).plain_text
    assert "附件.zip › 通知/关于举办老干部书画展的通知.docx" in report, report
    assert bot_handlers.CAPTION_NOT_ASKED in report
    assert "🔎" not in report
    assert member.startswith(fmt.not_added_note(bot_handlers.ADMINS_UPLOAD)), member
    assert "10月底前报送作品" in member


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("讲话 #2", 2),
        ("講話＃２", 2),
        ("讲话#12", 12),
        ("#2", 2),
        ("第二篇", 2),
        ("讲话", None),
        ("讲话稿 #2", None),
    ],
)
def test_a_speech_id_copied_with_the_word_answers_print_before_it_is_that_id(
    typed: str, number: int | None
) -> None:
    assert said.speech_number(typed) == number


@pytest.mark.slow
@pytest.mark.asyncio
async def test_speech_with_an_id_copied_from_an_answer_shows_that_speech(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """Answers cite a speech as 「讲话 #2」; `/speech 讲话 #2`, copied from one, got the usage line. Now the speech."""
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update("/speech 讲话 #2"))
        shown = api.last_message(USER).plain_text
        await feed(app, api.make_text_update("/speech 2"))
    assert shown == api.last_message(USER).plain_text and shown.startswith("📄 开创老干部工作新局面")
