"""Restrict a search to some speeches: by speaker, by date, by speech id — given, or read from the question.

A `Filters` value says which speeches a question may be answered from. The retriever turns it into the
set of allowed passage ids and restricts *both* candidate lists to it before fusion, so a filtered
question still gets k results when k passages pass the filter.

`detect_filters` reads a filter out of the question itself: a speaker the library knows
(「沈伟同志讲话中关于老年大学的内容」), a year (「2024年…」), a month or day, or a range
(「2023年至2024年」「2024年3月到6月」「2022年以来」), or a list of dates (「2023年和2024年」: the range
holding them). What counts as known comes from the library's own speech metadata (`Facets`): a year
no speech is dated in, or a name no speech has as its speaker, is just a word of the question — unless
the question names it as whose or when the speech was (「王建国同志的讲话」「2019年的讲话」
「2019年全市老干部工作会议上」): then it is a filter that allows nothing, and the user is told so above the
unfiltered results.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from corpus import is_person_name, numeral_value, to_simplified
from index import SpeechRecord

from .errors import QueryError

__all__ = [
    "DateRange",
    "Facets",
    "FilterReport",
    "Filters",
    "InvalidFilter",
    "asked_period",
    "detect_filters",
    "named_years",
    "parse_date_bound",
    "speech_matches",
    "year_period",
    "years_written",
]


class InvalidFilter(QueryError):
    """A filter value that cannot be used (e.g. a malformed date). The message is for end users."""


@dataclass(frozen=True)
class Filters:
    """Which speeches a question may be answered from; an empty value (all fields unset) allows all.

    Fields combine with AND; several speakers or several speech ids combine with OR.
    `since` and `until` are inclusive ISO dates (YYYY-MM-DD). A speech without a date passes a date
    filter only with `include_undated` (dates read from a question set it; given dates do not), or with
    `undated_if_named` when its title or a heading names a date in the range (a question that names the
    date as when the speech was given: 「2025年的讲话」); a speech dated only to the year or month passes
    when that period overlaps the range.
    """

    speakers: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    speeches: tuple[int, ...] = ()
    include_undated: bool = (
        False  # undated speeches pass the date filter (set for dates read from a question)
    )
    undated_if_named: bool = False  # those of them that name a date in the range in a title or heading

    def __bool__(self) -> bool:
        return bool(self.speakers or self.since or self.until or self.speeches)

    def fill(self, other: Filters) -> Filters:
        """This filter, with the fields it leaves unset taken from `other` (dates count as one field)."""
        dated = bool(self.since or self.until)
        return Filters(
            speakers=self.speakers or other.speakers,
            since=self.since if dated else other.since,
            until=self.until if dated else other.until,
            speeches=self.speeches or other.speeches,
            include_undated=self.include_undated if dated else other.include_undated,
            undated_if_named=self.undated_if_named if dated else other.undated_if_named,
        )

    def within(self, other: Filters) -> bool:
        """Whether `other` restricts to everything this filter names: its speakers and speeches among
        other's, and its dates (when it has any) the same. A question's 「沈伟」 is within --speaker 沈伟."""
        dated = bool(self.since or self.until)
        return (
            set(self.speakers) <= set(other.speakers)
            and set(self.speeches) <= set(other.speeches)
            and (not dated or (self.since, self.until) == (other.since, other.until))
        )

    def minus(self, other: Filters) -> Filters:
        """The fields of this filter that `other` does not set (what `fill` took from `other`)."""
        dated = bool(other.since or other.until)
        return Filters(
            speakers=() if other.speakers else self.speakers,
            since=None if dated else self.since,
            until=None if dated else self.until,
            speeches=() if other.speeches else self.speeches,
            include_undated=False if dated else self.include_undated,
            undated_if_named=False if dated else self.undated_if_named,
        )

    def describe(self, titles: Mapping[int, str] | None = None) -> str:
        """A short Chinese label, e.g. 「沈伟 · 2024 年」 or 「2024-03-01 至 2024-06-30 · 讲话 #5」; with the
        speeches' `titles`, 「讲话 #5《在全市老干部工作会议上的讲话》」."""
        parts = []
        if self.speakers:
            parts.append("、".join(self.speakers))
        if self.since or self.until:
            parts.append(_describe_dates(self.since, self.until))
        if self.speeches:
            named = titles or {}
            parts.append(
                "讲话 " + "、".join(f"#{s}《{named[s]}》" if named.get(s) else f"#{s}" for s in self.speeches)
            )
        return " · ".join(parts)

    def to_json(self) -> dict[str, object]:
        return {
            "speakers": list(self.speakers),
            "since": self.since,
            "until": self.until,
            "speeches": list(self.speeches),
            "include_undated": self.include_undated,
            "undated_if_named": self.undated_if_named,
        }


@dataclass(frozen=True)
class Undated:
    """The speeches with no date on record that a date filter met (those the other filters let through):
    how many it kept and how many it left out (`FilterReport.undated`)."""

    kept: int = 0
    left_out: int = 0


def undated_speeches(
    speeches: Iterable[SpeechRecord], filters: Filters, named: Mapping[int, Sequence[DateRange]]
) -> Undated:
    """How many of the speeches with no date on record `filters` keeps and leaves out by its date (none
    without a date in it). `named`: the years each speech names in its title or headings (`Facets.named`)."""
    if not (filters.since or filters.until):
        return Undated()
    others = replace(filters, since=None, until=None, include_undated=False, undated_if_named=False)
    undated = [s for s in speeches if speech_period(s.date) is None and speech_matches(s, others)]
    kept = sum(speech_matches(s, filters, named.get(s.id, ())) for s in undated)
    return Undated(kept, len(undated) - kept)


@dataclass(frozen=True)
class FilterReport:
    """What filtering did to one search (`Answer.filters`)."""

    applied: Filters  # everything the search was restricted by (given and detected)
    detected: Filters  # the part read from the question; `auto_filter=False` removes it
    passages: int  # how many passages the filter allows
    fallback: bool  # True: the filter allowed nothing, so the results are unfiltered
    titles: tuple[tuple[int, str], ...] = ()  # (id, title) of the speeches a speech filter names
    # read from the question but not applied: with the filters given it allowed nothing, they alone do
    # (--speech 1 「沈伟讲的老年大学」, speech 1 not 沈伟's: the given speech is kept, not everything shown)
    set_aside: Filters = Filters()
    # on a fallback, the library's speakers a given speaker name that has no speech is one character off
    # (「--speaker 周健明」 → 周建明), as the question's own names are corrected
    near_speakers: tuple[str, ...] = ()
    # the speeches with no date on record a date filter kept (a year read from a question: the year may be
    # what a speech is about, not when it was given) or left out (a date given): said, never silent
    undated: Undated = Undated()

    @property
    def label(self) -> str:
        """What the search was restricted to; a speech id no speech has is left out of it when others
        restrict (「讲话 #2 和讲话 #9」: 「讲话 #2《…》」, and `missing_note` says #9 is no speech's)."""
        applied = self.applied
        if not self.fallback and self.missing_speeches:
            applied = replace(
                applied, speeches=tuple(s for s in applied.speeches if s not in self.missing_speeches)
            )
        return applied.describe(dict(self.titles))

    @property
    def missing_speeches(self) -> tuple[int, ...]:
        """The speech ids the filter names that no speech has (「讲话 #9」 of a library without #9)."""
        known = {id_ for id_, _ in self.titles}
        return tuple(s for s in self.applied.speeches if s not in known)

    @property
    def missing_note(self) -> str:
        """「没有编号为 #9 的讲话」 when the filter names a speech id no speech has, or ""."""
        missing = self.missing_speeches
        return "没有编号为 " + "、".join(f"#{s}" for s in missing) + " 的讲话" if missing else ""

    @property
    def fallback_note(self) -> str:
        """Why nothing passed the filter, when it named a speech id no speech has (「没有编号为 #9 的讲话」),
        or ""."""
        return self.missing_note if self.fallback else ""

    @property
    def restricted_note(self) -> str:
        """What follows 「仅限：…」 when the filter applied yet named a speech id no speech has
        (「；没有编号为 #9 的讲话」), or ""."""
        return "；" + self.missing_note if not self.fallback and self.missing_note else ""

    @property
    def undated_note(self) -> str:
        """What follows 「仅限：2026 年」 when the date filter met speeches with no date on record:
        「（另含 2 篇日期不详的讲话）」 when it kept them, 「（不含 2 篇日期不详的讲话）」 when it left them out,
        「（另含 2 篇、不含 2 篇日期不详的讲话）」 when it kept some and left others (a year read from the question
        keeps those whose title names it), or "" (also when nothing passed the filter: the results are
        unfiltered)."""
        if self.fallback:
            return ""
        if self.undated.kept and self.undated.left_out:
            return f"（另含 {self.undated.kept} 篇、不含 {self.undated.left_out} 篇日期不详的讲话）"
        if self.undated.kept:
            return f"（另含 {self.undated.kept} 篇日期不详的讲话）"
        if self.undated.left_out:
            return f"（不含 {self.undated.left_out} 篇日期不详的讲话）"
        return ""

    @property
    def near_note(self) -> str:
        """What the front ends say of `near_speakers` (「（是不是「周建明」？）」), or ""."""
        return (
            "（是不是" + "、".join(f"「{name}」" for name in self.near_speakers) + "？）"
            if self.near_speakers
            else ""
        )

    @property
    def unmatched_note(self) -> str:
        """What every front end says when nothing passed a filter that named no missing speech id:
        「筛选条件「沈玮」下没有任何讲话（是不是「沈伟」？）」 — the typo hint (`near_note`) included."""
        return f"筛选条件「{self.label}」下没有任何讲话{self.near_note}"

    @property
    def set_aside_note(self) -> str:
        """What the front ends say of `set_aside` (「（问题中的「沈伟」在其中没有讲话，未采用）」), or ""."""
        return f"（问题中的「{self.set_aside.describe()}」在其中没有讲话，未采用）" if self.set_aside else ""

    def to_json(self) -> dict[str, object]:
        auto = [
            name
            for name, on in (
                ("speakers", bool(self.detected.speakers)),
                ("dates", bool(self.detected.since or self.detected.until)),
                ("speeches", bool(self.detected.speeches)),
            )
            if on
        ]
        return {
            **self.applied.to_json(),
            "label": self.label,
            "auto": auto,
            "matched_passages": self.passages,
            "fallback": self.fallback,
            "set_aside": self.set_aside.describe() if self.set_aside else None,
            "near_speakers": list(self.near_speakers),
            "missing_speeches": list(self.missing_speeches),
            # speeches with no date on record the date filter kept / left out (0 and 0 without a date filter)
            "undated_kept": 0 if self.fallback else self.undated.kept,
            "undated_left_out": 0 if self.fallback else self.undated.left_out,
        }


def near_speakers(names: Iterable[str], known: Iterable[str]) -> tuple[str, ...]:
    """The known speakers that a name no speech has is one character off from: the same length, one
    character different (周健明 for 周建明), compared in simplified script. A name the library has is not
    mistyped and gets none."""
    known = tuple(dict.fromkeys(known))
    folded = {to_simplified(k): k for k in known}
    out: list[str] = []
    for name in names:
        name = to_simplified(re.sub(r"\s+", "", name))
        if not name or name in folded:
            continue
        out += [
            speaker
            for key, speaker in folded.items()
            if len(key) == len(name) >= 2
            and sum(a != b for a, b in zip(key, name, strict=True)) == 1
            and speaker not in out
        ]
    return tuple(out)


@dataclass(frozen=True)
class DateRange:
    """An inclusive range of days; either end may be open."""

    start: date | None
    end: date | None

    def within(self, other: DateRange) -> bool:
        """Whether every day of this range is in `other` (an open end of `other` holds everything)."""
        return (other.start is None or (self.start is not None and other.start <= self.start)) and (
            other.end is None or (self.end is not None and self.end <= other.end)
        )

    def overlaps(self, other: DateRange) -> bool:
        return (self.end is None or other.start is None or other.start <= self.end) and (
            self.start is None or other.end is None or self.start <= other.end
        )

    def describe(self) -> str:
        """「2025 年」, 「2019 年 3 月」, 「2026 年起」: the range as the front ends name it."""
        return _describe_dates(
            self.start.isoformat() if self.start else None, self.end.isoformat() if self.end else None
        )


def parse_date_bound(text: str, *, end: bool) -> str:
    """A date given as YYYY, YYYY-MM or YYYY-MM-DD (also with / or . or 年月日) as an inclusive ISO day:
    the first day of the period, or its last when `end`. Raises InvalidFilter for anything else."""
    m = re.fullmatch(
        r"\s*(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?)?\s*月?)?\s*年?\s*", text
    )
    if not m:
        raise InvalidFilter(f"日期「{text}」无法识别，请写成 2024-01-31、2024-01 或 2024。")
    try:
        period = _period(int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None)
    except ValueError as e:
        raise InvalidFilter(f"日期「{text}」不存在。") from e
    day = period.end if end else period.start
    assert day is not None
    return day.isoformat()


def _period(year: int, month: int | None = None, day: int | None = None) -> DateRange:
    if month is None:
        return DateRange(date(year, 1, 1), date(year, 12, 31))
    if day is None:
        return DateRange(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))
    return DateRange(date(year, month, day), date(year, month, day))


def speech_period(speech_date: str | None) -> DateRange | None:
    """The days a stored speech date (YYYY, YYYY-MM or YYYY-MM-DD) stands for; None when unknown."""
    if not speech_date:
        return None
    parts = speech_date.split("-")
    try:
        return _period(*(int(p) for p in parts[:3]))
    except (TypeError, ValueError):
        return None


def _normal_name(name: str) -> str:
    """A name as compared: white space out, in simplified characters (陳志明 is 陈志明)."""
    return to_simplified("".join(name.split()))


def _speaker_key(name: str) -> str:
    """A stored speaker as a question names it: 「林晓东同志」「王建国 副局长」 (typed so by `speechqa edit
    --speaker`, or read so) are asked about as 林晓东, 王建国 — the title is left off when what stays is a
    person's name; 「市委书记」 keeps its title (市委 is no one's name)."""
    name = _normal_name(name)
    for title in sorted(_TITLES, key=len, reverse=True):
        if name.endswith(title):
            bare = name[: -len(title)]
            bare = bare[:-1] if bare.endswith("副") else bare
            return bare if len(bare) >= 2 and is_person_name(bare) else name
    return name


def speech_matches(speech: SpeechRecord, filters: Filters, named: Iterable[DateRange] = ()) -> bool:
    """Whether a speech passes the filter. `named`: the years the speech names in its title or headings
    (`Facets.named`); a date range read from a question (`include_undated`) also passes a speech that
    names a year within it — a year-end speech dated 2023-12-28 under 「三、2024年重点工作」 is about 2024."""
    if filters.speeches and speech.id not in filters.speeches:
        return False
    if filters.speakers:
        # a notice is shown with its issuer where a speech has its speaker (「发文：中共乐清市委老干部局」): a
        # speaker filter naming it passes the notice
        names = [n for n in (_normal_name(speech.speaker or ""), _normal_name(speech.issuer or "")) if n]
        if not any(_normal_name(s) and _normal_name(s) in n for s in filters.speakers for n in names):
            return False
    if filters.since or filters.until:
        period = speech_period(speech.date)
        wanted = DateRange(
            date.fromisoformat(filters.since) if filters.since else None,
            date.fromisoformat(filters.until) if filters.until else None,
        )
        if period is None:
            return filters.include_undated or (
                filters.undated_if_named and any(n.within(wanted) for n in named)
            )
        if not period.overlaps(wanted) and not (
            filters.include_undated and any(n.within(wanted) for n in named)
        ):
            return False
    return True


@dataclass(frozen=True)
class Facets:
    """What the library knows about its speeches, for reading filters out of questions."""

    speakers: tuple[str, ...] = ()  # speaker names as stored, white space removed, longest first
    periods: tuple[DateRange, ...] = field(default=())  # the dated speeches' periods
    # speech id → the years its title or a section heading names (what the speech is about)
    named: Mapping[int, tuple[DateRange, ...]] = field(default_factory=dict)
    ids: frozenset[int] = frozenset()  # the speeches' ids (「讲话 #2」「第二篇讲话」 name one of them)

    @classmethod
    def of(
        cls, speeches: Iterable[SpeechRecord], headings: Mapping[int, Sequence[str]] | None = None
    ) -> Facets:
        speakers: set[str] = set()
        periods: list[DateRange] = []
        named: dict[int, tuple[DateRange, ...]] = {}
        ids: set[int] = set()
        for s in speeches:
            ids.add(s.id)
            if s.speaker and len(_normal_name(s.speaker)) >= 2:
                speakers.add(_speaker_key(s.speaker))
            if (period := speech_period(s.date)) is not None:
                periods.append(period)
            texts = [s.title, s.subtitle or "", *(headings or {}).get(s.id, ())]
            if years := named_years(to_simplified(" ".join(texts))):
                named[s.id] = years
        return cls(tuple(sorted(speakers, key=lambda n: (-len(n), n))), tuple(periods), named, frozenset(ids))

    def dated_within(self, wanted: DateRange) -> bool:
        """Whether a speech is dated within the range, or names a year within it in a title or heading."""
        return any(p.overlaps(wanted) for p in self.periods) or any(
            n.within(wanted) for years in self.named.values() for n in years
        )


@dataclass(frozen=True)
class Detected:
    """Filters read from a question, and the spans of the question that named them."""

    filters: Filters
    spans: tuple[tuple[int, int], ...]  # [start, end) in the question

    def strip(self, text: str) -> str:
        """The question without the words that named the filter (what the lexical side may search)."""
        out, last = [], 0
        for start, end in sorted(self.spans):
            out.append(text[last:start])
            last = max(last, end)
        out.append(text[last:])
        return " ".join("".join(out).split())


_YEAR = r"(?:(?:19|20)\d{2}|[一二][〇○零一二三四五六七八九]{3})"
_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9]|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])"


def _atom(p: str) -> str:
    """A year, year-month or full date, its parts in groups named p+"y", p+"m", p+"d"."""
    return rf"(?P<{p}y>{_YEAR})\s*年(?:\s*(?P<{p}m>{_MONTH})\s*月(?:\s*(?P<{p}d>{_DAY})\s*[日号])?)?"


# The end of a range: a full date, or a month (and day) of the start's year, a day of the start's month
# (「3月13日到20日」), or a bare year.
_TAIL = (
    rf"(?:{_atom('b')}|(?P<cm>{_MONTH})\s*月(?:\s*(?P<cd>{_DAY})\s*[日号])?|(?P<ce>{_DAY})\s*[日号]"
    rf"|(?P<cy>{_YEAR})\s*年?)"
)
_DATES = re.compile(
    rf"(?P<open>从|自|截至|截止到?)?\s*{_atom('a')}"
    rf"(?:\s*(?:至|到|—|–|-|~|～|－)+\s*{_TAIL}|\s*(?P<rel>以来|以后|之后|起|至今|以前|之前))?"
)


def _number(text: str) -> int:
    """A year, month or day as the pattern matched it: digits, or Chinese numerals (二〇二四, 十二)."""
    if text.isdigit() and text.isascii():
        return int(text)
    value = numeral_value(text)
    assert value is not None, text  # the patterns admit only well-formed numerals
    return value


_NAMED_YEAR = re.compile(rf"(?<![0-9])({_YEAR})\s*年")


def named_years(text: str) -> tuple[DateRange, ...]:
    """The years a title or heading names (「2024年重点工作」, 「二〇二四年工作要点」), each as its days."""
    return tuple(_period(year) for year in sorted({_number(m[1]) for m in _NAMED_YEAR.finditer(text)}))


_DIGIT_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")
_YEAR_SPAN = re.compile(rf"(?<![0-9])({_YEAR})\s*年?\s*(?:[—–\-~～－]+|至|到)\s*({_YEAR})(?![0-9])")
MAX_SPAN_YEARS = 30  # a range of years (「2021—2035年」) longer than this is not read as naming each year
# Years a text names relative to when it was given: 今年 is the speech's own year, 去年 the one before.
_RELATIVE_YEARS = (
    (re.compile(r"今明两年"), (0, 1)),
    (re.compile(r"今年|本年"), (0,)),
    (re.compile(r"去年|上年|上一年"), (-1,)),
    (re.compile(r"前年"), (-2,)),
    (re.compile(r"明年|来年|下一年"), (1,)),
    (re.compile(r"后年"), (2,)),
)
# 「近三年」「五年来」「过去两年」: the years back from the speech's own
_RECENT_YEARS = re.compile(
    r"(?:近|过去|最近)([0-9]{1,2}|[一二两三四五六七八九十]{1,2})年|([0-9]{1,2}|[一二两三四五六七八九十]{1,2})年来"
)


def years_written(text: str, year_of_text: int | None = None) -> frozenset[int]:
    """Every year a text names: in digits (「2024」), in Chinese numerals (「二〇二四年」), inside a range
    (「2021—2025年」 names 2022–2024 too), and — given the year the text was written in — relative to it
    (今年, 去年, 前年, 明年, 「近三年」). What a passage can be said to be about, in time."""
    text = to_simplified(text)
    years = {int(m[1]) for m in _DIGIT_YEAR.finditer(text)}
    years.update(_number(m[1]) for m in _NAMED_YEAR.finditer(text))
    for m in _YEAR_SPAN.finditer(text):
        a, b = _number(m[1]), _number(m[2])
        if 0 < b - a <= MAX_SPAN_YEARS:
            years.update(range(a, b + 1))
    if year_of_text is not None:
        for pattern, offsets in _RELATIVE_YEARS:
            if pattern.search(text):
                years.update(year_of_text + k for k in offsets)
        for m in _RECENT_YEARS.finditer(text):
            count = _count(m[1] or m[2])
            if count is not None and 0 < count <= MAX_SPAN_YEARS:
                years.update(range(year_of_text - count, year_of_text + 1))
    return frozenset(years)


def _count(text: str) -> int | None:
    if text.isdigit() and text.isascii():
        return int(text)
    return numeral_value(text.replace("两", "二"))


# What joins the dates of a list (「2024年和2025年」「2023年、2024年」): the question names each of them
_AND = re.compile(r"\s*(?:、|，|,|和|与|及|以及|或|或者|跟|同)\s*")
# A bare year before a list's or a range's last year, which alone carries 年: 「2024、2025年」「2024至2025年」
_BARE_YEAR_BEFORE = re.compile(rf"(?<![0-9])({_YEAR})(?:{_AND.pattern}|\s*(?:至|到|—|–|-|~|～|－)+\s*)$")


def _dates_in(question: str) -> tuple[DateRange, tuple[int, int]] | None:
    """The dates a question names, as one range and where they stand; a list of dates (「2024年和2025年」)
    is the smallest range holding them all: a filter has one range, and each date named must pass it."""
    found = list(_date_ranges(question))
    if not found:
        return None
    (wanted, (start, end)), rest = found[0], found[1:]
    for more, (at, to) in rest:
        if not _AND.fullmatch(question, end, at):
            break
        wanted, end = _hull(wanted, more), to
    if bare := _BARE_YEAR_BEFORE.search(question, 0, start):
        wanted, start = _hull(wanted, _period(_number(bare[1]))), bare.start()
    return wanted, (start, end)


def asked_period(question: str) -> DateRange | None:
    """The days a question names — a year, a month, a day, a range (「2023年至2024年」「2022年以来」) or a
    list (the range holding it) — or None when it names no date."""
    found = _dates_in(question)
    return found[0] if found is not None else None


def year_period(year: int) -> DateRange:
    """The days of a year."""
    return _period(year)


def _hull(a: DateRange, b: DateRange) -> DateRange:
    """The smallest range holding both (an open end stays open)."""
    return DateRange(
        None if a.start is None or b.start is None else min(a.start, b.start),
        None if a.end is None or b.end is None else max(a.end, b.end),
    )


def _date_ranges(question: str) -> Iterator[tuple[DateRange, tuple[int, int]]]:
    """Each date expression of the question, as a range of days, with its [start, end)."""
    for m in _DATES.finditer(question):
        try:
            start = _period(
                _number(m["ay"]), _number(m["am"]) if m["am"] else None, _number(m["ad"]) if m["ad"] else None
            )
            if m["by"]:
                end = _period(
                    _number(m["by"]),
                    _number(m["bm"]) if m["bm"] else None,
                    _number(m["bd"]) if m["bd"] else None,
                )
            elif m["cm"]:
                end = _period(_number(m["ay"]), _number(m["cm"]), _number(m["cd"]) if m["cd"] else None)
            elif m["ce"]:  # a day alone ends a range that starts on a day of that month
                end = _period(_number(m["ay"]), _number(m["am"]), _number(m["ce"])) if m["ad"] else start
            elif m["cy"]:
                end = _period(_number(m["cy"]))
            else:
                end = start
        except (ValueError, KeyError):
            continue  # 2024年2月30日: not a date
        rel = m["rel"]
        if rel in ("以来", "以后", "之后", "起", "至今"):
            wanted = DateRange(start.start, None)
        elif rel in ("以前", "之前"):
            assert start.start is not None
            wanted = DateRange(None, date.fromordinal(start.start.toordinal() - 1))
        elif m["open"] and m["open"].startswith("截"):
            wanted = DateRange(None, start.end)
        else:
            wanted = DateRange(start.start, end.end)
        if wanted.start and wanted.end and wanted.start > wanted.end:
            continue
        yield wanted, m.span()


def detect_filters(question: str, facets: Facets) -> Detected:
    """Read a speaker and a date range out of a question, where the library has speeches they select.

    A speaker is recognised when a stored speaker name (white space ignored) occurs in the question; a
    date expression when at least one speech is dated within it. Anything else stays a plain word.
    """
    spans: list[tuple[int, int]] = []
    speakers: list[str] = []
    compact, where = _compact(question)
    compact = to_simplified(compact)  # one character for one: the offsets in `where` still hold
    for name in facets.speakers:
        at = compact.find(name)
        if at < 0 or any(name in s for s in speakers):
            continue
        speakers.append(name)
        spans.append((where[at], where[at + len(name) - 1] + 1))
    if not speakers and facets.speakers:
        for name, (start, end) in _speakers_named(compact):
            if not any(name in known or known in name for known in facets.speakers):
                speakers.append(name)  # a speaker the library does not have: allows no speech
                spans.append((where[start], where[end - 1] + 1))
                break
    since = until = None
    known_dates = when_given = False
    found = _dates_in(question)
    if found is not None:
        known_dates = facets.dated_within(found[0])
        when_given = bool(_SPEECH_AFTER_DATE.match(question, found[1][1]))
        # a date no speech has, named as when a speech was given, is a filter that allows nothing
        if known_dates or (facets.periods and when_given):
            wanted, span = found
            since = wanted.start.isoformat() if wanted.start else None
            until = wanted.end.isoformat() if wanted.end else None
            spans.append(span)
    # A year in a question is often what the speech talks about (「2024年工作要点」), not when it was
    # given: a speech whose date is unknown is kept; only speeches dated outside the range are left out.
    # Named as when the speech was given (「2025年的讲话」), it keeps of the undated speeches only those
    # whose title or a heading names it (「在全市老干部2024年工作会议上的讲话」): the others were shown
    # above the one speech dated then, under 「仅限：2025 年」.
    # A speech named by an id the library does not have (「讲话 #9」, no speech #9) is a filter that allows
    # nothing, as an unknown speaker is: the answer says so and searches the whole library.
    speeches: list[int] = []
    for number, span in _speeches_named(question):
        if number not in speeches:
            speeches.append(number)
            spans.append(span)
    filters = Filters(
        speakers=tuple(speakers),
        since=since,
        until=until,
        speeches=tuple(speeches),
        include_undated=known_dates and not when_given,
        undated_if_named=known_dates and when_given,
    )
    return Detected(filters, tuple(spans))


# A speech named by its id, as results cite it (「讲话 #2」, 「#2 讲话」), or by its number in the speech list
# (「第二篇讲话」: the list numbers each speech by its id). 「第二篇」 without 讲话 is not read: a compilation's
# parts are headed so (「第二篇：…」), and 篇章 is no speech (「谱写新篇章」); nor is a number of articles
# (「两篇讲话」: no 第).
_FULL_WIDTH = str.maketrans("０１２３４５６７８９＃", "0123456789#")
_SPEECH_NUMBER = r"[0-9]{1,4}|[一二三四五六七八九十百零〇两]{1,4}"
# Several ids may be listed under the one word 讲话 (「讲话 #2、#3」「#2 和 #3 讲话」): each is named.
_AND_ID = r"(?:\s*[、,，和与及跟]\s*#\s*[0-9]{1,4}(?![0-9]))"
_SPEECH_NAMED = re.compile(
    rf"讲话\s*#\s*(?P<a>[0-9]{{1,4}}(?![0-9]){_AND_ID}*)"
    rf"|(?<![0-9A-Za-z])#\s*(?P<b>[0-9]{{1,4}}{_AND_ID}*)\s*(?:号)?\s*讲话"
    rf"|第\s*(?P<c>{_SPEECH_NUMBER})\s*篇\s*讲话"
)
_ID = re.compile(r"[0-9]{1,4}")


# A number bound by another noun is not a speech's: 「段落 #54 讲话里…」 names passage 54 (the results cite
# 「讲话 #2 · 段落 #54」), 「文件 #2 讲话」 a document, 「讲话 #2 第3段」 a passage of speech 2 only. Only a
# speech word binds the number: the noun written right before 「#N」, or the unit right after 「讲话 #N」.
_OTHER_NOUN_BEFORE = re.compile(r"(?:段落|段|条|页|頁|文件|号文|附件|表|图|passage|paragraph|page)\s*$", re.I)
_OTHER_UNIT_AFTER = re.compile(r"\s*(?:段|条|页|頁|号文|号楼|楼)")


def _speeches_named(question: str) -> Iterator[tuple[int, tuple[int, int]]]:
    """The speech ids a question names, each with its [start, end) in the question."""
    text = question.translate(_FULL_WIDTH)  # one character for one: the offsets hold
    for m in _SPEECH_NAMED.finditer(text):
        if m["b"] and _OTHER_NOUN_BEFORE.search(text, 0, m.start()):
            continue  # 「段落 #54 讲话」: the number is the passage's
        if m["a"] or m["b"]:
            numbers = [int(n) for n in _ID.findall(m["a"] or m["b"])]
            if m["a"] and _OTHER_UNIT_AFTER.match(text, m.end()):
                del numbers[-1]  # 「讲话 #54段」: a passage number written after the word 讲话
        else:
            number = numeral_value(m["c"].replace("两", "二")) if not m["c"].isascii() else int(m["c"])
            numbers = [number] if number is not None else []
        for number in numbers:
            if number > 0:
                yield number, m.span()


# What follows a date that names when a speech was given: 「2019年的讲话」「2019年全市老干部工作会议上」.
_SPEECH_AFTER_DATE = re.compile(
    r"\s*(?:的|召开的|举行的)?[^，。；？！,;?!\s]{0,12}?(?:讲话|发言|致辞|报告会|会议|会上|大会)"
)
# A person named with a title as the one who spoke: 「王建国同志的讲话」「李明书记在…会议上的讲话」.
_TITLES = frozenset(
    "同志 书记 部长 局长 主任 市长 省长 县长 区长 主席 秘书长 巡视员 厅长 处长 组长 校长 院长 委员".split()
)
_SPOKE = re.compile(
    r"(?:的|所作的|作的|在[^，。；？！,;?!]{0,24}?上的?)?"
    r"(?:讲话|发言|致辞|报告|讲的|讲了|讲过|说的|说了|说过|提出|强调|指出)"
)

_TITLE_SPOKE = re.compile(f"(?:{'|'.join(sorted(_TITLES, key=len, reverse=True))}){_SPOKE.pattern}")


def _speakers_named(compact: str) -> list[tuple[str, tuple[int, int]]]:
    """Person names the question gives as a speech's speaker — a name jieba tags as a person, with a
    surname, then a title, then a word of speaking — each with its [start, end) in `compact`."""
    if not _TITLE_SPOKE.search(compact):  # most questions: no title before a word of speaking, no tagging
        return []
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    words = [(pair.word, pair.flag) for pair in jieba.posseg.lcut(compact)]
    out, at = [], 0
    for i, (word, flag) in enumerate(words):
        start, at = at, at + len(word)
        if not flag.startswith("nr") or len(word) < 2 or not is_person_name(word):
            continue
        j = i + 1 + (i + 1 < len(words) and words[i + 1][0] == "副")
        if j < len(words) and words[j][0] in _TITLES:
            after = at + sum(len(w) for w, _ in words[i + 1 : j + 1])
            if _SPOKE.match(compact, after):
                out.append((word, (start, at)))
    return out


def _compact(text: str) -> tuple[str, list[int]]:
    """The text without white space, and where each of its characters was in the original."""
    kept = [(i, ch) for i, ch in enumerate(text) if not ch.isspace()]
    return "".join(ch for _, ch in kept), [i for i, _ in kept]


def _describe_dates(since: str | None, until: str | None) -> str:
    if since and until:
        a, b = date.fromisoformat(since), date.fromisoformat(until)
        if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31):
            return f"{a.year} 年" if a.year == b.year else f"{a.year}–{b.year} 年"
        if a.year == b.year and a.month == b.month and a.day == 1 and b == _period(b.year, b.month).end:
            return f"{a.year} 年 {a.month} 月"
        if a == b:
            return f"{a.year} 年 {a.month} 月 {a.day} 日"
        return f"{since} 至 {until}"
    if since:
        a = date.fromisoformat(since)
        return f"{a.year} 年起" if (a.month, a.day) == (1, 1) else f"{since} 起"
    assert until is not None
    b = date.fromisoformat(until)
    return f"{b.year} 年及以前" if (b.month, b.day) == (12, 31) else f"{until} 及以前"
