"""Query-side word lists: how a question asks, the derived question words and the synonym lexicon."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import to_simplified
from retrieval import Lexicon, bundled_lexicon, question_words
from retrieval.pins import QuestionSide, siblings
from retrieval.sentence_model import around_interrogative
from retrieval.vocabulary import (
    GRAMMAR_CHARS,
    INTERROGATIVE,
    Thesaurus,
    asks_only_how,
    bundled_thesaurus,
    only_frames,
    question_form_spans,
    unglued,
)


def test_question_words_hold_asking_words_but_not_topics() -> None:
    words = question_words()
    assert {"什么", "哪些", "多少", "啥"} <= words
    assert not {"老干部", "体检", "离休", "干部", "待遇"} & words


def test_a_query_is_expanded_with_the_other_members_of_its_groups() -> None:
    lexicon = Lexicon((frozenset({"老同志", "老干部", "离退休干部"}), frozenset({"看病", "就医"})))
    assert lexicon.expansions("老同志看病有什么照顾") == ["离退休干部", "老干部", "就医"]
    assert lexicon.expansions("明天天气") == []


def test_a_word_the_query_already_holds_is_not_added_again() -> None:
    lexicon = Lexicon((frozenset({"离休干部", "离休老干部", "干部"}),))
    assert lexicon.expansions("离休干部体检") == ["离休老干部"]


def test_user_pairs_join_the_bundled_lexicon() -> None:
    lexicon = bundled_lexicon().with_pairs([("夕阳红", "老年大学")])
    assert "老年大学" in lexicon.expansions("夕阳红开几个班")
    assert "就医" in bundled_lexicon().expansions("老同志看病难")


# -- how a question asks: one list for every reader ------------------------------------------------------

_TOPIC = st.text(
    "离休干部体检规定老志待遇活动中心费用标准", max_size=6
)  # no character of _VERB: 同同不同同 reads 同同 as the verb
_VERB = st.text("收管交给报名同意参加涨发开门", min_size=1, max_size=2)


@settings(max_examples=200, deadline=None)
@given(_TOPIC, _VERB, st.sampled_from("不没"), _TOPIC)
def test_a_verb_repeated_around_bu_or_mei_is_how_the_question_asks_for_every_reader(
    before: str, verb: str, neg: str, after: str
) -> None:
    """收不收, 交没交, 同意不同意 — any verb, anywhere in the question — is read as 是不是 is: matched whole by
    INTERROGATIVE, its pieces holding 不/没 weigh nothing as missing words (the verb itself still counts),
    and the readers that compare the topic (pins) or read around the interrogative (answer sentence) see
    the question as if it asked with 是不是."""
    form = verb + neg + verb
    spoken, written = before + form + after, before + "是不是" + after
    assert (len(before), len(before) + len(form)) in question_form_spans(spoken)
    assert INTERROGATIVE.sub(" ", spoken) == INTERROGATIVE.sub(" ", written) == before + " " + after
    assert asks_only_how(form, spoken) and asks_only_how(neg + verb, spoken)
    assert not asks_only_how(verb, spoken)
    a, b = QuestionSide.of(spoken), QuestionSide.of(written)
    assert (a.terms, a.grams) == (b.terms, b.grams)
    assert around_interrogative(spoken) == around_interrogative(written)


@pytest.mark.parametrize(
    ("spoken", "written"),
    [("离休干部体检规定是啥", "离休干部体检规定是什么"), ("离休干部体检咋安排", "离休干部体检怎么安排")],
)
def test_sha_and_za_are_read_as_shenme_and_zenme(spoken: str, written: str) -> None:
    assert INTERROGATIVE.sub(" ", spoken) == INTERROGATIVE.sub(" ", written)
    assert around_interrogative(spoken) == around_interrogative(written)


@pytest.mark.parametrize(
    "ordinary", ["不同单位的标准", "不得超过规定", "不管多大年纪", "差不多", "来不及办理"]
)
def test_bu_inside_a_word_is_no_question_form(ordinary: str) -> None:
    assert INTERROGATIVE.search(ordinary) is None
    assert not any(asks_only_how(word, ordinary) for word in ("不同", "不得", "不管", "不多", "不及"))


# -- the general thesaurus (HIT's 同义词词林, derived by scripts/derive_cilin.py) ---------------------------


def test_the_thesaurus_reads_whole_words_and_joins_every_group_a_word_is_in() -> None:
    thesaurus = Thesaurus.of_groups([["诉讼", "打官司"], ["回话", "回音", "回信"], ["回信", "复信"]])
    assert thesaurus.of("打官司") == ("诉讼",)
    assert thesaurus.of("回信") == ("回话", "回音", "复信")
    assert thesaurus.of("官司") == () and thesaurus.of("天气") == ()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.sampled_from("甲乙丙丁戊己庚辛"), min_size=1, max_size=4), max_size=6))
def test_thesaurus_synonymy_is_symmetric_and_never_reflexive(groups: list[list[str]]) -> None:
    thesaurus = Thesaurus.of_groups(groups)
    for word, others in thesaurus.synonyms.items():
        assert word not in others and len(set(others)) == len(others)
        assert all(word in thesaurus.of(other) for other in others)


def test_the_derived_thesaurus_holds_everyday_words_and_not_the_lexicons_contrasts() -> None:
    # retrieval/data/cilin.txt is not shipped (docs/retrieval.md says why): this checks the file
    # scripts/derive_cilin.py writes into a checkout for the experiment
    thesaurus = bundled_thesaurus()
    if not thesaurus.synonyms:
        pytest.skip("retrieval/data/cilin.txt not derived here (scripts/derive_cilin.py; not shipped)")
    assert "诉讼" in thesaurus.of("打官司") and "就医" in thesaurus.of("看病")
    # the bundled lexicon keeps 离休干部 and 退休干部 on different lines: Cilin's 离休 = 退休 is not taken
    assert "退休" not in thesaurus.of("离休") and "离休" not in thesaurus.of("退休")
    # no single characters, no kinds of one thing (政治待遇 / 生活待遇) joined
    assert all(len(w) > 1 for w in thesaurus.synonyms)
    assert not any(siblings(w, o) for w, others in thesaurus.synonyms.items() for o in others)


# -- a word jieba guessed by gluing a function word to its neighbour -----------------------------------------

_GLUED = st.text(st.sampled_from(list("卡钱车地领查能会我的了有要想个些")), max_size=6)


@settings(max_examples=300, deadline=None)
@given(_GLUED)
def test_unglued_takes_grammar_characters_off_the_edges_only(word: str) -> None:
    """What is left is a piece of the word from within it, no grammar character at either end, and reading it
    again changes nothing; a word with none at its edges is itself."""
    rest = unglued(word)
    assert rest in word
    assert not rest or (
        rest[0] not in GRAMMAR_CHARS | set("会想") and rest[-1] not in GRAMMAR_CHARS | set("会想")
    )
    assert unglued(rest) == rest
    if word and word[0] not in "能会我的了有要想个些" and word[-1] not in "能会我的了有要想个些":
        assert rest == word


@pytest.mark.parametrize(
    ("guessed", "left"),
    [("卡能", "卡"), ("能领", "领"), ("钱会", "钱"), ("我能", ""), ("搭个", "搭"), ("想资组", "资组")],
)
def test_the_words_jieba_glues_in_staff_questions_are_read_as_their_content(guessed: str, left: str) -> None:
    assert unglued(guessed) == left


@pytest.mark.parametrize(
    ("term", "question", "frames"),
    [
        ("之前", "搬到外地之前要填什么表", True),
        ("之前", "汇总表什么时候之前要报", True),
        ("以前", "以前办过老年卡了还要再办吗", True),
        ("提到", "讲话里提到的钻石婚夫妇是谁", True),
        ("开始", "团拜会几点开始", True),
        ("开始", "办法什么时候开始施行", True),
        ("开始", "哪天开始报名", True),
        ("开始", "开始报名要带什么", False),  # 开始 not after a time asked: what is asked
        ("团拜会", "团拜会几点开始", False),
        ("外地", "搬到外地之前要填什么表", False),
    ],
)
def test_a_word_that_only_frames_what_is_asked(term: str, question: str, frames: bool) -> None:
    assert only_frames(term, question) is frames


def _asking_words() -> list[str]:
    """Every question word of the closed class: INTERROGATIVE's words (一? written both ways; its repeated-verb
    form aside). The derived question words are pieces of words (么为, 着什) that OpenCC writes by their
    neighbours: 着什 is Taiwan's 著什, which t2s keeps (著 is also 著作's)."""
    words: set[str] = set()
    for alternative in INTERROGATIVE.pattern.split("|"):
        if "(" not in alternative:
            words |= {alternative.replace("一?", ""), alternative.replace("一?", "一")}
    return sorted(words)


@cache
def _converter(conversion: str) -> Any:
    import opencc

    return opencc.OpenCC(conversion)


def _written_traditionally(word: str, conversion: str, spelling: str) -> str:
    return str(_converter(conversion).convert(word)).replace("什麼", spelling)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_asking_words()),
    st.sampled_from(["s2t", "s2hk", "s2tw", "s2twp"]),
    st.sampled_from(["什麼", "甚麼", "什麽", "甚麽"]),
)
def test_every_question_word_written_in_traditional_script_is_read_as_its_simplified_form(
    word: str, conversion: str, spelling: str
) -> None:
    """Hong Kong and Taiwan write 什么 as 什麼 or 甚麼 (and 麽 for 麼): folded to simplified script, each is the
    word itself, so every reader of question words reads it (「甚麼時段」 was 「甚么时段」, no question word)."""
    folded = to_simplified(_written_traditionally(word, conversion, spelling))
    assert folded == word
    assert question_form_spans(folded) == question_form_spans(word)
