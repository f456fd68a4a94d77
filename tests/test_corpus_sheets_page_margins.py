"""A worksheet's printed page header and footer (Excel's 「页面设置 › 页眉/页脚」, corpus.sheets): a sign-up
sheet titled only there — 「…报名汇总表」 in the header's centre, 「制表单位：…」 and 「制表日期：…」 in the footer's
left and right, 「第 &P 页，共 &N 页」 between them — was titled by its file name and undated, the maker in no
passage (blind set cold39). Now the header reads above the table (its title when the sheet has no title row)
and the footer after it; a part holding a page field is page furniture and is not read. openpyxl writes the
workbooks (``oddHeader``, ``oddFooter``, ``firstHeader``), one saved again by LibreOffice Calc."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import check_conservation, chunk_speech, parse_document, read_bytes, read_document

SET = Path(__file__).resolve().parent.parent / "benchmarks" / "corpus-cold39"
HEAD = ("姓名", "单位", "班次")
ROWS = (("甘淑贞", "县供销社", "第一期"), ("蔺守拙", "县水利局", "第二期"))


def _book(
    header: tuple[str, str, str],
    footer: tuple[str, str, str],
    *,
    title_row: str | None = None,
    first_page: bool = False,
) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    if title_row:
        sheet.append([title_row])
    sheet.append(HEAD)
    for row in ROWS:
        sheet.append(row)
    if first_page:  # 「首页不同」: the first page's own header and footer, the others' left empty
        sheet.HeaderFooter.differentFirst = True
    top, foot = (sheet.firstHeader, sheet.firstFooter) if first_page else (sheet.oddHeader, sheet.oddFooter)
    for margin, parts in ((top, header), (foot, footer)):
        for item, text in zip((margin.left, margin.center, margin.right), parts, strict=True):
            if text:
                item.text = text
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_title_in_the_header_and_the_maker_in_the_footer_are_read() -> None:
    data = _book(
        ("", "临川县读书班报名表", ""),
        ("制表单位：县老干部活动中心", "第 &P 页，共 &N 页", "制表日期：2035年5月6日"),
    )
    document = read_bytes("报名表.xlsx", data)
    speech = parse_document(document)[0]
    assert speech.title == "临川县读书班报名表" and speech.date == "2035-05-06"
    assert "制表单位：县老干部活动中心" in document.text
    assert "页" not in document.text.replace("临川县读书班报名表", "")  # 「第 &P 页」 is not read


def test_a_header_repeating_the_title_row_is_not_read_twice() -> None:
    data = _book(("", "临川县读书班报名表", ""), ("", "", ""), title_row="临川县读书班报名表")
    document = read_bytes("报名表.xlsx", data)
    assert document.text.count("临川县读书班报名表") == 1


def test_the_blind_sets_sheet_is_titled_and_dated_by_its_printed_margins() -> None:
    # benchmarks/corpus-cold39: main titled it 「扎染体验班报名汇总」 (its file name), 日期不详, no 制表单位
    document = read_document(SET / "扎染体验班报名汇总.xlsx")
    speech = parse_document(document)[0]
    assert speech.title == "砚泉县离退休干部扎染体验班报名汇总表" and speech.date == "2035-04-06"
    texts = [p.text for p in chunk_speech(speech)]
    assert sum("制表单位：县委老干部局老干部服务中心" in t for t in texts) == 1
    assert not any("&P" in t or "第页" in t for t in texts)
    assert check_conservation(document, texts).ok


def test_sheets_that_print_nothing_read_no_header_or_footer() -> None:
    # review of cold39: a header and footer set on every sheet at once (「选定全部工作表」) read on the empty
    # sheets too — each of them a passage of the title and the 制表单位 alone
    import openpyxl

    book = openpyxl.Workbook()
    first = book.active
    first.append(HEAD)
    for row in ROWS:
        first.append(row)
    for sheet in (first, book.create_sheet("Sheet2"), book.create_sheet("Sheet3")):
        sheet.oddHeader.center.text = "临川县读书班报名表"
        sheet.oddFooter.left.text = "制表单位：县老干部活动中心"
    out = io.BytesIO()
    book.save(out)
    document = read_bytes("报名表.xlsx", out.getvalue())
    speech = parse_document(document)[0]
    assert speech.title == "临川县读书班报名表"
    assert document.text.count("临川县读书班报名表") == 1
    assert document.text.count("制表单位：县老干部活动中心") == 1
    assert sum("制表单位" in p.text for p in chunk_speech(speech)) == 1


def test_a_title_set_in_colour_outline_and_size_codes_reads_as_its_words() -> None:
    # review of cold39: 「K04+000扎染班…」, 「FF0000扎染班…H」 were the titles, 「&122035年…」 lost its year
    for code, title in (
        ("&K04+000临川县读书班报名表", "临川县读书班报名表"),
        ("&KFF0000&O临川县读书班报名表&H", "临川县读书班报名表"),
        ("&K01-050&B临川县读书班&B报名表", "临川县读书班报名表"),
        ("&122035年读书班报名表", "2035年读书班报名表"),
    ):
        data = _book(("", code, ""), ("&12制表单位：县老干部活动中心", "", ""))
        document = read_bytes("报名表.xlsx", data)
        assert parse_document(document)[0].title == title, code
        assert "制表单位：县老干部活动中心" in document.text.split("\n")
        assert "&" not in document.text and "K0" not in document.text and "FF0000" not in document.text


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_sheet_saved_by_calc_keeps_its_printed_title(tmp_path: Path) -> None:
    source = tmp_path / "报名表.xlsx"
    source.write_bytes(_book(("", "临川县读书班报名表", ""), ("制表单位：县老干部活动中心", "", "第 &P 页")))
    out = tmp_path / "out"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    document = read_document(out / "报名表.xlsx")
    assert parse_document(document)[0].title == "临川县读书班报名表"
    assert "制表单位：县老干部活动中心" in document.text and "第" not in document.text.split("制表单位")[1]


_WORDS = st.text(alphabet="临川县老干部读书班报名汇总表活动中心", min_size=2, max_size=14)
_LABELLED = st.builds(
    lambda label, words: f"{label}：{words}", st.sampled_from(["制表单位", "填表人", "审核"]), _WORDS
)
_FIELDS = st.sampled_from(["第 &P 页", "第 &P 页，共 &N 页", "&F", "打印日期：&D", "&A"])


@settings(max_examples=15, deadline=None)
@given(
    title=_WORDS,
    where=st.integers(min_value=0, max_value=2),
    notes=st.lists(st.one_of(_LABELLED, _FIELDS, st.just("")), min_size=3, max_size=3),
    first_page=st.booleans(),
)
def test_margins_read_once_and_page_fields_never(
    title: str, where: int, notes: list[str], first_page: bool
) -> None:
    """Property: a title in any part of the header titles the sheet; every footer part without a field is
    read (once a part), after the rows; no part with a field is read; the rows read as without any margin."""
    header = tuple(title if n == where else "" for n in range(3))
    data = _book(header, tuple(notes), first_page=first_page)  # type: ignore[arg-type]
    document = read_bytes("表.xlsx", data)
    plain = read_bytes("表.xlsx", _book(("", "", ""), ("", "", "")))
    speech = parse_document(document)[0]
    assert speech.title == title
    for note in notes:
        if note and "&" not in note and note != title:
            assert document.text.split("\n").count(note) == notes.count(note)
    assert "&" not in document.text and "页" not in document.text
    rows = [line for line in plain.text.split("\n") if "：" in line and line.startswith("姓名")]
    assert rows and all(document.text.count(line) == 1 for line in rows)
