"""Read speech files (.txt in any common Chinese encoding, .docx, .pdf) into decoded text."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

from .errors import EmptyDocument, UnreadableFile, UnsupportedFormat
from .records import Document

SUPPORTED_SUFFIXES = (".txt", ".docx", ".pdf")
MAX_FILE_BYTES = 50 * 1024 * 1024
# A .docx is a zip: refuse archives that would inflate past this (zip bombs) or by more than this ratio.
MAX_DOCX_INFLATED = 200 * 1024 * 1024
MAX_DOCX_RATIO = 200


def iter_speech_files(paths: list[Path]) -> Iterator[Path]:
    """Expand files and folders into the supported files they hold, in a stable order."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES:
                    yield child
        elif path.exists():
            yield path
        else:
            raise UnreadableFile(f"找不到文件：{path}")


def read_document(path: Path) -> Document:
    """Read one file; raise a CorpusError with a one-line reason when it cannot be used."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedFormat(f"不支持的文件类型：{path.name}（支持 .txt、.docx、.pdf）")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UnreadableFile(f"文件太大：{path.name}（{size // 1024 // 1024} MB，上限 50 MB）")
        data = path.read_bytes()
    except OSError as e:
        raise UnreadableFile(f"无法读取文件 {path.name}：{e.strerror or e}") from e
    return read_bytes(path.name, data)


def read_bytes(name: str, data: bytes) -> Document:
    """Decode a file's bytes by its name's suffix (also used for documents uploaded to the bot)."""
    suffix = Path(name).suffix.lower()
    if not data.strip():
        raise EmptyDocument(f"文件是空的：{name}")
    if suffix == ".txt":
        text, encoding = decode_text(name, data)
    elif suffix == ".docx":
        text, encoding = _read_docx(name, data), "docx"
    elif suffix == ".pdf":
        text, encoding = _read_pdf(name, data), "pdf"
    else:
        raise UnsupportedFormat(f"不支持的文件类型：{name}（支持 .txt、.docx、.pdf）")
    if not text.strip():
        raise EmptyDocument(f"文件中没有文字：{name}")
    return Document(name=name, text=text, encoding=encoding)


def decode_text(name: str, data: bytes) -> tuple[str, str]:
    """Decode plain text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, else detect."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(name, data[3:], "utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(name, data, "utf-16"), "utf-16"
    if _looks_binary(data):
        raise UnreadableFile(f"{name} 不是文本文件（含二进制数据）")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise UnreadableFile(f"无法识别 {name} 的文字编码（请另存为 UTF-8 后重试）")
    return str(best), best.encoding


def _strict(name: str, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise UnreadableFile(f"{name} 的内容不是有效的 {encoding} 文本（第 {e.start} 字节处）") from e


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) * 0.05


def _read_docx(name: str, data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated = sum(info.file_size for info in archive.infolist())
            if inflated > MAX_DOCX_INFLATED or inflated > MAX_DOCX_RATIO * max(len(data), 1):
                raise UnreadableFile(f"{name} 解压后过大，疑似损坏或恶意文件，已拒绝")
            if "word/document.xml" not in archive.namelist():
                raise UnreadableFile(f"{name} 不是有效的 Word 文档（缺少 word/document.xml）")
    except zipfile.BadZipFile as e:
        raise UnreadableFile(f"{name} 不是有效的 .docx 文件（无法解压）") from e

    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises many types for damaged files
        raise UnreadableFile(f"{name} 不是有效的 Word 文档（文件可能已损坏）") from e
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def _read_pdf(name: str, data: bytes) -> str:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UnreadableFile(f"{name} 是加密的 PDF，请先解除密码")
        pages = [page.extract_text() or "" for page in reader.pages]
    except PdfReadError as e:
        raise UnreadableFile(f"{name} 不是有效的 PDF 文件（文件可能已损坏或不完整）") from e
    except UnreadableFile:
        raise
    except Exception as e:  # pypdf raises assorted errors on damaged files
        raise UnreadableFile(f"{name} 无法解析为 PDF：{type(e).__name__}") from e
    text = "\n".join(pages)
    if not text.strip():
        raise EmptyDocument(f"{name} 中没有可提取的文字（可能是扫描件，需要先做文字识别）")
    return text
