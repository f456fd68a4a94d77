"""Scans as office scanners and phones leave them: a page on its side or upside down, tilted a few
degrees, a multi-page TIFF, a PDF with some pages scanned; read by each installed OCR engine.

The pages are real: tests/fixtures/documents/make_scans.py renders a LibreOffice PDF with pdfium and turns
or tilts it with Pillow. Like the other OCR tests they are skipped where no engine is installed, and take
seconds a page where one is.
"""

from __future__ import annotations

import io
import json
import os
import re
import signal
import struct
import subprocess
import sys
import threading
import time
import weakref
from functools import cache
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from bench.documents import cer, squeeze
from corpus import Document, OcrEngine, installed_engines, ocr, parse_document, read_bytes, read_document
from corpus.errors import TooLarge, UnreadableFile
from corpus.ocr import MAX_IMAGE_PIXELS, Reading, image_text, read_image, skew_angle

FIXTURES = Path(__file__).parent / "fixtures" / "documents"
UPRIGHT = FIXTURES / "holiday_visit.scan-upright.png"
EXPECTED = json.loads((FIXTURES / "holiday_visit.scan-upright.png.json").read_text("utf-8"))
PRINTED = "".join(EXPECTED["printed"])
ENGINES = {engine.name: engine for engine in installed_engines()}
ENGINE_NAMES = sorted(ENGINES) or ["none"]


def engine_named(name: str) -> OcrEngine:
    if name not in ENGINES:
        pytest.skip("no OCR engine installed (pip install 'speechqa[ocr]')")
    return ENGINES[name]


def page(path: Path = UPRIGHT) -> Image.Image:
    return Image.open(path).convert("RGB")


def tilted(degrees: float) -> Image.Image:
    return (
        page().convert("L").rotate(degrees, resample=Image.Resampling.BICUBIC, fillcolor=255).convert("RGB")
    )


@cache
def upright_text(name: str) -> str:
    return image_text(UPRIGHT.name, engine_named(name), page())


def find_in_order(sentences: list[str], text: str) -> list[str]:
    flat = squeeze(text)
    problems, position = [], 0
    for sentence in sentences:
        needle = squeeze(sentence)
        if flat.count(needle) != 1:
            problems.append(f"{flat.count(needle)}× {sentence}")
            continue
        if flat.find(needle) < position:
            problems.append(f"out of order: {sentence}")
        position = max(position, flat.find(needle) + len(needle))
    return problems


def assert_reads_as_upright(name: str, text: str) -> None:
    """As well as the upright page: every sentence once and in order, and the title, date and speaker
    found, for RapidOCR (it reads this page without an error); for Tesseract, whose reading of the
    upright page has a few wrong characters, no more errors than on the upright page (a page read out of
    order would have many)."""
    if name == "RapidOCR":
        assert find_in_order(EXPECTED["sentences"], text) == []
        [speech] = parse_document(Document("scan.png", text, "ocr"))
        assert (speech.title, speech.date, speech.speaker) == (
            EXPECTED["title"],
            EXPECTED["date"],
            EXPECTED["speaker"],
        )
    else:
        assert cer(PRINTED, text) <= cer(PRINTED, upright_text(name)) + 0.02


# -- orientation ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("turned", ["rot90", "rot180", "rot270"])
@pytest.mark.parametrize("name", ENGINE_NAMES)
def test_a_page_scanned_on_its_side_or_upside_down_is_read_upright(name: str, turned: str) -> None:
    reader = engine_named(name)
    text = image_text("scan.png", reader, page(FIXTURES / f"holiday_visit.scan-{turned}.png"))
    assert_reads_as_upright(name, text)
    upright = upright_text(name).splitlines()
    assert text.splitlines()[:4] == upright[:4]  # title, speaker, date each on its line, not run together


class CountingEngine:
    """A real engine that counts how often it is asked to read a page."""

    def __init__(self, inner: OcrEngine) -> None:
        self.inner = inner
        self.name = inner.name
        self.reads = 0

    def read(self, image: Image.Image) -> Reading:
        self.reads += 1
        return self.inner.read(image)


@pytest.mark.parametrize("name", ENGINE_NAMES)
def test_an_upright_page_is_read_once(name: str) -> None:
    counting = CountingEngine(engine_named(name))
    image_text("scan.png", counting, page())
    assert counting.reads == 1


# -- skew ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("degrees", [-5.0, -3.5, -2.0, -1.0, 0.0, 0.7, 1.5, 2.5, 4.0, 5.0])
def test_the_tilt_of_a_page_is_measured(degrees: float) -> None:
    assert abs(skew_angle(tilted(degrees)) - degrees) <= 0.3


@pytest.mark.parametrize("degrees", [-4.0, -2.5, -1.0, 1.5, 2.5, 4.0])
@pytest.mark.parametrize("name", ENGINE_NAMES)
def test_a_tilted_page_reads_every_sentence_once_in_order(name: str, degrees: float) -> None:
    assert_reads_as_upright(name, image_text("scan.png", engine_named(name), tilted(degrees)))


# -- TIFF ----------------------------------------------------------------------------------------------


def test_tiff_is_a_supported_suffix_everywhere(tmp_path: Path) -> None:
    from corpus import SUPPORTED_FORMATS, SUPPORTED_SUFFIXES, iter_speech_files

    assert {".tif", ".tiff"} <= set(SUPPORTED_SUFFIXES)
    assert ".tif" in SUPPORTED_FORMATS
    (tmp_path / "扫描.TIFF").write_bytes(b"II*\x00")
    (tmp_path / "扫描.tif").write_bytes(b"II*\x00")
    assert [p.name for p in iter_speech_files([tmp_path])] == ["扫描.TIFF", "扫描.tif"]


def test_a_broken_tiff_is_refused_clearly() -> None:
    with pytest.raises(UnreadableFile, match="不是有效的图片文件"):
        read_bytes("扫描.tif", b"II*\x00" + b"\x00" * 50)


def test_every_page_of_a_multipage_tiff_is_read_in_order() -> None:
    engine_named(ENGINE_NAMES[0])
    expected = json.loads((FIXTURES / "training_speech.scan.tif.json").read_text("utf-8"))
    document = read_document(FIXTURES / "training_speech.scan.tif")
    assert document.encoding == "ocr"
    assert cer("".join(expected["printed"]), document.text) <= 0.05
    assert squeeze(expected["absent"][0]) not in squeeze(document.text)  # the running header
    if "RapidOCR" in ENGINES:
        assert find_in_order(expected["sentences"], document.text) == []


# -- limits on image files -----------------------------------------------------------------------------


def tiff(*sizes: tuple[int, int]) -> bytes:
    """A multi-page TIFF of blank pages of these sizes, Group 4 compressed: a page of any size takes a few
    hundred bytes, as a crafted file would."""
    pages = [Image.new("1", size, 1) for size in sizes]
    out = io.BytesIO()
    pages[0].save(out, format="TIFF", compression="group4", save_all=True, append_images=pages[1:])
    return out.getvalue()


class RecordingEngine:
    """A fake engine: reads nothing, and records each page it is given and which of the pages given before
    are still held in memory by then."""

    name = "fake"

    def __init__(self) -> None:
        self.pages: list[weakref.ref[Image.Image]] = []
        self.held_before: list[int] = []

    def read(self, image: Image.Image) -> Reading:
        self.held_before.append(sum(1 for page in self.pages if page() is not None))
        self.pages.append(weakref.ref(image))
        return Reading(lines=())


A4_200DPI = (1654, 2339)


def test_the_pages_of_a_tiff_are_decoded_one_at_a_time() -> None:
    engine = RecordingEngine()
    pages = read_image("扫描.tif", tiff(*[A4_200DPI] * 5), reader=engine)
    assert len(pages) == 5
    assert engine.held_before == [0, 0, 0, 0, 0]  # each page let go before the next is decoded


def test_a_huge_later_page_of_a_tiff_is_refused_before_any_page_is_decoded() -> None:
    data = tiff((200, 300), (12000, 12000))
    assert len(data) < 20_000  # far inside the file-size limit: only the page size gives it away
    engine = RecordingEngine()
    with pytest.raises(TooLarge) as refused:
        read_image("扫描.tif", data, reader=engine)
    assert str(refused.value) == (
        "扫描.tif 第 2 页尺寸过大（12000×12000 像素，上限 80 百万像素），疑似损坏或恶意文件，已拒绝。"
    )
    assert engine.pages == []


def test_a_huge_image_is_refused_in_chinese_without_pillow_warning(
    monkeypatch: pytest.MonkeyPatch, recwarn: pytest.WarningsRecorder
) -> None:
    # Pillow only warns (in English) up to twice its limit and refuses past it: both are one Chinese line.
    # A lowered limit keeps the images small; Pillow's own limit is restored after the test.
    monkeypatch.setattr(ocr, "MAX_IMAGE_PIXELS", 1_000_000)
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", Image.MAX_IMAGE_PIXELS)
    for size in [(1200, 1200), (1500, 1500), (3000, 3000)]:
        with pytest.raises(TooLarge, match=r"^扫描\.png .*尺寸过大.*已拒绝。$"):
            read_bytes("扫描.png", tiff(size))
    assert [str(w.message) for w in recwarn] == []


def test_a_tiff_with_more_pages_than_the_limit_is_refused_before_any_page_is_read() -> None:
    engine = RecordingEngine()
    assert len(read_image("扫描.tif", tiff(*[(100, 100)] * 3), reader=engine, max_pages=3)) == 3
    engine = RecordingEngine()
    with pytest.raises(TooLarge) as refused:
        read_image("扫描.tif", tiff(*[(100, 100)] * 4), reader=engine, max_pages=3)
    assert str(refused.value) == "扫描.tif 页数过多（超过 3 页），请拆分成几个文件后再添加。"
    assert engine.pages == []


def test_the_page_limit_allows_a_long_bound_scan() -> None:
    assert 300 <= ocr.MAX_IMAGE_PAGES <= 1000
    assert MAX_IMAGE_PIXELS >= 7016 * 9921  # an A3 page at 600 dpi


# -- damaged and unusual image files -------------------------------------------------------------------


class KeepingEngine:
    """A fake engine: reads nothing, and keeps a copy of the pixels of each page it is given."""

    name = "fake"

    def __init__(self) -> None:
        self.pages: list[np.ndarray] = []

    def read(self, image: Image.Image) -> Reading:
        self.pages.append(np.asarray(image).copy())
        return Reading(lines=())


def printed(size: tuple[int, int], shift: int = 0) -> Image.Image:
    """A greyscale page with rows of "print": bars of ink on white."""
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    for top in range(12, size[1] - 12, 14):
        draw.rectangle((10 + shift, top, size[0] - 10, top + 5), fill=0)
    return image


def printed_tiff(compression: str | None) -> bytes:
    pages = [printed((160, 220), shift) for shift in (0, 6, 12)]
    if compression == "group4":
        pages = [page.convert("1") for page in pages]
    out = io.BytesIO()
    pages[0].save(out, format="TIFF", compression=compression, save_all=True, append_images=pages[1:])
    return out.getvalue()


REFUSED_AS_DAMAGED = re.compile(
    r"^扫描\.tif (已损坏或不完整（第 \d 页无法读取）|不是有效的图片文件（可能已损坏或不完整）)，"
    r"请重新扫描或重新复制后再添加。$"
)


@pytest.mark.parametrize("compression", ["group4", "tiff_lzw", None])
def test_a_truncated_multipage_tiff_is_read_in_full_or_refused_in_one_chinese_line(
    compression: str | None, recwarn: pytest.WarningsRecorder
) -> None:
    data = printed_tiff(compression)
    whole = KeepingEngine()
    assert len(read_image("扫描.tif", data, reader=whole)) == 3
    refusals = set()
    for cut in range(0, len(data), max(1, len(data) // 1500)):
        engine = KeepingEngine()
        try:
            read_image("扫描.tif", data[:cut], reader=engine)
        except UnreadableFile as e:  # anything else fails the test
            assert REFUSED_AS_DAMAGED.match(str(e)), (cut, str(e))
            refusals.add(str(e))
            continue
        assert len(engine.pages) == 3, cut  # never a page left out
        assert all((got == want).all() for got, want in zip(engine.pages, whole.pages, strict=True)), cut
    assert any("第 2 页" in r for r in refusals) and any("第 3 页" in r for r in refusals)
    assert [str(w.message) for w in recwarn] == []  # Pillow's English warnings go to the log only


def test_a_damaged_png_or_jpeg_is_refused_in_one_chinese_line() -> None:
    for suffix, kind in [("png", "PNG"), ("jpg", "JPEG")]:
        out = io.BytesIO()
        printed((160, 220)).save(out, format=kind)
        data = out.getvalue()
        for cut in range(0, len(data), 7):
            try:
                read_image(f"扫描.{suffix}", data[:cut], reader=KeepingEngine())
            except UnreadableFile as e:
                assert str(e).startswith(f"扫描.{suffix} ") and str(e).endswith(
                    "请重新扫描或重新复制后再添加。"
                )


@pytest.mark.parametrize(("kind", "suffix"), [("TIFF", "tif"), ("PNG", "png")])
@pytest.mark.parametrize("white", [65535, 4095])  # 16-bit, and a 12-bit scanner's values stored in 16 bits
def test_a_16_bit_greyscale_page_keeps_its_print(kind: str, suffix: str, white: int) -> None:
    ink = np.asarray(printed((160, 220))) < 128
    values = np.where(ink, white // 20, white).astype(np.uint16)
    out = io.BytesIO()
    Image.fromarray(values).save(out, format=kind)
    engine = KeepingEngine()
    read_image(f"扫描.{suffix}", out.getvalue(), reader=engine)
    [got] = engine.pages
    assert (got[ink] < 40).all() and (got[~ink] > 215).all()


def transparent(mode: str) -> bytes:
    """A PNG of black print on a transparent background (black where transparent, as many tools leave it)."""
    ink = np.asarray(printed((160, 220))) < 128
    alpha = np.where(ink, 255, 0).astype(np.uint8)
    black = np.zeros_like(alpha)
    if mode == "RGBA":
        image = Image.fromarray(np.dstack([black, black, black, alpha]), mode="RGBA")
    elif mode == "LA":
        image = Image.fromarray(np.dstack([black, alpha]), mode="LA")
    else:  # a palette image with one transparent colour
        image = Image.fromarray(np.where(ink, 1, 0).astype(np.uint8), mode="P")
        image.putpalette([0, 0, 0, 0, 0, 0])
        image.info["transparency"] = 0
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@pytest.mark.parametrize("mode", ["RGBA", "LA", "P"])
def test_a_transparent_png_is_read_as_print_on_white(mode: str) -> None:
    ink = np.asarray(printed((160, 220))) < 128
    engine = KeepingEngine()
    read_image("扫描.png", transparent(mode), reader=engine)
    [got] = engine.pages
    assert (got[ink] < 40).all() and (got[~ink] > 215).all()


def test_a_phone_photo_is_turned_as_its_exif_orientation_says() -> None:
    # Stored 200 wide and 100 high with a mark at the top left; Orientation 6: turn a quarter clockwise to view.
    image = Image.new("RGB", (200, 100), "white")
    ImageDraw.Draw(image).rectangle((2, 2, 7, 7), fill="black")
    exif = Image.Exif()
    exif[0x0112] = 6
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif, quality=95)
    engine = KeepingEngine()
    [page_read] = read_image("照片.jpg", out.getvalue(), reader=engine)
    [got] = engine.pages
    assert got.shape[:2] == (200, 100)  # upright: 100 wide, 200 high
    assert (page_read.width, page_read.height) == (100, 200)
    assert got[2:8, 92:98].mean() < 100 and got[2:8, 2:8].mean() > 200  # the mark now at the top right


def test_an_animated_png_or_gif_is_one_page_only_a_tiff_has_pages() -> None:
    frames = [printed((160, 220), shift).convert("RGB") for shift in (0, 6, 12)]
    for kind in ["PNG", "GIF"]:
        out = io.BytesIO()
        frames[0].save(out, format=kind, save_all=True, append_images=frames[1:], duration=100)
        assert getattr(Image.open(io.BytesIO(out.getvalue())), "n_frames", 1) == 3
        engine = KeepingEngine()
        assert len(read_image("扫描.png", out.getvalue(), reader=engine)) == 1
        assert (engine.pages[0] == np.asarray(frames[0])).all()
    assert len(read_image("扫描.tif", printed_tiff("tiff_lzw"), reader=KeepingEngine())) == 3


# -- without an engine ---------------------------------------------------------------------------------

NO_ENGINE = (
    "import sys; sys.modules['rapidocr'] = None\n"
    "from pathlib import Path\n"
    "from corpus import CorpusError, read_document\n"
    "for name in sys.argv[1:]:\n"
    "    try:\n"
    "        d = read_document(Path(name))\n"
    "        print('NOTES', *d.notes, sep='|')\n"
    "        print('TEXT', d.text.replace(chr(10), ''))\n"
    "    except CorpusError as e:\n"
    "        print('REFUSED', e)\n"
)


def without_engine(files: list[Path], path: str, **env: str) -> list[str]:
    """Read files in a process where RapidOCR cannot be imported and PATH is `path`."""
    done = subprocess.run(
        [sys.executable, "-c", NO_ENGINE, *map(str, files)],
        env={"PATH": path, "HOME": path, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout.splitlines()


def test_scanned_pages_of_a_pdf_skipped_without_an_engine_are_reported_in_one_line(tmp_path: Path) -> None:
    notes, text = without_engine([FIXTURES / "health_notice.mixed.pdf"], str(tmp_path))
    assert notes == "NOTES|第 2 页是扫描图片，未安装 OCR 组件，未能读取：pip install 'speechqa[ocr]'"
    assert "全市在册离休干部" in text  # the typed page is kept


def test_tesseract_without_chinese_data_is_named_and_nothing_is_half_read(tmp_path: Path) -> None:
    tesseract = Path("/usr/bin/tesseract")
    data = Path("/usr/share/tesseract-ocr/5/tessdata")
    if not tesseract.exists() or not (data / "eng.traineddata").exists():
        pytest.skip("needs tesseract with its English data")
    only_english = tmp_path / "tessdata"
    only_english.mkdir()
    (only_english / "eng.traineddata").symlink_to(data / "eng.traineddata")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "tesseract").symlink_to(tesseract)
    png, pdf, _ = without_engine(
        [UPRIGHT, FIXTURES / "health_notice.mixed.pdf"], str(bin_dir), TESSDATA_PREFIX=str(only_english)
    )
    assert png.startswith("REFUSED holiday_visit.scan-upright.png 是图片")
    assert "chi_sim" in png and "tesseract-ocr-chi-sim" in png
    assert pdf.startswith("NOTES|第 2 页是扫描图片") and "chi_sim" in pdf


# -- what the C libraries under Pillow print ----------------------------------------------------------------


def with_tiff_entries(data: bytes, change: dict[int, int]) -> bytes:
    """A little-endian TIFF with the value of some short entries of its first directory changed, as a
    scanner driver or a tool that edits tags in place leaves them."""
    out = bytearray(data)
    assert out[:2] == b"II"
    directory = struct.unpack_from("<I", out, 4)[0]
    for n in range(struct.unpack_from("<H", out, directory)[0]):
        at = directory + 2 + 12 * n
        if (tag := struct.unpack_from("<H", out, at)[0]) in change:
            struct.pack_into("<H", out, at + 8, change[tag])
    return bytes(out)


def private_tags_tiff() -> bytes:
    """One page of the committed multi-page scan, saved again by Pillow (CCITT G4) with the private tags
    scanner software adds: an ASCII note (65000), a number (34000), and its name as Software."""
    from PIL import TiffImagePlugin

    with Image.open(FIXTURES / "training_speech.scan.tif") as scan:
        page = scan.copy()
    info = TiffImagePlugin.ImageFileDirectory_v2()
    info[65000], info.tagtype[65000] = "ScanStation batch 17, operator 3", 2
    info[34000], info.tagtype[34000] = 7, 3
    info[305] = "ScanStation 2.1"
    out = io.BytesIO()
    page.save(out, format="TIFF", compression="group4", tiffinfo=info, dpi=(150, 150))
    return out.getvalue()


def english_lines(text: str) -> list[str]:
    """Lines with English words in them (two in a row: a file name or a model's name is no sentence)."""
    return [line for line in text.splitlines() if re.search(r"[A-Za-z]{2,} +[A-Za-z]{2,}", line)]


def test_a_page_libtiff_cannot_decode_is_refused_in_chinese_and_its_words_go_to_the_log(
    capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    # G4-compressed, but its BitsPerSample says 8: libtiff prints its reason on the process's stderr.
    data = with_tiff_entries(printed_tiff("group4"), {258: 8})
    caplog.set_level("INFO", logger="corpus.ocr")
    with pytest.raises(UnreadableFile) as refused:
        read_image("扫描.tif", data, reader=KeepingEngine())
    assert REFUSED_AS_DAMAGED.match(str(refused.value))
    assert english_lines(capfd.readouterr().err) == []
    assert any("Bits/sample must be 1" in record.getMessage() for record in caplog.records)


def test_a_tiff_with_a_scanners_private_tags_is_read_without_a_word_on_stderr(
    capfd: pytest.CaptureFixture[str],
) -> None:
    engine = KeepingEngine()
    assert len(read_image("扫描.tif", private_tags_tiff(), reader=engine)) == 1
    assert engine.pages[0].shape[:2] == (1651, 1275)
    assert capfd.readouterr().err == ""


@pytest.mark.slow
def test_speechqa_add_says_nothing_in_english_about_tiffs(seed_home: Path, tmp_path: Path) -> None:
    if not ENGINES:
        pytest.skip("no OCR engine installed (pip install 'speechqa[ocr]')")
    good, bad = tmp_path / "扫描件.tif", tmp_path / "损坏的扫描件.tif"
    good.write_bytes(private_tags_tiff())
    bad.write_bytes(with_tiff_entries(private_tags_tiff(), {258: 8}))
    env = {"SPEECHQA_HOME": str(seed_home), "HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", "from cli import main; main()", "add", str(good), str(bad)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        cwd=Path(__file__).parents[1],
    )
    assert done.returncode == 1, done.stderr  # one file added, the other refused (and said so)
    assert "新增" in done.stdout and "损坏的扫描件.tif 已损坏或不完整（第 1 页无法读取）" in done.stderr
    assert english_lines(done.stderr) == [], done.stderr


# -- HEIC: a phone's photo sent as a file --------------------------------------------------------------


def heic(image: Image.Image, orientation: int | None = None, quality: int = 85) -> bytes:
    """The image encoded as an iPhone stores a photo: HEIF with one HEVC still (libheif and x265, through
    pillow-heif), the sensor's landscape pixels and an EXIF orientation saying how to turn them."""
    pillow_heif = pytest.importorskip("pillow_heif")
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    out = io.BytesIO()
    pillow_heif.from_pillow(image).save(out, quality=quality, exif=exif.tobytes())
    return out.getvalue()


@pytest.mark.parametrize("name", ENGINE_NAMES)
def test_a_heic_photo_stored_on_its_side_is_read_upright_every_sentence_once(name: str) -> None:
    """An iPhone sends a photo 「as a file」 as .HEIC: before, 「不支持的文件类型」. The page is stored turned a
    quarter (the sensor's landscape) with EXIF orientation 6, as the phone saves a portrait shot."""
    engine = engine_named(name)
    data = heic(page().transpose(Image.Transpose.ROTATE_90), orientation=6)
    assert ocr.is_heif(data)
    pages = read_image("IMG_0412.HEIC", data, reader=engine)
    assert_reads_as_upright(name, ocr.pages_text(pages))


def test_heic_is_a_supported_suffix_and_a_heic_under_a_jpeg_name_is_read(tmp_path: Path) -> None:
    from corpus import SUPPORTED_FORMATS, SUPPORTED_SUFFIXES
    from corpus.reader import content_kind

    assert {".heic", ".heif"} <= set(SUPPORTED_SUFFIXES) and ".heic" in SUPPORTED_FORMATS
    data = heic(printed((160, 220)).convert("RGB"))
    assert content_kind(data) == ".heic"
    # AVIF shares the box, not the brand: an AVIF is named an AVIF (cold29), never an HEIC
    assert content_kind(b"\x00\x00\x00\x1cftypavif" + b"\x00" * 20) == ".avif"
    engine = KeepingEngine()
    for file in (
        "照片.heic",
        "照片.jpg",
    ):  # a phone's share sheet names HEIC as .jpg at times: an image is an image
        read_image(file, data, reader=engine)
    assert [p.shape[:2] for p in engine.pages] == [(220, 160), (220, 160)]


def test_a_damaged_heic_is_refused_in_one_chinese_line() -> None:
    data = heic(printed((160, 220)).convert("RGB"))
    with pytest.raises(UnreadableFile) as caught:
        read_bytes("IMG_0413.HEIC", data[: len(data) // 2])
    assert "IMG_0413.HEIC" in str(caught.value) and "\n" not in str(caught.value)
    assert not re.search(r"[A-Za-z]{4,}", str(caught.value).replace("IMG_0413.HEIC", ""))


def test_without_pillow_heif_a_heic_is_refused_saying_what_to_install(tmp_path: Path) -> None:
    data = heic(printed((160, 220)).convert("RGB"))
    photo = tmp_path / "IMG_0414.HEIC"
    photo.write_bytes(data)
    # a Python where pillow-heif is not installed (the OCR extra left out)
    script = (
        "import sys; sys.modules['pillow_heif'] = None\n"
        "from pathlib import Path\nfrom corpus import read_document\nfrom corpus.errors import CorpusError\n"
        f"try:\n    read_document(Path({str(photo)!r}))\nexcept CorpusError as e:\n    print(e)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[1],
    ).stdout.strip()
    assert out == (
        "IMG_0414.HEIC 是 HEIC 照片，本机没有读取它的组件：pip install 'speechqa[ocr]'，或在手机上把照片存为 JPEG 后再添加。"
    )


# -- Ctrl-C while a page is read -------------------------------------------------------------------------


class SignallingEngine:
    """A real engine that has SIGINT sent to this process `after` seconds into its reading of a page (as
    Ctrl-C pressed in the middle of OCR), and notes when the signal went."""

    def __init__(self, inner: OcrEngine, after: float) -> None:
        self.inner, self.after, self.name = inner, after, inner.name
        self.sent: float | None = None

    def read(self, image: Image.Image) -> Reading:
        def send() -> None:
            self.sent = time.perf_counter()
            os.kill(os.getpid(), signal.SIGINT)

        timer = threading.Timer(self.after, send)
        timer.start()
        try:
            return self.inner.read(image)
        finally:
            timer.join()


@pytest.mark.parametrize("name", ENGINE_NAMES)
def test_ctrl_c_during_ocr_of_a_page_acts_at_once(name: str) -> None:
    """onnxruntime's run held Ctrl-C until the page was read (2.8–3.0 s here with this signal 1.5 s into the page's reading):
    the page is read while the caller waits in short steps, so Ctrl-C acts within a fraction of a second
    (scripts/time_ocr_interrupt.py measures it on the real `speechqa add`)."""
    engine = SignallingEngine(engine_named(name), after=1.5)
    # Ctrl-C as a terminal delivers it, whatever this test run was started with (without job control a
    # shell hands SIGINT ignored: tests/add_child.py)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            image_text("scan.png", engine, tilted(0.0))
            time.sleep(5)  # a reading quicker than the signal: the signal lands here, measured the same way
    finally:
        signal.signal(signal.SIGINT, previous)
    took = time.perf_counter() - (engine.sent or 0.0)
    assert engine.sent is not None and took < 0.5, took
