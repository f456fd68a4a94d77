"""An e-book LibreOffice exported from a Word file with no title in its properties is titled by its first line,
not 「Unknown Title」 (cold27).

LibreOffice's 「导出为 EPUB」 names a book whose document properties give no title — most Word files: the title
is typed as the first paragraph — 「Unknown Title」 (``dc:title``), and sets that first paragraph as a ``<p>``
like the rest. speechqa read the metadata's title as the book's: cold27's 养蜂技术读本 was titled 「Unknown
Title」, its real title run into the first passage. A title a program writes for a book given none
(「Unknown Title」, Calibre's 「Unknown」, 「Untitled」, 「无标题」…) is now no title: the book's first line, when it
is a title's, is.

File: ``tests/fixtures/epub_untitled/handbook.libreoffice-untitled.epub``, made by ``make_untitled_epub.py`` there
(python-docx → **LibreOffice Writer** EPUB export), and ``tests/fixtures/epub/handbook.libreoffice.epub`` (the same handbook
with its title in its properties).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes, read_document
from tests.fixtures.epub.make_epubs import CHAPTERS, TITLE

FOLDER = Path(__file__).parent / "fixtures" / "epub"
UNTITLED = FOLDER.parent / "epub_untitled" / "handbook.libreoffice-untitled.epub"
TITLED = FOLDER / "handbook.libreoffice.epub"


def _opf(path: Path) -> str:
    with zipfile.ZipFile(path) as book:
        return next(book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".opf"))


def _retitled(title: str) -> bytes:
    """The untitled book with `title` written as its ``dc:title``, every other member as it is."""
    out = io.BytesIO()
    with zipfile.ZipFile(UNTITLED) as book, zipfile.ZipFile(out, "w") as copy:
        for info in book.infolist():
            data = book.read(info)
            if info.filename.endswith(".opf"):
                data = data.replace(
                    b"<dc:title>Unknown Title</dc:title>", f"<dc:title>{title}</dc:title>".encode()
                )
            copy.writestr(info, data)
    return out.getvalue()


def test_the_fixture_is_named_unknown_title_and_its_title_is_a_paragraph() -> None:
    assert "<dc:title>Unknown Title</dc:title>" in _opf(UNTITLED)
    with zipfile.ZipFile(UNTITLED) as book:
        first = next(n for n in sorted(book.namelist()) if n.endswith("section0001.xhtml"))
        page = book.read(first).decode("utf-8")
    assert f'<p class="para0"><span class="span0">{TITLE}</span></p>' in re.sub(r"\s+", " ", page)
    assert "<h1" not in page


def test_the_book_is_titled_by_its_first_line_and_reads_as_the_titled_one() -> None:
    """Titled 「离退休干部冬季养生保健读本」 (main: 「Unknown Title」, the real title a line of the body), the same
    text as the copy whose properties name the title, every paragraph once."""
    document = read_document(UNTITLED)
    [speech] = parse_document(document)
    assert speech.title == TITLE
    assert "Unknown" not in document.text
    assert document.text == read_document(TITLED).text
    text = re.sub(r"\s+", "", document.text)
    assert text.count(TITLE) == 1
    for heading, paragraphs in CHAPTERS:
        for line in (heading, *paragraphs):
            assert text.count(re.sub(r"\s+", "", line)) == 1, line


@settings(max_examples=30, deadline=None)
@given(
    st.one_of(
        st.sampled_from(
            ["Unknown Title", "Unknown", "untitled", "Untitled Document", "无标题", "未命名", " "]
        ),
        st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=2, max_size=20),
    )
)
def test_a_placeholder_is_no_title_and_a_real_one_is_kept_with_nothing_lost(title: str) -> None:
    """Any placeholder reads as no title given (the first line titles the book); any other title is the
    book's, and the first line is still read, once."""
    document = read_bytes("读本.epub", _retitled(title))
    [speech] = parse_document(document)
    text = re.sub(r"\s+", "", document.text)
    placeholder = title.strip().lower() in {
        "unknown title",
        "unknown",
        "untitled",
        "untitled document",
        "无标题",
        "未命名",
        "",
    }
    if placeholder:
        assert speech.title == TITLE
        assert text.count(TITLE) == 1
    else:
        assert speech.title == title
        assert TITLE in text
    for _, paragraphs in CHAPTERS:
        for line in paragraphs:
            assert text.count(line) == 1
