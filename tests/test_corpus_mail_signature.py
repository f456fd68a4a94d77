"""A mail's sender who signs with no signature line (「-- 」) over the card (docs/mail64.md).

cold37's forwarded mail ends its cover note with 「中共溧岚县委老干部局组织科　宁海燕」 and a date: read64 read the
card as a passage of the note with its space lost, and the mail had no issuer. Now a line that is a unit and a
person's name set apart by spaces, right under a sentence's end, in the sender's own text (above any quoted
message), is the sender's card: the 「发件人签名」 section after the notice, its space kept, its unit the mail's
issuer where the notice names none; a sign-off over it (「此致」「敬礼！」「谢谢！」) opens the card. A pasted notice's 落款 (a unit alone, a date) is no card.

Files: ``tests/fixtures/mail_signature/*.eml``, made by ``make_mail_signature.py`` there (Python's email package).
"""

from __future__ import annotations

import re
from email.message import EmailMessage
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes
from corpus.mail import SIGNATURE_LABEL
from tests.fixtures.mail_signature.make_mail_signature import (
    COVER,
    INNER,
    NAME,
    NOTICE_ISSUER,
    UNIT,
)

HERE = Path(__file__).parent / "fixtures" / "mail_signature"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _speech(data: bytes, name: str = "mail.eml"):  # type: ignore[no-untyped-def]
    [speech] = parse_document(read_bytes(name, data))
    return speech


@pytest.mark.parametrize(
    ("name", "card", "issuer"),
    [
        ("attached_forward.eml", f"{UNIT}\u3000{NAME}", UNIT),
        ("html_signed.eml", f"{UNIT}\u3000{NAME}", UNIT),
        ("inline_forward.eml", f"组织科\u3000{NAME}", "组织科"),
    ],
)
def test_a_card_with_no_signature_line_is_the_senders_card(name: str, card: str, issuer: str) -> None:
    speech = _speech((HERE / name).read_bytes(), name)
    cards = [p.text for p in speech.paragraphs if p.section == SIGNATURE_LABEL]
    assert cards == [card]  # its own passage, the space between unit and name kept
    others = [p.text for p in speech.paragraphs if p.section not in (SIGNATURE_LABEL, "文件信息")]
    assert not any(NAME in p for p in others)  # never glued into a sentence
    assert speech.issuer == issuer
    # the cover note's sentences, once each and in order, before the card
    text = squash("".join(others))
    assert text.startswith(squash("".join(COVER))) or squash("".join(COVER)) in text
    for sentence in COVER:
        assert text.count(squash(sentence)) == 1


def test_the_attached_original_is_read_apart_and_dates_stay() -> None:
    speech = _speech((HERE / "attached_forward.eml").read_bytes(), "attached_forward.eml")
    assert speech.date == "2034-04-28"  # the cover note's own date line, not lost with the card
    attached = squash("".join(p.text for p in speech.paragraphs if (p.section or "").startswith("附件")))
    assert squash("".join(INNER)) in attached


def test_a_notice_pasted_into_a_mail_keeps_its_own_signature() -> None:
    speech = _speech((HERE / "unsigned_notice.eml").read_bytes(), "unsigned_notice.eml")
    assert not any(p.section == SIGNATURE_LABEL for p in speech.paragraphs)
    assert speech.issuer == NOTICE_ISSUER
    assert speech.date == "2034-04-25"


_SENTENCES = (
    "请各支部及时传达到每一位老同志。",
    "报名表请于十月八日前交组织科。",
    "活动当天请注意安全，按时集合。",
    "有关要求详见附件，请认真落实。",
    "收到请回复，谢谢！",
    "名额有限，先报先得。",
)
_UNITS = ("组织科", "中共溧岚县委老干部局组织科", "离退休干部服务中心", "县老年大学办公室", "老干部活动中心")
_NAMES = ("宁海燕", "骆文斌", "祁文斌", "王建国", "李秀英", "欧阳明")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    sentences=st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=5, unique=True),
    unit=st.sampled_from(_UNITS),
    name=st.sampled_from(_NAMES),
    space=st.sampled_from((" ", "\u3000", "\u3000\u3000", "  ")),
    blank=st.booleans(),
    dated=st.booleans(),
    html=st.booleans(),
    close=st.sampled_from(((), ("谢谢！",), ("此致", "敬礼！"), ("顺颂商祺",))),
)
def test_property_every_sentence_once_in_order_and_the_card_apart(
    sentences: list[str],
    unit: str,
    name: str,
    space: str,
    blank: bool,
    dated: bool,
    html: bool,
    close: tuple[str, ...],
) -> None:
    lines = ["各位：", *sentences, *([""] if blank else []), *close, f"{unit}{space}{name}"]
    if dated:
        lines += ["2034年5月6日"]
    mail = EmailMessage()
    mail["From"] = f"{unit} <sender@liland.example.cn>"
    mail["To"] = "dzb@liland.example.cn"
    mail["Subject"] = "报名通知"
    mail["Date"] = "Sat, 06 May 2034 08:30:00 +0800"
    if html:  # an HTML mail (a web mail's): a paragraph a line
        mail.set_content("".join(f"<p>{line}</p>" for line in lines if line), subtype="html")
    else:
        mail.set_content("\n".join(lines) + "\n")
    speech = _speech(bytes(mail))
    cards = [p.text for p in speech.paragraphs if p.section == SIGNATURE_LABEL]
    assert cards == ["\u3000".join((*close, unit, name))]  # the sign-off opens the card, not a sentence
    body = [p.text for p in speech.paragraphs if p.section not in (SIGNATURE_LABEL, "文件信息")]
    assert not any(name in p for p in body)
    assert squash("".join(body)) == squash("".join(sentences))
    assert speech.issuer == unit
