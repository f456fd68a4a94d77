"""Optical character recognition for scans: printed pages as images (.png/.jpg) or scanned PDFs.

Two engines, used automatically when installed, best first:
- RapidOCR (PP-OCR models run by onnxruntime; the Chinese models ship inside the wheel, nothing is
  downloaded): `pip install 'speechqa[ocr]'`.
- Tesseract with its simplified-Chinese data (Debian: `apt-get install tesseract-ocr tesseract-ocr-chi-sim`),
  run as a program.
Without either, scans are refused with a line saying how to enable OCR.
"""

from __future__ import annotations

import io
import logging
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from .errors import UnreadableFile
from .layout import Line, Page, paragraphs, tidy_line

if TYPE_CHECKING:
    from PIL.Image import Image

log = logging.getLogger(__name__)

HOW_TO_ENABLE = "要识别扫描件中的文字，请安装 OCR 组件：pip install 'speechqa[ocr]'"
# Pillow refuses larger images as decompression bombs; a page at 600 dpi is well inside it.
MAX_IMAGE_PIXELS = 80_000_000
_TIMEOUT = 300


class OcrEngine(Protocol):
    name: str

    def read(self, image: Image) -> list[Line]:
        """The printed lines of one page image, in reading order, with boxes in pixels."""
        ...


def engine() -> OcrEngine | None:
    """The OCR engine to use (the best installed), or None when none is installed."""
    engines = installed_engines()
    return engines[0] if engines else None


@lru_cache(maxsize=1)
def _installed() -> tuple[OcrEngine, ...]:
    return tuple(e for e in (_rapidocr(), _tesseract()) if e is not None)


def installed_engines() -> list[OcrEngine]:
    """Every OCR engine installed here, best first (engine() uses the first; the bench compares them)."""
    return list(_installed())


def image_text(name: str, reader: OcrEngine, image: Image) -> str:
    """The text of one page image read by `reader`, one paragraph per line."""
    lines = recognise(name, reader, image)
    page = Page(lines=tuple(lines), width=float(image.width), height=float(image.height))
    return "\n".join(paragraphs([page]))


def read_image(name: str, data: bytes) -> str:
    """The text of an image of a printed page, one paragraph per line."""
    from PIL import Image as PILImage
    from PIL import UnidentifiedImageError

    PILImage.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    try:
        image = PILImage.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, PILImage.DecompressionBombError, ValueError) as e:
        log.info("Pillow could not open %s: %r", name, e)
        raise UnreadableFile(f"{name} 不是有效的图片文件") from e
    reader = engine()
    if reader is None:
        raise UnreadableFile(f"{name} 是图片。{HOW_TO_ENABLE}")
    return image_text(name, reader, image.convert("RGB"))


def recognise(name: str, reader: OcrEngine, image: Image) -> list[Line]:
    try:
        return reader.read(image)
    except Exception as e:  # an engine failing on one image must not stop the rest of an add
        log.warning("OCR (%s) failed on %s: %r", reader.name, name, e)
        raise UnreadableFile(f"{name} 文字识别失败（{reader.name}）") from e


@dataclass
class RapidOcr:
    name = "RapidOCR"
    model: object

    def read(self, image: Image) -> list[Line]:
        import numpy as np

        result = self.model(np.asarray(image))  # type: ignore[operator]
        boxes = getattr(result, "boxes", None)
        texts = getattr(result, "txts", None)
        if boxes is None or texts is None:
            return []
        pieces = []
        for box, text in zip(boxes, texts, strict=False):
            xs = [float(point[0]) for point in box]
            ys = [float(point[1]) for point in box]
            pieces.append(Line(text=str(text), x0=min(xs), x1=max(xs), top=min(ys), bottom=max(ys)))
        return merge_pieces(pieces)


def _rapidocr() -> RapidOcr | None:
    try:
        from rapidocr import RapidOCR
    except ImportError:
        return None
    try:
        logging.getLogger("RapidOCR").setLevel(logging.WARNING)
        return RapidOcr(model=RapidOCR(params={"Global.log_level": "warning"}))
    except Exception:
        log.warning("RapidOCR is installed but could not start", exc_info=True)
        return None


@dataclass
class Tesseract:
    name = "Tesseract"
    program: str

    def read(self, image: Image) -> list[Line]:
        with tempfile.TemporaryDirectory(prefix="speechqa-ocr-") as tmp:
            path = Path(tmp) / "page.png"
            image.save(path)
            done = subprocess.run(
                [self.program, str(path), "stdout", "-l", "chi_sim", "--psm", "4", "tsv"],
                check=True,
                capture_output=True,
                timeout=_TIMEOUT,
            )
        words: dict[tuple[str, str, str], list[Line]] = {}
        for row in done.stdout.decode("utf-8", errors="replace").splitlines()[1:]:
            cols = row.split("\t")
            if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
                continue
            left, top, width, height = (float(c) for c in cols[6:10])
            key = (cols[2], cols[3], cols[4])  # block, paragraph, line
            words.setdefault(key, []).append(
                Line(text=cols[11], x0=left, x1=left + width, top=top, bottom=top + height)
            )
        lines = []
        for parts in words.values():
            parts.sort(key=lambda w: w.x0)
            lines.append(_combine(parts))
        lines.sort(key=lambda line: (line.top, line.x0))
        return lines


def _tesseract() -> Tesseract | None:
    program = shutil.which("tesseract")
    if program is None:
        return None
    try:
        listed = subprocess.run([program, "--list-langs"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if "chi_sim" not in listed.stdout.decode("utf-8", errors="replace").split():
        return None
    return Tesseract(program=program)


def merge_pieces(pieces: list[Line]) -> list[Line]:
    """Boxes found on one printed line (a detector may cut a line at a wide gap) become one line."""
    rows: list[list[Line]] = []
    for piece in sorted(pieces, key=lambda p: (p.top + p.bottom) / 2):
        centre = (piece.top + piece.bottom) / 2
        if rows:
            last = rows[-1]
            top = min(p.top for p in last)
            bottom = max(p.bottom for p in last)
            if top <= centre <= bottom:
                last.append(piece)
                continue
        rows.append([piece])
    return [_combine(sorted(row, key=lambda p: p.x0)) for row in rows]


def _combine(parts: list[Line]) -> Line:
    text = tidy_line(" ".join(part.text for part in parts))
    return Line(
        text=text,
        x0=min(p.x0 for p in parts),
        x1=max(p.x1 for p in parts),
        top=min(p.top for p in parts),
        bottom=max(p.bottom for p in parts),
    )
