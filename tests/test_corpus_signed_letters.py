"""A letter, a speech or a 倡议书 signed at its end by a person (docs/mail66.md, item 4).

「沈伟」 over 「2027年3月1日」, or 「市委老干部局局长　沈伟」, under the last paragraph: main read the name as a
fragment of that paragraph (「…走进课堂。沈伟」) and the speech had no speaker, so `--speaker 沈伟` did not find
it. The name is now the speaker and the signature a closing passage of its own, the post kept; a unit's 落款
reads as before, and names listed under a colon are no signer.

Files: ``tests/fixtures/signed_letters/`` (python-docx, and LibreOffice Writer's PDF and text exports of each),
made by ``make_signed_letters.py``.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import check_conservation, parse_document, read_bytes
from tests.fixtures.signed_letters.make_signed_letters import LETTER, PROPOSAL

HERE = Path(__file__).parent / "fixtures" / "signed_letters"


def _read(name: str, data: bytes | None = None):  # type: ignore[no-untyped-def]
    document = read_bytes(name, (HERE / name).read_bytes() if data is None else data)
    [speech] = parse_document(document)
    return document, speech


@pytest.mark.parametrize("name", ["letter.python-docx.docx", "letter.writer.pdf", "letter.writer.txt"])
def test_a_letter_signed_by_a_person_is_that_persons(name: str) -> None:
    document, speech = _read(name)
    assert (speech.speaker, speech.date, speech.issuer) == ("沈伟", "2027-03-01", None)
    # main: 「…让更多老同志走进课堂。沈伟」, and no speaker
    assert [p.text for p in speech.paragraphs] == [*LETTER, "沈伟　2027年3月1日"]
    assert check_conservation(document, [p.text for p in speech.paragraphs]).ok


@pytest.mark.parametrize("name", ["proposal.python-docx.docx", "proposal.writer.pdf", "proposal.writer.txt"])
def test_a_proposal_signed_by_a_post_and_a_name_keeps_the_post_in_its_closing(name: str) -> None:
    document, speech = _read(name)
    assert (speech.speaker, speech.date) == ("沈伟", None)
    assert [p.text for p in speech.paragraphs] == [*PROPOSAL, "市委老干部局局长　沈伟"]
    assert check_conservation(document, [p.text for p in speech.paragraphs]).ok


def test_names_listed_under_a_colon_are_no_signer_and_a_units_signature_reads_as_before() -> None:
    document, speech = _read("winners.txt")
    assert (speech.speaker, speech.issuer, speech.date) == (None, "市委老干部局", "2027-03-01")
    texts = "".join(p.text for p in speech.paragraphs)
    assert "王建国" in texts and "李秀英" in texts
    assert check_conservation(document, [p.text for p in speech.paragraphs]).ok


_SENTENCES = [
    "新春佳节即将来临，向各位老同志致以节日的问候。",
    "今年我们将继续做好老年大学扩招工作。",
    "让我们从身边做起，为老同志办实事、解难题。",
    "希望各位老同志保重身体，继续关心支持老干部工作。",
]
_NAMES = ["沈伟", "欧阳德明", "王建国", "宁海燕", "李秀英"]
_POSTS = ["市委老干部局局长", "县老年大学校长", "市老干部活动中心主任"]


def _docx_bytes(lines: list[str], signed: list[str]) -> bytes:
    document = docx.Document()
    document.add_paragraph("致全市离退休老同志的一封信", style="Title")
    for line in lines:
        document.add_paragraph(line)
    for line in signed:
        document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@settings(max_examples=30, deadline=None)
@given(
    count=st.integers(min_value=1, max_value=4),
    name=st.sampled_from(_NAMES),
    post=st.sampled_from(["", *_POSTS]),
    space=st.sampled_from(["\u3000", " ", ""]),
    dated=st.booleans(),
    listed=st.booleans(),
    saved=st.sampled_from(["txt", "docx"]),
)
def test_a_signer_is_the_speaker_and_no_sentence_moves(
    count: int, name: str, post: str, space: str, dated: bool, listed: bool, saved: str
) -> None:
    # property: a letter of `count` paragraphs signed by a person (a name, or a post and a name, a date under
    # it or not): its paragraphs are exactly its sentences in order, then one closing passage of the post, the
    # name and the date; the name is the speaker. With the name under a line ending in a colon (a list's
    # head), it is no signer: no speaker, and the name still read.
    sentences = _SENTENCES[:count]
    lines = ["尊敬的各位老同志：", *sentences]
    if listed:
        lines.append("获得本届敬老模范称号的同志是：")
    signed = [f"{post}{space}{name}" if post else name, *(["2027年3月1日"] if dated else [])]
    if saved == "txt":
        data = "\n".join(["致全市离退休老同志的一封信", "", *lines, "", *signed, ""]).encode()
    else:
        data = _docx_bytes(lines, signed)
    document, speech = _read(f"letter.{saved}", data)
    texts = [p.text for p in speech.paragraphs]
    assert check_conservation(document, texts).ok
    if listed:
        assert speech.speaker is None
        assert name in "".join(texts)
        return
    closing = "　".join([*([post] if post else []), name, *(["2027年3月1日"] if dated else [])])
    assert texts == [*sentences, closing]
    assert speech.speaker == name
    assert speech.date == ("2027-03-01" if dated else None)
