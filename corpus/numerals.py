"""Numbers written in Chinese numerals, read as their value: the one reader the date parser, the
question filters and the answer kinds share.

六十一 → 61, 一百一十一 → 111, 十二 → 12, 三万五千 → 35000, and years read digit by digit: 二〇二四 → 2024
(also with ○, a circle typed for 〇 in many official documents).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["NUMERAL_CHARS", "numeral_value", "typed_id", "written_as_digits"]

DIGITS = {
    "〇": 0,
    "○": 0,  # a circle typed for 〇 (二○二四年), common in official documents
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
UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000}
NUMERAL_CHARS = frozenset(DIGITS) | frozenset(UNITS)
_ZEROS = re.compile("[〇○零]")


def numeral_value(word: str) -> int | None:
    """The value of `word` written in Chinese numerals, or None when it is not a well-formed number.

    A word without units is read digit by digit (二〇二四 → 2024; 一 → 1), one with units by place
    (二十六 → 26, 十二 → 12, 一百零五 → 105). An estimate (六七十) and a digit string with a leading zero
    are not numbers.
    """
    if not word or not set(word) <= NUMERAL_CHARS:
        return None
    if not set(word) & set(UNITS):  # digit by digit: 二〇二四
        return (
            int("".join(str(DIGITS[c]) for c in word)) if not _ZEROS.match(word) or len(word) == 1 else None
        )
    total = section = 0
    digit: int | None = None
    for c in word:
        if c in DIGITS:
            if digit is not None and DIGITS[c] != 0:
                return None  # 六七十: an estimate, not a number
            digit = DIGITS[c] or None
        else:
            unit = UNITS[c]
            if unit == 10_000:
                total += (section + (digit or 0)) * unit
                section = 0
            else:
                section += (digit if digit is not None else 1) * unit
            digit = None
    return total + section + (digit or 0)


# What a Chinese keyboard types for digits, # and a space: they count as such. Other characters NFKC reads as
# digits do not: 「②」 is no way of writing 2, nor 「⑤④」 of 54, nor 「²」 of 2.
_TYPED_AS_ASCII = re.compile(r"[０-９＃\u3000]")
_ID = re.compile(r"[0-9]{1,9}")


def written_as_digits(text: str) -> bool:
    """Whether the text holds no character NFKC reads otherwise (「②」, 「²」) than as typed digits, #, space."""
    return all(unicodedata.normalize("NFKC", c) == c or _TYPED_AS_ASCII.match(c) for c in text)


def typed_id(text: str) -> int | None:
    """An id as results print it and a user types it — 「75」, 「#75」, 「＃７５」 — or None for any other text,
    circled and superscript digits included (NFKC reads 「⑤④」 as 54: it was pinned as passage 54). The one
    reading the CLI's id arguments and the bot's /speech share."""
    if not written_as_digits(text):
        return None
    plain = unicodedata.normalize("NFKC", text).strip().removeprefix("#").strip()
    return int(plain) if _ID.fullmatch(plain) else None
