"""retrieval.payment: whether one pays, asked in everyday words (掏钱, 交钱, 要钱 …), is held by a passage that
speaks of what a person pays (a fee, free of charge, a sum paid or charged in 元, a cost borne, a deposit or
rent) — in the confidence's coverage, its missing words and its unseen share — and by no other passage: not by
承担 of a duty (「承担本队的组织工作」), a sum given (「奖励500元」) or 费 that is no charge (「浪费」, 「投入经费」)."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval import Evidence
from retrieval.abstain import coverage, missing_words, unseen_share
from retrieval.payment import held_as_payment

VERBS = st.sampled_from(list("掏交要收花出付给"))
PAID = st.sampled_from(
    [
        "免费",
        "工本费",
        "付费",
        "学费",
        "免收",
        "费用由个人承担",
        "所需经费由局里承担",
        "食宿自理",
        "押金",
        "租金",
        "收15元",
        "每人交三十元",
        "票价两千元",
    ]
)
_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
# what names 承担, 元 or 费 without anyone paying: a duty borne, a sum given or spent, 费 that is no charge,
# looking after oneself (docs/asks48.md, "After review: mend60b")
NOT_PAID = st.sampled_from(
    [
        "各代表队承担本队的组织和安全工作",
        "承担责任",
        "承担主体责任",
        "获一等奖的作者奖励500元",
        "每人补贴200元",
        "发放慰问金一千元",
        "每月补助三百元",
        "投入经费300万元",
        "争取经费支持",
        "不要浪费粮食",
        "耗费大量精力",
        "白费力气",
        "枉费心机",
        "生活不能自理的老同志",
        "交通补贴每月200元",
    ]
)
# text saying nothing of paying: none of the words a payment is said with, joined with those that only look
# like them
_PLAIN = st.text(alphabet=_HAN, max_size=30).filter(
    lambda t: not any(w in t for w in ("费", "元", "免收", "承担", "押金", "租金", "自理", "经费"))
)
_UNPAID = st.builds(
    lambda a, b, c, d: f"{a}{b}，{c}{d}。",
    _PLAIN,
    NOT_PAID,
    _PLAIN,
    st.one_of(st.just(""), NOT_PAID),
)


@settings(max_examples=200, deadline=None)
@given(VERBS, PAID, st.text(alphabet=_HAN, max_size=30), st.text(alphabet=_HAN, max_size=30))
def test_a_verb_of_paying_is_held_by_any_passage_speaking_of_paying(
    verb: str, paid: str, before: str, after: str
) -> None:
    assert held_as_payment(f"{verb}钱", f"{before}{paid}{after}")


@settings(max_examples=200, deadline=None)
@given(VERBS, _UNPAID)
def test_a_passage_saying_nothing_of_paying_does_not_hold_it(verb: str, text: str) -> None:
    assert not held_as_payment(f"{verb}钱", text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_HAN, min_size=1, max_size=4), PAID)
def test_only_a_word_asking_whether_one_pays_is_held_so(word: str, paid: str) -> None:
    # the whole word is a verb of paying and 钱: 车费, 钱包, 交钱款 and any other word are read as before
    is_paying = len(word) == 2 and word[0] in "掏交要收花出付给" and word[1] == "钱"
    assert held_as_payment(word, f"收取{paid}。") == is_paying


def evidence(question: str, terms: list[str], top: str, unseen: str = "") -> Evidence:
    ceiling = math.log1p(100.5 / 0.5)
    return Evidence(
        terms=terms,
        idf=lambda w: ceiling if w == unseen else 2.0,
        top_text=top,
        passages=100,
        question=question,
    )


def test_the_confidence_reads_the_everyday_word_as_held_by_a_passage_of_fees() -> None:
    top = "三、活动中心所有活动室均免费使用，开放时间为每天8:00至17:00。台球室"
    e = evidence("打台球要交钱吗", ["台球", "交钱"], top, unseen="交钱")
    assert coverage(e) == 1.0
    assert missing_words(e) == []
    assert unseen_share(e) == 0.0


def test_a_passage_naming_no_fee_still_lacks_it() -> None:
    # 「冬泳队训练要交钱吗」 asked of the training's timetable: the question asks what it does not say
    top = "三、训练安排。每年10月起在碧水湾室外泳池循序渐进适应水温，每周二、四下午训练。冬泳队"
    e = evidence("冬泳队训练要交钱吗", ["冬泳队", "训练", "交钱"], top, unseen="交钱")
    assert missing_words(e) == ["交钱"]
    assert unseen_share(e) > 0.5
    assert math.isclose(coverage(e), (2.0 + 2.0) / (2.0 + 2.0 + math.log1p(100.5 / 0.5)))


def test_a_duty_borne_or_a_prize_in_yuan_still_lacks_it() -> None:
    # the review's notice (docs/asks48.md, "After review: mend60b"): each team 「承担」 its own organising, the
    # winners are given 500元 — neither says what an entrant pays
    duty = "各代表队承担本队的组织和安全工作，每队报名不超过8人。门球赛"
    e = evidence("门球赛报名要交钱吗", ["门球赛", "报名", "交钱"], duty, unseen="交钱")
    assert missing_words(e) == ["交钱"]
    assert coverage(e) < 1.0
    prize = "获一等奖的作者奖励500元，颁发证书。作者"
    e = evidence("获一等奖的作者要交钱吗", ["一等奖", "作者", "交钱"], prize, unseen="交钱")
    assert missing_words(e) == ["交钱"]
