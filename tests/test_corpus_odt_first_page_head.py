"""A 红头 in an .odt's first-page header (corpus.odt with corpus.mastheads), read as a .docx's is: LibreOffice
keeps Word's 「首页不同」 as a page style for the first page (「First Page」, followed by 「Standard」), ODF 1.3 as
``style:header-first``; the masthead and the 文号 there (here the 文号 and the 签发人 in the two cells of a
borderless table row) are the document's first lines. A header on every page, the footers and their page
numbers are never read. tests/fixtures/struck_headers' request, written by python-docx and saved by
LibreOffice Writer; the variants below are that file with its page styles rearranged."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from corpus import check_conservation, chunk_speech, parse_document, read_bytes, read_document
from tests.fixtures.struck_headers.make_struck_headers import (
    HEAD_MASTHEAD,
    HEAD_NUMBER,
    HEAD_RUNNING,
    HEAD_SIGNER,
    HEAD_TITLE,
)

HERE = Path(__file__).resolve().parent / "fixtures" / "struck_headers"


@pytest.mark.parametrize("name", ["head.python-docx.docx", "head.writer.odt"])
def test_the_first_page_headers_masthead_and_number_in_a_table_are_read(name: str) -> None:
    document = read_document(HERE / name)
    speech = parse_document(document)[0]
    assert speech.doc_number == HEAD_NUMBER
    assert speech.issuer == "中共临川县委老干部局" and speech.date == "2035-05-06"
    assert speech.title == HEAD_TITLE
    lines = document.text.split("\n")
    assert lines[:3] == [HEAD_MASTHEAD, HEAD_NUMBER + HEAD_SIGNER, HEAD_TITLE]
    assert HEAD_RUNNING not in lines and not any("— 1 —" in line for line in lines)
    assert check_conservation(document, [p.text for p in chunk_speech(speech)]).ok


def test_the_docx_and_its_writer_odt_read_alike() -> None:
    docx = read_document(HERE / "head.python-docx.docx").text
    assert read_document(HERE / "head.writer.odt").text == docx


def _rearranged(styles: Callable[[str], str], content: Callable[[str], str] = lambda xml: xml) -> bytes:
    """head.writer.odt with its styles.xml and content.xml passed through `styles` and `content`."""
    with zipfile.ZipFile(HERE / "head.writer.odt") as source:
        parts = {item: source.read(item) for item in source.namelist()}
    parts["styles.xml"] = styles(parts["styles.xml"].decode("utf-8")).encode("utf-8")
    parts["content.xml"] = content(parts["content.xml"].decode("utf-8")).encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as made:
        made.writestr("mimetype", parts.pop("mimetype"), compress_type=zipfile.ZIP_STORED)
        for item, data in parts.items():
            made.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _first_page_header(styles: str) -> str:
    found = re.search(r'style:name="First_20_Page".*?<style:header>(.*?)</style:header>', styles, re.S)
    assert found is not None
    return found.group(1)


def _no_first_page_style(content: str) -> str:
    return content.replace(' style:master-page-name="First_20_Page"', "")


def test_an_odf_1_3_header_first_is_read_as_the_first_pages_own() -> None:
    def styles(xml: str) -> str:
        first = _first_page_header(xml)
        return xml.replace(
            "</style:header><style:footer>",
            f"</style:header><style:header-first>{first}</style:header-first><style:footer>",
            1,
        )

    speech = parse_document(read_bytes("请示.odt", _rearranged(styles, _no_first_page_style)))[0]
    assert speech.doc_number == HEAD_NUMBER


def test_a_number_in_a_header_on_every_page_is_not_read() -> None:
    def styles(xml: str) -> str:
        return xml.replace(
            f'<style:header><text:p text:style-name="Header">{HEAD_RUNNING}',
            f'<style:header><text:p text:style-name="Header">{HEAD_NUMBER}',
            1,
        )

    document = read_bytes("请示.odt", _rearranged(styles, _no_first_page_style))
    assert parse_document(document)[0].doc_number is None
    assert HEAD_NUMBER not in document.text and HEAD_MASTHEAD not in document.text


def test_a_writer_odt_of_the_blind_sets_notice_gets_its_number() -> None:
    # benchmarks/corpus-cold39's 听评书 notice saved by LibreOffice Writer as .odt: its 红头 is in the first
    # page's header (page style 「First Page」); main read neither the masthead nor the 文号
    speech = parse_document(read_document(HERE / "tingpingshu.writer.odt"))[0]
    assert speech.doc_number == "砚泉老干发〔2035〕15号"
    assert speech.issuer == "中共砚泉县委老干部局" and speech.date == "2035-04-25"


def test_a_header_of_page_styles_taking_turns_is_not_read() -> None:
    # 「First Page」 followed by 「Standard」 and 「Standard」 by 「First Page」 again: left and right pages,
    # the header on every other page — no first page's own
    def styles(xml: str) -> str:
        return xml.replace(
            '<style:master-page style:name="Standard"',
            '<style:master-page style:name="Standard" style:next-style-name="First_20_Page"',
            1,
        )

    document = read_bytes("请示.odt", _rearranged(styles))
    assert parse_document(document)[0].doc_number is None
    assert HEAD_MASTHEAD not in document.text
