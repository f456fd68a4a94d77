"""index.tokenize: one explicit tokenizer per name, used alike for passages and queries."""

from __future__ import annotations

import pytest

from index import (
    DEFAULT_TOKENIZER,
    TOKENIZERS,
    get_tokenizer,
    jieba_words,
    query_terms,
    single_characters,
    tokenizer_version,
)


def test_char_tokens_are_unigrams_then_bigrams() -> None:
    assert get_tokenizer("char")("离休干部") == ["离", "休", "干", "部", "离休", "休干", "干部"]


def test_char_tokens_do_not_bridge_punctuation() -> None:
    tokens = get_tokenizer("char")("体检，规定")
    assert "检规" not in tokens
    assert {"体检", "规定"} <= set(tokens)


def test_latin_words_and_numbers_are_whole_lower_case_tokens() -> None:
    assert get_tokenizer("char")("Hello 2024年 3.5 AI") == ["hello", "2024", "年", "3.5", "ai"]


def test_the_default_tokenizer_is_char() -> None:
    assert DEFAULT_TOKENIZER == "char"
    assert set(TOKENIZERS) == {"char", "jieba", "char+jieba"}


def test_jieba_tokens_are_words_without_filler() -> None:
    tokens = get_tokenizer("jieba")("离休干部体检规定是什么？")
    assert {"离休干部", "体检", "规定"} <= set(tokens)
    assert not {"是", "什么", "？"} & set(tokens)


def test_char_plus_jieba_adds_long_words_to_the_bigrams() -> None:
    tokens = get_tokenizer("char+jieba")("离休干部体检")
    assert tokens[: len(get_tokenizer("char")("离休干部体检"))] == get_tokenizer("char")("离休干部体检")
    assert "离休干部" in tokens


@pytest.mark.parametrize("name", TOKENIZERS)
def test_each_name_gives_the_same_function_every_time(name: str) -> None:
    assert get_tokenizer(name) is get_tokenizer(name)


def test_an_unknown_tokenizer_name_is_refused() -> None:
    with pytest.raises(ValueError, match="char, jieba, char\\+jieba"):
        get_tokenizer("whitespace")


def test_jieba_words_are_lower_cased_and_exclude_spaces() -> None:
    words = jieba_words("老干部 WORK")
    assert "work" in words
    assert " " not in words


def test_query_terms_keep_content_words_longest_first() -> None:
    assert query_terms("离休干部体检规定是什么？") == ["离休干部", "体检", "干部", "离休", "规定"]


def test_single_characters_are_the_one_character_content_words_query_terms_leave_out() -> None:
    assert "卒" not in query_terms("路德维希·普朗特卒于哪年？")
    assert single_characters("路德维希·普朗特卒于 ") == ["卒"]  # 于 is a function word
    assert single_characters("杂凑也被译为 ") == ["译"]
    assert single_characters("离休干部体检规定") == []


def test_query_terms_drop_the_filler_of_questions() -> None:
    assert query_terms("请问到底有没有什么规定呢") == ["规定"]
    assert query_terms("什么？怎么样？") == []


def test_jieba_on_a_dictionary_slice_cuts_as_the_full_dictionary() -> None:
    from index.tokenize import _jieba, _open_slice_db, _sliced_jieba

    texts = [
        "离休干部体检规定是什么？",
        "老年大学要怎么办",
        "推进高龄老干部管理服务工作，Hello 2024年",
        "明天天气怎么样？",
    ]
    db = _open_slice_db()  # writes the snapshot of the full dictionary if it is missing
    assert db is not None
    full = _jieba()
    assert [list(_sliced_jieba(t, db).cut_for_search(t)) for t in texts] == [
        list(full.cut_for_search(t)) for t in texts
    ]


def test_the_tokenizer_version_tells_tokenizers_apart_and_is_stable() -> None:
    versions = {name: tokenizer_version(name) for name in TOKENIZERS}
    assert len(set(versions.values())) == len(TOKENIZERS)
    assert tokenizer_version("char") == versions["char"]
    with pytest.raises(ValueError, match="unknown tokenizer"):
        tokenizer_version("whitespace")
