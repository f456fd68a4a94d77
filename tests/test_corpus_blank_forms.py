"""The head of a blank form — labels over empty rows — reads as its labels, 「姓名；原工作单位；…」, not run
together (cold27).

cold27's 口述史料征集 notice (a .docx saved by LibreOffice Writer) ends with its 附件, a 登记表 to fill in: a row of
seven labels over empty rows. A table with one filled row was read as the line it prints, its cells apart by a
space, and a passage keeps no space between Chinese: 「姓名出生年月原工作单位及职务亲历事件或工作经历…」. The head
of a blank form (three or more labels, no digit, every cell filled, over rows left empty) is now one table row,
its labels apart by 「；」; a one-row table standing alone (a 文号 beside its 签发人) is still the line it prints.

Files: ``tests/fixtures/blank_forms/registration.docx`` (python-docx) and the same saved by **LibreOffice Writer**
as ``registration.writer.docx``, ``.odt`` and ``.rtf``, made by ``make_blank_forms.py`` there.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_document
from tests.fixtures.blank_forms.make_blank_forms import FORM_TITLE, LABELS, NUMBER, TITLE

FOLDER = Path(__file__).parent / "fixtures" / "blank_forms"
NAMES = ["registration.docx", "registration.writer.docx", "registration.odt", "registration.rtf"]


@pytest.mark.parametrize("name", NAMES)
def test_the_form_head_reads_as_its_labels_and_the_number_as_the_number(name: str) -> None:
    """main: 「姓名 原工作单位 照片拍摄时间 照片内容说明 联系电话」, a passage 「姓名原工作单位照片拍摄时间…」."""
    [speech] = parse_document(read_document(FOLDER / name))
    assert speech.doc_number == NUMBER[0]
    assert speech.title == TITLE
    rows = [p for p in speech.paragraphs if LABELS[0] in p.text]
    assert [(p.kind, p.text) for p in rows] == [("table_row", "；".join(LABELS))]
    assert FORM_TITLE in rows[0].section


_LABEL = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=2, max_size=6)


@settings(max_examples=40, deadline=None)
@given(labels=st.lists(_LABEL, min_size=2, max_size=7, unique=True), empty=st.integers(0, 5))
def test_any_form_head_over_empty_rows_reads_as_its_labels(
    tmp_path_factory: pytest.TempPathFactory, labels: list[str], empty: int
) -> None:
    """Labels over one or more empty rows, three or more of them: one table row, 「；」 between them; two, or
    no empty row under them: the line the row prints, as before. Every label reads, once."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("关于报送登记表的通知", style="Title")
    doc.add_paragraph("请各单位按附表格式填写后报送。")
    table = doc.add_table(rows=1 + empty, cols=len(labels))
    for cell, text in zip(table.rows[0].cells, labels, strict=True):
        cell.text = text
    doc.add_paragraph("以上请于月底前报送。")
    path = tmp_path_factory.mktemp("form") / "通知.docx"
    doc.save(str(path))
    blocks = read_document(path).blocks
    if empty and len(labels) >= 3:
        assert [(b.kind, b.text) for b in blocks if labels[0] in b.text] == [("table_row", "；".join(labels))]
    else:
        assert [(b.kind, b.text) for b in blocks if labels[0] in b.text] == [("line", " ".join(labels))]
