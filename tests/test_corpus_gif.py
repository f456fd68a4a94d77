"""A page kept as a GIF is read as a scan, as the same page in PNG is (cold34).

County sites post a scanned notice as a page picture in their 「通知公告」, and staff save it with the
browser's 「图片另存为」 — often a GIF. speechqa skipped it as 「不能添加的文件」, and cold34's 防暑降温 notice
answered none of its twelve questions. A GIF is now a picture like ``.png`` and ``.jp2``: read by OCR (its
first frame is the page), named by its bytes when its name says otherwise, taken by the bot as
``image/gif``. Still passed over: a saved mail's .gif (its signature's logo) and the pictures in a saved
web page's 「通知_files」 folder beside 「通知.html」 (the page's logos and icons, any format).

The file: ``tests/fixtures/gif/notice.gif``, made by ``make_gif_picture.py`` there (reportlab → pdftoppm
→ a scanned look → **Pillow's GIF writer**, 256 greys).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from bot.said import UNNAMED_SUFFIXES as MIME_SUFFIXES
from corpus import (
    SUPPORTED_FORMATS,
    SUPPORTED_SUFFIXES,
    iter_speech_files,
    read_bytes,
    skipped_files,
)
from corpus.errors import UnreadableFile
from corpus.reader import content_kind
from tests.fixtures.gif.make_gif_picture import AUTHOR, NOTICE
from tests.picture_notice import NEEDS_OCR, as_png, assert_reads_as_written, pages_to_ocr

GIF = Path(__file__).parent / "fixtures" / "gif" / "notice.gif"


def test_the_fixture_is_a_grey_gif() -> None:
    assert GIF.read_bytes()[:6] == b"GIF89a" or GIF.read_bytes()[:6] == b"GIF87a"
    with Image.open(GIF) as image:
        assert image.format == "GIF" and image.mode in ("L", "P")


def test_gif_is_a_supported_picture_everywhere(tmp_path: Path) -> None:
    """In the formats `add` takes, the line that names them, a folder's files and the bot's types (main:
    skipped as 「不能添加的文件」)."""
    assert ".gif" in SUPPORTED_SUFFIXES and ".gif" in SUPPORTED_FORMATS
    assert MIME_SUFFIXES["image/gif"] == ".gif"
    (tmp_path / "防诈通知.GIF").write_bytes(GIF.read_bytes())
    assert [p.name for p in iter_speech_files([tmp_path])] == ["防诈通知.GIF"]
    assert skipped_files(tmp_path).unsupported == ()


def test_a_saved_pages_pictures_are_neither_added_nor_named(tmp_path: Path) -> None:
    """The folder a browser saves a page's pictures in (「通知_files」, 「通知.files」) beside the page holds
    its logos and icons: passed over in any format, while a folder of that name with no page is read."""
    (tmp_path / "通知.html").write_bytes(b"<p>x</p>")
    for folder in ("通知_files", "通知.files", "图片_files"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "logo.gif").write_bytes(GIF.read_bytes())
        (tmp_path / folder / "banner.png").write_bytes(as_png(GIF.read_bytes()))
    added = [p.relative_to(tmp_path).as_posix() for p in iter_speech_files([tmp_path])]
    assert added == ["图片_files/banner.png", "图片_files/logo.gif", "通知.html"]
    assert skipped_files(tmp_path).unsupported == ()


def test_a_gif_named_otherwise_is_told_what_it_is() -> None:
    assert content_kind(GIF.read_bytes()) == ".gif"
    with pytest.raises(UnreadableFile, match=r"其实是 GIF 图片.*\.gif"):
        read_bytes("通知.pdf", GIF.read_bytes())


@NEEDS_OCR
def test_the_gif_notice_reads_titled_dated_and_whole() -> None:
    """main: 「不支持的文件类型：通知.gif」."""
    data = GIF.read_bytes()
    assert_reads_as_written("通知.gif", data, NOTICE, author=AUTHOR, date="2031-09-02")
    assert read_bytes("通知.gif", data).text == read_bytes("通知.png", as_png(data)).text


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    width=st.integers(16, 160),
    height=st.integers(16, 160),
    seed=st.binary(min_size=16, max_size=16),
    frames=st.integers(1, 3),
)
def test_a_grey_gif_reaches_ocr_as_its_png_does(width: int, height: int, seed: bytes, frames: int) -> None:
    """Any grey picture saved as GIF (lossless for 256 greys; animated or not) is handed to the OCR engine
    as the very page its PNG is — its first frame — and its bytes are named GIF."""
    size = width * height
    pictures = [
        Image.frombytes("L", (width, height), ((seed[n:] + seed[:n]) * (size // len(seed) + 1))[:size])
        for n in range(frames)
    ]
    gif, png = io.BytesIO(), io.BytesIO()
    pictures[0].save(gif, "GIF", save_all=True, append_images=pictures[1:])
    pictures[0].save(png, "PNG")
    assert content_kind(gif.getvalue()) == ".gif"
    pages = {}
    for name, data in (("图.gif", gif.getvalue()), ("图.png", png.getvalue())):
        pages[name] = pages_to_ocr(name, data)
    assert len(pages["图.png"]) == 1
    assert pages["图.gif"] == pages["图.png"]
