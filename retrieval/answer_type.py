"""What kind of answer a question asks for, and whether a text holds one: an amount (多少, 几个, 比例) or a
time (什么时候, 哪一年, 几点). A passage whose answer sentence holds no amount when the question asks
「…有多少名成员」 talks about the topic, not about what was asked: one of the confidence signals.
Another: a figure the question names itself (「2025年…」, 「18.36万…」) that the passage does not hold.

Numbers written in Chinese numerals (六十一, 二〇二四) are read as their value (`numeral_value`), so a
question can name 「中办六十一号文件」 of a library that writes 61号.

Only these two kinds are recognised: they are asked often, and a number or a date is easy to see in
the text. Questions of other kinds (谁, 哪些, 怎么) are left alone. "Which ones" (哪几个, 哪几条) asks for
an enumeration, not an amount. Redacted figures (「XXX人」, common in published speeches) count as amounts.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

AnswerKind = Literal["amount", "time"]

_NUMBER = r"[0-9０-９][0-9０-９.,，]*|[〇零一二三四五六七八九十百千万两几数半]+|X+"
_ASKS_AMOUNT = re.compile(
    r"多少|(?<!哪)几[个名人次天年岁所项位条家批种件份倍元块月周成]|比例|多大|多高|多长|多久|多重|多远|百分之"
)
_ASKS_TIME = re.compile(r"什么时候|啥时候|何时|哪一?年|哪一?天|几月|几号|什么时间|几点|哪个月")
_AMOUNT = re.compile(
    rf"(?:{_NUMBER})\s*(?:%|％|‰|元|万|亿|千|百|人|名|个|次|天|日|年|岁|周岁|所|项|位|条|家|批|种|件|份|倍|成"
    r"|平方|公里|米|吨|小时|分钟|月|周|户|支|场|届|期|门|班|台|辆|座)|百分之|[0-9０-９]"
)
_TIME = re.compile(
    rf"(?:周|星期)[一二三四五六日天]|(?:{_NUMBER})\s*(?:年|月|日|号|时|点|世纪|年代)"
    r"|[春夏秋冬][季天]|上午|下午|年底|年初|年末|月底|月初|今年|去年|明年|以来|之前|之后|期间|时期"
)


def asks_for(question: str) -> AnswerKind | None:
    """The kind of answer a (simplified) question asks for: an amount, a time, or None (another kind)."""
    if _ASKS_TIME.search(question):
        return "time"
    if _ASKS_AMOUNT.search(question):
        return "amount"
    return None


_DATE = re.compile(
    r"(?:[0-9０-９]{4}|[〇零一二三四五六七八九]{4})\s*年(?:\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月"
    r"(?:\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*[日号])?)?"
)


def holds(kind: AnswerKind, text: str) -> bool:
    """Whether a (simplified) text holds an answer of that kind: a figure with its unit (a calendar date,
    「二〇二〇年七月一日」, is not an amount), or a date or time."""
    if kind == "amount":
        return bool(_AMOUNT.search(_DATE.sub(" ", text)))
    return bool(_TIME.search(text))


def kind_missing(question: str, text: str) -> float:
    """1.0 when the question asks for an amount or a time and the text holds none, else 0.0."""
    kind = asks_for(question)
    return 1.0 if kind is not None and not holds(kind, text) else 0.0


_CN_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000}
NUMERAL_CHARS = frozenset(_CN_DIGITS) | frozenset(_CN_UNITS)
NUMERAL_RUN = re.compile(f"[{''.join(sorted(NUMERAL_CHARS))}]{{2,}}")  # a candidate for `numeral_value`


def numeral_value(word: str) -> int | None:
    """The value of a number written in Chinese numerals (六十一 → 61, 一百一十一 → 111, 二〇二四 → 2024,
    十二 → 12, 三万五千 → 35000), or None when the word is not one (or not a well-formed one)."""
    if len(word) < 2 or not set(word) <= NUMERAL_CHARS:
        return None
    if not set(word) & set(_CN_UNITS):  # digit by digit: 二〇二四
        return int("".join(str(_CN_DIGITS[c]) for c in word)) if word[0] not in "〇零" else None
    total = section = 0
    digit: int | None = None
    for c in word:
        if c in _CN_DIGITS:
            if digit is not None and _CN_DIGITS[c] != 0:
                return None  # 六七十: an estimate, not a number
            digit = _CN_DIGITS[c] or None
        else:
            unit = _CN_UNITS[c]
            if unit == 10_000:
                total += (section + (digit or 0)) * unit
                section = 0
            else:
                section += (digit if digit is not None else 1) * unit
            digit = None
    return total + section + (digit or 0)


_CHINESE_YEAR = re.compile(r"[〇零一二三四五六七八九]{4}(?=年)")
_FIGURE = re.compile(r"\d+(?:\.\d+)?")


def _fold_figures(text: str) -> str:
    """Full-width digits to ASCII, and years written in Chinese numerals to digits (二〇二〇年 → 2020年)."""
    text = unicodedata.normalize("NFKC", text)
    return _CHINESE_YEAR.sub(lambda m: str(numeral_value(m.group()) or m.group()), text)


def named_figures(question: str) -> set[str]:
    """The figures of two or more digits a question names (years, counts, amounts)."""
    return {f for f in _FIGURE.findall(_fold_figures(question)) if len(f.replace(".", "")) >= 2}


def figure_missing(question: str, text: str) -> float:
    """1.0 when the question names a figure (2025年, 476个) the text does not hold, else 0.0. The text
    should be what a reader sees of the passage: its words, heading, and the speech's title and date."""
    figures = named_figures(question)
    if not figures:
        return 0.0
    haystack = _fold_figures(text)
    return 1.0 if any(f not in haystack for f in figures) else 0.0
