"""A figure asked in other words: 「一共18次课？」 asks of the passage's 「共十八次课」, 「要写1000字以上吗」 of its
「一千字以上」. The confidence counts how much of the question's words the best passage holds (`abstain.held`);
a question word that is (part of) a figure with its unit is held by a passage stating the same value with the
same unit however it is written — digits or Chinese numerals (十八 ≡ 18, 一千 ≡ 1000, 两千 ≡ 2000), full-width
digits (１０００), a thousands comma (1,000), a multiplier after digits (1.5万 ≡ 15000).

A figure is a number followed by its unit: the character after it (次, 字, 岁, 元, 月…), or 个 and the character
after that (个人, 个月: 三十个人 is not 30人, 三个月 is not 3月). The unit must agree: 十八次 is not held by
18岁. Left alone: an ordinal (第十八次), an estimate (十几次, 几十个, 四百多个, 三十余人, 六七十岁), a number
inside a longer one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from corpus import numeral_value

__all__ = ["Figure", "figures", "held_as_figure"]

_MULTIPLIER = {"万": 10_000, "千": 1_000, "百": 100, "亿": 100_000_000}
_CN = "〇○零一二两三四五六七八九十百千万亿"
_NUMBER = re.compile(
    rf"(?<![第0-9.,{_CN}几数])"
    rf"(?:(?P<digits>[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)(?P<times>[万千百亿])?"
    rf"|(?P<numeral>[〇○零一二两三四五六七八九十][{_CN}]*))"
)
# what makes the figure an estimate or no figure: 十几次, 四百多个, 三十余人, 10.5's 10 — never a unit
_NOT_UNIT = re.compile(rf"[\s0-9.,{_CN}几多余来数第]")


@dataclass(frozen=True)
class Figure:
    """A value with its unit, where its number starts and ends and where its unit ends in the text."""

    value: float
    unit: str
    start: int
    number_end: int
    end: int


def _typed(text: str) -> str:
    # full-width digits, comma and point as typed (one character each way: positions stay)
    return text.translate(str.maketrans("０１２３４５６７８９，．", "0123456789,."))


def _value(match: re.Match[str]) -> float | None:
    if match.group("digits") is not None:
        value = float(match.group("digits").replace(",", ""))
        times = match.group("times")
        return value * _MULTIPLIER[times] if times else value
    numeral = match.group("numeral")
    if "亿" in numeral:
        head, _, rest = numeral.partition("亿")
        high, low = numeral_value(head), (numeral_value(rest) if rest else 0)
        return None if high is None or low is None else float(high * 100_000_000 + low)
    read = numeral_value(numeral)
    return None if read is None else float(read)


@lru_cache(maxsize=4096)
def figures(text: str) -> tuple[Figure, ...]:
    """Every figure with its unit the text states (lowercase Latin units are as written)."""
    typed = _typed(text)
    found: list[Figure] = []
    for match in _NUMBER.finditer(typed):
        end = match.end()
        unit_start = end
        if unit_start >= len(typed) or _NOT_UNIT.match(typed, unit_start):
            continue
        unit = typed[unit_start]
        if not (unit.isalpha() or unit == "%"):  # punctuation after the number: no unit
            continue
        if unit == "个":
            if unit_start + 1 >= len(typed) or _NOT_UNIT.match(typed, unit_start + 1):
                continue
            unit = typed[unit_start : unit_start + 2]
        value = _value(match)
        if value is None:
            continue
        found.append(Figure(value, unit, match.start(), end, unit_start + len(unit)))
    return tuple(found)


@lru_cache(maxsize=4096)
def _stated(haystack: str) -> frozenset[tuple[float, str]]:
    return frozenset((f.value, f.unit) for f in figures(haystack))


def held_as_figure(word: str, question: str, haystack: str) -> bool:
    """Whether a question word that is part of a figure with its unit (the number, or the number and its
    unit: 18, 十八次, 十八) is held by the haystack stating the same value with the same unit, written
    otherwise. The word must start inside the figure's number and end at most one character past its unit
    (三十分钟's 十分钟)."""
    word = _typed(word.lower())
    if not word or not _NUMBER.search(word):
        return False
    asked = _typed(question.lower())
    stated = None
    at = asked.find(word)
    while at >= 0:
        for f in figures(question.lower()):
            if f.start <= at < f.number_end and at + len(word) <= f.end + 1:
                stated = _stated(haystack) if stated is None else stated
                if (f.value, f.unit) in stated:
                    return True
        at = asked.find(word, at + 1)
    return False
