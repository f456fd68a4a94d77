"""E-books (.epub) are read as one page of chapters (corpus.epub).

Before, an .epub was refused as a format speechqa does not read (cold25's 小药箱使用手册, written by
ebooklib: its ten questions had nothing to find). The files: ``tests/fixtures/epub/handbook.*.epub``, made by
``make_epubs.py`` there with three real producers (ebooklib, pandoc, LibreOffice Writer's EPUB export); the
property's books are written at test time as ebooklib lays them out (zipfile: ``mimetype`` stored first,
``container.xml``, an OPF with the navigation document first in the spine).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import EmptyDocument, UnreadableFile, parse_document, read_bytes, read_document
from tests.fixtures.producers import load_maker

EPUB = Path(__file__).resolve().parent / "fixtures" / "epub"
BOOKS = sorted(EPUB.glob("handbook.*.epub"))


def _maker():  # type: ignore[no-untyped-def]
    return load_maker(EPUB / "make_epubs.py")


def _squashed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_fixtures_are_three_producers_books() -> None:
    assert [b.name for b in BOOKS] == [
        "handbook.ebooklib.epub",
        "handbook.libreoffice.epub",
        "handbook.pandoc.epub",
    ]
    for book in BOOKS:
        with zipfile.ZipFile(book) as archive:
            assert archive.namelist()[0] == "mimetype"
            assert archive.read("mimetype") == b"application/epub+zip"
            assert any(name.endswith((".ncx", "nav.xhtml", "toc.xhtml")) for name in archive.namelist())


@pytest.mark.parametrize("book", BOOKS, ids=lambda p: p.name)
def test_a_books_chapters_are_read_once_in_order_under_their_headings(book: Path) -> None:
    maker = _maker()
    [speech] = parse_document(read_document(book))
    assert speech.title == maker.TITLE
    assert speech.issuer == "　".join(maker.CREATORS).replace("　", " ")
    expected = [(_squashed(h), _squashed(p)) for h, paragraphs in maker.CHAPTERS for p in paragraphs]
    read = [(_squashed(p.section or ""), _squashed(p.text)) for p in speech.paragraphs]
    assert read == expected  # every paragraph once, in order, under its chapter; no title page, no contents


def test_the_books_date_is_its_metadatas() -> None:
    maker = _maker()
    dated = {b.name: parse_document(read_document(b))[0].date for b in BOOKS}
    # LibreOffice's export writes no dc:date (only when the file was modified, which dates nothing)
    assert dated == {
        "handbook.ebooklib.epub": maker.DATE,
        "handbook.libreoffice.epub": None,
        "handbook.pandoc.epub": maker.DATE,
    }


def _with(book: bytes, extra: dict[str, bytes], drop: tuple[str, ...] = ()) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(book)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename not in drop:
                target.writestr(info, extra.pop(info.filename, source.read(info.filename)))
        for name, data in extra.items():
            target.writestr(name, data)
    return out.getvalue()


_ENCRYPTION = """<?xml version="1.0" encoding="UTF-8"?>
<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
<enc:EncryptedData><enc:EncryptionMethod Algorithm="{algorithm}"/>
<enc:CipherData><enc:CipherReference URI="EPUB/chap_02.xhtml"/></enc:CipherData></enc:EncryptedData>
</encryption>"""


def test_a_book_locked_by_drm_is_refused_in_one_line() -> None:
    book = (EPUB / "handbook.ebooklib.epub").read_bytes()
    locked = _with(
        book,
        {
            "META-INF/encryption.xml": _ENCRYPTION.format(
                algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"
            ).encode(),
            "EPUB/chap_02.xhtml": bytes(range(256)) * 3,
        },
    )
    with pytest.raises(
        UnreadableFile, match=r"^读本\.epub 是加密（有版权保护）的电子书，无法读取其中的文字。$"
    ):
        read_bytes("读本.epub", locked)


def test_fonts_obfuscated_as_epub_allows_do_not_lock_the_book() -> None:
    book = (EPUB / "handbook.ebooklib.epub").read_bytes()
    obfuscated = _with(
        book,
        {
            "META-INF/encryption.xml": _ENCRYPTION.format(
                algorithm="http://www.idpf.org/2008/embedding"
            ).encode()
        },
    )
    # the listed part is a font's obfuscation (the IDPF algorithm), not DRM: the chapter is read
    assert "山药" in read_bytes("读本.epub", obfuscated).text


def test_a_damaged_or_empty_book_is_refused_in_one_line() -> None:
    book = (EPUB / "handbook.ebooklib.epub").read_bytes()
    with pytest.raises(UnreadableFile, match=r"^读本\.epub 不是有效的电子书（\.epub）"):
        read_bytes("读本.epub", book[: len(book) // 2])
    no_package = _with(book, {}, drop=("META-INF/container.xml",))
    with pytest.raises(
        UnreadableFile, match=r"^读本\.epub 不是有效的电子书（\.epub）：找不到书的目录信息；请重新下载"
    ):
        read_bytes("读本.epub", no_package)
    chapters_gone = _with(book, {}, drop=("EPUB/chap_01.xhtml", "EPUB/chap_02.xhtml", "EPUB/chap_03.xhtml"))
    with pytest.raises(EmptyDocument, match=r"^读本\.epub 中没有找到正文"):
        read_bytes("读本.epub", chapters_gone)


def test_a_book_under_another_name_is_named_as_an_epub() -> None:
    book = (EPUB / "handbook.pandoc.epub").read_bytes()
    with pytest.raises(UnreadableFile, match=r"读本\.docx 其实是 EPUB 电子书（\.epub），不是 \.docx 文件"):
        read_bytes("读本.docx", book)


# --- property: any book of chapters -------------------------------------------------------------------

_CONTAINER = (
    '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
    '<rootfiles><rootfile full-path="EPUB/content.opf" media-type="application/oebps-package+xml"/>'
    "</rootfiles></container>"
)


def _book(title: str, chapters: list[tuple[str, list[str]]]) -> bytes:
    """An EPUB 3 as ebooklib writes one: the nav document first in the spine, a chapter a file."""
    items = "".join(
        f'<item href="chap_{n:02d}.xhtml" id="c{n}" media-type="application/xhtml+xml"/>'
        for n in range(1, len(chapters) + 1)
    )
    spine = "".join(f'<itemref idref="c{n}"/>' for n in range(1, len(chapters) + 1))
    opf = (
        '<?xml version="1.0" encoding="utf-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
        f'<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title>'
        "<dc:creator>溪宁市委老干部局</dc:creator><dc:language>zh-CN</dc:language></metadata>"
        f'<manifest><item href="nav.xhtml" id="nav" media-type="application/xhtml+xml" properties="nav"/>{items}'
        f'</manifest><spine><itemref idref="nav"/>{spine}</spine></package>'
    )
    nav = "".join(f"<li><a href='chap_{n:02d}.xhtml'>{h}</a></li>" for n, (h, _) in enumerate(chapters, 1))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        book.writestr("META-INF/container.xml", _CONTAINER)
        book.writestr("EPUB/content.opf", opf)
        book.writestr(
            "EPUB/nav.xhtml",
            f"<html xmlns='http://www.w3.org/1999/xhtml'><body><nav><ol>{nav}</ol></nav></body></html>",
        )
        for n, (heading, paragraphs) in enumerate(chapters, 1):
            body = f"<h1>{heading}</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs)
            book.writestr(
                f"EPUB/chap_{n:02d}.xhtml",
                f"<?xml version='1.0' encoding='utf-8'?><html xmlns='http://www.w3.org/1999/xhtml'><body>{body}</body></html>",
            )
    return out.getvalue()


_WORDS = st.text(
    st.sampled_from("老干部活动中心服务学习健康读书文化志愿安全生活社区组织开展"), min_size=4, max_size=12
)
# a clause of six characters or more: a web page's paragraph of a few characters is joined to the next (as
# 「同志们：」 is), in an .html as in an .epub
_CLAUSE = st.text(
    st.sampled_from("老干部活动中心服务学习健康读书文化志愿安全生活社区组织开展"), min_size=6, max_size=12
)
_SENTENCE = st.builds(lambda a, b: f"{a}，{b}。", _CLAUSE, _CLAUSE)
_PARAGRAPH = st.lists(_SENTENCE, min_size=1, max_size=3).map("".join)
_NUMERALS = "一二三四五六七八九十"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_WORDS, st.lists(_PARAGRAPH, min_size=1, max_size=3)), min_size=1, max_size=5))
def test_every_paragraph_of_any_book_is_read_once_in_order_under_its_chapter(
    chapters: list[tuple[str, list[str]]],
) -> None:
    """Property: whatever its chapters, a book reads each paragraph once, in order, cited under its chapter's
    heading; the navigation document adds nothing."""
    book = [(f"第{_NUMERALS[n]}章　{words}", paragraphs) for n, (words, paragraphs) in enumerate(chapters)]
    [speech] = parse_document(read_bytes("读本.epub", _book("离退休干部学习读本", book)))
    expected = [(_squashed(h), _squashed(p)) for h, paragraphs in book for p in paragraphs]
    assert [(_squashed(p.section or ""), _squashed(p.text)) for p in speech.paragraphs] == expected
