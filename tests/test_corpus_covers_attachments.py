"""A notice's attachment is the notice's, whatever style its heading is set in, and a speech behind a cover page
keeps its own title, speaker and date; every sentence once, in order (files made by python-docx with Word's
own styles, and their LibreOffice PDFs).

Before, an attachment heading (「附件1」, 「附件：离休干部体检实施办法」) set in Word's Title style started a speech
of its own, with no date, issuer or notice; 「附件：离休干部体检实施办法」 over the attachment in any style was
read as body text, and the signature above it with it (the notice lost its date and issuer)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from corpus import Document, check_conservation, chunk_speech, parse_document, read_document
from tests.fixtures.layouts.make_covers_attachments import (
    ATTACHMENT_TITLE,
    ISSUER,
    NOTICE_TITLE,
    notice_sentences,
    write_titled_attachment,
)

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_each_once_in_order(document: Document, passages: list[str], sentences: list[str]) -> None:
    flat = squeeze("".join(passages))
    position = 0
    for sentence in sentences:
        assert flat.count(squeeze(sentence)) == 1, sentence
        assert flat.find(squeeze(sentence)) >= position, sentence
        position = flat.find(squeeze(sentence))
    assert check_conservation(document, passages).ok


@needs_soffice
@pytest.mark.parametrize("title_style", [True, False], ids=["title-style", "plain"])
@pytest.mark.parametrize(
    ("heading", "label"),
    [("附件1", "附件1"), (f"附件：{ATTACHMENT_TITLE}", "附件")],
    ids=["label-over-title", "label-and-title"],
)
def test_an_attachment_heading_in_any_style_is_read_as_the_notice_s_attachment(
    tmp_path: Path, heading: str, label: str, title_style: bool
) -> None:
    docx, pdf = write_titled_attachment(tmp_path, heading, title_style=title_style)
    for path in (docx, pdf):
        document = read_document(path)
        [notice] = parse_document(document)
        assert (notice.title, notice.date, notice.issuer) == (NOTICE_TITLE, "2024-03-20", ISSUER), path.name
        sections = [p.section for p in notice.paragraphs]
        assert sections[-3:] == [f"{label} {ATTACHMENT_TITLE} › 第{n}条" for n in "一二三"], path.name
        passages = [d.text for d in chunk_speech(notice)]
        assert_each_once_in_order(document, passages, notice_sentences())
        assert not any(ISSUER in p or "2024年3月20日" in p for p in passages[1:]), path.name
