"""A PDF opened in LibreOffice Writer and saved as .docx (its PDF import) reads as the document it printed
(cold31).

Offices rarely add a PDF as it came: it is 「转成 Word」 first, and LibreOffice does it by opening the PDF
(``writer_pdf_import``) and saving it as Word. Every printed line becomes a text box of its own, placed where
the line stood; the body holds no text. Read box by box, the title (two lines) took the lead paragraph's first
line into it (「…实施方案 为推动…精」) and the paragraph began mid-sentence (「神风貌，…」). Now the boxes are read
as the printed lines they are (place, width, type size) through the reading PDF pages get: wrapped lines
joined, 「— 1 —」 dropped. A document with text of its own in the body is read as before.

The file: ``tests/fixtures/pdf_converted/plan.pdf-import.docx``, made by ``make_pdf_converted.py`` there
(python-docx → Writer PDF → **Writer's PDF import** → .docx).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes
from corpus.word import read_docx
from tests.fixtures.pdf_converted.make_pdf_converted import AUTHOR, PLAN

PLAN_DOCX = Path(__file__).parent / "fixtures" / "pdf_converted" / "plan.pdf-import.docx"


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _read(name: str, data: bytes):  # type: ignore[no-untyped-def]
    [speech] = parse_document(read_bytes(name, data))
    return speech


def test_the_docx_is_writers_pdf_import_every_line_a_placed_text_box() -> None:
    xml = zipfile.ZipFile(PLAN_DOCX).read("word/document.xml").decode()
    assert xml.count("<wp:anchor") >= 20 and xml.count("<w:txbxContent>") >= 20
    outside = re.sub(r"<w:txbxContent>.*?</w:txbxContent>", "", xml, flags=re.S)
    assert not re.findall(r"<w:t(?: [^>]*)?>[^<]*\S", outside)  # no text of the body's own


def test_a_pdf_imported_by_writer_reads_titled_and_every_paragraph_whole() -> None:
    """main: titled 「…实施方案 为推动离退休干部…精」, its first paragraph 「神风貌，…」."""
    speech = _read("实施方案.docx", PLAN_DOCX.read_bytes())
    assert speech.title == PLAN[0][1]
    assert speech.issuer == AUTHOR and speech.date == "2029-10-10"
    texts = [_squeezed(p.text) for p in speech.paragraphs]
    assert texts[0] == PLAN[1][1]
    body = "".join(texts)
    at = 0
    for kind, line in PLAN[1:]:  # every sentence once, in order (headings are sections)
        if kind == "body" and line.endswith("。"):
            assert body.count(line) == 1, line
            assert body.index(line) >= at
            at = body.index(line)
    assert "—" not in body  # the 「— 1 —」 「— 2 —」 footers are no text
    assert [p.section for p in speech.paragraphs if "综合馆" in p.text] == ["一、活动时间和地点"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.text(
            alphabet="离退休干部活动通知县委老干局一二三四五六七八九十年月日。，", min_size=1, max_size=40
        ).filter(lambda t: t.strip("。，")),
        min_size=1,
        max_size=8,
    )
)
def test_a_word_file_with_text_of_its_own_reads_its_paragraphs_as_before(paragraphs: list[str]) -> None:
    """Only a body of placed line boxes is read as printed lines: any document whose body holds its own
    paragraphs reads them, each a block, as written."""
    from docx import Document

    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    read = read_docx("通知.docx", out.getvalue())
    assert [b.text for b in read.blocks] == paragraphs
    assert {b.kind for b in read.blocks} == {"paragraph"}


def test_boxes_each_holding_several_lines_are_read_box_by_box_as_before() -> None:
    """Boxes taller than two lines of their type hold paragraphs (a flyer made of text boxes), not printed
    lines: the file reads box by box, each box's text a block, as every Word file of boxes did."""
    with zipfile.ZipFile(PLAN_DOCX) as archive:
        xml = archive.read("word/document.xml").decode()
        tall = re.sub(
            r'(<wp:extent cx="\d+" cy=")(\d+)"', lambda m: f'{m.group(1)}{int(m.group(2)) * 4}"', xml
        )
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
            for item in archive.infolist():
                data = tall.encode() if item.filename == "word/document.xml" else archive.read(item)
                copy.writestr(item, data)
    boxes = [
        "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", box))
        for box in re.findall(r"<mc:Choice.*?</mc:Choice>", xml, flags=re.S)
    ]
    read = read_docx("方案.docx", out.getvalue())
    assert [b.text for b in read.blocks] == [b.strip() for b in boxes if b.strip()]


def test_an_imported_file_without_a_section_is_read_box_by_box_not_refused() -> None:
    """A body with no section properties (no page size to place the boxes on) is read box by box, as every
    Word file of text boxes was before, not refused as damaged (review of session 55)."""
    source = zipfile.ZipFile(PLAN_DOCX)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as copy:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = re.sub(rb"<w:sectPr\b.*?</w:sectPr>", b"", data, flags=re.S)
            copy.writestr(item, data)
    speech = _read("实施方案.docx", out.getvalue())
    body = _squeezed("".join(p.text for p in speech.paragraphs))
    assert PLAN[1][1][:12] in _squeezed(speech.title) + body
