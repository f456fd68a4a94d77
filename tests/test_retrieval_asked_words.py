"""retrieval.answer_type.asked_words: the word naming what a question asks about (「旗袍班学费多少钱」's 学费,
「裁判长是谁」's 裁判长), and the rule that when no passage among the best three nor beside the best one says it
(nor a synonym the library uses), the verdict is one level less (docs/asks43.md, docs/asks44.md). (For the library test: real notice files, the fake embedder, real FAISS, bm25s, jieba and
SQLite.)"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrieval import Retriever
from retrieval.answer_type import asked_missing, asked_words, shortened_in
from retrieval.confidence import LEVELS, CoverageRule
from retrieval.vocabulary import bundled_lexicon

from .fakes import FakeEmbedder
from .test_retrieval_confidence import model, signals
from .test_retrieval_filters import speeches_library


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("旗袍班学费多少钱", ("学费",)),  # a sum's word right before 多少
        ("钓鱼比赛报名费多少", ("报名费",)),
        ("钓鱼邀请赛的裁判长是谁？", ("裁判长",)),  # a word before 是谁
        ("戲曲票友社的社長是誰", ("社长",)),  # in either script
        ("规划展览馆的讲解员叫什么名字？", ("讲解员",)),
        ("九十岁以上独居老干部每月有多少补贴", ("补贴",)),  # a word after 多少
        ("那古琴入门班有几个名额", ("名额",)),  # …or after 几 and a measure
        ("银龄书画院首届作品展展出了多少件作品？", ("作品",)),
        ("葫芦丝乐队 出勤率 多少%", ("出勤率",)),
        # no thing named: a verb before 谁 or 多少, a category, a measure, a time, an enumeration
        ("参观规划展览馆的名单报给谁？", ()),
        ("插花培训班的花材由谁采购？", ()),
        ("那意外伤害住院呢 互助金自付超过多少能申请", ()),
        ("葫芦丝乐队现在多少人", ()),
        ("太极扇展演队由哪个单位主管？", ()),
        ("去体检要带哪些证件", ()),  # 哪些 + a class: its members are listed without its name
        ("为啥说做好老干部工作很重要，讲了哪几条理由", ()),
        ("原单位党组织收到转接申请后多少天内要开介绍信？", ()),
        ("信息化二期项目总投资是多少万元？", ("投资",)),
        ("太级扇队每周几训练", ()),  # 周几 asks a day
        ("金婚庆典上年纪最大的老同志是谁？", ()),
        ("空调温度开多少合适", ()),
        # whom to contact, and a document itself, are answered by a contact line and a 「文件信息」 passage
        ("郁晚秋的联系电话是多少", ()),
        ("这个通知的文号是多少", ()),
        # whether a thing is had or given: the word after 有 / 有没有 / 「V不V」 that ends the question (docs/asks46.md)
        ("太極扇展演隊隊員每月有補貼嗎", ("补贴",)),
        ("二胡班结业发不发证书", ("证书",)),
        ("一卡通有没有年费 fee", ("年费",)),
        ("药膳讲座有一百二十个座位吗", ("座位",)),  # past a numeral and its measure
        ("洞头县新建的老干部活动中心有七千多平方米吗", ()),  # …but not a figure's unit
        ("律师上门服务有没有年龄要求？", ()),  # 年龄 does not end the question: 要求 is asked (a category)
        ("有糖尿病能吃药膳吗", ()),  # 有 X 能…: the verb is asked
        ("看电影有没有车接送", ()),  # one character
        ("有保险吗 多少钱", ()),  # not a yes/no question: 多少 follows
        # 「V不V」 as jieba cuts it apart (给/不/给, 旅游包/不包, 发工资): read on the question itself
        ("二胡班结业给不给证书", ("证书",)),
        ("秋季旅游包不包午餐", ("午餐",)),
        ("春节送不送慰问品？", ("慰问品",)),
        ("退休以后单位发不发工资", ("工资",)),
        ("行动不便的老同志有没有人送书", ()),  # jieba's guess 人送 (人 glued to 送) is no thing
        ("有没有车来接", ()),
        ("老年大学有没有游泳课", ("游泳",)),  # a dictionary word, one character after it
        ("陈列室有没有讲解员带着看", ("讲解员",)),
        ("编织班有没有其他费用", ()),  # any fee of a kind names none
        ("八段锦培训有没有额外收费", ()),
        ("八段锦培训有没有场地", ()),  # a place, whatever the notice calls it (地点)
    ],
)
def test_the_word_a_question_asks_about(question: str, words: tuple[str, ...]) -> None:
    assert asked_words(question) == words


def test_missing_when_the_passage_never_says_it() -> None:
    timetable = "周次：第1周；上课日期：2028年3月14日；教学内容：开班仪式、旗袍文化概述；授课教师：柏映雪"
    assert asked_missing("旗袍班学费多少钱", [timetable])
    assert not asked_missing("旗袍班学费多少钱", ["课程名称：旗袍走秀；学费：300元"])
    assert not asked_missing("旗袍班的授课教师是谁", [timetable])
    assert not asked_missing("旗袍班在哪上课", [timetable])  # no word read: nothing missing
    # the passage as written is read in simplified script, as the question is
    assert not asked_missing("票友社的社長是誰", ["票友社社長：柯伯庸"])


def test_a_word_said_by_any_passage_read_or_as_a_synonym_is_not_missing() -> None:
    timetable = "周次：第1周；上课日期：2028年3月14日；教学内容：开班仪式、旗袍文化概述"
    # the second or third best passage, or the best one's neighbour, says it: not missing
    assert not asked_missing("旗袍班学费多少钱", [timetable, "课程名称：古琴入门；学费：480元"])
    # a word the library uses for the same thing (the bundled lexicon: 补贴 补助 津贴)
    pairs = bundled_lexicon().pairs_of
    aid = "独居老干部每月补助200元，由原单位发放"
    assert asked_missing("独居老干部每月有多少补贴", [aid])
    assert not asked_missing("独居老干部每月有多少补贴", [aid], pairs)
    assert asked_missing("独居老干部每月有多少补贴", [timetable], pairs)


def test_a_word_the_passage_writes_in_full_is_not_missing() -> None:
    """Staff shorten the document's word (电子书 for 电子图书): one word of a passage read that begins as the asked
    word does and holds its other characters in order names the thing asked (docs/asks45.md)."""
    assert not asked_missing("网上阅览室里有多少电子书", ["网上阅览室收录电子图书3200种，期刊120种"])
    assert asked_missing("网上阅览室里有多少电子书", ["网上阅览室每周二至周六开放"])
    # the characters spread over two words are no such word: 学员 + 自费 never reads as 学费
    assert asked_missing("旗袍班学费多少钱", ["旗袍班学员自费购买布料"])


_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


@given(st.text(_HAN, min_size=2, max_size=4), st.lists(st.text(_HAN, max_size=2), min_size=4, max_size=4))
def test_a_word_with_characters_put_in_after_its_first_is_shortened_in_it(word: str, put: list[str]) -> None:
    longer = word[0] + "".join(p + c for p, c in zip(put, word[1:], strict=False))
    assert shortened_in(word, longer) == (len(longer) > len(word))
    assert not shortened_in(word, word)  # the word itself is found as asked, not as a shortening
    assert not shortened_in(word, "〇" + longer)  # it must begin as the long word does
    assert not shortened_in(longer + "〇", longer)  # more characters than the long word holds


NOUNS = st.sampled_from(["裁判长", "讲解员", "副会长", "主持人", "指挥", "秘书长", "领队", "教练"])
SUMS = st.sampled_from(["学费", "报名费", "押金", "租金", "会费", "奖金", "补贴", "车费"])
TOPICS = st.sampled_from(["钓鱼比赛", "合唱团", "老年大学", "太极扇展演队", "书画展", "健步走活动"])
TEXTS = st.text(
    alphabet=st.sampled_from(list("比赛地点为白沙湖垂钓中心报到处设在正门停车场，。")), max_size=60
)


@given(TOPICS, NOUNS, TEXTS)
def test_a_person_asked_for_is_missing_exactly_when_the_passage_lacks_its_word(
    topic: str, noun: str, text: str
) -> None:
    question = f"{topic}的{noun}是谁？"
    assert noun in asked_words(question)
    assert asked_missing(question, [text]) == (noun not in text)
    assert not asked_missing(question, [f"{text}{noun}：柯伯庸"])
    # who does something (a verb before 谁) names no thing asked about
    assert asked_words(f"{topic}的名单报给谁") == ()


@given(TOPICS, SUMS, TEXTS)
def test_a_sum_asked_for_by_its_word_is_held_only_by_that_word(topic: str, paid: str, text: str) -> None:
    for question in (f"{topic}{paid}多少钱", f"{topic}的{paid}是多少", f"{topic}有多少{paid}"):
        assert paid in asked_words(question)
        assert asked_missing(question, [text]) == (paid not in text)
        assert not asked_missing(question, [f"{text}{paid}：300元"])


@given(TOPICS, NOUNS, st.lists(TEXTS, min_size=1, max_size=5), st.integers(0, 4))
def test_missing_exactly_when_no_passage_read_says_the_word(
    topic: str, noun: str, texts: list[str], at: int
) -> None:
    """Whatever the passages read (the best three and the best one's neighbours): the asked word is missing
    exactly when none of them says it; said by any one of them, wherever it stands, it is not."""
    question = f"{topic}的{noun}是谁？"
    assert asked_missing(question, texts) == all(noun not in t for t in texts)
    said = [*texts[: at % len(texts)], f"{noun}：柯伯庸", *texts[at % len(texts) :]]
    assert not asked_missing(question, said)
    # a synonym the library uses for it counts as the word
    assert not asked_missing(question, [*texts, "执裁：柯伯庸"], lambda w: ("执裁",) if w == noun else ())


@given(st.floats(0.0, 1.0))
def test_every_judge_says_one_level_less_when_the_asked_word_is_missing(coverage: float) -> None:
    for judge in (model(), CoverageRule()):
        before = judge.judge(signals(coverage=coverage))
        after = judge.judge(replace(signals(coverage=coverage), asked_missing=True))
        assert after.level == LEVELS[min(LEVELS.index(before.level) + 1, 2)]  # high → medium → low → low
        assert after.probability is None  # a rule's verdict


FISHING = (
    "2027年鹤汀市离退休干部钓鱼邀请赛通知\n（2027年3月20日）\n"
    "各单位：\n"
    "比赛地点为白沙湖垂钓中心，报到处设在垂钓中心正门停车场。\n"
    "比赛采用手竿，每人限用一竿一钩，竿长不超过5.4米，禁止使用海竿和路亚。\n"
    "比赛时间为8:30至11:30，以鱼获总重量排名。\n"
    "裁判组由市老干部体协派出，组长由岳鸣泉担任。\n"
)
CLASS = (
    "雁川县老年大学旗袍走秀班开班通知\n（2028年3月1日）\n"
    "各位学员：\n"
    "旗袍走秀班每周二下午14:30在老年大学形体教室上课，授课教师为柏映雪、温书瑶。\n"
    "学员须自备平底练功鞋一双、旗袍一件，结业汇报展示的服装由老年大学统一租借。\n"
)


@pytest.fixture
def retriever(tmp_path: Path, fake_embedder: FakeEmbedder) -> Iterator[Retriever]:
    with speeches_library(
        tmp_path / "home", fake_embedder, [("fishing.txt", FISHING), ("class.txt", CLASS)]
    ) as (
        _,
        retriever,
    ):
        yield retriever


@pytest.mark.parametrize(
    "question", ["旗袍走秀班学费多少钱", "钓鱼邀请赛报名费多少", "钓鱼邀请赛的裁判长是谁？"]
)
def test_a_passage_on_the_topic_that_never_says_what_is_asked_is_no_answer(
    retriever: Retriever, question: str
) -> None:
    answer = retriever.search(question, k=3)
    assert answer.signals is not None and answer.signals.asked_missing
    judged = retriever.judge.judge(replace(answer.signals, asked_missing=False))
    assert answer.level == LEVELS[min(LEVELS.index(judged.level) + 1, 2)] and answer.probability is None
    assert answer.hits


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("钓鱼邀请赛的裁判组组长是谁", "岳鸣泉"),  # 组长 said: the rule does not judge it
        ("旗袍走秀班的授课教师是谁", "柏映雪"),
        ("钓鱼比赛在哪钓", "白沙湖"),  # no word read from it
    ],
)
def test_a_passage_saying_what_is_asked_is_judged_as_before(
    retriever: Retriever, question: str, says: str
) -> None:
    answer = retriever.search(question, k=3)
    assert answer.signals is not None and not answer.signals.asked_missing
    assert answer.hits and says in answer.hits[0].passage.text


GUIDE = (
    "鹤汀市老年大学2028年春季课程指南\n（2028年2月10日）\n"
    "课程名称：古琴入门；上课时间：周四下午2:30；教室：琴房205；学费：480元。\n"
)


def test_a_word_another_best_passage_says_keeps_the_verdict(
    tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    """The class's timetable never says 学费, but a course guide among the best passages does: the library uses
    the word, so the rule does not judge (docs/asks44.md)."""
    with speeches_library(
        tmp_path / "home",
        fake_embedder,
        [("fishing.txt", FISHING), ("class.txt", CLASS), ("guide.txt", GUIDE)],
    ) as (_, retriever):
        answer = retriever.search("旗袍走秀班学费多少钱", k=3)
        assert any("学费" in h.passage.text for h in answer.hits[:3])
        assert answer.signals is not None and not answer.signals.asked_missing


@given(TOPICS, SUMS, TEXTS)
def test_a_thing_asked_whether_it_is_given_is_held_only_by_its_word(topic: str, paid: str, text: str) -> None:
    """「有补贴吗」「有没有奖金」「发不发证书」 ask for the thing by its word, as 「补贴多少」 does (docs/asks46.md). (A
    comma before the ask: jieba glues 有 to a word before it sometimes — 「展演队有学费吗」 → 队有 — and then nothing is
    read.)"""
    for question in (
        f"{topic}，有{paid}吗",
        f"{topic}，有没有{paid}",
        f"{topic}，发不发{paid}",
        f"{topic}：有{paid}没有？",
    ):
        assert paid in asked_words(question), question
        assert asked_missing(question, [text]) == (paid not in text)
        assert not asked_missing(question, [f"{text}{paid}：300元"])
    # the word followed by more than the question's end is not what is asked
    assert paid not in asked_words(f"{topic}，有{paid}能报销吗")
