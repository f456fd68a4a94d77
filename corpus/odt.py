"""OpenDocument text (.odt, what LibreOffice and WPS save as 「ODF 文本」): its body read with its structure.

content.xml holds the body, styles.xml the named styles and the page headers and footers (master pages),
which are deliberately not read, as for a .docx — but for a 红头 kept in the header of the first page alone
(ODF 1.3's style:header-first, or LibreOffice's page style for one page, 「First Page」 followed by
「Standard」, as it keeps Word's 「首页不同」): its masthead and 文号 lines (a 文号 | 签发人 table row too) are read
as the document's first lines (corpus.mastheads). LibreOffice's 「平面 XML ODF 文本文档」 (.fodt, flat ODF:
ODF 1.2 §2.2.1) is the same document as one XML file, no zip: its office:document root holds the styles,
the master pages and the body that the package splits into content.xml and styles.xml; it is read the same
way. What is kept, as Blocks in document order:

- text:h → a heading of its text:outline-level; a paragraph whose style (or a base style) is Title /
  Subtitle (「标题」「副标题」), or is named Heading N / 标题 N, gets that kind, as in corpus.word;
- text:list → each item's paragraphs, the first with the number LibreOffice would show in front of it
  (「一、」「（二）」「1.」「①」), from the list style's levels (style:num-format, num-prefix/num-suffix,
  text:display-levels, LibreOffice's loext:num-list-format 「%1%、」) counted per list in document order:
  text:continue-numbering and text:continue-list carry a list on, text:start-value restarts it, a
  deeper level restarts after a higher one, a text:list-header item takes no number, bullets add nothing;
  headings outside lists numbered by the outline style the same way;
- table:table → one "table_row" block per row, cells labelled by the header row (corpus.tables); a cell
  spanning several rows shows its text on each of them, a single cell across the whole table is read as
  it stands (a caption or 「备注」 row); nested tables' cells are read into their cell;
- text:note (footnotes and endnotes) → "note" blocks after what references them (corpus.notes); the
  citation mark is not text;
- text:s (N spaces), text:tab read as spaces, text:line-break ends a line as the office program shows
  it (corpus.layout.broken_lines); a soft page break as nothing; a ruby's
  base text only; text boxes (draw:text-box) after the paragraph they are anchored in;
- a formula (LibreOffice Math: a draw:object whose MathML is in 「Object N/content.xml」, or inline in a
  .fodt) → its linear text where it stands, as a .docx's Office Math reads (corpus.equations.mathml_text):
  inside its sentence, or, alone in its paragraph, a display formula whose rows are blocks of kind
  "equation". Before, a formula was in no block.

Reviewers' comments (office:annotation, Writer's 「插入 › 批注」) are read after the body under 「批注」, each
a "note" block naming its author (dc:creator) and quoting the words it was made on (up to its
office:annotation-end), as a .docx's are (corpus.notes.remark_blocks); never in the body's sentences.

Not read: words struck through (「删除线」: style:text-line-through-style other than none, in a span's
automatic or named style or the paragraph's, inherited through style:parent-style-name; a span's own style
decides over its paragraph's), left out as a tracked deletion is (`_drop_struck`); tracked deletions
(text:tracked-changes holds them outside the body), generated indexes and tables of contents, hidden text and paragraphs, the
citation of a note. A second, simpler extraction of every paragraph's text (reference_text) is what
`add --check` compares the passages with.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from . import gridtables, ocr
from .errors import UnreadableFile, damaged
from .layout import broken_lines
from .mastheads import first_page_head
from .notes import NotePlacement, Remark, remark_blocks
from .numbering import format_number, with_label
from .records import Block
from .styles import named_kind
from .tables import table_blocks
from .zipped import ZIP_DAMAGE, refuse_zip_bomb

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "loext": "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0",
}
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_SVG_WIDTH = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}width"
log = logging.getLogger(__name__)
_O, _S, _T, _TB, _D, _LO = ("{" + _NS[k] + "}" for k in ("office", "style", "text", "table", "draw", "loext"))
_TEXT_MIMETYPES = (
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.text-template",
)
# The other OpenDocument kinds, by the word their mimetype holds (also named when one comes as a .docx)
OPENDOCUMENT_KINDS = {
    "spreadsheet": "电子表格",
    "presentation": "演示文稿",
    "graphics": "图形",
    "formula": "公式",
    "chart": "图表",
    "database": "数据库",
}
# ODF's style:num-format values as the Word number formats corpus.numbering writes.
_NUM_FORMATS = {
    "1": "decimal",
    "a": "lowerLetter",
    "A": "upperLetter",
    "i": "lowerRoman",
    "I": "upperRoman",
    "一, 二, 三, ...": "chineseCounting",
    "壹, 贰, 叁, ...": "chineseLegalSimplified",
    "甲, 乙, 丙, ...": "ideographTraditional",
    "子, 丑, 寅, ...": "ideographZodiac",
    "①, ②, ③, ...": "decimalEnclosedCircle",
    "１, ２, ３, ...": "decimalFullWidth",
    "○, 一, 二, ...": "ideographDigital",
}
_LEVELS = 10
# Skipped wherever they are: never text of the body.
_SKIPPED = frozenset(
    (
        _O + "annotation",
        _O + "annotation-end",
        _T + "tracked-changes",
        _T + "note-citation",
        _T + "number",  # a list number some producers cache in the item: it is computed from the list style
        _T + "ruby-text",
        _T + "hidden-text",
        _T + "hidden-paragraph",
        _T + "table-of-content",
        _T + "alphabetical-index",
        _T + "illustration-index",
        _T + "table-index",
        _T + "object-index",
        _T + "user-index",
        _T + "bibliography",
        _T + "sequence-decls",
        _T + "variable-decls",
        _T + "user-field-decls",
        _T + "soft-page-break",
        _T + "bookmark-start",
        _T + "bookmark-end",
        _T + "bookmark",
        _T + "change",
        _T + "change-start",
        _T + "change-end",
        _D + "image",
        "{http://www.w3.org/2000/svg}title",
        "{http://www.w3.org/2000/svg}desc",
    )
)


@dataclass(frozen=True)
class OdtText:
    """What an .odt holds: its body as blocks, and a second, independent extraction of its text."""

    blocks: tuple[Block, ...]
    reference: str
    notes: tuple[str, ...] = ()


_ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_ODF_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def shown_text(element) -> str:  # type: ignore[no-untyped-def]
    """An OpenDocument paragraph's characters as the office program shows them: text:s as its spaces,
    text:tab as a tab, text:line-break as a line break, spans and fields by their text, annotations left
    out (the spreadsheet and presentation readers, corpus.sheets and corpus.slides, read cells and slides
    so)."""
    out = [element.text or ""]
    for child in element:
        if child.tag == f"{_ODF_TEXT}s":
            out.append(" " * int(child.get(f"{_ODF_TEXT}c", "1")))
        elif child.tag == f"{_ODF_TEXT}tab":
            out.append("\t")
        elif child.tag == f"{_ODF_TEXT}line-break":
            out.append("\n")
        elif child.tag != f"{_ODF_OFFICE}annotation":
            out.append(shown_text(child))
        out.append(child.tail or "")
    return "".join(out)


FLAT_ODT_SUFFIXES = (".fodt",)
_TEXT_MIMETYPE = re.compile(rb'office:mimetype="application/vnd\.oasis\.opendocument\.text(?:-template)?"')


def is_flat_odt(data: bytes) -> bool:
    """Whether the bytes are a flat OpenDocument text (.fodt): an XML file whose office:document root says
    it is a text document (its namespaces, LibreOffice's forty-odd, come first: the first 16 KB are looked at)."""
    head = data[:16384]
    return (
        head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")
        and b"<office:document " in head
        and bool(_TEXT_MIMETYPE.search(head))
    )


def read_odt(name: str, data: bytes) -> OdtText:
    """The body of an .odt, or of a flat .fodt, as blocks, in document order, with its reference text."""
    from lxml import etree

    content, styles, objects = _flat_parts(name, data) if not data.startswith(b"PK") else _parts(name, data)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True, huge_tree=False)
    try:
        root = etree.fromstring(content, parser)
        styles_root = etree.fromstring(styles, parser) if styles else None
    except etree.XMLSyntaxError as e:
        raise damaged(f"{name} 不是有效的 OpenDocument 文本（内容已损坏）") from e
    body = root.find(f"{_O}body/{_O}text")
    if body is None:
        raise UnreadableFile(f"{name} 不是 OpenDocument 文字文档（没有正文）")
    formulas_as_text(body, objects)
    unread = picture_tables(name, body, data) if data.startswith(b"PK") else 0
    remarks = annotations(body)  # before the struck words go: a comment made on them quotes them
    _drop_struck(body, _Strikes.parse(root.find(_O + "automatic-styles"), *_common_styles(root, styles_root)))
    reader = _Reader(_Styles.parse(styles_root, root))
    blocks = reader.read(body)
    head = first_page_head(_first_page_header_lines(root, styles_root, body), blocks)
    notes = (ocr.unread_table_pictures_note(unread),) if unread else ()
    return OdtText((*head, *blocks, *remark_blocks(remarks)), reference_text(body), notes)


# A picture narrower than this on the page (cm) is a logo, a seal or an icon and is never decoded (as a
# .docx's: corpus.word.picture_tables).
_TABLE_PICTURE_CM = 6.0
_LENGTH = re.compile(r"^\s*([0-9.]+)\s*(cm|mm|in|pt|pc|px)?\s*$")
_CM_PER = {"cm": 1.0, "mm": 0.1, "in": 2.54, "pt": 2.54 / 72, "pc": 2.54 / 6, "px": 2.54 / 96, None: 1.0}


def picture_tables(name: str, body, data: bytes, engine=None) -> int:  # type: ignore[no-untyped-def]
    """Read each picture of a ruled table in the body of a Writer document with text of its own as the
    table it shows, after the paragraph holding it, as a .docx's are (`corpus.word.picture_tables`: set at
    least 6 cm wide, a ruled grid found in it, its cells read by OCR — by `engine`, a callable giving the
    engine, `corpus.ocr.engine` unless given), cropped as its frame's style clips it (``fo:clip``). The
    number of table pictures left unread for want of an OCR engine is returned."""
    clips = _clips(body.getroottree().getroot().find(_O + "automatic-styles"))
    if not any("".join(p.itertext()).strip() for p in body.iter(_T + "p", _T + "h")):
        return 0
    pictures = gridtables.PictureTables(name, engine or ocr.engine)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        for frame in list(body.iter(_D + "frame")):
            image = frame.find(_D + "image")
            paragraph = next(frame.iterancestors(_T + "p", _T + "h"), None)
            if (
                image is None
                or paragraph is None
                or next(frame.iterancestors(_TB + "table-cell"), None) is not None
            ):
                continue
            path = (image.get(_XLINK_HREF) or "").removeprefix("./")
            found = _LENGTH.match(frame.get(_SVG_WIDTH) or "")
            if path not in names or (
                found and float(found.group(1)) * _CM_PER[found.group(2)] < _TABLE_PICTURE_CM
            ):
                continue
            try:
                picture = archive.read(path)
                clip = clips.get(frame.get(_D + "style-name") or "")
                table = pictures.read(
                    picture, gridtables.clip_framing(picture, clip) if clip else gridtables.Framing()
                )
            except (*ZIP_DAMAGE, KeyError):
                continue
            if table is None:
                continue
            made = [_odt_paragraph(line) for line in table.above]
            if table.labelled:
                made.append(_odt_table(table.rows, table.wide))
            else:  # spans, short rules: read as lines, as a .docx's (`corpus.word.picture_tables`)
                made += [_odt_paragraph(line) for line in table.lines]
            made += [_odt_paragraph(line) for line in table.below]
            pictures.place(paragraph, made)
    return pictures.unread


_FO_CLIP = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}clip"


def _clips(automatic) -> dict[str, tuple[float, float, float, float]]:  # type: ignore[no-untyped-def]
    """The graphic styles that clip their picture (``fo:clip="rect(top, right, bottom, left)"``, as Writer
    saves a picture cropped in it): the centimetres cut off each side, by style name."""
    clips: dict[str, tuple[float, float, float, float]] = {}
    if automatic is None:
        return clips
    for style in automatic.iterfind(_S + "style"):
        properties = style.find(_S + "graphic-properties")
        found = re.match(
            r"^\s*rect\((.*)\)\s*$", (properties.get(_FO_CLIP) or "") if properties is not None else ""
        )
        if style.get(_S + "family") != "graphic" or not found:
            continue
        sides = [_LENGTH.match(side) for side in re.split(r"[,\s]+", found.group(1).strip())]
        if len(sides) != 4:
            continue
        cm = tuple(float(m.group(1)) * _CM_PER[m.group(2)] if m else 0.0 for m in sides)
        if any(cm):
            clips[style.get(_S + "name") or ""] = (cm[0], cm[1], cm[2], cm[3])
    return clips


def _odt_paragraph(text: str):  # type: ignore[no-untyped-def]
    from lxml import etree

    p = etree.Element(_T + "p")
    p.text = text
    return p


def _odt_table(rows: tuple[tuple[str, ...], ...], wide: frozenset[int]):  # type: ignore[no-untyped-def]
    """A Writer table of `rows`, the rows in `wide` one cell across it."""
    from lxml import etree

    width = max((len(row) for row in rows), default=1)
    table = etree.Element(_TB + "table")
    etree.SubElement(table, _TB + "table-column").set(_TB + "number-columns-repeated", str(width))
    for n, row in enumerate(rows):
        tr = etree.SubElement(table, _TB + "table-row")
        if n in wide:
            cell = etree.SubElement(tr, _TB + "table-cell")
            cell.set(_TB + "number-columns-spanned", str(width))
            etree.SubElement(cell, _T + "p").text = next((c for c in row if c), "")
            for _ in range(width - 1):
                etree.SubElement(tr, _TB + "covered-table-cell")
            continue
        for text in (*row, *("",) * (width - len(row))):
            etree.SubElement(etree.SubElement(tr, _TB + "table-cell"), _T + "p").text = text
    return table


def _common_styles(root, styles_root) -> list:  # type: ignore[no-untyped-def, type-arg]
    """The office:styles (named styles) of a document: styles.xml's, or a flat document's own."""
    return [r.find(_O + "styles") for r in (styles_root, root) if r is not None]


def _first_page_header_lines(root, styles_root, body) -> list[str]:  # type: ignore[no-untyped-def]
    """The lines of the header printed on the first page alone, else []: the first page's own header of the
    page style the body starts with (ODF 1.3's style:header-first, LibreOffice's loext:header-first), or the
    header of a page style for one page — one whose next page style is another, as LibreOffice keeps Word's
    「首页不同」 (「First Page」, then 「Standard」). A header on every page runs over the pages: not read. A table
    row in it is one line, its cells joined (文号 | 签发人)."""
    holder = styles_root if styles_root is not None else root
    masters = {
        page.get(_S + "name"): page for page in holder.iter(_S + "master-page") if page.get(_S + "name")
    }
    if not masters:
        return []
    name = _first_master_page(root, styles_root, body) or "Standard"
    page = masters.get(name)
    if page is None:
        return []
    header = page.find(_S + "header-first")
    if header is None:
        header = page.find(_LO + "header-first")
    if header is None:
        following = page.get(_S + "next-style-name")
        if not following or following == name:
            return []
        after = masters.get(following)
        if after is not None and after.get(_S + "next-style-name") == name:
            return []  # two page styles taking turns (left and right pages): its header runs on every other page
        header = page.find(_S + "header")
    if header is None or header.get(_S + "display") == "false":
        return []
    _drop_struck(
        header, _Strikes.parse(holder.find(_O + "automatic-styles"), *_common_styles(root, styles_root))
    )
    lines: list[str] = []
    for element in header:
        if element.tag in (_T + "p", _T + "h"):
            lines.append(_text(element, [], []))
        elif element.tag == _TB + "table":
            for row in _rows_of(element):
                cells = row.iterchildren(_TB + "table-cell")
                lines.append(
                    "".join(_text(p, [], []) for cell in cells for p in cell.iter(_T + "p", _T + "h"))
                )
    return lines


def _first_master_page(root, styles_root, body) -> str | None:  # type: ignore[no-untyped-def]
    """The page style (style:master-page-name) the body's first paragraph or table starts, None for none:
    the first of office:text's own, or the first in a section or list it starts with; what comes before it
    and is not the body's flow (tracked changes, sequence declarations, a frame anchored to the page, a
    paragraph's text box) is passed over."""
    first = _first_of_flow(body)
    if first is None:
        return None
    family, attribute = (
        ("table", _TB + "style-name") if first.tag == _TB + "table" else ("paragraph", _T + "style-name")
    )
    wanted = first.get(attribute)
    for container in (root.find(_O + "automatic-styles"), *_common_styles(root, styles_root)):
        if container is None or not wanted:
            continue
        for style in container.iterfind(_S + "style"):
            if style.get(_S + "name") == wanted and style.get(_S + "family") == family:
                return style.get(_S + "master-page-name") or None
    return None


_FLOW_CONTAINERS = frozenset((_T + "section", _T + "list", _T + "list-item", _T + "list-header"))


def _first_of_flow(element):  # type: ignore[no-untyped-def]
    """The first text:p, text:h or table:table of `element`'s own flow (into sections and lists), None."""
    for child in element:
        if child.tag in (_T + "p", _T + "h", _TB + "table"):
            return child
        if child.tag in _FLOW_CONTAINERS:
            found = _first_of_flow(child)
            if found is not None:
                return found
    return None


_LINE_THROUGH = (_S + "text-line-through-style", _S + "text-line-through-type")


@dataclass(frozen=True)
class _Strikes:
    """Which text and paragraph styles strike their text through (「删除线」: style:text-line-through-style
    other than none), by (family, name), each with the style it inherits from."""

    own: dict[tuple[str, str], bool | None]
    parents: dict[tuple[str, str], str]
    defaults: dict[str, bool] = field(default_factory=dict)

    @classmethod
    def parse(cls, *containers) -> _Strikes:  # type: ignore[no-untyped-def]
        """The styles of `containers` (office:automatic-styles, office:styles), the first naming one winning."""
        own: dict[tuple[str, str], bool | None] = {}
        parents: dict[tuple[str, str], str] = {}
        defaults: dict[str, bool] = {}
        for container in containers:
            if container is None:
                continue
            for style in container.iterfind(_S + "style"):
                key = (style.get(_S + "family") or "", style.get(_S + "name") or "")
                if key[0] not in ("text", "paragraph") or key in own:
                    continue
                own[key] = _line_through(style)
                if style.get(_S + "parent-style-name"):
                    parents[key] = style.get(_S + "parent-style-name") or ""
            for style in container.iterfind(_S + "default-style"):
                family = style.get(_S + "family") or ""
                value = _line_through(style)
                if family in ("text", "paragraph") and value is not None:
                    defaults.setdefault(family, value)
        return cls(own, parents, defaults)

    def struck(self, family: str, name: str | None) -> bool | None:
        """Whether a style (or the nearest style it inherits from that says, else the family's default
        style, style:default-style) strikes its text through; None when none of them says."""
        seen = 0
        while name and seen < 20:
            value = self.own.get((family, name))
            if value is not None:
                return value
            name = self.parents.get((family, name))
            seen += 1
        return self.defaults.get(family)


def _line_through(style) -> bool | None:  # type: ignore[no-untyped-def]
    """Whether a style's own text properties strike through (not 「none」), None when they do not say."""
    properties = style.find(_S + "text-properties")
    if properties is not None:
        for attribute in _LINE_THROUGH:
            if properties.get(attribute) is not None:
                return properties.get(attribute) != "none"
    return None


_STRUCK_OWNERS = {_T + "p": "paragraph", _T + "h": "paragraph", _T + "span": "text", _T + "a": "text"}


def _drop_struck(element, strikes: _Strikes, struck: bool = False) -> None:  # type: ignore[no-untyped-def]
    """Take out the text a style strikes through (Writer's 「删除线」, as a clerk cancels an old date and types
    the new one after it), as a tracked deletion is left out: a span's own style decides for its words, else
    the span it is in, else its paragraph's style (a whole struck paragraph reads as nothing; a span whose
    style says 「none」 in it is read). A paragraph (a note's, a text box's) starts from its own style. A note
    anchored in struck words goes with them."""
    family = _STRUCK_OWNERS.get(element.tag)
    if family == "paragraph":
        struck = bool(strikes.struck(family, element.get(_T + "style-name")))
    elif family is not None:
        own = strikes.struck(family, element.get(_T + "style-name"))
        struck = struck if own is None else own
    if struck:
        element.text = None
    for child in list(element):
        if not isinstance(child.tag, str):
            continue
        if struck and child.tag in (_T + "s", _T + "tab", _T + "line-break", _T + "note"):
            element.remove(
                child
            )  # its spaces or line break, or a note anchored in the struck words; its tail is struck too
            continue
        if child.tag != _O + "annotation":  # a comment's author, date and words are never struck body text
            _drop_struck(child, strikes, struck)
        if struck:
            child.tail = None


_DC = "{http://purl.org/dc/elements/1.1/}"


def annotations(body) -> list[Remark]:  # type: ignore[no-untyped-def]
    """The comments (office:annotation) in the body, in document order (a reply, anchored after the comment
    it answers, follows it), each with its author and the words between it and its office:annotation-end
    (none for a comment on a point). A comment inside what is never text (a tracked deletion, a hidden
    paragraph) is not read."""
    from lxml import etree

    found = []
    words: dict[str, list[str]] = {}
    open_ranges: list[str] = []
    skipping = None  # the element never text that the walk is in

    def add(text: str | None) -> None:
        if text:
            for name in open_ranges:
                words[name].append(text)

    for event, element in etree.iterwalk(body, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if skipping is not None:
            if event == "end" and element is skipping:
                skipping = None
                add(element.tail)
            continue
        if event == "end":
            if element is not body:
                add(element.tail)
            continue
        name = element.get(_O + "name") or ""
        if tag == _O + "annotation":
            found.append(element)
            if name:
                open_ranges.append(name)
                words[name] = []
        elif tag == _O + "annotation-end" and name in open_ranges:
            open_ranges.remove(name)
        if tag in _SKIPPED:
            skipping = element
        else:
            add(element.text)
    remarks = []
    for annotation in found:
        author = annotation.find(_DC + "creator")
        paragraphs = tuple(_text(p, [], []) for p in annotation.iter(_T + "p", _T + "h"))
        name = annotation.get(_O + "name") or ""
        text = "".join(words.get(name, [])) if name else ""
        # Writer's 「已解决」 (loext:resolved, LibreOffice 7.2+); 7.4 keeps no reply's link to its comment
        resolved = annotation.get(_LO + "resolved") == "true"
        remarks.append(
            Remark(paragraphs, author.text or "" if author is not None else "", text, resolved=resolved)
        )
    return remarks


def _flat_parts(name: str, data: bytes) -> tuple[bytes, None, dict[str, bytes]]:
    """A flat OpenDocument text's one XML file, as content.xml (it holds the styles too), after checking it
    is a text document: another flat document (.fods, .fodp) is named as what it is."""
    if not is_flat_odt(data):
        found = re.search(rb'office:mimetype="application/vnd\.oasis\.opendocument\.([a-z]+)', data[:16384])
        if found is not None:
            kind = OPENDOCUMENT_KINDS.get(found.group(1).decode("ascii"), "其他格式")
            raise UnreadableFile(f"{name} 是 OpenDocument {kind}，不是文字文档（只能添加文字文档）")
        raise UnreadableFile(f"{name} 不是有效的 OpenDocument 文本（不是 ODF 文档，也不是平面 XML 文档）")
    return data, None, {}  # a flat document's formulas are inline, in their draw:object


def _parts(name: str, data: bytes) -> tuple[bytes, bytes | None, dict[str, bytes]]:
    """content.xml and styles.xml of the archive, after checking it is an unencrypted text document, and
    the content.xml of each embedded object that is a formula (MathML), by its folder (「Object 1」)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            refuse_zip_bomb(name, archive, len(data))
            names = set(archive.namelist())
            mimetype = (
                archive.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in names else ""
            )
            if mimetype and mimetype not in _TEXT_MIMETYPES:
                kind = next((v for k, v in OPENDOCUMENT_KINDS.items() if k in mimetype), "其他格式")
                raise UnreadableFile(f"{name} 是 OpenDocument {kind}，不是文字文档（只能添加文字文档）")
            if "word/document.xml" in names:
                raise UnreadableFile(f"{name} 其实是 Word 文档（.docx）：请把扩展名改为 .docx 再添加")
            if "content.xml" not in names:
                raise UnreadableFile(f"{name} 不是有效的 OpenDocument 文本（缺少 content.xml）")
            if "META-INF/manifest.xml" in names and b"encryption-data" in archive.read(
                "META-INF/manifest.xml"
            ):
                raise UnreadableFile(
                    f"这个文档设有打开密码：{name}（请用密码打开后取消密码，另存为不加密的文件再添加）"
                )
            content = archive.read("content.xml")
            styles = archive.read("styles.xml") if "styles.xml" in names else None
            objects = {}
            for part in names:
                folder, _, rest = part.partition("/")
                if rest == "content.xml" and folder and archive.getinfo(part).file_size <= _FORMULA_SIZE:
                    held = archive.read(part)
                    if _MATHML_MARK in held[:2048]:
                        objects[folder] = held
    except zipfile.BadZipFile as e:
        raise damaged(f"{name} 无法解压：文件已损坏或不完整，不是有效的 .odt 文件") from e
    except ZIP_DAMAGE as e:
        raise damaged(f"{name} 不是有效的 OpenDocument 文本（内容已损坏）") from e
    return content, styles, objects


_MATHML_MARK = b"http://www.w3.org/1998/Math/MathML"
_FORMULA_SIZE = 1 << 20  # a formula's MathML is a few KB; a larger object is no formula worth reading
_FORMULA = "{urn:speechqa:equations}formula"  # set on the span standing for a formula: "display" or "inline"


def formulas_as_text(body, objects: dict[str, bytes]) -> None:  # type: ignore[no-untyped-def]
    """Replace each formula in the body (a draw:frame holding a draw:object that is LibreOffice Math's: its
    MathML in the object's folder, 「Object 1/content.xml」, or inline in a flat document) by a span of its
    linear text (corpus.equations.mathml_text), where the frame stood, so the paragraph and the reference
    text read it as a .docx's Office Math is read.

    A formula alone in its paragraph is a display formula, as Writer and Word draw it: its rows (a one-column
    stack) are lines of their own, the paragraph's reader gives each a block of kind "equation". A formula
    inside a sentence is read inside it, its rows (if any) set apart by line breaks."""
    from lxml import etree

    from .equations import MATHML, mathml_text

    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
    for frame in list(body.iter(_D + "frame")):
        found = frame.find(_D + "object")
        if found is None:
            continue
        math = found.find(MATHML + "math")
        if math is None:
            href = (found.get(_XLINK_HREF) or "").removeprefix("./").rstrip("/")
            if href not in objects:
                continue
            try:
                math = etree.fromstring(objects[href], parser)
            except etree.XMLSyntaxError:
                continue
            if math.tag != MATHML + "math":
                continue
        rows = [row for row in mathml_text(math).split("\n") if row.strip()]
        paragraph = next(frame.iterancestors(_T + "p", _T + "h"), None)
        parent = frame.getparent()
        if parent is None or paragraph is None or not rows:
            if parent is not None:
                _drop(frame)
            continue
        alone = not _text_beside(paragraph, frame)
        span = etree.Element(_T + "span")
        span.set(_FORMULA, "display" if alone or len(rows) > 1 else "inline")
        # rows a line apart; a formula of several rows beside text set apart from it, as it is drawn
        lines = rows if alone or len(rows) == 1 else ["", *rows, ""]
        span.text = lines[0]
        for line in lines[1:]:
            etree.SubElement(span, _T + "line-break").tail = line
        span.tail = frame.tail
        parent.replace(frame, span)


def _formula_rows(p) -> frozenset[str]:  # type: ignore[no-untyped-def]
    """The rows of the display formulas `formulas_as_text` put in a paragraph, each a line of its own."""
    rows = set()
    for span in p.iter(_T + "span"):
        if span.get(_FORMULA) == "display":
            rows.update(_clean(line) for line in shown_text(span).split("\n"))
    return frozenset(row for row in rows if row)


def _drop(element) -> None:  # type: ignore[no-untyped-def]
    """Remove `element`, keeping the text after it."""
    parent = element.getparent()
    previous = element.getprevious()
    if element.tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _text_beside(paragraph, frame) -> bool:  # type: ignore[no-untyped-def]
    """Whether the paragraph shows text other than the formula `frame` (and other formulas)."""
    from .equations import MATHML

    def shown(element) -> bool:  # type: ignore[no-untyped-def]
        if (element.text or "").strip() and element is not frame:
            return True
        for child in element:
            if not isinstance(child.tag, str) or child.tag in _SKIPPED:
                pass
            elif child is frame or (
                child.tag == _D + "frame"
                and (held := child.find(_D + "object")) is not None
                and (held.find(MATHML + "math") is not None or held.get(_XLINK_HREF))
            ):
                pass  # a formula (an object), not text beside it
            elif child.tag == _D + "frame" or child.tag.startswith(_D):
                pass  # a picture or a drawing
            elif shown(child):
                return True
            if (child.tail or "").strip():
                return True
        return False

    return shown(paragraph)


@dataclass(frozen=True)
class _Level:
    fmt: str  # a corpus.numbering format name; "none" for a bullet or no number
    prefix: str
    suffix: str
    display: int  # how many levels the number shows (text:display-levels)
    start: int
    template: str | None  # loext:num-list-format, 「%1%、」「（%2%）」「%1%.%2%」
    joined: bool  # text:label-followed-by="nothing": the text follows the number directly


@dataclass(frozen=True)
class _Styles:
    """Paragraph styles (name → parent, display name, outline level) and list styles by name."""

    parents: dict[str, str]
    names: dict[str, str]
    outline: dict[str, int]
    lists: dict[str, dict[int, _Level]]
    outline_levels: dict[int, _Level]

    @classmethod
    def parse(cls, *roots) -> _Styles:  # type: ignore[no-untyped-def]
        parents: dict[str, str] = {}
        names: dict[str, str] = {}
        outline: dict[str, int] = {}
        lists: dict[str, dict[int, _Level]] = {}
        outline_levels: dict[int, _Level] = {}
        for root in roots:
            if root is None:
                continue
            for style in root.iter(_S + "style"):
                if style.get(_S + "family") != "paragraph" or not style.get(_S + "name"):
                    continue
                name = style.get(_S + "name")
                names[name] = style.get(_S + "display-name") or name.replace("_20_", " ")
                if style.get(_S + "parent-style-name"):
                    parents[name] = style.get(_S + "parent-style-name")
                level = _int(style.get(_S + "default-outline-level"))
                if level is not None:
                    outline[name] = level
            for list_style in root.iter(_T + "list-style"):
                lists[list_style.get(_S + "name") or ""] = _levels(list_style)
            for outline_style in root.iter(_T + "outline-style"):
                outline_levels = _levels(outline_style)
        return cls(parents, names, outline, lists, outline_levels)

    def kind(self, style: str | None) -> tuple[str, int]:
        """The kind a paragraph style (or one it is based on) gives a text:p."""
        seen = 0
        while style and seen < 20:
            named = named_kind(self.names.get(style, style.replace("_20_", " ")))
            if named is not None:
                return named
            level = self.outline.get(style)
            if level:
                return "heading", level
            style = self.parents.get(style)
            seen += 1
        return "paragraph", 0


def _levels(list_style) -> dict[int, _Level]:  # type: ignore[no-untyped-def]
    out = {}
    for level_style in list_style:
        level = _int(level_style.get(_T + "level"))
        if level is None or not 1 <= level <= _LEVELS:
            continue
        tag = level_style.tag
        numbered = tag in (_T + "list-level-style-number", _T + "outline-level-style")
        raw = level_style.get(_S + "num-format") or ""
        fmt = _NUM_FORMATS.get(raw, "decimal" if raw else "none") if numbered else "none"
        out[level] = _Level(
            fmt=fmt,
            prefix=level_style.get(_S + "num-prefix") or "",
            suffix=level_style.get(_S + "num-suffix") or "",
            display=max(1, _int(level_style.get(_T + "display-levels")) or 1),
            start=_int(level_style.get(_T + "start-value")) or 1,
            template=level_style.get(_LO + "num-list-format") if numbered else None,
            joined=any(
                alignment.get(_T + "label-followed-by") == "nothing"
                for alignment in level_style.iter(_S + "list-level-label-alignment")
            ),
        )
    return out


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


@dataclass
class _Counters:
    """One list's counters (a list and the lists that continue it share them)."""

    levels: dict[int, _Level]
    values: list[int | None] = field(default_factory=lambda: [None] * (_LEVELS + 1))

    def label(self, level: int, start: int | None) -> str:
        """The next number at `level`, with what follows it: 「一、」, 「1. 」 (a tab or a space after it
        reads as one space, as in corpus.numbering), 「①」 when nothing follows (label-followed-by)."""
        definition = self.levels.get(level)
        if definition is None:
            return ""
        previous = self.values[level]
        if start is not None:
            self.values[level] = start
        else:
            self.values[level] = definition.start if previous is None else previous + 1
        for deeper in range(level + 1, _LEVELS + 1):
            self.values[deeper] = None
        if definition.fmt == "none":
            return ""
        label = _label(self.levels, level, self.values)
        return label if definition.joined else with_label(label, "x")[:-1]


def _label(levels: dict[int, _Level], level: int, values: list[int | None]) -> str:
    definition = levels[level]

    def number(n: int) -> str:
        own = levels.get(n)
        value = values[n]
        if value is None:
            value = own.start if own is not None else 1
        return format_number(value, own.fmt if own is not None and own.fmt != "none" else "decimal")

    if definition.template:
        return re.sub(
            r"%(\d)%",
            lambda m: number(int(m.group(1))) if 1 <= int(m.group(1)) <= level else "",
            definition.template,
        )
    shown = range(max(1, level - definition.display + 1), level + 1)
    return definition.prefix + ".".join(number(n) for n in shown) + definition.suffix


class _Reader:
    """The block walk over office:text."""

    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.notes = NotePlacement()
        self.chains: dict[str, _Counters] = {}  # xml:id of a list → the counters it uses
        self.last_by_style: dict[str, _Counters] = {}
        self.outline = _Counters(styles.outline_levels)

    def read(self, body) -> list[Block]:  # type: ignore[no-untyped-def]
        out = list(self.container(body))
        out.extend(self.notes.rest())
        return out

    def container(self, element) -> Iterator[Block]:  # type: ignore[no-untyped-def]
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag in (_T + "p", _T + "h"):
                yield from self.paragraph(child)
            elif tag == _T + "list":
                yield from self.list(child, None, 1)
            elif tag == _TB + "table" and (cell := _frame_cell(child)) is not None:
                yield from self.container(cell)
            elif tag == _TB + "table":
                yield from self.table(child)
            elif tag in (_T + "section", _T + "index-body", _O + "forms", _T + "numbered-paragraph"):
                yield from self.container(child)

    def list(self, element, counters: _Counters | None, level: int) -> Iterator[Block]:  # type: ignore[no-untyped-def]
        if counters is None:
            style = element.get(_T + "style-name") or ""
            continued = element.get(_T + "continue-list")
            if continued and continued in self.chains:
                counters = self.chains[continued]
            elif element.get(_T + "continue-numbering") == "true" and style in self.last_by_style:
                counters = self.last_by_style[style]
            else:
                counters = _Counters(self.styles.lists.get(style, {}))
            self.last_by_style[style] = counters
        identifier = element.get("{http://www.w3.org/XML/1998/namespace}id")
        if identifier:
            self.chains[identifier] = counters
        for item in element:
            if item.tag not in (_T + "list-item", _T + "list-header"):
                continue
            numbered = item.tag == _T + "list-item"
            start = _int(item.get(_T + "start-value"))
            first = True
            for child in item:
                tag = child.tag
                if tag in (_T + "p", _T + "h"):
                    label = counters.label(level, start) if numbered and first else ""
                    first = False
                    yield from self.paragraph(child, label)
                elif tag == _T + "list":
                    yield from self.list(child, counters, level + 1)
                elif tag == _TB + "table":
                    yield from self.table(child)

    def paragraph(self, p, label: str | None = None) -> Iterator[Block]:  # type: ignore[no-untyped-def]
        notes: list[Block] = []
        boxes: list = []  # type: ignore[type-arg]
        raw = _text(p, notes, boxes)
        text = _clean(raw)
        kind, level = self.styles.kind(p.get(_T + "style-name"))
        if p.tag == _T + "h" and kind not in ("title", "subtitle"):
            kind, level = "heading", _int(p.get(_T + "outline-level")) or 1
            if label is None and p.get(_T + "is-list-header") != "true" and 1 <= level <= _LEVELS:
                restart = p.get(_T + "restart-numbering") == "true"
                label = self.outline.label(level, _int(p.get(_T + "start-value")) if restart else None)
        block = None
        rows = _formula_rows(p) if kind == "paragraph" else frozenset()
        if text and rows:
            # a display formula's rows: each a line of its own, never joined to the text around it
            for piece in ((label or "") + raw).split("\n"):
                if (line := _clean(piece)) in rows:
                    block = Block(text=line, kind="equation")
                    yield block
                elif line:
                    for part in broken_lines(line, _clean):
                        block = Block(text=part, kind=kind, level=level)
                        yield block
        elif text and kind == "paragraph":
            for line in broken_lines((label or "") + raw, _clean):
                block = Block(text=line, kind=kind, level=level)
                yield block
        elif text:
            block = Block(text=_clean((label or "") + text), kind=kind, level=level)
            yield block
        yield from self.notes.after(block, [b for note in notes for b in self._note_blocks(note)])
        for box in boxes:
            yield from self.container(box)

    def _note_blocks(self, note_body) -> list[Block]:  # type: ignore[no-untyped-def]
        out = []
        for block in _Reader(self.styles).container(note_body):
            out.append(Block(text=block.text, kind="table_row" if block.kind == "table_row" else "note"))
        return out

    def table(self, element) -> Iterator[Block]:  # type: ignore[no-untyped-def]
        notes: list = []  # type: ignore[type-arg]
        rows = _table_rows(element, notes)
        yield from table_blocks(rows)
        yield from self.notes.after(None, [b for note in notes for b in self._note_blocks(note)])


def _frame_cell(table):  # type: ignore[no-untyped-def]
    """The cell of a table that is one cell holding several paragraphs (a frame drawn around text, as an
    OA system exports a whole notice), else None: its paragraphs are read as the body's are (see
    corpus.word._frame_cell)."""
    rows = list(_rows_of(table))
    if len(rows) != 1:
        return None
    cells = [cell for cell in rows[0] if cell.tag in (_TB + "table-cell", _TB + "covered-table-cell")]
    if len(cells) != 1 or cells[0].tag != _TB + "table-cell":
        return None
    filled = sum(
        1
        for child in cells[0]
        if child.tag == _TB + "table"
        or (child.tag in (_T + "p", _T + "h", _T + "list") and "".join(child.itertext()).strip())
    )
    return cells[0] if filled >= 2 else None


def _rows_of(table) -> Iterator:  # type: ignore[type-arg, no-untyped-def]
    for child in table:
        if child.tag == _TB + "table-row":
            repeat = min(_int(child.get(_TB + "number-rows-repeated")) or 1, 100)
            for _ in range(repeat):
                yield child
        elif child.tag in (_TB + "table-header-rows", _TB + "table-rows", _TB + "table-row-group"):
            yield from _rows_of(child)


def _columns(table) -> int:  # type: ignore[no-untyped-def]
    count = 0
    for column in table.iter(_TB + "table-column"):
        if next(column.iterancestors(_TB + "table")) is table:
            count += min(_int(column.get(_TB + "number-columns-repeated")) or 1, 1000)
    return count


def _table_rows(table, notes: list) -> list[list[str] | str]:  # type: ignore[type-arg, no-untyped-def]
    """A table's rows as corpus.tables wants them: cells by grid column, a row-spanning cell's text on
    each row it covers, a single cell across the whole table as one string."""
    width = _columns(table)
    spanned: dict[tuple[int, int], str] = {}  # (row, column) → the text a cell spanning rows shows there
    out: list[list[str] | str] = []
    for r, tr in enumerate(_rows_of(table)):
        row: list[str] = []
        whole: str | None = None
        for cell in tr:
            if cell.tag not in (_TB + "table-cell", _TB + "covered-table-cell"):
                continue
            repeat = min(_int(cell.get(_TB + "number-columns-repeated")) or 1, 1000)
            for _ in range(repeat):
                column = len(row)
                if cell.tag == _TB + "covered-table-cell":
                    row.append(spanned.get((r, column), ""))
                    continue
                text = _cell_text(cell, notes)
                row.append(text)
                rows_spanned = _int(cell.get(_TB + "number-rows-spanned")) or 1
                for below in range(1, min(rows_spanned, 1000)):
                    spanned[(r + below, column)] = text
                columns_spanned = _int(cell.get(_TB + "number-columns-spanned")) or 1
                if column == 0 and columns_spanned >= max(width, 2) and rows_spanned == 1:
                    whole = text
        out.append(whole if whole is not None else row)
    return out


def _cell_text(cell, notes: list) -> str:  # type: ignore[type-arg, no-untyped-def]
    """A cell's paragraphs (a nested table's, cell by cell) joined by spaces."""
    parts: list[str] = []

    def collect(container) -> None:  # type: ignore[no-untyped-def]
        for child in container:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag in (_T + "p", _T + "h"):
                boxes: list = []  # type: ignore[type-arg]
                text = _clean(_text(child, notes, boxes))
                if text:
                    parts.append(text)
                for box in boxes:
                    collect(box)
            elif tag in (_T + "list", _T + "list-item", _T + "list-header", _T + "section"):
                collect(child)
            elif tag == _TB + "table":
                for tr in _rows_of(child):
                    for inner in tr:
                        if inner.tag == _TB + "table-cell":
                            collect(inner)

    collect(cell)
    return _clean(" ".join(parts))


def _text(p, notes: list, boxes: list) -> str:  # type: ignore[type-arg, no-untyped-def]
    """A paragraph's visible text; the bodies of the notes it references go to `notes`, the text boxes
    anchored in it to `boxes`."""
    parts: list[str] = []

    def walk(element) -> None:  # type: ignore[no-untyped-def]
        if element.text:
            parts.append(element.text)
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                pass
            elif tag == _T + "s":
                parts.append(" " * min(_int(child.get(_T + "c")) or 1, 100))
            elif tag == _T + "tab":
                parts.append("\t")
            elif tag == _T + "line-break":
                parts.append("\n")
            elif tag == _T + "note":
                body = child.find(_T + "note-body")
                if body is not None:
                    notes.append(body)
            elif tag == _D + "text-box":
                boxes.append(child)
            elif tag == _D + "frame" or tag == _D + "a":
                for box in child.iter(_D + "text-box"):
                    boxes.append(box)
            elif tag.startswith(_D):
                pass  # a drawing's shapes and captions are not body text
            else:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(p)
    return "".join(parts)


def reference_text(body) -> str:  # type: ignore[no-untyped-def]
    """Every text:p and text:h of the body at any depth (lists, tables, sections, notes, text boxes), one
    line per paragraph of the text nodes whose nearest paragraph it is.

    Deliberately simple and separate from the block walk: only what is never body text is left out —
    tracked deletions, comments, a note's citation mark, ruby guides, hidden text, generated indexes.
    """
    paragraphs = (_T + "p", _T + "h")

    def own(element, parts: list[str]) -> None:  # type: ignore[no-untyped-def]
        if element.text:
            parts.append(element.text)
        for child in element:
            tag = child.tag
            if (
                isinstance(tag, str)
                and tag not in _SKIPPED
                and tag not in paragraphs
                and tag != _T + "note-body"
            ):
                if tag == _T + "s":
                    parts.append(" ")
                elif tag == _T + "line-break":
                    parts.append("\n")
                else:
                    own(child, parts)
            if child.tail:
                parts.append(child.tail)

    lines = []
    for p in body.iter(*paragraphs):
        if any(a.tag in _SKIPPED for a in p.iterancestors()):
            continue
        parts: list[str] = []
        own(p, parts)
        lines.extend(_clean(line) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _clean(text: str) -> str:
    return re.sub(r"[ \t\u00a0]+", " ", text.replace("\r", " ").replace("\n", " ")).strip()
