"""A notice's attachment is the notice's, whatever style its heading is set in, and a speech behind a cover page
keeps its own title, speaker and date; every sentence once, in order (files made by python-docx with Word's
own styles, and their LibreOffice PDFs).

Before, an attachment heading (「附件1」, 「附件：离休干部体检实施办法」) set in Word's Title style started a speech
of its own, with no date, issuer or notice; 「附件：离休干部体检实施办法」 over the attachment in any style was
read as body text, and the signature above it with it (the notice lost its date and issuer). A cover page
(「内部资料」, a bulletin's name, 「（2024年第3期）」, the editing office, a date) over a speech was read as the
speech's header: the bulletin's name was its title, and its own title, speaker and date were body text."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from corpus import Document, check_conservation, chunk_speech, parse_document, read_bytes, read_document
from tests.fixtures.layouts.make_covers_attachments import (
    ATTACHMENT_TITLE,
    COVER,
    ISSUER,
    NOTICE_TITLE,
    SPEECH,
    covered_speech_text,
    notice_sentences,
    speech_sentences,
    write_covered_speech,
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


def assert_speech_behind_cover(document: Document) -> None:
    [speech] = parse_document(document)
    assert (speech.title, speech.speaker, speech.date) == (SPEECH.title, SPEECH.speaker, SPEECH.date)
    passages = [d.text for d in chunk_speech(speech)]
    assert_each_once_in_order(document, passages, speech_sentences())
    assert not any(SPEECH.title in p or SPEECH.date_line in p for p in passages)


@needs_soffice
@pytest.mark.parametrize("title_style", [True, False], ids=["title-style", "plain"])
def test_a_speech_behind_a_cover_page_keeps_its_title_speaker_and_date(
    tmp_path: Path, title_style: bool
) -> None:
    docx, pdf = write_covered_speech(tmp_path, title_style=title_style)
    for path in (docx, pdf):
        assert_speech_behind_cover(read_document(path))


def test_a_plain_text_speech_behind_a_cover_keeps_its_title_speaker_and_date(tmp_path: Path) -> None:
    path = tmp_path / "工作参考.txt"
    path.write_text(covered_speech_text(), encoding="utf-8")
    assert_speech_behind_cover(read_document(path))


@pytest.mark.parametrize(
    "cover",
    [
        ("内部资料",),
        ("中共江州市委老干部局", "二〇二四年三月"),
        ("内部资料", "中共江州市委老干部局", "2024年3月"),
        ("老干部工作参考", "2024年第3期（总第45期）"),
        COVER,
    ],
)
def test_a_cover_s_own_date_is_not_the_speech_s(cover: tuple[str, ...]) -> None:
    text = covered_speech_text().replace("\n".join(COVER), "\n".join(cover))
    assert_speech_behind_cover(read_bytes("讲话.txt", text.encode()))


def test_a_cover_s_date_dates_a_speech_that_gives_none() -> None:
    text = covered_speech_text().replace(f"{SPEECH.date_line}\n", "")
    [speech] = parse_document(read_bytes("讲话.txt", text.encode()))
    assert (speech.title, speech.speaker, speech.date) == (SPEECH.title, SPEECH.speaker, "2024-03-25")


def test_a_speech_dated_above_its_title_is_no_cover() -> None:
    """A date line over the title is the speech's own date, as before."""
    text = "\n".join(
        ["2024年3月13日", SPEECH.title, SPEECH.speaker_line, "同志们：", "今天我们召开会议。大家辛苦了。"]
    )
    [speech] = parse_document(read_bytes("讲话.txt", text.encode()))
    assert (speech.title, speech.speaker, speech.date) == (SPEECH.title, SPEECH.speaker, SPEECH.date)
