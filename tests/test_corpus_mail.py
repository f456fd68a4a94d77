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


def test_the_day_the_mail_was_sent_dates_a_notice_that_names_none(tmp_path: Path) -> None:
    """A notice without its own 落款 date takes the day its message was sent; in a forward chain, the day
    of the earliest message (the one quoted), whatever the mail program wrote it as."""
    undated = NOTICE[:-1]
    for sent_key, sent, day in [
        ("发送时间", "2026年4月28日 10:05", "2026-04-28"),
        ("发件时间", "2026年4月28日(星期二) 上午10:05", "2026-04-28"),
        ("Sent", "Tuesday, April 28, 2026 10:05 AM", "2026-04-28"),
        ("Date", "Tue, 5 May 2026 09:30:00 +0800", "2026-05-05"),
        ("发送时间", "2026/4/9 16:12", "2026-04-09"),
    ]:
        header = [(sent_key, sent) if key == "发送时间" else (key, value) for key, value in HEADER_ZH]
        (speech,) = _read(tmp_path, forwarded_mail(NOTE, header, undated), "utf-8")
        assert speech.date == day
        assert sent not in speech.title + _body(speech)


def test_a_notice_dated_in_its_own_signature_keeps_that_date_over_the_sent_day(tmp_path: Path) -> None:
    header = [(key, "2026年5月6日 08:00" if key == "发送时间" else value) for key, value in HEADER_ZH]
    (speech,) = _read(tmp_path, forwarded_mail(NOTE, header, NOTICE), "gb18030")
    assert speech.date == "2026-04-28"  # the notice's 落款, not the forward's 2026-05-06


def test_a_header_folded_over_several_lines_is_read_whole(tmp_path: Path) -> None:
    """Outlook saves a long 收件人 list or subject folded as RFC 5322 folds it: the rest of the line on the
    next, indented by spaces or a tab. The header is still a header, the subject whole, no piece of it
    left in the notice."""
    for key_subject, key_to, key_sent, key_from in [
        ("主题", "收件人", "发送时间", "发件人"),
        ("Subject", "To", "Sent", "From"),
    ]:
        lines = [
            *NOTE,
            "",
            "-----原始邮件-----",
            f"{key_from}: 市委老干部局办公室 <bgs@example.gov.cn>",
            f"{key_sent}: 2026年4月28日 10:05",
            f"{key_to}: 第一离退休干部党支部 <zb1@example.gov.cn>; 第二离退休干部党支部 <zb2@example.gov.cn>;",
            "\t第三离退休干部党支部 <zb3@example.gov.cn>; 第四离退休干部党支部 <zb4@example.gov.cn>;",
            "    机关离退休干部党支部 <jg@example.gov.cn>",
            f"{key_subject}: 关于举办离退休干部象棋比赛",
            "  的通知",
            "",
            *("> " + line if line else ">" for line in NOTICE[:-1]),
        ]
        text = "\n".join(lines)
        assert is_mail(text)
        (speech,) = _read(tmp_path, lines, "utf-8")
        assert speech.title == "关于举办离退休干部象棋比赛的通知"
        assert speech.date == "2026-04-28"
        body = _body(speech)
        assert not re.search(r"离退休干部党支部 <|@example|^的通知|第三离退休|机关离退休", body)
        assert all(body.count(s) == 1 for s in SENTENCES)


def test_a_folded_english_subject_is_unfolded_with_a_space() -> None:
    lines = [
        "From: Office <bgs@example.gov.cn>",
        "Sent: Tuesday, April 28, 2026 10:05 AM",
        "To: branches",
        "Subject: Fw: Notice of the chess",
        "\tcontest for retired cadres",
        "",
        "各支部：",
        "    请积极报名。",
    ]
    assert mail_text("\n".join(lines)).splitlines()[0] == "Notice of the chess contest for retired cadres"


def test_an_indented_first_paragraph_right_under_the_header_stays_the_notice(tmp_path: Path) -> None:
    """A body line indented by spaces under the header with no blank line between is no folded header
    line when it reads as a body's (it ends a sentence, or it is a salutation)."""
    lines = [
        "发件人: 市委老干部局办公室",
        "发送时间: 2026年4月28日 10:05",
        "收件人: 各离退休干部党支部",
        "主题: 关于举办离退休干部象棋比赛的通知",
        "    各离退休干部党支部：",
        *NOTICE[2:],
    ]
    (speech,) = _read(tmp_path, lines, "utf-8")
    assert speech.title == "关于举办离退休干部象棋比赛的通知"
    assert all(_body(speech).count(s) == 1 for s in SENTENCES)


def test_a_mail_without_a_subject_is_not_titled_by_its_salutation(tmp_path: Path) -> None:
    """With no 主题, the title is not 「各位支部书记：」 (a salutation addresses, it names nothing): the file's
    name, as for any text without a title; the salutation is no passage either."""
    header = [(key, value) for key, value in HEADER_ZH if key != "主题"]
    (speech,) = _read(tmp_path, forwarded_mail(NOTE, header, NOTICE), "gb2312")
    assert speech.title == "转发通知"
    assert "各位支部书记：" not in _body(speech)


def test_a_text_opening_with_a_salutation_is_titled_by_its_file_name(tmp_path: Path) -> None:
    (speech,) = _read(tmp_path, ["各单位：", "", *NOTICE[2:]], "utf-8")
    assert speech.title == "转发通知"
    assert speech.addressee == "各单位"
    assert speech.date == "2026-04-28"
    assert all(_body(speech).count(s) == 1 for s in SENTENCES)
