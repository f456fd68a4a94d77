"""The general thesaurus (HIT's 同义词词林, retrieval/data/cilin.txt) in a search: which question words it is
read for, what it adds to the lexical side, and that a search with it off is the shipped search (real seed
library and bundled model, no fakes)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from retrieval import Retriever, RetrieverConfig
from retrieval.abstain import Evidence, coverage, missing_peaks
from retrieval.vocabulary import Thesaurus

pytestmark = pytest.mark.slow

# 银发族 and 夕阳族 are in no passage of the seed speeches; 老干部 and 老同志 are in many, and in one line of
# the bundled lexicon; 离休 / 退休 are words the library uses and keeps apart
THESAURUS = Thesaurus.of_groups(
    [["银发族", "老干部"], ["夕阳族", "体检"], ["离休", "退休"], ["干部", "官员"]]
)


def with_config(retriever: Retriever, **changes: object) -> Retriever:
    config = replace(RetrieverConfig(), **changes)  # type: ignore[arg-type]
    return Retriever(retriever.store, retriever.index, retriever.embedder, config=config, thesaurus=THESAURUS)


def test_only_words_no_passage_holds_and_no_lexicon_holds_are_read(seed_retriever: Retriever) -> None:
    unseen = with_config(seed_retriever, cilin_weight=0.2, cilin_scope="unseen")
    assert unseen.thesaurus_words(("银发族", "离休", "干部", "老干部"), []) == {"银发族": ("老干部",)}
    everything = with_config(seed_retriever, cilin_weight=0.2, cilin_scope="all")
    words = everything.thesaurus_words(("银发族", "离休", "干部", "老同志"), [])
    # 老同志 is the bundled lexicon's: it decides what it is asked as; 官员 is in no passage, not added
    assert words == {"银发族": ("老干部",), "离休": ("退休",)}
    # a user's pair takes a word from the thesaurus too
    assert "银发族" not in everything.thesaurus_words(("银发族",), [("银发族", "老年人")])
    assert with_config(seed_retriever, cilin_weight=0.0).thesaurus_words(("银发族",), []) == {}
    # as shipped: off (the thesaurus file is not shipped; docs/measured.md says why)
    assert RetrieverConfig().cilin_weight == 0 and RetrieverConfig().cilin_coverage == 0


def test_a_question_in_the_staffs_word_finds_the_passages_in_the_librarys(seed_retriever: Retriever) -> None:
    shipped = with_config(seed_retriever, cilin_weight=0.0)
    expanded = with_config(seed_retriever, cilin_weight=0.2)
    question = "银发族体检有什么规定"
    assert expanded.thesaurus_expansions(("银发族", "体检", "规定"), ["健康体检"], []) == ["老干部"]
    before = shipped.search(question, k=5, mode="lexical")
    after = expanded.search(question, k=5, mode="lexical")
    holding = [h for h in after.hits if "老干部" in h.passage.text]
    assert holding and before.hits != after.hits


def test_a_search_the_thesaurus_adds_nothing_to_is_the_search_without_it(seed_retriever: Retriever) -> None:
    shipped = with_config(seed_retriever, cilin_weight=0.0)
    expanded = with_config(seed_retriever, cilin_weight=0.2, cilin_coverage=0.5)
    for question in ("离休干部体检规定是什么？", "老年大学明年招生吗"):
        a, b = shipped.search(question, k=5), expanded.search(question, k=5)
        assert [h.passage.id for h in a.hits] == [h.passage.id for h in b.hits]
        assert a.signals == b.signals and a.probability == b.probability


def test_a_word_held_by_a_synonym_counts_discounted() -> None:
    weights = {"诉讼": 3.0, "打官司": 3.0, "律师": 2.0}

    def evidence(share: float) -> Evidence:
        return Evidence(
            terms=("打官司", "律师"),
            idf=lambda w: weights[w],
            top_text="老干部涉及诉讼的，由律师代理",
            passages=100,
            synonyms={"打官司": ("诉讼",)},
            synonym_share=share,
        )

    assert coverage(evidence(0.0)) == pytest.approx(2 / 5)
    assert coverage(evidence(0.5)) == pytest.approx((2 + 1.5) / 5)
    assert coverage(evidence(1.0)) == pytest.approx(1.0)
    assert missing_peaks(evidence(0.5)).any == pytest.approx(missing_peaks(evidence(0.0)).any / 2)


def test_holds_says_what_passages_holding_counts(seed_retriever: Retriever) -> None:
    for word in ("离休干部", "体检", "老年大学", "银发族", "打官司", "的", "干部体"):
        assert seed_retriever.holds(word) == (seed_retriever.passages_holding(word) > 0), word
