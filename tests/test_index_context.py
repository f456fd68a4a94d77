"""index.context: which passages lack their subject, and their second vectors (a trial, docs/rank40.md)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench.context import with_context
from corpus import HEAD_SECTION, Document
from index import Library, PassageRecord, VectorIndex
from index.context import SHORT, context_input, lacks_subject
from index.vectors import best_of
from retrieval import Retriever

from .fakes import FakeEmbedder

NOTICE = """关于发放2026年冬季取暖补贴的通知
各单位：
为帮助离退休干部温暖过冬，根据省有关规定，结合我市供暖实际，现就2026年冬季取暖补贴发放的有关事项通知如下，请各单位认真组织实施，确保补贴按时足额发放到每一位符合条件的离退休干部手中，不得截留挪用。
一、补贴标准
人员类别：离休干部；补贴标准：每人每年2400元；发放方式：随11月离休费一并发放
人员类别：退休干部；补贴标准：每人每年1600元；发放方式：打入本人社会保障卡
"""


def record(text: str, section: str | None = "一、补贴标准", title: str = "取暖补贴发放办法") -> PassageRecord:
    return PassageRecord(1, 1, 0, section, text, "", title, None, None)


def test_a_row_of_a_table_lacks_its_subject_however_long() -> None:
    row = "人员类别：离休干部；补贴标准：每人每年2400元；发放方式：随11月离休费一并发放" + "，备注从略" * 20
    assert len(row) > SHORT
    assert lacks_subject(row)


def test_a_one_line_item_lacks_its_subject() -> None:
    assert lacks_subject("（二）查勘。市委老干部局在15个工作日内上门查勘。")


def test_a_paragraph_of_a_speech_carries_its_own() -> None:
    paragraph = (
        "要落实好离休干部每年一次体检的规定，千方百计为离休干部看病治疗提供更多的方便。"
        "医疗费用要按规定及时报销，不得拖欠。各地要建立离休干部健康档案，做到一人一档，"
        "对行动不便的老同志要主动上门服务。"
    )
    assert len(paragraph) > SHORT
    assert not lacks_subject(paragraph)


def test_the_context_is_title_heading_and_text_in_that_order() -> None:
    text = "人员类别：离休干部；补贴标准：每人每年2400元"
    assert context_input(record(text)) == f"取暖补贴发放办法\n一、补贴标准\n{text}"
    assert context_input(record(text, section=None)) == f"取暖补贴发放办法\n{text}"


Ranked = st.lists(
    st.tuples(st.integers(0, 20), st.floats(-1, 1, allow_nan=False)), unique_by=lambda t: t[0], max_size=15
)


@given(Ranked, Ranked, st.integers(1, 40))
def test_best_of_keeps_each_passage_once_at_its_better_score(
    first: list[tuple[int, float]], second: list[tuple[int, float]], k: int
) -> None:
    merged = best_of(first, second, k)
    ids = [d for d, _ in merged]
    assert len(ids) == len(set(ids)) == min(k, len(dict(first) | dict(second)))
    assert [s for _, s in merged] == sorted((s for _, s in merged), reverse=True)
    for doc, score in merged:
        assert score == max(s for d, s in first + second if d == doc)


@given(Ranked, Ranked, st.floats(0, 1, allow_nan=False))
def test_a_share_of_the_context_lies_between_the_passages_own_score_and_the_better_one(
    first: list[tuple[int, float]], second: list[tuple[int, float]], share: float
) -> None:
    k = 40
    own, best = dict(best_of(first, [], k)), dict(best_of(first, second, k))
    mixed = dict(best_of(first, second, k, share))
    assert set(mixed) == set(best)
    for doc in own:
        assert own[doc] - 1e-9 <= mixed[doc] <= best[doc] + 1e-9


@pytest.fixture
def notice(tmp_path: Path, fake_embedder: FakeEmbedder) -> Iterator[Retriever]:
    library = Library(tmp_path / "home")
    library.add_documents([Document("取暖补贴通知.txt", NOTICE, "utf-8")])
    library.build(fake_embedder)
    yield Retriever(library.store, library.load(fake_embedder.key), fake_embedder)
    library.close()


def test_without_context_vectors_the_dense_side_is_the_passages_own(notice: Retriever) -> None:
    vector = notice.query_vector("取暖补贴")
    assert notice.index.context is None
    assert notice.index.with_context(
        notice.index.vectors.search(vector, 10), vector, 10
    ) == notice.index.vectors.search(vector, 10)


def test_a_row_is_found_by_its_title_through_its_context_vector(notice: Retriever) -> None:
    # a plain-text notice's rows are merged into one passage, of the shape of a row still
    rows = [p for p in notice.store.passages() if p.text.startswith("人员类别")]
    assert rows and all(lacks_subject(p.text) for p in rows)
    vector = notice.query_vector("冬季取暖补贴离休干部怎么发放")
    own = dict(notice.index.vectors.search(vector, 10))
    searched = [p for p in notice.store.passages() if p.section != HEAD_SECTION]  # 文件信息 is in no index
    assert with_context(notice) == len([p for p in searched if lacks_subject(p.text)])
    better = dict(notice.index.with_context(notice.index.vectors.search(vector, 10), vector, 10))
    for row in rows:  # each row now also reads the title that names its subject: never lower, here higher
        assert better[row.id] > own[row.id]
    assert all(better[d] >= own[d] for d in own if d in better)
    # the confidence reads the passages' own cosines (its model was fitted on them), not the contexts'
    assert max(better.values()) > max(own.values())
    signals = notice.search("冬季取暖补贴离休干部怎么发放").signals
    assert signals is not None
    assert signals.dense_best == pytest.approx(max(own.values()))


def test_an_empty_context_index_changes_nothing(notice: Retriever) -> None:
    vector = notice.query_vector("取暖补贴")
    empty = VectorIndex.build(np.zeros((0, 64), np.float32), np.zeros(0, np.int64), 64)
    loaded = replace(notice.index, context=empty)
    assert loaded.with_context(loaded.vectors.search(vector, 5), vector, 5) == notice.index.vectors.search(
        vector, 5
    )
