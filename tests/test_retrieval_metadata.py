"""A question about a document rather than in it: its date, speaker, issuer, 文号 or title (retrieval/metadata.py)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import to_simplified
from index import PassageRecord, SpeechRecord
from retrieval import RecordFact
from retrieval.metadata import (
    FactAsked,
    TitleWeights,
    doc_number,
    fact_asked,
    format_date,
    named_document,
    stored_fact,
)

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("question", "kind", "description"),
    [
        ("这个体检通知是哪天发的", "date", "这个体检通知"),
        ("老年大学秋季招生方案是哪天印发的？", "date", "老年大学秋季招生方案"),
        ("银龄行动那条消息是哪天的", "date", "银龄行动那条消息"),
        ("老年大学那篇讲话是谁讲的", "speaker", "老年大学那篇讲话"),
        ("推进会上是谁讲的话", "speaker", "推进会上"),
        ("防暑降温那个提示是哪个单位发的", "issuer", "防暑降温那个提示"),
        ("关于护理费的规定是哪个文件", "title", "关于护理费的规定"),
        ("手环通知的文号是多少", "doc_number", "手环通知的"),
        ("党费收缴通知 文号", "doc_number", "党费收缴通知"),
        ("体检通知的发文日期是什么，谢谢", "date", "体检通知的"),
    ],
)
def test_what_a_question_asks_of_a_document_is_read(question: str, kind: str, description: str) -> None:
    assert fact_asked(question) == FactAsked(kind, description)


@pytest.mark.parametrize(
    "question",
    [
        "体检是什么时候开始的",  # what a passage says
        "交通补助啥时候发",  # money paid, not a document issued
        "表彰大会什么时候开",  # a meeting held
        "高龄津贴依据的是哪个文件",  # a document a passage cites
        "今年第8号台风叫什么名字",
        "这次展的邮票最早是哪年的",
        "是哪天发的",  # names no document
        "离休干部体检规定是什么？",
    ],
)
def test_questions_about_what_documents_say_are_no_metadata_questions(question: str) -> None:
    assert fact_asked(question) is None


def test_of_every_earlier_question_only_those_naming_a_document_number_ask_a_record() -> None:
    """Of the 3,600 questions of every set before this one, none asks a date, speaker, issuer or title as
    read here; the five that ask a 文号 are answered by the 「文件信息」 passage as before, now with the fact."""
    asked = []
    for path in sorted((REPO / "benchmarks").glob("*.jsonl")):
        if path.name.startswith(("asks38", "asks41", "asks44", "asks52", "cold32", "cold33", "cold41")):
            # sets written to ask facts of the record too (asks41's hq122: the date of a notice it lacks;
            # asks44's mq133: which document holds a title the library lacks; cold32's ub010, cold33's
            # wd059 and cold41's lt048/lt060: a notice's 落款日期; asks52's bq044: which departments issued a
            # measure)
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else {}
            question = row.get("question") if isinstance(row, dict) else None
            if isinstance(question, str) and (
                found := fact_asked(to_simplified(unicodedata.normalize("NFKC", question)))
            ):
                asked.append(found.kind)
    assert asked and set(asked) == {"doc_number"}, asked


_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


@settings(deadline=None)  # a busy machine is no failure
@given(st.text(alphabet=st.one_of(_HAN, st.sampled_from(list("，？ 的是谁哪天发讲文号通知"))), max_size=40))
def test_the_description_is_the_question_less_its_ask(question: str) -> None:
    """Whatever the question: no ask, or a description of two characters or more, taken in order from it."""
    found = fact_asked(question)
    if found is None:
        return
    assert len([c for c in found.description if "\u4e00" <= c <= "\u9fff"]) >= 2
    rest = iter(question)
    assert all(ch in rest for ch in found.description if ch != " ")


def speech(id: int, title: str, **fields: str | None) -> SpeechRecord:
    base: dict = dict(subtitle=None, date=None, speaker=None, source="t", label=None, passages=1)
    base.update(fields)
    return SpeechRecord(id=id, title=title, **base)


def passage(id: int, speech_id: int, text: str = "正文。", section: str | None = None) -> PassageRecord:
    return PassageRecord(id, speech_id, 0, section, text, "h", "t", None, None)


SPEECHES = {
    1: speech(
        1,
        "关于做好2020年离休干部健康体检工作的通知（江政办发〔2020〕12号）",
        date="2020-02-06",
        issuer="江州市人民政府办公室",
    ),
    2: speech(2, "关于调整离休干部护理费标准的通知", date="2020-06-18"),
    3: speech(
        3,
        "凝心聚力 担当作为",
        subtitle="——在2021年全市老干部工作会议上的讲话",
        date="2021-03-12",
        speaker="沈伟",
    ),
}


def test_the_document_named_is_the_one_whose_title_holds_the_question_words() -> None:
    weights = TitleWeights.of(SPEECHES.values())
    kept = [passage(10, 2), passage(11, 1)]
    assert named_document(FactAsked("date", "这个体检通知"), kept, SPEECHES, weights) == 1
    # named by its subtitle and speaker, though none of its passages was found
    assert named_document(FactAsked("date", "2021年工作会议上沈伟的讲话"), kept, SPEECHES, weights) == 3
    # no title holds a word of it: the best passage's document
    assert named_document(FactAsked("date", "那个"), kept, SPEECHES, weights) == 2


def test_the_fact_comes_from_the_record_and_says_so() -> None:
    head = passage(9, 1, "文号：江政办发〔2020〕12号。发文机关：江州市人民政府办公室。", "文件信息")
    assert stored_fact("date", SPEECHES[1], head).value == "2020年2月6日"
    assert stored_fact("date", SPEECHES[3], None).label == "讲话日期"
    assert stored_fact("speaker", SPEECHES[3], None).value == "沈伟"
    assert stored_fact("issuer", SPEECHES[1], head).value == "江州市人民政府办公室"
    number = stored_fact("doc_number", SPEECHES[1], head)
    assert (number.value, number.basis) == ("江政办发〔2020〕12号", "据文件信息")
    assert doc_number(SPEECHES[1], None) == "江政办发〔2020〕12号"  # from the title's brackets
    assert stored_fact("doc_number", SPEECHES[2], None).value is None
    assert stored_fact("speaker", SPEECHES[2], None).value is None
    assert (
        stored_fact("title", SPEECHES[3], None).value
        == "凝心聚力 担当作为（在2021年全市老干部工作会议上的讲话）"
    )


def test_the_front_ends_line() -> None:
    fact = RecordFact("date", "发布日期", "2020年2月6日", 1, "关于…的通知", 9, "据资料库记录的文件日期")
    assert fact.line == "发布日期：2020年2月6日（据资料库记录的文件日期）"
    missing = RecordFact("doc_number", "文号", None, 2, "关于调整离休干部护理费标准的通知", 10, "据文件标题")
    assert missing.line == "资料库没有记下《关于调整离休干部护理费标准的通知》的文号。"


@settings(deadline=None)  # a busy machine is no failure
@given(st.integers(1900, 2100), st.integers(1, 12), st.integers(1, 28))
def test_a_date_is_shown_as_written_in_chinese(year: int, month: int, day: int) -> None:
    assert format_date(f"{year}-{month:02d}-{day:02d}") == f"{year}年{month}月{day}日"
    assert format_date(f"{year}-{month:02d}") == f"{year}年{month}月"
    assert format_date(f"{year}") == f"{year}年"
