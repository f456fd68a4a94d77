"""A page kept as JPEG 2000 (.jp2, or a bare .j2k codestream) is read as a scan, as the same page in PNG is
(cold33).

Archive digitising (「档案数字化」) and some document scanners keep pages as JPEG 2000. speechqa refused it,
「不能添加的文件」, and cold33's 报刊订阅 notice (a scanned page kept as .jp2) answered none of its twelve
questions. JPEG 2000 is now a picture like ``.png`` and ``.webp``: read by OCR (Pillow decodes it with
OpenJPEG, in its wheels; without it the file is refused saying so), named by its bytes when its name says
otherwise, taken by the bot as ``image/jp2``. (A PDF of JPEG 2000 page images, ``/JPXDecode``, was read
before: cold33's 书画展 scan.)

The files: ``tests/fixtures/jpeg2000/notice.jp2`` and ``notice.j2k``, made by ``make_jpeg2000_pictures.py``
there (reportlab → pdftoppm → a scanned look → **OpenJPEG** at 20:1).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, features

from bot.said import UNNAMED_SUFFIXES as MIME_SUFFIXES
from corpus import (
    SUPPORTED_FORMATS,
    SUPPORTED_SUFFIXES,
    iter_speech_files,
    read_bytes,
)
from corpus.errors import UnreadableFile
from corpus.reader import content_kind
from tests.fixtures.jpeg2000.make_jpeg2000_pictures import AUTHOR, NOTICE
from tests.picture_notice import NEEDS_OCR, as_png, assert_reads_as_written, pages_to_ocr

FIXTURES = Path(__file__).parent / "fixtures" / "jpeg2000"
JP2, J2K = FIXTURES / "notice.jp2", FIXTURES / "notice.j2k"
NEEDS_JPEG2000 = pytest.mark.skipif(not features.check("jpg_2000"), reason="Pillow without OpenJPEG")


@NEEDS_JPEG2000
def test_the_fixtures_are_a_jp2_file_and_a_bare_codestream() -> None:
    assert JP2.read_bytes()[4:8] == b"jP  " and J2K.read_bytes()[:4] == b"\xff\x4f\xff\x51"
    for path in (JP2, J2K):
        with Image.open(path) as image:
            assert image.format == "JPEG2000" and image.mode == "L"


def test_jpeg2000_is_a_supported_picture_everywhere(tmp_path: Path) -> None:
    """In the formats `add` takes, the line that names them, a folder's files and the bot's types (main:
    skipped as 「不能添加的文件」)."""
    for suffix in (".jp2", ".j2k"):
        assert suffix in SUPPORTED_SUFFIXES
    assert ".jp2" in SUPPORTED_FORMATS
    assert "image/jp2" in MIME_SUFFIXES
    (tmp_path / "档案.JP2").write_bytes(JP2.read_bytes())
    (tmp_path / "扫描.j2k").write_bytes(J2K.read_bytes())
    assert sorted(p.name for p in iter_speech_files([tmp_path])) == ["扫描.j2k", "档案.JP2"]


def test_a_jpeg2000_named_otherwise_is_told_what_it_is() -> None:
    assert content_kind(JP2.read_bytes()) == ".jp2" and content_kind(J2K.read_bytes()) == ".jp2"
    with pytest.raises(UnreadableFile, match=r"其实是 JPEG 2000 图片.*\.jp2"):
        read_bytes("通知.pdf", JP2.read_bytes())


def reads_as_written(name: str, data: bytes) -> None:
    assert_reads_as_written(name, data, NOTICE, author=AUTHOR, date="2031-05-26")


@NEEDS_OCR
@NEEDS_JPEG2000
def test_the_jp2_notice_reads_titled_dated_and_whole() -> None:
    """main: 「不支持的文件类型：通知.jp2」."""
    reads_as_written("通知.jp2", JP2.read_bytes())


@NEEDS_OCR
@NEEDS_JPEG2000
def test_the_bare_codestream_reads_as_its_png_does() -> None:
    data = J2K.read_bytes()
    assert read_bytes("扫描.j2k", data).text == read_bytes("扫描.png", as_png(data)).text
    reads_as_written("扫描.j2k", data)


@NEEDS_JPEG2000
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    mode=st.sampled_from(["L", "RGB"]),
    width=st.integers(16, 160),
    height=st.integers(16, 160),
    bare=st.booleans(),
    seed=st.binary(min_size=16, max_size=16),
)
def test_a_lossless_jpeg2000_reaches_ocr_as_its_png_does(
    mode: str, width: int, height: int, bare: bool, seed: bytes
) -> None:
    """Any picture saved as lossless JPEG 2000 (a .jp2 file or a bare codestream) is handed to the OCR
    engine as the very page its PNG is, and its bytes are named JPEG 2000."""
    size = width * height * (3 if mode == "RGB" else 1)
    picture = Image.frombytes(mode, (width, height), (seed * (size // len(seed) + 1))[:size])
    pages = {}
    for form in ("PNG", "JPEG2000"):
        out = io.BytesIO()
        picture.save(out, form, **({"no_jp2": bare} if form == "JPEG2000" else {}))
        if form == "JPEG2000":
            assert content_kind(out.getvalue()) == ".jp2"
        pages[form] = pages_to_ocr("图.jp2" if form == "JPEG2000" else "图.png", out.getvalue())
    assert pages["JPEG2000"] == pages["PNG"] and len(pages["PNG"]) >= 1
