"""A picture saved as WebP is read as a scan, as the same picture in PNG or JPEG is (cold28).

WeChat keeps a forwarded picture as WebP, and so do a browser's 「图片另存为」 and many phones' galleries: a
printed notice photographed and passed on arrives as ``通知.webp``. speechqa refused it — 「不支持的文件类型」,
counted with a mail's logos among the pictures not read — and cold28's 古琴雅集 notice, a phone's photo
saved as WebP, answered none of its ten questions. A ``.webp`` (a RIFF container of WebP data, lossy or
lossless; Pillow decodes it with libwebp) is now a picture like ``.png``, ``.jpg`` and ``.tif``: read by OCR,
named by its bytes when its name says otherwise, taken by the bot as ``image/webp``.

The file: ``tests/fixtures/webp/notice.webp``, made by ``make_webp_pictures.py`` there (reportlab → pdftoppm →
a scanned look → **libwebp**, lossy, quality 80, as WeChat saves a picture).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from corpus import (
    SUPPORTED_FORMATS,
    SUPPORTED_SUFFIXES,
    iter_speech_files,
    read_bytes,
)
from corpus.errors import UnreadableFile
from tests.fixtures.webp.make_webp_pictures import AUTHOR, NOTICE
from tests.picture_notice import NEEDS_OCR, as_png, assert_reads_as_written, pages_to_ocr

FIXTURE = Path(__file__).parent / "fixtures" / "webp" / "notice.webp"


def test_the_fixture_is_a_lossy_webp_written_by_libwebp() -> None:
    data = FIXTURE.read_bytes()
    assert data[:4] == b"RIFF" and data[8:12] == b"WEBP" and data[12:16] == b"VP8 "  # lossy (VP8), no alpha
    with Image.open(FIXTURE) as image:
        assert image.format == "WEBP"


def test_webp_is_a_supported_picture_everywhere(tmp_path: Path) -> None:
    """In the formats `add` takes, the line that names them, and a folder's files (main: skipped)."""
    assert ".webp" in SUPPORTED_SUFFIXES and ".webp" in SUPPORTED_FORMATS
    (tmp_path / "通知.WEBP").write_bytes(FIXTURE.read_bytes())
    (tmp_path / "转发.webp").write_bytes(FIXTURE.read_bytes())
    assert sorted(p.name for p in iter_speech_files([tmp_path])) == ["转发.webp", "通知.WEBP"]


def test_a_webp_named_otherwise_is_told_what_it_is() -> None:
    with pytest.raises(UnreadableFile, match=r"其实是 WebP 图片.*\.webp"):
        read_bytes("通知.pdf", FIXTURE.read_bytes())


@NEEDS_OCR
def test_the_webp_notice_reads_as_the_same_picture_in_png() -> None:
    """Every line the notice prints, its title, issuer, date and 主送, and the same reading as the picture's
    pixels saved as PNG (main: 「不支持的文件类型：通知.webp」)."""
    data = FIXTURE.read_bytes()
    assert read_bytes("通知.webp", data).text == read_bytes("通知.png", as_png(data)).text
    assert_reads_as_written("通知.webp", data, NOTICE, author=AUTHOR, date="2028-01-08")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    mode=st.sampled_from(["L", "RGB", "RGBA"]),
    width=st.integers(16, 160),
    height=st.integers(16, 160),
    seed=st.binary(min_size=16, max_size=16),
)
def test_a_lossless_webp_reaches_ocr_as_its_png_does(mode: str, width: int, height: int, seed: bytes) -> None:
    """Any picture saved as lossless WebP is handed to the OCR engine as the very page its PNG is."""
    pixels = (seed * (width * height * len(mode) // len(seed) + 1))[: width * height * len(mode)]
    picture = Image.frombytes(mode, (width, height), pixels)
    pages = {}
    for form, options in (("PNG", {}), ("WEBP", {"lossless": True})):
        out = io.BytesIO()
        picture.save(out, form, **options)
        pages[form] = pages_to_ocr(f"图.{form.lower()}", out.getvalue())
    assert pages["WEBP"] == pages["PNG"] and len(pages["PNG"]) >= 1
