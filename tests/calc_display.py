"""What LibreOffice Calc displays for a cell under a number format: the oracle the sheet-format tests read
``corpus.sheets.cell_text`` against (tests/test_corpus_sheet_chinese_numerals.py,
tests/test_corpus_sheet_locale_fractions.py)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tests.fixtures.corpus_writers import soffice_convert

# Calc's CSV filter: comma, quote, UTF-8, from line 1, default columns, language default, no quoting of
# text, "save cell contents as shown", export formulas off
_SHOWN_CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true"


def calc_shows(cells: list[tuple[object, str]], tmp_path: Path) -> list[str]:
    """What LibreOffice Calc displays for each (value, number format), one cell a row, written by openpyxl
    and exported by Calc as shown (its formatted CSV export); the spaces it pads a fraction's 「?」 with, which
    are no text, squeezed to one."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for value, form in cells:
        sheet.append([value])
        sheet.cell(sheet.max_row, 1).number_format = form
    source = tmp_path / "formats.xlsx"
    book.save(str(source))
    out = tmp_path / "formats.csv"
    soffice_convert(source, _SHOWN_CSV, out, suffix="csv")
    rows = csv.reader(io.StringIO(out.read_text(encoding="utf-8")))
    return [" ".join(row[0].split()) if row else "" for row in rows]
