"""UOF text documents (.uot, .uof): 统一办公格式, GB/T 20916, the Chinese national office format that
Yozo Office (永中), RedOffice, WPS and LibreOffice (「UOF 文本」) save — one XML file whose elements are
named in Chinese.

The body is 「uof:文字处理 › 字:主体」: its 「字:段落」 (paragraph) and 「字:文字表」 (table) children in order;
a 「字:分节」 holds a section's page settings with its 页眉 and 页脚, which are not read (running furniture, as
in every format). A paragraph's text is its 「字:句」 runs' 「字:文本串」, 「字:空格符」 (its 「字:个数」 spaces),
「字:制表符」 (a tab) and 「字:换行符」 (a line break); a field's code (「字:域代码」) is not text, its shown
result (the runs up to 「字:域结束」) is. A footnote or endnote (「字:脚注」「字:尾注」 inside a run) is a
paragraph of its own after the paragraph that references it.

Structure comes from the styles (「uof:式样集」): a paragraph whose style is, or is based on, 「Title」
(标题) is the title, 「Subtitle」 (副标题) the subtitle, 「Heading N」 (标题 N) a heading of level N; a
paragraph's own 「字:大纲级别」 makes it a heading of that level. Automatic numbering (「字:自动编号信息」
naming a list of 「uof:自动编号集」 and a level) is put in front of the paragraph as the office program
shows it: the level's 「字:编号格式表示」 (「第%1条」「（%2）」「%1.」) filled with the counters of its list, each
in its level's 「字:编号格式」 (decimal, chinese-counting, upper-roman, decimal-enclosed-circle …: the
names of Word's formats, hyphenated), a deeper level restarting under a higher one and 「字:重新编号」
restarting the list at its 「字:起始编号」; bullets (「字:项目符号」) show nothing. A table is one row a line
with each cell labelled by its column's head (corpus.tables); a cell spanning the row (「字:跨列」) is read as
it stands, and one spanning rows down (「字:跨行」) labels each of them.

A UOF spreadsheet or presentation (uof:mimetype vnd.uof.spreadsheet / vnd.uof.presentation), a damaged file
and one that is no UOF are refused with one Chinese line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from .errors import UnreadableFile, damaged
from .numbering import format_number, with_label
from .records import Block
from .tables import table_blocks

__all__ = ["UOF_SUFFIXES", "UofText", "is_uof", "read_uof"]

UOF_SUFFIXES = (".uot", ".uof")

_U = "{http://schemas.uof.org/cn/2003/uof}"
_Z = "{http://schemas.uof.org/cn/2003/uof-wordproc}"
_LEVELS = 9
_MAX_STYLE_DEPTH = 20
_KINDS = {  # what a UOF spreadsheet or presentation is, for the refusal
    "vnd.uof.spreadsheet": "UOF 电子表格",
    "vnd.uof.presentation": "UOF 演示文稿",
}


@dataclass(frozen=True)
class UofText:
    """What a UOF text document holds: its body as blocks, and a second extraction of its text (every
    「字:文本串」 of the body, one line per paragraph)."""

    blocks: tuple[Block, ...]
    reference: str


def is_uof(data: bytes) -> bool:
    """Whether a file's bytes are a UOF document (an XML file whose root is 「uof:UOF」)."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<?xml") and b"http://schemas.uof.org/cn/2003/uof" in head


def read_uof(name: str, data: bytes) -> UofText:
    """The body of a UOF text document as blocks, in order, with its reference text."""
    from lxml import etree

    if data.startswith(b"PK\x03\x04"):  # UOF 2.0 (GB/T 20916-2016) packs its parts in a zip
        raise UnreadableFile(
            f"{name} 是 UOF 2.0 格式的文档（压缩包形式），不能直接读取：请在 WPS 或永中 Office 中另存为 .docx 后再添加"
        )
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        raise damaged(f"{name} 不是有效的 UOF 文档（内容已损坏）") from e
    if root.tag != f"{_U}UOF":
        raise UnreadableFile(f"{name} 不是 UOF 文档：其中没有 UOF 的文档标记")
    mimetype = root.get(f"{_U}mimetype") or ""
    if mimetype in _KINDS:
        raise UnreadableFile(
            f"{name} 是{_KINDS[mimetype]}，不是 UOF 文字文档：请在永中 Office 或 WPS 中另存为 .xlsx 或 .pptx 后再添加"
        )
    body = root.find(f"{_U}文字处理/{_Z}主体")
    if body is None:
        raise UnreadableFile(f"{name} 不是 UOF 文字文档（没有正文）")
    styles = _Styles.parse(root.find(f"{_U}式样集"))
    reader = _Reader(styles)
    blocks = list(reader.container(body))
    return UofText(tuple(blocks), _reference(body))


@dataclass
class _Styles:
    """The paragraph styles' bases and names, and the lists' levels."""

    bases: dict[str, str] = field(default_factory=dict)  # style id → its base's id
    names: dict[str, str] = field(default_factory=dict)  # style id → its name and alias, lower case
    outlines: dict[str, int] = field(default_factory=dict)  # style id → its outline level
    lists: dict[str, dict[int, tuple[str, str, int]]] = field(
        default_factory=dict
    )  # id → level → (fmt, text, start)

    @classmethod
    def parse(cls, styles) -> _Styles:  # type: ignore[no-untyped-def]
        out = cls()
        if styles is None:
            return out
        for style in styles.iter(f"{_U}段落式样"):
            ident = style.get(f"{_Z}标识符") or ""
            if not ident:
                continue
            if base := style.get(f"{_Z}基式样引用"):
                out.bases[ident] = base
            out.names[ident] = " ".join(
                v for v in (ident, style.get(f"{_Z}名称"), style.get(f"{_Z}别名")) if v
            ).lower()
            level = style.find(f"{_Z}大纲级别")
            if level is not None and (n := _int(level.text)) is not None:
                out.outlines[ident] = n
        for numbering in styles.iter(f"{_Z}自动编号"):
            ident = numbering.get(f"{_Z}标识符") or ""
            levels: dict[int, tuple[str, str, int]] = {}
            for level in numbering.findall(f"{_Z}级别"):
                value = _int(level.get(f"{_Z}级别值"))
                if value is None or not 0 <= value < _LEVELS:
                    continue
                fmt = level.findtext(f"{_Z}编号格式") or "decimal"
                if level.find(f"{_Z}项目符号") is not None or level.find(f"{_Z}图片符号") is not None:
                    fmt = "bullet"
                text = level.findtext(f"{_Z}编号格式表示") or ""
                start = _int(level.findtext(f"{_Z}起始编号")) or 1
                levels[value] = (_word_format(fmt), text, start)
            out.lists[ident] = levels
        return out

    def kind(self, ident: str | None) -> tuple[str, int]:
        """A paragraph style's block kind and heading level, through its bases."""
        seen = 0
        while ident and seen < _MAX_STYLE_DEPTH:
            names = self.names.get(ident, ident.lower())
            # a heading first: 「标题 1」 (WPS's and Yozo's Heading 1) is no 「标题」 (their Title)
            if (m := re.search(r"heading(?:_20_|\s)?(\d)|标题\s?(\d)", names)) is not None:
                return "heading", int(m.group(1) or m.group(2))
            if re.search(r"\b(?:sub_?title|subtitle)\b|副标题", names):
                return "subtitle", 0
            if re.search(r"(?:^|\s)title(?:\s|$)|(?:^|\s)标题(?:\s|$)", names):
                return "title", 0
            if ident in self.outlines and 1 <= self.outlines[ident] <= _LEVELS:
                return "heading", self.outlines[ident]
            ident = self.bases.get(ident)
            seen += 1
        return "paragraph", 0


def _word_format(fmt: str) -> str:
    """A UOF number format (「chinese-counting」) as Word's name for it (「chineseCounting」), which
    corpus.numbering formats."""
    head, *rest = fmt.strip().split("-")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


@dataclass
class _Counters:
    values: list[int | None] = field(default_factory=lambda: [None] * _LEVELS)


class _Reader:
    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.counters: dict[str, _Counters] = {}

    def container(self, element) -> Iterator[Block]:  # type: ignore[no-untyped-def]
        for child in element:
            if child.tag == f"{_Z}段落":
                yield from self.paragraph(child)
            elif child.tag == f"{_Z}文字表":
                yield from self.table(child)

    def paragraph(self, p) -> Iterator[Block]:  # type: ignore[no-untyped-def]
        notes: list = []  # type: ignore[type-arg]
        text = _clean(_text(p, notes))
        props = p.find(f"{_Z}段落属性")
        kind, level = self.styles.kind(props.get(f"{_Z}式样引用") if props is not None else None)
        outline = props.find(f"{_Z}大纲级别") if props is not None else None
        if outline is not None and kind == "paragraph" and 1 <= (_int(outline.text) or 0) <= _LEVELS:
            kind, level = "heading", _int(outline.text) or 1
        label = self.label(props.find(f"{_Z}自动编号信息")) if props is not None else ""
        if text:
            if kind == "paragraph":
                for line in (with_label(label, text) if label else text).split("\n"):
                    if line.strip():
                        yield Block(text=line.strip(), kind="paragraph")
            else:
                yield Block(text=with_label(label, text).replace("\n", " "), kind=kind, level=level)
        for note in notes:
            for block in _Reader(self.styles).container(note):
                yield Block(text=block.text, kind="table_row" if block.kind == "table_row" else "note")

    def label(self, info) -> str:  # type: ignore[no-untyped-def]
        """The number the office program shows in front of a numbered paragraph (「第三条」「（二）」), and
        counts it."""
        if info is None:
            return ""
        ident = info.get(f"{_Z}编号引用") or ""
        levels = self.styles.lists.get(ident)
        level = _int(info.get(f"{_Z}编号级别")) or 0
        if not levels or level not in levels or not 0 <= level < _LEVELS:
            return ""
        counters = self.counters.setdefault(ident, _Counters())
        fmt, template, start = levels[level]
        if info.get(f"{_Z}重新编号") in ("1", "true"):
            counters.values[level] = (_int(info.get(f"{_Z}起始编号")) or start) - 1
        previous = counters.values[level]
        counters.values[level] = start if previous is None else previous + 1
        for deeper in range(level + 1, _LEVELS):
            counters.values[deeper] = None
        if fmt in ("bullet", "none"):
            return ""

        def number(match: re.Match[str]) -> str:
            n = int(match.group(1)) - 1
            if not 0 <= n <= level:
                return ""
            own_fmt, _, own_start = levels.get(n, ("decimal", "", 1))
            value = counters.values[n]
            return format_number(own_start if value is None else value, own_fmt)

        return re.sub(r"%(\d)", number, template).strip()

    def table(self, table) -> Iterator[Block]:  # type: ignore[no-untyped-def]
        notes: list = []  # type: ignore[type-arg]
        rows: list[list[str] | str] = []
        spanned: dict[tuple[int, int], str] = {}
        width = max((len(row.findall(f"{_Z}单元格")) for row in table.findall(f"{_Z}行")), default=0)
        for r, tr in enumerate(table.findall(f"{_Z}行")):
            row: list[str] = []
            whole: str | None = None
            for cell in tr.findall(f"{_Z}单元格"):
                while (r, len(row)) in spanned:  # a cell spanning rows down from above
                    row.append(spanned[(r, len(row))])
                props = cell.find(f"{_Z}单元格属性")
                across = _int(props.findtext(f"{_Z}跨列")) if props is not None else None
                down = _int(props.findtext(f"{_Z}跨行")) if props is not None else None
                across = across or _int(_attribute(props, "跨列")) or 1
                down = down or _int(_attribute(props, "跨行")) or 1
                text = _cell_text(cell, notes)
                column = len(row)
                if column == 0 and across >= max(width, 2) and down == 1:
                    whole = text
                for c in range(column, column + min(across, 1000)):
                    row.append(text if c == column else "")
                    for below in range(1, min(down, 1000)):
                        spanned[(r + below, c)] = text
            while (r, len(row)) in spanned:
                row.append(spanned[(r, len(row))])
            rows.append(whole if whole is not None else row)
        yield from table_blocks(rows)
        for note in notes:
            for block in _Reader(self.styles).container(note):
                yield Block(text=block.text, kind="note")


def _cell_text(cell, notes: list) -> str:  # type: ignore[type-arg, no-untyped-def]
    """A cell's paragraphs (a nested table's, cell by cell) joined by spaces; a field's code and a note's
    paragraphs, which lie deeper, are not the cell's."""
    parts: list[str] = []
    for child in cell:
        if child.tag == f"{_Z}段落":
            if text := _clean(_text(child, notes)).replace("\n", " "):
                parts.append(text)
        elif child.tag == f"{_Z}文字表":
            for row in child.findall(f"{_Z}行"):
                for inner in row.findall(f"{_Z}单元格"):
                    if text := _cell_text(inner, notes):
                        parts.append(text)
    return " ".join(parts)


def _attribute(element, name: str) -> str | None:  # type: ignore[no-untyped-def]
    """A span given as an element's child with a 「字:值」 attribute (「<字:跨列 字:值="3"/>」)."""
    if element is None:
        return None
    child = element.find(f"{_Z}{name}")
    return child.get(f"{_Z}值") if child is not None else None


def _text(p, notes: list) -> str:  # type: ignore[type-arg, no-untyped-def]
    """A paragraph's characters as shown: its runs' strings, spaces, tabs and line breaks, a field's shown
    result but not its code; each footnote's or endnote's body is put in `notes`."""
    out: list[str] = []
    for run in p:
        if run.tag != f"{_Z}句":
            continue  # 段落属性, 域开始/域代码/域结束 (a field's code), bookmarks
        for piece in run:
            tag = piece.tag
            if tag == f"{_Z}文本串":
                out.append(piece.text or "")
            elif tag == f"{_Z}空格符":
                out.append(" " * min(_int(piece.get(f"{_Z}个数")) or 1, 100))
            elif tag == f"{_Z}制表符":
                out.append("\t")
            elif tag == f"{_Z}换行符":
                out.append("\n")
            elif tag in (f"{_Z}脚注", f"{_Z}尾注"):
                notes.append(piece)
    return "".join(out)


def _reference(body) -> str:  # type: ignore[no-untyped-def]
    """Every 「字:文本串」 of the body but the page headers' and footers' and the fields' codes, one line per
    paragraph (a cell's paragraphs too): the second extraction conservation checks passages against."""
    lines = []
    for p in body.iter(f"{_Z}段落"):
        if any(a.tag in (f"{_Z}分节", f"{_Z}域代码") for a in p.iterancestors()):
            continue
        own = "".join(s.text or "" for s in p.iter(f"{_Z}文本串") if next(s.iterancestors(f"{_Z}段落")) is p)
        if own.strip():
            lines.append(own)
    return "\n".join(lines)


def _int(value: str | None) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _clean(text: str) -> str:
    """A paragraph's text with its runs of spaces and tabs made one space and its ends trimmed (lines kept)."""
    return "\n".join(re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")).strip()
