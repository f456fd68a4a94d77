"""Session pins47 (docs/pins47.md): 周几/礼拜几/星期几 ask a day of the week — a time, not a number — read the
same way on both questions (shipped); and a veto on two questions naming different things paid (学费 against
材料费), measured blind on the sixteenth batch and not shipped: its tests stay, as strict xfail."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.answer_type import asked_kinds, interrogative_kinds
from retrieval.pins import compare_questions, fold
from retrieval.slots import quantity_slots, slots_conflict


def idf(term: str) -> float:
    return 1.0


def against(asked: str, pinned: str) -> tuple[float, float]:
    """(asks_other, quantity_conflict) of `asked` against the pinned question, as matching reads them."""
    features = compare_questions(asked, pinned, "", 0.9, 0.0, idf)
    return features.asks_other, features.quantity_conflict


@pytest.mark.parametrize("weekday", ["周几", "星期几", "礼拜几", "禮拜幾"])
def test_a_weekday_asked_is_a_time_not_a_number(weekday: str) -> None:
    assert asked_kinds(fold(f"合唱团{weekday}排练")) == {"time"}
    assert ("asked", "weekday") in quantity_slots(f"合唱团{weekday}排练")


@pytest.mark.parametrize(
    "question",
    [
        "合唱团每周几次排练",
        "一星期几天上课",
        "每周几个小时",
        "礼拜几个人值班",
        "老干部活动中心每周几顿午餐？",  # any measure word or unit after 几 counts
        "每周几份报纸",
        "一周几公里",
    ],
)
def test_a_count_after_the_weekday_word_is_still_a_number(question: str) -> None:
    assert "number" in interrogative_kinds(fold(question))
    assert ("asked", "weekday") not in quantity_slots(question)


@pytest.mark.parametrize(
    ("asked", "pinned"),
    [
        ("合唱团礼拜几排练", "合唱团什么时间排练？"),  # batch 15's two stopped at p 0.64 / 0.87 on this
        ("骨质疏松讲座星期几开", "骨质疏松防治讲座哪天举办？"),
        ("法律咨询周几有律师", "法律咨询律师什么时候值班？"),
    ],
)
def test_a_weekday_paraphrase_asks_the_same_kind_as_a_time_pin(asked: str, pinned: str) -> None:
    assert against(asked, pinned) == (0.0, 0.0)


def test_a_date_of_this_week_asks_a_date_not_a_weekday() -> None:
    """「这周几号」 asks a date (几号), 「几乎每周」 asks nothing: neither reads as a day of the week."""
    for question in ("老年大学书法班这周几号上课？", "下周几号报名", "一周几乎每天都有课吗"):
        assert ("asked", "weekday") not in quantity_slots(question), question
    assert against("老年大学书法班这周几号上课？", "老年大学书法班礼拜几上课？")[1] == 1.0


@pytest.mark.parametrize(
    ("asked", "pinned"),
    [
        ("手机摄影班几号开课？", "手机摄影班星期几上课？"),  # a date against a day of the week
        ("合唱团是几号成立的？", "合唱团每周几排练？"),
    ],
)
def test_a_date_against_a_weekday_is_a_quantity_conflict(asked: str, pinned: str) -> None:
    assert against(asked, pinned)[1] == 1.0


@pytest.mark.parametrize(
    ("asked", "pinned"),
    [
        ("法律咨询律师在几楼值班？", "法律咨询律师每周几值班？"),  # batch 16's false pin W took away
        ("合唱团有多少名团员？", "合唱团每周几排练？"),
    ],
)
def test_a_count_against_a_weekday_asks_another_kind(asked: str, pinned: str) -> None:
    assert against(asked, pinned)[0] == 1.0


# The fee veto (session pins47, F): decided on batches 1–15 (40 → 38 false pins), measured blind it served one
# paraphrase fewer on batch 16 (8 → 7 of 48: 「智能手环通讯费每年多少」 against 「…通信服务费…」, two names of
# one fee) at the same 5 false pins, so the committed rule did not hold and it was taken back out.
NOT_SHIPPED = pytest.mark.xfail(
    strict=True, reason="the fee veto: measured on batch 16, not shipped (docs/pins47.md, session pins47)"
)


@pytest.mark.parametrize(
    ("asked", "pinned"),
    [
        ("剪纸非遗传承班学费多少钱？", "剪纸非遗传承班每学期材料费多少钱？"),  # batch 15's false pins
        ("手工编织兴趣班学费多少钱？", "手工编织兴趣班材料费多少钱？"),
        ("党员每月交多少党费？", "协会会员每年交多少会费？"),
        ("门球赛报名费多少", "门球赛押金多少"),
    ],
)
@NOT_SHIPPED
def test_two_questions_naming_different_things_paid_conflict(asked: str, pinned: str) -> None:
    assert against(asked, pinned)[1] == 1.0


@pytest.mark.parametrize(
    ("asked", "pinned"),
    [
        ("剪纸班一学期材料钱多少啊", "剪纸非遗传承班每学期材料费多少钱？"),  # one side names no fee word
        ("住院陪护费用谁出", "住院陪护费每天多少？"),  # 费用 read as 费
        ("丧葬费标准", "丧葬补助费标准是多少？"),  # 丧葬 is read in the other
        ("加入合唱团要交会费吗", "合唱团会费多少？"),
    ],
)
def test_the_same_thing_paid_or_one_named_by_one_side_only_does_not_conflict(asked: str, pinned: str) -> None:
    assert against(asked, pinned)[1] == 0.0


WORDS = [
    "学费",
    "材料费",
    "会费",
    "党费",
    "押金",
    "报名费",
    "费用",
    "多少钱",
    "多少",
    "星期几",
    "礼拜几",
    "周几",
    "几号",
    "几次",
    "什么时间",
    "合唱团",
    "每周",
    "上课",
    "吗",
    "？",
    "禮拜幾",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=6), st.lists(st.sampled_from(WORDS), max_size=6))
def test_the_vetoes_are_symmetric_and_a_question_never_conflicts_with_itself(
    a: list[str], b: list[str]
) -> None:
    left, right = "".join(a), "".join(b)
    assert against(left, right) == against(right, left)
    assert against(left, f" {left}？ ") == (0.0, 0.0)
    assert not slots_conflict(quantity_slots(left), quantity_slots(left))
