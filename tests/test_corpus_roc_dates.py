"""Dates in the years of the Republic (民國紀年) are read as the dates they are (cold34).

Taiwan's documents date themselves 「中華民國120年4月8日」 (year 1 is 1912: 2031-04-08). cold34's letter
from a Taiwan association (a 函: 發文日期, 發文字號, 主旨, 說明) was undated — no date line or field of it read
as a date — and so were its 「民國120年5月12日至16日」's like. A date line or a dated field in 民國 years,
digits or Chinese numerals (「中華民國一百二十年四月八日」), simplified or traditional, now reads as its
Gregorian date.

The file: ``tests/fixtures/roc_dates/letter.docx``, made by ``make_roc_letter.py`` there (**python-docx**).
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from corpus import parse_document, read_bytes
from corpus.dates import parse_date, read_date
from tests.fixtures.roc_dates.make_roc_letter import LETTER

LETTER_DOCX = Path(__file__).parent / "fixtures" / "roc_dates" / "letter.docx"
DIGITS = "〇一二三四五六七八九"


def test_the_letter_is_dated_by_its_roc_date() -> None:
    """main: no date (「日期不详」)."""
    [letter] = parse_document(read_bytes(LETTER_DOCX.name, LETTER_DOCX.read_bytes()))
    assert letter.title == LETTER[0][1].replace("\u3000", " ")
    assert letter.date == "2031-09-03"


def chinese(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 31 → 三十一, 105 → 一百零五, 120 → 一百二十 (as dates write them)."""
    hundreds, tens, ones = n // 100, n // 10 % 10, n % 10
    out = f"{DIGITS[hundreds]}百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else DIGITS[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    return out + (DIGITS[ones] if ones else "")


@given(
    year=st.integers(1, 200),
    month=st.integers(1, 12),
    day=st.integers(1, 28),
    era=st.sampled_from(["中華民國", "中华民国", "民國", "民国"]),
    numerals=st.booleans(),
    bracketed=st.booleans(),
    space=st.sampled_from(["", " ", "　"]),
)
def test_any_roc_date_reads_as_its_gregorian_date(
    year: int, month: int, day: int, era: str, numerals: bool, bracketed: bool, space: str
) -> None:
    write = chinese if numerals else str
    line = f"{era}{space}{write(year)}年{write(month)}月{write(day)}日"
    if bracketed:
        line = f"（{line}）"
    assert parse_date(line) == read_date(line) == f"{year + 1911}-{month:02d}-{day:02d}"
    assert parse_date(f"{era}{write(year)}年") == str(year + 1911)


@given(year=st.integers(201, 999), month=st.integers(13, 99))
def test_no_roc_year_past_200_and_no_thirteenth_month(year: int, month: int) -> None:
    assert parse_date(f"民國{year}年4月8日") is None
    assert parse_date(f"民國120年{month}月8日") is None
    assert parse_date("民國0年4月8日") is None
