"""End-to-end tests of the bot in daily use (trial 68, docs/trial68.md): a file whose *supported* extension lies
(「通知.docx」 holding a PDF LibreOffice exported, 「讲话.txt」 holding a Word file) is read by its bytes in the bot and
cited under the name it was sent with — an admin cannot rename a file in Telegram — while `speechqa add` keeps its
refusal with the extension to use. The real Application, over real HTTP, against the fake Bot API."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import Misnamed, read_as_sent, read_bytes
from retrieval import SpeechService

from .bot_harness import ADMIN, USER, feed, running_bot
from .fake_telegram import FakeBotAPI
from .sent_files import notice_docx

FIXTURES = Path(__file__).parent / "fixtures"
SPEECH_PDF = FIXTURES / "documents" / "columns.libreoffice.pdf"  # exported by LibreOffice (make_columns.py)
WORKBOOK = (
    FIXTURES / "xlsxwriter" / "export.xlsxwriter.xlsx"
)  # written by xlsxwriter (make_xlsxwriter_export.py)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_a_lying_extension_is_read_by_its_bytes_only_where_the_file_cannot_be_renamed() -> None:
    """`read_bytes` (the CLI's reader) refuses 「通知.docx」 holding a PDF with the extension to use; `read_as_sent`
    (the bot's) reads it as the PDF it is, names it as sent and says so in a note; a format read under a sibling's
    name (an .xlsx as 「表.xls」, a .docx as 「材料.doc」) is read as before, with no note."""
    pdf = SPEECH_PDF.read_bytes()
    with pytest.raises(Misnamed) as refused:
        read_bytes("通知.docx", pdf)
    assert "请把扩展名改为 .pdf 再添加" in str(refused.value) and refused.value.kind == ".pdf"
    as_pdf = read_bytes("通知.pdf", pdf)
    sent = read_as_sent("通知.docx", pdf)
    assert (sent.name, sent.text, sent.encoding) == ("通知.docx", as_pdf.text, "pdf")
    assert sent.notes[0] == "通知.docx 其实是 PDF 文件，已按 .pdf 文件的内容读取，出处仍用发来的文件名。"
    typed = read_as_sent("通知二.docx", pdf, typed=True)  # the extension was Telegram's type, not the admin's
    assert typed.name == "通知二.pdf" and not typed.notes
    for name, data in (("表.xls", WORKBOOK.read_bytes()), ("材料.doc", notice_docx())):  # as before
        assert read_as_sent(name, data) == read_bytes(name, data)


@pytest.mark.slow
@pytest.mark.asyncio
async def test_a_file_whose_extension_lies_is_read_by_its_bytes_and_cited_as_sent(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """An admin sends 「通知.docx」 that is a PDF, 「讲话.txt」 that is a Word file (each with the type its name
    implies, as Telegram Desktop sends them), 「表.xls」 that is an .xlsx and 「材料.doc」 that is a .docx: each is
    added, cited under the name it was sent with, the first two with one line saying how they were read (they
    were refused 「…请把扩展名改为 .pdf 再添加。」, which an admin cannot do in Telegram); staff asking then get the
    passage's 出处 「来源文件：通知.docx」. An encrypted PDF under a Word name is refused by what it is, named as sent."""
    pdf = SPEECH_PDF.read_bytes()
    locked = (FIXTURES / "documents" / "health_notice.user-aes256.pdf").read_bytes()
    async with running_bot(api, seed_service) as app:
        reports = []
        for name, content, kind in (
            ("通知.docx", pdf, DOCX),
            ("讲话.txt", notice_docx(), "text/plain"),
            ("表.xls", WORKBOOK.read_bytes(), "application/vnd.ms-excel"),
            (
                "材料.doc",
                (FIXTURES / "documents" / "training_speech.docx").read_bytes(),
                "application/msword",
            ),
            ("加密.docx", locked, DOCX),
        ):
            await feed(app, api.make_document_update(name, content, kind, user_id=ADMIN))
            reports.append(api.last_message(ADMIN).plain_text)
        await feed(app, api.make_text_update("志愿服务工作取得了哪些成效？"))
        answer = api.last_message(USER)
        await feed(app, api.make_callback_update(answer, answer.button_data("出处 1")))
        source = api.last_message(USER).plain_text
    speech, word, sheet, doc, refused = reports
    assert "📥 通知.docx" in speech and "新增" in speech, speech
    assert "⚠️ 通知.docx 其实是 PDF 文件，已按 .pdf 文件的内容读取，出处仍用发来的文件名。" in speech, speech
    assert "📥 讲话.txt" in word and "其实是 Word 文档（.docx）" in word, word
    assert "📥 表.xls" in sheet and "新增" in sheet and "其实是" not in sheet, sheet
    assert "📥 材料.doc" in doc and "其实是" not in doc, doc
    assert refused.startswith("❌ 这个 PDF 需要密码才能打开：加密.docx（按文件内容是 PDF 文件）"), refused
    assert "扩展名改为" not in "".join(reports)
    assert "在全市老干部志愿服务工作推进会上的讲话" in answer.plain_text, answer.plain_text
    assert "来源文件：通知.docx" in source, source
