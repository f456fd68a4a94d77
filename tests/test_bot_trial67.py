"""End-to-end tests of the bot in daily use (trial 67, docs/trial67.md): a file Telegram Desktop sends as
application/octet-stream with no extension (or another program's) read by its bytes; the webhook check's result
kept in the data home for `speechqa health`. The real Application, over real HTTP, against the fake Bot API."""

from __future__ import annotations

import asyncio
import io
import os
import sys
import time
import zipfile
from pathlib import Path

import pytest
from telegram import Bot, Document

from bot import said
from bot.callbacks import PinPassage, decode
from bot.delivery import StatusKeepingRequest
from bot.keyboards import PIN
from bot.watch import WebhookWatch
from index import Store, WebhookCheck
from retrieval import SpeechService

from .bot_harness import ADMIN, TOKEN, USER, bot_settings, feed, free_port, running_bot, webhook
from .fake_telegram import FakeBotAPI
from .sent_files import NOTICE, notice_docx

FIXTURES = Path(__file__).parent / "fixtures"
OCTET = "application/octet-stream"
QUESTION = "离休干部体检规定是什么？"


def notices_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("通知/关于调整老干部活动中心开放时间的通知.txt", NOTICE)
    return out.getvalue()


@pytest.mark.slow
@pytest.mark.asyncio
async def test_an_octet_stream_file_is_read_by_its_bytes_and_cited_under_its_format(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """Telegram Desktop sends a file it does not know as application/octet-stream: 「书画展通知」 (a Word file with no
    extension), 「会议讲话.tmp」 (a PDF LibreOffice exported, under another program's extension), 「开放时间」 (a GBK
    text), 「附件」 (a zip) were refused 「不支持的文件类型」 unread. Now, after the admin check and the download, each is
    read by what its bytes are and cited 「书画展通知.docx」, 「会议讲话.pdf」, 「开放时间.txt」, 「附件.zip › …」;
    bytes of no format read get one Chinese line naming the file as sent; a member's such file is not downloaded."""
    pdf = (FIXTURES / "documents" / "work_conference.pdf").read_bytes()
    async with running_bot(api, seed_service) as app:
        reports = []
        for name, content in (
            ("书画展通知", notice_docx()),
            ("会议讲话.tmp", pdf),
            ("开放时间", NOTICE.encode("gbk")),
            ("附件", notices_zip()),
            ("程序", b"MZ\x90\x00\x03\x00\x00\x00" + bytes(range(256)) * 4),
        ):
            await feed(app, api.make_document_update(name, content, OCTET, user_id=ADMIN))
            reports.append(api.last_message(ADMIN).plain_text)
        downloads = len(api.calls_of("getFile"))
        await feed(app, api.make_document_update("材料", notice_docx(), OCTET))
        member = api.last_message(USER).plain_text
        assert len(api.calls_of("getFile")) == downloads  # nothing fetched for a member
        await feed(app, api.make_text_update("书画展作品什么时候报送？"))
        answer = api.last_message(USER).plain_text
    word, speech, text, archive, refused = reports
    assert "书画展通知.docx" in word and "新增" in word, word
    assert "会议讲话.pdf" in speech and "新增" in speech, speech
    assert "开放时间.txt" in text and "新增" in text, text
    assert "附件.zip › 通知/关于调整老干部活动中心开放时间的通知.txt" in archive, archive
    assert refused.startswith("❌ 不支持的文件类型：程序（没有扩展名，Telegram 也没有标明类型"), refused
    assert "只有管理员可以上传讲话文件" in member, member
    assert "10月底前报送作品" in answer, answer


async def health(home: Path, *options: str) -> tuple[int, str]:
    """`speechqa health` as a container's health check runs it: a process of its own on the bot's data home."""
    speechqa = Path(sys.executable).parent / "speechqa"
    process = await asyncio.create_subprocess_exec(
        str(speechqa),
        "health",
        *options,
        env={**os.environ, "SPEECHQA_HOME": str(home), "HF_HUB_OFFLINE": "1"},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), timeout=120)
    assert process.returncode is not None
    return process.returncode, (out + err).decode()


async def checked(store: Store, result: str, *, after: float = 0.0, timeout: float = 30) -> WebhookCheck:
    """The webhook check kept in the store once one made after `after` came out `result`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        check = await asyncio.to_thread(store.webhook_check)
        if check is not None and check.result == result and (check.checked_at or 0) > after:
            return check
        await asyncio.sleep(0.05)
    raise AssertionError(f"no webhook check came out {result}: {store.webhook_check()}")


@pytest.mark.slow
@pytest.mark.asyncio
async def test_speechqa_health_reports_the_webhook_check_and_fails_when_checks_fail_or_the_token_is_revoked(
    api: FakeBotAPI, seed_service: SpeechService, seed_home: Path
) -> None:
    """The bot's webhook check (bot.watch) is kept in the data home's SQLite store; `speechqa health`, as a container
    runs it, reports it: 「webhook 检查 …：正常」 (exit 0) while Telegram answers; one Chinese line and exit 1 when no
    check has succeeded for --webhook-misses intervals (Telegram answering 502), and when Telegram refused the token
    (the bot stopped). A polling bot forgets an earlier run's checks: health says nothing of a webhook then."""
    port = free_port()
    store = seed_service.library.store
    settings = bot_settings(api, webhook_url=f"http://127.0.0.1:{port}/speechqa", webhook_check_seconds=0.5)
    async with running_bot(api, seed_service, settings) as app, webhook(app, port):
        await checked(store, "ok")
        code, healthy = await health(seed_home, "--webhook-misses", "20")
        failing_since = time.time()
        api.fail_next("getWebhookInfo", 502, None, "Bad Gateway", times=1000)
        await checked(store, "unanswered", after=failing_since)
        await asyncio.sleep(1.2)  # more than two intervals without a check that succeeded
        code_failing, failing = await health(seed_home, "--webhook-misses", "2")
    async with running_bot(api, seed_service, bot_settings(api)):  # polling now: the webhook's record goes
        assert store.webhook_check() is None
    code_polled, polled = await health(seed_home)
    # the token revoked: the watch (as the bot runs it, keeping its checks in the store) is refused 401 — in this
    # process the bot's stop would end the test's event loop: `speechqa bot` stopping so is trial66's test
    refused: list[None] = []
    watch = WebhookWatch(settings.webhook_url or "", 0.05, lambda: refused.append(None))
    watch.on_checked = store.record_webhook_check
    async with Bot(TOKEN, base_url=api.base_url, request=StatusKeepingRequest()) as bot:
        api.revoke_token()
        await asyncio.wait_for(watch.run(bot), timeout=30)
    code_revoked, revoked = await health(seed_home)
    assert code == 0 and healthy.startswith("正常："), healthy
    assert "；webhook 检查 " in healthy and healthy.rstrip().endswith("正常"), healthy
    assert code_failing == 1, failing
    assert failing.startswith("错误：webhook 检查已有 ") and "没有成功" in failing, failing
    assert "连不上 Telegram（HTTP 502）" in failing, failing
    assert code_polled == 0 and "webhook" not in polled, polled
    assert code_revoked == 1 and "Telegram 不再接受 TELEGRAM_BOT_TOKEN" in revoked, revoked
    assert "Traceback" not in failing + revoked
    assert refused == [None]


@pytest.mark.slow
@pytest.mark.asyncio
async def test_two_admins_pinning_one_question_at_once_each_sees_the_pin_that_stands(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """Two admins press 📌 under the same question at once, on different passages. Both pins are kept in turn; the
    second is told it replaced the first (as before). The first was told 「已设为标准答案」 and shown a page whose 📌
    is the other admin's passage, with no word of it. Now an admin whose pin does not stand is told, in Chinese,
    which passage replaced it; the pin that stands is the one both pages show."""
    second = ADMIN + 1
    settings = bot_settings(api, admins=frozenset({ADMIN, second}), allowed_users=frozenset({USER, second}))
    async with running_bot(api, seed_service, settings) as app:
        await feed(app, api.make_text_update(QUESTION, user_id=ADMIN))
        mine = api.last_message(ADMIN)
        await feed(app, api.make_text_update(QUESTION, user_id=second, first_name="Bob", username="bob"))
        theirs = api.last_message(second)
        pressed = {ADMIN: mine.button_data(f"{PIN} 1"), second: theirs.button_data(f"{PIN} 2")}
        await asyncio.gather(
            feed(app, api.make_callback_update(mine, pressed[ADMIN], user_id=ADMIN)),
            feed(app, api.make_callback_update(theirs, pressed[second], user_id=second, first_name="Bob")),
        )
        standing = seed_service.library.store.pin_of(QUESTION)
        pages = {
            chat: api.get_message(chat, m.message_id).plain_text
            for chat, m in ((ADMIN, mine), (second, theirs))
        }
        notes = {
            chat: [m.plain_text for m in api.messages(chat) if "随即被" in m.plain_text] for chat in pressed
        }
    assert standing is not None
    standing_text = standing.passage_text[:20]
    for chat, data in pressed.items():
        wanted = decode(data)
        assert isinstance(wanted, PinPassage)
        assert "📌 标准答案" in pages[chat] and standing_text in pages[chat].replace("\n", ""), pages[chat]
        if wanted.passage_id == standing.passage_id:
            assert not notes[chat], notes[chat]
        else:  # this admin's pin did not stand: said, with the passage that did
            assert len(notes[chat]) == 1 and f"换成了段落 #{standing.passage_id}" in notes[chat][0], notes[
                chat
            ]
    # at most the admin pinned over is told (none when the first press was through before the second began)
    assert sum(len(n) for n in notes.values()) <= 1


@pytest.mark.parametrize(
    ("name", "mime", "by_bytes"),
    [
        ("通知", OCTET, True),
        ("讲话.tmp", OCTET, True),
        ("通知.download", None, True),
        ("关于2026.9.1会议的通知", OCTET, True),  # its last dot starts no extension
        ("固件.bin", "binary/octet-stream", True),
        ("讲话.docx", OCTET, False),  # read by its name (a lying one: the reader's own refusal says so)
        ("附件.zip", OCTET, False),
        ("setup.exe", OCTET, False),  # a program's: refused unread, as before
        ("座谈会.ppt", OCTET, False),  # another program's known format: refused unread (review of trial67)
        ("邮件.msg", OCTET, False),
        ("文稿.pages", OCTET, False),
        ("数据.json", OCTET, False),
        ("数据.dat", OCTET, True),  # an extension no format is known by
        ("录音.mp3", OCTET, False),
        ("会议.mp4", OCTET, False),
        ("通知", "text/plain", False),  # the type Telegram gives names it (trial66)
        ("视频", "video/mp4", False),
    ],
)
def test_a_file_is_read_by_its_bytes_only_when_neither_its_type_nor_its_name_tells(
    name: str, mime: str | None, by_bytes: bool
) -> None:
    assert said.told_by_content(Document("F1", "U1", file_name=name, mime_type=mime)) is by_bytes


def test_a_file_named_by_its_bytes_keeps_its_name_and_says_why_in_a_refusal() -> None:
    pdf = (FIXTURES / "documents" / "work_conference.pdf").read_bytes()
    assert said.named_by_content("会议讲话.tmp", pdf) == said.ContentName(
        "会议讲话.pdf", "会议讲话.tmp（Telegram 没有标明类型，按文件内容当作 .pdf 文件读取）"
    )
    assert said.named_by_content("关于2026.9.1会议的通知", pdf).name == "关于2026.9.1会议的通知.pdf"  # type: ignore[union-attr]
    assert said.named_by_content("", pdf).name == "未命名文件.pdf"  # type: ignore[union-attr]
    assert said.named_by_content("程序", b"MZ\x90\x00" + bytes(range(256)) * 4) is None
