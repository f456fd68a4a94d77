"""A picture saved as AVIF or as a Windows bitmap (.bmp) is read as a scan, as the same picture in PNG is
(cold29).

A browser's 「图片另存为」 and Android galleries now keep pictures as AVIF (AV1 stills), and a 高拍仪's or a
scanner's own software saves a page as a .bmp by default — in its 「黑白」 mode one bit a pixel. speechqa refused
both, 「不支持的文件类型」, and cold29's 二胡 notice (a phone's photo kept as AVIF) and 烙画 notice (a 1-bit BMP
scan) answered none of their twenty-four questions. Both are now pictures like ``.png`` and ``.webp``: read
by OCR (Pillow decodes BMP itself and AVIF with libavif, in its wheels since 11.2; without it the file is
refused saying so), named by their bytes when their names say otherwise, taken by the bot as ``image/avif``
and ``image/bmp``.

The files: ``tests/fixtures/avif_bmp/notice.avif`` and ``notice.bmp``, made by ``make_avif_bmp_pictures.py``
there (reportlab → pdftoppm → a scanned look → **libavif** at quality 60 / a **1-bit BMP** by Pillow).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, features

from corpus import (
    SUPPORTED_FORMATS,
    SUPPORTED_SUFFIXES,
    iter_speech_files,
    read_bytes,
)
from corpus.errors import UnreadableFile
from corpus.reader import content_kind
from tests.fixtures.avif_bmp.make_avif_bmp_pictures import AUTHOR, NOTICE
from tests.picture_notice import NEEDS_OCR, as_png, assert_reads_as_written, pages_to_ocr

FIXTURES = Path(__file__).parent / "fixtures" / "avif_bmp"
AVIF, BMP = FIXTURES / "notice.avif", FIXTURES / "notice.bmp"
NEEDS_AVIF = pytest.mark.skipif(not features.check("avif"), reason="Pillow without libavif")


@NEEDS_AVIF
def test_the_fixtures_are_an_avif_by_libavif_and_a_one_bit_bmp() -> None:
    assert AVIF.read_bytes()[4:12] == b"ftypavif"
    with Image.open(AVIF) as image:
        assert image.format == "AVIF"
    with Image.open(BMP) as image:
        assert image.format == "BMP" and image.mode == "1"


def test_avif_and_bmp_are_supported_pictures_everywhere(tmp_path: Path) -> None:
    """In the formats `add` takes, the line that names them, and a folder's files (main: skipped)."""
    for suffix in (".avif", ".bmp"):
        assert suffix in SUPPORTED_SUFFIXES and suffix in SUPPORTED_FORMATS
    (tmp_path / "通知.AVIF").write_bytes(AVIF.read_bytes())
    (tmp_path / "扫描.bmp").write_bytes(BMP.read_bytes())
    assert sorted(p.name for p in iter_speech_files([tmp_path])) == ["扫描.bmp", "通知.AVIF"]


def test_pictures_named_otherwise_are_told_what_they_are() -> None:
    assert content_kind(AVIF.read_bytes()) == ".avif" and content_kind(BMP.read_bytes()) == ".bmp"
    with pytest.raises(UnreadableFile, match=r"其实是 AVIF 图片.*\.avif"):
        read_bytes("通知.pdf", AVIF.read_bytes())
    with pytest.raises(UnreadableFile, match=r"其实是 BMP 位图.*\.bmp"):
        read_bytes("通知.docx", BMP.read_bytes())


def test_a_text_beginning_bm_is_no_bitmap() -> None:
    assert content_kind("BM 通知：明天开会".encode()) is None


def reads_as_written(name: str, data: bytes) -> None:
    assert_reads_as_written(name, data, NOTICE, author=AUTHOR, date="2029-05-06")


@NEEDS_OCR
@NEEDS_AVIF
def test_the_avif_notice_reads_titled_dated_and_whole() -> None:
    """main: 「不支持的文件类型：通知.avif」."""
    reads_as_written("通知.avif", AVIF.read_bytes())


@NEEDS_OCR
def test_the_one_bit_bmp_notice_reads_as_its_png_does() -> None:
    """The same reading as the bitmap's pixels saved as PNG; titled, dated, every line (main: refused)."""
    data = BMP.read_bytes()
    assert read_bytes("扫描.bmp", data).text == read_bytes("扫描.png", as_png(data)).text
    reads_as_written("扫描.bmp", data)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    mode=st.sampled_from(["1", "L", "P", "RGB"]),
    width=st.integers(16, 160),
    height=st.integers(16, 160),
    seed=st.binary(min_size=16, max_size=16),
)
def test_a_bmp_reaches_ocr_as_its_png_does(mode: str, width: int, height: int, seed: bytes) -> None:
    """Any picture saved as a bitmap (1-bit, grey, palette or colour) is handed to the OCR engine as the
    very page its PNG is, and its bytes are named a bitmap."""
    size = {"1": (width + 7) // 8 * height}.get(mode, width * height * (3 if mode == "RGB" else 1))
    pixels = (seed * (size // len(seed) + 1))[:size]
    picture = Image.frombytes(mode, (width, height), pixels)
    if mode == "P":
        picture.putpalette(list(range(256)) * 3)
    pages = {}
    for form in ("PNG", "BMP"):
        out = io.BytesIO()
        picture.save(out, form)
        if form == "BMP":
            assert content_kind(out.getvalue()) == ".bmp"
        pages[form] = pages_to_ocr(f"图.{form.lower()}", out.getvalue())
    assert pages["BMP"] == pages["PNG"] and len(pages["PNG"]) >= 1
