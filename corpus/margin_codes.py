"""The text a spreadsheet's page header or footer prints, read from its code (Excel's 「页面设置 › 页眉/页脚」).

A header or footer is one string in Excel's header grammar (ECMA-376 Part 1, §18.3.1.39 ``oddHeader``; the
same in an .xls's HEADER record): ``&L``, ``&C`` and ``&R`` open its left, centre and right parts (text before
any of them is the centre's); ``&&`` is an ampersand; the rest are codes that print no text of their own —
formatting (``&B`` bold, ``&I`` italic, ``&U``/``&E`` underline, ``&S`` strike, ``&X``/``&Y`` super- and
subscript, ``&O`` outline, ``&H`` shadow, ``&K`` with a colour — ``RRGGBB``, or a theme colour and its tint,
``&K04+000``, ``&K01-050`` —, ``&"黑体,加粗"`` a font, ``&14`` a size in points) and fields the printing fills in
(``&P`` page, with ``+n``/``-n``, ``&N`` pages, ``&D`` date, ``&T`` time, ``&F`` file, ``&A`` sheet, ``&Z``
path, ``&G`` picture, or their ``&[Page]`` forms). A part holding a field prints the printing's words, not
the sheet's: it is page furniture and is not read. openpyxl's own reading of the string left codes in the
text (``&KFF0000``, ``&O``, ``&K04+000``) and took the digits after a size for the size (「&122035年…」 lost
its year); this reads the string as Excel does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["MarginPart", "margin_parts", "printed_lines"]


@dataclass(frozen=True)
class MarginPart:
    """One part of a header or footer: where it prints (``"L"``, ``"C"``, ``"R"``), the text it holds with
    every code taken out (its lines as written), and whether a field is in it."""

    place: str
    text: str
    has_field: bool


_FIELDS = frozenset("PNDTFAZG")
_FORMATS = frozenset("BIUSEXYOH")
_COLOUR = re.compile(r"[0-9A-Fa-f]{6}|\d\d[+-]\d{2,3}")
_PAGE_OFFSET = re.compile(r"[+-]\d+")
_BRACKET_FIELD = re.compile(r"\[(?:Page|Pages|Date|Time|File|Tab|Path|Picture)\]", re.IGNORECASE)
_SIZE = re.compile(r"\d+")
# Excel's type sizes run 1 to 409 points: a longer run of digits is a two-digit size (the grammar's &nn)
# and a text that begins with digits (「&122035年…」, written without the space Excel puts there)
_LONGEST_SIZE = 3


def margin_parts(code: str) -> tuple[MarginPart, ...]:
    """The parts of a header or footer `code`, in the order they are opened (the centre first when text
    comes before any part's code), each with its codes taken out."""
    texts: list[list[str]] = []
    places: list[str] = []
    fields: list[bool] = []

    def open_part(place: str) -> None:
        places.append(place)
        texts.append([])
        fields.append(False)

    open_part("C")
    at = 0
    while at < len(code):
        char = code[at]
        if char != "&":
            texts[-1].append(char)
            at += 1
            continue
        if at + 1 >= len(code):  # a lone & at the end prints nothing
            break
        code_char = code[at + 1].upper()  # 「第&p页」 is a page field as 「第&P页」 is (Excel reads either)
        at += 2
        if code_char == "&":
            texts[-1].append("&")
        elif code_char in "LCR":
            open_part(code_char)
        elif code_char in _FIELDS:
            fields[-1] = True
            if code_char == "P" and (offset := _PAGE_OFFSET.match(code, at)):
                at = offset.end()
        elif code_char == "[" and (named := _BRACKET_FIELD.match(code, at - 1)):
            fields[-1] = True
            at = named.end()
        elif code_char in _FORMATS:
            pass
        elif code_char == "K":
            if colour := _COLOUR.match(code, at):
                at = colour.end()
        elif code_char == '"':
            end = code.find('"', at)
            at = len(code) if end < 0 else end + 1
        elif code_char.isdigit():
            digits = _SIZE.match(code, at - 1)
            assert digits is not None
            run = digits.group()
            at = digits.end() if len(run) <= _LONGEST_SIZE else at - 1 + 2
            if at < len(code) and code[at] == " ":  # the space written after a size (before digits)
                at += 1
        else:  # a code the grammar does not name: its letter is kept, nothing of the text is lost
            texts[-1].append(code[at - 1])
    return tuple(
        MarginPart(place, "".join(text), field)
        for place, text, field in zip(places, texts, fields, strict=True)
        if "".join(text).strip() or field
    )


def printed_lines(code: str) -> tuple[str, ...]:
    """The lines a header or footer `code` prints that belong to the sheet: its left, centre and right parts
    in that order, one line a part (a part's own lines joined by a space, every run of spaces one); a part
    holding a field is left out."""
    parts = margin_parts(code)
    lines = (
        " ".join(part.text.split())
        for place in "LCR"
        for part in parts
        if part.place == place and not part.has_field
    )
    return tuple(line for line in lines if line)
