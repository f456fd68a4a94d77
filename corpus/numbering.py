"""Word's automatic numbering: the 「一、」「（二）」「第三条」 Word shows in front of a numbered paragraph.

The number is not in the paragraph's text (w:t): Word makes it from the list definitions of
word/numbering.xml each time it lays the document out. A paragraph is numbered by its own w:numPr or by
its style's (「List Number」, or a heading style linked to a multilevel list), through the style's base
styles; w:numId="0" switches numbering off. A level's w:lvlText (「%1、」「（%2）」「第%1条」「%1.%2」) is
filled with the counters of the levels it names, each in its level's w:numFmt (decimal, chineseCounting,
chineseCountingThousand, ideographTraditional, decimalEnclosedCircle, upperRoman, …; all as decimal
when the level is w:isLgl).

Counting follows Word: one set of counters per list (the w:abstractNum; a w:num that overrides a level,
which is how Word writes 「重新开始编号」, is a list of its own), in document order; a level starts at
its w:start (or the w:num's w:startOverride) and restarts whenever a higher level is used (w:lvlRestart
limits that, 0 never restarts). A level named in w:lvlText that has not been used yet counts as its
start value. Bullets (w:numFmt="bullet") and w:numFmt="none" show nothing here: a bullet glyph (often
a private-use Symbol character) says nothing about the text. What Word puts after the number (w:suff:
a tab by default, a space, or nothing) reads as one space, except after a number ending in Chinese
punctuation (「一、」「（二）」), where a typed-in number has none either.

Tracked changes count as in Word's final view (what the readers give: deleted text is not read). A
paragraph whose mark is deleted (w:pPr/w:rPr/w:del) or moved away (w:moveFrom: it counts at its new
place, where its mark is w:moveTo) takes no number and does not count, so the paragraphs after it are
numbered as Word numbers them once the change is accepted. A paragraph's number belongs to its mark: when
the mark is deleted but some of the paragraph's text is not, Word runs that text on into the next
paragraph, whose number it then shows; the readers keep that text as a line of its own, without a number
(nothing is lost, and no number is shown twice or given to the wrong paragraph).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LEVELS = 9
_MAX_STYLE_DEPTH = 20


@dataclass(frozen=True)
class _Level:
    start: int
    fmt: str
    text: str | None  # w:lvlText, None when absent (nothing shown)
    restart: int | None  # w:lvlRestart: None (after any higher level), 0 (never), n (after level n, 1-based)
    legal: bool  # w:isLgl: every number of this level's text in decimal
    suffix: str  # w:suff: "tab", "space" or "nothing"
    hidden: bool  # the number's own run properties hide it (w:rPr/w:vanish)
    style: str | None  # w:pStyle: the paragraph style linked to this level


@dataclass(frozen=True)
class _List:
    """One w:num resolved: the key of the counters it uses, and its nine levels."""

    key: str
    levels: tuple[_Level | None, ...]


@dataclass(frozen=True)
class ListDefinitions:
    """The list definitions (word/numbering.xml) and paragraph styles (word/styles.xml) of a .docx."""

    lists: dict[str, _List] = field(default_factory=dict)  # by w:numId
    style_numbering: dict[str, tuple[str | None, int | None]] = field(default_factory=dict)
    default_style: str | None = None

    @classmethod
    def parse(cls, numbering_xml: bytes | None, styles_xml: bytes | None) -> ListDefinitions:
        """Read the two parts (either may be missing: then nothing is numbered through it)."""
        styles = _parse(styles_xml)
        numbering = _parse(numbering_xml)
        style_numbering: dict[str, tuple[str | None, int | None]] = {}
        default_style = None
        based_on: dict[str, str] = {}
        own: dict[str, tuple[str | None, int | None]] = {}
        if styles is not None:
            for style in styles.iterfind(_W + "style"):
                style_id = style.get(_W + "styleId")
                if style_id is None:
                    continue
                if style.get(_W + "type") == "paragraph" and _on(style.get(_W + "default")):
                    default_style = style_id
                base = style.find(_W + "basedOn")
                if base is not None and base.get(_W + "val"):
                    based_on[style_id] = base.get(_W + "val")  # type: ignore[assignment]
                num_pr = style.find(f"{_W}pPr/{_W}numPr")
                if num_pr is not None:
                    own[style_id] = _num_pr(num_pr)
            for style_id in {*own, *based_on}:
                current: str | None = style_id
                for _ in range(_MAX_STYLE_DEPTH):
                    if current is None:
                        break
                    if current in own and own[current][0] is not None:
                        style_numbering[style_id] = own[current]
                        break
                    current = based_on.get(current)
        lists: dict[str, _List] = {}
        if numbering is not None:
            abstracts = {a.get(_W + "abstractNumId"): a for a in numbering.iterfind(_W + "abstractNum")}
            nums = {n.get(_W + "numId"): n for n in numbering.iterfind(_W + "num")}
            for num_id, num in nums.items():
                resolved = _resolve(num, abstracts, nums, style_numbering)
                if num_id is not None and resolved is not None:
                    lists[num_id] = resolved
        return cls(lists, style_numbering, default_style)


def list_labels(paragraphs: Iterable, definitions: ListDefinitions) -> dict:  # type: ignore[type-arg]
    """The number Word shows in front of each numbered paragraph, for paragraphs given in document order.

    Every numbered paragraph counts (an empty one too) except one deleted or moved away as a tracked
    change; the label is the number followed by what Word puts after it (see the module doc), "" for a
    bullet or a hidden number.
    """
    counters: dict[str, list[int | None]] = {}
    out = {}
    for p in paragraphs:
        if mark_removed(p):
            continue
        found = _numbering_of(p, definitions)
        if found is None:
            continue
        numbered, level = found
        definition = numbered.levels[level]
        if definition is None:
            continue
        values = counters.setdefault(numbered.key, [None] * _LEVELS)
        previous = values[level]
        values[level] = definition.start if previous is None else previous + 1
        for deeper in range(level + 1, _LEVELS):
            below = numbered.levels[deeper]
            restart = below.restart if below is not None else None
            if restart is None or (restart > 0 and level < restart):
                values[deeper] = None
        out[p] = "" if definition.hidden or _mark_hidden(p) else _label(numbered, level, values)
    return out


def format_number(value: int, fmt: str) -> str:
    """One counter in a w:numFmt, as Word shows it (formats this module does not know: decimal)."""
    if fmt in ("bullet", "none"):
        return ""
    if fmt == "decimalZero":
        return f"{value:02d}" if 0 <= value < 10 else str(value)
    if fmt in ("upperRoman", "lowerRoman") and 0 < value < 4000:
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter") and value > 0:
        letter = chr(ord("A") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt == "ordinal" and value >= 0:
        tail = "th" if value % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
        return f"{value}{tail}"
    if fmt in ("decimalFullWidth", "decimalFullWidth2") and value >= 0:
        return "".join(chr(0xFF10 + int(d)) for d in str(value))
    if fmt in _ENCLOSED and 1 <= value <= 20:
        return chr(_ENCLOSED[fmt] + value - 1)
    if fmt == "ideographEnclosedCircle" and 1 <= value <= 10:
        return chr(0x3220 + value - 1)  # ㈠ ㈡ …
    if fmt in ("chineseCounting", "taiwaneseCounting") and 0 < value < 10000:
        # Word counts 一 … 十 … 九十九 in words, and from 一○○ on digit by digit (with ○, U+25CB)
        return (
            _counting(value, _CHINESE_DIGITS)
            if value < 100
            else "".join("○一二三四五六七八九"[int(d)] for d in str(value))
        )
    if fmt in ("chineseCountingThousand", "taiwaneseCountingThousand") and 0 < value < 10000:
        return _counting(value, _CHINESE_DIGITS)
    if fmt == "chineseLegalSimplified" and 0 < value < 10000:
        return _counting(value, "零壹贰叁肆伍陆柒捌玖", "拾佰仟", legal=True)
    if fmt == "japaneseCounting" and 0 < value < 10000:
        return _japanese(value)
    if fmt in ("ideographDigital", "taiwaneseDigital") and value >= 0:
        return "".join(_CHINESE_DIGITS[int(d)] for d in str(value))
    if fmt == "ideographTraditional" and 1 <= value <= 10:
        return "甲乙丙丁戊己庚辛壬癸"[value - 1]
    if fmt == "ideographZodiac" and 1 <= value <= 12:
        return "子丑寅卯辰巳午未申酉戌亥"[value - 1]
    return str(value)


_CHINESE_DIGITS = "〇一二三四五六七八九"
_ENCLOSED = {
    "decimalEnclosedCircle": 0x2460,  # ① … ⑳
    "decimalEnclosedCircleChinese": 0x2460,
    "decimalEnclosedParen": 0x2474,  # ⑴ … ⒇
    "decimalEnclosedFullstop": 0x2488,  # ⒈ … ⒛
}
# Chinese punctuation (and fullwidth forms) that already separates a number from its text.
_SEPARATING = frozenset("、，．。：）〕】」』》")


def _counting(value: int, digits: str, units: str = "十百千", legal: bool = False) -> str:
    """A number below 10000 in Chinese words: 十一, 二十, 一百〇一, 一千〇一十 (legal: 壹拾, 壹佰零壹)."""
    if value < 10:
        return digits[value]
    if value < 20 and not legal:
        return units[0] + (digits[value % 10] if value % 10 else "")
    out = ""
    zero = False
    for position in (3, 2, 1, 0):
        digit = value // 10**position % 10
        if digit == 0:
            zero = zero or bool(out)
            continue
        if zero:
            out += digits[0]
            zero = False
        out += digits[digit] + (units[position - 1] if position else "")
    return out


def _japanese(value: int) -> str:
    """Japanese counting: 十, 十一, 二十, 百, 百一, 千 (no 一 before a unit, no zero)."""
    out = ""
    for position, unit in ((3, "千"), (2, "百"), (1, "十"), (0, "")):
        digit = value // 10**position % 10
        if digit:
            out += ("" if digit == 1 and unit else _CHINESE_DIGITS[digit]) + unit
    return out


def _roman(value: int) -> str:
    out = ""
    for number, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        count, value = divmod(value, number)
        out += letters * count
    return out


def _label(numbered: _List, level: int, values: list[int | None]) -> str:
    definition = numbered.levels[level]
    assert definition is not None
    if definition.fmt == "bullet" or not definition.text:
        return ""
    out = []
    text = definition.text
    i = 0
    while i < len(text):
        if text[i] == "%" and i + 1 < len(text) and text[i + 1] in "123456789":
            named = int(text[i + 1]) - 1
            i += 2
            if named > level:
                continue  # a deeper level than the paragraph's: Word shows nothing for it
            named_level = numbered.levels[named]
            value = values[named]
            if value is None:
                value = named_level.start if named_level is not None else 1
            fmt = named_level.fmt if named_level is not None else "decimal"
            if definition.legal and fmt != "decimalZero":
                fmt = "decimal"
            out.append(format_number(value, fmt))
            continue
        out.append(text[i])
        i += 1
    label = "".join(out)
    if not label.strip():
        return ""
    if definition.suffix == "nothing" or label[-1] in _SEPARATING:
        return label
    return label + " "


def _numbering_of(p, definitions: ListDefinitions) -> tuple[_List, int] | None:  # type: ignore[no-untyped-def]
    """The list and level a paragraph is numbered with, from its own w:numPr or its style's."""
    properties = p.find(_W + "pPr")
    num_id = level = None
    style_id = definitions.default_style
    if properties is not None:
        style = properties.find(_W + "pStyle")
        if style is not None and style.get(_W + "val"):
            style_id = style.get(_W + "val")
        num_pr = properties.find(_W + "numPr")
        if num_pr is not None:
            num_id, level = _num_pr(num_pr)
    from_style = num_id is None
    if style_id is not None and style_id in definitions.style_numbering:
        style_num, style_level = definitions.style_numbering[style_id]
        if num_id is None:
            num_id = style_num
        if level is None:
            level = style_level
    if num_id is None or num_id == "0" or num_id not in definitions.lists:
        return None
    numbered = definitions.lists[num_id]
    if level is None and from_style:
        # a heading style linked to a multilevel list names the level it is (w:lvl/w:pStyle)
        level = next((i for i, lvl in enumerate(numbered.levels) if lvl and lvl.style == style_id), 0)
    level = level if level is not None and 0 <= level < _LEVELS else 0
    return numbered, level


def mark_removed(p) -> bool:  # type: ignore[no-untyped-def]
    """The paragraph mark is deleted or moved away as a tracked change: the paragraph is gone from Word's
    final view (or, with text left, runs on into the next one)."""
    marks = p.find(f"{_W}pPr/{_W}rPr")
    return marks is not None and (
        marks.find(_W + "del") is not None or marks.find(_W + "moveFrom") is not None
    )


def _mark_hidden(p) -> bool:  # type: ignore[no-untyped-def]
    """The paragraph mark is hidden text: Word shows no number for it."""
    vanish = p.find(f"{_W}pPr/{_W}rPr/{_W}vanish")
    return vanish is not None and _on(vanish.get(_W + "val"), default=True)


def _resolve(num, abstracts: dict, nums: dict, style_numbering: dict) -> _List | None:  # type: ignore[type-arg, no-untyped-def]
    abstract_id = _val(num.find(_W + "abstractNumId"))
    abstract = abstracts.get(abstract_id)
    # a list style (w:numStyleLink) keeps its levels in the abstract list that names it w:styleLink
    for _ in range(3):
        link = _val(abstract.find(_W + "numStyleLink")) if abstract is not None else None
        if link is None:
            break
        linked_num = nums.get(style_numbering.get(link, (None, None))[0])
        linked_id = _val(linked_num.find(_W + "abstractNumId")) if linked_num is not None else None
        abstract = abstracts.get(linked_id)
        abstract_id = linked_id
    if abstract is None:
        return None
    levels: list[_Level | None] = [None] * _LEVELS
    for lvl in abstract.iterfind(_W + "lvl"):
        index = _int(lvl.get(_W + "ilvl"))
        if index is not None and 0 <= index < _LEVELS:
            levels[index] = _level(lvl)
    overridden = False
    for override in num.iterfind(_W + "lvlOverride"):
        index = _int(override.get(_W + "ilvl"))
        if index is None or not 0 <= index < _LEVELS:
            continue
        overridden = True
        replacement = override.find(_W + "lvl")
        if replacement is not None:
            levels[index] = _level(replacement)
        start = _int(_val(override.find(_W + "startOverride")))
        if start is not None and levels[index] is not None:
            levels[index] = _with_start(levels[index], start)  # type: ignore[arg-type]
    key = f"num:{num.get(_W + 'numId')}" if overridden else f"abstract:{abstract_id}"
    return _List(key, tuple(levels))


def _with_start(level: _Level, start: int) -> _Level:
    from dataclasses import replace

    return replace(level, start=start)


def _level(lvl) -> _Level:  # type: ignore[no-untyped-def]
    text = lvl.find(_W + "lvlText")
    legal = lvl.find(_W + "isLgl")
    vanish = lvl.find(f"{_W}rPr/{_W}vanish")
    return _Level(
        start=_int(_val(lvl.find(_W + "start"))) or 0,
        fmt=_val(lvl.find(_W + "numFmt")) or "decimal",
        text=text.get(_W + "val") if text is not None else None,
        restart=_int(_val(lvl.find(_W + "lvlRestart"))),
        legal=legal is not None and _on(legal.get(_W + "val"), default=True),
        suffix=_val(lvl.find(_W + "suff")) or "tab",
        hidden=vanish is not None and _on(vanish.get(_W + "val"), default=True),
        style=_val(lvl.find(_W + "pStyle")),
    )


def _num_pr(num_pr) -> tuple[str | None, int | None]:  # type: ignore[no-untyped-def]
    return _val(num_pr.find(_W + "numId")), _int(_val(num_pr.find(_W + "ilvl")))


def _val(element) -> str | None:  # type: ignore[no-untyped-def]
    return element.get(_W + "val") if element is not None else None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _on(value: str | None, default: bool = False) -> bool:
    if value is None:
        return default
    return value not in ("0", "false", "off")


def _parse(xml: bytes | None):  # type: ignore[no-untyped-def]
    if not xml:
        return None
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
    try:
        return etree.fromstring(xml, parser)
    except etree.XMLSyntaxError:
        return None


def with_label(label: str, text: str) -> str:
    """A generated number in front of its paragraph's text: nothing between them after a number ending in
    Chinese punctuation (「一、」「（二）」), one space otherwise (what the tab after 「1.」 reads as)."""
    if not label or not text:
        return text
    return label + text if label[-1] in _SEPARATING else f"{label} {text}"
