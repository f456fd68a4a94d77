"""A notice kept as a picture (WebP, AVIF, BMP, JPEG 2000 …), checked the same way for every format: read by
OCR as its pixels saved as PNG are, titled, dated, signed, addressed and with every body line it prints."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from PIL import Image

from corpus import parse_document, read_bytes


def squash(text: str) -> str:
    """Text compared without OCR's spacing or its half-width colon and comma."""
    return re.sub(r"\s+", "", text).replace(":", "：").replace(",", "，")


def as_png(data: bytes) -> bytes:
    """The picture's pixels saved as PNG."""
    with Image.open(io.BytesIO(data)) as image:
        png = io.BytesIO()
        image.save(png, "PNG")
    return png.getvalue()


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
