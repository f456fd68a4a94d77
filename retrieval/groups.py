"""The people a question asks about — 离休干部 or 退休干部, 老干部 or 老干部工作者, 女队员 or 男队员 — read by the
head noun that names them, so that two questions alike in every other word can be told apart when each
names a group of people the other does not: 「退休干部体检增加了哪些项目」 against 「离休干部体检增加了哪些
项目」, 「对老干部工作者要常怀什么样的心」 against 「对老同志要常怀什么样的心」.

A group is the kind of person its head noun names (干部 and 同志 are one kind; 工作者, 工作人员 and 「做…工作的
同志」 another: the people who do a work, not those it serves) and the characters before the head that narrow
it (离休 of 离休干部, 老干部 of 老干部工作者; none for a head that is already narrowed, 老干部, 老人). Two groups
are the same group when they are of one kind and the word nearest the head of one narrowing is read in the
other, in order (护林队员 is 银龄护林志愿服务队员; 离退休干部 holds 退休干部; an unnarrowed 干部 is any 干部). A cadre noun followed by 工作 or 局 names a field or an office, not people
(老干部工作, 老干部局).

Two questions *conflict* when each names a group the other does not — a swap, as a near miss makes it. A
question that leaves the group out, or adds one, does not (a paraphrase drops and adds words).

The narrower test the pin model may veto on (`kinds_swapped`, the `kind_swap` pair feature) reads only the
kind: one question names those who do the work (工作者, 工作人员, 「做…工作的同志」) and not the cadres, the
other the cadres (干部, 同志, 老同志…) and not those who do the work — 「对老干部工作者要常怀什么样的心」
against 「对老同志要常怀什么样的心」 (session pins41 counted it; pins42 judged it on a batch written cold).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from corpus import to_simplified

from .vocabulary import INTERROGATIVE

__all__ = ["Group", "groups_conflict", "kinds_swapped", "question_groups"]

Group = tuple[str, str]  # (the kind of person, what narrows it): ("干部", "离休"), ("工作者", "老干部")

# Head nouns naming people, longest first, and the kind each names. 干部/同志 are the cadres the work
# serves (the bundled synonyms: 老同志 老干部 离退休干部 老领导); 工作者/工作人员 those who do the work.
_KINDS = {
    "工作的同志": "工作者",
    "工作的人员": "工作者",
    "工作的人": "工作者",
    "工作人员": "工作者",
    "工作者": "工作者",
    "老干部": "干部",
    "老同志": "干部",
    "老领导": "干部",
    "干部": "干部",
    "同志": "干部",
    "志愿者": "志愿者",
    "负责人": "负责人",
    "党员": "党员",
    "队员": "队员",
    "学员": "学员",
    "会员": "会员",
    "社员": "社员",
    "委员": "委员",
    "成员": "成员",
    "职工": "职工",
    "群众": "群众",
    "老人": "老人",
    "家属": "家属",
    "配偶": "家属",
    "老伴": "家属",
    "遗属": "遗属",
    "子女": "子女",
    "书记": "书记",
    "主任": "主任",
    "局长": "局长",
    "领导": "领导",
    "教师": "教师",
    "老师": "教师",
    "学生": "学生",
    "居民": "居民",
    "公民": "公民",
    "读者": "读者",
    "人员": "人员",
}
# Bodies, read only when asked for (`question_groups(…, bodies=True)`): 单位 部门 机关 are one kind (the
# bundled synonyms), 党委 and 政府 each their own.
_BODIES = {"组织部": "组织部", "部门": "单位", "单位": "单位", "机关": "单位", "党委": "党委", "政府": "政府"}
_PEOPLE = re.compile("|".join(sorted(_KINDS, key=len, reverse=True)))
_PEOPLE_OR_BODIES = re.compile("|".join(sorted({**_KINDS, **_BODIES}, key=len, reverse=True)))
_FIELD = ("工作", "局")  # 老干部工作, 老干部局: a cadre noun naming the field or the office, not people
# Characters that end what narrows a head when read backwards: function words, verbs that take a group
# as their object, and the marks left where a question word stood.
_STOP = set(
    "的对给为让和与跟向把被是在要有了这那些个各每及或由从将以于之等做搞当请就都也还而并说中里上下内外后前时们|"
)
_REACH = 4  # at most this many characters narrow a head


def question_groups(question: str, *, bodies: bool = False) -> frozenset[Group]:
    """The groups of people (and with `bodies`, of bodies: 部门, 党委…) the question names."""
    text = to_simplified(unicodedata.normalize("NFKC", question)).lower()
    text = INTERROGATIVE.sub("|", text)
    heads = _PEOPLE_OR_BODIES if bodies else _PEOPLE
    kinds = {**_KINDS, **_BODIES} if bodies else _KINDS
    found: set[Group] = set()
    last_end = -1  # where the previous head read as a group ended
    for m in heads.finditer(text):
        head = m.group()
        if kinds[head] == "干部" and text.startswith(_FIELD, m.end()):
            continue  # 老干部工作…, 老干部局: what the work or office is about
        if head == "同志" and m.start() == last_end:
            continue  # 领导同志, 沈伟同志: the honorific of the person just named
        start = m.start()
        if head.startswith(
            "老"
        ):  # 老干部, 老同志, 老人: what comes before is what is done to them (看望老干部)
            found.add((kinds[head], ""))
            last_end = m.end()
            continue
        while start > max(m.start() - _REACH, last_end, 0) and "\u4e00" <= text[start - 1] <= "\u9fff":
            if text[start - 1] in _STOP:
                break
            start -= 1
        found.add((kinds[head], text[start : m.start()]))
        last_end = m.end()
    return frozenset(found)


def _within(short: str, long: str) -> bool:
    """Whether the characters of `short` occur in `long` in order."""
    rest = iter(long)
    return all(c in rest for c in short)


def _same(a: Group, b: Group) -> bool:
    """One kind, and the word nearest the head of either narrowing (its last two characters) read in the
    other's (保障离休干部 and 落实离休干部 are both 离休干部; a verb before the group is no narrowing)."""
    (kind, one), (other_kind, other) = a, b
    return kind == other_kind and (
        not one or not other or _within(one[-2:], other) or _within(other[-2:], one)
    )


def _unmatched(these: Iterable[Group], others: frozenset[Group]) -> bool:
    return any(not any(_same(g, o) for o in others) for g in these)


def groups_conflict(a: frozenset[Group], b: frozenset[Group]) -> bool:
    """Whether each question names a group of people the other does not (see the module's docstring)."""
    return bool(a and b) and _unmatched(a, b) and _unmatched(b, a)


_WORKER, _CADRE = frozenset({"工作者"}), frozenset({"干部"})


def kinds_swapped(a: frozenset[Group], b: frozenset[Group]) -> bool:
    """Whether one question names those who do the work (工作者) and not the cadres (干部), the other the
    cadres and not those who do the work. What narrows either is not read; a question naming both kinds,
    or neither, never swaps."""
    kinds_a, kinds_b = {k for k, _ in a}, {k for k, _ in b}
    return any(
        one >= _WORKER and not one & _CADRE and other >= _CADRE and not other & _WORKER
        for one, other in ((kinds_a, kinds_b), (kinds_b, kinds_a))
    )
