"""Review fixes of trial68's lying-extension reading (docs/trial68.md, 「Review fixes (mend68e)」): files whose names
lie in ways trial68's tests did not try, sent to the real bot over real HTTP to the fake Bot API, and the reader's
property that `read_as_sent` reads whatever `read_bytes` reads exactly as it does."""

from __future__ import annotations

import asyncio
import csv
import io
import zipfile
from pathlib import Path

import pytest

from corpus import Misnamed, read_as_sent, read_bytes
from corpus.reader import content_kind
from index import Library
from retrieval import SpeechService

from .bot_harness import ADMIN, feed, running_bot, service_on
from .fake_telegram import FakeBotAPI
from .sent_files import notice_docx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ROWS = [
    ["单位", "活动", "人数", "成效"],
    [
        "市委老干部局",
        "走访慰问离退休干部",
        "三百二十人",
        "为老同志解决实际困难四十余件，老同志普遍表示满意。",
    ],
    [
        "区老干部活动中心",
        "书画展览和摄影比赛",
        "一百五十人",
        "展出作品两百余幅，丰富了老同志的精神文化生活。",
    ],
    ["市老年大学", "开设智能手机应用课程", "九十人", "帮助老同志学会网上挂号和视频通话，跨越数字鸿沟。"],
]


def table(delimiter: str = ",", encoding: str = "gbk") -> bytes:
    """A table as Python's csv module writes it (an office system's 「导出Excel」 saves the same under .xlsx)."""
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(ROWS)
    return out.getvalue().encode(encoding)


def test_a_csv_under_a_workbooks_name_is_read_as_the_table_it_is() -> None:
    """A GBK CSV or a TSV under 「表.xlsx」「表.xls」「表.et」: `speechqa add`'s refusal names .csv (not .txt), and the
    bot's reading gives the same text as the file under 「表.csv」, with a note saying how it was read."""
    for suffix in (".xlsx", ".xls", ".et"):
        for data in (table(), table("\t", "utf-8")):
            with pytest.raises(Misnamed) as refused:
                read_bytes(f"表{suffix}", data)
            assert refused.value.kind == ".csv" and "请把扩展名改为 .csv 再添加" in str(refused.value)
            sent = read_as_sent(f"表{suffix}", data)
            assert (sent.name, sent.text) == (f"表{suffix}", read_bytes("表.csv", data).text)
            assert sent.notes[0].startswith(f"表{suffix} 其实是 CSV 表格（.csv），已按 .csv 文件的内容读取")


@pytest.mark.slow
@pytest.mark.asyncio
async def test_a_csv_sent_as_a_workbook_is_added_by_the_bot(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """An admin sends 「表.xlsx」 that is a GBK CSV (as office systems export): it is added and cited as sent, the
    report saying it was read as a CSV — it was lost as 「表.xlsx 中没有找到讲话正文。」."""
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_document_update("表.xlsx", table(), XLSX, user_id=ADMIN))
        report = api.last_message(ADMIN).plain_text
    assert "📥 表.xlsx" in report and "新增" in report, report
    assert "⚠️ 表.xlsx 其实是 CSV 表格（.csv），已按 .csv 文件的内容读取，出处仍用发来的文件名。" in report, (
        report
    )


NOTICE = "系统升级说明\n\n各单位：新版公文系统导出的文件头为 %PDF-1.7，请各单位注意核对，如有问题请联系市委老干部局信息科。\n"
SPEECH_PDF = (
    Path(__file__).parent / "fixtures" / "documents" / "columns.libreoffice.pdf"
)  # LibreOffice's export


def test_a_text_mentioning_a_pdf_header_is_read_as_the_text_it_is() -> None:
    """A GBK notice saying 「文件头为 %PDF-1.7」 in its first KiB is a text (it was refused as a damaged PDF); a
    PDF after blank lines or a transfer's binary bytes (pdfminer reads it) is still a PDF under a text's name."""
    data = NOTICE.encode("gbk")
    assert content_kind(data) is None
    assert (
        read_bytes("说明.txt", data).text
        == read_bytes("说明.md", data).text
        == read_as_sent("说明.txt", data).text
    )
    assert "%PDF-1.7" in read_bytes("说明.txt", data).text
    pdf = SPEECH_PDF.read_bytes()
    for prefix in (b"", b"\r\n\r\n", b"\x00\x00\x01\x10"):
        assert content_kind(prefix + pdf) == ".pdf"
        assert read_as_sent("讲话.txt", prefix + pdf).text == read_bytes("讲话.pdf", pdf).text


@pytest.mark.slow
@pytest.mark.asyncio
async def test_a_text_mentioning_a_pdf_header_is_added_by_the_bot(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """An admin sends 「说明.txt」 whose text mentions 「%PDF-1.7」: it is added as the text it is, with no note —
    it was refused 「说明.txt（按文件内容是 PDF 文件） 不是有效的 PDF 文件…」."""
    async with running_bot(api, seed_service) as app:
        await feed(
            app, api.make_document_update("说明.txt", NOTICE.encode("gbk"), "text/plain", user_id=ADMIN)
        )
        report = api.last_message(ADMIN).plain_text
    assert "📥 说明.txt" in report and "新增" in report and "其实是" not in report, report


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
LOCKED = Path(__file__).parent / "fixtures" / "documents" / "health_notice.user-aes256.pdf"


@pytest.mark.slow
@pytest.mark.asyncio
async def test_a_typed_upload_read_by_its_bytes_is_named_once_as_sent(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """「通知四」 (no extension) sent as a Word file but an encrypted PDF was refused naming it with three brackets
    that contradict each other (「按 Telegram 标明的类型当作 .docx」「按文件内容是 PDF 文件」); now once, as sent, with
    how it was read. 「通知五」 sent as a PDF but a Word file is added and reported as 「通知五」."""
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_document_update("通知四", LOCKED.read_bytes(), DOCX, user_id=ADMIN))
        locked = api.last_message(ADMIN).plain_text
        await feed(app, api.make_document_update("通知五", notice_docx(), "application/pdf", user_id=ADMIN))
        added = api.last_message(ADMIN).plain_text
    assert locked.startswith(
        "❌ 这个 PDF 需要密码才能打开：通知四（没有扩展名，按文件内容当作 .pdf 文件读取）（请先"
    ), locked
    assert "Telegram" not in locked and "按文件内容是" not in locked, locked
    assert "📥 通知五\n" in added and "新增" in added and "通知五.docx" not in added, added


PAGE = "<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1><hr>nginx</body></html>"


def zipped(name: str, data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.slow
@pytest.mark.asyncio
async def test_the_bot_never_tells_an_admin_to_rename_a_file(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """「材料.docx」 that is a zip holding a notice was refused 「…请把扩展名改为 .zip 再添加。」: now it is opened as
    the archive it is, as an admin's .zip is; a failed download's 404 page under 「通知.pdf」 is refused with what
    an admin can do in Telegram (no rename)."""
    async with running_bot(api, seed_service) as app:
        await feed(
            app,
            api.make_document_update("材料.docx", zipped("通知.docx", notice_docx()), DOCX, user_id=ADMIN),
        )
        archive = api.last_message(ADMIN).plain_text
        await feed(app, api.make_document_update("通知.pdf", PAGE.encode(), "application/pdf", user_id=ADMIN))
        page = api.last_message(ADMIN).plain_text
    assert "📥 材料.docx › 通知.docx" in archive and "新增" in archive, archive
    assert page.startswith("❌ 通知.pdf 其实是一个网页（标题「404 Not Found」）"), page
    assert "另存为网页（.html）再发来。" in page, page
    assert "扩展名改为" not in archive + page, archive + page


@pytest.mark.slow
@pytest.mark.asyncio
async def test_a_typed_upload_taken_up_after_a_restart_keeps_its_sent_name(
    api: FakeBotAPI, seed_home: Path
) -> None:
    """「通知六」 (no extension) sent as a PDF but a Word file, the bot stopped while adding it: taken up at start-up,
    it is reported as 「通知六」 as the first try would have — it was named 「通知六.docx」, a name never given."""
    library = Library(seed_home)
    stored = api.register_file(notice_docx(), "通知六")
    status = api.sent_earlier(ADMIN, "⏳ 正在读取 通知六.pdf…")
    library.store.begin_upload(
        123, ADMIN, ADMIN, status.message_id, "通知六.pdf", [stored.file_id], sent_as="通知六"
    )
    library.close()
    with service_on(seed_home) as service:
        async with running_bot(api, service, progress_interval=0):
            await api.wait_for(
                "editMessageText", predicate=lambda c: "新增" in str(c.params.get("text")), timeout=90
            )
            left = service.library.store.unfinished_uploads(123)
            for _ in range(600):  # the record is ended just after the report is edited: stop the bot after it
                if not left:
                    break
                await asyncio.sleep(0.05)
                left = service.library.store.unfinished_uploads(123)
    report = api.get_message(ADMIN, status.message_id).plain_text
    assert report.startswith("📥 通知六\n新增 #"), report
    assert "通知六.docx" not in report and "通知六.pdf" not in report, report
    assert left == []
