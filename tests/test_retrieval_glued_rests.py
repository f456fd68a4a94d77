"""retrieval.abstain.held_as_rest: a word of the asker's that no passage holds, with a grammar character at an
edge (下雨, 上车, 提意见, jieba's glued 队有), is held by a passage holding what is left (docs/asks47.md)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index import LexicalIndex, get_tokenizer
from retrieval.abstain import Evidence, held_as_rest, missing_peak, unseen_idf, unseen_share
from retrieval.vocabulary import GRAMMAR_CHARS, unglued

# three passages as the libraries hold them (cold31's rain plan, cold32's mountain walk, cold11's suggestions)
RAIN = "遇雨改在县老干部活动中心一楼多功能厅。学员请穿着宽松衣服和软底运动鞋。"
WALK = "75周岁以上或腿脚不便的同志乘景区观光车到半山腰的听泉台，再步行至揽月亭。"
ADVICE = "对署名的意见建议，15个工作日内办结并书面答复本人；匿名留言不予受理。"


def _lexical() -> LexicalIndex:
    return LexicalIndex.build([RAIN, WALK, ADVICE], [1, 2, 3], get_tokenizer("jieba"))


def _evidence(terms: list[str], top: str, lexical: LexicalIndex) -> Evidence:
    return Evidence(terms, lexical.idf, top, passages=lexical.size, question="".join(terms))


def test_an_everyday_word_is_held_by_the_documents_word_holding_its_rest() -> None:
    lexical = _lexical()
    for word, top in (("下雨", RAIN), ("上车", WALK)):
        e = _evidence(["八段锦", word], top, lexical)
        assert held_as_rest(e, word, top.lower()), word
        assert missing_peak(_evidence([word], top, lexical)) == 0.0
        assert unseen_share(_evidence([word], top, lexical)) == 0.0


def test_a_passage_lacking_the_rest_does_not_hold_it() -> None:
    """下雨 is not held by the walk's passage (no 雨 in it), nor 上车 by the rain plan's."""
    lexical = _lexical()
    assert not held_as_rest(_evidence(["下雨"], WALK, lexical), "下雨", WALK.lower())
    assert not held_as_rest(_evidence(["上车"], RAIN, lexical), "上车", RAIN.lower())
    assert missing_peak(_evidence(["下雨"], WALK, lexical)) == pytest.approx(1.0)


def test_a_word_the_library_holds_is_read_as_it_is() -> None:
    """意见 is in a passage: a word the library uses is never read as a piece of itself (nor are words with no
    grammar character at an edge, 爬山, or all grammar, 有的)."""
    lexical = _lexical()
    assert not held_as_rest(_evidence(["意见"], RAIN, lexical), "意见", RAIN.lower())
    for word in ("爬山", "有的"):
        assert not held_as_rest(_evidence([word], WALK + "山有的", lexical), word, (WALK + "山有的").lower())


def test_without_the_library_size_nothing_is_read() -> None:
    e = Evidence(["下雨"], _lexical().idf, RAIN)
    assert not held_as_rest(e, "下雨", RAIN.lower())


_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


@settings(max_examples=200, deadline=None)
@given(word=st.text(alphabet=st.one_of(_HAN, st.sampled_from(sorted(GRAMMAR_CHARS))), min_size=1, max_size=4))
def test_held_as_rest_is_held_by_what_is_left(word: str) -> None:
    """For any word: read as held only when no passage holds it, it has a grammar character at an edge, and the
    passage holds what is left; and then it is no word the passage lacks."""
    lexical = _lexical()
    rest = unglued(word)
    top = "通知：" + rest + "。"
    e = _evidence([word], top, lexical)
    # the index's reading of "no passage holds it"
    unseen = lexical.idf(word) >= unseen_idf(lexical.size) - 1e-6
    expected = unseen and bool(rest) and rest != word
    assert held_as_rest(e, word, top.lower()) == expected
    if expected:
        assert missing_peak(e) == 0.0 and unseen_share(e) == 0.0
