"""Figures with their bounds: a staff member asks with their own figure, the documents state a threshold or
a range. 「我父亲八十二岁了，有高龄补贴吗」 is answered by 「年满80周岁以上的…」, 「工作了三十二年能评吗」 by
「工龄满30年」, 「住院花了6000元能报多少」 by 「5000元以上的部分」: the question's figure is *satisfied by* the
passage's bound, though the two share no word.

A statement is a number with its unit — an age (岁, 周岁, 虚岁; or said as people say their own, without a
unit: 「我爸83了」, 「老伴今年七十五了」, 「虚岁八十」), a number of years (年, not a calendar year such
as 2024年), months (个月), days (天), working days (工作日), hours (小时), a sum of money (元, 万元, 千元, 亿元),
people (人, 名), a share (%, 百分之…) or an area (平方米) — in digits (full-width too) or Chinese numerals, and
the bound around it, which makes it an interval of values:

- after the figure: 以上, 及以上, 或以上 (the figure and more); 以下, 及以下, 以内, 之内, 内 (the figure and
  less) — by the usage of Chinese regulations, both include the figure itself; 「（不含）」 after them leaves it out;
- before it: 满, 年满, 已满, 达到, 不低于, 不少于 (the figure and more); 超过, 高于, 多于, 大于 (more);
  不满, 未满, 不足, 不到, 低于, 少于, 小于 (less); 不超过, 不高于, 不多于 (the figure and less);
- a range: 「80至89周岁」, 「60—70岁」, 「5000元~1万元」 (both ends included);
- a lower bound next to an upper one of the same unit is one range: 「60周岁以上、不满80周岁」;
- no bound: the figure itself.

The question's figures are read the same way (「70周岁以上」 is a range too). A question's statement is
*satisfied* by a passage's statement of the same unit whose interval holds all of it, and *contradicted* by
one whose interval holds none of it (「70周岁以上」 against 「不满70周岁」). `read_with_figures` writes that into
the passage as the search weighs it: after each statement satisfying one of the question's, the question's
figure as written (so every word of it counts as found: 八十二岁 is cut into 十二岁, 二岁…); in each bound
contradicting one, its figures masked (it does not count as holding them). A figure stated without a bound
(「每人每月900元」, 「咸平四年」) is no condition: it is never masked, and `verdict` does not count it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from corpus import numeral_value, to_simplified

__all__ = [
    "Interval",
    "Statement",
    "Verdict",
    "contradicts",
    "read_with_figures",
    "satisfies",
    "statements",
    "verdict",
]

# Full-width digits and signs as typed: one character each way, so positions in the text stay where they are.
_NARROW = str.maketrans("０１２３４５６７８９％．～－", "0123456789%.~-")
_NUMERALS = "〇○零一二两三四五六七八九十百千万"
# a number in Chinese numerals starts with a digit or 十 (十五年): 「多少万元」 names none
_NUMBER = rf"[0-9]+(?:\.[0-9]+)?|[〇○零一二两三四五六七八九十][{_NUMERALS}]*"
# The units, with their factor to the unit's base (万元 → 10000 元); the first group that matches is the unit.
_UNITS: tuple[tuple[str, str], ...] = (
    ("age", r"周岁|虚岁|岁"),
    ("workdays", r"个?工作日"),
    ("months", r"个月"),
    ("days", r"天"),
    ("hours", r"个?小时"),
    ("years", r"年(?![月度级代底初末中前后份龄满纪轻华会])"),
    ("money", r"(?:万|千|百|亿)?(?:元|块钱?)"),
    ("people", r"个?(?:人|名)(?![次员民数均士物口家格字才称义单额气望])"),
    ("percent", r"%"),
    ("area", r"平方米|㎡"),
)
_MULTIPLIER = {"万": 10_000, "千": 1_000, "百": 100, "亿": 100_000_000}
_UNIT = "|".join(f"(?P<{name}>{pattern})" for name, pattern in _UNITS)
# 「不得超过2人」 is at most 2, 「不得低于60%」 at least 60%
_NOT = r"(?:不得|不能|不应|不宜|不可|不准|严禁|禁止|不要|不会)"
_AT_LEAST = rf"年满|已满|满|达到|不低于|不少于|不小于|{_NOT}(?:低于|少于|小于|不足)"
_MORE = r"超过|超出|高于|多于|大于"
_LESS = r"不满|未满|不足|不到|未到|低于|少于|小于"
_AT_MOST = rf"不超过|不高于|不多于|不大于|{_NOT}(?:超过|超出|高于|多于|大于)"
_PREFIX = rf"(?P<prefix>{_AT_MOST}|{_AT_LEAST}|{_LESS}|{_MORE})?"
_SUFFIX = r"(?P<suffix>[及或]?以上|[及或]?以下|以内|之内|内)?"
_EXCLUDED = r"(?:[（(](?P<excluded>不)?含[^）)]{0,8}[）)])?"
# an ordinal (第三年, 前三名), 每/这/那 (每一年) and a figure inside a larger number (十一点二万名) are no statements
_NOT_BEFORE = r"(?<![第每这那某前后0-9.点〇○零一二两三四五六七八九十百千万])"
_RANGE = re.compile(
    rf"{_NOT_BEFORE}(?P<low>{_NUMBER})(?P<low_unit>{_UNIT.replace('?P<', '?P<low_')})?"
    rf"\s*(?:至|到|[—–~-]{{1,2}})\s*(?P<high>{_NUMBER})(?P<high_unit>{_UNIT.replace('?P<', '?P<high_')})"
)
_BOUND = re.compile(
    rf"{_PREFIX}{_NOT_BEFORE}(?P<number>{_NUMBER})(?:{_UNIT})(?:[（(]含[^）)]{{0,8}}[）)])?{_SUFFIX}{_EXCLUDED}"
)
# An age said without its unit, as people say their own: 「我爸83了」, 「老伴今年七十五了」 — a number right after a person
# (a pronoun, a kinship word, 老人, 本人…) or 今年/已经/都/快 after one, followed by 了 or 多了; or after 虚岁/周岁
# (「虚岁七十五」). Only ages a person can be (1–120): 「我交了3000了」 is no age.
_PERSON = (
    r"(?:我|你|他|她|本人|自己|爸爸?|妈妈?|父亲|母亲|老伴儿?|爱人|配偶|丈夫|妻子|老公|老婆|爷爷|奶奶|外公|外婆|姥姥|姥爷"
    r"|公公|婆婆|岳父|岳母|老父亲|老母亲|家父|家母|老人家?|老同志|老干部|老领导)"
)
_BARE_AGE = re.compile(
    rf"(?:{_PERSON}(?:今年|已经|已|都|快|刚|刚刚|才|也|现在|马上|就)*(?P<number>{_NUMBER})(?=多?了)"
    rf"|(?:虚岁|周岁)(?P<after>{_NUMBER})(?![0-9{_NUMERALS}]|{_UNIT}))"
)
# between a lower bound and the upper bound that closes it: 「60周岁以上、不满80周岁」
_JOIN = re.compile(r"[、，,]?(?:且|但|而|并且)?")


@dataclass(frozen=True)
class Interval:
    """The values from `low` to `high` (±inf: unbounded), each end included or not."""

    low: float = -math.inf
    high: float = math.inf
    low_closed: bool = True
    high_closed: bool = True

    def holds(self, value: float) -> bool:
        above = value > self.low or (self.low_closed and value == self.low)
        below = value < self.high or (self.high_closed and value == self.high)
        return above and below

    def within(self, other: Interval) -> bool:
        """Whether every value of this interval is one of `other`'s."""
        low_in = self.low > other.low or (self.low == other.low and (other.low_closed or not self.low_closed))
        high_in = self.high < other.high or (
            self.high == other.high and (other.high_closed or not self.high_closed)
        )
        return low_in and high_in

    def meets(self, other: Interval) -> bool:
        """Whether the two intervals share a value."""
        low, low_closed = max((self.low, self.low_closed), (other.low, other.low_closed), key=_lower_end)
        high, high_closed = min(
            (self.high, self.high_closed), (other.high, other.high_closed), key=_upper_end
        )
        return low < high or (low == high and low_closed and high_closed)

    def empty(self) -> bool:
        return not self.meets(self)


def _lower_end(end: tuple[float, bool]) -> tuple[float, int]:
    return (end[0], 0 if end[1] else 1)  # an open lower end starts after a closed one at the same value


def _upper_end(end: tuple[float, bool]) -> tuple[float, int]:
    return (end[0], 1 if end[1] else 0)


@dataclass(frozen=True)
class Statement:
    """A figure with its unit and bound, where it stands in the text (`start`, `end`), and where its numbers
    stand (`numbers`: what a contradicted statement has masked)."""

    unit: str
    interval: Interval
    start: int
    end: int
    numbers: tuple[tuple[int, int], ...]


def _value(number: str, unit_text: str) -> float | None:
    """A number as written (digits or Chinese numerals) times its unit's multiplier (万元 → ×10000)."""
    if number[0].isdigit():
        value: float | None = float(number)
    else:
        if number == "一":  # 一年, 一人: mostly "a", "per", or part of a word (统一年度)
            return None
        read = numeral_value(number)
        value = float(read) if read is not None else None
    if value is None:
        return None
    for mark, factor in _MULTIPLIER.items():
        if unit_text.startswith(mark):
            return value * factor
    return value


def _unit(match: re.Match[str], prefix: str = "") -> tuple[str, str] | None:
    """The unit a match names (its name and text), from its named groups."""
    for name, _ in _UNITS:
        found = match.group(prefix + name)
        if found is not None:
            return name, found
    return None


def _calendar_year(unit: str, value: float) -> bool:
    return unit == "years" and value >= 1000  # 2024年, 二〇二四年: a date, not a number of years


@lru_cache(maxsize=8192)  # the same candidates come back search after search
def statements(text: str) -> tuple[Statement, ...]:
    """The figures with units in a text, with their bounds, in order (see the module's docstring)."""
    text = text.translate(_NARROW)
    found: list[Statement] = []
    taken: list[tuple[int, int]] = []
    for m in _RANGE.finditer(text):
        high_unit = _unit(m, "high_")
        low_unit = _unit(m, "low_")
        if high_unit is None or (low_unit is not None and low_unit[0] != high_unit[0]):
            continue
        low = _value(m.group("low"), (low_unit or high_unit)[1])
        high = _value(m.group("high"), high_unit[1])
        if low is None or high is None or low > high or _calendar_year(high_unit[0], high):
            continue
        numbers = ((m.start("low"), m.end("low")), (m.start("high"), m.end("high")))
        found.append(Statement(high_unit[0], Interval(low, high), m.start(), m.end(), numbers))
        taken.append((m.start(), m.end()))
    for m in _BOUND.finditer(text):
        if any(start < m.end() and m.start() < end for start, end in taken):
            continue
        unit = _unit(m)
        if unit is None:
            continue
        value = _value(m.group("number"), unit[1])
        if value is None or _calendar_year(unit[0], value):
            continue
        interval = _interval(
            value, m.group("prefix") or "", m.group("suffix") or "", bool(m.group("excluded"))
        )
        if interval is None:
            continue
        found.append(
            Statement(unit[0], interval, m.start(), m.end(), ((m.start("number"), m.end("number")),))
        )
    for m in _BARE_AGE.finditer(text):
        group = "number" if m.group("number") is not None else "after"
        start, end = m.start(group), m.end(group)
        if any(a < end and start < b for a, b in taken) or any(
            s.start < end and start < s.end for s in found
        ):
            continue
        value = _value(m.group(group), "")
        if value is None or not 1 <= value <= 120:
            continue
        found.append(Statement("age", Interval(value, value), start, end, ((start, end),)))
    return tuple(_joined(sorted(found, key=lambda s: s.start), text))


def _interval(value: float, prefix: str, suffix: str, excluded: bool) -> Interval | None:
    """The interval a bound makes of a value (None: a prefix and a suffix that disagree)."""
    if prefix and suffix:
        # 「满70周岁以上」, 「超过5000元以上」 say the same twice; 「不满70周岁以上」 makes no sense
        if re.fullmatch(rf"{_AT_LEAST}|{_MORE}", prefix) and suffix.endswith("以上"):
            suffix = ""
        else:
            return None
    if re.fullmatch(_AT_LEAST, prefix) or suffix.endswith("以上"):
        return Interval(low=value, low_closed=not excluded)
    if re.fullmatch(_MORE, prefix):
        return Interval(low=value, low_closed=False)
    if re.fullmatch(_LESS, prefix):
        return Interval(high=value, high_closed=False)
    if re.fullmatch(_AT_MOST, prefix) or suffix:
        return Interval(high=value, high_closed=not excluded)
    return Interval(value, value)


def _joined(found: list[Statement], text: str) -> list[Statement]:
    """A lower bound followed by an upper bound of the same unit, with at most a comma or 且 between, made
    one range: 「60周岁以上、不满80周岁」 is [60, 80)."""
    out: list[Statement] = []
    for s in found:
        last = out[-1] if out else None
        if (
            last is not None
            and last.unit == s.unit
            and last.interval.high == math.inf
            and last.interval.low > -math.inf
            and s.interval.low == -math.inf
            and s.interval.high < math.inf
            and _JOIN.fullmatch(text[last.end : s.start])
        ):
            both = Interval(
                last.interval.low, s.interval.high, last.interval.low_closed, s.interval.high_closed
            )
            if not both.empty():
                out[-1] = Statement(s.unit, both, last.start, s.end, last.numbers + s.numbers)
                continue
        out.append(s)
    return out


def satisfies(asked: Statement, stated: Statement) -> bool:
    """Whether the passage's statement holds all the question's: the same unit, its interval within."""
    return asked.unit == stated.unit and asked.interval.within(stated.interval)


def contradicts(asked: Statement, stated: Statement) -> bool:
    """Whether the passage's statement holds none of the question's: the same unit, no value shared."""
    return asked.unit == stated.unit and not asked.interval.meets(stated.interval)


def _bound(stated: Statement) -> bool:
    """Whether a statement is a bound, a condition: 「年满80周岁」, 「80至89周岁」, not 「每人每月900元」 or 「咸平四年」
    (a figure stated without a bound contradicts a question's other figure without excluding anything)."""
    return stated.interval.low != stated.interval.high


MASK = "＃"  # what a contradicted statement's digits become: no word of a question holds it


def read_with_figures(question: str, text: str) -> str:
    """The text as the search weighs it against the question: after each statement satisfying one of the
    question's (and not holding its numbers as written), the question's figure in brackets; in each bound
    contradicting one, its numbers masked. The text itself when the question states no figure with a unit."""
    asked = statements(question)
    return _read(asked, question, text) if asked else text


@lru_cache(maxsize=8192)
def _read(asked: tuple[Statement, ...], question: str, text: str) -> str:
    simplified = to_simplified(
        text
    )  # the same length: a passage in traditional script (歲) read as simplified
    stated = statements(simplified)
    if not stated:
        return text
    inserts: list[tuple[int, str]] = []
    masks: list[tuple[int, int]] = []
    for s in stated:
        written = simplified[s.start : s.end]
        added = [
            question[a.start : a.end]
            for a in asked
            if satisfies(a, s) and not all(question[i:j] in written for i, j in a.numbers)
        ]
        if added:
            inserts.append((s.end, f"（{'，'.join(dict.fromkeys(added))}）"))
        elif _bound(s) and any(contradicts(a, s) for a in asked):
            masks.extend(s.numbers)
    if not inserts and not masks:
        return text
    chars = list(text)
    for start, end in masks:
        chars[start:end] = MASK * (end - start)
    for at, words in sorted(inserts, reverse=True):
        chars.insert(at, words)
    return "".join(chars)


@dataclass(frozen=True)
class Verdict:
    """What a passage's bounds say of the figures a question states: some bound holds one of them
    (`satisfied`), some bound excludes one (`excluded`). A figure the passage states without a bound
    (「每人每月900元」) is no condition and counts for neither."""

    satisfied: bool
    excluded: bool


def verdict(question: str, text: str) -> Verdict:
    """The `Verdict` of a passage's bounds on the figures the question states (neither when it states none)."""
    asked = statements(question)
    if not asked:
        return Verdict(False, False)
    bounds = [s for s in statements(to_simplified(text)) if _bound(s)]
    return Verdict(
        any(satisfies(a, s) for a in asked for s in bounds),
        any(contradicts(a, s) for a in asked for s in bounds),
    )
