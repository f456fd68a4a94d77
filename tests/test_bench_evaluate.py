"""bench.evaluate: metrics hand-computed on a tiny synthetic set, and clear errors for bad gold files."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench.evaluate import (
    MRR_DEPTH,
    GoldFormatError,
    GoldQuestion,
    Outcome,
    by_split,
    evaluate,
    gold_question,
    is_relevant,
    load_questions,
    summarise,
)
from index import PassageRecord
from retrieval import Answer, Hit, RecordFact


def passage(pid: int, text: str, title: str = "讲话") -> PassageRecord:
    return PassageRecord(
        id=pid,
        speech_id=1,
        position=pid,
        section=None,
        text=text,
        content_hash=str(pid),
        speech_title=title,
        speech_date=None,
        speaker=None,
    )


def answer(query: str, texts: list[str], answered: bool) -> Answer:
    hits = tuple(
        Hit(rank=rank, score=1.0 / rank, passage=passage(rank, text), dense=None, lexical=None, highlights=())
        for rank, text in enumerate(texts, start=1)
    )
    return Answer(query, answered, hits, (), "hybrid", 0, False, 1.0)


QUESTIONS = [
    GoldQuestion("q1", "甲在哪里", ("甲",)),  # relevant at rank 1, answered
    GoldQuestion("q2", "乙在哪里", ("乙",)),  # relevant at rank 3, declined (a false abstain)
    GoldQuestion("q3", "丙在哪里", ("丙",)),  # never found, answered
    GoldQuestion("u1", "天气", ()),  # unanswerable, declined (right)
    GoldQuestion("u2", "带伞", ()),  # unanswerable, answered (a false answer)
]
ANSWERS = {
    "甲在哪里": answer("甲在哪里", ["这里有甲。", "无关一。", "无关二。"], answered=True),
    "乙在哪里": answer("乙在哪里", ["无关一。", "无关二。", "这里有乙。"], answered=False),
    "丙在哪里": answer("丙在哪里", ["无关一。", "无关二。"], answered=True),
    "天气": answer("天气", ["无关一。"], answered=False),
    "带伞": answer("带伞", ["无关一。"], answered=True),
}


def test_metrics_on_a_tiny_set_are_exact() -> None:
    report = evaluate(QUESTIONS, ANSWERS.__getitem__)
    assert report.questions == 5
    assert report.answerable == 3
    assert report.recall == {1: pytest.approx(1 / 3), 3: pytest.approx(2 / 3), 5: pytest.approx(2 / 3)}
    assert report.mrr == pytest.approx((1 + 1 / 3) / 3)
    assert report.abstain_accuracy == pytest.approx(3 / 5)
    assert report.false_abstain == pytest.approx(1 / 3)
    assert report.false_answer == pytest.approx(1 / 2)
    assert [o.first_relevant for o in report.outcomes] == [1, 3, None, None, None]
    assert report.qps > 0


def test_a_relevant_passage_beyond_the_mrr_depth_does_not_count() -> None:
    texts = ["无关。"] * MRR_DEPTH + ["这里有甲。"]
    report = evaluate([QUESTIONS[0]], lambda q: answer(q, texts, answered=True))
    assert report.outcomes[0].first_relevant is None
    assert report.mrr == 0.0


def test_a_set_of_only_unanswerable_questions_divides_by_nothing() -> None:
    report = summarise([Outcome(QUESTIONS[3], None, False)], elapsed=0.0)
    assert report.answerable == 0
    assert report.recall == {1: 0.0, 3: 0.0, 5: 0.0}
    assert report.mrr == 0.0
    assert report.abstain_accuracy == 1.0
    assert report.qps == 0.0


def test_an_answer_phrase_matches_across_white_space() -> None:
    question = GoldQuestion("q", "体检", ("离休干部 每年一次体检",))
    assert is_relevant(passage(1, "要落实好离休干部每年一次\n体检的规定。"), question)
    assert not is_relevant(passage(2, "离休干部的医疗费用。"), question)


def test_a_speech_title_makes_any_passage_of_that_speech_relevant() -> None:
    question = GoldQuestion("c1", "问题", (), speech_title="文章 [p1]")
    assert is_relevant(passage(1, "任何内容", title="文章 [p1]"), question)
    assert not is_relevant(passage(2, "任何内容", title="文章 [p2]"), question)


# -- loading gold files -------------------------------------------------------------------------------


def write_lines(tmp_path: Path, lines: list[str], prefix: str = "") -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text(prefix + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_questions_load_with_blank_lines_and_a_bom(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path,
        [
            json.dumps(
                {
                    "id": "q014",
                    "question": "离休干部体检规定是什么？",
                    "answers": ["体检的规定"],
                    "style": "question",
                }
            ),
            "",
            json.dumps({"question": "明天天气怎么样？", "answers": []}, ensure_ascii=False),
        ],
        prefix="\ufeff",
    )
    questions = load_questions(path)
    assert questions == [
        GoldQuestion("q014", "离休干部体检规定是什么？", ("体检的规定",), style="question"),
        GoldQuestion("3", "明天天气怎么样？", ()),
    ]


def test_the_bundled_dev_set_loads() -> None:
    questions = load_questions(Path(__file__).parents[1] / "benchmarks" / "dev-questions.jsonl")
    assert len(questions) == 250
    assert sum(1 for q in questions if q.answers) == 205
    # every question is in one half; the halves are balanced in size and in answerability
    assert {q.split for q in questions} == {"tune", "heldout"}
    for answerable in (True, False):
        halves = [
            sum(1 for q in questions if q.split == s and bool(q.answers) == answerable)
            for s in ("tune", "heldout")
        ]
        assert abs(halves[0] - halves[1]) <= 2
    assert sum(1 for q in questions if q.kind == "near_miss") == 15


def test_questions_carry_their_split_and_kind(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    path.write_text(
        '{"question": "甲？", "answers": ["甲"], "split": "tune"}\n'
        '{"question": "乙？", "answers": [], "split": "held-out", "kind": "near_miss"}\n',
        encoding="utf-8",
    )
    first, second = load_questions(path)
    assert (first.split, first.answerable) == ("tune", True)
    assert (second.split, second.kind, second.answerable) == ("heldout", "near_miss", False)


def test_an_unknown_split_is_a_format_error(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    path.write_text('{"question": "甲？", "answers": ["甲"], "split": "train"}\n', encoding="utf-8")
    with pytest.raises(GoldFormatError, match="split"):
        load_questions(path)


def test_by_split_summarises_each_half_apart() -> None:
    outcomes = [
        Outcome(GoldQuestion("a", "甲", ("甲",), split="tune"), 1, True),
        Outcome(GoldQuestion("b", "乙", ("乙",), split="heldout"), None, False),
        Outcome(GoldQuestion("c", "丙", (), split="heldout"), None, True),
    ]
    halves = by_split(summarise(outcomes, 1.0))
    assert halves["tune"].recall[1] == 1.0 and halves["tune"].questions == 1
    assert halves["heldout"].false_abstain == 1.0 and halves["heldout"].false_answer == 1.0
    assert by_split(summarise(outcomes[:0], 1.0)) == {}


@pytest.mark.parametrize(
    "bad_line",
    [
        '{"question": "缺了右括号", "answers": []',
        '{"answers": ["没有问题字段"]}',
        '["一个列表，不是对象"]',
        '"只是一个字符串"',
        '{"question": 42, "answers": []}',
        '{"question": "答案不是列表", "answers": "体检的规定"}',
        '{"question": "答案列表里有对象", "answers": [{"text": "体检"}]}',
        '{"question": "答案列表里有空短语", "answers": ["体检", ""]}',
        '{"question": "答案列表里有空白短语", "answers": ["　\\n "]}',
    ],
)
def test_a_bad_line_raises_gold_format_error_naming_the_line(tmp_path: Path, bad_line: str) -> None:
    path = write_lines(tmp_path, ['{"question": "好的一行", "answers": []}', bad_line])
    with pytest.raises(GoldFormatError, match="第 2 行"):
        load_questions(path)


@given(st.lists(st.text(alphabet=" \u3000\n\t甲乙丙，。", max_size=4), max_size=3), st.text(max_size=20))
def test_a_loaded_question_counts_a_passage_relevant_only_if_it_holds_a_phrase(
    answers: list[str], text: str
) -> None:
    """The loader keeps no phrase that every passage holds (an empty or blank one once white space is
    taken out): a passage is relevant to a loaded question only when it holds one of its phrases."""
    try:
        question = gold_question({"question": "问题", "answers": answers}, 1)
    except TypeError:
        assert any(not a.split() for a in answers)
        return
    holds = any("".join(a.split()) in "".join(text.split()) for a in answers)
    assert is_relevant(passage(1, text), question) == holds
    assert not is_relevant(passage(2, ""), question)


def test_an_empty_gold_file_raises_gold_format_error(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="空的"):
        load_questions(write_lines(tmp_path, ["", "  "]))


def test_a_missing_or_undecodable_gold_file_raises_gold_format_error(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="无法读取"):
        load_questions(tmp_path / "missing.jsonl")
    gbk = tmp_path / "gbk.jsonl"
    gbk.write_bytes('{"question": "离休干部", "answers": []}'.encode("gbk"))
    with pytest.raises(GoldFormatError, match="不是 UTF-8 编码") as caught:
        load_questions(gbk)
    assert "codec" not in str(caught.value)  # Chinese only, no Python codec message


def test_the_style_table_has_a_row_per_style_and_half() -> None:
    from bench.quality import style_table

    asked = [
        GoldQuestion("a", "手环丢了能补吗", ("每只260元",), style="wechat_paste", split="tune"),
        GoldQuestion("b", "支书由谁担任", ("党支部书记",), style="abbreviation", split="heldout"),
        GoldQuestion("c", "LGB涨了多少", (), style="abbreviation", split="heldout", kind="near_miss"),
    ]
    report = summarise(
        [Outcome(asked[0], 1, True, True), Outcome(asked[1], 3, False), Outcome(asked[2], 1, True)], 1.0
    )
    table = style_table(report)
    assert "| abbreviation | heldout | 1 / 1 | 0.000 | 1.000 | 0.000 | 1.000 | 1/1 |" in table
    assert "| wechat_paste | tune | 1 / 0 | 1.000 | 1.000 | 1.000 | 0.000 | — |" in table
    assert style_table(summarise([Outcome(GoldQuestion("d", "问", ("x",)), 1, True)], 1.0)) == ""


def test_a_metadata_question_names_its_document_and_the_fact_its_answer_shows(tmp_path: Path) -> None:
    """Any passage of the document named is relevant; its 要点 is the fact the answer shows from the record."""
    path = tmp_path / "q.jsonl"
    path.write_text(
        '{"question": "体检通知是哪天发的", "answers": [], "document": "讲话", "fact": "2020年2月6日"}\n',
        encoding="utf-8",
    )
    (question,) = load_questions(path)
    assert question.answerable and question.fact == "2020年2月6日"
    shown = RecordFact("date", "发布日期", "2020年2月6日", 1, "讲话", 1, "据资料库记录的文件日期")
    found = replace(answer("体检通知是哪天发的", ["无关。"], answered=True), record_fact=shown)
    report = evaluate([question], lambda q: found)
    assert (report.recall[1], report.sentence_hit) == (1.0, 1.0)
    unshown = evaluate([question], lambda q: answer(q, ["无关。"], answered=True))
    assert (unshown.recall[1], unshown.sentence_hit) == (1.0, 0.0)


@pytest.mark.parametrize(
    "row",
    [
        '{"question": "甲", "answers": [], "fact": "2020年"}',
        '{"question": "甲", "answers": [], "document": ""}',
    ],
)
def test_a_fact_without_its_document_is_a_format_error(tmp_path: Path, row: str) -> None:
    path = tmp_path / "q.jsonl"
    path.write_text(row + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="document"):
        load_questions(path)


def test_every_set_of_ours_loads() -> None:
    """The dev set's own "speech" (a speech id, read by the filters bench) is no metadata question's document.
    (The fit set, with its own splits, is read by the confidence benches.)"""
    for path in sorted((Path(__file__).resolve().parent.parent / "benchmarks").glob("*-questions.jsonl")):
        if path.name.startswith("fit-"):
            continue
        questions = load_questions(path)
        assert all(q.fact is None for q in questions) or path.name.startswith("asks38"), path.name
