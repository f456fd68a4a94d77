"""retrieval.slots: the values a question names, and when two questions name different ones."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.slots import (
    _inside_a_number,
    contrasted,
    names_former,
    other_time,
    quantity_slots,
    question_slots,
    slots_conflict,
    states_time,
    time_slots,
    time_words,
    times_swapped,
)

TOPICS = st.sampled_from(
    ["老干部工作的成绩主要表现在几个方面？", "召开了什么会议", "离休干部体检有什么规定", "活动中心几点开门"]
)
DIGITS = "〇一二三四五六七八九"


def chinese_year(year: int) -> str:
    return "".join(DIGITS[int(d)] for d in str(year))


@given(TOPICS, st.integers(1990, 2040), st.integers(1990, 2040), st.booleans())
def test_two_different_years_conflict_and_the_same_year_however_written_does_not(
    topic: str, a: int, b: int, chinese: bool
) -> None:
    left = question_slots(f"{a}年{topic}")
    right = question_slots(f"{chinese_year(b) if chinese else b}年{topic}")
    assert slots_conflict(left, right) == (a != b)


@given(
    TOPICS,
    st.sampled_from(["今年", "去年", "前年", "明年", "后年"]),
    st.sampled_from(["今年", "去年", "前年", "明年", "后年"]),
)
def test_relative_years_conflict_when_they_differ(topic: str, a: str, b: str) -> None:
    assert slots_conflict(question_slots(a + topic), question_slots(b + topic)) == (a != b)


@given(TOPICS, st.integers(1, 30), st.integers(1, 30), st.sampled_from(["条", "次", "项"]))
def test_an_ordinal_conflicts_with_another_of_its_kind(topic: str, a: int, b: int, unit: str) -> None:
    left, right = question_slots(f"第{a}{unit}{topic}"), question_slots(f"第{b}{unit}{topic}")
    assert slots_conflict(left, right) == (a != b)


@given(st.text(alphabet="今去前明年第一二三四五十条次个名人全市省委的会工作老干部2028", max_size=30))
def test_a_question_never_conflicts_with_itself_nor_with_one_naming_nothing(text: str) -> None:
    slots = question_slots(text)
    assert not slots_conflict(slots, slots)
    assert not slots_conflict(slots, frozenset()) and not slots_conflict(frozenset(), slots)


@given(
    st.text(alphabet="今去前明年第一二三四五十条次个名人全市省委的会工作老干部2028", max_size=30),
    st.text(alphabet="今去前明年第一二三四五十条次个名人全市省委的会工作老干部2028", max_size=30),
)
def test_conflict_is_symmetric(a: str, b: str) -> None:
    left, right = question_slots(a), question_slots(b)
    assert slots_conflict(left, right) == slots_conflict(right, left)


def test_a_paraphrase_that_drops_or_rewords_a_value_does_not_conflict() -> None:
    pinned = question_slots("水温低于5摄氏度时每次冬泳在水里能待多久？")
    assert not slots_conflict(pinned, question_slots("水温5度以下一次能游多长时间"))
    assert not slots_conflict(pinned, question_slots("冬泳在水里能待多久"))
    assert not slots_conflict(question_slots("全市共有多少离休干部"), question_slots("我市离休干部有多少"))


def test_the_slots_near_misses_change() -> None:
    pairs = [
        ("去年我市老干部工作的成绩主要表现在几个方面？", "前年我市老干部工作的成绩主要表现在几个方面？"),
        ("今年上半年召开了什么会", "今年下半年召开了什么会"),
        ("《办法》第四条规定了什么", "《办法》第一条规定了什么"),
        ("五中全会提出了哪三个新", "四中全会提出了哪三个新"),
        ("十四五时期的目标", "十三五时期的目标"),
        ("全省有多少离休干部", "全市有多少离休干部"),
        ("2027年工作总结", "二〇二八年工作总结"),
    ]
    for a, b in pairs:
        assert slots_conflict(question_slots(a), question_slots(b)), (a, b)


def test_numerals_inside_words_are_not_values() -> None:
    assert question_slots("统一使用什么记录本") == frozenset()
    assert question_slots("这件事十分重要吗") == frozenset()
    assert question_slots("付守诚同志是哪一年离休的") == frozenset()  # asks which year: no value
    assert question_slots("每一年体检几次") == frozenset()


# Which quantity a question asks (retrieval.slots.quantity_slots; session pins44)

FIGURES = st.sampled_from(
    ["每月离退休费5000元", "年龄在八十周岁", "归还期限15天", "每户补贴4000元", "活动室"]
)
AT_LEAST = ["以上", "超过", "至少", "不少于", "不低于", "起码"]
AT_MOST = ["以下", "以内", "不满", "不到", "最多", "不超过", "不能超过", "上限"]


@given(FIGURES, st.sampled_from(AT_LEAST + AT_MOST), st.sampled_from(AT_LEAST + AT_MOST))
def test_two_sides_of_a_bracket_conflict_and_one_side_however_worded_does_not(
    figure: str, a: str, b: str
) -> None:
    left, right = quantity_slots(f"{figure}{a}的怎么办？"), quantity_slots(f"{figure}{b}的怎么办？")
    assert slots_conflict(left, right) == ((a in AT_LEAST) != (b in AT_LEAST))


def test_a_negated_limit_is_read_as_its_other_side() -> None:
    assert quantity_slots("候选人年龄不能超过几岁") == quantity_slots("候选人年龄原则上不超过多少岁")
    assert ("bracket", "at most") in quantity_slots("不得超过三个月")
    assert ("bracket", "at least") in quantity_slots("集中学习不得低于3天")


def test_a_total_conflicts_with_each_ones_and_a_period_is_neither() -> None:
    total, each = quantity_slots("“银发田园”一共有多少块地块？"), quantity_slots("“银发田园”每块地有多大？")
    assert slots_conflict(total, each)
    assert not slots_conflict(quantity_slots("每人每年一共交多少"), total)  # 每年: a period, not each one
    assert not slots_conflict(quantity_slots("助听器单价标准"), quantity_slots("每副助听器按多少钱采购"))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("同一人每周最多能预约几次活动室？", "活动室每次预约最多能用几个小时？"),  # times, a duration
        ("一块地多少平米", "一块地多少钱"),  # an area, money
        ("多大年纪能参加", "要参加多少年"),  # an age, a duration
        ("党费交百分之几", "党费交多少钱"),  # a share, money
    ],
)
def test_different_kinds_of_asked_quantity_conflict(a: str, b: str) -> None:
    assert slots_conflict(quantity_slots(a), quantity_slots(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("活动室一次最多用几个钟头", "活动室每次预约最多能用几个小时？"),
        ("移居外地老同志原单位每季度要联系几次", "原单位多久联系一次？"),  # how often, both
        ("退休费不到五千块的党费交百分之几", "每月离退休费5000元以下的党员按多少比例交纳党费？"),
        ("医疗互助金每人一年交几块钱", "医疗互助金每人每年缴纳多少钱？"),
        ("银发田园一块地多少平米", "“银发田园”每块地有多大？"),
        ("针灸理疗室星期几有医生看", "中医针灸理疗室每周哪几天开诊？"),  # 哪几天 asks which days
        ("活动室单次预约使用时长上限", "活动室每次预约最多能用几个小时？"),
    ],
)
def test_a_paraphrase_asking_the_same_quantity_in_other_words_does_not_conflict(a: str, b: str) -> None:
    assert not slots_conflict(quantity_slots(a), quantity_slots(b))


QUANTITY_TEXT = st.text(
    alphabet="几多少次个小时钱大年纪每块一共以上以下最多至少不超过满到比例的人天", max_size=30
)


@given(QUANTITY_TEXT, QUANTITY_TEXT)
def test_quantities_never_conflict_with_themselves_nor_with_none_and_conflict_is_symmetric(
    a: str, b: str
) -> None:
    left, right = quantity_slots(a), quantity_slots(b)
    assert not slots_conflict(left, left) and not slots_conflict(left, frozenset())
    assert slots_conflict(left, right) == slots_conflict(right, left)
    assert quantity_slots(a) == quantity_slots(
        a.replace("个", "個").replace("钱", "錢")
    )  # traditional script


# What is paid, asked with 多少, asks money as 「多少钱」 does (session pins46: the reading `asks_for` gives
# the answer finder; 「上门助浴每次收费多少」 against 「每月几次」 was a false pin of batch 14). Measured on the
# fifteenth batch it changed nothing there (13/48 at 2/64 either way), so the committed rule did not hold and
# the reading was taken back out (docs/pins46.md): the tests of what it would read stay, as strict xfail.
NOT_SHIPPED = pytest.mark.xfail(
    strict=True, reason="money by what is paid: measured, not shipped (docs/pins46.md, session pins46)"
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("上门助浴服务每次收费多少？", "上门助浴每月几次？"),  # money, times
        ("诗词楹联学会会员每年交多少会费？", "会员多少岁以上免交会费？"),  # money, an age
        ("异地旅居每人往返交通费最高补助多少？", "异地旅居每期住多少天？"),  # money, a duration
        ("党员每月交多少党费？", "党员按多少比例交纳党费？"),  # money, a share
    ],
)
@NOT_SHIPPED
def test_what_is_paid_asked_with_duoshao_asks_money(a: str, b: str) -> None:
    assert ("asked", "money") in quantity_slots(a)
    assert slots_conflict(quantity_slots(a), quantity_slots(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("上门助浴一回收费多少", "上门助浴服务每次多少钱？"),
        ("补助费每月发多少", "每月补助多少元"),
        ("老年大学学费标准", "老年大学每门课学费多少钱？"),  # a noun phrase names no quantity: no conflict
    ],
)
def test_money_asked_by_what_is_paid_or_by_its_unit_does_not_conflict(a: str, b: str) -> None:
    assert not slots_conflict(quantity_slots(a), quantity_slots(b))


PAID = st.sampled_from(["收费", "学费", "会费", "材料费", "补贴", "慰问金", "费用标准是"])
ASKED_ELSE = st.sampled_from(["几次", "几个小时", "多少岁", "多少天", "百分之几", "多少平米"])


@NOT_SHIPPED
@given(st.sampled_from(["上门助浴", "老年大学", "旅居康养", ""]), PAID, ASKED_ELSE)
def test_a_fee_asked_with_duoshao_conflicts_with_another_kind_and_never_with_itself(
    topic: str, paid: str, other: str
) -> None:
    fee, asked = quantity_slots(f"{topic}每人{paid}多少？"), quantity_slots(f"{topic}每人{other}？")
    assert not slots_conflict(fee, fee) and not slots_conflict(fee, quantity_slots(f"{topic}每人多少钱？"))
    assert slots_conflict(fee, asked) and slots_conflict(asked, fee)


def test_contrasted_words_are_another_value_of_one_kind() -> None:
    # a time scope against another, a side of a bound, who is meant, an end of an event
    assert contrasted("遗属临时补助每年累计最多多少钱？", "遗属临时补助每次最多多少钱？") == {
        "每年",
        "累计",
        "每次",
    }
    assert contrasted("5000元以上的项目谁审批", "5000元以下的项目谁审批") == {"以上", "以下"}
    assert contrasted("退休干部体检有什么规定", "离休干部体检规定是什么") == {"退休", "离休"}
    assert contrasted("运动会闭幕式几点", "运动会开幕式几点开始") == {"闭幕", "开幕", "开始"}
    # words of one value, a kind only one side names, a word inside a longer one found: no contrast
    assert contrasted("运动会开幕几点", "健身运动会几点开始") == frozenset()
    assert contrasted("离休干部报刊费多少", "离休干部每年报刊费标准多少") == frozenset()
    assert contrasted("离退休干部体检", "离退休干部每年体检几次") == frozenset()


@given(
    st.text(alphabet="每次年累计以上下离退休开闭幕始干部多少钱", max_size=12),
    st.text(alphabet="每次年累计以上下离退休开闭幕始干部多少钱", max_size=12),
)
def test_contrast_is_symmetric_and_never_between_a_question_and_itself(a: str, b: str) -> None:
    assert contrasted(a, b) == contrasted(b, a)
    assert contrasted(a, a) == frozenset()


# -- contrast, session pins61: a negated bound word is its other side; only disjoint values contrast ----------


def test_a_negated_bound_word_reads_as_the_other_side() -> None:
    # 「累计不超过」 is at most, as 「最多」: a paraphrase, no contrast (batch 18's l13 paraphrase was read as one)
    assert contrasted("目录外药品每年报销累计不超过多少？", "目录外的药一年最多报多少钱") == frozenset()
    assert contrasted("申请金额不得超过多少", "申请金额上限是多少") == frozenset()
    assert contrasted("每次不超过多少人", "每次超过多少人要报批") == {"不超过", "超过"}
    assert contrasted("学费不少于多少", "学费最多多少") == {"不少于", "最多"}


def test_a_question_naming_two_values_of_a_kind_does_not_contrast_with_one_naming_one_of_them() -> None:
    assert contrasted("离休干部遗属春节慰问金每人多少？", "遗属春节慰问金每人多少") == frozenset()
    assert contrasted("每年累计最多报多少", "累计最多报多少") == frozenset()
    # disjoint values still do
    assert contrasted("离休干部遗属春节慰问金每人多少？", "退休干部春节慰问金每人多少？") == {
        "离休",
        "遗属",
        "退休",
    }


BOUND_WORDS = st.sampled_from(["超过", "高于", "多于", "少于", "低于"])


@given(
    st.sampled_from(["报销金额", "每次活动人数", "学费", ""]),
    BOUND_WORDS,
    st.sampled_from(["", "能", "得", "准"]),
)
def test_a_negated_bound_word_never_contrasts_with_its_other_side_and_always_with_itself_unnegated(
    topic: str, word: str, modal: str
) -> None:
    negated = f"{topic}不{modal}{word}多少"
    other = "最多" if word in ("超过", "高于", "多于") else "至少"
    assert contrasted(negated, f"{topic}{other}多少") == frozenset()
    assert contrasted(negated, f"{topic}{word}多少") == {f"不{modal}{word}", word}


KIND_WORDS = st.sampled_from(["每次", "每年", "累计", "以上", "以下", "离休", "退休", "遗属", "开幕", "闭幕"])


@given(st.lists(KIND_WORDS, min_size=1, max_size=3), st.lists(KIND_WORDS, min_size=1, max_size=3))
def test_contrast_fires_only_where_a_kind_both_name_has_disjoint_values(a: list[str], b: list[str]) -> None:
    left, right = "离休干部补助" + "".join(a), "离休干部补助" + "".join(b)
    words = contrasted(left, right)
    # a question that holds every word of the other (it names more values, or the same) never contrasts
    if set(a) <= set(b) or set(b) <= set(a):
        assert words == frozenset()
    assert words <= set(a) | set(b) | {"离休"}


def test_the_value_before_is_named_by_its_words_not_by_a_date_bound() -> None:
    assert (
        names_former("生日慰问原来是多少")
        and names_former("调整前的取暖费")
        and names_former("原标准每月多少")
    )
    assert not names_former("3月底以前报名") and not names_former("原单位要在几天内开具")
    assert not names_former("退休的原副处级以上干部体检标准")


def test_two_times_of_one_kind_are_other_values_and_one_time_written_two_ways_is_not() -> None:
    """`other_time` (session mend65p, by retrieval/data/time_words.txt): two festivals, weekdays, parts of the
    day or seasons are two values whether or not they share a character (中秋/重阳节, 元旦/春节, 周一/周五,
    上午/下午: the review of pins65 found them served); one value written two ways is none (春节/过年/年节,
    中秋节/团圆节, 重阳/九九重阳, 冬天/寒冬), nor a word naming both (周末/周六), nor two kinds (上午/周五), nor
    words that are no time (今年, 防暑)."""
    for a, b in (
        ("春节", "重阳节"),
        ("中秋", "重阳节"),
        ("元旦", "春节"),
        ("周一", "周五"),
        ("星期一", "星期五"),
        ("周三", "礼拜五"),
        ("上午", "下午"),
        ("晚上", "中午"),
        ("冬天", "夏季"),
        ("春季", "秋季"),
        ("端午节", "中秋节"),
    ):
        assert other_time(a, b) and other_time(b, a), (a, b)
    for a, b in (
        ("春节", "过年"),
        ("春节", "年节"),
        ("中秋节", "团圆节"),
        ("重阳", "九九重阳"),
        ("冬天", "寒冬"),
        ("夏天", "夏季"),
        ("周末", "周六"),
        ("上午", "周五"),
        ("今年", "夏季"),
        ("防暑", "中暑"),
    ):
        assert not other_time(a, b) and not other_time(b, a), (a, b)


def test_a_question_names_its_times_by_kind_and_value() -> None:
    """jieba's words: 「每周五下午」 names 周五 and 下午, 「每周一次」 no weekday; spellings of three characters
    or more also where jieba cuts them (正月十五)."""
    from index import query_terms

    def times(question: str) -> frozenset[tuple[str, str]]:
        return time_slots(question, query_terms(question))

    assert times("电脑室每周五下午可以自主练习吗") == {("星期", "周五"), ("时段", "下午")}
    assert times("健康讲座每月第几个星期三上午") == {("星期", "周三"), ("时段", "上午")}
    assert times("异地安置的老干部年节慰问金发多少") == times("异地安置老干部的春节慰问金标准是多少？")
    assert times("九九重阳给老干部送多少") == {("节日", "重阳")}
    assert times("元宵节和正月十五一样吗") == {("节日", "元宵")}
    assert not times("电脑培训每周一次") and times("今年夏季的标准") == {("季节", "夏")}
    assert times("周末开放吗") == {("星期", "周六"), ("星期", "周日")}


def test_another_time_is_vetoed_unless_the_passage_writes_it_or_the_pinned_question_names_it_too() -> None:
    festival, mid_autumn = frozenset({("节日", "重阳")}), frozenset({("节日", "中秋")})
    assert times_swapped(mid_autumn, festival, "重阳节期间每人慰问金800元")
    assert not times_swapped(
        mid_autumn, festival, "重阳节、团圆节期间每人慰问金800元"
    )  # 中秋 written otherwise
    assert not times_swapped(mid_autumn, festival | mid_autumn, "")
    assert not times_swapped(frozenset(), festival, "") and not times_swapped(mid_autumn, frozenset(), "")
    weekend = frozenset({("星期", "周六"), ("星期", "周日")})
    assert not times_swapped(frozenset({("星期", "周六")}), weekend, "")
    assert times_swapped(frozenset({("星期", "周一")}), weekend, "周末开放")


@given(st.sampled_from(sorted(time_words())), st.sampled_from(sorted(time_words())))
def test_another_time_is_symmetric_and_never_a_word_against_itself(a: str, b: str) -> None:
    assert other_time(a, b) == other_time(b, a)
    assert not other_time(a, a) and not other_time(b, b)


@given(st.sampled_from(sorted(time_words())), st.data())
def test_one_time_written_any_of_its_ways_is_never_another(word: str, data: st.DataObject) -> None:
    """Two spellings of one value in the data file (春节, 过年, 年节 …) never veto each other, asked as a word or
    as the question's times against a passage writing nothing."""
    [value] = sorted(time_slots(word, [word]))[:1]
    same = sorted(w for w in time_words() if value in time_slots(w, [w]))
    other = data.draw(st.sampled_from(same))
    assert not other_time(word, other)
    assert not times_swapped(frozenset({value}), time_slots(other, [other]), "")


def _times(question: str) -> frozenset[tuple[str, str]]:
    from index import query_terms

    return time_slots(question, query_terms(question))


def test_a_passage_writes_a_time_only_where_it_is_not_inside_another_time() -> None:
    """`states_time` (the review of pins66): 年节 inside 五四青年节 writes no 春节, 新年 inside 农历新年 no 元旦;
    年节 on its own writes 春节, and 青年节 its own festival."""
    spring, youth = ("节日", "春节"), ("节日", "青年节")
    assert not states_time("五四青年节座谈会", spring) and states_time("五四青年节座谈会", youth)
    assert states_time("年节慰问每人800元", spring)
    assert states_time("五四青年节座谈会，年节慰问另行通知", spring)
    assert not states_time("农历新年团拜会", ("节日", "元旦"))


def test_every_spelling_inside_another_of_other_values_writes_nothing_of_its_own() -> None:
    """Exhaustively over retrieval/data/time_words.txt: a passage writing only a longer spelling (青年节, 农历新年)
    writes no value of a shorter spelling inside it (年节, 新年) that the longer one does not name itself."""
    words = sorted(time_words())
    checked = 0
    for longer in words:
        own = time_slots(longer, [longer]) | {s for w in words if w == longer for s in time_slots(w, [w])}
        for shorter in words:
            if shorter != longer and shorter in longer:
                for slot in time_slots(shorter, [shorter]) - own:
                    assert not states_time(f"{longer}活动安排", slot), (longer, shorter, slot)
                    checked += 1
    assert checked  # the file holds such pairs (年节 in 青年节, 新年 in 农历新年, 月初 in 正月初一)


def test_lunar_dates_bonuses_names_and_weather_name_no_part_of_a_month_or_a_solar_term() -> None:
    """The review of pins66: 月初, 年初 before a numeral are a lunar date (正月初五, 腊月初八, 大年初二), 年终奖 is
    a bonus, 赵秋分 a person, 下大雪 and 小雪天 the weather; a range names both its ends (一二季度, 上中旬)."""
    for question in (
        "正月初五有什么活动",
        "腊月初八发什么",
        "十月初一开会吗",
        "年初五上班吗",
        "年终奖发多少",
    ):
        assert not {k for k, _ in _times(question)} & {"月内", "年内"}, question
    for question in ("赵秋分同志的补助是多少", "孙夏至同志住哪里", "下大雪停课吗", "小雪天要注意什么"):
        assert not _times(question), question
    assert _times("月初报名") == {("月内", "月初")} and _times("今年年初开会") == {("年内", "年初")}
    assert _times("立春给离休干部发什么") == {("节气", "立春")} and _times("大雪那天吃什么") == {
        ("节气", "大雪")
    }
    assert _times("谷雨茶话会几点开始") == {("节气", "谷雨")}  # an event named by the day it is held: a time
    assert _times("一二季度完成多少") == {("季度", "一季度"), ("季度", "二季度")}
    assert _times("三四季度安排") == {("季度", "三季度"), ("季度", "四季度")}
    assert _times("上中旬报名") == {("月内", "月初"), ("月内", "月中")}


SOLAR_TERMS = sorted(w for w in time_words() if {k for k, _ in time_slots(w, [w])} == {"节气"})


@given(
    st.sampled_from(list("赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦许何吕张孔曹严华魏陶姜")),
    st.sampled_from(SOLAR_TERMS),
)
def test_a_common_surname_before_a_solar_term_is_a_name_not_a_time(surname: str, term: str) -> None:
    """A person named by a common surname and a solar term (赵秋分同志, 孙夏至) names no time (金 left out: 金秋分
    reads 金秋, a season, first); the term asked
    on its own does."""
    assert not _times(f"{surname}{term}同志的补助是多少"), (surname, term)
    assert _times(f"{term}那天活动室开门吗") == time_slots(term, [term])


# review of pins67 (session mend67p): a time word read only as whole words, not inside a compound
@given(st.sampled_from(["下午茶", "工作日记"]), st.sampled_from(["{w}怎么安排", "请问{w}的事", "{w}在哪里"]))
def test_a_time_inside_a_compound_names_no_time(word: str, form: str) -> None:
    from index import query_terms

    text = form.format(w=word)
    assert time_slots(text, query_terms(text)) == frozenset()


def test_a_time_written_whole_still_names_its_time() -> None:
    from index import query_terms

    for text in ["下午几点开门", "工作日几点开门", "正月十五有活动吗"]:
        assert time_slots(text, query_terms(text)), text


def test_a_festival_named_by_numerals_inside_a_year_is_no_time() -> None:
    """五四 of 二〇五四年 and 八一 of 一九八一年 are part of a year, not 青年节 or 建军节 (session pins68); 五四 and 八一 on
    their own still are."""
    assert not any(kind == "节日" for kind, _ in _times("二〇五四年度积分什么时候兑换"))
    assert not any(kind == "节日" for kind, _ in _times("一九八一年入党的老同志有几位"))
    assert ("节日", "青年节") in _times("五四那天有什么活动")
    assert ("节日", "建军节") in _times("八一慰问金每人多少")


def test_festivals_named_by_numerals_side_by_side_are_each_a_time() -> None:
    """七一八一, 五一十一, 三八五一 write festivals side by side: each is one (the review of pins68 found them read as
    none); 五一二 (a number), 一九八一年 (a year) still name none (session mend68p)."""
    assert {("节日", "建党节"), ("节日", "建军节")} <= _times("七一八一走访慰问老党员老战士")
    assert ("节日", "劳动节") in _times("五一十一两个长假老年大学放几天")
    assert ("节日", "劳动节") in _times("三八五一期间有什么活动")
    assert not any(kind == "节日" for kind, _ in _times("五一二那天开会"))


_NUMERAL_FESTIVALS = ("五一", "七一", "八一", "六一", "五四", "三八", "十一", "九九")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(_NUMERAL_FESTIVALS), min_size=1, max_size=4),
    st.integers(0, 3),
    st.integers(1900, 2099),
    st.sampled_from("年月日号"),
    st.sampled_from(("期间有什么活动", "走访慰问老同志", "放假吗")),
)
def test_a_festival_spelled_by_numerals_is_none_exactly_inside_a_year_or_a_date(
    festivals: list[str], at: int, year: int, after: str, rest: str
) -> None:
    """Festivals spelled by numerals written side by side (七一八一, 五一十一两个长假) are each a festival; the same
    spelling inside a year written in numerals (二〇五四年, 一九八一) or a run of numerals followed by 年, 月, 日 or
    号 (五一二日) is none (`_inside_a_number`; session mend68p)."""
    run = "".join(festivals)
    text = f"今年{run}{rest}"
    for i, word in enumerate(festivals):
        assert not _inside_a_number(word, len("今年") + 2 * i, text), (word, text)
    dated = f"{run}{after}{rest}"
    if len(festivals) > 1:
        assert all(_inside_a_number(w, 2 * i, dated) for i, w in enumerate(festivals)), dated
    spelled = chinese_year(year)
    for word in _NUMERAL_FESTIVALS:
        for start in range(len(spelled) - 1):
            if spelled[start : start + 2] == word:
                assert _inside_a_number(word, start + 1, f"在{spelled}{rest}"), spelled
                assert _inside_a_number(word, start + 1, f"在{spelled}年{rest}"), spelled
