"""The learned sentence chooser: it shows the sentence saying what is asked rather than the one naming the
subject, keeps the rule's score, always returns a span of the passage, and a missing or stale model file
leaves the rule's choice with a warning.

The two passages are contexts of CMRC 2018 trial (CC BY-SA 4.0, ../shared/benchmarks/cmrc2018), with the
question words and weights the search gives them in the CMRC trial library."""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus import Document
from index import Library
from retrieval import Retriever, RetrieverConfig, WeightedTerm, answer_sentence
from retrieval.sentence import split_sentences
from retrieval.sentence_model import (
    FEATURES,
    SENTENCE_MODEL_VERSION,
    SentenceModel,
    bundled_sentence_model,
    load_sentence_model,
    sentence_features,
)

from .fakes import FakeEmbedder

PASSIONFLOWER = (
    '大果西番莲（学名：""）是西番莲属的植物中，果实最大的一种。它是分布于热带美洲的一种多年生植物，'
    "拥有心形的、卵形的或是尖形的平滑叶子。其叶柄（petiole）有四到六个腺体。它的根部可用来当作催吐剂与麻醉药品。"
    "它也拥有很香的花并能结出长椭圆形的果实，果实中包含了许多的种子，嵌入于稍带酸味但可食用的假种皮之中。"
    "大果西番莲有时候会在温室中种植。"
)
PASSIONFLOWER_TERMS = [
    WeightedTerm("西番莲", 5.33),
    WeightedTerm("叶柄", 4.55),
    WeightedTerm("大果", 5.33),
    WeightedTerm("特点", 5.0),
    WeightedTerm("西番", 5.0),
]
ALLAMANDA = (
    "黄蝉（学名：'）别称为硬枝黄蝉、夹竹桃叶黄蝉、小花黄蝉、丛立黄蝉及黄兰蝉。为夹竹桃科黄蝉属植物。"
    "原生于巴西，现广植于热带地区，为观赏植物。花期为5-8月，果期10-12月。"
    "因花蕾的形状及颜色貌似即将羽化的蝉蛹，故而得名硬枝黄蝉。硬枝黄蝉是一种直立灌木，高约1-2米。"
)
ALLAMANDA_TERMS = [WeightedTerm("名称", 3.33), WeightedTerm("硬枝", 5.84), WeightedTerm("黄蝉", 4.75)]


def model() -> SentenceModel:
    found = bundled_sentence_model()
    assert found is not None, "retrieval/data/sentence_model.json is shipped and fits this code"
    return found


def test_the_sentence_saying_the_attribute_asked_wins_over_the_lead_naming_the_subject() -> None:
    topic = "大果西番莲 大果西番莲"
    rule = answer_sentence(PASSIONFLOWER, PASSIONFLOWER_TERMS, topic=topic)
    chosen = answer_sentence(
        PASSIONFLOWER,
        PASSIONFLOWER_TERMS,
        topic=topic,
        chooser=model().choose,
        question="大果西番莲的叶柄有什么特点？",
    )
    assert rule is not None and chosen is not None
    assert rule.text.startswith("大果西番莲（学名")  # the lead sentence holds most of the question's words
    assert "四到六个腺体" in chosen.text and "学名" not in chosen.text
    assert chosen.score == rule.score  # the rule still scores the passage: the confidence model reads it


def test_a_question_asking_how_a_name_came_about_gets_the_sentence_giving_the_cause() -> None:
    chosen = answer_sentence(
        ALLAMANDA,
        ALLAMANDA_TERMS,
        topic="黄蝉 黄蝉",
        extra=[WeightedTerm("来", 0.58)],
        chooser=model().choose,
        question="硬枝黄蝉的名称是怎么来的？",
    )
    assert chosen is not None and "故而得名硬枝黄蝉" in chosen.text


def test_without_a_chooser_or_question_words_the_rule_decides() -> None:
    text = "离休干部每年体检一次。体检经费按每人每年1800元标准安排。"
    terms = [WeightedTerm("体检", 3.0), WeightedTerm("经费", 4.0)]
    rule = answer_sentence(text, terms)
    assert answer_sentence(text, terms, chooser=model().choose, question="体检经费是多少？") is not None
    assert answer_sentence(text, [], chooser=model().choose) == answer_sentence(text, [])
    assert rule is not None and "1800元" in rule.text


def test_every_sentence_gets_one_value_per_feature() -> None:
    spans = split_sentences(PASSIONFLOWER)
    rows = sentence_features(
        PASSIONFLOWER, spans, PASSIONFLOWER_TERMS, 25.2, None, "大果西番莲", 0, "大果西番莲的叶柄有什么特点？"
    )
    assert len(rows) == len(spans) and all(len(row) == len(FEATURES) for row in rows)
    by_name = [dict(zip(FEATURES, row, strict=True)) for row in rows]
    assert by_name[0]["rule_best"] == 1.0 and by_name[0]["first"] == 1.0
    assert by_name[2]["after_asked"] == 0.0 and by_name[2]["anaphor"] == 1.0  # 其叶柄…


def test_a_stale_or_missing_model_file_leaves_the_rules_choice_and_says_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    stale = model().to_json()
    stale["version"] = SENTENCE_MODEL_VERSION + 1
    (tmp_path / "stale.json").write_text(json.dumps(stale), encoding="utf-8")
    other = replace(model(), features=(*FEATURES[:-1], "unknown")).to_json()
    (tmp_path / "other.json").write_text(json.dumps(other), encoding="utf-8")
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        for name in ("stale", "other", "broken", "missing"):
            assert load_sentence_model(tmp_path / f"{name}.json") is None
    assert caplog.text.count("sentence model") == 4
    assert "the answer sentence is the rule's" in caplog.text


def test_the_shipped_model_reads_back_as_written(tmp_path: Path) -> None:
    model().save(tmp_path / "model.json")
    assert load_sentence_model(tmp_path / "model.json") == model()


_SENTENCE = st.text(
    alphabet="离休干部体检经费每年元标准其他因故位于省县、，的是什么哪些1", min_size=1, max_size=30
)


@given(
    st.lists(_SENTENCE, min_size=1, max_size=6),
    st.lists(st.sampled_from(["离休", "体检", "经费", "标准", "位于", "干部", "每年"]), max_size=4),
    st.sampled_from(["", "体检经费是多少？", "离休干部位于哪里", "为什么体检", "有哪些标准"]),
)
def test_the_chosen_span_is_always_a_span_of_the_passage(
    sentences: list[str], words: list[str], question: str
) -> None:
    text = "。".join(sentences) + "。"
    terms = [WeightedTerm(w, 1.0 + i) for i, w in enumerate(words)]
    found = answer_sentence(text, terms, topic="离休干部", chooser=model().choose, question=question)
    rule = answer_sentence(text, terms, topic="离休干部")
    assert found is not None and rule is not None
    assert 0 <= found.start < found.end <= len(text)
    assert found.text == text[found.start : found.end]
    assert found.score == rule.score


def test_search_shows_the_choosers_sentence_for_the_best_passage(
    tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    library = Library(tmp_path / "home")
    library.add_documents(
        [
            Document("大果西番莲.txt", f"大果西番莲\n{PASSIONFLOWER}\n", "utf-8"),
            Document("黄蝉.txt", f"黄蝉\n{ALLAMANDA}\n", "utf-8"),
        ]
    )
    library.build(fake_embedder)
    index = library.load(fake_embedder.key)
    question = "硬枝黄蝉的名称是怎么来的？"
    chosen = Retriever(library.store, index, fake_embedder).search(question, k=2, mode="lexical")
    rule = Retriever(
        library.store, index, fake_embedder, replace(RetrieverConfig(), sentence_chooser=False)
    ).search(question, k=2, mode="lexical")
    library.close()
    assert chosen.hits[0].passage.id == rule.hits[0].passage.id
    first, first_by_rule = chosen.hits[0].answer_sentence, rule.hits[0].answer_sentence
    assert first is not None and first_by_rule is not None
    assert "故而得名" in first.text and "故而得名" not in first_by_rule.text
    assert first.score == first_by_rule.score  # what the confidence model reads is the rule's
    assert first.text == chosen.hits[0].passage.text[first.start : first.end]


@pytest.mark.parametrize(
    ("spoken", "written"),
    [
        ("大果西番莲的叶柄上的腺体叫啥？", "大果西番莲的叶柄上的腺体叫什么？"),
        ("大果西番莲的根部咋用？", "大果西番莲的根部怎么用？"),
        ("大果西番莲的根部能不能当催吐剂？", "大果西番莲的根部可不可以当催吐剂？"),
    ],
)
def test_a_spoken_question_form_chooses_the_answer_sentence_as_the_written_one(
    spoken: str, written: str
) -> None:
    """啥 and 咋 are read as 什么 and 怎么, a verb repeated around 不/没 as 是不是: the words just before and
    after how the question asks, and the question's own words, are read the same (before, 「…叫啥」 had
    no interrogative to read around)."""
    spans = split_sentences(PASSIONFLOWER)
    rows = [
        sentence_features(PASSIONFLOWER, spans, PASSIONFLOWER_TERMS, 25.2, None, "大果西番莲", 0, q)
        for q in (spoken, written)
    ]
    assert rows[0] == rows[1]
