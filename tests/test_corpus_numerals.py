"""Chinese numerals read as their value: the reader the date parser, the filters and the answer kinds share."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus import numeral_value

DIGITS = "〇一二三四五六七八九"


def spelled(value: int) -> str:
    """How a number below 10⁸ is written out in words: 一百〇五, 三万五千, 十二 (an oracle for the reader)."""
    if value >= 10_000:
        high, low = divmod(value, 10_000)
        rest = spelled(low) if low else ""
        return spelled(high) + "万" + ("〇" + rest if 0 < low < 1000 else rest)
    if value < 10:
        return DIGITS[value]
    if value < 20:
        return "十" + (DIGITS[value % 10] if value % 10 else "")
    out, zero = "", False
    for position, unit in ((3, "千"), (2, "百"), (1, "十"), (0, "")):
        digit = value // 10**position % 10
        if digit == 0:
            zero = zero or bool(out)
            continue
        out += ("〇" if zero else "") + DIGITS[digit] + unit
        zero = False
    return out


@given(st.integers(min_value=1, max_value=99_999_999))
def test_a_number_written_out_reads_back_as_itself(value: int) -> None:
    assert numeral_value(spelled(value)) == value


@given(st.integers(min_value=1000, max_value=2999))
def test_a_year_written_digit_by_digit_reads_back_as_itself(year: int) -> None:
    written = "".join(DIGITS[int(d)] for d in str(year))
    assert numeral_value(written) == year
    assert numeral_value(written.replace("〇", "○")) == year  # the circle official documents type for 〇


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("十二", 12),
        ("二十六", 26),
        ("两千", 2000),
        ("一百零五", 105),
        ("二〇二四", 2024),
    ],
)
def test_common_forms(word: str, value: int) -> None:
    assert numeral_value(word) == value


@pytest.mark.parametrize("word", ["", "六七十", "〇五", "统一", "61", "十分"])
def test_what_is_not_one_number_has_no_value(word: str) -> None:
    assert numeral_value(word) is None
