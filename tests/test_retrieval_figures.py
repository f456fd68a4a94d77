"""retrieval.figures: a figure asked in other words (十八次 / 18次, 一千字 / 1000字) is held by the passage
stating it — in the confidence's coverage, its missing words, its unseen share and its missing figure."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval import Evidence
from retrieval.abstain import coverage, missing_words, unseen_share
from retrieval.answer_type import figure_missing
from retrieval.figures import figures, held_as_figure

from .numerals import chinese, full_width

UNITS = st.sampled_from(["次", "字", "岁", "元", "期", "场", "人", "本", "个人", "个月"])


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 9999), UNITS)
def test_a_value_in_digits_and_in_numerals_is_held_both_ways(n: int, unit: str) -> None:
    asked_digits, asked_numerals = f"一共{n}{unit}吗", f"一共{chinese(n)}{unit}吗"
    said_digits, said_numerals = f"全年共{n}{unit}。", f"全年共{chinese(n)}{unit}。"
    assert held_as_figure(str(n), asked_digits, said_numerals)
    assert held_as_figure(f"{chinese(n)}{unit[0]}", asked_numerals, said_digits)
    assert held_as_figure(chinese(n), asked_numerals, f"全年共{full_width(str(n))}{unit}。")
    if n >= 1000:  # a thousands comma
        assert held_as_figure(chinese(n), asked_numerals, f"全年共{n:,}{unit}。")


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 9999), st.integers(1, 9999), UNITS, UNITS)
def test_another_value_or_another_unit_is_not_held(n: int, m: int, unit: str, other: str) -> None:
    if n != m:
        assert not held_as_figure(str(n), f"一共{n}{unit}吗", f"全年共{chinese(m)}{unit}。")
        assert not held_as_figure(chinese(n), f"一共{chinese(n)}{unit}吗", f"全年共{m}{unit}。")
    if unit != other:
        assert not held_as_figure(str(n), f"一共{n}{unit}吗", f"全年共{chinese(n)}{other}。")


def test_the_forms_the_staff_wrote() -> None:
    assert held_as_figure("18", "苕溪的八段锦一共18次课？", "每周二、周四上午，共十八次课。")
    assert held_as_figure("1000", "读书笔记要写1000字以上吗", "字数不少于一千字，手写稿、打印稿均可")
    assert held_as_figure("十次", "每年巡河十次吗", "每年巡河10次以上")
    assert held_as_figure("二十", "要交二十元吗", "每人交20元")
    assert held_as_figure("两千", "两千字够吗", "不少于2000字")
    assert held_as_figure("1000", "要写１０００字吗", "不少于一千字")
    assert held_as_figure("2023", "二〇二三年几月", "2023年3月") is False  # the word is not in the question
    assert held_as_figure("二〇二三年", "二〇二三年几月启动", "2023年3月启动")
    assert held_as_figure("十分钟", "每方用时是三十分钟吗", "每方用时30分钟")


def test_what_is_left_alone() -> None:
    assert not held_as_figure("十八", "一共十八次课吗", "每位学员年满18岁")  # another unit
    assert not held_as_figure("十八", "一共十八次课吗", "这是第18次课")  # an ordinal
    assert not held_as_figure("十几次", "一年十几次吗", "一年10次")  # an estimate
    assert not held_as_figure("四百", "组建了四百多个团队吗", "组建了400个团队")
    assert not held_as_figure("三十", "招三十个人吗", "招30人")  # 个人 is not 人
    assert not held_as_figure("三", "三个月", "3月")  # three months is no March
    assert not held_as_figure("课一", "一门课一学期多少钱", "每1学期")  # the word starts before the number
    assert figures("十几次 几十个 三十余人 六七十岁 第十八次 1.5") == ()


def test_figures_read_values_and_units() -> None:
    read = {(f.value, f.unit) for f in figures("1,000字 １０００字 1.5万元 两千人 二〇二四年 一万二千元")}
    assert read == {(1000.0, "字"), (15000.0, "元"), (2000.0, "人"), (2024.0, "年"), (12000.0, "元")}


def evidence(question: str, terms: list[str], top: str) -> Evidence:
    idf = {t: 5.0 for t in terms}
    return Evidence(terms=terms, idf=lambda w: idf.get(w, 5.0), top_text=top, passages=100, question=question)


def test_the_confidence_reads_the_figure_as_held() -> None:
    top = "（三）读书笔记评选。每位老同志提交读书笔记一篇，字数不少于一千字。"
    e = evidence("读书笔记要写1000字以上吗", ["1000", "读书笔记"], top)
    assert coverage(e) == 1.0
    assert missing_words(e) == []
    assert figure_missing("读书笔记要写1000字以上吗", top) == 0.0
    # the same question against a passage of another figure: the figure is missing, as before
    other = "每位老同志提交读书笔记一篇，字数不少于五百字。"
    assert math.isclose(coverage(evidence("读书笔记要写1000字以上吗", ["1000", "读书笔记"], other)), 0.5)
    assert figure_missing("读书笔记要写1000字以上吗", other) == 1.0


def test_a_figure_held_otherwise_is_not_unseen() -> None:
    # 18 weighs the unseen ceiling (no passage writes it) but the best passage states 十八次
    ceiling = math.log1p(100.5 / 0.5)
    e = Evidence(
        terms=["18", "八段锦"],
        idf=lambda w: ceiling if w == "18" else 2.0,
        top_text="共十八次课。八段锦",
        passages=100,
        question="八段锦一共18次课？",
    )
    assert unseen_share(e) == 0.0
    lacking = Evidence(**{**e.__dict__, "top_text": "共十六次课。八段锦"})
    assert unseen_share(lacking) > 0.5
