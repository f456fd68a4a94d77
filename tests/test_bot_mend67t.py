"""End-to-end tests of the review's fixes to trial 67 (docs/trial67.md, 「Review fixes」): what a file sent as
application/octet-stream is read as, and how a refusal names it. The real Application, over real HTTP, against the
fake Bot API."""

from __future__ import annotations

import io
import logging
import zipfile
from pathlib import Path

import pytest
from telegram import Bot

from bot.delivery import StatusKeepingRequest
from bot.watch import WebhookWatch
from index import Store
from retrieval import SpeechService

from .bot_harness import ADMIN, TOKEN, feed, running_bot
from .fake_telegram import FakeBotAPI
from .sent_files import notice_docx

FIXTURES = Path(__file__).parent / "fixtures"
OCTET = "application/octet-stream"


def outlook_like() -> bytes:
    """A compound file that is no Word, Excel or PowerPoint file, as an Outlook .msg is: LibreOffice's .doc with its
    streams renamed as a .msg names its own (「__substg1.0_」; the directory's name lengths unchanged)."""
    data = (FIXTURES / "documents" / "work_conference.doc").read_bytes()
    for word, other in (("WordDocument", "__substg1.0_"), ("1Table", "2Table")):
        data = data.replace(word.encode("utf-16-le"), other.encode("utf-16-le"))
    return data


def stored_zip() -> bytes:
    """An archive (stored, not compressed, as some zip tools do) holding a Word file python-docx wrote."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("通知/关于举办老干部书画展的通知.docx", notice_docx())
    return out.getvalue()


@pytest.mark.slow
@pytest.mark.asyncio
async def test_octet_stream_files_are_named_by_what_they_are_and_refused_naming_them_as_sent(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """An Outlook-like compound file is not called a damaged .doc; a stored zip holding a .docx is an archive whose
    document is added; 「座谈会.ppt」 and 「邮件.msg」 are refused unread; a refusal names 「加密文件」 and 「空文件」 as sent
    (never 「加密文件.doc」); JSON, SVG and a vCard are not added as speeches."""
    async with running_bot(api, seed_service) as app:

        async def sent(name: str, data: bytes) -> tuple[str, int]:
            before = len(api.calls_of("getFile"))
            await feed(app, api.make_document_update(name, data, OCTET, user_id=ADMIN))
            return api.last_message(ADMIN).plain_text, len(api.calls_of("getFile")) - before

        mail, mail_fetched = await sent("邮件", outlook_like())
        archive, _ = await sent("材料", stored_zip())
        deck, deck_fetched = await sent("座谈会.ppt", outlook_like())  # (its bytes are never fetched)
        msg, msg_fetched = await sent("邮件.msg", outlook_like())
        locked, _ = await sent("加密文件", (FIXTURES / "documents" / "word_password.docx").read_bytes())
        empty, _ = await sent("空文件", b"\n\n")
        data = [
            (await sent(name, content))[0]
            for name, content in (
                ("数据", '{"标题": "关于老干部体检的通知", "日期": "2026-09-01"}'.encode()),
                (
                    "图标",
                    '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><text>通知</text></svg>'.encode(),
                ),
                ("名片", "BEGIN:VCARD\nVERSION:3.0\nFN:赵明\nEND:VCARD\n".encode()),
            )
        ]
    assert mail_fetched == 1 and mail.startswith("❌ 不支持的文件类型：邮件（没有扩展名"), mail
    assert "当作 .doc" not in mail and "损坏" not in mail, mail
    assert "材料.zip › 通知/关于举办老干部书画展的通知.docx" in archive and "新增" in archive, archive
    assert deck_fetched == 0 and "座谈会.ppt 是旧版 PowerPoint 演示文稿" in deck, deck
    assert msg_fetched == 0 and "不支持的文件类型：邮件.msg" in msg, msg
    assert "设有打开密码" in locked and "加密文件.doc" not in locked and "加密文件（Telegram" in locked, (
        locked
    )
    assert "文件是空的：空文件（Telegram" in empty and "空文件.txt" not in empty, empty
    for refused in data:
        assert refused.startswith("❌ 不支持的文件类型："), refused
        assert "新增" not in refused, refused


@pytest.mark.asyncio
async def test_a_read_only_home_is_said_once_by_the_webhook_watch_then_quiet(
    api: FakeBotAPI, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The webhook watch keeping its checks in a store that cannot be written (a read-only data home): one WARNING,
    then quiet while it lasts (again after `repeat_after`, as the watch's other repeated warnings), and a line when
    the checks are kept again. The real Store, opened read-only; Telegram is the fake Bot API over real HTTP."""
    Store(tmp_path / "speechqa.db").close()  # the home as the bot made it
    read_only = Store(tmp_path / "speechqa.db", read_only=True)
    writable = Store(tmp_path / "speechqa.db")
    now = [1_800_000_000.0]
    watch = WebhookWatch(
        "https://bot.example.org/speechqa", 300, lambda: None, repeat_after=3600, clock=lambda: now[0]
    )
    watch.on_checked = read_only.record_webhook_check
    caplog.set_level(logging.DEBUG, logger="bot.watch")
    unkept = "could not keep the webhook check's result"

    def warned() -> int:
        return sum(1 for r in caplog.records if r.levelno == logging.WARNING and unkept in r.getMessage())

    async with Bot(TOKEN, base_url=api.base_url, request=StatusKeepingRequest()) as bot:
        await bot.set_webhook(watch.url)
        for _ in range(5):  # every 5 minutes for 25 minutes
            assert await watch.check(bot)
            now[0] += 300
        assert warned() == 1
        now[0] += 3600
        assert await watch.check(bot)
        assert warned() == 2  # said again after an hour while it lasts
        watch.on_checked = writable.record_webhook_check  # the home writable again
        assert await watch.check(bot)
    assert any("kept for speechqa health again" in r.getMessage() for r in caplog.records)
    assert writable.webhook_check() is not None and writable.webhook_check().result == "ok"  # type: ignore[union-attr]
    read_only.close()
    writable.close()
