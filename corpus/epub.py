"""E-books (.epub): a handbook, a study reader or a collection of speeches published as an EPUB 2 or 3 book
(by a publisher, 学习强国's downloads, Calibre, Sigil, pandoc, ebooklib), read as one web page.

An EPUB is a zip: ``META-INF/container.xml`` names the package document (``.opf``), whose metadata give the
book's title, creators and date, whose manifest lists its files and whose spine the order they are read in.
Each spine document is XHTML, read by the web page reader (`corpus.html`) as the chapters of one page: the
book's title first as its heading, the creators on a line under it, then every chapter's body with its
headings one level down (a chapter's 「第一章」 heads a section of the book). The navigation document (the
book's table of contents, an EPUB 3 spine often lists it first) and the NCX are not text; pictures, style
sheets and fonts are not read. The metadata's date dates a book that names none. A title the exporting
program wrote for a book given none (LibreOffice's 「Unknown Title」) is no title: the book's first line, when
it is a title's (short, no sentence mark), is its title. A book locked by DRM
(its chapters listed in ``META-INF/encryption.xml``) or damaged is refused in one line.
"""

from __future__ import annotations

import html as html_escape
import posixpath
import re
import zipfile
from io import BytesIO

from .dates import parse_date
from .errors import EmptyDocument, UnreadableFile, damaged
from .html import HtmlText, read_html
from .zipped import ZIP_DAMAGE, refuse_zip_bomb

__all__ = ["EPUB_SUFFIXES", "is_epub", "read_epub"]

EPUB_SUFFIXES = (".epub",)

_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_OPF = "{http://www.idpf.org/2007/opf}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_XHTML = ("application/xhtml+xml", "text/html")
# the one encryption fonts get (an EPUB's embedded fonts may be obfuscated; the text is not locked by it)
_FONT_OBFUSCATION = ("http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC")
_HEADING = re.compile(r"<(/?)h([1-5])\b", re.I)


def is_epub(data: bytes) -> bool:
    """Whether a file's bytes are an EPUB: a zip whose first, stored member is ``mimetype`` holding
    ``application/epub+zip``."""
    return (
        data.startswith(b"PK\x03\x04")
        and data[30:38] == b"mimetype"
        and b"application/epub+zip" in data[:120]
    )


def read_epub(name: str, data: bytes) -> HtmlText:
    """An EPUB's chapters as one page's blocks (see the module's docstring), with its reference text and the
    date of its metadata (ISO, or None)."""
    from lxml import etree

    try:
        with zipfile.ZipFile(BytesIO(data)) as book:
            refuse_zip_bomb(name, book, len(data))
            members = set(book.namelist())
            parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
            try:
                container = etree.fromstring(book.read("META-INF/container.xml"), parser)
                rootfile = container.find(f".//{_CONTAINER}rootfile")
                opf_path = rootfile.get("full-path", "") if rootfile is not None else ""
                package = etree.fromstring(book.read(opf_path), parser)
            except (KeyError, etree.XMLSyntaxError) as e:
                raise damaged(f"{name} 不是有效的电子书（.epub）：找不到书的目录信息") from e
            locked = _locked(book, members, parser)
            base = posixpath.dirname(opf_path)
            manifest = {
                item.get("id"): item
                for item in package.iter(f"{_OPF}item")
                if item.get("id") and item.get("href")
            }
            title = _meta(package, "title")
            creators = [c for c in (_text(e) for e in package.iter(f"{_DC}creator")) if c]
            dates = [d for d in (_text(e) for e in package.iter(f"{_DC}date")) if d]
            chapters = []
            for itemref in package.iter(f"{_OPF}itemref"):
                item = manifest.get(itemref.get("idref"))
                if item is None or item.get("media-type") not in _XHTML:
                    continue
                if "nav" in (item.get("properties") or "").split():  # the table of contents
                    continue
                path = posixpath.normpath(posixpath.join(base, _unquoted(item.get("href", ""))))
                if path in locked:
                    raise UnreadableFile(f"{name} 是加密（有版权保护）的电子书，无法读取其中的文字")
                if path in members and not _title_page(
                    body := _body(book.read(path)), [title, *creators, *dates]
                ):
                    chapters.append(body)
    except ZIP_DAMAGE as e:
        raise damaged(f"{name} 不是有效的电子书（.epub）：文件可能已损坏或不完整") from e
    day = next((d for d in map(_day, dates) if d is not None), None)
    if _PLACEHOLDER_TITLE.match(title):  # no title was given: the book's first line is its title
        title = ""
        if chapters:
            title, chapters[0] = _lead_title(chapters[0])
    head = f"<h1>{html_escape.escape(title)}</h1>" if title else ""
    if creators:
        # one line of names set apart, as a notice's joint issuers are (a creator field may list several)
        names = [n for c in creators for n in re.split(r"\s*[、，,;；]\s*", c) if n]
        head += f"<p>{html_escape.escape('　'.join(names))}</p>"
    page = (
        f'<html><head><meta charset="utf-8"><title>{html_escape.escape(title)}</title></head>'
        f"<body><article>{head}{''.join(chapters)}</article></body></html>"
    )
    try:
        read = read_html(name, page.encode("utf-8"), charset="utf-8")
    except EmptyDocument as e:
        raise EmptyDocument(f"{name} 中没有找到正文：电子书里只有标题、目录或图片，没有成句的文字") from e
    return HtmlText(read.blocks, read.reference, "epub", day or read.published)


# What a program writes as the title of a book given none: LibreOffice's 「导出为 EPUB」 「Unknown Title」 (for a
# document whose properties name no title, as most Word files), Calibre's 「Unknown」, 「Untitled」, 「无标题」.
_PLACEHOLDER_TITLE = re.compile(
    r"^\s*(?:unknown(?:\s+title)?|untitled(?:\s+document)?|\[?title here\]?|无标题|未命名|未知标题)?\s*$",
    re.I,
)
# A first line that is a title, not a sentence: short, with no sentence mark.
_MAX_TITLE_CHARS = 60
_SENTENCE_MARK = re.compile(r"[。！？；，]")


def _lead_title(body: str) -> tuple[str, str]:
    """The title a chapter opens with, and the chapter without it: its first paragraph or heading when that
    is a line of a title's length with no sentence mark (LibreOffice's EPUB of a Word file: the Title-styled
    first paragraph, a ``<p>`` like the rest); else no title and the chapter as it is."""
    from lxml import etree, html

    try:
        holder = html.fragment_fromstring(body, create_parent="div")
    except (etree.ParserError, ValueError):
        return "", body
    first = next((element for element in holder if "".join(element.itertext()).strip()), None)
    if first is None:
        return "", body
    line = " ".join("".join(first.itertext()).split())
    if len(line) > _MAX_TITLE_CHARS or _SENTENCE_MARK.search(line):
        return "", body
    tail = first.tail or ""
    first.getparent().remove(first)
    rest = (
        (holder.text or "")
        + tail
        + "".join(etree.tostring(child, encoding="unicode", method="html") for child in holder)
    )
    return line, rest


def _locked(book: zipfile.ZipFile, members: set[str], parser) -> set[str]:  # type: ignore[no-untyped-def]
    """The paths ``META-INF/encryption.xml`` lists as encrypted by DRM (not a font's obfuscation)."""
    from lxml import etree

    if "META-INF/encryption.xml" not in members:
        return set()
    try:
        root = etree.fromstring(book.read("META-INF/encryption.xml"), parser)
    except etree.XMLSyntaxError:
        return set()
    locked = set()
    for data in root.iter("{http://www.w3.org/2001/04/xmlenc#}EncryptedData"):
        method = data.find("{http://www.w3.org/2001/04/xmlenc#}EncryptionMethod")
        algorithm = method.get("Algorithm", "") if method is not None else ""
        reference = data.find(".//{http://www.w3.org/2001/04/xmlenc#}CipherReference")
        if reference is not None and algorithm not in _FONT_OBFUSCATION:
            locked.add(posixpath.normpath(_unquoted(reference.get("URI", ""))))
    return locked


def _unquoted(href: str) -> str:
    from urllib.parse import unquote

    return unquote(href.split("#", 1)[0])


def _body(data: bytes) -> str:
    """A spine document's body as HTML, its headings one level down (h1 → h2 … h5 → h6)."""
    from lxml import etree, html

    text = (
        data.decode("utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else data.decode("utf-8", "replace")
    )
    text = re.sub(r"^\ufeff?\s*<\?xml[^>]*\?>", "", text)
    try:
        root = html.document_fromstring(text, parser=html.HTMLParser(no_network=True, remove_comments=True))
    except (etree.ParserError, ValueError):
        return ""
    body = root.find("body")
    if body is None:
        return ""
    inner = (body.text or "") + "".join(
        etree.tostring(child, encoding="unicode", method="html") for child in body
    )
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", inner)


def _title_page(body: str, metadata: list[str]) -> bool:
    """Whether a spine document says nothing but the book's title, creators and date (the title page pandoc,
    LibreOffice and most publishers put first): the metadata are given once, over the first chapter."""
    from lxml import html

    if not body.strip():
        return True
    text = "".join("".join(html.fragment_fromstring(body, create_parent="div").itertext()).split())
    for value in sorted(("".join(m.split()) for m in metadata), key=len, reverse=True):
        if value:
            text = text.replace(value, "")
    return not re.search(r"[\u3400-\u9fffA-Za-z]", text)


def _text(element) -> str:  # type: ignore[no-untyped-def]
    return " ".join("".join(element.itertext()).split())


def _meta(package, field: str) -> str:  # type: ignore[no-untyped-def]
    element = package.find(f".//{_DC}{field}")
    return _text(element) if element is not None else ""


def _day(value: str) -> str | None:
    """An ISO day from a Dublin Core date (``2028-05-10``, ``2028-05-10T08:00:00Z``, ``2028``: a year alone
    dates nothing)."""
    if (iso := re.match(r"(\d{4})-(\d{2})-(\d{2})", value)) is not None:
        return "-".join(iso.groups())
    return parse_date(value)
