"""Query-side word lists: the derived question words and the synonym lexicon."""

from __future__ import annotations

from retrieval import Lexicon, bundled_lexicon, question_words


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
