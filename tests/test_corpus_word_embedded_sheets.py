"""A worksheet embedded in a Word document as an object reads as the table it holds, where it stands.

The twenty-fifth blind set (docs/cold23.md) found it: a notice's 附件, the allocation table, was an Excel
sheet inserted as an object (「插入 › 对象」) — the body holds only its preview picture and an
``o:OLEObject``, the workbook is in ``word/embeddings/`` — and was not read at all: three questions on its
rows had nothing to find. corpus/word.py (``fill_from_package``, ``_embedded_sheets``) now reads each
embedded workbook with the spreadsheet reader (corpus/sheets.py ``sheet_grids``) and puts it in as a
table after the object's paragraph, so its rows read labelled, as a table typed in Word does.

Files by real producers (tests/fixtures/embedded_objects.py): python-docx and openpyxl, the object as Word
2010 saves it; an OpenDocument text with a Calc object saved as .docx by LibreOffice Writer.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_document
from tests.fixtures.embedded_objects import (
    workbook_bytes,
    write_libreoffice_ole_docx,
    write_word_ole_docx,
)

BEFORE = [
    "关于拨付离退休干部党支部活动经费的通知",
    "活动经费按每名党员每年200元的标准核拨，各支部金额见附件。",
    "附件：党支部活动经费拨付明细表",
]
AFTER = ["经费使用情况于年底前报局机关党委。"]
TITLE = "党支部活动经费拨付明细表"
HEAD = ["序号", "党支部", "党员人数", "拨付金额（元）"]
ROWS = [
    ["1", "机关第一党支部", "46", "9200"],
    ["2", "教育局离退休干部党支部", "52", "10400"],
]
LABELLED = [
    "序号：1；党支部：机关第一党支部；党员人数：46；拨付金额（元）：9200",
    "序号：2；党支部：教育局离退休干部党支部；党员人数：52；拨付金额（元）：10400",
]


def _texts(path: Path) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in read_document(path).blocks]


def _without_sheet(tmp_path: Path) -> list[tuple[str, str]]:
    from docx import Document

    doc = Document()
    for text in [*BEFORE, *AFTER]:
        doc.add_paragraph(text)
    path = tmp_path / "plain.docx"
    doc.save(str(path))
    return _texts(path)


def test_word_embedded_workbook_reads_as_its_table_in_place(tmp_path: Path) -> None:
    path = tmp_path / "通知.docx"
    write_word_ole_docx(BEFORE, workbook_bytes([HEAD, *ROWS], title=TITLE), AFTER, path)
    blocks = _texts(path)
    texts = [text for _, text in blocks]
    at = texts.index(BEFORE[-1])
    assert texts[at + 1 : at + 4] == [TITLE, *LABELLED]
    assert texts[at + 4] == AFTER[0]
    assert [kind for kind, _ in blocks[at + 2 : at + 4]] == ["table_row", "table_row"]
    for line in (TITLE, *LABELLED):
        assert texts.count(line) == 1
    # the notice reads as it did without the object
    assert [b for b in blocks if b[1] not in (TITLE, *LABELLED)] == _without_sheet(tmp_path)


def test_word_embedded_workbook_rows_are_passages_under_the_attachment(tmp_path: Path) -> None:
    path = tmp_path / "通知.docx"
    write_word_ole_docx(BEFORE, workbook_bytes([HEAD, *ROWS], title=TITLE), AFTER, path)
    [speech] = parse_document(read_document(path))
    rows = [p.text for p in speech.paragraphs if p.kind == "table_row"]
    assert LABELLED[1] in rows


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice to make the file")
def test_libreoffice_docx_with_a_calc_object_reads_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "通知.docx"
    write_libreoffice_ole_docx(BEFORE, [HEAD, *ROWS], AFTER, path, title=TITLE)
    texts = [text for _, text in _texts(path)]
    at = texts.index(BEFORE[-1])
    assert texts[at + 1 : at + 4] == [TITLE, *LABELLED]
    assert texts[at + 4 :] == AFTER


def test_an_embedded_object_that_is_no_workbook_stays_its_picture(tmp_path: Path) -> None:
    from docx import Document

    inner = Document()
    inner.add_paragraph("嵌入的 Word 文档内容")
    import io

    data = io.BytesIO()
    inner.save(data)
    path = tmp_path / "通知.docx"
    write_word_ole_docx(
        BEFORE,
        data.getvalue(),
        AFTER,
        path,
        part_name="Microsoft_Word_Document.docx",
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        prog_id="Word.Document.12",
    )
    assert _texts(path) == _without_sheet(tmp_path)
    damaged = tmp_path / "损坏.docx"
    write_word_ole_docx(BEFORE, b"PK\x03\x04 not a workbook", AFTER, damaged)
    assert _texts(damaged) == _without_sheet(tmp_path)


_WORD = st.text(alphabet="离退休干部党支部活动经费老年大学体检医院市区", min_size=1, max_size=8)
_NUMBER = st.integers(min_value=0, max_value=99999).map(str)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    width=st.integers(min_value=2, max_value=4),
    data=st.data(),
)
def test_an_embedded_sheet_reads_as_the_same_table_typed_in_word(tmp_path: Path, width: int, data) -> None:  # type: ignore[no-untyped-def]
    """Whatever its cells, an embedded worksheet's rows read exactly as the same rows typed as a Word
    table in its place: the same blocks, in the same order, each once."""
    from docx import Document

    head = data.draw(st.lists(_WORD, min_size=width, max_size=width, unique=True))
    body = data.draw(
        st.lists(st.lists(st.one_of(_WORD, _NUMBER), min_size=width, max_size=width), min_size=1, max_size=5)
    )
    embedded = tmp_path / "embedded.docx"
    write_word_ole_docx(BEFORE, workbook_bytes([head, *body]), AFTER, embedded)
    typed = Document()
    for text in BEFORE:
        typed.add_paragraph(text)
    table = typed.add_table(rows=0, cols=width)
    for row in [head, *body]:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = value
    for text in AFTER:
        typed.add_paragraph(text)
    typed_path = tmp_path / "typed.docx"
    typed.save(str(typed_path))
    assert _texts(embedded) == _texts(typed_path)
