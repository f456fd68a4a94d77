"""Under a filter on dates, a passage of the time asked stands above an undated one.

A date the question names (「2026 年老年大学怎么报名」, 仅限：2026 年) or given (--since/--until) keeps the undated
speeches with the dated ones, and says so (docs/more58.md, docs/mend58.md): an undated notice may be of that
time. But ranking read no date, and an undated passage could stand first above the passage of a speech dated
in the year asked, or naming it, that says the same. Within the ranked head (the passages the verdict reads),
when it holds both, a passage dated in the range or naming a year of it moves above an undated passage (one
naming no year of the range) directly above it when it holds every word of the question that passage holds —
an undated passage answering with a word the dated one lacks keeps its place (`undated_below_dated`). Nothing
enters or leaves the head. A passage of another time (shown when the filter allows nothing) is neither and
keeps its place. Measured: docs/ops60.md.
"""

from __future__ import annotations

from collections.abc import Sequence

from corpus import to_simplified
from index import PassageRecord

from .filters import DateRange, speech_period, year_period, years_written


def passage_years(p: PassageRecord) -> frozenset[int]:
    """The years a passage names in its speech's title, its heading or its text (`years_written`), 今年
    and 去年 counted from its speech's date when it has one."""
    period = speech_period(p.speech_date)
    year = period.start.year if period is not None and period.start is not None else None
    return years_written(" ".join(part for part in (p.speech_title, p.section or "", p.text) if part), year)


def of_the_time(record: PassageRecord, asked: DateRange) -> bool | None:
    """True for a passage of a speech dated within `asked` or naming a year of it, None for one undated that
    names none, False for one of another time."""
    if any(year_period(y).overlaps(asked) for y in passage_years(record)):
        return True
    period = speech_period(record.speech_date)
    if period is None:
        return None
    return period.overlaps(asked)


def undated_below_dated(
    head: list[tuple[int, float]],
    records: dict[int, PassageRecord],
    asked: DateRange,
    terms: Sequence[str],
) -> list[tuple[int, float]]:
    """The ranked head with each passage of the time asked (`of_the_time` True) moved above every undated one
    (None) directly above it whose words of the question (`terms`, as held in its speech's title, heading and
    text: a notice names its subject in its title) it holds all
    of: an undated passage is passed only by one of the time asked that matches the question as well, never
    by one that lacks a word it answers with (「体检前一天清淡饮食」 of an undated notice stays above a 2026
    notice without 前一天). Nothing enters or leaves the head; every other pair keeps its order."""
    times = [of_the_time(r, asked) if (r := records.get(d)) is not None else False for d, _ in head]
    if None not in times or True not in times:
        return head
    folded = {
        d: to_simplified(f"{r.speech_title}\n{r.section or ''}\n{r.text}").lower()
        for d, _ in head
        if (r := records.get(d))
    }
    held = {d: frozenset(t for t in terms if t in text) for d, text in folded.items()}
    order = list(zip(head, times, strict=True))
    moved = True
    while moved:  # each swap puts one pair in order and none out of it: ends
        moved = False
        for i in range(len(order) - 1):
            (upper, upper_time), (lower, lower_time) = order[i], order[i + 1]
            if upper_time is None and lower_time is True and held[upper[0]] <= held[lower[0]]:
                order[i], order[i + 1] = order[i + 1], order[i]
                moved = True
    return [p for p, _ in order]
