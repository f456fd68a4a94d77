"""A Fontwork (艺术字) title in a PDF Writer exported (corpus.pdf `_outlined_bands`): Writer draws Fontwork as the
glyphs' filled outlines, in no text layer — too few shapes for the outlined-page rules (a page of typed text
under them) — so the title was lost and the file's name titled the document (cold40's 文明养犬倡议书.pdf).
Now a band of glyph outlines with no text in it is read by OCR in its place when an engine is installed;
without one the file reads as before. Files: tests/fixtures/pdf_fontwork/make_fontwork.py (a Writer .odt
with a Fontwork title, exported by Writer) and cold40's proposal."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from corpus import installed_engines, parse_document, read_document
from corpus.pdf import read_pdf
from tests.fakes import TextOcrEngine
from tests.fixtures.pdf_fontwork.make_fontwork import BODY, SIGN, TITLE

_PDF = Path(__file__).parent / "fixtures" / "pdf_fontwork" / "fontwork.pdf"
_COLD40 = Path(__file__).parents[1] / "benchmarks" / "corpus-cold40" / "文明养犬倡议书.pdf"
_NEEDS_OCR = pytest.mark.skipif(not installed_engines(), reason="no OCR engine installed")


@_NEEDS_OCR
def test_a_fontwork_title_is_read_by_ocr_as_the_documents_title() -> None:
    """Writer's Fontwork title over a typed notice: the first line, the speech's title; every typed line once, in order."""
    document = read_document(_PDF)
    assert document.text.splitlines() == [TITLE, *BODY, *SIGN]
    (speech,) = parse_document(document)
    assert speech.title == TITLE


@_NEEDS_OCR
def test_cold40s_fontwork_proposal_is_titled_by_its_fontwork() -> None:
    """The real case: cold40's proposal, its red Fontwork title (read in grey: the seal filter takes red off)."""
    (speech,) = parse_document(read_document(_COLD40))
    assert speech.title == "文明养犬倡议书"


def test_without_an_ocr_engine_the_fontwork_file_reads_as_before(tmp_path: Path) -> None:
    """No OCR engine: the band stays a drawing — nothing lost, no note, the typed text read as before and the
    file's name its title."""
    script = (
        "import json, sys; sys.modules['rapidocr'] = None\n"
        "from pathlib import Path\nfrom corpus import parse_document, read_document\n"
        "d = read_document(Path(sys.argv[1]))\n(s,) = parse_document(d)\n"
        "print(json.dumps([d.text, list(d.notes), s.title, d.encoding]))\n"
    )
    done = subprocess.run(  # neither RapidOCR importable nor tesseract on the PATH
        [sys.executable, "-c", script, str(_PDF)],
        env={"PATH": str(tmp_path), "HOME": str(tmp_path), "PYTHONPATH": str(Path(__file__).parents[1])},
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    text, notes, title, encoding = json.loads(done.stdout)
    assert text.splitlines() == [*BODY, *SIGN] and notes == [] and encoding == "pdf"
    assert title == "fontwork"


@_NEEDS_OCR
def test_a_fontwork_title_read_by_ocr_marks_the_file_read_by_ocr() -> None:
    """mend67L (review67L): the band's words are OCR's — the file reads "pdf+ocr", as one with a scanned
    page does (layout67 left it "pdf")."""
    assert read_document(_PDF).encoding == "pdf+ocr"


def test_a_band_ocr_doubts_is_left_out_as_without_an_engine() -> None:
    """mend67L (review67L): a band OCR reads with a confidence as low as a scan's doubtful reading (a fake
    engine on Tesseract's scale, 0.5 under its 0.82) is left out — the typed text only, "pdf", as without an
    engine — while a confident reading of it titles the file. Every other OCR path checks its confidence."""
    data = _PDF.read_bytes()
    doubted = read_pdf("fontwork.pdf", data, reader=TextOcrEngine(TITLE, 0.5, "Tesseract"))
    assert doubted.text.splitlines() == [*BODY, *SIGN] and doubted.encoding == "pdf"
    trusted = read_pdf("fontwork.pdf", data, reader=TextOcrEngine(TITLE, 0.95, "Tesseract"))
    assert trusted.text.splitlines() == [TITLE, *BODY, *SIGN] and trusted.encoding == "pdf+ocr"
