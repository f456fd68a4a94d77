"""Optical character recognition for scans: printed pages as images (.png/.jpg/.tif, every page of a
multi-page TIFF) or scanned PDFs.

Two engines, used automatically when installed, best first:
- RapidOCR (PP-OCR models run by onnxruntime; the Chinese models ship inside the wheel, nothing is
  downloaded): `pip install 'speechqa[ocr]'`.
- Tesseract with its simplified-Chinese data (Debian: `apt-get install tesseract-ocr tesseract-ocr-chi-sim`),
  run as a program.
Without either, scans are refused with a line saying how to enable OCR.

Pages come as scanners leave them. Before reading, a page tilted by a few degrees is straightened (its
tilt measured from the rows of print, `skew_angle`). After reading, the engine says whether the page
looked upright (RapidOCR: its text-direction classifier on the lines found, and their shape — a page on
its side gives lines taller than wide; Tesseract: when its reading looks wrong, its orientation detection,
`--psm 0`); a page on its side or upside down is turned and read once more. An upright page is read once.
"""

from __future__ import annotations

import io
import itertools
import logging
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol

from . import chat
from .errors import NotASpeech, TooLarge, UnreadableFile
from .layout import Line, Page, paragraph_blocks, remove_running_lines, tidy_line
from .records import Block
from .signals import interruptible
from .skew import skew_angle
from .spreads import read_sheet

if TYPE_CHECKING:
    from PIL.Image import Image

log = logging.getLogger(__name__)

HOW_TO_ENABLE = "要识别扫描件中的文字，请安装 OCR 组件：pip install 'speechqa[ocr]'"
# Tesseract is there but cannot read Chinese: the fix is its language data (or the other engine).
NO_CHINESE_DATA = (
    "已安装 Tesseract，但缺少简体中文识别数据（chi_sim）：请安装 tesseract-ocr-chi-sim，"
    "或 pip install 'speechqa[ocr]'"
)
# Larger tilts than this are not looked for (a page scanned that crooked is better scanned again); smaller
# Tilts smaller than this (degrees) are left alone (they do not disturb either engine, and an upright page
# stays as it is); larger ones than corpus.skew.MAX_SKEW are not looked for.
_MIN_SKEW = 0.4
# RapidOCR: lines whose direction the classifier is asked about (the longest ones: short ones say little).
_CLS_SAMPLE = 12
# Tesseract: a reading with a lower mean word confidence (0–100), or fewer characters, looks wrong enough to
# ask its orientation detection (an upright printed page measured 86–91; upside down 23; on its side empty).
_TESSERACT_DOUBT = 60.0
_FEW_CHARS = 10
# Larger page images are refused (every page of a multi-page TIFF is measured before any is decoded; Pillow
# itself checks only the first): an A3 page at 600 dpi (7016×9921, 70 million) is inside it. As RGB such a
# page takes 240 MB while it is read; pages are decoded one at a time, so that is about the most one takes.
MAX_IMAGE_PIXELS = 80_000_000
# More pages than this in one image file are refused: a bound scan of a long report is a few hundred pages,
# and at 2–5 s a page for OCR 500 pages is already 15–40 minutes of one add.
MAX_IMAGE_PAGES = 500
_TIMEOUT = 300
# A page read with a mean confidence (0–1) below this, per engine, is named to the user as doubtful: on
# `speechqa bench ocr-confidence` pages (speech text rendered at 70–150 dpi, blurred, speckled, tilted),
# most pages read below it lost more than 5 % of their characters (see docs/documents.md). An engine not
# listed (a test's fake) never marks a page doubtful.
DOUBTFUL_BELOW = {"Tesseract": 0.82, "RapidOCR": 0.96}


@dataclass(frozen=True)
class Reading:
    """What an engine read on one page image: its printed lines in reading order with boxes in pixels,
    their mean confidence (0–1), and how the page looked turned: the degrees (0, 90, 180, 270) it should be
    turned clockwise to stand upright, 0 when it looked upright or the engine cannot tell."""

    lines: tuple[Line, ...]
    confidence: float = 1.0
    turn: int = 0


@dataclass(frozen=True)
class PageText:
    """One page read: its lines, the size of the page they are placed on (pixels, the page as read:
    upright), how far it was turned clockwise and straightened (degrees) first, the engine's mean
    confidence in what it read (0–1, `Reading.confidence`), and whether that is low enough for the page's
    text to be doubtful (below the engine's measured `DOUBTFUL_BELOW`; a page with no print never is)."""

    lines: tuple[Line, ...]
    width: float
    height: float
    turned: int = 0
    straightened: float = 0.0
    confidence: float = 1.0
    doubtful: bool = False


class OcrEngine(Protocol):
    name: str

    def read(self, image: Image) -> Reading:
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


def missing_engine_reason() -> str:
    """Why no engine can read scans here, and what to install (one line for the user)."""
    return NO_CHINESE_DATA if _tesseract_without_chinese() else HOW_TO_ENABLE


def unread_pages_note(numbers: list[int]) -> str:
    """The line that tells the user which scanned pages of a PDF with text elsewhere were not read."""
    pages = "、".join(str(n) for n in numbers)
    if _tesseract_without_chinese():
        return (
            f"第 {pages} 页是扫描图片，Tesseract 缺少简体中文识别数据（chi_sim），未能读取："
            "请安装 tesseract-ocr-chi-sim，或 pip install 'speechqa[ocr]'"
        )
    return f"第 {pages} 页是扫描图片，未安装 OCR 组件，未能读取：pip install 'speechqa[ocr]'"


def unread_table_pictures_note(count: int) -> str:
    """The line that tells the user how many pictures of tables in a document with text were not read for
    want of an OCR engine (the rest of the document was added)."""
    if _tesseract_without_chinese():
        fix = "Tesseract 缺少简体中文识别数据（chi_sim）：请安装 tesseract-ocr-chi-sim，或 pip install 'speechqa[ocr]'"
    else:
        fix = "未安装 OCR 组件：pip install 'speechqa[ocr]'"
    return f"文件中有 {count} 张表格图片未能读取（{fix}），其余文字已添加"


def doubtful_pages_note(pages: list[tuple[int, float]], one_image: bool = False) -> str:
    """The line that tells the user which pages OCR read with low confidence (page number, confidence
    0–1), to be checked against the paper: the file is added all the same. `one_image`: the file is a
    single picture, not pages."""
    where = "这张图片" if one_image else f"第 {'、'.join(str(n) for n, _ in pages)} 页是扫描件，"
    confidence = round(100 * sum(c for _, c in pages) / len(pages))
    return (
        f"{where}文字识别把握较低（约 {confidence}%），可能有错字漏字，"
        "请对照原件核对（speechqa show 编号 查看读出的文字）"
    )


# A PDF whose fonts carry no character map (no ToUnicode): its text layer gives glyph numbers, not text.
# a PDF whose text was converted to curves (转曲), read without an engine
OUTLINED = "的文字已转为曲线（转曲），没有文字层，需要按扫描件识别"
UNDECODABLE = "的文字无法提取：所用字体缺少字符对照表，提取出来是乱码，需要按扫描件识别"


def undecodable_pages_note(numbers: list[int]) -> str:
    """The line that tells the user which pages of a PDF, set in fonts without a character map, were not
    read for want of an OCR engine."""
    pages = "、".join(str(n) for n in numbers)
    if _tesseract_without_chinese():
        fix = "请安装 tesseract-ocr-chi-sim，或 pip install 'speechqa[ocr]'"
    else:
        fix = "未安装 OCR 组件：pip install 'speechqa[ocr]'"
    return f"第 {pages} 页{UNDECODABLE}，未能读取（{fix}）"


def pages_text(pages: list[PageText]) -> str:
    """The text of pages read by OCR, one paragraph per line: running headers and page numbers dropped,
    lines joined into paragraphs across page breaks, as for a PDF."""
    return "\n".join(block.text for block in _page_blocks(pages))


def table_blocks(pages: list[PageText]) -> tuple[Block, ...]:
    """The paragraphs of `pages_text` as blocks when a ruled table was read on a page: each of its rows a
    block of kind "table_row" (its own paragraph and passage, as a Word table's row is), the others of kind
    "" (read as the text's lines are); () when the pages hold no table (their text says all)."""
    blocks = _page_blocks(pages)
    return blocks if any(block.kind == "table_row" for block in blocks) else ()


def _page_blocks(pages: list[PageText]) -> tuple[Block, ...]:
    laid_out = [
        half
        for page in pages
        for half in read_sheet(Page(lines=page.lines, width=page.width, height=page.height))
    ]
    return tuple(paragraph_blocks(remove_running_lines(laid_out)))


def image_text(name: str, reader: OcrEngine, image: Image) -> str:
    """The text of one page image read by `reader`, one paragraph per line."""
    return pages_text([recognise(name, reader, image)])


def read_image(
    name: str, data: bytes, reader: OcrEngine | None = None, max_pages: int = MAX_IMAGE_PAGES
) -> list[PageText]:
    """Every page of an image file of printed pages (one, or the frames of a multi-page TIFF), in order,
    read by `reader` (default: the best installed engine). Every page's size and the number of pages are
    checked before any page is decoded (TooLarge past MAX_IMAGE_PIXELS or `max_pages`); pages are then
    decoded and read one at a time, so only one is ever held in memory."""
    from PIL import Image as PILImage

    PILImage.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    opened = _open_pages(name, data, max_pages)
    reader = reader or engine()
    if reader is None:
        raise UnreadableFile(f"{name} 是图片。{missing_engine_reason()}")
    return [recognise(name, reader, frame) for frame in _decoded_pages(name, opened)]


# A GIF is a page only when a notice can be read off it whole: the committed notice.gif scaled down is read in
# full down to 150 px on its shorter side, 77% of it at 120 px, 16% at 100 px (`python
# tests/fixtures/gif/measure_page_side.py`, docs/cold34.md, "After review: mend60b"). Smaller ones are logos,
# icons, spacers and emoticons.
GIF_PAGE_SIDE = 150
GIF_FRAMES_READ = 10  # an animated notice's frames read for the first one holding text
_SENTENCE_CHARACTERS = 8  # a frame holds a sentence when OCR reads this many letters, digits or Han in it


def read_gif(name: str, data: bytes, reader: OcrEngine | None = None) -> list[PageText]:
    """The page of a GIF: its first frame (of the first `GIF_FRAMES_READ`) in which OCR reads a sentence — an
    animated notice may open on a blank or a title frame. NotASpeech (passed over in a folder, told when
    added by name) for one smaller than a page (`GIF_PAGE_SIDE`) or in which no frame holds a sentence: a
    logo, an icon, a spacer, an emoticon."""
    return read_picture_page(name, data, reader, kind=" GIF 图片", looks_like="标志、图标或动画表情")


def read_picture_page(
    name: str,
    data: bytes,
    reader: OcrEngine | None = None,
    *,
    kind: str = "图片",
    looks_like: str = "标志、印章或二维码",
) -> list[PageText]:
    """The page a picture that may be a logo holds (a GIF; a picture an e-mail's body shows — a screenshot of a
    notice, or a letterhead, a seal, a QR code): its first frame (of the first `GIF_FRAMES_READ`) in which OCR
    reads a sentence. NotASpeech for one smaller than a page (`GIF_PAGE_SIDE`) or in which no frame holds a
    sentence. `kind` names the picture in those messages (「 GIF 图片」), `looks_like` what one with no text is."""
    from PIL import Image as PILImage

    PILImage.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    image = _open_pages(name, data, 1).image
    width, height = image.size
    if min(width, height) < GIF_PAGE_SIDE:
        raise NotASpeech(
            f"{name} 是很小的{kind}（{width}×{height} 像素），像是标志或图标，不是文件的页面"
            f"（短边不到 {GIF_PAGE_SIDE} 像素的图片读不出整页文字）"
        )
    reader = reader or engine()
    if reader is None:
        raise UnreadableFile(f"{name} 是图片。{missing_engine_reason()}")
    for number in range(1, min(getattr(image, "n_frames", 1), GIF_FRAMES_READ) + 1):
        try:
            with _pillow_warnings(name):
                image.seek(number - 1)
                image.load()
                frame = page_for_ocr(image, name)
        except _DAMAGE as e:
            log.info("Pillow could not decode frame %d of %s: %r", number, name, e)
            raise _damaged(name, number, image) from e
        page = recognise(name, reader, frame)
        if len(re.findall(r"\w", pages_text([page]))) >= _SENTENCE_CHARACTERS:
            return [page]
    raise NotASpeech(f"{name} 是{kind}，其中没有读出文字（像是{looks_like}），不是文件的页面")


class _Opened(NamedTuple):
    """An image file opened for reading: the file (no page decoded yet) and how many pages it has."""

    image: Image
    pages: int


# Pillow raises all of these on a damaged or truncated file, from opening it to decoding a page (a missing
# tag, a short read, a table index past its end…); the decompression-bomb refusal is not among them.
_DAMAGE = (
    TypeError,
    KeyError,
    IndexError,
    struct.error,
    ZeroDivisionError,
    ValueError,
    OSError,
    EOFError,
    SyntaxError,
)
# What Pillow warns when a TIFF directory runs past the end of the file: the directory is cut short, and
# with it the pages after it (Pillow then ends the file there without an error).
_CUT_SHORT = (
    "Corrupt EXIF data",
    "Possibly corrupt EXIF data",
    "Truncated File Read",
    "Tag data larger than file",
    "Tag offset too large",
)


def _damaged(name: str, number: int, image: Image) -> UnreadableFile:
    where = f"第 {number} 页无法读取" if image.format == "TIFF" else "无法读取"
    return UnreadableFile(f"{name} 已损坏或不完整（{where}），请重新扫描或重新复制后再添加")


@contextmanager
def _pillow_warnings(name: str) -> Iterator[list[warnings.WarningMessage]]:
    """Pillow's warnings (in English, on stderr) caught: a decompression-bomb warning raised, so that it is
    refused like an error; the others collected for the caller and logged, never shown to the user. What
    the C libraries under Pillow print themselves is logged too (see `_native_messages`)."""
    from PIL import Image as PILImage

    with _native_messages(name), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.simplefilter("error", PILImage.DecompressionBombWarning)
        yield caught
    for warning in caught:
        log.info("Pillow warned on %s: %s", name, warning.message)


# The process has one standard error: one image is decoded with it redirected at a time.
_STDERR = threading.RLock()


@contextmanager
def _native_messages(name: str) -> Iterator[None]:
    """What C libraries write straight to the process's standard error while an image is decoded —
    libtiff's 「TIFFReadDirectory: Warning, Unknown field with tag 65000 (0xfde8) encountered.」 for a
    scanner's private tags, or its reason for a page that does not decode — caught and logged (INFO),
    never shown to the user: a page that cannot be read still raises, and is refused in one Chinese line.
    Anything else written to standard error meanwhile (it is the whole process's) is logged the same way,
    never lost."""
    with _STDERR:
        with suppress(OSError, ValueError, AttributeError):
            sys.stderr.flush()
        try:
            saved = os.dup(2)
        except OSError:  # no standard error to redirect
            saved = -1
        if saved < 0:
            yield
            return
        with tempfile.TemporaryFile() as sink:
            os.dup2(sink.fileno(), 2)
            try:
                yield
            finally:
                with suppress(OSError, ValueError, AttributeError):
                    sys.stderr.flush()
                os.dup2(saved, 2)
                os.close(saved)
                sink.seek(0)
                for line in sink.read().decode("utf-8", errors="replace").splitlines():
                    if line.strip():
                        log.info("a library said while decoding %s: %s", name, line.strip())


def _cut_short(caught: list[warnings.WarningMessage]) -> bool:
    return any(str(warning.message).startswith(_CUT_SHORT) for warning in caught)


# An HEIF file (a phone's HEIC photo: what an iPhone sends 「as a file」) opens with an ISO box whose type
# is ftyp and whose brand names HEIF (HEVC stills, or the generic image brands)
_HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1")


def is_heif(data: bytes) -> bool:
    """Whether the bytes are an HEIF/HEIC image (not AVIF, which shares the container: its brand is avif)."""
    return data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS


def is_avif(data: bytes) -> bool:
    """Whether the bytes are an AVIF image (an AV1 still or sequence in the HEIF container)."""
    return data[4:8] == b"ftyp" and data[8:12] in (b"avif", b"avis")


# JPEG 2000: the JP2 file format opens with its signature box (length 12, type 「jP  」, then CR LF 0x87 LF);
# a bare codestream (.j2k, .j2c) with its SOC and SIZ markers
_JP2_SIGNATURE = b"\x00\x00\x00\x0cjP  \r\n\x87\n"
_J2K_CODESTREAM = b"\xff\x4f\xff\x51"


def is_jpeg2000(data: bytes) -> bool:
    """Whether the bytes are a JPEG 2000 image: a .jp2 file or a bare codestream."""
    return data.startswith(_JP2_SIGNATURE) or data.startswith(_J2K_CODESTREAM)


# A Windows bitmap: 「BM」, the file's size, then (at 14) the size of its info header, one of the six
# header versions Windows has written (OS/2's 12 bytes to BITMAPV5HEADER's 124)
_BMP_HEADERS = (12, 40, 52, 56, 108, 124)


def is_bmp(data: bytes) -> bool:
    """Whether the bytes are a Windows bitmap (.bmp), by its file header and info header's size."""
    return data[:2] == b"BM" and len(data) >= 26 and int.from_bytes(data[14:18], "little") in _BMP_HEADERS


@lru_cache(maxsize=1)
def _avif_decoder() -> bool:
    """Whether this Pillow decodes AVIF (built with libavif: Pillow 11.2 and later wheels)."""
    from PIL import features

    return bool(features.check("avif"))


@lru_cache(maxsize=1)
def _jpeg2000_decoder() -> bool:
    """Whether this Pillow decodes JPEG 2000 (built with OpenJPEG, as its wheels are)."""
    from PIL import features

    return bool(features.check("jpg_2000"))


@lru_cache(maxsize=1)
def _heif_opener() -> bool:
    """Teach Pillow to open HEIF images (pillow-heif, installed with the OCR extra); False without it."""
    try:
        import pillow_heif
    except ImportError:
        return False
    pillow_heif.register_heif_opener()
    return True


def _open_pages(name: str, data: bytes, max_pages: int) -> _Opened:
    """The image file opened (no page decoded yet), once every page is known to be within the limits.
    Only a TIFF has pages: of an animated PNG or GIF (or a phone's multi-picture JPEG) the first picture is
    the page."""
    from PIL import Image as PILImage

    if is_heif(data) and not _heif_opener():
        raise UnreadableFile(
            f"{name} 是 HEIC 照片，本机没有读取它的组件：pip install 'speechqa[ocr]'，"
            "或在手机上把照片存为 JPEG 后再添加"
        )
    if is_avif(data) and not _avif_decoder():
        raise UnreadableFile(
            f"{name} 是 AVIF 图片，本机的 Pillow 不能读取它：请升级 Pillow（11.2 及以上），"
            "或把图片另存为 JPEG 或 PNG 后再添加"
        )
    if is_jpeg2000(data) and not _jpeg2000_decoder():
        raise UnreadableFile(
            f"{name} 是 JPEG 2000 图片，本机的 Pillow 不能读取它（缺少 OpenJPEG）：请安装带 OpenJPEG 的 Pillow"
            "（pip install --force-reinstall pillow），或把图片另存为 JPEG 或 PNG 后再添加"
        )
    sizes: list[tuple[int, int]] = []
    try:
        with _pillow_warnings(name) as caught:
            try:
                image = PILImage.open(io.BytesIO(data))
            except _DAMAGE as e:
                log.info("Pillow could not open %s: %r", name, e)
                raise UnreadableFile(
                    f"{name} 不是有效的图片文件（可能已损坏或不完整），请重新扫描或重新复制后再添加"
                ) from e
            try:
                while True:
                    if _cut_short(caught):
                        raise EOFError("a TIFF directory runs past the end of the file")
                    sizes.append(image.size)
                    if image.format != "TIFF" or len(sizes) > max_pages:
                        break
                    try:
                        image.seek(len(sizes))
                    except EOFError:
                        break
                image.seek(0)
            except _DAMAGE as e:
                log.info("Pillow could not read page %d of %s: %r", len(sizes) + 1, name, e)
                raise _damaged(name, len(sizes) + 1, image) from e
    except (PILImage.DecompressionBombWarning, PILImage.DecompressionBombError) as e:
        log.info("Pillow refused %s as a decompression bomb: %s", name, e)
        raise TooLarge(f"{name} 的图片尺寸过大，疑似损坏或恶意文件，已拒绝") from e
    if len(sizes) > max_pages:
        raise TooLarge(f"{name} 页数过多（超过 {max_pages} 页），请拆分成几个文件后再添加")
    for number, (width, height) in enumerate(sizes, start=1):
        if width * height > MAX_IMAGE_PIXELS:
            where = f"第 {number} 页" if len(sizes) > 1 else "图片"
            raise TooLarge(
                f"{name} {where}尺寸过大（{width}×{height} 像素，上限 {MAX_IMAGE_PIXELS // 1_000_000} 百万像素），"
                "疑似损坏或恶意文件，已拒绝"
            )
    return _Opened(image, len(sizes))


def _decoded_pages(name: str, opened: _Opened) -> Iterator[Image]:
    """The pages of an opened image, each decoded (as `page_for_ocr` makes it) only when the one before has
    been read. A page that cannot be decoded in full is refused, not skipped nor read in part."""
    image, pages = opened
    for number in range(1, pages + 1):
        try:
            with _pillow_warnings(name) as caught:
                image.seek(number - 1)
                image.load()
                if _cut_short(caught):
                    raise EOFError("a TIFF directory runs past the end of the file")
                page = page_for_ocr(image, name)
        except _DAMAGE as e:
            log.info("Pillow could not decode page %d of %s: %r", number, name, e)
            raise _damaged(name, number, image) from e
        yield page
        del page


def page_for_ocr(image: Image, name: str = "") -> Image:
    """A decoded page as the engines read it: 8-bit RGB, turned upright as its EXIF orientation says (a
    phone photo), the print of a 16-bit greyscale scan kept (not clipped to white), a transparent background
    made white (not black)."""
    from PIL import Image as PILImage
    from PIL import ImageOps

    try:
        image = ImageOps.exif_transpose(image) or image
    except _DAMAGE as e:  # damaged EXIF data says nothing reliable about the page: it is read as it is
        log.info("could not apply the EXIF orientation of %s: %r", name, e)
    if image.mode in ("I", "I;16", "I;16L", "I;16B", "I;16N", "F"):
        image = _eight_bit(image)
    if image.mode in ("RGBA", "LA", "PA", "La", "RGBa") or "transparency" in image.info:
        image = image.convert("RGBA")
        white = PILImage.new("RGBA", image.size, (255, 255, 255, 255))
        white.alpha_composite(image)
        image = white
    return image.convert("RGB")


def _eight_bit(image: Image) -> Image:
    """A greyscale page of more than 8 bits a pixel as 8-bit greyscale, its values scaled from the range
    they use (a 12-bit scanner's 0–4095 as well as 0–65535) to 0–255."""
    import numpy as np
    from PIL import Image as PILImage

    values = np.asarray(image, dtype=np.float64)
    low, high = float(values.min()), float(values.max())
    if high <= 255:
        scaled = values
    elif high > low:
        scaled = (values - low) * (255 / (high - low))
    else:  # one value everywhere: a blank page, as light or dark as it is
        scaled = values / 256
    return PILImage.fromarray(np.clip(np.rint(scaled), 0, 255).astype(np.uint8), mode="L")


def recognise(name: str, reader: OcrEngine, image: Image) -> PageText:
    """One page image read by `reader`: straightened first if tilted, turned and read again if the first
    reading found it on its side or upside down. A red seal stamped over the print is taken off first
    (corpus.seals): its rim text would be read into the issuer and date it covers."""
    from .seals import without_seals

    image = without_seals(image)
    try:
        # onnxruntime's run holds Ctrl-C for seconds: the page is read while this thread waits in short steps
        reading, image, turned, angle = interruptible(lambda: _read_straightened(reader, image))
    except Exception as e:  # an engine failing on one image must not stop the rest of an add
        log.warning("OCR (%s) failed on %s: %r", reader.name, name, e)
        raise UnreadableFile(f"{name} 文字识别失败（{reader.name}）") from e
    finally:
        give_back_memory()
    if turned or angle:
        log.info("%s: page turned %d° and straightened %.1f° for OCR (%s)", name, turned, angle, reader.name)
    doubtful = bool(reading.lines) and reading.confidence < DOUBTFUL_BELOW.get(reader.name, 0.0)
    if doubtful:
        log.info("%s: OCR (%s) confidence %.2f, doubtful", name, reader.name, reading.confidence)
    lines = chat.message_lines(image, reading.lines)  # a chat screenshot: its messages, not the app's lines
    lines = _with_ruled_table(name, reader, image, lines)
    return PageText(
        lines, float(image.width), float(image.height), turned, angle, reading.confidence, doubtful
    )


def _with_ruled_table(
    name: str, reader: OcrEngine, image: Image, lines: tuple[Line, ...]
) -> tuple[Line, ...]:
    """A page's lines with the ruled table printed on it (`corpus.gridtables`: a grid of long dark runs in
    the page as read, straightened) read cell by cell: the engine's lines inside the grid — which run the
    cells of a row together, or split a cell's words — are replaced by one line per row, labelled by the
    header row as a PDF's table is (「姓名：…；…」, a table row: its own paragraph). A page with no grid, or
    whose cells read empty, keeps its lines."""
    from .gridtables import find_grid, read_grid
    from .tables import labelled_rows

    if not lines:
        return lines
    grid = find_grid(image, straighten=False)
    if grid is None or not grid.labelled:
        return lines  # no grid, or one with spans across columns or short rules: no header labels its cells
    try:
        table = read_grid(image, grid, reader, margins=False)
    except Exception as e:  # the page's own reading stands
        log.warning("OCR (%s) failed on the table cells of %s: %r", reader.name, name, e)
        return lines
    finally:
        give_back_memory()
    wide = [row[0] if n in table.wide else row for n, row in enumerate(table.rows)]
    texts = labelled_rows([row if isinstance(row, str) else list(row) for row in wide])
    if not texts:
        return lines
    left, right = grid.columns[0], grid.columns[-1]
    top, bottom = grid.rows[0], grid.rows[-1]

    def inside(line: Line) -> bool:
        middle, centre = (line.top + line.bottom) / 2, (line.x0 + line.x1) / 2
        return top <= middle <= bottom and left <= centre <= right

    step = (bottom - top) / len(texts)
    rows = [
        Line(text=text, x0=left, x1=right, top=top + n * step, bottom=top + (n + 1) * step, table=True)
        for n, text in enumerate(texts)
    ]
    kept = [line for line in lines if not inside(line)]
    own = "".join(line.text for line in lines if inside(line))
    share = _agreement(list(table.lines), own)  # each cell once, a spanning one too
    if share < _MIN_CELL_AGREEMENT:
        log.info(
            "%s: the %d×%d table's cells read unlike the page (%.0f%% agree); the page's reading kept",
            name,
            *grid.shape,
            100 * share,
        )
        return lines
    log.info("%s: a ruled table of %d×%d cells read cell by cell", name, *grid.shape)
    return tuple(sorted([*kept, *rows], key=lambda line: (line.top, line.x0)))


# A scanned page's table read cell by cell replaces the page's own lines inside the grid only when at least
# this share of the cells' letters (Chinese characters and digits, out of every letter and digit read) are
# found among the page's own lines there: a cell reading gone wrong (garbage of Latin letters) never
# replaces a page that read right.
_MIN_CELL_AGREEMENT = 0.8
_COUNTED = re.compile(r"[\u3400-\u9fff0-9]")


def _agreement(cells: list[str], own: str) -> float:
    """The share of the letters and digits read in `cells` that are Chinese characters or digits also read
    in `own` (each found as often as `own` holds it); 0 when the cells hold none."""
    from collections import Counter

    read = [ch for text in cells for ch in text if ch.isalnum()]
    if not read:
        return 0.0
    have = Counter(ch for ch in own if _COUNTED.match(ch))
    found = 0
    for ch in read:
        if _COUNTED.match(ch) and have[ch] > 0:
            have[ch] -= 1
            found += 1
    return found / len(read)


def give_back_memory() -> None:
    """Hand the heap the OCR engine has freed back to the system. A page read by RapidOCR peaks at ~650 MB of
    onnxruntime's buffers, freed after the read, but glibc kept ~400 MB of them (its arenas, one per thread of
    the engine's pool) and the next page, the embedding model and the index stacked on that: `speechqa add` of
    a folder with scans peaked at 1.14 GB (docs/ops61.md). malloc_trim releases only memory already free."""
    if (trim := _malloc_trim()) is not None:
        trim(0)


@lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, looked up once (None elsewhere: musl, macOS). libc is opened by glibc's soname, not
    found with `ctypes.util.find_library`, which runs `ldconfig -p` as a child process: forked the first time
    after a page was read, at the ~850 MB the reading process then held (scripts/ocr_memory.py reported it as
    the largest child process)."""
    import ctypes

    try:
        return ctypes.CDLL("libc.so.6").malloc_trim  # type: ignore[no-any-return]
    except (OSError, AttributeError):  # no glibc here
        return None


def _read_straightened(reader: OcrEngine, image: Image) -> tuple[Reading, Image, int, float]:
    """The page straightened if tilted, read, and turned and read again if found on its side: the reading,
    the image read, the degrees turned and straightened."""
    angle = skew_angle(image)
    if abs(angle) >= _MIN_SKEW:
        image = _rotated(image, -angle)
    else:
        angle = 0.0
    reading = reader.read(image)
    turned = 0
    if reading.turn:
        reading, image, turned = _read_turned(reader, image, reading)
    return reading, image, turned, angle


def _read_turned(reader: OcrEngine, image: Image, first: Reading) -> tuple[Reading, Image, int]:
    """The page turned as the first reading suggests and read again (and once more, should that reading
    still find it turned); the reading that found the page upright wins, else the most confident."""
    from PIL import Image as PILImage

    transpose = {
        90: PILImage.Transpose.ROTATE_270,
        180: PILImage.Transpose.ROTATE_180,
        270: PILImage.Transpose.ROTATE_90,
    }
    tried = [(first, image, 0)]
    turned, reading = 0, first
    while reading.turn and len(tried) < 3:
        turned = (turned + reading.turn) % 360
        if turned in (t for _, _, t in tried):
            break
        page = image.transpose(transpose[turned]) if turned else image
        reading = reader.read(page)
        tried.append((reading, page, turned))
    upright = [t for t in tried if not t[0].turn] or tried
    return max(upright, key=lambda t: (t[0].confidence, -t[2]))


def _rotated(image: Image, degrees: float) -> Image:
    """The image turned counter-clockwise by a small angle, the corners it uncovers white."""
    from PIL import Image as PILImage

    return image.rotate(degrees, resample=PILImage.Resampling.BICUBIC, fillcolor=(255, 255, 255))


@dataclass
class RapidOcr:
    name = "RapidOCR"
    model: object

    def read(self, image: Image) -> Reading:
        import numpy as np

        pixels = np.asarray(image)
        # Not its text-direction classifier line by line: the page is turned as a whole (`_turn`), and on
        # an upright page the classifier takes some upright lines for upside down and turns them, which
        # loses them (a notice's title line, a body line of a 150-dpi scan, read as 「一。、」 or not at all).
        result = self.model(pixels, use_cls=False)  # type: ignore[operator]
        boxes = getattr(result, "boxes", None)
        texts = getattr(result, "txts", None)
        scores = getattr(result, "scores", None) or ()
        if boxes is None or texts is None:
            return Reading(lines=(), confidence=0.0)
        pieces = []
        for box, text in zip(boxes, texts, strict=False):
            xs = [float(point[0]) for point in box]
            ys = [float(point[1]) for point in box]
            pieces.append(Line(text=str(text), x0=min(xs), x1=max(xs), top=min(ys), bottom=max(ys)))
        confidence = float(np.mean(scores)) if len(scores) else 0.0
        return Reading(tuple(merge_pieces(pieces)), confidence, self._turn(pixels, boxes, texts))

    def _turn(self, pixels, boxes, texts) -> int:  # type: ignore[no-untyped-def]
        """How the page lies, from the lines found: taller than wide, it is on its side; the direction
        classifier (run on the longest lines, cut out as RapidOCR cuts them: a tall line turned a
        quarter counter-clockwise) says which way up they read."""
        lines = [(box, text) for box, text in zip(boxes, texts, strict=False) if len(str(text).strip()) >= 3]
        if not lines:
            return 0
        shapes = [_box_shape(box) for box, _ in lines]
        tall = sum(1 for width, height in shapes if height > 1.5 * width)
        sideways = tall > len(lines) / 2
        sample = sorted(range(len(lines)), key=lambda i: -max(shapes[i]))[:_CLS_SAMPLE]
        if sideways:
            sample = [i for i in sample if shapes[i][1] > 1.5 * shapes[i][0]]
        crops = self.model.crop_text_regions(pixels, [lines[i][0] for i in sample])  # type: ignore[attr-defined]
        _, classified = self.model.cls_and_rotate(crops)  # type: ignore[attr-defined]
        labels = [str(label) for label, _ in (classified.cls_res or ())]
        flipped = sum(1 for label in labels if "180" in label) > len(labels) / 2
        if sideways:
            # turned a quarter counter-clockwise, the line reads upright: the page lies a quarter clockwise
            return 90 if flipped else 270
        return 180 if flipped else 0


def _box_shape(box) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(width, height) of a text box given as its four corners."""
    (x0, y0), (x1, y1), (x2, y2) = (box[0][0], box[0][1]), (box[1][0], box[1][1]), (box[2][0], box[2][1])
    return float(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5), float(((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5)


def _rapidocr() -> RapidOcr | None:
    try:
        from rapidocr import RapidOCR
    except ImportError:
        return None
    try:
        # Errors only: its one routine warning is "The text detection result is empty", a page with
        # nothing to read, which the reader reports itself in Chinese (文件中没有文字).
        logging.getLogger("RapidOCR").setLevel(logging.ERROR)
        # its ONNX sessions take seconds to make, Ctrl-C held meanwhile: made while this thread waits
        return RapidOcr(model=interruptible(lambda: RapidOCR(params={"Global.log_level": "error"})))
    except Exception:
        log.warning("RapidOCR is installed but could not start", exc_info=True)
        return None


@dataclass
class Tesseract:
    name = "Tesseract"
    program: str

    osd: bool = False  # its orientation data (osd.traineddata) is installed

    def read(self, image: Image) -> Reading:
        with tempfile.TemporaryDirectory(prefix="speechqa-ocr-") as tmp:
            path = Path(tmp) / "page.png"
            image.save(path)
            done = subprocess.run(
                [self.program, str(path), "stdout", "-l", "chi_sim", "--psm", "4", "tsv"],
                check=True,
                capture_output=True,
                timeout=_TIMEOUT,
            )
            lines, confidence = _tsv_lines(done.stdout.decode("utf-8", errors="replace"))
            doubtful = confidence < _TESSERACT_DOUBT or sum(len(line.text) for line in lines) < _FEW_CHARS
            turn = self._orientation(path) if doubtful and self.osd else 0
        return Reading(tuple(lines), confidence / 100, turn)

    def _orientation(self, path: Path) -> int:
        """Tesseract's orientation detection: the degrees clockwise the page should be turned (0 when it
        cannot tell, e.g. a page with too little print)."""
        done = subprocess.run(
            [self.program, str(path), "stdout", "--psm", "0"],
            capture_output=True,
            timeout=_TIMEOUT,
            check=False,
        )
        found = re.search(r"Rotate:\s*(\d+)", done.stdout.decode("utf-8", errors="replace"))
        turn = int(found.group(1)) % 360 if found else 0
        return turn if turn in (90, 180, 270) else 0


def _tsv_lines(tsv: str) -> tuple[list[Line], float]:
    """The lines of Tesseract's TSV output, top to bottom, and the mean confidence (0–100) of its words."""
    words: dict[tuple[str, str, str], list[Line]] = {}
    confidences: list[float] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        confidences.append(float(cols[10]))
        left, top, width, height = (float(c) for c in cols[6:10])
        key = (cols[2], cols[3], cols[4])  # block, paragraph, line
        words.setdefault(key, []).append(
            Line(text=cols[11], x0=left, x1=left + width, top=top, bottom=top + height)
        )
    lines = []
    for parts in words.values():
        parts.sort(key=lambda w: w.x0)
        lines.append(combine_pieces(parts))
    lines.sort(key=lambda line: (line.top, line.x0))
    return lines, (sum(confidences) / len(confidences) if confidences else 0.0)


@lru_cache(maxsize=1)
def _tesseract_languages() -> tuple[str, tuple[str, ...]] | None:
    """The tesseract program and the languages it has data for, or None when it is not installed."""
    program = shutil.which("tesseract")
    if program is None:
        return None
    try:
        listed = subprocess.run([program, "--list-langs"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    languages = tuple(listed.stdout.decode("utf-8", errors="replace").split())
    log.debug("tesseract at %s has data for %s", program, languages)
    return program, languages


def _tesseract() -> Tesseract | None:
    found = _tesseract_languages()
    if found is None or "chi_sim" not in found[1]:
        return None
    return Tesseract(program=found[0], osd="osd" in found[1])


def _tesseract_without_chinese() -> bool:
    found = _tesseract_languages()
    return found is not None and "chi_sim" not in found[1]


def merge_pieces(pieces: list[Line]) -> list[Line]:
    """Boxes found on one printed line (a detector may cut a line at a wide gap) become one line. A box
    standing under another rather than beside it is the next line, however close: a slightly tilted page's
    long line has a box tall enough to reach the middle of the short line below it (a paragraph's last
    line, 「闭馆清洁。」), which was read in front of the line above."""
    rows: list[list[Line]] = []
    for piece in sorted(pieces, key=lambda p: (p.top + p.bottom) / 2):
        centre = (piece.top + piece.bottom) / 2
        if rows:
            last = rows[-1]
            top = min(p.top for p in last)
            bottom = max(p.bottom for p in last)
            if top <= centre <= bottom and not any(_stacked(piece, p) for p in last):
                last.append(piece)
                continue
        rows.append([piece])
    return [combine_pieces(sorted(row, key=lambda p: p.x0)) for row in rows]


def _stacked(a: Line, b: Line) -> bool:
    """Whether two boxes stand one above the other, not as two pieces of one line: they share more than
    half of the narrower one's width and their middles are more than a quarter of the lower one's height
    apart. Pieces of one line stand side by side — but an OCR text layer's word boxes may overlap on the
    same row (Tesseract stretches a run of digits' box over the next word: 「2024」 over 「年」), and were
    read as two lines, the date 「2024 / 年3月15日」 lost to the reader."""
    shared = min(a.x1, b.x1) - max(a.x0, b.x0)
    apart = abs((a.top + a.bottom) - (b.top + b.bottom)) / 2
    return shared > 0.5 * min(a.x1 - a.x0, b.x1 - b.x0) and apart > 0.25 * min(
        a.bottom - a.top, b.bottom - b.top
    )


def combine_pieces(parts: list[Line]) -> Line:
    """The pieces of one printed line (words, left to right) as the line: their texts joined as printed
    (no space between Chinese words), their boxes as one."""
    text = tidy_line(" ".join(part.text for part in parts))
    height = max(p.bottom - p.top for p in parts)
    # pieces far apart (two pages side by side: corpus.spreads) are kept as the line's parts
    wide = any(b.x0 - a.x1 >= 2 * height for a, b in itertools.pairwise(parts))
    return Line(
        text=text,
        x0=min(p.x0 for p in parts),
        x1=max(p.x1 for p in parts),
        top=min(p.top for p in parts),
        bottom=max(p.bottom for p in parts),
        parts=tuple(parts) if wide else (),
    )
