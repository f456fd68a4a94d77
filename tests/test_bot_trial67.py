"""End-to-end tests of the bot in daily use (trial 67, docs/trial67.md): a file Telegram Desktop sends as
application/octet-stream with no extension (or another program's) read by its bytes; the webhook check's result
kept in the data home for `speechqa health`. The real Application, over real HTTP, against the fake Bot API."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from retrieval import SpeechService

from .bot_harness import ADMIN, USER, feed, running_bot
from .fake_telegram import FakeBotAPI

FIXTURES = Path(__file__).parent / "fixtures"
OCTET = "application/octet-stream"
NOTICE = "关于调整老干部活动中心开放时间的通知\n\n老干部活动中心自2026年10月起每周一闭馆维护，其余时间照常开放。\n\n市委老干部局\n2026年9月20日\n"


def exhibition_docx() -> bytes:
    """A notice written by python-docx with Word's own styles (a title, body paragraphs, the 落款)."""
    document = docx.Document()
    document.add_heading("关于举办老干部书画展的通知", level=1)
    document.add_paragraph("定于2026年11月在市老干部活动中心举办老干部书画展，请各单位于10月底前报送作品。")
    document.add_paragraph("市委老干部局")
    document.add_paragraph("2026年9月1日")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


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
            ("书画展通知", exhibition_docx()),
            ("会议讲话.tmp", pdf),
            ("开放时间", NOTICE.encode("gbk")),
            ("附件", notices_zip()),
            ("程序", b"MZ\x90\x00\x03\x00\x00\x00" + bytes(range(256)) * 4),
        ):
            await feed(app, api.make_document_update(name, content, OCTET, user_id=ADMIN))
            reports.append(api.last_message(ADMIN).plain_text)
        downloads = len(api.calls_of("getFile"))
        await feed(app, api.make_document_update("材料", exhibition_docx(), OCTET))
        member = api.last_message(USER).plain_text
        assert len(api.calls_of("getFile")) == downloads  # nothing fetched for a member
        await feed(app, api.make_text_update("书画展作品什么时候报送？"))
        answer = api.last_message(USER).plain_text
    word, speech, text, archive, refused = reports
    assert "书画展通知.docx" in word and "新增" in word, word
    assert "会议讲话.pdf" in speech and "新增" in speech, speech
    assert "开放时间.txt" in text and "新增" in text, text
    assert "附件.zip › 通知/关于调整老干部活动中心开放时间的通知.txt" in archive, archive
    assert refused.startswith("❌ 不支持的文件类型：程序（没有可识别的扩展名，Telegram 也没有标明类型"), (
        refused
    )
    assert "只有管理员可以上传讲话文件" in member, member
    assert "10月底前报送作品" in answer, answer
