"""index.lexical: BM25 over explicitly tokenised Chinese, with passage ids as document ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from index import IndexCorrupt, LexicalIndex, get_tokenizer

TEXTS = [
    "要落实好离休干部每年一次体检的规定。",
    "老年大学要开设书法、绘画课程。",
    "老干部活动中心要向老同志开放。",
    "老干部工作是党的组织工作的重要组成部分。",
    "离休干部的医疗费用要及时报销。",
]
IDS = [11, 23, 35, 47, 59]  # passage ids, deliberately not positions


@pytest.fixture
def lexical() -> LexicalIndex:
    return LexicalIndex.build(TEXTS, IDS, get_tokenizer("char"))


def test_search_returns_passage_ids_best_first(lexical: LexicalIndex) -> None:
    results = lexical.search("离休干部体检", 5)
    assert results[0][0] == 11
    assert {doc for doc, _ in results} <= set(IDS)
    scores = [score for _, score in results]
    assert scores == sorted(scores, reverse=True)
    assert all(score > 0 for score in scores)


def test_search_returns_at_most_k(lexical: LexicalIndex) -> None:
    assert len(lexical.search("老干部", 2)) == 2


def test_passages_without_any_query_token_are_not_returned(lexical: LexicalIndex) -> None:
    assert {doc for doc, _ in lexical.search("书法", 5)} == {23}


def test_a_query_with_no_known_tokens_returns_nothing(lexical: LexicalIndex) -> None:
    assert lexical.search("天气晴朗", 5) == []
    assert lexical.search("", 5) == []
    assert lexical.search("？！", 5) == []


def test_an_empty_index_returns_nothing() -> None:
    empty = LexicalIndex.build([], [], get_tokenizer("char"))
    assert empty.size == 0
    assert empty.search("离休干部", 5) == []


def test_the_index_keeps_the_tokenizer_it_was_built_with(lexical: LexicalIndex) -> None:
    assert lexical.tokenize is get_tokenizer("char")
    jieba_index = LexicalIndex.build(TEXTS, IDS, get_tokenizer("jieba"))
    assert "离休干部" in jieba_index.vocab  # a jieba word: the char tokenizer has no 4-character tokens
    assert "离休干部" not in LexicalIndex.build(TEXTS, IDS, get_tokenizer("char")).vocab
    assert jieba_index.search("离休干部", 5)[0][0] in (11, 59)


def test_document_frequency_counts_passages(lexical: LexicalIndex) -> None:
    assert lexical.document_frequency("离休") == 2
    assert lexical.document_frequency("书法") == 1
    assert lexical.document_frequency("天气") == 0


def test_idf_is_higher_for_rarer_words(lexical: LexicalIndex) -> None:
    assert lexical.idf("体检") > lexical.idf("离休") > lexical.idf("干部")
    assert lexical.idf("天气") > lexical.idf("体检")  # unseen: rarest of all
    assert lexical.idf("干部") > 0


def test_idf_of_a_long_word_comes_from_its_rarest_piece(lexical: LexicalIndex) -> None:
    assert lexical.idf("离休干部") == lexical.idf("离休")
    assert lexical.idf("一次体检") == lexical.idf("体检")
    assert lexical.idf("干部体检") == lexical.idf("天气")  # "部体" occurs nowhere, so neither does the word


def test_save_and_load_give_the_same_results(lexical: LexicalIndex, tmp_path: Path) -> None:
    lexical.save(tmp_path / "lexical")
    loaded = LexicalIndex.load(tmp_path / "lexical", get_tokenizer("char"))
    assert loaded.size == 5
    for query in ["离休干部体检", "老年大学", "老干部工作"]:
        assert loaded.search(query, 5) == lexical.search(query, 5)


def test_an_empty_index_survives_save_and_load(tmp_path: Path) -> None:
    LexicalIndex.build([], [], get_tokenizer("char")).save(tmp_path / "lexical")
    assert LexicalIndex.load(tmp_path / "lexical", get_tokenizer("char")).search("老干部", 3) == []


def test_missing_files_raise_index_corrupt(lexical: LexicalIndex, tmp_path: Path) -> None:
    lexical.save(tmp_path / "lexical")
    for path in (tmp_path / "lexical").iterdir():
        if path.name != "ids.npy":
            path.unlink()
    with pytest.raises(IndexCorrupt, match="speechqa rebuild"):
        LexicalIndex.load(tmp_path / "lexical", get_tokenizer("char"))
