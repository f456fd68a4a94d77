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
from email.message import EmailMessage
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus import installed_engines, parse_document, read_bytes
from corpus.errors import NotASpeech
from corpus.mail import SIGNATURE_LABEL, read_eml, split_signature
from corpus.ocr import read_picture_page
from tests.fixtures.html_mail.make_html_mail import AUTHOR, CARD, LINES, LIST_NAME, SUBJECT
from tests.fixtures.html_mail.make_outlook_forward import NOTE, NOTICE_NAME
from tests.fixtures.html_mail.make_pasted_notice_mail import (
    FORM_NAME,
    FORM_TEXT,
    INTRO,
    NOTICE,
    OUTRO,
    picture,
)

EML = Path(__file__).parent / "fixtures" / "html_mail" / "notice.eml"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_pictures_the_html_body_shows_are_no_attachments() -> None:
    """main: letterhead.png, seal.png and qrcode.png were attachments (read by OCR); the list is one."""
    message = read_eml(EML.name, EML.read_bytes())
    assert [name for name, _ in message.attachments] == [LIST_NAME]
    # the card's parts a line each (mail66): 「柏若涵　澄溪县委老干部局活动科」 keeps its space when the parse joins them
    assert message.signature.split("\n") == [part for line in CARD[1:] for part in line.split("\u3000")]


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
_BODY = st.lists(_SENTENCE, min_size=1, max_size=5)  # a mail's body above the rule: one to five sentences


@given(
    body=_BODY,
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
    body=_BODY,
    rule=_RULE,
    after=st.lists(_SENTENCE, min_size=1, max_size=12),
)
def test_a_rule_with_sentences_under_it_stays_in_the_body(
    body: list[str], rule: str, after: list[str]
) -> None:
    """A rule with sentences under it (a forwarded notice, a postscript) is the body's: nothing is split off."""
    text = "\n".join([*body, rule, *after])
    assert split_signature(text) == (text, "")


# --- a notice pasted into the body as a picture (mend61c) -------------------------------------------------
# cold35 passed over every picture the HTML body shows, and with them a notice staff paste into a mail as a
# screenshot (main read it by OCR, under 「附件：image001」). A shown picture is read by OCR again, as a GIF is
# (`corpus.ocr.read_picture_page`: short side under 150 px, or no sentence, is a logo or a seal), and its text
# is read after the body's own lines, a notice of its own whose 落款 is found. The file: ``tests/fixtures/html_mail/pasted_notice.eml``, made by
# ``make_pasted_notice_mail.py`` there.

PASTED = Path(__file__).parent / "fixtures" / "html_mail" / "pasted_notice.eml"
_needs_ocr = pytest.mark.skipif(not installed_engines(), reason="no OCR engine installed")


@_needs_ocr
def test_a_notice_pasted_as_a_picture_reads_once_after_the_body_and_the_seal_not_at_all() -> None:
    document = read_bytes(PASTED.name, PASTED.read_bytes())
    assert document.notes == ()  # the seal and the logo are passed over without a word
    [notice] = parse_document(document)
    body = squash(
        "".join(p.text for p in notice.paragraphs if not (p.section or "").startswith(("附件", "文件信息")))
    )
    # the sender's lines, then the notice's lines as OCR reads them, its 落款 read as issuer and date; nothing
    # from the seal (a red ring and star) or the logo
    assert body == squash(INTRO + OUTRO + "骆文斌" + "".join(NOTICE[:-2]))
    assert (notice.date, notice.issuer) == ("2026-09-30", NOTICE[-2])
    assert f"附件：{Path(FORM_NAME).stem}" in document.text
    assert squash(FORM_TEXT.split("\n")[1]) in squash(document.text)


@_needs_ocr
def test_a_seal_and_a_logo_hold_no_page() -> None:
    """The rule a GIF is read by: a seal a page's size holds no sentence, a logo is too small for a page."""
    with pytest.raises(NotASpeech, match="没有读出文字"):
        read_picture_page("image002.png", picture("seal"))
    with pytest.raises(NotASpeech, match="120×40"):
        read_picture_page("image003.png", picture("logo"))


class _ScreenshotReader:
    """A fake of the OCR the reader passes to `read_eml`: the notice's text for one picture, none for others;
    it records the pictures it was asked about."""

    def __init__(self, text_of: dict[str, str]) -> None:
        self.text_of = text_of
        self.asked: list[str] = []

    def __call__(self, name: str, data: bytes) -> str:
        self.asked.append(name)
        return self.text_of.get(name, "")


def test_a_shown_picture_is_no_attachment_and_its_text_follows_the_html_body() -> None:
    reader = _ScreenshotReader({"image001.png": "\n".join(NOTICE)})
    message = read_eml(PASTED.name, PASTED.read_bytes(), reader)
    assert reader.asked == ["image001.png", "image002.png", "image003.png"]
    assert [name for name, _ in message.attachments] == [FORM_NAME]
    text = message.text
    assert text.index(INTRO) < text.index(OUTRO) < text.index(NOTICE[2]) < text.index(NOTICE[-1])
    assert text.count(NOTICE[2]) == 1


def _outlook_mail(plain: str, src: str = "cid:image001.png@01DC") -> bytes:
    """A mail as Outlook sends one with a pasted picture: text/plain (with or without its 「[cid:…]」 mark),
    text/html showing the picture (at `src`), the picture related to it."""
    mail = EmailMessage()
    mail["From"] = "骆文斌 <lwb@fengzhu.example.cn>"
    mail["To"] = "zhibu@fengzhu.example.cn"
    mail["Subject"] = "转发：健步走活动通知"
    mail["Date"] = "Wed, 30 Sep 2026 10:00:00 +0800"
    mail.set_content(plain)
    mail.add_alternative(f'<p>各位：通知见下图。</p><p><img src="{src}"></p><p>谢谢。</p>', "html")
    mail.get_payload()[1].add_related(
        b"png", "image", "png", cid="<image001.png@01DC>", filename="image001.png"
    )
    return bytes(mail)


@pytest.mark.parametrize(
    "plain",
    [
        "各位：通知见下图。\n[cid:image001.png@01DC]\n谢谢。\n-- \n骆文斌\n电话：0571-1234567\n",
        "各位：通知见下图。\n谢谢。\n-- \n骆文斌\n电话：0571-1234567\n",
        "各位：通知见下图。\n[cid:image001.png@01DC]\n同上：[cid:image001.png@01DC]\n谢谢。\n-- \n骆文斌\n电话：0571-1234567\n",
    ],
)
def test_a_plain_body_reads_the_pictures_text_once_after_it_before_the_card(plain: str) -> None:
    """With Outlook's 「[cid:…]」 marks (dropped: no text) or without, the picture shown once or twice."""
    message = read_eml(
        "通知.eml", _outlook_mail(plain), _ScreenshotReader({"image001.png": "\n".join(NOTICE)})
    )
    text = message.text
    assert "cid:" not in text and message.attachments == ()
    assert text.count(NOTICE[2]) == 1
    assert text.index("谢谢") < text.index(NOTICE[2])
    assert message.signature == "骆文斌\n电话：0571-1234567"


def test_a_picture_addressed_with_escapes_or_brackets_is_the_bodys_own() -> None:
    """A web mail writes the Content-ID's 「@」 as 「%40」 or keeps its angle brackets (「cid:%3Cimage001…%3E」): the
    HTML body and the plain part's 「[cid:…]」 mark name the same picture, read once, no attachment."""
    plain = "各位：通知见下图。\n[cid:image001.png%4001DC]\n谢谢。\n-- \n骆文斌\n电话：0571-1234567\n"
    for src in ("cid:image001.png%4001DC", "cid:%3Cimage001.png@01DC%3E"):
        reader = _ScreenshotReader({"image001.png": "\n".join(NOTICE)})
        message = read_eml("通知.eml", _outlook_mail(plain, src), reader)
        assert reader.asked == ["image001.png"] and message.attachments == ()
        assert "cid:" not in message.text and message.text.count(NOTICE[2]) == 1


# --- Outlook's forward: its rule over the earlier message's header is no signature line (mend61c) -----------
# cold35 read Outlook's 「________________________________」 over a forwarded message's header as a signature
# line and the header — 「发件人: 骆文斌 <lwb@…>」「发送时间: …」 — as the forwarder's card under 「§ 发件人签名」.
# A quoted header is read as a saved mail's text is (as main read it): its lines dropped, the rule with them.
# The file: ``tests/fixtures/html_mail/outlook_forward.eml``, made by ``make_outlook_forward.py`` there.

FORWARD = Path(__file__).parent / "fixtures" / "html_mail" / "outlook_forward.eml"


def test_outlooks_forward_header_is_no_signature() -> None:
    message = read_eml(FORWARD.name, FORWARD.read_bytes())
    assert message.signature == ""
    [notice] = parse_document(read_bytes(FORWARD.name, FORWARD.read_bytes()))
    sections = {p.section or "" for p in notice.paragraphs}
    assert not any(s.startswith(SIGNATURE_LABEL) for s in sections)
    text = "".join(p.text for p in notice.paragraphs)
    assert "lwb@" not in text and "发送时间" not in text and "____" not in text
    assert squash(NOTE[1]) in squash(text)
    assert any(s.startswith("附件") and Path(NOTICE_NAME).stem in s for s in sections)
    assert (notice.date, notice.issuer) == ("2026-09-30", "枫渚县委老干部局")


_HEADER_LINE = st.sampled_from(
    [
        "发送时间: 2026年9月30日 10:00",
        "Sent: Wednesday, September 30, 2026 10:00 AM",
        "收件人: 李晓梅 <lxm@fengzhu.example.cn>",
        "To: zhibu@fengzhu.example.cn",
        "主题: 关于报送健步走人数的通知",
        "Subject: 健步走活动",
        "抄送: 办公室",
    ]
)


@given(
    body=_BODY,
    rule=_RULE,
    sender=st.sampled_from(
        ["发件人: 骆文斌 <lwb@fengzhu.example.cn>", "From: 骆文斌 <lwb@fengzhu.example.cn>"]
    ),
    others=st.lists(_HEADER_LINE, min_size=1, max_size=5, unique=True),
)
def test_a_quoted_header_under_a_rule_is_never_a_signature(
    body: list[str], rule: str, sender: str, others: list[str]
) -> None:
    """A block of mail header lines (a sender's and another) under any rule is the earlier message's header,
    in any order, in Chinese or English: nothing is split off."""
    text = "\n".join([*body, rule, sender, *others])
    assert split_signature(text) == (text, "")
