"""Read speech files into decoded text (and, for Word, structure).

Formats: .txt in any common Chinese encoding (verified, see corpus.encoding; hard wraps and the page
numbers and running headers of text pasted from a PDF undone, see corpus.plaintext), .docx, .doc and .wps (see
corpus.word), .odt and LibreOffice's flat .fodt (corpus.odt), .rtf (corpus.rtf), web pages .html/.htm and .mht/.mhtml (corpus.html), .pdf (layout-aware, headers/footers removed, scans by OCR: corpus.pdf), .ofd (GB/T 33190, laid out as a PDF: corpus.ofd) and images of
printed pages, .png/.jpg/.tif (OCR: corpus.ocr; every page of a multi-page TIFF, running headers and page
numbers dropped as in a PDF), spreadsheets .xlsx/.xlsm/.xls/.et/.ods/.csv (corpus.sheets) and slide decks
.pptx/.pptm/.ppsx/.dps/.odp with their speaker notes (corpus.slides).
"""

from __future__ import annotations

import contextlib
import csv
import functools
import hashlib
import html
import io
import json
import os
import re
import stat
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from . import cfb, ocr
from .archive import (
    MEMBER_MARK,
    THUNDERBIRD_INDEX,
    Archive,
    is_empty_mail_folder,
    is_mail_folder,
    is_mailbox_head,
    is_mbox,
    nested_archive,
    open_mbox,
    open_zip,
    opens_as_folder,
)
from .boxtables import BoxTable, split_box_tables
from .chatlog import read_chat_log
from .clean import HAN
from .contents import typed_contents
from .encoding import decode_text
from .epub import EPUB_SUFFIXES, is_epub, read_epub
from .errors import (
    CorpusError,
    EmptyDocument,
    ExportedAnswer,
    Misnamed,
    NotASpeech,
    PictureNotPage,
    TooLarge,
    UnreadableFile,
    UnsupportedFormat,
    as_sentence,
    describe_os_error,
)
from .formats import (
    HTML_SUFFIXES,
    IMAGE_SUFFIXES,
    MAIL_SUFFIXES,
    MAX_FILE_BYTES,
    MAX_TEXT_BYTES,
    MHT_SUFFIXES,
    SUPPORTED_FORMATS,
    SUPPORTED_SUFFIXES,
    is_archive,
    is_office_lock_file,
    is_system_file,
    shortcut_advice,
    size_refusal,
)
from .hocr import hocr_pages, is_hocr
from .html import page_tables, printed_page_lines, published_day, read_html, read_mht, sheet_page_tables
from .invitations import INVITATION_LABEL
from .mail import (
    QUOTED_SIGNATURE_LABEL,
    SIGNATURE_LABEL,
    bare_subject,
    header_end,
    is_mail,
    read_eml,
    read_mail,
    split_cards,
)
from .markdown import MARKDOWN_SUFFIXES, read_markdown
from .odt import FLAT_ODT_SUFFIXES, is_flat_odt, read_odt
from .ofd import read_ofd
from .parse import addresses, counted_points, stands_alone
from .pdf import PdfText, embedded_files, read_pdf
from .plaintext import plain_lines
from .records import Block, Document
from .rtf import read_rtf
from .sheets import SHEET_SUFFIXES, read_sheets
from .slides import SLIDE_SUFFIXES, old_ppt_message, read_deck
from .tables import table_blocks
from .transcript import read_transcript
from .uof import UOF_SUFFIXES, is_uof, read_uof
from .wechat import read_article
from .word import WORD_PACKAGE_SUFFIXES, blocks_text, read_doc, read_docx, read_wps, web_page_kind
from .zipped import ZIP_DAMAGE

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_TEXT_BYTES",
    "SUPPORTED_FORMATS",
    "SUPPORTED_SUFFIXES",
    "SkippedFiles",
    "decode_text",
    "is_archive",
    "is_system_file",
    "iter_speech_files",
    "open_archive",
    "read_as_sent",
    "read_bytes",
    "read_document",
    "size_refusal",
    "skipped_files",
    "special_kind",
]


def iter_speech_files(paths: list[Path]) -> Iterator[Path]:
    """Expand files and folders into the supported files they hold, in a stable order (in a folder,
    leaving out the lock files and hidden files offices and other systems leave beside documents).

    A folder inside one that cannot be opened (no permission) is yielded itself, for `read_document` to
    refuse with its reason: the walk passes over it without a word, and the files in it with it."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if _incidental(path, child):
                    continue
                if child.is_dir() and not child.is_symlink():
                    if _folder_error(child) is not None:
                        yield child
                elif (
                    child.is_file()
                    and (child.suffix.lower() in SUPPORTED_SUFFIXES or opens_as_folder(child.name, child))
                    and not is_empty_mail_folder(child)
                ):
                    # (a .zip, a .mbox, a Thunderbird folder: opened and read as a folder; an empty Thunderbird
                    # folder, 「Trash」 once emptied, passed over: it holds nothing to add)
                    yield child
        elif path.exists():
            yield path
        else:
            raise UnreadableFile(f"找不到文件：{readable_name(str(path))}{_windows_hint(str(path))}")


_WINDOWS_DRIVE = re.compile(r"^([A-Za-z]):[\\/]")


def windows_path_here(text: str) -> Path | None:
    """A Windows path (「C:\\Users\\张三\\通知.docx」, copied from Explorer's address bar) as the same file's
    path under WSL, where drive C is /mnt/c (/mnt/c/Users/张三/通知.docx); None for any other path."""
    drive = _WINDOWS_DRIVE.match(text)
    if drive is None:
        return None
    return Path("/mnt", drive[1].lower(), *(part for part in re.split(r"[\\/]+", text[3:]) if part))


def _windows_hint(text: str) -> str:
    if (here := windows_path_here(text)) is not None:
        return f"（这是 Windows 的路径写法；在 Linux 中路径以 / 分隔，在 WSL 中这个文件是 {here}）"
    if "\\" in text and os.sep == "/":
        return f"（路径中有反斜杠 \\：在 Linux 中路径以 / 分隔，如 {text.replace(chr(92), '/')}）"
    return ""


def _folder_error(folder: Path) -> OSError | None:
    """Why a folder cannot be listed, or None when it can."""
    try:
        with os.scandir(folder):
            return None
    except OSError as e:
        return e


def _incidental(folder: Path, child: Path) -> bool:
    """A file an office leaves beside documents, not one of them: Word's lock file of an open document
    (~$讲话.docx), hidden files and those in hidden folders (.DS_Store, macOS's ._讲话.docx on a USB stick),
    Windows' Thumbs.db and desktop.ini (as in a zip: corpus.archive), and the index Thunderbird keeps beside a
    local folder (「Inbox.msf」 beside 「Inbox」)."""
    folders = child.relative_to(folder).parts[:-1]
    return (
        is_office_lock_file(child.name)
        or child.name.startswith(".")
        or is_system_file(child.name)
        or (child.suffix.lower() == THUNDERBIRD_INDEX and child.with_suffix("").is_file())
        or any(part.startswith(".") for part in folders)
        or any(_saved_page_files(folder.joinpath(*folders[: n + 1])) for n in range(len(folders)))
    )


def _saved_page_files(folder: Path) -> bool:
    """Whether a folder is the one a browser's 「网页，全部」 saves a page's pictures and scripts in
    (「通知_files」, 「通知.files」 beside 「通知.html」): its logos and icons are the page's, not documents."""
    for mark in ("_files", ".files"):
        if folder.name.endswith(mark) and len(folder.name) > len(mark):
            stem = folder.name[: -len(mark)]
            if any((folder.parent / f"{stem}{suffix}").exists() for suffix in (".html", ".htm", ".mht")):
                return True
    return False


@dataclass(frozen=True)
class SkippedFiles:
    """What a folder holds that `iter_speech_files` passes over, each in a stable order: files in formats
    that cannot be added (drawings, audio, archives…), and named pipes, devices and sockets (reading
    one would never end). Hidden files, those in hidden folders and Office's lock files (~$报告.docx) are
    not worth naming and are in neither."""

    unsupported: tuple[Path, ...] = ()
    special: tuple[Path, ...] = ()
    broken: tuple[Path, ...] = ()  # links (shortcuts) whose target is gone: nothing to read
    # compressed archives but a .zip, which is read (.rar, .7z…): to unpack, then add what they hold
    archives: tuple[Path, ...] = ()
    # Windows' shortcuts (.lnk) and a browser's web shortcuts (.url): what they point to is to be added
    shortcuts: tuple[Path, ...] = ()


def skipped_files(folder: Path) -> SkippedFiles:
    """The files under a folder that `iter_speech_files` passes over, found in one walk of it (nothing
    for a path that is not a folder)."""
    if not folder.is_dir():
        return SkippedFiles()
    unsupported: list[Path] = []
    special: list[Path] = []
    broken: list[Path] = []
    archives: list[Path] = []
    shortcuts: list[Path] = []
    for child in sorted(folder.rglob("*")):
        if _incidental(folder, child):
            continue
        if child.is_symlink() and not child.exists():
            broken.append(child)
        elif child.is_file():
            if opens_as_folder(child.name, child):
                continue  # read (corpus.archive)
            if is_archive(child.name):
                archives.append(child)
            elif shortcut_advice(child.name) is not None:
                shortcuts.append(child)
            elif child.suffix.lower() not in SUPPORTED_SUFFIXES:
                unsupported.append(child)
        elif special_kind(child) is not None:
            special.append(child)
    return SkippedFiles(tuple(unsupported), tuple(special), tuple(broken), tuple(archives), tuple(shortcuts))


def special_kind(path: Path) -> str | None:
    """What a path is when it is neither a regular file nor a folder (a named pipe, a device, a socket),
    in words for the user; None otherwise. Reading one waits for a writer or never ends."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "命名管道"
    if stat.S_ISSOCK(mode):
        return "套接字"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "设备文件"
    return "特殊文件"


def _zip_name(name: str) -> bool:
    """Whether a file name is a zip archive's, which `add` opens (corpus.archive.is_zip says the same)."""
    return name.lower().endswith(".zip")


def _picture_name(name: str) -> bool:
    """Whether a file name is a picture's in a format not read as a scan (a mail's .gif logo, an .emf)."""
    return name.lower().endswith((".gif", ".svg", ".emf", ".wmf", ".ico"))


def unsupported_message(name: str) -> str:
    """The one line for a file of a format speechqa does not read: a compressed archive (「材料.zip」) is
    told to be unpacked first, a shortcut (「通知.lnk」) to add what it points to, Windows' Thumbs.db and desktop.ini
    named as its system files (short: no format list), anything else gets the formats
    that are read."""
    if is_archive(name):
        return f"{name} 是压缩包，不能直接添加：请先解压，再添加解压出的文件或文件夹。"
    if name.lower().endswith(".ppt"):
        return as_sentence(old_ppt_message(name))
    if (advice := shortcut_advice(name)) is not None:
        return as_sentence(f"{name} 是快捷方式，不是文档本身：{advice}")
    if is_system_file(name):  # a bot's upload of one: said as what it is (`add` passes it over, cli.library)
        return f"{name} 是 Windows 在文件夹里自动生成的系统文件，不是文档，不用添加。"
    return as_sentence(f"不支持的文件类型：{name}（支持 {SUPPORTED_FORMATS}）")


def read_document(path: Path) -> Document:
    """Read one file; raise a CorpusError with a one-line reason when it cannot be used."""
    shown, name = readable_name(str(path)), readable_name(path.name)  # (a GBK name from a zip: in Chinese)
    if (kind := special_kind(path)) is not None:  # checked before opening: opening a pipe waits
        raise UnreadableFile(f"不是普通文件：{shown}（是{kind}，不能作为讲话添加）")
    if path.is_dir() and (error := _folder_error(path)) is not None:  # from iter_speech_files
        raise UnreadableFile(f"无法打开文件夹 {shown}：{describe_os_error(error)}，其中的文件都没有添加")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedFormat(unsupported_message(name))
    try:
        if (refusal := size_refusal(name, path.stat().st_size)) is not None:
            raise TooLarge(refusal)
        data = path.read_bytes()
    except PermissionError as e:
        raise UnreadableFile(f"无法读取文件 {name}：没有读取权限") from e
    except IsADirectoryError as e:
        raise UnreadableFile(f"无法读取文件 {name}：这是一个文件夹") from e
    except OSError as e:
        raise UnreadableFile(f"无法读取文件 {name}：{describe_os_error(e)}") from e
    return replace(read_bytes(name, data), path=readable_name(str(path.resolve())))


def document_lines(path: Path) -> list[str]:
    """A document's questions, one a line, as its reader gives them (a question list kept in Word or PDF):
    each paragraph a line, blank ones left out; a heading kept when it asks (a question styled 标题 2), left
    out when it titles or sections; a table row its question cell (「序号：1；问题：…」 gives the question), not
    its labels; a format that marks no paragraphs (a PDF, a scan read by OCR) split where a line ends and
    after a question's closing 「？」, its first line left out when it is a lone title that asks nothing; the
    number of a numbered list (1. 1、 （一） ①) taken off.
    A file that cannot be read raises the CorpusError `read_document` raises."""
    document = read_document(path)
    if any(block.kind for block in document.blocks):  # a format that says what each paragraph is
        blocks = [b for b in document.blocks if b.text.strip()]
        kept = [
            block
            for block in blocks
            if (block.kind not in _TITLING_KINDS or asks(block.text)) and not _is_head(block.text)
        ]
        texts = [_question_cell(b.text) if b.kind == "table_row" else b.text for b in kept]
        if kept and not kept[0].kind and _titles([t.strip() for t in texts]):  # a PDF's title line, unmarked
            texts = texts[1:]
        lines = [line.strip() for text in texts for line in text.splitlines() if line.strip()]
    else:
        lines = [
            part.strip()
            for line in document.text.splitlines()
            for part in _AFTER_QUESTION.split(line)
            if part.strip()
        ]
        if _titles(lines):
            lines = lines[1:]
        lines = [line for line in lines if not _is_head(line)]
    return [unnumbered for line in lines if (unnumbered := _LIST_NUMBER.sub("", line, count=1).strip())]


def _titles(lines: list[str]) -> bool:
    """Whether the first of a list's lines is its title: a short line asking nothing, more lines under it."""
    return len(lines) > 1 and not asks(lines[0]) and len(lines[0]) <= _TITLE_MAX_CHARS


def _is_head(text: str) -> bool:
    """Whether a line is a question list's head, not a question: its cells (a table's row, a PDF's line apart by
    spaces, a lone paragraph) are all head words (序号, 问题, 提问内容, 备注…). Decided by its own words alone,
    never by how the lines under it are worded: a keyword question (「慰问标准」) is asked wherever it stands."""
    cells = [cell for cell in re.split(r"[；;｜|\t\s]+", text.strip()) if cell]
    return bool(cells) and all(cell.rstrip("：:") in _HEAD_WORDS for cell in cells)


def asks(text: str) -> bool:
    """Whether a line is worded as a question: a question mark, or a word that asks (吗, 怎么, 什么, 哪, 几,
    多少, 是否, 如何…)."""
    return _ASKING.search(text) is not None


# the blocks that title or section a document, not lines of its body
_TITLING_KINDS = frozenset({"title", "subtitle", "heading"})
_ASKING = re.compile(r"[？?]|吗|么|怎|什么|哪|几|多少|是否|如何|为何|能否|可否|请问")
# a question's closing mark with more text after it on the same line (an OCR'd list joined into one line)
_AFTER_QUESTION = re.compile(r"(?<=[？?])(?=[^”’」』）)\s])")
# a title is a short line; a longer first line is a question worded without asking words
_TITLE_MAX_CHARS = 30
# the words a question list's head is made of: its number's column, its question's column (the label
# `_question_cell` reads a labelled row's question by), the columns beside them
_HEAD_WORDS = frozenset(
    {
        "序号",
        "编号",
        "序",
        "号",
        "题号",
        "问题",
        "提问",
        "提问内容",
        "问题内容",
        "问题描述",
        "问题清单",
        "咨询事项",
        "咨询内容",
        "咨询问题",
        "题目",
        "事项",
        "内容",
        "备注",
        "说明",
        "类别",
        "分类",
        "提问人",
        "提问单位",
        "部门",
        "单位",
        "答复",
        "回答",
        "答案",
        "答复内容",
    }
)
# a list item's number: 1. 1、 1) （1） （一） 一、 ①, or a PDF table's 「1 」 before the question
_LIST_NUMBER = re.compile(
    rf"^\s*(?:\d{{1,3}}\s*[.．、)）]|\d{{1,3}}\s+(?=[{HAN}])|[（(][一二三四五六七八九十\d]{{1,3}}[)）]|[\u2460-\u2473]"
    r"|[一二三四五六七八九十]{1,3}、)\s*"
)


def _question_cell(row: str) -> str:
    """A table row's question: of its labelled cells (「序号：1；问题：…」) the one that asks, else the longest
    value; the row as it is when its cells are not labelled so."""
    cells = [cell.partition("：") for cell in row.split("；")]
    if len(cells) == 1 and cells[0][1] and cells[0][0].strip() in _HEAD_WORDS and cells[0][2].strip():
        return cells[0][2].strip()  # a row whose other cells are empty (「问题：慰问标准」, its 备注 blank)
    if len(cells) < 2 or any(not sep for _, sep, _ in cells):
        return row
    values = [value.strip() for _, _, value in cells]
    asking = [value for value in values if asks(value)]
    return asking[0] if asking else max(values, key=len)


def lock_file_message(name: str) -> str:
    """The one line for an office's lock file given to be added: what it is, and what to add instead."""
    return (
        f"{name} 是 Word、WPS 等打开文档时在旁边留下的临时文件（「~$」开头，只记着谁打开了文档），不是文档本身："
        "请添加原文档（名字不带「~$」的那个）；文档关闭后这个临时文件会自行消失。"
    )


def readable_name(name: str) -> str:
    """A file name or path as its owner reads it, fit to store and print. A name whose bytes are not in
    the system's encoding (a GBK name from a zip made on a Chinese Windows and extracted on Linux) comes
    with those bytes escaped as lone surrogates, which SQLite and a UTF-8 terminal refuse: its bytes are
    decoded as GB18030 (GBK's superset) or Big5 when valid in it, else each undecodable byte shows as \\xNN."""
    if not any("\udc80" <= ch <= "\udcff" for ch in name):
        return name
    data = os.fsencode(name)
    for encoding in ("utf-8", "gb18030", "big5"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="backslashreplace")


def mended_name(name: str) -> str:
    """A Chinese file name a program read in the wrong encoding, as it was written: GBK or UTF-8 bytes
    shown as Western (Latin-1/Windows-1252) letters — 「Í¨Öª.docx」, 「é€šçŸ¥.docx」, what an old mail program
    or a zip tool makes of 「通知.docx」 — or UTF-8 bytes shown as GBK, 「閫氱煡.docx」. A name is mended only
    when its characters turn back, exactly, into common Chinese (GB2312's characters, their punctuation,
    full-width forms) and ASCII, with a Chinese character among them; any other name, a correct Chinese one
    included, is returned as it is."""
    if name.isascii():
        return name
    if all(ch.isascii() or "\x80" <= ch <= "\xff" or _in_cp1252(ch) for ch in name):
        data = b"".join(_western_byte(ch) for ch in name)
        for encoding in ("utf-8", "gb18030"):
            with contextlib.suppress(UnicodeDecodeError):
                if _common_chinese(mended := data.decode(encoding)):
                    return mended
        return name
    with contextlib.suppress(UnicodeError):
        # a correct name is common Chinese already; what UTF-8 bytes shown as GBK make is mostly rare characters
        if not _common_chinese(name) and _common_chinese(mended := name.encode("gbk").decode("utf-8")):
            return mended
    return name


def _in_cp1252(ch: str) -> bool:
    try:
        return len(ch.encode("cp1252")) == 1
    except UnicodeEncodeError:
        return False


def _western_byte(ch: str) -> bytes:
    """The byte a Western (Windows-1252, else Latin-1) program showed as `ch`."""
    try:
        return ch.encode("cp1252")
    except UnicodeEncodeError:
        return ch.encode("latin-1")


def _common_chinese(text: str) -> bool:
    """Whether every character of `text` outside ASCII is common Chinese — a Chinese character of GB2312's
    6,763, or a mark GBK has (punctuation, full-width forms) — and one of them a Chinese character."""
    chinese = False
    for ch in text:
        if ch.isascii():
            continue
        ideograph = "\u4e00" <= ch <= "\u9fff"
        try:
            ch.encode("gb2312" if ideograph else "gbk")
        except UnicodeEncodeError:
            return False
        chinese = chinese or ideograph
    return chinese


# What a file's first bytes say it is, as the suffix its reader goes by (text has no such mark); a
# Latin name is set off from the Chinese before it by a space.
_KIND_NAMES = {
    ".pdf": " PDF 文件",
    ".ofd": " OFD 文件",
    ".docx": " Word 文档（.docx）",
    ".doc": " Word 97–2003 文档（.doc）",
    ".odt": " OpenDocument 文档（.odt）",
    ".fodt": " 平面 XML OpenDocument 文档（.fodt）",
    ".rtf": " RTF 文档",
    ".png": " PNG 图片",
    ".jpg": " JPEG 图片",
    ".tif": " TIFF 图片",
    ".webp": " WebP 图片",
    ".avif": " AVIF 图片",
    ".jp2": " JPEG 2000 图片",
    ".gif": " GIF 图片",
    ".bmp": " BMP 位图",
    ".heic": " HEIC 照片",
    ".xls": " Excel 97–2003 工作簿（.xls）",
    ".xlsx": " Excel 工作簿（.xlsx）",
    ".pptx": " PowerPoint 演示文稿（.pptx）",
    ".ods": " OpenDocument 电子表格（.ods）",
    ".odp": " OpenDocument 演示文稿（.odp）",
    ".uot": " UOF 文档（.uot）",
    ".epub": " EPUB 电子书（.epub）",
    ".txt": "纯文本文件",
    ".csv": " CSV 表格（.csv）",
    ".zip": " zip 压缩包",
}


def _pdf_header(data: bytes) -> bool:
    """Whether a PDF's header 「%PDF-」 opens the file after a short prefix a damaged download carries (blank
    lines, or binary bytes a transfer put before it; pdfminer reads such a file from its cross-reference table at
    the end), never a mention of it inside a text (「文件头为 %PDF-1.7」 in a notice)."""
    at = data.find(b"%PDF-", 0, 1024)
    if at < 0:
        return False
    prefix = data[:at]
    return not prefix.strip() or any(b < 0x20 and b not in b"\t\r\n\f" for b in prefix)


def content_kind(data: bytes) -> str | None:
    """The format a file's bytes are in, by their signature, as a suffix (".pdf", ".docx"…); None when
    they carry none of the supported formats' marks (plain text has none)."""
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return ".rtf"
    if data.startswith(b"%PDF"):
        return ".pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return ".png"
    if data.startswith(b"\xff\xd8\xff"):
        return ".jpg"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return ".tif"
    if (
        data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    ):  # a RIFF container of WebP data (lossy, lossless or animated)
        return ".webp"
    if ocr.is_heif(data):
        return ".heic"
    if ocr.is_avif(data):
        return ".avif"
    if ocr.is_bmp(data):
        return ".bmp"
    if ocr.is_jpeg2000(data):
        return ".jp2"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return ".gif"
    if data.startswith(cfb.MAGIC):
        return _cfb_kind(data)
    if is_uof(data):
        return ".uot"
    if is_epub(data):
        return ".epub"
    if is_flat_odt(data):
        return ".fodt"
    if data.startswith(b"PK\x03\x04"):
        if data[30:38] == b"mimetype" and data[38:77] == b"application/vnd.oasis.opendocument.text":
            return ".odt"
        names = _zip_names(data)
        if names is None:
            return None  # a zip cut short (no contents listing): a damaged file of whatever kind it was
        for mark, kind in _ZIPPED_KINDS:
            if mark in names:
                return kind
        if (odf := _ODF_KINDS.get(_odf_mimetype(data) if "mimetype" in names else "")) is not None:
            return odf
        if "OFD.xml" in names:
            return ".ofd"
        # a package of an office format (OOXML, OpenDocument) lacking its main part is a damaged one of its kind;
        # a zip whose own root holds no package's marks is an archive (「材料.zip」 saved as 材料.docx), whatever
        # documents it holds, stored or compressed
        if _PACKAGE_MARKS & names:
            return None
        return ".zip"
    # a PDF header after a short prefix only when no other format's signature opens the file: a zip storing a PDF
    # uncompressed carries 「%PDF-」 after its binary member header, and is the zip
    if _pdf_header(data):
        return ".pdf"
    return None


def _zip_names(data: bytes) -> frozenset[str] | None:
    """The names a zip's central directory lists (its contents listing, never a search of its bytes: a .docx
    stored uncompressed in an archive carries word/document.xml in its bytes); None when it has none."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return frozenset(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return None


def _odf_mimetype(data: bytes) -> str:
    """The mimetype an OpenDocument package states in its own root (its `mimetype` part)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.read("mimetype")[:100].decode("ascii", "replace").strip()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, KeyError, RuntimeError):
        return ""


def _cfb_kind(data: bytes) -> str | None:
    """An old-format Office file's kind by its streams: a Word (or WPS) document has a WordDocument stream, an
    Excel workbook a Workbook (Book in Excel 5), a PowerPoint deck a PowerPoint Document stream; an Office file
    saved with a password (EncryptionInfo, EncryptedPackage) is read as Word's (whose reader says so). Any other
    compound file (an Outlook .msg, a Visio drawing) or one whose directory cannot be read is of no kind read."""
    contents = cfb.contents(data)
    if contents is None:
        return None
    streams = {name.lower() for name in contents.streams}  # a compound file's names compare without case
    if "worddocument" in streams or contents.encrypted:
        return ".doc"
    if {"workbook", "book"} & streams:
        return ".xls"
    if "powerpoint document" in streams:
        return ".ppt"
    return None


# What a zipped file holds, by a part's name in its own contents listing, or its OpenDocument mimetype.
_ZIPPED_KINDS = (
    ("word/document.xml", ".docx"),
    ("xl/workbook.xml", ".xlsx"),
    ("ppt/presentation.xml", ".pptx"),
)
_ODF_KINDS = {
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.oasis.opendocument.spreadsheet": ".ods",
    "application/vnd.oasis.opendocument.presentation": ".odp",
}


_PACKAGE_MARKS = frozenset({"[Content_Types].xml", "mimetype", "META-INF/manifest.xml"})


# A saved mail's header (RFC 5322), as a mail program writes it at the top of an .eml: a field naming who or what,
# and one only a sent mail carries (a notice typed with 「Subject:」 in it has none; a web page a browser saved as
# .mht has a From and a Subject, but no recipient, no Received and no Message-ID)
_MAIL_FIELD = re.compile(rb"^(?:From|Subject|Date):", re.I | re.M)
_MAIL_ONLY_FIELD = re.compile(rb"^(?:To|Received|Message-ID|Return-Path):", re.I | re.M)
_HEADER_LINE = re.compile(rb"[!-9;-~]+:")


def suffix_by_content(data: bytes) -> str | None:
    """The suffix of the supported format a file's bytes are in, for a file whose name and type tell none (sent
    to the bot as application/octet-stream with no extension, or one of another program's: 「通知」, 「讲话.tmp」).
    The readers' own signatures (`content_kind`: PDF, RTF, the pictures, a zip told by its contents listing —
    .docx, .xlsx, .pptx, OpenDocument, OFD, EPUB, or an archive —, a compound file by its streams), then an
    old PowerPoint deck (.ppt, which `unsupported_message` tells how to save), a web page (.html, .mht), a
    mailbox (.mbox), a saved mail (.eml), and last a text in any encoding `decode_text` reads (.txt). None when
    the bytes are none of these (a video, a program, a damaged file): refused as of an unsupported type."""
    kind = content_kind(data)
    if kind is not None:
        return kind
    if data.startswith(cfb.MAGIC) or data.startswith(b"PK\x03\x04"):
        return None  # a compound file or a zip of no format read (a damaged one, a Visio drawing)
    head = data[:4096]
    if is_mailbox_head(head):
        return ".mbox"
    if _HEADER_LINE.match(head) and _MAIL_FIELD.search(head) and _MAIL_ONLY_FIELD.search(head):
        return ".eml"  # before a web page: a mail with pictures in its body is multipart/related, as an .mht
    if (page := web_page_kind(data)) is not None:
        return f".{page}"
    if not data.strip():
        return ".txt"  # an empty file: refused as one (「文件是空的」), not as of an unknown type
    try:
        text, _ = decode_text("", data)
    except CorpusError:
        return None
    return None if _program_text(text) else ".txt"


# Text that is another program's format, not a speech: JSON, XML (an SVG drawing), PostScript, a vCard, a calendar
_PROGRAM_TEXT = re.compile(r"(?:<\?xml\b|<svg\b|<!DOCTYPE\b|%!PS|%!\s*$|BEGIN:(?:VCARD|VCALENDAR)\b)", re.I)


def _program_text(text: str) -> bool:
    """Whether a text is data another program reads (as `speechqa add 数据.json` refuses by its extension)."""
    head = text.lstrip("\ufeff \t\r\n")
    if _PROGRAM_TEXT.match(head[:200]):
        return True
    if head[:1] in ("{", "["):
        try:
            json.loads(text.strip("\ufeff \t\r\n"))
        except ValueError:
            return False
        return True
    return False


def _is_delimited(data: bytes) -> bool:
    """Whether a text splits into delimited rows with a steady column count (a CSV or TSV saved under a
    workbook's name, as office systems' 「导出Excel」 do): at least two non-blank rows, every one with the
    same two or more fields by one of the delimiters a CSV uses."""
    try:
        text, _ = decode_text("", data)
    except CorpusError:
        return False
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        return False
    for delimiter in (",", "\t", ";", "，"):
        try:
            widths = {len(row) for row in csv.reader(lines, delimiter=delimiter)}
        except csv.Error:
            continue
        if len(widths) == 1 and widths.pop() >= 2:
            return True
    return False


def _is_chinese_text(data: bytes) -> bool:
    try:
        text, _ = decode_text("", data)
    except CorpusError:
        return False
    return _mostly_chinese(text)


# A Chinese character ended by clause or sentence punctuation (OCR reads 「，」 as 「,」 at times): what every
# page of a speech or notice holds and a chart's title, labels and figures, or a photo's sign, do not.
_SENTENCE = re.compile(r"[\u3400-\u9fff][，。；！？,.;!?]")


def _holds_sentence(text: str) -> bool:
    """Whether text read from an image holds at least one Chinese clause (a character and its 「，」「。」…)."""
    return _SENTENCE.search(text) is not None


def _mostly_chinese(text: str) -> bool:
    """Whether at least 30 % of the text's visible characters are Chinese (a speech's are far more)."""
    visible = [c for c in text if not c.isspace()]
    chinese = sum(1 for c in visible if "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf")
    return bool(visible) and chinese >= 0.3 * len(visible)


def _misnamed(name: str, kind: str) -> str:
    suffix = Path(name).suffix.lower()
    return f"{name} 其实是{_KIND_NAMES[kind]}，不是 {suffix} 文件：请把扩展名改为 {kind} 再添加"


# Formats a web page never is: a page under one of these names (a download that failed saves the site's error
# or login page under the file's name) is said to be a page, not 「不是有效的 PDF 文件（可能已损坏）」. A page
# under a Word name is read as the page (Word and WPS open one); under a text's name it is a text.
_NEVER_A_PAGE = (
    ".pdf",
    ".ofd",
    ".odt",
    ".rtf",
    *EPUB_SUFFIXES,
    *UOF_SUFFIXES,
    *IMAGE_SUFFIXES,
    *(s for s in SHEET_SUFFIXES if s != ".csv"),
    *SLIDE_SUFFIXES,
)
_PAGE_AS_IS = "；如果这个网页就是要加的内容，请把扩展名改为 .html 再添加"
# what the bot, whose admins cannot rename a file, says instead: a browser saves the page as what it is
_PAGE_AS_IS_SENT = "；如果这个网页就是要加的内容，请在浏览器中把它另存为网页（.html）再发来"
_PAGE_TITLE = re.compile(rb"<title[^>]*>(.*?)</title", re.I | re.S)


def _web_page_refusal(name: str, suffix: str, data: bytes) -> str:
    """What a web page under the name of a format no page is says: what it is, its title (「404 Not Found」,
    「统一身份认证登录」) when it has one, and what to do."""
    found = _PAGE_TITLE.search(data[:65536])
    title = ""
    if found is not None:
        raw = found.group(1)
        try:
            words = raw.decode("utf-8")
        except UnicodeDecodeError:
            words = raw.decode("gb18030", errors="replace")
        words = " ".join(html.unescape(words).split())
        if words:
            title = f"（标题「{words if len(words) <= 30 else words[:30] + '…'}」）"
    return (
        f"{name} 其实是一个网页{title}，不是 {suffix} 文件：多半是下载没有成功，网站给的是错误页或登录页，"
        f"请重新下载原文件再添加{_PAGE_AS_IS}"
    )


def _table_export(suffix: str, name: str, data: bytes) -> bool:
    """An office system's 「导出Excel」: a page holding a data table under a spreadsheet's name (Excel and WPS
    open it as a sheet; corpus.sheets reads it as one), not a failed download's error or login page."""
    if suffix not in SHEET_SUFFIXES:
        return False
    found = page_tables(name, data)
    return found is not None and bool(found[1])


# Word's formats under one another's names are read as what they are (by the Word readers); so are a
# spreadsheet's and a deck's (a WPS .et is OOXML or BIFF; a password-protected workbook or deck is a
# compound file, refused by its reader with what to do).
_WORD = (".docx", *WORD_PACKAGE_SUFFIXES, ".doc", ".wps")
# An OpenDocument text is read by one reader, packaged or flat, whichever of the two names it has
_ODT = (".odt", *FLAT_ODT_SUFFIXES)
_OFFICE = (*SHEET_SUFFIXES, *SLIDE_SUFFIXES)


@contextmanager
def open_archive(name: str, source: Path | bytes, *, path: str | None = None) -> Iterator[Archive]:
    """The zip archive or mailbox file `name` (a file, or its bytes) opened and checked whole by corpus.archive's
    `open_zip` (a .mbox, or a Thunderbird folder on disk: `open_mbox`, each message a member), each member then read as a file of its own
    (`read_bytes`): see those for what is refused. A zip's member whose supported extension lies (「通知.docx」
    holding a PDF) is read by its bytes and cited under its name, with a note saying so (`read_as_sent`): no
    one can rename a file inside a zip they were sent — before, `add 材料.zip` and the bot's zip upload refused
    it with advice to rename it. A member whose bytes are a zip (「套.docx」) is passed over as an inner .zip is
    (`_read_member`)."""
    mail_folder = isinstance(source, Path) and is_mail_folder(source)
    if is_mbox(name) or mail_folder:
        with open_mbox(name, source, read=read_bytes, path=path) as archive:
            yield archive
    else:
        with open_zip(name, source, read=functools.partial(_read_member, name), path=path) as archive:
            yield archive


def _read_member(archive: str, shown: str, data: bytes) -> Document:
    """A zip's member read as sent (`read_as_sent`); one whose bytes are a zip under a document's name
    (「套.docx」) passed over as a member named .zip is (`nested_archive`), not refused with advice to rename it."""
    try:
        return read_as_sent(shown, data)
    except Misnamed as e:
        if not opens_as_folder(f"x{e.kind}"):
            raise
        inner = shown.rpartition(MEMBER_MARK)[2].rpartition("/")[2]
        raise NotASpeech(
            f"{shown} 其实是 {e.kind[1:]} 压缩包；{nested_archive(archive, inner, e.kind)}"
        ) from e


def read_bytes(name: str, data: bytes) -> Document:
    """Decode a file's bytes by its name's suffix (also used for documents uploaded to the bot). A file
    in another format than its name says (a PDF saved as .txt, an RTF or a text renamed .docx) is refused
    saying what it is and the extension that reads it, not as damaged or 「不是文本文件」; an office's lock
    file (「~$通知.docx」, given by name as `add 材料/*.docx` gives it while Word has the notice open, or sent to
    the bot) is refused as one, not as a damaged document to fetch again."""
    try:
        return _read_bytes(name, data)
    except CorpusError as e:
        if is_office_lock_file(name):
            raise UnreadableFile(lock_file_message(name)) from e
        raise


def read_as_sent(name: str, data: bytes, *, typed: bool = False) -> Document:
    """A file its sender cannot rename (sent to the bot from Telegram) read by what its bytes are when its
    supported extension lies — 「通知.docx」 holding a PDF, 「讲话.txt」 holding a Word file, 「表.pdf」 holding a
    workbook: read as the format its bytes are in (`Misnamed.kind`), cited under the name it was sent with, with
    a note saying how it was read. Anything else as `read_bytes` reads or refuses it: a file under its own
    format's name, an old deck (.ppt: saved again as .pptx), a web page under a PDF's name (a failed download),
    an archive under a document's name (a zip's member holding a zip is passed over by `open_archive` instead,
    as an inner .zip is). `speechqa add` keeps its refusal with the extension to use. `typed`: the
    extension is not the sender's but the type Telegram gave (「通知二」 sent as application/pdf is 「通知二.pdf」):
    such a file is cited under the format its bytes are in (「通知二.txt」), a name the sender never gave not kept,
    and a refusal names it once as sent with how it was read (「通知四（没有扩展名，按文件内容当作 .pdf 文件读取）」)."""
    try:
        return read_bytes(name, data)
    except Misnamed as e:
        kind = e.kind
        if kind not in SUPPORTED_SUFFIXES or opens_as_folder(kind):
            raise
    except UnreadableFile as e:  # a web page under a document's name: no rename advice to a sender who cannot
        if _PAGE_AS_IS not in str(e):
            raise
        raise UnreadableFile(str(e).replace(_PAGE_AS_IS, _PAGE_AS_IS_SENT)) from e
    stem = name[: -len(Path(name).suffix)] or "未命名文件"
    read_as = stem + kind
    # named once with how it was read: 「通知四（没有扩展名，按文件内容当作 .pdf 文件读取）」, its name as sent after
    said = (
        f"{stem}（没有扩展名，按文件内容当作 {kind} 文件读取）"
        if typed
        else f"{name}（按文件内容是{_KIND_NAMES[kind]}）"
    )
    try:
        document = read_bytes(read_as, data)
    except CorpusError as e:  # its own format's refusal (an encrypted PDF…), naming the file as sent
        error = UnreadableFile if isinstance(e, Misnamed) else type(e)
        raise error(str(e).replace(read_as, said, 1).replace(read_as, stem if typed else name)) from e
    if typed:
        return document
    note = f"{name} 其实是{_KIND_NAMES[kind]}，已按 {kind} 文件的内容读取，出处仍用发来的文件名"
    notes = tuple(n.replace(read_as, name) for n in document.notes)
    return replace(document, name=name, notes=(as_sentence(note), *notes))


def _read_bytes(name: str, data: bytes) -> Document:
    if (refusal := size_refusal(name, len(data))) is not None:
        raise TooLarge(refusal)
    if not data.strip():
        raise EmptyDocument(f"文件是空的：{name}")
    suffix = Path(name).suffix.lower()
    kind = content_kind(data)
    if (
        kind is not None
        and kind != suffix
        and not (kind in IMAGE_SUFFIXES and suffix in IMAGE_SUFFIXES)
        and not (kind in _WORD and suffix in _WORD)
        and not (kind in (".doc", ".xls", ".ppt") and suffix in _OFFICE and suffix != ".csv")
        and not (kind == ".xlsx" and suffix in (".xlsm", ".xls", ".et"))
        and not (kind == ".pptx" and suffix in (".pptm", ".ppsx", ".dps"))
        and not (kind == ".uot" and suffix in UOF_SUFFIXES)
        and not (kind in _ODT and suffix in _ODT)
        and suffix in SUPPORTED_SUFFIXES
        # a text whose bytes decode as Chinese text is the text it says it is, whatever mark it holds
        and not (suffix in (".txt", *MARKDOWN_SUFFIXES) and _is_chinese_text(data))
    ):
        if kind == ".ppt":  # an old deck under a document's name: what it is, and how to save it to be read
            raise UnsupportedFormat(as_sentence(old_ppt_message(name).replace(" 是旧版", " 其实是旧版", 1)))
        raise Misnamed(_misnamed(name, kind), kind)
    if kind is None and suffix in SUPPORTED_SUFFIXES and cfb.is_cfb(data) and cfb.contents(data) is not None:
        raise UnreadableFile(
            f"{name} 不是 Word、Excel 或 PowerPoint 文件，是其他程序的复合文档（如 Outlook 邮件 .msg），不能读取"
        )
    if suffix in _NEVER_A_PAGE and web_page_kind(data) == "html" and not _table_export(suffix, name, data):
        raise UnreadableFile(_web_page_refusal(name, suffix, data))
    try:
        text, encoding, blocks, reference, notes, sent, introduced = _decode(name, suffix, data)
    except RecursionError as e:  # nested past the stack: Python's e-mail parser recurses per MIME level
        raise TooLarge(f"{name} 的结构嵌套过深（层层嵌套的邮件或附件），疑似损坏或恶意文件，已拒绝") from e
    except CorpusError as e:
        if kind is None and suffix in SHEET_SUFFIXES and suffix != ".csv" and _is_delimited(data):
            # a CSV or TSV under a workbook's name: its rows read as the table they are, not as lines of text
            raise Misnamed(_misnamed(name, ".csv"), ".csv") from e
        if kind is None and suffix not in (".txt", *MARKDOWN_SUFFIXES) and _is_chinese_text(data):
            # a text under another name (a Markdown file is a text: its own refusal stands)
            raise Misnamed(_misnamed(name, ".txt"), ".txt") from e
        raise
    pictures = _holds_pictures(data)
    if not text.strip():
        if not pictures:
            raise EmptyDocument(f"文件中没有文字：{name}")
        # a page scanned and pasted into Word or Writer, all the document holds: its pictures read by OCR,
        # as the same page saved as a scan is
        text, notes, blocks = _pasted_scans(name, data)
        encoding, reference = "ocr", ""
    if encoding == "ocr" and not _holds_sentence(text):
        words = " ".join(text.split())
        words = words if len(words) <= 24 else words[:24] + "…"
        raise PictureNotPage(
            f"{name} 像是图表或照片，不是讲话或通知的扫描件：识别出的只有零散的字词和数字（{words}），"
            "没有成句的文字，没有添加；如果确是扫描件，请换一张更清楚的扫描或照片"
        )
    if is_exported_answer(text):
        raise ExportedAnswer(
            f"{name} 是 speechqa 导出的检索结果（「{EXPORT_HEADING}」），不是讲话：其中的段落已在资料库里，没有添加"
        )
    return Document(
        name=name,
        text=text,
        encoding=encoding,
        blocks=blocks,
        reference=reference,
        digest=hashlib.sha256(data).hexdigest(),
        size=len(data),
        notes=notes,
        pictures=pictures,
        sent=sent,
        introduced=introduced,
    )


# A picture placed in the body of a Word (DrawingML or VML) or OpenDocument file — not one in its header
# or footer (a letterhead, a seal), which lives in the header's own part
_BODY_PICTURE = re.compile(rb"<a:blip\b|<v:imagedata\b|<draw:image\b")
_BODY_PARTS = ("word/document.xml", "content.xml")


def _holds_pictures(data: bytes) -> bool:
    """Whether a Word or OpenDocument file (a zip) holds pictures in its body: with no text, a page scanned
    and pasted in, which staff see as text."""
    if not data.startswith(b"PK"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            return any(_BODY_PICTURE.search(archive.read(part)) for part in _BODY_PARTS if part in names)
    except (*ZIP_DAMAGE, KeyError):
        return False


# A picture in a Word body (DrawingML's blip, or the VML copy Word saves beside it, by relationship id) or
# in an OpenDocument body (by its path in the package)
_PICTURE_REFERENCE = re.compile(
    rb'<a:blip\b[^>]*?\br:embed="([^"]+)"|<v:imagedata\b[^>]*?\br:id="([^"]+)"'
    rb'|<draw:image\b[^>]*?\bxlink:href="([^"]+)"'
)
_RELATIONSHIP = re.compile(rb"<Relationship\b[^>]*>")
_ATTRIBUTE = re.compile(rb'\b(Id|Target|TargetMode)="([^"]*)"')


def _body_pictures(data: bytes) -> list[tuple[str, bytes]]:
    """The pictures placed in the body of a Word or OpenDocument file (a zip), in the order they stand,
    each once (Word saves a VML copy beside each picture): their names in the package and their bytes.
    Linked pictures (outside the file) are not in it."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        if "word/document.xml" in names:
            body = archive.read("word/document.xml")
            rels = (
                archive.read("word/_rels/document.xml.rels")
                if "word/_rels/document.xml.rels" in names
                else b""
            )
            targets = {}
            for relationship in _RELATIONSHIP.findall(rels):
                attributes = {k.decode(): v.decode() for k, v in _ATTRIBUTE.findall(relationship)}
                if attributes.get("TargetMode") != "External" and "Id" in attributes:
                    target = attributes.get("Target", "")
                    targets[attributes["Id"]] = (
                        target.lstrip("/") if target.startswith("/") else f"word/{target}"
                    )
            paths = [
                targets.get((m.group(1) or m.group(2) or b"").decode(), "")
                for m in _PICTURE_REFERENCE.finditer(body)
            ]
        elif "content.xml" in names:
            body = archive.read("content.xml")
            paths = [m.group(3).decode() for m in _PICTURE_REFERENCE.finditer(body) if m.group(3)]
        else:
            return []
        paths = [str(Path(path)) for path in dict.fromkeys(paths) if path]
        return [(path, content) for path in paths if path in names and (content := _inflated(archive, path))]


def _inflated(archive: zipfile.ZipFile, part: str) -> bytes:
    """A part of a package, or nothing when it does not inflate (a damaged picture is passed over as one no
    image reader opens is)."""
    try:
        return archive.read(part)
    except ZIP_DAMAGE:
        return b""


def _pasted_scans(name: str, data: bytes) -> tuple[str, tuple[str, ...], tuple[Block, ...]]:
    """The text of a Word or OpenDocument file that holds nothing but pictures (a page or pages scanned and
    pasted in), its pictures read by OCR in their order as one scan's pages are, a note naming pictures
    read with low confidence, and its blocks when a ruled table was read (`ocr.table_blocks`). A picture no image reader opens (a drawing in EMF) is passed over; none read,
    or no OCR engine, is refused in one line."""
    reader = ocr.engine()
    if reader is None:
        raise EmptyDocument(
            f"{name} 中没有文字，只有图片（可能是粘贴进文档的扫描件）。{ocr.missing_engine_reason()}"
        )
    pages: list[ocr.PageText] = []
    for picture, content in _body_pictures(data):
        try:
            pages.extend(ocr.read_image(f"{name}（{Path(picture).name}）", content, reader))
        except CorpusError:
            continue
    text = ocr.pages_text(pages) if pages else ""
    if not text.strip():
        raise EmptyDocument(
            f"{name} 中没有文字，只有图片，图片中也没有识别出文字：如果粘贴的是扫描件，"
            "请换一份更清楚的扫描再添加"
        )
    doubtful = [(n, page.confidence) for n, page in enumerate(pages, start=1) if page.doubtful]
    notes = (ocr.doubtful_pages_note(doubtful, one_image=len(pages) == 1),) if doubtful else ()
    return text, notes, ocr.table_blocks(pages)


# How an answer exported to Word opens (`retrieval.answer_docx` writes it with these): its heading, then the
# question and the export date as labelled lines (「问题：…」, 「导出日期：…」).
EXPORT_HEADING = "讲话检索结果"
EXPORT_QUESTION_LABEL = "问题"
EXPORT_DATE_LABEL = "导出日期"


def is_exported_answer(text: str) -> bool:
    """Whether a document's text is an answer speechqa exported (`retrieval.answer_docx`, in any release,
    or that file saved again as PDF or another format): its heading, then the question and the export
    date."""
    head = [line.strip() for line in text.splitlines() if line.strip()][:4]
    return (
        bool(head)
        and head[0] == EXPORT_HEADING
        and any(line.startswith(f"{EXPORT_QUESTION_LABEL}：") for line in head[1:])
        and any(line.startswith(f"{EXPORT_DATE_LABEL}：") for line in head[1:])
    )


def _plain(reference: str, *, signed: bool = False) -> tuple[str, tuple, str, str | None]:  # type: ignore[type-arg]
    """A plain text's text, blocks, reference and sent day: a notice saved from an e-mail has its header
    lines and quote marks taken off (the subject becomes the title) and its senders' cards read apart as a
    saved .eml's are (`_mail_cards`; `signed`: the .eml's reader took them off already), an article copied
    from a WeChat official account its account's lines; hard wraps and pasted page furniture are undone (one
    paragraph per line, as every reader gives text); the file's own lines so read stay the reference
    conservation checks the passages against."""
    cards: tuple[tuple[str, ...], str] = ((), "")
    if not signed and is_mail(reference):
        reference, cards = _mail_cards(reference)
    mail = read_mail(reference)
    reference, sent = mail.text, mail.sent
    article = read_article(reference)
    reference, sent = article.text, sent or article.posted
    chat = read_chat_log(reference)
    reference, sent = chat.text, sent or chat.posted
    points = counted_points(reference)
    parts = split_box_tables(reference)
    blocks: tuple = ()  # type: ignore[type-arg]
    if any(isinstance(part, BoxTable) for part in parts):
        # a table drawn with box-drawing characters: its rows labelled by its header, as a Word table's;
        # the reference holds them as read (its bars and rules are no text)
        read: list[Block] = []
        for part in parts:
            if isinstance(part, BoxTable):
                read.extend(table_blocks(part.rows))
            elif lines := plain_lines(part.text, lambda line: stands_alone(line, points)):
                read.append(Block(text="\n".join(lines), kind=""))
        blocks = tuple(read)
        text = blocks_text(blocks)
        reference = "\n".join(
            "\n".join(block.text for block in table_blocks(part.rows))
            if isinstance(part, BoxTable)
            else part.text
            for part in parts
        )
    elif chat.messages:  # each message a block of its own: none runs into another's
        blocks = tuple(
            Block(
                text="\n".join(plain_lines(message, lambda line: stands_alone(line, points))),
                kind="",
                parted=True,
            )
            for message in chat.messages
        )
        text = blocks_text(blocks)
    else:
        text = "\n".join(plain_lines(reference, lambda line: stands_alone(line, points)))
    if article.title:  # the article's headline is its title, whatever its punctuation
        blocks = (Block(text=article.title, kind="title"), *(blocks or (Block(text=text, kind=""),)))
        text = blocks_text(blocks)
    text, blocks, reference = _with_cards(text, blocks, reference, *cards)
    return text, blocks, reference, sent


def _mail_cards(text: str) -> tuple[str, tuple[tuple[str, ...], str]]:
    """A mail saved as text (Outlook's, Foxmail's 「另存为」 .txt: its header, then its body) with its senders'
    cards taken out of the body as a saved .eml's are (`mail.split_cards`): the text, and the quoted
    messages' cards (the outer one first) and the sender's own ("" for none). The body is what follows the header at the top (a
    pasted forward with no header above it is all body)."""
    lines = text.split("\n")
    head_end = header_end(text)
    signed = split_cards("\n".join(lines[head_end:]).strip("\n"))
    head = "\n".join(lines[:head_end]).rstrip("\n")
    return (f"{head}\n\n{signed.body}\n" if head else f"{signed.body}\n"), (
        signed.quoted_signatures,
        signed.signature,
    )


def _with_cards(
    text: str,
    blocks: tuple,  # type: ignore[type-arg]
    reference: str,
    quoted_signatures: tuple[str, ...],
    signature: str,
) -> tuple[str, tuple, str]:  # type: ignore[type-arg]
    """A mail's text, blocks and reference with its senders' cards after it, each a section of its own: the
    card each quoted message ends with (each under 「原邮件发件人签名」, the outer one first), then the sender's
    (under 「发件人签名」), so the notice ends at its own 落款 (its issuer and date) and no card runs into its
    last sentence."""
    labelled = [(QUOTED_SIGNATURE_LABEL, card) for card in quoted_signatures] + [(SIGNATURE_LABEL, signature)]
    for label, card in labelled:
        if not card:
            continue
        heading = Block(text=label, kind="heading", level=1)
        blocks = (
            *(blocks or ((Block(text=text, kind=""),) if text.strip() else ())),
            heading,
            Block(text=card, kind=""),
        )
        text = blocks_text(blocks)
        reference = f"{reference.rstrip()}\n{label}\n{card}"
    return text, blocks, reference


class _Decoded(NamedTuple):
    """What `_decode` reads from a file: see `Document`'s fields of the same names."""

    text: str
    encoding: str
    blocks: tuple
    reference: str
    notes: tuple[str, ...]
    sent: str | None = None
    introduced: str | None = None


def _shown_picture_text(picture: str, content: bytes, notes: list[str]) -> str:
    """The text a picture an e-mail's body shows holds, read by OCR as a GIF is (`ocr.read_picture_page`): a
    notice pasted in as a screenshot; "" for a letterhead, a seal, a logo or a QR code (too small for a page,
    or no sentence in it). One that cannot be read, or is read with low confidence, is told in `notes`."""
    try:
        pages = ocr.read_picture_page(picture, content)
    except NotASpeech:
        return ""
    except CorpusError as e:
        notes.append(f"正文中的图片 {picture} 没有读入：{e}")
        return ""
    if doubtful := [(n, page.confidence) for n, page in enumerate(pages, start=1) if page.doubtful]:
        notes.append(f"正文中的图片 {picture}：{ocr.doubtful_pages_note(doubtful, one_image=True)}")
    return ocr.pages_text(pages)


def _with_attachments(
    container: str,
    text: str,
    blocks: tuple,  # type: ignore[type-arg]
    reference: str,
    notes: tuple[str, ...],
    attachments: Sequence[tuple[str, bytes]],
) -> tuple[str, tuple, str, tuple[str, ...]]:  # type: ignore[type-arg]
    """A document's text, blocks, reference and notes with its attachments read after it (a saved
    e-mail's, a PDF's embedded files): each in a format speechqa reads by its own reader, under 「附件：name」
    (as a notice prints its attachments after its signature); one that cannot be read is named in a note.
    A .zip attached (材料 mailed as one file) is opened as `add` opens one (`_zip_attachment`), each document
    in it under 「附件：材料.zip › 通知」."""
    for attachment, content in attachments:
        kind = Path(attachment).suffix.lower()
        if _zip_name(attachment):
            parts, said = _zip_attachment(container, attachment, content)
            notes = (*notes, *said)
        elif kind not in SUPPORTED_SUFFIXES or kind == ".gif":
            # a spreadsheet or an archive is named, as in a folder; a logo in another picture format is not
            # (a mail's .gif is its signature's logo or an emoticon, never a page sent to be read)
            if not _picture_name(attachment):
                why = (
                    "是压缩包，请先解压，再添加解压出的文件"
                    if is_archive(attachment)
                    else "不支持这种文件类型"
                )
                notes = (*notes, f"附件 {attachment} 没有读入：{why}。")
            continue
        else:
            try:
                parts = [(Path(attachment).stem, _decode(attachment, kind, content))]
            except CorpusError as e:
                notes = (*notes, f"附件 {attachment} 没有读入：{e}")
                continue
        for shown, part in parts:
            if not part.text.strip():
                continue
            label = Block(text=f"附件：{shown}", kind="heading", level=1)
            own = tuple(
                Block(text=b.text, kind="heading", level=2) if b.kind in ("title", "subtitle") else b
                for b in part.blocks
            ) or (Block(text=part.text, kind=""),)
            if own[0].kind == "":
                # read as plain text (a mail forwarded as an attachment — with its signature, invitation or
                # attachments after it or not —, a .txt): its title line split from its text
                own = (*_titled_text(own[0].text, shown), *own[1:])
            reference = f"{(reference or text).rstrip()}\n{label.text}\n{part.reference or part.text}"
            blocks = (*(blocks or ((Block(text=text, kind=""),) if text.strip() else ())), label, *own)
            text = blocks_text(blocks)
            notes = (*notes, *part.notes)
    return text, blocks, reference, notes


def _titled_text(text: str, shown: str) -> tuple[Block, ...]:
    """The blocks of an attachment's plain text (a mail forwarded as an attachment, a .txt): its first line
    split from the rest when it is a title — a line standing alone, no sentence in it, and no salutation or
    主送 (「各支部」 opens a body) — that is either the name its 「附件：」 heading shows already (a forwarded
    mail's subject, dropped: the heading reads it; 「转发：」 before it or not, as a forward of a forward is
    named) or a title over a 主送 (「关于…的通知」 above 「各支部：」, a
    heading of the attachment's); else the text as it is. Before, a forwarded mail's subject ran into the
    addressee and the first paragraph under it (「…的通知县委老干部局：为激励…」), and the first numbered item
    was read as part of that head, not as a section."""
    first, _, rest = text.strip("\n").partition("\n")
    first = first.strip()
    following = next((line.strip() for line in rest.split("\n") if line.strip()), "")
    if not (
        following
        and first
        and len(first) <= _ATTACHED_TITLE
        and not _ATTACHED_SENTENCE.search(first)
        and not addresses(first)
    ):
        return (Block(text=text, kind=""),)
    body = Block(text=rest.strip("\n"), kind="")
    if "".join(first.split()) in {"".join(name.split()) for name in (shown, bare_subject(shown))}:
        return (body,)
    if addresses(following):
        return (Block(text=first, kind="heading", level=2), body)
    return (Block(text=text, kind=""),)


_ATTACHED_TITLE = 60  # a subject or a title line, not a paragraph
_ATTACHED_SENTENCE = re.compile(r"[。！？!?；;：:，,]")


def _zip_attachment(
    container: str, attachment: str, data: bytes
) -> tuple[list[tuple[str, _Decoded]], list[str]]:
    """The documents of a .zip attached to `container` (a saved e-mail, a PDF), each with the name its
    heading shows (「材料.zip › 通知/关于…」), and the notes on what was passed over and why. The archive is
    opened by `corpus.archive` with its limits (size, entries, ratio, encryption, names outside it) and
    cited 「container › 材料.zip › member」. One level: a mail read from inside an archive (its name a
    citation already) does not open the zips it carries, and in a zip a mail brings, a mail or an archive
    is named, not opened — each with what to do."""
    cited = f"{container}{MEMBER_MARK}{attachment}"
    if MEMBER_MARK in container:
        outer = container.split(MEMBER_MARK)[0]
        return [], [
            f"附件 {cited} 没有读入：压缩包里的文件所带的压缩包不再打开（只打开一层）：请先解压 {outer}，"
            f"从其中的 {PurePosixPath(container.split(MEMBER_MARK)[-1]).name} 里把 {attachment} 另存出来，再添加。"
        ]
    parts: list[tuple[str, _Decoded]] = []
    notes: list[str] = []
    try:
        with open_archive(cited, data) as archive:
            for member in archive.members:
                if member.passed_over is None and Path(member.inner).suffix.lower() in MAIL_SUFFIXES:
                    member = replace(
                        member,
                        passed_over=f"邮件所附压缩包中的邮件不再展开（只打开一层）：请先把 {attachment} 另存并解压，"
                        f"再添加其中的 {Path(member.inner).name}",
                    )
                if member.passed_over is not None:
                    notes.append(f"附件 {member.shown} 没有读入：{member.passed_over}。")
                    continue
                try:
                    document = archive.read(member)
                except CorpusError as e:
                    notes.append(f"附件 {member.shown} 没有读入：{e}")
                    continue
                shown = f"{attachment}{MEMBER_MARK}{PurePosixPath(member.inner).with_suffix('')}"
                parts.append(
                    (
                        shown,
                        _Decoded(
                            document.text,
                            document.encoding,
                            document.blocks,
                            document.reference,
                            document.notes,
                        ),
                    )
                )
    except CorpusError as e:
        notes.append(f"附件 {cited} 没有读入：{e}")
    return parts, notes


def _decode(name: str, suffix: str, data: bytes) -> _Decoded:
    """A file's text, encoding (or converter), blocks, reference text, notes, the day a saved e-mail
    was sent and a transcript's introduced speaker, read as `suffix`."""
    blocks: tuple = ()
    reference = ""
    notes: tuple[str, ...] = ()
    sent: str | None = None
    introduced: str | None = None
    if suffix in _WORD and (kind := web_page_kind(data)) is not None:
        # Word's 「网页」 or 「单个文件网页」 under a Word name, as sites offer notices for download (Word and
        # WPS open them without a word): read as the page it is
        suffix = ".html" if kind == "html" else ".mht"
    if suffix in _WORD:
        # a template (.dotx, .dotm) or a macro-enabled document (.docm) is the same package as a .docx
        readers = {".doc": read_doc, ".wps": read_wps}
        word = readers.get(suffix, read_docx)(name, data)
        # a recording's transcript exported to Word: the service's turn labels are not what was said
        transcript = read_transcript(word.blocks)
        blocks, reference, encoding, introduced = (
            typed_contents(transcript.blocks),
            word.reference,
            word.converter,
            transcript.speaker,
        )
        notes = word.notes
        text = blocks_text(blocks)
    elif suffix in SHEET_SUFFIXES or suffix in SLIDE_SUFFIXES:
        office = read_sheets(name, suffix, data) if suffix in SHEET_SUFFIXES else read_deck(name, data)
        blocks, reference, encoding = office.blocks, office.reference, office.converter
        text = blocks_text(blocks)
    elif suffix in _ODT:
        odt = read_odt(name, data)
        # a 目录 typed by hand left out, its entries marking the headings (corpus.contents), as a PDF's
        blocks, reference, encoding = typed_contents(odt.blocks), odt.reference, "odt"
        notes = odt.notes
        text = blocks_text(blocks)
    elif suffix in UOF_SUFFIXES:
        uof = read_uof(name, data)
        blocks, reference, encoding = uof.blocks, uof.reference, "uof"
        text = blocks_text(blocks)
    elif suffix in MARKDOWN_SUFFIXES:
        # a knowledge base's article: rendered to a page and read as one (corpus.markdown); its front
        # matter's date dates it when it names none, as a saved page's 「发布时间」 does
        page = read_markdown(name, data)
        blocks, reference, encoding, sent = page.blocks, page.reference, page.encoding, page.published
        text = blocks_text(blocks)
    elif suffix == ".rtf":
        rtf = read_rtf(name, data)
        blocks, encoding = typed_contents(rtf.blocks), f"rtf/{rtf.codepage}"
        text = blocks_text(blocks)
    elif suffix == ".txt":
        # Hard wraps and pasted page furniture undone (one paragraph per line, as every reader gives
        # text); the file's own lines stay the reference conservation checks the passages against.
        reference, encoding = decode_text(name, data)
        text, blocks, reference, sent = _plain(reference)
    elif suffix in MAIL_SUFFIXES:
        # an e-mail saved whole: read as the same message saved as text, then each attachment in a format
        # speechqa reads, by its own reader, under 「附件：name」 after the body (as a notice prints its
        # attachments after its signature); an attachment that cannot be read is named in a note
        said: list[str] = []
        message = read_eml(name, data, lambda picture, content: _shown_picture_text(picture, content, said))
        text, blocks, reference, sent = _plain(message.text, signed=True)
        encoding, notes = "eml", (*notes, *said)
        text, blocks, reference = _with_cards(
            text, blocks, reference, message.quoted_signatures, message.signature
        )
        if message.invitation:
            # a meeting invitation's event (its time, place, organizer): a section of its own after the
            # mail's text and card, so the notice still ends at its own 落款
            label = Block(text=INVITATION_LABEL, kind="heading", level=1)
            blocks = (
                *(blocks or ((Block(text=text, kind=""),) if text.strip() else ())),
                label,
                *(Block(text=line, kind="paragraph") for line in message.invitation.split("\n")),
            )
            text = blocks_text(blocks)
            reference = f"{reference.rstrip()}\n{label.text}\n{message.invitation}"
        text, blocks, reference, notes = _with_attachments(
            name, text, blocks, reference, notes, message.attachments
        )
    elif suffix in (".pdf", ".ofd"):
        try:
            pdf = read_pdf(name, data) if suffix == ".pdf" else read_ofd(name, data)
        except EmptyDocument:
            if suffix != ".pdf" or not embedded_files(data):
                raise
            # a PDF portfolio (as some OA systems export a notice and its forms): empty pages, the files it
            # carries its content, each read as an attachment is
            pdf = PdfText(text="", encoding="pdf", blocks=())
        text, encoding, blocks, notes = pdf.text, pdf.encoding, pdf.blocks, pdf.notes
        if suffix == ".pdf" and (attached := embedded_files(data)):
            # files carried inside the PDF (its 附件, as an OA system sends a notice and its forms): read
            # after the notice, as a saved e-mail's attachments are
            text, blocks, reference, notes = _with_attachments(name, text, blocks, reference, notes, attached)
        # a site's page printed to PDF by a browser: the site's lines around the notice are not its text;
        # its info line's day dates a notice that names none, as a saved page's does
        lines = [block.text for block in blocks] if blocks else text.split("\n")
        if site := printed_page_lines(lines):
            sent = next((day for n in sorted(site) if (day := published_day(lines[n])) is not None), None)
            if blocks:
                blocks = tuple(block for n, block in enumerate(blocks) if n not in site)
                text = blocks_text(blocks)
            else:
                text = "\n".join(line for n, line in enumerate(lines) if n not in site)
    elif suffix in EPUB_SUFFIXES:
        # an e-book: its spine's chapters read as one web page (corpus.epub); its metadata's date dates it
        page = read_epub(name, data)
        blocks, reference, encoding, sent = page.blocks, page.reference, page.encoding, page.published
        text = blocks_text(blocks)
    elif suffix in HTML_SUFFIXES and sheet_page_tables(name, data) is not None:
        # a workbook saved as one web page by LibreOffice Calc: read as the workbook (corpus.sheets), each
        # sheet a section under its name, not as a page titled 「Overview」 over 「Sheet 1: …」 lines
        office = read_sheets(name, suffix, data)
        blocks, reference, encoding = office.blocks, office.reference, office.converter
        text = blocks_text(blocks)
    elif suffix in HTML_SUFFIXES and is_hocr(data):
        # a scan turned into a web page by an OCR program (hOCR): read as the scan's OCR lines (corpus.hocr)
        # (its pages read with low confidence named as a scan's are: 「第 1 页是扫描件，文字识别把握较低…」)
        pages = hocr_pages(name, data)
        text, encoding = ocr.pages_text(pages), "ocr"
        doubtful = [(n, page.confidence) for n, page in enumerate(pages, start=1) if page.doubtful]
        if doubtful:
            notes = (ocr.doubtful_pages_note(doubtful),)
    elif suffix in HTML_SUFFIXES or suffix in MHT_SUFFIXES:
        # a page saved from a site: its body only (corpus.html); the date of its 「发布时间」 line is the
        # notice's when it names none of its own, as a saved e-mail's sending date is
        page = read_html(name, data) if suffix in HTML_SUFFIXES else read_mht(name, data)
        blocks, reference, encoding, sent = page.blocks, page.reference, page.encoding, page.published
        text = blocks_text(blocks)
    elif suffix in IMAGE_SUFFIXES:
        # a GIF is mostly a logo, an icon or an emoticon: read only when a frame is a page holding text
        gif = data[:6] in (b"GIF87a", b"GIF89a")
        pages = ocr.read_gif(name, data) if gif else ocr.read_image(name, data)
        text, encoding, blocks = ocr.pages_text(pages), "ocr", ocr.table_blocks(pages)
        doubtful = [(n, page.confidence) for n, page in enumerate(pages, start=1) if page.doubtful]
        if doubtful:
            notes = (ocr.doubtful_pages_note(doubtful, one_image=len(pages) == 1),)
    else:
        raise UnsupportedFormat(unsupported_message(name))
    return _Decoded(text, encoding, blocks, reference, notes, sent, introduced)
