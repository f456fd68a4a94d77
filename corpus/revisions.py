"""Tracked deletions of a Word 97–2003 .doc, read from its own streams ([MS-DOC]).

A draft saved with its changes recorded (「修订」) keeps the text it deletes, marked on its character runs by
sprmCFRMarkDel (0x0800): Word and LibreOffice show it struck through, and print the document without it.
antiword 0.37 does not see the mark as LibreOffice writes it and reads the deleted text as text
(「2028年4月20日至21日4月27日至28日」: the old date before the new). Here the main text is read from the
WordDocument stream through the piece table (the Clx in the table stream), the runs from the character
property pages (PlcBteChpx → ChpxFkp), and `without_deletions` takes the deleted characters out of a
converter's text of the same document by walking the two in step: the converter's layout (its line breaks,
table marks) stays as it printed it, and where the two part ways (a converter's own marks, text it does
not print) nothing is taken out.
"""

from __future__ import annotations

import bisect
import struct
from dataclasses import dataclass

from . import cfb

__all__ = ["DocCharacters", "doc_characters", "without_deletions"]

_WHICH_TABLE = 0x0200  # FibBase: fWhichTblStm, the table stream is 1Table
_CCP_TEXT = 76  # FibRgLw97.ccpText: the main text's length in characters
_FC_LCB = 154  # FibRgFcLcb97, after cbRgFcLcb: (fc, lcb) pairs into the table stream
_PLCF_BTE_CHPX = 12  # its 13th pair: the character property pages
_CLX = 33  # its 34th pair: the piece table
_MARK_DEL = 0x0800  # sprmCFRMarkDel: a deleted run of a tracked change
_OPERAND = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}  # a sprm's operand size by its spra (6: sized)
_FIELD_BEGIN, _FIELD_SEPARATE, _FIELD_END = "\x13", "\x14", "\x15"


@dataclass(frozen=True)
class DocCharacters:
    """The main text of a .doc as it is stored, each character with whether a tracked change deleted it."""

    text: str
    deleted: tuple[bool, ...]

    @property
    def has_deletions(self) -> bool:
        return any(self.deleted)


def doc_characters(data: bytes) -> DocCharacters | None:
    """The main text of the .doc `data` (field codes left out, their results kept) with its deleted
    characters marked; None when it is not a Word 97–2003 file these streams can be read from."""
    streams = cfb.streams(data, ("WordDocument", "0Table", "1Table"))
    if streams is None or "WordDocument" not in streams:
        return None
    word = streams["WordDocument"]
    try:
        (flags,) = struct.unpack_from("<H", word, 10)
        table = streams.get("1Table" if flags & _WHICH_TABLE else "0Table")
        if table is None:
            return None
        (length,) = struct.unpack_from("<i", word, _CCP_TEXT)
        pieces = _pieces(word, table)
        deleted = _deleted_spans(word, table)
    except (struct.error, ValueError, IndexError):
        return None
    starts = [a for a, _ in deleted]
    chars: list[str] = []
    marks: list[bool] = []
    for cp0, cp1, fc, compressed in pieces:
        width = 1 if compressed else 2
        # pieces in order, each from where the last ended: overlapping or repeated ones (a damaged or crafted
        # file) read no character twice, and never more than the main text's length in all
        for cp in range(max(cp0, len(chars)), min(cp1, length)):
            at = fc + (cp - cp0) * width
            raw = word[at : at + width]
            if len(raw) < width:
                return None
            chars.append(
                raw.decode("cp1252", "replace") if compressed else raw.decode("utf-16-le", "replace")
            )
            span = bisect.bisect_right(starts, at) - 1
            marks.append(span >= 0 and at < deleted[span][1])
    return _without_field_codes("".join(chars), marks)


def _pieces(word: bytes, table: bytes) -> list[tuple[int, int, int, bool]]:
    """The piece table: (first character, end, where in the WordDocument stream, 8-bit or not)."""
    fc, lcb = struct.unpack_from("<II", word, _FC_LCB + 8 * _CLX)
    clx = table[fc : fc + lcb]
    at = 0
    while at < len(clx) and clx[at] == 0x01:  # Prc: property modifiers of the pieces, not text
        at += 3 + struct.unpack_from("<h", clx, at + 1)[0]
    if at >= len(clx) or clx[at] != 0x02:
        raise ValueError("no piece table")
    (size,) = struct.unpack_from("<I", clx, at + 1)
    plc = clx[at + 5 : at + 5 + size]
    count = (size - 4) // 12
    cps = struct.unpack_from(f"<{count + 1}i", plc, 0)
    pieces = []
    for k in range(count):
        (place,) = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * k + 2)
        compressed = bool(place & 0x40000000)
        start = (place & 0x3FFFFFFF) // 2 if compressed else place & 0x3FFFFFFF
        pieces.append((cps[k], cps[k + 1], start, compressed))
    return pieces


def _deleted_spans(word: bytes, table: bytes) -> list[tuple[int, int]]:
    """The byte ranges of the WordDocument stream whose characters a tracked change deleted."""
    fc, lcb = struct.unpack_from("<II", word, _FC_LCB + 8 * _PLCF_BTE_CHPX)
    bte = table[fc : fc + lcb]
    count = (lcb - 4) // 8
    spans = []
    for pn in struct.unpack_from(f"<{count}I", bte, 4 * (count + 1)):
        page = word[(pn & 0x3FFFFF) * 512 : (pn & 0x3FFFFF) * 512 + 512]
        if len(page) < 512:
            raise ValueError("a property page past the stream's end")
        runs = page[511]
        bounds = struct.unpack_from(f"<{runs + 1}I", page, 0)
        for r in range(runs):
            offset = page[4 * (runs + 1) + r] * 2
            if offset and _marks_deleted(page[offset + 1 : offset + 1 + page[offset]]):
                spans.append((bounds[r], bounds[r + 1]))
    return sorted(spans)


def _marks_deleted(grpprl: bytes) -> bool:
    at = 0
    while at + 2 <= len(grpprl):
        (sprm,) = struct.unpack_from("<H", grpprl, at)
        at += 2
        size = _OPERAND.get(sprm >> 13)
        if size is None:
            size = (grpprl[at] if at < len(grpprl) else 0) + 1
        if sprm == _MARK_DEL and at < len(grpprl) and grpprl[at] in (0x01, 0x81):
            return True
        at += size
    return False


def _without_field_codes(text: str, deleted: list[bool]) -> DocCharacters:
    """A field prints its result (between its separator and its end), not its code: the codes are left out."""
    out: list[str] = []
    marks: list[bool] = []
    depth_in_code: list[bool] = []  # for each open field, whether its code is being read
    for char, mark in zip(text, deleted, strict=True):
        if char == _FIELD_BEGIN:
            depth_in_code.append(True)
        elif char == _FIELD_SEPARATE and depth_in_code:
            depth_in_code[-1] = False
        elif char == _FIELD_END and depth_in_code:
            depth_in_code.pop()
        elif not any(depth_in_code):
            out.append(char)
            marks.append(mark)
    return DocCharacters("".join(out), tuple(marks))


def without_deletions(printed: str, characters: DocCharacters) -> str:
    """`printed` (a converter's text of the document) with the characters a tracked change deleted taken
    out: walking `printed` and the stored text in step, each printed character that is the next stored one
    is dropped when that one was deleted; whitespace and what the stored text does not hold next (a
    converter's own marks) are kept as printed, and the stored text waits for them."""
    stored = [
        (c, d)
        for c, d in zip(characters.text, characters.deleted, strict=True)
        if not c.isspace() and c >= " "
    ]
    out: list[str] = []
    at = 0
    for char in printed:
        if at < len(stored) and char == stored[at][0]:
            if not stored[at][1]:
                out.append(char)
            at += 1
        else:
            out.append(char)
    return "".join(out)
