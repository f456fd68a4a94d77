"""A scan made searchable by OCRmyPDF reads as its page does, not as Tesseract misread it (cold27).

OCRmyPDF lays Tesseract's reading invisibly over the page image, and speechqa read a scan with a text layer
from that layer. Tesseract's Chinese is the weaker engine: cold27's notice, a clean 300 dpi print, was titled
「大村组织离退休干部参观扒川县规划」, its issuer 「中共座川县委老干部局」, and 「停车场」「禁止」「搀扶」「携带常用」「戚蔓青」
read 「售车场」「葵止」「换扶」「携市贡用」「戚受育」: five of its ten questions found no passage. Where a better engine
than Tesseract is installed (RapidOCR, the ``ocr`` extra and the Docker image), a page whose layer is
Tesseract's — OCRmyPDF's Creator, Tesseract's own Producer, or its GlyphLessFont — is read by that engine, as a
scan without a layer is; a layer another program wrote (a scanner's, ABBYY's) is still read as it is, and so
is Tesseract's where Tesseract is the only engine (reading the page again would give the same).

The file: ``tests/fixtures/ocrmypdf/notice.ocrmypdf.pdf``, made by ``make_ocrmypdf_scan.py`` there (python-docx
→ LibreOffice PDF → pdftoppm → img2pdf → **OCRmyPDF 17** with Tesseract 5.3 ``chi_sim``).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from corpus import installed_engines, parse_document, read_document
from tests.fixtures.ocrmypdf.make_ocrmypdf_scan import NOTICE

FIXTURE = Path(__file__).parent / "fixtures" / "ocrmypdf" / "notice.ocrmypdf.pdf"
HAS_RAPIDOCR = any(engine.name == "RapidOCR" for engine in installed_engines())
NEEDS_RAPIDOCR = pytest.mark.skipif(not HAS_RAPIDOCR, reason="RapidOCR (the ocr extra) is not installed")
HAS_TESSERACT = any(engine.name == "Tesseract" for engine in installed_engines())


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).replace(":", "：")


def _layer(path: Path) -> str:
    """The invisible text OCRmyPDF laid over the page, as pypdf extracts it (fpdf2's character maps give a
    NUL before each character, as in cold25's fpdf2 notice: dropped)."""
    return _squash("".join(page.extract_text() for page in PdfReader(path).pages).replace("\x00", ""))


def test_the_fixture_is_ocrmypdfs_and_its_layer_misreads_the_notice() -> None:
    """The fixture's facts: OCRmyPDF with Tesseract made it, one JPEG page image under invisible text, and
    Tesseract's text misreads what the page prints (「搀扶」 as 「换扶」, 「档案馆的通知」 as 「档案馅的通知」)."""
    reader = PdfReader(FIXTURE)
    assert "OCRmyPDF" in str(reader.metadata.creator) and "Tesseract" in str(reader.metadata.creator)
    [page] = reader.pages
    assert len(page.images) == 1
    layer = _layer(FIXTURE)
    assert "换扶" in layer and "搀扶" not in layer
    assert "档案馅的通知" in layer


@NEEDS_RAPIDOCR
def test_a_tesseract_layer_is_read_again_by_the_better_engine(tmp_path: Path) -> None:
    """The page reads as its picture does when added on its own, every sentence the notice prints whole,
    its title and date right (main: the layer's 「档案馅」, 「换扶进出」 and 「202年74月28日」, no date)."""
    document = read_document(FIXTURE)
    assert document.encoding == "pdf+ocr"
    image = PdfReader(FIXTURE).pages[0].images[0]
    picture = tmp_path / f"page{Path(image.name).suffix}"
    picture.write_bytes(image.data)
    assert _squash(document.text) == _squash(read_document(picture).text)
    text = _squash(document.text)
    for kind, line in NOTICE:
        assert _squash(str(line)) in text, (kind, line)
    [speech] = parse_document(document)
    assert speech.title == "关于组织离退休干部参观市档案馆的通知"
    assert speech.date == "2027-04-28"


@NEEDS_RAPIDOCR
def test_a_layer_another_program_wrote_is_read_as_it_is(tmp_path: Path) -> None:
    """The same scan, its document information saying a scanner's software made it: its layer is read, as
    before (another program's reading may be better than ours; it is not second-guessed)."""
    writer = PdfWriter(clone_from=FIXTURE)
    writer.add_metadata({"/Creator": "Canon iR-ADV C5535 / ScanFront", "/Producer": "Adobe PDF Library 15.0"})
    other = tmp_path / "scanner.pdf"
    with other.open("wb") as out:
        writer.write(out)
    text = _squash(read_document(other).text)
    assert "换扶" in text and "搀扶" not in text


@pytest.mark.skipif(not HAS_TESSERACT, reason="tesseract with chi_sim is not installed")
def test_with_tesseract_the_only_engine_the_layer_is_read(tmp_path: Path) -> None:
    """Where Tesseract is the only engine, reading the page again would give Tesseract's reading again: the
    layer is read (no OCR run), as before."""
    script = (
        "import sys; sys.modules['rapidocr'] = None\n"
        "from pathlib import Path\nfrom corpus import installed_engines, read_document\n"
        "print([e.name for e in installed_engines()])\n"
        "print(read_document(Path(sys.argv[1])).text)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(FIXTURE)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
        cwd=Path(__file__).parents[1],
    )
    engines, text = done.stdout.split("\n", 1)
    assert engines == "['Tesseract']"
    assert "换扶" in _squash(text)
