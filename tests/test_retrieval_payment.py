"""retrieval.payment: whether one pays, asked in everyday words (掏钱, 交钱, 要钱 …), is held by a passage that
speaks of paying (a fee, free of charge, a sum in 元, a cost borne, a deposit or rent) — in the confidence's
coverage, its missing words and its unseen share — and by no other passage."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval import Evidence
from retrieval.abstain import coverage, missing_words, unseen_share
from retrieval.payment import held_as_payment

VERBS = st.sampled_from(list("掏交要收花出付给"))
PAID = st.sampled_from(
    ["免费", "工本费", "付费", "学费", "免收", "承担", "押金", "租金", "15元", "三十元", "两千元"]
)
_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
# text saying nothing of paying: no 费, 元, 免收, 承担, 押金, 租金
_UNPAID = st.text(alphabet=_HAN, max_size=60).filter(
    lambda t: not any(w in t for w in ("费", "元", "免收", "承担", "押金", "租金"))
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
