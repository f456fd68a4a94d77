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
from tests.fixtures.signed_letters.make_signed_letters import (
    LETTER,
    POEM,
    POEM_SIGNED,
    PROPOSAL,
    THANKS_CLOSE,
    THANKS_TITLE,
    THANKS_TO,
)

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


# review of mail66, defect 1: a sign-off or a poet's name standing last is no signer
@pytest.mark.parametrize("saved", ["python-docx.docx", "writer.pdf", "writer.txt"])
@pytest.mark.parametrize("stem", ["thanks", "closed", "poem"])
def test_a_sign_off_or_a_poets_name_standing_last_is_no_signer(stem: str, saved: str) -> None:
    # mail66: 「谢谢」「敬礼」 and 「刘禹锡」 under a quoted poem were each read as the speech's speaker
    document, speech = _read(f"{stem}.{saved}")
    texts = [p.text for p in speech.paragraphs]
    assert speech.speaker is None
    assert check_conservation(document, texts).ok
    last = {"thanks": THANKS_CLOSE, "closed": "敬礼", "poem": POEM_SIGNED[0]}[stem]
    assert texts[-1].endswith(last)


def test_a_poet_with_a_date_under_the_name_is_a_signer() -> None:
    # the rule is only for a name standing last: a name over a date under verse signs the text
    data = "\n".join([THANKS_TITLE, "", THANKS_TO, *POEM, "", "沈伟", "2027年3月1日", ""]).encode()
    _, speech = _read("poem.txt", data)
    assert (speech.speaker, speech.date) == ("沈伟", "2027-03-01")


# sign-offs (jieba tags 谢谢, 敬礼, 安康, 祝福 as names), and common words jieba reads as no name (a word it
# tags as a name, 余生 or 金秋, may be one: 余 and 金 are surnames): none of them signs a letter
_SIGN_OFFS = [
    "谢谢",
    "敬礼",
    "此致",
    "安康",
    "祝福",
    "商祺",
    "时祺",
    "祝好",
    "再见",
    "致敬",
    "谢谢大家",
    "感谢",
    "多谢",
]
_WORDS = ["高兴", "健康", "平安", "温暖", "方便", "明天", "春天", "于是", "尤其"]


@settings(max_examples=40, deadline=None)
@given(
    count=st.integers(min_value=1, max_value=4),
    last=st.sampled_from(_SIGN_OFFS + _WORDS),
    mark=st.sampled_from(["", "！", "。"]),
    closed=st.booleans(),
    saved=st.sampled_from(["txt", "docx"]),
    name=st.sampled_from(_NAMES),
)
def test_no_sign_off_or_common_word_standing_last_is_a_speaker_and_names_still_are(
    count: int, last: str, mark: str, closed: bool, saved: str, name: str
) -> None:
    # property: a letter ending on a sign-off or a common word (under a sentence, or under 「此致」) has no
    # speaker, and keeps every character; the same letter with a person's name under a sign-off is the name's
    sentences = _SENTENCES[:count]
    lines = ["尊敬的各位老同志：", *sentences, *(["此致"] if closed else [])]
    signs = last in _SIGN_OFFS or bool(mark)  # a name stands under a sign-off or a sentence's end
    for signed, speaker in (([last + mark], None), ([last + mark, name], name if signs else None)):
        if saved == "txt":
            data = "\n".join(["致全市离退休老同志的一封信", "", *lines, *signed, ""]).encode()
        else:
            data = _docx_bytes(lines, signed)
        document, speech = _read(f"letter.{saved}", data)
        texts = [p.text for p in speech.paragraphs]
        assert check_conservation(document, texts).ok
        assert speech.speaker == speaker


@pytest.mark.parametrize("close", ["谢谢", "谢谢！", "此致\n敬礼"])
def test_a_mail_ending_on_a_sign_off_has_no_speaker(close: str) -> None:
    # mail66: a mail (the email package's .eml) whose last line is 「谢谢」 was the speech of 「谢谢」
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "组织科 <zzk@liland.example>"
    message["To"] = "各离退休干部党支部 <zhibu@liland.example>"
    message["Subject"] = "重阳节活动报名"
    message["Date"] = "Tue, 30 May 2034 15:40:00 +0800"
    message.set_content(
        f"各支部：\n请各支部组织老同志报名参加重阳节活动，名单于6月10日前报局组织科。\n{close}\n"
    )
    document, speech = _read("报名.eml", message.as_bytes())
    assert speech.speaker is None
    assert check_conservation(document, [p.text for p in speech.paragraphs]).ok
