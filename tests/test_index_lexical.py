"""index.lexical: BM25 over explicitly tokenised Chinese, with passage ids as document ids."""

from __future__ import annotations

from pathlib import Path

import bm25s
import numpy as np
import pytest

from index import IndexCorrupt, LexicalIndex, get_tokenizer
from index.lexical import TermCounts

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


# -- the vectorised build and the term counts kept for the next build -----------------------------------
SPEECH = [
    "要落实好离休干部每年一次体检的规定，千方百计为离休干部看病治疗提供更多的方便。",
    "医疗费用要按规定及时报销，不得拖欠。",
    "老年大学要坚持办学方向，开设书法、绘画、摄影等课程。",
    "要加强离退休干部党支部建设，选优配强支部班子。",
    "要认真执行“三会一课”制度，组织老同志学习党的创新理论。",
    "Party building 2024: 老干部 work",
    "",
    "要发挥老党员先锋模范作用，引导老同志为社会作贡献。老同志老同志。",
]
QUERIES = ["离休干部体检规定", "老年大学课程", "党支部建设", "老同志", "party 2024", "医疗费用报销"]


class CountingTokenizer:
    """The char tokenizer, remembering which texts it was asked to tokenise."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, text: str) -> list[str]:
        self.seen.append(text)
        return get_tokenizer("char")(text)


def scores_by_passage(index: LexicalIndex, query: str) -> dict[int, float]:
    return {doc: round(score, 5) for doc, score in index.search(query, 100)}


def test_scores_equal_those_of_bm25s_own_index() -> None:
    tokenize = get_tokenizer("char")
    texts = [
        t for t in SPEECH if t
    ]  # bm25s gives an empty text a dummy token, which shifts the average length
    ours = LexicalIndex.build(texts, range(len(texts)), tokenize)
    reference = bm25s.BM25(k1=1.2, b=0.75)
    reference.index([tokenize(t) for t in texts], show_progress=False)
    for query in QUERIES:
        tokens = [t for t in tokenize(query) if t in reference.vocab_dict]
        assert tokens, query
        np.testing.assert_allclose(ours.model.get_scores(tokens), reference.get_scores(tokens), atol=1e-5)


def test_a_build_from_previous_counts_tokenises_only_new_texts_and_equals_a_fresh_build() -> None:
    first = LexicalIndex.build(SPEECH[:5], [1, 2, 3, 4, 5], get_tokenizer("char"))
    texts = [SPEECH[0], SPEECH[2], SPEECH[5], SPEECH[3], SPEECH[7]]  # 2 and 5 gone, three new, reordered
    tokenizer = CountingTokenizer()
    incremental = LexicalIndex.build(texts, [1, 3, 6, 4, 8], tokenizer, previous=first.counts)
    assert tokenizer.seen == [SPEECH[5], SPEECH[7]]
    fresh = LexicalIndex.build(texts, [1, 3, 6, 4, 8], get_tokenizer("char"))
    for query in QUERIES:
        assert scores_by_passage(incremental, query) == scores_by_passage(fresh, query)
    assert set(incremental.vocab) == set(fresh.vocab)


def test_an_empty_text_is_indexed_but_never_found() -> None:
    index = LexicalIndex.build(SPEECH, range(len(SPEECH)), get_tokenizer("char"))
    assert index.size == len(SPEECH)
    assert all(doc != SPEECH.index("") for query in QUERIES for doc, _ in index.search(query, 10))


def test_terms_no_passage_uses_any_more_leave_the_vocabulary() -> None:
    first = LexicalIndex.build(SPEECH[:3], [1, 2, 3], get_tokenizer("char"))
    assert "书法" in first.vocab
    second = LexicalIndex.build(SPEECH[:2], [1, 2], get_tokenizer("char"), previous=first.counts)
    assert "书法" not in second.vocab
    assert second.search("书法", 5) == []
    assert second.document_frequency("离休") == 1


def test_term_counts_survive_save_and_load(lexical: LexicalIndex, tmp_path: Path) -> None:
    lexical.save(tmp_path / "lexical")
    counts = TermCounts.load(tmp_path / "lexical")
    assert counts is not None and lexical.counts is not None
    assert counts.terms == lexical.counts.terms
    assert (counts.keys == lexical.counts.keys).all()
    assert (counts.counts != lexical.counts.counts).nnz == 0
    assert counts.counts[0, counts.terms.index("离休")] == 1


def test_missing_or_damaged_term_counts_mean_tokenising_everything(
    lexical: LexicalIndex, tmp_path: Path
) -> None:
    assert TermCounts.load(tmp_path) is None  # an index written before the counts were kept
    lexical.save(tmp_path / "lexical")
    (tmp_path / "lexical" / "terms.json").write_text("[", encoding="utf-8")
    assert TermCounts.load(tmp_path / "lexical") is None
    (tmp_path / "lexical" / "terms.json").write_text('["离"]', encoding="utf-8")  # wrong width
    assert TermCounts.load(tmp_path / "lexical") is None
    (tmp_path / "lexical" / "terms.json").write_text("7", encoding="utf-8")  # not a list
    assert TermCounts.load(tmp_path / "lexical") is None


@pytest.mark.parametrize("damage", [b"", b"PK\x03\x04 truncated"])
def test_a_truncated_counts_file_reads_as_no_counts(
    lexical: LexicalIndex, tmp_path: Path, damage: bytes
) -> None:
    lexical.save(tmp_path / "lexical")
    (tmp_path / "lexical" / "counts.npz").write_bytes(damage)
    assert TermCounts.load(tmp_path / "lexical") is None


def test_keys_of_the_wrong_shape_read_as_no_counts(lexical: LexicalIndex, tmp_path: Path) -> None:
    lexical.save(tmp_path / "lexical")
    assert lexical.counts is not None
    np.save(tmp_path / "lexical" / "count_keys.npy", lexical.counts.keys.reshape(-1, 1))
    assert TermCounts.load(tmp_path / "lexical") is None


def test_dropped_question_words_do_not_count_unless_nothing_else_is_left(lexical: LexicalIndex) -> None:
    drop = frozenset({"老", "年", "老年"})
    with_words = dict(lexical.search("老年大学", 5))
    without = dict(lexical.search("老年大学", 5, drop=drop))
    assert without[23] < with_words[23] and set(without) == {23}
    assert lexical.search("老年", 5, drop=drop) == lexical.search("老年", 5)


def test_expansions_count_at_their_lower_weight(lexical: LexicalIndex) -> None:
    assert lexical.search("看病", 5) == []
    expanded = dict(lexical.search("看病", 5, expansions=["医疗"], expansion_weight=0.3))
    assert set(expanded) == {59}
    full = dict(lexical.search("医疗", 5))
    assert expanded[59] == pytest.approx(0.3 * full[59], rel=1e-5)


def test_weak_expansions_count_at_their_own_weight_and_never_twice(lexical: LexicalIndex) -> None:
    assert lexical.search("看病", 5) == []
    weak = dict(lexical.search("看病", 5, weak_expansions=["医疗"], weak_weight=0.2))
    full = dict(lexical.search("医疗", 5))
    assert weak[59] == pytest.approx(0.2 * full[59], rel=1e-5)
    # a token the stronger expansions already bring is not counted again at the weak weight
    both = dict(
        lexical.search(
            "看病", 5, expansions=["医疗"], expansion_weight=0.3, weak_expansions=["医疗"], weak_weight=0.2
        )
    )
    assert both[59] == pytest.approx(0.3 * full[59], rel=1e-5)
    assert lexical.search("看病", 5, weak_expansions=["医疗"], weak_weight=0.0) == []
