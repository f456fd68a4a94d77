"""A message pasted from a chat is searched as the question inside it (retrieval/relayed.py)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrieval import Retriever
from retrieval.relayed import question_inside

REPO = Path(__file__).resolve().parent.parent


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


@pytest.mark.parametrize(
    ("message", "question"),
    [
        ("王处，老干部那边问：今年体检几号开始？麻烦查下", "今年体检几号开始?"),
        (
            "@小李 有个老同志打电话来问，手环丢了能补吗，要多少钱？你帮忙看看文件怎么说的",
            "手环丢了能补吗,要多少钱?",
        ),
        ("【老干部科群】刘姐：各位，谁知道活动中心周几闭馆啊？", "活动中心周几闭馆啊?"),
        (
            "领导刚在群里说：老年大学秋季现场报名是哪几天，尽快报给我。 帮忙查一下哈",
            "老年大学秋季现场报名是哪几天",
        ),
        ("转发 张科：律师上门服务有没有年龄要求？收到请回复", "律师上门服务有没有年龄要求?"),
        ("转一下陈主任的话：“资格认证截止到什么时候？” 请查", "资格认证截止到什么时候?"),
        ("小王：体检经费多少？谢谢", "体检经费多少?"),
    ],
)
def test_the_frame_of_a_relayed_message_is_not_searched(message: str, question: str) -> None:
    assert question_inside(nfkc(message)) == question


@pytest.mark.parametrize(
    "question",
    [
        "离退休干部参加体检，费用谁出？",  # a topic clause before the question is no frame
        "体检对象：哪些人？",  # a label before a colon is no one's name
        "同一年又有走访慰问又有生日慰问，钱能拿两份吗",  # 慰问 ends a word, it relays nothing
        "除了重大节日走访慰问，老干部工作人员还要加强什么？",
        "转账交纳党费的收款户名和开户行是什么？",  # 转账 is not 转发
        "信息联络员什么时候报，报给哪个科",  # a second question, not a request to pass it on
        "请问离休干部体检规定是什么？",  # no frame: searched as typed
        "帮我查一下离休干部体检规定",  # asks nothing: searched as typed
        "王处，麻烦查下",  # all frame: searched as typed
    ],
)
def test_a_question_without_a_frame_is_searched_as_typed(question: str) -> None:
    assert question_inside(nfkc(question)) == nfkc(question)


def test_a_quotation_opening_the_question_stays_when_thanks_are_dropped() -> None:
    assert question_inside(nfkc("“五心”服务是哪五心？谢谢")) == "“五心”服务是哪五心?"


def test_a_clause_naming_a_speaker_of_the_library_is_kept() -> None:
    assert question_inside(nfkc("沈伟同志说：今年要研究哪三个问题？"), ["沈伟"]) == nfkc(
        "沈伟同志说：今年要研究哪三个问题？"
    )
    assert question_inside(nfkc("沈伟同志说：今年要研究哪三个问题？")) == "今年要研究哪三个问题?"


def test_no_question_of_the_earlier_sets_loses_a_word() -> None:
    """Every question of every set before this one (3,502 of them) is searched exactly as before."""
    for path in sorted((REPO / "benchmarks").glob("*.jsonl")):
        if path.name in (
            "styles-questions.jsonl",
            "asks38-questions.jsonl",
            "asks43-questions.jsonl",
            "asks44-questions.jsonl",
            "asks45-questions.jsonl",
            "asks46-questions.jsonl",
            "asks47-questions.jsonl",
            "asks48-questions.jsonl",
            "asks49-questions.jsonl",
            "asks50-questions.jsonl",
            "asks51-questions.jsonl",
            "asks52-questions.jsonl",
            "asks53-questions.jsonl",
            "asks54-questions.jsonl",
        ):  # later sets, with frames in them (asks43…asks54: 「请问一下，…，谢谢」, docs/asks43.md)
            continue
        for line in path.read_text(encoding="utf-8-sig").splitlines():
            row = json.loads(line) if line.strip() else {}
            question = row.get("question") if isinstance(row, dict) else None
            if isinstance(question, str) and question:
                assert question_inside(nfkc(question)) == nfkc(question), (path.name, question)


_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


@given(st.text(alphabet=st.one_of(_HAN, st.sampled_from(list(",:?。 @【】“”"))), max_size=40))
def test_the_question_is_a_piece_of_the_message_and_still_asks(message: str) -> None:
    """Whatever the message: the result is the message, or a message that asks and whose characters
    (punctuation aside) all come, in order, from it."""
    inside = question_inside(message)
    if inside == message:
        return
    assert "?" in inside or any(w in inside for w in ("什么", "哪", "几", "多少", "吗", "谁", "怎"))
    rest = iter(message)
    assert all(ch in rest for ch in inside if ch not in "?")


def test_a_relayed_message_finds_what_its_question_finds(seed_retriever: Retriever) -> None:
    relayed = seed_retriever.search("王处，老干部那边问：离休干部体检规定是什么？麻烦查下，谢谢", k=3)
    plain = seed_retriever.search("离休干部体检规定是什么？", k=3)
    assert relayed.query.startswith("王处")  # shown as asked
    assert [h.passage.id for h in relayed.hits] == [h.passage.id for h in plain.hits]
    assert relayed.level == plain.level == "high"
