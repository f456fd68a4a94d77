"""Rich Text Format (.rtf, what Word, WPS and old office systems save as 「RTF 格式」), read with its structure.

A small RTF reader of its own: a tokenizer (groups, control words with their parameters, control
symbols, \\'hh bytes, \\uN characters, \\bin data) and one pass that keeps the group state. No PyPI
package was used: striprtf (the usual choice) gives plain text only — no headings, table cells,
footnotes or list numbers — and decodes each \\'hh byte on its own, which splits a Chinese GBK pair.

Text: \\'hh bytes are gathered and decoded together in the code page of the current font's \\fcharset
(134 → GBK/GB18030, 136 → Big5, 128 → Shift-JIS, …) or else the document's \\ansicpg (936 for Chinese
Word and WPS), so a pair 「\\'d5\\'ca」 is one character; \\uN is read as the character N (negative N as
N + 65536) and the next \\ucN characters, its fallback for old readers, are skipped.

What is read, as Blocks in document order (the same kinds as a .docx, corpus.word):
- a paragraph whose style is Title / Subtitle (「标题」「副标题」) gets that kind, one with an outline
  level (\\outlinelevelN on it or on its style, through \\sbasedon) or a style named Heading N /
  标题 N is a heading of that level;
- \\listtext (and Word 6's \\pntext) is the number Word and LibreOffice show for a list paragraph
  (「一、」「（二）」「1.」): it is put in front of the paragraph's text as in corpus.numbering; a bullet
  adds nothing;
- table rows (\\intbl paragraphs, \\cell, \\row) → one "table_row" block per row, cells labelled by the
  header row (corpus.tables) and placed by their right edges (\\cellx): a cell merged down (\\clvmrg)
  shows the text above it, a cell merged across (\\clmrg) is read once, one cell across the whole table
  is read as it stands; a nested table's cells are read into their cell;
- \\footnote groups (endnotes too) → "note" blocks after what references them (corpus.notes);
- a shape's text box (\\shptxt) → its paragraphs after the paragraph it is anchored in (its picture
  copy for old readers, \\shprslt, is skipped);
- an equation ({\\mmath {\\*\\moMath …}}: Office Math, as Word and LibreOffice write it, each group named
  after its OMML element) → its linear text where it stands (corpus.equations), alone in its paragraph a
  display equation whose rows are blocks of kind "equation"; its picture for old readers (\\mmathPict) is
  skipped. An Equation Editor 3.0 object (\\object with Equation.3) shows only its picture: not read;
- \\line ends a line as Word shows it (corpus.layout.broken_lines), \\tab reads as a space; fields as their result (\\fldrslt), never their code, except a
  generated table of contents (a TOC field), whose entries repeat the headings and are not read;

Not read: the font, colour, style and list tables, \\info, page headers and footers (\\header…,
\\footer…), pictures and objects' data, comments (\\annotation), hidden text (\\v), tracked deletions
(\\deleted), words struck through by hand (\\strike, \\striked1 — Word's 「删除线」「双删除线」 — up to \\strike0,
\\striked0, \\plain or the group's end: a cancelled date is never read beside the new one, as in
corpus.word), the copy of a nested table for old readers (\\nonesttables), every \\* destination not known.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field, replace

from .equations import equation_text, rtf_math_element, rtf_math_text
from .errors import UnreadableFile
from .layout import broken_lines
from .notes import NotePlacement
from .numbering import with_label
from .records import Block
from .styles import named_kind
from .tables import table_blocks

MAX_GROUP_DEPTH = 400

_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?"  # control word and its parameter; one space delimiter is eaten
    rb"|\\'([0-9a-fA-F]{2})"  # a byte in the current code page
    rb"|\\([^a-zA-Z'])"  # control symbol
    rb"|([{}])"
    rb"|([^\\{}\r\n]+)"
    rb"|([\r\n]+)"
    rb"|(\\)",  # a backslash at the very end
    re.DOTALL,
)
# Destinations whose content is not text of the body.
_SKIPPED = frozenset(
    {
        "fonttbl",
        "colortbl",
        "stylesheet",
        "info",
        "listtable",
        "listoverridetable",
        "revtbl",
        "rsidtbl",
        "generator",
        "xmlnstbl",
        "header",
        "headerl",
        "headerr",
        "headerf",
        "footer",
        "footerl",
        "footerr",
        "footerf",
        "pict",
        "objdata",
        "objclass",
        "objname",
        "annotation",
        "atnid",
        "atnauthor",
        "atndate",
        "atnref",
        "atrfstart",
        "atrfend",
        "nonesttables",
        "nonshppict",
        "shprslt",
        "sp",
        "sn",
        "sv",
        "pn",
        "pnseclvl",
        "ftnsep",
        "ftnsepc",
        "aftnsep",
        "aftnsepc",
        "ftncn",
        "aftncn",
        "bkmkstart",
        "bkmkend",
        "template",
        "themedata",
        "colorschememapping",
        "datastore",
        "latentstyles",
        "pgdsctbl",
        "upr",
        "xe",
        "tc",
        "txe",
        "private",
        "userprops",
        "docvar",
        "mmathPr",
        "wgrffmtfilter",
        "listpicture",
        "panose",
        "falt",
        "fname",
        "passwordhash",
    }
)
# \* destinations that hold text to read (a shape's text box, the Unicode copy in \upr).
_STARRED_READ = frozenset({"shpinst", "shptxt", "ud"})
_SPECIAL = {
    "emdash": "\u2014",
    "endash": "\u2013",
    "lquote": "\u2018",
    "rquote": "\u2019",
    "ldblquote": "\u201c",
    "rdblquote": "\u201d",
    "bullet": "\u2022",
    "emspace": " ",
    "enspace": " ",
    "qmspace": " ",
    "tab": "\t",
    "line": "\n",
    "zwj": "",
    "zwnj": "",
}
_SYMBOLS = {"~": "\u00a0", "-": "", "_": "-", "{": "{", "}": "}", "\\": "\\", "\n": "", "\r": ""}
# A font of \\fcharset2 (SYMBOL_CHARSET: Symbol, Wingdings) holds pictures, not a code page's characters:
# its bytes above 0x7F are the font's glyphs, read here as the characters they draw where Unicode has them
# (WordPad writes its bullet as Symbol's \\'B7 in a \\pntext group); in a Chinese document they were read
# as a lone GBK lead byte, 「�」. A glyph not listed is left out; bytes below 0x80 are read as they were.
_SYMBOL_FONT = "symbol"
_SYMBOL_GLYPHS = {
    0xA2: "′", 0xA3: "≤", 0xA5: "∞", 0xA7: "♣", 0xA8: "♦", 0xA9: "♥", 0xAA: "♠", 0xAC: "←", 0xAE: "→",
    0xB0: "°", 0xB1: "±", 0xB2: "″", 0xB3: "≥", 0xB4: "×", 0xB7: "•", 0xB8: "÷", 0xB9: "≠", 0xBB: "≈",
    0xD6: "√", 0xE0: "◊",
}  # fmt: skip

_CHARSETS = {
    2: _SYMBOL_FONT,
    77: "mac_roman",
    128: "cp932",
    129: "cp949",
    130: "johab",
    134: "gb18030",
    136: "cp950",
    161: "cp1253",
    162: "cp1254",
    163: "cp1258",
    177: "cp1255",
    178: "cp1256",
    186: "cp1257",
    204: "cp1251",
    222: "cp874",
    238: "cp1250",
    255: "cp437",
}
_DBCS = frozenset({"gb18030", "cp936", "cp950", "cp932", "cp949", "johab"})
_BULLETS = frozenset("•·▪■□◆◇○●◦‣⁃-–—*")


@dataclass(frozen=True)
class RtfText:
    """What an .rtf holds: its body as blocks, and the code page its bytes were written in."""

    blocks: tuple[Block, ...]
    codepage: str


@dataclass(frozen=True)
class _State:
    """What a group carries (and restores when it closes)."""

    skip: bool = False
    uc: int = 1
    font: int | None = None
    hidden: bool = False
    deleted: bool = False
    strike: bool = False  # \strike, and \striked1 (double): words struck through, left out as a deletion is
    dstrike: bool = False
    style: int = 0
    outline: int | None = None
    intbl: bool = False
    target: str = "body"  # "body", "label" (\listtext), "font" / "style" (inside the tables), "note"


@dataclass
class _Style:
    name: str = ""
    based_on: int | None = None
    outline: int | None = None


@dataclass
class _Paragraph:
    parts: list[str] = field(default_factory=list)
    label: list[str] = field(default_factory=list)
    notes: list[Block] = field(default_factory=list)
    boxes: list[Block] = field(default_factory=list)
    formulas: list[str] = field(default_factory=list)  # the rows of the equations read into it


@dataclass
class _Note:
    """A footnote (kind "note") or a text box (kind "paragraph") being read: its paragraphs, and the one
    open. Both are read after the paragraph they are anchored in, as in a .docx."""

    kind: str = "note"
    paragraphs: list[str] = field(default_factory=list)
    current: list[str] = field(default_factory=list)


@dataclass
class _Row:
    cells: list[str]
    edges: list[tuple[int, bool, bool]]  # per cell: right edge (\cellx), merged across, merged down
    paragraphs: list[list[str]] = field(default_factory=list)  # per cell: its paragraphs


def read_rtf(name: str, data: bytes) -> RtfText:
    """The body of an .rtf as blocks, in document order."""
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not start.startswith(b"{\\rtf"):
        if start.startswith(b"PK\x03\x04"):
            raise UnreadableFile(f"{name} 其实是 .docx 或 .odt 文档，不是 RTF：请改回原来的扩展名再添加")
        if start.startswith(b"\xd0\xcf\x11\xe0"):
            raise UnreadableFile(
                f"{name} 其实是 Word 97–2003 文档（.doc），不是 RTF：请把扩展名改为 .doc 再添加"
            )
        raise UnreadableFile(f"{name} 不是有效的 RTF 文件（开头没有 RTF 标记）")
    reader = _Reader(name)
    reader.run(start)
    return RtfText(tuple(reader.blocks), reader.codepage)


class _Reader:
    def __init__(self, name: str) -> None:
        self.name = name
        self.codepage = "cp1252"
        self.charsets: dict[int, str] = {}
        self.styles: dict[int, _Style] = {}
        self.state = _State()
        self.stack: list[tuple[_State, object]] = []
        self.blocks: list[Block] = []
        self.placement = NotePlacement()
        self.paragraph = _Paragraph()
        self.cell: list[str] = []  # the paragraphs of the open table cell
        self.row: list[str] = []
        self.row_paragraphs: list[list[str]] = []  # per cell of the open row: its paragraphs
        self.edges: list[tuple[int, bool, bool]] = []
        self.merge = (False, False)
        self.rows: list[_Row] = []
        self.table_notes: list[Block] = []
        self.note: _Note | None = None
        self.fields: list[list[str]] = []  # the instructions of each open \\field, outermost first
        self.font_number: int | None = None  # the font being defined in the font table
        self.style_number = 0
        self.style_text: list[str] = []
        self.pending = bytearray()
        self.skip_chars = 0
        self.skip_trail = False
        self.star = False
        self.ended = False
        self.math: list = []  # type: ignore[type-arg]  # the OMML elements of the open math groups, outermost first
        self.math_fresh = False  # a group just opened inside an equation: its first word names its element

    # -- tokens ------------------------------------------------------------------------------------

    def run(self, data: bytes) -> None:
        position, size = 0, len(data)
        while position < size and not self.ended:
            match = _TOKEN.match(data, position)
            if match is None:  # cannot happen: every byte matches one alternative
                break
            position = match.end()
            word, parameter, byte, symbol, brace, text, _newline, _lone = match.groups()
            if byte is not None:
                value = int(byte, 16)
                if self.skip_chars:
                    self.skip_chars -= 1
                    # \uc1 with a two-byte GBK fallback (some writers count the pair as one character)
                    self.skip_trail = self.state.uc == 1 and value >= 0x81 and self._codec() in _DBCS
                elif self.skip_trail:
                    self.skip_trail = False
                elif self._collecting():
                    self.pending.append(value)
                continue
            self.skip_trail = False
            if text is not None:
                if self.skip_chars:
                    dropped = min(self.skip_chars, len(text))
                    self.skip_chars -= dropped
                    text = text[dropped:]
                if text and self._collecting():
                    self.pending.extend(text)
                continue
            if _newline is not None or _lone is not None:
                continue
            self._flush()
            if brace is not None:
                self.skip_chars = 0
                self._open() if brace == b"{" else self._close()
            elif word is not None:
                name = word.decode("ascii")
                value = int(parameter) if parameter is not None else None
                if name == "bin" and value:
                    position += max(0, value)
                    continue
                if self.skip_chars:
                    self.skip_chars -= 1
                    continue
                self._word(name, value)
            elif symbol is not None:
                if self.skip_chars:
                    self.skip_chars -= 1
                    continue
                char = symbol.decode("latin-1")
                if char == "*":
                    self.star = True
                elif char in "\r\n":
                    self._word("par", None)
                elif char in _SYMBOLS:
                    self._text(_SYMBOLS[char])
        self._flush()
        if self.stack or not self.ended:
            raise UnreadableFile(
                f"{self.name} 不完整（RTF 文件在中途被截断，可能只复制或下载了一部分），为免丢字没有添加"
            )
        if data[position:].strip(b" \t\r\n\x00\x1a"):  # padding after the end is usual, text is not
            raise UnreadableFile(
                f"{self.name} 已损坏（RTF 的括号不配对，文档结束后还有内容），为免丢字没有添加"
            )
        self._end_paragraph()
        self._end_table()
        self.blocks.extend(self.placement.rest())

    def _collecting(self) -> bool:
        return self._reading() or self.state.target in ("style", "fldinst")

    def _reading(self) -> bool:
        state = self.state
        return (
            not state.skip and not state.hidden and not state.deleted and not (state.strike or state.dstrike)
        )

    def _flush(self) -> None:
        """Decode the bytes gathered from text and \\'hh escapes, in the current font's code page."""
        if not self.pending:
            return
        codec = self._codec()
        if codec == _SYMBOL_FONT:
            text = "".join(chr(b) if b < 0x80 else _SYMBOL_GLYPHS.get(b, "") for b in self.pending)
        else:
            text = bytes(self.pending).decode(codec, errors="replace")
        self.pending.clear()
        self._text(text)

    def _codec(self) -> str:
        font = self.state.font
        if font is not None and font in self.charsets:
            return self.charsets[font]
        return self.codepage

    # -- groups ------------------------------------------------------------------------------------

    def _open(self) -> None:
        if len(self.stack) >= MAX_GROUP_DEPTH:
            raise UnreadableFile(f"{self.name} 不是有效的 RTF 文件（嵌套过深，可能已损坏）")
        self.stack.append((self.state, None))
        self.star = False
        self.math_fresh = self.state.target == "math"
        if self.state.target == "font":
            self.font_number = None
        elif self.state.target == "style":
            self.style_number, self.style_text = 0, []

    def _close(self) -> None:
        if not self.stack:
            return
        closing = self.state
        self.state, on_close = self.stack.pop()
        if on_close == "math" and len(self.math) > 1:
            self.math.pop()
        elif on_close == "equation":
            self._end_equation()
        if on_close == "note":
            self._end_note()
        elif on_close == "field" and self.fields:
            self.fields.pop()
        if closing.target == "style" and self.state.target == "style" and self.style_text:
            style = self.styles.setdefault(self.style_number, _Style())
            style.name = "".join(self.style_text).strip().rstrip(";").strip()
            self.style_text = []
        if not self.stack:
            self.ended = True

    def _set(self, **changes: object) -> None:
        self.state = replace(self.state, **changes)  # type: ignore[arg-type]

    def _destination(self, name: str) -> None:
        """Mark the group just opened (name is its first control word)."""
        saved, _ = self.stack[-1]
        if name in ("footnote", "shptxt"):
            if self.note is None and self._reading():
                self.note = _Note("note" if name == "footnote" else "paragraph")
                self.stack[-1] = (saved, "note")
                self._set(target="note")
            else:  # a note or text box inside another, or one whose anchor is deleted or hidden
                self._set(skip=True)
            return
        if name == "fonttbl":
            self._set(skip=True, target="font")
        elif name == "stylesheet":
            self._set(skip=True, target="style")
        elif name in ("listtext", "pntext"):
            self._set(target="label")
        else:
            self._set(skip=True)

    # -- control words -----------------------------------------------------------------------------

    def _word(self, name: str, value: int | None) -> None:
        starred, self.star = self.star, False
        state = self.state
        if state.target == "font":
            if starred:
                self._set(skip=True, target="skip")
            elif name == "f" and value is not None:
                self.font_number = value
            elif name == "fcharset" and value is not None and self.font_number is not None:
                codec = _CHARSETS.get(value)
                if codec:
                    self.charsets[self.font_number] = codec
            elif name == "cpg" and value and self.font_number is not None:
                self.charsets[self.font_number] = _codepage(value, self.codepage)
            return
        if state.target == "style":
            if name == "s" and value is not None:
                self.style_number = value
            elif name in ("cs", "ds", "ts", "tsrowd"):
                self.style_number = -1 - (value or 0)  # character, section, table styles: not paragraphs
            elif name == "sbasedon" and value is not None:
                self.styles.setdefault(self.style_number, _Style()).based_on = value
            elif name == "outlinelevel" and value is not None:
                self.styles.setdefault(self.style_number, _Style()).outline = value
            elif name == "u" and value is not None:
                self._text(chr(_code(value)) if _code(value) else "")
                self.skip_chars = state.uc
            elif name == "uc":
                self._set(uc=max(0, value or 0))
            return
        if state.target == "math" and not state.skip:
            self._math_word(name, value, starred)
            return
        if (
            name in ("moMath", "moMathPara")
            and self._reading()
            and state.target in ("body", "note")
            and not self.math
        ):
            # Office Math, as Word and LibreOffice write an equation ({\mmath {\*\moMath …}}): its groups
            # are its OMML elements, read into a tree and written out as corpus.equations reads a .docx's
            self.math = [rtf_math_element(name, None)]
            self.stack[-1] = (self.stack[-1][0], "equation")
            self._set(target="math")
            return
        if name == "field":
            self.fields.append([])
            self.stack[-1] = (self.stack[-1][0], "field")
            return
        if name == "fldinst":
            self._set(skip=True, target="fldinst")
            return
        if name == "fldrslt":
            instruction = "".join(self.fields[-1]).strip().upper() if self.fields else ""
            if instruction.startswith("TOC"):
                self._set(skip=True)  # a generated table of contents repeats the headings
            return
        if starred:
            if name == "footnote":  # LibreOffice writes {\*\footnote …}, Word {\footnote …}
                self._destination(name)
            elif name == "ud":
                self._set(skip=False)  # the Unicode copy of an \upr group's text
            elif name not in _STARRED_READ:
                self._set(skip=True)
            return
        if name in _SKIPPED or name in ("footnote", "shptxt", "listtext", "pntext"):
            self._destination(name)
            return
        if state.skip:
            if name == "uc":
                self._set(uc=max(0, value or 0))
            elif name == "u":
                self.skip_chars = state.uc
            return
        if name == "ansicpg" and value:
            self.codepage = _codepage(value, self.codepage)
        elif name in ("pc", "pca", "mac"):
            self.codepage = {"pc": "cp437", "pca": "cp850", "mac": "mac_roman"}[name]
        elif name == "f":
            self._set(font=value)
        elif name == "uc":
            self._set(uc=max(0, value or 0))
        elif name == "u" and value is not None:
            self._text(chr(_code(value)) if _code(value) else "")
            self.skip_chars = state.uc
        elif name == "v":
            self._set(hidden=value != 0)
        elif name == "deleted":
            self._set(deleted=value != 0)
        elif name == "strike":
            self._set(strike=value != 0)
        elif name == "striked":
            self._set(dstrike=value != 0)
        elif name == "plain":
            self._set(font=None, hidden=False, deleted=False, strike=False, dstrike=False)
        elif name == "pard":
            self._set(style=0, outline=None, intbl=False)
        elif name == "s" and value is not None:
            self._set(style=value)
        elif name == "outlinelevel" and value is not None:
            self._set(outline=value)
        elif name == "intbl":
            self._set(intbl=value != 0)
        elif name in ("par", "sect"):
            self._end_paragraph()
        elif name == "cell":
            self._end_paragraph()
            self._end_cell()
        elif name == "nestcell":
            self._end_paragraph()
        elif name == "row":
            self._end_paragraph()
            if self.cell:
                self._end_cell()
            self.rows.append(_Row(self.row, self.edges, self.row_paragraphs))
            self.row, self.row_paragraphs = [], []
        elif name == "trowd":
            self.edges, self.merge = [], (False, False)
        elif name in ("clmgf", "clmrg", "clvmgf", "clvmrg"):
            across, down = self.merge
            self.merge = (across or name == "clmrg", down or name == "clvmrg")
        elif name == "cellx" and value is not None:
            self.edges.append((value, *self.merge))
            self.merge = (False, False)
        elif name in _SPECIAL:
            if state.target == "label" and name == "tab":
                return  # the tab after a list number
            self._text(_SPECIAL[name])

    def _math_word(self, name: str, value: int | None, starred: bool) -> None:
        """A control word inside an equation: the first of a group names its OMML element (\\mf, \\mr …);
        characters (\\u, \\uc, the font) are read as in text; a starred group that is no element (a picture
        for old readers) and formatting are not read."""
        fresh, self.math_fresh = self.math_fresh, False
        if fresh and name.startswith("m") and len(name) > 1 and name[1].islower():
            self.math.append(rtf_math_element(name, self.math[-1]))
            self.stack[-1] = (self.stack[-1][0], "math")
        elif starred:
            self._set(skip=True)
        elif name == "u" and value is not None:
            if _code(value):
                self._text(chr(_code(value)))
            elif self.math and not self.state.skip and not self.state.hidden:
                # 「\u0」: LibreOffice writes the missing bracket of a one-sided brace as {\mendChr \u0\'00}
                # — a property set to nothing (Word's begChr val=""), so no bracket is drawn
                rtf_math_text(self.math[-1], "")
            self.skip_chars = self.state.uc
        elif name == "uc":
            self._set(uc=max(0, value or 0))
        elif name == "f":
            self._set(font=value)

    def _end_equation(self) -> None:
        """The equation closed: its linear text read where it stands, its rows remembered so that an
        equation alone in its paragraph (a display equation) is read as lines of their own."""
        root, self.math = (self.math[0] if self.math else None), []
        if root is None:
            return
        text = equation_text(root)
        rows = [row for row in text.split("\n") if row.strip()]
        if not rows:
            return
        self._text("\n".join(rows))
        if self.state.target == "body":
            self.paragraph.formulas.extend(rows)

    def _text(self, text: str) -> None:
        if not text:
            return
        state = self.state
        if state.target == "math":
            if self.math and not state.skip and not state.hidden:
                self.math_fresh = False
                rtf_math_text(self.math[-1], text)
            return
        if state.target == "fldinst":
            if self.fields:
                self.fields[-1].append(text)
            return
        if state.target == "style":
            self.style_text.append(text)
            return
        if not self._reading():
            return
        if state.target == "label":
            self.paragraph.label.append(text)
        elif state.target == "note" and self.note is not None:
            self.note.current.append(text)
        else:
            self.paragraph.parts.append(text)

    # -- paragraphs, notes, tables -----------------------------------------------------------------

    def _end_paragraph(self) -> None:
        if self.state.target == "note" and self.note is not None:
            text = _clean("".join(self.note.current))
            if text:
                self.note.paragraphs.append(text)
            self.note.current = []
            return
        paragraph, self.paragraph = self.paragraph, _Paragraph()
        text = _clean("".join(paragraph.parts))
        label = _clean("".join(paragraph.label))
        if label in _BULLETS or (len(label) == 1 and 0xE000 <= ord(label) <= 0xF8FF):
            label = ""
        text = with_label(label, text)
        if self.state.intbl:
            self.cell.extend(t for t in (text, *(b.text for b in paragraph.boxes)) if t)
            self.table_notes.extend(paragraph.notes)
            return
        self._end_table()
        block = None
        rows = {_clean(row) for row in paragraph.formulas}
        alone = (
            bool(rows)
            and not label
            and all(_clean(line) in rows for line in _text_lines(paragraph) if _clean(line))
        )
        if text and alone and self._kind()[0] == "paragraph":
            # equations alone in their paragraph: display equations, each row a line of its own
            for line in "".join(paragraph.parts).split("\n"):
                if line := _clean(line):
                    block = Block(text=line, kind="equation")
                    self.blocks.append(block)
        elif text:
            kind, level = self._kind()
            lines = broken_lines(with_label(label, "".join(paragraph.parts)), _clean)
            for line in lines if kind == "paragraph" else [text]:
                block = Block(text=line, kind=kind, level=level)
                self.blocks.append(block)
        self.blocks.extend(self.placement.after(block, paragraph.notes))
        self.blocks.extend(paragraph.boxes)

    def _end_note(self) -> None:
        note, self.note = self.note, None
        if note is None:
            return
        text = _clean("".join(note.current))
        if text:
            note.paragraphs.append(text)
        blocks = [Block(text=t, kind=note.kind) for t in note.paragraphs]
        (self.paragraph.notes if note.kind == "note" else self.paragraph.boxes).extend(blocks)

    def _end_table(self) -> None:
        if self.cell or self.row:  # a last row without its \row
            if self.cell:
                self._end_cell()
            self.rows.append(_Row(self.row, self.edges, self.row_paragraphs))
            self.row, self.row_paragraphs = [], []
        if not self.rows:
            return
        rows, self.rows = self.rows, []
        framed = [cell for row in rows for cell in row.paragraphs]
        if len(rows) == 1 and len(framed) == 1 and len(framed[0]) >= 2:
            # one cell holding several paragraphs: a frame drawn around text (see corpus.word._frame_cell)
            for text in framed[0]:
                self.blocks.extend(Block(text=line, kind="paragraph") for line in broken_lines(text, _clean))
        else:
            self.blocks.extend(table_blocks(_grid(rows)))
        notes, self.table_notes = self.table_notes, []
        self.blocks.extend(self.placement.after(None, notes))

    def _end_cell(self) -> None:
        self.row.append(" ".join(self.cell))
        self.row_paragraphs.append(self.cell)
        self.cell = []

    def _kind(self) -> tuple[str, int]:
        outline = self.state.outline
        if outline is not None and 0 <= outline < 9:
            return "heading", outline + 1
        number: int | None = self.state.style
        seen = 0
        while number is not None and number in self.styles and seen < 20:
            style = self.styles[number]
            named = named_kind(style.name)
            if named is not None:
                return named
            if style.outline is not None and 0 <= style.outline < 9:
                return "heading", style.outline + 1
            number = style.based_on if style.based_on != number else None
            seen += 1
        return "paragraph", 0


def _text_lines(paragraph: _Paragraph) -> list[str]:
    """A paragraph's lines as read (an equation's rows each a line)."""
    return "".join(paragraph.parts).split("\n")


def _grid(rows: list[_Row]) -> list[list[str] | str]:
    """Rows as corpus.tables wants them: cells by grid column (from the right edges of all rows)."""
    edges = sorted({edge for row in rows for edge, _, _ in row.edges})
    out: list[list[str] | str] = []
    above: dict[int, str] = {}
    for row in rows:
        if not row.edges or len(row.edges) < len(row.cells) or not edges:
            out.append(list(row.cells))
            above = {}
            continue
        cells: list[str] = [""] * len(edges)
        placed: list[tuple[int, int]] = []  # (first column, last column) of each cell read
        left = -(10**9)
        for text, (edge, across, down) in zip(row.cells, row.edges, strict=False):
            # a damaged row can repeat or reverse its edges: keep every cell inside the grid
            first = min(sum(1 for e in edges if e <= left), len(edges) - 1)
            last = min(max(first, sum(1 for e in edges if e <= edge) - 1), len(edges) - 1)
            left = edge
            if across:
                continue
            shown = above.get(first, "") if down else text
            cells[first] = f"{cells[first]} {shown}".strip() if cells[first] else shown
            placed.append((first, last))
        above = {first: cells[first] for first, _ in placed}
        if len(placed) == 1 and placed[0] == (0, len(edges) - 1) and len(edges) >= 2:
            out.append(cells[0])
        else:
            out.append(cells)
    return out


def _code(value: int) -> int:
    code = value + 65536 if value < 0 else value
    return code if 0 < code <= 0xFFFF else 0  # a surrogate pair's halves are joined in _clean


def _codepage(value: int, default: str) -> str:
    name = {936: "gb18030", 65001: "utf-8", 10000: "mac_roman", 10008: "gb18030"}.get(value, f"cp{value}")
    try:
        codecs.lookup(name)
    except LookupError:
        return default
    return name


def _clean(text: str) -> str:
    text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return re.sub(r"[ \t\u00a0]+", " ", text.replace("\r", " ").replace("\n", " ")).strip()
