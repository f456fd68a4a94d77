"""Word's equations (Office Math, OMML) read as the line of text they show.

An equation typed with Word's 「插入 › 公式」 (or converted from MathType, or written by a system filling a
template) lives in ``m:oMath`` elements — inline in a sentence, or a display equation in ``m:oMathPara`` —
whose characters are in ``m:t``, not in any ``w:t``: a reader that takes a paragraph's runs reads nothing of
it (「家庭月人均收入=，保障标准按…」: the fraction after 「=」 lost, a display formula an empty line). Some of
what Word draws is in no ``m:t`` at all: a delimiter's brackets (``m:d``: 「(」「)」 by default, or its
``m:begChr``/``m:endChr``), a fraction's bar, a radical's sign, an n-ary operator's ∑ or ∫.

`equation_text` writes an equation out in a linear form close to Word's own 「线性格式」: a fraction
「分子/分母」 (each in brackets when it is more than one term: 「总收入/(12×人口数)」), a delimiter with its
brackets and separators, a superscript or subscript as Unicode's small digits when it is only digits and
signs (「m²」「CO₂」) else 「^(…)」「_(…)」, a radical 「√(…)」 (「∛(…)」 for a cube root), an n-ary operator with its
limits, a function's name before its argument, an equation array's rows on lines of their own (a row's
number after a space: 「S=a+b (1)」, not Word's 「S=a+b#(1)」), a matrix's cells a space apart and its rows
「; 」 apart (「(1 2; 3 4)」), a lower or upper limit 「lim_(n→∞)」; anything else (accents, bars, boxes, group
characters) as its text in order.
`equations_as_text` puts that text into a document's tree in place of each equation, as one run, so every
later step — the paragraph's blocks and the reference text `add --check` compares with — reads it.

The same formula saved by another program reads the same line: `mathml_text` reads LibreOffice Math's
MathML (an .odt's formula objects, corpus.odt) through its OMML counterparts, and `rtf_math_element` /
`rtf_math_text` build the OMML tree an .rtf's ``{\\mmath …}`` groups spell out (corpus.rtf). A minus sign
reads 「-」 whichever of U+2212 (LibreOffice) or the hyphen typed (Word) a file holds.
"""

from __future__ import annotations

import re

__all__ = [
    "equation_rows",
    "equation_text",
    "equations_as_text",
    "fraction_text",
    "mathml_text",
    "radical_text",
    "rtf_math_element",
    "rtf_math_text",
]

M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Set on the run that stands for a display equation (or an equation array): its rows are lines of their own
_DISPLAY = "{urn:speechqa:equations}display"

_SUPERSCRIPT = str.maketrans("0123456789+-−=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿ")
_SUBSCRIPT = str.maketrans("0123456789+-−=()", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎")
_SMALL = frozenset("0123456789+-−=()")
# Word's numbered display equation, 「S=a+b#(1)」 in its linear form: the 「#」 sets the number apart
_NUMBERED = re.compile(r"\s*#\s*([(（]\s*[0-9０-９][0-9０-９.\-－]*\s*[)）])$")
# characters that make a fraction's part or a script more than one term: it is put in brackets
_OPERATORS = frozenset("+-−±∓×÷·*/=≠<>≤≥≈ ,，")


def _child(element, tag: str):  # type: ignore[no-untyped-def]
    return element.find(M + tag)


def _property(element, properties: str, name: str, default: str) -> str:  # type: ignore[no-untyped-def]
    """The ``m:val`` of `name` in the element's properties (``m:dPr`` …), `default` when it is not set. An
    empty value is kept: Word draws no bracket for ``<m:begChr m:val=""/>``."""
    holder = _child(element, properties)
    found = holder.find(M + name) if holder is not None else None
    if found is None:
        return default
    value = found.get(M + "val")
    return default if value is None else value


def _hidden(element, properties: str, name: str) -> bool:  # type: ignore[no-untyped-def]
    return _property(element, properties, name, "0").lower() in ("1", "on", "true")


def _part(element) -> str:  # type: ignore[no-untyped-def]
    """The text of an argument (``m:e``, ``m:num``, ``m:sup`` …), empty when it is absent; a function's name
    set apart from its argument in it (`_mark_functions`) before it is weighed for brackets, as Word's is."""
    return _applied(_text(element)) if element is not None else ""


def _grouped(text: str) -> str:
    """`text` in brackets when it is more than one term, so 「a+b/c」 cannot be read for 「(a+b)/c」."""
    if len(text) > 1 and any(c in _OPERATORS for c in text) and not _enclosed(text):
        return f"({text})"
    return text


def fraction_text(numerator: str, denominator: str) -> str:
    """A fraction in Word's linear form, 「分子/分母」, each part in brackets when it is more than one term
    (「总收入/(12×人口数)」) and a minus sign the hyphen; the one form a fraction reads in, whichever file —
    an equation's OMML or MathML, or a PDF's numerator and denominator over a bar (corpus.fractions)."""
    numerator, denominator = numerator.replace("\u2212", "-"), denominator.replace("\u2212", "-")
    return f"{_grouped(numerator)}/{_grouped(denominator)}"


def radical_text(body: str, degree: str = "") -> str:
    """A radical 「√(…)」 (「∛(…)」「∜(…)」 for a cube or fourth root, else its degree in small type, 「⁵√(…)」),
    the body in brackets unless it is one bracketed group; the one form a radical reads in, whichever file —
    an equation's OMML or MathML, or a PDF's sign and the overbar over its radicand (corpus.fractions)."""
    sign = {"": "√", "2": "√", "3": "∛", "4": "∜"}.get(degree)
    inner = body if _enclosed(body) else f"({body})"
    return f"{sign}{inner}" if sign is not None else f"{degree.translate(_SUPERSCRIPT)}√{inner}"


def _enclosed(text: str) -> bool:
    """Whether `text` is one bracketed group, 「(a+b)」 (not 「(a)+(b)」)."""
    if not (text.startswith(("(", "（", "[")) and text.endswith((")", "）", "]"))):
        return False
    depth = 0
    for i, c in enumerate(text):
        if c in "(（[":
            depth += 1
        elif c in ")）]":
            depth -= 1
        if depth == 0 and i < len(text) - 1:
            return False
    return True


def _script(text: str, small: dict[int, str], mark: str) -> str:
    if text and all(c in _SMALL for c in text):
        return text.translate(small)
    if mark == "^" and text == "n":
        return "ⁿ"
    return f"{mark}{_grouped(text)}" if len(text) == 1 else f"{mark}({text})"


def _text(element) -> str:  # type: ignore[no-untyped-def]
    """The linear text of an OMML element and what it holds."""
    tag = element.tag
    if tag in (M + "t", _W + "t"):
        # a minus sign read as the hyphen typed for it: Word keeps 「-」 as typed, LibreOffice Math writes
        # U+2212 for the same key, and a formula should read the same whichever program last saved it
        return (element.text or "").replace("\u2212", "-")
    if tag == M + "f":
        return fraction_text(_part(_child(element, "num")), _part(_child(element, "den")))
    if tag == M + "d":
        begin = _property(element, "dPr", "begChr", "(")
        end = _property(element, "dPr", "endChr", ")")
        separator = _property(element, "dPr", "sepChr", "|")
        return begin + separator.join(_part(e) for e in element.findall(M + "e")) + end
    if tag == M + "sSup":
        return _part(_child(element, "e")) + _script(_part(_child(element, "sup")), _SUPERSCRIPT, "^")
    if tag == M + "sSub":
        return _part(_child(element, "e")) + _script(_part(_child(element, "sub")), _SUBSCRIPT, "_")
    if tag == M + "sSubSup":
        base = _part(_child(element, "e"))
        return (
            base
            + _script(_part(_child(element, "sub")), _SUBSCRIPT, "_")
            + _script(_part(_child(element, "sup")), _SUPERSCRIPT, "^")
        )
    if tag == M + "sPre":
        return (
            _script(_part(_child(element, "sub")), _SUBSCRIPT, "_")
            + _script(_part(_child(element, "sup")), _SUPERSCRIPT, "^")
            + _part(_child(element, "e"))
        )
    if tag == M + "rad":
        degree = "" if _hidden(element, "radPr", "degHide") else _part(_child(element, "deg"))
        return radical_text(_part(_child(element, "e")), degree)
    if tag == M + "nary":
        operator = _property(element, "naryPr", "chr", "∫")
        below = "" if _hidden(element, "naryPr", "subHide") else _part(_child(element, "sub"))
        above = "" if _hidden(element, "naryPr", "supHide") else _part(_child(element, "sup"))
        limits = (f"_{_grouped(below)}" if below else "") + (f"^{_grouped(above)}" if above else "")
        return (
            f"{operator}{limits} {_part(_child(element, 'e'))}"
            if limits
            else operator + _part(_child(element, "e"))
        )
    if tag == M + "func":
        name, argument = _part(_child(element, "fName")), _part(_child(element, "e"))
        return f"{name}{argument}" if _enclosed(argument) else f"{name} {argument}"
    if tag == M + "eqArr":
        return "\n".join(_NUMBERED.sub(r" \1", _part(e)) for e in element.findall(M + "e"))
    if tag == M + "m":
        # a matrix: its cells a space apart, its rows 「; 」 apart — 「(1 2; 3 4)」 in its delimiter's brackets
        return "; ".join(
            " ".join(_part(e) for e in row.findall(M + "e")) for row in element.findall(M + "mr")
        )
    if tag in (M + "limLow", M + "limUpp"):
        mark = "_" if tag == M + "limLow" else "^"
        limit = _part(_child(element, "lim"))
        base = _part(_child(element, "e"))
        return f"{base}{mark}({limit})" if len(limit) > 1 else f"{base}{mark}{limit}"
    if tag == M + "oMathPara":
        return "\n".join(_text(m) for m in element.iter(M + "oMath") if m.getparent() is element)
    if tag in (M + "rPr", M + "ctrlPr", _W + "rPr", _W + "del", _W + "delText") or tag.endswith("Pr"):
        return ""
    return "".join(_text(child) for child in element if isinstance(child.tag, str))


# The functions whose name is set apart from its argument: Word keeps a function's structure (m:func, read
# as 「sin x」), but LibreOffice saves a formula without it — 「sin」 and 「x」 are runs (MathML's mi) side by
# side, 「log」 the base of a subscript, 「lim」 of a limit. Such a run holding only a function's name is read
# as Word reads the function; a longer word that begins with one (「cost」「sine」「min时长」) is no function
_FUNCTIONS = frozenset(
    "sin cos tan cot sec csc sinh cosh tanh coth arcsin arccos arctan arccot ln log lg exp lim liminf limsup"
    " max min sup inf det gcd arg deg dim ker".split()
)
_APPLY = "\ue000"  # marks the end of a function's name (or its scripts) until its argument is known
# its argument: what follows unless it is a bracket (「sin(x)」, as Word writes an argument in brackets), a
# separator or nothing (the name alone)
_APPLIED = re.compile(_APPLY + r"\s*(?=([^\s(（\[{)）\]}|,，;；=+" + _APPLY + r"])?)")
_SCRIPTED = frozenset(M + tag for tag in ("sSub", "sSup", "sSubSup", "limLow", "limUpp"))


def _mark_functions(root) -> None:  # type: ignore[no-untyped-def]
    """Mark the end of each function's name kept as a plain run (with its scripts or limit: 「log₂」
    「lim_(n→∞)」) under `root`, outside Word's own functions (m:fName), so `_applied` sets its argument apart."""
    from lxml import etree

    def shown(element) -> str:  # type: ignore[no-untyped-def]
        return "".join(t.text or "" for t in element.iter(M + "t")).strip()

    def only(element, text: str) -> None:  # type: ignore[no-untyped-def]
        # the name alone: LibreOffice may write 「lim 」, or 「lim」 and a run of a space
        for at, t in enumerate(element.iter(M + "t")):
            t.text = text if at == 0 else ""

    for run in list(root.iter(M + "r")):
        if (text := shown(run)) not in _FUNCTIONS:
            continue
        if any(a.tag == M + "fName" for a in run.iterancestors()):
            continue
        name = run
        argument = run.getparent()
        if (
            argument is not None
            and argument.tag == M + "e"
            and shown(argument) == text
            and (scripted := argument.getparent()) is not None
            and scripted.tag in _SCRIPTED
        ):
            name = scripted
            only(argument, text)
        else:
            only(run, text)
        mark = etree.Element(M + "r")
        etree.SubElement(mark, M + "t").text = _APPLY
        mark.tail, name.tail = name.tail, None
        name.addnext(mark)


def _applied(text: str) -> str:
    """`text` with each function's mark turned into the space Word's linear form puts between a function's
    name and an argument that is no bracket (「sin θ」, 「log₂ n」, 「sin √x」, but 「sin(x)」)."""
    return _APPLIED.sub(lambda m: " " if m.group(1) else "", text)


def equation_text(element) -> str:  # type: ignore[no-untyped-def]
    """The line of text an equation (``m:oMath`` or ``m:oMathPara``) shows, in a linear form. A function
    Word keeps as such (m:func) reads as its structure says; a run holding only a function's name, as
    LibreOffice saves one (.rtf, the .docx it makes of a .doc), reads the same (the element is marked)."""
    _mark_functions(element)
    return _applied(_text(element))


def equations_as_text(root) -> None:  # type: ignore[no-untyped-def]
    """Replace each equation under `root` (a body, a note) by one run holding its `equation_text`: an
    ``m:oMathPara`` or an ``m:oMath`` not inside one. A run in the paragraph where the equation stood, so
    the paragraph reads it where Word shows it.

    A display equation (``m:oMathPara``) and an equation array (``m:eqArr``, a row per line) are set apart:
    a row a run, line breaks between them and around them where the paragraph has text beside it (Word
    draws a display equation on lines of its own), each row's run marked so that `equation_rows` names
    them — the paragraph's reader keeps each row a line of its own, never joined to its neighbours."""
    from lxml import etree

    def run_of(text: str, display: bool):  # type: ignore[no-untyped-def]
        run = etree.Element(_W + "r")
        shown = etree.SubElement(run, _W + "t")
        shown.text = text
        shown.set(_XML_SPACE, "preserve")
        if display:
            run.set(_DISPLAY, "1")
        return run

    def line_break():  # type: ignore[no-untyped-def]
        run = etree.Element(_W + "r")
        etree.SubElement(run, _W + "br")
        return run

    for math in list(root.iter(M + "oMathPara", M + "oMath")):
        parent = math.getparent()
        if parent is None or _inside_equation(parent):
            continue
        text = equation_text(math)
        display = math.tag == M + "oMathPara" or math.find(".//" + M + "eqArr") is not None
        if not display:
            run = run_of(text, False)
            run.tail = math.tail
            parent.replace(math, run)
            continue
        runs = []
        for row in (row for row in text.split("\n") if row.strip()):
            if runs:
                runs.append(line_break())
            runs.append(run_of(row, True))
        if not runs:
            parent.remove(math)
            continue
        if _text_beside(math, before=True):
            runs.insert(0, line_break())
        if _text_beside(math, before=False):
            runs.append(line_break())
        runs[-1].tail = math.tail
        at = parent.index(math)
        parent.remove(math)
        for offset, run in enumerate(runs):
            parent.insert(at + offset, run)


def equation_rows(paragraph) -> frozenset[str]:  # type: ignore[no-untyped-def]
    """The rows of the display equations and equation arrays `equations_as_text` put in a paragraph (a
    ``w:p``), each a line of its own there."""
    return frozenset(
        "".join(t.text or "" for t in run.iter(_W + "t"))
        for run in paragraph.iter(_W + "r")
        if run.get(_DISPLAY) == "1"
    )


def _text_beside(math, before: bool) -> bool:  # type: ignore[no-untyped-def]
    """Whether the paragraph shows text before (or after) the equation `math` — a run with a w:t, or another
    equation — so that a line break sets the equation apart from it."""
    sibling = math.getprevious() if before else math.getnext()
    while sibling is not None:
        if isinstance(sibling.tag, str) and (
            sibling.tag in (M + "oMath", M + "oMathPara")
            or any((t.text or "").strip() for t in sibling.iter(_W + "t"))
        ):
            return True
        sibling = sibling.getprevious() if before else sibling.getnext()
    return False


def _inside_equation(element) -> bool:  # type: ignore[no-untyped-def]
    while element is not None:
        if isinstance(element.tag, str) and element.tag.startswith(M):
            return True
        element = element.getparent()
    return False


# -- MathML (LibreOffice Math, an .odt's formula objects) ------------------------------------------------

MATHML = "{http://www.w3.org/1998/Math/MathML}"
# operators drawn large, whose limits and the argument after them make an n-ary operator (Word's m:nary)
_LARGE_OPERATORS = frozenset("∑∏∐∫∬∭∮∯∰⋀⋁⋂⋃⨀⨁⨂⨄⨆")
# MathML's invisible operators (function application, invisible times, separator, plus): nothing shown
_INVISIBLE = dict.fromkeys(map(ord, "\u2061\u2062\u2063\u2064"))
# what holds its children in a row (MathML's inferred mrow)
_ROWS = frozenset(
    ("math", "mrow", "mstyle", "mpadded", "menclose", "merror", "mtd", "maction", "mlabeledtr", "mtr")
)
_NOTHING = frozenset(
    ("annotation", "annotation-xml", "mphantom", "mspace", "none", "mprescripts", "malignmark")
)


def mathml_text(math) -> str:  # type: ignore[no-untyped-def]
    """The linear text of a MathML formula (a ``math`` element, as LibreOffice Math stores a formula in an
    .odt), written as `equation_text` writes the same formula typed in Word: MathML's elements are read as
    their OMML counterparts (``mfrac`` a fraction, ``msqrt``/``mroot`` a radical, ``msup``… scripts,
    ``munderover`` over ∑ an n-ary operator taking the argument after it, ``munder``/``mover`` a limit or,
    as an accent, its base alone, ``mfenced`` a delimiter, ``mtable`` an equation array when it is one
    column, else a matrix); brackets LibreOffice writes as operators (「(」「)」) are read as the text they are.
    LibreOffice's StarMath annotation, phantoms and spaces are not shown, so not read."""
    from lxml import etree

    root = etree.Element(M + "oMath")
    for child in _mathml_children(math):
        root.append(child)
    return equation_text(root)


def _local(element) -> str:  # type: ignore[no-untyped-def]
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag[len(MATHML) :] if tag.startswith(MATHML) else tag.rsplit("}", 1)[-1]


def _omml(tag: str, *children, **values: str):  # type: ignore[no-untyped-def]
    from lxml import etree

    element = etree.Element(M + tag)
    for name, value in values.items():
        etree.SubElement(element, M + name).set(M + "val", value)
    for child in children:
        if child is not None:
            element.append(child)
    return element


def _math_run(text: str):  # type: ignore[no-untyped-def]
    from lxml import etree

    run = etree.Element(M + "r")
    etree.SubElement(run, M + "t").text = text
    return run


def _mathml_children(element) -> list:  # type: ignore[type-arg, no-untyped-def]
    """The OMML of a MathML row's children, an n-ary operator taking the argument after it as Word's does."""
    out: list = []  # type: ignore[type-arg]
    absorbing = None
    for child in element:
        if not isinstance(child.tag, str):
            continue
        converted = _mathml(child)
        if converted is None:
            continue
        if absorbing is not None:
            absorbing.append(_omml("e", converted))
            absorbing = None
            continue
        if converted.tag == M + "nary" and converted.find(M + "e") is None:
            absorbing = converted
        out.append(converted)
    return out


def _argument(element, tag: str):  # type: ignore[no-untyped-def]
    """An OMML argument of `tag` holding the MathML `element` (a row's children, or the element itself)."""
    if element is None:
        return _omml(tag)
    if _local(element) in _ROWS:
        return _omml(tag, *_mathml_children(element))
    converted = _mathml(element)
    return _omml(tag, converted)


def _operator(element) -> str | None:  # type: ignore[no-untyped-def]
    """The large operator (∑ ∫ …) an element is, if it is one."""
    if _local(element) in ("mo", "mi") and (text := (element.text or "").strip()) in _LARGE_OPERATORS:
        return text
    return None


def _mathml(element):  # type: ignore[no-untyped-def]
    """One MathML element as OMML (None for what is not shown)."""
    local = _local(element)
    children = [c for c in element if isinstance(c.tag, str)]
    if local in _NOTHING:
        return None
    if local in ("mi", "mn", "mo", "mtext", "ms"):
        text = "".join(element.itertext()).translate(_INVISIBLE).strip()
        return _math_run(text) if text else None
    if local == "semantics":
        shown = next((c for c in children if _local(c) not in _NOTHING), None)
        return _mathml(shown) if shown is not None else None
    if local == "mfrac" and len(children) == 2:
        return _omml("f", _argument(children[0], "num"), _argument(children[1], "den"))
    if local == "msqrt":
        return _omml("rad", _omml("radPr", degHide="1"), _omml("deg"), _omml("e", *_mathml_children(element)))
    if local == "mroot" and len(children) == 2:
        return _omml("rad", _argument(children[1], "deg"), _argument(children[0], "e"))
    scripts = {"msup": ("sup",), "msub": ("sub",), "msubsup": ("sub", "sup")}
    limits = {"munder": ("sub",), "mover": ("sup",), "munderover": ("sub", "sup")}
    if local in scripts or local in limits:
        names = scripts.get(local) or limits[local]
        if len(children) != len(names) + 1:
            return _omml("e", *_mathml_children(element))
        base, parts = children[0], children[1:]
        if (operator := _operator(base)) is not None:
            # ∑ with its limits under and over it (or as scripts): the argument after it is its own
            present = dict(zip(names, parts, strict=True))
            return _omml(
                "nary",
                _omml("naryPr", chr=operator, subHide="0" if "sub" in present else "1",
                      supHide="0" if "sup" in present else "1"),
                _argument(present.get("sub"), "sub"),
                _argument(present.get("sup"), "sup"),
            )  # fmt: skip
        if local in scripts:
            tag = {"msup": "sSup", "msub": "sSub", "msubsup": "sSubSup"}[local]
            return _omml(
                tag, _argument(base, "e"), *(_argument(p, n) for n, p in zip(names, parts, strict=True))
            )
        if local == "mover" and element.get("accent") == "true":
            return _argument(base, "e")  # x̄, x̂: Word's accent reads as its base
        if local == "munder" and element.get("accentunder") == "true":
            return _argument(base, "e")
        inner = _argument(base, "e")
        for name, part in zip(names, parts, strict=True):
            tag = "limLow" if name == "sub" else "limUpp"
            inner = _omml(tag, _omml("e", *list(inner)), _argument(part, "lim"))
        return inner
    if local == "mfenced":
        return _omml(
            "d",
            _omml(
                "dPr",
                begChr=element.get("open", "("),
                endChr=element.get("close", ")"),
                sepChr=(element.get("separators", ",").strip() or ",")[:1],
            ),
            *(_argument(c, "e") for c in children),
        )
    if local == "mtable":
        rows = [r for r in children if _local(r) in ("mtr", "mlabeledtr")]
        cells = [[c for c in r if isinstance(c.tag, str) and _local(c) == "mtd"] for r in rows]
        column = all(len(row) <= 1 for row in cells)
        if column and _lines(element):
            return _omml(
                "eqArr", *(_omml("e", *(x for c in row for x in _mathml_children(c))) for row in cells)
            )
        matrix = _omml("m", *(_omml("mr", *(_argument(c, "e") for c in row)) for row in cells))
        if column and not _bracketed(element):
            # a column in a line and in no brackets (Math's 「binom a b」): 「(a; b)」, its rows kept together
            return _omml("d", _omml("e", matrix))
        return matrix
    return _omml("e", *_mathml_children(element))


def _fence(element, form: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether a MathML element is a bracket LibreOffice writes as an operator (「(」 form="prefix")."""
    return (
        _local(element) == "mo"
        and element.get("fence") == "true"
        and element.get("form") == form
        and bool((element.text or "").strip())
    )


def _bracketed(table) -> bool:  # type: ignore[no-untyped-def]
    """Whether a MathML table stands alone between a pair of brackets (an mfenced, or 「(」 … 「)」 operators)."""
    node = table
    while (parent := node.getparent()) is not None:
        shown = [s for s in parent if isinstance(s.tag, str) and _local(s) not in _NOTHING]
        if _local(parent) == "mfenced":
            return len(shown) == 1
        if _local(parent) not in ("mrow", "mstyle", "mpadded"):
            return False
        if len(shown) != 1:
            at = shown.index(node)
            return (
                0 < at < len(shown) - 1
                and _fence(shown[at - 1], "prefix")
                and _fence(shown[at + 1], "postfix")
            )
        node = parent
    return False


def _lines(table) -> bool:  # type: ignore[no-untyped-def]
    """Whether a one-column MathML table is an equation array (Word's m:eqArr, LibreOffice's stack: a row
    a line) rather than a one-column matrix: it ends its formula (nothing after it but a closing bracket)
    and stands in no pair of brackets — a vector 「(1; 2; 3)」 is between two, cases 「{1, x>0 …」 after a
    lone brace, and a table with more of the formula after it (「binom a b + …」) is part of a line."""
    node = table
    while (parent := node.getparent()) is not None and _local(parent) != "math":
        local = _local(parent)
        if local == "mfenced":
            return not (parent.get("open", "(").strip() and parent.get("close", ")").strip())
        if local not in ("mrow", "mstyle", "mpadded", "semantics"):
            return False  # in a fraction, a script, a cell …: part of a larger figure
        shown = [s for s in parent if isinstance(s.tag, str) and _local(s) not in _NOTHING]
        at = shown.index(node)
        before, after = shown[:at], shown[at + 1 :]
        opened = bool(before) and _fence(before[-1], "prefix")
        closed = bool(after) and _fence(after[0], "postfix")
        if opened and closed:
            return False
        if after[1:] if closed else after:
            return False
        node = parent
    return True


# -- RTF's Office Math ({\mmath {\*\moMath …}}) ---------------------------------------------------------


def rtf_math_element(word: str, parent):  # type: ignore[no-untyped-def]
    """The OMML element an RTF math group's control word (``\\mf``, ``\\mnum``, ``\\mr`` …) stands for, under
    `parent` (None for the ``\\moMath`` group itself): RTF writes Office Math as groups named after its
    elements (``{\\mf {\\mnum …}{\\mden …}}``), so the same `equation_text` reads it. Text in the group goes
    to `rtf_math_text`."""
    from lxml import etree

    tag = M + word[1:]
    return etree.Element(tag) if parent is None else etree.SubElement(parent, tag)


def rtf_math_text(element, text: str) -> None:  # type: ignore[no-untyped-def]
    """Text read inside an RTF math group: a run's characters (``{\\mr x}``), or a property's value
    (``{\\mbegChr [}``, ``{\\mdegHide 1}``) — a property being an element inside one whose name ends in Pr."""
    from lxml import etree

    parent = element.getparent()
    if parent is not None and parent.tag.endswith("Pr"):
        element.set(M + "val", (element.get(M + "val") or "") + text)
        return
    if element.tag == M + "r":
        shown = element.find(M + "t")
        if shown is None:
            shown = etree.SubElement(element, M + "t")
        shown.text = (shown.text or "") + text
