"""A notice kept as a picture (WebP, AVIF, BMP, JPEG 2000, GIF …), checked the same way for every format: read by
OCR as its pixels saved as PNG are, titled, dated, signed, addressed and with every body line it prints; and
the page images any picture hands the OCR engine."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

import pytest
from PIL import Image

from corpus import installed_engines, parse_document, read_bytes
from corpus.ocr import read_image
from tests.fakes import RecordingOcrEngine

NEEDS_OCR = pytest.mark.skipif(not installed_engines(), reason="no OCR engine installed")


def squash(text: str) -> str:
    """Text compared without OCR's spacing or its half-width colon and comma."""
    return re.sub(r"\s+", "", text).replace(":", "：").replace(",", "，")


def as_png(data: bytes) -> bytes:
    """The picture's pixels saved as PNG."""
    with Image.open(io.BytesIO(data)) as image:
        png = io.BytesIO()
        image.save(png, "PNG")
    return png.getvalue()


def pages_to_ocr(name: str, data: bytes) -> list[bytes]:
    """The page images `read_image` hands the OCR engine for the picture `data` named `name` (as RGB bytes)."""
    recorder = RecordingOcrEngine()
    read_image(name, data, reader=recorder)
    return recorder.pages


def assert_reads_as_written(
    name: str, data: bytes, notice: Sequence[tuple[str, str]], *, author: str, date: str
) -> None:
    """The picture read by OCR: the notice's title, issuer, date, 主送 and every body line."""
    document = read_bytes(name, data)
    assert document.encoding == "ocr"
    [speech] = parse_document(document)
    assert speech.title == notice[0][1]
    assert speech.issuer == author and speech.date == date
    assert speech.addressee == "各离退休干部党支部"  # the 主送 line
    body = squash("".join(p.text for p in speech.paragraphs))
    for kind, line in notice[2:]:
        if kind == "body":
            assert squash(line) in body
