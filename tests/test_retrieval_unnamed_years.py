"""A question naming a time the library has nothing of (「2025年离休干部体检什么时候开始？」 of a library
whose notice on it is of 2020) is not answered with the other year's passage at full confidence: it is
judged 「未找到直接回答」, and every front end says which time the library lacks. A year the library does
write — in digits, in Chinese numerals, inside a range of years, as a speech's date — never is.
(Real speech files, the fake embedder, real FAISS, bm25s, jieba and SQLite.)"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from io import BytesIO
from pathlib import Path

import docx
import pytest

from bot.format import render_answer as bot_answer
from cli.render import answer_json
from cli.render import render_answer as cli_answer
from retrieval import Filters, Retriever
from retrieval.export import answer_docx
from retrieval.filters import years_written

from .fakes import FakeEmbedder
from .test_retrieval_filters import speeches_library

CHECKUP = (
    "关于做好离休干部健康体检工作的通知\n（2020年2月6日）\n"
    "各单位：\n"
    "体检工作于4月1日开始，至10月31日结束。\n"
    "体检经费按每人每年1800元标准列支，由同级财政保障。\n"
    "各单位要指定专人负责，将体检名单报市老干部局。\n"
)
# speeches dated 2020 and 2024 that name other years in their text, in the ways documents write them
PLAN = (
    "关于老年大学建设的讲话\n（2024年5月8日）\n沈 伟\n同志们：\n"
    "二〇二三年，全市老年大学新增教学点12个，学员人数增长两成。\n"
    "根据2016—2018年三年行动计划，各县新建了老干部活动中心。\n"
    "2010至2012年开展的银龄服务试点，为今天的工作打下了基础。\n"
    "要办好老年大学，满足老同志的学习需求。\n"
)
FILES = [("checkup.txt", CHECKUP), ("plan.txt", PLAN)]


@pytest.fixture
def retriever(tmp_path: Path, fake_embedder: FakeEmbedder) -> Iterator[Retriever]:
    with speeches_library(tmp_path / "home", fake_embedder, FILES) as (_, retriever):
        yield retriever


@pytest.mark.parametrize(
    ("question", "lacking"),
    [
        ("2025年离休干部体检什么时候开始？", "2025 年"),
        ("二〇二五年离休干部体检经费标准是多少", "2025 年"),
        ("2019年3月离休干部体检名单报给谁", "2019 年 3 月"),
        ("2014年老年大学新增了多少教学点", "2014 年"),
        ("2026年以后体检经费标准", "2026 年起"),
    ],
)
def test_a_time_the_library_has_nothing_of_is_judged_low_and_named(
    retriever: Retriever, question: str, lacking: str
) -> None:
    answer = retriever.search(question, k=3)
    assert answer.period_unnamed == lacking
    assert answer.level == "low" and not answer.answered and answer.probability is None
    assert answer.signals is not None and answer.signals.period_mismatch
    assert answer.hits and not any(h.relevant for h in answer.hits)  # shown as possibly unrelated
    assert answer.period_note is not None and lacking in answer.period_note


@pytest.mark.parametrize(
    "question",
    [
        "2020年离休干部体检什么时候开始？",  # a speech's date
        "2024年老年大学建设有什么要求",
        "2023年老年大学新增了多少教学点",  # written 二〇二三年
        "2017年各县新建了什么",  # inside 「2016—2018年」
        "2011年银龄服务试点",  # inside 「2010至2012年」
        "2019年以来体检经费标准",  # a range reaching the dated speeches
        "2015年至2025年老年大学建设情况",
        "离休干部体检什么时候开始？",  # no date at all
    ],
)
def test_a_time_the_library_writes_in_any_form_is_not_called_missing(
    retriever: Retriever, question: str
) -> None:
    answer = retriever.search(question, k=3)
    assert answer.period_unnamed is None and answer.period_note is None
    assert answer.signals is not None and not answer.signals.period_mismatch


def test_an_undated_speech_may_be_of_the_year_asked_so_nothing_is_said(
    tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    undated = CHECKUP.replace("（2020年2月6日）\n", "")
    with speeches_library(tmp_path / "home", fake_embedder, [("checkup.txt", undated)]) as (_, retriever):
        answer = retriever.search("2025年离休干部体检什么时候开始？", k=3)
    assert answer.period_unnamed is None
    assert answer.signals is not None and not answer.signals.period_mismatch


def test_a_speaker_and_year_the_library_has_apart_but_not_together_is_judged_low(
    retriever: Retriever,
) -> None:
    """沈伟 spoke in 2024 and the library has a notice of 2020: 「沈伟2020年的讲话」 allows nothing, and the
    unfiltered results shown are not what was asked."""
    answer = retriever.search("沈伟2020年的讲话中关于老年大学建设的要求", k=3, auto_filter=True)
    assert answer.filters is not None and answer.filters.fallback
    assert answer.filters.label == "沈伟 · 2020 年"
    assert answer.level == "low" and answer.probability is None
    # the filter's own line says it; the period line is not said twice
    assert answer.period_note is None
    # a person named alone, whom the library has not as a speaker, does not lower it: speeches quote people
    quoted = retriever.search("王建国同志的讲话中关于老年大学建设的要求", k=3, auto_filter=True)
    assert quoted.filters is not None and quoted.filters.fallback
    assert quoted.signals is not None
    assert quoted.level == retriever.judge.judge(quoted.signals).level


def test_every_front_end_says_which_time_the_library_lacks(retriever: Retriever, tmp_path: Path) -> None:
    answer = retriever.search("2025年离休干部体检什么时候开始？", k=3)
    note = answer.period_note
    assert note is not None and note.startswith("资料中没有 2025 年的内容")
    assert note in cli_answer(answer)
    assert "未找到直接回答" in cli_answer(answer)
    data = answer_json(answer)
    assert data["period_unnamed"] == "2025 年" and data["confidence"] == "low" and data["probability"] is None
    assert note in bot_answer(answer).html
    exported = docx.Document(BytesIO(answer_docx(answer, exported=datetime(2026, 12, 2, 9, 0))))
    assert any(note in p.text for p in exported.paragraphs)


def test_a_given_filter_that_allows_nothing_does_not_lower_the_confidence(retriever: Retriever) -> None:
    """Only a date the *question* names is judged: a filter the user gave (--speaker, a button) that
    allows nothing is said above the results, which are still judged on their words."""
    answer = retriever.search("离休干部体检什么时候开始", k=3, filters=Filters(speakers=("李四",)))
    assert answer.filters is not None and answer.filters.fallback and not answer.filters.detected
    assert answer.signals is not None
    assert answer.level == retriever.judge.judge(answer.signals).level


def test_the_time_asked_is_read_as_the_filters_read_it(retriever: Retriever) -> None:
    assert retriever.period_unnamed("2016年各县新建了什么") is None
    assert retriever.period_unnamed("体检什么时候开始") is None
    lacking = retriever.period_unnamed("2021年和2022年的体检")  # a list: the range holding it
    assert lacking is not None and (lacking.start, lacking.end) == (date(2021, 1, 1), date(2022, 12, 31))


# -- the best passages are of another time --------------------------------------------------------------

NOTICE_2024 = (
    "关于做好2024年离休干部健康体检工作的通知\n（2024年2月6日）\n"
    "各单位：\n"
    "体检工作于4月1日开始，至10月31日结束。\n"
    "体检经费按每人每年2000元标准列支。\n"
)
DISTRICT_2024 = (
    "鹿城区离休干部体检安排\n（2024年2月20日）\n"
    "全区离休干部体检由区人民医院承担，从五月中旬开始分批进行。\n"
    "行动不便的离休干部，可申请医护人员上门体检。\n"
)
SPEECH_2023 = (
    "在全市老干部工作会议上的讲话\n（2023年3月1日）\n王 芳\n同志们：\n"
    "去年，全市为困难老干部发放帮扶资金320万元。\n"
    "今年要办好老年大学，新增教学点12个。\n"
    "近三年来，老干部活动中心接待老同志12万人次。\n"
)


@pytest.fixture
def two_years(tmp_path: Path, fake_embedder: FakeEmbedder) -> Iterator[Retriever]:
    files = [("notice.txt", NOTICE_2024), ("district.txt", DISTRICT_2024), ("speech.txt", SPEECH_2023)]
    with speeches_library(tmp_path / "home", fake_embedder, files) as (_, retriever):
        yield retriever


def test_passages_all_of_another_year_are_judged_low_and_said(two_years: Retriever) -> None:
    """The library has 2023 (a speech) and 2024 (two notices); asked of 2023, the notices' passages on
    体检 are of 2024 and name no 2023: not an answer to what was asked."""
    answer = two_years.search("2023年离休干部体检什么时候开始", k=3)
    assert answer.period_unnamed is None and answer.period_elsewhere == "2023 年"
    assert answer.level == "low" and answer.probability is None
    assert answer.period_note is not None and answer.period_note.startswith("找到的段落都不是 2023 年的")
    assert answer_json(answer)["period_elsewhere"] == "2023 年"


@pytest.mark.parametrize(
    "question",
    [
        "2022年给困难老干部发了多少帮扶资金",  # 去年 in a speech of 2023
        "2023年老年大学新增几个教学点",  # 今年 in a speech of 2023
        "2021年老干部活动中心接待了多少人次",  # 近三年来: 2020–2023
        "2024年离休干部体检什么时候开始",  # the notice's own year
    ],
)
def test_a_year_written_relative_to_the_speech_is_the_year_asked(two_years: Retriever, question: str) -> None:
    answer = two_years.search(question, k=3)
    assert answer.period_elsewhere is None and answer.period_unnamed is None
    assert answer.signals is not None and not answer.signals.period_mismatch


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("根据2016—2018年三年行动计划", None, {2016, 2017, 2018}),
        ("二〇二三年、二○二二年和二零二一年", None, {2021, 2022, 2023}),
        ("2021至2025年规划", None, {2021, 2022, 2023, 2024, 2025}),
        ("去年以来，今年，明年", 2024, {2023, 2024, 2025}),
        ("前年和后年", 2024, {2022, 2026}),
        ("近两年", 2024, {2022, 2023, 2024}),
        ("五年来", 2024, {2019, 2020, 2021, 2022, 2023, 2024}),
        ("去年以来", None, set()),  # no year of its own to count from
        ("2010—2099年", None, {2010, 2099}),  # a range longer than any plan: only its ends
    ],
)
def test_years_written_reads_every_form(text: str, year: int | None, expected: set[int]) -> None:
    assert years_written(text, year) == expected
