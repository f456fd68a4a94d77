"""Excel's Chinese number formats in a spreadsheet (corpus.sheets): a finance sheet prints its 金额大写 through
「[DBNum2][$-804]General"元整"」 (the cell holds 1560, the sheet shows 「壹仟伍佰陆拾元整」) and a date through
「[DBNum1][$-804]yyyy"年"m"月"d"日"」 (「二〇三五年六月十五日」). The reader showed 「General元整」 — the word General
taken for literal text, the amount lost — and the date in Arabic figures. Numbers are also rounded half away
from zero now, as Excel and LibreOffice show them (12.5 under 「0」 was 「12」). The oracle is LibreOffice Calc's
own display of the same cells (its formatted CSV export); the blind set's sheet is benchmarks/corpus-cold40's."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import check_conservation, chunk_speech, parse_document, read_bytes, read_document
from corpus.sheets import cell_text, chinese_integer
from tests.calc_display import calc_shows

SET = Path(__file__).resolve().parent.parent / "benchmarks" / "corpus-cold40"

NUMBERS = [
    0,
    5,
    10,
    11,
    15,
    20,
    100,
    101,
    110,
    1001,
    1010,
    1560,
    10000,
    10001,
    100000,
    100100,
    123456,
    1000000,
]
NUMBER_FORMATS = [
    "[DBNum1][$-804]General",
    "[DBNum2][$-804]General",
    "[DBNum3][$-804]General",
    '[DBNum2][$-804]General"元整"',
    "[DBNum1][$-804]0",
]
ROUNDED = [
    (12.5, "0"),
    (0.5, "0"),
    (2.5, "0"),
    (0.125, "0.00"),
    (2.675, "0.00"),
    (1234.5, "#,##0"),
    (-0.5, "0"),
]
DATES = [
    datetime(2035, 6, 9),
    datetime(2035, 6, 15),
    datetime(2035, 10, 20),
    datetime(2030, 12, 31),
    datetime(2001, 1, 1),
]
DATE_FORMATS = [
    '[DBNum1][$-804]yyyy"年"m"月"d"日"',
    '[DBNum2][$-804]yyyy"年"m"月"d"日"',
    '[DBNum1][$-804]m"月"d"日"',
    '[DBNum3][$-804]yyyy"年"m"月"d"日"',
]


def test_chinese_number_formats_read_as_libreoffice_calc_shows_them(tmp_path: Path) -> None:
    cells: list[tuple[object, str]] = [(n, f) for n in NUMBERS for f in NUMBER_FORMATS]
    cells += [(d, f) for d in DATES for f in DATE_FORMATS]
    cells += ROUNDED
    shown = calc_shows(cells, tmp_path)
    assert len(shown) == len(cells)
    wrong = [
        (v, f, cell_text(v, f), s) for (v, f), s in zip(cells, shown, strict=True) if cell_text(v, f) != s
    ]
    assert not wrong


def test_the_blind_sets_allowance_sheet_reads_its_amounts_and_dates_as_printed() -> None:
    # benchmarks/corpus-cold40: main read 「金额大写：General元整」 on every row and the dates in figures, and
    # the 发放单位 and 发放日期 lines under the table as rows of it (「序号：发放日期：；演出日期：…」)
    document = read_document(SET / "老干部舞龙队端午演出补贴发放表.xlsx")
    speech = parse_document(document)[0]
    texts = [p.text for p in chunk_speech(speech)]
    joined = "\n".join(texts)
    assert (
        "姓名：殷福生；演出日期：二〇三五年六月九日；演出地点：县城滨江广场；补贴金额（元）：260；金额大写：贰佰陆拾元整"
        in joined
    )
    assert "金额大写：壹仟伍佰陆拾元整" in joined
    assert "General" not in joined
    assert "发放单位：中共棠樾县委老干部局文体科" in texts and "发放日期：二〇三五年六月十五日" in texts
    assert "序号：发放" not in joined
    assert speech.date == "2035-06-15"
    assert check_conservation(document, texts).ok


def _sheet(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_labelled_lines_under_a_table_are_lines_and_a_labelled_row_of_it_stays_a_row() -> None:
    document = read_bytes(
        "名单.xlsx",
        _sheet(
            [
                ["序号", "姓名", "科室", "慰问金（元）"],
                [1, "冯敏", "办公室", 200],
                [2, "包立新", "文体科", 300],
                [3, "严秋实", "服务科", 300],
                ["合计：", None, None, 800],
                ["制表人：", None, "冯敏"],
                ["审核人：", None, "包立新"],
            ]
        ),
    )
    assert "序号：3；姓名：严秋实；科室：服务科；慰问金（元）：300" in document.text
    assert "慰问金（元）：800" in document.text  # two cells of four: still the table's row
    assert "序号：制表人" not in document.text and "序号：审核人" not in document.text
    # each its own line in the passages, as `speechqa show` prints them (they ran into one:
    # 「制表人：冯敏审核人：包立新」)
    texts = [p.text for p in chunk_speech(parse_document(document)[0])]
    assert not any("冯敏审核人" in text for text in texts)
    lines = [line for text in texts for line in text.split("\n")]
    assert "制表人：冯敏" in lines and "审核人：包立新" in lines
    assert check_conservation(document, texts).ok


def _passage_lines(document) -> list[str]:
    texts = [p.text for p in chunk_speech(parse_document(document)[0])]
    assert check_conservation(document, texts).ok
    return [line for text in texts for line in text.split("\n")]


def test_a_tables_own_labelled_rows_stay_its_rows() -> None:
    # the review's sheet: a table whose first column holds labels with colons (「活动名称：」). cold40 took its
    # last rows for lines under the table (「集合地点：县政府门口」, unlabelled by the head); main read them as rows
    document = read_bytes(
        "活动安排.xlsx",
        _sheet(
            [
                ["项目", "内容", "负责人"],
                ["活动名称：", "重阳登山", "张三"],
                ["集合地点：", "县政府门口", None],
                ["出发时间：", "8点", None],
            ]
        ),
    )
    lines = _passage_lines(document)
    assert "项目：集合地点：；内容：县政府门口" in lines
    assert "项目：出发时间：；内容：8点" in lines


def test_a_note_under_the_signature_lines_keeps_them_lines() -> None:
    # a 备注 sentence after 制表人 stopped the lines under the table: 「序号：制表人：；科室：冯敏」 read as a row
    document = read_bytes(
        "名单.xlsx",
        _sheet(
            [
                ["序号", "姓名", "科室", "慰问金（元）"],
                [1, "冯敏", "办公室", 200],
                [2, "包立新", "文体科", 300],
                [3, "严秋实", "服务科", 300],
                ["制表人：", None, "冯敏", None],
                ["备注：", "慰问金由各支部于6月20日前发放到人。", None, None],
            ]
        ),
    )
    lines = _passage_lines(document)
    assert "制表人：冯敏" in lines
    assert "备注：慰问金由各支部于6月20日前发放到人。" in lines
    assert not any(line.startswith("序号：制表人") or line.startswith("序号：备注") for line in lines)


def test_numbers_past_a_formats_reach_read_as_figures_and_the_file_is_read() -> None:
    # the review's crashes, each aborting a whole `speechqa add`: 1e30 under 「0.00」 (decimal.InvalidOperation)
    # and 1e16 under 「[DBNum1][$-804]0」 (IndexError: Chinese numerals stop at 万亿)
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["项目", "金额"])
    sheet.append(["甲", 1e30])
    sheet.append(["乙", 1e16])
    sheet.append(["丙", 1560])
    sheet["B2"].number_format = "0.00"
    sheet["B3"].number_format = "[DBNum1][$-804]0"
    sheet["B4"].number_format = "[DBNum1][$-804]0"
    out = io.BytesIO()
    book.save(out)
    document = read_bytes("金额.xlsx", out.getvalue())
    lines = document.text.split("\n")
    assert "甲：1000000000000000000000000000000.00" in lines
    assert "乙：10000000000000000" in lines
    assert "丙：一千五百六十" in lines


_FORMATS = [
    "General",
    "0",
    "0.00",
    "#,##0.00",
    "0%",
    "0.00E+00",
    "# ?/?",
    "#,##0.00;[Red]\\(#,##0.00\\)",
    "[DBNum1][$-804]0",
    "[DBNum1][$-804]General",
    '[DBNum2][$-804]General"元整"',
    "[DBNum2][$-804]0.00",
    "[DBNum3][$-804]0",
    '[DBNum1][$-804]yyyy"年"m"月"d"日"',
    "yyyy-mm-dd",
    '¥#,##0.00;¥-#,##0.00;"-"',
]


@settings(max_examples=300, deadline=None)
@given(number=st.floats(allow_nan=True, allow_infinity=True), form=st.sampled_from(_FORMATS))
def test_formatting_a_number_never_raises(number: float, form: str) -> None:
    """Property: any double under any of these formats reads as some text — a number past a format's reach
    falls back to its plain figures; a raise aborted the whole file's reading."""
    assert isinstance(cell_text(number, form), str)
    assert isinstance(cell_text(int(number) if number == number and abs(number) < 1e300 else 0, form), str)


def _value(numerals: str) -> int:
    """An independent reading of Chinese numerals (小写 or 大写), for the property below."""
    digits = {c: n for n, c in enumerate("〇一二三四五六七八九")} | {
        c: n for n, c in enumerate("零壹贰叁肆伍陆柒捌玖")
    }
    units = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
    total = section = digit = 0
    for ch in numerals:
        if ch in digits:
            digit = digits[ch]
        elif ch in units:
            section += digit * units[ch]
            digit = 0
        elif ch == "万":
            total += (section + digit) * 10000
            section = digit = 0
        else:
            pytest.fail(f"unexpected {ch}")
    return total + section + digit


@settings(max_examples=300, deadline=None)
@given(number=st.integers(min_value=0, max_value=10**8 - 1), kind=st.sampled_from([1, 2]))
def test_any_whole_number_reads_back_from_its_chinese_numerals(number: int, kind: int) -> None:
    """Property: the numerals read back as the number; a zero is said once for a run of zeros inside, never
    at the end (but for zero itself)."""
    text = chinese_integer(number, kind)
    zero = "〇" if kind == 1 else "零"
    assert _value(text) == number
    assert zero * 2 not in text
    assert number == 0 or not text.endswith(zero)
