"""Dates as the documents print them: a line that is a date and nothing else, read as 2024-05-20.

「2024年5月20日」, 「（二〇二四年五月二十日）」, 「2024.5.20」, 「2024-05」, 「中華民國120年4月8日」 (2031-04-08), with what OCR makes of a zero (O, 0)
or of 日 (曰). The pieces of the pattern (NUM, YEAR, CN_YEAR, DAY) are shared with the parser's other
patterns that hold a year or a Chinese number (an approval line, a periodical's issue, heading numbers).
"""

from __future__ import annotations

import re

from .clean import clean_line
from .numerals import numeral_value

__all__ = [
    "CN_YEAR",
    "DAY",
    "NUM",
    "ROC",
    "ROC_OFFSET",
    "YEAR",
    "ZERO_LIKE",
    "is_date_line",
    "parse_date",
    "read_date",
]

# The Chinese numerals of heading numbers, dates and counts (一、, 第三章, 二〇二四年).
NUM = "一二三四五六七八九十百零〇"
_CN = rf"[{NUM}○Ｏ]"
# What OCR makes of a zero in a year: 〇 read as a Latin or full-width O or as a digit zero (「二O二四年」,
# 「二0二四年」), and 0 read as O (「2O24年」). Only in a year, in a line that is a whole date (the pattern is
# anchored), where nothing else can be meant; a Chinese year must still hold a Chinese numeral.
ZERO_LIKE = "OoＯｏ0０"
CN_YEAR = rf"[{NUM}○Ｏ{ZERO_LIKE}]{{4}}"
YEAR = rf"(?:\d{{4}}|[12１２][\d{ZERO_LIKE}]{{3}})"
# A year of the Republic (民國紀年), as Taiwan's documents date themselves: 「中華民國120年4月8日」 is 2031-04-08
# (year 1 is 1912), the year in digits or in Chinese numerals (「中華民國一百二十年」).
ROC = "(?:中華民國|中华民国|民國|民国)"
ROC_OFFSET = 1911
# 日 read as 曰 (the two differ by a gap OCR does not see), only as a date's last character.
DAY = "[日曰]"
_DATE = re.compile(
    r"^[（(]?\s*(?:"
    rf"(?P<y>{YEAR})\s*年\s*(?:(?P<m>\d{{1,2}})\s*月\s*(?:(?P<d>\d{{1,2}})\s*{DAY})?)?"
    r"|(?P<y2>\d{4})\s*[-./／]\s*(?P<m2>\d{1,2})(?:\s*[-./／]\s*(?P<d2>\d{1,2}))?"
    rf"|(?P<y3>{CN_YEAR})\s*年\s*(?:(?P<m3>{_CN}{{1,3}})\s*月\s*(?:(?P<d3>{_CN}{{1,3}})\s*{DAY})?)?"
    rf"|{ROC}\s*(?P<y4>\d{{1,3}}|{_CN}{{1,5}})\s*年\s*"
    rf"(?:(?P<m4>\d{{1,2}}|{_CN}{{1,3}})\s*月\s*(?:(?P<d4>\d{{1,2}}|{_CN}{{1,3}})\s*{DAY})?)?"
    r")\s*[）)]?$"
)


def is_date_line(text: str) -> bool:
    """Whether a line is a date and nothing else (「2024年5月20日」, 「（二〇二四年五月二十日）」, 「2024.5.20」)."""
    return read_date(text) is not None


def read_date(text: str) -> str | None:
    """The date a line that is a date and nothing else names, as 2024-05-20 (or 2024-05, 2024): what the
    documents' dates are stored as. None for any other line."""
    return parse_date(clean_line(text))


def parse_date(text: str) -> str | None:
    """What `read_date` gives, for a line already cleaned (`clean_line`)."""
    m = _DATE.match(text)
    if not m:
        return None
    if m["y"]:
        parts = [re.sub(f"[{ZERO_LIKE}]", "0", m["y"]), m["m"], m["d"]]
    elif m["y2"]:
        parts = [m["y2"], m["m2"], m["d2"]]
    elif m["y4"]:
        roc = _digits_or_numeral(m["y4"])
        if roc is None or not 1 <= roc <= 200:
            return None
        parts = [str(roc + ROC_OFFSET), *(map(_month_or_day, (m["m4"], m["d4"])))]
        if (m["m4"] and parts[1] is None) or (m["d4"] and parts[2] is None):
            return None
    elif not any(c in NUM for c in m["y3"]) or (year := _cn_year(m["y3"])) is None:
        return None
    else:
        parts = [year, _cn_number(m["m3"]), _cn_number(m["d3"])]
    values = [p for p in parts if p]
    if len(values) > 1 and not 1 <= int(values[1]) <= 12:
        return None
    if len(values) > 2 and not 1 <= int(values[2]) <= 31:
        return None
    return "-".join(str(int(v)).zfill(2) for v in values)  # full-width digits (２０２５) as ASCII


def _digits_or_numeral(text: str) -> int | None:
    """120 or 一百二十 → 120."""
    return int(text) if text.isdigit() else numeral_value(text.replace("○", "〇").replace("Ｏ", "〇"))


def _month_or_day(text: str | None) -> str | None:
    value = _digits_or_numeral(text) if text else None
    return str(value) if value is not None else None


def _cn_year(text: str) -> str | None:
    """二〇二四 → 2024, with what OCR reads for 〇 (O, 0) taken as 〇."""
    value = numeral_value(re.sub(f"[{ZERO_LIKE}]", "〇", text))
    return str(value) if value is not None else None


def _cn_number(text: str | None) -> str | None:
    """一 → 1, 十 → 10, 十二 → 12, 二十六 → 26, 三十一 → 31."""
    value = numeral_value(text) if text else None
    return str(value) if value is not None else None
