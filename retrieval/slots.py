"""The values a question pins down — the year, the count, the ordinal, the administrative level it names —
read by general patterns, so that two questions alike in every other word can be told apart when they name
different values for the same slot: 「前年…成绩主要表现在几个方面」 against 「去年…」, 「第四条…」 against
「第一条…」, 「四中全会…」 against 「五中全会…」, 「全省…」 against 「全市…」, 「每个站补助多少」 is not
concerned (it names no value).

A question that leaves a slot out does not conflict with one that names it (a paraphrase drops words);
only two values of one slot, both named and disjoint, do.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from corpus import NUMERAL_CHARS, numeral_value, to_simplified

__all__ = ["Slot", "names_staff", "question_slots", "slots_conflict"]

Slot = tuple[str, str]  # (what is named, its value): ("year", "2027"), ("个", "30"), ("第条", "4")

_NUMERALS = "".join(sorted(NUMERAL_CHARS))
_NUMBER = rf"(?:\d+(?:\.\d+)?|[{_NUMERALS}]+)"
# Relative years, as an offset from this year (a question names this year, last year, the year before …)
_RELATIVE_YEARS = {
    "今年": "0",
    "本年": "0",
    "当年": "0",
    "去年": "-1",
    "上年": "-1",
    "上一年": "-1",
    "前年": "-2",
    "明年": "1",
    "来年": "1",
    "下一年": "1",
    "后年": "2",
}
_RELATIVE = re.compile("|".join(sorted(_RELATIVE_YEARS, key=len, reverse=True)))
_HALF = re.compile(r"([上下])半年")
_YEAR = re.compile(rf"(?<![\d{_NUMERALS}])(\d{{4}}|[〇○零一二三四五六七八九]{{4}})年")
_ORDINAL = re.compile(rf"第({_NUMBER})([\u4e00-\u9fff])")
_PLENUM = re.compile(rf"({_NUMBER})中全会")
_PLAN = re.compile(r"十([一二三四五六七八九])五")  # a five-year plan: 十三五, 十四五
# A number counting something: its unit (the classifiers and measures questions on these documents use)
_UNITS = (
    "周岁",
    "摄氏度",
    "平方米",
    "公里",
    "分钟",
    "小时",
    "万元",
    "个月",
    "岁",
    "度",
    "个",
    "名",
    "人",
    "次",
    "条",
    "项",
    "讲",
    "届",
    "期",
    "批",
    "块",
    "元",
    "天",
    "年",
    "月",
    "日",
    "号",
    "位",
    "部",
    "种",
    "场",
    "所",
    "户",
    "周",
    "倍",
    "%",
)
_SAME_UNIT = {"周岁": "岁", "摄氏度": "度"}
# (not after 第, an ordinal; nor after 哪 or 每: 哪一年 asks which year, 每一年 is every year)
_COUNT = re.compile(rf"(?<![第哪每\d{_NUMERALS}])({_NUMBER})({'|'.join(map(re.escape, _UNITS))})")
# Administrative level: 全市 / 我省 / 市委 / 省级 …
_LEVEL = re.compile(r"(?:全|我|本)([市省国县区])|([市省县])(?:委|级|政府)")


def _value(number: str) -> str | None:
    if number[0].isdigit():
        return number.rstrip("0").rstrip(".") if "." in number else str(int(number))
    if len(number) == 1 and number in "十百千万":
        return None  # 十分, 万一: a word, not a number
    value = numeral_value(number)
    return None if value is None else str(value)


def question_slots(question: str) -> frozenset[Slot]:
    """The slots the question names a value for (see the module's docstring)."""
    text = to_simplified(unicodedata.normalize("NFKC", question))
    found: set[Slot] = set()
    for m in _YEAR.finditer(text):
        if (value := _value(m.group(1))) is not None:
            found.add(("year", value))
    text_left = _YEAR.sub(" ", text)
    found.update(("relative year", _RELATIVE_YEARS[m.group()]) for m in _RELATIVE.finditer(text_left))
    found.update(("half year", m.group(1)) for m in _HALF.finditer(text_left))
    for m in _ORDINAL.finditer(text_left):
        if (value := _value(m.group(1))) is not None:
            found.add((f"第{m.group(2)}", value))
    for m in _PLENUM.finditer(text_left):
        if (value := _value(m.group(1))) is not None:
            found.add(("中全会", value))
    found.update(("five-year plan", m.group(1)) for m in _PLAN.finditer(text_left))
    counted = _ORDINAL.sub(" ", _PLENUM.sub(" ", _RELATIVE.sub(" ", text_left)))
    for m in _COUNT.finditer(counted):
        if (value := _value(m.group(1))) is not None:
            found.add((_SAME_UNIT.get(m.group(2), m.group(2)), value))
    found.update(("level", m.group(1) or m.group(2)) for m in _LEVEL.finditer(text))
    return frozenset(found)


def _by_kind(slots: Iterable[Slot]) -> dict[str, set[str]]:
    kinds: dict[str, set[str]] = {}
    for kind, value in slots:
        kinds.setdefault(kind, set()).add(value)
    return kinds


def slots_conflict(a: frozenset[Slot], b: frozenset[Slot]) -> bool:
    """Whether two questions name disjoint values for a slot both name (one that leaves it out never does)."""
    left, right = _by_kind(a), _by_kind(b)
    return any(left[k].isdisjoint(right[k]) for k in left.keys() & right.keys())


_STAFF = re.compile(r"工作者|工作人员")


def names_staff(question: str) -> bool:
    """Whether the question is about the people who do a work (「老干部工作者」, 「…工作人员」), not those the work
    serves: 「对老干部工作者要常怀什么样的心」 and 「对老同志要常怀什么样的心」 ask about different people in
    otherwise the same words (and the search's words cannot tell: 老干部工作/者)."""
    return bool(_STAFF.search(to_simplified(unicodedata.normalize("NFKC", question))))
