"""retrieval.answer_type: the kind of answer a question asks for, and whether a text holds one."""

from __future__ import annotations

import pytest

from retrieval.answer_type import asks_for, figure_missing, holds, kind_missing, named_figures, numeral_value


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("老干部时政宣讲团有多少名成员", "amount"),
        ("离休干部住院医药费报销比例是多少？", "amount"),
        ("全省建立了几个离退休干部党性教育基地？", "amount"),
        ("县里的老年大学多久之内要评上省示范校", "amount"),
        ("2020年离休干部体检什么时候开始？", "time"),
        ("洞头县老干部活动中心是哪一年建成开放的？", "time"),
        ("活动中心开放时间是几点到几点？", "time"),
        ("组织老同志发挥作用，要引导他们做好哪几种角色？", None),  # which ones: an enumeration
        ("对主管和分管领导提出了哪几个“到位”的要求？", None),
        ("离退休干部党支部书记一般由谁担任？", None),
        ("老干部怎么参加关心下一代工作", None),
    ],
)
def test_the_kind_asked_for(question: str, kind: str | None) -> None:
    assert asks_for(question) == kind


def test_amounts_are_figures_with_their_unit_in_any_numerals() -> None:
    for text in (
        "先后组建志愿服务团队476个。",
        "关注率超过37%。",
        "慰问金标准为每人一千二百元。",
        "平均年龄XX岁。",
    ):
        assert holds("amount", text), text
    assert not holds("amount", "要建立完善老干部时政宣讲团、网宣队、法律服务队等正能量活动小分队。")


def test_times_are_dates_hours_weekdays_and_periods() -> None:
    for text in (
        "体检工作于2020年4月1日开始。",
        "自二〇二〇年七月一日起调整。",
        "周一闭馆维护。",
        "开放时间为上午八时至下午五时。",
    ):
        assert holds("time", text), text
    assert not holds("time", "要办好全市老干部中国象棋赛和门球赛。")


def test_missing_only_when_the_question_asks_and_the_text_lacks() -> None:
    assert kind_missing("沈伟讲话中老干部象棋赛的奖金是多少", "要办好全市老干部中国象棋赛和门球赛。") == 1.0
    assert kind_missing("全省离退休干部党员有多少人", "全省有离退休干部党员18.36万人。") == 0.0
    assert kind_missing("老干部象棋赛怎么组织", "要办好全市老干部中国象棋赛和门球赛。") == 0.0  # not asked


def test_figures_the_question_names_must_be_in_the_passage_in_any_numerals() -> None:
    assert named_figures("2025年离休干部体检什么时候开始？") == {"2025"}
    assert named_figures("全省离退休干部党员有18.36万人吗") == {"18.36"}
    assert named_figures("三个机制是哪三个") == set()  # no figure of two digits or more
    passage = "体检工作于2020年4月1日开始，至2020年10月31日结束。"
    assert figure_missing("2025年离休干部体检什么时候开始？", passage) == 1.0
    assert figure_missing("2020年离休干部体检什么时候开始？", passage) == 0.0
    assert (
        figure_missing("２０２０年体检什么时候开始", "自二〇二〇年七月一日起调整。") == 0.0
    )  # full width, 〇
    assert figure_missing("离休干部体检什么时候开始？", passage) == 0.0  # names no figure


def test_a_calendar_date_is_not_an_amount() -> None:
    assert not holds("amount", "自二〇二〇年七月一日起调整离休干部护理费标准。")
    assert not holds("amount", "体检工作于2020年4月1日开始。")
    assert holds("amount", "2024年全省有离退休干部党组织476个。")  # a date beside a count
    assert holds("amount", "连续工作20年以上。")  # a duration is an amount


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("六十一", 61),
        ("一百一十一", 111),
        ("二〇二四", 2024),
        ("十二", 12),
        ("三万五千", 35000),
        ("两千", 2000),
    ],
)
def test_numbers_in_chinese_numerals_are_read_as_their_value(word: str, value: int) -> None:
    assert numeral_value(word) == value


@pytest.mark.parametrize("word", ["十", "六七十", "统一", "十分", "〇五", "61"])
def test_words_that_are_not_one_number_have_no_value(word: str) -> None:
    assert numeral_value(word) is None
