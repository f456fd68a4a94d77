"""PDF fonts whose encoding is a CMap embedded in the file under a name of its own, read as they print.

A composite (Type 0) font turns a string's codes into glyph ids (CIDs) by its encoding CMap: a predefined one
named (``/Identity-H``, ``/UniGB-UCS2-H``), or one embedded as a stream. fpdf2 embeds one for every OpenType
(CFF) font — Noto Sans CJK, Source Han Sans, the free CJK fonts — named ``/Adobe-Identity-UCS``, mapping its
codes 1, 2, 3… to the glyphs' CIDs, and a ToUnicode map from the same codes to the characters. pdfminer looks a
CMap up by its name only: it found none by that name, decoded every string as no character at all, and a
notice written by fpdf2 was refused as 「没有可提取的文字」. (poppler and pypdf read it.)

`ResourceManager` is pdfminer's, but such a font is read through its own CMap: its codes become the CIDs the
font is read by (Identity-H), each given the width of the glyph it names, so the ToUnicode map — keyed by
code, as the PDF standard says — gives each its character, and the characters stand where they print.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from pdfminer.cmapdb import CMapDB
from pdfminer.pdffont import PDFFont, get_widths
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdftypes import PDFStream, list_value, resolve1
from pdfminer.psparser import LIT, PSLiteral

__all__ = ["ResourceManager", "identity_encoded"]

_CID_FONTS = ("CIDFontType0", "CIDFontType2")


class ResourceManager(PDFResourceManager):
    """pdfminer's resource manager, reading a CID font whose encoding is an embedded CMap pdfminer has no
    name for through that CMap (`identity_encoded`)."""

    def get_font(self, objid: object, spec: Mapping[str, object]) -> PDFFont:
        return super().get_font(objid, identity_encoded(spec))


def _name(value: object) -> str:
    value = resolve1(value)
    return value.name if isinstance(value, PSLiteral) else str(value or "")


def identity_encoded(spec: Mapping[str, object]) -> Mapping[str, object]:
    """`spec` (a CID font's, as pdfminer builds it from a Type 0 font) with an embedded two-byte CMap that
    pdfminer does not know by name replaced by Identity-H over the same codes: its widths re-keyed from CID
    to code. Any other spec — a simple font, a named or known CMap, one-byte or vertical codes, no ToUnicode
    stream to read the codes by — is returned as it is."""
    if _name(spec.get("Subtype")) not in _CID_FONTS:
        return spec
    encoding = resolve1(spec.get("Encoding"))
    if not isinstance(encoding, PDFStream) or not isinstance(resolve1(spec.get("ToUnicode")), PDFStream):
        return spec
    try:
        CMapDB.get_cmap(_name(encoding.get("CMapName")))
        return spec  # a predefined CMap embedded under its own name: pdfminer reads it
    except CMapDB.CMapNotFound:
        pass
    try:
        source = encoding.get_data().decode("latin-1")
    except Exception:  # a damaged stream: read as pdfminer would have
        return spec
    codes = code_cids(source)
    if not codes or _VERTICAL.search(source):
        return spec
    widths = get_widths(list_value(spec.get("W", [])))
    keyed: list[object] = []
    for code, cid in sorted(codes.items()):
        if cid in widths:
            keyed += [code, [widths[cid]]]
    return {**spec, "Encoding": LIT("Identity-H"), "W": keyed}


_VERTICAL = re.compile(r"/WMode\s+1\b")
_BLOCK = re.compile(r"begincid(char|range)(.*?)endcid\1", re.S)
_CHAR = re.compile(r"<([0-9A-Fa-f\s]+)>\s*(\d+)")
_RANGE = re.compile(r"<([0-9A-Fa-f\s]+)>\s*<([0-9A-Fa-f\s]+)>\s*(\d+)")


def code_cids(cmap: str) -> dict[int, int]:
    """The CID of every two-byte code of an embedded CMap's source (its ``begincidchar`` and
    ``begincidrange`` blocks); empty when any of its codes is not two bytes long (Identity-H could not read
    them)."""
    codes: dict[int, int] = {}
    for kind, body in _BLOCK.findall(cmap):
        if kind == "char":
            entries = [(code, code, int(cid)) for code, cid in _CHAR.findall(body)]
        else:
            entries = [(first, last, int(cid)) for first, last, cid in _RANGE.findall(body)]
        for first, last, cid in entries:
            first, last = "".join(first.split()), "".join(last.split())
            if len(first) != 4 or len(last) != 4:
                return {}
            for offset, code in enumerate(range(int(first, 16), int(last, 16) + 1)):
                codes[code] = cid + offset
    return codes
