"""A 红头 kept whole in the first page's own header (Word's 「首页不同」, corpus.word): a 套红 template that sets
the masthead 「…文件」 and the 文号 under it, over the red rule, in the header of page 1, later pages carrying
a plain running header. The masthead was read (docs60) but the 文号 line beside it was not: the notice had no
number in its title, its 「文件信息」 passage or its citations (blind set cold39). Now both are read as the
document's first lines, as they print; a running header on every page is still not read. python-docx writes
the documents (``different_first_page_header_footer``, as Word's checkbox sets it)."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import check_conservation, chunk_speech, parse_document, read_bytes, read_document

SET = Path(__file__).resolve().parent.parent / "benchmarks" / "corpus-cold39"
TITLE = "关于开展离退休干部读书分享活动的通知"
BODY = (
    "为丰富离退休干部精神文化生活，局里决定开展读书分享活动。现将有关事项通知如下：",
    "一、活动时间为6月至8月，每月第一个星期四下午。",
    "二、请各支部于5月20日前报送参加人员名单。",
)


def _notice(
    header: list[str],
    *,
    first_page: bool = True,
    number_in_body: str | None = None,
    masthead_in_body: str | None = None,
) -> bytes:
    """A notice whose first-page header (or, `first_page` False, its header on every page) holds `header`'s
    lines; the masthead and the 文号 in the body too when `masthead_in_body`, `number_in_body`."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = Document()
    section = doc.sections[0]
    section.different_first_page_header_footer = first_page
    part = section.first_page_header if first_page else section.header
    for index, line in enumerate(header):
        paragraph = part.paragraphs[0] if index == 0 else part.add_paragraph()
        paragraph.text = line
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if masthead_in_body:
        doc.add_paragraph(masthead_in_body).alignment = WD_ALIGN_PARAGRAPH.CENTER
    if number_in_body:
        doc.add_paragraph(number_in_body).alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph(TITLE).alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("各离退休干部党支部：")
    for text in BODY:
        doc.add_paragraph(text)
    for line in ("中共临川县委老干部局", "2035年5月6日"):
        doc.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_the_blind_sets_notice_has_the_number_its_first_page_header_prints() -> None:
    # benchmarks/corpus-cold39: main read the masthead from the header but not the 文号 under it
    document = read_document(SET / "关于开展离退休干部听评书讲家风系列活动的通知.docx")
    speech = parse_document(document)[0]
    assert speech.doc_number == "砚泉老干发〔2035〕15号"
    assert speech.shown_title == "关于开展离退休干部“听评书·讲家风”系列活动的通知（砚泉老干发〔2035〕15号）"
    assert speech.issuer == "中共砚泉县委老干部局" and speech.date == "2035-04-25"
    texts = [p.text for p in chunk_speech(speech)]
    assert not any(t == "砚泉县委老干部局" for t in texts)  # the running header of page 2 is not read
    assert check_conservation(document, texts).ok


def test_a_number_in_a_header_on_every_page_is_not_read() -> None:
    speech = parse_document(read_bytes("通知.docx", _notice(["临川老干发〔2035〕8号"], first_page=False)))[0]
    assert speech.doc_number is None


def test_a_body_that_repeats_the_masthead_alone_still_gets_the_headers_number() -> None:
    # review of cold39: one header line already in the body made the whole header unread, its 文号 with it
    header = ["临川县委老干部局文件", "临川老干发〔2035〕8号"]
    document = read_bytes("通知.docx", _notice(header, masthead_in_body="临川县委老干部局文件"))
    speech = parse_document(document)[0]
    assert speech.doc_number == "临川老干发〔2035〕8号"
    assert speech.title == TITLE
    assert document.text.count("临川县委老干部局文件") == 1


def test_a_number_the_body_prints_in_other_brackets_is_not_read_twice() -> None:
    header = ["临川县委老干部局文件", "临川老干发〔2035〕8号"]
    notice = _notice(header, masthead_in_body="临川县委老干部局文件", number_in_body="临川老干发[2035]8号")
    document = read_bytes("通知.docx", notice)
    assert "〔2035〕" not in document.text and document.text.count("临川老干发[2035]8号") == 1
    assert document.text.count("临川县委老干部局文件") == 1


_ORGANS = st.sampled_from(["中共临川县委老干部局", "临川县老干部活动中心", "中共临川县委组织部"])
_CODES = st.sampled_from(["临川老干发", "临老干", "临组通", "临老干办字"])


@settings(max_examples=25, deadline=None)
@given(
    organ=_ORGANS,
    code=_CODES,
    year=st.integers(min_value=2020, max_value=2039),
    serial=st.integers(min_value=1, max_value=240),
    masthead=st.booleans(),
    signer=st.booleans(),
    spaced=st.booleans(),
    blank=st.booleans(),
    in_body=st.booleans(),
    masthead_in_body=st.booleans(),
)
def test_a_first_page_headers_number_is_the_documents_once(
    organ: str,
    code: str,
    year: int,
    serial: int,
    masthead: bool,
    signer: bool,
    spaced: bool,
    blank: bool,
    in_body: bool,
    masthead_in_body: bool,
) -> None:
    """Property: a first-page header holding a 文号 line (after a masthead or alone, with a 签发人 or not,
    spaced out or not, a blank line in the header or not) gives the document that number, its masthead
    the issuer, and neither line is read twice when the body prints the number too; the body reads as it
    did; a masthead the body prints too (with the number or without) is read once, and the header's number
    all the same."""
    number = f"{code}〔{year}〕{serial}号"
    line = f"{number}　签发人：闻立言" if signer else number
    if spaced:
        line = " ".join(line)
    header = [*([f"{organ}文件"] if masthead else []), *([""] if blank else []), line]
    notice = _notice(
        header,
        number_in_body=number if in_body else None,
        masthead_in_body=f"{organ}文件" if masthead_in_body else None,
    )
    document = read_bytes("通知.docx", notice)
    speech = parse_document(document)[0]
    assert speech.doc_number == number
    assert speech.title == TITLE
    joined = "".join("".join(p.text.split()) for p in speech.paragraphs)
    for text in BODY:
        assert joined.count(text) == 1
    assert document.text.count(number) + document.text.count(" ".join(number)) == 1
    if masthead or masthead_in_body:
        assert document.text.count(f"{organ}文件") == 1


def _notice_with_number_table(number: str, signer: str) -> bytes:
    """A notice whose first-page header holds the masthead and, under it, a borderless table of one row:
    the 文号 in its left cell, the 签发人 in its right one (how an upward 公文's template sets them)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    doc = Document()
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    header = section.first_page_header
    header.paragraphs[0].text = "临川县委老干部局文件"
    header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    table = header.add_table(1, 2, Cm(15))
    table.cell(0, 0).text = number
    table.cell(0, 1).text = signer
    table.cell(0, 1).paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.sections[0].header.paragraphs[0].text = "临川县委老干部局"
    doc.add_paragraph(TITLE).alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("县委组织部：")
    for text in BODY:
        doc.add_paragraph(text)
    for line in ("中共临川县委老干部局", "2035年5月6日"):
        doc.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_a_number_in_a_table_of_the_first_page_header_is_read() -> None:
    document = read_bytes("请示.docx", _notice_with_number_table("临川老干呈〔2035〕4号", "签发人：周正"))
    speech = parse_document(document)[0]
    assert speech.doc_number == "临川老干呈〔2035〕4号"
    assert speech.issuer == "中共临川县委老干部局" and speech.date == "2035-05-06"
    texts = [p.text for p in chunk_speech(speech)]
    assert sum("临川老干呈〔2035〕4号" in t for t in texts) >= 1
    assert not any(t == "临川县委老干部局" for t in texts)  # the running header of later pages
    assert check_conservation(document, texts).ok
