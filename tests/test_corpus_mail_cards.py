"""A forwarded original's own signature and a mail saved as text (docs/read65.md, items 2 and 3).

An inline forward quotes the original under 「-----原始邮件-----」 (Outlook), 「-------- 转发的消息 --------」
(Thunderbird) or 「---------- Forwarded message ---------」 (Gmail) and its header; the original's sender signs it
too, under 「-- 」 or with a unit and a name standing alone (「秘书处　祁文斌」). main ran that card into the original's
last sentence (「…由服务队长登记。秘书处祁文斌」), or, under 「-- 」, took it for the forwarder's own card (the mail's
issuer). Now it is a section of its own, 「原邮件发件人签名」, and the forwarder's card stays 「发件人签名」.

A mail saved as text (.txt: its header at the top, its body) has its cards read as the .eml reader reads them:
main read its card as the body's last lines. A text that only mentions 「发件人：」 is no mail and reads as before.

Files: ``tests/fixtures/mail_cards/`` (Python's email package), made by ``make_mail_cards.py`` there.
"""

from __future__ import annotations

from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import check_conservation, parse_document, read_bytes
from corpus.mail import QUOTED_SIGNATURE_LABEL, SIGNATURE_LABEL
from tests.fixtures.mail_cards.make_mail_cards import ASKED, NOTE, ORIGINAL, REPLY

HERE = Path(__file__).parent / "fixtures" / "mail_cards"
CARDS = (SIGNATURE_LABEL, QUOTED_SIGNATURE_LABEL)


def _read(name: str):  # type: ignore[no-untyped-def]
    path = HERE / name
    document = read_bytes(path.name, path.read_bytes())
    [speech] = parse_document(document)
    return document, speech


@pytest.mark.parametrize("name", ["inline_dashes.eml", "inline_dashes.txt"])
def test_a_forwarded_originals_dashed_card_is_its_own_not_the_forwarders(name: str) -> None:
    document, speech = _read(name)
    body = [p.text for p in speech.paragraphs if p.section not in (*CARDS, "文件信息")]
    assert body == [*NOTE, *ORIGINAL]
    cards = {p.section: p.text for p in speech.paragraphs if p.section in CARDS}
    assert "邵明远" in cards[SIGNATURE_LABEL] and "祁文斌" not in cards[SIGNATURE_LABEL]
    assert "祁文斌" in cards[QUOTED_SIGNATURE_LABEL] and "13905191234" in cards[QUOTED_SIGNATURE_LABEL]
    assert [p.section for p in speech.paragraphs][-2:] == [QUOTED_SIGNATURE_LABEL, SIGNATURE_LABEL]
    assert check_conservation(document, [p.text for p in speech.paragraphs]).ok


def test_a_mail_saved_as_text_has_its_card_and_the_originals_apart() -> None:
    document, speech = _read("signed_reply.txt")
    body = [p.text for p in speech.paragraphs if p.section not in (*CARDS, "文件信息")]
    assert body == [
        *REPLY,
        *ASKED,
    ]  # main: 「…按本学期安排执行。秘书处祁文斌」, the reply's card in its passage
    cards = {p.section: p.text for p in speech.paragraphs if p.section in CARDS}
    assert cards == {
        SIGNATURE_LABEL: "县老年大学办公室　主任　王建国",
        QUOTED_SIGNATURE_LABEL: "秘书处　祁文斌",
    }
    assert speech.issuer == "县老年大学办公室"  # the sender's unit, never the quoted original's
    assert check_conservation(document, [p.text for p in speech.paragraphs]).ok


def test_a_text_that_only_mentions_a_sender_is_no_mail() -> None:
    # 「发件人：支部名称」「主题：…」「时间：2034年6月5日前」 show staff how to fill a mail in: a deadline, no timestamp
    # (read65 read them as a quoted header: dropped, the subject in the title, the closing line a quoted card)
    document, speech = _read("not_a_mail.txt")
    assert not [p for p in speech.paragraphs if p.section in CARDS]
    texts = "".join(p.text for p in speech.paragraphs)
    assert "发件人：支部名称" in texts and "时间：2034年6月5日前" in texts
    assert check_conservation(document, [p.text for p in speech.paragraphs]).ok
    assert (speech.title, speech.issuer, speech.date) == (
        "关于报送2034年老干部工作信息的通知",
        "中共溧岚县委老干部局",
        "2034-05-20",
    )


_SEPARATORS = [
    "-----原始邮件-----",
    "-------- 转发的消息 --------",
    "---------- Forwarded message ---------",
    # Outlook's Chinese forward: a rule over the quoted 「发件人: / 发送时间:」 (read65 read the forwarder's own
    # 「-- 」 card above it as a body passage; review item 3)
    "________________________________",
]
# (each of 12 characters or more: a shorter one is folded into the paragraph before it, the parse's general rule)
_SENTENCES = [
    "请各支部组织老同志报名参加。",
    "报名表请于6月10日前交宣传科。",
    "活动定于6月18日上午在县老干部活动中心举行。",
    "义卖所得全部捐赠县慈善总会。",
    "每人限报作品一幅，尺寸不超过四尺整张。",
    "参展作品须为本人原创，不得临摹他人作品。",
]
_UNITS = ["组织科", "中共溧岚县委老干部局宣传科", "县书画协会秘书处", "县老年大学办公室"]
_NAMES = ["宁海燕", "祁文斌", "欧阳德明", "王建国"]


def _card_lines(style: str, unit: str, name: str, space: str) -> list[str]:
    if style == "dashes":
        return ["", "-- ", f"{unit}{space}{name}", "电话：0519-87651234"]
    if style == "line":
        return [f"{unit}{space}{name}"]
    return []


@settings(max_examples=40, deadline=None)
@given(
    own=st.integers(min_value=1, max_value=3),
    quoted=st.integers(min_value=1, max_value=3),
    own_style=st.sampled_from(["dashes", "line", "none"]),
    quoted_style=st.sampled_from(["dashes", "line", "none"]),
    units=st.permutations(_UNITS),
    names=st.permutations(_NAMES),
    space=st.sampled_from(["\u3000", " "]),
    separator=st.sampled_from(_SEPARATORS),
    saved=st.sampled_from(["eml", "txt"]),
)
def test_each_senders_card_is_read_apart_and_no_sentence_moves(
    own: int,
    quoted: int,
    own_style: str,
    quoted_style: str,
    units: list[str],
    names: list[str],
    space: str,
    separator: str,
    saved: str,
) -> None:
    # property: a forward (or a reply) quoting its original inline, each message signed or not, saved whole or
    # as text: the body's passages are exactly the sentences in order, each once; the sender's card is
    # 「发件人签名」 and the original's 「原邮件发件人签名」, neither in the other nor in a body passage
    mine, theirs = _SENTENCES[:own], _SENTENCES[own : own + quoted]
    body = "\n".join(
        [
            *mine,
            *_card_lines(own_style, units[0], names[0], space),
            "",
            separator,
            "发件人: 县书画协会 <shuhua@liland.example>",
            "发送时间: 2034年5月26日 09:12",
            "收件人: 县委老干部局 <lgbj@liland.example>",
            "主题: 书画义卖活动",
            "",
            *theirs,
            *_card_lines(quoted_style, units[1], names[1], space),
            "",
        ]
    )
    message = EmailMessage()
    message["From"] = "宣传科 <xck@liland.example>"
    message["To"] = "各支部 <zhibu@liland.example>"
    message["Subject"] = "转发：书画义卖活动"
    message["Date"] = "Tue, 30 May 2034 15:40:00 +0800"
    message.set_content(body, cte="base64")
    if saved == "eml":
        data = message.as_bytes(policy=SMTP)
    else:
        head = f"发件人: {message['From']}\n发送时间: 2034年5月30日 15:40\n收件人: {message['To']}\n"
        data = f"{head}主题: {message['Subject']}\n\n{message.get_content()}".encode()
    document = read_bytes(f"转发.{saved}", data)
    [speech] = parse_document(document)
    texts = [p.text for p in speech.paragraphs if p.section not in (*CARDS, "文件信息")]
    assert texts == [*mine, *theirs]
    cards = {p.section: p.text for p in speech.paragraphs if p.section in CARDS}
    assert (names[0] in cards.get(SIGNATURE_LABEL, "")) == (own_style != "none")
    assert (names[1] in cards.get(QUOTED_SIGNATURE_LABEL, "")) == (quoted_style != "none")
    assert names[1] not in cards.get(SIGNATURE_LABEL, "") and names[0] not in cards.get(
        QUOTED_SIGNATURE_LABEL, ""
    )
    assert check_conservation(document, [p.text for p in speech.paragraphs]).ok


# Review of read65, item 2: a message attached to a mail (message/rfc822) signs it too. read65 split the
# attachment at its card's 「发件人签名」 when the forwarder signed too, and read the attached sender's card as the
# forwarder's; it stays the attachment's own section (「附件 … › 发件人签名」).
_ATTACHED_TITLE = "关于开展银龄书画义卖活动的通知"


@settings(max_examples=20, deadline=None)
@given(
    own_style=st.sampled_from(["dashes", "line", "none"]),
    attached_style=st.sampled_from(["dashes", "line"]),
    units=st.permutations(_UNITS),
    names=st.permutations(_NAMES),
)
def test_an_attached_messages_card_stays_in_its_attachment(
    own_style: str, attached_style: str, units: list[str], names: list[str]
) -> None:
    # property: whether the forwarder signs (under 「-- 」 or a line alone) or not, the attached message's card
    # is its attachment's, never the forwarder's 「发件人签名」, and every sentence is read once, in order
    attached = EmailMessage()
    attached["From"] = "县书画协会 <shuhua@liland.example>"
    attached["To"] = "县委老干部局 <lgbj@liland.example>"
    attached["Subject"] = _ATTACHED_TITLE
    attached["Date"] = "Fri, 26 May 2034 09:12:00 +0800"
    theirs = _SENTENCES[3:5]
    attached.set_content(
        "\n\n".join(["县委老干部局：", *theirs, *_card_lines(attached_style, units[1], names[1], "\u3000")])
        + "\n",
        cte="base64",
    )
    message = EmailMessage()
    message["From"] = "宣传科 <xck@liland.example>"
    message["To"] = "各支部 <zhibu@liland.example>"
    message["Subject"] = f"转发：{_ATTACHED_TITLE}"
    message["Date"] = "Tue, 30 May 2034 15:40:00 +0800"
    mine = _SENTENCES[:2]
    message.set_content(
        "\n".join(["各离退休干部党支部：", "", *mine, *_card_lines(own_style, units[0], names[0], "\u3000")])
        + "\n",
        cte="base64",
    )
    message.add_attachment(attached)
    document = read_bytes("转发.eml", message.as_bytes(policy=SMTP))
    [speech] = parse_document(document)
    own = [p.text for p in speech.paragraphs if p.section == SIGNATURE_LABEL]
    assert len(own) == (own_style != "none") and all(names[0] in t and names[1] not in t for t in own)
    card = [p for p in speech.paragraphs if names[1] in p.text]
    assert len(card) == 1 and card[0].section == f"附件 {_ATTACHED_TITLE} › {SIGNATURE_LABEL}", card
    texts = [p.text for p in speech.paragraphs]
    at = [next(n for n, t in enumerate(texts) if sentence in t) for sentence in (*mine, *theirs)]
    assert at == sorted(at) and all(sum(s in t for t in texts) == 1 for s in (*mine, *theirs))
    assert check_conservation(document, texts).ok
