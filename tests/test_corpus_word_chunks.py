"""A .docx whose body is an imported chunk (``w:altChunk``) reads as the document the chunk holds.

Web office systems (OA) export a document they keep as a web page to Word so: the .docx's body is one
``w:altChunk`` pointing at the HTML page stored in the package, which Word brings in when it opens the file;
``document.xml`` has not a word of the text. The seventeenth blind set's 机关大院出入证换发通知.docx was
refused as 「文件中没有文字」. Now an imported chunk is read where it stands by its own format's reader (a web
page, a .docx, an .rtf; corpus/word.py, ``_chunk``), in the blocks and in the reference text ``add --check``
compares the passages with.

Files made by a real producer: python-docx (tests/fixtures/corpus_writers.write_chunk_docx, write_docx).
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from corpus import chunk_speech, parse_document, read_document
from corpus.conservation import check_conservation
from tests.fixtures.corpus_writers import write_chunk_docx, write_docx

NOTICE = [
    ("title", "关于开展离退休干部冬季健步走活动的通知"),
    ("docnum", "岑老干发〔2026〕31号"),
    ("body", "各区老干部局，市直各单位老干部工作部门："),
    (
        "body",
        "为丰富离退休干部冬季文体生活，市委老干部局定于2026年12月12日上午在滨江公园举办冬季健步走活动。",
    ),
    ("heading1", "一、活动路线"),
    ("body", "从滨江公园南门出发，沿江边步道至彩虹桥折返，全程约3公里。"),
    ("heading1", "二、报名办法"),
    ("body", "请各单位于12月5日前将参加人员名单报市委老干部局文体处，每单位不超过15人。"),
    ("body", "年满80周岁或者患有心脑血管疾病的同志，请量力而行。"),
    ("right", "中共岑川市委老干部局"),
    ("right", "2026年11月20日"),
]


def _speech(path: Path):  # type: ignore[no-untyped-def]
    [speech] = parse_document(read_document(path))
    return speech


def _laid_out(speech) -> tuple:  # type: ignore[no-untyped-def, type-arg]
    return (
        speech.title,
        speech.date,
        speech.doc_number,
        speech.issuer,
        speech.addressee,
        [(p.section, p.text) for p in speech.paragraphs],
    )


def test_an_oa_export_reads_as_the_notice_it_imports(tmp_path: Path) -> None:
    typed, exported = tmp_path / "typed.docx", tmp_path / "exported.docx"
    write_docx(NOTICE, typed, author="岑川市委老干部局")
    write_chunk_docx(NOTICE, exported, author="岑川市委老干部局")
    speech = _speech(exported)
    assert (speech.title, speech.date, speech.doc_number, speech.issuer) == (
        "关于开展离退休干部冬季健步走活动的通知",
        "2026-11-20",
        "岑老干发〔2026〕31号",
        "中共岑川市委老干部局",
    )
    assert _laid_out(speech) == _laid_out(_speech(typed))
    document = read_document(exported)
    assert check_conservation(document, [p.text for p in chunk_speech(speech)]).ok
    assert "每单位不超过15人" in document.reference


def _with_chunk(path: Path, paragraphs: list[str], chunk: bytes, partname: str) -> None:
    """A .docx typed with `paragraphs`, a chunk (`chunk`, stored as `partname`) imported after them."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    part = Part(PackURI(partname), "application/octet-stream", chunk, document.part.package)
    r_id = document.part.relate_to(
        part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"
    )
    body = document.element.body
    body.insert(len(document.paragraphs), parse_xml(f'<w:altChunk {nsdecls("w", "r")} r:id="{r_id}"/>'))
    document.save(path)


def test_a_word_document_imported_into_another_is_read_in_its_place(tmp_path: Path) -> None:
    inner = io.BytesIO()
    part = docx.Document()
    part.add_paragraph("三、有关要求")
    part.add_paragraph("活动当天请穿运动鞋，自带饮用水。")
    part.save(inner)
    path = tmp_path / "merged.docx"
    _with_chunk(
        path, ["关于举办健步走活动的通知", "活动定于12月12日上午举行。"], inner.getvalue(), "/word/part2.docx"
    )
    text = read_document(path).text
    assert text.index("活动定于12月12日上午举行。") < text.index("活动当天请穿运动鞋，自带饮用水。")


def test_a_chunk_that_is_no_document_is_left_out(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    _with_chunk(
        path,
        ["关于举办健步走活动的通知", "活动定于12月12日上午举行。"],
        b"\x00\x01\x02 garbage",
        "/word/a.bin",
    )
    speech = _speech(path)
    assert [p.text for p in speech.paragraphs] == ["活动定于12月12日上午举行。"]
