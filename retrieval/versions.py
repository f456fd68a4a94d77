"""How the front ends word two stored versions of one speech (a corrected copy kept beside the old one).

The ⚠ line that `speechqa add` and `speechqa speeches` print, that the bot's upload report and its /speeches list
say, the 「不同之处」 line under it and what told a version from another notice of one template are built here
once, from the index's typed findings (`index.OlderBy`, `index.Difference`, `index.KinshipBy`). A front end gives
only how its user acts on it: a command to type, a button to press.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from index import AddOutcome, Difference, KinshipBy, OlderBy, Store, version_difference

__all__ = [
    "KINSHIP_REASONS",
    "OLDER_REASONS",
    "Acting",
    "added_near_copy_line",
    "difference_line",
    "kinship_reason",
    "near_copy_line",
    "older_reason",
    "where_they_differ",
]

OLDER_REASONS = {
    OlderBy.DATE: "这篇的日期更早",
    OlderBy.MARKS: "日期分不出先后，而文件名或所在文件夹标明这篇在先（这篇标着修改前、征求意见稿…，或另一篇标着修改稿、定稿…）",
}

KINSHIP_REASONS = {
    KinshipBy.SAME_NUMBER: "文号相同",
    KinshipBy.OTHER_NUMBER: "文号不同",
    KinshipBy.SAME_TITLE: "标题相同",
    KinshipBy.OTHER_MONTH: "日期在不同月份、标题不同",
    KinshipBy.OWN_TEXT: "模板以外的内容大部分相同",
    KinshipBy.TEMPLATE_TEXT: "相同的多是模板套话",
}

# How a front end asks to remove one of the two: given the speech to remove and whether it is this one (the
# line's own speech, the older) or the other, the words after 「如果是，」 / 「如果这是它的更正版，」
Remove = Callable[[int, bool], str]
# How it asks to keep both, given the line's speech and the other: the words after 「；」 that end the warning
Keep = Callable[[int, int], str]


@dataclass(frozen=True)
class Acting:
    """How a front end's user acts on a near copy: a command to type (the CLI), a button to press (the bot's
    admin). The only part of the ⚠ line a front end gives."""

    remove: Remove
    keep: Keep


def older_reason(by: OlderBy) -> str:
    """Why a speech kept beside another version of itself is taken for the older one, in the user's words."""
    return OLDER_REASONS[by]


def kinship_reason(by: KinshipBy) -> str:
    """What told a speech being added from a stored one it overlaps — another version, or another document of
    one template — in the user's words (「标题相同」, 「日期在不同月份、标题不同」…)."""
    return KINSHIP_REASONS[by]


def near_copy_line(
    speech_id: int,
    other_id: int,
    similarity: float,
    older: bool,
    by: OlderBy,
    *,
    just_added: bool = False,
    acting: Acting | None = None,
) -> str:
    """「与 #15 内容相近（重合 97%），两篇都会被检索到；这篇的日期更早，可能是它的旧版：如果是，…；两篇都要保留…」.

    `just_added`: said of a speech this add stored (「与已有的 #15」); `acting`: how to remove the older one and
    how to keep both (None: nothing to do here — the line says which to go by)."""
    remove = acting.remove if acting else None
    close = f"与{'已有的' if just_added else ''} #{other_id} 内容相近（重合 {math.floor(similarity * 100)}%），两篇都会被检索到；"
    if older:
        advice = f"{older_reason(by)}，可能是它的旧版" + (
            f"：如果是，{remove(speech_id, True)}" if remove else ""
        )
    else:
        advice = (
            f"如果这是它的更正版，{remove(other_id, False)}" if remove else "如果这是它的更正版，以这篇为准"
        )
    return close + advice + (f"；{acting.keep(speech_id, other_id)}" if acting else "")


def added_near_copy_line(added: AddOutcome, acting: Acting | None = None) -> str:
    """The ⚠ line an add says of a speech it stored beside another version of itself (`added.similar_to`):
    「与已有的 #15 内容相近…」, as `speechqa add` prints it and the bot's upload report says it."""
    if added.similar_to is None:
        raise ValueError(f"#{added.speech_id} was not stored beside another version")
    return near_copy_line(
        added.speech_id,
        added.similar_to,
        added.similarity,
        added.older,
        added.older_by,
        just_added=True,
        acting=acting,
    )


def difference_line(speech_id: int, other_id: int, found: Difference) -> str:
    """Where the two differ: 「不同之处（共 1 处，第一处）：#34「…参赛老同志1300人」，#33「…参赛老同志1350人」」."""
    return (
        f"不同之处（共 {found.places} 处，第一处）：#{speech_id}「{found.mine or '（无此句）'}」，"
        f"#{other_id}「{found.theirs or '（无此句）'}」"
    )


def where_they_differ(store: Store, speech_id: int, other_id: int) -> str | None:
    """The 「不同之处」 line of two stored versions (None: they say the same, or one cannot be read)."""
    found = version_difference(store, speech_id, other_id)
    return None if found is None else difference_line(speech_id, other_id, found)
