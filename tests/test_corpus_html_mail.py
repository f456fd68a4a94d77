"""An e-mail whose body is HTML only, with pictures shown in it, reads as its notice: signed, dated, its
pictures no attachments, the sender's card after the notice (cold35).

A web mail or Outlook sends a notice as HTML alone (``multipart/related``: no text/plain part), the pictures
its body shows — a letterhead, the seal beside the date, a QR code — as parts addressed by ``cid:``. speechqa
read each shown picture as an attachment: the seal's OCR became a passage 「O」 under 「§ 附件：image002」, and
a low-confidence warning was printed for a picture no one sent to be read; and the sender's card under a
「——」 line ran into the notice's last paragraph with the signature and date (cold35's mail: no issuer). Now
the pictures the HTML shows are the body's and passed over; a real attachment is still read; the card under a
signature line is a section of its own, 「§ 发件人签名」, after the notice's 落款.

The file: ``tests/fixtures/html_mail/notice.eml``, made by ``make_html_mail.py`` there (Python's email
package, composing as the mail programs do).
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from corpus import parse_document, read_bytes
from corpus.mail import SIGNATURE_LABEL, read_eml, split_signature
from tests.fixtures.html_mail.make_html_mail import AUTHOR, CARD, LINES, LIST_NAME, SUBJECT

EML = Path(__file__).parent / "fixtures" / "html_mail" / "notice.eml"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_pictures_the_html_body_shows_are_no_attachments() -> None:
    """main: letterhead.png, seal.png and qrcode.png were attachments (read by OCR); the list is one."""
    message = read_eml(EML.name, EML.read_bytes())
    assert [name for name, _ in message.attachments] == [LIST_NAME]
    assert message.signature == "\n".join(CARD[1:])


def test_the_html_only_notice_is_signed_dated_and_its_card_read_apart() -> None:
    """main: no issuer; the signature, the date and the card one paragraph with the last item."""
    [notice] = parse_document(read_bytes(EML.name, EML.read_bytes()))
    assert notice.title == SUBJECT
    assert (notice.date, notice.issuer) == ("2031-11-28", AUTHOR)
    sections = {p.section for p in notice.paragraphs}
    assert not any(s and "png" in s for s in sections)
    assert any(s and s.startswith("附件") and "参加人员名单" in s for s in sections)
    body = [
        p
        for p in notice.paragraphs
        if not (p.section or "").startswith(("附件", SIGNATURE_LABEL, "文件信息"))
    ]
    text = squash("".join(p.text for p in body))
    for line in LINES[1:]:
        assert text.count(squash(line)) == 1
    assert "0731-5520417" not in text and AUTHOR not in text
    card = squash("".join(p.text for p in notice.paragraphs if (p.section or "").startswith(SIGNATURE_LABEL)))
    assert "0731-5520417" in card


_CARD_LINE = st.sampled_from(
    [
        "柏若涵",
        "澄溪县委老干部局活动科",
        "电话：0731-5520417",
        "手机 13907315520",
        "邮箱：hdk@chengxi.example.cn",
    ]
)
_RULE = st.sampled_from(["--", "-- ", "——", "—", "____", "－－"])
_SENTENCE = st.sampled_from(["请各支部按时报送。", "讲座免费参加。", "会后合影留念。", "具体事项另行通知。"])


@given(
    body=st.lists(_SENTENCE, min_size=1, max_size=5),
    rule=_RULE,
    card=st.lists(_CARD_LINE, min_size=1, max_size=8),
)
def test_any_card_under_a_signature_line_is_the_signature(
    body: list[str], rule: str, card: list[str]
) -> None:
    """A card of one to eight short lines under any signature line is the signature; the body keeps every
    line above the rule, once."""
    kept, signature = split_signature("\n".join([*body, rule, *card]))
    assert kept.split("\n") == body
    assert signature.split("\n") == card


@given(
    body=st.lists(_SENTENCE, min_size=1, max_size=5),
    rule=_RULE,
    after=st.lists(_SENTENCE, min_size=1, max_size=12),
)
def test_a_rule_with_sentences_under_it_stays_in_the_body(
    body: list[str], rule: str, after: list[str]
) -> None:
    """A rule with sentences under it (a forwarded notice, a postscript) is the body's: nothing is split off."""
    text = "\n".join([*body, rule, *after])
    assert split_signature(text) == (text, "")
