"""PDFs distilled by Ghostscript from a printer's PostScript (an office's 「打印到 PDF」): their CJK fonts have no
character map, so every page is read by OCR, never as the wrong letters — and each numbered article stays a
paragraph of its own.

A LibreOffice PDF turned into PostScript (poppler's ``pdftops``, as CUPS does for a PostScript printer) and
distilled by ``ps2pdf`` keeps its CJK fonts as Type 1C subsets whose glyphs are named ``/cidNNNNN``, with no
ToUnicode map: pdfminer reads 「(cid:N)」 and speechqa reads the page by OCR. OCR boxes a full line ending
in 「。」 a little short of the margin, and an indented next line that stops a character short looks centred
under it: 「第三条…」 was read as a wrapped title's second line and ran into 「第二条…」 (cold24's 认种管理办法).
The glyphs are named ``/cidNNNNN``: pdfminer reads codes under 32 as 「(cid:N)」 and the others through the
base encoding, 「!"#$%&'」 for Chinese; a page whose (cid:N) share fell under a fifth passed for text.
The files: ``tests/fixtures/ghostscript/rules.ghostscript.pdf`` and ``minutes.ghostscript.pdf`` (made by
``make_distilled_pdf.py`` there) and ``benchmarks/corpus-cold24/开心农园认种管理办法.pdf`` (made by that set's
``make_corpus.py``).
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pdfplumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import installed_engines, parse_document, read_document
from corpus.layout import Line, Page, paragraphs

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "tests" / "fixtures" / "ghostscript" / "rules.ghostscript.pdf"
GARDEN = ROOT / "benchmarks" / "corpus-cold24" / "开心农园认种管理办法.pdf"
MINUTES = ROOT / "tests" / "fixtures" / "ghostscript" / "minutes.ghostscript.pdf"


def _module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"maker_{path.parent.name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _articles(path: Path) -> list[str]:
    """The articles (「第N条　……」) a file was made from, as OCR reads them: no space after the number."""
    if path == RULES:
        texts = _module(ROOT / "tests" / "fixtures" / "ghostscript" / "make_distilled_pdf.py").ARTICLES
    else:
        maker = _module(ROOT / "benchmarks" / "corpus-cold24" / "make_corpus.py")
        texts = [text for kind, text in maker.GARDEN if kind == "body" and text.startswith("第")]
    return [re.sub(r"\s", "", text) for text in texts]


@pytest.mark.parametrize("path", [RULES, GARDEN, MINUTES], ids=["rules", "garden", "minutes"])
def test_a_distilled_pdf_has_no_character_maps(path: Path) -> None:
    """pdfminer reads no Chinese character from it: 「(cid:N)」, and ASCII or Latin-1 letters."""
    with pdfplumber.open(path) as pdf:
        chars = [c["text"] for page in pdf.pages for c in page.chars]
    assert chars and not any("\u4e00" <= c <= "\u9fff" for c in chars)


def test_the_minutes_page_is_a_fifth_or_less_cid_glyphs() -> None:
    """What made it pass for text before: under a fifth of its glyphs read as 「(cid:N)」."""
    with pdfplumber.open(MINUTES) as pdf:
        [page] = pdf.pages
        chars = [c["text"] for c in page.chars]
    assert 0 < sum(c.startswith("(cid:") for c in chars) < 0.2 * len(chars)


def test_a_distilled_pdf_is_refused_in_one_line_without_an_ocr_engine(tmp_path: Path) -> None:
    """Not added as 「!"#$%&'()*+,-./」: its fonts have no character map, and it says so."""
    script = (
        "import sys; sys.modules['rapidocr'] = None\n"
        "from pathlib import Path\nfrom corpus import CorpusError, read_document\n"
        "try:\n    d = read_document(Path(sys.argv[1]))\n    print('READ', d.text[:40])\n"
        "except CorpusError as e:\n    print(e)\n"
    )
    done = subprocess.run(  # neither RapidOCR importable nor tesseract on the PATH
        [sys.executable, "-c", script, str(MINUTES)],
        env={"PATH": str(tmp_path), "HOME": str(tmp_path), "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    assert done.stdout.count("\n") == 1
    assert done.stdout.startswith("minutes.ghostscript.pdf 的文字无法提取：所用字体缺少字符对照表")


@pytest.mark.slow
@pytest.mark.skipif(not installed_engines(), reason="no OCR engine installed")
def test_a_distilled_page_that_passed_for_text_is_read_by_ocr() -> None:
    document = read_document(MINUTES)
    assert document.encoding == "pdf+ocr"
    text = re.sub(r"\s", "", document.text)
    for line in _module(ROOT / "tests" / "fixtures" / "ghostscript" / "make_distilled_pdf.py").MINUTES:
        assert re.sub(r"\s", "", line) in text
    assert not re.search(r"[!-/:-@\[-`{-~]{3}", text)  # no run of the base encoding's marks


@pytest.mark.slow
@pytest.mark.skipif(not installed_engines(), reason="no OCR engine installed")
@pytest.mark.parametrize("path", [RULES, GARDEN], ids=["rules", "garden"])
def test_each_article_of_a_distilled_pdf_is_its_own_paragraph_once(path: Path) -> None:
    document = read_document(path)
    assert document.encoding == "pdf+ocr"
    blocks = [re.sub(r"\s", "", block.text) for block in document.blocks]
    for article in _articles(path):
        assert blocks.count(article) == 1, article
    [speech] = parse_document(document)
    sections = {p.section for p in speech.paragraphs if p.text.startswith("第") and "条" in p.text[:4]}
    assert len(sections) == len(_articles(path))  # each article cited under its own number


# --- the rule, as a property over lines as OCR boxes them ---------------------------------------------

SIZE, LEFT, RIGHT, PITCH = 17.0, 89.0, 523.0, 21.5
NUMERALS = "一二三四五六七八九十"


def _ocr_line(text: str, row: int, x0: float, x1: float) -> Line:
    """A line as OCR boxes it (PDF points): no font or size, its box as tall as its glyphs."""
    top = 300.0 + row * PITCH
    return Line(text=text, x0=x0, x1=x1, top=top, bottom=top + SIZE)


@st.composite
def article_pages(draw: st.DrawFn) -> tuple[Page, list[str]]:
    """Articles 第一条 … 第N条 set as LibreOffice sets them (a two-character first-line indent, justified
    lines), boxed as OCR boxes them: a full line a fraction of a character short of the margin, an
    article's first line up to a character short (digits, 禁则), its last line full or short."""
    count = draw(st.integers(min_value=2, max_value=6))
    lines: list[Line] = []
    articles = []
    for number in range(count):
        full_lines = draw(st.integers(min_value=1, max_value=3))
        last_full = draw(st.booleans())
        texts = [f"第{NUMERALS[number]}条" + "甲" * 22]
        texts += ["乙" * 25 for _ in range(full_lines - 1)]
        texts.append("丙" * (25 if last_full else draw(st.integers(min_value=3, max_value=20))) + "。")
        for i, text in enumerate(texts):
            # OCR's box of an indented first line starts a little inside the two characters' indent
            indent = draw(st.floats(min_value=1.7, max_value=2.0)) * SIZE if i == 0 else 0.0
            x0 = LEFT + indent + draw(st.floats(min_value=0.0, max_value=1.0))
            if i == 0:  # up to a character short: a number LibreOffice sets apart, or 禁则
                short = draw(st.floats(min_value=0.0, max_value=1.2)) * SIZE
            elif i < len(texts) - 1:  # a full line's box reaches the margin
                short = draw(st.floats(min_value=0.0, max_value=0.15)) * SIZE
            elif last_full:  # its closing 「。」 is drawn in the left half of its square
                short = draw(st.floats(min_value=0.0, max_value=0.7)) * SIZE
            else:
                short = RIGHT - LEFT - SIZE * len(text)
            lines.append(_ocr_line(text, len(lines), x0, RIGHT - short))
        articles.append("".join(texts))
    return Page(lines=tuple(lines), width=612.0, height=1000.0), articles


@settings(max_examples=1000, deadline=None)
@given(article_pages())
def test_every_article_boxed_by_ocr_is_one_paragraph_in_order(drawn: tuple[Page, list[str]]) -> None:
    page, articles = drawn
    assert paragraphs([page]) == articles


def test_an_article_under_a_full_line_stopping_a_character_short_is_its_own() -> None:
    """The boxes OCR gave cold24's 认种管理办法 (in type sizes): 「第三条…」 indented 1.87 and stopping 0.93
    short, under 「第二条…」's full last line 0.64 short — centred alike, read as one title before."""
    lines = (
        _ocr_line("第一条" + "甲" * 22, 0, LEFT + 1.87 * SIZE, RIGHT - 0.1 * SIZE),
        _ocr_line("乙" * 25, 1, LEFT, RIGHT),
        _ocr_line("丙" * 25 + "。", 2, LEFT, RIGHT - 0.64 * SIZE),
        _ocr_line("第二条" + "甲" * 22, 3, LEFT + 1.87 * SIZE, RIGHT - 0.93 * SIZE),
        _ocr_line("丁" * 5 + "。", 4, LEFT, LEFT + 6 * SIZE),
    )
    found = paragraphs([Page(lines=lines, width=612.0, height=1000.0)])
    assert found == [
        "第一条" + "甲" * 22 + "乙" * 25 + "丙" * 25 + "。",
        "第二条" + "甲" * 22 + "丁" * 5 + "。",
    ]
