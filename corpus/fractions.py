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

from .equations import fraction_text

__all__ = ["Fraction", "stacked_fractions"]

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


class Fraction(NamedTuple):
    """One stacked fraction: the characters it replaces and the characters that read it in its line."""

    parts: frozenset[int]  # ids of the numerator's and denominator's characters
    bar: int  # id of the bar's rectangle or line (drawn across the read line: no strike-through)
    chars: tuple[dict, ...]  # type: ignore[type-arg]


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


def stacked_fractions(chars: Sequence[dict], edges: Sequence[dict]) -> list[Fraction]:  # type: ignore[type-arg]
    """The stacked fractions among a page's characters, `edges` its thin rectangles and lines (pdfplumber's
    objects, top-down coordinates)."""
    shown = [c for c in chars if (c.get("text") or "").strip() and c.get("upright", True)]
    bars = _bars(edges)
    rules = _horizontal(edges)
    found: list[tuple[_Bar, list[dict], list[dict]]] = []  # type: ignore[type-arg]
    for bar in bars:
        within = [c for c in shown if bar.x0 - 0.5 <= _centre(c) <= bar.x1 + 0.5]
        above = _part(
            c for c in within if -_OVERLAP * _size(c) <= bar.y - float(c["bottom"]) <= _GAP * _size(c)
        )
        below = _part(c for c in within if -_OVERLAP * _size(c) <= float(c["top"]) - bar.y <= _GAP * _size(c))
        if not above or not below or not _one_line(above) or not _one_line(below):
            continue
        widest = max(float(part[-1]["x1"]) - float(part[0]["x0"]) for part in (above, below))
        if widest < 0.6 * (bar.x1 - bar.x0):
            continue  # the bar is drawn as wide as the wider part: a longer rule is something else
        if not all(_one_run(part) and _centred(part, bar) for part in (above, below)):
            continue  # two cells under a grouped header, a name over a signature rule: not a formula's parts
        if _ruled(bar, rules, max(_size(c) for c in (*above, *below))):
            continue  # a rule with a table's rules over or under it
        found.append((bar, above, below))
    taken = {id(c) for _, above, below in found for c in (*above, *below)}
    out = []
    for bar, above, below in found:
        size = max(_size(c) for c in (*above, *below))

        def beside(char: dict, *, reach: float, bar: _Bar = bar, size: float = size) -> bool:  # type: ignore[type-arg]
            x = _centre(char)
            return (
                id(char) not in taken
                and not bar.x0 - 0.5 <= x <= bar.x1 + 0.5
                and bar.x0 - reach * size <= x <= bar.x1 + reach * size
            )

        alone = all(
            not any(
                beside(c, reach=_APART)
                and _size(c) <= 1.5 * size  # a radical's sign or a tall bracket round it is no line's
                and abs(_middle(c) - _middle(part[0])) <= _ONE_LINE * size
                for c in shown
            )
            for part in (above, below)
        )
        host = [c for c in shown if beside(c, reach=_BESIDE) and abs(_middle(c) - bar.y) <= _AXIS * _size(c)]
        if not alone or not host:
            continue
        least = min(_size(c) for c in host)
        model = min(
            (c for c in host if _size(c) <= 1.5 * least),
            key=lambda c: min(abs(_centre(c) - bar.x0), abs(_centre(c) - bar.x1)),
        )
        text = fraction_text(
            "".join(c["text"] for c in above).strip(), "".join(c["text"] for c in below).strip()
        )
        width = (bar.x1 - bar.x0) / len(text)
        placed = tuple(
            {
                **model,
                "text": t,
                "x0": bar.x0 + i * width,
                "x1": bar.x0 + (i + 1) * width,
                "width": width,
                "adv": width,
                "matrix": (
                    *tuple(model.get("matrix") or (1, 0, 0, 1, 0, 0))[:4],
                    bar.x0 + i * width,
                    tuple(model.get("matrix") or (1, 0, 0, 1, 0, 0))[5],
                ),
            }
            for i, t in enumerate(text)
        )
        out.append(Fraction(frozenset(id(c) for c in (*above, *below)), bar.edge, placed))
    return out
