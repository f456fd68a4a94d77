"""Asked a kind of fact in everyday words, a document's passages stating it come first among its passages in the
head's first eight (retrieval/asked_fact.py, `RetrieverConfig.fact_first`, docs/cue63.md)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from index import PassageRecord
from retrieval.asked_fact import FACT_DEPTH, asked_facts, fact_stating_first, states

# cold36's 助餐 workbook as indexed in asks51's library (passages 162, 166, 167, 168, 169, 170): asks51's tuning half
ROW = "乡镇：城关镇；助餐点：城关社区长者食堂；就餐老人（人）：186；补贴人次：9820；补贴金额（元）：34370"
TOTAL = "乡镇：合计（一季度发放明细）；就餐老人（人）：400；补贴人次：20155；补贴金额（元）：65375"
RATE = "补贴金额（元）（批注）：补贴标准：每餐补贴3元，80周岁以上老人每餐补贴5元。"
RECIPIENT = "一、补贴对象为本县户籍、60周岁以上、在助餐点就餐的老年人。"
PAYER = "二、补贴资金由县财政和乡镇按7:3比例分担，按季度拨付到助餐点。"
DEADLINE = "三、各助餐点须于每季度结束后10日内报送就餐台账和签字名册。"
# cold4's 护理费 notice (青溪): its rule for two allowances at once
EXCLUSIVE = "同时符合护理等级和高龄护理条件的，按就高原则享受一项，不重复计发。"
GRADES = "一级护理每月1200元，二级护理每月800元，三级护理每月500元；年满90周岁的离休干部高龄护理每月600元。"


def _record(pid: int, speech: int, text: str) -> PassageRecord:
    return PassageRecord(pid, speech, pid, None, text, str(pid), "通知", None, None)


def _ids(head: list[tuple[int, float]]) -> list[int]:
    return [d for d, _ in head]


WORKBOOK = {1: ROW, 2: TOTAL, 3: RATE, 4: RECIPIENT, 5: PAYER, 6: DEADLINE}


def _head(order: list[int], texts: dict[int, str] = WORKBOOK, speech: int = 8):
    records = {pid: _record(pid, speech, texts[pid]) for pid in order}
    return [(pid, 1.0 - i / 10) for i, pid in enumerate(order)], records


def test_everyday_words_name_the_kind_of_fact_asked() -> None:
    assert asked_facts("助餐补帖给哪些老人") == {"recipient"}
    assert asked_facts("老人吃饭补贴的钱是谁掏的") == {"payer"}
    assert asked_facts("去疗养院休养自己要交钱吗") == {"payer"}
    assert asked_facts("老年饭堂一季度总共多少老人在吃") == {"total"}
    assert asked_facts("家里装扶手做改造，政府最多补多少钱") == {"bound"}
    assert asked_facts("既评了护理等级又满了90岁，两样都能拿吗") == {"exclusive"}
    assert asked_facts("休养报名截止到哪天？") == {"deadline"}
    assert asked_facts("體檢人員名單什麼時候前報送") == {"deadline"}  # traditional script


def test_words_that_only_look_like_a_kind_ask_none() -> None:
    assert asked_facts("出发前要交什么材料") == frozenset()  # what to do before, not by when
    assert asked_facts("截至2月底登记了多少人") == frozenset()  # counted up to a date
    assert asked_facts("《青溪记忆》由哪家出版社出版") == frozenset()  # who publishes, not who pays
    assert asked_facts("参观规划展览馆的名单报给谁") == frozenset()  # where to send, not who gets it
    assert asked_facts("助餐点在哪里") == frozenset()


def test_the_official_phrasing_states_the_kind() -> None:
    assert states("recipient", RECIPIENT) and not states("recipient", ROW)
    assert states("payer", PAYER) and not states("payer", RECIPIENT)
    assert states("total", TOTAL) and not states("total", ROW)
    assert states("exclusive", EXCLUSIVE) and not states("exclusive", GRADES)
    assert states("deadline", DEADLINE) and states("deadline", "请于3月14日前回复是否参加。")
    assert states("bound", "每户改造补助标准不超过3500元。") and not states("bound", ROW)


def test_the_passage_stating_the_kind_takes_its_documents_first_slot() -> None:
    head, records = _head([1, 3, 2, 6, 4, 5])
    # the rate's 「80周岁以上老人」 names whom too: both move up, in their order
    assert _ids(fact_stating_first(head, records, "助餐补帖给哪些老人")) == [3, 4, 1, 2, 6, 5]
    assert _ids(fact_stating_first(head, records, "老人吃饭补贴的钱是谁掏的")) == [5, 1, 3, 2, 6, 4]
    assert _ids(fact_stating_first(head, records, "老年饭堂一季度总共多少老人在吃")) == [2, 1, 3, 6, 4, 5]


def test_passages_of_other_documents_keep_their_slots() -> None:
    texts = {1: ROW, 2: GRADES, 3: RECIPIENT, 4: EXCLUSIVE}
    records = {
        1: _record(1, 8, ROW),
        2: _record(2, 13, GRADES),
        3: _record(3, 8, RECIPIENT),
        4: _record(4, 13, EXCLUSIVE),
    }
    head = [(pid, 1.0 - pid / 10) for pid in texts]
    moved = fact_stating_first(head, records, "既评了护理等级又满了90岁，两样都能拿吗")
    assert _ids(moved) == [1, 4, 3, 2]  # the notice (13) holds slots 2 and 4; the workbook (8) is unmoved
    assert moved[1] == (4, head[1][1])  # the exclusive rule takes its slot's score


def test_the_head_past_its_depth_is_not_read() -> None:
    order = [1, 2, 6, 5, 7, 8, 9, 10, 11, 4]  # the recipient item tenth, past FACT_DEPTH
    texts = {**WORKBOOK, **{n: ROW for n in (7, 8, 9, 10, 11)}}
    head, records = _head(order, texts)
    assert FACT_DEPTH < 10
    assert fact_stating_first(head, records, "助餐补帖给哪些老人") == head


_TEXTS = [ROW, TOTAL, RATE, RECIPIENT, PAYER, DEADLINE, EXCLUSIVE, GRADES]


@given(
    st.lists(st.tuples(st.integers(0, 2), st.sampled_from(_TEXTS)), min_size=1, max_size=12),
    st.sampled_from(
        [
            "助餐补帖给哪些老人",
            "老人吃饭补贴的钱是谁掏的",
            "老年饭堂一季度总共多少老人在吃",
            "两样都能拿吗",
            "截止到哪天",
            "助餐点在哪里",
            "补贴标准是多少",
            "岫宁县助餐",
        ]
    ),
)
def test_the_head_is_only_reordered_within_each_document(
    passages: list[tuple[int, str]], question: str
) -> None:
    records = {pid: _record(pid, speech, text) for pid, (speech, text) in enumerate(passages)}
    head = [(pid, 1.0 - pid / 100) for pid in records]
    moved = fact_stating_first(head, records, question)
    assert sorted(_ids(moved)) == sorted(_ids(head))  # nothing enters or leaves
    assert [score for _, score in moved] == [score for _, score in head]  # each slot keeps its score
    assert [records[d].speech_id for d, _ in moved] == [records[d].speech_id for d, _ in head]
    if not asked_facts(question):  # a question asking no kind of fact ranks as before
        assert moved == head
