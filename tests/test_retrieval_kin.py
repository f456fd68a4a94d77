"""retrieval.kin: the retiree and his family named as a family names them (我爸, 老伴, 孩子, 家里人) are held by a
passage naming that person as documents do (离休干部 / 老同志, 配偶, 子女, 家属) — in the confidence's coverage,
its missing words and its unseen share — and by no other passage."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval import Evidence
from retrieval.abstain import coverage, missing_words, unseen_share
from retrieval.kin import held_as_kin, kin_words

# each class: everyday words a family asks by, and what documents write of the same person
CLASSES = [
    (
        ["我爸", "我妈", "老爷子", "老太太", "老人家", "老人", "奶奶", "父亲", "老两口"],
        ["离休干部", "退休干部", "老同志", "老干部", "高龄", "老年人"],
    ),
    (
        ["老伴", "老伴儿", "爱人", "老婆", "老公", "媳妇", "丈夫", "妻子"],
        ["配偶", "遗孀", "遗属", "夫妻", "家属"],
    ),
    (["孩子", "儿子", "女儿", "闺女", "儿女", "孙子", "外孙"], ["子女", "遗属", "直系亲属", "亲属", "家属"]),
    (["家里人", "家人", "亲戚"], ["家属", "亲属", "配偶", "子女", "监护人"]),
]
PAIRS = st.sampled_from(CLASSES).flatmap(lambda c: st.tuples(st.sampled_from(c[0]), st.sampled_from(c[1])))
_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
_NAMES = [w for _, written in CLASSES for w in written] + [
    "离退休",
    "离休",
    "退休",
    "老领导",
    "老党员",
    "老年",
    "儿女",
    "孙子女",
]
# text naming nobody's kin: none of the words documents write for the retiree or his family
_PLAIN = st.text(alphabet=_HAN, max_size=30).filter(lambda t: not any(w in t for w in _NAMES))


@settings(max_examples=200, deadline=None)
@given(PAIRS, st.text(alphabet=_HAN, max_size=30), st.text(alphabet=_HAN, max_size=30))
def test_an_everyday_kin_word_is_held_by_any_passage_naming_that_person(
    pair: tuple[str, str], before: str, after: str
) -> None:
    asked, written = pair
    assert held_as_kin(asked, f"{before}{written}{after}")


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([w for asked, _ in CLASSES for w in asked]), _PLAIN)
def test_a_passage_naming_no_such_person_does_not_hold_it(word: str, text: str) -> None:
    assert not held_as_kin(word, text)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([w for asked, _ in CLASSES for w in asked]), _HAN, st.booleans())
def test_only_a_whole_kin_word_is_held_so(word: str, extra: str, at_end: bool) -> None:
    # 老人院, 孩子们, 给老伴 and any other longer word are read as before: only a whole word of the classes
    longer = word + extra if at_end else extra + word
    if kin_words(longer) != [longer]:  # 老人 + 家 is 老人家, a word of the classes itself
        assert not held_as_kin(longer, "离退休干部及其配偶、子女等家属")


def test_a_spouse_is_not_held_by_a_passage_naming_only_the_retirees() -> None:
    # 「老伴能一起去吗」 asked of a notice for the cadres alone: no spouse is named there
    assert not held_as_kin("老伴", "参加人员须为年龄在78周岁以下、身体健康的离退休干部。")
    assert held_as_kin("老伴", "配偶（年满70周岁）每人每月1200元。")


def evidence(question: str, terms: list[str], top: str, unseen: str = "") -> Evidence:
    ceiling = math.log1p(100.5 / 0.5)
    return Evidence(
        terms=terms,
        idf=lambda w: ceiling if w == unseen else 2.0,
        top_text=top,
        passages=100,
        question=question,
    )


def test_the_confidence_reads_the_family_word_as_held_by_a_passage_naming_the_spouse() -> None:
    top = "补助类别：配偶（年满70周岁）；月补助标准：每人每月1200元；备注：与遗属生活补助费分别计发"
    e = evidence("老伴每月补助多少", ["老伴", "每月", "补助"], top, unseen="老伴")
    assert coverage(e) == 1.0
    assert missing_words(e) == []
    assert unseen_share(e) == 0.0


def test_a_passage_naming_no_spouse_still_lacks_it() -> None:
    top = "参观两批均于当天上午7:30在市委老干部局门口集合乘车出发，下午5:00左右返回原集合地点。"
    e = evidence("参观能带老伴一起去吗", ["参观", "老伴"], top, unseen="老伴")
    assert missing_words(e) == ["老伴"]
    assert unseen_share(e) > 0.5
    assert coverage(e) < 1.0
