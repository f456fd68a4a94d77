"""The values a question pins down — the year, the count, the ordinal, the administrative level it names —
read by general patterns, so that two questions alike in every other word can be told apart when they name
different values for the same slot: 「前年…成绩主要表现在几个方面」 against 「去年…」, 「第四条…」 against
「第一条…」, 「四中全会…」 against 「五中全会…」, 「全省…」 against 「全市…」, 「每个站补助多少」 is not
concerned (it names no value).

A question that leaves a slot out does not conflict with one that names it (a paraphrase drops words);
only two values of one slot, both named and disjoint, do.

`quantity_slots` reads, the same way, *which* quantity a question asks of a figure (session pins44): the side
of a bracket or limit it names (「5000元以上」 against 「以下」, 「最多」/「上限」/「不超过」 against
「至少」/「不少于」), whether it asks a total or each one's (「一共多少块」 against 「每块多大」), and the kind
of quantity its question word asks (「几次」 against 「几个小时」, 「多大」 against 「多少钱」, 「礼拜几」 a day of the
week against 「几号」 a date: session pins47). A question
naming none of them conflicts with nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib.resources import files

from corpus import NUMERAL_CHARS, name_parts, numeral_value, to_simplified
from index import jieba_cut

from .answer_type import WEEKDAY
from .filters import years_written

__all__ = [
    "CONTRASTS",
    "Slot",
    "contrast_words",
    "contrasted",
    "names_former",
    "names_staff",
    "other_time",
    "quantity_slots",
    "question_slots",
    "slots_conflict",
    "states_time",
    "time_slots",
    "time_words",
    "times_added",
    "times_swapped",
    "without_asked_times",
    "years_added",
    "years_named",
]

Slot = tuple[str, str]  # (what is named, its value): ("year", "2027"), ("个", "30"), ("第条", "4")

_NUMERALS = "".join(sorted(NUMERAL_CHARS))
_NUMBER = rf"(?:\d+(?:\.\d+)?|[{_NUMERALS}]+)"
# Relative years, as an offset from this year (a question names this year, last year, the year before …)
_RELATIVE_YEARS = {
    "今年": "0",
    "本年": "0",
    "当年": "0",
    "去年": "-1",
    "上年": "-1",
    "上一年": "-1",
    "前年": "-2",
    "明年": "1",
    "来年": "1",
    "下一年": "1",
    "后年": "2",
}
_RELATIVE = re.compile("|".join(sorted(_RELATIVE_YEARS, key=len, reverse=True)))
_HALF = re.compile(r"([上下])半年")
_YEAR = re.compile(rf"(?<![\d{_NUMERALS}])(\d{{4}}|[〇○零一二三四五六七八九]{{4}})年")
_ORDINAL = re.compile(rf"第({_NUMBER})([\u4e00-\u9fff])")
_PLENUM = re.compile(rf"({_NUMBER})中全会")
_PLAN = re.compile(r"十([一二三四五六七八九])五")  # a five-year plan: 十三五, 十四五
# A number counting something: its unit (the classifiers and measures questions on these documents use)
_UNITS = (
    "周岁",
    "摄氏度",
    "平方米",
    "公里",
    "分钟",
    "小时",
    "万元",
    "个月",
    "岁",
    "度",
    "个",
    "名",
    "人",
    "次",
    "条",
    "项",
    "讲",
    "届",
    "期",
    "批",
    "块",
    "元",
    "天",
    "年",
    "月",
    "日",
    "号",
    "位",
    "部",
    "种",
    "场",
    "所",
    "户",
    "周",
    "倍",
    "%",
)
_SAME_UNIT = {"周岁": "岁", "摄氏度": "度"}
# (not after 第, an ordinal; nor after 哪 or 每: 哪一年 asks which year, 每一年 is every year)
_COUNT = re.compile(rf"(?<![第哪每\d{_NUMERALS}])({_NUMBER})({'|'.join(map(re.escape, _UNITS))})")
# Administrative level: 全市 / 我省 / 市委 / 省级 …
_LEVEL = re.compile(r"(?:全|我|本)([市省国县区])|([市省县])(?:委|级|政府)")


def _value(number: str) -> str | None:
    if number[0].isdigit():
        return number.rstrip("0").rstrip(".") if "." in number else str(int(number))
    if len(number) == 1 and number in "十百千万":
        return None  # 十分, 万一: a word, not a number
    value = numeral_value(number)
    return None if value is None else str(value)


def question_slots(question: str) -> frozenset[Slot]:
    """The slots the question names a value for (see the module's docstring)."""
    text = to_simplified(unicodedata.normalize("NFKC", question))
    found: set[Slot] = set()
    for m in _YEAR.finditer(text):
        if (value := _value(m.group(1))) is not None:
            found.add(("year", value))
    text_left = _YEAR.sub(" ", text)
    found.update(("relative year", _RELATIVE_YEARS[m.group()]) for m in _RELATIVE.finditer(text_left))
    found.update(("half year", m.group(1)) for m in _HALF.finditer(text_left))
    for m in _ORDINAL.finditer(text_left):
        if (value := _value(m.group(1))) is not None:
            found.add((f"第{m.group(2)}", value))
    for m in _PLENUM.finditer(text_left):
        if (value := _value(m.group(1))) is not None:
            found.add(("中全会", value))
    found.update(("five-year plan", m.group(1)) for m in _PLAN.finditer(text_left))
    counted = _ORDINAL.sub(" ", _PLENUM.sub(" ", _RELATIVE.sub(" ", text_left)))
    for m in _COUNT.finditer(counted):
        if (value := _value(m.group(1))) is not None:
            found.add((_SAME_UNIT.get(m.group(2), m.group(2)), value))
    found.update(("level", m.group(1) or m.group(2)) for m in _LEVEL.finditer(text))
    return frozenset(found)


# The side of a bracket or a limit: 以上/超过/至少 … bound a figure from below, 以下/以内/最多/上限 … from above.
# Longer words first (不超过 before 超过, 不少于 before 少于), so a negated one is read as a whole.
_BRACKETS = {
    "不超过": "at most",
    "不高于": "at most",
    "不多于": "at most",
    "不少于": "at least",
    "不低于": "at least",
    "不满": "at most",
    "不到": "at most",
    "不足": "at most",
    "以上": "at least",
    "以下": "at most",
    "以内": "at most",
    "之内": "at most",
    "超过": "at least",
    "高于": "at least",
    "多于": "at least",
    "低于": "at most",
    "少于": "at most",
    "至少": "at least",
    "最少": "at least",
    "起码": "at least",
    "下限": "at least",
    "最多": "at most",
    "最长": "at most",
    "最高": "at most",
    "上限": "at most",
    "封顶": "at most",
}
_BRACKET = re.compile(
    r"不(?:能|得|可|应|宜|要|会|准)?(?=超过|高于|多于|少于|低于)(?P<negated>超过|高于|多于|少于|低于)|"
    + "|".join(sorted(_BRACKETS, key=len, reverse=True))
)
_OTHER_SIDE = {"at least": "at most", "at most": "at least"}
# A total (一共, 合计 …) against each one's (每块, 每副, 单个 …); 每年/每月/每次 … name a period or an
# occasion, not one of the things counted, so they say nothing here (「每人每年一共交多少」 is not a conflict).
_TOTAL = re.compile(r"一共|总共|共计|合计|总计|总数|总额|总量|总人数|总经费")
_EACH = re.compile(r"单个|单价|每(?![年月周日天季次期回届学])[一]?[\u4e00-\u9fff]")
# The kind of quantity a question word asks: 几/多少 and the unit after it, or 多 and an adjective.
_ASKED_UNITS = {
    "钱": "money",
    "块钱": "money",
    "元": "money",
    "万元": "money",
    "次": "times",
    "回": "times",
    "趟": "times",
    "遍": "times",
    "小时": "duration",
    "钟头": "duration",
    "分钟": "duration",
    "天": "duration",
    "周": "duration",
    "星期": "duration",
    "个月": "duration",
    "年": "duration",
    "岁": "age",
    "周岁": "age",
    "平方米": "area",
    "平米": "area",
    "亩": "area",
    "号": "date",
    "比例": "share",
}
_ASKED = re.compile(
    r"(?<![哪第星期拜])(?:几|多少)个?("
    + "|".join(sorted(map(re.escape, _ASKED_UNITS), key=len, reverse=True))
    + r")"
)
_HOW = {  # 多 + an adjective: 多大 a size (not 多大年纪, an age), 多久 a duration …
    "多大年纪": "age",
    "多大岁数": "age",
    "多大": "area",
    "多久": "duration",
    "多长时间": "duration",
    "多少时间": "duration",
    "百分之几": "share",
    "几成": "share",
}
_ONCE = re.compile(r"(?:多久|多长时间|几个?(?:天|周|星期|月|年)).*一[次回趟遍]")
_HOW_ASKED = re.compile("|".join(sorted(_HOW, key=len, reverse=True)))


def quantity_slots(question: str) -> frozenset[Slot]:
    """Which quantity the question asks of a figure (see the module's docstring): ("bracket", "at least" |
    "at most"), ("scope", "total" | "each"), ("asked", "money" | "times" | "duration" | "age" | "area" |
    "date" | "share" | "weekday")."""
    text = to_simplified(unicodedata.normalize("NFKC", question))
    found: set[Slot] = {
        ("bracket", _OTHER_SIDE[_BRACKETS[m["negated"]]] if m["negated"] else _BRACKETS[m.group()])
        for m in _BRACKET.finditer(text)
    }
    if _TOTAL.search(text):
        found.add(("scope", "total"))
    if _EACH.search(text):
        found.add(("scope", "each"))
    found.update(("asked", _HOW[m.group()]) for m in _HOW_ASKED.finditer(text))
    found.update(("asked", _ASKED_UNITS[m.group(1)]) for m in _ASKED.finditer(text))
    if WEEKDAY.search(text):  # 礼拜几 asks a day of the week: against 几号 (a date) it asks another thing
        found.add(("asked", "weekday"))
    if ("asked", "duration") in found and _ONCE.search(text):  # 多久联系一次: how often, as 每季度几次
        found = (found - {("asked", "duration")}) | {("asked", "times")}
    return frozenset(found)


def _by_kind(slots: Iterable[Slot]) -> dict[str, set[str]]:
    kinds: dict[str, set[str]] = {}
    for kind, value in slots:
        kinds.setdefault(kind, set()).add(value)
    return kinds


def slots_conflict(a: frozenset[Slot], b: frozenset[Slot]) -> bool:
    """Whether two questions name disjoint values for a slot both name (one that leaves it out never does)."""
    left, right = _by_kind(a), _by_kind(b)
    return any(left[k].isdisjoint(right[k]) for k in left.keys() & right.keys())


_STAFF = re.compile(r"工作者|工作人员")


def names_staff(question: str) -> bool:
    """Whether the question is about the people who do a work (「老干部工作者」, 「…工作人员」), not those the work
    serves: 「对老干部工作者要常怀什么样的心」 and 「对老同志要常怀什么样的心」 ask about different people in
    otherwise the same words (and the search's words cannot tell: 老干部工作/者)."""
    return bool(_STAFF.search(to_simplified(unicodedata.normalize("NFKC", question))))


# Words of one contrasting kind, each with the value it names (session pins60): two questions alike but for a
# word of one value against a word of another value of its kind ask about another thing — a time scope
# (「每次最多多少钱」 against 「每年累计最多多少钱」), a side of a bound (以上 against 以下), who is meant (离休
# against 退休), which end of an event (开幕 against 闭幕); words of one value (开幕, 开始) do not contrast.
# A bound word after a negation is read as the other side, as `quantity_slots` reads brackets (不超过, 不得超过:
# at most; 不少于: at least; session pins61).
CONTRASTS: dict[str, dict[str, str]] = {
    "scope": {
        **dict.fromkeys(("每次", "单次", "一次性"), "occasion"),
        **dict.fromkeys(("每年", "全年", "年度"), "year"),
        "每月": "month",
        "每季度": "quarter",
        "每周": "week",
        **dict.fromkeys(("每天", "每日"), "day"),
        "累计": "total",
        "每届": "term",
    },
    "bound": {
        **dict.fromkeys(("以上", "超过", "高于", "多于", "最少", "最低", "至少", "下限"), "at least"),
        **dict.fromkeys(("以下", "以内", "不足", "不满", "低于", "少于", "最多", "最高", "上限"), "at most"),
    },
    "status": {"离休": "离休", "退休": "退休", "在职": "在职", "遗属": "遗属", "离退休": "离退休"},
    "event": {
        **dict.fromkeys(("开幕", "开始", "启动", "出发"), "start"),
        **dict.fromkeys(("闭幕", "结束", "返回", "截止"), "end"),
    },
}
# 不 (and a modal between: 不能, 不得 …) before a bound word of a comparison negates it: 不超过 is at most.
_NEGATION = r"不(?:能|得|可|应|宜|要|会|准)?"
_NEGATED = ("超过", "高于", "多于", "少于", "低于")


def _contrast_pattern(kind: str) -> re.Pattern[str]:
    words = sorted(CONTRASTS[kind], key=len, reverse=True)  # longer words first: 离退休 before 离休
    negated = rf"{_NEGATION}(?P<negated>{'|'.join(_NEGATED)})|" if kind == "bound" else ""
    return re.compile(negated + "|".join(map(re.escape, words)))


_CONTRAST_PATTERNS = {kind: _contrast_pattern(kind) for kind in CONTRASTS}
_NEGATED_SIDE = {
    "超过": "at most",
    "高于": "at most",
    "多于": "at most",
    "少于": "at least",
    "低于": "at least",
}


def contrast_words(question: str) -> dict[str, dict[str, str]]:
    """Per contrasting kind (`CONTRASTS`) the question names, its words of that kind and their values, read
    left to right with the longer word first, so that a shorter word inside a longer one (离休 inside 离退休,
    超过 inside 不超过) does not count apart; a negated bound word (不得超过) names the other side."""
    text = to_simplified(unicodedata.normalize("NFKC", question))
    found: dict[str, dict[str, str]] = {}
    for kind, pattern in _CONTRAST_PATTERNS.items():
        held = {
            m.group(): _NEGATED_SIDE[m["negated"]]
            if m.groupdict().get("negated")
            else CONTRASTS[kind][m.group()]
            for m in pattern.finditer(text)
        }
        if held:
            found[kind] = held
    return found


def contrasted(a: str, b: str) -> frozenset[str]:
    """The words of a contrasting kind where the two questions name disjoint values of it — what sets two
    otherwise alike questions apart (empty when none). A word both name is set aside first: a question naming
    two values of a kind (离休干部遗属) against one naming one of them (遗属) is no contrast, nor 「闭幕式几点开始」
    against 「开幕式几点开始」 only by 开始 — 闭幕 against 开幕 is."""
    left, right = contrast_words(a), contrast_words(b)
    out: set[str] = set()
    for kind in left.keys() & right.keys():
        mine = {w: v for w, v in left[kind].items() if w not in right[kind]}
        theirs = {w: v for w, v in right[kind].items() if w not in left[kind]}
        if mine and theirs and set(mine.values()).isdisjoint(theirs.values()):
            out |= mine.keys() | theirs.keys()
    return frozenset(out)


# A standard or a rule asked about with no time is the one in force now; a question naming the one before
# (原来, 原标准, 调整前 …) asks another value of it (session pins61: 「生日慰问原来是多少」 against a pin on
# 「生日慰问标准是多少」). 以前/之前 are left out: they also bound a date (「3月底以前报名」).
_FORMER = re.compile(r"原来|原先|过去|以往|从前|调整前|提高前|原标准|旧标准|老标准|原政策|旧政策")


def names_former(question: str) -> bool:
    """Whether the question asks the value before (原来, 原标准, 调整前 …), not the one in force."""
    return bool(_FORMER.search(to_simplified(unicodedata.normalize("NFKC", question))))


@cache
def _time_spellings() -> dict[str, frozenset[Slot]]:
    """Each spelling of retrieval/data/time_words.txt with the times (kind, value) it names, read once."""
    spellings: dict[str, set[Slot]] = {}
    text = (files("retrieval") / "data" / "time_words.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, value, words = line.split("\t")
        for word in words.split():
            spellings.setdefault(word, set()).add((kind, value))
    return {w: frozenset(v) for w, v in spellings.items()}


def time_words() -> frozenset[str]:
    """Every spelling of a time of retrieval/data/time_words.txt (春节, 过年, 周五, 星期五, 下午, 冬天 …)."""
    return frozenset(_time_spellings())


def time_slots(text: str, words: Iterable[str]) -> frozenset[Slot]:
    """The times (kind, value) a question names (session mend65p): those of its words (jieba's, as
    `index.query_terms` cuts them: 「每周五」 gives 周五, 「每周一次」 no 周一) that retrieval/data/time_words.txt
    spells, and of its spellings of three characters or more found in the text (正月十五, 八月十五: jieba cuts
    them in two); since session pins66 also a spelling a word ends in after a time pointing from now or a date
    (今年底, 下月初: `_before`). A spelling inside another the question names names nothing of its own (年节 in
    五四青年节, 新年 in 农历新年, 月初 in 正月初一), nor one negated (非工作日)."""
    spellings = _time_spellings()
    cuts = _cuts(text)
    # a spelling counts where it is whole words of jieba's cut of the text (mend67p): not 下午 of 下午茶, 工作日 of
    # 工作日记 (工作/日记); 正月十五 (正月/十五) counts
    named = {w: spellings[w] for w in words if w in spellings and _whole(w, text, cuts)}
    named.update((w[-len(t) :], slots) for w in words if w not in spellings for t, slots in [_before(w)] if t)
    named.update(
        (w, slots) for w, slots in spellings.items() if len(w) >= 3 and w in text and _whole(w, text, cuts)
    )
    return frozenset(
        slot
        for w, slots in named.items()
        if "非" + w not in text and not any(w != o and w in o for o in named) and _free(w, slots, text)
        for slot in slots
    )


def _cuts(text: str) -> frozenset[int]:
    """Where jieba's words of the text begin and end."""
    at, cuts = 0, {0}
    for token in jieba_cut(text):
        at += len(token)
        cuts.add(at)
    return frozenset(cuts)


def _whole(word: str, text: str, cuts: frozenset[int]) -> bool:
    """Whether the word occurs in the text as whole words of its cut, or with only a time pointing from now or a
    date before it (今年底) or a particle jieba glued after it (「立春给」) in the same word (or the text does not
    hold it: a word given). Not 下午 of 下午茶, 工作日 of 工作日记."""
    starts = _starts(word, text)
    if not starts:
        return True
    for i in starts:
        before = max((c for c in cuts if c <= i), default=0)
        after = min((c for c in cuts if c >= i + len(word)), default=len(text))
        head, tail = text[before:i], text[i + len(word) : after]
        if (not head or _BEFORE_TIME.fullmatch(head)) and (
            not tail or (len(tail) == 1 and tail in _AFTER_TIME)
        ):
            return True
    return False


# what stands before a solar term's name and makes it no time: weather (下大雪); what follows (小雪天, 年终奖)
_WEATHER_BEFORE, _WEATHER_AFTER, _NOUN_AFTER = "下", "天", "奖"
# a character before a term that is a surname only by the book, written before a time in running text (在, 过,
# 今, 年: not 周 — a week is not said before a solar term, 周 is a common surname)
_NO_NAME_BEFORE = frozenset(
    f"在是到至从于和与及过等给的了个{_NUMERALS}今明昨去前后当本这那每上下此该年月日号天第"
)


def _free(word: str, slots: frozenset[Slot], text: str) -> bool:
    """Whether the question writes the spelling as a time somewhere (session mend66p): not as the part of a month
    or year before a numeral, a lunar date (正月初五, 大年初二: 月初, 年初 followed by 五, 二), not as a festival named
    by numerals inside a longer number (五四 of 二〇五四年; `_inside_a_number`), not as a solar term
    inside a person's name (赵秋分, 孙夏至同志: a surname before it) or the weather (下大雪, 小雪天), not before 奖
    (年终奖: a bonus). A text not holding the word (jieba's word only) is read as written."""
    if word not in text:
        return True
    terms = any(kind == "节气" for kind, _ in slots)
    for start in _starts(word, text):
        before, after = text[start - 1 : start], text[start + len(word) : start + len(word) + 1]
        if word.endswith("初") and after and after in NUMERAL_CHARS:
            continue
        if all(c in NUMERAL_CHARS for c in word) and _inside_a_number(word, start, text):
            continue
        if after == _NOUN_AFTER:
            continue
        if terms and (
            before == _WEATHER_BEFORE
            or after == _WEATHER_AFTER
            or (before and before not in _NO_NAME_BEFORE and name_parts(before + word) is not None)
        ):
            continue
        return True
    return False


# what follows a number that is a year or a date (二〇五四年, 一九八一年, 五一二日): no festival is named inside it
_DATE_AFTER = frozenset("年月日号")
_IN_DATES = NUMERAL_CHARS - {
    "两"
}  # the numerals a year or a date is written with (两 counts things: 五一十一两个长假)
_SHORTHAND = ("十一",)  # 国庆's shorthand (十一黄金周), left out of time_words.txt: 十一 is eleven as often


_FESTIVAL = "节日"


@cache
def _festival_numerals() -> frozenset[str]:
    """The festivals spelled by two numerals (五一, 七一, 五四 …, 三八 of 三八节, 九九 of 九九重阳, and 十一): the
    numerals each spelling of retrieval/data/time_words.txt starts with, when two, and `_SHORTHAND`."""
    found = set(_SHORTHAND)
    for spelling, times in _time_spellings().items():
        lead = len(spelling) - len(spelling.lstrip("".join(NUMERAL_CHARS)))
        if lead == 2 and any(kind == _FESTIVAL for kind, _ in times):
            found.add(spelling[:2])
    return frozenset(found)


def _inside_a_number(word: str, start: int, text: str) -> bool:
    """Whether a festival spelled by numerals (五四, 八一) stands inside a longer number — a year or a date
    (二〇五四年, 一九八一年: the run of numerals followed by 年, 月, 日 or 号) or any number its run does not
    read wholly as festivals side by side (五一二, 一九八一) — and names no festival there (pins68); festivals
    written side by side (七一八一走访, 五一十一两个长假, 三八五一期间) are each one (session mend68p)."""
    first, end = start, start + len(word)
    while first > 0 and text[first - 1] in _IN_DATES:
        first -= 1
    while end < len(text) and text[end] in _IN_DATES:
        end += 1
    if (first, end) == (start, start + len(word)):
        return False
    if text[end : end + 1] in _DATE_AFTER and end < len(text):
        return True
    pieces = [text[i : i + 2] for i in range(first, end, 2)]
    festivals = _festival_numerals()
    return (end - first) % 2 != 0 or (start - first) % 2 != 0 or any(p not in festivals for p in pieces)


def _starts(word: str, text: str) -> list[int]:
    return [i for i in range(len(text) - len(word) + 1) if text.startswith(word, i)]


# what may stand before a time in one jieba word and leave its value as it is: a time pointing from now or from
# another (今, 去, 本, 下, 每…) and a date's numerals and units (八日上午, 昨天下午, 今年底, 下月初)
_BEFORE_TIME = re.compile(rf"[今明昨去前后当本这那每上下此该年月日号天周第{_NUMERALS}0-9]+")


# a particle or preposition jieba's guess for a word it does not know may glue after a time (「立春给」)
_AFTER_TIME = frozenset("给的时前后里起至到在")


def _before(word: str) -> tuple[str, frozenset[Slot]]:
    """The spelling a jieba word ends in (at least two characters) after a time pointing from now or a date,
    with the times it names (今年底 → 年底, 八日上午 → 上午), or begins with before one particle jieba glued to it
    (立春给 → 立春); none for any other word (非工作日, 年终奖)."""
    spellings = _time_spellings()
    for start in range(1, len(word) - 1):
        if word[start:] in spellings and _BEFORE_TIME.fullmatch(word[:start]):
            return word[start:], spellings[word[start:]]
    if word[:-1] in spellings and len(word) > 2 and word[-1] in _AFTER_TIME:  # jieba's 「立春给」
        return word[:-1], spellings[word[:-1]]
    return "", frozenset()


def states_time(text: str, time: Slot) -> bool:
    """Whether the text writes this time (kind, value) in any of its spellings — not only inside a longer
    spelling of another time (年节 inside 青年节, 新年 inside 农历新年)."""
    spellings = _time_spellings()
    for word, slots in spellings.items():
        if time in slots and word in text:
            rest = text
            # another time's spelling is masked first, longest first, so neither one holding this word (年节 in
            # 青年节) nor one overlapping it (大暑 in 「大暑期间」, where 暑期 straddles) reads as this time
            for other in sorted(spellings, key=len, reverse=True):
                if other != word and other not in word and time not in spellings[other]:
                    rest = rest.replace(other, "\x00")
            if word in rest:
                return True
    return False


def other_time(a: str, b: str) -> bool:
    """Whether two words name two values of one kind of time and no value in common (中秋 against 重阳节, 下午
    against 上午, 周三 against 星期五, 冬天 against 夏季), by retrieval/data/time_words.txt — not one value
    written two ways (春节, 过年, 年节; 重阳, 九九重阳), nor a word naming both (周末 against 周六)."""
    spellings = _time_spellings()
    mine, theirs = spellings.get(a, frozenset()), spellings.get(b, frozenset())
    return not (mine & theirs) and bool({k for k, _ in mine} & {k for k, _ in theirs})


def times_swapped(new: frozenset[Slot], pinned: frozenset[Slot], passage: str) -> bool:
    """Whether a question naming the times `new` asks another time than one naming `pinned`, pinned to a
    passage with this text (folded): for a kind both name, the new one names a value the pinned one does not
    and the passage does not write (in any spelling), and drops one the pinned one names (重阳 → 中秋 on a
    passage of 重阳节 only). The same value written otherwise (年节 for 春节) names no other value."""
    for kind in {k for k, _ in new} & {k for k, _ in pinned}:
        mine = {t for t in new if t[0] == kind}
        theirs = {t for t in pinned if t[0] == kind}
        if theirs - mine and any(not states_time(passage, t) for t in mine - theirs):
            return True
    return False


# an asking word of the hour: a part of the day right before it is part of the time asked (早上几点出发), not one the
# question names; nor is one before 饭 or 餐 (中午饭, 晚餐: a meal)
_ASKED_HOUR = r"(?=几点|几时|什么时候|什么时间|啥时候|啥时间|多会儿|饭|餐)"


@cache
def _asked_times() -> re.Pattern[str]:
    spellings = _time_spellings()
    parts = sorted((w for w, slots in spellings.items() if any(k == "时段" for k, _ in slots)), key=len)
    every = "|".join(map(re.escape, sorted(spellings, key=len, reverse=True)))
    hours = "|".join(map(re.escape, reversed(parts)))
    # times offered to choose from (上午还是下午, 春季或者秋季): the question names none of them on its own
    return re.compile(rf"(?:{every})(?:还是|或者|或)(?:{every})|(?:{hours}){_ASKED_HOUR}")


def without_asked_times(question: str) -> str:
    """The question without the times it names only as part of what it asks (session pins67): a part of the day
    right before an asking word of the hour (「早上几点出发」) or naming a meal (「中午饭」), times offered to
    choose from (「上午还是下午」)."""
    return _asked_times().sub("", question)


def times_added(new: frozenset[Slot], pinned: frozenset[Slot], document: str) -> bool:
    """Whether a question naming the times `new` names one a pin does not: a time the pinned question (naming
    `pinned`) does not name and its document (folded: title, heading and text) does not write in any spelling
    (春季 asked of a pin over 「秋季招生简章」; session pins67). The same value written otherwise is no time
    added (过年 on a document of 春节)."""
    return any(t not in pinned and not states_time(document, t) for t in new)


def years_named(question: str) -> frozenset[Slot]:
    """The years a question names as a time (session pins68): a year by its number (2027年, 二〇二七年度:
    ("year", "2027")) and one pointing from now (明年, 去年, 今年: ("relative year", "1")), as `question_slots`
    reads them."""
    return frozenset(s for s in question_slots(question) if s[0] in ("year", "relative year"))


def years_added(new: str, pinned: str, document: str, year_of_text: int | None = None) -> bool:
    """Whether the new question names a year the pin does not (session pins68): a year by its number (「银龄先锋
    积分2027年度什么时候兑换」) or one pointing from now (明年, 去年, 今年) that neither the pinned question nor the
    pinned passage's document writes. What they write is read as `retrieval.filters.years_written` reads a
    passage (a year, a 文号's 〔2027〕, a range 2021—2025年, a date 2027-03-01, and — given the year of the
    speech, `year_of_text` — 今年, 去年 … from it); the speech's own year is stated too, and a year asked from now
    is that year from the speech's. Without the speech's year, one asked from now is stated when the pin writes
    it from now as well, 今年 when it writes any year (a notice is of the year it writes). A year the question
    only asks (哪一年, 几几年) is none (session mend68p)."""
    stated = set(years_written(pinned + "\n" + document, year_of_text))
    if year_of_text is not None:
        stated.add(year_of_text)
    relative = {int(v) for k, v in years_named(pinned) | years_named(document) if k == "relative year"}
    for kind, value in years_named(new):
        if kind == "year":
            if int(value) not in stated:
                return True
        elif year_of_text is not None:
            if year_of_text + int(value) not in stated:
                return True
        elif int(value) not in relative and not (value == "0" and stated):
            return True
    return False
