"""A notice that came by e-mail and was saved as text reads as the notice: the mail program's header
lines and quote marks are not part of it, the subject is its title (corpus.mail).

Real files: the lines a mail program saves for a forwarded message (`forwarded_mail`), written with CRLF
line ends in GB2312 / UTF-8 by the shared corpus writers, read and parsed as `speechqa add` does."""

from __future__ import annotations

import re
from pathlib import Path

from corpus import parse_document, read_document
from corpus.mail import is_mail, mail_text
from tests.fixtures.corpus_writers import forwarded_mail, write_crlf_text

NOTICE = [
    "各离退休干部党支部：",
    "",
    "　　为丰富老同志精神文化生活，市委老干部局定于5月20日举办离退休干部象棋比赛。现将有关事项通知如下：",
    "　　一、参赛对象。身体健康、爱好象棋的离退休干部，每个支部限报3人。",
    "　　二、比赛地点。市老干部活动中心三楼棋牌室，比赛当天上午8:30报到。",
    "　　三、报名时间。请于5月10日前将报名表报局文体科。",
    "",
    "　　　　　　　　　　　　　　　　　　市委老干部局办公室",
    "　　　　　　　　　　　　　　　　　　　　2026年4月28日",
]
SENTENCES = [
    "为丰富老同志精神文化生活，市委老干部局定于5月20日举办离退休干部象棋比赛。",
    "一、参赛对象。身体健康、爱好象棋的离退休干部，每个支部限报3人。",
    "二、比赛地点。市老干部活动中心三楼棋牌室，比赛当天上午8:30报到。",
    "三、报名时间。请于5月10日前将报名表报局文体科。",
]
HEADER_ZH = [
    ("发件人", "市委老干部局办公室 <bgs@example.gov.cn>"),
    ("发送时间", "2026年4月28日 10:05"),
    ("收件人", "各离退休干部党支部"),
    ("抄送", "文体科"),
    ("主题", "关于举办离退休干部象棋比赛的通知"),
]
NOTE = ["各位支部书记：", "", "    转发象棋比赛通知，请大家积极报名。"]


def _read(tmp_path: Path, lines: list[str], encoding: str) -> list:
    path = tmp_path / "转发通知.txt"
    write_crlf_text(lines, path, encoding)
    return parse_document(read_document(path))


def _body(speech) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(p.text for p in speech.paragraphs)


def test_a_forwarded_notice_reads_as_the_notice_under_its_subject(tmp_path: Path) -> None:
    (speech,) = _read(tmp_path, forwarded_mail(NOTE, HEADER_ZH, NOTICE), "gb2312")
    assert speech.title == "关于举办离退休干部象棋比赛的通知"
    assert speech.date == "2026-04-28"
    body = _body(speech)
    assert ">" not in body
    assert not re.search(r"原始邮件|发件人|发送时间|收件人|抄送|主题|bgs@", body)
    assert body.count("转发象棋比赛通知，请大家积极报名。") == 1  # the forwarder's note is kept, once
    at = [body.find(s) for s in SENTENCES]
    assert all(n >= 0 for n in at) and at == sorted(at)  # every sentence of the notice, once, in order
    assert all(body.count(s) == 1 for s in SENTENCES)


def test_a_reply_chain_in_english_headers_and_deeper_quotes_reads_the_same(tmp_path: Path) -> None:
    header = [
        ("From", "Office <bgs@example.gov.cn>"),
        ("Sent", "Tuesday, April 28, 2026 10:05 AM"),
        ("To", "branches"),
        ("Subject", "Fw: 关于举办离退休干部象棋比赛的通知"),
    ]
    lines = forwarded_mail(
        ["收到，已转各位。"], header, NOTICE, separator="-----Original Message-----", quote=">> "
    )
    (speech,) = _read(tmp_path, lines, "utf-8")
    assert speech.title == "关于举办离退休干部象棋比赛的通知"
    body = _body(speech)
    assert ">" not in body and "Subject" not in body and "Original Message" not in body
    assert all(body.count(s) == 1 for s in SENTENCES)


def test_a_notice_with_a_subject_line_of_its_own_is_not_taken_for_a_mail(tmp_path: Path) -> None:
    lines = [
        "关于召开主题教育总结会的通知",
        "",
        "主题：学习贯彻会议精神",
        "时间：2026年5月8日上午9:00",
        "各支部书记参加。",
    ]
    text = "\n".join(lines)
    assert not is_mail(text)
    assert mail_text(text) == text  # left exactly as it is
    (speech,) = _read(tmp_path, lines, "gbk")
    assert "主题：学习贯彻会议精神" in speech.title + _body(speech)


def test_a_notice_telling_what_to_fill_in_a_mail_is_not_taken_for_one(tmp_path: Path) -> None:
    """「发件人：」「主题：」「时间：」 lines a notice asks to fill in hold no date the message was sent on:
    they stay the notice's own lines, and its title stays its own."""
    lines = [
        "关于报送2026年离退休干部活动材料的通知",
        "",
        "各支部：",
        "请将材料以电子邮件报送，邮件中注明：",
        "发件人：支部名称",
        "主题：活动材料",
        "时间：报送日期",
        "收件人：局办公室",
    ]
    text = "\n".join(lines)
    assert not is_mail(text)
    assert mail_text(text) == text
    (speech,) = _read(tmp_path, lines, "utf-8")
    assert speech.title == "关于报送2026年离退休干部活动材料的通知"
    assert "发件人：支部名称" in _body(speech) and "主题：活动材料" in _body(speech)


def test_a_mail_sent_without_a_subject_still_loses_its_header(tmp_path: Path) -> None:
    header = [(key, value) for key, value in HEADER_ZH if key != "主题"]
    lines = forwarded_mail(NOTE, header, NOTICE)
    assert is_mail("\n".join(lines))
    (speech,) = _read(tmp_path, lines, "gb2312")
    body = speech.title + "\n" + _body(speech)
    assert not re.search(r"原始邮件|发件人|发送时间|收件人|抄送|bgs@", body)
    assert all(body.count(s) == 1 for s in SENTENCES)
