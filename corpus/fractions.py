"""A PDF's stacked fractions read in their line, as the equation's own file reads them.

A fraction set as a formula — LibreOffice Math's 「a over b」, Word's equation (OMML) exported to PDF, a
report drawn with two small lines over a rule — is, in the PDF, three things: the numerator's characters
just above a drawn bar (a thin filled rectangle or a stroked line), the denominator's just below it, and the
sentence's own line running on either side of the bar at its height with a gap where the fraction stands.
Read by position they were three lines: 「家庭上年度总收入」, then 「式中，家庭月人均收入= ，保障标准按…」, then
「12×家庭人口数」 — the sentence broken, its formula's parts lines of their own.

`stacked_fractions` finds them: a bar, characters on one line above it and on one line below it within its
width (the wider as wide as the bar, near it: within a line's height), each part one run of characters
(no gap wider than a character) centred on the bar, nothing else on their lines beside them, the sentence's
characters beside the bar at its height, no vertical rule meeting the bar and no other horizontal rule just
over and under it spanning it or ending where it ends (a 三线表's rules round its grouped header's). Each becomes the text 「分子/分母」 written
as `corpus.equations.fraction_text` writes a Word or Writer file's fraction (each part in brackets when it
is more than one term: 「家庭上年度总收入/(12×家庭人口数)」, a minus sign 「-」), placed on the sentence's line
where the bar is. A table's rule (a column's rule meets it; its cells' lines run past it on either side), an underline (the line under it
runs on past its ends; no sentence beside it at its own height) and a rule standing alone (nothing at its
height) are not fractions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import NamedTuple

from .equations import fraction_text, radical_text

__all__ = ["Formula", "read_formulas", "stacked_fractions"]

# A bar is at most this thick (pt) and at least this long
_MAX_BAR = 2.0
_MIN_BAR = 3.0
# a part's characters stand at most this share of their size off the bar (its near edge)
_GAP = 0.5
# a part's character box may reach this share of its size over the bar (a font's box is taller than its glyph)
_OVERLAP = 0.25
# the characters of one part are one line: their middles within this share of their size
_ONE_LINE = 0.4
# the sentence beside the bar: a character whose middle is this share of its size from the bar's height
# (a fraction's bar sits on the math axis, about a sixth of the size below a Chinese character's middle;
# an underline sits under the baseline, half the size below it) and this many sizes from the bar's end
_AXIS = 0.35
_BESIDE = 3.0
# a part is alone on its line: no other character within this many sizes of the bar's ends
_APART = 1.5
# a part is one run: no gap between its characters wider than this share of their size (a table's grouped
# header 「离休干部　　退休干部」 under its rule is two cells)
_RUN_GAP = 1.0
# a part is centred on its bar: its middle within this share of its size (plus a point) of the bar's
_CENTRED = 0.25
# a table's rules: another horizontal rule within this many sizes above or below the bar, spanning it or
# ending where it ends (the rules over and under a 三线表's grouped header)
_RULED = 2.5


class Formula(NamedTuple):
    """One stacked fraction or radical: the characters it replaces and the characters that read it in its
    line."""

    parts: frozenset[
        int
    ]  # ids of the numerator's and denominator's characters (a radical's sign, degree, body)
    bar: int  # id of the bar's (the overbar's) rectangle or line (drawn across the read line: no strike-through)
    chars: tuple[dict, ...]  # type: ignore[type-arg]


# a formula read in its line keeps the height it was drawn over (its characters' "stack_top"/"stack_bottom"),
# so a fraction holding it as its numerator finds it near its bar
def _high(char: dict) -> float:  # type: ignore[type-arg]
    return float(char.get("stack_top", char["top"]))


def _low(char: dict) -> float:  # type: ignore[type-arg]
    return float(char.get("stack_bottom", char["bottom"]))


def _middle(char: dict) -> float:  # type: ignore[type-arg]
    return (float(char["top"]) + float(char["bottom"])) / 2


def _centre(char: dict) -> float:  # type: ignore[type-arg]
    return (float(char["x0"]) + float(char["x1"])) / 2


def _size(char: dict) -> float:  # type: ignore[type-arg]
    return float(char.get("size") or 0) or float(char["bottom"]) - float(char["top"])


class _Bar(NamedTuple):
    x0: float
    x1: float
    y: float
    edge: int


def _horizontal(edges: Sequence[dict]) -> list[_Bar]:  # type: ignore[type-arg]
    """Every thin horizontal rule of the page (a table's, an underline, a bar)."""
    rules = []
    for edge in edges:
        x0, x1 = float(edge["x0"]), float(edge["x1"])
        top, bottom = float(edge["top"]), float(edge["bottom"])
        if bottom - top <= _MAX_BAR and x1 - x0 >= _MIN_BAR:
            rules.append(_Bar(x0, x1, (top + bottom) / 2, id(edge)))
    return rules


def _ruled(bar: _Bar, rules: Sequence[_Bar], size: float) -> bool:
    """Other rules just above and just below the bar span it or end where it end: a table's rules (a
    radical's overline over a fraction is one rule above it)."""
    sides = set()
    for rule in rules:
        if rule.edge == bar.edge or not 0.5 < abs(rule.y - bar.y) <= _RULED * size:
            continue
        if rule.x1 < bar.x0 or rule.x0 > bar.x1:
            continue
        spans = rule.x0 <= bar.x0 + 1 and rule.x1 >= bar.x1 - 1
        if spans or abs(rule.x0 - bar.x0) <= 1 or abs(rule.x1 - bar.x1) <= 1:
            sides.add(rule.y < bar.y)
    return len(sides) == 2


def _beside(char: dict, bar: _Bar, reach: float) -> bool:  # type: ignore[type-arg]
    """The character stands beside the bar: its middle past one of the bar's ends, by at most `reach`."""
    x = _centre(char)
    return not bar.x0 - 0.5 <= x <= bar.x1 + 0.5 and bar.x0 - reach <= x <= bar.x1 + reach


def _one_run(part: list[dict]) -> bool:  # type: ignore[type-arg]
    return all(
        float(b["x0"]) - float(a["x1"]) <= _RUN_GAP * min(_size(a), _size(b)) for a, b in pairwise(part)
    )


def _centred(part: list[dict], bar: _Bar) -> bool:  # type: ignore[type-arg]
    middle = (float(part[0]["x0"]) + float(part[-1]["x1"])) / 2
    return abs(middle - (bar.x0 + bar.x1) / 2) <= _CENTRED * max(_size(c) for c in part) + 1


def _bars(edges: Sequence[dict]) -> list[_Bar]:  # type: ignore[type-arg]
    """The thin horizontal rules no vertical rule meets: a table's rules meet its columns' (at an end, or a
    column's rule starting from it under a grouped header), a fraction's bar stands free."""
    verticals = []
    for edge in edges:
        x0, x1 = float(edge["x0"]), float(edge["x1"])
        top, bottom = float(edge["top"]), float(edge["bottom"])
        if bottom - top >= _MIN_BAR:
            verticals += (
                [(x0, top, bottom), (x1, top, bottom)]
                if x1 - x0 > _MAX_BAR
                else [((x0 + x1) / 2, top, bottom)]
            )
    bars = []
    for edge in edges:
        x0, x1 = float(edge["x0"]), float(edge["x1"])
        top, bottom = float(edge["top"]), float(edge["bottom"])
        y = (top + bottom) / 2
        if bottom - top > _MAX_BAR or x1 - x0 < _MIN_BAR:
            continue
        if any(x0 - 1 <= x <= x1 + 1 and v_top - 1 <= y <= v_bottom + 1 for x, v_top, v_bottom in verticals):
            continue
        bars.append(_Bar(x0, x1, y, id(edge)))
    return bars


def _one_line(chars: list[dict]) -> bool:  # type: ignore[type-arg]
    middles = [_middle(c) for c in chars]
    return max(middles) - min(middles) <= _ONE_LINE * min(_size(c) for c in chars)


def _part(chars: Iterable[dict]) -> list[dict]:  # type: ignore[type-arg]
    """A part's characters left to right, without one far larger than the rest (a radical's sign, a
    tall bracket drawn round the fraction)."""
    chars = list(chars)
    if not chars:
        return []
    least = min(_size(c) for c in chars)
    return sorted((c for c in chars if _size(c) <= 1.5 * least), key=_centre)


def _nested(inner: _Bar, outer: _Bar, near: dict[int, tuple[set[int], set[int]]]) -> bool:
    """Whether the bar `inner` is a fraction's inside the numerator or denominator of the wider `outer`: within
    its width, its denominator's characters the outer's numerator's (or its numerator's the outer's
    denominator's)."""
    if outer.x1 - outer.x0 <= inner.x1 - inner.x0 or not (
        outer.x0 - 1 <= inner.x0 and inner.x1 <= outer.x1 + 1
    ):
        return False
    (inner_above, inner_below), (outer_above, outer_below) = near[inner.edge], near[outer.edge]
    return bool(inner_below & outer_above) or bool(inner_above & outer_below)


def stacked_fractions(chars: Sequence[dict], edges: Sequence[dict]) -> list[Formula]:  # type: ignore[type-arg]
    """The stacked fractions among a page's characters, `edges` its thin rectangles and lines (pdfplumber's
    objects, top-down coordinates). A fraction in another's numerator or denominator is found first (the
    other is left for the next call, when its part holds the inner one's reading: `read_formulas`)."""
    shown = [c for c in chars if (c.get("text") or "").strip() and c.get("upright", True)]
    bars = _bars(edges)
    rules = _horizontal(edges)
    # a radical's overbar over a fraction is no table's rule (its sign begins it)
    overbars = {bar.edge for c in shown if c["text"] in _SIGNS and (bar := _overbar(c, rules)) is not None}
    rules = [rule for rule in rules if rule.edge not in overbars]
    near: dict[int, tuple[set[int], set[int]]] = {}
    sides: dict[int, tuple[list[dict], list[dict], list[dict]]] = {}  # type: ignore[type-arg]
    for bar in bars:
        within = [c for c in shown if bar.x0 - 0.5 <= _centre(c) <= bar.x1 + 0.5]
        above = [c for c in within if -_OVERLAP * _size(c) <= bar.y - _low(c) <= _GAP * _size(c)]
        below = [c for c in within if -_OVERLAP * _size(c) <= _high(c) - bar.y <= _GAP * _size(c)]
        near[bar.edge] = ({id(c) for c in above}, {id(c) for c in below})
        sides[bar.edge] = (within, above, below)
    pairs = [
        (inner, outer)
        for inner in bars
        for outer in bars
        if inner is not outer and _nested(inner, outer, near)
    ]
    waiting = {outer.edge for _, outer in pairs}
    found: list[tuple[_Bar, list[dict], list[dict]]] = []  # type: ignore[type-arg]

    def lines_of(bar: _Bar) -> tuple[list[dict], list[dict]] | None:  # type: ignore[type-arg]
        """The characters of the lines just over and just under `bar`, within its width (None when one side
        has none)."""
        within, near_above, near_below = sides[bar.edge]
        above = _part(_with_line(near_above, within, bar, above=True))
        below = _part(_with_line(near_below, within, bar, above=False))
        return (above, below) if above and below else None

    def parts_of(bar: _Bar) -> tuple[list[dict], list[dict]] | None:  # type: ignore[type-arg]
        """The numerator and denominator over and under `bar`: one line each, one run, centred on it,
        the bar as wide as the wider — None when they are not a fraction's."""
        if (lines := lines_of(bar)) is None:
            return None
        above, below = lines
        if not _one_line(above) or not _one_line(below):
            return None
        widest = max(float(part[-1]["x1"]) - float(part[0]["x0"]) for part in (above, below))
        if widest < 0.6 * (bar.x1 - bar.x0):
            return None  # the bar is drawn as wide as the wider part: a longer rule is something else
        if not all(_one_run(part) and _centred(part, bar) for part in (above, below)):
            return (
                None  # two cells under a grouped header, a name over a signature rule: not a formula's parts
            )
        if _ruled(bar, rules, max(_size(c) for c in (*above, *below))):
            return None  # a rule with a table's rules over or under it
        return above, below

    for bar in bars:
        if bar.edge in waiting:
            continue  # a fraction holding another not yet read
        if (both := parts_of(bar)) is not None:
            found.append((bar, *both))
    taken = {id(c) for _, above, below in found for c in (*above, *below)}

    def apart(bar: _Bar, part: list[dict], size: float, reach: float = _APART) -> bool:  # type: ignore[type-arg]
        """Nothing else on a part's line beside the bar (within `reach` characters of its ends): a label,
        another column's words, the rest of a line the rule runs under stand there."""
        return not any(
            id(c) not in taken
            and _beside(c, bar, reach * size)
            and _size(c) <= 1.5 * size  # a radical's sign or a tall bracket round it is no line's
            and abs(_middle(c) - _middle(part[0])) <= _ONE_LINE * size
            for c in shown
        )

    def sentence(bar: _Bar, above: list[dict], below: list[dict], *, stacked: bool) -> list[dict] | None:  # type: ignore[type-arg]
        """The sentence's characters a fraction over `bar` stands in — beside the bar at its height (when a
        part holds a formula, between its parts' lines) — or None when something else stands on its parts'
        lines beside it (a label, another column's words: its parts are lines of their own)."""
        size = max(_size(c) for c in (*above, *below))
        if not (apart(bar, above, size) and apart(bar, below, size)):
            return None

        def beside(char: dict, *, reach: float) -> bool:  # type: ignore[type-arg]
            return id(char) not in taken and _beside(char, bar, reach * size)

        if stacked:
            # a part holding a formula: the whole is taller, its bar off the sentence's axis; the sentence's
            # characters stand between its numerator's and its denominator's lines
            high, low = _middle(above[0]) + _ONE_LINE * size, _middle(below[0]) - _ONE_LINE * size
            host = [c for c in shown if beside(c, reach=_BESIDE) and high <= _middle(c) <= low]
        else:
            host = [
                c for c in shown if beside(c, reach=_BESIDE) and abs(_middle(c) - bar.y) <= _AXIS * _size(c)
            ]
        return [c for c in host if _size(c) <= 1.5 * size]  # a radical's sign round it is no sentence's

    def holds(inner: _Bar, outer: _Bar) -> bool:
        """Whether the wider bar `outer` holds `inner`'s fraction: a radical's overbar, or a fraction's whose
        other part is one line, one run, centred on it, nothing beside it on its line (within the sentence's
        reach: another column's words, the rest of a line the rule runs under), and a sentence beside it —
        the sentence's line runs along the inner fraction's part or between the parts (「折算系数=」 on the line of 「10」 in
        「(年龄/10+1)/2」, 「不含税单价=」 on 「税率」's in 「发票金额/(1+税率/100)」)."""
        if outer.edge in overbars:
            return True  # under a radical's overbar: the radical holds it, read next (its sign begins it)
        if (lines := lines_of(outer)) is None:
            return False
        above, below = lines
        other = below if near[inner.edge][1] & near[outer.edge][0] else above
        size = max(_size(c) for c in (*above, *below))
        high, low = _middle(above[0]) - _ONE_LINE * size, _middle(below[0]) + _ONE_LINE * size
        return (
            _one_line(other)
            and _one_run(other)
            and _centred(other, outer)
            and apart(outer, other, size, _BESIDE)
            and any(
                id(c) not in taken
                and _beside(c, outer, _BESIDE * size)
                and _size(c) <= 1.5 * size
                and high <= _middle(c) <= low
                for c in shown
            )
        )

    # a fraction in a wider one's part: its neighbours are that one's sentence's — when the wider one is a
    # fraction standing in a sentence (a signature's or a cover's stacked lines, a name over a rule over a
    # date over a wider rule, stand in none; nor does a rule under a longer line: no fraction)
    held = {inner.edge for inner, outer in pairs if holds(inner, outer)}
    out = []
    for bar, above, below in found:
        nested = bar.edge in held
        host = sentence(bar, above, below, stacked=any("stack_top" in c for c in (*above, *below)))
        if not (host or nested):
            continue
        host = host or []
        if host:
            least = min(_size(c) for c in host)
            model = min(
                (c for c in host if _size(c) <= 1.5 * least),
                key=lambda c: min(abs(_centre(c) - bar.x0), abs(_centre(c) - bar.x1)),
            )
        else:  # alone in a wider fraction's part: its reading stands on its own bar's height
            first = max((above, below), key=len)[0]
            half = _size(first) / 2
            model = {**first, "top": bar.y - half, "bottom": bar.y + half}
        text = fraction_text(
            "".join(c["text"] for c in above).strip(), "".join(c["text"] for c in below).strip()
        )
        stack = (min(_high(c) for c in above), max(_low(c) for c in below))
        parts = frozenset(id(c) for c in (*above, *below))
        out.append(Formula(parts, bar.edge, _placed(text, model, bar.x0, bar.x1, stack)))
    return out


def _with_line(near: list[dict], within: list[dict], bar: _Bar, *, above: bool) -> list[dict]:  # type: ignore[type-arg]
    """A part's characters near the bar and the others of their line within the bar's width (beside a
    fraction read in a numerator, 「年龄/10」 of 「年龄/10+1」, the 「+1」 standing higher than its stack)."""
    if not near:
        return []
    line = sum(_middle(c) for c in near) / len(near)
    size = min(_size(c) for c in near)
    ids = {id(c) for c in near}
    return [
        *near,
        *(
            c
            for c in within
            if id(c) not in ids
            and abs(_middle(c) - line) <= _ONE_LINE * size
            and (_middle(c) < bar.y if above else _middle(c) > bar.y)
        ),
    ]


def _placed(text: str, model: dict, x0: float, x1: float, stack: tuple[float, float]) -> tuple[dict, ...]:  # type: ignore[type-arg]
    """`text` as characters like `model` (its line, font and size) spread from `x0` to `x1`, keeping the
    height the formula was drawn over."""
    width = (x1 - x0) / len(text)
    matrix = tuple(model.get("matrix") or (1, 0, 0, 1, 0, 0))
    return tuple(
        {
            **model,
            "text": t,
            "x0": x0 + i * width,
            "x1": x0 + (i + 1) * width,
            "width": width,
            "adv": width,
            "matrix": (*matrix[:4], x0 + i * width, matrix[5]),
            "stack_top": min(stack[0], _high(model)),
            "stack_bottom": max(stack[1], _low(model)),
        }
        for i, t in enumerate(text)
    )


_SIGNS = {"√": "", "∛": "3", "∜": "4"}
# a radical's overbar starts at its sign's right end (within this share of the sign's height plus a point)
# and stands in the top part of the sign (between these shares of its height from its top)
_JOINS = 0.2
_OVERBAR = (-0.1, 0.4)


def _overbar(sign: dict, rules: Sequence[_Bar]) -> _Bar | None:  # type: ignore[type-arg]
    """A radical sign's overbar among the page's thin horizontal rules: from its right end, along its top."""
    top, bottom = float(sign["top"]), float(sign["bottom"])
    height = bottom - top
    overbars = [
        rule
        for rule in rules
        if abs(rule.x0 - float(sign["x1"])) <= _JOINS * height + 1
        and top + _OVERBAR[0] * height <= rule.y <= top + _OVERBAR[1] * height
    ]
    return max(overbars, key=lambda rule: rule.x1) if overbars else None


def radicals(chars: Sequence[dict], edges: Sequence[dict]) -> list[Formula]:  # type: ignore[type-arg]
    """The radicals among a page's characters: a sign 「√」 (「∛」「∜」), a thin horizontal rule from its right
    end along its top (the overbar), and under the overbar one line of characters (the radicand, its
    fractions already read in it), with the degree — small characters in the crook of the sign, 「3」 —
    if any. Each reads 「√(…)」 as `corpus.equations.radical_text` writes a Word or Writer file's radical,
    on the radicand's line."""
    shown = [c for c in chars if (c.get("text") or "").strip() and c.get("upright", True)]
    rules = _horizontal(edges)
    out, taken = [], set()
    for sign in shown:
        if sign["text"] not in _SIGNS or id(sign) in taken:
            continue
        x0, x1 = float(sign["x0"]), float(sign["x1"])
        top, bottom = float(sign["top"]), float(sign["bottom"])
        bar = _overbar(sign, rules)
        if bar is None:
            continue
        body = sorted(
            (
                c
                for c in shown
                if c is not sign
                and id(c) not in taken
                and bar.x0 - 0.5 <= _centre(c) <= bar.x1 + 0.5
                and bar.y < _middle(c) < max(bottom, bar.y + _size(c))
                and _high(c) >= bar.y - _OVERLAP * _size(c)
            ),
            key=_centre,
        )
        if (
            not body
            or not _one_line(body)
            or not _one_run(body)
            or any(c["text"] in _SIGNS and "stack_top" not in c for c in body)
        ):
            continue  # a radicand of more than one line (a fraction not read) or a radical not read yet
        small = min(_size(c) for c in body)
        degree = sorted(
            (
                c
                for c in shown
                if c is not sign
                and id(c) not in taken
                and float(c["x0"]) >= x0 - 1
                and _centre(c) <= x0 + 0.6 * (x1 - x0)
                and float(c["top"]) >= top - 1
                and float(c["bottom"]) <= top + 0.6 * (bottom - top)
                and _size(c) <= 0.8 * small
            ),
            key=_centre,
        )
        text = radical_text(
            "".join(c["text"] for c in body).strip(),
            _SIGNS[sign["text"]] or "".join(c["text"] for c in degree).strip(),
        )
        parts = [sign, *degree, *body]
        taken.update(id(c) for c in parts)
        # read on the sentence's line: the character just before the sign or just after the overbar, on the
        # radicand's line (a radicand drawn larger than the sentence stands over it; a radical in a fraction's
        # part has none beside it: it stands in that part's line)
        host = [
            c
            for c in shown
            if id(c) not in taken
            and c["text"] not in _SIGNS  # a radical round it is no sentence's, nor one drawn larger
            and _size(c) <= 1.5 * max(_size(b) for b in body)
            and abs(_middle(c) - _middle(body[0])) <= _ONE_LINE * max(_size(c), _size(body[0]))
            and (0 <= x0 - float(c["x1"]) <= _size(c) or 0 <= float(c["x0"]) - bar.x1 <= _size(c))
        ]
        model = min(host, key=lambda c: abs(_middle(c) - _middle(body[0]))) if host else body[0]
        # the height it was drawn over: from its overbar to its radicand's foot (the sign's box is its font's,
        # reaching under the line)
        stack = (min(bar.y, *(_high(c) for c in body)), max(_low(c) for c in body))
        out.append(Formula(frozenset(map(id, parts)), bar.edge, _placed(text, model, x0, bar.x1, stack)))
    return out


def read_formulas(chars: Sequence[dict], edges: Sequence[dict]) -> tuple[list[dict], frozenset[int]]:  # type: ignore[type-arg]
    """A page's characters with its stacked fractions and radicals read in their lines, each where its
    first character stood (the page's order kept), and the ids of the bars and overbars read (drawn across
    a read line: no strike-through). Read from the inside out: a fraction in a numerator, a fraction under
    a radical's overbar, then what holds them, until nothing more is found."""
    chars, read = list(chars), set[int]()
    for _ in range(8):  # a formula nested deeper than this is left as drawn
        left = [e for e in edges if id(e) not in read]
        found = radicals(chars, left) or stacked_fractions(chars, left)
        if not found:
            break
        owner = {part: f for f in found for part in f.parts}
        placed, out = set(), []
        for char in chars:
            f = owner.get(id(char))
            if f is None:
                out.append(char)
            elif id(f) not in placed:
                placed.add(id(f))
                out += f.chars
        chars = out
        read.update(f.bar for f in found)
    return chars, frozenset(read)
