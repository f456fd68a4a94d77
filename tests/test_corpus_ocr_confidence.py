"""A scanned page OCR read with low confidence is named to the user (one Chinese line in Document.notes);
the file is still added. Pages are printed here with Noto Serif CJK and scanned cleanly or badly (a coarse
resolution, blur, speckle), then read by the installed engines through the real reader."""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from bench.documents import cer
from corpus import installed_engines, read_bytes
from corpus.ocr import DOUBTFUL_BELOW, recognise

FONT = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
ENGINES = {engine.name: engine for engine in installed_engines()}  # best first: the reader uses the first
ENGINE_NAMES = sorted(ENGINES) or ["none"]

SPEECH = (
    "同志们，今天我们召开全市离退休干部工作会议，主要任务是总结去年的工作，部署今年的任务。",
    "一年来，各级老干部工作部门认真落实政治待遇和生活待遇，走访慰问老同志三千二百余人次。",
    "今年要继续办好老年大学，新增教学点二十个，让更多老同志就近学习、老有所乐。",
    "各县区要把离退休干部党支部建设作为重点，确保组织生活正常开展，发挥老同志的作用。",
)
_CHARS_PER_LINE = 26
_PRINT_DPI = 300
# How a bad scan is made for each engine: a coarse resolution, blur and speckle that `speechqa bench
# ocr-confidence` measured leaving more than 5 % of the characters wrong with the engine still finding
# print (Tesseract reads nothing at all under RapidOCR's blur and noise; RapidOCR reads Tesseract's right).
BAD = {"RapidOCR": (100, 1.5, 30.0), "Tesseract": (100, 0.8, 30.0)}


def scan(dpi: int = 200, *, blur: float = 0.0, noise: float = 0.0, seed: int = 0) -> Image.Image:
    """The speech printed in 14 pt and scanned at `dpi`: blurred by `blur` pixels, grey noise of standard
    deviation `noise` with dust specks on a share of noise/4000 of the pixels. Greyscale."""
    size = round(14 / 72 * _PRINT_DPI)
    font = ImageFont.truetype(FONT, size, index=0)
    margin = _PRINT_DPI // 2
    lines: list[str] = []
    for paragraph in SPEECH:
        text = "　　" + paragraph
        lines += [text[i : i + _CHARS_PER_LINE] for i in range(0, len(text), _CHARS_PER_LINE)]
    leading = round(size * 1.7)
    page = Image.new("L", (2 * margin + _CHARS_PER_LINE * size, 2 * margin + len(lines) * leading), 255)
    draw = ImageDraw.Draw(page)
    for number, line in enumerate(lines):
        draw.text((margin, margin + number * leading), line, font=font, fill=0)
    scale = dpi / _PRINT_DPI
    page = page.resize((round(page.width * scale), round(page.height * scale)), Image.Resampling.LANCZOS)
    if blur:
        page = page.filter(ImageFilter.GaussianBlur(blur))
    if noise:
        rng = np.random.default_rng(seed)
        pixels = np.asarray(page, dtype=np.float64) + rng.normal(0.0, noise, (page.height, page.width))
        dust = rng.random(pixels.shape) < noise / 4000
        pixels[dust] = rng.choice([0.0, 255.0], size=int(dust.sum()))
        page = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    return page


def bad_scan(engine: str = "") -> Image.Image:
    """The speech scanned badly for `engine` (default: the one the reader uses). A copy: Pillow leaves a
    save's encoder settings on the image, which a later save of it as a TIFF page then trips over."""
    return _bad_scan(engine or next(iter(ENGINES), "RapidOCR")).copy()


@cache
def _bad_scan(engine: str) -> Image.Image:
    dpi, blur, noise = BAD[engine]
    return scan(dpi, blur=blur, noise=noise)


def png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def tiff(*pages: Image.Image) -> bytes:
    out = io.BytesIO()
    pages[0].save(out, format="TIFF", save_all=True, append_images=list(pages[1:]))
    return out.getvalue()


def engine_named(name: str):  # type: ignore[no-untyped-def]
    if name not in ENGINES:
        pytest.skip("no OCR engine installed (pip install 'speechqa[ocr]')")
    return ENGINES[name]


def default_engine() -> None:
    if not ENGINES:
        pytest.skip("no OCR engine installed (pip install 'speechqa[ocr]')")


NOTE = re.compile(
    r"文字识别把握较低（约 (\d+)%），可能有错字漏字，请对照原件核对（speechqa show 编号 查看读出的文字）$"
)


def doubtful_share(note: str) -> int:
    found = NOTE.search(note)
    assert found, note
    return int(found.group(1))


@pytest.mark.parametrize("name", ENGINE_NAMES)
def test_each_engine_is_confident_on_a_clean_scan_and_not_on_a_bad_one(name: str) -> None:
    engine = engine_named(name)
    clean = recognise("clean.png", engine, scan().convert("RGB"))
    bad = recognise("bad.png", engine, bad_scan(name).convert("RGB"))
    assert clean.lines and bad.lines  # the bad scan is read, badly: not a blank page
    assert 0 < bad.confidence < DOUBTFUL_BELOW[name] <= clean.confidence <= 1
    assert bad.doubtful and not clean.doubtful
    printed = "".join(SPEECH)
    assert cer(printed, " ".join(line.text for line in clean.lines)) <= 0.05
    assert cer(printed, " ".join(line.text for line in bad.lines)) > 0.05


def test_a_clean_scan_is_added_without_a_note() -> None:
    default_engine()
    document = read_bytes("讲话.png", png(scan()))
    assert document.encoding == "ocr" and document.notes == ()
    assert cer("".join(SPEECH), document.text) <= 0.05


def test_a_badly_scanned_picture_is_added_with_a_note_saying_to_check_it() -> None:
    default_engine()
    document = read_bytes("讲话.png", png(bad_scan()))
    assert document.text.strip()  # added all the same
    (note,) = document.notes
    assert note.startswith("这张图片文字识别把握较低")
    assert 0 < doubtful_share(note) < 100 * min(DOUBTFUL_BELOW.values()) + 1


def test_the_bad_page_of_a_multipage_tiff_is_named() -> None:
    default_engine()
    document = read_bytes("讲话.tif", tiff(scan(), bad_scan(), scan(150)))
    (note,) = document.notes
    assert note.startswith("第 2 页是扫描件，文字识别把握较低")
    doubtful_share(note)


def test_the_badly_scanned_page_of_a_pdf_is_named_and_its_typed_page_is_not(tmp_path: Path) -> None:
    """Page 1 typed (reportlab, a text layer: not read by OCR), page 2 the bad scan as an image."""
    default_engine()
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    sheet = canvas.Canvas(out, pagesize=A4)
    sheet.setFont("STSong-Light", 14)
    y = A4[1] - 100
    for paragraph in SPEECH:
        for i in range(0, len(paragraph), 30):
            sheet.drawString(72, y, paragraph[i : i + 30])
            y -= 22
    sheet.showPage()
    image = bad_scan()
    dpi = BAD[next(iter(ENGINES))][0]
    width, height = image.width * 72 / dpi, image.height * 72 / dpi
    sheet.drawImage(ImageReader(image.convert("RGB")), 36, A4[1] - 36 - height, width, height)
    sheet.showPage()
    sheet.save()
    document = read_bytes("讲话.pdf", out.getvalue())
    assert document.encoding == "pdf+ocr"
    (note,) = document.notes
    assert note.startswith("第 2 页是扫描件，文字识别把握较低")
    doubtful_share(note)
