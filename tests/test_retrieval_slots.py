"""retrieval.slots: the values a question names, and when two questions name different ones."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from retrieval.slots import question_slots, slots_conflict

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
