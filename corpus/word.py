"""Word documents: .docx read with its structure (styles, tables in place); .doc through antiword/LibreOffice.

What a .docx says about itself is kept as Blocks: Title/Subtitle/Heading N styles (or a paragraph's
outline level) give the kind; every table row becomes one block in document order whose cells are
labelled by the header row (「项目：健康体检；标准：每年一次」). Footnotes and endnotes are part of what
the speech says (「数据截至2024年3月底」): each is a "note" block of its own after what references it.
Page headers and footers are not part of the body in a .docx (they live in their own parts), and are
deliberately left out: they hold the issuing office's name and page numbers, never speech text — but
for a 红头 a template keeps in the first page's own header (「首页不同」): its masthead and 文号 lines are
read as the document's first lines (`_header_masthead`), a 文号 set in a table row of that header too. Words
struck through (「删除线」), by the run's own formatting or by its character or paragraph style (corpus.strikes),
are left out as a tracked deletion is.
Numbers Word generates for numbered paragraphs (「一、」「第三条」, see corpus.numbering) are read as text.
Reviewers' comments (Word's 「审阅 › 新建批注」, ``word/comments.xml``) are read after the body under 「批注」,
each a "note" block naming its author and quoting the words it was made on (corpus.notes.remark_blocks).
"""

from __future__ import annotations

import io
import itertools
import logging
import posixpath
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from . import cfb, gridtables, ocr
from .charts import CHART_URI, read_chart
from .clean import is_complete
from .columns import printed_blocks
from .equations import equation_rows, equations_as_text
from .errors import CorpusError, UnreadableFile, damaged
from .layout import Line, Page, broken_lines
from .mastheads import first_page_head
from .notes import NotePlacement, Remark, remark_blocks, threads
from .numbering import ListDefinitions, list_labels, mark_removed
from .odt import OPENDOCUMENT_KINDS
from .records import Block
from .revisions import doc_characters, without_deletions
from .strikes import StyleStrikes, mark_style_strikes
from .styles import named_kind
from .tables import table_blocks
from .zipped import ZIP_DAMAGE, refuse_zip_bomb

log = logging.getLogger(__name__)

# The other names of a .docx's package: a template (.dotx; .dotm with macros) and a macro-enabled document
# (.docm) hold the same WordprocessingML, their main part only typed otherwise (Word's and Writer's 「另存为」)
WORD_PACKAGE_SUFFIXES = (".dotx", ".docm", ".dotm")
_DOCUMENT_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OTHER_MAINS = (
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    b"application/vnd.ms-word.document.macroEnabled.main+xml",
    b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)

_CONVERT_TIMEOUT = 120
_T = TypeVar("_T")


@dataclass(frozen=True)
class WordText:
    """What a Word file holds: its body as blocks, and a second, independent extraction of its text.

    reference is every visible w:t of the main document part and of the notes it references, one line
    per paragraph (table cells and text boxes included, deleted revisions and field codes not), gathered without the block walk that
    makes the blocks: `add --check` compares the passages with it, so text the walk loses is noticed.
    converter says how the file was read: "docx", "doc/soffice" or "doc/antiword" (a .wps: "wps/…").
    """

    blocks: tuple[Block, ...]
    reference: str
    converter: str
    notes: tuple[str, ...] = ()


def _typed_as_document(data: bytes) -> bytes:
    """The package with its main part typed as a document's when it is a template's or a macro-enabled
    one's (python-docx opens only a document's); any other package as it is. Nothing else changes: the
    macros (vbaProject.bin) are never run or read."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        try:
            types = archive.read("[Content_Types].xml")
        except KeyError:
            return data
        if not any(main in types for main in _OTHER_MAINS):
            return data
        for main in _OTHER_MAINS:
            types = types.replace(main, _DOCUMENT_MAIN)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as typed:
            for item in archive.infolist():
                content = types if item.filename == "[Content_Types].xml" else archive.read(item)
                typed.writestr(item, content)
    return out.getvalue()


def read_docx(name: str, data: bytes) -> WordText:
    """The body of a .docx as blocks, in document order, with its reference text.

    A .docx saved with an open password is not a zip but a compound file holding the encrypted
    package: it is refused with the fix. A Word 97–2003 .doc saved under a .docx name is read as a .doc.
    """
    if cfb.is_cfb(data):
        contents = cfb.contents(data)
        if contents is not None and contents.encrypted:
            raise UnreadableFile(_password_message(name))
        if contents is None:
            raise damaged(f"{name} 不是有效的 Word 文档（内容已损坏）")
        if contents.word_document:
            return read_doc(name, data)
        raise UnreadableFile(f"{name} 不是 Word 文档（是其他旧版 Office 格式的文件）")
    if is_word_xml(data):
        return read_word_xml(name, data)
    _check_archive(name, data)
    import docx
    from docx.oxml import parse_xml

    try:
        document = docx.Document(io.BytesIO(_typed_as_document(data)))
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            fill_from_package(document.element.body, archive, _parser(), parse_xml)
            unread = picture_tables(name, document.element.body, archive, _parser(), parse_xml)
        mark_style_strikes(document.element.body, _style_strikes(document))
        laid = _printed_line_blocks(document)
        blocks = laid if laid is not None else tuple(_blocks(document, list_definitions(data)))
        if laid is None:
            blocks = (*_header_masthead(document, blocks), *blocks)
        blocks = (*blocks, *remark_blocks(_comments(document)))
        reference = reference_text(data)
    except UnreadableFile:
        raise
    except Exception as e:  # python-docx raises many types for damaged files
        log.info("python-docx could not read %s: %r", name, e)
        raise damaged(f"{name} 不是有效的 Word 文档（内容已损坏）") from e
    return WordText(blocks, reference, "docx", (ocr.unread_table_pictures_note(unread),) if unread else ())


def _header_masthead(document, blocks: tuple[Block, ...]) -> tuple[Block, ...]:  # type: ignore[no-untyped-def]
    """The red masthead a 套红 template sets in the header of the first page alone (Word's 「首页不同」) rather
    than in the body: the line 「…文件」 naming an organ and the 文号 line under it (「砚泉老干发〔2035〕15号」),
    as the document's first lines, as they print — the body may name its issuer nowhere else (a seal for a
    落款), and its number nowhere at all. A header on every page runs over the pages and is not read (nor is
    any other header, nor any other line of this one). A line the body's first lines print too is not read
    twice, and the header's other line is read all the same: a body that repeats the masthead alone still
    gets its 文号 from the header (it lost it before)."""
    if not document.sections or not document.sections[0].different_first_page_header_footer:
        return ()
    header = document.sections[0].first_page_header
    if header.is_linked_to_previous:
        return ()
    mark_style_strikes(header._element, _style_strikes(document))
    return first_page_head(_header_lines(header._element), blocks)


def _header_lines(header) -> list[str]:  # type: ignore[no-untyped-def]
    """A header's lines as they print, in order: each paragraph's visible text (struck and hidden runs left
    out), and each row of a table in it as one line, its cells' text joined — a 公文 template sets the 文号
    and the 签发人 in the two cells of one borderless row (「砚泉老干发〔2035〕15号 | 签发人：张三」)."""
    lines: list[str] = []
    for element in _block_items(header):
        if element.tag == _W + "p":
            lines.append(_paragraph_text(element)[0])
        elif element.tag == _W + "tbl":
            for row in element.iterchildren(_W + "tr"):
                cells = [
                    "".join(_paragraph_text(p)[0] for p in cell.iter(_W + "p"))
                    for cell in row.iterchildren(_W + "tc")
                ]
                lines.append("".join(cells))
    return lines


def _style_strikes(document) -> StyleStrikes:  # type: ignore[no-untyped-def]
    """The strikes a document's styles give (corpus.strikes); none when it has no styles part."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        part = document.part.part_related_by(RT.STYLES)
    except KeyError:
        return StyleStrikes.parse(None)
    return StyleStrikes.parse(part.element)


_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_EMU_PER_POINT = 12700
# A page laid out as printed lines holds at least this many of them.
_MIN_PRINTED_LINES = 3
# A printed line's box is less than two lines high (its type size, Word's 10.5 pt when no run says).
_LINE_HEIGHTS = 2.0
_DEFAULT_SIZE = 10.5


def _printed_line_blocks(document) -> tuple[Block, ...] | None:  # type: ignore[no-untyped-def]
    """The blocks of a Word file that is a PDF's pages laid out line by line, else None.

    A PDF opened in LibreOffice Writer (its PDF import, 「用 LibreOffice 打开 PDF 另存为 Word」) and saved as
    .docx keeps every printed line as a text box of its own, placed where the line stood (DrawingML
    ``wp:anchor``, each page's boxes after the last page's, their offsets starting again from the top);
    the body itself holds no text. Read box by box, a title over two lines, its paragraph's first line
    and a page number were lines of their own, and the first line ran into the title. Here the boxes are
    read as the printed lines they are — their text, place, width and type size — and go through the
    reading PDF pages get (`corpus.columns.printed_blocks`): wrapped lines joined, page numbers dropped.
    A document with text of its own in the body, or with a box of more than one paragraph, is no such
    file."""
    body = document.element.body
    if any(
        (t.text or "").strip()
        for t in body.iter(_W + "t")
        if not any(a.tag == _W + "txbxContent" for a in t.iterancestors())
    ):
        return None
    anchors = list(body.iter(_WP + "anchor"))
    if len(anchors) < _MIN_PRINTED_LINES:
        return None
    if not document.sections:
        return None  # no page size to place the boxes on: read box by box, as before
    section = document.sections[0]
    width = (section.page_width or 0) / _EMU_PER_POINT
    height = (section.page_height or 0) / _EMU_PER_POINT
    left = (section.left_margin or 0) / _EMU_PER_POINT
    top = (section.top_margin or 0) / _EMU_PER_POINT
    if width <= 0 or height <= 0:
        return None
    pages: list[Page] = []
    lines: list[Line] = []
    for anchor in anchors:
        boxes = list(anchor.iter(_W + "txbxContent"))
        paragraphs = [p for box in boxes for p in box.iter(_W + "p")]
        if len(paragraphs) > 1:
            return None
        text = "".join(t.text or "" for p in paragraphs for t in p.iter(_W + "t"))
        if not text.strip():
            continue
        placed = _anchor_box(anchor, left, top)
        if placed is None:
            return None
        x0, y0, x1, y1 = placed
        if lines and y0 < lines[-1].top - height / 2:  # back at the top: the next page's lines
            pages.append(Page(lines=tuple(lines), width=width, height=height))
            lines = []
        sizes = [int(v) for s in anchor.iter(_W + "sz") if (v := s.get(_W + "val") or "").isdigit()]
        size = max(sizes, default=0) / 2
        if y1 - y0 > _LINE_HEIGHTS * (size or _DEFAULT_SIZE):
            return None  # a box holding a paragraph of several lines (a flyer's, a callout): no printed line
        lines.append(Line(text=text, x0=x0, x1=x1, top=y0, bottom=y1, size=size))
    if not lines:
        return None
    pages.append(Page(lines=tuple(lines), width=width, height=height))
    if sum(len(page.lines) for page in pages) < _MIN_PRINTED_LINES:
        return None
    return printed_blocks(pages)


def _anchor_box(anchor, left: float, top: float) -> tuple[float, float, float, float] | None:  # type: ignore[no-untyped-def]
    """A text box's place on its page in points (left, top, right, bottom), else None (placed by
    alignment, not by an offset). Offsets from the column, the margin or the paragraph (the body's first,
    at the top of the text) are counted from the page's margins."""
    found = []
    for axis, margin in (("positionH", left), ("positionV", top)):
        position = anchor.find(_WP + axis)
        offset = position.find(_WP + "posOffset") if position is not None else None
        if offset is None or not (offset.text or "").strip().lstrip("-").isdigit():
            return None
        base = 0.0 if position.get("relativeFrom") == "page" else margin
        found.append(base + int(offset.text) / _EMU_PER_POINT)
    extent = anchor.find(_WP + "extent")
    if extent is None:
        return None
    x0, y0 = found
    return (
        x0,
        y0,
        x0 + int(extent.get("cx") or 0) / _EMU_PER_POINT,
        y0 + int(extent.get("cy") or 0) / _EMU_PER_POINT,
    )


def blocks_text(blocks: tuple[Block, ...]) -> str:
    """The plain text of blocks: one line per block."""
    return "\n".join(block.text for block in blocks)


def read_doc(name: str, data: bytes) -> WordText:
    """A Word 97–2003 .doc: through LibreOffice (keeps styles and tables) or antiword (text only).

    Text from antiword has no reference extraction (its text is the only one there is).
    """
    if not cfb.is_cfb(data):
        if data.startswith(b"PK\x03\x04"):  # a .docx saved under a .doc name
            return read_docx(name, data)
        if is_word_xml(data):
            return read_word_xml(name, data)
        if (page := web_page_message(name, data)) is not None:
            raise UnreadableFile(page)
        raise damaged(f"{name} 不是有效的 Word 97–2003 文档（可能已损坏或不完整）")
    contents = cfb.contents(data)
    if contents is not None and contents.encrypted:
        raise UnreadableFile(_password_message(name))
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    antiword = shutil.which("antiword")
    # an Equation Editor 3.0 formula is read by LibreOffice's formula component (Math) only; without it,
    # and through antiword, the formula is a picture: the user is told how many were not read
    formulas = cfb.stream_count(data, "Equation Native")
    if soffice:
        converted = _soffice_to_docx(name, data, soffice)
        if converted is not None:
            word = replace(read_docx(name, converted), converter="doc/soffice")
            if formulas and not libreoffice_reads_formulas(soffice):
                word = replace(word, notes=(*word.notes, unread_formulas_note(formulas, soffice=True)))
            return word
    if antiword:
        text = _antiword(name, data, antiword)
        if text is not None:
            # antiword reads the text of tracked deletions as text (LibreOffice's marks): taken out here
            characters = doc_characters(data)
            if characters is not None and characters.has_deletions:
                text = without_deletions(text, characters)
            notes = (unread_formulas_note(formulas, soffice=False),) if formulas else ()
            return WordText(_text_blocks(text), "", "doc/antiword", notes)
    if not soffice and not antiword:
        raise UnreadableFile(f"{name} 是旧版 Word 文档（.doc），本机没有转换工具：请另存为 .docx 后再添加")
    raise UnreadableFile(f"{name} 无法转换（.doc 文件可能已损坏）：请另存为 .docx 后再添加")


def libreoffice_reads_formulas(soffice: str) -> bool:
    """Whether this LibreOffice has its formula component (LibreOffice Math, Debian's libreoffice-math):
    without it a .doc's Equation Editor formulas convert to pictures, their text lost."""
    program = Path(soffice).resolve().parent
    return any(program.glob("*smlo.*"))


def unread_formulas_note(count: int, *, soffice: bool) -> str:
    """The line that tells the user how many formulas of a .doc were not read, and what to install."""
    if soffice:
        fix = "本机的 LibreOffice 没有公式组件：请安装 libreoffice-math，或另存为 .docx 后再添加"
    else:
        fix = "antiword 读不出公式：请安装 LibreOffice（含 libreoffice-math），或另存为 .docx 后再添加"
    return f"文件中有 {count} 个公式未能读出（{fix}），其余文字已添加"


def read_wps(name: str, data: bytes) -> WordText:
    """A WPS 文字 .wps: since WPS Office 2005 the Word 97–2003 binary format in a compound file (its
    'WordDocument' stream), read as a .doc. Older WPS files (WPS 2000 and before, their own format) and
    other programs' .wps (Microsoft Works) are refused with what to do.
    """
    if data.startswith(b"PK\x03\x04"):  # saved as .docx under a .wps name
        return replace(read_docx(name, data), converter="wps/docx")
    if is_word_xml(data):
        return read_word_xml(name, data)
    if (page := web_page_message(name, data)) is not None:
        raise UnreadableFile(page)
    if not cfb.is_cfb(data):
        raise UnreadableFile(
            f"{name} 是旧版 WPS 文件（WPS 2000 及更早的格式），无法读取：请用 WPS 打开后另存为 .docx 再添加"
        )
    contents = cfb.contents(data)
    if contents is None:
        raise damaged(f"{name} 不是有效的 WPS 文档（内容已损坏）")
    if contents.encrypted:
        raise UnreadableFile(_password_message(name))
    if not contents.word_document:
        raise UnreadableFile(
            f"{name} 不是 WPS 文字文档（可能是 Microsoft Works 等其他程序的文件）：请另存为 .docx 再添加"
        )
    word = read_doc(name, data)
    return replace(word, converter=word.converter.replace("doc/", "wps/"))


# A Word XML document (Word 2003's 「XML 文档」, WordprocessingML 2003, or Word 2007's flat 「Word XML 文档」):
# one XML file that Word opens as a document, announced by <?mso-application progid="Word.Document"?>.
# Web office systems that fill a Word 2003 XML template (FreeMarker and the like) hand it out under a
# .doc name; it was refused as a damaged .doc.
_WORD_XML_MARKS = (b'progid="Word.Document"', b"schemas.microsoft.com/office/word/2003/wordml")


def is_word_xml(data: bytes) -> bool:
    """Whether the bytes are a Word XML document (by its XML declaration and Word's processing mark or
    the WordprocessingML 2003 namespace in its first 4 KB)."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<?xml") and any(mark in head for mark in _WORD_XML_MARKS)


def read_word_xml(name: str, data: bytes) -> WordText:
    """A Word XML document: converted by LibreOffice to .docx and read as one (styles, headings, tables
    kept); without LibreOffice, its text, a paragraph a line."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:
        converted = _soffice_to_docx(name, data, soffice)
        if converted is not None:
            return replace(read_docx(name, converted), converter="xml/soffice")
    from lxml import etree

    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as e:
        raise damaged(f"{name} 不是有效的 Word XML 文档（内容已损坏）") from e
    lines = []
    for paragraph in root.iter("{*}p"):
        if paragraph.tag in (_W + "p", _W2003 + "p"):
            lines.append("".join(t.text or "" for t in paragraph.iter(_W + "t", _W2003 + "t")))
    text = "\n".join(lines)
    return WordText(_text_blocks(text), text, "xml/text")


def _parser():  # type: ignore[no-untyped-def]
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)


def _password_message(name: str) -> str:
    return f"这个 Word 文档设有打开密码：{name}（请用密码打开后取消密码，另存为不加密的 .docx 再添加）"


def _check_archive(name: str, data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            refuse_zip_bomb(name, archive, len(data))
            names = set(archive.namelist())
            if "word/document.xml" not in names:
                raise UnreadableFile(_not_a_word_document(name, archive, names))
    except ZIP_DAMAGE as e:
        if (page := web_page_message(name, data)) is not None:
            raise UnreadableFile(page) from e
        raise damaged(f"{name} 不是有效的 .docx 文件（无法解压，可能已损坏或不完整）") from e


_WEB_PAGE = re.compile(
    rb"^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)?\s*(?:<!doctype html|<html|<\?xml[^>]*>\s*<html)", re.I
)
_MIME_HEADER = re.compile(rb"^\s*[\w-]+:")  # a message opens with a header line


def web_page_kind(data: bytes) -> str | None:
    """`"html"` or `"mht"` when a file under a Word name is a web page — Word's 「网页」 and 「单个文件网页」 saved
    as .doc, as many sites offer their notices for download, and Word and WPS open them without a word —
    else None. `corpus.reader` reads such a file as the page it is (corpus.html)."""
    head = data[:2048]
    if _WEB_PAGE.match(head.replace(b"\x00", b"")):
        return "html"
    if (
        _MIME_HEADER.match(head)
        and re.search(rb"^MIME-Version:", head, re.I | re.M)
        and b"multipart/related" in head.lower()
    ):
        return "mht"
    return None


def web_page_message(name: str, data: bytes) -> str | None:
    """What a Word reader called on a web page says (`corpus.reader` reads one as a page before a Word
    reader sees it), or None."""
    kind = {"html": "网页文件（HTML）", "mht": "单个文件网页（MHT）"}.get(web_page_kind(data) or "")
    if kind is None:
        return None
    return f"{name} 其实是{kind}，不是 Word 文档：请用 Word 或 WPS 打开，另存为 .docx 后再添加"


# What else a zip under a .docx name is (an Office or OpenDocument file saved with the wrong extension,
# or renamed): its part that names it, and what it is called
_OFFICE_KINDS = {
    "xl/workbook.xml": "Excel 工作簿",
    "ppt/presentation.xml": "PowerPoint 演示文稿",
    "visio/document.xml": "Visio 绘图",
}


def _not_a_word_document(name: str, archive: zipfile.ZipFile, names: set[str]) -> str:
    """Why a zip without word/document.xml is refused: what it is when it says (a workbook or slides saved
    under a .docx name), else that a part is missing."""
    kind = next((v for part, v in _OFFICE_KINDS.items() if part in names), None)
    if kind is not None:
        return f"{name} 是 {kind}，不是 Word 文档（只能添加文字文档：讲话稿、通知等）"
    # (an .odt under this name never comes here: corpus.reader reads it as what it is)
    mimetype = archive.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in names else ""
    kind = next((v for k, v in OPENDOCUMENT_KINDS.items() if f"opendocument.{k}" in mimetype), None)
    if kind is not None:
        return f"{name} 是 OpenDocument {kind}，不是 Word 文档（只能添加文字文档：讲话稿、通知等）"
    return f"{name} 不是有效的 Word 文档（缺少 word/document.xml）"


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_W2003 = "{http://schemas.microsoft.com/office/word/2003/wordml}"
# Wrappers whose content is the document's own text, at block, row, cell or run level: content controls,
# custom XML, smart tags, simple fields, hyperlinks, tracked insertions and moves (their new place).
_READ_THROUGH = frozenset(
    _W + tag
    for tag in (
        "sdt",
        "sdtContent",
        "customXml",
        "smartTag",
        "fldSimple",
        "hyperlink",
        "ins",
        "moveTo",
        "dir",
        "bdo",
    )
)
# Never text of the body: properties, deleted revisions and moves (their old place), field codes, the
# phonetic guide over ruby text (w:rt: 「zhǎng」 over 「长」; its base is read). An mc:Fallback is read only
# when _alternative picks it (else a text box would be read twice).
_SKIPPED = frozenset(
    (
        *(_W + tag for tag in ("pPr", "rPr", "sdtPr", "sdtEndPr", "del", "moveFrom", "instrText", "rt")),
        *(_W + tag for tag in ("delText", "delInstrText", "tblPr", "tblGrid", "trPr", "tcPr")),
        _MC + "Fallback",
    )
)
_BREAKS = {_W + "tab": "\t", _W + "ptab": "\t", _W + "cr": "\n", _W + "noBreakHyphen": "-"}


def _blocks(document, definitions: ListDefinitions) -> list[Block]:  # type: ignore[no-untyped-def]
    notes = _Notes(_note_elements(document, definitions))
    join_removed_marks(document.element.body)
    number_paragraphs(document.element.body, definitions)
    enclosed_characters(document.element.body)
    form_check_boxes(document.element.body)
    equations_as_text(document.element.body)
    for p in contents_field_paragraphs(document.element.body):
        p.getparent().remove(p)
    out: list[Block] = []
    boxes = _Boxes()
    try:
        items = list(_block_items(document.element.body))
        tabbed = _tab_stop_tables(items, document)
        at = 0
        while at < len(items):
            if at in tabbed:  # a list set in columns by tab stops: its rows, as a table's
                count, rows = tabbed[at]
                out.extend(boxes.read(_ElementBlocks(own=tuple(table_blocks(rows)))))
                at += count
                continue
            out.extend(boxes.read(_element_blocks(items[at], document, notes)))
            at += 1
    finally:
        _style_kind.cache_clear()  # it holds the document's part: not kept past its reading
    out.extend(notes.placement.rest())
    out.extend(boxes.waiting)
    return _form_head(document.element.body, out)


# A list set in columns by tab stops (「序号→姓名→原单位及职务→慰问方式……慰问金」, no table): a head row of short
# labels over at least this many rows, every paragraph with the same tab stops set.
_MIN_TAB_ROWS = 2
_TABS = re.compile(r"\t+")
# A head row's cell: a short label — no figure, no date, no colon, no sentence's mark (「原单位及职务」).
_HEAD_CELL = re.compile(r"^[^0-9０-９:：，。；！？,;!?、]{1,10}$")
# A cell that is a label and its value (「姓名：冉德厚」): a form's line, not a list's cell. A time's colon is none.
_LABELLED_CELL = re.compile(r"：|(?<![0-9]):|:(?![0-9])")
# A date ending a row: a 落款 typed on one line with a tab (「中共栾坪县委老干部局→2038年1月10日」) ends the list.
_DATE_CELL = re.compile(
    r"^[0-9０-９〇零一二三四五六七八九十]{2,4}年[0-9０-９〇一二三四五六七八九十]{1,2}月(?:[0-9０-９〇一二三四五六七八九十]{1,3}日)?$"
)
# A 目录's page number: 「3」, 「1-3」, 「第1页」, 「Ⅰ」; typed dot leaders before it are no part of the entry.
_PAGE_NUMBER_CELL = re.compile(
    r"^(?:第?[0-9０-９]{1,4}(?:\s*[-–—~～]\s*[0-9０-９]{1,4})?页?|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫivxlcIVXLC]{1,6})$"
)
_LEADER = re.compile(r"[.．·…\s]{2,}$")


def _tab_stop_tables(items: list, document) -> dict[int, tuple[int, list[list[str]]]]:  # type: ignore[type-arg, no-untyped-def]
    """The runs of body paragraphs that are the rows of a list set in columns by tab stops: the index of
    each run's first paragraph → how many paragraphs it holds and their cells. Read as paragraphs, such a
    list lost its tabs between Chinese words and ran together (「序号姓名原单位及职务慰问方式慰问金1冉德厚…」):
    each name, office and amount now stays in its row, labelled by the list's head row as a table's cells are.

    Only a list: every paragraph of the run sets the same tab stops (its own or its style's); its first is
    a head row of short labels (no figure, date or colon) and some column holds a figure in every row under
    it (a 序号, an amount) where its label holds none; no cell is a label and its value (「姓名：冉德厚」, a
    form's line). A programme (「9:00→开幕式」), a poem in two columns, a form and a 落款 typed with a tab
    stay text; a row whose last cell is a date (a 落款) ends the list, and a typed 目录 (entries ending in
    page numbers, 「1-3」, 「第1页」, 「Ⅰ」) is left to corpus.contents. Each tab parts a cell, an empty one
    kept (「3→屈晓帆→→1000元」); a row whose first cell is empty continues the row above (a wrapped office).
    A paragraph holding a text box or a footnote reference, or styled a heading or title, is no row."""
    from docx.text.paragraph import Paragraph

    styles = document.styles.element

    def stops(element) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
        tabs = element.find(f"{_W}pPr/{_W}tabs")
        if tabs is None:
            style = element.find(f"{_W}pPr/{_W}pStyle")
            name = style.get(_W + "val") if style is not None else None
            for defined in styles.iterfind(f"{_W}style"):
                if name is not None and defined.get(_W + "styleId") == name:
                    tabs = defined.find(f"{_W}pPr/{_W}tabs")
                    break
        if tabs is None:
            return ()
        return tuple(f"{tab.get(_W + 'val')}@{tab.get(_W + 'pos')}" for tab in tabs.iterfind(f"{_W}tab"))

    def cells(element) -> tuple[tuple[str, ...], list[str]] | None:  # type: ignore[no-untyped-def]
        if element.tag != _W + "p" or element.find(".//" + _W + "footnoteReference") is not None:
            return None
        text, boxes = _paragraph_text(element)
        if boxes or "\t" not in text.strip(" \u3000") or not text.strip():
            return None
        block = _paragraph_block(Paragraph(element, document._body), _clean(text))
        if block is None or block.kind != "paragraph":
            return None
        set_stops = stops(element)
        if not set_stops:
            return None
        return set_stops, [_clean(_LEADER.sub("", part)) for part in text.rstrip(" \u3000").split("\t")]

    def is_head(row: list[str]) -> bool:
        return len(row) >= 2 and all(_HEAD_CELL.match(cell) for cell in row) and len(set(row)) == len(row)

    found: dict[int, tuple[int, list[list[str]]]] = {}
    at = 0
    while at < len(items):
        first = cells(items[at])
        if first is None or not is_head(first[1]):
            at += 1
            continue
        set_stops, head = first
        dated_column = bool(re.search("日期|时间|年月", head[-1]))
        rows = [head]
        count = 1
        while at + count < len(items):
            read = cells(items[at + count])
            if read is None or read[0] != set_stops:
                break
            row = read[1]
            if len(row) != len(head):
                row = [_clean(part) for part in _TABS.split(_LEADER.sub("", "\t".join(row)).strip("\t"))]
            if len(row) != len(head) or any(_LABELLED_CELL.search(cell) for cell in row):
                break
            if not dated_column and _DATE_CELL.match(row[-1]):
                break  # a 落款 typed with a tab
            if not row[0] and len(rows) > 1:
                # a wrapped cell's second line under its row (「→→（兼县关工委主任）→」)
                rows[-1] = [above + cell for above, cell in zip(rows[-1], row, strict=True)]
            elif not row[0]:
                break
            else:
                rows.append(row)
            count += 1
        body = rows[1:]
        figured = any(
            all(re.search("[0-9０-９]", row[column]) for row in body) for column in range(len(head))
        )
        # a 目录 typed by hand (an entry, a leader to its page number) is left to corpus.contents
        contents = all(_PAGE_NUMBER_CELL.match(row[-1]) for row in body)
        if len(body) >= _MIN_TAB_ROWS and figured and not contents:
            found[at] = (count, rows)
            at += count
        else:
            at += 1
    return found


# A form (呈批件, 发文稿纸, 签报, 审批表) filled in in Word: the whole body is one table, the document's
# title in the cell beside a 「标题」 label and its date beside a 「…日期」 one. Before, such a request was
# titled by its file's name and dated 日期不详.
_TITLE_LABEL = re.compile(r"^(?:文件)?(?:标题|题目)$")
_DATE_LABEL = re.compile(r"^(?:成文|签发|发文|印发|拟稿)?日期$")
_DATE_VALUE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")


def _form_head(body, blocks: list[Block]) -> list[Block]:  # type: ignore[no-untyped-def]
    """The blocks of a form whose body is one table, led by its title (and date) read from the cells
    beside their labels; any other document's blocks as they are."""
    if len(body.findall(_W + "tbl")) != 1 or any(b.kind not in ("table_row", "note") for b in blocks):
        return blocks
    title = date = ""
    for block in blocks:
        cells = [cell.strip() for cell in block.text.split("；")] if block.kind == "table_row" else []
        # a form's row reads 「标题：…」 (corpus.tables.form_rows), a row of other cells 「标题；…」
        labelled = [tuple(cell.split("：", 1)) for cell in cells if "：" in cell]
        for label, value in [*itertools.pairwise(cells), *labelled]:
            if not title and _TITLE_LABEL.match(label) and value:
                title = value
            elif not date and _DATE_LABEL.match(label) and _DATE_VALUE.match(value):
                date = value
    if not title:
        return blocks
    head = [Block(text=title, kind="title")]
    if date:
        head.append(Block(text=date, kind="line"))
    return [*head, *blocks]


@dataclass
class _Boxes:
    """Text boxes placed as their own blocks after the paragraph they are anchored in, once the sentence
    there has ended: a box anchored in a paragraph that runs on in the next one (no end mark: 「……正式启用，」)
    follows the paragraph that ends it, not the middle of its sentence; one anchored in the title, a
    subtitle or the date line waits until after the first paragraph that ends a sentence, so the header
    stays the header (as notes do, see _Notes); a heading or a table ends the wait (the box stays in its
    section). Boxes anchored before any text, in an empty paragraph, and holding no sentence are the
    document's first lines — a letterhead (「××市委老干部局文件」 in a shape or WordArt, as 红头 templates
    set it), a 文号 — and are read first, where they stand: after the first sentence they were read as a
    heading over the body's second paragraph, which was then cited under the letterhead.
    """

    waiting: list[Block] = field(default_factory=list)
    body_started: bool = False
    open_sentence: bool = False
    text_seen: bool = False  # a block of the body's own has been put out

    def read(self, read: _ElementBlocks) -> list[Block]:
        """The blocks to put out for an element read: its own, and the boxes whose wait is over."""
        own = read.own
        out: list[Block] = []
        if not self.text_seen and not own and not any(_SENTENCE_MARK.search(box.text) for box in read.boxes):
            return list(read.boxes)
        self.text_seen = self.text_seen or bool(own)
        if self.waiting and self.body_started and own and own[0].kind in ("heading", "table_row"):
            out.extend(self.waiting)
            self.waiting = []
        out.extend(own)
        self.waiting.extend(read.boxes)
        last = next((block for block in reversed(own) if block.kind != "note"), None)
        if last is not None:
            self.open_sentence = last.kind == "paragraph" and not is_complete(last.text)
            if last.kind == "paragraph" and _SENTENCE_END.search(last.text):
                self.body_started = True
        if self.waiting and self.body_started and not self.open_sentence:
            out.extend(self.waiting)
            self.waiting = []
        return out


_NOTE_REFERENCES = {_W + "footnoteReference": "footnote", _W + "endnoteReference": "endnote"}
_NoteKeys = list[tuple[str, str]]  # ("footnote" | "endnote", w:id) of the notes referenced, in order
_SENTENCE_END = re.compile(r"[。！？!?；;][”’」』）)]*$")
_SENTENCE_MARK = re.compile(r"[。！？!?；;]")


@dataclass
class _Notes:
    """The footnotes and endnotes of a .docx, placed as their own blocks where they are referenced, by
    the rule the OpenDocument and RTF readers share (corpus.notes.NotePlacement): after the block whose
    text references them, and those referenced before the body starts after its first sentence."""

    elements: dict[tuple[str, str], object]  # ("footnote" | "endnote", w:id) → the w:footnote/w:endnote
    referenced: _NoteKeys = field(default_factory=list)  # by what is being read
    placement: NotePlacement = field(default_factory=NotePlacement)
    placed: set[tuple[str, str]] = field(default_factory=set)

    def after(self, block: Block | None, *, in_box: bool = False) -> list[Block]:
        """The note blocks to put after `block` (None: after a table or a block with no text). In a text
        box (`in_box`) they follow it at once: the box itself waits for the body (see _Boxes), and its
        sentences do not start the body (a box anchored in the title made the header's notes come out
        between the speaker and the date line, and the date was lost)."""
        blocks = []
        for key in self.referenced:
            element = self.elements.get(key)
            if element is None or key in self.placed:
                continue
            self.placed.add(key)
            for item in _block_items(element):
                if item.tag == _W + "tbl":
                    blocks.extend(_table_blocks(item))
                elif text := _clean(_paragraph_text(item)[0]):
                    blocks.append(Block(text=text, kind="note"))
        self.referenced.clear()
        return blocks if in_box else self.placement.after(block, blocks)


def _note_elements(document, definitions: ListDefinitions) -> dict[tuple[str, str], object]:  # type: ignore[no-untyped-def]
    """The footnotes and endnotes of a document by kind and id (Word's separators left out), their
    numbered paragraphs with their numbers."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
    out: dict[tuple[str, str], object] = {}
    strikes = _style_strikes(document)
    for rel in document.part.rels.values():
        kind = {RT.FOOTNOTES: "footnote", RT.ENDNOTES: "endnote"}.get(rel.reltype)
        if kind is None or rel.is_external:
            continue
        root = etree.fromstring(rel.target_part.blob, parser)
        number_paragraphs(root, definitions)
        equations_as_text(root)
        mark_style_strikes(root, strikes)
        for note in root.iterfind(_W + kind):
            if note.get(_W + "type") in (None, "normal"):
                out[(kind, note.get(_W + "id") or "")] = note
    return out


_COMMENT_MARKS = (_W + "commentRangeStart", _W + "commentRangeEnd", _W + "commentReference", _W + "t")
_NOT_SHOWN = frozenset((_W + "moveFrom", _W + "rt", _W + "del"))


def _comments(document) -> list[Remark]:  # type: ignore[no-untyped-def]
    """The reviewers' comments of a .docx (``word/comments.xml``), in the order of the words they were made
    on in the body (a reply, anchored on the same words after the comment it answers, follows it), those
    anchored nowhere in the body after them; each with its author and the words of its range."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree

    part = next(
        (
            rel.target_part
            for rel in document.part.rels.values()
            if rel.reltype == RT.COMMENTS and not rel.is_external
        ),
        None,
    )
    if part is None:
        return []
    root = etree.fromstring(part.blob, _parser())
    comments = {c.get(_W + "id") or "": c for c in root.iterfind(_W + "comment")}
    order: list[str] = []  # ids, by where their range (or reference) starts
    words: dict[str, list[str]] = {}
    open_ranges: list[str] = []
    for element in document.element.body.iter(*_COMMENT_MARKS):
        key = element.get(_W + "id") or ""
        if element.tag == _W + "t":
            if open_ranges and not any(a.tag in _NOT_SHOWN for a in element.iterancestors()):
                for opened in open_ranges:
                    words[opened].append(element.text or "")
            continue
        if key not in order:
            order.append(key)
        if element.tag == _W + "commentRangeStart":
            open_ranges.append(key)
            words.setdefault(key, [])
        elif key in open_ranges:
            open_ranges.remove(key)
    order += [key for key in comments if key not in order]
    order = [key for key in order if key in comments]
    extended = _comments_extended(document)
    remarks, parents, index_of = [], {}, {}  # index_of: the w14:paraId of a comment's last paragraph
    for index, key in enumerate(order):
        comment = comments[key]
        paragraphs_xml = list(comment.iter(_W + "p"))
        if paragraphs_xml and paragraphs_xml[-1].get(_W14 + "paraId"):
            index_of[paragraphs_xml[-1].get(_W14 + "paraId")] = index
        paragraphs = tuple(_paragraph_text(p)[0] for p in paragraphs_xml)
        remarks.append(Remark(paragraphs, comment.get(_W + "author") or "", "".join(words.get(key, []))))
    for para_id, (parent, done) in extended.items():
        if para_id in index_of:
            index = index_of[para_id]
            remarks[index] = replace(remarks[index], resolved=done)
            if parent in index_of:
                parents[index] = index_of[parent]
    return threads(remarks, parents)


_W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
_W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
_COMMENTS_EXTENDED = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"


def _comments_extended(document) -> dict[str, tuple[str, bool]]:  # type: ignore[no-untyped-def]
    """What Word 2013+ says of each comment in ``word/commentsExtended.xml`` (``w15:commentEx``), by the
    w14:paraId of the comment's last paragraph: that of the comment it answers ("" for none) and whether
    its thread is marked resolved (``w15:done``). Empty for a file without the part (Word 2010, python-docx)."""
    from lxml import etree

    part = next(
        (
            rel.target_part
            for rel in document.part.rels.values()
            if rel.reltype == _COMMENTS_EXTENDED and not rel.is_external
        ),
        None,
    )
    if part is None:
        return {}
    try:
        root = etree.fromstring(part.blob, _parser())
    except etree.XMLSyntaxError:
        return {}  # a broken part loses the threads, never the comments
    return {
        entry.get(_W15 + "paraId") or "": (
            entry.get(_W15 + "paraIdParent") or "",
            entry.get(_W15 + "done") in ("1", "true", "on"),
        )
        for entry in root.iter(_W15 + "commentEx")
    }


def _block_items(container):  # type: ignore[no-untyped-def]
    """The w:p and w:tbl of a body, cell or text box in document order, through content controls."""
    for child in container:
        tag = child.tag
        if tag == _W + "tbl" and (cell := _frame_cell(child)) is not None:
            yield from _block_items(cell)
        elif tag in (_W + "p", _W + "tbl", _ALT_CHUNK):
            yield child
        elif tag == _W + "sdt" and (_is_table_of_contents(child) or _placeholder(child)):
            continue  # a generated table of contents repeats the headings; a prompt is not text
        elif tag == _MC + "AlternateContent":
            chosen = _alternative(child)
            if chosen is not None:
                yield from _block_items(chosen)
        elif tag in _READ_THROUGH:
            yield from _block_items(child)


# An imported chunk (Word's 「插入 › 对象 › 文件中的文字」 kept as it came, w:altChunk): a part of the package
# holding a whole document in another format, which Word brings in where the chunk stands when it opens
# the file. Web office systems (OA) export the documents they keep as web pages so: the .docx's body is
# one altChunk and its own XML has not a word of the text — such a notice was refused as holding none.
_ALT_CHUNK = _W + "altChunk"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MIME_HEADER = re.compile(rb"(?i)(?:mime-version|content-type|from|subject|date)\s*:")


def _chunk(name: str, data: bytes) -> WordText | None:
    """An imported chunk's body as blocks, with its reference text, read as what its bytes are: a .docx,
    an .rtf, a single-file web page (.mht), else a web page (HTML, XHTML) — the formats Word imports.
    None when the chunk is none of these or holds no text: it is left out, as Word shows nothing for it."""
    from .html import read_html, read_mht
    from .rtf import read_rtf

    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    try:
        if head.startswith(b"PK"):
            return read_docx(name, data)
        if head.startswith(b"{\\rtf"):
            blocks = read_rtf(name, data).blocks
            return WordText(blocks, blocks_text(blocks), "rtf")
        page = read_mht(name, data) if _MIME_HEADER.match(head) else read_html(name, data)
    except CorpusError as e:
        log.info("imported chunk %s not read: %s", name, e)
        return None
    return WordText(page.blocks, page.reference, page.encoding)


def _frame_cell(tbl):  # type: ignore[no-untyped-def]
    """The cell of a table that is one cell holding several paragraphs — a frame drawn around text, as an
    OA system exports a whole notice (文号, title, addressee, body, signature, date in one bordered cell)
    or an editor boxes a passage — else None. Its paragraphs are read as the body's are: as one table row,
    the notice was one passage titled by its file name, without its date or number."""
    rows = list(_children(tbl, _W + "tr"))
    if len(rows) != 1:
        return None
    cells = list(_children(rows[0], _W + "tc"))
    if len(cells) != 1:
        return None
    filled = sum(
        1
        for item in _block_items(cells[0])
        if item.tag == _W + "tbl" or "".join(t.text or "" for t in item.iter(_W + "t")).strip()
    )
    return cells[0] if filled >= 2 else None


def _alternative(element):  # type: ignore[no-untyped-def]
    """Which branch of an mc:AlternateContent to read: the first mc:Choice holding text (Word's DrawingML
    text box), else the mc:Fallback (the VML copy of the same content) — never both."""
    choices = element.findall(_MC + "Choice")
    for choice in choices:
        if next(choice.iter(_W + "t"), None) is not None:
            return choice
    fallback = element.find(_MC + "Fallback")
    return fallback if fallback is not None else (choices[0] if choices else None)


def _placeholder(sdt) -> bool:  # type: ignore[no-untyped-def]
    """A content control nobody filled in: it shows its prompt text (w:showingPlcHdr), not content."""
    flag = sdt.find(f"{_W}sdtPr/{_W}showingPlcHdr")
    return flag is not None and flag.get(_W + "val") not in ("0", "false", "off")


def _is_table_of_contents(sdt) -> bool:  # type: ignore[no-untyped-def]
    gallery = sdt.find(f"{_W}sdtPr/{_W}docPartObj/{_W}docPartGallery")
    return gallery is not None and (gallery.get(_W + "val") or "").lower() == "table of contents"


@dataclass(frozen=True)
class _ElementBlocks:
    """What one paragraph or table of a body gives: its own blocks (with the notes it references), and
    the blocks of the text boxes anchored in it, whose place _Boxes decides."""

    own: tuple[Block, ...]
    boxes: tuple[Block, ...] = ()


def _element_blocks(element, document, notes: _Notes, *, in_box: bool = False) -> _ElementBlocks:  # type: ignore[no-untyped-def]
    """A paragraph's or table's own blocks, and the blocks of the text boxes anchored in it, once each
    (their VML copy is skipped), in order: see _Boxes for where they go."""
    if element.tag == _W + "tbl":
        return _ElementBlocks(own=(*_table_blocks(element, notes), *notes.after(None, in_box=in_box)))
    if element.tag == _ALT_CHUNK:
        part = document.part.related_parts.get(element.get(_R_ID) or "")
        chunk = _chunk(str(part.partname), part.blob) if part is not None else None
        return _ElementBlocks(own=chunk.blocks if chunk is not None else ())
    from docx.text.paragraph import Paragraph

    text, boxes = _paragraph_text(element, notes.referenced)
    own: list[Block] = []
    block = _paragraph_block(Paragraph(element, document._body), _clean(text))
    rows = equation_rows(element) if block is not None and block.kind == "paragraph" else frozenset()
    if rows:
        # a display equation's rows: each a line of its own, never joined to the text around it
        cleaned = {_clean(row) for row in rows}
        for piece in text.split("\n"):
            line = _clean(piece)
            if line in cleaned:
                own.append(Block(text=line, kind="equation"))
            elif line:
                own.extend(Block(text=part, kind="paragraph") for part in broken_lines(line, _clean))
        block = own[-1]
    elif block is not None and block.kind == "paragraph":
        own.extend(Block(text=line, kind="paragraph") for line in broken_lines(text, _clean))
        block = own[-1]
    elif block is not None:
        own.append(block)
    own.extend(notes.after(block, in_box=in_box))
    floating: list[Block] = []
    for box in boxes:
        for item in _block_items(box):
            inner = _element_blocks(item, document, notes, in_box=True)
            floating.extend([*inner.own, *inner.boxes])
    return _ElementBlocks(own=tuple(own), boxes=tuple(floating))


def _paragraph_text(p, notes: _NoteKeys | None = None) -> tuple[str, list]:  # type: ignore[type-arg, no-untyped-def]
    """A paragraph's visible text in order, and the text boxes anchored in it.

    The footnotes and endnotes it references are added to `notes` as (kind, id); their reference
    marks are not text (Word numbers them itself), so no digit is glued onto the sentence.

    Every w:t at any depth counts (inside content controls, fields, smart tags, hyperlinks, insertions)
    except deleted text and a complex field's instructions (between its begin and separate marks); tabs
    and line breaks read as python-docx reads them (「\\t」, 「\\n」; a page or column break as nothing).
    """
    parts: list[str] = []
    boxes: list = []  # type: ignore[type-arg]
    fields: list[bool] = []  # one entry per open complex field: True while in its instructions

    def walk(element) -> None:  # type: ignore[no-untyped-def]
        for child in element:
            tag = child.tag
            if tag in _SKIPPED or not isinstance(tag, str):
                continue
            if tag == _MC + "AlternateContent":
                chosen = _alternative(child)
                if chosen is not None:
                    walk(chosen)
            elif tag == _W + "r" and _hidden(child):
                continue  # hidden text (an editor's note): Word neither shows nor prints it
            elif tag == _W + "r" and _struck(child):
                continue  # words struck through by hand (删除线): cancelled, not read as the text
            elif tag == _W + "sdt" and _placeholder(child):
                continue  # an empty content control's prompt (「单击或点击此处输入文字。」)
            elif tag == _W + "txbxContent":
                boxes.append(child)
            elif tag == _V + "textpath":
                box = _wordart_box(child)
                if box is not None:
                    boxes.append(box)
            elif tag in _NOTE_REFERENCES:
                if notes is not None:
                    notes.append((_NOTE_REFERENCES[tag], child.get(_W + "id") or ""))
            elif tag == _W + "fldChar":
                kind = child.get(_W + "fldCharType")
                if kind == "begin":
                    fields.append(True)
                elif kind == "separate" and fields:
                    fields[-1] = False
                elif kind == "end" and fields:
                    fields.pop()
            elif any(fields):
                walk(child)  # nested fields' marks still count; their text is instruction text
            elif tag == _W + "t":
                parts.append(child.text or "")
            elif tag == _W + "sym":
                parts.append(_symbol(child))
            elif tag == _W + "br":
                parts.append("\n" if child.get(_W + "type") in (None, "textWrapping") else "")
            elif tag in _BREAKS:
                parts.append(_BREAKS[tag])
            else:
                walk(child)

    walk(p)
    return "".join(parts), boxes


_V = "{urn:schemas-microsoft-com:vml}"


def _wordart_box(textpath):  # type: ignore[no-untyped-def]
    """A legacy WordArt's words as a text box of one paragraph a line, else None. Word 97–2003's WordArt
    (艺术字, still in 红头 and 倡议书 templates; Word 2010 keeps it as VML when it saves a .docx) is a VML
    shape whose ``v:textpath`` draws its ``string`` attribute: the words are in no w:t, and a title or
    masthead set in it was not read. The shape type's own textpath (no string) is none; a textpath turned
    off (``on="f"``) draws nothing."""
    words = textpath.get("string") or ""
    parent = textpath.getparent()
    if (
        not words.strip()
        or parent is None
        or parent.tag != _V + "shape"
        or textpath.get("on") in ("f", "false")
    ):
        return None
    box = textpath.makeelement(_W + "txbxContent", {})
    for line in words.splitlines():
        if line.strip():
            paragraph = box.makeelement(_W + "p", {})
            run = paragraph.makeelement(_W + "r", {})
            text = run.makeelement(_W + "t", {})
            text.text = line.strip()
            run.append(text)
            paragraph.append(run)
            box.append(paragraph)
    return box


def _symbol(sym) -> str:  # type: ignore[no-untyped-def]
    """A w:sym's character when it is a Unicode one (「—」 written as a symbol); a symbol font's glyph
    (Wingdings, Symbol: private-use codes F000–F0FF) is a picture, not a character, and reads as nothing."""
    try:
        code = int(sym.get(_W + "char") or "", 16)
    except ValueError:
        return ""
    if 0xF000 <= code <= 0xF0FF or not 0x20 <= code <= 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return ""
    return chr(code)


def _hidden(run) -> bool:  # type: ignore[no-untyped-def]
    """A run formatted as hidden text (w:vanish in its own properties, not switched off)."""
    properties = run.find(_W + "rPr")
    vanish = properties.find(_W + "vanish") if properties is not None else None
    return vanish is not None and vanish.get(_W + "val") not in ("0", "false", "off")


def _struck(run) -> bool:  # type: ignore[no-untyped-def]
    """A run struck through by its own formatting (Word's 「删除线」 w:strike or 「双删除线」 w:dstrike, not
    switched off): the words a clerk cancelled by hand on a notice — an old date, a place, a lunch no longer
    given — and typed the new ones after. They print crossed out, as a tracked deletion shows; read as text
    they put the cancelled figure beside the one in force (「上午9时2035年4月17日」). A strike a character or
    paragraph style gives is written on the run before (corpus.strikes.mark_style_strikes)."""
    properties = run.find(_W + "rPr")
    if properties is None:
        return False
    return any(
        mark is not None and mark.get(_W + "val") not in ("0", "false", "off")
        for mark in (properties.find(_W + "strike"), properties.find(_W + "dstrike"))
    )


def _paragraph_block(paragraph, text: str) -> Block | None:  # type: ignore[no-untyped-def]
    if not text:
        return None
    kind, level = _paragraph_kind(paragraph)
    return Block(text=text, kind=kind, level=level)


def _paragraph_kind(paragraph) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    """The kind a paragraph's style (or its base styles, or an outline level) gives it."""
    kind = _style_kind(paragraph.part, paragraph._p.style)
    if kind is not None:
        return kind
    level = _outline_level(paragraph._p)
    if level is not None:
        return "heading", level
    return "paragraph", 0


@lru_cache(maxsize=64)
def _style_kind(part, style_id: str | None) -> tuple[str, int] | None:  # type: ignore[no-untyped-def]
    """The kind a paragraph style (or its base styles) gives, once per style of a document: python-docx
    looks a style up among all of them for every paragraph (a 66-page file spent 2.2 of its 3 s there)."""
    from docx.enum.style import WD_STYLE_TYPE

    style = part.get_style(style_id, WD_STYLE_TYPE.PARAGRAPH)
    seen = 0
    while style is not None and seen < 10:
        named = named_kind(style.name or "")
        if named is not None:
            return named
        level = _outline_level(style.element)
        if level is not None:
            return "heading", level
        style = style.base_style
        seen += 1
    return None


def _outline_level(element) -> int | None:  # type: ignore[no-untyped-def]
    """w:outlineLvl (0-based; 9 means body text) on a paragraph's or a style's properties."""
    from docx.oxml.ns import qn

    ppr = element.find(qn("w:pPr"))
    if ppr is None:
        return None
    outline = ppr.find(qn("w:outlineLvl"))
    if outline is None:
        return None
    try:
        value = int(outline.get(qn("w:val")))
    except (TypeError, ValueError):
        return None
    return value + 1 if 0 <= value < 9 else None


def _table_blocks(tbl, notes: _Notes | None = None) -> list[Block]:  # type: ignore[no-untyped-def]
    """A table's rows as labelled rows (see corpus.tables), merged cells read as Word shows them.

    A vertically merged cell shows one value over all the rows it spans, so each of those rows carries
    it (「书记轮训」's row keeps 「责任单位：市老年大学」). A row that is a single cell spanning the whole
    table is a note or a caption over it (「备注：以上工作纳入年度考核。」), read as it stands.
    """
    referenced = notes.referenced if notes is not None else None
    table = [_row_cells(tr, referenced) for tr in _children(tbl, _W + "tr")]
    grid = tbl.find(_W + "tblGrid")
    width = max(
        len(grid.findall(_W + "gridCol")) if grid is not None else 0,
        *(cell.column + cell.span for cells in table for cell in cells),
        0,
    )
    rows: list[list[str] | str] = []
    above: dict[int, str] = {}  # grid column → the text shown there in the row above
    for cells in table:
        if len(cells) == 1 and cells[0].column == 0 and cells[0].span >= width >= 2:
            rows.append(cells[0].text)
            above = {}
            continue
        row = [""] * max((cell.column + cell.span for cell in cells), default=0)
        for cell in cells:
            row[cell.column] = above.get(cell.column, "") if cell.continues else cell.text
        above = {cell.column: row[cell.column] for cell in cells}
        rows.append(row)
    return table_blocks(rows)


@dataclass(frozen=True)
class _Cell:
    column: int  # the grid column it starts at
    span: int  # how many grid columns it covers (w:gridSpan)
    text: str
    continues: bool  # the continuation of a vertically merged cell: it shows the text of the one above


def _children(element, tag: str):  # type: ignore[no-untyped-def]
    """The children of `element` with `tag`, also those wrapped in content controls or custom XML."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in _READ_THROUGH:
            yield from _children(child, tag)


def _row_cells(tr, notes: _NoteKeys | None) -> list[_Cell]:  # type: ignore[no-untyped-def]
    """The distinct cells of a row with the grid columns they cover: a merged cell counts once."""
    out: list[_Cell] = []
    column = _grid_before(tr)
    for tc in _children(tr, _W + "tc"):
        tcpr = tc.find(_W + "tcPr")
        span = 1
        continues = False
        if tcpr is not None:
            grid_span = tcpr.find(_W + "gridSpan")
            if grid_span is not None:
                try:
                    span = max(1, int(grid_span.get(_W + "val")))
                except (TypeError, ValueError):
                    span = 1
            v_merge = tcpr.find(_W + "vMerge")
            continues = v_merge is not None and v_merge.get(_W + "val") in (None, "continue")
        out.append(_Cell(column, span, "" if continues else _cell_text(tc, notes), continues))
        column += span
    return out


def _grid_before(tr) -> int:  # type: ignore[no-untyped-def]
    """How many grid columns a row leaves empty before its first cell (w:trPr/w:gridBefore)."""
    before = tr.find(f"{_W}trPr/{_W}gridBefore")
    try:
        return max(0, int(before.get(_W + "val"))) if before is not None else 0
    except (TypeError, ValueError):
        return 0


def _cell_text(tc, notes: _NoteKeys | None) -> str:  # type: ignore[no-untyped-def]
    """A cell's paragraphs (a nested table's too, row by row) joined by spaces."""
    paragraphs = []

    def collect(container) -> None:  # type: ignore[no-untyped-def]
        for item in _block_items(container):
            if item.tag == _W + "tbl":
                for tr in _children(item, _W + "tr"):
                    for cell in _children(tr, _W + "tc"):
                        collect(cell)
                continue
            text, boxes = _paragraph_text(item, notes)
            if text.strip():
                paragraphs.append(text.strip())
            for box in boxes:
                collect(box)

    collect(tc)
    return _clean(" ".join(paragraphs))


def reference_text(data: bytes) -> str:
    """Every visible w:t of a .docx's body and of the notes it references, one line per paragraph.

    Deliberately simple and separate from the block walk: each w:p of the body at any depth (in tables,
    content controls, text boxes) is a line of the w:t whose nearest paragraph it is, leaving out only
    deleted revisions (w:del, w:moveFrom) and an mc:Fallback whose mc:AlternateContent already has text
    in a choice (the VML copy of a text box), hidden runs (w:vanish) and runs struck through by hand
    (w:strike, w:dstrike). Field codes are
    w:instrText and deleted text w:delText, so they are not w:t at all. The footnotes and endnotes
    whose reference marks are visible in the body follow, read the same way. The numbers Word shows for
    numbered paragraphs are put in as text first (number_paragraphs). Headers, footers and comments live
    in other parts and are not read.
    """
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = etree.fromstring(archive.read("word/document.xml"), parser).find(_W + "body")
        if body is None:
            return ""
        fill_from_package(body, archive, parser, lambda xml: etree.fromstring(xml, parser))
        parts = _related_parts(archive, parser)
        definitions = _definitions(archive, parts)
        strikes = StyleStrikes.parse(
            etree.fromstring(archive.read(parts["styles"]), parser) if "styles" in parts else None
        )
        mark_style_strikes(body, strikes)
        join_removed_marks(body)
        number_paragraphs(body, definitions)
        enclosed_characters(body)
        form_check_boxes(body)
        equations_as_text(body)
        notes = {}
        for kind in ("footnote", "endnote"):
            if kind not in parts:
                continue
            root = etree.fromstring(archive.read(parts[kind]), parser)
            number_paragraphs(root, definitions)
            equations_as_text(root)
            mark_style_strikes(root, strikes)
            for note in root.iterfind(_W + kind):
                notes[(kind, note.get(_W + "id"))] = note
        chunk_paths = {
            rel_id: path
            for rel_id, (kind, path) in _document_rels(archive, parser).items()
            if kind == "aFChunk"
        }
        chunks = [
            (path, archive.read(path))
            for path in (chunk_paths.get(c.get(_R_ID) or "") for c in body.iter(_ALT_CHUNK))
            if path is not None
        ]
    lines = _visible_lines(body)
    for reference in body.iter(*_NOTE_REFERENCES):
        note = notes.pop((_NOTE_REFERENCES[reference.tag], reference.get(_W + "id")), None)
        if note is not None and _visible(reference):
            lines.extend(_visible_lines(note))
    for path, chunk_data in chunks:  # an imported chunk's own text, read by its own format's reader
        chunk = _chunk(path, chunk_data)
        if chunk is not None:
            lines.extend(chunk.reference.split("\n"))
    return "\n".join(lines)


def _visible_lines(root) -> list[str]:  # type: ignore[no-untyped-def]
    """The visible w:t under `root`, one line per paragraph, in document order (a text box's after the
    paragraph it sits in)."""
    lines: dict[object, list[str]] = {}
    for t in root.iter(_W + "t", _W + "sym", _W + "br", _W + "cr"):
        paragraph = next((a for a in t.iterancestors(_W + "p")), None)
        if paragraph is None or not _visible(t):
            continue
        if t.tag == _W + "sym":
            text = _symbol(t)
        elif t.tag == _W + "t":
            text = t.text or ""
        else:  # a manual line break ends a line as Word shows it; a page or column break is nothing
            text = "\n" if t.get(_W + "type") in (None, "textWrapping") else ""
        lines.setdefault(paragraph, []).append(text)
    order = {p: i for i, p in enumerate(root.iter(_W + "p"))}
    return [
        line
        for _, parts in sorted(lines.items(), key=lambda kv: order[kv[0]])
        for line in "".join(parts).split("\n")
    ]


def _visible(element) -> bool:  # type: ignore[no-untyped-def]
    """Not inside a deleted revision, a hidden or struck-through run, the VML copy of a text box, a ruby's phonetic guide
    or the prompt of an empty content control."""
    for ancestor in element.iterancestors():
        if ancestor.tag in (_W + "del", _W + "moveFrom"):
            return False
        if ancestor.tag == _MC + "Fallback" and _copy(ancestor):
            return False
        if ancestor.tag == _W + "r" and (_hidden(ancestor) or _struck(ancestor)):
            return False
        if ancestor.tag == _W + "rt" or (ancestor.tag == _W + "sdt" and _placeholder(ancestor)):
            return False
    return True


_RELATIONSHIPS = {
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/" + kind: name
    for kind, name in (
        ("footnotes", "footnote"),
        ("endnotes", "endnote"),
        ("numbering", "numbering"),
        ("styles", "styles"),
    )
}


def _related_parts(archive: zipfile.ZipFile, parser) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Where the main document's notes, numbering and styles parts are in the archive, by kind
    ("footnote", "endnote", "numbering", "styles")."""
    from lxml import etree

    try:
        rels = etree.fromstring(archive.read("word/_rels/document.xml.rels"), parser)
    except KeyError:
        return {}
    out = {}
    names = set(archive.namelist())
    for rel in rels:
        kind = _RELATIONSHIPS.get(rel.get("Type") or "")
        target = rel.get("Target") or ""
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath("word/" + target)
        if kind and rel.get("TargetMode") != "External" and path in names:
            out[kind] = path
    return out


def list_definitions(data: bytes) -> ListDefinitions:
    """The list definitions and paragraph styles of a .docx (empty when it has none)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return _definitions(archive, _related_parts(archive, parser))


def _definitions(archive: zipfile.ZipFile, parts: dict[str, str]) -> ListDefinitions:
    def read(kind: str) -> bytes | None:
        return archive.read(parts[kind]) if kind in parts else None

    return ListDefinitions.parse(read("numbering"), read("styles"))


# Elements that mark where a range starts or ends and hold no text, found between paragraphs too.
_RANGE_MARKS = frozenset(
    _W + tag
    for tag in (
        "bookmarkStart",
        "bookmarkEnd",
        "commentRangeStart",
        "commentRangeEnd",
        "moveFromRangeStart",
        "moveFromRangeEnd",
        "moveToRangeStart",
        "moveToRangeEnd",
        "permStart",
        "permEnd",
        "proofErr",
    )
)


def join_removed_marks(root) -> None:  # type: ignore[no-untyped-def]
    """Run each paragraph whose mark is deleted as a tracked change on into the paragraph after it, as
    Word's final view shows them: 「全年走访慰问离退休干部」 joined to 「三千四百人次，……」 by deleting the
    mark between them. Read as two paragraphs, the first half of the sentence stood alone and was taken
    for a heading naming the section of every paragraph after it. The joined paragraph keeps the second's
    properties (its mark is the one left). A paragraph followed by no paragraph (a table, the end of a
    cell) stays as it is.

    A drop cap (首字下沉: Word sets the paragraph's first character, enlarged, in a paragraph of its own framed
    beside it, w:framePr w:dropCap) runs on into its paragraph the same way: read apart, the character was
    a heading 「今」 over the paragraph, which began 「年以来，……」."""
    for p in list(root.iter(_W + "p")):
        if not (mark_removed(p) or _drop_cap(p)):
            continue
        following = p.getnext()
        # past the range marks Word leaves between paragraphs (a bookmark's or a comment's end, proofErr)
        while following is not None and following.tag in _RANGE_MARKS:
            following = following.getnext()
        if following is None or following.tag != _W + "p":
            continue
        content = [child for child in p if child.tag != _W + "pPr"]
        properties = following.find(_W + "pPr")
        at = 0 if properties is None else following.index(properties) + 1
        for offset, child in enumerate(content):
            following.insert(at + offset, child)


# Word's 带圈字符 (「开始 › 字体 › 带圈字符」) is an EQ field with no shown result — Word draws the enclosure
# over the text from the field's code, 「eq \o\ac(○,2)」 — so the text read nothing where the page shows
# ②: list markers were lost and 「符合第②项、第③项条件的」 read 「符合第项、第项条件的」.
_EQ_OVERSTRIKE = re.compile(r"^eq\s*\\o\s*(?:\\a[clr]\s*)?\((.*)\)$", re.IGNORECASE | re.DOTALL)
_EQ_RAISED = re.compile(r"\\s\s*\\(?:up|do)\s*\d*\s*\((.*?)\)", re.IGNORECASE)
_ENCLOSURES = frozenset("○◯〇□◇△")
_CIRCLED_HAN = "一二三四五六七八九十"


def enclosed_characters(root) -> None:  # type: ignore[no-untyped-def]
    """Put in, as text, what each 带圈字符 field of the paragraphs under `root` shows: the enclosed number
    (①…⑳, ㉑…㊿) or character (㊀…㊉) where Unicode has one, else the enclosed text itself (「优」 in a
    square reads 「优」). The field's runs are replaced by a run holding it, in both readings of a .docx."""
    for p in list(root.iter(_W + "p")):
        begin = None
        code: list[str] = []
        depth = 0
        separated = False
        for mark in list(p.iter(_W + "fldChar", _W + "instrText")):
            if mark.tag == _W + "instrText":
                if depth == 1 and not separated:
                    code.append(mark.text or "")
                continue
            kind = mark.get(_W + "fldCharType")
            if kind == "begin":
                depth += 1
                if depth == 1:
                    begin, code, separated = mark, [], False
            elif kind == "separate" and depth == 1:
                separated = True
            elif kind == "end" and depth:
                depth -= 1
                if depth == 0 and begin is not None and not separated:
                    shown = overstrike_text("".join(code).strip())
                    if shown:
                        _replace_field(begin.getparent(), mark.getparent(), shown)


def overstrike_text(code: str) -> str:
    """What an EQ overstrike field (``eq \\o\\ac(○,2)``) shows, as text; "" for any other field."""
    match = _EQ_OVERSTRIKE.match(code)
    if match is None:
        return ""
    parts = [_EQ_RAISED.sub(r"\1", part).strip() for part in re.split(r"[,，]", match.group(1))]
    shapes = [part for part in parts if part in _ENCLOSURES]
    texts = [part for part in parts if part and part not in _ENCLOSURES]
    if len(texts) != 1:
        return ""
    text = texts[0]
    if shapes and shapes[0] in "○◯〇":
        if text.isdigit() and 1 <= int(text) <= 20:
            return chr(0x2460 + int(text) - 1)
        if text.isdigit() and 21 <= int(text) <= 35:
            return chr(0x3251 + int(text) - 21)
        if text.isdigit() and 36 <= int(text) <= 50:
            return chr(0x32B1 + int(text) - 36)
        if text in _CIRCLED_HAN:
            return chr(0x3280 + _CIRCLED_HAN.index(text))
    return text


_TICKED = {True: "☑", False: "☐"}
_FALSE = ("0", "false", "off")


def form_check_boxes(root) -> None:  # type: ignore[no-untyped-def]
    """Put in, as text, what each of Word's legacy form check boxes (「旧式窗体 › 复选框」, a FORMCHECKBOX
    field: ``w:ffData/w:checkBox``) shows: ☑ when ticked, ☐ when not. The box is drawn by Word from the
    field's data and has no text, so a filled-in form read 「是否需要接送：是否」, the choice lost. Ticked is
    the ``w:checked`` the filler set (on unless its ``w:val`` is off), else the box's ``w:default``. The mark
    goes in a run of its own just before the field's begin run (the field's result, if any, is read as before)."""
    from lxml import etree

    for box in list(root.iter(_W + "checkBox")):
        data = box.getparent()
        begin = data.getparent() if data is not None else None
        run = begin.getparent() if begin is not None else None
        if (
            data is None
            or data.tag != _W + "ffData"
            or begin is None
            or begin.tag != _W + "fldChar"
            or run is None
            or run.tag != _W + "r"
            or run.getparent() is None
        ):
            continue
        checked = box.find(_W + "checked")
        if checked is None:
            checked = box.find(_W + "default")
            ticked = checked is not None and (checked.get(_W + "val") or "0").lower() not in _FALSE
        else:
            ticked = (checked.get(_W + "val") or "1").lower() not in _FALSE
        mark = etree.Element(_W + "r")
        etree.SubElement(mark, _W + "t").text = _TICKED[ticked]
        run.addprevious(mark)


def _replace_field(first, last, shown: str) -> None:  # type: ignore[no-untyped-def]
    """Replace the runs from `first` to `last` (siblings: a field's begin and end runs) by one run showing
    `shown` in the first run's properties."""
    from copy import deepcopy

    from lxml import etree

    if first is None or last is None or first.getparent() is not last.getparent():
        return
    parent = first.getparent()
    start, stop = parent.index(first), parent.index(last)
    if first.tag != _W + "r" or stop < start:
        return
    run = etree.SubElement(parent, _W + "r")
    properties = first.find(_W + "rPr")
    if properties is not None:
        run.append(deepcopy(properties))
    etree.SubElement(run, _W + "t").text = shown
    for element in list(parent)[start : stop + 1]:
        parent.remove(element)
    parent.insert(start, run)


def _drop_cap(p) -> bool:  # type: ignore[no-untyped-def]
    frame = p.find(f"{_W}pPr/{_W}framePr")
    return frame is not None and frame.get(_W + "dropCap") in ("drop", "margin")


def number_paragraphs(root, definitions: ListDefinitions) -> None:  # type: ignore[no-untyped-def]
    """Put the number Word shows in front of each numbered paragraph under `root` into its text.

    Both readings of a .docx (the block walk and the reference text) do this first, on their own trees,
    so a numbered paragraph reads 「第三条 离休干部……」 in both, as it would if the number were typed.
    Paragraphs count in document order, leaving out the VML copy of a text box (read once, as the text
    is); a numbered paragraph with no text of its own counts but gets no number (a bare 「3.」 is not text).
    """
    paragraphs = [p for p in root.iter(_W + "p") if _read_branch(p)]
    for p, label in list_labels(paragraphs, definitions).items():
        if not label or not _has_text(p):
            continue
        run = p.makeelement(_W + "r", {})
        text = p.makeelement(_W + "t", {"{http://www.w3.org/XML/1998/namespace}space": "preserve"})
        text.text = label
        run.append(text)
        properties = p.find(_W + "pPr")
        p.insert(0 if properties is None else p.index(properties) + 1, run)


def contents_field_paragraphs(root) -> list:  # type: ignore[type-arg, no-untyped-def]
    """The paragraphs a generated table of contents fills when it is a bare complex field (a TOC field
    Word or a script inserted without the content control Word puts around its own): the entries
    repeat the headings with page numbers, so they are not read. A TOC field that never ends (a
    damaged file) takes nothing away."""
    out: list = []  # type: ignore[type-arg]
    open_fields: list[list[str]] = []  # the instructions of each open complex field, outermost first
    inside: list = []  # type: ignore[type-arg]
    for p in root.iter(_W + "p"):
        touched = _in_contents(open_fields)
        for mark in p.iter(_W + "fldChar", _W + "instrText"):
            if mark.tag == _W + "instrText":
                if open_fields:
                    open_fields[-1].append(mark.text or "")
                touched = touched or _in_contents(open_fields)
                continue
            kind = mark.get(_W + "fldCharType")
            if kind == "begin":
                open_fields.append([])
            elif kind == "end" and open_fields:
                closing = _in_contents(open_fields[:1])
                open_fields.pop()
                if closing and not open_fields:
                    out.extend([*inside, p])
                    inside, touched = [], False
                    break
        if touched:
            inside.append(p)
    return out


def _in_contents(open_fields: list[list[str]]) -> bool:
    return any("".join(instructions).strip().upper().startswith("TOC") for instructions in open_fields)


def _read_branch(element) -> bool:  # type: ignore[no-untyped-def]
    """Not inside a branch of an mc:AlternateContent that the readers leave out (see _alternative)."""
    for ancestor in element.iterancestors(_MC + "Choice", _MC + "Fallback"):
        parent = ancestor.getparent()
        if parent is not None and _alternative(parent) is not ancestor:
            return False
    return True


def _has_text(p) -> bool:  # type: ignore[no-untyped-def]
    """Whether a paragraph shows text of its own (not only a text box's paragraphs)."""
    return any(
        (t.text or "").strip() and next(t.iterancestors(_W + "p"), None) is p and _visible(t)
        for t in p.iter(_W + "t")
    )


def _clean(text: str) -> str:
    return re.sub(r"[ \t\u00a0]+", " ", text.replace("\r", " ").replace("\n", " ").replace("\v", " ")).strip()


def _text_blocks(text: str) -> tuple[Block, ...]:
    return tuple(
        Block(text=line, kind="paragraph") for line in (_clean(raw) for raw in text.split("\n")) if line
    )


def _soffice_to_docx(name: str, data: bytes, soffice: str) -> bytes | None:
    def command(folder: Path) -> list[str]:
        profile = folder / "profile"
        return [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(folder),
            str(folder / "in.doc"),
        ]

    def result(folder: Path, _stdout: bytes) -> bytes | None:
        target = folder / "in.docx"
        return target.read_bytes() if target.exists() else None

    return _convert(name, data, "LibreOffice", command, result)


def _antiword(name: str, data: bytes, antiword: str) -> str | None:
    return _convert(
        name,
        data,
        "antiword",
        lambda folder: [antiword, "-w", "0", "-m", "UTF-8.txt", str(folder / "in.doc")],
        lambda _folder, stdout: stdout.decode("utf-8", errors="replace"),
    )


def _convert(
    name: str,
    data: bytes,
    converter: str,
    command: Callable[[Path], list[str]],
    result: Callable[[Path, bytes], _T | None],
) -> _T | None:
    """Write the .doc as in.doc in a fresh folder, run `command(folder)` on it and read what it made with
    `result(folder, its output)`; None, logged, when the converter fails or overruns its time."""
    with tempfile.TemporaryDirectory(prefix="speechqa-doc-") as tmp:
        folder = Path(tmp)
        (folder / "in.doc").write_bytes(data)
        try:
            done = subprocess.run(command(folder), check=True, capture_output=True, timeout=_CONVERT_TIMEOUT)
        except (OSError, subprocess.SubprocessError) as e:
            log.info("%s could not convert %s: %r", converter, name, e)
            return None
        return result(folder, done.stdout)


def _copy(fallback) -> bool:  # type: ignore[no-untyped-def]
    """Whether an mc:Fallback repeats text one of its mc:Choice siblings already holds."""
    parent = fallback.getparent()
    return parent is not None and any(
        t is not None for t in (next(c.iter(_W + "t"), None) for c in parent.iterfind(_MC + "Choice"))
    )


# --- what Word fills in from other parts of the package when it opens a file ------------------------

_DGM = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}"
_CHART = "{" + CHART_URI + "}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_O = "{urn:schemas-microsoft-com:office:office}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_R_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
_R_DM = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}dm"  # a diagram's data model
_DS = "{http://schemas.openxmlformats.org/officeDocument/2006/customXml}"
_PREFIX_MAPPING = re.compile(r"""xmlns:([\w.-]+)\s*=\s*['"]([^'"]*)['"]""")
_ITEM_RELS = re.compile(r"customXml/_rels/(item\d+\.xml)\.rels")
_LIST_END = "：:，,；;。"


def fill_from_package(body, archive: zipfile.ZipFile, parser, make: Callable[[str], object]) -> None:  # type: ignore[no-untyped-def]
    """Put into `body` the text Word shows there from other parts of the package (new elements made by
    `make` from XML): each content control bound to a custom XML part (w:dataBinding) shows the part's
    value, not what the control held when the file was saved (a web office system fills a template's
    controls by writing the custom XML part only, the controls keep the template's prompts or last
    year's values), and each SmartArt graphic's text (in its data model, word/diagrams/dataN.xml; the body
    holds only a reference to it) becomes paragraphs after the one holding the graphic: a node a
    paragraph, its sub-items after it (「第一步  巡查：每周二、周五上午…」); each worksheet embedded as an
    object (an Excel, WPS or Calc sheet inserted as 「对象」: the body shows its picture only, the workbook is
    in word/embeddings/) becomes the table it holds, after the paragraph holding the object; each chart
    (「插入 › 图表」: the body holds only a reference to word/charts/chartN.xml) becomes its title and the
    table of the figures it draws (`corpus.charts`), after the paragraph holding it."""
    _bind_controls(body, _custom_items(archive, parser))
    rels = _document_rels(archive, parser)
    diagrams = {rel_id: path for rel_id, (kind, path) in rels.items() if kind == "diagramData"}
    if diagrams:
        _diagram_paragraphs(body, diagrams, archive, parser, make)
    embedded = {rel_id: path for rel_id, (kind, path) in rels.items() if kind in ("package", "oleObject")}
    if embedded:
        _embedded_sheets(body, embedded, archive, make)
    charts = {rel_id: path for rel_id, (kind, path) in rels.items() if kind == "chart"}
    if charts:
        _chart_tables(body, charts, archive, make)


def _chart_tables(body, charts: dict[str, str], archive: zipfile.ZipFile, make) -> None:  # type: ignore[no-untyped-def]
    """Each chart (``c:chart`` in a drawing) read as the table of its figures: its title a line, then a row
    per category (「类别：城关镇；参与人数：46」) after the paragraph holding it. Word keeps a chart's figures
    only in the chart part's caches; before, a 工作总结 whose figures were a chart's lost them all.

    Where it goes: after the paragraph holding it, the charts of one paragraph in their order; one anchored
    in the head (the title, a subtitle, the date line: no sentence has ended yet) waits, as a text box does,
    until after the first paragraph that ends a sentence — a table or a heading ends the wait — so the
    header stays the header. A chart in a table cell is read in the cell: its title and a line per category
    in the same labelled form, never a table nested in the cell (whose cells 「1月」「12」 ran together)."""
    from lxml import etree

    placed: dict[object, object] = {}  # an anchor → the last element put after it (lxml keeps one proxy)
    for reference in list(body.iter(_CHART + "chart")):
        path = charts.get(reference.get(_R_ID) or "")
        paragraph = next(reference.iterancestors(_W + "p"), None)
        if path is None or paragraph is None or not _read_branch(reference):
            continue
        try:
            chart = read_chart(archive.read(path))
        except (etree.XMLSyntaxError, KeyError, ValueError):
            continue
        in_cell = next(paragraph.iterancestors(_W + "tc"), None) is not None
        anchor = paragraph if in_cell else _after_head(body, paragraph)
        after = placed.get(anchor, anchor)
        made = []
        if chart.title:  # in a cell, the lines after it are its figures: 「走访次数：类别：1月；次数：12。…」
            made.append(make(_paragraph_xml(chart.title + ("：" if in_cell and chart.rows else ""))))
        if chart.rows and in_cell:
            made += [make(_paragraph_xml(line + "。")) for line in _labelled_rows(chart.rows)]
        elif chart.rows:
            made.append(make(_table_xml(chart.rows, frozenset())))
        for element in made:
            if anchor is not paragraph and after is anchor and _is_table_or_heading(anchor):
                anchor.addprevious(element)  # the wait ended at a table or a heading: before it
                continue
            after.addnext(element)
            after = element
        placed[anchor] = after


def _labelled_rows(rows: tuple[tuple[str, ...], ...]) -> list[str]:
    """A chart's rows as lines labelled by its header row, as a deck's chart is read:
    「类别：1月；次数：12」."""
    header, *body = rows
    return ["；".join(f"{label}：{value}" for label, value in zip(header, row, strict=False)) for row in body]


def _text_of(element) -> str:  # type: ignore[no-untyped-def]
    return "".join(t.text or "" for t in element.iter(_W + "t"))


def _is_table_or_heading(element) -> bool:  # type: ignore[no-untyped-def]
    if element.tag == _W + "tbl":
        return True
    style = element.find(f"{_W}pPr/{_W}pStyle")
    level = element.find(f"{_W}pPr/{_W}outlineLvl")
    name = (style.get(_W + "val") or "") if style is not None else ""
    return level is not None or re.match(r"(?i)heading\s*\d|标题\s*\d", name) is not None


def _after_head(body, paragraph):  # type: ignore[no-untyped-def]
    """Where a chart anchored in `paragraph` (a paragraph of the body's own) is put after: the paragraph
    itself once a sentence has ended there or before it; else the first paragraph after it that ends a
    sentence, or the table or heading that comes first (the chart then goes before it)."""
    if paragraph.getparent() is not body:
        return paragraph
    blocks = [child for child in body if child.tag in (_W + "p", _W + "tbl")]
    if paragraph not in blocks:
        return paragraph
    at = blocks.index(paragraph)
    if any(_SENTENCE_MARK.search(_text_of(block)) for block in blocks[: at + 1] if block.tag == _W + "p"):
        return paragraph
    for block in blocks[at + 1 :]:
        if _is_table_or_heading(block):
            return block
        if _SENTENCE_MARK.search(_text_of(block)):
            return block
    return paragraph


def _document_rels(archive: zipfile.ZipFile, parser) -> dict[str, tuple[str, str]]:  # type: ignore[no-untyped-def]
    """The main document's internal relationships present in the archive: id → (type's last name, path)."""
    from lxml import etree

    try:
        rels = etree.fromstring(archive.read("word/_rels/document.xml.rels"), parser)
    except (KeyError, etree.XMLSyntaxError):
        return {}
    names = set(archive.namelist())
    out = {}
    for rel in rels:
        target = rel.get("Target") or ""
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath("word/" + target)
        if rel.get("TargetMode") != "External" and path in names:
            out[rel.get("Id") or ""] = ((rel.get("Type") or "").rsplit("/", 1)[-1], path)
    return out


def _custom_items(archive: zipfile.ZipFile, parser) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """The custom XML parts of a package, parsed, by the store item id their properties part gives."""
    from lxml import etree

    out = {}
    names = set(archive.namelist())
    for name in names:
        found = _ITEM_RELS.fullmatch(name)
        if found is None or "customXml/" + found.group(1) not in names:
            continue
        try:
            for rel in etree.fromstring(archive.read(name), parser):
                if not (rel.get("Type") or "").endswith("/customXmlProps"):
                    continue
                path = posixpath.normpath("customXml/" + (rel.get("Target") or ""))
                if path not in names:
                    continue
                item_id = etree.fromstring(archive.read(path), parser).get(_DS + "itemID") or ""
                out[item_id.upper()] = etree.fromstring(archive.read("customXml/" + found.group(1)), parser)
        except etree.XMLSyntaxError:
            continue
    return out


def _bind_controls(body, items: dict[str, object]) -> None:  # type: ignore[no-untyped-def]
    """Show each bound content control's value from its custom XML part, as Word does on opening: its
    shown text replaced by the value of the node its XPath selects; a control whose part or node is
    missing, or whose node is empty, keeps what it holds."""
    from lxml import etree

    if not items:
        return
    for sdt in list(body.iter(_W + "sdt")):
        binding = sdt.find(f"{_W}sdtPr/{_W}dataBinding")
        content = sdt.find(_W + "sdtContent")
        if binding is None or content is None:
            continue
        item = items.get((binding.get(_W + "storeItemID") or "").upper())
        if item is None:
            continue
        namespaces = dict(_PREFIX_MAPPING.findall(binding.get(_W + "prefixMappings") or ""))
        try:
            found = item.getroottree().xpath(binding.get(_W + "xpath") or "", namespaces=namespaces)  # type: ignore[attr-defined]
        except (etree.XPathError, TypeError, ValueError):
            continue
        if isinstance(found, list):
            found = found[0] if found else None
        value = "".join(found.itertext()) if hasattr(found, "itertext") else found
        if not isinstance(value, str) or not value.strip():
            continue
        texts = list(content.iter(_W + "t"))
        if not texts:
            continue
        texts[0].text = value
        for t in texts[1:]:
            t.text = ""
        flag = sdt.find(f"{_W}sdtPr/{_W}showingPlcHdr")
        if flag is not None:
            flag.getparent().remove(flag)


def _diagram_paragraphs(body, diagrams: dict[str, str], archive: zipfile.ZipFile, parser, make) -> None:  # type: ignore[no-untyped-def]
    from lxml import etree

    for relation in list(body.iter(_DGM + "relIds")):
        path = diagrams.get(relation.get(_R_DM) or "")
        paragraph = next(relation.iterancestors(_W + "p"), None)
        if path is None or paragraph is None or not _read_branch(relation):
            continue
        try:
            model = etree.fromstring(archive.read(path), parser)
        except etree.XMLSyntaxError:
            continue
        after = paragraph
        for line in diagram_lines(model):
            new = make(
                f'<w:p xmlns:w="{_W[1:-1]}"><w:r><w:t xml:space="preserve">{_xml_escape(line)}</w:t></w:r></w:p>'
            )
            after.addnext(new)
            after = new


def _embedded_sheets(body, embedded: dict[str, str], archive: zipfile.ZipFile, make) -> None:  # type: ignore[no-untyped-def]
    """Each OLE object (``o:OLEObject``) whose embedded part is a workbook — an .xlsx package, or an Excel
    97–2003 sheet in a compound file (``oleObject1.bin``) — read as Word would print it opened: a table
    of its visible cells as displayed, a row spanning it where the sheet merges a lone cell across (a title,
    a note), each sheet of a workbook of several after a line of its name. An object of another kind (a
    Word document, a drawing, a formula) or a workbook that cannot be read stays its picture."""
    from .sheets import sheet_grids

    for ole in list(body.iter(_O + "OLEObject")):
        path = embedded.get(ole.get(_R_ID) or "")
        paragraph = next(ole.iterancestors(_W + "p"), None)
        if path is None or paragraph is None or not _read_branch(ole):
            continue
        name = posixpath.basename(path)
        try:
            grids, _ = sheet_grids(name, posixpath.splitext(name)[1].lower(), archive.read(path))
        except (*ZIP_DAMAGE, CorpusError, KeyError):
            continue
        after = paragraph
        for grid in grids:
            if len(grids) > 1 and grid.name.strip():
                line = make(_paragraph_xml(grid.name.strip()))
                after.addnext(line)
                after = line
            table = make(_table_xml(grid.rows, grid.wide))
            after.addnext(table)
            after = table


# A picture narrower than this on the page (EMU: 6 cm) is a logo, a seal or an icon and is never decoded; a
# table pasted as a picture is set across most of the text's width (16 cm on A4 with Word's margins).
_TABLE_PICTURE_WIDTH = 2_160_000
_EMU_PER_PIXEL = 9525  # at 96 dpi, as Word sizes a picture inserted at its own size


def picture_tables(name: str, body, archive: zipfile.ZipFile, parser, make, engine=None) -> int:  # type: ignore[no-untyped-def]
    """Read each picture of a ruled table in the body of a document with text of its own (a 附件 table a
    clerk pasted as a picture: a sheet exported as PNG, a screenshot) as the table it shows, after the
    paragraph holding it: the lines printed above the grid (its caption), the table read cell by cell by
    OCR (`corpus.gridtables`), the lines below it. Which pictures: set at least 6 cm wide on the page, and
    a ruled grid found in the decoded image by its long dark runs (no OCR asked): a logo, a seal, a photo
    or a picture of text is passed over as before, undecoded when it is set small. A document of pictures
    only is read as a pasted scan (`corpus.reader`), not here. The number of table pictures left unread
    because no OCR engine is installed is returned (the document reads without them)."""
    if not any((t.text or "").strip() for t in body.iter(_W + "t")):
        return 0
    rels = _document_rels(archive, parser)
    images = {rel_id: path for rel_id, (kind, path) in rels.items() if kind == "image"}
    pictures = gridtables.PictureTables(name, engine or ocr.engine)
    for blip in list(body.iter(_A + "blip")):
        path = images.get(blip.get(_R_EMBED) or "")
        paragraph = next(blip.iterancestors(_W + "p"), None)
        if path is None or paragraph is None or not _read_branch(blip):
            continue
        if next(paragraph.iterancestors(_W + "tc"), None) is not None:
            continue  # a picture in a table's cell: its table says what it is for
        if not _wide_picture(blip):
            continue
        try:
            table = pictures.read(archive.read(path), _framing(blip))
        except (*ZIP_DAMAGE, KeyError):
            continue
        if table is None:
            continue
        made = [make(_paragraph_xml(line)) for line in table.above]
        if table.labelled:
            made.append(make(_table_xml(table.rows, table.wide)))
        else:  # spans, short rules: no header labels each cell safely, so its lines are read as they stand
            made += [make(_paragraph_xml(line)) for line in table.lines]
        made += [make(_paragraph_xml(line)) for line in table.below]
        pictures.place(paragraph, made)
    return pictures.unread


def _framing(blip) -> gridtables.Framing:  # type: ignore[no-untyped-def]
    """How the document shows a picture: cropped by its ``a:srcRect`` (thousandths of a percent cut off each
    side; negative: white added, nothing cut) and turned by its shape's ``a:xfrm rot`` (60,000ths of a degree,
    clockwise)."""
    crop = blip.getparent().find(_A + "srcRect") if blip.getparent() is not None else None
    shares = [0.0, 0.0, 0.0, 0.0]
    if crop is not None:
        for i, side in enumerate(("l", "t", "r", "b")):
            try:
                shares[i] = max(0, int(crop.get(side) or 0)) / 100_000
            except ValueError:
                shares[i] = 0.0
    shape = blip.getparent().getparent() if blip.getparent() is not None else None
    xfrm = next(shape.iter(_A + "xfrm"), None) if shape is not None else None
    try:
        turn = int(xfrm.get("rot") or 0) / 60_000 if xfrm is not None else 0.0
    except ValueError:
        turn = 0.0
    return gridtables.Framing((shares[0], shares[1], shares[2], shares[3]), turn)


def _wide_picture(blip) -> bool:  # type: ignore[no-untyped-def]
    """Whether a picture is set wide enough on the page to hold a table (its drawing's extent)."""
    drawing = next((a for a in blip.iterancestors() if a.tag in (_WP + "inline", _WP + "anchor")), None)
    extent = drawing.find(_WP + "extent") if drawing is not None else None
    if extent is None:
        return True  # no size said: the picture's own pixels decide (gridtables.table_picture)
    try:
        return int(extent.get("cx") or 0) >= _TABLE_PICTURE_WIDTH
    except ValueError:
        return False


def _paragraph_xml(text: str) -> str:
    return f'<w:p xmlns:w="{_W[1:-1]}"><w:r><w:t xml:space="preserve">{_xml_escape(text)}</w:t></w:r></w:p>'


def _table_xml(rows: tuple[tuple[str, ...], ...], wide: frozenset[int]) -> str:
    """A Word table of `rows` (each cell's lines as paragraphs), the rows in `wide` one cell across it."""
    width = max((len(row) for row in rows), default=1)

    def cell(text: str, span: int = 1) -> str:
        props = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
        lines = text.split("\n") or [""]
        return f"<w:tc>{props}" + "".join(_paragraph_xml(line) for line in lines) + "</w:tc>"

    out = [f'<w:tbl xmlns:w="{_W[1:-1]}"><w:tblPr/><w:tblGrid>' + "<w:gridCol/>" * width + "</w:tblGrid>"]
    for n, row in enumerate(rows):
        if n in wide:
            out.append("<w:tr>" + cell(next((c for c in row if c), ""), width) + "</w:tr>")
        else:
            out.append("<w:tr>" + "".join(cell(c) for c in row) + cell("") * (width - len(row)) + "</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def diagram_lines(model) -> list[str]:  # type: ignore[no-untyped-def]
    """A SmartArt data model's text as lines, in the diagram's order: each top node (a step, a box) with
    its sub-items after it — 「节点：子项；子项」 (「，」 after a node that has a 「：」 already, nothing after
    one ending in punctuation) — the nodes ordered by their connections from the diagram's root; a model
    without a root gives its nodes in the order they are stored."""
    points = {point.get("modelId"): point for point in model.iter(_DGM + "pt")}

    def text(point) -> str:  # type: ignore[no-untyped-def]
        return "".join(
            "".join(t.text or "" for t in p.iter(_A + "t")) for p in point.iterfind(f"{_DGM}t/{_A}p")
        ).strip()

    def node(point) -> bool:  # type: ignore[no-untyped-def]
        return point is not None and point.get("type") in (None, "node", "asst")

    children: dict[str, list[tuple[int, str]]] = {}
    for connection in model.iter(_DGM + "cxn"):
        if connection.get("type") in (None, "parOf"):
            order = connection.get("srcOrd") or "0"
            children.setdefault(connection.get("srcId") or "", []).append(
                (int(order) if order.isdigit() else 0, connection.get("destId") or "")
            )

    def below(model_id: str) -> list[str]:
        out = []
        for _, child in sorted(children.get(model_id, [])):
            point = points.get(child)
            if node(point):
                out.append(text(point))
                out.extend(below(child))
        return out

    root = next((i for i, p in points.items() if p.get("type") == "doc"), None)
    if root is None:
        return [t for t in (text(p) for p in points.values() if node(p)) if t]
    lines = []
    for _, top in sorted(children.get(root, [])):
        point = points.get(top)
        if not node(point):
            continue
        head, items = text(point), [t for t in below(top) if t]
        if not items:
            lines.append(head)
        elif not head:
            lines.extend(items)
        else:
            joint = "" if head[-1] in _LIST_END else "，" if "：" in head else "："
            lines.append(head + joint + "；".join(items))
    return [line for line in lines if line]
