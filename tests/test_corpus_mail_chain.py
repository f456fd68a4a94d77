"""Senders' cards read apart in every message of a mail (docs/mail66.md, items 1–3).

1. A card under 「-- 」 keeps its own spaces: 「溧岚县书画协会秘书处　祁文斌」 was read 「…秘书处祁文斌」, which names
   no unit, so the mail had no issuer.
2. In a chain of forwards every quoted message's card is read apart: the middle message's 「宣传科　邵明远」 was
   read as a section heading over the innermost message's sentences.
3. A card with no 「-- 」 over it, a name, a unit and a telephone line standing together under the last sentence,
   is a card; short lines of a body (a list of names, a 落款) are not.

The same message saved whole (.eml), saved as text (.txt) and kept in a mailbox (.mbox) reads alike.
Files: ``tests/fixtures/mail_chain/`` (Python's email package and mailbox), made by ``make_mail_chain.py``.
"""

from __future__ import annotations

import mailbox
import tempfile
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import check_conservation, open_archive, parse_document, read_bytes
from corpus.mail import QUOTED_SIGNATURE_LABEL, SIGNATURE_LABEL
from tests.fixtures.mail_chain.make_mail_chain import (
    INNER,
    MIDDLE,
    NOTE,
    NOTICE,
    SHORT_LINES,
)

HERE = Path(__file__).parent / "fixtures" / "mail_chain"
CARDS = (SIGNATURE_LABEL, QUOTED_SIGNATURE_LABEL)


def _speeches(name: str) -> list:  # type: ignore[type-arg]
    """The file read as a user adds it (the .eml and .txt alone; the .mbox's member of that subject)."""
    path = HERE / name
    document = read_bytes(path.name, path.read_bytes())
    return [(document, speech) for speech in parse_document(document)]


def _mbox_member(stem: str):  # type: ignore[no-untyped-def]
    eml = read_bytes(f"{stem}.eml", (HERE / f"{stem}.eml").read_bytes())
    [speech] = parse_document(eml)
    with open_archive("chain.mbox", HERE / "chain.mbox") as archive:
        for member in archive.members:
            document = archive.read(member)
            [found] = parse_document(document)
            if found.title == speech.title and [p.text for p in found.paragraphs] == [
                p.text for p in speech.paragraphs
            ]:
                return document, found
    raise AssertionError(f"{stem} 不在 chain.mbox 中")


def _read(stem: str, saved: str):  # type: ignore[no-untyped-def]
    if saved == "mbox":
        return _mbox_member(stem)
    [(document, speech)] = _speeches(f"{stem}.{saved}")
    return document, speech


def _cards(speech) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(p.section, p.text) for p in speech.paragraphs if p.section in CARDS]


def _body(speech) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.text for p in speech.paragraphs if p.section not in (*CARDS, "文件信息")]


@pytest.mark.parametrize("saved", ["eml", "txt", "mbox"])
def test_a_dashed_cards_own_space_is_kept_so_its_unit_is_the_issuer(saved: str) -> None:
    document, speech = _read("dashed_card", saved)
    assert _body(speech) == NOTICE
    # main: 「溧岚县书画协会秘书处祁文斌　电话：…」 and no issuer
    assert _cards(speech) == [(SIGNATURE_LABEL, "溧岚县书画协会秘书处　祁文斌　电话：0519-87651234")]
    assert speech.issuer == "溧岚县书画协会秘书处"
    assert check_conservation(document, [p.text for p in speech.paragraphs]).ok


@pytest.mark.parametrize("saved", ["eml", "txt", "mbox"])
def test_every_card_in_a_chain_of_forwards_is_read_apart(saved: str) -> None:
    document, speech = _read("chain", saved)
    # main: the innermost message's sentences under a section 「宣传科邵明远」
    assert not [p for p in speech.paragraphs if p.section and "邵明远" in p.section]
    assert _body(speech) == [*NOTE, *MIDDLE, *INNER]
    assert _cards(speech) == [
        (QUOTED_SIGNATURE_LABEL, "宣传科　邵明远"),
        (QUOTED_SIGNATURE_LABEL, "县书画协会秘书处　祁文斌　手机：13905191234"),
        (SIGNATURE_LABEL, "组织科　宁海燕"),
    ]
    assert speech.issuer == "组织科"  # the forwarder's unit, never a quoted sender's
    assert check_conservation(document, [p.text for p in speech.paragraphs]).ok


@pytest.mark.parametrize("saved", ["eml", "txt", "mbox"])
def test_a_name_a_unit_and_a_phone_line_standing_together_are_a_card(saved: str) -> None:
    document, speech = _read("stacked_card", saved)
    assert _body(speech) == [*NOTE, *INNER]  # main: 「…报局组织科。宁海燕中共…组织科」 and the phone line
    assert _cards(speech) == [
        (
            QUOTED_SIGNATURE_LABEL,
            "谢谢！　祁文斌　溧岚县书画协会秘书处　手机：13905191234　邮箱：shuhua@liland.example",
        ),
        (SIGNATURE_LABEL, "宁海燕　中共溧岚县委老干部局组织科　电话：0519-87650000"),
    ]
    assert speech.issuer == "中共溧岚县委老干部局组织科"
    assert check_conservation(document, [p.text for p in speech.paragraphs]).ok


@pytest.mark.parametrize("saved", ["eml", "txt", "mbox"])
def test_a_bodys_short_lines_are_no_card(saved: str) -> None:
    document, speech = _read("short_lines", saved)
    assert not _cards(speech)
    texts = "".join(_body(speech))
    assert all(name in texts for name in SHORT_LINES[1:4])
    assert (speech.issuer, speech.date) == ("溧岚县书画协会", "2034-06-20")  # its 落款, as before
    assert check_conservation(document, [p.text for p in speech.paragraphs]).ok


# --- property: a chain of one to three quoted messages, each signed in any of the ways or not at all ----------

_SEPARATORS = ["-----原始邮件-----", "-------- 转发的消息 --------", "---------- Forwarded message ---------"]
# (each of 12 characters or more: a shorter one is folded into the paragraph before it, the parse's general rule)
_SENTENCES = [
    "请各支部组织老同志报名参加。",
    "报名表请于6月10日前交宣传科。",
    "活动定于6月18日上午在县老干部活动中心举行。",
    "义卖所得全部捐赠县慈善总会。",
    "每人限报作品一幅，尺寸不超过四尺整张。",
    "参展作品须为本人原创，不得临摹他人作品。",
    "作品征集截止时间为2034年6月15日。",
    "宣传科将在局网站同步发布活动消息。",
]
_UNITS = ["组织科", "中共溧岚县委老干部局宣传科", "溧岚县书画协会秘书处", "县老年大学办公室"]
_NAMES = ["宁海燕", "祁文斌", "欧阳德明", "王建国"]


def _card_lines(style: str, unit: str, name: str, space: str, n: int) -> list[str]:
    phone = f"电话：0519-8765123{n}"
    if style == "dashes":
        return ["", "-- ", f"{unit}{space}{name}", phone]
    if style == "line":
        return [f"{unit}{space}{name}"]
    if style == "stacked":
        return ["", name, unit, phone]
    if style == "stacked_unit_first":
        return [unit, name, phone, f"邮箱：x{n}@liland.example"]
    return []


_STYLES = ["dashes", "line", "stacked", "stacked_unit_first", "none"]


@settings(max_examples=40, deadline=None)
@given(
    depth=st.integers(min_value=1, max_value=3),
    counts=st.lists(st.integers(min_value=1, max_value=2), min_size=4, max_size=4),
    styles=st.lists(st.sampled_from(_STYLES), min_size=4, max_size=4),
    units=st.permutations(_UNITS),
    names=st.permutations(_NAMES),
    space=st.sampled_from(["\u3000", " ", "  "]),
    separator=st.sampled_from(_SEPARATORS),
    saved=st.sampled_from(["eml", "txt", "mbox"]),
)
def test_every_senders_card_in_a_chain_is_its_own_and_no_sentence_moves(
    depth: int,
    counts: list[int],
    styles: list[str],
    units: list[str],
    names: list[str],
    space: str,
    separator: str,
    saved: str,
) -> None:
    # property: the forwarder's text and card, then `depth` quoted messages, each with its own sentences and
    # card (any style, or none): the body's passages are exactly the sentences in order, each once; the
    # forwarder's card is 「发件人签名」 and each quoted sender's one 「原邮件发件人签名」, in the chain's order,
    # each holding its sender's name and unit and no other sender's
    sentences = iter(_SENTENCES)
    texts = [[next(sentences) for _ in range(counts[n])] for n in range(depth + 1)]
    lines: list[str] = []
    for n in range(depth + 1):
        if n:
            lines += [
                "",
                separator,
                f"发件人: {units[n]} <u{n}@liland.example>",
                f"发送时间: 2034年5月{26 - n}日 09:1{n}",
                "收件人: 县委老干部局 <lgbj@liland.example>",
                "主题: 书画义卖活动",
                "",
            ]
        lines += [*texts[n], *_card_lines(styles[n], units[n], names[n], space, n)]
    message = EmailMessage()
    message["From"] = "宣传科 <xck@liland.example>"
    message["To"] = "各支部 <zhibu@liland.example>"
    message["Subject"] = "转发：书画义卖活动"
    message["Date"] = "Tue, 30 May 2034 15:40:00 +0800"
    message.set_content("\n".join([*lines, ""]), cte="base64")
    if saved == "eml":
        document = read_bytes("转发.eml", message.as_bytes(policy=SMTP))
    elif saved == "txt":
        head = f"发件人: {message['From']}\n发送时间: 2034年5月30日 15:40\n收件人: {message['To']}\n"
        text = f"{head}主题: {message['Subject']}\n\n{message.get_content()}"
        document = read_bytes("转发.txt", text.encode())
    else:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "收件箱.mbox"
            box = mailbox.mbox(path)
            box.add(message)
            box.close()
            with open_archive(path.name, path) as archive:
                [member] = archive.members
                document = archive.read(member)
    [speech] = parse_document(document)
    assert _body(speech) == [s for text in texts for s in text]
    cards = _cards(speech)
    signed = [n for n in range(1, depth + 1) if styles[n] != "none"]
    assert [section for section, _ in cards] == [QUOTED_SIGNATURE_LABEL] * len(signed) + (
        [SIGNATURE_LABEL] if styles[0] != "none" else []
    )
    for (_, card), n in zip(cards, [*signed, 0] if styles[0] != "none" else signed, strict=True):
        parts = card.split("\u3000")
        assert names[n] in parts and units[n] in parts  # the unit and the name apart, whatever the spaces
        assert not any(names[m] in card for m in range(depth + 1) if m != n)
    assert check_conservation(document, [p.text for p in speech.paragraphs]).ok


# review of mail66, defect 4: a two-character name padded to a three-character one's width (「王　芳」)
_PADDED_NAMES = ["王芳", "李红", "张伟", "刘洋", "陈静"]


@settings(max_examples=30, deadline=None)
@given(
    unit=st.sampled_from(_UNITS),
    name=st.sampled_from(_PADDED_NAMES + _NAMES),
    space=st.sampled_from(["\u3000", " ", "  "]),
    pad=st.sampled_from(["\u3000", " "]),
    saved=st.sampled_from(["eml", "txt"]),
)
def test_a_padded_two_character_name_in_a_card_stays_whole(
    unit: str, name: str, space: str, pad: str, saved: str
) -> None:
    # property: a 「-- 」 card 「unit　王　芳」 (a two-character name padded with a space) is the unit and 「王芳」,
    # not 「王」「芳」 apart (mail66); a name of three or more characters is never padded here and keeps its split
    padded = pad.join(name) if len(name) == 2 else name
    lines = [*NOTICE, "", "-- ", f"{unit}{space}{padded}", "手机：13905191234", ""]
    message = EmailMessage()
    message["From"] = "组织科 <zzk@liland.example>"
    message["To"] = "各离退休干部党支部 <zhibu@liland.example>"
    message["Subject"] = "重阳节活动"
    message["Date"] = "Tue, 30 May 2034 15:40:00 +0800"
    message.set_content("\n".join(lines), cte="base64")
    if saved == "eml":
        document = read_bytes("重阳节活动.eml", message.as_bytes(policy=SMTP))
    else:
        head = f"发件人: {message['From']}\n发送时间: 2034年5月30日 15:40\n收件人: {message['To']}\n"
        document = read_bytes("重阳节活动.txt", f"{head}主题: 重阳节活动\n\n{message.get_content()}".encode())
    [speech] = parse_document(document)
    assert _body(speech) == NOTICE
    assert _cards(speech) == [(SIGNATURE_LABEL, f"{unit}\u3000{name}\u3000手机：13905191234")]
    assert speech.issuer == unit
    assert check_conservation(document, [p.text for p in speech.paragraphs]).ok
