"""How often OCR loses a sentence's full stop on a scanned page, and what the reader gives back: sentence
boundary recall and precision of the text `speechqa add` reads from a scan, against the page's own text.

    /work/main/.venv/bin/python scripts/ocr_full_stops.py [--pages 6] [--cache /tmp/ocr-cache]

Pages: paragraphs of the bundled speeches (bench.documents.speech_pages) typed into python-docx (Noto Serif
CJK SC, 14 pt, first lines indented two characters, as offices type them), printed by LibreOffice to PDF,
rendered by pdftoppm at the resolution the OCR path reads a scanned PDF at (corpus/pdf.py OCR_DPI), then
left as a photocopier leaves a page (blurred a little, black and white, specks) and as a phone photo does
(blurred, grey noise, tilted 1°, JPEG). Every page is read by `corpus.read_bytes` as a .png, as `add` reads
a scan. The first half of the pages is where the reader's rules may be looked at (tuning); the second half
is held out; each is printed apart.

The engine is the one `add` uses (RapidOCR when installed, else Tesseract). A sentence boundary is the place after a 。！？ between two characters of the text (marks and spaces left
out); an OCR boundary counts when it falls at the same place of the page's text (the two aligned by
difflib). Lost boundaries are split into those at a paragraph's end (the layout can prove them) and those
inside a paragraph. `--cache` keeps Tesseract's readings by image, so that another checkout's readers
(`PYTHONPATH=OTHER_TREE`) are measured on the same readings without reading the pages again.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import io
import pickle
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

# appended, not prepended: a tree named by PYTHONPATH supplies `corpus`, this one the page maker
sys.path.append(str(Path(__file__).resolve().parents[1]))

from bench.documents import speech_pages
from corpus import CorpusError, read_bytes
from corpus import ocr as corpus_ocr

ENDS = "。！？"
MARKS = set("，。、；：！？“”‘’（）《》「」『』【】…—·,.;:!?()[]\"' \n\t\u3000")


@dataclass(frozen=True)
class Count:
    truth: int = 0
    found: int = 0
    read: int = 0  # boundaries in the OCR text
    right: int = 0  # of those, at a boundary of the page
    lost_at_end: int = 0  # a lost boundary at a paragraph's end
    lost_inside: int = 0

    def __add__(self, other: Count) -> Count:
        return Count(*(a + b for a, b in zip(self.__dict__.values(), other.__dict__.values(), strict=True)))


def stream(text: str) -> tuple[str, set[int], set[int]]:
    """The text's characters without marks and spaces, the places (counts of characters before) where a
    sentence ends, and the places where a paragraph ends."""
    chars: list[str] = []
    ends: set[int] = set()
    paragraph_ends: set[int] = set()
    for char in text:
        if char in ENDS and chars:
            ends.add(len(chars))
        elif char == "\n" and chars:
            paragraph_ends.add(len(chars))
        if char not in MARKS:
            chars.append(char)
    paragraph_ends.add(len(chars))
    return "".join(chars), ends, paragraph_ends


def compare(truth: str, read: str) -> Count:
    t_chars, t_ends, t_paragraphs = stream(truth)
    r_chars, r_ends, _ = stream(read)
    mapped: dict[int, int] = {}
    for block in difflib.SequenceMatcher(None, r_chars, t_chars, autojunk=False).get_matching_blocks():
        for k in range(1, block.size + 1):
            mapped[block.a + k] = block.b + k  # the place after read char a+k-1 is after truth char b+k-1
    at = {mapped[e] for e in r_ends if e in mapped}
    lost = t_ends - at
    return Count(
        truth=len(t_ends),
        found=len(t_ends & at),
        read=len(r_ends),
        right=sum(1 for e in r_ends if mapped.get(e) in t_ends),
        lost_at_end=len(lost & t_paragraphs),
        lost_inside=len(lost - t_paragraphs),
    )


def typed_pdfs(texts: list[str], folder: Path, *, indented: bool) -> list[Path]:
    """Each text typed into python-docx — `indented`: 14 pt Noto Serif CJK SC, first lines two characters
    in; else python-docx's Normal as it is (11 pt, LibreOffice's CJK sans, no indent, as trial37's notice
    board page) — and printed by LibreOffice."""
    import docx
    from docx.shared import Pt

    from tests.fixtures.documents.make_fixtures import east_asian, soffice_all

    paths = []
    for n, text in enumerate(texts):
        d = docx.Document()
        if indented:
            east_asian(d.styles["Normal"], "Noto Serif CJK SC")
            d.styles["Normal"].font.size = Pt(14)
        for paragraph in text.split("\n"):
            p = d.add_paragraph(paragraph)
            if indented:
                p.paragraph_format.first_line_indent = Pt(28)
        path = folder / f"{'indented' if indented else 'plain'}{n:02d}.docx"
        d.save(path)
        paths.append(path)
    return soffice_all(paths, "pdf", folder)


def rendered(pdf: Path) -> bytes:
    from corpus.pdf import OCR_DPI

    out = subprocess.run(
        ["pdftoppm", "-r", str(OCR_DPI), "-f", "1", "-l", "1", "-png", str(pdf)],
        check=True,
        capture_output=True,
    )
    return out.stdout


def photocopy(png: bytes, seed: int) -> bytes:
    """The office copier of trial37's notice-board scan (scripts/trial/make_trial37_docs.py `scan_of`):
    dust, grey paper, turned 0.8°, a slight blur."""
    import random

    from PIL import Image, ImageFilter

    page = Image.open(io.BytesIO(png)).convert("L")
    rng = random.Random(seed)
    px = page.load()
    w, h = page.size
    for _ in range(w * h // 400):
        x, y = rng.randrange(w), rng.randrange(h)
        px[x, y] = rng.randrange(0, 90)
    page = page.point(lambda v: min(v, 236))
    page = page.rotate(0.8, expand=True, fillcolor=228).filter(ImageFilter.GaussianBlur(0.4))
    out = io.BytesIO()
    page.save(out, format="PNG")
    return out.getvalue()


def phone_photo(png: bytes, seed: int) -> bytes:
    import numpy as np
    from PIL import Image, ImageFilter

    page = Image.open(io.BytesIO(png)).convert("L").filter(ImageFilter.GaussianBlur(1.1))
    page = page.rotate(1.0, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=235)
    pixels = np.asarray(page, dtype=np.float64) * 0.85 + 20  # grey paper, ink not quite black
    pixels = pixels + np.random.default_rng(seed).normal(0.0, 14.0, pixels.shape)
    page = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).convert("RGB")
    out = io.BytesIO()
    page.save(out, format="JPEG", quality=55)
    return out.getvalue()


def summary(total: Count) -> str:
    recall = total.found / max(total.truth, 1)
    precision = total.right / max(total.read, 1)
    return (
        f"句末 {total.truth}  召回 {recall:.1%}  准确 {precision:.1%}"
        f"  丢失：段末 {total.lost_at_end}，段中 {total.lost_inside}"
    )


def cached_engine(cache: Path | None) -> None:
    """Keep the OCR engine's reading of each image in `cache` (by its pixels), read again only when
    missing. The engine is the one `add` uses (corpus.ocr.engine(): RapidOCR when installed, else
    Tesseract)."""
    if cache is None:
        return
    cache.mkdir(parents=True, exist_ok=True)
    engine = corpus_ocr.engine()
    if engine is None:
        return
    kind = type(engine)
    original = kind.read

    def read(self, image):  # type: ignore[no-untyped-def]
        key = hashlib.sha256(image.tobytes() + repr((kind.__name__, image.size, image.mode)).encode())
        path = cache / f"{key.hexdigest()}.pickle"
        if path.exists():
            return pickle.loads(path.read_bytes())
        reading = original(self, image)
        path.write_bytes(pickle.dumps(reading))
        return reading

    kind.read = read  # type: ignore[method-assign]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=6, help="pages per half (tuning, held out)")
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--show", action="store_true", help="print each page's read text")
    parser.add_argument(
        "--only", default="", help="measure only the conditions whose name holds this (e.g. 「11 pt」)"
    )
    args = parser.parse_args()
    cached_engine(args.cache)
    texts = speech_pages(2 * args.pages, chars_per_page=520)
    with tempfile.TemporaryDirectory(prefix="ocr-full-stops-") as tmp:
        typed = {
            typing: [rendered(pdf) for pdf in typed_pdfs(texts, Path(tmp), indented=typing == "14 pt 缩进")]
            for typing in ("14 pt 缩进", "11 pt 无缩进")
        }
    conditions = (
        ("14 pt 缩进", "photocopy", photocopy),
        ("14 pt 缩进", "phone photo", phone_photo),
        ("11 pt 无缩进", "photocopy", photocopy),
    )
    for half, pages in (("tuning", range(args.pages)), ("held out", range(args.pages, 2 * args.pages))):
        overall = Count()
        for typing, kind, spoil in conditions:
            if args.only not in f"{typing} {kind}":
                continue
            total = Count()
            for n in pages:
                data = spoil(typed[typing][n], n)
                suffix = ".jpg" if kind == "phone photo" else ".png"
                try:
                    text = read_bytes(f"page{n:02d}{suffix}", data).text
                except CorpusError as error:
                    text = ""
                    print(f"page {n}: {error}")
                if args.show:
                    print(f"--- page {n} {typing} {kind}\n{text}")
                total += compare(texts[n], text)
            print(f"{half:8} {typing} {kind:11}  {len(pages)} 页  {summary(total)}")
            overall += total
        print(f"{half:8} 合计  {summary(overall)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
