"""Printed page headers and footers read alike in every spreadsheet format (corpus.sheets): a roster titled
only in its 页眉 and dated only in its 页脚 reads the same as .xlsx (openpyxl), as the .xls LibreOffice Calc
saves of it (its HEADER and FOOTER records, in Excel's code grammar: corpus.margin_codes), as a WPS .et in
that binary format, and as Calc's .ods (its page styles' regions). A part holding a page field is never
read, nor any margin of a sheet that prints nothing; an .ods's first page with a header of its own
(style:header-first) reads that one. The files are tests/fixtures/sheet_margins'."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import check_conservation, chunk_speech, parse_document, read_bytes
from tests.fixtures.sheet_margins.make_sheet_margins import (
    CLASSES_TITLE,
    DATE,
    FIRST_MAKER,
    FIRST_TITLE,
    LATER_TITLE,
    MAKER,
    TITLE,
)

HERE = Path(__file__).resolve().parent / "fixtures" / "sheet_margins"
# (the file, the name it is added under): the .xls's bytes are what WPS writes for a binary .et too
ROSTERS = (
    ("roster.openpyxl.xlsx", "报名汇总表.xlsx"),
    ("roster.calc.xls", "报名汇总表.xls"),
    ("roster.calc.xls", "报名汇总表.et"),
    ("roster.calc.ods", "报名汇总表.ods"),
)


@pytest.mark.parametrize(("file", "name"), ROSTERS)
def test_a_title_maker_and_date_only_in_the_margins_are_read_in_every_format(file: str, name: str) -> None:
    document = read_bytes(name, (HERE / file).read_bytes())
    speech = parse_document(document)[0]
    assert speech.title == TITLE and speech.date == "2035-05-09"
    lines = document.text.split("\n")
    assert lines.count(TITLE) == 1 and lines.count(MAKER) == 1  # the empty Sheet3's margins: none
    assert lines.count(CLASSES_TITLE) == 1 and lines.count(DATE) == 2  # each sheet's footer, after its rows
    assert "页" not in document.text and "&" not in document.text  # 「第 &P 页，共 &N 页」: page furniture
    assert check_conservation(document, [p.text for p in chunk_speech(speech)]).ok


def test_the_formats_read_the_same_text() -> None:
    texts = {read_bytes(name, (HERE / file).read_bytes()).text for file, name in ROSTERS}
    assert len(texts) == 1


@pytest.mark.parametrize("file", ["first.openpyxl.xlsx", "first.calc.ods"])
def test_a_first_page_with_its_own_header_is_titled_by_it(file: str) -> None:
    document = read_bytes(file.replace(".openpyxl", "").replace(".calc", ""), (HERE / file).read_bytes())
    assert parse_document(document)[0].title == FIRST_TITLE
    assert FIRST_MAKER in document.text.split("\n")
    assert LATER_TITLE not in document.text and "页" not in document.text


# -- property: any header and footer regions in a Calc page style ----------------------------------------

_WORDS = st.text(alphabet="临川县老干部读书班报名汇总表活动中心", min_size=2, max_size=14)
_LABELLED = st.builds(
    lambda label, words: f"{label}：{words}", st.sampled_from(["制表单位", "填表人", "审核"]), _WORDS
)
# Calc's fields: the page number and count, the date, the sheet's and the file's name
_FIELDS = st.sampled_from(
    [
        "第 <text:page-number>1</text:page-number> 页",
        "第 <text:page-number>1</text:page-number> 页，共 <text:page-count>9</text:page-count> 页",
        "<text:file-name>报名汇总表.ods</text:file-name>",
        "打印日期：<text:date>2035-05-09</text:date>",
        "<text:sheet-name>???</text:sheet-name>",
    ]
)


def _region(place: str, text: str) -> str:
    return f"<style:region-{place}><text:p>{text}</text:p></style:region-{place}>" if text else ""


def _ods(header: tuple[str, str, str], footer: tuple[str, str, str]) -> bytes:
    """roster.calc.ods with its first sheet's page style's header and footer made of these regions."""
    with zipfile.ZipFile(HERE / "roster.calc.ods") as source:
        parts = {item: source.read(item) for item in source.namelist()}
    styles = parts["styles.xml"].decode("utf-8")
    page = re.search(
        r'<style:master-page style:name="PageStyle_5f_报名汇总".*?</style:master-page>', styles, re.S
    )
    assert page is not None
    margins = "".join(
        f"<style:{side}>{''.join(_region(p, t) for p, t in zip(('left', 'center', 'right'), parts_, strict=True))}</style:{side}>"
        for side, parts_ in (("header", header), ("footer", footer))
    )
    opening = page.group().split(">", 1)[0] + ">"
    styles = styles.replace(page.group(), f"{opening}{margins}</style:master-page>")
    parts["styles.xml"] = styles.encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as made:
        made.writestr("mimetype", parts.pop("mimetype"), compress_type=zipfile.ZIP_STORED)
        for item, data in parts.items():
            made.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


@settings(max_examples=15, deadline=None)
@given(
    title=_WORDS,
    where=st.integers(min_value=0, max_value=2),
    notes=st.lists(st.one_of(_LABELLED, _FIELDS, st.just("")), min_size=3, max_size=3),
)
def test_an_ods_reads_its_margins_once_and_page_fields_never(
    title: str, where: int, notes: list[str]
) -> None:
    """Property: a title in any region of an .ods sheet's header titles it; every footer region without a
    field is read, once; no region with a field is; the rows read as without any margin, each once."""
    header = tuple(title if n == where else "" for n in range(3))
    document = read_bytes("表.ods", _ods(header, tuple(notes)))  # type: ignore[arg-type]
    plain = read_bytes("表.ods", _ods(("", "", ""), ("", "", "")))
    assert parse_document(document)[0].title == title
    lines = document.text.split("\n")
    for note in notes:
        if note and "<" not in note and note != title:
            assert lines.count(note) == notes.count(note)
    assert "页" not in document.text and "???" not in document.text and "报名汇总表.ods" not in document.text
    rows = [line for line in plain.text.split("\n") if line.startswith("序号：")]
    assert rows and all(document.text.count(line) == 1 for line in rows)
