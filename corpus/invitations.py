"""A meeting invitation's event (iCalendar, RFC 5545: the ``text/calendar`` part Outlook, Foxmail, a web
mail's calendar or 腾讯会议 puts in the e-mail it sends, or an attached ``.ics``), read as the lines a mail
program shows above the invitation: what the meeting is, when, where, who called it, and its notes.

An invitation's body often says no more than 「会议时间和地点见会议邀请」: the time, the place, the chair and an
online meeting's number are only in the event. Before, the calendar part was passed over and all of that was
lost. Read: each VEVENT's SUMMARY (会议), DTSTART–DTEND (时间: a local time as written, with or without its
TZID — a UTC time, 「…Z」, is shown in China's time, UTC+8, where every document speechqa reads is dated —,
a day alone for an all-day event), LOCATION (地点), ORGANIZER's name (组织者) and DESCRIPTION (说明, a line a
line); a cancelled event (METHOD:CANCEL or STATUS:CANCELLED) says so. Lines are unfolded (a line break followed
by a space or tab continues the line) and text unescaped (「\\n」「\\,」「\\;」「\\\\」).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["INVITATION_LABEL", "Event", "invitation_lines", "read_events"]

# the heading an invitation is read under, after the mail's own text (the parser reads its 落款 above it)
INVITATION_LABEL = "会议邀请"
_CHINA = dt.timezone(dt.timedelta(hours=8))
_STAMP = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z)?)?$")


@dataclass(frozen=True)
class Event:
    """An event of an invitation: its summary, its start and end as shown (「2033年3月18日 9:30」, "" when
    absent), location, organizer's name, description lines, and whether it was cancelled."""

    summary: str
    start: str
    end: str
    location: str
    organizer: str
    description: tuple[str, ...]
    cancelled: bool


def _unfolded(text: str) -> list[str]:
    return re.sub(r"\r?\n[ \t]", "", text.replace("\r\n", "\n")).split("\n")


def _split(line: str) -> tuple[str, dict[str, str], str]:
    """A content line's name, parameters and value (a colon inside a quoted parameter is not the value's)."""
    quoted = False
    for i, character in enumerate(line):
        if character == '"':
            quoted = not quoted
        elif character == ":" and not quoted:
            head, value = line[:i], line[i + 1 :]
            break
    else:
        return "", {}, ""
    name, *params = head.split(";")
    parameters = {}
    for param in params:
        key, _, raw = param.partition("=")
        parameters[key.strip().upper()] = raw.strip().strip('"')
    return name.strip().upper(), parameters, value


def _unescaped(value: str) -> str:
    return re.sub(r"\\([nN\\,;])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _moment(value: str) -> tuple[dt.date, dt.time | None] | None:
    """A DATE or DATE-TIME value: its day and its time of day (None for a day alone), a UTC time in China's."""
    match = _STAMP.match(value.strip())
    if match is None:
        return None
    year, month, day, hour, minute, second, utc = match.groups()
    try:
        if hour is None:
            return dt.date(int(year), int(month), int(day)), None
        moment = dt.datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
    except ValueError:
        return None
    if utc:
        moment = moment.replace(tzinfo=dt.UTC).astimezone(_CHINA).replace(tzinfo=None)
    return moment.date(), moment.time()


def _day(date: dt.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


def _clock(time: dt.time) -> str:
    return f"{time.hour}:{time.minute:02d}"


def _span(start: str, end: str) -> tuple[str, str]:
    """The start and end as shown: 「2033年3月18日 9:30」 and 「11:30」 on the same day, the end's day too
    otherwise; an all-day event's days (its DTEND is the day after its last)."""
    first, last = _moment(start), _moment(end)
    if first is None:
        return start.strip(), end.strip()
    day, time = first
    shown = _day(day) + (f" {_clock(time)}" if time else "")
    if last is None:
        return shown, ""
    end_day, end_time = last
    if time is None and end_time is None:
        final = end_day - dt.timedelta(days=1)
        return shown, _day(final) if final > day else ""
    if end_time is not None and end_day == day:
        return shown, _clock(end_time)
    return shown, _day(end_day) + (f" {_clock(end_time)}" if end_time else "")


def read_events(text: str) -> list[Event]:
    """The events of an iCalendar object (its VEVENTs, in order; alarms and time zones passed over)."""
    method = ""
    events: list[Event] = []
    fields: dict[str, tuple[dict[str, str], str]] | None = None
    depth: list[str] = []
    for line in _unfolded(text):
        name, parameters, value = _split(line)
        if name == "BEGIN":
            depth.append(value.strip().upper())
            if depth[-1] == "VEVENT":
                fields = {}
            continue
        if name == "END":
            closed = depth.pop() if depth else ""
            if closed == "VEVENT" and fields is not None:
                events.append(_event(fields, method))
                fields = None
            continue
        if name == "METHOD" and depth == ["VCALENDAR"]:
            method = value.strip().upper()
        elif fields is not None and depth and depth[-1] == "VEVENT" and name not in fields:
            fields[name] = (parameters, value)
    return events


def _event(fields: dict[str, tuple[dict[str, str], str]], method: str) -> Event:
    def text(name: str) -> str:
        return _unescaped(fields[name][1]).strip() if name in fields else ""

    start, end = _span(fields.get("DTSTART", ({}, ""))[1], fields.get("DTEND", ({}, ""))[1])
    organizer = ""
    if "ORGANIZER" in fields:
        parameters, address = fields["ORGANIZER"]
        organizer = parameters.get("CN", "") or re.sub(r"^mailto:", "", address.strip(), flags=re.IGNORECASE)
    description = tuple(line.strip() for line in text("DESCRIPTION").split("\n") if line.strip())
    cancelled = method == "CANCEL" or text("STATUS").upper() == "CANCELLED"
    return Event(text("SUMMARY"), start, end, text("LOCATION"), organizer, description, cancelled)


def invitation_lines(text: str) -> list[str]:
    """An iCalendar object's events as the lines shown for them (「会议：…」「时间：…至…」「地点：…」
    「组织者：…」, then the description's lines); [] when it holds no event."""
    out: list[str] = []
    for event in read_events(text):
        if event.cancelled:
            out.append("状态：会议已取消")
        if event.summary:
            out.append(f"会议：{event.summary}")
        if event.start:
            out.append(f"时间：{event.start}" + (f"至{event.end}" if event.end else ""))
        if event.location:
            out.append(f"地点：{event.location}")
        if event.organizer:
            out.append(f"组织者：{event.organizer}")
        out.extend(event.description)
    return out
