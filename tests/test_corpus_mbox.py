"""corpus.archive's mailbox files (.mbox): each message read as the same message saved alone as an .eml is,
cited 「name.mbox › subject.eml」. Mailboxes written by real producers — Python's `mailbox.mbox` (mboxo, as
mutt and Python write it) over messages the email package makes (plain, HTML, a forwarded .eml attached, a
GBK body), a Thunderbird local folder (benchmarks/corpus-cold39's, made by its make_corpus.py), the same
rewritten with CRLF line ends and mboxrd's 「>>From 」 — and a property: every message's text read from the
mailbox equals the text of that message saved alone as .eml (no body sentence lost, doubled or moved)."""

from __future__ import annotations

import email.policy
import mailbox
from email.message import EmailMessage
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import CorpusError, mbox_messages, open_archive, read_bytes
from corpus.archive import MAX_MEMBERS
from corpus.errors import TooLarge, UnreadableFile
from corpus.zipped import MAX_INFLATED

THUNDERBIRD = Path(__file__).parent.parent / "benchmarks" / "corpus-cold39" / "老干部局来信.mbox"
DRUMS = "关于组建离退休干部腰鼓队的通知"
HAIRCUT = "关于为行动不便的离退休干部提供上门义剪服务的通知"


def mail(
    subject: str,
    body: str,
    *,
    sender: str = "县委老干部局文体科 <wenti@example.cn>",
    message_id: str | None = None,
    charset: str = "utf-8",
    cte: str | None = None,
    html: bool = False,
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "各离退休干部党支部 <zhibu@example.cn>"
    message["Subject"] = subject
    message["Date"] = "Thu, 12 Mar 2035 09:30:00 +0800"
    message["Message-ID"] = message_id or f"<{abs(hash((subject, body)))}@example.cn>"
    if html:
        paragraphs = "".join(f"<p>{line}</p>" for line in body.split("\n"))
        message.set_content(
            f"<html><body>{paragraphs}</body></html>", subtype="html", charset=charset, cte=cte
        )
    else:
        message.set_content(body, charset=charset, cte=cte)
    return message


def written(tmp_path: Path, messages: list[EmailMessage], name: str = "收件箱.mbox") -> Path:
    """The messages as Python's `mailbox.mbox` files them (its 「From MAILER-DAEMON …」 lines, 「>From 」)."""
    path = tmp_path / name
    box = mailbox.mbox(path)
    box.lock()
    try:
        for message in messages:
            box.add(message)
        box.flush()
    finally:
        box.unlock()
        box.close()
    return path


def opened(name: str, source: Path | bytes) -> None:
    """The mailbox opened and checked whole, none of its mails read."""
    with open_archive(name, source):
        pass


def read_all(name: str, data: bytes) -> list[tuple[str, str]]:
    """Each member's citation and text, in the mailbox's order (passed-over members as their reason)."""
    with open_archive(name, data) as archive:
        return [
            (m.shown, m.passed_over if m.passed_over is not None else archive.read(m).text)
            for m in archive.members
        ]


NOTICE = (
    "各离退休干部党支部：\n为丰富老同志文体生活，县委老干部局拟组建离退休干部腰鼓队。\n"
    "一、招募人数：30名，男女不限。\nFrom the start, 训练每周两次。\n县委老干部局文体科\n2035年3月12日"
)


def test_a_thunderbird_folder_reads_as_its_two_mails() -> None:
    """cold39's Thunderbird local folder (mboxrd, 「From - …」 lines, X-Mozilla-Status, base64 UTF-8 bodies):
    two members cited by their subjects, each titled, dated and issued as the mail saved as .eml is."""
    data = THUNDERBIRD.read_bytes()
    messages = mbox_messages(data)
    assert messages is not None and len(messages) == 2
    with open_archive(THUNDERBIRD.name, data) as archive:
        shown = [m.shown for m in archive.members]
        assert shown == [f"老干部局来信.mbox › {DRUMS}.eml", f"老干部局来信.mbox › {HAIRCUT}.eml"]
        for member, message in zip(archive.members, messages, strict=True):
            document = archive.read(member)
            alone = read_bytes(member.shown, message)
            assert document.text == alone.text and document.blocks == alone.blocks
        assert "30名" in archive.read(archive.members[0]).text


def test_python_mailbox_plain_html_gbk_and_a_forwarded_mail(tmp_path: Path) -> None:
    """Python's `mailbox.mbox` over the email package's messages: a plain UTF-8 body with a line opening
    「From 」 (written 「>From 」, read back as it was), an HTML body, a GBK body and a mail carrying another
    as a message/rfc822 attachment — each read as the same message saved as .eml."""
    forwarded = mail(
        HAIRCUT, "各党支部：\n上门义剪每月一次。\n老干部服务中心", message_id="<inner@example.cn>"
    )
    carrier = mail("转发：上门义剪", "请各支部转告老同志。", message_id="<outer@example.cn>")
    carrier.add_attachment(forwarded)
    messages = [
        mail(DRUMS, NOTICE, cte="8bit"),
        mail("关于开展书画展的通知", "各党支部：\n书画展在县图书馆举行。", html=True),
        mail("关于缴纳党费的通知", "各党支部：\n请于三月底前缴纳党费。\n县委老干部局", charset="gbk"),
        carrier,
    ]
    path = written(tmp_path, messages)
    assert b"\n>From the start" in path.read_bytes()  # (the producer quoted it)
    read = read_all(path.name, path.read_bytes())
    assert [shown for shown, _ in read] == [
        f"收件箱.mbox › {DRUMS}.eml",
        "收件箱.mbox › 关于开展书画展的通知.eml",
        "收件箱.mbox › 关于缴纳党费的通知.eml",
        "收件箱.mbox › 转发：上门义剪.eml",
    ]
    for (shown, text), message in zip(read, messages, strict=True):
        assert text == read_bytes(shown, message.as_bytes(policy=email.policy.default)).text
    assert "From the start, 训练每周两次。" in read[0][1] and ">From" not in read[0][1]
    assert "请于三月底前缴纳党费。" in read[2][1]
    assert "上门义剪每月一次。" in read[3][1] and f"附件：{HAIRCUT}" in read[3][1]


def test_crlf_and_mboxrd_quoting_read_as_the_mail(tmp_path: Path) -> None:
    """The Thunderbird folder with CRLF line ends (as a Windows export keeps it), and an mboxrd body line
    「>>From 」 (a quoted 「>From 」): the same mails; one 「>」 taken off, never more."""
    crlf = THUNDERBIRD.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    assert [text for _, text in read_all("老干部局来信.mbox", crlf)] == [
        text for _, text in read_all("老干部局来信.mbox", THUNDERBIRD.read_bytes())
    ]
    rd = (
        b"From - Thu Mar 12 09:30:00 2035\nFrom: a@example.cn\nSubject: quoting\nDate: Thu, 12 Mar 2035 09:30:00"
        b" +0800\nContent-Type: text/plain; charset=utf-8\n\nline one.\n>>From here.\n>From there.\n\n"
    )
    assert mbox_messages(rd) == [
        b"From: a@example.cn\nSubject: quoting\nDate: Thu, 12 Mar 2035 09:30:00 +0800\n"
        b"Content-Type: text/plain; charset=utf-8\n\nline one.\n>From here.\nFrom there.\n"
    ]


def test_a_mail_filed_twice_is_read_once_and_same_subjects_are_told_apart(tmp_path: Path) -> None:
    """The same Message-ID twice (one mail copied into the folder again): the second passed over, said why;
    two different mails under one subject: both read, the second cited 「…（2）.eml」."""
    first = mail(DRUMS, NOTICE, message_id="<same@example.cn>")
    again = mail(DRUMS, NOTICE, message_id="<same@example.cn>")
    other = mail(DRUMS, "各党支部：\n腰鼓队报名延期至四月底。", message_id="<other@example.cn>")
    path = written(tmp_path, [first, again, other])
    with open_archive(path.name, path.read_bytes()) as archive:
        members = archive.members
    assert [m.inner for m in members] == [f"{DRUMS}.eml", f"{DRUMS}（2）.eml", f"{DRUMS}（3）.eml"]
    assert members[0].passed_over is None and members[2].passed_over is None
    assert members[1].passed_over == "与邮箱中前面的一封邮件是同一封（Message-ID 相同），只读取了前一封"


def test_a_message_that_cannot_be_read_stops_no_other(tmp_path: Path) -> None:
    """A message of no mail headers at all between two notices: refused by its citation, in Chinese; the
    others read."""
    path = written(tmp_path, [mail(DRUMS, NOTICE)])
    data = path.read_bytes() + b"From MAILER-DAEMON Thu Mar 12 09:30:00 2035\nX-Junk: 1\n\nno header\n\n"
    with open_archive(path.name, data) as archive:
        assert "30名" in archive.read(archive.members[0]).text
        with pytest.raises(UnreadableFile, match=r"^收件箱\.mbox › （无主题）\.eml 不是有效的邮件文件"):
            archive.read(archive.members[1])


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"", "收件箱.mbox 中没有邮件（邮箱是空的）：请在邮件程序中确认导出的文件夹里有邮件"),
        (b"\n\n", "收件箱.mbox 中没有邮件（邮箱是空的）：请在邮件程序中确认导出的文件夹里有邮件"),
        (
            b"From: a@example.cn\nSubject: x\n\nbody\n",
            "收件箱.mbox 不是有效的邮箱文件（.mbox）：开头没有「From 」分隔行，看来是单封邮件：请把扩展名改为 .eml 再添加",
        ),
        (
            "通知全文".encode(),
            "收件箱.mbox 不是有效的邮箱文件（.mbox）：开头没有「From 」分隔行，可能是别的格式改了扩展名",
        ),
        (b"From - Thu Mar 12 09:30:00 2035\n\n", "收件箱.mbox 中没有邮件（邮箱是空的）"),
    ],
)
def test_an_empty_or_foreign_mailbox_is_one_chinese_line(data: bytes, said: str) -> None:
    with pytest.raises(CorpusError) as caught, open_archive("收件箱.mbox", data):
        pass
    assert str(caught.value).startswith(said)


def test_a_mailbox_past_the_limits_is_refused_before_it_is_read(tmp_path: Path) -> None:
    """More than MAX_MEMBERS mails, or a file over MAX_INFLATED (200 MB, as a zip's inflated whole; here a
    sparse file of that size, refused by its size before a byte is read): one line, what to do."""
    many = b"".join(
        b"From - Thu Mar 12 09:30:00 2035\nFrom: a@example.cn\nSubject: n%d\n\nbody\n\n" % n
        for n in range(MAX_MEMBERS + 1)
    )
    with pytest.raises(
        TooLarge, match=rf"^收件箱\.mbox 中有 {MAX_MEMBERS + 1} 封邮件，超过 {MAX_MEMBERS} 封"
    ):
        opened("收件箱.mbox", many)
    huge = written(tmp_path, [mail(DRUMS, NOTICE)])
    with huge.open("r+b") as out:
        out.truncate(MAX_INFLATED + 1)
    with pytest.raises(TooLarge, match=r"^收件箱\.mbox 有 200 MB，超过 200 MB：请在邮件程序中"):
        opened(huge.name, huge)


SENTENCES = st.lists(
    st.sampled_from(
        [
            "请各支部于三月底前报送名单。",
            "活动地点在县老年大学二楼。",
            "From now on 训练改在周三。",
            "联系人：王老师，电话：1234567。",
            "参加人员须年满五十五周岁。",
            "  缩进的一行也照原样读。",
        ]
    ),
    min_size=1,
    max_size=5,
)
MESSAGES = st.lists(
    st.tuples(
        st.sampled_from([DRUMS, HAIRCUT, "关于开展书画展的通知", "转发：关于缴纳党费的通知", ""]),
        SENTENCES,
        st.sampled_from(["utf-8", "gbk"]),
        st.sampled_from([None, "base64", "quoted-printable", "8bit"]),
        st.booleans(),
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(drawn=MESSAGES)
def test_every_message_reads_as_the_same_mail_saved_alone(tmp_path: Path, drawn: list) -> None:
    """Property: 1–4 messages of any subject (none too), body sentences, charset, transfer encoding, plain
    or HTML, written by Python's `mailbox.mbox`: each member's text is exactly the text of that message
    saved alone as .eml — its body sentences all there, once, in order."""
    messages = [
        mail(subject, "各党支部：\n" + "\n".join(lines), charset=charset, cte=cte, html=html)
        for subject, lines, charset, cte, html in drawn
    ]
    for message in messages:
        if not message["Subject"]:
            del message["Subject"]
    path = written(tmp_path, messages, name=f"p{abs(hash(str(drawn)))}.mbox")
    with open_archive(path.name, path.read_bytes()) as archive:
        read = [m for m in archive.members if m.passed_over is None]
        for member in read:
            text = archive.read(member).text
            alone = read_bytes(member.shown, messages[member.position].as_bytes(policy=email.policy.default))
            assert text == alone.text
            _, lines, *_ = drawn[member.position]
            flat = "".join(text.split())
            at = 0
            for line in dict.fromkeys(lines):  # each sentence there, in order
                found = flat.find("".join(line.split()), at)
                assert found >= at
                at = found
    assert len(read) == len({m["Message-ID"] for m in messages})
