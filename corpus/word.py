"""Word documents: .docx read with its structure (styles, tables in place); .doc through antiword/LibreOffice.

What a .docx says about itself is kept as Blocks: Title/Subtitle/Heading N styles (or a paragraph's
outline level) give the kind; every table row becomes one block in document order whose cells are
labelled by the header row (「项目：健康体检；标准：每年一次」). Page headers and footers are not part of
the body in a .docx (they live in their own parts), and are deliberately left out: they hold the
issuing office's name and page numbers, never speech text.
"""

from __future__ import annotations

import io
import logging
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from .errors import UnreadableFile
from .records import Block
from .tables import labelled_rows

log = logging.getLogger(__name__)

# A .docx is a zip: refuse archives that would inflate past this (zip bombs) or by more than this ratio.
MAX_DOCX_INFLATED = 200 * 1024 * 1024
MAX_DOCX_RATIO = 200
_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
# Word's Chinese UI names for the same built-in styles, as other producers (WPS) write them.
_ZH_HEADING_STYLE = re.compile(r"^标题\s*(\d)$")
_CONVERT_TIMEOUT = 120


def read_docx(name: str, data: bytes) -> tuple[Block, ...]:
    """The body of a .docx as blocks, in document order."""
    _check_archive(name, data)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        return tuple(_blocks(document))
    except UnreadableFile:
        raise
    except Exception as e:  # python-docx raises many types for damaged files
        log.info("python-docx could not read %s: %r", name, e)
        raise UnreadableFile(f"{name} 不是有效的 Word 文档（内容已损坏）") from e


def blocks_text(blocks: tuple[Block, ...]) -> str:
    """The plain text of blocks: one line per block."""
    return "\n".join(block.text for block in blocks)


def read_doc(name: str, data: bytes) -> tuple[tuple[Block, ...], str]:
    """A Word 97–2003 .doc: through LibreOffice (keeps styles and tables) or antiword (text only).

    Returns the blocks and the converter used ("doc/soffice" or "doc/antiword").
    """
    if not data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        if data.startswith(b"PK\x03\x04"):  # a .docx saved under a .doc name
            return read_docx(name, data), "docx"
        raise UnreadableFile(f"{name} 不是有效的 Word 97–2003 文档")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    antiword = shutil.which("antiword")
    if soffice:
        converted = _soffice_to_docx(name, data, soffice)
        if converted is not None:
            return read_docx(name, converted), "doc/soffice"
    if antiword:
        text = _antiword(name, data, antiword)
        if text is not None:
            return _text_blocks(text), "doc/antiword"
    if not soffice and not antiword:
        raise UnreadableFile(f"{name} 是旧版 Word 文档（.doc），本机没有转换工具：请另存为 .docx 后再添加")
    raise UnreadableFile(f"{name} 无法转换（.doc 文件可能已损坏）：请另存为 .docx 后再添加")


def _check_archive(name: str, data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated = sum(info.file_size for info in archive.infolist())
            if inflated > MAX_DOCX_INFLATED or inflated > MAX_DOCX_RATIO * max(len(data), 1):
                raise UnreadableFile(f"{name} 解压后过大，疑似损坏或恶意文件，已拒绝")
            if "word/document.xml" not in archive.namelist():
                raise UnreadableFile(f"{name} 不是有效的 Word 文档（缺少 word/document.xml）")
    except zipfile.BadZipFile as e:
        raise UnreadableFile(f"{name} 不是有效的 .docx 文件（无法解压）") from e


def _blocks(document) -> list[Block]:  # type: ignore[no-untyped-def]
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out: list[Block] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            block = _paragraph_block(item)
            if block is not None:
                out.append(block)
        elif isinstance(item, Table):
            out.extend(_table_blocks(item))
    return out


def _paragraph_block(paragraph) -> Block | None:  # type: ignore[no-untyped-def]
    text = _clean(paragraph.text)
    if not text:
        return None
    kind, level = _paragraph_kind(paragraph)
    return Block(text=text, kind=kind, level=level)


def _paragraph_kind(paragraph) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    """The kind a paragraph's style (or its base styles, or an outline level) gives it."""
    style = paragraph.style
    seen = 0
    while style is not None and seen < 10:
        name = (style.name or "").strip()
        lowered = name.lower()
        if lowered == "title" or name == "标题":
            return "title", 0
        if lowered == "subtitle" or name == "副标题":
            return "subtitle", 0
        match = _HEADING_STYLE.match(name) or _ZH_HEADING_STYLE.match(name)
        if match and int(match.group(1)) >= 1:
            return "heading", int(match.group(1))
        level = _outline_level(style.element)
        if level is not None:
            return "heading", level
        style = style.base_style
        seen += 1
    level = _outline_level(paragraph._p)
    if level is not None:
        return "heading", level
    return "paragraph", 0


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


def _table_blocks(table) -> list[Block]:  # type: ignore[no-untyped-def]
    rows = []
    for row in table.rows:
        cells = _row_cells(row)
        width = max((column for column, _ in cells), default=-1) + 1
        grid = [""] * width
        for column, text in cells:
            grid[column] = text
        rows.append(grid)
    return [Block(text=text, kind="table_row") for text in labelled_rows(rows)]


def _row_cells(row) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    """(grid column, text) for each distinct cell of a row: a merged cell counts once.

    A cell merged horizontally appears once at its first column; the continuation of a vertically
    merged cell (w:vMerge without "restart") is empty here, so the text stays in the row that holds it.
    """
    from docx.oxml.ns import qn

    out: list[tuple[int, str]] = []
    column = int(getattr(row._tr, "grid_before", 0) or 0)
    for tc in row._tr.tc_lst:
        tcpr = tc.tcPr
        span = 1
        continuation = False
        if tcpr is not None:
            grid_span = tcpr.find(qn("w:gridSpan"))
            if grid_span is not None:
                try:
                    span = max(1, int(grid_span.get(qn("w:val"))))
                except (TypeError, ValueError):
                    span = 1
            v_merge = tcpr.find(qn("w:vMerge"))
            if v_merge is not None and v_merge.get(qn("w:val")) in (None, "continue"):
                continuation = True
        text = "" if continuation else _cell_text(tc)
        out.append((column, text))
        column += span
    return out


def _cell_text(tc) -> str:  # type: ignore[no-untyped-def]
    from docx.oxml.ns import qn

    paragraphs = []
    for p in tc.iter(qn("w:p")):
        text = "".join(node.text or "" for node in p.iter(qn("w:t")))
        if text.strip():
            paragraphs.append(text.strip())
    return _clean(" ".join(paragraphs))


def _clean(text: str) -> str:
    return re.sub(r"[ \t\u00a0]+", " ", text.replace("\r", " ").replace("\n", " ").replace("\v", " ")).strip()


def _text_blocks(text: str) -> tuple[Block, ...]:
    return tuple(
        Block(text=line, kind="paragraph") for line in (_clean(raw) for raw in text.split("\n")) if line
    )


def _soffice_to_docx(name: str, data: bytes, soffice: str) -> bytes | None:
    with tempfile.TemporaryDirectory(prefix="speechqa-doc-") as tmp:
        source = Path(tmp) / "in.doc"
        source.write_bytes(data)
        profile = Path(tmp) / "profile"
        try:
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation={profile.as_uri()}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    "docx:MS Word 2007 XML",
                    "--outdir",
                    tmp,
                    str(source),
                ],
                check=True,
                capture_output=True,
                timeout=_CONVERT_TIMEOUT,
            )
        except (OSError, subprocess.SubprocessError) as e:
            log.info("LibreOffice could not convert %s: %r", name, e)
            return None
        target = Path(tmp) / "in.docx"
        return target.read_bytes() if target.exists() else None


def _antiword(name: str, data: bytes, antiword: str) -> str | None:
    with tempfile.TemporaryDirectory(prefix="speechqa-doc-") as tmp:
        source = Path(tmp) / "in.doc"
        source.write_bytes(data)
        try:
            done = subprocess.run(
                [antiword, "-w", "0", "-m", "UTF-8.txt", str(source)],
                check=True,
                capture_output=True,
                timeout=_CONVERT_TIMEOUT,
            )
        except (OSError, subprocess.SubprocessError) as e:
            log.info("antiword could not convert %s: %r", name, e)
            return None
        return done.stdout.decode("utf-8", errors="replace")
