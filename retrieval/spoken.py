"""A dictated question read as written: what a phone's voice keyboard types for what documents write.

Staff dictate questions (语音输入): the recogniser writes what was said — 「礼拜几」 for 周几, 「百分之九十」 for
90%, 「二零二一年」 for 2021年 — and documents write these as the office writes them. A form the library
never holds counted as a word the answer lacks: 「合唱团每个礼拜几排练」 was told 「未找到」 by a passage saying
「每周二、周五下午…排练」. Each spoken form is read as the form the library's passages hold, for the whole
search (both sides and the confidence), and only when no passage holds it as said:

- a day of the week, 礼拜/星期/周 + 一…日/天, or 几 when no passage writes the prefix said: the prefix the
  passages use most for days;
- a percentage said, 百分之 + a number: the digits and 「%」; 百分之多少 / 百分之几: 多少 (how much, asked);
- a year read digit by digit, 二零二一年 / 二〇二一年: 2021年.

A library that writes the spoken form (「二〇二〇年七月一日起」) keeps the question as said.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .answer_type import numeral_value

_DIGITS = {c: n for n, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_DIGIT = "".join(_DIGITS)
_WEEKDAY = re.compile(r"(星期|礼拜|周)([一二三四五六日天几])")
_PREFIXES = ("周", "星期", "礼拜")
_PERCENT = re.compile(rf"百分之([{_DIGIT}十百点]+|多少|几)")
_YEAR = re.compile(rf"(?<![{_DIGIT}十百千万])([{_DIGIT}]{{4}})年")


def as_written(text: str, holding: Callable[[str], int]) -> str:
    """The question with each spoken form no passage holds written as the passages write it (the module's
    docstring); `holding(word)`: how many passages hold the word."""
    if not any(m in text for m in ("礼拜", "星期", "周", "百分之", "年")):
        return text

    def weekday(m: re.Match[str]) -> str:
        said, day = m.group(), m.group(2)
        # a day held as said (礼拜一), or a day asked (几) with a prefix the library writes (星期几 of 「星期三」)
        if holding(said if day != "几" else m.group(1)):
            return said
        # the prefix the library writes days with (周几 asked of 「每周二、周五」: 周)
        counts = [(holding(p + d), -n, p) for n, p in enumerate(_PREFIXES) for d in "一二三四五六日"]
        best: dict[str, int] = {}
        for count, _, prefix in counts:
            best[prefix] = best.get(prefix, 0) + count
        prefix = max(_PREFIXES, key=lambda p: (best[p], p == m.group(1)))
        return prefix + day if best[prefix] else said

    def percent(m: re.Match[str]) -> str:
        if holding(m.group()):
            return m.group()
        said = m.group(1)
        if said in ("多少", "几"):
            return "多少"
        value = numeral_value(said) if "点" not in said else None
        return f"{value}%" if value is not None else m.group()

    def year(m: re.Match[str]) -> str:
        said = m.group(1)
        if holding(m.group()):
            return m.group()
        return "".join(str(_DIGITS[c]) for c in said) + "年"

    text = _WEEKDAY.sub(weekday, text)
    text = _PERCENT.sub(percent, text)
    return _YEAR.sub(year, text)
