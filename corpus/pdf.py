"""PDF files: the text layer read with its layout (pdfplumber), scanned pages read by OCR.

Each page gives positioned lines; running headers/footers and page numbers are dropped and lines are
joined into paragraphs by corpus.layout. Encrypted PDFs that open without a password (an owner password
only, as many government PDFs have, RC4 or AES) are read; one that needs a password to open is refused.
"""

from __future__ import annotations

import bisect
import functools
import io
import itertools
import logging
import math
import operator
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from . import ocr
from .clean import HAN
from .cmaps import ResourceManager
from .columns import MIN_GUTTER, printed_blocks
from .contents import CONTENTS_ENTRY as _CONTENTS_ENTRY
from .contents import CONTENTS_HEADING as _CONTENTS_HEADING
from .contents import CONTENTS_LEADER as _CONTENTS_LEADER
from .contents import CONTENTS_TAIL as _CONTENTS_TAIL
from .contents import NO_HEADING as _NO_HEADING
from .contents import NUMBERED_HEADING as _NUMBERED_HEADING
from .contents import EntryPlace, indent_levels, mark_entries
from .errors import EmptyDocument, UnreadableFile, damaged
from .fractions import read_formulas
from .layers import without_hidden_layers
from .layout import (
    MARGIN_BAND,
    Line,
    Page,
    footnotes_under,
    join,
    join_drop_caps,
    separator,
    tidy_line,
)
from .notes import REMARKS_HEADING, Remark, remark_line, threads
from .records import Block
from .spreads import read_sheet
from .tables import ROW_NUMBER, labelled_rows, rising, table_header

log = logging.getLogger(__name__)

# Scanned pages are rendered at this resolution for OCR: `speechqa bench ocr` measured the same error rate
# at 150, 200 and 300 dpi on body-size print; 200 keeps headroom for small print at 2/3 the time of 300.
OCR_DPI = 200
# A page whose text layer has fewer characters than this and that carries an image is a scan.
_MIN_TEXT_CHARS = 10
# A glyph of a font without a character map (no ToUnicode, no known encoding): pdfminer gives 「(cid:17)」.
_UNDECODED = re.compile(r"^\(cid:\d+\)$")
# A page with no text layer drawing at least this many small filled shapes is text converted to outlines
# (转曲: a print shop's or designer's export, every glyph a filled path, each of its contours a shape): it is
# read as a scan. A bar chart or a seal draws far fewer; the test notice converted to curves over a thousand.
# A page of many small filled markers (a scatter plot) is OCR'd too: nothing is read from it, as before.
_MIN_OUTLINED_GLYPHS = 60
# …each no taller than this (points): a glyph of a heading's type, not a page-sized frame or a photo's shape
_MAX_GLYPH_HEIGHT = 72
# A page of a document converted to outlines that draws at least this many glyph-sized filled shapes but
# fewer than _MIN_OUTLINED_GLYPHS is outlined text too: the last page of a notice, holding only its issuer,
# its date and a page number (「澜屿县老年大学」「2030年2月15日」「— 2 —」), once lost unread. Alone in a
# document with no other outlined page, so few shapes stay a drawing's (a logo, a chart's bars), as before.
_MIN_TRAILING_GLYPHS = 4
# A band of glyph outlines on a page of typed text — a Fontwork (艺术字) title, which Writer exports as its
# glyphs' outlines, not as text — is at least this many glyph-sized filled shapes in one line's height, left
# to right with no gap wider than that height, no text in it: too few for the outlined-page rules above
# (cold40's proposal: 18 shapes over its body), read by OCR in its place when an engine is installed
_MIN_BAND_GLYPHS = 6
# A page whose glyphs are undecodable in this share or more has no usable text layer: it is read as a scan
# (a few such glyphs, a symbol font's bullet, are only left out).
_UNDECODED_SHARE = 0.2


@dataclass(frozen=True)
class PdfText:
    """A PDF's text, one paragraph per line, and the same paragraphs as blocks: each row of a ruled table
    is its own block of kind "table_row" (kept as its own passage, as a Word table row is), the others
    have kind "" (plain text, for the parser to read as it reads any text). encoding is "pdf", or
    "pdf+ocr" when pages needed OCR (or a band of glyph outlines on a page of text was read by it).
    notes: what the user must be told about it (scanned pages that could not be read, or that OCR read
    with low confidence), one Chinese line each."""

    text: str
    encoding: str
    blocks: tuple[Block, ...]
    notes: tuple[str, ...] = ()


def read_pdf(name: str, data: bytes, reader: ocr.OcrEngine | None = None) -> PdfText:
    """The text of a PDF, one paragraph per line, with its table rows marked; `reader` the OCR engine for
    what needs one (default: the best installed, `corpus.ocr.engine`).

    A page with (almost) no text but an image is a scan, and so is a page whose text was converted to
    outlines (转曲: no text, its glyphs drawn as filled shapes): read by OCR when an engine is installed. Without
    one, a PDF made only of such pages is refused saying how to enable OCR; in a PDF with text elsewhere
    such a page keeps what text it has, and a note names the pages not read and how to enable OCR. A scan
    with an OCR program's invisible text over it is read from that text, unless the text is Tesseract's
    (OCRmyPDF, ``tesseract … pdf``) and a better engine than Tesseract is installed: then the page is read
    by that engine, as a scan without a text layer is.
    """
    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    if b"%PDF" not in data[:1024]:
        raise damaged(f"{name} 不是有效的 PDF 文件（可能已损坏或不完整）")
    # A download that stopped in a file its program had filled with zeros first (a download manager, a copy
    # to a full stick) ends in NUL bytes, never part of a PDF: pdfminer is given where the file really ends.
    data = data.rstrip(b"\x00")
    if _ends_in_no_line(data):
        raise damaged(f"{name} 不是有效的 PDF 文件（内容已损坏或不完整）")
    data = without_hidden_layers(data)  # a layer the viewer does not show is not read either
    pages: list[Page] = []
    scanned = 0
    unread: list[int] = []
    undecoded: list[int] = []  # pages whose fonts have no character map, not read
    outlines: list[int] = []  # of the unread pages, those whose text was converted to outlines (转曲)
    doubtful: list[tuple[int, float]] = []  # pages OCR read with low confidence: (number, confidence)
    remarks: list[Block] = []  # reviewers' remarks (annotations), read after the body
    try:
        with pdfplumber.open(io.BytesIO(data), password="") as pdf:
            pdf.rsrcmgr = ResourceManager()  # fonts encoded by a CMap embedded under a name of its own
            read_pages: list[_PageText] = []
            numbers: list[int] = []  # each read page's number in the PDF (0 = the first): OCR reads halves
            reprinted = _reprinted_pages(pdf.pages)
            document_outlined: bool | None = None  # another page is text converted to outlines: found once
            for number, page in enumerate(pdf.pages, start=1):
                numbers += [number - 2] * (len(read_pages) - len(numbers))  # the previous page's
                if number in reprinted:  # a slide printed again, smaller, on its notes page: read there
                    continue
                remarks.extend(page_remarks(page, number))
                page = _shown(page)
                if _scanned_with_text_layer(pdf, page):
                    engine = reader or ocr.engine()
                    # Tesseract's reading, where a better engine is installed: the page is read again
                    better = engine is not None and engine.name != "Tesseract" and _tesseract_layer(pdf, page)
                    if better and (halves := _ocr_halves(name, engine, page, number, doubtful)):
                        read_pages.extend(halves)
                        scanned += 1
                        continue
                    read_pages.extend(_PageText(page=half) for half in read_sheet(_layer_page(page)))
                    scanned += 1
                    continue
                text = _page_text(page)
                garbled = text.undecoded > 0 and text.undecoded >= _UNDECODED_SHARE * (
                    text.undecoded + text.characters
                )
                if garbled:  # glyph numbers, not text: what it prints is read as a scan's is, or not at all
                    text = _PageText(page=replace(text.page, lines=()))
                outlined = text.characters < _MIN_TEXT_CHARS and not page.images and _outlined(page)
                if (
                    not outlined
                    and text.characters < _MIN_TEXT_CHARS
                    and not page.images
                    and _outlined(page, _MIN_TRAILING_GLYPHS)
                ):  # a few glyphs' outlines: text, when the document's other pages are outlined text
                    if document_outlined is None:
                        document_outlined = _outlined_document(pdf.pages)
                    outlined = document_outlined
                if (text.characters < _MIN_TEXT_CHARS and page.images) or outlined or garbled:
                    engine = reader or ocr.engine()
                    if engine is None:
                        (undecoded if garbled else unread).append(number)
                        if outlined:
                            outlines.append(number)
                    elif halves := _ocr_halves(name, engine, page, number, doubtful):
                        read_pages.extend(halves)
                        scanned += 1
                        continue
                elif text.characters >= _MIN_TEXT_CHARS and (bands := _outlined_bands(page)):
                    engine = reader or ocr.engine()  # without one the band stays a drawing, as before
                    if engine is not None and (read := _band_lines(name, engine, page, bands)):
                        text = replace(text, page=replace(text.page, lines=_inserted(text.page.lines, read)))
                        scanned += 1  # its words are OCR's: the file reads "pdf+ocr"
                read_pages.append(text)
            numbers += [len(pdf.pages) - 1] * (len(read_pages) - len(numbers))
            outline = outline_titles(data)
            pages = _without_contents(_bookmarked(_with_tables(read_pages), numbers, outline))
            if not outline:  # a 目录's entries name the body's unnumbered headings, as bookmarks would
                pages = _listed_headings(pages)
    except (UnreadableFile, EmptyDocument):
        raise
    except Exception as e:  # pdfminer raises assorted errors on damaged files
        raise _refusal(name, e) from e
    notes: tuple[str, ...] = ()
    if undecoded and len(unread) + len(undecoded) == len(pages):
        raise UnreadableFile(f"{name} {ocr.UNDECODABLE}。{ocr.missing_engine_reason()}")
    if unread and len(unread) == len(pages):
        if outlines == unread:
            raise UnreadableFile(f"{name} {ocr.OUTLINED}。{ocr.missing_engine_reason()}")
        raise UnreadableFile(f"{name} 是扫描件（没有文字层）。{ocr.missing_engine_reason()}")
    if unread:
        log.warning("%s: pages %s without text were not read (no OCR engine installed)", name, unread)
        notes = (ocr.unread_pages_note(unread),)
    if undecoded:
        log.warning(
            "%s: pages %s in fonts without a character map were not read (no OCR engine)", name, undecoded
        )
        notes = (*notes, ocr.undecodable_pages_note(undecoded))
    if doubtful:  # an OCR layer found on the page is the scanner's reading, not ours: never named here
        notes = (*notes, ocr.doubtful_pages_note(doubtful))
    blocks = printed_blocks(pages)
    if not "".join(block.text for block in blocks).strip():
        raise EmptyDocument(f"{name} 中没有可提取的文字（如果是扫描件，需要先做文字识别）")
    if remarks:
        blocks = (*blocks, Block(text=REMARKS_HEADING, kind="heading", level=1), *remarks)
    text = "\n".join(block.text for block in blocks)
    return PdfText(text, "pdf+ocr" if scanned else "pdf", blocks, notes)


def embedded_files(data: bytes) -> tuple[tuple[str, bytes], ...]:
    """The files a PDF carries inside it (its embedded files: a notice's 附件 as an OA system or
    ``pdfattach`` puts them in the document's EmbeddedFiles), each its name and bytes, in the order the PDF
    lists them; none when the PDF has none or they cannot be read (a damaged name tree, a password)."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            return ()
        return tuple(
            (" ".join(name.split()) or "附件", content)
            for name, contents in reader.attachments.items()
            for content in contents
        )
    except Exception:  # a damaged name tree or stream: the notice itself is read all the same
        log.warning("embedded files of a PDF could not be read", exc_info=True)
        return ()


class OutlineEntry(NamedTuple):
    """One entry of a PDF's outline: its title (whitespace removed), its depth (1 = the outline's top), the
    page it points at (0 = the first) and how far down that page (page units from its top), each ``None``
    when its destination does not say."""

    title: str
    depth: int
    page: int | None = None
    top: float | None = None


def outline_titles(data: bytes) -> tuple[OutlineEntry, ...]:
    """The entries of a PDF's outline (its bookmarks, the viewer's side panel) in outline order; none when
    it has none or it cannot be read."""
    from pypdf import PdfReader

    def walk(reader: PdfReader, items, depth: int) -> list[OutlineEntry]:  # type: ignore[no-untyped-def]
        out: list[OutlineEntry] = []
        for item in items:
            if isinstance(item, list):
                out.extend(walk(reader, item, depth + 1))
            elif title := "".join(str(getattr(item, "title", "") or "").split()):
                page = top = None
                try:
                    page = reader.get_destination_page_number(item)
                    height = float(reader.pages[page].mediabox.top)
                    if getattr(item, "top", None) is not None:
                        top = height - float(item.top)
                except Exception:  # a destination by a name not in the document, or none
                    pass
                out.append(OutlineEntry(title, depth, page if page is not None and page >= 0 else None, top))
        return out

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            return ()
        return tuple(walk(reader, reader.outline, 1))
    except Exception:  # a damaged outline: the pages are read all the same
        log.warning("the outline of a PDF could not be read", exc_info=True)
        return ()


# A line more than this share above the body's size is set apart by its type: the title rules read it
_BODY_SIZE_SLACK = 1.08


def _bookmarked(pages: list[Page], numbers: Sequence[int], entries: Sequence[OutlineEntry]) -> list[Page]:
    """The pages with each line that is the whole title of an outline entry marked ``bookmarked`` (read
    as a heading, a paragraph of its own). A plan whose headings are set in the body's own type with no
    number and no indent (only its bookmarks tell them) had each heading run into the paragraphs around
    it: 「…实施方案。总体要求坚持自愿参与…」.

    The bookmark is taken as evidence only where the layout would read the line as body text: a line in
    the body's size, unnumbered, not the document's first. A title in a larger type (a compilation's
    second speech, a red-headed notice's title under its masthead) is left to the title rules, a numbered
    heading to the numbering rules. An entry is matched on the page it points at (``numbers`` gives each
    page's number in the PDF), to the line of its title nearest where it points, each line once, in
    outline order, an entry no line matches passed over without dropping the others — a 目录 listing the
    headings above them took every bookmark before. Levels are the nesting of the matched entries (the
    shallowest matched depth is 1), never an absolute depth.

    A title longer than a line is set over two or three consecutive lines: when no one line is the
    title, consecutive lines whose text together is the title are, read as one heading line (a long
    heading in the body's type matched nothing before and ran into its paragraphs). A page read by OCR
    (its lines have no type size: in the body's size means no taller than the scan's usual line) matches
    a title of four characters or more with OCR's errors (`_ocr_likeness`: the same length within a quarter,
    one character in five misread, dropped or added, and at least one); the line keeps what OCR read."""
    if not entries:
        return pages
    sizes: Counter[float] = Counter()
    heights: list[float] = []  # OCR'd lines' heights (no type size), for their body's
    for page in pages:
        for line in page.lines:
            if line.table:
                continue
            if line.size:
                sizes[round(line.size, 1)] += len(line.text)
            elif len(line.text.strip()) >= 4:
                heights.append(line.bottom - line.top)
    if not sizes and not heights:
        return pages
    body = sizes.most_common(1)[0][0] if sizes else 0.0
    scanned_body = sorted(heights)[len(heights) // 2] if heights else 0.0
    first = next(
        ((p, n) for p, page in enumerate(pages) for n, line in enumerate(page.lines) if line.text.strip()),
        None,
    )

    def body_sized(line: Line) -> bool:
        if line.table:
            return False
        if line.size:
            return 0 < line.size <= body * _BODY_SIZE_SLACK
        return 0 < line.bottom - line.top <= scanned_body * _OCR_HEIGHT_SLACK

    def opens(p: int, n: int, line: Line) -> bool:
        return (p, n) != first and body_sized(line) and not _NUMBERED_HEADING.match(line.text.strip())

    taken: dict[tuple[int, int], int] = {}  # (page, first line) -> the entry's depth
    spans: dict[tuple[int, int], int] = {}  # (page, first line) -> how many lines the title is set over
    held: set[tuple[int, int]] = set()  # every line taken
    for entry in entries:
        candidates: list[tuple[int, int, int, bool]] = []  # (page, line, lines, read by OCR)
        for p, page in enumerate(pages):
            if entry.page is not None and numbers[p] != entry.page:
                continue
            for n, line in enumerate(page.lines):
                if (p, n) in held or not opens(p, n, line):
                    continue
                if line.size and not entry.title.startswith("".join(line.text.split())):
                    continue  # not the title's first line (the common case, checked first)
                text = ""
                best = (0.0, 0)  # OCR'd lines: how alike the likeliest run of lines is, and its length
                for k in range(_TITLE_LINES):
                    if n + k >= len(page.lines):
                        break
                    part = page.lines[n + k]
                    if k and (
                        (p, n + k) in held or not body_sized(part) or bool(part.size) != bool(line.size)
                    ):
                        break
                    text += "".join(part.text.split())
                    if text == entry.title:
                        candidates.append((p, n, k + 1, False))
                        best = (0.0, 0)
                        break
                    if not line.size:
                        best = max(best, (_ocr_likeness(text, entry.title), k + 1))
                    if len(text) >= len(entry.title) * (1.25 if not line.size else 1):
                        break
                if best[0]:
                    candidates.append((p, n, best[1], True))
        if not candidates:
            continue
        exact = [c for c in candidates if not c[3]] or candidates  # OCR's likeness only when none is exact
        if entry.top is not None:
            p, n, k, _ = min(exact, key=lambda c: abs(pages[c[0]].lines[c[1]].top - entry.top))
        else:
            p, n, k, _ = exact[0]
        taken[p, n] = entry.depth
        spans[p, n] = k
        held.update((p, n + i) for i in range(k))
    if not taken:
        return pages
    rank = {depth: n + 1 for n, depth in enumerate(sorted(set(taken.values())))}
    out: list[Page] = []
    for p, page in enumerate(pages):
        lines: list[Line] = []
        n = 0
        while n < len(page.lines):
            line = page.lines[n]
            if (p, n) not in taken:
                lines.append(line)
                n += 1
                continue
            k = spans[p, n]
            lines.append(replace(_joined(page.lines[n : n + k]), bookmarked=rank[taken[p, n]]))
            n += k
        out.append(replace(page, lines=tuple(lines)))
    return out


def _without_contents(pages: list[Page]) -> list[Page]:
    """The pages without their 目录 (a table of contents typed or set in the body's type): a line 「目录」
    (「目　录」, 「目次」) alone, and the run of two or more lines after it, on its page and the next ones, each
    an entry — a heading, a leader and its page number (「一、总体要求……1」), or the words of a line further on
    (a heading listed without a number) — up to the first line that is neither, or a bookmarked heading. A
    table of contents repeats the headings: Word's, an ODF file's and an RTF's generated ones are not read
    (corpus.word, corpus.odt, corpus.rtf), and neither is a PDF's, so its entries make no passage and no
    section. Before, they were one paragraph (「目录一、总体要求……1二、招生对象……1」), the next paragraph run
    into it, a numbered entry taken for the first heading.

    An entry too long for its line wraps onto the next one or two, its page number on the last (or, a
    heading listed bare, the lines' words together are those of a heading set over one to three lines
    further on): the lines are one entry. Before, the 目录 ended at the entry's first line, the rest of it read as text."""
    places = [(p, n) for p, page in enumerate(pages) for n in range(len(page.lines))]
    texts = ["".join(pages[p].lines[n].text.split()) for p, n in places]
    last: dict[str, int] = {text: at for at, text in enumerate(texts) if text}
    # a heading set over two or three lines further on, by its words run together
    for k in (2, 3):
        for at in range(len(texts) - k + 1):
            if all(texts[at : at + k]):
                words = "".join(texts[at : at + k])
                last[words] = max(last.get(words, at), at)
    dropped: set[tuple[int, int]] = set()

    def plain(at: int) -> bool:  # a line that may be in a 目录: no table's, not bookmarked, not blank
        line = pages[places[at][0]].lines[places[at][1]]
        return bool(texts[at]) and not line.bookmarked and not line.table

    def entry(at: int, span: int) -> bool:  # lines at…at+span-1 are one entry
        if span == 1:
            line = pages[places[at][0]].lines[places[at][1]].text.strip()
            return bool(_CONTENTS_ENTRY.match(line)) or last.get(texts[at], at) > at
        tail = pages[places[at + span - 1][0]].lines[places[at + span - 1][1]].text.strip()
        words = "".join(texts[at : at + span])
        return bool(_CONTENTS_ENTRY.match(tail)) or last.get(words, at) > at + span - 1

    for at, text in enumerate(texts):
        if text not in _CONTENTS_HEADING or places[at] in dropped:
            continue
        end = at + 1
        while end < len(places) and plain(end):
            # an entry on its line, or one too long for it wrapped over two or three (its page number last)
            span = next(
                (
                    k
                    for k in range(1, _TITLE_LINES + 1)
                    if end + k <= len(places) and all(map(plain, range(end, end + k))) and entry(end, k)
                ),
                0,
            )
            if not span:
                break
            end += span
        if end - at - 1 >= 2:
            dropped.update(places[at:end])
    if not dropped:
        return pages
    return [
        replace(
            page,
            lines=tuple(
                replace(line, contents=True) if (p, n) in dropped else line
                for n, line in enumerate(page.lines)
            ),
        )
        for p, page in enumerate(pages)
    ]


# A line that ends what it says: a sentence's or a clause's end, or the colon that opens a list
_LINE_DONE = re.compile(r"[。！？；：!?;:][”’」』）)]*$")
# A heading's next line is body text only when it starts within this many characters of the text's left
# edge (a paragraph's first line indented two): a 落款 set on the right (「岫宁县老年大学」, the date) is none
_BODY_START_CHARS = 4


def _contents_entries(pages: list[Page]) -> tuple[list[str], tuple[int, ...] | None]:
    """The headings a PDF's 目录 lists (its lines marked ``contents``), in its order, whitespace removed: an
    entry's lines run together up to its leader and page number, which are cut off; a 目录 whose entries have
    none (headings listed bare) gives each line as an entry. With them, their levels when the 目录 sets its
    entries in by level (`corpus.contents.indent_levels`: flush left in groups, not centred), else None."""
    entries: list[tuple[str, EntryPlace, float]] = []  # (words, where it is set, its size)
    runs: list[list[Line]] = []
    for page in pages:
        for line in page.lines:
            if not line.contents:
                continue
            if "".join(line.text.split()) in _CONTENTS_HEADING:
                runs.append([])
            elif runs:
                runs[-1].append(line)
    for run in runs:
        tailed = any(_CONTENTS_ENTRY.match(line.text.strip()) for line in run)
        words, first = "", None
        for line in run:
            text = line.text.strip()
            first = first or line
            closes = not tailed or bool(_CONTENTS_ENTRY.match(text))
            words += "".join((_CONTENTS_TAIL.sub("", text) if tailed and closes else text).split())
            if closes:
                # a leader, or a blank (a tab: the line in parts), between its words and its page number
                leader = tailed and bool(_CONTENTS_LEADER.search(text))
                gap = line.parts[-1].x0 - line.parts[-2].x1 if tailed and len(line.parts) > 1 else 0.0
                place = EntryPlace(first.x0, (first.x0 + first.x1) / 2, line.x1, leader, gap)
                entries.append((words, place, first.size))
                words, first = "", None
    entries = [entry for entry in entries if entry[0]]
    sizes = [size for _, _, size in entries if size]
    levels = (
        indent_levels([place for _, place, _ in entries], min(sizes)) if sizes and len(runs) == 1 else None
    )
    return [words for words, _, _ in entries], levels


def _listed_headings(pages: list[Page]) -> list[Page]:
    """The pages with each body line a 目录 entry names marked a heading (``bookmarked``, level 1) — for a PDF
    without bookmarks whose headings are set in the body's own type with no number (only the 目录 tells them):
    they ran into their paragraphs (「…保障措施学员参加…」). An entry is matched only after the 目录, in its
    order, to one to three consecutive lines whose words together are the entry's and that stand as a heading:
    in the body's size, unnumbered (numbers are the numbering rules'), no sentence's or clause's mark, the
    line before them ending what it says (a sentence's end, a colon, a heading, a larger type, or none: after a
    short line with no end mark — a sentence's last line, or a heading the layout reads — it is left as main
    reads it),
    the last of them short of that edge or the next line indented (a heading's line does not run on), and
    heading something — the line
    after them is no entry's words (a list of the plan's parts under 「分为以下三个部分：」 is no heading)
    and body text starting near the left edge (a line over only the 落款 heads nothing).
    A sentence that merely begins with an entry's words, or whose wrapped last line is them, is never one
    (layout64 took the first equal line anywhere and lost words: mend64L's review files). An entry naming an
    attachment (「附件：报名登记表」) is never matched: that line is the 附件说明 or an attachment's label,
    corpus.parse's to read (mend65L: layout65 made it an empty section and lost its words)."""
    entries, levels = _contents_entries(pages)
    if not entries:
        return pages
    places = [(p, n) for p, page in enumerate(pages) for n in range(len(page.lines))]
    lines = [pages[p].lines[n] for p, n in places]
    texts = ["".join(line.text.split()) for line in lines]
    after = max(at for at, line in enumerate(lines) if line.contents) + 1
    sizes: Counter[float] = Counter()
    for line in lines:
        if line.size and not line.table and not line.contents:
            sizes[round(line.size, 1)] += len(line.text)
    if not sizes:
        return pages  # OCR'd pages: no type sizes to tell a heading in the body's type
    body = sizes.most_common(1)[0][0]
    edges = [line.x1 for line in lines if not line.table and not line.contents and line.size]
    edge = max(edges, default=0.0)
    left = min((line.x0 for line in lines if not line.table and not line.contents and line.size), default=0.0)

    def plain(at: int) -> bool:
        line = lines[at]
        return (
            bool(texts[at])
            and not line.table
            and not line.contents
            and not line.bookmarked
            and 0 < line.size <= body * _BODY_SIZE_SLACK
            and not _NUMBERED_HEADING.match(line.text.strip())
        )

    def short(at: int) -> bool:  # stops two characters or more short of the text's right edge
        return lines[at].x1 < edge - 2 * (lines[at].size or body)

    def done(at: int) -> bool:  # the line before a heading: ends what it says
        before = next((b for b in range(at - 1, -1, -1) if texts[b] and not lines[b].contents), None)
        if before is None:
            return True
        line = lines[before]
        return (
            line.table
            or bool(line.bookmarked)
            or bool(_LINE_DONE.search(line.text.strip()))
            or line.size > body * _BODY_SIZE_SLACK
        )

    listed = set(entries)

    def heads_entry(following: int) -> bool:  # another entry's words follow
        return any(other.startswith(texts[following]) for other in listed)

    def heading(entry: str, at: int, *, under: bool = False) -> tuple[int, int] | None:
        """How many lines from `at` the entry stands as a heading over, and the next text line's place —
        None when it does not; `under` a heading just marked, the line before needs no end mark."""
        if not plain(at) or not entry.startswith(texts[at]):
            return None
        words, k = "", 0
        while k < _TITLE_LINES and at + k < len(lines) and plain(at + k) and len(words) < len(entry):
            words += texts[at + k]
            k += 1
        if words != entry or not (under or done(at)):
            return None
        following = next((b for b in range(at + k, len(lines)) if texts[b]), None)
        if following is None or lines[following].contents:
            return None
        if lines[following].x0 > left + _BODY_START_CHARS * (lines[following].size or body):
            return None  # heads no body text (a 落款 on the right follows): its words stay where they are
        if not short(at + k - 1) and lines[following].x0 < lines[at].x0 + (lines[at].size or body):
            return None  # a full line, and the next one not indented: the text may run on
        if not (heads_entry(following) or _NO_HEADING.search(texts[following]) or not short(following)):
            return None  # heads no sentence: a short line under it may be a heading the parse reads
        return k, following

    # a heading's first line's place -> (its lines, its level)
    taken = mark_entries(
        entries,
        after,
        len(lines),
        lambda entry, at, under: heading(entry, at, under=under),
        heads_entry,
        levels,
    )
    if not taken:
        return pages
    marked: dict[tuple[int, int], Line] = {}
    skipped: set[tuple[int, int]] = set()
    for at, (k, level) in taken.items():
        p, n = places[at]
        here = [lines[at + i] for i in range(k) if places[at + i][0] == p]
        # a heading over a page break stands where it begins: its box that page's lines', its words all
        joined = replace(_joined(here), text="".join(line.text.strip() for line in lines[at : at + k]))
        marked[p, n] = replace(joined, bookmarked=level)
        skipped.update(places[at + i] for i in range(1, k))
    return [
        replace(
            page,
            lines=tuple(
                marked.get((p, n), line) for n, line in enumerate(page.lines) if (p, n) not in skipped
            ),
        )
        for p, page in enumerate(pages)
    ]


# A bookmarked title is matched over at most this many consecutive lines (a heading wrapped over two or three)
_TITLE_LINES = 3
# An OCR'd line (no type size) is in the body's size when no taller than this many times the scan's median line
_OCR_HEIGHT_SLACK = 1.3
# How many of an OCR'd line's characters may differ from a bookmark's title (misread, dropped or added): one in
# this many of the title's, and at least one
_OCR_EDITS_PER = 5


def _ocr_likeness(read: str, title: str) -> float:
    """How alike OCR's reading of a line (or lines) is to a bookmark's title, 0 unless it is the title with
    OCR's errors — a character misread, one dropped or added: titles of four characters or more, lengths
    within a quarter, at most one edit in `_OCR_EDITS_PER` of the title's characters and at least one (a
    four-character title 「保障措施」 read 「保障借施」 matches; another four-character title, two characters off
    or more, never does). The likeness is the share of the title's characters not edited."""
    if len(title) < 4 or abs(len(read) - len(title)) > len(title) / 4:
        return 0.0
    edits = _edits(read, title)
    return 1.0 - edits / len(title) if edits <= max(1, len(title) // _OCR_EDITS_PER) else 0.0


def _edits(a: str, b: str) -> int:
    """The fewest characters to change, drop or add to turn `a` into `b` (Levenshtein's distance)."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, start=1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, start=1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


def _joined(lines: Sequence[Line]) -> Line:
    """Consecutive lines a heading is set over as one line: their text run together, their boxes joined."""
    if len(lines) == 1:
        return lines[0]
    head = lines[0]
    return replace(
        head,
        text="".join(line.text.strip() for line in lines),
        x0=min(line.x0 for line in lines),
        x1=max(line.x1 for line in lines),
        bottom=max(line.bottom for line in lines),
        parts=(),
        unmarked="".join((line.unmarked or line.text).strip() for line in lines)
        if any(line.unmarked for line in lines)
        else "",
        marks=tuple(mark for line in lines for mark in line.marks),
    )


_TAIL = 1 << 16  # a PDF's last 64 KB hold a line break: its trailer, or the bytes of a stream cut short


def _ends_in_no_line(data: bytes) -> bool:
    """Whether the last 64 KB of a file under a PDF name hold no line break (CR or LF), as no PDF's do —
    one ends in its trailer's lines, one cut short in a compressed stream's bytes, where a break comes every
    few hundred bytes — but filler does (「%PDF-1.4」 and 21 MB of 「0」): pdfminer looks for the trailer
    line by line from the end and copied the whole line again at each step, minutes before the refusal."""
    tail = data[-_TAIL:]
    return len(data) > _TAIL and b"\n" not in tail and b"\r" not in tail


def _refusal(name: str, error: Exception) -> UnreadableFile:
    """The one-line reason for a PDF pdfplumber/pdfminer could not open (details go to the log)."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    cause = error.args[0] if isinstance(error, PdfminerException) and error.args else error
    if isinstance(cause, PDFPasswordIncorrect):
        return UnreadableFile(f"这个 PDF 需要密码才能打开：{name}（请先用密码打开并另存为不加密的 PDF）")
    log.info("pdfplumber could not read %s: %r", name, error)  # the detail: the user gets one line
    if isinstance(cause, PDFEncryptionError):
        return UnreadableFile(f"{name} 使用了不支持的加密方式，请另存为不加密的 PDF 后再添加")
    return damaged(f"{name} 不是有效的 PDF 文件（内容已损坏或不完整）")


@dataclass(frozen=True)
class _Table:
    """A ruled table as pdfplumber finds it on one page: its box and its rows of cells, as printed."""

    box: tuple[float, float, float, float]
    rows: tuple[tuple[str, ...], ...]
    # a one-row table's text as printed lines: read as such unless the table goes on from the page before
    lines: tuple[Line, ...] = ()
    # how many rows each cell of the first row covers (more than one: merged down over the rows under it)
    first_spans: tuple[int, ...] = ()
    # the height of its first row as printed (0 when not known)
    first_height: float = 0.0
    # its cells hold a filled-in form's field values: each row is a label and its value, the first row
    # too (it is no header labelling the others: 「登记编号：捐赠人姓名；YC-…：于振声」 before)
    form: bool = False
    # the characters of its cells printed beyond its frame (a title wider than the table it heads, set in
    # the merged first row and overflowing it on both sides, as Calc prints it): read in their cells
    overflow: frozenset[int] = frozenset()
    # where its columns begin, left to right, and where its rows' tops stand, as ruled (empty when not known)
    column_lefts: tuple[float, ...] = ()
    row_tops: tuple[float, ...] = ()

    @property
    def merged_down(self) -> frozenset[int]:
        """The columns where the first row's cell is merged down over the second."""
        return frozenset(n for n, span in enumerate(self.first_spans) if span > 1)


@dataclass(frozen=True)
class _PageText:
    """A page's lines outside its ruled tables (its box and size in `page`), and the tables."""

    page: Page
    tables: tuple[_Table, ...] = ()
    undecoded: int = 0  # glyphs left out: their font says no character for them (「(cid:17)」)

    @property
    def characters(self) -> int:
        """How much text the page has, in its lines and its tables' cells."""
        lines = sum(len(line.text) for line in self.page.lines)
        return lines + sum(len(cell) for table in self.tables for row in table.rows for cell in row)


def _deduped(page):  # type: ignore[no-untyped-def]
    """The page without its doubled characters: the same character in the same font and size at the same
    place (within 1 pt) as another, as a program that prints a line twice to make it look bold leaves it;
    the first of each kept. These are the ones pdfplumber's `dedupe_chars()` drops, but it then orders the
    characters it keeps by `list.index`, a scan of the page for each: a page of 5,000 characters spent 4 s
    there, one of 25,000 (a poster, a dense table on A3) over 5 minutes. Here the doubles are found once
    and filtered out, in time that grows with the page's characters, not their square."""
    from pdfplumber.utils import cluster_objects

    same_glyph = operator.itemgetter("upright", "text", "fontname", "size")
    place = operator.itemgetter("doctop", "x0")
    doubles: set[int] = set()
    for _, glyphs in itertools.groupby(sorted(page.chars, key=same_glyph), key=same_glyph):
        for line in cluster_objects(list(glyphs), operator.itemgetter("doctop"), 1):
            for spot in cluster_objects(line, operator.itemgetter("x0"), 1):
                first = min(spot, key=place)
                doubles.update(id(char) for char in spot if char is not first)
    return page.filter(lambda obj: id(obj) not in doubles) if doubles else page


def _undecoded(char: dict, unnamed: frozenset[str]) -> bool:  # type: ignore[type-arg]
    return bool(_UNDECODED.match(char["text"])) or char.get("fontname") in unnamed


def _unnamed_fonts(page) -> frozenset[str]:  # type: ignore[no-untyped-def]
    """The page's simple fonts whose characters cannot be known: no ToUnicode map, and an encoding whose
    every glyph name is a name of no character (``/cid17135``, ``/g42``). Ghostscript distilling a printer's
    PostScript (an office's 「打印到 PDF」) writes its CJK fonts so; pdfminer then reads each code through
    the base encoding — 「!"#$%&'」 and 「€‚ƒ」 for Chinese — and 「(cid:N)」 only below 32, so a page's share of
    unreadable glyphs passed as text (a quarter on some pages, near the limit). Every glyph of such a font
    is unreadable, as 「(cid:N)」 is."""
    from pdfminer.encodingdb import name2unicode
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import PSLiteral

    def known(name: object) -> bool:
        if not isinstance(name, PSLiteral) or name.name in (".notdef", "space"):
            return True  # a code number, or a name that says nothing either way
        try:
            name2unicode(str(name.name))
        except (KeyError, ValueError):
            return False
        return True

    found = set()
    fonts = resolve1((page.page_obj.resources or {}).get("Font")) or {}
    for font in fonts.values():
        spec = resolve1(font)
        if not isinstance(spec, dict) or "ToUnicode" in spec:
            continue
        encoding = resolve1(spec.get("Encoding"))
        names = resolve1(encoding.get("Differences")) if isinstance(encoding, dict) else None
        base = resolve1(spec.get("BaseFont"))
        if not names or not isinstance(base, PSLiteral):
            continue
        glyphs = [name for name in names if isinstance(name, PSLiteral)]
        if glyphs and not any(known(name) for name in glyphs if name.name not in (".notdef", "space")):
            found.add(str(base.name))
    return frozenset(found)


def _page_text(page, fields: list[_Field] | None = None) -> _PageText:  # type: ignore[no-untyped-def]
    """The page's printed lines outside its ruled tables, top to bottom, and the tables; the values
    filled in its form fields read where they stand (see _field_values; `fields` when already read)."""
    if fields is None:
        fields = _field_values(page)
    page = _with_fractions(_deduped(_with_box_marks(page)))
    if (turn := _sideways(page.chars)) is not None:
        return _sideways_text(page, turn, fields)
    if _vertical(page.chars):  # 竖排: read as the page turned a quarter, its columns become lines
        page, fields = _turned(page), []
    unnamed = _unnamed_fonts(page)
    undecoded = sum(1 for char in page.chars if _undecoded(char, unnamed))
    if undecoded:
        page = page.filter(lambda obj: not (obj.get("object_type") == "char" and _undecoded(obj, unnamed)))
    if marks := _marks(page.chars):
        page = page.filter(lambda obj: id(obj) not in marks)
    if struck := _struck_chars(page):
        page = page.filter(lambda obj: id(obj) not in struck)
    tables = [
        replace(table, lines=tuple(_lines(page.filter(lambda obj, box=table.box: _inside(obj, box)))))
        if len(table.rows) == 1
        else table
        for table in _tables(page, fields)
    ]
    if tables:
        page = page.filter(
            lambda obj: not any(_inside(obj, table.box) or id(obj) in table.overflow for table in tables)
        )
        fields = [f for f in fields if not any(_inside(f.box, table.box) for table in tables)]
    if numbers := _line_numbers(page):  # outside its ruled tables: a 序号 column is the table's
        page = page.filter(lambda obj: id(obj) not in numbers)
    dx, dy = float(page.bbox[0]), float(page.bbox[1])
    lines = _lines(page)
    if fields:  # each value in its place among the printed lines
        lines = sorted([*lines, *(f.line for f in fields)], key=lambda line: (round(line.top), line.x0))
    return _PageText(
        page=Page(
            lines=join_drop_caps(tuple(_moved(line, dx, dy) for line in lines)),
            width=float(page.width),
            height=float(page.height),
            pictures=tuple(
                (float(i["x0"]) - dx, float(i["top"]) - dy, float(i["x1"]) - dx, float(i["bottom"]) - dy)
                for i in page.images
            ),
        ),
        tables=tuple(
            replace(
                table,
                box=(table.box[0] - dx, table.box[1] - dy, table.box[2] - dx, table.box[3] - dy),
                lines=tuple(_moved(line, dx, dy) for line in table.lines),
            )
            for table in tables
        ),
        undecoded=undecoded,
    )


# A page carries text printed sideways (a landscape table or page set a quarter turn on a portrait sheet)
# when at least this many of its characters are turned a right angle the same way, and more of them than
# stand upright.
_MIN_SIDEWAYS = 12


def _sideways(chars: Sequence[dict]) -> int | None:  # type: ignore[type-arg]
    """Which way most of a page's text is turned when the page is printed sideways — 1: it reads up the
    page (turned anticlockwise, the usual way a landscape table sits on a portrait page), 3: down it —,
    else None. Read in the page's own lines, such a table came out a column at a time, each character
    reversed (「元（格价考参：象对用适；…」), and its lines upset the reading of the page before it."""
    marks = _marks(list(chars))  # a watermark set on end is no text turned
    directions = Counter(_direction(c) for c in chars if (c.get("text") or "").strip() and id(c) not in marks)
    turn = max((1, 3), key=lambda d: directions[d])
    if (
        directions[turn] >= _MIN_SIDEWAYS
        and directions[turn] > directions[0]
        and _turned_lines(chars, turn) >= 2
    ):
        return turn
    return None


def _turned_lines(chars: Sequence[dict], turn: int) -> int:  # type: ignore[type-arg]
    """How many lines the characters turned `turn` stand in (a turned line is a column across the page): a
    single turned line, a margin note 「本件为…内部资料」 set on end beside an upright page, never turns it."""
    centres = sorted(
        (float(c["x0"]) + float(c["x1"])) / 2
        for c in chars
        if (c.get("text") or "").strip() and _direction(c) == turn
    )
    sizes = sorted(float(c.get("size") or 0.0) for c in chars if _direction(c) == turn)
    gap = max(sizes[len(sizes) // 2] / 2, 1.0) if sizes else 1.0
    return 1 + sum(b - a > gap for a, b in itertools.pairwise(centres)) if centres else 0


def _sideways_text(page, turn: int, fields: list[_Field]) -> _PageText:  # type: ignore[no-untyped-def]
    """A page printed sideways, read as it reads with the sheet turned so that its sideways text stands
    upright (tables and rules turned with it); what the page prints upright besides (a caption 「附件」
    above, the page number under it) keeps its place before or after, in the turned page's units."""

    def upright_char(obj: dict) -> bool:  # type: ignore[type-arg]
        return obj.get("object_type") == "char" and _direction(obj) not in (1, 3)

    turned = _page_text(_quarter_turned(page.filter(lambda obj: not upright_char(obj)), turn), [])
    upright = _page_text(page.filter(upright_char), fields)
    sideways = [c for c in page.chars if not upright_char(c)]
    top = min(float(c["top"]) for c in sideways)
    boxes = [(line.top, line.bottom) for line in turned.page.lines] + [
        (t.box[1], t.box[3]) for t in turned.tables
    ]
    new_top = min((b[0] for b in boxes), default=0.0)
    new_bottom = max((b[1] for b in boxes), default=turned.page.height)
    height, new_height = float(upright.page.height), float(turned.page.height)
    # as far from the page's top (foot) as they were, clear of the turned text: each block moved by one
    # offset, so that its lines keep their order (clamped a line at a time, two swapped)
    above = [line for line in upright.page.lines if line.bottom <= top]
    below = [line for line in upright.page.lines if line.bottom > top]
    lift = max((line.bottom for line in above), default=0.0) - new_top
    before = [_moved(line, 0.0, max(lift, 0.0)) for line in above]
    drop = new_bottom - min((new_height - (height - line.top) for line in below), default=new_bottom)
    after = [
        _moved(line, 0.0, line.top - (new_height - (height - line.top)) - max(drop, 0.0)) for line in below
    ]
    return _PageText(
        page=replace(turned.page, lines=(*before, *turned.page.lines, *after)),
        tables=turned.tables,
        undecoded=turned.undecoded + upright.undecoded,
    )


def _quarter_turned(page, turn: int, kinds: tuple[str, ...] = ("char", "line", "rect", "curve", "image")):  # type: ignore[no-untyped-def]
    """The page's characters, rules and pictures (its objects of `kinds`) as they stand with the sheet turned a
    quarter so that text turned `turn` (see `_sideways`; 3, anticlockwise, for a vertical page) reads
    upright: width and height swapped, each such character upright in its box, as a pdfplumber page the
    rest of the reader takes as it takes any page."""
    from pdfplumber.page import DerivedPage

    width, height = float(page.width), float(page.height)
    x_origin, top_origin = float(page.bbox[0]), float(page.bbox[1])
    new_width, new_height = height, width

    def point(x: float, top: float) -> tuple[float, float]:
        x, top = x - x_origin, top - top_origin
        return (height - top, x) if turn == 1 else (top, width - x)

    def turned(obj: dict) -> dict:  # type: ignore[type-arg]
        (ax, atop), (bx, btop) = (
            point(float(obj["x0"]), float(obj["top"])),
            point(float(obj["x1"]), float(obj["bottom"])),
        )
        x0, x1, top, bottom = min(ax, bx), max(ax, bx), min(atop, btop), max(atop, btop)
        out = {
            **obj,
            "x0": x0,
            "x1": x1,
            "top": top,
            "bottom": bottom,
            "doctop": top,
            "y0": new_height - bottom,
            "y1": new_height - top,
            "width": x1 - x0,
            "height": bottom - top,
        }
        if "pts" in obj:
            out["pts"] = [point(float(x), float(t)) for x, t in obj["pts"]]
        if obj.get("object_type") == "char":
            out["upright"] = True
            out["matrix"] = (1.0, 0.0, 0.0, 1.0, x0, new_height - bottom)
        return out

    objects = {kind: [turned(obj) for obj in page.objects.get(kind, [])] for kind in kinds}

    class Turned(DerivedPage):
        def __init__(self) -> None:
            self.bbox = (0.0, 0.0, new_width, new_height)
            super().__init__(page)

        @property
        def objects(self) -> dict[str, list[dict]]:  # type: ignore[type-arg]
            return objects

    return Turned()


# A page is set in vertical writing (竖排) when at least this many pairs of consecutive Chinese characters
# stand one under the other, and more than _VERTICAL_MAJORITY times as many as stand side by side.
_MIN_VERTICAL_PAIRS = 8
_VERTICAL_MAJORITY = 3


def _vertical(chars: Sequence[dict]) -> bool:  # type: ignore[type-arg]
    """Whether the page is written vertically (竖排: columns of characters top to bottom, the columns from
    right to left, as a speech, a congratulatory address or a classical text is set, and as Word's and
    Writer's 「文字方向 › 垂直」 print it): told by its Chinese characters as the content draws them, each
    next one standing under the one before (same column, one character lower) rather than beside it. Read
    as lines, such a page came out a character a line, the columns interleaved (「同／同／同／（ 在志」)."""
    han = [c for c in chars if len(c.get("text") or "") == 1 and re.match(f"[{HAN}]", c["text"])]
    down = across = 0
    for a, b in itertools.pairwise(han):
        size = max(float(a["bottom"]) - float(a["top"]), float(a["x1"]) - float(a["x0"]), 1.0)
        dx, dy = float(b["x0"]) - float(a["x0"]), float(b["top"]) - float(a["top"])
        if abs(dx) <= 0.2 * size and 0.5 * size <= dy <= 1.6 * size:
            down += 1
        elif abs(dy) <= 0.2 * size and 0.5 * size <= dx <= 1.6 * size:
            across += 1
    return down >= _MIN_VERTICAL_PAIRS and down > _VERTICAL_MAJORITY * across


def _turned(page):  # type: ignore[no-untyped-def]
    """A vertical page's characters as they read, as a pdfplumber page the rest of the reader takes as it
    takes any page: turned a quarter anticlockwise, so that each column, top to bottom, is a line, left to
    right, and the rightmost column the top line; width and height swapped, every character upright. A
    character's box is its slot in its column, so a figure set on its side within a column (「2027」 run
    down it) reads in its place. Only the characters: a vertical page's rules are not read as tables."""
    return _quarter_turned(page, 3, kinds=("char",))


# Line numbers in the margin: a page is numbered when this share of its lines or more open with one.
_NUMBERED_SHARE = 0.7
_MIN_NUMBERED = 3


class _LineNumber(NamedTuple):
    top: float
    value: int
    x0: float
    x1: float
    chars: frozenset[int]  # id() of its characters


def _line_numbers(page) -> set[int]:  # type: ignore[no-untyped-def]
    """The characters of the numbers printed in the margin beside every line (Word's and Writer's 「行号」,
    as a draft sent out for comment, a contract or a court paper carries them), to be left out: they are
    no part of the text, and were read into it (「3第一条为加强……完整4和安全」), a figure where every
    line began. A page's lines are taken as numbered only when nearly all of them (`_NUMBERED_SHARE`)
    open with a number of one to four figures set apart from the line's text by at least half a
    character, those numbers aligned (at their right edge or their left), counting on top to bottom by
    a constant step (1, 2, 3… or 5, 10, 15…), and standing in the margin left of every other character
    on the page. A paragraph opening with a figure (「3月集中整理」), a numbered list (its numbers where the
    text starts, its lines not all numbered) or a table's column of figures is left as it was."""
    raws = page.extract_text_lines(return_chars=True, strip=True)
    found: list[_LineNumber] = []
    for raw in raws:
        chars = sorted(
            (c for c in raw.get("chars", ()) if c.get("text") and not c["text"].isspace()),
            key=lambda c: float(c["x0"]),
        )
        lead: list[dict] = []  # type: ignore[type-arg]
        for char in chars:
            size = float(char.get("size", 0) or 0) or 10.0
            if not ("0" <= char["text"] <= "9") or (
                lead and float(char["x0"]) - float(lead[-1]["x1"]) > 0.3 * size
            ):
                break
            lead.append(char)
        if not lead or len(lead) > 4:
            continue
        size = max(float(c.get("size", 0) or 0) for c in lead) or 10.0
        rest = chars[len(lead) :]
        if rest and float(rest[0]["x0"]) - float(lead[-1]["x1"]) < 0.5 * size:
            continue  # a figure the line's text opens with
        found.append(
            _LineNumber(
                float(raw["top"]),
                int("".join(c["text"] for c in lead)),
                float(lead[0]["x0"]),
                float(lead[-1]["x1"]),
                frozenset(id(c) for c in lead),
            )
        )
    if len(found) < max(_MIN_NUMBERED, _NUMBERED_SHARE * len(raws)):
        return set()
    for edge in (lambda n: n.x1, lambda n: n.x0):  # right-aligned numbers, or left-aligned ones
        first = Counter(round(edge(n)) for n in found).most_common(1)[0][0]
        aligned = sorted((n for n in found if abs(edge(n) - first) <= 1.5), key=lambda n: n.top)
        if len(aligned) < max(_MIN_NUMBERED, _NUMBERED_SHARE * len(raws)):
            continue
        steps = {b.value - a.value for a, b in itertools.pairwise(aligned)}
        if len(steps) != 1 or steps.pop() < 1:
            continue
        ids = set().union(*(n.chars for n in aligned))
        right = max(n.x1 for n in aligned)
        others = [
            float(c["x0"]) for c in page.chars if id(c) not in ids and not (c.get("text") or " ").isspace()
        ]
        if others and right < min(others):
            return ids
    return set()


# A page printed again as a picture on a later page (a slide on its notes page) is scaled down as a whole:
# every type size of it by one factor, at most this, within _SCALE_SLACK of each other.
_MAX_REPRINT_SCALE = 0.8
_SCALE_SLACK = 0.02
_MIN_REPRINT_CHARS = 10


def _reprinted_pages(pages) -> set[int]:  # type: ignore[no-untyped-def]
    """The numbers (1-based) of the pages whose whole text a later page prints again, scaled down, in the
    same order — LibreOffice Impress's PDF with 「导出备注页」 (``ExportNotesPages``) gives every slide, then a
    notes page per slide: the slide's picture at half size, the speaker's notes under it. Such a page is
    read on its notes page, where its notes follow it; read as well, every slide's text came twice (the
    notes pages after the last slide, under its heading). A page counts as reprinted when its text (ten
    characters or more, in two or more type sizes) stands in a later page's text, character for
    character, each of its sizes there smaller by one and the same factor (at most 0.8): a picture of the
    page, not a title or a line quoted again in another type."""
    printed: list[tuple[str, tuple[float, ...]]] = []
    for page in pages:
        chars = [c for c in page.chars if (c.get("text") or "").strip()]
        printed.append(("".join(c["text"] for c in chars), tuple(float(c["size"]) for c in chars)))
    reprinted: set[int] = set()
    for i, (text, sizes) in enumerate(printed):
        if len(text) < _MIN_REPRINT_CHARS or len({round(size, 1) for size in sizes}) < 2:
            continue
        for later_text, later_sizes in printed[i + 1 :]:
            at = later_text.find(text)
            if at < 0:
                continue
            scales = [b / a for a, b in zip(sizes, later_sizes[at : at + len(text)], strict=True) if a > 0]
            if scales and max(scales) <= _MAX_REPRINT_SCALE and max(scales) - min(scales) <= _SCALE_SLACK:
                reprinted.add(i + 1)
                break
    return reprinted


def _shown(page):  # type: ignore[no-untyped-def]
    """The part of the page a viewer shows and a printer prints: its crop box, when it is smaller than the
    sheet (a print shop's PDF with bleed and crop marks, a page cropped in Acrobat). Text outside it — the
    slug line of the typesetting file (「简报第3期.indd 2024-03-01 10:23」), a printer's notes — is on no
    page anyone reads; it was read into the body."""
    crop, media = page.cropbox, page.mediabox
    smaller = any(abs(a - b) > 1 for a, b in zip(crop, media, strict=True))
    within = (
        crop[0] >= media[0] - 1
        and crop[1] >= media[1] - 1
        and crop[2] <= media[2] + 1
        and crop[3] <= media[3] + 1
    )
    if not (smaller and within) or crop[2] - crop[0] < 72 or crop[3] - crop[1] < 72:
        return page  # the whole sheet is shown (or a crop box no viewer would honour as the page)
    x0, top, x1, bottom = crop

    def shown(obj: dict) -> bool:  # type: ignore[type-arg]
        """A character is on the page when its middle is (one cut by the edge is no readable text)."""
        if obj.get("object_type") != "char":
            return True
        x, y = (float(obj["x0"]) + float(obj["x1"])) / 2, (float(obj["top"]) + float(obj["bottom"])) / 2
        return x0 <= x <= x1 and top <= y <= bottom

    return page.filter(shown).crop(crop, relative=False, strict=False)


def _moved(line: Line, dx: float, dy: float) -> Line:
    """A line placed on a page whose top left corner is (dx, dy) of the sheet, in that page's units."""
    if not dx and not dy:
        return line
    return replace(
        line,
        x0=line.x0 - dx,
        x1=line.x1 - dx,
        top=line.top - dy,
        bottom=line.bottom - dy,
        parts=tuple(_moved(part, dx, dy) for part in line.parts),
    )


def _outlined(page, at_least: int = _MIN_OUTLINED_GLYPHS) -> bool:  # type: ignore[no-untyped-def]
    """Whether a page without text draws its text as outlines (转曲): many small filled shapes (`at_least`),
    each a glyph's outline — what remains of the words when an export converts text to curves."""
    glyphs = 0
    for curve in page.curves:
        if curve.get("fill") and 0 < curve["bottom"] - curve["top"] <= _MAX_GLYPH_HEIGHT:
            glyphs += 1
            if glyphs >= at_least:
                return True
    return False


def _outlined_bands(page) -> list[tuple[float, float, float, float]]:  # type: ignore[no-untyped-def]
    """The bands of a page of text drawn as glyph outlines (a Fontwork title), each (x0, top, x1, bottom):
    `_MIN_BAND_GLYPHS` or more glyph-sized filled shapes whose heights overlap, together no taller than a
    glyph (one line), left to right with no gap wider than that height and wider than twice it (a line of
    words, not a logo's few shapes), and no character of the text in it."""
    shapes = sorted(
        (
            c
            for c in page.curves
            if c.get("fill") and 0 < float(c["bottom"]) - float(c["top"]) <= _MAX_GLYPH_HEIGHT
        ),
        key=lambda c: float(c["top"]),
    )
    groups: list[list[dict]] = []  # type: ignore[type-arg]
    for shape in shapes:
        if groups and float(shape["top"]) <= max(float(c["bottom"]) for c in groups[-1]):
            groups[-1].append(shape)
        else:
            groups.append([shape])
    bands = []
    for group in groups:
        top, bottom = min(float(c["top"]) for c in group), max(float(c["bottom"]) for c in group)
        height = bottom - top
        if len(group) < _MIN_BAND_GLYPHS or height > _MAX_GLYPH_HEIGHT:
            continue
        across = sorted(group, key=lambda c: float(c["x0"]))
        reach, gapless = float(across[0]["x1"]), True
        for shape in across[1:]:
            gapless = gapless and float(shape["x0"]) - reach <= height
            reach = max(reach, float(shape["x1"]))
        x0, x1 = float(across[0]["x0"]), reach
        if not gapless or x1 - x0 < 2 * height:
            continue
        if any(
            top <= (float(c["top"]) + float(c["bottom"])) / 2 <= bottom
            and x0 - height <= (float(c["x0"]) + float(c["x1"])) / 2 <= x1 + height
            for c in page.chars
        ):
            continue  # text in it: a drawing behind typed words
        bands.append((x0, top, x1, bottom))
    return bands


def _band_lines(name: str, engine: ocr.OcrEngine, page, bands) -> list[Line]:  # type: ignore[no-untyped-def]
    """Each band of glyph outlines read by OCR as one line in its place (its box, its height its size);
    a band OCR reads nothing from, or reads with a confidence as low as a scan's doubtful reading (below
    `corpus.ocr.DOUBTFUL_BELOW`: a logo's or an ornament's shapes, more likely than a title), is left out,
    as before — a wrong first line would title the file."""
    lines = []
    for x0, top, x1, bottom in bands:
        pad = (bottom - top) / 2
        box = (
            max(x0 - pad, float(page.bbox[0])),
            max(top - pad, float(page.bbox[1])),
            min(x1 + pad, float(page.bbox[2])),
            min(bottom + pad, float(page.bbox[3])),
        )
        # in grey: a Fontwork title is often red, and the seal filter (corpus.seals) takes red print off — the
        # title read 「文明养大但议书」 in colour; at least 48 pixels high, a small title read as a large one
        resolution = max(OCR_DPI, 72 * 48 / (bottom - top))
        image = page.crop(box).to_image(resolution=resolution).original.convert("L").convert("RGB")
        read = ocr.recognise(name, engine, image)
        words = "".join(line.text.strip() for line in read.lines)
        if read.doubtful:
            log.info(
                "%s: a band of outlines OCR read with low confidence (%.2f) was left out",
                name,
                read.confidence,
            )
        elif words:
            lines.append(Line(text=words, x0=x0, x1=x1, top=top, bottom=bottom, size=bottom - top))
    return lines


def _inserted(lines: tuple[Line, ...], new: list[Line]) -> tuple[Line, ...]:
    """`lines` with each of `new` before the first line lower on the page than it (the others' order kept)."""
    out = list(lines)
    for line in sorted(new, key=lambda line: line.top, reverse=True):
        at = next((n for n, other in enumerate(out) if other.top > line.top), len(out))
        out.insert(at, line)
    return tuple(out)


def _outlined_document(pages) -> bool:  # type: ignore[no-untyped-def]
    """Whether some page of the document, with no text layer and no image, is text converted to outlines:
    then a page of it drawing a few glyphs' outlines is text as well (a 转曲 notice's last page)."""
    for page in pages:
        shown = _shown(page)
        if len(shown.chars) < _MIN_TEXT_CHARS and not shown.images and _outlined(shown):
            return True
    return False


def _scanned_with_text_layer(pdf, page) -> bool:  # type: ignore[no-untyped-def]
    """A scan with the text an OCR program found set invisibly over it (a scanner's or Adobe's 「可搜索的
    PDF」, Tesseract's or OCRmyPDF's output): an image covering most of the page, and (almost) all of the
    page's text in render mode 3 or 7, neither filled nor stroked."""
    area = float(page.width) * float(page.height)
    if not page.chars or not any(
        (float(i["x1"]) - float(i["x0"])) * (float(i["bottom"]) - float(i["top"])) >= 0.5 * area
        for i in page.images
    ):
        return False
    from pdfminer.pdfdevice import PDFDevice
    from pdfminer.pdfinterp import PDFPageInterpreter

    class RenderModes(PDFDevice):
        """Counts the bytes of text shown visibly and invisibly (pdfplumber's characters do not say)."""

        visible = invisible = 0

        def render_string(self, textstate, seq, ncs, graphicstate) -> None:  # type: ignore[no-untyped-def]
            shown = sum(len(item) for item in seq if isinstance(item, bytes))
            if textstate.render in (3, 7):
                self.invisible += shown
            else:
                self.visible += shown

    modes = RenderModes(pdf.rsrcmgr)
    PDFPageInterpreter(pdf.rsrcmgr, modes).process_page(page.page_obj)
    return modes.invisible >= 0.9 * (modes.invisible + modes.visible) > 0


def _ocr_halves(  # type: ignore[no-untyped-def]
    name: str, engine, page, number: int, doubtful: list[tuple[int, float]]
) -> list[_PageText]:
    """A page read by `engine`, as `read_sheet` cuts it ([] when OCR found no line: the caller reads it otherwise);
    a reading OCR doubts is noted in `doubtful` with its page number."""
    read = _ocr_page(name, engine, page)
    if not read.page.lines:
        return []
    if read.doubtful:
        doubtful.append((number, read.confidence))
    return [_PageText(page=half) for half in read_sheet(read.page)]


# What Tesseract's text layers say of themselves: OCRmyPDF's Creator (「OCRmyPDF 17.13.0 / OCRmyPDF fpdf2 +
# Tesseract OCR 5.3.0」, older 「… / Tesseract OCR-hOCR 4.1.1」), Tesseract's own PDF renderer's Producer
# (「Tesseract 5.3.0」), and the invisible font both of those renderers used before OCRmyPDF 17 (GlyphLessFont).
_TESSERACT_MARK = re.compile(r"tesseract", re.IGNORECASE)


def _tesseract_layer(pdf, page) -> bool:  # type: ignore[no-untyped-def]
    """Whether a scan's invisible text is Tesseract's reading (OCRmyPDF's, ``tesseract … pdf``): by the
    document's Creator or Producer naming Tesseract, or the layer set in Tesseract's GlyphLessFont."""
    info = pdf.metadata or {}
    for key in ("Creator", "Producer"):
        value = info.get(key)
        if isinstance(value, bytes):
            value = value.decode("latin-1", errors="replace")
        if isinstance(value, str) and _TESSERACT_MARK.search(value):
            return True
    return any("GlyphLessFont" in str(char.get("fontname", "")) for char in page.chars[:50])


def _layer_page(page) -> Page:  # type: ignore[no-untyped-def]
    """An OCR text layer's lines, read as OCR lines are (corpus.ocr): no type size (its glyphs are sized
    to the boxes the OCR found), each word's characters in the order the layer gives them (their
    positions inside a word are stretched to its box, and may overlap the next word's), words placed by
    their boxes."""
    words: list[Line] = []
    current: list[dict] = []  # type: ignore[type-arg]

    def close() -> None:
        if current:
            words.append(
                Line(
                    text="".join(c["text"] for c in current),
                    x0=min(float(c["x0"]) for c in current),
                    x1=max(float(c["x1"]) for c in current),
                    top=min(float(c["top"]) for c in current),
                    bottom=max(float(c["bottom"]) for c in current),
                )
            )
            current.clear()

    for char in page.chars:
        text = char.get("text") or ""
        if not text.strip() or _UNDECODED.match(text):
            close()
            continue
        if current:
            last = current[-1]
            centre = (float(char["top"]) + float(char["bottom"])) / 2
            if not float(last["top"]) <= centre <= float(last["bottom"]) or float(char["x0"]) < float(
                last["x0"]
            ):
                close()
        current.append(char)
    close()
    dx, dy = float(page.bbox[0]), float(page.bbox[1])
    lines = [_moved(line, dx, dy) for line in ocr.merge_pieces(words)]
    return Page(
        lines=tuple(sorted(lines, key=lambda line: (line.top, line.x0))),
        width=float(page.width),
        height=float(page.height),
    )


# How far (degrees) a character's baseline may turn from the page's axes and still be part of the text: a
# scan's text layer follows the scan's tilt (OCRmyPDF sets each line on its baseline's slope, up to the
# few degrees a page leans on a scanner); a watermark (「内部资料」 across the page at 45°) or a stamp
# (「样稿」 set at a slant) is turned further.
_MAX_TILT = 8.0


def _diagonal(char: dict) -> bool:  # type: ignore[type-arg]
    """Whether a character is set at a slant, neither along the page's axes nor turned a right angle:
    a watermark or a stamp over the text, not the text. Read, a diagonal 「内部资料」 put one character
    into each line it crossed (「所需资经费」, 「部」 a heading) and ran the rest into the signature, its
    date lost. Text turned a right angle (a landscape page set sideways) is text, and is kept."""
    angle = _baseline_angle(char)
    if angle is None:
        return False
    angle %= 90
    return min(angle, 90 - angle) > _MAX_TILT


def _baseline_angle(char: dict) -> float | None:  # type: ignore[type-arg]
    """The angle of a character's baseline in degrees, counterclockwise from left to right; None
    without a text matrix."""
    matrix = char.get("matrix")
    if not matrix:
        return None
    a, b = float(matrix[0]), float(matrix[1])
    if a == 0 and b == 0:
        return None
    return math.degrees(math.atan2(b, a))


# A watermark is printed pale and large: 「内部资料」 in light grey, at twice the body's size or more.
_MARK_SCALE = 2.0
_PALE = 0.6


def _marks(chars: list[dict]) -> set[int]:  # type: ignore[type-arg]
    """The characters (by id) printed over or under the text rather than in it: set at a slant (see
    `_diagonal`), or at least twice the size of the page's body type and either pale — a watermark set
    level (Word's 「水平」 watermark, a 「内部资料」 across the middle of each page), which was read as a
    heading over the paragraph under it and, on a page with little text, run into the signature (date
    lost) — or turned a right angle from the body's lines, whatever its colour: LibreOffice's PDF export
    watermark as it comes by default, 「内部资料 注意保存」 on end down the middle of a portrait page in
    green, read as a paragraph (「注意保存内部资料」), its last characters run into the signature, date
    and issuer lost."""
    marks = {id(char) for char in chars if _diagonal(char)}
    marks |= _seal_characters(chars, marks)
    rest = [char for char in chars if id(char) not in marks]
    sizes = Counter(round(float(char.get("size") or 0)) for char in rest)
    if not sizes:
        return marks
    body = sizes.most_common(1)[0][0]
    along = Counter(_direction(char) for char in rest).most_common(1)[0][0]
    return marks | {
        id(char)
        for char in chars
        if float(char.get("size") or 0) >= _MARK_SCALE * body
        and (_pale(char.get("non_stroking_color")) or _direction(char) != along)
    }


def _direction(char: dict) -> int | None:  # type: ignore[type-arg]
    """Which way a character's baseline runs, in right angles from left to right (0) counterclockwise
    (1: upwards, 2: upside down, 3: downwards); None without a text matrix."""
    angle = _baseline_angle(char)
    return None if angle is None else round(angle / 90) % 4


# A seal's rim: at least this many slanted characters in one colour.
_SEAL_RIM = 3


def _seal_characters(chars: list[dict], slanted: set[int]) -> set[int]:  # type: ignore[type-arg]
    """The characters of a round seal that are not slanted: a seal's rim text turns with the rim, so the
    characters at its top and at its sides stand upright or on end and were read as text (「…电话：…3321。老」,
    and 「榆」「办」 from a seal's sides as a second issuer 「榆办」). They are printed in the seal's colour
    (red, a colour, never black or grey) inside the box of its slanted characters; three slanted characters
    of that colour at least make a seal."""
    rims: dict[tuple[float, ...], list[dict]] = {}  # type: ignore[type-arg]
    for char in chars:
        color = _chromatic(char.get("non_stroking_color"))
        if id(char) in slanted and color is not None:
            rims.setdefault(color, []).append(char)
    out: set[int] = set()
    for color, rim in rims.items():
        if len(rim) < _SEAL_RIM:
            continue
        pad = max(float(c.get("size") or 0) for c in rim) / 2
        x0 = min(float(c["x0"]) for c in rim) - pad
        x1 = max(float(c["x1"]) for c in rim) + pad
        top = min(float(c["top"]) for c in rim) - pad
        bottom = max(float(c["bottom"]) for c in rim) + pad
        out.update(
            id(char)
            for char in chars
            if _chromatic(char.get("non_stroking_color")) == color
            and x0 <= (float(char["x0"]) + float(char["x1"])) / 2 <= x1
            and top <= (float(char["top"]) + float(char["bottom"])) / 2 <= bottom
        )
    return out


def _chromatic(color: object) -> tuple[float, ...] | None:
    """A fill colour that is a colour (a seal's red), not black, grey or white: its inks differ by a third
    or more. None for any other."""
    if not isinstance(color, (tuple, list)) or len(color) not in (3, 4):
        return None
    try:
        values = tuple(round(float(v), 3) for v in color)
    except (TypeError, ValueError):
        return None
    inks = values if len(values) == 3 else values[:3]
    return values if max(inks) - min(inks) >= 0.3 else None


def _pale(color: object) -> bool:
    """Whether a fill colour is light enough to be a watermark's: grey, RGB or CMYK, every ink light."""
    if not isinstance(color, (tuple, list)) or not color:
        return False
    try:
        values = [float(v) for v in color]
    except (TypeError, ValueError):
        return False  # a pattern
    if len(values) == 1:
        return values[0] >= _PALE
    if len(values) == 3:
        return min(values) >= _PALE
    if len(values) == 4:
        return max(values) <= 1 - _PALE
    return False


def _struck_chars(page) -> set[int]:  # type: ignore[no-untyped-def]
    """The characters (by id) a rule is drawn through, across their middle: text struck out — a deletion
    printed with its tracked changes shown (Word's and LibreOffice's PDF of a draft with 「修订」 on strike
    deleted text through), or text struck out by hand. Read, the deleted words stood in the sentence
    (「…新增学员三千人。这句话已经删除。」). A rule under the text (an underline, an insertion's mark) or
    along it (a table's border) is not through its middle, nor is a frame's edge: a rule each of whose ends
    meets a vertical rule (a cell's border, where a sheet's row left at its default height is lower than
    the title's big type in it, and Calc draws the row's top border through the title)."""
    # by height on the page, so a character is compared with the rules at its height only (a page with a
    # drawn chart holds thousands of strokes)
    rules = sorted(
        ((float(obj["top"]) + float(obj["bottom"])) / 2, float(obj["x0"]), float(obj["x1"]))
        for obj in [*page.lines, *page.rects]
        if float(obj["bottom"]) - float(obj["top"]) <= 1.5 and float(obj["x1"]) - float(obj["x0"]) >= 2
    )
    if not rules:
        return set()
    verticals = [
        (float(obj["x0"] + obj["x1"]) / 2, float(obj["top"]), float(obj["bottom"]))
        for obj in [*page.lines, *page.rects]
        if float(obj["x1"]) - float(obj["x0"]) <= 1.5 and float(obj["bottom"]) - float(obj["top"]) >= 2
    ]
    heights = [y for y, _, _ in rules]
    crossed: dict[int, list[dict]] = {}  # rule (by index) -> the characters it crosses
    # the text matrix is in the PDF's own space, whose origin is the MediaBox's corner, not always (0, 0)
    origin = float(page.mediabox[1]) if page.mediabox else 0.0
    for char in page.chars:
        # between a tenth and eight tenths of the type size over the baseline: an underline is under it
        matrix = char.get("matrix")
        upright = matrix and char.get("upright", True)
        baseline = float(page.height) - float(matrix[5]) + origin if upright else float(char["bottom"])
        size = float(char.get("size") or (float(char["bottom"]) - float(char["top"])))
        low = max(baseline - 0.8 * size, float(char["top"]))
        high = min(baseline - 0.1 * size, float(char["bottom"]))
        middle = (float(char["x0"]) + float(char["x1"])) / 2
        for index in range(bisect.bisect_left(heights, low), bisect.bisect_right(heights, high)):
            if rules[index][1] <= middle <= rules[index][2]:
                crossed.setdefault(index, []).append(char)
    struck = set()
    for index, chars in crossed.items():
        # a strike spans the words it strikes; a rule running on well past them (a table's border drawn
        # through a cell's text, a chart's axis) is no strike, and its text is kept
        y, x0, x1 = rules[index]
        if _meets_vertical(verticals, x0, y) and _meets_vertical(verticals, x1, y):
            continue  # a frame's edge: a cell's border, the cell's text kept
        size = max(float(c.get("size") or (float(c["bottom"]) - float(c["top"]))) for c in chars)
        if (
            x0 >= min(float(c["x0"]) for c in chars) - size
            and x1 <= max(float(c["x1"]) for c in chars) + size
        ):
            struck.update(id(c) for c in chars)
    return struck


_FRAME_CORNER = 1.0  # how near (pt) a rule's end is to a vertical rule for the two to be a frame's corner


def _meets_vertical(verticals: list[tuple[float, float, float]], x: float, y: float) -> bool:
    """Whether a vertical rule (x, top, bottom) passes through or ends at the point (x, y): a frame's corner.
    A strike ends where its words do, clear of a cell's border by the cell's padding."""
    return any(
        abs(vx - x) <= _FRAME_CORNER and top - _FRAME_CORNER <= y <= bottom + _FRAME_CORNER
        for vx, top, bottom in verticals
    )


def _lines(page) -> list[Line]:  # type: ignore[no-untyped-def]
    # pdfplumber leaves the spaces out of a line's characters: they are looked for among the page's
    spaces = [c for c in page.chars if (c.get("text") or "").isspace()]
    return [
        line
        for raw in _two_lines_in_one(
            _with_lead_marks(_without_readings(page.extract_text_lines(return_chars=True, strip=True)))
        )
        if (line := _line(raw, [c for c in spaces if _on_line(c, raw)]))
    ]


# A note's mark alone: a figure, a superscript or circled figure, asterisks or a dagger.
_MARK_ALONE = re.compile(r"^(?:\d{1,3}|[¹²³⁴-⁹]{1,3}|[①-⑳]|\*{1,3}|[†‡])$")


def _with_lead_marks(raws: list[dict]) -> list[dict]:  # type: ignore[type-arg]
    """The text lines with a note's mark that opens a line put back at its start. LibreOffice raises a
    footnote's own mark at the body's size before the note's smaller text (「¹ 本市上年度……」): pdfplumber
    takes it for a line of its own, which then, a lone figure at the page's foot, went as a page number —
    and the note, without its mark, was read into the paragraph running on over the page break
    (「……领本市上年度……7860元。取人为……」). A mark is put back only when it stands right before a line's
    first character (less than a character's width apart) and higher than that line's top, but not above it."""
    out = list(raws)
    for mark in raws:
        if not _MARK_ALONE.match((mark.get("text") or "").strip()):
            continue
        for line in out:
            if line is mark or not line.get("chars"):
                continue
            size = max(float(c.get("size", 0) or 0) for c in line["chars"])
            gap = float(line["x0"]) - float(mark["x1"])
            if (
                0 <= gap < size
                and float(mark["top"]) < float(line["top"])
                and float(line["top"]) < float(mark["bottom"]) <= float(line["bottom"]) + 0.2 * size
            ):
                index = out.index(line)
                out[index] = {
                    **line,
                    "text": mark["text"] + line["text"],
                    "chars": [*mark["chars"], *line["chars"]],
                    "x0": mark["x0"],
                    "top": min(float(mark["top"]), float(line["top"])),
                }
                out.remove(mark)
                break
    return out


# A syllable of pinyin, tone marks and ü included (「jiǔ」「lǜ」「zhuàng」).
_SYLLABLE = re.compile(r"^[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,6}$")
_HAN_CHAR = re.compile(f"[{HAN}]")


def _without_readings(raws: list[dict]) -> list[dict]:  # type: ignore[type-arg]
    """The text lines without the readings Word's 拼音指南 (ruby, ``w:ruby``) prints over characters. A
    notice gives rare characters of place or personal names their pinyin (「jiǔ」 over 「氿」): the PDF holds
    the readings as a line of small Latin letters over the line, which was read as a line of text — a
    subsection heading 「jiǔ xǔ jiǔ」 — or, by another reader, between the characters. A line is taken for
    readings only when all of it is pinyin syllables (lower case, tone marks allowed) at most 0.7 times the
    size of the characters of the line right under it (less than one of their heights below), and every
    syllable stands over a Han character of that line; then it is dropped."""
    out = []
    for index, line in enumerate(raws):
        chars = sorted(line.get("chars") or [], key=lambda c: float(c["x0"]))
        if chars and _pinyin_readings(chars, raws[index + 1 :]):
            continue
        out.append(line)
    return out


def _pinyin_readings(chars: list[dict], below: list[dict]) -> bool:  # type: ignore[type-arg]
    size = max(_size(c) for c in chars)
    if size <= 0:
        return False
    syllables: list[list[dict]] = [[chars[0]]]  # type: ignore[type-arg]
    for char in chars[1:]:
        if float(char["x0"]) - float(syllables[-1][-1]["x1"]) > 0.3 * size:
            syllables.append([char])
        else:
            syllables[-1].append(char)
    if not all(_SYLLABLE.match("".join(c["text"] for c in syllable)) for syllable in syllables):
        return False
    bottom = max(float(c["bottom"]) for c in chars)
    for line in below:
        bases = [c for c in line.get("chars") or [] if _HAN_CHAR.match(c["text"])]
        if not bases:
            continue
        big = max(_size(c) for c in bases)
        if not 0 <= float(line["top"]) - bottom < big or size > 0.7 * big:
            return False
        return all(
            any(
                float(base["x0"]) - size / 2
                <= (float(syllable[0]["x0"]) + float(syllable[-1]["x1"])) / 2
                <= float(base["x1"]) + size / 2
                for base in bases
            )
            for syllable in syllables
        )
    return False


def _size(char: dict) -> float:  # type: ignore[type-arg]
    return float(char.get("size", 0) or 0)


def _two_lines_in_one(raws: list[dict]) -> list[dict]:  # type: ignore[type-arg]
    """The text lines with Word's 「双行合一」 (two lines in one, ``w:eastAsianLayout w:combine``) read as
    the one line it is. A joint notice's masthead sets its issuers' names so — 「黛川市委老干部局 /
    黛川市卫生健康委员会」 squeezed as two half-height lines into one line beside a large 「文件」 —, and the
    PDF holds the run as two lines of small characters: pdfplumber put the upper half on the line of the
    large characters (「黛川市委老干部局黛文件」) and the lower half on a line of its own
    (「川市卫生健康委员会」), which then opened the title. A run of small characters on a line with
    characters at least 1.6 times their size, and a line of characters of the same small size right
    under (or over) that run — within the large characters' height and the run's width — are one run: the
    upper half, then the lower, in the line's place."""
    out = list(raws)
    for line in raws:
        if line not in out:
            continue
        chars = sorted(line.get("chars") or [], key=lambda c: float(c["x0"]))
        sizes = [_size(c) for c in chars]
        if not chars or min(sizes) <= 0 or max(sizes) < 1.6 * min(sizes):
            continue
        small = min(sizes)
        run = [i for i, size in enumerate(sizes) if size <= small * 1.1]
        if run != list(range(run[0], run[-1] + 1)):
            continue  # small characters in more than one place: no single combined run
        big = [c for c in chars if _size(c) >= 1.6 * small]
        band = (min(float(c["top"]) for c in big), max(float(c["bottom"]) for c in big))
        left, right = float(chars[run[0]]["x0"]), float(chars[run[-1]]["x1"])
        top = float(chars[run[0]]["top"])
        for other in out:
            others = other.get("chars") or []
            if (
                other is line
                or not others
                or any(abs(_size(c) - small) > 0.1 * small for c in others)
                or float(other["x0"]) < left - small / 2
                or float(other["x1"]) > right + small / 2
                or not band[0] - small / 2 <= float(other["top"]) < band[1]
                or abs(float(other["top"]) - top) < small / 2
            ):
                continue
            halves = [chars[i] for i in run]
            pair = [*halves, *others] if top < float(other["top"]) else [*others, *halves]
            # the line's characters are read in order of position: the two halves share the run's
            # width, one after the other
            width = (right - left) / len(pair)
            pair = [
                {**c, "x0": left + i * width, "x1": left + (i + 1) * width, "top": min(top, float(c["top"]))}
                for i, c in enumerate(pair)
            ]
            merged = [*chars[: run[0]], *pair, *chars[run[-1] + 1 :]]
            out[out.index(line)] = {
                **line,
                "text": "".join(c["text"] for c in merged),
                "chars": merged,
                "top": min(float(line["top"]), float(other["top"])),
                "bottom": max(float(line["bottom"]), float(other["bottom"])),
            }
            out.remove(other)
            break
    return out


def _on_line(char: dict, raw: dict) -> bool:  # type: ignore[type-arg]
    middle = (float(char["top"]) + float(char["bottom"])) / 2
    return float(raw["top"]) <= middle <= float(raw["bottom"]) and float(raw["x0"]) <= float(
        char["x0"]
    ) < float(raw["x1"])


def _with_tables(pages: list[_PageText]) -> list[Page]:
    """The pages with each ruled table as one line per labelled row, in its place.

    A table that runs over a page break is one table: where a table opens a page (nothing but the running
    header above it) and the previous page ends with a table of as many columns at the same place, its
    rows are labelled by that table's header — the header LibreOffice or Word repeats on the new page is
    not read again, and without a repeated header the first row is no header (it was read as the labels
    of the page's rows, 「13：14；…」) — and a row broken across the break (its cells' text running on at
    the top of the new page, the other cells empty) is read as one row (「单位：第12单位老干」 and
    「单位：部活动室」 before).
    """
    rows_of: list[list[list[list[str]]]] = [
        [
            [_SpanningList(row) if isinstance(row, _SpanningRow) else list(row) for row in t.rows]
            for t in p.tables
        ]
        for p in pages
    ]
    headers: list[list[Sequence[str] | None]] = [[None] * len(p.tables) for p in pages]
    printed: list[list[list[list[str]]]] = [[[] for _ in p.tables] for p in pages]
    every = [p.page for p in pages]
    spilled = _join_spilled_columns(pages, rows_of)
    for index in range(1, len(pages)):
        before, after = pages[index - 1], pages[index]
        if index in spilled or index - 1 in spilled:
            continue
        if not (before.tables and after.tables and _carried_over(before, after, every)):
            continue
        previous_rows, rows = rows_of[index - 1][-1], rows_of[index][0]
        previous_header = headers[index - 1][-1]
        repeated = printed[index - 1][-1]  # the header's rows as printed, which the new page may repeat
        if previous_header is None:
            found = table_header(previous_rows)
            previous_header, repeated = (found[0], previous_rows[: found[1]]) if found else ([], [])
        if repeated and rows[: len(repeated)] == repeated:
            del rows[: len(repeated)]  # the header rows repeated on the new page
        first = after.tables[0]
        spans = first.first_spans if rows and rows[0] == list(first.rows[0]) else ()
        merged = frozenset(n for n, span in enumerate(spans) if span > 1)
        if len(previous_rows) == 1 and headers[index - 1][-1] is None:
            # only the table's first row printed at the page's foot (its header, broken or not): the table
            # is read on the new page, that row first (the rest of a broken one joined to it; a repeated
            # one not read twice)
            row = previous_rows.pop()
            if rows and rows[0] != row and _broken_row(row, rows[0], merged):
                rows[0] = [join(a, b) if b else a for a, b in zip(row, rows[0], strict=True)]
            elif not rows or rows[0] != row:
                rows.insert(0, row)
            continue
        if rows and len(previous_rows) > 1 and _broken_row(previous_rows[-1], rows[0], merged):
            previous_rows[-1] = [
                join(a, b) if b else a for a, b in zip(previous_rows[-1], rows.pop(0), strict=True)
            ]
        elif previous_rows:
            # the rest of a cell merged down over the break (printed empty on the new page): its text
            for column in merged:
                text = previous_rows[-1][column] if column < len(previous_rows[-1]) else ""
                for row in rows[: spans[column]]:
                    if text and column < len(row) and not row[column]:
                        row[column] = text
        headers[index][0] = previous_header
        printed[index][0] = repeated
    out = []
    for page, tables, page_headers in zip(pages, rows_of, headers, strict=True):
        lines = list(page.page.lines)
        for table, rows, header in zip(page.tables, tables, page_headers, strict=True):
            if not rows:
                continue  # its one row is read with the rest of the table on the next page
            if len(rows) == 1 and header is None:
                lines.extend(table.lines)  # a ruled box of one row is no table of its own: read as printed
                continue
            x0, top, x1, bottom = table.box
            texts = labelled_rows(
                [row[0] if isinstance(row, _SpanningList) else row for row in rows],
                [] if table.form and header is None else header,
                form=table.form,
            )
            step = (bottom - top) / max(len(texts), 1)
            for n, text in enumerate(texts):
                row_top = top + n * step
                lines.append(Line(text=text, x0=x0, x1=x1, top=row_top, bottom=row_top + step, table=True))
        lines.sort(key=lambda line: (round(line.top, 1), line.x0))
        out.append(replace(page.page, lines=tuple(lines)))
    return out


def _join_spilled_columns(pages: list[_PageText], rows_of: list[list[list[list[str]]]]) -> set[int]:
    """The pages holding only the columns of a sheet too wide for its page, their rows joined to the rows of
    the page they go on from (in `rows_of`; such a page's overflowing lines dropped from `pages`); their
    indexes.

    Calc and Excel print a sheet wider than the page column group by column group (「先列后行」 or 「先行后
    列」): the columns that do not fit go on a page of their own, the same rows at the same heights. Such a
    page holds one table — as many rows as a table of the page before (or of the page that page's columns
    go on from), with the same top and bottom, each opening with a header, another one — and in its body
    nothing else but lines level with lines under that table (a note's text overflowing its cell). Its
    rows are the same records': each is read as the end of its row there (「姓名：籍伯言；…；服务日期：3月5日」)
    — before, each page's columns were rows of their own, the dates and times naming nobody."""
    joined: set[int] = set()
    anchor: dict[int, tuple[int, int]] = {}  # a page's table → the page and table its rows were joined to
    for index in range(1, len(pages)):
        after = pages[index]
        if len(after.tables) != 1 or any(isinstance(row, _SpanningList) for row in rows_of[index][0]):
            continue
        head, foot = after.page.height * MARGIN_BAND, after.page.height * (1 - MARGIN_BAND)
        body = [line for line in after.page.lines if head < line.top < foot]
        first = after.tables[0]
        target = anchor.get(index - 1)
        candidates = [target] if target else [(index - 1, n) for n in range(len(pages[index - 1].tables))]
        for page_index, table_index in candidates:
            table = pages[page_index].tables[table_index]
            # the page's other body lines stand level with lines of that page (a note under the table
            # whose cell's text overflows into the spilled columns, as Calc prints it on both pages):
            # the rest of one of them, read there in full, is not read again
            level = {
                id(line): other
                for line in body
                for other in pages[page_index].page.lines
                if abs(other.top - line.top) <= 2 and other.top > table.box[3]
            }
            if len(level) != len(body):
                continue
            rows, more = rows_of[page_index][table_index], rows_of[index][0]
            if (
                len(rows) == len(more) > 1
                and abs(table.box[1] - first.box[1]) <= 2
                and abs(table.box[3] - first.box[3]) <= 2
                and rows[0] != more[0]
                and not any(isinstance(row, _SpanningList) for row in rows)
                # each opens with a header of its own: a long table's next page, its header not repeated,
                # opens with a row of data (and with the header repeated, with the same row)
                and table_header(rows) is not None
                and table_header(more) is not None
                and _spills_into(pages[index - 1].tables[-1], table, first, after.page.width)
                and not set(rows[0]) & set(more[0])
            ):
                for row, rest in zip(rows, more, strict=True):
                    row.extend(rest)
                more.clear()
                joined.add(index)
                overflow = {
                    id(line)
                    for line in body
                    if "".join(level[id(line)].text.split()).endswith("".join(line.text.split()))
                }
                kept = tuple(line for line in after.page.lines if id(line) not in overflow)
                pages[index] = replace(after, page=replace(after.page, lines=kept))
                anchor[index] = (page_index, table_index)
                break
    return joined


def _spills_into(cut: _Table, table: _Table, rest: _Table, width: float) -> bool:
    """Whether `rest`, a page's table, holds the columns of `table` (on an earlier page) that did not fit
    on its page, `cut` the table of the page just before (`table` itself or another column group of it).
    Calc prints such a sheet's column groups each from the left margin, their rows at the same heights, and
    cuts a group where the next column would not fit: `cut` runs to the right margin, within the width of
    `rest`'s first column, and `rest`'s columns stand elsewhere. A long table's next page (its columns where
    they were), two sheets of one workbook each narrower than the page, or a table's next page in Writer
    are none (they were read scrambled or glued together before)."""
    if not (cut.column_lefts and table.row_tops and rest.column_lefts and rest.row_tops):
        return False
    right_margin = width - rest.box[0]  # Calc's margins: as wide on the right as on the left
    first_width = (rest.column_lefts[1] if len(rest.column_lefts) > 1 else rest.box[2]) - rest.column_lefts[0]
    same_columns = len(table.column_lefts) == len(rest.column_lefts) and all(
        abs(a - b) <= 2 for a, b in zip(table.column_lefts, rest.column_lefts, strict=True)
    )
    return (
        not same_columns
        and abs(table.box[0] - rest.box[0]) <= 2
        and right_margin - cut.box[2] < first_width + 2
        and len(table.row_tops) == len(rest.row_tops)
        and all(abs(a - b) <= 2 for a, b in zip(table.row_tops, rest.row_tops, strict=True))
    )


def _carried_over(before: _PageText, after: _PageText, pages: list[Page]) -> bool:
    """Whether the first table of `after` continues the last table of `before`: as many columns, the same
    left and right edges, nothing of the body under the one (only its page's footer band, and the page's
    footnotes, which LibreOffice prints between the table and the footer) and nothing over the other (only
    the header band), and — unless it opens with the other's header row repeated — no room left under the
    one, down to its footnotes, for the other's first row (`_room_left`). Before, a table whose header row
    ended a page above a footnote was read as two boxes of one row each, as printed: a data row's cell
    wrapped over two lines was read as two lines and its text lost from the cell."""
    last, first = before.tables[-1], after.tables[0]
    if (
        _columns(last) != _columns(first)
        or abs(last.box[0] - first.box[0]) > 2
        or abs(last.box[2] - first.box[2]) > 2
    ):
        return False
    foot = before.page.height * (1 - MARGIN_BAND)
    under = [line for line in before.page.lines if line.top >= last.box[3] and line.top < foot]
    notes_top = None
    if footnotes_under(under, pages):
        notes_top, under = min(line.top for line in under), []
    if (
        first.rows[:1] != last.rows[:1]
        and _room_left(before, after, notes_top) > first.first_height + _ROW_SLACK
    ):
        return False
    head = after.page.height * MARGIN_BAND
    return not under and not any(
        line.bottom <= first.box[1] and line.bottom > head for line in after.page.lines
    )


# How far (points) a page's text may end above where its margins say it does, and a row still have been
# pushed over the break (GB/T 9704 sets the top margin 2 mm deeper than the bottom one).
_ROW_SLACK = 12.0


def _room_left(before: _PageText, after: _PageText, notes_top: float | None = None) -> float:
    """The space under the last table of `before`, down to where the text of its page ends. A table runs
    on over a page break only when its next row did not fit there: two tables of the same columns, one
    ending a page and another opening the next after a page break, were read as one table, the second's
    header row labelled by the first's. The text of a page ends as far above its foot as the text of the
    next begins under its top (the top and bottom margins of Word, WPS, LibreOffice and reportlab pages
    are equal), or at the lowest body line printed on it, if lower; where the page's footnotes begin
    (`notes_top`), if it has any under the table."""
    last, first = before.tables[-1], after.tables[0]
    foot = before.page.height * (1 - MARGIN_BAND)
    if notes_top is not None:
        return notes_top - last.box[3]
    text_bottom = max(
        after.page.height - first.box[1],
        max((line.bottom for line in before.page.lines if line.top < foot), default=0.0),
    )
    return text_bottom - last.box[3]


def _columns(table: _Table) -> int:
    return max((len(row) for row in table.rows), default=0)


def _broken_row(last: list[str], first: list[str], merged_down: frozenset[int]) -> bool:
    """Whether `first`, at the top of a page, is the rest of `last`, the row before the page break: some of
    its cells are empty, no more of them hold text than are empty, each that holds text goes on from a cell
    of `last` that does, and no empty one is a cell merged down over the rows after it (the rest of a
    category cell 「第1类」 merged down the rows before the break and after it: those rows are rows of their
    own)."""
    if len(last) != len(first):
        return False
    filled = [n for n, cell in enumerate(first) if cell]
    empty = [n for n, cell in enumerate(first) if not cell]
    return (
        bool(filled)
        and len(filled) <= len(empty)
        and all(last[n] for n in filled)
        and not any(n in merged_down for n in empty)
    )


def _line(raw: dict, spaces: Sequence[dict] = ()) -> Line | None:  # type: ignore[type-arg]
    # pdfplumber lists a ligature glyph (one char whose text is "ff", "fi"…) once per letter: the same
    # object twice, which would print "Offffice" for "Office"
    unique = {id(c): c for c in raw.get("chars", ())}.values()
    chars = [c for c in unique if c.get("text") and not c["text"].isspace()]
    spaced = _spaced([*chars, *spaces])
    line = _chars_line(chars, spaced)
    if line is None:
        return None
    line = replace(
        line, x0=float(raw["x0"]), x1=float(raw["x1"]), top=float(raw["top"]), bottom=float(raw["bottom"])
    )
    pieces = _pieces(chars)
    if len(pieces) > 1:  # a gutter or a tab: corpus.columns decides whether it divides columns
        line = replace(line, parts=tuple(part for piece in pieces if (part := _chars_line(piece, spaced))))
    return line


def _spaced(chars: list[dict]) -> frozenset[int]:  # type: ignore[type-arg]
    """The ids of the characters a run of spaces the producer wrote, half a character wide or more,
    stands before: 「中共嵩浦市委老干部局    嵩浦市体育局」, two bodies signing on one line (read together, they
    were one issuer). Justification's spreading writes no space, and a single space between Chinese
    characters is too narrow to count."""
    out: set[int] = set()
    width = 0.0
    for char in sorted(chars, key=lambda c: float(c["x0"])):
        text = char.get("text") or ""
        if text.isspace():
            width += float(char["x1"]) - float(char["x0"])
            continue
        if width >= 0.45 * max(float(char.get("size", 0) or 0), 1.0):
            out.add(id(char))
        width = 0.0
    return frozenset(out)


def _chars_line(chars: list[dict], spaced: frozenset[int] = frozenset()) -> Line | None:  # type: ignore[type-arg]
    text = _chars_text(chars, spaced)
    if not text:
        return None
    # A Chinese line's type is that of its Chinese characters: the Latin words in it (Office, WPS) are set
    # in another font, and a line holding many of them is not a change of type (a heading's). Its size and
    # baseline too: a paragraph's short last line 「便。」 with an endnote's raised 「iii」 after it has more
    # characters in the mark's small type than in its own (it was read as a line in the mark's type, and
    # the mark, no smaller than that, stayed in the text).
    han = [c for c in chars if c["text"] >= "\u2e80"]
    typed = han or chars
    fonts = Counter(_font_family(c.get("fontname", "")) for c in typed)
    sizes = Counter(round(float(c.get("size", 0)), 1) for c in typed)
    size = sizes.most_common(1)[0][0] if sizes else 0.0
    bottom = Counter(round(float(c["bottom"]), 1) for c in typed).most_common(1)[0][0]
    raised = [c for c in chars if _raised_mark(c, size, bottom)]
    return Line(
        text=text,
        marks=_mark_runs(chars, raised) if raised and len(raised) < len(chars) else (),
        unmarked=(
            _chars_text([c for c in chars if c not in raised], spaced)
            if raised and len(raised) < len(chars)
            else ""
        ),
        lead=_lead(sorted(chars, key=lambda c: c["x0"])),
        x0=min(float(c["x0"]) for c in chars),
        x1=max(float(c["x1"]) for c in chars),
        top=min(float(c["top"]) for c in chars),
        bottom=max(float(c["bottom"]) for c in chars),
        font=fonts.most_common(1)[0][0] if fonts else "",
        size=size,
    )


def _mark_runs(chars: list[dict], raised: list[dict]) -> tuple[str, ...]:  # type: ignore[type-arg]
    """The reference marks a line holds, in order: each run of raised characters (「12」 for note 12)."""
    runs: list[str] = []
    previous = False
    for char in sorted(chars, key=lambda c: c["x0"]):
        if char["text"].isspace():
            continue
        now = any(char is r for r in raised)
        if now and previous:
            runs[-1] += char["text"]
        elif now:
            runs.append(char["text"])
        previous = now
    return tuple(runs)


def _raised_mark(char: dict, size: float, bottom: float) -> bool:  # type: ignore[type-arg]
    """A note's reference mark: a figure set small and raised above the line (「纽带。¹」, 「岁。ⁱ」), or a small
    circled figure or dagger (raised so far that the line above may have taken it in)."""
    small = float(char.get("size", 0) or 0) < 0.75 * size
    if char["text"] in "*†‡①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳":
        return small
    # figures, and the small roman figures of endnotes (i, ii: Word's and LibreOffice's default)
    return char["text"] in "0123456789ivx" and small and float(char["bottom"]) < bottom - 0.2 * size


# Marks a line may not start with (they stay with the character before), and marks it may not end with
# (the brackets of a document number 「〔2024〕5号」 and the full-width square brackets among them).
_NO_START = set("，。、；：！？）」』”’》〉】〕〗］｝…,.;:!?)")
_NO_END = set("（「『“‘《〈【〔〖［｛(")
# Closing marks (Unicode's class CL) after which LibreOffice does not break before a Latin word or a
# number either: 「测，APP」「测。ABC」「测）No.3」「测》PDF」 go to the next line whole (after 「：」「；」, class
# NS, it does break: 「测：」 then 「GDP」).
_CLOSING = set("，。、）」』”’》〉】〕〗］｝")
# Opening quotation marks LibreOffice does not break a line before either (Unicode's class QU): the
# character before one goes to the next line with it.
_QUOTE_OPEN = set("“‘")


def _lead(chars: list[dict]) -> float:  # type: ignore[type-arg]
    """The width of the unbreakable start of a line: what a line breaker would not have split to put part
    of it at the end of the line before. Opening marks stay with what they open; a Latin word or a number
    is one piece with its separators, sign and unit (「1,500」「3.5」「85%」「98％」「38℃」); a Chinese character is one; the
    closing marks after either stay with it (「300；」「度，」), and LibreOffice does not break between a
    closing mark and a number or a Latin word after it either (「度，100」「动，2023」「测，APP」), nor before an
    opening quote (「党“老」). A line that stopped short by less than this did not end its paragraph."""
    end = 0
    while end + 1 < len(chars) and chars[end]["text"] in _NO_END:
        end += 1
    end = _word_end(chars, end)
    while True:
        closed = False
        while end + 1 < len(chars) and chars[end + 1]["text"] in _NO_START:
            end += 1
            closed = True
        if end + 2 < len(chars) and chars[end + 1]["text"] in _QUOTE_OPEN:
            end = _word_end(chars, end + 2)  # no break before an opening quote, nor after it: 「党“老」
            continue
        if not (
            closed
            and end + 1 < len(chars)
            and (
                chars[end + 1]["text"] in _DIGITS
                or (chars[end]["text"] in _CLOSING and _ascii_word(chars[end + 1]["text"]))
            )
        ):
            break
        end = _word_end(chars, end + 1)
    return max(float(chars[end]["x1"]) - float(chars[0]["x0"]), _below_cjk_run(chars))


def _below_cjk_run(chars: list[dict]) -> float:  # type: ignore[type-arg]
    """The width of the run of characters below U+3000 (Latin letters, figures, ASCII marks, curly quotes,
    dashes) a line opens with, up to a space or a Chinese character: reportlab (wordWrap CJK) breaks such
    a run only there, so 「e-mail」「No.3」「Wi-Fi」 go to the next line whole where LibreOffice would have
    left 「e-」 behind. 0 when the line opens with a Chinese character or a full-width mark."""
    if not chars or chars[0]["text"] >= "\u3000":
        return 0.0
    end = 0
    while (
        end + 1 < len(chars)
        and chars[end + 1]["text"] < "\u3000"
        and float(chars[end + 1]["x0"]) - float(chars[end]["x1"]) <= 0.15 * float(chars[end].get("size") or 1)
    ):
        end += 1
    return float(chars[end]["x1"]) - float(chars[0]["x0"])


_DIGITS = set("0123456789")
_FULL_DIGITS = set("０１２３４５６７８９")


def _ascii_word(text: str) -> bool:
    return text.isascii() and text.isalnum()


_IN_NUMBER = set(",.:")  # between two digits: 1,500 / 3.5 / 10:30
# a unit a line may not be broken before (Unicode's postfix-numeric class): LibreOffice keeps 「98％」 and
# 「38℃」 whole, as it does 「85%」
_AFTER_NUMBER = set("%‰％℃")
# dashes of a range (「3—5人」); a hyphen is not among them: LibreOffice breaks after one (「Wi-」 then 「Fi」)
_DASHES = set("—–")


def _word_end(chars: list[dict], start: int) -> int:  # type: ignore[type-arg]
    """The index of the last character of the Latin word or number at `start` (a space ends it), or
    `start` itself for any other character."""
    if chars[start]["text"] in _FULL_DIGITS:
        # a full-width figure is a character of its own, as a Chinese one is (LibreOffice breaks between
        # 「３」 and 「０」), but the unit after it stays with it (「０％」)
        unit = start + 1 < len(chars) and chars[start + 1]["text"] in _AFTER_NUMBER
        return start + 1 if unit else start
    if not (chars[start]["text"].isascii() and chars[start]["text"].isalnum()):
        return start
    end = start
    while end + 1 < len(chars):
        following = chars[end + 1]["text"]
        if float(chars[end + 1]["x0"]) - float(chars[end]["x1"]) > 0.15 * float(chars[end].get("size") or 1):
            break  # a space: the word ended
        if following.isascii() and following.isalnum():
            end += 1
        elif (
            following in _IN_NUMBER
            and chars[end]["text"] in _DIGITS
            and end + 2 < len(chars)
            and chars[end + 2]["text"] in _DIGITS
        ):
            end += 2
        elif following in _AFTER_NUMBER and chars[end]["text"] in _DIGITS:
            end += 1
        elif following in _DASHES and end + 2 < len(chars) and _ascii_word(chars[end + 2]["text"]):
            end += 2  # 「3—5」「No.33—5」: reportlab keeps a dash between Latin letters or digits in the word
        else:
            break
    return end


def _pieces(chars: list[dict]) -> list[list[dict]]:  # type: ignore[type-arg]
    """A line's characters split where a gap wider than a gutter can be separates them."""
    pieces: list[list[dict]] = []  # type: ignore[type-arg]
    last = None
    for char in sorted(chars, key=lambda c: c["x0"]):
        size = max(float(char.get("size", 0) or 0), 1.0)
        if last is None or float(char["x0"]) - float(last["x1"]) >= MIN_GUTTER * size:
            pieces.append([])
        pieces[-1].append(char)
        last = char
    return pieces


def _chars_text(chars: list[dict], spaced: frozenset[int] = frozenset()) -> str:  # type: ignore[type-arg]
    """A line's characters in order. Justification spreads Chinese characters apart: that is not a
    space. A space is kept between Latin words, where a wide gap (a tab, a column) separates text, and
    where the producer wrote spaces half a character wide or more (`spaced`, from _spaced)."""
    out: list[str] = []
    last = None
    for char in _reading_order(chars):
        text = char["text"]
        if text.isspace():
            continue
        if last is not None:
            gap = _gap(last, char)
            written = id(char) in spaced and gap > 0
            out.append(
                " " if written else separator(last["text"], text, gap, float(last.get("size", 0) or 0))
            )
        out.append(text)
        last = char
    return "".join(out).strip()


def _reading_order(chars: list[dict]) -> list[dict]:  # type: ignore[type-arg]
    """A line's characters in the order they read: left to right; a line all of whose characters are
    turned a right angle counterclockwise — a chart's axis title on end beside a horizontal page's text
    (「借阅量（册）」 up the side of a bar chart, as matplotlib, Excel and LibreOffice set it) — from the
    bottom up, and one turned clockwise from the top down. Sorted left to right, the upward title stood
    at one place and its characters came in the order the content drew them: 「）册（量阅借」."""
    turned = {_direction(c) for c in chars if not c["text"].isspace()}
    if turned == {1}:
        return sorted(chars, key=lambda c: -float(c["bottom"]))
    if turned == {3}:
        return sorted(chars, key=lambda c: float(c["top"]))
    return sorted(chars, key=lambda c: c["x0"])


def _gap(last: dict, char: dict) -> float:  # type: ignore[type-arg]
    """The space between two characters of a line, along the way it reads (see _reading_order)."""
    turned = (_direction(last), _direction(char))
    if turned == (1, 1):
        return float(last["top"]) - float(char["bottom"])
    if turned == (3, 3):
        return float(char["top"]) - float(last["bottom"])
    return float(char["x0"]) - float(last["x1"])


class _Field(NamedTuple):
    """A form field's value as filled in, and the box it shows in (page units, top grows downwards)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float

    @property
    def box(self) -> dict[str, float]:
        return {"x0": self.x0, "x1": self.x1, "top": self.top, "bottom": self.bottom}

    @property
    def line(self) -> Line:
        return Line(text=self.text, x0=self.x0, x1=self.x1, top=self.top, bottom=self.bottom, size=self.size)


_FIELD_SIZE = re.compile(rb"(\d+(?:\.\d+)?)\s+Tf")
_HIDDEN_ANNOTATION = 2  # the annotation flag 「hidden」: never shown nor printed


def _field_values(page) -> list[_Field]:  # type: ignore[no-untyped-def]
    """The values filled in the page's form fields: a PDF form (报名表, 登记表) filled in on a computer keeps
    each value in its field (AcroForm: the widget's ``/V``, or its parent field's), not in the page's
    text, and a viewer draws it in the field's box — such a form was read as its labels alone. Text and
    choice fields only (a check box's value is a name, not text); a hidden field is not read, nor a value
    the page already prints in the field's box (a program that drew it into the page as well)."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    out = []
    for data, (x0, top, x1, bottom), kind, _, value in _widgets(page):
        values = value if isinstance(value, list) else [value]
        texts = [decode_text(v) for v in map(resolve1, values) if isinstance(v, bytes)]
        lines = [tidy_line(line) for text in texts for line in re.split(r"\r\n|\r|\n", text)]
        text = functools.reduce(join, [line for line in lines if line], "")
        if kind not in ("Tx", "Ch") or not text:
            continue
        printed = "".join(c["text"] for c in page.chars if _inside(c, (x0, top, x1, bottom)))
        if "".join(text.split()) in "".join(printed.split()):
            continue
        size = _FIELD_SIZE.search(resolve1(data.get("DA")) or b"")
        points = float(size.group(1)) if size and float(size.group(1)) > 0 else 0.0
        out.append(_Field(text, x0, x1, top, bottom, points))
    return out


# A button field's flags (PDF 32000 12.7.4.2.1): a radio button, a push button (no state to read)
_RADIO = 1 << 15
_PUSH_BUTTON = 1 << 16
# How a ticked and an empty check box, a chosen and an unchosen radio button read
_BOX_MARKS = {(False, True): "☑", (False, False): "☐", (True, True): "◉", (True, False): "○"}


def _with_box_marks(page):  # type: ignore[no-untyped-def]
    """The page with each check box and radio button of its form read as a character where it stands: ☑ or
    ☐, ◉ or ○, by the state the form was saved in (the widget's ``/AS``, else its field's ``/V``). A form
    filled in on a computer keeps which boxes were ticked in its widgets only, and a viewer draws the tick:
    read as its labels alone, a 报名表's 「报名课程：书法 太极拳 合唱」 did not say which were chosen. A
    hidden widget and a push button are not read; a page without such widgets is the page itself."""
    from pdfminer.pdftypes import resolve1
    from pdfplumber.page import DerivedPage

    template = page.chars[0] if page.chars else {}
    marks = []
    for data, (x0, top, x1, bottom), kind, flags, value in _widgets(page):
        bits = int(flags or 0) if isinstance(flags, int | float) else 0
        if kind != "Btn" or bits & _PUSH_BUTTON or bottom <= top:
            continue
        shown = resolve1(data.get("AS"))
        state = getattr(shown if shown is not None else value, "name", "Off")
        appearances = resolve1(data.get("AP"))
        on_states = resolve1(appearances.get("N")) if isinstance(appearances, dict) else None
        if shown is None and isinstance(on_states, dict) and state not in on_states:
            state = "Off"  # a radio group's /V names another button's state
        height = bottom - top
        size = height * 0.8
        middle = (top + bottom) / 2
        left = x0 + max(0.0, (x1 - x0 - size) / 2)
        char_top, char_bottom = middle - size / 2, middle + size / 2
        y_flip = float(page.height) + float(page.bbox[1])
        marks.append(
            {
                **template,
                "object_type": "char",
                "text": _BOX_MARKS[(bool(bits & _RADIO), state not in ("Off", ""))],
                "fontname": "form-field",
                "size": size,
                "adv": size,
                "upright": True,
                "x0": left,
                "x1": left + size,
                "top": char_top,
                "bottom": char_bottom,
                "doctop": char_top + float(template.get("doctop", 0)) - float(template.get("top", 0)),
                "y0": y_flip - char_bottom,
                "y1": y_flip - char_top,
                "width": size,
                "height": size,
                "matrix": (size, 0.0, 0.0, size, left, y_flip - char_bottom),
                "non_stroking_color": (0,),
                "stroking_color": (0,),
            }
        )
    if not marks:
        return page

    class Marked(DerivedPage):
        def __init__(self) -> None:
            self.bbox = page.bbox
            super().__init__(page)

        @property
        def objects(self) -> dict[str, list[dict]]:  # type: ignore[type-arg]
            return {**page.objects, "char": [*page.chars, *marks]}

    return Marked()


def _with_fractions(page):  # type: ignore[no-untyped-def]
    """The page with each stacked fraction and radical (corpus.fractions) read in its sentence's line: its
    numerator's and denominator's characters replaced by 「分子/分母」 where its bar is, a radical's sign and
    radicand by 「√(…)」; a page without one is itself."""
    from pdfplumber.page import DerivedPage

    if not page.chars:
        return page
    chars, bars = read_formulas(page.chars, [*page.rects, *page.lines])
    if not bars:
        return page

    class Read(DerivedPage):
        def __init__(self) -> None:
            self.bbox = page.bbox
            super().__init__(page)

        @property
        def objects(self) -> dict[str, list[dict]]:  # type: ignore[type-arg]
            return {
                **page.objects,
                "char": chars,
                "rect": [r for r in page.rects if id(r) not in bars],
                "line": [r for r in page.lines if id(r) not in bars],
            }

    return Read()


class _Widget(NamedTuple):
    """A form widget shown on a page: its annotation, its box (x0, top, x1, bottom), and its field's type
    (``/FT``: Tx, Ch, Btn…), flags (``/Ff``) and value (``/V``), each the widget's or inherited from the
    nearest parent field that sets it."""

    data: dict  # type: ignore[type-arg]
    box: tuple[float, float, float, float]
    kind: str | None
    flags: object
    value: object


def _widgets(page) -> list[_Widget]:  # type: ignore[no-untyped-def]
    """The page's form widgets, hidden ones (the annotation flag 「hidden」) left out."""
    from pdfminer.pdftypes import resolve1

    out = []
    for data, box, _ in _annotations(page):
        if getattr(resolve1(data.get("Subtype")), "name", None) != "Widget":
            continue
        if int(resolve1(data.get("F")) or 0) & _HIDDEN_ANNOTATION:
            continue
        field, kind, flags, value, seen = data, None, None, None, 0
        while isinstance(field, dict) and seen < 8:  # FT, Ff and V are inherited from the parent field
            kind = kind or getattr(resolve1(field.get("FT")), "name", None)
            flags = flags if flags is not None else resolve1(field.get("Ff"))
            value = value if value is not None else resolve1(field.get("V"))
            field, seen = resolve1(field.get("Parent")), seen + 1
        out.append(_Widget(data, box, kind, flags, value))
    return out


# Annotations that carry no remark of their own: a form field, a link, a comment's pop-up window (it shows
# its parent's text), a file or sound attached, a printer's mark, a watermark, a 3D or media object
_NOT_REMARKS = frozenset(
    {
        "Widget",
        "Link",
        "Popup",
        "FileAttachment",
        "Sound",
        "Movie",
        "Screen",
        "PrinterMark",
        "TrapNet",
        "Watermark",
        "3D",
        "RichMedia",
        "Projection",
    }
)
# The date some producers append to a remark's author (LibreOffice: 「王审核, 12/03/26, 」, in a Chinese
# locale 「王审核, 31年3月1日, 」)
_AUTHOR_DATE = re.compile(r"[,，]\s*(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{1,4}年\d{1,2}月\d{1,2}日).*$")


def page_remarks(page, number: int) -> list[Block]:  # type: ignore[no-untyped-def]
    """The remarks a reviewer added to the page as annotations (WPS's or Acrobat's 批注: a sticky note, a
    text box typed on the page (FreeText), a highlight or a struck-out span with its comment), in the
    page's order from the top, each a "note" block of its own: 「第2页批注（审核人 蒋文澜）：建议…」. They
    are not the page's text (a viewer draws them over it) and are never joined to its sentences; before,
    they were not read at all. A hidden annotation, an empty one, a pop-up (its parent's text again) and
    a form field are not remarks.

    A reply (an annotation ``/IRT`` another, ``/RT /R`` or none: Acrobat's and WPS's 「回复」, a reply to a
    reply too) is read in its thread, after the comment it answers, as Word's replies are: 「第1页批注（邹明远）：
    建议… — 回复（石婉清）：…」. A review state (``/StateModel /Review``, Acrobat's 「完成」「接受」 on a thread:
    hidden, its words the state's English name) is no remark: 「Completed」 or 「Accepted」 marks the thread
    「已解决」. A reply whose comment is not on the page (or not a remark) stands as a remark of its own."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    found: list[tuple[float, int | None, int | None, Remark]] = []  # top, own id, the id it answers, remark
    done: set[int] = set()  # the ids of the comments a review state marks done
    for data, (_, top, _, _), ref in _annotations(page):
        kind = getattr(resolve1(data.get("Subtype")), "name", None)
        own, answers = _annotation_links(ref)
        if resolve1(data.get("StateModel")) is not None:
            review = _text_value(resolve1(data.get("StateModel"))) == "Review"
            if answers is not None and review and _text_value(resolve1(data.get("State"))) in _DONE_STATES:
                done.add(answers)
            continue
        if kind is None or kind in _NOT_REMARKS or int(resolve1(data.get("F")) or 0) & _HIDDEN_ANNOTATION:
            continue
        contents = resolve1(data.get("Contents"))
        lines = [] if not isinstance(contents, bytes) else re.split(r"\r\n|\r|\n", decode_text(contents))
        text = functools.reduce(join, [tidy_line(line) for line in lines if line.strip()], "")
        if not text:
            continue
        author = resolve1(data.get("T"))
        author = tidy_line(decode_text(author)) if isinstance(author, bytes) else ""
        # Writer's 「已解决」 ends the author: 「蒲文澜, 12/06/26, RESOLVED」
        resolved = bool(_WRITER_RESOLVED.search(author))
        author = _AUTHOR_DATE.sub("", _WRITER_RESOLVED.sub("", author)).strip(" ,，")
        grouped = getattr(resolve1(data.get("RT")), "name", "R") == "Group"  # one of a group, not a reply
        found.append((top, own, None if grouped else answers, Remark((text,), author, resolved=resolved)))
    found.sort(key=operator.itemgetter(0))  # stable: a reply on its comment's place stays after it
    at = {own: n for n, (_, own, _, _) in enumerate(found) if own is not None}
    parents = {n: at[answers] for n, (_, _, answers, _) in enumerate(found) if answers in at}
    # Writer's replies name no comment (no /IRT) and lie on its place, as a second reviewer's comment on the
    # same words does (same /Rect, /M D:00000000000000Z, a date in /T to the day): nothing tells them apart,
    # so each is read as a comment of its own (docs/mend63r.md)
    remarks = [replace(r, resolved=r.resolved or own in done) for _, own, _, r in found]
    lines = (remark_line(remark, f"第{number}页") for remark in threads(remarks, parents))
    return [Block(text=line, kind="note") for line in lines if line]


# The end LibreOffice Writer puts on a resolved comment's author when it exports comments as annotations
_WRITER_RESOLVED = re.compile(r"[,，]\s*(?:RESOLVED|已解决)\s*$")
_DONE_STATES = ("Completed", "Accepted")  # a review state marking a thread done (Acrobat's 完成, 接受)


def _annotation_links(ref: object) -> tuple[int | None, int | None]:
    """An annotation's own object number and that of the annotation it answers (``/IRT``), each None when
    the file does not say (an annotation written in the page's array directly has no number)."""
    from pdfminer.pdftypes import resolve1

    data = resolve1(ref)
    answers = data.get("IRT") if isinstance(data, dict) else None
    return getattr(ref, "objid", None), getattr(answers, "objid", None)


def _text_value(value: object) -> str:
    """A PDF name or text string as text (``/Review`` or ``(Review)``: producers write either)."""
    if isinstance(value, bytes):
        from pdfminer.utils import decode_text

        return decode_text(value)
    return str(getattr(value, "name", "") or "")


class _Annotation(NamedTuple):
    data: dict  # type: ignore[type-arg]
    box: tuple[float, float, float, float]  # x0, top, x1, bottom
    ref: (
        object  # the entry of the page's /Annots array: an indirect reference (its object number) or the dict
    )


def _annotations(page) -> list[_Annotation]:  # type: ignore[no-untyped-def]
    """The page's annotations, each with its box and the entry of the page's array it was read from (replies
    name the annotation they answer by its object number, which pdfplumber's resolved copies no longer hold).
    pdfplumber gives up on a page one of whose annotations has no box (a comment's pop-up, as LibreOffice
    exports one): then the boxes are worked out here, the box-less left out, on an upright page (on a turned
    one such a page's annotations are not read)."""
    from pdfminer.pdftypes import resolve1

    refs = list(resolve1(page.page_obj.annots) or [])
    try:
        annots = page.annots
        if len(annots) != len(refs):  # pdfplumber reads the page's array in its order, one for one
            refs = [None] * len(annots)
        return [
            _Annotation(
                annot.get("data") or {}, (annot["x0"], annot["top"], annot["x1"], annot["bottom"]), ref
            )
            for annot, ref in zip(annots, refs, strict=True)
        ]
    except (KeyError, TypeError, ValueError):
        if page.rotation:
            return []
    height = float(page.root_page.height)
    out = []
    for item in refs:
        data = resolve1(item)
        rect = resolve1(data.get("Rect")) if isinstance(data, dict) else None
        if not isinstance(rect, list) or len(rect) != 4:
            continue
        try:
            a, b, c, d = (float(resolve1(v)) for v in rect)
        except (TypeError, ValueError):
            continue
        out.append(_Annotation(data, (min(a, c), height - max(b, d), max(a, c), height - min(b, d)), item))
    return out


def _tables(page, fields: Sequence[_Field] = ()) -> list[_Table]:  # type: ignore[no-untyped-def]
    """Tables drawn with ruling lines, top to bottom; a form field's value is its cell's text."""
    found = []
    try:
        rules = _level_rules(page)
        tables = page.find_tables({"explicit_horizontal_lines": rules} if rules else None)
    except Exception:  # table finding is a bonus: without it the cells are still read as lines
        log.debug("table detection failed", exc_info=True)
        return []
    for table in tables:
        raw = [list(row) for row in table.extract()]
        form = False
        for r, row in enumerate(table.rows[: len(raw)]):
            for c, box in enumerate(row.cells[: len(raw[r])]):
                inside = [f.text for f in fields if box is not None and _inside(f.box, _box(box))]
                if inside:
                    raw[r][c] = functools.reduce(join, inside, _cell(raw[r][c]))
                    form = True
        overflow: set[int] = set()
        for r, row in enumerate(table.rows[: len(raw)]):
            left, right = _overflowing(
                page, table.bbox, row.bbox, [_box(c) for c in row.cells if c is not None]
            )
            filled = [c for c, cell in enumerate(raw[r]) if cell]
            if filled and (left or right):
                first, last = filled[0], filled[-1]
                raw[r][first] = "".join(c["text"] for c in left) + raw[r][first]
                raw[r][last] = raw[r][last] + "".join(c["text"] for c in right)
                overflow |= {id(c) for c in (*left, *right)}
        frames = [other.bbox for other in tables if other is not table]
        boxes = [row.bbox for row in table.rows[: len(raw)]]
        # a column of notes on the right, then one on the left (each read in its row after the row's values:
        # the table's own columns keep their places)
        serial: list[str] = []
        for side in (False, True):
            beside = _column_beside(page, table.bbox, boxes, overflow, left=side, others=frames)
            if side and _serial_column(beside):  # a 序号 column left unframed: the table's first column
                serial = ["".join(c["text"] for c in note) for note in beside]
                overflow |= {id(c) for note in beside for c in note}
                continue
            for r, note in enumerate(beside):
                text = "".join(c["text"] for c in note)
                if beside[0]:  # labelled by the header row's own: a column of the table
                    raw[r].append(text)
                elif text:  # under no label: read after the row's last value, as an unlabelled cell is
                    last = max((c for c, cell in enumerate(raw[r]) if cell), default=len(raw[r]) - 1)
                    raw[r][last] = f"{_cell(raw[r][last])}；{text}" if _cell(raw[r][last]) else text
                overflow |= {id(c) for c in note}
        rows = _merged_down_filled(table, [[_cell(cell) for cell in row] for row in raw])
        if not rows or max(len(row) for row in rows) < 2:
            continue
        x0, top, x1, bottom = (float(v) for v in table.bbox)
        across = _merged_across(table, rows)
        if serial:  # each row's number its first value, the label (or none) over them in the header row
            rows = [row if r in across else [serial[r], *row] for r, row in enumerate(rows)]
        found.append(
            _Table(
                box=(x0, top, x1, bottom),
                rows=tuple(_SpanningRow(row) if r in across else tuple(row) for r, row in enumerate(rows)),
                first_spans=(1, *_first_spans(table)) if serial else _first_spans(table),
                first_height=float(table.rows[0].bbox[3] - table.rows[0].bbox[1]) if table.rows else 0.0,
                form=form,
                overflow=frozenset(overflow),
                column_lefts=tuple(float(column.bbox[0]) for column in table.columns),
                row_tops=tuple(float(row.bbox[1]) for row in table.rows),
            )
        )
    found += _three_line_tables(page, [table.box for table in found])
    return sorted(found, key=lambda table: table.box[1])


def _overflowing(page, frame, row, cells=()) -> tuple[list[dict], list[dict]]:  # type: ignore[no-untyped-def,type-arg]
    """The characters a row's text prints beyond the table's frame, on its left and on its right, in
        reading order, as Calc prints a cell's text wider than its cell (a title wider than the merged cell over
        the table, 「澄」 and 「账」 outside 「溪县委…台」): a run of characters on the row's baseline, in the type
        of the row's text next to the frame, each within half a character of the next, the first within half a
        character of the cell's text it continues. Calc overflows a cell's text only, never a number (it prints
        「###」), and only the text of a cell it does not hold, so the cell at the frame must be filled by its text
        from border to border, without a gap wider than a character: a right-aligned amount beside an unruled
        column of notes (「1200」 「已发放」) overflows nothing. A character printed through the frame (a form's
    option list running past its cell, 「…（周三下」 「午）」) runs on from the cell whatever the cell holds. Text beside a table that does not run on from a
        cell's (a note in the margin, another cell's value) is no cell's."""
    x0, _, x1, _ = (float(v) for v in frame)
    row_top, row_bottom = float(row[1]), float(row[3])
    chars = [
        c
        for c in page.chars
        if (c.get("text") or "").strip()
        and row_top <= (float(c["top"]) + float(c["bottom"])) / 2 <= row_bottom
    ]
    # a character is a cell's when its middle is in it, the right border excluded, as pdfplumber reads cells
    inside = [c for c in chars if x0 <= (float(c["x0"]) + float(c["x1"])) / 2 < x1]
    if not inside:
        return [], []

    def fills_its_cell(edge: dict, size: float) -> bool:  # type: ignore[type-arg]
        middle = (float(edge["x0"]) + float(edge["x1"])) / 2
        cell = next((c for c in cells if c[0] <= middle <= c[2]), (x0, 0.0, x1, 0.0))
        line = sorted(
            (
                c
                for c in inside
                if cell[0] <= (float(c["x0"]) + float(c["x1"])) / 2 <= cell[2]
                and abs(float(c["bottom"]) - float(edge["bottom"])) <= 0.2 * size
            ),
            key=lambda c: float(c["x0"]),
        )
        text = "".join(c["text"] for c in line)
        if not line or _NUMBER_CELL.fullmatch(text):
            return False
        gaps = (float(b["x0"]) - float(a["x1"]) for a, b in itertools.pairwise(line))
        return (
            float(line[0]["x0"]) - cell[0] <= size
            and cell[2] - float(line[-1]["x1"]) <= size
            and all(gap <= size for gap in gaps)
        )

    def run(edge: dict, outside: list[dict], step: int) -> list[dict]:  # type: ignore[type-arg]
        size = float(edge["bottom"]) - float(edge["top"])
        near = x0 if step < 0 else x1
        if abs((float(edge["x0"]) if step < 0 else float(edge["x1"])) - near) > size:
            return []  # the row's text stops short of the frame: nothing overflows
        nearest = (
            max(outside, key=lambda c: float(c["x1"]))
            if step < 0
            else min(outside, key=lambda c: float(c["x0"]))
        )
        through = float(nearest["x1"]) > near if step < 0 else float(nearest["x0"]) < near
        if not through and not fills_its_cell(edge, size):
            return []  # a number, or text with room in its cell: what is beside it is another cell's
        taken: list[dict] = []  # type: ignore[type-arg]
        reach = float(edge["x0"]) if step < 0 else float(edge["x1"])
        # nearest the frame first: leftwards by their right edges, rightwards by their left edges
        for c in sorted(outside, key=lambda c: -float(c["x1"]) if step < 0 else float(c["x0"])):
            height = float(c["bottom"]) - float(c["top"])
            gap = (reach - float(c["x1"])) if step < 0 else (float(c["x0"]) - reach)
            if (
                abs(height - size) > 0.1 * size
                or abs(float(c["bottom"]) - float(edge["bottom"])) > 0.2 * size
            ):
                break
            if gap > 0.5 * size:
                break
            taken.append(c)
            reach = float(c["x0"]) if step < 0 else float(c["x1"])
        return taken[::-1] if step < 0 else taken

    left = [c for c in chars if (float(c["x0"]) + float(c["x1"])) / 2 < x0]
    right = [c for c in chars if (float(c["x0"]) + float(c["x1"])) / 2 >= x1]
    first = min(inside, key=lambda c: float(c["x0"]))
    last = max(inside, key=lambda c: float(c["x1"]))
    return run(first, left, -1) if left else [], run(last, right, 1) if right else []


def _column_beside(page, frame, rows, taken, *, left: bool = False, others=()) -> list[list[dict]]:  # type: ignore[no-untyped-def,type-arg]
    """An unframed column of values printed just past a table's right frame, one on each row's baseline
    beside it (a sheet's notes, 「已发放」 「待补材料」, in a column the table's borders leave out): per row, its
    characters in reading order, none where the row has no value there; [] when there is no such column.
    It is a column when two rows or more hold a value starting within a character and a half of the frame,
    the values' left edges within a character of one another, each value's characters within a character
    of the next; characters already read as a cell's (`taken`, by id) are not looked at. A note in the
    margin beside one row stays apart.

    With `left`, the column left of the frame (notes in a sheet's first column, the table framed from the
    second): each row's value is the run of characters nearest the frame, at most `_LEFT_REACH` characters
    from it, and the values stand in a column — their left edges within a character of one another (text
    set left, as Calc sets it) or their right edges so and within a character and a half of the frame.
    Characters inside another table's frame (`others`) are never a note."""
    x0, x1 = float(frame[0]), float(frame[2])

    def outside(c) -> bool:  # type: ignore[no-untyped-def]
        if left:
            if float(c["x1"]) > x0 + 0.5:
                return False
        elif float(c["x0"]) < x1 - 0.5:
            return False
        return not any(_inside(c, _box(box)) for box in others)

    found: list[list[dict]] = []  # type: ignore[type-arg]
    for row in rows:
        top, bottom = float(row[1]), float(row[3])
        chars = sorted(
            (
                c
                for c in page.chars
                if (c.get("text") or "").strip()
                and id(c) not in taken
                and top <= (float(c["top"]) + float(c["bottom"])) / 2 <= bottom
                and outside(c)
            ),
            key=lambda c: -float(c["x1"]) if left else float(c["x0"]),
        )
        value: list[dict] = []  # type: ignore[type-arg]
        reach = x0 if left else x1
        for c in chars:
            size = float(c["bottom"]) - float(c["top"])
            limit = (_LEFT_REACH if left else 1.5) * size if not value else size
            gap = reach - float(c["x1"]) if left else float(c["x0"]) - reach
            if gap > limit or (value and abs(float(c["bottom"]) - float(value[0]["bottom"])) > 0.2 * size):
                break
            value.append(c)
            reach = float(c["x0"]) if left else float(c["x1"])
        found.append(value[::-1] if left else value)
    values = [v for v in found if v]
    if len(values) < 2:
        return []
    size = min(float(v[0]["bottom"]) - float(v[0]["top"]) for v in values)
    starts = [float(v[0]["x0"]) for v in values]
    if left and x0 - min(starts) > _LEFT_REACH * size:
        return []  # a run reaching further than a sheet's first column: a column of text, not notes
    if _runs_on(page, rows, values, size, outside):
        return []
    if not left:
        return found if max(starts) - min(starts) <= size else []

    def aligned(values: list[list[dict]]) -> bool:  # type: ignore[type-arg]
        starts = [float(v[0]["x0"]) for v in values]
        ends = [float(v[-1]["x1"]) for v in values]
        set_left = max(starts) - min(starts) <= size
        set_right = max(ends) - min(ends) <= size and x0 - min(ends) <= 1.5 * size
        return set_left or set_right

    if aligned(values):
        return found
    # a 序号 column: its label beside the header row set as text is, its numbers right-aligned under it
    body = [v for v in found[1:] if v]
    return found if found[0] and len(body) >= 2 and aligned(body) and _serial_column(found) else []


def _runs_on(page, rows, values, size: float, outside) -> bool:  # type: ignore[no-untyped-def]
    """Whether the lines read as notes beside a table run on above its first row or below its last: a
    character beside the frame (as `outside` tells), over the notes' width, less than a character above the
    table's top or below its bottom. Notes stand in the table's rows only; lines that go on past them are a
    column of text set beside the table (a paragraph in the page's other column), whatever rows they meet."""
    lo = min(float(c["x0"]) for v in values for c in v)
    hi = max(float(c["x1"]) for v in values for c in v)
    top, bottom = float(rows[0][1]), float(rows[-1][3])
    for c in page.chars:
        if not (c.get("text") or "").strip() or float(c["x1"]) <= lo or float(c["x0"]) >= hi:
            continue
        middle = (float(c["top"]) + float(c["bottom"])) / 2
        above = middle < top and float(c["bottom"]) > top - size
        below = middle > bottom and float(c["top"]) < bottom + size
        if (above or below) and outside(c):
            return True
    return False


def _serial_column(values: list[list[dict]]) -> bool:  # type: ignore[type-arg]
    """Whether a column read left of a table's frame is its rows' numbers (a 序号 column the borders leave
    out, or a row number printed beside each row), not notes: every row's value under the header row is
    a row number (「1」, 「12」, 「3.」) or blank (a 合计 row, a row left unnumbered), the numbers rising down
    the rows (`tables.rising`: amounts beside the rows, 「300｜　｜150」, are notes), the header row's value
    figures or a label (「序号」) or nothing.
    Such a column is the table's own first column, read as each row's first value (a note is read after the
    row's values)."""
    if not values:
        return False
    texts = ["".join(c["text"] for c in value) for value in values[1:]]
    return all(not text or ROW_NUMBER.fullmatch(text) for text in texts) and rising(texts)


# How far left of a table's frame (in characters) a row's note may end: a sheet's first column, a note set
# left in it (Calc's default column is some eight characters wide)
_LEFT_REACH = 10.0


# What Calc prints as a number (an amount, a count, a percentage, a date in figures): never overflowed.
_NUMBER_CELL = re.compile(r"[-+−（(]?[¥￥$]?[\d,，.．:：/\-%％ ]+[)）]?")


# A three-line table's rules span the same width (within this, in points), are at least this long (two
# narrow columns), and are three, or four with a rule over a total row.
_RULE_SLACK = 2.0
_MIN_RULE = 36.0
_MAX_RULES = 4


def _three_line_tables(page, ruled: Sequence[tuple[float, float, float, float]]) -> list[_Table]:  # type: ignore[no-untyped-def]
    """Tables set with level rules only — 三线表: a rule over the head, one under it and one under the last
    row, no upright rules (LaTeX's booktabs, Word's and WPS's 三线表 style, most reports' statistics) —, their
    columns found by the gaps in the text between the rules. Pdfplumber finds a table by its upright rules,
    so such a table's rows ran into one paragraph with the text above it, cell run into cell (cold25's
    XeLaTeX report: 「…见表1。表1: 2027年度送戏下乡演出情况季度场次主要剧目观众人次第一季度5《五女拜寿》…」).

    Read as a table only where it is one: three or more rules of one width, one row of heads between the
    first two, at least two rows under the rule below the head, and two or more columns in every row. A
    公文's 版记 (抄送 and 印发 lines between three rules) has one row on each side of its middle rule."""
    rules = sorted(
        (
            (float(obj["x0"]), float(obj["x1"]), (float(obj["top"]) + float(obj["bottom"])) / 2)
            for obj in [*page.lines, *page.rects]
            if float(obj["bottom"]) - float(obj["top"]) <= 2
            and float(obj["x1"]) - float(obj["x0"]) >= _MIN_RULE
        ),
        key=lambda rule: rule[2],
    )
    groups: list[list[tuple[float, float, float]]] = []
    for rule in rules:
        group = next(
            (
                g
                for g in groups
                if abs(g[0][0] - rule[0]) <= _RULE_SLACK and abs(g[0][1] - rule[1]) <= _RULE_SLACK
            ),
            None,
        )
        if group is None:
            groups.append([rule])
        else:
            group.append(rule)
    found = []
    for group in groups:
        if not 3 <= len(group) <= _MAX_RULES:  # more: a form's blanks stacked, each underlined
            continue
        x0, x1 = min(r[0] for r in group), max(r[1] for r in group)
        top, head_rule, bottom = group[0][2], group[1][2], group[-1][2]
        box = (x0, top, x1, bottom)
        if any(not (b[3] < top or b[1] > bottom) and not (b[2] < x0 or b[0] > x1) for b in ruled):
            continue
        try:
            region = page.crop((x0 - 1, top - 1, x1 + 1, bottom + 1))
            tables = region.find_tables({"vertical_strategy": "text", "horizontal_strategy": "text"})
        except Exception:  # table finding is a bonus: without it the cells are still read as lines
            log.debug("three-line table detection failed", exc_info=True)
            continue
        if len(tables) != 1:
            continue
        table = tables[0]
        kept = [
            (row, [_cell(cell) for cell in cells])
            for row, cells in zip(table.rows, table.extract(), strict=False)
            if any(cells)
        ]
        if len(kept) < 3 or any(sum(1 for cell in cells if cell) < 2 for _, cells in kept):
            continue
        heads = [row for row, _ in kept if float(row.bbox[3]) <= head_rule + 1]
        body = [row for row, _ in kept if float(row.bbox[1]) >= head_rule - 1]
        if len(heads) != 1 or len(body) < 2:
            continue
        found.append(
            _Table(
                box=box,
                rows=tuple(tuple(cells) for _, cells in kept),
                first_height=float(heads[0].bbox[3] - heads[0].bbox[1]),
            )
        )
    return found


def _level_rules(page) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    """The page's level rules whose two ends pdfplumber finds a rounding error apart in height, as level
    edges. A page turned by a transformation written with cos 90° = 6e-17 (pypdf's `rotate(90)`, tools that
    turn a landscape 附表 onto a portrait sheet) draws its rows' rules 1e-14 pt off level; pdfplumber takes
    any rule not exactly level for an upright one, found no table, and the table's rows were read as one
    unlabelled run of text."""
    return [
        {**line, "object_type": "line_edge", "orientation": "h", "bottom": line["top"], "height": 0.0}
        for line in page.lines
        if line["top"] != line["bottom"]
        and abs(float(line["bottom"]) - float(line["top"])) < 0.01
        and float(line["x1"]) - float(line["x0"]) >= 1
    ]


def _first_spans(table) -> tuple[int, ...]:  # type: ignore[no-untyped-def]
    """How many rows each cell of a table's first row covers: pdfplumber gives no cell (None) under a cell
    merged down over the row."""
    if not table.rows:
        return ()
    spans = []
    for column, box in enumerate(table.rows[0].cells):
        span = 1
        while (
            box is not None
            and span < len(table.rows)
            and column < len(table.rows[span].cells)
            and table.rows[span].cells[column] is None
            and box[3] >= table.rows[span].bbox[3] - 1
        ):
            span += 1
        spans.append(span)
    return tuple(spans)


def _merged_down_filled(table, rows: list[list[str]]) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """The rows with the text of a cell merged down over several rows in each of them, as the Word reader
    labels them (「类别：第1类」 on every row beside it; before, on its first row only). pdfplumber gives no
    cell under a merged one: where the nearest cell above reaches down over the row, it is that cell."""
    boxes = [row.cells for row in table.rows]
    for r in range(1, min(len(rows), len(boxes))):
        bottom = table.rows[r].bbox[3]
        for c, box in enumerate(boxes[r]):
            if box is not None or c >= len(rows[r]) or rows[r][c]:
                continue
            above = next((up for up in range(r - 1, -1, -1) if boxes[up][c] is not None), None)
            if above is not None and boxes[above][c][3] >= bottom - 1:
                rows[r][c] = rows[above][c]
    return rows


class _SpanningRow(tuple):  # type: ignore[type-arg]
    """A table's row whose one cell is merged across the whole table (a 说明 or 备注 under a Calc or Word
    table): read as it stands, in its place, as the Word, ODF and spreadsheet readers read one."""


class _SpanningList(list):  # type: ignore[type-arg]
    """The same row while the rows of a table broken over pages are put together."""


def _merged_across(table, rows: list[list[str]]) -> set[int]:  # type: ignore[no-untyped-def]
    """The rows whose first cell, filled, reaches across the whole table (pdfplumber gives no cell under it):
    before, such a note was labelled by the first column's head, 「序号：说明：常规训练…」 (cold28's Calc PDF)."""
    out = set()
    right = float(table.bbox[2])
    for r, row in enumerate(table.rows[: len(rows)]):
        cells = row.cells
        if (
            len(cells) >= 2
            and cells[0] is not None
            and all(cell is None for cell in cells[1:])
            and float(cells[0][2]) >= right - 1
            and rows[r][0]
        ):
            out.add(r)
    return out


def _cell(text: str | None) -> str:
    return tidy_line((text or "").replace("\n", ""))


def _box(bbox: Sequence[float]) -> tuple[float, float, float, float]:
    x0, top, x1, bottom = (float(v) for v in bbox)
    return x0, top, x1, bottom


def _inside(obj: dict, box: tuple[float, float, float, float]) -> bool:  # type: ignore[type-arg]
    x0, top, x1, bottom = box
    cx = (float(obj.get("x0", 0)) + float(obj.get("x1", 0))) / 2
    cy = (float(obj.get("top", 0)) + float(obj.get("bottom", 0))) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def _font_family(fontname: str) -> str:
    """A subset font is named ABCDEF+Name: the prefix differs per subset, the name is the font. And a
    typeface pdfLaTeX's CJK package (CJKutf8, and ctex under pdfLaTeX) sets Chinese in is split into Type 1
    subfonts of 256 characters each, named by the face and the code points' high byte (gbsnu4e, gbsnu5c,
    gkaiu8d…): a line's characters fall in several of them, and they are one font."""
    name = re.sub(r"^[A-Z]{6}\+", "", fontname)
    return _CJK_SUBFONT.sub(r"\1", name)


# The CJK package's Unicode subfonts (its .fd files: 「face」 + u + two hex digits), TeX's short lowercase names
_CJK_SUBFONT = re.compile(r"^([a-z][a-z0-9]*?)u[0-9a-f]{2}$")


class _OcrPage(NamedTuple):
    """A scanned page as OCR read it (in PDF points), the engine's confidence in it (0–1), and whether
    that confidence is low enough to name the page to the user (`ocr.PageText.doubtful`)."""

    page: Page
    confidence: float
    doubtful: bool


def _ocr_page(name: str, engine: ocr.OcrEngine, page) -> _OcrPage:  # type: ignore[no-untyped-def]
    """A scanned page read by OCR, in PDF points (a page scanned on its side: as it reads, upright)."""
    scale = OCR_DPI / 72
    image = page.to_image(resolution=OCR_DPI).original.convert("RGB")
    read = ocr.recognise(name, engine, image)

    def points(line: Line) -> Line:
        return Line(
            text=line.text,
            x0=line.x0 / scale,
            x1=line.x1 / scale,
            top=line.top / scale,
            bottom=line.bottom / scale,
            table=line.table,  # a ruled table's row read cell by cell (`ocr.recognise`): its own block
            parts=tuple(points(part) for part in line.parts),  # pieces far apart: corpus.spreads
        )

    lines = tuple(points(line) for line in read.lines)
    return _OcrPage(
        Page(lines=lines, width=read.width / scale, height=read.height / scale),
        read.confidence,
        read.doubtful,
    )
