"""A notice's first lines set with layout devices, as 红头 templates set them, read as the lines typed:

- a table of a single row — a 文号 beside its 签发人 in an invisible table, a name beside a date — is the
  line it prints, not a table row (before: no document number, and the notice, its title run into the
  addressee, was titled by its file name), in .docx, .odt and .rtf;
- a letterhead in a text box (a shape, WordArt) anchored in an empty first paragraph is the first line
  (before: it was read after the first body sentence, and the next paragraph was cited under it).

Documents made by python-docx (the box as Word saves one: tests/fixtures/documents/make_word_text_boxes.py);
the LibreOffice round trip runs where soffice is installed."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import HEAD_SECTION, chunk_speech, parse_document, read_bytes, read_document
from corpus.clean import clean_line
from corpus.conservation import check_conservation

EXAMPLES = int(os.environ.get("SPEECHQA_PROPERTY_EXAMPLES", "25"))
TITLE = "关于开展离退休干部走访慰问活动的通知"
BODY = [
    "为做好走访慰问工作，现将有关事项通知如下。",
    "走访慰问对象为全市离休干部和困难退休干部。",
    "各单位要在九月底前报送走访情况。",
]


def _notice(cells: list[str] | None, line: str, body_cells: list[str] | None) -> bytes:
    """The notice with its 文号 line set in a one-row table (`cells`) or typed (`line`), and a one-row
    table of `body_cells` after its first paragraph, or that row typed as a line."""
    document = docx.Document()
    if cells is None:
        document.add_paragraph(line)
    else:
        table = document.add_table(rows=1, cols=len(cells))
        for cell, text in zip(table.rows[0].cells, cells, strict=True):
            cell.text = text
    document.add_paragraph(TITLE)
    document.add_paragraph("各县（市、区）委老干部局：")
    document.add_paragraph(BODY[0])
    if body_cells:
        if cells is None:
            document.add_paragraph(" ".join(body_cells))
        else:
            table = document.add_table(rows=1, cols=len(body_cells))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, body_cells, strict=True):
                cell.text = text
    for text in BODY[1:]:
        document.add_paragraph(text)
    document.add_paragraph("中共临江市委老干部局")
    document.add_paragraph("2024年9月1日")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    number=st.sampled_from(["临老干发〔2024〕21号", "江老干〔2023〕7号", "市老干办〔2025〕103号"]),
    signer=st.sampled_from(["签发人：张为民", "签发人：欧阳明", "签发人：李建华"]),
    empty=st.integers(0, 2),
    body_cells=st.one_of(
        st.none(),
        st.lists(
            st.sampled_from(["联系人：王芳", "电话：0531-8888", "邮箱：lgj@example.cn"]),
            min_size=1,
            max_size=3,
        ),
    ),
)
def test_a_one_row_table_reads_as_the_line_it_prints(
    number: str, signer: str, empty: int, body_cells: list[str] | None
) -> None:
    cells = [number, *[""] * empty, signer]  # empty cells between, as a template spaces them
    line = f"{number} {signer}"
    table = read_bytes("通知.docx", _notice(cells, line, body_cells))
    typed = read_bytes("通知.docx", _notice(None, line, body_cells))
    [speech] = parse_document(table)
    [as_typed] = parse_document(typed)
    assert (speech.title, speech.doc_number, speech.date) == (TITLE, number, "2024-09-01")
    assert (as_typed.title, as_typed.doc_number, as_typed.date) == (TITLE, number, "2024-09-01")
    assert check_conservation(table, [p.text for p in chunk_speech(speech)]).ok
    if body_cells:
        # a row of cells in the body is a line of its own: the paragraph after it is not run into it (a
        # Word paragraph without an end mark is; a table's cells are no such paragraph)
        row = " ".join(body_cells)
        assert (row, "line") in [(b.text, b.kind) for b in table.blocks]
        assert clean_line(row) in [p.text for p in speech.paragraphs]
        assert any(p.text == BODY[1] for p in speech.paragraphs)


def test_a_table_of_two_rows_is_still_labelled_by_its_header() -> None:
    document = docx.Document()
    document.add_paragraph(TITLE)
    table = document.add_table(rows=2, cols=2)
    for cell, text in zip(table._cells, ["项目", "标准", "健康体检", "每年一次"], strict=True):
        cell.text = text
    out = io.BytesIO()
    document.save(out)
    blocks = read_bytes("通知.docx", out.getvalue()).blocks
    assert [(b.text, b.kind) for b in blocks[1:]] == [("项目：健康体检；标准：每年一次", "table_row")]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("target", ["odt", "rtf"])
def test_a_one_row_table_reads_as_its_line_in_libreoffice_formats(tmp_path: Path, target: str) -> None:
    from tests.fixtures.documents.make_fixtures import soffice

    source = tmp_path / "通知.docx"
    source.write_bytes(_notice(["临老干发〔2024〕21号", "签发人：张为民"], "", None))
    converted = read_document(soffice(source, target))
    [speech] = parse_document(converted)
    assert (speech.title, speech.doc_number, speech.date) == (TITLE, "临老干发〔2024〕21号", "2024-09-01")


def _boxed(letterhead: list[str] | None, lines: list[str]) -> bytes:
    """A notice whose first lines `letterhead` are in a text box anchored in an empty first paragraph
    (None: typed as paragraphs), then `lines` typed."""
    from tests.fixtures.documents.make_word_text_boxes import box_run

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    if letterhead is None:
        return _saved(document)
    anchor = OxmlElement("w:p")
    document.paragraphs[0]._p.addprevious(anchor)
    anchor.append(box_run([letterhead], "anchor", 7))
    return _saved(document)


def _saved(document) -> bytes:  # type: ignore[no-untyped-def]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


NOTICE = [
    "临老干发〔2024〕22号",
    TITLE,
    "各县（市、区）委老干部局：",
    *BODY,
    "中共临江市委老干部局",
    "2024年9月1日",
]


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    letterhead=st.lists(
        st.sampled_from(["临江市委老干部局文件", "中共临江市委老干部局", "临江市老干部工作简报"]),
        min_size=1,
        max_size=2,
        unique=True,
    )
)
def test_a_letterhead_in_a_text_box_at_the_top_reads_as_the_first_lines(letterhead: list[str]) -> None:
    boxed = read_bytes("通知.docx", _boxed(letterhead, NOTICE))
    typed = read_bytes("通知.docx", _boxed(None, letterhead + NOTICE))
    assert [(b.text, b.kind) for b in boxed.blocks] == [(b.text, b.kind) for b in typed.blocks]
    [speech] = parse_document(boxed)
    assert speech == parse_document(typed)[0]
    # the head passage (its number and 主送 line), then the body under no heading
    assert speech.paragraphs[0].section == HEAD_SECTION
    assert "主送：各县（市、区）委老干部局。" in speech.paragraphs[0].text
    assert all(p.section is None for p in speech.paragraphs[1:])


def test_a_text_box_of_sentences_at_the_top_still_waits_for_the_body() -> None:
    """A box of sentences anchored at the top is a sidebar, not a letterhead: it follows the first
    paragraph that ends a sentence, so the title stays the title."""
    aside = "本通知同时发送各离退休干部党支部。"
    blocks = read_bytes("通知.docx", _boxed([aside], NOTICE)).blocks
    assert blocks[0].text == NOTICE[0] and [b.text for b in blocks].index(aside) == 4


def _signed(columns: int | None, places: tuple[int, int]) -> bytes:
    """The notice with its signature and date set in a table of `columns` columns, each in the column
    `places` says, the other cells empty (where the seal goes), or typed (columns None)."""
    document = docx.Document()
    for line in NOTICE[:-2]:
        document.add_paragraph(line)
    if columns is None:
        for line in NOTICE[-2:]:
            document.add_paragraph(line)
    else:
        table = document.add_table(rows=2, cols=columns)
        for row, (place, line) in enumerate(zip(places, NOTICE[-2:], strict=True)):
            table.cell(row, place % columns).text = line
    return _saved(document)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(columns=st.integers(2, 4), places=st.tuples(st.integers(0, 3), st.integers(0, 3)))
def test_a_signature_set_in_table_cells_beside_the_seal_reads_as_its_lines(
    columns: int, places: tuple[int, int]
) -> None:
    """Before, the issuer labelled the date (「中共临江市委老干部局：2024年9月1日」) or both were table rows,
    and the notice had no date."""
    table = read_bytes("通知.docx", _signed(columns, places))
    typed = read_bytes("通知.docx", _signed(None, places))
    assert [b.text for b in table.blocks] == [b.text for b in typed.blocks]
    assert [b.kind for b in table.blocks[-2:]] == ["line", "line"]  # each a line of its own
    [speech] = parse_document(table)
    assert speech == parse_document(typed)[0] and speech.date == "2024-09-01"
