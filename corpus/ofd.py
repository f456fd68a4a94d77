"""OFD files (GB/T 33190-2016, the fixed-layout format electronic official documents — 电子公文 — are issued
in): read as a PDF is, by corpus.layout.

An OFD is a zip package: ``OFD.xml`` names each document's ``Document.xml``, which lists its pages
(``Pages/Page_N/Content.xml``), their page templates and the resources (fonts, images). A page's text is
a set of positioned ``TextObject``s: each places its ``TextCode`` runs, the first character of a run at
(``X``, ``Y``: its baseline) and each next one ``DeltaX``/``DeltaY`` further (``g N d``: N steps of d), in
the object's own space, turned into the page's by its ``CTM`` and set at its ``Boundary``'s corner
(millimetres). The characters of a page are gathered into printed lines here, and the lines go through
the one layout machinery PDFs and scans go through (running headers, footers and page numbers dropped,
wrapped lines joined, columns read in order). A page template's text is drawn on every page that uses it,
as a PDF draws its running header: a header or footer a template repeats on every page is dropped as a
PDF's is (a one-page document's masthead drawn by a template is read as any masthead is). A page holding only
images is a scan, read by OCR as a scanned PDF page is. Annotations (stamps, comments) and signatures
are not page text and are not read.

Why a reader of its own, on zipfile and lxml, rather than a package: the layout machinery needs each
character's position, which is what an OFD holds; the one OFD reader on PyPI (``ofdkit``, 0.2.0) returns
the text without positions for our layout rules, and the one writer (``easyofd``) pulls in PyMuPDF and
onnxruntime. See docs/documents.md, 「OFD」.
"""

from __future__ import annotations

import io
import itertools
import logging
import math
import posixpath
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from statistics import median

from . import ocr
from .columns import MIN_GUTTER, printed_blocks
from .errors import EmptyDocument, UnreadableFile, damaged
from .layout import Line, Page, separator, tidy_line
from .records import Block
from .spreads import read_sheet
from .zipped import ZIP_DAMAGE, refuse_zip_bomb

__all__ = ["OfdText", "is_ofd", "read_ofd"]

log = logging.getLogger(__name__)

_MM = 72 / 25.4  # OFD measures in millimetres; the layout rules were set in PDF points
# A page with fewer characters than this and an image is a scan (as for a PDF).
_MIN_TEXT_CHARS = 10
# The content of every page lies inside this share of its page box in both directions: the box is not in
# the content's units (a converter wrote the box in points and the content in other units), and the page
# is taken to be as large as the content with its margins.
_BOX_UNUSED = 0.4
# Two characters of different objects overlapping by this share of a character on one line were not placed
# by their positions (a converter gave each run of a line the whole line's box): read in the page's order.
_COLLIDE = 0.5
_LATIN = re.compile(r"[0-9A-Za-z]")
_PAGE_FILE = re.compile(r"(\d+)")


@dataclass(frozen=True)
class OfdText:
    """An OFD's text, one paragraph per line, and the same paragraphs as blocks (as `corpus.pdf.PdfText`):
    encoding is "ofd", or "ofd+ocr" when scanned pages were read by OCR; notes: what the user must be told
    (scanned pages not read, or read with low confidence), one Chinese line each."""

    text: str
    encoding: str
    blocks: tuple[Block, ...]
    notes: tuple[str, ...] = ()


def is_ofd(data: bytes) -> bool:
    """Whether bytes are an OFD package: a zip whose entry point ``OFD.xml`` is named in it."""
    return data.startswith(b"PK\x03\x04") and b"OFD.xml" in data


def read_ofd(name: str, data: bytes) -> OfdText:
    """The text of an OFD, one paragraph per line.

    Refused with one Chinese line: a file that is no zip, is cut short or lacks a part its documents name
    (damaged), an encrypted package, a scan when no OCR engine is installed, and one with no text."""
    if not data.startswith(b"PK\x03\x04"):
        raise damaged(f"{name} 不是有效的 OFD 文件（可能已损坏或不完整）")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            refuse_zip_bomb(name, package, len(data))
            raw = _Package(name, package).pages()
    except UnreadableFile:
        raise
    except ZIP_DAMAGE as e:
        log.info("could not unpack %s: %r", name, e)
        raise damaged(f"{name} 不是有效的 OFD 文件（无法解压，可能已损坏或不完整）") from e
    return _text(name, raw)


# --- the package ------------------------------------------------------------------------------------


@dataclass
class _Glyph:
    text: str
    x: float  # its left edge and baseline on the page, in points
    y: float
    size: float
    width: float  # its width in points: its advance in its run, at most a character of its size
    font: str
    order: int  # its place in the page's drawing order
    run: int  # the object it was drawn by
    box: tuple[float, float] = (0.0, 0.0)  # that object's Boundary, left and right, in points


@dataclass
class _RawPage:
    glyphs: list[_Glyph]
    width: float
    height: float
    image: bytes | None = None  # the largest picture on the page, for OCR when it has no text


@dataclass
class _Resources:
    fonts: dict[str, str] = field(default_factory=dict)  # font ID → its name
    media: dict[str, str] = field(default_factory=dict)  # multimedia ID → its file in the package


class _Package:
    """An opened OFD package: its parts found by the paths its XML gives, case and leading 「/」 aside."""

    def __init__(self, name: str, package: zipfile.ZipFile) -> None:
        self.name = name
        self.package = package
        self.members = {member.lower(): member for member in package.namelist()}

    def _member(self, path: str) -> str | None:
        return self.members.get(posixpath.normpath(path.strip().lstrip("/")).lower())

    def _resolve(self, base: str, path: str) -> str | None:
        """A path as a part names it: from the package's root when it starts with 「/」, else from the
        folder of the part naming it (some producers write root paths without the 「/」: tried too)."""
        path = path.strip().replace("\\", "/")
        if path.startswith("/"):
            return self._member(path)
        return self._member(posixpath.join(posixpath.dirname(base), path)) or self._member(path)

    def _xml(self, member: str):  # type: ignore[no-untyped-def]
        from lxml import etree

        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, remove_comments=True, huge_tree=False
        )
        try:
            return etree.fromstring(self.package.read(member), parser)
        except etree.XMLSyntaxError as e:
            log.info("%s: %s is no XML: %r", self.name, member, e)
            raise self._broken_part(member) from e

    def _broken_part(self, member: str) -> UnreadableFile:
        if self._encrypted():
            return _encrypted(self.name)
        return damaged(f"{self.name} 不是有效的 OFD 文件（{member} 已损坏）")

    def _encrypted(self) -> bool:
        return any("encrypt" in member for member in self.members)

    def pages(self) -> list[_RawPage]:
        entry = self._member("OFD.xml")
        if entry is None:
            raise damaged(f"{self.name} 不是有效的 OFD 文件（缺少 OFD.xml，可能已损坏或不完整）")
        root = self._xml(entry)
        if self._encrypted() or any(_local(e) in ("Encryptions", "Encryption") for e in root.iter()):
            raise _encrypted(self.name)
        pages: list[_RawPage] = []
        for body in _children(root, "DocBody"):
            for doc_root in _children(body, "DocRoot"):
                document = self._resolve(entry, doc_root.text or "")
                if document is None:
                    raise damaged(f"{self.name} 不是有效的 OFD 文件（缺少 {(doc_root.text or '').strip()}）")
                pages.extend(self._document(document))
        if not pages:
            raise damaged(f"{self.name} 不是有效的 OFD 文件（没有找到任何页面）")
        return pages

    def _document(self, member: str) -> Iterator[_RawPage]:
        root = self._xml(member)
        common = next(_children(root, "CommonData"), None)
        box = _box(common)
        resources = _Resources()
        templates: dict[str, str] = {}
        if common is not None:
            for kind in ("PublicRes", "DocumentRes"):
                for res in _children(common, kind):
                    if (part := self._resolve(member, res.text or "")) is not None:
                        self._resources(part, resources)
            for template in _children(common, "TemplatePage"):
                if (part := self._resolve(member, template.get("BaseLoc", ""))) is not None:
                    templates[template.get("ID", "")] = part
        pages = next(_children(root, "Pages"), None)
        for page in _children(pages, "Page") if pages is not None else ():
            part = self._resolve(member, page.get("BaseLoc", ""))
            if part is None:
                raise damaged(f"{self.name} 不是有效的 OFD 文件（缺少页面 {page.get('BaseLoc', '')}）")
            yield self._page(part, box, resources, templates)

    def _resources(self, member: str, resources: _Resources) -> None:
        root = self._xml(member)
        folder = posixpath.join(posixpath.dirname(member), root.get("BaseLoc", "") or "")
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            tag = _local(element)
            if tag == "Font":
                resources.fonts[element.get("ID", "")] = (
                    element.get("FontName") or element.get("FamilyName") or ""
                )
            elif tag == "MultiMedia":
                media = next(_children(element, "MediaFile"), None)
                if media is not None and media.text:
                    path = media.text.strip()
                    found = self._resolve(posixpath.join(folder, "x"), path) or self._resolve(member, path)
                    if found is not None:
                        resources.media[element.get("ID", "")] = found

    def _page(
        self,
        member: str,
        box: tuple[float, float, float, float] | None,
        resources: _Resources,
        templates: dict[str, str],
    ) -> _RawPage:
        root = self._xml(member)
        own = _box(next(_children(root, "Area"), None)) or _box(next(_children(root, "PageArea"), None))
        x, y, width, height = own or box or (0.0, 0.0, 210.0, 297.0)
        for reference in _children(root, "PageRes"):
            if (part := self._resolve(member, reference.text or "")) is not None:
                self._resources(part, resources)
        drawn = _Drawing(resources)
        for template in _children(root, "Template"):  # drawn under (Background) or over the page's own
            if (tid := template.get("TemplateID", "")) in templates:
                drawn.content(self._xml(templates[tid]))
        drawn.content(root)
        image = self.package.read(drawn.image) if drawn.image is not None else None
        glyphs = [replace(g, x=g.x - x * _MM, y=g.y - y * _MM) for g in drawn.glyphs]
        return _RawPage(glyphs, width * _MM, height * _MM, image)


class _Drawing:
    """The characters (and the largest picture) a page's content draws, in drawing order."""

    def __init__(self, resources: _Resources) -> None:
        self.resources = resources
        self.glyphs: list[_Glyph] = []
        self.image: str | None = None
        self._image_area = 0.0
        self._runs = 0

    def content(self, root) -> None:  # type: ignore[no-untyped-def]
        for content in _children(root, "Content"):
            for layer in _children(content, "Layer"):
                self._block(layer, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0))

    def _block(self, block, outer: tuple[float, ...]) -> None:  # type: ignore[no-untyped-def]
        for element in block:
            if not isinstance(element.tag, str):
                continue
            tag = _local(element)
            if tag == "PageBlock":
                self._block(element, outer)
            elif tag == "TextObject":
                self._text(element, outer)
            elif tag == "ImageObject":
                self._picture(element)

    def _text(self, element, outer: tuple[float, ...]) -> None:  # type: ignore[no-untyped-def]
        bx, by, bw, _ = _numbers(element.get("Boundary", ""), 4) or (0.0, 0.0, 0.0, 0.0)
        ctm = _numbers(element.get("CTM", ""), 6) or (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        size = _number(element.get("Size") or element.get("size")) or 3.5  # 3.5 mm: 10 pt
        hscale = _number(element.get("HScale")) or 1.0
        a, b, c, d, e, f = ctm
        scale = math.sqrt(abs(a * d - b * c)) or 1.0
        font = self.resources.fonts.get(element.get("Font", ""), "")
        run = self._runs
        self._runs += 1
        x = y = 0.0
        for code in _children(element, "TextCode"):
            text = "".join(code.itertext())
            if not text:
                continue
            x = _number(code.get("X")) if code.get("X") is not None else x
            y = _number(code.get("Y")) if code.get("Y") is not None else y
            dx, dy = _deltas(code.get("DeltaX", "")), _deltas(code.get("DeltaY", ""))
            for index, char in enumerate(text):
                advance = dx[index] if index < len(dx) else (dx[-1] if dx else _advance(char, size * hscale))
                px, py = a * x + c * y + e + bx, b * x + d * y + f + by
                nominal = _advance(char, size * hscale) * scale
                self.glyphs.append(
                    _Glyph(
                        text=char,
                        x=px * _MM,
                        y=py * _MM,
                        size=size * scale * _MM,
                        width=min(abs(advance) * scale or nominal, nominal) * _MM,
                        font=font,
                        order=len(self.glyphs),
                        run=run,
                        box=(bx * _MM, (bx + bw) * _MM),
                    )
                )
                x += advance
                if index < len(dy):
                    y += dy[index]

    def _picture(self, element) -> None:  # type: ignore[no-untyped-def]
        media = self.resources.media.get(element.get("ResourceID", ""))
        box = _numbers(element.get("Boundary", ""), 4)
        area = box[2] * box[3] if box else 1.0
        if media is not None and area > self._image_area:
            self.image, self._image_area = media, area


def _advance(char: str, size: float) -> float:
    """How wide a character is set when its run does not say: half an em for Latin, a whole one else."""
    return size * (0.5 if ord(char) < 0x2E80 else 1.0)


def _encrypted(name: str) -> UnreadableFile:
    return UnreadableFile(
        f"{name} 是加密的 OFD 文件，无法读取：请在 OFD 阅读器中打开，另存为不加密的 OFD 或 PDF 后再添加"
    )


def _local(element) -> str:  # type: ignore[no-untyped-def]
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.rsplit("}", 1)[-1]


def _children(element, name: str) -> Iterator:  # type: ignore[no-untyped-def, type-arg]
    """The element's children named `name`, whatever namespace they are in (producers differ)."""
    return (child for child in element if isinstance(child.tag, str) and _local(child) == name)


def _number(text: str | None) -> float:
    try:
        value = float(text) if text is not None else 0.0
    except ValueError:
        return 0.0
    return value if math.isfinite(value) else 0.0


def _numbers(text: str, count: int) -> tuple[float, ...] | None:
    values = [_number(part) for part in text.split()]
    return tuple(values) if len(values) == count else None


def _deltas(text: str) -> list[float]:
    """A DeltaX/DeltaY list, its 「g N d」 groups (N steps of d) spelt out."""
    out: list[float] = []
    parts = text.split()
    at = 0
    while at < len(parts):
        if parts[at] == "g" and at + 2 < len(parts):
            out.extend([_number(parts[at + 2])] * min(int(_number(parts[at + 1])), 100_000))
            at += 3
        else:
            out.append(_number(parts[at]))
            at += 1
    return out


def _box(element) -> tuple[float, float, float, float] | None:  # type: ignore[no-untyped-def]
    """A page area's PhysicalBox (x, y, width, height in mm), or None."""
    if element is None:
        return None
    if _local(element) == "CommonData":
        element = next(_children(element, "PageArea"), None)
        if element is None:
            return None
    physical = next(_children(element, "PhysicalBox"), None)
    if physical is None or not physical.text:
        return None
    values = _numbers(physical.text, 4)
    return values if values and values[2] > 0 and values[3] > 0 else None  # type: ignore[return-value]


# --- from characters to the layout's pages -------------------------------------------------------------


def _text(name: str, raw: list[_RawPage]) -> OfdText:
    pages: list[Page] = []
    scanned = 0
    unread: list[int] = []
    doubtful: list[tuple[int, float]] = []
    _fit_boxes(raw)
    for number, page in enumerate(raw, start=1):
        printed = [g for g in page.glyphs if not g.text.isspace()]
        if len(printed) < _MIN_TEXT_CHARS and page.image is not None:
            engine = ocr.engine()
            if engine is None:
                unread.append(number)
            else:
                read = _ocr_page(name, engine, page.image)
                if read is not None and read.lines:
                    pages.extend(read_sheet(Page(lines=read.lines, width=read.width, height=read.height)))
                    scanned += 1
                    if read.doubtful:
                        doubtful.append((number, read.confidence))
                    continue
        pages.append(Page(lines=tuple(_lines(page.glyphs)), width=page.width, height=page.height))
    if unread and len(unread) == len(raw):
        raise UnreadableFile(f"{name} 是扫描件（没有文字层）。{ocr.missing_engine_reason()}")
    notes: tuple[str, ...] = ()
    if unread:
        notes = (ocr.unread_pages_note(unread),)
    if doubtful:
        notes = (*notes, ocr.doubtful_pages_note(doubtful))
    blocks = printed_blocks(pages)
    text = "\n".join(block.text for block in blocks)
    if not text.strip():
        raise EmptyDocument(f"{name} 中没有可提取的文字")
    return OfdText(text, "ofd+ocr" if scanned else "ofd", blocks, notes)


def _ocr_page(name: str, engine: ocr.OcrEngine, data: bytes) -> ocr.PageText | None:
    """A page's picture read by OCR, in its pixels (None when the picture is in a format Pillow cannot
    decode, such as JBIG2: the page is then left unread)."""
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = ocr.MAX_IMAGE_PIXELS
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except Exception as e:  # Pillow raises assorted errors on a picture it cannot decode
        log.info("%s: a page's picture could not be decoded: %r", name, e)
        return None
    return ocr.recognise(name, engine, image.convert("RGB"))


def _fit_boxes(raw: list[_RawPage]) -> None:
    """When every page's characters lie within a small corner of its page box, the box is not in the
    characters' units: each page is then as large as all pages' characters with their margins."""
    drawn = [page for page in raw if page.glyphs]
    if not drawn:
        return
    if not all(
        max(g.x + g.width for g in page.glyphs) < _BOX_UNUSED * page.width
        and max(g.y for g in page.glyphs) < _BOX_UNUSED * page.height
        for page in drawn
    ):
        return
    left = min(g.x for page in drawn for g in page.glyphs)
    right = max(g.x + g.width for page in drawn for g in page.glyphs)
    top = min(g.y - g.size for page in drawn for g in page.glyphs)
    bottom = max(g.y for page in drawn for g in page.glyphs)
    for page in raw:
        page.width, page.height = right + max(left, 0.0), bottom + max(top, 0.0) + 0.2 * (bottom - top)


def _lines(glyphs: list[_Glyph]) -> list[Line]:
    """A page's characters as its printed lines, top to bottom: characters on one baseline (within half
    a character) make a line, read left to right."""
    printed = sorted((g for g in glyphs), key=lambda g: (g.y, g.x))
    rows: list[list[_Glyph]] = []
    for glyph in printed:
        for row in reversed(rows[-3:]):
            base = median(g.y for g in row)
            if abs(glyph.y - base) <= 0.5 * min(glyph.size, row[0].size):
                row.append(glyph)
                break
        else:
            rows.append([glyph])
    lines = [line for row in rows if (line := _line(row)) is not None]
    return sorted(lines, key=lambda line: (line.bottom, line.x0))


def _placed(row: list[_Glyph]) -> bool:
    """Whether a line's characters stand where they print: not so when characters of different objects
    were set on top of each other (a converter that gave every run of a line the whole line's box and
    spread each run's characters across it): such a line is read in drawing order, its extent that of its
    objects' boxes."""
    by_x = sorted(row, key=lambda g: (g.x, g.order))
    for before, after in itertools.pairwise(by_x):
        if before.run != after.run and not before.text.isspace() and not after.text.isspace():
            overlap = before.x + before.width - after.x
            if overlap > _COLLIDE * min(before.width, after.width):
                return False
    return True


def _line(row: list[_Glyph]) -> Line | None:
    placed = _placed(row)
    ordered = sorted(row, key=lambda g: (g.x, g.order) if placed else g.order)
    printed = [g for g in ordered if not g.text.isspace()]
    if not printed:
        return None
    if not placed:
        line = _glyphs_line(printed, {id(g) for g in _after_space(ordered)}, placed=False)
        return replace(line, x0=min(g.box[0] for g in printed), x1=max(g.box[1] for g in printed))
    pieces: list[list[_Glyph]] = [[]]
    spaced: set[int] = set()  # characters a written space stands before
    previous: _Glyph | None = None
    space = False
    for glyph in ordered:
        if glyph.text.isspace():
            space = previous is not None
            continue
        if previous is not None:
            gap = glyph.x - (previous.x + previous.width)
            if gap >= MIN_GUTTER * max(glyph.size, 1.0) and glyph.x > previous.x:
                pieces.append([])
            elif space:
                spaced.add(id(glyph))
        pieces[-1].append(glyph)
        previous, space = glyph, False
    line = _glyphs_line(printed, spaced)
    if len(pieces) > 1:  # a gutter or a tab: corpus.columns decides whether it divides columns
        line = replace(line, parts=tuple(_glyphs_line(piece, spaced) for piece in pieces if piece))
    return line


def _after_space(ordered: list[_Glyph]) -> Iterator[_Glyph]:
    """The characters a written space stands before."""
    space = False
    for glyph in ordered:
        if not glyph.text.isspace() and space:
            yield glyph
        space = glyph.text.isspace()


def _glyphs_line(glyphs: list[_Glyph], spaced: set[int], *, placed: bool = True) -> Line:
    out: list[str] = []
    previous: _Glyph | None = None
    for glyph in glyphs:
        if previous is not None:
            gap = glyph.x - (previous.x + previous.width) if placed else 0.0
            if id(glyph) in spaced and _LATIN.match(previous.text) and _LATIN.match(glyph.text):
                out.append(" ")
            elif glyph.run == previous.run:  # a run writes its own spaces: its spacing is no word break
                out.append(" " if gap > 1.2 * max(glyph.size, 1.0) else "")
            else:
                out.append(separator(previous.text, glyph.text, gap, glyph.size))
        out.append(glyph.text)
        previous = glyph
    han = [g for g in glyphs if g.text >= "\u2e80"] or glyphs
    sizes = Counter(round(g.size, 1) for g in han)
    fonts = Counter(g.font for g in han)
    size = sizes.most_common(1)[0][0]
    return Line(
        text=tidy_line("".join(out)),
        x0=min(g.x for g in glyphs),
        x1=max(g.x + g.width for g in glyphs),
        top=min(g.y - 0.88 * g.size for g in glyphs),
        bottom=max(g.y + 0.12 * g.size for g in glyphs),
        font=fonts.most_common(1)[0][0],
        size=size,
    )
