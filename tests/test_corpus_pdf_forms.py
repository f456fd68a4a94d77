"""A PDF form filled in on a computer is read with its values, each beside its label.

A form (报名表, 登记表) filled in with a PDF program keeps each value in its form field (AcroForm: the
widget's ``/V``), not in the page's text; a viewer draws it in the field's box. The seventeenth blind set's
老物件捐赠登记表.pdf was read as its seventeen labels alone (「捐赠人姓名」, 「物品来历」…), not one value. Now
the values of text and choice fields are read where they stand (corpus/pdf.py, ``_field_values``): in the
ruled cell holding the field — the row read 「label：value」 as a form is (corpus.tables.form_rows), the first
row too (it is no header) — or as a line of the page.

Files made by real producers: reportlab draws the form, pypdf fills it
(tests/fixtures/corpus_writers.write_filled_form_pdf).
"""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader, PdfWriter

from corpus import chunk_speech, parse_document, read_document
from index import Library
from retrieval import Retriever
from tests.fixtures.corpus_writers import write_filled_form_pdf

from .fakes import FakeEmbedder

TITLE = "岑川市老年大学2027年春季学期报名表"
ROWS = [
    ("姓名", "name", 1),
    ("原工作单位", "unit", 1),
    ("报名专业", "course", 1),
    ("学习经历", "history", 3),
    ("联系电话", "phone", 1),
]
VALUES = {
    "name": "费清源",
    "unit": "市档案馆（退休）",
    "course": "国画山水班",
    "history": "2024年在老年大学学过书法初级班，结业成绩优秀。\n希望继续学习国画。",
    "phone": "13712345678",
}


def _form(path: Path, values: dict[str, str]) -> None:
    write_filled_form_pdf(
        TITLE, ROWS, values, path, author="岑川市老年大学", heads=["填表日期：2027年1月8日"]
    )


def test_each_value_is_read_beside_its_label(tmp_path: Path) -> None:
    path = tmp_path / "报名表.pdf"
    _form(path, VALUES)
    lines = read_document(path).text.splitlines()
    assert "姓名：费清源" in lines  # the first row: a label and its value, not the others' header
    assert "原工作单位：市档案馆（退休）" in lines
    assert "报名专业：国画山水班" in lines
    assert "学习经历：2024年在老年大学学过书法初级班，结业成绩优秀。希望继续学习国画。" in lines
    assert "联系电话：13712345678" in lines


def test_a_blank_form_reads_its_labels_as_before(tmp_path: Path) -> None:
    path = tmp_path / "空白报名表.pdf"
    _form(path, {})
    text = read_document(path).text
    assert all(label in text for label, _, _ in ROWS)
    assert "费清源" not in text


def test_a_field_outside_a_table_is_read_as_a_line(tmp_path: Path) -> None:
    """The same form's values, its table's ruling lines gone: each value read as a line of the page."""

    path = _one_field_form(tmp_path, value_drawn=False)
    assert read_document(path).text.splitlines() == ["Registration form", "Bring two photos."]


def test_a_value_the_page_prints_too_is_read_once(tmp_path: Path) -> None:
    """A program that fills a form may draw each value into the page as well and keep the field: the value
    is then page text already, and the field's copy is not read again."""

    path = _one_field_form(tmp_path, value_drawn=True)
    assert read_document(path).text.count("Bring two photos.") == 1


def test_a_pdf_whose_comments_have_pop_ups_without_a_box_still_reads(tmp_path: Path) -> None:
    """LibreOffice exports a reviewer's comment as a note with a pop-up that has no box (no /Rect):
    pdfplumber cannot lay such a page's annotations out, and the page's fields are looked for without it
    (the fourteenth set's speech with exported comments was refused as damaged when fields were first read)."""
    import shutil

    import pytest

    from tests.fixtures.corpus_writers import write_converted

    if shutil.which("soffice") is None:
        pytest.skip("needs LibreOffice")
    parts = [
        ("title", "在老年大学开学典礼上的讲话"),
        (
            "revised",
            ["今年春季学期共开设", ("comment", "二十八个班", "请核实班数"), "，招收学员一千二百人。"],
        ),
        ("body", "希望各位学员学有所成，乐在其中。"),
    ]
    path = tmp_path / "讲话.pdf"
    write_converted(parts, path, "pdf", author="岑川市老年大学", notes=True)
    text = read_document(path).text
    assert "今年春季学期共开设二十八个班，招收学员一千二百人。" in text
    # the comment is a remark of its own after the body (tests/test_corpus_remarks.py), never in a sentence
    lines = text.splitlines()
    assert [line for line in lines if "请核实班数" in line] == ["第1页批注（王审核）：请核实班数"]
    assert lines.index("批注") > lines.index("希望各位学员学有所成，乐在其中。")


def _one_field_form(tmp_path: Path, value_drawn: bool) -> Path:
    """A reportlab page with one empty text field, filled afterwards by pypdf (as a program fills a form);
    with `value_drawn` the value is also drawn into the field's box on the page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    blank = tmp_path / "blank.pdf"
    pdf = canvas.Canvas(str(blank), pagesize=A4)
    pdf.acroForm.textfield(name="note", value="", x=100, y=600, width=300, height=24, borderWidth=0)
    pdf.drawString(100, 700, "Registration form")
    if value_drawn:
        pdf.drawString(104, 608, "Bring two photos.")
    pdf.showPage()
    pdf.save()
    writer = PdfWriter(clone_from=PdfReader(blank))
    writer.update_page_form_field_values(
        writer.pages[0], {"note": "Bring two photos."}, auto_regenerate=False
    )
    path = tmp_path / "form.pdf"
    with path.open("wb") as out:
        writer.write(out)
    return path


DATED_ROWS = [
    ("姓名", "name", 1),
    ("出生日期", "born", 1),
    ("入党时间", "joined", 1),
    ("报名专业", "course", 1),
    ("填表日期", "filled", 1),
]
DATED_VALUES = {
    "name": "费清源",
    "born": "1948年3月2日",
    "joined": "1972年7月1日",
    "course": "国画山水班",
    "filled": "2027年1月8日",
}


def _dated_form(path: Path, values: dict[str, str], rows: list[tuple[str, str, int]] = DATED_ROWS) -> Path:
    heads = ["填表单位：岑川市老年大学教务处"]
    write_filled_form_pdf(TITLE, rows, values, path, author="岑川市老年大学", heads=heads)
    return path


def test_a_forms_title_is_its_title_line_and_its_date_its_date_field(tmp_path: Path) -> None:
    """The labelled line under a form's title (「填表单位：…」) ran into the title, and a form with no date line
    went undated although a field gives its date: the title is its line alone, the 填表单位 line body text,
    and the date the last field labelled as a date (…日期, …时间) — not a person's (出生日期, 入党时间)."""
    [speech] = parse_document(read_document(_dated_form(tmp_path / "报名表.pdf", DATED_VALUES)))
    assert speech.title == TITLE
    assert speech.date == "2027-01-08"
    assert speech.paragraphs[0].text == "填表单位：岑川市老年大学教务处"


def test_a_form_with_only_a_persons_dates_stays_undated(tmp_path: Path) -> None:
    rows = DATED_ROWS[:-1]
    [speech] = parse_document(read_document(_dated_form(tmp_path / "报名表.pdf", DATED_VALUES, rows)))
    assert speech.title == TITLE and speech.date is None


def test_a_forms_rows_are_cited_under_its_title_and_its_row_is_found(tmp_path: Path) -> None:
    """Each row of a form is a passage cited under the form's title (it was under no section), so the
    form's name in a question finds the row (「报名表 报名专业」)."""
    path = _dated_form(tmp_path / "报名表.pdf", DATED_VALUES)
    [speech] = parse_document(read_document(path))
    rows = [p for p in speech.paragraphs if p.kind == "table_row"]
    assert [p.section for p in rows] == [f"{TITLE} › 费清源"] * len(DATED_ROWS)  # under the person too, below
    assert "报名专业：国画山水班" in [d.text for d in chunk_speech(speech)]
    library = Library(tmp_path / "home")
    library.add_documents([read_document(path)], FakeEmbedder())
    retriever = Retriever(library.store, library.load(FakeEmbedder().key), FakeEmbedder())
    top = retriever.search("春季学期报名表 报名专业", k=3, mode="lexical").hits[0].passage
    assert top.text == "报名专业：国画山水班" and top.section.startswith(TITLE)
    library.close()


def test_a_forms_rows_are_cited_under_the_person_it_is_about_and_a_question_naming_them_finds_the_row(
    tmp_path: Path,
) -> None:
    """Each row of a form stays a passage of its own, and says nothing of whose it is (「联系电话：137…」): a
    question naming the person (「费清源的联系电话」) found the name's row, not the phone's. Every row is now
    cited under the person its 姓名 field names (docs/cold15.md); the rows' text is unchanged."""
    path = tmp_path / "报名表.pdf"
    _form(path, VALUES)
    [speech] = parse_document(read_document(path))
    rows = [p for p in speech.paragraphs if p.kind == "table_row"]
    assert {p.section for p in rows} == {f"{TITLE} › 费清源"}
    assert [p.text for p in rows] == [
        f"{label}：{VALUES[key].replace(chr(10), '')}" for label, key, _ in ROWS
    ]
    library = Library(tmp_path / "home")
    library.add_documents([read_document(path)], FakeEmbedder())
    retriever = Retriever(library.store, library.load(FakeEmbedder().key), FakeEmbedder())
    for question, row in [
        ("费清源的联系电话", "联系电话：13712345678"),
        ("费清源原来在哪个单位", "原工作单位：市档案馆（退休）"),
    ]:
        assert retriever.search(question, k=3, mode="lexical").hits[0].passage.text == row, question
    library.close()


def test_a_table_of_one_person_a_row_is_no_form_of_one_person(tmp_path: Path) -> None:
    """A table whose head labels its cells (姓名｜体检日期, a person a row) names each row's person in the row:
    no row is put under another's name. Written by python-docx."""
    from tests.fixtures.corpus_writers import write_docx

    parts = [
        ("title", "2027年离休干部体检安排"),
        ("body", "今年的体检安排如下。"),
        ("table", [["姓名", "体检日期"], ["赵桂兰", "2027年5月9日"], ["钱立新", "2027年5月10日"]]),
    ]
    write_docx(parts, tmp_path / "体检安排.docx", author="岑川市老干部局")
    [speech] = parse_document(read_document(tmp_path / "体检安排.docx"))
    rows = [p for p in speech.paragraphs if p.kind == "table_row"]
    assert [p.text for p in rows] == [
        "姓名：赵桂兰；体检日期：2027年5月9日",
        "姓名：钱立新；体检日期：2027年5月10日",
    ]
    assert all("赵桂兰" not in (p.section or "") for p in rows)
