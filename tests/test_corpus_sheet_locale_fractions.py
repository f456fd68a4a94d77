"""Excel's remaining number formats in a spreadsheet (corpus.sheets, read67): a locale code's numeral shape
(「[$-1E000804]yyyy"年"m"月"d"日"」 shows 「二〇三五年六月十五日」, 1560 under 「[$-1E000804]General」 「一五六〇」,
「[$-1D000804]」 full-width digits), fractions (「# ?/?」 1.25 → 「1 1/4」, 「?/?」 → 「5/4」, 「# ?/8」 → 「1 2/8」) and
[DBNum] on times (「[DBNum1][$-804]h"时"mm"分"」 14:30 → 「十四时三十分」). main read them all in figures, the
fraction's code as literal text (「1 ?/?」, 「3/?」, and the number rounded to a whole). The oracle for the
shapes and fractions is LibreOffice Calc's own display of the same cells (its formatted CSV export; the spaces
Calc pads a 「?」 with are not text); the workbooks are written by openpyxl and xlsxwriter."""

from __future__ import annotations

import re
from datetime import datetime, time
from fractions import Fraction
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes
from corpus.sheets import cell_text
from tests.calc_display import calc_shows

SHAPES = ["1E000804", "1B000804", "2000804", "1D000804", "1E000404"]
DATES = [datetime(2035, 6, 15, 14, 30), datetime(2030, 12, 31, 0, 5, 9), datetime(2001, 10, 20, 9, 0)]
DATE_CODES = ['yyyy"年"m"月"d"日"', 'yyyy"年"mm"月"dd"日"', 'h"时"mm"分"', "yy/m/d h:mm:ss"]
NUMBERS = [1560, 12.5, -36, 0, 1234567.891, 0.05]
NUMBER_CODES = ["General", "0.00", "#,##0", '0"元"']
FRACTIONS = [0.5, 1.25, 3.333333, -2.75, 0.01, 10, 7.999, 0.0, 1234.5678]
FRACTION_CODES = ["# ?/?", "# ??/??", "?/?", "# ?/4", "# ???/???", "0 ?/?", "#,##0 ?/?", "# ?/8"]


def test_locale_numeral_shapes_and_fractions_read_as_libreoffice_calc_shows_them(tmp_path: Path) -> None:
    cells: list[tuple[object, str]] = [(d, f"[$-{s}]{c}") for s in SHAPES for d in DATES for c in DATE_CODES]
    cells += [(n, f"[$-{s}]{c}") for s in SHAPES for n in NUMBERS for c in NUMBER_CODES]
    cells += [(v, c) for v in FRACTIONS for c in FRACTION_CODES]
    shown = calc_shows(cells, tmp_path)
    assert len(shown) == len(cells)
    wrong = [
        (v, f, cell_text(v, f), s) for (v, f), s in zip(cells, shown, strict=True) if cell_text(v, f) != s
    ]
    assert not wrong


# read67's review: Excel writes the gap of a fraction as an escaped space (「#\\ ?/?」; it read 「# 5/4」), and a
# shape code leaves an exponent in figures (「[$-1E000804]0.00E+00」 read 「一．五六E+〇三」; Calc 「1.56E+03」) and a
# fraction's minus ASCII (「-二 三/四」)
ESCAPED = ["#\\ ?/?", "#\\ ??/??", "#,##0\\ ?/?", '#" "?/?', "0\\ ?/?"]
SHAPED = [f"[$-{s}]{c}" for s in SHAPES for c in ["0.00E+00", "# ?/?", "?/?"]]
REVIEWED = [1.25, -2.75, 0.5, 1560, 0.3333333, 7.999, 0.0, 123.456, 1e-9]


def test_escaped_space_fractions_and_shaped_exponents_read_as_calc_shows_them(tmp_path: Path) -> None:
    cells: list[tuple[object, str]] = [(v, c) for v in REVIEWED for c in [*ESCAPED, *SHAPED]]
    shown = calc_shows(cells, tmp_path)
    assert len(shown) == len(cells)
    assert cell_text(1.25, "#\\ ?/?") == "1 1/4"  # as the review found Calc shows them
    assert cell_text(1560.0, "[$-1E000804]0.00E+00") == "1.56E+03"
    wrong = [
        (v, f, cell_text(v, f), s) for (v, f), s in zip(cells, shown, strict=True) if cell_text(v, f) != s
    ]
    assert not wrong


@settings(max_examples=200, deadline=None)
@given(
    number=st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9),
    code=st.sampled_from(["# ?/?", "# ??/??", "#,##0 ?/?", "0 ?/8"]),
    gap=st.sampled_from(["\\ ", '" "']),
    shape=st.sampled_from(SHAPES),
)
def test_a_literal_space_is_a_fractions_gap_and_an_exponent_keeps_its_figures(
    number: float, code: str, gap: str, shape: str
) -> None:
    """Property: a fraction whose gap is an escaped or quoted space reads as with a plain one; a number in
    scientific notation reads the same under any numeral-shape code as under none."""
    assert cell_text(number, code.replace(" ", gap, 1)) == cell_text(number, code)
    for exponent in ("0.00E+00", "##0.0E+0"):
        assert cell_text(number, f"[$-{shape}]{exponent}") == cell_text(number, exponent)


def test_chinese_month_and_weekday_names_read_as_calc_shows_them(tmp_path: Path) -> None:
    """「dddd」 under a Chinese locale read English 「Friday」 and 「mmmm」 a bare 「6」: Calc 「星期五」, 「六月」."""
    days = [datetime(2035, month, 15) for month in range(1, 13)] + [
        datetime(2035, 6, d) for d in range(9, 16)
    ]
    codes = [
        f"[$-{locale}]{code}"
        for locale in ("804", "404", "1E000804", "2000804")
        for code in ("dddd", "mmmm", 'yyyy"年"mmmm d"日" dddd')
    ]
    cells: list[tuple[object, str]] = [(d, c) for d in days for c in codes]
    shown = calc_shows(cells, tmp_path)
    assert cell_text(datetime(2035, 6, 15), "[$-804]dddd") == "星期五"
    assert cell_text(datetime(2035, 12, 15), "[$-804]mmmm") == "十二月"
    wrong = [
        (v, f, cell_text(v, f), s) for (v, f), s in zip(cells, shown, strict=True) if cell_text(v, f) != s
    ]
    assert not wrong


def test_dbnum_times_read_as_excel_shows_them() -> None:
    """A time's hour and minute in [DBNum] numerals, as its dates' month and day are (「十四时三十分」, not Calc's
    「一十四时三十分」), 上午/下午 before a twelve-hour hour."""
    assert cell_text(time(14, 30), '[DBNum1][$-804]h"时"mm"分"') == "十四时三十分"
    assert cell_text(datetime(2035, 6, 15, 9, 5), '[DBNum1][$-804]h"时"mm"分"') == "九时五分"
    assert cell_text(time(14, 30), '[DBNum1][$-804]上午/下午h"时"mm"分"') == "下午二时三十分"
    assert cell_text(time(20, 0), '[DBNum2][$-804]h"时"mm"分"') == "贰拾时零分"
    assert cell_text(time(14, 30), "[DBNum1][$-804]hh:mm") == "十四:三十"


def test_an_xlsxwriter_timetable_reads_its_dates_times_and_fractions_as_printed(tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "timetable.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("活动安排")
    head = book.add_format({"bold": True})
    date = book.add_format({"num_format": '[$-1E000804]yyyy"年"m"月"d"日"'})
    hour = book.add_format({"num_format": '[DBNum1][$-804]h"时"mm"分"'})
    share = book.add_format({"num_format": "# ?/?"})
    sheet.write_row(0, 0, ["活动", "日期", "集合时间", "占场地比例"], head)
    rows = [
        ("门球友谊赛", datetime(2035, 6, 15), time(14, 30), 0.75),
        ("太极拳表演", datetime(2035, 10, 20), time(9, 5), 1.5),
    ]
    for n, (name, day, start, part) in enumerate(rows, start=1):
        sheet.write_string(n, 0, name)
        sheet.write_datetime(n, 1, day, date)
        sheet.write_datetime(n, 2, datetime.combine(datetime(1899, 12, 31), start), hour)
        sheet.write_number(n, 3, part, share)
    book.close()
    [speech] = parse_document(read_bytes(path.name, path.read_bytes()))
    texts = [p.text for p in speech.paragraphs]
    assert "活动：门球友谊赛；日期：二〇三五年六月十五日；集合时间：十四时三十分；占场地比例：3/4" in texts
    assert "活动：太极拳表演；日期：二〇三五年十月二十日；集合时间：九时五分；占场地比例：1 1/2" in texts


_FORMS = [
    *(f"[$-{s}]{c}" for s in SHAPES for c in [*NUMBER_CODES, *DATE_CODES]),
    *FRACTION_CODES,
    "# ?/100",
    '[DBNum1][$-1E000804]h"时"mm"分"',
    '[DBNum2][$-804]上午/下午h"时"mm"分"',
]


@settings(max_examples=300, deadline=None)
@given(number=st.floats(allow_nan=True, allow_infinity=True), form=st.sampled_from(_FORMS))
def test_formatting_never_raises(number: float, form: str) -> None:
    """Property: any double (NaN, infinities, 1e308 included) under any of these formats reads as some text."""
    assert isinstance(cell_text(number, form), str)


@settings(max_examples=100, deadline=None)
@given(
    moment=st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2200, 12, 31)),
    form=st.sampled_from(_FORMS),
)
def test_formatting_a_date_never_raises(moment: datetime, form: str) -> None:
    assert isinstance(cell_text(moment, form), str)
    assert isinstance(cell_text(moment.time(), form), str)


_SHOWN = re.compile(r"^(-?)(?:([\d,]+) )?(?:(\d+)/(\d+))?$|^(-?)([\d,]+)$")


@settings(max_examples=300, deadline=None)
@given(
    number=st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
    digits=st.integers(min_value=1, max_value=3),
    mixed=st.booleans(),
)
def test_a_fraction_shown_is_as_close_as_its_digits_allow(number: float, digits: int, mixed: bool) -> None:
    """Property: under 「# ?/?」 (or 「?/?」) with n digits, the fraction shown is within 1/(10ⁿ−1) of the
    number (a closer one with a small enough denominator exists by Dirichlet's theorem, and Excel shows the
    closest), its denominator has at most n digits and, mixed, its numerator is below its denominator."""
    code = ("# " if mixed else "") + "?" * digits + "/" + "?" * digits
    shown = cell_text(number, code)
    found = _SHOWN.match(shown)
    assert found is not None, shown
    if found.group(6) is not None:
        value = Fraction(int(found.group(6).replace(",", "")))
        sign = found.group(5)
    else:
        sign, whole, top, bottom = found.group(1, 2, 3, 4)
        assert len(bottom) <= digits
        if mixed:
            assert int(top) < int(bottom)
        value = Fraction(int((whole or "0").replace(",", ""))) + Fraction(int(top), int(bottom))
    value = -value if sign else value
    assert abs(Fraction(repr(number)) - value) <= Fraction(1, 10**digits - 1)
