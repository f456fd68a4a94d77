"""An e-mail saved whole (.eml) reads as the notice it carries, its attachments after it.

Notices reach the bureau by e-mail; staff save the message as it came (「另存为」 .eml in Foxmail, Outlook,
Thunderbird or a web mail) rather than copy its text. Such a file is MIME: a header whose names and subject
are encoded words (``=?gb2312?B?…?=``), a body in GB2312 and quoted-printable, as plain text and as HTML,
and attachments in base64 whose names are encoded words too. The nineteenth blind set's
春季义务植树活动通知.eml was refused as 「不支持的文件类型」. Now the message is read as the same message saved
as text (corpus/mail.py ``read_eml``, then the saved-mail rules: the subject is the title, the day it was
sent the date when the notice names none), and each attachment speechqa reads follows under
「附件：name」 (corpus/reader.py), in the blocks and in the reference text ``add --check`` compares with.

Files made by real producers: the standard library's email package laid out as Foxmail writes a message,
python-docx for the attachment (tests/fixtures/corpus_writers.mail_message, write_docx).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import chunk_speech, parse_document, read_document
from corpus.conservation import check_conservation
from corpus.errors import UnreadableFile
from tests.fixtures.corpus_writers import mail_message, write_docx

LINES = [
    "各区老干部局，市直各单位老干部工作部门：",
    "",
    "市委老干部局定于2026年10月20日上午在市体育中心举办离退休干部门球友谊赛，现将有关事项通知如下：",
    "",
    "一、参赛办法",
    "每个单位组队一支，每队报队员5名、替补1名，队员年龄不限。",
    "",
    "二、报名时间",
    "请于10月10日前将报名表发送到本邮箱，逾期不再受理。",
    "",
    "中共岑川市委老干部局",
    "2026年9月28日",
]
SCHEDULE = [
    ("title", "门球友谊赛赛程安排"),
    ("table", [["场次", "时间", "场地"], ["第一轮", "8时30分", "一号场"], ["第二轮", "9时40分", "二号场"]]),
    ("body", "比赛采用单循环制，每场比赛30分钟。"),
]
SENDER = "岑川市委老干部局文体处 <wtc@cclgj.gov.cn>"
TO = "各单位联络员 <lly@cclgj.gov.cn>"
SUBJECT = "关于举办离退休干部门球友谊赛的通知"


def _message(tmp_path: Path, lines: list[str] = LINES, attachments=None) -> Path:  # type: ignore[no-untyped-def]
    if attachments is None:
        schedule = tmp_path / "schedule.docx"
        write_docx(SCHEDULE, schedule, author="岑川市委老干部局")
        attachments = [("门球友谊赛赛程安排.docx", schedule.read_bytes())]
    path = tmp_path / "门球赛通知.eml"
    mail_message(
        lines,
        path,
        sender=SENDER,
        to=TO,
        subject=SUBJECT,
        date="Mon, 28 Sep 2026 09:15:42 +0800",
        attachments=attachments,
    )
    return path


def test_a_saved_message_reads_as_its_notice_with_its_attachment_after_it(tmp_path: Path) -> None:
    document = read_document(_message(tmp_path))
    [speech] = parse_document(document)
    assert (speech.title, speech.date, speech.issuer) == (SUBJECT, "2026-09-28", "中共岑川市委老干部局")
    texts = [(p.section, p.text) for p in speech.paragraphs]
    assert ("二、报名时间", "请于10月10日前将报名表发送到本邮箱，逾期不再受理。") in texts
    rows = [text for section, text in texts if (section or "").startswith("附件 门球友谊赛赛程安排")]
    assert rows[:2] == [
        "场次：第一轮；时间：8时30分；场地：一号场",
        "场次：第二轮；时间：9时40分；场地：二号场",
    ]
    assert "比赛采用单循环制，每场比赛30分钟。" in rows[-1]
    # nothing of the mail program's is text: no header line, no address, no encoded word
    assert not any(mark in document.text for mark in ("发件人", "@", "=?", "收件人"))
    assert check_conservation(document, [p.text for p in chunk_speech(speech)]).ok


def test_the_sending_day_dates_a_notice_that_names_none(tmp_path: Path) -> None:
    undated = [line for line in LINES if not line.startswith("2026年9月")]
    [speech] = parse_document(read_document(_message(tmp_path, undated, attachments=[])))
    assert speech.date == "2026-09-28"


def test_an_attachment_that_cannot_be_read_is_named_and_the_notice_read(tmp_path: Path) -> None:
    broken = [
        ("门球友谊赛赛程安排.docx", b"PK\x03\x04 not a real package"),
        ("签名.png", b"\x89PNG\r\n\x1a\n"),
    ]
    document = read_document(_message(tmp_path, attachments=broken))
    [speech] = parse_document(document)
    assert speech.title == SUBJECT
    assert any("门球友谊赛赛程安排.docx" in note for note in document.notes)
    assert "逾期不再受理" in document.text


def test_a_message_with_an_html_body_only_reads_its_notice(tmp_path: Path) -> None:
    import email
    import email.policy

    path = _message(tmp_path, attachments=[])
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.compat32)
    [alternative] = message.get_payload()
    alternative.set_payload([alternative.get_payload()[1]])  # the HTML part alone, as web mails send it
    html_only = tmp_path / "html-only.eml"
    html_only.write_bytes(message.as_bytes())
    document = read_document(html_only)
    [speech] = parse_document(document)
    assert speech.title == SUBJECT
    texts = [(p.section, p.text) for p in speech.paragraphs]
    assert ("一、参赛办法", "每个单位组队一支，每队报队员5名、替补1名，队员年龄不限。") in texts
    assert check_conservation(document, [p.text for p in chunk_speech(speech)]).ok


def test_a_file_that_is_no_message_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "notes.eml"
    path.write_bytes("这不是邮件，只是一段文字。\n".encode())
    with pytest.raises(UnreadableFile) as refused:
        read_document(path)
    assert "\n" not in str(refused.value) and "notes.eml" in str(refused.value)


def test_a_cover_note_with_the_notice_attached_reads_the_notice_under_its_own_title(tmp_path: Path) -> None:
    notice = tmp_path / "notice.docx"
    write_docx(
        [
            ("title", "关于举办离退休干部书法班的通知"),
            ("body", "书法班定于2026年3月5日开课，每周二上午上课，学费全免。"),
            ("right", "中共岑川市委老干部局"),
            ("right", "2026年2月20日"),
        ],
        notice,
        author="岑川市委老干部局",
    )
    path = _message(
        tmp_path,
        ["各位联络员：", "书法班通知见附件，请转告本单位老同志。"],
        [("书法班通知.docx", notice.read_bytes())],
    )
    document = read_document(path)
    [speech] = parse_document(document)
    assert (speech.date, speech.issuer) == ("2026-02-20", "中共岑川市委老干部局")
    texts = [(p.section, p.text) for p in speech.paragraphs]
    assert (
        "附件：书法班通知 › 关于举办离退休干部书法班的通知",
        "书法班定于2026年3月5日开课，每周二上午上课，学费全免。",
    ) in texts
    assert any("请转告本单位老同志" in text for _, text in texts)
    assert check_conservation(document, [p.text for p in chunk_speech(speech)]).ok


def test_a_message_forwarded_as_an_attachment_reads_the_forwarded_notice(tmp_path: Path) -> None:
    # Thunderbird's and Outlook's 「以附件形式转发」: the original message inside as message/rfc822; its
    # notice was dropped (only the cover note was read)
    import email
    import email.policy
    from email.mime.message import MIMEMessage
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    inner = email.message_from_bytes(
        _message(tmp_path, attachments=[]).read_bytes(), policy=email.policy.compat32
    )
    outer = MIMEMultipart()
    outer["From"] = "办公室 <office@cclgj.gov.cn>"
    outer["Subject"] = "Fwd: " + SUBJECT
    outer["Date"] = "Tue, 29 Sep 2026 10:00:00 +0800"
    outer.attach(MIMEText("请查收转发的通知，按要求报名。", "plain", "utf-8"))
    outer.attach(MIMEMessage(inner))
    path = tmp_path / "forwarded.eml"
    path.write_bytes(outer.as_bytes())
    document = read_document(path)
    [speech] = parse_document(document)
    texts = [p.text for p in speech.paragraphs]
    assert any("请查收转发的通知" in text for text in texts)
    assert any("请于10月10日前将报名表发送到本邮箱，逾期不再受理。" in text for text in texts)
    assert speech.issuer == "中共岑川市委老干部局"
    assert not any(mark in document.text for mark in ("发件人", "@", "=?"))
    assert check_conservation(document, [p.text for p in chunk_speech(speech)]).ok


def test_an_attachment_of_a_format_not_read_is_named_in_a_note(tmp_path: Path) -> None:
    # a drawing or an archive attached to a notice was passed over without a word
    import io
    import zipfile

    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as packed:
        packed.writestr("活动照片说明.txt", "十月门球赛现场照片。")
    attachments = [
        ("流程图.vsdx", b"PK\x03\x04 a Visio drawing"),
        ("照片.zip", archive.getvalue()),
        ("照片.rar", b"Rar!\x1a\x07\x00 an archive"),
        ("logo.gif", b"GIF89a" + bytes(20)),
    ]
    document = read_document(_message(tmp_path, attachments=attachments))
    assert "逾期不再受理" in document.text
    assert any("流程图.vsdx" in note and "不支持" in note for note in document.notes)
    # a .zip is opened as `add` opens one (tests/test_corpus_mail_archives.py); a .rar is named
    assert "十月门球赛现场照片。" in document.text
    assert any("照片.rar" in note and "解压" in note for note in document.notes)
    assert not any("logo.gif" in note for note in document.notes)
