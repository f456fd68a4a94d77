"""retrieval.abstain: the IDF-weighted coverage of the query's words in the best passage."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index import LexicalIndex, get_tokenizer
from retrieval import AbstainRule, Evidence, Retriever
from retrieval.abstain import (
    DEFAULT_MIN_COVERAGE,
    coverage,
    distinct_coverage,
    missing_peak,
    missing_used_peak,
    missing_words,
    unseen_idf,
    unseen_share,
)
from retrieval.vocabulary import asks_only_how, only_courtesy, only_frames, says_when_asked

TOP = "要落实好离休干部每年一次体检的规定，千方百计为离休干部看病治疗提供更多的方便。"


def flat_idf(word: str) -> float:
    return 1.0


def evidence(terms: list[str], top_text: str = TOP, idf: Callable[[str], float] = flat_idf) -> Evidence:
    return Evidence(terms=terms, idf=idf, top_text=top_text)


def test_coverage_is_zero_for_disjoint_words() -> None:
    assert coverage(evidence(["天气", "带伞"])) == 0.0


def test_coverage_is_one_when_all_words_are_present() -> None:
    assert coverage(evidence(["离休干部", "体检", "规定"])) == 1.0


def test_coverage_weighs_words_by_idf() -> None:
    idf = {"体检": 3.0, "天气": 1.0}.__getitem__
    assert coverage(evidence(["体检", "天气"], idf=idf)) == pytest.approx(0.75)
    assert coverage(evidence(["体检", "天气"], idf=flat_idf)) == pytest.approx(0.5)


def test_coverage_ignores_case() -> None:
    assert coverage(evidence(["ai"], top_text="推进AI应用。")) == 1.0


def test_single_characters_count_only_when_there_is_nothing_longer() -> None:
    assert coverage(evidence(["体检", "雨"])) == 1.0  # "雨" is ignored next to a two-character word
    assert coverage(evidence(["雨"])) == 0.0


def test_coverage_is_zero_when_all_weights_are_zero() -> None:
    assert coverage(evidence(["体检"], idf=lambda word: 0.0)) == 0.0


def test_empty_terms_are_not_answered() -> None:
    assert coverage(evidence([])) == 0.0
    assert not AbstainRule().answered(evidence([]))


def test_the_rule_answers_at_or_above_its_threshold() -> None:
    half = evidence(["体检", "天气"])
    assert AbstainRule(min_coverage=0.5).answered(half)
    assert not AbstainRule(min_coverage=0.51).answered(half)
    assert AbstainRule().min_coverage == DEFAULT_MIN_COVERAGE


def test_unseen_words_weigh_most_with_a_real_lexical_index() -> None:
    lexical = LexicalIndex.build(
        [TOP, "离休干部的医疗费用要及时报销。", "老干部活动中心要向离休干部开放。"],
        [1, 2, 3],
        get_tokenizer("char"),
    )
    answerable = evidence(["离休干部", "体检", "规定"], idf=lexical.idf)
    off_topic = evidence(["离休干部", "取暖费", "标准"], idf=lexical.idf)
    assert AbstainRule().answered(answerable)
    assert coverage(off_topic) < DEFAULT_MIN_COVERAGE
    assert not AbstainRule().answered(off_topic)


def _lexical() -> LexicalIndex:
    return LexicalIndex.build(
        [TOP, "离休干部的医疗费用要及时报销。", "老干部活动中心要向离休干部开放。"],
        [1, 2, 3],
        get_tokenizer("jieba"),
    )


def test_unseen_share_weighs_the_words_no_passage_contains() -> None:
    lexical = _lexical()
    asked = Evidence(["离休干部", "取暖费", "标准"], lexical.idf, TOP, passages=lexical.size)
    known = Evidence(["离休干部", "体检", "规定"], lexical.idf, TOP, passages=lexical.size)
    assert unseen_share(known) == 0.0
    share = unseen_share(asked)
    # 取暖费 and 标准 are in no passage, 离休干部 is in all three: the unseen ones carry most weight
    assert 0.5 < share < 1.0
    assert lexical.idf("取暖费") == pytest.approx(unseen_idf(lexical.size))
    assert unseen_share(Evidence(["取暖费"], lexical.idf, TOP)) == 0.0  # library size unknown


def test_missing_peak_is_the_most_telling_word_the_passage_lacks() -> None:
    lexical = _lexical()
    size = lexical.size

    def peak(terms: list[str]) -> float:
        return missing_peak(Evidence(terms, lexical.idf, TOP, passages=size))

    assert peak(["离休干部", "体检", "规定"]) == 0.0  # every word is in the passage
    assert peak(["离休干部", "体检", "取暖费"]) == pytest.approx(1.0)  # a word found nowhere
    # a word another passage holds (报销) weighs less than one no passage holds
    assert 0.0 < peak(["离休干部", "体检", "报销"]) < peak(["离休干部", "体检", "取暖费"])


def test_missing_used_peak_leaves_out_the_words_no_passage_uses() -> None:
    """A word no passage uses (the staff's own word) is no evidence against this passage; a word another
    passage holds is, weighing as in `missing_peak`."""
    lexical = _lexical()

    def peaks(terms: list[str]) -> tuple[float, float]:
        e = Evidence(terms, lexical.idf, TOP, passages=lexical.size)
        return missing_peak(e), missing_used_peak(e)

    assert peaks(["离休干部", "体检", "规定"]) == (0.0, 0.0)  # nothing missing
    full, used = peaks(["离休干部", "体检", "取暖费"])  # missing, and found nowhere
    assert full == pytest.approx(1.0) and used == 0.0
    full, used = peaks(["离休干部", "体检", "报销"])  # missing here, held by another passage
    assert used == pytest.approx(full) and 0.0 < used < 1.0
    assert peaks(["取暖费", "报销"])[1] == pytest.approx(peaks(["报销"])[1])
    assert missing_used_peak(Evidence(["报销"], lexical.idf, TOP)) == 0.0  # library size unknown


def test_an_interrogative_word_is_not_a_word_the_passage_lacks() -> None:
    """No passage says 几点 or 多长时间: they name the kind of answer asked for, not what must be found."""
    lexical = _lexical()
    plain = Evidence(["离休干部", "体检"], lexical.idf, TOP, passages=lexical.size)
    for asked in (
        ["离休干部", "体检", "几点"],
        ["离休干部", "体检", "多长时间"],
        ["哪年", "离休干部", "体检"],
        ["离休干部", "体检", "有多远"],  # how far, as jieba cuts 「…全程有多远」 (docs/asks44.md)
        ["离休干部", "体检", "多远"],
    ):
        e = Evidence(asked, lexical.idf, TOP, passages=lexical.size)
        assert (coverage(e), unseen_share(e), missing_peak(e)) == (coverage(plain), 0.0, 0.0)


def test_how_a_spoken_question_asks_is_not_a_word_the_passage_lacks() -> None:
    """啥 and 咋 ask as 什么 and 怎么 do, and a verb repeated around 不 or 没 (收不收, 管不管饭, 交没交) asks
    yes or no: no passage says them, so they weigh nothing, like 几点 (the words as jieba cuts them)."""
    lexical = _lexical()
    plain = Evidence(["离休干部", "体检"], lexical.idf, TOP, passages=lexical.size)
    for question, asked in (
        ("离休干部体检啥时候", ["啥时候", "离休干部", "体检"]),
        ("离休干部体检咋办", ["离休干部", "体检", "咋办"]),
        ("离休干部体检收不收", ["收不收", "不收", "离休干部", "体检"]),
        ("离休干部体检管不管饭", ["不管", "离休干部", "体检"]),
        ("离休干部体检交没交", ["交没交", "没交", "离休干部", "体检"]),
    ):
        e = Evidence(asked, lexical.idf, TOP, passages=lexical.size, question=question)
        assert (coverage(e), unseen_share(e), missing_peak(e)) == (coverage(plain), 0.0, 0.0), question


def test_a_word_outside_the_question_form_still_counts() -> None:
    """Only the words inside 管不管 are how it asks: 取暖费 beside it is still a word the passage lacks, and
    不管 in a question without the repeated verb (不管多大年纪) is an ordinary word."""
    lexical = _lexical()
    e = Evidence(
        ["不管", "取暖费", "体检"], lexical.idf, TOP, passages=lexical.size, question="体检管不管取暖费"
    )
    assert missing_peak(e) == pytest.approx(1.0)
    assert 0.0 < coverage(e) < 1.0
    ordinary = Evidence(
        ["不管", "年纪", "体检"], lexical.idf, TOP, passages=lexical.size, question="不管多大年纪都体检"
    )
    assert set(missing_words(ordinary)) == {"不管", "年纪"}


def weighs_nothing(word: str, question: str) -> bool:
    """Whether the search weighs a question's word as nothing wherever it stands: a question word (什么, 是否),
    a courtesy (多谢), a frame (提到) or a time counted from today."""
    return (
        asks_only_how(word, question)
        or only_courtesy(word)
        or only_frames(word, question)
        or says_when_asked(word, question)
    )


@settings(max_examples=60, deadline=None)
@given(
    # a verb holds no 不/没, no sentence-final particle (「一吗」 is no verb: 吗 ends a question), no
    # question word (「一哪」 asks which, 咋 how: it is read as the question's frame, not as a word to find), and is
    # no word the search weighs as nothing anywhere (weighs_nothing)
    verb=st.text(
        alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=2
    ).filter(
        lambda verb: (
            not set(verb) & set("不没吗呢吧啊哪谁啥咋几")
            and not any(weighs_nothing(verb, f"体检{verb}{n}{verb}") for n in "不没")
        )
    ),
    negation=st.sampled_from("不没"),
)
def test_any_verb_asked_yes_or_no_weighs_nothing(verb: str, negation: str) -> None:
    """Property: whatever verb is repeated around 不/没, the words cut from that form holding the 不 or 没
    weigh nothing, and the verb itself (报名 of 报名不报名) is still a word the passage must hold."""
    form = f"{verb}{negation}{verb}"
    pieces = [form, f"{negation}{verb}", f"{verb}{negation}"]
    e = Evidence(["体检", verb, *pieces], flat_idf, TOP, passages=3, question=f"体检{form}")
    missing = missing_words(e)
    assert not any(negation in word for word in missing)
    assert (verb in missing) == (len(verb) > 1 and verb not in TOP)


def test_a_word_framing_what_is_asked_is_not_a_word_the_passage_lacks() -> None:
    """之前 (a time before another), 提到 (a document's saying it) and 开始 after a time asked (几点开始) frame
    the question: no passage of the library writes them (it writes 前, 起), so they weigh nothing."""
    lexical = _lexical()
    plain = Evidence(["离休干部", "体检"], lexical.idf, TOP, passages=lexical.size)
    for question, asked in (
        ("离休干部体检之前要做什么", ["离休干部", "体检", "之前"]),
        ("以前离休干部体检有规定吗", ["以前", "离休干部", "体检"]),
        ("讲话里提到的离休干部体检", ["提到", "离休干部", "体检"]),
        ("离休干部体检几点开始", ["离休干部", "体检", "几点", "开始"]),
        ("离休干部体检什么时候开始", ["离休干部", "体检", "开始"]),
    ):
        e = Evidence(asked, lexical.idf, TOP, passages=lexical.size, question=question)
        assert (coverage(e), unseen_share(e), missing_peak(e)) == (coverage(plain), 0.0, 0.0), question


def test_a_framing_word_a_passage_writes_still_counts() -> None:
    """Where some passage holds it (an encyclopaedia's 之后), a framing word is a word like any other; 开始 not
    after a time asked (开始报名) is what is asked; with the library's size unknown nothing is left out."""
    lexical = LexicalIndex.build(
        [TOP, "改革开放之后，离休干部的医疗费用要及时报销。", "老干部活动中心要向离休干部开放。"],
        [1, 2, 3],
        get_tokenizer("jieba"),
    )
    e = Evidence(
        ["离休干部", "体检", "之后"], lexical.idf, TOP, passages=lexical.size, question="离休干部体检之后呢"
    )
    assert "之后" in missing_words(e) and 0.0 < coverage(e) < 1.0
    started = Evidence(
        ["开始", "离休干部", "体检"], lexical.idf, TOP, passages=lexical.size, question="离休干部体检开始报名"
    )
    assert "开始" in missing_words(started)
    unknown = Evidence(["离休干部", "体检", "之前"], lexical.idf, TOP, question="离休干部体检之前")
    assert "之前" in missing_words(unknown)


@given(
    st.lists(st.sampled_from(["离休干部", "体检", "规定", "取暖费", "报销", "标准"]), min_size=1, max_size=4)
)
def test_adding_a_framing_word_no_passage_holds_changes_no_signal(words: list[str]) -> None:
    """Property: whatever the question's topic words, a framing word no passage holds (之前, 提到, 之后) moves
    neither the coverage, the unseen share nor the missing peak."""
    lexical = _lexical()
    base = Evidence(words, lexical.idf, TOP, passages=lexical.size, question="".join(words))
    for frame in ("之前", "提到", "之后", "以前"):
        asked = [*words, frame]
        e = Evidence(asked, lexical.idf, TOP, passages=lexical.size, question="".join(asked))
        assert (coverage(e), unseen_share(e), missing_peak(e)) == (
            coverage(base),
            unseen_share(base),
            missing_peak(base),
        )


def test_questions_framed_so_are_answered_in_the_seed_speeches(seed_retriever: Retriever) -> None:
    """End to end, the real model and index: asked when the 五心 brand began, or what a speech 提到, the passage
    that says it comes first and is answered (before, 开始 and 提到 — in no speech — weighed as missing words:
    「未找到」, p 0.27; docs/asks40.md)."""
    started = seed_retriever.search("五心服务品牌是什么时候开始创建的", k=3)
    assert "去年4月" in started.hits[0].passage.text
    assert started.confidence != "low"
    said = seed_retriever.search("讲话里提到的老干部工作者要成为啥样的专门家", k=3)
    assert "专门家" in said.hits[0].passage.text
    assert said.confidence == "high"


KITE = "请于4月7日前将报名表报送县委老干部局文体科，联系人：霍青禾，电话：0736-5218846。"


def _deadline(question: str, top_text: str) -> Evidence:
    return Evidence(terms=["风筝节", "报名", "截止"], idf=flat_idf, top_text=top_text, question=question)


@pytest.mark.parametrize(
    "question", ["风筝节报名截止到哪天", "风筝节 报名截止", "风筝节报名什么时候截止", "风筝节报名截至几号"]
)
def test_a_deadline_asked_is_held_by_a_day_followed_by_qian(question: str) -> None:
    """「报名截止到哪天」: the notice writes the deadline as 「4月7日前」 — 截止 is no word it lacks (docs/asks42.md)."""
    terms = ["风筝节", "报名", "截至" if "截至" in question else "截止"]
    e = Evidence(terms=terms, idf=flat_idf, top_text="风筝节" + KITE, question=question)
    assert coverage(e) == 1.0 and missing_words(e) == [] and missing_peak(e) == 0.0


def test_a_time_counted_to_or_a_passage_without_such_a_day_still_lacks_it() -> None:
    # 「截止去年底」 counts to a time: a passage's 「4月7日前」 is no answer to it
    counted = Evidence(terms=["报名", "截止"], idf=flat_idf, top_text=KITE, question="截止去年底报名多少人")
    assert missing_words(counted) == ["截止"]
    # a passage with no day before 前 (「活动前」, 「2029年4月」) does not state a deadline
    for text in ("活动前请做好热身。", "县委老干部局定于2029年4月举办风筝节。"):
        assert missing_words(_deadline("风筝节报名截止到哪天", "风筝节报名" + text)) == ["截止"]


_PLAIN = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), max_size=30).filter(
    lambda t: not set(t) & set("日号月前截止至")
)


@given(_PLAIN, st.integers(min_value=1, max_value=31))
def test_only_the_deadline_word_is_read_so(text: str, day: int) -> None:
    """Whatever the passage: a word other than 截止 is held as before (by the text or not at all), and 截止 is
    held by a day followed by 前 and lacked without one."""
    top = f"{text}{day}日前"
    for word in ("风筝节", "报名", "交表"):
        e = Evidence(terms=[word], idf=flat_idf, top_text=top, question=f"{word}截止到哪天")
        assert (missing_words(e) == []) == (word in top)
    assert missing_words(Evidence(terms=["截止"], idf=flat_idf, top_text=top, question="截止到哪天")) == []
    assert missing_words(Evidence(terms=["截止"], idf=flat_idf, top_text=text, question="截止到哪天")) == [
        "截止"
    ]


CONTACT = "联系人：童若渝，电话：0739-6218452。"


@pytest.mark.parametrize(
    ("question", "courtesy"),
    [
        ("您好，请问口述史料征集的联系人是哪位？", "您好"),
        ("活动中心开放时间是几点到几点谢谢", "谢谢"),
        ("你好，口述史料征集的联系人是谁", "你好"),
    ],
)
def test_a_courtesy_is_no_word_the_passage_lacks(question: str, courtesy: str) -> None:
    """「您好，请问…联系人是哪位」: no document says 您好 to its reader (docs/asks43.md)."""
    e = Evidence(terms=["联系人", courtesy], idf=flat_idf, top_text=CONTACT, question=question)
    assert coverage(e) == 1.0 and missing_words(e) == [] and missing_peak(e) == 0.0


_COURTESY = st.sampled_from(["您好", "你好", "谢谢", "多谢", "劳驾", "打扰"])


@given(
    st.lists(st.sampled_from(["联系人", "史料", "征集", "报名", "体检", "电话", "截止"]), min_size=1),
    _COURTESY,
    _PLAIN,
)
def test_a_courtesy_changes_no_signal_of_the_words_asked(words: list[str], courtesy: str, text: str) -> None:
    """Whatever the question's other words and the passage: adding a courtesy to the question leaves its
    coverage, missing words and peaks as they were."""
    question = "".join(words)
    plain = Evidence(terms=words, idf=flat_idf, top_text=text + CONTACT, question=question, passages=50)
    polite = Evidence(
        terms=[*words, courtesy],
        idf=flat_idf,
        top_text=text + CONTACT,
        question=f"{courtesy}，{question}",
        passages=50,
    )
    assert coverage(polite) == coverage(plain)
    assert missing_words(polite) == missing_words(plain)
    assert missing_peak(polite) == missing_peak(plain) and unseen_share(polite) == unseen_share(plain)


# -- each thing the question says counted once (paging, docs/more57.md) ---------------------------------
def ladder_idf(word: str) -> float:
    return {"离退休干部": 0.8, "离退休": 0.8, "离退": 0.8, "退休": 0.8, "干部": 0.1, "体检": 4.3}.get(
        word, 2.0
    )


def test_a_passage_holding_only_the_long_word_holds_little_of_a_question_that_says_more() -> None:
    terms = ("离退休干部", "离退休", "体检", "干部", "离退", "退休")
    only_cadres = Evidence(terms=terms, idf=ladder_idf, top_text="全市离退休干部党员参加学习")
    both = Evidence(terms=terms, idf=ladder_idf, top_text="组织离退休干部每年体检一次")
    assert coverage(only_cadres) >= DEFAULT_MIN_COVERAGE  # its parts counted again: "still answers"
    assert distinct_coverage(only_cadres) < DEFAULT_MIN_COVERAGE
    assert distinct_coverage(both) == 1.0


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(["老年大学", "书画", "慰问", "体检", "活动中心"]), min_size=1, unique=True),
    st.data(),
)
def test_the_parts_of_a_word_of_the_question_change_nothing_of_its_distinct_coverage(
    words: list[str], data: st.DataObject
) -> None:
    text = "".join(data.draw(st.lists(st.sampled_from(words), max_size=3)))
    parts = [w[:2] for w in words if len(w) > 2] + [w[-2:] for w in words if len(w) > 2]
    plain = Evidence(terms=tuple(words), idf=ladder_idf, top_text=text)
    with_parts = Evidence(terms=tuple(words + parts), idf=ladder_idf, top_text=text)
    assert distinct_coverage(plain) == pytest.approx(distinct_coverage(with_parts))
    assert 0.0 <= distinct_coverage(plain) <= 1.0
