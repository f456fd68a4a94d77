"""Slide decks a speech is delivered with (.pptx, .pptm, .ppsx, WPS's .dps — all Office Open XML — and
OpenDocument's .odp, read from its content.xml the same way): the slides' text and, after each slide's,
its speaker notes, which often hold the whole speech.

The first slide's title titles the deck; the lines under it on that slide (its subtitle: 「中共…局局长
龚清源」, 「2027年10月8日」) are read as the lines under a speech's title, so the speaker and the date are
found there by the rules every speech goes by (corpus.parse). Every other slide is a section titled by its
title placeholder (「第 3 张幻灯片」 when it has none). A slide's boxes — placeholders, text boxes, groups
(their shapes read the same way inside), tables (each row labelled by its header, as a Word table is:
corpus.tables), charts (their cached figures as a table: corpus.charts; an .odp's chart object, its own
data table: `read_odf_chart`) and SmartArt (its data model, as in Word: ``corpus.word.diagram_lines``) — are read by
where they stand, as a page in columns is read (`reading_order`): the boxes of a column top to bottom,
columns left to right, a box across the columns closing them; boxes side by side in rows that start level
(a label beside its value) row by row. A poster whose boxes were added in another order than they are
read (a box moved, a note added last) reads as it is seen; a slide with a box that has no position keeps
the order of its shapes (the selection pane's). Then the slide's notes, a paragraph each.
The slide number, footer and date placeholders (PowerPoint's 「页眉和页脚」) are not the speech and are not
read; nor are hidden slides and pictures. The old binary .ppt is refused with what to do.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from lxml import etree

from . import cfb
from .charts import CHART_URI, is_odf_chart, read_chart, read_odf_chart
from .errors import EmptyDocument, UnreadableFile, damaged
from .odt import shown_text
from .records import Block
from .tables import table_blocks
from .word import diagram_lines
from .zipped import ZIP_DAMAGE, refuse_zip_bomb

__all__ = ["SLIDE_SUFFIXES", "Box", "DeckText", "read_deck", "reading_order"]

SLIDE_SUFFIXES = (".pptx", ".pptm", ".ppsx", ".dps", ".odp")

_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_DIAGRAM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
_FURNITURE = {"sldNum", "ftr", "dt", "hdr"}  # 「页眉和页脚」: never the speech
_TITLES = {"title", "ctrTitle"}


@dataclass(frozen=True)
class DeckText:
    """A deck read: its blocks (title, a heading per slide, the slides' text and notes), every line read
    one a line (the reference `add --check` compares the passages with), and the reader."""

    blocks: tuple[Block, ...]
    reference: str
    converter: str


class Box(NamedTuple):
    """Where a box stands on its slide: its left, top, right and bottom edges (any one unit)."""

    left: float
    top: float
    right: float
    bottom: float


# boxes whose tops differ by less than this share of the taller one's height start level (a row)
_LEVEL = 0.25


def reading_order(boxes: Sequence[Box | None]) -> list[int]:
    """The order a reader reads a slide's boxes in, as their indices: split where a vertical gap runs
    through them all (columns, left to right), else where a horizontal one does (bands, top to bottom: a
    box across the columns closes them), each part read the same way; boxes that overlap every way, top to
    bottom, then left to right. Boxes that stand in rows, each of two boxes or more starting level (a label
    beside its value, cards in a grid), are read row by row. Any box without a position (None): the boxes' own order."""
    if any(box is None for box in boxes):
        return list(range(len(boxes)))
    placed = [box for box in boxes if box is not None]
    return _read(placed, list(range(len(placed))))


def _read(boxes: list[Box], indices: list[int]) -> list[int]:
    if len(indices) < 2:
        return indices
    columns = _split(indices, [(boxes[i].left, boxes[i].right) for i in indices])
    bands = _split(indices, [(boxes[i].top, boxes[i].bottom) for i in indices])
    rows = len(bands) > 1 and all(_level(boxes, band) for band in bands)
    if len(columns) > 1 and not rows:
        return [i for column in columns for i in _read(boxes, column)]
    if rows:
        return [i for band in bands for i in _read(boxes, band)]
    if len(bands) > 1:
        # bands that together still stand in columns are read as one part: only a box across the columns
        # (a heading, a notice the width of the page) closes them
        parts: list[list[int]] = []
        for band in bands:
            if (
                parts
                and len(_split(parts[-1] + band, [(boxes[i].left, boxes[i].right) for i in parts[-1] + band]))
                > 1
            ):
                parts[-1] += band
            else:
                parts.append(list(band))
        return [i for part in parts for i in _read(boxes, part)]
    return sorted(indices, key=lambda i: (boxes[i].top, boxes[i].left, boxes[i].bottom, boxes[i].right, i))


def _split(indices: list[int], spans: list[tuple[float, float]]) -> list[list[int]]:
    """The indices in groups, where a gap along the spans' axis runs between every box of one group and
    every box of the next (boxes that only touch are apart)."""
    order = sorted(range(len(indices)), key=lambda k: (spans[k][0], spans[k][1], k))
    groups: list[list[int]] = []
    reach = float("-inf")
    for k in order:
        low, high = spans[k]
        if not groups or low >= reach:
            groups.append([])
        groups[-1].append(indices[k])
        reach = max(reach, high)
    return groups


def _level(boxes: list[Box], band: list[int]) -> bool:
    """Whether the band is a row: two boxes or more side by side, starting level."""
    if len(band) < 2:
        return False
    tops = [boxes[i].top for i in band]
    tallest = max(boxes[i].bottom - boxes[i].top for i in band)
    return max(tops) - min(tops) <= _LEVEL * tallest


def old_ppt_message(name: str) -> str:
    return f"{name} 是旧版 PowerPoint 演示文稿（.ppt），不能直接读取：请在 PowerPoint 或 WPS 中另存为 .pptx 后再添加"


def read_deck(name: str, data: bytes) -> DeckText:
    """A deck's slides and notes as blocks; a CorpusError with one Chinese line when it cannot be read."""
    if cfb.is_cfb(data):
        contents = cfb.contents(data)
        if contents is not None and contents.encrypted:
            raise UnreadableFile(
                f"{name} 设置了打开密码，无法读取：请在 PowerPoint 或 WPS 中取消密码后另存，再添加"
            )
        if contents is not None and contents.word_document:
            raise UnreadableFile(
                f"{name} 其实是 Word 97–2003 文档（.doc），不是演示文稿：请把扩展名改为 .doc 再添加"
            )
        if contents is not None and "PowerPoint Document" in contents.streams:
            raise UnreadableFile(old_ppt_message(name))
        raise damaged(f"{name} 不是有效的演示文稿（内容已损坏）")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            refuse_zip_bomb(name, archive, len(data))
            names = set(archive.namelist())
            mimetype = archive.read("mimetype") if "mimetype" in names else b""
            content = archive.read("content.xml") if b"opendocument.presentation" in mimetype else None
            # an .odp's charts: objects whose content.xml is an office:chart, by their folder (「Object 1」)
            charts = {
                part.partition("/")[0]: held
                for part in names
                if content is not None
                and part.count("/") == 1
                and part.endswith("/content.xml")
                and archive.getinfo(part).file_size <= 1 << 22
                and is_odf_chart(held := archive.read(part))
            }
            if content is None and "ppt/presentation.xml" not in names:
                raise UnreadableFile(f"{name} 不是 PowerPoint 或 WPS 演示文稿（缺少演示文稿内容）")
    except (*ZIP_DAMAGE, KeyError) as e:
        raise damaged(f"{name} 不是有效的演示文稿（内容已损坏或不完整）") from e
    try:
        if content is not None:
            slides, converter = _odp_slides(content, charts), "odp"
        else:
            from pptx import Presentation
            from pptx.exc import PythonPptxError

            try:
                deck = Presentation(io.BytesIO(data))
                slides = [_slide(slide) for slide in deck.slides if slide._element.get("show") != "0"]
            except PythonPptxError as e:  # a package part python-pptx finds malformed (a relationship)
                raise damaged(f"{name} 不是有效的演示文稿（内容已损坏）") from e
            converter = "pptx"
    except (*ZIP_DAMAGE, KeyError, etree.XMLSyntaxError) as e:
        raise damaged(f"{name} 不是有效的演示文稿（内容已损坏）") from e
    blocks: list[Block] = []
    reference: list[str] = []
    for number, (title, body, notes) in enumerate(slides, start=1):
        reference.extend(line for line in (title, *(b.text for b in body), *notes) if line)
        if number == 1 and title:
            blocks.append(Block(text=title, kind="title"))
            # each line a line of its own, as on every slide: the header reader takes the subtitle's speaker
            # and date from lines as from text, and a body's bullets as text ran into one sentence with the
            # notes under them (「…招收学员1500人新开设…两个专业汇报时强调：…」, newuser66)
            blocks.extend(body)
        else:
            blocks.append(Block(text=title or f"第 {number} 张幻灯片", kind="heading", level=1))
            blocks.extend(body)
        blocks.extend(Block(text=paragraph, kind="paragraph") for paragraph in notes)
    if not any(block.text.strip() for block in blocks if block.kind != "heading"):
        raise EmptyDocument(f"{name} 中没有可读的文字：幻灯片和备注里都没有文字")
    return DeckText(tuple(blocks), "\n".join(reference), converter)


def _slide(slide) -> tuple[str, list[Block], list[str]]:  # type: ignore[no-untyped-def]
    """A slide's title, its other text as blocks in reading order, and its notes' paragraphs."""
    title = ""
    items: list[tuple[Box | None, list[Block]]] = []
    for shape in slide.shapes:
        element = shape._element
        kind = _placeholder_kind(element)
        if kind in _FURNITURE:
            continue
        if kind in _TITLES and not title:
            title = " ".join(_paragraphs(element))
            continue
        if blocks := _shape_blocks(shape, slide.part):
            items.append((_pptx_box(shape), blocks))
    body = _in_reading_order(items)
    notes: list[str] = []
    if slide.has_notes_slide:
        for element in slide.notes_slide.shapes._spTree.iterchildren():
            if _placeholder_kind(element) == "body":
                notes.extend(_paragraphs(element))
    return title, body, notes


def _placeholder_kind(element) -> str | None:  # type: ignore[no-untyped-def]
    ph = element.find(f"{_P}nvSpPr/{_P}nvPr/{_P}ph")
    if ph is None:
        return None
    return ph.get("type", "body")


def _in_reading_order(items: Sequence[tuple[Box | None, list[Block]]]) -> list[Block]:
    """The boxes' blocks, the boxes in the order they are read (`reading_order`)."""
    order = reading_order([box for box, _ in items])
    return [block for i in order for block in items[i][1]]


def _pptx_box(shape) -> Box | None:  # type: ignore[no-untyped-def]
    """Where a shape stands (a placeholder where its layout puts it), or None when nothing says."""
    try:
        left, top, width, height = shape.left, shape.top, shape.width, shape.height
    except (AttributeError, ValueError):
        return None
    if None in (left, top, width, height):
        return None
    return Box(float(left), float(top), float(left + width), float(top + height))


def _shape_blocks(shape, part) -> list[Block]:  # type: ignore[no-untyped-def]
    """One shape's text: a text shape's paragraphs as lines, a group's shapes in reading order (in the
    group's own coordinates), a table's rows labelled, a SmartArt diagram's nodes, a chart's title and
    figures (a row per category, `corpus.charts`)."""
    element = shape._element
    tag = etree.QName(element).localname
    if tag == "sp":
        return [Block(text=line, kind="line") for line in _paragraphs(element)]
    if tag == "grpSp":
        items = [
            (_pptx_box(child), blocks) for child in shape.shapes if (blocks := _shape_blocks(child, part))
        ]
        return _in_reading_order(items)
    if tag == "graphicFrame":
        table = element.find(f".//{_A}tbl")
        if table is not None:
            rows = []
            for tr in table.iterfind(f"{_A}tr"):
                cells = []
                for tc in tr.iterfind(f"{_A}tc"):
                    if tc.get("hMerge") == "1" or tc.get("vMerge") == "1":
                        cells.append("")
                        continue
                    cells.append(" ".join(_paragraphs(tc)))
                rows.append(cells)
            return table_blocks(rows)
        data = element.find(f".//{_A}graphicData")
        if data is not None and data.get("uri") == _DIAGRAM:
            ids = data.find("{" + _DIAGRAM + "}relIds")
            target = ids.get(f"{_R}dm") if ids is not None else None
            if target and target in part.rels:
                model = etree.fromstring(part.rels[target].target_part.blob)
                return [Block(text=line, kind="line") for line in diagram_lines(model)]
        if data is not None and data.get("uri") == CHART_URI:
            reference = data.find("{" + CHART_URI + "}chart")
            target = reference.get(f"{_R}id") if reference is not None else None
            if target and target in part.rels:
                chart = read_chart(part.rels[target].target_part.blob)
                title = [Block(text=chart.title, kind="line")] if chart.title else []
                return title + table_blocks([list(row) for row in chart.rows])
    return []


def _paragraphs(element) -> list[str]:  # type: ignore[no-untyped-def]
    """The text paragraphs of a shape's text body (a:p), each its runs, fields and breaks."""
    out = []
    for body in element.iter(f"{_P}txBody", f"{_A}txBody"):
        for p in body.iterfind(f"{_A}p"):
            text = "".join(
                (node.text or "") if node.tag == f"{_A}t" else "\n" for node in p.iter(f"{_A}t", f"{_A}br")
            )
            out.extend(line.strip() for line in text.split("\n") if line.strip())
    return out


# --- OpenDocument presentations (.odp: LibreOffice Impress, WPS's 「ODF 演示文稿」) ------------------------

_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_PRES = "{urn:oasis:names:tc:opendocument:xmlns:presentation:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_ODP_FURNITURE = {"page-number", "footer", "date-time", "header", "page"}


def _odp_slides(content: bytes, charts: dict[str, bytes]) -> list[tuple[str, list[Block], list[str]]]:
    """An .odp's pages as (title, blocks in document order, notes), hidden pages left out; `charts` the chart
    objects' content.xml by their folder."""
    root = etree.fromstring(content, etree.XMLParser(resolve_entities=False))
    hidden = {
        style.get(f"{_STYLE}name")
        for style in root.iter(f"{_STYLE}style")
        for props in style.iter(f"{_STYLE}drawing-page-properties")
        if props.get(f"{_PRES}visibility") == "hidden"
    }
    slides = []
    for page in root.iter(f"{_DRAW}page"):
        if page.get(f"{_DRAW}style-name") in hidden:
            continue
        title = ""
        items: list[tuple[Box | None, list[Block]]] = []
        notes: list[str] = []
        for element in page:
            if element.tag == f"{_PRES}notes":
                for frame in element.iter(f"{_DRAW}frame"):
                    if frame.get(f"{_PRES}class") == "notes":
                        notes.extend(_odp_paragraphs(frame))
                continue
            kind = element.get(f"{_PRES}class")
            if kind in _ODP_FURNITURE:
                continue
            if kind == "title" and not title:
                title = " ".join(_odp_paragraphs(element))
                continue
            if blocks := _odp_blocks(element, charts):
                items.append((_odp_box(element), blocks))
        slides.append((title, _in_reading_order(items), notes))
    return slides


def _odp_blocks(element, charts: dict[str, bytes]) -> list[Block]:  # type: ignore[no-untyped-def]
    """One drawing object's text: a group's objects in order, a table's rows labelled, a chart's title and
    data as a table (as a .pptx's chart is read: corpus.charts), a frame's or a shape's paragraphs as
    lines."""
    if element.tag == f"{_DRAW}g":
        return _in_reading_order(
            [(_odp_box(child), blocks) for child in element if (blocks := _odp_blocks(child, charts))]
        )
    held = element.find(f"{_DRAW}object")
    href = (held.get(_XLINK_HREF) or "").removeprefix("./").rstrip("/") if held is not None else ""
    if href in charts:
        chart = read_odf_chart(charts[href])
        title = [Block(text=chart.title, kind="line")] if chart.title else []
        return title + table_blocks([list(row) for row in chart.rows])
    table = element.find(f".//{_TABLE}table")
    if table is not None:
        rows = []
        for row in table.iter(f"{_TABLE}table-row"):
            cells = []
            for cell in row:
                if cell.tag == f"{_TABLE}covered-table-cell":
                    cells.append("")
                elif cell.tag == f"{_TABLE}table-cell":
                    cells.append(" ".join(_odp_paragraphs(cell)))
            rows.append(cells)
        return table_blocks(rows)
    return [Block(text=line, kind="line") for line in _odp_paragraphs(element)]


_SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"
_UNITS = {"cm": 1.0, "mm": 0.1, "in": 2.54, "pt": 2.54 / 72, "pc": 2.54 / 6, "px": 2.54 / 96}
_LENGTH = re.compile(r"(-?[\d.]+)\s*(cm|mm|in|pt|pc|px)")


def _odp_box(element) -> Box | None:  # type: ignore[no-untyped-def]
    """Where a drawing object stands (svg:x, svg:y, svg:width, svg:height), a group where its objects
    together do; None when nothing says."""
    if element.tag == f"{_DRAW}g":
        boxes = [_odp_box(child) for child in element if etree.QName(child).namespace == _DRAW[1:-1]]
        placed = [box for box in boxes if box is not None]
        if not placed or len(placed) < len(boxes):
            return None
        return Box(
            min(b.left for b in placed),
            min(b.top for b in placed),
            max(b.right for b in placed),
            max(b.bottom for b in placed),
        )
    x, y, width, height = (_cm(element.get(f"{_SVG}{name}")) for name in ("x", "y", "width", "height"))
    if x is None or y is None or width is None or height is None:
        return None
    return Box(x, y, x + width, y + height)


def _cm(value: str | None) -> float | None:
    """An ODF length in centimetres (「2.5cm」, 「1in」), or None."""
    found = _LENGTH.fullmatch(value.strip()) if value else None
    if found is None:
        return None
    try:
        return float(found.group(1)) * _UNITS[found.group(2)]
    except ValueError:
        return None


def _odp_paragraphs(element) -> list[str]:  # type: ignore[no-untyped-def]
    out = []
    for p in element.iter(f"{_TEXT}p", f"{_TEXT}h"):
        if any(child.tag in (f"{_TEXT}p", f"{_TEXT}h") for child in p.iterancestors()):
            continue
        out.extend(line.strip() for line in shown_text(p).split("\n") if line.strip())
    return out
