"""What an OLE compound file (CFB: a Word 97–2003 .doc, or a password-protected .docx) holds.

The directory tells a .doc (a WordDocument stream) from an encrypted Office Open XML file
(EncryptionInfo and EncryptedPackage streams, how Word saves a .docx with an open password), and the
first bytes of a .doc's WordDocument stream say whether the .doc itself is encrypted. `streams` reads
the streams themselves (a .doc's text and character runs: corpus.revisions). Nothing is decrypted or
converted here.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END = 0xFFFFFFFE  # ENDOFCHAIN; anything from 0xFFFFFFFA up is not a sector number
_MAX_SECTOR = 0xFFFFFFFA
_HEADER_DIFAT = 109
_ENTRY = 128
_MINI_CUTOFF = 4096  # smaller streams live in the mini stream; a WordDocument stream never does
_F_ENCRYPTED = 0x0100  # FibBase flags: fEncrypted


@dataclass(frozen=True)
class Contents:
    """The streams of a compound file by name, and whether it is an Office file saved with a password."""

    streams: frozenset[str]
    encrypted: bool

    @property
    def word_document(self) -> bool:
        """A Word 97–2003 document (it has a WordDocument stream)."""
        return "WordDocument" in self.streams


def is_cfb(data: bytes) -> bool:
    return data.startswith(MAGIC)


def contents(data: bytes) -> Contents | None:
    """The streams a compound file holds, or None when its header or directory cannot be read."""
    try:
        entries = _directory(data)
        names = frozenset(name for name, kind, _, _ in entries if kind in (1, 2))
        encrypted = {"EncryptionInfo", "EncryptedPackage"} <= names
        for name, kind, start, size in entries:
            if name == "WordDocument" and kind == 2 and size >= _MINI_CUTOFF:
                sector_size = 1 << struct.unpack_from("<H", data, 30)[0]
                (flags,) = struct.unpack_from("<H", data, (start + 1) * sector_size + 10)
                encrypted = encrypted or bool(flags & _F_ENCRYPTED)
    except (struct.error, ValueError, IndexError):
        return None
    return Contents(names, encrypted)


def stream_count(data: bytes, name: str) -> int:
    """How many streams called `name` the compound file holds in any of its storages (a .doc keeps each
    embedded object in a storage of its own: an Equation Editor 3.0 formula's is 「Equation Native」); 0 when
    the directory cannot be read."""
    try:
        return sum(1 for entry, kind, _, _ in _directory(data) if kind == 2 and entry == name)
    except (struct.error, ValueError, IndexError):
        return 0


def streams(data: bytes, names: tuple[str, ...]) -> dict[str, bytes] | None:
    """The streams of the root storage called `names` (those it has), each followed along its chain of
    sectors (a stream under 4096 bytes along the mini stream's); None when the file cannot be read so."""
    try:
        shift = struct.unpack_from("<H", data, 30)[0]
        size = 1 << shift
        fat = _fat(data)
        entries = _directory(data)
        root = next(entry for entry in entries if entry[1] == 5)
        mini = _chain(data, fat, root[2], size, root[3])
        mini_fat_start = struct.unpack_from("<I", data, 60)[0]
        raw_mini_fat = (
            _chain(data, fat, mini_fat_start, size, len(data)) if mini_fat_start < _MAX_SECTOR else b""
        )
        mini_fat = list(
            struct.unpack(f"<{len(raw_mini_fat) // 4}I", raw_mini_fat[: len(raw_mini_fat) // 4 * 4])
        )
        out: dict[str, bytes] = {}
        for name, kind, start, length in entries:
            if kind != 2 or name not in names or name in out:
                continue
            if length < _MINI_CUTOFF:
                out[name] = _mini_chain(mini, mini_fat, start, length)
            else:
                out[name] = _chain(data, fat, start, size, length)
    except (struct.error, ValueError, IndexError, StopIteration):
        return None
    return out


def _chain(data: bytes, fat: list[int], start: int, size: int, length: int) -> bytes:
    """`length` bytes (at most) of the sectors chained from `start`; a loop or a sector out of the file
    is a damaged file."""
    sectors = (len(data) - size) // size
    parts: list[bytes] = []
    current = start
    while current < _MAX_SECTOR and len(parts) * size < length:
        if current >= len(fat) or len(parts) > sectors:
            raise ValueError("broken sector chain")
        parts.append(_sector(data, size, current))
        current = fat[current]
    return b"".join(parts)[:length]


def _mini_chain(mini: bytes, mini_fat: list[int], start: int, length: int) -> bytes:
    parts: list[bytes] = []
    current = start
    while current < _MAX_SECTOR and len(parts) * 64 < length:
        if not 0 <= current < len(mini_fat) or len(parts) > len(mini_fat):
            raise ValueError("broken mini sector chain")
        parts.append(mini[current * 64 : (current + 1) * 64])
        current = mini_fat[current]
    return b"".join(parts)[:length]


def _fat(data: bytes) -> list[int]:
    """The file allocation table: the next sector of each sector."""
    shift = struct.unpack_from("<H", data, 30)[0]
    if not is_cfb(data) or len(data) < 512 or shift not in (9, 12):
        raise ValueError("not a compound file")
    size = 1 << shift
    sectors = (len(data) - size) // size

    # the FAT's own sectors: 109 listed in the header, the rest in a chain of DIFAT sectors
    fat_sectors = list(struct.unpack_from(f"<{_HEADER_DIFAT}I", data, 76))
    difat = struct.unpack_from("<I", data, 68)[0]
    seen = 0
    while difat < _MAX_SECTOR and seen <= sectors:
        words = struct.unpack(f"<{size // 4}I", _sector(data, size, difat))
        fat_sectors.extend(words[:-1])
        difat, seen = words[-1], seen + 1
    fat: list[int] = []
    for n in fat_sectors:
        if n < _MAX_SECTOR:
            fat.extend(struct.unpack(f"<{size // 4}I", _sector(data, size, n)))
    return fat


def _sector(data: bytes, size: int, n: int) -> bytes:
    """Sector `n` of the file (the header takes the first `size` bytes); one past the file's end is damage."""
    if not 0 <= n < (len(data) - size) // size:
        raise ValueError("sector out of range")
    return data[(n + 1) * size : (n + 2) * size]


def _directory(data: bytes) -> list[tuple[str, int, int, int]]:
    """(name, object type, start sector, size) of every directory entry."""
    if not is_cfb(data) or len(data) < 512:
        raise ValueError("not a compound file")
    shift = struct.unpack_from("<H", data, 30)[0]
    if shift not in (9, 12):
        raise ValueError("bad sector size")
    size = 1 << shift
    sectors = (len(data) - size) // size  # sectors the file really has (the header takes the first)
    fat = _fat(data)
    entries = []
    current, steps = struct.unpack_from("<I", data, 48)[0], 0
    while current != _END and current < _MAX_SECTOR:
        block = _sector(data, size, current)
        for offset in range(0, size, _ENTRY):
            raw = block[offset : offset + _ENTRY]
            length = struct.unpack_from("<H", raw, 64)[0]
            kind = raw[66]
            if kind == 0 or not 2 <= length <= 64:
                continue
            name = raw[: length - 2].decode("utf-16-le", errors="replace")
            start, stream_size = struct.unpack_from("<IQ", raw, 116)
            if shift == 9:  # version 3: only the low 32 bits of the size are meaningful
                stream_size &= 0xFFFFFFFF
            entries.append((name, kind, start, stream_size))
        steps += 1
        if steps > sectors or current >= len(fat):
            break
        current = fat[current]
    return entries


_SUMMARY = "\x05SummaryInformation"
_PID_CODEPAGE, _PID_TITLE = 1, 2
_VT_I2, _VT_LPSTR, _VT_LPWSTR = 0x02, 0x1E, 0x1F


def summary_title(data: bytes) -> str | None:
    """The title a compound file keeps in its SummaryInformation property set (a .xls's or .doc's
    「属性 › 标题」: an 8-bit string in the set's code page, or UTF-16), or None when it has none or the set
    cannot be read."""
    found = streams(data, (_SUMMARY,))
    raw = (found or {}).get(_SUMMARY)
    if not raw:
        return None
    try:
        (section,) = struct.unpack_from("<I", raw, 44)  # the first set's offset, after its FMTID
        _, count = struct.unpack_from("<II", raw, section)
        places = dict(struct.unpack_from("<II", raw, section + 8 + 8 * n) for n in range(min(count, 256)))
        codepage = "cp1252"
        if _PID_CODEPAGE in places:
            kind, value = struct.unpack_from("<Hxxh", raw, section + places[_PID_CODEPAGE])
            if kind == _VT_I2:
                code = value & 0xFFFF
                codepage = {65001: "utf-8", 1200: "utf-16-le"}.get(code, f"cp{code}")
        if _PID_TITLE not in places:
            return None
        at = section + places[_PID_TITLE]
        kind, length = struct.unpack_from("<HxxI", raw, at)
        if kind == _VT_LPWSTR:
            text = raw[at + 8 : at + 8 + 2 * length].decode("utf-16-le")
        elif kind == _VT_LPSTR:
            text = raw[at + 8 : at + 8 + length].decode(codepage)
        else:
            return None
    except (struct.error, LookupError, UnicodeDecodeError):
        return None
    return text.split("\x00", 1)[0]
