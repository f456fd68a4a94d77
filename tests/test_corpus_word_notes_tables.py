"""Word footnotes and endnotes, merged table cells, a date in Subtitle style, and files that are not zips.

Footnotes are read as paragraphs of their own after what references them (never inside its sentence,
no digit from the reference mark), and `add --check`'s own reading of the file includes them, so a
reader that drops one is noticed. A vertically merged cell labels every row it spans; a row that is one
cell across the whole table is a note, read as it stands. A Subtitle-style line of the header gives the
date or speaker it names. A password-protected .docx (an encrypted package in an OLE compound file) is
refused with the fix; a .doc saved under a .docx name is read as a .doc.

The fixtures and their expected reading come from tests/fixtures/documents/make_word_notes_tables.py.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import chunk_speech, parse_document, read_bytes, read_document
from corpus.cfb import MAGIC
from corpus.conservation import body_sentences, check_conservation
from corpus.errors import UnreadableFile
from corpus.records import Document
from tests.fixtures.documents.make_word_notes_tables import (
    FOOTNOTES,
    PASSWORD_TARGET,
    TARGET,
    add_notes_part,
    reference,
)

EXPECTED = json.loads(TARGET.with_name(TARGET.name + ".json").read_text(encoding="utf-8"))
FIXTURES = TARGET.parent


def passages_of(document: Document) -> list[str]:
    return [d.text for speech in parse_document(document) for d in chunk_speech(speech)]


def test_every_paragraph_note_and_row_is_read_once_in_order_under_its_section() -> None:
    speech = parse_document(read_document(TARGET))[0]
    assert [[p.section, p.text, p.kind] for p in speech.paragraphs] == EXPECTED["body"]


def test_the_date_in_subtitle_style_and_the_speaker_line_are_the_speech_metadata() -> None:
    speech = parse_document(read_document(TARGET))[0]
    assert (speech.title, speech.date, speech.speaker) == (
        EXPECTED["title"],
        EXPECTED["date"],
        EXPECTED["speaker"],
    )


def test_a_vertically_merged_cell_labels_every_row_it_spans() -> None:
    rows = [b.text for b in read_document(TARGET).blocks if b.kind == "table_row"]
    assert "项目：书记轮训；责任单位：市老年大学；完成时限：2025年11月底" in rows
    assert "类别：离休干部；项目：疗养休养；标准：两年一次" in rows


def test_a_row_spanning_the_whole_table_is_a_note_or_caption_not_a_labelled_cell() -> None:
    rows = [b.text for b in read_document(TARGET).blocks if b.kind == "table_row"]
    assert "备注：以上工作纳入年度考核。" in rows
    assert "2025年老干部活动经费安排" in rows  # a caption over the header row: the header still labels
    assert not any(row.startswith("项目：备注") or "类别：2025年" in row for row in rows)


def test_a_footnote_mark_glues_no_digit_and_a_deleted_reference_reads_no_note() -> None:
    document = read_document(TARGET)
    for absent in EXPECTED["absent"]:
        assert absent not in document.text and absent not in document.reference, absent
    assert "全市现有离退休干部党支部612个，党员1.8万名。" in document.text.splitlines()


def test_every_sentence_and_note_reaches_one_passage_and_the_check_agrees() -> None:
    document = read_document(TARGET)
    passages = passages_of(document)
    assert check_conservation(document, passages).ok
    assert set(EXPECTED["sentences"]) <= set(body_sentences(document))
    joined = "".join(passages)
    for sentence in EXPECTED["sentences"]:
        assert joined.count(sentence) == 1, sentence
    # a note is never glued into the unfinished paragraph before it
    assert not any("其中离休干部党员含" in p for p in passages)


def test_the_check_reports_a_footnote_the_reader_dropped() -> None:
    good = read_document(TARGET)
    blocks = tuple(b for b in good.blocks if b.kind != "note")
    lossy = Document(
        name=good.name,
        text="\n".join(b.text for b in blocks),
        encoding="docx",
        blocks=blocks,
        reference=good.reference,
    )
    report = check_conservation(lossy, passages_of(lossy))
    assert FOOTNOTES["2"] in report.missing
    assert "今年重点抓好三项工作。" not in report.missing


# -- properties over generated documents ---------------------------------------------------------------

WORDS = st.text(alphabet="老干部服务平台活动经费体检中心疗养市县区", min_size=2, max_size=6)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(WORDS, st.lists(st.sampled_from(["footnote", "endnote"]), max_size=2), st.booleans()),
        min_size=1,
        max_size=5,
    )
)
def test_each_note_follows_its_paragraph_once_and_the_check_agrees(paragraphs) -> None:  # type: ignore[no-untyped-def]
    d = docx.Document()
    d.add_paragraph("同志们，今年的工作任务很重。")  # the body has started: notes follow what references them
    notes: dict[str, dict[str, str]] = {"footnote": {}, "endnote": {}}
    expected = []
    for number, (words, marks, ends) in enumerate(paragraphs):
        text = f"第{number}段{words}" + ("。" if ends else "")
        p = d.add_paragraph(text)
        expected.append(text)
        for kind in marks:
            note_id = str(len(notes[kind]) + 1)
            note = f"{kind}{note_id}注{words}说明。"
            notes[kind][note_id] = note
            p._p.append(reference(kind, note_id))
            expected.append(note)
    for kind, texts in notes.items():
        if texts:
            add_notes_part(d, kind, texts)
    buffer = io.BytesIO()
    d.save(buffer)
    document = read_bytes("脚注.docx", buffer.getvalue())
    assert [b.text for b in document.blocks][1:] == expected
    assert sorted(line.strip() for line in document.reference.split("\n")[1:]) == sorted(expected)
    assert check_conservation(document, passages_of(document)).ok


# each data cell: its text, or None for "merged with the cell above"
cell = st.one_of(WORDS, st.none())


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(min_value=2, max_value=4).flatmap(
        lambda width: st.tuples(
            st.just(width),
            st.lists(st.lists(cell, min_size=width, max_size=width), min_size=1, max_size=4),
            st.booleans(),
            st.booleans(),
        )
    )
)
def test_merged_cells_are_read_as_word_shows_them(case) -> None:  # type: ignore[no-untyped-def]
    width, data, caption, note = case
    data[0] = [text or "首行" for text in data[0]]  # the first data row has nothing above to merge with
    header = [f"列{c}" for c in range(width)]
    rows = ([["表题"] + [""] * (width - 1)] if caption else []) + [header, *data]
    rows += [["备注：以上为示例。"] + [""] * (width - 1)] if note else []
    d = docx.Document()
    table = d.add_table(rows=len(rows), cols=width)
    first_data = 2 if caption else 1
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    if caption:
        table.cell(0, 0).merge(table.cell(0, width - 1))
    if note:
        table.cell(len(rows) - 1, 0).merge(table.cell(len(rows) - 1, width - 1))
    shown = []
    for i, row in enumerate(data):
        values = []
        for c, text in enumerate(row):
            if text is None:
                table.cell(first_data + i - 1, c).merge(table.cell(first_data + i, c))
                text = shown[-1][c]
            values.append(text)
        shown.append(values)
    buffer = io.BytesIO()
    d.save(buffer)
    lines = read_bytes("表格.docx", buffer.getvalue()).text.splitlines()
    expected = (["表题"] if caption else []) + [
        "；".join(f"{label}：{text}" for label, text in zip(header, values, strict=True)) for values in shown
    ]
    assert lines == expected + (["备注：以上为示例。"] if note else [])


@pytest.mark.parametrize(
    "line",
    ["——（2024年5月20日）", "（2024年5月20日）", "2024年5月20日", "王建华", "市委老干部局局长　王建华"],
)
def test_a_header_line_in_subtitle_style_reads_as_the_same_line_unstyled(line: str) -> None:
    def speech(style: str | None):  # type: ignore[no-untyped-def]
        d = docx.Document()
        d.add_paragraph("在全市老干部工作会议上的讲话", style="Title")
        d.add_paragraph(line, style=style)
        d.add_paragraph("同志们，今年的工作任务很重。")
        buffer = io.BytesIO()
        d.save(buffer)
        return parse_document(read_bytes("讲话.docx", buffer.getvalue()))[0]

    styled, plain = speech("Subtitle"), speech(None)
    assert (styled.date, styled.speaker) == (plain.date, plain.speaker)
    assert styled.date or styled.speaker
    assert styled.subtitle is None


def test_a_subtitle_naming_the_occasion_and_the_date_gives_both() -> None:
    d = docx.Document()
    d.add_paragraph("坚持以人民为中心　做好新时代老干部工作", style="Title")
    d.add_paragraph("——在全市老干部工作会议上的讲话（2024年9月10日）", style="Subtitle")
    d.add_paragraph("同志们，今年的工作任务很重。")
    buffer = io.BytesIO()
    d.save(buffer)
    speech = parse_document(read_bytes("讲话.docx", buffer.getvalue()))[0]
    assert (speech.subtitle, speech.date) == ("在全市老干部工作会议上的讲话", "2024-09-10")


# -- files that are OLE compound files, not zips ---------------------------------------------------------


def test_a_password_protected_docx_is_refused_with_the_fix_in_one_line() -> None:
    for name in ("讲话.docx", "讲话.doc"):
        with pytest.raises(UnreadableFile) as caught:
            read_bytes(name, PASSWORD_TARGET.read_bytes())
        message = str(caught.value)
        assert "设有打开密码" in message and "不加密" in message and "\n" not in message


@pytest.mark.usefixtures("antiword_only")  # quicker than LibreOffice
def test_a_doc_saved_with_a_docx_name_is_read_as_a_doc() -> None:
    data = (FIXTURES / "work_conference.doc").read_bytes()
    as_docx = read_bytes("改了后缀.docx", data)
    assert as_docx.encoding == "doc/antiword"
    assert as_docx.text == read_bytes("work_conference.doc", data).text


def test_a_doc_named_docx_without_a_converter_says_it_is_an_old_doc(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(UnreadableFile, match=r"旧版 Word 文档（\.doc）"):
        read_bytes("改了后缀.docx", (FIXTURES / "work_conference.doc").read_bytes())


def test_a_broken_compound_file_named_docx_is_refused_as_damaged() -> None:
    with pytest.raises(UnreadableFile, match="内容已损坏"):
        read_bytes("坏了.docx", MAGIC + b"\xff" * 600)


def _blank_form_notice(path: Path) -> Path:
    """A notice whose 附件 is a blank form (a header over an empty row and 「合计」), as offices send one."""
    d = docx.Document()
    d.add_paragraph("关于报送春节走访慰问情况的通知", style="Title")
    d.add_paragraph("请各单位于1月24日前填写附件并报送市委老干部局。")
    d.add_page_break()
    d.add_paragraph("附件")
    d.add_paragraph("春节走访慰问情况统计表")
    table = d.add_table(rows=3, cols=4)
    table.style = "Table Grid"
    for column, text in enumerate(("单位", "走访人数", "慰问金额", "走访领导")):
        table.cell(0, column).text = text
    table.cell(2, 0).text = "合计"
    d.save(str(path))
    return path


def test_a_blank_forms_column_headers_are_read_not_lost(tmp_path: Path) -> None:
    """Before, the form read 「单位：合计」 and nothing else: the columns to fill in (走访人数, 慰问金额,
    走访领导) labelled no cell and were nowhere in the text, so 「统计表要填哪些项目」 found nothing."""
    notice = _blank_form_notice(tmp_path / "报送通知.docx")
    rows = [b.text for b in read_document(notice).blocks if b.kind == "table_row"]
    assert rows == ["单位；走访人数；慰问金额；走访领导", "单位：合计"]
    passages = passages_of(read_document(notice))
    assert any("走访人数" in p and "走访领导" in p for p in passages)


def test_a_blank_forms_column_headers_are_read_from_its_libreoffice_pdf(tmp_path: Path) -> None:
    import shutil

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    from tests.fixtures.documents.make_fixtures import soffice

    pdf = soffice(_blank_form_notice(tmp_path / "报送通知.docx"), "pdf")
    text = read_document(pdf).text
    assert all(word in text for word in ("走访人数", "慰问金额", "走访领导")), text


def test_a_filled_tables_header_is_not_read_as_a_row() -> None:
    from corpus.tables import labelled_rows

    rows = [["项目", "标准", "备注"], ["健康体检", "每年一次", ""], ["疗养休养", "两年一次", ""]]
    # one column left blank (a 「备注」 nobody filled in) is no form to fill in: the header is not a row
    assert labelled_rows(rows) == ["项目：健康体检；标准：每年一次", "项目：疗养休养；标准：两年一次"]
