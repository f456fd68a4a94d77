"""Damaged copies of the committed fixtures of each format: every one reads, or is refused with one Chinese
line (a CorpusError) — never another exception, which `speechqa add` could only report as an internal error
(and which stopped a whole folder's adding at that file).

The damage is tests/damaged_files.py's, which scripts/fuzz_readers.py draws in bulk (every format, a worker
process, a hang limit); here a seeded sample of it per run, and the cases it found, each made on purpose.
"""

from __future__ import annotations

import io
import random
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from corpus import UnreadableFile, read_bytes
from tests.damaged_files import damaged_copies, ingest, one_chinese_line

FIXTURES = Path(__file__).parent / "fixtures"
# One committed file of each format whose reader needs no OCR (the scans are in the script's run)
SEEDS = [
    FIXTURES / "documents" / "holiday_visit.gbk.txt",
    FIXTURES / "documents" / "health_notice.docx",
    FIXTURES / "documents" / "work_conference.doc",
    FIXTURES / "documents" / "office_formats.wps",
    FIXTURES / "documents" / "office_formats.odt",
    FIXTURES / "documents" / "office_formats.rtf",
    FIXTURES / "documents" / "health_notice.pdf",
    FIXTURES / "ofd" / "health_notice.libreoffice.ofd",
    FIXTURES / "web_pages" / "health_notice.libreoffice.html",
    FIXTURES / "web_pages" / "art_exhibition.gov-div.gb2312.mht",
    FIXTURES / "office" / "体检安排.xlsx",
    FIXTURES / "office" / "体检安排.xls",
    FIXTURES / "office" / "体检安排.ods",
    FIXTURES / "office" / "座谈会讲话.pptx",
    FIXTURES / "office" / "座谈会讲话.odp",
    FIXTURES / "archives" / "材料-infozip.zip",
]
# The zip containers among them, each with the part its reader needs: read with that part's bytes spoiled
CONTAINERS = {
    "health_notice.docx": "word/document.xml",
    "office_formats.odt": "content.xml",
    "health_notice.libreoffice.ofd": "Doc_0/Pages/Page_0/Content.xml",
    "体检安排.xlsx": "xl/sharedStrings.xml",
    "体检安排.ods": "content.xml",
    "座谈会讲话.pptx": "ppt/presentation.xml",
    "座谈会讲话.odp": "content.xml",
}


def test_every_seed_reads_whole() -> None:
    """The property below damages files that read: a seed that is refused already proves nothing."""
    assert [path.name for path in SEEDS if ingest(path.name, path.read_bytes())[0] != "read"] == []


@settings(max_examples=48, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@seed(38)
@given(st.sampled_from(SEEDS), st.integers(min_value=0, max_value=2**32 - 1))
def test_a_damaged_copy_of_any_format_reads_or_is_refused_in_one_chinese_line(path: Path, draw: int) -> None:
    (damaged,) = damaged_copies(path, 1, random.Random(draw))
    ingest(damaged.name, damaged.data)  # a refusal's line is checked inside; any other exception fails


def spoiled_member(data: bytes, part: str) -> bytes:
    """The archive with the first byte of its member `part`'s deflated bytes overwritten: its directory and
    headers intact, the member no longer inflates (0x07 opens a final block of the reserved type 11)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(part)
    name_and_extra = int.from_bytes(data[info.header_offset + 26 : info.header_offset + 28], "little")
    name_and_extra += int.from_bytes(data[info.header_offset + 28 : info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_and_extra
    spoiled = data[:start] + b"\x07" + data[start + 1 :]
    with (
        zipfile.ZipFile(io.BytesIO(spoiled)) as archive,
        pytest.raises(zlib.error, match="invalid block type"),
    ):
        archive.read(info)  # (the damage really is there)
    return spoiled


@pytest.mark.parametrize(("name", "part"), CONTAINERS.items())
def test_a_member_that_does_not_inflate_is_refused_as_damaged(name: str, part: str) -> None:
    (path,) = [p for p in SEEDS if p.name == name]
    with pytest.raises(UnreadableFile) as refused:
        read_bytes(path.name, spoiled_member(path.read_bytes(), part))
    assert path.name in one_chinese_line(str(refused.value))


def test_a_member_name_flagged_utf8_that_is_not_is_refused_as_damaged() -> None:
    """zipfile decodes a name whose entry says UTF-8 strictly: a flipped byte in it raised UnicodeDecodeError."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(
            io.BytesIO(FIXTURES.joinpath("documents", "health_notice.docx").read_bytes())
        ) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr("word/media/图片说明.txt", "说明")  # a non-ASCII name: flagged UTF-8
    spoiled = out.getvalue().replace("图片说明".encode(), b"\xe5\x9b\xff" + "片说明".encode())
    with pytest.raises(UnreadableFile) as refused:
        read_bytes("通知.docx", spoiled)
    assert "通知.docx" in one_chinese_line(str(refused.value))


def test_a_slide_deck_relationship_without_its_target_is_refused_as_damaged() -> None:
    path = FIXTURES / "office" / "座谈会讲话.pptx"
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "_rels/.rels":
                content = content.replace(b"Target=", b"Tarxet=", 1)
            target.writestr(info, content)
    with pytest.raises(UnreadableFile) as refused:
        read_bytes(path.name, out.getvalue())
    assert path.name in one_chinese_line(str(refused.value))


def nested_mail(depth: int, *, forwarded: bool) -> bytes:
    """A mail whose body is `depth` multipart levels deep, or (`forwarded`) a chain of `depth` mails each
    forwarding the one before it as an attachment (message/rfc822), the notice at the bottom."""
    mail = "From: a@example.cn\nSubject: 通知\nContent-Type: text/plain; charset=utf-8\n\n关于做好离休干部体检工作的通知。\n"
    for level in range(depth):
        boundary = f"level{level}"
        head = f"From: a@example.cn\nSubject: 转发{level}\n" if forwarded or level == depth - 1 else ""
        inner = (
            f"Content-Type: text/plain; charset=utf-8\n\n请阅。\n--{boundary}\nContent-Type: message/rfc822\n\n{mail}"
            if forwarded
            else mail.split("\n", 2)[2]
            if level == 0
            else mail
        )
        mail = f'{head}MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="{boundary}"\n\n--{boundary}\n{inner}\n--{boundary}--\n'
    return mail.encode()


@pytest.mark.parametrize("forwarded", [False, True], ids=["multipart", "forwarded"])
def test_a_mail_nested_past_the_stack_is_refused_in_one_line(forwarded: bool) -> None:
    """Python's e-mail parser recurses once per MIME level: 2,000 levels (300 forwards) raised RecursionError."""
    with pytest.raises(UnreadableFile) as refused:
        read_bytes("转发.eml", nested_mail(300 if forwarded else 2000, forwarded=forwarded))
    assert "嵌套过深" in one_chinese_line(str(refused.value))


def test_a_mail_forwarded_a_few_times_is_still_read() -> None:
    assert "关于做好离休干部体检工作的通知。" in read_bytes("转发.eml", nested_mail(5, forwarded=True)).text
