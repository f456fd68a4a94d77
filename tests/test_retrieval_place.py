"""Asked where, a document's passages giving a place come first among its passages in the head's first five
(retrieval/place.py). Tried and not kept: off by default (`RetrieverConfig.place_first`), docs/place57.md."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from index import PassageRecord
from retrieval import RetrieverConfig
from retrieval.answer_type import asked_kinds
from retrieval.deferral import gives_kind
from retrieval.place import PLACE_DEPTH, place_givers_first

# asks45 nq030's notice (tuning half), its items as indexed: the 地点 item ranked third
TIME = "一、培训时间：2029年3月6日至6月26日，每周二上午9:00至11:00,共16课时。"
OPENING = (
    "为满足离退休干部学习民族乐器的愿望，县委老干部局定于2029年3月开办二胡演奏培训班。现将有关事项通知如下："
)
PLACE = "二、培训地点：县老干部活动中心二楼民乐排练厅。"
TEACHER = "三、授课教师：县文化馆副研究馆员聂承远，曾获省民族器乐大赛银奖。"
ELSEWHERE = "是否需要电梯教室：◉是○否"  # another document's form row (a 教室: a place)
BOTH = "2028年11月15日上午9:00，在县老干部活动中心二楼多功能厅举办。"  # asks41 hq055's notice: when and where


def _record(pid: int, speech: int, text: str) -> PassageRecord:
    return PassageRecord(pid, speech, pid, None, text, str(pid), "通知", None, None)


def _ids(head: list[tuple[int, float]]) -> list[int]:
    return [d for d, _ in head]


def test_the_place_item_comes_first_among_its_notices_passages() -> None:
    records = {
        1: _record(1, 6, TIME),
        2: _record(2, 6, OPENING),
        3: _record(3, 6, PLACE),
        4: _record(4, 6, TEACHER),
    }
    head = [(1, 0.9), (2, 0.8), (3, 0.7), (4, 0.6)]
    assert _ids(place_givers_first(head, records, "二胡培训班在哪里上课？")) == [3, 1, 2, 4]
    assert _ids(place_givers_first(head, records, "二胡培训班 地点")) == [
        3,
        1,
        2,
        4,
    ]  # a noun phrase asking where


def test_passages_of_other_documents_keep_their_slots() -> None:
    records = {
        1: _record(1, 14, ELSEWHERE),
        2: _record(2, 7, OPENING),
        3: _record(3, 18, TEACHER),
        4: _record(4, 7, PLACE),
        5: _record(5, 7, TIME),
    }
    head = [(1, 0.9), (2, 0.8), (3, 0.7), (4, 0.6), (5, 0.5)]
    # the notice (7) holds slots 2, 4, 5: its 地点 item takes the first of them; 14 and 18 stay
    assert _ids(place_givers_first(head, records, "学泡茶在哪个教室上课")) == [1, 4, 3, 2, 5]


def test_a_question_not_asking_where_or_a_place_beyond_the_page_moves_nothing() -> None:
    records = {
        i: _record(i, 6, t) for i, t in enumerate([TIME, OPENING, TEACHER, TEACHER, TEACHER, PLACE], 1)
    }
    head = [(i, 1.0 / i) for i in records]
    assert place_givers_first(head, records, "二胡培训班什么时候开课") == head
    assert place_givers_first(head, records, "二胡培训班在哪里上课") == head  # the 地点 item is sixth


def test_asked_when_and_where_only_a_passage_giving_both_moves_up() -> None:
    records = {1: _record(1, 11, OPENING), 2: _record(2, 11, PLACE), 3: _record(3, 11, BOTH)}
    head = [(1, 0.9), (2, 0.8), (3, 0.7)]
    assert _ids(place_givers_first(head, records, "讲座什么时候在哪里举办？")) == [3, 1, 2]


def test_it_is_off_by_default() -> None:
    assert RetrieverConfig().place_first is False


_TEXTS = (
    TIME,
    OPENING,
    PLACE,
    TEACHER,
    ELSEWHERE,
    BOTH,
    "活动地点：县老干部活动中心",
    "请学员保持电话畅通。",
)


@given(
    st.lists(st.tuples(st.sampled_from(_TEXTS), st.integers(1, 3)), min_size=0, max_size=9),
    st.sampled_from(
        ["二胡培训班在哪里上课？", "培训 地点", "讲座什么时候在哪里举办", "体检规定", "报名 要求"]
    ),
)
def test_the_head_is_only_reordered_within_each_documents_slots_on_the_page(
    passages: list[tuple[str, int]], question: str
) -> None:
    records = {i: _record(i, speech, text) for i, (text, speech) in enumerate(passages, start=1)}
    head = [(i, 1.0 / i) for i in records]
    moved = place_givers_first(head, records, question)
    assert sorted(moved) == sorted(head)  # nothing lost, nothing added
    assert moved[PLACE_DEPTH:] == head[PLACE_DEPTH:]  # beyond the page nothing moves
    page, was = _ids(moved[:PLACE_DEPTH]), _ids(head[:PLACE_DEPTH])
    if moved != head:  # only a question asking where moves anything
        assert "place" in asked_kinds(question)
    kinds = asked_kinds(question) & {"place", "time"}
    # every slot on the page still holds a passage of the same document
    assert [records[d].speech_id for d in page] == [records[d].speech_id for d in was]
    for speech in {r.speech_id for r in records.values()}:
        mine = [d for d in page if records[d].speech_id == speech]
        gives = [d for d in mine if all(gives_kind(k, records[d].text) for k in kinds)]
        # within a document, givers and the others each keep their order; only a giver rises
        assert [d for d in was if d in gives] == gives
        assert [d for d in was if d in mine and d not in gives] == [d for d in mine if d not in gives]
        for d in mine:
            assert page.index(d) >= was.index(d) or d in gives
