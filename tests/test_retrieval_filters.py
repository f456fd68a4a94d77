"""retrieval.filters and filtered search: speaker, date and speech filters, given or read from the
question, restrict both candidate lists before fusion (a small library of real speech files, the fake
embedder, real FAISS, bm25s, jieba and SQLite)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus import Document
from index import Library, SpeechRecord
from index.vectors import VectorIndex
from retrieval import (
    Facets,
    Filters,
    InvalidFilter,
    QueryError,
    Retriever,
    RetrieverConfig,
    detect_filters,
    parse_date_bound,
)
from retrieval.filters import DateRange, FilterReport, Undated, named_years, speech_matches, undated_speeches

from .fakes import FakeEmbedder

SENTENCES = (  # six unlike paragraphs, so that none is dropped as a repeat of another
    "{t}是今年的重点任务，各地要高度重视。",
    "抓好{t}，关键在于压实责任、明确分工、加强督查。",
    "去年以来，我们在{t}方面做了大量探索，积累了宝贵经验。",
    "财政部门要为{t}提供经费保障，不得挤占挪用。",
    "要定期听取老同志对{t}的意见建议，及时改进不足。",
    "年底前将对{t}情况开展一次全面检查，结果向全市通报。",
)


def speech_file(title: str, when: str | None, speaker: str | None, topic: str) -> str:
    head = [title] + ([when] if when else []) + ([speaker] if speaker else []) + ["同志们："]
    return "\n".join(head + [s.format(t=topic) for s in SENTENCES]) + "\n"


SAME_TITLE = "在全市老干部工作会议上的讲话"
FILES = [
    ("2023.txt", speech_file(SAME_TITLE, "（2023年3月1日）", "沈 伟", "老年大学建设")),
    ("2024.txt", speech_file(SAME_TITLE, "（2024年4月2日）", "王 芳", "老年大学招生")),
    ("center.txt", speech_file("关于老干部活动中心的讲话", "（2024年9月9日）", "沈 伟", "活动中心管理")),
    ("undated.txt", speech_file("关于离休干部体检的讲话", None, None, "离休干部体检")),
]


@contextmanager
def speeches_library(
    home: Path, embedder: FakeEmbedder, files: Sequence[tuple[str, str]]
) -> Iterator[tuple[Library, Retriever]]:
    """A library of these (file name, text) speech files, indexed, with a retriever over it."""
    library = Library(home)
    outcomes = library.add_documents([Document(name, text, "utf-8") for name, text in files])
    assert all(o.error is None for o in outcomes)
    library.build(embedder)
    try:
        yield library, Retriever(library.store, library.load(embedder.key), embedder)
    finally:
        library.close()


@pytest.fixture
def library(tmp_path: Path, fake_embedder: FakeEmbedder) -> Iterator[Library]:
    with speeches_library(tmp_path / "home", fake_embedder, FILES) as (library, _):
        yield library


@pytest.fixture
def retriever(library: Library, fake_embedder: FakeEmbedder) -> Retriever:
    # Two candidates per side: a search that filtered *after* taking the top candidates would come back
    # nearly empty; one that restricts the candidates first still fills the page.
    return Retriever(
        library.store, library.load(fake_embedder.key), fake_embedder, RetrieverConfig(candidates=2)
    )


def speech_id(library: Library, source: str) -> int:
    return next(s.id for s in library.store.speeches() if s.source == source)


# -- reading filters out of a question ---------------------------------------------------------------

FACETS = Facets(
    speakers=("沈伟",),
    periods=(
        DateRange(date(2024, 3, 13), date(2024, 3, 13)),
        DateRange(date(2022, 1, 1), date(2022, 12, 31)),
    ),
)


@pytest.mark.parametrize(
    ("question", "speakers", "since", "until", "left", "undated"),
    [
        ("沈 伟同志讲话中关于老年大学的内容", ("沈伟",), None, None, "同志讲话中关于老年大学的内容", "all"),
        ("2024年老干部工作主要任务", (), "2024-01-01", "2024-12-31", "老干部工作主要任务", "all"),
        ("二〇二四年的讲话", (), "2024-01-01", "2024-12-31", "的讲话", "named"),
        ("2023年至2024年的体检规定", (), "2023-01-01", "2024-12-31", "的体检规定", "all"),
        ("2024年3月到6月讲了什么", (), "2024-03-01", "2024-06-30", "讲了什么", "all"),
        ("2022年以来的老年大学", (), "2022-01-01", None, "的老年大学", "all"),
        ("截至2023年的情况", (), None, "2023-12-31", "的情况", "all"),
        ("沈伟2024年3月13日讲话", ("沈伟",), "2024-03-13", "2024-03-13", "讲话", "named"),
        # several dates named: each of them passes (one range holds them all)
        ("2022年和2024年的体检规定", (), "2022-01-01", "2024-12-31", "的体检规定", "all"),
        ("二〇二二年、二〇二四年讲了什么", (), "2022-01-01", "2024-12-31", "讲了什么", "all"),
        ("2022、2024年的老年大学", (), "2022-01-01", "2024-12-31", "的老年大学", "all"),
        ("2022年5月与2024年3月的讲话", (), "2022-05-01", "2024-03-31", "的讲话", "named"),
        ("2022至2024年的老年大学", (), "2022-01-01", "2024-12-31", "的老年大学", "all"),  # 年 written once
        (
            "二〇二四年三月十三日的讲话",
            (),
            "2024-03-13",
            "2024-03-13",
            "的讲话",
            "named",
        ),  # the day, not the month
        ("2024年3月十三日到三月二十日", (), "2024-03-13", "2024-03-20", "", "all"),
        ("2024年3月13日到20日讲了什么", (), "2024-03-13", "2024-03-20", "讲了什么", "all"),  # the day alone
        ("二〇二四年三月十三日至二十号的体检规定", (), "2024-03-13", "2024-03-20", "的体检规定", "all"),
    ],
)
def test_speakers_and_dates_the_library_has_are_read_from_the_question(
    question: str, speakers: tuple[str, ...], since: str | None, until: str | None, left: str, undated: str
) -> None:
    """A date keeps the undated speeches (it is as often what a speech is about); named as when the speech
    was given (「…的讲话」), only those of them whose title or a heading names it."""
    detected = detect_filters(question, FACETS)
    dated = since is not None or until is not None
    assert detected.filters == Filters(
        speakers=speakers,
        since=since,
        until=until,
        include_undated=dated and undated == "all",
        undated_if_named=dated and undated == "named",
    )
    assert detected.strip(question) == left


@pytest.mark.parametrize(
    "question",
    [
        "2019年老干部工作",  # no speech of 2019: the year is only a word
        "王芳同志的先进事迹",  # 王芳 is a person the question talks about, not a speaker
        "2035年远景目标",
        "习近平总书记重要讲话精神",  # a speech quoted, not a speech of the library
        "市委王书记的讲话",  # a surname alone names nobody
        "2024年2月30日的讲话",  # not a date
        "离休干部体检规定是什么？",
    ],
)
def test_what_the_library_does_not_have_is_not_a_filter(question: str) -> None:
    assert not detect_filters(question, FACETS).filters


@pytest.mark.parametrize(
    ("question", "speakers", "since", "until", "named"),
    [
        ("王建国同志讲话中关于老年大学的内容", ("王建国",), None, None, "王建国"),
        ("请问李明书记在全市老干部工作会议上的讲话讲了什么", ("李明",), None, None, "李明"),
        ("张伟副市长致辞提到哪些工作", ("张伟",), None, None, "张伟"),
        ("欧阳明部长的讲话", ("欧阳明",), None, None, "欧阳明"),
        ("2019年的讲话中关于体检的内容", (), "2019-01-01", "2019-12-31", "2019年"),
        ("2019年全市老干部工作会议上提出了什么", (), "2019-01-01", "2019-12-31", "2019年"),
    ],
)
def test_a_speaker_or_year_named_as_the_speechs_but_unknown_is_a_filter_that_allows_nothing(
    question: str, speakers: tuple[str, ...], since: str | None, until: str | None, named: str
) -> None:
    detected = detect_filters(question, FACETS)
    # undated speeches are not kept: the question asked for a speech given then, and none is dated so
    assert detected.filters == Filters(speakers=speakers, since=since, until=until, include_undated=False)
    assert [question[a:b] for a, b in detected.spans] == [named]
    # a library that records no speakers and no dates (an encyclopaedia, undated notices) reads nothing
    assert not detect_filters(question, Facets()).filters


def test_facets_come_from_the_speeches_metadata(library: Library) -> None:
    facets = Facets.of(library.store.speeches())
    assert set(facets.speakers) == {"沈伟", "王芳"}
    assert len(facets.periods) == 3  # the undated speech has none


SPEECH_FACETS = replace(FACETS, ids=frozenset({1, 2, 3, 5, 12}))


@pytest.mark.parametrize(
    ("question", "speeches", "named", "left"),
    [
        ("讲话 #2 里关于体检的内容", (2,), "讲话 #2", "里关于体检的内容"),  # as the results cite it
        ("讲话＃５的老年大学", (5,), "讲话＃５", "的老年大学"),  # typed with a Chinese keyboard
        ("#12讲话说了什么", (12,), "#12讲话", "说了什么"),
        ("第二篇讲话关于老年大学", (2,), "第二篇讲话", "关于老年大学"),  # the list numbers speeches by id
        ("第2篇讲话里关于体检", (2,), "第2篇讲话", "里关于体检"),
        ("第十二篇 讲话 的要点", (12,), "第十二篇 讲话", "的要点"),
        ("讲话 #2 和讲话 #5 怎么说体检", (2, 5), "讲话 #2", "和 怎么说体检"),
        # several ids listed under one 讲话: each is named
        ("讲话 #2、#5 里关于体检", (2, 5), "讲话 #2、#5", "里关于体检"),
        ("比较讲话#2与#12", (2, 12), "讲话#2与#12", "比较"),
        ("#2 和 #12 讲话说了什么", (2, 12), "#2 和 #12 讲话", "说了什么"),
        ("讲话＃２，＃３，＃５的要点", (2, 3, 5), "讲话＃２，＃３，＃５", "的要点"),
    ],
)
def test_a_speech_named_by_its_id_is_a_filter(
    question: str, speeches: tuple[int, ...], named: str, left: str
) -> None:
    detected = detect_filters(question, SPEECH_FACETS)
    assert detected.filters == Filters(speeches=speeches)
    assert question[slice(*detected.spans[0])] == named
    assert detected.strip(question) == left


def test_an_id_no_speech_has_is_a_filter_that_allows_nothing() -> None:
    """「讲话 #9」 of a library without #9: read, so that the answer can say there is no such speech (and
    search everything), not searched as words."""
    for question, speeches in (
        ("讲话 #9 里关于体检", (9,)),
        ("第四篇讲话", (4,)),
        ("讲话 #2 和讲话 #9", (2, 9)),
    ):
        assert detect_filters(question, SPEECH_FACETS).filters.speeches == speeches, question


@pytest.mark.parametrize(
    "question",
    [
        "谱写第二篇章",  # 篇章 is no speech
        "第二篇里关于体检",  # a compilation's part is headed 「第二篇：…」: without 讲话 it names no speech
        "两篇讲话都讲了体检吗",  # a count, not a number in the list
        "ABC#2讲话",  # part of another mark
        "2024年第二季度",
        # a number another noun binds (the results cite 「讲话 #2 · 段落 #54」): only 讲话 binds a speech id
        "段落 #54 讲话里关于体检",
        "段落#54讲话",
        "passage #54 讲话",
        "第54段讲话里怎么说",
        "第54段",
        "讲话 #54段 关于体检",
        "讲话#12条",
        "#2号文件讲话精神",
        "文件 #2 讲话",
        "附件#3讲话稿",
        "第5页讲话",
        "2号楼讲话",
        "讲话 #2号楼",
        "2024年3月2号讲话",
        "3月2号的讲话",
    ],
)
def test_text_that_names_no_speech_is_no_speech_filter(question: str) -> None:
    assert not detect_filters(question, SPEECH_FACETS).filters.speeches


@given(
    noun=st.sampled_from(["段落", "段", "条", "页", "文件", "附件", "passage", "paragraph", "Page"]),
    number=st.integers(min_value=1, max_value=9999),
    space=st.sampled_from(["", " ", "　"]),
    hash_mark=st.sampled_from(["#", "＃"]),
    after=st.sampled_from(["讲话", "号讲话", " 讲话里怎么说", "讲话稿"]),
)
def test_a_number_another_noun_binds_is_never_a_speech(
    noun: str, number: int, space: str, hash_mark: str, after: str
) -> None:
    question = f"请看{noun}{space}{hash_mark}{number}{after}"
    assert not detect_filters(question, SPEECH_FACETS).filters.speeches, question


def test_a_listed_id_with_another_unit_after_it_is_not_a_speech() -> None:
    """「讲话 #2、#54段」: 54 is a passage of speech 2, as in 「讲话 #54段」; 2 is still named."""
    assert detect_filters("讲话 #2、#54段 关于体检", SPEECH_FACETS).filters.speeches == (2,)


@given(
    unit=st.sampled_from(["段", "条", "页", "号楼", "楼", "号文"]),
    number=st.integers(min_value=1, max_value=9999),
    space=st.sampled_from(["", " "]),
)
def test_a_number_written_with_another_unit_after_speech_is_never_a_speech(
    unit: str, number: int, space: str
) -> None:
    question = f"讲话{space}#{number}{space}{unit}关于体检"
    assert not detect_filters(question, SPEECH_FACETS).filters.speeches, question


def test_facets_hold_the_speech_ids(library: Library) -> None:
    assert Facets.of(library.store.speeches()).ids == {s.id for s in library.store.speeches()}


def test_labels_are_short_chinese() -> None:
    assert Filters(speakers=("沈伟",), since="2024-01-01", until="2024-12-31").describe() == "沈伟 · 2024 年"
    assert Filters(since="2024-03-01", until="2024-03-31").describe() == "2024 年 3 月"
    assert Filters(since="2024-03-05", until="2024-06-30", speeches=(5, 7)).describe() == (
        "2024-03-05 至 2024-06-30 · 讲话 #5、#7"
    )
    assert Filters(since="2022-01-01").describe() == "2022 年起"
    titles = {5: "在全市老干部工作会议上的讲话"}
    assert Filters(speeches=(5, 7)).describe(titles) == "讲话 #5《在全市老干部工作会议上的讲话》、#7"


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [("2024", False, "2024-01-01"), ("2024", True, "2024-12-31"), ("2024-02", True, "2024-02-29"),
     ("2024/3/5", False, "2024-03-05"), ("2024年3月", True, "2024-03-31")],
)  # fmt: skip
def test_date_bounds_accept_a_year_a_month_or_a_day(text: str, end: bool, expected: str) -> None:
    assert parse_date_bound(text, end=end) == expected


@pytest.mark.parametrize("text", ["去年", "2024-13", "2024-02-30", "24-01-01"])
def test_a_bad_date_is_a_user_error(text: str) -> None:
    with pytest.raises(InvalidFilter) as e:
        parse_date_bound(text, end=False)
    assert isinstance(e.value, QueryError) and text in str(e.value)


@given(
    day=st.dates(date(2000, 1, 1), date(2030, 12, 31)),
    start=st.dates(date(2000, 1, 1), date(2030, 12, 31)),
    length=st.integers(0, 800),
)
def test_a_dated_speech_passes_a_date_filter_exactly_when_its_day_is_inside(
    day: date, start: date, length: int
) -> None:
    end = start + timedelta(days=length)
    speech = SpeechRecord(1, "讲话", None, day.isoformat(), "沈伟", "a.txt", None, 3)
    filters = Filters(since=start.isoformat(), until=end.isoformat())
    assert speech_matches(speech, filters) == (start <= day <= end)
    undated = SpeechRecord(2, "讲话", None, None, "沈伟", "a.txt", None, 3)
    assert not speech_matches(undated, filters)


def test_an_undated_speech_naming_a_year_passes_a_date_named_as_when_only_if_the_year_is_within_it() -> None:
    """「2024年3月13日的讲话」 keeps the undated speeches whose title names that day, not those naming 2024:
    a year is not a day; 「2024年的讲话」 and 「2023至2025年的讲话」 keep them."""
    undated = SpeechRecord(1, "在全市老干部2024年工作会议上的讲话", None, None, None, "a.txt", None, 3)
    year = (DateRange(date(2024, 1, 1), date(2024, 12, 31)),)

    def passes(since: str, until: str) -> bool:
        return speech_matches(undated, Filters(since=since, until=until, undated_if_named=True), year)

    assert passes("2024-01-01", "2024-12-31") and passes("2023-01-01", "2025-12-31")
    assert not passes("2024-03-13", "2024-03-13") and not passes("2024-03-13", "2024-03-20")
    assert not passes("2024-03-01", "2024-03-31")


def test_a_speaker_filter_naming_a_notice_s_issuer_passes_the_notice() -> None:
    """A notice is listed and cited with its issuer where a speech has its speaker (「发文：中共乐清市委老干部局」):
    `--speaker 中共乐清市委老干部局` found no speech (trial 40). One of joint issuers passes it too."""
    notice = SpeechRecord(
        1, "通知", None, None, None, "a.docx", None, 3, issuer="中共乐清市委老干部局、乐清市财政局"
    )
    speech = SpeechRecord(2, "讲话", None, None, "沈伟", "b.txt", None, 3)
    for named in ("中共乐清市委老干部局", "乐清市财政局", " 乐清市 财政局"):
        assert speech_matches(notice, Filters(speakers=(named,)))
        assert not speech_matches(speech, Filters(speakers=(named,)))
    assert not speech_matches(notice, Filters(speakers=("沈伟",))) and speech_matches(
        speech, Filters(speakers=("沈伟",))
    )
    assert not speech_matches(notice, Filters(speakers=("温州市民政局",)))


def test_a_speech_dated_to_the_month_passes_when_the_month_overlaps() -> None:
    speech = SpeechRecord(1, "讲话", None, "2024-03", None, "a.txt", None, 3)
    assert speech_matches(speech, Filters(since="2024-03-31"))
    assert not speech_matches(speech, Filters(since="2024-04-01"))


# -- searching with filters ----------------------------------------------------------------------------


def test_a_filtered_search_fills_the_page_from_the_allowed_speeches(
    retriever: Retriever, library: Library
) -> None:
    wanted = speech_id(library, "center.txt")
    unfiltered = retriever.search("老年大学建设", k=5)
    assert all(h.passage.speech_id != wanted for h in unfiltered.hits[:2])
    answer = retriever.search("老年大学建设", k=5, filters=Filters(speeches=(wanted,)))
    assert len(answer.hits) == 5  # 6 passages allowed: the page is full, though 2 candidates per side
    assert {h.passage.speech_id for h in answer.hits} == {wanted}
    assert answer.filters is not None and not answer.filters.fallback
    assert answer.filters.passages == 6 and not answer.filters.detected


@pytest.mark.parametrize("mode", ["hybrid", "dense", "lexical"])
def test_every_mode_honours_the_speaker_and_date_filter(retriever: Retriever, mode: str) -> None:
    answer = retriever.search(
        "老年大学建设",
        k=10,
        mode=mode,  # type: ignore[arg-type]
        filters=Filters(speakers=("沈伟",), since="2023-01-01", until="2023-12-31"),
    )
    assert answer.hits
    assert {(h.passage.speaker, h.passage.speech_date) for h in answer.hits} == {("沈伟", "2023-03-01")}


def test_a_filter_that_allows_nothing_gives_unfiltered_results_and_says_so(retriever: Retriever) -> None:
    answer = retriever.search("老年大学建设", k=3, filters=Filters(speakers=("李四",)))
    assert answer.filters is not None and answer.filters.fallback and answer.filters.passages == 0
    assert len(answer.hits) == 3


def test_a_speaker_the_question_names_is_set_aside_when_with_the_given_speech_it_allows_nothing(
    retriever: Retriever, library: Library
) -> None:
    """「只看这篇讲话」 on 王芳's speech after asking about 沈伟 (or `--speech N` with a question naming
    another speaker): the speech given stays the filter, not the whole library."""
    wanted = speech_id(library, "2024.txt")  # 王芳's
    answer = retriever.search(
        "沈伟讲的老年大学招生", k=3, filters=Filters(speeches=(wanted,)), auto_filter=True
    )
    report = answer.filters
    assert report is not None and not report.fallback
    assert report.applied == Filters(speeches=(wanted,)) and not report.detected
    assert report.set_aside == Filters(speakers=("沈伟",))
    assert report.to_json()["set_aside"] == "沈伟"
    assert answer.hits and {h.passage.speech_id for h in answer.hits} == {wanted}
    # what the user gave that allows nothing on its own is still said, and the results are unfiltered
    none = retriever.search(
        "沈伟讲的老年大学招生", k=3, filters=Filters(speakers=("李四",)), auto_filter=True
    )
    assert none.filters is not None and none.filters.fallback and not none.filters.set_aside


@pytest.mark.parametrize("question", ["王建国同志讲话中的老年大学建设", "2019年的讲话中的老年大学建设"])
def test_a_speaker_or_year_the_library_lacks_is_said_and_the_unfiltered_results_follow(
    retriever: Retriever, library: Library, question: str
) -> None:
    answer = retriever.search(question, k=3, auto_filter=True)
    assert answer.filters is not None and answer.filters.fallback and answer.filters.passages == 0
    assert answer.filters.label in ("王建国", "2019 年")
    assert len(answer.hits) == 3
    # the undated speech alone is not passed off as 2019's: the answer is searched in all speeches
    assert answer.hits[0].passage.speech_id == speech_id(library, "2023.txt")


def test_the_question_names_the_speaker_and_year_and_auto_filter_applies_them(
    retriever: Retriever, library: Library
) -> None:
    answer = retriever.search("沈伟2024年讲的活动中心管理和老年大学建设", k=10, auto_filter=True)
    assert answer.filters is not None
    assert answer.filters.applied == Filters(
        speakers=("沈伟",), since="2024-01-01", until="2024-12-31", include_undated=True
    )
    assert answer.filters.detected == answer.filters.applied
    assert answer.filters.label == "沈伟 · 2024 年"
    assert {h.passage.speech_id for h in answer.hits} == {speech_id(library, "center.txt")}
    off = retriever.search("沈伟2024年讲的活动中心管理和老年大学建设", k=10)
    assert off.filters is None
    assert len({h.passage.speech_id for h in off.hits}) > 1


@pytest.mark.parametrize("question", ["2023年和2024年的活动中心管理", "2023、2024年讲的活动中心管理"])
def test_a_question_naming_two_years_is_answered_from_the_speeches_of_both(
    retriever: Retriever, library: Library, question: str
) -> None:
    answer = retriever.search(question, k=5, auto_filter=True)
    assert answer.filters is not None and not answer.filters.fallback
    assert answer.filters.label == "2023–2024 年"
    assert answer.filters.passages == 24  # the speeches of 2023 and of 2024, and the undated one
    # the answer is in a speech of the second year named, not only of the first
    assert answer.hits[0].passage.speech_id == speech_id(library, "center.txt")


def test_a_year_named_as_when_the_speech_was_given_keeps_only_the_undated_speeches_that_name_it(
    tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    """「2025年的讲话讲了什么」 used to be answered from undated speeches, shown above (or instead of) the
    one speech dated 2025, under 「仅限：2025 年」."""
    files = [
        ("dated.txt", speech_file("关于老年大学的讲话", "（2025年4月18日）", "李 明", "老年大学招生")),
        ("titled.txt", speech_file("在全市老干部2024年工作会议上的讲话", None, None, "活动中心管理")),
        ("undated.txt", speech_file("关于离休干部体检的讲话", None, None, "离休干部体检")),
    ]
    with speeches_library(tmp_path / "home", fake_embedder, files) as (library, retriever):
        ids = {source: speech_id(library, source) for source, _ in files}

        def speeches(question: str) -> set[int]:
            answer = retriever.search(question, k=20, auto_filter=True)
            assert answer.filters is not None and not answer.filters.fallback
            return {h.passage.speech_id for h in answer.hits}

        assert speeches("2025年的讲话讲了什么") == {ids["dated.txt"]}
        assert speeches("2024年工作会议上的讲话讲了什么") == {ids["titled.txt"]}  # its title names 2024
        # a year the question is about, not when a speech was given, still keeps every undated speech
        assert speeches("2025年离休干部体检") == {ids["dated.txt"], ids["titled.txt"], ids["undated.txt"]}


def test_a_year_in_the_question_keeps_undated_speeches_a_given_year_does_not(
    retriever: Retriever, library: Library
) -> None:
    undated = speech_id(library, "undated.txt")
    auto = retriever.search("2023年离休干部体检", k=20, auto_filter=True)
    assert auto.filters is not None and auto.filters.applied.include_undated
    assert {h.passage.speech_id for h in auto.hits} == {speech_id(library, "2023.txt"), undated}
    given = retriever.search("离休干部体检", k=20, filters=Filters(since="2023-01-01", until="2023-12-31"))
    assert {h.passage.speech_id for h in given.hits} == {speech_id(library, "2023.txt")}


def test_a_given_filter_wins_over_what_the_question_names(retriever: Retriever) -> None:
    answer = retriever.search(
        "沈伟讲的老年大学建设", k=10, filters=Filters(speakers=("王芳",)), auto_filter=True
    )
    assert answer.filters is not None
    assert answer.filters.applied.speakers == ("王芳",) and not answer.filters.detected
    assert {h.passage.speaker for h in answer.hits} == {"王芳"}


def test_same_title_speeches_are_told_apart_by_id_and_date(retriever: Retriever) -> None:
    answer = retriever.search("老年大学", k=10)
    same = {
        (h.passage.speech_id, h.passage.speech_date)
        for h in answer.hits
        if h.passage.speech_title == SAME_TITLE
    }
    assert len(same) == 2


# -- the two sides' own restriction ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["flat", "ivf-sq8", "hnsw-sq8"])
def test_faiss_searches_only_the_allowed_ids(kind: str) -> None:
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(2000, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    ids = np.arange(10, 2010, dtype=np.int64)
    index = VectorIndex.build(vectors, ids, 16, kind=kind)
    query = vectors[0]
    allowed = np.array([15, 700, 1999, 2009, 99_999], dtype=np.int64)  # 99_999 is not in the index
    found = index.search(query, 10, allowed)
    exact = sorted(((int(i), float(vectors[i - 10] @ query)) for i in allowed[:-1]), key=lambda x: -x[1])
    assert [doc for doc, _ in found] == [doc for doc, _ in exact]
    assert index.search(query, 10, np.array([], dtype=np.int64)) == []


def test_bm25s_ranks_only_the_allowed_passages(retriever: Retriever, library: Library) -> None:
    wanted = library.store.passage_ids_of([speech_id(library, "undated.txt")])
    found = retriever.index.lexical.search("老年大学 体检", 50, wanted)
    assert found and {doc for doc, _ in found} <= set(wanted.tolist())
    assert retriever.index.lexical.search("招生", 50, wanted) == []  # only passages outside have the word
    assert retriever.index.lexical.search("招生", 50)


def test_the_words_that_named_the_filter_do_not_count_against_the_answer(retriever: Retriever) -> None:
    named = retriever.search("沈伟讲话中关于活动中心管理的内容", k=3, auto_filter=True)
    plain = retriever.search("关于活动中心管理的内容", k=3)
    assert named.filters is not None and named.filters.applied.speakers == ("沈伟",)
    assert "沈伟" not in named.terms
    # every passage of that speech holds 活动中心管理: the top one covers the question as well as without
    # the speaker's name, and the name is not a word the passage lacks
    assert named.signals is not None and plain.signals is not None
    assert named.signals.coverage == plain.signals.coverage
    assert named.signals.missing_peak == plain.signals.missing_peak
    assert named.signals.unseen_share == plain.signals.unseen_share


def test_a_question_naming_only_its_filter_is_possibly_relevant(
    retriever: Retriever, library: Library
) -> None:
    answer = retriever.search("沈伟讲了什么", k=5, auto_filter=True)
    assert answer.confidence == "medium" and answer.probability is None and answer.answered
    assert {h.passage.speech_id for h in answer.hits} <= {
        speech_id(library, "2023.txt"),
        speech_id(library, "center.txt"),
    }


def test_naming_only_the_filter_given_on_the_command_line_is_judged_as_when_it_is_read_from_the_question(
    retriever: Retriever,
) -> None:
    read = retriever.search("沈伟讲了什么", k=5, auto_filter=True)
    given = retriever.search("沈伟讲了什么", k=5, filters=Filters(speakers=("沈伟",)), auto_filter=True)
    assert (given.confidence, given.probability) == (read.confidence, read.probability) == ("medium", None)
    assert [h.passage.id for h in given.hits] == [h.passage.id for h in read.hits]
    # a name the question holds that is not the filter given stays in the query, and is judged
    other = retriever.search("沈伟讲了什么", k=5, filters=Filters(speakers=("王芳",)), auto_filter=True)
    assert "沈伟" in other.terms


def test_a_filter_is_within_another_that_names_as_much() -> None:
    assert Filters(speakers=("沈伟",)).within(Filters(speakers=("沈伟", "王芳")))
    assert not Filters(speakers=("沈伟",)).within(Filters(speakers=("王芳",)))
    year = Filters(since="2024-01-01", until="2024-12-31")
    assert year.within(replace(year, speakers=("沈伟",)))
    assert not year.within(Filters(since="2023-01-01", until="2023-12-31"))
    assert Filters().within(Filters())


def test_speaker_names_match_across_traditional_and_simplified_script() -> None:
    facets = Facets(speakers=("陈志明",))
    assert detect_filters("陳志明同志的講話", facets).filters.speakers == ("陈志明",)
    speech = SpeechRecord(1, "在全市大会上的讲话", None, "2022-12-02", "陳 志明", "a.txt", None, 3)
    assert Facets.of([speech]).speakers == ("陈志明",)  # folded when read from the speeches, too
    assert speech_matches(speech, Filters(speakers=("陈志明",)))
    assert speech_matches(speech, Filters(speakers=("陳志明",)))
    assert not speech_matches(speech, Filters(speakers=("王芳",)))


def test_a_speaker_stored_with_a_title_is_recognised_by_the_name_alone() -> None:
    # `speechqa edit --speaker 林晓东同志` stores the title; questions name the person
    speeches = [
        SpeechRecord(1, "在活动室启用仪式上的讲话", None, "2025-03-02", "林晓东同志", "a.txt", None, 3),
        SpeechRecord(2, "在全市大会上的讲话", None, "2024-05-06", "王建国 副局长", "b.txt", None, 3),
        SpeechRecord(3, "在座谈会上的讲话", None, "2024-06-01", "市委书记", "c.txt", None, 3),
    ]
    facets = Facets.of(speeches)
    assert set(facets.speakers) == {"林晓东", "王建国", "市委书记"}
    detected = detect_filters("林晓东讲话中关于活动室的内容", facets).filters
    assert detected.speakers == ("林晓东",)
    assert [s.id for s in speeches if speech_matches(s, detected)] == [1]
    assert detect_filters("王建国同志的讲话里讲了什么", facets).filters.speakers == ("王建国",)
    # a title with no name before it stays whole: 「市委」 alone is no speaker
    assert detect_filters("市委关于老干部工作的要求", facets).filters.speakers == ()


# -- a year a speech is about, named in its title or a heading ---------------------------------------

YEAR_END = (
    "在2023年度全市老干部工作总结会上的讲话\n（2023年12月28日）\n郑淑芬\n同志们：\n"
    "一、2023年工作回顾\n今年我们完成了离退休干部党支部规范化建设。\n"
    "二、2024年重点工作\n2024年6月底前，实现离退休干部党组织应建尽建、党的工作全面覆盖。\n"
)


@pytest.mark.parametrize(
    ("question", "found"),
    [("2024年离退休干部党组织要在什么时候前实现应建尽建", True), ("2022年离退休干部党组织应建尽建", False)],
)
def test_a_year_in_the_question_keeps_a_speech_whose_heading_names_it(
    tmp_path: Path, fake_embedder: FakeEmbedder, question: str, found: bool
) -> None:
    """A year-end speech dated 2023-12-28 sets the 2024 tasks under 「二、2024年重点工作」: a question about
    2024 is filtered to the speeches dated 2024 *and* this one. A year the speech does not name (2022)
    still leaves it out."""
    files = [
        ("year-end.txt", YEAR_END),
        ("2024.txt", speech_file("关于老年大学的讲话", "（2024年4月2日）", "王芳", "老年大学招生")),
        ("2022.txt", speech_file("关于活动中心的讲话", "（2022年5月6日）", "李华", "活动中心管理")),
    ]
    with speeches_library(tmp_path / "home", fake_embedder, files) as (library, retriever):
        answer = retriever.search(question, k=5, auto_filter=True)
        assert answer.filters is not None and not answer.filters.fallback
        year_end = speech_id(library, "year-end.txt")
        assert (year_end in {h.passage.speech_id for h in answer.hits}) is found
        assert speech_id(library, "2022.txt") not in {h.passage.speech_id for h in answer.hits} or not found


NOTICE_2025 = (
    "关于开展防范养老诈骗专项宣传活动的通知\n（2025年5月26日）\n"
    "近年来，以养老投资等名义实施的诈骗案件时有发生。二〇二四年全市共发生涉老诈骗案件137起，涉案金额1260万元。\n"
    "决定于2025年6月至8月在全市开展防范养老诈骗专项宣传活动。\n"
    "各单位要把宣传活动与日常走访结合起来，确保覆盖每一位老同志。\n"
)


@pytest.mark.parametrize(
    ("question", "passes"),
    [
        ("2024年全市涉老诈骗案件有多少起", True),  # a fact about 2024 in a notice of 2025
        ("2024年和2025年的涉老诈骗案件", True),
        ("2024年3月的涉老诈骗案件", False),  # a month: the passage names only the year
        ("2023年全市涉老诈骗案件有多少起", False),  # a year the passage does not name
    ],
)
def test_a_year_asked_about_keeps_the_passages_of_other_speeches_that_name_it(
    tmp_path: Path, fake_embedder: FakeEmbedder, question: str, passes: bool
) -> None:
    """Last year's figures stand in this year's notice: a question about 2024 keeps, beside the speeches
    dated 2024, the passage of the 2025 notice that names 2024 (in digits or 二〇二四) — not its other
    passages, and not for a month of that year or another year."""
    files = [
        ("notice.txt", NOTICE_2025),
        ("2024.txt", speech_file("关于老年大学的讲话", "（2024年3月2日）", "王芳", "老年大学招生")),
        ("2023.txt", speech_file("关于活动中心的讲话", "（2023年5月6日）", "李华", "活动中心管理")),
    ]
    with speeches_library(tmp_path / "home", fake_embedder, files) as (library, retriever):
        answer = retriever.search(question, k=20, auto_filter=True)
        assert answer.filters is not None and answer.filters.applied.since is not None
        notice = speech_id(library, "notice.txt")
        from_notice = [h.passage.text for h in answer.hits if h.passage.speech_id == notice]
        naming = [t for t in from_notice if "二〇二四年" in t]
        assert bool(naming) is passes
        if "2025年" not in question:
            assert from_notice == naming  # the notice's other passages stay out
        # a date given on the command line is when the speech was given, and nothing else
        given = retriever.search(question, k=20, filters=Filters(since="2024-01-01", until="2024-12-31"))
        assert notice not in {h.passage.speech_id for h in given.hits}


def test_a_given_date_range_is_the_speech_date_alone(library: Library) -> None:
    """--since/--until (given, not read from a question) select by date only: a speech that names 2024 in
    a heading but is dated 2023 stays out of `--since 2024-01-01`."""
    speech = next(s for s in library.store.speeches() if s.source == "2023.txt")
    named = (DateRange(date(2024, 1, 1), date(2024, 12, 31)),)
    given = Filters(since="2024-01-01", until="2024-12-31")
    asked = Filters(since="2024-01-01", until="2024-12-31", include_undated=True)
    assert not speech_matches(speech, given, named)
    assert speech_matches(speech, asked, named)
    assert not speech_matches(speech, asked)


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("三、2024年重点工作", [2024]),
        ("二〇二四年工作要点 2023年度总结", [2023, 2024]),
        ("第20245年", []),
        ("12024年", []),
        ("老干部工作", []),
    ],
)
def test_named_years_reads_the_years_a_heading_names(text: str, years: list[int]) -> None:
    assert [r.start.year for r in named_years(text)] == years


def test_a_date_range_names_itself_as_a_filter_of_the_same_days_does() -> None:
    for start, end in [
        (date(2025, 1, 1), date(2025, 12, 31)),
        (date(2019, 3, 1), date(2019, 3, 31)),
        (date(2026, 1, 1), None),
        (None, date(2020, 12, 31)),
        (date(2021, 1, 1), date(2025, 12, 31)),
    ]:
        as_filter = Filters(
            since=start.isoformat() if start else None, until=end.isoformat() if end else None
        )
        assert DateRange(start, end).describe() == as_filter.describe()
    assert DateRange(date(2025, 1, 1), date(2025, 12, 31)).describe() == "2025 年"


def test_a_given_speaker_one_character_off_a_known_one_is_named_on_the_fallback(retriever: Retriever) -> None:
    """`--speaker 沈玮` (for 沈伟): the filter allows nothing, the results are unfiltered as before, and the
    report names the speaker meant (the CLI: 「筛选条件「沈玮」下没有任何讲话（是不是「沈伟」？），…」), as a
    name mistyped in the question is corrected. Before, nothing hinted at the typo."""
    answer = retriever.search("老年大学建设", k=3, filters=Filters(speakers=("沈玮",)))
    report = answer.filters
    assert report is not None and report.fallback and len(answer.hits) == 3
    assert report.near_speakers == ("沈伟",) and report.near_note == "（是不是「沈伟」？）"
    assert report.to_json()["near_speakers"] == ["沈伟"]
    other = retriever.search("老年大学建设", k=3, filters=Filters(speakers=("李四",))).filters
    assert other is not None and other.fallback and other.near_speakers == () and other.near_note == ""
    found = retriever.search("老年大学建设", k=3, filters=Filters(speakers=("沈伟",))).filters
    assert found is not None and not found.fallback and found.near_speakers == ()


@given(
    st.sampled_from(["沈伟", "王芳", "欧阳明华", "周建明"]), st.integers(0, 3), st.sampled_from("健玮方华李")
)
def test_near_speakers_are_the_known_names_one_character_off(name: str, at: int, other: str) -> None:
    from retrieval.filters import near_speakers

    known = ("沈伟", "王芳", "欧阳明华", "周建明")
    at %= len(name)
    typed = name[:at] + other + name[at + 1 :]
    if typed == name:
        assert near_speakers([typed], known) == ()  # a name the library has is no typo
    else:
        assert name in near_speakers([typed], known)
        assert all(len(n) == len(typed) for n in near_speakers([typed], known))
    assert near_speakers(["歐陽明華"], known) == ()  # the same name in traditional script
    assert near_speakers(["李"], known) == () and near_speakers(["张三丰"], known) == ()


# -- speeches with no date under a date filter are counted, never passed silently (docs/more58.md) ---------
@given(
    dates=st.lists(st.sampled_from([None, "2024-03-01", "2025", "2026-05", None]), min_size=0, max_size=8),
    speakers=st.lists(st.sampled_from(["沈伟", "王芳", None]), min_size=8, max_size=8),
    year=st.sampled_from([2024, 2025, 2026]),
    keep=st.sampled_from(["all", "named", "none"]),
    speaker=st.sampled_from([(), ("沈伟",)]),
)
def test_the_undated_speeches_a_date_filter_meets_are_each_counted_kept_or_left_out(
    dates: list[str | None], speakers: list[str | None], year: int, keep: str, speaker: tuple[str, ...]
) -> None:
    speeches = [
        SpeechRecord(n, f"讲话{n}", None, when, speakers[n], f"{n}.txt", None, 3)
        for n, when in enumerate(dates)
    ]
    filters = Filters(
        speakers=speaker,
        since=f"{year}-01-01",
        until=f"{year}-12-31",
        include_undated=keep == "all",
        undated_if_named=keep == "named",
    )
    named = {0: (DateRange(date(year, 1, 1), date(year, 12, 31)),)}  # the first speech's title names it
    counted = undated_speeches(speeches, filters, named)
    met = [
        s for s in speeches if s.date is None and speech_matches(s, replace(filters, since=None, until=None))
    ]
    passed = [s for s in met if speech_matches(s, filters, named.get(s.id, ()))]
    assert counted == Undated(len(passed), len(met) - len(passed))
    assert counted.kept == (len(met) if keep == "all" else 0 if keep == "none" else len(passed))
    # the filter line says every count that is not zero, in one bracket
    note = FilterReport(filters, filters, passages=1, fallback=False, undated=counted).undated_note
    assert (f"另含 {counted.kept} 篇" in note) == bool(counted.kept)
    assert (f"不含 {counted.left_out} 篇" in note) == bool(counted.left_out)
    assert (note == "") == (counted == Undated())
    # no date in the filter: nothing to count
    assert undated_speeches(speeches, replace(filters, since=None, until=None), named) == Undated()


def test_a_year_read_from_the_question_says_how_many_undated_speeches_it_kept_a_given_one_how_many_it_left(
    retriever: Retriever, library: Library
) -> None:
    undated = sum(s.date is None for s in library.store.speeches())
    assert undated == 1  # the case this test is about: one speech of FILES has no date
    auto = retriever.search("2023年离休干部体检", k=20, auto_filter=True)
    assert auto.filters is not None and auto.filters.undated == Undated(kept=undated)
    assert auto.filters.undated_note == f"（另含 {undated} 篇日期不详的讲话）"
    assert auto.filters.to_json()["undated_kept"] == undated
    given = retriever.search("离休干部体检", k=20, filters=Filters(since="2023-01-01", until="2023-12-31"))
    assert given.filters is not None and given.filters.undated == Undated(left_out=undated)
    assert given.filters.undated_note == f"（不含 {undated} 篇日期不详的讲话）"
    speaker = retriever.search("离休干部体检", k=20, filters=Filters(speakers=("沈伟",)))
    assert speaker.filters is not None and speaker.filters.undated_note == ""  # no date: nothing to say
