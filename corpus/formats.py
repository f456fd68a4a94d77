"""What speechqa reads and how large a file it takes: the suffixes of every format, the line naming them for
help and refusals, the size limits, and archives named as what they are. Below the readers (corpus.reader)
and the zip opener (corpus.archive), which both need them."""

from __future__ import annotations

from pathlib import Path

from .epub import EPUB_SUFFIXES
from .markdown import MARKDOWN_SUFFIXES
from .odt import FLAT_ODT_SUFFIXES
from .sheets import SHEET_SUFFIXES
from .slides import SLIDE_SUFFIXES
from .uof import UOF_SUFFIXES
from .word import WORD_PACKAGE_SUFFIXES

__all__ = [
    "HTML_SUFFIXES",
    "IMAGE_SUFFIXES",
    "MAIL_SUFFIXES",
    "MAX_FILE_BYTES",
    "MAX_TEXT_BYTES",
    "MHT_SUFFIXES",
    "SUPPORTED_FORMATS",
    "SUPPORTED_SUFFIXES",
    "SYSTEM_FILE_NAMES",
    "is_archive",
    "is_office_lock_file",
    "is_system_file",
    "shortcut_advice",
    "size_refusal",
]

# .heic: a phone photo; .webp: a picture as WeChat, a browser or a phone's gallery saves one (libwebp);
# .avif: an AV1 still, as a browser's 「图片另存为」 or an Android gallery keeps one; .bmp: a Windows bitmap, as a
# 高拍仪's or a scanner's software saves a page by default; .jp2/.j2k: JPEG 2000, as archive digitising
# (「档案数字化」) and document scanners keep a page (Pillow's OpenJPEG); .gif: a page picture as a county site's
# 「通知公告」 posts one and a browser saves it (its first frame is the page)
IMAGE_SUFFIXES = (
    ".png",
    ".jpg",
    ".jpeg",
    ".tif",
    ".tiff",
    ".bmp",
    ".webp",
    ".avif",
    ".jp2",
    ".j2k",
    ".gif",
    ".heic",
    ".heif",
)
# .xhtml/.xht: a page written as XML (LibreOffice Writer's 「导出 › XHTML」, XSLT tools), read as a web page
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".xht")
MHT_SUFFIXES = (".mht", ".mhtml")  # a 「单个文件」 web page: the page and its pictures in one MIME message
MAIL_SUFFIXES = (".eml",)  # an e-mail saved whole: its body and its attachments
SUPPORTED_SUFFIXES = (
    ".txt",
    ".docx",
    *WORD_PACKAGE_SUFFIXES,  # a Word template or macro-enabled document: .dotx .docm .dotm (corpus.word)
    ".doc",
    ".wps",
    ".odt",
    *FLAT_ODT_SUFFIXES,  # LibreOffice's flat XML text: .fodt (corpus.odt)
    ".rtf",
    ".pdf",
    ".ofd",
    *HTML_SUFFIXES,
    *MHT_SUFFIXES,
    *MAIL_SUFFIXES,
    *IMAGE_SUFFIXES,
    *SHEET_SUFFIXES,  # spreadsheets: .xlsx .xlsm .xls .et .ods .csv (corpus.sheets)
    *SLIDE_SUFFIXES,  # slide decks: .pptx .pptm .ppsx .dps .odp (corpus.slides)
    *UOF_SUFFIXES,  # UOF text, GB/T 20916: .uot .uof (corpus.uof)
    *MARKDOWN_SUFFIXES,  # a knowledge base's export: .md .markdown (corpus.markdown)
    *EPUB_SUFFIXES,  # an e-book: .epub (corpus.epub)
)
# For messages and help texts: what can be added (the bot's /help, its refusals and the CLI say the same).
SUPPORTED_FORMATS = ".txt、.md、.docx、.doc、.wps、.odt/.fodt、.uot（UOF）、.rtf、.pdf、.ofd、.html/.xhtml/.mht（网页）、.eml/.mbox（邮件）、.xlsx/.xls/.et/.ods/.csv（表格）、.pptx/.dps/.odp（幻灯片）、.epub（电子书）、.dotx/.docm（Word 模板、启用宏的文档），以及 .png/.jpg/.tif/.bmp/.webp/.avif/.jp2/.gif 扫描图片和 .heic 手机照片"
# what Windows leaves beside documents in a folder (and in a zip made of it): a folder's thumbnail cache and its
# view settings, never a document; passed over without a word, in a folder as in an archive (lower case)
SYSTEM_FILE_NAMES = frozenset({"thumbs.db", "desktop.ini", "ehthumbs.db"})
MAX_FILE_BYTES = 50 * 1024 * 1024
# A plain text holds far more passages per byte than any other format: 10 MB of Chinese text is about
# 15,700 passages, over half an hour of embedding (docs/documents.md, 「Huge files」). A larger .txt is a log or
# a dump picked by mistake, or a collection better split: refused before it is read, by `add` and the bot.
MAX_TEXT_BYTES = 10 * 1024 * 1024


def size_refusal(name: str, size: int) -> str | None:
    """Why a file of `size` bytes is refused before it is read (one line naming it and the limit), or None:
    a .txt over MAX_TEXT_BYTES, any file over MAX_FILE_BYTES."""
    limit = MAX_TEXT_BYTES if Path(name).suffix.lower() in (".txt", *MARKDOWN_SUFFIXES) else MAX_FILE_BYTES
    if size <= limit:
        return None
    said = f"文件太大：{name}（{size / 1024 / 1024:.1f} MB）"
    if limit == MAX_TEXT_BYTES:
        return (
            f"{said}，纯文本文件最多 {limit // 1024 // 1024} MB：日志等选错的文件不要添加，"
            "确是讲话汇编请拆分成几个文件后再添加。"
        )
    return f"{said}，最多 {limit // 1024 // 1024} MB。"


# Archives staff receive speeches in (a notice's attachments, a folder sent by mail): not read, but named
# as what they are, with what to do.
_ARCHIVE_SUFFIXES = (".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz")


def is_archive(name: str) -> bool:
    """Whether a file name is that of a compressed archive (材料.zip, 讲话稿.tar.gz)."""
    return name.lower().endswith(_ARCHIVE_SUFFIXES)


def is_system_file(name: str) -> bool:
    """Whether a file name is one Windows leaves in a folder (Thumbs.db, desktop.ini), never a document."""
    return name.lower() in SYSTEM_FILE_NAMES


def is_office_lock_file(name: str) -> bool:
    """Whether a file name is the lock file Word, Excel, PowerPoint or WPS keeps beside a document while it is
    open (「~$讲话.docx」, 「~$阳节通知.docx」 for 「重阳节通知.docx」): a few bytes naming who opened it, never a document."""
    return name.startswith("~$")


# a shortcut, to a file (Windows' .lnk, a Linux desktop's .desktop) or to a web page (.url, macOS's .webloc): a few
# bytes pointing elsewhere, never the document itself
_FILE_SHORTCUTS = (".lnk", ".desktop")
_WEB_SHORTCUTS = (".url", ".webloc")


def shortcut_advice(name: str) -> str | None:
    """What to add instead of a shortcut named so (「快捷方式 - 通知.lnk」, 「老干部局网站.url」), in words for the
    user; None for any other file."""
    lowered = name.lower()
    if lowered.endswith(_FILE_SHORTCUTS):
        return "请添加它指向的文件本身（在快捷方式的「属性」里可以看到目标位置）"
    if lowered.endswith(_WEB_SHORTCUTS):
        return "它只记着一个网址（speechqa 不打开链接），请在浏览器里把网页另存为 .html 或打印成 PDF 再添加"
    return None
