"""Meeting invitations in e-mails (corpus.invitations through corpus.mail): messages built by Python's email
package as Outlook sends an invitation — a text/plain body beside a ``text/calendar; method=REQUEST`` part, or
an ``.ics`` attached — whose time, place, organizer and notes are only in the event."""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes
from corpus.invitations import INVITATION_LABEL, invitation_lines, read_events

BODY = (
    "各位老同志：\n"
    "县委老干部局定于近期召开候鸟式养老服务座谈会，听取老同志意见建议，会议时间和地点见会议邀请。\n"
    "请于3月14日前回复是否参加。\n"
    "中共岫宁县委老干部局\n"
    "2033年3月9日\n"
)


def _fold(line: str) -> str:
    """RFC 5545 folding: lines of at most 75 octets, a UTF-8 character never split."""
    out, current = [], ""
    for character in line:
        if len((current + character).encode("utf-8")) > (75 if not out else 74):
            out.append(current)
            current = ""
        current += character
    return "\r\n ".join([*out, current])


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _calendar(
    summary: str, location: str, description: str, start: str, end: str, method: str = "REQUEST"
) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        f"METHOD:{method}",
        "PRODID:Microsoft Exchange Server 2016",
        "VERSION:2.0",
        "BEGIN:VTIMEZONE",
        "TZID:China Standard Time",
        "BEGIN:STANDARD",
        "DTSTART:16010101T000000",
        "TZOFFSETFROM:+0800",
        "TZOFFSETTO:+0800",
        "END:STANDARD",
        "END:VTIMEZONE",
        "BEGIN:VEVENT",
        'ORGANIZER;CN="离退休干部科 钟雅琳":mailto:ltxk@xiuning.example.cn',
        f"DESCRIPTION;LANGUAGE=zh-CN:{_escape(description)}",
        f"SUMMARY;LANGUAGE=zh-CN:{_escape(summary)}",
        start,
        end,
        f"LOCATION;LANGUAGE=zh-CN:{_escape(location)}",
        "BEGIN:VALARM",
        "DESCRIPTION:REMINDER",
        "TRIGGER;RELATED=START:-PT15M",
        "ACTION:DISPLAY",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def _message(calendar: str, *, attached: bool = False) -> bytes:
    message = EmailMessage()
    message["From"] = "离退休干部科 钟雅琳 <ltxk@xiuning.example.cn>"
    message["To"] = "参会人员 <zuotan@xiuning.example.cn>"
    message["Subject"] = "关于召开候鸟式养老服务座谈会的邀请"
    message["Date"] = "Wed, 09 Mar 2033 10:15:00 +0800"
    message.set_content(BODY, charset="utf-8", cte="base64")
    if attached:
        message.add_attachment(
            calendar.encode("utf-8"), maintype="text", subtype="calendar", filename="invite.ics"
        )
    else:
        message.add_alternative(
            calendar.encode("utf-8"),
            maintype="text",
            subtype="calendar",
            params={"method": "REQUEST"},
            cte="base64",
        )
    return bytes(message)


TZ_START = "DTSTART;TZID=China Standard Time:20330318T093000"
TZ_END = "DTEND;TZID=China Standard Time:20330318T113000"


def test_an_outlook_invitation_reads_its_time_place_and_notes_after_the_notice() -> None:
    calendar = _calendar(
        "候鸟式养老服务座谈会",
        "县老干部活动中心二楼第一会议室（文昌路18号）",
        "会议由副局长邵立群主持。\n线上参加请用腾讯会议，会议号：816 203 318。",
        TZ_START,
        TZ_END,
    )
    for attached in (False, True):
        (speech,) = parse_document(read_bytes("邀请.eml", _message(calendar, attached=attached)))
        # the notice ends at its own 落款: issuer and date read (main: the event was passed over entirely)
        assert speech.issuer == "中共岫宁县委老干部局"
        assert speech.date == "2033-03-09"
        under = [p.text for p in speech.paragraphs if (p.section or "").startswith(INVITATION_LABEL)]
        assert under == [
            "会议：候鸟式养老服务座谈会",
            "时间：2033年3月18日9:30至11:30",
            "地点：县老干部活动中心二楼第一会议室（文昌路18号）",
            "组织者：离退休干部科钟雅琳",
            "会议由副局长邵立群主持。",
            "线上参加请用腾讯会议，会议号：816 203 318。",
        ]


def test_a_utc_time_is_shown_in_china_time_and_a_cancellation_says_so() -> None:
    calendar = _calendar(
        "座谈会", "会议室", "", "DTSTART:20330318T013000Z", "DTEND:20330318T033000Z", "CANCEL"
    )
    assert invitation_lines(calendar) == [
        "状态：会议已取消",
        "会议：座谈会",
        "时间：2033年3月18日 9:30至11:30",
        "地点：会议室",
        "组织者：离退休干部科 钟雅琳",
    ]


def test_an_all_day_event_of_two_days_shows_its_days() -> None:
    calendar = _calendar("培训", "党校", "", "DTSTART;VALUE=DATE:20330318", "DTEND;VALUE=DATE:20330320")
    assert invitation_lines(calendar)[1] == "时间：2033年3月18日至2033年3月19日"


def test_a_calendar_without_an_event_adds_nothing() -> None:
    assert invitation_lines("BEGIN:VCALENDAR\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n") == []


_TEXT = st.text(
    alphabet="会议座谈候鸟养老服务中心二楼第一室，；、\\:：,;（）0123456789 ab", min_size=1, max_size=60
).filter(lambda t: t.strip() == t and t)


@settings(max_examples=80, deadline=None)
@given(
    summary=_TEXT,
    location=_TEXT,
    notes=st.lists(_TEXT, min_size=0, max_size=4),
    start=st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2040, 1, 1)),
    minutes=st.integers(15, 600),
)
def test_any_folded_escaped_event_reads_back_its_text_once(
    summary: str, location: str, notes: list[str], start: dt.datetime, minutes: int
) -> None:
    """Any summary, place and notes with commas, semicolons, colons and backslashes, folded at 75 octets,
    any start and length: each field reads back exactly as written, the start at its minute."""
    start = start.replace(second=0, microsecond=0)
    end = start + dt.timedelta(minutes=minutes)
    calendar = _calendar(
        summary,
        location,
        "\n".join(notes),
        f"DTSTART;TZID=China Standard Time:{start:%Y%m%dT%H%M%S}",
        f"DTEND;TZID=China Standard Time:{end:%Y%m%dT%H%M%S}",
    )
    (event,) = read_events(calendar)
    assert (event.summary, event.location, event.description) == (summary, location, tuple(notes))
    assert event.start == f"{start.year}年{start.month}月{start.day}日 {start.hour}:{start.minute:02d}"
    assert event.end.endswith(f"{end.hour}:{end.minute:02d}")


_SENTENCES = (
    "县委老干部局定于近期召开候鸟式养老服务座谈会，听取老同志意见建议。",
    "座谈内容：一是介绍异地旅居养老协作机制；二是通报异地就医直接结算的办理流程。",
    "请于3月14日前回复是否参加，不能到会的老同志可书面提交意见。",
    "参会的老同志请携带老干部服务证。",
    "县老干部活动中心门前停车位有限，请尽量乘坐公交车。",
    "会后组织参观县老年大学书画作品展。",
)
_NOTES = ("会议由副局长邵立群主持。", "线上参加请用腾讯会议，会议号：816 203 318。", "请提前十分钟签到。")


def _outlook(body: str, description: str) -> bytes:
    """An invitation as Outlook and Exchange send it: the mail's text, and the same text again as the
    event's DESCRIPTION, with what the sender added in the meeting window after it."""
    message = EmailMessage()
    message["From"] = "离退休干部科 钟雅琳 <ltxk@xiuning.example.cn>"
    message["To"] = "参会人员 <zuotan@xiuning.example.cn>"
    message["Subject"] = "关于召开候鸟式养老服务座谈会的邀请"
    message["Date"] = "Wed, 09 Mar 2033 10:15:00 +0800"
    message.set_content(body, charset="utf-8", cte="base64")
    calendar = _calendar("候鸟式养老服务座谈会", "县老干部活动中心", description, TZ_START, TZ_END)
    message.add_alternative(
        calendar.encode("utf-8"), maintype="text", subtype="calendar", params={"method": "REQUEST"}
    )
    return bytes(message)


@settings(max_examples=25, deadline=None)
@given(
    sentences=st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=4, unique=True),
    notes=st.lists(st.sampled_from(_NOTES), max_size=2, unique=True),
)
def test_a_body_outlook_repeats_in_the_event_is_read_once(sentences: list[str], notes: list[str]) -> None:
    """Any body (greeting, one to four sentences, 落款) that the event's DESCRIPTION repeats, with or without
    notes of its own after it: every body sentence is read once, in the notice, the notice ends at its own
    落款, and only the event's own lines and notes are read under 「会议邀请」 (merge62: the whole notice
    again, with its 落款, under 「会议邀请」)."""
    body = "\n".join(["各位老同志：", *sentences, "中共岫宁县委老干部局", "2033年3月9日"]) + "\n"
    (speech,) = parse_document(read_bytes("邀请.eml", _outlook(body, body + "\n".join(notes))))
    text = "".join(p.text for p in speech.paragraphs)
    assert all(text.count(sentence) == 1 for sentence in sentences)
    assert (speech.issuer, speech.date) == ("中共岫宁县委老干部局", "2033-03-09")
    under = [p.text for p in speech.paragraphs if (p.section or "").startswith(INVITATION_LABEL)]
    assert under[:4] == [
        "会议：候鸟式养老服务座谈会",
        "时间：2033年3月18日9:30至11:30",
        "地点：县老干部活动中心",
        "组织者：离退休干部科钟雅琳",
    ]
    assert "".join(under[4:]) == "".join(notes)  # how the notes are split is the paragraph rules'
