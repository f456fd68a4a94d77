"""Office documents that are zip archives (.docx, .odt, .xlsx, .pptx, .ofd…): the one guard against an archive
that inflates without end (a zip bomb), checked before any part of it is read, and what a damaged one raises."""

from __future__ import annotations

import zipfile
import zlib

from .errors import UnreadableFile

__all__ = ["MAX_INFLATED", "MAX_RATIO", "ZIP_DAMAGE", "refuse_zip_bomb"]

# What zipfile raises on a damaged archive: its directory unreadable or cut short (BadZipFile, EOFError), a
# member that does not inflate (zlib.error) or in a method it cannot (NotImplementedError), a name flagged
# UTF-8 that is not (UnicodeDecodeError, a ValueError), a seek past either end (OSError, ValueError).
ZIP_DAMAGE: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    OSError,
    ValueError,
)

# Refuse archives that would inflate past this, or by more than this ratio to their size.
MAX_INFLATED = 200 * 1024 * 1024
MAX_RATIO = 200


def refuse_zip_bomb(name: str, archive: zipfile.ZipFile, size: int) -> None:
    """Raise UnreadableFile when `archive` (`size` bytes as a file) would inflate past MAX_INFLATED bytes
    or to more than MAX_RATIO times its size."""
    inflated = sum(info.file_size for info in archive.infolist())
    if inflated > MAX_INFLATED or inflated > MAX_RATIO * max(size, 1):
        raise UnreadableFile(f"{name} 解压后过大，疑似损坏或恶意文件，已拒绝")
