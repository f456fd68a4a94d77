"""A zip's member whose supported extension lies (「通知.docx」 holding a PDF LibreOffice exported) is read by its
bytes and cited under its name, with the note the bot gives a lying file sent alone (docs/trial68.md,
docs/mend68e.md) — in `speechqa add 材料.zip` and in the bot's zip upload alike (docs/read69.md). Before, both
refused the member with 「…请把扩展名改为 .pdf 再添加。」, which no one can do inside a zip they were sent.
The bot test runs the real Application over real HTTP against the fake Bot API."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from corpus import Misnamed, NotASpeech, open_archive, read_bytes
from retrieval import SpeechService

from .bot_harness import ADMIN, feed, running_bot
from .fake_telegram import FakeBotAPI
from .sent_files import notice_docx

SPEECH_PDF = (
    Path(__file__).parent / "fixtures" / "documents" / "columns.libreoffice.pdf"
)  # LibreOffice export
NOTE = "材料.zip › 通知.docx 其实是 PDF 文件，已按 .pdf 文件的内容读取，出处仍用发来的文件名。"


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("通知.docx", SPEECH_PDF.read_bytes())  # a PDF under a Word name
        archive.writestr("讲话.docx", notice_docx())  # a Word file under its own name
    return out.getvalue()


def test_a_lying_member_reads_as_the_file_its_bytes_are_and_keeps_its_name() -> None:
    """Each member once, in order: the lying one with the PDF's text (as read alone under 「通知.pdf」), cited
    「材料.zip › 通知.docx」, one note; the honest one as before, with no note."""
    pdf = read_bytes("通知.pdf", SPEECH_PDF.read_bytes())
    with pytest.raises(
        Misnamed
    ):  # a lying file given alone to `add` is still refused with the extension to use
        read_bytes("通知.docx", SPEECH_PDF.read_bytes())
    with open_archive("材料.zip", _zip()) as archive:
        lying, honest = (archive.read(member) for member in archive.members)
    assert (lying.name, lying.text, lying.encoding) == ("材料.zip › 通知.docx", pdf.text, "pdf")
    assert lying.notes == (NOTE,)
    assert honest.name == "材料.zip › 讲话.docx" and honest.notes == ()


def test_a_member_whose_bytes_are_a_zip_is_passed_over_as_an_inner_zip_is(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    """The review of read69: 「套.docx」 holding a zip was refused with advice to rename it (no one can rename a
    file inside a zip they were sent); it is passed over with the line an inner 「内.zip」 gets, saying what it
    is, and every skip line ends as a sentence."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("讲话.docx", notice_docx())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("套.docx", inner.getvalue())
        archive.writestr("内.zip", inner.getvalue())
        archive.writestr("讲话.docx", notice_docx())
    with open_archive("套娃.zip", out.getvalue()) as opened:
        lying, honest, speech = opened.members
        with pytest.raises(NotASpeech) as passed:
            opened.read(lying)
        assert opened.read(speech).name == "套娃.zip › 讲话.docx"
    assert str(passed.value) == (
        "套娃.zip › 套.docx 其实是 zip 压缩包；压缩包中的压缩包只打开一层：请先解压 套娃.zip，"
        "再把其中的 套.docx（改名为 套.zip 后）另行添加。"
    )
    assert honest.passed_over == "压缩包中的压缩包只打开一层：请先解压 套娃.zip，再把其中的 内.zip 另行添加。"
    path = tmp_path / "套娃.zip"
    path.write_bytes(out.getvalue())
    added = run("add", str(path))
    assert added.exit_code == 0, added.output
    assert f"  跳过 {passed.value}" in added.stderr and f"  跳过 {honest.passed_over}" in added.stderr, (
        added.stderr
    )
    assert "没有读入" not in added.output and "扩展名改为" not in added.output, added.output


def test_add_reads_a_zips_lying_member_and_cites_it_under_its_name(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    path = tmp_path / "材料.zip"
    path.write_bytes(_zip())
    added = run("add", str(path))
    assert added.exit_code == 0, added.output
    assert f"⚠ {NOTE}" in added.output, added.output
    assert "扩展名改为" not in added.output, added.output
    listed = run("speeches")
    assert "材料.zip › 通知.docx" in listed.output and "材料.zip › 讲话.docx" in listed.output, listed.output


@pytest.mark.slow
@pytest.mark.asyncio
async def test_the_bots_zip_upload_reads_a_lying_member_as_a_lying_file_sent_alone(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_document_update("材料.zip", _zip(), "application/zip", user_id=ADMIN))
        report = api.last_message(ADMIN).plain_text
    assert "📥 材料.zip › 通知.docx" in report and "📥 材料.zip › 讲话.docx" in report, report
    assert f"⚠️ {NOTE}" in report, report
    assert "扩展名改为" not in report, report
